//! Facts: each figure with what it is about (label, base, period) and where it stands
//! (article, paragraph, sentence, clause).
//!
//! Inheritance follows the prose: a growth or share without a subject of its own (`同比增长2.6%`,
//! `占27.1%`) takes the label of the amount before it in the sentence; a share without `占…的`
//! keeps the base of the share before it; a period stated once (`2023年，`) holds for the article
//! until another is stated, except dates that are only points of comparison (`较2022年底`).

use super::figure::{tag, Figure, Kind};
use super::label::{label_of, share_parts};
use super::scan::LOOK_BEHIND;
use crate::lexicon::{self, List};
use crate::text::{window_start, words, Text};

/// A figure and what it measures.
#[derive(Clone, Debug)]
pub struct Fact {
    pub figure: Figure,
    /// The noun phrase measured: `福建省对共建一带一路国家进出口`.
    pub label: String,
    /// For a share, the whole it is a share of, as written or carried from an earlier share.
    pub base: Option<String>,
    /// The base was written in this share's own clause (`占…的`).
    pub base_explicit: bool,
    /// The period the figure belongs to, as the last stated date or period (`2023`, `1-7月`).
    pub period: Option<String>,
    pub article: usize,
    pub paragraph: usize,
    pub sentence: usize,
    pub clause: usize,
    /// Index of the fact this one is a `其中` part of.
    pub subset_of: Option<usize>,
    /// The fact is one of the values of a `分别` list.
    pub in_list: bool,
    /// The label was taken from the level before it, not written in the figure's own clause.
    pub label_inherited: bool,
    /// The figure stands after a `其中` in its sentence: a part of something stated before.
    pub after_qizhong: bool,
    /// A day is named right before it (`8月10日发送旅客1837.3万人次`): a figure of that day,
    /// not of the period.
    pub on_a_day: bool,
    /// Its sentence sets a goal before it (`力争…超过5万人`, `目标是…`): a figure hoped for,
    /// not one that is.
    pub target: bool,
    /// For a table cell: its row and column as printed (`row 铁路 · column 上年同期`).
    pub cell: Option<String>,
}

/// Where the first goal word of `sentence` ends (relative to it): a figure after that point has
/// a goal word before it in its sentence. Asked once per sentence, not once per figure.
fn goal_end(sentence: &str) -> usize {
    lexicon::get()
        .set(List::GoalWords)
        .first_end(sentence)
        .unwrap_or(usize::MAX)
}

impl Fact {
    /// The label without what it shares with the base: `福建省民营企业对共建一带一路国家进出口`
    /// of `福建省对共建一带一路国家贸易总值` is `民营企业进出口`. What makes this share different
    /// from its siblings.
    pub fn own_label(&self) -> String {
        match &self.base {
            Some(base) => without_common(&self.label, base),
            None => self.label.clone(),
        }
    }

    /// A level of something: an amount or count that is neither a change nor a classifier.
    pub fn is_level(&self) -> bool {
        matches!(self.figure.kind, Kind::Amount | Kind::Count)
            && !self.figure.delta
            && !self.figure.attributive
    }

    /// A level that adds up with others: not an average (`日均`, `人均`, `平均`, `均价`), which a
    /// part may exceed and a whole does not sum.
    pub fn is_additive(&self) -> bool {
        self.is_level() && !self.label.contains('均')
    }

    /// Takes part in relations: not a classifier, not a date.
    pub fn is_measure(&self) -> bool {
        !self.figure.attributive && !matches!(self.figure.kind, Kind::Date)
    }
}

/// The last word-separating space (`运行情况 快递业务量`) between `from` and `to`, or `from`.
fn last_separator(text: &Text, from: usize, to: usize) -> usize {
    let breaks = &text.norm.breaks;
    let i = breaks.partition_point(|b| b.at() < to);
    breaks[..i]
        .iter()
        .rev()
        .take_while(|b| b.at() > from)
        .find(|b| b.separator)
        .map_or(from, |b| b.at())
}

