//! Table cells as facts: each number a figure whose label comes from its row (and the row it is
//! a part of), whose unit, kind and period come from its column header and the caption.

use super::read::{ColumnKind, RowKind, Table};
use crate::extract::fact::Fact;
use crate::extract::figure::{tag, Figure, Kind};
use crate::extract::units::{unit_at, UnitClass};
use crate::interval::Interval;
use crate::text::Text;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Where a fact sits in its table.
#[derive(Clone, Debug)]
pub struct CellRef {
    /// The row has the table's width: its cells have a column.
    pub readable: bool,
    pub row: usize,
    pub column: usize,
}

/// A unit as printed in a header, read as magnitude and unit: `万人` is 10⁴ `人`, `亿元` is
/// 10⁸ `元`, `%` is `%`. `None` when the unit is not one hedui knows.
pub fn unit_of(s: &str) -> Option<(&'static str, Option<&'static str>, Decimal, UnitClass)> {
    let s = s.trim();
    let (mag, factor, rest) = match crate::number::magnitude(s) {
        Some((m, f)) => (Some(m), f, &s[m.len()..]),
        None => (None, Decimal::ONE, s),
    };
    if rest == "%" {
        return Some(("%", None, Decimal::ONE, UnitClass::Percent));
    }
    let u = unit_at(rest).filter(|u| u.len == rest.len())?;
    Some((u.name, mag, factor, u.class))
}

/// The row a part row belongs to, for its label: `铁路` under `客运量(万人)` is `铁路客运量`.
pub fn labels(table: &Table, parents: &[Option<usize>]) -> Vec<String> {
    table
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| match parents[i] {
            Some(p) if table.rows[p].unit.is_some() && r.unit.is_none() => {
                // `铁路` under `客运量总计` is `铁路客运量`.
                let whole = &table.rows[p].label;
                let whole = ["总计", "合计"]
                    .iter()
                    .find_map(|w| whole.strip_suffix(w))
                    .filter(|w| !w.is_empty())
                    .unwrap_or(whole);
                format!("{}{}", r.label, whole)
            }
            _ => r.label.clone(),
        })
        .collect()
}

/// The unit in force for each row: its own, or that of the whole it is a part of.
pub fn row_units(table: &Table, parents: &[Option<usize>]) -> Vec<Option<String>> {
    (0..table.rows.len())
        .map(|i| {
            table.rows[i]
                .unit
                .clone()
                .or_else(|| parents[i].and_then(|p| table.rows[p].unit.clone()))
        })
        .collect()
}

/// Builds one fact per number cell of the readable rows, each counted in its row's unit
/// (`units`, from [`row_units`]).
pub fn facts(
    text: &Text,
    table: &Table,
    parents: &[Option<usize>],
    units: &[Option<String>],
) -> Vec<(Fact, CellRef)> {
    let labels = labels(table, parents);
    let st = &text.structure;
    // Every cell stands in the paragraph of the prose that introduces the table.
    let paragraph = super::paragraph_of(text, table);
    let mut out = Vec::new();
    let unread = super::read::Column {
        header: "unreadable".to_string(),
        kind: ColumnKind::Ratio,
        unit: None,
        period: None,
        previous: false,
    };
    for (ri, row) in table.rows.iter().enumerate() {
        let readable = matches!(row.kind, RowKind::Data | RowKind::Total | RowKind::Within);
        if !readable && row.kind != RowKind::Unreadable {
            continue;
        }
        for (ci, cell) in row.cells.iter().enumerate() {
            // A row of another width keeps its numbers, as bare numbers of no column: counted
            // among the figures, never checked.
            let col = match table.columns.get(ci) {
                Some(c) if readable => c.clone(),
                _ if !readable => unread.clone(),
                _ => continue,
            };
            let col = &col;
            let Some(cell) = cell else {
                continue;
            };
            let Ok(printed) =
                Decimal::from_str(&cell.text.replace([',', '−'], "").replace('−', "-"))
            else {
                continue;
            };
            let percent = matches!(col.kind, ColumnKind::Growth | ColumnKind::Share);
            let unit_text = if !readable {
                None
            } else if percent {
                Some("%".to_string())
            } else {
                units[ri].clone().or_else(|| col.unit.clone())
            };
            let unit = unit_text.as_deref().and_then(unit_of);
            let (unit_name, magnitude, factor, class) =
                unit.unwrap_or(("", None, Decimal::ONE, UnitClass::Measure));
            let kind = match col.kind {
                _ if !readable => Kind::Number,
                ColumnKind::Growth => Kind::Growth,
                ColumnKind::Share => Kind::Share,
                _ if class == UnitClass::Counter => Kind::Count,
                _ if class == UnitClass::Percent => Kind::Share,
                _ => Kind::Amount,
            };
            let norm = text.norm.normalized_offset(cell.span.start)
                ..text.norm.normalized_offset(cell.span.end);
            let value = printed * factor;
            let mut tags = Vec::new();
            if kind == Kind::Share {
                tags.push(tag::RATE);
            }
            let figure = Figure {
                span: cell.span.clone(),
                norm: norm.clone(),
                text: format!("{}{}", cell.text, unit_text.as_deref().unwrap_or("")),
                kind,
                value,
                printed,
                factor,
                interval: Interval::rounded(printed).scale(factor),
                unit: unit_name,
                magnitude,
                qualifier: None,
                date: None,
                attributive: false,
                in_phrase: false,
                tags,
                delta: false,
            };
            // In the prose's spelling, so that a cell and a sentence of one period match.
            let period = col
                .period
                .as_deref()
                .map(super::same::prose_period)
                .map(|p| {
                    if col.previous {
                        format!("{p}同期")
                    } else {
                        p
                    }
                })
                .or_else(|| col.previous.then(|| "上年同期".to_string()));
            let fact = Fact {
                figure,
                label: labels[ri].clone(),
                base: None,
                base_explicit: false,
                period,
                article: st.paragraphs.get(paragraph).map_or(0, |p| p.article),
                paragraph,
                sentence: st.sentence_at(norm.start),
                clause: st.clause_at(norm.start),
                subset_of: None,
                in_list: false,
                label_inherited: false,
                after_qizhong: row.kind == RowKind::Within,
                on_a_day: false,
                target: false,
                cell: Some(format!(
                    "row {} · column {}",
                    if row.printed.is_empty() {
                        "?"
                    } else {
                        &row.printed
                    },
                    if col.header.is_empty() {
                        "?"
                    } else {
                        &col.header
                    }
                )),
            };
            out.push((
                fact,
                CellRef {
                    readable,
                    row: ri,
                    column: ci,
                },
            ));
        }
    }
    out
}
