//! Mistakes in rule files are diagnostics: the file, the line, a caret on the offending span,
//! and what to do. One snapshot per kind of mistake, rendered as the rule author sees it.

use hedui::report::human::{render_diagnostic, Style};
use hedui::rules::{Rule, RuleSet};

const GOOD: &str = r#"{
  "id": "gdp-sectors-sum",
  "family": "parts equal the total",
  "severity": "error",
  "summary": "the three sectors do not add up to GDP",
  "doc": "GDP is the sum of its three sectors.",
  "scope": ["subset"],
  "bind": {
    "total": { "kind": ["amount"], "label": "生产总值$" },
    "sectors": { "kind": ["amount"], "label": "第[一二三]产业增加值$", "many": true }
  },
  "assert": "sum(sectors) == total",
  "message": "the sectors add up to {lhs}",
  "help": "{arithmetic}",
  "examples": { "fail": ["国内生产总值100亿元。其中，第一产业增加值10亿元，第二产业增加值20亿元，第三产业增加值30亿元。"] }
}
"#;

fn mistake(text: &str) -> String {
    let err =
        Rule::parse("newsroom/gdp-sectors-sum.json", text).expect_err("the rule file is broken");
    render_diagnostic(err.as_ref(), Style::plain())
}

#[test]
fn the_good_rule_parses() {
    assert!(Rule::parse("gdp.json", GOOD).is_ok());
}

#[test]
fn invalid_json() {
    insta::assert_snapshot!(mistake(&GOOD.replace("\"doc\":", "\"doc\"")));
}

#[test]
fn unknown_field() {
    insta::assert_snapshot!(mistake(&GOOD.replace("\"summary\"", "\"sumary\"")));
}

#[test]
fn missing_field() {
    let text = GOOD.replace("  \"help\": \"{arithmetic}\",\n", "");
    insta::assert_snapshot!(mistake(&text));
}

#[test]
fn bad_regular_expression() {
    insta::assert_snapshot!(mistake(&GOOD.replace("第[一二三]产业", "第[一二三产业")));
}

#[test]
fn assertion_that_does_not_parse() {
    insta::assert_snapshot!(mistake(
        &GOOD.replace("sum(sectors) == total", "sum(sectors) = total")
    ));
}

#[test]
fn unbound_name() {
    insta::assert_snapshot!(mistake(&GOOD.replace("== total", "== gdp")));
}

#[test]
fn unknown_scope() {
    insta::assert_snapshot!(mistake(&GOOD.replace("[\"subset\"]", "[\"subsets\"]")));
}

#[test]
fn unknown_role() {
    insta::assert_snapshot!(mistake(&GOOD.replace(
        "\"total\": { \"kind\"",
        "\"total\": { \"role\": \"wholle\", \"kind\""
    )));
}

#[test]
fn role_of_another_scope() {
    // A `subset` has a whole and parts; `first` belongs to `same-measure`.
    let text = GOOD.replace(
        "\"total\": { \"kind\"",
        "\"total\": { \"role\": \"first\", \"kind\"",
    );
    let err = Rule::parse("gdp.json", &text).expect_err("`first` is no role of a subset");
    assert_eq!(
        err.message,
        "binding `total`: no group of this rule's scope gives the role `first`"
    );
    let whole = GOOD.replace(
        "\"total\": { \"kind\"",
        "\"total\": { \"role\": \"whole\", \"kind\"",
    );
    assert!(Rule::parse("gdp.json", &whole).is_ok());
}

#[test]
fn duplicate_id_in_a_folder() {
    // A path relative to the crate root, so the rendering does not depend on the machine.
    let dir = std::path::PathBuf::from("target/rule-errors-duplicate");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.json"), GOOD).unwrap();
    std::fs::write(dir.join("b.json"), GOOD).unwrap();
    let err = RuleSet::default_set()
        .add_dir(&dir)
        .expect_err("two files, one id");
    insta::assert_snapshot!(render_diagnostic(err.as_ref(), Style::plain()));
}
