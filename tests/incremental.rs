//! Incremental runs (`govreport run --incremental`): after any sequence of added, edited,
//! renamed and removed files, with runs killed halfway, the dataset read back and sorted is
//! what one full run over the current inputs writes, in Parquet and in CSV.
//!
//! `GOVREPORT_INCREMENTAL_SEEDS=n` runs n random sequences instead of the default two.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow_array::{Array, Date32Array, Float64Array, Int32Array, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

const TABLES: [&str; 8] = [
    "documents",
    "texts",
    "sections",
    "facts",
    "dates",
    "rejects",
    "indicators",
    "panel",
];

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govreport"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run_args(input: &Path, output: &Path, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "run",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--threads",
        "2",
        "--quiet",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn run(input: &Path, output: &Path, extra: &[&str]) -> Output {
    bin().args(run_args(input, output, extra)).output().unwrap()
}

fn run_ok(input: &Path, output: &Path, extra: &[&str]) -> Output {
    let o = run(input, output, extra);
    assert!(
        o.status.success(),
        "govreport {extra:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn samples() -> Vec<(String, Vec<u8>)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(&data)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn cell(col: &dyn Array, i: usize) -> String {
    if col.is_null(i) {
        return String::new();
    }
    let any = col.as_any();
    if let Some(a) = any.downcast_ref::<StringArray>() {
        return a.value(i).to_string();
    }
    if let Some(a) = any.downcast_ref::<Int32Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = any.downcast_ref::<arrow_array::Int16Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = any.downcast_ref::<arrow_array::Int64Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = any.downcast_ref::<Float64Array>() {
        return govreport::tables::sink::format_float(a.value(i));
    }
    if let Some(a) = any.downcast_ref::<Date32Array>() {
        return a.value_as_date(i).unwrap().format("%Y-%m-%d").to_string();
    }
    if let Some(a) = any.downcast_ref::<arrow_array::TimestampMicrosecondArray>() {
        return govreport::tables::sink::rfc3339_micros(a.value(i));
    }
    if let Some(a) = any.downcast_ref::<arrow_array::ListArray>() {
        // Items joined by `;`: the same on both sides of every comparison.
        let items = a.value(i);
        return (0..items.len())
            .map(|k| cell(items.as_ref(), k))
            .collect::<Vec<_>>()
            .join(";");
    }
    panic!("unexpected column type {:?}", col.data_type());
}

/// Every file under `dir` whose name ends with `ext`.
fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p, ext));
        } else if p.to_string_lossy().ends_with(ext) {
            out.push(p);
        }
    }
    out
}

/// A table's rows from every Parquet file of it (flat, partitioned or in parts), each row
/// as `column=value` cells in column-name order, sorted.
fn parquet_rows(out: &Path, table: &str) -> Vec<String> {
    let mut files = files_under(&out.join(table), ".parquet");
    let flat = out.join(format!("{table}.parquet"));
    if flat.exists() {
        files.push(flat);
    }
    let mut rows = Vec::new();
    for f in files {
        let reader = ParquetRecordBatchReaderBuilder::try_new(fs::File::open(&f).unwrap())
            .unwrap()
            .build()
            .unwrap();
        for batch in reader {
            let batch = batch.unwrap();
            let schema = batch.schema();
            for i in 0..batch.num_rows() {
                let cells: BTreeMap<String, String> = schema
                    .fields()
                    .iter()
                    .zip(batch.columns())
                    .map(|(field, col)| (field.name().clone(), cell(col.as_ref(), i)))
                    .collect();
                rows.push(format!("{cells:?}"));
            }
        }
    }
    rows.sort();
    rows
}

/// The same from every CSV file of the table.
fn csv_rows(out: &Path, table: &str) -> Vec<String> {
    let mut files = files_under(&out.join("csv").join(table), ".csv");
    let flat = out.join(format!("{table}.csv"));
    if flat.exists() {
        files.push(flat);
    }
    let mut rows = Vec::new();
    for f in files {
        let mut r = csv::Reader::from_path(&f).unwrap();
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        for rec in r.records() {
            let rec = rec.unwrap();
            let cells: BTreeMap<String, String> = header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect();
            rows.push(format!("{cells:?}"));
        }
    }
    rows.sort();
    rows
}

/// The whole dataset as sorted rows per table and format.
fn dataset(out: &Path) -> BTreeMap<String, Vec<String>> {
    let mut d = BTreeMap::new();
    for t in TABLES {
        d.insert(format!("{t}.parquet"), parquet_rows(out, t));
        d.insert(format!("{t}.csv"), csv_rows(out, t));
    }
    d
}

