//! A headline against its body: the title line of an article (`统计局:2022年城镇化率达65.22%`,
//! `国庆假日全国14省旅游收入超百亿 云南收入72.86亿`) restates, shortened, a figure its body
//! gives. A headline's figure that no body statement of a matching measure agrees with is a
//! slip in one of the two.
//!
//! A headline abbreviates: it drops the period the body names (`2022年` or nothing), the unit
//! (`72.86亿` for `72.86亿元`), the base of a share, the basis of a rate, and keeps the subject
//! only when the body speaks of several (`云南收入` where the body says `云南…实现旅游收入`). So a
//! headline figure is read in its widest sense: every body statement that may be the one it
//! shortens is a candidate, and only when it agrees with none of them, and its printed number
//! appears nowhere in the body, is it paired with the first candidate for `same-figure-twice`.
//! A headline figure the body never restates, or whose measure hedui cannot name, is left
//! alone.
//!
//! A title line is the first or last paragraph of an article (a page may print a headline
//! after its article), short, with no sentence end, when the article has a body of full
//! sentences besides it.

use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::identity::{self, Basis};
use crate::lexicon::{self, List};
use crate::text::{Text, FULL_STOPS};
use std::ops::Range;

/// A title line holds at most this many characters.
const TITLE_MAX: usize = 50;

/// The shortest name part that ties a headline to a body statement: one character (`率`) says
/// nothing of which measure is meant.
const HEAD_MIN: usize = 2;

/// For each paragraph of `within` (from the first, whose index is returned), whether it is a
/// title line of its article. One pass over the paragraphs: each article's first and last are
/// known as the walk goes.
fn title_paragraphs(text: &Text, within: &Range<usize>) -> (usize, Vec<bool>) {
    let t = text.as_str();
    let all = &text.structure.paragraphs;
    let first = all.partition_point(|p| p.range.end <= within.start);
    let paragraphs =
        &all[first..first + all[first..].partition_point(|p| p.range.start < within.end)];
    let is_title = |p: usize| {
        let s = t[paragraphs[p].range.clone()].trim();
        let ends = s.trim_end_matches(['”', '’', '」', '）', ')', '"']);
        !s.is_empty()
            && s.chars().count() <= TITLE_MAX
            && !ends.ends_with(FULL_STOPS)
            && !ends.ends_with(['；', ';', '…'])
    };
    let has_stop = |p: usize| t[paragraphs[p].range.clone()].contains('。');
    let mut out = vec![false; paragraphs.len()];
    let mut start = 0;
    while start < paragraphs.len() {
        let article = paragraphs[start].article;
        let end = start
            + paragraphs[start..]
                .iter()
                .take_while(|p| p.article == article)
                .count();
        let last = end - 1;
        for p in [start, last] {
            let body = (start..end).any(|k| k != p && has_stop(k));
            if is_title(p) && body {
                out[p] = true;
            }
        }
        start = end;
    }
    (first, out)
}

/// The other name a body statement gives its measure in brackets right before the figure:
/// `城镇人口占全国人口比重(城镇化率)为65.22%`, the usual way a release introduces the short
/// name a headline then uses.
fn bracketed_name<'a>(text: &'a Text, f: &Fact) -> Option<&'a str> {
    let t = text.as_str();
    let clause = &text.structure.clauses[f.clause];
    let mut pre = &t[clause.range().start.min(f.figure.norm.start)..f.figure.norm.start];
    let markers = lexicon::get().words(List::LevelMarkers);
    if let Some(m) = markers
        .iter()
        .filter(|m| pre.ends_with(*m))
        .max_by_key(|m| m.len())
    {
        pre = &pre[..pre.len() - m.len()];
    }
    let inner = pre.strip_suffix([')', '）'])?;
    let open = inner.rfind(['(', '（'])?;
    let name = &inner[open..];
    let name = name.trim_start_matches(['(', '（']);
    let plain =
        !name.is_empty() && !name.contains(|c: char| c.is_ascii_digit() || "，,、".contains(c));
    plain.then_some(name)
}

/// How a headline's measure name `head` matches a body statement's name `body`: the same
/// name, the body's fuller name (`第16任总统副总统选举投票率` for `投票率`), or the headline's
/// subject before a name the body shares (`云南收入` for the `旅游收入` of a paragraph about
/// `云南`). Returns the headline's subject that the body must name, if any.
fn matches<'a>(head: &'a str, body: &str) -> Option<&'a str> {
    if head == body {
        return Some("");
    }
    if let Some(extra) = body.strip_suffix(head) {
        // `进出口` is no fuller `出口`: a one-character difference is another word.
        return (extra.chars().count() >= HEAD_MIN).then_some("");
    }
    // The longest common ending, on character boundaries.
    let common: usize = head
        .chars()
        .rev()
        .zip(body.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let subject = &head[..head.len() - common];
    let shared = &head[head.len() - common..];
    (shared.chars().count() >= HEAD_MIN && subject.chars().count() >= HEAD_MIN).then_some(subject)
}

