//! The likely culprit: for each figure of a failed relation, the nearest value (printed with the
//! figure's own precision) that would make the relation hold if that figure alone changed, and
//! whether a slip of the pen (one digit changed, two swapped) of the printed figure gives such
//! a value. In the manner of
//! statcheck's `diagnose`: an editor sees at once which figure to look at.

use super::eval::{failing_clause, Bound};
use super::expr::{Bounds, CmpOp, Env, Term};
use super::Rule;
use crate::extract::Extraction;
use crate::interval::Interval;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::str::FromStr;

/// How many figures a suggestion names at most.
const MAX_FIXES: usize = 5;

/// The relation with one term replaced by `v`: does it hold, and by what margin?
struct Probe<'a> {
    rule: &'a Rule,
    env: &'a Bound,
    name: &'a str,
    index: usize,
    exact: bool,
    decimals: u32,
    /// Vary the growth rate stated with the figure instead of the figure.
    growth: bool,
    /// The comparison that fails with the printed figures.
    clause: usize,
}

/// The bound terms with one name's terms replaced: a probe copies the terms of the name it
/// varies, not all of them.
struct Replaced<'a> {
    env: &'a Bound,
    name: &'a str,
    index: usize,
    terms: Vec<Term>,
}

impl Env for Replaced<'_> {
    fn lookup(&self, name: &str) -> Option<&[Term]> {
        if name == self.name {
            Some(&self.terms)
        } else {
            self.env.lookup(name)
        }
    }

    fn growth_slack(&self) -> Decimal {
        self.env.growth_slack()
    }

    /// The bindings' own, but for the one term replaced.
    fn prev_bounds(&self, name: &str) -> Option<Cow<'_, [Option<Bounds>]>> {
        let mut prevs = self.env.prev_bounds(name)?;
        if name == self.name {
            if let Some(t) = self.terms.get(self.index) {
                prevs.to_mut()[self.index] = Bounds::of(t).prev(self.growth_slack());
            }
        }
        Some(prevs)
    }
}

impl Probe<'_> {
    fn with(&self, v: Decimal) -> Replaced<'_> {
        let mut terms = self.env.lookup(self.name).unwrap_or_default().to_vec();
        if let Some(t) = terms.get_mut(self.index) {
            let v = v.round_dp(self.decimals);
            let interval = if self.exact {
                Interval::exact(v)
            } else {
                let mut r = v;
                r.rescale(self.decimals);
                Interval::rounded(r)
            };
            if self.growth {
                t.growth = Some(interval);
            } else {
                t.interval = interval;
            }
        }
        Replaced {
            env: self.env,
            name: self.name,
            index: self.index,
            terms,
        }
    }

    fn holds(&self, v: Decimal) -> bool {
        matches!(failing_clause(self.rule, &self.with(v)), Some(None))
    }

    /// Signed distance from failing, for the first comparison: ≥ 0 where it holds (`<=`, `>=`);
    /// the gap between the two midpoints for `==`.
    fn margin(&self, v: Decimal) -> Option<Decimal> {
        let env = self.with(v);
        let c = self.rule.assertion.clauses.get(self.clause)?;
        let (l, r) = (c.lhs.bounds(&env)?, c.rhs.bounds(&env)?);
        Some(match c.op {
            CmpOp::Le => r.hi? - l.lo?,
            CmpOp::Ge => l.hi? - r.lo?,
            CmpOp::Eq => r.mid()? - l.mid()?,
        })
    }
}

/// The rule's assertion reads growth rates (`prev`, `growth`).
pub(super) fn uses_growth(rule: &Rule) -> bool {
    rule.spec.assertion.contains("prev(") || rule.spec.assertion.contains("growth(")
}

/// One figure's fix.
struct Fix {
    /// The figure's span, when the fix changes the figure itself (not its growth rate).
    figure: Option<std::ops::Range<usize>>,
    shown: String,
    unit: String,
    to: Decimal,
    open: Option<&'static str>,
    slip: Option<(Decimal, SlipKind)>,
    relative: Decimal,
}

fn step(decimals: u32) -> Decimal {
    Decimal::new(1, decimals)
}

