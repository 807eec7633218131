//! The analysis stage: comparable indicators per report (`indicators`, long) and one wide row
//! per report (`panel`), from the facts the run has written, read back a chunk of documents at
//! a time (`read`) and grouped and aggregated with polars (`aggregate`), so that memory holds
//! a few chunks whatever the corpus size.

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

mod aggregate;
mod read;

use crate::indicators::{Aggregate, Taxonomy};
use crate::model::Relation;
use crate::tables::schema::{ColType, ColumnInfo, Items, Value};
use crate::tables::sink::{partition_year, SinkOptions, TableSink, PARTITION_FILE_STEM};
use aggregate::{aggregate, IndicatorRow};
use read::{chunk_facts, facts_per_document, read_documents, DocInfo};

/// Columns of `indicators`, one row per document, indicator and unit.
pub const INDICATOR_COLUMNS: &[(&str, ColType, bool, &str)] = &[
    ("doc_id", ColType::Utf8, false, "Document id."),
    ("organization", ColType::Utf8, true, "Issuing body (see documents)."),
    ("org_short", ColType::Utf8, true, "Short name of the issuer."),
    ("admin_level", ColType::Utf8, true, "省 / 市 / 区县 / 乡镇 / 街道 / 部门."),
    ("province", ColType::Utf8, true, "Province of the issuer."),
    ("report_year", ColType::Int32, true, "The year the report covers."),
    ("indicator", ColType::Utf8, false, "Indicator code from pipelines/indicators.toml."),
    ("relation", ColType::Utf8, false, "level (the amount itself) or change (a difference against an earlier period, in the unit the report gives it): a change is its own row, never added to a level and never in the panel."),
    ("value", ColType::Float64, false, "The indicator's value for the document: the sum of its facts for counts and money (a breakdown part is not added to its total); for rates and changes one fact, never a sum (see value_fact_id)."),
    ("unit", ColType::Utf8, true, "unit_normalized of the facts that fed it (null when they give none)."),
    ("n_facts", ColType::Int32, false, "Facts that fed the value."),
    ("fact_ids", ColType::Int32List, false, "fact_id of those facts in facts (CSV: `;`-separated)."),
    ("value_fact_id", ColType::Int32, true, "For rates and changes, the fact whose value is taken when the report gives several: the first for the report's own period (no as-of date in another year), else the first; the others stay in fact_ids. Null for sums."),
    ("duplicate_of", ColType::Utf8, true, "doc_id of the first document with the same body (see documents): its rows repeat that document's, so leave them out of sums across documents (the panel does)."),
];

/// Columns of `panel` before the indicator columns (their names are reserved: no indicator
/// column may take one).
pub const PANEL_ID_COLUMNS: &[(&str, ColType, bool, &str)] = &[
    ("doc_id", ColType::Utf8, false, "Document id."),
    (
        "source_path",
        ColType::Utf8,
        false,
        "Path relative to the input root.",
    ),
    ("organization", ColType::Utf8, true, "Issuing body."),
    (
        "org_short",
        ColType::Utf8,
        true,
        "Short name of the issuer.",
    ),
    (
        "admin_level",
        ColType::Utf8,
        true,
        "省 / 市 / 区县 / 乡镇 / 街道 / 部门.",
    ),
    ("province", ColType::Utf8, true, "Province of the issuer."),
    ("city", ColType::Utf8, true, "City of the issuer."),
    ("county", ColType::Utf8, true, "County of the issuer."),
    (
        "division_code",
        ColType::Utf8,
        true,
        "Statistical division code.",
    ),
    (
        "report_year",
        ColType::Int32,
        true,
        "The year the report covers.",
    ),
    ("doc_kind", ColType::Utf8, false, "rol_annual or other."),
];

fn infos(cols: &[(&'static str, ColType, bool, &'static str)]) -> Vec<ColumnInfo> {
    cols.iter()
        .map(|&(name, ty, nullable, doc)| ColumnInfo {
            name,
            ty,
            nullable,
            doc,
        })
        .collect()
}

