//! One snapshot of `extract` and one of `check` per fixture, rendered as the user sees them:
//! no colour, fixed width. Review a changed snapshot like the user's screen.

use hedui::report::{extract, human};
use hedui::{RuleSet, Source};

fn load(path: &std::path::Path) -> Source {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let name = format!("fixtures/{}", path.file_name().unwrap().to_string_lossy());
    Source::from_bytes(name, &bytes).expect("fixture is UTF-8")
}

#[test]
fn extract_snapshots() {
    insta::glob!("../fixtures", "*.txt", |path| {
        let source = load(path);
        let ex = hedui::extract(&source);
        insta::assert_snapshot!(extract::human(&source, &ex));
    });
}

#[test]
fn check_snapshots() {
    let rules = RuleSet::default_set();
    insta::glob!("../fixtures", "*.txt", |path| {
        let source = load(path);
        let findings = hedui::check(&source, &rules);
        let mut out = human::render(&source, &findings, human::Style::plain());
        let errors = findings
            .iter()
            .filter(|f| f.severity == hedui::Severity::Error)
            .count();
        out.push_str(&human::summary(1, errors, findings.len() - errors));
        insta::assert_snapshot!(out);
    });
}

#[test]
fn clean_fixtures_have_no_findings_and_planted_ones_do() {
    let rules = RuleSet::default_set();
    let mut seen = 0;
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let findings = hedui::check(&load(&path), &rules);
        if name.starts_with("clean-") {
            assert!(findings.is_empty(), "{name}: {findings:#?}");
            seen += 1;
        } else if let Some(rule) = name.strip_prefix("planted-") {
            let rule = rule.trim_end_matches(".txt");
            assert!(
                findings
                    .iter()
                    .any(|f| f.rule.starts_with(rule) || rule_family(&f.rule) == rule),
                "{name}: expected a {rule} finding, got {findings:#?}"
            );
            seen += 1;
        }
    }
    assert!(seen >= 6, "fixtures folder looks empty");
}

/// Planted fixtures are named after the family their error breaks.
fn rule_family(rule: &str) -> &str {
    match rule {
        "parts-sum-total" => "trade-sum",
        "parts-within-whole" => "parts-within",
        other => other,
    }
}
