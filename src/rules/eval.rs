//! Running one rule over the groups of an extraction: bind names to facts, evaluate the
//! assertion, and turn a failure into a finding with the arithmetic spelt out.
//!
//! Binding is strict on purpose: a name bound to one figure must match exactly one figure of the
//! group, or the group is skipped. Guessing between two candidates is how false alarms are born.

use super::culprit;
use super::display::Display;
use super::expr::{Bounds, CmpOp, Comparison, Env, EvalError, Term, Value};
use super::{CompiledSelector, Rule};
use crate::extract::{Extraction, Fact, Group, Kind, Role};
use crate::finding::{Finding, FindingLabel, Severity};
use crate::text::fxhash::FxHashSet;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeMap;

fn selects(sel: &CompiledSelector, fact: &Fact, role: Role) -> bool {
    let s = &sel.spec;
    sel.role.is_none_or(|r| r == role)
        && !fact.figure.attributive
        && fact.figure.delta == s.change
        && (sel.kinds.is_empty() || sel.kinds.contains(&fact.figure.kind))
        && sel.label.as_ref().is_none_or(|r| r.is_match(&fact.label))
        && sel
            .label_not
            .as_ref()
            .is_none_or(|r| !r.is_match(&fact.label))
        && sel
            .own_label_not
            .as_ref()
            .is_none_or(|r| !r.is_match(&fact.own_label()))
        && sel
            .base_not
            .as_ref()
            .is_none_or(|r| fact.base.as_deref().is_none_or(|b| !r.is_match(b)))
        && s.unit.as_ref().is_none_or(|u| u == fact.figure.unit)
        && s.tags
            .iter()
            .all(|t| fact.figure.tags.contains(&t.as_str()))
        && !s
            .tags_not
            .iter()
            .any(|t| fact.figure.tags.contains(&t.as_str()))
}

/// Binds the rule's names to facts of one group, or `None` when the group does not fit.
fn bind(rule: &Rule, ex: &Extraction, group: &Group) -> Option<BTreeMap<String, Vec<usize>>> {
    let mut used: Vec<usize> = Vec::new();
    let mut out = BTreeMap::new();
    // Single names first, so a list takes what is left.
    let singles = rule.bind.iter().filter(|(_, s)| !s.spec.many);
    let lists = rule.bind.iter().filter(|(_, s)| s.spec.many);
    for (name, sel) in singles.chain(lists) {
        let matches: Vec<usize> = group
            .members
            .iter()
            .filter(|m| !used.contains(&m.fact) && selects(sel, &ex.facts[m.fact], m.role))
            .map(|m| m.fact)
            .collect();
        let matches = if sel.spec.many {
            if matches.len() < sel.spec.min.max(1) {
                return None;
            }
            matches
        } else {
            // One figure, or one measure stated again with the same label and an agreeing
            // value (a headline and its body): the first statement stands for both.
            let first = *matches.first()?;
            let f = &ex.facts[first];
            let restated = matches.iter().all(|&m| {
                let g = &ex.facts[m];
                g.label == f.label && g.figure.interval.overlaps(&f.figure.interval)
            });
            if matches.len() > 1 && !restated {
                return None;
            }
            vec![first]
        };
        used.extend(&matches);
        out.insert(name.clone(), matches);
    }
    Some(out)
}

/// The growth rate stated with a level in its sentence (`出口5455亿元，同比增长0.6%`).
///
/// `growths` is the extraction's [`GrowthIndex`], so that a long sentence is not walked again
/// for every figure in it.
fn growth_of(ex: &Extraction, growths: &GrowthIndex, i: usize) -> Option<usize> {
    let level = &ex.facts[i];
    let mut k = growths.next[i + 1];
    while k < growths.stop[i] {
        if ex.facts[k].label == level.label {
            return Some(k);
        }
        k = growths.next[k + 1];
    }
    None
}

/// Where the stretch after each fact that [`growth_of`] reads ends (the next fact of another
/// sentence, or the next level), and the next growth from each fact on.
struct GrowthIndex {
    stop: Vec<usize>,
    next: Vec<usize>,
}

impl GrowthIndex {
    fn new(facts: &[Fact]) -> Self {
        let n = facts.len();
        let mut stop = vec![n; n];
        let mut next = vec![n; n + 1];
        for i in (0..n).rev() {
            next[i] = if facts[i].figure.kind == Kind::Growth {
                i
            } else {
                next[i + 1]
            };
            if let Some(f) = facts.get(i + 1) {
                stop[i] = if f.sentence != facts[i].sentence || f.is_level() {
                    i + 1
                } else {
                    stop[i + 1]
                };
            }
        }
        GrowthIndex { stop, next }
    }
}

