//! One input file through every stage: read, clean, structure, extract; with the CPU time
//! each stage took, and a reject (never a crash) when any stage fails.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use super::Resources;
use crate::clean::clean_document;
use crate::extract::facts::extract_facts_bounded;
use crate::extract::metadata::extract_metadata;
use crate::ingest::{self, ReadLimits};
use crate::model::{DateMention, DocMeta, DocResult, Fact, Reject, Section, SourceDoc};
use crate::structure::{build_sections, missing_mandated};

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
    res.taxonomy.assign_in(&mut facts, &sections);
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
pub type Outcome = (Result<DocResult, Reject>, StageTimes);

/// One document's bytes through every stage, as a run processes the file at `rel_path` with
/// these bytes (the same function after the file is read, so the same rows): the library's
/// batches (`crate::batch`) call it.
pub fn process_bytes(
    rel_path: &str,
    bytes: Vec<u8>,
    limits: ReadLimits,
    res: Resources,
) -> Outcome {
    let size = bytes.len() as u64;
    let read = move || ingest::read_bytes(rel_path, bytes, limits);
    process_read(rel_path, limits, res, || size, read)
}

/// A document read by `read`, then through every stage, with wall times per stage. The
/// document has `limits.max_seconds_per_file` (see `budget`): past it, or on a panic in any
/// stage, it becomes a reject (`size` gives its size when it was not read).
pub(super) fn process_read(
    rel_path: &str,
    limits: ReadLimits,
    res: Resources,
    size: impl FnOnce() -> u64,
    read_source: impl FnOnce() -> Result<SourceDoc, Reject>,
) -> Outcome {
    let _deadline = crate::budget::start(limits.time_budget());
    let t = Instant::now();
    let mut read = Duration::ZERO;
    let mut bytes = 0;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let source = read_source()?;
        read = t.elapsed();
        bytes = source.source_bytes;
        crate::budget::check();
        Ok(process_document_timed(source, res))
    }));
    let stage = if read.is_zero() { "ingest" } else { "extract" };
    let failed = |error: String| Reject {
        source_path: rel_path.to_string(),
        stage,
        error,
        source_bytes: bytes.max(size()),
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
