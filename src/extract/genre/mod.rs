//! What kind of document a page is: documents.genre, and doc_kind from it.
//!
//! A crawler that collects rule-of-law annual reports (法治政府建设年度报告) also picks up the
//! documents around them: interpretations of the report, half-year reports, information-
//! disclosure reports, government work reports, assessment notices, self-inspections, 述法
//! reports, plans, general work summaries, news and database records. The classifier reads
//! only the title and the opening (about 600 characters), in three zones — the title (with
//! the first lines of a page that has no title line), the opening sentences and the headings
//! near the top — and adds up the weights of the cues of `lexicon/genres.rs` it finds there.
//! A kind word in the title (解读, 自查, 上半年 …) decides; without one, a genre other than
//! `rol_annual` must reach `GENRE_MIN_SCORE` and beat the evidence for a rule-of-law report.
//! Otherwise a document whose title or opening names the rule-of-law topic (法治政府建设,
//! 依法行政 …) is a `rol_annual` report, and any other document is `other`.
//!
//! The text is read through a small simplified folding of its own (traditional characters of
//! the cue words, no spaces, no quotation marks, no pinyin glosses such as `區(qū)`), so the
//! rules hold on machine-converted mirrors as on the original pages. Every cue, topic word and
//! report word is found in one pass of one automaton per zone, over one byte per character.
//! The classifier runs on every document; it reads at most OPENING_BYTES of it.

use std::sync::LazyLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};
use memchr::memmem;

use crate::lexicon::genres::{
    GenreCue, Zone, BREADCRUMB_CHARS, BREADCRUMB_WORDS, BROAD_TOPIC_WORDS, CHROME_SIGNS,
    DATELINE_WEIGHT, DATELINE_WORDS, FIRST_PERSON_NOT_BEFORE, FIRST_PERSON_WEIGHT,
    FIRST_PERSON_WORDS, GENRE_CUES, GENRE_MIN_SCORE, GENRE_PRIORITY, GLUED_TITLE_ENDINGS,
    HEADING_MAX_CHARS, HEAD_CHARS, IGNORED_CHARS, KIND_TITLE_WEIGHT, LEAD_LINE_MAX_CHARS,
    LEAD_MAX_CHARS, LEAD_MAX_LINES, METADATA_LABELS, METADATA_LABEL_MAX_CHARS, NAV_ITEM_MAX_CHARS,
    NAV_MIN_ITEMS, NOT_PLAN_TITLE_WORDS, OPENING_CHARS, PLAN_TITLE_ENDINGS, PLAN_TITLE_WEIGHT,
    ROL_OPENING_WEIGHT, ROL_PREAMBLE_ENDINGS, ROL_PREAMBLE_SPAN, ROL_PREAMBLE_WEIGHT,
    ROL_TITLE_WEIGHT, SENTENCE_PUNCTUATION, SENTENCE_STARTS, TITLE_LINE_MIN_CHARS,
    TITLE_NEEDLE_CHARS, TITLE_SEARCH_BYTES, TRADITIONAL_FOLD, TRANSMIT_WORD, WO_BODY_NEXT,
    WO_WORD_BEFORE, YEAR_SPAN_WEIGHT,
};
use crate::lexicon::orgs::{ROL_CUES, TITLE_REPORT_CUES};
use crate::model::Genre;

/// How far into the body (bytes) the line-by-line readers look: the opening's characters
/// are at most 4 bytes each.
const OPENING_BYTES: usize = OPENING_CHARS * 4;

/// The genre of a document and the evidence for it (`title has 解读`).
#[derive(Debug, Clone, PartialEq)]
pub struct GenreCall {
    pub genre: Genre,
    pub evidence: Vec<String>,
}

impl GenreCall {
    /// The warning that says why a document is not a rule-of-law annual report (None for one).
    pub fn warning(&self) -> Option<String> {
        (self.genre != Genre::RolAnnual).then(|| {
            format!(
                "document kind is other: genre {} ({})",
                self.genre.as_str(),
                self.evidence.join("; ")
            )
        })
    }
}

/// What a pattern of the automaton is, beside the cues that share its text.
const TOPIC: u8 = 1;
const BROAD_TOPIC: u8 = 2;
const REPORT_WORD: u8 = 4;
const PREAMBLE_END: u8 = 8;

