//! OFD (GB/T 33190), China's fixed-layout format: a zip package whose `OFD.xml` names the
//! document (`DocBody/DocRoot`) and its information (`DocInfo`: title, creation date); the
//! document lists its pages (`Pages/Page@BaseLoc`), and each page's `Content.xml` draws text
//! objects (`TextObject@Boundary` with `TextCode@X,Y,DeltaX`) in millimetres from the page's
//! top left. The text objects are placed and read in order by `layout`, as a PDF's runs are.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::layout::{self, Page, Run};
use super::{Attachment, ReadLimits};
use crate::limits::{DOCX_RATIO_FLOOR_BYTES, MAX_OFD_TEXT_OBJECTS, MAX_PDF_PAGES};
use crate::model::PageMeta;

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

const ENCRYPTED: &str = "encrypted OFD: it needs a password or key to be read; not read";

/// Reads an OFD package. Errors are sentences for the rejects table.
pub fn read_ofd(bytes: &[u8], limits: ReadLimits) -> Result<Attachment, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("damaged OFD: not a readable zip package ({e}); not read"))?;
    if zip
        .file_names()
        .flatten()
        .any(|n| n.to_ascii_lowercase().ends_with("encryptions.xml"))
    {
        return Err(ENCRYPTED.to_string());
    }
    let mut parts = Parts {
        zip: &mut zip,
        left: limits.max_docx_inflated_bytes,
        limits,
    };
    let root = parts
        .read("OFD.xml")?
        .ok_or("not an OFD: the package has no OFD.xml")?;
    let body = doc_body(&root);
    if body.encrypted {
        return Err(ENCRYPTED.to_string());
    }
    let doc_root = body
        .doc_root
        .ok_or("damaged OFD: OFD.xml names no document (DocRoot); not read")?;
    let doc_path = resolve("", &doc_root);
    let document = parts
        .read(&doc_path)?
        .ok_or_else(|| format!("damaged OFD: its document {doc_path} is missing; not read"))?;
    let (page_locs, default_height) = pages_of(&document);
    if page_locs.len() > MAX_PDF_PAGES {
        return Err(format!(
            "the OFD has {} pages, more than the limit of {MAX_PDF_PAGES}; not read",
            page_locs.len()
        ));
    }
    let doc_dir = doc_path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut pages = Vec::with_capacity(page_locs.len());
    let mut objects = 0usize;
    for loc in &page_locs {
        crate::budget::check();
        let path = resolve(doc_dir, loc);
        let content = parts
            .read(&path)?
            .ok_or_else(|| format!("damaged OFD: its page {path} is missing; not read"))?;
        let page = page_text(&content, default_height, &mut objects)?;
        pages.push(page);
    }
    let (text, _furniture) = layout::pages_to_text(&pages);
    Ok(Attachment {
        text,
        meta: body.meta,
        encoding: "UTF-8",
        warnings: Vec::new(),
    })
}

/// The package's parts, read within the file's decompression allowance.
struct Parts<'z, 'a> {
    zip: &'z mut Zip<'a>,
    left: u64,
    limits: ReadLimits,
}

impl Parts<'_, '_> {
    fn read(&mut self, name: &str) -> Result<Option<String>, String> {
        let index = self
            .zip
            .file_names()
            .position(|n| n.is_ok_and(|n| n.trim_start_matches('/').eq_ignore_ascii_case(name)));
        let Some(index) = index else {
            return Ok(None);
        };
        let file = match self.zip.by_index(index) {
            Ok(f) => f,
            Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
                return Err(ENCRYPTED.to_string())
            }
            Err(e) => return Err(format!("damaged OFD: cannot open {name} ({e}); not read")),
        };
        let compressed = file.compressed_size().max(1);
        let too_big = |size: u64| {
            size > self.left
                || (size > DOCX_RATIO_FLOOR_BYTES && size / compressed > self.limits.max_docx_ratio)
        };
        let refuse = || {
            format!(
                "the OFD decompresses to more than {} MB or {} times its size (max_docx_inflated_bytes, max_docx_ratio); not read",
                self.limits.max_docx_inflated_bytes.div_ceil(1024 * 1024),
                self.limits.max_docx_ratio
            )
        };
        if too_big(file.size()) {
            return Err(refuse());
        }
        let mut buf = Vec::new();
        file.take(self.left + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("damaged OFD: cannot read {name} ({e}); not read"))?;
        if too_big(buf.len() as u64) {
            return Err(refuse());
        }
        self.left -= buf.len() as u64;
        String::from_utf8(buf)
            .map(Some)
            .map_err(|_| format!("damaged OFD: {name} is not UTF-8 XML; not read"))
    }
}

