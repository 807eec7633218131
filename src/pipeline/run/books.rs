//! A run's accounting, in input order: totals, the run report's counts, the warnings met,
//! `duplicate_of` (the first document with each body), and each file's catalog entry.

use std::collections::{BTreeMap, HashMap};

use serde_json::json;

use super::incremental::catalog::{self, DocEntry, Entry, RejectEntry};
use super::worker::Processed;
use super::writers::Batch;
use super::{FirstByBody, RunSummary};

/// Counts for the run report, gathered while writing (bounded: a few maps keyed by year
/// and kind, at most `MAX_REJECTS_SHOWN` rejects, and the report's own bounded collector).
#[derive(Debug, Clone, Default)]
pub struct RunStats {
    pub per_year: BTreeMap<Option<i32>, u64>,
    pub per_kind: BTreeMap<String, u64>,
    /// Documents having each mandated part, in `SectionType::MANDATED` order.
    pub coverage: [u64; 4],
    pub facts_by_kind: BTreeMap<String, u64>,
    pub rejects_shown: Vec<(String, String, String)>,
    /// The rest of what the run report shows (field coverage, the document table, warning
    /// kinds, per-level figures).
    pub report: crate::report::ReportCollector,
}

pub(crate) const MAX_REJECTS_SHOWN: usize = 200;

impl RunStats {
    fn add_document(&mut self, path: &str, d: &DocEntry) {
        *self.per_year.entry(d.report_year).or_default() += 1;
        *self.per_kind.entry(d.doc_kind.clone()).or_default() += 1;
        for (n, has) in self.coverage.iter_mut().zip(d.has_mandated) {
            *n += u64::from(has);
        }
        for (kind, n) in &d.facts_by_kind {
            *self.facts_by_kind.entry(kind.clone()).or_default() += n;
        }
        self.report.add_document(d.report_row(path));
    }

    fn add_reject(&mut self, path: &str, r: &RejectEntry) {
        self.report.add_reject(path, &r.error);
        if self.rejects_shown.len() < MAX_REJECTS_SHOWN {
            self.rejects_shown
                .push((path.to_string(), r.stage.clone(), r.error.clone()));
        }
    }
}

/// Counts how often each warning was met, for the manifest (bounded: at most 100 kinds).
#[derive(Default, Clone)]
pub(crate) struct WarningTally {
    pub(crate) counts: HashMap<String, u64>,
    pub(crate) other: u64,
}

impl WarningTally {
    const MAX_KINDS: usize = 100;

    pub(crate) fn add(&mut self, warning: &str) {
        if let Some(n) = self.counts.get_mut(warning) {
            *n += 1;
        } else if self.counts.len() < Self::MAX_KINDS {
            self.counts.insert(warning.to_string(), 1);
        } else {
            self.other += 1;
        }
    }

    pub(crate) fn to_json(&self) -> serde_json::Value {
        let mut v: Vec<(&String, &u64)> = self.counts.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        json!({
            "kinds": v.iter().map(|(k, n)| json!({"warning": k, "count": n})).collect::<Vec<_>>(),
            "other": self.other,
        })
    }
}

impl FirstByBody {
    /// The doc_id of the first document with this body when it comes before `index` (no
    /// change to what is remembered).
    pub(crate) fn before(&self, body_sha: &str, index: u64) -> Option<String> {
        let body = u64::from_str_radix(body_sha, 16).ok()?;
        let &(first_index, first_doc) = self.0.get(&body)?;
        (first_index < index).then(|| format!("{first_doc:016x}"))
    }
}

/// Counts one document into a run's (or a dataset's) totals.
pub(crate) fn count_document(
    summary: &mut RunSummary,
    warnings: &mut WarningTally,
    path: &str,
    d: &DocEntry,
) {
    summary.files_found += 1;
    summary.documents += 1;
    summary.input_bytes += d.source_bytes;
    summary.duplicates += u64::from(d.duplicate_of.is_some());
    for w in &d.warnings {
        warnings.add(w);
    }
    summary.stats.add_document(path, d);
}

/// Counts one reject into a run's (or a dataset's) totals.
pub(crate) fn count_reject(
    summary: &mut RunSummary,
    warnings: &mut WarningTally,
    path: &str,
    r: &RejectEntry,
) {
    summary.files_found += 1;
    summary.rejected += 1;
    summary.input_bytes += r.source_bytes;
    warnings.add(&format!("rejected: {}", r.error));
    summary.stats.add_reject(path, r);
}

/// The run's running totals, kept in input order between batches.
pub(crate) struct Bookkeeping<'a> {
    pub(crate) summary: &'a mut RunSummary,
    pub(crate) first_by_body: &'a mut FirstByBody,
    pub(crate) warnings: &'a mut WarningTally,
    /// Each file's catalog entry and walk position (incremental runs; part 0 until the
    /// catalog places it).
    pub(crate) records: Option<&'a mut Vec<(u64, Entry)>>,
}

impl Bookkeeping<'_> {
    /// Keeps a file's catalog entry (incremental runs only; part 0 until the catalog places it).
    fn record(
        &mut self,
        index: u64,
        path: &str,
        stat: Option<catalog::FileStat>,
        outcome: impl FnOnce() -> catalog::Outcome,
    ) {
        if let Some(records) = self.records.as_deref_mut() {
            records.push((
                index,
                Entry {
                    path: path.to_string(),
                    stat,
                    part: 0,
                    outcome: outcome(),
                },
            ));
        }
    }

    /// Counts one batch's results in input order and marks duplicates of earlier bodies.
    pub(crate) fn account(&mut self, results: Vec<Processed>) -> Batch {
        let mut docs = Vec::with_capacity(results.len());
        let mut built_by = Vec::with_capacity(results.len());
        let mut rejects = Vec::new();
        for Processed {
            outcome: result,
            times,
            worker,
            stat,
            index,
        } in results
        {
            self.summary.stage_times.add(&times);
            match result {
                Ok(mut doc) => {
                    doc.duplicate_of =
                        self.first_by_body
                            .first(&doc.body_sha, &doc.source.doc_id, index);
                    let entry = DocEntry::of(&doc);
                    count_document(self.summary, self.warnings, &doc.source.source_path, &entry);
                    self.record(index, &doc.source.source_path, stat, || {
                        catalog::Outcome::Document(Box::new(entry))
                    });
                    docs.push(doc);
                    built_by.push(worker);
                }
                Err(reject) => {
                    crate::log::reject(&reject.source_path, reject.stage, &reject.error);
                    let entry = RejectEntry::of(&reject);
                    count_reject(self.summary, self.warnings, &reject.source_path, &entry);
                    self.record(index, &reject.source_path, stat, || {
                        catalog::Outcome::Reject(entry)
                    });
                    rejects.push(reject);
                }
            }
        }
        Batch {
            docs,
            built_by,
            rejects,
        }
    }
}
