//! Where an incremental dataset's rows live: each table is a folder of part files, one part
//! per writing pass (`facts/part-000003.parquet` and `csv/facts/part-000003.csv`; with
//! `--partition-by-year`, `facts/year=2023/part-000003.parquet`). A pass's tables
//! become new parts; a part that holds rows of changed or removed files is written again
//! without them, under a temporary name then renamed, so no file of the previous dataset is
//! ever written to.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Float64Type, Int16Type, Int32Type, Int64Type, TimestampMicrosecondType,
};
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::indicators::Taxonomy;
use crate::tables::schema::{self, ColumnInfo, Items, Value};
use crate::tables::sink::{partition_dir, SinkOptions, TableSink};

/// Tables with one row per document or per thing in it: partitioned by year on request.
pub const PER_DOCUMENT: [&str; 5] = ["documents", "texts", "sections", "facts", "dates"];
/// Tables never partitioned: rejects (no year) and the analysis tables (as in a full run).
pub const UNPARTITIONED: [&str; 3] = ["rejects", "indicators", "panel"];

/// `part-000007`.
fn part_stem(part: u32) -> String {
    format!("part-{part:06}")
}

/// The Parquet file of `table` for `part` (`year`: `Some` for a partitioned table).
pub fn parquet_rel(table: &str, year: Option<Option<i32>>, part: u32) -> String {
    match year {
        Some(y) => format!("{table}/{}/{}.parquet", partition_dir(y), part_stem(part)),
        None => format!("{table}/{}.parquet", part_stem(part)),
    }
}

/// The CSV twin of a Parquet part file.
pub fn csv_rel(parquet_rel: &str) -> String {
    let stem = parquet_rel.strip_suffix(".parquet").unwrap_or(parquet_rel);
    format!("csv/{stem}.csv")
}

/// The table a part file belongs to (its first path component).
pub fn table_of(rel: &str) -> &str {
    rel.split('/').next().unwrap_or(rel)
}

/// The part files a document's rows can be in.
pub fn files_of_document(part: u32, year: Option<i32>, partitioned: bool) -> Vec<String> {
    let per_doc = PER_DOCUMENT
        .iter()
        .map(|t| parquet_rel(t, partitioned.then_some(year), part));
    let analysis = ["indicators", "panel"]
        .iter()
        .map(|t| parquet_rel(t, None, part));
    per_doc.chain(analysis).collect()
}

/// The part file a reject's row is in.
pub fn file_of_reject(part: u32) -> String {
    parquet_rel("rejects", None, part)
}

/// Rows of a Parquet file, from its footer.
pub fn parquet_rows(path: &Path) -> Result<u64, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(builder.metadata().file_metadata().num_rows().max(0) as u64)
}

/// Moves the tables a pass wrote into `pass_dir` (laid out as a full run lays them out) into
/// `out` as part `part`. Returns each new Parquet part (relative to `out`) and its rows;
/// empty files are dropped.
pub fn adopt_pass(
    pass_dir: &Path,
    out: &Path,
    part: u32,
    partitioned: bool,
) -> Result<Vec<(String, u64)>, String> {
    let mut moves: Vec<(PathBuf, PathBuf, String)> = Vec::new();
    let flat = |table: &str| {
        (
            pass_dir.join(format!("{table}.parquet")),
            pass_dir.join(format!("{table}.csv")),
            parquet_rel(table, None, part),
        )
    };
    for table in PER_DOCUMENT {
        if !partitioned {
            moves.push(flat(table));
            continue;
        }
        let Ok(years) = fs::read_dir(pass_dir.join(table)) else {
            continue; // no rows in any year
        };
        for entry in years.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(year) = crate::tables::sink::partition_year(&name) else {
                continue;
            };
            let stem = crate::tables::sink::PARTITION_FILE_STEM;
            moves.push((
                entry.path().join(format!("{stem}.parquet")),
                pass_dir
                    .join("csv")
                    .join(table)
                    .join(&name)
                    .join(format!("{stem}.csv")),
                parquet_rel(table, Some(year), part),
            ));
        }
    }
    for table in UNPARTITIONED {
        moves.push(flat(table));
    }
    let mut adopted = Vec::new();
    for (pq, csv, rel) in moves {
        let rows = parquet_rows(&pq)?;
        if rows == 0 {
            continue;
        }
        let (to_pq, to_csv) = (out.join(&rel), out.join(csv_rel(&rel)));
        // No CSV twin under `--formats parquet`.
        let csv_written = csv.exists();
        for (from, to) in [(&pq, &to_pq), (&csv, &to_csv)] {
            if !csv_written && from == &csv {
                continue;
            }
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            fs::rename(from, to)
                .map_err(|e| format!("cannot move {} to {}: {e}", from.display(), to.display()))?;
        }
        adopted.push((rel, rows));
    }
    Ok(adopted)
}

