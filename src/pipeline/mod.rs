//! Orchestration: discover → read (parallel) → clean → structure → extract → write.
//!
//! `document` takes one document through every stage (the library's unit of work, used by
//! `crate::batch` too); `run` (the command-line tool only) is a whole run: bounded batches
//! on a rayon pool, each batch's rows appended to the table writers in input order, so
//! memory depends on the batch size, not on the corpus, and output is the same for any
//! thread count. A run holds the output's lock, writes into a temporary directory and moves
//! it into place only when it succeeded.

use std::sync::LazyLock;

use crate::gazetteer::Gazetteer;
use crate::indicators::Taxonomy;

mod document;
mod first_by_body;
#[cfg(feature = "cli")]
mod run;

pub use document::{
    process_bytes, process_document, process_document_timed, unwind_sentence, Outcome, StageTimes,
};
pub(crate) use first_by_body::FirstByBody;
#[cfg(feature = "cli")]
pub use run::{
    check_input, excel_row_warnings, lock, peak_rss_bytes, process_cpu_seconds, run, Formats,
    ProcessCpu, RunConfig, RunStats, RunSummary,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest;
    use crate::model::{DocResult, SourceDoc};

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
            content_hash: String::new(),
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
