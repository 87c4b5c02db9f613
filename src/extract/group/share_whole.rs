//! A share's whole found by the measure it names, wherever in the article it is stated.
//!
//! `share_of` first looks a share's base up by its words. When no level carries those words,
//! the base may still name a stated measure:
//! - by another name of one concept (`measure-names`): `占社零总额比重` is of
//!   `社会消费品零售总额`;
//! - behind a scope word that a label repeats or prefixes with its own words
//!   (`全市常住人口`, a heading run into the label): `占常住人口的` is of it;
//! - as the total of the part's own measure in a scope (`在全国总量中的比重`): the whole is
//!   `全国实际使用外资金额` when the part is `服务业实际使用外资金额`.
//!
//! Identity comes before arithmetic: the caller keeps only wholes of the part's article,
//! period, kind and unit, and stays silent when two candidates disagree.

use super::share_of;
use crate::extract::fact::Fact;
use crate::extract::identity;
use crate::lexicon::{self, List};
use crate::text::words;

/// The scope word a label or base names last (`全国`, `全市`), and what follows it.
fn after_scope(label: &str) -> (Option<&'static str>, &str) {
    lexicon::get()
        .words(List::WholeScope)
        .iter()
        .filter_map(|w| words::rfind(label, w).map(|i| (i, *w)))
        .max_by_key(|(i, w)| (*i, w.len()))
        .map_or((None, label), |(i, w)| (Some(w), &label[i + w.len()..]))
}

/// The name a measure is compared by: the concept `measure-names` knows it as, or else its
/// words with total-words dropped and one word for trade.
fn key(name: &str) -> String {
    let concept = identity::canonical(name);
    if concept.starts_with('⟨') {
        concept
    } else {
        share_of::canonical(name)
    }
}

/// True when the base names nothing but a scope's total: `全国总量`, `全省总额`, `全国`.
fn scope_total(rest: &str) -> bool {
    rest.is_empty() || lexicon::get().words(List::Totals).contains(&rest)
}

/// The levels of `facts` that may be the whole of `base`, a share's base, for the part
/// `part`, among those `eligible` admits (the caller's test of article, period, kind and unit,
/// asked first: it costs less than reading a label's words).
pub fn candidates(
    facts: &[Fact],
    part: usize,
    base: &str,
    eligible: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let (base_scope, base_rest) = after_scope(base);
    let part_label = facts[part].label.as_str();
    let (part_scope, _) = after_scope(part_label);
    let total = base_scope.is_some() && scope_total(base_rest);
    let base_key = key(base_rest);
    if !total && base_key.chars().count() < 2 {
        return Vec::new();
    }
    // Facts are in text order and articles contiguous: only the part's article is looked at,
    // so a file of many articles costs each share its own article, not the whole file.
    let article = facts[part].article;
    let start = facts[..part].partition_point(|f| f.article < article);
    let end = part + facts[part..].partition_point(|f| f.article == article);
    facts[start..end]
        .iter()
        .enumerate()
        .map(|(i, f)| (i + start, f))
        .filter(|&(i, f)| {
            if i == part || !f.is_level() || f.label.contains('占') || !eligible(i) {
                return false;
            }
            let (scope, rest) = after_scope(&f.label);
            // A part that names its scope is of a whole of that scope: `全省网上零售额` is no
            // part of `全国社会消费品零售总额`.
            if part_scope.is_some() && scope.is_some() && scope != part_scope {
                return false;
            }
            if total {
                // `服务业实际使用外资金额…在全国总量中的比重`: the whole is the part's measure in
                // the scope the base names.
                scope == base_scope
                    && rest.chars().count() >= 2
                    && part_label.len() > rest.len()
                    && part_label.ends_with(rest)
                    && part_scope.is_none()
            } else {
                base_scope.is_none_or(|s| scope == Some(s)) && key(rest) == base_key
            }
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::sorted_groups_of;
    use super::super::GroupKind;

    fn share_of(text: &str) -> Vec<Vec<String>> {
        sorted_groups_of(text, GroupKind::ShareOf)
    }

    #[test]
    fn another_name_of_the_whole_is_the_whole() {
        assert_eq!(
            share_of("前三季度，社会消费品零售总额32.1万亿元。其中网上零售额7.3万亿元，占社零比重为22.7%。"),
            [["part:7.3万亿元", "share:22.7%", "whole:32.1万亿元"]]
        );
    }

    #[test]
    fn a_scope_total_is_the_parts_measure_in_that_scope() {
        assert_eq!(
            share_of("1至6月，全国新设外资企业2.4万家。1至6月，制造业新设外资企业0.6万家，在全国总数中的比重为25%。"),
            [["part:0.6万家", "share:25%", "whole:2.4万家"]]
        );
    }

    #[test]
    fn a_whole_of_another_scope_or_measure_is_not_the_whole() {
        // The part names its province, the only total is the nation's.
        assert!(share_of("上半年，全国社会消费品零售总额22.8万亿元。上半年，全省网上零售额0.2万亿元，占社零比重为15%。").is_empty());
        // `全国总数` of a measure the part does not end with.
        assert!(share_of("1至6月，全国外资企业投资总额2.4万亿元。1至6月，制造业新设外资企业0.6万家，在全国总数中的比重为25%。").is_empty());
    }
}
