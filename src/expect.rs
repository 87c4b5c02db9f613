//! Expected findings of a fixture, kept beside it in a sidecar file `NAME.expect`, one line a
//! finding: the rule id and the text of the figure it must label, as normalized.
//!
//! ```text
//! # rule  planted figure
//! share-sum 19.4%
//! ```
//!
//! A sidecar keeps the draft exactly as an editor would write it (no markers inside the text)
//! while the expectation stays next to it. Every expected finding must be found, and the
//! fixture must raise no error finding that is not expected.

use crate::finding::{Finding, Severity};
use crate::text::normalize;

/// One expected finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub rule: String,
    /// The figure the finding must label, as normalized (`19.4%`, `2318.7亿元`).
    pub figure: String,
    /// 1-based line of the sidecar, for messages.
    pub line: usize,
}

/// Reads a sidecar; blank lines and `#` comments are skipped.
pub fn parse(text: &str) -> Result<Vec<Expected>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(char::is_whitespace) {
            Some((rule, figure)) if !figure.trim().is_empty() => out.push(Expected {
                rule: rule.to_string(),
                figure: normalize(figure.trim()),
                line: i + 1,
            }),
            _ => {
                return Err(format!(
                    "line {}: expected `RULE-ID FIGURE`, found `{line}`",
                    i + 1
                ))
            }
        }
    }
    Ok(out)
}

/// What differs between expectations and findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mismatch {
    /// Expected and not found.
    pub missing: Vec<Expected>,
    /// Errors found that no expectation names: (rule, labelled figures).
    pub unexpected: Vec<(String, Vec<String>)>,
}

impl Mismatch {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Compares the findings on a draft with its expectations.
pub fn compare(text: &str, findings: &[Finding], expected: &[Expected]) -> Mismatch {
    let labelled = |f: &Finding| -> Vec<String> {
        f.labels
            .iter()
            .map(|l| normalize(&text[l.span.clone()]))
            .collect()
    };
    let mut m = Mismatch::default();
    for e in expected {
        let hit = findings
            .iter()
            .any(|f| f.rule == e.rule && labelled(f).contains(&e.figure));
        if !hit {
            m.missing.push(e.clone());
        }
    }
    for f in findings.iter().filter(|f| f.severity == Severity::Error) {
        let labels = labelled(f);
        if !expected
            .iter()
            .any(|e| e.rule == f.rule && labels.contains(&e.figure))
        {
            m.unexpected.push((f.rule.clone(), labels));
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_lines_name_a_rule_and_a_figure() {
        let e = parse("# planted\nshare-sum 19.4％\n\npartition-sum 2318.7 亿元\n").unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].figure, "19.4%");
        assert_eq!(e[1].figure, "2318.7亿元");
        assert!(parse("share-sum\n").is_err());
    }
}
