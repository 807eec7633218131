//! Converts the shipped gazetteer (data/gazetteer/*.csv) into the tab-separated rows the
//! binary embeds (see src/gazetteer/rows.rs): parsed once here instead of at every start.

#[path = "src/gazetteer/rows.rs"]
mod rows;

use std::path::Path;

fn main() {
    let dir = Path::new("data/gazetteer");
    println!("cargo::rerun-if-changed=src/gazetteer/rows.rs");
    let texts = rows::FILES.map(|(file, _, _)| {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    });
    let rows = rows::rows_from_csv(texts.each_ref().map(String::as_str))
        .unwrap_or_else(|e| panic!("the gazetteer in data/gazetteer is invalid: {e}"));
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("gazetteer_rows.tsv");
    std::fs::write(&out, rows).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
