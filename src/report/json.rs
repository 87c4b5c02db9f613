//! Findings for programs: the stable JSON contract of `hedui check --format json`.
//!
//! ```json
//! {"files":[{"path":…,"findings":[{"rule":…,"severity":"error","message":…,"help":…,
//!   "labels":[{"start":…,"end":…,"line":…,"column":…,"text":…,"note":…}],
//!   "fixes":[{"start":…,"end":…,"line":…,"column":…,"text":…,"replacement":…,
//!             "open":null,"slip":null}]}]}],
//!  "summary":{"errors":…,"warnings":…,"figures":…,"checked":…}}
//! ```
//!
//! `figures` counts the figures that state a measure, `checked` those some rule's relation was
//! evaluated on; the rest were not assessable.
//!
//! `start`/`end` are byte offsets into the file as read (a BOM counts), `line`/`column` are
//! 1-based with columns in characters.
//!
//! For a Word draft (`.docx`) labels and fixes also give `paragraph` and `offset` (characters
//! before the span in that paragraph), and `start`/`end` are offsets in the text read from
//! `word/document.xml`.
//!
//! `fixes` are the likely-culprit corrections, nearest first: replacing one figure's `text`
//! with `replacement` makes the relation hold. `open` (`or less`, `or more`) says it keeps
//! holding beyond that value; `slip` names a value one slip of the pen (a digit changed, two
//! swapped) from the printed figure that also fits.

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
                    let mut label = json!({
                        "start": l.span.start + source.offset,
                        "end": l.span.end + source.offset,
                        "line": line,
                        "column": column,
                        "end_line": end_line,
                        "end_column": end_column,
                        "text": &source.text[l.span.clone()],
                        "note": l.note,
                    });
                    if source.docx {
                        where_in_docx(&mut label, &source.text, l.span.start);
                    }
                    label
                })
                .collect();
            let fixes: Vec<Value> = f
                .fixes
                .iter()
                .filter_map(|x| Some((x, x.replacement(&source.text)?)))
                .map(|(x, replacement)| {
                    let (line, column) = lines.line_col(x.span.start);
                    let mut fix = json!({
                        "start": x.span.start + source.offset,
                        "end": x.span.end + source.offset,
                        "line": line,
                        "column": column,
                        "text": &source.text[x.span.clone()],
                        "replacement": replacement,
                        "open": x.open,
                        "slip": x.slip,
                    });
                    if source.docx {
                        where_in_docx(&mut fix, &source.text, x.span.start);
                    }
                    fix
                })
                .collect();
            json!({
                "rule": f.rule,
                "severity": f.severity.name(),
                "message": f.message,
                "help": f.help,
                "labels": labels,
                "fixes": fixes,
            })
        })
        .collect();
    json!({ "path": source.name, "findings": findings })
}

/// A Word draft's place: `paragraph` (1-based, as `line`) and `offset`, the characters before
/// the span in that paragraph's text. `start`/`end` are then offsets in the text read from
/// `word/document.xml`, not in the `.docx` file.
pub fn where_in_docx(value: &mut Value, text: &str, start: usize) {
    let (paragraph, offset) = crate::docx::paragraph_offset(text, start);
    value["paragraph"] = json!(paragraph);
    value["offset"] = json!(offset);
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
