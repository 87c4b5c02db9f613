//! Findings as a SARIF 2.1.0 log, for code-scanning dashboards (GitHub code scanning, IDE
//! SARIF viewers) that track findings across commits.
//!
//! One run for all the drafts checked. `tool.driver.rules` describes every rule of the rule
//! set (summary, doc, relation, default level), and each finding is one result that points at
//! its first label in text order. Its other labels are `relatedLocations`, each with its note.
//! Regions give 1-based lines and columns in Unicode code points (`columnKind`
//! `unicodeCodePoints`), with `endColumn` the column after the last character, and also
//! `byteOffset`/`byteLength` in the file as read, BOM included, as in the JSON report. The
//! snippet is the labelled text with its layout damage. In a Word draft (`.docx`) a line is a
//! paragraph of `word/document.xml`; its regions have no byte offsets (the file is a zip) but
//! `properties.paragraph` and `properties.offset` (characters before the span in it).
//!
//! `partialFingerprints["hedui/v1"]` is the fingerprint baselines use
//! ([`crate::suppress::fingerprint`]): the rule id and the labelled figures as normalized text,
//! so it depends neither on where the figures are nor on how the lines wrap. The number after the colon counts findings with that hash in the same
//! draft (`…:1`, `…:2`), so one finding repeated in two articles of one file keeps two alerts.

use super::position::LineIndex;
use crate::finding::{Finding, FindingLabel, Fix, Severity};
use crate::rules::{Rule, RuleSet};
use crate::source::Source;
use crate::suppress::UNUSED_SUPPRESSION;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where hedui's documentation lives: the rules of the default set are its files under
/// `rules/`, and the findings hedui makes itself are described in its README. A build may
/// point it elsewhere with `HEDUI_DOCS_URL` (a URL ending in `/`).
const DOCS_URL: &str = match option_env!("HEDUI_DOCS_URL") {
    Some(url) => url,
    None => "https://github.com/hedui/hedui/blob/main/",
};

