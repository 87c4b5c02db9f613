//! The `hedui` command line: arguments, files, output format and exit code. Nothing else.
//!
//! Exit codes: 0 no error found, 1 errors found (or warnings under `--deny-warnings`), 2 hedui
//! could not do its job (unreadable input, a broken rule file, a bad flag).

use clap::{Parser, Subcommand, ValueEnum};
use hedui::report::{self, human::Style};
use hedui::{Finding, RuleSet, Severity, Source};
use miette::Diagnostic;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use thiserror::Error;

#[derive(Parser, Debug)]
#[command(
    name = "hedui",
    version,
    about = "核对: checks the figures of Chinese news drafts against each other",
    long_about = "hedui reads editorial drafts, finds every figure in them, and checks the figures \
                  against each other with declarative rules: shares of one whole, parts and \
                  their total, parts within a headline figure."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check drafts and report contradictions between their figures.
    Check {
        /// Draft files, or folders to search for `.txt` and `.md` drafts.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// A folder of rule files (`*.json`) added to the default rules; may repeat.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
        /// Run only the rules of the given folders, not the default set.
        #[arg(long)]
        no_default_rules: bool,
        /// Exit with 1 when there are warnings, not only errors.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Show every figure hedui understood, with its value, unit, kind and label.
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List or explain the rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
        /// A folder of rule files added to the default rules; may repeat.
        #[arg(long = "rules", value_name = "DIR", global = true)]
        rules: Vec<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// One line per rule: id, severity, summary.
    List,
    /// A rule's documentation, its relation and its examples.
    Explain { id: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// A file or folder that could not be read.
#[derive(Debug, Error, Diagnostic)]
#[error("cannot read {path}: {reason}")]
#[diagnostic(code(hedui::input::io))]
struct ReadError {
    path: String,
    reason: String,
}

/// A rule id that no rule has.
#[derive(Debug, Error, Diagnostic)]
#[error("no rule has the id `{id}`")]
#[diagnostic(code(hedui::rules::unknown), help("`hedui rules list` shows the ids"))]
struct UnknownRule {
    id: String,
}

fn stderr_style() -> Style {
    Style {
        color: std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal(),
        width: 100,
    }
}

fn stdout_style() -> Style {
    Style {
        color: std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
        width: 100,
    }
}

fn fail(diag: &dyn Diagnostic) {
    eprint!("{}", report::human::render_diagnostic(diag, stderr_style()));
}

/// Drafts under `path`: the file itself, or the `.txt`/`.md` files of a folder, sorted.
fn drafts(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    let err = |e: std::io::Error| ReadError {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(err)?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(err)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for e in entries {
        let hidden = e
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if e.is_dir() {
            drafts(&e, out)?;
        } else if e.extension().is_some_and(|x| x == "txt" || x == "md") {
            out.push(e);
        }
    }
    Ok(())
}

/// Reads every draft; a file that cannot be read is reported and counted, the others go on.
fn read_all(paths: &[PathBuf]) -> (Vec<Source>, bool) {
    let mut files = Vec::new();
    let mut failed = false;
    for p in paths {
        if let Err(e) = drafts(p, &mut files) {
            fail(&e);
            failed = true;
        }
    }
    let mut sources = Vec::new();
    for f in files {
        let name = f.display().to_string();
        match std::fs::read(&f) {
            Ok(bytes) => match Source::from_bytes(name, &bytes) {
                Ok(s) => sources.push(s),
                Err(e) => {
                    fail(&e);
                    failed = true;
                }
            },
            Err(e) => {
                fail(&ReadError {
                    path: name,
                    reason: e.to_string(),
                });
                failed = true;
            }
        }
    }
    (sources, failed)
}

fn load_rules(dirs: &[PathBuf], defaults: bool) -> Option<RuleSet> {
    let mut set = if defaults {
        RuleSet::default_set()
    } else {
        RuleSet::default()
    };
    for d in dirs {
        if let Err(e) = set.add_dir(d) {
            fail(e.as_ref());
            return None;
        }
    }
    Some(set)
}

fn print(s: &str) {
    // A closed pipe (`hedui check … | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(s.as_bytes());
}

fn check(paths: &[PathBuf], format: Format, rules: RuleSet, deny_warnings: bool) -> ExitCode {
    let (sources, failed) = read_all(paths);
    let results: Vec<(Source, Vec<Finding>)> = sources
        .into_iter()
        .map(|s| {
            let f = hedui::check(&s, &rules);
            (s, f)
        })
        .collect();
    let all: Vec<&Finding> = results.iter().flat_map(|(_, f)| f).collect();
    let errors = all.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = all.len() - errors;
    match format {
        Format::Json => {
            let files = results
                .iter()
                .map(|(s, f)| report::json::file(s, f))
                .collect();
            let doc = report::json::document(files, &all);
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            ));
        }
        Format::Human => {
            let style = stdout_style();
            for (s, f) in &results {
                print(&report::human::render(s, f, style));
            }
            if !results.is_empty() {
                let summary = report::human::summary(results.len(), errors, warnings);
                print(&format!("{summary}\n"));
            }
        }
    }
    let none = results.is_empty() && !failed;
    if none {
        eprintln!("hedui: no draft was checked (no .txt or .md file under the given paths)");
    }
    if failed || none {
        ExitCode::from(2)
    } else if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn extract(paths: &[PathBuf], format: Format) -> ExitCode {
    let (sources, failed) = read_all(paths);
    match format {
        Format::Json => {
            let files: Vec<_> = sources
                .iter()
                .map(|s| report::extract::file_json(s, &hedui::extract(s)))
                .collect();
            let doc = serde_json::json!({ "files": files });
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            ));
        }
        Format::Human => {
            for s in &sources {
                print(&report::extract::human(s, &hedui::extract(s)));
            }
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules_command(command: RulesCommand, set: RuleSet) -> ExitCode {
    match command {
        RulesCommand::List => {
            for r in &set.rules {
                print(&format!(
                    "{:<26} {:<8} {}\n",
                    r.spec.id,
                    r.spec.severity.name(),
                    r.spec.summary
                ));
            }
            ExitCode::SUCCESS
        }
        RulesCommand::Explain { id } => match set.get(&id) {
            Some(rule) => {
                print(&report::explain::explain(rule, &set, Style::plain()));
                ExitCode::SUCCESS
            }
            None => {
                fail(&UnknownRule { id });
                ExitCode::from(2)
            }
        },
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check {
            paths,
            format,
            rules,
            no_default_rules,
            deny_warnings,
        } => match load_rules(&rules, !no_default_rules) {
            Some(set) => check(&paths, format, set, deny_warnings),
            None => ExitCode::from(2),
        },
        Command::Extract { paths, format } => extract(&paths, format),
        Command::Rules { command, rules } => match load_rules(&rules, true) {
            Some(set) => rules_command(command, set),
            None => ExitCode::from(2),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
