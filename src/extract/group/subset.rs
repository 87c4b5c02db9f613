//! `其中` and `…中有`: the facts after the marker, to the end of the sentence, are parts of the
//! level stated before it (`进出口10089.2亿元…其中，出口5455亿元`, `41个行业中有28个`).

use super::{full_sentence_end, member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::extract::label::{dimension, head, same_cut};
use crate::lexicon::{self, List};
use crate::text::Text;

/// Marks every fact after a marker (to the end of its sentence) as a part of the level before it.
/// How many levels before a `其中` are candidates for its whole: enough for any paragraph of
/// prose, and a bound on the work for a paragraph of thousands of figures.
const WHOLE_REACH: usize = 64;

/// How many figures before a `X中，` are searched for the level X names: several paragraphs of
/// prose, and a bound on the work in an article of thousands of figures.
const NAMED_WHOLE_REACH: usize = 400;

pub fn mark(text: &Text, within: &std::ops::Range<usize>, facts: &mut [Fact]) {
    let text_str = text.as_str();
    let at_all = lexicon::get()
        .set(List::SubsetMarkers)
        .starts(&text_str[within.clone()]);
    for at in at_all.into_iter().map(|i| within.start + i) {
        let scope_end = full_sentence_end(text, at);
        let para = text.structure.paragraph_at(at);
        // Facts are in text order: the ones before the marker end at or before it.
        let split = facts.partition_point(|f| f.figure.norm.end <= at);
        // The whole is the last level before the marker; a change (`比上年增产60.3万吨`) or an
        // average (`日均180.7万人次`) stated after it is not what the parts make up.
        // Of the levels before the marker, the nearest one the first part relates to
        // (`营业收入239.19亿元，净利润17.06亿元。其中，三季度营业收入86.45亿元`), else the
        // nearest.
        let first_part = facts[split..]
            .iter()
            .take_while(|f| f.figure.norm.end <= scope_end)
            .find(|f| f.is_level())
            // `其中4,874,157人次是以个人游方式来澳`: a part that names nothing took its label
            // from the level before, which is its whole.
            .filter(|f| !f.label_inherited)
            .map(|f| f.label.clone())
            .unwrap_or_default();
        let before = || {
            facts[..split]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, f)| f.paragraph == para)
                .filter(|(_, f)| f.is_level())
                .take(WHOLE_REACH)
        };
        // A part of an earlier `其中` (`除汽车以外的…`) is no whole for a later one.
        let related_whole = before()
            .filter(|(_, f)| !f.after_qizhong && f.label != first_part)
            .find(|(_, f)| related(&first_part, &f.label))
            .map(|(i, _)| i);
        // Without a related level, the nearest one if it is a total of any kind
        // (`社会消费品零售总额`, `国内生产总值`) or the part names nothing to relate.
        // A part named only by a way of cutting people (`其中女性2088名`, `其中35岁以下的…`) is
        // a cut of the nearest count, when its sentence counts nothing else in that unit.
        let nearest = before().next().map(|(i, _)| i).filter(|&w| {
            first_part.is_empty()
                || lexicon::get()
                    .words(List::Totals)
                    .iter()
                    .any(|s| facts[w].label.ends_with(s))
                || (dimension(&first_part).is_some() && levels_beside(text, facts, w).count() == 1)
        });
        // `在村卫生室工作的人员132.7万，其中…110.8万人`: the nearest figure before the marker
        // in its sentence is a bare number, which may well be the whole; reaching past it for
        // a level that fits would be a guess.
        let sentence_start = text.full_sentence(at).start;
        let bare_before = facts[..split]
            .iter()
            .rev()
            .take_while(|f| f.figure.norm.start >= sentence_start)
            .find(|f| {
                f.is_measure()
                    && !matches!(
                        f.figure.kind,
                        Kind::Growth | Kind::Share | Kind::Points | Kind::Multiple
                    )
            })
            .is_some_and(|f| f.figure.kind == Kind::Number);
        if bare_before {
            continue;
        }
        let Some(whole) = counted_class(text, facts, split, at, scope_end)
            .or(related_whole)
            .or(nearest)
            .filter(|&w| facts[w].is_additive())
            .filter(|&w| !share_names_a_wider_whole(facts, split, scope_end, w))
        else {
            continue;
        };
        let depth = bracket_depth(&text_str[text.full_sentence(at).start..at]);
        let scope_end = if depth > 0 {
            // `三级医院3855个（其中：三级甲等医院1716个）`: the list ends with the bracket.
            text_str[at..scope_end]
                .find(['）', ')'])
                .map_or(scope_end, |i| at + i)
        } else {
            scope_end
        };
        if facts[whole].in_list || after_enumeration(text, facts, at, whole) {
            // `A、B分别为X、Y。其中…`: which of the list is the whole is anyone's guess.
            continue;
        }
        // Past a `；` the parts go on only while they still name a part of the whole
        // (`其中，出口…；进口…`), not a new subject (`其中证券交易印花税…；出口退税…`).
        let t = text.as_str();
        let whole_label = facts[whole].label.clone();
        let mut first_part: Option<String> = None;
        let semicolon = t[at..scope_end].find(['；', ';']).map(|i| at + i);
        for f in facts[split..]
            .iter_mut()
            .take_while(|f| f.figure.norm.end <= scope_end)
        {
            let past_semicolon = semicolon.is_some_and(|s| s < f.figure.norm.start);
            if past_semicolon && f.is_level() {
                // `其中女性2088名…；男性1612名`: one way of cutting goes on.
                let parallel = first_part.as_deref().is_some_and(|p| {
                    !p.is_empty() && (head(p) == head(&f.label) || same_cut(p, &f.label))
                });
                // `第二产业投资…其中制造业投资…；第三产业投资…`: a level nearer in name to the
                // whole than to the first part is the whole's sibling, not a part of it.
                let sibling = first_part.as_deref().is_some_and(|p| {
                    common_suffix(&f.label, &whole_label) > common_suffix(&f.label, p)
                });
                let a_total = lexicon::get()
                    .words(List::Totals)
                    .iter()
                    .any(|w| f.label.ends_with(w));
                if sibling || a_total || (!parallel && !related(&f.label, &whole_label)) {
                    break;
                }
            }
            if f.is_level() && first_part.is_none() {
                first_part = Some(f.label.clone());
            }
            f.subset_of.get_or_insert(whole);
        }
    }
    mark_noun_scopes(text, within, facts);
}

