//! A figure's identity: which measure it states, on what basis, for which period.
//!
//! Two figures are the same measure only when all of these agree; equalities between figures
//! (`same-figure-twice`, a level against its change and rate) are asked only of figures whose
//! identity is known. Where the prose leaves the measure unsure — a generic word such as `增速`
//! with no level before it, a pull (`拉动GDP`), a comparison phrase left in the label — the
//! identity is unknown and the figure is not compared: hedui never guesses.
//!
//! This module reads; it never changes a fact. The words it knows are lists at the top.

use super::fact::Fact;
use super::figure::Kind;
use crate::lexicon::{self, List};
use crate::text::words;
use crate::text::Text;

/// What a change or rate is measured against, as stated before it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Basis {
    /// Nothing said: a level, or a rate whose basis the prose leaves to convention
    /// (year on year in Chinese statistics).
    Unstated,
    /// `同比`, `比上年`, `比去年同期`: the same period a year before.
    Year,
    /// `比年初`, `比上年末`: the start of this year, the end of the last.
    YearStart,
    /// `环比`, `比上月`, `比3月`.
    Month,
    /// `两年平均`, `年均`: an average rate.
    Average,
    /// `按可比口径`: on a revised, comparable base.
    Comparable,
    /// `实际`, `扣除价格因素`: net of prices.
    Real,
    /// `扣除房地产开发投资`: the measure with a part taken out.
    Excluding,
    /// `比一季度`, `比各项贷款`, `比2019年同期`: a named other point of comparison.
    Other(String),
}

impl Basis {
    /// The basis two statements of a rate share by convention: an unstated basis of a growth
    /// rate is year on year.
    pub fn conventional(&self) -> Basis {
        match self {
            Basis::Unstated => Basis::Year,
            b => b.clone(),
        }
    }
}

