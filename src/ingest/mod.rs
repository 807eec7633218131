//! Ingest: find input files, recognise their format, decode their encoding.
//!
//! Discovery is lazy (a `walkdir` iterator in file-name order, so runs are deterministic);
//! reading is a pure function of the path and bytes, so documents can be read in parallel.

pub mod crawl;
pub mod decode;
pub mod discover;
pub mod doc;
pub mod docx;
pub mod layout;
pub mod listed;
pub mod ofd;
pub mod pdf;
pub mod prescan;
pub mod rewrap;
pub mod rtf;

pub use decode::{decode_text, Decoded};
pub use discover::{discover, Discovery, Skipped};

use crate::lexicon::PerThread;
use std::fs;
use std::path::PathBuf;

use encoding_rs::Encoding;
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::model::{PageMeta, Reject, SourceDoc, SourceFormat};

/// `charset=gbk` in a meta tag or an XML declaration, read from the page's first bytes.
static DECLARED_CHARSET: PerThread<regex::bytes::Regex> = PerThread::new(|| {
    regex::bytes::Regex::new(r#"(?i)(?:charset|encoding)\s*=\s*["']?\s*([a-z0-9_\-]+)"#).unwrap()
});

/// A path found under the input root, not yet read.
#[derive(Debug, Clone, Default)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the input root, with `/` separators.
    pub rel_path: String,
    /// Why the walk could not take this path as a document (a folder that cannot be read, a
    /// dangling link …): it becomes a reject with this sentence.
    pub problem: Option<String>,
    /// The crawl manifest's record for it (`--crawl-manifest`).
    pub origin: Option<crate::model::Origin>,
}

/// The text of an attachment format (PDF, .doc/.wps, OFD) and what the file says about
/// itself.
#[derive(Debug, Clone, Default)]
pub struct Attachment {
    pub text: String,
    pub meta: PageMeta,
    /// What the text was stored as (for `documents.encoding`).
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// Compiles exclude patterns such as `out/**`.
pub fn build_excludes(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).map_err(|e| format!("bad exclude pattern {p:?}: {e}"))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| e.to_string())
}

/// Limits that protect a run from pathological inputs, per file. The defaults are here;
/// pipeline files set them under `[input]` (see `config`).
#[derive(Debug, Clone, Copy)]
pub struct ReadLimits {
    /// Files larger than this are rejected unread.
    pub max_file_bytes: u64,
    /// A .docx whose parts decompress to more than this (in all, or any one part) is
    /// rejected; so is a part that decompresses to more than `max_docx_ratio` times its
    /// compressed size (and to more than 1 MB).
    pub max_docx_inflated_bytes: u64,
    pub max_docx_ratio: u64,
    /// A document still being processed after this many seconds becomes a reject
    /// (0 = no limit).
    pub max_seconds_per_file: f64,
}

impl Default for ReadLimits {
    fn default() -> Self {
        use crate::limits::*;
        ReadLimits {
            max_file_bytes: MAX_FILE_BYTES,
            max_docx_inflated_bytes: MAX_DOCX_INFLATED_BYTES,
            max_docx_ratio: MAX_DOCX_RATIO,
            max_seconds_per_file: MAX_SECONDS_PER_FILE,
        }
    }
}

impl ReadLimits {
    /// The per-document time budget, if there is one.
    pub fn time_budget(&self) -> Option<std::time::Duration> {
        (self.max_seconds_per_file > 0.0)
            .then(|| std::time::Duration::try_from_secs_f64(self.max_seconds_per_file).ok())
            .flatten()
    }
}

