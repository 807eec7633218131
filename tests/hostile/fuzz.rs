//! A bounded fuzz run on stable Rust: the sample reports (and the devset's pages where
//! `../shared` is present), mutated by a seeded generator into text, markdown, HTML, .docx
//! and raw bytes, all run through the pipeline at once. No panic (a panic would show as an
//! "internal error" reject), every file accounted for, outputs bounded by the input.
//!
//! `make test` runs `FUZZ_CASES` files; `make fuzz` many more
//! (`GOVREPORT_FUZZ_CASES`, and `GOVREPORT_FUZZ_SEED` for another corpus).
//! `GOVREPORT_FUZZ_KEEP=DIR` keeps the generated files there, to rerun a failing case.

use std::fs;
use std::path::Path;

use super::support::*;

const FUZZ_CASES: usize = 150;

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A byte-level mutation of `bytes`.
fn mutate(rng: &mut fastrand::Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    for _ in 0..rng.usize(1..6) {
        if bytes.is_empty() {
            bytes.extend_from_slice("一、".as_bytes());
        }
        let at = rng.usize(..=bytes.len());
        match rng.u8(..14) {
            0 => {
                for _ in 0..rng.usize(1..20) {
                    let i = rng.usize(..bytes.len());
                    bytes[i] = rng.u8(..);
                }
            }
            1 => bytes
                .splice(at..at, (0..rng.usize(1..64)).map(|_| rng.u8(0x80..)))
                .for_each(drop),
            2 => bytes.splice(at..at, [0u8; 3]).for_each(drop),
            3 => {
                let end = (at + rng.usize(..4096)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 => {
                let end = (at + rng.usize(1..64)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                let times = rng.usize(1..2000);
                let run: Vec<u8> = piece.repeat(times);
                bytes.splice(at..at, run).for_each(drop);
            }
            5 => {
                let run = "1%".repeat(rng.usize(1..20_000));
                bytes.splice(at..at, run.into_bytes()).for_each(drop);
            }
            6 => {
                let brk = ["\u{2028}", "\u{85}", "\r", "\u{feff}", "\u{3000}"][rng.usize(..5)];
                bytes.splice(at..at, brk.bytes()).for_each(drop);
            }
            7 => {
                let text = String::from_utf8_lossy(&bytes[at..]).into_owned();
                let gbk = encoding_rs::GB18030.encode(&text).0.into_owned();
                bytes.truncate(at);
                bytes.extend_from_slice(&gbk);
            }
            8 => {
                let n = rng.usize(1..3000);
                let tag = ["<div>", "<p>", "<table><tr><td>", "<font>", "<li>"][rng.usize(..5)];
                bytes
                    .splice(at..at, tag.repeat(n).into_bytes())
                    .for_each(drop);
            }
            9 => bytes.truncate(at),
            12 => {
                // Mirrors set digits, letters and punctuation full width, or the reverse: the
                // same text with characters of another byte length.
                let at = if rng.bool() { 0 } else { at };
                let text = String::from_utf8_lossy(&bytes[at..]).into_owned();
                let to_full = rng.bool();
                let swapped: String = text
                    .chars()
                    .map(|c| match c as u32 {
                        0x21..=0x7e if to_full => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
                        0xff01..=0xff5e if !to_full => {
                            char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
                        }
                        _ => c,
                    })
                    .collect();
                bytes.truncate(at);
                bytes.extend_from_slice(swapped.as_bytes());
            }
            13 => {
                // Pinyin glosses spliced after characters, in either kind of bracket.
                let at = if rng.bool() { 0 } else { at };
                let text = String::from_utf8_lossy(&bytes[at..]).into_owned();
                let mut glossed = String::with_capacity(text.len() * 2);
                for c in text.chars() {
                    glossed.push(c);
                    if c > '\u{2e80}' && rng.u8(..4) == 0 {
                        glossed.push_str(["(qū)", "（huì）", "(bào)", "（xí"][rng.usize(..4)]);
                    }
                }
                bytes.truncate(at);
                bytes.extend_from_slice(glossed.as_bytes());
            }
            10 => {
                let attrs: String = (0..rng.usize(1..2000))
                    .map(|i| format!(" x{i}=\"{i}\""))
                    .collect();
                bytes
                    .splice(at..at, format!("<span{attrs}>").into_bytes())
                    .for_each(drop);
            }
            _ => {
                let digits: String = (0..rng.usize(1..500))
                    .map(|_| char::from(b'0' + rng.u8(..10)))
                    .collect();
                bytes.splice(at..at, digits.into_bytes()).for_each(drop);
            }
        }
    }
    bytes
}

fn html_page(text: &str) -> String {
    let paras: String = text.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>报告</title></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a></div><div class=\"TRS_Editor\">{paras}</div></body></html>"
    )
}

/// One generated file: its name and bytes.
fn case(rng: &mut fastrand::Rng, seeds: &[(String, Vec<u8>)], i: usize) -> (String, Vec<u8>) {
    let (_, seed) = &seeds[rng.usize(..seeds.len())];
    let text = String::from_utf8_lossy(seed).into_owned();
    let (ext, bytes) = match rng.u8(..5) {
        0 => ("txt", mutate(rng, seed.clone())),
        1 => {
            let md: String = text
                .lines()
                .map(|l| {
                    if l.contains('、') {
                        format!("## **{l}**\n")
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect();
            ("md", mutate(rng, md.into_bytes()))
        }
        2 => ("html", mutate(rng, html_page(&text).into_bytes())),
        3 => {
            let lines: Vec<String> = String::from_utf8_lossy(&mutate(rng, seed.clone()))
                .lines()
                .map(String::from)
                .collect();
            let paras: Vec<govreport::fixtures::DocxParagraph> =
                lines.iter().map(|l| ("", None, l.as_str())).collect();
            let mut docx = govreport::fixtures::build_docx(&paras, &[], "报告");
            if rng.bool() {
                docx = mutate(rng, docx);
            }
            ("docx", docx)
        }
        _ => {
            let n = rng.usize(..8192);
            ("txt", (0..n).map(|_| rng.u8(..)).collect())
        }
    };
    (format!("case{i:05}.{ext}"), bytes)
}

/// The sample reports, and the devset's real pages where `../shared` is present (read at run
/// time, never copied): pages without titles, with glosses and glued paragraphs reach rules
/// the sample reports never do.
fn fuzz_seeds() -> Vec<(String, Vec<u8>)> {
    let mut v = seeds();
    let devset = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/devset/pages");
    if let Ok(entries) = fs::read_dir(devset) {
        let mut pages: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        pages.sort();
        for p in pages {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            v.push((name, fs::read(&p).unwrap()));
        }
    }
    v
}

#[test]
fn mutated_reports_never_panic_and_are_all_accounted_for() {
    let cases = env_or("GOVREPORT_FUZZ_CASES", FUZZ_CASES as u64) as usize;
    let seed = env_or("GOVREPORT_FUZZ_SEED", 21);
    let mut rng = fastrand::Rng::with_seed(seed);
    let seeds = fuzz_seeds();
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir(&input).unwrap();
    let mut input_bytes = 0u64;
    for i in 0..cases {
        let (name, bytes) = case(&mut rng, &seeds, i);
        input_bytes += bytes.len() as u64;
        fs::write(input.join(name), bytes).unwrap();
    }
    if let Ok(keep) = std::env::var("GOVREPORT_FUZZ_KEEP") {
        // Keeps the generated corpus, to rerun a failing case by hand.
        let _ = fs::remove_dir_all(&keep);
        fs::create_dir_all(&keep).unwrap();
        for e in fs::read_dir(&input).unwrap() {
            let p = e.unwrap().path();
            fs::copy(&p, Path::new(&keep).join(p.file_name().unwrap())).unwrap();
        }
    }
    let out = tmp.path().join("out");
    run_ok(
        tmp.path(),
        &input,
        &out,
        "[input]\nmax_seconds_per_file = 60\n",
    );
    let m = assert_accounted(&out);
    assert_eq!(m["files"]["found"], cases as u64, "seed {seed}: {m}");
    let internal: Vec<_> = rejects(&out)
        .into_iter()
        .filter(|(_, e)| e.contains("internal error"))
        .collect();
    assert!(internal.is_empty(), "seed {seed}: panics {internal:?}");
    // Outputs bounded by the input: the cleaned text, sections and facts hold each character
    // a few times at most, plus a bounded sentence per fact (a compressed .docx may hold
    // far more text than its size, hence the allowance per file).
    let written = dir_bytes(&out);
    assert!(
        written < 30 * input_bytes + cases as u64 * 2_000_000,
        "seed {seed}: {written} bytes written for {input_bytes} read"
    );
}
