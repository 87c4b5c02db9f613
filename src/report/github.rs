//! Findings as GitHub Actions workflow commands, so a check in CI annotates the draft in the
//! pull request.
//!
//! ```text
//! ::error file=fixtures/planted-share-sum.txt,line=12,col=5,endLine=12,endColumn=10,title=share-sum::shares of 全省外贸总值 add up to 103.0%25, more than 100%25%0A56.5 + 27.1 + 19.4 = 103.0%25, …
//! ```
//!
//! One command per finding: `::error` or `::warning`, placed on the finding's first label in
//! text order (lines and columns 1-based, columns in characters, `endColumn` the column after
//! the last character, as in the JSON report). GitHub accepts columns only when the annotation
//! starts and ends on one line, so a label that a line break cuts in two (`1654.6⏎亿元`) gets
//! `line` and `endLine` alone; a finding without a label gets `file` alone. The help follows
//! the message after a line break, so the annotation shows the arithmetic too.
//!
//! Escaping follows the Actions toolkit: the message escapes `%`, `\r` and `\n`; property
//! values escape `:` and `,` as well.

use super::position::LineIndex;
use crate::finding::{Finding, Severity};
use crate::source::Source;
use std::fmt::Write;

/// One workflow command per finding, in the order given, each ending in `\n`.
pub fn render(source: &Source, findings: &[Finding]) -> String {
    let lines = LineIndex::new(&source.text);
    let mut out = String::new();
    for f in findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = format!("file={}", escape_property(&source.name));
        if let Some(label) = f.labels.iter().min_by_key(|l| (l.span.start, l.span.end)) {
            let (line, col) = lines.line_col(label.span.start);
            let (end_line, end_col) = lines.line_col(label.span.end);
            if line == end_line {
                let _ = write!(
                    properties,
                    ",line={line},col={col},endLine={end_line},endColumn={end_col}"
                );
            } else {
                let _ = write!(properties, ",line={line},endLine={end_line}");
            }
        }
        let _ = write!(properties, ",title={}", escape_property(&f.rule));
        let mut message = f.message.clone();
        if !f.help.is_empty() {
            message.push('\n');
            message.push_str(&f.help);
        }
        let _ = writeln!(out, "::{command} {properties}::{}", escape_data(&message));
    }
    out
}

/// A message: `%`, `\r` and `\n` as `%25`, `%0D` and `%0A`.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as a message, and `:` and `,` as `%3A` and `%2C`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
