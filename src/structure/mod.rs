//! Structure: the section tree of a cleaned body.
//!
//! Levels: 1 `一、` · 2 `（一）` · 3 `1、` · 4 `（1）` · 5 inline items `一是` inside paragraphs.
//! A heading may share its line with body text (`(一)夯实基础,强化法治建设统筹。一是…`): the
//! heading ends at the first `。`, and the items of the rest of the line follow it.

use crate::lexicon::PerThread;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

use crate::lexicon::sections::{
    CUT_OFF_HEADING_CHARS, INLINE_HEADING_MIN_LINE_BYTES, LEADING_JUNK, RUN_ON_HEADING_CHARS,
    RUN_ON_HEADING_MIN_CHARS, SECTION_TYPE_CUES, SECTION_TYPE_MAX_CHARS,
    UNNUMBERED_HEADING_MAX_CHARS,
};
use crate::model::{Section, SectionKind, SectionType};
use crate::normalize::parse_number;
use crate::text::is_small_numeral;

/// Numbered heading patterns at the start of a line, most specific first. Group 1 of each
/// is the marker as printed, group 2 its number.
const HEADING_PATTERNS: &[(i16, &str)] = &[
    (1, r"^(第([一二三四五六七八九十]+)部分)[、：:\s]*"),
    (1, r"^(([一二三四五六七八九十]+)\s*[、．.])"),
    (2, r"^([（(]\s*([一二三四五六七八九十]+)\s*[)）][、．.]?)"),
    // `一)`: a level-2 marker that lost its opening bracket
    (2, r"^(([一二三四五六七八九十]+)\s*[)）][、．.]?)"),
    (4, r"^([（(]\s*([0-9０-９]{1,2})\s*[)）][、．.]?)"),
    (3, r"^(([0-9０-９]{1,2})\s*[、．.])(?:[^0-9０-９]|$)"),
];

/// The heading patterns as the alternatives of one regex, so a line is searched once.
/// Alternatives are preferred in order (leftmost-first), as if each were tried in turn;
/// pattern `k` has groups `2k+1` (marker) and `2k+2` (number).
static HEADING_RE: PerThread<Regex> = PerThread::new(|| {
    let alternatives: Vec<String> = HEADING_PATTERNS
        .iter()
        .map(|(_, p)| format!("(?:{p})"))
        .collect();
    Regex::new(&alternatives.join("|")).unwrap()
});

/// A level-1 or level-2 marker inside a line: group 1 the sentence end (or space) before it,
/// group 2 the marker, group 3 a level-1 number, group 4 a level-2 number.
static INLINE_HEADING_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(
        r"([。！？!?：:]\s*|\s+)?(([一二三四五六七八九十]+)\s*、|[（(]\s*([一二三四五六七八九十]+)\s*[)）])",
    )
    .unwrap()
});

/// The characters a numbered heading can start with (see `HEADING_PATTERNS`): other lines
/// need no regex at all.
fn may_start_heading(line: &str) -> bool {
    line.starts_with(|c: char| {
        matches!(c, '第' | '（' | '(' | '0'..='9' | '０'..='９') || is_small_numeral(c)
    })
}

/// Whether a line starts with a numbered heading marker (`一、`, `（二）`, `3.`): such a line
/// begins a paragraph of its own wherever it stands.
pub fn starts_with_heading_marker(line: &str) -> bool {
    may_start_heading(line) && HEADING_RE.is_match(line)
}

/// Characters an inline item follows: a sentence or clause boundary (or white space).
const ITEM_BOUNDARY: &[char] = &['。', '；', ';', '：', ':', '！', '？', '!', '?', '，', ','];

/// Inline items (`一是` … `十是`, `十一是`) after a sentence or clause boundary or at the
/// start of `text`: byte ranges of the marker and of its numerals. Found from each `是`
/// (memchr) by the one or two numerals before it, so a line needs no regex search.
fn inline_items(text: &str) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    static SHI: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("是"));
    let is_numeral = is_small_numeral;
    let is_boundary = |c: char| ITEM_BOUNDARY.contains(&c) || c.is_whitespace();
    let mut items = Vec::new();
    for at in SHI.find_iter(text.as_bytes()) {
        let mut before = text[..at].chars().rev();
        if !before.next().is_some_and(is_numeral) {
            continue;
        }
        // One numeral after a boundary, or two (`十一`) after one.
        let mut start = at - ITEM_NUMERAL_BYTES;
        match before.next() {
            None => {}
            Some(c) if is_boundary(c) => {}
            Some(c) if is_numeral(c) && before.next().is_none_or(is_boundary) => {
                start -= ITEM_NUMERAL_BYTES;
            }
            Some(_) => continue,
        }
        items.push((start..at + "是".len(), start..at));
    }
    items
}

