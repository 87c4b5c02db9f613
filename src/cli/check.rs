//! `hedui check`: configuration, rules, drafts, checking in parallel, suppressions, baseline,
//! output, exit code.

use super::args::{CheckArgs, Format};
use super::config::Config;
use super::errors::{
    fail, file_style, stdout_style, ConfigError, ConfigLoadError, InternalError, UnknownRule,
};
use super::inputs;
use hedui::report;
use hedui::suppress::{apply_markers, Baseline};
use hedui::{Coverage, Finding, RuleSet, Severity, Source};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Puts in force the default lexicon extended with `dirs`; false (with the mistake reported)
/// when a word list is broken.
pub fn install_lexicon(dirs: &[PathBuf]) -> bool {
    if dirs.is_empty() {
        return true;
    }
    match hedui::lexicon::Lexicon::with_extensions(dirs) {
        Ok(lexicon) => {
            hedui::lexicon::install(lexicon);
            true
        }
        Err(e) => {
            fail(e.as_ref());
            false
        }
    }
}

/// Loads the default rules (unless told not to) and the given rule folders or files; a rule
/// that replaces another is said on stderr.
/// Puts in force the default partitions with those of `dirs`; false (with the mistake
/// reported) when a partition file is broken.
pub fn install_concepts(dirs: &[PathBuf]) -> bool {
    if dirs.is_empty() {
        return true;
    }
    let mut extra = Vec::new();
    for d in dirs {
        match hedui::concepts::load(d) {
            Ok(ps) => extra.extend(ps),
            Err(e) => {
                fail(e.as_ref());
                return false;
            }
        }
    }
    hedui::concepts::install(extra);
    true
}

pub fn load_rules(dirs: &[PathBuf], defaults: bool) -> Option<RuleSet> {
    let mut set = if defaults {
        RuleSet::default_set()
    } else {
        RuleSet::default()
    };
    for d in dirs {
        match set.add_dir(d) {
            Ok(replaced) => {
                for r in replaced {
                    eprintln!(
                        "hedui: rule `{}` of {} replaces the one of {}",
                        r.id, r.by, r.was
                    );
                }
            }
            Err(e) => {
                fail(e.as_ref());
                return None;
            }
        }
    }
    Some(set)
}

fn config_for(args: &CheckArgs) -> Result<Option<Config>, ConfigLoadError> {
    if args.no_config {
        return Ok(None);
    }
    if let Some(path) = &args.config {
        return Config::load(path).map(Some);
    }
    let start = args
        .paths
        .iter()
        .find(|p| p.as_os_str() != "-")
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    Config::find(&start)
}

/// One draft's findings and how much of it the rules could check.
type Checked = (Vec<Finding>, Coverage);

/// Checks every draft on all cores; results keep the order of the drafts. A draft on which
/// hedui itself fails (a panic, a bug of ours) is `None`; the others are still checked.
fn check_all(sources: &[Source], rules: &RuleSet, progress: bool) -> Vec<Option<Checked>> {
    let bar = if progress {
        let bar = indicatif::ProgressBar::new(sources.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} drafts {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let results: Mutex<Vec<Option<Checked>>> = Mutex::new(vec![None; sources.len()]);
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(sources.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(source) = sources.get(i) else { break };
                let found = std::panic::catch_unwind(|| {
                    let (found, coverage) = hedui::check_with_coverage(source, rules);
                    (apply_markers(&source.text, found), coverage)
                });
                if let (Ok(found), Ok(mut r)) = (found, results.lock()) {
                    r[i] = Some(found);
                }
                bar.inc(1);
            });
        }
    });
    bar.finish_and_clear();
    results.into_inner().unwrap_or_default()
}

fn statistics(results: &[(Source, Vec<Finding>)], coverage: Coverage) -> String {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (_, findings) in results {
        for f in findings {
            *counts.entry((&f.rule, f.severity.name())).or_default() += 1;
        }
    }
    let mut out = String::new();
    for ((rule, severity), n) in counts {
        out.push_str(&format!("{n:>6}  {rule:<26} {severity}\n"));
    }
    out.push_str(&coverage_line(coverage));
    out
}

/// `checked 120 of 174 figures (69%); 54 not assessable`: what the rules could and could not
/// check.
fn coverage_line(c: Coverage) -> String {
    let percent = (c.checked * 100).checked_div(c.figures).unwrap_or(0);
    format!(
        "checked {} of {} figures ({percent}%); {} not assessable\n",
        c.checked,
        c.figures,
        c.figures - c.checked
    )
}

