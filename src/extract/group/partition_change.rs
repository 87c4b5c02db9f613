//! The changes of a whole and of its parts: where a partition's parts make its whole
//! (`全国人口140967万人，比2022年末减少208万人…城镇常住人口93267万人，比2022年末增加1196万人；
//! 乡村常住人口47700万人，减少1404万人`), they made it at the earlier date too, so their
//! changes add up to the whole's change.
//!
//! A level's change is the first change stated after it in its sentence with its label, unit
//! and kind, before any other level: `多增`/`少减` (a change of a change) is none. All the
//! changes must be against one basis (`比2022年末`, `比年初`, `同比`); one missing, or one of
//! another basis, makes no group.

use super::change::of_a_change;
use super::{full_sentence_end, member, Group, GroupKind};
use crate::extract::fact::Fact;
use crate::extract::identity::basis;
use crate::text::Text;

/// The change stated with the level `l` in its sentence.
fn change_of(text: &Text, facts: &[Fact], l: usize) -> Option<usize> {
    let t = text.as_str();
    let level = &facts[l];
    let end = full_sentence_end(text, level.figure.norm.start);
    for (i, f) in facts.iter().enumerate().skip(l + 1) {
        if f.figure.norm.start >= end || f.is_level() {
            return None;
        }
        let same = f.label == level.label
            && f.figure.kind == level.figure.kind
            && f.figure.unit == level.figure.unit;
        if f.figure.delta && same && !f.figure.attributive {
            // `同比多增2.99万亿元`: more than the change a year before, not a change of the level.
            return (!of_a_change(t, f)).then_some(i);
        }
    }
    None
}

/// For each group of a whole and all its parts (`partition`), the group of their changes.
pub fn groups(text: &Text, facts: &[Fact], partitions: &[Group]) -> Vec<Group> {
    let mut out = Vec::new();
    for g in partitions.iter().filter(|g| g.kind == GroupKind::Partition) {
        let Some(changes) = g
            .members
            .iter()
            .map(|m| change_of(text, facts, m.fact).map(|c| member(c, m.role)))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let on = basis(text, facts, changes[0].fact).conventional();
        if changes
            .iter()
            .any(|m| basis(text, facts, m.fact).conventional() != on)
        {
            continue;
        }
        out.push(Group::new(GroupKind::PartitionChange, changes));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn the_changes_of_a_whole_and_its_parts_make_a_group() {
        let g = groups_of(
            "2024年末全省常住人口5000万人，比上年末增加20万人。其中，城镇常住人口3300万人，比上年末增加45万人；乡村常住人口1700万人，减少25万人。",
            GroupKind::PartitionChange,
        );
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].len(), 3, "{g:?}");
    }

    #[test]
    fn a_change_of_another_basis_or_a_missing_one_makes_no_group() {
        let g = groups_of(
            "2024年末全省常住人口5000万人，比上年末增加20万人。其中，城镇常住人口3300万人，比2020年末增加145万人；乡村常住人口1700万人，比上年末减少25万人。",
            GroupKind::PartitionChange,
        );
        assert!(g.is_empty(), "{g:?}");
        let g = groups_of(
            "2024年末全省常住人口5000万人，比上年末增加20万人。其中，城镇常住人口3300万人；乡村常住人口1700万人，减少25万人。",
            GroupKind::PartitionChange,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
