//! Finds the figures of a normalized text: a numeral, its magnitude, its unit, the qualifiers
//! around it, and its kind.
//!
//! The scanner works left to right on the normalized text and reads only what touches a number.
//! What the figure is *about* (its label) is the next pass's job.

use super::cues::{
    classify_rate, is_change, is_rate_change, names_a_rate, qualifier_after, qualifier_before,
};
use super::figure::{tag, Figure, Kind, Qualifier};
use super::units::{unit_at, UnitClass, UnitMatch};
use crate::interval::Interval;
use crate::lexicon::{self, List};
use crate::number::{arabic, chinese, is_chinese_digit, lower_section, magnitude, Numeral};
use crate::text::{window_start, Text};

/// The largest number read as a figure, and the most decimals: beyond them a string of
/// digits is an identifier, and exact arithmetic on it could overflow.
pub(crate) const MAX_PRINTED: i64 = 999_999_999_999_999;
pub(crate) const MAX_DECIMALS: u32 = 10;

/// How far back (in bytes) cue words are looked for: about 60 characters.
pub const LOOK_BEHIND: usize = 180;
use rust_decimal::Decimal;

/// True for `和1.1个百分点`: a list joiner, a number, then 百分点.
fn points_follow(rest: &str) -> bool {
    let Some(after) = ["和", "、", "及", "至", "到", "-", "—", "~"]
        .iter()
        .find_map(|j| rest.strip_prefix(j))
    else {
        return false;
    };
    match arabic(after) {
        Some(n) => {
            let tail = &after[n.len..];
            tail.starts_with("个百分点") || tail.starts_with("百分点")
        }
        None => false,
    }
}

/// A numeral with everything printed after it, before it is given a kind.
#[derive(Clone, Debug)]
struct Reading {
    start: usize,
    end: usize,
    numeral: Numeral,
    negative: bool,
    magnitude: Option<(&'static str, Decimal)>,
    plus: bool,
    unit: Option<UnitMatch>,
}

/// All figures of the text, in order.
#[cfg(test)]
pub fn scan(text: &Text) -> Vec<Figure> {
    scan_from(text, 0, text.as_str().len()).0
}

/// The figures that start at or after `from` and before `end`, and where the scan stopped (the
/// end of the last figure read, which may run past `end`): scanning a text in pieces, each
/// from where the last stopped, finds what one scan of the whole finds.
pub fn scan_from(text: &Text, from: usize, end: usize) -> (Vec<Figure>, usize) {
    let t = text.as_str();
    let mut figures: Vec<Figure> = Vec::new();
    let mut i = from;
    while i < end.min(t.len()) {
        let rest = &t[i..];
        let Some(c) = rest.chars().next() else { break };
        let prev = t[..i].chars().next_back();
        let next_i = i + c.len_utf8();
        let started = if c.is_ascii_digit() {
            if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '_') {
                // Inside a word or code: `PM2.5`, `G20`, `v1.2`.
                skip_token(t, i)
            } else {
                read_arabic(text, i)
            }
        } else if rest.starts_with("百分之") {
            read_percent_words(text, i)
        } else if is_chinese_digit(c) && !prev.is_some_and(is_chinese_digit) {
            read_chinese(text, i)
        } else {
            Step::Skip(next_i)
        };
        match started {
            Step::Figure(f) => {
                i = f.norm.end;
                figures.push(*f);
            }
            Step::Skip(j) => i = j.max(next_i),
        }
    }
    (figures, i)
}

enum Step {
    Figure(Box<Figure>),
    Skip(usize),
}

