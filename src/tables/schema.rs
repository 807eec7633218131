//! The output tables, defined once. Each column has a name, a type, a description and the
//! function that reads its value from the pipeline's records; the Parquet writer, the CSV
//! writer, the JSON of `govreport extract` and the data dictionary all read these
//! definitions, so they cannot disagree.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::model::{DateMention, DocResult, Fact, Reject, Section, SectionType};

/// Columns of free text (long, nearly all distinct): written without dictionary encoding
/// or statistics.
pub const LONG_TEXT_COLUMNS: &[&str] = &["body", "text"];

/// Long text repeated on neighbouring rows (every fact of a sentence carries the sentence):
/// dictionary-encoded with room for a row group's distinct values, so each is stored and
/// compressed once; no statistics.
pub const REPEATED_TEXT_COLUMNS: &[&str] = &["sentence"];

/// Short free text that repeats (dictionary encoding pays) but that nobody filters by range:
/// written without min/max statistics, which cost two string comparisons per value.
pub const NO_STATISTICS_COLUMNS: &[&str] = &["raw", "metric", "heading", "title", "warnings"];

/// Bumped whenever a column's name, type or meaning changes (see CHANGELOG.md).
pub const SCHEMA_VERSION: &str = "3.1";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColType {
    Utf8,
    Int16,
    Int32,
    Int64,
    Float64,
    Date32,
    /// Microseconds since 1970 in UTC.
    Timestamp,
    /// A list of strings: a Parquet list, `;`-joined in CSV.
    Utf8List,
    /// A list of sentences: a Parquet list, `; `-joined in CSV (warnings).
    SentenceList,
    /// A list of int32: a Parquet list, `;`-joined in CSV.
    Int32List,
}

impl ColType {
    /// Strings and lists of strings.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            ColType::Utf8 | ColType::Utf8List | ColType::SentenceList
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            ColType::Utf8 => "string",
            ColType::Int16 => "int16",
            ColType::Int32 => "int32",
            ColType::Int64 => "int64",
            ColType::Float64 => "float64",
            ColType::Date32 => "date32",
            ColType::Timestamp => "timestamp (µs, UTC)",
            ColType::Utf8List | ColType::SentenceList => "list<string>",
            ColType::Int32List => "list<int32>",
        }
    }

    /// The separator of a list's items in CSV; `None` for a scalar type.
    pub fn csv_separator(self) -> Option<&'static str> {
        match self {
            ColType::Utf8List | ColType::Int32List => Some(";"),
            ColType::SentenceList => Some("; "),
            _ => None,
        }
    }
}

/// One cell. Strings borrow from the records where they can.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Date(NaiveDate),
    /// Microseconds since 1970-01-01T00:00:00Z.
    Timestamp(i64),
    /// A list, never empty (an empty list is `Null`), borrowed like the strings.
    List(Items<'a>),
}

