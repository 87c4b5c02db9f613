//! A table's figure against the same measure stated in the prose: same label (as the row
//! names it, or the row with its column's measure: `15—59岁` + `人口数` is `15—59岁人口`),
//! kind, unit and period. Such pairs become `same-measure` groups, which `same-figure-twice`
//! checks.

use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::group::{Group, GroupKind, Member, Role};
use std::collections::HashMap;

/// A table fact and the labels it may be stated under in prose.
pub struct Named {
    pub fact: usize,
    pub table: usize,
    /// The unit the row's levels are counted in, when the row or its whole names one: a rate
    /// of `民航(吨)` is the growth of tonnes, never of the passengers a sentence counts.
    pub level_unit: Option<&'static str>,
    /// Names that hold only against another table: the column's measure, for the row the
    /// table breaks down.
    pub whole_names: Vec<String>,
    pub names: Vec<String>,
}

fn national(s: &str) -> &str {
    ["我国", "全国"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s)
}

/// The period in the prose's spelling (`2013-07`, `--07`, `2013年1-7月`, `1-7月`, `2023`).
pub fn prose_period(p: &str) -> String {
    let month = |m: &str| {
        let m = m.trim_end_matches('月');
        if m.contains('-') {
            None
        } else {
            m.parse::<u32>().ok().map(|n| format!("{n:02}"))
        }
    };
    match p.split_once(':') {
        Some((y, m)) => match month(m) {
            Some(mm) => format!("{y}-{mm}"),
            None => format!("{y}年{m}"),
        },
        None if p.ends_with('月') => {
            month(p).map_or_else(|| p.to_string(), |mm| format!("--{mm}"))
        }
        None => p.to_string(),
    }
}

fn periods_agree(table: Option<&str>, prose: Option<&str>) -> bool {
    match (table, prose) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(t), Some(p)) => {
            let t = prose_period(t);
            if p.contains(['|', '?']) {
                return false;
            }
            // A span of months the table gives without its year (`1-7月`) is the prose's
            // span of the article's year (`2013年1-7月`), and the other way round.
            let span_in_year = |a: &str, b: &str| a.contains('-') && b.ends_with(&format!("年{a}"));
            t == p
                || span_in_year(&t, p)
                || span_in_year(p, &t)
                || t.starts_with("--") && p.len() == 7 && p.ends_with(&t[1..])
                || p.starts_with("--") && t.len() == 7 && t.ends_with(&p[1..])
        }
    }
}

fn family(k: Kind) -> Option<u8> {
    match k {
        Kind::Amount | Kind::Count => Some(0),
        Kind::Share => Some(1),
        Kind::Growth => Some(2),
        _ => None,
    }
}

/// The names a prose fact goes by: its label, and for a share `X占Y比重`.
fn prose_names(f: &Fact) -> Vec<String> {
    let mut out = vec![national(&f.label).to_string()];
    if let Some(b) = &f.base {
        out.push(format!("{}占{}比重", f.label, b));
        out.push(format!("{}占{}的比重", f.label, b));
    }
    out
}

pub fn groups(facts: &[Fact], prose: usize, named: &[Named]) -> Vec<Group> {
    let mut out = across(facts, named);
    // Prose facts by the names they go by, first statement first.
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in facts[..prose].iter().enumerate() {
        let usable = family(p.figure.kind).is_some()
            && p.is_measure()
            && !p.figure.delta
            && !p.target
            && !p.on_a_day
            && p.figure.qualifier.is_none()
            && !p.figure.unit.is_empty()
            && !p.figure.tags.contains(&"rate-change")
            && p.label.chars().count() >= 2;
        if usable {
            for name in prose_names(p) {
                by_name.entry(name).or_default().push(i);
            }
        }
    }
    for n in named {
        let t = &facts[n.fact];
        let Some(fam) = family(t.figure.kind) else {
            continue;
        };
        if t.figure.unit.is_empty() {
            continue;
        }
        let alike: Vec<usize> = n
            .names
            .iter()
            .filter_map(|name| by_name.get(national(name)))
            .flatten()
            .copied()
            .filter(|&i| {
                let p = &facts[i];
                family(p.figure.kind) == Some(fam)
                    && p.figure.unit == t.figure.unit
                    && levels_alike(facts, i, n.level_unit)
            })
            .collect();
        // A table that names no period is compared only where the prose gives the measure
        // for one period alone.
        let one_period = alike
            .windows(2)
            .all(|w| facts[w[0]].period == facts[w[1]].period);
        if t.period.is_none() && !one_period {
            continue;
        }
        let found = alike
            .into_iter()
            .filter(|&i| periods_agree(t.period.as_deref(), facts[i].period.as_deref()))
            .min();
        if let Some(i) = found {
            out.push(pair(i, n.fact));
        }
    }
    out
}

/// False when prose rate `i` follows a level of its sentence counted in another unit than
/// the table row's (`民航130万人次，增长10.2%` against the row `民航(吨)`): two measures that
/// share a name. A level in an unknown unit, or none, says nothing either way.
fn levels_alike(facts: &[Fact], i: usize, table_unit: Option<&str>) -> bool {
    let p = &facts[i];
    if !matches!(p.figure.kind, Kind::Growth | Kind::Share) {
        return true;
    }
    let level = i
        .checked_sub(1)
        .map(|j| &facts[j])
        .filter(|l| l.sentence == p.sentence && l.is_level() && l.label == p.label);
    match (level, table_unit) {
        (Some(l), Some(u)) if !l.figure.unit.is_empty() => l.figure.unit == u,
        _ => true,
    }
}

fn pair(first: usize, second: usize) -> Group {
    Group {
        kind: GroupKind::SameMeasure,
        members: vec![
            Member {
                fact: first,
                role: Role::First,
            },
            Member {
                fact: second,
                role: Role::Second,
            },
        ],
        extra: Vec::new(),
    }
}

/// A cell against the same measure in an earlier table: same name, kind, unit and period (a
/// period stated by both, or by neither).
fn across(facts: &[Fact], named: &[Named]) -> Vec<Group> {
    let mut out = Vec::new();
    // Earlier cells by name: the first of each name and table is enough.
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, b) in named.iter().enumerate() {
        let fb = &facts[b.fact];
        let usable = !fb.figure.unit.is_empty() && family(fb.figure.kind).is_some();
        let all = || {
            b.names
                .iter()
                .chain(&b.whole_names)
                .filter(|x| x.chars().count() >= 2)
        };
        if usable {
            let found = all()
                .filter_map(|x| seen.get(x.as_str()))
                .flatten()
                .copied()
                .find(|&a| {
                    let (na, fa) = (&named[a], &facts[named[a].fact]);
                    na.table != b.table
                        && fa.figure.kind == fb.figure.kind
                        && fa.figure.unit == fb.figure.unit
                        && fa.period == fb.period
                });
            if let Some(a) = found {
                out.push(pair(named[a].fact, b.fact));
            }
            for x in all() {
                seen.entry(x.as_str()).or_default().push(k);
            }
        }
    }
    out
}
