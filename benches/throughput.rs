//! Throughput of `extract` and `check` over a corpus built from our fixtures, at 1 MB and 10 MB.
//!
//! `cargo bench` prints MB/s for each size; the per-MB cost at 10 MB should match the cost at
//! 1 MB (the work is linear in the input). Run with `cargo bench --bench throughput`.

use hedui::{RuleSet, Source};
use std::time::{Duration, Instant};

/// The fixtures, concatenated (each one an article of its own) until `bytes` is reached.
fn corpus(bytes: usize) -> String {
    let mut drafts: Vec<String> = std::fs::read_dir("fixtures")
        .expect("run from the crate root")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("fixtures are UTF-8"))
        .collect();
    drafts.sort();
    let mut out = String::with_capacity(bytes + 4096);
    'fill: loop {
        for d in &drafts {
            out.push_str(d);
            out.push_str("\n\n");
            if out.len() >= bytes {
                break 'fill;
            }
        }
    }
    out
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

fn main() {
    let rules = RuleSet::default_set();
    println!(
        "{:>6}  {:>12}  {:>12}  {:>9}",
        "size", "extract MB/s", "check MB/s", "figures"
    );
    let mut per_mb = Vec::new();
    // `HEDUI_BENCH_MB=1,10,30 cargo bench` measures other sizes.
    let sizes: Vec<usize> = std::env::var("HEDUI_BENCH_MB")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| v.len() >= 2)
        .unwrap_or_else(|| vec![1, 10]);
    for &mb in &sizes {
        let text = corpus(mb * 1_000_000);
        let source = Source::new("bench", text);
        let size = source.text.len() as f64 / 1e6;
        let runs = if mb <= 1 { 5 } else { 2 };
        let mut figures = 0;
        let extract = best_of(runs, || figures = hedui::extract(&source).facts.len());
        let check = best_of(runs, || {
            std::hint::black_box(hedui::check(&source, &rules));
        });
        println!(
            "{:>4}MB  {:>12.2}  {:>12.2}  {:>9}",
            mb,
            size / extract.as_secs_f64(),
            size / check.as_secs_f64(),
            figures
        );
        per_mb.push(check.as_secs_f64() / size);
    }
    for (i, w) in per_mb.windows(2).enumerate() {
        println!(
            "check cost per MB at {} MB / at {} MB: {:.2} (1.00 is linear)",
            sizes[i + 1],
            sizes[i],
            w[1] / w[0]
        );
    }
}
