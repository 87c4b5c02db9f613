//! Word drafts: the text of a `.docx` as it would print, one line per paragraph.
//!
//! A `.docx` is a zip archive; its body is `word/document.xml`. Every `w:p` (in the body, in
//! table cells, in text boxes) becomes one line of the draft's text, in document order, so a
//! finding's line is its paragraph number and its column counts characters in that
//! paragraph. Text comes from `w:t` runs; a tab is a tab, a line break inside a paragraph a
//! space (so that lines stay paragraphs). Tracked changes are read as the text would print:
//! insertions (`w:ins`, `w:moveTo`) are kept, deletions (`w:del`, `w:moveFrom`, whose text is
//! `w:delText`) are dropped. The fallback copy of a drawing's text (`mc:Fallback`) is skipped,
//! so that text is read once.

use crate::source::Source;
use miette::Diagnostic;
use quick_xml::events::Event;
use std::io::Read;
use thiserror::Error;

/// The largest `word/document.xml` read, uncompressed: a zip bomb is refused, not inflated.
const MAX_XML: u64 = 256 * 1024 * 1024;

/// Why a `.docx` could not be read.
#[derive(Debug, Error, Diagnostic)]
#[error("{name} is not a readable Word document: {reason}")]
#[diagnostic(
    code(hedui::input::docx),
    help(
        "hedui reads .docx files (Word 2007 and later, a zip of XML). Open the draft in Word or \
         LibreOffice and save it again as .docx, or save it as plain text (.txt)"
    )
)]
pub struct DocxError {
    pub name: String,
    pub reason: String,
}

/// Is this file name a Word draft?
pub fn is_docx(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("docx"))
}

/// Reads a `.docx` file's bytes as a draft.
pub fn read(name: &str, bytes: &[u8]) -> Result<Source, DocxError> {
    let fail = |reason: String| DocxError {
        name: name.to_string(),
        reason,
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| fail(format!("not a zip archive ({e})")))?;
    let part = archive
        .by_name("word/document.xml")
        .map_err(|_| fail("the archive has no word/document.xml".into()))?;
    let mut xml = Vec::new();
    part.take(MAX_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|e| fail(format!("word/document.xml cannot be unpacked ({e})")))?;
    if xml.len() as u64 > MAX_XML {
        return Err(fail(format!(
            "word/document.xml is larger than {} MB unpacked",
            MAX_XML >> 20
        )));
    }
    let text = paragraphs(&xml).map_err(|e| fail(format!("word/document.xml: {e}")))?;
    let mut source = Source::new(name, text);
    source.docx = true;
    Ok(source)
}

