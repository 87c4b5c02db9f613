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
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A rule file of hedui: one declarative check of figures against each other.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
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
    /// The finding's message; `{name}`, `{name.label}`, `{name.base}`, `{lhs}`, `{rhs}` expand
    /// (an unnamed base as `one whole`).
    pub message: String,
    /// The finding's help; `{arithmetic}` expands to the computation with its rounding.
    pub help: String,
    /// Per binding, the note on each of its spans; `{text}`, `{label}`, `{base}` expand.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Percentage points by which stated growth rates may be off because they are computed on
    /// revised figures of the year before (customs and fiscal data: 0.1). Widens `prev` and
    /// `growth`.
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub growth_slack: Option<rust_decimal::Decimal>,
    /// `true` in a newsroom's rule that takes the place of the rule already loaded with the
    /// same id (a default rule, or one of an earlier folder). Without it a duplicate id is an
    /// error, so that no rule is replaced by accident.
    #[serde(default)]
    pub replaces: bool,
    pub examples: Examples,
}

/// Which facts of a group a name binds.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    /// The role the fact plays in its group (`whole`, `part`, `member` …); any role when absent.
    /// It must be a role that one of the rule's scopes gives (`subset`: whole, part), which is
    /// checked when the rule file loads.
    #[serde(default)]
    #[schemars(with = "Option<crate::extract::Role>")]
    pub role: Option<String>,
    /// Kinds accepted (`share`, `amount`, …); any kind when absent.
    #[serde(default)]
    pub kind: Vec<String>,
    /// A regular expression the label must match.
    #[serde(default)]
    pub label: Option<String>,
    /// A regular expression the label must not match.
    #[serde(default)]
    pub label_not: Option<String>,
    /// A regular expression the label must not match once the words it shares with its base
    /// are taken out (`民营企业进出口` of `…一带一路国家进出口` passes `一带一路`).
    #[serde(default)]
    pub own_label_not: Option<String>,
    /// A regular expression a share's base must not match (`计划|目标`: a share of a plan may
    /// pass 100%).
    #[serde(default)]
    pub base_not: Option<String>,
    /// The unit the figure must have (`元`, `%`).
    #[serde(default)]
    pub unit: Option<String>,
    /// Bind every matching fact as a list instead of exactly one.
    #[serde(default)]
    pub many: bool,
    /// For a list: the fewest facts that make the rule worth checking.
    #[serde(default = "one")]
    pub min: usize,
    /// Select changes of a level (`增加3.2万户`) instead of levels; levels only when absent.
    #[serde(default)]
    pub change: bool,
    /// Tags the figure must carry: `rate-change` (a rate that moved by `%`), `rate` (a rate of
    /// the thing named).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Tags the figure must not carry: `rate` (a rate of the thing named, `拨备覆盖率228.55%`,
    /// which is no part of a whole and may pass 100%).
    #[serde(default)]
    pub tags_not: Vec<String>,
}

fn one() -> usize {
    1
}

/// Texts on which the rule must stay silent (`pass`) and must fire (`fail`).
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub pass: Vec<String>,
    #[serde(default)]
    pub fail: Vec<String>,
}
