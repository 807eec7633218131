//! What a scheduler sees of a run: exit codes, failing runs that keep the previous tables,
//! and the options a nightly job uses.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_govreport"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(input: &Path, output: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "run".to_string(),
        "--input".into(),
        input.to_str().unwrap().into(),
        "--output".into(),
        output.to_str().unwrap().into(),
        "--threads".into(),
        "1".into(),
        "--quiet".into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    bin().args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder with two sample reports, and the tmp dir holding it.
fn two_reports() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut samples: Vec<PathBuf> = fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    samples.sort();
    for (i, p) in samples.iter().take(2).enumerate() {
        fs::copy(p, input.join(format!("r{i}.txt"))).unwrap();
    }
    (tmp, input)
}

/// Every file of an output and its bytes (to see that nothing changed).
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            v.extend(snapshot(&p));
        } else {
            v.push((p.clone(), fs::read(&p).unwrap()));
        }
    }
    v.sort();
    v
}

#[test]
fn exit_code_0_on_success_and_3_under_strict_with_rejects() {
    let (tmp, input) = two_reports();
    let out = tmp.path().join("out");
    assert_eq!(run(&input, &out, &["--strict"]).status.code(), Some(0));
    fs::write(input.join("broken.txt"), b"").unwrap();
    let o = run(&input, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&input, &out, &["--strict"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    // The tables were written all the same.
    let docs = fs::read_to_string(out.join("rejects.csv")).unwrap();
    assert!(docs.contains("broken.txt"), "{docs}");
    // Incremental: 3 when this run rejected a file, 0 when it read nothing new.
    let inc = tmp.path().join("inc");
    assert_eq!(
        run(&input, &inc, &["--incremental", "--strict"])
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        run(&input, &inc, &["--incremental", "--strict"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn exit_code_2_for_bad_usage_or_configuration_and_nothing_is_touched() {
    let (tmp, input) = two_reports();
    let out = tmp.path().join("out");
    assert_eq!(run(&input, &out, &[]).status.code(), Some(0));
    let before = snapshot(&out);
    let bad_pipeline = tmp.path().join("bad.toml");
    fs::write(&bad_pipeline, "[input]\nrooot = 1\n").unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--no-such-flag"], "unexpected argument"),
        (vec!["--max-reject-rate", "1.5"], "between 0 and 1"),
        (vec![bad_pipeline.to_str().unwrap()], "rooot"),
    ];
    for (extra, says) in cases {
        let o = run(&input, &out, &extra);
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{extra:?}: {}", stderr(&o));
    }
    let o = run(&tmp.path().join("missing"), &out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot be read"), "{}", stderr(&o));
    // An output govreport did not write.
    let foreign = tmp.path().join("photos");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("a.jpg"), b"x").unwrap();
    assert_eq!(run(&input, &foreign, &[]).status.code(), Some(2));
    assert_eq!(snapshot(&out), before);
}

#[test]
fn a_run_that_reads_no_document_fails_and_keeps_the_previous_tables() {
    for incremental in [false, true] {
        let flags: &[&str] = if incremental { &["--incremental"] } else { &[] };
        let (tmp, input) = two_reports();
        let out = tmp.path().join("out");
        assert_eq!(run(&input, &out, flags).status.code(), Some(0));
        let before = snapshot(&out);
        // The crawler's mount came up empty, then with only broken files.
        for f in ["r0.txt", "r1.txt"] {
            fs::remove_file(input.join(f)).unwrap();
        }
        let o = run(&input, &out, flags);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("no document"), "{}", stderr(&o));
        fs::write(input.join("empty.txt"), b"").unwrap();
        let o = run(&input, &out, flags);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(snapshot(&out), before, "incremental: {incremental}");
        let left: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn more_rejects_than_max_reject_rate_fail_and_keep_the_previous_tables() {
    for incremental in [false, true] {
        let (tmp, input) = two_reports();
        let out = tmp.path().join("out");
        let mut flags = vec!["--max-reject-rate", "0.3"];
        if incremental {
            flags.push("--incremental");
        }
        assert_eq!(run(&input, &out, &flags).status.code(), Some(0));
        let before = snapshot(&out);
        fs::write(input.join("bad.txt"), b"%PDF-1.4 \x00\x01\x02 binary").unwrap();
        // Full run: 1 of 3 files (33%); incremental: 1 of the 1 file read (100%).
        let o = run(&input, &out, &flags);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("max-reject-rate"), "{}", stderr(&o));
        assert_eq!(snapshot(&out), before);
        // Under a looser limit the same run succeeds.
        flags[1] = "0.9";
        if !incremental {
            let o = run(&input, &out, &flags);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        }
    }
}

/// Files under `dir` (relative) whose name ends with `ext`, with their bytes.
fn files_with(dir: &Path, ext: &str) -> Vec<(PathBuf, Vec<u8>)> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().ends_with(ext))
        .map(|(p, b)| (p.strip_prefix(dir).unwrap().to_path_buf(), b))
        .collect()
}

#[test]
fn formats_write_only_the_formats_asked_for_with_the_same_bytes() {
    let (tmp, input) = two_reports();
    fs::write(input.join("bad.txt"), b"").unwrap();
    for extra in [&[][..], &["--partition-by-year"][..]] {
        let both = tmp.path().join("both");
        let pq = tmp.path().join("pq");
        let csv = tmp.path().join("csv");
        for (out, formats) in [(&both, "parquet,csv"), (&pq, "parquet"), (&csv, "csv")] {
            let mut flags = vec!["--formats", formats];
            flags.extend(extra);
            let o = run(&input, out, &flags);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        }
        let both_pq = files_with(&both, ".parquet");
        let both_csv = files_with(&both, ".csv");
        assert!(both_pq.len() >= 8 && both_csv.len() >= 8, "{extra:?}");
        assert_eq!(files_with(&pq, ".parquet"), both_pq, "{extra:?}");
        assert!(files_with(&pq, ".csv").is_empty(), "{extra:?}");
        assert!(!pq.join("csv").exists(), "{extra:?}");
        assert_eq!(files_with(&csv, ".csv"), both_csv, "{extra:?}");
        assert!(files_with(&csv, ".parquet").is_empty(), "{extra:?}");
    }
    // Incremental, Parquet only: parts without CSV twins.
    let inc = tmp.path().join("inc");
    let o = run(&input, &inc, &["--incremental", "--formats", "parquet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!files_with(&inc, ".parquet").is_empty());
    assert!(files_with(&inc, ".csv").is_empty());
    fs::remove_file(input.join("r0.txt")).unwrap();
    let o = run(&input, &inc, &["--incremental", "--formats", "parquet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(files_with(&inc, ".csv").is_empty());
    // Formats that cannot be.
    for flags in [
        &["--formats", "xml"][..],
        &["--formats", ""][..],
        &["--incremental", "--formats", "csv"][..],
    ] {
        let o = run(&input, &tmp.path().join("never"), flags);
        assert_eq!(o.status.code(), Some(2), "{flags:?}: {}", stderr(&o));
        assert!(!tmp.path().join("never").exists());
    }
}

/// Every line of standard error as a JSON object.
fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stderr(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn json_logs_are_one_object_per_line_per_event_with_a_final_summary() {
    let (tmp, input) = two_reports();
    fs::write(input.join("bad.txt"), b"").unwrap();
    let out = tmp.path().join("out");
    let o = run(&input, &out, &["--log-format", "json", "--strict"]);
    assert_eq!(o.status.code(), Some(3));
    let lines = json_lines(&o);
    let events: Vec<&str> = lines.iter().map(|l| l["event"].as_str().unwrap()).collect();
    assert_eq!(
        events,
        ["run_started", "reject", "run_finished"],
        "{lines:?}"
    );
    for l in &lines {
        assert!(l["ts"].as_str().is_some_and(|t| t.ends_with('Z')), "{l}");
        assert!(l["message"].is_string() && l["level"].is_string(), "{l}");
    }
    assert_eq!(lines[1]["path"], "bad.txt");
    assert!(
        lines[1]["error"].as_str().unwrap().contains("empty"),
        "{}",
        lines[1]
    );
    let end = &lines[2];
    assert_eq!(end["exit_code"], 3);
    assert_eq!(
        (&end["documents"], &end["rejected"], &end["files_found"]),
        (&2.into(), &1.into(), &3.into())
    );
    assert_eq!(end["tables"]["documents"], 2);
    // Incremental: the summary says what this run did.
    let inc = tmp.path().join("inc");
    run(&input, &inc, &["--incremental"]);
    fs::remove_file(input.join("r1.txt")).unwrap();
    let o = run(&input, &inc, &["--incremental", "--log-format", "json"]);
    let end = json_lines(&o).pop().unwrap();
    assert_eq!(end["exit_code"], 0, "{end}");
    assert_eq!(end["incremental"]["removed"], 1, "{end}");
    assert_eq!(end["documents"], 1, "{end}");
    // A failed run and bad usage end with their error and exit code.
    fs::remove_file(input.join("r0.txt")).unwrap();
    let o = run(&input, &out, &["--log-format", "json"]);
    let end = json_lines(&o).pop().unwrap();
    assert_eq!(
        (end["event"].as_str(), o.status.code()),
        (Some("run_failed"), Some(1))
    );
    assert_eq!(end["exit_code"], 1);
    assert_eq!(end["level"], "error");
    let o = run(&input, &out, &["--log-format", "json", "--formats", "xml"]);
    let end = json_lines(&o).pop().unwrap();
    assert_eq!(
        (end["event"].as_str(), o.status.code()),
        (Some("usage_error"), Some(2))
    );
}

#[test]
fn verbose_text_logs_each_reject() {
    let (tmp, input) = two_reports();
    fs::write(input.join("bad.txt"), b"").unwrap();
    let quiet = run(&input, &tmp.path().join("a"), &[]);
    assert!(!stderr(&quiet).contains("bad.txt:"), "{}", stderr(&quiet));
    let loud = run(&input, &tmp.path().join("b"), &["-v"]);
    assert!(
        stderr(&loud).contains("govreport: warning: bad.txt: file is empty"),
        "{}",
        stderr(&loud)
    );
}

/// Rows of a CSV file as column → value maps.
fn csv_maps(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn files_from_a_file_or_standard_input_reads_exactly_the_listed_files() {
    let (tmp, input) = two_reports();
    fs::create_dir(input.join("sub")).unwrap();
    fs::copy(input.join("r0.txt"), input.join("sub/copy.txt")).unwrap();
    let list = format!(
        "r1.txt\n{}\nmissing.txt\n",
        input.join("sub/copy.txt").display()
    );
    let list_file = tmp.path().join("list.txt");
    fs::write(&list_file, &list).unwrap();
    let out = tmp.path().join("out");
    let o = run(&input, &out, &["--files-from", list_file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs = csv_maps(&out.join("documents.csv"));
    let paths: Vec<&str> = docs.iter().map(|d| d["source_path"].as_str()).collect();
    assert_eq!(paths, ["r1.txt", "sub/copy.txt"]);
    let rejects = csv_maps(&out.join("rejects.csv"));
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["source_path"], "missing.txt");
    assert!(
        rejects[0]["error"].contains("does not exist"),
        "{:?}",
        rejects[0]
    );
    // The same list on standard input gives the same tables.
    let stdin_out = tmp.path().join("stdin");
    let mut child = bin()
        .args([
            "run",
            "--input",
            input.to_str().unwrap(),
            "--output",
            stdin_out.to_str().unwrap(),
            "--threads",
            "1",
            "--quiet",
            "--files-from",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for t in ["documents.csv", "facts.csv", "rejects.csv"] {
        assert_eq!(
            fs::read(out.join(t)).unwrap(),
            fs::read(stdin_out.join(t)).unwrap(),
            "{t}"
        );
    }
    // Incremental with a list: a file no longer listed is removed from the dataset.
    let inc = tmp.path().join("inc");
    let lf = list_file.to_str().unwrap();
    assert_eq!(
        run(&input, &inc, &["--incremental", "--files-from", lf])
            .status
            .code(),
        Some(0)
    );
    fs::write(&list_file, "r1.txt\n").unwrap();
    assert_eq!(
        run(&input, &inc, &["--incremental", "--files-from", lf])
            .status
            .code(),
        Some(0)
    );
    let m: serde_json::Value =
        serde_json::from_slice(&fs::read(inc.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["incremental"]["removed"], 2, "{m}");
    assert_eq!(m["tables"]["documents"], 1, "{m}");
    // A list that cannot be read is bad usage.
    let o = run(&input, &out, &["--files-from", "/no/such/list"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// A sample report's text as a web page with the given head.
fn page(head: &str) -> String {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut samples: Vec<PathBuf> = fs::read_dir(&data)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    samples.sort();
    let text = fs::read_to_string(&samples[0]).unwrap();
    let body: String = text.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}<title>报告</title></head>\
         <body><div class=\"content\">{body}</div></body></html>"
    )
}

#[test]
fn crawl_manifest_and_canonical_links_give_source_url_and_fetched_at() {
    let (tmp, input) = two_reports();
    fs::write(
        input.join("canonical.html"),
        page("<link rel=\"canonical\" href=\"https://www.example.gov.cn/fzzf/1.html\"><meta property=\"og:url\" content=\"https://m.example.gov.cn/1.html\">"),
    )
    .unwrap();
    fs::write(
        input.join("og.html"),
        page("<meta property=\"og:url\" content=\"https://www.example.gov.cn/fzzf/2.html\"><link rel=\"canonical\" href=\"/relative.html\">"),
    )
    .unwrap();
    fs::write(
        input.join("both.html"),
        page("<link rel=\"canonical\" href=\"https://www.example.gov.cn/fzzf/3.html\">"),
    )
    .unwrap();
    let manifest = tmp.path().join("crawl.jsonl");
    fs::write(
        &manifest,
        "{\"path\": \"r0.txt\", \"url\": \"https://www.example.gov.cn/r0\", \"fetched_at\": \"2026-12-01T11:00:00+08:00\"}\n\
         {\"path\": \"both.html\", \"url\": \"https://mirror.example.cn/3.html\", \"fetched_at\": \"2026-12-02 01:02:03\"}\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let o = run(
        &input,
        &out,
        &["--crawl-manifest", manifest.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs = csv_maps(&out.join("documents.csv"));
    let row = |p: &str| {
        let d = docs.iter().find(|d| d["source_path"] == p).unwrap();
        (d["source_url"].clone(), d["fetched_at"].clone())
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        row("r0.txt"),
        s("https://www.example.gov.cn/r0", "2026-12-01T03:00:00Z")
    );
    assert_eq!(row("r1.txt"), s("", ""));
    assert_eq!(
        row("canonical.html"),
        s("https://www.example.gov.cn/fzzf/1.html", "")
    );
    assert_eq!(
        row("og.html"),
        s("https://www.example.gov.cn/fzzf/2.html", "")
    );
    // The crawler's address wins over the page's own.
    assert_eq!(
        row("both.html"),
        s("https://mirror.example.cn/3.html", "2026-12-02T01:02:03Z")
    );
    // In Parquet, fetched_at is a UTC timestamp (µs), in documents' column order.
    let file = fs::File::open(out.join("documents.parquet")).unwrap();
    let batch = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let schema = batch.schema();
    let names: Vec<&str> = schema
        .fields()
        .iter()
        .take(5)
        .map(|f| f.name().as_str())
        .collect();
    assert_eq!(
        names,
        [
            "doc_id",
            "source_path",
            "source_format",
            "source_url",
            "fetched_at"
        ]
    );
    assert_eq!(
        schema.field_with_name("fetched_at").unwrap().data_type(),
        &arrow_schema::DataType::Timestamp(arrow_schema::TimeUnit::Microsecond, Some("UTC".into()))
    );
    let paths = batch.column_by_name("source_path").unwrap();
    let paths = paths
        .as_any()
        .downcast_ref::<arrow_array::StringArray>()
        .unwrap();
    let times = batch.column_by_name("fetched_at").unwrap();
    let times = times
        .as_any()
        .downcast_ref::<arrow_array::TimestampMicrosecondArray>()
        .unwrap();
    let r0 = (0..batch.num_rows())
        .find(|&i| paths.value(i) == "r0.txt")
        .unwrap();
    // 2026-12-01T03:00:00Z
    assert_eq!(times.value(r0), 1_796_094_000 * 1_000_000);

    // Incremental: a new crawl record for an unchanged file gives its row again.
    let inc = tmp.path().join("inc");
    let mf = manifest.to_str().unwrap();
    assert_eq!(
        run(&input, &inc, &["--incremental", "--crawl-manifest", mf])
            .status
            .code(),
        Some(0)
    );
    let csv_manifest = tmp.path().join("crawl.csv");
    fs::write(
        &csv_manifest,
        "path,url,fetched_at\nr0.txt,https://www.example.gov.cn/r0,2026-12-03T00:00:00Z\nboth.html,https://mirror.example.cn/3.html,2026-12-02T01:02:03Z\n",
    )
    .unwrap();
    let cf = csv_manifest.to_str().unwrap();
    assert_eq!(
        run(&input, &inc, &["--incremental", "--crawl-manifest", cf])
            .status
            .code(),
        Some(0)
    );
    let m: serde_json::Value =
        serde_json::from_slice(&fs::read(inc.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["incremental"]["replaced"], 1, "{m}");
    assert_eq!(m["incremental"]["documents_read"], 1, "{m}");
    let docs = csv_maps(
        &inc.join("csv/documents")
            .read_dir()
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| fs::read_to_string(p).unwrap().contains("r0.txt"))
            .unwrap(),
    );
    let r0 = docs.iter().find(|d| d["source_path"] == "r0.txt").unwrap();
    assert_eq!(r0["fetched_at"], "2026-12-03T00:00:00Z");

    // A manifest line that cannot be read: bad configuration, nothing touched.
    fs::write(&manifest, "{\"path\": \"r0.txt\", \"url\": \"ftp://x\"}\n").unwrap();
    let o = run(&input, &out, &["--crawl-manifest", mf]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 1"), "{}", stderr(&o));
}
