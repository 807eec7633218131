//! The library's entry points for documents already in memory (the Python package, a
//! cluster's workers): one document to JSON (`extract_json`, what `govreport extract` prints),
//! and many documents to one Arrow record batch per table (`extract_batch`).
//!
//! Each document goes through `pipeline::process_bytes`, the function a run calls for each
//! file once it has the file's bytes, and the rows are built from the tables' one schema
//! (`tables::schema`, `tables::arrow`): a batch's rows are the rows a run writes for the same
//! paths and bytes. The one difference is `duplicate_of`, which a run sets across all its
//! files and a batch across the batch's documents only (the first in path order, as a run).

use arrow_array::RecordBatch;
use rayon::prelude::*;
use serde_json::Value as Json;

use crate::ingest::{self, ReadLimits};
use crate::model::{DocResult, Reject, SourceDoc};
use crate::pipeline::{self, FirstByBody, Resources};
use crate::tables::arrow::RecordBatchBuilder;
use crate::tables::document_json;
use crate::tables::schema::{self, Table};

/// The tables `extract_batch` returns, in a run's order (the per-document tables; the
/// indicators and panel are built over a whole run by the command line).
pub const TABLES: [&str; 6] = [
    "documents",
    "texts",
    "sections",
    "facts",
    "dates",
    "rejects",
];

/// One document in memory: its path as a run would see it (relative to the input root,
/// `/`-separated; it becomes `source_path` and goes into `doc_id`, and its extension decides
/// between formats the bytes cannot tell apart) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub path: &'a str,
    pub content: &'a [u8],
}

/// One document's whole extraction as `govreport extract` prints it, from a source already
/// decoded; the sentence of the reject when a stage refuses it or fails.
pub fn extract_json(source: SourceDoc) -> Result<Json, String> {
    let res = Resources::embedded()?;
    let doc = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pipeline::process_document(source, res)
    }))
    .map_err(|payload| pipeline::unwind_sentence(&*payload, ReadLimits::default()).1)?;
    Ok(document_json(&doc))
}

/// `extract_json` of a document's bytes, read as the file `name` would be (the same limits,
/// decoding and reject sentences as `govreport extract`).
pub fn extract_bytes_json(name: &str, bytes: Vec<u8>) -> Result<Json, Reject> {
    let source = ingest::read_bytes(name, bytes, ReadLimits::default())?;
    extract_json(source).map_err(|error| Reject {
        source_path: name.to_string(),
        stage: "extract",
        error,
        source_bytes: 0,
    })
}

