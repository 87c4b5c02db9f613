//! A share with its part and its whole: `高技术产业引资4233.4亿元，占实际使用外资金额比重为37.3%`
//! with `实际使用外资金额11339.1亿元` stated in the same article and period.
//!
//! The part is the level the share's label came from; the whole is the one level whose label is
//! the share's base, read with the synonyms statistics use for a total (`贸易总值` is
//! `进出口`). Two candidate wholes with different values mean no group: hedui does not guess.

use super::part_of::core;
use super::{member, same_scope, share_whole, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::lexicon::{self, List};
use crate::text::fxhash::FxHashMap;
use crate::text::{words, Text};

/// A label or base in the form used to compare them: no total-words, one word for trade. Region
/// words stay: `全省外贸总值` is not `全国进出口`.
pub(crate) fn canonical(s: &str) -> String {
    let mut s = s.to_string();
    for (from, to) in [
        ("外贸", "进出口"),
        ("贸易", "进出口"),
        ("进出口进出口", "进出口"),
    ] {
        if words::contains(&s, from) {
            s = s.replace(from, to);
        }
    }
    for suffix in ["总值", "总额", "总量", "总数", "规模", "金额"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.to_string();
        }
    }
    // `我国对欧盟进出口`, `我与欧盟贸易`, `对欧盟进出口`: trade with one partner, however the
    // prose opens the partner's name.
    if s.ends_with("进出口") || s.ends_with("出口") || s.ends_with("进口") {
        if let Some(opener) = lexicon::get()
            .words(List::PartnerOpeners)
            .iter()
            .filter(|w| s.starts_with(**w) && s.len() > w.len())
            .max_by_key(|w| w.len())
        {
            s = s[opener.len()..].to_string();
        }
    }
    s
}

/// A whole's label names the base: the same words, or the same words after a region word
/// (`全国`, `全省`) when the base names no region of its own.
fn names_base(label: &str, base: &str) -> bool {
    label == base
        || (core(base) == base && core(label) == base)
        // `占专利授权总量的` names `专利授权量` (units keep a volume from a value).
        || ['量', '额'].iter().any(|c| label.strip_suffix(*c) == Some(base))
}

/// The whole of the `其中` that `part` belongs to, when the share follows the part with no
/// other level between them, the whole is of the part's kind and unit, and no share of the
/// whole came before.
fn of_the_qizhong_whole(facts: &[Fact], part: usize, share: usize) -> Option<usize> {
    let w = facts[part].subset_of?;
    let (p, whole) = (&facts[part].figure, &facts[w]);
    let next_to = !facts[part + 1..share].iter().any(Fact::is_level);
    // `60岁及以上人口…占18.70%，其中65岁及以上人口…占13.50%`: once the whole has a share of
    // its own, the part's share keeps that share's base.
    let whole_has_share = facts[w + 1..part]
        .iter()
        .take_while(|f| !f.is_level())
        .any(|f| f.figure.kind == Kind::Share);
    (next_to
        && !whole_has_share
        && whole.is_additive()
        && whole.figure.kind == p.kind
        && whole.figure.unit == p.unit)
        .then_some(w)
}