/// The code of a character the automaton does not know.
const OTHER: u8 = 0;
/// The code of a character that is not read (white space, quotation marks).
const DROP: u8 = 255;
/// Characters with a table entry: CJK punctuation to the end of the ideographs, and the
/// full-width forms.
const CODED_FIRST: u32 = 0x3000;
const CODED_LAST: u32 = CJK_LAST as u32;
const FULLWIDTH_FIRST: u32 = 0xff00;
const FULLWIDTH_LAST: u32 = 0xffef;

/// Every cue text, topic word, report word and preamble ending in one automaton (overlapping
/// matches); for each pattern its text, the cues that share it and what else it is.
///
/// The automaton runs over one byte per character: each character of the patterns has a code
/// (1..=254), a traditional character has its simplified form's code, every other character
/// is OTHER and white space and quotation marks are dropped. So a page is read once, folded
/// as it is read, and the automaton takes a third of the steps it would over UTF-8.
struct CueIndex {
    automaton: DFA,
    texts: Vec<&'static str>,
    cues_of: Vec<Vec<usize>>,
    flags: Vec<u8>,
    /// Per cue: its not_after words, coded.
    not_after: Vec<Vec<Vec<u8>>>,
    ascii: [u8; 128],
    cjk: Vec<u8>,
    fullwidth: Vec<u8>,
}

impl CueIndex {
    fn code(&self, c: char) -> u8 {
        let u = c as u32;
        if u < 128 {
            self.ascii[u as usize]
        } else if (CODED_FIRST..=CODED_LAST).contains(&u) {
            self.cjk[(u - CODED_FIRST) as usize]
        } else if (FULLWIDTH_FIRST..=FULLWIDTH_LAST).contains(&u) {
            self.fullwidth[(u - FULLWIDTH_FIRST) as usize]
        } else if is_ignored(c) {
            DROP
        } else {
            OTHER
        }
    }

    fn set(&mut self, c: char, code: u8) {
        let u = c as u32;
        if u < 128 {
            self.ascii[u as usize] = code;
        } else if (CODED_FIRST..=CODED_LAST).contains(&u) {
            self.cjk[(u - CODED_FIRST) as usize] = code;
        } else if (FULLWIDTH_FIRST..=FULLWIDTH_LAST).contains(&u) {
            self.fullwidth[(u - FULLWIDTH_FIRST) as usize] = code;
        }
    }

    /// The codes of a pattern (every character has one).
    fn coded(&self, text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| self.code(c))
            .filter(|&k| k != DROP)
            .collect()
    }
}

static CUE_INDEX: LazyLock<CueIndex> = LazyLock::new(|| {
    let mut index = CueIndex {
        automaton: DFA::new(["-"]).expect("a plain string"),
        texts: Vec::new(),
        cues_of: Vec::new(),
        flags: Vec::new(),
        not_after: Vec::new(),
        ascii: [OTHER; 128],
        cjk: vec![OTHER; (CODED_LAST - CODED_FIRST + 1) as usize],
        fullwidth: vec![OTHER; (FULLWIDTH_LAST - FULLWIDTH_FIRST + 1) as usize],
    };
    let mut pattern = |text: &'static str| -> usize {
        match index.texts.iter().position(|t| *t == text) {
            Some(p) => p,
            None => {
                index.texts.push(text);
                index.cues_of.push(Vec::new());
                index.flags.push(0);
                index.texts.len() - 1
            }
        }
    };
    let mut marks: Vec<(usize, u8)> = Vec::new();
    let mut cues: Vec<(usize, usize)> = Vec::new();
    for (i, cue) in GENRE_CUES.iter().enumerate() {
        cues.push((pattern(cue.text), i));
    }
    for (words, flag) in [
        (ROL_CUES, TOPIC | BROAD_TOPIC),
        (BROAD_TOPIC_WORDS, BROAD_TOPIC),
        (TITLE_REPORT_CUES, REPORT_WORD),
        (ROL_PREAMBLE_ENDINGS, PREAMBLE_END),
    ] {
        for w in words {
            marks.push((pattern(w), flag));
        }
    }
    for (p, i) in cues {
        index.cues_of[p].push(i);
    }
    for (p, flag) in marks {
        index.flags[p] |= flag;
    }
    // Codes: white space and quotation marks dropped, then one code per pattern character.
    for c in (0u8..128)
        .map(char::from)
        .chain(IGNORED_CHARS.iter().copied())
    {
        if is_ignored(c) {
            index.set(c, DROP);
        }
    }
    index.set('\u{3000}', DROP);
    let words = index
        .texts
        .iter()
        .copied()
        .chain(GENRE_CUES.iter().flat_map(|c| c.not_after.iter().copied()))
        .collect::<Vec<_>>();
    let mut next: u8 = 1;
    for c in words.iter().flat_map(|w| w.chars()) {
        if index.code(c) == OTHER {
            assert!(next < DROP, "more than 254 characters in the genre cues");
            index.set(c, next);
            if c.is_ascii_lowercase() {
                index.set(c.to_ascii_uppercase(), next);
            }
            next += 1;
        }
    }
    for &(t, simple) in TRADITIONAL_FOLD {
        let k = index.code(simple);
        index.set(t, k);
    }
    index.not_after = GENRE_CUES
        .iter()
        .map(|c| c.not_after.iter().map(|w| index.coded(w)).collect())
        .collect();
    let coded: Vec<Vec<u8>> = index.texts.iter().map(|t| index.coded(t)).collect();
    // No prefilter: in Chinese text nearly every position starts a candidate.
    index.automaton = aho_corasick::dfa::Builder::new()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(&coded)
        .expect("genre cues are plain strings");
    index
});

