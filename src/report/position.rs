//! Byte offsets to lines and character columns, for the edge of the program only.

/// 1-based line and 1-based column in characters of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn columns_count_characters_not_bytes() {
        let t = "第一行\n出口 5455";
        assert_eq!(line_col(t, t.find('5').unwrap()), (2, 4));
        assert_eq!(line_col(t, 0), (1, 1));
    }
}
