//! A draft as it was read: its name and its original text.
//!
//! Everything hedui reports points into `Source::text` by byte offset. Decoding is the only work
//! done here: a BOM is dropped (and remembered, so offsets still match the file), and bytes that
//! are not UTF-8 are an input error naming the first bad byte. UTF-16 drafts (with a BOM, or
//! without one when their NUL bytes fall in the pattern of UTF-16 text) are decoded; their
//! reported byte offsets are those of the UTF-8 text they decode to. Nothing here ever writes
//! a file.

use crate::snippet::Snippet;
use miette::{Diagnostic, SourceSpan};
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
    /// The encoding the draft was decoded from when it was not UTF-8 (`UTF-16LE`, `UTF-16BE`).
    pub decoded_from: Option<&'static str>,
    /// Read from a Word file: each line of `text` is one paragraph of its `word/document.xml`
    /// (see [`crate::docx`]), and byte offsets are offsets in that text, not in the file.
    pub docx: bool,
}

/// The byte order of a UTF-16 text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Utf16 {
    Le,
    Be,
}

impl Utf16 {
    pub fn name(self) -> &'static str {
        match self {
            Utf16::Le => "UTF-16LE",
            Utf16::Be => "UTF-16BE",
        }
    }

    /// Whether `bytes` are UTF-16, and which: by a BOM, or without one by where the NUL bytes
    /// fall in the first 8 KB. ASCII in UTF-16LE puts a NUL after every character (odd
    /// offsets), in UTF-16BE before it (even offsets); CJK code units rarely hold a NUL byte
    /// (`一` is U+4E00), so most NULs must fall on one side. A binary file seldom does that,
    /// and one that does still has to decode without control characters.
    pub fn detect(bytes: &[u8]) -> Option<(Utf16, usize)> {
        if bytes.starts_with(b"\xFF\xFE") {
            return Some((Utf16::Le, 2));
        }
        if bytes.starts_with(b"\xFE\xFF") {
            return Some((Utf16::Be, 2));
        }
        let head = &bytes[..bytes.len().min(8192) & !1];
        if !bytes.len().is_multiple_of(2) || head.is_empty() {
            return None;
        }
        let (mut even, mut odd) = (0usize, 0usize);
        for (i, b) in head.iter().enumerate() {
            if *b == 0 {
                if i % 2 == 0 {
                    even += 1;
                } else {
                    odd += 1;
                }
            }
        }
        let order = if odd >= 2 && odd >= 3 * even {
            Utf16::Le
        } else if even >= 2 && even >= 3 * odd {
            Utf16::Be
        } else {
            return None;
        };
        let text = decode_utf16(head, order).ok()?;
        let clean = text
            .chars()
            .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
        clean.then_some((order, 0))
    }
}

/// UTF-16 bytes (no BOM) as text; the error is the byte offset of the first unpaired
/// surrogate.
fn decode_utf16(bytes: &[u8], order: Utf16) -> Result<String, usize> {
    let units = bytes.chunks(2).map(|p| {
        let pair = [p[0], p.get(1).copied().unwrap_or(0)];
        match order {
            Utf16::Le => u16::from_le_bytes(pair),
            Utf16::Be => u16::from_be_bytes(pair),
        }
    });
    let mut out = String::with_capacity(bytes.len());
    let mut at = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                at += 2 * c.len_utf16();
                out.push(c);
            }
            Err(_) => return Err(at),
        }
    }
    Ok(out)
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
        src: Snippet,
        #[label("the text is readable up to here")]
        span: SourceSpan,
    },
    #[error("{name} is {bytes} bytes: hedui reads drafts of up to 4 GiB (4294967295 bytes)")]
    #[diagnostic(
        code(hedui::input::too_large),
        help(
            "split it into files of less than 4 GiB, at article ends; hedui maps every figure \
             back to its place in the draft with 32-bit offsets"
        )
    )]
    TooLarge { name: String, bytes: u64 },
    #[error("{name} is {encoding} with an unpaired surrogate at byte {offset}")]
    #[diagnostic(
        code(hedui::input::utf16),
        help("the file is damaged; convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`")
    )]
    InvalidUtf16 {
        name: String,
        encoding: &'static str,
        offset: usize,
    },
}

