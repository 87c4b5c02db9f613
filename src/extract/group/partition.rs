//! Known partitions (`concepts/*.json`): a whole and its parts stated anywhere in one article,
//! for one subject and period, though the prose never joins them with `其中` or `分别`
//! (`国内生产总值1210207亿元…第一产业增加值88345亿元…`).
//!
//! A figure takes part only when its identity is sure: a level (not a change, not an average,
//! not a goal, not a day's figure) whose label ends with a name of the partition, the words
//! before that name (its subject, scope words such as `全国` set aside) the same for all, one
//! period and one unit. Where a part or the whole is stated twice with that identity and two
//! values, which to take is a guess, and no group is made; a restatement of the same value is
//! one figure. A partition whose parts are all stated and exhaustive
//! makes a `partition` group (the sum is the whole); otherwise a `partition-bound` group (the
//! sum is at most the whole).

use super::part_of::core;
use super::{member, Group, GroupKind, Role};
use crate::concepts::{partitions, Growth, Partition};
use crate::extract::fact::Fact;
use crate::interval::Interval;
use crate::text::words::{self, WordSet};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Which name of the partition a label carries, the longest one: `None` for the whole,
/// `Some(i)` for part `i`, with the words before the name (its subject) and, for a partition
/// by prefix, the measure after it. A name of a partition by suffix ends the label, and its
/// measure is the name itself.
pub(super) fn matched<'a>(
    p: &Partition,
    known: &[&str],
    label: &'a str,
) -> Option<(Option<usize>, &'a str, &'a str)> {
    let whole = p.whole.iter().map(|n| (None, n));
    let parts = p
        .parts
        .iter()
        .enumerate()
        .flat_map(|(i, part)| part.names.iter().map(move |n| (Some(i), n)));
    let names = whole.chain(parts);
    if !p.prefix {
        let found = names
            .filter(|(_, n)| words::ends_with(label, n))
            .max_by_key(|(_, n)| n.len())?;
        // `外贸进出口` ends with `出口`, but its head is `进出口`, another partition's name: the
        // longest known name a label ends with is what it measures.
        let longer = known
            .iter()
            .any(|n| n.len() > found.1.len() && words::ends_with(label, n));
        if longer {
            return None;
        }
        let (role, n) = found;
        return Some((role, core(&label[..label.len() - n.len()]), ""));
    }
    // `本外币工业中长期贷款余额`: the name opens what is measured (`中长期贷款余额`), which
    // names at least two characters; `重工业` is preferred to the `工业` inside it.
    // Most names are not in the label: a byte comparison says so before a searcher is built.
    names
        .filter(|(_, n)| words::contains(label, n))
        .flat_map(|(role, n)| {
            label
                .match_indices(n.as_str())
                .map(move |(i, _)| (role, n.len(), i))
        })
        .filter(|&(_, len, i)| label[i + len..].chars().count() >= 2)
        .max_by_key(|&(_, len, i)| (len, std::cmp::Reverse(i)))
        .map(|(role, len, i)| (role, core(&label[..i]), &label[i + len..]))
}

/// Every name of every partition in one word set, and the partition each name is of.
struct NameIndex {
    names: WordSet,
    partition: Vec<usize>,
}

/// Built once, from the partitions in force (a newsroom's are installed before the first draft
/// is read).
fn name_index() -> &'static NameIndex {
    static INDEX: OnceLock<NameIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let (partition, names): (Vec<usize>, Vec<&str>) = partitions()
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                let names = p.whole.iter().chain(p.parts.iter().flat_map(|q| &q.names));
                names.map(move |n| (i, n.as_str()))
            })
            .unzip();
        NameIndex {
            names: WordSet::new(&names),
            partition,
        }
    })
}

/// For each partition, the figures whose label holds one of its names, in text order: the
/// only ones [`matched`] can match (it wants a name the label ends with or contains). One pass
/// of all the names over each label, where matching partition by partition takes a pass per
/// name.
fn candidates(facts: &[Fact]) -> Vec<Vec<usize>> {
    let index = name_index();
    let mut out = vec![Vec::new(); partitions().len()];
    for (i, f) in facts.iter().enumerate() {
        if f.target || f.on_a_day || f.in_list {
            continue;
        }
        for (name, _, _) in index.names.occurrences(&f.label) {
            let of: &mut Vec<usize> = &mut out[index.partition[name]];
            if of.last() != Some(&i) {
                of.push(i);
            }
        }
    }
    out
}