/// Bytes of one numeral of an item (`is_small_numeral`: all are CJK ideographs).
const ITEM_NUMERAL_BYTES: usize = '一'.len_utf8();

/// Character offsets of increasing byte offsets, counting only the text between them.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of `byte`, which is not before the previous one asked for.
    fn at(&mut self, byte: usize) -> usize {
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Characters that end a heading or an item's first clause.
const HEADING_END: &[char] = &['。', '！', '？', '!', '?'];
const CLAUSE_END: &[char] = &['。', '；', ';', '，', ',', '：', ':', '！', '？'];
const TRIM_PUNCT: &[char] = &['。', '：', ':', '；', ';', '，', ',', ' ', '\u{3000}', '、'];

/// A heading found on a line, before ids and spans are assigned.
struct Found {
    level: i16,
    kind: SectionKind,
    marker: String,
    ordinal: i32,
    heading: String,
    /// The mandated part a level-1 heading names (classified once, from `heading`).
    section_type: Option<SectionType>,
    /// Where it starts, in characters and in bytes.
    start: usize,
    start_byte: usize,
}

/// A numbered heading found in a line: where its marker starts and its text starts (bytes
/// into the line).
struct Head {
    at: usize,
    level: i16,
    marker: String,
    ordinal: i32,
    text_start: usize,
}

/// The last level-1 and level-2 ordinals seen: a heading glued inside a paragraph is taken
/// only when it continues this numbering (`二、` after `一、`).
#[derive(Default)]
struct Numbering {
    level1: i32,
    level2: i32,
}

impl Numbering {
    fn see(&mut self, level: i16, ordinal: i32) {
        match level {
            1 => (self.level1, self.level2) = (ordinal, 0),
            2 => self.level2 = ordinal,
            _ => {}
        }
    }

    fn continues(&self, level: i16, ordinal: i32) -> bool {
        match level {
            1 => ordinal == self.level1 + 1,
            2 => ordinal == self.level2 + 1,
            _ => false,
        }
    }
}

/// Builds the section tree of `body`. Offsets in the result are character offsets.
pub fn build_sections(body: &str) -> Vec<Section> {
    let mut found: Vec<Found> = Vec::new();
    let mut seen_level1 = false;
    // The type of the current level-1 part: an unnumbered line of the same type is a
    // sub-heading of it, not a new part.
    let mut part_type: Option<SectionType> = None;
    let mut numbering = Numbering::default();
    let mut line_start = 0usize;

    for line in crate::text::split_lines(body) {
        let heads = line_heads(line, &mut numbering);
        // Text segments of the line outside headings, searched for inline items.
        let mut segments: Vec<(usize, usize)> = Vec::with_capacity(heads.len() + 1);
        segments.push((0, heads.first().map_or(line.len(), |h| h.at)));
        for (k, h) in heads.iter().enumerate() {
            let region_end = heads.get(k + 1).map_or(line.len(), |g| g.at);
            let heading_text = heading_text(&line[h.text_start..region_end]);
            segments.push((h.text_start + heading_text.len(), region_end));
            let heading = heading_text.trim_matches(TRIM_PUNCT);
            let section_type = (h.level == 1).then(|| classify_section(heading));
            found.push(Found {
                level: h.level,
                kind: SectionKind::Heading,
                marker: h.marker.clone(),
                ordinal: h.ordinal,
                heading: heading.to_string(),
                section_type,
                start: 0,
                start_byte: line_start + h.at,
            });
            seen_level1 |= h.level == 1;
            if section_type.is_some() {
                part_type = section_type;
            }
        }
        if heads.is_empty() && seen_level1 && is_unnumbered_part_heading(line) {
            let heading = line.trim_matches(TRIM_PUNCT);
            let t = classify_section(heading);
            if part_type != Some(t) {
                found.push(Found {
                    level: 1,
                    kind: SectionKind::Heading,
                    marker: String::new(),
                    ordinal: 0,
                    heading: heading.to_string(),
                    section_type: Some(t),
                    start: 0,
                    start_byte: line_start,
                });
                part_type = Some(t);
                segments[0].0 = line.len();
            }
        }
        for (from, to) in segments {
            let item_text = &line[from..to.max(from)];
            for (marker, numerals) in inline_items(item_text) {
                let start_byte = line_start + from + marker.start;
                let after = &item_text[marker.end..];
                let first_clause = cut_at(after, CLAUSE_END).trim_matches(TRIM_PUNCT);
                found.push(Found {
                    level: 5,
                    kind: SectionKind::Item,
                    marker: item_text[marker].to_string(),
                    ordinal: parse_number(&item_text[numerals]).map_or(0, |v| v as i32),
                    heading: first_clause.to_string(),
                    section_type: None,
                    start: 0,
                    start_byte,
                });
            }
        }
        line_start += line.len() + 1;
    }
    // A line's inline headings were found before the items of the text ahead of them (a
    // paragraph glued to the next part): text order, then character offsets in one pass.
    found.sort_by_key(|f| f.start_byte);
    // Characters are counted only up to where sections start (and once to the end).
    let mut chars = CharCounter::new(body);
    for f in &mut found {
        f.start = chars.at(f.start_byte);
    }
    drop_cut_off_heading(&mut found, body);

    let body_chars = chars.at(body.len());
    assign_tree(found, body, body_chars)
}

/// The numbered headings of one line, in order: the one at its start (after lost
/// indentation such as `??`), then any glued after a sentence in a long line
/// (`…保障。一、坚持党的领导…`) or right after a level-1 heading (`一、主要工作及成效(一)加强…`).
/// A `1、` line holding such headings is a page-chunk number of a document preview, not a
/// heading.
fn line_heads(line: &str, numbering: &mut Numbering) -> Vec<Head> {
    let lead = line.len() - line.trim_start_matches(LEADING_JUNK).len();
    let mut heads: Vec<Head> = Vec::new();
    if let Some((level, marker, ordinal, text_start)) = numbered_heading(&line[lead..]) {
        numbering.see(level, ordinal);
        heads.push(Head {
            at: lead,
            level,
            marker,
            ordinal,
            text_start: lead + text_start,
        });
    }
    let long = line.len() >= INLINE_HEADING_MIN_LINE_BYTES;
    let after_level1 = heads.first().is_some_and(|h| h.level == 1);
    if !(long || after_level1)
        || !may_hold_inline_marker(&line[heads.first().map_or(0, |h| h.text_start)..])
    {
        return heads;
    }
    let from = heads.first().map_or(0, |h| h.text_start);
    for c in INLINE_HEADING_RE.captures_iter(&line[from..]) {
        let (Some(marker), Some(number)) = (c.get(2), c.get(3).or_else(|| c.get(4))) else {
            continue;
        };
        let level = if c.get(3).is_some() { 1 } else { 2 };
        let ordinal = parse_number(number.as_str()).map_or(0, |v| v as i32);
        let at = from + marker.start();
        let text_start = from + marker.end();
        let glued = if c.get(1).is_some() {
            long && numbering.continues(level, ordinal)
        } else {
            // `(一)` right after a level-1 heading's text, with no sentence end between.
            level == 2
                && ordinal == 1
                && heads
                    .last()
                    .is_some_and(|h| h.level == 1 && !line[h.text_start..at].contains(HEADING_END))
        };
        let text = heading_text(&line[text_start..]);
        if !glued || text.trim_matches(TRIM_PUNCT).chars().count() < 2 {
            continue;
        }
        numbering.see(level, ordinal);
        heads.push(Head {
            at,
            level,
            marker: marker
                .as_str()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
            ordinal,
            text_start,
        });
    }
    if heads.len() > 1 && heads[0].level >= 3 && heads[1..].iter().any(|h| h.level <= 2) {
        heads.remove(0);
    }
    heads
}

/// Whether `text` has a numeral right before a `、` or right after an opening bracket: every
/// glued marker does, and most long paragraphs have none, so they need no regex search.
fn may_hold_inline_marker(text: &str) -> bool {
    static DUNHAO: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("、"));
    let numeral_before = |at: usize| text[..at].ends_with(|c: char| is_small_numeral(c));
    if DUNHAO.find_iter(text.as_bytes()).any(numeral_before) {
        return true;
    }
    // Brackets found by their bytes (memchr), not by a walk over every character.
    static FULL_OPEN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("（"));
    let numeral_after = |after: usize| {
        text[after..]
            .trim_start()
            .starts_with(|c: char| is_small_numeral(c))
    };
    memchr::memchr_iter(b'(', text.as_bytes()).any(|at| numeral_after(at + 1))
        || FULL_OPEN
            .find_iter(text.as_bytes())
            .any(|at| numeral_after(at + "（".len()))
}

