//! Orchestration: discover → read (parallel) → clean → structure → extract → write.
//!
//! Documents are processed in bounded batches on a rayon pool; each batch's rows are
//! appended to the table writers in input order before the next batch is read, so memory
//! depends on the batch size, not on the corpus, and output is the same for any thread count.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::IsTerminal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::json;

use crate::clean::clean_document;
use crate::extract::facts::extract_facts_bounded;
use crate::extract::metadata::extract_metadata;
use crate::gazetteer::Gazetteer;
use crate::indicators::Taxonomy;
use crate::ingest::{self, InputFile, ReadLimits};
use crate::model::{DateMention, DocMeta, DocResult, Fact, Reject, Section, SourceDoc};
use crate::structure::{build_sections, missing_mandated};
use crate::tables::sink::SinkOptions;

mod incremental;
pub mod lock;
mod manifest;
use incremental::catalog::{self, DocEntry, Entry, FileStat, RejectEntry};
mod writers;
pub use manifest::{peak_rss_bytes, process_cpu_seconds, ProcessCpu};
use manifest::{report_data, write_manifest};
use writers::{
    run_table_writer, Batch, TableWriter, WriterResult, TABLE_WRITERS, WRITER_QUEUE_BATCHES,
};

/// The gazetteer shipped in `data/gazetteer/`, compiled into the binary so that the tool
/// works from any directory. Built once per process.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::embedded().expect("the embedded gazetteer is valid (checked by tests)")
});

/// The indicator taxonomy that ships in `pipelines/indicators.toml`, used when a pipeline
/// file names none (and by `govreport extract`).
pub const DEFAULT_TAXONOMY: &str = include_str!("../../pipelines/indicators.toml");

/// Parses a taxonomy once for the whole run; it lives as long as the process.
pub fn load_taxonomy(text: &str, origin: &str) -> Result<&'static Taxonomy, String> {
    let t = Taxonomy::parse_named(text, origin)?;
    Ok(Box::leak(Box::new(t)))
}

/// Reference data every document needs, built once per run.
#[derive(Debug, Clone, Copy)]
pub struct Resources {
    /// Built on first use (about a tenth of a second): `run` starts building it on a thread
    /// of its own, so the first files are read and cleaned meanwhile.
    pub gazetteer: &'static LazyLock<Gazetteer>,
    pub taxonomy: &'static Taxonomy,
}

impl Resources {
    /// The embedded gazetteer and the default taxonomy (parsed once per process).
    pub fn embedded() -> Result<Self, String> {
        static EMBEDDED: std::sync::OnceLock<Result<Resources, String>> =
            std::sync::OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                Ok(Resources {
                    gazetteer: &GAZETTEER,
                    taxonomy: load_taxonomy(DEFAULT_TAXONOMY, "pipelines/indicators.toml")?,
                })
            })
            .clone()
    }
}

/// The run's input files: a walk of the input root, or the list of `--files-from`; each
/// with its crawl manifest record.
pub(crate) struct Inputs<'a> {
    source: InputSource<'a>,
    crawl: Option<&'a ingest::crawl::CrawlManifest>,
}

enum InputSource<'a> {
    Walk(Box<ingest::Discovery<'a>>),
    Listed(std::vec::IntoIter<InputFile>, ingest::Skipped),
}

impl Inputs<'_> {
    /// What the walk (or the list) skipped so far.
    pub(crate) fn skipped(&self) -> ingest::Skipped {
        match &self.source {
            InputSource::Walk(d) => d.skipped,
            InputSource::Listed(_, s) => *s,
        }
    }
}

impl Iterator for Inputs<'_> {
    type Item = InputFile;

    fn next(&mut self) -> Option<InputFile> {
        let mut file = match &mut self.source {
            InputSource::Walk(d) => d.next()?,
            InputSource::Listed(files, _) => files.next()?,
        };
        if let Some(crawl) = self.crawl {
            file.origin = crawl.get(&file.rel_path).cloned();
        }
        Some(file)
    }
}

/// The input files of a run (see `Inputs`).
pub(crate) fn inputs<'a>(cfg: &'a RunConfig, excludes: &'a globset::GlobSet) -> Inputs<'a> {
    let source = match &cfg.files_from {
        None => InputSource::Walk(Box::new(ingest::discover(&cfg.input, excludes))),
        Some(list) => {
            let (files, skipped) = ingest::listed::listed(&cfg.input, list, excludes);
            InputSource::Listed(files.into_iter(), skipped)
        }
    };
    Inputs {
        source,
        crawl: cfg.crawl.as_ref(),
    }
}

