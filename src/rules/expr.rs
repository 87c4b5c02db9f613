//! The assertion language of rule files: arithmetic over interval-valued figures and one
//! comparison.
//!
//! ```text
//! sum(shares) <= 100
//! exports + imports == total
//! part / whole * 100 == share
//! prev(exports) + prev(imports) == prev(total)
//! ```
//!
//! Names are bindings of the rule (one figure, or a list for `many` bindings); functions are
//! `sum`, `max`, `min`, `count` over lists and `prev(x)`, the value a year earlier implied by the
//! growth rate stated with `x`. Comparisons are on intervals: `==` holds when the two can be
//! equal, `<=` when the left can be at most the right. Every value carries the text that shows
//! how it was computed, so a failed assertion explains itself.

use crate::interval::Interval;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Le,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Le => "<=",
            CmpOp::Ge => ">=",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    fn apply(self, x: &Interval, y: &Interval) -> Interval {
        match self {
            BinOp::Add => x.add(y),
            BinOp::Sub => x.sub(y),
            BinOp::Mul => x.mul(y),
            BinOp::Div => x.div(y),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Num(Decimal),
    Var(String),
    Call(String, Vec<Expr>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
}

/// `lhs op rhs`.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub lhs: Expr,
    pub op: CmpOp,
    pub rhs: Expr,
}

/// One comparison, or several joined by `and`: all must hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Assertion {
    pub clauses: Vec<Comparison>,
}

/// A mistake in an assertion, at a byte offset of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

const FUNCTIONS: &[&str] = &[
    "sum", "max", "min", "count", "prev", "growth", "months", "integers",
];

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(Decimal),
    Ident(String),
    Op(&'static str),
}

fn lex(s: &str) -> Result<Vec<(Tok, usize, usize)>, ParseError> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() || c == b'.' {
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                i += 1;
            }
            let n = Decimal::from_str(&s[start..i]).map_err(|_| ParseError {
                offset: start,
                len: i - start,
                message: format!("`{}` is not a number", &s[start..i]),
            })?;
            if b.get(i) == Some(&b'%') {
                i += 1; // `100%` reads as 100: shares are in percent already
            }
            out.push((Tok::Num(n), start, i));
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push((Tok::Ident(s[start..i].to_string()), start, i));
        } else {
            let two = s.get(i..i + 2).unwrap_or("");
            let op: &'static str = match two {
                "==" => "==",
                "<=" => "<=",
                ">=" => ">=",
                _ => match c {
                    b'+' => "+",
                    b'-' => "-",
                    b'*' => "*",
                    b'/' => "/",
                    b'(' => "(",
                    b')' => ")",
                    b',' => ",",
                    b'<' => "<",
                    b'>' => ">",
                    _ => {
                        let ch = s[i..].chars().next().unwrap_or('?');
                        return Err(ParseError {
                            offset: i,
                            len: ch.len_utf8(),
                            message: format!("unexpected character `{ch}`"),
                        });
                    }
                },
            };
            i += op.len();
            out.push((Tok::Op(op), start, i));
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<(Tok, usize, usize)>,
    pos: usize,
    src: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.0)
    }

    fn here(&self) -> (usize, usize) {
        match self.toks.get(self.pos) {
            Some((_, s, e)) => (*s, e - s),
            None => (self.src.len(), 0),
        }
    }

    fn error(&self, message: impl Into<String>) -> ParseError {
        let (offset, len) = self.here();
        ParseError {
            offset,
            len,
            message: message.into(),
        }
    }

    fn eat(&mut self, op: &str) -> bool {
        if self.peek() == Some(&Tok::Op(static_op(op))) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn additive(&mut self) -> Result<Expr, ParseError> {
        let mut lhs = self.multiplicative()?;
        loop {
            let op = if self.eat("+") {
                BinOp::Add
            } else if self.eat("-") {
                BinOp::Sub
            } else {
                return Ok(lhs);
            };
            let rhs = self.multiplicative()?;
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
    }

    fn multiplicative(&mut self) -> Result<Expr, ParseError> {
        let mut lhs = self.unary()?;
        loop {
            let op = if self.eat("*") {
                BinOp::Mul
            } else if self.eat("/") {
                BinOp::Div
            } else {
                return Ok(lhs);
            };
            let rhs = self.unary()?;
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if self.eat("-") {
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        match self.peek().cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                Ok(Expr::Num(n))
            }
            Some(Tok::Ident(name)) => {
                self.pos += 1;
                if self.eat("(") {
                    if !FUNCTIONS.contains(&name.as_str()) {
                        self.pos -= 2;
                        return Err(self.error(format!(
                            "unknown function `{name}`; the functions are {}",
                            FUNCTIONS.join(", ")
                        )));
                    }
                    let mut args = vec![self.additive()?];
                    while self.eat(",") {
                        args.push(self.additive()?);
                    }
                    if !self.eat(")") {
                        return Err(self.error("expected `)`"));
                    }
                    Ok(Expr::Call(name, args))
                } else {
                    Ok(Expr::Var(name))
                }
            }
            Some(Tok::Op("(")) => {
                self.pos += 1;
                let e = self.additive()?;
                if !self.eat(")") {
                    return Err(self.error("expected `)`"));
                }
                Ok(e)
            }
            _ => Err(self.error("expected a number, a name or `(`")),
        }
    }
}

fn static_op(op: &str) -> &'static str {
    [
        "==", "<=", ">=", "+", "-", "*", "/", "(", ")", ",", "<", ">",
    ]
    .into_iter()
    .find(|o| *o == op)
    .unwrap_or("")
}

