//! The offset map holds for any input: each figure's original slice normalizes back to the
//! figure's text, and spans are valid byte ranges on character boundaries.

use hedui::text::normalize;
use hedui::Source;
use proptest::prelude::*;

/// Pieces drafts are made of: digits, full-width forms, units, magnitudes, CJK words,
/// Traditional forms, punctuation and layout whitespace.
fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "1",
        "5",
        "0",
        ".",
        "12.3",
        "２",
        "６",
        "％",
        "%",
        "．",
        "亿",
        "万",
        "億",
        "萬",
        "元",
        "吨",
        "个",
        "年",
        "月",
        "日",
        "增长",
        "下降",
        "占",
        "佔",
        "的",
        "其中",
        "出口",
        "进口",
        "进出口",
        "，",
        "。",
        "；",
        "、",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "超过",
        "近",
        "约",
        "余",
        "多",
        "5G",
        "十",
        "两",
        "三",
        "个百分点",
        "倍",
        "至",
        "-",
        "—",
        "连续",
        "比重",
        "为",
        "“",
        "”",
        "(",
        ")",
        "本报北京",
        "电",
        "a",
        "Z",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_figure_maps_back_to_its_original_text(pieces in prop::collection::vec(piece(), 0..60)) {
        let text: String = pieces.concat();
        let source = Source::new("prop", text.clone());
        let ex = hedui::extract(&source);
        for fact in &ex.facts {
            let span = fact.figure.span.clone();
            prop_assert!(span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert_eq!(normalize(&text[span]), fact.figure.text.clone());
        }
    }

    #[test]
    fn checking_never_panics(pieces in prop::collection::vec(piece(), 0..80)) {
        let source = Source::new("prop", pieces.concat());
        let _ = hedui::check(&source, &hedui::RuleSet::default_set());
    }
}
