//! A change over several years and its yearly average: `十年共增加604.3万人…平均每年增加60.4万人`.
//! The total, the years and the average are grouped so that a rule divides: the average is
//! the total over the years.
//!
//! The years are a length (`十年`) right before a total word (`共`, from the `total` words of
//! `lexicon/span-words.json`) and the change it opens; the average is the next change of the
//! same unit and sign, in the paragraph or the next, whose clause a per-year word
//! (`lexicon/per-year-words.json`) opens. A compound yearly rate (`年平均增长率`) is a share,
//! not a change, and is not taken.

use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::lexicon::{self, List};
use crate::text::Text;

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let t = text.as_str();
    let lex = lexicon::get();
    let per_year = lex.words(List::PerYearWords);
    let mut out = Vec::new();
    for (d, years) in facts.iter().enumerate() {
        let fig = &years.figure;
        if fig.kind != Kind::Duration || fig.unit != "年" || fig.qualifier.is_some() {
            continue;
        }
        let Some(total) = facts.get(d + 1) else {
            continue;
        };
        let between = &t[fig.norm.end..total.figure.norm.start];
        let opens_total = lex
            .tagged(List::SpanWords)
            .iter()
            .any(|(w, tag)| *tag == "total" && between.starts_with(w));
        if !opens_total
            || !total.figure.delta
            || total.clause != years.clause
            || total.figure.qualifier.is_some()
        {
            continue;
        }
        let average = facts[d + 2..]
            .iter()
            .enumerate()
            .take_while(|(_, f)| f.paragraph <= years.paragraph + 1)
            .find(|(_, f)| {
                // The per-year word opens its clause: `外来人口年均增加…` names another subject.
                let clause = &text.structure.clauses[f.clause];
                let before = &t[clause.range().start..f.figure.norm.start];
                f.figure.delta
                    && f.figure.unit == total.figure.unit
                    && f.figure.value.is_sign_negative() == total.figure.value.is_sign_negative()
                    && per_year.iter().any(|w| before.starts_with(w))
            })
            .map(|(i, _)| d + 2 + i);
        let Some(a) = average else {
            continue;
        };
        out.push(Group::new(
            GroupKind::Average,
            vec![
                member(d + 1, Role::Whole),
                member(d, Role::Duration),
                member(a, Role::Part),
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
    fn a_total_over_years_and_its_yearly_average_are_grouped() {
        let g = groups_of(
            "全县常住人口52.3万人，与2010年相比，十年共减少4.1万人。平均每年减少0.41万人。",
            GroupKind::Average,
        );
        assert_eq!(
            g,
            vec![vec!["whole:4.1万人", "duration:十年", "part:0.41万人"]],
            "{g:?}"
        );
        let g = groups_of(
            "十年共减少4.1万人。年平均增长率为-0.8%。",
            GroupKind::Average,
        );
        assert!(g.is_empty(), "{g:?}");
        let g = groups_of(
            "十年共减少4.1万人。\n外来人口年均减少0.5万人。",
            GroupKind::Average,
        );
        assert!(g.is_empty(), "another subject's average: {g:?}");
    }
}