/// Reads and decodes one file; every failure becomes a reject with a sentence a person reads.
pub fn read_input(file: &InputFile, limits: ReadLimits) -> Result<SourceDoc, Reject> {
    let reject = |error: String, bytes: u64| Reject {
        source_path: file.rel_path.clone(),
        stage: "ingest",
        error,
        source_bytes: bytes,
    };
    if let Some(problem) = &file.problem {
        return Err(Reject {
            stage: "discover",
            ..reject(problem.clone(), 0)
        });
    }
    let meta = fs::metadata(&file.path).map_err(|e| {
        reject(
            format!("file could not be read: {}", discover::io_sentence(&e)),
            0,
        )
    })?;
    if !meta.is_file() {
        return Err(reject(
            "not a regular file (a folder, FIFO, socket or device); not read".to_string(),
            0,
        ));
    }
    let size = meta.len();
    if size > limits.max_file_bytes {
        return Err(reject(too_big(size, limits), size));
    }
    // Read at most one byte past the limit: a file that grows while it is read is caught.
    let mut bytes = Vec::with_capacity(size as usize);
    fs::File::open(&file.path)
        .and_then(|f| {
            use std::io::Read;
            f.take(limits.max_file_bytes + 1).read_to_end(&mut bytes)
        })
        .map_err(|e| {
            reject(
                format!("file could not be read: {}", discover::io_sentence(&e)),
                size,
            )
        })?;
    read_bytes(&file.rel_path, bytes, limits)
}

/// A document's bytes already in memory (the library's batches), as the file at `rel_path`
/// with these bytes is read by a run: the same limit, decoding and reject sentences.
pub fn read_bytes(rel_path: &str, bytes: Vec<u8>, limits: ReadLimits) -> Result<SourceDoc, Reject> {
    let read = bytes.len() as u64;
    let reject = |error: String| Reject {
        source_path: rel_path.to_string(),
        stage: "ingest",
        error,
        source_bytes: read,
    };
    if read > limits.max_file_bytes {
        return Err(reject(too_big(read, limits)));
    }
    decode_document_with(rel_path, bytes, limits).map_err(reject)
}

/// The reject sentence of a file over `max_file_bytes`.
fn too_big(size: u64, limits: ReadLimits) -> String {
    format!(
        "file is {size} bytes, larger than the limit of {} bytes (max_file_bytes); skipped",
        limits.max_file_bytes
    )
}

/// Recognises the format and decodes `bytes` into a `SourceDoc`, with the default limits.
/// Pure: no file system.
pub fn decode_document(rel_path: &str, bytes: &[u8]) -> Result<SourceDoc, String> {
    decode_document_with(rel_path, bytes.to_vec(), ReadLimits::default())
}

/// `decode_document` with the run's limits.
pub fn decode_document_with(
    rel_path: &str,
    bytes: Vec<u8>,
    limits: ReadLimits,
) -> Result<SourceDoc, String> {
    if bytes.is_empty() {
        return Err("file is empty (0 bytes)".to_string());
    }
    let format = detect_format(rel_path, &bytes)?;
    // Taken before decoding, which may keep the bytes as the text.
    let content = xxhash_rust::xxh3::xxh3_64(&bytes);
    let source_bytes = bytes.len() as u64;
    let mut warnings = Vec::new();
    let (text, encoding, meta) = match format {
        SourceFormat::Docx => {
            let d = docx::read_docx_limited(&bytes, limits)?;
            (d.text, "UTF-8", d.meta)
        }
        SourceFormat::Pdf | SourceFormat::Doc | SourceFormat::Wps | SourceFormat::Ofd => {
            let a = match format {
                SourceFormat::Pdf => pdf::read_pdf(&bytes, limits)?,
                SourceFormat::Ofd => ofd::read_ofd(&bytes, limits)?,
                _ if bytes.starts_with(b"{\\rtf") => rtf::read_rtf(&bytes)?,
                _ => doc::read_word97(&bytes, format, limits)?,
            };
            warnings.extend(a.warnings);
            (a.text, a.encoding, a.meta)
        }
        SourceFormat::Html => {
            let declared = declared_charset(&bytes);
            let decoded = decode::decode_text_owned(bytes, declared)?;
            if let Some(enc) = declared {
                if !decoded.encoding.starts_with(decode::label_of(enc))
                    && decoded.encoding != "UTF-8-BOM"
                {
                    warnings.push(format!(
                        "page declares charset {} but its bytes are {}; decoded as {}",
                        enc.name(),
                        decoded.encoding,
                        decoded.encoding
                    ));
                }
            }
            warnings.extend(decoded.warnings.iter().cloned());
            let mut text = decoded.text;
            let max = crate::limits::MAX_HTML_ATTRIBUTES;
            if let Some((capped, dropped)) = prescan::cap_attributes(&text, max) {
                warnings.push(format!(
                    "{dropped} HTML attributes beyond {max} in one tag were dropped"
                ));
                text = capped;
            }
            (text, decoded.encoding, PageMeta::default())
        }
        SourceFormat::Txt | SourceFormat::Md => {
            let decoded = decode::decode_text_owned(bytes, None)?;
            warnings.extend(decoded.warnings.iter().cloned());
            (decoded.text, decoded.encoding, PageMeta::default())
        }
    };
    let text = normalize_line_endings(text);
    // Plain text hard-wrapped at a fixed width gets its paragraphs back (HTML and the
    // document formats carry their own paragraphs).
    let text = match format {
        SourceFormat::Txt | SourceFormat::Md => rewrap::rejoin_wrapped_lines(&text).unwrap_or(text),
        _ => text,
    };
    if text.trim().is_empty() {
        return Err(match format {
            SourceFormat::Docx | SourceFormat::Doc | SourceFormat::Wps => {
                "the Word document has no text".to_string()
            }
            SourceFormat::Ofd => "the OFD document has no text".to_string(),
            SourceFormat::Pdf => "the PDF has no text".to_string(),
            _ => "file has no text: only white space after decoding".to_string(),
        });
    }
    Ok(SourceDoc {
        doc_id: doc_id_of(rel_path, content),
        content_hash: format!("{content:016x}"),
        source_path: rel_path.to_string(),
        format,
        encoding: encoding.to_string(),
        source_bytes,
        text,
        meta,
        warnings,
        origin: Default::default(),
    })
}

