//! The run report of the sample run as a browser shows it: headless Chromium loads
//! report.html (its script run) and prints the page as it then is (`--dump-dom`); the test
//! finds every section and the document table there, and drives the table's sorting,
//! filtering and anchors through the URL fragment the page reads. Says "skipped" where
//! Chromium is not installed (`make test-browser` installs it and runs this).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{output, Out, REPORT_SECTIONS};

/// The browser: `GOVREPORT_CHROMIUM`, else the first of these names on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GOVREPORT_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// The page at `url` after its script ran, as Chromium serialises it.
fn dump_dom(browser: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    // A hung browser fails the test instead of hanging it.
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish loading {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "chromium failed on {url}");
    String::from_utf8(o.stdout).unwrap()
}

/// One row of the document table as the page shows it.
#[derive(Debug)]
struct Row {
    hidden: bool,
    path: String,
    facts: u64,
}

/// The document table's rows in page order.
fn rows(dom: &str) -> Vec<Row> {
    dom.split("<tr class=\"doc-row\"")
        .skip(1)
        .map(|chunk| {
            let row = &chunk[..chunk.find("</tr>").expect("row closed")];
            let open_tag = &row[..row.find('>').unwrap()];
            let path = between(row, "<code class=\"path\">", "</code>");
            let last_cell = row.rsplit("<td").next().unwrap();
            let facts = between(last_cell, ">", "</td>");
            Row {
                hidden: open_tag.contains("hidden"),
                path: path.to_string(),
                facts: facts
                    .parse()
                    .unwrap_or_else(|_| panic!("facts cell {facts:?}")),
            }
        })
        .collect()
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).expect("start marker") + start.len();
    let len = text[from..].find(end).expect("end marker");
    &text[from..from + len]
}

fn shown(dom: &str) -> Vec<Row> {
    rows(dom).into_iter().filter(|r| !r.hidden).collect()
}

fn status(dom: &str) -> &str {
    between(dom, "id=\"doc-status\"", "</span>")
}

#[test]
fn report_renders_in_chromium_with_a_working_document_table() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium not installed (make test-browser installs it)");
        return;
    };
    let out: Out = output();
    let report = out.dir.path().join("out/report.html");
    let url = format!("file://{}", report.canonicalize().unwrap().display());
    let n = out.docs.len();

    // The page as loaded: every section, the table with every document, the script done.
    let dom = dump_dom(&browser, &url);
    for id in REPORT_SECTIONS {
        assert!(
            dom.contains(&format!("<section id=\"{id}\"")),
            "section {id} in the rendered page"
        );
    }
    assert!(
        dom.contains("data-doc-table=\"ready\""),
        "the page's script ran to its end"
    );
    assert!(dom.contains("<table id=\"doc-table\" class=\"data docs js\">"));
    assert!(
        !between(&dom, "<form id=\"doc-filters\"", ">").contains("hidden"),
        "the filters are shown once the script runs"
    );
    assert_eq!(shown(&dom).len(), n, "every document is shown");
    assert!(
        status(&dom).contains(&format!("Showing 1–{n} of {n} matching ({n} listed)")),
        "{}",
        status(&dom)
    );

    // Sorted by facts, most first: the order of documents.n_facts.
    let dom = dump_dom(&browser, &format!("{url}#documents?sort=facts&dir=desc"));
    let got: Vec<u64> = shown(&dom).iter().map(|r| r.facts).collect();
    let mut want: Vec<u64> = out
        .docs
        .iter()
        .map(|d| d["n_facts"].parse().unwrap())
        .collect();
    want.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(got, want, "rows sorted by facts, descending");
    assert!(
        dom.contains("data-key=\"facts\" data-type=\"num\" class=\"num\" aria-sort=\"descending\"")
    );
    // …and ascending.
    let dom = dump_dom(&browser, &format!("{url}#documents?sort=facts&dir=asc"));
    want.reverse();
    let got: Vec<u64> = shown(&dom).iter().map(|r| r.facts).collect();
    assert_eq!(got, want, "rows sorted by facts, ascending");

    // Filtered by a search word: the one document whose path has it.
    let wanted = &out.docs[2]["source_path"];
    let stem = wanted.split('_').next().unwrap();
    let dom = dump_dom(&browser, &format!("{url}#documents?q={stem}"));
    let got: Vec<String> = shown(&dom).into_iter().map(|r| r.path).collect();
    assert_eq!(got, [wanted.as_str()], "search {stem}");
    assert_eq!(rows(&dom).len(), n, "filtered rows are hidden, not removed");

    // Filtered by level: the documents of that level.
    let level = out
        .docs
        .iter()
        .map(|d| d["admin_level"].as_str())
        .find(|l| !l.is_empty())
        .expect("a sample document with a level");
    let of_level = out
        .docs
        .iter()
        .filter(|d| d["admin_level"] == level)
        .count();
    let encoded: String = level.bytes().map(|b| format!("%{b:02X}")).collect();
    let dom = dump_dom(&browser, &format!("{url}#documents?level={encoded}"));
    assert_eq!(shown(&dom).len(), of_level, "level {level}");
    assert!(status(&dom).contains(&format!("of {of_level} matching")));

    // A document's anchor opens its extraction.
    let id = &out.docs[1]["doc_id"];
    let dom = dump_dom(&browser, &format!("{url}#doc-{id}"));
    let detail = between(&dom, &format!("id=\"doc-{id}\""), "</tr>");
    assert!(
        dom.contains(&format!("<tr class=\"doc-detail open\" id=\"doc-{id}\">")),
        "extraction of {id} opened"
    );
    assert!(detail.contains("govreport extract"), "{detail}");
}

