//! The noun phrase a figure measures, read from the clause text before it.
//!
//! Chinese statistical prose is head-final and puts the measure right before its number:
//! `福建省对共建“一带一路”国家进出口 10089.2亿元`, `其中，出口 5455亿元`. The label is that
//! stretch with the words around it peeled off: time phrases at the front (`2023年`, `全年`,
//! `同期`), verbs and adverbs at the back (`同比增长`, `达到`, `超过`), quotes and parenthetical
//! notes anywhere. A share's clause also names its whole: `占同期福建省外贸总值的51.1%` has the
//! base `福建省外贸总值`.

use crate::lexicon::{self, List};
use crate::text::words;

/// Removes quotes and parenthetical notes but keeps list commas: `“新三样”、锂电池（含储能）`
/// → `新三样、锂电池`.
pub fn strip_brackets(s: &str) -> String {
    strip(s, false)
}

/// Removes quotes, brackets and parenthetical notes: `“一带一路”` → `一带一路`,
/// `城镇化率(城镇人口占比)` → `城镇化率`.
pub fn strip_marks(s: &str) -> String {
    strip(s, true)
}

fn strip(s: &str, list_commas: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            '“' | '”' | '"' | '‘' | '’' | '「' | '」' | '《' | '》' | ' ' => {}
            '、' if list_commas => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn strip_leading(mut s: &str) -> &str {
    loop {
        let before = s;
        // A date printed at the front: `2023年`, `1-7月份`, `11月底`.
        let mut digits = s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '.');
        // `1至9月`: a span of months.
        if digits.len() < s.len() {
            if let Some(rest) = digits
                .strip_prefix('至')
                .or_else(|| digits.strip_prefix('到'))
            {
                let end = rest.trim_start_matches(|c: char| c.is_ascii_digit());
                if end.len() < rest.len() {
                    digits = end;
                }
            }
        }
        if digits.len() < s.len() {
            for unit in [
                "年末", "年底", "年", "月份", "月底", "月末", "月", "日", "季度",
            ] {
                if let Some(rest) = digits.strip_prefix(unit) {
                    s = rest;
                    break;
                }
            }
        }
        if let Some(w) = lexicon::get()
            .words(List::LabelLeading)
            .iter()
            .find(|w| words::starts_with(s, w))
        {
            s = &s[w.len()..];
        }
        if s == before {
            return s;
        }
    }
}

fn strip_trailing(mut s: &str) -> &str {
    let lex = lexicon::get();
    let trailing = lex.words(List::LabelTrailing);
    loop {
        let before = s;
        if let Some(w) = lex
            .ending_like(List::LabelTrailing, s)
            .iter()
            .map(|&i| trailing[i])
            .filter(|w| words::ends_with(s, w))
            .max_by_key(|w| w.len())
        {
            s = &s[..s.len() - w.len()];
        }
        if s == before {
            return s;
        }
    }
}