/// True when the headline's period `h` and the body's `b` may be one: a headline often names
/// no period, or drops the year the body states (`国庆假期` of `2015年国庆假期`, `1-8月` of
/// `2023年1-8月`).
///
/// A body period the prose leaves unsure (`国庆假期|2015年国庆假期?`, the article's main period
/// or the one stated last) may be either.
fn periods_agree(h: Option<&str>, b: Option<&str>) -> bool {
    match (h, b) {
        (Some(h), Some(b)) => b
            .trim_end_matches('?')
            .split('|')
            .any(|b| h == b || b.ends_with(h) && b[..b.len() - h.len()].ends_with('年')),
        _ => true,
    }
}

/// True when the headline's figure `h` and the body's `b` may state one measure, apart from
/// its name: kind and unit (a headline drops `元` from `72.86亿元`), change or level, base.
fn comparable(h: &Fact, b: &Fact) -> bool {
    let kinds = h.figure.kind == b.figure.kind && h.figure.unit == b.figure.unit
        || h.figure.kind == Kind::Number
            && h.figure.unit.is_empty()
            && h.figure.magnitude.is_some()
            && matches!(b.figure.kind, Kind::Amount | Kind::Count);
    let bases = match (&h.base, &b.base) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    kinds && bases && h.figure.delta == b.figure.delta
}

/// The number as printed in the headline (`71.68`), to look for in the body.
fn printed_digits(f: &Fact) -> &str {
    let s = f.figure.text.as_str();
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len());
    &s[..end]
}

/// A figure of a measure, in a kind a headline restates.
fn measured(f: &Fact) -> bool {
    f.is_measure()
        && !f.target
        && !f.figure.attributive
        && matches!(
            f.figure.kind,
            Kind::Amount | Kind::Count | Kind::Share | Kind::Growth | Kind::Points | Kind::Number
        )
}

/// A headline figure that is checked: exact (`超百亿` only bounds), of a measure of its own
/// (not a `分别` value or a `其中` part, whose names are elided), and no table cell.
fn stated(f: &Fact) -> bool {
    measured(f)
        && !f.in_list
        && f.subset_of.is_none()
        && f.cell.is_none()
        && f.figure.qualifier.is_none()
}

