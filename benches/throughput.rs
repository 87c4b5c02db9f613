//! Throughput of `check` and `extract --format json` on real text at 5, 20 and 80 MB, against
//! a plain digit scan over the same bytes in the same run.
//!
//! The text is the seed page and the corpus (`../shared/seeds`, `../shared/corpus/texts`),
//! repeated, each copy an article of its own; our fixtures stand in when `../shared` is absent.
//! `cargo bench --bench throughput` prints MB/s, the ratio of each to the digit scan, the cost
//! per MB at each size against the smallest (1.00 is linear), and the peak resident memory of
//! the process so far (VmHWM) per MB of the size just measured. `HEDUI_BENCH_MB=1,10` measures
//! other sizes. For the peak memory of one command alone, run `scripts/peak_rss.sh`.

use hedui::{RuleSet, Source};
use std::path::Path;
use std::time::{Duration, Instant};

/// The drafts the corpus is made of: real text if we have it, our fixtures otherwise.
fn drafts() -> Vec<String> {
    let read = |dir: &str| -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    };
    let mut real = read("../shared/seeds");
    real.extend(read("../shared/corpus/texts"));
    if !real.is_empty() {
        return real;
    }
    assert!(Path::new("fixtures").exists(), "run from the crate root");
    read("fixtures")
}

/// The drafts, concatenated (each one an article of its own) until `bytes` is reached.
fn corpus(drafts: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 65536);
    'fill: loop {
        for d in drafts {
            out.push_str(d);
            out.push_str("\n\n");
            if out.len() >= bytes {
                break 'fill;
            }
        }
    }
    out
}

/// The floor any figure reader must pay: one pass over the bytes, counting ASCII digits.
fn digit_scan(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_digit).count()
}

/// The best of a few runs, so a busy machine does not make the figure worse than the code.
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The process's peak resident set so far, in MB (Linux only).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1000.0)
}

fn main() {
    let rules = RuleSet::default_set();
    let drafts = drafts();
    let sizes: Vec<usize> = std::env::var("HEDUI_BENCH_MB")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![5, 20, 80]);
    println!(
        "{:>5}  {:>9}  {:>10}  {:>12}  {:>10}  {:>12}  {:>8}  {:>10}",
        "size",
        "scan MB/s",
        "check MB/s",
        "× digit scan",
        "json MB/s",
        "× digit scan",
        "figures",
        "VmHWM/MB"
    );
    let mut per_mb: Vec<(f64, f64)> = Vec::new();
    for &mb in &sizes {
        let source = Source::new("bench.txt", corpus(&drafts, mb * 1_000_000));
        let size = source.text.len() as f64 / 1e6;
        let runs = if mb <= 5 { 3 } else { 1 };
        let scan = best_of(runs.max(3), || {
            std::hint::black_box(digit_scan(std::hint::black_box(&source.text)));
        });
        let mut figures = 0;
        // What `extract --format json` does: each article's figures (no groups are asked for),
        // then their JSON, one figure at a time.
        let extract = best_of(runs, || {
            figures = 0;
            let articles = hedui::extract::articles(&source)
                .without_groups()
                .inspect(|ex| figures += ex.facts.len());
            hedui::report::extract::write_file_json(
                &mut std::io::sink(),
                &source,
                articles.map(Some),
                false,
            )
            .expect("a sink takes any bytes");
        });
        let check = best_of(runs, || {
            std::hint::black_box(hedui::check(&source, &rules));
        });
        let rate = |d: Duration| size / d.as_secs_f64();
        println!(
            "{:>3}MB  {:>9.0}  {:>10.2}  {:>12.0}  {:>10.2}  {:>12.0}  {:>8}  {:>10}",
            mb,
            rate(scan),
            rate(check),
            check.as_secs_f64() / scan.as_secs_f64(),
            rate(extract),
            extract.as_secs_f64() / scan.as_secs_f64(),
            figures,
            peak_rss_mb().map_or("?".into(), |p| format!("{:.1}", p / size)),
        );
        per_mb.push((check.as_secs_f64() / size, extract.as_secs_f64() / size));
    }
    for (i, (c, e)) in per_mb.iter().enumerate().skip(1) {
        println!(
            "cost per MB at {} MB / at {} MB: check {:.2}, extract {:.2} (1.00 is linear)",
            sizes[i],
            sizes[0],
            c / per_mb[0].0,
            e / per_mb[0].1
        );
    }
}