/// Hard-links the previous dataset's part files (Parquet and CSV) into the run's directory:
/// no byte is copied, and the previous files are never written to (a part that changes is
/// written under a new name and renamed over its link). Copies where links are refused.
pub fn link_parts<'a>(
    from: &Path,
    to: &Path,
    parts: impl Iterator<Item = &'a String>,
) -> Result<(), String> {
    for rel in parts {
        for rel in [rel.clone(), csv_rel(rel)] {
            let (src, dst) = (from.join(&rel), to.join(&rel));
            if !src.exists() {
                continue; // a CSV twin not written (`--formats parquet`)
            }
            if let Some(parent) = dst.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            if fs::hard_link(&src, &dst).is_err() {
                fs::copy(&src, &dst).map_err(|e| {
                    format!(
                        "cannot take {} from the previous dataset: {e}",
                        src.display()
                    )
                })?;
            }
        }
    }
    Ok(())
}

/// The columns of a table's part files.
fn part_columns(table: &str, taxonomy: &'static Taxonomy) -> Result<Vec<ColumnInfo>, String> {
    Ok(match table {
        "documents" => schema::DOCUMENTS.info(),
        "texts" => schema::TEXTS.info(),
        "sections" => schema::SECTIONS.info(),
        "facts" => schema::FACTS.info(),
        "dates" => schema::DATES.info(),
        "rejects" => schema::REJECTS.info(),
        "indicators" => crate::analysis::indicator_columns(),
        "panel" => crate::analysis::panel_columns(taxonomy),
        other => return Err(format!("the catalog names an unknown table {other}")),
    })
}

/// Writes part `rel` of `out` again without the rows whose key (`source_path` for rejects,
/// `doc_id` otherwise) is in `drop`, in both formats. Returns the rows left; a part left
/// empty is removed.
pub fn rewrite_without(
    out: &Path,
    rel: &str,
    drop: &HashSet<&str>,
    opts: SinkOptions,
    taxonomy: &'static Taxonomy,
) -> Result<u64, String> {
    let table = table_of(rel);
    let name: &'static str = PER_DOCUMENT
        .iter()
        .chain(UNPARTITIONED.iter())
        .find(|t| **t == table)
        .ok_or_else(|| format!("the catalog names an unknown table {table}"))?;
    let key = if name == "rejects" {
        "source_path"
    } else {
        "doc_id"
    };
    let (pq, csv) = (out.join(rel), out.join(csv_rel(rel)));
    let (new_pq, new_csv) = (
        out.join(format!("{rel}.rewrite")),
        out.join(format!("{}.rewrite", csv_rel(rel))),
    );
    let err = |e: &dyn std::fmt::Display| format!("cannot rewrite {rel}: {e}");
    let file = fs::File::open(&pq).map_err(|e| err(&e))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.build())
        .map_err(|e| err(&e))?;
    let mut sink = TableSink::create(&new_pq, &new_csv, name, part_columns(name, taxonomy)?, opts)?;
    for batch in reader {
        let batch = batch.map_err(|e| err(&e))?;
        let mut row: Vec<Value> = Vec::with_capacity(batch.num_columns());
        let keys = batch
            .column_by_name(key)
            .and_then(|c| c.as_string_opt::<i32>())
            .ok_or_else(|| err(&format!("no {key} column")))?;
        for i in 0..batch.num_rows() {
            if drop.contains(keys.value(i)) {
                continue;
            }
            row.clear();
            row.extend(batch.columns().iter().map(|c| cell(c, i)));
            sink.append_values(&row)?;
        }
    }
    let rows = sink.finish()?;
    let pairs = [(&new_pq, &pq), (&new_csv, &csv)];
    for (new, old) in pairs.into_iter().filter(|(new, _)| new.exists()) {
        if rows == 0 {
            fs::remove_file(new).map_err(|e| err(&e))?;
            fs::remove_file(old).map_err(|e| err(&e))?;
        } else {
            fs::rename(new, old).map_err(|e| err(&e))?;
        }
    }
    Ok(rows)
}

