//! Records to Arrow: the column builders that turn a table's rows (its column getters, from
//! `schema`) into `RecordBatch`es of exactly the table's Arrow schema. The Parquet writer
//! (`sink`, run only) and the library's batch API (`crate::batch`) both build batches here.

use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, Date32Builder, Float64Builder, Int16Builder, Int32Builder, Int64Builder,
    ListBuilder, StringBuilder, TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use chrono::NaiveDate;

use super::schema::{ColType, ColumnInfo, Table, Value, SCHEMA_VERSION};

/// One column's Arrow builder, of the column's type.
pub(crate) enum ColumnBuilder {
    Utf8(StringBuilder),
    Int16(Int16Builder),
    Int32(Int32Builder),
    Int64(Int64Builder),
    Float64(Float64Builder),
    Date32(Date32Builder),
    Timestamp(TimestampMicrosecondBuilder),
    Utf8List(ListBuilder<StringBuilder>),
    Int32List(ListBuilder<Int32Builder>),
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
}

/// The time zone of timestamp columns.
const UTC: &str = "UTC";

pub fn date32(d: NaiveDate) -> i32 {
    (d - epoch()).num_days() as i32
}

impl ColumnBuilder {
    fn new(ty: ColType) -> Self {
        match ty {
            ColType::Utf8 => ColumnBuilder::Utf8(StringBuilder::new()),
            ColType::Int16 => ColumnBuilder::Int16(Int16Builder::new()),
            ColType::Int32 => ColumnBuilder::Int32(Int32Builder::new()),
            ColType::Int64 => ColumnBuilder::Int64(Int64Builder::new()),
            ColType::Float64 => ColumnBuilder::Float64(Float64Builder::new()),
            ColType::Date32 => ColumnBuilder::Date32(Date32Builder::new()),
            ColType::Timestamp => {
                ColumnBuilder::Timestamp(TimestampMicrosecondBuilder::new().with_timezone(UTC))
            }
            ColType::Utf8List | ColType::SentenceList => {
                ColumnBuilder::Utf8List(ListBuilder::new(StringBuilder::new()))
            }
            ColType::Int32List => ColumnBuilder::Int32List(ListBuilder::new(Int32Builder::new())),
        }
    }

    /// Appends a value; a value of the wrong kind for the column is a programming error in
    /// the table definitions and caught by the round-trip tests. Inlined into the row loop
    /// (as are the CSV writer's `value` and `push_rfc4180_field`): a run writes millions of
    /// cells, and the calls cost more than some of the cells.
    #[inline(always)]
    pub(crate) fn append(&mut self, v: &Value) {
        match (self, v) {
            (ColumnBuilder::Utf8(b), Value::Str(s)) => b.append_value(s),
            (ColumnBuilder::Int16(b), Value::Int(i)) => b.append_value(*i as i16),
            (ColumnBuilder::Int32(b), Value::Int(i)) => b.append_value(*i as i32),
            (ColumnBuilder::Int64(b), Value::Int(i)) => b.append_value(*i),
            (ColumnBuilder::Float64(b), Value::Float(f)) => b.append_value(*f),
            (ColumnBuilder::Date32(b), Value::Date(d)) => b.append_value(date32(*d)),
            (ColumnBuilder::Timestamp(b), Value::Timestamp(t)) => b.append_value(*t),
            (ColumnBuilder::Utf8List(b), Value::List(items)) if !items.is_int() => {
                for k in 0..items.len() {
                    b.values().append_option(items.text(k));
                }
                b.append(true);
            }
            (ColumnBuilder::Int32List(b), Value::List(items)) if items.is_int() => {
                for k in 0..items.len() {
                    b.values().append_option(items.int(k).map(|i| i as i32));
                }
                b.append(true);
            }
            (ColumnBuilder::Utf8List(b), _) => b.append_null(),
            (ColumnBuilder::Int32List(b), _) => b.append_null(),
            (ColumnBuilder::Utf8(b), _) => b.append_null(),
            (ColumnBuilder::Int16(b), _) => b.append_null(),
            (ColumnBuilder::Int32(b), _) => b.append_null(),
            (ColumnBuilder::Int64(b), _) => b.append_null(),
            (ColumnBuilder::Float64(b), _) => b.append_null(),
            (ColumnBuilder::Date32(b), _) => b.append_null(),
            (ColumnBuilder::Timestamp(b), _) => b.append_null(),
        }
    }