fn comparison(p: &mut Parser) -> Result<Comparison, ParseError> {
    let lhs = p.additive()?;
    let op = match p.peek() {
        Some(Tok::Op("==")) => CmpOp::Eq,
        Some(Tok::Op("<=" | "<")) => CmpOp::Le,
        Some(Tok::Op(">=" | ">")) => CmpOp::Ge,
        _ => return Err(p.error("expected a comparison: `==`, `<=` or `>=`")),
    };
    p.pos += 1;
    let rhs = p.additive()?;
    Ok(Comparison { lhs, op, rhs })
}

/// Parses `lhs op rhs`, or several such joined by `and`.
pub fn parse(src: &str) -> Result<Assertion, ParseError> {
    let toks = lex(src)?;
    let mut p = Parser { toks, pos: 0, src };
    let mut clauses = vec![comparison(&mut p)?];
    while p.peek() == Some(&Tok::Ident("and".into())) {
        p.pos += 1;
        clauses.push(comparison(&mut p)?);
    }
    if p.peek().is_some() {
        return Err(p.error("unexpected text after the comparison (join comparisons with `and`)"));
    }
    Ok(Assertion { clauses })
}

impl Expr {
    /// The names the expression uses.
    pub fn names(&self, out: &mut Vec<String>) {
        match self {
            Expr::Num(_) => {}
            Expr::Var(n) => out.push(n.clone()),
            Expr::Call(_, args) => args.iter().for_each(|a| a.names(out)),
            Expr::Bin(_, a, b) => {
                a.names(out);
                b.names(out);
            }
            Expr::Neg(a) => a.names(out),
        }
    }
}

impl Assertion {
    pub fn names(&self) -> Vec<String> {
        let mut out = Vec::new();
        for c in &self.clauses {
            c.lhs.names(&mut out);
            c.rhs.names(&mut out);
        }
        out.sort();
        out.dedup();
        out
    }
}

/// One figure as the evaluator sees it.
#[derive(Clone, Debug)]
pub struct Term {
    /// In display units (see the rule evaluator).
    pub interval: Interval,
    /// The figure as shown in arithmetic: `5455`.
    pub shown: String,
    /// Decimals printed, to round computed results alike.
    pub decimals: u32,
    /// The unit shown after a value: `亿元`, `%`.
    pub unit: String,
    /// What the shown value is multiplied by to reach the base unit (10⁸ for `亿元`).
    pub factor: Decimal,
    /// The growth rate stated with the figure, in percent, for `prev` and `growth`.
    pub growth: Option<Interval>,
}

/// A computed value and how it was computed.
#[derive(Clone, Debug)]
pub struct Value {
    pub interval: Interval,
    /// `56.5 + 27.1 + 19.4`.
    pub shown: String,
    pub decimals: u32,
    /// The unit of the result, empty when arithmetic changed it (a ratio).
    pub unit: String,
    /// A single literal or figure: shown as is, no `=` needed.
    pub atomic: bool,
}

/// Why an assertion could not be evaluated on a binding (not a failure of the rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    Unbound(String),
    NoGrowth(String),
    Empty,
    NotAList,
    /// A divisor whose interval holds zero: the quotient says nothing. The divisor as shown.
    DivideByZero(String),
}

