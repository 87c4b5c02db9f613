//! Groups of facts that the prose says belong together, which rules then check.
//!
//! Each kind of group comes from one construction of Chinese statistical prose, and names the
//! role each of its facts plays, so that a rule binds by role and never guesses:
//!
//! | kind | construction | roles |
//! |---|---|---|
//! | `share-chain` | `占…的56.5%。同期…占27.1%；…占16.4%`, `三次产业结构为12.5：40.1：47.4` | member |
//! | `subset` | `进出口X，其中，出口A…进口B`, `41个…中有28个` | whole, part |
//! | `part-of` | `制造业实际使用外资金额` ⊂ `实际使用外资金额`; `应选3人，甲党当选2人、乙党1人`; bands `31个省份中，65%以上的有13个，60%—65%的有17个…` | whole, part |
//! | `sentence` | all measures of one sentence | member |
//! | `each` | every measure on its own | member |
//! | `share-of` | `高技术产业引资4233.4亿元，占实际使用外资金额比重为37.3%`, `选举人数…投票人数…投票率`, a known partition's part `医院卫生人员613.3万人(占57.3%)` | share, part, whole |
//! | `respectively` | `A、B和C分别增长X、Y和Z` | value (and the item count) |
//! | `same-measure` | one measure stated twice in an article; a headline figure no body statement of its measure agrees with; a `分别` item stated again alone | first, second |
//! | `change` | `达48.3万户，较上年增加3.2万户，增长7.1%` | level, change, rate |
//! | `consecutive` | `截至2023年11月底…自2023年4月起连续8个月` | start, end, duration |
//! | `span` | `1月13日开始，2月21日结束，共40天`, `2012年到2022年十年间` | start, end, duration (and the length the ends give) |
//! | `enumeration` | `主要有4个方面：一是…二是…三是…四是…` | whole (and the items numbered) |
//! | `average` | `十年共增加604.3万人…平均每年增加60.4万人` | whole (the total), duration, part (the yearly average) |
//! | `article` | all measures of one article | member |
//! | `complement` | `中共党员…非中共党员…`, `男性…女性…` of one base or one `其中` whole | part (and whole) |
//! | `partition` | a known partition (`concepts/`), all parts stated and exhaustive: `国内生产总值…第一产业增加值…` | whole, part |
//! | `partition` (also) | a whole that lists its parts, and its `其中` parts one each: `铁路、道路、水路、民航共发送旅客…其中，铁路…` | whole, part |
//! | `partition-bound` | a known partition with some parts stated, or not exhaustive | whole, part |
//! | `partition-mean` | an index and all its components (`concepts/`, `mean`): `居民消费价格同比上涨0.8%…食品价格…非食品价格…` | whole, part |
//! | `partition-change` | the changes of a `partition`'s whole and parts, against one basis: `比2022年末减少208万人…增加1196万人…减少1404万人` | whole, part |
//! | `difference` | `2021年为149.33亿元，2020年为81.86亿元，增加了67.47亿元` | level, previous, change |
//! | `growth-of-levels` | a table row: this period, the same period a year before, the growth | level, previous, rate |

mod average;
mod bands;
mod chain;
mod change;
mod complement;
mod consecutive;
mod difference;
mod enumerated;
mod enumeration;
mod headline;
mod list_item;
mod mean;
mod part_of;
mod partition;
mod partition_change;
mod quota;
mod ratio_of;
mod respectively;
mod role;
mod same;
mod share_list;
mod share_of;
mod share_part;
mod share_whole;
mod span;
mod statistic_ratio;
mod subset;

use super::fact::Fact;
use crate::lexicon::{self, List};
use crate::text::Text;
pub use role::Role;
use serde::Serialize;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    ShareChain,
    Subset,
    PartOf,
    Sentence,
    Each,
    ShareOf,
    Respectively,
    SameMeasure,
    Change,
    Consecutive,
    Span,
    Enumeration,
    Average,
    Article,
    Complement,
    Partition,
    PartitionBound,
    /// An exhaustive partition stated whole, whose growth rates are nominal.
    PartitionNominal,
    /// An exhaustive partition stated whole, whose growth rates are real or indices.
    PartitionReal,
    /// A partition with parts taken away (weight −1) stated whole: a balance.
    PartitionNet,
    /// The changes of a whole and of all its parts, against one basis.
    PartitionChange,
    /// An index and every one of its components (`mean` partitions), rates of one basis.
    PartitionMean,
    GrowthOfLevels,
    /// Two years of one measure and the change between them, which names no basis.
    Difference,
}

