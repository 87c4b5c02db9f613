//! Findings for people: miette's graphical rendering, like rustc's, over the original lines.

use crate::finding::{Finding, Severity};
use crate::source::Source;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// How to draw: colours or not, and how wide.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// No colour and a fixed width: what tests and pipes get.
    pub fn plain() -> Style {
        Style {
            color: false,
            width: 100,
        }
    }

    pub fn handler(self) -> GraphicalReportHandler {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_links(false)
    }
}

/// A draft with an index of its line starts, so that showing a span costs a lookup instead of
/// a scan from the top of the file (miette's own `[u8]` source scans; a long draft with many
/// findings would render in quadratic time).
#[derive(Debug)]
pub struct IndexedSource {
    name: String,
    text: String,
    line_starts: Vec<usize>,
}

impl IndexedSource {
    pub fn new(name: &str, text: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        IndexedSource {
            name: name.to_string(),
            text: text.to_string(),
            line_starts,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }
}

impl SourceCode for IndexedSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        if start > self.text.len() || start + span.len() > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.line_of(start);
        let last = self.line_of((start + span.len()).saturating_sub(1).max(start));
        let from_line = first.saturating_sub(context_lines_before);
        let data_start = if context_lines_before == 0 {
            start
        } else {
            self.line_starts[from_line]
        };
        let to_line = last + context_lines_after;
        let data_end = self
            .line_starts
            .get(to_line + 1)
            .copied()
            .unwrap_or(self.text.len())
            .max(start + span.len());
        // Lines ended before the end of the window, as miette counts them.
        let line_count = self.line_starts.partition_point(|&s| s <= data_end) - 1;
        // miette prints this column in the `[file:line:column]` header: count characters, as
        // every other format does (and rustc and ruff), not bytes.
        let column = if context_lines_before == 0 {
            self.text[self.line_starts[first]..start].chars().count()
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            from_line,
            column,
            line_count,
        )))
    }
}

/// A finding with the text it points into, as a miette diagnostic.
struct FindingReport<'a> {
    finding: &'a Finding,
    src: &'a IndexedSource,
}

impl fmt::Debug for FindingReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingReport")
            .field("rule", &self.finding.rule)
            .finish()
    }
}

impl fmt::Display for FindingReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingReport<'_> {}

impl Diagnostic for FindingReport<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.finding.labels.iter().map(|l| {
            LabeledSpan::new(Some(l.note.clone()), l.span.start, l.span.len())
        })))
    }
}

/// Renders one diagnostic (a finding or an input error) with a style. Never panics: should
/// miette fail or panic on a diagnostic, its message alone is given.
pub fn render_diagnostic(diag: &dyn Diagnostic, style: Style) -> String {
    let mut out = String::new();
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        style.handler().render_report(&mut out, diag)
    }));
    if !matches!(drawn, Ok(Ok(()))) {
        out = format!("{diag}\n");
    }
    out
}

/// The widest display column miette can draw a label at. Its renderer pads with `{:width$}`,
/// and Rust's formatter panics on a width of 65,535 or more; the margin leaves room for the
/// gutter and the label's own text.
pub const MAX_DRAWN_COLUMN: usize = 60_000;

/// The display column just after the farthest end of any of the finding's labels, counted
/// from the start of the label's line.
fn farthest_column(text: &str, lines: &super::position::LineIndex, finding: &Finding) -> usize {
    finding
        .labels
        .iter()
        .flat_map(|l| [l.span.start, l.span.end])
        .map(|at| {
            // A span off a character boundary cannot be drawn either.
            if text.get(..at.min(text.len())).is_none() {
                return usize::MAX;
            }
            lines.display_width(at)
        })
        .max()
        .unwrap_or(0)
}

/// A finding too far right on its line to draw: the concise line, its labels and help, and a
/// note that says why.
fn render_undrawable(
    source: &Source,
    lines: &super::position::LineIndex,
    finding: &Finding,
    column: usize,
) -> String {
    let mut out = super::concise::render_with(source, lines, std::slice::from_ref(finding));
    for l in &finding.labels {
        let (line, col) = lines.line_col(l.span.start);
        let note: String = l.note.chars().take(80).collect();
        let cut = if note.len() < l.note.len() { "…" } else { "" };
        out.push_str(&format!("  {line}:{col}: {note}{cut}\n"));
    }
    if !finding.help.is_empty() {
        out.push_str(&format!(
            "  help: {}\n",
            finding.help.replace('\n', "\n        ")
        ));
    }
    out.push_str(&format!(
        "  note: a label sits at display column {column} of its line, past the {MAX_DRAWN_COLUMN} \
         columns the graphical report can draw; this finding is shown in the concise form\n"
    ));
    out
}

/// The most labels drawn for one finding: a relation of thousands of figures (a long list of
/// shares) is drawn with its first ones and a note, not as megabytes of carets.
pub const MAX_DRAWN_LABELS: usize = 12;

/// The finding as drawn: its first [`MAX_DRAWN_LABELS`] labels, and a note in its help
/// saying how many more there are.
fn capped(finding: &Finding) -> std::borrow::Cow<'_, Finding> {
    let more = finding.labels.len().saturating_sub(MAX_DRAWN_LABELS);
    if more == 0 {
        return std::borrow::Cow::Borrowed(finding);
    }
    let mut f = finding.clone();
    f.labels.truncate(MAX_DRAWN_LABELS);
    if !f.help.is_empty() {
        f.help.push('\n');
    }
    f.help.push_str(&format!(
        "{more} more figures of this relation are not drawn; `--format json` lists them all"
    ));
    std::borrow::Cow::Owned(f)
}

/// All findings of one draft, one after the other.
pub fn render(source: &Source, findings: &[Finding], style: Style) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and what is written is UTF-8.
    let _ = write(&mut out, source, findings, style);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`], written out one finding at a time: the report on a long archive is never held
/// in memory whole.
pub fn write(
    w: &mut impl std::io::Write,
    source: &Source,
    findings: &[Finding],
    style: Style,
) -> std::io::Result<()> {
    let src = IndexedSource::new(&source.name, &source.text);
    let lines = super::position::LineIndex::new(&source.text);
    for finding in findings {
        let finding = &*capped(finding);
        let column = farthest_column(&source.text, &lines, finding);
        let mut out = if column > MAX_DRAWN_COLUMN {
            render_undrawable(source, &lines, finding, column)
        } else {
            let report = FindingReport { finding, src: &src };
            render_diagnostic(&report, style)
        };
        if source.docx {
            out.push_str(&docx_places(source, finding));
        }
        out.push('\n');
        w.write_all(out.as_bytes())?;
    }
    Ok(())
}

/// In a Word draft, where each labelled figure is: its paragraph and its offset in it (the
/// header's line and column say the same, but an editor looks for paragraphs in Word).
fn docx_places(source: &Source, finding: &Finding) -> String {
    let mut out = String::new();
    for l in &finding.labels {
        let (paragraph, offset) = crate::docx::paragraph_offset(&source.text, l.span.start);
        out.push_str(&format!(
            "  = in {}: paragraph {paragraph}, offset {offset}: {}\n",
            source.name,
            &source.text[l.span.clone()]
        ));
    }
    out
}

/// The closing line: how many errors and warnings in how many drafts.
pub fn summary(files: usize, errors: usize, warnings: usize) -> String {
    let drafts = if files == 1 { "draft" } else { "drafts" };
    match (errors, warnings) {
        (0, 0) => format!("checked {files} {drafts}: no contradictions found"),
        _ => format!("checked {files} {drafts}: {errors} error(s), {warnings} warning(s)"),
    }
}
