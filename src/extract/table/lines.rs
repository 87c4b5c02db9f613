//! Table rows in the original text: which lines are rows of a table, and their cells.
//!
//! Three forms are read: pipe rows (`铁路 | 444.90 | 389.27 | 14.3 |`, in `.txt` as in `.md`),
//! tab-separated rows, and space-aligned rows whose trailing tokens are all numbers
//! (`全 国 17.95 63.35 18.70`). A cell keeps its byte range in the original text, so whatever is
//! reported about it points at the cell as printed.

use std::ops::Range;

/// How a row separates its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Pipe,
    Tab,
    Space,
}

/// One cell as printed: its trimmed byte range in the original and its text.
#[derive(Clone, Debug)]
pub struct Cell {
    pub span: Range<usize>,
    pub text: String,
}

/// A line split into cells: the first is the row's label (possibly empty), the rest its values.
#[derive(Clone, Debug)]
pub struct Line {
    /// The whole line, without its line break.
    pub range: Range<usize>,
    pub form: Option<Form>,
    pub cells: Vec<Cell>,
}

impl Line {
    /// The value cells that hold a number.
    pub fn numbers(&self) -> usize {
        self.cells
            .iter()
            .skip(1)
            .filter(|c| is_number(&c.text))
            .count()
    }

    /// The line's text with its layout spaces dropped.
    pub fn squeezed(&self, original: &str) -> String {
        original[self.range.clone()]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }
}

/// A cell that is a number as tables print them: `-2.1`, `1,830`, `12491.00`.
pub fn is_number(s: &str) -> bool {
    let s = s.strip_prefix(['-', '−']).unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    let grouped = int.contains(',');
    digits(first)
        && (!grouped || first.len() <= 3)
        && groups.all(|g| g.len() == 3 && digits(g))
        && digits(frac)
}

/// Cells split at `sep`, trimmed, trailing empty ones dropped.
fn split_at(original: &str, range: Range<usize>, sep: char) -> Vec<Cell> {
    let line = &original[range.clone()];
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), sep)))
    {
        if c != sep {
            continue;
        }
        let piece = &line[start..i];
        let lead = piece.len() - piece.trim_start().len();
        let text = piece.trim();
        let from = range.start + start + lead;
        cells.push(Cell {
            span: from..from + text.len(),
            text: text.to_string(),
        });
        start = i + sep.len_utf8();
    }
    while cells.last().is_some_and(|c| c.text.is_empty()) {
        cells.pop();
    }
    cells
}

/// Whitespace-separated tokens of a line with their ranges.
pub fn tokens(original: &str, range: Range<usize>) -> Vec<Cell> {
    let line = &original[range.clone()];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Cell {
                    span: range.start + s..range.start + i,
                    text: line[s..i].to_string(),
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// A space-aligned row: a label of words, then two numbers or more and nothing else. The label
/// stops at the first word in Latin letters (a bilingual yearbook's English name).
fn space_row(original: &str, range: Range<usize>) -> Option<Vec<Cell>> {
    // Most lines are prose: their last two words say so before the line is cut into cells.
    let mut last = original[range.clone()].split_whitespace().rev();
    if !(last.next().is_some_and(is_number) && last.next().is_some_and(is_number)) {
        return None;
    }
    let toks = tokens(original, range);
    let first_number = toks
        .iter()
        .rposition(|t| !is_number(&t.text))
        .map_or(0, |i| i + 1);
    let values = &toks[first_number..];
    if values.len() < 2 {
        return None;
    }
    let label: Vec<&Cell> = toks[..first_number]
        .iter()
        .take_while(|t| !t.text.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    let text: String = label.iter().map(|t| t.text.as_str()).collect();
    // Prose that happens to end in numbers has punctuation; a row label does not.
    if text.chars().count() > 24 || text.contains(['，', '。', '；', ',', ';']) {
        return None;
    }
    let span = match (label.first(), label.last()) {
        (Some(a), Some(b)) => a.span.start..b.span.end,
        _ => toks.first().map_or(0..0, |t| t.span.start..t.span.start),
    };
    let mut cells = vec![Cell { span, text }];
    cells.extend(values.iter().cloned());
    Some(cells)
}

/// Every line of `original`, split into cells where it reads as a table row.
pub fn lines(original: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in original.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let range = at..at + body.len();
        at += raw.len();
        let pipes = body.matches('|').count();
        let (form, cells) = if pipes >= 2 {
            // A Markdown row opens with a pipe: the cell before it is no cell.
            let lead = body.len() - body.trim_start().len();
            let from = if body.trim_start().starts_with('|') {
                range.start + lead + 1
            } else {
                range.start
            };
            (Some(Form::Pipe), split_at(original, from..range.end, '|'))
        } else if body.contains('\t') && !body.trim().is_empty() {
            (Some(Form::Tab), split_at(original, range.clone(), '\t'))
        } else if let Some(cells) = space_row(original, range.clone()) {
            (Some(Form::Space), cells)
        } else {
            (None, Vec::new())
        };
        out.push(Line { range, form, cells });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_tables_print_them() {
        for s in ["-2.1", "1,830", "12491.00", "3,466,201", "0"] {
            assert!(is_number(s), "{s}");
        }
        for s in ["", "-", "1,83", "2.", "15—59岁", "(万人)", "1-7"] {
            assert!(!is_number(s), "{s}");
        }
    }

    #[test]
    fn pipe_cells_keep_their_offsets() {
        let t = "说明\n铁路 | 444.90 | 389.27 |\n";
        let l = &lines(t)[1];
        assert_eq!(l.form, Some(Form::Pipe));
        assert_eq!(l.cells.len(), 3);
        assert_eq!(&t[l.cells[1].span.clone()], "444.90");
    }

    #[test]
    fn space_rows_need_two_trailing_numbers() {
        let t =
            "北 京 11.84 68.53\n全 国 网 上 零 售 额 15.42 万 亿 元\n  铁路   Railways 352 368\n";
        let ls = lines(t);
        assert_eq!(ls[0].cells[0].text, "北京");
        assert_eq!(ls[1].form, None);
        assert_eq!(ls[2].cells[0].text, "铁路");
        assert_eq!(ls[2].cells.len(), 3);
    }
}