/// The items of a list cell, borrowed where they are: nothing is allocated for a cell, and
/// a cell has nothing to free (the writers handle millions of cells).
#[derive(Debug, Clone, Copy)]
pub enum Items<'a> {
    Strings(&'a [String]),
    Words(&'a [&'a str]),
    Parts(&'a [SectionType]),
    Ints(&'a [i64]),
    /// Rows `start..end` of an Arrow array: a list read back from a Parquet file.
    ArrowText(&'a arrow_array::StringArray, usize, usize),
    ArrowInts(&'a arrow_array::Int32Array, usize, usize),
}

impl<'a> Items<'a> {
    pub fn len(&self) -> usize {
        match *self {
            Items::Strings(v) => v.len(),
            Items::Words(v) => v.len(),
            Items::Parts(v) => v.len(),
            Items::Ints(v) => v.len(),
            Items::ArrowText(_, start, end) | Items::ArrowInts(_, start, end) => end - start,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the items are integers (else text).
    pub fn is_int(&self) -> bool {
        matches!(self, Items::Ints(_) | Items::ArrowInts(..))
    }

    /// Item `k` as text (`None` for integers).
    pub fn text(&self, k: usize) -> Option<&'a str> {
        match *self {
            Items::Strings(v) => v.get(k).map(String::as_str),
            Items::Words(v) => v.get(k).copied(),
            Items::Parts(v) => v.get(k).map(|t| t.as_str()),
            Items::ArrowText(a, start, _) => Some(a.value(start + k)),
            Items::Ints(_) | Items::ArrowInts(..) => None,
        }
    }

    /// Item `k` as an integer (`None` for text).
    pub fn int(&self, k: usize) -> Option<i64> {
        use arrow_array::Array as _;
        match *self {
            Items::Ints(v) => v.get(k).copied(),
            Items::ArrowInts(a, start, _) => {
                (!a.is_null(start + k)).then(|| a.value(start + k).into())
            }
            _ => None,
        }
    }
}

impl PartialEq for Items<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && (0..self.len()).all(|k| self.text(k) == other.text(k) && self.int(k) == other.int(k))
    }
}

impl<'a> Value<'a> {
    /// A borrowed string cell.
    pub fn s(v: &'a str) -> Self {
        Value::Str(Cow::Borrowed(v))
    }
    /// A string cell, null when absent.
    pub fn opt(v: &'a Option<String>) -> Self {
        v.as_deref().map_or(Value::Null, Value::s)
    }
    fn int(v: impl Into<i64>) -> Self {
        Value::Int(v.into())
    }
    fn count(v: usize) -> Self {
        Value::Int(v as i64)
    }
    fn date(v: Option<NaiveDate>) -> Self {
        v.map_or(Value::Null, Value::Date)
    }
    /// A UTC time written as RFC 3339 (`2026-12-01T03:04:05Z`), null when absent or not one.
    fn rfc3339(v: &Option<String>) -> Self {
        v.as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map_or(Value::Null, |t| Value::Timestamp(t.timestamp_micros()))
    }
    fn opt_count(v: Option<usize>) -> Self {
        v.map_or(Value::Null, Value::count)
    }
    /// A string cell, null when empty (where an empty string would mean "none").
    pub fn non_empty(v: &'a str) -> Self {
        if v.is_empty() {
            Value::Null
        } else {
            Value::s(v)
        }
    }
    /// A list, null when empty.
    pub fn list(items: Items<'a>) -> Self {
        if items.is_empty() {
            Value::Null
        } else {
            Value::List(items)
        }
    }
}

/// A column of a table whose rows are `(parent, child)` pairs: `documents` rows are
/// `((), DocResult)`, `facts` rows are `(DocResult, Fact)`.
pub struct Column<P, C> {
    pub name: &'static str,
    pub ty: ColType,
    pub nullable: bool,
    pub doc: &'static str,
    pub get: for<'a> fn(&'a P, &'a C) -> Value<'a>,
}

pub struct Table<P: 'static, C: 'static> {
    pub name: &'static str,
    pub doc: &'static str,
    pub columns: &'static [Column<P, C>],
}

/// Type-erased view of a table for the dictionary and the writers' set-up.
#[derive(Debug, Clone, Copy)]
pub struct ColumnInfo {
    pub name: &'static str,
    pub ty: ColType,
    pub nullable: bool,
    pub doc: &'static str,
}

impl<P, C> Table<P, C> {
    pub fn info(&self) -> Vec<ColumnInfo> {
        self.columns
            .iter()
            .map(|c| ColumnInfo {
                name: c.name,
                ty: c.ty,
                nullable: c.nullable,
                doc: c.doc,
            })
            .collect()
    }
}

macro_rules! col {
    ($name:literal, $ty:ident, $nullable:literal, $doc:literal, $get:expr) => {
        Column {
            name: $name,
            ty: ColType::$ty,
            nullable: $nullable,
            doc: $doc,
            get: $get,
        }
    };
}

/// The level-1 section (a mandated part, or `other`) that holds a fact: the top of the
/// chain of parents of its innermost section, when that top is a level-1 heading.
fn enclosing_part<'a>(d: &'a DocResult, f: &Fact) -> Option<&'a Section> {
    let find = |id: i32| {
        // Sections are numbered 1.. in order: the index is the id, checked.
        d.sections
            .get((id as usize).wrapping_sub(1))
            .filter(|s| s.section_id == id)
            .or_else(|| d.sections.iter().find(|s| s.section_id == id))
    };
    let mut s = find(f.section_id?)?;
    // A parent always comes before its child: at most as many steps as sections.
    for _ in 0..d.sections.len() {
        match s.parent_id {
            Some(p) => s = find(p)?,
            None => break,
        }
    }
    (s.level == 1).then_some(s)
}

