//! Tables, read as tables: every number cell becomes a fact with an identity (its row's label,
//! its column's unit, kind and period), and the table's shape becomes groups the rules check.
//!
//! The prose reader never sees a table it can read: those lines are blanked (byte for byte, so
//! offsets hold) before the text is normalized, and their cells come back as facts built here.
//! A table hedui cannot read with confidence is left to the prose reader as before.
//!
//! Forms read: pipe rows (`a | b | c |`), tab-separated rows, space-aligned rows ending in two
//! numbers or more. Not read: merged header cells, headers over several lines that do not split
//! into one name per column, tables delivered one cell per line.

mod cells;
mod groups;
mod lines;
mod read;
mod same;
mod structure;

pub use read::{RowKind, Table};

use crate::extract::fact::Fact;
use crate::extract::group::Group;
use crate::text::Text;

/// The tables of a draft, read from its original text.
pub fn find(original: &str) -> Vec<Table> {
    let ls = lines::lines(original);
    read::tables(original, &ls)
}

/// The paragraph a table stands in: the prose before it (the sentence that introduces it, its
/// caption). The table is blanked out of the prose, so its place in the normalized text is
/// where the next paragraph starts, and that may open the next article.
pub fn paragraph_of(text: &Text, table: &Table) -> usize {
    let at = text.norm.normalized_offset(table.range.start);
    text.structure.paragraph_at(at.saturating_sub(1))
}

/// The lines of `tables` (header and rows), sorted: the prose reader reads them as blank
/// lines (see [`crate::text::Text::blanked`]).
pub fn lines_of(tables: &[Table]) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    for t in tables {
        // Header lines above the first row go with the table.
        if let Some(first) = t.rows.first() {
            lines.push(t.range.start..first.line.start);
        }
        lines.extend(t.rows.iter().map(|r| r.line.clone()));
    }
    lines.sort_by_key(|r| r.start);
    lines
}

