//! The checks a table's own shape calls for, as groups the default rules already read:
//! a breakdown that adds up (`partition`), `其中` rows within their row (`partition-bound`), a
//! rate column against two level columns (`share-of`), a growth column against this year's and
//! last year's levels (`growth-of-levels`).
//!
//! The table's marks say which rows may be parts of which; the other columns say whether they
//! are all of it. A breakdown is checked for equality only when another column of levels adds
//! up exactly under it, and no more columns disagree than agree; a column-wise relation (a rate,
//! a growth) only when most rows hold it. So a misread structure, a table on a comparable basis
//! or a yearbook's unlisted remainder stays silent, and one slip among agreeing cells is found.

use super::read::{ColumnKind, Table};
use super::structure::Breakdown;
use crate::extract::fact::Fact;
use crate::extract::group::{Group, GroupKind, Member, Role};
use crate::interval::Interval;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::str::FromStr;

/// Cell (row, column) to fact index.
pub type Cells = HashMap<(usize, usize), usize>;

fn group(kind: GroupKind, members: Vec<(usize, Role)>) -> Group {
    Group {
        kind,
        members: members
            .into_iter()
            .map(|(fact, role)| Member { fact, role })
            .collect(),
        extra: Vec::new(),
    }
}

/// Columns of levels that add up: named as such, or without a name in a table whose rows name
/// their own units (a yearbook's `客运量总计(万人)` over columns of years).
fn level_columns(table: &Table) -> Vec<usize> {
    let row_units = table.rows.iter().any(|r| r.unit.is_some());
    (0..table.columns.len())
        .filter(|&c| table.columns[c].kind == ColumnKind::Level)
        .filter(|&c| !table.columns[c].header.is_empty() || row_units)
        .collect()
}

/// For one column: the whole's fact, the parts' facts, the sum's verdicts (equal, within).
fn column_sum(
    b: &Breakdown,
    c: usize,
    cells: &Cells,
    facts: &[Fact],
) -> Option<(usize, Vec<usize>, bool, bool)> {
    let whole = *cells.get(&(b.whole, c))?;
    let parts: Vec<usize> = b
        .parts
        .iter()
        .map(|&r| cells.get(&(r, c)).copied())
        .collect::<Option<_>>()?;
    let unit = facts[whole].figure.unit;
    if parts.iter().any(|&p| facts[p].figure.unit != unit) {
        return None;
    }
    let sum = parts
        .iter()
        .fold(Interval::exact(Decimal::ZERO), |acc, &p| {
            acc.add(&facts[p].figure.interval)
        });
    let w = facts[whole].figure.interval;
    Some((whole, parts, sum.overlaps(&w), sum.can_be_le(&w)))
}

pub fn breakdowns(table: &Table, found: &[Breakdown], cells: &Cells, facts: &[Fact]) -> Vec<Group> {
    let mut out = Vec::new();
    let cols = level_columns(table);
    for b in found {
        let sums: Vec<_> = cols
            .iter()
            .filter_map(|&c| column_sum(b, c, cells, facts))
            .collect();
        let equal = sums.iter().filter(|s| s.2).count();
        let within = sums.iter().filter(|s| s.3).count();
        let emit = |kind: GroupKind, out: &mut Vec<Group>| {
            for (whole, parts, ..) in &sums {
                let mut m = vec![(*whole, Role::Whole)];
                m.extend(parts.iter().map(|&p| (p, Role::Part)));
                out.push(group(kind, m));
            }
        };
        if b.within {
            // `其中` parts: within their row, when most columns say so.
            if within >= 1 && within * 2 >= sums.len() {
                emit(GroupKind::PartitionBound, &mut out);
            }
        } else if equal >= 1 && equal * 2 >= sums.len() && sums.len() >= 2 {
            emit(GroupKind::Partition, &mut out);
        } else if within >= 2 && within >= 2 * (sums.len() - within) && sums.len() >= 3 {
            emit(GroupKind::PartitionBound, &mut out);
        }
    }
    out
}

/// The rows holding a number in each of the given columns.
fn rows_with(table: &Table, cols: &[usize], cells: &Cells) -> Vec<usize> {
    (0..table.rows.len())
        .filter(|&r| cols.iter().all(|c| cells.contains_key(&(r, *c))))
        .collect()
}

/// Most rows (two thirds, three at least) hold the relation.
fn most(held: usize, of: usize) -> bool {
    of >= 3 && held * 3 >= of * 2
}

