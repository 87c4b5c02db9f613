//! `hedui completions SHELL` and `hedui man`: generated from the clap definition itself, so
//! they list exactly the flags this build takes.

use super::args::Cli;
use clap::CommandFactory;
use std::process::ExitCode;

pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "hedui", &mut std::io::stdout());
    ExitCode::SUCCESS
}

pub fn man() -> ExitCode {
    let man = clap_mangen::Man::new(Cli::command());
    match man.render(&mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