/// The largest draft hedui reads: the offset map keeps 32-bit offsets.
pub const MAX_DRAFT_BYTES: u64 = u32::MAX as u64;

/// A [`SourceError::TooLarge`] for a draft of more than [`MAX_DRAFT_BYTES`].
pub fn check_size(name: &str, bytes: u64) -> Result<(), SourceError> {
    if bytes > MAX_DRAFT_BYTES {
        return Err(SourceError::TooLarge {
            name: name.to_string(),
            bytes,
        });
    }
    Ok(())
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            offset: 0,
            prose: None,
            blocks: None,
            decoded_from: None,
            docx: false,
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
        Source::from_vec(name, bytes.to_vec())
    }

    /// [`Source::from_bytes`] on bytes it may keep: UTF-8 text becomes the source's text where
    /// it lies, without a copy of the draft.
    pub fn from_vec(name: impl Into<String>, mut bytes: Vec<u8>) -> Result<Self, SourceError> {
        let name = name.into();
        check_size(&name, bytes.len() as u64)?;
        if let Some((order, bom)) = Utf16::detect(&bytes) {
            let text =
                decode_utf16(&bytes[bom..], order).map_err(|at| SourceError::InvalidUtf16 {
                    name: name.clone(),
                    encoding: order.name(),
                    offset: at + bom,
                })?;
            let mut source = Source::new(name, text);
            source.decoded_from = Some(order.name());
            return Ok(source);
        }
        const BOM: &[u8] = b"\xEF\xBB\xBF";
        let offset = if bytes.starts_with(BOM) {
            bytes.drain(..BOM.len());
            BOM.len()
        } else {
            0
        };
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source {
                name,
                text,
                offset,
                prose: None,
                blocks: None,
                decoded_from: None,
                docx: false,
            }),
            Err(e) => {
                let good = e.utf8_error().valid_up_to();
                let body = e.as_bytes();
                // Show the readable part so the label lands on the last good line.
                let readable = String::from_utf8_lossy(&body[..good]).into_owned();
                Err(SourceError::InvalidUtf8 {
                    offset: good + offset,
                    byte: body[good],
                    src: Snippet::new(&name, &readable),
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

    fn utf16(text: &str, order: Utf16, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(match order {
                Utf16::Le => b"\xFF\xFE",
                Utf16::Be => b"\xFE\xFF",
            });
        }
        for u in text.encode_utf16() {
            out.extend_from_slice(&match order {
                Utf16::Le => u.to_le_bytes(),
                Utf16::Be => u.to_be_bytes(),
            });
        }
        out
    }

    #[test]
    fn utf16_is_decoded_with_or_without_a_bom() {
        let draft = "一、出口5455亿元，增长0.6%。\n进口4634.2亿元。\n";
        for order in [Utf16::Le, Utf16::Be] {
            for bom in [true, false] {
                let s = Source::from_bytes("a.txt", &utf16(draft, order, bom)).unwrap();
                assert_eq!(s.text, draft, "{order:?} bom {bom}");
                assert_eq!(s.decoded_from, Some(order.name()));
            }
        }
        // UTF-8 stays UTF-8, and binary stays unrecognised.
        assert_eq!(Utf16::detect(draft.as_bytes()), None);
        assert_eq!(Utf16::detect(b"\x00\x01\x02\x00\x00\x07\x00\x00"), None);
    }

    #[test]
    fn invalid_utf8_names_the_byte_offset() {
        let err = Source::from_bytes("b.txt", b"ab\xff").unwrap_err();
        let SourceError::InvalidUtf8 { offset, byte, .. } = err else {
            panic!("{err}");
        };
        assert_eq!((offset, byte), (2, 0xff));
    }
}
