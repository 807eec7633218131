//! Attachments that cannot be read: scans, fonts without a Unicode map, truncated,
//! encrypted and bomb files of each format are rejects with their own sentence, never a
//! panic, and the run goes on. Built at test time from the committed fixtures.

use std::fs;
use std::io::{Cursor, Seek, SeekFrom, Write};

use lopdf::{dictionary, Document, Object, Stream};

use super::support::*;

fn fixture(name: &str) -> Vec<u8> {
    let dir = data_dir().join("../tests/fixtures/attachments");
    fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn half(bytes: &[u8]) -> Vec<u8> {
    bytes[..bytes.len() / 2].to_vec()
}

/// The fixture with every font's `/ToUnicode` removed: its subset fonts' codes mean nothing.
fn unmapped_pdf() -> Vec<u8> {
    let mut doc = Document::load_mem(&fixture("000_77c915a9cc41d1b4.pdf")).unwrap();
    for obj in doc.objects.values_mut() {
        if let Object::Dictionary(d) = obj {
            if d.has_type(b"Font") {
                d.remove(b"ToUnicode");
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A PDF of `pages` pages, each drawing `content` (compressed).
fn pdf_of(pages: usize, content: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut stream = Stream::new(dictionary! {}, content.to_vec());
    stream.compress().unwrap();
    let content_id = doc.add_object(stream);
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => pages as i64 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// The .doc fixture with the FIB's fEncrypted flag set, as Word writes a protected file.
fn encrypted_doc() -> Vec<u8> {
    let mut ole =
        cfb::CompoundFile::open(Cursor::new(fixture("000_77c915a9cc41d1b4.doc"))).unwrap();
    {
        let mut s = ole.open_stream("/WordDocument").unwrap();
        s.seek(SeekFrom::Start(0x0A)).unwrap();
        let mut flags = [0u8; 2];
        std::io::Read::read_exact(&mut s, &mut flags).unwrap();
        let v = u16::from_le_bytes(flags) | 0x0100;
        s.seek(SeekFrom::Start(0x0A)).unwrap();
        s.write_all(&v.to_le_bytes()).unwrap();
    }
    ole.flush().unwrap();
    ole.into_inner().into_inner()
}

/// The OFD fixture with an `Encryptions.xml`, as GB/T 33190's encryption adds.
fn encrypted_ofd() -> Vec<u8> {
    let src = fixture("000_77c915a9cc41d1b4.ofd");
    let mut zin = zip::ZipArchive::new(Cursor::new(src)).unwrap();
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for i in 0..zin.len() {
            let f = zin.by_index(i).unwrap();
            z.raw_copy_file(f).unwrap();
        }
        z.start_file("Encryptions.xml", opts).unwrap();
        z.write_all(b"<ofd:Encryptions xmlns:ofd=\"http://www.ofdspec.org/2016\"/>")
            .unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn unreadable_attachments_are_rejects_with_their_sentences() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "scanned.pdf",
            fixture("scanned.pdf"),
            "scanned PDF: no text layer; needs OCR",
        ),
        (
            "unmapped.pdf",
            unmapped_pdf(),
            "PDF text is not readable: 100% of characters unmapped",
        ),
        ("encrypted.pdf", fixture("encrypted.pdf"), "encrypted PDF"),
        (
            "truncated.pdf",
            half(&fixture("000_77c915a9cc41d1b4.pdf")),
            "truncated PDF",
        ),
        (
            "bomb.pdf",
            pdf_of(1, &vec![b' '; 3_000_000]),
            "decompress to more than 2 MB",
        ),
        (
            "pages.pdf",
            pdf_of(2001, b"BT ET"),
            "more than the limit of 2000",
        ),
        (
            "truncated.doc",
            half(&fixture("000_77c915a9cc41d1b4.doc")),
            "damaged Word document",
        ),
        ("encrypted.doc", encrypted_doc(), "encrypted Word document"),
        (
            "truncated_rtf.doc",
            half(&fixture("003_acaf490cc139cbb4_rtf.doc")),
            "truncated RTF",
        ),
        (
            "truncated.wps",
            half(&fixture("001_9e571f58bb1199a2.doc")),
            "damaged WPS document",
        ),
        ("old.wps", b"\xFF\x00WPS old".to_vec(), "not a WPS file"),
        (
            "truncated.ofd",
            half(&fixture("000_77c915a9cc41d1b4.ofd")),
            "damaged OFD",
        ),
        ("encrypted.ofd", encrypted_ofd(), "encrypted OFD"),
    ];
    let (name, bytes) = seeds().remove(0);
    fs::write(input.join(name), bytes).unwrap();
    for (name, bytes, _) in &files {
        fs::write(input.join(name), bytes).unwrap();
    }
    let out = tmp.path().join("out");
    run_ok(
        tmp.path(),
        &input,
        &out,
        "[input]\nmax_docx_inflated_bytes = 2000000\n",
    );
    let m = assert_accounted(&out);
    assert_eq!(m["files"]["found"], files.len() as u64 + 1, "{m}");
    let r = rejects(&out);
    for (name, _, sentence) in &files {
        let got = r
            .iter()
            .find(|(p, _)| p == name)
            .unwrap_or_else(|| panic!("{name} is not a reject: {r:?}"));
        assert!(got.1.contains(sentence), "{name}: {:?}", got.1);
        assert!(!got.1.contains("internal error"), "{name}: {:?}", got.1);
    }
}