/// The bound terms of one group, and the rule's slack for growth rates.
pub(super) struct Bound {
    pub terms: BTreeMap<String, Vec<Term>>,
    pub slack: Decimal,
    /// `prev` of every name's terms, computed the first time a `prev` is evaluated: the probes
    /// of a culprit ask for it again at every step.
    prevs: OnceCell<BTreeMap<String, Vec<Option<Bounds>>>>,
}

impl Bound {
    pub fn new(terms: BTreeMap<String, Vec<Term>>, slack: Decimal) -> Bound {
        Bound {
            terms,
            slack,
            prevs: OnceCell::new(),
        }
    }
}

impl Env for Bound {
    fn lookup(&self, name: &str) -> Option<&[Term]> {
        self.terms.get(name).map(Vec::as_slice)
    }

    fn growth_slack(&self) -> Decimal {
        self.slack
    }

    fn prev_bounds(&self, name: &str) -> Option<Cow<'_, [Option<Bounds>]>> {
        let prevs = self.prevs.get_or_init(|| {
            self.terms
                .iter()
                .map(|(n, ts)| {
                    let prev = ts.iter().map(|t| Bounds::of(t).prev(self.slack)).collect();
                    (n.clone(), prev)
                })
                .collect()
        });
        prevs.get(name).map(|v| Cow::Borrowed(v.as_slice()))
    }
}

fn describe(v: &Value, unit: &str) -> String {
    let point = v.interval.mid().unwrap_or_default();
    if v.atomic {
        format!("{}{unit}", v.shown)
    } else {
        format!("{} = {}{unit}", v.shown, point.round_dp(v.decimals))
    }
}

fn bounds(v: &Value, unit: &str) -> String {
    let show = |x: Option<Decimal>| match x {
        Some(x) => x.round_dp(v.decimals + 2).normalize().to_string(),
        None => "unbounded".to_string(),
    };
    if v.interval.lo == v.interval.hi {
        return format!("{}{unit}", show(v.interval.lo));
    }
    format!("{} to {}{unit}", show(v.interval.lo), show(v.interval.hi))
}

/// The unit to print after both sides: a side whose arithmetic lost its unit takes the other's.
fn units(lhs: &Value, rhs: &Value) -> (String, String) {
    let l = if lhs.unit.is_empty() {
        &rhs.unit
    } else {
        &lhs.unit
    };
    let r = if rhs.unit.is_empty() {
        &lhs.unit
    } else {
        &rhs.unit
    };
    (l.clone(), r.clone())
}

/// The arithmetic of a failed comparison, with its rounding tolerance.
fn arithmetic(c: &Comparison, lhs: &Value, rhs: &Value) -> String {
    let decimals = lhs.decimals.max(rhs.decimals) + 2;
    let (more, gap) = match c.op {
        CmpOp::Le => (true, lhs.interval.excess_over(&rhs.interval)),
        CmpOp::Ge => (false, rhs.interval.excess_over(&lhs.interval)),
        CmpOp::Eq => {
            let above = lhs.interval.excess_over(&rhs.interval);
            (
                above.is_some(),
                above.or(rhs.interval.excess_over(&lhs.interval)),
            )
        }
    };
    let gap = gap.unwrap_or_default().round_dp(decimals).normalize();
    let relation = if more { "more than" } else { "less than" };
    let (lu, ru) = units(lhs, rhs);
    let mut out = format!(
        "{}, {relation} {} by {gap}{lu} beyond rounding",
        describe(lhs, &lu),
        describe(rhs, &ru),
    );
    let wide = |v: &Value| v.interval.lo != v.interval.hi;
    if wide(lhs) || wide(rhs) {
        out.push_str(&format!(
            " (at the rounding bounds of every figure: {} against {})",
            bounds(lhs, &lu),
            bounds(rhs, &ru)
        ));
    }
    out
}

