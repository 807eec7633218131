//! The catalog of an incremental dataset (`catalog.json` in the output): every input file the
//! dataset holds rows of, how it was when it was read (size, modification time, content
//! hash), its doc_id, the part its rows live in, and what the run report counts about it, so
//! that the next run reads only what changed and still describes the whole dataset.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{DocResult, Reject, SectionType};

/// The catalog's file name in the output directory.
pub const CATALOG_FILE: &str = "catalog.json";
/// Bumped when the catalog's layout changes: an older catalog is not read (full rebuild).
/// 2: documents carry the run report's fields (title, issuer, genre, fact counts…).
const CATALOG_FORMAT: u32 = 2;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Catalog {
    pub format: u32,
    /// What the rows depend on besides the inputs (the binary, the pipeline settings, the
    /// taxonomy): when it differs, no row is reused.
    pub fingerprint: String,
    /// The next part number to write.
    pub next_part: u32,
    /// Every Parquet part file (relative to the output) and its rows; each has a CSV twin.
    pub parts: BTreeMap<String, u64>,
    /// One entry per input file, in the order of the walk that last saw it.
    pub entries: Vec<Entry>,
}

/// How a file was when it was read: size and modification time say "unchanged" cheaply; the
/// content hash confirms a change they suggest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStat {
    pub size: u64,
    pub mtime_ns: u64,
    /// xxh3-64 of the bytes, 16 hex digits.
    pub hash: String,
}

impl FileStat {
    /// Size and modification time of `path` (following links), without reading it.
    pub fn peek(path: &Path) -> Option<(u64, u64)> {
        let m = std::fs::metadata(path).ok()?;
        let mtime = m
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some((m.len(), mtime.as_nanos() as u64))
    }

    /// Size, time and hash of the file now (`None` if it cannot be read).
    pub fn of(path: &Path) -> Option<FileStat> {
        let (size, mtime_ns) = Self::peek(path)?;
        let bytes = std::fs::read(path).ok()?;
        Some(FileStat {
            size,
            mtime_ns,
            hash: crate::ingest::doc_id(&bytes),
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// Path relative to the input root (`source_path`).
    pub path: String,
    /// `None` for paths the walk could not read: they are looked at again on every run.
    pub stat: Option<FileStat>,
    /// The part its rows were written to.
    pub part: u32,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Boxed: a document's entry is several times a reject's (same JSON either way).
    Document(Box<DocEntry>),
    Reject(RejectEntry),
}

/// What the dataset and its run report need of a document without reading its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocEntry {
    pub doc_id: String,
    pub body_sha: String,
    pub duplicate_of: Option<String>,
    /// The partition its rows are in (`report_year`).
    pub report_year: Option<i32>,
    pub admin_level: Option<String>,
    pub doc_kind: String,
    /// Whether it has each mandated part, in `SectionType::MANDATED` order.
    pub has_mandated: [bool; 4],
    pub facts_by_kind: BTreeMap<String, u64>,
    pub warnings: Vec<String>,
    pub source_bytes: u64,
    /// The crawl manifest's record when it was read: a new record means new rows.
    #[serde(default)]
    pub origin_url: Option<String>,
    #[serde(default)]
    pub origin_fetched_at: Option<String>,
    /// The run report's fields: its document table and field coverage.
    pub title: Option<String>,
    pub organization: Option<String>,
    pub division_code: Option<String>,
    /// ISO date.
    pub publish_date: Option<String>,
    pub genre: String,
    pub facts_with_metric: u64,
    pub facts_with_indicator: u64,
}

impl DocEntry {
    /// The document's row in the run report's document table.
    pub fn report_row(&self, path: &str) -> crate::report::DocumentRow {
        crate::report::DocumentRow {
            doc_id: self.doc_id.clone(),
            path: path.to_string(),
            title: self.title.clone(),
            issuer: self.organization.clone(),
            division_code: self.division_code.clone(),
            admin_level: self.admin_level.clone(),
            report_year: self.report_year,
            publish_date: self.publish_date.clone(),
            genre: self.genre.clone(),
            missing_parts: SectionType::MANDATED
                .iter()
                .zip(self.has_mandated)
                .filter(|(_, has)| !has)
                .map(|(t, _)| t.as_str().to_string())
                .collect(),
            warnings: self.warnings.clone(),
            facts: self.facts_by_kind.values().sum(),
            facts_with_metric: self.facts_with_metric,
            facts_with_indicator: self.facts_with_indicator,
            duplicate_of: self.duplicate_of.clone(),
        }
    }

    pub fn of(d: &DocResult) -> Self {
        let mut facts_by_kind = BTreeMap::new();
        for f in &d.facts {
            *facts_by_kind
                .entry(f.quantity_kind.as_str().to_string())
                .or_default() += 1;
        }
        DocEntry {
            doc_id: d.source.doc_id.clone(),
            body_sha: d.body_sha.clone(),
            duplicate_of: d.duplicate_of.clone(),
            report_year: d.meta.report_year,
            admin_level: d.meta.admin_level.clone(),
            doc_kind: d.meta.doc_kind.clone(),
            has_mandated: SectionType::MANDATED.map(|t| !d.required_sections_missing.contains(&t)),
            facts_by_kind,
            warnings: d.warnings.clone(),
            source_bytes: d.source.source_bytes,
            origin_url: d.source.origin.url.clone(),
            origin_fetched_at: d.source.origin.fetched_at.clone(),
            title: d.meta.title.clone(),
            organization: d.meta.organization.clone(),
            division_code: d.meta.division_code.clone(),
            publish_date: d.meta.publish_date.map(|p| p.to_string()),
            genre: d.meta.genre.clone(),
            facts_with_metric: d.facts.iter().filter(|f| f.metric.is_some()).count() as u64,
            facts_with_indicator: d.facts.iter().filter(|f| f.indicator.is_some()).count() as u64,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RejectEntry {
    pub stage: String,
    pub error: String,
    pub source_bytes: u64,
}

impl RejectEntry {
    pub fn of(r: &Reject) -> Self {
        RejectEntry {
            stage: r.stage.to_string(),
            error: r.error.clone(),
            source_bytes: r.source_bytes,
        }
    }
}

impl Catalog {
    /// The catalog of `output`, if it has one this build can use: `None` for an output
    /// without one (a full run's), an unreadable one, an older format or another fingerprint.
    pub fn load(output: &Path, fingerprint: &str) -> Option<Catalog> {
        let text = std::fs::read(output.join(CATALOG_FILE)).ok()?;
        let catalog: Catalog = serde_json::from_slice(&text).ok()?;
        (catalog.format == CATALOG_FORMAT && catalog.fingerprint == fingerprint).then_some(catalog)
    }

    pub fn new(fingerprint: String) -> Catalog {
        Catalog {
            format: CATALOG_FORMAT,
            fingerprint,
            next_part: 1,
            ..Default::default()
        }
    }

    /// Writes the catalog into `dir` (the run's temporary directory, moved into place with
    /// the tables).
    pub fn save(&self, dir: &Path) -> Result<(), String> {
        // Streamed to the file: a catalog of 100,000 files is about 45 MB of JSON.
        let err = |e: &dyn std::fmt::Display| format!("cannot write {CATALOG_FILE}: {e}");
        let file = std::fs::File::create(dir.join(CATALOG_FILE)).map_err(|e| err(&e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        serde_json::to_writer(&mut out, self).map_err(|e| err(&e))?;
        std::io::Write::flush(&mut out).map_err(|e| err(&e))
    }
}