pub trait Env {
    fn lookup(&self, name: &str) -> Option<&[Term]>;
    /// Percentage points a growth rate may be off by (revised prior-year data).
    fn growth_slack(&self) -> Decimal {
        Decimal::ZERO
    }

    /// The bounds of `prev(name)`, term by term (`None` for a term with no growth rate). An
    /// environment that is evaluated many times over (a relation whose culprit is sought) keeps
    /// them, since each costs four divisions.
    fn prev_bounds(&self, name: &str) -> Option<Cow<'_, [Option<Bounds>]>> {
        let slack = self.growth_slack();
        let terms = self.lookup(name)?;
        Some(terms.iter().map(|t| Bounds::of(t).prev(slack)).collect())
    }
}

fn atomic(t: &Term) -> Value {
    Value {
        interval: t.interval,
        shown: t.shown.clone(),
        decimals: t.decimals,
        unit: t.unit.clone(),
        atomic: true,
    }
}

/// The interval of a sum of terms: a single term's own.
fn sum_interval<'t>(mut v: impl ExactSizeIterator<Item = &'t Interval>) -> Interval {
    if v.len() == 1 {
        return *v.next().expect("one term");
    }
    v.fold(Interval::exact(Decimal::ZERO), |a, t| a.add(t))
}

fn sum(v: &[Term]) -> Value {
    if v.len() == 1 {
        return atomic(&v[0]);
    }
    Value {
        interval: sum_interval(v.iter().map(|t| &t.interval)),
        shown: v.iter().enumerate().fold(String::new(), |mut acc, (i, t)| {
            match (i, t.shown.strip_prefix('-')) {
                (0, _) => acc.push_str(&t.shown),
                (_, Some(neg)) => acc.push_str(&format!(" - {neg}")),
                (_, None) => acc.push_str(&format!(" + {}", t.shown)),
            }
            acc
        }),
        decimals: v.iter().map(|t| t.decimals).max().unwrap_or(0),
        unit: v[0].unit.clone(),
        atomic: false,
    }
}

fn wrap(v: &Value) -> String {
    if v.atomic {
        v.shown.clone()
    } else {
        format!("({})", v.shown)
    }
}

/// A literal 10, 100, 1000…
fn is_power_of_ten(v: &Value) -> bool {
    v.atomic
        && v.unit.is_empty()
        && v.interval.lo == v.interval.hi
        && v.shown
            .strip_prefix('1')
            .is_some_and(|z| !z.is_empty() && z.chars().all(|c| c == '0'))
}

fn number(n: Decimal) -> Value {
    Value {
        interval: Interval::exact(n),
        shown: n.normalize().to_string(),
        decimals: 0,
        unit: String::new(),
        atomic: true,
    }
}

/// A growth rate widened by the slack.
fn widened(g: &Interval, slack: Decimal) -> Interval {
    g.add(&Interval::new(Some(-slack), Some(slack)))
}

/// The interval of the value a year earlier: `x / (1 + g)`, `g` in percent.
fn prev_interval(x: &Interval, growth: &Interval) -> Interval {
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    x.div(&hundred.add(growth).div(&hundred))
}

/// The growth of a term as a term of its own (`+0.6`, in %), widened by the slack.
fn growth_term(t: &Term, slack: Decimal) -> Result<Term, EvalError> {
    let g = t
        .growth
        .ok_or_else(|| EvalError::NoGrowth(t.shown.clone()))?;
    // The printed rate had one decimal fewer than its rounding bounds.
    let decimals = g.lo.map_or(0, |lo| lo.scale().saturating_sub(1));
    let mut mid = g.mid().unwrap_or_default();
    mid.rescale(decimals);
    Ok(Term {
        interval: widened(&g, slack),
        shown: format!("{mid:+}"),
        decimals,
        unit: "%".into(),
        factor: Decimal::ONE,
        growth: None,
    })
}

/// The value a year earlier implied by a term and its growth rate: `x / (1 + g)`.
fn prev_term(t: &Term, slack: Decimal) -> Result<Term, EvalError> {
    let g = growth_term(t, slack)?;
    Ok(Term {
        interval: prev_interval(&t.interval, &g.interval),
        shown: format!(
            "{} / (1 {} {}%)",
            t.shown,
            if g.shown.starts_with('-') { "-" } else { "+" },
            g.shown.trim_start_matches(['+', '-']).trim_end_matches('%')
        ),
        decimals: t.decimals + 1,
        unit: t.unit.clone(),
        factor: t.factor,
        growth: None,
    })
}

