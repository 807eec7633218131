//! A PDF font as the text reader needs it: how a string splits into character codes, the
//! Unicode text of each code (the `/ToUnicode` map first; else the predefined CJK CMaps that
//! are Unicode or GBK; else a simple font's encoding) and each glyph's width.

use lopdf::{Dictionary, Document, Object};
use rustc_hash::FxHashMap;

use super::cmap::ToUnicode;
use super::Inflate;

/// One character code of a shown string.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Its text; `None` when the font gives no Unicode for it.
    pub text: Option<String>,
    /// Its advance, in thousandths of the font size.
    pub width: f32,
    /// A single-byte code 32 (word spacing applies to it).
    pub is_space: bool,
}

/// How codes of a font without a usable ToUnicode map become text.
#[derive(Debug, Clone)]
enum Fallback {
    /// Predefined CMaps whose codes are UTF-16BE (`UniGB-UCS2-H`, `UniGB-UTF16-H`).
    Utf16,
    /// Predefined CMaps whose codes are GBK/EUC-CN bytes (`GBK-EUC-H`, `GB-EUC-H` …).
    Gbk,
    /// A simple font's 256 codes.
    Table(Vec<Option<String>>),
    /// A composite font with no Unicode mapping (Identity-H without ToUnicode).
    Unmapped,
}

#[derive(Debug, Clone)]
pub struct Font {
    composite: bool,
    to_unicode: Option<ToUnicode>,
    fallback: Fallback,
    default_width: f32,
    widths: FxHashMap<u32, f32>,
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj).map(|(_, o)| o).unwrap_or(obj)
}