pub static DOCUMENTS: Table<(), DocResult> = Table {
    name: "documents",
    doc: "One row per input document that was read.",
    columns: &[
        col!("doc_id", Utf8, false, "Stable id, unique per row: 16 hex chars of a hash (xxh3-64) of the source bytes and the path relative to the input root (the same file at the same path gets the same id in every run; identical copies at two paths are two rows, linked by body_sha and duplicate_of).", |_, d| Value::s(&d.source.doc_id)),
        col!("source_path", Utf8, false, "Path relative to the input root, `/`-separated.", |_, d| Value::s(&d.source.source_path)),
        col!("source_format", Utf8, false, "txt / md / html / docx / pdf / doc / wps / ofd: the format read from the content, not the extension.", |_, d| Value::s(d.source.format.as_str())),
        col!("source_url", Utf8, true, "The page's web address: the crawl manifest's url for the file (`--crawl-manifest`), else the page's `<link rel=canonical>`, else its `og:url` (absolute http(s) addresses only); null when none says.", |_, d| d.source.origin.url.as_deref().or(d.clean.meta.canonical_url.as_deref()).map_or(Value::Null, Value::s)),
        col!("fetched_at", Timestamp, true, "When the crawler fetched the page, from the crawl manifest (UTC; a date alone is its midnight UTC). CSV: RFC 3339, `2026-12-01T03:04:05Z`.", |_, d| Value::rfc3339(&d.source.origin.fetched_at)),
        col!("encoding", Utf8, false, "Detected source encoding: UTF-8, UTF-8-BOM, GB18030, Big5, UTF-16LE, UTF-16BE; for attachments what their text is stored as: pdf UTF-16BE (Unicode maps), doc and wps UTF-16LE, ofd UTF-8.", |_, d| Value::s(&d.source.encoding)),
        col!("source_bytes", Int64, false, "Size of the source file in bytes.", |_, d| Value::int(d.source.source_bytes as i64)),
        col!("body_sha", Utf8, false, "16 hex chars of a hash of the cleaned body; mirrors of one report share it.", |_, d| Value::s(&d.body_sha)),
        col!("duplicate_of", Utf8, true, "doc_id of the first document (in path order) with the same body_sha.", |_, d| Value::opt(&d.duplicate_of)),
        col!("title", Utf8, true, "The report's title as printed.", |_, d| Value::opt(&d.meta.title)),
        col!("organization", Utf8, true, "Issuing body in its fullest printed form, e.g. 广州市海珠区人民政府海幢街道办事处.", |_, d| Value::opt(&d.meta.organization)),
        col!("org_short", Utf8, true, "Short name of the issuer, e.g. 海幢街道.", |_, d| Value::opt(&d.meta.org_short)),
        col!("admin_level", Utf8, true, "省 / 市 / 区县 / 乡镇 / 街道 / 部门.", |_, d| Value::opt(&d.meta.admin_level)),
        col!("province", Utf8, true, "Province of the issuing jurisdiction (gazetteer name).", |_, d| Value::opt(&d.meta.province)),
        col!("city", Utf8, true, "Prefecture-level city of the issuing jurisdiction.", |_, d| Value::opt(&d.meta.city)),
        col!("county", Utf8, true, "County-level division of the issuing jurisdiction.", |_, d| Value::opt(&d.meta.county)),
        col!("division_code", Utf8, true, "NBS statistical division code of the jurisdiction (2/4/6/9 digits).", |_, d| Value::opt(&d.meta.division_code)),
        col!("division_match", Utf8, true, "How the code was resolved: exact (one candidate), context (several, decided by places named in the text), none.", |_, d| Value::opt(&d.meta.division_match)),
        col!("report_year", Int32, true, "The year the report covers.", |_, d| d.meta.report_year.map_or(Value::Null, Value::int)),
        col!("report_year_source", Utf8, true, "Where report_year came from: title / body / publish_date.", |_, d| Value::opt(&d.meta.report_year_source)),
        col!("publish_date", Date32, true, "Publication date from page metadata (发布日期/发布时间/成文日期).", |_, d| Value::date(d.meta.publish_date)),
        col!("signed_date", Date32, true, "Date under the signature at the end (落款).", |_, d| Value::date(d.meta.signed_date)),
        col!("doc_number", Utf8, true, "文号, e.g. 金文〔2023〕5号.", |_, d| Value::opt(&d.meta.doc_number)),
        col!("doc_kind", Utf8, false, "rol_annual (法治政府建设年度报告) or other (reason in warnings); rol_annual exactly when genre is.", |_, d| Value::s(&d.meta.doc_kind)),
        col!("genre", Utf8, false, "What the document is: rol_annual, rol_multi_year, interpretation, half_year_report, info_disclosure_annual, government_work_report, assessment_notice, self_inspection, duty_report, work_plan, work_summary, news, publication or other (evidence in warnings).", |_, d| Value::s(&d.meta.genre)),
        col!("chars_raw", Int32, false, "Characters of the decoded source before cleaning.", |_, d| Value::count(d.chars_raw)),
        col!("chars_body", Int32, false, "Characters of the cleaned body.", |_, d| Value::count(d.clean.body.chars().count())),
        col!("boilerplate_lines", Int32, false, "Source lines removed as website boilerplate.", |_, d| Value::count(d.clean.removed.len())),
        col!("n_sections", Int32, false, "Rows of this document in `sections`.", |_, d| Value::count(d.sections.len())),
        col!("n_facts", Int32, false, "Rows of this document in `facts`.", |_, d| Value::count(d.facts.len())),
        col!("n_dates", Int32, false, "Rows of this document in `dates`.", |_, d| Value::count(d.dates.len())),
        col!("required_sections_missing", Utf8List, true, "Mandated parts not found (measures_and_results, shortcomings, leadership_duty, next_year_plan); null = all present. CSV: `;`-separated.", |_, d| Value::list(Items::Parts(&d.required_sections_missing))),
        col!("warnings", SentenceList, true, "Human-readable problems met; null = none. CSV: `; `-separated.", |_, d| Value::list(Items::Strings(&d.warnings))),
        col!("schema_version", Utf8, false, "Version of this table contract.", |_, _| Value::s(SCHEMA_VERSION)),
    ],
};

