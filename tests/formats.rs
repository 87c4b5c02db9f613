//! The one-line, GitHub Actions and SARIF renderings of findings: snapshots over fixtures, the
//! SARIF log checked against the SARIF 2.1.0 schema, and the escaping and fingerprint rules
//! pinned by hand-made findings.

use hedui::report::{concise, github, sarif};
use hedui::{Finding, FindingLabel, RuleSet, Severity, Source};
use serde_json::{json, Value};

const FIXTURES: [&str; 3] = [
    "planted-share-sum.txt",
    "planted-partition-sum.txt",
    "clean-trade.txt",
];

fn load(file: &str) -> Source {
    let bytes = std::fs::read(format!("fixtures/{file}")).expect("fixture is readable");
    Source::from_bytes(format!("fixtures/{file}"), &bytes).expect("fixture is UTF-8")
}

fn checked() -> Vec<(Source, Vec<Finding>)> {
    let rules = RuleSet::default_set();
    FIXTURES
        .iter()
        .map(|file| {
            let source = load(file);
            let findings = hedui::check(&source, &rules);
            (source, findings)
        })
        .collect()
}

/// The SARIF log with the driver version masked, pretty-printed.
fn sarif_text(mut doc: Value) -> String {
    doc["runs"][0]["tool"]["driver"]["version"] = json!("[version]");
    serde_json::to_string_pretty(&doc).unwrap()
}

