//! What the run report shows, gathered document by document while the run writes its
//! tables, in bounded memory: counts keyed by level, genre and warning kind, a few example
//! files per kind, and the first [`MAX_DOCUMENT_ROWS`] rows of the document table.

use std::collections::{BTreeMap, HashMap};

use super::{
    warning_kind, DocumentRow, FieldCoverage, LevelStats, ReportData, WarningKind, ROL_ANNUAL,
};

/// Rows of the document table kept for the page (about 1 KB of HTML each); the documents
/// table of the run holds them all.
pub const MAX_DOCUMENT_ROWS: usize = 2_000;
/// Distinct warning kinds kept; warnings of further kinds are counted together.
pub const MAX_KINDS: usize = 500;
/// Example files kept per kind.
pub const EXAMPLES_PER_KIND: usize = 3;

/// Sentences grouped by [`warning_kind`], with the first files of each.
#[derive(Debug, Clone, Default)]
pub struct KindTally {
    index: HashMap<String, usize>,
    kinds: Vec<WarningKind>,
    /// Sentences of kinds beyond [`MAX_KINDS`].
    pub other: u64,
}

impl KindTally {
    /// Counts one file's sentences: each kind once per file in `files`, every sentence in
    /// `count`.
    pub fn add(&mut self, path: &str, doc_id: &str, sentences: &[String]) {
        let mut seen_here: Vec<usize> = Vec::new();
        for sentence in sentences {
            let kind = warning_kind(sentence);
            let i = match self.index.get(&kind) {
                Some(&i) => i,
                None if self.kinds.len() < MAX_KINDS => {
                    self.kinds.push(WarningKind {
                        kind: kind.clone(),
                        example_sentence: sentence.clone(),
                        ..WarningKind::default()
                    });
                    self.index.insert(kind, self.kinds.len() - 1);
                    self.kinds.len() - 1
                }
                None => {
                    self.other += 1;
                    continue;
                }
            };
            let k = &mut self.kinds[i];
            k.count += 1;
            if !seen_here.contains(&i) {
                seen_here.push(i);
                k.files += 1;
                if k.examples.len() < EXAMPLES_PER_KIND {
                    k.examples.push((path.to_string(), doc_id.to_string()));
                }
            }
        }
    }

    /// The kinds, most frequent first (ties by kind, so the order is the same every run).
    pub fn sorted(&self) -> Vec<WarningKind> {
        let mut kinds = self.kinds.clone();
        kinds.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kind.cmp(&b.kind)));
        kinds
    }
}

/// Gathers the report's figures; [`ReportCollector::fill`] puts them into a [`ReportData`].
#[derive(Debug, Clone, Default)]
pub struct ReportCollector {
    pub coverage: FieldCoverage,
    pub per_genre: BTreeMap<String, u64>,
    /// Annual rule-of-law reports per administrative level.
    pub rol_levels: BTreeMap<Option<String>, LevelStats>,
    pub rows: Vec<DocumentRow>,
    pub warnings: KindTally,
    pub rejects: KindTally,
}

impl ReportCollector {
    /// Counts one document (in input order).
    pub fn add_document(&mut self, row: DocumentRow) {
        let has = row.has_fields();
        let c = &mut self.coverage;
        c.facts += row.facts;
        c.facts_with_metric += row.facts_with_metric;
        c.facts_with_indicator += row.facts_with_indicator;
        c.with_all_parts += u64::from(row.missing_parts.is_empty());
        c.without_facts += u64::from(row.facts == 0);
        c.with_warnings += u64::from(!row.warnings.is_empty());
        for (n, has) in c.with_field.iter_mut().zip(has) {
            *n += u64::from(has);
        }
        *self.per_genre.entry(row.genre.clone()).or_default() += 1;
        if row.is_rol_annual() {
            c.rol_annual += 1;
            for (n, has) in c.rol_with_field.iter_mut().zip(has) {
                *n += u64::from(has);
            }
            self.add_rol_report(&row);
        }
        self.warnings.add(&row.path, &row.doc_id, &row.warnings);
        if self.rows.len() < MAX_DOCUMENT_ROWS {
            self.rows.push(row);
        }
    }