/// `在全国接待的5.26亿人次游客中，…`, `全市常住人口中，…`, `卫生技术人员中，…`: a noun phrase
/// closed by `中，` opens a subset of what it names, to the end of its sentence. The whole is
/// the level stated inside the phrase, or else the latest level before it in its article whose
/// label the phrase names, scope words (`全国`, `全市`) aside. A phrase that names no stated
/// level (`在推进改革中，`) opens nothing.
fn mark_noun_scopes(text: &Text, within: &std::ops::Range<usize>, facts: &mut [Fact]) {
    let t = text.as_str();
    let st = &text.structure;
    // `中，` or `中,`: in text order.
    let at_all: Vec<usize> = t[within.clone()]
        .match_indices('中')
        .map(|(i, _)| within.start + i)
        .filter(|&i| t[i + '中'.len_utf8()..within.end].starts_with(['，', ',']))
        .filter(|&i| !t[..i].ends_with('其') && !t[..i].ends_with('之'))
        .collect();
    for at in at_all {
        let clause_start = st
            .clauses
            .get(st.clause_at(at))
            .map_or(at, |c| c.range().start);
        let split = facts.partition_point(|f| f.figure.norm.end <= at);
        let scope_end = full_sentence_end(text, at);
        let inside = facts[..split]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, f)| f.figure.norm.start >= clause_start)
            .find(|(_, f)| f.is_level())
            .map(|(i, _)| i);
        let whole = match inside {
            Some(w) => Some(w),
            None => {
                let phrase = t[clause_start..at]
                    .trim_start_matches(['在', '从'])
                    .trim_start();
                let named = crate::extract::label::label_of(phrase);
                let named = super::part_of::core(&named);
                let article = st
                    .paragraphs
                    .get(st.paragraph_at(at))
                    .map_or(0, |p| p.article);
                // The whole named by words is of the parts' period: `在商品零售中，` after both
                // a month's and the year so far's 商品零售 names the one the parts are of.
                let parts_period = facts[split..]
                    .iter()
                    .take_while(|f| f.figure.norm.end <= scope_end)
                    .find(|f| f.is_level())
                    .map(|f| f.period.clone());
                // The search reaches back a bounded number of figures, so that a long article
                // costs each marker a constant.
                (named.chars().count() >= 2)
                    .then(|| {
                        facts[..split]
                            .iter()
                            .enumerate()
                            .rev()
                            .take(NAMED_WHOLE_REACH)
                            .take_while(|(_, f)| f.article == article)
                            .find(|(_, f)| {
                                f.is_level()
                                    && !f.after_qizhong
                                    && super::part_of::core(&f.label) == named
                                    && parts_period.as_ref() == Some(&f.period)
                            })
                            .map(|(i, _)| i)
                    })
                    .flatten()
            }
        };
        let Some(whole) = whole.filter(|&w| {
            facts[w].is_additive() && !facts[w].target && facts[w].figure.value.is_sign_positive()
        }) else {
            continue;
        };
        for f in facts[split..]
            .iter_mut()
            .take_while(|f| f.figure.norm.end <= scope_end)
        {
            f.subset_of.get_or_insert(whole);
        }
    }
}

