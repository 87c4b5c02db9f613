//! What a failed rule reports: which rule, how bad, what it computed, and the spans involved.

use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One span of the original text that takes part in a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingLabel {
    /// Byte range in the original text (without any BOM).
    pub span: Range<usize>,
    /// What this figure contributes: `exports = 5355亿元`.
    pub note: String,
}

/// A contradiction (or, as a warning, a suspicion) that a rule proved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The arithmetic, its rounding tolerance, and what to do.
    pub help: String,
    /// In text order.
    pub labels: Vec<FindingLabel>,
    /// The likely-culprit corrections: each one figure changed alone to a value at which the
    /// relation holds, nearest change first. Empty when no single figure can make it hold.
    pub fixes: Vec<Fix>,
}

/// One figure's correction: its number `from` becomes `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// Byte range of the figure in the original text (as a label's span).
    pub span: Range<usize>,
    /// The number as printed (`5455`) and the value at which the relation holds (`5355`).
    pub from: String,
    pub to: String,
    /// The relation also holds beyond this value: `or less`, `or more`.
    pub open: Option<&'static str>,
    /// One slip of the pen (a digit changed, two swapped) from the printed figure gives this
    /// value, which also fits: the likeliest culprit.
    pub slip: Option<String>,
}

impl Fix {
    /// The figure's original text (`text` is the draft's) with its number changed, layout
    /// kept: `1367.7\n亿元` → `1267.7\n亿元`. None when the number is not printed as read
    /// (full-width digits, Chinese numerals), where a plain replacement would be wrong.
    pub fn replacement(&self, text: &str) -> Option<String> {
        let original = text.get(self.span.clone())?;
        let at = original.find(&self.from)?;
        let mut out = original.to_string();
        out.replace_range(at..at + self.from.len(), &self.to);
        Some(out)
    }
}
