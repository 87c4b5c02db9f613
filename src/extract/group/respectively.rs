//! `分别` lists: `A、B和C分别增长X、Y和Z` pairs items with values in order, so there must be as
//! many values as items.
//!
//! Items are read from the clause text before `分别`, split at `、` (and at the last `和`);
//! values are the figures right after `分别` joined only by `、和及与`. A list whose items
//! cannot be counted (one item, `城乡居民分别为…`) makes no group.

use super::{full_sentence_end, member, new_breakdown, Group, GroupKind, Role, Synthetic};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::label::{strip_brackets, strip_marks};
use crate::interval::Interval;
use crate::lexicon::{self, List};
use crate::text::words;
use crate::text::{Clause, Text};
use rust_decimal::Decimal;
use std::ops::Range;

const JOINERS: &[char] = &['、', '和', '及', '与', ' '];

/// True when the words before `分别` only point back at what the clause before named
/// (`同比`, `指数`, nothing at all): lead-ins from `lexicon/respectively-lead-ins.json`.
fn only_lead_ins(stretch: &str) -> bool {
    let mut rest = stretch.trim_matches([' ', '，', ',']);
    let words = lexicon::get().words(List::RespectivelyLeadIns);
    while !rest.is_empty() {
        let Some(w) = words
            .iter()
            .filter(|w| rest.starts_with(*w))
            .max_by_key(|w| w.len())
        else {
            return false;
        };
        rest = &rest[w.len()..];
    }
    true
}

/// The list `A、B、C` that the clause before `clause` names, when that clause opens a sentence
/// or follows a clause of figures or a breakdown (`从企业规模来看，`): a clause that follows
/// one of bare names may be the last of names listed between commas, whose count is unknown.
/// The list runs to the first figure of the clause (`…均低于50%`), after an opener such as
/// `领域是`, and must hold a `、`, so that it is a list for certain.
fn list_in_clause_before(text: &Text, facts: &[Fact], clause: usize) -> Option<Range<usize>> {
    let t = text.as_str();
    let clauses = &text.structure.clauses;
    let sentence_of = |c: &Clause| text.structure.sentence_at(c.range().start);
    let prev_clause = clauses.get(clause.checked_sub(1)?)?;
    if sentence_of(prev_clause) != sentence_of(&clauses[clause]) {
        return None;
    }
    let prev = prev_clause.range();
    // Facts are in text order: the first at or after a position is found by bisection.
    let first_from = |at: usize| facts.partition_point(|f| f.figure.norm.start < at);
    let first_fact = facts
        .get(first_from(prev.start))
        .map_or(prev.end, |f| f.figure.norm.start);
    let mut end = first_fact.min(prev.end);
    end = prev.start + t[prev.start..end].trim_end_matches(['，', ',']).len();
    let mut begin = prev.start;
    let stretch = &t[begin..end];
    let first_dun = stretch.find('、')?;
    if let Some((i, w)) = lexicon::get()
        .words(List::EnumerationOpeners)
        .iter()
        .filter_map(|w| stretch[..first_dun].rfind(w).map(|i| (i, *w)))
        .max_by_key(|(i, _)| *i)
    {
        begin += i + w.len();
    }
    if let Some(before) = clause.checked_sub(2).and_then(|c| clauses.get(c)) {
        let same_sentence = sentence_of(before) == sentence_of(prev_clause);
        let before = before.range();
        let has_figure = facts
            .get(first_from(before.start))
            .is_some_and(|f| before.contains(&f.figure.norm.start));
        if same_sentence && !has_figure && !new_breakdown(text, before.start, before.end) {
            return None;
        }
    }
    (begin < end).then_some(begin..end)
}

/// A single value after `分别` that stands alone in its sentence: no other figure of its kind
/// and unit follows it there, so no value of the list went to a clause of its own, and it
/// bears no qualifier (`分别增长10%以上` may say of each that it passed one mark).
fn lone_value(text: &Text, facts: &[Fact], v: usize) -> bool {
    let f = &facts[v];
    let end = full_sentence_end(text, f.figure.norm.start);
    f.figure.qualifier.is_none()
        && !facts[v + 1..]
            .iter()
            .take_while(|g| g.figure.norm.start < end)
            .any(|g| g.figure.kind == f.figure.kind && g.figure.unit == f.figure.unit)
}

