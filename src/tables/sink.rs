//! Table writers. One `TableSink` writes one table to `<name>.csv` and `<name>.parquet` from
//! the same column definitions; rows are appended as batches finish, so nothing holds a
//! whole table in memory.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use arrow_schema::Schema;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties};

use super::arrow::RecordBatchBuilder;
pub use super::arrow::{arrow_schema, arrow_type, date32};
use super::csv_text::CsvWriter;
pub use super::csv_text::{csv_field, format_float, formula_like, rfc3339_micros, EXCEL_MAX_ROWS};
use super::schema::{
    ColumnInfo, Table, Value, LONG_TEXT_COLUMNS, NO_STATISTICS_COLUMNS, REPEATED_TEXT_COLUMNS,
    SCHEMA_VERSION,
};

/// Rows, or bytes of text, buffered before they become a Parquet record batch (the bytes
/// bound matters for `texts`, whose rows are whole reports).
const BATCH_ROWS: usize = 8192;
const BATCH_BYTES: usize = 8 * 1024 * 1024;
/// A Parquet row group is closed at this many rows or this many buffered bytes.
const ROW_GROUP_ROWS: usize = 128 * 1024;
const ROW_GROUP_BYTES: usize = 16 * 1024 * 1024;

#[derive(Debug, Clone, Copy, Default)]
pub struct SinkOptions {
    /// Write a UTF-8 BOM at the start of CSV files (Excel opens them as UTF-8 then).
    pub csv_bom: bool,
    /// Neutralise text cells Excel would run as a formula (`--excel`): see `formula_like`.
    pub excel_safe: bool,
    /// Write no CSV files (`--formats parquet`).
    pub skip_csv: bool,
}

pub struct TableSink {
    name: &'static str,
    /// Each column's list separator in CSV (`None` for scalar columns).
    separators: Vec<Option<&'static str>>,
    /// `None` under `--formats parquet`.
    csv: Option<CsvWriter<File>>,
    parquet: ArrowWriter<File>,
    builders: RecordBatchBuilder,
    rows: u64,
    /// Bytes of text in the column builders since the last record batch.
    pending_bytes: usize,
    /// Whether the column builders start each batch with room for the last one (faster);
    /// not for the many sinks of a partitioned table, where that room would add up.
    keep_builder_room: bool,
}