/// Column list of `indicators`.
pub fn indicator_columns() -> Vec<ColumnInfo> {
    infos(INDICATOR_COLUMNS)
}

/// Column list of `panel` for a taxonomy: the id columns, then one float column per
/// indicator and unit (`Taxonomy::panel_columns`: the code with `.` as `_`, a unit suffix
/// for each unit that is not the same thing as the first).
pub fn panel_columns(taxonomy: &'static Taxonomy) -> Vec<ColumnInfo> {
    let mut cols = infos(PANEL_ID_COLUMNS);
    for c in taxonomy.panel_columns() {
        cols.push(ColumnInfo {
            name: &c.name,
            ty: ColType::Float64,
            nullable: true,
            doc: &c.doc,
        });
    }
    cols
}

/// The tables this stage reads; it can start once they are closed.
pub const INPUT_TABLES: [&str; 2] = ["documents", "facts"];

/// A documents file of the run and the facts file written with it: one of each for flat
/// tables, one per `report_year=…` directory for a partitioned run. Within a pair, facts are
/// in the order of their documents (`documents.n_facts` rows each).
struct TablePart {
    documents: PathBuf,
    facts: PathBuf,
}

fn table_parts(dir: &Path, partitioned: bool) -> Vec<TablePart> {
    if !partitioned {
        return vec![TablePart {
            documents: dir.join("documents.parquet"),
            facts: dir.join("facts.parquet"),
        }];
    }
    let base = dir.join("documents");
    let Ok(entries) = std::fs::read_dir(&base) else {
        return Vec::new(); // no documents at all
    };
    // Partition directories, in name order.
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| partition_year(n).is_some())
        .collect();
    names.sort();
    let file = format!("{PARTITION_FILE_STEM}.parquet");
    names
        .into_iter()
        .map(|name| TablePart {
            documents: base.join(&name).join(&file),
            facts: dir.join("facts").join(&name).join(&file),
        })
        .collect()
}

/// Counts of what the stage wrote.
#[derive(Debug, Default, Clone)]
pub struct AnalysisSummary {
    pub indicator_rows: u64,
    pub panel_rows: u64,
    /// (code, documents reporting it, total, median) for the run report.
    pub per_indicator: Vec<(String, u64, f64, f64)>,
}

/// Builds `indicators` and `panel` from the tables in `dir` (as written by this run).
/// Documents are aggregated in chunks of this many, in file order; each chunk reads only its
/// own rows of the documents and facts files, so memory holds `threads` chunks (aggregated
/// at once) whatever the corpus size, and the facts are read once.
const CHUNK_DOCS: usize = 5_000;

pub fn build(
    dir: &Path,
    partitioned: bool,
    taxonomy: &'static Taxonomy,
    opts: SinkOptions,
    threads: usize,
) -> Result<AnalysisSummary, String> {
    build_in_chunks(dir, partitioned, taxonomy, opts, CHUNK_DOCS, threads)
}

