//! A run: the input's files through the worker pool into the table writers, then the
//! indicators stage, the schema files, the manifest and report.html, all in a temporary
//! directory moved into place only when everything succeeded (`crate::outdir`). An
//! incremental run (`incremental`) passes only new and changed files through the same
//! writing pass. Only the command-line tool runs; the library processes documents.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Instant;

use rayon::prelude::*;

use super::{FirstByBody, Resources, StageTimes};
use crate::ingest::{self, ReadLimits};
use crate::tables::sink::SinkOptions;

mod books;
mod clock;
mod incremental;
mod inputs;
pub mod lock;
mod manifest;
mod progress;
mod worker;
mod writers;

use books::Bookkeeping;
pub use books::RunStats;
pub(crate) use books::{count_document, count_reject, WarningTally};
use incremental::catalog::{Entry, FileStat};
pub(crate) use inputs::inputs;
pub use manifest::{peak_rss_bytes, process_cpu_seconds, ProcessCpu};
use manifest::{report_data, write_manifest};
pub(crate) use progress::Progress;
use worker::{process_file, Indexed, Processed};
use writers::{run_table_writer, TableWriter, WriterResult, TABLE_WRITERS, WRITER_QUEUE_BATCHES};

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
    /// CSV for Excel: formula-like text cells neutralised, row-limit warnings (`--excel`).
    pub excel: bool,
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
            excel_safe: self.excel,
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

/// `manifest.json`, `report.html`, `schema.json` and `schema.sql` of a finished run. Under
/// `--excel`, a table with more rows than an Excel worksheet holds is a warning of the run.
fn write_run_files(
    cfg: &RunConfig,
    dir: &Path,
    summary: &RunSummary,
    warnings: &WarningTally,
    started_at: chrono::DateTime<chrono::Utc>,
    incremental: Option<serde_json::Value>,
) -> Result<(), String> {
    let mut warnings = warnings.clone();
    let mut run_warnings = Vec::new();
    if cfg.excel && cfg.formats.csv {
        for warning in excel_row_warnings(&summary.table_rows) {
            crate::log::event(
                crate::log::Level::Warn,
                "excel_rows",
                &warning,
                serde_json::Value::Null,
            );
            warnings.add(&warning);
            run_warnings.push(warning);
        }
    }
    write_schema_files(cfg, dir)?;
    let manifest = write_manifest(cfg, dir, summary, &warnings, started_at, incremental)?;
    let mut report = report_data(cfg, summary, &manifest);
    // Warnings about the run, not a document: first in the report's list.
    for (i, warning) in run_warnings.into_iter().enumerate() {
        report.warning_kinds.insert(
            i,
            crate::report::WarningKind {
                kind: crate::report::warning_kind(&warning),
                count: 1,
                files: 0,
                example_sentence: warning,
                examples: Vec::new(),
            },
        );
    }
    fs::write(
        dir.join("report.html"),
        crate::report::render_report(&report),
    )
    .map_err(|e| format!("cannot write report.html: {e}"))
}

/// A sentence for each table whose CSV has more rows than an Excel worksheet shows.
pub fn excel_row_warnings(table_rows: &[(&'static str, u64)]) -> Vec<String> {
    use crate::tables::sink::EXCEL_MAX_ROWS;
    table_rows
        .iter()
        .filter(|(_, rows)| rows + 1 > EXCEL_MAX_ROWS)
        .map(|(table, rows)| {
            format!(
                "table {table} has {rows} rows: an Excel worksheet holds {EXCEL_MAX_ROWS} rows \
                 with the header, so Excel would cut {table}.csv short (read the Parquet file, \
                 or split the run, e.g. --partition-by-year)"
            )
        })
        .collect()
}

/// The machine-readable schema of the run's tables (`schema.json`, `schema.sql`), for its
/// layout.
fn write_schema_files(cfg: &RunConfig, dir: &Path) -> Result<(), String> {
    use crate::tables::schema_files::{schema_json, schema_sql, Layout};
    let layout = Layout {
        partitioned: cfg.partition_by_year,
        incremental: cfg.incremental,
        parquet: cfg.formats.parquet,
        csv: cfg.formats.csv,
    };
    let tables = crate::tables::schema::output_tables(cfg.resources.taxonomy);
    let json = serde_json::to_string_pretty(&schema_json(&tables, layout))
        .map_err(|e| format!("cannot write schema.json: {e}"))?;
    fs::write(dir.join("schema.json"), json + "\n")
        .map_err(|e| format!("cannot write schema.json: {e}"))?;
    fs::write(dir.join("schema.sql"), schema_sql(&tables, layout))
        .map_err(|e| format!("cannot write schema.sql: {e}"))
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
                        // Size and time are taken before the file is read (a change made
                        // while it is read shows as a new time on the next run); the hash is
                        // of the bytes the document was read from, or, for a reject, of
                        // the file as it is now.
                        let peeked = with_stat.then(|| FileStat::peek(&f.path)).flatten();
                        let (outcome, times) = process_file(f, limits, resources);
                        let stat = peeked.and_then(|(size, mtime_ns)| match &outcome {
                            Ok(doc) => Some(FileStat {
                                size,
                                mtime_ns,
                                hash: doc.source.content_hash.clone(),
                            }),
                            Err(_) => FileStat::of(&f.path).map(|now| FileStat {
                                size,
                                mtime_ns,
                                ..now
                            }),
                        });
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
    use std::time::Duration;

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
}
