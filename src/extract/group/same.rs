//! One measure stated twice: a headline and its body, or two sentences of one article, giving
//! the same label, kind, unit, period (and base, and basis of comparison) must agree.
//!
//! Only labels of four characters or more take part, and never a `其中` part or a `分别` item
//! (their labels are elided and repeat legitimately), nor anything in a sentence that speaks
//! of a revision (`初步核算`, `最终核实`, `修订`).

use super::part_of::core;
use super::{member, Group, GroupKind};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::text::Text;
use std::collections::HashMap;

const REVISION: &[&str] = &[
    "初步", "核实", "修订", "修正", "调整", "快报", "初值", "终值", "预计",
];

/// The basis a rate is compared on: year on year, month on month, real or nominal, an average.
fn basis(text: &Text, f: &Fact) -> &'static str {
    let t = text.as_str();
    let clause = &text.structure.clauses[f.clause];
    let pre = &t[clause.range.start..f.figure.norm.start];
    if pre.contains("环比") || pre.contains("比上月") {
        "month"
    } else if pre.contains("实际") || pre.contains("扣除价格") || pre.contains("可比价") {
        // Real growth, net of prices, beside the nominal one.
        "real"
    } else if pre.contains("平均") || pre.contains("年均") {
        "average"
    } else if pre.contains("相比") || compares_with_a_year(pre) {
        "other"
    } else {
        "year"
    }
}

/// `比2019年同期`, `较2022年`: a comparison with a named year, not the year before.
fn compares_with_a_year(pre: &str) -> bool {
    ["比", "较", "与"].iter().any(|w| {
        pre.match_indices(w).any(|(i, _)| {
            let rest = &pre[i + w.len()..];
            rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        })
    })
}

/// True when the fact's own full sentence states a date or period: a repeated measure is
/// compared only when each statement says which period it is about.
fn period_stated(text: &Text, facts: &[Fact], i: usize) -> bool {
    let f = &facts[i];
    let end = super::full_sentence_end(text, f.figure.norm.start);
    let mut start = f.sentence;
    while start > 0
        && super::full_sentence_end(text, text.structure.sentences[start - 1].range.start) == end
    {
        start -= 1;
    }
    let from = text.structure.sentences[start].range.start;
    let first = facts.partition_point(|d| d.figure.norm.start < from);
    facts[first..]
        .iter()
        .take_while(|d| d.figure.norm.end <= end)
        .any(|d| {
            d.figure.kind == Kind::Date || (d.figure.kind == Kind::Range && d.figure.unit == "月")
        })
}

fn sentence_text<'a>(text: &'a Text, f: &Fact) -> &'a str {
    let s = &text.structure.sentences[f.sentence];
    &text.as_str()[s.range.clone()]
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    type Key<'a> = (
        usize,
        &'a str,
        Kind,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        &'static str,
    );
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        let eligible = f.is_measure()
            && !f.figure.delta
            && !f.in_list
            && f.subset_of.is_none()
            && f.figure.qualifier.is_none()
            && f.label.chars().count() >= 4
            && matches!(
                f.figure.kind,
                Kind::Amount | Kind::Count | Kind::Share | Kind::Growth | Kind::Points
            )
            && !REVISION.iter().any(|w| sentence_text(text, f).contains(w))
            && period_stated(text, facts, i);
        if !eligible {
            continue;
        }
        let key = (
            f.article,
            // `我国服务进出口总额` in the headline is `服务进出口总额` in the body.
            core(&f.label),
            f.figure.kind,
            f.figure.unit,
            f.period.as_deref(),
            f.base.as_deref(),
            basis(text, f),
        );
        match seen.get(&key) {
            Some(&first) => out.push(Group::new(
                GroupKind::SameMeasure,
                vec![member(first, "first"), member(i, "second")],
            )),
            None => {
                seen.insert(key, i);
            }
        }
    }
    out
}