/// Expands `{name}`, `{name.label}`, `{name.base}` and the values given in `extra`; a base the
/// text leaves unnamed expands to `one whole`.
fn expand(
    template: &str,
    names: &BTreeMap<String, Vec<usize>>,
    ex: &Extraction,
    extra: &[(&str, String)],
) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let key = &rest[open + 1..open + close];
        let (name, field) = key.split_once('.').unwrap_or((key, ""));
        let value = if let Some((_, v)) = extra.iter().find(|(k, _)| *k == key) {
            Some(v.clone())
        } else {
            names.get(name).map(|ids| {
                let mut parts: Vec<String> = ids
                    .iter()
                    .map(|&i| {
                        let f = &ex.facts[i];
                        match field {
                            "label" => f.label.clone(),
                            "base" => f.base.clone().unwrap_or_default(),
                            _ => f.figure.text.clone(),
                        }
                    })
                    .collect();
                if field == "label" || field == "base" {
                    parts.retain(|p| !p.is_empty());
                    parts.dedup();
                }
                // A base the text never names (`…占40.0%；…占60.0%`) reads as `one whole`.
                if field == "base" && parts.is_empty() {
                    return "one whole".to_string();
                }
                parts.join("、")
            })
        };
        match value {
            Some(v) => out.push_str(&v),
            None => out.push_str(&rest[open..open + close + 1]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Decides every comparison on the intervals alone: the first that fails, or `Some(None)` when
/// all hold.
pub(super) fn failing_clause<'a>(rule: &'a Rule, env: &dyn Env) -> Option<Option<&'a Comparison>> {
    for c in &rule.assertion.clauses {
        // A side that cannot be computed (no growth stated) makes the rule not apply.
        let (lhs, rhs) = (c.lhs.bounds(env)?, c.rhs.bounds(env)?);
        if !c.holds_between(&lhs, &rhs) {
            return Some(Some(c));
        }
    }
    Some(None)
}

/// Evaluates every comparison; the first that fails, with both sides and how they were
/// computed.
pub(super) fn first_failure<'a>(
    rule: &'a Rule,
    env: &dyn Env,
) -> Option<Option<(&'a Comparison, Value, Value)>> {
    Some(match failing_clause(rule, env)? {
        Some(c) => Some((c, c.lhs.eval(env).ok()?, c.rhs.eval(env).ok()?)),
        None => None,
    })
}

/// The divisor, as shown, of the first clause that cannot be computed because it divides by
/// a figure that may be zero.
fn divides_by_zero(rule: &Rule, env: &dyn Env) -> Option<String> {
    rule.assertion.clauses.iter().find_map(|c| {
        [c.lhs.eval(env), c.rhs.eval(env)]
            .into_iter()
            .find_map(|side| match side {
                Err(EvalError::DivideByZero(d)) => Some(d),
                _ => None,
            })
    })
}

/// A warning that a rule could not be checked on a group because its assertion divides by a
/// figure that may be zero.
fn not_checkable(
    rule: &Rule,
    names: &BTreeMap<String, Vec<usize>>,
    ex: &Extraction,
    divisor: &str,
) -> Finding {
    let mut labels: Vec<FindingLabel> = names
        .iter()
        .flat_map(|(name, ids)| {
            ids.iter().map(move |&i| FindingLabel {
                span: ex.facts[i].figure.span.clone(),
                note: format!("{name}: {}", ex.facts[i].figure.text),
            })
        })
        .collect();
    labels.sort_by_key(|l| l.span.start);
    Finding {
        rule: rule.spec.id.clone(),
        severity: Severity::Warning,
        message: format!(
            "not checked: `{}` divides by {divisor}, which may be zero",
            rule.spec.assertion
        ),
        help: "a quotient by a figure that rounds to zero can be anything, so the relation \
               proves nothing here; check these figures by hand"
            .into(),
        labels,
        fixes: Vec::new(),
    }
}

