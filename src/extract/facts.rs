//! Numeric facts: every number of the cleaned body that reports a quantity, with its unit,
//! qualifier, normalized value and what it counts (the metric).
//!
//! One pass over the body's characters finds the numbers (Arabic, full-width, Chinese,
//! `百分之…`) outside protected spans (titles in 《》, quoted slogans and names, document
//! numbers, URLs and e-mails), reads the qualifier and unit around each and rejects the traps
//! (dates, ordinals, set phrases, names with digits). A second pass over the found facts adds
//! the metric, the sentence, the section and the as-of date. Offsets are character offsets.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::lexicon::facts as lx;
use crate::lexicon::units::TRAD_TO_SIMP;
use crate::model::{DateMention, DateRole, Fact, Qualifier, QuantityKind, Section};
use crate::normalize::{
    arabic_multiplier, cn_digit_value, is_cn_numeral_char, is_cn_point, is_digit,
    is_digit_by_digit, match_unit_def, parse_chinese_numeral, scan_arabic, to_simplified, Decimal,
    FnvBuild, UnitInfo,
};

/// Extracts the numeric facts of a cleaned body. `sections` give each fact its innermost
/// section, `dates` with role `AsOf` its as-of date (same sentence). Never panics.
pub fn extract_facts(body: &str, sections: &[Section], dates: &[DateMention]) -> Vec<Fact> {
    if body.is_empty() {
        return Vec::new();
    }
    let text = Text::new(body);
    let found = Scanner { t: &text }.run();
    assemble(&text, found, sections, dates)
}

// ---------------------------------------------------------------------------------------------
// Character classes

const CLASS_SENTENCE: u8 = 1;
const CLASS_CLAUSE: u8 = 2;
const CLASS_DIGIT: u8 = 4;
const CLASS_CN_NUMERAL: u8 = 8;
const CLASS_PROTECT_OPEN: u8 = 16;
const CLASS_ASCII_ALNUM: u8 = 32;
/// Punctuation that may continue a URL or e-mail token (`lx::URL_CHARS`).
const CLASS_URL_PUNCT: u8 = 64;

/// Classification of every BMP character, so the scan costs one table lookup per character.
static CLASSES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut table = vec![0u8; 0x10000];
    let mut set = |c: char, flag: u8| {
        if let Some(slot) = table.get_mut(c as usize) {
            *slot |= flag;
        }
    };
    for &c in lx::SENTENCE_BREAKS {
        set(c, CLASS_SENTENCE);
    }
    for &c in lx::CLAUSE_BREAKS {
        set(c, CLASS_CLAUSE);
    }
    for c in ('0'..='9').chain('０'..='９') {
        set(c, CLASS_DIGIT);
    }
    for c in ('a'..='z').chain('A'..='Z').chain('0'..='9') {
        set(c, CLASS_ASCII_ALNUM);
    }
    for c in lx::URL_CHARS.chars() {
        set(c, CLASS_URL_PUNCT);
    }
    for &(open, _, _) in lx::PROTECTED_PAIRS {
        set(open, CLASS_PROTECT_OPEN);
    }
    for &c in lx::DOC_NUMBER_OPENERS {
        set(c, CLASS_PROTECT_OPEN);
    }
    for cp in 0x3000u32..0x10000 {
        if let Some(c) = char::from_u32(cp) {
            if is_cn_numeral_char(c) {
                set(c, CLASS_CN_NUMERAL);
            }
        }
    }
    table
});

fn class(c: char) -> u8 {
    class_in(&CLASSES, c)
}

/// `class` with the table looked up once, for the loops over every character.
fn class_in(classes: &[u8], c: char) -> u8 {
    classes.get(c as usize).copied().unwrap_or(0)
}

fn is_break(c: char) -> bool {
    class(c) & (CLASS_SENTENCE | CLASS_CLAUSE) != 0
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

fn is_space(c: char) -> bool {
    lx::INNER_SPACES.contains(&c)
}

// ---------------------------------------------------------------------------------------------
// Small helpers over char slices

fn starts_with_at(chars: &[char], pos: usize, word: &str) -> bool {
    let mut k = pos;
    for w in word.chars() {
        match chars.get(k) {
            Some(&c) if c == w || to_simplified(c) == w => k += 1,
            _ => return false,
        }
    }
    true
}

fn ends_with_at(chars: &[char], end: usize, word: &str) -> bool {
    let len = word.chars().count();
    end >= len && starts_with_at(chars, end - len, word)
}

fn collect(chars: &[char]) -> String {
    // Sized up front: most characters take three bytes, more than `collect` reserves.
    let mut s = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    s.extend(chars);
    s
}

// ---------------------------------------------------------------------------------------------
// Word lists compiled for matching at a position

/// One word of a compiled list.
#[derive(Clone)]
struct Word {
    text: &'static str,
    chars: Box<[char]>,
    /// Position in the source list: breaks ties between equally long words the way the order
    /// of the list does.
    index: usize,
}

impl Word {
    fn len(&self) -> usize {
        self.chars.len()
    }
}

/// A word list of `lx`, compiled once: its words grouped by first character (does a word
/// start at `pos`?) and by last character (does one end at `end`?), so a test is one map
/// lookup instead of a scan of the whole list. A text character `c` matches a word character
/// `w` when `c == w || to_simplified(c) == w`, as in `starts_with_at`.
struct WordIndex {
    by_first: WordGroups,
    by_last: WordGroups,
}

/// Words grouped by a key character.
#[derive(Default)]
struct WordGroups {
    groups: FxHashMap<char, Vec<Word>>,
    keys: CharFilter,
}

impl WordGroups {
    fn insert(&mut self, key: char, word: Word) {
        // The filter also lets through the traditional forms of the key, which match it.
        self.keys.insert(key);
        for &(traditional, simplified) in TRAD_TO_SIMP {
            if simplified == key {
                self.keys.insert(traditional);
            }
        }
        self.groups.entry(key).or_default().push(word);
    }

    /// The words whose key character the text character `c` matches: `c` itself or its
    /// simplified form.
    fn candidates(&self, c: char) -> [&[Word]; 2] {
        if !self.keys.may_contain(c) {
            return [&[], &[]];
        }
        let group = |k: char| self.groups.get(&k).map_or(&[][..], Vec::as_slice);
        let simplified = to_simplified(c);
        let as_simplified = if simplified != c {
            group(simplified)
        } else {
            &[]
        };
        [group(c), as_simplified]
    }
}

/// One bit per character code modulo 4096: most characters of a text start (or end) no word
/// of a list, and this says so without a map lookup.
struct CharFilter([u64; 64]);

impl Default for CharFilter {
    fn default() -> Self {
        CharFilter([0; 64])
    }
}

impl CharFilter {
    fn insert(&mut self, c: char) {
        let k = c as usize % 4096;
        self.0[k / 64] |= 1 << (k % 64);
    }

    fn may_contain(&self, c: char) -> bool {
        let k = c as usize % 4096;
        (self.0[k / 64] >> (k % 64)) & 1 != 0
    }
}

impl WordIndex {
    fn new(list: impl IntoIterator<Item = &'static str>) -> Self {
        let mut index = WordIndex {
            by_first: WordGroups::default(),
            by_last: WordGroups::default(),
        };
        for (k, text) in list.into_iter().enumerate() {
            let chars: Box<[char]> = text.chars().collect();
            let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else {
                continue;
            };
            let word = Word {
                text,
                chars,
                index: k,
            };
            index.by_last.insert(last, word.clone());
            index.by_first.insert(first, word);
        }
        index
    }

    /// The words that start at `pos`.
    fn starting_at<'a>(&'a self, chars: &'a [char], pos: usize) -> impl Iterator<Item = &'a Word> {
        let groups = chars
            .get(pos)
            .map_or([&[][..]; 2], |&c| self.by_first.candidates(c));
        groups
            .into_iter()
            .flatten()
            .filter(move |w| matches_at(chars, pos, &w.chars))
    }

    /// The words that end just before `end`.
    fn ending_at<'a>(&'a self, chars: &'a [char], end: usize) -> impl Iterator<Item = &'a Word> {
        let groups = end
            .checked_sub(1)
            .and_then(|k| chars.get(k))
            .map_or([&[][..]; 2], |&c| self.by_last.candidates(c));
        groups
            .into_iter()
            .flatten()
            .filter(move |w| end >= w.len() && matches_at(chars, end - w.len(), &w.chars))
    }

    /// False when no word can start at `pos`: a bit test, the common answer.
    fn may_start_at(&self, chars: &[char], pos: usize) -> bool {
        chars
            .get(pos)
            .is_some_and(|&c| self.by_first.keys.may_contain(c))
    }

    /// False when no word can end just before `end`.
    fn may_end_at(&self, chars: &[char], end: usize) -> bool {
        end.checked_sub(1)
            .and_then(|k| chars.get(k))
            .is_some_and(|&c| self.by_last.keys.may_contain(c))
    }

    fn any_starting_at(&self, chars: &[char], pos: usize) -> bool {
        self.may_start_at(chars, pos) && self.starting_at(chars, pos).next().is_some()
    }

    fn any_ending_at(&self, chars: &[char], end: usize) -> bool {
        self.may_end_at(chars, end) && self.ending_at(chars, end).next().is_some()
    }

    /// Length of the longest word that starts at `pos`.
    fn longest_at(&self, chars: &[char], pos: usize) -> Option<usize> {
        if !self.may_start_at(chars, pos) {
            return None;
        }
        self.starting_at(chars, pos).map(Word::len).max()
    }
}

fn matches_at(chars: &[char], pos: usize, word: &[char]) -> bool {
    chars.get(pos..pos + word.len()).is_some_and(|text| {
        text.iter()
            .zip(word)
            .all(|(&c, &w)| c == w || to_simplified(c) == w)
    })
}

static PREFIX_QUALIFIERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::PREFIX_QUALIFIERS.iter().map(|(w, _)| *w)));
static PREFIX_QUALIFIER_BLOCKERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::PREFIX_QUALIFIER_BLOCKERS.iter().copied()));
static POSTFIX_QUALIFIERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::POSTFIX_QUALIFIERS.iter().map(|(w, _)| *w)));
static POSTFIX_QUALIFIER_BLOCKERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::POSTFIX_QUALIFIER_BLOCKERS.iter().copied()));
static DURATION_OK_NEXT: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::DURATION_OK_NEXT.iter().copied()));
static DURATION_YEAR_PREFIXES: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::DURATION_YEAR_PREFIXES.iter().copied()));
static FREQUENCY_PERIODS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::FREQUENCY_PERIODS.iter().copied()));
static RANK_CLAUSE_WORDS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::RANK_CLAUSE_WORDS.iter().copied()));
static BARE_NUMBER_NEXT_VERBS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::BARE_NUMBER_NEXT_VERBS.iter().copied()));
static CN_SET_PHRASES: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::CN_SET_PHRASES.iter().copied()));
static CN_ABSTRACT_AFTER: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::CN_ABSTRACT_AFTER.iter().copied()));
static SESSION_AFTER: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::SESSION_AFTER.iter().copied()));
static METRIC_TIME_WORDS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_TIME_WORDS.iter().copied()));
static METRIC_CUT_AFTER: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_CUT_AFTER.iter().copied()));
static METRIC_LEADING_FILLERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_LEADING_FILLERS.iter().copied()));
static METRIC_LEADING_GUARDS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_LEADING_GUARDS.iter().copied()));
static METRIC_TRAILING_FILLERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_TRAILING_FILLERS.iter().copied()));
static METRIC_TRAILING_GUARDS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_TRAILING_GUARDS.iter().copied()));
static METRIC_TIME_OPENERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_TIME_OPENERS.iter().copied()));
/// `lx::METRIC_INNER_FILLERS` as char slices, in list order.
static METRIC_INNER_FILLERS: LazyLock<Vec<Box<[char]>>> = LazyLock::new(|| {
    lx::METRIC_INNER_FILLERS
        .iter()
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().collect())
        .collect()
});

/// The first characters of [`METRIC_INNER_FILLERS`]: one look per character of a metric says
/// whether any filler can start there.
static METRIC_INNER_FILLER_STARTS: LazyLock<CharFilter> = LazyLock::new(|| {
    let mut starts = CharFilter::default();
    for f in METRIC_INNER_FILLERS.iter() {
        starts.insert(f[0]);
    }
    starts
});

/// `lx::MONEY_CONTEXT_WORDS` in one automaton: a clause is read once, not once per word.
static MONEY_CONTEXT: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(lx::MONEY_CONTEXT_WORDS)
        .expect("the money context words compile")
});

static UNIT_BLOCKER_PAIRS: LazyLock<HashSet<(char, char), FnvBuild>> = LazyLock::new(|| {
    lx::UNIT_WORD_BLOCKERS
        .iter()
        .filter_map(|w| {
            let mut it = w.chars();
            Some((it.next()?, it.next()?))
        })
        .collect()
});

// ---------------------------------------------------------------------------------------------
// The body with its protected spans

