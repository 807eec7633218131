//! Reports written as the attachments sites publish, for `govreport synth` and tests: a PDF
//! with a text layer, a Word 97 `.doc` and an OFD, each laid out like a printed 公文 (A4,
//! 16 pt, 28 characters a line, a two-character first-line indent, `- N -` at each page's
//! foot). They are minimal: enough structure for any reader that follows the formats'
//! specifications to find the text (fonts are named, not embedded; the .doc has a File
//! Information Block and a piece table, no styles), not copies of what Word or a PDF printer
//! writes. The fixtures of `tests/fixtures/attachments/` are the real tools' output.

use std::io::{Cursor, Write};

use lopdf::{dictionary, Document, Object, Stream};

/// Millimetres: the measure, the font size (16 pt), the margins, the line pitch.
const MEASURE: f32 = 156.0;
const SIZE: f32 = 5.64;
const LEFT: f32 = 28.0;
const TOP: f32 = 37.0;
const PITCH: f32 = 9.9;
const LINES_PER_PAGE: usize = 22;
const PAGE_HEIGHT: f32 = 297.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

/// A printed line: its indent in ems, its text.
type Printed = (f32, String);

fn em(c: char) -> f32 {
    if c.is_ascii() {
        0.5
    } else {
        1.0
    }
}

/// The paragraphs broken into the lines of the measure, in pages.
fn lay_out(paragraphs: &[&str]) -> Vec<Vec<Printed>> {
    let cap = MEASURE / SIZE;
    let mut lines: Vec<Printed> = Vec::new();
    for para in paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
    {
        let (mut cur, mut used, mut indent) = (String::new(), 2.0, 2.0);
        for c in para.chars() {
            if used + em(c) > cap {
                lines.push((indent, std::mem::take(&mut cur)));
                used = 0.0;
                indent = 0.0;
            }
            cur.push(c);
            used += em(c);
        }
        lines.push((indent, cur));
    }
    lines
        .chunks(LINES_PER_PAGE)
        .map(<[Printed]>::to_vec)
        .collect()
}

fn page_number(n: usize) -> Printed {
    (0.0, format!("- {n} -"))
}

/// An OFD package (GB/T 33190): OFD.xml, Document.xml, one Content.xml per page.
pub fn ofd_from_paragraphs(paragraphs: &[&str], created: &str) -> Vec<u8> {
    const NS: &str = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let pages = lay_out(paragraphs);
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut put = |name: &str, xml: String| {
            z.start_file(name, opts).expect("zip in memory");
            z.write_all(xml.as_bytes()).expect("zip in memory");
        };
        put("OFD.xml", format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD {NS} Version=\"1.1\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:CreationDate>{created}</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
        ));
        let refs: String = (0..pages.len())
            .map(|i| {
                format!(
                    "<ofd:Page ID=\"{}\" BaseLoc=\"Pages/Page_{i}/Content.xml\"/>",
                    i + 10
                )
            })
            .collect();
        put("Doc_0/Document.xml", format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 {PAGE_HEIGHT}</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{refs}</ofd:Pages></ofd:Document>"
        ));
        for (n, page) in pages.iter().enumerate() {
            let mut objects = String::new();
            let number = page_number(n + 1);
            let placed = page
                .iter()
                .enumerate()
                .map(|(i, l)| (LEFT + l.0 * SIZE, TOP + i as f32 * PITCH, &l.1))
                .chain(std::iter::once((100.0, 270.0, &number.1)));
            for (k, (x, y, text)) in placed.enumerate() {
                let deltas: Vec<String> = text
                    .chars()
                    .take(text.chars().count().saturating_sub(1))
                    .map(|c| format!("{:.2}", em(c) * SIZE))
                    .collect();
                objects.push_str(&format!(
                    "<ofd:TextObject ID=\"{}\" Boundary=\"{x:.2} {y:.2} {MEASURE} {:.2}\" Font=\"2\" Size=\"{SIZE}\"><ofd:TextCode X=\"0\" Y=\"{SIZE}\" DeltaX=\"{}\">{}</ofd:TextCode></ofd:TextObject>",
                    1000 + k,
                    SIZE * 1.2,
                    deltas.join(" "),
                    esc(text)
                ));
            }
            put(&format!("Doc_0/Pages/Page_{n}/Content.xml"), format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID=\"1\">{objects}</ofd:Layer></ofd:Content></ofd:Page>"
            ));
        }
        z.finish().expect("zip in memory");
    }
    buf.into_inner()
}