/// Everything a run needs, after the pipeline file and the flags are merged.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub input: PathBuf,
    pub output: PathBuf,
    pub exclude: Vec<String>,
    pub threads: usize,
    pub batch_size: usize,
    pub limits: ReadLimits,
    pub csv_bom: bool,
    pub pipeline_file: Option<PathBuf>,
    pub pipeline_text: Option<String>,
    pub progress: bool,
    /// Write the per-document tables Hive-partitioned by report_year.
    pub partition_by_year: bool,
    pub resources: Resources,
    /// Keep the output as a dataset with a catalog and process only new and changed inputs
    /// (see `incremental`).
    pub incremental: bool,
    /// A run that rejects more than this share of the files it reads fails and leaves the
    /// previous tables in place.
    pub max_reject_rate: Option<f64>,
    /// Text of the taxonomy file when it is not the built-in one (for the catalog's
    /// fingerprint).
    pub taxonomy_text: Option<String>,
    /// Which files each table is written as.
    pub formats: Formats,
    /// The input files as a list (`--files-from`: one path a line) instead of a walk.
    pub files_from: Option<String>,
    /// Each input's address and fetch time (`--crawl-manifest`).
    pub crawl: Option<ingest::crawl::CrawlManifest>,
}

/// The table formats a run writes (`--formats`; both by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub parquet: bool,
    pub csv: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            parquet: true,
            csv: true,
        }
    }
}

impl Formats {
    /// `parquet,csv`, `parquet` or `csv`.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut f = Formats {
            parquet: false,
            csv: false,
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "parquet" => f.parquet = true,
                "csv" => f.csv = true,
                other => {
                    return Err(format!(
                    "unknown table format {other:?} in {list:?}: the formats are parquet and csv"
                ))
                }
            }
        }
        if !f.parquet && !f.csv {
            return Err(format!(
                "{list:?} names no table format: give parquet, csv or both"
            ));
        }
        Ok(f)
    }
}

impl RunConfig {
    /// How the table writers write.
    pub fn sink_options(&self) -> SinkOptions {
        SinkOptions {
            csv_bom: self.csv_bom,
            skip_csv: !self.formats.csv,
        }
    }
}

/// What a run did (also written to manifest.json).
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    pub files_found: u64,
    pub documents: u64,
    pub rejected: u64,
    pub duplicates: u64,
    /// Paths the walk met that are neither documents nor rejects (hidden, excluded, …).
    pub skipped: ingest::Skipped,
    pub table_rows: Vec<(&'static str, u64)>,
    pub input_bytes: u64,
    pub elapsed_secs: f64,
    pub stage_times: StageTimes,
    pub analysis: crate::analysis::AnalysisSummary,
    pub stats: RunStats,
    /// An incremental run's manifest section: what it added, replaced, removed and read.
    pub incremental: Option<serde_json::Value>,
}

/// Counts for the run report, gathered while writing (bounded: a few maps keyed by year,
/// level and kind, and at most `MAX_REJECTS_SHOWN` rejects).
#[derive(Debug, Clone, Default)]
pub struct RunStats {
    pub per_year: BTreeMap<Option<i32>, u64>,
    pub per_level: BTreeMap<Option<String>, u64>,
    pub per_kind: BTreeMap<String, u64>,
    /// Documents having each mandated part, in `SectionType::MANDATED` order.
    pub coverage: [u64; 4],
    pub facts_by_kind: BTreeMap<String, u64>,
    pub rejects_shown: Vec<(String, String, String)>,
}

const MAX_REJECTS_SHOWN: usize = 200;

impl RunStats {
    fn add_document(&mut self, d: &DocEntry) {
        *self.per_year.entry(d.report_year).or_default() += 1;
        *self.per_level.entry(d.admin_level.clone()).or_default() += 1;
        *self.per_kind.entry(d.doc_kind.clone()).or_default() += 1;
        for (n, has) in self.coverage.iter_mut().zip(d.has_mandated) {
            *n += u64::from(has);
        }
        for (kind, n) in &d.facts_by_kind {
            *self.facts_by_kind.entry(kind.clone()).or_default() += n;
        }
    }

    fn add_reject(&mut self, path: &str, r: &RejectEntry) {
        if self.rejects_shown.len() < MAX_REJECTS_SHOWN {
            self.rejects_shown
                .push((path.to_string(), r.stage.clone(), r.error.clone()));
        }
    }
}

/// A stopwatch of the calling thread's CPU time, so that stage times add up to the CPU a run
/// used even when the writer threads and the workers share cores (wall time where the
/// platform has no thread clock).
#[derive(Clone, Copy)]
struct CpuClock(Duration);

impl CpuClock {
    fn start() -> Self {
        CpuClock(thread_cpu_time())
    }

    fn elapsed(&self) -> Duration {
        thread_cpu_time().saturating_sub(self.0)
    }
}

#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given, which lives on this stack.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if ok {
        Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
    } else {
        wall_clock()
    }
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    wall_clock()
}

fn wall_clock() -> Duration {
    static START: LazyLock<Instant> = LazyLock::new(Instant::now);
    START.elapsed()
}

/// CPU time spent in each stage, summed over documents and threads (the analysis stage,
/// which runs alone on polars' threads, in wall time).
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    pub read: Duration,
    pub clean: Duration,
    pub structure: Duration,
    pub extract: Duration,
    pub write: Duration,
    /// The polars stage (indicators and panel) after all documents are written.
    pub analysis: Duration,
}

impl StageTimes {
    fn add(&mut self, o: &StageTimes) {
        self.read += o.read;
        self.clean += o.clean;
        self.structure += o.structure;
        self.extract += o.extract;
        self.write += o.write;
        self.analysis += o.analysis;
    }

