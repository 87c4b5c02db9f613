//! `截至2023年11月底，…自2023年4月起连续8个月`: a run of months with both ends stated.
//!
//! The start is a full date (year and month) after `自`/`从` and before `起`/`以来`/`开始`;
//! the end is a full date after `截至`/`截止`/`到` earlier in the same sentence. A run whose end
//! is not stated (`自2023年10月以来连续3个月`, written in January) makes no group: the end
//! would be a guess.

use super::{full_sentence_end, member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::text::Text;

fn is_month(f: &Fact) -> bool {
    f.figure.kind == Kind::Date
        && f.figure
            .date
            .as_deref()
            .is_some_and(|d| d.len() >= 7 && !d.starts_with('-') && !d.starts_with('Q'))
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let t = text.as_str();
    let mut out = Vec::new();
    for (d, dur) in facts.iter().enumerate() {
        if dur.figure.kind != Kind::Duration || dur.figure.unit != "个月" {
            continue;
        }
        let clause = &text.structure.clauses[dur.clause];
        let pre = &t[clause.range().start..dur.figure.norm.start];
        if !pre.contains("连续") || pre.contains("连续第") {
            continue;
        }
        // The start: a month in the same clause, opened by 自/从 and closed by 起/以来/开始.
        let clause_first =
            facts[..d].partition_point(|f| f.figure.norm.start < clause.range().start);
        let start = facts[clause_first..d].iter().rposition(|f| {
            f.clause == dur.clause && is_month(f) && {
                let before = &t[clause.range().start..f.figure.norm.start];
                let after = &t[f.figure.norm.end..dur.figure.norm.start];
                (before.ends_with('自') || before.ends_with('从'))
                    && (after.starts_with('起')
                        || after.starts_with("以来")
                        || after.starts_with("开始"))
            }
        });
        let Some(start) = start.map(|i| clause_first + i) else {
            continue;
        };
        // The end: a month after 截至 in the same sentence, before the start.
        let sentence_start = {
            let mut s = dur.sentence;
            // Reach back over `；` to the start of the full sentence.
            while s > 0
                && full_sentence_end(text, text.structure.sentences[s - 1].range().start)
                    == full_sentence_end(text, dur.figure.norm.start)
            {
                s -= 1;
            }
            text.structure.sentences[s].range().start
        };
        let sentence_first =
            facts[..start].partition_point(|f| f.figure.norm.start < sentence_start);
        let end = facts[sentence_first..start].iter().rposition(|f| {
            is_month(f) && {
                let before = &t[sentence_start..f.figure.norm.start];
                ["截至", "截止", "到"].iter().any(|w| before.ends_with(w))
            }
        });
        let Some(end) = end.map(|i| sentence_first + i) else {
            continue;
        };
        out.push(Group::new(
            GroupKind::Consecutive,
            vec![
                member(start, Role::Start),
                member(end, Role::End),
                member(d, Role::Duration),
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
    fn a_run_of_months_names_its_start_and_end() {
        let g = groups_of(
            "截至2023年11月底，全省出口自2023年4月起连续8个月保持增长。",
            GroupKind::Consecutive,
        );
        assert_eq!(g.len(), 1, "{g:?}");
        assert!(g[0].iter().any(|m| m.ends_with(":8个月")), "{g:?}");
    }
}
