//! Counts in bands that cut one axis: `31个省份中，比重在65%以上的省份有13个，在60%—65%之间的有
//! 17个，在60%以下的有3个`. Bands that meet end to end (`65%以上`, `60%—65%`, `60%以下`)
//! share no member, so their counts are parts of the class named before `中`: a `part-of`
//! group, which `parts-within-whole` checks.
//!
//! A band is a classifying figure (`65%以上的省份`) before the count in its clause: a figure
//! above or below a mark, or a range. Bands are taken only when they tile one stretch of the
//! axis without gaps or overlaps, each ending where the next begins: two cuts of different
//! axes (`城镇化率70%以上…老龄化率10%以下…`) would not tile, save by chance of the printed marks.

use super::{full_sentence_end, member, Group, GroupKind, Role};
use crate::extract::fact::Fact;
use crate::extract::figure::{Kind, Qualifier};
use crate::lexicon::{self, List};
use crate::text::Text;
use rust_decimal::Decimal;

/// The longest class noun read before `中`, in characters (`实现收入的税种`).
const MAX_NOUN: usize = 12;

/// The stretch a band covers, as printed: `None` for an open end.
type Band = (Option<Decimal>, Option<Decimal>);

fn band(f: &Fact) -> Option<Band> {
    let fig = &f.figure;
    if !fig.attributive {
        return None;
    }
    match (fig.kind, fig.qualifier) {
        (Kind::Range, None) => {
            let half = fig.printed - fig.interval.lo?;
            Some((Some(fig.printed), Some(fig.interval.hi? - half)))
        }
        (_, Some(Qualifier::Above)) => Some((Some(fig.printed), None)),
        (_, Some(Qualifier::Below)) => Some((None, Some(fig.printed))),
        _ => None,
    }
}

/// True when the bands, lowest first, each end where the next begins.
fn tile(bands: &mut [(Band, &'static str)]) -> bool {
    if bands.iter().any(|(_, u)| *u != bands[0].1) {
        return false;
    }
    bands.sort_by_key(|b| b.0 .0);
    bands.windows(2).all(|w| match (w[0].0 .1, w[1].0 .0) {
        (Some(hi), Some(lo)) => hi == lo,
        _ => false,
    })
}

pub fn groups(text: &Text, facts: &[Fact]) -> Vec<Group> {
    let t = text.as_str();
    let openers = lexicon::get().words(List::ClassOpeners);
    let mut out = Vec::new();
    for (w, whole) in facts.iter().enumerate() {
        if whole.figure.kind != Kind::Count || whole.figure.attributive {
            continue;
        }
        // `31个省份中，`: the class, a plain noun, then an opener of `lexicon/class-openers.json`.
        let rest = &t[whole.figure.norm.end..];
        // The noun is short: look for `中` within its reach only, so that a long run of counts
        // (a table) is not searched to its end for each count.
        let reach: usize = rest.chars().take(MAX_NOUN + 1).map(char::len_utf8).sum();
        let Some(zhong) = rest[..reach].find('中') else {
            continue;
        };
        let noun = &rest[..zhong];
        let plain = !noun.is_empty()
            && noun.chars().count() <= MAX_NOUN
            && noun
                .chars()
                .all(|c| c.is_alphanumeric() && !c.is_ascii_digit());
        let opens = openers.iter().any(|m| rest[zhong..].starts_with(m));
        if !plain || !opens {
            continue;
        }
        let end = full_sentence_end(text, whole.figure.norm.start);
        let mut parts = Vec::new();
        let mut bands = Vec::new();
        let mut pending: Option<(Band, &'static str)> = None;
        for (i, f) in facts.iter().enumerate().skip(w + 1) {
            if f.figure.norm.start >= end {
                break;
            }
            if let Some(b) = band(f) {
                pending = Some((b, f.figure.unit));
                continue;
            }
            if f.figure.kind != Kind::Count {
                continue;
            }
            let Some(b) = pending.take() else { break };
            if f.figure.unit != whole.figure.unit {
                break;
            }
            parts.push(member(i, Role::Part));
            bands.push(b);
        }
        if parts.len() < 2 || !tile(&mut bands) {
            continue;
        }
        let mut members = vec![member(w, Role::Whole)];
        members.extend(parts);
        out.push(Group::new(GroupKind::PartOf, members));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::groups_of;
    use super::super::GroupKind;

    #[test]
    fn bands_that_tile_an_axis_are_parts_of_the_class() {
        let g = groups_of(
            "全省21个县中，森林覆盖率在50%以上的县有6个，在30%—50%之间的有9个，在30%以下的有6个。",
            GroupKind::PartOf,
        );
        assert_eq!(
            g,
            vec![vec!["whole:21个", "part:6个", "part:9个", "part:6个"]],
            "{g:?}"
        );
    }

    #[test]
    fn bands_of_two_axes_or_with_gaps_are_not_summed() {
        let g = groups_of(
            "全省21个县中，森林覆盖率在50%以上的县有16个，人口增长率在3%以下的有9个。",
            GroupKind::PartOf,
        );
        assert!(g.is_empty(), "{g:?}");
    }
}
