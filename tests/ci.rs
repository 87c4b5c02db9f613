//! hedui in a newsroom's CI, end to end: a temporary git repository of drafts (plain text and
//! Markdown, an ignored archive, a binary file, a `hedui.json`), the `hedui check` commands of
//! the README's GitHub Actions workflow run as written, suppressions and a baseline round trip.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_hedui"))
        .parent()
        .expect("the binary has a folder")
        .to_path_buf()
}

fn sh(repo: &Path, script: &str) -> Output {
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(repo)
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .output()
        .expect("sh runs")
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

/// A repository of drafts: one with an error, one clean, one Markdown draft whose error an
/// editor has silenced, an archive git ignores, and a stray binary file.
fn repo(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hedui-ci-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("drafts/archive")).unwrap();
    let copy = |from: &str, to: &str| std::fs::copy(from, dir.join(to)).map(|_| ()).unwrap();
    copy("fixtures/planted-share-sum.txt", "drafts/trade.txt");
    copy("fixtures/clean-trade.txt", "drafts/clean.txt");
    copy("fixtures/planted-share-sum.txt", "drafts/archive/old.txt");
    std::fs::write(dir.join("drafts/.gitignore"), "archive/\n").unwrap();
    std::fs::write(dir.join("drafts/photo.txt"), b"\x89PNG\x00\x00binary").unwrap();
    std::fs::write(
        dir.join("drafts/summary.md"),
        "# 外贸快报\n\n<!-- hedui-ignore: partition-sum -->\n全省**进出口**10089.2亿元，\
         其中，出口5355亿元；进口4634.2亿元。\n\n```\n代码里的100亿元不算\n```\n",
    )
    .unwrap();
    let _ = Command::new("git").arg("init").arg("-q").arg(&dir).output();
    dir
}

/// The `hedui check` lines of the README's workflow, as written.
fn workflow_commands() -> Vec<String> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("**GitHub Actions.**")
        .expect("the README documents a workflow");
    readme[start..]
        .lines()
        .take_while(|l| !l.starts_with("`tests/ci.rs`"))
        .filter_map(|l| l.trim().strip_prefix("- run: "))
        .filter(|c| c.starts_with("hedui "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_readme_workflow_runs_on_a_repository_of_drafts() {
    let dir = repo("workflow");
    let commands = workflow_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    // Upload SARIF: the command writes hedui.sarif and never fails the step.
    let o = sh(&dir, &commands[0]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("hedui.sarif")).unwrap()).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    // The planted 19.4% breaks two rules: the shares' sum and its own amount over the whole.
    let mut rules: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap_or(""))
        .collect();
    rules.sort_unstable();
    assert_eq!(
        rules,
        ["share-ratio", "share-sum"],
        "the trade draft's findings only: the archive is ignored, the .md one silenced"
    );
    assert!(text(&o.stderr).contains("skipped drafts/photo.txt"));
    // Annotations: the step fails on the error.
    let o = sh(&dir, &commands[1]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(
        out.lines()
            .all(|l| l.starts_with("::error file=drafts/trade.txt,")),
        "{out}"
    );
    assert!(
        out.contains("::error file=drafts/trade.txt,line=12,col=5"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn config_then_baseline_make_ci_fail_only_on_new_findings() {
    let dir = repo("baseline");
    std::fs::write(
        dir.join("hedui.json"),
        r#"{ "drafts": ["drafts"], "baseline": "hedui-baseline.json" }"#,
    )
    .unwrap();
    // No baseline file yet: a clear error.
    let o = sh(&dir, "hedui check --quiet");
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("hedui-baseline.json"));
    // Record today's findings: CI is green.
    let o = sh(&dir, "hedui check --write-baseline hedui-baseline.json");
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = sh(&dir, "hedui check --format concise");
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    // An edit elsewhere in the draft keeps the known finding known.
    let path = dir.join("drafts/trade.txt");
    let draft = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("编者按：本文有改动。\n\n{draft}")).unwrap();
    let o = sh(&dir, "hedui check --format concise");
    assert!(o.status.success(), "{}", text(&o.stdout));
    // A new error fails, and only it is reported.
    std::fs::write(
        dir.join("drafts/new.txt"),
        "全省进出口100亿元，其中，出口70亿元，进口50亿元。\n",
    )
    .unwrap();
    let o = sh(&dir, "hedui check --format concise");
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(
        out.contains("drafts/new.txt") && !out.contains("drafts/trade.txt"),
        "{out}"
    );
}

#[test]
fn an_unused_suppression_is_reported() {
    let dir = repo("unused");
    std::fs::write(
        dir.join("drafts/clean.md"),
        "<!-- hedui-ignore: share-sum -->\n出口5455亿元，进口4634.2亿元。\n",
    )
    .unwrap();
    let o = sh(&dir, "hedui check --format concise drafts/clean.md");
    assert!(o.status.success());
    assert!(
        text(&o.stdout).contains("unused-suppression"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn stdin_drafts_are_named_and_read_as_markdown_by_their_name() {
    let dir = repo("stdin");
    let o = sh(
        &dir,
        "printf '**出口**5355亿元。全省进出口10089.2亿元，其中，出口5355亿元；进口4634.2亿元。' \
         | hedui check - --stdin-filename desk/today.md --format concise",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stdout).starts_with("desk/today.md:1:"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = repo("stats");
    let o = sh(&dir, "hedui check --quiet --statistics drafts");
    assert!(text(&o.stderr).contains("share-sum"), "{}", text(&o.stderr));
}
