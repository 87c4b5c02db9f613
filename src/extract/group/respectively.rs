//! `分别` lists: `A、B和C分别增长X、Y和Z` pairs items with values in order, so there must be as
//! many values as items.
//!
//! Items are read from the clause text before `分别`, split at `、` (and at the last `和`);
//! values are the figures right after `分别` joined only by `、和及与`. A list whose items
//! cannot be counted (one item, `城乡居民分别为…`) makes no group.

use super::{member, Group, GroupKind, Role, Synthetic};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::label::{strip_brackets, strip_marks};
use crate::interval::Interval;
use crate::lexicon::{self, List};
use crate::text::Text;
use rust_decimal::Decimal;

const JOINERS: &[char] = &['、', '和', '及', '与', ' '];

/// How many items `A、B和C` lists: at the `、` only, and also splitting the last item at its
/// `和` (`吃类、穿类和用类`). Industry names contain `和` too (`批发和零售业`), so a list may
/// be read either way; a count that fits either reading is not a contradiction.
fn counts(s: &str) -> (usize, usize) {
    let parts: Vec<&str> = s.split('、').filter(|p| !p.trim().is_empty()).collect();
    let split = items(s).len();
    // `北京、上海、广州和深圳`: when no other item has a `和` in its name, the last `和`
    // joins two items for certain.
    let names_with_he =
        parts.len() > 1 && parts[..parts.len() - 1].iter().any(|p| p.contains('和'));
    if names_with_he || parts.len() == 1 {
        (parts.len(), split)
    } else {
        (split, split)
    }
}

/// Splits `A、B和C` into its items.
fn items(s: &str) -> Vec<String> {
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

/// The `分别` groups, and every fact that is a value of a `分别` list (counted or not).
pub fn groups(text: &Text, facts: &[Fact]) -> (Vec<Group>, Vec<usize>) {
    let t = text.as_str();
    let mut out = Vec::new();
    let mut listed = Vec::new();
    for (at, word) in t.match_indices("分别") {
        let clause = text.structure.clause_at(at);
        let Some(c) = text.structure.clauses.get(clause) else {
            continue;
        };
        // Values: the figures after 分别 in its clause, joined only by list words.
        let first = facts.partition_point(|f| f.figure.norm.start < at + word.len());
        let mut values = Vec::new();
        let mut prev_end = None;
        for (i, f) in facts.iter().enumerate().skip(first) {
            if f.figure.norm.start >= c.range.end {
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
            if !f.is_measure() {
                break;
            }
            values.push(i);
            prev_end = Some(f.figure.norm.end);
        }
        if values.is_empty() {
            continue;
        }
        listed.extend(&values);
        // Items: the clause text before 分别, after the last figure that is not a list item.
        let mut start = c.range.start;
        for f in facts[..first].iter().rev() {
            if f.figure.norm.end <= c.range.start {
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
        let cleaned = strip_marks(raw.trim_start_matches("其中"));
        let list = items(&strip_brackets(raw.trim_start_matches("其中")));
        if list.len() < 2 || cleaned.chars().count() < 3 {
            continue;
        }
        if opens_on_comma && !raw.contains('、') && values.len() > list.len() {
            continue;
        }
        let (o_start, o_end) = text.original_range(start, at);
        let n = list.len();
        let (fewest, most) = counts(&strip_brackets(raw.trim_start_matches("其中")));
        let (fewest, most) = (fewest.min(most), fewest.max(most));
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
    (out, listed)
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
}
