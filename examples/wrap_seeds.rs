//! Wraps every `.txt` report of a directory into HTML pages of a site template (or .docx),
//! keeping file stems, so the scorer can compare formats:
//!
//!     cargo run --release --example wrap_seeds -- data /tmp/html district utf8
//!     ./target/release/govreport run --input /tmp/html --output /tmp/html-out
//!     python3 ../shared/eval/score.py --out /tmp/html-out --gold ../shared/gold --src ../shared/seeds
//!
//! Templates: district, xxgk, mirror, docx. Charsets: utf8, gbk, gbk-declared-utf8.

use std::fs;
use std::path::Path;

use govreport::fixtures::{self, PageCharset, PageParts};
use govreport::ingest::decode_document;
use govreport::pipeline::{process_document, Resources};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: wrap_seeds INPUT_DIR OUTPUT_DIR district|xxgk|mirror|docx [utf8|gbk|gbk-declared-utf8]");
        std::process::exit(2);
    }
    let (input, output, template) = (Path::new(&args[0]), Path::new(&args[1]), args[2].as_str());
    let charset = match args.get(3).map(String::as_str) {
        Some("gbk") => PageCharset::Gbk,
        Some("gbk-declared-utf8") => PageCharset::GbkDeclaredUtf8,
        _ => PageCharset::Utf8,
    };
    fs::create_dir_all(output).expect("create output directory");
    let mut entries: Vec<_> = fs::read_dir(input)
        .expect("read input")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = fs::read(&path).expect("read report");
        let doc = process_document(
            decode_document(&name, &bytes).expect("decodable report"),
            Resources::embedded().unwrap(),
        );
        let stem = name.trim_end_matches(".txt");
        let (file, content) = match template {
            "docx" => (format!("{stem}.docx"), fixtures::docx_from_doc(&doc)),
            t => {
                let tpl = match t {
                    "xxgk" => fixtures::XXGK_TEMPLATE,
                    "mirror" => fixtures::MIRROR_TEMPLATE,
                    _ => fixtures::DISTRICT_TEMPLATE,
                };
                (
                    format!("{stem}.html"),
                    fixtures::render_page(tpl, &PageParts::from_doc(&doc), charset),
                )
            }
        };
        fs::write(output.join(file), content).expect("write page");
    }
}
