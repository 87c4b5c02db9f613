//! Reports: findings and extractions rendered for people (miette) and programs (JSON).
//!
//! This is the only layer that knows about output formats. It takes findings and facts with
//! byte spans and turns them into lines, columns and text; it never decides what is wrong.

pub mod explain;
pub mod extract;
pub mod human;
pub mod json;
pub mod position;