struct Text<'a> {
    body: &'a str,
    chars: Vec<char>,
    /// Byte offset in `body` of each character, and of the end: spans become `&str`
    /// slices (copied, not re-encoded char by char).
    byte_at: Vec<usize>,
    /// Characters inside 《》, quotes, document numbers, URLs and e-mail addresses.
    protected: Vec<bool>,
}

/// Buffers of a thread's previous `Text`, reused for the next document: each report needs
/// several times its size in `char`s, and fresh memory for each one costs page faults.
/// Buffers grown by a huge document are not kept.
type TextBuffers = (Vec<char>, Vec<usize>, Vec<bool>);
const KEEP_BUFFER_CHARS: usize = 1 << 20;
thread_local! {
    static TEXT_BUFFERS: std::cell::Cell<TextBuffers> = const { std::cell::Cell::new((Vec::new(), Vec::new(), Vec::new())) };
}

impl<'a> Text<'a> {
    fn new(body: &'a str) -> Self {
        let (mut chars, mut byte_at, protected) = TEXT_BUFFERS.take();
        decode_chars(body, &mut chars, &mut byte_at);
        let protected = protect(&chars, protected);
        Text {
            body,
            chars,
            byte_at,
            protected,
        }
    }

    /// The characters `from..to` as the body spells them.
    fn str(&self, from: usize, to: usize) -> &'a str {
        &self.body[self.byte_at[from]..self.byte_at[to]]
    }
}

impl Drop for Text<'_> {
    fn drop(&mut self) {
        if self.chars.capacity() <= KEEP_BUFFER_CHARS {
            let chars = std::mem::take(&mut self.chars);
            let byte_at = std::mem::take(&mut self.byte_at);
            let protected = std::mem::take(&mut self.protected);
            TEXT_BUFFERS.set((chars, byte_at, protected));
        }
    }
}

/// The characters of `body` into `chars` and their byte offsets (then the body's length)
/// into `byte_at`, both cleared first. A body has at most as many chars as bytes: room for
/// that is reserved once and the values written into it directly, with no capacity check per
/// char and no zeroing first (zeroing a buffer sized by bytes cost four bytes per body byte,
/// twelve per Chinese character).
fn decode_chars(body: &str, chars: &mut Vec<char>, byte_at: &mut Vec<usize>) {
    chars.clear();
    chars.reserve(body.len());
    byte_at.clear();
    byte_at.reserve(body.len() + 1);
    let mut n = 0;
    for ((char_slot, byte_slot), (b, c)) in chars
        .spare_capacity_mut()
        .iter_mut()
        .zip(byte_at.spare_capacity_mut().iter_mut())
        .zip(body.char_indices())
    {
        char_slot.write(c);
        byte_slot.write(b);
        n += 1;
    }
    // SAFETY: the loop above initialised the first `n` slots of both spare capacities, and
    // `n` is at most either capacity (zip stops at the shortest side).
    unsafe {
        chars.set_len(n);
        byte_at.set_len(n);
    }
    byte_at.push(body.len());
}

fn protect(chars: &[char], mut p: Vec<bool>) -> Vec<bool> {
    let n = chars.len();
    p.clear();
    p.resize(n, false);
    let classes: &[u8] = &CLASSES;
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let cl = class_in(classes, c);
        if cl & (CLASS_PROTECT_OPEN | CLASS_ASCII_ALNUM) == 0 {
            i += 1;
            continue;
        }
        if cl & CLASS_PROTECT_OPEN != 0 {
            if let Some(end) = protected_span_end(chars, i) {
                p[i..=end].iter_mut().for_each(|x| *x = true);
                i = end + 1;
                continue;
            }
        } else {
            // URLs and e-mail addresses: one token of URL characters.
            let mut j = i;
            while j < n && class_in(classes, chars[j]) & (CLASS_ASCII_ALNUM | CLASS_URL_PUNCT) != 0
            {
                j += 1;
            }
            let token = &chars[i..j];
            let is_email = token
                .iter()
                .position(|&c| c == '@')
                .is_some_and(|at| token[at..].contains(&'.'));
            if is_email || lx::URL_PREFIXES.iter().any(|p| starts_ascii_ci(token, p)) {
                p[i..j].iter_mut().for_each(|x| *x = true);
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    p
}

/// Whether the ASCII `token` starts with the lowercase `prefix`, ignoring ASCII case.
fn starts_ascii_ci(token: &[char], prefix: &str) -> bool {
    token.len() >= prefix.chars().count()
        && prefix
            .chars()
            .zip(token)
            .all(|(p, c)| c.to_ascii_lowercase() == p)
}

/// End (inclusive) of the protected span opened at `i`, if its closing mark is near enough.
fn protected_span_end(chars: &[char], i: usize) -> Option<usize> {
    let c = chars[i];
    if lx::DOC_NUMBER_OPENERS.contains(&c) {
        // 〔2023〕5号: only digits, brackets and spaces up to 号.
        let limit = (i + 1 + lx::DOC_NUMBER_MAX_CHARS).min(chars.len());
        for (j, &d) in chars.iter().enumerate().take(limit).skip(i + 1) {
            if d == lx::DOC_NUMBER_CLOSE {
                return Some(j);
            }
            if !(is_digit(d) || is_space(d) || matches!(d, '〕' | '］' | ']' | '第' | '-')) {
                return None;
            }
        }
        return None;
    }
    let &(_, close, max) = lx::PROTECTED_PAIRS.iter().find(|(open, _, _)| *open == c)?;
    let limit = (i + max).min(chars.len().saturating_sub(1));
    (i + 1..=limit)
        .take_while(|&j| chars[j] != '\n')
        .find(|&j| chars[j] == close)
}

// ---------------------------------------------------------------------------------------------
// Scanning

/// What opened the clause a number stands in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opener {
    Start,
    Punct(char),
    PreviousFact,
}

/// A number accepted as a fact, before the metric, sentence and section are attached.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    value: f64,
    unit: Option<String>,
    value_normalized: f64,
    unit_normalized: &'static str,
    kind: QuantityKind,
    qualifier: Qualifier,
    value_high: Option<f64>,
    clause_start: usize,
    opener: Opener,
    sentence_start: usize,
}

/// Where the clause and the sentence of the current position begin.
#[derive(Debug, Clone, Copy)]
struct Context {
    clause_start: usize,
    opener: Opener,
    sentence_start: usize,
}

/// A unit found after a number.
struct UnitHit {
    info: UnitInfo,
    /// The unit as printed when it is not the text from `start` to `end` (`百分之…`).
    printed: Option<&'static str>,
    /// The unit in simplified characters, for the checks.
    simplified: &'static str,
    start: usize,
    end: usize,
}

struct Scanner<'a> {
    t: &'a Text<'a>,
}

/// The number after the prefix qualifier: where its span and value come from.
struct Amount {
    value: Decimal,
    multiplier: u128,
    multiplier_text: String,
    infix: Option<Qualifier>,
}

