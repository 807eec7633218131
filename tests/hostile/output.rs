//! Defect 1: `--output` never removes a directory govreport did not write.

use std::fs;

use super::support::*;

/// A small input: two sample reports.
fn corpus(root: &std::path::Path) -> std::path::PathBuf {
    let input = root.join("in");
    fs::create_dir_all(&input).unwrap();
    for (name, bytes) in seeds().into_iter().take(2) {
        fs::write(input.join(name), bytes).unwrap();
    }
    input
}

fn refused(o: &std::process::Output) -> String {
    assert_eq!(o.status.code(), Some(2), "exit code 2: {}", stderr(o));
    stderr(o)
}

#[test]
fn an_existing_folder_of_other_files_is_refused_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path());
    let photos = tmp.path().join("photos");
    fs::create_dir(&photos).unwrap();
    fs::write(photos.join("holiday.jpg"), b"not a table").unwrap();
    let err = refused(&run_with(tmp.path(), &input, &photos, ""));
    assert!(err.contains("not written by govreport"), "{err}");
    assert_eq!(
        fs::read(photos.join("holiday.jpg")).unwrap(),
        b"not a table"
    );
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_input_its_parent_the_working_directory_a_file_and_a_link_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path());
    let before = dir_bytes(tmp.path());
    for (output, says) in [
        (input.clone(), "is the input"),
        (tmp.path().to_path_buf(), "holds the input"),
        (input.join(".."), "parent"),
        (std::path::PathBuf::from("."), "current"),
        (
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            "working directory",
        ),
        (input.join(&seeds()[0].0), "not a directory"),
    ] {
        let err = refused(&run_with(tmp.path(), &input, &output, ""));
        assert!(err.contains(says), "{}: {err}", output.display());
    }
    #[cfg(unix)]
    {
        let real = tmp.path().join("real");
        fs::create_dir(&real).unwrap();
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let err = refused(&run_with(tmp.path(), &input, &link, ""));
        assert!(err.contains("symbolic link"), "{err}");
    }
    // The pipeline file the helper writes is the only new file.
    assert!(dir_bytes(tmp.path()) <= before + 64);
    assert_eq!(fs::read_dir(&input).unwrap().count(), 2);
}

#[test]
fn its_own_output_is_replaced_and_an_empty_folder_used() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path());
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    run_ok(tmp.path(), &input, &out, "");
    assert!(out.join(".govreport-output").exists());
    let first = manifest(&out)["run_id"].clone();
    run_ok(tmp.path(), &input, &out, "");
    assert_ne!(
        manifest(&out)["run_id"],
        first,
        "replaced by the second run"
    );
}

#[test]
fn stale_temporary_folders_of_dead_runs_are_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path());
    let out = tmp.path().join("out");
    // A dead run's leftovers: ours (marked) and a foreign one with a look-alike name.
    let dead = tmp.path().join(format!("out.tmp-{}", i32::MAX));
    fs::create_dir(&dead).unwrap();
    fs::write(dead.join(".govreport-output"), "govreport").unwrap();
    let foreign = tmp.path().join(format!("out.old-{}", i32::MAX - 1));
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("keep.txt"), "mine").unwrap();
    run_ok(tmp.path(), &input, &out, "");
    assert!(
        !dead.exists(),
        "a dead run's marked temporary folder is removed"
    );
    assert!(foreign.join("keep.txt").exists(), "an unmarked one is kept");
}

#[cfg(unix)]
#[test]
fn a_terminated_run_leaves_no_temporary_folder() {
    use std::time::{Duration, Instant};
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    // Enough documents that the run is still going when the signal comes.
    for i in 0..400 {
        for (name, bytes) in seeds() {
            fs::write(input.join(format!("{i:03}_{name}")), &bytes).unwrap();
        }
    }
    let out = tmp.path().join("out");
    let pipeline = tmp.path().join("p.toml");
    fs::write(&pipeline, "[run]\nbatch_size = 8\n").unwrap();
    let mut child = bin()
        .args([
            "run",
            pipeline.to_str().unwrap(),
            "--quiet",
            "--threads",
            "1",
        ])
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .spawn()
        .unwrap();
    let tmp_dir = tmp.path().join(format!("out.tmp-{}", child.id()));
    let waited = Instant::now();
    while !tmp_dir.exists() && waited.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    // SAFETY: sends SIGTERM to the child this test started.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
    let status = child.wait().unwrap();
    if status.success() {
        // The run finished before the signal: nothing to check but that it cleaned up.
        assert!(out.exists());
    } else {
        assert_eq!(status.code(), Some(128 + libc::SIGTERM), "{status:?}");
        assert!(!out.exists(), "an interrupted run writes no output");
    }
    assert!(!tmp_dir.exists(), "the temporary folder is removed");
}
