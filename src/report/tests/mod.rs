//! Tests of the rendered page: well-formed, complete, escaped, bounded; the sample run data
//! they share and the helpers that read the page.

mod charts;
mod page;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::*;

/// A document row with a title, an issuer and two warnings.
fn doc(i: usize, level: Option<&str>, year: Option<i32>, genre: &str) -> DocumentRow {
    DocumentRow {
        doc_id: format!("{i:016x}"),
        path: format!("广东省/报告{i}.html"),
        title: Some(format!(
            "某某区{}年法治政府建设年度报告",
            year.unwrap_or(2023)
        )),
        issuer: Some("某某区人民政府".into()),
        division_code: Some("440105".into()),
        admin_level: level.map(String::from),
        report_year: year,
        publish_date: Some("2024-03-01".into()),
        genre: genre.into(),
        missing_parts: vec!["leadership_duty".into()],
        warnings: vec![
            "no place name of the gazetteer found in the issuer '某某区人民政府'".into(),
            "report year 2023 is far from the publish date 2030-01-01".into(),
        ],
        facts: 31,
        facts_with_metric: 29,
        facts_with_indicator: 12,
        duplicate_of: None,
    }
}

/// A run with several years, levels, awkward paths and strings, and a few indicators.
fn sample() -> ReportData {
    let mut rows: Vec<DocumentRow> = (0..6)
        .map(|i| {
            doc(
                i,
                Some(["省", "市", "区县"][i % 3]),
                Some(2019 + i as i32),
                ROL_ANNUAL,
            )
        })
        .collect();
    rows.push(DocumentRow {
        doc_id: "00000000000000ff".into(),
        path: "/data/<bad> & \"odd\" 'name'.html".into(),
        title: Some("<script>alert(\"x\")</script> & ]]> 标题".into()),
        issuer: None,
        genre: "news".into(),
        missing_parts: vec![],
        warnings: vec![],
        facts: 0,
        duplicate_of: Some("0000000000000001".into()),
        ..doc(99, None, None, "news")
    });
    ReportData {
        run_id: "2025-03-01T10-00-00_ab12".into(),
        started_at: "2025-03-01T10:00:00+08:00".into(),
        finished_at: "2025-03-01T10:04:12+08:00".into(),
        tool_version: "0.9.2".into(),
        schema_version: "3".into(),
        input_root: "/data/法治政府/年度报告".into(),
        source_base_url: "file:///data/%E6%B3%95/".into(),
        elapsed_seconds: 252.4,
        mb_per_second: 12.345,
        docs_per_second: 8.76,
        peak_rss_bytes: Some(734_003_200),
        files_found: 2_310,
        documents: 2_204,
        rejected: 57,
        duplicates: 49,
        table_rows: vec![
            ("documents".into(), 2_204),
            ("sections".into(), 18_930),
            ("facts".into(), 1_204_331),
            ("indicators".into(), 96_120),
        ],
        rejects: vec![
            (
                "/data/法治政府/<bad> & \"odd\" 'name'.pdf".into(),
                "extract".into(),
                "PDF has no text layer (scanned image?)".into(),
            ),
            (
                "/data/法治政府/广东省/广州市海珠区人民政府海幢街道办事处2023年法治政府建设年度报告.docx".into(),
                "decode".into(),
                "invalid UTF-16 <surrogate> at byte 1024".into(),
            ),
            ("/data/x\u{1}y.html".into(), "parse".into(), "unexpected end of file".into()),
        ],
        reject_kinds: vec![WarningKind {
            kind: "PDF has no text layer".into(),
            count: 50,
            files: 50,
            example_sentence: "PDF has no text layer (scanned image?)".into(),
            examples: vec![("/data/法治政府/<bad> & \"odd\" 'name'.pdf".into(), String::new())],
        }],
        warning_kinds: vec![
            WarningKind {
                kind: "no place name of the gazetteer found in the issuer '…'".into(),
                count: 311,
                files: 300,
                example_sentence: "no place name of the gazetteer found in the issuer '某某区人民政府'"
                    .into(),
                examples: vec![
                    ("广东省/报告0.html".into(), format!("{:016x}", 0)),
                    ("not/listed.html".into(), "abcdefabcdefabcd".into()),
                ],
            },
            WarningKind {
                kind: "organization not found in title or opening <p>".into(),
                count: 87,
                files: 87,
                example_sentence: "organization not found in title or opening <p>".into(),
                examples: vec![("a.html".into(), String::new())],
            },
        ],
        warning_kinds_other: 9,
        docs_per_year: vec![
            (Some(2019), 120),
            (Some(2020), 260),
            (Some(2022), 455),
            (Some(2023), 501),
            (Some(2024), 436),
            (None, 44),
        ],
        docs_per_kind: vec![("rol_annual".into(), 2_150), ("other".into(), 54)],
        docs_per_genre: vec![("rol_annual".into(), 2_150), ("news".into(), 54)],
        rol_levels: vec![
            LevelStats {
                level: Some("区县".into()),
                reports: 802,
                with_part: [800, 700, 600, 790],
                with_all_parts: 590,
                with_year: 801,
                with_division_code: 640,
                with_warnings: 122,
                facts: 40_100,
                facts_with_indicator: 20_050,
                years: Some((2019, 2024)),
            },
            LevelStats {
                level: Some("省".into()),
                reports: 64,
                years: Some((2021, 2021)),
                ..LevelStats::default()
            },
            LevelStats {
                level: None,
                reports: 88,
                ..LevelStats::default()
            },
            LevelStats {
                level: Some("市".into()),
                reports: 402,
                ..LevelStats::default()
            },
        ],
        field_coverage: FieldCoverage {
            with_field: [2_000, 2_100, 1_500, 2_116, 2_160, 900],
            rol_with_field: [1_990, 2_080, 1_480, 2_100, 2_140, 880],
            rol_annual: 2_150,
            with_all_parts: 1_300,
            without_facts: 120,
            with_warnings: 390,
            facts: 1_204_331,
            facts_with_metric: 1_100_000,
            facts_with_indicator: 602_165,
        },
        document_rows: rows,
        section_coverage: vec![
            ("measures_and_results".into(), 2_101),
            ("shortcomings".into(), 1_880),
            ("leadership_duty".into(), 1_422),
            ("next_year_plan".into(), 1_990),
        ],
        facts_by_kind: vec![
            ("count".into(), 702_113),
            ("money".into(), 180_442),
            ("rate".into(), 96_001),
            ("duration".into(), 20_775),
            ("area".into(), 5_000),
        ],
        top_indicators: vec![
            IndicatorSummary {
                code: "admin_reconsideration_cases".into(),
                label: "行政复议案件数".into(),
                unit: "件".into(),
                n_docs: 1_210,
                total: 84_512.0,
                median: 31.0,
            },
            IndicatorSummary {
                code: "leader_appearance_rate".into(),
                label: "行政机关负责人出庭应诉率".into(),
                unit: "%".into(),
                n_docs: 980,
                total: 90_112.4,
                median: 98.6,
            },
            IndicatorSummary {
                code: "training_sessions".into(),
                label: "组织开展法治培训和以案释法、旁听庭审等各类学习活动的场次（含线上线下）".into(),
                unit: "场".into(),
                n_docs: 612,
                total: 15_033.0,
                median: 12.0,
            },
        ],
    }
}

