//! Articles, paragraphs, sentences and clauses of a normalized draft.
//!
//! Text extracted from a newspaper PDF is hard-wrapped in narrow columns: a line break means
//! nothing and a blank line may fall inside a sentence (`5700.2 亿` / blank / `元`). A release
//! copied from the web has one paragraph a line. So the pass first decides which kind of text it
//! reads (by its median line length), then cuts paragraphs only where the text allows it: after a
//! sentence end, or around a headline (a short block with no punctuation). Articles begin at a
//! dateline (`本报福州1月19日电`) or after a cluster of headlines. Sentences end at `。！？；`;
//! clauses at `，：`.
//!
//! All ranges here are in normalized coordinates; the caller maps them back.

use super::normalize::Normalized;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub article: usize,
    /// A headline or subhead: short, no punctuation, a unit of its own.
    pub headline: bool,
}

/// A sentence: its paragraph is [`Structure::paragraph_at`] its start. Sentences and clauses
/// are many (one every 30 bytes of news text): they hold their range only, in 32 bits (a draft
/// is at most 4 GiB), 8 bytes each.
#[derive(Clone, Debug)]
pub struct Sentence {
    span: Span,
}

/// A clause: its sentence is [`Structure::sentence_at`] its start.
#[derive(Clone, Debug)]
pub struct Clause {
    span: Span,
}

/// A range of the normalized text in 32 bits.
#[derive(Clone, Copy, Debug)]
struct Span {
    start: u32,
    end: u32,
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span {
            start: r.start as u32,
            end: r.end as u32,
        }
    }
}

impl Span {
    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl Sentence {
    /// Its range of the normalized text.
    pub fn range(&self) -> Range<usize> {
        self.span.range()
    }
}

impl Clause {
    /// Its range of the normalized text.
    pub fn range(&self) -> Range<usize> {
        self.span.range()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Structure {
    pub articles: Vec<Range<usize>>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub clauses: Vec<Clause>,
    /// Every full sentence (ended by `。！？`, not `；`) of every paragraph, in order: the full
    /// sentence holding an offset is one binary search here.
    full_sentences: Vec<FullSentence>,
    /// Every round bracket (`(（` and `)）`), in order, with the count of opening minus closing
    /// brackets up to and including it: the balance of any range is two binary searches.
    brackets: Vec<(usize, i32)>,
}

/// A full sentence and the offsets it answers for: those after the previous one's `last` up to
/// its own. That is up to its full stop (the stop itself asks for the sentence it ends), and for
/// a paragraph's last, up to the paragraph's last byte: an offset between two paragraphs (or at
/// one's end) asks for the next paragraph's first full sentence.
#[derive(Clone, Copy, Debug)]
struct FullSentence {
    last: u32,
    start: u32,
    end: u32,
}

/// The full sentences of `paragraphs` (the whole text where there are none): from the start
/// of the paragraph or just after a full stop, to the next full stop or the paragraph's end.
fn full_sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<FullSentence> {
    let stops: Vec<usize> = text.match_indices(FULL_STOPS).map(|(i, _)| i).collect();
    let whole = std::iter::once(0..text.len()).filter(|_| paragraphs.is_empty());
    let mut out = Vec::with_capacity(stops.len() + paragraphs.len() + 1);
    for para in paragraphs.iter().map(|p| p.range.clone()).chain(whole) {
        let mut start = para.start;
        let first = stops.partition_point(|&s| s < para.start);
        for &stop in stops[first..].iter().take_while(|&&s| s < para.end) {
            out.push(FullSentence {
                last: stop as u32,
                start: start as u32,
                end: stop as u32,
            });
            start = stop + text[stop..].chars().next().map_or(1, char::len_utf8);
        }
        out.push(FullSentence {
            last: para.end.saturating_sub(1).max(para.start) as u32,
            start: start as u32,
            end: para.end as u32,
        });
    }
    out
}

/// Lines longer than this (median, in characters) mean the text is not hard-wrapped.
pub(crate) const WRAPPED_LINE_MAX: usize = 40;
/// A headline is at most this many characters.
const HEADLINE_MAX: usize = 40;

/// Characters a line of unwrapped text must hold before it can be a sentence broken in two.
const BROKEN_LINE_MIN: usize = 40;

/// The characters that end a full sentence: a `；` ends a sentence but not a full one.
pub(crate) const FULL_STOPS: &[char] = &['。', '！', '？', '!', '?'];
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';'];
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', ')', '"'];
const CLAUSE_PUNCT: &[char] = &[
    '，', ',', '。', '；', ';', '！', '？', '!', '?', '：', ':', '、',
];

fn dateline() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // An agency or "本报", an optional place and date, then 电: 本报福州1月19日电,
        // 据新华社贵阳电; or a local report's 本报讯.
        Regex::new(
            r"^(据)?((本报|新华社|中新社|中新网|新华网|人民网|央视网)[^。，,；]{0,14}?电|本报讯)",
        )
        .expect("dateline pattern is valid")
    })
}