/// `--write-baseline FILE`: records the findings of the drafts checked, keeping the entries
/// of drafts not checked this time. Refuses to overwrite a draft being checked or a file that
/// is not a hedui baseline.
fn write_baseline(
    path: &Path,
    results: &[(String, String, Vec<Finding>)],
    sources: &[Source],
    failed: bool,
) -> ExitCode {
    let refuse = |reason: String| {
        fail(&ConfigError {
            path: path.display().to_string(),
            reason,
            help: Some("name a new file, or an existing baseline, e.g. hedui-baseline.json".into()),
        });
        ExitCode::from(2)
    };
    let target = std::fs::canonicalize(path).ok();
    if target.is_some()
        && sources
            .iter()
            .any(|s| std::fs::canonicalize(&s.name).ok() == target)
    {
        return refuse("is one of the drafts being checked; refusing to overwrite it".into());
    }
    let old = match std::fs::read_to_string(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Baseline::default(),
        Err(e) => return refuse(format!("cannot read it to update it: {e}")),
        Ok(text) if text.trim().is_empty() => Baseline::default(),
        Ok(text) => match Baseline::parse(&text) {
            Ok(b) => b,
            Err(reason) => {
                return refuse(format!(
                    "is not a hedui baseline ({reason}); refusing to overwrite it"
                ))
            }
        },
    };
    let view: Vec<(String, &str, &[Finding])> = results
        .iter()
        .map(|(p, t, f)| (p.clone(), t.as_str(), f.as_slice()))
        .collect();
    let checked: Vec<&str> = results.iter().map(|(p, _, _)| p.as_str()).collect();
    let baseline = Baseline::of(&view).keeping(&old, &checked);
    let kept = baseline.findings.len() - view.iter().map(|(_, _, f)| f.len()).sum::<usize>();
    let text = serde_json::to_string_pretty(&baseline).unwrap_or_default() + "\n";
    if let Err(e) = std::fs::write(path, text) {
        return refuse(format!("cannot write the baseline: {e}"));
    }
    eprintln!(
        "hedui: recorded {} finding(s) in {}{}",
        baseline.findings.len() - kept,
        path.display(),
        if kept > 0 {
            format!(", and kept {kept} entr(ies) of drafts not checked this time")
        } else {
            String::new()
        }
    );
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn run(args: CheckArgs) -> ExitCode {
    let config = match config_for(&args) {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            fail(&e);
            return ExitCode::from(2);
        }
    };
    let mut dirs: Vec<PathBuf> = config.rules.iter().map(|d| config.resolve(d)).collect();
    dirs.extend(args.selection.rules.iter().cloned());
    let defaults = !args.selection.no_default_rules && config.default_rules;
    let Some(mut rules) = load_rules(&dirs, defaults) else {
        return ExitCode::from(2);
    };
    let mut lexicon: Vec<PathBuf> = config.lexicon.iter().map(|d| config.resolve(d)).collect();
    lexicon.extend(args.selection.lexicon.iter().cloned());
    if !install_lexicon(&lexicon) {
        return ExitCode::from(2);
    }
    let mut concepts: Vec<PathBuf> = config.concepts.iter().map(|d| config.resolve(d)).collect();
    concepts.extend(args.selection.concepts.iter().cloned());
    // A rule folder's `concepts/` holds its partitions, as `hedui rules test` reads them.
    concepts.extend(
        dirs.iter()
            .map(|d| d.join("concepts"))
            .filter(|c| c.is_dir()),
    );
    if !install_concepts(&concepts) {
        return ExitCode::from(2);
    }
    // Flags replace the file's choice of rules.
    let select = if args.selection.select.is_empty() {
        &config.select
    } else {
        &args.selection.select
    };
    let ignore = if args.selection.ignore.is_empty() {
        &config.ignore
    } else {
        &args.selection.ignore
    };
    for id in select.iter().chain(ignore).chain(config.severity.keys()) {
        if rules.get(id).is_none() {
            fail(&UnknownRule { id: id.clone() });
            return ExitCode::from(2);
        }
    }
    rules.rules.retain(|r| {
        (select.is_empty() || select.contains(&r.spec.id)) && !ignore.contains(&r.spec.id)
    });
    for r in &mut rules.rules {
        if let Some(s) = config.severity.get(&r.spec.id) {
            r.spec.severity = *s;
        }
    }

    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        config.drafts.iter().map(|d| config.resolve(d)).collect()
    } else {
        args.paths.clone()
    };
    if paths.is_empty() {
        fail(&ConfigError {
            path: "hedui check".into(),
            reason: "no draft to check: give a file or folder, or list `drafts` in hedui.json"
                .into(),
            help: Some(
                "`hedui check drafts/` checks every .txt and .md draft under drafts/".into(),
            ),
        });
        return ExitCode::from(2);
    }
    let exclude: Vec<String> = config.exclude.clone();
    let inputs = inputs::read(
        &paths,
        &exclude,
        &config.dir,
        args.stdin_filename.as_deref(),
    );
    let progress = !args.quiet && inputs.sources.len() > 1 && std::io::stderr().is_terminal();
    let findings = check_all(&inputs.sources, &rules, progress);
    let mut failed = inputs.failed;
    let mut coverage = Coverage::default();
    let mut sources = Vec::with_capacity(inputs.sources.len());
    let mut results: Vec<(String, String, Vec<Finding>)> = Vec::new();
    for (s, f) in inputs.sources.into_iter().zip(findings) {
        match f {
            Some((f, c)) => {
                coverage += c;
                results.push((s.name.clone(), s.text.clone(), f));
                sources.push(s);
            }
            None => {
                fail(&InternalError { path: s.name });
                failed = true;
            }
        }
    }

    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &results, &sources, failed);
    }
    let baseline_path = args
        .baseline
        .clone()
        .or_else(|| config.baseline.as_ref().map(|b| config.resolve(b)));
    if let Some(path) = baseline_path {
        let loaded = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| Baseline::parse(&t));
        match loaded {
            Ok(baseline) => {
                let stale = baseline.filter(&mut results);
                if !stale.is_empty() && !args.quiet {
                    eprintln!(
                        "hedui: {} entr{} of {} no longer match any finding; rewrite it with \
                         --write-baseline:",
                        stale.len(),
                        if stale.len() == 1 { "y" } else { "ies" },
                        path.display()
                    );
                    for e in &stale {
                        eprintln!("  {} {} {}: {}", e.path, e.rule, e.fingerprint, e.message);
                    }
                }
            }
            Err(reason) => {
                fail(&ConfigError {
                    path: path.display().to_string(),
                    reason: format!("cannot read the baseline: {reason}"),
                    help: Some("write one with `hedui check --write-baseline FILE`".into()),
                });
                return ExitCode::from(2);
            }
        }
    }

    let checked: Vec<(Source, Vec<Finding>)> = sources
        .into_iter()
        .zip(results)
        .map(|(s, (_, _, f))| (s, f))
        .collect();
    let all: Vec<&Finding> = checked.iter().flat_map(|(_, f)| f).collect();
    let errors = all.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = all.len() - errors;
    // The report goes where it is asked for, written as it is rendered: the human report on a
    // long archive is never held in memory whole.
    let cannot_write = |path: &Path, e: std::io::Error| {
        fail(&ConfigError {
            path: path.display().to_string(),
            reason: format!("cannot write the report: {e}"),
            help: Some("--output-file names a file in a folder that exists".into()),
        });
        ExitCode::from(2)
    };
    let mut out: Box<dyn Write> = match &args.output_file {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(std::io::BufWriter::new(file)),
            Err(e) => return cannot_write(path, e),
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut rendered = String::new();
    let mut written = Ok(());
    match args.format {
        Format::Json => {
            let files = checked
                .iter()
                .map(|(s, f)| report::json::file(s, f))
                .collect();
            let doc = report::json::document(files, &all, coverage);
            rendered.push_str(&format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            ));
        }
        Format::Sarif => {
            let doc = report::sarif::document(&checked, &rules);
            rendered.push_str(&format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            ));
        }
        Format::Github => {
            for (s, f) in &checked {
                rendered.push_str(&report::github::render(s, f));
            }
        }
        Format::Concise => {
            for (s, f) in &checked {
                rendered.push_str(&report::concise::render(s, f));
            }
        }
        Format::Human => {
            let style = if args.output_file.is_some() {
                file_style()
            } else {
                stdout_style()
            };
            for (s, f) in &checked {
                written = written.and_then(|()| report::human::write(&mut out, s, f, style));
            }
            if !checked.is_empty() && !args.quiet {
                rendered.push_str(&format!(
                    "{}\n",
                    report::human::summary(checked.len(), errors, warnings)
                ));
            }
        }
    }
    let written = written
        .and_then(|()| out.write_all(rendered.as_bytes()))
        .and_then(|()| out.flush());
    drop(out);
    // A closed standard output (`| head`) is no failure of the check.
    if let (Some(path), Err(e)) = (&args.output_file, written) {
        return cannot_write(path, e);
    }
    if args.statistics {
        eprint!("{}", statistics(&checked, coverage));
    }
    if inputs.skipped > 0 && !args.quiet {
        eprintln!("hedui: skipped {} binary file(s)", inputs.skipped);
    }
    let none = checked.is_empty() && !failed;
    if none {
        eprintln!("hedui: no draft was checked (no .txt, .md or .docx file under the given paths)");
    }
    if failed || none {
        ExitCode::from(2)
    } else if args.exit_zero {
        ExitCode::SUCCESS
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
