//! Mistakes in rule files, shown like findings: the file, the line, a caret, what to do.

use crate::snippet::{clamp_span, offset_of, Snippet};
use miette::{Diagnostic, SourceSpan};
use thiserror::Error;

/// A rule file hedui cannot use.
#[derive(Debug, Error, Diagnostic)]
#[error("{file}: {message}")]
#[diagnostic(code(hedui::rules))]
pub struct RuleError {
    pub file: String,
    pub message: String,
    #[help]
    pub help: Option<String>,
    #[source_code]
    pub src: Snippet,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
}

impl RuleError {
    pub fn new(
        file: &str,
        text: &str,
        span: (usize, usize),
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        let src = Snippet::new(file, text);
        // A one-line file of 600 KB is shown around the caret only, and says so.
        let help = match src.long_line_at(span.0) {
            Some((line, chars)) => {
                let note = format!(
                    "line {line} is {chars} characters long; only the part around the caret is shown"
                );
                Some(help.map_or(note.clone(), |h| format!("{h}\n{note}")))
            }
            None => help,
        };
        RuleError {
            file: file.to_string(),
            message: message.into(),
            help,
            span: SourceSpan::from(clamp_span(text, span)),
            src,
            label: label.into(),
        }
    }

    /// A serde_json error, placed at its line and column.
    pub fn json(file: &str, text: &str, err: &serde_json::Error) -> Self {
        let offset = offset_of(text, err.line(), err.column());
        let message = err.to_string();
        // serde_json appends " at line L column C"; the caret says that already.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_string();
        let help = if message.contains("unknown field") {
            Some("remove the field or fix its spelling; the schema is rules/schema.json".into())
        } else if message.contains("missing field") {
            Some("every rule needs id, family, severity, summary, doc, scope, bind, assert, message, help and examples".into())
        } else {
            None
        };
        // Point at the misspelt key itself, which serde reports the position after.
        if let Some(field) = message
            .strip_prefix("unknown field `")
            .and_then(|m| m.split('`').next())
        {
            let key = format!("\"{field}\"");
            let upto = text.ceil_char_boundary((offset + 1).min(text.len()));
            if let Some(at) = text[..upto].rfind(&key) {
                return RuleError::new(file, text, (at, key.len()), message, "unknown field", help);
            }
        }
        RuleError::new(file, text, (offset, 0), message, "here", help)
    }
}

/// Where a string value appears in a JSON text: the byte range of its contents.
pub fn locate_string(text: &str, key: &str, value: &str) -> (usize, usize) {
    let encoded = serde_json::to_string(value).unwrap_or_default();
    let key_pat = format!("\"{key}\"");
    let from = text.find(&key_pat).unwrap_or(0);
    match text[from..].find(&encoded) {
        Some(i) => (from + i + 1, encoded.len().saturating_sub(2)),
        None => (from, key_pat.len()),
    }
}