/// The heading text at the start of `after`: up to the sentence end, and a run-on heading
/// glued to its paragraph with no sentence end is cut at its first space.
fn heading_text(after: &str) -> &str {
    let text = cut_at(after, HEADING_END);
    if text.len() <= RUN_ON_HEADING_CHARS || text.chars().count() <= RUN_ON_HEADING_CHARS {
        return text;
    }
    // A space after a CJK character (`2020 年` is one word of the heading).
    let mut prev = ' ';
    let space = text
        .char_indices()
        .enumerate()
        .find(|&(n, (_, c))| {
            let cut = n >= RUN_ON_HEADING_MIN_CHARS && c.is_whitespace() && !prev.is_ascii();
            prev = c;
            cut
        })
        .map(|(_, (k, _))| k);
    space.map_or(text, |k| &text[..k])
}

/// Drops a numbered heading that ends the body with only a few characters: the end of an
/// excerpt cut it off (`二、规范`).
fn drop_cut_off_heading(found: &mut Vec<Found>, body: &str) {
    let Some(last) = found.last() else { return };
    let cut_off = last.kind == SectionKind::Heading
        && !last.marker.is_empty()
        && last.level <= 2
        && last.heading.chars().count() < CUT_OFF_HEADING_CHARS
        && body.trim_end().ends_with(last.heading.as_str());
    if cut_off {
        found.pop();
    }
}

