//! The analysis stage: comparable indicators per report (`indicators`, long) and one wide row
//! per report (`panel`), computed with polars' lazy API over the facts the run has written,
//! so that only the aggregated rows (documents × indicators) are ever in memory.

use std::collections::HashMap;
use std::path::Path;

use polars::prelude::*;

use crate::indicators::{count_unit_family, Aggregate, Taxonomy};
use crate::tables::schema::{ColType, ColumnInfo, Value};
use crate::tables::sink::{SinkOptions, TableSink};

/// Columns of `indicators`, one row per document, indicator and unit.
pub const INDICATOR_COLUMNS: &[(&str, ColType, bool, &str)] = &[
    ("doc_id", ColType::Utf8, false, "Document id."),
    ("organization", ColType::Utf8, true, "Issuing body (see documents)."),
    ("org_short", ColType::Utf8, true, "Short name of the issuer."),
    ("admin_level", ColType::Utf8, true, "省 / 市 / 区县 / 乡镇 / 街道 / 部门."),
    ("province", ColType::Utf8, true, "Province of the issuer."),
    ("report_year", ColType::Int32, true, "The year the report covers."),
    ("indicator", ColType::Utf8, false, "Indicator code from pipelines/indicators.toml."),
    ("value", ColType::Float64, false, "The indicator's value for the document: the sum of its facts for counts and money (a breakdown part is not added to its total), the first fact for rates."),
    ("unit", ColType::Utf8, false, "unit_normalized of the facts that fed it."),
    ("n_facts", ColType::Int32, false, "Facts that fed the value."),
    ("fact_ids", ColType::Utf8, false, "fact_id of those facts in facts, `;`-separated."),
];

/// Columns of `panel` before the indicator columns.
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
/// indicator (in the taxonomy's unit).
pub fn panel_columns(taxonomy: &'static Taxonomy) -> Vec<ColumnInfo> {
    let mut cols = infos(PANEL_ID_COLUMNS);
    for code in taxonomy.codes() {
        cols.push(ColumnInfo {
            name: code,
            ty: ColType::Float64,
            nullable: true,
            doc: taxonomy.label(code).unwrap_or(""),
        });
    }
    cols
}

/// Where a table of the run lives: one file, or a Hive-partitioned directory.
fn scan(dir: &Path, table: &str, partitioned: bool) -> PolarsResult<Option<LazyFrame>> {
    // low_memory: read in small batches; the stage is not the bottleneck, memory is.
    let mut args = ScanArgsParquet {
        low_memory: true,
        ..Default::default()
    };
    let path = if partitioned {
        let base = dir.join(table);
        if !base.exists() {
            return Ok(None);
        }
        args.hive_options = polars::io::HiveOptions::new_enabled();
        format!("{}/**/*.parquet", base.display())
    } else {
        format!("{}/{table}.parquet", dir.display())
    };
    LazyFrame::scan_parquet(PlRefPath::new(path.as_str()), args).map(Some)
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
    doc_index: u32,
    doc_id: String,
    indicator: String,
    unit: String,
    value: f64,
    n_facts: u32,
    fact_ids: String,
}

/// Builds `indicators` and `panel` from the tables in `dir` (as written by this run).
/// Documents aggregated per pass: memory holds one chunk's indicator rows, whatever the
/// corpus size. Each pass scans the facts again (projected to six columns).
const CHUNK_DOCS: usize = 20_000;

pub fn build(
    dir: &Path,
    partitioned: bool,
    taxonomy: &'static Taxonomy,
    opts: SinkOptions,
) -> Result<AnalysisSummary, String> {
    build_in_chunks(dir, partitioned, taxonomy, opts, CHUNK_DOCS)
}

