//! From normalized text to facts: figures (numbers with unit, kind and interval), then what each
//! measures (label, base, period), then the groups the prose puts them in.
//!
//! Extraction reads the text once, left to right, and never looks at rules: what it finds is the
//! same whichever rules run, and `hedui extract` shows exactly what the rules see.

mod cues;
mod fact;
mod figure;
mod group;
pub mod identity;
mod label;
pub(crate) mod scan;
pub mod table;
mod units;

pub use fact::Fact;
pub use figure::{tag, Figure, Kind, Qualifier};
pub use group::{Group, GroupKind, Member, Role, Synthetic};
pub use label::head;

use crate::source::Source;
use crate::text::Text;
use std::sync::Arc;

/// Everything extraction learned about one draft, or about one article of it.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The whole draft's text, shared by the extractions of its articles.
    pub text: Arc<Text>,
    pub facts: Vec<Fact>,
    pub groups: Vec<Group>,
}

/// Reads the figures and facts of a draft.
pub fn extract(source: &Source) -> Extraction {
    let mut articles = articles(source);
    let mut whole = Extraction {
        text: Arc::clone(&articles.text),
        facts: Vec::new(),
        groups: Vec::new(),
    };
    for mut ex in articles.by_ref() {
        let offset = whole.facts.len();
        for f in &mut ex.facts {
            if let Some(s) = &mut f.subset_of {
                *s += offset;
            }
        }
        for g in &mut ex.groups {
            for m in &mut g.members {
                m.fact += offset;
            }
        }
        whole.facts.append(&mut ex.facts);
        whole.groups.append(&mut ex.groups);
    }
    whole
}

/// Reads a draft one article at a time. No fact, group or rule relates figures of two
/// articles (an article is one story: its periods, subjects and totals are its own), so an
/// article's extraction can be checked, reported and dropped before the next is read: the
/// memory a draft needs is its text and one article's facts, however long the draft.
pub fn articles(source: &Source) -> Articles {
    // Tables are read from the draft as written (a Markdown table keeps its pipes there) and
    // blanked out of what the prose reader sees.
    let tables = table::find(&source.text);
    let text = Text::blanked(
        source.prose(),
        &table::lines_of(&tables),
        source.blocks.as_deref(),
    );
    // Each table goes with the article it stands in (a draft of tables alone is one article).
    let units = text.structure.articles.len().max(1);
    let mut by_article: Vec<Vec<table::Table>> = (0..units).map(|_| Vec::new()).collect();
    for t in tables {
        let paragraph = table::paragraph_of(&text, &t);
        let article = text
            .structure
            .paragraphs
            .get(paragraph)
            .map_or(0, |p| p.article);
        by_article[article.min(units - 1)].push(t);
    }
    Articles {
        text: Arc::new(text),
        tables: by_article.into_iter(),
        next: 0,
        scanned_to: 0,
        groups: true,
    }
}

/// The extractions of a draft's articles, in text order: see [`articles`].
pub struct Articles {
    text: Arc<Text>,
    tables: std::vec::IntoIter<Vec<table::Table>>,
    next: usize,
    /// Where the scan for figures stopped: the next article's scan goes on from there.
    scanned_to: usize,
    /// Whether the groups are made, or the figures alone are read.
    groups: bool,
}

impl Articles {
    /// The figures alone, without the groups the rules bind to: what `extract` lists when no
    /// groups are asked for. The groupers only mark how figures relate (`其中` parts, `分别`
    /// lists), none of what a figure is, so each figure reads the same.
    pub fn without_groups(self) -> Articles {
        Articles {
            groups: false,
            ..self
        }
    }
}

impl Iterator for Articles {
    type Item = Extraction;

    fn next(&mut self) -> Option<Extraction> {
        let tables = self.tables.next()?;
        let k = self.next;
        self.next += 1;
        let text = &self.text;
        let articles = &text.structure.articles;
        // An article runs to the next one's start, the last to the end of the text: every
        // figure falls in one.
        let from = if k == 0 { 0 } else { articles[k].start };
        let end = articles.get(k + 1).map_or(text.as_str().len(), |a| a.start);
        let (figures, scanned_to) = scan::scan_from(text, self.scanned_to.max(from), end);
        self.scanned_to = scanned_to;
        let mut facts = fact::facts(text, from..end, figures);
        let mut groups = if self.groups {
            group::groups(text, from..end, &mut facts)
        } else {
            Vec::new()
        };
        // A table's cells are figures: they are read whether or not groups are made.
        let table_groups = table::facts_and_groups(text, &tables, &mut facts);
        if self.groups {
            groups.extend(table_groups);
        }
        Some(Extraction {
            text: Arc::clone(text),
            facts,
            groups,
        })
    }
}
