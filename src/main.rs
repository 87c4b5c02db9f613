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
        /// Run only these rules (ids, comma-separated); may repeat.
        #[arg(long, value_delimiter = ',', value_name = "ID")]
        select: Vec<String>,
        /// Do not run these rules (ids, comma-separated); may repeat.
        #[arg(long, value_delimiter = ',', value_name = "ID")]
        ignore: Vec<String>,
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
    /// Run rule folders' examples and fixtures (`DIR/fixtures/*.txt` with `.expect` sidecars);
    /// without a folder, the default rules' examples.
    Test {
        dirs: Vec<PathBuf>,
        /// Also compare each fixture's findings with its `.snap` file (new ones are written as
        /// `.snap.new` for review).
        #[arg(long)]
        snapshot: bool,
        /// Write the current findings as the fixtures' `.snap` files.
        #[arg(long)]
        accept: bool,
    },
    /// Print the JSON Schema of rule files (checked in as `rules/schema.json`).
    Schema,
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

/// `hedui rules test`: examples of the folder's rules, and its fixtures.
fn rules_test(dirs: &[PathBuf], set: &RuleSet, snapshot: bool, accept: bool) -> ExitCode {
    use hedui::ruletest::{run, summary, Fixture, Snapshots};
    let mode = if accept {
        Snapshots::Accept
    } else if snapshot {
        Snapshots::Compare
    } else {
        Snapshots::Ignore
    };
    let dir_names: Vec<String> = dirs
        .iter()
        .map(|d| {
            std::fs::canonicalize(d)
                .unwrap_or(d.clone())
                .display()
                .to_string()
        })
        .collect();
    // Without a folder: the default rules. With folders: the rules defined in them.
    let under_test: Vec<&hedui::rules::Rule> = set
        .rules
        .iter()
        .filter(|r| {
            dirs.is_empty()
                || dir_names.iter().any(|d| {
                    std::fs::canonicalize(&r.origin)
                        .is_ok_and(|o| o.display().to_string().starts_with(d.as_str()))
                })
        })
        .collect();
    let mut fixtures = Vec::new();
    let mut failed_read = false;
    for d in dirs {
        let folder = d.join("fixtures");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        files.sort();
        for path in files {
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    fail(&ReadError {
                        path: path.display().to_string(),
                        reason: e.to_string(),
                    });
                    failed_read = true;
                    continue;
                }
            };
            match Source::from_bytes(path.display().to_string(), &bytes) {
                Ok(source) => fixtures.push(Fixture {
                    name: source.name.clone(),
                    text: source.text,
                    expect: std::fs::read_to_string(path.with_extension("expect")).ok(),
                    snapshot: std::fs::read_to_string(path.with_extension("snap")).ok(),
                }),
                Err(e) => {
                    fail(&e);
                    failed_read = true;
                }
            }
        }
    }
    let report = run(&under_test, set, &fixtures, mode);
    for w in &report.writes {
        let path = PathBuf::from(&w.fixture).with_extension(&w.suffix[1..]);
        if let Err(e) = std::fs::write(&path, &w.contents) {
            fail(&ReadError {
                path: path.display().to_string(),
                reason: format!("cannot write the snapshot: {e}"),
            });
            failed_read = true;
        }
    }
    print(&summary(&report));
    if failed_read {
        ExitCode::from(2)
    } else if report.failed() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules_command(command: RulesCommand, set: RuleSet) -> ExitCode {
    match command {
        RulesCommand::Test {
            dirs,
            snapshot,
            accept,
        } => rules_test(&dirs, &set, snapshot, accept),
        RulesCommand::Schema => {
            print(&hedui::rules::schema());
            ExitCode::SUCCESS
        }
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
            select,
            ignore,
        } => match load_rules(&rules, !no_default_rules) {
            Some(mut set) => {
                for id in select.iter().chain(&ignore) {
                    if set.get(id).is_none() {
                        fail(&UnknownRule { id: id.clone() });
                        return ExitCode::from(2);
                    }
                }
                set.rules.retain(|r| {
                    (select.is_empty() || select.contains(&r.spec.id))
                        && !ignore.contains(&r.spec.id)
                });
                check(&paths, format, set, deny_warnings)
            }
            None => ExitCode::from(2),
        },
        Command::Extract { paths, format } => extract(&paths, format),
        Command::Rules { command, mut rules } => {
            // `rules test DIR` tests the rules of DIR: load them beside the defaults.
            if let RulesCommand::Test { dirs, .. } = &command {
                rules.extend(dirs.iter().cloned());
            }
            match load_rules(&rules, true) {
                Some(set) => rules_command(command, set),
                None => ExitCode::from(2),
            }
        }
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