/// A section heading or a caption that opens its own line: `六、商品贸易`, `（二）工业`,
/// `图4：2017—2021年固定资产投资增长速度`, `表1`. It is a headline even with its `、` or `：`,
/// and a line of its own even in hard-wrapped text.
fn section_heading() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[图表]\d{1,2}[:：\s])")
            .expect("section heading pattern is valid")
    })
}

/// True when `block` is a section heading or caption line, short and not a sentence.
fn is_section_heading(block: &str) -> bool {
    section_heading().is_match(block)
        && block.chars().count() <= HEADLINE_MAX
        && !block.contains(['。', '；', ';', '，', ','])
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(CLOSERS);
    t.ends_with(SENTENCE_ENDS) || t.ends_with("——") || t.ends_with('…')
}

fn is_headline(block: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    if is_section_heading(block) {
        return true;
    }
    let chars = block.chars().count();
    if chars == 0 || chars > HEADLINE_MAX || block.contains(CLAUSE_PUNCT) {
        return false;
    }
    let last = block.chars().next_back().unwrap_or(' ');
    if last.is_ascii_digit() || "亿万千百的和与及、对".contains(last) {
        return false;
    }
    if let Some(n) = next {
        let first = n.chars().next().unwrap_or(' ');
        if "元亿万%个，。、）)”,".contains(first) {
            return false;
        }
    }
    // A block that follows an unfinished sentence continues it.
    prev.is_none_or(ends_sentence)
}

/// True when the text is hard-wrapped in narrow columns: its median line is short. In text
/// hard-wrapped from a PDF a line break may fall between two digits of one number
/// (`铁路货运量4` / `2.2亿吨`); in a table one line a row, never.
///
/// The lines that start in a `blanked` range (whole lines, sorted: tables, read on their own)
/// are left out, as blank lines are.
pub(crate) fn is_wrapped(original: &str, blanked: &[Range<usize>]) -> bool {
    median_line_chars(original, blanked) <= WRAPPED_LINE_MAX
}

fn median_line_chars(original: &str, blanked: &[Range<usize>]) -> usize {
    let mut lens: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in original.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let k = blanked.partition_point(|r| r.end <= start);
        if blanked.get(k).is_some_and(|r| r.start <= start) {
            continue;
        }
        let n = line.trim().chars().count();
        if n > 0 {
            lens.push(n);
        }
    }
    if lens.is_empty() {
        return 0;
    }
    lens.sort_unstable();
    lens[lens.len() / 2]
}

impl Structure {
    pub fn new(original: &str, norm: &Normalized) -> Self {
        Structure::with_blocks(norm, is_wrapped(original, &[]), None)
    }

