//! Word `.docx` files: paragraphs and tables from `word/document.xml`, automatic numbering
//! rendered from `word/numbering.xml` (so `一、` and `（一）` markers that Word draws itself
//! reach the section tree), and the core properties (title, created date).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::ingest::ReadLimits;
use crate::model::PageMeta;

/// Text and properties of a Word document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocxText {
    pub text: String,
    pub meta: PageMeta,
}

/// Reads a `.docx` from its bytes with the default limits. Errors are sentences for the
/// rejects table.
pub fn read_docx(bytes: &[u8]) -> Result<DocxText, String> {
    read_docx_limited(bytes, ReadLimits::default())
}

/// Reads a `.docx`; its parts may decompress to `max_docx_inflated_bytes` in all, each at
/// most `max_docx_ratio` times its compressed size (a zip bomb is a reject that says so).
pub fn read_docx_limited(bytes: &[u8], limits: ReadLimits) -> Result<DocxText, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable .docx (zip) file: {e}"))?;
    let mut left = limits.max_docx_inflated_bytes;
    let mut read = |zip: &mut Zip<'_>, name: &str| read_part(zip, name, &mut left, limits);
    let document = read(&mut zip, "word/document.xml")?
        .ok_or_else(|| "not a Word document: the .docx has no word/document.xml".to_string())?;
    let numbering = read(&mut zip, "word/numbering.xml")?
        .map(|x| parse_numbering(&x))
        .unwrap_or_default();
    let meta = read(&mut zip, "docProps/core.xml")?
        .map(|x| parse_core(&x))
        .unwrap_or_default();
    let text = render_document(&document, &numbering)?;
    Ok(DocxText { text, meta })
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

fn too_big(limit: u64) -> String {
    format!(
        "the .docx decompresses to more than {} MB (max_docx_inflated_bytes); not read",
        limit.div_ceil(1024 * 1024)
    )
}

/// One part, inflated within what is `left` of the file's allowance.
fn read_part(
    zip: &mut Zip<'_>,
    name: &str,
    left: &mut u64,
    limits: ReadLimits,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("damaged .docx: cannot open {name}: {e}")),
    };
    let compressed = file.compressed_size().max(1);
    let ratio_exceeded = |size: u64| {
        size > crate::limits::DOCX_RATIO_FLOOR_BYTES && size / compressed > limits.max_docx_ratio
    };
    let ratio_error = |size: u64| {
        format!(
            "the .docx part {name} decompresses to {} times its compressed size (more than \
             max_docx_ratio = {}): a zip bomb, not a Word document; not read",
            size / compressed,
            limits.max_docx_ratio
        )
    };
    // The sizes the archive declares first (they may lie: checked again while reading).
    if file.size() > *left {
        return Err(too_big(limits.max_docx_inflated_bytes));
    }
    if ratio_exceeded(file.size()) {
        return Err(ratio_error(file.size()));
    }
    let mut buf = Vec::with_capacity(file.size() as usize);
    file.take(*left + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("damaged .docx: cannot read {name}: {e}"))?;
    let size = buf.len() as u64;
    if size > *left {
        return Err(too_big(limits.max_docx_inflated_bytes));
    }
    if ratio_exceeded(size) {
        return Err(ratio_error(size));
    }
    *left -= size;
    String::from_utf8(buf)
        .map(Some)
        .map_err(|_| format!("damaged .docx: {name} is not UTF-8 XML"))
}

/// The value of attribute `w:val` (or any `*:val`).
fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// One numbering level: its format (`decimal`, `chineseCounting` …), its text (`%1、`) and start.
#[derive(Debug, Clone, Default)]
struct Level {
    fmt: String,
    text: String,
    start: u32,
}

#[derive(Debug, Clone, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl
    abstract_levels: HashMap<String, HashMap<u32, Level>>,
    /// numId → abstractNumId
    nums: HashMap<String, String>,
}

fn parse_numbering(xml: &str) -> Numbering {
    let mut n = Numbering::default();
    let mut reader = Reader::from_str(xml);
    let (mut abs_id, mut num_id, mut ilvl): (Option<String>, Option<String>, Option<u32>) =
        (None, None, None);
    loop {
        let ev = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(ev) => ev,
        };
        match ev {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"abstractNum" => abs_id = attr(&e, b"abstractNumId"),
                b"lvl" => ilvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok()),
                b"num" => num_id = attr(&e, b"numId"),
                b"abstractNumId" => {
                    if let (Some(id), Some(v)) = (num_id.clone(), val(&e)) {
                        n.nums.insert(id, v);
                    }
                }
                tag @ (b"numFmt" | b"lvlText" | b"start") => {
                    if let (Some(a), Some(l), Some(v)) = (abs_id.clone(), ilvl, val(&e)) {
                        let level = n
                            .abstract_levels
                            .entry(a)
                            .or_default()
                            .entry(l)
                            .or_default();
                        match tag {
                            b"numFmt" => level.fmt = v,
                            b"lvlText" => level.text = v,
                            _ => level.start = v.parse().unwrap_or(1),
                        }
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"abstractNum" => abs_id = None,
                b"lvl" => ilvl = None,
                b"num" => num_id = None,
                _ => {}
            },
            _ => {}
        }
    }
    n
}

