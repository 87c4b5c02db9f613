//! `hedui serve` and `hedui lsp`: the default rules, then the library's server.

use super::check::load_rules;
use std::process::ExitCode;

pub fn run(port: u16) -> ExitCode {
    let Some(rules) = load_rules(&[], true) else {
        return ExitCode::from(2);
    };
    match hedui::serve::run(port, &rules) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hedui: cannot serve on 127.0.0.1:{port}: {e}");
            ExitCode::from(2)
        }
    }
}

pub fn lsp() -> ExitCode {
    let Some(rules) = load_rules(&[], true) else {
        return ExitCode::from(2);
    };
    match hedui::lsp::run(&rules) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hedui lsp: {e}");
            ExitCode::from(2)
        }
    }
}