impl Scanner<'_> {
    fn chars(&self) -> &[char] {
        &self.t.chars
    }

    fn run(&self) -> Vec<Found> {
        let chars = self.chars();
        let n = chars.len();
        let mut out: Vec<Found> = Vec::new();
        let mut clause_start = 0;
        let mut opener = Opener::Start;
        let mut sentence_start = 0;
        let classes: &[u8] = &CLASSES;
        let mut i = 0;
        while i < n {
            let c = chars[i];
            let cl = class_in(classes, c);
            if cl == 0 || self.t.protected[i] {
                i += 1;
                continue;
            }
            if cl & (CLASS_SENTENCE | CLASS_CLAUSE) != 0 {
                clause_start = i + 1;
                opener = Opener::Punct(c);
                if cl & CLASS_SENTENCE != 0 {
                    sentence_start = i + 1;
                }
                i += 1;
                continue;
            }
            let is_number_start = cl & CLASS_DIGIT != 0
                || (cl & CLASS_CN_NUMERAL != 0
                    && (i == 0 || class_in(classes, chars[i - 1]) & CLASS_CN_NUMERAL == 0));
            if !is_number_start {
                i += 1;
                continue;
            }
            let ctx = match out.last() {
                Some(prev) if prev.end > clause_start => Context {
                    clause_start: prev.end,
                    opener: Opener::PreviousFact,
                    sentence_start,
                },
                _ => Context {
                    clause_start,
                    opener,
                    sentence_start,
                },
            };
            let result = if cl & CLASS_DIGIT != 0 {
                self.arabic(i, ctx)
            } else {
                self.chinese(i, ctx)
            };
            match result {
                Ok(found) => {
                    i = found.end;
                    out.push(found);
                }
                Err(resume) => i = resume.max(i + 1),
            }
        }
        out
    }

    fn skip_spaces(&self, mut k: usize) -> usize {
        let chars = self.chars();
        let mut skipped = 0;
        while k < chars.len() && is_space(chars[k]) && skipped < 3 {
            k += 1;
            skipped += 1;
        }
        k
    }

    /// Index of the last non-space character before `pos`, not before `floor`.
    fn prev_non_space(&self, pos: usize, floor: usize) -> Option<usize> {
        let chars = self.chars();
        let mut k = pos;
        while k > floor {
            k -= 1;
            if !is_space(chars[k]) {
                return Some(k);
            }
        }
        None
    }

    /// The unit printed at `k`, unless the character belongs to a longer word (`座谈`,
    /// `项目`) or lies in a protected span.
    fn unit_at(&self, k: usize) -> Option<UnitHit> {
        let chars = self.chars();
        if k >= chars.len() || self.t.protected[k] {
            return None;
        }
        let (def, len) = match_unit_def(chars, k)?;
        let end = k + len;
        if let Some(&next) = chars.get(end) {
            if UNIT_BLOCKER_PAIRS.contains(&(to_simplified(chars[end - 1]), to_simplified(next))) {
                return None;
            }
        }
        Some(UnitHit {
            info: UnitInfo {
                normalized: def.normalized,
                factor: def.factor,
                kind: def.kind,
            },
            printed: None,
            simplified: def.printed,
            start: k,
            end,
        })
    }

    /// Reads the infix qualifier (`余`/`多`), the multipliers (`万`, `千万`) and again an infix
    /// qualifier (`5万余人`) after a number ending at `k`; returns the position after them.
    fn read_amount_tail(
        &self,
        value: Decimal,
        mut k: usize,
        allow_multipliers: bool,
    ) -> (Amount, usize) {
        let chars = self.chars();
        let mut amount = Amount {
            value,
            multiplier: 1,
            multiplier_text: String::new(),
            infix: None,
        };
        let infix_at = |k: usize| {
            chars
                .get(k)
                .and_then(|c| lx::INFIX_QUALIFIERS.iter().find(|(q, _)| q == c))
                .map(|(_, q)| *q)
        };
        let after_space = self.skip_spaces(k);
        if let Some(q) = infix_at(after_space) {
            amount.infix = Some(q);
            k = after_space + 1;
        }
        if allow_multipliers {
            for _ in 0..3 {
                let Some(&c) = chars.get(k) else { break };
                let Some(m) = arabic_multiplier(c) else { break };
                // `千米`, `万元`, `亿元` are units that start with a multiplier.
                if self.unit_at(k).is_some_and(|u| u.end - u.start > 1) {
                    break;
                }
                amount.multiplier = amount.multiplier.saturating_mul(m as u128);
                amount.multiplier_text.push(c);
                k += 1;
            }
            if amount.infix.is_none() && amount.multiplier > 1 {
                if let Some(q) = infix_at(k) {
                    amount.infix = Some(q);
                    k += 1;
                }
            }
        }
        (amount, k)
    }

    /// Qualifier printed before the number (`约`, `近`, `超`): its start and kind.
    fn prefix_qualifier(&self, num_start: usize, floor: usize) -> (usize, Option<Qualifier>) {
        let chars = self.chars();
        let k = if num_start > floor && is_space(chars[num_start - 1]) {
            num_start - 1
        } else {
            num_start
        };
        if PREFIX_QUALIFIER_BLOCKERS.any_ending_at(chars, k) {
            return (num_start, None);
        }
        // The longest word, of equally long ones the first listed (`不超过` before `超过`).
        let word = PREFIX_QUALIFIERS
            .ending_at(chars, k)
            .filter(|w| k >= floor + w.len() && !self.t.protected[k - w.len()])
            .max_by_key(|w| (w.len(), std::cmp::Reverse(w.index)));
        match word {
            Some(w) => (k - w.len(), Some(lx::PREFIX_QUALIFIERS[w.index].1)),
            None => (num_start, None),
        }
    }

    /// Qualifier printed after the unit (`以上`, `左右`): its end and kind.
    fn postfix_qualifier(&self, end: usize) -> (usize, Option<Qualifier>) {
        let chars = self.chars();
        if POSTFIX_QUALIFIER_BLOCKERS.any_starting_at(chars, end) {
            return (end, None);
        }
        // The first listed word that matches.
        match POSTFIX_QUALIFIERS
            .starting_at(chars, end)
            .min_by_key(|w| w.index)
        {
            Some(w) => (end + w.len(), Some(lx::POSTFIX_QUALIFIERS[w.index].1)),
            None => (end, None),
        }
    }

    /// A duration is a measured length of time only when the clause ends after it or it is
    /// followed by `内`, `以内`, `办结` …; otherwise it names something (`24小时值班制度`).
    fn duration_is_measured(&self, after: usize) -> bool {
        let chars = self.chars();
        let k = self.skip_spaces(after);
        match chars.get(k) {
            None => true,
            Some(&c) if is_break(c) => true,
            Some(_) => DURATION_OK_NEXT.any_starting_at(chars, k),
        }
    }

    /// Whether a duration word (`连续`, `历时`, `提前`) stands right before the number at `i`
    /// or before its prefix qualifier: the duration is then a measured length of time.
    fn duration_prefixed(&self, i: usize, floor: usize) -> bool {
        let chars = self.chars();
        let (qual_start, _) = self.prefix_qualifier(i, floor);
        DURATION_YEAR_PREFIXES.any_ending_at(chars, qual_start)
            || DURATION_YEAR_PREFIXES.any_ending_at(chars, i)
    }

    /// A count of repeated events after `每` + a period in its clause is a frequency
    /// (`每年开展1次`, `以每两月1次频次`, `每年集中学习不少于2次`), and a `位`/`名` after a
    /// ranking word is a rank (`排位由53位升至47位`): neither is a fact.
    fn is_frequency_or_rank(&self, i: usize, floor: usize, unit: &str) -> bool {
        let chars = self.chars();
        let frequency = lx::FREQUENCY_UNITS.contains(&unit);
        let rank = lx::RANK_UNITS.contains(&unit);
        if !(frequency || rank) {
            return false;
        }
        let from = floor.max(i.saturating_sub(lx::FREQUENCY_LOOKBACK)).min(i);
        if rank {
            return (from..i).any(|k| RANK_CLAUSE_WORDS.any_starting_at(chars, k));
        }
        (from..i).any(|k| {
            if chars[k] != lx::FREQUENCY_EACH {
                return false;
            }
            let mut j = k + 1;
            while j < i && (is_cn_numeral_char(chars[j]) || is_digit(chars[j])) {
                j += 1;
            }
            if j < i && to_simplified(chars[j]) == '个' {
                j += 1;
            }
            j < i && FREQUENCY_PERIODS.any_starting_at(chars, j)
        })
    }

    fn clause_mentions_money(&self, ctx: &Context, pos: usize) -> bool {
        let from = ctx
            .clause_start
            .max(pos.saturating_sub(lx::METRIC_BEFORE_MAX));
        MONEY_CONTEXT.is_match(self.t.str(from, pos))
    }

    /// An Arabic number at `i`. `Err(resume)` when it is not a fact.
    fn arabic(&self, i: usize, ctx: Context) -> Result<Found, usize> {
        let chars = self.chars();
        let n = chars.len();
        let scan = scan_arabic(chars, i).ok_or(i + 1)?;
        let skip = scan.end;
        // Left context: 5G-like tokens, date and version parts, ordinals.
        if i > 0 {
            let prev = chars[i - 1];
            if prev.is_ascii_alphabetic() {
                return Err(skip);
            }
            if lx::DIGIT_JOINERS.contains(&prev) && i >= 2 && is_digit(chars[i - 2]) {
                return Err(skip);
            }
        }
        let prev_ns = self
            .prev_non_space(i, ctx.clause_start.min(i))
            .map(|k| chars[k]);
        if prev_ns.is_some_and(|c| lx::ARABIC_ORDINAL_PREFIXES.contains(&c)) {
            return Err(skip);
        }
        // Codes: a leading zero, or more digits than any count (phones, ids, ICP numbers).
        if scan.leading_zero || (scan.int_digits >= 11 && !scan.grouped) {
            return Err(skip);
        }
        // Dates, times and versions: 2023.11.30, 2023/12/14, 17:16:02.
        if let (Some(&c), Some(&d)) = (chars.get(skip), chars.get(skip + 1)) {
            if matches!(c, '.' | '．' | ':' | '：' | '/') && is_digit(d) {
                let mut k = skip;
                while k < n
                    && (is_digit(chars[k]) || matches!(chars[k], '.' | '．' | ':' | '：' | '/'))
                {
                    k += 1;
                }
                return Err(k);
            }
        }
        // A range `10-20人`, `3至5天`.
        if let Some(&sep) = chars.get(skip) {
            if lx::RANGE_SEPARATORS.contains(&sep) {
                return self.arabic_range(i, &scan, ctx);
            }
        }
        let (amount, k) = self.read_amount_tail(scan.value, skip, true);
        let unit_pos = self.skip_spaces(k);
        let Some(unit) = self.unit_at(unit_pos) else {
            return self.arabic_without_unit(i, &scan, amount, k, ctx);
        };
        let year_like = amount.multiplier == 1
            && !scan.has_fraction
            && scan.int_digits == 4
            && (lx::YEAR_MIN as f64..=lx::YEAR_MAX as f64).contains(&scan.value.to_f64());
        match unit.simplified {
            u if u == lx::YEAR_UNIT => {
                if year_like {
                    return Err(unit.end);
                }
                let (qual_start, _) = self.prefix_qualifier(i, ctx.clause_start);
                let prefix_ok = DURATION_YEAR_PREFIXES.any_ending_at(chars, qual_start)
                    || DURATION_YEAR_PREFIXES.any_ending_at(chars, i);
                if !prefix_ok {
                    return Err(unit.end);
                }
            }
            u if lx::DAY_UNITS.contains(&u) && prev_ns == Some(lx::MONTH_CHAR) => {
                return Err(unit.end)
            }
            _ => {}
        }
        if unit.info.kind == QuantityKind::Duration
            && !self.duration_is_measured(unit.end)
            && !self.duration_prefixed(i, ctx.clause_start)
        {
            return Err(unit.end);
        }
        if prev_ns == Some(lx::RANK_PREFIX) && lx::RANK_UNITS.contains(&unit.simplified) {
            return Err(unit.end);
        }
        if self.is_frequency_or_rank(i, ctx.clause_start, unit.simplified) {
            return Err(unit.end);
        }
        Ok(self.finish(i, amount, Some(unit), unit_pos, None, ctx))
    }

    /// `10-20人`: both ends share the unit (and a multiplier printed after the second).
    fn arabic_range(
        &self,
        i: usize,
        first: &crate::normalize::ArabicScan,
        ctx: Context,
    ) -> Result<Found, usize> {
        let chars = self.chars();
        let skip = first.end;
        let second_start = self.skip_spaces(skip + 1);
        let Some(second) = scan_arabic(chars, second_start) else {
            return Err(skip);
        };
        if second.leading_zero {
            return Err(skip);
        }
        let (amount, k) = self.read_amount_tail(second.value, second.end, true);
        let unit_pos = self.skip_spaces(k);
        let Some(unit) = self.unit_at(unit_pos) else {
            return Err(skip);
        };
        // Year ranges (2021-2025年) and anything that is not an amount.
        if lx::CALENDAR_UNITS.contains(&unit.simplified)
            || unit.info.kind == QuantityKind::Duration && !self.duration_is_measured(unit.end)
        {
            return Err(unit.end);
        }
        let low = first.value.to_f64();
        let high = second.value.to_f64();
        if high < low {
            return Err(skip);
        }
        if self.is_frequency_or_rank(i, ctx.clause_start, unit.simplified) {
            return Err(unit.end);
        }
        let high_norm = second
            .value
            .checked_mul(amount.multiplier)
            .map(|d| d.times(unit.info.factor));
        let low_amount = Amount {
            value: first.value,
            ..amount
        };
        let mut found = self.finish(i, low_amount, Some(unit), unit_pos, high_norm, ctx);
        found.qualifier = Qualifier::Range;
        Ok(found)
    }

    /// A number with no unit: money when a bare 万/亿 follows in a money clause, a unit-less
    /// count when the measure word was plainly lost (`发布宣传信息200加强…`), else not a fact.
    fn arabic_without_unit(
        &self,
        i: usize,
        scan: &crate::normalize::ArabicScan,
        amount: Amount,
        k: usize,
        ctx: Context,
    ) -> Result<Found, usize> {
        let chars = self.chars();
        if amount.multiplier > 1 && self.clause_mentions_money(&ctx, i) {
            return Ok(self.finish(i, amount, None, k, None, ctx));
        }
        let bare = amount.multiplier == 1
            && amount.infix.is_none()
            && !scan.has_fraction
            && scan.int_digits <= 6
            && scan.value.to_f64() >= lx::BARE_NUMBER_MIN
            && !(scan.int_digits == 4
                && (lx::YEAR_MIN as f64..=lx::YEAR_MAX as f64).contains(&scan.value.to_f64()))
            && i > 0
            && is_cjk(chars[i - 1])
            && chars.get(scan.end).is_some_and(|&c| is_cjk(c))
            && BARE_NUMBER_NEXT_VERBS.any_starting_at(chars, scan.end);
        if bare {
            return Ok(self.finish(i, amount, None, scan.end, None, ctx));
        }
        Err(scan.end)
    }

    /// A Chinese numeral starting at `i` (or `百分之…`). `Err(resume)` when it is not a fact.
    fn chinese(&self, i: usize, ctx: Context) -> Result<Found, usize> {
        let chars = self.chars();
        let n = chars.len();
        if starts_with_at(chars, i, crate::lexicon::units::PERCENT_WORD_PREFIX) {
            if let Some(found) = self.chinese_percent(i, ctx) {
                return Ok(found);
            }
        }
        if starts_with_at(chars, i, lx::HALF_WORD) {
            if let Some(found) = self.half(i, ctx) {
                return Ok(found);
            }
        }
        // `连续三年`, `提前一年`: a length of time even after 前 and with a lone 一.
        let duration_prefixed = self.duration_prefixed(i, ctx.clause_start);
        let mut r = i;
        while r < n
            && (is_cn_numeral_char(chars[r])
                || (is_cn_point(chars[r])
                    && r > i
                    && chars.get(r + 1).is_some_and(|&c| is_cn_numeral_char(c))))
        {
            r += 1;
        }
        let run = &chars[i..r];
        if i > 0 {
            let prev = chars[i - 1];
            if is_digit(prev)
                || prev.is_ascii_alphanumeric()
                || (lx::CN_NUMERAL_PREFIX_TRAPS.contains(&to_simplified(prev))
                    && !duration_prefixed)
            {
                return Err(r);
            }
            // The second end of a range `三至五天` is not a count of its own.
            if lx::RANGE_SEPARATORS.contains(&prev) && i >= 2 && is_cn_numeral_char(chars[i - 2]) {
                return Err(r);
            }
        }
        // 二〇二三 (years), 三五 (set phrases); a lone 百/千/万/亿 is idiomatic (百日, 千家万户).
        let lone_place_value =
            run.len() == 1 && cn_digit_value(run[0]).is_none() && !matches!(run[0], '十' | '拾');
        if is_digit_by_digit(run) {
            return Err(r);
        }
        if CN_SET_PHRASES.any_starting_at(chars, i) {
            return Err(r);
        }
        let value = parse_chinese_numeral(run).ok_or(r)?;
        let (amount, k) = self.read_amount_tail(value, r, false);
        // A lone 百/千/万 counts only as a rough amount (`百余场`, `近千人`); otherwise it is
        // idiomatic (`百日攻坚`, `千家万户`).
        if lone_place_value
            && amount.infix.is_none()
            && self.prefix_qualifier(i, ctx.clause_start).1.is_none()
        {
            return Err(r);
        }
        let unit_pos = self.skip_spaces(k);
        let unit = self.unit_at(unit_pos).ok_or(r)?;
        let after = unit.end;
        let simplified = unit.simplified;
        let measured_duration = duration_prefixed && unit.info.kind == QuantityKind::Duration;
        let lone_one = run.len() == 1 && value == Decimal::integer(1);
        if lone_one && !lx::CN_ONE_COUNT_UNITS.contains(&simplified) && !measured_duration {
            return Err(after);
        }
        if lx::CALENDAR_UNITS.contains(&simplified)
            && !(measured_duration && simplified == lx::YEAR_UNIT)
        {
            return Err(after);
        }
        if unit.info.kind == QuantityKind::Duration
            && !self.duration_is_measured(after)
            && !measured_duration
        {
            return Err(after);
        }
        let next = chars.get(after).copied();
        // `两` is a cardinal only (`两期`, `两轮`); `分七期`, `共三批` count phases.
        let cardinal = run == [lx::CN_CARDINAL_TWO]
            || i.checked_sub(1)
                .is_some_and(|k| lx::CN_ORDINAL_COUNT_PREFIXES.contains(&chars[k]));
        if lx::CN_ORDINAL_PRONE_UNITS.contains(&simplified)
            && next.is_some_and(|c| !is_break(c))
            && !cardinal
        {
            return Err(after);
        }
        // `一村一警`, `三桥四路` (set phrases), `七台河` (places), `两个“一以贯之”` (slogans);
        // but `十个村`, `两轮县级会议` are counts.
        let place_safe = cardinal || lx::CN_PLACE_SAFE_UNITS.contains(&simplified);
        if next.is_some_and(|c| {
            is_cn_numeral_char(c)
                || (lx::CN_PLACE_AFTER.contains(&c) && !place_safe)
                || lx::CN_SLOGAN_OPENERS.contains(&c)
        }) {
            return Err(after);
        }
        if CN_ABSTRACT_AFTER.any_starting_at(chars, after) {
            return Err(after);
        }
        if unit.info.kind == QuantityKind::Money && value.times(unit.info.factor) < lx::CN_MONEY_MIN
        {
            return Err(after);
        }
        if simplified == lx::SESSION_UNIT
            && SESSION_AFTER.any_starting_at(chars, self.after_session_list(after))
            && chars[i.saturating_sub(lx::SESSION_LOOKBACK)..i].contains(&lx::SESSION_TERM)
        {
            return Err(after);
        }
        if self.is_frequency_or_rank(i, ctx.clause_start, simplified) {
            return Err(after);
        }
        Ok(self.finish(i, amount, Some(unit), unit_pos, None, ctx))
    }

    /// After `五次` in `五次、六次全会`: the position after the listed sessions that follow.
    fn after_session_list(&self, mut after: usize) -> usize {
        let chars = self.chars();
        for _ in 0..lx::SESSION_LIST_MAX {
            if chars.get(after) != Some(&lx::LIST_SEPARATOR) {
                break;
            }
            let mut k = after + 1;
            while k < chars.len() && is_cn_numeral_char(chars[k]) {
                k += 1;
            }
            let session = k > after + 1
                && chars
                    .get(k)
                    .is_some_and(|&c| lx::SESSION_UNIT.starts_with(to_simplified(c)));
            if !session {
                break;
            }
            after = k + 1;
        }
        after
    }

    /// `一半` → 50 %, when a qualifier or a clause end marks it as an amount (`压缩一半以上`,
    /// `近一半`).
    fn half(&self, i: usize, ctx: Context) -> Option<Found> {
        let chars = self.chars();
        let end = i + lx::HALF_WORD.chars().count();
        let (_, prefix_q) = self.prefix_qualifier(i, ctx.clause_start);
        let (_, post_q) = self.postfix_qualifier(end);
        let at_break = chars.get(end).is_none_or(|&c| is_break(c));
        if prefix_q.is_none() && post_q.is_none() && !at_break {
            return None;
        }
        let unit = UnitHit {
            info: crate::normalize::unit_info("%")?,
            printed: Some(lx::HALF_WORD),
            simplified: "%",
            start: i,
            end,
        };
        let amount = Amount {
            value: Decimal::integer(lx::HALF_PERCENT),
            multiplier: 1,
            multiplier_text: String::new(),
            infix: None,
        };
        Some(self.finish(i, amount, Some(unit), end, None, ctx))
    }

    /// `百分之八十七点五` → 87.5 %.
    fn chinese_percent(&self, i: usize, ctx: Context) -> Option<Found> {
        let chars = self.chars();
        let prefix_len = crate::lexicon::units::PERCENT_WORD_PREFIX.chars().count();
        let start = i + prefix_len;
        let mut r = start;
        while r < chars.len()
            && (is_cn_numeral_char(chars[r])
                || is_digit(chars[r])
                || (is_cn_point(chars[r])
                    && r > start
                    && chars.get(r + 1).is_some_and(|&c| is_cn_numeral_char(c)))
                || (matches!(chars[r], '.' | '．')
                    && r > start
                    && chars.get(r + 1).is_some_and(|&c| is_digit(c))))
        {
            r += 1;
        }
        let printed = self.t.str(start, r);
        let value = crate::normalize::parse_decimal(printed)?;
        let info = crate::normalize::unit_info("%")?;
        let unit = UnitHit {
            info,
            printed: Some(crate::lexicon::units::PERCENT_WORD_PREFIX),
            simplified: "%",
            start: i,
            end: r,
        };
        let amount = Amount {
            value,
            multiplier: 1,
            multiplier_text: String::new(),
            infix: None,
        };
        let mut found = self.finish(i, amount, Some(unit), r, None, ctx);
        found.end = found.end.max(r);
        Some(found)
    }

    /// Builds the fact: qualifiers, span, normalized value.
    fn finish(
        &self,
        num_start: usize,
        amount: Amount,
        unit: Option<UnitHit>,
        unit_pos: usize,
        value_high: Option<f64>,
        ctx: Context,
    ) -> Found {
        let chars = self.chars();
        let (start, prefix_q) = self.prefix_qualifier(num_start, ctx.clause_start);
        let raw_end_before_post = match &unit {
            Some(u) => u.end,
            None => {
                // no unit: the span ends after the number and its multiplier/infix
                let mut e = unit_pos;
                while e > num_start && is_space(chars[e - 1]) {
                    e -= 1;
                }
                e
            }
        };
        let (end, post_q) = if unit.is_some() {
            self.postfix_qualifier(raw_end_before_post)
        } else {
            (raw_end_before_post, None)
        };
        let qualifier = prefix_q
            .or(amount.infix)
            .or(post_q)
            .unwrap_or(Qualifier::Exact);
        let scaled = amount.value.checked_mul(amount.multiplier);
        let (unit_printed, unit_normalized, kind, factor) = match &unit {
            Some(u) => (
                Some(unit_as_printed(&amount.multiplier_text, u, chars)),
                u.info.normalized,
                u.info.kind,
                u.info.factor,
            ),
            None if amount.multiplier > 1 => (
                Some(amount.multiplier_text.clone()),
                "元",
                QuantityKind::Money,
                1.0,
            ),
            None => (None, "", QuantityKind::Count, 1.0),
        };
        let value_normalized = match scaled {
            Some(d) => d.times(factor),
            None => amount.value.to_f64() * amount.multiplier as f64 * factor,
        };
        Found {
            start,
            end,
            value: amount.value.to_f64(),
            unit: unit_printed,
            value_normalized,
            unit_normalized,
            kind,
            qualifier,
            value_high,
            clause_start: ctx.clause_start,
            opener: ctx.opener,
            sentence_start: ctx.sentence_start,
        }
    }
}

