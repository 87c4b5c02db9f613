//! The normalized copy of a draft that extraction reads, and the map back to the original.
//!
//! Normalization folds full-width digits, letters and signs to ASCII (`１２３` `％` `．`),
//! Traditional characters to Simplified, and removes whitespace that only exists because of layout:
//! spaces between CJK characters, a line break between a number and its unit, a blank line inside
//! a sentence. Whitespace between two ASCII words or numbers (`17.95 63.35`, `LNG 接收站` is not
//! such a case) is kept as one space so that table cells do not run together.
//!
//! Every normalized byte remembers the original character it came from, so any range of the
//! normalized text maps back to a byte range of the original. Removed whitespace is remembered as
//! a [`Break`], which the structure pass reads to find paragraphs.

use super::trad::simplify;
use std::ops::Range;

/// A run of whitespace seen in the original, at a position of the normalized text.
#[derive(Clone, Copy, Debug)]
pub struct Break {
    /// The normalized byte offset where the run stood (see [`Break::at`]): 32 bits, as a draft
    /// is at most 4 GiB, so that a break takes 12 bytes, not 16.
    at: u32,
    /// How many line feeds the run held: 0 a space, 1 a line break, 2 or more a blank line.
    pub newlines: u32,
    /// A lone space between two CJK characters that are not themselves spaced out: a word
    /// separator (`运行情况 快递业务量`), unlike the damage of `全 国 网 上`.
    pub separator: bool,
    /// A tab, or two spaces or more on one line: the gap between two cells of a table, which
    /// no number reads across (`12万\t3500` is two cells, not 123,500).
    pub cell_gap: bool,
}

impl Break {
    /// The normalized byte offset where the run stood.
    pub fn at(&self) -> usize {
        self.at as usize
    }
}

/// Normalized text with its offset map.
#[derive(Clone, Debug)]
pub struct Normalized {
    pub text: String,
    /// Where each normalized character came from, as runs: see [`Origin`].
    origin: Vec<Origin>,
    pub breaks: Vec<Break>,
}

/// A run of the offset map, from the normalized byte `norm` to the next run, that came from
/// the original bytes `orig..orig_end`. A run as long as what it came from is one to one:
/// characters read as they were written, or folded to characters of the same length (`國` to
/// `国`), one after the other, so that the normalized character at `norm + k` came from the
/// original character at `orig + k`. Any other run is one character (folded to another length,
/// a space standing for a line break) that came from all of `orig..orig_end`. A map byte per
/// byte took 8 bytes per byte of text; runs take 12 bytes a line.
#[derive(Clone, Copy, Debug)]
struct Origin {
    norm: u32,
    orig: u32,
    orig_end: u32,
}

/// Adds the origin of one normalized character to the runs: to the last run, where both are
/// one to one and the character follows it in the original.
fn push_origin(
    origin: &mut Vec<Origin>,
    norm: usize,
    orig: usize,
    orig_end: usize,
    one_to_one: bool,
) {
    let (norm, orig, orig_end) = (norm as u32, orig as u32, orig_end as u32);
    if let Some(last) = origin.last_mut() {
        if one_to_one && last.orig_end == orig && orig - last.orig == norm - last.norm {
            last.orig_end = orig_end;
            return;
        }
    }
    origin.push(Origin {
        norm,
        orig,
        orig_end,
    });
}

fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Folds one character: full-width forms to ASCII, the ideographic space to a space,
/// Traditional to Simplified.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            // The full-width block is ASCII shifted by 0xFEE0.
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '％' | '﹪' => '%',
        '．' => '.',
        '＋' => '+',
        '－' => '-',
        '～' => '~',
        '\u{3000}' | '\u{A0}' => ' ',
        _ => simplify(c),
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// True when the characters on either side of the space run `start..end` are themselves
/// followed or preceded by a space: the text is spaced out character by character.
fn spaced_around(original: &str, start: usize, end: usize) -> bool {
    let before = original[..start].chars().rev().nth(1);
    let after = original[end..].chars().nth(1);
    before.is_some_and(is_layout_space) || after.is_some_and(is_layout_space)
}

