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

pub fn stderr_style() -> Style {
    Style {
        color: std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal(),
        width: 100,
    }
}

pub fn stdout_style() -> Style {
    Style {
        color: std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
        width: 100,
    }
}

/// Prints a diagnostic on stderr.
pub fn fail(diag: &dyn Diagnostic) {
    eprint!("{}", render_diagnostic(diag, stderr_style()));
}
