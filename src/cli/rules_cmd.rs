//! `hedui rules`: list, explain, test and the schema of rule files.

use super::args::RulesCommand;
use super::errors::{fail, ReadError, UnknownRule};
use super::print;
use hedui::report::{self, human::Style};
use hedui::{RuleSet, Source};
use std::path::PathBuf;
use std::process::ExitCode;

/// `hedui rules test`: examples of the folder's rules, and its fixtures.
pub fn test(dirs: &[PathBuf], set: &RuleSet, snapshot: bool, accept: bool) -> ExitCode {
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
    // Each fixture's reported name and its path. The name is `FOLDER/fixtures/NAME.txt`, the
    // rules folder's own name and below, so that a snapshot does not depend on the folder
    // `hedui rules test` runs in.
    let mut paths: Vec<(String, PathBuf)> = Vec::new();
    let mut failed_read = false;
    for d in dirs {
        let folder_name = std::fs::canonicalize(d)
            .ok()
            .and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| d.display().to_string());
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
            let file = path.file_name().unwrap_or_default().to_string_lossy();
            let name = format!("{folder_name}/fixtures/{file}");
            paths.push((name.clone(), path.clone()));
            match Source::from_bytes(name, &bytes) {
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
    let mut report = run(&under_test, set, &fixtures, mode);
    // The partitions of the folders' `concepts/`, installed before the rules ran.
    let mut partitions = Vec::new();
    for d in dirs
        .iter()
        .map(|d| d.join("concepts"))
        .filter(|c| c.is_dir())
    {
        match hedui::concepts::load(&d) {
            Ok(ps) => partitions.extend(ps),
            Err(e) => {
                fail(e.as_ref());
                failed_read = true;
            }
        }
    }
    let cases = hedui::ruletest::partition_cases(&partitions, set);
    report.cases.splice(0..0, cases);
    if accept {
        // The accepted snapshots supersede any rendering left for review.
        for (_, fixture) in &paths {
            let _ = std::fs::remove_file(fixture.with_extension("snap.new"));
        }
    }
    for w in &report.writes {
        let Some((_, fixture)) = paths.iter().find(|(n, _)| *n == w.fixture) else {
            continue;
        };
        let path = fixture.with_extension(&w.suffix[1..]);
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

pub fn run(command: RulesCommand, set: RuleSet) -> ExitCode {
    match command {
        RulesCommand::Test {
            dirs,
            snapshot,
            accept,
        } => test(&dirs, &set, snapshot, accept),
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
        RulesCommand::Explain { id } => {
            let ids = match id.as_deref() {
                Some("-") | None => match ids_from_stdin() {
                    Ok(ids) => ids,
                    Err(e) => {
                        fail(&ReadError {
                            path: "<stdin>".into(),
                            reason: e.to_string(),
                        });
                        return ExitCode::from(2);
                    }
                },
                Some(id) => vec![id.to_string()],
            };
            if ids.is_empty() {
                fail(&ReadError {
                    path: "<stdin>".into(),
                    reason: "no rule id: give one (`hedui rules explain share-sum`) or pipe \
                             `hedui rules list` in"
                        .into(),
                });
                return ExitCode::from(2);
            }
            let mut code = ExitCode::SUCCESS;
            for (i, id) in ids.into_iter().enumerate() {
                if i > 0 {
                    print("\n");
                }
                let partition = hedui::concepts::partitions().iter().find(|p| p.id == id);
                match (set.get(&id), partition) {
                    (Some(rule), _) => print(&report::explain::explain(rule, &set, Style::plain())),
                    (None, Some(p)) => print(&hedui::concepts::explain(p)),
                    (None, None) => {
                        fail(&UnknownRule { id });
                        code = ExitCode::from(2);
                    }
                }
            }
            code
        }
    }
}

/// Rule ids on standard input: the first word of each non-blank line, so that the output of
/// `hedui rules list` can be piped in as it is.
fn ids_from_stdin() -> std::io::Result<Vec<String>> {
    use std::io::Read;
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect())
}
