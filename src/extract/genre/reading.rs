//! The zones a document is read in: the title (or the first lines of a page without one), the
//! opening, and the headings near the top; chrome lines are not read.

use super::*;
pub(super) use crate::text::head_chars;

pub(super) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' || c == '\u{feff}'
}

/// A page-metadata line: a known field label first, however it is set off (`[ 索引号 ] …`,
/// `【发布机构】…`, `名 称：…`), or a short label of Han characters and a colon
/// (`发布时间:2024-01-02`).
pub(super) fn is_metadata_line(line: &str) -> bool {
    let mut buf = [0u8; 4 * METADATA_LABEL_MAX_CHARS];
    let mut len = 0;
    for c in line
        .chars()
        .filter(|c| !is_blank(*c) && !matches!(c, '[' | '【' | '〔'))
        .take(METADATA_LABEL_MAX_CHARS)
    {
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    let start = std::str::from_utf8(&buf[..len]).unwrap_or("");
    if METADATA_LABELS.iter().any(|l| start.starts_with(l)) {
        return true;
    }
    let Some(at) = line.find([':', '：']) else {
        return false;
    };
    let label = &line[..at];
    let n = label.chars().filter(|c| !is_blank(*c)).count();
    (1..=METADATA_LABEL_MAX_CHARS).contains(&n)
        && label
            .chars()
            .all(|c| is_blank(c) || (CJK_FIRST..=CJK_LAST).contains(&c))
}

/// A line of site chrome: a breadcrumb, a page-metadata line or a navigation bar.
pub(super) fn is_chrome_line(line: &str) -> bool {
    // A line of plain text (a title, a sentence) has none of the signs: no more checks.
    // (No sign is an ideograph: most characters of a line are answered by one range check.)
    if !line.contains(|c: char| !(CJK_FIRST..=CJK_LAST).contains(&c) && CHROME_SIGNS.contains(&c)) {
        return false;
    }
    is_metadata_line(line)
        || line.contains(BREADCRUMB_CHARS)
        || is_nav_line(line)
        || BREADCRUMB_FINDERS
            .iter()
            .any(|f| f.find(line.as_bytes()).is_some())
}

pub(super) static BREADCRUMB_FINDERS: LazyLock<Vec<memmem::Finder<'static>>> =
    LazyLock::new(|| BREADCRUMB_WORDS.iter().map(memmem::Finder::new).collect());

/// A navigation bar: several short items separated by spaces or `|`.
pub(super) fn is_nav_line(line: &str) -> bool {
    let mut items = 0;
    for item in line
        .split(|c: char| is_blank(c) || c == '|' || c == '｜')
        .filter(|i| !i.is_empty())
    {
        if item.chars().count() > NAV_ITEM_MAX_CHARS {
            return false;
        }
        items += 1;
    }
    items >= NAV_MIN_ITEMS
}

/// Where the title zone starts: the line holding the metadata stage's title, when it is
/// printed in the body (chrome above it is not read); else the top of the body.
pub(super) fn title_start(title: Option<&str>, body: &str) -> usize {
    let Some(title) = title else { return 0 };
    let needle: String = title
        .chars()
        .filter(|c| !is_blank(*c))
        .take(TITLE_NEEDLE_CHARS)
        .collect();
    if needle.is_empty() {
        return 0;
    }
    // The title is near the top: look for it in the first TITLE_SEARCH_BYTES only.
    let mut end = body.len().min(TITLE_SEARCH_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body[..end]
        .find(&needle)
        .map_or(0, |at| body[..at].rfind('\n').map_or(0, |nl| nl + 1))
}

/// The title at the start of a sentence it is glued to (`…自查报告依据…`, `…工作总结2019年以来`):
/// the longest prefix that ends with a document word and is followed by the start of a
/// sentence (a year, 为, 根据 …) or by nothing. Empty when there is none.
pub(super) fn glued_title(fragment: &str) -> &str {
    let mut best = 0;
    for (at, word) in GLUED_TITLE_ENDINGS
        .iter()
        .flat_map(|w| fragment.match_indices(w))
    {
        let end = at + word.len();
        let rest = &fragment[end..];
        let starts_sentence = rest.is_empty()
            || rest.starts_with(|c: char| c.is_ascii_digit())
            || SENTENCE_STARTS.iter().any(|w| rest.starts_with(w));
        if starts_sentence && end > best {
            best = end;
        }
    }
    &fragment[..best]
}

/// The page's first lines up to its first sentence: the title of a page without a title line
/// (`法治政府建设自查报告依据…`, a title split over lines, a notice's red header). Each
/// title-like line is also returned on its own, for checks on how a title ends.
pub(super) fn lead_lines(body: &str) -> (String, Vec<String>) {
    let mut lead = String::new();
    let mut lead_chars = 0;
    let mut lines = Vec::new();
    let mut scanned = 0;
    for line in body
        .lines()
        .map(|l| {
            l.trim_matches(|c: char| is_blank(c) || matches!(c, '•' | '·' | '-' | '*' | '#' | '|'))
        })
        .filter(|l| !l.is_empty())
        .take(LEAD_MAX_LINES)
    {
        scanned += line.len();
        // Only the line's start can be a title (a longer line without a full stop is text).
        let raw = head_chars(line, LEAD_LINE_MAX_CHARS + 1);
        let n = raw.chars().count();
        if is_chrome_line(raw) || n < TITLE_LINE_MIN_CHARS {
            if scanned > OPENING_BYTES {
                break;
            }
            continue;
        }
        let (part, last) = match sentence_end(raw) {
            Some(at) => (&raw[..at], true),
            None if n > LEAD_LINE_MAX_CHARS => (head_chars(raw, LEAD_LINE_MAX_CHARS), true),
            None => (raw, false),
        };
        let mut part = folded(part, LEAD_MAX_CHARS);
        if last {
            // The first sentence: only a title glued to it belongs to the title zone.
            let glued = glued_title(&part).len();
            part.truncate(glued);
        } else {
            lines.push(part.clone());
        }
        lead_chars += part.chars().count();
        lead.push_str(&part);
        if last || lead_chars >= LEAD_MAX_CHARS || scanned > OPENING_BYTES {
            break;
        }
    }
    (lead, lines)
}

/// The lines of the opening, trimmed, non-empty (about OPENING_CHARS characters).
pub(super) fn opening_lines(body: &str) -> impl Iterator<Item = &str> {
    let mut scanned = 0;
    body.lines()
        .take_while(move |l| {
            let more = scanned < OPENING_BYTES;
            scanned += l.len() + 1;
            more
        })
        .map(|l| l.trim_matches(is_blank))
        .filter(|l| !l.is_empty())
}

/// The text of a level-1 or level-2 heading (`一、…` `（一）…`) on a line, if it is one.
pub(super) fn heading_of(line: &str) -> Option<&str> {
    let numeral = crate::text::is_small_numeral;
    let first = line.chars().next()?;
    if !matches!(first, '(' | '（' | '#' | '*') && !numeral(first) {
        return None;
    }
    let line = line.trim_matches(|c: char| c == '#' || c == '*');
    let rest = if let Some(r) = line.strip_prefix(['(', '（']) {
        let digits = r.chars().take_while(|c| numeral(*c)).count();
        let r = &r[digits * '一'.len_utf8()..];
        (digits > 0).then(|| r.strip_prefix([')', '）'])).flatten()
    } else {
        let digits = line.chars().take_while(|c| numeral(*c)).count();
        let r = &line[digits * '一'.len_utf8()..];
        (digits > 0)
            .then(|| r.strip_prefix(['、', '.', '．']))
            .flatten()
    }?;
    let rest = head_chars(rest, HEADING_MAX_CHARS);
    let end = rest.find(['。', '；', ';']).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// What the classifier reads of a document.
pub(super) struct Reading<'a> {
    /// The document's own title words, coded: the title, the page title and the lead,
    /// `|`-separated, without names of other documents (《…》).
    pub(super) title: Vec<u8>,
    /// The same, folded, one string per title candidate.
    pub(super) own_title: Vec<String>,
    /// Title candidates one by one, with their 《…》 (for how a title ends, what it publishes).
    pub(super) title_parts: Vec<String>,
    /// The first OPENING_CHARS characters, coded, and as printed.
    pub(super) opening: Vec<u8>,
    pub(super) opening_text: &'a str,
    /// Length of the opening's codes for its first HEAD_CHARS characters.
    pub(super) head_len: usize,
    /// Level-1 and level-2 headings of the opening, coded.
    pub(super) headings: Vec<Vec<u8>>,
    /// The dateline a line of the opening starts with (`2月29日`, `近日`).
    pub(super) dateline: Option<&'a str>,
}

pub(super) fn read<'a>(
    title: Option<&str>,
    page_title: Option<&str>,
    body: &'a str,
) -> Reading<'a> {
    // A title the metadata stage took from the chrome (a metadata line, a breadcrumb) is not one.
    let title = title.filter(|t| !is_chrome_line(t));
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = title {
        parts.push(folded(t, LEAD_MAX_CHARS));
    }
    if let Some(t) = page_title {
        // The page's own title, without the site name after a separator.
        let first = t.split(['_', '|', '｜', '—']).next().unwrap_or(t);
        parts.push(folded(first, LEAD_MAX_CHARS));
    }
    let (lead, lead_lines) = lead_lines(&body[title_start(title, body)..]);
    if !lead.is_empty() {
        parts.push(lead);
    }
    let own: Vec<String> = parts.iter().map(|p| without_quoted_names(p)).collect();
    let mut title_parts = parts;
    title_parts.extend(lead_lines);
    // One pass over the opening's lines: its headings and a dateline.
    let mut headings = Vec::new();
    let mut dateline = None;
    for line in opening_lines(body) {
        if let Some(h) = heading_of(line) {
            headings.push(encode(h));
        }
        if dateline.is_none() {
            dateline = dateline_of(line);
        }
    }
    let mut opening = Vec::with_capacity(OPENING_CHARS);
    let head = encode_into(&mut opening, body, HEAD_CHARS);
    let head_len = opening.len();
    let read = head + encode_into(&mut opening, &body[head..], OPENING_CHARS - HEAD_CHARS);
    Reading {
        title: encode(&own.join("|")),
        title_parts,
        own_title: own,
        opening,
        opening_text: &body[..read],
        head_len,
        headings,
        dateline,
    }
}