/// True when the characters on either side of the space run `start..end` stand alone: no
/// digit, letter or decimal point touches them from the far side (`2 0 2 3`, not `1 12.3`).
fn lone_digits_around(original: &str, start: usize, end: usize) -> bool {
    let touches =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && c.is_ascii() || c == '.');
    !touches(original[..start].chars().rev().nth(1).map(fold_char))
        && !touches(original[end..].chars().nth(1).map(fold_char))
}

/// True when a space or a line's end stands on the far side of the character before the space
/// run `start..end` or of the one after it: the digits are spaced out like their neighbours
/// (`共有委员 2 4 0 名`), not a table's number next to a month (`表1 2月份`).
fn spaced_beyond(original: &str, start: usize, end: usize) -> bool {
    let spaced = |c: Option<char>| c.is_none_or(is_layout_space);
    spaced(original[..start].chars().rev().nth(1)) || spaced(original[end..].chars().nth(1))
}

/// Letters of pinyin with a tone mark.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

/// The byte length of a pinyin reading in brackets at `at` right after a CJK character
/// (`國(guó)`, `個(gè)`), which some mirror sites print after every hard character: noise, like
/// the spaces of a PDF. It must hold a tone mark, so that `指标(a)` stays.
fn pinyin_note(original: &str, at: usize, prev: Option<char>) -> Option<usize> {
    if !prev.is_some_and(is_cjk) {
        return None;
    }
    let rest = &original[at..];
    let open = rest.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let mut len = open.len_utf8();
    let mut letters = 0;
    let mut toned = false;
    for c in rest[len..].chars() {
        len += c.len_utf8();
        match c {
            ')' | '）' => return (letters > 0 && toned).then_some(len),
            c if c.is_ascii_lowercase() => letters += 1,
            c if TONED.contains(c) => {
                letters += 1;
                toned = true;
            }
            _ => return None,
        }
        if letters > 6 {
            return None;
        }
    }
    None
}

/// A hyphen standing alone between spaces, with words (not digits) around it: a bullet of a
/// list run into one line (`…增长7.2% [2] - 农业银行资产规模…`), not a range (`2020 - 2023`).
fn is_bullet(original: &str, at: usize) -> bool {
    let before = original[..at].chars().rev();
    let after = original[at + 1..].chars();
    let mut before = before.skip_while(|&c| c == ' ');
    let mut after = after.skip_while(|&c| c == ' ');
    let spaced = original[..at].ends_with(' ') && original[at + 1..].starts_with(' ');
    let word = |c: Option<char>| c.is_some_and(|c| is_cjk(fold_char(c)) || c == ']' || c == '】');
    spaced && word(before.next()) && after.next().is_some_and(|c| is_cjk(fold_char(c)))
}

fn is_layout_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u{3000}' || c == '\u{A0}'
}

/// The characters of a text, with byte offsets, where the byte ranges `blanked` (sorted, on
/// character boundaries) read as one space a byte, but for their line breaks. One character
/// may be looked at before it is taken (`peek`), and a run of characters passed over.
struct BlankedChars<'a> {
    text: &'a str,
    at: usize,
    blanked: &'a [Range<usize>],
    peeked: Option<Option<(usize, char)>>,
}

