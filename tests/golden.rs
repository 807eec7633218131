//! Golden-output tests: the default pipeline on the sample reports in data/, compared with
//! the hand-made gold in tests/data/gold (a copy of ../shared/gold) the way the scorer
//! compares them, plus the indicator values a reader finds in the text and the run report.

#[path = "golden/browser.rs"]
mod browser;
mod common;

use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// The sections report.html has, in order (the page's contents list).
const REPORT_SECTIONS: [&str; 11] = [
    "summary",
    "fields",
    "documents",
    "warnings",
    "rejects",
    "levels",
    "years",
    "coverage",
    "indicators",
    "facts",
    "run",
];

fn read_csv(path: &Path) -> Vec<HashMap<String, String>> {
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

fn no_space(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"#*`".contains(*c))
        .collect()
}

struct Out {
    docs: Vec<HashMap<String, String>>,
    facts: Vec<HashMap<String, String>>,
    sections: Vec<HashMap<String, String>>,
    texts: HashMap<String, String>,
    dir: tempfile::TempDir,
}

fn output() -> Out {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    common::run_default(&out);
    Out {
        docs: read_csv(&out.join("documents.csv")),
        facts: read_csv(&out.join("facts.csv")),
        sections: read_csv(&out.join("sections.csv")),
        texts: read_csv(&out.join("texts.csv"))
            .into_iter()
            .map(|r| (r["doc_id"].clone(), r["body"].clone()))
            .collect(),
        dir,
    }
}

fn gold() -> Vec<serde_json::Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gold");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

fn doc_for<'a>(out: &'a Out, stem: &str) -> &'a HashMap<String, String> {
    out.docs
        .iter()
        .find(|d| d["source_path"].starts_with(stem))
        .unwrap_or_else(|| panic!("{stem} missing"))
}

#[test]
fn facts_match_the_gold_closely() {
    let out = output();
    let (mut gold_n, mut pred_n, mut ok, mut qual_ok, mut kind_ok) = (0, 0, 0, 0, 0);
    for g in gold() {
        let d = doc_for(&out, g["doc"].as_str().unwrap());
        let pred: Vec<&HashMap<String, String>> = out
            .facts
            .iter()
            .filter(|f| f["doc_id"] == d["doc_id"])
            .collect();
        let mut used = vec![false; pred.len()];
        pred_n += pred.len();
        for gf in g["facts"].as_array().unwrap() {
            gold_n += 1;
            let gv = gf["value_normalized"].as_f64().unwrap();
            let gu = gf["unit_normalized"].as_str().unwrap();
            let hit = (0..pred.len()).find(|&i| {
                !used[i]
                    && pred[i]["unit_normalized"] == gu
                    && (pred[i]["value_normalized"].parse::<f64>().unwrap() - gv).abs()
                        <= 1e-6 * gv.abs().max(1.0)
                    && no_space(&pred[i]["raw"]) == no_space(gf["raw"].as_str().unwrap())
            });
            if let Some(i) = hit {
                used[i] = true;
                ok += 1;
                qual_ok += usize::from(pred[i]["qualifier"] == gf["qualifier"].as_str().unwrap());
                kind_ok +=
                    usize::from(pred[i]["quantity_kind"] == gf["quantity_kind"].as_str().unwrap());
            }
        }
    }
    let (p, r) = (ok as f64 / pred_n as f64, ok as f64 / gold_n as f64);
    assert!(
        p >= 0.95 && r >= 0.95,
        "facts precision {p:.3} recall {r:.3}"
    );
    assert!(qual_ok as f64 / ok as f64 >= 0.95, "qualifier accuracy");
    assert!(kind_ok as f64 / ok as f64 >= 0.98, "quantity_kind accuracy");
}

