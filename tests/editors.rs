//! What editors and linter users meet: Word drafts, the local server, and the command-line
//! extras (output file, colour, exit code, completions, man page, `init`, structured fixes).

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hedui-editors-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const PLANTED: &str = "fixtures/planted-partition-sum.txt";

/// Paragraphs of my own: the exports and imports do not add up to the total.
const TRADE: [&str; 3] = [
    "前三季度外贸",
    "今年前三季度，全市进出口3586.4亿元，同比增长5.0%。",
    "其中，出口2318.7亿元，增长7.9%；进口1367.7亿元，增长0.6%。",
];

fn write_docx(dir: &Path, name: &str, paragraphs: &[&str]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, hedui::docx::build(paragraphs)).unwrap();
    path.display().to_string()
}

#[test]
fn output_file_takes_the_report_and_exit_zero_the_exit_code() {
    let dir = scratch("output");
    let file = dir.join("report.json");
    let o = hedui(&[
        "check",
        PLANTED,
        "--format",
        "json",
        "--output-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert!(doc["summary"]["errors"].as_u64().unwrap() > 0);

    let o = hedui(&["check", PLANTED, "--exit-zero"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("partition-sum"));
    // A missing draft is still hedui failing.
    assert_eq!(
        code(&hedui(&["check", "no-such-draft.txt", "--exit-zero"])),
        2
    );
}

#[test]
fn color_is_chosen_by_flag() {
    let always = hedui(&["--color", "always", "check", PLANTED]);
    assert!(stdout(&always).contains("\u{1b}["));
    let never = hedui(&["check", PLANTED, "--color", "never"]);
    assert!(!stdout(&never).contains("\u{1b}["));
    // A pipe is not a terminal: auto is plain.
    assert!(!stdout(&hedui(&["check", PLANTED])).contains("\u{1b}["));
}

#[test]
fn completions_and_man_page_are_generated() {
    let bash = hedui(&["completions", "bash"]);
    assert_eq!(code(&bash), 0);
    assert!(stdout(&bash).contains("--output-file"));
    assert!(stdout(&hedui(&["completions", "zsh"])).starts_with("#compdef hedui"));
    assert!(stdout(&hedui(&["completions", "fish"])).contains("complete -c hedui"));
    let man = stdout(&hedui(&["man"]));
    assert!(man.contains(".TH hedui"), "{}", &man[..200.min(man.len())]);
    assert_eq!(code(&hedui(&["completions", "tcsh"])), 2);
}

#[test]
fn init_writes_a_config_that_check_reads() {
    let dir = scratch("init");
    let path = dir.join("hedui.json");
    let o = hedui(&["init", path.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"$comment\""));
    std::fs::write(dir.join("a.txt"), TRADE.join("\n")).unwrap();
    // The file's `drafts: ["."]` is what `check` with no path checks.
    let o = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .arg("check")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("a.txt"));
    // It does not overwrite, unless told to.
    let again = hedui(&["init", path.to_str().unwrap()]);
    assert_eq!(code(&again), 2);
    assert!(stderr(&again).contains("already exists"));
    assert_eq!(
        code(&hedui(&["init", path.to_str().unwrap(), "--force"])),
        0
    );
}

#[test]
fn fixes_are_structured_in_json_and_sarif() {
    let json: Value =
        serde_json::from_str(&stdout(&hedui(&["check", PLANTED, "--format", "json"]))).unwrap();
    let finding = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "partition-sum")
        .unwrap();
    let fixes = finding["fixes"].as_array().unwrap();
    assert!(fixes
        .iter()
        .any(|f| f["text"] == "3586.4亿元" && f["replacement"] == "3686.4亿元"));
    // A figure broken over lines keeps its layout; only the number changes.
    assert!(fixes
        .iter()
        .any(|f| f["text"] == "1367.7\n\n亿元" && f["replacement"] == "1267.7\n\n亿元"));

    let sarif: Value =
        serde_json::from_str(&stdout(&hedui(&["check", PLANTED, "--format", "sarif"]))).unwrap();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "partition-sum")
        .unwrap();
    let change = &result["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], PLANTED);
    let replacement = &change["replacements"][0];
    assert_eq!(
        replacement["deletedRegion"]["snippet"]["text"],
        "3586.4亿元"
    );
    assert_eq!(replacement["insertedContent"]["text"], "3686.4亿元");
}

#[test]
fn word_drafts_report_paragraph_and_offset_in_every_format() {
    let dir = scratch("docx");
    let path = write_docx(&dir, "稿件.docx", &TRADE);
    let human = hedui(&["check", &path]);
    assert_eq!(code(&human), 1, "{}", stderr(&human));
    let out = stdout(&human);
    assert!(out.contains("paragraph 2, offset 12: 3586.4亿元"), "{out}");
    assert!(out.contains("paragraph 3, offset 5: 2318.7亿元"), "{out}");

    let json: Value =
        serde_json::from_str(&stdout(&hedui(&["check", &path, "--format", "json"]))).unwrap();
    let label = &json["files"][0]["findings"][0]["labels"][0];
    assert_eq!(
        (label["paragraph"].as_u64(), label["offset"].as_u64()),
        (Some(2), Some(12))
    );
    assert_eq!(label["text"], "3586.4亿元");

    let sarif: Value =
        serde_json::from_str(&stdout(&hedui(&["check", &path, "--format", "sarif"]))).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["properties"]["paragraph"], 2);
    assert_eq!(region["properties"]["offset"], 12);
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(2), Some(13))
    );
    assert!(region.get("byteOffset").is_none());

    // Folders are searched for Word drafts too.
    assert_eq!(code(&hedui(&["check", dir.to_str().unwrap()])), 1);
}

