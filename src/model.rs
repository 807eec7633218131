//! The records that flow between stages. Each stage is a function from one of these to the
//! next; the table writers turn them into rows (see `tables::schema`).

use chrono::NaiveDate;

/// Input formats the ingest stage recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    Txt,
    Md,
    Html,
    Docx,
    /// PDF with a text layer.
    Pdf,
    /// Word 97–2003 binary (`.doc`, an OLE compound file).
    Doc,
    /// WPS Office (`.wps`): the same compound file and Word binary text.
    Wps,
    /// OFD, the national fixed-layout format (GB/T 33190).
    Ofd,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Txt => "txt",
            SourceFormat::Md => "md",
            SourceFormat::Html => "html",
            SourceFormat::Docx => "docx",
            SourceFormat::Pdf => "pdf",
            SourceFormat::Doc => "doc",
            SourceFormat::Wps => "wps",
            SourceFormat::Ofd => "ofd",
        }
    }
}

/// Where a file came from on the web, as the crawler's manifest records it
/// (`--crawl-manifest`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The address the page was fetched from.
    pub url: Option<String>,
    /// When it was fetched: RFC 3339 in UTC (`2026-12-01T03:04:05Z`).
    pub fetched_at: Option<String>,
}

/// A decoded input document: text with `\n` line endings, before any cleaning.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    pub doc_id: String,
    pub source_path: String,
    pub format: SourceFormat,
    pub encoding: String,
    pub source_bytes: u64,
    pub text: String,
    /// Metadata the file format itself carries (docx core properties, PDF Info, OFD DocInfo,
    /// .doc summary information).
    pub meta: PageMeta,
    /// Problems met while reading that did not stop the document (e.g. replacement chars).
    pub warnings: Vec<String>,
    /// The crawl manifest's record for the file, if any.
    pub origin: Origin,
    /// 16 hex digits of a hash (xxh3-64) of the file's bytes: an incremental run's catalog
    /// keeps it, so that a file is read once.
    pub content_hash: String,
}

/// Metadata carried by website chrome lines (发布日期, 来源, 发布者 ...) before they are removed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// The publish date as printed after 发布日期/发布时间, e.g. `2023-12-14 17:16:02`.
    /// Parsed by the metadata stage, not here.
    pub publish_raw: Option<String>,
    /// 成文日期 as printed, when the page has one.
    pub written_raw: Option<String>,
    /// 来源: the unit the site credits.
    pub source: Option<String>,
    /// 发布者 / 发布机构: the publisher the site credits (often the site owner, not the issuer).
    pub publisher: Option<String>,
    /// 索引号
    pub index_no: Option<String>,
    /// Title from page metadata (HTML `<title>` / ArticleTitle, docx core title), when the
    /// format has one.
    pub title: Option<String>,
    /// Creation time in the file's own properties (docx `dcterms:created`): a weak date
    /// candidate, never taken as the publish date by itself.
    pub created_raw: Option<String>,
    /// 文号 from a metadata block (发文字号/文号/文件编号).
    pub doc_number: Option<String>,
    /// The title a metadata block prints under 标题/名称: the page's own word for it.
    pub labeled_title: Option<String>,
    /// 体裁分类: the site's genre for the document (工作报告, 其他 …).
    pub doc_type: Option<String>,
    /// Every date a metadata block printed (发布日期, 成文日期 …), each once, as printed.
    pub dates_raw: Vec<String>,
    /// The page's own address: `<link rel=canonical>`, else `<meta property=og:url>`
    /// (absolute http(s) addresses only).
    pub canonical_url: Option<String>,
}

/// A line the cleaner removed, with the rule that removed it.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedLine {
    pub line_no: usize,
    pub text: String,
    pub rule: &'static str,
}

/// Output of the clean stage.
#[derive(Debug, Clone, Default)]
pub struct CleanDoc {
    /// Report text without website chrome and without markdown markers; paragraphs on lines.
    pub body: String,
    /// The body's simplified reading when the page is in traditional characters: byte for
    /// byte as long as `body`, so every offset into one is an offset into the other.
    pub reading: Option<String>,
    pub removed: Vec<RemovedLine>,
    pub meta: PageMeta,
}

impl CleanDoc {
    /// The text every rule matches: the simplified reading, else the body itself.
    pub fn text(&self) -> &str {
        self.reading.as_deref().unwrap_or(&self.body)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Heading,
    Item,
}

impl SectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Heading => "heading",
            SectionKind::Item => "item",
        }
    }
}