    fn add_rol_report(&mut self, row: &DocumentRow) {
        let s = self
            .rol_levels
            .entry(row.admin_level.clone())
            .or_insert_with(|| LevelStats {
                level: row.admin_level.clone(),
                ..LevelStats::default()
            });
        s.reports += 1;
        let missing = |code: &str| row.missing_parts.iter().any(|m| m == code);
        for (n, t) in s
            .with_part
            .iter_mut()
            .zip(crate::model::SectionType::MANDATED)
        {
            *n += u64::from(!missing(t.as_str()));
        }
        s.with_all_parts += u64::from(row.missing_parts.is_empty());
        s.with_year += u64::from(row.report_year.is_some());
        s.with_division_code += u64::from(row.division_code.is_some());
        s.with_warnings += u64::from(!row.warnings.is_empty());
        s.facts += row.facts;
        s.facts_with_indicator += row.facts_with_indicator;
        if let Some(y) = row.report_year {
            s.years = Some(s.years.map_or((y, y), |(lo, hi)| (lo.min(y), hi.max(y))));
        }
    }

    /// Counts one rejected file.
    pub fn add_reject(&mut self, path: &str, error: &str) {
        self.rejects.add(path, "", &[error.to_string()]);
    }

    /// Puts the figures into `data` (the fields this collector owns).
    pub fn fill(&self, data: &mut ReportData) {
        data.field_coverage = self.coverage.clone();
        let mut genres: Vec<(String, u64)> = self
            .per_genre
            .iter()
            .map(|(g, n)| (g.clone(), *n))
            .collect();
        // The annual report first, then the most common genres.
        genres.sort_by_key(|(g, n)| (g != ROL_ANNUAL, std::cmp::Reverse(*n)));
        data.docs_per_genre = genres;
        data.rol_levels = self.rol_levels.values().cloned().collect();
        data.document_rows = self.rows.clone();
        data.warning_kinds = self.warnings.sorted();
        data.warning_kinds_other = self.warnings.other;
        data.reject_kinds = self.rejects.sorted();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(path: &str, genre: &str, level: Option<&str>, warnings: &[&str]) -> DocumentRow {
        DocumentRow {
            doc_id: format!("id-{path}"),
            path: path.into(),
            title: Some("t".into()),
            admin_level: level.map(String::from),
            report_year: Some(2024),
            genre: genre.into(),
            warnings: warnings.iter().map(|w| w.to_string()).collect(),
            facts: 4,
            facts_with_metric: 3,
            facts_with_indicator: 2,
            ..DocumentRow::default()
        }
    }

    #[test]
    fn counts_fields_levels_and_warning_kinds() {
        let mut c = ReportCollector::default();
        c.add_document(row(
            "a.txt",
            ROL_ANNUAL,
            Some("市"),
            &["issuer 'A' unknown", "issuer 'B' unknown"],
        ));
        c.add_document(row(
            "b.txt",
            ROL_ANNUAL,
            Some("市"),
            &["issuer 'C' unknown"],
        ));
        c.add_document(row("c.txt", "news", None, &[]));
        c.add_reject("d.pdf", "PDF has no text layer");
        let mut data = ReportData::default();
        c.fill(&mut data);
        assert_eq!(data.field_coverage.with_field, [3, 0, 0, 2, 3, 0]);
        assert_eq!(data.field_coverage.rol_annual, 2);
        assert_eq!(data.field_coverage.facts, 12);
        assert_eq!(data.field_coverage.facts_with_indicator, 6);
        assert_eq!(data.docs_per_genre[0], (ROL_ANNUAL.to_string(), 2));
        // Only the annual reports are in the per-level statistics.
        assert_eq!(data.rol_levels.len(), 1);
        assert_eq!(data.rol_levels[0].reports, 2);
        assert_eq!(data.rol_levels[0].facts, 8);
        assert_eq!(data.rol_levels[0].years, Some((2024, 2024)));
        let kind = &data.warning_kinds[0];
        assert_eq!(kind.kind, "issuer '…' unknown");
        assert_eq!((kind.count, kind.files), (3, 2));
        assert_eq!(kind.examples[0], ("a.txt".into(), "id-a.txt".into()));
        assert_eq!(kind.example_sentence, "issuer 'A' unknown");
        assert_eq!(
            data.reject_kinds[0].examples,
            [("d.pdf".into(), String::new())]
        );
        assert_eq!(data.document_rows.len(), 3);
    }

    #[test]
    fn memory_is_bounded() {
        let mut c = ReportCollector::default();
        for i in 0..MAX_DOCUMENT_ROWS + 10 {
            let w = format!("warning kind{i} here");
            c.add_document(row(&format!("{i}.txt"), ROL_ANNUAL, None, &[&w]));
        }
        assert_eq!(c.rows.len(), MAX_DOCUMENT_ROWS);
        assert_eq!(c.warnings.sorted().len(), MAX_KINDS);
        assert_eq!(
            c.warnings.other,
            (MAX_DOCUMENT_ROWS + 10 - MAX_KINDS) as u64
        );
        assert!(c
            .warnings
            .sorted()
            .iter()
            .all(|k| k.examples.len() <= EXAMPLES_PER_KIND));
    }
}