#[test]
fn tracked_changes_are_read_as_printed() {
    let dir = scratch("tracked");
    // The total was corrected with track changes on: the deleted wrong figure is not read.
    let corrected = "<w:p><w:r><w:t>今年前三季度，全市进出口</w:t></w:r>\
        <w:del w:id=\"1\" w:author=\"编辑\"><w:r><w:delText>3586.4</w:delText></w:r></w:del>\
        <w:ins w:id=\"2\" w:author=\"编辑\"><w:r><w:t>3686.4</w:t></w:r></w:ins>\
        <w:r><w:t>亿元，同比增长5.0%。</w:t></w:r></w:p>";
    let path = write_docx(&dir, "a.docx", &[TRADE[0], corrected, TRADE[2]]);
    let o = hedui(&["check", &path, "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules: Vec<&str> = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"partition-sum"), "{rules:?}");
    // The other way round, the insertion is the wrong figure and is read.
    let wrong = corrected
        .replace("3686.4", "X")
        .replace("3586.4", "3686.4")
        .replace('X', "3586.4");
    let path = write_docx(&dir, "b.docx", &[TRADE[0], &wrong, TRADE[2]]);
    assert_eq!(code(&hedui(&["check", &path])), 1);
}

#[test]
fn a_damaged_word_draft_is_exit_2_with_a_clear_message() {
    let dir = scratch("damaged");
    let mut bytes = hedui::docx::build(&TRADE);
    bytes.truncate(bytes.len() - 30);
    let path = dir.join("broken.docx");
    std::fs::write(&path, &bytes).unwrap();
    let o = hedui(&["check", path.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("is not a readable Word document"), "{err}");
    assert!(err.contains("save it again as .docx"), "{err}");
    let text = dir.join("text.docx");
    std::fs::write(&text, "出口5455亿元。").unwrap();
    assert_eq!(code(&hedui(&["check", text.to_str().unwrap()])), 2);
}

/// `hedui serve --port 0`: its address, from the first line it prints.
fn serve() -> (std::process::Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (child, address)
}

/// One HTTP request; the status and the body.
fn http(address: &str, method: &str, path: &str, body: &[u8]) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    stream.write_all(body).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8(response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, body.to_string())
}

#[test]
fn serve_answers_what_check_prints() {
    let (mut child, address) = serve();
    let text = std::fs::read_to_string(PLANTED).unwrap();
    let request = serde_json::json!({"text": text, "name": "planted.txt"}).to_string();
    let (status, body) = http(&address, "POST", "/api/check", request.as_bytes());
    assert_eq!(status, 200, "{body}");
    let served: Value = serde_json::from_str(&body).unwrap();

    let mut check = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args([
            "check",
            "-",
            "--stdin-filename",
            "planted.txt",
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    check
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let printed: Value = serde_json::from_slice(&check.wait_with_output().unwrap().stdout).unwrap();
    assert_eq!(served, printed);

    let (status, page) = http(&address, "GET", "/", b"");
    assert_eq!(status, 200);
    assert!(page.contains("<script src=\"/page.js\">"));
    let (status, _) = http(&address, "GET", "/page.js", b"");
    assert_eq!(status, 200);

    let docx = hedui::docx::build(&TRADE);
    let (status, body) = http(&address, "POST", "/api/inspect?name=a.docx", &docx);
    assert_eq!(status, 200, "{body}");
    let page: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["docx"], true);
    assert!(page["figures"].as_array().unwrap().len() >= 6);
    assert_eq!(
        page["check"]["files"][0]["findings"][0]["labels"][0]["paragraph"],
        2
    );

    let (status, body) = http(&address, "POST", "/api/check", b"{\"name\": 1}");
    assert_eq!(status, 400, "{body}");
    assert_eq!(http(&address, "GET", "/nothing", b"").0, 404);
    child.kill().unwrap();
    let _ = child.wait();
}
