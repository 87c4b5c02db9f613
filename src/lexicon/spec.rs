//! The file format of a word list (`lexicon/*.json`): what a newsroom edits.

use schemars::JsonSchema;
use serde::Deserialize;

/// One word list.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListSpec {
    /// The JSON Schema this file follows; ignored by hedui.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Which list this is: one of the lists hedui reads (`change-verbs`, `regions`, …). A file
    /// of a newsroom's own with the id of a default list adds words to it.
    pub id: String,
    /// What the words are for, and how hedui reads them.
    #[serde(default)]
    pub doc: String,
    /// Other lists whose words belong to this one too, by id. A word may be written in one
    /// list only: a union names the lists it takes in, so the two cannot drift apart.
    #[serde(default)]
    pub include: Vec<String>,
    /// The words, each a plain string or a word with a tag (`{"word": "下降", "tag": "-"}`)
    /// where the list needs one: a sign for verbs of change, a direction for qualifiers, a
    /// way of cutting for dimensions.
    #[serde(default)]
    pub words: Vec<WordSpec>,
    /// Short texts that show the words at work; `cargo test` and `hedui rules test` run them.
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// A word, with its tag if the list has tags.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum WordSpec {
    Plain(String),
    Tagged { word: String, tag: String },
}

impl WordSpec {
    pub fn word(&self) -> &str {
        match self {
            WordSpec::Plain(w) | WordSpec::Tagged { word: w, .. } => w,
        }
    }

    pub fn tag(&self) -> Option<&str> {
        match self {
            WordSpec::Plain(_) => None,
            WordSpec::Tagged { tag, .. } => Some(tag),
        }
    }
}

/// A text and what hedui must read in it. Every field but `text` is optional; the ones given
/// must hold.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// A draft of a sentence or two.
    pub text: String,
    /// The figure the expectations below are about, as printed (`3.2%`); its first occurrence.
    #[serde(default)]
    pub figure: Option<String>,
    /// Its kind: `growth`, `share`, `amount`, …
    #[serde(default)]
    pub kind: Option<String>,
    /// Its printed value with the sign hedui reads: `-3.2` for `下降3.2%`.
    #[serde(default)]
    pub value: Option<String>,
    /// Its label, the measure it states.
    #[serde(default)]
    pub label: Option<String>,
    /// Its period.
    #[serde(default)]
    pub period: Option<String>,
    /// Its qualifier: `above`, `below`, `nearly`, `about`, `plus`, or `none`.
    #[serde(default)]
    pub qualifier: Option<String>,
    /// The ids of the rules whose errors a check of the text must raise, in any order; `[]`
    /// means no error at all.
    #[serde(default)]
    pub errors: Option<Vec<String>>,
}
