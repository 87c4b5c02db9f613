//! The `hedui` command line: arguments, files, output format and exit code. Nothing else.
//!
//! Exit codes: 0 no error found, 1 errors found (or warnings under `--deny-warnings`), 2 hedui
//! could not do its job (unreadable input, a broken rule or config file, a bad flag).

mod cli;

use clap::Parser;
use cli::args::{Cli, ColorChoice, Command, Format, RulesCommand};
use cli::{check, inputs, print, rules_cmd};
use hedui::report;
use std::io::Write;
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
    // JSON is streamed, one figure at a time, as each draft is read: the document of a large
    // draft is never held in memory.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut files = 0;
    if format == Format::Json {
        let _ = out.write_all(b"{\n  \"files\": [");
    }
    for s in &inputs.sources {
        if format == Format::Json {
            let _ = out.write_all(if files == 0 { b"\n" } else { b",\n" });
            files += 1;
            // One article at a time, its figures written before the next is read; an article
            // hedui fails on is left out and the draft reported, the rest still written.
            let mut broke = false;
            let mut articles = std::panic::catch_unwind(|| {
                let all = hedui::extract::articles(s);
                if groups {
                    all
                } else {
                    all.without_groups()
                }
            })
            .ok();
            broke |= articles.is_none();
            let each = std::iter::from_fn(|| {
                let next = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    articles.as_mut().and_then(Iterator::next)
                }));
                match next {
                    Ok(article) => article.map(Some),
                    Err(_) => {
                        broke = true;
                        Some(None)
                    }
                }
            });
            let _ = report::extract::write_file_json(&mut out, s, each, groups);
            if broke {
                cli::errors::fail(&cli::errors::InternalError {
                    path: s.name.clone(),
                });
                failed = true;
            }
            continue;
        }
        let listing = std::panic::catch_unwind(|| {
            let ex = hedui::extract(s);
            let mut text = report::extract::human(s, &ex);
            if groups {
                text.push_str(&report::extract::groups_human(s, &ex));
            }
            text
        });
        match listing {
            Ok(text) => listed.push(text),
            Err(_) => {
                cli::errors::fail(&cli::errors::InternalError {
                    path: s.name.clone(),
                });
                failed = true;
            }
        }
    }
    if format == Format::Json {
        let _ = out.write_all(if files == 0 { b"]\n}\n" } else { b"\n  ]\n}\n" });
        let _ = out.flush();
    } else {
        for text in listed {
            print(&text);
        }
    }
    // As `hedui check` does: no draft read at all is hedui not doing its job.
    let none = inputs.sources.is_empty() && !failed;
    if none {
        eprintln!("hedui: no draft was read (no .txt, .md or .docx file under the given paths)");
    }
    if failed || none {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
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
    cli::errors::set_color(match cli.color {
        ColorChoice::Auto => None,
        ColorChoice::Always => Some(true),
        ColorChoice::Never => Some(false),
    });
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Init { path, force } => cli::init::run(&path, force),
        Command::Completions { shell } => cli::docs_cmd::completions(shell),
        Command::Man => cli::docs_cmd::man(),
        Command::Serve { port } => cli::serve_cmd::run(port),
        Command::Lsp => cli::serve_cmd::lsp(),
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
