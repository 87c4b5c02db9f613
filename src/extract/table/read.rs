//! From rows to tables: which runs of rows form one table, its caption, its column headers and
//! what each column measures, and the part each row plays (a total, a `其中` part, a heading).
//!
//! A table is read only when its shape is plain: two rows or more with the same number of
//! cells (three for space-aligned rows, which prose imitates more easily). A row with another
//! number of cells is kept as unreadable: its cells are not assessable, and no sum that would
//! need it is checked.

use super::lines::{is_number, Cell, Form, Line};
use crate::lexicon::{self, List};
use std::ops::Range;

/// What the figures of a column are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// Levels that add up (`绝对量`, `播种面积`, `客运量`).
    Level,
    /// Levels that do not add up: per-unit values and averages (`单位面积产量`, `平均`).
    Ratio,
    /// A growth rate in percent (`同比增长(%)`, `增长速度(%)`).
    Growth,
    /// A share or rate in percent (`比重(%)`, `投票率(%)`).
    Share,
}

#[derive(Clone, Debug)]
pub struct Column {
    /// The header as printed, layout spaces dropped (may be empty).
    pub header: String,
    pub kind: ColumnKind,
    /// The unit named by the header or the caption (`万人`, `亿元`, `%`).
    pub unit: Option<String>,
    /// The period named by the header or the caption (`1-7月`, `2010`).
    pub period: Option<String>,
    /// The column holds the same measure a year before (`上年同期`).
    pub previous: bool,
}

/// The part a row plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A row of figures.
    Data,
    /// A total (`合计`, `全国`, `總數`).
    Total,
    /// A `其中` part of the row above it.
    Within,
    /// A heading inside the table, without figures (`按消费形态分`, `一、分季节`).
    Heading,
    /// A row whose cells could not be read.
    Unreadable,
    /// An empty line or a rule of dashes: no part in the table's structure.
    Blank,
}

#[derive(Clone, Debug)]
pub struct Row {
    /// The label with layout spaces and the `其中:` or numbering taken off.
    pub label: String,
    /// The label as printed (without layout spaces).
    pub printed: String,
    pub kind: RowKind,
    /// The row's own unit, from its label (`客运量(万人)`).
    pub unit: Option<String>,
    /// Numbered (`1、夏粮`, `一、分季节`): the numbering tells the levels apart.
    pub numbered: bool,
    /// Value cells, one per column; `None` where the cell holds no number.
    pub cells: Vec<Option<Cell>>,
    /// The row's line in the original.
    pub line: Range<usize>,
    /// Leading spaces of the line: indentation in a yearbook marks a part.
    pub indent: usize,
}

#[derive(Clone, Debug)]
pub struct Table {
    /// Original byte range of the lines the table holds (header and rows).
    pub range: Range<usize>,
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// A short line that can sit inside a table: a heading, a header, a rule of dashes.
fn is_glue(original: &str, l: &Line) -> bool {
    let s = l.squeezed(original);
    s.chars().count() <= 30 && !s.contains(['。', '，', '；', ';']) && !s.ends_with('：')
}

fn row_form(l: &Line) -> Option<Form> {
    l.form.filter(|_| l.numbers() > 0)
}

/// Groups lines into runs of one form holding rows of numbers.
pub fn tables(original: &str, lines: &[Line]) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(form) = row_form(&lines[i]) else {
            i += 1;
            continue;
        };
        // Extend over rows of this form and short glue lines (at most two in a row).
        let mut end = i + 1;
        let mut last_row = i;
        let mut glue = 0;
        while end < lines.len() {
            let l = &lines[end];
            if row_form(l) == Some(form) {
                last_row = end;
                glue = 0;
            } else if (is_glue(original, l) || l.form == Some(form) && l.cells.len() > 2)
                && glue < 2
            {
                glue += 1;
            } else {
                break;
            }
            end += 1;
        }
        let rows = &lines[i..=last_row];
        let data = rows.iter().filter(|l| row_form(l) == Some(form)).count();
        let enough = if form == Form::Space { 3 } else { 2 };
        if data >= enough {
            if let Some(t) = table(original, lines, i, last_row, form) {
                out.push(t);
            }
        }
        i = last_row + 1;
    }
    out
}

