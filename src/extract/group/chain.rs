//! Share chains: shares of one base in a run, `占…的56.5%。同期…占27.1%；…占16.4%`.
//!
//! A share that names its base joins the chain of that base within one full sentence; a bare
//! `占27.1%` joins the chain before it within two sentences of the same paragraph. All members
//! measure the same head noun (`…进出口`), so `出口占全国出口的60%，进口占50%` makes two chains.
//! A member that is a `其中` subset of another, or whose label nests in another member's, is
//! left out: it is already inside that member.

use super::{full_sentence_end, member, new_breakdown, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::{tag, Kind};
use crate::extract::label::{dimension, head, same_cut};
use crate::interval::Interval;
use crate::lexicon::{self, List};
use crate::text::Text;
use rust_decimal::Decimal;

/// How many sentences apart two shares of one chain may stand.
const CHAIN_REACH: usize = 2;

/// `第二产业用电量占…67.1%，第三产业占18.7%`: a label of four characters or more that drops
/// the measure the others name (`用电量`) but keeps their category word (`产业`).
fn elided(short: &str, full: &str) -> bool {
    short.chars().count() >= 4 && short.len() < full.len() && full.contains(head(short))
}

/// The chain already adds up to 100% within rounding: a further share starts a new breakdown.
fn complete(facts: &[Fact], chain: &[usize]) -> bool {
    let sum = chain.iter().fold(Interval::exact(Decimal::ZERO), |a, &i| {
        a.add(&facts[i].figure.interval)
    });
    chain.len() >= 2 && sum.overlaps(&Interval::exact(Decimal::ONE_HUNDRED))
}

/// Splits a chain whose members name different ways of cutting (a sex, an ethnicity, an age)
/// into one chain per way: `中共党员委员占40.0%；非中共党员委员占60.0%。女委员占27.9%` is a
/// cut by party, whose shares add up, and a cut by sex. Members that name no such way stay
/// together (`一线工人、农民代表`, `党政领导干部代表`: a cut by occupation).
fn split_by_dimension(chain: Vec<usize>, facts: &[Fact]) -> Vec<Vec<usize>> {
    let mut ways: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for m in chain {
        let d = dimension(&facts[m].label);
        match ways.iter_mut().find(|(w, _)| *w == d) {
            Some((_, members)) => members.push(m),
            None => ways.push((d, vec![m])),
        }
    }
    ways.into_iter().map(|(_, members)| members).collect()
}

/// `比重已连续8年超50%、连续4年超60%`: a share right after a span of time (`8年`, `3个月`)
/// is the mark one share stayed past through that span, not a part of a whole; such marks
/// of one share repeat for shorter spans and add up to nothing.
fn held_through_a_span(text: &Text, facts: &[Fact], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &facts[p]) else {
        return false;
    };
    let f = &facts[i];
    let gap = text
        .as_str()
        .get(prev.figure.norm.end..f.figure.norm.start)
        .unwrap_or("");
    prev.figure.kind == Kind::Duration
        && prev.clause == f.clause
        && gap.chars().count() <= 4
        && gap.chars().all(|c| c.is_alphabetic() && !c.is_ascii())
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut chains: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    // (paragraph, whether it speaks of a multiple-choice question), for the last one looked at.
    let mut multiple_choice = (usize::MAX, false);
    for (i, f) in facts.iter().enumerate() {
        // A rate (`投票率71.86%`, `出生率10.5‰`) is a share of no whole stated beside it.
        if f.figure.kind != Kind::Share
            || !f.is_measure()
            || f.figure.tags.contains(&tag::RATE)
            || held_through_a_span(text, facts, i)
        {
            continue;
        }
        // Answers to a multiple-choice question (`多选`) add up past 100% by design.
        if multiple_choice.0 != f.paragraph {
            let paragraph = &text.structure.paragraphs[f.paragraph];
            multiple_choice = (
                f.paragraph,
                text.as_str()[paragraph.range.clone()].contains("多选"),
            );
        }
        if multiple_choice.1 {
            continue;
        }
        // `新能源汽车产量占全球比重超过六成，光伏组件产量占全球比重超过八成`: a bare region as
        // the base stands for "this measure, worldwide", a different whole for each measure.
        if f.base
            .as_deref()
            .is_some_and(|b| lexicon::get().words(List::Regions).contains(&b))
        {
            if !current.is_empty() {
                chains.push(std::mem::take(&mut current));
            }
            continue;
        }
        let joins = match (current.first(), current.last()) {
            (Some(&first), Some(&last))
                if !new_breakdown(text, facts[last].figure.norm.end, f.figure.norm.start)
                    && !complete(facts, &current) =>
            {
                let (first, last) = (&facts[first], &facts[last]);
                let near = if f.base_explicit {
                    f.base == first.base
                        && full_sentence_end(text, f.figure.norm.start)
                            == full_sentence_end(text, last.figure.norm.start)
                } else {
                    last.paragraph == f.paragraph && f.sentence - last.sentence <= CHAIN_REACH
                };
                let same_head = f.label.is_empty()
                    || first.label.is_empty()
                    || head(&f.label) == head(&first.label)
                    || elided(&f.label, &first.label)
                    || elided(&first.label, &f.label)
                    // `18岁以下的占12.3%，18—35岁的占41.6%`: one way of cutting is one breakdown.
                    || same_cut(&f.label, &first.label);
                near && same_head
            }
            _ => false,
        };
        if !joins && !current.is_empty() {
            chains.push(std::mem::take(&mut current));
        }
        current.push(i);
    }
    chains.push(current);
    chains
        .into_iter()
        .flat_map(|chain| split_by_dimension(chain, facts))
        .map(|members| {
            let kept: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| {
                    let f = &facts[m];
                    // A `其中` share sits inside another member of the chain.
                    let in_subset = f.subset_of.is_some()
                        && members.iter().any(|&o| facts[o].subset_of.is_none());
                    let nested = members.iter().any(|&o| {
                        o != m
                            && !facts[o].label.is_empty()
                            && facts[o].label.len() < f.label.len()
                            && f.label.ends_with(&facts[o].label)
                            // `非中共党员` is the rest of the whole, not a part of `中共党员`.
                            && !f.label[..f.label.len() - facts[o].label.len()].ends_with('非')
                    });
                    !in_subset && !nested
                })
                .collect();
            Group::new(
                GroupKind::ShareChain,
                kept.into_iter().map(|m| member(m, Role::Member)).collect(),
            )
        })
        .filter(|g| g.members.len() >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn a_bare_share_joins_the_chain_of_the_share_before_it() {
        let g = groups_of(
            "民营企业进出口5700.2亿元，占同期全省外贸总值的56.5%。同期，国有企业进出口2733.7亿元，占27.1%；外商投资企业进出口1654.1亿元，占16.4%。",
            GroupKind::ShareChain,
        );
        assert_eq!(g, [["member:56.5%", "member:27.1%", "member:16.4%"]]);
    }

    #[test]
    fn marks_a_share_stayed_past_for_runs_of_years_are_no_parts() {
        let g = groups_of(
            "一季度，全省民营企业进出口占外贸总值比重已连续8年超50%、连续4年超60%、连续2年超70%。",
            GroupKind::ShareChain,
        );
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn shares_of_different_ways_of_cutting_are_separate_chains() {
        let g = groups_of(
            "本届委员中，女委员占27.9%，男委员占72.1%；中共党员委员占40.0%，非中共党员委员占60.0%。",
            GroupKind::ShareChain,
        );
        assert!(g.iter().all(|c| c.len() == 2), "{g:?}");
    }
}
