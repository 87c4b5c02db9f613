//! Findings for programs: the stable JSON contract of `hedui check --format json`.
//!
//! ```json
//! {"files":[{"path":…,"findings":[{"rule":…,"severity":"error","message":…,"help":…,
//!   "labels":[{"start":…,"end":…,"line":…,"column":…,"text":…,"note":…}]}]}],
//!  "summary":{"errors":…,"warnings":…,"figures":…,"checked":…}}
//! ```
//!
//! `figures` counts the figures that state a measure, `checked` those some rule's relation was
//! evaluated on; the rest were not assessable.
//!
//! `start`/`end` are byte offsets into the file as read (a BOM counts), `line`/`column` are
//! 1-based with columns in characters.

use super::position::LineIndex;
use crate::finding::{Finding, Severity};
use crate::source::Source;
use serde_json::{json, Value};

/// One file's findings.
pub fn file(source: &Source, findings: &[Finding]) -> Value {
    let lines = LineIndex::new(&source.text);
    let findings: Vec<Value> = findings
        .iter()
        .map(|f| {
            let labels: Vec<Value> = f
                .labels
                .iter()
                .map(|l| {
                    let (line, column) = lines.line_col(l.span.start);
                    let (end_line, end_column) = lines.line_col(l.span.end);
                    json!({
                        "start": l.span.start + source.offset,
                        "end": l.span.end + source.offset,
                        "line": line,
                        "column": column,
                        "end_line": end_line,
                        "end_column": end_column,
                        "text": &source.text[l.span.clone()],
                        "note": l.note,
                    })
                })
                .collect();
            json!({
                "rule": f.rule,
                "severity": f.severity.name(),
                "message": f.message,
                "help": f.help,
                "labels": labels,
            })
        })
        .collect();
    json!({ "path": source.name, "findings": findings })
}

/// The whole document: files and the summary.
pub fn document(files: Vec<Value>, all: &[&Finding], coverage: crate::Coverage) -> Value {
    let errors = all.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = all
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    json!({
        "files": files,
        "summary": {
            "errors": errors,
            "warnings": warnings,
            "figures": coverage.figures,
            "checked": coverage.checked,
        },
    })
}
