//! The output directory: what govreport may replace, where it writes meanwhile, and how it
//! cleans up after itself.
//!
//! govreport replaces only a directory it wrote itself: every output carries the marker file
//! [`MARKER`] (an output written before the marker existed is recognised by its
//! `manifest.json` naming the tool). A new or empty directory is fine to use. Anything else —
//! a file, a symbolic link, the input, a folder holding the input, the working directory or
//! one above it, a folder of someone else's files — is refused before anything is touched.
//!
//! Tables are written to `<output>.tmp-<pid>` beside the output and moved into place when the
//! run succeeds (the old output is set aside as `<output>.old-<pid>` and removed after the
//! move). Leftovers of a run that died (its pid no longer alive, carrying the marker) are
//! removed by the next run; a SIGINT/SIGTERM/SIGHUP removes the running one's (see
//! [`install_signal_cleanup`]).

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The file every output directory carries, naming the tool that wrote it.
pub const MARKER: &str = ".govreport-output";

/// What the marker file says.
fn marker_text() -> String {
    format!(
        "This directory was written by govreport {} and is replaced by its next run.\n\
         Do not keep other files here.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Writes the marker into a directory govreport is about to fill.
pub fn mark(dir: &Path) -> Result<(), String> {
    fs::write(dir.join(MARKER), marker_text())
        .map_err(|e| format!("cannot write {}: {e}", dir.join(MARKER).display()))
}

/// Whether `dir` is an output govreport wrote: it has the marker, or (outputs written before
/// the marker) a manifest.json whose `tool` is govreport.
pub fn is_ours(dir: &Path) -> bool {
    if fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return true;
    }
    let Ok(text) = fs::read_to_string(dir.join("manifest.json")) else {
        return false;
    };
    serde_json::from_str::<serde_json::Value>(&text)
        .is_ok_and(|v| v.get("tool").and_then(|t| t.as_str()) == Some("govreport"))
}

/// Why an output directory cannot be used: the run stops before touching anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `path` made absolute and with `.`/`..` resolved as far as the file system allows: the
/// longest existing ancestor is canonicalized (symbolic links resolved) and the rest appended.
fn resolve(path: &Path) -> Result<PathBuf, String> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| format!("cannot read the working directory: {e}"))?
            .join(path)
    };
    let mut existing = abs.as_path();
    let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
    loop {
        if let Ok(c) = fs::canonicalize(existing) {
            let mut out = c;
            for part in rest.iter().rev() {
                match Path::new(part).components().next() {
                    Some(Component::ParentDir) => {
                        out.pop();
                    }
                    Some(Component::CurDir) | None => {}
                    _ => out.push(part),
                }
            }
            return Ok(out);
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                existing = parent;
            }
            // `..` or `.` at the end of a path that does not exist: keep it lexically.
            (Some(parent), None) => {
                rest.push(
                    existing
                        .components()
                        .next_back()
                        .map_or(std::ffi::OsStr::new("."), |c| c.as_os_str()),
                );
                existing = parent;
            }
            _ => return Ok(abs),
        }
    }
}

/// Checks that `output` may be written (and replaced) by a run reading `input`. Touches
/// nothing. Allowed: a path that does not exist yet, an empty directory, or an output
/// govreport wrote; inside the input only if it is one of those (the walk skips it).
pub fn check_output(output: &Path, input: &Path) -> Result<(), Refused> {
    let refuse = |why: String| Err(Refused(why));
    let shown = output.display();
    if output.as_os_str().is_empty() {
        return refuse("the output directory is empty: name a directory for the tables".into());
    }
    if matches!(
        output.components().next_back(),
        Some(Component::CurDir | Component::ParentDir | Component::RootDir)
    ) {
        return refuse(format!(
            "--output {shown} names the current, a parent or the root directory; name a \
             directory of its own for the tables (e.g. {shown}/out)"
        ));
    }
    let meta = fs::symlink_metadata(output);
    if let Ok(m) = &meta {
        if m.file_type().is_symlink() {
            return refuse(format!(
                "--output {shown} is a symbolic link; govreport does not replace links (name \
                 the directory itself)"
            ));
        }
        if !m.is_dir() {
            return refuse(format!(
                "--output {shown} exists and is not a directory; refusing to replace it"
            ));
        }
    }
    let out = resolve(output).map_err(Refused)?;
    let cwd = std::env::current_dir()
        .and_then(fs::canonicalize)
        .map_err(|e| Refused(format!("cannot read the working directory: {e}")))?;
    if cwd.starts_with(&out) {
        return refuse(format!(
            "--output {shown} is the working directory or holds it; name a directory of its \
             own for the tables"
        ));
    }
    if let Ok(inp) = resolve(input) {
        if inp == out {
            return refuse(format!(
                "--output {shown} is the input directory; the tables need a directory of their own"
            ));
        }
        if inp.starts_with(&out) {
            return refuse(format!(
                "--output {shown} holds the input {}; the tables need a directory of their own",
                input.display()
            ));
        }
    }
    if meta.is_ok() && !is_empty_dir(output) && !is_ours(output) {
        return refuse(format!(
            "--output {shown} exists and was not written by govreport (it has no {MARKER} \
             file); refusing to replace it. Name a new or empty directory, or remove this one \
             yourself"
        ));
    }
    Ok(())
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// `<output>.<kind>-<pid>` beside the output.
fn sibling(output: &Path, kind: &str, pid: u32) -> PathBuf {
    let name = output
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!("{name}.{kind}-{pid}"))
}

