//! Single-threaded time per processing stage, in MB/s of decoded input text, on a corpus
//! directory (`GOVREPORT_BENCH_INPUT`, default `data/`). Files are read once up front so the
//! figures leave out the disk. Run with `cargo bench --bench stages` (or `make bench-stages`).

use std::hint::black_box;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};

use govreport::clean::clean_document;
use govreport::extract::facts::extract_facts;
use govreport::extract::metadata::extract_metadata;
use govreport::ingest::{build_excludes, discover, read_input, ReadLimits};
use govreport::pipeline::Resources;
use govreport::structure::build_sections;

fn main() {
    let root = std::env::var_os("GOVREPORT_BENCH_INPUT")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
    let excludes =
        build_excludes(&["out/**".into(), "out.*/**".into(), "gazetteer/**".into()]).unwrap();
    let files: Vec<_> = discover(&root, &excludes).collect();
    let t = Instant::now();
    let sources: Vec<_> = files
        .iter()
        .filter_map(|f| read_input(f, ReadLimits::default()).ok())
        .collect();
    let read = t.elapsed();
    let res = Resources::embedded().unwrap();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut times = [Duration::ZERO; 5];
    let mut facts_n = 0;
    for s in &sources {
        let t = Instant::now();
        let clean = clean_document(s);
        times[0] += t.elapsed();
        let t = Instant::now();
        let sections = build_sections(&clean.body);
        times[1] += t.elapsed();
        let t = Instant::now();
        let (meta, dates) = extract_metadata(&clean, &sections, res.gazetteer);
        black_box(&meta);
        times[2] += t.elapsed();
        let t = Instant::now();
        let mut facts = extract_facts(&clean.body, &sections, &dates);
        times[3] += t.elapsed();
        let t = Instant::now();
        res.taxonomy.assign_in(&mut facts, &sections);
        times[4] += t.elapsed();
        facts_n += facts.len();
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {mb:.1} MB decoded text, {facts_n} facts; read+decode {:.2}s",
        sources.len(),
        read.as_secs_f64()
    );
    let names = [
        "clean",
        "structure",
        "metadata+dates",
        "facts",
        "indicators",
    ];
    let total: f64 = times.iter().map(Duration::as_secs_f64).sum();
    for (name, d) in names.iter().zip(times) {
        let s = d.as_secs_f64();
        println!(
            "{name:>15}: {s:6.2}s {:7.1} MB/s {:5.1}%",
            mb / s,
            100.0 * s / total
        );
    }
    println!("{:>15}: {total:6.2}s {:7.1} MB/s", "all", mb / total);
}
