//! End-to-end tests of the `govreport` binary on the sample reports in `data/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow_array::{Array, Date32Array, Float64Array, Int32Array, RecordBatch, StringArray};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

const TABLES: &[&str] = &[
    "documents",
    "texts",
    "sections",
    "facts",
    "dates",
    "rejects",
];

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govreport"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run_ok(args: &[&str]) -> Output {
    let out = bin().args(args).output().expect("binary runs");
    assert!(
        out.status.success(),
        "govreport {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn run_pipeline(input: &Path, output: &Path, threads: usize) {
    run_ok(&[
        "run",
        "pipelines/default.toml",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--threads",
        &threads.to_string(),
        "--quiet",
    ]);
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn read_parquet(path: &Path) -> Vec<RecordBatch> {
    let f = fs::File::open(path).unwrap();
    ParquetRecordBatchReaderBuilder::try_new(f)
        .unwrap()
        .build()
        .unwrap()
        .map(|b| b.unwrap())
        .collect()
}

#[test]
fn run_writes_every_table_for_the_seeds() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run_pipeline(&data_dir(), &out, 2);
    for t in TABLES {
        assert!(out.join(format!("{t}.csv")).exists(), "{t}.csv missing");
        assert!(
            out.join(format!("{t}.parquet")).exists(),
            "{t}.parquet missing"
        );
    }
    let (_, docs) = read_csv(&out.join("documents.csv"));
    assert_eq!(
        docs.len(),
        5,
        "the five seed reports, nothing from data/gazetteer or data/out"
    );
    let (_, rejects) = read_csv(&out.join("rejects.csv"));
    assert!(rejects.is_empty(), "{rejects:?}");
    let (_, sections) = read_csv(&out.join("sections.csv"));
    assert!(sections.len() > 50);
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["files"]["found"], 5);
    assert_eq!(manifest["files"]["read"], 5);
    assert_eq!(manifest["tables"]["documents"], 5);
    assert_eq!(
        manifest["schema_version"],
        govreport::tables::schema::SCHEMA_VERSION
    );
    assert!(manifest["mb_per_second"].as_f64().unwrap() > 0.0);
    if cfg!(unix) {
        // The whole process's CPU time: reading and extracting five reports takes some.
        let cpu = &manifest["cpu_seconds"];
        let (user, system) = (
            cpu["user"].as_f64().unwrap(),
            cpu["system"].as_f64().unwrap(),
        );
        assert!(user > 0.0 && system >= 0.0, "{cpu}");
    }
}

#[test]
fn output_is_byte_identical_across_thread_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, two) = (tmp.path().join("t1"), tmp.path().join("t2"));
    run_pipeline(&data_dir(), &one, 1);
    run_pipeline(&data_dir(), &two, 2);
    for t in TABLES {
        for ext in ["csv", "parquet"] {
            let name = format!("{t}.{ext}");
            assert_eq!(
                fs::read(one.join(&name)).unwrap(),
                fs::read(two.join(&name)).unwrap(),
                "{name} differs"
            );
        }
    }
}

#[test]
fn parquet_reads_back_equal_to_csv_with_declared_types() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run_pipeline(&data_dir(), &out, 2);
    for t in TABLES {
        let (header, rows) = read_csv(&out.join(format!("{t}.csv")));
        let batches = read_parquet(&out.join(format!("{t}.parquet")));
        let schema = batches.first().map(|b| b.schema());
        let n: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(n, rows.len(), "{t}: row counts differ");
        let Some(schema) = schema else { continue };
        let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        assert_eq!(names, header, "{t}: columns differ");
        // Compare every cell, rendered the way the CSV writer renders it.
        let mut r = 0;
        for b in &batches {
            for i in 0..b.num_rows() {
                for (c, col) in b.columns().iter().enumerate() {
                    let cell = render(col.as_ref(), i, header[c] == "warnings");
                    assert_eq!(cell, rows[r][c], "{t} row {r} column {}", header[c]);
                }
                r += 1;
            }
        }
    }
    let docs = read_parquet(&out.join("documents.parquet"));
    let s = docs[0].schema();
    assert_eq!(
        s.field_with_name("publish_date").unwrap().data_type(),
        &DataType::Date32
    );
    assert_eq!(
        s.field_with_name("report_year").unwrap().data_type(),
        &DataType::Int32
    );
    assert_eq!(
        s.field_with_name("source_bytes").unwrap().data_type(),
        &DataType::Int64
    );
    let facts = read_parquet(&out.join("facts.parquet"));
    if let Some(b) = facts.first() {
        assert_eq!(
            b.schema()
                .field_with_name("value_normalized")
                .unwrap()
                .data_type(),
            &DataType::Float64
        );
    }
}