/// The directory a run writes its tables to before they are moved into place.
pub fn temp_dir_for(output: &Path) -> PathBuf {
    sibling(output, "tmp", std::process::id())
}

/// Whether a process with this id is running (unknown platforms: assume it is).
fn pid_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        if unsafe { libc::kill(pid, 0) } == 0 {
            return true;
        }
        std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes `<output>.tmp-<pid>` and `<output>.old-<pid>` left by runs that died: only those
/// whose process is gone and that carry govreport's marker (or manifest). Returns how many
/// were removed.
pub fn remove_stale_siblings(output: &Path) -> usize {
    let Some(name) = output.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = fs::read_dir(&parent) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&name) else {
            continue;
        };
        let pid = rest
            .strip_prefix(".tmp-")
            .or_else(|| rest.strip_prefix(".old-"))
            .and_then(|p| p.parse::<u32>().ok());
        let Some(pid) = pid else { continue };
        let path = entry.path();
        let is_dir = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if pid == std::process::id() || pid_alive(pid) || !is_dir || !is_ours(&path) {
            continue;
        }
        if fs::remove_dir_all(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// When a run died between moving the old output aside and moving the new one into place
/// (killed with SIGKILL, the machine stopped), the output is missing and its previous
/// version waits in `<output>.old-<pid>`: move it back before anything else happens.
/// Returns whether one was restored.
pub fn restore_interrupted(output: &Path) -> bool {
    if fs::symlink_metadata(output).is_ok() {
        return false;
    }
    let (Some(name), Some(parent)) = (output.file_name(), output.parent()) else {
        return false;
    };
    let name = name.to_string_lossy().into_owned();
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let Ok(entries) = fs::read_dir(parent) else {
        return false;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name
            .strip_prefix(&name)
            .and_then(|r| r.strip_prefix(".old-"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let path = entry.path();
        if pid != std::process::id()
            && !pid_alive(pid)
            && is_ours(&path)
            && fs::rename(&path, output).is_ok()
        {
            return true;
        }
    }
    false
}

/// The temporary directory of the run in progress, for the signal handler.
static ACTIVE_TMP: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Creates the run's temporary directory (replacing a leftover of ours with the same pid)
/// and marks it; the signal handler removes it if the run is interrupted.
pub fn create_temp(output: &Path) -> Result<PathBuf, String> {
    let tmp = temp_dir_for(output);
    if fs::symlink_metadata(&tmp).is_ok() {
        if !is_ours(&tmp) {
            return Err(format!(
                "{} exists and was not written by govreport; refusing to remove it",
                tmp.display()
            ));
        }
        fs::remove_dir_all(&tmp).map_err(|e| format!("cannot clear {}: {e}", tmp.display()))?;
    }
    if let Some(parent) = tmp.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    // The signal handler waits on this lock: it never sees the folder without its marker.
    let mut active = ACTIVE_TMP.lock().unwrap_or_else(|e| e.into_inner());
    fs::create_dir(&tmp).map_err(|e| format!("cannot create {}: {e}", tmp.display()))?;
    if let Err(e) = mark(&tmp) {
        // Created just now by this run: ours even without the marker.
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    *active = Some(tmp.clone());
    Ok(tmp)
}

/// Removes a run's temporary directory (a failed run's), if it is ours.
pub fn discard_temp(tmp: &Path) {
    let mut active = ACTIVE_TMP.lock().unwrap_or_else(|e| e.into_inner());
    if is_ours(tmp) {
        let _ = fs::remove_dir_all(tmp);
    }
    *active = None;
}

/// Moves the finished tables into place: an old output (checked to be ours before the run)
/// is set aside first and removed only after the new one is in place. Holds the signal
/// handler off while the directories move.
pub fn replace_dir(tmp: &Path, output: &Path) -> Result<(), String> {
    let mut active = ACTIVE_TMP.lock().unwrap_or_else(|e| e.into_inner());
    let result = replace_dir_locked(tmp, output);
    *active = None;
    result
}

fn replace_dir_locked(tmp: &Path, output: &Path) -> Result<(), String> {
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let old = sibling(output, "old", std::process::id());
    let had_old = fs::symlink_metadata(output).is_ok();
    if had_old {
        // Checked before the run, checked again: the directory may have changed meanwhile.
        if is_empty_dir(output) {
            fs::remove_dir(output)
                .map_err(|e| format!("cannot replace empty {}: {e}", output.display()))?;
        } else if is_ours(output) {
            fs::rename(output, &old)
                .map_err(|e| format!("cannot move old output {} aside: {e}", output.display()))?;
        } else {
            return Err(format!(
                "{} changed during the run and is no longer govreport's output; the new \
                 tables are left in {}",
                output.display(),
                tmp.display()
            ));
        }
    }
    if let Err(e) = fs::rename(tmp, output) {
        if fs::symlink_metadata(&old).is_ok() {
            let _ = fs::rename(&old, output);
        }
        return Err(format!(
            "cannot move new tables into {}: {e}",
            output.display()
        ));
    }
    if fs::symlink_metadata(&old).is_ok() && is_ours(&old) {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

/// On SIGINT, SIGTERM or SIGHUP, removes the running run's temporary directory and exits
/// with 128 + the signal number. Must be called before any other thread starts (the signals
/// are blocked in every thread and taken by one thread of its own with `sigwait`).
#[cfg(unix)]
pub fn install_signal_cleanup() {
    // SAFETY: plain libc calls on a signal set that lives on this stack; the set is copied
    // into the waiting thread.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::sigaddset(&mut set, sig);
        }
        if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
            return;
        }
        let spawned = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || loop {
                let mut sig: libc::c_int = 0;
                if libc::sigwait(&set, &mut sig) == 0 {
                    let active = ACTIVE_TMP.lock().unwrap_or_else(|e| e.into_inner());
                    if let Some(tmp) = active.as_ref().filter(|t| is_ours(t)) {
                        // The other threads run on: a removal can meet a file made after it
                        // listed the folder, and a table writer opening its files re-creates
                        // the folder. Remove until it stays gone for 20 ms (at most ~1 s).
                        let mut gone_for = 0;
                        for _ in 0..200 {
                            if fs::symlink_metadata(tmp).is_err() {
                                gone_for += 1;
                                if gone_for == 4 {
                                    break;
                                }
                            } else {
                                gone_for = 0;
                                let _ = fs::remove_dir_all(tmp);
                            }
                            std::thread::sleep(std::time::Duration::from_millis(5));
                        }
                    }
                    crate::log::event(
                        crate::log::Level::Error,
                        "interrupted",
                        &format!("interrupted (signal {sig}); nothing was written"),
                        serde_json::json!({"signal": sig, "exit_code": 128 + sig}),
                    );
                    std::process::exit(128 + sig);
                }
            });
        if spawned.is_err() {
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        }
    }
}

#[cfg(not(unix))]
pub fn install_signal_cleanup() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_govreport_did_not_write() {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("in");
        fs::create_dir_all(input.join("sub")).unwrap();
        fs::write(input.join("sub/r.txt"), b"x").unwrap();
        let foreign = tmp.path().join("photos");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("a.jpg"), b"x").unwrap();
        let file = tmp.path().join("f.txt");
        fs::write(&file, b"x").unwrap();
        let refused = |o: &Path| check_output(o, &input).unwrap_err().0;
        assert!(refused(&foreign).contains("not written by govreport"));
        assert!(refused(&file).contains("not a directory"));
        assert!(refused(&input).contains("is the input"));
        assert!(refused(tmp.path()).contains("holds the input"));
        assert!(refused(&input.join("..")).contains("current, a parent"));
        assert!(refused(Path::new(".")).contains("current, a parent"));
        assert!(refused(Path::new("")).contains("empty"));
        // Inside the input, an existing folder that is not ours: refused too.
        assert!(refused(&input.join("sub")).contains("not written by govreport"));
        #[cfg(unix)]
        {
            let link = tmp.path().join("link");
            std::os::unix::fs::symlink(&foreign, &link).unwrap();
            assert!(refused(&link).contains("symbolic link"));
        }
        // New, empty or ours: fine.
        check_output(&tmp.path().join("new/out"), &input).unwrap();
        let empty = tmp.path().join("empty");
        fs::create_dir(&empty).unwrap();
        check_output(&empty, &input).unwrap();
        mark(&foreign).unwrap();
        check_output(&foreign, &input).unwrap();
        let legacy = tmp.path().join("legacy");
        fs::create_dir(&legacy).unwrap();
        fs::write(legacy.join("manifest.json"), r#"{"tool": "govreport"}"#).unwrap();
        check_output(&legacy, &input).unwrap();
        // Nothing was touched.
        assert!(foreign.join("a.jpg").exists() && file.exists() && input.join("sub").exists());
    }

    #[test]
    fn stale_leftovers_of_dead_runs_are_removed_and_others_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        // A pid that is not running: the largest pid_t is never handed out in practice.
        let dead = i32::MAX as u32;
        let stale = sibling(&out, "tmp", dead);
        fs::create_dir(&stale).unwrap();
        mark(&stale).unwrap();
        let foreign = sibling(&out, "old", dead);
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), b"mine").unwrap();
        let alive = sibling(&out, "tmp", 1);
        fs::create_dir(&alive).unwrap();
        mark(&alive).unwrap();
        assert_eq!(remove_stale_siblings(&out), 1);
        assert!(!stale.exists());
        assert!(foreign.join("notes.txt").exists(), "not ours: kept");
        assert!(alive.exists(), "pid 1 is alive: kept");
    }
}
