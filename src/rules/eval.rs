//! Running one rule over the groups of an extraction: bind names to facts, evaluate the
//! assertion, and turn a failure into a finding with the arithmetic spelt out.
//!
//! Binding is strict on purpose: a name bound to one figure must match exactly one figure of the
//! group, or the group is skipped. Guessing between two candidates is how false alarms are born.

use super::expr::{CmpOp, Env, Term, Value};
use super::spec::Role;
use super::{CompiledSelector, Rule};
use crate::extract::{Extraction, Fact, Group, GroupKind, Kind};
use crate::finding::{Finding, FindingLabel};
use crate::interval::Interval;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};

fn role_of(group: &Group, fact: usize) -> Role {
    if group.whole == Some(fact) {
        return Role::Whole;
    }
    match group.kind {
        GroupKind::Subset | GroupKind::PartOf => Role::Part,
        GroupKind::ShareChain | GroupKind::Sentence => Role::Member,
    }
}

fn selects(sel: &CompiledSelector, fact: &Fact, role: Role) -> bool {
    let s = &sel.spec;
    (s.role == Role::Any || s.role == role)
        && fact.is_measure()
        && !fact.figure.delta
        && (sel.kinds.is_empty() || sel.kinds.contains(&fact.figure.kind))
        && sel.label.as_ref().is_none_or(|r| r.is_match(&fact.label))
        && sel
            .label_not
            .as_ref()
            .is_none_or(|r| !r.is_match(&fact.label))
        && s.unit.as_ref().is_none_or(|u| u == fact.figure.unit)
}

/// Binds the rule's names to facts of one group, or `None` when the group does not fit.
fn bind(rule: &Rule, ex: &Extraction, group: &Group) -> Option<BTreeMap<String, Vec<usize>>> {
    let mut candidates: Vec<usize> = group.whole.into_iter().collect();
    candidates.extend(group.members.iter().copied());
    let mut used: Vec<usize> = Vec::new();
    let mut out = BTreeMap::new();
    // Single names first, so a list takes what is left.
    let mut order: Vec<&(String, CompiledSelector)> = rule.bind.iter().collect();
    order.sort_by_key(|(_, s)| s.spec.many);
    for (name, sel) in order {
        let matches: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|i| !used.contains(i) && selects(sel, &ex.facts[*i], role_of(group, *i)))
            .collect();
        if sel.spec.many {
            if matches.len() < sel.spec.min.max(1) {
                return None;
            }
            used.extend(&matches);
            out.insert(name.clone(), matches);
        } else {
            if matches.len() != 1 {
                return None;
            }
            used.push(matches[0]);
            out.insert(name.clone(), matches);
        }
    }
    Some(out)
}

/// How figures are shown in a finding: one magnitude and unit for all (`亿元`, `%`).
struct Display {
    factor: Decimal,
    suffix: String,
}

