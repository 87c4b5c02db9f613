//! Every example of every word list (`lexicon/*.json`) holds, as Duckling's corpus files do:
//! the figure it names is read with the kind, value, label, period and qualifier it gives, and
//! a check of its text raises exactly the errors it lists.

use hedui::lexicon::{self, Lexicon};
use hedui::{RuleSet, Severity, Source};

#[test]
fn every_word_list_example_holds() {
    let lexicon = Lexicon::default_set();
    let rules = RuleSet::default_set();
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, spec) in &lexicon.specs {
        assert!(
            !spec.examples.is_empty(),
            "{file}: every word list shows its words at work in an example"
        );
        for (n, ex) in spec.examples.iter().enumerate() {
            count += 1;
            let whose = format!("{file} example #{}", n + 1);
            let source = Source::new("example.txt", ex.text.as_str());
            let extraction = hedui::extract(&source);
            if let Some(figure) = &ex.figure {
                let Some(fact) = extraction.facts.iter().find(|f| &f.figure.text == figure) else {
                    failures.push(format!("{whose}: no figure {figure}"));
                    continue;
                };
                let f = &fact.figure;
                let qualifier = f.qualifier.map_or("none".to_string(), |q| {
                    serde_json::to_value(q)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                });
                let checks = [
                    ("kind", &ex.kind, f.kind.name().to_string()),
                    ("value", &ex.value, f.printed.normalize().to_string()),
                    ("label", &ex.label, fact.label.clone()),
                    (
                        "period",
                        &ex.period,
                        fact.period.clone().unwrap_or_default(),
                    ),
                    ("qualifier", &ex.qualifier, qualifier),
                ];
                for (what, want, got) in checks {
                    if let Some(want) = want {
                        if *want != got {
                            failures
                                .push(format!("{whose}: {figure}: {what} is {got}, not {want}"));
                        }
                    }
                }
            }
            if let Some(want) = &ex.errors {
                let mut got: Vec<String> = hedui::check_extraction(&extraction, &rules)
                    .into_iter()
                    .filter(|f| f.severity == Severity::Error)
                    .map(|f| f.rule)
                    .collect();
                got.sort();
                got.dedup();
                let mut want = want.clone();
                want.sort();
                if got != want {
                    failures.push(format!("{whose}: errors {got:?}, not {want:?}"));
                }
            }
        }
    }
    assert!(count >= 33, "examples ran: {count}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `lexicon/schema.json` is generated from the Rust types and kept in sync, so editors that
/// complete from it never drift from what hedui accepts.
#[test]
fn the_lexicon_schema_is_the_checked_in_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicon/schema.json");
    let generated = lexicon::schema();
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    if checked_in != generated {
        std::fs::write(path, &generated).unwrap();
        panic!("lexicon/schema.json was out of date and has been rewritten; commit it");
    }
}
