//! The figure: one number of the draft with its unit, kind and the interval it stands for.

use crate::interval::Interval;
use rust_decimal::Decimal;
use serde::Serialize;
use std::ops::Range;

/// What a figure is. The names are the JSON contract's `kind` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A quantity with a unit of measure or money: `10089.2亿元`, `800万吨`.
    Amount,
    /// A number of things: `28个`, `53766家`.
    Count,
    /// A part of a whole: `占…的56.5%`, `比重为37.3%`.
    Share,
    /// A rate of change: `增长2.6%`, `下降8.0%` (negative).
    Growth,
    /// A change of a rate: `提升1.2个百分点`.
    Points,
    /// `增长40.9倍`.
    Multiple,
    /// A calendar point: `2023年11月底`, `1月19日`.
    Date,
    /// A span of time: `连续8个月`, `连续15年`.
    Duration,
    /// `15摄氏度至25摄氏度`, `16-59岁`.
    Range,
    /// A number with no unit: an index, a ratio, a table cell.
    Number,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Amount => "amount",
            Kind::Count => "count",
            Kind::Share => "share",
            Kind::Growth => "growth",
            Kind::Points => "points",
            Kind::Multiple => "multiple",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Range => "range",
            Kind::Number => "number",
        }
    }

    pub fn from_name(s: &str) -> Option<Kind> {
        Some(match s {
            "amount" => Kind::Amount,
            "count" => Kind::Count,
            "share" => Kind::Share,
            "growth" => Kind::Growth,
            "points" => Kind::Points,
            "multiple" => Kind::Multiple,
            "date" => Kind::Date,
            "duration" => Kind::Duration,
            "range" => Kind::Range,
            "number" => Kind::Number,
            _ => return None,
        })
    }
}

/// A word that widens a figure: `超过800万吨` is above 800, `近5.5万吨` a little under 5.5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 超过 逾 突破 以上: above the printed value.
    Above,
    /// 不到 不足 以下: below it.
    Below,
    /// 近 接近 将近: a little under it.
    Nearly,
    /// 约 左右: around it.
    About,
    /// 余 多: the printed value up to the next step of its last digit.
    Plus,
}

/// The tags a figure may carry, as rule files spell them (`"tags": ["rate-change"]`).
pub mod tag {
    /// A rate said to move by `%` (`比重提升1.2%`), where `个百分点` is meant.
    pub const RATE_CHANGE: &str = "rate-change";
    /// A proportion of no whole stated beside it: a rate of the thing named (`城镇化率为66.16%`,
    /// `出生率为10.5‰`) or tenths of an unnamed whole (`三成受访者`). Never summed with shares.
    pub const RATE: &str = "rate";
    /// A change of a level that is or was below zero (`净利润为-1.05亿元，同比下降192.96%`,
    /// a loss): such a level may fall by more than all of it.
    pub const SIGNED_LEVEL: &str = "signed-level";
    /// A share of the people a survey asked (`62.4%的受访者`): at most 100%, though a rate.
    pub const OF_RESPONDENTS: &str = "of-respondents";
    /// Every tag, for checking rule files.
    pub const ALL: &[&str] = &[RATE_CHANGE, RATE, SIGNED_LEVEL, OF_RESPONDENTS];
}

/// One number of the draft.
#[derive(Clone, Debug)]
pub struct Figure {
    /// Byte range in the original text (end exclusive).
    pub span: Range<usize>,
    /// Byte range in the normalized text.
    pub norm: Range<usize>,
    /// The normalized text of the figure (`10089.2亿元`).
    pub text: String,
    pub kind: Kind,
    /// The printed number times its magnitude, in the base unit; negative for a decline.
    pub value: Decimal,
    /// The number as printed, with the sign of a decline: `10089.2`, `-8.0`.
    pub printed: Decimal,
    /// What the printed number is multiplied by to reach `value` (its magnitude): 10⁸ for `亿`.
    pub factor: Decimal,
    /// The values the printed figure can stand for, in the base unit.
    pub interval: Interval,
    /// The unit without magnitude: `元`, `%`, `个`; empty for a bare number.
    pub unit: &'static str,
    /// The magnitude as printed (`亿`), for display.
    pub magnitude: Option<&'static str>,
    pub qualifier: Option<Qualifier>,
    /// Calendar value of a date: `2023`, `2023-11`, `2023-11-30`.
    pub date: Option<String>,
    /// The figure names a class, not a measure: `65岁及以上人口`, `65%以上的省份`.
    pub attributive: bool,
    /// The figure runs on into a noun phrase (`欧盟28国对华投资`, `十大重点行业`): the phrase
    /// is one label, not cut at the number.
    pub in_phrase: bool,
    /// Marks for rules and groupers, from [`tag`]: `rate-change`, `rate`.
    pub tags: Vec<&'static str>,
    /// The figure is a change of a level (`增加3.2万户`), not the level.
    pub delta: bool,
}

impl Figure {
    /// The figure as an editor would read it back: `5455亿元`, `56.5%`, `-8.0%`.
    pub fn display(&self) -> String {
        self.text.clone()
    }
}
