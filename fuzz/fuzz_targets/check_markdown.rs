//! A Markdown draft: markup blanked byte for byte, then checked and rendered.
#![no_main]

use hedui::report;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static RULES: OnceLock<hedui::RuleSet> = OnceLock::new();

fuzz_target!(|text: &str| {
    let source = hedui::Source::new("fuzz.md", text).markdown();
    assert_eq!(source.prose().len(), text.len());
    let rules = RULES.get_or_init(hedui::RuleSet::default_set);
    let findings = hedui::check(&source, rules);
    let _ = report::human::render(&source, &findings, report::human::Style::plain());
});
