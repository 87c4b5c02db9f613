//! Byte offsets to lines and character columns, for the edge of the program only.
//!
//! Built once per draft: a report of thousands of figures looks each one up in the line index
//! instead of counting from the top of the file.

/// Where every line of a text starts.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// 1-based line and 1-based column in characters of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        (line, col)
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
}
