//! A rate that is by definition one count over another, with both counts stated before it in
//! its sentence: `选举人数1500万人，投票人数1020万人，投票率68%`.
//!
//! Which rates these are, and of what, is data (`ratio-names`): the prose never says
//! `占选举人数的`. The group is a `share-of`, so `share-ratio` checks it like any share.
//! Only the nearest counts before the rate, up to the last `；`, take part: the next clause
//! may speak of another election.

use super::{same_scope, Group};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::lexicon::{self, List};

/// The nearest level before fact `s` in its sentence whose label ends with one of `names`
/// (alternatives split by `|`).
fn nearest(facts: &[Fact], s: usize, names: &str) -> Option<usize> {
    facts[..s]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, f)| f.sentence == facts[s].sentence)
        .find(|(_, f)| f.is_level() && names.split('|').any(|n| f.label.ends_with(n)))
        .map(|(i, _)| i)
}

pub fn groups(facts: &[Fact]) -> Vec<Group> {
    let names = lexicon::get().tagged(List::RatioNames);
    let mut out = Vec::new();
    for (s, rate) in facts.iter().enumerate() {
        if rate.figure.kind != Kind::Share
            || rate.figure.unit != "%"
            || rate.base.is_some()
            || rate.in_list
            || !rate.is_measure()
        {
            continue;
        }
        let Some((_, tag)) = names
            .iter()
            .filter(|(w, _)| rate.label.ends_with(w))
            .max_by_key(|(w, _)| w.len())
        else {
            continue;
        };
        let Some((numerator, denominator)) = tag.split_once('/') else {
            continue;
        };
        let (Some(part), Some(whole)) =
            (nearest(facts, s, numerator), nearest(facts, s, denominator))
        else {
            continue;
        };
        let (p, w) = (&facts[part], &facts[whole]);
        if part == whole || !same_scope(p, w) || p.figure.kind != w.figure.kind {
            continue;
        }
        out.push(super::share_of::share_group(part, whole, s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn a_turnout_is_the_voters_over_the_electors() {
        let mut g = groups_of(
            "本届议会选举选举人数80万人，投票人数52万人，投票率65%；补选选举人数3万人，投票率40%。",
            GroupKind::ShareOf,
        );
        for m in &mut g {
            m.sort();
        }
        // The second turnout has no count of voters in its clause: no group.
        assert_eq!(g, [["part:52万人", "share:65%", "whole:80万人"]]);
    }
}
