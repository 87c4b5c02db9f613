//! Byte offsets of hedui's spans to LSP positions and back. LSP counts characters in UTF-16
//! code units by default; hedui's spans are UTF-8 byte offsets. A CJK character is one UTF-16
//! unit and three bytes, so the two never agree on a Chinese draft.

use lsp_types::{Position, Range};

/// LSP position of a byte offset (clamped to the text, rounded down to a character).
pub fn position(text: &str, offset: usize) -> Position {
    let offset = text.floor_char_boundary(offset.min(text.len()));
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() as u32,
        character: before[line_start..].encode_utf16().count() as u32,
    }
}

pub fn range(text: &str, span: &std::ops::Range<usize>) -> Range {
    Range {
        start: position(text, span.start),
        end: position(text, span.end),
    }
}

/// Byte offset of an LSP position; past the end of a line is its end.
pub fn offset(text: &str, at: Position) -> usize {
    let mut line_start = 0;
    for _ in 0..at.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let mut units = 0;
    for (i, c) in text[line_start..line_end].char_indices() {
        if units >= at.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "第一行\n出口5455亿元，𠀀1%";
        let at = text.find("5455").unwrap();
        assert_eq!(position(text, at), Position::new(1, 2));
        assert_eq!(offset(text, Position::new(1, 2)), at);
        let one = text.find("1%").unwrap();
        // 𠀀 is two UTF-16 units.
        assert_eq!(position(text, one), Position::new(1, 11));
        assert_eq!(offset(text, Position::new(1, 11)), one);
        assert_eq!(offset(text, Position::new(9, 0)), text.len());
    }
}