/// How many items `A、B和C` lists: at the `、` only, and also splitting the last item at its
/// `和` (`吃类、穿类和用类`). Industry names contain `和` too (`批发和零售业`), so a list may
/// be read either way; a count that fits either reading is not a contradiction.
fn counts(s: &str) -> (usize, usize) {
    let s = &whole_names(s);
    let parts: Vec<&str> = s.split('、').filter(|p| !p.trim().is_empty()).collect();
    let split = items(s).len();
    // `北京、上海、广州和深圳`: when no other item has a `和` in its name, the last `和`
    // joins two items for certain.
    let names_with_he =
        parts.len() > 1 && parts[..parts.len() - 1].iter().any(|p| p.contains('和'));
    let (fewest, most) = if names_with_he || parts.len() == 1 {
        (parts.len(), split)
    } else {
        (split, split)
    };
    // `中国大陆、中国台湾及马来西亚`: a last `及` or `与` may join two items as `和` does, or
    // belong to a name (`航空航天器及设备制造业`): either count is a reading.
    let last_joins = parts.last().is_some_and(|p| {
        !p.contains('和') && !p.contains("以及") && (p.contains('及') || p.contains('与'))
    });
    if last_joins && fewest == most {
        (fewest, most + 1)
    } else {
        (fewest, most)
    }
}

/// `s` with the `、` inside one class's name (`农、林、牧、渔业`, from
/// `lexicon/names-with-dun.json`) taken out, so that the name is one item.
fn whole_names(s: &str) -> String {
    let mut s = s.to_string();
    for name in lexicon::get().words(List::NamesWithDun) {
        if words::contains(&s, name) {
            s = s.replace(name, &name.replace('、', ""));
        }
    }
    s
}

/// Splits `A、B和C` into its items.
fn items(s: &str) -> Vec<String> {
    let s = &whole_names(s);
    let mut parts: Vec<String> = s
        .split('、')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(last) = parts.pop() {
        match last.rsplit_once('和').or_else(|| last.rsplit_once("以及")) {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => {
                parts.push(a.to_string());
                parts.push(b.to_string());
            }
            _ => parts.push(last),
        }
    }
    parts
}

/// A `分别` list whose items and values pair one to one for certain: item `k` is what value `k`
/// measures. The items are as written, the first holding any words that lead into the list
/// (`前五大贸易伙伴东盟`) and the last the measure they share (`日本进出口`).
#[derive(Clone, Debug)]
pub struct Paired {
    pub items: Vec<String>,
    pub values: Vec<usize>,
}

