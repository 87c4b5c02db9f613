//! Reports of `hedui extract`: every figure understood, and with `--groups` every group the
//! rules bind to, for a person or a program.

use super::position::LineIndex;
use crate::extract::{Extraction, Fact, Group};
use crate::source::Source;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Value};
use std::fmt::Write;
use std::io;

fn decimal(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.normalize().to_string()))
}

/// The value in base units with the decimals the print implies: `8.0%` → `8.0`,
/// `10089.2亿元` → `1008920000000`.
pub fn printed_value(f: &crate::extract::Figure) -> Decimal {
    // A magnitude is a power of ten; each of its zeros absorbs one printed decimal.
    let factor = f.factor.normalize().to_string();
    let zeros = match factor.strip_prefix('1') {
        Some(rest) if rest.chars().all(|c| c == '0') => rest.len() as u32,
        _ => 0,
    };
    let mut v = f.value.normalize();
    let target = f.printed.scale().saturating_sub(zeros);
    if v.scale() < target {
        v.rescale(target);
    }
    v
}

/// One figure as the extract contract defines it. Its fields are in the order of their names,
/// the order `serde_json::Value` keeps an object's keys in: written straight from the figure,
/// it prints byte for byte as [`figure_json`]'s value does, without building that value.
#[derive(Serialize)]
struct FigureJson<'a> {
    attributive: bool,
    base: Option<&'a str>,
    /// A table cell says where it sits: `row 铁路 · column 上年同期`.
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<&'a str>,
    column: usize,
    delta: bool,
    end: usize,
    hi: Option<String>,
    kind: &'static str,
    label: &'a str,
    line: usize,
    lo: Option<String>,
    period: Option<&'a str>,
    qualifier: &'a Option<crate::extract::Qualifier>,
    start: usize,
    tags: &'a [&'static str],
    text: &'a str,
    unit: &'static str,
    value: String,
}

impl<'a> FigureJson<'a> {
    fn new(source: &'a Source, lines: &LineIndex, fact: &'a Fact) -> Self {
        let f = &fact.figure;
        let (line, column) = lines.line_col(f.span.start);
        let decimal = |d: Option<Decimal>| d.map(|d| d.normalize().to_string());
        FigureJson {
            attributive: f.attributive,
            base: fact.base.as_deref(),
            cell: fact.cell.as_deref(),
            column,
            delta: f.delta,
            end: f.span.end + source.offset,
            hi: decimal(f.interval.hi),
            kind: f.kind.name(),
            label: &fact.label,
            line,
            lo: decimal(f.interval.lo),
            period: fact.period.as_deref(),
            qualifier: &f.qualifier,
            start: f.span.start + source.offset,
            tags: &f.tags,
            text: &source.text[f.span.clone()],
            unit: f.unit,
            value: match (&f.date, f.kind) {
                (Some(d), crate::extract::Kind::Date) => d.clone(),
                _ => printed_value(f).to_string(),
            },
        }
    }
}

/// The JSON value of one figure, as the extract contract defines it.
pub fn figure_json(source: &Source, lines: &LineIndex, fact: &Fact) -> Value {
    // A struct of strings, numbers and booleans always converts.
    serde_json::to_value(FigureJson::new(source, lines, fact)).unwrap_or(Value::Null)
}

/// `{"path": …, "figures": [...]}` for one file, and `"groups": [...]` when asked for.
pub fn file_json(source: &Source, ex: &Extraction, groups: bool) -> Value {
    let lines = LineIndex::new(&source.text);
    let mut doc = json!({
        "path": source.name,
        "figures": ex.facts.iter().map(|f| figure_json(source, &lines, f)).collect::<Vec<_>>(),
    });
    if groups {
        doc["groups"] = ex
            .groups
            .iter()
            .map(|g| group_json(source, &lines, ex, g, 0))
            .collect();
    }
    doc
}

/// Where an element of a file object's array stands in the `extract --format json` document:
/// four levels deep, two spaces a level.
const ELEMENT_INDENT: &[u8] = b"        ";

/// A writer that indents every line after the first. JSON strings hold no raw newline, so
/// every line break of a pretty value is a line of the layout.
struct Indented<'a, W> {
    inner: &'a mut W,
    indent: &'a [u8],
}

impl<W: io::Write> io::Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        while let Some(i) = buf.iter().position(|&b| b == b'\n') {
            self.inner.write_all(&buf[..=i])?;
            self.inner.write_all(self.indent)?;
            buf = &buf[i + 1..];
        }
        self.inner.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn open_array(w: &mut impl io::Write, key: &str) -> io::Result<()> {
    write!(w, "      \"{key}\": [")
}

/// One element of a file object's array, as `serde_json::to_string_pretty` prints it at its
/// depth in the document: after a comma unless it is the first, on a line of its own.
fn write_element(w: &mut impl io::Write, first: bool, value: &impl Serialize) -> io::Result<()> {
    if !first {
        w.write_all(b",")?;
    }
    w.write_all(b"\n")?;
    w.write_all(ELEMENT_INDENT)?;
    let mut indented = Indented {
        inner: w,
        indent: ELEMENT_INDENT,
    };
    serde_json::to_writer_pretty(&mut indented, value).map_err(io::Error::other)
}

/// Closes a file object's array, on a line of its own when it holds anything.
fn close_array(w: &mut impl io::Write, any: bool) -> io::Result<()> {
    if any {
        w.write_all(b"\n      ")?;
    }
    w.write_all(b"]")
}

