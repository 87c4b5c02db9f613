//! Two years of one measure and the change between them: `2021年为149.33亿元，2020年为81.86亿元，
//! 增加了67.47亿元`. The change names no basis of its own, so it is the one the sentence just
//! gave: the later level less the earlier.
//!
//! The sentence must hold exactly two levels before the change, of one label, kind and unit,
//! each of its own single year, and the change must follow them with nothing stated between
//! (no rate, no third level) and no basis word (`比`, `较`, `同比`).

use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::identity::{basis, Basis};
use crate::text::Text;

/// The year a level is of, when its period is one whole year (`2021`).
fn year(f: &Fact) -> Option<u32> {
    let p = f.period.as_deref()?;
    (p.len() == 4).then(|| p.parse().ok()).flatten()
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    for (c, change) in facts.iter().enumerate() {
        if !change.figure.delta || change.figure.kind == Kind::Growth || c < 2 {
            continue;
        }
        if basis(text, facts, c) != Basis::Unstated {
            continue;
        }
        let sentence_start = text.full_sentence(change.figure.norm.start).start;
        // The figures of the sentence before the change, dates aside.
        let before: Vec<usize> = (0..c)
            .rev()
            .take_while(|&i| facts[i].figure.norm.start >= sentence_start)
            .filter(|&i| facts[i].figure.kind != Kind::Date)
            .collect();
        let [b, a] = before[..] else { continue };
        let (first, second) = (&facts[a], &facts[b]);
        let alike = |f: &Fact| {
            f.is_level()
                && f.label == change.label
                && f.figure.kind == change.figure.kind
                && f.figure.unit == change.figure.unit
        };
        if !alike(first) || !alike(second) {
            continue;
        }
        let (Some(ya), Some(yb)) = (year(first), year(second)) else {
            continue;
        };
        let (later, earlier) = match ya.cmp(&yb) {
            std::cmp::Ordering::Greater => (a, b),
            std::cmp::Ordering::Less => (b, a),
            std::cmp::Ordering::Equal => continue,
        };
        out.push(Group::new(
            GroupKind::Difference,
            vec![
                member(later, Role::Level),
                member(earlier, Role::Previous),
                member(c, Role::Change),
            ],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn two_years_and_the_change_between_them_make_a_group() {
        let g = groups_of(
            "再看存货，2023年为52.10亿元，2022年为40.35亿元，增加了11.75亿元。",
            GroupKind::Difference,
        );
        assert_eq!(
            g,
            [["level:52.10亿元", "previous:40.35亿元", "change:11.75亿元"]]
        );
    }

    #[test]
    fn a_change_with_its_own_basis_or_a_third_level_makes_no_group() {
        let g = groups_of(
            "存货2023年为52.10亿元，2022年为40.35亿元，比2021年增加了11.75亿元。",
            GroupKind::Difference,
        );
        assert!(g.is_empty(), "{g:?}");
        let g = groups_of(
            "存货2023年为52.10亿元，2022年为40.35亿元，2021年为30.00亿元，增加了11.75亿元。",
            GroupKind::Difference,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
