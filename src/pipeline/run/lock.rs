//! One writer per output: a run holds an exclusive lock on `.<output>.lock` beside the output
//! directory for as long as it runs; a second run on the same output stops at once.
//!
//! The lock is `flock(2)`: the kernel drops it when the process ends, however it ends, so a
//! killed run never leaves a stale lock behind. The file itself stays (removing it would let
//! a third run lock a new file while the second still holds the old one); its name starts
//! with a dot so that a walk of an input holding the output skips it as hidden.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// Held for the whole run; the lock is released when it is dropped (or the process ends).
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
    pub path: PathBuf,
}

/// The lock file of an output directory: `.<name>.lock` in the same parent.
pub fn lock_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!(".{name}.lock"))
}

/// Takes the output's lock without waiting: an error sentence when another run holds it.
pub fn acquire(output: &Path) -> Result<OutputLock, String> {
    let path = lock_path(output);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
        return Err(format!(
            "{} exists and is not a lock file govreport made; refusing to use it",
            path.display()
        ));
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("cannot open the lock file {}: {e}", path.display()))?;
    try_lock(&file).map_err(|held| {
        if held {
            format!(
                "another govreport run is writing {} (it holds {}); this run stops without \
                 touching it. Wait for that run to end, or check that no run is stuck",
                output.display(),
                path.display()
            )
        } else {
            format!("cannot lock {}", path.display())
        }
    })?;
    Ok(OutputLock { _file: file, path })
}

/// `Err(true)` when another process holds the lock, `Err(false)` on any other failure.
#[cfg(unix)]
fn try_lock(file: &File) -> Result<(), bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock on a descriptor this function borrows; no memory is passed.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(());
    }
    Err(std::io::Error::last_os_error().raw_os_error() == Some(libc::EWOULDBLOCK))
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> Result<(), bool> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_one_output_is_refused_until_the_first_is_dropped() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let first = acquire(&out).unwrap();
        assert_eq!(first.path, tmp.path().join(".out.lock"));
        let refused = acquire(&out).unwrap_err();
        assert!(refused.contains("another govreport run"), "{refused}");
        // Another output is not locked by this one.
        let _other = acquire(&tmp.path().join("out2")).unwrap();
        drop(first);
        acquire(&out).unwrap();
    }
}