/// `label` with every stretch of two or more characters that also occurs in `other` removed.
fn without_common(label: &str, other: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        // The longest stretch starting at i that `other` contains.
        let mut len = 0;
        for j in (i + 2..=chars.len()).rev() {
            let piece: String = chars[i..j].iter().collect();
            if other.contains(&piece) {
                len = j - i;
                break;
            }
        }
        if len >= 2 {
            keep[i..i + len].iter_mut().for_each(|k| *k = false);
            i += len;
        } else {
            i += 1;
        }
    }
    chars
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| c)
        .collect()
}

/// The last period word in `s`, if any. A word after a comparing word (`比去年同期增长`) is
/// the point of comparison, not the period of the figure.
fn period_word(s: &str) -> Option<&'static str> {
    let lex = lexicon::get();
    // Most stretches name no period: one pass says so before the word-by-word search.
    if !lex.set(List::PeriodWords).any_in(s) && !lex.set(List::ClausePeriodWords).any_in(s) {
        return None;
    }
    // `，累计完成…`: a clause-opening period word counts only where it opens a clause.
    let opening = lex
        .words(List::ClausePeriodWords)
        .iter()
        .filter_map(|w| words::rfind(s, w).map(|i| (i, *w)))
        .filter(|(i, _)| s[..*i].ends_with(['，', ',', '；', ';', '。']));
    let named: Vec<(usize, &'static str)> = lex
        .words(List::PeriodWords)
        .iter()
        .filter_map(|w| words::rfind(s, w).map(|i| (i, *w)))
        .collect();
    // `中秋国庆假期` holds `国庆假期`: the longer name is the period.
    let inside_longer = |&(i, w): &(usize, &str)| {
        named
            .iter()
            .any(|&(j, v)| v.len() > w.len() && j <= i && i + w.len() <= j + v.len())
    };
    named
        .iter()
        .copied()
        .filter(|m| !inside_longer(m))
        .chain(opening)
        .filter(|(i, _)| {
            !lexicon::get()
                .words(List::ComparisonWords)
                .iter()
                .any(|c| s[..*i].ends_with(c))
        })
        .max_by_key(|(i, w)| (*i, w.len()))
        .map(|(_, w)| w)
}

/// How many sentences (`；` counts) back a bare share looks for its base.
const BASE_REACH: usize = 3;

/// The stretches of text after `其中` (and `…中有`), to the end of their full sentence.
fn subset_scopes(text: &Text, within: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let t = &text.as_str()[within.clone()];
    lexicon::get()
        .set(List::SubsetMarkers)
        .starts(t)
        .into_iter()
        .map(|i| within.start + i)
        .map(|at| at..text.full_sentence(at).end)
        .collect()
}

fn is_comparison_date(pre: &str) -> bool {
    // `从去年8月`: a relative year may stand between the word and the date.
    let pre = ["去年", "今年", "上年", "前年"]
        .iter()
        .find_map(|y| pre.strip_suffix(y))
        .unwrap_or(pre);
    lexicon::get()
        .words(List::ComparisonWords)
        .iter()
        .any(|w| pre.ends_with(w))
}

