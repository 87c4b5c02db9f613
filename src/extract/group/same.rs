//! One measure stated twice: a headline and its body, or two sentences of one article, giving
//! the same label, kind, unit, period (and base, and basis of comparison) must agree.
//!
//! Only labels of four characters or more take part, and never a `其中` part or a `分别` item
//! (their labels are elided and repeat legitimately), nor a share of a survey's respondents
//! (each answers its own question), nor anything in a sentence that speaks of a revision
//! (`初步核算`, `最终核实`, `修订`).

use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::{tag, Kind};
use crate::extract::identity::{self, Basis};
use crate::lexicon::{self, List};
use crate::text::fxhash::FxHashMap;
use crate::text::{words, Text};

/// True when the fact's own full sentence states a date or period: a repeated measure is
/// compared only when each statement says which period it is about.
///
/// The answer depends only on the full sentence, so `known` keeps it by the sentence's end.
fn period_stated(
    text: &Text,
    facts: &[Fact],
    i: usize,
    known: &mut FxHashMap<usize, bool>,
) -> bool {
    let f = &facts[i];
    let end = super::full_sentence_end(text, f.figure.norm.start);
    if let Some(&stated) = known.get(&end) {
        return stated;
    }
    // The first sentence of the same full sentence: full-sentence ends only grow with the
    // offset, so a binary search finds it, among the sentences of the paragraph (a full
    // sentence never leaves its paragraph).
    let sentences = &text.structure.sentences;
    let first_of_paragraph = text
        .structure
        .sentence_at(text.structure.paragraphs[f.paragraph].range.start);
    let start = first_of_paragraph
        + sentences[first_of_paragraph..f.sentence]
            .partition_point(|s| super::full_sentence_end(text, s.range().start) < end);
    let from = text.structure.sentences[start].range().start;
    let first = facts.partition_point(|d| d.figure.norm.start < from);
    let stated = facts[first..]
        .iter()
        .take_while(|d| d.figure.norm.end <= end)
        .any(|d| {
            d.figure.kind == Kind::Date || (d.figure.kind == Kind::Range && d.figure.unit == "月")
        })
        // `上半年我国外贸进出口同比增长2.1%`: a period named in words, not as the point of a
        // comparison (`与去年同期相比`).
        || {
            let sentence = &text.as_str()[from..end];
            let lex = lexicon::get();
            lex.set(List::PeriodWords).any_in(sentence)
                && lex.words(List::PeriodWords).iter().any(|w| {
                // A searcher is built only for a word the sentence holds.
                words::contains(sentence, w) && sentence.match_indices(w).any(|(at, _)| {
                    !lex.words(List::ComparisonWords)
                        .iter()
                        .any(|c| sentence[..at].ends_with(c))
                })
            })
        };
    known.insert(end, stated);
    stated
}

/// A label without the national scope word a national release may or may not write.
fn national(label: &str) -> &str {
    ["我国", "全国"]
        .iter()
        .find_map(|w| label.strip_prefix(w))
        .unwrap_or(label)
}

fn sentence_text<'a>(text: &'a Text, f: &Fact) -> &'a str {
    let s = &text.structure.sentences[f.sentence];
    &text.as_str()[s.range()]
}

