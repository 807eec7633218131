//! Throughput of the fact extractor alone, in MB/s of cleaned body text, single-threaded.
//! Run with `cargo bench --bench facts` (or `make bench-facts`).

use std::time::{Duration, Instant};

use govreport::extract::facts::extract_facts;
use govreport::ingest::{build_excludes, discover, read_input, ReadLimits};
use govreport::pipeline::{process_document, Resources};

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let excludes =
        build_excludes(&["out/**".into(), "out.*/**".into(), "gazetteer/**".into()]).unwrap();
    let docs: Vec<_> = discover(&root, &excludes)
        .filter_map(|f| read_input(&f, ReadLimits::default()).ok())
        .map(|s| process_document(s, Resources::embedded().unwrap()))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.clean.body.len()).sum();
    let mut facts = 0usize;
    let mut rounds = 0usize;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        for d in &docs {
            facts +=
                std::hint::black_box(extract_facts(&d.clean.body, &d.sections, &d.dates)).len();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "fact extractor: {:.1} MB/s of body text ({} bodies x {rounds} rounds, {:.1} MB, {} facts, {secs:.2}s, 1 thread)",
        mb / secs,
        docs.len(),
        mb,
        facts
    );
}