    /// The structure of a normalized text, hard-wrapped or not (see [`is_wrapped`]; never
    /// where blocks are given), with the block ends a Markdown parser found (normalized
    /// offsets) if any: each block (paragraph, heading, list item, table row) is a paragraph
    /// of its own.
    pub fn with_blocks(norm: &Normalized, wrapped: bool, given: Option<&[usize]>) -> Self {
        let text = norm.text.as_str();
        let cut_at = if wrapped { 2 } else { 1 };
        // A line that opens with a dateline starts a new block even without a blank line.
        let cuts_line =
            |b: &super::normalize::Break| b.newlines >= 1 && dateline().is_match(&text[b.at()..]);
        // A section heading or caption line (`六、商品贸易`) is a block of its own: cut before
        // it and at the end of its line.
        let mut cuts: Vec<usize> = Vec::new();
        let mut open_heading: Option<usize> = section_heading().is_match(text).then_some(0);
        for b in norm.breaks.iter() {
            if given.is_some() && b.newlines < 2 {
                continue;
            }
            let at_line = b.newlines >= 1 && b.at() > 0 && b.at() < text.len();
            let heading_ends = at_line
                && open_heading
                    .take()
                    .is_some_and(|s| is_section_heading(&text[s..b.at()]));
            let heading_starts = at_line && section_heading().is_match(&text[b.at()..]);
            if heading_starts {
                open_heading = Some(b.at());
            }
            if (b.newlines >= cut_at || cuts_line(b) || heading_ends || heading_starts)
                && b.at() > 0
                && b.at() < text.len()
            {
                cuts.push(b.at());
            }
        }
        if let Some(ends) = given {
            cuts.extend(ends.iter().copied().filter(|&e| e > 0 && e < text.len()));
            cuts.sort_unstable();
        }
        cuts.dedup();
        let mut blocks: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        for c in cuts.into_iter().chain(std::iter::once(text.len())) {
            if c > start {
                blocks.push(start..c);
            }
            start = c;
        }

        let headline: Vec<bool> = (0..blocks.len())
            .map(|i| {
                let prev = i.checked_sub(1).map(|j| &text[blocks[j].clone()]);
                let next = blocks.get(i + 1).map(|r| &text[r.clone()]);
                is_headline(&text[blocks[i].clone()], prev, next)
            })
            .collect();

        // Paragraphs: blocks joined unless a sentence or a headline ends between them.
        let mut paragraphs: Vec<Paragraph> = Vec::new();
        // In text of one line a paragraph, a long line that stops mid-sentence was broken by
        // layout (`…到2025年，力争` / `全市…超过5万人。`); a short one is a title or a row.
        let broken_line = |i: usize| {
            given.is_none() && text[blocks[i - 1].clone()].chars().count() >= BROKEN_LINE_MIN
        };
        for (i, b) in blocks.iter().enumerate() {
            let join = i > 0
                && (wrapped || broken_line(i))
                && !headline[i]
                && !headline[i - 1]
                && !ends_sentence(&text[blocks[i - 1].clone()])
                && !dateline().is_match(&text[b.clone()]);
            match paragraphs.last_mut() {
                Some(p) if join => p.range.end = b.end,
                _ => paragraphs.push(Paragraph {
                    range: b.clone(),
                    article: 0,
                    headline: headline[i],
                }),
            }
        }

        // Articles: a dateline opens one, together with the headline and subtitle printed
        // right above it; a cluster of headlines with no dateline after it is one of its own.
        let is_dateline = |p: &Paragraph| dateline().is_match(&text[p.range.clone()]);
        let title_like = |p: &Paragraph| p.headline || text[p.range.clone()].ends_with("——");
        let in_cluster = |j: usize| {
            paragraphs[j].headline
                && ((j > 0 && paragraphs[j - 1].headline)
                    || paragraphs.get(j + 1).is_some_and(|q| q.headline))
        };
        let mut starts: Vec<bool> = (0..paragraphs.len())
            .map(|i| {
                i == 0
                    || is_dateline(&paragraphs[i])
                    || (in_cluster(i) && !in_cluster(i - 1))
                    || (in_cluster(i - 1) && !in_cluster(i))
            })
            .collect();
        for i in 0..paragraphs.len() {
            if !is_dateline(&paragraphs[i]) {
                continue;
            }
            let mut j = i;
            while j > 0 && i - j < 3 && title_like(&paragraphs[j - 1]) {
                j -= 1;
            }
            starts[j] = true;
            for s in &mut starts[j + 1..=i] {
                *s = false;
            }
        }
        let mut articles: Vec<Range<usize>> = Vec::new();
        for (i, p) in paragraphs.iter_mut().enumerate() {
            if starts[i] || articles.is_empty() {
                articles.push(p.range.clone());
            } else if let Some(a) = articles.last_mut() {
                a.end = p.range.end;
            }
            p.article = articles.len() - 1;
        }

        let mut sentences = Vec::new();
        for p in &paragraphs {
            for range in split_after(text, p.range.clone(), |c| SENTENCE_ENDS.contains(&c)) {
                sentences.push(Sentence { span: range.into() });
            }
        }
        let mut clauses = Vec::new();
        for s in &sentences {
            for range in split_clauses(text, s.range()) {
                clauses.push(Clause { span: range.into() });
            }
        }
        let full_sentences = full_sentences(text, &paragraphs);
        let mut depth = 0;
        let brackets = text
            .match_indices(['(', '（', ')', '）'])
            .map(|(i, b)| {
                depth += if matches!(b, "(" | "（") { 1 } else { -1 };
                (i, depth)
            })
            .collect();
        Structure {
            articles,
            paragraphs,
            sentences,
            clauses,
            full_sentences,
            brackets,
        }
    }