    /// The per-document stages' times (wall) shared out so that they add up to `cpu`, the
    /// CPU time the document took over `wall`.
    fn scaled_to(self, cpu: Duration, wall: Duration) -> StageTimes {
        let staged = self.read + self.clean + self.structure + self.extract;
        if staged.is_zero() || wall.is_zero() {
            return self;
        }
        // Time outside the stages (hand-over, hashing) counts to no stage, as before.
        let factor = cpu.as_secs_f64() / wall.as_secs_f64();
        let scale = |d: Duration| d.mul_f64(factor);
        StageTimes {
            read: scale(self.read),
            clean: scale(self.clean),
            structure: scale(self.structure),
            extract: scale(self.extract),
            ..self
        }
    }

    fn to_json(self) -> serde_json::Value {
        json!({
            "read": self.read.as_secs_f64(),
            "clean": self.clean.as_secs_f64(),
            "structure": self.structure.as_secs_f64(),
            "extract": self.extract.as_secs_f64(),
            "write": self.write.as_secs_f64(),
            "analysis": self.analysis.as_secs_f64(),
        })
    }
}

/// Runs every stage on one decoded document. Pure: same input, same output.
pub fn process_document(source: SourceDoc, res: Resources) -> DocResult {
    process_document_timed(source, res).0
}

/// `process_document`, also measuring each stage.
pub fn process_document_timed(source: SourceDoc, res: Resources) -> (DocResult, StageTimes) {
    // Stage boundaries read the monotonic clock (no system call); `process_file` turns these
    // wall times into shares of the document's CPU time.
    let mut times = StageTimes::default();
    let t = Instant::now();
    let chars_raw = source.text.chars().count();
    // `budget::check` between the stages: a document past its time budget stops here.
    let clean = clean_document(&source);
    times.clean = t.elapsed();
    crate::budget::check();
    let t = Instant::now();
    // Every rule reads the simplified reading of a traditional page (same offsets).
    let mut sections = build_sections(clean.text());
    times.structure = t.elapsed();
    crate::budget::check();
    let t = Instant::now();
    let (mut meta, mut dates) = extract_metadata(&clean, &sections, res.gazetteer);
    crate::budget::check();
    let (mut facts, fact_warnings) = extract_facts_bounded(clean.text(), &sections, &dates);
    res.taxonomy.assign(&mut facts);
    if let Some(reading) = clean.reading.as_deref() {
        restore_page_characters(
            &source.text,
            &clean.body,
            reading,
            (&mut meta, &mut sections, &mut facts, &mut dates),
        );
    }
    times.extract = t.elapsed();
    let required_sections_missing = missing_mandated(&sections);
    let body_sha = ingest::doc_id(clean.body.as_bytes());

    let mut warnings = source.warnings.clone();
    if clean.body.trim().is_empty() {
        warnings.push("no report text is left after removing website boilerplate".to_string());
    }
    warnings.extend(meta.warnings.iter().cloned());
    warnings.extend(fact_warnings);
    let doc = DocResult {
        source,
        chars_raw,
        clean,
        body_sha,
        duplicate_of: None,
        meta,
        sections,
        facts,
        dates,
        required_sections_missing,
        warnings,
    };
    (doc, times)
}

/// Printed columns of a traditional page in the page's own characters: everything was found
/// on the simplified reading, whose offsets are the body's.
fn restore_page_characters(
    text: &str,
    body: &str,
    reading: &str,
    (meta, sections, facts, dates): (
        &mut DocMeta,
        &mut [Section],
        &mut [Fact],
        &mut [DateMention],
    ),
) {
    let text_reading = crate::clean::reading::simplified_reading(text);
    let restorer = crate::clean::reading::Restorer::new(
        text,
        text_reading.as_deref().unwrap_or(text),
        body,
        reading,
    );
    for field in [
        &mut meta.title,
        &mut meta.organization,
        &mut meta.org_short,
        &mut meta.doc_number,
    ] {
        restorer.restore_opt(field);
    }
    for s in sections.iter_mut() {
        s.heading = restorer.restore(&s.heading);
        s.marker = restorer.restore(&s.marker);
    }
    // Facts of one sentence share it: restore each sentence once.
    let mut last: Option<(std::sync::Arc<str>, std::sync::Arc<str>)> = None;
    for f in facts.iter_mut() {
        f.raw = restorer.restore(&f.raw);
        restorer.restore_opt(&mut f.unit);
        restorer.restore_opt(&mut f.metric);
        let sentence = match &last {
            Some((read, page)) if std::sync::Arc::ptr_eq(read, &f.sentence) => page.clone(),
            _ => {
                let page: std::sync::Arc<str> = restorer.restore(&f.sentence).into();
                last = Some((f.sentence.clone(), page.clone()));
                page
            }
        };
        f.sentence = sentence;
    }
    for d in dates.iter_mut() {
        d.raw = restorer.restore(&d.raw);
    }
}

/// One file's outcome and the time each stage took on it.
type Outcome = (Result<DocResult, Reject>, StageTimes);