impl Display {
    fn new(facts: &[&Fact]) -> Display {
        let mut counts: Vec<(Decimal, usize, Option<&'static str>)> = Vec::new();
        for f in facts {
            match counts.iter_mut().find(|c| c.0 == f.figure.factor) {
                Some(c) => c.1 += 1,
                None => counts.push((f.figure.factor, 1, f.figure.magnitude)),
            }
        }
        let (factor, _, mag) = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
            .unwrap_or((Decimal::ONE, 0, None));
        let unit = facts.first().map_or("", |f| f.figure.unit);
        Display {
            factor,
            suffix: format!("{}{}", mag.unwrap_or(""), unit),
        }
    }

    fn term(&self, fact: &Fact, growth: Option<Interval>) -> Term {
        let f = &fact.figure;
        let shown_value = if f.factor == self.factor {
            f.printed
        } else {
            (f.printed * f.factor / self.factor).normalize()
        };
        Term {
            interval: f.interval.scale(Decimal::ONE / self.factor),
            shown: shown_value.to_string(),
            decimals: shown_value.scale(),
            growth,
        }
    }

    fn show(&self, d: Decimal, decimals: u32) -> String {
        format!("{}{}", d.round_dp(decimals), self.suffix)
    }
}

/// The growth rate stated with a level in its sentence (`出口5455亿元，同比增长0.6%`).
fn growth_of(ex: &Extraction, i: usize) -> Option<Interval> {
    let level = &ex.facts[i];
    ex.facts[i + 1..]
        .iter()
        .take_while(|f| f.sentence == level.sentence && !f.is_level())
        .find(|f| f.figure.kind == Kind::Growth && f.label == level.label)
        .map(|f| f.figure.interval)
}

struct Bound {
    terms: BTreeMap<String, Vec<Term>>,
}

impl Env for Bound {
    fn lookup(&self, name: &str) -> Option<&[Term]> {
        self.terms.get(name).map(Vec::as_slice)
    }
}

fn describe(v: &Value, d: &Display) -> String {
    let point = v.interval.mid().unwrap_or_default();
    if v.atomic {
        format!("{}{}", v.shown, d.suffix)
    } else {
        format!("{} = {}", v.shown, d.show(point, v.decimals))
    }
}

fn bounds(v: &Value, d: &Display) -> String {
    let show = |x: Option<Decimal>| match x {
        Some(x) => x.round_dp(v.decimals + 2).normalize().to_string(),
        None => "unbounded".to_string(),
    };
    if v.interval.lo == v.interval.hi {
        return format!("{}{}", show(v.interval.lo), d.suffix);
    }
    format!(
        "{} to {}{}",
        show(v.interval.lo),
        show(v.interval.hi),
        d.suffix
    )
}

/// The arithmetic of a failed assertion, with its rounding tolerance.
fn arithmetic(op: CmpOp, lhs: &Value, rhs: &Value, d: &Display) -> String {
    let decimals = lhs.decimals.max(rhs.decimals) + 2;
    let (more, gap) = match op {
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
    let mut out = format!(
        "{}, {relation} {} by {}{} beyond rounding",
        describe(lhs, d),
        describe(rhs, d),
        gap,
        d.suffix
    );
    let widths = |v: &Value| !v.atomic || v.interval.lo != v.interval.hi;
    if widths(lhs) || widths(rhs) {
        out.push_str(&format!(
            " (at the rounding bounds of every figure: {} against {})",
            bounds(lhs, d),
            bounds(rhs, d)
        ));
    }
    out
}

/// Expands `{name}`, `{name.label}`, `{name.base}` and the values given in `extra`.
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
                let parts: Vec<String> = ids
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
                let mut parts = parts;
                if field == "label" || field == "base" {
                    parts.dedup();
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

/// Runs one rule over an extraction.
pub fn check_rule(rule: &Rule, ex: &Extraction) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut seen: HashSet<Vec<usize>> = HashSet::new();
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
        // Figures of different units cannot be compared.
        if facts.iter().any(|f| f.figure.unit != facts[0].figure.unit) {
            continue;
        }
        let display = Display::new(&facts);
        let terms = names
            .iter()
            .map(|(n, ids)| {
                let ts = ids
                    .iter()
                    .map(|&i| display.term(&ex.facts[i], growth_of(ex, i)))
                    .collect();
                (n.clone(), ts)
            })
            .collect();
        let env = Bound { terms };
        let a = &rule.assertion;
        let (Ok(lhs), Ok(rhs)) = (a.lhs.eval(&env), a.rhs.eval(&env)) else {
            continue;
        };
        if a.holds(&lhs, &rhs) {
            continue;
        }
        seen.insert(ids.clone());
        let point = |v: &Value| display.show(v.interval.mid().unwrap_or_default(), v.decimals);
        let extra = [
            ("lhs", point(&lhs)),
            ("rhs", point(&rhs)),
            ("arithmetic", arithmetic(a.op, &lhs, &rhs, &display)),
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
        labels.sort_by_key(|l| l.span.start);
        findings.push(Finding {
            rule: rule.spec.id.clone(),
            severity: rule.spec.severity,
            message: expand(&rule.spec.message, &names, ex, &extra),
            help: expand(&rule.spec.help, &names, ex, &extra),
            labels,
        });
    }
    findings
}
