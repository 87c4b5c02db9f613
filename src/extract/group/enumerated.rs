//! A whole that lists its parts: `全国铁路、道路、水路、民航共发送旅客21000.1万人次。其中，铁路…
//! 道路…水路…民航…`. `共` (or `合计`) after a list of names says the figure is their sum, so
//! where the `其中` parts are exactly those names, one each, they add up to the whole, and last
//! year's parts to last year's whole.
//!
//! The parts are read in either of the two ways the prose gives them: each with its own label,
//! the name then the whole's measure (`铁路发送旅客868.1万人次`), or as one `分别` list whose
//! names are the whole's, in its order (`铁路、道路、水路、民航分别发送旅客…`). A list left open
//! (`…等共`) names no sum.

use super::part_of::core;
use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::text::Text;

/// Words that say the figure after them is the sum of the names before them.
const SUM_WORDS: &[&str] = &["共", "合计"];

/// The names `A、B、C和D` listed before `共` in the whole's own clause, and the measure after
/// `共` (`发送旅客`).
fn listed_names(text: &Text, facts: &[Fact], w: usize) -> Option<(Vec<String>, String)> {
    let t = text.as_str();
    let f = &facts[w];
    let clause = &text.structure.clauses[f.clause];
    // The stretch from the clause's start, or from the figure before it in the clause.
    let from = facts[..w]
        .iter()
        .rev()
        .find(|g| g.figure.norm.end <= f.figure.norm.start)
        .map_or(clause.range().start, |g| g.figure.norm.end)
        .max(clause.range().start);
    let stretch = t.get(from..f.figure.norm.start)?;
    let (at, word) = SUM_WORDS
        .iter()
        .filter_map(|w| stretch.rfind(w).map(|i| (i, *w)))
        .max_by_key(|(i, _)| *i)?;
    let measure = stretch[at + word.len()..].trim();
    let list = stretch[..at].trim();
    if measure.chars().count() < 2 || !list.contains('、') || list.ends_with('等') {
        return None;
    }
    let mut names: Vec<String> = list.split('、').map(|s| s.trim().to_string()).collect();
    // `全国铁路`: the first name may carry the scope words before the list.
    if let Some(first) = names.first_mut() {
        *first = core(first).to_string();
    }
    if let Some(last) = names.pop() {
        match last.split_once(['和', '及']) {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => {
                names.push(a.to_string());
                names.push(b.to_string());
            }
            _ => names.push(last),
        }
    }
    let plain = |n: &String| {
        let k = n.chars().count();
        (1..=8).contains(&k)
            && !n
                .chars()
                .any(|c| c.is_ascii_digit() || "，,：:".contains(c))
    };
    (names.len() >= 2 && names.iter().all(plain)).then(|| (names, measure.to_string()))
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    for (w, whole) in facts.iter().enumerate() {
        if !whole.is_additive() {
            continue;
        }
        let Some((names, measure)) = listed_names(text, facts, w) else {
            continue;
        };
        // `其中` follows its whole at once: its parts stand in the whole's paragraph or the next.
        let parts: Vec<usize> = (w + 1..facts.len())
            .take_while(|&i| {
                facts[i].article == whole.article && facts[i].paragraph <= whole.paragraph + 1
            })
            .filter(|&i| facts[i].subset_of == Some(w) && facts[i].is_additive())
            .collect();
        if parts.iter().any(|&i| {
            facts[i].figure.unit != whole.figure.unit || facts[i].figure.kind != whole.figure.kind
        }) {
            continue;
        }
        let one_each: Option<Vec<usize>> = names
            .iter()
            .map(|n| {
                let label = format!("{n}{measure}");
                let mut of_name = parts.iter().filter(|&&i| facts[i].label == label);
                match (of_name.next(), of_name.next()) {
                    (Some(&i), None) => Some(i),
                    _ => None,
                }
            })
            .collect();
        let listed = format!("{}分别{measure}", names.concat());
        let in_order = (parts.len() == names.len()
            && parts
                .iter()
                .all(|&i| facts[i].in_list && facts[i].label == listed))
        .then(|| parts.clone());
        let Some(stated) = one_each.filter(|s| s.len() == parts.len()).or(in_order) else {
            continue;
        };
        let mut members = vec![member(w, Role::Whole)];
        members.extend(stated.into_iter().map(|i| member(i, Role::Part)));
        // Value added and GDP grow at constant prices: their whole's rate only lies between the
        // parts' (`lexicon/real-growth-measures.json`).
        let growth = if super::grows_at_constant_prices(&measure) {
            GroupKind::PartitionReal
        } else {
            GroupKind::PartitionNominal
        };
        out.push(Group::new(growth, members.clone()));
        out.push(Group::new(GroupKind::Partition, members));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn a_whole_that_lists_its_parts_is_their_sum() {
        let g = groups_of(
            "国庆假期，全省铁路、公路、民航共发送旅客1200万人次。其中，铁路发送旅客300万人次，公路发送旅客850万人次，民航发送旅客50万人次。",
            GroupKind::Partition,
        );
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].len(), 4, "{g:?}");
        let g = groups_of(
            "国庆假期，全省铁路、公路和民航合计发送旅客1200万人次。其中，铁路、公路、民航分别发送旅客300万人次、850万人次、50万人次。",
            GroupKind::Partition,
        );
        assert_eq!(g.len(), 1, "{g:?}");
    }

    #[test]
    fn listed_parts_of_value_added_grow_at_constant_prices() {
        let text = "2024年，全市第一产业、第二产业、第三产业共实现增加值1000亿元，增长5.0%。其中，第一产业实现增加值100亿元，增长3.0%；第二产业实现增加值400亿元，增长6.0%；第三产业实现增加值500亿元，增长4.8%。";
        assert_eq!(groups_of(text, GroupKind::Partition).len(), 1);
        assert!(groups_of(text, GroupKind::PartitionNominal).is_empty());
        assert_eq!(groups_of(text, GroupKind::PartitionReal).len(), 1);
    }

    #[test]
    fn an_open_list_or_a_missing_part_is_no_sum() {
        let g = groups_of(
            "国庆假期，全省铁路、公路、民航等共发送旅客1200万人次。其中，铁路发送旅客300万人次，公路发送旅客850万人次，民航发送旅客50万人次。",
            GroupKind::Partition,
        );
        assert!(g.is_empty(), "{g:?}");
        let g = groups_of(
            "国庆假期，全省铁路、公路、民航共发送旅客1200万人次。其中，铁路发送旅客300万人次，公路发送旅客850万人次。",
            GroupKind::Partition,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
