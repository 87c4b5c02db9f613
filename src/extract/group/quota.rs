//! Places to fill and the places filled: `山地原住民应选3人，国民党当选2人、民进党1人`. The
//! counts filled by the groups named after the quota (each party's seats) are parts of it,
//! and cannot add up to more: a `part-of` group, which `parts-within-whole` checks.
//!
//! The whole is a count whose label ends with a quota word (`应选`, `应到`) of
//! `lexicon/quota-words.json`; the parts are the counts of the same unit that follow it in its
//! sentence, the first naming a filling word (`当选`, `实到`), up to the next quota.

use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::lexicon::{self, List};
use crate::text::Text;

fn tagged(label: &str, tag: &str, ends: bool) -> bool {
    lexicon::get()
        .tagged(List::QuotaWords)
        .iter()
        .any(|(w, t)| {
            *t == tag
                && if ends {
                    label.ends_with(w)
                } else {
                    label.contains(w)
                }
        })
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    for (w, whole) in facts.iter().enumerate() {
        if whole.figure.kind != Kind::Count
            || whole.figure.attributive
            || !tagged(&whole.label, "quota", true)
        {
            continue;
        }
        let sentence_end = text.structure.sentences[whole.sentence].range().end;
        let mut parts = Vec::new();
        for (i, f) in facts.iter().enumerate().skip(w + 1) {
            if f.figure.norm.start >= sentence_end
                || f.figure.kind != Kind::Count
                || f.figure.unit != whole.figure.unit
                || f.figure.attributive
                || tagged(&f.label, "quota", true)
            {
                break;
            }
            if parts.is_empty() && !tagged(&f.label, "filled", false) {
                break;
            }
            parts.push(member(i, Role::Part));
        }
        if parts.is_empty() {
            continue;
        }
        let mut members = vec![member(w, Role::Whole)];
        members.extend(parts);
        out.push(Group::new(GroupKind::PartOf, members));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn the_seats_won_are_parts_of_the_seats_to_fill() {
        let g = groups_of(
            "本选区应选5人，甲党当选3人、乙党1人、无党籍1人；另一选区应选2人，甲党当选2人。",
            GroupKind::PartOf,
        );
        assert_eq!(
            g,
            vec![
                vec!["whole:5人", "part:3人", "part:1人", "part:1人"],
                vec!["whole:2人", "part:2人"]
            ],
            "{g:?}"
        );
        let g = groups_of("本选区应选5人，投票人数1200人。", GroupKind::PartOf);
        assert!(g.is_empty(), "{g:?}");
    }
}