    /// The batch so far as an array. With `keep_room`, the builder starts again with room
    /// for a batch like this one plus an eighth (arrow's `finish` leaves it with none, and it
    /// would grow back by doubling, copying and touching fresh pages each time). Text is kept
    /// up to `keep_text_bytes` (the writer's choice: a little more than it flushes a batch
    /// at), so that room never outgrows what the builder held anyway.
    fn finish(&mut self, keep_room: Option<usize>) -> ArrayRef {
        let Some(keep_text_bytes) = keep_room else {
            return match self {
                ColumnBuilder::Utf8(b) => Arc::new(b.finish()),
                ColumnBuilder::Int16(b) => Arc::new(b.finish()),
                ColumnBuilder::Int32(b) => Arc::new(b.finish()),
                ColumnBuilder::Int64(b) => Arc::new(b.finish()),
                ColumnBuilder::Float64(b) => Arc::new(b.finish()),
                ColumnBuilder::Date32(b) => Arc::new(b.finish()),
                ColumnBuilder::Timestamp(b) => Arc::new(b.finish()),
                ColumnBuilder::Utf8List(b) => Arc::new(b.finish()),
                ColumnBuilder::Int32List(b) => Arc::new(b.finish()),
            };
        };
        let rows = self.len();
        match self {
            ColumnBuilder::Utf8(b) => {
                let bytes = b.values_slice().len();
                let next = StringBuilder::with_capacity(
                    rows + rows / 8,
                    (bytes + bytes / 8).min(keep_text_bytes),
                );
                Arc::new(std::mem::replace(b, next).finish())
            }
            ColumnBuilder::Int16(b) => {
                Arc::new(std::mem::replace(b, Int16Builder::with_capacity(rows)).finish())
            }
            ColumnBuilder::Int32(b) => {
                Arc::new(std::mem::replace(b, Int32Builder::with_capacity(rows)).finish())
            }
            ColumnBuilder::Int64(b) => {
                Arc::new(std::mem::replace(b, Int64Builder::with_capacity(rows)).finish())
            }
            ColumnBuilder::Float64(b) => {
                Arc::new(std::mem::replace(b, Float64Builder::with_capacity(rows)).finish())
            }
            ColumnBuilder::Date32(b) => {
                Arc::new(std::mem::replace(b, Date32Builder::with_capacity(rows)).finish())
            }
            ColumnBuilder::Timestamp(b) => {
                let next = TimestampMicrosecondBuilder::with_capacity(rows).with_timezone(UTC);
                Arc::new(std::mem::replace(b, next).finish())
            }
            // Lists are short and on small tables (documents, indicators): no room kept.
            ColumnBuilder::Utf8List(b) => Arc::new(b.finish()),
            ColumnBuilder::Int32List(b) => Arc::new(b.finish()),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            ColumnBuilder::Utf8(b) => b.len(),
            ColumnBuilder::Int16(b) => b.len(),
            ColumnBuilder::Int32(b) => b.len(),
            ColumnBuilder::Int64(b) => b.len(),
            ColumnBuilder::Float64(b) => b.len(),
            ColumnBuilder::Date32(b) => b.len(),
            ColumnBuilder::Timestamp(b) => b.len(),
            ColumnBuilder::Utf8List(b) => b.len(),
            ColumnBuilder::Int32List(b) => b.len(),
        }
    }
}

pub fn arrow_type(ty: ColType) -> DataType {
    match ty {
        ColType::Utf8 => DataType::Utf8,
        ColType::Int16 => DataType::Int16,
        ColType::Int32 => DataType::Int32,
        ColType::Int64 => DataType::Int64,
        ColType::Float64 => DataType::Float64,
        ColType::Date32 => DataType::Date32,
        ColType::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some(UTC.into())),
        ColType::Utf8List | ColType::SentenceList => {
            DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)))
        }
        ColType::Int32List => {
            DataType::List(Arc::new(Field::new_list_field(DataType::Int32, true)))
        }
    }
}

/// The Arrow schema of a table, with each column's description as field metadata.
pub fn arrow_schema(columns: &[ColumnInfo]) -> Schema {
    let fields: Vec<Field> = columns
        .iter()
        .map(|c| {
            Field::new(c.name, arrow_type(c.ty), c.nullable).with_metadata(
                std::collections::HashMap::from([("description".to_string(), c.doc.to_string())]),
            )
        })
        .collect();
    Schema::new(fields).with_metadata(std::collections::HashMap::from([(
        "schema_version".to_string(),
        SCHEMA_VERSION.to_string(),
    )]))
}

/// Rows of one table gathered column by column, finished into record batches.
pub struct RecordBatchBuilder {
    schema: Arc<Schema>,
    columns: Vec<ColumnBuilder>,
}

impl RecordBatchBuilder {
    /// A builder for the columns (`Table::info`, or run-time columns such as `panel`'s).
    pub fn new(columns: &[ColumnInfo]) -> Self {
        RecordBatchBuilder {
            schema: Arc::new(arrow_schema(columns)),
            columns: columns.iter().map(|c| ColumnBuilder::new(c.ty)).collect(),
        }
    }

    /// A builder for a table definition.
    pub fn for_table<P, C>(table: &Table<P, C>) -> Self {
        RecordBatchBuilder::new(&table.info())
    }

    /// The Arrow schema of every batch this builder makes.
    pub fn schema(&self) -> &Arc<Schema> {
        &self.schema
    }

    /// Appends one row: the table's column getters applied to `parent`, `child`.
    pub fn append<P, C>(&mut self, table: &Table<P, C>, parent: &P, child: &C) {
        for (col, builder) in table.columns.iter().zip(&mut self.columns) {
            builder.append(&(col.get)(parent, child));
        }
    }

    /// Each column's builder, in column order (for a writer that also writes each value
    /// elsewhere as it goes).
    #[cfg(feature = "cli")]
    pub(crate) fn column_builders(&mut self) -> std::slice::IterMut<'_, ColumnBuilder> {
        self.columns.iter_mut()
    }

    /// Columns of each row.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// Rows appended since the last batch.
    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, ColumnBuilder::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows appended since the last batch as one record batch; the builder starts again
    /// empty (with room kept as `ColumnBuilder::finish` says, when `keep_room`).
    pub fn finish(&mut self, keep_room: Option<usize>) -> Result<RecordBatch, String> {
        let arrays: Vec<ArrayRef> = self
            .columns
            .iter_mut()
            .map(|b| b.finish(keep_room))
            .collect();
        RecordBatch::try_new(self.schema.clone(), arrays)
            .map_err(|e| format!("cannot build a record batch: {e}"))
    }
}