pub fn groups(facts: &[Fact], existing: &[Group]) -> Vec<Group> {
    let mut out = Vec::new();
    let known = known_names();
    let candidates = candidates(facts);
    // Indices by component never add up: `mean` groups them.
    for (p, candidates) in partitions()
        .iter()
        .zip(&candidates)
        .filter(|(p, _)| !p.mean)
    {
        // A balance (weight −1 on a part) is checked only stated whole: the parts of a net
        // figure bound nothing one by one.
        let net = p.parts.iter().any(|q| q.weight != 1);
        let mut found: Found = BTreeMap::new();
        // The subject of the last whole of this partition, and its sentence: a part of the same
        // sentence that names no subject of its own (`中国代表团共获得奖牌383枚，金牌201枚`)
        // elides that one.
        // A `其中` part (`…进出口10089.2亿元。其中，出口5455亿元`) elides its whole's subject
        // wherever it stands.
        let mut last_whole: Option<(usize, &str, usize)> = None;
        let mut last_part: Option<(usize, &str)> = None;
        for &i in candidates {
            let f = &facts[i];
            if !(f.is_additive() || (p.averaged && f.is_level())) {
                continue;
            }
            let Some((role, mut subject, measure)) = matched(p, &known, &f.label) else {
                continue;
            };
            // `全国共接待游客`: `共` (in all) is no part of the subject.
            subject = subject.trim_end_matches('共');
            match (role, last_whole) {
                (None, _) => last_whole = Some((f.sentence, subject, i)),
                (Some(_), Some((sentence, whole_subject, w)))
                    if subject.is_empty() && (sentence == f.sentence || f.subset_of == Some(w)) =>
                {
                    subject = whole_subject;
                }
                _ => {}
            }
            // `全国居民人均工资性收入8091元…；人均经营净收入2265元`: a part that names no subject
            // has its sibling's, stated before it in its paragraph.
            match last_part {
                Some((paragraph, sibling)) if subject.is_empty() && paragraph == f.paragraph => {
                    subject = sibling;
                }
                _ => {}
            }
            if role.is_some() {
                last_part = Some((f.paragraph, subject));
            }
            // `二季度末，工业中长期贷款余额…；上半年增加…。其中，重工业中长期贷款余额…`: a part the
            // prose puts under its whole (`其中`) is of the whole's date, whatever the period
            // words between them say.
            let period = match last_whole {
                Some((_, _, w)) if role.is_some() && f.subset_of == Some(w) => {
                    facts[w].period.as_deref()
                }
                _ => f.period.as_deref(),
            };
            let key = (f.article, subject, measure, period, f.figure.unit);
            // `在全国接待的5.26亿人次游客中，过夜游客…一日游游客…`: the prose puts the parts under a
            // whole it names in its own words; that level is this partition's whole.
            let named_whole = f.subset_of.filter(|&w| {
                role.is_some()
                    && !net
                    && !names_known_measure(&known, &facts[w].label)
                    && facts[w].is_additive()
                    && facts[w].figure.unit == f.figure.unit
                    && facts[w].figure.kind == f.figure.kind
            });
            let key = match named_whole {
                Some(w) => (
                    f.article,
                    subject,
                    measure,
                    facts[w].period.as_deref(),
                    f.figure.unit,
                ),
                None => key,
            };
            let entry = found
                .entry(key)
                .or_insert_with(|| (Vec::new(), vec![Vec::new(); p.parts.len()]));
            if let Some(w) = named_whole.filter(|w| !entry.0.contains(w)) {
                entry.0.push(w);
            }
            match role {
                None => entry.0.push(i),
                Some(k) => entry.1[k].push(i),
            }
        }
        adopt_elided(&mut found);
        for ((_, _, measure_of, _, _), (wholes, parts)) in found {
            let first_part = parts.iter().flatten().min().copied();
            let Some(whole) = one_value(facts, &wholes, first_part) else {
                continue;
            };
            let Some(stated) = parts
                .iter()
                .filter(|q| !q.is_empty())
                .map(|q| one_value(facts, q, Some(whole)))
                .collect::<Option<Vec<usize>>>()
            else {
                continue;
            };
            if stated.len() < 2 {
                continue;
            }
            // `户籍人口112635人。其中，城镇人口…`: parts the prose gave to another known measure are
            // not this one's, unless this whole stands under that one too.
            if stated.iter().any(|&i| {
                facts[i].subset_of.is_some_and(|w| {
                    w != whole
                        && facts[whole].subset_of != Some(w)
                        && names_known_measure(&known, &facts[w].label)
                })
            }) {
                continue;
            }
            let kind_ok = stated
                .iter()
                .all(|&i| facts[i].figure.kind == facts[whole].figure.kind);
            if !kind_ok {
                continue;
            }
            let complete = stated.len() == p.parts.len();
            let kind = if complete && p.exhaustive {
                GroupKind::Partition
            } else {
                GroupKind::PartitionBound
            };
            // A group whose rules already check the same sum (complements make their whole,
            // head-final parts stay within theirs) is not made twice.
            let same_check = match kind {
                GroupKind::Partition => GroupKind::Complement,
                _ => GroupKind::PartOf,
            };
            let known = existing.iter().any(|g| {
                g.kind == same_check
                    && std::iter::once(&whole)
                        .chain(&stated)
                        .all(|i| g.facts().any(|f| f == *i))
            });
            if net {
                if kind == GroupKind::Partition {
                    let mut members = vec![member(whole, Role::Whole)];
                    for (q, idx) in p.parts.iter().zip(&stated) {
                        let role = if q.weight < 0 { Role::Less } else { Role::Part };
                        members.push(member(*idx, role));
                    }
                    out.push(Group::new(GroupKind::PartitionNet, members));
                }
                continue;
            }
            let mut members = vec![member(whole, Role::Whole)];
            members.extend(stated.into_iter().map(|i| member(i, Role::Part)));
            // Growth rates relate only where the stated parts are the whole: every part of an
            // exhaustive partition, or parts whose amounts make the whole by themselves
            // (`东部…中部…西部` of a national total, where a fourth region may exist but is not
            // needed). Then last year's parts made last year's whole too.
            let whole_made = kind == GroupKind::Partition || covers(facts, whole, &members[1..]);
            // A prefix partition of value added or GDP (`重工业增加值`) grows at constant prices:
            // its whole's rate only lies between its parts'.
            let at_constant_prices = super::grows_at_constant_prices(measure_of);
            let growth = match (whole_made, p.growth) {
                (true, Growth::Nominal) if at_constant_prices => Some(GroupKind::PartitionReal),
                (true, Growth::Nominal) => Some(GroupKind::PartitionNominal),
                (true, Growth::Real) => Some(GroupKind::PartitionReal),
                _ => None,
            };
            if let Some(growth) = growth {
                out.push(Group::new(growth, members.clone()));
            }
            if !known {
                out.push(Group::new(kind, members));
            }
        }
    }
    out
}

