//! What a fact-checker knows without being told, as data: `concepts/*.json`.
//!
//! A **partition** names a whole (`国内生产总值`), its parts (`第一产业增加值`, …), each with a
//! weight of +1 or −1 (XBRL's calculation linkbase is the model: net exports are exports minus
//! imports), and whether the parts are exhaustive. Exhaustive parts add up to their whole;
//! other parts add up to at most it (staff by institution leave out "other institutions").
//! Texts rarely write such a relation as `其中` or `分别`: GDP is its three sectors, population
//! its two sexes, wherever in the article each is stated.
//!
//! The partitions are compiled in by `build.rs`; each carries examples that must pass and fail,
//! which `cargo test` runs (`tests/concept_examples.rs`).

use crate::rules::{locate_string, RuleError};
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/default_concepts.rs"));

/// One partition file.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partition {
    /// The JSON Schema this file follows; ignored by hedui.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// A kebab-case name: `gdp-by-sector`.
    pub id: String,
    /// What the partition is, and where Chinese statistics state it.
    pub doc: String,
    /// The names of the whole, as a label ends: `国内生产总值`, `地区生产总值`, `GDP`.
    pub whole: Vec<String>,
    /// The parts, each with the names it goes by and its weight.
    pub parts: Vec<Part>,
    /// The parts make the whole: their sum equals it. When false, the sum is at most the
    /// whole.
    pub exhaustive: bool,
    /// How the parts' growth rates make the whole's, where all parts of an exhaustive
    /// partition are stated with one: `nominal` for quantities and values at current prices
    /// (last year's parts, rebuilt from this year's and their rates, add up to last year's
    /// whole), `real` for growth at constant prices and price indices (the whole's rate lies
    /// between its parts' slowest and fastest), `none` where neither holds.
    #[serde(default)]
    pub growth: Growth,
    /// The whole and its parts are averages over one population (`人均可支配收入` and its
    /// sources per head), which add up as totals do; other averages are never summed.
    #[serde(default)]
    pub averaged: bool,
    /// The names open what is measured rather than end it: `重工业` and `轻工业` cut any measure
    /// of industry (`重工业中长期贷款余额` is a part of `工业中长期贷款余额`), `短期` and `中长期`
    /// any loan (`短期贷款余额` of `各项贷款余额`). The measure after the name must be the same
    /// for the whole and its parts.
    #[serde(default)]
    pub prefix: bool,
    /// The whole is a weighted mean of its parts, as a price index is of its components
    /// (`居民消费价格` of `食品价格` and `非食品价格`): their rates of change never add up, but the
    /// whole's lies between its parts' of the same period and basis, where all are stated.
    #[serde(default)]
    pub mean: bool,
    /// Short texts: in each `pass` the partition holds, in each `fail` it is broken.
    pub examples: Examples,
}

/// How the growth rates of a partition's parts make the whole's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Growth {
    /// No relation is checked.
    #[default]
    None,
    /// Quantities and current prices: `prev(whole) = Σ prev(parts)`.
    Nominal,
    /// Constant prices and indices: the whole's rate lies between its parts' rates.
    Real,
}

/// A part of a partition.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The names of the part, as a label ends: `第一产业增加值`.
    pub names: Vec<String>,
    /// +1, or −1 for a part taken away (imports in net exports).
    #[serde(default = "plus_one")]
    pub weight: i8,
}

fn plus_one() -> i8 {
    1
}

#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    pub pass: Vec<String>,
    pub fail: Vec<String>,
}

impl Partition {
    /// Reads a partition file; mistakes are diagnostics with a caret.
    pub fn parse(file: &str, text: &str) -> Result<Partition, Box<RuleError>> {
        let p: Partition =
            serde_json::from_str(text).map_err(|e| Box::new(RuleError::json(file, text, &e)))?;
        let err = |key: &str, value: &str, msg: String| {
            Box::new(RuleError::new(
                file,
                text,
                locate_string(text, key, value),
                msg,
                "here",
                None,
            ))
        };
        if p.parts.len() < 2 {
            return Err(err(
                "id",
                &p.id,
                "a partition has at least two parts".into(),
            ));
        }
        if let Some(part) = p.parts.iter().find(|q| q.weight != 1 && q.weight != -1) {
            let name = part.names.first().cloned().unwrap_or_default();
            return Err(err("names", &name, "a part's weight is 1 or -1".into()));
        }
        let names = p.whole.iter().chain(p.parts.iter().flat_map(|q| &q.names));
        if let Some(empty) = names.clone().find(|n| n.chars().count() < 2) {
            return Err(err(
                "whole",
                empty,
                "a name has at least two characters".into(),
            ));
        }
        Ok(p)
    }
}

/// The partitions compiled into hedui.
pub fn defaults() -> Vec<Partition> {
    DEFAULT_CONCEPTS
        .iter()
        // Tested in CI (`default_partitions_load`): a broken one is a build defect.
        .map(|(name, text)| {
            Partition::parse(&format!("(default) {name}"), text)
                .unwrap_or_else(|e| panic!("default partition {name} is broken: {e}"))
        })
        .collect()
}

static INSTALLED: OnceLock<Vec<Partition>> = OnceLock::new();

/// The partitions in force: the defaults and those [`install`]ed with them.
pub fn partitions() -> &'static [Partition] {
    INSTALLED.get_or_init(defaults)
}

/// Adds a newsroom's partitions to the defaults for this process. Only a call before the
/// first draft is read takes effect; false when partitions were already in force. An id of a
/// default partition replaces it.
pub fn install(extra: Vec<Partition>) -> bool {
    let mut all = defaults();
    for p in extra {
        all.retain(|d| d.id != p.id);
        all.push(p);
    }
    INSTALLED.set(all).is_ok()
}

/// The partition files (`*.json` but `schema.json`) of a folder, or one file.
pub fn load(path: &std::path::Path) -> Result<Vec<Partition>, Box<RuleError>> {
    crate::datafiles::read(path, "concepts")?
        .iter()
        .map(|(name, text)| Partition::parse(name, text))
        .collect()
}

/// A partition as `hedui rules explain` prints it.
pub fn explain(p: &Partition) -> String {
    let mut out = format!(
        "{}  (partition, {})\n\n{}\n\n",
        p.id,
        if p.exhaustive {
            "exhaustive: the parts make the whole"
        } else {
            "not exhaustive: the parts make at most the whole"
        },
        p.doc
    );
    out.push_str(&format!("whole: {}\n", p.whole.join(" | ")));
    for part in &p.parts {
        let sign = if part.weight < 0 { "−" } else { "+" };
        out.push_str(&format!("  {sign} {}\n", part.names.join(" | ")));
    }
    let rule = if p.exhaustive {
        "partition-sum"
    } else {
        "partition-within"
    };
    out.push_str(&format!(
        "\nchecked by {rule} (and partition-within where only some parts are stated)\n"
    ));
    match p.growth {
        Growth::Nominal => out.push_str(
            "growth rates checked by partition-growth-mix: last year's parts make last year's whole\n",
        ),
        Growth::Real => out.push_str(
            "growth rates checked by partition-growth-between: the whole grows between its parts\n",
        ),
        Growth::None => {}
    }
    out
}

/// The JSON Schema of partition files, as checked in at `concepts/schema.json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Partition);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn default_partitions_load() {
        assert!(super::partitions().len() >= 5);
    }
}
