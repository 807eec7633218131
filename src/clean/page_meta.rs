//! Page metadata: the fields of a site's metadata block, read from a chrome line whatever its
//! layout (`[索引号]…[发文字号]…`, `- [发布日期] 2026-02-12`, `|发文机关:|…|`, several
//! `字段:值` on one line, glued ones such as `日期:2025-01-24来源:区司法局`). The labels are data
//! (`crate::lexicon::page_meta`); a line is metadata when it opens with a label (after list
//! bullets, table pipes or brackets) or carries two labels. Fields go into [`PageMeta`] in a
//! clear order of trust, so that 发布日期 beats 生成日期 beats a bare 时间.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::lexicon::boilerplate::BARS;
use crate::lexicon::dates::numeric_date_pattern;
use crate::lexicon::page_meta::{
    MetaField, ENGLISH_LABELS, META_LABELS, META_LEADERS, VALUE_TRAILERS, WEAK_LABELS,
};
use crate::lexicon::PerThread;
use crate::model::PageMeta;

/// How far into a line (characters, after its bullets) the first label's colon or bracket
/// can be: the longest label with spaces between its characters, and a bracket.
const META_LABEL_REACH: usize = 14;

/// One field read off a metadata line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaValue {
    pub field: MetaField,
    /// Trust of the label for dates: smaller wins.
    pub rank: u8,
    /// The value as printed, trimmed; empty when the page left the field empty.
    pub value: String,
}

/// Spaces a site prints between a label's characters (`索 引 号`) or before its colon.
const LABEL_SPACES: &[char] = &[' ', '\u{3000}', '\u{a0}', '\t'];

/// Every label and its spaced forms (one space of each kind between its characters) in one
/// automaton, with the label each pattern stands for.
static LABEL_SEARCH: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut labels: Vec<&'static str> = Vec::new();
    for (label, _, _) in META_LABELS {
        patterns.push((*label).to_string());
        labels.push(label);
        let chars: Vec<String> = label.chars().map(String::from).collect();
        if chars.len() > 1 {
            for space in [" ", "\u{3000}", "\u{a0}", "  "] {
                patterns.push(chars.join(space));
                labels.push(label);
            }
        }
    }
    let search = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("label automaton builds");
    (search, labels)
});

/// Length in bytes of the colon `s` opens with, if it does.
fn colon_len(s: &str) -> Option<usize> {
    s.chars()
        .next()
        .filter(|c| matches!(c, ':' | '：'))
        .map(char::len_utf8)
}

/// The labels of a line with the span of each whole marker, `[ 索引号 ]` or `[发布日期]:`
/// (in brackets, colon optional) or `发布时间 :` (colon required): (start, end, label).
fn find_labels(line: &str) -> Vec<(usize, usize, &'static str)> {
    let (search, labels) = &*LABEL_SEARCH;
    let mut out = Vec::new();
    for m in search.find_iter(line) {
        let label = labels[m.pattern().as_usize()];
        let before = line[..m.start()].trim_end_matches(LABEL_SPACES);
        let tail = &line[m.end()..];
        let after_at = m.end() + (tail.len() - tail.trim_start_matches(LABEL_SPACES).len());
        let after = &line[after_at..];
        let open = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '[' | '【' | '［'));
        let close = after
            .chars()
            .next()
            .filter(|c| matches!(c, ']' | '】' | '］'));
        if let (Some(o), Some(c)) = (open, close) {
            let mut end = after_at + c.len_utf8();
            let rest = &line[end..];
            let skipped = rest.len() - rest.trim_start_matches(LABEL_SPACES).len();
            if let Some(n) = colon_len(&rest[skipped..]) {
                end += skipped + n;
            }
            out.push((before.len() - o.len_utf8(), end, label));
        } else if let Some(n) = colon_len(after) {
            out.push((m.start(), after_at + n, label));
        } else if let Some(cell_end) = table_cell_end(line, m.start(), m.end()) {
            // A table row as text: `发布日期<TAB>2026-02-10<TAB>来源<TAB>…`, or rendered
            // from HTML cells, `发布日期 | 2026-02-10 | 来源 | …`.
            out.push((m.start(), cell_end, label));
        }
    }
    out
}