/// Every way `instance` breaks the SARIF 2.1.0 schema, one line each.
fn schema_errors(instance: &Value) -> Vec<String> {
    let text = std::fs::read_to_string("tests/data/sarif-schema-2.1.0.json")
        .expect("the SARIF schema is vendored");
    let schema: Value = serde_json::from_str(&text).expect("the SARIF schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

#[test]
fn concise_snapshots() {
    for (source, findings) in checked() {
        let name = source.name.trim_start_matches("fixtures/").to_string();
        insta::assert_snapshot!(
            format!("concise@{name}"),
            concise::render(&source, &findings)
        );
    }
}

#[test]
fn github_snapshots() {
    for (source, findings) in checked() {
        let name = source.name.trim_start_matches("fixtures/").to_string();
        insta::assert_snapshot!(format!("github@{name}"), github::render(&source, &findings));
    }
}

#[test]
fn sarif_snapshot() {
    let doc = sarif::document(&checked(), &RuleSet::default_set());
    insta::assert_snapshot!(sarif_text(doc));
}

#[test]
fn sarif_log_is_valid_against_the_schema() {
    let rules = RuleSet::default_set();
    let mut results = checked();
    results.push((hand_source(), vec![hand_finding()]));
    for doc in [
        sarif::document(&results, &rules),
        sarif::document(&[], &rules),
        sarif::document(&[], &RuleSet::default()),
    ] {
        let errors = schema_errors(&doc);
        assert!(
            errors.is_empty(),
            "the SARIF log breaks the schema:\n{}",
            errors.join("\n")
        );
    }
}

#[test]
fn the_schema_check_rejects_a_broken_log() {
    let mut doc = sarif::document(&checked(), &RuleSet::default_set());
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    doc["runs"][0]["results"][0]["level"] = json!("fatal");
    let errors = schema_errors(&doc);
    assert_eq!(errors.len(), 2, "{errors:#?}");
}

#[test]
fn sarif_results_point_at_every_label() {
    let doc = sarif::document(&checked(), &RuleSet::default_set());
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let share_sum = results
        .iter()
        .find(|r| r["ruleId"] == "share-sum")
        .expect("the planted share-sum is found");
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let index = share_sum["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "share-sum");
    assert_eq!(rules[index]["name"], "ShareSum");
    let region = &share_sum["locations"][0]["physicalLocation"]["region"];
    // Line 12 is `总值的 56.5％。同期，国有企`: the label starts on the fifth character.
    assert_eq!(
        (&region["startLine"], &region["startColumn"]),
        (&json!(12), &json!(5))
    );
    assert_eq!(region["snippet"]["text"], "56.5％");
    assert_eq!(share_sum["relatedLocations"].as_array().unwrap().len(), 2);
}

#[test]
fn sarif_fingerprints_survive_edits_elsewhere() {
    let rules = RuleSet::default_set();
    let source = load("planted-share-sum.txt");
    let moved = Source::new(source.name.clone(), format!("\n\n{}", source.text));
    let doc = sarif::document(
        &[
            (source.clone(), hedui::check(&source, &rules)),
            (moved.clone(), hedui::check(&moved, &rules)),
        ],
        &rules,
    );
    let results = doc["runs"][0]["results"].as_array().unwrap();
    // The planted 19.4% breaks two rules: each draft has the same two findings.
    assert_eq!(results.len(), 4);
    for i in 0..2 {
        let (before, after) = (&results[i], &results[i + 2]);
        assert_eq!(before["partialFingerprints"], after["partialFingerprints"]);
        let line = |r: &Value| r["locations"][0]["physicalLocation"]["region"]["startLine"].clone();
        assert_eq!(line(after), json!(line(before).as_u64().unwrap() + 2));
    }
}

#[test]
fn sarif_fingerprint_is_the_baseline_fingerprint_and_counts_repeats() {
    let finding = Finding {
        rule: "a".into(),
        severity: Severity::Warning,
        message: "m".into(),
        help: String::new(),
        labels: Vec::new(),
        fixes: Vec::new(),
    };
    let expected = hedui::suppress::fingerprint("", &finding);
    let source = Source::new("稿件/a b.txt", "");
    let doc = sarif::document(
        &[(source, vec![finding.clone(), finding])],
        &RuleSet::default(),
    );
    let results = &doc["runs"][0]["results"];
    assert_eq!(
        results[0]["partialFingerprints"]["hedui/v1"],
        format!("{expected}:1")
    );
    assert_eq!(
        results[1]["partialFingerprints"]["hedui/v1"],
        format!("{expected}:2")
    );
    assert_eq!(results[0]["level"], "warning");
    assert_eq!(results[0]["message"]["text"], "m");
    assert!(results[0].get("ruleIndex").is_none());
    assert!(results[0].get("locations").is_none());
    assert!(schema_errors(&doc).is_empty(), "{:#?}", schema_errors(&doc));
}

/// A draft whose name and finding need every escape GitHub defines.
fn hand_source() -> Source {
    Source::new("drafts/a,b:c.txt", "第一行\n出口 5455亿元，增长 100%\n")
}

fn hand_finding() -> Finding {
    let text = hand_source().text;
    let start = text.find("100%").unwrap();
    Finding {
        rule: "share-above-whole".into(),
        severity: Severity::Error,
        message: "100%, or more: a share\nover its whole".into(),
        help: "at most 100%".into(),
        labels: vec![FindingLabel {
            span: start..start + "100%".len(),
            note: "增长: 100%".into(),
        }],
        fixes: Vec::new(),
    }
}

#[test]
fn github_escapes_properties_and_message() {
    let out = github::render(&hand_source(), &[hand_finding()]);
    assert_eq!(
        out,
        "::error file=drafts/a%2Cb%3Ac.txt,line=2,col=14,endLine=2,endColumn=18,\
         title=share-above-whole::100%25, or more: a share%0Aover its whole%0Aat most 100%25\n"
    );
}

#[test]
fn github_leaves_out_columns_of_a_label_cut_by_a_line_break() {
    let source = Source::new("a.txt", "进口\r\n4634.2\n亿元，增长 0.2%。");
    let start = source.text.find('4').unwrap();
    let end = source.text.find('，').unwrap();
    let finding = Finding {
        rule: "r".into(),
        severity: Severity::Warning,
        message: "m".into(),
        help: "h\r\nh".into(),
        labels: vec![FindingLabel {
            span: start..end,
            note: "n".into(),
        }],
        fixes: Vec::new(),
    };
    assert_eq!(
        github::render(&source, &[finding]),
        "::warning file=a.txt,line=2,endLine=3,title=r::m%0Ah%0D%0Ah\n"
    );
}

#[test]
fn concise_keeps_one_finding_on_one_line() {
    let out = concise::render(&hand_source(), &[hand_finding()]);
    assert_eq!(
        out,
        "drafts/a,b:c.txt:2:14: error[share-above-whole] 100%, or more: a share over its whole\n"
    );
    let mut finding = hand_finding();
    finding.message = "a\r\nb\rc".into();
    finding.labels.clear();
    assert_eq!(
        concise::render(&hand_source(), &[finding]),
        "drafts/a,b:c.txt:1:1: error[share-above-whole] a b c\n"
    );
}

#[test]
fn sarif_unused_suppression_has_a_rule_entry_and_every_rule_a_help_uri() {
    let source = Source::new("a.txt", "hedui-ignore: share-ratio\n出口5455亿元。\n");
    let findings = hedui::suppress::apply_markers(&source.text, Vec::new());
    let rules = RuleSet::default_set();
    let doc = sarif::document(&[(source, findings)], &rules);
    let run = &doc["runs"][0];
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "unused-suppression");
    let index = result["ruleIndex"].as_u64().expect("a ruleIndex") as usize;
    let descriptors = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(descriptors[index]["id"], "unused-suppression");
    for d in descriptors {
        let uri = d["helpUri"].as_str().unwrap_or_default();
        assert!(uri.starts_with("https://"), "{d}");
    }
    assert!(schema_errors(&doc).is_empty(), "{:#?}", schema_errors(&doc));
}