/// The label of the level that opens fact `i`'s full sentence, when it is another fact: the
/// subject the sentence speaks of. The measure itself when it is that level's
/// (`进出口总值20.1万亿元，同比增长2.1%`): no other subject. `known` keeps each sentence's
/// opening level by the sentence's start, so that no sentence is walked twice.
fn topic(
    text: &Text,
    facts: &[Fact],
    i: usize,
    measure: &str,
    known: &mut FxHashMap<usize, Option<usize>>,
) -> String {
    let full = text.full_sentence(facts[i].figure.norm.start);
    let opening = *known.entry(full.start).or_insert_with(|| {
        let first = facts.partition_point(|d| d.figure.norm.start < full.start);
        facts[first..]
            .iter()
            .take_while(|d| d.figure.norm.start < full.end)
            .position(|d| d.is_level())
            .map(|k| first + k)
    });
    let topic = opening.filter(|&k| k < i).map_or(String::new(), |k| {
        identity::canonical(national(&facts[k].label))
    });
    if topic == national(measure) {
        String::new()
    } else {
        topic
    }
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    type Key<'a> = (
        usize,
        String,
        Kind,
        &'a str,
        (Option<&'a str>, Option<String>),
        Option<&'a str>,
        Basis,
    );
    let mut seen: FxHashMap<Key, usize> = FxHashMap::default();
    let mut topics: FxHashMap<usize, Option<usize>> = FxHashMap::default();
    let mut out = Vec::new();
    // Kept as the walk goes, so that no fact looks back over its sentence: periods stated by
    // full-sentence end, revision words by sentence, the last day seen.
    let mut period_known = FxHashMap::default();
    let mut revision: Option<(usize, bool)> = None;
    let mut last_day = None;
    for (i, f) in facts.iter().enumerate() {
        let day_before = last_day;
        if identity::is_day(f) {
            last_day = Some(i);
        }
        let mut revised = || match revision {
            Some((s, r)) if s == f.sentence => r,
            _ => {
                let r = lexicon::get()
                    .set(List::RevisionWords)
                    .any_in(sentence_text(text, f));
                revision = Some((f.sentence, r));
                r
            }
        };
        let own_label = !f.label_inherited || !matches!(f.figure.kind, Kind::Amount | Kind::Count);
        let eligible = f.is_measure()
            && own_label
            && !f.on_a_day
            && !f.target
            && !f.label.contains('均')
            && !f.figure.delta
            && !f.in_list
            && f.subset_of.is_none()
            && f.figure.qualifier.is_none()
            // `62.4%的受访者…，58.1%的受访者…`: answers to different questions, whose label is
            // the survey's.
            && !f.figure.tags.contains(&tag::OF_RESPONDENTS)
            && f.label.chars().count() >= 4
            && matches!(
                f.figure.kind,
                Kind::Amount | Kind::Count | Kind::Share | Kind::Growth | Kind::Points
            )
            && !revised()
            && !identity::in_brackets(text, f)
            && period_stated(text, facts, i, &mut period_known);
        if !eligible {
            continue;
        }
        // Only a measure whose identity is known is compared: `增速比同期` is the growth of the
        // level before it, `拉动GDP` no measure at all.
        let Some(measure) = identity::measure(text, facts, i) else {
            continue;
        };
        let key = (
            f.article,
            // `我国服务进出口总额` in the headline is `服务进出口总额` in the body; but
            // `全省…` and `全市…` are two regions, never one measure.
            // `我国共有各级各类学校53.71万所，…专任教师1792.18万人` and `全国共有义务教育阶段
            // 学校21.08万所，…专任教师1029.49万人`: a measure named after the level that opens
            // its sentence belongs to that level's subject.
            format!(
                "{}|{}",
                national(&measure),
                topic(text, facts, i, &measure, &mut topics)
            ),
            f.figure.kind,
            f.figure.unit,
            (
                f.period.as_deref(),
                identity::day(text, facts, i, day_before),
            ),
            f.base.as_deref(),
            identity::basis(text, facts, i).conventional(),
        );
        match seen.get(&key) {
            Some(&first) => out.push(Group::new(
                GroupKind::SameMeasure,
                vec![member(first, Role::First), member(i, Role::Second)],
            )),
            None => {
                seen.insert(key, i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn one_measure_stated_twice_in_an_article_is_paired() {
        let g = groups_of(
            "2023年，规模以上工业增加值同比增长4.6%。\n\n2023年规模以上工业增加值同比增长4.8%。",
            GroupKind::SameMeasure,
        );
        assert_eq!(g, [["first:4.6%", "second:4.8%"]]);
    }

    #[test]
    fn figures_of_different_days_or_comparisons_are_not_one_measure() {
        let g = groups_of(
            "截至10月3日，全省共发送旅客1530.6万人次。10月3日，全省共发送旅客498.2万人次，比去年同期增长6.4%。10月2日，全省共发送旅客512.7万人次，比去年同期增长8.7%。",
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
        let g = groups_of(
            "上半年，全市地区生产总值812亿元，同比增长4.2%，比一季度提高0.4个百分点，比去年全年提高2.6个百分点。",
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