/// The number of value cells most rows have.
fn usual_width(rows: &[&Line]) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for l in rows {
        let n = l.cells.len().saturating_sub(1);
        match counts.iter_mut().find(|(w, _)| *w == n) {
            Some((_, c)) => *c += 1,
            None => counts.push((n, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(w, c)| (c, w))
        .map_or(0, |(w, _)| w)
}

fn table(original: &str, lines: &[Line], first: usize, last: usize, form: Form) -> Option<Table> {
    let body: Vec<&Line> = lines[first..=last]
        .iter()
        .filter(|l| row_form(l) == Some(form))
        .collect();
    let width = usual_width(&body);
    if width == 0 {
        return None;
    }
    // Header lines: up to three short lines right above the first row.
    let mut head = first;
    while head > 0 && first - head < 3 {
        let l = &lines[head - 1];
        let s = l.squeezed(original);
        if s.is_empty() || !is_glue(original, l) && l.form.is_none() {
            break;
        }
        head -= 1;
    }
    // Column names: the last header line with one name per column, or the last two together
    // (`0—14岁 15—59岁 60岁及以上` over `其中:65岁及以上`).
    // Header lines that are not rules of dashes, bottom up.
    let named: Vec<usize> = (head..first)
        .rev()
        .filter(|&i| !is_rule(&lines[i].squeezed(original)))
        .collect();
    // A line of names above another line of several words is half of a two-line header
    // (merged cells): the search stops there. A heading (`每股指标:`) between names and rows is
    // passed over.
    let mut single = None;
    for &i in &named {
        let Some(names) = header_cells(original, &lines[i], form) else {
            break;
        };
        let words = names.iter().filter(|n| !n.is_empty()).count();
        if let Some(h) = fit(names, width, true) {
            single = Some((h, vec![i]));
            break;
        }
        if words > 1 {
            break;
        }
    }
    let (headers, used) = single
        .or_else(|| {
            let (&low, &high) = (named.first()?, named.get(1)?);
            let mut names = header_cells(original, &lines[high], form)?;
            names.extend(header_cells(original, &lines[low], form)?);
            fit(names, width, false).map(|h| (h, vec![high, low]))
        })
        .unwrap_or_else(|| (vec![String::new(); width], Vec::new()));
    // What the names do not use of the header, and the line above it, is the caption.
    // Caption lines keep one space where the layout had some, so `表1 2016年` stays two numbers.
    let spaced = |l: &Line| {
        original[l.range.clone()]
            .replace('|', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut caption_lines: Vec<String> = head
        .checked_sub(1)
        .map(|h| spaced(&lines[h]))
        .filter(|s| s.chars().count() <= 60)
        .into_iter()
        .collect();
    for &i in named.iter().rev() {
        if !used.contains(&i) {
            caption_lines.push(spaced(&lines[i]));
        }
    }
    let caption_units = caption_lines
        .iter()
        .find_map(|l| unit_in_caption(&crate::text::normalize(l)));
    let caption = crate::text::normalize(&caption_lines.join(" "));
    let caption_period = period_in(&caption);
    // A caption naming one unit per column (`单位:人、%`) gives each its own.
    let per_column: Option<Vec<&str>> = caption_units
        .as_deref()
        .map(|u| u.split('、').collect::<Vec<_>>())
        .filter(|u| u.len() == width && width > 1);
    let grouped_share = caption.contains("比重") || caption.contains("构成");
    let columns = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let unit = match &per_column {
                Some(u) => Some(u[i]),
                None => caption_units.as_deref(),
            };
            let mut c = column(h, unit, caption_period.as_deref());
            if grouped_share && c.kind == ColumnKind::Level && c.unit.is_none() && !h.is_empty() {
                // Columns under a `比重` heading are shares.
                c.kind = ColumnKind::Share;
                c.unit = Some("%".to_string());
            }
            c
        })
        .collect();
    let mut rows: Vec<Row> = lines[first..=last]
        .iter()
        .map(|l| row(original, l, form, width))
        .collect();
    let mut columns: Vec<Column> = columns;
    // A row of years without a label (`Item 2000 2005 2010`) names the columns' periods.
    if let Some(r) = rows.iter_mut().find(|r| is_years(r)) {
        for (c, cell) in columns.iter_mut().zip(&r.cells) {
            c.period = cell.as_ref().map(|x| x.text.clone());
        }
        r.kind = RowKind::Blank;
    }
    Some(Table {
        range: lines[head].range.start..lines[last].range.end,
        caption,
        columns,
        rows,
    })
}

/// A row of years with no label of its own.
fn is_years(r: &Row) -> bool {
    r.label.chars().all(|c| c.is_ascii_alphabetic())
        && r.cells.iter().all(|c| {
            c.as_ref().is_some_and(|c| {
                c.text.len() == 4
                    && c.text
                        .parse::<u32>()
                        .is_ok_and(|y| (1900..2100).contains(&y))
            })
        })
}

/// A line of dashes (`---- ------`).
fn is_rule(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '-' | '—' | '=' | '_' | '─' | '|'))
}