/// The interval of `max` or `min` over a list: the greatest (least) of the lower bounds to the
/// greatest (least) of the upper ones.
fn extreme<'t>(max: bool, mut v: impl Iterator<Item = &'t Interval>) -> Interval {
    let pick = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
        (Some(a), Some(b)) => Some(if max { a.max(b) } else { a.min(b) }),
        _ => None,
    };
    let first = *v.next().expect("a list of one term or more");
    v.fold(first, |iv, t| {
        Interval::new(pick(iv.lo, t.lo), pick(iv.hi, t.hi))
    })
}

/// Months from a start to an end, both counted: April to November is 8.
fn months(start: &Interval, end: &Interval) -> Interval {
    end.sub(start).add(&Interval::exact(Decimal::ONE))
}

/// How many whole numbers a figure can stand for (0, 1, or 2 for "several"), in its base unit
/// (`factor` reaches it): `10.3万家` holds many.
fn integers(x: &Interval, factor: Decimal) -> Interval {
    let base = x.scale(factor);
    let n = match (base.lo, base.hi) {
        (Some(lo), Some(hi)) => {
            let (lo, hi) = (lo.ceil(), hi.floor());
            if hi < lo {
                0
            } else if hi == lo {
                1
            } else {
                2
            }
        }
        _ => 2,
    };
    Interval::exact(Decimal::from(n))
}

/// A term as far as its interval goes: what deciding whether a relation holds reads of it.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    interval: Interval,
    growth: Option<Interval>,
    factor: Decimal,
}

impl Bounds {
    pub fn of(t: &Term) -> Bounds {
        Bounds {
            interval: t.interval,
            growth: t.growth,
            factor: t.factor,
        }
    }

    /// As [`growth_term`]: the growth rate, widened, as a term of its own.
    fn growth(&self, slack: Decimal) -> Option<Bounds> {
        Some(Bounds {
            interval: widened(&self.growth?, slack),
            growth: None,
            factor: Decimal::ONE,
        })
    }

    /// As [`prev_term`]: the value a year earlier.
    pub fn prev(&self, slack: Decimal) -> Option<Bounds> {
        Some(Bounds {
            interval: prev_interval(&self.interval, &self.growth(slack)?.interval),
            growth: None,
            factor: self.factor,
        })
    }
}

impl Expr {
    /// The interval [`Expr::eval`] computes, without the text that shows how it was computed:
    /// whether a relation holds depends on the intervals alone, and a relation whose culprit is
    /// sought is evaluated dozens of times. `None` where `eval` fails.
    pub fn bounds(&self, env: &dyn Env) -> Option<Interval> {
        match self {
            Expr::Num(n) => Some(Interval::exact(*n)),
            Expr::Var(_) => self.bounds_of_sum(env),
            Expr::Call(f, args) => {
                let arg = |i: usize| args.get(i);
                match f.as_str() {
                    "sum" => arg(0)?.bounds_of_sum(env),
                    "count" => Some(Interval::exact(Decimal::from(
                        arg(0)?.bounds_list(env)?.len(),
                    ))),
                    "max" | "min" => {
                        let v = arg(0)?.bounds_list(env)?;
                        (!v.is_empty()).then(|| extreme(f == "max", v.iter().map(|t| &t.interval)))
                    }
                    "growth" | "prev" => {
                        let t = *arg(0)?.bounds_list(env)?.first()?;
                        let slack = env.growth_slack();
                        let b = if f == "growth" {
                            t.growth(slack)
                        } else {
                            t.prev(slack)
                        };
                        Some(b?.interval)
                    }
                    "months" => Some(months(&arg(0)?.bounds(env)?, &arg(1)?.bounds(env)?)),
                    "integers" => {
                        let t = *arg(0)?.bounds_list(env)?.first()?;
                        Some(integers(&t.interval, t.factor))
                    }
                    _ => None,
                }
            }
            Expr::Bin(op, a, b) => {
                let (x, y) = (a.bounds(env)?, b.bounds(env)?);
                if *op == BinOp::Div && y.may_be_zero() {
                    return None;
                }
                Some(op.apply(&x, &y))
            }
            Expr::Neg(a) => Some(a.bounds(env)?.neg()),
        }
    }