/// The four mandated parts of a rule-of-law report, plus `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionType {
    MeasuresAndResults,
    Shortcomings,
    LeadershipDuty,
    NextYearPlan,
    Other,
}

impl SectionType {
    pub const MANDATED: [SectionType; 4] = [
        SectionType::MeasuresAndResults,
        SectionType::Shortcomings,
        SectionType::LeadershipDuty,
        SectionType::NextYearPlan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionType::MeasuresAndResults => "measures_and_results",
            SectionType::Shortcomings => "shortcomings",
            SectionType::LeadershipDuty => "leadership_duty",
            SectionType::NextYearPlan => "next_year_plan",
            SectionType::Other => "other",
        }
    }
}

/// A heading (levels 1-4) or an inline item (level 5) of the report.
/// Offsets are in characters (not bytes) of the cleaned body.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub section_id: i32,
    pub parent_id: Option<i32>,
    pub level: i16,
    pub kind: SectionKind,
    pub marker: String,
    pub ordinal: i32,
    pub heading: String,
    pub section_type: Option<SectionType>,
    pub char_start: usize,
    pub char_end: usize,
    /// The section's own text, as a byte range of the body it was found in (see `text`):
    /// a range, not a copy, since sections tile the whole body.
    pub text_bytes: std::ops::Range<usize>,
}

impl Section {
    /// The section's own text: from its start to its first subsection. `body` is the text the
    /// section was found in.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.text_bytes.clone()).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    Money,
    Area,
    Length,
    Mass,
    Duration,
    Percent,
    PercentagePoint,
    Count,
    Other,
}

impl QuantityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Area => "area",
            QuantityKind::Length => "length",
            QuantityKind::Mass => "mass",
            QuantityKind::Duration => "duration",
            QuantityKind::Percent => "percent",
            QuantityKind::PercentagePoint => "percentage_point",
            QuantityKind::Count => "count",
            QuantityKind::Other => "other",
        }
    }
}

/// Whether a fact is an amount itself or a difference against an earlier period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Relation {
    /// The amount, count or rate itself: `立案390件`, `执结率87.5%`.
    #[default]
    Level,
    /// A difference against an earlier period: `同比增长7.8%`, `较上年提高4.4个百分点`,
    /// `增加12件`. Never summed with, or taken for, a level.
    Change,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Level => "level",
            Relation::Change => "change",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    Approx,
    MoreThan,
    LessThan,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
        }
    }
}

/// One numeric fact. Offsets are in characters of the cleaned body.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub fact_id: i32,
    pub section_id: Option<i32>,
    pub raw: String,
    pub value: f64,
    pub unit: Option<String>,
    pub value_normalized: f64,
    /// One of the lexicon's units: borrowed, not allocated per fact.
    pub unit_normalized: std::borrow::Cow<'static, str>,
    pub quantity_kind: QuantityKind,
    pub qualifier: Qualifier,
    pub value_high: Option<f64>,
    pub metric: Option<String>,
    pub indicator: Option<String>,
    /// `level` or `change` (a difference against an earlier period).
    pub relation: Relation,
    /// fact_id of the total this fact is a part of (`共立案390件(其中简易程序110件…)`):
    /// indicator sums skip parts whose total has the same indicator.
    pub breakdown_of: Option<i32>,
    pub as_of_date: Option<NaiveDate>,
    /// Shared by the facts of one sentence (a report sentence often holds several).
    pub sentence: std::sync::Arc<str>,
    pub char_start: usize,
    pub char_end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    Publish,
    Signed,
    AsOf,
    Event,
}

impl DateRole {
    pub fn as_str(self) -> &'static str {
        match self {
            DateRole::Publish => "publish",
            DateRole::Signed => "signed",
            DateRole::AsOf => "as_of",
            DateRole::Event => "event",
        }
    }
}

/// A calendar date mentioned in the document. `char_start`/`char_end` are `None` for dates
/// taken from removed page-metadata lines.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub date_id: i32,
    pub raw: String,
    pub date: NaiveDate,
    pub precision: DatePrecision,
    pub role: DateRole,
    pub char_start: Option<usize>,
    pub char_end: Option<usize>,
}