/// A header line's names: its cells, or for space-aligned tables its words.
fn header_cells(original: &str, l: &Line, form: Form) -> Option<Vec<String>> {
    if l.numbers() > 0 {
        return None;
    }
    let cells = match form {
        Form::Space if l.form.is_none() => super::lines::tokens(original, l.range.clone()),
        _ if l.form == Some(form) => l.cells.clone(),
        _ => return None,
    };
    Some(
        cells
            .iter()
            .map(|c| crate::text::normalize(&c.text))
            .collect(),
    )
}

/// Names fitted to the columns: one per value column, after the label column's name if any
/// (`with_label`; names gathered from two lines must fit the columns exactly).
fn fit(names: Vec<String>, width: usize, with_label: bool) -> Option<Vec<String>> {
    let values = match names.len() {
        n if n == width + 1 && with_label => names[1..].to_vec(),
        n if n == width => names,
        _ => return None,
    };
    // A heading row (`一、分季节 | | |`) has no column names.
    (values.iter().filter(|v| !v.is_empty()).count() * 2 > width).then_some(values)
}

/// The text inside the last pair of brackets: `客运量(万人)` gives `万人`, `产值（万元）`
/// gives `万元`.
pub fn bracketed(s: &str) -> Option<(String, String)> {
    let open = s.rfind(['(', '（'])?;
    let rest = &s[open + s[open..].chars().next()?.len_utf8()..];
    let close = rest.find([')', '）'])?;
    let inner = rest[..close].trim().to_string();
    let after = close + rest[close..].chars().next()?.len_utf8();
    let outer = format!("{}{}", &s[..open], &rest[after..]);
    Some((outer.trim().to_string(), inner))
}

fn unit_in_caption(caption: &str) -> Option<String> {
    let at = caption.find("单位")?;
    let rest = caption[at + "单位".len()..].trim_start_matches([':', '：']);
    let unit: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ')' | '）' | '，' | ','))
        .collect();
    (!unit.is_empty()).then_some(unit)
}

/// The period a header or caption names: `1-7月`, `7月`, `2023年`, `2010`.
pub fn period_in(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let first = &s[start..i];
            let rest = &s[i..];
            if first.len() == 4 && !rest.starts_with('.') {
                // A year, maybe with its months or its part (`2022年一季报`).
                let year = first.to_string();
                let after = rest.strip_prefix('年').unwrap_or(rest);
                if let Some(m) = months(after) {
                    return Some(format!("{year}:{m}"));
                }
                if let Some(part) = YEAR_PARTS.iter().find(|p| after.starts_with(*p)) {
                    return Some(format!("{year}{part}"));
                }
                return Some(year);
            }
            if let Some(m) = months(&s[start..]) {
                return Some(m);
            }
        } else {
            i += 1;
        }
    }
    None
}

/// The year a period starts with (`2013:7月`, `2016`).
fn year_of(p: &str) -> Option<&str> {
    p.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
}

/// Parts of a year a header may name after it: a column of `2022年中报` is not of the year.
const YEAR_PARTS: &[&str] = &[
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "一季",
    "二季",
    "三季",
    "四季",
    "前三季",
    "上半年",
    "下半年",
    "中报",
    "半年",
    "年报",
    "年末",
    "年初",
    "末",
    "初",
    "底",
];

/// `1-7月` or `7月` at the start of `s`, in one spelling.
fn months(s: &str) -> Option<String> {
    let digits = |x: &str| x.bytes().take_while(u8::is_ascii_digit).count();
    let a = digits(s);
    if a == 0 || a > 2 {
        return None;
    }
    let rest = &s[a..];
    for dash in ["-", "—", "－", "~", "至"] {
        if let Some(r) = rest.strip_prefix(dash) {
            let b = digits(r);
            if b > 0 && b <= 2 && r[b..].starts_with('月') {
                return Some(format!("{}-{}月", &s[..a], &r[..b]));
            }
        }
    }
    rest.starts_with('月').then(|| format!("{}月", &s[..a]))
}