/// The clause without the number of its point in an enumeration: `一、`, `3、`, `2.` (a section
/// heading run into its first sentence: `一、全市常住人口全市常住人口为…`).
fn without_enumerator(pre: &str) -> &str {
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    // `1.国内增值税54.2亿元`: where the point's number was read as a figure, the clause after
    // it opens on the mark that ended the number; no measure's name starts with one.
    if let Some(rest) = pre.strip_prefix(['.', '．', '、']) {
        if !rest.starts_with(|c: char| c.is_ascii_digit()) {
            return rest;
        }
    }
    let rest = pre.trim_start_matches(numeral);
    if rest.len() == pre.len() || rest.len() + 6 < pre.len() {
        return pre;
    }
    rest.strip_prefix('、')
        .or_else(|| {
            rest.strip_prefix('.')
                .filter(|r| !r.starts_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(pre)
}

/// A heading run into a sentence that opens with the same words (`全市常住人口全市常住人口`,
/// once the line break between them is gone) names its measure once.
fn undoubled(s: &str) -> &str {
    let half = s.len() / 2;
    if s.len() >= 4 && s.is_char_boundary(half) && s[..half] == s[half..] {
        &s[..half]
    } else {
        s
    }
}

/// `全县现价农林牧渔业总产值`: a price basis is no part of the measure, wherever it stands.
fn without_price_bases(mut label: String) -> String {
    let lex = lexicon::get();
    if lex.set(List::PriceBases).any_in(&label) {
        for w in lex.words(List::PriceBases) {
            if words::contains(&label, w) {
                label = label.replace(w, "");
            }
        }
    }
    label
}

/// The measure named by the clause text before a figure.
pub fn label_of(pre: &str) -> String {
    // A dateline (`本报北京电（记者某某）`, its date already taken out) is not part of the
    // first label after it.
    let pre = ["电（", "电("]
        .iter()
        .find(|d| pre.starts_with(*d))
        .map_or(pre, |_| &pre['电'.len_utf8()..]);
    let dateline = || words::find(pre, "电（").or_else(|| words::find(pre, "电("));
    let pre = match pre.contains('电').then(dateline).flatten() {
        Some(i)
            if lexicon::get()
                .words(List::DatelineOpeners)
                .iter()
                .any(|o| pre.starts_with(o))
                && i <= 30 =>
        {
            &pre[i + '电'.len_utf8()..]
        }
        _ => pre,
    };
    let cleaned = without_price_bases(strip_marks(without_enumerator(pre)));
    // `第一产业实现增加值`, `公司实现营业收入`, `全国共投入研发经费`: the verb of achieving or
    // spending is not part of the measure.
    let mut joined = String::new();
    let mut rest = strip_trailing(strip_leading(&cleaned));
    // Most labels hold none of these verbs: one search for their first characters says so.
    let verbs: &[&str] = if rest.contains(['实', '完', '录', '共']) {
        &["实现", "完成", "录得", "共投入"]
    } else {
        &[]
    };
    for verb in verbs {
        if let Some(i) = words::find(rest, verb) {
            if rest[i + verb.len()..].chars().count() >= 2 {
                joined = format!("{}{}", &rest[..i], &rest[i + verb.len()..]);
                break;
            }
        }
    }
    if !joined.is_empty() {
        // `全年实现现价农林牧渔业总产值`: what the verb stood before may open with a leading
        // word too.
        rest = strip_leading(&joined);
    }
    let s = undoubled(rest);
    // `较上年度末增长7.42%`: a comparison names a base, not the measure.
    if (s.starts_with('较') || s.starts_with('比'))
        && !s.starts_with("比重")
        && !s.starts_with("比例")
    {
        return String::new();
    }
    // What is left must name something: one character is a stray verb or particle. But an
    // average (`日均180.7万人次`) says what it is even with no subject.
    if s.chars().count() < 2 {
        lexicon::get()
            .words(List::Averages)
            .iter()
            .find(|a| words::contains(&cleaned, a))
            .map_or(String::new(), |a| a.to_string())
    } else {
        distributed(s)
    }
}

/// `卫生人员分布在医院613.3万人`: the staff that work in hospitals, `医院卫生人员`. What is
/// distributed comes before a distribution verb (`distribution-verbs`), where it goes after;
/// the measure is the place's share of the whole, named head-last as Chinese names it.
fn distributed(s: &str) -> String {
    let lex = lexicon::get();
    if !lex.set(List::DistributionVerbs).any_in(s) {
        return s.to_string();
    }
    lex.words(List::DistributionVerbs)
        .iter()
        .find_map(|v| {
            let i = s.find(v)?;
            let (whole, place) = (&s[..i], &s[i + v.len()..]);
            (whole.chars().count() >= 2 && place.chars().count() >= 2)
                .then(|| format!("{place}{whole}"))
        })
        .unwrap_or_else(|| s.to_string())
}

/// A share's clause split into its subject and its base: `民营企业进出口占同期全省外贸总值的`
/// → (`民营企业进出口`, Some(`全省外贸总值`)). A clause without `占` names no base.
pub fn share_parts(pre: &str) -> (String, Option<String>) {
    let cleaned = without_price_bases(strip_marks(without_enumerator(pre)));
    match cleaned.rfind('占') {
        Some(i) => {
            let subject = label_of(&cleaned[..i]);
            let mut base = &cleaned[i + '占'.len_utf8()..];
            for cut in ["的比重", "比重", "的份额", "份额", "的比例", "的"] {
                if let Some(j) = base.find(cut) {
                    base = &base[..j];
                    break;
                }
            }
            // `占2019年同期的112.3%`: a ratio to a past period, not a share of a whole.
            let past = ["同期", "上年同期", "去年同期", "上年", "去年"];
            if past.contains(&base) {
                return (subject, Some(base.to_string()));
            }
            let base = strip_trailing(strip_leading(base));
            let base = (base.chars().count() >= 2).then(|| base.to_string());
            (subject, base)
        }
        None => {
            let before = cleaned
                .find("比重")
                .map_or(cleaned.as_str(), |i| &cleaned[..i]);
            // `在全国总量中的比重为50.5%`: the base, with the subject left to inherit.
            if let Some(inner) = before.strip_prefix('在') {
                if let Some(base) = inner
                    .strip_suffix("中的")
                    .or_else(|| inner.strip_suffix('中'))
                {
                    let base = strip_trailing(strip_leading(base));
                    return (
                        String::new(),
                        (base.chars().count() >= 2).then(|| base.to_string()),
                    );
                }
            }
            (label_of(before), None)
        }
    }
}

/// The way of cutting a body of people that a label names, if any (`女委员`: sex). Ways of
/// cutting (`lexicon/dimensions.json`) are breakdowns of their own: `女性代表占31.8%；少数民族
/// 代表占11.3%` are two cuts of one whole, not two parts of it.
pub fn dimension(label: &str) -> Option<&'static str> {
    lexicon::get()
        .tagged(List::Dimensions)
        .iter()
        .find(|(w, _)| words::contains(label, w))
        .map(|(_, way)| *way)
}

/// Both labels name the same way of cutting people (`18岁以下的`, `18—35岁的`: age).
pub fn same_cut(a: &str, b: &str) -> bool {
    dimension(a).is_some_and(|d| dimension(b) == Some(d))
}

/// The head of a label: its last two characters, which name the measure
/// (`民营企业进出口` → `出口`, `第二产业增加值` → `加值`).
pub fn head(label: &str) -> &str {
    let n = label.chars().count();
    if n <= 2 {
        return label;
    }
    let skip = label.char_indices().nth(n - 2).map_or(0, |(i, _)| i);
    &label[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_drops_time_and_verbs() {
        assert_eq!(label_of("2023年全国网上零售额"), "全国网上零售额");
        assert_eq!(label_of("其中出口"), "出口");
        assert_eq!(
            label_of("1至9月全国实际使用外资金额"),
            "全国实际使用外资金额"
        );
        assert_eq!(label_of("规上工业企业数量达到"), "规上工业企业数量");
        assert_eq!(
            label_of("福建省对共建“一带一路”国家进出口"),
            "福建省对共建一带一路国家进出口"
        );
    }

    #[test]
    fn a_heading_run_into_its_sentence_is_not_the_label() {
        assert_eq!(label_of("一、全市常住人口全市常住人口为"), "全市常住人口");
        assert_eq!(
            label_of("3、城镇居民人均可支配收入"),
            "城镇居民人均可支配收入"
        );
        // A number that is part of the measure stays.
        assert_eq!(label_of("5G基站"), "5G基站");
        assert_eq!(label_of("十大重点行业"), "十大重点行业");
    }

    #[test]
    fn a_bare_verb_names_nothing() {
        assert_eq!(label_of("同比增长"), "");
    }

    #[test]
    fn share_names_subject_and_base() {
        let (s, b) = share_parts("民营企业进出口占同期全省外贸总值的");
        assert_eq!(s, "民营企业进出口");
        assert_eq!(b.as_deref(), Some("全省外贸总值"));
        let (s, b) = share_parts("移动物联网终端用户占移动网络终端连接数的比重达到");
        assert_eq!(
            (s.as_str(), b.as_deref()),
            ("移动物联网终端用户", Some("移动网络终端连接数"))
        );
        let (s, b) = share_parts("第二产业增加值比重为");
        assert_eq!((s.as_str(), b), ("第二产业增加值", None));
    }
}
