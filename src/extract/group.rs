//! Groups of facts that the prose says belong together, which rules then check.
//!
//! - **Share chain**: shares of one base in a run (`占…的56.5%。同期…占27.1%；…占16.4%`),
//!   with one head noun; a `其中` share (a subset of another member) is left out of the sum.
//! - **Subset**: a whole and the parts after its `其中`, up to the end of the sentence.
//! - **Part of**: a whole and the facts whose label ends with the whole's label in the same
//!   article and period (`制造业实际使用外资金额` ⊂ `实际使用外资金额`), keeping only the
//!   outermost parts.
//! - **Sentence**: all measures of one full sentence (ended by `。！？`).

use super::fact::Fact;
use super::figure::Kind;
use super::label::head;
use crate::text::Text;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    ShareChain,
    Subset,
    PartOf,
    Sentence,
}

impl GroupKind {
    pub fn from_name(s: &str) -> Option<GroupKind> {
        Some(match s {
            "share-chain" => GroupKind::ShareChain,
            "subset" => GroupKind::Subset,
            "part-of" => GroupKind::PartOf,
            "sentence" => GroupKind::Sentence,
            _ => return None,
        })
    }
}

/// Facts that belong together; `whole` is the fact the others are parts of, where there is one.
#[derive(Clone, Debug)]
pub struct Group {
    pub kind: GroupKind,
    pub whole: Option<usize>,
    pub members: Vec<usize>,
}

/// How many sentences apart two shares of one chain may stand.
const CHAIN_REACH: usize = 2;

pub fn groups(text: &Text, facts: &mut [Fact]) -> Vec<Group> {
    mark_subsets(text, facts);
    let mut out = Vec::new();
    out.extend(subset_groups(facts));
    out.extend(share_chains(text, facts));
    out.extend(part_of_groups(facts));
    out.extend(sentence_groups(text, facts));
    out
}

/// The end of the full sentence (`。！？` or paragraph end) holding `at`.
fn full_sentence_end(text: &Text, at: usize) -> usize {
    let t = text.as_str();
    let p = text.structure.paragraph_at(at);
    let para_end = text
        .structure
        .paragraphs
        .get(p)
        .map_or(t.len(), |p| p.range.end);
    t[at..para_end]
        .find(['。', '！', '？', '!', '?'])
        .map_or(para_end, |i| at + i)
}

/// Marks every fact after a `其中` (to the end of its sentence) as a part of the level before it.
fn mark_subsets(text: &Text, facts: &mut [Fact]) {
    let t = text.as_str();
    for (at, _) in t.match_indices("其中") {
        let scope_end = full_sentence_end(text, at);
        let para = text.structure.paragraph_at(at);
        // Facts are in text order: the ones before `其中` end at or before it.
        let split = facts.partition_point(|f| f.figure.norm.end <= at);
        let Some(whole) = facts[..split]
            .iter()
            .rev()
            .take_while(|f| f.paragraph == para)
            .position(|f| f.is_level())
            .map(|back| split - 1 - back)
        else {
            continue;
        };
        for f in facts[split..]
            .iter_mut()
            .take_while(|f| f.figure.norm.end <= scope_end)
        {
            f.subset_of.get_or_insert(whole);
        }
    }
}

fn subset_groups(facts: &[Fact]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        let Some(w) = f.subset_of else { continue };
        let whole = &facts[w];
        let comparable = f.is_level()
            && f.figure.kind == whole.figure.kind
            && f.figure.unit == whole.figure.unit;
        if !comparable {
            continue;
        }
        // Parts follow their whole, so the whole's group, if any, is the last one made.
        match out.last_mut() {
            Some(g) if g.whole == Some(w) => g.members.push(i),
            _ => out.push(Group {
                kind: GroupKind::Subset,
                whole: Some(w),
                members: vec![i],
            }),
        }
    }
    out
}