/// True when the parts' amounts, at their rounding bounds, can make the whole's: stated parts
/// of a partition that is not exhaustive (or not all stated) that leave no room for another.
fn covers(facts: &[Fact], whole: usize, parts: &[super::Member]) -> bool {
    let mut sum = Interval::exact(Decimal::ZERO);
    for m in parts {
        sum = sum.add(&facts[m.fact].figure.interval);
    }
    sum.overlaps(&facts[whole].figure.interval)
}

/// The names that end a label, of every partition by suffix: what a label measures in the
/// partitions' own words. Gathered once per draft, not once per figure.
pub(super) fn known_names() -> Vec<&'static str> {
    partitions()
        .iter()
        .filter(|q| !q.prefix)
        .flat_map(|q| q.whole.iter().chain(q.parts.iter().flat_map(|x| &x.names)))
        .map(String::as_str)
        .collect()
}

/// The label ends with a name some partition gives a whole or a part.
fn names_known_measure(known: &[&str], label: &str) -> bool {
    known.iter().any(|n| words::ends_with(label, n))
}

/// (article, subject, measure, period, unit) → the whole's facts and each part's facts.
type Found<'a> = BTreeMap<
    (usize, &'a str, &'a str, Option<&'a str>, &'static str),
    (Vec<usize>, Vec<Vec<usize>>),
