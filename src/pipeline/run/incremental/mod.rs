//! Incremental runs (`govreport run --incremental`): the output is a dataset with a catalog
//! (`catalog.json`, see `catalog`) and its tables in part files (see `parts`). A run walks
//! the input, compares each file with the catalog (size and time first, the content hash to
//! confirm), processes only new and changed files into new parts, writes the parts holding
//! rows of changed and removed files again without them, and leaves every other part as it
//! is. The dataset, read back and sorted, is what one full run over the same inputs writes.
//!
//! Everything happens in the run's temporary directory, which starts as hard links to the
//! previous dataset's parts: a run that fails or is killed leaves the previous dataset as it
//! was, and the next run starts again from it.

pub mod catalog;
mod parts;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use serde_json::json;

use super::{
    check_outcome, count_document, count_reject, write_pass, write_run_files, FirstByBody, Indexed,
    Progress, RunConfig, RunSummary, WarningTally,
};
use crate::ingest::{self, InputFile};
use crate::tables::sink::SinkOptions;
use catalog::{Catalog, Entry, FileStat, Outcome};

/// What the walk found against the catalog.
#[derive(Default)]
struct Changes {
    /// Files whose rows stay, with their walk position.
    kept: Vec<(u64, Entry, InputFile)>,
    /// Files to read, in walk order.
    to_read: Vec<Indexed>,
    /// Catalog entries whose rows go (changed or removed files).
    dropped: Vec<Entry>,
    added: u64,
    replaced: u64,
    removed: u64,
}

/// Compares the walk with the catalog: size and modification time first, the content hash
/// (read in parallel) where they differ.
fn compare(found: Vec<InputFile>, previous: Vec<Entry>) -> Changes {
    // Entries stay where they are (they are a few hundred bytes each); the map holds their
    // paths, taken out of them and put back when an entry is kept.
    let mut previous: Vec<Option<Entry>> = previous.into_iter().map(Some).collect();
    let paths: Vec<String> = previous
        .iter_mut()
        .flatten()
        .map(|e| std::mem::take(&mut e.path))
        .collect();
    let by_path: HashMap<&str, usize> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    let mut c = Changes::default();
    let mut suspects = Vec::new();
    for (index, file) in (0u64..).zip(found) {
        let Some(mut entry) = by_path
            .get(file.rel_path.as_str())
            .and_then(|&i| previous[i].take())
        else {
            c.added += 1;
            c.to_read.push((index, file));
            continue;
        };
        entry.path = file.rel_path.clone();
        // Paths the walk could not read have no stat: looked at again on every run; so is a
        // document whose crawl record changed (its source_url and fetched_at).
        let origin = file.origin.clone().unwrap_or_default();
        let same_origin = match &entry.outcome {
            Outcome::Document(d) => {
                d.origin_url == origin.url && d.origin_fetched_at == origin.fetched_at
            }
            Outcome::Reject(_) => true,
        };
        let stat = entry
            .stat
            .as_ref()
            .filter(|_| file.problem.is_none() && same_origin);
        match stat {
            Some(s) if FileStat::peek(&file.path) == Some((s.size, s.mtime_ns)) => {
                c.kept.push((index, entry, file))
            }
            Some(_) => suspects.push((index, file, entry)),
            None => {
                c.replaced += 1;
                c.dropped.push(entry);
                c.to_read.push((index, file));
            }
        }
    }
    // Entries no file was found for: removed.
    for (slot, path) in previous.iter_mut().zip(paths) {
        if let Some(mut entry) = slot.take() {
            entry.path = path;
            c.removed += 1;
            c.dropped.push(entry);
        }
    }
    let stats: Vec<Option<FileStat>> = suspects
        .par_iter()
        .map(|(_, f, _)| FileStat::of(&f.path))
        .collect();
    for ((index, file, mut entry), now) in suspects.into_iter().zip(stats) {
        match now {
            // Touched, not changed: the rows stay, the catalog learns the new time.
            Some(now) if entry.stat.as_ref().is_some_and(|s| s.hash == now.hash) => {
                entry.stat = Some(now);
                c.kept.push((index, entry, file));
            }
            _ => {
                c.replaced += 1;
                c.dropped.push(entry);
                c.to_read.push((index, file));
            }
        }
    }
    c.kept.sort_by_key(|k| k.0);
    c.to_read.sort_by_key(|k| k.0);
    c
}

