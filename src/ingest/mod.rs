//! Ingest: find input files, recognise their format, decode their encoding.
//!
//! Discovery is lazy (a `walkdir` iterator in file-name order, so runs are deterministic);
//! reading is a pure function of the path and bytes, so documents can be read in parallel.

pub mod discover;
pub mod docx;

pub use discover::{discover, Discovery, Skipped};

use crate::lexicon::PerThread;
use std::borrow::Cow;
use std::fs;
use std::path::PathBuf;
use std::sync::LazyLock;

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};
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

/// Limits that protect a run from pathological inputs.
#[derive(Debug, Clone, Copy)]
pub struct ReadLimits {
    pub max_file_bytes: u64,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_file_bytes: 50 * 1024 * 1024,
        }
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
    let too_big = |size: u64| {
        reject(
            format!(
                "file is {size} bytes, larger than the limit of {} bytes (max_file_bytes); skipped",
                limits.max_file_bytes
            ),
            size,
        )
    };
    let size = meta.len();
    if size > limits.max_file_bytes {
        return Err(too_big(size));
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
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    decode_document(&file.rel_path, &bytes).map_err(|error| reject(error, bytes.len() as u64))
}

/// Recognises the format and decodes `bytes` into a `SourceDoc`. Pure: no file system.
pub fn decode_document(rel_path: &str, bytes: &[u8]) -> Result<SourceDoc, String> {
    if bytes.is_empty() {
        return Err("file is empty (0 bytes)".to_string());
    }
    let format = detect_format(rel_path, bytes)?;
    let mut warnings = Vec::new();
    let (text, encoding, meta) = match format {
        SourceFormat::Docx => {
            let d = docx::read_docx(bytes)?;
            (d.text, "UTF-8", d.meta)
        }
        SourceFormat::Html => {
            let declared = declared_charset(bytes);
            let decoded = decode_text(bytes, declared)?;
            if let Some(enc) = declared {
                if !decoded.encoding.starts_with(label_of(enc)) && decoded.encoding != "UTF-8-BOM" {
                    warnings.push(format!(
                        "page declares charset {} but its bytes are {}; decoded as {}",
                        enc.name(),
                        decoded.encoding,
                        decoded.encoding
                    ));
                }
            }
            if decoded.replacements > 0 {
                warnings.push(replacement_warning(&decoded));
            }
            (decoded.text, decoded.encoding, PageMeta::default())
        }
        SourceFormat::Txt | SourceFormat::Md => {
            let decoded = decode_text(bytes, None)?;
            if decoded.replacements > 0 {
                warnings.push(replacement_warning(&decoded));
            }
            (decoded.text, decoded.encoding, PageMeta::default())
        }
    };
    Ok(SourceDoc {
        doc_id: doc_id(bytes),
        source_path: rel_path.to_string(),
        format,
        encoding: encoding.to_string(),
        source_bytes: bytes.len() as u64,
        text: normalize_line_endings(text),
        meta,
        warnings,
    })
}

fn replacement_warning(d: &Decoded) -> String {
    format!(
        "{} byte sequences were not valid {} and became U+FFFD",
        d.replacements, d.encoding
    )
}

/// The encoding a page declares in its first 2 KB, if encoding_rs knows the label.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let label = DECLARED_CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

/// The name this module reports for an encoding (GBK and GB2312 decode as GB18030).
fn label_of(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8"
    } else if enc == BIG5 {
        "Big5"
    } else if enc == GB18030 || enc.name() == "GBK" {
        "GB18030"
    } else {
        enc.name()
    }
}