    /// The interval of the sum of a list-valued expression, as [`sum`] has it.
    fn bounds_of_sum(&self, env: &dyn Env) -> Option<Interval> {
        if let Expr::Var(n) = self {
            // A name's terms are summed where they are bound, not copied first.
            let v = env.lookup(n)?;
            return (!v.is_empty()).then(|| sum_interval(v.iter().map(|t| &t.interval)));
        }
        let v = self.bounds_list(env)?;
        (!v.is_empty()).then(|| sum_interval(v.iter().map(|t| &t.interval)))
    }

    /// [`Expr::eval_list`]'s terms as far as their intervals go.
    fn bounds_list(&self, env: &dyn Env) -> Option<Vec<Bounds>> {
        let slack = env.growth_slack();
        match self {
            Expr::Var(n) => Some(env.lookup(n)?.iter().map(Bounds::of).collect()),
            Expr::Call(f, args) if f == "growth" => {
                let inner = args.first()?.bounds_list(env)?;
                inner.iter().map(|t| t.growth(slack)).collect()
            }
            Expr::Call(f, args) if f == "prev" => match args.first()? {
                Expr::Var(n) => env.prev_bounds(n)?.iter().copied().collect(),
                inner => inner
                    .bounds_list(env)?
                    .iter()
                    .map(|t| t.prev(slack))
                    .collect(),
            },
            _ => None,
        }
    }

    /// The value of an expression made of literals only (`0`, `-(1 - 1)`), if it is one.
    pub fn literal(&self) -> Option<Decimal> {
        match self {
            Expr::Num(n) => Some(*n),
            Expr::Neg(a) => a.literal().map(|v| -v),
            Expr::Bin(op, a, b) => {
                let (x, y) = (a.literal()?, b.literal()?);
                match op {
                    BinOp::Add => x.checked_add(y),
                    BinOp::Sub => x.checked_sub(y),
                    BinOp::Mul => x.checked_mul(y),
                    BinOp::Div => x.checked_div(y),
                }
            }
            _ => None,
        }
    }

    /// Whether the expression divides by something made of literals that is zero (`x / 0`).
    pub fn divides_by_literal_zero(&self) -> bool {
        match self {
            Expr::Bin(op, a, b) => {
                (*op == BinOp::Div && b.literal().is_some_and(|v| v.is_zero()))
                    || a.divides_by_literal_zero()
                    || b.divides_by_literal_zero()
            }
            Expr::Neg(a) => a.divides_by_literal_zero(),
            Expr::Call(_, args) => args.iter().any(Expr::divides_by_literal_zero),
            _ => false,
        }
    }