/// The headline figures of the articles in `within` and the body statements they are checked
/// against.
pub fn groups(text: &Text, within: &Range<usize>, facts: &[Fact]) -> Vec<Group> {
    let (first, titles) = title_paragraphs(text, within);
    if !titles.contains(&true) {
        return Vec::new();
    }
    let is_title = |p: usize| p.checked_sub(first).and_then(|k| titles.get(k)) == Some(&true);
    let t = text.as_str();
    let paragraphs = &text.structure.paragraphs;
    let mut out = Vec::new();
    for (h, hf) in facts.iter().enumerate() {
        if !is_title(hf.paragraph) || !stated(hf) {
            continue;
        }
        let digits = printed_digits(hf);
        if digits.len() < 2 {
            continue;
        }
        let Some(head) = identity::measure(text, facts, h) else {
            continue;
        };
        // The article's facts, found by bisection: facts are in text order.
        let article = &text.structure.articles[hf.article];
        let from = facts.partition_point(|f| f.figure.norm.start < article.start);
        let to = facts.partition_point(|f| f.figure.norm.start < article.end);
        let p_from = paragraphs.partition_point(|p| p.article < hf.article);
        let p_to = paragraphs.partition_point(|p| p.article <= hf.article);
        let body_says = |s: &str| {
            (p_from..p_to).any(|k| !is_title(k) && t[paragraphs[k].range.clone()].contains(s))
        };
        if body_says(digits) {
            continue;
        }
        let h_basis = identity::basis(text, facts, h);
        let mut candidates = (from..to)
            .map(|b| (b, &facts[b]))
            .filter(|(_, b)| {
                b.article == hf.article
                    && !is_title(b.paragraph)
                    // Every body statement may be the one the headline shortens, parts and
                    // list values too: more candidates only make silence likelier.
                    && measured(b)
                    && b.figure.kind != Kind::Number
                    && comparable(hf, b)
                    && periods_agree(hf.period.as_deref(), b.period.as_deref())
            })
            .filter(|&(b, bf)| {
                let names = identity::measure(text, facts, b)
                    .into_iter()
                    .chain(bracketed_name(text, bf).map(identity::canonical));
                let paragraph = &paragraphs[bf.paragraph];
                let before =
                    &t[paragraph.range.start.min(bf.figure.norm.start)..bf.figure.norm.start];
                names.into_iter().any(|name| {
                    matches(&head, &name).is_some_and(|s| s.is_empty() || before.contains(s))
                })
            })
            .filter(|&(b, _)| {
                h_basis == Basis::Unstated
                    || identity::basis(text, facts, b).conventional() == h_basis.conventional()
            })
            .peekable();
        let Some(&(first, _)) = candidates.peek() else {
            continue;
        };
        if candidates.any(|(_, b)| b.figure.interval.overlaps(&hf.figure.interval)) {
            continue;
        }
        out.push(Group::new(
            GroupKind::SameMeasure,
            vec![member(first, Role::First), member(h, Role::Second)],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;
    use super::matches;

    const BODY: &str = "（记者王明）选举委员会晚间表示，本次选举登记选民人数286万4512人，投票人数196万9012人，投票率68.74%；区域议席投票率69.02%，功能组别议席投票率67.95%，较上届提高1.2个百分点。";

    #[test]
    fn a_title_line_that_agrees_with_no_body_statement_is_paired() {
        let g = groups_of(
            &format!("选举委员会:投票率68.47% 新一届议会产生\n{BODY}"),
            GroupKind::SameMeasure,
        );
        assert_eq!(g, [["first:68.74%", "second:68.47%"]]);
    }

    #[test]
    fn a_title_line_may_shorten_any_body_statement_of_its_measure() {
        // The headline gives the functional seats' turnout: one of the body's statements.
        let g = groups_of(
            &format!("选举委员会:投票率67.95% 新一届议会产生\n{BODY}"),
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
        // A rounded restatement agrees: 7.8万亿 is 78340亿.
        let g = groups_of(
            "商务部:前8月实际使用外资7.8万亿 同比下降4.5%\n（记者王明）商务部9月20日发布，1-8月，全国实际使用外资78340亿元人民币，同比下降4.5%；其中，制造业实际使用外资2039.5亿元。",
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn a_headline_subject_is_the_one_its_body_paragraph_names() {
        let text = "中秋假期全省旅游收入超百亿 大理收入21.46亿\n（记者王明）省文化和旅游厅通报，中秋假期全省共接待游客2631.5万人次，实现旅游收入258.3亿元。\n大理共接待游客356.82万人次，同比增长7.35%。实现旅游收入24.16亿元，同比增长13.08%。";
        let g = groups_of(text, GroupKind::SameMeasure);
        assert_eq!(g, [["first:24.16亿元", "second:21.46亿"]]);
        // The province's income is no candidate for 大理's: nothing to compare with.
        let g = groups_of(
            &text.replace("实现旅游收入24.16亿元，同比增长13.08%", "同比增长13.08%"),
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn a_bracketed_short_name_in_the_body_is_the_headline_s_name() {
        let g = groups_of(
            "年末全省常住人口4180万人，比上年末增加26万人。其中，城镇常住人口2654万人；城镇人口占常住人口比重（常住人口城镇化率）为63.49%，比上年末提高0.72个百分点。\n省统计局:2023年全省城镇化率达64.39%,提高0.72个百分点",
            GroupKind::SameMeasure,
        );
        assert_eq!(g, [["first:63.49%", "second:64.39%"]]);
    }

    #[test]
    fn a_number_the_body_prints_is_never_questioned() {
        // 24.16 is printed in the body, for another measure: the headline may mean it.
        let g = groups_of(
            "大理收入24.16亿\n假期期间，大理接待游客24.16万人次。实现旅游收入21.46亿元，同比增长13.08%。",
            GroupKind::SameMeasure,
        );
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn a_headline_may_drop_the_year_of_its_period() {
        use super::periods_agree;
        assert!(periods_agree(Some("国庆假期"), Some("2015年国庆假期")));
        assert!(periods_agree(Some("1-8月"), Some("2023年1-8月")));
        assert!(!periods_agree(Some("2-8月"), Some("2023年1-8月")));
        assert!(!periods_agree(Some("2022"), Some("2023")));
        assert!(periods_agree(
            Some("国庆假期"),
            Some("1-9月|2015年国庆假期?")
        ));
    }

    #[test]
    fn names_match_by_their_shared_ending() {
        assert_eq!(matches("投票率", "第9届市议会选举投票率"), Some(""));
        assert_eq!(matches("出口", "进出口"), None);
        assert_eq!(matches("大理收入", "旅游收入"), Some("大理"));
        assert_eq!(matches("收入", "支出"), None);
    }
}
