//! Reports: findings and extractions rendered for people (miette), programs (JSON), code
//! scanning (SARIF), CI annotations (GitHub) and editors (concise).
//!
//! This is the only layer that knows about output formats. It takes findings and facts with
//! byte spans and turns them into lines, columns and text; it never decides what is wrong.

pub mod concise;
pub mod explain;
pub mod extract;
pub mod github;
pub mod human;
pub mod json;
pub mod position;
pub mod sarif;
