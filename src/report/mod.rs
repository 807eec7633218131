//! The run report: a self-contained `report.html` written beside the tables after each run.
//!
//! The page is plain XHTML-style HTML5 (every tag closed, only the five XML entities) with
//! inline CSS, hand-drawn inline SVG charts and one small inline script (sorting, filtering
//! and paging the document table; the page reads fully without it), so it opens offline in
//! any browser and can be checked by an XML parser. Rendering is a pure function of
//! [`ReportData`]: no clock, no randomness, no hash-map iteration order, so the same run data
//! always gives the same bytes. What the page shows is gathered while the run writes its
//! tables, in bounded memory ([`collect::ReportCollector`]).

mod charts;
pub mod collect;
mod format;
mod kinds;
mod script;
mod sections;
mod style;
#[cfg(test)]
mod tests;

pub use collect::ReportCollector;
pub(crate) use format::dir_file_url;
pub use kinds::warning_kind;

use format::esc;

/// One indicator's summary over the run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorSummary {
    pub code: String,
    pub label: String,
    pub unit: String,
    /// Documents reporting it.
    pub n_docs: u64,
    /// Sum over documents (for counts and money) — may be meaningless for rates.
    pub total: f64,
    pub median: f64,
}

/// The document fields whose coverage the report shows: (documents column, label).
pub const DOCUMENT_FIELDS: [(&str, &str); 6] = [
    ("title", "Title"),
    ("organization", "Issuer"),
    ("division_code", "Division code"),
    ("admin_level", "Administrative level"),
    ("report_year", "Report year"),
    ("publish_date", "Publish date"),
];

/// The genre of the annual rule-of-law report (`documents.genre`); the per-level statistics
/// count these only.
pub const ROL_ANNUAL: &str = "rol_annual";

/// How many documents have each field, and how many facts a metric and an indicator.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldCoverage {
    /// Documents with each of [`DOCUMENT_FIELDS`], over all documents…
    pub with_field: [u64; 6],
    /// …and over the annual rule-of-law reports only.
    pub rol_with_field: [u64; 6],
    pub rol_annual: u64,
    /// Documents with all four mandated parts, without any fact, with a warning.
    pub with_all_parts: u64,
    pub without_facts: u64,
    pub with_warnings: u64,
    pub facts: u64,
    pub facts_with_metric: u64,
    pub facts_with_indicator: u64,
}

/// One row of the report's document table: what the run extracted from one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentRow {
    pub doc_id: String,
    /// Path relative to the input root (`source_path`).
    pub path: String,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub division_code: Option<String>,
    pub admin_level: Option<String>,
    pub report_year: Option<i32>,
    /// ISO date.
    pub publish_date: Option<String>,
    pub genre: String,
    /// Mandated parts the document lacks (section type codes).
    pub missing_parts: Vec<String>,
    pub warnings: Vec<String>,
    pub facts: u64,
    pub facts_with_metric: u64,
    pub facts_with_indicator: u64,
    pub duplicate_of: Option<String>,
}

impl DocumentRow {
    /// Whether the document has each of [`DOCUMENT_FIELDS`].
    pub fn has_fields(&self) -> [bool; 6] {
        [
            self.title.is_some(),
            self.issuer.is_some(),
            self.division_code.is_some(),
            self.admin_level.is_some(),
            self.report_year.is_some(),
            self.publish_date.is_some(),
        ]
    }

    pub fn is_rol_annual(&self) -> bool {
        self.genre == ROL_ANNUAL
    }
}

/// Warnings (or rejects) of one kind ([`warning_kind`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WarningKind {
    pub kind: String,
    /// Times it was raised.
    pub count: u64,
    /// Files it was raised for.
    pub files: u64,
    /// The first sentence of this kind, in full.
    pub example_sentence: String,
    /// The first few files it was raised for: (path, doc_id; empty for a reject).
    pub examples: Vec<(String, String)>,
}

/// The annual rule-of-law reports of one administrative level.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LevelStats {
    /// `None` for reports whose level is unknown.
    pub level: Option<String>,
    pub reports: u64,
    /// Reports having each mandated part, in `SectionType::MANDATED` order.
    pub with_part: [u64; 4],
    pub with_all_parts: u64,
    pub with_year: u64,
    pub with_division_code: u64,
    pub with_warnings: u64,
    pub facts: u64,
    pub facts_with_indicator: u64,
    /// Earliest and latest report year.
    pub years: Option<(i32, i32)>,
}

