//! Byte offsets to lines and character columns, for the edge of the program only.
//!
//! Built once per draft: a report of thousands of figures looks each one up in the line index
//! instead of counting from the top of the file.

/// Bytes between two column checkpoints on a long line.
const CHECKPOINT: usize = 4096;

/// Where every line of a text starts, and on lines longer than [`CHECKPOINT`] bytes, a
/// checkpoint every so many bytes with its column: a column is counted from the checkpoint
/// before it, so a text of one 16 MB line costs no more per figure than a short one.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// (byte offset, characters from its line start, display columns from its line start), in
    /// order.
    checkpoints: Vec<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut checkpoints = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            if end - start <= CHECKPOINT {
                continue;
            }
            let (mut next, mut chars, mut width) = (start + CHECKPOINT, 0, 0);
            for (i, c) in text[start..end].char_indices() {
                if start + i >= next {
                    checkpoints.push((start + i, chars, width));
                    next = start + i + CHECKPOINT;
                }
                chars += 1;
                width += char_width(c);
            }
        }
        LineIndex {
            text,
            starts,
            checkpoints,
        }
    }

    /// The line start before `offset`, or the checkpoint after it when nearer: (byte offset,
    /// characters and display columns from the line start to it).
    fn from(&self, offset: usize) -> (usize, usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let c = self.checkpoints.partition_point(|&(at, ..)| at <= offset);
        match c.checked_sub(1).map(|j| self.checkpoints[j]) {
            Some(p) if p.0 >= start => p,
            _ => (start, 0, 0),
        }
    }

    /// 1-based line and 1-based column in characters of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let (from, before, _) = self.from(offset);
        let col = before + self.text[from..offset].chars().count() + 1;
        (line, col)
    }

    /// How many display columns the text from its line start to `offset` takes (a char
    /// boundary), as [`char_width`] counts them.
    pub fn display_width(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let (from, _, width) = self.from(offset);
        width
            + self.text[from..offset]
                .chars()
                .map(char_width)
                .sum::<usize>()
    }
}

/// The display columns of a character, never fewer than a terminal gives it: a tab counts 4
/// (miette's tab width), a non-ASCII character 2 (wide CJK; an over-estimate for others).
pub fn char_width(c: char) -> usize {
    match c {
        '\t' => 4,
        c if c.is_ascii() => 1,
        _ => 2,
    }
}

/// 1-based line and 1-based column in characters of a byte offset (one lookup; build a
/// [`LineIndex`] for many).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let t = "第一行\n出口 5455";
        assert_eq!(line_col(t, t.find('5').unwrap()), (2, 4));
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, t.len()), (2, 8));
        let index = LineIndex::new(t);
        assert_eq!(index.line_col(t.find('出').unwrap()), (2, 1));
    }

    #[test]
    fn columns_on_a_long_line_count_from_checkpoints_exactly() {
        let t = format!("标题\n{}", "收入1万元，".repeat(3000));
        let index = LineIndex::new(&t);
        for offset in (0..t.len()).filter(|&o| t.is_char_boundary(o)).step_by(997) {
            let line_start = t[..offset].rfind('\n').map_or(0, |i| i + 1);
            let col = t[line_start..offset].chars().count() + 1;
            assert_eq!(index.line_col(offset).1, col, "at {offset}");
        }
    }
}
