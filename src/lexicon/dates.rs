//! Word lists for date extraction: kept here as data so the extractor stays free of literals.

/// A year in Arabic digits as a regex (`2023`, `２０２３`): pages converted from Word may set
/// every digit full width.
pub const YEAR_DIGITS: &str = "(?:19|20|１９|２０)[0-9０-９]{2}";

/// A date in digits as a regex, year first (`2023-02-15`, `2023.2.15`, `2023年02月15日`,
/// `2023 年03 月30 日`): the date part of bylines and of metadata lines that open with a date.
pub fn numeric_date_pattern() -> String {
    format!(r"{YEAR_DIGITS}\s*[-/.年]\s*[0-9０-９]{{1,2}}\s*[-/.月]\s*[0-9０-９]{{1,2}}\s*日?")
}

/// Cues that make the date right after them an "as of" date (`截至11月28日`), when they sit in
/// the same clause before the date.
pub const AS_OF_CUES: &[&str] = &["截至到", "截止到", "截至", "截止"];

/// `到/至 <date> 底/末/为止` is also an "as of" date (`到11月底`): the cue just before the date…
pub const AS_OF_BEFORE: &[&str] = &["到", "至"];
/// …and one of these just after it.
pub const AS_OF_AFTER: &[&str] = &["底", "末", "为止", "止"];

/// Longest gap (in characters) allowed between an as_of cue and its date (`截至2023年11月30日`
/// has none; `截止目前12月3日` is rare). Beyond it the cue belongs to something else.
pub const AS_OF_MAX_GAP: usize = 10;

/// Characters that end a sentence: an as_of cue never reaches across them.
pub const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '\n'];
/// Characters that end a clause: between an as_of cue and its date there must be none.
pub const CLAUSE_ENDS: &[char] = &['，', ',', '：', ':', '、'];

/// Suffixes after a bare month that make it a month-precision date (`7月份`, `11月底`).
/// A bare `7月` alone is too often part of a span (`1-7月`) to be taken.
pub const MONTH_SUFFIXES: &[&str] = &["份", "初", "底", "末", "上旬", "中旬", "下旬"];

/// Words that join the two ends of a span of months (`1至10月`, `1—10月`): a bare month right
/// after one of them and a number is the end of a span, not a date of its own.
pub const SPAN_JOINERS: &[char] = &['至', '到', '—', '–', '~', '～', '-', '－'];

/// How many non-empty lines at the end of the body may hold the signature date (落款).
pub const SIGNATURE_TAIL_LINES: usize = 6;

/// Plausible years for a calendar date in these reports.
pub const MIN_YEAR: i32 = 1949;
pub const MAX_YEAR: i32 = 2100;

/// Chinese digits as written in years (`二〇二三`) and small numbers (`十一`, `三十`).
pub const CN_DIGITS: &[(char, u32)] = &[
    ('〇', 0),
    ('○', 0),
    ('零', 0),
    ('Ｏ', 0),
    ('一', 1),
    ('二', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];