    /// Opening minus closing round brackets inside the normalized `range`.
    pub fn bracket_balance(&self, range: Range<usize>) -> i32 {
        let before = |at: usize| {
            let i = self.brackets.partition_point(|&(p, _)| p < at);
            i.checked_sub(1).map_or(0, |j| self.brackets[j].1)
        };
        before(range.end) - before(range.start)
    }

    /// The full sentence (ended by `。！？`, not `；`) holding the normalized offset `at`,
    /// within its paragraph: from just after the last full stop before `at` to the first at or
    /// after it. One binary search, so the cost does not grow with the sentence.
    pub fn full_sentence(&self, at: usize) -> Range<usize> {
        let i = self
            .full_sentences
            .partition_point(|f| (f.last as usize) < at);
        self.full_sentences
            .get(i)
            .or(self.full_sentences.last())
            .map_or(0..0, |f| f.start as usize..f.end as usize)
    }

    /// The index of the clause holding the normalized offset `at`.
    pub fn clause_at(&self, at: usize) -> usize {
        find(&self.clauses, at, |c| c.span.end as usize)
    }

    pub fn sentence_at(&self, at: usize) -> usize {
        find(&self.sentences, at, |s| s.span.end as usize)
    }

    pub fn paragraph_at(&self, at: usize) -> usize {
        find(&self.paragraphs, at, |p| p.range.end)
    }
}

/// The first item that ends after `at` (or the last item), by bisection.
fn find<T>(items: &[T], at: usize, end: impl Fn(&T) -> usize) -> usize {
    let i = items.partition_point(|x| end(x) <= at);
    i.min(items.len().saturating_sub(1))
}

