//! Helpers shared by the integration tests.

use std::path::Path;
use std::process::Command;

/// Runs the default pipeline (data/ → `out`) with the built binary; panics with its stderr
/// when the run fails.
pub fn run_default(out: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "run",
            "pipelines/default.toml",
            "--output",
            out.to_str().unwrap(),
            "--quiet",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