/// Appends the codes of `text` to `out` (see CueIndex), skipping pinyin glosses, up to
/// `max_chars` characters of `text`. Returns the bytes of `text` read.
fn encode_into(out: &mut Vec<u8>, text: &str, max_chars: usize) -> usize {
    let index = &*CUE_INDEX;
    let bytes = text.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() && n < max_chars {
        n += 1;
        let b = bytes[i];
        // The common case first: a three-byte character (CJK) that is not a bracket.
        if (0xe0..0xf0).contains(&b) && i + 2 < bytes.len() {
            let u = (u32::from(b & 0x0f) << 12)
                | (u32::from(bytes[i + 1] & 0x3f) << 6)
                | u32::from(bytes[i + 2] & 0x3f);
            if (CODED_FIRST..=CODED_LAST).contains(&u) {
                let k = index.cjk[(u - CODED_FIRST) as usize];
                if k != DROP {
                    out.push(k);
                }
                i += 3;
                continue;
            }
        }
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let len = c.len_utf8();
        if matches!(c, '(' | '（') {
            if let Some(glen) = pinyin_gloss_len(&text[i..]) {
                n += text[i + len..i + glen].chars().count();
                i += glen;
                continue;
            }
        }
        i += len;
        let k = index.code(c);
        if k != DROP {
            out.push(k);
        }
    }
    i
}

fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 2);
    encode_into(&mut out, text, usize::MAX);
    out
}

fn genre_index(genre: Genre) -> usize {
    Genre::ALL
        .iter()
        .position(|g| *g == genre)
        .expect("every genre is in Genre::ALL")
}

/// The simplified form of a character for matching: traditional cue characters folded,
/// ASCII letters in lower case.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let Some(bit) = (c as usize).checked_sub(CJK_FIRST as usize) else {
        return c;
    };
    // Most characters are not in the table: one bit says so.
    if bit >= CJK_WORDS * 64 || !is_traditional(c as u32) {
        return c;
    }
    TRADITIONAL_FOLD
        .binary_search_by_key(&c, |&(t, _)| t)
        .map_or(c, |i| TRADITIONAL_FOLD[i].1)
}

/// First character of the CJK Unified Ideographs block, where every folded character is.
const CJK_FIRST: char = '\u{4e00}';
const CJK_LAST: char = '\u{9fff}';

