//! The analysis stage: comparable indicators per report (`indicators`, long) and one wide row
//! per report (`panel`), computed with polars' lazy API over the facts the run has written,
//! so that only the aggregated rows (documents × indicators) are ever in memory.

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::indicators::{Aggregate, Taxonomy};
use crate::model::Relation;
use crate::tables::schema::{ColType, ColumnInfo, Items, Value};
use crate::tables::sink::{partition_year, SinkOptions, TableSink, PARTITION_FILE_STEM};

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

fn scan_file(path: &Path) -> PolarsResult<LazyFrame> {
    // low_memory: read in small batches; the stage is not the bottleneck, memory is.
    let args = ScanArgsParquet {
        low_memory: true,
        ..Default::default()
    };
    LazyFrame::scan_parquet(PlRefPath::new(path.to_string_lossy().as_ref()), args)
}

/// Counts of what the stage wrote.
#[derive(Debug, Default, Clone)]
pub struct AnalysisSummary {
    pub indicator_rows: u64,
    pub panel_rows: u64,
    /// (code, documents reporting it, total, median) for the run report.
    pub per_indicator: Vec<(String, u64, f64, f64)>,
}

/// One aggregated indicator value.
struct IndicatorRow {
    /// The document's position in its chunk (`DocInfo::rows`).
    doc_index: u32,
    indicator: String,
    relation: String,
    unit: String,
    value: f64,
    n_facts: u32,
    fact_ids: Vec<i64>,
    value_fact_id: Option<i32>,
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
    let err = |e: PolarsError| format!("indicators stage: {e}");
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
                let mut facts_row = 0i64;
                for (k, counts) in n_facts.chunks(chunk_docs).enumerate() {
                    chunks.push((k * chunk_docs, facts_row, counts));
                    facts_row += counts.iter().sum::<i64>();
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
                                    let rows = aggregate(facts, taxonomy, &years).map_err(err)?;
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

/// `n_facts` of every document of a part, in file order.
fn facts_per_document(part: &TablePart) -> PolarsResult<Vec<i64>> {
    let df = scan_file(&part.documents)?
        .select([col("n_facts").cast(DataType::Int64)])
        .collect()?;
    Ok(df
        .column("n_facts")?
        .i64()?
        .iter()
        .map(|n| n.unwrap_or(0))
        .collect())
}

/// Documents `start..start + count` of a documents file, in file order.
fn read_documents(part: &TablePart, start: usize, count: usize) -> PolarsResult<DocInfo> {
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
    let df = scan_file(&part.documents)?
        .slice(start as i64, count as IdxSize)
        .select(cols.iter().map(|c| col(*c)).collect::<Vec<_>>())
        .collect()?;
    DocInfo::from_frame(&df)
}

/// The facts of a chunk of documents whose first fact is row `first_row` of the facts file
/// and whose fact counts are `n_facts`, with the chunk-local `doc_index` of the document each
/// belongs to. Facts are matched to documents by position, not by doc_id (doc_ids are unique
/// per row since schema 2.0; position needs no lookup either way).
fn chunk_facts(
    path: &Path,
    first_row: i64,
    n_facts: &[i64],
    docs: &[DocRow],
) -> PolarsResult<DataFrame> {
    let n_rows: i64 = n_facts.iter().sum();
    if n_rows == 0 {
        return Ok(DataFrame::empty());
    }
    let facts = scan_file(path)?
        .slice(first_row, n_rows as IdxSize)
        .select([
            col("doc_id"),
            col("fact_id"),
            col("indicator"),
            col("unit_normalized"),
            col("value_normalized"),
            col("breakdown_of"),
            col("relation"),
            // days since 1970-01-01: the year is read in `aggregate`
            col("as_of_date").cast(DataType::Int32).alias("as_of_day"),
        ])
        .collect()?;
    let ids = facts.column("doc_id")?.str()?;
    let mut owner: Vec<IdxSize> = Vec::with_capacity(facts.height());
    for (i, &n) in n_facts.iter().enumerate() {
        owner.extend(std::iter::repeat_n(i as IdxSize, n as usize));
    }
    // The pipeline writes each document's facts right after the previous one's; anything
    // else is a bug, reported rather than aggregated into the wrong report.
    let out_of_step = owner.len() != facts.height()
        || owner
            .iter()
            .zip(ids.iter())
            .any(|(&o, id)| id != Some(docs[o as usize].doc_id.as_str()));
    if out_of_step {
        return Err(polars_err!(ComputeError:
            "the facts table is out of step with documents.n_facts near fact row {first_row}"));
    }
    let mut facts = facts;
    facts.with_column(Column::new("doc_index".into(), owner))?;
    Ok(facts)
}

/// Facts with an indicator → one row per (document, indicator, relation, unit). Parts of a
/// breakdown whose total has the same indicator are left out, so totals are not counted
/// twice; changes are rows of their own; rates and changes take one fact, never a sum (the
/// first for the report's own period: `years[doc_index]` is each document's report year).
fn aggregate(
    facts: DataFrame,
    taxonomy: &Taxonomy,
    years: &[Option<i32>],
) -> PolarsResult<Vec<IndicatorRow>> {
    if facts.height() == 0 {
        return Ok(Vec::new());
    }
    let facts = facts.lazy().filter(col("indicator").is_not_null());
    let totals = facts.clone().select([
        col("doc_index"),
        col("fact_id").alias("breakdown_of"),
        col("indicator").alias("total_indicator"),
    ]);
    let grouped = facts
        .join(
            totals,
            [col("doc_index"), col("breakdown_of")],
            [col("doc_index"), col("breakdown_of")],
            JoinArgs::new(JoinType::Left),
        )
        .filter(
            col("total_indicator")
                .is_null()
                .or(col("total_indicator").neq(col("indicator"))),
        )
        .sort(["doc_index", "fact_id"], SortMultipleOptions::default())
        .group_by_stable([
            col("doc_index"),
            col("indicator"),
            col("relation"),
            col("unit_normalized"),
        ])
        .agg([
            col("value_normalized").sum().alias("sum"),
            col("value_normalized").alias("values"),
            len().alias("n_facts"),
            col("fact_id").alias("fact_ids"),
            col("as_of_day").alias("as_of_days"),
        ])
        .sort(
            ["doc_index", "indicator", "relation", "unit_normalized"],
            SortMultipleOptions::default(),
        )
        // One chunk's facts: memory is bounded by the chunk, not by the corpus.
        .collect()?;

    let s = |name: &str| {
        grouped
            .column(name)
            .map(|c| c.as_materialized_series().clone())
    };
    let doc_index = s("doc_index")?.cast(&DataType::UInt32)?;
    let doc_index = doc_index.u32()?;
    let (indicator, unit) = (s("indicator")?, s("unit_normalized")?);
    let (indicator, unit) = (indicator.str()?, unit.str()?);
    let relation = s("relation")?;
    let relation = relation.str()?;
    let sum = s("sum")?;
    let sum = sum.f64()?;
    let (values, days) = (s("values")?, s("as_of_days")?);
    let (values, days) = (values.list()?, days.list()?);
    let n_facts = s("n_facts")?.cast(&DataType::UInt32)?;
    let n_facts = n_facts.u32()?;
    let fact_ids = s("fact_ids")?;
    let fact_ids = fact_ids.list()?;

    let mut rows = Vec::with_capacity(grouped.height());
    // One reused Series walks the lists (a Series per row costs more than the rest).
    let mut id_lists = fact_ids.amortized_iter();
    let mut value_lists = values.amortized_iter();
    let mut day_lists = days.amortized_iter();
    let (mut ids_buf, mut values_buf, mut days_buf) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..grouped.height() {
        let (ids, vals, ds) = (
            id_lists.next().flatten(),
            value_lists.next().flatten(),
            day_lists.next().flatten(),
        );
        ids_buf.clear();
        values_buf.clear();
        days_buf.clear();
        if let Some(ca) = ids.as_ref().and_then(|s| s.as_ref().i32().ok()) {
            ids_buf.extend(ca.iter());
        }
        if let Some(ca) = vals.as_ref().and_then(|s| s.as_ref().f64().ok()) {
            values_buf.extend(ca.iter());
        }
        if let Some(ca) = ds.as_ref().and_then(|s| s.as_ref().i32().ok()) {
            days_buf.extend(ca.iter());
        }
        let code = indicator.get(i).unwrap_or_default();
        let rel = relation.get(i).unwrap_or_default();
        let doc = doc_index.get(i).unwrap_or_default();
        let one_fact =
            rel != Relation::Level.as_str() || taxonomy.aggregate(code) != Some(Aggregate::Sum);
        let (value, value_fact_id) = if one_fact {
            let year = years.get(doc as usize).copied().flatten();
            let k = chosen_fact(&days_buf, year);
            (
                values_buf.get(k).copied().flatten(),
                ids_buf.get(k).copied().flatten(),
            )
        } else {
            (sum.get(i), None)
        };
        rows.push(IndicatorRow {
            doc_index: doc,
            indicator: code.to_string(),
            relation: rel.to_string(),
            unit: unit.get(i).unwrap_or_default().to_string(),
            value: value.unwrap_or(f64::NAN),
            n_facts: n_facts.get(i).unwrap_or_default(),
            fact_ids: ids_buf.iter().flatten().map(|&id| id.into()).collect(),
            value_fact_id,
        });
    }
    Ok(rows)
}

/// Which of a rate's (or a change's) facts gives the value: the first whose as-of date, if
/// any, is in the report's year (`as_of_days`: days since 1970-01-01, in text order), else
/// the first.
fn chosen_fact(as_of_days: &[Option<i32>], report_year: Option<i32>) -> usize {
    use chrono::Datelike;
    let Some(year) = report_year else {
        return 0;
    };
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
    as_of_days
        .iter()
        .position(|d| {
            d.is_none_or(|days| {
                epoch
                    .checked_add_signed(chrono::Duration::days(days.into()))
                    .is_some_and(|date| date.year() == year)
            })
        })
        .unwrap_or(0)
}

/// The document columns the output tables repeat.
struct DocRow {
    doc_id: String,
    source_path: String,
    organization: Option<String>,
    org_short: Option<String>,
    admin_level: Option<String>,
    province: Option<String>,
    city: Option<String>,
    county: Option<String>,
    division_code: Option<String>,
    report_year: Option<i32>,
    doc_kind: String,
    duplicate_of: Option<String>,
}

struct DocInfo {
    rows: Vec<DocRow>,
}

impl DocInfo {
    fn from_frame(df: &DataFrame) -> PolarsResult<Self> {
        if df.height() == 0 {
            return Ok(DocInfo { rows: Vec::new() });
        }
        let text = |name: &str| -> PolarsResult<Vec<Option<String>>> {
            let ca = df.column(name)?.str()?;
            Ok(ca.iter().map(|v| v.map(String::from)).collect())
        };
        let c = df.column("report_year")?.cast(&DataType::Int32)?;
        let years: Vec<Option<i32>> = c.i32()?.iter().collect();
        let mut duplicates = text("duplicate_of")?;
        let (mut ids, mut paths, mut orgs, mut shorts, mut levels) = (
            text("doc_id")?,
            text("source_path")?,
            text("organization")?,
            text("org_short")?,
            text("admin_level")?,
        );
        let (mut provinces, mut cities, mut counties, mut codes, mut kinds) = (
            text("province")?,
            text("city")?,
            text("county")?,
            text("division_code")?,
            text("doc_kind")?,
        );
        let rows = (0..df.height())
            .map(|i| DocRow {
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
                duplicate_of: duplicates[i].take(),
            })
            .collect();
        Ok(DocInfo { rows })
    }
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