/// Whether `c` separates the cells of a table row printed as text: a tab, or a bar (the HTML
/// renderer's `crate::clean::html::CELL_SEPARATOR`, and what sites print).
fn is_cell_separator(c: char) -> bool {
    c == '\t' || BARS.contains(&c)
}

/// Where the cell holding `line[start..end]` ends (after its separator), when the label is
/// a whole cell of a table row: the line's start or a separator before it, a separator
/// after it.
fn table_cell_end(line: &str, start: usize, end: usize) -> Option<usize> {
    let spaces: &[char] = &[' ', '\u{3000}', '\u{a0}'];
    let before = line[..start].trim_end_matches(spaces);
    if !(before.is_empty() || before.ends_with(is_cell_separator)) {
        return None;
    }
    let after = &line[end..];
    let padded = after.trim_start_matches(spaces);
    let sep = padded.chars().next().filter(|&c| is_cell_separator(c))?;
    Some(end + (after.len() - padded.len()) + sep.len_utf8())
}

/// A date or timestamp at the start of a line (`2022-03-29 17:13:17 来源:…`).
static LEADING_DATE_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"^{}(?:\s*[0-9０-９]{{1,2}}(?:\s*[:：时]\s*[0-9０-９]{{1,2}}(?:\s*[:：分]\s*[0-9０-９]{{1,2}})?\s*秒?|\s*时)?)?\s*分?",
        numeric_date_pattern()
    ))
        .expect("leading date regex compiles")
});

/// Label (spaces removed) → its field and trust.
static LABELS: LazyLock<HashMap<&'static str, (MetaField, u8)>> =
    LazyLock::new(|| META_LABELS.iter().map(|(l, f, r)| (*l, (*f, *r))).collect());

/// Bytes of the longest label.
static LABEL_MAX_BYTES: LazyLock<usize> = LazyLock::new(|| {
    META_LABELS
        .iter()
        .map(|(l, _, _)| l.len())
        .max()
        .unwrap_or(0)
});

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{3000}')
        .collect()
}

/// Cleans a printed value: table pipes, brackets, bullets and trailing widget words off.
fn clean_value(raw: &str) -> String {
    let trim_set: &[char] = &[
        ' ', '\u{3000}', '\u{a0}', '\t', '|', '丨', ']', '】', '］', '[', '【', '［', '•', '·',
        ':', '：',
    ];
    let mut v = raw.trim_matches(trim_set);
    // In a rendered table row the value is the next cell only.
    if let Some(cell) = v.split(['|', '丨']).next() {
        v = cell.trim_matches(trim_set);
    }
    loop {
        let before = v;
        for t in VALUE_TRAILERS {
            if let Some(s) = v.strip_suffix(t) {
                v = s.trim_matches(trim_set);
            }
        }
        if v == before {
            break;
        }
    }
    if v == "-" || v == "无" || v == "—" {
        return String::new();
    }
    v.to_string()
}

/// Whether `s` holds only bullets, pipes, brackets and spaces.
fn only_leaders(s: &str) -> bool {
    s.chars()
        .all(|c| META_LEADERS.contains(&c) || c.is_whitespace())
}

