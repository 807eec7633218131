//! PDF attachments: the text layer in reading order (lopdf parses the file; `content` runs
//! each page's drawing far enough to place the text; `fonts` and `cmap` turn character codes
//! into Unicode), page furniture dropped and paragraphs rejoined by `layout`, the document
//! information dictionary as metadata. A PDF without usable text is a reject that says why.

mod cmap;
mod content;
mod fonts;

use lopdf::{Document, Object, Stream};

use super::layout::{self, Page};
use super::{Attachment, ReadLimits};
use crate::limits::{
    MAX_PDF_OPERATIONS, MAX_PDF_PAGES, MAX_UNMAPPED_SHARE, MIN_TEXT_CHARS_PER_PAGE,
};
use crate::model::PageMeta;

/// Decompression allowed for one file (`max_docx_inflated_bytes`, shared by every stream).
pub struct Inflate {
    left: u64,
    limit: u64,
}

impl Inflate {
    pub fn new(limit: u64) -> Self {
        Inflate { left: limit, limit }
    }

    pub fn left(&self) -> usize {
        self.left.min(usize::MAX as u64) as usize
    }

    fn too_much(&self) -> String {
        format!(
            "the PDF's streams decompress to more than {} MB (max_docx_inflated_bytes); not read",
            self.limit.div_ceil(1024 * 1024)
        )
    }

    /// A stream's decoded bytes, charged to the allowance. A stream that cannot be decoded
    /// gives nothing (its page or font is then empty), not a reject.
    pub fn stream(&mut self, stream: &Stream) -> Result<Vec<u8>, String> {
        let data = if stream.dict.get(b"Filter").is_ok() {
            match stream.decompressed_content_with_limit(self.left()) {
                Ok(d) => d,
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => return Err(self.too_much()),
                Err(_) => Vec::new(),
            }
        } else {
            stream.content.clone()
        };
        self.left = self
            .left
            .checked_sub(data.len() as u64)
            .ok_or_else(|| self.too_much())?;
        Ok(data)
    }
}

/// Reads a PDF's text layer. Errors are sentences for the rejects table.
pub fn read_pdf(bytes: &[u8], limits: ReadLimits) -> Result<Attachment, String> {
    let tail = &bytes[bytes.len().saturating_sub(4096)..];
    if memchr::memmem::find(tail, b"%%EOF").is_none() {
        return Err("truncated PDF: the file ends before its %%EOF marker; not read".to_string());
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_docx_inflated_bytes.min(usize::MAX as u64) as usize),
        ..Default::default()
    };
    let encrypted = memchr::memmem::find(bytes, b"/Encrypt").is_some();
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| {
        if encrypted {
            "encrypted PDF: it needs a password to be read; not read".to_string()
        } else {
            format!("damaged PDF: {e}; not read")
        }
    })?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(if encrypted {
            "encrypted PDF: it needs a password to be read; not read".to_string()
        } else {
            "damaged PDF: it has no pages; not read".to_string()
        });
    }
    if pages.len() > MAX_PDF_PAGES {
        return Err(format!(
            "the PDF has {} pages, more than the limit of {MAX_PDF_PAGES}; not read",
            pages.len()
        ));
    }
    let mut inflate = Inflate::new(limits.max_docx_inflated_bytes);
    let mut reader = content::Reader::new(&doc, &mut inflate, MAX_PDF_OPERATIONS);
    let mut laid = Vec::with_capacity(pages.len());
    for &page_id in pages.values() {
        crate::budget::check();
        let (inline, ids) = doc
            .get_page_resources(page_id)
            .unwrap_or((None, Vec::new()));
        let dicts = inline
            .into_iter()
            .chain(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()))
            .collect();
        let [x0, y0, x1, y1] = media_box(&doc, page_id);
        reader.top = y1.max(y0);
        reader.left = x0.min(x1);
        let mut content = Vec::new();
        for id in doc.get_page_contents(page_id) {
            if let Ok(Object::Stream(s)) = doc.get_object(id) {
                content.extend(reader.inflate.stream(s)?);
                content.push(b'\n');
            }
        }
        reader.run(
            &content,
            &content::Resources { dicts },
            [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            0,
        )?;
        let mut runs = std::mem::take(&mut reader.runs);
        let rotated = std::mem::take(&mut reader.rotated);
        if runs.is_empty() {
            runs = rotated;
        }
        laid.push(Page {
            height: (y1 - y0).abs(),
            runs,
        });
    }
    let (glyphs, unmapped, images) = (reader.glyphs, reader.unmapped, reader.images);
    let readable = glyphs - unmapped;
    if readable < MIN_TEXT_CHARS_PER_PAGE * pages.len() && unmapped * 2 < glyphs.max(1) {
        return Err(if images > 0 || glyphs == 0 {
            "scanned PDF: no text layer; needs OCR".to_string()
        } else {
            "the PDF has almost no text; not read".to_string()
        });
    }
    if unmapped as f64 > MAX_UNMAPPED_SHARE * glyphs as f64 {
        return Err(format!(
            "PDF text is not readable: {}% of characters unmapped (fonts without a Unicode map); needs OCR",
            (unmapped * 100).div_ceil(glyphs.max(1))
        ));
    }
    let (text, _furniture) = layout::pages_to_text(&laid);
    let mut warnings = Vec::new();
    if unmapped > 0 {
        warnings.push(format!(
            "{unmapped} of {glyphs} PDF characters have no Unicode mapping and were left out"
        ));
    }
    Ok(Attachment {
        text,
        meta: info_meta(&doc),
        encoding: "UTF-16BE",
        warnings,
    })
}

