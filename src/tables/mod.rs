//! Output tables: their one schema definition and the writers that use it.

pub mod arrow;
mod csv_text;
pub mod schema;
pub mod schema_files;
#[cfg(feature = "cli")]
pub mod sink;

use serde_json::{json, Map, Value as Json};

use crate::model::DocResult;
use schema::{Table, Value};

fn to_json(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Str(s) => json!(s),
        Value::Int(i) => json!(i),
        Value::Float(f) => json!(f),
        Value::Date(d) => json!(d.format("%Y-%m-%d").to_string()),
        Value::Timestamp(t) => json!(csv_text::rfc3339_micros(*t)),
        Value::List(items) => (0..items.len())
            .map(|k| match items.text(k) {
                Some(t) => json!(t),
                None => json!(items.int(k)),
            })
            .collect(),
    }
}

fn row_json<P, C>(table: &Table<P, C>, parent: &P, child: &C) -> Json {
    let obj: Map<String, Json> = table
        .columns
        .iter()
        .map(|c| (c.name.to_string(), to_json(&(c.get)(parent, child))))
        .collect();
    Json::Object(obj)
}

/// One document's whole extraction as JSON, with the same columns as the tables
/// (`govreport extract FILE`).
pub fn document_json(d: &DocResult) -> Json {
    json!({
        "document": row_json(&schema::DOCUMENTS, &(), d),
        "body": d.clean.body,
        "removed_lines": d.clean.removed.iter().map(|r| json!({"line": r.line_no, "rule": r.rule, "text": r.text})).collect::<Vec<_>>(),
        "sections": d.sections.iter().map(|s| row_json(&schema::SECTIONS, d, s)).collect::<Vec<_>>(),
        "facts": d.facts.iter().map(|f| row_json(&schema::FACTS, d, f)).collect::<Vec<_>>(),
        "dates": d.dates.iter().map(|x| row_json(&schema::DATES, d, x)).collect::<Vec<_>>(),
    })
}