/// Reads a metadata line: `None` when the line is not one (prose, a heading), else every
/// field it carries, in order (empty values included: the line is chrome all the same).
pub fn read_meta_line(line: &str) -> Option<Vec<MetaValue>> {
    // Every label is written with one of these characters or a colon follows it: most lines
    // of prose have neither a colon nor a bracket near their start and skip the regex.
    // (Searched with prebuilt finders: `str::contains` with a non-ASCII character sets up a
    // substring searcher at every call, and this runs on every short line.)
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        LazyLock::new(|| ["：", "【", "［"].map(memchr::memmem::Finder::new));
    let [colon, lenticular, square] = &*FINDERS;
    let full_stop = &*crate::text::FULL_STOP;
    let bytes = line.as_bytes();
    let has = |f: &memchr::memmem::Finder| f.find(bytes).is_some();
    let has_colon = bytes.contains(&b':') || has(colon);
    let has_bracket = bytes.contains(&b'[') || has(lenticular) || has(square);
    let has_cells = bytes.contains(&b'\t') || crate::clean::chrome::has_bar(line);
    if !has_colon && !has_bracket && !has_cells {
        return None;
    }
    if has(full_stop) || !crate::clean::has_at_most_chars(line, 160) {
        return None;
    }
    // A metadata line opens with its label (after bullets, pipes or brackets) or a date, or
    // carries two labels: a colon or bracket near its start, or two of them in all. Most
    // prose with a colon (`主要做法如下：`) has one, late.
    let marks = |c: char| {
        matches!(c, ':' | '：' | '[' | '【' | '［' | ']' | '】' | '］') || is_cell_separator(c)
    };
    let near_start = line
        .trim_start_matches(META_LEADERS)
        .chars()
        .take(META_LABEL_REACH)
        .any(marks);
    let starts_with_digit = line
        .trim_start_matches(META_LEADERS)
        .starts_with(crate::normalize::is_digit);
    if !near_start && !starts_with_digit && line.chars().filter(|c| marks(*c)).count() < 2 {
        return None;
    }
    let labels = find_labels(line);
    let first = labels.first()?;
    let lead = &line[..first.0];
    let leading_date = LEADING_DATE_RE
        .find(lead.trim_start_matches(META_LEADERS))
        .filter(|m| only_leaders(&lead.trim_start_matches(META_LEADERS)[m.end()..]));
    let first_label = squeeze(first.2);
    let weak_alone = labels.len() == 1 && WEAK_LABELS.contains(&first_label.as_str());
    let opens_with_label = only_leaders(lead);
    let accepted = opens_with_label
        || leading_date.is_some()
        || (labels.len() >= 2 && !lead.contains(['，', ',', '；', ';']));
    if !accepted {
        return None;
    }
    // A weak label alone (`时间：`, `名称：`) needs a value that reads as metadata: a date for
    // dates, a short value otherwise; a line of prose that opens with `时间：` stays prose.
    if weak_alone {
        let value = &line[first.1..];
        let field = LABELS.get(first_label.as_str()).map(|(f, _)| *f);
        let ok = match field {
            Some(MetaField::Publish) => LEADING_DATE_RE.is_match(value.trim()),
            _ => crate::clean::has_at_most_chars(value.trim(), 60) && !value.contains(['，', ',']),
        };
        if !ok {
            return None;
        }
    }
    let mut out = Vec::with_capacity(labels.len() + 1);
    if let Some(m) = leading_date {
        out.push(MetaValue {
            field: MetaField::Publish,
            rank: 4,
            value: m.as_str().trim().to_string(),
        });
    }
    for (i, &(_, end, label)) in labels.iter().enumerate() {
        let next = labels.get(i + 1).map_or(line.len(), |n| n.0);
        let (field, rank) = LABELS
            .get(squeeze(label).as_str())
            .copied()
            .unwrap_or((MetaField::Other, 9));
        out.push(MetaValue {
            field,
            rank,
            value: clean_value(&line[end..next]),
        });
    }
    Some(out)
}

/// Whether a metadata line carries a single label common in prose (`来源:`, `名称:`,
/// `时间:`): such a line is chrome only outside the report's prose (page header, footer).
pub fn is_weak_single(line: &str) -> bool {
    match find_labels(line).as_slice() {
        [(_, _, label)] => WEAK_LABELS.contains(label),
        _ => false,
    }
}

/// An English database record's label alone on its line (`Published`), with its field.
pub fn english_label(line: &str) -> Option<MetaField> {
    ENGLISH_LABELS
        .iter()
        .find(|(l, _, _)| *l == line)
        .map(|(_, f, _)| *f)
}

/// Whether a line is only a label with its colon and no value (`发布机构:`), or a label
/// alone in brackets: the value, if any, is on the next line.
pub fn bare_label(line: &str) -> Option<(MetaField, u8)> {
    // A table row carries its value in the next cell, empty or not.
    if line.contains(['|', '丨']) {
        return None;
    }
    let t = line.trim_matches(META_LEADERS);
    let t = t
        .trim_end_matches([':', '：', ']', '】', '］', ' ', '\u{3000}'])
        .trim_start_matches(['[', '【', '［']);
    // Longer than any label even with a space between each of its characters: not one.
    if t.len() > 2 * *LABEL_MAX_BYTES {
        return None;
    }
    LABELS.get(squeeze(t).as_str()).copied()
}

