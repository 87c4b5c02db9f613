//! Catch rate: plants errors in clean drafts, one digit of one figure at a time, and counts how
//! many the default rules catch on the planted figure.
//!
//! For every figure that takes part in a relation between figures that some error rule checks,
//! every digit of the printed number is changed to the next digit (`5455` → `6455`, `5555`,
//! `5465`, `5456`), one mutant each. A mutant is *caught* when an error finding labels the
//! changed figure, *caught elsewhere* when errors appear but not on it, *missed* otherwise. The
//! clean drafts themselves must raise no error (false alarms).
//!
//! Not every mutant is an error a reader could prove. Two things decide it, and the report is
//! split by both:
//! - the relation: an *equality* (a sum, a ratio, a growth mix, a figure stated twice) is broken
//!   by any change beyond rounding; a *bound* (parts within a whole, shares within 100%) only by
//!   a change that crosses it: a smaller part is still within its whole;
//! - the digit: changing one of the two leading digits moves a figure by 1% or more (`5455` →
//!   `6455`, `5555`); a later digit may move it by less than the rounding of the other figures
//!   absorbs (`141175` → `141185` changes a share of it by 0.007%).
//!
//! The figure to watch is equality × leading digits: such a mutant is a contradiction unless
//! the relation is very loose.
//! Run with `cargo bench --bench catch_rate`; `HEDUI_CATCH_VERBOSE=1` lists those misses.

use hedui::rules::participants;
use hedui::{RuleSet, Severity, Source};
use std::path::{Path, PathBuf};

fn drafts(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| {
        p.extension().is_some_and(|e| e == "txt" || e == "md")
            && p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    });
    out.sort();
    out
}

/// The next digit, in the same width (ASCII or full-width).
fn bump(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(char::from(b'0' + (c as u8 - b'0' + 1) % 10)),
        '０'..='９' => char::from_u32('０' as u32 + (c as u32 - '０' as u32 + 1) % 10),
        _ => None,
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    mutants: usize,
    caught: usize,
    elsewhere: usize,
    missed: usize,
}

#[derive(Default)]
struct Tally {
    /// [equality, bound] × [higher digits, last digit]
    cells: [[Counts; 2]; 2],
    false_alarms: usize,
    figures: usize,
}

/// An assertion of equalities only, on the figures' values (not `count(...)` of a list).
fn is_equality(rule: &hedui::rules::Rule) -> bool {
    let a = &rule.spec.assertion;
    a.contains("==") && !a.contains("<=") && !a.contains(">=") && !a.contains("count(")
}

fn run(path: &Path, rules: &RuleSet, verbose: bool, tally: &mut Tally) {
    let text = std::fs::read_to_string(path).expect("UTF-8 draft");
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let source = Source::new(&name, text.clone()).by_extension();
    let errors = |s: &Source| {
        hedui::check(s, rules)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect::<Vec<_>>()
    };
    let clean = errors(&source);
    tally.false_alarms += clean.len();
    let ex = hedui::extract(&source);
    // Relations between figures' values; a rule on one figure alone (`each`) or on the number
    // of items in a list relates no values.
    let relational: Vec<&hedui::rules::Rule> = rules
        .rules
        .iter()
        .filter(|r| r.spec.severity == Severity::Error)
        .filter(|r| {
            r.spec.scope.iter().all(|s| s != "each") && !r.spec.assertion.contains("count(")
        })
        .collect();
    let mut exact: Vec<usize> = relational
        .iter()
        .filter(|r| is_equality(r))
        .flat_map(|r| participants(r, &ex))
        .collect();
    exact.sort_unstable();
    exact.dedup();
    let mut involved: Vec<usize> = relational
        .iter()
        .flat_map(|r| participants(r, &ex))
        .collect();
    involved.sort_unstable();
    involved.dedup();
    for i in involved {
        let relation = usize::from(!exact.contains(&i));
        let fig = &ex.facts[i].figure;
        if fig.qualifier.is_some() {
            continue; // `超过800万吨` bounds one side only: a changed digit rarely contradicts
        }
        tally.figures += 1;
        let span = fig.span.clone();
        // The offsets of the two leading significant digits.
        let leading: Vec<usize> = text[span.clone()]
            .char_indices()
            .filter(|(_, c)| bump(*c).is_some() && *c != '0' && *c != '０')
            .map(|(o, _)| o)
            .take(1)
            .flat_map(|first| {
                let next = text[span.clone()][first..]
                    .char_indices()
                    .skip(1)
                    .find(|(_, c)| bump(*c).is_some())
                    .map(|(o, _)| first + o);
                std::iter::once(first).chain(next)
            })
            .collect();
        for (off, c) in text[span.clone()].char_indices() {
            let Some(d) = bump(c) else { continue };
            let cell = &mut tally.cells[relation][usize::from(!leading.contains(&off))];
            let at = span.start + off;
            let mut mutant = text.clone();
            mutant.replace_range(at..at + c.len_utf8(), &d.to_string());
            let found = errors(&Source::new(&name, mutant).by_extension());
            cell.mutants += 1;
            let on_span = found.iter().any(|f| {
                f.labels
                    .iter()
                    .any(|l| l.span.start <= at && at < l.span.end)
            });
            if on_span {
                cell.caught += 1;
            } else if !found.is_empty() {
                cell.elsewhere += 1;
            } else {
                cell.missed += 1;
                if verbose && relation == 0 && leading.contains(&off) {
                    println!(
                        "  missed: {name}: {} with {c}→{d} ({})",
                        fig.text, ex.facts[i].label
                    );
                }
            }
        }
    }
}

fn report(title: &str, t: &Tally) {
    println!(
        "{title}: {} figures in relations, false alarms on the clean texts: {}",
        t.figures, t.false_alarms
    );
    let names = [
        ["equality, leading digits", "equality, later digits"],
        ["bound, leading digits", "bound, later digits"],
    ];
    for (r, row) in t.cells.iter().enumerate() {
        for (d, c) in row.iter().enumerate() {
            let pct = |n: usize| {
                if c.mutants == 0 {
                    0.0
                } else {
                    100.0 * n as f64 / c.mutants as f64
                }
            };
            println!(
                "  {:<24} {:>5} mutants  caught on the figure {:>5} ({:>5.1}%)  elsewhere {:>4}  missed {:>4} ({:>5.1}%)",
                names[r][d],
                c.mutants,
                c.caught,
                pct(c.caught),
                c.elsewhere,
                c.missed,
                pct(c.missed)
            );
        }
    }
}

fn main() {
    let rules = RuleSet::default_set();
    let verbose = std::env::var_os("HEDUI_CATCH_VERBOSE").is_some();
    let mut ours = Tally::default();
    for p in drafts(Path::new("fixtures"), "clean-") {
        run(&p, &rules, verbose, &mut ours);
    }
    report("our clean fixtures", &ours);
    let shared = Path::new("../shared");
    if shared.is_dir() {
        let mut real = Tally::default();
        for p in drafts(&shared.join("seeds"), "")
            .into_iter()
            .chain(drafts(&shared.join("corpus/texts"), ""))
        {
            run(&p, &rules, verbose, &mut real);
        }
        report("seed page and corpus", &real);
    }
    // `HEDUI_CATCH_DIR=folder` adds a folder of clean drafts of your own.
    if let Some(dir) = std::env::var_os("HEDUI_CATCH_DIR") {
        let mut extra = Tally::default();
        for p in drafts(Path::new(&dir), "") {
            run(&p, &rules, verbose, &mut extra);
        }
        report(&Path::new(&dir).display().to_string(), &extra);
    }
}
