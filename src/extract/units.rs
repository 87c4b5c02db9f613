//! The vocabulary after a number: units and counters, and what kind of figure each makes.
//!
//! Matching is longest-first, so `千瓦时` wins over `千` and `个百分点` over `个`.

use crate::text::fxhash::FxHashMap;
use crate::text::words;
use std::sync::OnceLock;

/// What a unit says about the figure it follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitClass {
    /// Money or a measure: 元, 吨, 千瓦时 …
    Measure,
    /// A counter: 个, 家, 户 …
    Counter,
    /// A span of time: 个月, 年, 天 … (a date when it names a calendar year, month or day)
    Time,
    /// Age: `65岁` classifies people rather than measuring anything.
    Age,
    Percent,
    PerMille,
    /// `成`: tenths, read as a percentage.
    Tenth,
    Points,
    Multiple,
}

/// (unit as printed, unit reported, class). Longest entries first within a shared prefix.
const UNITS: &[(&str, &str, UnitClass)] = &[
    ("个百分点", "个百分点", UnitClass::Points),
    ("百分点", "个百分点", UnitClass::Points),
    ("千分点", "千分点", UnitClass::Points),
    ("个季度", "个季度", UnitClass::Time),
    ("个月", "个月", UnitClass::Time),
    ("万千瓦时", "千瓦时", UnitClass::Measure),
    ("千瓦时", "千瓦时", UnitClass::Measure),
    ("千瓦", "千瓦", UnitClass::Measure),
    ("兆瓦", "兆瓦", UnitClass::Measure),
    ("吉瓦", "吉瓦", UnitClass::Measure),
    ("摄氏度", "摄氏度", UnitClass::Measure),
    ("平方公里", "平方公里", UnitClass::Measure),
    ("平方米", "平方米", UnitClass::Measure),
    ("立方米", "立方米", UnitClass::Measure),
    ("公里", "公里", UnitClass::Measure),
    ("千米", "千米", UnitClass::Measure),
    ("公顷", "公顷", UnitClass::Measure),
    ("公斤", "公斤", UnitClass::Measure),
    ("千克", "千克", UnitClass::Measure),
    ("标箱", "标箱", UnitClass::Measure),
    ("美元", "美元", UnitClass::Measure),
    ("欧元", "欧元", UnitClass::Measure),
    ("港元", "港元", UnitClass::Measure),
    ("日元", "日元", UnitClass::Measure),
    ("澳门元", "澳门元", UnitClass::Measure),
    ("新台币", "新台币", UnitClass::Measure),
    ("韩元", "韩元", UnitClass::Measure),
    ("卢布", "卢布", UnitClass::Measure),
    ("澳元", "澳元", UnitClass::Measure),
    ("盎司", "盎司", UnitClass::Measure),
    ("英镑", "英镑", UnitClass::Measure),
    ("元", "元", UnitClass::Measure),
    ("吨", "吨", UnitClass::Measure),
    ("斤", "斤", UnitClass::Measure),
    ("亩", "亩", UnitClass::Measure),
    ("升", "升", UnitClass::Measure),
    ("桶", "桶", UnitClass::Measure),
    ("微克/立方米", "微克/立方米", UnitClass::Measure),
    ("毫米", "毫米", UnitClass::Measure),
    ("厘米", "厘米", UnitClass::Measure),
    ("℃", "℃", UnitClass::Measure),
    ("米", "米", UnitClass::Measure),
    ("克", "克", UnitClass::Measure),
    ("人次", "人次", UnitClass::Counter),
    ("位数", "位数", UnitClass::Counter),
    ("个", "个", UnitClass::Counter),
    ("家", "家", UnitClass::Counter),
    ("户", "户", UnitClass::Counter),
    ("座", "座", UnitClass::Counter),
    ("张", "张", UnitClass::Counter),
    ("株", "株", UnitClass::Counter),
    ("处", "处", UnitClass::Counter),
    ("项", "项", UnitClass::Counter),
    ("人", "人", UnitClass::Counter),
    ("名", "名", UnitClass::Counter),
    ("票", "票", UnitClass::Counter),
    // Seats in a legislature or council: `获得13席`.
    ("席", "席", UnitClass::Counter),
    ("辆", "辆", UnitClass::Counter),
    ("台", "台", UnitClass::Counter),
    ("套", "套", UnitClass::Counter),
    ("件", "件", UnitClass::Counter),
    ("只", "只", UnitClass::Counter),
    ("头", "头", UnitClass::Counter),
    ("份", "份", UnitClass::Counter),
    ("所", "所", UnitClass::Counter),
    ("条", "条", UnitClass::Counter),
    ("场", "场", UnitClass::Counter),
    ("批", "批", UnitClass::Counter),
    ("款", "款", UnitClass::Counter),
    ("种", "种", UnitClass::Counter),
    ("架", "架", UnitClass::Counter),
    ("艘", "艘", UnitClass::Counter),
    ("部", "部", UnitClass::Counter),
    ("篇", "篇", UnitClass::Counter),
    ("起", "起", UnitClass::Counter),
    ("宗", "宗", UnitClass::Counter),
    ("例", "例", UnitClass::Counter),
    ("栋", "栋", UnitClass::Counter),
    ("枚", "枚", UnitClass::Counter),
    ("块", "块", UnitClass::Counter),
    ("颗", "颗", UnitClass::Counter),
    ("列", "列", UnitClass::Counter),
    ("次", "次", UnitClass::Counter),
    ("省", "省", UnitClass::Counter),
    ("国", "国", UnitClass::Counter),
    ("大", "个", UnitClass::Counter),
    ("季度", "季度", UnitClass::Time),
    ("小时", "小时", UnitClass::Time),
    ("分钟", "分钟", UnitClass::Time),
    ("年", "年", UnitClass::Time),
    ("月", "月", UnitClass::Time),
    ("日", "日", UnitClass::Time),
    ("天", "天", UnitClass::Time),
    ("周", "周", UnitClass::Time),
    ("周岁", "岁", UnitClass::Age),
    ("岁", "岁", UnitClass::Age),
    ("%", "%", UnitClass::Percent),
    ("‰", "‰", UnitClass::PerMille),
    ("成", "%", UnitClass::Tenth),
    ("倍", "倍", UnitClass::Multiple),
];