fn assert_same_dataset(got: &Path, want: &Path, context: &str) {
    let (g, w) = (dataset(got), dataset(want));
    for (table, want_rows) in &w {
        let got_rows = &g[table];
        assert_eq!(
            got_rows.len(),
            want_rows.len(),
            "{context}: {table} has {} rows, a full run {}",
            got_rows.len(),
            want_rows.len()
        );
        for (a, b) in got_rows.iter().zip(want_rows) {
            assert_eq!(a, b, "{context}: {table} differs from a full run");
        }
    }
    // The run report describes the whole dataset too: its analyst's sections are the same.
    let report = |dir: &Path| std::fs::read_to_string(dir.join("report.html")).unwrap();
    let (g, w) = (report(got), report(want));
    for id in [
        "fields",
        "documents",
        "warnings",
        "levels",
        "years",
        "coverage",
    ] {
        assert_eq!(
            report_section(&g, id),
            report_section(&w, id),
            "{context}: the report's {id} section differs from a full run's"
        );
    }
}

/// `<section id="…">…</section>` of a run report.
fn report_section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\""))
        .unwrap_or_else(|| panic!("report section {id}"));
    let len = html[start..].find("</section>").expect("section closed");
    &html[start..start + len]
}

/// Files of the random scenario: the sample reports, edited, copied (duplicates), renamed,
/// removed, and a few bad files.
struct Corpus {
    dir: PathBuf,
    samples: Vec<(String, Vec<u8>)>,
    rng: fastrand::Rng,
    names: Vec<String>,
    edits: u32,
}

