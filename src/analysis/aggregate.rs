//! One chunk's facts → one row per (document, indicator, relation, unit), grouped and
//! aggregated by polars (a DataFrame of the chunk's facts, its stable group-by, sums, counts
//! and lists per group).

use arrow_array::Array as _;
use polars::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::read::{date32, float64, int32, text, ChunkFacts};
use crate::indicators::{Aggregate, Taxonomy};
use crate::model::Relation;

/// One aggregated indicator value.
pub(super) struct IndicatorRow {
    /// The document's position in its chunk (`DocInfo::rows`).
    pub doc_index: u32,
    pub indicator: String,
    pub relation: String,
    pub unit: String,
    pub value: f64,
    pub n_facts: u32,
    pub fact_ids: Vec<i64>,
    pub value_fact_id: Option<i32>,
}

/// The facts that feed indicators, as a polars frame: those with an indicator, less the parts
/// of a breakdown whose total has the same indicator (so totals are not counted twice).
fn indicator_facts(facts: &ChunkFacts) -> Result<DataFrame, String> {
    let mut doc_index: Vec<u32> = Vec::new();
    let mut fact_id: Vec<i32> = Vec::new();
    let mut indicator: Vec<&str> = Vec::new();
    let mut relation: Vec<&str> = Vec::new();
    let mut unit: Vec<Option<&str>> = Vec::new();
    let mut value: Vec<Option<f64>> = Vec::new();
    // days since 1970-01-01: the year is read in `aggregate`
    let mut as_of_day: Vec<Option<i32>> = Vec::new();
    let mut breakdown_of: Vec<Option<i32>> = Vec::new();
    let mut rows = facts.doc_index.iter();
    for batch in &facts.batches {
        let (ids, codes) = (int32(batch, "fact_id")?, text(batch, "indicator")?);
        let units = text(batch, "unit_normalized")?;
        let values = float64(batch, "value_normalized")?;
        let (relations, days) = (text(batch, "relation")?, date32(batch, "as_of_date")?);
        let totals = int32(batch, "breakdown_of")?;
        for i in 0..batch.num_rows() {
            let doc = rows.next().copied().unwrap_or_default();
            if codes.is_null(i) {
                continue;
            }
            doc_index.push(doc);
            fact_id.push(ids.value(i));
            indicator.push(codes.value(i));
            relation.push(relations.value(i));
            unit.push(units.is_valid(i).then(|| units.value(i)));
            value.push(values.is_valid(i).then(|| values.value(i)));
            as_of_day.push(days.is_valid(i).then(|| days.value(i)));
            breakdown_of.push(totals.is_valid(i).then(|| totals.value(i)));
        }
    }
    // (document, fact_id) → indicator of each of these facts, for the breakdowns' totals.
    let coded: HashMap<(u32, i32), &str> = (0..fact_id.len())
        .map(|k| ((doc_index[k], fact_id[k]), indicator[k]))
        .collect();
    // Parts of a breakdown whose total has their indicator are dropped here, in plain
    // vectors: a polars filter would first build its global 8 MiB zero buffer, written page by
    // page (about 2,000 page faults, most of a small run's kernel time).
    let keep: Vec<bool> = (0..fact_id.len())
        .map(|k| {
            let total = breakdown_of[k].and_then(|t| coded.get(&(doc_index[k], t)));
            total != Some(&indicator[k])
        })
        .collect();
    fn kept<T>(values: Vec<T>, keep: &[bool]) -> Vec<T> {
        values
            .into_iter()
            .zip(keep)
            .filter_map(|(v, &k)| k.then_some(v))
            .collect()
    }
    DataFrame::new_infer_height(vec![
        Column::new("doc_index".into(), kept(doc_index, &keep)),
        Column::new("fact_id".into(), kept(fact_id, &keep)),
        Column::new("indicator".into(), kept(indicator, &keep)),
        Column::new("relation".into(), kept(relation, &keep)),
        Column::new("unit_normalized".into(), kept(unit, &keep)),
        Column::new("value_normalized".into(), kept(value, &keep)),
        Column::new("as_of_day".into(), kept(as_of_day, &keep)),
    ])
    .map_err(|e| e.to_string())
}

/// The group-by keys, which are also the output's sort order.
const KEYS: [&str; 4] = ["doc_index", "indicator", "relation", "unit_normalized"];

/// Per (document, indicator, relation, unit), in `KEYS` order: the sum of the values, and the
/// values, fact ids and as-of days of its facts as lists in text order.
fn grouped(facts: DataFrame) -> PolarsResult<DataFrame> {
    let facts = facts.sort(["doc_index", "fact_id"], SortMultipleOptions::default())?;
    let by = facts.group_by_stable(KEYS)?;
    let groups = by.get_groups();
    let mut columns = by.keys();
    let agg = |name: &str, alias: &str, list: bool| -> PolarsResult<Column> {
        let column = facts.column(name)?;
        // SAFETY: `groups` index rows of `facts`, the frame they were built from.
        let mut out = unsafe {
            if list {
                column.agg_list(groups)
            } else {
                column.agg_sum(groups)
            }
        };
        out.rename(alias.into());
        Ok(out)
    };
    columns.push(agg("value_normalized", "sum", false)?);
    columns.push(agg("value_normalized", "values", true)?);
    columns.push(
        groups
            .group_count()
            .with_name("n_facts".into())
            .into_column(),
    );
    columns.push(agg("fact_id", "fact_ids", true)?);
    columns.push(agg("as_of_day", "as_of_days", true)?);
    DataFrame::new_infer_height(columns)?.sort(KEYS, SortMultipleOptions::default())
}

/// Facts → one row per (document, indicator, relation, unit). Parts of a breakdown whose
/// total has the same indicator are left out; changes are rows of their own; rates and
/// changes take one fact, never a sum (the first for the report's own period:
/// `years[doc_index]` is each document's report year).
pub(super) fn aggregate(
    facts: &ChunkFacts,
    taxonomy: &Taxonomy,
    years: &[Option<i32>],
) -> Result<Vec<IndicatorRow>, String> {
    let facts = indicator_facts(facts)?;
    if facts.height() == 0 {
        return Ok(Vec::new());
    }
    rows_of(&grouped(facts).map_err(|e| e.to_string())?, taxonomy, years).map_err(|e| e.to_string())
}

/// The grouped frame's rows as `IndicatorRow`s, with each rate's or change's value chosen.
fn rows_of(
    grouped: &DataFrame,
    taxonomy: &Taxonomy,
    years: &[Option<i32>],
) -> PolarsResult<Vec<IndicatorRow>> {
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