/// Byte positions of comparing words in `s` (skipping `比重`, `同比` and the like).
fn comparing_at(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Most labels compare nothing: one pass says so before the search word by word.
    if !lexicon::get().set(List::ComparingWords).any_in(s) {
        return out;
    }
    for w in lexicon::get().words(List::ComparingWords) {
        for (i, _) in s.match_indices(w) {
            let in_noun = lexicon::get().words(List::NotComparing).iter().any(|n| {
                // The noun would start `ni` bytes before the word: where that is no character
                // boundary (`\`比`), it is not there.
                let ni = words::find(n, w).unwrap_or(0);
                i >= ni && s.get(i - ni..).is_some_and(|r| r.starts_with(n))
            });
            if !in_noun {
                out.push((i, i + w.len()));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The comparison point written after the last comparing word of `pre` (`comparing`, its
/// [`comparing_at`]): `比同期提高` → `同期`.
fn comparison_point<'a>(pre: &'a str, comparing: &[(usize, usize)]) -> Option<&'a str> {
    let &(_, after) = comparing.last()?;
    let mut point = &pre[after..];
    // The point ends at the first verb after it.
    let end = lexicon::get()
        .words(List::ComparisonClosers)
        .iter()
        .filter_map(|v| point.find(v))
        .min()
        .unwrap_or(point.len());
    point = &point[..end];
    Some(point.trim_end_matches(['的', '，', ',']))
}

/// The basis stated in `pre`, the clause text before a figure.
fn stated_basis(pre: &str, lead: &str, period: Option<&str>) -> Basis {
    // Found once for the point and for a month's number after a comparing word.
    let comparing = comparing_at(pre);
    let month_number = || {
        comparing.iter().any(|&(_, after)| {
            let rest = &pre[after..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && digits <= 2 && rest[digits..].starts_with('月')
        })
    };
    let point = comparison_point(pre, &comparing);
    let is_point = |list: &[&str]| point.is_some_and(|p| list.contains(&p));
    // A named other point (`按可比口径较2019年增长`) decides before any qualifier.
    let other = point.filter(|p| {
        !p.is_empty()
            && !lexicon::get().words(List::YearPoints).contains(p)
            && !lexicon::get().words(List::YearStartPoints).contains(p)
            && !lexicon::get().words(List::MonthPoints).contains(p)
            && year_before(p, period).is_none()
            && !(p.len() <= 6 && p.ends_with('月') && p.starts_with(|c: char| c.is_ascii_digit()))
    });
    if let Some(p) = other {
        Basis::Other(p.to_string())
    } else if ["扣除", "剔除", "不含", "除去"]
        .iter()
        .any(|w| words::contains(lead, w))
        && !words::contains(pre, "价格")
    {
        Basis::Excluding
    } else if words::contains(pre, "可比口径") {
        Basis::Comparable
    } else if words::contains(pre, "环比")
        || is_point(lexicon::get().words(List::MonthPoints))
        || month_number()
    {
        Basis::Month
    } else if is_point(lexicon::get().words(List::YearStartPoints)) {
        Basis::YearStart
    } else if ["实际", "扣除价格", "可比价"]
        .iter()
        .any(|w| words::contains(pre, w))
    {
        Basis::Real
    } else if words::contains(pre, "平均") || words::contains(pre, "年均") {
        Basis::Average
    } else if words::contains(pre, "相比") {
        Basis::Other(pre.to_string())
    } else if let Some(p) = point {
        // Any other point was taken above: this one is the year before, by name or by number.
        year_before(p, period).unwrap_or(Basis::Year)
    } else if words::contains(pre, "同比") {
        Basis::Year
    } else {
        Basis::Unstated
    }
}

/// The year before the figure's period named as the point: `比2022年` in a 2023 article is
/// year on year, `较2022年底` is the start of 2023.
fn year_before(point: &str, period: Option<&str>) -> Option<Basis> {
    let year: i64 = point.get(..4)?.parse().ok()?;
    let period_year: i64 = period?.get(..4)?.parse().ok()?;
    if year != period_year - 1 {
        return None;
    }
    match point.get(4..)? {
        "年" | "年同期" | "年度" => Some(Basis::Year),
        "年底" | "年末" | "年年末" | "年年底" => Some(Basis::YearStart),
        _ => None,
    }
}

/// The start of the stretch that speaks of fact `i`: its clause, or since the last measure
/// before it in the sentence when that is later.
fn lead_start(text: &Text, facts: &[Fact], i: usize) -> usize {
    let f = &facts[i];
    let sentence_start = text.full_sentence(f.figure.norm.start).start;
    facts[..i]
        .iter()
        .rev()
        .take_while(|p| p.figure.norm.start >= sentence_start)
        .find(|p| p.is_measure())
        .map_or(sentence_start, |p| p.figure.norm.end)
}

/// What fact `i` is compared with or measured on. A rate or change that states no basis of
/// its own takes the basis of the figure just before it in its sentence:
/// `较上年增加3.2万户，增长7.1%` is year on year twice, `比年初增加1468.96亿元，同比增长8.08%` is
/// two bases.
pub fn basis(text: &Text, facts: &[Fact], i: usize) -> Basis {
    let t = text.as_str();
    let f = &facts[i];
    let clause = &text.structure.clauses[f.clause];
    let pre = &t[clause.range().start.min(f.figure.norm.start)..f.figure.norm.start];
    let lead = &t[lead_start(text, facts, i).min(f.figure.norm.start)..f.figure.norm.start];
    let own = stated_basis(pre, lead, f.period.as_deref());
    if own != Basis::Unstated || !is_relative(f) {
        return own;
    }
    // Inherit from the last change or rate before it in the same full sentence.
    let sentence_start = text.full_sentence(f.figure.norm.start).start;
    facts[..i]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, p)| p.figure.norm.start >= sentence_start)
        .find(|(_, p)| p.is_measure() && is_relative(p))
        .map_or(Basis::Unstated, |(j, p)| {
            let clause = &text.structure.clauses[p.clause];
            let pre = &t[clause.range().start.min(p.figure.norm.start)..p.figure.norm.start];
            let lead = &t[lead_start(text, facts, j).min(p.figure.norm.start)..p.figure.norm.start];
            stated_basis(pre, lead, p.period.as_deref())
        })
}

/// A change or a rate of change, which only means something against a basis.
fn is_relative(f: &Fact) -> bool {
    f.figure.delta || matches!(f.figure.kind, Kind::Growth | Kind::Points | Kind::Multiple)
}

/// The name of the measure fact `i` states, or `None` when the prose leaves it unsure.
///
/// The label is cut at a comparing word (`增速比同期` → `增速`); a generic rate word alone
/// (`增速`, `降幅`, `比重`) is resolved to the level stated before it in the same sentence;
/// a label that still holds a verb of change or names a relation (`拉动GDP`) is no measure.
pub fn measure(text: &Text, facts: &[Fact], i: usize) -> Option<String> {
    let f = &facts[i];
    let label = f.label.as_str();
    let lex = lexicon::get();
    if label.is_empty() || lex.set(List::RelationVerbs).any_in(label) {
        return None;
    }
    let noun = match comparing_at(label).first() {
        Some(&(at, _)) => &label[..at],
        None => label,
    };
    // A verb of change left once the nouns made of one (`增长率`) are blotted out. A `·` joins
    // no characters into a verb, so a label without any verb has none left: only a label with
    // one is copied.
    let verb_left = || {
        let without_nouns = lex
            .words(List::VerbNouns)
            .iter()
            .fold(noun.to_string(), |s, n| {
                if words::contains(&s, n) {
                    s.replace(n, "·")
                } else {
                    s
                }
            });
        lex.set(List::ChangeVerbs).any_in(&without_nouns)
    };
    if lex.set(List::ChangeVerbs).any_in(noun)
        && verb_left()
        && !lex.words(List::GenericRates).contains(&noun)
    {
        return None;
    }
    let generic = lexicon::get()
        .words(List::GenericRates)
        .iter()
        .find(|g| noun.ends_with(*g));
    match generic {
        Some(g) if noun.len() == g.len() => {
            // `增速比同期提高…`: the rate of the level stated before it in the sentence.
            let sentence_start = text.full_sentence(f.figure.norm.start).start;
            let level = facts[..i]
                .iter()
                .rev()
                .take_while(|p| p.figure.norm.start >= sentence_start)
                .find(|p| p.is_level() && !p.label.is_empty())?;
            Some(canonical(&format!("{}{}", level.label, g)))
        }
        _ if noun.chars().count() < 2 => None,
        _ => Some(canonical(noun)),
    }
}

/// A measure's name with its ending replaced by the concept it names, where the lexicon's
/// `measure-names` knows one: `我国外贸进出口` and `我国货物贸易进出口总值` are both
/// `我国⟨goods-trade⟩`.
pub fn canonical(name: &str) -> String {
    lexicon::get()
        .tagged(List::MeasureNames)
        .iter()
        .filter(|(w, _)| name.ends_with(w))
        .max_by_key(|(w, _)| w.len())
        .map_or_else(
            || name.to_string(),
            |(w, concept)| format!("{}⟨{concept}⟩", &name[..name.len() - w.len()]),
        )
}

/// The day a figure is stated for, when its sentence names one before it, set apart: `1月15日，
/// …发送旅客7057.7万人次` is that day's figure, `截至1月15日，…` a total up to that day. A
/// dateline day (`本报北京1月19日电`) dates the article and `13日召开` an event, not a figure.
///
/// `last_day` is the index of the last day (a date for which [`is_day`] holds) before fact `i`,
/// which the caller keeps as it walks the facts, so that nothing walks back here.
pub fn day(text: &Text, facts: &[Fact], i: usize, last_day: Option<usize>) -> Option<String> {
    let t = text.as_str();
    let f = &facts[i];
    let sentence_start = text.full_sentence(f.figure.norm.start).start;
    let d = last_day
        .map(|j| &facts[j])
        .filter(|p| p.figure.norm.start >= sentence_start)?;
    let after = &t[d.figure.norm.end..];
    let before = &t[sentence_start.min(d.figure.norm.start)..d.figure.norm.start];
    let until = ["截至", "截止", "至", "到", "-", "—", "~"]
        .iter()
        .any(|w| before.ends_with(w));
    // The day is the time of the sentence's figures when it stands as a phrase of its own
    // (`1月15日，春运第三天，…`) or ends a span (`截至1月15日`); `13日召开新闻发布会` dates an
    // event, and a dateline (`1月19日电`) the article.
    let set_apart = after.starts_with(['，', ',', '(', '（']);
    if !(set_apart || until) {
        return None;
    }
    let date = d.figure.date.clone().unwrap_or_default();
    Some(if until { format!("…{date}") } else { date })
}

pub(crate) fn is_day(f: &Fact) -> bool {
    f.figure.kind == Kind::Date
        && f.figure.date.as_deref().is_some_and(|d| {
            d.len() == 10 || d.starts_with("--") && d.len() > 4 || d.starts_with("---")
        })
}

/// True when the figure stands inside brackets: an aside (`（同期为下降9.8%）`), which restates
/// or compares rather than states the measure.
pub fn in_brackets(text: &Text, f: &Fact) -> bool {
    let start = text.full_sentence(f.figure.norm.start).start;
    let depth = text
        .structure
        .bracket_balance(start.min(f.figure.norm.start)..f.figure.norm.start);
    depth > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_point_stops_at_the_verb() {
        for (pre, point) in [
            ("增速比同期提高", Some("同期")),
            ("比各项贷款高", Some("各项贷款")),
            ("比一季度提高", Some("一季度")),
            ("比重提高", None),
        ] {
            assert_eq!(comparison_point(pre, &comparing_at(pre)), point, "{pre}");
        }
    }

    #[test]
    fn since_the_start_of_the_year_is_not_year_on_year() {
        assert_eq!(stated_basis("比年初增加", "", None), Basis::YearStart);
        assert_eq!(stated_basis("比上年末增加", "", None), Basis::YearStart);
        assert_eq!(stated_basis("同比增长", "", None), Basis::Year);
        assert_eq!(stated_basis("比上年增长", "", None), Basis::Year);
        assert_eq!(stated_basis("比去年同期增长", "", None), Basis::Year);
        assert_eq!(stated_basis("环比增长", "", None), Basis::Month);
        assert_eq!(
            stated_basis("比一季度提高", "", None),
            Basis::Other("一季度".into())
        );
        assert_eq!(stated_basis("增长", "", None), Basis::Unstated);
    }

    #[test]
    fn the_year_before_the_period_is_year_on_year() {
        assert_eq!(stated_basis("比2022年增长", "", Some("2023")), Basis::Year);
        assert_eq!(
            stated_basis("较2022年底增长", "", Some("2023")),
            Basis::YearStart
        );
        assert_eq!(
            stated_basis("比2019年同期增长", "", Some("2023")),
            Basis::Other("2019年同期".into())
        );
    }
}
