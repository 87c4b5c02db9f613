//! The text layer: a normalized copy of the draft, its map back to the original bytes, and its
//! structure (articles, paragraphs, sentences, clauses).
//!
//! Downstream code reads `Text::norm.text` and structure ranges in normalized coordinates, and
//! turns every range it reports into original coordinates with [`Text::original_range`]: nothing
//! leaves the library in normalized coordinates.

pub mod fxhash;
mod normalize;
mod structure;
mod trad;
pub mod words;

pub use normalize::{fold_char, normalize, Break, Normalized};
use std::ops::Range;
pub(crate) use structure::FULL_STOPS;
pub use structure::{Clause, Paragraph, Sentence, Structure};

/// The start of the last `max_bytes` (or fewer) bytes of `s` before `end`, on a character
/// boundary: the look-behind window for cues and labels, which keeps the work per figure bounded
/// however long a clause runs (a table with no punctuation is one clause).
pub fn window_start(s: &str, start: usize, end: usize, max_bytes: usize) -> usize {
    let mut from = start.max(end.saturating_sub(max_bytes));
    while !s.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// A draft ready for extraction.
#[derive(Clone, Debug)]
pub struct Text {
    pub norm: Normalized,
    pub structure: Structure,
    /// Normalized offsets no figure reads across (Markdown block and table-cell ends): a unit
    /// or a sign on the far side belongs to the next cell.
    pub hard_stops: Vec<usize>,
}

impl Text {
    pub fn new(original: &str) -> Self {
        Text::blanked(original, &[], None)
    }

    /// [`Text::new`] of the original with the byte ranges `blanked` (whole lines, sorted: the
    /// tables, read on their own) read as spaces, all but their line breaks: the text the prose
    /// reader sees, without a blanked copy of the draft. Where a Markdown parser found the
    /// blocks, `block_ends` gives them (original offsets).
    pub fn blanked(original: &str, blanked: &[Range<usize>], block_ends: Option<&[usize]>) -> Self {
        let wrapped = block_ends.is_none() && structure::is_wrapped(original, blanked);
        let norm = Normalized::blanked(original, blanked, wrapped);
        Text::structured(norm, wrapped, block_ends)
    }

    fn structured(norm: Normalized, wrapped: bool, block_ends: Option<&[usize]>) -> Self {
        let ends: Option<Vec<usize>> =
            block_ends.map(|ends| ends.iter().map(|&o| norm.normalized_offset(o)).collect());
        let structure = Structure::with_blocks(&norm, wrapped, ends.as_deref());
        Text {
            norm,
            structure,
            hard_stops: ends.unwrap_or_default(),
        }
    }

    /// The first hard stop at or after `at`, or the end of the text.
    pub fn next_stop(&self, at: usize) -> usize {
        let i = self.hard_stops.partition_point(|&s| s < at);
        self.hard_stops
            .get(i)
            .copied()
            .unwrap_or(self.norm.text.len())
    }

    /// True when the original has a table's cell gap (a tab, or two spaces or more) at the
    /// normalized offset `at`.
    pub fn cell_gap_at(&self, at: usize) -> bool {
        let breaks = &self.norm.breaks;
        let i = breaks.partition_point(|b| b.at() < at);
        breaks[i..]
            .iter()
            .take_while(|b| b.at() == at)
            .any(|b| b.cell_gap)
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.norm.text
    }

    /// The full sentence (ended by `。！？`, not `；`) holding the normalized offset `at`, within
    /// its paragraph.
    pub fn full_sentence(&self, at: usize) -> std::ops::Range<usize> {
        self.structure.full_sentence(at)
    }

    /// The original byte range of a normalized range.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        self.norm.original_range(start, end)
    }
}
