//! One input file on a worker thread: read, then every stage (`document`), with the CPU time
//! each stage took and the file's position in the walk.

use std::time::Instant;

use super::clock::CpuClock;
use super::incremental::catalog::FileStat;
use crate::ingest::{self, InputFile, ReadLimits};
use crate::model::{DocResult, Reject};
use crate::pipeline::document::{process_read, Outcome, StageTimes};
use crate::pipeline::Resources;

/// A file's outcome from a worker thread, with that thread's index in the pool.
pub(crate) struct Processed {
    pub(crate) outcome: Result<DocResult, Reject>,
    pub(crate) times: StageTimes,
    pub(crate) worker: usize,
    /// The file's size, time and hash when it was read (incremental runs only).
    pub(crate) stat: Option<FileStat>,
    /// Its position in the walk.
    pub(crate) index: u64,
}

/// A file to process and its position in the walk of the input (the path order that
/// `duplicate_of` follows).
pub(crate) type Indexed = (u64, InputFile);

/// Reads and processes one file; a panic in any stage becomes a reject, not a crash.
pub(crate) fn process_file(file: &InputFile, limits: ReadLimits, res: Resources) -> Outcome {
    // The thread's CPU clock is a system call (the monotonic clock is not): it is read twice
    // per document, and the stages' wall times are scaled to share out the CPU time.
    let cpu = CpuClock::start();
    let wall = Instant::now();
    let (outcome, times) = process_file_timed(file, limits, res);
    (outcome, times.scaled_to(cpu.elapsed(), wall.elapsed()))
}

/// `process_file` with wall times per stage.
fn process_file_timed(file: &InputFile, limits: ReadLimits, res: Resources) -> Outcome {
    let read = || {
        let mut source = ingest::read_input(file, limits)?;
        source.origin = file.origin.clone().unwrap_or_default();
        Ok(source)
    };
    process_read(&file.rel_path, limits, res, || file_size(file), read)
}

/// A file's size for a reject row when it was not read (0 if unknown).
fn file_size(file: &InputFile) -> u64 {
    std::fs::metadata(&file.path).map_or(0, |m| m.len())
}
