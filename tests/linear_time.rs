//! Worst cases for the cost of a draft: no `。` at all, one line, ten thousand figures in one
//! sentence, a `分别` list of ten thousand items, a deep Markdown list. Each is measured at two
//! sizes in one run, and four times the input must cost less than eight times the time
//! (a quadratic path costs sixteen). Sizes are small enough for a debug build.

use hedui::report::{extract, human};
use hedui::{RuleSet, Source};
use std::time::{Duration, Instant};

fn no_full_stop(n: usize) -> String {
    "收入1万元；增长2个百分点".repeat(n)
}

fn one_sentence(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| format!("第{}项收入{}万元", i % 9 + 1, i + 1))
        .collect();
    format!("其中{}。", items.join("，"))
}

fn respectively(n: usize) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("项{i}")).collect();
    let shares: Vec<String> = (0..n).map(|i| format!("{}%", i % 90 + 1)).collect();
    format!("甲乙丙等{}分别为{}。", names.join("、"), shares.join("、"))
}

fn one_line(n: usize) -> String {
    "2023年全省地区生产总值5455亿元，比上年增长5.2%，其中第一产业增加值300亿元，占5.5%。".repeat(n)
}

fn deep_list(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{}- 其中第{i}类占{}%\n",
                "  ".repeat(i.min(200)),
                i % 90 + 1
            )
        })
        .collect()
}

/// A table of `n` rows and ten columns under a total row, in one of the forms hedui reads.
fn table(n: usize, sep: &str) -> String {
    let mut out = String::from("表1 各地区主要指标（单位：万吨）\n地区");
    for c in 0..10 {
        out.push_str(&format!("{sep}{}年", 2000 + c));
    }
    out.push('\n');
    out.push_str("合计");
    for c in 0..10 {
        out.push_str(&format!("{sep}{}", (n * (n + 1) / 2) * (c + 1)));
    }
    out.push('\n');
    for i in 1..=n {
        out.push_str(&format!("地区{i}"));
        for c in 0..10 {
            out.push_str(&format!("{sep}{}", i * (c + 1)));
        }
        out.push('\n');
    }
    out
}

fn pipe_table(n: usize) -> String {
    table(n, " | ")
}

fn tab_table(n: usize) -> String {
    table(n, "\t")
}

fn space_table(n: usize) -> String {
    table(n, "  ")
}

/// The best of three runs of check, extract and both renderings of one draft.
fn cost(name: &str, text: &str, rules: &RuleSet) -> Duration {
    (0..3)
        .map(|_| {
            let source = Source::new(name, text).by_extension();
            let t = Instant::now();
            let findings = hedui::check(&source, rules);
            let ex = hedui::extract(&source);
            std::hint::black_box(extract::human(&source, &ex));
            std::hint::black_box(extract::file_json(&source, &ex, true));
            std::hint::black_box(human::render(&source, &findings, human::Style::plain()));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn worst_case_drafts_cost_time_in_proportion_to_their_length() {
    let rules = RuleSet::default_set();
    type Case = (&'static str, fn(usize) -> String, usize);
    let cases: [Case; 8] = [
        ("no_full_stop.txt", no_full_stop, 250),
        ("one_sentence.txt", one_sentence, 600),
        ("respectively.txt", respectively, 600),
        ("one_line.txt", one_line, 100),
        ("deep_list.md", deep_list, 300),
        ("pipe_table.txt", pipe_table, 60),
        ("tab_table.txt", tab_table, 60),
        ("space_table.txt", space_table, 60),
    ];
    let mut slow = Vec::new();
    for (name, make, n) in cases {
        let small = cost(name, &make(n), &rules);
        let large = cost(name, &make(4 * n), &rules);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-4);
        eprintln!("{name}: {small:?} → {large:?} at 4× the input ({ratio:.1}×)");
        if ratio >= 8.0 {
            slow.push(format!("{name}: {ratio:.1}×"));
        }
    }
    assert!(
        slow.is_empty(),
        "4× the input cost 8× the time or more: {slow:?}"
    );
}
