//! Defects 2, 4 and 6: no single file fills the disk, stalls the run or exhausts memory.
//! Inputs are built here; the checks are on output sizes and on the accounting, not on time.

use std::fs;
use std::io::Write;
use std::path::Path;

use super::support::*;

fn docx_of(document_xml: &[u8]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(document_xml).unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// A corpus of one good report and the given hostile files; runs it with `extra` settings
/// and returns the output directory (accounting checked).
fn run_corpus(tmp: &Path, files: &[(&str, Vec<u8>)], extra: &str) -> std::path::PathBuf {
    let input = tmp.join("in");
    fs::create_dir_all(&input).unwrap();
    let (name, bytes) = seeds().remove(0);
    fs::write(input.join(name), bytes).unwrap();
    for (name, bytes) in files {
        fs::write(input.join(name), bytes).unwrap();
    }
    let out = tmp.join("out");
    run_ok(tmp, &input, &out, extra);
    let m = assert_accounted(&out);
    assert_eq!(m["files"]["found"], files.len() as u64 + 1, "{m}");
    out
}

fn reject_of<'a>(rejects: &'a [(String, String)], path: &str) -> &'a str {
    &rejects
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("{path} is not a reject: {rejects:?}"))
        .1
}

#[test]
fn a_long_run_of_numbers_writes_a_bounded_facts_table() {
    let tmp = tempfile::tempdir().unwrap();
    // 400 KB on one line: before, every one of its 200,000 facts repeated the whole line.
    let line = format!("执结率{}。\n", "1%".repeat(200_000));
    let out = run_corpus(tmp.path(), &[("run.txt", line.into_bytes())], "");
    let facts_csv = fs::metadata(out.join("facts.csv")).unwrap().len();
    assert!(facts_csv < 4_000_000, "facts.csv is {facts_csv} bytes");
    let warnings = &document(&out, "run.txt")["warnings"];
    assert!(warnings.contains("were not kept as facts"), "{warnings}");
}

#[test]
fn deep_html_and_tags_with_many_attributes_finish() {
    let tmp = tempfile::tempdir().unwrap();
    let deep = format!(
        "<html><body>{}<p>立案查处390件</p></body></html>",
        "<div>".repeat(100_000)
    );
    let attrs: String = (0..300_000).map(|i| format!(" a{i}")).collect();
    let wide = format!(
        "<html><body><div{attrs}><p>一、主要举措和成效。全年共计立案查处390件，罚款金额136161元。</p></div></body></html>"
    );
    let out = run_corpus(
        tmp.path(),
        &[
            ("deep.html", deep.into_bytes()),
            ("wide.html", wide.into_bytes()),
        ],
        "",
    );
    let rejects = rejects(&out);
    assert!(reject_of(&rejects, "deep.html").contains("nests elements deeper"));
    let warnings = &document(&out, "wide.html")["warnings"];
    assert!(warnings.contains("attributes beyond"), "{warnings}");
}

#[test]
fn docx_bombs_are_rejects_that_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let para = "<w:p><w:r><w:t>全年共计立案查处390件。</w:t></w:r></w:p>";
    let xml = |n: usize| {
        format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{}</w:body></w:document>",
            para.repeat(n)
        )
    };
    // 3 MB of XML against a 2 MB allowance; and 2 MB of white space (a ratio in the
    // thousands) against the default ratio.
    let big = docx_of(xml(50_000).as_bytes());
    let spaces = format!("{}{}", " ".repeat(2_000_000), xml(1));
    let bomb = docx_of(spaces.as_bytes());
    let out = run_corpus(
        tmp.path(),
        &[("big.docx", big), ("bomb.docx", bomb)],
        "[input]\nmax_docx_inflated_bytes = 2000000\nmax_docx_ratio = 100000\n",
    );
    let r = rejects(&out);
    assert!(
        reject_of(&r, "big.docx").contains("decompresses to more than 2 MB"),
        "{r:?}"
    );
    fs::remove_dir_all(tmp.path().join("in")).unwrap();
    fs::remove_dir_all(tmp.path().join("out")).unwrap();
    let bomb = docx_of(spaces.as_bytes());
    let out = run_corpus(tmp.path(), &[("bomb.docx", bomb)], "");
    let r = rejects(&out);
    assert!(
        reject_of(&r, "bomb.docx").contains("times its compressed size"),
        "{r:?}"
    );
}

#[test]
fn a_document_past_its_time_budget_is_a_reject() {
    let tmp = tempfile::tempdir().unwrap();
    // A budget that every document exceeds at its first check.
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let names: Vec<String> = seeds()
        .into_iter()
        .take(2)
        .map(|(n, b)| {
            fs::write(input.join(&n), b).unwrap();
            n
        })
        .collect();
    let out = tmp.path().join("out");
    let o = run_with(
        tmp.path(),
        &input,
        &out,
        "[input]\nmax_seconds_per_file = 0.000000001\n",
    );
    // No document left: the run fails (exit 1) and says why for each file.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("no document was read"), "{err}");
    for n in &names {
        assert!(err.contains(&format!("{n}: took longer than")), "{err}");
    }
    assert!(!out.exists());
}

#[test]
fn a_body_of_dates_without_a_full_stop_finishes() {
    let tmp = tempfile::tempdir().unwrap();
    // 100,000 as-of dates in one sentence: the as-of check looked back to the sentence's
    // start for each (hours); 《》 titles were checked one by one for each date.
    let dates = format!("{}。", "截至2023年12月31日，".repeat(100_000));
    let titles = "《法治政府建设实施纲要》2023年1月5日".repeat(50_000);
    let out = run_corpus(
        tmp.path(),
        &[
            ("dates.txt", dates.into_bytes()),
            ("titles.txt", titles.into_bytes()),
        ],
        "",
    );
    let n = document(&out, "dates.txt")["n_dates"]
        .parse::<u64>()
        .unwrap();
    assert!(n >= 100_000, "{n}");
}

#[test]
fn a_table_row_of_many_cells_finishes() {
    let tmp = tempfile::tempdir().unwrap();
    // 100,000 cells on one row: each cell looked back over the whole row for its line.
    let row = format!(
        "<html><body><table><tr>{}</tr></table></body></html>",
        "<td>立案1件</td>".repeat(100_000)
    );
    let out = run_corpus(tmp.path(), &[("row.html", row.into_bytes())], "");
    assert!(
        document(&out, "row.html")["chars_body"]
            .parse::<u64>()
            .unwrap()
            > 100_000
    );
}