pub static TEXTS: Table<(), DocResult> = Table {
    name: "texts",
    doc: "The cleaned body of each document; section, fact and date offsets index into it (characters).",
    columns: &[
        col!("doc_id", Utf8, false, "Document id (see documents).", |_, d| Value::s(&d.source.doc_id)),
        col!("report_year", Int32, true, "The document's report_year (see documents): every table can be filtered or partitioned by year without a join.", |_, d| d.meta.report_year.map_or(Value::Null, Value::int)),
        col!("body", Utf8, false, "Report text without website boilerplate and markdown markers; one paragraph per line.", |_, d| Value::s(&d.clean.body)),
    ],
};

pub static SECTIONS: Table<DocResult, Section> = Table {
    name: "sections",
    doc: "The heading tree (levels 1-4) and the inline 一是/二是 items (level 5).",
    columns: &[
        col!("doc_id", Utf8, false, "Document id.", |d, _| Value::s(&d.source.doc_id)),
        col!("report_year", Int32, true, "The document's report_year (see documents): every table can be filtered or partitioned by year without a join.", |d, _| d.meta.report_year.map_or(Value::Null, Value::int)),
        col!("section_id", Int32, false, "1-based, in document order.", |_, s| Value::int(s.section_id)),
        col!("parent_id", Int32, true, "section_id of the enclosing section.", |_, s| s.parent_id.map_or(Value::Null, Value::int)),
        col!("level", Int16, false, "1 = 一、 2 = （一） 3 = 1、 4 = （1） 5 = inline item 一是.", |_, s| Value::int(s.level)),
        col!("kind", Utf8, false, "heading or item.", |_, s| Value::s(s.kind.as_str())),
        col!("marker", Utf8, true, "The marker as printed: 一、 / （一） / 1、 / 一是; null for a level-1 part printed without one.", |_, s| Value::non_empty(&s.marker)),
        col!("ordinal", Int32, false, "The marker's number (三 → 3); 0 when there is no marker.", |_, s| Value::int(s.ordinal)),
        col!("heading", Utf8, true, "Heading text without marker and markdown; for items, the first clause; null when there is none (an item marker alone).", |_, s| Value::non_empty(&s.heading)),
        col!("section_type", Utf8, true, "Level 1 only: measures_and_results, shortcomings, leadership_duty, next_year_plan, other.", |_, s| s.section_type.map_or(Value::Null, |t| Value::s(t.as_str()))),
        col!("char_start", Int32, false, "Start of the section in the cleaned body (characters).", |_, s| Value::count(s.char_start)),
        col!("char_end", Int32, false, "End (exclusive) of the section including its subsections.", |_, s| Value::count(s.char_end)),
        col!("text", Utf8, false, "The section's own text: from its start to its first subsection.", |d, s| Value::s(s.text(&d.clean.body))),
    ],
};

