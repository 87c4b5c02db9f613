//! The `hedui` command line: arguments, files, output format and exit code. Nothing else.
//!
//! Exit codes: 0 no error found, 1 errors found (or warnings under `--deny-warnings`), 2 hedui
//! could not do its job (unreadable input, a broken rule or config file, a bad flag).

mod cli;

use clap::Parser;
use cli::args::{Cli, Command, Format, RulesCommand};
use cli::{check, inputs, print, rules_cmd};
use hedui::report;
use std::path::PathBuf;
use std::process::ExitCode;

fn extract(
    paths: &[PathBuf],
    format: Format,
    stdin_filename: Option<&str>,
    groups: bool,
) -> ExitCode {
    let inputs = inputs::read(paths, &[], std::path::Path::new("."), stdin_filename);
    let mut failed = inputs.failed;
    // One draft hedui fails on (a bug of ours) is reported; the others still are.
    let mut listed = Vec::new();
    for s in &inputs.sources {
        let listing = std::panic::catch_unwind(|| {
            let ex = hedui::extract(s);
            match format {
                Format::Json => Listing::Json(report::extract::file_json(s, &ex, groups)),
                _ => {
                    let mut text = report::extract::human(s, &ex);
                    if groups {
                        text.push_str(&report::extract::groups_human(s, &ex));
                    }
                    Listing::Human(text)
                }
            }
        });
        match listing {
            Ok(l) => listed.push(l),
            Err(_) => {
                cli::errors::fail(&cli::errors::InternalError {
                    path: s.name.clone(),
                });
                failed = true;
            }
        }
    }
    if format == Format::Json {
        let files: Vec<_> = listed
            .into_iter()
            .filter_map(|l| match l {
                Listing::Json(v) => Some(v),
                Listing::Human(_) => None,
            })
            .collect();
        let doc = serde_json::json!({ "files": files });
        print(&format!(
            "{}\n",
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        ));
    } else {
        for l in listed {
            if let Listing::Human(text) = l {
                print(&text);
            }
        }
    }
    // As `hedui check` does: no draft read at all is hedui not doing its job.
    let none = inputs.sources.is_empty() && !failed;
    if none {
        eprintln!("hedui: no draft was read (no .txt or .md file under the given paths)");
    }
    if failed || none {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// One draft's extraction, rendered.
enum Listing {
    Json(serde_json::Value),
    Human(String),
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
        Command::Check(args) => check::run(args),
        Command::Extract {
            paths,
            format,
            stdin_filename,
            lexicon,
            concepts,
            groups,
        } => {
            if !check::install_lexicon(&lexicon) || !check::install_concepts(&concepts) {
                return ExitCode::from(2);
            }
            extract(&paths, format, stdin_filename.as_deref(), groups)
        }
        Command::Rules { command, mut rules } => {
            // `rules test DIR` tests the rules of DIR: load them beside the defaults.
            if let RulesCommand::Test { dirs, .. } = &command {
                rules.extend(dirs.iter().cloned());
            }
            // A rule folder's `concepts/` holds its partitions: tested and explained with it.
            let concepts: Vec<PathBuf> = rules
                .iter()
                .map(|d| d.join("concepts"))
                .filter(|c| c.is_dir())
                .collect();
            if !check::install_concepts(&concepts) {
                return ExitCode::from(2);
            }
            match check::load_rules(&rules, true) {
                Some(set) => rules_cmd::run(command, set),
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