impl TableSink {
    /// Opens `<dir>/<stem>.csv` and `<dir>/<stem>.parquet` for the columns.
    pub fn create(
        parquet_path: &Path,
        csv_path: &Path,
        name: &'static str,
        columns: Vec<ColumnInfo>,
        opts: SinkOptions,
    ) -> Result<Self, String> {
        let err = |e: &dyn std::fmt::Display| format!("cannot write table {name}: {e}");
        let csv_dir = (!opts.skip_csv).then(|| csv_path.parent()).flatten();
        for dir in [parquet_path.parent(), csv_dir].into_iter().flatten() {
            std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
        }
        let csv = if opts.skip_csv {
            None
        } else {
            let mut csv_file = File::create(csv_path).map_err(|e| err(&e))?;
            if opts.csv_bom {
                csv_file
                    .write_all("\u{feff}".as_bytes())
                    .map_err(|e| err(&e))?;
            }
            let mut csv = CsvWriter::new(csv_file);
            csv.excel_safe = opts.excel_safe;
            for c in &columns {
                csv.text(c.name);
            }
            csv.end_record().map_err(|e| err(&e))?;
            Some(csv)
        };

        let builders = RecordBatchBuilder::new(&columns);
        let schema: Arc<Schema> = builders.schema().clone();
        let mut kv = vec![KeyValue::new(
            "govreport.schema_version".into(),
            SCHEMA_VERSION.to_string(),
        )];
        kv.extend(
            columns
                .iter()
                .map(|c| KeyValue::new(format!("govreport.column.{}", c.name), c.doc.to_string())),
        );
        let mut props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(
                ZstdLevel::try_new(1).map_err(|e| err(&e))?,
            ))
            .set_dictionary_enabled(true)
            .set_statistics_enabled(EnabledStatistics::Page)
            .set_created_by(format!("govreport {}", env!("CARGO_PKG_VERSION")))
            // The writer keeps a row group's encoded pages in memory until it closes it: close
            // it once it is big enough, so memory stays flat however many documents come.
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_key_value_metadata(Some(kv));
        // Text columns by kind (lists in `schema`): free text without dictionaries, repeated
        // long text with room for its dictionary, and none of them with min/max statistics,
        // which nobody filters free text by and which cost time. Dictionaries are for text.
        for c in &columns {
            let path = parquet::schema::types::ColumnPath::from(c.name);
            if LONG_TEXT_COLUMNS.contains(&c.name) {
                props = props
                    .set_column_dictionary_enabled(path.clone(), false)
                    .set_column_statistics_enabled(path, EnabledStatistics::None);
            } else if REPEATED_TEXT_COLUMNS.contains(&c.name) {
                props = props
                    .set_column_dictionary_page_size_limit(path.clone(), ROW_GROUP_BYTES)
                    .set_column_statistics_enabled(path, EnabledStatistics::None);
            } else if NO_STATISTICS_COLUMNS.contains(&c.name) {
                props = props.set_column_statistics_enabled(path, EnabledStatistics::None);
            } else if !c.ty.is_text() {
                // Numbers and dates are ids, offsets and counts that a dictionary seldom
                // shrinks once zstd has compressed them, while each dictionary costs a hash
                // table per column and file (a tenth of a small run's page faults).
                props = props.set_column_dictionary_enabled(path, false);
            }
        }
        let props = props.build();
        let pq_file = File::create(parquet_path).map_err(|e| err(&e))?;
        let parquet =
            ArrowWriter::try_new(pq_file, schema.clone(), Some(props)).map_err(|e| err(&e))?;
        Ok(TableSink {
            name,
            separators: columns.iter().map(|c| c.ty.csv_separator()).collect(),
            csv,
            parquet,
            builders,
            rows: 0,
            pending_bytes: 0,
            keep_builder_room: true,
        })
    }

    /// `<dir>/<name>.parquet` and `<dir>/<name>.csv`.
    pub fn in_dir(
        dir: &Path,
        name: &'static str,
        columns: Vec<ColumnInfo>,
        opts: SinkOptions,
    ) -> Result<Self, String> {
        let (pq, csv) = (
            dir.join(format!("{name}.parquet")),
            dir.join(format!("{name}.csv")),
        );
        TableSink::create(&pq, &csv, name, columns, opts)
    }

    /// Creates the sink for a table definition.
    pub fn for_table<P, C>(
        dir: &Path,
        table: &Table<P, C>,
        opts: SinkOptions,
    ) -> Result<Self, String> {
        TableSink::in_dir(dir, table.name, table.info(), opts)
    }

    /// Appends one row (the table's column getters applied to `parent`, `child`).
    pub fn append<P, C>(
        &mut self,
        table: &Table<P, C>,
        parent: &P,
        child: &C,
    ) -> Result<(), String> {
        debug_assert_eq!(table.name, self.name);
        let values = table.columns.iter().map(|col| (col.get)(parent, child));
        self.write_row(values)
    }

    /// Appends one row of a table whose columns are only known at run time (`panel`):
    /// `values` in the order of the columns the sink was created with.
    pub fn append_values(&mut self, values: &[Value]) -> Result<(), String> {
        if values.len() != self.builders.width() {
            return Err(format!(
                "{}: a row of {} values for {} columns",
                self.name,
                values.len(),
                self.builders.width()
            ));
        }
        self.write_row(values.iter().cloned())
    }

    /// Writes a row to the CSV file and the Parquet column builders.
    fn write_row<'v>(&mut self, values: impl Iterator<Item = Value<'v>>) -> Result<(), String> {
        let name = self.name;
        for ((v, builder), sep) in values
            .zip(self.builders.column_builders())
            .zip(&self.separators)
        {
            // Fields are written from borrowed text: no allocation per cell.
            if let Value::Str(s) = &v {
                self.pending_bytes += s.len();
            }
            if let Some(csv) = &mut self.csv {
                csv.value(&v, sep.unwrap_or(""));
            }
            builder.append(&v);
        }
        if let Some(csv) = &mut self.csv {
            csv.end_record()
                .map_err(|e| format!("cannot write {name}.csv: {e}"))?;
        }
        self.rows += 1;
        if self.pending_bytes >= BATCH_BYTES || self.builders.len() >= BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> Result<(), String> {
        if self.builders.is_empty() {
            return Ok(());
        }
        self.pending_bytes = 0;
        // Text room kept: a little more than a batch flushes at.
        let keep_room = self
            .keep_builder_room
            .then_some(BATCH_BYTES + BATCH_BYTES / 4);
        let batch = self
            .builders
            .finish(keep_room)
            .map_err(|e| format!("{}: {e}", self.name))?;
        self.parquet
            .write(&batch)
            .map_err(|e| format!("cannot write {}.parquet: {e}", self.name))
    }

    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Memory held for rows not yet in the Parquet file: the text waiting in the column
    /// builders and the writer's open row group.
    fn buffered_bytes(&self) -> usize {
        self.pending_bytes + self.parquet.memory_size()
    }

    /// Writes every buffered row to the Parquet file now, as a row group of its own.
    fn close_row_group(&mut self) -> Result<(), String> {
        self.flush_batch()?;
        self.parquet
            .flush()
            .map_err(|e| format!("cannot write {}.parquet: {e}", self.name))
    }

    /// Flushes and closes both files; returns the row count.
    pub fn finish(mut self) -> Result<u64, String> {
        self.flush_batch()?;
        if let Some(csv) = self.csv.take() {
            csv.finish()
                .map_err(|e| format!("cannot write {}.csv: {e}", self.name))?;
        }
        self.parquet
            .close()
            .map_err(|e| format!("cannot close {}.parquet: {e}", self.name))?;
        Ok(self.rows)
    }
}