/// True when level `i` is itself stated as a share of `base` below 100%
/// (`其中，出口199.65亿元，…，占出口总值的70.33%`): then it is a part of that whole, never
/// the whole.
fn itself_a_share_of(facts: &[Fact], i: usize, base: &str) -> bool {
    facts[i + 1..]
        .iter()
        .take_while(|f| !f.is_level() && f.sentence == facts[i].sentence)
        .any(|f| {
            f.figure.kind == Kind::Share
                && f.base.as_deref().is_some_and(|b| canonical(b) == base)
                && f.figure
                    .interval
                    .hi
                    .is_some_and(|hi| hi < rust_decimal::Decimal::ONE_HUNDRED)
        })
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    // Levels by article and canonical label, and by the label without its region word, so
    // that finding a share's whole is a lookup.
    let mut levels: FxHashMap<(usize, String), Vec<usize>> = FxHashMap::default();
    for (i, f) in facts.iter().enumerate() {
        if f.is_level() {
            let c = canonical(&f.label);
            let mut keys = vec![core(&c).to_string()];
            keys.extend(
                ['量', '额']
                    .iter()
                    .filter_map(|u| c.strip_suffix(*u))
                    .map(str::to_string),
            );
            keys.push(c);
            keys.sort();
            keys.dedup();
            for k in keys {
                levels.entry((f.article, k)).or_default().push(i);
            }
        }
    }
    for (s, share) in facts.iter().enumerate() {
        if share.figure.kind != Kind::Share
            || !share.is_measure()
            || share.label.is_empty()
            || share.in_list
        {
            continue;
        }
        // The part: the level the share's label came from, in the share's own sentence
        // (`民营企业进出口5700.2亿元，…，占…56.5%`); a share with a subject of its own names
        // no amount, and one stated elsewhere may be of another period.
        let sentence = text.full_sentence(share.figure.norm.start);
        let first = facts[..s].partition_point(|f| f.figure.norm.start < sentence.start);
        let Some(part) = facts[first..s]
            .iter()
            .rposition(|f| f.is_level() && f.label == share.label)
            .map(|i| first + i)
            .or_else(|| stated_before(facts, s))
        else {
            continue;
        };
        let Some(base) = share.base.as_deref() else {
            // `注册会员4.28万人，其中男性2.41万人，占56.3%`: a bare share of a `其中` part is
            // of the whole the `其中` breaks down.
            if let Some(w) = of_the_qizhong_whole(facts, part, s) {
                out.push(share_group(part, w, s));
            }
            continue;
        };
        let stated = base;
        let base = canonical(base);
        // A level after `其中` names its measure without the subject it shares with its whole
        // (`泉州民企进出口…其中，出口199.65亿元` is the private firms' exports): it is the whole
        // of a share by that name only for a part under the same `其中`, in its sentence.
        let like_the_part = |i: usize| {
            let f = &facts[i];
            i != part
                && same_scope(f, &facts[part])
                && f.figure.kind == facts[part].figure.kind
                && (!f.after_qizhong
                    || (facts[part].after_qizhong && facts[part].sentence == f.sentence))
        };
        let mut wholes: Vec<usize> = levels
            .get(&(share.article, base.clone()))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| {
                base.chars().count() >= 2
                    && like_the_part(i)
                    && names_base(&canonical(&facts[i].label), &base)
                    && !itself_a_share_of(facts, i, &base)
            })
            .collect();
        if wholes.is_empty() {
            // No level carries the base's words: one may state the measure they name.
            let eligible = |i: usize| facts[i].article == share.article && like_the_part(i);
            wholes = share_whole::candidates(facts, part, stated, eligible)
                .into_iter()
                .filter(|&i| !itself_a_share_of(facts, i, &base))
                .collect();
        }
        let Some(&whole) = wholes.first() else {
            continue;
        };
        let agree = wholes.iter().all(|&w| {
            facts[w]
                .figure
                .interval
                .overlaps(&facts[whole].figure.interval)
        });
        if !agree {
            continue;
        }
        out.push(share_group(part, whole, s));
    }
    out
}

/// The part of share `s` stated in an earlier sentence of its paragraph, where the share names
/// its subject in its own words: `非国有投资完成60.8亿元，…。非国有投资占全市固定资产投资比重为
/// 24.6%`. Only for a share that writes both its subject and its whole (`X占Y比重`), with a
/// level of exactly that subject and of its sure period, the nearest one, and only when every
/// such level of the paragraph before the share states one value.
fn stated_before(facts: &[Fact], s: usize) -> Option<usize> {
    let share = &facts[s];
    let sure = share.period.as_deref().is_some_and(|p| !p.ends_with('?'));
    if !sure || !share.base_explicit || share.label_inherited || share.label.chars().count() < 2 {
        return None;
    }
    let first = facts[..s].partition_point(|f| f.paragraph < share.paragraph);
    let same: Vec<usize> = (first..s)
        .filter(|&i| {
            let f = &facts[i];
            f.is_level() && f.label == share.label && f.period == share.period && !f.in_list
        })
        .collect();
    let &last = same.last()?;
    same.iter()
        .all(|&i| {
            facts[i]
                .figure
                .interval
                .overlaps(&facts[last].figure.interval)
        })
        .then_some(last)
}

/// A `share-of` group: the share `s` is `part` over `whole`.
pub(super) fn share_group(part: usize, whole: usize, s: usize) -> Group {
    Group::new(
        GroupKind::ShareOf,
        vec![
            member(part, Role::Part),
            member(whole, Role::Whole),
            member(s, Role::Share),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn a_qizhong_part_is_no_whole_by_name_for_another_subject() {
        // `出口` after `其中` is the private firms' exports, not the city's.
        let g = groups_of(
            "一季度，全市民营企业进出口231.9亿元，其中，出口199.7亿元。一季度，全市机电产品出口39.0亿元，占出口总值的13.8%。",
            GroupKind::ShareOf,
        );
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn a_share_meets_its_part_and_the_whole_it_names() {
        let g = groups_of(
            "2023年，全国实际使用外资金额11339.1亿元。高技术产业实际使用外资金额4233.4亿元，占实际使用外资金额比重为37.3%。",
            GroupKind::ShareOf,
        );
        assert_eq!(g.len(), 1, "{g:?}");
        let mut members = g[0].clone();
        members.sort();
        assert_eq!(
            members,
            ["part:4233.4亿元", "share:37.3%", "whole:11339.1亿元"]
        );
    }

    #[test]
    fn a_level_stated_as_a_share_of_the_whole_is_not_that_whole() {
        let g = groups_of(
            "一季度，全市民营企业进出口300亿元，其中，出口240亿元，占出口总值的75.0%。服装出口96亿元，占出口总值的30.0%。",
            GroupKind::ShareOf,
        );
        assert!(
            g.iter().all(|m| !m.contains(&"whole:240亿元".to_string())),
            "{g:?}"
        );
    }
}
