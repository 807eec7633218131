//! What a run leaves beside its tables: `manifest.json` (counts, times, versions) and the
//! data `report.html` is drawn from; and the process measurements both show.

use std::fs;
use std::path::Path;

use serde_json::json;

use super::{RunConfig, RunSummary, WarningTally};
use crate::ingest;
use crate::model::SectionType;
use crate::tables::schema::SCHEMA_VERSION;
/// What the run report shows, from the run's counters and its manifest.
pub(super) fn report_data(
    cfg: &RunConfig,
    s: &RunSummary,
    manifest: &serde_json::Value,
) -> crate::report::ReportData {
    let text = |k: &str| manifest[k].as_str().unwrap_or_default().to_string();
    let num = |k: &str| manifest[k].as_f64().unwrap_or_default();
    let tax = cfg.resources.taxonomy;
    // BTreeMap puts None first; the report wants unknown years last.
    let mut per_year: Vec<(Option<i32>, u64)> =
        s.stats.per_year.iter().map(|(y, n)| (*y, *n)).collect();
    per_year.sort_by_key(|(y, _)| (y.is_none(), *y));
    let mut data = crate::report::ReportData {
        run_id: text("run_id"),
        started_at: text("started_at"),
        finished_at: text("finished_at"),
        tool_version: text("tool_version"),
        schema_version: text("schema_version"),
        input_root: text("input_root"),
        source_base_url: source_base_url(&cfg.input),
        elapsed_seconds: s.elapsed_secs,
        mb_per_second: num("mb_per_second"),
        docs_per_second: num("docs_per_second"),
        peak_rss_bytes: manifest["peak_rss_bytes"].as_u64(),
        files_found: s.files_found,
        documents: s.documents,
        rejected: s.rejected,
        duplicates: s.duplicates,
        table_rows: s
            .table_rows
            .iter()
            .map(|(n, c)| (n.to_string(), *c))
            .collect(),
        rejects: s.stats.rejects_shown.clone(),
        docs_per_year: per_year,
        docs_per_kind: s
            .stats
            .per_kind
            .iter()
            .map(|(k, n)| (k.clone(), *n))
            .collect(),
        section_coverage: SectionType::MANDATED
            .iter()
            .zip(s.stats.coverage)
            .map(|(t, n)| (t.as_str().to_string(), n))
            .collect(),
        facts_by_kind: s
            .stats
            .facts_by_kind
            .iter()
            .map(|(k, n)| (k.to_string(), *n))
            .collect(),
        top_indicators: s
            .analysis
            .per_indicator
            .iter()
            .take(20)
            .map(
                |(code, n_docs, total, median)| crate::report::IndicatorSummary {
                    code: code.clone(),
                    label: tax.label(code).unwrap_or_default().to_string(),
                    unit: tax.panel_unit(code).unwrap_or_default().to_string(),
                    n_docs: *n_docs,
                    total: *total,
                    median: *median,
                },
            )
            .collect(),
        ..Default::default()
    };
    s.stats.report.fill(&mut data);
    data
}

/// `file://` URL of the directory document paths are relative to (the input, or the folder
/// of an input that is one file); empty when it cannot be resolved.
fn source_base_url(input: &Path) -> String {
    let Ok(abs) = input.canonicalize() else {
        return String::new();
    };
    let dir = if abs.is_file() {
        abs.parent().map(Path::to_path_buf).unwrap_or(abs)
    } else {
        abs
    };
    crate::report::dir_file_url(&dir)
}

pub(super) fn write_manifest(
    cfg: &RunConfig,
    dir: &Path,
    s: &RunSummary,
    warnings: &WarningTally,
    started_at: chrono::DateTime<chrono::Utc>,
    incremental: Option<serde_json::Value>,
) -> Result<serde_json::Value, String> {
    let finished_at = chrono::Utc::now();
    let secs = s.elapsed_secs.max(1e-9);
    // Speeds are of what this run read: the whole input for a full run, the new and changed
    // files for an incremental one (its tables and counts still describe the whole dataset).
    let (bytes_read, docs_read) = match &incremental {
        Some(inc) => (
            inc["bytes_read"].as_u64().unwrap_or(0),
            inc["documents_read"].as_u64().unwrap_or(0),
        ),
        None => (s.input_bytes, s.documents),
    };
    let run_id = format!(
        "{:016x}",
        xxhash_rust::xxh3::xxh3_64(
            format!("{}{}", started_at.to_rfc3339(), std::process::id()).as_bytes()
        )
    );
    let manifest = json!({
        "run_id": run_id,
        "started_at": started_at.to_rfc3339(),
        "finished_at": finished_at.to_rfc3339(),
        "tool": "govreport",
        "tool_version": env!("CARGO_PKG_VERSION"),
        "schema_version": SCHEMA_VERSION,
        "pipeline_file": cfg.pipeline_file.as_ref().map(|p| p.display().to_string()),
        "pipeline_hash": cfg.pipeline_text.as_ref().map(|t| ingest::doc_id(t.as_bytes())),
        "input_root": cfg.input.display().to_string(),
        "threads": if cfg.threads == 0 { rayon::current_num_threads() } else { cfg.threads },
        "partitioned_by": if cfg.partition_by_year { Some("report_year") } else { None },
        "tables": s.table_rows.iter().map(|(n, c)| (n.to_string(), json!(c))).collect::<serde_json::Map<_, _>>(),
        "files": {
            "found": s.files_found,
            "read": s.documents,
            "rejected": s.rejected,
            "duplicates": s.duplicates,
            "skipped": s.skipped.to_json(),
        },
        "input_bytes": s.input_bytes,
        "elapsed_seconds": s.elapsed_secs,
        "mb_per_second": bytes_read as f64 / 1e6 / secs,
        "docs_per_second": docs_read as f64 / secs,
        "stage_seconds": s.stage_times.to_json(),
        "peak_rss_bytes": peak_rss_bytes(),
        "cpu_seconds": process_cpu_seconds().map(|c| json!({"user": c.user, "system": c.system})),
        "warnings": warnings.to_json(),
    });
    let mut manifest = manifest;
    if let Some(inc) = incremental {
        manifest["incremental"] = inc;
    }
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    fs::write(dir.join("manifest.json"), text + "\n")
        .map_err(|e| format!("cannot write manifest.json: {e}"))?;
    Ok(manifest)
}

/// CPU time of the whole process so far, every thread, split into user and kernel time.
#[derive(Debug, Clone, Copy)]
pub struct ProcessCpu {
    pub user: f64,
    pub system: f64,
}

/// This process's CPU seconds (`getrusage`), if the platform tells. Beside the elapsed time
/// it says how busy the cores were (user + system over elapsed) and how much of the run was
/// the kernel's (page faults, file writes), which stage times, counted in user code, miss.
#[cfg(unix)]
pub fn process_cpu_seconds() -> Option<ProcessCpu> {
    // SAFETY: getrusage only writes the struct it is given, which lives on this stack;
    // all-zero bytes are a valid `rusage`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return None;
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Some(ProcessCpu {
        user: secs(usage.ru_utime),
        system: secs(usage.ru_stime),
    })
}

#[cfg(not(unix))]
pub fn process_cpu_seconds() -> Option<ProcessCpu> {
    None
}

/// Peak resident memory of this process (Linux `VmHWM`), if known.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