/// The encoding a page declares in its first 2 KB, if encoding_rs knows the label.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let label = DECLARED_CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

/// 16 hex characters of a 64-bit hash of some bytes (a cleaned body, a pipeline file).
pub fn doc_id(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// A document's id: 16 hex characters of a 64-bit hash of its bytes and its path relative to
/// the input root, so that identical copies at two paths are two ids (unique per row) and
/// the same file at the same path has the same id in every run.
pub fn source_doc_id(rel_path: &str, bytes: &[u8]) -> String {
    doc_id_of(rel_path, xxhash_rust::xxh3::xxh3_64(bytes))
}

/// `source_doc_id` from the bytes' hash.
fn doc_id_of(rel_path: &str, content: u64) -> String {
    format!(
        "{:016x}",
        xxhash_rust::xxh3::xxh3_64_with_seed(rel_path.as_bytes(), content)
    )
}

/// Format from the content, the extension deciding only between formats the bytes cannot
/// tell apart (text or markdown, .doc or .wps): a `.txt` that is really an HTML page, a
/// `.doc` that is really a .docx, HTML or PDF, is read as what it is.
pub fn detect_format(rel_path: &str, bytes: &[u8]) -> Result<SourceFormat, String> {
    let ext = rel_path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let by_ext = match ext.as_str() {
        "txt" | "text" => Some(SourceFormat::Txt),
        "md" | "markdown" => Some(SourceFormat::Md),
        "html" | "htm" | "shtml" | "xhtml" => Some(SourceFormat::Html),
        "docx" => Some(SourceFormat::Docx),
        "pdf" => Some(SourceFormat::Pdf),
        "doc" => Some(SourceFormat::Doc),
        "wps" => Some(SourceFormat::Wps),
        "ofd" => Some(SourceFormat::Ofd),
        _ => None,
    };
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_format(bytes, by_ext);
    }
    if is_pdf(bytes) {
        return Ok(SourceFormat::Pdf);
    }
    if bytes.starts_with(doc::OLE_MAGIC) {
        return Ok(if by_ext == Some(SourceFormat::Wps) {
            SourceFormat::Wps
        } else {
            SourceFormat::Doc
        });
    }
    if bytes.starts_with(b"{\\rtf") {
        // RTF, often saved under .doc: read by `rtf`, reported as a Word document.
        return Ok(if by_ext == Some(SourceFormat::Wps) {
            SourceFormat::Wps
        } else {
            SourceFormat::Doc
        });
    }
    let attachment = match by_ext {
        Some(SourceFormat::Pdf) => Some("a PDF file"),
        Some(SourceFormat::Ofd) => Some("an OFD file"),
        Some(SourceFormat::Wps) => Some("a WPS file"),
        Some(SourceFormat::Doc) => Some("a Word file"),
        Some(SourceFormat::Docx) => Some("a .docx file"),
        _ => None,
    };
    if attachment.is_none() {
        if let Some(kind) = binary_signature(bytes) {
            return Err(format!("file is binary ({kind}), not a text document"));
        }
    }
    // An attachment link that brought back a web page (an error page, a viewer).
    if looks_like_html(bytes) && by_ext != Some(SourceFormat::Md) {
        return Ok(SourceFormat::Html);
    }
    if let Some(what) = attachment {
        return Err(format!(
            "file named .{ext} is not {what}: its first bytes are not that format's; not read"
        ));
    }
    match by_ext {
        Some(f) => Ok(f),
        None => Err(format!(
            "unsupported file type {:?}: govreport reads .txt, .md, .html, .docx, .pdf, .doc, .wps and .ofd",
            if ext.is_empty() {
                "(no extension)".to_string()
            } else {
                format!(".{ext}")
            }
        )),
    }
}

