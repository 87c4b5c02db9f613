//! `hedui lsp`: a language server over standard input and output, for `.txt` and `.md` drafts.
//!
//! Full-text sync: on open and on every change the draft is checked again and its diagnostics
//! published (one per finding, the relation's other figures as related information). A hover
//! on a figure shows its kind, interval and identity; code actions offer the likely-culprit
//! corrections. Built on `lsp-server` and `lsp-types`, the transport and types rust-analyzer
//! uses: a synchronous loop, no async runtime.

mod features;
pub mod position;

use crate::rules::RuleSet;
use features::Checked;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeActionParams, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, HoverParams, HoverProviderCapability,
    PublishDiagnosticsParams, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    Uri,
};
use std::collections::HashMap;
use std::error::Error;

type Result<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

/// Serves one client on stdin/stdout until it says `exit`.
pub fn run(rules: &RuleSet) -> Result<()> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    connection.initialize(serde_json::to_value(capabilities)?)?;
    serve(&connection, rules)?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

/// Whether a document is Markdown, by its language id or its name.
fn is_markdown(uri: &Uri, language: Option<&str>) -> bool {
    language == Some("markdown") || crate::markdown::is_markdown(uri.as_str())
}

fn serve(connection: &Connection, rules: &RuleSet) -> Result<()> {
    // Open documents by URI text (a `Uri` caches parts of itself, so it is no map key):
    // whether each is Markdown, and its last check.
    let mut open: HashMap<String, (bool, Checked)> = HashMap::new();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = answer(request, &open);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(n) => {
                let changed = match n.method.as_str() {
                    DidOpenTextDocument::METHOD => {
                        let p: DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                        let doc = p.text_document;
                        let markdown = is_markdown(&doc.uri, Some(&doc.language_id));
                        let checked = features::check(&doc.uri, &doc.text, markdown, rules);
                        open.insert(doc.uri.as_str().to_string(), (markdown, checked));
                        Some(doc.uri)
                    }
                    DidChangeTextDocument::METHOD => {
                        let p: DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                        let uri = p.text_document.uri;
                        // Full sync: the last change holds the whole text.
                        match (
                            p.content_changes.into_iter().last(),
                            open.get_mut(uri.as_str()),
                        ) {
                            (Some(change), Some((markdown, checked))) => {
                                *checked = features::check(&uri, &change.text, *markdown, rules);
                                Some(uri)
                            }
                            _ => None,
                        }
                    }
                    DidCloseTextDocument::METHOD => {
                        let p: DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                        open.remove(p.text_document.uri.as_str());
                        publish(connection, p.text_document.uri, Vec::new())?;
                        None
                    }
                    _ => None,
                };
                if let Some(uri) = changed {
                    if let Some((_, checked)) = open.get(uri.as_str()) {
                        let diagnostics = features::diagnostics(&uri, checked);
                        publish(connection, uri, diagnostics)?;
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn publish(
    connection: &Connection,
    uri: Uri,
    diagnostics: Vec<lsp_types::Diagnostic>,
) -> Result<()> {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version: None,
    };
    connection
        .sender
        .send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.into(),
            params,
        )))?;
    Ok(())
}

/// A request's answer: a hover, code actions, or "method not found".
fn answer(request: Request, open: &HashMap<String, (bool, Checked)>) -> Response {
    let id = request.id.clone();
    let result = match request.method.as_str() {
        HoverRequest::METHOD => serde_json::from_value::<HoverParams>(request.params).map(|p| {
            let at = p.text_document_position_params;
            let hover = open
                .get(at.text_document.uri.as_str())
                .and_then(|(_, c)| features::hover(c, at.position));
            serde_json::to_value(hover).unwrap_or_default()
        }),
        CodeActionRequest::METHOD => serde_json::from_value::<CodeActionParams>(request.params)
            .map(|p| {
                let actions = open
                    .get(p.text_document.uri.as_str())
                    .map(|(_, c)| features::code_actions(&p.text_document.uri, c, p.range))
                    .unwrap_or_default();
                serde_json::to_value(actions).unwrap_or_default()
            }),
        _ => {
            return Response::new_err(
                id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("hedui lsp does not answer {}", request.method),
            )
        }
    };
    match result {
        Ok(value) => Response::new_ok(id, value),
        Err(e) => Response::new_err(
            id,
            lsp_server::ErrorCode::InvalidParams as i32,
            e.to_string(),
        ),
    }
}
