//! The command line's own errors, rendered like every other diagnostic.

use hedui::report::human::{render_diagnostic, Style};
use miette::Diagnostic;
use std::io::IsTerminal;
use thiserror::Error;

/// A file or folder that could not be read.
#[derive(Debug, Error, Diagnostic)]
#[error("cannot read {path}: {reason}")]
#[diagnostic(code(hedui::input::io))]
pub struct ReadError {
    pub path: String,
    pub reason: String,
}

/// A draft on which hedui itself failed: a bug of ours, reported, and the other drafts go on.
#[derive(Debug, Error, Diagnostic)]
#[error("hedui failed on {path}: an internal error, not a mistake in the draft")]
#[diagnostic(
    code(hedui::internal),
    help("the other drafts were still checked; please report this with the draft attached")
)]
pub struct InternalError {
    pub path: String,
}

/// A rule id that no rule has.
#[derive(Debug, Error, Diagnostic)]
#[error("no rule has the id `{id}`")]
#[diagnostic(code(hedui::rules::unknown), help("`hedui rules list` shows the ids"))]
pub struct UnknownRule {
    pub id: String,
}

/// A configuration or baseline file hedui cannot use.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}: {reason}")]
#[diagnostic(code(hedui::config))]
pub struct ConfigError {
    pub path: String,
    pub reason: String,
    #[help]
    pub help: Option<String>,
}

/// A `hedui.json` that does not parse: the file, the line, a caret, like a rule file's error.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}: {reason}")]
#[diagnostic(code(hedui::config))]
pub struct ConfigFileError {
    pub path: String,
    pub reason: String,
    #[help]
    pub help: Option<String>,
    #[source_code]
    pub src: hedui::snippet::Snippet,
    #[label("{label}")]
    pub span: miette::SourceSpan,
    pub label: String,
}

/// What reading a `hedui.json` can go wrong with: reading it, or what it says.
#[derive(Debug, Error, Diagnostic)]
pub enum ConfigLoadError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Io(#[from] ConfigError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Parse(#[from] Box<ConfigFileError>),
}

/// `--color`: None is `auto`, Some(true) `always`, Some(false) `never`. Set once by `main`.
static COLOR: std::sync::OnceLock<Option<bool>> = std::sync::OnceLock::new();

pub fn set_color(choice: Option<bool>) {
    let _ = COLOR.set(choice);
}

/// Whether to colour a stream: `--color always`/`never`, else a terminal without NO_COLOR.
fn colour(terminal: bool) -> bool {
    match COLOR.get().copied().flatten() {
        Some(forced) => forced,
        None => std::env::var_os("NO_COLOR").is_none() && terminal,
    }
}

pub fn stderr_style() -> Style {
    Style {
        color: colour(std::io::stderr().is_terminal()),
        width: 100,
    }
}

pub fn stdout_style() -> Style {
    Style {
        color: colour(std::io::stdout().is_terminal()),
        width: 100,
    }
}

/// The style of a report written to a file: coloured only under `--color always`.
pub fn file_style() -> Style {
    Style {
        color: colour(false),
        width: 100,
    }
}

/// Prints a diagnostic on stderr.
pub fn fail(diag: &dyn Diagnostic) {
    eprint!("{}", render_diagnostic(diag, stderr_style()));
}
