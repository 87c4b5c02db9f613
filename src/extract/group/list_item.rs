//! A `分别` item stated again on its own: `我国对东盟、欧盟、美国和日本进出口分别增长8.4%、10.2%、
//! 9.9%和1.8%` gives 东盟's growth, and `我国对东盟进出口1.35万亿元，同比增长8.4%` states it
//! again. The two must agree.
//!
//! Chinese lists share their head: the measure is written once, after the last item
//! (`日本进出口`), and the words that lead into the list once, before the first
//! (`前五大贸易伙伴东盟`). A standalone statement `P + item + head` names item `k` of a list when
//! its ending after the item is the list's head and the rest of its name leads into the list
//! too. Only a list whose items and values pair one to one for certain takes part, and only a
//! statement whose period and basis are those of the list's value.
//!
//! The restatement is looked for within a few paragraphs of the list.
//!
//! The head is never cut inside a known measure name: the list `…日本进出口` has head `进出口`,
//! so `我国对东盟出口` (exports, not trade) names no item of it.

use super::respectively::Paired;
use super::{member, Group, GroupKind, Role};
use crate::concepts;
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::identity::{self, Basis};
use crate::lexicon::{self, List};
use crate::text::Text;

/// The shortest head or item name that ties a statement to a list: one character (`盟`, `率`)
/// is shared by chance.
const NAME_MIN: usize = 2;

/// How many paragraphs before or after its list a restatement is looked for: an article
/// restates a list's item near it, and the search stays in proportion to the draft.
const REACH: usize = 6;