fn media_box(doc: &Document, page_id: lopdf::ObjectId) -> [f32; 4] {
    // MediaBox may be inherited from the page tree.
    let mut node = doc.get_dictionary(page_id).ok();
    for _ in 0..32 {
        let Some(dict) = node else { break };
        if let Ok(b) = dict
            .get(b"MediaBox")
            .and_then(|o| doc.dereference(o))
            .and_then(|(_, o)| o.as_array())
        {
            if b.len() == 4 {
                let v: Vec<f32> = b
                    .iter()
                    .map(|o| match o {
                        Object::Integer(i) => *i as f32,
                        Object::Real(r) => *r,
                        _ => 0.0,
                    })
                    .collect();
                return [v[0], v[1], v[2], v[3]];
            }
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
    }
    [0.0, 0.0, 595.0, 842.0]
}

/// Title and creation date from the document information dictionary.
fn info_meta(doc: &Document) -> PageMeta {
    let mut meta = PageMeta::default();
    let Some(info) = doc
        .trailer
        .get(b"Info")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_dict())
        .ok()
    else {
        return meta;
    };
    let text = |key: &[u8]| {
        info.get(key)
            .and_then(|o| doc.dereference(o))
            .ok()
            .and_then(|(_, o)| lopdf::decode_text_string(o).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    meta.title = text(b"Title").and_then(|t| usable_title(&t));
    meta.created_raw = text(b"CreationDate").and_then(|d| pdf_date(&d));
    meta
}

/// A title worth keeping: not the file name a converter wrote (`Microsoft Word - 报告.docx`).
pub(crate) fn usable_title(title: &str) -> Option<String> {
    let t = title
        .strip_prefix("Microsoft Word - ")
        .unwrap_or(title)
        .trim();
    let lower = t.to_ascii_lowercase();
    let file_name = [".doc", ".docx", ".wps", ".pdf", ".txt"]
        .iter()
        .any(|e| lower.ends_with(e));
    (!file_name && t.chars().count() >= 4).then(|| t.to_string())
}

/// `D:20250115093000+08'00'` → `2025-01-15T09:30:00`.
fn pdf_date(raw: &str) -> Option<String> {
    let d = raw.strip_prefix("D:").unwrap_or(raw);
    let digits: String = d.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 8 {
        return None;
    }
    let part = |a: usize, b: usize, default: &str| digits.get(a..b).unwrap_or(default).to_string();
    Some(format!(
        "{}-{}-{}T{}:{}:{}",
        &digits[0..4],
        &digits[4..6],
        &digits[6..8],
        part(8, 10, "00"),
        part(10, 12, "00"),
        part(12, 14, "00")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_titles_of_the_information_dictionary() {
        assert_eq!(
            pdf_date("D:20250115093000+08'00'").as_deref(),
            Some("2025-01-15T09:30:00")
        );
        assert_eq!(
            pdf_date("D:20250115").as_deref(),
            Some("2025-01-15T00:00:00")
        );
        assert_eq!(pdf_date("yesterday"), None);
        assert_eq!(usable_title("Microsoft Word - 2023年报告.docx"), None);
        assert_eq!(
            usable_title("某县2023年法治政府建设年度报告").as_deref(),
            Some("某县2023年法治政府建设年度报告")
        );
    }

    #[test]
    fn a_rotated_watermark_is_not_read_into_the_text() {
        let paragraphs = [
            "某镇2023年法治政府建设年度报告",
            "一、主要举措和成效",
            "二、存在的不足",
        ];
        let bytes = crate::printed::pdf_from_paragraphs(&paragraphs);
        let mut doc = Document::load_mem(&bytes).unwrap();
        let page = *doc.get_pages().values().next().unwrap();
        // 仅供参考 in the page's font, turned 45 degrees across the middle of the page.
        let mark = b"q 0.7 0.7 -0.7 0.7 200 400 cm BT /F1 40 Tf 0 0 Td <4EC54F9B53C28003> Tj ET Q"
            .to_vec();
        let mark_id = doc.add_object(Stream::new(lopdf::dictionary! {}, mark));
        let original = doc
            .get_dictionary(page)
            .unwrap()
            .get(b"Contents")
            .unwrap()
            .clone();
        doc.get_dictionary_mut(page)
            .unwrap()
            .set("Contents", vec![original, mark_id.into()]);
        let mut marked = Vec::new();
        doc.save_to(&mut marked).unwrap();
        let a = read_pdf(&marked, ReadLimits::default()).unwrap();
        assert_eq!(a.text, format!("{}\n", paragraphs.join("\n")));
    }

    #[test]
    fn truncated_and_garbage_pdfs_are_refused() {
        let err = read_pdf(b"%PDF-1.7\n1 0 obj", ReadLimits::default()).unwrap_err();
        assert!(err.starts_with("truncated PDF"), "{err}");
        let err = read_pdf(b"%PDF-1.7\ngarbage\n%%EOF\n", ReadLimits::default()).unwrap_err();
        assert!(err.starts_with("damaged PDF"), "{err}");
    }
}