/// `(level, marker, ordinal, byte offset where the heading text starts)`.
fn numbered_heading(line: &str) -> Option<(i16, String, i32, usize)> {
    if !may_start_heading(line) {
        return None;
    }
    let c = HEADING_RE.captures(line)?;
    let (k, level) = (0..HEADING_PATTERNS.len())
        .find(|k| c.get(2 * k + 1).is_some())
        .map(|k| (k, HEADING_PATTERNS[k].0))?;
    let marker = c.get(2 * k + 1)?;
    let ordinal = parse_number(c.get(2 * k + 2)?.as_str()).map_or(0, |v| v as i32);
    let text_start = c.get(0)?.end().min(line.len());
    // The level-3 pattern consumed one following character to check it is no digit.
    let text_start = if level == 3 { marker.end() } else { text_start };
    // `1.2万元…` is a number, `2023年…` a year: neither is a heading.
    if line[text_start..].trim().is_empty() && level != 1 {
        return None;
    }
    // `(1)In 2021, under the leadership of…`: an English paragraph of a bilingual page.
    if is_english(&line[text_start..]) {
        return None;
    }
    let marker_text: String = marker
        .as_str()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some((level, marker_text, ordinal, text_start))
}

/// Whether a heading text is English prose: it starts with a Latin letter and its first
/// characters are all ASCII.
fn is_english(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().take(ENGLISH_PROBE_CHARS).all(|c| c.is_ascii())
        && text.chars().nth(ENGLISH_PROBE_CHARS - 1).is_some()
}

/// How many characters of a heading text `is_english` reads.
const ENGLISH_PROBE_CHARS: usize = 12;

/// A short line without sentence punctuation that names a mandated part
/// (`2021年法治政府建设的计划安排`): a level-1 heading whose marker the page lost.
fn is_unnumbered_part_heading(line: &str) -> bool {
    // No character is longer than 4 bytes: a longer line need not be counted.
    line.len() <= 4 * UNNUMBERED_HEADING_MAX_CHARS
        && line.chars().count() <= UNNUMBERED_HEADING_MAX_CHARS
        && !line.contains(['。', '，', ',', '；', '：', ':'])
        && !line.trim_end().ends_with(REPORT_TITLE_END)
        && classify_section(line) != SectionType::Other
}