impl GroupKind {
    pub const ALL: &'static [(&'static str, GroupKind)] = &[
        ("share-chain", GroupKind::ShareChain),
        ("subset", GroupKind::Subset),
        ("part-of", GroupKind::PartOf),
        ("sentence", GroupKind::Sentence),
        ("each", GroupKind::Each),
        ("share-of", GroupKind::ShareOf),
        ("respectively", GroupKind::Respectively),
        ("same-measure", GroupKind::SameMeasure),
        ("change", GroupKind::Change),
        ("consecutive", GroupKind::Consecutive),
        ("span", GroupKind::Span),
        ("enumeration", GroupKind::Enumeration),
        ("average", GroupKind::Average),
        ("article", GroupKind::Article),
        ("complement", GroupKind::Complement),
        ("partition", GroupKind::Partition),
        ("partition-bound", GroupKind::PartitionBound),
        ("partition-nominal", GroupKind::PartitionNominal),
        ("partition-real", GroupKind::PartitionReal),
        ("partition-net", GroupKind::PartitionNet),
        ("partition-mean", GroupKind::PartitionMean),
        ("partition-change", GroupKind::PartitionChange),
        ("growth-of-levels", GroupKind::GrowthOfLevels),
        ("difference", GroupKind::Difference),
    ];

    pub fn from_name(s: &str) -> Option<GroupKind> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }

    /// The roles the groups of this kind give their facts: what a rule scoped to this kind
    /// may bind by `role`.
    pub fn roles(self) -> &'static [Role] {
        match self {
            GroupKind::ShareChain | GroupKind::Sentence | GroupKind::Each | GroupKind::Article => {
                &[Role::Member]
            }
            GroupKind::Subset | GroupKind::PartOf => &[Role::Whole, Role::Part],
            GroupKind::ShareOf => &[Role::Share, Role::Part, Role::Whole],
            GroupKind::Respectively => &[Role::Value],
            GroupKind::SameMeasure => &[Role::First, Role::Second],
            GroupKind::Change => &[Role::Level, Role::Change, Role::Rate],
            GroupKind::Consecutive | GroupKind::Span => &[Role::Start, Role::End, Role::Duration],
            GroupKind::Complement => &[Role::Part, Role::Whole],
            GroupKind::Partition
            | GroupKind::PartitionBound
            | GroupKind::PartitionNominal
            | GroupKind::PartitionReal
            | GroupKind::PartitionMean
            | GroupKind::PartitionChange => &[Role::Whole, Role::Part],
            GroupKind::PartitionNet => &[Role::Whole, Role::Part, Role::Less],
            GroupKind::GrowthOfLevels => &[Role::Level, Role::Previous, Role::Rate],
            GroupKind::Difference => &[Role::Level, Role::Previous, Role::Change],
            GroupKind::Enumeration => &[Role::Whole],
            GroupKind::Average => &[Role::Whole, Role::Duration, Role::Part],
        }
    }

    /// Values a group of this kind states in words, usable by name in an assertion.
    pub fn synthetic_names(self) -> &'static [&'static str] {
        match self {
            GroupKind::Respectively => &["items"],
            GroupKind::Span => &["elapsed"],
            GroupKind::Enumeration => &["listed"],
            _ => &[],
        }
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
}

/// A fact in a group, with the role the construction gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    pub fact: usize,
    pub role: Role,
}

/// A value the prose states without a number: the count of items before `分别`.
#[derive(Clone, Debug)]
pub struct Synthetic {
    pub name: &'static str,
    /// Its value, or the range of readings when the prose allows two (`批发和零售业` may be one
    /// item or two).
    pub value: crate::interval::Interval,
    /// Byte range in the original text that states it.
    pub span: Range<usize>,
    /// What it is: `5 items: 法国、英国、荷兰、瑞士、澳大利亚`.
    pub note: String,
}