/// A file's outcome from a worker thread, with that thread's index in the pool.
struct Processed {
    outcome: Result<DocResult, Reject>,
    times: StageTimes,
    worker: usize,
    /// The file's size, time and hash when it was read (incremental runs only).
    stat: Option<FileStat>,
    /// Its position in the walk.
    index: u64,
}

/// A file to process and its position in the walk of the input (the path order that
/// `duplicate_of` follows).
pub(crate) type Indexed = (u64, InputFile);

/// Reads and processes one file; a panic in any stage becomes a reject, not a crash.
fn process_file(file: &InputFile, limits: ReadLimits, res: Resources) -> Outcome {
    // The thread's CPU clock is a system call (the monotonic clock is not): it is read twice
    // per document, and the stages' wall times are scaled to share out the CPU time.
    let cpu = CpuClock::start();
    let wall = Instant::now();
    let (outcome, times) = process_file_timed(file, limits, res);
    (outcome, times.scaled_to(cpu.elapsed(), wall.elapsed()))
}

/// `process_file` with wall times per stage. The document has `limits.max_seconds_per_file`
/// (see `budget`): past it, or on a panic in any stage, it becomes a reject.
fn process_file_timed(file: &InputFile, limits: ReadLimits, res: Resources) -> Outcome {
    let _deadline = crate::budget::start(limits.time_budget());
    let t = Instant::now();
    let mut read = Duration::ZERO;
    let mut bytes = 0;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut source = ingest::read_input(file, limits)?;
        source.origin = file.origin.clone().unwrap_or_default();
        read = t.elapsed();
        bytes = source.source_bytes;
        crate::budget::check();
        Ok(process_document_timed(source, res))
    }));
    let stage = if read.is_zero() { "ingest" } else { "extract" };
    let failed = |error: String| Reject {
        source_path: file.rel_path.clone(),
        stage,
        error,
        source_bytes: bytes.max(file_size(file)),
    };
    let only_read = |read: Duration| StageTimes {
        read: if read.is_zero() { t.elapsed() } else { read },
        ..Default::default()
    };
    match outcome {
        Ok(Ok((doc, times))) => (Ok(doc), StageTimes { read, ..times }),
        Ok(Err(reject)) => (Err(reject), only_read(read)),
        Err(panic) => {
            let (unwound_at, error) = unwind_sentence(&*panic, limits);
            let reject = Reject {
                stage: unwound_at.unwrap_or(stage),
                ..failed(error)
            };
            (Err(reject), only_read(read))
        }
    }
}

/// The stage (when the payload names one) and the sentence for a document whose processing
/// unwound: past its time budget, refused by a stage, or a panic (a bug).
pub fn unwind_sentence(
    payload: &(dyn std::any::Any + Send),
    limits: ReadLimits,
) -> (Option<&'static str>, String) {
    if crate::budget::is_exceeded(payload) {
        return (
            None,
            format!(
                "took longer than {} s (max_seconds_per_file); not processed",
                limits.max_seconds_per_file
            ),
        );
    }
    if let Some(r) = payload.downcast_ref::<crate::budget::Refused>() {
        return (Some(r.stage), r.sentence.clone());
    }
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into());
    (
        None,
        format!("internal error while processing (please report): {what}"),
    )
}

/// A file's size for a reject row when it was not read (0 if unknown).
fn file_size(file: &InputFile) -> u64 {
    std::fs::metadata(&file.path).map_or(0, |m| m.len())
}

/// Counts how often each warning was met, for the manifest (bounded: at most 100 kinds).
#[derive(Default)]
pub(crate) struct WarningTally {
    counts: HashMap<String, u64>,
    other: u64,
}

impl WarningTally {
    const MAX_KINDS: usize = 100;

    fn add(&mut self, warning: &str) {
        if let Some(n) = self.counts.get_mut(warning) {
            *n += 1;
        } else if self.counts.len() < Self::MAX_KINDS {
            self.counts.insert(warning.to_string(), 1);
        } else {
            self.other += 1;
        }
    }

    fn to_json(&self) -> serde_json::Value {
        let mut v: Vec<(&String, &u64)> = self.counts.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        json!({
            "kinds": v.iter().map(|(k, n)| json!({"warning": k, "count": n})).collect::<Vec<_>>(),
            "other": self.other,
        })
    }
}

/// Body hash → the document with that body that comes first in path order (its position in
/// the walk and its doc_id), for `duplicate_of`. Ids are 16 hex digits of a 64-bit hash, kept
/// as numbers: about 30 bytes a document, the only state of a run that grows with the corpus.
#[derive(Default)]
pub(crate) struct FirstByBody(rustc_hash::FxHashMap<u64, (u64, u64)>);

