//! Parts by noun-phrase head: `制造业实际使用外资金额` is part of `实际使用外资金额` in the same
//! article and period. Chinese noun phrases put the head last, so a label that ends with another
//! label names a part of it. Only the outermost parts are kept: `高技术制造业…` is inside
//! `制造业…` and must not be added beside it.

use super::{member, new_breakdown, same_scope, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::lexicon::{self, List};
use crate::text::fxhash::FxHashMap;
use crate::text::Text;
use std::ops::Range;

/// A whole's label without the words that only say it is the whole (`全国`, `全省`): the parts
/// of `全国实际使用外资金额` are labelled `制造业实际使用外资金额`.
pub fn core(label: &str) -> &str {
    lexicon::get()
        .words(List::WholeScope)
        .iter()
        .find_map(|w| label.strip_prefix(w))
        .unwrap_or(label)
}

/// Characters that make a prefix a category of its own (`制造业`, `城镇`, `东部地区`).
const CATEGORY: &str = "业区部省市县镇村类型性企品国外内资户";

/// `猪牛羊禽肉产量` is not a part of `禽肉产量` but its sum with pork, beef and mutton:
/// a prefix of one character, or of up to three characters none of which names a category,
/// coordinates with the whole's first character (`本外币`, `农林牧渔`, `中小学`, `大中型`).
fn coordinated(part: &str, whole: &str) -> bool {
    let prefix = core(part).strip_suffix(whole).unwrap_or("");
    let n = prefix.chars().count();
    n == 1 || (n <= 3 && !prefix.chars().any(|c| CATEGORY.contains(c)))
}

/// `一线工人、农民和专业技术人员代表` is not a part of `专业技术人员代表` but a sum that holds it:
/// the words before the whole's label end in a conjunction.
fn union(part: &str, whole: &str) -> bool {
    let prefix = core(part).strip_suffix(whole).unwrap_or("");
    prefix.ends_with(['和', '及', '与', '、', '同'])
}

/// `市级劳动模范1156名、省级劳动模范412名、全国劳动模范87名`: figures joined by `、` alone are
/// items of one list, side by side, whatever their labels.
fn listed_together(text: &Text, a: &Fact, b: &Fact) -> bool {
    let (first, second) = if a.figure.norm.start < b.figure.norm.start {
        (a, b)
    } else {
        (b, a)
    };
    let Some(between) = text
        .as_str()
        .get(first.figure.norm.end..second.figure.norm.start)
    else {
        return false;
    };
    between.contains('、') && !between.contains(['，', ',', '；', ';', '。', '：', ':', '！', '？'])
}

/// `甘肃、宁夏、新疆三省（区）生产夏粮950多万吨`: a count right before the label, with no
/// break between, numbers the subject the figure is about, and the label (`生产夏粮`) has lost
/// that subject (a note in brackets after the count cuts it off); such a figure is no whole of every figure whose label ends the same way.
fn subject_counted(text: &Text, facts: &[Fact], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &facts[p]) else {
        return false;
    };
    let f = &facts[i];
    prev.clause == f.clause
        && matches!(prev.figure.kind, crate::extract::figure::Kind::Count)
        && !f.label.contains(prev.figure.text.as_str())
        && text
            .as_str()
            .get(prev.figure.norm.end..f.figure.norm.start)
            .is_some_and(|gap| !gap.contains(['，', ',', '；', ';', '。', '：', ':']))
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    // Facts are in text order and articles are contiguous: compare within an article only.
    let mut start = 0;
    while start < facts.len() {
        let article = facts[start].article;
        let end = start + facts[start..].partition_point(|f| f.article == article);
        out.extend(in_article(text, facts, start..end));
        start = end;
    }
    out
}