/// Facts that belong together.
#[derive(Clone, Debug)]
pub struct Group {
    pub kind: GroupKind,
    pub members: Vec<Member>,
    pub extra: Vec<Synthetic>,
}

impl Group {
    fn new(kind: GroupKind, members: Vec<Member>) -> Group {
        Group {
            kind,
            members,
            extra: Vec::new(),
        }
    }

    /// The fact playing the role `whole`, if any.
    pub fn whole(&self) -> Option<usize> {
        self.members
            .iter()
            .find(|m| m.role == Role::Whole)
            .map(|m| m.fact)
    }

    /// The facts of the group, in text order.
    pub fn facts(&self) -> impl Iterator<Item = usize> + '_ {
        self.members.iter().map(|m| m.fact)
    }
}

fn member(fact: usize, role: Role) -> Member {
    Member { fact, role }
}

/// Whether a measure's name holds one whose growth Chinese statistics print at constant prices
/// (`增加值`, `生产总值`: `lexicon/real-growth-measures.json`). Such a whole's rate is only
/// bounded by its parts', and a change in current yuan does not make it.
fn grows_at_constant_prices(measure: &str) -> bool {
    lexicon::get().set(List::RealGrowthMeasures).any_in(measure)
}

/// The groups of the facts of `within`: the whole text, or one article of it.
pub fn groups(text: &Text, within: Range<usize>, facts: &mut [Fact]) -> Vec<Group> {
    let (lists, listed, paired) = respectively::groups(text, &within, facts);
    for i in listed {
        facts[i].in_list = true;
    }
    subset::mark(text, &within, facts);
    let mut out = Vec::new();
    out.extend(subset::groups(facts));
    let chains = chain::groups(text, facts);
    out.extend(complement::groups(text, facts, &chains));
    // Shares that are all parts of one `其中` may overlap (`其中三、四级手术…占63.7%；微创手术…
    // 占36.9%`), like the amounts of `subset-within-whole`: only their complements are summed.
    out.extend(chains.into_iter().filter(|g| {
        let whole = facts[g.members[0].fact].subset_of;
        whole.is_none() || g.facts().any(|m| facts[m].subset_of != whole)
    }));
    out.extend(part_of::groups(text, facts));
    out.extend(quota::groups(text, facts));
    out.extend(bands::groups(text, facts));
    let known = partition::groups(facts, &out);
    // A head-final part-of group that a complete partition covers checks less (≤) than the
    // partition does (=): one diagnostic for one slip.
    out.retain(|g| {
        g.kind != GroupKind::PartOf
            || !known.iter().any(|k| {
                k.kind == GroupKind::Partition && g.facts().all(|f| k.facts().any(|x| x == f))
            })
    });
    out.extend(known);
    out.extend(mean::groups(text, facts));
    out.extend(enumerated::groups(text, facts));
    let changes = partition_change::groups(text, facts, &out);
    out.extend(changes);
    out.extend(sentence_groups(text, facts));
    out.extend(each_groups(facts));
    out.extend(share_of::groups(text, facts));
    let of_partitions = share_part::groups(facts, &out);
    out.extend(of_partitions);
    out.extend(ratio_of::groups(facts));
    out.extend(statistic_ratio::groups(text, facts));
    out.extend(share_list::groups(text, facts));
    out.extend(lists);
    let same = same::groups(text, facts);
    // A headline that `same` already pairs with its body needs no second group.
    let headlines: Vec<Group> = headline::groups(text, &within, facts)
        .into_iter()
        .filter(|h| {
            !same
                .iter()
                .any(|g| h.facts().all(|f| g.facts().any(|x| x == f)))
        })
        .collect();
    out.extend(list_item::groups(text, facts, &paired));
    out.extend(same);
    out.extend(headlines);
    out.extend(change::groups(text, facts));
    out.extend(difference::groups(text, facts));
    out.extend(consecutive::groups(text, facts));
    out.extend(span::groups(text, facts));
    out.extend(enumeration::groups(text, facts));
    out.extend(average::groups(text, facts));
    out.extend(article_groups(facts));
    out
}

