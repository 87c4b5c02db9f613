//! Workflow bugs of issue 11: configuration found from inside folders, exclude globs, rule
//! replacement, partial baselines, snapshots, SARIF rule entries. Each test failed before its fix.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hedui_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("hedui runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("hedui exits with a code")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// A scratch folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hedui-wf-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// A newsroom: hedui.json naming `drafts/`, one planted draft and one archived one.
fn newsroom(name: &str) -> PathBuf {
    let dir = scratch(name);
    write(
        &dir.join("hedui.json"),
        r#"{ "drafts": ["drafts"], "exclude": ["drafts/archive/**"] }"#,
    );
    std::fs::create_dir_all(dir.join("drafts/archive")).unwrap();
    std::fs::copy(fixture("planted-share-sum.txt"), dir.join("drafts/a.txt")).unwrap();
    std::fs::copy(
        fixture("planted-partition-sum.txt"),
        dir.join("drafts/archive/old.txt"),
    )
    .unwrap();
    dir
}

#[test]
fn check_inside_the_drafts_folder_finds_the_config_and_its_drafts() {
    let dir = newsroom("inside");
    let o = hedui_in(&dir.join("drafts"), &["check"]);
    assert_eq!(code(&o), 1, "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("share-sum"), "{}", out(&o));
}

#[test]
fn check_inside_the_rules_folder_finds_its_rules() {
    let dir = scratch("inside-rules");
    write(&dir.join("hedui.json"), r#"{ "rules": ["rules"] }"#);
    let rule = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/newsroom/gdp-sectors-sum.json");
    write(
        &dir.join("rules/gdp-sectors-sum.json"),
        &std::fs::read_to_string(rule).unwrap(),
    );
    std::fs::copy(fixture("clean-trade.txt"), dir.join("a.txt")).unwrap();
    let o = hedui_in(&dir.join("rules"), &["check", "../a.txt"]);
    assert_eq!(code(&o), 0, "{}{}", out(&o), err(&o));
}

#[test]
fn exclude_globs_are_matched_from_the_config_folder() {
    let dir = newsroom("exclude");
    // From the config's folder and from inside drafts/: the archive is left out both times.
    for here in [dir.clone(), dir.join("drafts")] {
        let o = hedui_in(&here, &["check", "--format", "concise"]);
        let text = out(&o);
        assert!(text.contains("a.txt"), "{text}{}", err(&o));
        assert!(!text.contains("old.txt"), "from {}: {text}", here.display());
    }
}

/// The default `share-sum` rule's file, with changes.
fn share_sum_rule(extra: &str) -> String {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/share-sum.json"))
            .unwrap();
    let text = text.replace("\"severity\": \"error\"", "\"severity\": \"warning\"");
    text.replacen('{', &format!("{{{extra}"), 1)
}

#[test]
fn a_rule_with_a_default_id_is_an_error_unless_it_says_it_replaces() {
    let dir = scratch("replace");
    let draft = fixture("planted-share-sum.txt").display().to_string();
    write(&dir.join("rules/share-sum.json"), &share_sum_rule(""));
    let o = hedui_in(&dir, &["check", "--rules", "rules", &draft]);
    assert_eq!(code(&o), 2, "{}{}", out(&o), err(&o));
    assert!(
        err(&o).contains("rule id `share-sum` is also used by (default)"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("\"replaces\": true"), "{}", err(&o));

    write(
        &dir.join("rules/share-sum.json"),
        &share_sum_rule("\"replaces\": true,"),
    );
    let o = hedui_in(&dir, &["check", "--rules", "rules", &draft]);
    assert!(
        err(&o).contains("rule `share-sum` of rules/share-sum.json replaces the one of (default)"),
        "{}",
        err(&o)
    );
    // The replacement runs: the shares' sum is now a warning. The draft's 19.4% is also off
    // its own amount, which the default `share-ratio` still holds an error.
    assert_eq!(code(&o), 1, "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("⚠ shares of"), "{}", out(&o));
    assert!(!out(&o).contains("× shares of"), "{}", out(&o));
}

#[test]
fn rules_takes_a_single_rule_file() {
    let newsroom = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/newsroom");
    let o = hedui_in(
        &newsroom,
        &[
            "check",
            "--rules",
            "gdp-sectors-sum.json",
            "fixtures/gdp-sector-slip.txt",
        ],
    );
    assert_eq!(code(&o), 1, "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("gdp-sectors-sum"), "{}", out(&o));
}

/// Two planted drafts in one folder.
fn two_drafts(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::copy(fixture("planted-share-sum.txt"), dir.join("drafts/a.txt")).unwrap();
    std::fs::copy(
        fixture("planted-partition-sum.txt"),
        dir.join("drafts/b.txt"),
    )
    .unwrap();
    dir
}

fn entries(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("base.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_partial_check_leaves_other_drafts_baseline_entries_alone() {
    let dir = two_drafts("partial-baseline");
    let o = hedui_in(&dir, &["check", "--write-baseline", "base.json", "drafts"]);
    assert_eq!(code(&o), 0, "{}", err(&o));
    let all = entries(&dir);
    assert!(all.iter().any(|p| p.ends_with("b.txt")), "{all:?}");

    // Checking a.txt alone: b.txt's entries are not stale.
    let o = hedui_in(&dir, &["check", "--baseline", "base.json", "drafts/a.txt"]);
    assert_eq!(code(&o), 0, "{}{}", out(&o), err(&o));
    assert!(!err(&o).contains("no longer match"), "{}", err(&o));

    // Rewriting the baseline from a.txt alone keeps b.txt's entries.
    let o = hedui_in(
        &dir,
        &["check", "--write-baseline", "base.json", "drafts/a.txt"],
    );
    assert_eq!(code(&o), 0, "{}", err(&o));
    assert_eq!(entries(&dir).len(), all.len(), "{:?}", entries(&dir));

    // A stale entry of a checked draft is named.
    std::fs::write(dir.join("drafts/a.txt"), "没有数字。\n").unwrap();
    let o = hedui_in(&dir, &["check", "--baseline", "base.json", "drafts/a.txt"]);
    let e = err(&o);
    // The planted 19.4% breaks two rules, so two entries.
    assert!(e.contains("2 entries of base.json no longer match"), "{e}");
    assert!(e.contains("drafts/a.txt share-sum"), "{e}");
}

#[test]
fn write_baseline_refuses_to_overwrite_a_draft_or_a_foreign_file() {
    let dir = two_drafts("refuse-baseline");
    let draft = std::fs::read_to_string(dir.join("drafts/a.txt")).unwrap();
    let o = hedui_in(
        &dir,
        &["check", "--write-baseline", "drafts/a.txt", "drafts"],
    );
    assert_eq!(code(&o), 2, "{}", err(&o));
    assert!(
        err(&o).contains("one of the drafts being checked"),
        "{}",
        err(&o)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("drafts/a.txt")).unwrap(),
        draft
    );

    write(&dir.join("notes.json"), r#"{"title": "my notes"}"#);
    let o = hedui_in(&dir, &["check", "--write-baseline", "notes.json", "drafts"]);
    assert_eq!(code(&o), 2, "{}", err(&o));
    assert!(err(&o).contains("is not a hedui baseline"), "{}", err(&o));
    assert!(std::fs::read_to_string(dir.join("notes.json"))
        .unwrap()
        .contains("my notes"));
}

#[test]
fn a_baseline_of_an_unknown_version_is_rejected() {
    let dir = two_drafts("baseline-version");
    write(&dir.join("base.json"), r#"{"version": 7, "findings": []}"#);
    let o = hedui_in(&dir, &["check", "--baseline", "base.json", "drafts"]);
    assert_eq!(code(&o), 2, "{}{}", out(&o), err(&o));
    assert!(err(&o).contains("version 7"), "{}", err(&o));
}

#[test]
fn the_readme_rules_pipeline_runs_as_written() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("hedui rules list | hedui rules explain"))
        .expect("the README shows the pipeline");
    let command = line.split('#').next().unwrap().trim();
    let bin = Path::new(env!("CARGO_BIN_EXE_hedui")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new("sh")
        .args(["-c", &format!("set -e; {command}")])
        .env("PATH", path)
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{command}: {}", err(&o));
    // Every rule explained, one after the other.
    assert!(out(&o).contains("share-sum"), "{}", out(&o));
    assert!(out(&o).contains("share-ratio"), "{}", out(&o));
}

/// A copy of the newsroom example: rules, fixtures, sidecars and snapshots.
fn newsroom_copy(name: &str) -> PathBuf {
    let dir = scratch(name);
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/newsroom");
    let to = dir.join("newsroom");
    for sub in ["", "fixtures", "concepts"] {
        std::fs::create_dir_all(to.join(sub)).unwrap();
        for e in std::fs::read_dir(from.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, to.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

#[test]
fn rule_snapshots_do_not_depend_on_the_folder_run_from() {
    let dir = newsroom_copy("snap-cwd");
    let from_above = hedui_in(&dir, &["rules", "test", "newsroom", "--snapshot"]);
    assert_eq!(code(&from_above), 0, "{}", out(&from_above));
    let from_inside = hedui_in(&dir.join("newsroom"), &["rules", "test", ".", "--snapshot"]);
    assert_eq!(code(&from_inside), 0, "{}", out(&from_inside));
    let deeper = hedui_in(
        &dir.join("newsroom/fixtures"),
        &["rules", "test", "..", "--snapshot"],
    );
    assert_eq!(code(&deeper), 0, "{}", out(&deeper));
}

#[test]
fn accept_leaves_no_snap_new_behind() {
    let dir = newsroom_copy("snap-accept");
    let fixtures = dir.join("newsroom/fixtures");
    std::fs::remove_file(fixtures.join("gdp-2023.snap")).ok();
    let o = hedui_in(&dir, &["rules", "test", "newsroom", "--snapshot"]);
    assert_eq!(code(&o), 1, "{}", out(&o));
    assert!(fixtures.join("budget-2024.snap").exists());
    let new = fixtures.join("gdp-2023.snap.new");
    assert!(new.exists(), "a missing snapshot is offered for review");
    let o = hedui_in(&dir, &["rules", "test", "newsroom", "--accept"]);
    assert_eq!(code(&o), 0, "{}", out(&o));
    assert!(fixtures.join("gdp-2023.snap").exists());
    assert!(!new.exists(), "--accept left {} behind", new.display());
}

#[test]
fn a_config_mistake_has_a_caret_like_a_rule_file_mistake() {
    let dir = scratch("config-caret");
    write(
        &dir.join("hedui.json"),
        "{\n  \"drafts\": [\"d\"],\n  \"ignroe\": [\"x\"]\n}\n",
    );
    let o = hedui_in(&dir, &["check"]);
    assert_eq!(code(&o), 2, "{}", err(&o));
    let e = err(&o);
    assert!(e.contains("hedui.json:3:3]"), "{e}");
    assert!(e.contains("╰── unknown field"), "{e}");
    write(&dir.join("hedui.json"), "{\n  \"drafts\": [\"d\",\n}\n");
    let e = err(&hedui_in(&dir, &["check"]));
    assert!(e.contains("hedui.json:3:1]"), "{e}");
}

#[test]
fn a_mistake_in_a_one_line_rule_file_shows_only_the_caret_s_surroundings() {
    let dir = scratch("one-line-rule");
    let rule = share_sum_rule("");
    let one_line: String = rule
        .replace("\"id\": \"share-sum\"", "\"id\": \"share-sum-2\"")
        .replace(
            "\"summary\"",
            &format!("\"padding\": \"{}\", \"sumary\"", "x".repeat(600_000)),
        )
        .replace('\n', " ");
    write(&dir.join("rules/r.json"), &one_line);
    let o = hedui_in(&dir, &["check", "--rules", "rules/r.json", "-"]);
    assert_eq!(code(&o), 2);
    let e = err(&o);
    assert!(e.len() < 3_000, "{} bytes of error", e.len());
    assert!(e.contains("unknown field `padding`"), "{e}");
    assert!(e.contains("only the part around the caret is shown"), "{e}");
}