/// A line ending so is a report's title (repeated, or in a list of related pages), never a
/// part heading: `某镇2023年法治政府建设情况报告`.
const REPORT_TITLE_END: &str = "报告";

/// The text of `s` up to (not including) the first of `stops`.
fn cut_at<'a>(s: &'a str, stops: &[char]) -> &'a str {
    s.find(stops).map_or(s, |i| &s[..i])
}

/// Level-1 section type from the heading words (see `lexicon::sections`).
pub fn classify_section(heading: &str) -> SectionType {
    let heading = match heading.char_indices().nth(SECTION_TYPE_MAX_CHARS) {
        Some((k, _)) => &heading[..k],
        None => heading,
    };
    // Every cue of every type in one automaton, each pattern labelled with its type's rank:
    // one pass over the heading, and the best-ranked type found wins, as in the cue order.
    static CUES: LazyLock<(aho_corasick::AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
        let (patterns, ranks): (Vec<&str>, Vec<usize>) = SECTION_TYPE_CUES
            .iter()
            .enumerate()
            .flat_map(|(rank, (_, cues))| cues.iter().map(move |c| (*c, rank)))
            .unzip();
        let automaton =
            aho_corasick::AhoCorasick::new(patterns).expect("section cues are plain strings");
        (automaton, ranks)
    });
    let (automaton, ranks) = &*CUES;
    automaton
        .find_overlapping_iter(heading)
        .map(|m| ranks[m.pattern().as_usize()])
        .min()
        .map_or(SectionType::Other, |rank| SECTION_TYPE_CUES[rank].0)
}

/// Assigns ids, parents, spans and own text.
fn assign_tree(found: Vec<Found>, body: &str, body_chars: usize) -> Vec<Section> {
    let n = found.len();
    let mut sections: Vec<Section> = Vec::with_capacity(n);
    // Byte span of each section (for slicing its text), alongside its character span.
    let mut byte_spans: Vec<(usize, usize)> = Vec::with_capacity(n);
    let mut stack: Vec<usize> = Vec::new(); // indices of open headings/items, outer first

    for (i, f) in found.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if sections[top].level >= f.level {
                stack.pop();
            } else {
                break;
            }
        }
        let parent_id = stack.last().map(|&p| sections[p].section_id);
        // A section ends where the next one of the same or a higher level begins.
        let (end, end_byte) = found[i + 1..]
            .iter()
            .find(|g| {
                g.level <= f.level
                    || (f.kind == SectionKind::Item && g.kind == SectionKind::Heading)
            })
            .map_or((body_chars, body.len()), |g| (g.start, g.start_byte));
        sections.push(Section {
            section_id: i as i32 + 1,
            parent_id,
            level: f.level,
            kind: f.kind,
            marker: f.marker.clone(),
            ordinal: f.ordinal,
            heading: f.heading.clone(),
            section_type: f.section_type,
            char_start: f.start,
            char_end: end.max(f.start),
            text_bytes: 0..0,
        });
        byte_spans.push((f.start_byte, end_byte.max(f.start_byte)));
        stack.push(i);
    }
    // Own text: from the section's start to its first child (or its end).
    for i in 0..n {
        let (start, end) = byte_spans[i];
        let own_end = if i + 1 < n && sections[i + 1].parent_id == Some(sections[i].section_id) {
            byte_spans[i + 1].0
        } else {
            end
        };
        let own = body[start..own_end.max(start)].trim_end();
        sections[i].text_bytes = start..start + own.len();
    }
    sections
}

/// Mandated parts with no level-1 heading of their type. Leadership duty also counts as
/// present when a level-2 heading is about it (many reports put it under their first part).
pub fn missing_mandated(sections: &[Section]) -> Vec<SectionType> {
    SectionType::MANDATED
        .into_iter()
        .filter(|t| {
            let at_level1 = sections
                .iter()
                .any(|s| s.level == 1 && s.section_type == Some(*t));
            let at_level2 = *t == SectionType::LeadershipDuty
                && sections.iter().any(|s| {
                    s.level == 2 && classify_section(&s.heading) == SectionType::LeadershipDuty
                });
            !(at_level1 || at_level2)
        })
        .collect()
}

#[cfg(test)]
mod tests;
