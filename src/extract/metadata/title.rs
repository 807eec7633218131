//! The report's title: the first title-like lines (wrapped over several, under an issuer line,
//! behind a bracketed 文号), a page without line breaks, or the page's own title.

use super::*;

/// A 文号 in brackets in front of a title (`[某政发〔2026〕7号]`).
pub(super) static BRACKETED_DOC_NUMBER_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"^[\[【［]?\s*({})\s*[\]】］]",
        doc_number_pattern()
    ))
    .expect("bracketed doc number regex compiles")
});

/// A title run into the opening sentence on one line (`…法治政府建设工作总结 2019 年以来，我镇…`,
/// a document-sharing site's `1、…情况报告2022年，…`): the title, up to the first title
/// ending that a year opens the text after.
pub(super) static RUN_IN_TITLE_RE: PerThread<Regex> = PerThread::new(|| {
    let mut endings = TITLE_ENDINGS.to_vec();
    endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
    Regex::new(&format!(
        r"^(?:[0-9０-９]{{1,2}}、)?(.{{4,{max}}}?(?:{endings}))[ \u{{3000}}]*{YEAR_DIGITS}[ \u{{3000}}]*年",
        max = TITLE_MAX_CHARS,
        endings = endings.join("|"),
    ))
    .expect("run-in title regex compiles")
});

/// A line that can be the report's title: short, names a report, no sentence punctuation.
pub(super) fn title_like(line: &str) -> bool {
    let n = visible_chars(line);
    (6..=TITLE_MAX_CHARS).contains(&n)
        && TITLE_REPORT_CUES.iter().any(|c| line.contains(c))
        && (line.contains("报告") || ROL_CUES.iter().any(|c| line.contains(c)))
        && !line.contains(TITLE_FORBIDDEN)
        && !PREAMBLE_CUES.iter().any(|c| line.contains(c))
        && !MARKER_RE.is_match(line)
        && !is_header_line(line)
}

/// The title as printed among the first lines, joining a title wrapped over several lines
/// and an issuer line printed above it. Returns the title and the index (in `lines`) of its
/// last line.
pub(super) fn find_title(lines: &[&str]) -> Option<(String, usize)> {
    let top = lines.len().min(TITLE_SEARCH_LINES);
    for i in 0..top {
        let line = title_text(lines[i]);
        // A title wrapped after its topic: `…关于2023年度法治政府建设` / `情况的报告`, or over
        // three short lines.
        if !TITLE_ENDINGS.iter().any(|e| line.ends_with(e)) && is_title_piece(line) {
            let mut joined = line.to_string();
            for (k, next) in lines.iter().enumerate().skip(i + 1).take(TITLE_WRAP_LINES) {
                if !is_title_piece(next) {
                    break;
                }
                joined.push_str(next);
                if TITLE_ENDINGS.iter().any(|e| next.ends_with(e)) {
                    if title_like(&joined) {
                        return Some((with_issuer_above(lines, i, joined), k));
                    }
                    break;
                }
            }
        }
        if title_like(line) {
            return Some((with_issuer_above(lines, i, line.to_string()), i));
        }
    }
    // A page without line breaks: the title is the text before its first 报告.
    let first = lines.first()?;
    if !has_at_most_chars_str(first, NO_BREAKS_MIN_CHARS) {
        let head: String = first.chars().take(TITLE_MAX_CHARS + 40).collect();
        if let Some(end) = head.find("报告").map(|at| at + "报告".len()) {
            let title = without_watermark(&head[..end]);
            if title_like(title) {
                return Some((title.to_string(), 0));
            }
        }
    }
    for (i, line) in lines.iter().enumerate().take(top) {
        let run_in = RUN_IN_TITLE_RE
            .captures(title_text(line))
            .and_then(|c| c.get(1));
        if let Some(title) = run_in
            .map(|m| m.as_str())
            .map(without_watermark)
            .filter(|t| title_like(t))
        {
            return Some((with_issuer_above(lines, i, title.to_string()), i));
        }
    }
    None
}

/// The title without a site's watermark glued in front
/// (`某某之家—全网资源每日更新www.example.com…`).
fn without_watermark(title: &str) -> &str {
    let Some(at) = [".com", ".cn", ".net", ".org"]
        .iter()
        .filter_map(|d| title.rfind(d))
        .max()
    else {
        return title;
    };
    let after = &title[at + 1..];
    after.trim_start_matches(|c: char| c.is_ascii_graphic())
}

pub(super) fn has_at_most_chars_str(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_none()
}

/// Characters of a title line as read: pinyin glosses (`區(qū)`) and spaces (`2022 年`, from
/// a PDF) do not count against a title's length.
fn visible_chars(line: &str) -> usize {
    crate::clean::reading::strip_glosses(line)
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
}

/// A line that may be one piece of a wrapped title: short, no sentence punctuation, no
/// heading marker.
pub(super) fn is_title_piece(line: &str) -> bool {
    let n = visible_chars(line);
    (2..=TITLE_PIECE_MAX_CHARS).contains(&n)
        && !line.contains(TITLE_FORBIDDEN)
        && !MARKER_RE.is_match(line)
        && !is_header_line(line)
        && !is_doc_number_line(line)
}

/// A 文号 line (`某政函〔2020〕103号`): never a piece of the title.
pub(super) fn is_doc_number_line(line: &str) -> bool {
    line.contains('号') && DOC_NUMBER_RE.is_match(line)
}

/// The line without list bullets and without a 文号 in brackets in front of it
/// (`[某政发〔2026〕7号]某市人民政府关于…`).
pub(super) fn title_text(line: &str) -> &str {
    let line = line.trim_start_matches(['•', '·', '-', '*', ' ', '\u{3000}']);
    if let Some(m) = BRACKETED_DOC_NUMBER_RE.find(line) {
        return &line[m.end()..];
    }
    line
}

/// An issuer on its own line just above the title belongs to it (`某市市场监督管理局` /
/// `2023年法治政府建设工作报告`, `某县人民政府` / `关于…的报告`).
pub(super) fn with_issuer_above(lines: &[&str], i: usize, title: String) -> String {
    let opens_without_issuer =
        title.starts_with("关于") || first_year(&title).is_some_and(|(_, at)| at == 0);
    if i > 0
        && opens_without_issuer
        && looks_like_org(lines[i - 1])
        && !is_header_line(lines[i - 1])
    {
        return format!("{}{title}", lines[i - 1]);
    }
    title
}

/// A title from page metadata (HTML title), cut at the site-name separator.
pub(super) fn title_from_page(page_title: &str) -> Option<String> {
    page_title
        .split(['_', '|', '｜', '—'])
        .map(|p| p.trim_matches(is_blank))
        .find(|p| title_like(p) && p.contains("报告"))
        .map(str::to_string)
}
