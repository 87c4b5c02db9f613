//! The data files a newsroom adds beside hedui's own (word lists, partitions): every `*.json`
//! of a folder but its `schema.json`, or one file, read in name order.

use crate::rules::RuleError;
use std::path::Path;

/// (name, text) of each data file at `path`; a folder or file that cannot be read is a
/// diagnostic naming it and what kind of file was sought.
pub fn read(path: &Path, what: &str) -> Result<Vec<(String, String)>, Box<RuleError>> {
    let error = |reason: String| {
        Box::new(RuleError::new(
            &path.display().to_string(),
            "",
            (0, 0),
            reason,
            "here",
            None,
        ))
    };
    let mut files: Vec<std::path::PathBuf> = if path.is_file() {
        vec![path.to_path_buf()]
    } else {
        std::fs::read_dir(path)
            .map_err(|e| error(format!("cannot read the {what} folder: {e}")))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "json")
                    && p.file_name().is_some_and(|n| n != "schema.json")
            })
            .collect()
    };
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let name = f.display().to_string();
            std::fs::read_to_string(&f)
                .map(|text| (name.clone(), text))
                .map_err(|e| error(format!("cannot read {name}: {e}")))
        })
        .collect()
}