fn number(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

impl Font {
    /// Reads a font dictionary. Nothing here fails: what cannot be read leaves codes
    /// unmapped, and the document's share of unmapped characters decides.
    pub fn from_dict(
        doc: &Document,
        dict: &Dictionary,
        inflate: &mut Inflate,
    ) -> Result<Font, String> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let composite = subtype == b"Type0";
        let to_unicode = match dict.get(b"ToUnicode").map(|o| deref(doc, o)) {
            Ok(Object::Stream(s)) => Some(ToUnicode::parse(&inflate.stream(s)?)),
            _ => None,
        };
        let mut font = Font {
            composite,
            to_unicode,
            fallback: Fallback::Unmapped,
            default_width: if composite { 1000.0 } else { 500.0 },
            widths: FxHashMap::default(),
        };
        if composite {
            let encoding = dict
                .get(b"Encoding")
                .map(|o| deref(doc, o))
                .ok()
                .and_then(|o| o.as_name().ok())
                .unwrap_or(b"");
            font.fallback = match encoding {
                b"UniGB-UCS2-H" | b"UniGB-UCS2-V" | b"UniGB-UTF16-H" | b"UniGB-UTF16-V" => {
                    Fallback::Utf16
                }
                b"GBK-EUC-H" | b"GBK-EUC-V" | b"GB-EUC-H" | b"GB-EUC-V" | b"GBpc-EUC-H"
                | b"GBpc-EUC-V" | b"GBKp-EUC-H" | b"GBKp-EUC-V" | b"GBK2K-H" | b"GBK2K-V" => {
                    Fallback::Gbk
                }
                _ => Fallback::Unmapped,
            };
            // Widths by CID: meaningful when codes are CIDs (Identity-H, the usual case).
            if matches!(font.fallback, Fallback::Unmapped) {
                if let Some(cid_font) = dict
                    .get(b"DescendantFonts")
                    .map(|o| deref(doc, o))
                    .ok()
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| a.first())
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_dict().ok())
                {
                    font.read_cid_widths(doc, cid_font);
                }
            } else {
                font.default_width = 1000.0;
            }
        } else {
            font.read_simple_widths(doc, dict);
            if font.to_unicode.is_none() && builtin_encoding(doc, dict) {
                // An embedded (subset) font's own encoding: its codes are glyph numbers that
                // mean nothing without the font program; reading them as Latin-1 would give
                // garbage that looks like text.
                return Ok(font);
            }
            let table: Vec<Option<String>> =
                match dict.get_font_encoding_with_limit(doc, inflate.left()) {
                    Ok(enc) => (0..=255u8)
                        .map(|b| enc.bytes_to_string(&[b]).ok().filter(|s| !s.is_empty()))
                        .collect(),
                    Err(_) => (0..=255u8).map(|b| Some((b as char).to_string())).collect(),
                };
            font.fallback = Fallback::Table(table);
        }
        Ok(font)
    }

    fn read_cid_widths(&mut self, doc: &Document, cid_font: &Dictionary) {
        if let Some(dw) = cid_font
            .get(b"DW")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(number)
        {
            self.default_width = dw;
        }
        let Ok(Object::Array(w)) = cid_font.get(b"W").map(|o| deref(doc, o)) else {
            return;
        };
        let mut i = 0;
        while i < w.len() && self.widths.len() < 65_536 {
            let Some(first) = number(deref(doc, &w[i])) else {
                break;
            };
            match w.get(i + 1).map(|o| deref(doc, o)) {
                Some(Object::Array(each)) => {
                    for (k, o) in each.iter().enumerate().take(65_536) {
                        if let Some(v) = number(deref(doc, o)) {
                            self.widths.insert(first as u32 + k as u32, v);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(v)) = (
                        number(last),
                        w.get(i + 2).map(|o| deref(doc, o)).and_then(number),
                    ) else {
                        break;
                    };
                    let (first, last) = (first as u32, (last as u32).min(first as u32 + 65_536));
                    for c in first..=last {
                        self.widths.insert(c, v);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    fn read_simple_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let first = dict
            .get(b"FirstChar")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(number);
        if let (Some(first), Ok(Object::Array(ws))) =
            (first, dict.get(b"Widths").map(|o| deref(doc, o)))
        {
            for (k, o) in ws.iter().enumerate().take(256) {
                if let Some(v) = number(deref(doc, o)) {
                    self.widths.insert(first as u32 + k as u32, v);
                }
            }
        }
    }

    /// The glyphs of a shown string.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<Glyph>) {
        let mut i = 0;
        while i < bytes.len() {
            let len = self.code_len(&bytes[i..]);
            let code = bytes[i..i + len]
                .iter()
                .fold(0u32, |a, b| a << 8 | *b as u32);
            let text = self
                .to_unicode
                .as_ref()
                .and_then(|m| m.get(len, code))
                .or_else(|| self.fallback_text(&bytes[i..i + len]));
            let width = match (&self.fallback, self.widths.get(&code)) {
                (_, Some(w)) => *w,
                (Fallback::Gbk, None) if len == 1 => 500.0,
                _ => self.default_width,
            };
            out.push(Glyph {
                text,
                width,
                is_space: len == 1 && code == 32,
            });
            i += len;
        }
    }

    fn code_len(&self, bytes: &[u8]) -> usize {
        let by_map = self
            .to_unicode
            .as_ref()
            .filter(|m| m.has_codespace() && self.composite)
            .and_then(|m| m.code_len(bytes));
        let len = by_map.unwrap_or(match (&self.fallback, self.composite) {
            (Fallback::Gbk, _) if bytes[0] < 0x80 => 1,
            (Fallback::Utf16, _) if (0xD8..0xDC).contains(&bytes[0]) => 4,
            (_, true) => 2,
            (_, false) => 1,
        });
        len.min(bytes.len()).max(1)
    }

    fn fallback_text(&self, code: &[u8]) -> Option<String> {
        match &self.fallback {
            Fallback::Utf16 => Some(String::from_utf16_lossy(
                &code
                    .chunks(2)
                    .map(|p| (p[0] as u16) << 8 | p.get(1).copied().unwrap_or(0) as u16)
                    .collect::<Vec<_>>(),
            )),
            Fallback::Gbk => {
                let (s, bad) = encoding_rs::GBK.decode_without_bom_handling(code);
                (!bad).then(|| s.into_owned())
            }
            Fallback::Table(t) => t.get(*code.last()? as usize).cloned().flatten(),
            Fallback::Unmapped => None,
        }
    }
}

/// A simple font with no `/Encoding` whose program is embedded or subset (`ABCDEF+Name`):
/// its codes follow the program's built-in encoding, unknown here.
fn builtin_encoding(doc: &Document, dict: &Dictionary) -> bool {
    if dict.get(b"Encoding").is_ok() {
        return false;
    }
    let subset = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .is_ok_and(|n| n.len() > 7 && n[6] == b'+' && n[..6].iter().all(u8::is_ascii_uppercase));
    let embedded = dict
        .get(b"FontDescriptor")
        .map(|o| deref(doc, o))
        .ok()
        .and_then(|o| o.as_dict().ok())
        .is_some_and(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.get(k).is_ok())
        });
    subset || embedded
}

/// Whether a character is one no reader can use: a private-use code point, the
/// replacement character, or a control character a font mapped a glyph to.
pub fn is_unreadable(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFFFD)
        || (c.is_control() && !c.is_whitespace())
}