/// What the rows depend on besides the inputs: this very binary (its rules), the schema,
/// the per-file limits, the partitioning, the CSV options and the taxonomy. A catalog made
/// under another fingerprint is not reused: the run rebuilds the dataset.
fn fingerprint(cfg: &RunConfig) -> String {
    // The binary by size and modification time (a new build is a new file): reading a
    // release binary to hash it would cost more than a small nightly run.
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| FileStat::peek(&p))
        .map_or_else(String::new, |(size, mtime)| format!("{size}:{mtime}"));
    let settings = format!(
        "{exe}|{}|{}|{:?}|{}|{}|{}|{:?}|{}",
        env!("CARGO_PKG_VERSION"),
        crate::tables::schema::SCHEMA_VERSION,
        cfg.limits,
        cfg.partition_by_year,
        cfg.csv_bom,
        cfg.excel,
        cfg.formats,
        // The taxonomy by its text: the built-in one and a file with the same text are one.
        ingest::doc_id(
            cfg.taxonomy_text
                .as_deref()
                .unwrap_or(crate::pipeline::DEFAULT_TAXONOMY)
                .as_bytes()
        ),
    );
    ingest::doc_id(settings.as_bytes())
}

/// An incremental run into `dir` (the run's temporary directory), from the dataset at
/// `cfg.output` when it has a catalog this build can use.
pub(super) fn run_into(
    cfg: &RunConfig,
    excludes: &globset::GlobSet,
    dir: &Path,
    started_at: chrono::DateTime<chrono::Utc>,
) -> Result<RunSummary, String> {
    let started = Instant::now();
    let fingerprint = fingerprint(cfg);
    // A catalog whose part files are not all there (a folder edited by hand, a disk
    // restored in part) cannot be trusted: the dataset is rebuilt from the inputs.
    let previous = Catalog::load(&cfg.output, &fingerprint)
        .filter(|c| parts::all_present(&cfg.output, c.parts.keys(), cfg.formats.csv));
    let rebuilt = previous.is_none() && cfg.output.join(catalog::CATALOG_FILE).exists();
    let mut catalog = previous.unwrap_or_else(|| Catalog::new(fingerprint));

    let mut walk = super::inputs(cfg, excludes);
    let found: Vec<InputFile> = walk.by_ref().collect();
    let skipped = walk.skipped();
    let mut changes = compare(found, std::mem::take(&mut catalog.entries));

    parts::link_parts(&cfg.output, dir, catalog.parts.keys())?;
    let mut first_by_body = FirstByBody::default();
    for (index, entry, _) in &changes.kept {
        if let Outcome::Document(d) = &entry.outcome {
            first_by_body.first(&d.body_sha, &d.doc_id, *index);
        }
    }

    let mut progress = Progress::new(cfg.progress);
    let mut this_run = RunSummary::default();
    let mut records: Vec<(u64, Entry)> = Vec::new();
    let mut parts_written = 0u64;
    let mut pass = |files: Vec<Indexed>,
                    first_by_body: &mut FirstByBody,
                    catalog: &mut Catalog|
     -> Result<(), String> {
        if files.is_empty() {
            return Ok(());
        }
        let part = catalog.next_part;
        catalog.next_part += 1;
        let pass_dir = dir.join(format!(".pass-{part}"));
        fs::create_dir(&pass_dir)
            .map_err(|e| format!("cannot create {}: {e}", pass_dir.display()))?;
        let mut new_records = Vec::new();
        let (s, _) = write_pass(
            cfg,
            &mut files.into_iter(),
            &pass_dir,
            first_by_body,
            Some(&mut new_records),
            &mut progress,
        )?;
        this_run.documents += s.documents;
        this_run.rejected += s.rejected;
        this_run.input_bytes += s.input_bytes;
        this_run.stage_times.add(&s.stage_times);
        for (rel, rows) in parts::adopt_pass(&pass_dir, dir, part, cfg.partition_by_year)? {
            catalog.parts.insert(rel, rows);
            parts_written += 1;
        }
        fs::remove_dir_all(&pass_dir)
            .map_err(|e| format!("cannot remove {}: {e}", pass_dir.display()))?;
        records.extend(new_records.into_iter().map(|(i, mut e)| {
            e.part = part;
            (i, e)
        }));
        Ok(())
    };
    pass(
        std::mem::take(&mut changes.to_read),
        &mut first_by_body,
        &mut catalog,
    )?;
    // A kept document whose first copy (by body) changed — removed, edited, or a new file
    // before it in path order — gets its row again with the right `duplicate_of`.
    let mut refreshed = Vec::new();
    let mut kept = Vec::with_capacity(changes.kept.len());
    for (index, entry, file) in std::mem::take(&mut changes.kept) {
        let stale = match &entry.outcome {
            Outcome::Document(d) => first_by_body.before(&d.body_sha, index) != d.duplicate_of,
            Outcome::Reject(_) => false,
        };
        if stale {
            changes.dropped.push(entry);
            refreshed.push((index, file));
        } else {
            kept.push((index, entry));
        }
    }
    let refreshed_count = refreshed.len() as u64;
    pass(refreshed, &mut first_by_body, &mut catalog)?;
    progress.finish();

    let opts = cfg.sink_options();
    let parts_rewritten = drop_rows(dir, &changes.dropped, &mut catalog, cfg, opts)?;
    ensure_every_table(dir, &mut catalog, cfg, opts)?;

    kept.extend(records);
    kept.sort_by_key(|k| k.0);
    catalog.entries = kept.into_iter().map(|(_, e)| e).collect();
    catalog.save(dir)?;

    let (mut dataset, warnings) = dataset_summary(dir, &catalog, cfg)?;
    dataset.skipped = skipped;
    dataset.stage_times = this_run.stage_times;
    check_outcome(cfg, &dataset, this_run.documents, this_run.rejected)?;
    dataset.elapsed_secs = started.elapsed().as_secs_f64();
    let incremental = json!({
        "added": changes.added,
        "replaced": changes.replaced,
        "removed": changes.removed,
        "refreshed": refreshed_count,
        "unchanged": catalog.entries.len() as u64 - changes.added - changes.replaced - refreshed_count,
        "documents_read": this_run.documents,
        "rejected": this_run.rejected,
        "bytes_read": this_run.input_bytes,
        "parts_written": parts_written,
        "parts_rewritten": parts_rewritten,
        "rebuilt": rebuilt,
    });
    write_run_files(
        cfg,
        dir,
        &dataset,
        &warnings,
        started_at,
        Some(incremental.clone()),
    )?;
    dataset.incremental = Some(incremental);
    Ok(dataset)
}