/// The `分别` groups, every fact that is a value of a `分别` list (counted or not), and the
/// lists whose items pair with their values.
pub fn groups(
    text: &Text,
    within: &std::ops::Range<usize>,
    facts: &[Fact],
) -> (Vec<Group>, Vec<usize>, Vec<Paired>) {
    let t = text.as_str();
    let mut out = Vec::new();
    let mut listed = Vec::new();
    let mut paired = Vec::new();
    for (at, word) in t[within.clone()].match_indices("分别") {
        let at = within.start + at;
        let clause = text.structure.clause_at(at);
        let Some(c) = text.structure.clauses.get(clause) else {
            continue;
        };
        // Values: the figures after 分别 in its clause, joined only by list words.
        let first = facts.partition_point(|f| f.figure.norm.start < at + word.len());
        let mut values = Vec::new();
        let mut prev_end = None;
        for (i, f) in facts.iter().enumerate().skip(first) {
            if f.figure.norm.start >= c.range().end {
                break;
            }
            if let Some(end) = prev_end {
                // `分别上升1.35个百分点、下降6.79个百分点`: each value may carry its own verb.
                let between = &t[end..f.figure.norm.start];
                let rest = between.trim_start_matches(JOINERS);
                let joined = between.is_empty() || rest.len() < between.len();
                let verb = lexicon::get()
                    .words(List::ChangeVerbs)
                    .iter()
                    .filter(|v| rest.starts_with(*v))
                    .map(|v| v.len())
                    .max()
                    .unwrap_or(0);
                if !joined || !rest[verb..].chars().all(|ch| JOINERS.contains(&ch)) {
                    break;
                }
            }
            // `分别获得13席、13席及8席的议席`: the last value carries the `的` of the whole list
            // to its noun; it is a value all the same (see `attributive_value` below).
            let last_of_list = prev_end.is_some() && f.figure.kind != Kind::Date;
            if !f.is_measure() && !last_of_list {
                break;
            }
            values.push(i);
            prev_end = Some(f.figure.norm.end);
        }
        if values.is_empty() {
            continue;
        }
        listed.extend(&values);
        // A value read as attributive (`…及8席的议席`) is one the rules do not count: the list's
        // length is then unsure, and no group is made.
        let attributive_value = values.iter().any(|&v| facts[v].figure.attributive);
        if attributive_value {
            continue;
        }
        // Items: the clause text before 分别, after the last figure that is not a list item.
        let mut start = c.range().start;
        for f in facts[..first].iter().rev() {
            if f.figure.norm.end <= c.range().start {
                break;
            }
            let next = t[f.figure.norm.end..].chars().next().unwrap_or(' ');
            // `除信息业同比增长5.4%、租赁业…分别下降…`: a rate with its own verb is the value of
            // the item before it, which is no item of the list after it.
            let own_value = f.figure.delta
                || matches!(f.figure.kind, Kind::Growth | Kind::Points | Kind::Multiple);
            let listed = (JOINERS.contains(&next) || f.figure.norm.end == at) && !own_value;
            if !listed {
                start = start.max(f.figure.norm.end);
                break;
            }
        }
        // `有色金属冶炼和压延加工业，计算机、通信和其他电子设备制造业，电气机械和器材制造业
        // 同比分别增长…`: names that hold `、` and `和` are listed between commas, so a clause
        // that names no list of its own may be the last item of one: its items are uncounted.
        let opens_on_comma = t[..start].ends_with(['，', ',']);
        let mut raw = &t[start..at];
        // `除A外，B、C分别…`: what is set apart by `除…外` is no item of the list.
        if let Some(rest) = raw.strip_prefix('除').and_then(|r| r.split_once('外')) {
            raw = rest.1.trim_start_matches(['，', ',']);
        }
        let raw = raw.trim_start_matches(['、', '，', ',']);
        // `raw` is a suffix of the stretch: its start in the text.
        let start = at - raw.len();
        let mut cleaned = strip_marks(raw.trim_start_matches("其中"));
        let mut list = items(&strip_brackets(raw.trim_start_matches("其中")));
        let (mut raw, mut start, mut opens_on_comma) = (raw, start, opens_on_comma);
        // `领域是A、B、C，分别增长…`, `A、B和C指数均低于50%，指数分别为…`: the clause holds no
        // list of its own, only words that point back; the list is the clause before.
        if list.len() < 2 && only_lead_ins(&cleaned) {
            if let Some(r) = list_in_clause_before(text, facts, clause) {
                raw = &t[r.clone()];
                start = r.start;
                opens_on_comma = false;
                cleaned = strip_marks(raw);
                list = items(&strip_brackets(raw));
            }
        }
        if list.len() < 2 || cleaned.chars().count() < 3 {
            continue;
        }
        if opens_on_comma && !raw.contains('、') && values.len() > list.len() {
            continue;
        }
        let items_end = start + raw.len();
        let (o_start, o_end) = text.original_range(start, items_end);
        let n = list.len();
        let (fewest, most) = counts(&strip_brackets(raw.trim_start_matches("其中")));
        let (mut fewest, most) = (fewest.min(most), fewest.max(most));
        // `A和B分别为X`: `分别` pairs two or more items with as many values, so a single value
        // after it reads `A和B` as two items, not as one name holding `和`.
        if values.len() == 1 && lone_value(text, facts, values[0]) {
            fewest = fewest.max(2).min(most);
        }
        if fewest == most && most == values.len() && list.len() == values.len() {
            paired.push(Paired {
                items: list.clone(),
                values: values.clone(),
            });
        }
        let mut g = Group::new(
            GroupKind::Respectively,
            values.iter().map(|&v| member(v, Role::Value)).collect(),
        );
        g.extra.push(Synthetic {
            name: "items",
            value: Interval::new(Some(Decimal::from(fewest)), Some(Decimal::from(most))),
            span: o_start..o_end,
            note: format!("{n} items: {}", list.join("、")),
        });
        out.push(g);
    }
    (out, listed, paired)
}

