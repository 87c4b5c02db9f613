//! The command line as users and CI meet it: exit codes, the JSON contracts, input errors.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn hedui(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("hedui runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("hedui exits with a code")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hedui-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn clean_draft_exits_zero() {
    let o = hedui(&["check", "fixtures/clean-trade.txt"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("no contradictions found"));
}

#[test]
fn planted_error_exits_one_and_shows_the_arithmetic() {
    let o = hedui(&["check", "fixtures/planted-share-sum.txt"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("share-sum"), "{out}");
    assert!(out.contains("56.5 + 27.1 + 19.4 = 103.0%"), "{out}");
    assert!(out.contains("by 2.85% beyond rounding"), "{out}");
}

#[test]
fn piped_output_has_no_colour() {
    let o = hedui(&["check", "fixtures/planted-share-sum.txt"]);
    assert!(
        !stdout(&o).contains('\u{1b}'),
        "escape codes in piped output"
    );
}

#[test]
fn check_json_follows_the_contract() {
    let path = "fixtures/planted-partition-sum.txt";
    let o = hedui(&["check", "--format", "json", path]);
    assert_eq!(code(&o), 1);
    let doc: Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    let original = std::fs::read(path).unwrap();
    let file = &doc["files"][0];
    assert_eq!(file["path"], path);
    let findings = file["findings"].as_array().unwrap();
    let finding = findings
        .iter()
        .find(|f| f["rule"] == "partition-sum")
        .expect("the sum is reported");
    assert_eq!(finding["severity"], "error");
    assert!(finding["message"].as_str().unwrap().contains("3586.4亿元"));
    assert!(finding["help"]
        .as_str()
        .unwrap()
        .contains("beyond rounding"));
    let labels = finding["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 3);
    let text = String::from_utf8(original.clone()).unwrap();
    for l in labels {
        let (start, end) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        let slice = std::str::from_utf8(&original[start..end]).unwrap();
        assert_eq!(l["text"], slice);
        // line and column (1-based, in characters) point at the same byte.
        let line = l["line"].as_u64().unwrap() as usize;
        let column = l["column"].as_u64().unwrap() as usize;
        let line_text = text.lines().nth(line - 1).unwrap();
        let rest: String = line_text.chars().skip(column - 1).collect();
        assert!(slice.starts_with(rest.chars().next().unwrap()), "{l}");
        assert!(l["note"].is_string());
    }
    assert!(
        labels.iter().any(|l| l["text"] == "2318.7亿元"),
        "the changed figure is labelled"
    );
    assert_eq!(doc["summary"]["errors"], findings.len());
    assert_eq!(doc["summary"]["warnings"], 0);
}

#[test]
fn extract_json_reports_values_in_base_units() {
    let o = hedui(&[
        "extract",
        "--format",
        "json",
        "fixtures/planted-share-sum.txt",
    ]);
    assert_eq!(code(&o), 0);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let figures = doc["files"][0]["figures"].as_array().unwrap();
    let find = |t: &str| {
        figures
            .iter()
            .find(|f| f["text"].as_str().unwrap().replace(['\n', ' '], "") == t)
            .unwrap_or_else(|| panic!("no figure {t}"))
    };
    let total = find("10089.2亿元");
    assert_eq!(total["kind"], "amount");
    assert_eq!(total["value"], "1008920000000");
    assert_eq!(total["lo"], "1008915000000");
    assert_eq!(total["hi"], "1008925000000");
    assert_eq!(total["unit"], "元");
    assert_eq!(total["label"], "全省货物贸易进出口");
    let share = find("56.5％");
    assert_eq!(
        (share["kind"].as_str(), share["value"].as_str()),
        (Some("share"), Some("56.5"))
    );
    let above = find("10亿元"); // printed as `超过 10亿元`
    assert!(above["hi"].is_null(), "超过 leaves the top open: {above}");
    for f in figures {
        for key in [
            "start", "end", "text", "kind", "value", "lo", "hi", "unit", "label",
        ] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
}

#[test]
fn extract_groups_shows_each_figure_with_its_role() {
    let o = hedui(&["extract", "--groups", "fixtures/planted-partition-sum.txt"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    // The figures first, then the groups: `subset` with its whole and its parts.
    let groups = out.find("groups\n").expect("a groups section");
    assert!(out[..groups].contains("figures"), "{out}");
    let subset = &out[out.find("\n  subset\n").expect("a subset group")..];
    assert!(subset.contains("whole"), "{subset}");
    assert!(subset.contains("part"), "{subset}");

    let o = hedui(&[
        "extract",
        "--groups",
        "--format",
        "json",
        "fixtures/planted-partition-sum.txt",
    ]);
    assert_eq!(code(&o), 0);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let file = &doc["files"][0];
    let figures = file["figures"].as_array().unwrap();
    let groups = file["groups"].as_array().expect("groups under --groups");
    let subset = groups
        .iter()
        .find(|g| g["kind"] == "subset")
        .expect("a subset group");
    let members = subset["members"].as_array().unwrap();
    assert_eq!(members[0]["role"], "whole");
    for m in members {
        // Each member names its figure, and its span is the figure's.
        let f = &figures[m["figure"].as_u64().unwrap() as usize];
        for key in ["start", "end", "line", "column", "text", "label"] {
            assert_eq!(m[key], f[key], "{key} of {m}");
        }
        assert!(m["end_line"].is_u64() && m["end_column"].is_u64(), "{m}");
    }
    // Without the flag the extract contract is unchanged.
    let o = hedui(&[
        "extract",
        "--format",
        "json",
        "fixtures/planted-partition-sum.txt",
    ]);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(doc["files"][0].get("groups").is_none());
}

#[test]
fn decline_is_negative_in_extract_json() {
    let dir = scratch("decline");
    let draft = dir.join("d.txt");
    std::fs::write(&draft, "实际使用外资金额11339.1亿元，同比下降8.0%。").unwrap();
    let o = hedui(&["extract", "--format", "json", draft.to_str().unwrap()]);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let g = &doc["files"][0]["figures"][1];
    assert_eq!(
        (g["kind"].as_str(), g["value"].as_str()),
        (Some("growth"), Some("-8.0"))
    );
}

#[test]
fn invalid_utf8_is_an_input_error_with_its_offset() {
    let dir = scratch("utf8");
    let draft = dir.join("bad.txt");
    std::fs::write(&draft, b"\xe5\x87\xba\xe5\x8f\xa3 5455\xff").unwrap();
    let o = hedui(&["check", draft.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("not valid UTF-8") && err.contains("byte 11"),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_exit_two_and_others_still_run() {
    let o = hedui(&[
        "check",
        "no-such-draft.txt",
        "fixtures/planted-share-sum.txt",
    ]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no-such-draft.txt"));
    assert!(
        stdout(&o).contains("share-sum"),
        "the readable draft was still checked"
    );
}

#[test]
fn an_empty_draft_is_fine() {
    let dir = scratch("empty");
    let draft = dir.join("empty.txt");
    std::fs::write(&draft, "").unwrap();
    let o = hedui(&["check", draft.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn a_bom_counts_in_json_offsets() {
    let dir = scratch("bom");
    let draft = dir.join("bom.txt");
    let text = "进出口100亿元，其中，出口70亿元，进口50亿元。";
    std::fs::write(&draft, format!("\u{feff}{text}")).unwrap();
    let o = hedui(&["check", "--format", "json", draft.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let bytes = std::fs::read(&draft).unwrap();
    for l in doc["files"][0]["findings"][0]["labels"].as_array().unwrap() {
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&bytes[s..e]).unwrap(),
            l["text"].as_str().unwrap()
        );
    }
}

#[test]
fn a_bad_flag_is_exit_two() {
    let o = hedui(&["check", "--frobnicate", "fixtures/clean-trade.txt"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn no_draft_under_a_folder_is_said_and_fails() {
    let dir = scratch("nodrafts");
    let o = hedui(&["check", dir.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no draft was checked"));
}

#[test]
fn a_folder_is_checked_file_by_file_in_order() {
    let o = hedui(&["check", "--format", "json", "fixtures"]);
    assert_eq!(code(&o), 1);
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert!(paths.len() >= 8);
}

const USER_RULE: &str = r#"{
  "id": "gdp-sectors-sum",
  "family": "parts equal the total",
  "severity": "error",
  "summary": "three sectors do not add up to GDP",
  "doc": "GDP is the sum of the value added of the three sectors.",
  "scope": ["sentence"],
  "bind": {
    "a": { "kind": ["amount"], "label": "第一产业增加值$" },
    "b": { "kind": ["amount"], "label": "第二产业增加值$" }
  },
  "assert": "a <= b",
  "message": "sector one {a} is above sector two {b}",
  "help": "{arithmetic}",
  "examples": { "fail": ["第一产业增加值600亿元，第二产业增加值500亿元。"] }
}"#;

#[test]
fn a_rules_folder_adds_rules() {
    let dir = scratch("rules");
    std::fs::write(dir.join("gdp.json"), USER_RULE).unwrap();
    let draft = dir.join("d.txt");
    std::fs::write(&draft, "第一产业增加值600亿元，第二产业增加值500亿元。").unwrap();
    let o = hedui(&[
        "check",
        "--rules",
        dir.to_str().unwrap(),
        draft.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("gdp-sectors-sum"));
    let list = hedui(&["rules", "list", "--rules", dir.to_str().unwrap()]);
    assert!(stdout(&list).contains("gdp-sectors-sum"));
    assert!(stdout(&list).contains("share-sum"), "defaults stay");
}

#[test]
fn a_broken_rule_file_is_a_diagnostic_and_exit_two() {
    let dir = scratch("broken");
    std::fs::write(
        dir.join("bad.json"),
        USER_RULE.replace("\"a <= b\"", "\"a <= c\""),
    )
    .unwrap();
    let o = hedui(&[
        "check",
        "--rules",
        dir.to_str().unwrap(),
        "fixtures/clean-trade.txt",
    ]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("bad.json") && err.contains("`c`"), "{err}");
    assert!(
        err.contains("\"assert\": \"a <= c\""),
        "the offending line is shown: {err}"
    );
}

#[test]
fn rules_explain_shows_doc_relation_and_an_example() {
    let o = hedui(&["rules", "explain", "share-sum"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains("relation: sum(shares) <= 100"), "{out}");
    assert!(out.contains("On the first failing example"), "{out}");
    let o = hedui(&["rules", "explain", "no-such-rule"]);
    assert_eq!(code(&o), 2);
}

/// A known partition is explained like a rule: its whole, its parts, whether it is exhaustive.
#[test]
fn rules_explain_prints_a_partition() {
    let o = hedui(&["rules", "explain", "gdp-by-sector"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("exhaustive: the parts make the whole"),
        "{out}"
    );
    assert!(out.contains("+ 第一产业增加值"), "{out}");
    let o = hedui(&[
        "rules",
        "explain",
        "xiamen-population-by-district",
        "--rules",
        "examples/newsroom",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("+ 集美区常住人口"), "{}", stdout(&o));
}

/// `--concepts DIR` adds a newsroom's partitions to a check, no Rust: the districts of a city
/// must make its population.
#[test]
fn a_concepts_folder_adds_a_partition_to_the_check() {
    let slip = "examples/newsroom/fixtures/xiamen-districts-slip.txt";
    let o = hedui(&[
        "check",
        "--format",
        "concise",
        "--ignore",
        "parts-within-whole",
        slip,
    ]);
    assert_eq!(code(&o), 0, "without the partition: {}", stdout(&o));
    let o = hedui(&[
        "check",
        "--format",
        "concise",
        "--ignore",
        "parts-within-whole",
        "--concepts",
        "examples/newsroom/concepts",
        slip,
    ]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert!(
        stdout(&o).contains("error[partition-sum]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn rules_test_passes_on_the_default_rules_and_the_worked_example() {
    let o = hedui(&["rules", "test", "rules"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains(" passed, 0 failed"));
    let o = hedui(&["rules", "test", "examples/newsroom", "--snapshot"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("11 passed, 0 failed"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("ok     partition xiamen-population-by-district: failing example #1"),
        "a newsroom partition is tested with its rules: {}",
        stdout(&o)
    );
}

#[test]
fn rules_test_reports_what_was_expected_and_what_was_found() {
    let dir = scratch("ruletest");
    std::fs::create_dir_all(dir.join("fixtures")).unwrap();
    std::fs::write(dir.join("gdp.json"), USER_RULE).unwrap();
    // The draft breaks the rule, but its sidecar expects another figure.
    std::fs::write(
        dir.join("fixtures/d.txt"),
        "第一产业增加值600亿元，第二产业增加值500亿元。",
    )
    .unwrap();
    std::fs::write(dir.join("fixtures/d.expect"), "gdp-sectors-sum 700亿元\n").unwrap();
    let o = hedui(&["rules", "test", dir.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(
        out.contains("expected: gdp-sectors-sum on 700亿元"),
        "{out}"
    );
    assert!(
        out.contains("found, not expected: gdp-sectors-sum on 600亿元, 500亿元"),
        "{out}"
    );
    assert!(out.contains("1 failed"), "{out}");
}

#[test]
fn select_and_ignore_choose_the_rules() {
    let path = "fixtures/planted-partition-sum.txt";
    let only = hedui(&[
        "check",
        "--format",
        "json",
        "--select",
        "partition-growth-mix",
        path,
    ]);
    let doc: Value = serde_json::from_str(&stdout(&only)).unwrap();
    let rules: Vec<&str> = doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["partition-growth-mix"]);
    let none = hedui(&[
        "check",
        "--ignore",
        "partition-growth-mix,partition-sum",
        path,
    ]);
    assert_eq!(code(&none), 0, "{}", stdout(&none));
    let bad = hedui(&["check", "--select", "no-such-rule", path]);
    assert_eq!(code(&bad), 2);
}

#[test]
fn the_schema_command_prints_the_checked_in_schema() {
    let o = hedui(&["rules", "schema"]);
    assert_eq!(
        stdout(&o),
        std::fs::read_to_string("rules/schema.json").unwrap()
    );
}

/// The summary says how many figures a relation was checked on, and how many hedui could not
/// assess: a share-sum checks the three shares it adds, and leaves a lone figure unchecked.
#[test]
fn summary_counts_the_figures_checked_and_not_assessable() {
    let dir = scratch("coverage");
    let draft = dir.join("draft.txt");
    std::fs::write(
        &draft,
        "2023年，全省外贸进出口1200亿元。民营企业进出口占全省外贸总值的56.5%，国有企业占27.1%，外资企业占16.4%。全省共有港口12个。",
    )
    .unwrap();
    let path = draft.to_str().unwrap();
    let o = hedui(&["check", "--format", "json", path]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let (figures, checked) = (&doc["summary"]["figures"], &doc["summary"]["checked"]);
    assert_eq!(figures, 5, "{doc}");
    assert!(checked.as_u64().unwrap() >= 3, "the three shares: {doc}");
    assert!(
        checked.as_u64().unwrap() < 5,
        "the ports are checked by nothing: {doc}"
    );

    let o = hedui(&["check", "--statistics", "--format", "concise", path]);
    let line = stderr(&o);
    assert!(
        line.contains("of 5 figures") && line.contains("not assessable"),
        "{line}"
    );
}

/// A newsroom extends a word list with a file of its own, no Rust: `至少` becomes a qualifier
/// that reads `至少5万人` as above 5万. A broken word list is a diagnostic with exit 2.
#[test]
fn a_lexicon_folder_adds_words_and_a_broken_one_is_reported() {
    let dir = scratch("lexicon");
    let words = dir.join("words");
    std::fs::create_dir_all(&words).unwrap();
    std::fs::write(
        words.join("qualifiers.json"),
        r#"{"id": "qualifiers-before", "words": [{"word": "至少", "tag": "above"}]}"#,
    )
    .unwrap();
    let draft = dir.join("draft.txt");
    std::fs::write(&draft, "2024年，全市新增就业至少5万人。").unwrap();
    let qualifier = |extra: &[&str]| {
        let mut args = vec!["extract", "--format", "json", draft.to_str().unwrap()];
        args.extend(extra);
        let o = hedui(&args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
        let figures = doc["files"][0]["figures"].as_array().unwrap().clone();
        let f = figures
            .iter()
            .find(|f| f["text"] == "5万人")
            .unwrap()
            .clone();
        f["qualifier"].clone()
    };
    assert_eq!(qualifier(&[]), Value::Null);
    assert_eq!(qualifier(&["--lexicon", words.to_str().unwrap()]), "above");

    std::fs::write(
        words.join("qualifiers.json"),
        r#"{"id": "qualifiers-before", "words": ["至少"]}"#,
    )
    .unwrap();
    let o = hedui(&[
        "check",
        "--lexicon",
        words.to_str().unwrap(),
        draft.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("`至少` has no tag"), "{}", stderr(&o));
}

/// A line of `prefix` characters, then two shares that add up to more than 100%.
fn far_right_draft(prefix: &str) -> String {
    format!("{prefix}占56.5%，占60.1%。\n")
}

#[test]
fn a_finding_past_column_65535_is_shown_concise_not_a_panic() {
    let dir = scratch("far-right");
    std::fs::write(
        dir.join("a-ascii.txt"),
        far_right_draft(&"a".repeat(65_534)),
    )
    .unwrap();
    std::fs::write(dir.join("b-cjk.txt"), far_right_draft(&"中".repeat(33_000))).unwrap();
    std::fs::copy("fixtures/planted-share-sum.txt", dir.join("c-planted.txt")).unwrap();
    let o = hedui(&["check", dir.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(code(&o), 1, "{}{}", out, stderr(&o));
    assert!(
        out.contains("a-ascii.txt:1:65536: error[share-sum]"),
        "{out}"
    );
    assert!(out.contains("b-cjk.txt:1:33002: error[share-sum]"), "{out}");
    assert!(out.contains("shown in the concise form"), "{out}");
    // The drafts after it are still drawn, and the summary comes.
    assert!(out.contains("c-planted.txt:12:5]"), "{out}");
    // The planted draft's 19.4% breaks both the shares' sum and its own amount's ratio.
    assert!(out.contains("checked 3 drafts: 4 error(s)"), "{out}");
}

#[test]
fn human_columns_count_characters_like_the_other_formats() {
    let human = stdout(&hedui(&["check", "fixtures/planted-share-sum.txt"]));
    let concise = stdout(&hedui(&[
        "check",
        "--format",
        "concise",
        "fixtures/planted-share-sum.txt",
    ]));
    assert!(
        human.contains("[fixtures/planted-share-sum.txt:12:5]"),
        "{human}"
    );
    assert!(
        concise.contains("fixtures/planted-share-sum.txt:12:5: error[share-sum]"),
        "{concise}"
    );
}
