//! One statistic of a measure over another: `居民人均可支配收入中位数12186元，…，中位数是平均数
//! 的86.7%`, with `居民人均可支配收入14063元` (a mean already) stated in the article.
//!
//! Which words name a statistic is data (`statistic-names`). The figure is `[X]是Y的N%`, X and
//! Y statistics; the part is the level right before it whose label ends with X (or with any
//! statistic, where the prose elides X: `…中位数18048元，是平均数的91.3%`); the whole is the
//! same measure's mean, stated with the same subject, period and unit: its name without the
//! statistic where that name is an average (`人均`), or its name with the mean's word. The group
//! is a `share-of`, so `share-ratio` checks it. Two candidate wholes that disagree: no group.

use super::share_of::share_group;
use super::{same_scope, Group};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::lexicon::{self, List};
use crate::text::Text;

const MEAN: &str = "mean";

/// The statistics a clause names before its figure: (`X`, if written, and `Y`) for `X是Y的`.
fn named(pre: &str) -> Option<(Option<&'static str>, &'static str)> {
    let names = lexicon::get().tagged(List::StatisticNames);
    let rest = pre.strip_suffix('的')?;
    let &(y, _) = names
        .iter()
        .filter(|(w, tag)| *tag == MEAN && rest.ends_with(w))
        .max_by_key(|(w, _)| w.len())?;
    let before = rest[..rest.len() - y.len()].strip_suffix('是')?;
    let x = names
        .iter()
        .filter(|(w, tag)| *tag != MEAN && before.ends_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|(w, _)| *w);
    // `是平均数的`: the clause says nothing else, or names the statistic it is of.
    (x.is_some() || before.is_empty()).then_some((x, y))
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let t = text.as_str();
    let names = lexicon::get().tagged(List::StatisticNames);
    let averages = lexicon::get().words(List::Averages);
    let mut out = Vec::new();
    for (s, f) in facts.iter().enumerate() {
        if f.figure.kind != Kind::Number || f.figure.unit != "%" || !f.is_measure() || f.in_list {
            continue;
        }
        let clause_start = text
            .structure
            .clauses
            .get(f.clause)
            .map_or(f.figure.norm.start, |c| c.range().start);
        let Some((x, y)) = t.get(clause_start..f.figure.norm.start).and_then(named) else {
            continue;
        };
        // The part: the level right before the figure in its sentence, of a statistic.
        let Some(part) = facts[..s]
            .iter()
            .rposition(|p| p.sentence != f.sentence || p.is_level())
            .filter(|&p| facts[p].sentence == f.sentence && facts[p].is_level())
        else {
            continue;
        };
        let label = facts[part].label.as_str();
        let Some(stat) = names
            .iter()
            .filter(|(w, tag)| *tag != MEAN && label.ends_with(w))
            .map(|(w, _)| *w)
            .find(|w| x.is_none_or(|x| x == *w))
        else {
            continue;
        };
        let stem = &label[..label.len() - stat.len()];
        if stem.chars().count() < 2 {
            continue;
        }
        let with_mean = format!("{stem}{y}");
        let is_mean = |w: &Fact| {
            (w.label == stem && averages.iter().any(|a| stem.contains(a))) || w.label == with_mean
        };
        // The mean is sought in the part's own article: facts run in text order, so its
        // article's facts are found by bisection, and the search stays in proportion.
        let article = facts[part].article;
        let from = facts.partition_point(|w| w.article < article);
        let to = facts.partition_point(|w| w.article <= article);
        let wholes: Vec<usize> = facts[from..to]
            .iter()
            .enumerate()
            .map(|(k, w)| (from + k, w))
            .filter(|&(i, w)| {
                i != part
                    && w.is_level()
                    && same_scope(w, &facts[part])
                    && w.figure.kind == facts[part].figure.kind
                    && is_mean(w)
            })
            .map(|(i, _)| i)
            .collect();
        let Some(&whole) = wholes.first() else {
            continue;
        };
        if wholes.iter().all(|&w| {
            facts[w]
                .figure
                .interval
                .overlaps(&facts[whole].figure.interval)
        }) {
            out.push(share_group(part, whole, s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::sorted_groups_of;
    use super::super::GroupKind;

    fn share_of(text: &str) -> Vec<Vec<String>> {
        sorted_groups_of(text, GroupKind::ShareOf)
    }

    #[test]
    fn a_median_over_the_mean_is_a_share_of_the_mean() {
        assert_eq!(
            share_of("2021年，全市居民人均可支配收入52300元。全市居民人均可支配收入中位数47100元，增长6.9%，中位数是平均数的90.1%。"),
            [["part:47100元", "share:90.1%", "whole:52300元"]]
        );
    }

    #[test]
    fn an_elided_median_is_the_level_before() {
        assert_eq!(
            share_of("2021年，城镇居民人均可支配收入61200元。城镇居民人均可支配收入中位数57100元，是平均数的93.3%。"),
            [["part:57100元", "share:93.3%", "whole:61200元"]]
        );
    }

    #[test]
    fn no_mean_of_that_measure_or_period_no_group() {
        // The mean stated is another body's.
        assert!(share_of("2021年，全市居民人均可支配收入52300元。城镇居民人均可支配收入中位数57100元，是平均数的93.1%。").is_empty());
        // The mean stated is another year's.
        assert!(share_of("2020年，全市居民人均可支配收入49300元。2021年，全市居民人均可支配收入中位数47100元，中位数是平均数的90.1%。").is_empty());
        // A total is no mean: `工资总额` is not the mean of `工资中位数`.
        assert!(share_of(
            "2021年，全市工资总额5230亿元。全市工资中位数4710亿元，是平均数的90.1%。"
        )
        .is_empty());
    }
}