#[cfg(test)]
mod tests {
    use super::items;

    #[test]
    fn items_split_at_commas_and_the_last_he() {
        assert_eq!(items("吃类、穿类和用类商品网上零售额").len(), 3);
        assert_eq!(items("农村和农产品网络零售额").len(), 2);
        assert_eq!(
            items("医疗仪器设备及仪器仪表制造业、航空航天器及设备制造业和科技成果转化服务业").len(),
            3
        );
        assert_eq!(
            items("建筑业、科技成果转化服务、研发与设计服务领域").len(),
            3
        );
    }

    use super::super::testing::groups_of;
    use super::super::GroupKind;

    /// The items counted in words, as the group's `items` note gives them.
    fn counted(text: &str) -> Vec<String> {
        let ex = crate::extract::extract(&crate::source::Source::new("t.txt", text));
        ex.groups
            .iter()
            .filter(|g| g.kind == GroupKind::Respectively)
            .flat_map(|g| g.extra.iter().map(|s| s.note.clone()))
            .collect()
    }

    #[test]
    fn a_list_whose_last_value_carries_the_de_is_not_miscounted() {
        let notes = counted("按目前票数推算，甲、乙、丙三党可能分别获得21席、21席及9席的议席。");
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_class_name_holding_dun_is_one_item() {
        let notes = counted("1-6月，农、林、牧、渔业和建筑业新设企业分别为1.2万户和3.4万户。");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("2 items"), "{notes:?}");
    }

    #[test]
    fn an_item_set_apart_with_its_own_rate_is_not_counted() {
        let notes = counted("其中，除金融业同比增长4.2%、批发和零售业、住宿和餐饮业、房地产业分别下降12.6%、20.1%、5.5%。");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(!notes[0].contains("金融业"), "{notes:?}");
    }

    #[test]
    fn values_may_carry_their_own_verb_or_name_the_change_after_them() {
        let g = groups_of(
            "与2015年相比，0—14岁、15—59岁、60岁及以上人口的比重分别上升0.82个百分点、下降4.16个百分点、上升3.34个百分点。",
            GroupKind::Respectively,
        );
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].len(), 3, "{g:?}");
        let g = groups_of(
            "电动汽车、锂电池、光伏产品出口分别实现12.4%、21.7%、9.3%的增长。",
            GroupKind::Respectively,
        );
        assert_eq!(g[0].len(), 3, "{g:?}");
    }

    #[test]
    fn a_list_in_the_clause_before_counts_its_items() {
        let notes = counted("今年增长较快的是钢铁、水泥和玻璃，同比分别增长4.1%、3.2%和2.5%。");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with("3 items: 钢铁"), "{notes:?}");
        let notes = counted("钢材、水泥和平板玻璃产量均低于上年，降幅分别为4.1%和2.5%。");
        assert!(
            notes.is_empty(),
            "a stretch naming its own measure points back at nothing: {notes:?}"
        );
    }

    #[test]
    fn names_listed_between_commas_give_no_count() {
        let notes = counted(
            "黑色金属冶炼和压延加工业，计算机、通信和其他电子设备制造业，专用设备制造业，同比分别增长8.1%、9.2%、6.3%。",
        );
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_single_value_reads_the_he_as_two_items() {
        let ex = |s: &str| {
            let ex = crate::extract::extract(&crate::source::Source::new("t.txt", s));
            ex.groups
                .iter()
                .filter(|g| g.kind == GroupKind::Respectively)
                .map(|g| (g.members.len(), g.extra[0].value))
                .collect::<Vec<_>>()
        };
        let g = ex("城镇和农村居民人均收入分别增长5.1%。");
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].1.lo, Some(rust_decimal::Decimal::from(2)), "{g:?}");
        // A second value in a clause of its own keeps both readings.
        let g = ex("城镇和农村居民人均收入分别增长5.1%，农村增长6.2%。");
        assert_eq!(g[0].1.lo, Some(rust_decimal::Decimal::ONE), "{g:?}");
    }
}