/// `build` with a given number of documents per pass, and of passes run at once (the output
/// depends on neither).
pub fn build_in_chunks(
    dir: &Path,
    partitioned: bool,
    taxonomy: &'static Taxonomy,
    opts: SinkOptions,
    chunk_docs: usize,
    parallel: usize,
) -> Result<AnalysisSummary, String> {
    let err = |e: String| format!("indicators stage: {e}");
    let mut indicators = TableSink::in_dir(dir, "indicators", indicator_columns(), opts)?;
    let mut panel = TableSink::in_dir(dir, "panel", panel_columns(taxonomy), opts)?;
    let chunk_docs = chunk_docs.max(1);
    let parts = table_parts(dir, partitioned);

    // Two writer threads, one per table, append each chunk's rows while the next chunk is
    // aggregated; one chunk waits in each queue at most.
    type Chunk = std::sync::Arc<(Vec<IndicatorRow>, DocInfo)>;
    let (long_tx, long_rx) = std::sync::mpsc::sync_channel::<Chunk>(1);
    let (wide_tx, wide_rx) = std::sync::mpsc::sync_channel::<Chunk>(1);
    std::thread::scope(|scope| {
        let long_writer = scope.spawn(move || -> Result<u64, String> {
            for chunk in long_rx {
                let (rows, doc_info) = &*chunk;
                write_indicator_rows(rows, doc_info, &mut indicators)?;
            }
            indicators.finish()
        });
        let wide_writer = scope.spawn(move || -> Result<(u64, PanelValues), String> {
            // Values in the panel unit per indicator, for the run report's totals and medians.
            let mut panel_values = HashMap::default();
            for chunk in wide_rx {
                let (rows, doc_info) = &*chunk;
                write_panel_rows(rows, doc_info, taxonomy, &mut panel, &mut panel_values)?;
            }
            Ok((panel.finish()?, panel_values))
        });
        let join_writers = move || -> Result<AnalysisSummary, String> {
            let indicator_rows = long_writer
                .join()
                .unwrap_or_else(|_| Err("the indicators writer crashed (please report)".into()));
            let panel = wide_writer
                .join()
                .unwrap_or_else(|_| Err("the panel writer crashed (please report)".into()));
            let (panel_rows, panel_values) = panel?;
            Ok(AnalysisSummary {
                indicator_rows: indicator_rows?,
                panel_rows,
                per_indicator: summarize(panel_values),
            })
        };
        let aggregated = (|| -> Result<(), String> {
            for part in &parts {
                if !part.documents.exists() {
                    continue;
                }
                // Each chunk's first document, the row of its first fact in the facts file and
                // its documents' fact counts (one integer per document is read for this).
                let n_facts = facts_per_document(part).map_err(err)?;
                let mut chunks = Vec::new();
                let mut facts_row = 0usize;
                for (k, counts) in n_facts.chunks(chunk_docs).enumerate() {
                    chunks.push((k * chunk_docs, facts_row, counts));
                    facts_row += counts.iter().sum::<i64>().max(0) as usize;
                }
                // `parallel` chunks are aggregated at once; their rows go to the writers in
                // chunk order.
                for window in chunks.chunks(parallel.max(1)) {
                    let results: Vec<Result<Chunk, String>> = std::thread::scope(|s| {
                        let passes: Vec<_> = window
                            .iter()
                            .map(|&(start, first_fact, counts)| {
                                s.spawn(move || -> Result<Chunk, String> {
                                    let doc_info =
                                        read_documents(part, start, chunk_docs).map_err(err)?;
                                    let facts = chunk_facts(
                                        &part.facts,
                                        first_fact,
                                        counts,
                                        &doc_info.rows,
                                    )
                                    .map_err(err)?;
                                    let years: Vec<Option<i32>> =
                                        doc_info.rows.iter().map(|d| d.report_year).collect();
                                    let rows = aggregate(&facts, taxonomy, &years).map_err(err)?;
                                    Ok(std::sync::Arc::new((rows, doc_info)))
                                })
                            })
                            .collect();
                        passes
                            .into_iter()
                            .map(|p| {
                                p.join().unwrap_or_else(|_| {
                                    Err("indicators stage: a chunk's aggregation crashed \
                                         (please report)"
                                        .to_string())
                                })
                            })
                            .collect()
                    });
                    for chunk in results {
                        let chunk = chunk?;
                        if long_tx.send(chunk.clone()).is_err() || wide_tx.send(chunk).is_err() {
                            return Ok(()); // a writer failed: its error is reported below
                        }
                    }
                }
            }
            Ok(())
        })();
        drop((long_tx, wide_tx));
        let summary = join_writers();
        aggregated?;
        summary
    })
}

/// Per indicator code, the values of the documents that report it in its panel unit.
type PanelValues = HashMap<&'static str, Vec<f64>>;

