//! Running the binary on a corpus built in a temporary directory, and reading back what it
//! wrote.

// Each test module uses its own part of these helpers.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govreport"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The sample reports' file names and bytes.
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// `govreport run` with no pipeline file of the repository's (an empty one in `dir`), so
/// only the flags and `extra` TOML count.
pub fn run_with(dir: &Path, input: &Path, output: &Path, extra: &str) -> Output {
    let pipeline = dir.join("pipeline.toml");
    fs::write(&pipeline, extra).unwrap();
    bin()
        .args([
            "run",
            pipeline.to_str().unwrap(),
            "--quiet",
            "--threads",
            "2",
        ])
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(output)
        .output()
        .expect("binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs and expects success; returns the manifest.
pub fn run_ok(dir: &Path, input: &Path, output: &Path, extra: &str) -> serde_json::Value {
    let o = run_with(dir, input, output, extra);
    assert!(o.status.success(), "run failed: {}", stderr(&o));
    manifest(output)
}

pub fn manifest(output: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(output.join("manifest.json")).unwrap()).unwrap()
}

/// CSV rows (without the header) of a table.
pub fn rows(output: &Path, table: &str) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(output.join(format!("{table}.csv"))).unwrap();
    r.records().map(Result::unwrap).collect()
}

/// The accounting invariant: documents + rejects = files found, in the manifest and in the
/// tables.
pub fn assert_accounted(output: &Path) -> serde_json::Value {
    let m = manifest(output);
    let files = &m["files"];
    let (found, read, rejected) = (
        files["found"].as_u64().unwrap(),
        files["read"].as_u64().unwrap(),
        files["rejected"].as_u64().unwrap(),
    );
    assert_eq!(read + rejected, found, "{m}");
    assert_eq!(rows(output, "documents").len() as u64, read);
    assert_eq!(rows(output, "rejects").len() as u64, rejected);
    m
}

/// Total size of the files under `dir`.
pub fn dir_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .sum()
}

/// The `error` column of the rejects, by source path.
pub fn rejects(output: &Path) -> Vec<(String, String)> {
    rows(output, "rejects")
        .iter()
        .map(|r| (r[0].to_string(), r[2].to_string()))
        .collect()
}

/// Rows of a table as column name → value.
pub fn records(output: &Path, table: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(output.join(format!("{table}.csv"))).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|x| {
            let x = x.unwrap();
            header
                .iter()
                .cloned()
                .zip(x.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The `documents` row of a source path.
pub fn document(output: &Path, path: &str) -> std::collections::HashMap<String, String> {
    records(output, "documents")
        .into_iter()
        .find(|d| d["source_path"] == path)
        .unwrap_or_else(|| panic!("{path} is not a document"))
}