/// Splits `range` after every character for which `end` holds, keeping closing quotes with the
/// sentence they close.
fn split_after(text: &str, range: Range<usize>, end: impl Fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut iter = text[range.clone()].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if end(c) {
            let mut stop = range.start + i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if !CLOSERS.contains(&d) {
                    break;
                }
                stop = range.start + j + d.len_utf8();
                iter.next();
            }
            out.push(start..stop);
            start = stop;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

/// Clauses end at `，` and `：` outside brackets; an ASCII comma or colon between digits
/// (`1,234`, `09:23`) does not end one.
fn split_clauses(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut start = range.start;
    // `年末全国人口（包括…，不包括…）141175万人`: a comma inside brackets ends no clause.
    let mut depth = 0usize;
    for (i, c) in slice.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let cut = depth == 0
            && match c {
                '，' | '：' => true,
                ',' | ':' => {
                    let before = i > 0 && bytes[i - 1].is_ascii_digit();
                    let after = bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit());
                    !(before && after)
                }
                _ => false,
            };
        if cut {
            let stop = range.start + i + c.len_utf8();
            out.push(start..stop);
            start = stop;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn structure(s: &str) -> (Normalized, Structure) {
        let n = Normalized::new(s);
        let st = Structure::new(s, &n);
        (n, st)
    }

    /// The full sentence as found by searching the paragraph and the full stops themselves.
    fn full_sentence_by_search(st: &Structure, text: &str, at: usize) -> Range<usize> {
        let para = st
            .paragraphs
            .get(st.paragraph_at(at))
            .map_or(0..text.len(), |p| p.range.clone());
        let at = at.clamp(para.start, para.end);
        let stops: Vec<usize> = text.match_indices(FULL_STOPS).map(|(i, _)| i).collect();
        let i = stops.partition_point(|&s| s < at);
        let start = match i.checked_sub(1).map(|j| stops[j]) {
            Some(s) if s >= para.start => s + text[s..].chars().next().map_or(1, char::len_utf8),
            _ => para.start,
        };
        let end = match stops.get(i) {
            Some(&e) if e < para.end => e,
            _ => para.end,
        };
        start..end
    }

    #[test]
    fn the_full_sentence_of_any_offset_is_the_one_a_search_finds() {
        let mut texts: Vec<String> = [
            "",
            "。",
            "甲。乙！\n\n丙？",
            "标题\n\n本报北京1月19日电 甲增长5%。乙下降3%；丙持平。\n\n。丁",
            "  \n\n  ",
        ]
        .map(String::from)
        .to_vec();
        let dirs = ["fixtures", "../shared/corpus/texts", "../shared/seeds"];
        for dir in dirs.map(|d| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(d)) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                texts.extend(std::fs::read_to_string(entry.path()).ok());
            }
        }
        assert!(texts.len() > 10, "the fixtures are read");
        for original in &texts {
            let (n, st) = structure(original);
            let text = n.text.as_str();
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    st.full_sentence(at),
                    full_sentence_by_search(&st, text, at),
                    "at {at} of {:?}",
                    &text[..text.len().min(40)]
                );
            }
        }
    }

    #[test]
    fn a_blank_line_inside_a_sentence_does_not_end_it() {
        let (n, st) =
            structure("民营企业进出口 5700.2 亿\n\n元，同比增长 8%。\n\n同期，国有企业。");
        let first = &n.text[st.sentences[0].range()];
        assert_eq!(first, "民营企业进出口5700.2亿元，同比增长8%。");
        assert_eq!(st.paragraphs.len(), 2);
    }

    #[test]
    fn datelines_open_articles() {
        let (_, st) = structure("甲说。\n\n本报北京1月 19日电 （记者\n王某） 乙说。\n\n丙说。");
        assert_eq!(st.articles.len(), 2);
        assert_eq!(st.paragraphs[2].article, 1);
    }

    #[test]
    fn a_headline_is_a_paragraph_of_its_own() {
        let (n, st) = structure("辛某说。\n\n数实融合全面深化\n\n2023年，数\n据显示。");
        assert!(st.paragraphs[1].headline);
        assert_eq!(
            &n.text[st.paragraphs[2].range.clone()],
            "2023年，数据显示。"
        );
    }

    #[test]
    fn a_section_heading_or_caption_line_is_a_headline_of_its_own() {
        let (n, st) = structure(
            "全年房地产开发企业17户。\n图4：2017—2021年投资增长速度(%)\n六、商品贸易\n全年社会消费品\n零售总额38.03亿元。",
        );
        let texts: Vec<&str> = st
            .paragraphs
            .iter()
            .map(|p| &n.text[p.range.clone()])
            .collect();
        assert_eq!(
            texts,
            [
                "全年房地产开发企业17户。",
                "图4：2017—2021年投资增长速度(%)",
                "六、商品贸易",
                "全年社会消费品零售总额38.03亿元。"
            ]
        );
        assert!(st.paragraphs[1].headline && st.paragraphs[2].headline);
    }

    #[test]
    fn one_paragraph_a_line_when_lines_are_long() {
        let long = "国家统计局发布数据显示全年国内生产总值一百二十六万亿元比上年增长五点二个百分点左右的水平";
        let text = format!("{long}。\n{long}。");
        let (_, st) = structure(&text);
        assert_eq!(st.paragraphs.len(), 2);
    }

    #[test]
    fn a_long_line_that_stops_mid_sentence_goes_on_in_the_next() {
        let long = "国家统计局发布数据显示全年国内生产总值一百二十六万亿元比上年增长五点二个百分点左右，到2025年力争";
        let text = format!("{long}\n全市注册会员超过5万人。\n短标题\n{long}。");
        let (n, st) = structure(&text);
        let paragraphs: Vec<&str> = st
            .paragraphs
            .iter()
            .map(|p| &n.text[p.range.clone()])
            .collect();
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
        assert!(paragraphs[0].ends_with("超过5万人。"));
        assert_eq!(paragraphs[1], "短标题");
    }
}
