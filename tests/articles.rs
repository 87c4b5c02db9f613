//! A draft is read one article at a time (`hedui::extract::articles`), so that an archive of
//! any length is checked in the memory of its text and one article. These tests pin what that
//! must not change: the streamed `extract --format json` is the whole draft's JSON byte for
//! byte (and reads each figure alike when no groups are made), `check` finds what checking the
//! whole extraction finds, and no relation reaches from one article into another.

use hedui::report::extract::{file_json, write_file_json};
use hedui::{RuleSet, Source};

/// Our fixtures, and the real texts of `../shared` where they are present.
fn drafts() -> Vec<Source> {
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["fixtures", "../shared/corpus/texts", "../shared/seeds"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        paths.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md")),
        );
    }
    paths.sort();
    assert!(paths.len() > 20, "run from the crate root");
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("a draft is readable");
            Source::from_bytes(p.display().to_string(), &bytes)
                .expect("a draft is UTF-8")
                .by_extension()
        })
        .collect()
}

#[test]
fn streamed_json_is_the_whole_extraction_s_json() {
    for source in drafts() {
        let mut streamed = Vec::new();
        let articles = hedui::extract::articles(&source).map(Some);
        write_file_json(&mut streamed, &source, articles, true).expect("a Vec takes any bytes");
        let whole = file_json(&source, &hedui::extract(&source), true);
        // The element of the `files` array, four spaces deep.
        let expected = serde_json::to_string_pretty(&whole)
            .expect("JSON")
            .lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            String::from_utf8(streamed).expect("UTF-8") == expected,
            "{}: the streamed JSON is not the whole extraction's",
            source.name
        );
    }
}

#[test]
fn figures_read_without_groups_are_the_figures_read_with_them() {
    for source in drafts() {
        let (mut with, mut without) = (Vec::new(), Vec::new());
        let all = hedui::extract::articles(&source).map(Some);
        write_file_json(&mut with, &source, all, false).expect("a Vec takes any bytes");
        let alone = hedui::extract::articles(&source).without_groups();
        write_file_json(&mut without, &source, alone.map(Some), false).expect("a Vec");
        assert!(
            with == without,
            "{}: a figure reads otherwise when no groups are made",
            source.name
        );
        let groups: usize = hedui::extract::articles(&source)
            .without_groups()
            .map(|ex| ex.groups.len())
            .sum();
        assert_eq!(groups, 0, "{}: groups were made", source.name);
    }
}

#[test]
fn checking_article_by_article_finds_what_the_whole_extraction_gives() {
    let rules = RuleSet::default_set();
    for source in drafts() {
        let streamed = hedui::check_with_coverage(&source, &rules);
        let whole = hedui::check_extraction_with_coverage(&hedui::extract(&source), &rules);
        let show = |(found, coverage): &(Vec<hedui::Finding>, hedui::Coverage)| {
            let lines: Vec<String> = found
                .iter()
                .map(|f| format!("{} {}", f.rule, f.message))
                .collect();
            format!("{coverage:?}\n{}", lines.join("\n"))
        };
        assert_eq!(show(&streamed), show(&whole), "{}", source.name);
    }
}

/// Two reports, each opened by its dateline: one province's passenger table, then another
/// province's report. `民航旅客发送量` is 130.0万人次 in one and 156万人次 in the other, and
/// neither is wrong.
const TWO_REPORTS: &str = "本报福州3月2日电　记者从省交通运输厅获悉，2月份全省客运平稳增长。
指标 | 2月 | 上年同月 | 增长(%) |
旅客发送量(万人次) | 1320.0 | 1210.0 | 9.1 |
铁路 | 730.0 | 660.0 | 10.6 |
公路 | 460.0 | 432.0 | 6.5 |
民航 | 130.0 | 118.0 | 10.2 |

本报昆明3月3日电　记者从省交通运输厅获悉，2月份全省旅客发送量平稳增长，其中民航旅客发送量156万人次，增长22%。
";

fn rules_found(text: &str) -> Vec<String> {
    hedui::check(&Source::new("reports.txt", text), &RuleSet::default_set())
        .into_iter()
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

#[test]
fn a_table_is_compared_with_its_own_article_only() {
    assert_eq!(rules_found(TWO_REPORTS), Vec::<String>::new());
    // One report, not two: the table and the sentence now state one measure, and disagree.
    let one = TWO_REPORTS.replace("本报昆明3月3日电　", "");
    assert!(
        rules_found(&one)
            .iter()
            .any(|f| f.starts_with("same-figure-twice")),
        "{:?}",
        rules_found(&one)
    );
}