fn skip_token(t: &str, i: usize) -> Step {
    let end = t[i..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .map_or(t.len(), |n| i + n);
    Step::Skip(end)
}

/// Reads magnitude, 余/多, and unit after a numeral ending at `p`.
fn read_tail(
    text: &Text,
    start: usize,
    mut p: usize,
    mut numeral: Numeral,
    negative: bool,
) -> Reading {
    // Nothing past a hard stop (a Markdown cell's end) belongs to this number.
    let stop = text.next_stop(p);
    let t = &text.as_str()[..stop];
    let mut plus = false;
    if t[p..].starts_with('余') || t[p..].starts_with('多') {
        // `1200余万株`, `30余个`; a `多` not followed by a magnitude or unit is a word (`多数`).
        let after = &t[p + 3..];
        if magnitude(after).is_some() || unit_at(after).is_some() {
            plus = true;
            p += 3;
        }
    }
    let mut mag = magnitude(&t[p..]);
    if let Some((word, _)) = mag {
        p += word.len();
    }
    if !plus {
        (numeral, mag, p) = join_sections(text, t, numeral, mag, p);
    }
    if t[p..].starts_with('余') || t[p..].starts_with('多') {
        let after = &t[p + 3..];
        if unit_at(after).is_some() || mag.is_some() {
            plus = true;
            p += 3;
        }
    }
    let mut unit = unit_at(&t[p..]);
    // `4.1个和1.1个百分点`: the first `个` is a number of percentage points too.
    if unit.is_some_and(|u| u.name == "个") && points_follow(&t[p + "个".len()..]) {
        unit = unit_at("个百分点").map(|u| UnitMatch {
            len: "个".len(),
            ..u
        });
    }
    if let Some(u) = unit {
        p += u.len;
        if u.name == "元" && t[p..].starts_with("人民币") {
            p += "人民币".len();
        }
    }
    Reading {
        start,
        end: p,
        numeral,
        negative,
        magnitude: mag,
        plus,
        unit,
    }
}

/// The magnitudes that close a section of a number written in sections (`14亿1175万`).
const SECTION_MAGNITUDES: &[&str] = &["万", "亿", "万亿"];

/// `14亿1175万人`, `1万亿2000亿元`, `1954万8531人`, `1903万770人`: the lower sections after a
/// section magnitude belong to the same figure. The result is read in the place of its last
/// section, so its interval follows from the last printed digit (`14亿1175万` is ±0.5万,
/// `1954万8531人` a whole count).
fn join_sections(
    text: &Text,
    t: &str,
    mut numeral: Numeral,
    mut mag: Option<(&'static str, Decimal)>,
    mut p: usize,
) -> (Numeral, Option<(&'static str, Decimal)>, usize) {
    while let Some((word, above)) = mag {
        if !SECTION_MAGNITUDES.contains(&word) || numeral.value.scale() > 0 {
            break;
        }
        // `12万\t3500`: two cells of a table.
        if text.cell_gap_at(p) {
            break;
        }
        let Some(section) = lower_section(&t[p..], numeral.chinese, above) else {
            break;
        };
        let after = &t[p + section.len..];
        // `1万2023年`, `3亿5%`: digits that go on into a date, a rate or more digits are a
        // figure of their own.
        let own_figure = after.starts_with(|c: char| c.is_ascii_digit() || c == '.')
            || unit_at(after)
                .is_some_and(|u| !matches!(u.class, UnitClass::Measure | UnitClass::Counter));
        if own_figure {
            break;
        }
        numeral = Numeral {
            value: numeral.value * (above / section.step) + section.value / section.step,
            len: numeral.len + word.len() + section.len,
            chinese: numeral.chinese,
        };
        mag = section.magnitude;
        p += section.len;
    }
    (numeral, mag, p)
}

fn read_arabic(text: &Text, i: usize) -> Step {
    let t = text.as_str();
    let Some(numeral) = arabic(&t[i..]) else {
        return Step::Skip(i + 1);
    };
    let after = i + numeral.len;
    if numeral.value > Decimal::from(MAX_PRINTED) || numeral.value.scale() > MAX_DECIMALS {
        // No statistic is printed with 16 integer digits or 11 decimals: an ID or a code.
        return skip_token(t, i);
    }
    if t[after..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        // `5G`, `3D`: a name, not a figure.
        return skip_token(t, i);
    }
    // `国内生产总值[2]`: a note mark.
    let bracketed =
        |open: char, close: char| t[..i].ends_with(open) && t[after..].starts_with(close);
    if bracketed('[', ']') || bracketed('【', '】') || bracketed('〔', '〕') {
        return Step::Skip(after);
    }
    // A minus sign directly before the digits, not a range dash after another number.
    let before = &t[..i];
    // (At the start of a Markdown cell a dash is a sign, whatever stood in the cell before.)
    let cell_start = before.ends_with('-') && text.next_stop(i - 1) == i - 1;
    let negative = before.ends_with('-')
        && (cell_start
            || !before[..before.len() - 1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || c == '%'));
    let start = if negative { i - 1 } else { i };
    let reading = read_tail(text, start, after, numeral, negative);
    Step::Figure(Box::new(finish(text, reading)))
}

fn read_chinese(text: &Text, i: usize) -> Step {
    let t = text.as_str();
    let Some(numeral) = chinese(&t[i..]) else {
        return Step::Skip(i + 1);
    };
    let before = &t[..i];
    let after = i + numeral.len;
    // Ordinals (`第一梯队`) are not figures, except in `连续第八个月` and `第三季度`.
    if before.ends_with('第') && !before.ends_with("连续第") && !t[after..].starts_with("季度")
    {
        return Step::Skip(after);
    }
    let reading = read_tail(text, i, after, numeral, false);
    let Some(unit) = reading.unit else {
        return Step::Skip(after);
    };
    // (`一万人` and `一万二千人` are figures: the magnitude or the section after it counts.)
    let lone_one = reading.numeral.value == Decimal::ONE
        && reading.numeral.len == '一'.len_utf8()
        && reading.magnitude.is_none();
    let lone_ok = matches!(unit.name, "季度" | "倍") || before.ends_with("连续");
    if (lone_one && !lone_ok) || !super::units::chinese_numeral_may_precede(unit.class) {
        // `一家企业`, `一批`: the article "a", not a count.
        return Step::Skip(after);
    }
    // `十四五`, `三农`: numerals that run on into other numerals are names.
    if t[reading.end..].starts_with(is_chinese_digit) {
        return Step::Skip(reading.end);
    }
    Step::Figure(Box::new(finish(text, reading)))
}

/// `百分之五十` is 50%.
fn read_percent_words(text: &Text, i: usize) -> Step {
    let t = text.as_str();
    let p = i + "百分之".len();
    let numeral = chinese(&t[p..]).or_else(|| arabic(&t[p..]));
    let Some(numeral) = numeral else {
        return Step::Skip(p);
    };
    let reading = Reading {
        start: i,
        end: p + numeral.len,
        numeral: Numeral {
            value: numeral.value,
            len: numeral.len,
            chinese: true,
        },
        negative: false,
        magnitude: None,
        plus: false,
        unit: unit_at("%"),
    };
    Step::Figure(Box::new(finish(text, reading)))
}

/// The step of the last significant digit: `100` → 100, `1200` → 100, `5.5` → 0.1.
fn last_digit_step(v: Decimal) -> Decimal {
    if v.scale() > 0 {
        return Decimal::new(1, v.scale());
    }
    let mut step = Decimal::ONE;
    let mut n = v.abs();
    let ten = Decimal::TEN;
    while n >= ten && (n % ten).is_zero() {
        n /= ten;
        step *= ten;
    }
    step
}

/// Extends a date reading over the month and day that follow (`2023年11月底`, `1月19日`).
fn extend_date(t: &str, mut end: usize, parts: &mut Vec<u32>) -> usize {
    loop {
        let rest = &t[end..];
        let Some(n) = arabic(rest) else { break };
        let after = &rest[n.len..];
        let unit = if after.starts_with('月') && !after.starts_with("月份") && parts.len() == 1 {
            Some('月')
        } else if after.starts_with("月份") && parts.len() == 1 {
            Some('份')
        } else if after.starts_with('日') && parts.len() == 2 {
            Some('日')
        } else {
            None
        };
        let Some(u) = unit else { break };
        let v = n.value.to_string().parse::<u32>().unwrap_or(0);
        parts.push(v);
        end += n.len + if u == '份' { "月份".len() } else { 3 };
    }
    for suffix in ["底", "末", "初", "份", "中旬", "上旬", "下旬"] {
        if t[end..].starts_with(suffix) {
            end += suffix.len();
            break;
        }
    }
    end
}

fn calendar(parts: &[u32]) -> String {
    match parts {
        [y] => format!("{y:04}"),
        [y, m] => format!("{y:04}-{m:02}"),
        [y, m, d, ..] => format!("{y:04}-{m:02}-{d:02}"),
        [] => String::new(),
    }
}

fn as_u32(v: Decimal) -> Option<u32> {
    if v.scale() > 0 && !v.fract().is_zero() {
        return None;
    }
    v.to_string().parse().ok()
}

/// Gives a reading its kind, interval and qualifiers.
fn finish(text: &Text, r: Reading) -> Figure {
    let t = text.as_str();
    let mut end = r.end;
    let clause = text.structure.clause_at(r.start);
    let clause_start = text
        .structure
        .clauses
        .get(clause)
        .map_or(0, |c| c.range().start);
    let pre_full = &t[window_start(t, clause_start.min(r.start), r.start, LOOK_BEHIND)..r.start];
    let qualifier_pre = qualifier_before(pre_full);
    let pre = match qualifier_pre {
        Some((_, len)) => &pre_full[..pre_full.len() - len],
        None => pre_full,
    };
    let mult = r.magnitude.map_or(Decimal::ONE, |m| m.1);
    let class = r.unit.map(|u| u.class);
    let unit_name = r.unit.map_or("", |u| u.name);
    let mult = if r.unit.is_some_and(|u| u.ten_thousand) {
        mult * Decimal::from(10_000)
    } else {
        mult
    };

    let mut date = None;
    let mut kind = match class {
        None => Kind::Number,
        Some(UnitClass::Measure) => Kind::Amount,
        Some(UnitClass::Counter) => Kind::Count,
        Some(UnitClass::Age) => Kind::Amount,
        Some(UnitClass::Multiple) => Kind::Multiple,
        Some(UnitClass::Points) => Kind::Points,
        Some(UnitClass::Percent | UnitClass::PerMille | UnitClass::Tenth) => Kind::Number,
        Some(UnitClass::Time) => Kind::Duration,
    };
    let mut negative_word = false;
    let mut tags = Vec::new();
    // `实现13.1%的增长`, `出现2.1%的下降`: the change is named after the figure.
    let change_after = (class == Some(UnitClass::Percent))
        .then(|| change_named_after(&t[end..]))
        .flatten();
    match class {
        Some(UnitClass::Percent | UnitClass::PerMille | UnitClass::Tenth) => {
            let (k, neg) = classify_rate(pre, false);
            kind = k;
            negative_word = neg;
            if let (Kind::Number, Some(up)) = (kind, change_after) {
                kind = Kind::Growth;
                negative_word = !up;
            }
            // A rate of the thing named (`城镇化率为66.16%`, `出生率为10.5‰`, even after a verb
            // inside its name: `对经济增长的贡献率82.5%`) or tenths of no whole named
            // (`三成受访者`) is a proportion, but of no whole stated beside it: a share that is
            // never summed with other shares. A share cue keeps a share of a whole
            // (`市场占有率`, `占GDP的比率`).
            let per_mille = class == Some(UnitClass::PerMille);
            let rate = match kind {
                Kind::Number => class != Some(UnitClass::Percent) || names_a_rate(pre, per_mille),
                Kind::Growth => names_a_rate(pre, per_mille),
                Kind::Share => per_mille,
                _ => false,
            };
            if rate {
                kind = Kind::Share;
                negative_word = false;
                tags.push(tag::RATE);
            }
        }
        Some(UnitClass::Points) => {
            let (_, neg) = classify_rate(pre, true);
            negative_word = neg;
        }
        Some(UnitClass::Time) if !r.numeral.chinese || unit_name == "季度" => {
            let v = as_u32(r.numeral.value);
            let is_year = unit_name == "年"
                && r.magnitude.is_none()
                && v.is_some_and(|y| (1900..=2100).contains(&y))
                && r.numeral.len == 4;
            let is_month = unit_name == "月"
                && v.is_some_and(|m| (1..=12).contains(&m))
                && !pre.ends_with('个');
            let is_day = unit_name == "日" && v.is_some_and(|d| (1..=31).contains(&d));
            let is_quarter = unit_name == "季度" && v.is_some_and(|q| (1..=4).contains(&q));
            if is_year || is_month || is_day || is_quarter {
                kind = Kind::Date;
                let mut parts = vec![v.unwrap_or(0)];
                if is_year {
                    end = extend_date(t, end, &mut parts);
                    date = Some(calendar(&parts));
                } else if is_month {
                    // A month without its year: extend over the day, report `--MM-DD`.
                    let mut md = vec![0, parts[0]];
                    end = extend_date(t, end, &mut md);
                    date = Some(match md.as_slice() {
                        [_, m] => format!("--{m:02}"),
                        [_, m, d, ..] => format!("--{m:02}-{d:02}"),
                        _ => String::new(),
                    });
                } else if is_day {
                    date = Some(format!("---{:02}", parts[0]));
                } else if pre.ends_with('前') {
                    // `前三季度`: the first three quarters.
                    date = Some(format!("Q1-Q{}", parts[0]));
                } else {
                    date = Some(format!("Q{}", parts[0]));
                }
            }
        }
        _ => {}
    }

    // A range: `15摄氏度至25摄氏度`, `16-59岁`, `60%—65%`, `8至12月`.
    let mut range_hi: Option<Interval> = None;
    let mut range_unit = None;
    // `8至12月` is a range of months; `1月7日至2月15日` runs between two days, each a date.
    let may_range = kind != Kind::Date
        || date
            .as_deref()
            .is_some_and(|d| d.starts_with("--") && d.len() == 4);
    if may_range && text.next_stop(end) > end {
        for sep in ["至", "到", "-", "—", "~", "－"] {
            let rest = &t[end..];
            if let Some(after) = rest.strip_prefix(sep) {
                if let Some(n2) = arabic(after) {
                    let p2 = end + sep.len() + n2.len;
                    let second = read_tail(text, end + sep.len(), p2, n2, false);
                    let compatible = match (r.unit, second.unit) {
                        (Some(a), Some(b)) => a.name == b.name,
                        (None, Some(_)) => true,
                        _ => false,
                    };
                    let ordered = numeral_value_le(
                        r.numeral.value,
                        mult,
                        n2.value,
                        second.magnitude.map_or(mult, |m| m.1),
                    );
                    if compatible && ordered {
                        let m2 = second.magnitude.map_or(mult, |m| m.1);
                        let exact = n2.value.scale() == 0
                            && second.unit.is_some_and(|u| exact_range(Some(u.class)));
                        range_hi = Some(base_interval(n2.value, m2, exact));
                        range_unit = second.unit;
                        end = second.end;
                    }
                }
                break;
            }
        }
    }
    let unit_name = range_unit.map_or(unit_name, |u| u.name);

    // Counts, spans of time and ages printed as whole numbers are exact: `28个` is 28. So is a
    // small Chinese numeral (`十大`, `两位数`); one with a magnitude (`十四亿人`) or decimals,
    // or a percentage in words (`百分之五十`), is rounded like its Arabic twin.
    let whole = r.magnitude.is_none() && r.numeral.value.scale() == 0;
    let percent_like = matches!(
        class,
        Some(UnitClass::Percent | UnitClass::PerMille | UnitClass::Tenth)
    );
    let exact = (r.numeral.chinese && whole && !percent_like)
        || kind == Kind::Date
        || (whole && matches!(kind, Kind::Count | Kind::Duration))
        || (whole && matches!(class, Some(UnitClass::Time | UnitClass::Age)));
    let mut scale = match class {
        Some(UnitClass::Tenth) => Decimal::TEN,
        _ => Decimal::ONE,
    } * mult;
    if r.negative {
        scale = -scale;
    }
    let mut interval = base_interval(r.numeral.value, scale, exact);
    let mut value = r.numeral.value * scale;
    if class == Some(UnitClass::Tenth) {
        // `七成` is about 70%, said in tenths: anything from 65 to 75; `七成半` about 75.
        let half = t[end..].starts_with('半');
        if half {
            end += '半'.len_utf8();
            value += Decimal::from(5);
        }
        let slack = Decimal::from(if half { 3 } else { 5 });
        interval = Interval::new(Some(value - slack), Some(value + slack));
    }

    let mut qualifier = qualifier_pre.map(|q| q.0);
    if r.plus {
        qualifier = Some(Qualifier::Plus);
    }
    if let Some((q, len)) = qualifier_after(&t[end..]) {
        qualifier = Some(q);
        end += len;
    }
    if let Some(hi) = range_hi {
        kind = Kind::Range;
        let counted =
            range_unit.is_some_and(|u| exact_range(Some(u.class))) && r.numeral.value.scale() == 0;
        let lo = if counted { Some(value) } else { interval.lo };
        interval = Interval::new(lo, hi.hi);
    } else if let Some(q) = qualifier {
        interval = widen(interval, value, q, r.numeral.value, scale);
    }
    if negative_word && !r.negative {
        interval = interval.neg();
        value = -value;
    }

    // `65岁及以上人口`, `65%以上的省份`, `两位数增长`: the number classifies, it does not measure.
    let follow = &t[end..];
    // `888万吨（177.6亿斤）`: the same figure again in another unit, not a figure of its own.
    let restated = ["（", "("].iter().any(|b| {
        pre_full.strip_suffix(b).is_some_and(|p| {
            p.chars().next_back().is_some_and(|c| {
                c.is_ascii_digit() || unit_at(&c.to_string()).is_some() || c == '%'
            })
        })
    });
    // `62.4%的受访者表示…`: a share of the respondents, which measures rather than classifies;
    // a rate, since answers to one question may add up past 100%.
    let of_respondents = class == Some(UnitClass::Percent)
        && kind == Kind::Number
        && change_after.is_none()
        && lexicon::get()
            .words(List::RespondentNouns)
            .iter()
            .any(|w| follow.strip_prefix('的').unwrap_or(follow).starts_with(w));
    if of_respondents {
        kind = Kind::Share;
        tags.extend([tag::RATE, tag::OF_RESPONDENTS]);
    }
    let attributive = !of_respondents
        && (restated
        || class == Some(UnitClass::Age)
        || (follow.starts_with('的') && change_after.is_none())
        || follow.starts_with("及以上")
        || follow.starts_with("及以下")
        || (kind == Kind::Range && follow.starts_with("之间"))
        || pre.ends_with('在')
        // `每千人口床位7.23张`, `每万人口全科医生3.99人`: a denominator of a rate, not a count.
        || pre.ends_with('每'));
    let change = matches!(kind, Kind::Amount | Kind::Count)
        .then(|| is_change(pre))
        .flatten();
    let delta = change.is_some();
    if change == Some(false) && !r.negative {
        // `减少85万人`: a change downward is negative.
        interval = interval.neg();
        value = -value;
    }
    if kind == Kind::Growth && class == Some(UnitClass::Percent) && is_rate_change(pre) {
        tags.push(tag::RATE_CHANGE);
    }
    // `5720公斤/公顷`, `3.2万元/人`: an amount per something is a ratio, which no part or
    // whole adds up with.
    if matches!(kind, Kind::Amount | Kind::Count)
        && follow.starts_with('/')
        && follow[1..].chars().next().is_some_and(is_han)
    {
        kind = Kind::Number;
    }
    let in_phrase = follow
        .chars()
        .next()
        .is_some_and(|c| is_han(c) && !PHRASE_ENDERS.contains(c));

    let (o_start, o_end) = text.original_range(r.start, end);
    // Tenths (`七成半`) are shown as the percentage they stand for.
    let tenths = class == Some(UnitClass::Tenth);
    let factor = if tenths {
        Decimal::ONE
    } else {
        value.checked_div(r.numeral.value).unwrap_or(Decimal::ONE)
    };
    let numeral = if tenths { value.abs() } else { r.numeral.value };
    Figure {
        span: o_start..o_end,
        norm: r.start..end,
        text: t[r.start..end].to_string(),
        kind,
        value,
        printed: if value.is_sign_negative() {
            -numeral
        } else {
            numeral
        },
        factor: if factor.is_zero() {
            Decimal::ONE
        } else {
            factor.abs()
        },
        interval,
        unit: unit_name,
        magnitude: r.magnitude.map(|m| m.0),
        qualifier,
        date,
        attributive,
        in_phrase,
        tags,
        delta,
    }
}

/// Characters that, right after a figure, start a verb or a function word rather than continue
/// a noun phrase (`5455亿元，增长`, `28个保持增长`).
const PHRASE_ENDERS: &str =
    "增减下降同比较占为是达和与及的中以左上至到创居位实成保连均分共合累环约并而但或也都仍已将可超高低有在";

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// `15至25`: a range runs upwards; `1,842,337,901.55 -6.15%` is two figures, not a range.
fn numeral_value_le(a: Decimal, ma: Decimal, b: Decimal, mb: Decimal) -> bool {
    match (a.checked_mul(ma), b.checked_mul(mb)) {
        (Some(x), Some(y)) => x <= y,
        _ => false,
    }
}

/// Ranges of months, years and ages are counted in whole units: `8至12月` is exactly 8 to 12.
fn exact_range(class: Option<UnitClass>) -> bool {
    matches!(class, Some(UnitClass::Time | UnitClass::Age) | None)
}

fn base_interval(v: Decimal, scale: Decimal, exact: bool) -> Interval {
    let i = if exact {
        Interval::exact(v)
    } else {
        Interval::rounded(v)
    };
    i.scale(scale)
}

/// Widens a figure's interval by its qualifier.
fn widen(i: Interval, value: Decimal, q: Qualifier, printed: Decimal, scale: Decimal) -> Interval {
    let tenth = Decimal::new(1, 1);
    match q {
        Qualifier::Above => Interval::new(Some(value.min(i.lo.unwrap_or(value))), None),
        Qualifier::Below => Interval::new(None, i.hi),
        Qualifier::Nearly => Interval::new(Some(value - value.abs() * tenth), i.hi),
        Qualifier::About => Interval::new(
            i.lo.map(|l| l - value.abs() * tenth),
            i.hi.map(|h| h + value.abs() * tenth),
        ),
        Qualifier::Plus => {
            let step = last_digit_step(printed) * scale;
            Interval::new(Some(value), Some(value + step))
        }
    }
}

/// The sign of a change named right after a figure (`的增长`, `的下降`, `的增幅`): true for up.
fn change_named_after(follow: &str) -> Option<bool> {
    let rest = follow.strip_prefix('的')?;
    let lex = crate::lexicon::get();
    lex.signed(crate::lexicon::List::ChangeVerbs)
        .iter()
        .chain(lex.signed(crate::lexicon::List::GrowthNouns))
        .filter(|(w, _)| rest.starts_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|&(_, up)| up)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn figs(s: &str) -> Vec<Figure> {
        scan(&Text::new(s))
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn magnitude_and_unit_across_spaces() {
        let f = &figs("全 国 网 上 零 售 额 15.42 万 亿 元")[0];
        assert_eq!(f.kind, Kind::Amount);
        assert_eq!(f.value, d("15420000000000"));
        assert_eq!(f.unit, "元");
        assert_eq!(f.text, "15.42万亿元");
    }

    #[test]
    fn decline_is_negative() {
        let f = &figs("实际使用外资同比下降8.0%。")[0];
        assert_eq!((f.kind, f.value), (Kind::Growth, d("-8.0")));
    }

    #[test]
    fn years_and_dates_are_dates() {
        let f = figs("截至2023年11月底，1月19日");
        assert_eq!(f[0].kind, Kind::Date);
        assert_eq!(f[0].date.as_deref(), Some("2023-11"));
        assert_eq!(f[0].text, "2023年11月底");
        assert_eq!(f[1].date.as_deref(), Some("--01-19"));
    }

    #[test]
    fn five_g_is_not_a_figure() {
        assert!(figs("累计建成5G基站").is_empty());
        assert_eq!(figs("建成 5G 基站 337.7 万\n个").len(), 1);
    }

    #[test]
    fn qualifiers_widen() {
        let f = figs("超800万吨，近5.5万吨，100余家，3万余人，约30亿元");
        assert_eq!(f[0].interval.hi, None);
        // Above the printed 800, read as widely as its rounding allows.
        assert_eq!(f[0].interval.lo, Some(d("7995000")));
        assert_eq!(f[1].interval.hi, Some(d("55500")));
        assert_eq!(
            (f[2].interval.lo, f[2].interval.hi),
            (Some(d("100")), Some(d("200")))
        );
        assert_eq!(
            (f[3].interval.lo, f[3].interval.hi),
            (Some(d("30000")), Some(d("40000")))
        );
        assert_eq!(f[4].qualifier, Some(Qualifier::About));
    }

    #[test]
    fn chinese_numerals_with_counters() {
        let f = figs("十大重点行业，两位数增长，连续三个月，一方面");
        let kinds: Vec<_> = f.iter().map(|f| (f.kind, f.value)).collect();
        assert_eq!(
            kinds,
            vec![
                (Kind::Count, d("10")),
                (Kind::Count, d("2")),
                (Kind::Duration, d("3"))
            ]
        );
    }

    #[test]
    fn ranges_and_durations() {
        let f = figs("保持在 15 摄氏度至 25 摄氏度之间，连续8个月");
        assert_eq!(f[0].kind, Kind::Range);
        assert_eq!(f[0].interval.hi, Some(d("25.5")));
        assert_eq!(f[1].kind, Kind::Duration);
    }

    #[test]
    fn percent_words() {
        let f = &figs("占比达到百分之五十")[0];
        assert_eq!((f.kind, f.value), (Kind::Share, d("50")));
        // A percentage in words is as rounded as its Arabic twin.
        assert_eq!(f.interval, Interval::rounded(d("50")));
        let f = &figs("赞成票占百分之十二点五")[0];
        assert_eq!(
            (f.kind, f.value, f.text.as_str()),
            (Kind::Share, d("12.5"), "百分之十二点五")
        );
        assert_eq!(f.interval, Interval::rounded(d("12.5")));
    }

    fn bounds(f: &Figure) -> (Option<Decimal>, Option<Decimal>) {
        (f.interval.lo, f.interval.hi)
    }

    #[test]
    fn a_number_in_sections_is_one_figure() {
        let f = figs("全国人口14亿1175万人，比上年末减少85万人");
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].text.as_str(), f[0].kind),
            ("14亿1175万人", Kind::Count)
        );
        assert_eq!(f[0].value, d("1411750000"));
        // Rounded at its last printed digit: ±0.5万.
        assert_eq!(
            bounds(&f[0]),
            (Some(d("1411745000")), Some(d("1411755000")))
        );

        let f = &figs("融资规模1万亿2000亿元")[0];
        assert_eq!((f.value, f.unit), (d("1200000000000"), "元"));
        assert_eq!(
            bounds(f),
            (Some(d("1199950000000")), Some(d("1200050000000")))
        );
    }

    #[test]
    fn digits_after_wan_are_its_lower_digits() {
        // Traditional 萬 is folded to 万; a count down to the unit is exact.
        let f = figs("選舉人數 1954萬8531人，區域選舉人數1903萬\n770人");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].value, f[0].kind), (d("19548531"), Kind::Count));
        assert_eq!(bounds(&f[0]), (Some(d("19548531")), Some(d("19548531"))));
        assert_eq!(f[1].value, d("19030770"));
        assert_eq!(f[1].text, "1903万770人");
    }

    #[test]
    fn table_cells_are_not_sections_of_one_number() {
        for table in ["甲县\t12万\t3500户", "甲县  12万   3500户"] {
            let f = figs(table);
            assert_eq!(f.len(), 2, "{table}: {f:?}");
            assert_eq!(f[0].value, d("120000"));
        }
        // A line break or a stray space inside prose is layout damage, not a cell.
        assert_eq!(figs("人口14亿 1175万人")[0].value, d("1411750000"));
    }

    #[test]
    fn digits_that_start_a_date_or_a_rate_stand_alone() {
        let f = figs("新增1万2023年以来");
        assert_eq!(f[0].value, d("10000"));
        assert_eq!(f[1].kind, Kind::Date);
        let f = figs("达5万12%的企业");
        assert_eq!(f[0].value, d("50000"));
    }

    #[test]
    fn chinese_counts_and_sections() {
        let f = figs("共有代表三千零五十八名，赞成票两千九百五十八票，反对票两票");
        let got: Vec<_> = f.iter().map(|f| (f.kind, f.value, f.unit)).collect();
        assert_eq!(
            got,
            vec![
                (Kind::Count, d("3058"), "名"),
                (Kind::Count, d("2958"), "票"),
                (Kind::Count, d("2"), "票")
            ]
        );
        assert_eq!(bounds(&f[0]), (Some(d("3058")), Some(d("3058"))));
        let f = &figs("人口十四亿一千一百七十五万人")[0];
        assert_eq!(f.value, d("1411750000"));
        assert_eq!(bounds(f), (Some(d("1411745000")), Some(d("1411755000"))));
        let f = &figs("吸引游客一万二千人")[0];
        assert_eq!((f.value, f.kind), (d("12000"), Kind::Count));
        // `三万五` is 35,000, said to the thousand.
        let f = &figs("月薪三万五元")[0];
        assert_eq!(f.value, d("35000"));
        assert_eq!(bounds(f), (Some(d("34500")), Some(d("35500"))));
    }

    #[test]
    fn tenths_are_a_loose_share() {
        let f = &figs("三成受访者表示满意")[0];
        assert_eq!((f.kind, f.value, f.unit), (Kind::Share, d("30"), "%"));
        // About 30%: anything from 25 to 35.
        assert_eq!(bounds(f), (Some(d("25")), Some(d("35"))));
        assert!(f.tags.contains(&tag::RATE));
        // With a share cue it is a share of the whole named, summed with the others.
        let f = &figs("占全球比重超过六成")[0];
        assert_eq!(f.kind, Kind::Share);
        assert!(!f.tags.contains(&tag::RATE));
    }

    #[test]
    fn a_rate_noun_makes_a_rate() {
        for (s, unit) in [
            ("常住人口城镇化率为66.16%", "%"),
            ("投票率 71.86%", "%"),
            ("人口出生率为10.5‰", "‰"),
            ("对经济增长的贡献率为60.2%", "%"),
            ("销售毛利率达到21.3%", "%"),
            ("最终消费支出对经济增长的贡献率82.5%", "%"),
            ("高中阶段毛入学率91.8%", "%"),
            ("城镇化率升至65.22%", "%"),
            ("人口自然增长率为-0.60‰", "‰"),
        ] {
            let f = &figs(s)[0];
            assert_eq!((f.kind, f.unit), (Kind::Share, unit), "{s}");
            assert!(f.tags.contains(&tag::RATE), "{s}");
        }
        // A share cue keeps a share of a whole: market shares add up.
        let f = &figs("甲公司市场占有率为30.2%")[0];
        assert_eq!(f.kind, Kind::Share);
        assert!(!f.tags.contains(&tag::RATE));
        assert_eq!(figs("人口自然增长率为-0.60‰")[0].value, d("-0.60"));
        // A growth rate stays a growth; a rate that moves is a change.
        assert_eq!(figs("增长率为5.2%")[0].kind, Kind::Growth);
        assert_eq!(figs("城镇化率提高0.9个百分点")[0].kind, Kind::Points);
    }
}
