//! Runs the analysis examples in examples/ against a fresh run over data/, where Python with
//! pandas/pyarrow or DuckDB is installed (`make pyenv` makes .venv with them); otherwise says
//! "skipped" on the terminal, never passing silently.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Written straight to the terminal: the test harness does not capture it, so a skip shows
/// in `make test`.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The first Python (`$GOVREPORT_PYTHON`, the repository's .venv, python3) that imports
/// `modules`.
fn python_with(modules: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        std::env::var_os("GOVREPORT_PYTHON").map(PathBuf::from),
        Some(root.join(".venv/bin/python")).filter(|p| p.exists()),
        Some(PathBuf::from("python3")),
    ]
    .into_iter()
    .flatten()
    .find(|p| {
        Command::new(p)
            .args(["-c", &format!("import {modules}")])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn python_example_runs_where_pandas_is_installed() {
    let Some(python) = python_with("pandas, pyarrow") else {
        say("skipped: examples/first_analysis.py (pandas and pyarrow not installed; `make pyenv`)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    common::run_default(&out);
    let o = Command::new(&python)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["examples/first_analysis.py", out.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.contains("5 documents"), "{stdout}");
    assert!(stdout.contains("enforcement_cases_filed"), "{stdout}");
}

#[test]
fn duckdb_example_runs_where_duckdb_is_installed() {
    let sql = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/first_analysis.sql"),
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let sql = sql.replace("data/out/", &format!("{}/", out.display()));
    let output = if Command::new("duckdb")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        common::run_default(&out);
        Command::new("duckdb").arg("-c").arg(&sql).output().unwrap()
    } else if let Some(python) = python_with("duckdb") {
        common::run_default(&out);
        let script = "import duckdb, sys\nfor stmt in sys.stdin.read().split(';'):\n    if stmt.strip() and not all(l.strip().startswith('--') or not l.strip() for l in stmt.splitlines()):\n        print(duckdb.sql(stmt))\n";
        let mut child = Command::new(python)
            .args(["-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(sql.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    } else {
        say("skipped: examples/first_analysis.sql (neither the duckdb CLI nor the duckdb Python module is installed; `make pyenv`)");
        return;
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("enforcement.cases_filed"), "{stdout}");
}