fn share_chains(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut current: Option<Group> = None;
    for (i, f) in facts.iter().enumerate() {
        if f.figure.kind != Kind::Share || !f.is_measure() {
            continue;
        }
        let joins = current.as_ref().is_some_and(|g| {
            let (first, last) = (&facts[g.members[0]], &facts[g.members[g.members.len() - 1]]);
            let near = if f.base_explicit {
                // A share that names its base again joins only within one full sentence.
                f.base == first.base
                    && full_sentence_end(text, f.figure.norm.start)
                        == full_sentence_end(text, last.figure.norm.start)
            } else {
                last.paragraph == f.paragraph && f.sentence - last.sentence <= CHAIN_REACH
            };
            let same_head = f.label.is_empty()
                || first.label.is_empty()
                || head(&f.label) == head(&first.label);
            near && same_head
        });
        if !joins {
            out.extend(current.take());
            current = Some(Group {
                kind: GroupKind::ShareChain,
                whole: None,
                members: vec![],
            });
        }
        if let Some(g) = current.as_mut() {
            g.members.push(i);
        }
    }
    out.extend(current);
    // A member that is a `其中` part of another member's level, or whose label nests inside
    // another member's label, is a subset: it is not added to the others.
    for g in &mut out {
        let members = g.members.clone();
        g.members.retain(|&m| {
            let f = &facts[m];
            let in_subset = f.subset_of.is_some()
                && members
                    .iter()
                    .any(|&o| o != m && facts[o].sentence == f.sentence);
            let nested = members.iter().any(|&o| {
                o != m
                    && facts[o].label.len() < f.label.len()
                    && !facts[o].label.is_empty()
                    && f.label.ends_with(&facts[o].label)
            });
            !in_subset && !nested
        });
    }
    out.retain(|g| g.members.len() >= 2);
    out
}

fn same_scope(a: &Fact, b: &Fact) -> bool {
    a.article == b.article && a.period == b.period && a.figure.unit == b.figure.unit
}

/// A whole's label without the words that only say it is the whole (`全国`, `全省`): the parts
/// of `全国实际使用外资金额` are labelled `制造业实际使用外资金额`.
fn core(label: &str) -> &str {
    const WHOLE_SCOPE: &[&str] = &[
        "全国", "我国", "全省", "全市", "全区", "全县", "全球", "总体",
    ];
    WHOLE_SCOPE
        .iter()
        .find_map(|w| label.strip_prefix(w))
        .unwrap_or(label)
}

fn part_of_groups(facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    // Facts are in text order and articles are contiguous: compare within an article only.
    let mut start = 0;
    while start < facts.len() {
        let article = facts[start].article;
        let end = start + facts[start..].partition_point(|f| f.article == article);
        out.extend(part_of_in(facts, start..end));
        start = end;
    }
    out
}

fn part_of_in(facts: &[Fact], range: std::ops::Range<usize>) -> Vec<Group> {
    let mut out = Vec::new();
    let article = &facts[range.clone()];
    // Levels indexed by every proper suffix of their label, and counted by label and scope, so
    // that finding the parts of a whole costs a lookup, not a pass over the article.
    let mut by_suffix: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut twins: HashMap<(&str, Option<&str>, &str), usize> = HashMap::new();
    for (i, f) in article.iter().enumerate() {
        if !f.is_level() {
            continue;
        }
        let key = (f.label.as_str(), f.period.as_deref(), f.figure.unit);
        *twins.entry(key).or_default() += 1;
        for (j, _) in f.label.char_indices().skip(1) {
            by_suffix.entry(&f.label[j..]).or_default().push(i);
        }
    }
    for (w, whole) in article.iter().enumerate() {
        let w = range.start + w;
        let whole_core = core(&whole.label);
        if !whole.is_level() || whole_core.chars().count() < 4 {
            continue;
        }
        // The whole must be the one figure with that label in its article and period.
        let key = (
            whole.label.as_str(),
            whole.period.as_deref(),
            whole.figure.unit,
        );
        if twins.get(&key) != Some(&1) {
            continue;
        }
        let parts: Vec<usize> = by_suffix
            .get(whole_core)
            .into_iter()
            .flatten()
            .filter(|&&i| {
                let f = &article[i];
                f.figure.kind == whole.figure.kind && same_scope(f, whole) && f.label != whole.label
            })
            .map(|&i| range.start + i)
            .collect();
        // Keep the outermost parts: a part whose label ends with another part's label is
        // inside that part.
        let outer: Vec<usize> = parts
            .iter()
            .copied()
            .filter(|&p| {
                !parts.iter().any(|&q| {
                    q != p
                        && facts[q].label.len() < facts[p].label.len()
                        && facts[p].label.ends_with(&facts[q].label)
                })
            })
            .collect();
        if !outer.is_empty() {
            out.push(Group {
                kind: GroupKind::PartOf,
                whole: Some(w),
                members: outer,
            });
        }
    }
    out
}

fn sentence_groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut current_end = 0;
    for (i, f) in facts.iter().enumerate() {
        if !f.is_measure() {
            continue;
        }
        let end = full_sentence_end(text, f.figure.norm.start);
        match out.last_mut() {
            Some(g) if end == current_end => g.members.push(i),
            _ => {
                out.push(Group {
                    kind: GroupKind::Sentence,
                    whole: None,
                    members: vec![i],
                });
                current_end = end;
            }
        }
    }
    out.retain(|g| g.members.len() >= 2);
    out
}
