//! Inputs that once crashed hedui, found by the fuzz targets in `fuzz/` or reported, kept as
//! regression tests so that `cargo test` (stable, no fuzzer) replays each one.

use hedui::report::{concise, human, json};
use hedui::{RuleSet, Source};

/// Checks and renders a draft in every format, as the `check` fuzz target does.
fn check_and_render(name: &str, text: &str) -> usize {
    let source = Source::new(name, text).by_extension();
    let findings = hedui::suppress::apply_markers(
        &source.text,
        hedui::check(&source, &RuleSet::default_set()),
    );
    let _ = human::render(&source, &findings, human::Style::plain());
    let _ = concise::render(&source, &findings);
    let _ = json::file(&source, &findings);
    findings.len()
}

/// Issue 11: miette panicked ("Formatting argument out of range") on a label at display
/// column 65,535 or beyond.
#[test]
fn labels_beyond_column_65535_render_without_a_panic() {
    for prefix in ["a".repeat(65_534), "中".repeat(33_000), "\t".repeat(17_000)] {
        let draft = format!("{prefix}占56.5%，占60.1%。");
        assert_eq!(check_and_render("wide.txt", &draft), 1);
        let source = Source::new("wide.txt", draft.as_str());
        let findings = hedui::check(&source, &RuleSet::default_set());
        let out = human::render(&source, &findings, human::Style::plain());
        assert!(out.contains("shown in the concise form"), "{}", &out[..200]);
    }
}

/// The rule-file target: a one-line rule file with a mistake far to the right renders its
/// diagnostic without a panic and without printing the whole line.
#[test]
fn a_rule_error_far_right_on_one_line_renders_briefly() {
    let text = format!("{{\"padding\": \"{}\", \"id\": 5}}", "x".repeat(70_000));
    let err = hedui::rules::Rule::parse("r.json", &text).expect_err("not a rule");
    let out = human::render_diagnostic(err.as_ref(), human::Style::plain());
    assert!(out.len() < 2_000, "{} bytes", out.len());
}

/// Every crash input the fuzz targets found, kept in `tests/data/fuzz/TARGET/`, replayed
/// through what its target did.
#[test]
fn fuzz_crash_inputs_run_without_a_panic() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut replayed = 0;
    for target in [
        "normalise",
        "extract",
        "check",
        "check_markdown",
        "rule_file",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let bytes = std::fs::read(entry.path()).unwrap();
            // What a `&str` fuzz target receives (arbitrary's take-rest): the valid UTF-8
            // prefix of the input.
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) => t,
                Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap(),
            };
            match target {
                "normalise" => {
                    let _ = hedui::text::Text::new(text);
                }
                "extract" => {
                    let _ = hedui::extract(&Source::new("f.txt", text));
                }
                "check" => {
                    if let Ok(source) = Source::from_bytes("f.txt", &bytes) {
                        check_and_render("f.txt", &source.text);
                    }
                }
                "check_markdown" => {
                    check_and_render("f.md", text);
                }
                _ => {
                    if let Err(e) = hedui::rules::Rule::parse("f.json", text) {
                        let _ = human::render_diagnostic(e.as_ref(), human::Style::plain());
                    }
                }
            }
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no crash input under {}", root.display());
}

/// Found by the `check` fuzz target: a comparing word (`比`) right after an ASCII character
/// made the test for a noun that holds it (`同比`) slice inside that character.
#[test]
fn a_comparing_word_after_ascii_does_not_split_a_character() {
    for draft in [
        "PPI同`比下降2.8%。上半年PPI同比下降2.8%。",
        "上半年，出口额`比上年增长3.1%，出口额5元`较上年增长2%。",
    ] {
        check_and_render("fuzz.txt", draft);
    }
}