fn column(header: &str, caption_unit: Option<&str>, caption_period: Option<&str>) -> Column {
    let unit = bracketed(header)
        .map(|(_, u)| u)
        .filter(|u| !u.is_empty())
        .or_else(|| header.contains('%').then(|| "%".to_string()))
        .or_else(|| caption_unit.map(str::to_string));
    let percent = unit.as_deref() == Some("%");
    let has = |words: &[&str]| words.iter().any(|w| header.contains(w));
    let kind = if has(&["增长", "增速", "增幅", "增减"]) {
        ColumnKind::Growth
    } else if has(&["比重", "占比", "构成"]) || percent || header.ends_with('率') {
        ColumnKind::Share
    } else if has(&["单位面积", "平均", "均", "每", "/"])
        || unit.as_deref().is_some_and(|u| u.contains('/'))
    {
        ColumnKind::Ratio
    } else {
        ColumnKind::Level
    };
    Column {
        header: header.to_string(),
        kind,
        unit,
        period: match (period_in(header), caption_period) {
            // `7月` under a caption of `2013年1-7月份` is July 2013.
            (Some(p), Some(c)) if year_of(&p).is_none() => match year_of(c) {
                Some(year) => Some(format!("{year}:{p}")),
                None => Some(p),
            },
            (p, c) => p.or_else(|| c.map(str::to_string)),
        },
        previous: has(&["上年", "去年", "同期"]) && kind != ColumnKind::Growth,
    }
}

/// Takes a numbering off a label: `1、夏粮`, `一、分季节`, `(一)`.
fn unnumbered(label: &str) -> (&str, bool) {
    let lead = label
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    if let Some(end) = lead {
        if let Some(rest) = label[end..].strip_prefix(['、', '.', '．']) {
            return (rest, true);
        }
    }
    (label, false)
}

fn row(original: &str, l: &Line, form: Form, width: usize) -> Row {
    let printed = match l.cells.first() {
        Some(c) if l.form.is_some() => c.text.chars().filter(|c| !c.is_whitespace()).collect(),
        _ => l.squeezed(original),
    };
    let norm = crate::text::normalize(&printed);
    let (within, rest) = match ["其中:", "其中：", "其中"]
        .iter()
        .find_map(|p| norm.strip_prefix(p))
    {
        Some(r) => (true, r.to_string()),
        None => (false, norm.clone()),
    };
    let (rest, numbered) = unnumbered(&rest);
    // Only a bracket closing the label names its unit: `限额以上企业(单位)零售额` keeps its own.
    let closes = rest.ends_with([')', '）']);
    let (label, unit) = match bracketed(rest).filter(|_| closes) {
        Some((outer, inner)) if !outer.is_empty() => (outer, Some(inner)),
        _ => (rest.to_string(), None),
    };
    let values: Vec<Option<Cell>> = l
        .cells
        .iter()
        .skip(1)
        .map(|c| is_number(&c.text).then(|| c.clone()))
        .collect();
    let any = values.iter().any(Option::is_some);
    let kind = if printed.is_empty() || is_rule(&printed) {
        RowKind::Blank
    } else if l.form != Some(form) || !any {
        if l.form.is_none() && !is_glue(original, l) || label.is_empty() {
            RowKind::Unreadable
        } else {
            RowKind::Heading
        }
    } else if values.len() != width {
        RowKind::Unreadable
    } else if within {
        RowKind::Within
    } else if is_total(&label) {
        RowKind::Total
    } else {
        RowKind::Data
    };
    let line = &original[l.range.clone()];
    Row {
        label,
        printed,
        kind,
        unit,
        numbered,
        cells: values,
        line: l.range.clone(),
        indent: line.len() - line.trim_start().len(),
    }
}

/// A label naming a total row: `合计`, `总计`, `全国`, `全国总计`, `总数`, `客运量总计`.
pub fn is_total(label: &str) -> bool {
    let words = lexicon::get().words(List::TotalRows);
    words.iter().any(|w| {
        label == *w || label.ends_with(w) && w.chars().count() >= 2 && label.chars().count() > 2
    })
}