fn article_groups(facts: &[Fact]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        if !f.is_measure() {
            continue;
        }
        match out.last_mut() {
            Some(g)
                if g.members
                    .first()
                    .is_some_and(|m| facts[m.fact].article == f.article) =>
            {
                g.members.push(member(i, Role::Member))
            }
            _ => out.push(Group::new(
                GroupKind::Article,
                vec![member(i, Role::Member)],
            )),
        }
    }
    out
}

/// The end of the full sentence (`。！？` or paragraph end) holding `at`.
pub(crate) fn full_sentence_end(text: &Text, at: usize) -> usize {
    text.full_sentence(at).end
}

/// Words between two positions that open a new breakdown of a whole: `从收入级次看`,
/// `按地区分`, `分区域看`, `按旅客的原居地统计`.
pub(crate) fn new_breakdown(text: &Text, from: usize, to: usize) -> bool {
    let between = &text.as_str()[from.min(to)..to];
    let opens_within = |open: &str, close: &str, reach: usize| {
        between.match_indices(open).any(|(i, _)| {
            between[i..]
                .chars()
                .take(reach)
                .collect::<String>()
                .contains(close)
        })
    };
    let opens = |open: &str, close: &str| opens_within(open, close, 8);
    // A correction (`…有误，应为…`) restates a figure rather than adding another; a clause
    // opening on `而` turns to something else (`…占91.2%。而全县户籍人口中…`), and so does
    // `与此同时` (`…大陆旅客占57.5%。与此同时，经陆路入境旅客…，内地旅客占73.9%`).
    let turns = [
        "应为",
        "有误",
        "更正",
        "改为",
        "，而",
        "。而",
        "；而",
        ",而",
        "与此同时",
    ]
    .iter()
    .any(|w| between.contains(w));
    // `按旅客的原居地统计`, `按入境渠道统计`: a breakdown by another key.
    turns
        || opens("从", "看")
        || opens("按", "分")
        || opens("分", "看")
        || opens_within("按", "统计", 12)
}

/// Facts of one article and period with the same unit can be compared.
fn same_scope(a: &Fact, b: &Fact) -> bool {
    a.article == b.article && a.period == b.period && a.figure.unit == b.figure.unit
}

fn sentence_groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut current_end = 0;
    for (i, f) in facts.iter().enumerate() {
        if !f.is_measure() {
            continue;
        }
        let end = full_sentence_end(text, f.figure.norm.start);
        match out.last_mut() {
            Some(g) if end == current_end => g.members.push(member(i, Role::Member)),
            _ => {
                out.push(Group::new(
                    GroupKind::Sentence,
                    vec![member(i, Role::Member)],
                ));
                current_end = end;
            }
        }
    }
    out.retain(|g| g.members.len() >= 2);
    out
}

fn each_groups(facts: &[Fact]) -> Vec<Group> {
    facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_measure())
        .map(|(i, _)| Group::new(GroupKind::Each, vec![member(i, Role::Member)]))
        .collect()
}

#[cfg(test)]
pub(crate) mod testing {
    //! A grouper's view of a draft, for its unit tests: each group of one kind as its members'
    //! roles and figures, `role:figure`.
    use super::GroupKind;
    use crate::source::Source;

    pub fn groups_of(text: &str, kind: GroupKind) -> Vec<Vec<String>> {
        let ex = crate::extract::extract(&Source::new("test.txt", text));
        ex.groups
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| {
                g.members
                    .iter()
                    .map(|m| format!("{}:{}", m.role.name(), ex.facts[m.fact].figure.text))
                    .collect()
            })
            .collect()
    }

    /// [`groups_of`], each group's members sorted: for groups whose order of roles says nothing.
    pub fn sorted_groups_of(text: &str, kind: GroupKind) -> Vec<Vec<String>> {
        groups_of(text, kind)
            .into_iter()
            .map(|mut g| {
                g.sort();
                g
            })
            .collect()
    }
}
