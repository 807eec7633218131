//! RTF, which sites often serve as `.doc` (Word and WPS save it under that name): the text
//! of the body, with `\uN` Unicode characters, `\'hh` bytes in the document's code page (GBK
//! when it declares `\ansicpg936` or the current font is a GB2312 one), paragraphs as lines,
//! table rows as `cell | cell` lines; font, colour and style tables, pictures, headers,
//! footers, footnotes, field instructions and hidden text are skipped.

use rustc_hash::FxHashMap;

use crate::ingest::Attachment;
use crate::model::PageMeta;

/// Destinations whose text is not the document's.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "annotation",
    "fldinst",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "pgdsctbl",
    "bkmkstart",
    "bkmkend",
    "shp",
    "shpinst",
    "nonshppict",
    "revtbl",
    "filetbl",
    "userprops",
    "docvar",
    "xe",
    "tc",
    "template",
    "listtext",
    "pntext",
    "pntxta",
    "pntxtb",
    "atnid",
    "atnauthor",
];

#[derive(Clone)]
struct Group {
    skip: bool,
    in_font_table: bool,
    hidden: bool,
    /// Characters to drop after a `\uN` (`\ucN`, 1 by default).
    uc: usize,
    gbk: bool,
}

struct Writer {
    out: String,
    para: String,
    row: Vec<String>,
    in_table: bool,
}

impl Writer {
    fn end_paragraph(&mut self) {
        let line = self.para.trim().to_string();
        self.para.clear();
        if self.in_table {
            if !line.is_empty() {
                self.para = line + " ";
            }
        } else if !line.is_empty() {
            self.out.push_str(&line);
            self.out.push('\n');
        }
    }

    fn end_cell(&mut self) {
        self.row.push(self.para.trim().to_string());
        self.para.clear();
    }

    fn end_row(&mut self) {
        super::push_table_row(&mut self.out, &mut self.row);
        self.para.clear();
    }
}

