//! Findings for people: miette's graphical rendering, like rustc's, over the original lines.

use crate::finding::{Finding, Severity};
use crate::source::Source;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
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

/// A finding with the text it points into, as a miette diagnostic.
struct FindingReport<'a> {
    finding: &'a Finding,
    src: NamedSource<String>,
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
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.finding.labels.iter().map(|l| {
            LabeledSpan::new(Some(l.note.clone()), l.span.start, l.span.len())
        })))
    }
}

/// Renders one diagnostic (a finding or an input error) with a style.
pub fn render_diagnostic(diag: &dyn Diagnostic, style: Style) -> String {
    let mut out = String::new();
    if style.handler().render_report(&mut out, diag).is_err() {
        out = format!("{diag}\n");
    }
    out
}

/// All findings of one draft, one after the other.
pub fn render(source: &Source, findings: &[Finding], style: Style) -> String {
    let src = NamedSource::new(source.name.clone(), source.text.clone());
    let mut out = String::new();
    for finding in findings {
        let report = FindingReport {
            finding,
            src: src.clone(),
        };
        out.push_str(&render_diagnostic(&report, style));
        out.push('\n');
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
