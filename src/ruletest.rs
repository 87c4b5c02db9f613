//! `hedui rules test`: a rule set's own tests, run like a test suite.
//!
//! Two kinds of case:
//! - every rule's `examples`: each `pass` text must not trigger the rule, each `fail` text must;
//! - every fixture draft of the folder: the findings must be exactly those its `.expect` sidecar
//!   names (see [`crate::expect`]), and, in snapshot mode, the rendered findings must match the
//!   fixture's `.snap` file.
//!
//! This module does no I/O: the caller reads the fixtures and writes the snapshots it is given
//! back, so the same code serves the CLI and a newsroom's own test suite.

use crate::expect;
use crate::report::human::{render, Style};
use crate::rules::{check_rule, Rule, RuleSet};
use crate::source::Source;

/// A fixture draft as read from disk.
#[derive(Clone, Debug)]
pub struct Fixture {
    /// The name to report: `fixtures/gdp-2023.txt`.
    pub name: String,
    pub text: String,
    /// The `.expect` sidecar, if there is one (none: the draft must raise no error).
    pub expect: Option<String>,
    /// The `.snap` file, if there is one.
    pub snapshot: Option<String>,
}

/// What to do with snapshots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Snapshots {
    /// Do not look at them.
    Ignore,
    /// Compare; a missing or different one fails, and the new rendering is offered as `.snap.new`.
    Compare,
    /// Accept the current rendering as the snapshot.
    Accept,
}

/// One test case and its outcome.
#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    /// Empty when the case passed; otherwise what was expected and what was found.
    pub failure: Vec<String>,
}

impl Case {
    pub fn passed(&self) -> bool {
        self.failure.is_empty()
    }
}

/// A snapshot to write: the fixture's name and the file suffix (`.snap` or `.snap.new`).
#[derive(Clone, Debug)]
pub struct SnapshotWrite {
    pub fixture: String,
    pub suffix: &'static str,
    pub contents: String,
}

/// The results of a run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub cases: Vec<Case>,
    pub writes: Vec<SnapshotWrite>,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.passed()).count()
    }

    pub fn failed(&self) -> usize {
        self.cases.len() - self.passed()
    }
}

fn example_cases(rule: &Rule) -> Vec<Case> {
    let id = &rule.spec.id;
    let mut out = Vec::new();
    let run = |text: &str| check_rule(rule, &crate::extract(&Source::new("example", text)));
    for (i, text) in rule.spec.examples.pass.iter().enumerate() {
        let found = run(text);
        let failure = found
            .iter()
            .map(|f| format!("expected no finding, found: {}", f.message))
            .collect();
        out.push(Case {
            name: format!("{id}: passing example #{}", i + 1),
            failure,
        });
    }
    for (i, text) in rule.spec.examples.fail.iter().enumerate() {
        let failure = if run(text).is_empty() {
            vec![
                "expected a finding, found none".to_string(),
                format!("text: {text}"),
            ]
        } else {
            Vec::new()
        };
        out.push(Case {
            name: format!("{id}: failing example #{}", i + 1),
            failure,
        });
    }
    if rule.spec.examples.fail.is_empty() {
        out.push(Case {
            name: format!("{id}: has a failing example"),
            failure: vec!["a rule needs at least one `fail` example to prove it fires".into()],
        });
    }
    out
}

/// The snapshot of a fixture: its findings as an editor sees them, without colour.
pub fn render_snapshot(source: &Source, set: &RuleSet) -> String {
    let findings = crate::check(source, set);
    if findings.is_empty() {
        return "no findings\n".to_string();
    }
    render(source, &findings, Style::plain())
}