impl Corpus {
    fn file_names(&self) -> Vec<String> {
        let mut v: Vec<String> = files_under(&self.dir, "")
            .into_iter()
            .map(|p| {
                p.strip_prefix(&self.dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        v.sort();
        v
    }

    fn fresh_name(&mut self) -> String {
        let dirs = ["", "a/", "b/", "z/"];
        loop {
            let name = format!(
                "{}{}{:03}.txt",
                dirs[self.rng.usize(..dirs.len())],
                ["r", "m", "s"][self.rng.usize(..3)],
                self.rng.u32(..1000)
            );
            if !self.dir.join(&name).exists() {
                self.names.push(name.clone());
                return name;
            }
        }
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        let p = self.dir.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }

    /// One random change; returns what it did.
    fn change(&mut self) -> String {
        let existing = self.file_names();
        let op = if existing.len() < 3 {
            0
        } else {
            self.rng.u32(..7)
        };
        let pick = |rng: &mut fastrand::Rng| existing[rng.usize(..existing.len())].clone();
        match op {
            0 | 1 => {
                let (_, bytes) = self.samples[self.rng.usize(..self.samples.len())].clone();
                let name = self.fresh_name();
                self.write(&name, &bytes);
                format!("add {name}")
            }
            2 => {
                // Same size edits keep the modification time check honest: the hash decides.
                let name = pick(&mut self.rng);
                let mut bytes = fs::read(self.dir.join(&name)).unwrap();
                self.edits += 1;
                bytes.extend(format!("\n全年共办理行政复议案件{}件。\n", self.edits).as_bytes());
                self.write(&name, &bytes);
                format!("edit {name}")
            }
            3 => {
                let from = pick(&mut self.rng);
                let to = self.fresh_name();
                let bytes = fs::read(self.dir.join(&from)).unwrap();
                fs::remove_file(self.dir.join(&from)).unwrap();
                self.write(&to, &bytes);
                format!("rename {from} -> {to}")
            }
            4 => {
                let name = pick(&mut self.rng);
                fs::remove_file(self.dir.join(&name)).unwrap();
                format!("remove {name}")
            }
            5 => {
                // A copy at another path: a duplicate (or the first of its body, if it
                // comes earlier in path order).
                let from = pick(&mut self.rng);
                let to = self.fresh_name();
                let bytes = fs::read(self.dir.join(&from)).unwrap();
                self.write(&to, &bytes);
                format!("copy {from} -> {to}")
            }
            _ => {
                let name = self.fresh_name();
                let bad: &[u8] = if self.rng.bool() {
                    b""
                } else {
                    b"%PDF-1.4 \x00\x01\x02\x03 binary"
                };
                self.write(&name, bad);
                format!("bad {name}")
            }
        }
    }
}

fn scenario(seed: u64, partitioned: bool) {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    let (inc, full) = (tmp.path().join("inc"), tmp.path().join("full"));
    let mut corpus = Corpus {
        dir: input.clone(),
        samples: samples(),
        rng: fastrand::Rng::with_seed(seed),
        names: Vec::new(),
        edits: 0,
    };
    for _ in 0..4 {
        corpus.change();
    }
    let mut flags = vec!["--incremental"];
    if partitioned {
        flags.push("--partition-by-year");
    }
    run_ok(&input, &inc, &flags);
    let mut log = Vec::new();
    for step in 0..5 {
        for _ in 0..corpus.rng.usize(1..4) {
            log.push(corpus.change());
        }
        if corpus.rng.u32(..3) == 0 {
            // A run killed at a random point leaves the previous dataset as it was.
            let before = dataset(&inc);
            let mut child = bin()
                .args(run_args(&input, &inc, &flags))
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(corpus.rng.u64(0..1500)));
            let _ = child.kill();
            let _ = child.wait();
            log.push("killed run".into());
            let after = dataset(&inc);
            let finished = after != before;
            if finished {
                // It may have finished before the kill: then it is a whole new dataset.
                log.push("(it had finished)".into());
            }
        }
        run_ok(&input, &inc, &flags);
        if full.exists() {
            fs::remove_dir_all(&full).unwrap();
        }
        let fewest: Vec<&str> = if partitioned {
            vec!["--partition-by-year"]
        } else {
            vec![]
        };
        let o = run(&input, &full, &fewest);
        if !o.status.success() {
            // No document left (all removed or bad): the incremental run must fail too.
            let inc_again = run(&input, &inc, &flags);
            assert!(!inc_again.status.success(), "seed {seed}: {log:?}");
            continue;
        }
        assert_same_dataset(
            &inc,
            &full,
            &format!("seed {seed}, step {step}, partitioned {partitioned}: {log:?}"),
        );
    }
}

#[test]
fn incremental_runs_equal_a_full_run_after_random_changes_and_kills() {
    let seeds: u64 = std::env::var("GOVREPORT_INCREMENTAL_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    for seed in 0..seeds {
        scenario(seed, seed % 2 == 1);
    }
}

/// The catalog's decision for each kind of change, in the manifest.
#[test]
fn the_manifest_says_what_a_run_added_replaced_and_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    let s = samples();
    for (name, bytes) in &s[..3] {
        fs::write(input.join(name), bytes).unwrap();
    }
    let out = tmp.path().join("out");
    let inc = |out: &Path| -> serde_json::Value {
        run_ok(&input, out, &["--incremental"]);
        let m: serde_json::Value =
            serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
        m
    };
    let m = inc(&out);
    assert_eq!(m["incremental"]["added"], 3);
    assert_eq!(m["files"]["read"], 3);
    // Nothing changed: nothing read, every part kept.
    let m = inc(&out);
    assert_eq!(m["incremental"]["unchanged"], 3);
    assert_eq!(m["incremental"]["documents_read"], 0);
    assert_eq!(m["incremental"]["parts_written"], 0);
    assert_eq!(m["tables"]["documents"], 3);
    // Touched but the same bytes: the hash keeps it.
    let touched = input.join(&s[0].0);
    let bytes = fs::read(&touched).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&touched, &bytes).unwrap();
    let m = inc(&out);
    assert_eq!(m["incremental"]["documents_read"], 0, "{m}");
    // One edited, one removed, one added.
    let mut edited = bytes.clone();
    edited.extend("\n全年办理案件12件。\n".as_bytes());
    fs::write(&touched, edited).unwrap();
    fs::remove_file(input.join(&s[1].0)).unwrap();
    fs::write(input.join(&s[3].0), &s[3].1).unwrap();
    let m = inc(&out);
    let i = &m["incremental"];
    assert_eq!(
        (&i["added"], &i["replaced"], &i["removed"], &i["unchanged"]),
        (&1.into(), &1.into(), &1.into(), &1.into()),
        "{m}"
    );
    assert_eq!(m["files"]["read"], 3);
    assert!(i["parts_rewritten"].as_u64().unwrap() > 0);
}

#[test]
fn a_second_run_on_the_same_output_stops_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // Hold the lock as a run does.
    let _held = govreport::pipeline::lock::acquire(&out).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::copy(data.join(&samples()[0].0), input.join("r.txt")).unwrap();
    let o = run(&input, &out, &["--incremental"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("another govreport run"), "{err}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_dataset_missing_a_part_file_is_rebuilt_from_the_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    for (name, bytes) in &samples()[..2] {
        fs::write(input.join(name), bytes).unwrap();
    }
    let (inc, full) = (tmp.path().join("inc"), tmp.path().join("full"));
    run_ok(&input, &inc, &["--incremental"]);
    let facts = files_under(&inc.join("facts"), ".parquet");
    fs::remove_file(&facts[0]).unwrap();
    let o = run_ok(&input, &inc, &["--incremental"]);
    let m: serde_json::Value =
        serde_json::from_slice(&fs::read(inc.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(
        m["incremental"]["rebuilt"],
        true,
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    run_ok(&input, &full, &[]);
    assert_same_dataset(&inc, &full, "rebuilt");
}