/// 16 hex characters of a 64-bit hash of the source bytes.
pub fn doc_id(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// Format from the extension, checked against the content (a `.txt` that is really a zip or
/// an HTML page is recognised as such).
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
        _ => None,
    };
    if bytes.starts_with(b"PK\x03\x04") {
        return if by_ext == Some(SourceFormat::Docx) {
            Ok(SourceFormat::Docx)
        } else {
            Err("file is a zip archive, not a text document".to_string())
        };
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(format!("file is binary ({kind}), not a text document"));
    }
    if looks_like_html(bytes) && by_ext != Some(SourceFormat::Md) {
        return Ok(SourceFormat::Html);
    }
    match by_ext {
        Some(f) => Ok(f),
        None => Err(format!(
            "unsupported file type {:?}: govreport reads .txt, .md, .html and .docx",
            if ext.is_empty() {
                "(no extension)".to_string()
            } else {
                format!(".{ext}")
            }
        )),
    }
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\xD0\xCF\x11\xE0", "legacy Office .doc/.xls"),
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
    // NUL bytes in text that is not UTF-16 mean binary data.
    let is_utf16_bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let head = &bytes[..bytes.len().min(8192)];
    if !is_utf16_bom && memchr::memchr(0, head).is_some() && !looks_like_bomless_utf16(head) {
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

/// UTF-16 without BOM shows NUL in every other byte for ASCII; CJK text rarely does, so this
/// only catches ASCII-heavy files. Those are decoded as UTF-16LE/BE below.
fn looks_like_bomless_utf16(head: &[u8]) -> bool {
    if head.len() < 8 {
        return false;
    }
    let even_nuls = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    even_nuls * 3 > half * 2 || odd_nuls * 3 > half * 2
}

pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub replacements: usize,
}

/// BOM first, then strict UTF-8, then the declared encoding (HTML) when it decodes cleanly,
/// then statistical detection among the legacy Chinese encodings. A declaration is only
/// believed when the bytes agree: pages that claim UTF-8 but are GBK (and the reverse) are
/// common. A result that is mostly replacement characters is refused, not guessed.
pub fn decode_text(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..], bom_name(enc));
    }
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            replacements: 0,
        });
    }
    if let Some(enc) = declared.filter(|&e| e != UTF_8 && e != UTF_16LE && e != UTF_16BE) {
        let enc = if enc.name() == "GBK" { GB18030 } else { enc };
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return checked(text, label_of(enc));
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() && looks_like_bomless_utf16(head) {
        let odd_nuls = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let enc = if odd_nuls > head.len() / 4 {
            UTF_16LE
        } else {
            UTF_16BE
        };
        return finish(enc, bytes, bom_name(enc));
    }
    // Chinese text in a legacy encoding is GBK/GB18030 or Big5. Decoding both is fast; when
    // only one is clean, or one reads as far more natural prose, that decides. The slower
    // statistical detector is for what remains.
    if let Some(choice) = gbk_or_big5(bytes) {
        return Ok(choice);
    }
    const DETECT_BYTES: usize = 16 * 1024;
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(
        &bytes[..bytes.len().min(DETECT_BYTES)],
        bytes.len() <= DETECT_BYTES,
    );
    let guess = detector.guess(None, false);
    // chardetng names GBK; GB18030 is its superset. Other legacy encodings are unusual for
    // Chinese government text: try GB18030 and let the replacement-count check decide.
    let enc = if guess == BIG5 || guess == UTF_8 {
        guess
    } else {
        GB18030
    };
    finish(enc, bytes, label_of(enc))
}

/// Picks GB18030 or Big5 when the bytes decide it; `None` leaves it to detection.
fn gbk_or_big5(bytes: &[u8]) -> Option<Decoded> {
    let (gb, gb_errors) = GB18030.decode_without_bom_handling(bytes);
    // Only a clean Big5 reading counts, so its decoding stops at the first malformed byte:
    // GBK text usually has one within a few characters.
    let b5 = BIG5.decode_without_bom_handling_and_without_replacement(bytes);
    let pick = match (gb_errors, &b5) {
        (false, None) => Some(true),
        (true, Some(_)) => Some(false),
        (false, Some(b5)) => {
            let (g, b) = (prose_score(&gb), prose_score(b5));
            (g != b).then_some(g > b)
        }
        (true, None) => None,
    }?;
    let (text, encoding) = match b5 {
        Some(b5) if !pick => (b5, "Big5"),
        _ => (gb, "GB18030"),
    };
    Some(Decoded {
        text: text.into_owned(),
        encoding,
        replacements: 0,
    })
}

/// How many of the first characters are frequent in Chinese prose in either script.
fn prose_score(text: &str) -> usize {
    static FREQUENT: LazyLock<std::collections::HashSet<char>> = LazyLock::new(|| {
        crate::lexicon::charset::SCRIPT_NEUTRAL_FREQUENT
            .chars()
            .collect()
    });
    text.chars()
        .take(4096)
        .filter(|c| FREQUENT.contains(c))
        .count()
}

