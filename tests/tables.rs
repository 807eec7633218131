//! The tables as analysts load them: every table (flat and partitioned, Parquet and CSV) read
//! by pyarrow, pandas, polars and DuckDB where installed and checked against schema.json
//! (tests/load_tables.py); CSV for Excel (`--excel`); the panel with mixed units and a
//! duplicate document.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A line on the terminal even when the test harness captures output: a skip must never
/// look like a pass.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The Python to use: $GOVREPORT_PYTHON, the repository's .venv (`make pyenv`), or python3.
fn python() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("GOVREPORT_PYTHON").map(PathBuf::from),
        Some(root.join(".venv/bin/python")).filter(|p| p.exists()),
        Some(PathBuf::from("python3")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// A corpus with what the tables must carry: the sample reports, a report without a year
/// (an unknown-year partition), a copy of a report (a duplicate), and text that looks like
/// spreadsheet formulas.
fn corpus(dir: &Path) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let first = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .min()
        .unwrap();
    std::fs::copy(&first, dir.join("zz_copy_of_first.txt")).unwrap();
    std::fs::write(
        dir.join("no_year.txt"),
        "=某镇法治政府建设情况报告\n\
         =HYPERLINK(\"http://example.com\",\"某镇人民政府\")\n\
         一、主要举措和成效\n\
         -全年开展普法宣传活动12场,普法讲座8次,调解纠纷35件。\n\
         @所有人:办理行政复议案件3件。\n\
         二、存在的不足\n\
         +法治宣传的针对性还不强。\n\
         三、下一步工作计划\n\
         继续开展法治宣传。\n",
    )
    .unwrap();
}

