//! The parts a table's rows play for one another: which row is the whole of which rows.
//!
//! Read from the table's own marks, never from the numbers: a total row (`合计`, `全国`) heads
//! or closes the rows of its run; a row that names its own unit (`客运量(万人)`) heads the rows
//! without one below it; a first row followed by headings (`一、分季节`, `按经营地分`) is the
//! whole each heading breaks down; a `其中` row is a part of the row above it, and so are the
//! unnumbered rows after it when its siblings are numbered (`1、谷物 / 其中:玉米 / 稻谷 /
//! 2、豆类`). Whether a run is the whole breakdown is left to the numbers of the other columns
//! (see `groups`).

use super::read::{RowKind, Table};

/// A whole and the rows the table gives as its parts.
#[derive(Clone, Debug)]
pub struct Breakdown {
    pub whole: usize,
    pub parts: Vec<usize>,
    /// The parts are `其中` rows: some of the whole, not all of it.
    pub within: bool,
}

/// Each row's whole (for labels and units), and the breakdowns the table states.
pub fn read(table: &Table) -> (Vec<Option<usize>>, Vec<Breakdown>) {
    let rows = &table.rows;
    let n = rows.len();
    let mut parents = vec![None; n];
    let mut out = Vec::new();
    // Rows that name their own unit head the rows below them only when some rows do not.
    let with_unit = rows
        .iter()
        .filter(|r| r.unit.is_some() && has(r.kind))
        .count();
    let unit_heads = with_unit > 0 && with_unit < rows.iter().filter(|r| has(r.kind)).count();
    let mut whole: Option<usize> = None;
    let mut parts: Vec<usize> = Vec::new();
    let mut broken = false;
    // The last row that is not a `其中` part, its `其中` run, and whether the run continues.
    let mut anchor: Option<usize> = None;
    let mut within: Vec<usize> = Vec::new();
    let mut continues = false;
    let mut first_data: Option<usize> = None;
    let mut headings = 0;
    let close =
        |whole: Option<usize>, parts: &mut Vec<usize>, broken: bool, out: &mut Vec<Breakdown>| {
            if let Some(w) = whole {
                if parts.len() >= 2 && !broken {
                    out.push(Breakdown {
                        whole: w,
                        parts: parts.clone(),
                        within: false,
                    });
                }
            }
            parts.clear();
        };
    let close_within =
        |anchor: Option<usize>, within: &mut Vec<usize>, out: &mut Vec<Breakdown>| {
            if let (Some(a), false) = (anchor, within.is_empty()) {
                out.push(Breakdown {
                    whole: a,
                    parts: within.clone(),
                    within: true,
                });
            }
            within.clear();
        };
    for i in 0..n {
        let r = &rows[i];
        match r.kind {
            RowKind::Blank => {}
            RowKind::Heading => {
                close_within(anchor, &mut within, &mut out);
                continues = false;
                headings += 1;
                if whole.is_none() && headings == 1 {
                    // The first row of figures, alone above the first heading, is the whole.
                    whole = first_data
                        .filter(|&f| rows[f + 1..i].iter().all(|r| r.kind == RowKind::Within));
                    parts.clear();
                } else {
                    close(whole, &mut parts, broken, &mut out);
                }
                broken = false;
            }
            RowKind::Unreadable => {
                close_within(anchor, &mut within, &mut out);
                anchor = None;
                broken = true;
            }
            RowKind::Within => {
                if within.is_empty() {
                    continues = anchor.is_some_and(|a| rows[a].numbered);
                }
                if anchor.is_some() {
                    within.push(i);
                    parents[i] = anchor.and_then(|a| parents[a]).or(anchor);
                }
            }
            RowKind::Total | RowKind::Data => {
                first_data.get_or_insert(i);
                if continues && !within.is_empty() && !r.numbered && r.kind == RowKind::Data {
                    within.push(i);
                    parents[i] = anchor.and_then(|a| parents[a]).or(anchor);
                    continue;
                }
                close_within(anchor, &mut within, &mut out);
                continues = false;
                let heads = r.kind == RowKind::Total && (parts.is_empty() || whole.is_some())
                    || unit_heads && r.unit.is_some() && !r.numbered;
                if r.kind == RowKind::Total && whole.is_none() && !parts.is_empty() {
                    // A total closing the rows above it.
                    close(Some(i), &mut parts, broken, &mut out);
                    broken = false;
                    anchor = Some(i);
                    continue;
                }
                if heads {
                    close(whole, &mut parts, broken, &mut out);
                    broken = false;
                    whole = Some(i);
                } else {
                    parts.push(i);
                    parents[i] = whole;
                }
                anchor = Some(i);
            }
        }
    }
    close_within(anchor, &mut within, &mut out);
    close(whole, &mut parts, broken, &mut out);
    (parents, out)
}

fn has(k: RowKind) -> bool {
    matches!(k, RowKind::Data | RowKind::Total | RowKind::Within)
}