/// A cell as the CSV writer writes it; `warnings` for the column whose list items are
/// sentences.
fn render(col: &dyn Array, i: usize, warnings: bool) -> String {
    if col.is_null(i) {
        return String::new();
    }
    if let Some(a) = col.as_any().downcast_ref::<StringArray>() {
        return a.value(i).to_string();
    }
    if let Some(a) = col.as_any().downcast_ref::<Int32Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = col.as_any().downcast_ref::<arrow_array::Int16Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = col.as_any().downcast_ref::<arrow_array::Int64Array>() {
        return a.value(i).to_string();
    }
    if let Some(a) = col.as_any().downcast_ref::<Float64Array>() {
        return govreport::tables::sink::format_float(a.value(i));
    }
    if let Some(a) = col.as_any().downcast_ref::<Date32Array>() {
        return a.value_as_date(i).unwrap().format("%Y-%m-%d").to_string();
    }
    if let Some(a) = col
        .as_any()
        .downcast_ref::<arrow_array::TimestampMicrosecondArray>()
    {
        return govreport::tables::sink::rfc3339_micros(a.value(i));
    }
    if let Some(a) = col.as_any().downcast_ref::<arrow_array::ListArray>() {
        // Lists as the CSV writes them: `;`-joined (warnings: `; `).
        let items = a.value(i);
        let sep = if items.as_any().is::<StringArray>() && warnings {
            "; "
        } else {
            ";"
        };
        return (0..items.len())
            .map(|k| render(items.as_ref(), k, false))
            .collect::<Vec<_>>()
            .join(sep);
    }
    panic!("unexpected column type {:?}", col.data_type());
}

#[test]
fn bad_inputs_become_rejects_and_the_run_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::copy(
        data_dir().join("001_9e571f58bb1199a2.txt"),
        input.join("good.txt"),
    )
    .unwrap();
    fs::write(input.join("empty.txt"), b"").unwrap();
    fs::write(
        input.join("binary.txt"),
        [0u8, 1, 2, 3, 0, 0, 255, 254, 0, 7],
    )
    .unwrap();
    fs::write(input.join("scan.pdf"), b"%PDF-1.4 binary").unwrap();
    fs::write(input.join("notes.csv"), b"a,b\n1,2\n").unwrap();
    let garbage: Vec<u8> = (0..4000u32)
        .map(|i| [0x80u8, 0xFF, 0xC0, 0x81, 0xFE][(i % 5) as usize])
        .collect();
    fs::write(input.join("garbage.txt"), garbage).unwrap();
    let out = tmp.path().join("out");
    run_pipeline(&input, &out, 2);
    let (_, docs) = read_csv(&out.join("documents.csv"));
    let (header, rejects) = read_csv(&out.join("rejects.csv"));
    assert_eq!(header, ["source_path", "stage", "error", "source_bytes"]);
    assert_eq!(docs.len() + rejects.len(), 6, "every file is accounted for");
    assert_eq!(docs.len(), 1);
    let reason = |name: &str| {
        rejects
            .iter()
            .find(|r| r[0] == name)
            .map(|r| r[2].clone())
            .unwrap_or_default()
    };
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("binary.txt").contains("binary"));
    assert!(reason("scan.pdf").contains("PDF"));
    assert!(reason("notes.csv").contains("unsupported"));
    assert!(
        reason("garbage.txt").contains("decoded"),
        "{}",
        reason("garbage.txt")
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["files"]["rejected"], 5);
}