/// Everything `report.html` shows about one run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportData {
    pub run_id: String,
    pub started_at: String,
    pub finished_at: String,
    pub tool_version: String,
    pub schema_version: String,
    pub input_root: String,
    /// `file://` URL of the input root, ending in `/`, that document paths are joined to
    /// (empty when unknown: no links to the sources).
    pub source_base_url: String,
    pub elapsed_seconds: f64,
    pub mb_per_second: f64,
    pub docs_per_second: f64,
    pub peak_rss_bytes: Option<u64>,
    pub files_found: u64,
    pub documents: u64,
    pub rejected: u64,
    pub duplicates: u64,
    /// (table name, rows)
    pub table_rows: Vec<(String, u64)>,
    /// (source_path, stage, error) — at most the first 200; `rejected` is the total.
    pub rejects: Vec<(String, String, String)>,
    /// Rejects grouped by the kind of their error, most frequent first.
    pub reject_kinds: Vec<WarningKind>,
    /// Warnings grouped by kind, most frequent first; `warning_kinds_other` counts the
    /// warnings of kinds beyond the collector's bound.
    pub warning_kinds: Vec<WarningKind>,
    pub warning_kinds_other: u64,
    /// Documents per report_year (None = unknown), ascending years, None last.
    pub docs_per_year: Vec<(Option<i32>, u64)>,
    /// Documents per doc_kind (rol_annual / other).
    pub docs_per_kind: Vec<(String, u64)>,
    /// Documents per genre, most first.
    pub docs_per_genre: Vec<(String, u64)>,
    /// Annual rule-of-law reports per administrative level (unordered; the page orders them).
    pub rol_levels: Vec<LevelStats>,
    pub field_coverage: FieldCoverage,
    /// The first documents in input order (at most [`collect::MAX_DOCUMENT_ROWS`]);
    /// `documents` is the total.
    pub document_rows: Vec<DocumentRow>,
    /// Per mandated section type (measures_and_results, shortcomings, leadership_duty,
    /// next_year_plan): how many documents have it.
    pub section_coverage: Vec<(String, u64)>,
    /// Facts per quantity_kind.
    pub facts_by_kind: Vec<(String, u64)>,
    /// The indicators reported by the most documents, most first (at most 20).
    pub top_indicators: Vec<IndicatorSummary>,
}

/// Renders the complete `report.html` document for one run.
pub fn render_report(data: &ReportData) -> String {
    let mut out = String::with_capacity(64 * 1024 + data.document_rows.len() * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"govreport\"/>\n",
    );
    let title = if data.run_id.is_empty() {
        "govreport run report".to_string()
    } else {
        format!("govreport run report · {}", data.run_id)
    };
    out.push_str(&format!("<title>{}</title>\n", esc(&title)));
    out.push_str("<style>");
    out.push_str(style::CSS);
    out.push_str("</style>\n</head>\n<body>\n");

    render_header(&mut out, data);
    out.push_str("<main class=\"wrap\">\n");
    sections::render_all(&mut out, data);
    out.push_str("</main>\n");

    out.push_str("<footer class=\"wrap page-footer\"><p>Written by govreport");
    if !data.tool_version.is_empty() {
        out.push_str(&format!(" {}", esc(&data.tool_version)));
    }
    out.push_str(
        " beside the output tables. This page is self-contained and works offline; \
         hover over a bar to see its full label.</p></footer>\n",
    );
    out.push_str(script::SCRIPT_ELEMENT);
    out.push_str("</body>\n</html>\n");
    out
}

fn render_header(out: &mut String, data: &ReportData) {
    out.push_str("<header class=\"page-header\"><div class=\"wrap\">\n");
    out.push_str("<p class=\"eyebrow\">govreport · 法治政府建设年度报告</p>\n");
    out.push_str("<h1>Run report</h1>\n<p class=\"meta\">");
    let mut parts = Vec::new();
    if !data.input_root.is_empty() {
        parts.push(format!("input <code>{}</code>", esc(&data.input_root)));
    }
    if !data.finished_at.is_empty() {
        parts.push(format!("finished {}", esc(&data.finished_at)));
    }
    if !data.run_id.is_empty() {
        parts.push(format!("run <code>{}</code>", esc(&data.run_id)));
    }
    if parts.is_empty() {
        parts.push("No run details were recorded.".to_string());
    }
    out.push_str(&parts.join(" · "));
    out.push_str("</p>\n</div></header>\n");
}
