//! The command line, as data (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "hedui",
    version,
    about = "核对: checks the figures of Chinese news drafts against each other",
    long_about = "hedui reads editorial drafts (plain text, Markdown or Word), finds every figure in \\
                  them, and checks the figures against each other with declarative rules. \\
                  Exit code 0: no error; 1: errors found; 2: hedui could not do its job."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// When to colour output: `auto` colours a terminal (and honours NO_COLOR), never a file
    /// or a pipe.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check drafts and report contradictions between their figures.
    Check(CheckArgs),
    /// Show every figure hedui understood, with its value, unit, kind and label.
    Extract {
        /// Draft files or folders; `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The name to report for a draft read from standard input.
        #[arg(long, value_name = "NAME")]
        stdin_filename: Option<String>,
        /// A folder of word lists (`lexicon/*.json` format) that extend the default lexicon;
        /// may repeat.
        #[arg(long, value_name = "DIR")]
        lexicon: Vec<PathBuf>,
        /// A folder of partitions (`concepts/*.json` format) added to the defaults; may repeat.
        #[arg(long, value_name = "DIR")]
        concepts: Vec<PathBuf>,
        /// Also show the groups the rules bind to, with each figure's role.
        #[arg(long)]
        groups: bool,
    },
    /// Write a commented `hedui.json` in the current folder (or at the path given).
    Init {
        /// Where to write it.
        #[arg(default_value = "hedui.json")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Serve a local page where editors paste or drop a draft and see its figures checked, and
    /// `POST /api/check` for programs.
    Serve {
        /// The port on 127.0.0.1; 0 picks a free one.
        #[arg(long, default_value_t = 8642)]
        port: u16,
    },
    /// A language server over standard input and output, for editors (VS Code, Neovim, Helix).
    Lsp,
    /// Print a shell's completion script: `hedui completions bash > /etc/bash_completion.d/hedui`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print hedui's man page (roff): `hedui man > hedui.1; man ./hedui.1`.
    Man,
    /// List, explain or test rules; print the schema of rule files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
        /// A rule file, or a folder of rule files, added to the default rules; may repeat.
        #[arg(long = "rules", value_name = "PATH", global = true)]
        rules: Vec<PathBuf>,
    },
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Draft files, or folders searched for `.txt`, `.md` and `.docx` drafts (honouring
    /// `.gitignore`);
    /// `-` reads standard input. Without a path: the `drafts` of `hedui.json`.
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The name to report for a draft read from standard input.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    #[command(flatten)]
    pub selection: Selection,

    /// Exit with 1 when there are warnings, not only errors.
    #[arg(long, help_heading = "Outcome")]
    pub deny_warnings: bool,
    /// Exit with 0 even when errors are found (2 still means hedui could not do its job).
    #[arg(long, help_heading = "Outcome", conflicts_with = "deny_warnings")]
    pub exit_zero: bool,
    /// Leave out the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE", help_heading = "Outcome")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE", help_heading = "Outcome")]
    pub write_baseline: Option<PathBuf>,

    /// Write the report to this file instead of standard output (never coloured unless
    /// `--color always`).
    #[arg(long, short = 'o', value_name = "FILE", help_heading = "Output")]
    pub output_file: Option<PathBuf>,
    /// Print the number of findings per rule at the end.
    #[arg(long, help_heading = "Output")]
    pub statistics: bool,
    /// No progress bar and no closing summary line.
    #[arg(long, short, help_heading = "Output")]
    pub quiet: bool,
    /// Use this configuration file instead of looking for `hedui.json`.
    #[arg(long, value_name = "FILE", help_heading = "Configuration")]
    pub config: Option<PathBuf>,
    /// Ignore any `hedui.json`.
    #[arg(long, help_heading = "Configuration")]
    pub no_config: bool,
}

/// Which rules run.
#[derive(Args, Debug)]
pub struct Selection {
    /// A rule file, or a folder of rule files (`*.json`), added to the default rules; may
    /// repeat. A rule with the id of a default rule must say `"replaces": true`.
    #[arg(long = "rules", value_name = "PATH", help_heading = "Rules")]
    pub rules: Vec<PathBuf>,
    /// Run only the rules of the given folders, not the default set.
    #[arg(long, help_heading = "Rules")]
    pub no_default_rules: bool,
    /// A folder of word lists (`lexicon/*.json` format) that add words to the default
    /// lexicon: a region, a verb, a period word; may repeat.
    #[arg(long, value_name = "DIR", help_heading = "Rules")]
    pub lexicon: Vec<PathBuf>,
    /// A folder of known partitions (`concepts/*.json` format) added to the defaults: a city's
    /// districts, a company's segments; may repeat.
    #[arg(long, value_name = "DIR", help_heading = "Rules")]
    pub concepts: Vec<PathBuf>,
    /// Run only these rules (ids, comma-separated); may repeat.
    #[arg(long, value_delimiter = ',', value_name = "ID", help_heading = "Rules")]
    pub select: Vec<String>,
    /// Do not run these rules (ids, comma-separated); may repeat.
    #[arg(long, value_delimiter = ',', value_name = "ID", help_heading = "Rules")]
    pub ignore: Vec<String>,
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// One line per rule: id, severity, summary.
    List,
    /// A rule's documentation, its relation and its examples. With `-` or no id, the ids are
    /// read from standard input, the first word of each line (`hedui rules list | hedui rules
    /// explain -`).
    Explain { id: Option<String> },
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
pub enum Format {
    /// Diagnostics like rustc's, over the draft's own lines.
    Human,
    /// The stable machine contract (one JSON document).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the diff).
    Github,
    /// One line per finding: `path:line:col: rule message`.
    Concise,
}
