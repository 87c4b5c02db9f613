//! One measure stated twice: a headline and its body, or two sentences of one article, giving
//! the same label, kind, unit, period (and base, and basis of comparison) must agree.
//!
//! Only labels of four characters or more take part, and never a `其中` part or a `分别` item
//! (their labels are elided and repeat legitimately), nor anything in a sentence that speaks
//! of a revision (`初步核算`, `最终核实`, `修订`).

use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::identity::{self, Basis};
use crate::lexicon::{self, List};
use crate::text::Text;
use std::collections::HashMap;

/// True when the fact's own full sentence states a date or period: a repeated measure is
/// compared only when each statement says which period it is about.
///
/// The answer depends only on the full sentence, so `known` keeps it by the sentence's end.
fn period_stated(text: &Text, facts: &[Fact], i: usize, known: &mut HashMap<usize, bool>) -> bool {
    let f = &facts[i];
    let end = super::full_sentence_end(text, f.figure.norm.start);
    if let Some(&stated) = known.get(&end) {
        return stated;
    }
    // The first sentence of the same full sentence: full-sentence ends only grow with the
    // offset, so a binary search finds it.
    let start = text.structure.sentences[..f.sentence]
        .partition_point(|s| super::full_sentence_end(text, s.range.start) < end);
    let from = text.structure.sentences[start].range.start;
    let first = facts.partition_point(|d| d.figure.norm.start < from);
    let stated = facts[first..]
        .iter()
        .take_while(|d| d.figure.norm.end <= end)
        .any(|d| {
            d.figure.kind == Kind::Date || (d.figure.kind == Kind::Range && d.figure.unit == "月")
        });
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
    &text.as_str()[s.range.clone()]
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
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut out = Vec::new();
    // Kept as the walk goes, so that no fact looks back over its sentence: periods stated by
    // full-sentence end, revision words by sentence, the last day seen.
    let mut period_known = HashMap::new();
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
                    .words(List::RevisionWords)
                    .iter()
                    .any(|w| sentence_text(text, f).contains(w));
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
            national(&measure).to_string(),
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
