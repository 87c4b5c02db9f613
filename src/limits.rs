//! What hedui leaves unread on purpose, found so that it can be said out loud.
//!
//! A number of 16 or more integer digits, or more than 10 decimals, is not read as a figure
//! (no statistic is printed so: it is an ID, an account or a code, and exact arithmetic on it
//! could overflow). The extraction skips it silently; this module finds such numbers in the
//! original text so that the command line can name each one. It decides nothing else.

use crate::extract::scan::{MAX_DECIMALS, MAX_PRINTED};
use std::ops::Range;

/// The most integer digits of a figure hedui reads (15: `999,999,999,999,999`).
pub fn max_integer_digits() -> usize {
    MAX_PRINTED.to_string().len()
}

/// The most decimals of a figure hedui reads.
pub fn max_decimals() -> usize {
    MAX_DECIMALS as usize
}

/// A digit, ASCII or full-width, as its value.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The numbers of `text` too long to be read as figures: byte ranges of the original text.
/// Thousands separators (`,` `，`) between groups of three digits count as part of the number.
pub fn overlong_numbers(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    // A digit starts with an ASCII digit or 0xEF (the full-width block's first byte): the bytes
    // between are passed over without decoding them.
    while let Some(skip) = text.as_bytes()[from..]
        .iter()
        .position(|&b| b.is_ascii_digit() || b == 0xEF)
    {
        let at = from + skip;
        let mut chars = text[at..]
            .char_indices()
            .map(move |(i, c)| (at + i, c))
            .peekable();
        let Some((start, c)) = chars.next() else {
            break;
        };
        from = start + c.len_utf8();
        if digit(c).is_none() {
            continue;
        }
        let (mut integer, mut decimals, mut end) = (1usize, 0usize, start + c.len_utf8());
        let mut in_decimals = false;
        while let Some(&(i, c)) = chars.peek() {
            if digit(c).is_some() {
                if in_decimals {
                    decimals += 1;
                } else {
                    integer += 1;
                }
            } else if matches!(c, '.' | '．') && !in_decimals {
                let next = text[i + c.len_utf8()..].chars().next();
                if next.is_none_or(|n| digit(n).is_none()) {
                    break;
                }
                in_decimals = true;
            } else if !matches!(c, ',' | '，') || in_decimals {
                break;
            } else {
                // A separator followed by exactly three digits continues the number.
                let rest = &text[i + c.len_utf8()..];
                let group: Vec<char> = rest.chars().take(4).collect();
                let three = group.len() >= 3 && group[..3].iter().all(|&d| digit(d).is_some());
                if !three || group.get(3).is_some_and(|&d| digit(d).is_some()) {
                    break;
                }
            }
            end = i + c.len_utf8();
            chars.next();
        }
        from = end;
        if integer > max_integer_digits() || decimals > max_decimals() {
            out.push(start..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    #[test]
    fn numbers_too_long_to_read_are_found_and_the_rest_are_not() {
        let text = "账号6222021234567890123，金额123456789012345元，编号１２３４５６７８９０１２３４５６，\
                    比率0.12345678901，总额1,234,567,890,123,456元。";
        let found: Vec<&str> = overlong_numbers(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            found,
            [
                "6222021234567890123",
                "１２３４５６７８９０１２３４５６",
                "0.12345678901",
                "1,234,567,890,123,456"
            ]
        );
    }

    #[test]
    fn what_is_found_is_exactly_what_extraction_drops() {
        // 15 digits are a figure, 16 are not: the limit here is the extraction's own.
        let read = Source::new("a.txt", "出口123456789012345元。");
        assert_eq!(crate::extract(&read).facts.len(), 1);
        assert!(overlong_numbers(&read.text).is_empty());
        let dropped = Source::new("a.txt", "出口1234567890123456元。");
        assert!(crate::extract(&dropped).facts.is_empty());
        assert_eq!(overlong_numbers(&dropped.text).len(), 1);
    }
}
