//! Word 97–2003 `.doc` and WPS Office `.wps`: OLE compound files (read with `cfb`) whose
//! `WordDocument` stream holds the text in pieces that the piece table (the CLX in the
//! `0Table`/`1Table` stream, found through the FIB) lists, each piece UTF-16LE or 8-bit.
//! Field codes are skipped (their results kept), table cells become `cell | cell` lines, and
//! the summary information gives the title and creation time.

use std::io::{Cursor, Read};

use crate::clean::html::CELL_SEPARATOR;
use crate::ingest::{Attachment, ReadLimits};
use crate::model::{PageMeta, SourceFormat};

/// The first bytes of every OLE compound file.
pub const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

type Ole<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn read_stream(ole: &mut Ole<'_>, name: &str, what: &str) -> Result<Vec<u8>, String> {
    let mut s = ole
        .open_stream(name)
        .map_err(|e| format!("damaged {what}: cannot open its {name} stream ({e}); not read"))?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)
        .map_err(|e| format!("damaged {what}: cannot read its {name} stream ({e}); not read"))?;
    Ok(buf)
}

/// Reads a .doc or .wps. Errors are sentences for the rejects table.
pub fn read_word97(
    bytes: &[u8],
    format: SourceFormat,
    _limits: ReadLimits,
) -> Result<Attachment, String> {
    let what = if format == SourceFormat::Wps {
        "WPS document"
    } else {
        "Word document"
    };
    let mut ole = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("damaged {what}: not a readable compound file ({e}); not read"))?;
    if !ole.is_stream("/WordDocument") {
        return Err(not_word(&ole, what));
    }
    let word = read_stream(&mut ole, "/WordDocument", what)?;
    let fib = Fib::parse(&word)
        .ok_or_else(|| format!("damaged {what}: its header (FIB) is cut short; not read"))?;
    match fib.ident {
        0xA5EC => {}
        0xA5DC => {
            return Err(format!(
                "{what} in the Word 6/95 format, older than Word 97; not read"
            ))
        }
        _ => {
            return Err(format!(
                "damaged {what}: its header (FIB) has no Word signature; not read"
            ))
        }
    }
    if fib.flags & 0x0100 != 0 {
        return Err(format!(
            "encrypted {what}: it needs a password to be read; not read"
        ));
    }
    let table_name = if fib.flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    let table = read_stream(&mut ole, table_name, what)?;
    let pieces = pieces(&table, fib.fc_clx, fib.lcb_clx).ok_or_else(|| {
        format!("damaged {what}: its piece table is missing or cut short; not read")
    })?;
    let raw = piece_text(&word, &pieces, fib.ccp_text).ok_or_else(|| {
        format!("damaged {what}: its text pieces point past the end of the file; not read")
    })?;
    let mut meta = PageMeta::default();
    if ole.is_stream("/\u{5}SummaryInformation") {
        if let Ok(summary) = read_stream(&mut ole, "/\u{5}SummaryInformation", what) {
            summary_meta(&summary, &mut meta);
        }
    }
    Ok(Attachment {
        text: render(&raw),
        meta,
        encoding: "UTF-16LE",
        warnings: Vec::new(),
    })
}

/// Why a compound file without a `WordDocument` stream is not read.
fn not_word(ole: &Ole<'_>, what: &str) -> String {
    if ole.is_stream("/EncryptedPackage") || ole.is_stream("/EncryptionInfo") {
        "encrypted Office document (a password-protected .docx inside a compound file): it needs a password to be read; not read".to_string()
    } else if ole.is_stream("/Workbook") || ole.is_stream("/Book") {
        "file is an Excel workbook, not a Word document; not read".to_string()
    } else if ole.is_stream("/PowerPoint Document") {
        "file is a PowerPoint presentation, not a Word document; not read".to_string()
    } else {
        format!("{what} in a format govreport cannot read: the compound file has no WordDocument stream; not read")
    }
}

/// What the text needs from the File Information Block.
struct Fib {
    ident: u16,
    flags: u16,
    ccp_text: u32,
    fc_clx: u32,
    lcb_clx: u32,
}