/// `%PDF-` at the start, or within the first KB (the format allows bytes before it).
fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// A zip package: OFD when `OFD.xml` is at its root, a .docx when it has
/// `word/document.xml` (or is named .docx), else not a document.
fn zip_format(bytes: &[u8], by_ext: Option<SourceFormat>) -> Result<SourceFormat, String> {
    let names: Vec<String> = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(z) => z
            .file_names()
            .take(100_000)
            .flatten()
            .map(|n| n.into_owned())
            .collect(),
        // A damaged zip: its reader says so, in the format the name claims.
        Err(_) => Vec::new(),
    };
    let has = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
    if has("OFD.xml") || (names.is_empty() && by_ext == Some(SourceFormat::Ofd)) {
        Ok(SourceFormat::Ofd)
    } else if has("word/document.xml") || by_ext == Some(SourceFormat::Docx) {
        Ok(SourceFormat::Docx)
    } else {
        Err("file is a zip archive, not a text document".to_string())
    }
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"\x1F\x8B", "gzip archive"),
        (b"Rar!", "RAR archive"),
        (b"7z\xBC\xAF", "7z archive"),
    ];
    if let Some((_, name)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(name);
    }
    // Many NUL bytes in text that is not UTF-16 mean binary data; a few are stripped when
    // the text is decoded (`decode::decode_text`).
    let is_utf16_bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let head = &bytes[..bytes.len().min(8192)];
    if !is_utf16_bom && decode::too_many_nuls(head) && !decode::looks_like_bomless_utf16(head) {
        return Some("contains NUL bytes");
    }
    None
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    // The opening must be valid UTF-8 up to the tag; what follows may be in any encoding
    // (GBK pages declare theirs further on). Nothing is copied or decoded.
    let valid = match simdutf8::compat::from_utf8(head) {
        Ok(s) => s,
        Err(e) => simdutf8::basic::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    let t = valid.trim_start_matches('\u{feff}').trim_start();
    let starts = |tag: &str| {
        t.get(..tag.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(tag))
    };
    let names_html = || head.windows(5).any(|w| w.eq_ignore_ascii_case(b"<html"));
    starts("<!doctype html") || starts("<html") || starts("<?xml") && names_html()
}

/// Whether `bytes` (UTF-8) hold a `\r`, and whether they hold U+2028, U+2029 or U+0085: one
/// pass over the bytes these start with (`\r`, 0xE2, 0xC2), each hit checked.
fn other_line_breaks(bytes: &[u8]) -> (bool, bool) {
    let (mut cr, mut unicode) = (false, false);
    for at in memchr::memchr3_iter(b'\r', 0xE2, 0xC2, bytes) {
        match bytes[at] {
            b'\r' => cr = true,
            0xE2 => {
                unicode |= bytes
                    .get(at + 1..at + 3)
                    .is_some_and(|t| matches!(t, [0x80, 0xA8 | 0xA9]))
            }
            _ => unicode |= bytes.get(at + 1) == Some(&0x85),
        }
        if cr && unicode {
            break;
        }
    }
    (cr, unicode)
}