/// The SARIF log of a check: every draft with its findings, and the rules that ran.
pub fn document(results: &[(Source, Vec<Finding>)], rules: &RuleSet) -> Value {
    let mut descriptors: Vec<Value> = rules.rules.iter().map(descriptor).collect();
    let mut ids: Vec<&str> = rules.rules.iter().map(|r| r.spec.id.as_str()).collect();
    // hedui's own finding gets a rule entry too, so its results can name their rule.
    let suppressions = results
        .iter()
        .any(|(_, fs)| fs.iter().any(|f| f.rule == UNUSED_SUPPRESSION));
    if suppressions && !ids.contains(&UNUSED_SUPPRESSION) {
        ids.push(UNUSED_SUPPRESSION);
        descriptors.push(unused_suppression_descriptor());
    }
    let mut sarif_results = Vec::new();
    for (source, findings) in results {
        let lines = LineIndex::new(&source.text);
        let uri = uri(&source.name);
        let mut occurrences: HashMap<String, usize> = HashMap::new();
        for finding in findings {
            let mut labels: Vec<&FindingLabel> = finding.labels.iter().collect();
            labels.sort_by_key(|l| (l.span.start, l.span.end));
            // The same fingerprint as baselines use, so both recognise a finding alike.
            let hash = crate::suppress::fingerprint(&source.text, finding);
            let n = occurrences.entry(hash.clone()).or_insert(0);
            *n += 1;
            let mut text = finding.message.clone();
            if !finding.help.is_empty() {
                text.push('\n');
                text.push_str(&finding.help);
            }
            let mut result = Map::new();
            result.insert("ruleId".into(), json!(finding.rule));
            if let Some(index) = ids.iter().position(|id| *id == finding.rule) {
                result.insert("ruleIndex".into(), json!(index));
            }
            result.insert("level".into(), json!(level(finding.severity)));
            result.insert("message".into(), json!({ "text": text }));
            let location = |label: &FindingLabel, id: Option<usize>| {
                let mut loc = json!({
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(source, &lines, label),
                    },
                    "message": { "text": label.note },
                });
                if let Some(id) = id {
                    loc["id"] = json!(id);
                }
                loc
            };
            if let Some((first, rest)) = labels.split_first() {
                result.insert("locations".into(), json!([location(first, None)]));
                if !rest.is_empty() {
                    let related: Vec<Value> = rest
                        .iter()
                        .enumerate()
                        .map(|(i, l)| location(l, Some(i + 1)))
                        .collect();
                    result.insert("relatedLocations".into(), json!(related));
                }
            }
            if !finding.fixes.is_empty() {
                let fixes: Vec<Value> = finding
                    .fixes
                    .iter()
                    .filter_map(|x| fix(source, &lines, &uri, x))
                    .collect();
                if !fixes.is_empty() {
                    result.insert("fixes".into(), json!(fixes));
                }
            }
            result.insert(
                "partialFingerprints".into(),
                json!({ "hedui/v1": format!("{hash}:{n}") }),
            );
            sarif_results.push(Value::Object(result));
        }
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "hedui",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A rule as a SARIF `reportingDescriptor`.
fn descriptor(rule: &Rule) -> Value {
    let spec = &rule.spec;
    json!({
        "id": spec.id,
        "name": upper_camel(&spec.id),
        "shortDescription": { "text": spec.summary },
        "fullDescription": { "text": spec.doc },
        "help": { "text": format!("{}\n\nRelation: {}", spec.doc, spec.assertion) },
        "defaultConfiguration": { "level": level(spec.severity) },
        "helpUri": help_uri(rule),
    })
}

/// Where a rule's documentation is: a default rule's file in hedui's repository, a newsroom
/// rule's own file on this machine.
fn help_uri(rule: &Rule) -> String {
    match rule.origin.strip_prefix("(default) ") {
        Some(file) => format!("{DOCS_URL}rules/{file}"),
        None => match std::fs::canonicalize(&rule.origin) {
            Ok(path) => format!("file://{}", uri(&path.display().to_string())),
            Err(_) => format!("{DOCS_URL}README.md#writing-rules"),
        },
    }
}

/// The rule entry of `unused-suppression`.
fn unused_suppression_descriptor() -> Value {
    let doc = "An inline `hedui-ignore: RULE` marker that silences no finding. Either the \
               finding it was written for is gone, or the rule id is misspelt. Remove the marker \
               so that stale markers do not pile up.";
    json!({
        "id": UNUSED_SUPPRESSION,
        "name": upper_camel(UNUSED_SUPPRESSION),
        "shortDescription": { "text": "an inline hedui-ignore marker silences nothing" },
        "fullDescription": { "text": doc },
        "help": { "text": doc },
        "defaultConfiguration": { "level": "warning" },
        "helpUri": format!("{DOCS_URL}README.md#in-a-newsrooms-ci"),
    })
}

/// `share-sum` → `ShareSum`.
fn upper_camel(id: &str) -> String {
    id.split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// A likely-culprit correction as a SARIF `fix`: one replacement of the figure's region.
fn fix(source: &Source, lines: &LineIndex, uri: &str, x: &Fix) -> Option<Value> {
    let replacement = x.replacement(&source.text)?;
    let mut description = format!("{} → {replacement}", &source.text[x.span.clone()]);
    if let Some(open) = x.open {
        description.push_str(&format!(" ({open})"));
    }
    if let Some(slip) = &x.slip {
        description.push_str(&format!("; {slip} is one slip of the pen away"));
    }
    Some(json!({
        "description": { "text": description },
        "artifactChanges": [{
            "artifactLocation": { "uri": uri },
            "replacements": [{
                "deletedRegion": span_region(source, lines, &x.span),
                "insertedContent": { "text": replacement },
            }],
        }],
    }))
}

/// A label's span as a SARIF region.
fn region(source: &Source, lines: &LineIndex, label: &FindingLabel) -> Value {
    span_region(source, lines, &label.span)
}

/// A byte span as a SARIF region.
fn span_region(source: &Source, lines: &LineIndex, span: &std::ops::Range<usize>) -> Value {
    let (start_line, start_column) = lines.line_col(span.start);
    let (end_line, end_column) = lines.line_col(span.end);
    let mut region = json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "snippet": { "text": &source.text[span.clone()] },
    });
    if source.docx {
        // Lines are paragraphs; bytes of the zip file mean nothing here.
        let (paragraph, offset) = crate::docx::paragraph_offset(&source.text, span.start);
        region["properties"] = json!({ "paragraph": paragraph, "offset": offset });
    } else {
        region["byteOffset"] = json!(span.start + source.offset);
        region["byteLength"] = json!(span.len());
    }
    region
}

/// A draft's name as a relative URI reference: bytes other than letters, digits, `-._~` and
/// `/` are percent-encoded (a Windows `\` becomes `/`).
fn uri(name: &str) -> String {
    let name = if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.to_string()
    };
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