/// Parses the document as XML from start to end (after the DOCTYPE), checking that tags
/// balance, there is one root, attributes are well formed and only the five XML entities
/// are used.
fn assert_well_formed(html: &str) {
    let body = html
        .strip_prefix("<!DOCTYPE html>")
        .expect("document starts with the doctype");
    let mut reader = Reader::from_str(body);
    let mut depth = 0usize;
    let mut roots = 0;
    loop {
        let pos = reader.buffer_position();
        match reader.read_event() {
            Err(e) => panic!("XML error near byte {pos}: {e}"),
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                check_attributes(&e);
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Ok(Event::Empty(e)) => {
                check_attributes(&e);
                if depth == 0 {
                    roots += 1;
                }
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::GeneralRef(r)) => {
                let name = std::str::from_utf8(&r).unwrap();
                assert!(
                    matches!(name, "amp" | "lt" | "gt" | "quot" | "apos"),
                    "entity &{name}; is not one of the five XML entities"
                );
            }
            Ok(Event::Text(t)) => {
                if depth == 0 {
                    assert!(
                        t.iter().all(u8::is_ascii_whitespace),
                        "text outside the root"
                    );
                }
            }
            Ok(Event::DocType(_)) => panic!("second doctype"),
            Ok(_) => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements at end of document");
    assert_eq!(roots, 1, "exactly one root element");
}

fn check_attributes(e: &quick_xml::events::BytesStart) {
    for attr in e.attributes() {
        let attr = attr.expect("well-formed attribute");
        attr.unescape_value().expect("attribute value unescapes");
    }
}

/// The text of `<section id="…">` up to its end tag (sections do not nest).
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\""))
        .unwrap_or_else(|| panic!("section {id} present"));
    let len = html[start..].find("</section>").expect("section closed");
    &html[start..start + len]
}

/// Number of bars in each `<svg` of `fragment`, in order.
fn bars_per_chart(fragment: &str) -> Vec<usize> {
    fragment
        .split("<svg")
        .skip(1)
        .map(|chunk| {
            let svg = &chunk[..chunk.find("</svg>").expect("svg closed")];
            svg.matches("<rect class=\"bar\"").count()
        })
        .collect()
}

/// Writes the sample report to the temp directory (/tmp/report_example.html) for a look
/// in a browser.
#[test]
#[ignore = "writes /tmp/report_example.html for a look in a browser"]
fn writes_example_file() {
    let path = std::env::temp_dir().join("report_example.html");
    std::fs::write(&path, render_report(&sample())).expect("write example report");
}
