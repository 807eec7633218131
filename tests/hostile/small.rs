//! Defect 9: the smaller ways a run could hang, panic or mislead.

use std::fs;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::support::*;

/// Waits for a child; kills it and fails if it has not ended after a generous while (a hang
/// is the defect, not slowness).
fn wait_or_kill(mut child: std::process::Child) -> std::process::Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("the process hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn extract_refuses_a_fifo_instead_of_waiting_on_it() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("report.txt");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads the NUL-terminated path it is given.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let child = bin()
        .arg("extract")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let o = wait_or_kill(child);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
}

#[test]
fn extract_stops_quietly_when_its_reader_goes_away() {
    let (name, _) = seeds().remove(0);
    let mut child = bin()
        .arg("extract")
        .arg(data_dir().join(name))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // like `| head -0`
    let o = wait_or_kill(child);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn absurd_thread_counts_are_capped_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    let (name, bytes) = seeds().remove(0);
    fs::write(input.join(name), bytes).unwrap();
    let pipeline = tmp.path().join("p.toml");
    fs::write(&pipeline, "").unwrap();
    let o = bin()
        .args([
            "run",
            pipeline.to_str().unwrap(),
            "--quiet",
            "--threads",
            "100000",
        ])
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("more than 4 per core"),
        "{}",
        stderr(&o)
    );
    assert!(
        manifest(&tmp.path().join("out"))["threads"]
            .as_u64()
            .unwrap()
            < 100_000
    );
}

#[test]
fn unknown_pipeline_keys_stop_the_run_naming_them() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    let out = tmp.path().join("out");
    let o = run_with(
        tmp.path(),
        &input,
        &out,
        "[input]\nmax_secnds_per_file = 3\n",
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("max_secnds_per_file"), "{}", stderr(&o));
    assert!(!out.exists());
}
