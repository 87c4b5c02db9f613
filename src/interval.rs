//! Closed intervals of exact decimals: what a printed figure can stand for.
//!
//! A printed `56.5` is every value that rounds to it, [56.45, 56.55]; `超过800` is (800, ∞).
//! Arithmetic on intervals is what turns "the text says 56.5 + 27.1 + 16.4" into a verdict that
//! respects rounding without any tuned epsilon. A bound of `None` is open (−∞ or +∞). This module
//! knows nothing about text or units.

use rust_decimal::Decimal;
use std::fmt;

/// A closed interval [lo, hi]; `None` on either side means unbounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Option<Decimal>,
    pub hi: Option<Decimal>,
}

impl Interval {
    pub fn new(lo: Option<Decimal>, hi: Option<Decimal>) -> Self {
        Interval { lo, hi }
    }

    /// A single exact value.
    pub fn exact(v: Decimal) -> Self {
        Interval::new(Some(v), Some(v))
    }

    /// The interval of values that print as `v` with `v`'s own number of decimals:
    /// `56.5` → [56.45, 56.55], `5455` → [5454.5, 5455.5].
    pub fn rounded(v: Decimal) -> Self {
        let half = Decimal::new(5, v.scale() + 1);
        Interval::new(Some(v - half), Some(v + half))
    }

    pub fn unbounded() -> Self {
        Interval::new(None, None)
    }

    /// The midpoint, or the finite bound when only one is known.
    pub fn mid(&self) -> Option<Decimal> {
        match (self.lo, self.hi) {
            (Some(a), Some(b)) => Some((a + b) / Decimal::TWO),
            (Some(a), None) | (None, Some(a)) => Some(a),
            (None, None) => None,
        }
    }

    pub fn scale(&self, factor: Decimal) -> Self {
        // An overflow leaves the bound open: wider is always the safe reading.
        let (a, b) = (
            self.lo.and_then(|x| x.checked_mul(factor)),
            self.hi.and_then(|x| x.checked_mul(factor)),
        );
        if factor.is_sign_negative() {
            Interval::new(b, a)
        } else {
            Interval::new(a, b)
        }
    }

    pub fn add(&self, o: &Interval) -> Interval {
        Interval::new(
            self.lo.zip(o.lo).and_then(|(a, b)| a.checked_add(b)),
            self.hi.zip(o.hi).and_then(|(a, b)| a.checked_add(b)),
        )
    }

    pub fn neg(&self) -> Interval {
        Interval::new(self.hi.map(|x| -x), self.lo.map(|x| -x))
    }

    pub fn sub(&self, o: &Interval) -> Interval {
        self.add(&o.neg())
    }

    pub fn mul(&self, o: &Interval) -> Interval {
        // Products of the four corners; an open bound anywhere makes the result open unless the
        // other factor is exactly zero, which we do not special-case: open is the safe answer.
        let corners = [
            (self.lo, o.lo),
            (self.lo, o.hi),
            (self.hi, o.lo),
            (self.hi, o.hi),
        ];
        let mut products = [Decimal::ZERO; 4];
        for (p, (a, b)) in products.iter_mut().zip(corners) {
            match a.zip(b).and_then(|(a, b)| a.checked_mul(b)) {
                Some(x) => *p = x,
                None => return Interval::unbounded(),
            }
        }
        Interval::new(
            products.iter().min().copied(),
            products.iter().max().copied(),
        )
    }

    /// Whether zero lies between two known bounds: a printed `0` or `0.0`, or a difference of
    /// figures that may be nothing. (An open interval is unknown, not zero.)
    pub fn may_be_zero(&self) -> bool {
        matches!((self.lo, self.hi), (Some(l), Some(h)) if l <= Decimal::ZERO && h >= Decimal::ZERO)
    }

    pub fn div(&self, o: &Interval) -> Interval {
        match (o.lo, o.hi) {
            (Some(a), Some(b)) if a > Decimal::ZERO || b < Decimal::ZERO => {
                let recip = Interval::new(Decimal::ONE.checked_div(b), Decimal::ONE.checked_div(a));
                self.mul(&recip)
            }
            // A divisor that may be zero or is unbounded tells us nothing.
            _ => Interval::unbounded(),
        }
    }

    /// `==` on intervals: the two can stand for the same value.
    pub fn overlaps(&self, o: &Interval) -> bool {
        let below = matches!((self.hi, o.lo), (Some(h), Some(l)) if h < l);
        let above = matches!((self.lo, o.hi), (Some(l), Some(h)) if l > h);
        !below && !above
    }

    /// `<=` on intervals: some value of `self` is at most some value of `o`.
    pub fn can_be_le(&self, o: &Interval) -> bool {
        match (self.lo, o.hi) {
            (Some(l), Some(h)) => l <= h,
            _ => true,
        }
    }

    /// How far `self` lies above `o` when it cannot be at most `o` (for messages).
    pub fn excess_over(&self, o: &Interval) -> Option<Decimal> {
        match (self.lo, o.hi) {
            (Some(l), Some(h)) if l > h => Some(l - h),
            _ => None,
        }
    }

    /// The gap between two intervals that do not overlap.
    pub fn gap(&self, o: &Interval) -> Option<Decimal> {
        match (self.lo, self.hi, o.lo, o.hi) {
            (_, Some(h), Some(l), _) if h < l => Some(l - h),
            (Some(l), _, _, Some(h)) if l > h => Some(l - h),
            _ => None,
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |d: Option<Decimal>, open: &str| match d {
            Some(d) => d.normalize().to_string(),
            None => open.to_string(),
        };
        write!(f, "[{}, {}]", show(self.lo, "-∞"), show(self.hi, "∞"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn printed_precision_sets_the_width() {
        let i = Interval::rounded(d("56.5"));
        assert_eq!(i.lo, Some(d("56.45")));
        assert_eq!(i.hi, Some(d("56.55")));
        let j = Interval::rounded(d("5455"));
        assert_eq!((j.lo, j.hi), (Some(d("5454.5")), Some(d("5455.5"))));
    }

    #[test]
    fn shares_that_round_to_one_hundred_agree_with_it() {
        let sum = ["56.5", "27.1", "16.4"]
            .iter()
            .map(|s| Interval::rounded(d(s)))
            .fold(Interval::exact(Decimal::ZERO), |a, b| a.add(&b));
        assert!(sum.overlaps(&Interval::exact(d("100"))));
        let bad = sum.add(&Interval::exact(d("3")));
        assert!(!bad.can_be_le(&Interval::exact(d("100"))));
    }

    #[test]
    fn ratio_of_rounded_amounts_brackets_the_printed_share() {
        let r = Interval::rounded(d("5700.2"))
            .div(&Interval::rounded(d("10089.2")))
            .scale(d("100"));
        assert!(r.overlaps(&Interval::rounded(d("56.5"))));
        assert!(!r.overlaps(&Interval::rounded(d("57.5"))));
    }

    #[test]
    fn open_bounds_never_prove_a_contradiction() {
        let above_800 = Interval::new(Some(d("800")), None);
        assert!(!above_800.can_be_le(&Interval::exact(d("700"))));
        assert!(above_800.overlaps(&Interval::exact(d("5000"))));
        let unknown = Interval::unbounded();
        assert!(unknown
            .div(&Interval::new(Some(d("-1")), Some(d("1"))))
            .lo
            .is_none());
    }
}
