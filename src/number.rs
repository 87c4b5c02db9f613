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
        '零' | '〇' | '○' => 0,
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
/// `二十三` 23, `一百零五` 105, `两` 2, with decimals after `点` (`十二点五` 12.5,
/// `零点三` 0.3).
///
/// A last digit right after `百` or `千`, with no `零` between, stands in the next lower place:
/// `一百五` is 150 and `两千三` 2,300, while `一百零五` is 105.
pub fn chinese(s: &str) -> Option<Numeral> {
    let mut total: i64 = 0;
    let mut pending: Option<i64> = None;
    let mut len = 0;
    let mut last_unit = i64::MAX;
    // A placeholder zero since the last unit (`三千零五`).
    let mut zero_since_unit = false;
    for c in s.chars() {
        if c == '零' || c == '〇' || c == '○' {
            if len == 0 && s[c.len_utf8()..].starts_with(DECIMAL_POINT) {
                // `零点五`: a zero before the point is the integer part.
                pending = Some(0);
            } else if pending.is_some() || last_unit == i64::MAX {
                // A placeholder zero (`一百零五`) carries no value of its own.
                break;
            } else {
                zero_since_unit = true;
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
            zero_since_unit = false;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    if len == 0 {
        return None;
    }
    total += match pending {
        Some(d) if !zero_since_unit && (100..i64::MAX).contains(&last_unit) => d * last_unit / 10,
        Some(d) => d,
        None => 0,
    };
    let mut value = Decimal::from(total);
    if let Some(after) = s[len..].strip_prefix(DECIMAL_POINT) {
        let decimals: String = after
            .chars()
            .map_while(|c| digit(c).filter(|_| c != '两'))
            .map(|d| char::from(b'0' + d as u8))
            .collect();
        if !decimals.is_empty() {
            if let Ok(v) = Decimal::from_str(&format!("{total}.{decimals}")) {
                value = v;
                // Each decimal digit is one three-byte character.
                len += DECIMAL_POINT.len_utf8() + decimals.len() * '一'.len_utf8();
            }
        }
    }
    Some(Numeral {
        value,
        len,
        chinese: true,
    })
}

/// The decimal point of a Chinese numeral: `十二点五`.
const DECIMAL_POINT: char = '点';

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

/// The lower section of a number written in sections: `1175万` after `14亿`, `8531` after
/// `1954万`, `2000亿` after `1万亿`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// Bytes read: the digits, any `零` before them, and the section's own magnitude.
    pub len: usize,
    /// The section's own magnitude (`万` in `14亿1175万`), if it has one.
    pub magnitude: Option<(&'static str, Decimal)>,
    /// The section's worth in base units: 11,750,000 for `1175万`.
    pub value: Decimal,
    /// The place of the section's last digit: 10,000 for `1175万`, 1 for `8531`.
    pub step: Decimal,
}

/// Reads, at the start of `s`, the lower section of a number whose higher part ended on a
/// magnitude worth `above`, written in the same script (`chinese`): the section must be worth
/// less than `above`. Whole numbers only.
///
/// Digits after the magnitude with no magnitude of their own are its lower digits: `1903万770`
/// is 19,030,770, `三万零五` is 30,005. A lone Chinese digit right after it stands in the next
/// lower place: `三万五` is 35,000, as `一百五` is 150.
pub fn lower_section(s: &str, chinese_script: bool, above: Decimal) -> Option<Section> {
    let zeros = if chinese_script {
        s.len() - s.trim_start_matches(['零', '〇', '○']).len()
    } else {
        0
    };
    let body = &s[zeros..];
    let n = if chinese_script {
        chinese(body)?
    } else {
        arabic(body)?
    };
    if n.value.scale() > 0 || n.value.is_zero() {
        return None;
    }
    let own = magnitude(&body[n.len..]);
    if own.is_some_and(|(_, m)| m >= above) {
        return None;
    }
    let lone_digit = chinese_script && zeros == 0 && own.is_none() && n.len == '一'.len_utf8();
    let (magnitude, step) = match own {
        Some(m) => (Some(m), m.1),
        None if lone_digit => {
            let step = above / Decimal::TEN;
            (next_lower_place(step), step)
        }
        None => (None, Decimal::ONE),
    };
    let value = n.value * step;
    if value >= above {
        return None;
    }
    Some(Section {
        len: zeros + n.len + own.map_or(0, |m| m.0.len()),
        magnitude,
        value,
        step,
    })
}

/// The name of the place below a section magnitude: `千` below `万`, `千万` below `亿`.
fn next_lower_place(step: Decimal) -> Option<(&'static str, Decimal)> {
    const PLACES: &[(&str, u32)] = &[("千", 3), ("千万", 7), ("千亿", 11)];
    PLACES
        .iter()
        .find(|&&(_, exp)| Decimal::from(10i64.pow(exp)) == step)
        .map(|&(name, exp)| (name, Decimal::from(10i64.pow(exp))))
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
    fn chinese_numerals_follow_the_places_they_skip() {
        for (s, v) in [
            ("三千零五十八名", "3058"),
            ("两千九百五十八票", "2958"),
            ("一百五", "150"),
            ("两千三百", "2300"),
            ("两千三", "2300"),
            ("三千零五", "3005"),
            ("一千零五十", "1050"),
        ] {
            assert_eq!(chinese(s).unwrap().value, d(v), "{s}");
        }
    }

    #[test]
    fn chinese_decimals_after_dian() {
        let n = chinese("十二点五").unwrap();
        assert_eq!((n.value, n.len), (d("12.5"), "十二点五".len()));
        assert_eq!(n.value.scale(), 1);
        assert_eq!(chinese("零点三五").unwrap().value, d("0.35"));
        // `三点建议`: a point not followed by a digit is not a decimal point.
        assert_eq!(chinese("三点建议").unwrap().len, "三".len());
    }

    #[test]
    fn lower_sections_join_the_magnitude_before_them() {
        let wan = d("10000");
        let yi = d("100000000");
        let s = lower_section("1175万人", false, yi).unwrap();
        assert_eq!(
            (s.value, s.step, s.len),
            (d("11750000"), wan, "1175万".len())
        );
        let s = lower_section("770人", false, wan).unwrap();
        assert_eq!((s.value, s.step), (d("770"), Decimal::ONE));
        let s = lower_section("2000亿元", false, d("1000000000000")).unwrap();
        assert_eq!(s.value, d("200000000000"));
        assert_eq!(lower_section("零五人", true, wan).unwrap().value, d("5"));
        let s = lower_section("五人", true, wan).unwrap();
        assert_eq!((s.value, s.magnitude.map(|m| m.0)), (d("5000"), Some("千")));
        // A section as large as the magnitude before it is another number.
        assert!(lower_section("12000人", false, wan).is_none());
        assert!(lower_section("3万人", false, wan).is_none());
        assert!(lower_section("5.5人", false, wan).is_none());
    }

    #[test]
    fn thousand_before_a_unit_is_not_a_magnitude() {
        assert!(magnitude("千瓦时").is_none());
        assert_eq!(magnitude("万亿元").unwrap().0, "万亿");
    }
}
