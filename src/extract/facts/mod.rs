//! Numeric facts: every number of the cleaned body that reports a quantity, with its unit,
//! qualifier, normalized value and what it counts (the metric).
//!
//! One pass over the body's characters finds the numbers (Arabic, full-width, Chinese,
//! `百分之…`) outside protected spans (titles in 《》, quoted slogans and names, document
//! numbers, URLs and e-mails), reads the qualifier and unit around each and rejects the traps
//! (dates, ordinals, set phrases, names with digits). A second pass over the found facts adds
//! the metric, the sentence, the section and the as-of date. Offsets are character offsets.
//!
//! Modules by job: `text` (characters and protected spans), `words` (word lists compiled for
//! matching), `scan` (numbers, qualifiers, units), `traps` (numbers that are no amounts),
//! `metric` (metric, sentence, section, as-of date).

mod metric;
mod relation;
mod scan;
#[cfg(test)]
mod tests;
mod text;
mod traps;
mod words;

use metric::*;
use relation::*;
use scan::*;
use text::*;
use words::*;

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::lexicon::facts as lx;
use crate::lexicon::units::TRAD_TO_SIMP;
use crate::limits;
use crate::model::{DateMention, DateRole, Fact, Qualifier, QuantityKind, Section};
use crate::normalize::{
    arabic_multiplier, cn_digit_value, is_cn_numeral_char, is_cn_point, is_digit,
    is_digit_by_digit, match_unit_def, parse_chinese_numeral, scan_arabic, to_simplified, Decimal,
    FnvBuild, UnitInfo,
};

/// Extracts the numeric facts of a cleaned body. `sections` give each fact its innermost
/// section, `dates` with role `AsOf` its as-of date (same sentence). Never panics.
pub fn extract_facts(body: &str, sections: &[Section], dates: &[DateMention]) -> Vec<Fact> {
    extract_facts_bounded(body, sections, dates).0
}

/// `extract_facts`, with the warnings of the bounds that keep one document's facts table
/// bounded (`limits`): at most `MAX_FACTS_PER_SENTENCE` facts in a sentence and
/// `MAX_FACTS_PER_DOCUMENT` in all, and a sentence longer than `MAX_SENTENCE_CHARS` copied
/// into each fact as the clauses around it, not whole.
pub fn extract_facts_bounded(
    body: &str,
    sections: &[Section],
    dates: &[DateMention],
) -> (Vec<Fact>, Vec<String>) {
    if body.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let text = Text::new(body);
    let mut found = Scanner { t: &text }.run();
    let mut warnings = bound_found(&mut found);
    let (facts, cut) = assemble(&text, found, sections, dates);
    if cut > 0 {
        warnings.push(format!(
            "{cut} facts are in sentences longer than {} characters: their sentence column \
             holds the clauses around the fact",
            limits::MAX_SENTENCE_CHARS
        ));
    }
    (facts, warnings)
}

/// Drops the facts beyond the per-sentence and per-document caps; says what it dropped.
fn bound_found(found: &mut Vec<Found>) -> Vec<String> {
    let mut warnings = Vec::new();
    let (mut sentence, mut in_sentence, mut dropped) = (usize::MAX, 0usize, 0usize);
    found.retain(|f| {
        if f.sentence_start != sentence {
            (sentence, in_sentence) = (f.sentence_start, 0);
        }
        in_sentence += 1;
        let keep = in_sentence <= limits::MAX_FACTS_PER_SENTENCE;
        dropped += usize::from(!keep);
        keep
    });
    if dropped > 0 {
        warnings.push(format!(
            "{dropped} numbers were not kept as facts: more than {} in one sentence (a run of \
             numbers, not report prose)",
            limits::MAX_FACTS_PER_SENTENCE
        ));
    }
    if found.len() > limits::MAX_FACTS_PER_DOCUMENT {
        warnings.push(format!(
            "{} numbers were not kept as facts: more than {} in the document",
            found.len() - limits::MAX_FACTS_PER_DOCUMENT,
            limits::MAX_FACTS_PER_DOCUMENT
        ));
        found.truncate(limits::MAX_FACTS_PER_DOCUMENT);
    }
    warnings
}

/// The span copied as the `sentence` of a fact at `start..end` in a sentence too long to
/// copy whole: about `SENTENCE_CONTEXT_CHARS` each side, widened to whole clauses where a
/// clause mark is near.
fn sentence_window(
    text: &Text,
    sentence: (usize, usize),
    start: usize,
    end: usize,
) -> (usize, usize) {
    let from = start
        .saturating_sub(limits::SENTENCE_CONTEXT_CHARS)
        .max(sentence.0);
    let to = (end + limits::SENTENCE_CONTEXT_CHARS).min(sentence.1);
    let chars = &text.chars;
    let from = (from..start)
        .find(|&k| is_break(chars[k]))
        .map_or(from, |k| k + 1);
    let to = (end..to)
        .rev()
        .find(|&k| is_break(chars[k]))
        .map_or(to, |k| k + 1);
    (from, to.max(end))
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
/// What `metric::trim_edges` drops at a metric's end: spaces, breaks other than an opening
/// bracket, closing brackets (see `is_edge_junk`).
const CLASS_EDGE_JUNK: u8 = 128;

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
    // After the break classes, which it reads.
    for cp in 0u32..0x10000 {
        if let Some(c) = char::from_u32(cp) {
            let brk = table[cp as usize] & (CLASS_SENTENCE | CLASS_CLAUSE) != 0;
            if is_space(c)
                || c.is_whitespace()
                || (brk && c != '（' && c != '(')
                || matches!(c, '）' | ')')
            {
                table[cp as usize] |= CLASS_EDGE_JUNK;
            }
        }
    }
    table
});

/// Whether `metric::trim_edges` drops `c` at a metric's end: one table look for the BMP.
#[inline]
fn is_edge_junk(c: char) -> bool {
    match CLASSES.get(c as usize) {
        Some(&cl) => cl & CLASS_EDGE_JUNK != 0,
        None => is_space(c) || c.is_whitespace() || is_break(c) || matches!(c, '）' | ')'),
    }
}

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
