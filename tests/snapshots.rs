//! One snapshot of `extract` and one of `check` per fixture, rendered as the user sees them:
//! no colour, fixed width. Review a changed snapshot like the user's screen.

use hedui::report::{extract, human};
use hedui::{RuleSet, Source};

fn load(path: &std::path::Path) -> Source {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let name = format!("fixtures/{}", path.file_name().unwrap().to_string_lossy());
    Source::from_bytes(name, &bytes).expect("fixture is UTF-8")
}

#[test]
fn extract_snapshots() {
    insta::glob!("../fixtures", "*.txt", |path| {
        let source = load(path);
        let ex = hedui::extract(&source);
        insta::assert_snapshot!(extract::human(&source, &ex));
    });
}

/// `hedui extract --groups`: the groups the rules bind to, with each figure's role. Two
/// fixtures: a share chain with its `其中` subset, and a `分别` list with its items.
#[test]
fn groups_snapshots() {
    for name in ["planted-share-sum.txt", "planted-respectively-count.txt"] {
        let source = load(&std::path::Path::new("fixtures").join(name));
        let ex = hedui::extract(&source);
        insta::assert_snapshot!(
            format!("groups@{name}"),
            extract::groups_human(&source, &ex)
        );
    }
}

/// The groups of a draft that relate figures to each other, for review: the single-figure,
/// sentence and article groups, which hold every measure, are left out.
fn relation_groups(source: &Source) -> String {
    let mut ex = hedui::extract(source);
    ex.groups.retain(|g| {
        !matches!(
            g.kind,
            hedui::extract::GroupKind::Each
                | hedui::extract::GroupKind::Sentence
                | hedui::extract::GroupKind::Article
        )
    });
    extract::groups_human(source, &ex)
}

/// The groups of every fixture: which figures hedui relates, in which role.
#[test]
fn relation_group_snapshots() {
    insta::glob!("../fixtures", "*.txt", |path| {
        insta::assert_snapshot!(relation_groups(&load(path)));
    });
}

/// Facts and groups of every real text of `../shared/corpus`: what hedui reads in published
/// prose it was not written against. The texts stay in `../shared`; only what hedui read from
/// them is kept here.
#[test]
fn corpus_facts_and_groups_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/texts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/corpus is missing in CI"
        );
        eprintln!("note: ../shared/corpus is not here; its snapshots are not checked");
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    assert!(paths.len() >= 32, "the 32 corpus texts");
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let source = Source::from_bytes(format!("corpus/{name}"), &bytes).unwrap();
        let ex = hedui::extract(&source);
        let mut out = extract::human(&source, &ex);
        out.push_str(&relation_groups(&source));
        insta::assert_snapshot!(format!("corpus@{name}"), out);
    }
}

/// What `check` says on every real text of `../shared/corpus`, one line per finding, with how
/// many figures it read and checked: any change to the findings or their spans, or to what the
/// rules could assess, shows here. With `corpus_facts_and_groups_snapshots`, it pins the output
/// that a change made only for speed must leave byte for byte as it was.
#[test]
fn corpus_findings_snapshot() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/texts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/corpus is missing in CI"
        );
        eprintln!("note: ../shared/corpus is not here; its findings are not checked");
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let rules = RuleSet::default_set();
    let mut out = String::new();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let source = Source::from_bytes(format!("corpus/{name}"), &bytes).unwrap();
        let (findings, coverage) = hedui::check_with_coverage(&source, &rules);
        out.push_str(&format!(
            "== {name}: {} figures, {} checked\n",
            coverage.figures, coverage.checked
        ));
        out.push_str(&hedui::report::concise::render(&source, &findings));
    }
    insta::assert_snapshot!("corpus_findings", out);
}

#[test]
fn check_snapshots() {
    let rules = RuleSet::default_set();
    insta::glob!("../fixtures", "*.txt", |path| {
        let source = load(path);
        let findings = hedui::check(&source, &rules);
        let mut out = human::render(&source, &findings, human::Style::plain());
        let errors = findings
            .iter()
            .filter(|f| f.severity == hedui::Severity::Error)
            .count();
        out.push_str(&human::summary(1, errors, findings.len() - errors));
        insta::assert_snapshot!(out);
    });
}

#[test]
fn clean_fixtures_have_no_findings_and_planted_ones_have_theirs() {
    let rules = RuleSet::default_set();
    let mut planted = 0;
    let mut clean = 0;
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = load(&path);
        let findings = hedui::check(&source, &rules);
        let sidecar = path.with_extension("expect");
        let expected = match std::fs::read_to_string(&sidecar) {
            Ok(text) => hedui::expect::parse(&text).unwrap(),
            Err(_) => Vec::new(),
        };
        if name.starts_with("planted-") {
            assert!(!expected.is_empty(), "{name} has no .expect sidecar");
            planted += 1;
        } else {
            clean += 1;
            assert!(findings.is_empty(), "{name}: {findings:#?}");
        }
        let m = hedui::expect::compare(&source.text, &findings, &expected);
        assert!(m.is_empty(), "{name}: {m:#?}");
    }
    assert!(planted >= 12 && clean >= 5, "fixtures folder looks thin");
}

/// Rule files are checked against `GroupKind::roles` when they load; the groups must give
/// no other role, or a rule that loads could never bind.
#[test]
fn groups_give_only_the_roles_their_kind_declares() {
    let mut files: Vec<_> = ["fixtures", "tests/drafts"]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().filter_map(Result::ok))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() > 20);
    for path in files {
        let ex = hedui::extract(&load(&path));
        for g in &ex.groups {
            for m in &g.members {
                assert!(
                    g.kind.roles().contains(&m.role),
                    "{}: a {} group gives the role {}",
                    path.display(),
                    g.kind.name(),
                    m.role.name()
                );
            }
        }
    }
}