/// A PDF whose text is shown in a Type0 font (Identity-H, codes = UTF-16 units) with a
/// ToUnicode map; the font is named (宋体), not embedded.
pub fn pdf_from_paragraphs(paragraphs: &[&str]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let ranges: String = (0..=255u32)
        .filter(|hi| !(0xD8..0xE0).contains(hi))
        .map(|hi| format!("<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>\n"))
        .collect::<Vec<_>>()
        .chunks(100)
        .map(|c| format!("{} beginbfrange\n{}endbfrange\n", c.len(), c.concat()))
        .collect();
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n{ranges}endcmap CMapName currentdict /CMap defineresource pop end end"
    );
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "SimSun", "Flags" => 6,
        "FontBBox" => vec![0.into(), (-141).into(), 1000.into(), 859.into()],
        "ItalicAngle" => 0, "Ascent" => 859, "Descent" => -141, "CapHeight" => 683, "StemV" => 80,
    });
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "SimSun",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "FontDescriptor" => descriptor, "DW" => 1000,
        "W" => vec![32.into(), 126.into(), 500.into()],
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid_font.into()], "ToUnicode" => to_unicode,
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let size = SIZE * PT_PER_MM;
    let mut kids: Vec<Object> = Vec::new();
    let pages = lay_out(paragraphs);
    for (n, page) in pages.iter().enumerate() {
        let number = page_number(n + 1);
        let mut ops = String::new();
        let placed = page
            .iter()
            .enumerate()
            .map(|(i, l)| (LEFT + l.0 * SIZE, TOP + i as f32 * PITCH, &l.1))
            .chain(std::iter::once((100.0, 270.0, &number.1)));
        for (x, y, text) in placed {
            let hex: String = text
                .encode_utf16()
                .filter(|u| !(0xD800..0xE000).contains(u))
                .map(|u| format!("{u:04X}"))
                .collect();
            ops.push_str(&format!(
                "BT /F1 {size:.2} Tf 1 0 0 1 {:.2} {:.2} Tm <{hex}> Tj ET\n",
                x * PT_PER_MM,
                (PAGE_HEIGHT - y) * PT_PER_MM
            ));
        }
        let mut content = Stream::new(dictionary! {}, ops.into_bytes());
        // Compression cannot fail on bytes in memory; an uncompressed stream reads the same.
        let _ = content.compress();
        let content_id = doc.add_object(content);
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            })
            .into(),
        );
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("PDF in memory");
    out
}

/// A Word 97 binary file: a File Information Block, the text as one UTF-16 piece, a piece
/// table in `1Table`; paragraphs end with `\r`.
pub fn doc_from_paragraphs(paragraphs: &[&str]) -> Vec<u8> {
    const TEXT_AT: usize = 1024;
    let text: Vec<u16> = paragraphs
        .iter()
        .flat_map(|p| {
            p.trim()
                .encode_utf16()
                .chain(std::iter::once(u16::from(b'\r')))
        })
        .collect();
    let mut fib = vec![0u8; TEXT_AT];
    let put16 =
        |b: &mut Vec<u8>, at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |b: &mut Vec<u8>, at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut fib, 0, 0xA5EC); // wIdent
    put16(&mut fib, 2, 0x00C1); // nFib: Word 97
    put16(&mut fib, 0x0A, 0x0200); // fWhichTblStm: the table stream is 1Table
    put16(&mut fib, 32, 14); // csw
    put16(&mut fib, 62, 22); // cslw
    put32(&mut fib, 64 + 3 * 4, text.len() as u32); // ccpText
    put16(&mut fib, 152, 93); // cbRgFcLcb (Word 97)
    let clx_len = 4 * 2 + 8;
    put32(&mut fib, 154 + 33 * 8, 0); // fcClx
    put32(&mut fib, 154 + 33 * 8 + 4, 5 + clx_len as u32); // lcbClx
    let mut word = fib;
    word.extend(text.iter().flat_map(|u| u.to_le_bytes()));
    let mut table = vec![0x02];
    table.extend((clx_len as u32).to_le_bytes());
    table.extend(0u32.to_le_bytes());
    table.extend((text.len() as u32).to_le_bytes());
    table.extend([0, 0]);
    table.extend((TEXT_AT as u32).to_le_bytes());
    table.extend([0, 0]);
    let mut ole =
        cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("compound file in memory");
    for (name, bytes) in [("/WordDocument", &word), ("/1Table", &table)] {
        let mut s = ole.create_stream(name).expect("compound file in memory");
        s.write_all(bytes).expect("compound file in memory");
    }
    ole.flush().expect("compound file in memory");
    ole.into_inner().into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::decode_document;

    #[test]
    fn every_writer_is_read_back_as_the_paragraphs() {
        let long =
            "全年共计立案查处390件，办结380件，罚款金额136161元，行政复议案件12件，".repeat(3);
        let paragraphs = [
            "某镇2023年法治政府建设年度报告",
            "一、主要举措和成效",
            long.as_str(),
            "二、存在的不足",
        ];
        let expected = format!("{}\n", paragraphs.join("\n"));
        let docs = [
            ("r.pdf", pdf_from_paragraphs(&paragraphs)),
            ("r.doc", doc_from_paragraphs(&paragraphs)),
            ("r.ofd", ofd_from_paragraphs(&paragraphs, "2024-01-15")),
        ];
        for (name, bytes) in docs {
            let d = decode_document(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(d.text, expected, "{name}");
        }
    }
}