impl BlankedChars<'_> {
    fn read(&mut self) -> Option<(usize, char)> {
        let i = self.at;
        while self.blanked.first().is_some_and(|r| r.end <= i) {
            self.blanked = &self.blanked[1..];
        }
        if self.blanked.first().is_some_and(|r| r.start <= i) {
            let b = *self.text.as_bytes().get(i)?;
            self.at += 1;
            return Some((
                i,
                if matches!(b, b'\n' | b'\r') {
                    b as char
                } else {
                    ' '
                },
            ));
        }
        let c = self.text.get(i..)?.chars().next()?;
        self.at += c.len_utf8();
        Some((i, c))
    }

    fn peek(&mut self) -> Option<&(usize, char)> {
        if self.peeked.is_none() {
            self.peeked = Some(self.read());
        }
        self.peeked.as_ref().and_then(Option::as_ref)
    }

    /// Passes over the plain characters ([`is_plain`]) after the one just taken, up to the next
    /// blanked range, and says where they end.
    fn plain_run(&mut self) -> usize {
        debug_assert!(self.peeked.is_none(), "the next character is not yet read");
        let bound = self.blanked.first().map_or(self.text.len(), |r| r.start);
        let rest = &self.text[self.at..bound.max(self.at)];
        let end = rest
            .char_indices()
            .find(|&(_, c)| !is_plain(c))
            .map_or(rest.len(), |(j, _)| j);
        self.at += end;
        self.at
    }
}

impl Iterator for BlankedChars<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        match self.peeked.take() {
            Some(peeked) => peeked,
            None => self.read(),
        }
    }
}

/// A character the normalized text holds as it is, with nothing to look at around it: no
/// layout space, no fold, and not the bracket of a pinyin note or the dash of a bullet.
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        // No ASCII character folds.
        return !matches!(c, ' ' | '\t' | '\n' | '\r' | '(' | '-');
    }
    !is_layout_space(c) && c != '（' && fold_char(c) == c
}

impl Normalized {
    pub fn new(original: &str) -> Self {
        Normalized::blanked(original, &[], super::structure::is_wrapped(original, &[]))
    }

