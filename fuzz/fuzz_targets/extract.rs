//! Extraction: every figure of any text, without a panic, each span inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let source = hedui::Source::new("fuzz.txt", text);
    let ex = hedui::extract(&source);
    for fact in &ex.facts {
        let span = &fact.figure.span;
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
});