/// What a document is (documents.genre). A crawler that collects rule-of-law annual reports
/// also picks up the documents around them; each has its own value here, and only
/// `RolAnnual` is a rule-of-law annual report (doc_kind `rol_annual`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Genre {
    /// The annual rule-of-law government report (法治政府建设年度报告) of one body for one year.
    RolAnnual,
    /// A review of several years (五年来, 2016-2020年, “十三五”).
    RolMultiYear,
    /// An interpretation (解读, 图解) of a report or policy.
    Interpretation,
    /// A half-year report (上半年).
    HalfYearReport,
    /// A government information-disclosure annual report (政府信息公开工作年度报告).
    InfoDisclosureAnnual,
    /// A government work report to the people's congress (政府工作报告).
    GovernmentWorkReport,
    /// A notice of assessment results, praise or criticism (考核结果的通报, 表扬).
    AssessmentNotice,
    /// A self-inspection or self-evaluation report (自查, 自评).
    SelfInspection,
    /// A person's report on their rule-of-law duties (述法报告).
    DutyReport,
    /// A plan (工作要点, 实施方案, 规划, 工作计划/安排) as the document's own kind.
    WorkPlan,
    /// A body's general work summary (工作总结), not about 法治政府建设.
    WorkSummary,
    /// A news item (bylines, reported meetings).
    News,
    /// A journal article, yearbook entry, blue book or database record.
    Publication,
    /// Anything else (a guideline, a notice, a report on another subject).
    Other,
}

impl Genre {
    /// Every value, in the order of the contract.
    pub const ALL: [Genre; 14] = [
        Genre::RolAnnual,
        Genre::RolMultiYear,
        Genre::Interpretation,
        Genre::HalfYearReport,
        Genre::InfoDisclosureAnnual,
        Genre::GovernmentWorkReport,
        Genre::AssessmentNotice,
        Genre::SelfInspection,
        Genre::DutyReport,
        Genre::WorkPlan,
        Genre::WorkSummary,
        Genre::News,
        Genre::Publication,
        Genre::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Genre::RolAnnual => "rol_annual",
            Genre::RolMultiYear => "rol_multi_year",
            Genre::Interpretation => "interpretation",
            Genre::HalfYearReport => "half_year_report",
            Genre::InfoDisclosureAnnual => "info_disclosure_annual",
            Genre::GovernmentWorkReport => "government_work_report",
            Genre::AssessmentNotice => "assessment_notice",
            Genre::SelfInspection => "self_inspection",
            Genre::DutyReport => "duty_report",
            Genre::WorkPlan => "work_plan",
            Genre::WorkSummary => "work_summary",
            Genre::News => "news",
            Genre::Publication => "publication",
            Genre::Other => "other",
        }
    }

    /// documents.doc_kind: `rol_annual` for the annual rule-of-law report, `other` for the rest.
    pub fn doc_kind(self) -> &'static str {
        match self {
            Genre::RolAnnual => "rol_annual",
            _ => "other",
        }
    }
}

/// Document-level metadata (who, where, which year, what kind of document).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocMeta {
    pub title: Option<String>,
    pub organization: Option<String>,
    pub org_short: Option<String>,
    pub admin_level: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub division_code: Option<String>,
    pub division_match: Option<String>,
    pub report_year: Option<i32>,
    pub report_year_source: Option<String>,
    pub publish_date: Option<NaiveDate>,
    pub signed_date: Option<NaiveDate>,
    pub doc_number: Option<String>,
    /// `rol_annual` or `other`: `rol_annual` exactly when the genre is.
    pub doc_kind: String,
    /// What the document is: one of [`Genre::as_str`].
    pub genre: String,
    pub warnings: Vec<String>,
}

/// Everything extracted from one document: one row of `documents` and its child rows.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub source: SourceDoc,
    pub chars_raw: usize,
    pub clean: CleanDoc,
    pub body_sha: String,
    pub duplicate_of: Option<String>,
    pub meta: DocMeta,
    pub sections: Vec<Section>,
    pub facts: Vec<Fact>,
    pub dates: Vec<DateMention>,
    pub required_sections_missing: Vec<SectionType>,
    pub warnings: Vec<String>,
}

/// An input that could not be processed.
#[derive(Debug, Clone, PartialEq)]
pub struct Reject {
    pub source_path: String,
    pub stage: &'static str,
    pub error: String,
    pub source_bytes: u64,
}