#[test]
fn metadata_headings_and_boilerplate_match_the_gold() {
    let out = output();
    for g in gold() {
        let stem = g["doc"].as_str().unwrap();
        let d = doc_for(&out, stem);
        let field = |k: &str| d[k].clone();
        let expect = |k: &str| g[k].as_str().map(no_space).unwrap_or_default();
        assert_eq!(no_space(&field("title")), expect("title"), "{stem} title");
        assert_eq!(field("doc_kind"), expect("doc_kind"), "{stem} doc_kind");
        assert_eq!(field("genre"), expect("genre"), "{stem} genre");
        assert_eq!(
            field("admin_level"),
            expect("admin_level"),
            "{stem} admin_level"
        );
        assert_eq!(
            field("report_year"),
            g["report_year"].to_string(),
            "{stem} report_year"
        );
        assert_eq!(
            field("publish_date"),
            expect("publish_date"),
            "{stem} publish_date"
        );
        assert_eq!(
            field("signed_date"),
            expect("signed_date"),
            "{stem} signed_date"
        );
        let (a, b) = (
            no_space(&field("organization")).replace("人民政府", "政府"),
            expect("organization").replace("人民政府", "政府"),
        );
        assert!(
            a.contains(&b) || b.contains(&a),
            "{stem} organization {a} vs {b}"
        );
        // Every gold heading (levels 1-4) is found with its level and text.
        let secs: Vec<&HashMap<String, String>> = out
            .sections
            .iter()
            .filter(|s| s["doc_id"] == d["doc_id"] && s["kind"] == "heading")
            .collect();
        for h in g["headings"].as_array().unwrap() {
            let text = no_space(h["heading"].as_str().unwrap());
            let found = secs.iter().find(|s| {
                let got = no_space(&s["heading"]);
                s["level"].parse::<i64>().ok() == h["level"].as_i64()
                    && got.chars().count() >= 4
                    && (got.starts_with(&text) || text.starts_with(&got))
            });
            let found = found.unwrap_or_else(|| panic!("{stem}: heading {h} missing"));
            if let Some(t) = h["section_type"].as_str() {
                assert_eq!(found["section_type"], t, "{stem}: type of {h}");
            }
        }
        // Boilerplate lines are gone; the body keeps the rest of the report.
        let body = no_space(&out.texts[&d["doc_id"]]);
        for line in g["boilerplate"].as_array().unwrap() {
            let l = no_space(line.as_str().unwrap());
            assert!(
                l.chars().count() < 4 || !body.contains(&l),
                "{stem}: boilerplate kept: {l}"
            );
        }
    }
}

#[test]
fn indicators_take_the_values_a_reader_finds() {
    let out = output();
    let rows = read_csv(&out.dir.path().join("out/indicators.csv"));
    let value = |stem: &str, code: &str| -> Option<f64> {
        let id = &doc_for(&out, stem)["doc_id"];
        rows.iter()
            .find(|r| &r["doc_id"] == id && r["indicator"] == code)
            .map(|r| r["value"].parse().unwrap())
    };
    // 共计立案查处390件(其中简易程序110件,普通程序280件、立案撤销8件): the parts are not added.
    assert_eq!(value("000", "enforcement.cases_filed"), Some(390.0));
    assert_eq!(value("000", "enforcement.cases_simple"), Some(110.0));
    assert_eq!(value("000", "enforcement.fines"), Some(136161.0));
    // 立案118宗(其中城管类111宗…) + 安全生产立案41宗 + 消防立案631宗
    assert_eq!(
        value("002", "enforcement.cases_filed"),
        Some(118.0 + 41.0 + 631.0)
    );
    // 成功调解案件总数为263宗 covers 调委会成功调解的1宗 and 参与调解18宗.
    assert_eq!(value("002", "mediation.disputes"), Some(263.0));
    assert_eq!(value("002", "petitions.cases"), Some(271.0));
    assert_eq!(value("002", "hotline.tickets"), Some(5571.0));
    assert_eq!(value("003", "hotline.tickets"), Some(45.0));
    assert_eq!(value("003", "mediation.disputes"), Some(100.0));
    // The panel has one row per document and the same values.
    let panel = read_csv(&out.dir.path().join("out/panel.csv"));
    assert_eq!(panel.len(), 5);
    let id = &doc_for(&out, "002")["doc_id"];
    let row = panel.iter().find(|r| &r["doc_id"] == id).unwrap();
    assert_eq!(row["mediation_disputes"], "263.0");
    assert_eq!(
        row["enforcement_cases_filed"], "790.0",
        "件, 宗 and 起 are one count"
    );
    assert_eq!(row["enforcement_fines"], "", "not reported → null");
}

#[test]
fn run_report_is_well_formed_and_has_every_section() {
    let out = output();
    let html = fs::read_to_string(out.dir.path().join("out/report.html")).unwrap();
    let xml = html.trim_start_matches("<!DOCTYPE html>").trim_start();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(_) => {}
            Err(e) => panic!(
                "report.html is not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "unbalanced tags");
    for id in REPORT_SECTIONS {
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "section {id} missing"
        );
    }
    assert!(html.contains("<svg"), "charts are inline SVG");
    assert!(html.contains("enforcement.cases_filed"));
    // One inline script (the document table's sorting), nothing fetched.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("src=") && !html.contains("http://") && !html.contains("https://"));
    // Every document of the sample has its row and its extraction.
    assert_eq!(
        html.matches("<tr class=\"doc-row\"").count(),
        out.docs.len()
    );
    for d in &out.docs {
        assert!(
            html.contains(&format!(
                "<tr class=\"doc-detail\" id=\"doc-{}\">",
                d["doc_id"]
            )),
            "{}",
            d["source_path"]
        );
    }
}
