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

/// Everything extraction learned about one draft.
#[derive(Clone, Debug)]
pub struct Extraction {
    pub text: Text,
    pub facts: Vec<Fact>,
    pub groups: Vec<Group>,
}

/// Reads the figures and facts of a draft.
pub fn extract(source: &Source) -> Extraction {
    // Tables are read from the draft as written (a Markdown table keeps its pipes there) and
    // blanked out of what the prose reader sees.
    let tables = table::find(&source.text);
    let blanked;
    let prose = if tables.is_empty() {
        source.prose()
    } else {
        blanked = table::blank(source.prose(), &tables);
        &blanked
    };
    let text = match &source.blocks {
        Some(ends) => Text::with_blocks(prose, ends),
        None => Text::new(prose),
    };
    let figures = scan::scan(&text);
    let mut facts = fact::facts(&text, figures);
    let mut groups = group::groups(&text, &mut facts);
    groups.extend(table::facts_and_groups(&text, &tables, &mut facts));
    Extraction {
        text,
        facts,
        groups,
    }
}