pub static FACTS: Table<DocResult, Fact> = Table {
    name: "facts",
    doc: "One row per numeric fact.",
    columns: &[
        col!("doc_id", Utf8, false, "Document id.", |d, _| Value::s(&d.source.doc_id)),
        col!("report_year", Int32, true, "The document's report_year (see documents): every table can be filtered or partitioned by year without a join.", |d, _| d.meta.report_year.map_or(Value::Null, Value::int)),
        col!("fact_id", Int32, false, "1-based within the document, in text order.", |_, f| Value::int(f.fact_id)),
        col!("section_id", Int32, true, "Innermost section containing the fact.", |_, f| f.section_id.map_or(Value::Null, Value::int)),
        col!("part_section_id", Int32, true, "section_id of the level-1 section the fact sits in (the mandated part); null when no level-1 heading encloses it.", |d, f| enclosing_part(d, f).map_or(Value::Null, |s| Value::int(s.section_id))),
        col!("section_type", Utf8, true, "section_type of that level-1 section: measures_and_results, shortcomings, leadership_duty, next_year_plan, other; null when no level-1 heading encloses the fact.", |d, f| enclosing_part(d, f).and_then(|s| s.section_type).map_or(Value::Null, |t| Value::s(t.as_str()))),
        col!("raw", Utf8, false, "The matched span as printed, e.g. 337.1857万元, 近5万份, 100余起.", |_, f| Value::s(&f.raw)),
        col!("value", Float64, false, "The number as printed (337.1857).", |_, f| Value::Float(f.value)),
        col!("unit", Utf8, true, "The unit as printed (万元).", |_, f| Value::opt(&f.unit)),
        col!("value_normalized", Float64, false, "The value in unit_normalized (3371857).", |_, f| Value::Float(f.value_normalized)),
        col!("unit_normalized", Utf8, true, "元, 平方米, 米, 千克, %, 个百分点, 天, 小时, or the measure word of a count (件, 次, 人次 ...); null when the text gives none.", |_, f| Value::non_empty(&f.unit_normalized)),
        col!("quantity_kind", Utf8, false, "money, area, length, mass, duration, percent, percentage_point, count, other.", |_, f| Value::s(f.quantity_kind.as_str())),
        col!("qualifier", Utf8, false, "exact, approx (约/近/左右), more_than (余/多/超/以上/逾), less_than (不足/不到/以下), range.", |_, f| Value::s(f.qualifier.as_str())),
        col!("value_high", Float64, true, "Upper end of a range (3至5天), normalized.", |_, f| f.value_high.map_or(Value::Null, Value::Float)),
        col!("metric", Utf8, true, "What is counted, from the words before the number: 立案查处, 罚款金额, 执结率.", |_, f| Value::opt(&f.metric)),
        col!("indicator", Utf8, true, "Canonical indicator code from the taxonomy, e.g. enforcement.cases_filed (the panel's column for it is named in the dictionary's mapping table).", |_, f| Value::opt(&f.indicator)),
        col!("relation", Utf8, false, "level (the amount, count or rate itself: 立案390件, 执结率87.5%) or change (a difference against an earlier period: 同比增长7.8%, 较上年提高4.4个百分点, 增加12件); a change keeps the code of the indicator it changes and is never summed with a level.", |_, f| Value::s(f.relation.as_str())),
        col!("breakdown_of", Int32, true, "fact_id of the total this fact is a part of (其中 …); indicator sums never add a part to its own total.", |_, f| f.breakdown_of.map_or(Value::Null, Value::int)),
        col!("as_of_date", Date32, true, "From 截至/截止 X in the same sentence.", |_, f| Value::date(f.as_of_date)),
        col!("sentence", Utf8, false, "The sentence holding the fact.", |_, f| Value::s(&f.sentence)),
        col!("char_start", Int32, false, "Start of raw in the cleaned body (characters).", |_, f| Value::count(f.char_start)),
        col!("char_end", Int32, false, "End (exclusive) of raw in the cleaned body (characters).", |_, f| Value::count(f.char_end)),
    ],
};

