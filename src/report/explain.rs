//! `hedui rules explain ID`: a rule's documentation, its relation, and what its finding looks
//! like on its own failing example.

use super::human::{render, Style};
use crate::rules::{check_rule, Rule, RuleSet};
use crate::source::Source;
use std::fmt::Write;

pub fn explain(rule: &Rule, _set: &RuleSet, style: Style) -> String {
    let s = &rule.spec;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}, {})", s.id, s.severity.name(), s.family);
    let _ = writeln!(out, "{}\n", s.summary);
    let _ = writeln!(out, "{}\n", s.doc);
    let _ = writeln!(out, "relation: {}", s.assertion);
    let _ = writeln!(out, "looks at: {}", s.scope.join(", "));
    let _ = writeln!(out, "defined in: {}\n", rule.origin);
    for (i, text) in s.examples.pass.iter().enumerate() {
        let _ = writeln!(out, "passes #{}: {text}", i + 1);
    }
    for (i, text) in s.examples.fail.iter().enumerate() {
        let _ = writeln!(out, "fails #{}: {text}", i + 1);
    }
    if let Some(text) = s.examples.fail.first() {
        let source = Source::new("example", text.clone());
        let ex = crate::extract(&source);
        let findings = check_rule(rule, &ex);
        let _ = writeln!(out, "\nOn the first failing example:\n");
        out.push_str(&render(&source, &findings, style));
    }
    out
}