/// `build` with a given number of documents per pass (the output does not depend on it).
pub fn build_in_chunks(
    dir: &Path,
    partitioned: bool,
    taxonomy: &'static Taxonomy,
    opts: SinkOptions,
    chunk_docs: usize,
) -> Result<AnalysisSummary, String> {
    let err = |e: PolarsError| format!("indicators stage: {e}");
    let docs = documents_frame(dir, partitioned).map_err(err)?;
    let facts = scan(dir, "facts", partitioned).map_err(err)?;
    let codes: Vec<&'static str> = taxonomy.codes().collect();
    let mut indicators = TableSink::in_dir(dir, "indicators", indicator_columns(), opts)?;
    let mut panel = TableSink::in_dir(dir, "panel", panel_columns(taxonomy), opts)?;
    // Values in the panel unit per indicator, for the run report's totals and medians.
    let mut panel_values: HashMap<&'static str, Vec<f64>> = HashMap::new();

    for start in (0..docs.height()).step_by(chunk_docs.max(1)) {
        let chunk = docs.slice(start as i64, chunk_docs.max(1));
        let rows = match &facts {
            Some(f) => aggregate(f.clone(), &chunk, taxonomy).map_err(err)?,
            None => Vec::new(),
        };
        let doc_info = DocInfo::from_frame(&chunk).map_err(err)?;
        let local = |r: &IndicatorRow| r.doc_index as usize - start;

        // indicators (long)
        for r in &rows {
            let d = &doc_info.rows[local(r)];
            indicators.append_values(&[
                Value::s(&r.doc_id),
                Value::opt(&d.organization),
                Value::opt(&d.org_short),
                Value::opt(&d.admin_level),
                Value::opt(&d.province),
                d.report_year.map_or(Value::Null, |y| Value::Int(y.into())),
                Value::s(&r.indicator),
                Value::Float(r.value),
                Value::s(&r.unit),
                Value::Int(r.n_facts.into()),
                Value::s(&r.fact_ids),
            ])?;
        }

        // panel (wide): the value in the indicator's panel unit, null where not reported
        let mut by_doc: HashMap<usize, HashMap<&'static str, f64>> = HashMap::new();
        for r in rows.iter().filter(|r| in_panel_unit(taxonomy, r)) {
            let Some(code) = codes.iter().copied().find(|c| *c == r.indicator) else {
                continue;
            };
            let slot = by_doc.entry(local(r)).or_default();
            match (slot.get_mut(code), taxonomy.aggregate(code)) {
                // 件 and 宗 rows of one indicator are one count.
                (Some(v), Some(Aggregate::Sum)) => *v += r.value,
                (Some(_), _) => {}
                (None, _) => {
                    slot.insert(code, r.value);
                }
            }
        }
        for (i, d) in doc_info.rows.iter().enumerate() {
            let values = by_doc.get(&i);
            let mut row = vec![
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
            ];
            row.extend(codes.iter().map(|c| {
                values
                    .and_then(|v| v.get(c))
                    .map_or(Value::Null, |x| Value::Float(*x))
            }));
            panel.append_values(&row)?;
        }
        for values in by_doc.into_values() {
            for (code, v) in values {
                panel_values.entry(code).or_default().push(v);
            }
        }
    }

    Ok(AnalysisSummary {
        indicator_rows: indicators.finish()?,
        panel_rows: panel.finish()?,
        per_indicator: summarize(panel_values),
    })
}

/// The documents of the run, in output order, with a `doc_index` column.
fn documents_frame(dir: &Path, partitioned: bool) -> PolarsResult<DataFrame> {
    let Some(docs) = scan(dir, "documents", partitioned)? else {
        return Ok(DataFrame::empty());
    };
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
        "report_year",
        "doc_kind",
    ];
    docs.select(cols.iter().map(|c| col(*c)).collect::<Vec<_>>())
        .with_column(col("report_year").cast(DataType::Int32))
        // Partitioned datasets come back grouped by year: restore the input-path order.
        .sort(["source_path"], SortMultipleOptions::default())
        .with_row_index("doc_index", None)
        .collect()
}