/// `45个参赛代表团中，有37个代表团获得金牌`: a count right before the marker, with only its
/// noun between, is the class the parts are counted in, when the first part counts the same
/// noun (its words after the figure end like the class's) or names none (`中有28个。`): a
/// count of another thing (`10个省中有25个城市`) is no part of it.
fn counted_class(
    text: &Text,
    facts: &[Fact],
    split: usize,
    at: usize,
    scope_end: usize,
) -> Option<usize> {
    let t = text.as_str();
    let w = split.checked_sub(1)?;
    let whole = &facts[w];
    let noun = &t[whole.figure.norm.end..at];
    let plain_noun = !noun.is_empty()
        && noun.chars().count() <= 12
        && noun
            .chars()
            .all(|c| c.is_alphanumeric() && !c.is_ascii_digit());
    if whole.figure.kind != Kind::Count
        || !plain_noun
        || whole.clause != text.structure.clause_at(at)
    {
        return None;
    }
    let part = facts[split..]
        .iter()
        .take_while(|f| f.figure.norm.end <= scope_end)
        .find(|f| f.figure.kind == Kind::Count)?;
    if part.figure.unit != whole.figure.unit {
        return None;
    }
    let after: String = t[part.figure.norm.end..].chars().take(6).collect();
    let names_none = after.starts_with(['，', '。', '；', ',']);
    let same_noun = noun.chars().last().is_some_and(|c| after.contains(c));
    (names_none || same_noun).then_some(w)
}

/// The marker opens a sentence, and the sentence of the whole lists several levels of one
/// unit, by head (`女性代表163名；…；党政领导干部代表112名。其中，连任代表201名`) or by `；`
/// (`新能源装备实现收入61.66亿元；工业自动化产品38.54亿元…。其中，海外业务收入…`): the parts
/// may be of one item or of everything the list breaks down, so no whole is sure.
fn after_enumeration(text: &Text, facts: &[Fact], at: usize, whole: usize) -> bool {
    let t = text.as_str();
    if !t[text.full_sentence(at).start..at].trim().is_empty() {
        return false;
    }
    let h = head(&facts[whole].label);
    let same_head = !h.is_empty()
        && levels_beside(text, facts, whole)
            .filter(|f| head(&f.label) == h)
            .count()
            >= 2;
    let sentence = text.full_sentence(facts[whole].figure.norm.start);
    let listed =
        t[sentence].contains(['；', ';']) && levels_beside(text, facts, whole).count() >= 2;
    same_head || listed
}

/// The levels of `w`'s unit in `w`'s full sentence, `w` among them. Facts are in text order:
/// only those of the sentence are looked at.
fn levels_beside<'a>(text: &Text, facts: &'a [Fact], w: usize) -> impl Iterator<Item = &'a Fact> {
    let sentence = text.full_sentence(facts[w].figure.norm.start);
    let first = facts.partition_point(|f| f.figure.norm.start < sentence.start);
    let unit = facts[w].figure.unit;
    facts[first..]
        .iter()
        .take_while(move |f| f.figure.norm.start < sentence.end)
        .filter(move |f| f.is_level() && f.figure.unit == unit)
}

