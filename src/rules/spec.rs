//! The rule file format: what a newsroom writes in `rules/*.json`.
//!
//! ```json
//! {
//!   "id": "share-sum",
//!   "family": "shares of one whole",
//!   "severity": "error",
//!   "summary": "shares of one whole add up to more than 100%",
//!   "doc": "…",
//!   "scope": ["share-chain"],
//!   "bind": { "shares": { "role": "member", "kind": "share", "many": true, "min": 2 } },
//!   "assert": "sum(shares) <= 100",
//!   "message": "the shares of {shares.base} add up to more than 100%",
//!   "help": "{arithmetic}",
//!   "examples": { "pass": ["…"], "fail": ["…"] }
//! }
//! ```
//!
//! Unknown fields are mistakes, not extensions: a misspelt `lable` must not silently select
//! every figure.

use crate::finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// A JSON Schema reference for editors; ignored by hedui.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Kebab-case, unique in a rule set: `share-sum`.
    pub id: String,
    /// The family of relations this rule belongs to, for `rules list`.
    pub family: String,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: String,
    /// The rule's documentation: what it checks, why, and when it stays silent.
    pub doc: String,
    /// Which groups of facts the rule looks at: `share-chain`, `subset`, `part-of`, `sentence`.
    pub scope: Vec<String>,
    /// Names for the facts of a group, each chosen by a selector.
    pub bind: BTreeMap<String, Selector>,
    /// The relation that must hold: `exports + imports == total`.
    #[serde(rename = "assert")]
    pub assertion: String,
    /// The finding's message; `{name}`, `{name.label}`, `{name.base}`, `{lhs}`, `{rhs}` expand.
    pub message: String,
    /// The finding's help; `{arithmetic}` expands to the computation with its rounding.
    pub help: String,
    /// Per binding, the note on each of its spans; `{text}`, `{label}`, `{base}` expand.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    pub examples: Examples,
}

/// Which facts of a group a name binds.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    /// `whole`, `part` (of a subset or part-of group), `member` (of a chain or sentence), or
    /// `any` (the default).
    #[serde(default)]
    pub role: Role,
    /// Kinds accepted (`share`, `amount`, …); any kind when absent.
    #[serde(default)]
    pub kind: Vec<String>,
    /// A regular expression the label must match.
    #[serde(default)]
    pub label: Option<String>,
    /// A regular expression the label must not match.
    #[serde(default)]
    pub label_not: Option<String>,
    /// The unit the figure must have (`元`, `%`).
    #[serde(default)]
    pub unit: Option<String>,
    /// Bind every matching fact as a list instead of exactly one.
    #[serde(default)]
    pub many: bool,
    /// For a list: the fewest facts that make the rule worth checking.
    #[serde(default = "one")]
    pub min: usize,
}

fn one() -> usize {
    1
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Whole,
    Part,
    Member,
    #[default]
    Any,
}

/// Texts on which the rule must stay silent (`pass`) and must fire (`fail`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub pass: Vec<String>,
    #[serde(default)]
    pub fail: Vec<String>,
}