/// A table written Hive-style, one directory per report year
/// (`facts/year=2023/part-0.parquet`, `facts/year=unknown/…`), readable as one dataset by
/// pandas, DuckDB, polars, pyarrow and Spark. Every file keeps the typed `report_year`
/// column and has the same schema; the directory key is another name (`year`), so that no
/// reader merges a path value into it, and no directory stands for null (pandas, through
/// pyarrow, cannot read a dictionary-typed partition column holding a null).
pub struct PartitionedSink {
    base: std::path::PathBuf,
    name: &'static str,
    columns: Vec<ColumnInfo>,
    opts: SinkOptions,
    parts: std::collections::BTreeMap<Option<i32>, TableSink>,
    /// Bytes the partitions may buffer together (see `PARTITIONS_BUFFER_BYTES`).
    buffer_budget: usize,
    /// Rows appended since the partitions' buffers were last measured.
    rows_since_check: usize,
}

/// What the partitions of one table may buffer together before the largest writes its rows
/// out as a row group: as much as one unpartitioned sink holds at most. Without it, each
/// year's sink would hold its own open row group and pending batch, and memory would grow
/// with the number of years.
const PARTITIONS_BUFFER_BYTES: usize = ROW_GROUP_BYTES + BATCH_BYTES;
/// Rows appended between two measurements of the partitions' buffers (measuring asks every
/// column writer of every partition).
const PARTITION_CHECK_ROWS: usize = 256;

/// The key of the partition directories (`year=2023`); the column they split by is
/// `report_year`, which every file keeps.
pub const PARTITION_KEY: &str = "year";
/// The directory value for rows without a report year.
const UNKNOWN_YEAR: &str = "unknown";
/// The data file in each partition directory (`.parquet`, `.csv`).
pub const PARTITION_FILE_STEM: &str = "part-0";

/// `year=2023`, or `year=unknown` for an unknown year.
pub fn partition_dir(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("{PARTITION_KEY}={y}"),
        None => format!("{PARTITION_KEY}={UNKNOWN_YEAR}"),
    }
}

/// The year of a directory named by `partition_dir`; `None` for any other name.
pub fn partition_year(dir_name: &str) -> Option<Option<i32>> {
    let value = dir_name.strip_prefix(PARTITION_KEY)?.strip_prefix('=')?;
    if value == UNKNOWN_YEAR {
        return Some(None);
    }
    value.parse().ok().map(Some)
}

impl PartitionedSink {
    pub fn for_table<P, C>(dir: &Path, table: &Table<P, C>, opts: SinkOptions) -> Self {
        PartitionedSink {
            base: dir.to_path_buf(),
            name: table.name,
            columns: table.info(),
            opts,
            parts: Default::default(),
            buffer_budget: PARTITIONS_BUFFER_BYTES,
            rows_since_check: 0,
        }
    }

    /// The same sink with another budget for the partitions' buffers (tests use a small one).
    pub fn with_buffer_budget(mut self, bytes: usize) -> Self {
        self.buffer_budget = bytes;
        self
    }

