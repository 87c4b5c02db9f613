//! hedui (核对) reads Chinese editorial drafts, finds every figure in them and checks the figures
//! against each other with declarative rules.
//!
//! The pipeline flows one way: [`source`] (bytes to text) → [`text`] (normalized copy, offset map,
//! structure) → [`extract`] (figures, facts, groups) → [`rules`] (declarative checks) →
//! [`finding`] (what failed, where) → [`report`] (human, JSON). Only the report layer knows about
//! output formats; only the binary knows about argv, files and exit codes.

pub mod concepts;
pub mod datafiles;
pub mod docx;
pub mod expect;
pub mod extract;
pub mod finding;
pub mod interval;
pub mod lexicon;
pub mod limits;
pub mod lsp;
pub mod markdown;
pub mod number;
pub mod report;
pub mod rules;
pub mod ruletest;
pub mod serve;
pub mod snippet;
pub mod source;
pub mod suppress;
pub mod text;

pub use extract::{extract, Extraction, Fact};
pub use finding::{Finding, FindingLabel, Fix, Severity};
pub use rules::RuleSet;
pub use source::Source;

/// Checks a draft against a rule set; findings come in text order.
///
/// ```
/// use hedui::{check, RuleSet, Source};
///
/// let draft = Source::new(
///     "draft.txt",
///     "民营企业进出口5700.2亿元，占同期全省外贸总值的56.5%。\
///      同期，国有企业进出口2733.7亿元，占27.1%；外商投资企业进出口1654.1亿元，占19.4%。",
/// );
/// let findings = check(&draft, &RuleSet::default_set());
/// assert_eq!(findings.len(), 1);
/// assert_eq!(findings[0].rule, "share-sum");
/// assert!(findings[0].help.starts_with("56.5 + 27.1 + 19.4 = 103.0%"));
/// // Every label is a byte range of the original text.
/// assert_eq!(&draft.text[findings[0].labels[2].span.clone()], "19.4%");
/// ```
pub fn check(source: &Source, rules: &RuleSet) -> Vec<Finding> {
    check_with_coverage(source, rules).0
}

/// Checks an extraction already made (to extract once and check with several rule sets).
pub fn check_extraction(ex: &Extraction, rules: &RuleSet) -> Vec<Finding> {
    check_extraction_with_coverage(ex, rules).0
}

/// How much of a draft the rules could check: a checker that says what it could not check is
/// one users can trust.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Figures that state a measure (not dates, not classifiers such as `65岁及以上`).
    pub figures: usize,
    /// Of those, the figures some rule's relation with another figure was evaluated on,
    /// holding or not. The rest were not assessable: hedui knew no relation of theirs it
    /// could prove or disprove (a bound on one figure alone, such as a share within 100%,
    /// does not count).
    pub checked: usize,
}

impl std::ops::AddAssign for Coverage {
    fn add_assign(&mut self, other: Coverage) {
        self.figures += other.figures;
        self.checked += other.checked;
    }
}

/// Checks a draft and says how many of its figures the rules could check.
///
/// The draft is read and checked one article at a time (see [`extract::articles`]): only the
/// text and one article's facts are held at once.
pub fn check_with_coverage(source: &Source, rules: &RuleSet) -> (Vec<Finding>, Coverage) {
    let mut findings = Vec::new();
    let mut coverage = Coverage::default();
    for article in extract::articles(source) {
        let (found, c) = check_extraction_with_coverage(&article, rules);
        findings.extend(found);
        coverage += c;
    }
    sort_findings(&mut findings);
    (findings, coverage)
}

/// Text order: by the first label's start, then by rule. The sort is stable, so findings of
/// one place and rule keep the order the rules gave them.
fn sort_findings(findings: &mut [Finding]) {
    fn key(f: &Finding) -> (usize, &str) {
        (f.labels.first().map_or(0, |l| l.span.start), &f.rule)
    }
    findings.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// [`check_extraction`], with the [`Coverage`] of the draft.
pub fn check_extraction_with_coverage(
    ex: &Extraction,
    rules: &RuleSet,
) -> (Vec<Finding>, Coverage) {
    let mut checked = vec![false; ex.facts.len()];
    let mut findings: Vec<Finding> = rules::check_rules_marking(&rules.rules, ex, &mut checked);
    sort_findings(&mut findings);
    let measures = || {
        ex.facts
            .iter()
            .zip(&checked)
            .filter(|(f, _)| f.is_measure())
    };
    let coverage = Coverage {
        figures: measures().count(),
        checked: measures().filter(|(_, c)| **c).count(),
    };
    (findings, coverage)
}
