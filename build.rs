//! Embeds the default rule set and word lists: every `rules/*.json` and `lexicon/*.json`
//! becomes part of the binary, so a new rule or list of the default set is one new JSON file
//! and nothing else.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    embed(
        "rules",
        "DEFAULT_RULES",
        "default_rules.rs",
        "every default rule",
    );
    embed(
        "lexicon",
        "DEFAULT_LEXICON",
        "default_lexicon.rs",
        "every default word list",
    );
    embed(
        "concepts",
        "DEFAULT_CONCEPTS",
        "default_concepts.rs",
        "every default partition",
    );
}

/// Writes `OUT_DIR/out` with a constant `name` holding (file name, contents) of every JSON file
/// of `folder` but its schema.
fn embed(folder: &str, name: &str, out_file: &str, what: &str) {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets this")).join(folder);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.extension().is_some_and(|e| e == "json")
            && p.file_name().is_some_and(|n| n != "schema.json")
    });
    files.sort();
    let mut out =
        format!("/// (file name, contents) of {what}.\npub const {name}: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().expect("a file").to_string_lossy();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets this")).join(out_file);
    fs::write(dest, out).expect("OUT_DIR is writable");
}