/// Builds facts from figures: labels, bases and periods. The figures are those of `within`
/// (the whole text, or one article of it: nothing here reads across an article).
pub fn facts(text: &Text, within: std::ops::Range<usize>, figures: Vec<Figure>) -> Vec<Fact> {
    let t = text.as_str();
    let st = &text.structure;
    let mut out: Vec<Fact> = Vec::with_capacity(figures.len());
    let mut period: Option<String> = None;
    let mut main_period: Option<String> = None;
    // The year the article's periods fall in, as last stated (`2023年`, `2023年7月`).
    let mut year: Option<String> = None;
    let mut period_article = usize::MAX;
    let mut period_sentence = usize::MAX;
    let scopes = subset_scopes(text, within);
    // The full sentence whose first goal word is known, and where that word ends.
    let mut goal: (Option<usize>, usize) = (None, usize::MAX);
    // Shares with a base, most recent last: (base, paragraph, sentence, 其中 scope).
    let mut bases: Vec<(String, usize, usize, Option<usize>)> = Vec::new();
    // A period named inside brackets (`（一季度为增长3.5%）`) holds there only: where the
    // bracket closes, and the periods in force before it.
    let mut bracketed: Option<(usize, Option<String>, Option<String>)> = None;
    for fig in figures {
        if let Some((close, before, main_before)) = bracketed.take() {
            if fig.norm.start > close {
                period = before;
                main_period = main_before;
            } else {
                bracketed = Some((close, before, main_before));
            }
        }
        let clause = st.clause_at(fig.norm.start);
        let sentence = st.sentence_at(fig.norm.start);
        let paragraph = st.paragraph_at(fig.norm.start);
        let article = st.paragraphs.get(paragraph).map_or(0, |p| p.article);
        if article != period_article {
            period = None;
            main_period = None;
            year = None;
            period_article = article;
        }
        // A new full sentence that does not say it continues (`同期`, `其中`) speaks of the
        // article's main period again: `6月份，…。从经营主体看，…` is back to the half year.
        let full = text.full_sentence(fig.norm.start);
        if full.start != period_sentence {
            period_sentence = full.start;
            let opening = &t[full.start..fig.norm.start.max(full.start)];
            let continues = lexicon::get()
                .words(List::Continuations)
                .iter()
                .any(|w| opening.starts_with(w));
            if continues && period.as_deref().is_some_and(is_period_list) {
                // `同期，…` after `5月份、6月份均…`: no one period to go on with.
                period = main_period.clone();
            } else if !continues {
                // Back to the article's main period, or on with the one stated last: when the
                // two differ, the prose does not say which, and the period is unsure. An unsure
                // period matches only itself, so such figures are compared only with figures
                // read the same way.
                period = match (&period, &main_period) {
                    // `一季度、二季度分别…`: a list of periods is no one period a new sentence
                    // could go on with.
                    (Some(last), _) if is_period_list(last) => main_period.clone(),
                    (Some(last), Some(main)) if last != main && !last.ends_with('?') => {
                        Some(format!("{main}|{last}?"))
                    }
                    (Some(last), _) if last.ends_with('?') => Some(last.clone()),
                    _ => main_period.clone(),
                };
            }
        }
        // Periods named in words since the last figure (`上半年，`, `当月`).
        let since = out
            .last()
            .map_or(full.start, |f| f.figure.norm.end.max(full.start));
        let between = &t[since.min(fig.norm.start)..fig.norm.start];
        // `9月当月`: the word only repeats the month just named.
        let after_date = out.last().is_some_and(|f| {
            (f.figure.kind == Kind::Date || is_period_range(&f.figure))
                && since == f.figure.norm.end
                && (between.starts_with("当月") || between.starts_with("累计"))
        });
        if let Some(word) = period_word(between).filter(|_| !after_date) {
            keep_out_of_brackets(
                t,
                fig.norm.start,
                full.end,
                &period,
                &main_period,
                &mut bracketed,
            );
            period = Some(normalise_period(word, year.as_deref()));
            if main_period.is_none() {
                main_period.clone_from(&period);
            }
        }
        // `国庆假期前七天`: the first days of a holiday are a period of their own, not the
        // whole holiday.
        if fig.kind == Kind::Duration && fig.unit == "天" && between.ends_with('前') {
            if let (Some(p), Some(days)) = (period.as_deref(), fig.interval.lo) {
                if p.ends_with("假期") {
                    period = Some(format!("{p}前{}天", days.normalize()));
                }
            }
        }
        // Scopes are sorted by start: the one holding the figure, if any, starts last before it.
        // A scope opened before this full sentence ends before it: the look-back stops there.
        let first = scopes.partition_point(|r| r.start < full.start);
        let scope = scopes[..scopes.partition_point(|r| r.start <= fig.norm.start)]
            .get(first..)
            .and_then(|s| s.iter().rposition(|r| fig.norm.end <= r.end))
            .map(|i| i + first)
            .filter(|&i| scopes[i].start <= fig.norm.start);
        let clause_start = st.clauses.get(clause).map_or(0, |c| c.range().start);
        // The label's text runs from the clause start or the last measure in the clause.
        let from = out
            .iter()
            .rev()
            .take_while(|f| f.clause == clause)
            .find(|f| f.is_measure() && f.figure.kind != Kind::Range && !f.figure.in_phrase)
            .map_or(clause_start, |f| f.figure.norm.end)
            .max(clause_start)
            .max(last_separator(text, clause_start, fig.norm.start));
        let from = window_start(t, from, fig.norm.start, LOOK_BEHIND);
        // Dates inside the stretch are taken out, the words around them kept:
        // `江苏一季度地区生产总值` is `江苏地区生产总值`, and `比2022年增长` names nothing.
        let dated: Vec<&Fact> = out
            .iter()
            .rev()
            .take_while(|f| f.figure.norm.end > from)
            .filter(|f| f.figure.kind == Kind::Date && f.figure.norm.start >= from)
            .collect();
        let on_a_day = dated.iter().any(|f| {
            f.figure.date.as_deref().is_some_and(|d| {
                d.len() == 10 || d.starts_with("--") && d.len() > 4 || d.starts_with("---")
            })
        });
        let dates: Vec<std::ops::Range<usize>> =
            dated.iter().map(|f| f.figure.norm.clone()).collect();
        let pre_owned: String;
        let pre: &str = if dates.is_empty() {
            &t[from..fig.norm.start]
        } else {
            let mut s = String::new();
            let mut at = from;
            for d in dates.iter().rev() {
                // `前三季度`, `首季度`: the word that makes the date a span so far goes with it.
                let before = &t[at..d.start];
                let before = before
                    .strip_suffix('前')
                    .or_else(|| before.strip_suffix('首'))
                    .unwrap_or(before);
                s.push_str(before);
                at = d.end;
            }
            s.push_str(&t[at..fig.norm.start]);
            pre_owned = s;
            &pre_owned
        };

        // A day (`1月19日`) dates an event, not the period of a statistic.
        let is_day = fig.date.as_deref().is_some_and(|d| {
            d.len() == 10 || d.starts_with("--") && d.len() > 4 || d.starts_with("---")
        });
        if (fig.kind == Kind::Date && !is_day) || is_period_range(&fig) || is_months_so_far(t, &fig)
        {
            let before = &t[clause_start..fig.norm.start];
            // `恢复至2019年同期的107.9%`: a year named as a point of comparison.
            // `从一季度数据来看`: a frame that looks at the period, not a comparison with it.
            let clause_end = st
                .clauses
                .get(clause)
                .map_or(fig.norm.end, |c| c.range().end);
            let looked_at = t
                .get(fig.norm.end..clause_end.max(fig.norm.end))
                .is_some_and(|rest| {
                    let rest = rest.trim_end_matches([',', '，']);
                    lexicon::get()
                        .words(List::ViewpointClosers)
                        .iter()
                        .any(|w| rest.ends_with(w))
                })
                && before.ends_with('从');
            let compared = (is_comparison_date(before) && !looked_at)
                || t[fig.norm.end..].starts_with("同期")
                || t[fig.norm.end..].starts_with("以来")
                // `从2012年1.03万亿元增至…`: a dated value, not the period of what follows.
                || t[fig.norm.end..].starts_with(|c: char| c.is_ascii_digit())
                || (before.ends_with('至') && !before.ends_with("截至"));
            // `2019年同期，古镇接待游客65.2万人次`: a past period opening its own clause.
            let past_period =
                t[fig.norm.end..].starts_with("同期，") || t[fig.norm.end..].starts_with("同期,");
            let mut key = period_key(&fig);
            // `二季度末`: the end of a quarter is a date, its last month.
            if t[fig.norm.end..].starts_with(['末', '底']) {
                if let Some(q) = key.strip_prefix('Q').and_then(|q| q.parse::<u32>().ok()) {
                    key = format!("--{:02}", q * 3);
                }
            }
            if past_period {
                period = Some(format!("{key}同期"));
            } else {
                // `2023年1至9月`: a year right before the months is the year they fall in,
                // though the year is not itself the period.
                if !is_comparison_date(before) && !fig.attributive {
                    if let Some(y) = key
                        .get(..4)
                        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
                    {
                        // `一季度` in a headline, before any year was named, is the quarter
                        // of the year named first: the main period takes that year.
                        if year.is_none() {
                            main_period = main_period.map(|m| {
                                if m.contains('年') {
                                    m
                                } else {
                                    normalise_period(&m, Some(y))
                                }
                            });
                        }
                        year = Some(y.to_string());
                    }
                }
                if !compared && !fig.attributive {
                    keep_out_of_brackets(
                        t,
                        fig.norm.start,
                        full.end,
                        &period,
                        &main_period,
                        &mut bracketed,
                    );
                    let named = normalise_period(&key, year.as_deref());
                    // `5月份、6月份均…`: two periods listed, each of its own item.
                    let listed = out.last().is_some_and(|f| {
                        f.figure.kind == Kind::Date
                            && f.period == period
                            && period.as_deref().is_some_and(|p| {
                                p.ends_with(&normalise_period(
                                    &period_key(&f.figure),
                                    year.as_deref(),
                                ))
                            })
                            && is_list_joint(&t[f.figure.norm.end..fig.norm.start])
                    });
                    period = match (&period, listed) {
                        (Some(first), true) if *first != named => Some(format!("{first}、{named}")),
                        _ => Some(named),
                    };
                    if main_period.is_none() {
                        main_period.clone_from(&period);
                    }
                }
            }
        }

        let mut label = String::new();
        let mut label_inherited = false;
        let mut base = None;
        let mut base_explicit = false;
        match fig.kind {
            // A rate names no whole, and takes none from the shares before it.
            Kind::Share if fig.tags.contains(&tag::RATE) => label = share_parts(pre).0,
            Kind::Share => {
                let (subject, b) = share_parts(pre);
                label = subject;
                base_explicit = b.is_some();
                // A bare `占27.1%` keeps the base of the share just before it on the same line
                // of prose: same paragraph, a few sentences back, and not inside a `其中`
                // digression it is not part of.
                // `经外港码头入境旅客…为5,084,179人次，香港旅客占60.7%`: a share that names its
                // own subject right after a level of another name is a share of that level.
                // Not when the subject is itself a level of the sentence (`赞成票…，弃权票三票，
                // 赞成票占99.8%`): that share is of a whole the sentence does not name.
                let subject_stated = out
                    .iter()
                    .rev()
                    .take_while(|f| f.sentence == sentence)
                    .any(|f| f.is_level() && f.label == label);
                let level_before = out
                    .last()
                    .filter(|f| f.sentence == sentence && f.clause + 1 == clause && f.is_level())
                    .filter(|f| !label.is_empty() && !f.label.is_empty() && f.label != label)
                    .filter(|_| !subject_stated)
                    .map(|f| f.label.clone());
                base = b.or(level_before).or_else(|| {
                    // Sentences only grow down the list: the look-back stops at the reach.
                    bases
                        .iter()
                        .rev()
                        .take_while(|(_, _, s, _)| sentence - s <= BASE_REACH)
                        .find(|(_, p, _, sc)| *p == paragraph && (sc.is_none() || *sc == scope))
                        .map(|(b, ..)| b.clone())
                });
                if let Some(b) = &base {
                    bases.push((b.clone(), paragraph, sentence, scope));
                }
            }
            Kind::Date => {}
            _ => label = label_of(pre),
        }
        if label.is_empty()
            && matches!(
                fig.kind,
                Kind::Growth | Kind::Share | Kind::Points | Kind::Multiple
            )
            || (label.is_empty()
                && (fig.delta || fig.kind == Kind::Amount || fig.kind == Kind::Count))
        {
            // Inherit from the last level stated in the sentence; points right after a rate
            // (`城镇化率为65.22%，比上年末提高0.50个百分点`) change that rate.
            label_inherited = true;
            let rate_moved = |f: &Fact| {
                fig.kind == Kind::Points
                    && f.figure.tags.contains(&tag::RATE)
                    && f.clause + 1 == clause
            };
            if let Some(prev) = out
                .iter()
                .rev()
                .take_while(|f| f.sentence == sentence)
                .find(|f| f.is_level() || rate_moved(f))
            {
                label = prev.label.clone();
            } else if let Some(prev) = out
                .last()
                .filter(|f| f.sentence == sentence && f.clause + 1 == clause)
                .filter(|f| f.figure.kind == Kind::Growth && !f.label.is_empty())
                .filter(|_| matches!(fig.kind, Kind::Amount | Kind::Count) && !fig.delta)
            {
                // `经外港码头入境旅客增加23.5%，为5,084,179人次`: the level of what just grew.
                label = prev.label.clone();
            }
        }
        let mut fig = fig;
        if fig.kind == Kind::Growth && fig.unit == "%" && !fig.tags.contains(&"rate-change") {
            // `占…比重为37.3%，较2022年提升1.2%`: a comparison clause without a subject of its
            // own changes the share stated just before it.
            let clause_text = &t[clause_start..fig.norm.start];
            let comparative = clause_text.starts_with('较') || clause_text.starts_with('比');
            let after_share = out
                .iter()
                .rev()
                .take_while(|f| f.sentence == sentence)
                .find(|f| f.is_measure())
                .is_some_and(|f| f.figure.kind == Kind::Share && f.clause + 1 == clause);
            if comparative && after_share {
                fig.tags.push("rate-change");
            }
        }
        if fig.kind == Kind::Growth && fig.value.is_sign_negative() {
            // `净利润为-1.05亿元，同比下降192.96%`, `由盈转亏`: a level below zero may fall by more
            // than all of it.
            let sentence_start = text.full_sentence(fig.norm.start).start;
            let negative_before = out
                .iter()
                .rev()
                .take_while(|f| f.figure.norm.start >= sentence_start)
                .any(|f| {
                    f.is_measure()
                        && f.figure.value.is_sign_negative()
                        && f.figure.kind != Kind::Growth
                });
            let loss = lexicon::get()
                .set(List::LossWords)
                .any_in(&t[sentence_start..fig.norm.start]);
            if negative_before || loss {
                fig.tags.push(tag::SIGNED_LEVEL);
            }
        }
        if goal.0 != Some(full.start) {
            goal = (
                Some(full.start),
                full.start.saturating_add(goal_end(&t[full.clone()])),
            );
        }
        let target = goal.1 <= fig.norm.start;
        out.push(Fact {
            figure: fig,
            label,
            base,
            base_explicit,
            period: period.clone(),
            article,
            paragraph,
            sentence,
            clause,
            subset_of: None,
            in_list: false,
            label_inherited,
            after_qizhong: scope.is_some(),
            on_a_day,
            target,
            cell: None,
        });
    }
    out
}

