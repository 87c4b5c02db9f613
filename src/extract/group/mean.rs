//! Indices by component (`concepts/*.json` with `mean: true`): the consumer price index is a
//! weighted mean of food and non-food prices, so its rate of change lies between theirs
//! (`居民消费价格同比上涨0.8%…食品价格同比下降4.1%…非食品价格上涨1.9%`).
//!
//! Such figures are rates, not levels, and never add up. A group is made only where every
//! component of the partition is stated with one value, by the whole's measure, subject,
//! period and basis of comparison: a year-on-year rate is never set between month-on-month
//! ones, and a whole between two of its three components proves nothing.

use super::partition::{known_names, matched};
use super::{member, Group, GroupKind, Role};
use crate::concepts::partitions;
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::identity::{basis, Basis};
use crate::text::Text;
use std::collections::BTreeMap;

type Key<'a> = (usize, &'a str, &'a str, Option<&'a str>, Basis);

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    let known = known_names();
    for p in partitions().iter().filter(|p| p.mean) {
        let mut found: BTreeMap<Key, (Vec<usize>, Vec<Vec<usize>>)> = BTreeMap::new();
        for (i, f) in facts.iter().enumerate() {
            if f.figure.kind != Kind::Growth || f.target || f.on_a_day || f.in_list {
                continue;
            }
            let Some((role, subject, measure)) = matched(p, &known, &f.label) else {
                continue;
            };
            let on = basis(text, facts, i).conventional();
            let key = (f.article, subject, measure, f.period.as_deref(), on);
            let entry = found
                .entry(key)
                .or_insert_with(|| (Vec::new(), vec![Vec::new(); p.parts.len()]));
            match role {
                None => entry.0.push(i),
                Some(k) => entry.1[k].push(i),
            }
        }
        for (wholes, parts) in found.into_values() {
            let Some(whole) = one_rate(facts, &wholes) else {
                continue;
            };
            let Some(stated) = parts
                .iter()
                .map(|q| one_rate(facts, q))
                .collect::<Option<Vec<usize>>>()
            else {
                continue;
            };
            let mut members = vec![member(whole, Role::Whole)];
            members.extend(stated.into_iter().map(|i| member(i, Role::Part)));
            out.push(Group::new(GroupKind::PartitionMean, members));
        }
    }
    out
}

/// The one rate stated for a measure: stated once, or restated with the same printed value.
fn one_rate(facts: &[Fact], stated: &[usize]) -> Option<usize> {
    let (&first, rest) = stated.split_first()?;
    rest.iter()
        .all(|&i| facts[i].figure.printed == facts[first].figure.printed)
        .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn a_price_index_meets_its_components_of_the_same_basis() {
        let g = groups_of(
            "10月份，全国居民消费价格同比上涨0.4%，环比下降0.1%。其中，食品价格同比下降2.0%，非食品价格同比上涨0.9%。",
            GroupKind::PartitionMean,
        );
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].len(), 3, "{g:?}");
    }

    #[test]
    fn components_of_another_basis_or_a_missing_one_make_no_group() {
        let g = groups_of(
            "10月份，全国居民消费价格同比上涨0.4%。食品价格环比下降2.0%，非食品价格环比上涨0.9%。",
            GroupKind::PartitionMean,
        );
        assert!(g.is_empty(), "{g:?}");
        let g = groups_of(
            "10月份，全国居民消费价格同比上涨0.4%。食品价格同比下降2.0%。",
            GroupKind::PartitionMean,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
