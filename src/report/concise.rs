//! Findings one to a line, for grep, editors' quickfix lists and terse CI logs.
//!
//! ```text
//! fixtures/planted-share-sum.txt:12:5: error[share-sum] shares of 全省外贸总值 add up to 103.0%, more than 100%
//! ```
//!
//! Each line is `path:line:column: severity[rule] message`, the shape of rustc's short format
//! (ruff's concise emitter writes `path:line:column: CODE message`); `%f:%l:%c: %m` parses it.
//! The position is the start of the finding's first label in text order, with the line and
//! the column 1-based and the column counted in characters. A finding without a label is put
//! at `1:1`. Line breaks inside a message become spaces, so one finding is always one line. The
//! help and the other labels are left out: `hedui check` without a format shows them.

use super::position::LineIndex;
use crate::finding::Finding;
use crate::source::Source;
use std::fmt::Write;

/// One line per finding, in the order given, each ending in `\n`.
pub fn render(source: &Source, findings: &[Finding]) -> String {
    render_with(source, &LineIndex::new(&source.text), findings)
}

/// [`render`] with the draft's line index already built.
pub fn render_with(source: &Source, lines: &LineIndex, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let (line, column) = f
            .labels
            .iter()
            .map(|l| l.span.start)
            .min()
            .map_or((1, 1), |start| lines.line_col(start));
        let _ = writeln!(
            out,
            "{}:{line}:{column}: {}[{}] {}",
            source.name,
            f.severity.name(),
            f.rule,
            one_line(&f.message)
        );
    }
    out
}

/// The text with each line break (`\r\n`, `\n` or `\r`) turned into one space.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\n', '\r'], " ")
}
