//! The machine-readable schema written beside the tables of every run, generated from the
//! one table definition (`schema`): `schema.json` (every column's type, nullability,
//! description, and the type to ask pandas, polars, readr and DuckDB for when reading the
//! CSV files) and `schema.sql` (DuckDB: `CREATE TABLE` with the exact types, filled from
//! the CSV files by `read_csv(..., columns = {...})`). A CSV reader told these types reads
//! `division_code` and hex `doc_id`s as text and every float as a float, whatever the first
//! rows look like.

use serde_json::{json, Value as Json};

use super::schema::{ColType, ColumnInfo, SCHEMA_VERSION};

/// Where a run's tables are, relative to its output directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// `--partition-by-year`: the per-document tables in `year=…` folders.
    pub partitioned: bool,
    /// `--incremental`: every table a folder of part files.
    pub incremental: bool,
    /// Which formats were written (`--formats`).
    pub parquet: bool,
    pub csv: bool,
}

/// Tables split into `year=…` folders under `--partition-by-year`.
const PER_DOCUMENT: [&str; 5] = ["documents", "texts", "sections", "facts", "dates"];

impl Layout {
    /// The files of `table` as a path or glob: (Parquet, CSV).
    pub fn files(self, table: &str) -> (String, String) {
        let by_year = self.partitioned && PER_DOCUMENT.contains(&table);
        let stem = match (by_year, self.incremental) {
            (false, false) => return (format!("{table}.parquet"), format!("{table}.csv")),
            (true, _) => format!("{table}/*/*"),
            (false, true) => format!("{table}/*"),
        };
        (format!("{stem}.parquet"), format!("csv/{stem}.csv"))
    }
}

impl ColType {
    /// DuckDB's type.
    pub fn duckdb(self) -> &'static str {
        match self {
            ColType::Utf8 => "VARCHAR",
            ColType::Int16 => "SMALLINT",
            ColType::Int32 => "INTEGER",
            ColType::Int64 => "BIGINT",
            ColType::Float64 => "DOUBLE",
            ColType::Date32 => "DATE",
            ColType::Timestamp => "TIMESTAMPTZ",
            ColType::Utf8List | ColType::SentenceList => "VARCHAR[]",
            ColType::Int32List => "INTEGER[]",
        }
    }

    /// What pandas' `read_csv(dtype=...)` is given (nullable integers); `None` for dates and
    /// times, which go to `parse_dates`. Lists stay text in CSV.
    pub fn pandas_csv(self) -> Option<&'static str> {
        match self {
            ColType::Utf8 | ColType::Utf8List | ColType::SentenceList | ColType::Int32List => {
                Some("string")
            }
            ColType::Int16 => Some("Int16"),
            ColType::Int32 => Some("Int32"),
            ColType::Int64 => Some("Int64"),
            ColType::Float64 => Some("float64"),
            ColType::Date32 | ColType::Timestamp => None,
        }
    }

    /// The polars data type (`getattr(pl, name)`) for `read_csv(schema_overrides=...)`.
    pub fn polars_csv(self) -> &'static str {
        match self {
            ColType::Utf8 | ColType::Utf8List | ColType::SentenceList | ColType::Int32List => {
                "String"
            }
            ColType::Int16 => "Int16",
            ColType::Int32 => "Int32",
            ColType::Int64 => "Int64",
            ColType::Float64 => "Float64",
            ColType::Date32 => "Date",
            // RFC 3339 text: parsed after reading (`str.to_datetime`).
            ColType::Timestamp => "String",
        }
    }

    /// readr's one-letter column type (`col_types = "cciD..."`); int64 as a double (R has
    /// no 64-bit integer).
    pub fn readr(self) -> char {
        match self {
            ColType::Utf8 | ColType::Utf8List | ColType::SentenceList | ColType::Int32List => 'c',
            ColType::Int16 | ColType::Int32 => 'i',
            ColType::Int64 | ColType::Float64 => 'd',
            ColType::Date32 => 'D',
            ColType::Timestamp => 'T',
        }
    }
}