impl FirstByBody {
    /// The doc_id of the first document (in walk order) with this body when it comes before
    /// `index`, else `None`; the document is remembered when it is the first so far. A full
    /// run sees documents in walk order; an incremental one also remembers the documents it
    /// keeps, so a new file can come before them.
    pub(crate) fn first(&mut self, body_sha: &str, doc_id: &str, index: u64) -> Option<String> {
        let (Ok(body), Ok(doc)) = (
            u64::from_str_radix(body_sha, 16),
            u64::from_str_radix(doc_id, 16),
        ) else {
            return None; // not ids made by `ingest::doc_id`
        };
        match self.0.entry(body) {
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let (first_index, first_doc) = *e.get();
                if first_index < index {
                    Some(format!("{first_doc:016x}"))
                } else {
                    e.insert((index, doc));
                    None
                }
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((index, doc));
                None
            }
        }
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
fn count_document(summary: &mut RunSummary, warnings: &mut WarningTally, d: &DocEntry) {
    summary.files_found += 1;
    summary.documents += 1;
    summary.input_bytes += d.source_bytes;
    summary.duplicates += u64::from(d.duplicate_of.is_some());
    for w in &d.warnings {
        warnings.add(w);
    }
    summary.stats.add_document(d);
}

/// Counts one reject into a run's (or a dataset's) totals.
fn count_reject(
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
struct Bookkeeping<'a> {
    summary: &'a mut RunSummary,
    first_by_body: &'a mut FirstByBody,
    warnings: &'a mut WarningTally,
    /// Each file's catalog entry and walk position (incremental runs; part 0 until the
    /// catalog places it).
    records: Option<&'a mut Vec<(u64, Entry)>>,
}

impl Bookkeeping<'_> {
    /// Counts one batch's results in input order and marks duplicates of earlier bodies.
    fn account(&mut self, results: Vec<Processed>) -> Batch {
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
                    count_document(self.summary, self.warnings, &entry);
                    if let Some(records) = self.records.as_deref_mut() {
                        let path = doc.source.source_path.clone();
                        records.push((
                            index,
                            Entry {
                                path,
                                stat,
                                part: 0,
                                outcome: catalog::Outcome::Document(entry),
                            },
                        ));
                    }
                    docs.push(doc);
                    built_by.push(worker);
                }
                Err(reject) => {
                    crate::log::reject(&reject.source_path, reject.stage, &reject.error);
                    let entry = RejectEntry::of(&reject);
                    count_reject(self.summary, self.warnings, &reject.source_path, &entry);
                    if let Some(records) = self.records.as_deref_mut() {
                        let path = reject.source_path.clone();
                        records.push((
                            index,
                            Entry {
                                path,
                                stat,
                                part: 0,
                                outcome: catalog::Outcome::Reject(entry),
                            },
                        ));
                    }
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

/// Progress for people (a bar on a terminal) and for nightly logs (a line every 10 s).
pub(crate) enum Progress {
    Off,
    Bar(indicatif::ProgressBar),
    Log(Instant),
}

impl Progress {
    pub(crate) fn new(enabled: bool) -> Self {
        if !enabled {
            Progress::Off
        } else if std::io::stderr().is_terminal() && !crate::log::is_json() {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(200));
            Progress::Bar(bar)
        } else {
            Progress::Log(Instant::now())
        }
    }

    fn update(&mut self, s: &RunSummary, started: Instant) {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let msg = format!(
            "{} files, {} documents, {} rejected, {:.1} MB at {:.1} MB/s",
            s.files_found,
            s.documents,
            s.rejected,
            s.input_bytes as f64 / 1e6,
            s.input_bytes as f64 / 1e6 / secs
        );
        match self {
            Progress::Off => {}
            Progress::Bar(b) => b.set_message(msg),
            Progress::Log(last) => {
                if last.elapsed() >= Duration::from_secs(10) {
                    *last = Instant::now();
                    crate::log::event(
                        crate::log::Level::Info,
                        "progress",
                        &format!("{msg} ({secs:.0}s)"),
                        json!({
                            "files": s.files_found,
                            "documents": s.documents,
                            "rejected": s.rejected,
                            "input_bytes": s.input_bytes,
                            "elapsed_seconds": secs,
                        }),
                    );
                }
            }
        }
    }

    pub(crate) fn finish(&self) {
        if let Progress::Bar(b) = self {
            b.finish_and_clear();
        }
    }
}

/// Runs the pipeline: a full run, or an incremental one (`cfg.incremental`). Tables are
/// written to a temporary directory beside `output` and moved into place only when
/// everything succeeded; one run at a time holds the output's lock.
pub fn run(cfg: &RunConfig) -> Result<RunSummary, String> {
    let started_at = chrono::Utc::now();
    check_input(cfg)?;
    let excludes = ingest::build_excludes(&cfg.exclude)?;
    let gazetteer = cfg.resources.gazetteer;
    // Nothing waits for this thread: a worker that needs the gazetteer before it is built
    // waits on the lock instead.
    std::thread::Builder::new()
        .name("gazetteer".into())
        .spawn(move || {
            LazyLock::force(gazetteer);
        })
        .map_err(|e| format!("cannot start a thread: {e}"))?;
    crate::outdir::check_output(&cfg.output, &cfg.input).map_err(|r| r.0)?;
    let _lock = lock::acquire(&cfg.output)?;
    crate::outdir::restore_interrupted(&cfg.output);
    crate::outdir::remove_stale_siblings(&cfg.output);
    let tmp = crate::outdir::create_temp(&cfg.output)?;
    let result = if cfg.incremental {
        incremental::run_into(cfg, &excludes, &tmp, started_at)
    } else {
        run_into(cfg, &excludes, &tmp, started_at)
    };
    match result {
        Ok(summary) => {
            crate::outdir::replace_dir(&tmp, &cfg.output)?;
            Ok(summary)
        }
        Err(e) => {
            crate::outdir::discard_temp(&tmp);
            Err(e)
        }
    }
}

/// The input must exist and be a directory or a regular file (a configuration error
/// otherwise: nothing is touched).
pub fn check_input(cfg: &RunConfig) -> Result<(), String> {
    match fs::metadata(&cfg.input) {
        Err(e) => Err(format!(
            "input {} cannot be read: {}",
            cfg.input.display(),
            ingest::discover::io_sentence(&e)
        )),
        Ok(m) if !m.is_dir() && !m.is_file() => Err(format!(
            "input {} is not a directory or a regular file (a FIFO, socket or device?)",
            cfg.input.display()
        )),
        Ok(_) => Ok(()),
    }
}

/// A full run: every file of the input, into `dir`.
fn run_into(
    cfg: &RunConfig,
    excludes: &globset::GlobSet,
    dir: &Path,
    started_at: chrono::DateTime<chrono::Utc>,
) -> Result<RunSummary, String> {
    let started = Instant::now();
    let mut progress = Progress::new(cfg.progress);
    let mut walk = inputs(cfg, excludes);
    let mut files = (0u64..).zip(walk.by_ref());
    let mut first_by_body = FirstByBody::default();
    let (mut summary, warnings) = write_pass(
        cfg,
        &mut files,
        dir,
        &mut first_by_body,
        None,
        &mut progress,
    )?;
    summary.skipped = walk.skipped();
    progress.finish();
    check_outcome(cfg, &summary, summary.documents, summary.rejected)?;
    if !cfg.formats.parquet {
        // The indicators stage reads the Parquet files back: they are written, then removed.
        remove_parquet_files(dir)?;
    }
    summary.elapsed_secs = started.elapsed().as_secs_f64();
    write_run_files(cfg, dir, &summary, &warnings, started_at, None)?;
    Ok(summary)
}

/// Removes every `.parquet` file under `dir` (the run's own temporary directory), and the
/// folders left empty.
fn remove_parquet_files(dir: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && path.file_name().is_some_and(|n| n != "csv") {
            remove_parquet_files(&path)?;
            let _ = fs::remove_dir(&path); // only when it is empty now
        } else if path.extension().is_some_and(|e| e == "parquet") {
            fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// A run that leaves no document in the dataset, or rejects more than `max_reject_rate` of
/// the files it read, fails: the previous tables stay in place.
fn check_outcome(
    cfg: &RunConfig,
    dataset: &RunSummary,
    read: u64,
    rejected: u64,
) -> Result<(), String> {
    if dataset.documents == 0 {
        return Err(format!(
            "no document was read from {} ({} files found, {} rejected{}); the previous \
             tables are left in place",
            cfg.input.display(),
            dataset.files_found,
            dataset.rejected,
            first_rejects(dataset)
        ));
    }
    if let Some(max) = cfg.max_reject_rate {
        let files = read + rejected;
        let rate = if files == 0 {
            0.0
        } else {
            rejected as f64 / files as f64
        };
        if rate > max {
            return Err(format!(
                "{rejected} of the {files} files read were rejected ({:.1}%, more than \
                 --max-reject-rate {max}{}); the previous tables are left in place",
                rate * 100.0,
                first_rejects(dataset)
            ));
        }
    }
    Ok(())
}

/// `: path: why; …` for the first few rejects, so a failed night's log says why.
fn first_rejects(s: &RunSummary) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = s
        .stats
        .rejects_shown
        .iter()
        .take(SHOWN)
        .map(|(path, _, why)| format!("{path}: {why}"))
        .collect();
    if shown.is_empty() {
        return String::new();
    }
    let more = s.rejected.saturating_sub(SHOWN as u64);
    let more = if more > 0 {
        format!("; {more} more")
    } else {
        String::new()
    };
    format!(": {}{more}", shown.join("; "))
}

/// `manifest.json` and `report.html` of a finished run.
fn write_run_files(
    cfg: &RunConfig,
    dir: &Path,
    summary: &RunSummary,
    warnings: &WarningTally,
    started_at: chrono::DateTime<chrono::Utc>,
    incremental: Option<serde_json::Value>,
) -> Result<(), String> {
    let manifest = write_manifest(cfg, dir, summary, warnings, started_at, incremental)?;
    let report = report_data(cfg, summary, warnings, &manifest);
    fs::write(
        dir.join("report.html"),
        crate::report::render_report(&report),
    )
    .map_err(|e| format!("cannot write report.html: {e}"))
}

/// One pass over `files`: processes them and writes every table, the indicators and the
/// panel into `dir` as a full run lays them out. With `records`, each file's catalog entry is
/// kept (incremental runs). Returns the pass's totals and warnings.
pub(crate) fn write_pass(
    cfg: &RunConfig,
    files: &mut dyn Iterator<Item = Indexed>,
    dir: &Path,
    first_by_body: &mut FirstByBody,
    records: Option<&mut Vec<(u64, Entry)>>,
    progress: &mut Progress,
) -> Result<(RunSummary, WarningTally), String> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads)
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let opts = cfg.sink_options();
    let outputs = TABLE_WRITERS
        .iter()
        .map(|t| (t.open)(dir, opts, cfg.partition_by_year))
        .collect::<Result<Vec<_>, _>>()?;
    let mut summary = RunSummary::default();
    let mut warnings = WarningTally::default();
    let with_stat = records.is_some();
    let batch_size = cfg.batch_size.max(1);
    let mut worker_crashed = false;