/// The paragraphs of `word/document.xml`, one per line.
pub fn paragraphs(xml: &[u8]) -> Result<String, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::new();
    let mut paragraph = String::new();
    // Nesting inside `w:t`, inside dropped content (deletions, fallbacks), inside paragraphs.
    let (mut in_text, mut dropped, mut open) = (0usize, 0usize, 0usize);
    let mut count = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("{e} (at byte {})", reader.error_position()))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"w:p" => open += 1,
                b"w:t" => in_text += 1,
                b"w:del" | b"w:moveFrom" | b"mc:Fallback" => dropped += 1,
                _ => {}
            },
            Event::Empty(e) if dropped == 0 && open > 0 => match e.name().as_ref() {
                b"w:tab" => paragraph.push('\t'),
                b"w:br" | b"w:cr" => paragraph.push(' '),
                b"w:noBreakHyphen" => paragraph.push('-'),
                b"w:p" => end_paragraph(&mut out, &mut paragraph, &mut count),
                _ => {}
            },
            Event::Empty(e) if e.name().as_ref() == b"w:p" && dropped == 0 => {
                end_paragraph(&mut out, &mut paragraph, &mut count)
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:p" => {
                    open = open.saturating_sub(1);
                    if dropped == 0 {
                        end_paragraph(&mut out, &mut paragraph, &mut count);
                    }
                }
                b"w:t" => in_text = in_text.saturating_sub(1),
                b"w:del" | b"w:moveFrom" | b"mc:Fallback" => dropped = dropped.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_text > 0 && dropped == 0 => {
                let text = t.xml_content().map_err(|e| e.to_string())?;
                push_text(&mut paragraph, &text);
            }
            Event::CData(t) if in_text > 0 && dropped == 0 => {
                push_text(&mut paragraph, &String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) if in_text > 0 && dropped == 0 => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
                    push_text(&mut paragraph, c.encode_utf8(&mut [0; 4]));
                } else {
                    let name = r.decode().map_err(|e| e.to_string())?;
                    let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                        .ok_or_else(|| format!("unknown entity &{name};"))?;
                    push_text(&mut paragraph, resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if count == 0 {
        return Err("no paragraph (w:p) found; is this a Word document?".into());
    }
    Ok(out)
}

/// Text of a run, with any line break in it made a space so that lines stay paragraphs.
fn push_text(paragraph: &mut String, text: &str) {
    paragraph.extend(text.chars().map(|c| match c {
        '\n' | '\r' => ' ',
        c => c,
    }));
}

fn end_paragraph(out: &mut String, paragraph: &mut String, count: &mut usize) {
    out.push_str(paragraph);
    out.push('\n');
    paragraph.clear();
    *count += 1;
}

/// Paragraph number (1-based) and character offset in it (0-based) of a byte offset in a
/// Word draft's text.
pub fn paragraph_offset(text: &str, offset: usize) -> (usize, usize) {
    let offset = text.floor_char_boundary(offset.min(text.len()));
    let before = &text[..offset];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[start..].chars().count(),
    )
}

/// A minimal `.docx` of these paragraphs (each a `w:p` of `w:r`/`w:t` runs, or raw body XML
/// when it starts with `<`), for tests and examples: the repository holds no binary Word file.
pub fn build(paragraphs: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    for p in paragraphs {
        if p.starts_with('<') {
            body.push_str(p);
        } else {
            let escaped = p
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            body.push_str(&format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{escaped}</w:t></w:r></w:p>"
            ));
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
        </Types>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in [
        ("[Content_Types].xml", content_types.to_string()),
        ("word/document.xml", document),
    ] {
        // Writing to memory cannot fail but for a bug; a test sees the panic.
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(data.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_table_cells_are_lines() {
        let docx = build(&[
            "出口5455亿元。",
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>进口</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>4634亿元</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            "<w:p/>",
            "A & B",
        ]);
        let s = read("a.docx", &docx).unwrap();
        assert_eq!(s.text, "出口5455亿元。\n进口\n4634亿元\n\nA & B\n");
        assert!(s.docx);
        let at = s.text.find("4634").unwrap();
        assert_eq!(paragraph_offset(&s.text, at), (3, 0));
        assert_eq!(
            paragraph_offset(&s.text, s.text.find("5455").unwrap()),
            (1, 2)
        );
    }

    #[test]
    fn tracked_changes_read_as_printed() {
        let docx = build(&["<w:p><w:r><w:t>出口</w:t></w:r>\
             <w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>5355</w:delText></w:r></w:del>\
             <w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>5455</w:t></w:r></w:ins>\
             <w:r><w:tab/><w:t>亿元</w:t><w:br/><w:t>。</w:t></w:r></w:p>"]);
        assert_eq!(read("a.docx", &docx).unwrap().text, "出口5455\t亿元 。\n");
    }

    #[test]
    fn damaged_files_are_errors() {
        let err = read("a.docx", b"PK\x03\x04 not really").unwrap_err();
        assert!(err.reason.contains("zip"), "{}", err.reason);
        let mut docx = build(&["出口5455亿元。"]);
        docx.truncate(docx.len() / 2);
        assert!(read("a.docx", &docx).is_err());
        assert!(paragraphs(b"<w:document><w:body><w:p><w:t>x</w:body>").is_err());
    }
}
