//! `hedui init`: writes a starting `hedui.json` that explains itself.
//!
//! JSON has no comments, so the explanation is a `"$comment"` key (the JSON Schema
//! convention), which `hedui.json` accepts and ignores. Every other key is written with the
//! value hedui uses when the key is absent, so the file changes nothing until edited.

use super::config::FILE_NAME;
use super::errors::{fail, ConfigError};
use std::path::Path;
use std::process::ExitCode;

/// The file `hedui init` writes: every key at its default, each explained in `$comment`.
pub const TEMPLATE: &str = r#"{
  "$comment": [
    "hedui.json: settings for `hedui check` run in this folder or below it.",
    "JSON has no comments: hedui ignores this $comment key. Paths are relative to this file;",
    "command-line flags override what is set here. Every key below is at its default.",
    "drafts: what `hedui check` checks when given no path (files or folders of .txt, .md, .docx).",
    "rules: folders of newsroom rule files (*.json) added to the default rules.",
    "default_rules: false runs only the rules of `rules`.",
    "lexicon: folders of word lists that extend the default lexicon (regions, verbs, periods).",
    "concepts: folders of known partitions (a city's districts, a company's segments).",
    "select: run only these rule ids; ignore: never run these (`hedui rules list` names them).",
    "severity: per rule id, \"error\" or \"warning\", overriding the rule file's.",
    "exclude: gitignore-style globs of files not to check, e.g. \"drafts/archive/**\".",
    "baseline: a file of known findings to leave out (write one with --write-baseline)."
  ],
  "drafts": ["."],
  "rules": [],
  "default_rules": true,
  "lexicon": [],
  "concepts": [],
  "select": [],
  "ignore": [],
  "severity": {},
  "exclude": [],
  "baseline": null
}
"#;

pub fn run(path: &Path, force: bool) -> ExitCode {
    if path.exists() && !force {
        fail(&ConfigError {
            path: path.display().to_string(),
            reason: "already exists; refusing to overwrite it".into(),
            help: Some("pass --force to replace it with the commented default".into()),
        });
        return ExitCode::from(2);
    }
    if let Err(e) = std::fs::write(path, TEMPLATE) {
        fail(&ConfigError {
            path: path.display().to_string(),
            reason: format!("cannot write it: {e}"),
            help: None,
        });
        return ExitCode::from(2);
    }
    let name = path.file_name().and_then(|n| n.to_str());
    eprintln!("hedui: wrote {}", path.display());
    if name != Some(FILE_NAME) {
        eprintln!("hedui: note: `hedui check` finds only files named {FILE_NAME}; use --config for this one");
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The template is a valid configuration, and reads as the defaults.
    #[test]
    fn template_loads_as_the_defaults() {
        let dir = std::env::temp_dir().join(format!("hedui-init-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, TEMPLATE).unwrap();
        let config = super::super::config::Config::load(&path).unwrap();
        assert_eq!(config.drafts, vec![std::path::PathBuf::from(".")]);
        assert!(config.default_rules && config.rules.is_empty() && config.baseline.is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
