//! Realistic inputs built from a processed report: HTML pages in the templates of real
//! government sites (in UTF-8, GBK, and GBK that claims to be UTF-8) and Word files. The
//! format tests use them to check that a report gives the same tables whatever its format.

use std::io::{Cursor, Write};

use crate::model::DocResult;

/// A district government site: top bar with the server's date, navigation, breadcrumb,
/// side bar of links, article with a metadata line, share tools, related articles, footer.
pub const DISTRICT_TEMPLATE: &str = include_str!("../tests/fixtures/html/district.html");
/// An information-disclosure platform: a 索引号/发布机构/发文日期 table above the article.
pub const XXGK_TEMPLATE: &str = include_str!("../tests/fixtures/html/xxgk.html");
/// An aggregator mirroring the report: its own menus, comments, hot-article side bar, ads.
pub const MIRROR_TEMPLATE: &str = include_str!("../tests/fixtures/html/mirror.html");

/// Byte encodings a page is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageCharset {
    Utf8,
    /// GBK bytes declared as gb2312.
    Gbk,
    /// GBK bytes whose meta tag wrongly says utf-8 (common on old sites).
    GbkDeclaredUtf8,
}

/// What a page template needs.
#[derive(Debug, Clone, Default)]
pub struct PageParts {
    pub title: String,
    pub publish: String,
    pub source: String,
    pub site: String,
    pub paragraphs: Vec<String>,
}

impl PageParts {
    /// The parts of a processed report: its title, page metadata and body paragraphs.
    pub fn from_doc(doc: &DocResult) -> Self {
        let mut lines: Vec<&str> = doc.clean.body.lines().collect();
        let title = doc.meta.title.clone().unwrap_or_default();
        if !title.is_empty() && lines.first() == Some(&title.as_str()) {
            lines.remove(0);
        }
        let site = doc
            .meta
            .county
            .as_deref()
            .map_or("某区人民政府".to_string(), |c| format!("{c}人民政府"));
        PageParts {
            title,
            publish: doc.clean.meta.publish_raw.clone().unwrap_or_default(),
            source: doc
                .clean
                .meta
                .source
                .clone()
                .or(doc.meta.org_short.clone())
                .unwrap_or_default(),
            site,
            paragraphs: lines.into_iter().map(String::from).collect(),
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Fills a template. Paragraphs become `<p>` with the indentation real editors leave.
pub fn render_page(template: &str, parts: &PageParts, charset: PageCharset) -> Vec<u8> {
    let body: String = parts
        .paragraphs
        .iter()
        .map(|p| {
            format!(
                "<p style=\"text-indent:2em\">&nbsp;&nbsp;{}</p>\n",
                escape(p)
            )
        })
        .collect();
    let declared = match charset {
        PageCharset::Utf8 | PageCharset::GbkDeclaredUtf8 => "utf-8",
        PageCharset::Gbk => "gb2312",
    };
    let html = template
        .replace("{{CHARSET}}", declared)
        .replace("{{TITLE}}", &escape(&parts.title))
        .replace("{{PUBDATE}}", &escape(&parts.publish))
        .replace("{{SOURCE}}", &escape(&parts.source))
        .replace("{{SITE}}", &escape(&parts.site))
        .replace("{{TODAY}}", "2024年1月5日 星期五")
        .replace("{{BODY}}", &body);
    match charset {
        PageCharset::Utf8 => html.into_bytes(),
        PageCharset::Gbk | PageCharset::GbkDeclaredUtf8 => {
            encoding_rs::GB18030.encode(&html).0.into_owned()
        }
    }
}

/// A paragraph of a generated Word file: style id, (numId, ilvl) of its automatic
/// numbering, text.
pub type DocxParagraph<'a> = (&'a str, Option<(u32, u32)>, &'a str);

/// Builds a .docx with one numbering definition (numId 1: level 0 `一、`, level 1 `（一）`),
/// the given paragraphs, an optional table and a core-properties title.
pub fn build_docx(paragraphs: &[DocxParagraph], table: &[Vec<&str>], title: &str) -> Vec<u8> {
    let mut body = String::new();
    for (style, num, text) in paragraphs {
        body.push_str("<w:p><w:pPr>");
        if !style.is_empty() {
            body.push_str(&format!("<w:pStyle w:val=\"{style}\"/>"));
        }
        if let Some((id, lvl)) = num {
            body.push_str(&format!(
                "<w:numPr><w:ilvl w:val=\"{lvl}\"/><w:numId w:val=\"{id}\"/></w:numPr>"
            ));
        }
        body.push_str(&format!(
            "</w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(text)
        ));
    }
    if !table.is_empty() {
        body.push_str("<w:tbl>");
        for r in table {
            body.push_str("<w:tr>");
            for c in r {
                body.push_str(&format!(
                    "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                    escape(c)
                ));
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    }
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let document = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>");
    let numbering = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>");
    let core = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>{}</dc:title><dcterms:created>2023-12-01T08:00:00Z</dcterms:created></cp:coreProperties>", escape(title));
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in [
            ("word/document.xml", document.as_str()),
            ("word/numbering.xml", numbering.as_str()),
            ("docProps/core.xml", core.as_str()),
        ] {
            // Writing to memory cannot fail short of allocation failure.
            z.start_file(name, opts).expect("zip entry in memory");
            z.write_all(content.as_bytes())
                .expect("zip write in memory");
        }
        z.finish().expect("zip finish in memory");
    }
    buf.into_inner()
}

/// A .docx of a processed report: one paragraph per body line (markers as printed).
pub fn docx_from_doc(doc: &DocResult) -> Vec<u8> {
    let paragraphs: Vec<DocxParagraph> = doc.clean.body.lines().map(|l| ("", None, l)).collect();
    build_docx(&paragraphs, &[], doc.meta.title.as_deref().unwrap_or(""))
}
