//! A bare share of a known partition's part is of the partition's whole:
//! `全国卫生人员总数1069.4万人。…医院卫生人员613.3万人(占57.3%)`.
//!
//! A share that names no whole (`占57.3%`, bracketed or not) right after an amount is a share
//! of what that amount is a part of. Where the amount is a part of a known partition
//! (`concepts/`) whose whole the article states for the same subject, period and unit, that
//! whole is the one the prose means: hospitals' staff are a share of all health staff. A share
//! that names or carries a base of its own is left to `share_of`.

use super::share_of::share_group;
use super::{Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;

/// The share right after level `part`, in its sentence, with no other level between them and
/// no base of its own, of the part's own label.
fn bare_share_after(facts: &[Fact], part: usize) -> Option<usize> {
    let p = &facts[part];
    facts[part + 1..]
        .iter()
        .take_while(|f| f.sentence == p.sentence && !f.is_level())
        .position(|f| f.figure.kind == Kind::Share)
        .map(|i| part + 1 + i)
        .filter(|&s| {
            let f = &facts[s];
            f.base.is_none()
                && f.is_measure()
                && !f.in_list
                && f.figure.unit == "%"
                && f.label == p.label
                && f.period == p.period
        })
}

pub fn groups(facts: &[Fact], existing: &[Group]) -> Vec<Group> {
    let mut out = Vec::new();
    let mut seen: Vec<usize> = existing
        .iter()
        .filter(|g| g.kind == GroupKind::ShareOf)
        .flat_map(|g| g.members.iter().filter(|m| m.role == Role::Share))
        .map(|m| m.fact)
        .collect();
    for g in existing.iter().filter(|g| {
        matches!(
            g.kind,
            GroupKind::Partition
                | GroupKind::PartitionBound
                | GroupKind::PartitionNominal
                | GroupKind::PartitionReal
        )
    }) {
        let Some(whole) = g.whole() else { continue };
        for part in g
            .members
            .iter()
            .filter(|m| m.role == Role::Part)
            .map(|m| m.fact)
        {
            let Some(s) = bare_share_after(facts, part) else {
                continue;
            };
            if seen.contains(&s) {
                continue;
            }
            seen.push(s);
            out.push(share_group(part, whole, s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::sorted_groups_of;
    use super::super::GroupKind;

    fn share_of(text: &str) -> Vec<Vec<String>> {
        sorted_groups_of(text, GroupKind::ShareOf)
    }

    #[test]
    fn a_bracketed_share_of_a_partition_part_is_of_its_whole() {
        assert_eq!(
            share_of("2019年末全国卫生人员总数1290.2万人。2019年末医院卫生人员778.2万人(占60.3%)，基层医疗卫生机构卫生人员416.1万人(占32.3%)。"),
            [
                ["part:778.2万人", "share:60.3%", "whole:1290.2万人"],
                ["part:416.1万人", "share:32.3%", "whole:1290.2万人"]
            ]
        );
    }

    #[test]
    fn a_share_with_a_base_of_its_own_or_another_period_is_not_bound() {
        // The share names its own whole: `share_of` decides, not the partition.
        assert!(share_of("2019年末全国卫生人员总数1290.2万人。2019年末医院卫生人员778.2万人，占城市卫生人员的80.3%，基层医疗卫生机构卫生人员416.1万人。").is_empty());
        // The whole is of another year: no partition, no share of it.
        assert!(share_of("2018年末全国卫生人员总数1230.0万人。2019年末医院卫生人员778.2万人(占60.3%)，基层医疗卫生机构卫生人员416.1万人(占32.3%)。").is_empty());
    }
}