#[test]
fn gbk_and_utf16_inputs_give_the_same_body_as_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let text = fs::read_to_string(data_dir().join("004_4ef7c2eab01ad059.txt")).unwrap();
    fs::write(input.join("a_utf8.txt"), &text).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    fs::write(input.join("b_gbk.txt"), &gbk).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    fs::write(input.join("c_utf16.txt"), utf16).unwrap();
    let crlf = text.replace('\n', "\r\n");
    fs::write(input.join("d_crlf.txt"), crlf).unwrap();
    let out = tmp.path().join("out");
    run_pipeline(&input, &out, 2);
    let (h, docs) = read_csv(&out.join("documents.csv"));
    let enc = h.iter().position(|c| c == "encoding").unwrap();
    let dup = h.iter().position(|c| c == "duplicate_of").unwrap();
    let encodings: Vec<&str> = docs.iter().map(|r| r[enc].as_str()).collect();
    assert_eq!(encodings, ["UTF-8", "GB18030", "UTF-16LE", "UTF-8"]);
    // Same cleaned body → the later three are duplicates of the first.
    assert!(docs[0][dup].is_empty());
    for r in &docs[1..] {
        assert_eq!(r[dup], docs[0][0]);
    }
}

#[test]
fn a_failed_run_leaves_the_previous_tables_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run_pipeline(&data_dir(), &out, 1);
    let before = fs::read(out.join("documents.csv")).unwrap();
    let status = bin()
        .args([
            "run",
            "--input",
            tmp.path().join("missing").to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!status.status.success());
    assert!(String::from_utf8_lossy(&status.stderr).contains("does not exist"));
    assert_eq!(fs::read(out.join("documents.csv")).unwrap(), before);
    // The output and its lock file (`.out.lock`, kept between runs).
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary directories left: {leftovers:?}"
    );
    assert!(tmp.path().join(".out.lock").is_file());
}

#[test]
fn extract_prints_one_documents_json() {
    let out = run_ok(&["extract", "data/002_40cb9ad96189bd44.txt"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["document"]["source_path"], "002_40cb9ad96189bd44.txt");
    assert!(v["sections"].as_array().unwrap().len() > 10);
    assert!(v["removed_lines"].as_array().unwrap().len() >= 10);
    assert!(!v["body"].as_str().unwrap().contains("ICP备"));
}

#[test]
fn schema_output_matches_the_committed_data_dictionary() {
    let out = run_ok(&["schema"]);
    let committed =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/DATA_DICTIONARY.md"))
            .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        committed,
        "docs/DATA_DICTIONARY.md is stale: run `make dictionary` and review the diff"
    );
}

#[test]
fn help_shows_examples_for_each_command() {
    for sub in [
        vec!["--help"],
        vec!["run", "--help"],
        vec!["extract", "--help"],
        vec!["schema", "--help"],
    ] {
        let out = run_ok(&sub);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Example"), "{sub:?} help has no examples");
    }
}

#[test]
fn csv_bom_option_prefixes_csv_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    run_ok(&[
        "run",
        "--input",
        "data",
        "--output",
        out.to_str().unwrap(),
        "--csv-bom",
        "--quiet",
    ]);
    let bytes = fs::read(out.join("documents.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}doc_id".as_bytes()));
}

/// Rows of a Hive-partitioned table read back as one dataset (`year=2023`, `year=unknown`):
/// every file has the table's columns, report_year included, and only rows of its year.
fn read_partitioned_csv(dir: &Path, header_order: &[String]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for part in fs::read_dir(dir).unwrap() {
        let part = part.unwrap().path();
        let name = part.file_name().unwrap().to_string_lossy().into_owned();
        let value = name
            .strip_prefix("year=")
            .expect("hive directory name")
            .to_string();
        let value = if value == "unknown" {
            String::new()
        } else {
            value
        };
        let (header, part_rows) = read_csv(&part.join("part-0.csv"));
        assert_eq!(header, header_order, "the same columns in every partition");
        let year = header.iter().position(|h| h == "report_year").unwrap();
        for r in part_rows {
            assert_eq!(r[year], value, "{name}: a row of another year");
            rows.push(r);
        }
        let pq = dir
            .parent()
            .unwrap()
            .parent()
            .unwrap()
            .join(dir.file_name().unwrap())
            .join(&name)
            .join("part-0.parquet");
        assert!(pq.exists(), "{pq:?}");
    }
    rows.sort();
    rows
}

