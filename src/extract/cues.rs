//! The words around a number that say what it is: growth or share, up or down, above or below.
//!
//! Chinese statistical prose puts the verb before the figure (`同比增长2.6%`, `占…的51.1%`,
//! `比重提高到22.2%`), so the cues are read from the clause text before the number. The word
//! nearest the number wins: in `比重提高到22.2%` the `到` makes the figure a level, a share.

use super::figure::{Kind, Qualifier};
use crate::lexicon::{self, List};
use crate::text::words;

/// The end (byte offset in `s`) of the last occurrence of any word of the signed `list`, with
/// the word and its sign; of two words ending there, the longer.
fn last_of(s: &str, list: List) -> Option<(usize, &'static str, bool)> {
    let lex = lexicon::get();
    lex.set(list).last(s).map(|(i, end)| {
        let (w, sign) = lex.signed(list)[i];
        (end, w, sign)
    })
}

/// The end of the last occurrence of any word of `list` in `s`.
fn last_word(s: &str, list: List) -> Option<usize> {
    lexicon::get().set(list).last(s).map(|(_, end)| end)
}

/// Strips adverbs that sit between a verb and its number (`提高到了`, `分别`, `均`).
fn trim_fillers(mut s: &str) -> &str {
    while let Some(f) = lexicon::get()
        .words(List::Fillers)
        .iter()
        .find(|f| s.ends_with(*f))
    {
        s = &s[..s.len() - f.len()];
    }
    s
}

/// What a percentage (or 个百分点) is, from the clause text before it.
/// Returns the kind and whether the sign is negative.
pub fn classify_rate(pre: &str, points: bool) -> (Kind, bool) {
    let pre = trim_fillers(pre);
    let verb = last_of(pre, List::ChangeCues);
    let noun = last_of(pre, List::GrowthNouns);
    let share = last_word(pre, List::ShareCues);
    if points {
        // `向下拉动经济增长0.6个百分点`, `拖累0.6个百分点`: a pull downwards, whatever verb
        // follows it.
        if ["向下拉动", "拖累", "下拉"]
            .iter()
            .any(|w| words::contains(pre, w))
        {
            return (Kind::Points, true);
        }
        let negative = match (verb, noun) {
            (Some((ve, _, vs)), Some((ne, _, ns))) => !(if ve >= ne { vs } else { ns }),
            (Some((_, _, s)), None) | (None, Some((_, _, s))) => !s,
            (None, None) => false,
        };
        return (Kind::Points, negative);
    }
    if share.is_some() && pre.ends_with('的') && pre.contains('占') {
        // `占全省外贸增量的38.0%`: the words of change name the base.
        return (Kind::Share, false);
    }
    let level = lexicon::get()
        .words(List::LevelMarkers)
        .iter()
        .any(|m| pre.ends_with(m));
    if level {
        if let Some((_, _, sign)) = noun {
            if share.is_none_or(|s| noun.is_some_and(|(n, _, _)| n > s)) {
                return (Kind::Growth, !sign);
            }
        }
        if share.is_some() {
            return (Kind::Share, false);
        }
        return (Kind::Number, false);
    }
    match (verb, share) {
        (Some((ve, _, sign)), Some(se)) if ve > se => (Kind::Growth, !sign),
        (Some(_), Some(_)) => (Kind::Share, false),
        (Some((_, _, sign)), None) => (Kind::Growth, !sign),
        (None, Some(_)) => (Kind::Share, false),
        (None, None) => match noun {
            Some((_, _, sign)) => (Kind::Growth, !sign),
            None if lexicon::get().set(List::Comparatives).any_in(pre) => (Kind::Growth, false),
            None => (Kind::Number, false),
        },
    }
}

/// The character that ends a noun of a rate of the thing named: `城镇化率`, `投票率`, `出生率`,
/// `毛利率`, `贡献率`. (A rate of growth, `增长率`, is a growth: it is in `lexicon/growth-nouns.json`.)
const RATE_SUFFIX: char = '率';

/// True for `城镇化率为66.16%`, `投票率71.86%`, `对经济增长的贡献率达60%`: the figure is the
/// level of a rate named right before it, not a change and not a part of a whole. A rate of
/// growth (`增长率为5.2%`) is a growth, unless `per_mille`: `人口自然增长率为-0.60‰` is a
/// rate per thousand people, not the growth of a level.
pub fn names_a_rate(pre: &str, per_mille: bool) -> bool {
    let mut s = trim_fillers(pre);
    if let Some(m) = lexicon::get()
        .words(List::LevelMarkers)
        .iter()
        .filter(|m| s.ends_with(*m))
        .max_by_key(|m| m.len())
    {
        s = trim_fillers(&s[..s.len() - m.len()]);
        // `城镇化率升至65.22%`, `毛利率下降到17.39%`: the new level of the rate.
        if let Some((_, verb, _)) = last_of(s, List::ChangeCues).filter(|(end, ..)| *end == s.len())
        {
            s = trim_fillers(&s[..s.len() - verb.len()]);
        }
    }
    s.ends_with(RATE_SUFFIX)
        && (per_mille
            || !lexicon::get()
                .signed(List::GrowthNouns)
                .iter()
                .any(|(g, _)| s.ends_with(g)))
}