fn in_article(text: &Text, facts: &[Fact], range: Range<usize>) -> Vec<Group> {
    let mut out = Vec::new();
    let article = &facts[range.clone()];
    // Levels indexed by every proper suffix of their label, and counted by label and scope, so
    // that finding the parts of a whole costs a lookup, not a pass over the article.
    let mut by_suffix: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    // The first figure with each label and scope, and whether every other one restates its
    // value (a headline repeated in the body).
    let mut twins: FxHashMap<(&str, Option<&str>, &str), (usize, bool)> = FxHashMap::default();
    for (i, f) in article.iter().enumerate() {
        if !f.is_level() {
            continue;
        }
        let key = (f.label.as_str(), f.period.as_deref(), f.figure.unit);
        let (first, same) = twins.entry(key).or_insert((i, true));
        let a = &article[*first].figure;
        *same &= a.printed == f.figure.printed && a.factor == f.figure.factor;
        // A whole is looked up by a core of four characters or more: shorter suffixes are
        // never asked for.
        let n = f.label.chars().count();
        for (j, _) in f.label.char_indices().skip(1).take(n.saturating_sub(4)) {
            by_suffix.entry(&f.label[j..]).or_default().push(i);
        }
    }
    for (w, whole) in article.iter().enumerate() {
        let whole_core = core(&whole.label);
        // A `其中` part is named by eliding its whole's words (`其中限额以上企业…，消费品零售额
        // 4.83亿元`): its label is no name of a whole.
        if !whole.is_additive()
            || whole.on_a_day
            || whole.target
            || whole.after_qizhong
            || whole_core.chars().count() < 4
            || subject_counted(text, article, w)
        {
            continue;
        }
        // The whole must be the one figure with that label in its article and period, or its
        // first statement where every other one restates it.
        let key = (
            whole.label.as_str(),
            whole.period.as_deref(),
            whole.figure.unit,
        );
        if twins.get(&key) != Some(&(w, true)) {
            continue;
        }
        let parts: Vec<usize> = by_suffix
            .get(whole_core)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| {
                let f = &article[i];
                // `全省地区生产总值` is another region's whole, not a part of `全市地区生产总值`.
                // `进出口总值3.15万亿元。其中，出口总值2.02万亿元`: the prose made the would-be
                // whole a part of this figure.
                f.figure.kind == whole.figure.kind
                    && whole.subset_of != Some(range.start + i)
                    && same_scope(f, whole)
                    && f.label != whole.label
                    && core(&f.label) != whole_core
                    && !coordinated(&f.label, whole_core)
                    && !union(&f.label, whole_core)
                    && !listed_together(text, f, whole)
                    && !f.after_qizhong
                    && !f.on_a_day
                    && !f.target
                    && f.is_additive()
            })
            .collect();
        // Keep the outermost parts: a part whose label ends with another part's label is
        // inside that part.
        let outer: Vec<usize> = parts
            .iter()
            .copied()
            .filter(|&p| {
                !parts.iter().any(|&q| {
                    q != p
                        && article[q].label.len() < article[p].label.len()
                        && article[p].label.ends_with(&article[q].label)
                })
            })
            .collect();
        // One whole may be broken down several ways (`分专业看…分地区看`): each breakdown,
        // a run of parts in one paragraph with no new `从…看` between them, is its own group.
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for p in outer {
            let starts_run = match runs.last().and_then(|r| r.last()) {
                Some(&q) => {
                    article[q].paragraph != article[p].paragraph
                        || new_breakdown(
                            text,
                            article[q].figure.norm.end,
                            article[p].figure.norm.start,
                        )
                }
                None => true,
            };
            if starts_run {
                runs.push(vec![p]);
            } else if let Some(r) = runs.last_mut() {
                r.push(p);
            }
        }
        for run in runs {
            let mut members = vec![member(range.start + w, Role::Whole)];
            members.extend(run.into_iter().map(|p| member(range.start + p, Role::Part)));
            out.push(Group::new(GroupKind::PartOf, members));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn a_label_ending_with_another_names_a_part_of_it() {
        let g = groups_of(
            "2023年，全国实际使用外资金额11339.1亿元。制造业实际使用外资金额3179.2亿元，服务业实际使用外资金额7760.8亿元。",
            GroupKind::PartOf,
        );
        assert_eq!(
            g,
            [["whole:11339.1亿元", "part:3179.2亿元", "part:7760.8亿元"]]
        );
    }

    #[test]
    fn a_figure_the_prose_made_a_part_is_no_whole_of_it() {
        let g = groups_of(
            "前7个月，全省货物贸易进出口总值2.41万亿元。其中，出口总值1.55万亿元；进口总值0.86万亿元。",
            GroupKind::PartOf,
        );
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn a_label_whose_counted_subject_was_cut_off_is_no_whole() {
        let g = groups_of(
            "2022年，排名前四的甲、乙、丙、丁合计收购玉米4210万吨。戊、己、庚三省（区）收购玉米820多万吨。",
            GroupKind::PartOf,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
