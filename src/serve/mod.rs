//! `hedui serve`: a local page where an editor pastes or drops a draft and sees its figures
//! checked in place, and a JSON endpoint for a CMS.
//!
//! tiny_http rather than axum: one editor's page on 127.0.0.1 asks one thing at a time, and a
//! synchronous server of a few small crates needs no async runtime (tokio, hyper, tower) to
//! build or to run on a two-core machine. Requests are answered one after the other.
//!
//! Routes:
//! - `GET /`, `/page.js`, `/page.css`: the page, built into the binary (no CDN, no build step);
//! - `POST /api/check` with `{"text": …, "name": "draft.md"}`: what `hedui check --format
//!   json` prints for that draft;
//! - `POST /api/file?name=draft.docx` with the file's bytes: the same document for a file;
//! - `POST /api/inspect?name=…` with a file's bytes: what the page shows (text, findings,
//!   figures).

pub mod api;

use crate::rules::RuleSet;
use serde_json::{json, Value};
use std::io::Read;

/// The largest request body read: a draft, not an archive.
const MAX_BODY: u64 = 32 * 1024 * 1024;

const PAGE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// Serves on 127.0.0.1:`port` until the process is stopped; prints the address first.
pub fn run(port: u16, rules: &RuleSet) -> std::io::Result<()> {
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(std::io::Error::other)?;
    let address = server
        .server_addr()
        .to_ip()
        .map_or_else(|| format!("127.0.0.1:{port}"), |a| a.to_string());
    println!("hedui serve: http://{address}/  (POST /api/check for programs; Ctrl-C stops it)");
    use std::io::Write;
    let _ = std::io::stdout().flush();
    for request in server.incoming_requests() {
        handle(request, rules);
    }
    Ok(())
}

fn handle(mut request: tiny_http::Request, rules: &RuleSet) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let method = request.method().clone();
    let response = match (&method, path) {
        (tiny_http::Method::Get, "/" | "/index.html") => text(PAGE, "text/html; charset=utf-8"),
        (tiny_http::Method::Get, "/page.js") => text(SCRIPT, "text/javascript; charset=utf-8"),
        (tiny_http::Method::Get, "/page.css") => text(STYLE, "text/css; charset=utf-8"),
        (tiny_http::Method::Post, "/api/check" | "/api/file" | "/api/inspect") => {
            let mut body = Vec::new();
            let read = request
                .as_reader()
                .take(MAX_BODY + 1)
                .read_to_end(&mut body);
            if read.is_err() || body.len() as u64 > MAX_BODY {
                reply(
                    request,
                    error(413, "the body is unreadable or larger than 32 MB"),
                );
                return;
            }
            let name = query_name(query);
            let answer = std::panic::catch_unwind(|| match path {
                "/api/check" => api::check_request(&body, rules),
                "/api/file" => api::source_of(&name, &body).map(|s| api::check_document(&s, rules)),
                _ => api::source_of(&name, &body).map(|s| api::inspect(&s, rules)),
            });
            match answer {
                Ok(Ok(doc)) => json_response(200, &doc),
                Ok(Err(reason)) => error(400, &reason),
                Err(_) => error(500, "hedui failed on this draft (a bug of ours)"),
            }
        }
        _ => error(
            404,
            "no such page: GET / for the page, POST /api/check for programs",
        ),
    };
    reply(request, response);
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn reply(request: tiny_http::Request, response: Response) {
    // The editor closed the tab: nothing to do.
    let _ = request.respond(response);
}

fn header(value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(&b"Content-Type"[..], value.as_bytes())
        .expect("content types are constant ASCII")
}

fn text(body: &str, kind: &str) -> Response {
    tiny_http::Response::from_data(body.as_bytes().to_vec()).with_header(header(kind))
}

fn json_response(status: u16, doc: &Value) -> Response {
    let body = serde_json::to_string_pretty(doc).unwrap_or_default() + "\n";
    tiny_http::Response::from_data(body.into_bytes())
        .with_status_code(status)
        .with_header(header("application/json; charset=utf-8"))
}

fn error(status: u16, reason: &str) -> Response {
    json_response(status, &json!({ "error": reason }))
}

/// `name=…` of a query string, percent-decoded; `draft.txt` without one.
fn query_name(query: &str) -> String {
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("name="))
        .map(percent_decode)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "draft.txt".into())
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_percent_decoded() {
        assert_eq!(query_name("name=%E7%A8%BF.docx"), "稿.docx");
        assert_eq!(query_name(""), "draft.txt");
    }
}
