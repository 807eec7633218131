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
mod scan;
#[cfg(test)]
mod tests;
mod text;
mod traps;
mod words;

use metric::*;
use scan::*;
use text::*;
use words::*;

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
