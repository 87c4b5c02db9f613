//! What the language server says about a draft: diagnostics, hovers, code actions.

use super::position::{offset, range};
use crate::report::extract::printed_value;
use crate::rules::RuleSet;
use crate::source::Source;
use crate::{Extraction, Finding, Severity};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, Hover, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString,
    Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// One open draft, checked: its findings and its figures.
pub struct Checked {
    pub source: Source,
    pub findings: Vec<Finding>,
    pub extraction: Extraction,
}

/// Checks a draft's text; Markdown by the document's name or language.
pub fn check(uri: &Uri, text: &str, markdown: bool, rules: &RuleSet) -> Checked {
    let mut source = Source::new(uri.as_str(), text);
    if markdown {
        source = source.markdown();
    }
    let extraction = crate::extract(&source);
    let findings =
        crate::suppress::apply_markers(&source.text, crate::check_extraction(&extraction, rules));
    Checked {
        source,
        findings,
        extraction,
    }
}

/// One diagnostic per finding, on its first figure; the other figures of the relation are its
/// related information, each with its note.
pub fn diagnostics(uri: &Uri, checked: &Checked) -> Vec<Diagnostic> {
    checked
        .findings
        .iter()
        .filter_map(|f| diagnostic(uri, &checked.source.text, f))
        .collect()
}

fn diagnostic(uri: &Uri, text: &str, f: &Finding) -> Option<Diagnostic> {
    let (first, rest) = f.labels.split_first()?;
    let related: Vec<DiagnosticRelatedInformation> = rest
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(text, &l.span)),
            message: l.note.clone(),
        })
        .collect();
    let mut message = format!("{}\n{}", f.message, first.note);
    if !f.help.is_empty() {
        message.push('\n');
        message.push_str(&f.help);
    }
    Some(Diagnostic {
        range: range(text, &first.span),
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(f.rule.clone())),
        source: Some("hedui".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    })
}

/// The figure under the cursor: its kind, interval and identity.
pub fn hover(checked: &Checked, at: Position) -> Option<Hover> {
    let text = &checked.source.text;
    let at = offset(text, at);
    let fact = checked
        .extraction
        .facts
        .iter()
        .find(|f| f.figure.span.start <= at && at < f.figure.span.end)?;
    let f = &fact.figure;
    let interval = match (f.interval.lo, f.interval.hi) {
        (Some(lo), Some(hi)) if lo == hi => format!("exactly {} {}", lo.normalize(), f.unit),
        (lo, hi) => format!(
            "[{}, {}] {}",
            lo.map_or("−∞".into(), |v| v.normalize().to_string()),
            hi.map_or("∞".into(), |v| v.normalize().to_string()),
            f.unit
        ),
    };
    let mut lines = vec![
        format!("**{}** — {} {}", f.text, f.kind.name(), printed_value(f)),
        format!("- interval: {interval}"),
        format!(
            "- label: {}",
            if fact.label.is_empty() {
                "—"
            } else {
                &fact.label
            }
        ),
    ];
    if let Some(p) = &fact.period {
        lines.push(format!("- period: {p}"));
    }
    if let Some(b) = &fact.base {
        lines.push(format!("- base: {b}"));
    }
    if let Some(q) = &f.qualifier {
        lines.push(format!("- qualifier: {}", format!("{q:?}").to_lowercase()));
    }
    let checked_by: Vec<&str> = checked
        .findings
        .iter()
        .filter(|x| x.labels.iter().any(|l| l.span == f.span))
        .map(|x| x.rule.as_str())
        .collect();
    if !checked_by.is_empty() {
        lines.push(format!("- in findings: {}", checked_by.join(", ")));
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: lines.join("\n"),
        }),
        range: Some(range(text, &f.span)),
    })
}

/// The likely-culprit corrections of the findings that touch `within`: one quick fix each,
/// replacing one figure with the value at which its relation holds.
pub fn code_actions(uri: &Uri, checked: &Checked, within: Range) -> Vec<CodeActionOrCommand> {
    let text = &checked.source.text;
    let (from, to) = (offset(text, within.start), offset(text, within.end));
    let touches = |s: &std::ops::Range<usize>| s.start <= to && from <= s.end;
    let mut actions = Vec::new();
    for f in &checked.findings {
        if !f.labels.iter().any(|l| touches(&l.span)) {
            continue;
        }
        let diagnostic: Vec<Diagnostic> = diagnostic(uri, text, f).into_iter().collect();
        for (n, fix) in f.fixes.iter().enumerate() {
            let Some(replacement) = fix.replacement(text) else {
                continue;
            };
            let mut title = format!(
                "Change {} to {} ({})",
                &text[fix.span.clone()],
                replacement,
                f.rule
            );
            if let Some(open) = fix.open {
                title.push_str(&format!(", or {}", open.trim_start_matches("or ")));
            }
            let edit = TextEdit {
                range: range(text, &fix.span),
                new_text: replacement,
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(diagnostic.clone()),
                edit: Some(WorkspaceEdit::new(HashMap::from([(
                    uri.clone(),
                    vec![edit],
                )]))),
                is_preferred: Some(n == 0 && fix.slip.is_some()),
                ..CodeAction::default()
            }));
        }
    }
    actions
}
