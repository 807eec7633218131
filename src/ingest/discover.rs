//! Discovery: every path the walk of the input meets is accounted for. It is a document to
//! read, a reject with a sentence (a folder that cannot be read, a dangling link, a link
//! loop, a path too long for the system), or a skip counted in the manifest (`Skipped`).
//!
//! Policy, also in the README's "Safety" section:
//! - hidden files and folders (name starting with `.`) are skipped and counted;
//! - paths matching an `exclude` pattern are skipped and counted;
//! - folders govreport wrote (its output, a run's temporary folder: they carry the marker
//!   file, see `outdir`) are skipped and counted, so an output inside the input is never
//!   read back;
//! - symbolic links are not followed out of the input root (counted); a link to a file
//!   inside the root is read as a document at the link's path; a link to a folder is not
//!   followed (its files are read where they are, inside the root), counted;
//! - FIFOs, sockets and devices are never opened, counted.
//!
//! The walk is lazy and in file-name order, so runs are deterministic.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use globset::GlobSet;
use walkdir::WalkDir;

use super::InputFile;

/// Paths the walk met that are neither documents nor rejects, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Hidden files and folders (a hidden folder counts once; it is not entered).
    pub hidden: u64,
    /// Files matching an `exclude` pattern.
    pub excluded: u64,
    /// Folders govreport wrote (an output or a run's temporary folder), not entered.
    pub govreport_output: u64,
    /// Symbolic links whose target is outside the input root, not followed.
    pub symlink_outside_root: u64,
    /// Symbolic links to a folder inside the root, not followed (its files are read where
    /// they are).
    pub symlink_dir: u64,
    /// FIFOs, sockets, character and block devices, never opened.
    pub special_file: u64,
}

impl Skipped {
    pub fn total(&self) -> u64 {
        self.hidden
            + self.excluded
            + self.govreport_output
            + self.symlink_outside_root
            + self.symlink_dir
            + self.special_file
    }

    pub fn to_json(self) -> serde_json::Value {
        serde_json::json!({
            "hidden": self.hidden,
            "excluded": self.excluded,
            "govreport_output": self.govreport_output,
            "symlink_outside_root": self.symlink_outside_root,
            "symlink_dir": self.symlink_dir,
            "special_file": self.special_file,
        })
    }
}

/// The lazy walk of an input root (see the module documentation).
pub struct Discovery<'a> {
    root: PathBuf,
    /// The root with symbolic links resolved, for telling where a link leads.
    canonical_root: Option<PathBuf>,
    single_file: bool,
    walk: walkdir::IntoIter,
    exclude: &'a GlobSet,
    /// What was skipped so far.
    pub skipped: Skipped,
}

/// Walks `root` lazily in a stable order (see the module documentation).
pub fn discover<'a>(root: &Path, exclude: &'a GlobSet) -> Discovery<'a> {
    let canonical_root = fs::canonicalize(root).ok();
    let single_file = fs::metadata(root).is_ok_and(|m| !m.is_dir());
    Discovery {
        root: root.to_path_buf(),
        canonical_root,
        single_file,
        walk: WalkDir::new(root)
            .follow_links(false)
            .follow_root_links(true)
            .sort_by_file_name()
            .into_iter(),
        exclude,
        skipped: Skipped::default(),
    }
}

/// A sentence for an I/O error met on a path: the common causes in words.
pub fn io_sentence(e: &io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ENAMETOOLONG) {
        return "the path is longer than the system allows (PATH_MAX)".to_string();
    }
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return "symbolic link loop (a link that leads back to itself)".to_string();
    }
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "it does not exist".to_string(),
        _ => e.to_string(),
    }
}

impl Discovery<'_> {
    fn rel(&self, path: &Path) -> String {
        if self.single_file {
            return path
                .file_name()
                .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
                .into_owned();
        }
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    fn problem(&self, path: &Path, sentence: String) -> InputFile {
        InputFile {
            path: path.to_path_buf(),
            rel_path: self.rel(path),
            problem: Some(sentence),
            origin: None,
        }
    }

    /// A file to read, unless an exclude pattern says no.
    fn document(&mut self, path: PathBuf) -> Option<InputFile> {
        let rel_path = self.rel(&path);
        if self.exclude.is_match(&rel_path) {
            self.skipped.excluded += 1;
            return None;
        }
        Some(InputFile {
            path,
            rel_path,
            problem: None,
            origin: None,
        })
    }

    /// A symbolic link met in the walk: followed only to a regular file inside the root.
    fn link(&mut self, path: PathBuf) -> Option<InputFile> {
        let target = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let to = fs::read_link(&path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                return Some(self.problem(
                    &path,
                    format!("dangling symbolic link: its target {to} does not exist"),
                ));
            }
            Err(e) => {
                return Some(self.problem(
                    &path,
                    format!("symbolic link could not be followed: {}", io_sentence(&e)),
                ))
            }
        };
        let inside = match (&self.canonical_root, fs::canonicalize(&path)) {
            (Some(root), Ok(t)) => t.starts_with(root),
            _ => false,
        };
        if !inside {
            self.skipped.symlink_outside_root += 1;
            None
        } else if target.is_dir() {
            self.skipped.symlink_dir += 1;
            None
        } else if target.is_file() {
            self.document(path)
        } else {
            self.skipped.special_file += 1;
            None
        }
    }
}

