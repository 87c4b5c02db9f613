//! The text layer: a normalized copy of the draft, its map back to the original bytes, and its
//! structure (articles, paragraphs, sentences, clauses).
//!
//! Downstream code reads `Text::norm.text` and structure ranges in normalized coordinates, and
//! turns every range it reports into original coordinates with [`Text::original_range`]: nothing
//! leaves the library in normalized coordinates.

mod normalize;
mod structure;
mod trad;

pub use normalize::{fold_char, normalize, Break, Normalized};
pub use structure::{Clause, Paragraph, Sentence, Structure};

/// A draft ready for extraction.
#[derive(Clone, Debug)]
pub struct Text {
    pub norm: Normalized,
    pub structure: Structure,
}

impl Text {
    pub fn new(original: &str) -> Self {
        let norm = Normalized::new(original);
        let structure = Structure::new(original, &norm);
        Text { norm, structure }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.norm.text
    }

    /// The original byte range of a normalized range.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        self.norm.original_range(start, end)
    }
}