/// `60岁以上受访者共1130人…。其中，希望增加…的受访者2207人，占受访者的45.7%`: the first part's
/// share names its base, and that base is wider than the level found before the marker (whose
/// label holds the base with more words around it), so the parts are of the wider whole.
fn share_names_a_wider_whole(facts: &[Fact], split: usize, scope_end: usize, w: usize) -> bool {
    let whole = super::share_of::canonical(&facts[w].label);
    facts[split..]
        .iter()
        .take_while(|f| f.figure.norm.end <= scope_end)
        .find(|f| f.figure.kind == Kind::Share)
        .and_then(|f| f.base.as_deref())
        .map(super::share_of::canonical)
        .is_some_and(|base| {
            base.chars().count() >= 2
                && whole != base
                && whole.contains(base.as_str())
                && super::part_of::core(&whole) != base
        })
}

/// How many brackets are open at the end of `s`.
fn bracket_depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '（' | '(' => d + 1,
        '）' | ')' => (d - 1).max(0),
        _ => d,
    })
}

/// A part's label names a part of the whole: its characters are written, in order, inside the
/// whole's label (`进口` in `全省进出口`: compounds abbreviate), it ends with the whole's label,
/// or it shares the whole's head noun.
/// How many characters two labels share at their end (Chinese labels are head-final).
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn related(part: &str, whole: &str) -> bool {
    let mut rest = whole.chars();
    let within = part.chars().all(|c| rest.any(|w| w == c));
    !part.is_empty() && (within || part.ends_with(whole) || head(part) == head(whole))
}

/// A whole with the parts of the same kind and unit that follow its marker.
pub fn groups(facts: &[Fact]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        let Some(w) = f.subset_of else { continue };
        let whole = &facts[w];
        // Net flows (`净买入46.38亿元，其中…净卖出5.79亿元`) add with signs the text does not
        // print.
        let net = f.label.contains('净') || whole.label.contains('净');
        let comparable = f.is_additive()
            && !net
            && f.figure.kind == whole.figure.kind
            && f.figure.unit == whole.figure.unit;
        if !comparable {
            continue;
        }
        // Parts follow their whole, so the whole's group, if any, is the last one made.
        match out.last_mut() {
            Some(g) if g.whole() == Some(w) => g.members.push(member(i, Role::Part)),
            _ => out.push(Group::new(
                GroupKind::Subset,
                vec![member(w, Role::Whole), member(i, Role::Part)],
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn the_parts_after_qizhong_belong_to_the_level_before_it() {
        let g = groups_of(
            "2023年，全省进出口10089.2亿元，其中，出口5455亿元，进口4634.2亿元。",
            GroupKind::Subset,
        );
        assert_eq!(
            g,
            [["whole:10089.2亿元", "part:5455亿元", "part:4634.2亿元"]]
        );
    }

    #[test]
    fn a_sibling_of_the_whole_past_a_semicolon_is_no_part() {
        let g = groups_of(
            "上半年，第二产业投资3120.5亿元，增长6.2%，其中制造业投资2416.8亿元，增长7.1%；第三产业投资5230.4亿元，增长3.3%。",
            GroupKind::Subset,
        );
        assert_eq!(g, [["whole:3120.5亿元", "part:2416.8亿元"]]);
    }

    #[test]
    fn a_bare_number_before_qizhong_leaves_the_whole_unsure() {
        let g = groups_of(
            "全省社区卫生服务中心卫生人员3.9万人。在村卫生室工作的人员5.3万，其中执业医师4.4万人。",
            GroupKind::Subset,
        );
        assert!(g.is_empty(), "{g:?}");
    }

    #[test]
    fn a_count_before_zhong_you_is_the_class_its_parts_are_counted_in() {
        let g = groups_of(
            "本届锦标赛32个参赛球队中，有12个球队获得奖牌，5个球队获得金牌。",
            GroupKind::Subset,
        );
        assert_eq!(
            g,
            vec![vec!["whole:32个", "part:12个", "part:5个"]],
            "{g:?}"
        );
        let g = groups_of("全国10个省中有25个城市入选。", GroupKind::Subset);
        assert!(g.is_empty(), "a count of another noun is no part: {g:?}");
    }
}
