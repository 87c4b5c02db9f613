//! Every partition of `concepts/` shows itself at work: each `pass` example leaves the
//! partition rules silent, each `fail` example makes one of them fire.

use hedui::{RuleSet, Severity, Source};

fn partition_errors(text: &str, rules: &RuleSet) -> usize {
    hedui::check(&Source::new("example.txt", text), rules)
        .iter()
        .filter(|f| f.severity == Severity::Error && f.rule.starts_with("partition-"))
        .count()
}

#[test]
fn every_partition_example_holds() {
    let rules = RuleSet::default_set();
    let mut failures = Vec::new();
    for p in hedui::concepts::partitions() {
        assert!(
            !p.examples.pass.is_empty() && !p.examples.fail.is_empty(),
            "{}: a passing and a failing example",
            p.id
        );
        for (n, text) in p.examples.pass.iter().enumerate() {
            if partition_errors(text, &rules) != 0 {
                failures.push(format!("{}: passing example #{} fires", p.id, n + 1));
            }
        }
        for (n, text) in p.examples.fail.iter().enumerate() {
            if partition_errors(text, &rules) == 0 {
                failures.push(format!("{}: failing example #{} is silent", p.id, n + 1));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `concepts/schema.json` is generated from the Rust types and kept in sync.
#[test]
fn the_concepts_schema_is_the_checked_in_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/concepts/schema.json");
    let generated = hedui::concepts::schema();
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    if checked_in != generated {
        std::fs::write(path, &generated).unwrap();
        panic!("concepts/schema.json was out of date and has been rewritten; commit it");
    }
}
