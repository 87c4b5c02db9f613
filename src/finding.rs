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
}