#[test]
fn partitioned_output_reads_back_as_the_same_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    run_ok(&[
        "synth",
        "--docs",
        "60",
        "--out",
        corpus.to_str().unwrap(),
        "--seed",
        "3",
    ]);
    let (flat, parts) = (tmp.path().join("flat"), tmp.path().join("parts"));
    run_pipeline(&corpus, &flat, 2);
    run_ok(&[
        "run",
        "--input",
        corpus.to_str().unwrap(),
        "--output",
        parts.to_str().unwrap(),
        "--partition-by-year",
        "--quiet",
    ]);
    let (doc_header, _) = read_csv(&flat.join("documents.csv"));
    let year_col = doc_header.iter().position(|c| c == "report_year").unwrap();
    let id_col = doc_header.iter().position(|c| c == "doc_id").unwrap();
    let year_of: std::collections::HashMap<String, String> = read_csv(&flat.join("documents.csv"))
        .1
        .into_iter()
        .map(|r| (r[id_col].clone(), r[year_col].clone()))
        .collect();
    for t in ["documents", "texts", "sections", "facts", "dates"] {
        let (header, mut flat_rows) = read_csv(&flat.join(format!("{t}.csv")));
        let order = header.clone();
        let year = header.iter().position(|c| c == "report_year").unwrap();
        // Every row carries its document's year.
        for r in &flat_rows {
            assert_eq!(r[year], year_of[&r[0]], "{t}");
        }
        flat_rows.sort();
        let csv_tree = parts.join("csv").join(t);
        let part_rows = if csv_tree.exists() {
            read_partitioned_csv(&csv_tree, &order)
        } else {
            vec![]
        };
        assert_eq!(
            part_rows, flat_rows,
            "{t} differs between partitioned and flat output"
        );
    }
    assert_eq!(
        fs::read(flat.join("rejects.csv")).unwrap(),
        fs::read(parts.join("rejects.csv")).unwrap()
    );
    // The analysis tables are flat in both runs; rows come per partition, so compare sets.
    for t in ["indicators", "panel"] {
        let (flat_header, mut flat_rows) = read_csv(&flat.join(format!("{t}.csv")));
        let (part_header, mut part_rows) = read_csv(&parts.join(format!("{t}.csv")));
        assert_eq!(flat_header, part_header);
        assert!(!flat_rows.is_empty(), "{t} is empty");
        flat_rows.sort();
        part_rows.sort();
        assert_eq!(
            part_rows, flat_rows,
            "{t} differs between partitioned and flat output"
        );
    }
}