/// The nearest value on the printed grid that makes the relation hold.
fn nearest(p: &Probe, v0: Decimal) -> Option<(Decimal, Option<&'static str>)> {
    let s = step(p.decimals);
    // Secant iterations on the margin; the relations are linear or close to it.
    let (mut a, mut b) = (
        v0,
        v0.checked_add((v0.abs() / Decimal::ONE_HUNDRED).max(s))?,
    );
    // Each round's new point is the next round's old one: its margin is carried over.
    let mut ma = p.margin(a)?;
    for round in 0..6 {
        let mb = p.margin(b)?;
        if mb == ma || mb.is_zero() {
            if round == 0 {
                return None; // the figure does not move the relation
            }
            break;
        }
        let c = b.checked_sub(
            mb.checked_mul(b.checked_sub(a)?)?
                .checked_div(mb.checked_sub(ma)?)?,
        )?;
        (a, ma) = (b, mb);
        b = c;
    }
    let root = b.checked_div(s)?.round().checked_mul(s)?;
    // For `<=` and `>=` the nearest value to the printed one that holds (the boundary); for
    // `==` the value the others point to.
    let equality = p.rule.assertion.clauses.get(p.clause).map(|c| c.op) == Some(CmpOp::Eq);
    let aim = if equality { root } else { v0 };
    // The grid points around the root, nearest the aim first (the lower of two as near): the
    // first that holds is the answer, and each probe evaluates the whole relation.
    let mut grid: Vec<Decimal> = (-12i64..=12)
        .map(|k| root + s * Decimal::from(k))
        .filter(|v| v0.is_sign_positive() == v.is_sign_positive() || v.is_zero())
        .collect();
    grid.sort_by_key(|&v| ((v - aim).abs(), v));
    let best = grid.into_iter().find(|&v| p.holds(v))?;
    // Beyond the boundary the relation keeps holding for `<=`/`>=`: say "or less"/"or more".
    let direction = if best < v0 {
        -Decimal::ONE
    } else {
        Decimal::ONE
    };
    let far = best + direction * s * Decimal::TEN;
    let open = match p.rule.assertion.clauses.get(p.clause).map(|c| c.op) {
        Some(CmpOp::Le | CmpOp::Ge) if p.holds(far) => {
            Some(if best < v0 { "or less" } else { "or more" })
        }
        _ => None,
    };
    Some((best, open))
}

/// A slip of the pen: one digit changed, or two neighbouring digits swapped.
#[derive(Clone, Copy, Debug)]
enum SlipKind {
    Digit,
    Swap,
}

/// The slip of a printed figure that makes the relation hold nearest to `near` (the first
/// of those as near, in the order they are written out). The variants are tried nearest
/// first, so the search stops at the first that holds.
fn slips(p: &Probe, shown: &str, near: Decimal) -> Option<(Decimal, SlipKind)> {
    let mut variants: Vec<(Decimal, SlipKind)> = Vec::new();
    let mut add = |s: &[char], kind: SlipKind| {
        if let Ok(v) = Decimal::from_str(&s.iter().collect::<String>()) {
            variants.push((v, kind));
        }
    };
    let chars: Vec<char> = shown.chars().collect();
    for i in 0..chars.len() {
        if !chars[i].is_ascii_digit() {
            continue;
        }
        for d in '0'..='9' {
            if d == chars[i] || (i == 0 && d == '0' && chars.len() > 1) {
                continue;
            }
            let mut v = chars.clone();
            v[i] = d;
            add(&v, SlipKind::Digit);
        }
        // `482589` typed as `428589`.
        if i + 1 < chars.len() && chars[i + 1].is_ascii_digit() && chars[i] != chars[i + 1] {
            let mut v = chars.clone();
            v.swap(i, i + 1);
            if !(i == 0 && v[0] == '0') {
                add(&v, SlipKind::Swap);
            }
        }
    }
    // A stable sort: of two as near, the one written out first.
    variants.sort_by_key(|(v, _)| (*v - near).abs());
    variants.into_iter().find(|&(v, _)| p.holds(v))
}

fn fix_for(p: &Probe, t: &Term) -> Option<Fix> {
    let v0 = Decimal::from_str(t.shown.trim_start_matches('+')).ok()?;
    let (to, open) = nearest(p, v0)?;
    let relative = if v0.is_zero() {
        Decimal::MAX
    } else {
        (to - v0).checked_div(v0).map_or(Decimal::MAX, |r| r.abs())
    };
    Some(Fix {
        figure: None,
        shown: t.shown.clone(),
        unit: t.unit.clone(),
        to,
        open,
        slip: slips(p, t.shown.trim_start_matches('+'), to),
        relative,
    })
}