/// Strings from the wild (titles, paths, warnings, issuers) are text on the page: markup in
/// them neither runs nor breaks the table, whose script still sorts and filters them.
#[test]
fn hostile_strings_stay_text_in_chromium() {
    use govreport::report::{render_report, DocumentRow, ReportData};
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium not installed (make test-browser installs it)");
        return;
    };
    let attack = "<script>document.documentElement.setAttribute('data-pwned','1')</script>\
                  <img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">\
                  ]]> \" ' & </td></tr></table>";
    let rows: Vec<DocumentRow> = (0..3u64)
        .map(|i| DocumentRow {
            doc_id: format!("{i:016x}"),
            path: format!("{attack}/{i}.html"),
            title: Some(format!("{attack} {i}")),
            issuer: Some(attack.to_string()),
            admin_level: Some(attack.to_string()),
            report_year: Some(2020 + i as i32),
            genre: attack.to_string(),
            warnings: vec![attack.to_string()],
            facts: i,
            ..DocumentRow::default()
        })
        .collect();
    let data = ReportData {
        run_id: attack.into(),
        input_root: attack.into(),
        documents: 3,
        files_found: 3,
        document_rows: rows,
        ..ReportData::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, render_report(&data)).unwrap();
    let url = format!("file://{}", page.display());

    let dom = dump_dom(&browser, &format!("{url}#documents?sort=facts&dir=desc"));
    // The attack's text is on the page; its effect (an attribute on <html>) is not.
    let html_tag = between(&dom, "<html", ">");
    assert!(
        !html_tag.contains("data-pwned"),
        "markup in the data ran: {html_tag}"
    );
    assert!(dom.contains("setAttribute('data-pwned','1')&lt;/script&gt;"));
    assert!(dom.contains("data-doc-table=\"ready\""));
    let got: Vec<u64> = shown(&dom).iter().map(|r| r.facts).collect();
    assert_eq!(got, [2, 1, 0], "the table still sorts");
    // The level menu offers the hostile level as text, and filtering by it works.
    let encoded: String = attack.bytes().map(|b| format!("%{b:02X}")).collect();
    let dom = dump_dom(&browser, &format!("{url}#documents?level={encoded}"));
    assert_eq!(shown(&dom).len(), 3, "{}", status(&dom));
}