    /// The normalized original, with the byte ranges `blanked` (whole lines: the tables, read
    /// on their own) read as spaces, byte for byte, all but their line breaks: the same as
    /// normalizing a copy so blanked, without the copy. `wrapped` says whether line breaks may
    /// fall inside numbers (hard-wrapped text) or not (Markdown, where blocks are known).
    ///
    /// Only the walk over the characters reads through the blanks. The looks around a
    /// character (`spaced_around`, `lone_digits_around`, `pinyin_note`, `is_bullet`) read the
    /// original. They start beside a character that is not blank and never cross a line break,
    /// and a blanked range holds whole lines, so they see what the blanked copy would show.
    pub fn blanked(original: &str, blanked: &[Range<usize>], wrapped: bool) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::new();
        let mut breaks = Vec::new();
        let mut chars = BlankedChars {
            text: original,
            at: 0,
            blanked,
            peeked: None,
        };
        while let Some((i, c)) = chars.next() {
            if is_plain(c) {
                // Most of a draft: copied as a run, which maps one to one.
                let end = chars.plain_run();
                push_origin(&mut origin, text.len(), i, end, true);
                text.push_str(&original[i..end]);
                continue;
            }
            if is_layout_space(c) {
                let start = i;
                let mut end = i + c.len_utf8();
                let mut newlines = u32::from(c == '\n');
                while let Some(&(j, d)) = chars.peek() {
                    if !is_layout_space(d) {
                        break;
                    }
                    newlines += u32::from(d == '\n');
                    end = j + d.len_utf8();
                    chars.next();
                }
                let prev = text.chars().next_back();
                let next = chars.peek().map(|&(_, d)| fold_char(d));
                let separator = newlines == 0
                    && prev.is_some_and(is_cjk)
                    && next.is_some_and(is_cjk)
                    && !spaced_around(original, start, end);
                let run = &original[start..end];
                let cell_gap = newlines == 0 && (run.contains('\t') || run.chars().count() >= 2);
                breaks.push(Break {
                    at: text.len() as u32,
                    newlines,
                    separator,
                    cell_gap,
                });
                // `同比下降1.39% 邮储银行净息差1.7%`: summaries that separate their items with
                // spaces. A space after a percentage, before words, ends a clause: it reads as
                // the `，` it stands for, mapped to the space.
                if newlines == 0
                    && prev.is_some_and(|p| p == '%' || p == '‰')
                    && next.is_some_and(is_cjk)
                {
                    push_origin(&mut origin, text.len(), start, end, false);
                    text.push('，');
                    continue;
                }
                if let (Some(p), Some(n)) = (prev, next) {
                    let digits = p.is_ascii_digit() && n.is_ascii_digit();
                    // `共有委员 2 4 0 名`, `2 0 2 3 年`: a number spaced out digit by digit, like
                    // the characters around it; table cells hold more than one digit each.
                    let spaced_digits = digits
                        && newlines == 0
                        && end - start == c.len_utf8()
                        && lone_digits_around(original, start, end)
                        && spaced_beyond(original, start, end);
                    let split_number = (wrapped && newlines > 0 && digits) || spaced_digits;
                    if is_ascii_word(p) && is_ascii_word(n) && !split_number {
                        push_origin(&mut origin, text.len(), start, end, false);
                        text.push(' ');
                    }
                }
                continue;
            }
            if let Some(len) = pinyin_note(original, i, text.chars().next_back()) {
                // Skip the note as layout damage: `個(gè)百分點` reads `個百分點`.
                while chars.peek().is_some_and(|&(j, _)| j < i + len) {
                    chars.next();
                }
                continue;
            }
            if c == '-' && is_bullet(original, i) {
                // ` - 农业银行资产规模…`: a bullet between items ends the one before.
                push_origin(&mut origin, text.len(), i, i + 1, false);
                text.push('；');
                continue;
            }
            let f = fold_char(c);
            // A fold to a character of the same length (Traditional to Simplified) keeps the
            // offsets one to one: the run of copied characters goes on.
            let same_length = f.len_utf8() == c.len_utf8();
            push_origin(&mut origin, text.len(), i, i + c.len_utf8(), same_length);
            text.push(f);
        }
        Normalized {
            text,
            origin,
            breaks,
        }
    }

    /// Whether run `i` is one to one: as long as the original bytes it came from.
    fn one_to_one(&self, i: usize) -> bool {
        let r = &self.origin[i];
        let end = self
            .origin
            .get(i + 1)
            .map_or(self.text.len(), |n| n.norm as usize);
        (r.orig_end - r.orig) as usize == end - r.norm as usize
    }

    /// The original byte range of the character the normalized byte `at` belongs to.
    fn origin_of(&self, at: usize) -> (usize, usize) {
        let i = self
            .origin
            .partition_point(|r| r.norm as usize <= at)
            .saturating_sub(1);
        let r = &self.origin[i];
        if !self.one_to_one(i) {
            return (r.orig as usize, r.orig_end as usize);
        }
        let mut start = at;
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let len = self.text[start..].chars().next().map_or(1, char::len_utf8);
        let orig = r.orig as usize + (start - r.norm as usize);
        (orig, orig + len)
    }

    /// The original byte range of the normalized range `start..end` (`start < end`).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        (self.origin_of(start).0, self.origin_of(end - 1).1)
    }

    /// The normalized offset of an original byte offset: the first normalized byte that came
    /// from at or after it.
    pub fn normalized_offset(&self, original: usize) -> usize {
        let i = self
            .origin
            .partition_point(|r| (r.orig as usize) < original);
        // Inside the run before, a one-to-one one: the first character starting at or after it.
        if let Some(r) = i
            .checked_sub(1)
            .filter(|&j| self.one_to_one(j))
            .map(|j| &self.origin[j])
        {
            let run_end = self
                .origin
                .get(i)
                .map_or(self.text.len(), |n| n.norm as usize);
            let mut at = r.norm as usize + (original - r.orig as usize);
            while at < run_end && !self.text.is_char_boundary(at) {
                at += 1;
            }
            if at < run_end {
                return at;
            }
        }
        self.origin
            .get(i)
            .map_or(self.text.len(), |r| r.norm as usize)
    }

    /// The original byte offset where the normalized byte `at` came from.
    pub fn original_offset(&self, at: usize) -> usize {
        if at < self.text.len() {
            self.origin_of(at).0
        } else if self.text.is_empty() {
            0
        } else {
            self.origin_of(self.text.len() - 1).1
        }
    }
}

