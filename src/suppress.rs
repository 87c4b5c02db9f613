//! Silencing findings an editor has checked by hand: inline markers and a baseline.
//!
//! **Inline.** `hedui-ignore: share-sum` (several ids: `hedui-ignore: share-sum, share-ratio`)
//! silences those rules for the findings that start on the marker's line or in the paragraph
//! right after it. In Markdown write it as an HTML comment, `<!-- hedui-ignore: share-sum -->`,
//! which readers never see; in a plain-text draft, on a line of its own. A marker that silences
//! nothing is itself reported, so stale markers do not pile up.
//!
//! **Baseline.** A file of fingerprints of known findings. A fingerprint is the rule id and the
//! figures the finding labels (as normalized text), not their positions, so it survives edits
//! elsewhere in the draft; CI then fails only on new findings.

use crate::finding::{Finding, FindingLabel, Severity};
use crate::text::normalize;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

const MARKER: &str = "hedui-ignore";

/// The id of the warning about a marker that silences nothing (no rule file has it).
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

/// One inline marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The marker's own span (for reporting it when unused).
    pub span: Range<usize>,
    pub rules: Vec<String>,
    /// The stretch of text it covers: its line and the paragraph after it.
    pub covers: Range<usize>,
}

/// The markers of a draft.
pub fn markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(MARKER) {
        let rest = &text[at + MARKER.len()..];
        let rest = rest.trim_start_matches([':', '：', ' ']);
        let line_end = rest.find('\n').map_or(rest.len(), |i| i);
        let ids: Vec<String> = rest[..line_end]
            .split(|c: char| c == ',' || c == '，' || c.is_whitespace())
            .map(|w| w.trim_end_matches("-->").trim())
            .filter(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .map(str::to_string)
            .collect();
        if ids.is_empty() {
            continue;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let after_line = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        // The paragraph after: up to the first blank line that follows some text.
        let mut end = after_line;
        let mut seen_text = false;
        for line in text[after_line..].split_inclusive('\n') {
            let blank = line.trim().is_empty();
            if blank && seen_text {
                break;
            }
            seen_text |= !blank;
            end += line.len();
        }
        let marker_end = text[at..]
            .find("-->")
            .map_or(at + MARKER.len(), |i| at + i + 3);
        out.push(Marker {
            span: at..marker_end.min(after_line.max(at + MARKER.len())),
            rules: ids,
            covers: line_start..end,
        });
    }
    out
}

/// Drops findings silenced by inline markers; reports markers that silenced nothing as
/// warnings (`unused-suppression`).
pub fn apply_markers(text: &str, findings: Vec<Finding>) -> Vec<Finding> {
    let marks = markers(text);
    if marks.is_empty() {
        return findings;
    }
    let mut used = vec![false; marks.len()];
    let mut kept = Vec::new();
    for f in findings {
        let start = f.labels.first().map_or(0, |l| l.span.start);
        let by = marks
            .iter()
            .position(|m| m.rules.contains(&f.rule) && m.covers.contains(&start));
        match by {
            Some(i) => used[i] = true,
            None => kept.push(f),
        }
    }
    for (m, used) in marks.iter().zip(used) {
        if !used {
            kept.push(Finding {
                rule: UNUSED_SUPPRESSION.into(),
                severity: Severity::Warning,
                message: format!("`{MARKER}: {}` silences nothing", m.rules.join(", ")),
                help: "the findings it silenced are gone: remove the marker".into(),
                labels: vec![FindingLabel {
                    span: m.span.clone(),
                    note: "this marker".into(),
                }],
                fixes: Vec::new(),
            });
        }
    }
    kept.sort_by_key(|f| (f.labels.first().map_or(0, |l| l.span.start), f.rule.clone()));
    kept
}

/// A finding's identity across edits: its rule and the figures it labels.
pub fn fingerprint(text: &str, f: &Finding) -> String {
    // FNV-1a, 64 bits: stable across runs and platforms, unlike the std hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(&f.rule);
    for l in &f.labels {
        feed(&normalize(text.get(l.span.clone()).unwrap_or("")));
    }
    format!("{h:016x}")
}

/// A baseline file: known findings, by path, rule and fingerprint.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct BaselineEntry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// For the person reading the file; not compared.
    #[serde(default)]
    pub message: String,
}

