//! Tables, read as tables: every number cell becomes a fact with an identity (its row's label,
//! its column's unit, kind and period), and the table's shape becomes groups the rules check.
//!
//! The prose reader never sees a table it can read: those lines are blanked (byte for byte, so
//! offsets hold) before the text is normalized, and their cells come back as facts built here.
//! A table hedui cannot read with confidence is left to the prose reader as before.
//!
//! Forms read: pipe rows (`a | b | c |`), tab-separated rows, space-aligned rows ending in two
//! numbers or more. Not read: merged header cells, headers over several lines that do not split
//! into one name per column, tables delivered one cell per line.

mod cells;
mod groups;
mod lines;
mod read;
mod same;
mod structure;

pub use read::{RowKind, Table};

use crate::extract::fact::Fact;
use crate::extract::group::Group;
use crate::text::Text;

/// The tables of a draft, read from its original text.
pub fn find(original: &str) -> Vec<Table> {
    let ls = lines::lines(original);
    read::tables(original, &ls)
}

/// The draft with the lines of `tables` blanked out, same length byte for byte.
pub fn blank(original: &str, tables: &[Table]) -> String {
    let mut bytes = original.as_bytes().to_vec();
    for t in tables {
        for r in &t.rows {
            for b in &mut bytes[r.line.clone()] {
                *b = b' ';
            }
        }
        // Header lines above the first row go with the table.
        if let Some(first) = t.rows.first() {
            for b in &mut bytes[t.range.start..first.line.start] {
                if *b != b'\n' && *b != b'\r' {
                    *b = b' ';
                }
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| original.to_string())
}

/// Appends the facts of every table cell to `facts`, and returns the groups the tables call for
/// (including a table's figures against the same measure in the prose).
pub fn facts_and_groups(text: &Text, tables: &[Table], facts: &mut Vec<Fact>) -> Vec<Group> {
    let prose = facts.len();
    let mut out = Vec::new();
    let mut named = Vec::new();
    for (ti, t) in tables.iter().enumerate() {
        let (parents, found) = structure::read(t);
        // Columns the arithmetic shows to be rates are read as shares.
        let rated = groups::rate_columns(t);
        let mut t = t.clone();
        for &(s, ..) in &rated {
            t.columns[s].kind = read::ColumnKind::Share;
            t.columns[s].unit = Some("%".to_string());
        }
        let t = &t;
        let mut map = groups::Cells::new();
        let stems = stems(t);
        for (fact, at) in cells::facts(text, t, &parents) {
            map.insert((at.row, at.column), facts.len());
            // A total row's own label (`合计`, `总数`) names no measure.
            let mut names = if t.rows[at.row].kind == RowKind::Total {
                Vec::new()
            } else {
                vec![fact.label.clone()]
            };
            let under_unit = parents[at.row].is_some_and(|p| t.rows[p].unit.is_some());
            if t.rows[at.row].unit.is_none() && !under_unit {
                names.extend(stems.iter().map(|s| format!("{}{s}", fact.label)));
            }
            // A total row's cell is the column's measure itself (`全国` under `15—59岁`).
            let header = &t.columns[at.column].header;
            let measure = read::bracketed(header).map_or(header.clone(), |(o, _)| o);
            let mut whole_names = Vec::new();
            if measure.chars().count() >= 2 {
                if t.rows[at.row].kind == RowKind::Total {
                    names.push(measure);
                } else if parents[at.row].is_none()
                    && found.iter().any(|b| b.whole == at.row && !b.within)
                {
                    // The row the table breaks down (`全年粮食` over `一、分季节`) is the table's
                    // total: another table's total of the same measure and period must agree.
                    whole_names.push(measure);
                }
            }
            named.push(same::Named {
                fact: facts.len(),
                table: ti,
                whole_names,
                names,
            });
            facts.push(fact);
        }
        out.extend(groups::breakdowns(t, &found, &map, facts));
        out.extend(groups::rates(t, &rated, &map));
        out.extend(groups::growths(t, &map, facts));
    }
    out.extend(same::groups(facts, prose, &named));
    out
}

/// What the level columns measure, as a row's label would continue: `人口数` gives `人口`.
fn stems(t: &Table) -> Vec<String> {
    t.columns
        .iter()
        .filter(|c| c.kind == read::ColumnKind::Level)
        .filter_map(|c| {
            let h = read::bracketed(&c.header).map_or(c.header.clone(), |(o, _)| o);
            let h = h.trim_end_matches('数').to_string();
            (h.chars().count() >= 2).then_some(h)
        })
        .collect()
}