    /// The terms of a list-valued expression: a name, or `growth(name)`. A name's terms are
    /// borrowed from the bindings, not copied: a relation is evaluated many times over when its
    /// culprit is sought.
    fn eval_list<'e>(&self, env: &'e dyn Env) -> Result<Cow<'e, [Term]>, EvalError> {
        match self {
            Expr::Var(n) => env
                .lookup(n)
                .map(Cow::Borrowed)
                .ok_or_else(|| EvalError::Unbound(n.clone())),
            Expr::Call(f, args) if f == "growth" => {
                let inner = args.first().ok_or(EvalError::Empty)?.eval_list(env)?;
                inner
                    .iter()
                    .map(|t| growth_term(t, env.growth_slack()))
                    .collect()
            }
            Expr::Call(f, args) if f == "prev" => {
                let inner = args.first().ok_or(EvalError::Empty)?.eval_list(env)?;
                inner
                    .iter()
                    .map(|t| prev_term(t, env.growth_slack()))
                    .collect()
            }
            _ => Err(EvalError::NotAList),
        }
    }

    pub fn eval(&self, env: &dyn Env) -> Result<Value, EvalError> {
        match self {
            Expr::Num(n) => Ok(number(*n)),
            Expr::Var(_) => {
                let v = self.eval_list(env)?;
                if v.is_empty() {
                    return Err(EvalError::Empty);
                }
                Ok(sum(&v))
            }
            Expr::Call(f, args) => self.call(f, args, env),
            Expr::Bin(op, a, b) => {
                let (x, y) = (a.eval(env)?, b.eval(env)?);
                if *op == BinOp::Div && y.interval.may_be_zero() {
                    return Err(EvalError::DivideByZero(y.shown.clone()));
                }
                let interval = op.apply(&x.interval, &y.interval);
                let sym = match op {
                    BinOp::Add => "+",
                    BinOp::Sub => "-",
                    BinOp::Mul => "×",
                    BinOp::Div => "/",
                };
                let shown = match op {
                    BinOp::Add => match y.shown.strip_prefix('-') {
                        Some(neg) if y.atomic => format!("{} - {neg}", x.shown),
                        _ => format!("{} + {}", x.shown, y.shown),
                    },
                    BinOp::Sub => format!("{} - {}", x.shown, wrap(&y)),
                    _ => format!("{} {sym} {}", wrap(&x), wrap(&y)),
                };
                let (decimals, unit) = match op {
                    BinOp::Add | BinOp::Sub => (x.decimals.max(y.decimals), x.unit.clone()),
                    // A ratio times 100 is a percentage: two decimals say enough.
                    BinOp::Mul if is_power_of_ten(&x) || is_power_of_ten(&y) => (2, String::new()),
                    // A product or quotient loses its unit; the other side of the comparison
                    // supplies it.
                    _ => (x.decimals.max(y.decimals) + 3, String::new()),
                };
                Ok(Value {
                    interval,
                    shown,
                    decimals,
                    unit,
                    atomic: false,
                })
            }
            Expr::Neg(a) => {
                let x = a.eval(env)?;
                Ok(Value {
                    interval: x.interval.neg(),
                    shown: format!("-{}", wrap(&x)),
                    decimals: x.decimals,
                    unit: x.unit.clone(),
                    atomic: x.atomic,
                })
            }
        }
    }

    fn call(&self, f: &str, args: &[Expr], env: &dyn Env) -> Result<Value, EvalError> {
        let arg = |i: usize| args.get(i).ok_or(EvalError::Empty);
        match f {
            "sum" => {
                let v = arg(0)?.eval_list(env)?;
                if v.is_empty() {
                    return Err(EvalError::Empty);
                }
                Ok(sum(&v))
            }
            "count" => Ok(number(Decimal::from(arg(0)?.eval_list(env)?.len()))),
            "max" | "min" => {
                let v = arg(0)?.eval_list(env)?;
                let first = v.first().ok_or(EvalError::Empty)?;
                let iv = extreme(f == "max", v.iter().map(|t| &t.interval));
                let mut best = first;
                for t in &v[1..] {
                    let better = match (t.interval.mid(), best.interval.mid()) {
                        (Some(a), Some(b)) => (f == "max") == (a > b),
                        _ => false,
                    };
                    if better {
                        best = t;
                    }
                }
                Ok(Value {
                    interval: iv,
                    shown: best.shown.clone(),
                    decimals: best.decimals,
                    unit: best.unit.clone(),
                    atomic: true,
                })
            }
            "growth" => {
                let v = arg(0)?.eval_list(env)?;
                let t = v.first().ok_or(EvalError::Empty)?;
                Ok(atomic(&growth_term(t, env.growth_slack())?))
            }
            "prev" => {
                let v = arg(0)?.eval_list(env)?;
                let t = v.first().ok_or(EvalError::Empty)?;
                let p = prev_term(t, env.growth_slack())?;
                Ok(Value {
                    interval: p.interval,
                    shown: p.shown,
                    decimals: p.decimals,
                    unit: p.unit,
                    atomic: false,
                })
            }
            "months" => {
                // Months from a start to an end, both counted: April to November is 8.
                let (a, b) = (arg(0)?.eval(env)?, arg(1)?.eval(env)?);
                Ok(Value {
                    interval: months(&a.interval, &b.interval),
                    shown: format!("{} to {}", a.shown, b.shown),
                    decimals: 0,
                    unit: "个月".into(),
                    atomic: false,
                })
            }
            "integers" => {
                // How many whole numbers the figure can stand for (0, 1, or 2 for "several"),
                // in its base unit: `10.3万家` holds many.
                let v = arg(0)?.eval_list(env)?;
                let t = v.first().ok_or(EvalError::Empty)?;
                let x = atomic(t);
                Ok(Value {
                    interval: integers(&t.interval, t.factor),
                    shown: format!("whole numbers within {}", x.shown),
                    decimals: 0,
                    unit: String::new(),
                    atomic: false,
                })
            }
            _ => Err(EvalError::Unbound(f.to_string())),
        }
    }
}