>;

/// Parts stated with no whole of their own, whose subject is the end of exactly one whole's
/// (`全省金融机构本外币各项贷款余额…。本外币短期贷款余额…`: later mentions drop the leading
/// words), and whose period is that whole's or an unsure reading that includes it, are that
/// whole's parts.
fn adopt_elided(found: &mut Found) {
    let orphans: Vec<_> = found
        .iter()
        .filter(|(_, (wholes, _))| wholes.is_empty())
        .map(|(k, _)| *k)
        .collect();
    for orphan in orphans {
        let (article, subject, measure, period, unit) = orphan;
        let fits = |p: Option<&str>| match (period, p) {
            (a, b) if a == b => true,
            (Some(a), Some(b)) => a
                .strip_suffix('?')
                .is_some_and(|readings| readings.split('|').any(|r| r == b)),
            _ => false,
        };
        let hosts: Vec<_> = found
            .iter()
            .filter(|(k, (wholes, _))| {
                !wholes.is_empty()
                    && **k != orphan
                    && k.0 == article
                    && k.2 == measure
                    && k.4 == unit
                    && k.1.ends_with(subject)
                    && fits(k.3)
            })
            .map(|(k, _)| *k)
            .collect();
        let [host] = hosts[..] else { continue };
        let Some((_, parts)) = found.remove(&orphan) else {
            continue;
        };
        if let Some((_, host_parts)) = found.get_mut(&host) {
            for (mine, theirs) in host_parts.iter_mut().zip(parts) {
                mine.extend(theirs);
            }
        }
    }
}

/// The one figure that `stated` holds for a measure: the figure itself when stated once, and when
/// stated again with the same printed value (a headline restated in the body), the statement
/// nearest to `near`. Two different values are a guess between them, so `None`; that they
/// disagree is `same-figure-twice`'s to say.
fn one_value(facts: &[Fact], stated: &[usize], near: Option<usize>) -> Option<usize> {
    let (&first, rest) = stated.split_first()?;
    let same = |i: &usize| {
        facts[*i].figure.printed == facts[first].figure.printed
            && facts[*i].figure.factor == facts[first].figure.factor
    };
    if !rest.iter().all(same) {
        return None;
    }
    let target = near.unwrap_or(first);
    // A statement with its growth rate beside it serves every rule; the nearest of those.
    stated
        .iter()
        .copied()
        .min_by_key(|&i| (!with_growth(facts, i), i.abs_diff(target)))
}

/// A growth rate of the same label follows the fact in its sentence before the next level
/// (`接待游客5.26亿人次，同比增长10.7%`).
fn with_growth(facts: &[Fact], i: usize) -> bool {
    facts[i + 1..]
        .iter()
        .take_while(|f| f.sentence == facts[i].sentence && !f.is_level())
        .any(|f| f.figure.kind == crate::extract::figure::Kind::Growth && f.label == facts[i].label)
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn gdp_meets_its_three_sectors_across_the_article() {
        let g = groups_of(
            "2022年国内生产总值1210207亿元，比上年增长3.0%。\n\n分产业看，第一产业增加值88345亿元，增长4.1%；第二产业增加值483164亿元，增长3.8%；第三产业增加值638698亿元，增长2.3%。",
            GroupKind::Partition,
        );
        assert_eq!(
            g,
            [[
                "whole:1210207亿元",
                "part:88345亿元",
                "part:483164亿元",
                "part:638698亿元"
            ]]
        );
    }

    #[test]
    fn a_part_stated_twice_or_of_another_subject_makes_no_group() {
        let g = groups_of(
            "2022年全省地区生产总值5000亿元。全省第一产业增加值400亿元，第二产业增加值2000亿元，第三产业增加值2600亿元。厦门第一产业增加值30亿元。",
            GroupKind::Partition,
        );
        assert_eq!(g.len(), 1, "{g:?}");
        let g = groups_of(
            "2022年全省地区生产总值5000亿元，第一产业增加值400亿元，第一产业增加值410亿元，第二产业增加值2000亿元。",
            GroupKind::Partition,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
