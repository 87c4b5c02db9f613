//! hedui (核对) reads Chinese editorial drafts, finds every figure in them and checks the figures
//! against each other with declarative rules.
//!
//! The pipeline flows one way: [`source`] (bytes to text) → [`text`] (normalized copy, offset map,
//! structure) → [`extract`] (figures, facts, groups) → [`rules`] (declarative checks) →
//! [`finding`] (what failed, where) → [`report`] (human, JSON). Only the report layer knows about
//! output formats; only the binary knows about argv, files and exit codes.

pub mod extract;
pub mod finding;
pub mod interval;
pub mod number;
pub mod report;
pub mod rules;
pub mod source;
pub mod text;

pub use extract::{extract, Extraction, Fact};
pub use finding::{Finding, FindingLabel, Severity};
pub use rules::RuleSet;
pub use source::Source;

/// Checks a draft against a rule set; findings come in text order.
pub fn check(source: &Source, rules: &RuleSet) -> Vec<Finding> {
    let ex = extract(source);
    check_extraction(&ex, rules)
}

/// Checks an extraction already made (to extract once and check with several rule sets).
pub fn check_extraction(ex: &Extraction, rules: &RuleSet) -> Vec<Finding> {
    let mut findings: Vec<Finding> = rules
        .rules
        .iter()
        .flat_map(|r| rules::check_rule(r, ex))
        .collect();
    findings.sort_by_key(|f| (f.labels.first().map_or(0, |l| l.span.start), f.rule.clone()));
    findings
}