/// A unit matched at the start of a text.
#[derive(Clone, Copy, Debug)]
pub struct UnitMatch {
    /// Bytes of the unit as printed.
    pub len: usize,
    /// The unit as reported (`百分点` reports `个百分点`).
    pub name: &'static str,
    pub class: UnitClass,
    /// `万千瓦时` carries its own magnitude.
    pub ten_thousand: bool,
}

/// The longest unit at the start of `s`.
pub fn unit_at(s: &str) -> Option<UnitMatch> {
    units_starting(s.chars().next()?)
        .iter()
        .map(|&i| &UNITS[i])
        .filter(|(printed, _, _)| words::starts_with(s, printed))
        .max_by_key(|(printed, _, _)| printed.len())
        .map(|&(printed, name, class)| UnitMatch {
            len: printed.len(),
            name,
            class,
            ten_thousand: printed == "万千瓦时",
        })
}

/// The units that start with `c`, in the order of [`UNITS`]: the text after a number is
/// compared with those alone, not with every unit.
fn units_starting(c: char) -> &'static [usize] {
    static INDEX: OnceLock<FxHashMap<char, Vec<usize>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (i, (printed, _, _)) in UNITS.iter().enumerate() {
            if let Some(first) = printed.chars().next() {
                index.entry(first).or_default().push(i);
            }
        }
        index
    });
    index.get(&c).map_or(&[], Vec::as_slice)
}

/// Counters that a Chinese numeral may stand before; `一` alone counts only before a few.
pub fn chinese_numeral_may_precede(class: UnitClass) -> bool {
    !matches!(class, UnitClass::Percent | UnitClass::PerMille)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_units_by_first_character_find_what_all_the_units_find() {
        let by_all = |s: &str| {
            UNITS
                .iter()
                .filter(|(printed, _, _)| s.starts_with(printed))
                .max_by_key(|(printed, _, _)| printed.len())
                .map(|&(printed, name, _)| (printed.len(), name))
        };
        let tails = ["", "，", "元", "的", "%。", "多万", "亿元以上"];
        for (printed, _, _) in UNITS {
            let cut: String = printed.chars().take(1).collect();
            for tail in tails {
                for s in [format!("{printed}{tail}"), format!("{cut}{tail}")] {
                    let found = unit_at(&s).map(|u| (u.len, u.name));
                    assert_eq!(found, by_all(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn longest_unit_wins() {
        assert_eq!(unit_at("个百分点，").unwrap().name, "个百分点");
        assert_eq!(unit_at("个工业").unwrap().name, "个");
        assert_eq!(unit_at("千瓦时的").unwrap().name, "千瓦时");
        assert!(unit_at("世纪").is_none());
    }
}
