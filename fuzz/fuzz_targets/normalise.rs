//! The normalized text and its offset map: built from any text without a panic, and every
//! character of the normalized text maps back to a range of the original.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let t = hedui::text::Text::new(text);
    let norm = t.as_str();
    for (i, c) in norm.char_indices() {
        // `original_range` takes a non-empty normalized range.
        let (start, end) = t.original_range(i, i + c.len_utf8());
        assert!(start <= end && end <= text.len(), "{i}: {start}..{end}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    }
});