/// A `BaseLoc`: absolute from the package root when it starts with `/`, else relative to
/// `dir`.
fn resolve(dir: &str, loc: &str) -> String {
    let loc = loc.trim();
    if let Some(abs) = loc.strip_prefix('/') {
        abs.to_string()
    } else if dir.is_empty() {
        loc.to_string()
    } else {
        format!("{dir}/{loc}")
    }
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

#[derive(Default)]
struct DocBody {
    doc_root: Option<String>,
    encrypted: bool,
    meta: PageMeta,
}

/// The first `DocBody` of OFD.xml: its `DocRoot` and `DocInfo`.
fn doc_body(xml: &str) -> DocBody {
    let mut body = DocBody::default();
    let mut reader = Reader::from_str(xml);
    let mut current = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => {
                if e.local_name().as_ref() == b"Encryptions" {
                    body.encrypted = true;
                }
                current = e.local_name().as_ref().to_vec();
            }
            Ok(Event::Text(t)) => {
                let text = t.decode().map(|s| s.trim().to_string()).unwrap_or_default();
                if text.is_empty() {
                    continue;
                }
                match current.as_slice() {
                    b"DocRoot" if body.doc_root.is_none() => body.doc_root = Some(text),
                    b"Title" if body.meta.title.is_none() => {
                        body.meta.title = super::pdf::usable_title(&text)
                    }
                    b"CreationDate" if body.meta.created_raw.is_none() => {
                        body.meta.created_raw = Some(if text.len() == 10 {
                            format!("{text}T00:00:00")
                        } else {
                            text
                        })
                    }
                    _ => {}
                }
            }
            Ok(Event::End(e)) => {
                current.clear();
                if e.local_name().as_ref() == b"DocBody" {
                    break;
                }
            }
            _ => {}
        }
    }
    body
}

fn numbers(s: &str) -> Vec<f32> {
    s.split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect()
}

/// The pages' `BaseLoc`s in order, and the default page height (`PageArea/PhysicalBox`).
fn pages_of(xml: &str) -> (Vec<String>, f32) {
    let mut pages = Vec::new();
    let mut height = 297.0;
    let mut in_box = false;
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"Page" => pages.extend(attr(&e, b"BaseLoc")),
                b"PhysicalBox" => in_box = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_box => {
                if let Some(h) = numbers(&t.decode().unwrap_or_default()).get(3) {
                    height = *h;
                }
                in_box = false;
            }
            Ok(Event::End(_)) => in_box = false,
            _ => {}
        }
    }
    (pages, height)
}

/// `DeltaX`/`DeltaY`: numbers, with `g N v` standing for N times v.
fn deltas(s: &str) -> Vec<f32> {
    let mut out = Vec::new();
    let mut it = s.split_whitespace();
    while let Some(tok) = it.next() {
        if tok == "g" {
            let n: usize = it.next().and_then(|v| v.parse().ok()).unwrap_or(0);
            let v: f32 = it.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
            out.extend(std::iter::repeat_n(v, n.min(10_000)));
        } else if let Ok(v) = tok.parse() {
            out.push(v);
        }
    }
    out
}

/// A text object being read: its boundary's origin, font size and matrix.
#[derive(Default)]
struct TextObject {
    x: f32,
    y: f32,
    size: f32,
    ctm: Option<[f32; 6]>,
    /// The last TextCode's position: a TextCode without X or Y goes on from it.
    at: (f32, f32),
}

