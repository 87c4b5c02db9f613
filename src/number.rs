//! Numerals: Arabic (`10089.2`, `1,234`), Chinese (`十`, `两`, `二十三`, `百分之五十`) and the
//! magnitudes that follow them (`万 亿 万亿 千万`).
//!
//! This module reads digits and nothing else: it does not know what a number measures. It
//! returns exact decimals and how they were printed, so the caller can build the interval of
//! values that round to the printed figure.

use rust_decimal::Decimal;
use std::str::FromStr;

/// A numeral as printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numeral {
    pub value: Decimal,
    /// Byte length of the numeral in the text it was read from.
    pub len: usize,
    /// Written in Chinese characters (`十大`, `两位数`): exact, never rounded.
    pub chinese: bool,
}

/// Reads an Arabic numeral at the start of `s`: digits, optional thousands groups, optional
/// decimals. A leading `-` is the caller's business.
pub fn arabic(s: &str) -> Option<Numeral> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    // Thousands separators: `1,234,567`, only in groups of exactly three digits.
    while i + 3 < b.len() + 1
        && b.get(i) == Some(&b',')
        && b.get(i + 1..i + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
    {
        i += 4;
    }
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    let digits: String = s[..i].chars().filter(|&c| c != ',').collect();
    let value = Decimal::from_str(&digits).ok()?;
    Some(Numeral {
        value,
        len: i,
        chinese: false,
    })
}

fn digit(c: char) -> Option<i64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn unit(c: char) -> Option<i64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// True for the characters a Chinese numeral is written with (without 万/亿, which are read
/// as magnitudes).
pub fn is_chinese_digit(c: char) -> bool {
    digit(c).is_some() || unit(c).is_some()
}

/// Reads a Chinese numeral below ten thousand at the start of `s`: `十` 10, `十四` 14,
/// `二十三` 23, `一百零五` 105, `两` 2.
pub fn chinese(s: &str) -> Option<Numeral> {
    let mut total: i64 = 0;
    let mut pending: Option<i64> = None;
    let mut len = 0;
    let mut last_unit = i64::MAX;
    for c in s.chars() {
        if c == '零' || c == '〇' {
            // A placeholder zero (`一百零五`) carries no value of its own.
            if pending.is_some() || last_unit == i64::MAX {
                break;
            }
        } else if let Some(d) = digit(c) {
            if pending.is_some() {
                break; // two digits in a row (`一二`) is not a numeral we read
            }
            pending = Some(d);
        } else if let Some(u) = unit(c) {
            if u >= last_unit {
                break;
            }
            total += pending.take().unwrap_or(1) * u;
            last_unit = u;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    if len == 0 {
        return None;
    }
    total += pending.unwrap_or(0);
    Some(Numeral {
        value: Decimal::from(total),
        len,
        chinese: true,
    })
}

/// A magnitude word after a numeral, with its multiplier: `万亿` 10¹², `亿` 10⁸, `千万` 10⁷,
/// `百万` 10⁶, `十万` 10⁵, `万` 10⁴. `千` and `百` alone count only before `万`/`亿`, since
/// `千瓦时` and `百分点` are units.
pub fn magnitude(s: &str) -> Option<(&'static str, Decimal)> {
    const TABLE: &[(&str, i64, u32)] = &[
        ("万亿", 1, 12),
        ("千亿", 1, 11),
        ("百亿", 1, 10),
        ("十亿", 1, 9),
        ("亿", 1, 8),
        ("千万", 1, 7),
        ("百万", 1, 6),
        ("十万", 1, 5),
        ("万", 1, 4),
    ];
    for &(word, m, exp) in TABLE {
        if s.starts_with(word) {
            return Some((word, Decimal::from(m) * Decimal::from(10i64.pow(exp))));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn arabic_keeps_printed_decimals() {
        let n = arabic("10089.2亿元").unwrap();
        assert_eq!((n.value, n.len), (d("10089.2"), 7));
        assert_eq!(n.value.scale(), 1);
    }

    #[test]
    fn thousands_groups_are_one_number() {
        assert_eq!(arabic("1,234,567人").unwrap().value, d("1234567"));
        assert_eq!(arabic("5,12").unwrap().value, d("5"));
    }

    #[test]
    fn chinese_numerals_read_as_written() {
        for (s, v) in [
            ("十大", 10),
            ("十四个", 14),
            ("二十三", 23),
            ("两位", 2),
            ("一百零五", 105),
        ] {
            assert_eq!(chinese(s).unwrap().value, Decimal::from(v), "{s}");
        }
    }

    #[test]
    fn thousand_before_a_unit_is_not_a_magnitude() {
        assert!(magnitude("千瓦时").is_none());
        assert_eq!(magnitude("万亿元").unwrap().0, "万亿");
    }
}
