//! Reading back the documents and facts the run wrote, with the Parquet reader the writers
//! use (arrow's), a slice of rows at a time: only the row groups that hold the slice are
//! decoded, and only the columns the stage needs.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type};
use arrow_array::{Array, PrimitiveArray, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;

use super::TablePart;

/// Rows decoded at a time; the slice's batches are kept together (one chunk of documents).
const BATCH_ROWS: usize = 16 * 1024;

/// Rows `start..start + count` (all rows for `None`) of some columns of a Parquet file.
fn read_rows(
    path: &Path,
    columns: &[&str],
    rows: Option<(usize, usize)>,
) -> Result<Vec<RecordBatch>, String> {
    let err = |e: &dyn std::fmt::Display| format!("cannot read {}: {e}", path.display());
    let file = File::open(path).map_err(|e| err(&e))?;
    let mut builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| err(&e))?;
    if let Some((start, count)) = rows {
        if count == 0 {
            return Ok(Vec::new());
        }
        // The row groups that overlap the slice, and where it starts in the first of them.
        let (mut groups, mut offset, mut group_start) = (Vec::new(), 0, 0);
        for (i, group) in builder.metadata().row_groups().iter().enumerate() {
            let group_end = group_start + group.num_rows().max(0) as usize;
            if group_end > start && group_start < start + count {
                if groups.is_empty() {
                    offset = start - group_start;
                }
                groups.push(i);
            }
            group_start = group_end;
        }
        if groups.is_empty() {
            return Ok(Vec::new());
        }
        builder = builder
            .with_row_groups(groups)
            .with_offset(offset)
            .with_limit(count);
    }
    let mask = ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
    let reader = builder
        .with_projection(mask)
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|e| err(&e))?;
    let batches: Vec<RecordBatch> = reader
        .map(|b| b.map_err(|e| err(&e)))
        .collect::<Result<_, _>>()?;
    // A column the file lacks is left out of the projection silently: say so here.
    if let Some(first) = batches.first() {
        if let Some(missing) = columns.iter().find(|c| first.column_by_name(c).is_none()) {
            return Err(err(&format!("no {missing} column")));
        }
    }
    Ok(batches)
}

/// A column of a batch read back, as the type the schema gives it.
fn column<'a, T>(
    batch: &'a RecordBatch,
    name: &str,
    cast: impl Fn(&'a dyn Array) -> Option<&'a T>,
) -> Result<&'a T, String> {
    batch
        .column_by_name(name)
        .and_then(|c| cast(c.as_ref()))
        .ok_or_else(|| format!("the {name} column is missing or not of its schema's type"))
}

pub(super) fn text<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a StringArray, String> {
    column(batch, name, |c| c.as_string_opt::<i32>())
}

pub(super) fn int32<'a>(
    batch: &'a RecordBatch,
    name: &str,
) -> Result<&'a PrimitiveArray<Int32Type>, String> {
    column(batch, name, |c| c.as_primitive_opt::<Int32Type>())
}

pub(super) fn float64<'a>(
    batch: &'a RecordBatch,
    name: &str,
) -> Result<&'a PrimitiveArray<Float64Type>, String> {
    column(batch, name, |c| c.as_primitive_opt::<Float64Type>())
}

pub(super) fn date32<'a>(
    batch: &'a RecordBatch,
    name: &str,
) -> Result<&'a PrimitiveArray<Date32Type>, String> {
    column(batch, name, |c| c.as_primitive_opt::<Date32Type>())
}

/// `n_facts` of every document of a part, in file order.
pub(super) fn facts_per_document(part: &TablePart) -> Result<Vec<i64>, String> {
    let mut counts = Vec::new();
    for batch in read_rows(&part.documents, &["n_facts"], None)? {
        counts.extend(
            int32(&batch, "n_facts")?
                .iter()
                .map(|n| n.map_or(0, i64::from)),
        );
    }
    Ok(counts)
}

/// The document columns the output tables repeat.
pub(super) struct DocRow {
    pub doc_id: String,
    pub source_path: String,
    pub organization: Option<String>,
    pub org_short: Option<String>,
    pub admin_level: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub division_code: Option<String>,
    pub report_year: Option<i32>,
    pub doc_kind: String,
    pub duplicate_of: Option<String>,
}

pub(super) struct DocInfo {
    pub rows: Vec<DocRow>,
}

