//! Enumerations announced with their count: `主要有4个方面的安排：一是…二是…三是…四是…`.
//! The items the text goes on to number (`一是`, `二是`, … from `lexicon/ordinal-markers.json`)
//! are stated in words as the group's `listed`, so that a rule compares them with the count.
//!
//! The count must be followed by a noun of `lexicon/enumeration-nouns.json` (`方面`, `措施`),
//! and the first marker must come soon after it, in the same sentence or right after its
//! colon. The run of markers is read in order and ends where the next ordinal does not come,
//! or where a new run starts at `一是`: a later list is not counted with this one.

use super::{member, Group, GroupKind, Role, Synthetic};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::interval::Interval;
use crate::lexicon::{self, List};
use crate::text::Text;
use rust_decimal::Decimal;

/// How far after the count's noun the first marker may stand, in characters.
const FIRST_MARKER_REACH: usize = 40;
/// How far apart two markers of one run may stand, in bytes.
const NEXT_MARKER_REACH: usize = 3000;

/// Where `marker` opens a clause (after `，；。：`, a line break or the start), from `from` on.
fn marker_at(t: &str, marker: &str, from: usize, until: usize) -> Option<usize> {
    let mut until = until.min(t.len());
    while !t.is_char_boundary(until) {
        until -= 1;
    }
    t.get(from..until)?
        .match_indices(marker)
        .map(|(i, _)| from + i)
        .find(|&i| {
            t[..i]
                .chars()
                .next_back()
                .is_none_or(|c| "，,；;。：:！？\n ".contains(c))
        })
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let t = text.as_str();
    let lex = lexicon::get();
    let nouns = lex.words(List::EnumerationNouns);
    let markers = lex.words(List::OrdinalMarkers);
    let Some(first_marker) = markers.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        if !matches!(f.figure.kind, Kind::Count | Kind::Number) || f.figure.qualifier.is_some() {
            continue;
        }
        let after = &t[f.figure.norm.end..];
        let after = after.strip_prefix('大').unwrap_or(after);
        let Some(noun) = nouns
            .iter()
            .filter(|n| after.starts_with(*n))
            .max_by_key(|n| n.len())
        else {
            continue;
        };
        let noun_end = t.len() - after.len() + noun.len();
        let reach: usize = t[noun_end..]
            .chars()
            .take(FIRST_MARKER_REACH)
            .map(char::len_utf8)
            .sum();
        let Some(first) = marker_at(t, first_marker, noun_end, noun_end + reach) else {
            continue;
        };
        if t[noun_end..first].contains(['。', '？', '！']) {
            continue;
        }
        let mut listed = 1;
        let mut at_end = first + first_marker.len();
        for next in &markers[1..] {
            let stop = marker_at(t, first_marker, at_end, at_end + NEXT_MARKER_REACH)
                .unwrap_or(at_end + NEXT_MARKER_REACH);
            match marker_at(t, next, at_end, stop) {
                Some(n) => {
                    listed += 1;
                    at_end = n + next.len();
                }
                None => break,
            }
        }
        let (o_start, o_end) = text.original_range(first, at_end);
        let mut g = Group::new(GroupKind::Enumeration, vec![member(i, Role::Whole)]);
        g.extra.push(Synthetic {
            name: "listed",
            value: Interval::exact(Decimal::from(listed)),
            span: o_start..o_end,
            note: format!(
                "{listed} items numbered {}…{}",
                first_marker,
                markers[listed - 1]
            ),
        });
        out.push(g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::GroupKind;

    fn listed(text: &str) -> Vec<String> {
        let ex = crate::extract::extract(&crate::source::Source::new("t.txt", text));
        ex.groups
            .iter()
            .filter(|g| g.kind == GroupKind::Enumeration)
            .flat_map(|g| g.extra.iter().map(|s| s.note.clone()))
            .collect()
    }

    #[test]
    fn the_numbered_items_after_an_announced_count_are_counted() {
        let n = listed("今年的工作有三个方面：一是稳投资，二是促消费，三是保就业。");
        assert_eq!(n, vec!["3 items numbered 一是…三是"]);
    }

    #[test]
    fn a_second_run_and_a_distant_list_are_not_counted() {
        let n = listed("下一步将采取两项措施：一是扩大投资，二是促进消费。会议还指出，一是要稳，二是要进，三是要实。");
        assert_eq!(n, vec!["2 items numbered 一是…二是"]);
        let n = listed("去年出台了3个方面的政策。今年的重点，一是扩大投资，二是促进消费，三是稳就业，四是保民生。");
        assert!(n.is_empty(), "{n:?}");
        let n = listed("这一是非问题有两个方面，统一是关键。");
        assert!(n.is_empty(), "{n:?}");
    }
}