impl Iterator for Discovery<'_> {
    type Item = InputFile;

    fn next(&mut self) -> Option<InputFile> {
        loop {
            let entry = match self.walk.next()? {
                Ok(e) => e,
                Err(e) => {
                    let Some(path) = e.path().map(Path::to_path_buf) else {
                        continue;
                    };
                    let why = e.io_error().map_or_else(|| e.to_string(), io_sentence);
                    let is_dir = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
                    let sentence = if is_dir {
                        format!(
                            "folder could not be read ({why}); the files in it are not in this run"
                        )
                    } else {
                        format!("path could not be read: {why}")
                    };
                    return Some(self.problem(&path, sentence));
                }
            };
            let depth = entry.depth();
            let file_type = entry.file_type();
            if depth > 0 && entry.file_name().to_string_lossy().starts_with('.') {
                if file_type.is_dir() {
                    self.walk.skip_current_dir();
                }
                self.skipped.hidden += 1;
                continue;
            }
            if file_type.is_dir() {
                if depth > 0 && crate::outdir::is_ours(entry.path()) {
                    self.walk.skip_current_dir();
                    self.skipped.govreport_output += 1;
                }
                continue;
            }
            let path = entry.into_path();
            let found = if file_type.is_symlink() {
                self.link(path)
            } else if file_type.is_file() {
                self.document(path)
            } else {
                self.skipped.special_file += 1;
                None
            };
            if found.is_some() {
                return found;
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn every_path_is_a_document_a_reject_or_a_counted_skip() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("in");
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("a.txt"), "报告").unwrap();
        fs::write(root.join("sub/b.txt"), "报告").unwrap();
        fs::write(root.join(".hidden.txt"), "x").unwrap();
        fs::create_dir(root.join(".git")).unwrap();
        fs::write(root.join(".git/c.txt"), "x").unwrap();
        fs::create_dir(root.join("out")).unwrap();
        crate::outdir::mark(&root.join("out")).unwrap();
        fs::write(root.join("out/facts.csv"), "x").unwrap();
        fs::write(tmp.path().join("outside.txt"), "x").unwrap();
        symlink(tmp.path().join("outside.txt"), root.join("to_outside.txt")).unwrap();
        symlink(root.join("a.txt"), root.join("to_a.txt")).unwrap();
        symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
        symlink(root.join("loop2"), root.join("loop1")).unwrap();
        symlink(root.join("loop1"), root.join("loop2")).unwrap();
        symlink(&root, root.join("sub/up")).unwrap();
        let fifo = std::ffi::CString::new(root.join("pipe").to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads the NUL-terminated path it is given.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        let excludes = super::super::build_excludes(&[]).unwrap();
        let mut d = discover(&root, &excludes);
        let found: Vec<(String, Option<String>)> =
            d.by_ref().map(|f| (f.rel_path, f.problem)).collect();
        let docs: Vec<&str> = found
            .iter()
            .filter(|(_, p)| p.is_none())
            .map(|(r, _)| r.as_str())
            .collect();
        assert_eq!(docs, ["a.txt", "sub/b.txt", "to_a.txt"]);
        let problems: Vec<(&str, &str)> = found
            .iter()
            .filter_map(|(r, p)| Some((r.as_str(), p.as_deref()?)))
            .collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].0 == "dangling.txt" && problems[0].1.contains("dangling"));
        assert!(problems[1].1.contains("loop") && problems[2].1.contains("loop"));
        assert_eq!(
            d.skipped,
            Skipped {
                hidden: 2,
                excluded: 0,
                govreport_output: 1,
                symlink_outside_root: 1,
                symlink_dir: 1,
                special_file: 1,
            }
        );
    }
}