/// Writes [`file_json`] as the `files` element it is in the `extract --format json` document
/// (from its opening to its closing brace), one figure at a time as each article is read: the
/// document of an 80 MB draft is never held in memory, nor are its facts. Byte for byte what
/// `to_string_pretty` prints of [`file_json`]. An article given as `None` (one hedui failed on)
/// is left out; the others are still written.
pub fn write_file_json(
    w: &mut impl io::Write,
    source: &Source,
    articles: impl Iterator<Item = Option<Extraction>>,
    groups: bool,
) -> io::Result<()> {
    let lines = LineIndex::new(&source.text);
    w.write_all(b"    {\n")?;
    // Groups follow all the figures: each article's are kept, rendered, until then. A group
    // names its figures by their index in the whole draft's `figures`.
    let mut kept: Vec<u8> = Vec::new();
    let mut offset = 0;
    open_array(w, "figures")?;
    let mut any = false;
    for ex in articles.flatten() {
        if groups {
            for g in &ex.groups {
                let (group, first) = (group_json(source, &lines, &ex, g, offset), kept.is_empty());
                // Writing to a Vec cannot fail.
                let _ = write_element(&mut kept, first, &group);
            }
        }
        offset += ex.facts.len();
        for fact in &ex.facts {
            write_element(w, !any, &FigureJson::new(source, &lines, fact))?;
            any = true;
        }
    }
    close_array(w, any)?;
    if groups {
        w.write_all(b",\n")?;
        open_array(w, "groups")?;
        w.write_all(&kept)?;
        close_array(w, !kept.is_empty())?;
    }
    let path = serde_json::to_string(&source.name).map_err(io::Error::other)?;
    write!(w, ",\n      \"path\": {path}\n    }}")
}

/// Where an original byte range starts and ends: byte offsets (BOM included) and 1-based
/// lines and character columns, as in the `check` contract.
fn span_json(source: &Source, lines: &LineIndex, span: &std::ops::Range<usize>) -> Value {
    let (line, column) = lines.line_col(span.start);
    let (end_line, end_column) = lines.line_col(span.end);
    json!({
        "start": span.start + source.offset,
        "end": span.end + source.offset,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
    })
}

/// One group: its kind, each member's role and figure (`figure` indexes `figures`, where the
/// extraction's first fact is `offset`), and the values it states in words (`items` of a `分别`
/// list).
fn group_json(
    source: &Source,
    lines: &LineIndex,
    ex: &Extraction,
    g: &Group,
    offset: usize,
) -> Value {
    let members: Vec<Value> = g
        .members
        .iter()
        .map(|m| {
            let fact = &ex.facts[m.fact];
            let mut v = span_json(source, lines, &fact.figure.span);
            v["role"] = json!(m.role.name());
            v["figure"] = json!(offset + m.fact);
            v["text"] = json!(&source.text[fact.figure.span.clone()]);
            v["label"] = json!(fact.label);
            v
        })
        .collect();
    let stated: Vec<Value> = g
        .extra
        .iter()
        .map(|x| {
            let mut v = span_json(source, lines, &x.span);
            v["name"] = json!(x.name);
            v["lo"] = decimal(x.value.lo);
            v["hi"] = decimal(x.value.hi);
            v["note"] = json!(x.note);
            v
        })
        .collect();
    json!({ "kind": g.kind.name(), "members": members, "stated": stated })
}

/// The groups of a draft, one block a group: kind, then each member's role, position, figure
/// and label.
pub fn groups_human(source: &Source, ex: &Extraction) -> String {
    let mut out = String::new();
    let lines = LineIndex::new(&source.text);
    let _ = writeln!(out, "{}: {} groups", source.name, ex.groups.len());
    for g in &ex.groups {
        let _ = writeln!(out, "  {}", g.kind.name());
        for m in &g.members {
            let fact = &ex.facts[m.fact];
            let (line, col) = lines.line_col(fact.figure.span.start);
            let row = format!(
                "    {:<9}{:>4}:{:<4}{:<16} {}",
                m.role.name(),
                line,
                col,
                fact.figure.text,
                fact.label
            );
            let _ = writeln!(out, "{}", row.trim_end());
        }
        for x in &g.extra {
            let (line, col) = lines.line_col(x.span.start);
            let _ = writeln!(
                out,
                "    {:<9}{:>4}:{:<4}{} (stated in words)",
                x.name, line, col, x.note
            );
        }
    }
    out
}

/// A table a fact-checker can read beside the draft.
pub fn human(source: &Source, ex: &Extraction) -> String {
    let mut out = String::new();
    let lines = LineIndex::new(&source.text);
    let _ = writeln!(out, "{}: {} figures", source.name, ex.facts.len());
    for fact in &ex.facts {
        let f = &fact.figure;
        let (line, col) = lines.line_col(f.span.start);
        let mut extra = String::new();
        if !fact.label.is_empty() {
            let _ = write!(extra, "  {}", fact.label);
        }
        if let Some(b) = &fact.base {
            let _ = write!(extra, "  of {b}");
        }
        if let Some(p) = &fact.period {
            let _ = write!(extra, "  @{p}");
        }
        if f.attributive {
            extra.push_str("  (attributive)");
        }
        if f.delta {
            extra.push_str("  (change)");
        }
        if let Some(c) = &fact.cell {
            let _ = write!(extra, "  [{c}]");
        }
        for t in &f.tags {
            let _ = write!(extra, "  ({t})");
        }
        let (value, unit) = match &f.date {
            Some(d) => (d.clone(), ""),
            None => (format!("{} {}", printed_value(f), f.interval), f.unit),
        };
        let _ = writeln!(
            out,
            "{:>4}:{:<3} {:<9} {:<16} {}{}{}",
            line,
            col,
            f.kind.name(),
            f.text,
            value,
            if unit.is_empty() { "" } else { " " },
            unit,
        );
        if !extra.is_empty() {
            let _ = writeln!(out, "{:>9}{}", "", extra);
        }
    }
    out
}