pub static DATES: Table<DocResult, DateMention> = Table {
    name: "dates",
    doc: "Every calendar date mentioned, with its role.",
    columns: &[
        col!("doc_id", Utf8, false, "Document id.", |d, _| Value::s(
            &d.source.doc_id
        )),
        col!("report_year", Int32, true, "The document's report_year (see documents): every table can be filtered or partitioned by year without a join.", |d, _| d.meta.report_year.map_or(Value::Null, Value::int)),
        col!(
            "date_id",
            Int32,
            false,
            "1-based within the document.",
            |_, x| Value::int(x.date_id)
        ),
        col!("raw", Utf8, false, "The date as printed.", |_, x| Value::s(
            &x.raw
        )),
        col!(
            "date",
            Date32,
            false,
            "The date; the first day of the month or year for coarser precision.",
            |_, x| Value::Date(x.date)
        ),
        col!("precision", Utf8, false, "day / month / year.", |_, x| {
            Value::s(x.precision.as_str())
        }),
        col!(
            "role",
            Utf8,
            false,
            "publish (page metadata), signed (under the signature), as_of (截至/截止), event.",
            |_, x| Value::s(x.role.as_str())
        ),
        col!(
            "char_start",
            Int32,
            true,
            "Start in the cleaned body (characters); null for dates from removed metadata lines.",
            |_, x| Value::opt_count(x.char_start)
        ),
        col!(
            "char_end",
            Int32,
            true,
            "End (exclusive) in the cleaned body; null for dates from removed metadata lines.",
            |_, x| Value::opt_count(x.char_end)
        ),
    ],
};

pub static REJECTS: Table<(), Reject> = Table {
    name: "rejects",
    doc: "Inputs that could not be processed. documents + rejects = files found.",
    columns: &[
        col!(
            "source_path",
            Utf8,
            false,
            "Path relative to the input root.",
            |_, r| Value::s(&r.source_path)
        ),
        col!(
            "stage",
            Utf8,
            false,
            "Stage that refused the input (ingest, clean, ...).",
            |_, r| Value::s(r.stage)
        ),
        col!(
            "error",
            Utf8,
            false,
            "What went wrong, as a sentence.",
            |_, r| Value::s(&r.error)
        ),
        col!(
            "source_bytes",
            Int64,
            false,
            "Size of the source file in bytes.",
            |_, r| Value::int(r.source_bytes as i64)
        ),
    ],
};

/// Name, description and columns of every table, in output order.
pub fn all_tables() -> Vec<(&'static str, &'static str, Vec<ColumnInfo>)> {
    vec![
        (DOCUMENTS.name, DOCUMENTS.doc, DOCUMENTS.info()),
        (TEXTS.name, TEXTS.doc, TEXTS.info()),
        (SECTIONS.name, SECTIONS.doc, SECTIONS.info()),
        (FACTS.name, FACTS.doc, FACTS.info()),
        (DATES.name, DATES.doc, DATES.info()),
        (REJECTS.name, REJECTS.doc, REJECTS.info()),
    ]
}

