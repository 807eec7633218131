//! The input files of a run: a walk of the input root, or the list of `--files-from`, each
//! with its crawl manifest record.

use super::RunConfig;
use crate::ingest::{self, InputFile};

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
