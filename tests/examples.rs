//! Runs the analysis examples in examples/ against a fresh run over data/, where Python with
//! pandas/pyarrow or DuckDB is installed; otherwise says it skipped them.

mod common;

use std::path::Path;
use std::process::Command;

fn python_has(modules: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn python_example_runs_where_pandas_is_installed() {
    if !python_has("pandas, pyarrow") {
        eprintln!("skipped: python3 with pandas and pyarrow is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    common::run_default(&out);
    let o = Command::new("python3")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["examples/first_analysis.py", out.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.contains("5 documents"), "{stdout}");
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
    } else if python_has("duckdb") {
        common::run_default(&out);
        let script = "import duckdb, sys\nfor stmt in sys.stdin.read().split(';'):\n    if stmt.strip() and not all(l.strip().startswith('--') or not l.strip() for l in stmt.splitlines()):\n        print(duckdb.sql(stmt))\n";
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(sql.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    } else {
        eprintln!("skipped: neither the duckdb CLI nor the duckdb Python module is installed");
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
