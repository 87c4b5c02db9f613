//! How the figures of a finding are shown in its arithmetic: one magnitude per unit (`亿元`,
//! `万亿元`, `%`), chosen as the one most figures of that unit were printed in, so that the
//! arithmetic reads like the draft.

use super::expr::Term;
use crate::extract::{Fact, Kind, Synthetic};
use crate::interval::Interval;
use crate::text::fxhash::FxHashMap;
use rust_decimal::Decimal;

pub struct Display {
    /// Per unit: the factor figures are divided by, and the suffix shown.
    per_unit: FxHashMap<&'static str, (Decimal, String)>,
}

/// `2023-11` as a month count, so that month arithmetic is subtraction.
fn month_index(date: &str) -> Option<Decimal> {
    let (y, m) = date.split_once('-')?;
    let (y, m): (i64, i64) = (y.parse().ok()?, m.get(..2)?.parse().ok()?);
    Some(Decimal::from(y * 12 + m))
}

/// A magnitude seen among the figures of one unit: (factor, how many, its word).
type Magnitude = (Decimal, usize, Option<&'static str>);

impl Display {
    pub fn new(facts: &[&Fact]) -> Display {
        let mut counts: FxHashMap<&'static str, Vec<Magnitude>> = FxHashMap::default();
        for f in facts {
            let c = counts.entry(f.figure.unit).or_default();
            match c.iter_mut().find(|c| c.0 == f.figure.factor) {
                Some(c) => c.1 += 1,
                None => c.push((f.figure.factor, 1, f.figure.magnitude)),
            }
        }
        let per_unit = counts
            .into_iter()
            .map(|(unit, c)| {
                let (factor, _, mag) = c
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
                    .unwrap_or((Decimal::ONE, 0, None));
                (unit, (factor, format!("{}{}", mag.unwrap_or(""), unit)))
            })
            .collect();
        Display { per_unit }
    }

    fn of(&self, unit: &str) -> (Decimal, String) {
        self.per_unit
            .get(unit)
            .cloned()
            .unwrap_or((Decimal::ONE, unit.to_string()))
    }

    pub fn term(&self, fact: &Fact, growth: Option<Interval>) -> Term {
        let f = &fact.figure;
        if f.kind == Kind::Date {
            if let Some(i) = f.date.as_deref().and_then(month_index) {
                return Term {
                    interval: Interval::exact(i),
                    shown: f.date.clone().unwrap_or_default(),
                    decimals: 0,
                    unit: String::new(),
                    factor: Decimal::ONE,
                    growth: None,
                };
            }
        }
        let (factor, unit) = self.of(f.unit);
        let shown_value = if f.factor == factor {
            f.printed
        } else {
            f.value.checked_div(factor).unwrap_or(f.value).normalize()
        };
        Term {
            interval: f
                .interval
                .scale(Decimal::ONE.checked_div(factor).unwrap_or(Decimal::ONE)),
            shown: shown_value.to_string(),
            decimals: shown_value.scale(),
            unit,
            factor,
            growth,
        }
    }

    /// A value stated in words (`the 5 items before 分别`).
    pub fn synthetic(s: &Synthetic) -> Term {
        Term {
            interval: s.value,
            shown: match (s.value.lo, s.value.hi) {
                (Some(a), Some(b)) if a != b => format!("{a} or {b}"),
                (Some(a), _) => a.to_string(),
                _ => String::new(),
            },
            decimals: 0,
            unit: String::new(),
            factor: Decimal::ONE,
            growth: None,
        }
    }
}
