//! What the page and a CMS ask `hedui serve` for: a draft checked, as `hedui check --format
//! json` prints it, and (for the page) its text and every figure read.

use crate::report;
use crate::rules::RuleSet;
use crate::source::Source;
use crate::suppress::apply_markers;
use serde_json::{json, Value};

/// A draft from the bytes of a file named `name`: a Word file by its extension, else text
/// (UTF-8 or UTF-16, Markdown by extension), as `hedui check` reads files.
pub fn source_of(name: &str, bytes: &[u8]) -> Result<Source, String> {
    if crate::docx::is_docx(name) {
        return crate::docx::read(name, bytes).map_err(|e| e.to_string());
    }
    Source::from_bytes(name, bytes)
        .map(Source::by_extension)
        .map_err(|e| e.to_string())
}

/// The document `hedui check --format json` prints for this one draft.
pub fn check_document(source: &Source, rules: &RuleSet) -> Value {
    let (found, coverage) = crate::check_with_coverage(source, rules);
    let findings = apply_markers(&source.text, found);
    let all: Vec<&crate::Finding> = findings.iter().collect();
    report::json::document(vec![report::json::file(source, &findings)], &all, coverage)
}

/// `POST /api/check` with `{"text": …, "name": …}`: the check document, or why not.
pub fn check_request(body: &[u8], rules: &RuleSet) -> Result<Value, String> {
    let request: Value =
        serde_json::from_slice(body).map_err(|e| format!("the body is not JSON: {e}"))?;
    let text = request["text"]
        .as_str()
        .ok_or("the body needs a string \"text\"")?;
    let name = request["name"].as_str().unwrap_or("draft.txt");
    if crate::docx::is_docx(name) {
        return Err("a .docx is sent as its bytes to POST /api/file?name=NAME".into());
    }
    let source = Source::new(name, text).by_extension();
    Ok(check_document(&source, rules))
}

/// For the page: the draft's text as hedui read it (a Word file's paragraphs), the check
/// document, and every figure with its kind, interval and identity (`hedui extract`'s JSON).
pub fn inspect(source: &Source, rules: &RuleSet) -> Value {
    let extraction = crate::extract(source);
    json!({
        "name": source.name,
        "text": source.text,
        "offset": source.offset,
        "docx": source.docx,
        "check": check_document(source, rules),
        "figures": report::extract::file_json(source, &extraction, false)["figures"],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_request_is_the_check_document() {
        let rules = RuleSet::default_set();
        let body = json!({"text": "出口5455亿元。", "name": "a.md"}).to_string();
        let doc = check_request(body.as_bytes(), &rules).unwrap();
        assert_eq!(doc["files"][0]["path"], "a.md");
        assert_eq!(doc["summary"]["errors"], 0);
        assert!(check_request(b"{}", &rules).is_err());
        assert!(check_request(b"not json", &rules).is_err());
    }

    #[test]
    fn inspect_lists_figures_of_a_word_draft() {
        let docx = crate::docx::build(&["出口5455亿元，增长0.6%。"]);
        let source = source_of("a.docx", &docx).unwrap();
        let page = inspect(&source, &RuleSet::default_set());
        assert_eq!(page["docx"], true);
        assert_eq!(page["figures"][0]["text"], "5455亿元");
        assert_eq!(page["figures"][0]["kind"], "amount");
    }
}