/// Fields read so far, kept with their trust until the document's metadata is settled.
#[derive(Debug, Default)]
pub struct MetaReader {
    publish: Option<(u8, String)>,
    written: Option<(u8, String)>,
    values: Vec<MetaValue>,
}

impl MetaReader {
    pub fn add(&mut self, values: impl IntoIterator<Item = MetaValue>) {
        for v in values {
            if v.value.is_empty() {
                continue;
            }
            let slot = match v.field {
                MetaField::Publish => Some(&mut self.publish),
                MetaField::Written => Some(&mut self.written),
                _ => None,
            };
            if let Some(slot) = slot {
                // Only a value with a digit can be a date (`时间:不限` is not).
                if v.value
                    .chars()
                    .any(|c| crate::normalize::is_digit(c) || c == '〇')
                {
                    if slot.as_ref().is_none_or(|(r, _)| v.rank < *r) {
                        *slot = Some((v.rank, v.value.clone()));
                    }
                } else {
                    continue;
                }
            }
            self.values.push(v);
        }
    }

    /// Whether any field has been read.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The settled metadata: for each field the most trusted value, first printed on a tie.
    pub fn into_meta(self) -> PageMeta {
        let first = |field: MetaField| {
            self.values
                .iter()
                .filter(|v| v.field == field)
                .min_by_key(|v| v.rank)
                .map(|v| v.value.clone())
        };
        let mut dates: Vec<String> = Vec::new();
        for v in &self.values {
            if matches!(v.field, MetaField::Publish | MetaField::Written)
                && !dates.contains(&v.value)
            {
                dates.push(v.value.clone());
            }
        }
        PageMeta {
            publish_raw: self.publish.map(|(_, v)| v),
            written_raw: self.written.map(|(_, v)| v),
            source: first(MetaField::Source),
            publisher: first(MetaField::Publisher),
            index_no: first(MetaField::IndexNo),
            doc_number: first(MetaField::DocNumber),
            labeled_title: first(MetaField::Title),
            doc_type: first(MetaField::DocType),
            dates_raw: dates,
            ..PageMeta::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Vec<(MetaField, String)> {
        read_meta_line(line)
            .unwrap_or_else(|| panic!("not read as metadata: {line}"))
            .into_iter()
            .map(|v| (v.field, v.value))
            .collect()
    }

    #[test]
    fn bracketed_labels_with_and_without_values() {
        assert_eq!(
            fields("[ 索引号 ] 11500000000000000X/2025-00001 [ 发文字号 ]"),
            vec![
                (MetaField::IndexNo, "11500000000000000X/2025-00001".into()),
                (MetaField::DocNumber, String::new()),
            ]
        );
        assert_eq!(
            fields("- [ 发布机构 ] 某某县某某乡人民政府"),
            vec![(MetaField::Publisher, "某某县某某乡人民政府".into())]
        );
        assert_eq!(
            fields("- [ 发文字号 ] 某委文〔2025〕3号"),
            vec![(MetaField::DocNumber, "某委文〔2025〕3号".into())]
        );
    }

    #[test]
    fn table_rows_and_spaced_labels() {
        assert_eq!(
            fields("| 索引号: | 4300000000/2025-00100 | 分类: | |"),
            vec![
                (MetaField::IndexNo, "4300000000/2025-00100".into()),
                (MetaField::Other, String::new()),
            ]
        );
        assert_eq!(
            fields("索 引 号: 000000001/2025-00001 发布日期: 2025-02-28 发布机构: 某区司法局"),
            vec![
                (MetaField::IndexNo, "000000001/2025-00001".into()),
                (MetaField::Publish, "2025-02-28".into()),
                (MetaField::Publisher, "某区司法局".into()),
            ]
        );
        assert_eq!(
            fields("名 称: 某区2024年法治政府建设工作报告"),
            vec![(MetaField::Title, "某区2024年法治政府建设工作报告".into())]
        );
        assert_eq!(fields("文 号: 文件分类: 所属机构:").len(), 3);
        // A table copied from the page: tab between cells, no colon.
        assert_eq!(
            fields("发布机构\t某某县人民政府\t生成日期\t2022-02-20"),
            vec![
                (MetaField::Publisher, "某某县人民政府".into()),
                (MetaField::Publish, "2022-02-20".into()),
            ]
        );
        assert_eq!(
            fields("\t发布日期\t2026-02-12\t有效性\t有效"),
            vec![
                (MetaField::Publish, "2026-02-12".into()),
                (MetaField::Other, "有效".into()),
            ]
        );
        // The same row rendered from HTML cells.
        assert_eq!(
            fields("发布机构 | 某某县人民政府 | 生成日期 | 2022-02-20"),
            vec![
                (MetaField::Publisher, "某某县人民政府".into()),
                (MetaField::Publish, "2022-02-20".into()),
            ]
        );
        assert_eq!(
            fields("发文机关 | |文号 | |"),
            vec![
                (MetaField::Publisher, String::new()),
                (MetaField::DocNumber, String::new()),
            ]
        );
        // A tab-indented paragraph that opens with a label's word is prose.
        assert!(read_meta_line("\t来源于群众的意见建议，我局逐条研究办理。").is_none());
    }

    #[test]
    fn several_fields_on_one_line_even_glued() {
        assert_eq!(
            fields("日期:2025-01-24来源:区司法局"),
            vec![
                (MetaField::Publish, "2025-01-24".into()),
                (MetaField::Source, "区司法局".into()),
            ]
        );
        assert_eq!(
            fields("浏览次数:信息来源: 区司法局发布时间:2025-11-07 16:34"),
            vec![
                (MetaField::Other, String::new()),
                (MetaField::Source, "区司法局".into()),
                (MetaField::Publish, "2025-11-07 16:34".into()),
            ]
        );
        assert_eq!(
            fields("2022-03-29 17:13:17 来源: 某市司法局 打印"),
            vec![
                (MetaField::Publish, "2022-03-29 17:13:17".into()),
                (MetaField::Source, "某市司法局".into()),
            ]
        );
        assert_eq!(
            fields("文章来源:司法局 更新时间:2021/03/29 11:30:01")[1],
            (MetaField::Publish, "2021/03/29 11:30:01".into())
        );
    }

    #[test]
    fn widgets_and_counters_are_metadata_lines() {
        for line in [
            "阅读:0",
            "字体:[] [] []",
            "字体大小:【",
            "【字体: 【打印文本】",
            "[字体: ] 打印",
            "- 分享到 :",
            "时间:2023-02-28 15:36 浏览量:1",
            "  • 来源: 司法厅",
        ] {
            assert!(read_meta_line(line.trim()).is_some(), "{line}");
        }
    }

    #[test]
    fn prose_with_a_label_word_is_not_metadata() {
        for line in [
            "时间:2023年全年,各部门共开展执法检查120次",
            "主要做法如下:一是加强学习",
            "严格落实行政执法公示制度,执法信息来源:执法平台,公开率100%",
            "会议时间、地点另行通知",
            "名称:关于进一步加强行政执法工作的通知,要求各单位认真贯彻执行,确保落实到位",
        ] {
            assert_eq!(read_meta_line(line), None, "{line}");
        }
    }

    #[test]
    fn trust_order_keeps_the_publish_date_over_weaker_dates() {
        let mut r = MetaReader::default();
        r.add(read_meta_line("[ 成文日期 ] 2026-01-22 [ 发布日期 ] 2026-02-10").unwrap());
        r.add(read_meta_line("时间:2026-02-11").unwrap());
        let m = r.into_meta();
        assert_eq!(m.publish_raw.as_deref(), Some("2026-02-10"));
        assert_eq!(m.written_raw.as_deref(), Some("2026-01-22"));
        assert_eq!(m.dates_raw, vec!["2026-01-22", "2026-02-10", "2026-02-11"]);
    }

    #[test]
    fn bare_labels_wait_for_their_value_on_the_next_line() {
        assert_eq!(bare_label("发布机构:"), Some((MetaField::Publisher, 0)));
        assert_eq!(
            bare_label("[ 有效性 ]").map(|(f, _)| f),
            Some(MetaField::Other)
        );
        assert_eq!(bare_label("一、主要举措"), None);
        assert_eq!(bare_label("| 文号 : | |||"), None);
        assert_eq!(english_label("Published"), Some(MetaField::Publish));
    }
}