/// One cell of a column read back, as the writers take it.
fn cell(col: &ArrayRef, i: usize) -> Value<'_> {
    if col.is_null(i) {
        return Value::Null;
    }
    match col.data_type() {
        DataType::Utf8 => Value::s(col.as_string::<i32>().value(i)),
        DataType::Int16 => Value::Int(col.as_primitive::<Int16Type>().value(i).into()),
        DataType::Int32 => Value::Int(col.as_primitive::<Int32Type>().value(i).into()),
        DataType::Int64 => Value::Int(col.as_primitive::<Int64Type>().value(i)),
        DataType::Float64 => Value::Float(col.as_primitive::<Float64Type>().value(i)),
        DataType::Date32 => {
            let days = col.as_primitive::<Date32Type>().value(i);
            chrono::NaiveDate::from_num_days_from_ce_opt(days + EPOCH_DAYS_FROM_CE)
                .map_or(Value::Null, Value::Date)
        }
        DataType::Timestamp(_, _) => {
            Value::Timestamp(col.as_primitive::<TimestampMicrosecondType>().value(i))
        }
        DataType::List(_) => {
            // The row's items are a range of the list's values array, borrowed as they are.
            let list = col.as_list::<i32>();
            let offsets = list.value_offsets();
            let (start, end) = (offsets[i] as usize, offsets[i + 1] as usize);
            let values = list.values();
            if let Some(text) = values.as_string_opt::<i32>() {
                Value::list(Items::ArrowText(text, start, end))
            } else if let Some(ints) = values.as_primitive_opt::<Int32Type>() {
                Value::list(Items::ArrowInts(ints, start, end))
            } else {
                Value::Null
            }
        }
        _ => Value::Null,
    }
}

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// Every Parquet part of `table` in `parts`.
pub fn parts_of<'a>(
    parts: impl Iterator<Item = &'a String>,
    table: &'a str,
) -> impl Iterator<Item = &'a String> {
    parts.filter(move |rel| table_of(rel) == table)
}

/// Per indicator (in its panel unit): documents reporting it, total and median, over every
/// panel part of the dataset (the run report's top indicators).
pub fn panel_summary(
    out: &Path,
    panel_parts: &[&String],
    taxonomy: &'static Taxonomy,
) -> Result<Vec<(String, u64, f64, f64)>, String> {
    let codes: Vec<&'static str> = taxonomy.codes().collect();
    let mut values: rustc_hash::FxHashMap<&'static str, Vec<f64>> = Default::default();
    for rel in panel_parts {
        let err = |e: &dyn std::fmt::Display| format!("cannot read {rel}: {e}");
        let file = fs::File::open(out.join(rel)).map_err(|e| err(&e))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.build())
            .map_err(|e| err(&e))?;
        for batch in reader {
            let batch = batch.map_err(|e| err(&e))?;
            for code in &codes {
                let Some(col) = taxonomy
                    .main_panel_column(code)
                    .and_then(|name| batch.column_by_name(name))
                else {
                    continue;
                };
                let col = col.as_primitive::<Float64Type>();
                if col.null_count() < col.len() {
                    values.entry(code).or_default().extend(col.iter().flatten());
                }
            }
        }
    }
    Ok(crate::analysis::summarize(values))
}

/// Writes an empty part of `table` (its columns, no rows) and returns its Parquet path.
pub fn write_empty_part(
    out: &Path,
    table: &str,
    part: u32,
    opts: SinkOptions,
    taxonomy: &'static Taxonomy,
) -> Result<String, String> {
    let name: &'static str = PER_DOCUMENT
        .iter()
        .chain(UNPARTITIONED.iter())
        .find(|t| **t == table)
        .ok_or_else(|| format!("unknown table {table}"))?;
    let rel = parquet_rel(name, None, part);
    let sink = TableSink::create(
        &out.join(&rel),
        &out.join(csv_rel(&rel)),
        name,
        part_columns(name, taxonomy)?,
        opts,
    )?;
    sink.finish()?;
    Ok(rel)
}

/// Removes a part file and its CSV twin (links in the run's directory).
pub fn remove_part(out: &Path, rel: &str) -> Result<(), String> {
    for f in [out.join(rel), out.join(csv_rel(rel))] {
        if f.exists() {
            fs::remove_file(&f).map_err(|e| format!("cannot remove {}: {e}", f.display()))?;
        }
    }
    Ok(())
}

/// Whether every part file (and its CSV twin, when CSV is written) is in `out`.
pub fn all_present<'a>(out: &Path, mut parts: impl Iterator<Item = &'a String>, csv: bool) -> bool {
    parts.all(|rel| out.join(rel).is_file() && (!csv || out.join(csv_rel(rel)).is_file()))
}
