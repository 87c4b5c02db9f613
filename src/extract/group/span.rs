//! Spans of time given by both ends and their length: `1月13日开始，2月21日结束，共40天`,
//! `1月7日至2月15日，共40天`, `2012年到2022年十年间`. The length the ends give is stated in
//! words as the group's `elapsed`, so that a rule compares it with the printed length.
//!
//! Both ends must be dates of one sentence, joined only by the words of
//! `lexicon/span-words.json` (`至`, `开始…结束`), and the length must follow the second end
//! with nothing but those words between (`共`, `历时`, `这`). Days are counted with both ends
//! or with one end: a reader may say either, so either is no contradiction; a year not printed
//! may be a leap year. Years are `A年到B年` with the length closed by `间`/`来`/`里`.

use super::{full_sentence_end, member, Group, GroupKind, Role, Synthetic};
use crate::extract::fact::Fact;
use crate::extract::figure::Kind;
use crate::interval::Interval;
use crate::lexicon::{self, List};
use crate::text::Text;
use rust_decimal::Decimal;

/// Whether `s` is made only of span words whose tags are in `tags` (and commas), and which
/// tags it used.
fn only_span_words(s: &str, tags: &[&str]) -> Option<Vec<&'static str>> {
    let words = lexicon::get().tagged(List::SpanWords);
    let mut rest = s;
    let mut used = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix(['，', ',', ' ']) {
            rest = r;
            continue;
        }
        let (w, tag) = words
            .iter()
            .filter(|(w, t)| rest.starts_with(*w) && tags.contains(t))
            .max_by_key(|(w, _)| w.len())?;
        used.push(*tag);
        rest = &rest[w.len()..];
    }
    Some(used)
}

/// Days from 0000-03-01 in the proleptic Gregorian calendar (after Howard Hinnant's
/// `days_from_civil`), so that the days between two dates is a subtraction.
fn day_number(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

/// `2017-01-13` or `--01-13` as (year if printed, month, day).
fn day(date: &str) -> Option<(Option<i64>, i64, i64)> {
    let (y, md) = match date.strip_prefix("--") {
        Some(md) => (None, md),
        None => {
            let (y, md) = date.split_once('-')?;
            (Some(y.parse().ok()?), md)
        }
    };
    let (m, d) = md.split_once('-')?;
    let (m, d): (i64, i64) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// The days from `a` to `b`: the fewest (one end counted) and the most (both ends counted,
/// in a leap year when the year is not printed).
fn days_between(a: &str, b: &str) -> Option<(i64, i64)> {
    let ((ya, ma, da), (yb, mb, db)) = (day(a)?, day(b)?);
    // A year not printed: try a plain year, the one before a leap year and a leap year.
    let years: Vec<i64> = match ya.or(yb) {
        Some(y) => vec![y],
        None => vec![2001, 2003, 2004],
    };
    let mut spans = years.iter().map(|&y| {
        let ya = ya.unwrap_or(y);
        // `12月25日至1月5日`: an end before its start in the calendar runs into the next year.
        let yb = yb.unwrap_or(if (mb, db) < (ma, da) { ya + 1 } else { ya });
        day_number(yb, mb, db) - day_number(ya, ma, da)
    });
    let first = spans.next()?;
    let (lo, hi) = spans.fold((first, first), |(lo, hi), s| (lo.min(s), hi.max(s)));
    (lo > 0).then_some((lo, hi + 1))
}

/// A year printed alone: `2012`.
fn year(date: &str) -> Option<i64> {
    (date.len() == 4).then(|| date.parse().ok()).flatten()
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let t = text.as_str();
    let mut out = Vec::new();
    for (d, dur) in facts.iter().enumerate() {
        if dur.figure.kind != Kind::Duration || d < 2 {
            continue;
        }
        let (a, b) = (d - 2, d - 1);
        let (fa, fb) = (&facts[a].figure, &facts[b].figure);
        let (Some(da), Some(db)) = (fa.date.as_deref(), fb.date.as_deref()) else {
            continue;
        };
        if fa.kind != Kind::Date
            || fb.kind != Kind::Date
            || full_sentence_end(text, fa.norm.start)
                != full_sentence_end(text, dur.figure.norm.start)
        {
            continue;
        }
        let ab = &t[fa.norm.end..fb.norm.start];
        let bd = &t[fb.norm.end..dur.figure.norm.start];
        let span = match dur.figure.unit {
            "天" => {
                let (Some(ab), Some(bd)) = (
                    only_span_words(ab, &["start", "to"]),
                    only_span_words(bd, &["stop", "total"]),
                ) else {
                    continue;
                };
                let joined = ab.contains(&"to") || (ab.contains(&"start") && bd.contains(&"stop"));
                if !joined || !bd.contains(&"total") {
                    continue;
                }
                days_between(da, db)
            }
            "年" => {
                let after = &t[dur.figure.norm.end..];
                let closed = lexicon::get()
                    .tagged(List::SpanWords)
                    .iter()
                    .any(|(w, tag)| *tag == "closer" && after.starts_with(w));
                let joined = only_span_words(ab, &["to"]).is_some_and(|u| u == ["to"]);
                if !closed || !joined || only_span_words(bd, &["this"]).is_none() {
                    continue;
                }
                match (year(da), year(db)) {
                    (Some(ya), Some(yb)) if yb > ya => Some((yb - ya, yb - ya + 1)),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some((lo, hi)) = span else {
            continue;
        };
        let (o_start, o_end) = text.original_range(fa.norm.start, fb.norm.end);
        let mut g = Group::new(
            GroupKind::Span,
            vec![
                member(a, Role::Start),
                member(b, Role::End),
                member(d, Role::Duration),
            ],
        );
        g.extra.push(Synthetic {
            name: "elapsed",
            value: Interval::new(Some(Decimal::from(lo)), Some(Decimal::from(hi))),
            span: o_start..o_end,
            note: format!(
                "{lo} to {hi}{} from {} to {}",
                dur.figure.unit, fa.text, fb.text
            ),
        });
        out.push(g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;
    use super::days_between;

    #[test]
    fn days_count_one_end_or_both_and_a_leap_day_when_no_year_is_printed() {
        assert_eq!(days_between("--03-01", "--03-10"), Some((9, 10)));
        assert_eq!(days_between("--02-20", "--03-01"), Some((9, 11)));
        assert_eq!(days_between("2023-02-20", "2023-03-01"), Some((9, 10)));
        assert_eq!(days_between("--12-25", "--01-05"), Some((11, 12)));
    }

    #[test]
    fn a_span_of_days_joins_its_ends_and_its_length() {
        let g = groups_of("今年暑运7月1日开始，8月31日结束，共62天。", GroupKind::Span);
        assert_eq!(g.len(), 1, "{g:?}");
        let g = groups_of("展会于5月3日至5月9日举行，共7天。", GroupKind::Span);
        assert!(
            g.is_empty(),
            "words other than span words stand between: {g:?}"
        );
        let g = groups_of("展会5月3日至5月9日，历时7天。", GroupKind::Span);
        assert_eq!(g.len(), 1, "{g:?}");
    }

    #[test]
    fn a_span_of_years_needs_its_closer() {
        let g = groups_of(
            "2013年至2022年这十年间，全县人口稳步增长。",
            GroupKind::Span,
        );
        assert_eq!(g.len(), 1, "{g:?}");
        let g = groups_of("2013年至2022年十年增长一倍。", GroupKind::Span);
        assert!(g.is_empty(), "{g:?}");
    }
}
