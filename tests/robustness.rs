//! Drafts made of real fragments glued together with damage — stray spaces, line breaks,
//! full-width digits — never panic, and are checked and rendered in time linear in their
//! size (a generous bound per byte, to catch a blow-up, not to measure speed).

use hedui::report::{concise, human, json};
use hedui::{RuleSet, Source};
use proptest::prelude::*;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The texts of our fixtures and trap drafts, as lists of characters.
fn texts() -> &'static Vec<Vec<char>> {
    static TEXTS: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["fixtures", "tests/drafts"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
            files.sort();
            for f in files {
                if let Ok(t) = std::fs::read_to_string(f) {
                    out.push(t.chars().collect());
                }
            }
        }
        assert!(!out.is_empty(), "no fixtures to build drafts from");
        out
    })
}

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::default_set)
}

/// What is done to a fragment's characters.
#[derive(Clone, Copy, Debug)]
enum Damage {
    None,
    /// A space after every n-th character.
    Spaces(usize),
    /// A line break (sometimes a blank line) after every n-th character.
    Breaks(usize),
    /// Digits and `%` `.` in full-width forms.
    FullWidth,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        Just(Damage::None),
        (1usize..6).prop_map(Damage::Spaces),
        (1usize..12).prop_map(Damage::Breaks),
        Just(Damage::FullWidth),
    ]
}

fn full_width(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
        '%' => '％',
        '.' => '．',
        _ => c,
    }
}

/// One fragment: a stretch of one text, damaged.
fn fragment() -> impl Strategy<Value = String> {
    (
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        1usize..400,
        damage(),
    )
        .prop_map(|(which, at, len, damage)| {
            let texts = texts();
            let text = &texts[which.index(texts.len())];
            let start = at.index(text.len().max(1));
            let end = (start + len).min(text.len());
            let mut out = String::new();
            for (i, &c) in text[start..end].iter().enumerate() {
                match damage {
                    Damage::FullWidth => out.push(full_width(c)),
                    _ => out.push(c),
                }
                match damage {
                    Damage::Spaces(n) if i % n == 0 => out.push(' '),
                    Damage::Breaks(n) if i % n == 0 => {
                        out.push_str(if i % 3 == 0 { "\n\n" } else { "\n" })
                    }
                    _ => {}
                }
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn glued_damaged_fragments_never_panic_and_stay_linear(
        fragments in prop::collection::vec(fragment(), 1..8),
        markdown in any::<bool>(),
    ) {
        let draft = fragments.concat();
        let started = Instant::now();
        let source = Source::new(if markdown { "d.md" } else { "d.txt" }, draft.as_str())
            .by_extension();
        let findings = hedui::check(&source, rules());
        let _ = human::render(&source, &findings, human::Style::plain());
        let _ = concise::render(&source, &findings);
        let _ = json::file(&source, &findings);
        // A debug build on a shared 2-core machine: 2 ms per byte and 2 s of slack is far
        // beyond what a linear pass needs, and far below what a quadratic one takes.
        let bound = Duration::from_secs(2) + Duration::from_millis(2 * draft.len() as u64);
        prop_assert!(
            started.elapsed() < bound,
            "{} bytes took {:?}",
            draft.len(),
            started.elapsed()
        );
        for f in &findings {
            for l in &f.labels {
                prop_assert!(draft.get(l.span.clone()).is_some(), "label off the text: {:?}", l.span);
            }
        }
    }
}
