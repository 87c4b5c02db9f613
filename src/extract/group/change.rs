//! A level, its change and its rate in one sentence: `达48.3万户，较上年增加3.2万户，增长7.1%`.
//! The change and the rate must both describe the level (they inherit its label).

use super::{full_sentence_end, member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::identity::{basis, Basis};
use crate::extract::label::strip_marks;
use crate::text::Text;

/// True when the change is one of a change (`多增`, `少减`): more or less than the change a
/// year before, not a change of the level.
pub(super) fn of_a_change(t: &str, f: &Fact) -> bool {
    let before = &t[..f.figure.norm.start];
    let verb: String = before.chars().rev().take(2).collect();
    verb.starts_with(['增', '减']) && verb.ends_with(['多', '少'])
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    let t = text.as_str();
    for (l, level) in facts.iter().enumerate() {
        if !level.is_level() || level.label.is_empty() {
            continue;
        }
        // `与上年的4460.2万人相比，增加220.4万人`: the level named is the base, not today's.
        // A note in brackets (`与2010年（第六次全国人口普查数据，下同）的133972万人相比`) may
        // hold a comma: read from the figure before, with notes taken out.
        let sentence_start = text.full_sentence(level.figure.norm.start).start;
        let from = facts[..l]
            .iter()
            .rev()
            .take_while(|f| f.figure.norm.start >= sentence_start)
            .find(|f| f.figure.kind != Kind::Date)
            .map_or(sentence_start, |f| f.figure.norm.end);
        let before = strip_marks(&t[from.min(level.figure.norm.start)..level.figure.norm.start]);
        let before = before.rsplit(['，', ',', '；', ';']).next().unwrap_or("");
        if before.ends_with('的') && ["与", "比", "较"].iter().any(|w| before.contains(w)) {
            continue;
        }
        // GDP and value added grow at constant prices: a change in current yuan does not make
        // their rate, unless the rate is said to be nominal.
        let real = super::grows_at_constant_prices(&level.label);
        let sentence = &t[text.full_sentence(level.figure.norm.start)];
        if real && !(sentence.contains("名义") || sentence.contains("现价")) {
            continue;
        }
        let end = full_sentence_end(text, level.figure.norm.start);
        let mut change = None;
        let mut rate = None;
        for (i, f) in facts.iter().enumerate().skip(l + 1) {
            if f.figure.norm.start >= end || f.is_level() {
                break;
            }
            if f.label != level.label || f.figure.attributive {
                continue;
            }
            let is_change = f.figure.delta
                && f.figure.kind == level.figure.kind
                && f.figure.unit == level.figure.unit;
            if is_change && change.is_none() {
                change = Some(i);
            } else if f.figure.kind == Kind::Growth && rate.is_none() {
                rate = Some(i);
            }
        }
        let Some(c) = change else {
            continue;
        };
        // `比9月末减少208万平方米，同比增长10.2%`: a change on last month and a rate on last
        // year describe two different bases; so do `比年初增加` and `同比增长`.
        // `6月末余额168亿元，同比增长10.4%，上半年增加11亿元`: a change over a period of its
        // own (since the start of the half year) is no change over the rate's twelve months.
        let rate = rate.filter(|&r| {
            basis(text, facts, c).conventional() == basis(text, facts, r).conventional()
                && facts[c].period == facts[r].period
        });
        match rate {
            Some(r) => out.push(Group::new(
                GroupKind::Change,
                vec![
                    member(l, Role::Level),
                    member(c, Role::Change),
                    member(r, Role::Rate),
                ],
            )),
            // `住户贷款余额812.6亿元，比年初增加35.2亿元`: a level and its change since the
            // start of the year, the level then. Not `同比多增`, a change of the change.
            None if basis(text, facts, c) == Basis::YearStart && !of_a_change(t, &facts[c]) => out
                .push(Group::new(
                    GroupKind::Change,
                    vec![member(l, Role::Level), member(c, Role::Change)],
                )),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn a_level_its_change_and_its_rate_make_a_group() {
        let g = groups_of(
            "2024年，规上工业企业数量达到48.3万户，较上年增加3.2万户，增长7.1%。",
            GroupKind::Change,
        );
        assert_eq!(g, [["level:48.3万户", "change:3.2万户", "rate:7.1%"]]);
    }

    #[test]
    fn a_change_since_the_start_of_the_year_is_not_the_change_of_a_yearly_rate() {
        let g = groups_of(
            "3月末，人民币存款余额55128.04亿元，比年初增加1468.96亿元，同比增长8.08%。",
            GroupKind::Change,
        );
        // The balance and its change, without the rate of another basis.
        assert_eq!(g, [["level:55128.04亿元", "change:1468.96亿元"]]);
    }

    #[test]
    fn a_balance_and_its_change_since_the_start_of_the_year_make_a_group() {
        let g = groups_of(
            "3月末，住户贷款余额812.6亿元，比年初增加35.2亿元，同比多增4.1亿元。",
            GroupKind::Change,
        );
        assert_eq!(g, [["level:812.6亿元", "change:35.2亿元"]]);
        let g = groups_of(
            "3月末，住户贷款余额812.6亿元，同比多增35.2亿元。",
            GroupKind::Change,
        );
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn a_change_over_a_period_of_its_own_is_not_the_change_of_a_yearly_rate() {
        let g = groups_of(
            "2023年三季度末，住房贷款余额52.3万亿元，同比增长6.1%，前三季度增加2.4万亿元。",
            GroupKind::Change,
        );
        assert!(g.iter().all(|m| m.len() < 3), "{g:?}");
    }

    #[test]
    fn value_added_grows_at_constant_prices() {
        let g = groups_of(
            "2016年，全县人均地区生产总值达28322元，比上年新增3637元，增长12.7%。",
            GroupKind::Change,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
