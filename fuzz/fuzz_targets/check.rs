//! A plain-text draft checked with the default rules and every report rendered.
#![no_main]

use hedui::report;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static RULES: OnceLock<hedui::RuleSet> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let Ok(source) = hedui::Source::from_bytes("fuzz.txt", bytes) else {
        return;
    };
    let rules = RULES.get_or_init(hedui::RuleSet::default_set);
    let findings = hedui::suppress::apply_markers(&source.text, hedui::check(&source, rules));
    let _ = report::human::render(&source, &findings, report::human::Style::plain());
    let _ = report::concise::render(&source, &findings);
    let _ = report::json::file(&source, &findings);
});