/// A period that is a list of periods (`2023-05、2023-06`), each of its own item.
fn is_period_list(period: &str) -> bool {
    period.contains('、')
}

/// What joins two items of a list: `、`, `和`, `与`, `及`.
fn is_list_joint(between: &str) -> bool {
    matches!(between, "、" | "和" | "与" | "及" | "以及")
}

/// Where the bracket that holds `at` closes, if `at` is inside one that closes before `end`:
/// the first bracket after `at` closes, not opens.
fn bracket_close(t: &str, at: usize, end: usize) -> Option<usize> {
    let rest = t.get(at..end.max(at))?;
    let (i, c) = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '（' | '(' | '）' | ')'))?;
    matches!(c, '）' | ')').then_some(at + i)
}

/// Before a period named at `at` takes over: when `at` is inside brackets, remembers where they
/// close and the periods in force, so that they hold again after it. An earlier bracket's
/// memory is kept: the periods to go back to are those before the first.
fn keep_out_of_brackets(
    t: &str,
    at: usize,
    end: usize,
    period: &Option<String>,
    main_period: &Option<String>,
    bracketed: &mut Option<(usize, Option<String>, Option<String>)>,
) {
    if let Some(close) = bracket_close(t, at, end) {
        match bracketed {
            Some((c, ..)) => *c = close,
            None => *bracketed = Some((close, period.clone(), main_period.clone())),
        }
    }
}