/// Reads an RTF file's text. Errors are sentences for the rejects table.
pub fn read_rtf(bytes: &[u8]) -> Result<Attachment, String> {
    let mut stack: Vec<Group> = Vec::new();
    let mut g = Group {
        skip: false,
        in_font_table: false,
        hidden: false,
        uc: 1,
        gbk: false,
    };
    let mut w = Writer {
        out: String::new(),
        para: String::new(),
        row: Vec::new(),
        in_table: false,
    };
    let mut doc_gbk = false;
    let mut font_gbk: FxHashMap<i32, bool> = FxHashMap::default();
    let mut defining_font: Option<i32> = None;
    let mut pending: Vec<u8> = Vec::new();
    let mut to_drop = 0usize;
    let mut group_start = false;
    let mut i = 0;
    let flush = |pending: &mut Vec<u8>, w: &mut Writer, gbk: bool| {
        if !pending.is_empty() {
            let enc = if gbk {
                encoding_rs::GBK
            } else {
                encoding_rs::WINDOWS_1252
            };
            w.para.push_str(&enc.decode_without_bom_handling(pending).0);
            pending.clear();
        }
    };
    while i < bytes.len() {
        if i & 0xFFFF == 0 {
            crate::budget::check();
        }
        let visible = |g: &Group| !g.skip && !g.hidden;
        match bytes[i] {
            b'{' => {
                flush(&mut pending, &mut w, g.gbk || doc_gbk);
                if stack.len() >= 1024 {
                    return Err(
                        "damaged RTF: groups nested more than 1,024 deep; not read".to_string()
                    );
                }
                stack.push(g.clone());
                group_start = true;
                i += 1;
                continue;
            }
            b'}' => {
                flush(&mut pending, &mut w, g.gbk || doc_gbk);
                match stack.pop() {
                    Some(outer) => g = outer,
                    None => break,
                }
                i += 1;
            }
            b'\\' => {
                let (word, param, next) = control(bytes, i + 1);
                i = next;
                if word == "'" {
                    let hex = bytes
                        .get(i..i + 2)
                        .and_then(|h| std::str::from_utf8(h).ok());
                    i += 2;
                    if to_drop > 0 {
                        to_drop -= 1;
                    } else if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        if visible(&g) {
                            pending.push(b);
                        }
                    }
                    group_start = false;
                    continue;
                }
                flush(&mut pending, &mut w, g.gbk || doc_gbk);
                let first = std::mem::take(&mut group_start);
                match word.as_str() {
                    "*" if first => g.skip = true,
                    w_ if first && SKIPPED.contains(&w_) => {
                        g.skip = true;
                        g.in_font_table = w_ == "fonttbl";
                    }
                    "ansicpg" => doc_gbk = matches!(param, Some(936 | 54936)),
                    "f" if g.in_font_table => defining_font = param,
                    "fcharset" if g.in_font_table => {
                        if let Some(f) = defining_font {
                            font_gbk.insert(f, matches!(param, Some(134 | 136)));
                        }
                    }
                    "f" => {
                        g.gbk = param
                            .and_then(|f| font_gbk.get(&f).copied())
                            .unwrap_or(false)
                    }
                    "uc" => g.uc = param.unwrap_or(1).clamp(0, 16) as usize,
                    "u" => {
                        if visible(&g) {
                            let v = param.unwrap_or(0);
                            let code = if v < 0 { v + 65536 } else { v } as u32;
                            w.para.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        }
                        to_drop = g.uc;
                    }
                    "v" => g.hidden = param != Some(0),
                    "pard" => w.in_table = false,
                    "intbl" => w.in_table = true,
                    "par" | "sect" | "page" | "line" if visible(&g) => w.end_paragraph(),
                    "cell" | "nestcell" if visible(&g) => w.end_cell(),
                    "row" | "nestrow" if visible(&g) => w.end_row(),
                    "tab" if visible(&g) => w.para.push('\t'),
                    "emdash" if visible(&g) => w.para.push('—'),
                    "endash" if visible(&g) => w.para.push('–'),
                    "lquote" if visible(&g) => w.para.push('‘'),
                    "rquote" if visible(&g) => w.para.push('’'),
                    "ldblquote" if visible(&g) => w.para.push('“'),
                    "rdblquote" if visible(&g) => w.para.push('”'),
                    "bullet" if visible(&g) => w.para.push('•'),
                    "~" if visible(&g) => w.para.push(' '),
                    "\\" | "{" | "}" if visible(&g) => {
                        if to_drop > 0 {
                            to_drop -= 1;
                        } else {
                            w.para.push_str(&word);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            b'\r' | b'\n' => i += 1,
            b => {
                i += 1;
                group_start = false;
                if to_drop > 0 {
                    to_drop -= 1;
                    continue;
                }
                if visible(&g) {
                    if b < 0x80 {
                        flush(&mut pending, &mut w, g.gbk || doc_gbk);
                        w.para.push(b as char);
                    } else {
                        pending.push(b);
                    }
                }
            }
        }
        group_start = false;
    }
    if !stack.is_empty() {
        return Err("truncated RTF: the file ends inside an open group; not read".to_string());
    }
    flush(&mut pending, &mut w, g.gbk || doc_gbk);
    if !w.row.is_empty() {
        w.end_row();
    }
    w.in_table = false;
    w.end_paragraph();
    Ok(Attachment {
        text: w.out,
        meta: PageMeta::default(),
        encoding: "RTF",
        warnings: Vec::new(),
    })
}

/// A control word or symbol after a backslash at `at`: its name, its numeric parameter and
/// where the next token starts (the one space that ends a word is part of it).
fn control(bytes: &[u8], at: usize) -> (String, Option<i32>, usize) {
    let Some(&c) = bytes.get(at) else {
        return (String::new(), None, at);
    };
    if !c.is_ascii_alphabetic() {
        return ((c as char).to_string(), None, at + 1);
    }
    let mut i = at;
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() && i - at < 32 {
        i += 1;
    }
    let word = String::from_utf8_lossy(&bytes[at..i]).into_owned();
    let num_start = i;
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    while i < bytes.len() && bytes[i].is_ascii_digit() && i - num_start < 10 {
        i += 1;
    }
    let param = std::str::from_utf8(&bytes[num_start..i])
        .ok()
        .and_then(|n| n.parse().ok());
    if bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    (word, param, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_code_pages_tables_and_skipped_destinations() {
        let rtf = br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset134 SimSun;}{\f1\fcharset0 Arial;}}{\header \pard Page header\par}
{\*\generator x;}\pard\plain \f0 \'d2\'bb\'a1\'a2\u20027?\u26045?\'a3\'a8\par
\pard\intbl \u21463?\u29702?\cell 285\cell\row
\pard {\field{\*\fldinst PAGE}{\fldrslt 3}}\u20214?{\v hidden}\par}";
        let a = read_rtf(rtf).unwrap();
        assert_eq!(a.text, "一、主施（\n受理 | 285\n3件\n");
        let err = read_rtf(&rtf[..rtf.len() / 2]).unwrap_err();
        assert!(err.starts_with("truncated RTF"), "{err}");
    }
}
