//! Defects 5 and 7: every path the walk meets is a document, a reject or a counted skip, and
//! an output inside the input is never read back.

use std::fs;

use super::support::*;

#[cfg(unix)]
#[test]
fn odd_paths_are_each_a_document_a_reject_or_a_counted_skip() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    let (name, bytes) = seeds().remove(0);
    fs::write(input.join(&name), &bytes).unwrap();
    fs::write(input.join(".hidden.txt"), &bytes).unwrap();
    fs::write(tmp.path().join("outside.txt"), &bytes).unwrap();
    symlink(
        tmp.path().join("outside.txt"),
        input.join("outside_link.txt"),
    )
    .unwrap();
    symlink(input.join("gone.txt"), input.join("dangling.txt")).unwrap();
    symlink(input.join("loop_b"), input.join("loop_a")).unwrap();
    symlink(input.join("loop_a"), input.join("loop_b")).unwrap();
    symlink(&input, input.join("sub/up")).unwrap();
    let fifo = std::ffi::CString::new(input.join("fifo.txt").to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads the NUL-terminated path it is given.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    // A path longer than PATH_MAX (4096 bytes): folders made one at a time from inside the
    // last, by a shell (this process's working directory is shared by the tests).
    let deep = input.join("deep");
    fs::create_dir(&deep).unwrap();
    let script = format!(
        "for i in $(seq 22); do mkdir {d} && cd {d} || exit 1; done; cat > long.txt",
        d = "d".repeat(200)
    );
    let made_long = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(&deep)
        .stdin(fs::File::open(data_dir().join(&name)).unwrap())
        .status()
        .is_ok_and(|s| s.success());
    // An unreadable folder (root reads every folder: then it is a document).
    let locked = input.join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("r.txt"), &bytes).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads_all = fs::read_dir(&locked).is_ok();

    let out = tmp.path().join("out");
    let o = run_with(tmp.path(), &input, &out, "");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let m = assert_accounted(&out);
    let skipped = &m["files"]["skipped"];
    assert_eq!(skipped["hidden"], 1, "{m}");
    assert_eq!(skipped["symlink_outside_root"], 1, "{m}");
    assert_eq!(skipped["symlink_dir"], 1, "{m}");
    assert_eq!(skipped["special_file"], 1, "{m}");
    let rejects = rejects(&out);
    let said = |path: &str, what: &str| {
        rejects
            .iter()
            .any(|(p, e)| p.starts_with(path) && e.contains(what))
    };
    assert!(
        said("dangling.txt", "dangling symbolic link"),
        "{rejects:?}"
    );
    assert!(
        said("loop_a", "loop") && said("loop_b", "loop"),
        "{rejects:?}"
    );
    if !root_reads_all {
        assert!(said("locked", "folder could not be read"), "{rejects:?}");
    }
    if made_long {
        assert!(
            rejects
                .iter()
                .any(|(_, e)| e.contains("longer than the system allows"))
                || records(&out, "documents")
                    .iter()
                    .any(|d| d["source_path"].ends_with("long.txt")),
            "{rejects:?}"
        );
    }
    let docs: Vec<String> = records(&out, "documents")
        .iter()
        .map(|d| d["source_path"].clone())
        .collect();
    assert!(docs.contains(&name), "{docs:?}");
}

#[test]
fn an_output_inside_the_input_is_not_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    for (name, bytes) in seeds().into_iter().take(2) {
        fs::write(input.join(name), bytes).unwrap();
    }
    let out = input.join("tables");
    let first = run_ok(tmp.path(), &input, &out, "");
    assert_eq!(first["files"]["found"], 2);
    // The second run finds last run's tables (report.html, CSV) and its own temporary folder
    // inside the input: both skipped.
    let second = run_ok(tmp.path(), &input, &out, "");
    assert_eq!(second["files"]["found"], 2, "{second}");
    assert_eq!(
        second["files"]["skipped"]["govreport_output"], 2,
        "{second}"
    );
    assert_accounted(&out);
}