fn run(input: &Path, out: &Path, extra: &[&str]) {
    let o = Command::new(env!("CARGO_BIN_EXE_govreport"))
        .args(["run", "--input", input.to_str().unwrap()])
        .args(["--output", out.to_str().unwrap(), "--quiet"])
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn every_table_loads_with_its_schema_types_in_every_installed_tool() {
    let Some(python) = python() else {
        say("skipped: python3 not installed (tables not loaded with pyarrow, pandas, polars, duckdb)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    corpus(&input);
    let (flat, by_year) = (tmp.path().join("flat"), tmp.path().join("by_year"));
    run(&input, &flat, &[]);
    run(&input, &by_year, &["--partition-by-year"]);
    assert!(by_year.join("facts/year=unknown/part-0.parquet").exists());
    // An incremental dataset after a change: parts rewritten from Parquet (lists included).
    let nightly = tmp.path().join("nightly");
    let flags = ["--incremental", "--partition-by-year"];
    run(&input, &nightly, &flags);
    let changed = input.join("no_year.txt");
    let text = std::fs::read_to_string(&changed).unwrap() + "全年办理行政复议案件4件。\n";
    std::fs::write(&changed, text).unwrap();
    run(&input, &nightly, &flags);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/load_tables.py");
    let o = Command::new(&python)
        .arg(&script)
        .args([&flat, &by_year, &nightly])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    for line in stdout.lines().filter(|l| l.starts_with("skipped")) {
        say(&format!("{line} ({})", python.display()));
    }
    assert!(
        o.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Each tool either read both folders or said it skipped.
    for tool in ["pyarrow", "pandas", "polars", "duckdb"] {
        let read = stdout.matches(&format!("ok: {tool} read")).count();
        let skipped = stdout.contains(&format!("skipped: {tool} not installed"));
        assert!(read == 3 || skipped, "{tool}: {stdout}");
    }
}

#[test]
fn partitioned_tables_keep_report_year_in_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    corpus(&input);
    let out = tmp.path().join("out");
    run(&input, &out, &["--partition-by-year"]);
    let (h, rows) = read_csv(&out.join("csv/facts/year=2024/part-0.csv"));
    let y = h
        .iter()
        .position(|c| c == "report_year")
        .expect("report_year");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r[y] == "2024"));
    let (h, rows) = read_csv(&out.join("csv/documents/year=unknown/part-0.csv"));
    let y = h.iter().position(|c| c == "report_year").unwrap();
    assert!(rows.iter().all(|r| r[y].is_empty()), "{rows:?}");
}

/// Formula-like titles and bodies reach Excel as text: a leading `'` under `--excel`, with a
/// BOM; numbers (negative too) stay numbers; without `--excel` the text is as printed.
#[test]
fn excel_csv_neutralises_formula_like_text_and_keeps_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    corpus(&input);
    let (excel, plain) = (tmp.path().join("excel"), tmp.path().join("plain"));
    run(&input, &excel, &["--excel"]);
    run(&input, &plain, &[]);
    let bytes = std::fs::read(excel.join("documents.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "no BOM");
    let formula_start = |s: &str| s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    for table in [
        "documents",
        "texts",
        "sections",
        "facts",
        "dates",
        "indicators",
        "panel",
    ] {
        let text = std::fs::read_to_string(excel.join(format!("{table}.csv"))).unwrap();
        let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        for rec in r.records() {
            let rec = rec.unwrap();
            for (field, name) in rec.iter().zip(&header) {
                // A number is not a formula: only text may not start like one.
                if field.parse::<f64>().is_err() {
                    assert!(!formula_start(field), "{table}.{name}: {field:?}");
                }
            }
        }
    }
    // The title, the body and the sentences that start like formulas, as Excel gets them
    // and as they are without --excel.
    for (table, column, plain_start) in [
        ("documents", "title", "=某镇法治政府建设情况报告"),
        ("texts", "body", "=某镇法治政府建设情况报告\n"),
        ("facts", "sentence", "-全年开展普法宣传活动12场"),
        ("facts", "sentence", "@所有人"),
    ] {
        let (h, excel_rows) = read_csv(&excel.join(format!("{table}.csv")));
        let (_, plain_rows) = read_csv(&plain.join(format!("{table}.csv")));
        let k = h.iter().position(|c| c == column).unwrap();
        let bom_free = |s: &str| s.trim_start_matches('\u{feff}').to_string();
        assert!(
            plain_rows.iter().any(|r| r[k].starts_with(plain_start)),
            "{table}.{column} without --excel"
        );
        assert!(
            excel_rows
                .iter()
                .any(|r| bom_free(&r[k]).starts_with(&format!("'{plain_start}"))),
            "{table}.{column} under --excel"
        );
    }
    // The Parquet files keep the text as printed.
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(excel.join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["schema_version"], "3.1");
}

#[test]
fn excel_row_limit_is_a_warning() {
    let w = govreport::pipeline::excel_row_warnings(&[("facts", 1_048_576), ("texts", 1_048_575)]);
    assert_eq!(w.len(), 1);
    assert!(w[0].starts_with("table facts has 1048576 rows"), "{w:?}");
}

/// Units the taxonomy does not call the same thing get columns of their own (2场 and 2次 are
/// never 4); units it does (件, 宗, 起) share one; a duplicate document adds no panel row.
#[test]
fn panel_keeps_units_apart_and_duplicates_out() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let report = "某县2023年法治政府建设情况报告\n某县人民政府\n一、主要举措和成效\n\
                  全年开展法治宣传活动2场,开展法治宣传活动2次。\n\
                  全年行政处罚立案30件,行政处罚立案5宗。\n\
                  二、存在的不足\n宣传不够深入。\n三、下一步工作计划\n继续加强。\n";
    std::fs::write(input.join("a.txt"), report).unwrap();
    std::fs::write(input.join("b.txt"), report).unwrap();
    let out = tmp.path().join("out");
    run(&input, &out, &[]);
    let (h, facts) = read_csv(&out.join("facts.csv"));
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    let units: Vec<(&str, &str)> = facts
        .iter()
        .filter(|r| r[col("doc_id")] == facts[0][col("doc_id")])
        .map(|r| {
            (
                r[col("indicator")].as_str(),
                r[col("unit_normalized")].as_str(),
            )
        })
        .collect();
    assert!(
        units.contains(&("legal_publicity.events", "场"))
            && units.contains(&("legal_publicity.events", "次")),
        "{units:?}"
    );
    // Facts carry their mandated part.
    assert!(facts
        .iter()
        .all(|r| r[col("section_type")] == "measures_and_results"));
    let (h, panel) = read_csv(&out.join("panel.csv"));
    assert_eq!(panel.len(), 1, "the copy adds no row: {panel:?}");
    let pc = |n: &str| {
        h.iter()
            .position(|c| c == n)
            .unwrap_or_else(|| panic!("{n}: {h:?}"))
    };
    assert_eq!(panel[0][pc("legal_publicity_events")], "2.0");
    assert_eq!(panel[0][pc("legal_publicity_events_chang")], "2.0");
    assert_eq!(panel[0][pc("enforcement_cases_filed")], "35.0");
    // Every panel column is an identifier of at most 32 characters, and unique.
    let mut seen = std::collections::HashSet::new();
    for name in &h {
        assert!(name.len() <= 32 && seen.insert(name), "{name}");
        assert!(
            name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{name}"
        );
    }
    let (h, docs) = read_csv(&out.join("documents.csv"));
    let dup = h.iter().position(|c| c == "duplicate_of").unwrap();
    assert_eq!(docs.iter().filter(|r| !r[dup].is_empty()).count(), 1);
}