/// `1-7月`: a span of months that names the period of the figures after it.
fn is_period_range(fig: &Figure) -> bool {
    fig.kind == Kind::Range && fig.unit == "月"
}

/// The period a date or span names, in one spelling: `2023-11`, `1-10月` for `1—10月份`,
/// `1至10月` and `前10个月` alike.
fn period_key(fig: &Figure) -> String {
    if let Some(d) = &fig.date {
        return d.clone();
    }
    match (fig.interval.lo, fig.interval.hi) {
        (Some(lo), Some(hi)) if fig.kind == Kind::Range => {
            format!("{}-{}月", lo.normalize(), hi.normalize())
        }
        (_, Some(hi)) if fig.kind == Kind::Duration => format!("1-{}月", hi.normalize()),
        _ => fig.text.trim_end_matches('份').to_string(),
    }
}

/// A period in one spelling, with the year it falls in where the article has named one:
/// `上半年` is `2023年1-6月` (its tag in `period-words`), `1-7月` is `2023年1-7月`, and `7月份` is
/// `2023-07`. So `前三季度` and `1至9月` are one period, while `7月份`
/// (`2023-07`) is never `1-7月份` (`2023年1-7月`).
fn normalise_period(key: &str, year: Option<&str>) -> String {
    let named = lexicon::get()
        .tagged(List::PeriodWords)
        .iter()
        .find(|(w, _)| *w == key)
        .map_or(key, |(_, tag)| *tag);
    let quarters = quarter_months(named);
    let named = quarters.as_deref().unwrap_or(named);
    let Some(year) = year else {
        return named.to_string();
    };
    if let Some(month) = named.strip_prefix("--").filter(|m| m.len() == 2) {
        format!("{year}-{month}")
    } else if (named.ends_with('月') && named.starts_with(|c: char| c.is_ascii_digit()))
        // A holiday (`国庆假期`) comes once a year: the year tells which.
        || named.ends_with("假期")
    {
        format!("{year}年{named}")
    } else {
        named.to_string()
    }
}

/// `Q1-Q3` (`前三季度` read as a date) in months, `1-9月`; `Q2` is `4-6月`.
fn quarter_months(key: &str) -> Option<String> {
    let quarter = |q: &str| -> Option<u32> {
        q.strip_prefix('Q')?
            .parse()
            .ok()
            .filter(|n| (1..=4).contains(n))
    };
    let (first, last) = match key.split_once('-') {
        Some((a, b)) => (quarter(a)?, quarter(b)?),
        None => (quarter(key)?, quarter(key)?),
    };
    Some(format!("{}-{}月", first * 3 - 2, last * 3))
}

/// `前10个月`, `前十个月`, `首十个月`: the months of the year so far, a period like `1-10月`.
fn is_months_so_far(t: &str, fig: &Figure) -> bool {
    // `首十一个月` (Macau, Hong Kong) is `前十一个月`.
    fig.kind == Kind::Duration
        && fig.unit == "个月"
        && (t[..fig.norm.start].ends_with('前') || t[..fig.norm.start].ends_with('首'))
}