/// `schema.json`: every table with its files, its columns and their types.
pub fn schema_json(
    tables: &[(&'static str, &'static str, Vec<ColumnInfo>)],
    layout: Layout,
) -> Json {
    let tables: serde_json::Map<String, Json> = tables
        .iter()
        .map(|(name, doc, cols)| {
            let (parquet, csv) = layout.files(name);
            let (parquet, csv) = (layout.parquet.then_some(parquet), layout.csv.then_some(csv));
            let columns: Vec<Json> = cols
                .iter()
                .map(|c| {
                    json!({
                        "name": c.name,
                        "type": c.ty.name(),
                        "nullable": c.nullable,
                        "description": c.doc,
                        "csv_list_separator": c.ty.csv_separator(),
                        "duckdb": c.ty.duckdb(),
                        "pandas_csv": c.ty.pandas_csv(),
                        "polars_csv": c.ty.polars_csv(),
                    })
                })
                .collect();
            let readr: String = cols.iter().map(|c| c.ty.readr()).collect();
            (
                name.to_string(),
                json!({
                    "description": doc,
                    "parquet": parquet,
                    "csv": csv,
                    "readr_col_types": readr,
                    "columns": columns,
                }),
            )
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "generated_by": format!("govreport {}", env!("CARGO_PKG_VERSION")),
        "csv": "UTF-8, header row, RFC 4180 quoting, empty field = null, ISO dates, RFC 3339 UTC times; list columns joined by csv_list_separator",
        "partitioned_by_year": layout.partitioned,
        "tables": tables,
    })
}

/// A string as a SQL literal.
fn sql_text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// `schema.sql`: for DuckDB, one typed `CREATE TABLE` per table, filled from its CSV files
/// with the column types given (lists split back into lists), or from its Parquet files when
/// no CSV was written. Paths are relative to the output directory: run it there
/// (`cd out && duckdb tables.duckdb < schema.sql`).
pub fn schema_sql(
    tables: &[(&'static str, &'static str, Vec<ColumnInfo>)],
    layout: Layout,
) -> String {
    let mut out = format!(
        "-- govreport tables, schema {SCHEMA_VERSION}: typed DuckDB tables loaded from the CSV files\n\
         -- (from the Parquet files when no CSV was written).\n\
         -- Generated with the tables; run it in this folder: duckdb tables.duckdb < schema.sql\n\
         -- (The Parquet files carry these types themselves: SELECT * FROM 'facts.parquet'.)\n"
    );
    for (name, doc, cols) in tables {
        let (parquet, csv) = layout.files(name);
        out.push_str(&format!(
            "\n-- {name}: {doc}\nCREATE OR REPLACE TABLE {name} (\n"
        ));
        let defs: Vec<String> = cols
            .iter()
            .map(|c| {
                let not_null = if c.nullable { "" } else { " NOT NULL" };
                format!("    \"{}\" {}{not_null}", c.name, c.ty.duckdb())
            })
            .collect();
        out.push_str(&defs.join(",\n"));
        out.push_str("\n);\n");
        let csv_types: Vec<String> = cols
            .iter()
            .map(|c| {
                let ty = if c.ty.csv_separator().is_some() {
                    "VARCHAR"
                } else {
                    c.ty.duckdb()
                };
                format!("{}: {}", sql_text(c.name), sql_text(ty))
            })
            .collect();
        let select: Vec<String> = cols
            .iter()
            .map(|c| match c.ty.csv_separator() {
                Some(sep) => format!(
                    "string_split(\"{0}\", {1})::{2} AS \"{0}\"",
                    c.name,
                    sql_text(sep),
                    c.ty.duckdb()
                ),
                None => format!("\"{}\"", c.name),
            })
            .collect();
        if !layout.csv {
            let names: Vec<String> = cols.iter().map(|c| format!("\"{}\"", c.name)).collect();
            out.push_str(&format!(
                "INSERT INTO {name} SELECT {} FROM read_parquet({}, hive_partitioning = false);\n",
                names.join(", "),
                sql_text(&parquet)
            ));
            continue;
        }
        out.push_str(&format!(
            "INSERT INTO {name} SELECT {} FROM read_csv({}, header = true, auto_detect = false, \
             hive_partitioning = false, quote = '\"', escape = '\"', delim = ',', columns = {{{}}});\n",
            select.join(", "),
            sql_text(&csv),
            csv_types.join(", ")
        ));
    }
    out
}