    /// Appends a row to the partition of `year` (null years go to Hive's default partition).
    pub fn append<P, C>(
        &mut self,
        table: &Table<P, C>,
        year: Option<i32>,
        parent: &P,
        child: &C,
    ) -> Result<(), String> {
        if !self.parts.contains_key(&year) {
            // Parquet and CSV datasets live in separate trees so that each reader sees one
            // format: facts/year=2023/part-0.parquet, csv/facts/year=2023/part-0.csv
            let part = partition_dir(year);
            let pq = self
                .base
                .join(self.name)
                .join(&part)
                .join(format!("{PARTITION_FILE_STEM}.parquet"));
            let csv = self
                .base
                .join("csv")
                .join(self.name)
                .join(&part)
                .join(format!("{PARTITION_FILE_STEM}.csv"));
            let mut sink =
                TableSink::create(&pq, &csv, self.name, self.columns.clone(), self.opts)?;
            sink.keep_builder_room = false;
            self.parts.insert(year, sink);
        }
        self.parts
            .get_mut(&year)
            .expect("inserted above")
            .append(table, parent, child)?;
        self.rows_since_check += 1;
        if self.rows_since_check >= PARTITION_CHECK_ROWS {
            self.rows_since_check = 0;
            self.bound_buffers()?;
        }
        Ok(())
    }

    /// While the partitions buffer more than the budget together, the one holding the most
    /// writes its rows out as a row group. Decided by the rows alone, so the files are the
    /// same on every run.
    fn bound_buffers(&mut self) -> Result<(), String> {
        loop {
            let total: usize = self.parts.values().map(TableSink::buffered_bytes).sum();
            if total <= self.buffer_budget {
                return Ok(());
            }
            let Some(largest) = self.parts.values_mut().max_by_key(|s| s.buffered_bytes()) else {
                return Ok(());
            };
            let before = largest.buffered_bytes();
            largest.close_row_group()?;
            // What a writer still holds once its rows are out cannot be written out: stop
            // rather than close empty row groups forever.
            if largest.buffered_bytes() >= before {
                return Ok(());
            }
        }
    }

    pub fn finish(self) -> Result<u64, String> {
        let mut rows = 0;
        for (_, sink) in self.parts {
            rows += sink.finish()?;
        }
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_directories_name_their_year() {
        assert_eq!(partition_dir(Some(2023)), "year=2023");
        assert_eq!(partition_dir(None), "year=unknown");
        for year in [Some(2023), None] {
            assert_eq!(partition_year(&partition_dir(year)), Some(year));
        }
        assert_eq!(partition_year("year=abc"), None);
        assert_eq!(partition_year("facts"), None);
    }
}

#[cfg(test)]
mod partition_tests {
    use super::*;
    use crate::model::Reject;
    use crate::tables::schema::REJECTS;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    /// Row groups and rows of a Parquet file.
    fn row_groups_and_rows(path: &Path) -> (usize, i64) {
        let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
        let meta = reader.metadata();
        (meta.num_row_groups(), meta.file_metadata().num_rows())
    }

    /// Writes `rows` rejects spread over three partitions (one of them the null year).
    fn write_partitioned(dir: &Path, budget: usize, rows: usize) -> Vec<(Option<i32>, usize)> {
        let mut sink = PartitionedSink::for_table(dir, &REJECTS, SinkOptions::default())
            .with_buffer_budget(budget);
        let years = [Some(2022), Some(2023), None];
        let mut per_year = vec![0; years.len()];
        for i in 0..rows {
            let r = Reject {
                source_path: format!("区县/报告{i:05}.txt"),
                stage: "ingest",
                error: format!("第{i}个文件是空的：法治政府建设年度报告没有正文"),
                source_bytes: i as u64,
            };
            let y = (i / 7) % years.len();
            per_year[y] += 1;
            sink.append(&REJECTS, years[y], &(), &r).unwrap();
        }
        assert_eq!(sink.finish().unwrap(), rows as u64);
        years.into_iter().zip(per_year).collect()
    }

    fn part_file(dir: &Path, year: Option<i32>) -> std::path::PathBuf {
        dir.join("rejects")
            .join(partition_dir(year))
            .join(format!("{PARTITION_FILE_STEM}.parquet"))
    }

    #[test]
    fn partitions_over_their_shared_budget_write_row_groups_early() {
        let tmp = tempfile::tempdir().unwrap();
        // A budget smaller than one check's rows: every check closes row groups.
        let counts = write_partitioned(tmp.path(), 1, 4000);
        for (year, n) in counts {
            let (groups, rows) = row_groups_and_rows(&part_file(tmp.path(), year));
            assert_eq!(rows, n as i64, "no row lost in {year:?}");
            assert!(groups > 1, "{year:?}: {groups} row group(s) for {n} rows");
        }
    }

    #[test]
    fn partitions_within_their_budget_keep_one_row_group() {
        let tmp = tempfile::tempdir().unwrap();
        let counts = write_partitioned(tmp.path(), PARTITIONS_BUFFER_BYTES, 4000);
        for (year, n) in counts {
            assert_eq!(
                row_groups_and_rows(&part_file(tmp.path(), year)),
                (1, n as i64)
            );
        }
    }
}