/// The draft with the lines of `tables` blanked out, same length byte for byte: what
/// [`lines_of`] has the prose reader see, written out (for tests).
#[cfg(test)]
pub fn blank(original: &str, tables: &[Table]) -> String {
    let mut bytes = original.as_bytes().to_vec();
    for t in tables {
        for r in &t.rows {
            for b in &mut bytes[r.line.clone()] {
                *b = b' ';
            }
        }
        // Header lines above the first row go with the table.
        if let Some(first) = t.rows.first() {
            for b in &mut bytes[t.range.start..first.line.start] {
                if *b != b'\n' && *b != b'\r' {
                    *b = b' ';
                }
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| original.to_string())
}

/// Appends the facts of every table cell to `facts`, and returns the groups the tables call for
/// (including a table's figures against the same measure in the prose).
pub fn facts_and_groups(text: &Text, tables: &[Table], facts: &mut Vec<Fact>) -> Vec<Group> {
    let prose = facts.len();
    let mut out = Vec::new();
    let mut named = Vec::new();
    for (ti, t) in tables.iter().enumerate() {
        let (parents, found) = structure::read(t);
        // Columns the arithmetic shows to be rates are read as shares.
        let rated = groups::rate_columns(t);
        let mut t = t.clone();
        for &(s, ..) in &rated {
            t.columns[s].kind = read::ColumnKind::Share;
            t.columns[s].unit = Some("%".to_string());
        }
        let t = &t;
        let mut map = groups::Cells::new();
        let stems = stems(t);
        // The unit each row's levels are counted in (`吨` for `民航(吨)`): the measure a rate
        // of the row is the growth of.
        let units = cells::row_units(t, &parents);
        let level_units: Vec<Option<&'static str>> = units
            .iter()
            .map(|u| u.as_deref().and_then(cells::unit_of).map(|(name, ..)| name))
            .collect();
        for (fact, at) in cells::facts(text, t, &parents, &units) {
            if !at.readable {
                facts.push(fact);
                continue;
            }
            map.insert((at.row, at.column), facts.len());
            // A total row's own label (`合计`, `总数`) names no measure.
            let mut names = if t.rows[at.row].kind == RowKind::Total {
                Vec::new()
            } else {
                vec![fact.label.clone()]
            };
            let under_unit = parents[at.row].is_some_and(|p| t.rows[p].unit.is_some());
            if t.rows[at.row].unit.is_none() && !under_unit {
                names.extend(stems.iter().map(|s| format!("{}{s}", fact.label)));
            }
            // A total row's cell is the column's measure itself (`全国` under `15—59岁`).
            let header = &t.columns[at.column].header;
            let measure = read::bracketed(header).map_or(header.clone(), |(o, _)| o);
            let mut whole_names = Vec::new();
            if measure.chars().count() >= 2 {
                if t.rows[at.row].kind == RowKind::Total {
                    names.push(measure);
                } else if parents[at.row].is_none()
                    && found.iter().any(|b| b.whole == at.row && !b.within)
                {
                    // The row the table breaks down (`全年粮食` over `一、分季节`) is the table's
                    // total: another table's total of the same measure and period must agree.
                    whole_names.push(measure);
                }
            }
            named.push(same::Named {
                fact: facts.len(),
                table: ti,
                level_unit: level_units[at.row].filter(|u| !u.is_empty() && *u != "%"),
                whole_names,
                names,
            });
            facts.push(fact);
        }
        out.extend(groups::breakdowns(t, &found, &map, facts));
        out.extend(groups::rates(t, &rated, &map));
        out.extend(groups::growths(t, &map, facts));
    }
    out.extend(same::groups(facts, prose, &named));
    out
}

/// What the level columns measure, as a row's label would continue: `人口数` gives `人口`.
fn stems(t: &Table) -> Vec<String> {
    t.columns
        .iter()
        .filter(|c| c.kind == read::ColumnKind::Level)
        .filter_map(|c| {
            let h = read::bracketed(&c.header).map_or(c.header.clone(), |(o, _)| o);
            let h = h.trim_end_matches('数').to_string();
            (h.chars().count() >= 2).then_some(h)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    //! Tables of our own, in each form read, with the damage real pages carry: spaced-out
    //! labels, trailing empty cells, rules of dashes, Traditional characters, thousands commas.
    use super::{blank, find, lines_of};
    use crate::extract::group::testing::groups_of;
    use crate::extract::GroupKind;
    use crate::source::Source;

    fn errors(text: &str) -> Vec<String> {
        let source = Source::new("t.txt", text);
        crate::check(&source, &crate::RuleSet::default_set())
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    fn cells(text: &str) -> Vec<String> {
        let ex = crate::extract::extract(&Source::new("t.txt", text));
        ex.facts
            .iter()
            .filter_map(|f| {
                f.cell.as_ref().map(|c| {
                    format!(
                        "{} {} {} @{}",
                        &text[f.figure.span.clone()],
                        f.label,
                        c,
                        f.period.as_deref().unwrap_or("-")
                    )
                })
            })
            .collect()
    }

    const PIPE: &str = "表1 2024年1-6月全省运输情况\n指 标 | 本年累计 | 上年同期 | 增长(%) |\n客运量(万人) | 1500.0 | 1400.0 | 7.1 |\n铁路 | 500.0 | 450.0 | 11.1 |\n其中:高铁 | 300.0 | 260.0 | 15.4 |\n公路 | 900.0 | 880.0 | 2.3 |\n民航 | 100.0 | 70.0 | 42.9 |\n";

    #[test]
    fn pipe_cells_keep_their_offsets_row_and_column() {
        let c = cells(PIPE);
        assert!(
            c.contains(&"500.0 铁路客运量 row 铁路 · column 本年累计 @2024年1-6月".to_string()),
            "{c:?}"
        );
        assert!(
            c.contains(&"450.0 铁路客运量 row 铁路 · column 上年同期 @2024年1-6月同期".to_string()),
            "{c:?}"
        );
        assert!(
            c.contains(&"15.4 高铁客运量 row 其中:高铁 · column 增长(%) @2024年1-6月".to_string()),
            "{c:?}"
        );
    }

    #[test]
    fn a_breakdown_confirmed_by_another_column_adds_up() {
        assert!(errors(PIPE).is_empty(), "{:?}", errors(PIPE));
        let g = groups_of(PIPE, GroupKind::Partition);
        assert_eq!(g.len(), 2, "{g:?}");
        // 铁路 600 instead of 500: the current column no longer adds up; the other still does.
        let bad = PIPE.replace("铁路 | 500.0", "铁路 | 600.0");
        assert!(errors(&bad).contains(&"partition-sum".to_string()));
    }

    #[test]
    fn the_prose_reader_sees_table_lines_as_a_blanked_copy_would_show_them() {
        // Tables among prose, in every form read, and the real texts when they are at hand.
        let mut drafts: Vec<String> = [PIPE, TAB, SPACE]
            .iter()
            .map(|t| format!("本报北京5月2日电　全省运输平稳。\n{t}\n上表中，客运量1500.0万人。\n"))
            .collect();
        if let Ok(dir) = std::fs::read_dir("../shared/corpus/texts") {
            drafts.extend(dir.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok()));
        }
        for draft in &drafts {
            let tables = find(draft);
            let seen = crate::text::Text::blanked(draft, &lines_of(&tables), None);
            let copy = crate::text::Text::new(&blank(draft, &tables));
            assert_eq!(format!("{seen:?}"), format!("{copy:?}"), "{draft}");
        }
    }

    #[test]
    fn a_rate_of_a_row_counted_in_another_unit_is_another_measure() {
        // Passengers in the prose, tonnes in the table: both are `民航`, and neither rate is
        // the other's.
        let text = "2月份全省旅客发送量平稳增长。公路460万人次，增长6.5%；民航130万人次，增长10.2%。\n2月份全省货物运输情况\n指标 | 本月 | 上年同月 | 增长(%) |\n货物运输量(万吨) | 5880.0 | 5850.0 | 0.5 |\n铁路 | 1290.0 | 1330.0 | -3.0 |\n民航(吨) | 12490.0 | 10240.0 | 22.0 |\n";
        assert!(errors(text).is_empty(), "{:?}", errors(text));
        // Tonnes in both: one measure, and the prose's rate is wrong.
        let tonnes = text.replace("民航130万人次", "民航12490吨");
        assert!(
            errors(&tonnes).contains(&"same-figure-twice".to_string()),
            "{:?}",
            errors(&tonnes)
        );
    }

    #[test]
    fn a_qizhong_row_stays_within_its_row() {
        let bad = PIPE.replace("其中:高铁 | 300.0", "其中:高铁 | 520.0");
        assert!(errors(&bad).contains(&"partition-within".to_string()));
    }

    #[test]
    fn a_growth_column_against_its_two_levels() {
        assert_eq!(groups_of(PIPE, GroupKind::GrowthOfLevels).len(), 5);
        let bad = PIPE.replace("| 42.9 |", "| 24.9 |");
        assert!(errors(&bad).contains(&"table-growth".to_string()));
    }

    #[test]
    fn growth_on_a_comparable_basis_is_not_checked() {
        // Most rows do not follow from their levels: the table says nothing checkable.
        let t = "指标 | 本月 | 上年同期 | 增长(%) |\n甲 | 110 | 100 | 3.0 |\n乙 | 120 | 100 | 5.0 |\n丙 | 130 | 100 | 30.0 |\n";
        assert!(groups_of(t, GroupKind::GrowthOfLevels).is_empty());
        assert!(errors(t).is_empty());
    }

    const TAB: &str = "2024年1-5月份零售主要数据\n指标\t5月 绝对量(亿元)\t5月 同比增长(%)\t1-5月 绝对量(亿元)\t1-5月 同比增长(%)\n零售总额\t3900\t3.7\t19500\t4.1\n按经营地分\n城镇\t3380\t3.4\t16900\t3.9\n乡村\t520\t5.7\t2600\t5.4\n";

    #[test]
    fn tab_rows_take_period_and_unit_from_their_header() {
        let c = cells(TAB);
        assert!(
            c.contains(
                &"19500 零售总额 row 零售总额 · column 1-5月绝对量(亿元) @2024年1-5月".to_string()
            ),
            "{c:?}"
        );
        assert!(
            c.contains(&"3.4 城镇 row 城镇 · column 5月同比增长(%) @2024-05".to_string()),
            "{c:?}"
        );
    }

    #[test]
    fn a_table_figure_against_the_same_measure_in_prose() {
        let prose = "1-5月份，零售总额19500亿元，同比增长4.1%。\n";
        let text = format!("{prose}{TAB}");
        assert!(errors(&text).is_empty(), "{:?}", errors(&text));
        assert!(!groups_of(&text, GroupKind::SameMeasure).is_empty());
        let bad = text.replace("19500\t4.1", "19500\t6.1");
        assert!(errors(&bad).contains(&"same-figure-twice".to_string()));
    }

    const SPACE: &str = "表2 各区投票情况\n选区 选民人数 投票人数 投票率(%)\n---- ---- ---- ----\n东 区 120,000 6,000 5.00\n西 区 80,000 3,200 4.00\n南 区 50,000 2,500 5.00\n--------------\n總數 250,000 11,700 4.68\n";

    #[test]
    fn space_aligned_rows_with_a_closing_total_and_a_rate_column() {
        assert!(errors(SPACE).is_empty(), "{:?}", errors(SPACE));
        assert_eq!(groups_of(SPACE, GroupKind::ShareOf).len(), 4);
        assert_eq!(groups_of(SPACE, GroupKind::Partition).len(), 2);
        let bad = SPACE.replace("西 区 80,000 3,200 4.00", "西 区 80,000 3,200 4.40");
        assert!(errors(&bad).contains(&"share-ratio".to_string()));
        let bad = SPACE.replace("南 区 50,000", "南 区 55,000");
        assert!(errors(&bad).contains(&"partition-sum".to_string()));
    }

    #[test]
    fn an_unnamed_rate_column_is_found_by_its_arithmetic() {
        // A two-line header with merged cells: the names cannot be fitted, the rate still is.
        let t = "界别 选民 累积投票 累积\n人数 投票率(%)\n甲界 200 20 10.00\n乙界 1,000 50 5.00\n丙界 400 10 2.50\n丁界 500 100 20.00\n";
        assert_eq!(groups_of(t, GroupKind::ShareOf).len(), 4);
        // Nothing is summed: the columns have no names to say they are levels.
        assert!(groups_of(t, GroupKind::PartitionBound).is_empty());
        let bad = t.replace("甲界 200 20", "甲界 200 220");
        assert!(errors(&bad).contains(&"share-ratio".to_string()));
    }

    #[test]
    fn rows_of_another_width_are_not_read_and_their_sums_not_checked() {
        let t = "货运量(万吨) | 100 | 90 |\n铁路 | 60 | 50 |\n公路 | 30 |\n管道 | 10 | 10 |\n";
        assert!(groups_of(t, GroupKind::Partition).is_empty());
        assert!(errors(t).is_empty());
    }

    #[test]
    fn a_numbered_breakdown_and_its_qizhong_list() {
        let t = "表1 2023年作物产量\n| 面积(千公顷) | 产量(万吨) |\n全年作物 | 1000.0 | 600.0 |\n一、分季节 | ||\n1、夏季 | 300.0 | 150.0 |\n2、秋季 | 700.0 | 450.0 |\n二、分品种 | ||\n1、谷类 | 800.0 | 500.0 |\n其中:甲 | 300.0 | 200.0 |\n乙 | 200.0 | 150.0 |\n2、豆类 | 200.0 | 100.0 |\n";
        assert!(errors(t).is_empty(), "{:?}", errors(t));
        assert_eq!(groups_of(t, GroupKind::Partition).len(), 4);
        let bad = t.replace("乙 | 200.0 | 150.0", "乙 | 200.0 | 350.0");
        assert!(errors(&bad).contains(&"partition-within".to_string()));
    }

    #[test]
    fn a_yearbook_with_row_units_and_a_row_of_years() {
        let t = "表3 运输量\n  Item 2021 2022 2023\n客运量总计 (万人)   Total 300 330 360\n  铁路     Railways 100 110 120\n  公路     Highways 200 220 240\n";
        assert!(errors(t).is_empty(), "{:?}", errors(t));
        let c = cells(t);
        assert!(
            c.contains(&"110 铁路客运量 row 铁路 · column ? @2022".to_string()),
            "{c:?}"
        );
        let bad = t.replace("Highways 200 220 240", "Highways 200 220 340");
        assert!(errors(&bad).contains(&"partition-sum".to_string()));
    }

    #[test]
    fn a_markdown_table_is_read_in_md_and_txt_alike() {
        let md = "# 运输\n\n| 指标 | 本年累计 | 上年同期 | 增长(%) |\n|---|---|---|---|\n| 客运量(万人) | 1500.0 | 1400.0 | 7.1 |\n| 铁路 | 500.0 | 450.0 | 11.1 |\n| 公路 | 900.0 | 880.0 | 2.3 |\n| 民航 | 100.0 | 70.0 | 42.9 |\n";
        let bad = md.replace("| 民航 | 100.0", "| 民航 | 190.0");
        for name in ["t.md", "t.txt"] {
            let check = |text: &str| -> Vec<String> {
                let source = Source::new(name, text).by_extension();
                crate::check(&source, &crate::RuleSet::default_set())
                    .into_iter()
                    .map(|f| f.rule)
                    .collect()
            };
            assert!(check(md).is_empty(), "{name}: {:?}", check(md));
            let found = check(&bad);
            assert!(
                found.contains(&"partition-sum".to_string()),
                "{name}: {found:?}"
            );
            assert!(
                found.contains(&"table-growth".to_string()),
                "{name}: {found:?}"
            );
        }
    }

    #[test]
    fn a_table_without_a_period_is_not_matched_against_two_periods_of_prose() {
        let t = "2022年，全县粮食产量50.0万吨。2023年，全县粮食产量52.0万吨。\n指标 | 数据 |\n粮食产量(万吨) | 52.0 |\n棉花产量(万吨) | 3.0 |\n";
        assert!(groups_of(t, GroupKind::SameMeasure).iter().all(|g| !g
            .iter()
            .any(|m| m.ends_with("52.0万吨") && m.starts_with("second"))));
        assert!(errors(t).is_empty(), "{:?}", errors(t));
    }

    #[test]
    fn two_tables_give_one_total_twice() {
        let t = "表1 2023年作物\n| 产量(万吨) | 面积(千公顷) |\n全年作物 | 600.0 | 1000.0 |\n一、分季节 | ||\n1、夏季 | 150.0 | 300.0 |\n2、秋季 | 450.0 | 700.0 |\n注:分项数据按四舍五入计算，与全年数据略有差异。 |\n表2 2023年各地区作物\n地区 | 产量(万吨) | 面积(千公顷) |\n全国总计 | 600.0 | 1000.0 |\n甲 省 | 250.0 | 400.0 |\n乙 省 | 350.0 | 600.0 |\n";
        assert!(errors(t).is_empty(), "{:?}", errors(t));
        let bad = t.replace("全国总计 | 600.0", "全国总计 | 606.0");
        assert!(errors(&bad).contains(&"same-figure-twice".to_string()));
    }
}