/// Facts with an indicator → one row per (document, indicator, unit). Parts of a breakdown
/// whose total has the same indicator are left out, so totals are not counted twice.
fn aggregate(
    facts: LazyFrame,
    docs: &DataFrame,
    taxonomy: &Taxonomy,
) -> PolarsResult<Vec<IndicatorRow>> {
    if docs.height() == 0 {
        return Ok(Vec::new());
    }
    let facts = facts
        .select([
            col("doc_id"),
            col("fact_id"),
            col("indicator"),
            col("unit_normalized"),
            col("value_normalized"),
            col("breakdown_of"),
        ])
        .filter(col("indicator").is_not_null());
    let totals = facts.clone().select([
        col("doc_id"),
        col("fact_id").alias("breakdown_of"),
        col("indicator").alias("total_indicator"),
    ]);
    let doc_index = docs
        .clone()
        .lazy()
        .select([col("doc_id"), col("doc_index")]);
    let grouped = facts
        .join(
            totals,
            [col("doc_id"), col("breakdown_of")],
            [col("doc_id"), col("breakdown_of")],
            JoinArgs::new(JoinType::Left),
        )
        .filter(
            col("total_indicator")
                .is_null()
                .or(col("total_indicator").neq(col("indicator"))),
        )
        .join(
            doc_index,
            [col("doc_id")],
            [col("doc_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .sort(["doc_index", "fact_id"], SortMultipleOptions::default())
        .group_by_stable([
            col("doc_index"),
            col("doc_id"),
            col("indicator"),
            col("unit_normalized"),
        ])
        .agg([
            col("value_normalized").sum().alias("sum"),
            col("value_normalized").first().alias("first"),
            len().alias("n_facts"),
            col("fact_id").alias("fact_ids"),
        ])
        .sort(
            ["doc_index", "indicator", "unit_normalized"],
            SortMultipleOptions::default(),
        )
        // The streaming engine works through the facts in morsels: memory is bounded by the
        // aggregated rows, not by the corpus.
        .collect_with_engine(Engine::Streaming)?
        .unwrap_single();

    let s = |name: &str| {
        grouped
            .column(name)
            .map(|c| c.as_materialized_series().clone())
    };
    let doc_index = s("doc_index")?.cast(&DataType::UInt32)?;
    let doc_index = doc_index.u32()?;
    let (doc_id, indicator, unit) = (s("doc_id")?, s("indicator")?, s("unit_normalized")?);
    let (doc_id, indicator, unit) = (doc_id.str()?, indicator.str()?, unit.str()?);
    let (sum, first) = (s("sum")?, s("first")?);
    let (sum, first) = (sum.f64()?, first.f64()?);
    let n_facts = s("n_facts")?.cast(&DataType::UInt32)?;
    let n_facts = n_facts.u32()?;
    let fact_ids = s("fact_ids")?;
    let fact_ids = fact_ids.list()?;

    let mut rows = Vec::with_capacity(grouped.height());
    for i in 0..grouped.height() {
        let ids = fact_ids.get_as_series(i);
        let code = indicator.get(i).unwrap_or_default();
        let value = match taxonomy.aggregate(code) {
            Some(Aggregate::First) => first.get(i),
            _ => sum.get(i),
        };
        let ids: Vec<String> = ids
            .map(|s| {
                s.i32()
                    .map(|ca| {
                        (0..ca.len())
                            .filter_map(|k| ca.get(k))
                            .map(|x| x.to_string())
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        rows.push(IndicatorRow {
            doc_index: doc_index.get(i).unwrap_or_default(),
            doc_id: doc_id.get(i).unwrap_or_default().to_string(),
            indicator: code.to_string(),
            unit: unit.get(i).unwrap_or_default().to_string(),
            value: value.unwrap_or(f64::NAN),
            n_facts: n_facts.get(i).unwrap_or_default(),
            fact_ids: ids.join(";"),
        });
    }
    Ok(rows)
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
            let s = df.column(name)?.as_materialized_series().clone();
            let ca = s.str()?;
            Ok((0..ca.len()).map(|i| ca.get(i).map(String::from)).collect())
        };
        let years = df.column("report_year")?.as_materialized_series().clone();
        let years = years.i32()?;
        let years: Vec<Option<i32>> = (0..years.len()).map(|i| years.get(i)).collect();
        let (ids, paths, orgs, shorts, levels) = (
            text("doc_id")?,
            text("source_path")?,
            text("organization")?,
            text("org_short")?,
            text("admin_level")?,
        );
        let (provinces, cities, counties, codes, kinds) = (
            text("province")?,
            text("city")?,
            text("county")?,
            text("division_code")?,
            text("doc_kind")?,
        );
        let rows = (0..df.height())
            .map(|i| DocRow {
                doc_id: ids[i].clone().unwrap_or_default(),
                source_path: paths[i].clone().unwrap_or_default(),
                organization: orgs[i].clone(),
                org_short: shorts[i].clone(),
                admin_level: levels[i].clone(),
                province: provinces[i].clone(),
                city: cities[i].clone(),
                county: counties[i].clone(),
                division_code: codes[i].clone(),
                report_year: years[i],
                doc_kind: kinds[i].clone().unwrap_or_default(),
            })
            .collect();
        Ok(DocInfo { rows })
    }
}

/// Whether a row is in its indicator's panel unit (or a synonym of it: 宗 for 件).
fn in_panel_unit(taxonomy: &Taxonomy, r: &IndicatorRow) -> bool {
    taxonomy
        .panel_unit(&r.indicator)
        .is_some_and(|u| count_unit_family(u) == count_unit_family(&r.unit))
}

/// Per indicator (in its panel unit): documents reporting it, total and median; most
/// reported first.
fn summarize(values: HashMap<&'static str, Vec<f64>>) -> Vec<(String, u64, f64, f64)> {
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