impl Fib {
    fn parse(w: &[u8]) -> Option<Fib> {
        let ident = u16_at(w, 0)?;
        let flags = u16_at(w, 0x0A)?;
        let csw = u16_at(w, 32)? as usize;
        let lw_at = 34 + csw * 2;
        let cslw = u16_at(w, lw_at)? as usize;
        let lw = lw_at + 2;
        let ccp_text = u32_at(w, lw + 3 * 4)?;
        let fc_at = lw + cslw * 4;
        let cb_fc_lcb = u16_at(w, fc_at)? as usize;
        let blob = fc_at + 2;
        if cb_fc_lcb <= 33 {
            return None;
        }
        Some(Fib {
            ident,
            flags,
            ccp_text,
            fc_clx: u32_at(w, blob + 33 * 8)?,
            lcb_clx: u32_at(w, blob + 33 * 8 + 4)?,
        })
    }
}

/// One text piece: character positions `[cp_start, cp_end)` stored at byte `fc`, 8-bit
/// (`compressed`) or UTF-16LE.
struct Piece {
    cp_start: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The piece table of the CLX: after any `Prc` entries (0x01), the `Pcdt` (0x02).
fn pieces(table: &[u8], fc: u32, lcb: u32) -> Option<Vec<Piece>> {
    let end = (fc as usize).checked_add(lcb as usize)?;
    let clx = table.get(fc as usize..end)?;
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1)? as usize;
        at += 3 + cb;
    }
    if clx.get(at) != Some(&0x02) {
        return None;
    }
    let len = u32_at(clx, at + 1)? as usize;
    let plc = clx.get(at + 5..at + 5 + len)?;
    if len < 4 {
        return None;
    }
    let n = (len - 4) / 12;
    let cps_end = 4 * (n + 1);
    (0..n)
        .map(|i| {
            let pcd = cps_end + i * 8;
            let raw = u32_at(plc, pcd + 2)?;
            Some(Piece {
                cp_start: u32_at(plc, 4 * i)?,
                cp_end: u32_at(plc, 4 * (i + 1))?,
                fc: raw & 0x3FFF_FFFF,
                compressed: raw & 0x4000_0000 != 0,
            })
        })
        .collect()
}

/// The main document's characters (the first `ccp_text`), piece by piece.
fn piece_text(word: &[u8], pieces: &[Piece], ccp_text: u32) -> Option<String> {
    let mut out = String::new();
    for p in pieces {
        crate::budget::check();
        if p.cp_start >= ccp_text {
            break;
        }
        let n = (p.cp_end.min(ccp_text).saturating_sub(p.cp_start)) as usize;
        if p.compressed {
            let at = (p.fc / 2) as usize;
            let bytes = word.get(at..at.checked_add(n)?)?;
            out.push_str(&eight_bit(bytes));
        } else {
            let at = p.fc as usize;
            let bytes = word.get(at..at.checked_add(n * 2)?)?;
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            out.push_str(&String::from_utf16_lossy(&units));
        }
    }
    Some(out)
}

