//! Which drafts to read, and reading them: files, folders walked the way git sees them, and
//! standard input. A file that cannot be read is reported and the others go on.

use super::errors::{fail, ReadError};
use hedui::Source;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The extensions of drafts found in folders. Files named on the command line are read
/// whatever their extension.
const DRAFT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "docx"];

/// How many bytes are looked at to tell a binary file from a draft.
const SNIFF: usize = 8192;

/// What was read.
pub struct Inputs {
    pub sources: Vec<Source>,
    /// Some input could not be read (exit code 2 at the end).
    pub failed: bool,
    /// Files skipped as binary.
    pub skipped: usize,
}

/// `exclude` globs (gitignore syntax) matched from `root`, the folder of the `hedui.json`
/// that lists them, whatever folder hedui runs in.
struct Exclude {
    root: Option<PathBuf>,
    globs: ignore::gitignore::Gitignore,
}

impl Exclude {
    fn new(root: &Path, patterns: &[String]) -> Exclude {
        let mut builder = ignore::gitignore::GitignoreBuilder::new("");
        for pattern in patterns {
            let _ = builder.add_line(None, pattern);
        }
        Exclude {
            root: std::fs::canonicalize(root).ok(),
            globs: builder
                .build()
                .unwrap_or_else(|_| ignore::gitignore::Gitignore::empty()),
        }
    }

    fn matches(&self, path: &Path, is_dir: bool) -> bool {
        if self.globs.is_empty() {
            return false;
        }
        let (Some(root), Ok(full)) = (&self.root, std::fs::canonicalize(path)) else {
            return false;
        };
        match full.strip_prefix(root) {
            // Relative to the root, so the matcher strips nothing and cannot panic.
            Ok(rel) => self
                .globs
                .matched_path_or_any_parents(rel, is_dir)
                .is_ignore(),
            Err(_) => false,
        }
    }
}

/// The draft files under `paths`, in a stable order: each path in the order given, folders
/// walked in file-name order, honouring `.gitignore`, `.ignore` and hidden files, and
/// leaving out paths matched by `exclude` (glob patterns from the config, relative to the
/// config's folder `root`). Symbolic links met in a folder are not followed, and a note says so.
pub fn discover(
    paths: &[PathBuf],
    exclude: &[String],
    root: &Path,
    failed: &mut bool,
) -> Vec<PathBuf> {
    let exclude = Exclude::new(root, exclude);
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(path.clone());
            continue;
        }
        if !path.is_dir() {
            if !path.exists() {
                fail(&ReadError {
                    path: path.display().to_string(),
                    reason: "no such file or folder".into(),
                });
                *failed = true;
            } else {
                out.push(path.clone());
            }
            continue;
        }
        let mut walk = ignore::WalkBuilder::new(path);
        walk.require_git(false).sort_by_file_name(|a, b| a.cmp(b));
        for entry in walk.build() {
            match entry {
                Ok(e) => {
                    let p = e.path();
                    let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                    let is_draft_name = p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                        DRAFT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                    });
                    if e.path_is_symlink() {
                        eprintln!(
                            "hedui: skipped {}: a symbolic link; folders are walked without \
                             following links (name the file itself to check it)",
                            p.display()
                        );
                        continue;
                    }
                    let draft = e.file_type().is_some_and(|t| t.is_file()) && is_draft_name;
                    if draft && !exclude.matches(p, is_dir) {
                        out.push(p.to_path_buf());
                    }
                }
                Err(err) => {
                    fail(&ReadError {
                        path: path.display().to_string(),
                        reason: err.to_string(),
                    });
                    *failed = true;
                }
            }
        }
    }
    out
}

/// Reads one draft: bytes, binary sniffing, UTF-8, Markdown by extension.
fn read_one(path: &Path, stdin_name: Option<&str>) -> Result<Option<Source>, ()> {
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            fail(&ReadError {
                path: "<stdin>".into(),
                reason: e.to_string(),
            });
            return Err(());
        }
        (stdin_name.unwrap_or("<stdin>").to_string(), bytes)
    } else {
        // A draft too large to read is said so before it is read into memory.
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        if let Err(e) = hedui::source::check_size(&path.display().to_string(), size) {
            fail(&e);
            return Err(());
        }
        match std::fs::read(path) {
            Ok(b) => (path.display().to_string(), b),
            Err(e) => {
                fail(&ReadError {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                });
                return Err(());
            }
        }
    };
    if hedui::docx::is_docx(&name) {
        return match hedui::docx::read(&name, &bytes) {
            Ok(s) => {
                note_overlong_numbers(&s);
                Ok(Some(s))
            }
            Err(e) => {
                fail(&e);
                Err(())
            }
        };
    }
    let utf16 = hedui::source::Utf16::detect(&bytes).is_some();
    if !utf16 && bytes[..bytes.len().min(SNIFF)].contains(&0) {
        eprintln!(
            "hedui: skipped {name}: a binary file, not a draft (NUL bytes that are not UTF-16 \
             text; hedui reads UTF-8 and UTF-16)"
        );
        return Ok(None);
    }
    match Source::from_vec(name, bytes) {
        Ok(s) => {
            if let Some(encoding) = s.decoded_from {
                eprintln!(
                    "hedui: note: {} is {encoding}; read as such (byte offsets in reports are \
                     those of its UTF-8 text)",
                    s.name
                );
            }
            note_overlong_numbers(&s);
            Ok(Some(s.by_extension()))
        }
        Err(e) => {
            fail(&e);
            Err(())
        }
    }
}

/// Says on stderr which numbers of a draft are too long to be read as figures (at most five,
/// then how many more), so that no figure goes unread without a word.
fn note_overlong_numbers(source: &Source) {
    let found = hedui::limits::overlong_numbers(&source.text);
    if found.is_empty() {
        return;
    }
    let lines = hedui::report::position::LineIndex::new(&source.text);
    for range in found.iter().take(5) {
        let (line, column) = lines.line_col(range.start);
        let number: String = source.text[range.clone()].chars().take(40).collect();
        eprintln!(
            "hedui: note: {}:{line}:{column}: `{number}` is not read as a figure: hedui reads \
             numbers of at most {} integer digits and {} decimals (longer ones are IDs or codes)",
            source.name,
            hedui::limits::max_integer_digits(),
            hedui::limits::max_decimals(),
        );
    }
    if found.len() > 5 {
        eprintln!(
            "hedui: note: {}: {} more numbers too long to be read as figures",
            source.name,
            found.len() - 5
        );
    }
}

/// Reads every draft under `paths`; `exclude` globs are matched from `root`.
pub fn read(
    paths: &[PathBuf],
    exclude: &[String],
    root: &Path,
    stdin_name: Option<&str>,
) -> Inputs {
    let mut failed = false;
    let files = discover(paths, exclude, root, &mut failed);
    let mut sources = Vec::with_capacity(files.len());
    let mut skipped = 0;
    for f in files {
        match read_one(&f, stdin_name) {
            Ok(Some(s)) => sources.push(s),
            Ok(None) => skipped += 1,
            Err(()) => failed = true,
        }
    }
    Inputs {
        sources,
        failed,
        skipped,
    }
}