/// The facts a rule binds in some group of an extraction, whether the relation holds or not:
/// the figures that take part in a relation it checks.
pub fn participants(rule: &Rule, ex: &Extraction) -> Vec<usize> {
    let mut out: Vec<usize> = ex
        .groups
        .iter()
        .filter(|g| rule.scopes.contains(&g.kind))
        .filter_map(|g| bind(rule, ex, g))
        .flat_map(|names| names.into_values().flatten())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Runs one rule over an extraction.
pub fn check_rule(rule: &Rule, ex: &Extraction) -> Vec<Finding> {
    check_rule_marking(rule, ex, &mut [])
}

/// Runs one rule over an extraction and marks in `checked` (one flag per fact, or empty to
/// mark nothing) every fact the rule's assertion could be evaluated on, holding or not, in a
/// relation with another figure.
pub fn check_rule_marking(rule: &Rule, ex: &Extraction, checked: &mut [bool]) -> Vec<Finding> {
    check_rule_with(rule, ex, checked, &OnceCell::new())
}

/// [`check_rule_marking`] for every rule of a set, in order: the growth index of the extraction
/// is built once for all of them, not once per rule.
pub fn check_rules_marking(rules: &[Rule], ex: &Extraction, checked: &mut [bool]) -> Vec<Finding> {
    let growths = OnceCell::new();
    rules
        .iter()
        .flat_map(|r| check_rule_with(r, ex, checked, &growths))
        .collect()
}

/// [`check_rule_marking`] with the extraction's growth index, built the first time it is needed.
fn check_rule_with(
    rule: &Rule,
    ex: &Extraction,
    checked: &mut [bool],
    growths: &OnceCell<GrowthIndex>,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut seen: FxHashSet<Vec<usize>> = FxHashSet::default();
    for group in ex.groups.iter().filter(|g| rule.scopes.contains(&g.kind)) {
        let Some(names) = bind(rule, ex, group) else {
            continue;
        };
        let mut ids: Vec<usize> = names.values().flatten().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        if seen.contains(&ids) {
            continue;
        }
        let facts: Vec<&Fact> = ids.iter().map(|&i| &ex.facts[i]).collect();
        let display = Display::new(&facts);
        let mut terms: BTreeMap<String, Vec<Term>> = names
            .iter()
            .map(|(n, ids)| {
                let ts = ids
                    .iter()
                    .map(|&i| {
                        display.term(
                            &ex.facts[i],
                            growth_of(ex, growths.get_or_init(|| GrowthIndex::new(&ex.facts)), i)
                                .map(|g| ex.facts[g].figure.interval),
                        )
                    })
                    .collect();
                (n.clone(), ts)
            })
            .collect();
        for s in &group.extra {
            terms.insert(s.name.to_string(), vec![Display::synthetic(s)]);
        }
        let env = Bound::new(terms, rule.spec.growth_slack.unwrap_or_default());
        let failure = first_failure(rule, &env);
        if failure.is_none() {
            if let Some(divisor) = divides_by_zero(rule, &env) {
                // Not a contradiction, but not silence either: say the relation was not checked.
                seen.insert(ids.clone());
                findings.push(not_checkable(rule, &names, ex, &divisor));
            }
        }
        // A figure checked against itself alone (a share within 100%) is not counted: only a
        // relation with another figure, or with a count the prose states, is.
        if failure.is_some() && ids.len() + group.extra.len() >= 2 {
            for &i in &ids {
                if let Some(c) = checked.get_mut(i) {
                    *c = true;
                }
            }
        }
        let Some(Some((comparison, lhs, rhs))) = failure else {
            continue;
        };
        seen.insert(ids.clone());
        let (lu, ru) = units(&lhs, &rhs);
        let point = |v: &Value, u: &str| match (v.interval.lo, v.interval.hi) {
            // Two whole readings a step apart (`3 or 4` items, `39 or 40` days): their middle
            // rounded would name one of them as if it were the only one.
            (Some(lo), Some(hi))
                if v.decimals == 0
                    && lo.fract().is_zero()
                    && hi - lo == rust_decimal::Decimal::ONE =>
            {
                format!("{} or {}{u}", lo.normalize(), hi.normalize())
            }
            _ => format!(
                "{}{u}",
                v.interval.mid().unwrap_or_default().round_dp(v.decimals)
            ),
        };
        let (fixes, structured) = culprit::suggest(rule, &env, &names, ex);
        let extra = [
            ("lhs", point(&lhs, &lu)),
            ("rhs", point(&rhs, &ru)),
            ("arithmetic", arithmetic(comparison, &lhs, &rhs)),
        ];
        let mut labels: Vec<FindingLabel> = Vec::new();
        for (name, bound) in &names {
            for &i in bound {
                let f = &ex.facts[i];
                let template = rule
                    .spec
                    .notes
                    .get(name)
                    .map_or("{name}: {text}", String::as_str);
                let note = template
                    .replace("{name}", name)
                    .replace("{text}", &f.figure.text)
                    .replace("{label}", &f.label)
                    .replace("{base}", f.base.as_deref().unwrap_or(""));
                labels.push(FindingLabel {
                    span: f.figure.span.clone(),
                    note: expand(&note, &names, ex, &extra),
                });
            }
        }
        // A rule that reads growth rates doubts them as much as the levels: each is pointed at.
        if culprit::uses_growth(rule) {
            let growths = growths.get_or_init(|| GrowthIndex::new(&ex.facts));
            for &i in &ids {
                if let Some(g) = growth_of(ex, growths, i) {
                    labels.push(FindingLabel {
                        span: ex.facts[g].figure.span.clone(),
                        note: format!(
                            "growth of {}: {}",
                            ex.facts[i].label, ex.facts[g].figure.text
                        ),
                    });
                }
            }
        }
        for s in &group.extra {
            labels.push(FindingLabel {
                span: s.span.clone(),
                note: s.note.clone(),
            });
        }
        labels.sort_by_key(|l| l.span.start);
        let mut help = expand(&rule.spec.help, &names, ex, &extra);
        if !fixes.is_empty() {
            help.push_str(&format!("\n{fixes}"));
        }
        findings.push(Finding {
            rule: rule.spec.id.clone(),
            severity: rule.spec.severity,
            message: expand(&rule.spec.message, &names, ex, &extra),
            help,
            labels,
            fixes: structured,
        });
    }
    findings
}
