//! The command line's parts: arguments, inputs, configuration, the check and rules commands.

pub mod args;
pub mod check;
pub mod config;
pub mod docs_cmd;
pub mod errors;
pub mod init;
pub mod inputs;
pub mod rules_cmd;
pub mod serve_cmd;

use std::io::Write;

/// Prints to stdout; a closed pipe (`hedui check … | head`) is not worth a panic.
pub fn print(s: &str) {
    let _ = std::io::stdout().write_all(s.as_bytes());
}