    // Each table has its own writer thread fed through a bounded queue, so writing overlaps
    // the parallel extraction of the next batches without a barrier between them; each
    // table's rows still come in input order.
    let (written, analysis) = std::thread::scope(|scope| {
        let mut queues = Vec::new();
        let mut writers = Vec::new();
        for (
            out,
            TableWriter {
                name, write_rows, ..
            },
        ) in outputs.into_iter().zip(TABLE_WRITERS)
        {
            let (tx, rx) = std::sync::mpsc::sync_channel(WRITER_QUEUE_BATCHES);
            queues.push(tx);
            let pool = &pool;
            let writer = std::thread::Builder::new()
                .name(format!("write-{name}"))
                .spawn_scoped(scope, move || run_table_writer(out, write_rows, rx, pool))
                .map_err(|e| format!("cannot start the {name} writer: {e}"));
            writers.push(writer);
        }
        let mut books = Bookkeeping {
            summary: &mut summary,
            first_by_body,
            warnings: &mut warnings,
            records,
        };
        // The workers take up the next batch while this thread accounts for the last one and
        // hands it to the writers (waiting when a writer's queue is full). Two batches at most
        // are in flight, so the workers wait only when the writers are behind.
        let (limits, resources) = (cfg.limits, cfg.resources);
        let start = |batch: Vec<Indexed>| {
            let (tx, rx) = std::sync::mpsc::sync_channel(1);
            pool.spawn(move || {
                let results: Vec<_> = batch
                    .par_iter()
                    .map(|(index, f)| {
                        // Taken before the file is read: a change made while it is read
                        // shows as a new time on the next run.
                        let stat = with_stat.then(|| FileStat::of(&f.path)).flatten();
                        let (outcome, times) = process_file(f, limits, resources);
                        let worker = rayon::current_thread_index().unwrap_or(0);
                        Processed {
                            outcome,
                            times,
                            worker,
                            stat,
                            index: *index,
                        }
                    })
                    .collect();
                let _ = tx.send(results);
            });
            rx
        };
        let mut in_flight: Option<std::sync::mpsc::Receiver<Vec<Processed>>> = None;
        loop {
            let batch: Vec<Indexed> = (&mut *files).take(batch_size).collect();
            let next = (!batch.is_empty()).then(|| start(batch));
            if let Some(current) = in_flight.take() {
                // Stages turn their panics into rejects; a batch lost anyway is an error.
                let Ok(results) = current.recv() else {
                    worker_crashed = true;
                    break;
                };
                let batch = std::sync::Arc::new(books.account(results));
                // A writer that stopped has failed: its error is reported below.
                if queues.iter().any(|q| q.send(batch.clone()).is_err()) {
                    break;
                }
                progress.update(books.summary, started);
            }
            match next {
                Some(rx) => in_flight = Some(rx),
                None => break,
            }
        }
        drop(queues);
        let join = |w: Result<std::thread::ScopedJoinHandle<'_, WriterResult>, String>| {
            w?.join()
                .unwrap_or_else(|_| Err("a table writer crashed (please report)".into()))
        };
        let mut writers: Vec<_> = writers.into_iter().map(Some).collect();
        let mut written: Vec<Option<WriterResult>> = writers.iter().map(|_| None).collect();
        // The polars stage reads only documents and facts: it starts as soon as those two
        // are closed, while the other writers finish their last rows.
        for (i, t) in TABLE_WRITERS.iter().enumerate() {
            if crate::analysis::INPUT_TABLES.contains(&t.name) {
                written[i] = writers[i].take().map(join);
            }
        }
        let inputs_ok = written.iter().flatten().all(|r| r.is_ok());
        let analysis = (inputs_ok && !worker_crashed).then(|| {
            let t = Instant::now();
            crate::analysis::build(
                dir,
                cfg.partition_by_year,
                cfg.resources.taxonomy,
                opts,
                pool.current_num_threads(),
            )
            .map(|a| (a, t.elapsed()))
        });
        for (slot, w) in written.iter_mut().zip(writers) {
            if let Some(w) = w {
                *slot = Some(join(w));
            }
        }
        let written: Vec<WriterResult> = written.into_iter().flatten().collect();
        (written, analysis)
    });
    if worker_crashed {
        return Err("a worker thread crashed while processing a batch (please report)".into());
    }
    for (table, result) in TABLE_WRITERS.iter().zip(written) {
        let (rows, busy) = result?;
        summary.table_rows.push((table.name, rows));
        summary.stage_times.write += busy;
    }
    let (analysis, analysis_time) = analysis.ok_or("the indicators stage did not run")??;
    summary
        .table_rows
        .push(("indicators", analysis.indicator_rows));
    summary.table_rows.push(("panel", analysis.panel_rows));
    summary.analysis = analysis;
    summary.stage_times.analysis = analysis_time;
    summary.elapsed_secs = started.elapsed().as_secs_f64();
    Ok((summary, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn process_cpu_time_grows_with_work_done() {
        let total = |c: ProcessCpu| c.user + c.system;
        let before = process_cpu_seconds().expect("getrusage on unix");
        assert!(before.user >= 0.0 && before.system >= 0.0, "{before:?}");
        // Work until the clock moves (it counts at least every scheduler tick), for at most
        // two seconds of wall time.
        let started = Instant::now();
        let mut acc = 0u64;
        let mut after = before;
        while total(after) <= total(before) && started.elapsed() < Duration::from_secs(2) {
            for i in 0..100_000u64 {
                acc = std::hint::black_box(acc.wrapping_mul(31).wrapping_add(i));
            }
            after = process_cpu_seconds().unwrap();
        }
        assert!(total(after) > total(before), "{before:?} -> {after:?}");
    }

    fn document(text: &str) -> DocResult {
        let source = SourceDoc {
            doc_id: "0".into(),
            source_path: "page.txt".into(),
            format: crate::model::SourceFormat::Txt,
            encoding: "UTF-8".into(),
            source_bytes: text.len() as u64,
            text: text.into(),
            meta: Default::default(),
            warnings: Vec::new(),
            origin: Default::default(),
        };
        process_document(source, Resources::embedded().expect("embedded resources"))
    }

    /// A page in traditional characters is read like its simplified twin and printed in its
    /// own characters (a machine-converted mirror, with the font widget and metadata line).
    #[test]
    fn traditional_pages_read_like_simplified_ones_and_keep_their_characters() {
        let traditional = "發布時間:2025-04-11 16:33 信息來源:某某縣某某鄉\n字號:大 中 小\n某某鄉2024年法治政府建設情況報告\n2024年,某某鄉堅持依法行政,全年開展普法活動12場,調解糾紛35件。\n一、主要舉措和成效\n(一)加強組織領導\n截至11月28日,辦理行政複議案件3件。\n二、存在的不足\n三、下一步工作計劃";
        let simplified = fast2s::convert(traditional);
        let (t, s) = (document(traditional), document(&simplified));
        assert_eq!(t.clean.body.chars().count(), s.clean.body.chars().count());
        assert!(
            t.clean.body.contains("法治政府建設情況報告"),
            "{}",
            t.clean.body
        );
        assert_eq!(t.sections.len(), s.sections.len());
        assert_eq!(t.sections[0].heading, "主要舉措和成效");
        assert_eq!(t.sections[0].section_type, s.sections[0].section_type);
        assert_eq!(t.facts.len(), s.facts.len());
        for (a, b) in t.facts.iter().zip(&s.facts) {
            assert_eq!(a.value_normalized, b.value_normalized);
            assert_eq!(a.unit_normalized, b.unit_normalized);
            assert_eq!((a.char_start, a.char_end), (b.char_start, b.char_end));
        }
        assert_eq!(t.facts[0].raw, "12場");
        assert!(t.facts[0].sentence.contains("開展普法活動"));
        assert_eq!(t.dates.len(), s.dates.len());
        assert_eq!(t.meta.publish_date, s.meta.publish_date);
        assert_eq!(t.meta.report_year, Some(2024));
        assert_eq!(
            t.meta.title.as_deref(),
            Some("某某鄉2024年法治政府建設情況報告")
        );
        assert_eq!(t.meta.organization.as_deref(), Some("某某鄉"));
        assert_eq!(t.meta.admin_level, s.meta.admin_level);
        assert_eq!(t.meta.doc_kind, "rol_annual");
    }

    #[test]
    fn duplicates_point_to_the_first_document_with_the_body() {
        let mut seen = FirstByBody::default();
        let body = ingest::doc_id("同一份报告".as_bytes());
        let (first, copy) = (ingest::doc_id(b"a.html"), ingest::doc_id(b"b.txt"));
        assert_eq!(seen.first(&body, &first, 1), None);
        assert_eq!(seen.first(&body, &copy, 2), Some(first.clone()));
        assert_eq!(
            seen.first(&body, &ingest::doc_id(b"c.md"), 3),
            Some(first.clone())
        );
        let other = ingest::doc_id("另一份".as_bytes());
        assert_eq!(seen.first(&other, &copy, 2), None);
        // An incremental run meets a new file before the kept ones: it becomes the first.
        let earlier = ingest::doc_id(b"0.txt");
        assert_eq!(seen.first(&body, &earlier, 0), None);
        assert_eq!(seen.before(&body, 1), Some(earlier.clone()));
        assert_eq!(seen.before(&body, 0), None);
        assert_eq!(seen.first(&body, &copy, 2), Some(earlier));
    }
}