fn fixture_case(
    f: &Fixture,
    set: &RuleSet,
    snapshots: Snapshots,
    writes: &mut Vec<SnapshotWrite>,
) -> Case {
    let source = Source::new(f.name.clone(), f.text.clone());
    let findings = crate::check(&source, set);
    let mut failure = Vec::new();
    let expected = match f.expect.as_deref().map(expect::parse) {
        Some(Ok(e)) => e,
        Some(Err(e)) => {
            failure.push(format!("the .expect sidecar does not parse: {e}"));
            Vec::new()
        }
        None => Vec::new(),
    };
    let m = expect::compare(&source.text, &findings, &expected);
    for e in &m.missing {
        failure.push(format!(
            "expected: {} on {} (.expect line {})",
            e.rule, e.figure, e.line
        ));
    }
    for (rule, figures) in &m.unexpected {
        failure.push(format!(
            "found, not expected: {rule} on {}",
            figures.join(", ")
        ));
    }
    if snapshots != Snapshots::Ignore {
        let now = render_snapshot(&source, set);
        match (snapshots, f.snapshot.as_deref()) {
            (Snapshots::Accept, old) => {
                if old != Some(now.as_str()) {
                    writes.push(SnapshotWrite {
                        fixture: f.name.clone(),
                        suffix: ".snap",
                        contents: now,
                    });
                }
            }
            (_, Some(old)) if old == now => {}
            (_, old) => {
                failure.push(match old {
                    None => "no snapshot yet: review the .snap.new written beside the fixture"
                        .to_string(),
                    Some(_) => "the findings differ from the snapshot:".to_string(),
                });
                if let Some(old) = old {
                    failure.extend(diff(old, &now));
                }
                writes.push(SnapshotWrite {
                    fixture: f.name.clone(),
                    suffix: ".snap.new",
                    contents: now,
                });
            }
        }
    }
    Case {
        name: f.name.clone(),
        failure,
    }
}

/// The changed lines between two renderings, `-` old and `+` new.
fn diff(old: &str, new: &str) -> Vec<String> {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut out = Vec::new();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[common..]
        .iter()
        .rev()
        .zip(b[common..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    for line in &a[common..a.len() - tail] {
        out.push(format!("- {line}"));
    }
    for line in &b[common..b.len() - tail] {
        out.push(format!("+ {line}"));
    }
    out
}

/// Runs the examples of `rules` and the `fixtures`, checking fixtures with `set`.
pub fn run(rules: &[&Rule], set: &RuleSet, fixtures: &[Fixture], snapshots: Snapshots) -> Report {
    let mut report = Report::default();
    for rule in rules {
        report.cases.extend(example_cases(rule));
    }
    for f in fixtures {
        let case = fixture_case(f, set, snapshots, &mut report.writes);
        report.cases.push(case);
    }
    report
}

/// The examples of a folder's partitions (`concepts/`): each `pass` text leaves the partition
/// rules silent, each `fail` text makes one of them fire.
pub fn partition_cases(partitions: &[crate::concepts::Partition], set: &RuleSet) -> Vec<Case> {
    let fires = |text: &str| {
        crate::check(&Source::new("example.txt", text), set)
            .iter()
            .any(|f| f.rule.starts_with("partition-") && f.severity == crate::Severity::Error)
    };
    let mut out = Vec::new();
    for p in partitions {
        for (n, text) in p.examples.pass.iter().enumerate() {
            let failure = if fires(text) {
                vec!["expected no partition error, found one".to_string()]
            } else {
                Vec::new()
            };
            out.push(Case {
                name: format!("partition {}: passing example #{}", p.id, n + 1),
                failure,
            });
        }
        for (n, text) in p.examples.fail.iter().enumerate() {
            let failure = if fires(text) {
                Vec::new()
            } else {
                vec!["expected a partition error, found none".to_string()]
            };
            out.push(Case {
                name: format!("partition {}: failing example #{}", p.id, n + 1),
                failure,
            });
        }
    }
    out
}

/// The report as a test runner prints it, ending with `N passed, M failed`.
pub fn summary(report: &Report) -> String {
    let mut out = String::new();
    for c in &report.cases {
        if c.passed() {
            out.push_str(&format!("ok     {}\n", c.name));
        } else {
            out.push_str(&format!("FAILED {}\n", c.name));
            for line in &c.failure {
                out.push_str(&format!("         {line}\n"));
            }
        }
    }
    out.push_str(&format!(
        "\n{} passed, {} failed\n",
        report.passed(),
        report.failed()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_snapshot_shows_the_changed_lines() {
        let d = diff("a\nb\nc\n", "a\nx\nc\n");
        assert_eq!(d, vec!["- b".to_string(), "+ x".to_string()]);
    }

    #[test]
    fn a_fixture_without_sidecar_must_be_clean() {
        let set = RuleSet::default_set();
        let dirty = Fixture {
            name: "d.txt".into(),
            text: "全省进出口100亿元，其中，出口70亿元，进口50亿元。".into(),
            expect: None,
            snapshot: None,
        };
        let r = run(&[], &set, std::slice::from_ref(&dirty), Snapshots::Ignore);
        assert_eq!(r.failed(), 1);
        let expected = Fixture {
            expect: Some("partition-sum 70亿元\n".into()),
            ..dirty
        };
        let r = run(&[], &set, &[expected], Snapshots::Ignore);
        assert_eq!(r.failed(), 0, "{}", summary(&r));
    }
}