/// Writes every part holding rows of `dropped` again without them. Returns how many parts
/// were rewritten.
fn drop_rows(
    dir: &Path,
    dropped: &[Entry],
    catalog: &mut Catalog,
    cfg: &RunConfig,
    opts: SinkOptions,
) -> Result<u64, String> {
    let mut by_part: BTreeMap<String, HashSet<&str>> = BTreeMap::new();
    for e in dropped {
        match &e.outcome {
            Outcome::Document(d) => {
                for rel in parts::files_of_document(e.part, d.report_year, cfg.partition_by_year) {
                    by_part.entry(rel).or_default().insert(&d.doc_id);
                }
            }
            Outcome::Reject(_) => {
                by_part
                    .entry(parts::file_of_reject(e.part))
                    .or_default()
                    .insert(&e.path);
            }
        }
    }
    let mut rewritten = 0;
    for (rel, keys) in by_part {
        if !catalog.parts.contains_key(&rel) {
            continue; // the document had no rows in this table
        }
        let rows = parts::rewrite_without(dir, &rel, &keys, opts, cfg.resources.taxonomy)?;
        rewritten += 1;
        if rows == 0 {
            catalog.parts.remove(&rel);
        } else {
            catalog.parts.insert(rel, rows);
        }
    }
    Ok(rewritten)
}

/// Every table keeps at least one part (an empty one when it has no rows), so that a reader
/// globbing `rejects/*.parquet` always finds a file with the columns; an empty part goes
/// once the table has rows elsewhere.
fn ensure_every_table(
    dir: &Path,
    catalog: &mut Catalog,
    cfg: &RunConfig,
    opts: SinkOptions,
) -> Result<(), String> {
    let part = catalog.next_part;
    for table in super::writers::table_names() {
        let of_table: Vec<(String, u64)> = parts::parts_of(catalog.parts.keys(), table)
            .map(|rel| (rel.clone(), catalog.parts[rel]))
            .collect();
        let has_rows = of_table.iter().any(|(_, rows)| *rows > 0);
        if has_rows {
            for (rel, rows) in &of_table {
                if *rows == 0 {
                    parts::remove_part(dir, rel)?;
                    catalog.parts.remove(rel);
                }
            }
        } else if of_table.is_empty() {
            let rel = parts::write_empty_part(dir, table, part, opts, cfg.resources.taxonomy)?;
            catalog.parts.insert(rel, 0);
            catalog.next_part = part + 1;
        }
    }
    Ok(())
}

/// The whole dataset's counts, from the catalog (the run report's figures) and the part
/// files (rows per table, the top indicators).
fn dataset_summary(
    dir: &Path,
    catalog: &Catalog,
    cfg: &RunConfig,
) -> Result<(RunSummary, WarningTally), String> {
    let mut dataset = RunSummary::default();
    let mut warnings = WarningTally::default();
    for e in &catalog.entries {
        match &e.outcome {
            Outcome::Document(d) => count_document(&mut dataset, &mut warnings, &e.path, d),
            Outcome::Reject(r) => count_reject(&mut dataset, &mut warnings, &e.path, r),
        }
    }
    let rows = |table: &str| -> u64 {
        parts::parts_of(catalog.parts.keys(), table)
            .map(|rel| catalog.parts[rel])
            .sum()
    };
    for table in super::writers::table_names() {
        dataset.table_rows.push((table, rows(table)));
    }
    let panel: Vec<&String> = parts::parts_of(catalog.parts.keys(), "panel").collect();
    dataset.analysis = crate::analysis::AnalysisSummary {
        indicator_rows: rows("indicators"),
        panel_rows: rows("panel"),
        per_indicator: parts::panel_summary(dir, &panel, cfg.resources.taxonomy)?,
    };
    Ok((dataset, warnings))
}
