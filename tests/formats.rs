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

/// The facts' keys; `spaces`: whether a space inside a fact's raw span counts (see
/// `without_spaces`).
fn facts_spaced(d: &DocResult, spaces: bool) -> Vec<FactKey> {
    d.facts
        .iter()
        .map(|f| {
            (
                if spaces {
                    f.raw.clone()
                } else {
                    without_spaces(&f.raw)
                },
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
    assert_same_spaced(label, txt, other, page_meta, true);
}

/// `assert_same`; `spaces = false` for the fixed-layout formats (see `without_spaces`).
fn assert_same_spaced(
    label: &str,
    txt: &DocResult,
    other: &DocResult,
    page_meta: bool,
    spaces: bool,
) {
    assert_eq!(headings(other), headings(txt), "{label}: sections differ");
    assert_eq!(
        facts_spaced(other, spaces),
        facts_spaced(txt, spaces),
        "{label}: facts differ"
    );
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

/// The sample reports as LibreOffice rendered them to PDF and Word 97 .doc, and as
/// `scripts/attachment_fixtures.py` wrote them to OFD (`scripts/make_attachment_fixtures.sh`).
fn attachment(name: &str) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/attachments");
    fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Text with spaces removed: the one difference the fixed-layout formats force (bodies, and
/// facts' raw spans such as `26 次`).
/// A space the text had inside Chinese prose (`网格、 216个`) is printed as a gap, not a
/// glyph, so a PDF or OFD reader cannot tell it from letter spacing; it has no bearing on any
/// table.
fn without_spaces(body: &str) -> String {
    body.chars().filter(|c| *c != ' ').collect()
}

/// Differences the formats force: the attachments carry no page metadata (publish date)
/// and no title property, exactly as the .docx case, so `assert_same` is called with
/// `page_meta = false`; spaces inside Chinese prose (`without_spaces`). Page furniture and
/// line breaks at the page width are the readers' to undo, and they must: sections, facts,
/// dates, metadata and the body's paragraphs are compared whole.
#[test]
fn pdf_doc_wps_and_ofd_renderings_of_the_seeds_give_the_same_tables() {
    for (name, txt) in seeds() {
        for (ext, format, encoding) in [
            ("pdf", "pdf", "UTF-16BE"),
            ("doc", "doc", "UTF-16LE"),
            ("ofd", "ofd", "UTF-8"),
        ] {
            let file = name.replace(".txt", &format!(".{ext}"));
            let d = process(&file, &attachment(&file));
            assert_eq!(d.source.format.as_str(), format, "{file}");
            assert_eq!(d.source.encoding, encoding, "{file}");
            let spaces = ext == "doc";
            assert_same_spaced(&format!("{name} as {ext}"), &txt, &d, false, spaces);
            let body = |d: &DocResult| {
                if spaces {
                    d.clean.body.clone()
                } else {
                    without_spaces(&d.clean.body)
                }
            };
            assert_eq!(body(&d), body(&txt), "{file}: body");
        }
        // No tool writes .wps; WPS Office's own files are this compound-file format, so the
        // .doc read under a .wps name stands for one.
        let doc = name.replace(".txt", ".doc");
        let d = process(&name.replace(".txt", ".wps"), &attachment(&doc));
        assert_eq!(d.source.format.as_str(), "wps");
        assert_same(&format!("{name} as wps"), &txt, &d, false);
    }
}

#[test]
fn a_pdf_with_running_header_footer_and_page_numbers_reads_as_the_text() {
    let (_, txt) = seeds()
        .into_iter()
        .find(|(n, _)| n.starts_with("001_"))
        .unwrap();
    let d = process("furniture.pdf", &attachment("furniture.pdf"));
    for furniture in ["某县人民政府办公室文件汇编", "第2页", "- 2 -"] {
        assert!(
            !d.clean.body.contains(furniture),
            "{furniture:?} left in the body"
        );
    }
    assert_same_spaced("furniture.pdf", &txt, &d, false, false);
    assert_eq!(
        without_spaces(&d.clean.body),
        without_spaces(&txt.clean.body)
    );
}

#[test]
fn attachments_are_recognised_by_content_not_name() {
    use govreport::ingest::detect_format;
    let pdf = attachment("003_acaf490cc139cbb4.pdf");
    let doc = attachment("003_acaf490cc139cbb4.doc");
    let ofd = attachment("003_acaf490cc139cbb4.ofd");
    assert_eq!(detect_format("a.doc", &pdf).unwrap().as_str(), "pdf");
    assert_eq!(detect_format("a.pdf", &doc).unwrap().as_str(), "doc");
    assert_eq!(detect_format("a.wps", &doc).unwrap().as_str(), "wps");
    assert_eq!(detect_format("a.zip", &ofd).unwrap().as_str(), "ofd");
    let docx = fixtures::docx_from_doc(&seeds()[0].1);
    assert_eq!(detect_format("a.doc", &docx).unwrap().as_str(), "docx");
    assert_eq!(
        detect_format("a.doc", b"<!DOCTYPE html><html>")
            .unwrap()
            .as_str(),
        "html"
    );
    assert_eq!(
        detect_format("a.doc", b"{\\rtf1\\ansi}").unwrap().as_str(),
        "doc"
    );
    let err = detect_format("a.ofd", "一、主要举措".as_bytes()).unwrap_err();
    assert!(err.contains("not an OFD file"), "{err}");
}

/// A .doc that is really RTF (LibreOffice's RTF of a seed, saved under .doc as sites do) is
/// read as RTF: the same tables as the text (RTF keeps the text's spaces).
#[test]
fn an_rtf_saved_as_doc_reads_as_the_text() {
    let (name, txt) = seeds()
        .into_iter()
        .find(|(n, _)| n.starts_with("003_"))
        .unwrap();
    let d = process("report.doc", &attachment("003_acaf490cc139cbb4_rtf.doc"));
    assert_eq!(d.source.format.as_str(), "doc");
    assert_eq!(d.source.encoding, "RTF");
    assert_same(&format!("{name} as RTF"), &txt, &d, false);
    assert_eq!(d.clean.body, txt.clean.body);
}
