//! `--files-from FILE|-`: the inputs as an explicit list of paths (a crawler's list of what
//! it holds), instead of a walk of the input root. Paths are relative to the input root or
//! absolute inside it; each listed path is a document or a reject with a sentence, and the
//! list comes out in the order a walk would give (path order, component by component), so
//! `duplicate_of` and the tables' row order are the same as for a walk of the same files.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use globset::GlobSet;

use super::{InputFile, Skipped};

/// The files a list names, in path order, and what was skipped (excluded by a pattern).
pub fn listed(root: &Path, list: &str, exclude: &GlobSet) -> (Vec<InputFile>, Skipped) {
    let mut skipped = Skipped::default();
    let canonical_root = fs::canonicalize(root).ok();
    let mut files: BTreeMap<PathBuf, InputFile> = BTreeMap::new();
    for line in list.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let file = one(root, canonical_root.as_deref(), line);
        if file.problem.is_none() && exclude.is_match(&file.rel_path) {
            skipped.excluded += 1;
            continue;
        }
        files.entry(PathBuf::from(&file.rel_path)).or_insert(file);
    }
    (files.into_values().collect(), skipped)
}

/// The input file for one listed path.
fn one(root: &Path, canonical_root: Option<&Path>, line: &str) -> InputFile {
    let given = Path::new(line);
    let rel: Option<PathBuf> = if given.is_absolute() {
        given
            .strip_prefix(root)
            .ok()
            .or_else(|| canonical_root.and_then(|r| given.strip_prefix(r).ok()))
            .map(Path::to_path_buf)
    } else {
        Some(given.to_path_buf())
    };
    let clean = rel.as_deref().and_then(inside);
    let Some(rel) = clean else {
        return InputFile {
            path: given.to_path_buf(),
            rel_path: line.to_string(),
            problem: Some(format!(
                "listed in --files-from but outside the input root {}; not read",
                root.display()
            )),
            origin: None,
        };
    };
    let rel_path = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let path = root.join(&rel);
    let problem = match fs::metadata(&path) {
        Ok(m) if m.is_file() => None,
        Ok(_) => Some("listed in --files-from but not a regular file; not read".to_string()),
        Err(e) => Some(format!(
            "listed in --files-from but cannot be read: {}",
            super::discover::io_sentence(&e)
        )),
    };
    InputFile {
        path,
        rel_path,
        problem,
        origin: None,
    }
}

/// `rel` without `.` components, if it stays inside the root (no `..`, not empty).
fn inside(rel: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in rel.components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_gives_its_files_in_walk_order_and_a_sentence_for_each_problem() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("in");
        fs::create_dir_all(root.join("a")).unwrap();
        for f in ["a/x.txt", "a-b.txt", "b.txt", "skip.md"] {
            fs::write(root.join(f), "报告").unwrap();
        }
        let outside = tmp.path().join("o.txt");
        fs::write(&outside, "x").unwrap();
        let list = format!(
            "b.txt\n\n# a comment\n./a-b.txt\n{}\na/x.txt\nb.txt\nmissing.txt\n../o.txt\n{}\na\nskip.md\n",
            root.join("a/x.txt").display(),
            outside.display()
        );
        let exclude = crate::ingest::build_excludes(&["*.md".into()]).unwrap();
        let (files, skipped) = listed(&root, &list, &exclude);
        let got: Vec<(&str, Option<&str>)> = files
            .iter()
            .map(|f| (f.rel_path.as_str(), f.problem.as_deref()))
            .collect();
        // Path order as a walk gives it: a/x.txt before a-b.txt; listed twice, read once.
        let readable: Vec<&str> = got.iter().filter(|g| g.1.is_none()).map(|g| g.0).collect();
        assert_eq!(readable, ["a/x.txt", "a-b.txt", "b.txt"], "{got:?}");
        let problem = |name: &str| {
            got.iter()
                .find(|g| g.0 == name)
                .and_then(|g| g.1)
                .unwrap_or_else(|| panic!("{name}: {got:?}"))
                .to_string()
        };
        assert!(problem("missing.txt").contains("does not exist"));
        assert!(problem("../o.txt").contains("outside the input root"));
        assert!(problem(&outside.display().to_string()).contains("outside"));
        assert!(problem("a").contains("not a regular file"));
        assert_eq!(skipped.excluded, 1);
        assert_eq!(files.len(), 7, "{got:?}");
    }
}