/// Whether a CJK character (as a code point) is a traditional one of TRADITIONAL_FOLD.
fn is_traditional(code: u32) -> bool {
    let bit = code.wrapping_sub(CJK_FIRST as u32) as usize;
    TRADITIONAL_BITS
        .get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

const CJK_WORDS: usize = (CJK_LAST as usize - CJK_FIRST as usize + 1).div_ceil(64);

/// One bit per CJK character: set for the traditional characters of TRADITIONAL_FOLD.
static TRADITIONAL_BITS: [u64; CJK_WORDS] = {
    let mut bits = [0u64; CJK_WORDS];
    let mut k = 0;
    while k < TRADITIONAL_FOLD.len() {
        let i = TRADITIONAL_FOLD[k].0 as usize - CJK_FIRST as usize;
        bits[i / 64] |= 1 << (i % 64);
        k += 1;
    }
    bits
};

/// White space and IGNORED_CHARS: dropped before matching.
fn is_ignored(c: char) -> bool {
    if (CJK_FIRST..=CJK_LAST).contains(&c) {
        return false;
    }
    c.is_whitespace() || IGNORED_CHARS.contains(&c)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ".contains(c)
}

/// Length in bytes of a pinyin gloss at the start of `s` (`(qū)`, `(nian)`), if there is one.
fn pinyin_gloss_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, open) = chars.next()?;
    if open != '(' && open != '（' {
        return None;
    }
    let mut letters = 0;
    for (at, c) in chars {
        match c {
            ')' | '）' if letters > 0 => return Some(at + c.len_utf8()),
            c if is_pinyin_letter(c) && letters < 8 => letters += 1,
            _ => return None,
        }
    }
    None
}

/// Appends the matching form of `text` to `out`: folded characters, without white space,
/// quotation marks and pinyin glosses. Stops after `max_chars` characters of `text`.
/// Characters that stay as they are are copied in runs.
fn fold_into(out: &mut String, text: &str, max_chars: usize) {
    let bytes = text.as_bytes();
    let (mut i, mut n, mut run) = (0, 0, 0);
    while i < bytes.len() && n < max_chars {
        n += 1;
        let b = bytes[i];
        let len = match b {
            0..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        if len == 3 {
            // CJK ideographs (U+4E00..U+9FFF have lead bytes E4..E9) stay unless traditional.
            let code = (u32::from(b & 0x0f) << 12)
                | (u32::from(bytes[i + 1] & 0x3f) << 6)
                | u32::from(bytes[i + 2] & 0x3f);
            if (CJK_FIRST as u32..=CJK_LAST as u32).contains(&code) && !is_traditional(code) {
                i += 3;
                continue;
            }
        } else if len == 1 && b != b'(' && !b.is_ascii_uppercase() && !is_ignored(b as char) {
            i += 1;
            continue;
        }
        // Anything else is looked at one character at a time.
        out.push_str(&text[run..i]);
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        if matches!(c, '(' | '（') {
            if let Some(glen) = pinyin_gloss_len(&text[i..]) {
                n += text[i + len..i + glen].chars().count();
                i += glen;
                run = i;
                continue;
            }
        }
        i += len;
        run = i;
        if !is_ignored(c) {
            out.push(fold_char(c));
        }
    }
    out.push_str(&text[run..i]);
}

fn folded(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 3));
    fold_into(&mut out, text, max_chars);
    out
}