/// An 8-bit piece: Windows-1252 as the format says; bytes that only make sense as GBK (as
/// some Chinese writers store them) are read as GBK.
fn eight_bit(bytes: &[u8]) -> String {
    if bytes.iter().any(|b| *b >= 0x80) {
        let (gbk, bad) = encoding_rs::GBK.decode_without_bom_handling(bytes);
        if !bad && gbk.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
            return gbk.into_owned();
        }
    }
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// The document's characters as lines: paragraph marks (`\r`), line and page breaks become
/// line ends; field codes (between 0x13 and 0x14) are dropped and their results kept; a table
/// cell ends with 0x07, a row with a further 0x07 after its last cell.
fn render(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut para = String::new();
    let mut row: Vec<String> = Vec::new();
    // One entry per open field: whether its result (after 0x14) has begun.
    let mut fields: Vec<bool> = Vec::new();
    let end_paragraph = |para: &mut String, out: &mut String, row: &mut Vec<String>| {
        let line = para.trim();
        if !row.is_empty() {
            // A paragraph inside a cell that has more than one.
            if !line.is_empty() {
                para.push(' ');
                return;
            }
        } else if !line.is_empty() {
            out.push_str(line);
            out.push('\n');
        }
        para.clear();
    };
    for c in raw.chars() {
        match c {
            '\u{13}' => fields.push(false),
            '\u{14}' => {
                if let Some(top) = fields.last_mut() {
                    *top = true;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.iter().any(|in_result| !in_result) => {}
            '\r' | '\u{0B}' | '\u{0C}' => end_paragraph(&mut para, &mut out, &mut row),
            '\u{07}' => {
                let cell = para.trim().to_string();
                para.clear();
                if cell.is_empty() && !row.is_empty() {
                    super::push_table_row(&mut out, &mut row);
                } else {
                    row.push(cell);
                }
            }
            '\u{1E}' => para.push('-'),
            '\u{A0}' => para.push(' '),
            '\t' => para.push('\t'),
            c if c.is_control() => {}
            c => para.push(c),
        }
    }
    if !row.is_empty() {
        out.push_str(&row.join(CELL_SEPARATOR));
        out.push('\n');
    }
    end_paragraph(&mut para, &mut out, &mut Vec::new());
    out
}

/// Title (PID 2) and creation time (PID 12) of the `\x05SummaryInformation` property set.
fn summary_meta(s: &[u8], meta: &mut PageMeta) {
    let Some(section) = u32_at(s, 44).map(|o| o as usize) else {
        return;
    };
    let Some(count) = u32_at(s, section + 4) else {
        return;
    };
    let mut codepage = 1252u16;
    let mut title_at = None;
    let mut created_at = None;
    for i in 0..count.min(256) as usize {
        let (Some(pid), Some(off)) = (
            u32_at(s, section + 8 + i * 8),
            u32_at(s, section + 12 + i * 8),
        ) else {
            return;
        };
        let at = section + off as usize;
        match pid {
            1 => codepage = u16_at(s, at + 4).unwrap_or(1252),
            2 => title_at = Some(at),
            12 => created_at = Some(at),
            _ => {}
        }
    }
    if let Some(at) = title_at.filter(|&at| u32_at(s, at) == Some(30)) {
        let len = u32_at(s, at + 4).unwrap_or(0) as usize;
        if let Some(raw) = s.get(at + 8..at + 8 + len) {
            let raw = raw.split(|b| *b == 0).next().unwrap_or_default();
            let title = match codepage {
                936 | 54936 => encoding_rs::GBK
                    .decode_without_bom_handling(raw)
                    .0
                    .into_owned(),
                65001 => String::from_utf8_lossy(raw).into_owned(),
                _ => eight_bit(raw),
            };
            meta.title = super::pdf::usable_title(title.trim());
        }
    }
    if let Some(at) = created_at.filter(|&at| u32_at(s, at) == Some(64)) {
        if let (Some(lo), Some(hi)) = (u32_at(s, at + 4), u32_at(s, at + 8)) {
            let ticks = (hi as u64) << 32 | lo as u64;
            // 100-ns ticks since 1601-01-01.
            let secs = (ticks / 10_000_000) as i64 - 11_644_473_600;
            if let Some(t) = chrono::DateTime::from_timestamp(secs, 0).filter(|_| secs > 0) {
                meta.created_raw = Some(t.format("%Y-%m-%dT%H:%M:%S").to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_tables_and_breaks() {
        let raw = "一、主要举措\r立案\u{13} PAGE \u{14}3\u{15}件\u{0B}续\r受理案件\u{07}285宗\u{07}\u{07}办结\u{07}266宗\u{07}\u{07}二、不足\r";
        assert_eq!(
            render(raw),
            "一、主要举措\n立案3件\n续\n受理案件 | 285宗\n办结 | 266宗\n二、不足\n"
        );
    }

    #[test]
    fn eight_bit_pieces() {
        assert_eq!(eight_bit(b"caf\xe9"), "café");
        assert_eq!(eight_bit(&encoding_rs::GBK.encode("法治").0), "法治");
    }

    #[test]
    fn not_a_compound_file_is_refused() {
        let err = read_word97(
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 short",
            SourceFormat::Doc,
            ReadLimits::default(),
        )
        .unwrap_err();
        assert!(err.starts_with("damaged Word document"), "{err}");
    }
}