#[test]
fn synth_is_deterministic_for_a_seed_and_varied() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    for (dir, seed) in [(&a, "5"), (&b, "5"), (&c, "6")] {
        run_ok(&[
            "synth",
            "--docs",
            "40",
            "--out",
            dir.to_str().unwrap(),
            "--seed",
            seed,
        ]);
    }
    let files = |d: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(d.join("0000"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (fa, fb, fc) = (files(&a), files(&b), files(&c));
    assert_eq!(fa.len(), 40);
    assert_eq!(fa, fb, "same seed, same corpus");
    assert_ne!(fa, fc, "another seed, another corpus");
    let exts: std::collections::HashSet<&str> = fa
        .iter()
        .filter_map(|(n, _)| n.rsplit('.').next())
        .collect();
    assert!(exts.len() >= 3, "a mix of formats: {exts:?}");
}

#[test]
fn indicators_do_not_depend_on_the_chunking_of_documents() {
    let tmp = tempfile::tempdir().unwrap();
    // The seeds plus two exact copies of one of them: each copy must get the original's
    // indicators, not the sum over all copies.
    let corpus = tmp.path().join("corpus");
    let seeds: Vec<PathBuf> = fs::read_dir(data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    let copied = seeds.iter().min().unwrap();
    for (i, dir) in ["a", "b", "c"].iter().enumerate() {
        fs::create_dir_all(corpus.join(dir)).unwrap();
        for seed in &seeds {
            if i == 0 || seed == copied {
                fs::copy(seed, corpus.join(dir).join(seed.file_name().unwrap())).unwrap();
            }
        }
    }
    let out = tmp.path().join("out");
    run_pipeline(&corpus, &out, 2);
    let read_tables = || -> Vec<Vec<u8>> {
        ["indicators.csv", "panel.csv"]
            .iter()
            .map(|f| fs::read(out.join(f)).unwrap())
            .collect()
    };
    let before = read_tables();
    let taxonomy = govreport::pipeline::Resources::embedded().unwrap().taxonomy;
    for chunk in [1, 2, 3] {
        for parallel in [1, 3] {
            govreport::analysis::build_in_chunks(
                &out,
                false,
                taxonomy,
                Default::default(),
                chunk,
                parallel,
            )
            .unwrap();
            assert_eq!(
                before,
                read_tables(),
                "{chunk} documents per pass, {parallel} passes at once"
            );
        }
    }
    assert!(before[0].len() > 500, "the seeds give indicator rows");

    // Each copy is its own row with its own doc_id (path-aware), the later ones pointing to
    // the first with duplicate_of; each gets the indicators of the report alone.
    let (doc_header, docs) = read_csv(&out.join("documents.csv"));
    let col = |name: &str| doc_header.iter().position(|c| c == name).unwrap();
    let copied_name = copied.file_name().unwrap().to_string_lossy().into_owned();
    let copies: Vec<&Vec<String>> = docs
        .iter()
        .filter(|d| d[col("source_path")].ends_with(&copied_name))
        .collect();
    assert_eq!(copies.len(), 3);
    let ids: std::collections::BTreeSet<&str> =
        copies.iter().map(|d| d[col("doc_id")].as_str()).collect();
    assert_eq!(ids.len(), 3, "doc_id is unique per row: {ids:?}");
    let first = &copies[0][col("doc_id")];
    assert_eq!(copies[0][col("duplicate_of")], "");
    assert!(copies[1..].iter().all(|d| &d[col("duplicate_of")] == first));
    let (ind_header, rows) = read_csv(&out.join("indicators.csv"));
    let dup = ind_header.iter().position(|c| c == "duplicate_of").unwrap();
    // A copy's rows say whose copy they are, so a sum across documents can leave them out.
    let duplicate_of = |id: &str| -> Vec<&str> {
        rows.iter()
            .filter(|r| r[0] == id)
            .map(|r| r[dup].as_str())
            .collect()
    };
    assert!(duplicate_of(first).iter().all(|d| d.is_empty()));
    for d in &copies[1..] {
        let marks = duplicate_of(&d[col("doc_id")]);
        assert!(
            !marks.is_empty() && marks.iter().all(|m| m == first),
            "{marks:?}"
        );
    }
    let without_id = |r: &Vec<String>| -> Vec<String> {
        r.iter()
            .enumerate()
            .filter(|&(i, _)| i != 0 && i != dup)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let of_copy = |id: &str| -> Vec<Vec<String>> {
        rows.iter().filter(|r| r[0] == id).map(without_id).collect()
    };
    let per_copy = of_copy(first);
    assert!(!per_copy.is_empty(), "the copied report has indicators");
    for d in &copies[1..] {
        assert_eq!(of_copy(&d[col("doc_id")]), per_copy);
    }
    // ... and the same rows as the report alone.
    let single = tmp.path().join("single");
    run_pipeline(&data_dir(), &single, 1);
    let (h, alone_docs) = read_csv(&single.join("documents.csv"));
    let path_col = h.iter().position(|c| c == "source_path").unwrap();
    let alone_id = &alone_docs
        .iter()
        .find(|d| d[path_col] == copied_name)
        .unwrap()[0];
    let (_, alone) = read_csv(&single.join("indicators.csv"));
    let alone: Vec<Vec<String>> = alone
        .iter()
        .filter(|r| &r[0] == alone_id)
        .map(without_id)
        .collect();
    assert_eq!(per_copy, alone);
}

/// Issue 27: a change is its own `indicators` row and never in the panel; a rate given twice
/// is taken once (the report period's), never summed, and the choice is recorded. The
/// report is written for this test in the style of the real ones.
#[test]
fn changes_stay_apart_and_rates_are_taken_once() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(
        input.join("report.txt"),
        "某县司法局2023年法治政府建设年度报告\n\n一、主要举措和成效\n\
         全年受理行政复议案件45件，同比增长18.4%，审结40件。\
         截至2022年12月，行政复议直接纠错率10.1%。行政复议直接纠错率12.5%。\n\
         行政机关负责人出庭应诉率较上年提高4.4个百分点，出庭应诉率达到96%。\n\
         共立案查处390件，其中简易程序110件，普通程序280件。\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    run_pipeline(&input, &out, 1);

    let (h, facts) = read_csv(&out.join("facts.csv"));
    let fc = |name: &str| h.iter().position(|c| c == name).unwrap();
    let relation_of = |raw: &str| {
        facts
            .iter()
            .find(|f| f[fc("raw")] == raw)
            .map(|f| f[fc("relation")].clone())
            .unwrap_or_else(|| panic!("no fact {raw}"))
    };
    assert_eq!(relation_of("18.4%"), "change");
    assert_eq!(relation_of("4.4个百分点"), "change");
    assert_eq!(relation_of("45件"), "level");
    assert_eq!(relation_of("96%"), "level");

    let (h, rows) = read_csv(&out.join("indicators.csv"));
    let ic = |name: &str| h.iter().position(|c| c == name).unwrap();
    let row = |code: &str, relation: &str| -> Vec<String> {
        let hits: Vec<&Vec<String>> = rows
            .iter()
            .filter(|r| r[ic("indicator")] == code && r[ic("relation")] == relation)
            .collect();
        assert_eq!(hits.len(), 1, "{code} {relation}: {rows:?}");
        hits[0].clone()
    };
    // The change of the case count is a row of its own, in its own unit.
    let level = row("reconsideration.cases", "level");
    assert_eq!(
        (level[ic("value")].as_str(), level[ic("unit")].as_str()),
        ("45.0", "件")
    );
    let change = row("reconsideration.cases", "change");
    assert_eq!(
        (change[ic("value")].as_str(), change[ic("unit")].as_str()),
        ("18.4", "%")
    );
    let change = row("litigation.head_appearance_rate", "change");
    assert_eq!(change[ic("value")], "4.4");
    assert_eq!(
        row("litigation.head_appearance_rate", "level")[ic("value")],
        "96.0"
    );
    // The rate given for 2022 and for the report's year: the report's year wins, not the
    // first mention and never the sum; the fact taken is recorded.
    let rate = row("reconsideration.correction_rate", "level");
    assert_eq!(rate[ic("value")], "12.5");
    assert_eq!(rate[ic("n_facts")], "2");
    let taken = &rate[ic("value_fact_id")];
    let taken_raw = facts
        .iter()
        .find(|f| &f[fc("fact_id")] == taken)
        .map(|f| f[fc("raw")].clone());
    assert_eq!(taken_raw.as_deref(), Some("12.5%"));
    // Totals and parts: the parts keep their codes and are not added to the total.
    assert_eq!(
        row("enforcement.cases_filed", "level")[ic("value")],
        "390.0"
    );
    assert_eq!(
        row("enforcement.cases_simple", "level")[ic("value")],
        "110.0"
    );

    // The panel holds levels only.
    let (h, panel) = read_csv(&out.join("panel.csv"));
    let pc = |name: &str| h.iter().position(|c| c == name).unwrap();
    assert_eq!(panel.len(), 1);
    assert_eq!(panel[0][pc("reconsideration_cases")], "45.0");
    assert_eq!(panel[0][pc("litigation_head_appearance_rate")], "96.0");
    assert_eq!(panel[0][pc("reconsideration_correction_rate")], "12.5");
}

#[test]
fn a_pipeline_file_runs_the_same_from_any_working_directory() {
    // A cron job starts in its user's home: the pipeline's paths are read from its folder.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("tables");
    let pipeline = Path::new(env!("CARGO_MANIFEST_DIR")).join("pipelines/default.toml");
    let run = bin()
        .current_dir(elsewhere.path())
        .args(["run", pipeline.to_str().unwrap(), "--output"])
        .arg(&out)
        .arg("--quiet")
        .output()
        .expect("binary runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let (_, docs) = read_csv(&out.join("documents.csv"));
    // Hidden files are not inputs: `make pipeline` leaves its output's lock, `.out.lock`.
    let seeds = std::fs::read_dir(data_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .count();
    assert_eq!(docs.len(), seeds, "every sample report in data/ is read");
    // The manifest names the pipeline's own folders, not the working directory's.
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    let data = std::fs::canonicalize(data_dir()).unwrap();
    assert!(
        manifest.contains(data.to_str().unwrap()),
        "the input is data/ beside the pipeline: {manifest}"
    );
}