/// Every document of `inputs` through every stage, in parallel on the current rayon pool
/// (`RAYON_NUM_THREADS`, or the caller's `ThreadPool::install`), then one record batch per
/// table of `TABLES`, rows in input order, with exactly the tables' Arrow schemas. A document
/// that cannot be read or processed is a row of `rejects`, never an error; the error is only
/// for the embedded reference data failing to load (a broken build).
pub fn extract_batch(
    inputs: &[Input<'_>],
    limits: ReadLimits,
) -> Result<Vec<(&'static str, RecordBatch)>, String> {
    let res = Resources::embedded()?;
    let outcomes: Vec<Result<DocResult, Reject>> = inputs
        .par_iter()
        .map(|input| pipeline::process_bytes(input.path, input.content.to_vec(), limits, res).0)
        .collect();
    let mut outcomes = outcomes;
    mark_duplicates(inputs, &mut outcomes);
    let mut tables = TableBuilders::new();
    for outcome in &outcomes {
        match outcome {
            Ok(doc) => tables.add_document(doc),
            Err(reject) => tables.rejects.append(&schema::REJECTS, &(), reject),
        }
    }
    tables.finish()
}

/// `duplicate_of` as a run sets it, among the batch's documents: the first document in path
/// order (a run's walk order: names compared folder by folder) with the same body. The rows
/// keep the batch's order.
fn mark_duplicates(inputs: &[Input<'_>], outcomes: &mut [Result<DocResult, Reject>]) {
    let mut walk_order: Vec<usize> = (0..inputs.len()).collect();
    walk_order.sort_by(|&a, &b| inputs[a].path.split('/').cmp(inputs[b].path.split('/')));
    let mut first_by_body = FirstByBody::default();
    for (position, &i) in (0u64..).zip(&walk_order) {
        if let Ok(doc) = &mut outcomes[i] {
            doc.duplicate_of = first_by_body.first(&doc.body_sha, &doc.source.doc_id, position);
        }
    }
}

/// The six tables' builders.
struct TableBuilders {
    documents: RecordBatchBuilder,
    texts: RecordBatchBuilder,
    sections: RecordBatchBuilder,
    facts: RecordBatchBuilder,
    dates: RecordBatchBuilder,
    rejects: RecordBatchBuilder,
}

impl TableBuilders {
    fn new() -> Self {
        TableBuilders {
            documents: RecordBatchBuilder::for_table(&schema::DOCUMENTS),
            texts: RecordBatchBuilder::for_table(&schema::TEXTS),
            sections: RecordBatchBuilder::for_table(&schema::SECTIONS),
            facts: RecordBatchBuilder::for_table(&schema::FACTS),
            dates: RecordBatchBuilder::for_table(&schema::DATES),
            rejects: RecordBatchBuilder::for_table(&schema::REJECTS),
        }
    }

    /// A document's rows in every per-document table (as a run's table writers append them).
    fn add_document(&mut self, d: &DocResult) {
        self.documents.append(&schema::DOCUMENTS, &(), d);
        self.texts.append(&schema::TEXTS, &(), d);
        children(&mut self.sections, &schema::SECTIONS, d, &d.sections);
        children(&mut self.facts, &schema::FACTS, d, &d.facts);
        children(&mut self.dates, &schema::DATES, d, &d.dates);
    }

    fn finish(self) -> Result<Vec<(&'static str, RecordBatch)>, String> {
        let builders = [
            self.documents,
            self.texts,
            self.sections,
            self.facts,
            self.dates,
            self.rejects,
        ];
        TABLES
            .into_iter()
            .zip(builders)
            .map(|(name, mut b)| Ok((name, b.finish(None).map_err(|e| format!("{name}: {e}"))?)))
            .collect()
    }
}

fn children<C>(
    builder: &mut RecordBatchBuilder,
    table: &Table<DocResult, C>,
    d: &DocResult,
    rows: &[C],
) {
    for row in rows {
        builder.append(table, d, row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;

    fn column<'a>(batch: &'a RecordBatch, name: &str) -> Vec<Option<&'a str>> {
        batch
            .column_by_name(name)
            .unwrap()
            .as_string::<i32>()
            .iter()
            .collect()
    }

    #[test]
    fn batches_have_the_tables_schemas_and_rejects_for_bad_bytes() {
        let report = "某某县2024年法治政府建设情况报告\n2024年,某某县全年办理行政复议案件12件。\n一、主要举措和成效\n二、存在的不足\n三、下一步工作计划\n";
        let inputs = [
            Input {
                path: "a/report.txt",
                content: report.as_bytes(),
            },
            Input {
                path: "empty.txt",
                content: b"",
            },
            Input {
                path: "b/copy.txt",
                content: report.as_bytes(),
            },
            Input {
                path: "binary.txt",
                content: &[0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0xff, 0xfe],
            },
            // Last in the batch, first in path order (`0.txt` before the folders `a`, `b`).
            Input {
                path: "0.txt",
                content: report.as_bytes(),
            },
        ];
        let tables = extract_batch(&inputs, ReadLimits::default()).unwrap();
        let names: Vec<&str> = tables.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, TABLES);
        let expected = [
            &schema::DOCUMENTS.info(),
            &schema::TEXTS.info(),
            &schema::SECTIONS.info(),
            &schema::FACTS.info(),
            &schema::DATES.info(),
            &schema::REJECTS.info(),
        ];
        for ((name, batch), columns) in tables.iter().zip(expected) {
            let schema = crate::tables::arrow::arrow_schema(columns);
            assert_eq!(batch.schema().as_ref(), &schema, "{name}");
        }
        let documents = &tables[0].1;
        assert_eq!(
            column(documents, "source_path"),
            [Some("a/report.txt"), Some("b/copy.txt"), Some("0.txt")]
        );
        let ids = column(documents, "doc_id");
        // Three copies of one body: the first in path order is the original, as in a run;
        // the rows stay in the batch's order.
        assert_eq!(column(documents, "duplicate_of"), [ids[2], ids[2], None]);
        assert!(tables[3].1.num_rows() >= 2, "facts of both documents");
        let rejects = &tables[5].1;
        assert_eq!(
            column(rejects, "source_path"),
            [Some("empty.txt"), Some("binary.txt")]
        );
        assert_eq!(column(rejects, "error")[0], Some("file is empty (0 bytes)"));
        assert!(column(rejects, "error")[1].is_some_and(|e| !e.is_empty()));
    }

    #[test]
    fn one_document_as_json_or_its_reject_sentence() {
        let json = extract_bytes_json("r.md", "某某县2024年法治政府建设情况报告\n".into()).unwrap();
        assert_eq!(json["document"]["source_path"], "r.md");
        assert_eq!(json["document"]["source_format"], "md");
        let reject = extract_bytes_json("r.txt", Vec::new()).unwrap_err();
        assert_eq!(reject.error, "file is empty (0 bytes)");
        assert_eq!(reject.stage, "ingest");
    }
}