#[cfg(feature = "cli")]
/// Every table a run writes, in output order: the per-document tables, then `indicators` and
/// `panel` (whose indicator columns come from `taxonomy`).
pub fn output_tables(
    taxonomy: &'static crate::indicators::Taxonomy,
) -> Vec<(&'static str, &'static str, Vec<ColumnInfo>)> {
    let mut tables = all_tables();
    tables.push((
        "indicators",
        "One row per document, indicator, relation and unit: the document's value of each \
         indicator of the taxonomy (pipelines/indicators.toml), built with polars from facts; \
         a change (relation change) is a row of its own, never added to a level.",
        crate::analysis::indicator_columns(),
    ));
    tables.push((
        "panel",
        "One row per document that is not a duplicate (duplicate_of null), one float64 column \
         per indicator and unit of the taxonomy (null where the report gives none); levels \
         only, never a change. Column names are identifiers (see the mapping below).",
        crate::analysis::panel_columns(taxonomy),
    ));
    tables
}

/// The data dictionary as Markdown (the output of `govreport schema`): every table, how to
/// read the CSV files with their types, and the indicator → panel column mapping.
#[cfg(feature = "cli")]
pub fn dictionary_markdown(taxonomy: &'static crate::indicators::Taxonomy) -> String {
    let mut out = format!(
        "# govreport data dictionary\n\nSchema version {SCHEMA_VERSION}. Generated by `govreport schema` from the \
         table definitions the Parquet and CSV writers use. Every table is written as \
         `<table>.parquet` and `<table>.csv`; CSV has the same columns in the same order, \
         ISO dates, floats always with a decimal point, an empty field for null, and list \
         columns joined by `;` (`warnings`: `; `).\n"
    );
    out.push_str(READING_WITH_TYPES);
    for (name, doc, cols) in output_tables(taxonomy) {
        out.push_str(&format!(
            "\n## {name}\n\n{doc}\n\n| column | type | null | meaning |\n|---|---|---|---|\n"
        ));
        for c in cols {
            let null = if c.nullable { "yes" } else { "no" };
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                c.name,
                c.ty.name(),
                null,
                c.doc.replace('|', "\\|")
            ));
        }
    }
    out.push_str(
        "\n## Indicator codes and panel columns\n\nThe taxonomy's codes (facts.indicator, \
         indicators.indicator) and the panel columns that hold them: the code with `.` as `_` \
         (or the entry's `panel_column` where that would pass 32 characters), suffixed with a \
         unit's ascii name for each unit that does not count the same thing as the first \
         (`[panel] same_units` in the taxonomy file).\n\n| indicator | panel column | units |\n|---|---|---|\n",
    );
    for c in taxonomy.panel_columns() {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            c.code,
            c.name,
            c.units.join(" ")
        ));
    }
    out
}

/// How to read the CSV files with their types (the dictionary's and the README's one-liners).
pub const READING_WITH_TYPES: &str = r#"
## Reading the CSV files with their types

Every output folder holds `schema.json` (each table's files and each column's type, with the
type to give pandas, polars, readr and DuckDB) and `schema.sql` (typed DuckDB tables filled
from the CSV files). With them, codes that look like numbers (`division_code`, hex `doc_id`)
stay text and floats stay floats in every reader. The Parquet files carry their types.

```python
import json, pandas as pd, polars as pl
s = json.load(open("out/schema.json"))["tables"]["facts"]
facts = pd.read_csv("out/facts.csv", dtype={c["name"]: c["pandas_csv"] for c in s["columns"] if c["pandas_csv"]}, parse_dates=[c["name"] for c in s["columns"] if not c["pandas_csv"]])
facts = pl.read_csv("out/facts.csv", schema_overrides={c["name"]: getattr(pl, c["polars_csv"]) for c in s["columns"]})
```

```r
s <- jsonlite::read_json("out/schema.json")
facts <- readr::read_csv("out/facts.csv", col_types = s$tables$facts$readr_col_types)
```

```sh
cd out && duckdb tables.duckdb < schema.sql   # typed tables documents, facts, …, panel
```
"#;
