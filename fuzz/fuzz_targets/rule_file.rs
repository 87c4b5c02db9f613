//! A rule file: loaded or refused with a diagnostic, never a panic; the diagnostic renders.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match hedui::rules::Rule::parse("fuzz.json", text) {
        Ok(rule) => {
            let set = hedui::RuleSet { rules: vec![rule.clone()] };
            for example in rule.spec.examples.pass.iter().chain(&rule.spec.examples.fail) {
                let _ = hedui::check(&hedui::Source::new("e.txt", example.as_str()), &set);
            }
        }
        Err(e) => {
            let _ = hedui::report::human::render_diagnostic(
                e.as_ref(),
                hedui::report::human::Style::plain(),
            );
        }
    }
});
