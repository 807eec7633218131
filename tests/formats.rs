//! The same report as txt, HTML (three site templates, three encodings) and docx must give
//! the same sections, facts, dates and metadata.

use std::fs;
use std::path::Path;

use govreport::fixtures::{self, PageCharset, PageParts};
use govreport::ingest::decode_document;
use govreport::model::DocResult;
use govreport::pipeline::{process_document, Resources};

fn process(name: &str, bytes: &[u8]) -> DocResult {
    let src = decode_document(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    process_document(src, Resources::embedded().unwrap())
}

fn seeds() -> Vec<(String, DocResult)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name.clone(), process(&name, &fs::read(&p).unwrap())));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(out.len(), 5);
    out
}

type FactKey = (String, String, String, String, String, Option<String>);

fn facts(d: &DocResult) -> Vec<FactKey> {
    d.facts
        .iter()
        .map(|f| {
            (
                f.raw.clone(),
                format!("{}", f.value_normalized),
                f.unit_normalized.to_string(),
                f.qualifier.as_str().to_string(),
                f.quantity_kind.as_str().to_string(),
                f.metric.clone(),
            )
        })
        .collect()
}

fn headings(d: &DocResult) -> Vec<(i16, String, String)> {
    d.sections
        .iter()
        .map(|s| (s.level, s.marker.clone(), s.heading.clone()))
        .collect()
}

fn dates(d: &DocResult) -> Vec<(String, &'static str, &'static str)> {
    d.dates
        .iter()
        .map(|x| (x.date.to_string(), x.precision.as_str(), x.role.as_str()))
        .collect()
}

/// `page_meta`: whether `other` carries the web page's metadata (a Word file does not have
/// the page's publish date).
fn assert_same(label: &str, txt: &DocResult, other: &DocResult, page_meta: bool) {
    assert_eq!(headings(other), headings(txt), "{label}: sections differ");
    assert_eq!(facts(other), facts(txt), "{label}: facts differ");
    let body_dates = |d: &DocResult| {
        dates(d)
            .into_iter()
            .filter(|x| page_meta || x.2 != "publish")
            .collect::<Vec<_>>()
    };
    assert_eq!(body_dates(other), body_dates(txt), "{label}: dates differ");
    let (a, b) = (&txt.meta, &other.meta);
    assert_eq!(b.organization, a.organization, "{label}: organization");
    assert_eq!(b.admin_level, a.admin_level, "{label}: admin_level");
    if page_meta || txt.meta.report_year_source.as_deref() != Some("publish_date") {
        assert_eq!(b.report_year, a.report_year, "{label}: report_year");
    }
    if page_meta {
        assert_eq!(b.publish_date, a.publish_date, "{label}: publish_date");
    }
    assert_eq!(b.signed_date, a.signed_date, "{label}: signed_date");
    assert_eq!(b.division_code, a.division_code, "{label}: division_code");
    if a.title.is_some() {
        assert_eq!(b.title, a.title, "{label}: title");
    }
    assert_eq!(
        other.required_sections_missing, txt.required_sections_missing,
        "{label}: missing parts"
    );
}

#[test]
fn html_pages_of_every_template_and_encoding_match_the_text_version() {
    let templates = [
        ("district", fixtures::DISTRICT_TEMPLATE, PageCharset::Utf8),
        ("xxgk", fixtures::XXGK_TEMPLATE, PageCharset::Gbk),
        (
            "mirror",
            fixtures::MIRROR_TEMPLATE,
            PageCharset::GbkDeclaredUtf8,
        ),
        (
            "district-gbk",
            fixtures::DISTRICT_TEMPLATE,
            PageCharset::Gbk,
        ),
    ];
    for (name, txt) in seeds() {
        let parts = PageParts::from_doc(&txt);
        for (tname, template, charset) in templates {
            let page = fixtures::render_page(template, &parts, charset);
            let html = process(&name.replace(".txt", ".html"), &page);
            let label = format!("{name} as {tname}");
            assert_eq!(html.source.format.as_str(), "html");
            let expected_encoding = if charset == PageCharset::Utf8 {
                "UTF-8"
            } else {
                "GB18030"
            };
            assert_eq!(html.source.encoding, expected_encoding, "{label}");
            if charset == PageCharset::GbkDeclaredUtf8 {
                assert!(
                    html.warnings.iter().any(|w| w.contains("declares charset")),
                    "{label}: {:?}",
                    html.warnings
                );
            }
            for chrome in [
                "网站无障碍",
                "当前位置",
                "ICP备",
                "相关文章",
                "热点信息",
                "网友评论",
                "热门文章",
                "分享到",
                "政策文件",
            ] {
                assert!(
                    !html.clean.body.contains(chrome),
                    "{label}: chrome {chrome:?} left in body"
                );
            }
            assert_same(&label, &txt, &html, true);
        }
    }
}

#[test]
fn docx_made_from_a_seed_gives_the_same_tables() {
    for (name, txt) in seeds() {
        let docx = fixtures::docx_from_doc(&txt);
        let d = process(&name.replace(".txt", ".docx"), &docx);
        assert_eq!(d.source.format.as_str(), "docx");
        assert_same(&format!("{name} as docx"), &txt, &d, false);
    }
}

#[test]
fn docx_automatic_numbering_becomes_the_section_tree() {
    let bytes = fixtures::build_docx(
        &[
            ("Title", None, "某街道2023年法治政府建设年度报告"),
            ("1", Some((1, 0)), "2023年主要举措和成效"),
            (
                "2",
                Some((1, 1)),
                "强化法治建设统筹。共计立案查处390件，罚款金额136161元。",
            ),
            ("1", Some((1, 0)), "存在的不足和原因"),
            ("1", Some((1, 0)), "2024年工作计划"),
        ],
        &[vec!["受理案件", "285宗"]],
        "某街道2023年法治政府建设年度报告",
    );
    let d = process("r.docx", &bytes);
    let l1: Vec<(String, Option<&str>)> = d
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| (s.marker.clone(), s.section_type.map(|t| t.as_str())))
        .collect();
    assert_eq!(
        l1,
        vec![
            ("一、".to_string(), Some("measures_and_results")),
            ("二、".to_string(), Some("shortcomings")),
            ("三、".to_string(), Some("next_year_plan")),
        ]
    );
    assert!(d
        .sections
        .iter()
        .any(|s| s.level == 2 && s.marker == "（一）"));
    assert!(d.clean.body.contains("受理案件 | 285宗"));
    assert_eq!(
        d.meta.title.as_deref(),
        Some("某街道2023年法治政府建设年度报告")
    );
}