/// Normalizes a string on its own; used to check that a figure's original slice reads back
/// as the figure's text.
pub fn normalize(s: &str) -> String {
    Normalized::new(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_character_is_kept_as_it_is_with_nothing_to_look_around() {
        let chars = (0..=0x7F_u32)
            .chain(0x3000..0x3040)
            .chain(0x4E00..0x9FA6)
            .chain(0xFF00..0xFF70)
            .filter_map(char::from_u32);
        for c in chars {
            let plain = !is_layout_space(c) && !matches!(c, '(' | '（' | '-') && fold_char(c) == c;
            assert_eq!(is_plain(c), plain, "{c:?}");
        }
    }

    #[test]
    fn spaces_between_cjk_characters_vanish() {
        assert_eq!(
            normalize("全 国 网 上 零 售 额 15.42 万 亿 元"),
            "全国网上零售额15.42万亿元"
        );
    }

    #[test]
    fn a_unit_broken_across_a_blank_line_is_rejoined() {
        assert_eq!(
            normalize("进出口 5700.2 亿\n\n元，同比"),
            "进出口5700.2亿元，同比"
        );
    }

    #[test]
    fn full_width_digits_and_percent_fold_to_ascii() {
        assert_eq!(normalize("增长 ２.６％"), "增长2.6%");
    }

    #[test]
    fn a_number_spaced_out_digit_by_digit_is_rejoined() {
        assert_eq!(normalize("共有委员 2 4 0 名"), "共有委员240名");
        assert_eq!(normalize("2 0 2 3 年"), "2023年");
        assert_eq!(normalize("同比 17.95 63.35"), "同比17.95 63.35");
        assert_eq!(normalize("1 12.3"), "1 12.3");
    }

    #[test]
    fn a_table_number_before_a_month_is_no_spaced_out_number() {
        // `表1 2月份` is table 1 of February, not `表12月份`: neither digit stands apart from
        // its other neighbour as spaced-out text does.
        assert_eq!(normalize("表1 2月份全省货运"), "表1 2月份全省货运");
        assert_eq!(normalize("第 1 2 名"), "第12名");
    }

    #[test]
    fn pinyin_readings_printed_after_characters_are_noise() {
        assert_eq!(normalize("高1.9個(gè)百分點(diǎn)"), "高1.9个百分点");
        assert_eq!(normalize("指标(a)"), "指标(a)");
        assert_eq!(normalize("(guó)2023"), "(guó)2023");
    }

    #[test]
    fn a_space_after_a_percentage_before_words_ends_a_clause() {
        assert_eq!(
            normalize("同比下降1.39% 邮储银行净息差1.7%"),
            "同比下降1.39%，邮储银行净息差1.7%"
        );
        assert_eq!(normalize("占 56.5 ％ 。"), "占56.5%。");
    }

    #[test]
    fn a_bullet_run_into_a_line_ends_an_item() {
        assert_eq!(
            normalize("增长7.2% [2] - 农业银行资产"),
            "增长7.2%[2]；农业银行资产"
        );
        assert_eq!(normalize("2020 - 2023年"), "2020-2023年");
    }

    #[test]
    fn table_cells_stay_apart() {
        assert_eq!(normalize("全国\t17.95\t63.35"), "全国17.95 63.35");
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let original = "出口 5455 亿 元";
        let n = Normalized::new(original);
        let start = n.text.find("5455").unwrap();
        let end = n.text.len();
        let (a, b) = n.original_range(start, end);
        assert_eq!(&original[a..b], "5455 亿 元");
    }
}
