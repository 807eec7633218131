//! The gazetteer's four CSV files (NBS division codes) as one block of tab-separated rows,
//! `level TAB code TAB name TAB parent codes…`, outermost parent first.
//!
//! The build script turns the shipped CSV files into these rows once, at build time, so that
//! a run starts without parsing 45,000 CSV records or copying a string per field: the rows are
//! compiled into the binary and the gazetteer borrows its names from them. The crate's tests
//! use the same conversion on their own small CSV texts.

/// Each file, the tag its rows carry for their level, and the columns read from it: code,
/// name, then the codes of the enclosing divisions, outermost first.
pub const FILES: [(&str, &str, &[&str]); 4] = [
    ("provinces.csv", "P", &["code", "name"]),
    ("cities.csv", "C", &["code", "name", "provinceCode"]),
    (
        "areas.csv",
        "A",
        &["code", "name", "provinceCode", "cityCode"],
    ),
    (
        "streets.csv",
        "S",
        &["code", "name", "provinceCode", "cityCode", "areaCode"],
    ),
];

/// The rows of the four files (`texts` in the order of [`FILES`]), in file order.
pub fn rows_from_csv(texts: [&str; 4]) -> Result<String, String> {
    let mut out = String::with_capacity(texts.iter().map(|t| t.len()).sum());
    for ((file, tag, columns), text) in FILES.iter().zip(texts) {
        append_rows(text, file, tag, columns, &mut out)?;
    }
    Ok(out)
}

/// Appends one row per record of a CSV file: the tag, then the `columns`, trimmed.
fn append_rows(
    text: &str,
    file: &str,
    tag: &str,
    columns: &[&str],
    out: &mut String,
) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("{file}: cannot read the header row: {e}"))?
        .clone();
    let positions = columns
        .iter()
        .map(|c| {
            headers
                .iter()
                .position(|h| h.trim() == *c)
                .ok_or_else(|| format!("{file}: column {c} is missing"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut record = csv::StringRecord::new();
    // Rows are numbered as a spreadsheet shows them: the header is row 1.
    let mut line = 1;
    loop {
        line += 1;
        let more = reader
            .read_record(&mut record)
            .map_err(|e| format!("{file}: row {line} is unreadable: {e}"))?;
        if !more {
            return Ok(());
        }
        out.push_str(tag);
        for &p in &positions {
            let field = record.get(p).unwrap_or("").trim();
            if field.is_empty() {
                return Err(format!("{file}: row {line} has an empty field"));
            }
            // Tabs and line breaks separate the rows' fields: they cannot be inside one.
            if field.contains(['\t', '\n', '\r']) {
                return Err(format!(
                    "{file}: row {line} has a tab or line break in a field"
                ));
            }
            out.push('\t');
            out.push_str(field);
        }
        out.push('\n');
    }
}