/// `text` without the spans between 《 and 》 (names of other documents), unless the whole
/// text is one such span (a title printed in 《》).
fn without_quoted_names(text: &str) -> String {
    if let Some(inner) = text.strip_prefix('《').and_then(|t| t.strip_suffix('》')) {
        if !inner.contains(['《', '》']) {
            return inner.to_string();
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut rest = text;
    while let Some(at) = rest.find(['《', '〈', '》', '〉']) {
        if depth == 0 {
            out.push_str(&rest[..at]);
        }
        let mark = rest[at..].chars().next().unwrap_or('《');
        if matches!(mark, '《' | '〈') {
            depth += 1;
        } else {
            depth = depth.saturating_sub(1);
        }
        rest = &rest[at + mark.len_utf8()..];
    }
    if depth == 0 {
        out.push_str(rest);
    }
    out
}

/// Byte index of the first sentence punctuation in a line (a colon between two digits, as in
/// a time, does not count).
fn sentence_end(line: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut iter = line.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if SENTENCE_PUNCTUATION.contains(&c) {
            let time_colon = matches!(c, ':' | '：')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && iter.peek().is_some_and(|(_, n)| n.is_ascii_digit());
            if !time_colon {
                return Some(at);
            }
        }
        prev = Some(c);
    }
    None
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' || c == '\u{feff}'
}

/// The first `n` characters of `s` (counted on the bytes that start a character).
fn head_chars(s: &str, n: usize) -> &str {
    s.bytes()
        .enumerate()
        .filter(|&(_, b)| (b as i8) >= -0x40)
        .nth(n)
        .map_or(s, |(at, _)| &s[..at])
}

/// A page-metadata line: a known field label first, however it is set off (`[ 索引号 ] …`,
/// `【发布机构】…`, `名 称：…`), or a short label of Han characters and a colon
/// (`发布时间:2024-01-02`).
fn is_metadata_line(line: &str) -> bool {
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
fn is_chrome_line(line: &str) -> bool {
    // A line of plain text (a title, a sentence) has none of the signs: no more checks.
    if !line.contains(CHROME_SIGNS) {
        return false;
    }
    is_metadata_line(line)
        || line.contains(BREADCRUMB_CHARS)
        || is_nav_line(line)
        || BREADCRUMB_FINDERS
            .iter()
            .any(|f| f.find(line.as_bytes()).is_some())
}

static BREADCRUMB_FINDERS: LazyLock<Vec<memmem::Finder<'static>>> =
    LazyLock::new(|| BREADCRUMB_WORDS.iter().map(memmem::Finder::new).collect());

/// A navigation bar: several short items separated by spaces or `|`.
fn is_nav_line(line: &str) -> bool {
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
fn title_start(title: Option<&str>, body: &str) -> usize {
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
fn glued_title(fragment: &str) -> &str {
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
fn lead_lines(body: &str) -> (String, Vec<String>) {
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
fn opening_lines(body: &str) -> impl Iterator<Item = &str> {
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
fn heading_of(line: &str) -> Option<&str> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
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
struct Reading<'a> {
    /// The document's own title words, coded: the title, the page title and the lead,
    /// `|`-separated, without names of other documents (《…》).
    title: Vec<u8>,
    /// The same, folded, one string per title candidate.
    own_title: Vec<String>,
    /// Title candidates one by one, with their 《…》 (for how a title ends, what it publishes).
    title_parts: Vec<String>,
    /// The first OPENING_CHARS characters, coded, and as printed.
    opening: Vec<u8>,
    opening_text: &'a str,
    /// Length of the opening's codes for its first HEAD_CHARS characters.
    head_len: usize,
    /// Level-1 and level-2 headings of the opening, coded.
    headings: Vec<Vec<u8>>,
    /// The dateline a line of the opening starts with (`2月29日`, `近日`).
    dateline: Option<&'a str>,
}

fn read<'a>(title: Option<&str>, page_title: Option<&str>, body: &'a str) -> Reading<'a> {
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

/// Why a genre scored: rendered into the warning only for the genre that wins.
#[derive(Debug, Clone, Copy)]
enum Evidence {
    Cue(usize),
    PlanEnding(&'static str),
    PublishesPlan(&'static str),
    YearSpan,
    FirstPerson,
    Dateline,
    RolTitle,
    RolOpening,
    RolPreamble(&'static str, &'static str),
}

/// Scores per genre (indexed like `Genre::ALL`) and the evidence for each.
struct Scores {
    score: [u8; Genre::ALL.len()],
    /// The title carries a kind word of the genre.
    titled: [bool; Genre::ALL.len()],
    evidence: Vec<(usize, Evidence)>,
}

impl Scores {
    fn add(&mut self, genre: Genre, weight: u8, evidence: Evidence) {
        let g = genre_index(genre);
        self.score[g] = self.score[g].saturating_add(weight);
        self.evidence.push((g, evidence));
    }

    fn add_title(&mut self, genre: Genre, weight: u8, evidence: Evidence) {
        self.titled[genre_index(genre)] |= weight >= KIND_TITLE_WEIGHT;
        self.add(genre, weight, evidence);
    }

    /// The best genre other than `rol_annual` among those `eligible`: highest score, ties by
    /// GENRE_PRIORITY.
    fn best(&self, eligible: impl Fn(usize) -> bool) -> Option<(Genre, u8)> {
        GENRE_PRIORITY
            .iter()
            .map(|&g| (g, genre_index(g)))
            .filter(|&(_, i)| eligible(i))
            .map(|(g, i)| (g, self.score[i]))
            .fold(None, |best, (g, score)| match best {
                Some((_, b)) if b >= score => best,
                _ => Some((g, score)),
            })
    }
}

/// What one pass of the automaton over a zone's text found beside the cues.
#[derive(Default)]
struct Found {
    /// A rule-of-law topic word (ROL_CUES).
    topic: bool,
    /// A word of any rule-of-law subject (ROL_CUES or BROAD_TOPIC_WORDS).
    broad_topic: bool,
    report_word: bool,
    /// End (byte) of each topic word and the word.
    topic_ends: Vec<(usize, &'static str)>,
    /// Start (byte) of each word that introduces a report (报告如下 …) and the word.
    preamble_starts: Vec<(usize, &'static str)>,
}

/// Marks the cues of `zones` found in `text` (once each); returns the topic and report words.
fn scan(codes: &[u8], zones: &[Zone], head_len: usize, hit: &mut [bool]) -> Found {
    let index = &*CUE_INDEX;
    let dfa = &index.automaton;
    let mut found = Found::default();
    let mut off_topic: Vec<usize> = Vec::new();
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return found;
    };
    // Every match, overlapping ones too, in one pass.
    for (at, &byte) in codes.iter().enumerate() {
        sid = dfa.next_state(Anchored::No, sid, byte);
        if !dfa.is_special(sid) || !dfa.is_match(sid) {
            continue;
        }
        let end = at + 1;
        for k in 0..dfa.match_len(sid) {
            let p = dfa.match_pattern(sid, k);
            let start = end - dfa.pattern_len(p);
            let p = p.as_usize();
            let flags = index.flags[p];
            if flags != 0 {
                found.topic |= flags & TOPIC != 0;
                found.broad_topic |= flags & BROAD_TOPIC != 0;
                found.report_word |= flags & REPORT_WORD != 0;
                if flags & TOPIC != 0 {
                    found.topic_ends.push((end, index.texts[p]));
                }
                if flags & PREAMBLE_END != 0 {
                    found.preamble_starts.push((start, index.texts[p]));
                }
            }
            for &i in &index.cues_of[p] {
                let cue: &GenreCue = &GENRE_CUES[i];
                if hit[i] || !zones.contains(&cue.zone) {
                    continue;
                }
                if cue.zone == Zone::Head && end > head_len {
                    continue;
                }
                if index.not_after[i]
                    .iter()
                    .any(|w| codes[..start].ends_with(w))
                {
                    continue;
                }
                if cue.off_topic {
                    off_topic.push(i);
                } else {
                    hit[i] = true;
                }
            }
        }
    }
    // Cues such as 工作总结 count only where the zone names no rule-of-law subject.
    if !found.broad_topic {
        for i in off_topic {
            hit[i] = true;
        }
    }
    found
}

fn zone_name(zone: Zone) -> &'static str {
    match zone {
        Zone::Title => "title",
        Zone::Head => "first lines",
        Zone::Opening => "opening",
        Zone::Heading => "a heading",
    }
}

/// A title that ends with a plan word (`…工作要点`, `…规划（2021-2025年）`) and does not name a
/// report, or a notice that publishes a plan (`关于印发《…实施方案》的通知`).
fn plan_title(parts: &[String]) -> Option<Evidence> {
    for part in parts {
        let own = without_quoted_names(part);
        if NOT_PLAN_TITLE_WORDS.iter().any(|w| own.contains(w)) {
            continue;
        }
        let mut end = own.as_str();
        // A trailing bracket: (2021-2025年), （征求意见稿）.
        while let Some(stripped) = end.strip_suffix([')', '）']) {
            match stripped.rfind(['(', '（']) {
                Some(at) => end = &stripped[..at],
                None => break,
            }
        }
        if let Some(w) = PLAN_TITLE_ENDINGS.iter().find(|w| end.ends_with(*w)) {
            return Some(Evidence::PlanEnding(w));
        }
        if own.contains(TRANSMIT_WORD) {
            let named = part
                .split(['《', '》'])
                .skip(1)
                .step_by(2)
                .find_map(|n| PLAN_TITLE_ENDINGS.iter().find(|w| n.ends_with(*w)));
            if let Some(w) = named {
                return Some(Evidence::PublishesPlan(w));
            }
        }
    }
    None
}

/// `2016-2020年`, `2016年至2020年` in the title: a review of several years.
fn year_span(title: &str) -> Option<String> {
    let chars: Vec<char> = title.chars().collect();
    let year_at = |i: usize| -> bool {
        i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (chars[i] == '1' || chars[i] == '2')
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    };
    for i in 0..chars.len() {
        if !year_at(i) {
            continue;
        }
        let mut j = i + 4;
        if chars.get(j) == Some(&'年') {
            j += 1;
        }
        let dash_start = j;
        while chars.get(j).is_some_and(|c| "-—–－~～至到".contains(*c)) {
            j += 1;
        }
        if j > dash_start && j - dash_start <= 2 && year_at(j) {
            let span: String = chars[i..j + 4].iter().collect();
            let (a, b) = (&chars[i..i + 4], &chars[j..j + 4]);
            if b > a {
                return Some(span);
            }
        }
    }
    None
}

/// `现将…法治政府建设情况报告如下`: the opening presents the document as the rule-of-law report
/// (a topic word at most ROL_PREAMBLE_SPAN characters before the words that introduce it).
fn rol_preamble(found: &Found) -> Option<Evidence> {
    found.preamble_starts.iter().find_map(|&(start, end_word)| {
        found.topic_ends.iter().find_map(|&(end, topic)| {
            (end <= start && start - end <= ROL_PREAMBLE_SPAN)
                .then_some(Evidence::RolPreamble(topic, end_word))
        })
    })
}

static WO_FINDER: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("我"));

/// `…,我认真…` (not 我局, 我镇, 我们) or 本人: a person speaks.
fn first_person(opening: &str) -> Option<String> {
    for at in WO_FINDER.find_iter(opening.as_bytes()) {
        let prev = opening[..at].chars().next_back().map(fold_char);
        let next = opening[at + '我'.len_utf8()..]
            .chars()
            .find(|c| !is_blank(*c))
            .map(fold_char);
        if let Some(next) = next {
            if !prev.is_some_and(|p| WO_WORD_BEFORE.contains(p))
                && !WO_BODY_NEXT.contains(next)
                && next.is_alphanumeric()
            {
                return Some(format!("我{next}"));
            }
        }
    }
    FIRST_PERSON_WORDS.iter().find_map(|w| {
        opening
            .match_indices(w)
            .any(|(at, _)| {
                let after = &opening[at + w.len()..];
                !FIRST_PERSON_NOT_BEFORE.iter().any(|n| after.starts_with(n))
            })
            .then(|| w.to_string())
    })
}

/// The dateline a line starts with: `2月29日,` `近日,`.
fn dateline_of(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if !first.is_ascii_digit() && !DATELINE_WORDS.iter().any(|w| w.starts_with(first)) {
        return None;
    }
    let end = head_chars(line, 8).find(['，', ','])?;
    let lead = &line[..end];
    if DATELINE_WORDS.contains(&lead) {
        return Some(lead);
    }
    // 2月29日 (no year): a month and a day.
    let mut parts = lead.split(['月', '日']);
    let (m, d, tail) = (parts.next(), parts.next(), parts.next());
    let digits = |s: Option<&str>| {
        s.is_some_and(|s| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
    };
    (digits(m) && digits(d) && tail == Some("") && lead.ends_with('日')).then_some(lead)
}

/// The genre of a document from its title (the metadata stage's, if any), the page's own
/// title (HTML `<title>`) and the body.
pub fn classify(title: Option<&str>, page_title: Option<&str>, body: &str) -> GenreCall {
    // Only the top of the body is read: no line reader runs past it.
    let mut top = body.len().min(OPENING_BYTES);
    while !body.is_char_boundary(top) {
        top -= 1;
    }
    let r = read(title, page_title, &body[..top]);
    let mut hit = vec![false; GENRE_CUES.len()];
    let in_title = scan(&r.title, &[Zone::Title], 0, &mut hit);
    let in_opening = scan(
        &r.opening,
        &[Zone::Head, Zone::Opening],
        r.head_len,
        &mut hit,
    );
    for h in &r.headings {
        scan(h, &[Zone::Heading], 0, &mut hit);
    }
    let mut s = Scores {
        score: [0; Genre::ALL.len()],
        titled: [false; Genre::ALL.len()],
        evidence: Vec::new(),
    };
    for (i, cue) in GENRE_CUES.iter().enumerate().filter(|(i, _)| hit[*i]) {
        if cue.zone == Zone::Title {
            s.add_title(cue.genre, cue.weight, Evidence::Cue(i));
        } else {
            s.add(cue.genre, cue.weight, Evidence::Cue(i));
        }
    }
    let mut notes: Vec<String> = Vec::new();
    if let Some(e) = plan_title(&r.title_parts) {
        s.add_title(Genre::WorkPlan, PLAN_TITLE_WEIGHT, e);
    }
    if let Some(span) = r.own_title.iter().find_map(|t| year_span(t)) {
        notes.push(format!("title spans the years {span}"));
        s.add_title(Genre::RolMultiYear, YEAR_SPAN_WEIGHT, Evidence::YearSpan);
    }
    // A person speaking only adds to other evidence of a 述法 report (alone it is below the
    // least score): not looked for otherwise.
    let duty = s.score[genre_index(Genre::DutyReport)] > 0;
    if let Some(w) = duty.then(|| first_person(r.opening_text)).flatten() {
        notes.push(format!("opening speaks in the first person ({w})"));
        s.add(
            Genre::DutyReport,
            FIRST_PERSON_WEIGHT,
            Evidence::FirstPerson,
        );
    }
    if let Some(d) = r.dateline {
        notes.push(format!("a line starts with a dateline ({d})"));
        s.add(Genre::News, DATELINE_WEIGHT, Evidence::Dateline);
    }
    if in_title.topic && in_title.report_word {
        s.add(Genre::RolAnnual, ROL_TITLE_WEIGHT, Evidence::RolTitle);
    } else if in_opening.topic {
        s.add(Genre::RolAnnual, ROL_OPENING_WEIGHT, Evidence::RolOpening);
    }
    if let Some(e) = rol_preamble(&in_opening) {
        s.add(Genre::RolAnnual, ROL_PREAMBLE_WEIGHT, e);
    }

    let rol = s.score[genre_index(Genre::RolAnnual)];
    // A kind word in the title decides; else the best genre must beat the rule-of-law evidence.
    let titled = s.best(|i| s.titled[i]);
    let best = titled
        .or_else(|| s.best(|_| true).filter(|&(_, score)| score > rol))
        .filter(|&(_, score)| score >= GENRE_MIN_SCORE)
        .map(|(g, _)| g);
    let genre = match best {
        Some(g) => g,
        None if in_title.topic || in_opening.topic => Genre::RolAnnual,
        None => {
            return GenreCall {
                genre: Genre::Other,
                evidence: vec![format!(
                    "neither the title nor the opening names the rule-of-law topic ({})",
                    ROL_CUES.join("/")
                )],
            }
        }
    };
    if genre == Genre::RolAnnual {
        // No warning for a rule-of-law report: its evidence is not spelt out.
        return GenreCall {
            genre,
            evidence: Vec::new(),
        };
    }
    let g = genre_index(genre);
    let mut notes = notes.into_iter();
    let evidence = s
        .evidence
        .iter()
        .filter_map(|&(eg, e)| {
            // Computed evidence carries its note, in the order it was added.
            let note = matches!(
                e,
                Evidence::YearSpan | Evidence::FirstPerson | Evidence::Dateline
            )
            .then(|| notes.next())
            .flatten();
            (eg == g).then(|| describe(e, note))
        })
        .collect();
    GenreCall { genre, evidence }
}

/// A sentence of evidence for the warning.
fn describe(e: Evidence, note: Option<String>) -> String {
    match e {
        Evidence::Cue(i) => {
            let cue = &GENRE_CUES[i];
            let mut s = format!("{} has {}", zone_name(cue.zone), cue.text);
            if cue.off_topic {
                s.push_str(" but not the rule-of-law topic");
            }
            s
        }
        Evidence::PlanEnding(w) => format!("title ends with {w}"),
        Evidence::PublishesPlan(w) => format!("title publishes a {w}"),
        Evidence::YearSpan | Evidence::FirstPerson | Evidence::Dateline => note.unwrap_or_default(),
        Evidence::RolTitle => "title names a rule-of-law government report".to_string(),
        Evidence::RolOpening => "opening names the rule-of-law topic".to_string(),
        Evidence::RolPreamble(topic, end) => format!("opening presents the report ({topic}…{end})"),
    }
}

#[cfg(test)]
mod tests;