/// True for `比重提升1.2%`: a rate or proportion, then a verb of change, then the number.
/// The change of a rate is a number of percentage points; `%` there is a slip or a relative
/// change that needs saying so.
pub fn is_rate_change(pre: &str) -> bool {
    let pre = trim_fillers(pre);
    let Some((verb_end, verb, _)) = last_of(pre, List::ChangeCues) else {
        return false;
    };
    if lexicon::get()
        .words(List::LevelMarkers)
        .iter()
        .any(|m| pre.ends_with(m))
    {
        return false;
    }
    let verb_start = verb_end - verb.len();
    last_word(&pre[..verb_start], List::RateNouns).is_some_and(|noun_end| {
        // The rate must be the subject of the verb, not a word inside a modifier
        // (`在CPI中占据较大比重的食品价格下降4.1%` is a fall of prices).
        let between = &pre[noun_end..verb_start];
        !between.contains('的') && between.chars().count() <= 12
    })
}

/// True when the text before an amount makes it a change of a level (`增加3.2万户`,
/// `比上年末减少85万人`), not the level itself.
pub fn is_change(pre: &str) -> Option<bool> {
    let pre = trim_fillers(pre);
    // A one-character verb (`少4.5万亿元`) is a change only after a comparison (`同比少`,
    // `比上年同期少`): alone, `多` and `少` are too common. Whether one is there is asked only
    // where such a verb ends `pre`.
    let mut compared = None;
    let mut is_compared = || {
        *compared.get_or_insert_with(|| {
            lexicon::get().set(List::Comparatives).any_in(pre)
                || pre.contains('比')
                || pre.contains('较')
        })
    };
    let cues = lexicon::get().signed(List::ChangeCues);
    lexicon::get()
        .ending_like(List::ChangeCues, pre)
        .iter()
        .map(|&i| &cues[i])
        .filter(|(w, _)| words::ends_with(pre, w))
        .filter(|(w, _)| w.chars().nth(1).is_some() || is_compared())
        .max_by_key(|(w, _)| w.len())
        .map(|&(_, sign)| sign)
}

/// The qualifier that ends `pre`, with its length in bytes.
pub fn qualifier_before(pre: &str) -> Option<(Qualifier, usize)> {
    lexicon::get()
        .qualified(List::QualifiersBefore)
        .iter()
        .filter(|(w, _)| words::ends_with(pre, w))
        .max_by_key(|(w, _)| w.len())
        .map(|&(w, q)| (q, w.len()))
}

/// The qualifier that starts `post`, with its length in bytes.
pub fn qualifier_after(post: &str) -> Option<(Qualifier, usize)> {
    lexicon::get()
        .qualified(List::QualifiersAfter)
        .iter()
        .find(|(w, _)| post.starts_with(w))
        .map(|&(w, q)| (q, w.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decline_is_a_negative_growth() {
        assert_eq!(classify_rate("同比下降", false), (Kind::Growth, true));
        assert_eq!(classify_rate("同比增长", false), (Kind::Growth, false));
    }

    #[test]
    fn a_share_raised_to_a_level_is_a_share() {
        assert_eq!(
            classify_rate("占餐饮消费总额比重进一步提高到", false),
            (Kind::Share, false)
        );
        assert_eq!(
            classify_rate("占同期福建省外贸总值的", false),
            (Kind::Share, false)
        );
    }

    #[test]
    fn a_growth_noun_keeps_a_level_a_growth() {
        assert_eq!(
            classify_rate("商务部重点监测平台交易额增幅达到", false),
            (Kind::Growth, false)
        );
    }

    #[test]
    fn a_share_that_moved_by_percent_reads_as_growth() {
        // The points-vs-percent rule needs this reading to warn about it.
        assert_eq!(classify_rate("比重提升", false), (Kind::Growth, false));
    }

    #[test]
    fn a_rate_noun_names_the_level_of_a_rate() {
        for pre in [
            "城镇化率为",
            "第16任总统副总统选举投票率",
            "出生率为",
            "毛利率达到了",
            "对经济增长的贡献率为",
            "利润率分别为",
            "城镇化率升至",
            "毛利率下降到",
        ] {
            assert!(names_a_rate(pre, false), "{pre}");
        }
        // A growth rate is a growth; a rate that moved is a change of it.
        assert!(!names_a_rate("国内生产总值增长率为", false));
        assert!(!names_a_rate("城镇化率比上年提高", false));
        assert!(!names_a_rate("占全省的", false));
        // Per thousand, a rate of growth is a rate of the population.
        assert!(names_a_rate("人口自然增长率为", true));
    }

    #[test]
    fn points_take_the_sign_of_their_verb() {
        assert_eq!(classify_rate("比重下降", true), (Kind::Points, true));
        assert_eq!(
            classify_rate("向下拉动国内生产总值", true),
            (Kind::Points, true)
        );
    }
}