impl Baseline {
    /// The baseline of the given findings.
    pub fn of(results: &[(String, &str, &[Finding])]) -> Baseline {
        let mut findings = Vec::new();
        for (path, text, fs) in results {
            for f in fs.iter() {
                findings.push(BaselineEntry {
                    path: path.clone(),
                    rule: f.rule.clone(),
                    fingerprint: fingerprint(text, f),
                    message: f.message.clone(),
                });
            }
        }
        Baseline {
            version: Self::VERSION,
            findings,
        }
    }

    /// The only baseline format there is.
    pub const VERSION: u32 = 1;

    /// Reads a baseline file's text; an unknown `version` is an error, not an empty baseline.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if baseline.version != Self::VERSION {
            return Err(format!(
                "version {} is not one this hedui knows (it reads version {})",
                baseline.version,
                Self::VERSION
            ));
        }
        Ok(baseline)
    }

    /// Removes the findings the baseline knows, each entry matching at most one finding.
    /// Returns the stale entries: those of the checked drafts that matched nothing. Entries
    /// of drafts not checked this time are not stale.
    pub fn filter(&self, results: &mut [(String, String, Vec<Finding>)]) -> Vec<BaselineEntry> {
        let mut left: HashMap<(String, String, String), usize> = HashMap::new();
        for e in &self.findings {
            *left
                .entry((e.path.clone(), e.rule.clone(), e.fingerprint.clone()))
                .or_default() += 1;
        }
        for (path, text, findings) in results.iter_mut() {
            findings.retain(|f| {
                let key = (path.clone(), f.rule.clone(), fingerprint(text, f));
                match left.get_mut(&key) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                }
            });
        }
        let checked: HashSet<&str> = results.iter().map(|(p, _, _)| p.as_str()).collect();
        let mut stale = Vec::new();
        for e in &self.findings {
            if !checked.contains(e.path.as_str()) {
                continue;
            }
            let key = (e.path.clone(), e.rule.clone(), e.fingerprint.clone());
            if let Some(n) = left.get_mut(&key).filter(|n| **n > 0) {
                *n -= 1;
                stale.push(e.clone());
            }
        }
        stale
    }

    /// This baseline (of the drafts just checked) with the entries of `old` for drafts that
    /// were not checked, so that writing a baseline after a partial check keeps them.
    pub fn keeping(mut self, old: &Baseline, checked: &[&str]) -> Baseline {
        let kept: Vec<BaselineEntry> = old
            .findings
            .iter()
            .filter(|e| !checked.contains(&e.path.as_str()))
            .cloned()
            .collect();
        self.findings.extend(kept);
        self.findings.sort_by(|a, b| a.path.cmp(&b.path));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, span: Range<usize>) -> Finding {
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            message: "m".into(),
            help: "h".into(),
            labels: vec![FindingLabel {
                span,
                note: String::new(),
            }],
            fixes: Vec::new(),
        }
    }

    #[test]
    fn a_marker_covers_its_paragraph_only() {
        let text =
            "<!-- hedui-ignore: share-sum -->\n占56.5%，占27.1%，占19.4%。\n\n另一段占99%。\n";
        let m = markers(text);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].rules, vec!["share-sum"]);
        let first = text.find("56.5").unwrap();
        let second = text.find("99%").unwrap();
        let kept = apply_markers(
            text,
            vec![
                finding("share-sum", first..first + 4),
                finding("share-sum", second..second + 3),
            ],
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].labels[0].span.start, second);
    }

    #[test]
    fn an_unused_marker_is_reported() {
        let text = "hedui-ignore: share-ratio\n出口5455亿元。\n";
        let kept = apply_markers(text, vec![]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].rule, "unused-suppression");
    }

    #[test]
    fn fingerprints_survive_edits_elsewhere() {
        let a = "开头。出口5355亿元。";
        let b = "改过的开头，多了几个字。出口5355亿元。";
        let fa = finding(
            "partition-sum",
            a.find("5355").unwrap()..a.find("5355").unwrap() + 4,
        );
        let fb = finding(
            "partition-sum",
            b.find("5355").unwrap()..b.find("5355").unwrap() + 4,
        );
        assert_eq!(fingerprint(a, &fa), fingerprint(b, &fb));
    }
}
