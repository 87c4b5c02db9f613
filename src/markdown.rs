//! Markdown drafts: the text an editor reads, with the markup seen through.
//!
//! The draft is parsed with pulldown-cmark and every byte that is not text of the document —
//! heading marks, emphasis, link targets, list bullets, table pipes, code blocks, inline code,
//! HTML, front matter — is replaced by spaces (line breaks stay). The result has exactly the
//! byte length and line layout of the file, so every span found in it is a span of the file:
//! no second offset map is needed, and the normalizer removes the spaces like any layout damage.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Where the blocks of a Markdown text end (byte offsets): paragraphs, headings, list items,
/// table rows. Each is a paragraph of its own for hedui: a heading never runs into the text
/// under it, a table row never into the next.
pub fn block_ends(text: &str) -> Vec<usize> {
    let mut ends: Vec<usize> = Parser::new_ext(text, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => Some(range.end),
            _ => None,
        })
        .collect();
    ends.sort_unstable();
    ends.dedup();
    ends
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_FOOTNOTES
}

/// A copy of `text` with everything but document text blanked out.
pub fn prose(text: &str) -> String {
    let options = options();
    let mut keep = vec![false; text.len()];
    let mut in_code = 0usize;
    let mut in_metadata = false;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(_) if in_code == 0 && !in_metadata => {
                keep[range].iter_mut().for_each(|k| *k = true);
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if keep[i] || c == '\n' || c == '\r' {
            out.push(c);
        } else {
            // One space a byte keeps every later offset where it was.
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

/// True for the file names hedui reads as Markdown.
pub fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_blanked_and_offsets_kept() {
        let md = "# 外贸\n\n**出口** [5455亿元](http://x.cn)，`code 99`\n";
        let p = prose(md);
        assert_eq!(p.len(), md.len());
        assert!(p.contains("出口"));
        assert!(p.contains("5455亿元"));
        assert!(!p.contains("http"));
        assert!(!p.contains("99"));
        assert!(!p.contains('#'));
        let at = md.find("5455").unwrap();
        assert_eq!(&p[at..at + 4], "5455");
    }

    #[test]
    fn front_matter_and_code_blocks_are_skipped() {
        let md = "---\ntitle: 100亿元\n---\n\n正文出口5455亿元。\n\n```\n进口9999亿元\n```\n";
        let p = prose(md);
        assert!(!p.contains("100亿元"));
        assert!(!p.contains("9999"));
        assert!(p.contains("5455亿元"));
    }

    #[test]
    fn a_heading_is_a_block_of_its_own() {
        let md = "## 三、消费与外贸\n全市社会消费品零售总额1052.3亿元。\n";
        let source = crate::Source::new("d.md", md).markdown();
        let ex = crate::extract(&source);
        assert_eq!(ex.facts[0].label, "全市社会消费品零售总额");
    }

    #[test]
    fn table_cells_stay_apart() {
        let md = "| 地区 | 出口 |\n|---|---|\n| 东部 | 100亿元 |\n";
        let p = prose(md);
        assert!(!p.contains('|'));
        assert!(p.contains("100亿元"));
    }
}
