//! A draft as it was read: its name and its original text.
//!
//! Everything hedui reports points into `Source::text` by byte offset. Decoding is the only work
//! done here: a BOM is dropped (and remembered, so offsets still match the file), and bytes that
//! are not UTF-8 are an input error naming the first bad byte. Nothing here ever writes a file.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// One draft: the path or name to report and its text, without a leading BOM.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// Bytes dropped from the front of the file (a UTF-8 BOM), added back to reported offsets.
    pub offset: usize,
    /// What extraction reads when it is not `text`: a Markdown draft with its markup blanked
    /// out, byte for byte the same length, so spans into it are spans into `text`.
    pub prose: Option<String>,
    /// Where a Markdown draft's blocks end: its paragraphs, headings, list items, table rows.
    pub blocks: Option<Vec<usize>>,
}

/// Why a draft could not be read as text.
#[derive(Debug, Error, Diagnostic)]
pub enum SourceError {
    #[error("{name} is not valid UTF-8: byte {offset} (0x{byte:02x}) starts no UTF-8 character")]
    #[diagnostic(
        code(hedui::input::utf8),
        help("hedui reads UTF-8 text; convert the draft first, e.g. `iconv -f GB18030 -t UTF-8`")
    )]
    InvalidUtf8 {
        name: String,
        offset: usize,
        byte: u8,
        #[source_code]
        src: NamedSource<String>,
        #[label("the text is readable up to here")]
        span: SourceSpan,
    },
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            offset: 0,
            prose: None,
            blocks: None,
        }
    }

    /// Reads the draft as Markdown: markup, code and front matter are seen through.
    pub fn markdown(mut self) -> Self {
        self.prose = Some(crate::markdown::prose(&self.text));
        self.blocks = Some(crate::markdown::block_ends(&self.text));
        self
    }

    /// Reads the draft as Markdown when its name says so (`.md`, `.markdown`).
    pub fn by_extension(self) -> Self {
        if crate::markdown::is_markdown(&self.name) {
            self.markdown()
        } else {
            self
        }
    }

    /// The text extraction reads.
    pub fn prose(&self) -> &str {
        self.prose.as_deref().unwrap_or(&self.text)
    }

    /// Decodes a file's bytes. A BOM is dropped; invalid UTF-8 is an error at its byte offset.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Self, SourceError> {
        let name = name.into();
        const BOM: &[u8] = b"\xEF\xBB\xBF";
        let (body, offset) = match bytes.strip_prefix(BOM) {
            Some(rest) => (rest, BOM.len()),
            None => (bytes, 0),
        };
        match std::str::from_utf8(body) {
            Ok(text) => Ok(Source {
                name,
                text: text.to_string(),
                offset,
                prose: None,
                blocks: None,
            }),
            Err(e) => {
                let good = e.valid_up_to();
                // Show the readable part so the label lands on the last good line.
                let readable = String::from_utf8_lossy(&body[..good]).into_owned();
                Err(SourceError::InvalidUtf8 {
                    offset: good + offset,
                    byte: body[good],
                    src: NamedSource::new(name.clone(), readable),
                    span: SourceSpan::from((good, 0)),
                    name,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_remembered() {
        let s = Source::from_bytes("a.txt", b"\xEF\xBB\xBF\xE5\x87\xBA").unwrap();
        assert_eq!(s.text, "出");
        assert_eq!(s.offset, 3);
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset() {
        let err = Source::from_bytes("b.txt", b"ab\xff").unwrap_err();
        let SourceError::InvalidUtf8 { offset, byte, .. } = err;
        assert_eq!((offset, byte), (2, 0xff));
    }
}
