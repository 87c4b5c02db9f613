//! `hedui.json`: a newsroom's settings, found by walking up from the checked drafts (or the
//! current folder), so that `hedui check` in a repository of drafts needs no flags.
//!
//! ```json
//! {
//!   "drafts": ["drafts"],
//!   "rules": ["newsroom-rules"],
//!   "select": [], "ignore": ["points-not-percent"],
//!   "severity": { "same-figure-twice": "warning" },
//!   "exclude": ["drafts/archive/**"],
//!   "baseline": "hedui-baseline.json"
//! }
//! ```
//!
//! Paths in the file are relative to the file. Command-line flags override it: paths given
//! replace `drafts`, `--select`/`--ignore` replace the file's, `--rules` adds folders.

use super::errors::{ConfigError, ConfigFileError, ConfigLoadError};
use hedui::snippet::{clamp_span, offset_of, Snippet};
use hedui::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "hedui.json";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Explanations for people (`hedui init` writes them); JSON has no comments.
    #[serde(default, rename = "$comment")]
    _comment: serde::de::IgnoredAny,
    /// What `hedui check` checks when no path is given.
    #[serde(default)]
    pub drafts: Vec<PathBuf>,
    /// Rule folders added to the default rules.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Run the default rules (true unless set to false).
    #[serde(default = "yes")]
    pub default_rules: bool,
    /// Word-list folders that extend the default lexicon.
    #[serde(default)]
    pub lexicon: Vec<PathBuf>,
    /// Partition folders added to the default concepts.
    #[serde(default)]
    pub concepts: Vec<PathBuf>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule id, overriding the rule file's.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Glob patterns of files not to check.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// A baseline file of known findings.
    #[serde(default)]
    pub baseline: Option<PathBuf>,
    /// Where the file was found (not in the file).
    #[serde(skip)]
    pub dir: PathBuf,
}

const KEYS: &str =
    "hedui.json takes $comment, drafts, rules, default_rules, lexicon, concepts, select, ignore, severity, exclude and baseline";

/// A serde_json error in `hedui.json`, with a caret at its place (at the key itself for an
/// unknown field).
fn parse_error(name: &str, text: &str, err: &serde_json::Error) -> ConfigFileError {
    let offset = offset_of(text, err.line(), err.column());
    let message = err.to_string();
    // serde_json appends " at line L column C"; the caret says that already.
    let reason = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_string();
    let mut span = (offset, 0);
    let mut label = "here";
    if let Some(field) = reason
        .strip_prefix("unknown field `")
        .and_then(|m| m.split('`').next())
    {
        let key = format!("\"{field}\"");
        let upto = text.ceil_char_boundary((offset + 1).min(text.len()));
        if let Some(at) = text[..upto].rfind(&key) {
            span = (at, key.len());
            label = "unknown field";
        }
    }
    ConfigFileError {
        path: name.to_string(),
        reason,
        help: Some(KEYS.into()),
        src: Snippet::new(name, text),
        span: clamp_span(text, span).into(),
        label: label.into(),
    }
}

fn yes() -> bool {
    true
}

impl Default for Config {
    /// No file: the default rules, nothing else.
    fn default() -> Self {
        Config {
            _comment: serde::de::IgnoredAny,
            drafts: Vec::new(),
            rules: Vec::new(),
            default_rules: true,
            lexicon: Vec::new(),
            concepts: Vec::new(),
            select: Vec::new(),
            ignore: Vec::new(),
            severity: BTreeMap::new(),
            exclude: Vec::new(),
            baseline: None,
            dir: PathBuf::from("."),
        }
    }
}

impl Config {
    /// The nearest `hedui.json` from `start` upwards, if any.
    pub fn find(start: &Path) -> Result<Option<Config>, ConfigLoadError> {
        let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
        let mut dir = if start.is_dir() {
            Some(start.as_path())
        } else {
            start.parent()
        };
        while let Some(d) = dir {
            let path = d.join(FILE_NAME);
            if path.is_file() {
                return Config::load(&path).map(Some);
            }
            dir = d.parent();
        }
        Ok(None)
    }

    pub fn load(path: &Path) -> Result<Config, ConfigLoadError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: name.clone(),
            reason: e.to_string(),
            help: Some(KEYS.into()),
        })?;
        let mut config: Config =
            serde_json::from_str(&text).map_err(|e| Box::new(parse_error(&name, &text, &e)))?;
        config.dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        Ok(config)
    }

    /// A path of the file, made relative to the folder hedui runs in when possible.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            return p.to_path_buf();
        }
        let joined = self.dir.join(p);
        let here = std::env::current_dir()
            .ok()
            .and_then(|c| std::fs::canonicalize(c).ok());
        match (std::fs::canonicalize(&joined), here) {
            // Inside the very folder, the relative path is empty: that is `.`, not "".
            (Ok(full), Some(here)) => match full.strip_prefix(&here) {
                Ok(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
                Ok(rel) => rel.to_path_buf(),
                Err(_) => full,
            },
            _ => joined,
        }
    }
}
