//! The table writers of a run: one thread per table appends each batch's rows, in input
//! order, to its files (one pair, or one pair per report year).

use std::path::Path;
use std::time::Duration;

use super::clock::CpuClock;
use crate::model::{DocResult, Reject};
use crate::tables::schema::{self, Table};
use crate::tables::sink::{PartitionedSink, SinkOptions, TableSink};
/// One table's writer: a single file pair, or one pair per report year.
pub(super) enum Output {
    Single(Box<TableSink>),
    ByYear(PartitionedSink),
}

impl Output {
    fn create<P, C>(
        dir: &Path,
        table: &Table<P, C>,
        opts: SinkOptions,
        by_year: bool,
    ) -> Result<Self, String> {
        Ok(if by_year {
            Output::ByYear(PartitionedSink::for_table(dir, table, opts))
        } else {
            Output::Single(Box::new(TableSink::for_table(dir, table, opts)?))
        })
    }

    fn append<P, C>(
        &mut self,
        table: &Table<P, C>,
        year: Option<i32>,
        parent: &P,
        child: &C,
    ) -> Result<(), String> {
        match self {
            Output::Single(s) => s.append(table, parent, child),
            Output::ByYear(s) => s.append(table, year, parent, child),
        }
    }

    fn finish(self) -> Result<u64, String> {
        match self {
            Output::Single(s) => s.finish(),
            Output::ByYear(s) => s.finish(),
        }
    }
}

/// One batch of processed files in input order, shared by the table writers.
pub(super) struct Batch {
    pub(super) docs: Vec<DocResult>,
    /// The worker thread that built each document.
    pub(super) built_by: Vec<usize>,
    pub(super) rejects: Vec<Reject>,
}

impl Batch {
    /// Frees the documents on the worker threads that built them: mimalloc frees memory
    /// cheaply on the thread that allocated it, and through a synchronised list from any
    /// other. Each worker takes its own share when it is free.
    fn free_on(self, workers: &rayon::ThreadPool) {
        let n = workers.current_num_threads().max(1);
        let mut shares: Vec<Vec<DocResult>> = (0..n).map(|_| Vec::new()).collect();
        for (doc, worker) in self.docs.into_iter().zip(self.built_by) {
            shares[worker.min(n - 1)].push(doc);
        }
        let shares: Vec<std::sync::Mutex<Vec<DocResult>>> =
            shares.into_iter().map(std::sync::Mutex::new).collect();
        let shares = std::sync::Arc::new(shares);
        workers.spawn_broadcast(move |ctx| {
            if let Some(share) = shares.get(ctx.index()) {
                let docs = std::mem::take(&mut *share.lock().unwrap_or_else(|e| e.into_inner()));
                drop(docs);
            }
        });
    }
}

fn year(d: &DocResult) -> Option<i32> {
    d.meta.report_year
}

/// A table written while documents stream through, by its own writer thread.
pub(super) struct TableWriter {
    pub(super) name: &'static str,
    /// Opens the table's files in the output directory (partitioned by year or not).
    pub(super) open: fn(&Path, SinkOptions, bool) -> Result<Output, String>,
    /// Appends a batch's rows.
    pub(super) write_rows: WriteRows,
}

pub(super) type WriteRows = fn(&mut Output, &Batch) -> Result<(), String>;

/// Appends one row per document of the batch.
fn write_documents(
    out: &mut Output,
    table: &Table<(), DocResult>,
    b: &Batch,
) -> Result<(), String> {
    b.docs
        .iter()
        .try_for_each(|d| out.append(table, year(d), &(), d))
}

/// Appends one row per child (section, fact, date) of each document of the batch.
fn write_children<C>(
    out: &mut Output,
    table: &Table<DocResult, C>,
    children: fn(&DocResult) -> &[C],
    b: &Batch,
) -> Result<(), String> {
    b.docs.iter().try_for_each(|d| {
        children(d)
            .iter()
            .try_for_each(|x| out.append(table, year(d), d, x))
    })
}

pub(super) const TABLE_WRITERS: [TableWriter; 6] = [
    TableWriter {
        name: "documents",
        open: |dir, opts, by_year| Output::create(dir, &schema::DOCUMENTS, opts, by_year),
        write_rows: |out, b| write_documents(out, &schema::DOCUMENTS, b),
    },
    TableWriter {
        name: "texts",
        open: |dir, opts, by_year| Output::create(dir, &schema::TEXTS, opts, by_year),
        write_rows: |out, b| write_documents(out, &schema::TEXTS, b),
    },
    TableWriter {
        name: "sections",
        open: |dir, opts, by_year| Output::create(dir, &schema::SECTIONS, opts, by_year),
        write_rows: |out, b| write_children(out, &schema::SECTIONS, |d| &d.sections, b),
    },
    TableWriter {
        name: "facts",
        open: |dir, opts, by_year| Output::create(dir, &schema::FACTS, opts, by_year),
        write_rows: |out, b| write_children(out, &schema::FACTS, |d| &d.facts, b),
    },
    TableWriter {
        name: "dates",
        open: |dir, opts, by_year| Output::create(dir, &schema::DATES, opts, by_year),
        write_rows: |out, b| write_children(out, &schema::DATES, |d| &d.dates, b),
    },
    TableWriter {
        name: "rejects",
        // Rejects have no report year: never partitioned.
        open: |dir, opts, _| Output::create(dir, &schema::REJECTS, opts, false),
        write_rows: |out, b| {
            b.rejects
                .iter()
                .try_for_each(|r| out.append(&schema::REJECTS, None, &(), r))
        },
    },
];

/// The tables the indicators stage writes after the per-document ones.
pub(super) const ANALYSIS_TABLES: [&str; 2] = ["indicators", "panel"];

/// Every table in the order the manifest lists them: the writers', then the analysis'.
pub(super) fn table_names() -> impl Iterator<Item = &'static str> {
    TABLE_WRITERS.iter().map(|w| w.name).chain(ANALYSIS_TABLES)
}

/// Batches a table writer may lag behind the extraction before the extraction waits: memory
/// stays bounded whatever the corpus size.
pub(super) const WRITER_QUEUE_BATCHES: usize = 2;

/// A table writer's row count and the CPU time it spent writing.
pub(super) type WriterResult = Result<(u64, Duration), String>;

/// A table's writer thread: appends every batch it receives, in order, then closes the
/// files. Returns the row count and the time spent writing (not waiting).
pub(super) fn run_table_writer(
    mut out: Output,
    write_rows: WriteRows,
    batches: std::sync::mpsc::Receiver<std::sync::Arc<Batch>>,
    workers: &rayon::ThreadPool,
) -> WriterResult {
    let mut busy = Duration::ZERO;
    for batch in batches {
        let t = CpuClock::start();
        write_rows(&mut out, &batch)?;
        busy += t.elapsed();
        // The last writer done with a batch hands it back to the workers to free.
        if let Some(batch) = std::sync::Arc::into_inner(batch) {
            batch.free_on(workers);
        }
    }
    let t = CpuClock::start();
    let rows = out.finish()?;
    Ok((rows, busy + t.elapsed()))
}