impl Comparison {
    /// True when the comparison can hold for some values the figures stand for.
    pub fn holds(&self, lhs: &Value, rhs: &Value) -> bool {
        self.holds_between(&lhs.interval, &rhs.interval)
    }

    /// [`Comparison::holds`] on the two sides' intervals.
    pub fn holds_between(&self, lhs: &Interval, rhs: &Interval) -> bool {
        match self.op {
            CmpOp::Eq => lhs.overlaps(rhs),
            CmpOp::Le => lhs.can_be_le(rhs),
            CmpOp::Ge => rhs.can_be_le(lhs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_rule_family_relations() {
        for s in [
            "sum(shares) <= 100%",
            "exports + imports == total",
            "part / whole * 100 == share",
            "prev(exports) + prev(imports) == prev(total)",
            "max(parts) <= whole",
            "growth(total) >= min(growth(parts)) and growth(total) <= max(growth(parts))",
            "months(start, end) == duration",
        ] {
            parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        }
    }

    #[test]
    fn mistakes_point_at_their_offset() {
        let e = parse("sum(shares) <= ").unwrap_err();
        assert_eq!(e.offset, 15);
        let e = parse("total(x) == 1").unwrap_err();
        assert!(
            e.message.contains("unknown function `total`"),
            "{}",
            e.message
        );
        let e = parse("a + b").unwrap_err();
        assert!(e.message.contains("comparison"));
        let e = parse("a = b").unwrap_err();
        assert!(
            e.message.contains("unexpected character `=`"),
            "{}",
            e.message
        );
    }

    struct One(Vec<(String, Vec<Term>)>);
    impl Env for One {
        fn lookup(&self, name: &str) -> Option<&[Term]> {
            self.0
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_slice())
        }
    }

    fn term(s: &str) -> Term {
        let d = Decimal::from_str(s).unwrap();
        Term {
            interval: Interval::rounded(d),
            shown: s.into(),
            decimals: d.scale(),
            unit: "%".into(),
            factor: Decimal::ONE,
            growth: None,
        }
    }

    #[test]
    fn bounds_are_the_intervals_eval_computes() {
        let grown = |s: &str, g: &str| Term {
            growth: Some(Interval::rounded(Decimal::from_str(g).unwrap())),
            ..term(s)
        };
        let env = One(vec![
            ("a".into(), vec![grown("56.5", "2.1")]),
            ("b".into(), vec![grown("27.10", "-0.4"), term("19.4")]),
            ("c".into(), vec![term("0.0")]),
            ("d".into(), vec![term("12")]),
            ("none".into(), vec![]),
        ]);
        for src in [
            "a / (b - a) * 100 == d",
            "(a / d - 1) * 100 == b",
            "sum(b) - sum(a) == -a",
            "count(b) == 2 and count(none) == 0",
            "growth(a) >= min(growth(b)) and growth(a) <= max(growth(b))",
            "sum(prev(b)) == prev(a)",
            "max(b) <= a and min(b) <= sum(none)",
            "months(d, a) == 12 and integers(a) >= 1",
            "a / c == d",
            "prev(d) == x",
        ] {
            for c in parse(src).unwrap().clauses {
                for side in [&c.lhs, &c.rhs] {
                    let want = side.eval(&env).ok().map(|v| format!("{:?}", v.interval));
                    let got = side.bounds(&env).map(|i| format!("{i:?}"));
                    assert_eq!(got, want, "{src}");
                }
            }
        }
    }

    #[test]
    fn sums_show_their_terms_and_respect_rounding() {
        let env = One(vec![(
            "shares".into(),
            vec![term("56.5"), term("27.1"), term("19.4")],
        )]);
        let a = &parse("sum(shares) <= 100").unwrap().clauses[0];
        let (l, r) = (a.lhs.eval(&env).unwrap(), a.rhs.eval(&env).unwrap());
        assert_eq!(l.shown, "56.5 + 27.1 + 19.4");
        assert!(!a.holds(&l, &r));
        let env = One(vec![(
            "shares".into(),
            vec![term("56.5"), term("27.1"), term("16.5")],
        )]);
        let l = a.lhs.eval(&env).unwrap();
        assert!(
            a.holds(&l, &r),
            "100.1 is within the rounding of three parts"
        );
    }
}
