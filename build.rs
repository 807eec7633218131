//! Converts the shipped gazetteer (data/gazetteer/*.csv) into the tab-separated rows the
//! binary embeds (see src/gazetteer/rows.rs) and lays out their lookup tables (see
//! src/gazetteer/image.rs): done once here instead of at every start.

#[path = "src/gazetteer/image.rs"]
mod image;
#[path = "src/lexicon/orgs.rs"]
#[allow(dead_code)]
mod orgs;
#[path = "src/gazetteer/rows.rs"]
mod rows;

use std::path::Path;

fn main() {
    let dir = Path::new("data/gazetteer");
    for source in [
        "src/gazetteer/rows.rs",
        "src/gazetteer/image.rs",
        "src/lexicon/orgs.rs",
    ] {
        println!("cargo::rerun-if-changed={source}");
    }
    let texts = rows::FILES.map(|(file, _, _)| {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    });
    let rows = rows::rows_from_csv(texts.each_ref().map(String::as_str))
        .unwrap_or_else(|e| panic!("the gazetteer in data/gazetteer is invalid: {e}"));
    let words = image::Words {
        name_suffixes: orgs::NAME_SUFFIXES,
        place_stoplist: orgs::PLACE_STOPLIST,
        placeholder_names: orgs::PLACEHOLDER_NAMES,
        generic_words: orgs::GENERIC_DIVISION_WORDS,
    };
    let tables = image::build(&rows, &words)
        .unwrap_or_else(|e| panic!("the gazetteer in data/gazetteer is invalid: {e}"));
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for (file, bytes) in [
        ("gazetteer_rows.tsv", rows.as_bytes()),
        ("gazetteer.image", &tables),
    ] {
        let out = Path::new(&out_dir).join(file);
        std::fs::write(&out, bytes)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    }
}
