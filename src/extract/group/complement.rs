//! Complements: two parts that between them make the whole by their names alone.
//!
//! `中共党员委员占40.0%，非中共党员委员占60.0%`, `男性人口占51.2%，女性人口占48.8%`: a group
//! and its negation (`X` / `非X`), or the two sexes of one group (`男职工` / `女职工`), leave
//! nothing out. Shares of one base that are complements add up to 100%, not merely at most
//! 100%; levels that are complementary parts of one `其中` whole add up to that whole.

use super::{member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::text::Text;
use std::collections::BTreeMap;

/// `long` is `short` with one `非` put in (`非中共党员` and `中共党员`, `非农业人口` and `农业人口`).
fn negation(short: &str, long: &str) -> bool {
    // `洲` / `非洲`: a one-character name is no group to negate.
    short.chars().count() >= 2
        && long.len() == short.len() + '非'.len_utf8()
        && long.match_indices('非').any(|(i, n)| {
            long[..i].len() + long[i + n.len()..].len() == short.len()
                && short.starts_with(&long[..i])
                && short.ends_with(&long[i + n.len()..])
        })
}

/// The two labels differ only in one `男` against one `女` (`男性人口` / `女性人口`).
fn sexes(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<(char, char)> = a
        .iter()
        .zip(&b)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (*x, *y))
        .collect();
    matches!(diff.as_slice(), [('男', '女')] | [('女', '男')])
}

/// `男生中近视的` / `女生中近视的`: a label that goes on past a `…中` counts something within
/// each group, and the two counts leave the rest of both groups out.
fn within_a_group(label: &str) -> bool {
    let mut rest = label.to_string();
    for name in [
        "中共",
        "中国",
        "中华",
        "中央",
        "中小",
        "中学",
        "中心",
        "中级",
        "中部",
        "中青年",
    ] {
        rest = rest.replace(name, "");
    }
    rest.contains('中')
}

/// The two labels name a group and the rest of its whole.
pub fn complementary(a: &str, b: &str) -> bool {
    !a.is_empty()
        && !b.is_empty()
        && (negation(a, b) || negation(b, a) || sexes(a, b))
        && !within_a_group(a)
        && !within_a_group(b)
}

/// Complementary pairs among the members of share chains, and among the parts of one `其中`
/// whole.
pub fn groups(text: &Text, facts: &[Fact], chains: &[Group]) -> Vec<Group> {
    let mut out = Vec::new();
    for chain in chains.iter().filter(|g| g.kind == GroupKind::ShareChain) {
        let members: Vec<usize> = chain.facts().collect();
        for (a, b) in complementary_pairs(&members, facts) {
            out.push(Group::new(
                GroupKind::Complement,
                vec![member(a, Role::Part), member(b, Role::Part)],
            ));
        }
    }
    // The levels of each `其中` whole, in text order.
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, f) in facts.iter().enumerate() {
        let Some(w) = f.subset_of else { continue };
        let whole = &facts[w].figure;
        let comparable = f.is_level()
            && !f.in_list
            && f.figure.kind != Kind::Share
            && f.figure.kind == whole.kind
            && f.figure.unit == whole.unit;
        if comparable {
            parts.entry(w).or_default().push(i);
        }
    }
    for (w, parts) in parts {
        for (a, b) in complementary_pairs(&parts, facts) {
            out.push(Group::new(
                GroupKind::Complement,
                vec![
                    member(w, Role::Whole),
                    member(a, Role::Part),
                    member(b, Role::Part),
                ],
            ));
        }
    }
    out.extend(after_their_whole(text, facts));
    out
}

/// How many members after it a member is paired with: a complementary pair is stated side by
/// side, and a chain of thousands (a generated list) must not cost the square of its length.
const PAIR_REACH: usize = 64;

/// Every pair of `members`, in text order and at most [`PAIR_REACH`] apart, whose labels are
/// complementary.
fn complementary_pairs<'a>(
    members: &'a [usize],
    facts: &'a [Fact],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    members.iter().enumerate().flat_map(move |(k, &a)| {
        members[k + 1..]
            .iter()
            .take(PAIR_REACH)
            .filter(move |&&b| complementary(&facts[a].label, &facts[b].label))
            .map(move |&b| (a, b))
    })
}

/// What the two labels share once the `男`/`女` or `非` is taken out (`代表` of `男代表`).
fn common(a: &str, b: &str) -> String {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < long.len() {
        return short.to_string();
    }
    short
        .chars()
        .filter(|c| !matches!(c, '男' | '女'))
        .collect()
}

/// `注册会员4.28万人，其中男性2.41万人、女性1.87万人`, `全市共有代表480名，男代表338名，女代表
/// 142名`: a complementary pair right after a level of its unit in one sentence breaks that
/// level down, when a `其中` says so or when what the pair names ends the level's label (or
/// the pair names nothing beyond the sex: `男性`, `女性`).
fn after_their_whole(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    let levels: Vec<usize> = (0..facts.len())
        .filter(|&i| facts[i].is_level() && !facts[i].in_list)
        .collect();
    for run in levels.windows(3) {
        let [w, a, b] = [run[0], run[1], run[2]];
        let (whole, fa, fb) = (&facts[w], &facts[a], &facts[b]);
        // In one sentence, or a `其中` sentence right after it (`共招募志愿者3600名。其中女性…`).
        let sentence = text.full_sentence(whole.figure.norm.start);
        let qizhong = fa.after_qizhong && fb.after_qizhong && fb.paragraph == whole.paragraph;
        let together = (sentence.contains(&fb.figure.norm.start) || qizhong)
            && [fa, fb]
                .iter()
                .all(|f| f.figure.kind == whole.figure.kind && f.figure.unit == whole.figure.unit);
        if !together
            || !whole.is_additive()
            || whole.target
            || whole.on_a_day
            || fa.subset_of.is_some()
            || !complementary(&fa.label, &fb.label)
        {
            continue;
        }
        // `男性户籍人口` / `女性户籍人口` break down `户籍人口`, not `常住人口` before them.
        let common = common(&fa.label, &fb.label);
        let named = common.trim_start_matches('性');
        let breaks_down = (fa.after_qizhong && fb.after_qizhong)
            || named.is_empty()
            || whole.label.ends_with(named);
        if breaks_down {
            out.push(Group::new(
                GroupKind::Complement,
                vec![
                    member(w, Role::Whole),
                    member(a, Role::Part),
                    member(b, Role::Part),
                ],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_and_its_negation_are_complements() {
        assert!(complementary("中共党员委员", "非中共党员委员"));
        assert!(complementary("非农业人口", "农业人口"));
        assert!(complementary("公有制企业", "非公有制企业"));
        assert!(!complementary("中共党员委员", "女委员"));
        assert!(!complementary("洲", "非洲"));
    }

    #[test]
    fn the_two_sexes_of_one_group_are_complements() {
        assert!(complementary("男性人口", "女性人口"));
        assert!(complementary("女职工", "男职工"));
        assert!(!complementary("男性人口", "女性代表"));
        assert!(!complementary("", ""));
        assert!(!complementary("男生中近视", "女生中近视"));
        assert!(!complementary("男教师中党员", "女教师中党员"));
    }
}
