//! `hedui lsp` driven as an editor drives it: initialize, open a draft, receive its
//! diagnostics, ask for a hover and for code actions, change the draft, shut down.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hedui"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            stdin,
            stdout,
            next: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "server closed"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result, skipping notifications in between.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.receive();
            if m["id"] == json!(id) {
                assert!(m.get("error").is_none(), "{m}");
                return m["result"].clone();
            }
        }
    }

    /// The next diagnostics published.
    fn diagnostics(&mut self) -> Value {
        loop {
            let m = self.receive();
            if m["method"] == "textDocument/publishDiagnostics" {
                return m["params"].clone();
            }
        }
    }
}

const URI: &str = "file:///tmp/drafts/trade.txt";

/// A draft of my own: the exports and imports do not add up to the total.
const DRAFT: &str = "今年前三季度，全市进出口3586.4亿元，同比增长5.0%。\n\
                     其中，出口2318.7亿元，增长7.9%；进口1367.7亿元，增长0.6%。\n";

#[test]
fn an_editor_gets_diagnostics_hovers_and_fixes() {
    let mut client = Client::start();
    let init = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    assert_eq!(init["capabilities"]["codeActionProvider"], true);
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "plaintext", "version": 1, "text": DRAFT}}),
    );

    let published = client.diagnostics();
    assert_eq!(published["uri"], URI);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    let sum = diagnostics
        .iter()
        .find(|d| d["code"] == "partition-sum")
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    assert_eq!(sum["severity"], 1);
    assert_eq!(sum["source"], "hedui");
    // On the total, 3586.4亿元: line 0, after 12 characters (UTF-16 units).
    assert_eq!(sum["range"]["start"], json!({"line": 0, "character": 12}));
    let related = sum["relatedInformation"].as_array().unwrap();
    assert!(related
        .iter()
        .any(|r| r["message"] == "part: 出口 2318.7亿元"
            && r["location"]["range"]["start"] == json!({"line": 1, "character": 5})));

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 7}}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("2318.7亿元"), "{shown}");
    assert!(
        shown.contains("interval: [231865000000, 231875000000] 元"),
        "{shown}"
    );
    assert!(shown.contains("label: "), "{shown}");

    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": sum["range"],
            "context": {"diagnostics": [sum]},
        }),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Change 3586.4亿元 to 3686.4亿元 (partition-sum)"),
        "{titles:#?}"
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Change 3586.4亿元 to 3686.4亿元 (partition-sum)")
        .unwrap();
    let edit = &fix["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "3686.4亿元");
    assert_eq!(edit["range"]["start"], json!({"line": 0, "character": 12}));

    // The editor applies the fix: the diagnostic goes.
    let fixed = DRAFT.replace("3586.4", "3686.4");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let published = client.diagnostics();
    assert!(!published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "partition-sum"));

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}