/// The unit of a fact as printed: the multipliers, then the unit.
fn unit_as_printed(multipliers: &str, unit: &UnitHit, chars: &[char]) -> String {
    let mut s = String::with_capacity(multipliers.len() + 4 * (unit.end - unit.start));
    s.push_str(multipliers);
    match unit.printed {
        Some(printed) => s.push_str(printed),
        None => s.extend(&chars[unit.start..unit.end]),
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Metric, sentence, section, as-of date

/// What a fact may borrow from the previous one in its sentence (parallel clauses
/// `解决8家…、5家…`).
#[derive(Clone, Copy)]
struct Previous<'a> {
    metric: Option<&'a str>,
    /// The words before a number that precedes its noun (`解决` in `解决8家医疗机构`).
    lead: Option<&'a str>,
    /// The noun after that number (`医疗机构的医患纠纷`), empty when it has none.
    noun: &'a str,
}

fn assemble(
    text: &Text,
    mut found: Vec<Found>,
    sections: &[Section],
    dates: &[DateMention],
) -> Vec<Fact> {
    let chars = &text.chars;
    let mut as_of: Vec<(usize, NaiveDate)> = dates
        .iter()
        .filter(|d| d.role == DateRole::AsOf)
        .filter_map(|d| Some((d.char_start?, d.date)))
        .collect();
    as_of.sort();
    let mut section_order: Vec<usize> = (0..sections.len()).collect();
    section_order.sort_by_key(|&k| (sections[k].char_start, sections[k].level));
    let mut next_section = 0;
    let mut active: Vec<usize> = Vec::new();
    // The last sentence read: its start, its end and the fact that holds its text.
    let mut sentence_cache: Option<(usize, usize, usize)> = None;
    // The previous fact's sentence start, lead words and noun (see `Previous`).
    let mut prev_sentence_start: Option<usize> = None;
    let mut prev_lead: Option<String> = None;
    let mut prev_noun = String::new();
    // Reused by the metric cleaning, which edits a copy of the text.
    let mut scratch: Vec<char> = Vec::new();
    let mut facts: Vec<Fact> = Vec::with_capacity(found.len());

    for idx in 0..found.len() {
        let f = &found[idx];
        // sentence
        let (s_start, s_end, sentence) = match sentence_cache {
            Some((s, e, holder)) if s == f.sentence_start && f.end <= e => {
                let holder: &Fact = &facts[holder];
                (s, e, holder.sentence.clone())
            }
            _ => {
                let e = sentence_end(text, f.end);
                let sentence: std::sync::Arc<str> = text.str(f.sentence_start, e).trim().into();
                sentence_cache = Some((f.sentence_start, e, idx));
                (f.sentence_start, e, sentence)
            }
        };
        // metric
        let next_start = found.get(idx + 1).map_or(chars.len(), |g| g.start);
        let same_sentence_prev =
            (prev_sentence_start == Some(f.sentence_start)).then(|| Previous {
                metric: facts.last().and_then(|g| g.metric.as_deref()),
                lead: prev_lead.as_deref(),
                noun: &prev_noun,
            });
        let prev_end = idx.checked_sub(1).map_or(0, |k| found[k].end);
        let (metric, lead, noun) = metric_of(
            text,
            f,
            prev_end,
            next_start,
            same_sentence_prev,
            &mut scratch,
        );
        // section: the deepest open one
        while next_section < section_order.len()
            && sections[section_order[next_section]].char_start <= f.start
        {
            active.push(section_order[next_section]);
            next_section += 1;
        }
        active.retain(|&k| sections[k].char_end > f.start);
        let section_id = active
            .iter()
            .max_by_key(|&&k| (sections[k].level, sections[k].char_start))
            .map(|&k| sections[k].section_id);
        // as-of date in the same sentence
        let first = as_of.partition_point(|(pos, _)| *pos < s_start);
        let as_of_date = as_of
            .get(first)
            .filter(|(pos, _)| *pos < s_end)
            .map(|(_, d)| *d);

        facts.push(Fact {
            fact_id: idx as i32 + 1,
            section_id,
            raw: text.str(f.start, f.end).to_string(),
            value: f.value,
            unit: None, // moved from `found` below, once `f` is no longer read
            value_normalized: f.value_normalized,
            unit_normalized: f.unit_normalized.into(),
            quantity_kind: f.kind,
            qualifier: f.qualifier,
            value_high: f.value_high,
            metric,
            indicator: None,
            breakdown_of: None,
            as_of_date,
            sentence,
            char_start: f.start,
            char_end: f.end,
        });
        prev_sentence_start = Some(f.sentence_start);
        prev_lead = lead;
        prev_noun = noun;
        facts[idx].unit = found[idx].unit.take();
    }
    distribute_respectively(text, &found, &mut facts);
    facts
}

/// `A、B同比分别下降17.7%、12.5%`: a metric with `分别` and a list of as many subjects as the
/// facts listed after it gives each fact its own subject, with the comparison word that ends
/// the last subject and the verb after `分别` (`A同比下降`, `B同比下降`).
fn distribute_respectively(text: &Text, found: &[Found], facts: &mut [Fact]) {
    let chars = &text.chars;
    let mut i = 0;
    while i < facts.len() {
        let split = facts[i].metric.as_deref().and_then(|m| {
            let at = m.find(lx::METRIC_RESPECTIVELY)?;
            Some((
                m[..at].to_string(),
                m[at + lx::METRIC_RESPECTIVELY.len()..].to_string(),
            ))
        });
        let Some((subjects, verb)) = split else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < facts.len()
            && found[j].sentence_start == found[i].sentence_start
            && chars[found[j - 1].end..found[j].start]
                .iter()
                .all(|&c| is_space(c) || lx::LIST_WORD_CHARS.contains(&c))
        {
            j += 1;
        }
        let items: Vec<&str> = subjects.split(lx::LIST_SEPARATOR).collect();
        if j - i >= 2 && items.len() == j - i && items.iter().all(|s| !s.is_empty()) {
            let last = items[items.len() - 1];
            let comparative = lx::METRIC_COMPARATIVES
                .iter()
                .find(|c| last.len() > c.len() && last.ends_with(*c))
                .copied()
                .unwrap_or("");
            for (n, item) in items.iter().enumerate() {
                let item = item.strip_suffix(comparative).unwrap_or(item);
                facts[i + n].metric = Some(format!("{item}{comparative}{verb}"));
            }
        }
        i = j;
    }
}

/// End of the sentence holding position `from`: after its closing mark (a line break is not
/// included).
fn sentence_end(text: &Text, from: usize) -> usize {
    let chars = &text.chars;
    let mut k = from;
    while k < chars.len() {
        let c = chars[k];
        if class(c) & CLASS_SENTENCE != 0 && !text.protected[k] {
            return if c == '\n' || c == '\r' { k } else { k + 1 };
        }
        k += 1;
    }
    chars.len()
}

/// The metric of a fact; when the number precedes its noun, also the lead words before it and
/// the noun.
fn metric_of(
    text: &Text,
    f: &Found,
    prev_end: usize,
    next_start: usize,
    prev: Option<Previous>,
    scratch: &mut Vec<char>,
) -> (Option<String>, Option<String>, String) {
    let chars = &text.chars;
    let floor = f.start.saturating_sub(lx::METRIC_BEFORE_MAX).max(prev_end);
    let mut from = f.clause_start.max(floor).min(f.start);
    // `派发、张贴宣传单张近5万份`, `主持召开专题会议、班子会、推进会4次`: a list of subjects or
    // verbs sharing one number (no earlier fact in it) belongs to the metric.
    if f.opener == Opener::Punct(lx::LIST_SEPARATOR) {
        from = list_start(text, from, floor).unwrap_or(from);
    }
    let (mut before, enumeration) = clean_before(&chars[from..f.start], scratch);
    let after = noun_after(text, f, next_start, scratch);
    let number_first = !after.is_empty();
    if number_first && !before.is_empty() {
        before = link_to_noun(&chars[from..f.start], before);
    }
    // `(5部)` alone in brackets counts what precedes the bracket: `汇总习近平法治思想(5部)`.
    if before.is_empty() && !number_first {
        if let Some(words) = bracketed_subject(text, f, scratch) {
            before = words;
        }
    }
    // `实现188项涉企经营事项、13项证明和85项申请材料`: the text between two facts is the
    // previous one's noun, so the number is one more item of the same list (it ends with a
    // list word) or of a chain of counts (`12个盟市46个委办厅局`, a short noun between);
    // `43座商务楼宇分配给29位经济楼长` is neither.
    let follows_counted_noun = f.opener == Opener::PreviousFact
        && prev.is_some_and(|p| !p.noun.is_empty())
        && joins_counts(&chars[f.clause_start.min(f.start)..f.start]);
    if follows_counted_noun {
        before.clear();
    }
    let listed_after = f.opener == Opener::Punct(lx::LIST_SEPARATOR) || follows_counted_noun;
    let (metric, lead) = if number_first {
        let metric = if enumeration || (listed_after && !before.is_empty()) {
            // `A、B等4个专项债项目`, `…、清廉文化5个区块`: the number counts the noun after it.
            after.clone()
        } else if before.is_empty() {
            match prev.and_then(|p| p.lead) {
                Some(lead) if listed_after => format!("{lead}{after}"),
                _ => after.clone(),
            }
        } else {
            format!("{before}{after}")
        };
        let lead = if !before.is_empty() {
            Some(before)
        } else if listed_after {
            prev.and_then(|p| p.lead).map(str::to_string)
        } else {
            None
        };
        (metric, lead)
    } else if before.is_empty() {
        let metric = prev.and_then(|p| p.metric).map(str::to_string);
        (metric.unwrap_or_default(), None)
    } else {
        (before, None)
    };
    ((!metric.is_empty()).then_some(metric), lead, after)
}

/// The cleaned words before a number that precedes its noun, with the link that joined them
/// to it (`在内的`) and without the quoted names the number counts
/// (`开展“A”“B”“C”三项改革` → `开展`).
fn link_to_noun(raw: &[char], mut before: String) -> String {
    if before.ends_with('”') {
        let mut trimmed = before.as_str();
        let mut names = 0;
        while let Some(open) = trimmed.strip_suffix('”').and_then(|t| t.rfind('“')) {
            trimmed = &trimmed[..open];
            names += 1;
        }
        // one quoted name is the object itself (`聚焦“防、救、新”三件事`)
        if names >= 2 && !trimmed.is_empty() {
            return trimmed.to_string();
        }
    }
    let link = raw
        .iter()
        .rev()
        .find(|&&c| !is_space(c))
        .filter(|c| lx::METRIC_KEPT_LINKS.contains(c));
    if let Some(&c) = link {
        if !before.ends_with(c) {
            before.push(c);
        }
    }
    before
}

/// Whether the text between two facts joins them as items of one list (it ends with `、`,
/// `和`, `及`, `与`) or as a chain of counts (a noun of at most `METRIC_CHAIN_NOUN_MAX`
/// characters: `7个方面58项措施`).
fn joins_counts(between: &[char]) -> bool {
    let last = between.iter().rev().find(|&&c| !is_space(c));
    last.is_some_and(|c| lx::LIST_WORD_CHARS.contains(c))
        || between.iter().filter(|&&c| !is_space(c)).count() <= lx::METRIC_CHAIN_NOUN_MAX
}

/// The words before the bracket that holds a fact alone (`汇总习近平法治思想(5部)`,
/// `优秀单位(17个)`): back to the previous break.
fn bracketed_subject(text: &Text, f: &Found, scratch: &mut Vec<char>) -> Option<String> {
    let chars = &text.chars;
    let open = f.clause_start.checked_sub(1)?;
    let closed = chars.get(f.end).is_some_and(|&c| matches!(c, ')' | '）'));
    if !(matches!(chars[open], '(' | '（') && closed) {
        return None;
    }
    let floor = open.saturating_sub(lx::METRIC_BEFORE_MAX);
    let mut k = open;
    while k > floor && (text.protected[k - 1] || !is_break(chars[k - 1])) {
        k -= 1;
    }
    let (words, _) = clean_before(&chars[k..open], scratch);
    (!words.is_empty()).then_some(words)
}

/// Start of the `、`-separated list that ends at `from`: back to the previous other break.
/// `None` when an earlier fact (or the length limit `floor`) comes first: the `、` then
/// separates facts (`开具现场执法文书2842份、责令整改通知书1334份`).
fn list_start(text: &Text, from: usize, floor: usize) -> Option<usize> {
    let chars = &text.chars;
    let mut k = from;
    while k > floor {
        let c = chars[k - 1];
        if is_break(c) && c != lx::LIST_SEPARATOR && !text.protected[k - 1] {
            return Some(k);
        }
        k -= 1;
    }
    (k == 0).then_some(0)
}

/// The noun right after a count (`开展3次学法活动` → `学法活动`), up to the clause end or the
/// next fact; empty when the number does not precede a noun.
fn noun_after(text: &Text, f: &Found, next_start: usize, scratch: &mut Vec<char>) -> String {
    if f.kind != QuantityKind::Count || f.unit.is_none() {
        return String::new();
    }
    let chars = &text.chars;
    let first = chars.get(f.end).copied();
    if !first.is_some_and(|c| is_cjk(c) || c == '“') {
        return String::new();
    }
    let limit = next_start
        .min(f.end + lx::METRIC_AFTER_MAX)
        .min(chars.len());
    let mut e = f.end;
    while e < limit {
        let c = chars[e];
        // a short aside inside the noun: `22个村(社区)网格`
        if matches!(c, '(' | '（') {
            let close = (e + 1..limit.min(e + 8)).find(|&j| matches!(chars[j], ')' | '）'));
            if let Some(j) = close.filter(|&j| chars[e + 1..j].iter().all(|&d| is_cjk(d))) {
                e = j + 1;
                continue;
            }
        }
        if (is_break(c) || is_digit(c)) && !text.protected[e] {
            break;
        }
        e += 1;
    }
    // `宣讲5次等多种形式`: the number closes an enumeration, it precedes no noun.
    if starts_with_at(chars, f.end, lx::METRIC_ENUMERATION_END) {
        return String::new();
    }
    let words = scratch;
    words.clear();
    words.extend_from_slice(&chars[f.end..e]);
    remove_inner_fillers(words);
    strip_trailing(words, &METRIC_TRAILING_FILLERS);
    trim_edges(words);
    collect(words)
}

/// Cleans the clause text before a number into a metric: drops the time phrase and what
/// precedes it, fillers at both ends and inner totals (`共计`); reports a final `等`.
fn clean_before(chars: &[char], scratch: &mut Vec<char>) -> (String, bool) {
    let s = scratch;
    s.clear();
    s.extend_from_slice(chars);
    trim_edges(s);
    let (phrase_start, cut) = cut_position(s);
    s.drain(..cut);
    let mut enumeration = clean_words(s);
    // `办理企业诉求截至10月共165条`, `占全区比重由2015年的20.3%`: the time phrase ends the
    // clause text, and the metric is what comes before it.
    if s.is_empty() && phrase_start > 0 {
        s.extend_from_slice(chars);
        trim_edges(s);
        s.truncate(phrase_start);
        while let Some(w) = METRIC_TIME_OPENERS
            .ending_at(s, s.len())
            .map(Word::len)
            .max()
        {
            s.truncate(s.len() - w);
        }
        enumeration = clean_words(s);
    }
    (collect(s), enumeration)
}

/// The fillers and edges of the words before a number; reports (and drops) a final `等`.
fn clean_words(s: &mut Vec<char>) -> bool {
    remove_inner_fillers(s);
    trim_edges(s);
    let enumeration = ends_with_at(s, s.len(), lx::METRIC_ENUMERATION_END);
    if enumeration {
        s.truncate(s.len() - lx::METRIC_ENUMERATION_END.chars().count());
    }
    strip_leading(s);
    strip_trailing(s, &METRIC_TRAILING_FILLERS);
    trim_edges(s);
    enumeration
}

/// Where the last time phrase (`2023年`, `今年以来`, `截至目前`) or cut word (`仅`) starts
/// and the position after it.
fn cut_position(s: &[char]) -> (usize, usize) {
    let (time_words, cut_after): (&WordIndex, &WordIndex) = (&METRIC_TIME_WORDS, &METRIC_CUT_AFTER);
    let mut cut = (0, 0);
    for j in 0..s.len() {
        if let Some(len) = time_words
            .longest_at(s, j)
            .or_else(|| cut_after.longest_at(s, j))
        {
            if j + len > cut.1 {
                cut = (j, j + len);
            }
        }
        if lx::METRIC_CALENDAR_CHARS.contains(&s[j])
            && j > 0
            && (is_digit(s[j - 1]) || cn_digit_value(s[j - 1]).is_some())
        {
            let mut e = j + 1;
            if s.get(e)
                .is_some_and(|&c| lx::CALENDAR_SUFFIXES.contains(&c))
            {
                e += 1;
            }
            if e > cut.1 {
                let mut start = j - 1;
                while start > 0
                    && (is_digit(s[start - 1]) || cn_digit_value(s[start - 1]).is_some())
                {
                    start -= 1;
                }
                cut = (start, e);
            }
        }
    }
    (cut.0.min(s.len()), cut.1.min(s.len()))
}

fn remove_inner_fillers(s: &mut Vec<char>) {
    // Most metrics hold none: one look at each char for a filler's first char says so.
    let starts: &CharFilter = &METRIC_INNER_FILLER_STARTS;
    if !s.iter().any(|&c| starts.may_contain(c)) {
        return;
    }
    for f in METRIC_INNER_FILLERS.iter() {
        let mut j = 0;
        while j + f.len() <= s.len() {
            if s[j] == f[0] && s[j..j + f.len()] == f[..] {
                s.drain(j..j + f.len());
            } else {
                j += 1;
            }
        }
    }
    // A lone `共` inside (not first: `strip_leading` decides there), outside words.
    let mut j = 1;
    while j < s.len() {
        let lone_total = s[j] == lx::METRIC_INNER_TOTAL
            && !METRIC_LEADING_GUARDS.any_starting_at(s, j)
            && !METRIC_TRAILING_GUARDS.any_ending_at(s, j + 1);
        if lone_total {
            s.remove(j);
        } else {
            j += 1;
        }
    }
}

fn strip_leading(s: &mut Vec<char>) {
    loop {
        let before = s.len();
        let fits = |w: &Word| {
            let rest = s.len() - w.len();
            let fits = if lx::METRIC_VERB_FILLERS.contains(&w.text) {
                rest >= 3
            } else {
                rest >= 2 || rest == 0
            };
            let guarded = w.len() == 1 && METRIC_LEADING_GUARDS.any_starting_at(s, 0);
            fits && !guarded
        };
        let best = METRIC_LEADING_FILLERS
            .starting_at(s, 0)
            .filter(|w| fits(w))
            .map(Word::len)
            .max();
        if let Some(len) = best {
            s.drain(..len);
        }
        trim_edges(s);
        if s.len() == before {
            break;
        }
    }
}

fn strip_trailing(s: &mut Vec<char>, fillers: &WordIndex) {
    loop {
        let before = s.len();
        let end = s.len();
        let fits = |w: &Word| {
            let rest = end - w.len();
            let guarded = w.len() == 1 && METRIC_TRAILING_GUARDS.any_ending_at(s, end);
            !guarded && (!lx::METRIC_VERB_FILLERS.contains(&w.text) || rest >= 2)
        };
        // The longest, of equally long ones the last listed (as `max_by_key` picks).
        let best = fillers
            .ending_at(s, end)
            .filter(|w| fits(w))
            .max_by_key(|w| (w.len(), w.index))
            .map(Word::len);
        if let Some(len) = best {
            s.truncate(end - len);
        }
        trim_edges(s);
        if s.len() == before {
            break;
        }
    }
}

/// Trims spaces and clause punctuation at both ends (quotes are kept: they belong to names).
#[inline]
fn trim_edges(s: &mut Vec<char>) {
    let junk = |c: char| {
        is_space(c)
            || c.is_whitespace()
            || (is_break(c) && c != '（' && c != '(')
            || matches!(c, '）' | ')')
    };
    while s.last().is_some_and(|&c| junk(c)) {
        s.pop();
    }
    let lead = s
        .iter()
        .take_while(|&&c| junk(c) || matches!(c, '（' | '('))
        .count();
    if lead > 0 {
        s.drain(..lead);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_chars_reads_every_utf8_width() {
        let mut out = vec!['x'];
        let mut byte_at = vec![7];
        for body in [
            "",
            "abc",
            "罚款12.5万元",
            "é±€𠀀𝟘",
            "一是\n二是,100%。",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
        ] {
            decode_chars(body, &mut out, &mut byte_at);
            assert_eq!(out, body.chars().collect::<Vec<_>>(), "{body}");
            let mut offsets: Vec<usize> = body.char_indices().map(|(b, _)| b).collect();
            offsets.push(body.len());
            assert_eq!(byte_at, offsets, "{body}");
        }
    }
    proptest::proptest! {
        #[test]
        fn decode_chars_matches_char_indices_on_any_text(body in proptest::prelude::any::<String>()) {
            let (mut chars, mut byte_at) = (Vec::new(), Vec::new());
            decode_chars(&body, &mut chars, &mut byte_at);
            let want: Vec<(usize, char)> = body.char_indices().collect();
            proptest::prop_assert_eq!(chars.len(), want.len());
            for (k, &(b, c)) in want.iter().enumerate() {
                proptest::prop_assert_eq!((byte_at[k], chars[k]), (b, c));
            }
            proptest::prop_assert_eq!(byte_at.last().copied(), Some(body.len()));
        }
    }

    use crate::model::{DatePrecision, SectionKind};

    fn extract(body: &str) -> Vec<Fact> {
        extract_facts(body, &[], &[])
    }

    fn raws(body: &str) -> Vec<String> {
        extract(body).into_iter().map(|f| f.raw).collect()
    }

    fn one(body: &str) -> Fact {
        let facts = extract(body);
        assert_eq!(
            facts.len(),
            1,
            "{body}: {:?}",
            facts.iter().map(|f| &f.raw).collect::<Vec<_>>()
        );
        facts.into_iter().next().unwrap()
    }

    #[test]
    fn word_index_matches_like_a_scan_of_the_list() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let index = WordIndex::new(["截至目前", "目前", "至今", "事项"]);
        let text = chars("截至目前至今");
        assert_eq!(index.longest_at(&text, 0), Some(4));
        assert_eq!(index.longest_at(&text, 2), Some(2));
        assert_eq!(index.longest_at(&text, 1), None);
        assert!(index.any_ending_at(&text, 6));
        assert!(index.any_ending_at(&text, 4));
        assert!(!index.any_ending_at(&text, 5));
        assert!(!index.any_starting_at(&text, 6));
        // traditional characters of the text match the simplified words, first and last
        let text = chars("項事項");
        assert!(index.any_ending_at(&text, 3));
        assert!(!index.any_ending_at(&text, 1));
        let index = WordIndex::new(["项目"]);
        assert!(index.any_starting_at(&chars("項目"), 0));
        // for every list word, the index agrees with `starts_with_at` / `ends_with_at`
        for list in [
            lx::METRIC_LEADING_FILLERS,
            lx::METRIC_TRAILING_GUARDS,
            lx::CN_SET_PHRASES,
        ] {
            let index = WordIndex::new(list.iter().copied());
            for w in list {
                let text = chars(&format!("x{w}y"));
                let end = text.len() - 1;
                assert!(index.any_starting_at(&text, 1) && starts_with_at(&text, 1, w));
                assert!(index.any_ending_at(&text, end) && ends_with_at(&text, end, w));
            }
        }
    }

    // ---- number forms -------------------------------------------------------------------

    #[test]
    fn arabic_counts_with_spaces_and_separators() {
        let f = one("开展治安巡逻 26 次、");
        assert_eq!(
            (f.raw.as_str(), f.value_normalized, &*f.unit_normalized),
            ("26 次", 26.0, "次")
        );
        assert_eq!(f.metric.as_deref(), Some("开展治安巡逻"));
        let f = one("全年累计清理占路经营10,339次,");
        assert_eq!(
            (f.value_normalized, f.metric.as_deref()),
            (10339.0, Some("清理占路经营"))
        );
        let f = one("持续推动同福路、南华路片区改造等4 个专项债项目立项");
        assert_eq!(
            (f.raw.as_str(), f.metric.as_deref()),
            ("4 个", Some("专项债项目立项"))
        );
        let f = one("检查各类场所４７０８３间次");
        assert_eq!((f.value_normalized, &*f.unit_normalized), (47083.0, "间次"));
    }

    #[test]
    fn decimals_and_money_multipliers() {
        let facts =
            extract("处理案件总数137宗,涉及金额337.1857万元,为223名员工追回欠薪231.2045万元。");
        let got: Vec<(f64, &str)> = facts
            .iter()
            .map(|f| (f.value_normalized, &*f.unit_normalized))
            .collect();
        assert_eq!(
            got,
            vec![
                (137.0, "宗"),
                (3371857.0, "元"),
                (223.0, "名"),
                (2312045.0, "元")
            ]
        );
        assert_eq!(facts[1].value, 337.1857);
        assert_eq!(facts[1].unit.as_deref(), Some("万元"));
        assert_eq!(facts[1].quantity_kind, QuantityKind::Money);
        assert_eq!(facts[2].metric.as_deref(), Some("员工追回欠薪"));
        let f = one("前三季度,五大行业GDP实绩40.39亿元,");
        assert_eq!(
            (f.value_normalized, f.metric.as_deref()),
            (4039000000.0, Some("五大行业GDP实绩"))
        );
        let f = one("总投资额近7000万元。");
        assert_eq!(
            (f.value_normalized, f.qualifier),
            (70_000_000.0, Qualifier::Approx)
        );
        assert_eq!(f.raw, "近7000万元");
        let f = one("派发、张贴宣传单张近5万份,");
        assert_eq!(
            (f.raw.as_str(), f.value_normalized, f.unit.as_deref()),
            ("近5万份", 50000.0, Some("万份"))
        );
        assert_eq!(f.value, 5.0);
        // bare 万 in a money clause
        let f = one("投入资金5万,用于");
        assert_eq!((f.value_normalized, &*f.unit_normalized), (50000.0, "元"));
        // a bare 万 elsewhere is not a fact
        assert!(extract("覆盖群众5万,").is_empty());
    }

    #[test]
    fn chinese_numerals_in_counting_use() {
        let f = one("全镇仅司法所一名干部取得法律职业资格;");
        assert_eq!(
            (f.raw.as_str(), f.value_normalized, &*f.unit_normalized),
            ("一名", 1.0, "名")
        );
        assert_eq!(f.metric.as_deref(), Some("司法所干部取得法律职业资格"));
        let f = one("组织两千余人参加");
        assert_eq!(
            (f.value_normalized, f.qualifier, &*f.unit_normalized),
            (2000.0, Qualifier::MoreThan, "人")
        );
        let f = one("举办培训十二场。");
        assert_eq!(f.value_normalized, 12.0);
        let f = one("投入一百零五万元,");
        assert_eq!(
            (f.value_normalized, &*f.unit_normalized),
            (1_050_000.0, "元")
        );
        let f = one("满意率达百分之八十七点五。");
        assert_eq!(
            (f.value_normalized, &*f.unit_normalized, f.quantity_kind),
            (87.5, "%", QuantityKind::Percent)
        );
        assert_eq!(f.raw, "百分之八十七点五");
        let f = one("建成两个调解室,");
        assert_eq!(f.value_normalized, 2.0);
        let f = one("开展普法活动百余场,");
        assert_eq!(
            (f.value_normalized, f.qualifier),
            (100.0, Qualifier::MoreThan)
        );
        let f = one("覆盖近千人。");
        assert_eq!(
            (f.value_normalized, f.qualifier),
            (1000.0, Qualifier::Approx)
        );
    }

    // ---- unit families ------------------------------------------------------------------

    #[test]
    fn unit_families() {
        let f = one("安置区约500亩,");
        assert_eq!(
            (&*f.unit_normalized, f.quantity_kind, f.qualifier),
            ("平方米", QuantityKind::Area, Qualifier::Approx)
        );
        assert!((f.value_normalized - 333333.35).abs() < 1e-6);
        let f = one("一期116.1亩,");
        assert!((f.value_normalized - 77400.00387).abs() < 1e-6);
        assert_eq!(f.metric.as_deref(), Some("一期"));
        let f = one("拆除面积18953.64平方米。");
        assert_eq!(
            (f.value_normalized, f.quantity_kind),
            (18953.64, QuantityKind::Area)
        );
        assert_eq!(one("整治河道3.5公里,").value_normalized, 3500.0);
        assert_eq!(one("面积2平方公里,").value_normalized, 2e6);
        assert_eq!(one("清运垃圾12吨,").unit_normalized, "千克");
        assert_eq!(one("清运垃圾12吨,").value_normalized, 12000.0);
        let f = one("办理时限压缩至5个工作日。");
        assert_eq!(
            (&*f.unit_normalized, f.quantity_kind),
            ("天", QuantityKind::Duration)
        );
        let f = one("同比增速7.8%。");
        assert_eq!(
            (f.value_normalized, f.quantity_kind),
            (7.8, QuantityKind::Percent)
        );
        let f = one("满意度提高2.5个百分点。");
        assert_eq!(
            (&*f.unit_normalized, f.quantity_kind),
            ("个百分点", QuantityKind::PercentagePoint)
        );
        assert_eq!(one("群众满意率 97％,").unit_normalized, "%");
        assert_eq!(one("受理事項12項,").unit_normalized, "项");
        assert_eq!(one("投入資金3萬元,").value_normalized, 30000.0);
        let f = one("社区宣传栏刊播各类宣传内容1500余幅次,");
        assert_eq!(
            (&*f.unit_normalized, f.qualifier),
            ("幅次", Qualifier::MoreThan)
        );
        assert_eq!(one("开具现场执法文书2842份、").unit_normalized, "份");
        assert_eq!(one("出动执法队员182人次,").unit_normalized, "人次");
    }

    // ---- qualifiers ---------------------------------------------------------------------

    #[test]
    fn qualifiers() {
        let q = |s: &str| one(s).qualifier;
        assert_eq!(q("排查化解矛盾纠纷 100 余起。"), Qualifier::MoreThan);
        assert_eq!(one("排查化解矛盾纠纷 100 余起。").raw, "100 余起");
        assert_eq!(q("参课镇村干部3500多人次。"), Qualifier::MoreThan);
        assert_eq!(q("接待群众超14000人次,"), Qualifier::MoreThan);
        assert_eq!(one("接待群众超14000人次,").raw, "超14000人次");
        assert_eq!(q("累计接待来电来访事项107余件,"), Qualifier::MoreThan);
        assert_eq!(q("约200人次,"), Qualifier::Approx);
        assert_eq!(q("培训200人左右。"), Qualifier::Approx);
        assert_eq!(one("培训200人左右。").raw, "200人左右");
        assert_eq!(q("开展检查3次以上。"), Qualifier::MoreThan);
        assert_eq!(q("覆盖逾300户。"), Qualifier::MoreThan);
        assert_eq!(q("用时不足3小时。"), Qualifier::LessThan);
        assert_eq!(q("案件不到10件。"), Qualifier::LessThan);
        assert_eq!(q("将近50家企业参与,"), Qualifier::Approx);
        // 节约 is not 约; 仅 is not a qualifier
        assert_eq!(q("节约3万元。"), Qualifier::Exact);
        let f = one("每期培训3至5天。");
        assert_eq!(
            (f.qualifier, f.value_normalized, f.value_high),
            (Qualifier::Range, 3.0, Some(5.0))
        );
        assert_eq!(f.raw, "3至5天");
        let f = one("每组10-20人,");
        assert_eq!((f.qualifier, f.value_high), (Qualifier::Range, Some(20.0)));
        assert_eq!(one("每组3~5人,").value_high, Some(5.0));
        // 以上率下 is an idiom, not "more than"
        assert_eq!(q("开展学习4次,以上率下"), Qualifier::Exact);
        assert_eq!(q("学习4次以上率下"), Qualifier::Exact);
    }

    // ---- traps --------------------------------------------------------------------------

    #[test]
    fn dates_and_years_are_not_facts() {
        for s in [
            "2024年,小营街道深入学习",
            "于2023年3月获“广州市第二批法治镇街”称号",
            "截止12月3日,",
            "小营街道办事处2024年度重大行政决策事项",
            "回顾2024年以来的工作",
            "7月份,召开半年度法治政府建设工作汇报会",
            "发布日期:2023-12-14 17:16:02",
            "2023.11.30",
            "二〇二三年十一月三十日",
            "《法治浙江建设规划(2021-2025)》",
            "2021-2025年",
            "11月19日,对全街",
        ] {
            assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
        }
    }

    #[test]
    fn document_numbers_titles_and_quotes_are_not_facts() {
        for s in [
            "金文〔2023〕5号",
            "《国务院关于加强法治政府建设的意见》(国发〔2010〕33号)",
            "(国发〔201033号)、国务院《法治政府建设实施纲要(20152020年)》",
            "粤ICP备05083207号-1",
            "44010502000066号",
            "参照《杭州市老旧小区住宅加装电梯马市街社区大王庙巷1-2单元》决策事项",
            "持续建强“1个矛调中心、12个社区调解委员会、N个特色解纷站点”,",
            "紧密围绕省委“1310”具体部署和市委“1312”思路举措",
            "统筹“1+3+N”网格团队力量",
            "结合“3.15”消费者权益保护日、“12.4”宪法日等",
            "严格落实\"三项制度\"要求",
            "联系电话:022-23196661",
            "邮箱 hpxbl@tj.gov.cn 网址 http://www.tjhp.gov.cn/2020/1.html",
            "邮编300040",
        ] {
            assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
        }
    }

    #[test]
    fn set_phrases_ordinals_and_names_are_not_facts() {
        for s in [
            "党的二十大和二十届三中全会",
            "十四五规划",
            "“七五”普法",
            "推动5G无人机执法场景应用",
            "一是进一步压实领导责任。二是进一步健全组织保障。七是推进重点场所整治",
            "履行推进法治建设第一责任人职责",
            "获“广州市第二批法治镇街”称号",
            "每月推出一期社区律师的以案说法",
            "(一)夯实基础",
            "一方面,进一步整合;另一方面,进一步探索",
            "一核多点全覆盖,三桥四路统发展",
            "实行普法工作组织绩效和个人绩效双考核",
            "完善安商暖企三级工作机制",
            "发挥街道、社区两级议事协商平台作用",
            "五大行业GDP",
            "电动自行车综合整治百日攻坚行动",
            "前三季度,",
            "每周一交办,下周一分管领导组织会商",
            "重大时间节点 24 小时值班制度",
            "完成五年违法建设专项治理的全部任务",
            "2020年十三届全国人大三次会议表决通过",
            "践行四个全面,加强依法治国",
            "通过网民留言、舆情跟进、12345热线平台等筛选出社会热点问题",
            "对8890市民热线反映的问题及时处理",
            "取得了一定成效,还存在一些薄弱环节",
            "提供快捷、透明、便民、高效的一站式综合服务",
            "加强党对法治建设的统一领导",
            "打造一支政治强、作风硬、业务精的政府法治工作队伍",
            "一批重复信访投诉案件得到推进解决",
            "作为全市试点街道之一",
            "让每一位领导干部",
            "是社会治理的重要一环",
            "组织开展一系列活动",
            "中央八项规定精神",
            "第三方驻点律师",
            "千家万户",
            "七台河市",
            "在三元里街道",
            "近些年来,街道先后经历了几次大规模的土地征收",
            "在辖区主要道路两侧",
            "一岗双责",
            "以下几点",
            "坚持两个“毫不动摇”",
            "实现五个一批",
            "近三年来",
            "5年来",
            "7×24小时服务不打烊",
            "十四届全国人大一次会议",
            "PM2.5浓度",
            "(2023)粤0105民初1234号",
            "2023年1-11月",
            "数十次",
        ] {
            assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
        }
    }

    #[test]
    fn frequencies_are_not_counts() {
        for s in [
            "镇政府每年开展1次规范性文件清理工作",
            "以每两月1次的频次开展集中学法",
            "领导班子每年集中学法不少于 3次。",
            "每季度召开2次联席会议",
            "每个月组织1-2次法律咨询",
            "每半年开展一次执法检查",
        ] {
            assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
        }
        // `每` without a period, or in another clause, does not make a frequency
        assert_eq!(raws("走访每个社区,开展宣传12次"), vec!["12次"]);
        assert_eq!(raws("为每户发放手册,全年发放3000份"), vec!["3000份"]);
    }

    #[test]
    fn ranks_are_not_counts() {
        for s in [
            "全区在全市的排名由上年的12位上升至5位",
            "综合位次前移至第8位",
            "考核排位列全省35位",
        ] {
            assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
        }
        assert_eq!(raws("现有执业律师53位"), vec!["53位"]);
    }

    #[test]
    fn listed_sessions_are_not_counts() {
        assert!(raws("认真落实十一届区委四次、五次全会部署").is_empty());
        assert!(raws("贯彻十届县委三次、四次、五次全体会议精神").is_empty());
    }

    #[test]
    fn chinese_counts_before_places_and_phases() {
        let got: Vec<(String, f64)> = extract(
            "在辖区八个村和两个社区设置法治宣传栏,分五期开展培训,经过两轮区级会议审定,明确了四个方面重点任务,细分为六方面工作。",
        )
        .into_iter()
        .map(|f| (f.raw, f.value_normalized))
        .collect();
        let want = [
            ("八个", 8.0),
            ("两个", 2.0),
            ("五期", 5.0),
            ("两轮", 2.0),
            ("四个", 4.0),
            ("六方面", 6.0),
        ];
        let want: Vec<(String, f64)> = want.iter().map(|(r, v)| (r.to_string(), *v)).collect();
        assert_eq!(got, want);
        // ordinals and place names stay out
        for s in ["二期工程顺利完工", "七台河市", "五家渠市", "一方面加强学习"]
        {
            assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
        }
    }

    #[test]
    fn durations_after_a_duration_word() {
        let f = one("该区连续12年在全市依法行政考核中获评优秀等次");
        assert_eq!((f.value_normalized, &*f.unit_normalized), (4380.0, "天"));
        let f = one("提前一年实现主要目标");
        assert_eq!((f.raw.as_str(), f.value_normalized), ("一年", 365.0));
        let f = one("连续三年获评先进单位");
        assert_eq!(f.value_normalized, 1095.0);
        // periods and names stay out
        for s in ["近三年来", "实施三年行动计划", "一年来,全镇上下", "5年来"] {
            assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
        }
    }

    #[test]
    fn durations_before_a_shortest_or_reduced_time() {
        let facts = extract("办理时限由原来的3-5天最短压缩至30分钟,");
        let got: Vec<(&str, f64, &str)> = facts
            .iter()
            .map(|f| (f.raw.as_str(), f.value_normalized, &*f.unit_normalized))
            .collect();
        assert_eq!(got, vec![("3-5天", 3.0, "天"), ("30分钟", 0.5, "小时")]);
        assert_eq!(facts[0].qualifier, Qualifier::Range);
    }

    #[test]
    fn half_is_fifty_percent() {
        let f = one("审批时间均压缩一半以上。");
        assert_eq!(
            (
                f.raw.as_str(),
                f.value_normalized,
                &*f.unit_normalized,
                f.qualifier
            ),
            ("一半以上", 50.0, "%", Qualifier::MoreThan)
        );
        let f = one("结案数占近一半,");
        assert_eq!((f.value_normalized, f.qualifier), (50.0, Qualifier::Approx));
        assert!(raws("一半时间用于学习").is_empty());
    }

    #[test]
    fn hotline_names_inside_a_fact() {
        let facts = extract(
            "2023年以来,办结12345平台工单5571条,办结率100%,不满意工单数为486条,不满意率为8.7%。",
        );
        let got: Vec<&str> = facts.iter().map(|f| f.raw.as_str()).collect();
        assert_eq!(got, vec!["5571条", "100%", "486条", "8.7%"]);
        assert_eq!(facts[0].metric.as_deref(), Some("办结12345平台工单"));
        assert_eq!(facts[2].metric.as_deref(), Some("不满意工单数"));
        let f = one("共办结“12345”市长热线 45 件、");
        assert_eq!(f.metric.as_deref(), Some("办结“12345”市长热线"));
    }

    #[test]
    fn unit_less_count_when_the_measure_word_was_lost() {
        let f = one("媒体和平台发布宣传信息200加强街道中心工作");
        assert_eq!(
            (f.raw.as_str(), &*f.unit_normalized, f.unit.as_deref()),
            ("200", "", None)
        );
        assert_eq!(f.quantity_kind, QuantityKind::Count);
        assert!(f.metric.as_deref().unwrap().ends_with("发布宣传信息"));
        // other bare numbers stay out
        assert!(raws("完成200项目建设").iter().all(|r| r != "200"));
        assert!(raws("设立87个网格、216微网格").iter().all(|r| r != "216"));
    }

    // ---- breakdowns and metrics ---------------------------------------------------------

    #[test]
    fn breakdown_in_parentheses() {
        let facts = extract(
            "今年以来,共计立案查处390件(其中简易程序110件,普通程序280件、立案撤销8件),实施行政强制措施8件,共处罚款金额136161元,执结率87.5%,按期办结率100%,公示率98.3%。",
        );
        let got: Vec<(&str, Option<&str>)> = facts
            .iter()
            .map(|f| (f.raw.as_str(), f.metric.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("390件", Some("立案查处")),
                ("110件", Some("简易程序")),
                ("280件", Some("普通程序")),
                ("8件", Some("立案撤销")),
                ("8件", Some("实施行政强制措施")),
                ("136161元", Some("处罚款金额")),
                ("87.5%", Some("执结率")),
                ("100%", Some("按期办结率")),
                ("98.3%", Some("公示率")),
            ]
        );
    }

    #[test]
    fn metric_falls_back_to_the_shared_verb_object() {
        let facts = extract("截至目前共依法拆除违法建设101处,167间,5136.5平方米,完成进度100%,完成五年违法建设专项治理的全部任务。");
        let got: Vec<(&str, Option<&str>)> = facts
            .iter()
            .map(|f| (f.raw.as_str(), f.metric.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("101处", Some("依法拆除违法建设")),
                ("167间", Some("依法拆除违法建设")),
                ("5136.5平方米", Some("依法拆除违法建设")),
                ("100%", Some("完成进度")),
            ]
        );
        let facts = extract("设立87个网格、 216个微网格,");
        let got: Vec<Option<&str>> = facts.iter().map(|f| f.metric.as_deref()).collect();
        assert_eq!(got, vec![Some("设立网格"), Some("设立微网格")]);
        assert_eq!(facts[1].raw, "216个");
        let facts = extract("出版宣传栏4期60栏。");
        assert_eq!(facts[1].metric.as_deref(), Some("出版宣传栏"));
        let facts = extract("解决8家医疗机构的医患纠纷、5家养老机构的养老服务纠纷。");
        assert_eq!(facts[0].metric.as_deref(), Some("解决医疗机构的医患纠纷"));
        assert!(facts[1]
            .metric
            .as_deref()
            .unwrap()
            .starts_with("解决养老机构的养老服务纠纷"));
        let f = one("街道举办社区调解员系列培训专题讲座11场,");
        assert_eq!(
            f.metric.as_deref(),
            Some("街道举办社区调解员系列培训专题讲座")
        );
        let f = one("党工委理论学习中心组开展3次学法活动,");
        assert_eq!(
            f.metric.as_deref(),
            Some("党工委理论学习中心组开展学法活动")
        );
        let f = one("海幢街综合服务中心2023年接待群众超14000人次,");
        assert_eq!(f.metric.as_deref(), Some("接待群众"));
        let f = one("新增“四上”企业4间,");
        assert_eq!(f.metric.as_deref(), Some("新增“四上”企业"));
        let facts = extract("各科室、社区共计组织学法160余次。");
        assert_eq!(facts[0].metric.as_deref(), Some("各科室、社区组织学法"));
    }

    fn metrics(body: &str) -> Vec<String> {
        extract(body)
            .into_iter()
            .map(|f| f.metric.unwrap_or_default())
            .collect()
    }

    #[test]
    fn metric_drops_totals_and_self_references_inside() {
        assert_eq!(
            metrics("全年,司法所共参与镇党委会议12次。"),
            vec!["司法所参与镇党委会议"]
        );
        assert_eq!(
            metrics("公共法律服务站共接待来访群众120人次。"),
            vec!["公共法律服务站接待来访群众"]
        );
        assert_eq!(metrics("共同推进重点项目8个。"), vec!["共同推进重点项目"]);
        assert_eq!(
            metrics("梳理确认我区各类事项清单31个。"),
            vec!["梳理确认各类事项清单"]
        );
        assert_eq!(metrics("全区已有45名执业律师,"), vec!["全区执业律师"]);
    }

    #[test]
    fn metric_before_a_closing_time_phrase() {
        assert_eq!(metrics("办理群众诉求截至9月共120条,"), vec!["办理群众诉求"]);
        assert_eq!(
            metrics("执法覆盖率由2019年的60%提升至90%。")[0],
            "执法覆盖率"
        );
    }

    #[test]
    fn metric_of_a_number_before_its_noun() {
        // the link to the noun stays
        assert_eq!(
            metrics("整改督察发现的15个问题。"),
            vec!["整改督察发现的问题"]
        );
        // quoted names the number counts go; one quoted name is the object itself
        assert_eq!(
            metrics("开展“一网通办”“跨省通办”两项改革。"),
            vec!["开展改革"]
        );
        assert!(metrics("聚焦“防、控、救”三件事,")[0].starts_with("聚焦“防、控、救”"));
        // a closing enumeration is no noun
        assert_eq!(metrics("邀请专家宣讲3次等多种形式,"), vec!["邀请专家宣讲"]);
    }

    #[test]
    fn metric_of_a_count_alone_in_brackets() {
        assert_eq!(
            metrics("梳理法律(12部)、党内法规(30部)。"),
            vec!["梳理法律", "党内法规"]
        );
    }

    #[test]
    fn metric_of_lists_and_chains_of_counts() {
        // a verb between two counts: the second is no item of a list
        assert_eq!(
            metrics("将辖区30座楼宇分配给18位楼长负责。")[1],
            "楼宇分配给楼长负责"
        );
        // a short noun between two counts: a chain
        assert_eq!(
            metrics("对全区8个街道25个部门进行考核。")[1],
            "全区部门进行考核"
        );
    }

    #[test]
    fn metric_respectively_for_each_listed_subject() {
        assert_eq!(
            metrics("全区刑事案件、治安案件同比分别下降12.3%、8.1%。"),
            vec!["全区刑事案件同比下降", "治安案件同比下降"]
        );
        // a list that does not match the facts in number is left as it is
        assert_eq!(
            metrics("甲、乙、丙分别下降12.3%、8.1%。"),
            vec!["甲、乙、丙分别下降", "甲、乙、丙分别下降"]
        );
    }

    #[test]
    fn metric_keeps_words_that_only_look_like_fillers() {
        let f = one("全年共查处道路交通违法行为400余件次,");
        assert_eq!(f.metric.as_deref(), Some("查处道路交通违法行为"));
        let f = one("协助法庭有效化解疑难复杂案件2件。");
        assert_eq!(f.metric.as_deref(), Some("协助法庭有效化解疑难复杂案件"));
        let f = one("群众参与2000人次。");
        assert_eq!(f.metric.as_deref(), Some("群众参与"));
        let f = one("2023年共完成5家单位的审查。");
        assert_eq!(f.metric.as_deref(), Some("完成单位的审查"));
    }

    #[test]
    fn metric_of_lists() {
        let f = one("设置宣传广告牌、标语、墙字等20余处,");
        assert_eq!(f.metric.as_deref(), Some("设置宣传广告牌、标语、墙字"));
        let f = one("主持召开专题会议、班子会、推进会4次,");
        assert_eq!(
            f.metric.as_deref(),
            Some("主持召开专题会议、班子会、推进会")
        );
        let facts = extract("开具现场执法文书2842份、责令整改通知书1334份,");
        assert_eq!(facts[1].metric.as_deref(), Some("责令整改通知书"));
        let facts = extract("明确47项重点工作和156条具体清单任务。");
        assert_eq!(facts[1].metric.as_deref(), Some("明确具体清单任务"));
        let f = one("依托全镇22个村(社区)网格,");
        assert_eq!(f.metric.as_deref(), Some("依托全镇村(社区)网格"));
    }

    // ---- sentence, as-of date, section --------------------------------------------------

    #[test]
    fn as_of_date_applies_to_the_whole_sentence() {
        let body = "合法性审查。截止12月3日,共审查合同247份,重大行政决策事项1件,涉企帮扶类备忘录5件,其它涉法事务19件次,线上审查闭环率达100%。二是强化管理,完成3件。";
        let start = body.chars().position(|c| c == '截').unwrap();
        let date = NaiveDate::from_ymd_opt(2024, 12, 3).unwrap();
        let dates = vec![DateMention {
            date_id: 1,
            raw: "截止12月3日".into(),
            date,
            precision: DatePrecision::Day,
            role: DateRole::AsOf,
            char_start: Some(start + 2),
            char_end: Some(start + 7),
        }];
        let facts = extract_facts(body, &[], &dates);
        assert_eq!(facts.len(), 6);
        assert!(facts[..5].iter().all(|f| f.as_of_date == Some(date)));
        assert_eq!(facts[5].as_of_date, None);
        assert!(facts[0].sentence.starts_with("截止12月3日"));
        assert!(facts[0].sentence.ends_with("100%。"));
        assert_eq!(&*facts[5].sentence, "二是强化管理,完成3件。");
        // offsets are characters
        let chars: Vec<char> = body.chars().collect();
        for f in &facts {
            assert_eq!(
                chars[f.char_start..f.char_end].iter().collect::<String>(),
                f.raw
            );
        }
        let ids: Vec<i32> = facts.iter().map(|f| f.fact_id).collect();
        assert_eq!(ids, vec![1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn innermost_section_is_assigned() {
        let body = "一、成效\n(一)执法。立案5件。\n二、不足\n问题3个。";
        let len = body.chars().count();
        let section =
            |id: i32, parent: Option<i32>, level: i16, start: usize, end: usize| Section {
                section_id: id,
                parent_id: parent,
                level,
                kind: SectionKind::Heading,
                marker: String::new(),
                ordinal: id,
                heading: String::new(),
                section_type: None,
                char_start: start,
                char_end: end,
                text_bytes: 0..0,
            };
        let second = body.chars().position(|c| c == '二').unwrap();
        let sub = body.chars().position(|c| c == '(').unwrap();
        let sections = vec![
            section(1, None, 1, 0, second),
            section(2, Some(1), 2, sub, second),
            section(3, None, 1, second, len),
        ];
        let facts = extract_facts(body, &sections, &[]);
        let got: Vec<Option<i32>> = facts.iter().map(|f| f.section_id).collect();
        assert_eq!(got, vec![Some(2), Some(3)]);
        assert!(extract_facts(body, &[], &[])
            .iter()
            .all(|f| f.section_id.is_none()));
    }

    // ---- robustness ---------------------------------------------------------------------

    #[test]
    fn odd_inputs_do_not_panic() {
        let long_digits = "9".repeat(5000);
        let many_quotes = "“".repeat(3000);
        let many_brackets = "《〔".repeat(2000);
        let odd = [
            "",
            " ",
            "\n\n",
            "5",
            "一",
            "百分之",
            "百分之点",
            "3至",
            "3-",
            "-3",
            "约",
            "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０件",
            "99999999999999999999999999999999999999999999999999.5万亿元",
            "一万万万万万万万万万万万亿亿亿亿亿亿个",
            "\u{feff}\u{200b}3\u{0301}件",
            "𠀀𠀁3件𠀂",
            "〔〔〔号号号",
            "12,",
            "12,34",
            "1.",
            "．５件",
            long_digits.as_str(),
            many_quotes.as_str(),
            many_brackets.as_str(),
        ];
        for s in odd {
            let facts = extract_facts(s, &[], &[]);
            let chars: Vec<char> = s.chars().collect();
            for f in facts {
                assert!(f.char_start <= f.char_end && f.char_end <= chars.len());
                assert!(f.value_normalized.is_finite() || f.value_normalized.is_infinite());
            }
        }
        assert!(extract_facts("", &[], &[]).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn random_text_never_panics(s in "[0-9０-９一二两三十百千万亿余多约近超%％年月日件个次人元,，、。“”《》〔〕号 .\\-至a-z\\n]{0,60}") {
            let facts = extract_facts(&s, &[], &[]);
            let n = s.chars().count();
            for (k, f) in facts.iter().enumerate() {
                proptest::prop_assert!(f.char_start < f.char_end && f.char_end <= n);
                proptest::prop_assert_eq!(f.fact_id as usize, k + 1);
            }
        }
    }

    // ---- gold comparison on the five bodies ---------------------------------------------

    const BODIES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bodies");
    const GOLD_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/gold");

    /// Same normalization as the scorer's `norm_heading`: no spaces, no punctuation.
    fn strip_punct(s: &str) -> String {
        s.chars()
            .filter(|c| {
                !c.is_whitespace()
                    && !"\u{3000}#*`、，,。．.:：;；!！?？（）()【】[]“”\"'‘’《》<>—-–_/|丨"
                        .contains(*c)
            })
            .collect()
    }

    fn no_space(s: &str) -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"\u{3000}#*`".contains(*c))
            .collect()
    }

    #[derive(Default)]
    struct Score {
        gold: usize,
        pred: usize,
        matched: usize,
        qualifier_ok: usize,
        kind_ok: usize,
        metric_ok: usize,
        metric_n: usize,
    }

    #[test]
    fn gold_bodies_meet_quality_targets() {
        let mut names: Vec<String> = std::fs::read_dir(GOLD_DIR)
            .expect("gold directory")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        assert!(names.len() >= 5, "expected the five gold files");
        let mut score = Score::default();
        let mut log = Vec::new();
        for name in &names {
            let stem = name.trim_end_matches(".json");
            let gold: serde_json::Value = serde_json::from_str(
                &std::fs::read_to_string(format!("{GOLD_DIR}/{name}")).unwrap(),
            )
            .unwrap();
            let body = std::fs::read_to_string(format!("{BODIES_DIR}/{stem}.txt")).expect("body");
            let pred = extract_facts(&body, &[], &[]);
            let gold_facts = gold["facts"].as_array().cloned().unwrap_or_default();
            score.gold += gold_facts.len();
            score.pred += pred.len();
            let mut used = vec![false; pred.len()];
            for g in &gold_facts {
                let gv = g["value_normalized"].as_f64().unwrap();
                let gu = g["unit_normalized"].as_str().unwrap_or("");
                let graw = no_space(g["raw"].as_str().unwrap_or(""));
                let mut best = None;
                for (i, p) in pred.iter().enumerate() {
                    if used[i]
                        || p.unit_normalized != gu
                        || (p.value_normalized - gv).abs() > 1e-6 * gv.abs().max(1.0)
                    {
                        continue;
                    }
                    let same_raw = no_space(&p.raw) == graw;
                    if best.is_none() || same_raw {
                        best = Some(i);
                        if same_raw {
                            break;
                        }
                    }
                }
                let Some(i) = best else {
                    log.push(format!("{stem} missed: {} = {gv} {gu}", g["raw"]));
                    continue;
                };
                used[i] = true;
                let p = &pred[i];
                score.matched += 1;
                if g["qualifier"].as_str() == Some(p.qualifier.as_str()) {
                    score.qualifier_ok += 1;
                } else {
                    log.push(format!(
                        "{stem} qualifier: {} gold={} got={}",
                        g["raw"],
                        g["qualifier"],
                        p.qualifier.as_str()
                    ));
                }
                if g["quantity_kind"].as_str() == Some(p.quantity_kind.as_str()) {
                    score.kind_ok += 1;
                } else {
                    log.push(format!(
                        "{stem} kind: {} gold={} got={}",
                        g["raw"],
                        g["quantity_kind"],
                        p.quantity_kind.as_str()
                    ));
                }
                if let Some(gm) = g["metric"].as_str().filter(|m| !m.is_empty()) {
                    score.metric_n += 1;
                    let gm = strip_punct(gm);
                    let pm = strip_punct(p.metric.as_deref().unwrap_or(""));
                    if !pm.is_empty() && (gm.contains(&pm) || pm.contains(&gm)) {
                        score.metric_ok += 1;
                    } else {
                        log.push(format!("{stem} metric: {} gold={gm} got={pm}", g["raw"]));
                    }
                }
            }
            for (i, p) in pred.iter().enumerate() {
                if !used[i] {
                    log.push(format!(
                        "{stem} spurious: {} = {} {} | {}",
                        p.raw,
                        p.value_normalized,
                        p.unit_normalized,
                        p.sentence.chars().take(40).collect::<String>()
                    ));
                }
            }
        }
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let precision = ratio(score.matched, score.pred);
        let recall = ratio(score.matched, score.gold);
        let qualifier = ratio(score.qualifier_ok, score.matched);
        let kind = ratio(score.kind_ok, score.matched);
        let metric = ratio(score.metric_ok, score.metric_n);
        for line in &log {
            println!("{line}");
        }
        println!(
            "facts: gold {} pred {} matched {} | precision {:.3} recall {:.3} qualifier {:.3} kind {:.3} metric {:.3}",
            score.gold, score.pred, score.matched, precision, recall, qualifier, kind, metric
        );
        assert!(precision >= 0.95, "precision {precision:.3}");
        assert!(recall >= 0.95, "recall {recall:.3}");
        assert!(qualifier >= 0.95, "qualifier {qualifier:.3}");
        assert!(kind >= 0.98, "kind {kind:.3}");
        assert!(metric >= 0.80, "metric {metric:.3}");
    }
}