/// `\r\n`, lone `\r` and the Unicode line breaks U+2028, U+2029 and U+0085 (NEL) become
/// `\n`; text without any of them (most) is returned as it is, after one search.
pub fn normalize_line_endings(s: String) -> String {
    let (cr, unicode) = other_line_breaks(s.as_bytes());
    if !cr && !unicode {
        return s;
    }
    let mut s = if cr {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    };
    if unicode {
        s = s.replace(['\u{2028}', '\u{2029}', '\u{85}'], "\n");
    }
    s
}

/// A table row of a document format as one line, `cell | cell` (empty cells left out, an
/// empty row no line), as the HTML reader writes tables; the row is emptied.
pub(crate) fn push_table_row(out: &mut String, row: &mut Vec<String>) {
    let cells: Vec<&str> = row
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect();
    if !cells.is_empty() {
        out.push_str(&cells.join(crate::clean::html::CELL_SEPARATOR));
        out.push('\n');
    }
    row.clear();
}

/// The text of one of XML's five predefined entities (`amp` → `&`); nothing for another.
pub(crate) fn xml_entity(name: &str) -> &'static str {
    match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str =
        "滨海镇2022年法治政府建设年度报告\n一、2022年推进法治政府建设的主要举措和成效";

    /// The first version of `looks_like_html`, which decoded and lower-cased the head.
    fn looks_like_html_by_decoding(bytes: &[u8]) -> bool {
        let head = &bytes[..bytes.len().min(1024)];
        let text = String::from_utf8_lossy(head).to_ascii_lowercase();
        let t = text.trim_start_matches('\u{feff}').trim_start();
        t.starts_with("<!doctype html")
            || t.starts_with("<html")
            || t.starts_with("<?xml") && t.contains("<html")
    }

    #[test]
    fn html_is_recognised_as_by_decoding_the_head() {
        let gbk_title = encoding_rs::GBK
            .encode("<title>法治政府</title>")
            .0
            .into_owned();
        let fixed: Vec<Vec<u8>> = vec![
            b"<!DOCTYPE html><html>".to_vec(),
            "\u{feff}\u{3000} <HTML lang=zh>".as_bytes().to_vec(),
            [
                b"<?xml version=\"1.0\" encoding=\"gbk\"?>".as_slice(),
                &gbk_title,
                b"<Html>",
            ]
            .concat(),
            [b"<?xml?>".as_slice(), &gbk_title].concat(),
            [&gbk_title[..], b"<html>"].concat(),
            b"\xff<html>".to_vec(),
            "一、主要举措 <html>".as_bytes().to_vec(),
            b"<htm".to_vec(),
            Vec::new(),
        ];
        for bytes in &fixed {
            assert_eq!(
                looks_like_html(bytes),
                looks_like_html_by_decoding(bytes),
                "{bytes:?}"
            );
        }
        // Random heads built from the pieces that matter.
        let pieces: [&[u8]; 10] = [
            b"<html",
            b"<!doctype HTML",
            b"<?xml",
            b" ",
            b"\n",
            "\u{feff}".as_bytes(),
            "\u{3000}".as_bytes(),
            b"\xb7\xa8",
            b"x",
            b"<HTML",
        ];
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..5000 {
            let bytes: Vec<u8> = (0..rng.usize(0..6))
                .flat_map(|_| pieces[rng.usize(..pieces.len())].to_vec())
                .collect();
            assert_eq!(
                looks_like_html(&bytes),
                looks_like_html_by_decoding(&bytes),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn line_endings_become_newlines() {
        let crlf = "一、主要举措\r\n（一）加强领导\r二、存在的不足".to_string();
        assert_eq!(
            normalize_line_endings(crlf),
            "一、主要举措\n（一）加强领导\n二、存在的不足"
        );
        assert_eq!(normalize_line_endings(SNIPPET.to_string()), SNIPPET);
        assert_eq!(
            normalize_line_endings("一、举措\u{2028}（一）领导\u{85}二、不足\u{2029}".to_string()),
            "一、举措\n（一）领导\n二、不足\n"
        );
    }

    proptest::proptest! {
        /// The one-pass search finds every break, and the characters that share a break's
        /// lead byte (quotes, dashes, the middle dot) are left alone.
        #[test]
        fn line_endings_normalized_as_by_replacing_each_break(
            chars in proptest::collection::vec(
                proptest::sample::select(vec![
                    '一', '\r', '\n', '\u{2028}', '\u{2029}', '\u{85}', '“', '”', '—', '…', '·', '°', 'a',
                ]),
                0..40,
            )
        ) {
            let text: String = chars.into_iter().collect();
            let expected = text
                .replace("\r\n", "\n")
                .replace(['\r', '\u{2028}', '\u{2029}', '\u{85}'], "\n");
            proptest::prop_assert_eq!(normalize_line_endings(text), expected);
        }
    }

    #[test]
    fn line_endings_are_normalized() {
        let doc =
            decode_document("a.txt", "一、总体情况\r\n正文。\r(一)小节\n".as_bytes()).unwrap();
        assert_eq!(doc.text, "一、总体情况\n正文。\n(一)小节\n");
    }

    #[test]
    fn bad_inputs_are_refused_with_a_sentence() {
        assert!(decode_document("a.txt", b"").unwrap_err().contains("empty"));
        assert!(decode_document("a.txt", b"%PDF-1.7 ...")
            .unwrap_err()
            .contains("PDF"));
        assert!(
            decode_document("a.txt", b"\x00\x01\x02\x03binary\x00\x00\xff")
                .unwrap_err()
                .contains("binary")
        );
        assert!(decode_document("a.pdf", b"hello")
            .unwrap_err()
            .contains("not a PDF file"));
        assert!(decode_document("a.xyz", b"hello")
            .unwrap_err()
            .contains("unsupported"));
        assert!(decode_document("a.txt", b"PK\x03\x04....")
            .unwrap_err()
            .contains("zip"));
        let garbage: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 97 + 128) as u8).collect();
        let err = decode_document("a.txt", &garbage);
        assert!(err.is_err() || err.unwrap().encoding == "GB18030");
    }

    #[test]
    fn format_is_sniffed_from_content() {
        assert_eq!(
            detect_format("page.txt", b"<!DOCTYPE html><html>").unwrap(),
            SourceFormat::Html
        );
        assert_eq!(
            detect_format("r.md", "# 标题".as_bytes()).unwrap(),
            SourceFormat::Md
        );
        assert_eq!(
            detect_format("r.TXT", "正文".as_bytes()).unwrap(),
            SourceFormat::Txt
        );
    }

    #[test]
    fn identical_files_at_two_paths_get_two_stable_ids() {
        let a = decode_document("a/report.txt", SNIPPET.as_bytes()).unwrap();
        let b = decode_document("b/report.txt", SNIPPET.as_bytes()).unwrap();
        assert_ne!(a.doc_id, b.doc_id);
        let again = decode_document("a/report.txt", SNIPPET.as_bytes()).unwrap();
        assert_eq!(a.doc_id, again.doc_id);
        assert_eq!(a.doc_id.len(), 16);
    }

    #[test]
    fn doc_id_is_16_hex_and_stable() {
        let a = doc_id(SNIPPET.as_bytes());
        assert_eq!(a.len(), 16);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(a, doc_id(SNIPPET.as_bytes()));
        assert_ne!(a, doc_id(b"other"));
    }

    #[test]
    fn excludes_skip_output_and_gazetteer() {
        let set = build_excludes(&["out/**".into(), "gazetteer/**".into()]).unwrap();
        assert!(set.is_match("out/facts.csv"));
        assert!(set.is_match("gazetteer/SOURCE.md"));
        assert!(!set.is_match("000_a.txt"));
    }
}
