//! The text of a user's own file (a rule file, `hedui.json`) as miette reads it for a
//! diagnostic, cut to a window around the caret when the line is long.
//!
//! A rule file written on one line of 600 KB would otherwise be printed whole under its
//! error. Here a line longer than [`LONG_LINE`] bytes shows only [`CONTEXT`] bytes either side
//! of the span, with the true line number and column, and no context lines. This module only
//! reads; it decides nothing about what is wrong.

use miette::{MietteError, MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents};

/// Lines longer than this (in bytes) are shown in part.
pub const LONG_LINE: usize = 240;
/// How much of a long line is shown on each side of the span, in bytes.
pub const CONTEXT: usize = 60;
/// The longest span drawn under a long line, in bytes: a caret under 600 KB helps nobody.
pub const LONGEST_SPAN: usize = 120;

/// A named file text that shows long lines in part.
#[derive(Debug)]
pub struct Snippet {
    inner: NamedSource<String>,
}

impl Snippet {
    pub fn new(name: &str, text: &str) -> Self {
        Snippet {
            inner: NamedSource::new(name, text.to_string()),
        }
    }

    fn text(&self) -> &str {
        self.inner.inner()
    }

    /// The byte range of the line that holds `offset`, without its line break.
    fn line_around(&self, offset: usize) -> (usize, usize) {
        let text = self.text();
        let offset = floor(text, offset);
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        (start, end)
    }

    /// Whether the line of `offset` is long enough to be shown in part, and how long it is in
    /// characters.
    pub fn long_line_at(&self, offset: usize) -> Option<(usize, usize)> {
        let (start, end) = self.line_around(offset);
        (end - start > LONG_LINE).then(|| {
            let text = self.text();
            let line = text[..start].matches('\n').count() + 1;
            (line, text[start..end].chars().count())
        })
    }
}

/// The byte offset of a 1-based line and column (serde_json's columns count bytes).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// `at` moved down to a character boundary of `text`.
fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `at` moved up to a character boundary of `text`.
fn ceil(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// A span shortened to at most [`LONGEST_SPAN`] bytes when it sits on a long line (or is
/// itself long), ending on a character boundary.
pub fn clamp_span(text: &str, (start, len): (usize, usize)) -> (usize, usize) {
    let start = floor(text, start);
    if len <= LONGEST_SPAN {
        return (start, len.min(text.len() - start));
    }
    let end = floor(text, start + LONGEST_SPAN);
    (start, end - start)
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text();
        if span.offset() + span.len() > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // A span off a character boundary (a serde position inside a character) is widened to
        // whole characters.
        let (start, end) = (
            floor(text, span.offset()),
            ceil(text, span.offset() + span.len()),
        );
        let (line_start, line_end) = self.line_around(start);
        if line_end - line_start <= LONG_LINE || end > line_end {
            let contents = self
                .inner
                .read_span(span, context_lines_before, context_lines_after)?;
            if context_lines_before > 0 || context_lines_after > 0 {
                return Ok(contents);
            }
            // The header's column, which miette's own reading counts in bytes: in characters,
            // as every report of hedui counts it.
            return Ok(Box::new(MietteSpanContents::new_named(
                self.inner.name().to_string(),
                contents.data(),
                *contents.span(),
                contents.line(),
                text[line_start..start].chars().count(),
                contents.line_count(),
            )));
        }
        let line = text[..line_start].matches('\n').count();
        // Only the window around the span, on its own line; miette reads the header's column
        // from a read without context, which starts at the span itself.
        let (from, to) = if context_lines_before == 0 && context_lines_after == 0 {
            (start, end)
        } else {
            (
                ceil(text, start.saturating_sub(CONTEXT).max(line_start)),
                floor(text, (end + CONTEXT).min(line_end)),
            )
        };
        let column = text[line_start..from].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.inner.name().to_string(),
            &text.as_bytes()[from..to],
            (from, to - from).into(),
            line,
            column,
            1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};
    use thiserror::Error;

    #[derive(Debug, Error, Diagnostic)]
    #[error("bad")]
    struct Bad {
        #[source_code]
        src: Snippet,
        #[label("here")]
        span: SourceSpan,
    }

    #[test]
    fn the_header_column_counts_characters() {
        let text = "{\n  \"summary\": \"份额\", \"sumary\": 1\n}";
        let at = text.find("\"sumary\"").unwrap();
        let bad = Bad {
            src: Snippet::new("r.json", text),
            span: (at, 8).into(),
        };
        let mut out = String::new();
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .render_report(&mut out, &bad)
            .unwrap();
        assert!(out.contains("r.json:2:20]"), "{out}");
    }

    #[test]
    fn a_long_line_is_shown_around_the_caret_only() {
        let text = format!(
            "{{\"a\": \"{}\", \"b\": 1, \"c\": \"{}\"}}",
            "x".repeat(300_000),
            "y".repeat(300_000)
        );
        let at = text.find("\"b\"").unwrap();
        let bad = Bad {
            src: Snippet::new("r.json", &text),
            span: (at, 3).into(),
        };
        let mut out = String::new();
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .render_report(&mut out, &bad)
            .unwrap();
        assert!(out.len() < 1_000, "{} bytes:\n{}", out.len(), &out[..2_000]);
        assert!(out.contains(&format!("r.json:1:{}]", at + 1)), "{out}");
        assert!(out.contains("\"b\": 1"), "{out}");
    }
}