/// Appends one chunk's rows to `indicators` (long).
fn write_indicator_rows(
    rows: &[IndicatorRow],
    doc_info: &DocInfo,
    indicators: &mut TableSink,
) -> Result<(), String> {
    for r in rows {
        let d = &doc_info.rows[r.doc_index as usize];
        indicators.append_values(&[
            Value::s(&d.doc_id),
            Value::opt(&d.organization),
            Value::opt(&d.org_short),
            Value::opt(&d.admin_level),
            Value::opt(&d.province),
            d.report_year.map_or(Value::Null, |y| Value::Int(y.into())),
            Value::s(&r.indicator),
            Value::s(&r.relation),
            Value::Float(r.value),
            Value::non_empty(&r.unit),
            Value::Int(r.n_facts.into()),
            Value::list(Items::Ints(&r.fact_ids)),
            r.value_fact_id
                .map_or(Value::Null, |id| Value::Int(id.into())),
            Value::opt(&d.duplicate_of),
        ])?;
    }
    Ok(())
}

/// Appends one chunk's rows to `panel` (wide): each value in its column (one per indicator
/// and unit), null where not reported. A duplicate document (`duplicate_of` set) adds no row:
/// its first copy has it.
fn write_panel_rows(
    rows: &[IndicatorRow],
    doc_info: &DocInfo,
    taxonomy: &'static Taxonomy,
    panel: &mut TableSink,
    panel_values: &mut PanelValues,
) -> Result<(), String> {
    let columns = taxonomy.panel_columns();
    // Rows come sorted by document: each document's rows fill one slot per panel column.
    let mut slots: Vec<Option<f64>> = vec![None; columns.len()];
    let mut next_row = 0;
    let mut row: Vec<Value> = Vec::with_capacity(PANEL_ID_COLUMNS.len() + columns.len());
    for (i, d) in doc_info.rows.iter().enumerate() {
        slots.iter_mut().for_each(|s| *s = None);
        while let Some(r) = rows.get(next_row).filter(|r| r.doc_index as usize == i) {
            next_row += 1;
            // A change is never a level: the panel holds levels only.
            if r.relation != Relation::Level.as_str() {
                continue;
            }
            let Some(k) = taxonomy.panel_slot(&r.indicator, &r.unit) else {
                continue;
            };
            match (&mut slots[k], taxonomy.aggregate(&r.indicator)) {
                // 件 and 宗 rows of one indicator are one count, where the taxonomy says so.
                (Some(v), Some(Aggregate::Sum)) => *v += r.value,
                (Some(_), _) => {}
                (slot @ None, _) => *slot = Some(r.value),
            }
        }
        if d.duplicate_of.is_some() {
            continue;
        }
        row.clear();
        row.extend([
            Value::s(&d.doc_id),
            Value::s(&d.source_path),
            Value::opt(&d.organization),
            Value::opt(&d.org_short),
            Value::opt(&d.admin_level),
            Value::opt(&d.province),
            Value::opt(&d.city),
            Value::opt(&d.county),
            Value::opt(&d.division_code),
            d.report_year.map_or(Value::Null, |y| Value::Int(y.into())),
            Value::s(&d.doc_kind),
        ]);
        row.extend(slots.iter().map(|v| v.map_or(Value::Null, Value::Float)));
        panel.append_values(&row)?;
        // The run report's summary is of each indicator's main column (its first unit).
        for (k, v) in slots.iter().enumerate() {
            let (Some(v), Some(c)) = (v, columns.get(k)) else {
                continue;
            };
            if taxonomy.main_panel_column(&c.code) == Some(c.name.as_str()) {
                panel_values.entry(c.code.as_str()).or_default().push(*v);
            }
        }
    }
    debug_assert_eq!(
        next_row,
        rows.len(),
        "indicator rows are sorted by document"
    );
    Ok(())
}

/// Per indicator (in its panel unit): documents reporting it, total and median; most
/// reported first.
pub(crate) fn summarize(values: HashMap<&'static str, Vec<f64>>) -> Vec<(String, u64, f64, f64)> {
    let mut out: Vec<(String, u64, f64, f64)> = values
        .into_iter()
        .map(|(code, mut v)| {
            v.sort_by(|a, b| a.total_cmp(b));
            let mid = v.len() / 2;
            let median = if v.len() % 2 == 1 {
                v[mid]
            } else {
                (v[mid - 1] + v[mid]) / 2.0
            };
            (code.to_string(), v.len() as u64, v.iter().sum(), median)
        })
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}
