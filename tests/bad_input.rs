//! What hedui does with bad input (docs/bad-input.md): each limit says so instead of staying
//! silent, and `check` and `extract` agree on the exit code.

use std::path::{Path, PathBuf};
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

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hedui-bad-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn planted() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/planted-share-sum.txt"),
    )
    .unwrap()
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

#[test]
fn utf16_drafts_are_read_with_or_without_a_bom_and_both_commands_agree() {
    let dir = scratch("utf16");
    for bom in [true, false] {
        let path = dir.join(format!("draft-{bom}.txt"));
        std::fs::write(&path, utf16le(&planted(), bom)).unwrap();
        let path = path.to_str().unwrap();
        let check = hedui(&["check", path]);
        assert_eq!(code(&check), 1, "bom {bom}: {}{}", out(&check), err(&check));
        assert!(out(&check).contains("share-sum"), "{}", out(&check));
        assert!(
            err(&check).contains("is UTF-16LE; read as such"),
            "{}",
            err(&check)
        );
        let extract = hedui(&["extract", path]);
        assert_eq!(code(&extract), 0, "{}", err(&extract));
        assert!(out(&extract).contains("56.5"), "{}", out(&extract));
    }
}

#[test]
fn a_binary_file_is_exit_two_for_check_and_extract_alike() {
    let dir = scratch("binary");
    let path = dir.join("a.txt");
    std::fs::write(&path, b"\x00\x01\x02\x03\xff\xfe\x00\x00\x10").unwrap();
    let path = path.to_str().unwrap();
    let (check, extract) = (hedui(&["check", path]), hedui(&["extract", path]));
    assert!(err(&check).contains("a binary file"), "{}", err(&check));
    assert_eq!(code(&check), 2);
    assert_eq!(code(&extract), code(&check), "{}", err(&extract));
}

#[test]
fn a_draft_over_4_gib_is_refused_before_it_is_read() {
    let dir = scratch("huge");
    let path = dir.join("archive.txt");
    // A sparse file: 5 GiB long, no disk and no memory used, and never read.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(5 << 30).unwrap();
    let path = path.to_str().unwrap();
    for command in ["check", "extract"] {
        let o = hedui(&[command, path]);
        assert_eq!(code(&o), 2, "{command}: {}", err(&o));
        assert!(
            err(&o).contains("5368709120 bytes"),
            "{command}: {}",
            err(&o)
        );
        assert!(err(&o).contains("split it"), "{command}: {}", err(&o));
    }
    std::fs::remove_file(path).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symlinked_draft_in_a_folder_is_skipped_with_a_note() {
    let dir = scratch("symlink");
    std::fs::write(dir.join("real.txt"), planted()).unwrap();
    std::os::unix::fs::symlink(dir.join("real.txt"), dir.join("link.txt")).unwrap();
    let o = hedui(&["check", "--format", "concise", dir.to_str().unwrap()]);
    assert!(err(&o).contains("link.txt: a symbolic link"), "{}", err(&o));
    assert!(out(&o).contains("real.txt"), "{}", out(&o));
}

#[test]
fn a_number_of_16_digits_is_named_not_dropped_silently() {
    let dir = scratch("long-number");
    let path = dir.join("a.txt");
    std::fs::write(&path, "第一行\n合同编号1234567890123456，金额5455亿元。\n").unwrap();
    for command in ["check", "extract"] {
        let o = hedui(&[command, path.to_str().unwrap()]);
        assert_eq!(code(&o), 0, "{}", err(&o));
        let e = err(&o);
        assert!(
            e.contains("a.txt:2:5: `1234567890123456` is not read as a figure"),
            "{e}"
        );
        assert!(e.contains("at most 15 integer digits"), "{e}");
    }
}

#[test]
fn a_rule_that_divides_by_a_figure_that_may_be_zero_says_it_was_not_checked() {
    let dir = scratch("div-zero");
    let rule = r#"{
  "id": "growth-ratio",
  "family": "test",
  "severity": "error",
  "summary": "s",
  "doc": "d",
  "scope": ["sentence"],
  "bind": {
    "amount": { "kind": ["amount"] },
    "rate": { "kind": ["growth"] }
  },
  "assert": "amount / rate >= 0",
  "message": "m",
  "help": "h",
  "examples": {}
}"#;
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(dir.join("rules/growth-ratio.json"), rule).unwrap();
    std::fs::write(dir.join("a.txt"), "全市进出口3586.4亿元，同比增长0.0%。\n").unwrap();
    let o = hedui(&[
        "check",
        "--no-default-rules",
        "--rules",
        dir.join("rules").to_str().unwrap(),
        "--format",
        "concise",
        dir.join("a.txt").to_str().unwrap(),
    ]);
    let text = out(&o);
    assert!(
        text.contains("warning[growth-ratio] not checked: `amount / rate >= 0` divides by 0.0, which may be zero"),
        "{text}{}",
        err(&o)
    );
    assert_eq!(code(&o), 0);
}