fn bom_name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8-BOM"
    } else if enc == UTF_16LE {
        "UTF-16LE"
    } else {
        "UTF-16BE"
    }
}

fn finish(enc: &'static Encoding, bytes: &[u8], name: &'static str) -> Result<Decoded, String> {
    checked(enc.decode_without_bom_handling(bytes).0, name)
}

/// The decoded text, unless more than one character in twenty is U+FFFD (the encoding was
/// wrong). U+FFFD is found as its three UTF-8 bytes by memchr, and characters are counted
/// only when there is one: most text has none.
fn checked(text: Cow<'_, str>, name: &'static str) -> Result<Decoded, String> {
    let replacements = memchr::memmem::find_iter(text.as_bytes(), "\u{FFFD}").count();
    if replacements > 0 {
        let total = text.chars().count();
        if replacements * 20 > total {
            return Err(format!(
                "text could not be decoded: {replacements} of {total} characters are invalid as \
                 {name} (not UTF-8, GB18030/GBK, Big5 or UTF-16)"
            ));
        }
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: name,
        replacements,
    })
}

/// `\r\n` and lone `\r` become `\n`; text without `\r` (most) is returned as it is.
pub fn normalize_line_endings(s: String) -> String {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return s;
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
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
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode_text(SNIPPET.as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, SNIPPET);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SNIPPET.as_bytes());
        let d = decode_text(&bom, None).unwrap();
        assert_eq!(d.encoding, "UTF-8-BOM");
        assert_eq!(d.text, SNIPPET, "the BOM is not part of the text");
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode(SNIPPET);
        let d = decode_text(&bytes, None).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, SNIPPET);
    }

    #[test]
    fn declared_charset_is_trusted_when_it_decodes_cleanly() {
        // A page that declares GBK and really is: decoded as GB18030, its superset, and a
        // U+FFFD printed in the source itself is counted.
        let text = format!("{SNIPPET}\u{FFFD}");
        let (bytes, _, _) = GB18030.encode(&text);
        let gbk = Encoding::for_label(b"gbk");
        let d = decode_text(&bytes, gbk).unwrap();
        assert_eq!((d.encoding, d.replacements), ("GB18030", 1));
        assert_eq!(d.text, text);
    }

    #[test]
    fn replacement_characters_are_counted_and_too_many_refuse_the_text() {
        let naive = |s: &str| s.chars().filter(|&c| c == '\u{FFFD}').count();
        for s in [
            "",
            "法治",
            "\u{FFFD}",
            "\u{FFFD}\u{FFFD}a",
            "a\u{FFFD}",
            "政府\u{FFFD}建设\u{FFFD}",
        ] {
            let got = checked(Cow::Borrowed(s), "UTF-8").map(|d| d.replacements);
            // More than one character in twenty is refused.
            if naive(s) * 20 > s.chars().count() {
                assert!(got.unwrap_err().contains("invalid as UTF-8"), "{s:?}");
            } else {
                assert_eq!(got.unwrap(), naive(s), "{s:?}");
            }
        }
        let one_in_thirty = format!("{}\u{FFFD}", "法".repeat(29));
        assert_eq!(
            checked(Cow::Owned(one_in_thirty), "GB18030")
                .unwrap()
                .replacements,
            1
        );
        let one_in_ten = format!("{}\u{FFFD}", "法".repeat(9));
        assert!(checked(Cow::Owned(one_in_ten), "GB18030").is_err());
    }

    #[test]
    fn big5_is_detected() {
        let text = "小白樓街道辦事處二〇二〇年法治政府建設情況報告。全面依法履行政府職能，積極推行執法全過程記錄制度，確保每件行政執法案件有記錄、有案卷。";
        let (bytes, _, _) = BIG5.encode(text);
        let d = decode_text(&bytes, None).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in SNIPPET.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode_text(&le, None).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, SNIPPET);
        let mut be = vec![0xFE, 0xFF];
        for u in SNIPPET.encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode_text(&be, None).unwrap().text, SNIPPET);
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