/// The longest common ending of `a` and `b`, in bytes of either, on character boundaries.
fn common_ending(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

/// True when `name` ends with a known measure name longer than `head` that ends with `head`:
/// `日本进出口` ends with `进出口`, so `出口` is no head of it.
fn cuts_a_known_name(name: &str, head: &str) -> bool {
    let known = concepts::partitions()
        .iter()
        .flat_map(|p| {
            p.whole
                .iter()
                .chain(p.parts.iter().flat_map(|q| q.names.iter()))
        })
        .map(String::as_str)
        .chain(lexicon::get().words(List::MeasureNames).iter().copied());
    let mut known = known;
    known.any(|k| k.len() > head.len() && k.ends_with(head) && name.ends_with(k))
}

/// The item of `list` that the standalone `label` names, when exactly one does.
fn item_named(items: &[String], lead: &str, label: &str) -> Option<usize> {
    let last = items.last()?;
    let head_len = common_ending(label, last);
    let head = &label[label.len() - head_len..];
    // A statement that repeats the last item whole (`三线城市` of `一线、二线和三线城市`) leaves
    // the head unknown: the list's measure may be named in a clause before it
    // (`二手住宅销售价格同比全部下降，一线、二线和三线城市分别下降…`).
    if head_len == last.len() || head.chars().count() < NAME_MIN || cuts_a_known_name(last, head) {
        return None;
    }
    let before = &label[..label.len() - head_len];
    let n = items.len();
    let mut found = None;
    for (k, item) in items.iter().enumerate() {
        let name = if k + 1 == n {
            &item[..item.len() - head_len]
        } else {
            item.as_str()
        };
        let shared = common_ending(before, name);
        let whole_name = shared == name.len();
        // The first item carries the words that lead into the list: its ending is the name,
        // when no other item ends the same way.
        let first_name = k == 0
            && before[before.len() - shared..].chars().count() >= NAME_MIN
            && !items[1..]
                .iter()
                .any(|o| o.ends_with(&before[before.len() - shared..]));
        if (whole_name && name.chars().count() >= NAME_MIN) || first_name {
            // What the statement names before the item must lead into the list as well:
            // `江苏对东盟进出口` is no item of `我国对东盟、欧盟…`.
            let own = &before[..before.len() - shared];
            if !lead.contains(own) {
                return None;
            }
            if found.replace(k).is_some() {
                return None;
            }
        }
    }
    found
}

/// The dates written in fact `i`'s own full sentence before it (`一季度`, `2022年`,`1-3月`):
/// the period the sentence states for itself.
fn own_dates(text: &Text, facts: &[Fact], i: usize) -> String {
    let start = text.full_sentence(facts[i].figure.norm.start).start;
    facts[..i]
        .iter()
        .rev()
        .take_while(|d| d.figure.norm.start >= start)
        .filter(|d| {
            d.figure.kind == Kind::Date || (d.figure.kind == Kind::Range && d.figure.unit == "月")
        })
        .map(|d| d.figure.text.as_str())
        .collect::<Vec<_>>()
        .join("|")
}

/// True when the two statements are of one period for certain: the same period, sure on both
/// sides, or the same dates written in both sentences.
fn same_period(text: &Text, facts: &[Fact], a: usize, b: usize) -> bool {
    let (pa, pb) = (&facts[a].period, &facts[b].period);
    let sure = |p: &Option<String>| p.as_deref().is_some_and(|p| !p.ends_with('?'));
    if sure(pa) && pa == pb {
        return true;
    }
    let da = own_dates(text, facts, a);
    !da.is_empty() && da == own_dates(text, facts, b)
}

/// The basis of fact `i`'s rate as the paragraph states it: its own, or, when it states none,
/// the one last stated before it in its paragraph. A release states `同比` or `环比` once for a
/// paragraph of rates (`7月份，食品价格环比下降0.1%。其中，鲜果价格下降1.9%`).
fn paragraph_basis(text: &Text, facts: &[Fact], i: usize) -> Basis {
    let own = identity::basis(text, facts, i);
    if own != Basis::Unstated {
        return own;
    }
    let paragraph = facts[i].paragraph;
    (0..i)
        .rev()
        .take_while(|&j| facts[j].paragraph == paragraph)
        .filter(|&j| {
            facts[j].figure.delta
                || matches!(
                    facts[j].figure.kind,
                    Kind::Growth | Kind::Points | Kind::Multiple
                )
        })
        .map(|j| identity::basis(text, facts, j))
        .find(|b| *b != Basis::Unstated)
        .unwrap_or(Basis::Unstated)
}

/// A standalone statement of a measure: not itself a list value, a part, a goal or a bound.
fn standalone(f: &Fact) -> bool {
    f.is_measure()
        && !f.in_list
        && !f.target
        && !f.on_a_day
        && f.cell.is_none()
        && f.figure.qualifier.is_none()
        && !f.figure.attributive
        && matches!(
            f.figure.kind,
            Kind::Amount | Kind::Count | Kind::Share | Kind::Growth | Kind::Points
        )
}

pub fn groups(text: &Text, facts: &[Fact], lists: &[Paired]) -> Vec<Group> {
    let mut out = Vec::new();
    for list in lists {
        let Some(&v0) = list.values.first() else {
            continue;
        };
        let lead = facts[v0].label.as_str();
        // Statements within a few paragraphs of the list, found by bisection: facts are in
        // text order, and a restatement far away is not looked for.
        let p0 = facts[v0].paragraph;
        let from = facts.partition_point(|f| f.paragraph + REACH < p0);
        let to = facts.partition_point(|f| f.paragraph <= p0 + REACH);
        for (s, sf) in facts.iter().enumerate().take(to).skip(from) {
            if !standalone(sf) || sf.article != facts[v0].article || sf.label.is_empty() {
                continue;
            }
            let Some(k) = item_named(&list.items, lead, &sf.label) else {
                continue;
            };
            let v = list.values[k];
            let vf = &facts[v];
            let agree_on_kind = vf.figure.kind == sf.figure.kind
                && vf.figure.unit == sf.figure.unit
                && vf.figure.delta == sf.figure.delta
                && vf.figure.qualifier.is_none();
            if !agree_on_kind
                || !same_period(text, facts, s, v)
                || paragraph_basis(text, facts, s).conventional()
                    != paragraph_basis(text, facts, v).conventional()
                || identity::in_brackets(text, sf)
                || vf.figure.interval.overlaps(&sf.figure.interval)
            {
                continue;
            }
            let (first, second) = if v < s { (v, s) } else { (s, v) };
            out.push(Group::new(
                GroupKind::SameMeasure,
                vec![member(first, Role::First), member(second, Role::Second)],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;
    use super::item_named;

    fn items(s: &str) -> Vec<String> {
        s.split('、').map(str::to_string).collect()
    }

    #[test]
    fn a_statement_names_the_item_whose_name_and_head_it_repeats() {
        let list = items("主要市场东盟、欧盟、美国、日本进出口");
        let lead = "我国对主要市场东盟欧盟美国日本进出口";
        assert_eq!(item_named(&list, lead, "我国对东盟进出口"), Some(0));
        assert_eq!(item_named(&list, lead, "我国对美国进出口"), Some(2));
        // The last item repeated whole gives no head to check.
        assert_eq!(item_named(&list, lead, "我国对日本进出口"), None);
        // Exports are no head of a list of trade.
        assert_eq!(item_named(&list, lead, "我国对东盟出口"), None);
        // Another trader's trade with 东盟 is no item of ours.
        assert_eq!(item_named(&list, lead, "江苏对东盟进出口"), None);
    }

    #[test]
    fn a_list_whose_measure_is_named_before_it_gives_no_head() {
        let list = items("一线、二线和三线城市");
        assert_eq!(item_named(&list, "一线二线和三线城市", "三线城市"), None);
        assert_eq!(item_named(&list, "一线二线和三线城市", "二线城市"), None);
    }

    #[test]
    fn a_name_shared_by_two_items_names_neither() {
        let list = items("城镇居民、农村居民人均可支配收入");
        assert_eq!(
            item_named(
                &list,
                "城镇居民农村居民人均可支配收入",
                "全体居民人均可支配收入"
            ),
            None
        );
    }

    #[test]
    fn an_item_stated_again_alone_is_paired_with_its_value() {
        let g = groups_of(
            "前三季度，我国对主要市场东盟、欧盟、美国和日本进出口分别增长6.2%、3.1%、-2.4%和1.5%。从前三季度数据看，我国对东盟进出口4.73万亿元，同比增长8.2%，占我国外贸总值的15.2%。",
            GroupKind::SameMeasure,
        );
        assert_eq!(g, [["first:6.2%", "second:8.2%"]]);
    }

    #[test]
    fn an_item_of_another_period_or_basis_is_left_alone() {
        let g = groups_of(
            "前三季度，我国对主要市场东盟、欧盟、美国和日本进出口分别增长6.2%、3.1%、-2.4%和1.5%。9月份，我国对东盟进出口5830亿元，同比增长8.2%。",
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
        let g = groups_of(
            "前三季度，我国对主要市场东盟、欧盟、美国和日本进出口分别增长6.2%、3.1%、-2.4%和1.5%。前三季度，我国对东盟进出口比2019年同期增长18.2%。",
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
        // A paragraph of month-on-month rates states `环比` once.
        let g = groups_of(
            "7月份，食品价格同比上涨2.8%。其中，水产品、鲜果和粮食价格分别上涨5.8%、0.5%和0.4%。\n7月份，食品价格环比下降0.1%。其中，鲜果价格下降1.9%，水产品价格上涨0.6%。",
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