/// Documents `start..start + count` of a documents file, in file order.
pub(super) fn read_documents(
    part: &TablePart,
    start: usize,
    count: usize,
) -> Result<DocInfo, String> {
    let cols = [
        "doc_id",
        "source_path",
        "organization",
        "org_short",
        "admin_level",
        "province",
        "city",
        "county",
        "division_code",
        "doc_kind",
        "report_year",
        "duplicate_of",
    ];
    let mut rows = Vec::new();
    for batch in read_rows(&part.documents, &cols, Some((start, count)))? {
        let owned = |name: &str| -> Result<Vec<Option<String>>, String> {
            Ok(text(&batch, name)?
                .iter()
                .map(|v| v.map(String::from))
                .collect())
        };
        let years: Vec<Option<i32>> = int32(&batch, "report_year")?.iter().collect();
        let (mut ids, mut paths, mut orgs, mut shorts, mut levels) = (
            owned("doc_id")?,
            owned("source_path")?,
            owned("organization")?,
            owned("org_short")?,
            owned("admin_level")?,
        );
        let (mut provinces, mut cities, mut counties, mut codes, mut kinds, mut dups) = (
            owned("province")?,
            owned("city")?,
            owned("county")?,
            owned("division_code")?,
            owned("doc_kind")?,
            owned("duplicate_of")?,
        );
        rows.extend((0..batch.num_rows()).map(|i| DocRow {
            doc_id: ids[i].take().unwrap_or_default(),
            source_path: paths[i].take().unwrap_or_default(),
            organization: orgs[i].take(),
            org_short: shorts[i].take(),
            admin_level: levels[i].take(),
            province: provinces[i].take(),
            city: cities[i].take(),
            county: counties[i].take(),
            division_code: codes[i].take(),
            report_year: years[i],
            doc_kind: kinds[i].take().unwrap_or_default(),
            duplicate_of: dups[i].take(),
        }));
    }
    Ok(DocInfo { rows })
}

/// The facts of a chunk of documents as read (the columns `aggregate` needs), and the
/// chunk-local index of the document each row belongs to.
pub(super) struct ChunkFacts {
    pub batches: Vec<RecordBatch>,
    pub doc_index: Vec<u32>,
}

/// The facts columns the stage reads.
pub(super) const FACT_COLUMNS: [&str; 8] = [
    "doc_id",
    "fact_id",
    "indicator",
    "unit_normalized",
    "value_normalized",
    "breakdown_of",
    "relation",
    "as_of_date",
];

/// The facts of a chunk of documents whose first fact is row `first_row` of the facts file
/// and whose fact counts are `n_facts`. Facts are matched to documents by position, not by
/// doc_id (doc_ids are unique per row since schema 2.0; position needs no lookup either way).
pub(super) fn chunk_facts(
    path: &Path,
    first_row: usize,
    n_facts: &[i64],
    docs: &[DocRow],
) -> Result<ChunkFacts, String> {
    let n_rows: i64 = n_facts.iter().sum();
    let batches = read_rows(path, &FACT_COLUMNS, Some((first_row, n_rows as usize)))?;
    let mut doc_index: Vec<u32> = Vec::with_capacity(n_rows as usize);
    for (i, &n) in n_facts.iter().enumerate() {
        doc_index.extend(std::iter::repeat_n(i as u32, n as usize));
    }
    // The pipeline writes each document's facts right after the previous one's; anything
    // else is a bug, reported rather than aggregated into the wrong report.
    let mut ids = Vec::with_capacity(batches.len());
    for batch in &batches {
        ids.push(text(batch, "doc_id")?);
    }
    let out_of_step = doc_index.len() != ids.iter().map(|a| a.len()).sum::<usize>()
        || doc_index
            .iter()
            .zip(ids.iter().flat_map(|a| a.iter()))
            .any(|(&o, id)| id != Some(docs[o as usize].doc_id.as_str()));
    if out_of_step {
        return Err(format!(
            "the facts table is out of step with documents.n_facts near fact row {first_row}"
        ));
    }
    Ok(ChunkFacts { batches, doc_index })
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{ArrayRef, Int32Array};
    use parquet::arrow::ArrowWriter;
    use parquet::file::properties::WriterProperties;
    use std::sync::Arc;

    /// A one-column file of 0..rows in row groups of `group_rows`.
    fn numbers(path: &Path, rows: i32, group_rows: usize) {
        let column: ArrayRef = Arc::new(Int32Array::from_iter_values(0..rows));
        let batch = RecordBatch::try_from_iter([("n", column)]).unwrap();
        let props = WriterProperties::builder()
            .set_max_row_group_row_count(Some(group_rows))
            .build();
        let file = File::create(path).unwrap();
        let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(props)).unwrap();
        writer.write(&batch).unwrap();
        writer.close().unwrap();
    }

    fn read(path: &Path, rows: Option<(usize, usize)>) -> Vec<i32> {
        read_rows(path, &["n"], rows)
            .unwrap()
            .iter()
            .flat_map(|b| int32(b, "n").unwrap().values().to_vec())
            .collect()
    }

    #[test]
    fn a_slice_is_its_rows_whichever_row_groups_hold_them() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("n.parquet");
        numbers(&path, 100, 7);
        assert_eq!(read(&path, None), (0..100).collect::<Vec<_>>());
        for (start, count) in [
            (0, 7),
            (3, 20),
            (7, 7),
            (13, 1),
            (90, 10),
            (95, 50),
            (0, 100),
        ] {
            let end = (start + count).min(100) as i32;
            assert_eq!(
                read(&path, Some((start, count))),
                (start as i32..end).collect::<Vec<_>>(),
                "rows {start}..+{count}"
            );
        }
        assert!(read(&path, Some((100, 5))).is_empty());
        assert!(read(&path, Some((10, 0))).is_empty());
    }

    #[test]
    fn a_missing_column_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("n.parquet");
        numbers(&path, 10, 4);
        let err = read_rows(&path, &["n", "fact_id"], None).unwrap_err();
        assert!(err.contains("no fact_id column"), "{err}");
    }
}