/// The runs of one page's Content.xml.
fn page_text(xml: &str, default_height: f32, objects: &mut usize) -> Result<Page, String> {
    let mut page = Page {
        height: default_height,
        runs: Vec::new(),
    };
    let mut reader = Reader::from_str(xml);
    let mut object: Option<TextObject> = None;
    let mut code: Option<(f32, f32, Vec<f32>)> = None;
    let mut text = String::new();
    let mut in_box = false;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| format!("damaged OFD: a page is not well-formed XML ({e}); not read"))?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().as_ref() {
                b"TextObject" => {
                    *objects += 1;
                    if *objects > MAX_OFD_TEXT_OBJECTS {
                        return Err(format!(
                            "the OFD draws more than {MAX_OFD_TEXT_OBJECTS} text objects (a hostile file, not a report); not read"
                        ));
                    }
                    if objects.trailing_zeros() >= 12 {
                        crate::budget::check();
                    }
                    let b = numbers(&attr(&e, b"Boundary").unwrap_or_default());
                    let ctm = numbers(&attr(&e, b"CTM").unwrap_or_default());
                    object = Some(TextObject {
                        x: b.first().copied().unwrap_or(0.0),
                        y: b.get(1).copied().unwrap_or(0.0),
                        size: attr(&e, b"Size")
                            .and_then(|s| s.parse().ok())
                            .unwrap_or(3.5),
                        ctm: (ctm.len() == 6)
                            .then(|| [ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]]),
                        at: (0.0, 0.0),
                    });
                }
                b"TextCode" => {
                    if let Some(o) = &object {
                        let x = attr(&e, b"X")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(o.at.0);
                        let y = attr(&e, b"Y")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(o.at.1);
                        code = Some((x, y, deltas(&attr(&e, b"DeltaX").unwrap_or_default())));
                        text.clear();
                    }
                }
                b"PhysicalBox" => in_box = true,
                _ => {}
            },
            Event::Text(t) if code.is_some() => {
                text.push_str(
                    &t.decode()
                        .map_err(|e| format!("damaged OFD: bad text ({e}); not read"))?,
                );
            }
            Event::Text(t) if in_box => {
                if let Some(h) = numbers(&t.decode().unwrap_or_default()).get(3) {
                    page.height = *h;
                }
            }
            Event::GeneralRef(r) if code.is_some() => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else {
                    text.push_str(super::xml_entity(&r.decode().unwrap_or_default()));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"TextCode" => {
                    if let (Some(o), Some((x, y, dx))) = (object.as_mut(), code.take()) {
                        page.runs.push(place(o, x, y, &dx, &text));
                        o.at = (x, y);
                    }
                }
                b"TextObject" => object = None,
                b"PhysicalBox" => in_box = false,
                _ => {}
            },
            _ => {}
        }
    }
    Ok(page)
}

/// A TextCode as a run on the page: its start, its end after the glyph advances (`DeltaX`,
/// else a full em for CJK and half for Latin), its baseline.
fn place(o: &TextObject, x: f32, y: f32, dx: &[f32], text: &str) -> Run {
    let n = text.chars().count();
    let advance: f32 = (0..n.saturating_sub(1))
        .map(|i| dx.get(i).copied().unwrap_or(o.size))
        .sum();
    let last = text
        .chars()
        .last()
        .map_or(0.0, |c| if c.is_ascii() { 0.5 } else { 1.0 })
        * o.size;
    let (mut x0, mut y0, mut x1, mut size) = (x, y, x + advance + last, o.size);
    if let Some([a, b, c, d, e, f]) = o.ctm {
        let (px, py) = (a * x + c * y + e, b * x + d * y + f);
        x1 = px + (x1 - x) * a;
        x0 = px;
        y0 = py;
        size *= (c * c + d * d).sqrt();
    }
    Run {
        x: o.x + x0,
        x_end: o.x + x1,
        y: o.y + y0,
        size,
        text: text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deltas_expand_the_g_shorthand() {
        assert_eq!(deltas("g 3 5.6 2"), vec![5.6, 5.6, 5.6, 2.0]);
    }

    #[test]
    fn base_locations_resolve() {
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Pages/P.xml"), "Doc_0/Pages/P.xml");
    }

    #[test]
    fn damaged_packages_are_refused() {
        let err = read_ofd(b"PK\x03\x04 cut", ReadLimits::default()).unwrap_err();
        assert!(err.starts_with("damaged OFD"), "{err}");
    }
}