/// The most figures a relation may bind for its figures to be probed one by one. Each probe
/// evaluates the whole relation again, so probing them all costs the square of their number;
/// a relation of more figures (a list of thousands of shares) is reported without a fix.
const MAX_PROBED: usize = 64;

/// The help line naming the figures that, changed alone, would make the relation hold, and
/// the same corrections as structured fixes.
pub fn suggest(
    rule: &Rule,
    env: &Bound,
    names: &BTreeMap<String, Vec<usize>>,
    ex: &Extraction,
) -> (String, Vec<crate::finding::Fix>) {
    if names.values().map(Vec::len).sum::<usize>() > MAX_PROBED {
        return (String::new(), Vec::new());
    }
    let failing =
        rule.assertion
            .clauses
            .iter()
            .position(|c| match (c.lhs.bounds(env), c.rhs.bounds(env)) {
                (Some(l), Some(r)) => !c.holds_between(&l, &r),
                _ => false,
            });
    let Some(clause) = failing else {
        return (String::new(), Vec::new());
    };
    let mut fixes: Vec<Fix> = Vec::new();
    for (name, ids) in names {
        for (index, &i) in ids.iter().enumerate() {
            let f = &ex.facts[i].figure;
            let Some(t) = env.terms.get(name).and_then(|ts| ts.get(index)) else {
                continue;
            };
            if f.kind == crate::extract::Kind::Date || f.qualifier.is_some() {
                continue;
            }
            let probe = Probe {
                rule,
                env,
                name,
                index,
                exact: t.interval.lo == t.interval.hi,
                decimals: t.decimals,
                growth: false,
                clause,
            };
            if let Some(mut fix) = fix_for(&probe, t) {
                fix.figure = Some(f.span.clone());
                fixes.push(fix);
            }
            // The growth rate stated with the figure can be the culprit too.
            if let Some(g) = t.growth.filter(|_| uses_growth(rule)) {
                let decimals = g.lo.map_or(0, |lo| lo.scale().saturating_sub(1));
                let mut mid = g.mid().unwrap_or_default();
                mid.rescale(decimals);
                let as_term = Term {
                    interval: g,
                    shown: mid.to_string(),
                    decimals,
                    unit: "%".into(),
                    factor: Decimal::ONE,
                    growth: None,
                };
                let probe = Probe {
                    growth: true,
                    decimals,
                    exact: false,
                    ..probe
                };
                if let Some(mut fix) = fix_for(&probe, &as_term) {
                    fix.shown = format!("growth {}", fix.shown);
                    fixes.push(fix);
                }
            }
        }
    }
    if fixes.is_empty() {
        return (String::new(), Vec::new());
    }
    fixes.sort_by_key(|f| f.relative);
    fixes.truncate(MAX_FIXES);
    let slipped: Vec<&Fix> = fixes.iter().filter(|f| f.slip.is_some()).collect();
    let parts: Vec<String> = fixes
        .iter()
        .map(|f| {
            let mut s = format!("{}{} → {}{}", f.shown, f.unit, f.to, f.unit);
            if let Some(o) = f.open {
                s.push(' ');
                s.push_str(o);
            }
            match f.slip {
                Some((v, SlipKind::Digit)) => {
                    s.push_str(&format!(" ({v}{} is one digit away)", f.unit))
                }
                Some((v, SlipKind::Swap)) => {
                    s.push_str(&format!(" ({v}{} has two digits swapped)", f.unit))
                }
                None => {}
            }
            s
        })
        .collect();
    let mut out = format!(
        "Changing one figure alone would make it hold: {}",
        parts.join("; ")
    );
    if let [only] = slipped.as_slice() {
        out.push_str(&format!(
            ". Likely culprit: {}{}, one slip of the pen from a value that fits",
            only.shown, only.unit
        ));
    }
    (out, fixes.iter().filter_map(structured).collect())
}

/// A fix as a change of the figure's number. None for a growth rate's fix, whose figure is
/// not the one printed.
fn structured(f: &Fix) -> Option<crate::finding::Fix> {
    let span = f.figure.as_ref()?;
    Some(crate::finding::Fix {
        span: span.clone(),
        from: f.shown.trim_start_matches('+').to_string(),
        to: f.to.to_string(),
        open: f.open,
        slip: f.slip.map(|(v, _)| format!("{v}{}", f.unit)),
    })
}