/// A cell's number, as printed.
fn number(table: &Table, r: usize, c: usize) -> Option<Interval> {
    let cell = table.rows[r].cells.get(c)?.as_ref()?;
    let v = Decimal::from_str(&cell.text.replace(',', "")).ok()?;
    Some(Interval::rounded(v))
}

/// Rate columns: a column of shares (or one with no name) that is, on most rows, one level
/// column over another times a hundred (`投票率 = 投票人数 / 选民人数`). Returns (rate, part,
/// whole) columns. The arithmetic of most rows names the relation; a column of names alone
/// does not.
pub fn rate_columns(table: &Table) -> Vec<(usize, usize, usize)> {
    let cols = &table.columns;
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    let mut out = Vec::new();
    // `a = b / c × 100` also gives `c = b / a × 100`: an unnamed column is taken for the rate
    // only when it can be one (no value above 100), and the rightmost such column wins.
    let at_most_hundred = |c: usize| {
        (0..table.rows.len()).all(|r| {
            number(table, r, c).is_none_or(|x| x.hi.is_some_and(|h| h <= Decimal::ONE_HUNDRED))
        })
    };
    for s in (0..cols.len()).rev() {
        let candidate = cols[s].kind == ColumnKind::Share
            || cols[s].header.is_empty() && cols[s].kind == ColumnKind::Level && at_most_hundred(s);
        if !candidate || out.iter().any(|&(_, p, w)| p == s || w == s) {
            continue;
        }
        let levels = (0..cols.len()).filter(|&c| c != s && cols[c].kind == ColumnKind::Level);
        'pairs: for w in levels.clone() {
            for p in levels.clone().filter(|&p| p != w) {
                let mut held = 0;
                let mut of = 0;
                for r in 0..table.rows.len() {
                    let (Some(a), Some(b), Some(x)) = (
                        number(table, r, p),
                        number(table, r, w),
                        number(table, r, s),
                    ) else {
                        continue;
                    };
                    of += 1;
                    if a.div(&b).mul(&hundred).overlaps(&x) {
                        held += 1;
                    }
                }
                if most(held, of) {
                    out.push((s, p, w));
                    break 'pairs;
                }
            }
        }
    }
    out
}

/// Share-of groups for each row of each rate column.
pub fn rates(table: &Table, found: &[(usize, usize, usize)], cells: &Cells) -> Vec<Group> {
    let mut out = Vec::new();
    for &(s, p, w) in found {
        for r in rows_with(table, &[s, w, p], cells) {
            out.push(group(
                GroupKind::ShareOf,
                vec![
                    (cells[&(r, s)], Role::Share),
                    (cells[&(r, p)], Role::Part),
                    (cells[&(r, w)], Role::Whole),
                ],
            ));
        }
    }
    out
}

/// A growth column against this period's and last year's level columns.
pub fn growths(table: &Table, cells: &Cells, facts: &[Fact]) -> Vec<Group> {
    let cols = &table.columns;
    let find = |pred: &dyn Fn(&super::read::Column) -> bool| {
        let found: Vec<usize> = (0..cols.len()).filter(|&c| pred(&cols[c])).collect();
        (found.len() == 1).then(|| found[0])
    };
    let (Some(now), Some(before), Some(rate)) = (
        find(&|c| c.kind == ColumnKind::Level && !c.previous),
        find(&|c| c.kind == ColumnKind::Level && c.previous),
        find(&|c| c.kind == ColumnKind::Growth),
    ) else {
        return Vec::new();
    };
    let rows = rows_with(table, &[now, before, rate], cells);
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    let agrees = |r: &usize| {
        let f = |c| &facts[cells[&(*r, c)]].figure;
        let g = f(now)
            .interval
            .div(&f(before).interval)
            .sub(&Interval::exact(Decimal::ONE))
            .mul(&hundred);
        g.overlaps(&f(rate).interval)
    };
    if !most(rows.iter().filter(|r| agrees(r)).count(), rows.len()) {
        return Vec::new();
    }
    rows.into_iter()
        .map(|r| {
            group(
                GroupKind::GrowthOfLevels,
                vec![
                    (cells[&(r, now)], Role::Level),
                    (cells[&(r, before)], Role::Previous),
                    (cells[&(r, rate)], Role::Rate),
                ],
            )
        })
        .collect()
}
