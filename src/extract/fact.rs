//! Facts: each figure with what it is about (label, base, period) and where it stands
//! (article, paragraph, sentence, clause).
//!
//! Inheritance follows the prose: a growth or share without a subject of its own (`同比增长2.6%`,
//! `占27.1%`) takes the label of the amount before it in the sentence; a share without `占…的`
//! keeps the base of the share before it; a period stated once (`2023年，`) holds for the article
//! until another is stated, except dates that are only points of comparison (`较2022年底`).

use super::figure::{Figure, Kind};
use super::label::{label_of, share_parts};
use super::scan::LOOK_BEHIND;
use crate::text::{window_start, Text};

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
}

impl Fact {
    /// A level of something: an amount or count that is neither a change nor a classifier.
    pub fn is_level(&self) -> bool {
        matches!(self.figure.kind, Kind::Amount | Kind::Count)
            && !self.figure.delta
            && !self.figure.attributive
    }

    /// Takes part in relations: not a classifier, not a date.
    pub fn is_measure(&self) -> bool {
        !self.figure.attributive && !matches!(self.figure.kind, Kind::Date)
    }
}

/// Words before a date that make it a point of comparison, not the period of what follows.
const COMPARISON: &[&str] = &["较", "比", "与", "同", "相比", "自", "从"];

fn is_comparison_date(pre: &str) -> bool {
    // `从去年8月`: a relative year may stand between the word and the date.
    let pre = ["去年", "今年", "上年", "前年"]
        .iter()
        .find_map(|y| pre.strip_suffix(y))
        .unwrap_or(pre);
    COMPARISON.iter().any(|w| pre.ends_with(w))
}

/// Builds facts from figures: labels, bases and periods.
pub fn facts(text: &Text, figures: Vec<Figure>) -> Vec<Fact> {
    let t = text.as_str();
    let st = &text.structure;
    let mut out: Vec<Fact> = Vec::with_capacity(figures.len());
    let mut period: Option<String> = None;
    let mut period_article = usize::MAX;
    let mut last_base: Option<(String, usize)> = None; // (base, paragraph)
    for fig in figures {
        let clause = st.clause_at(fig.norm.start);
        let sentence = st.sentence_at(fig.norm.start);
        let paragraph = st.paragraph_at(fig.norm.start);
        let article = st.paragraphs.get(paragraph).map_or(0, |p| p.article);
        if article != period_article {
            period = None;
            period_article = article;
        }
        let clause_start = st.clauses.get(clause).map_or(0, |c| c.range.start);
        // The label's text runs from the clause start or the last measure in the clause.
        let from = out
            .iter()
            .rev()
            .take_while(|f| f.clause == clause)
            .find(|f| {
                // A date ends a label too: `比2022年增长5.2%` names nothing of its own.
                f.figure.kind == Kind::Date
                    || (f.is_measure() && f.figure.kind != Kind::Range && !f.figure.in_phrase)
            })
            .map_or(clause_start, |f| f.figure.norm.end)
            .max(clause_start);
        let pre = &t[window_start(t, from, fig.norm.start, LOOK_BEHIND)..fig.norm.start];

        // A day (`1月19日`) dates an event, not the period of a statistic.
        let is_day = fig.date.as_deref().is_some_and(|d| {
            d.len() == 10 || d.starts_with("--") && d.len() > 4 || d.starts_with("---")
        });
        if (fig.kind == Kind::Date && !is_day) || is_period_range(&fig) {
            let before = &t[clause_start..fig.norm.start];
            if !is_comparison_date(before) && !fig.attributive {
                period = Some(period_key(&fig));
            }
        }

        let mut label = String::new();
        let mut base = None;
        let mut base_explicit = false;
        match fig.kind {
            Kind::Share => {
                let (subject, b) = share_parts(pre);
                label = subject;
                base_explicit = b.is_some();
                base = b.or_else(|| {
                    last_base
                        .as_ref()
                        .filter(|(_, p)| *p == paragraph)
                        .map(|(b, _)| b.clone())
                });
                if let Some(b) = &base {
                    last_base = Some((b.clone(), paragraph));
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
            // Inherit from the last level stated in the sentence.
            if let Some(prev) = out
                .iter()
                .rev()
                .take_while(|f| f.sentence == sentence)
                .find(|f| f.is_level())
            {
                label = prev.label.clone();
            }
        }
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
        });
    }
    out
}

/// `1-7月`: a span of months that names the period of the figures after it.
fn is_period_range(fig: &Figure) -> bool {
    fig.kind == Kind::Range && fig.unit == "月"
}

fn period_key(fig: &Figure) -> String {
    match &fig.date {
        Some(d) => d.clone(),
        None => fig.text.trim_end_matches('份').to_string(),
    }
}