/// Chinese counting numerals as Word draws them (`chineseCounting`): 1 → 一, 12 → 十二.
fn chinese_count(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

fn render_counter(fmt: &str, n: u32) -> String {
    match fmt {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "chineseLegalSimplified" => chinese_count(n),
        "upperLetter" => char::from_u32(u32::from('A') + (n.saturating_sub(1) % 26))
            .unwrap_or('A')
            .to_string(),
        "lowerLetter" => char::from_u32(u32::from('a') + (n.saturating_sub(1) % 26))
            .unwrap_or('a')
            .to_string(),
        "decimalFullWidth" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
}

/// Counters of automatic numbering while walking the document.
#[derive(Default)]
struct Counters {
    by_num: HashMap<String, HashMap<u32, u32>>,
}

impl Counters {
    fn marker(&mut self, numbering: &Numbering, num_id: &str, ilvl: u32) -> String {
        let Some(levels) = numbering
            .nums
            .get(num_id)
            .and_then(|a| numbering.abstract_levels.get(a))
        else {
            return String::new();
        };
        let counters = self.by_num.entry(num_id.to_string()).or_default();
        let start = levels.get(&ilvl).map_or(1, |l| l.start.max(1));
        counters
            .entry(ilvl)
            .and_modify(|c| *c += 1)
            .or_insert(start);
        // A new item at one level restarts the levels below it.
        counters.retain(|&l, _| l <= ilvl);
        let Some(level) = levels.get(&ilvl) else {
            return String::new();
        };
        let mut text = level.text.clone();
        for l in 0..=ilvl {
            let placeholder = format!("%{}", l + 1);
            if text.contains(&placeholder) {
                let n = counters.get(&l).copied().unwrap_or(1);
                let fmt = levels.get(&l).map_or("decimal", |x| x.fmt.as_str());
                text = text.replace(&placeholder, &render_counter(fmt, n));
            }
        }
        without_placeholders(text)
    }
}

/// A marker with the placeholders of levels below the current one (`%3` in level 1's text)
/// or of no level at all removed: Word draws nothing for them, and a `%3` left in the text
/// would read as a number.
fn without_placeholders(text: String) -> String {
    if !text.contains('%') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' && chars.peek().is_some_and(|d| d.is_ascii_digit()) {
            while chars.peek().is_some_and(|d| d.is_ascii_digit()) {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Walks `document.xml`: one line per paragraph, one `cell | cell` line per table row.
fn render_document(xml: &str, numbering: &Numbering) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut counters = Counters::default();
    let mut para = String::new();
    let mut in_text = false;
    let (mut num_id, mut ilvl): (Option<String>, u32) = (None, 0);
    let mut table_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut events = 0u32;
    loop {
        events = events.wrapping_add(1);
        if events.trailing_zeros() >= 12 {
            crate::budget::check();
        }
        let ev = reader
            .read_event()
            .map_err(|e| format!("damaged .docx: word/document.xml is not well-formed XML: {e}"))?;
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"p" => {
                    para.clear();
                    num_id = None;
                    ilvl = 0;
                }
                b"t" => in_text = true,
                b"tab" => para.push('\t'),
                b"br" | b"cr" => para.push('\n'),
                b"numId" => num_id = val(&e).filter(|v| v != "0"),
                b"ilvl" => ilvl = val(&e).and_then(|v| v.parse().ok()).unwrap_or(0),
                b"tbl" => table_depth += 1,
                b"tr" => row.clear(),
                b"tc" => cell.clear(),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let s = t
                    .decode()
                    .map_err(|e| format!("damaged .docx: bad text: {e}"))?;
                para.push_str(&s);
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else {
                    para.push_str(super::xml_entity(&r.decode().unwrap_or_default()));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    let marker = num_id
                        .as_deref()
                        .map(|n| counters.marker(numbering, n, ilvl))
                        .unwrap_or_default();
                    let line = format!("{marker}{}", para.trim());
                    if table_depth > 0 {
                        if !cell.is_empty() && !line.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(&line);
                    } else if !line.trim().is_empty() {
                        out.push_str(&line);
                        out.push('\n');
                    }
                    para.clear();
                }
                b"tc" => row.push(std::mem::take(&mut cell).trim().to_string()),
                b"tr" => super::push_table_row(&mut out, &mut row),
                b"tbl" => table_depth = table_depth.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
    }
    Ok(out)
}

/// `dc:title` and `dcterms:created` of `docProps/core.xml`.
fn parse_core(xml: &str) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<&'static str> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => {
                current = match e.local_name().as_ref() {
                    b"title" => Some("title"),
                    b"created" => Some("created"),
                    _ => None,
                }
            }
            Ok(Event::Text(t)) => {
                let text = t.decode().map(|s| s.trim().to_string()).unwrap_or_default();
                if text.is_empty() {
                    continue;
                }
                match current {
                    Some("title") => meta.title = Some(text),
                    Some("created") => meta.created_raw = Some(text),
                    _ => {}
                }
            }
            Ok(Event::End(_)) => current = None,
            _ => {}
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::build_docx;
    use std::io::Write;

    #[test]
    fn paragraphs_numbering_tables_and_core_properties() {
        let bytes = build_docx(
            &[
                ("Title", None, "某街道2023年法治政府建设年度报告"),
                ("1", Some((1, 0)), "主要举措和成效"),
                ("2", Some((1, 1)), "强化法治建设统筹。共计立案查处390件。"),
                ("2", Some((1, 1)), "健全机制"),
                ("1", Some((1, 0)), "存在的不足"),
                ("", None, "宣传形式单一 & 频次低。"),
            ],
            &[vec!["受理案件", "285宗"], vec!["办结案件", "266宗"]],
            "某街道2023年法治政府建设年度报告",
        );
        let d = read_docx(&bytes).unwrap();
        let lines: Vec<&str> = d.text.lines().collect();
        assert_eq!(
            lines,
            vec![
                "某街道2023年法治政府建设年度报告",
                "一、主要举措和成效",
                "（一）强化法治建设统筹。共计立案查处390件。",
                "（二）健全机制",
                "二、存在的不足",
                "宣传形式单一 & 频次低。",
                "受理案件 | 285宗",
                "办结案件 | 266宗",
            ]
        );
        assert_eq!(
            d.meta.title.as_deref(),
            Some("某街道2023年法治政府建设年度报告")
        );
        assert_eq!(d.meta.created_raw.as_deref(), Some("2023-12-01T08:00:00Z"));
    }

    #[test]
    fn broken_docx_files_are_refused_with_a_sentence() {
        assert!(read_docx(b"PK\x03\x04garbage")
            .unwrap_err()
            .contains(".docx"));
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file("hello.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(b"hi").unwrap();
            z.finish().unwrap();
        }
        assert!(read_docx(&buf.into_inner())
            .unwrap_err()
            .contains("word/document.xml"));
    }

    #[test]
    fn chinese_counters() {
        assert_eq!(chinese_count(1), "一");
        assert_eq!(chinese_count(10), "十");
        assert_eq!(chinese_count(12), "十二");
        assert_eq!(chinese_count(20), "二十");
        assert_eq!(chinese_count(35), "三十五");
    }

    /// A .docx of the given parts, deflated.
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, bytes) in parts {
                z.start_file(*name, opts).unwrap();
                z.write_all(bytes).unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    fn document_of(paragraphs: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{paragraphs}</w:body></w:document>"
        )
    }

    #[test]
    fn inflation_beyond_the_limits_is_a_reject_that_says_so() {
        let para = "<w:p><w:r><w:t>全年共计立案查处390件。</w:t></w:r></w:p>";
        let big = document_of(&para.repeat(40_000)); // about 2.4 MB of XML
        let bytes = zip_of(&[("word/document.xml", big.as_bytes())]);
        let small = ReadLimits {
            max_docx_inflated_bytes: 1024 * 1024,
            max_docx_ratio: 100_000,
            ..ReadLimits::default()
        };
        let e = read_docx_limited(&bytes, small).unwrap_err();
        assert!(e.contains("decompresses to more than 1 MB"), "{e}");
        let strict_ratio = ReadLimits {
            max_docx_ratio: 10,
            ..ReadLimits::default()
        };
        let e = read_docx_limited(&bytes, strict_ratio).unwrap_err();
        assert!(e.contains("times its compressed size"), "{e}");
        // Within the limits: read.
        let lenient = ReadLimits {
            max_docx_ratio: 100_000,
            ..ReadLimits::default()
        };
        let d = read_docx_limited(&bytes, lenient).unwrap();
        assert_eq!(d.text.lines().count(), 40_000);
    }

    #[test]
    fn placeholders_of_undefined_levels_do_not_become_text() {
        let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3%9"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
        let doc = document_of(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>加强领导</w:t></w:r></w:p>"#,
        );
        let bytes = zip_of(&[
            ("word/document.xml", doc.as_bytes()),
            ("word/numbering.xml", numbering.as_bytes()),
        ]);
        assert_eq!(read_docx(&bytes).unwrap().text, "1.加强领导\n");
    }
}
