//! Level or change: a number right after a change word (`同比增长7.8%`, `较上年提高4.4个
//! 百分点`, `增加12件`, `增速7.8%`) is a difference against an earlier period, and so is a
//! number listed right after a change (`同比分别下降17.7%、12.5%`). Reads only the few
//! characters before the number.

use super::*;
use crate::model::Relation;

/// Longest stretch before a number read for its change word, in characters.
const REACH: usize = 16;

/// The last characters of the change words, fillers and copula, sorted: a number whose
/// preceding character is none of them is a level.
/// A word list as characters, longest first, for `ends_with` on the text's characters.
struct Words(Vec<Vec<char>>);

impl Words {
    fn of(list: &[&str]) -> Words {
        let mut v: Vec<Vec<char>> = list.iter().map(|w| w.chars().collect()).collect();
        v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Words(v)
    }

    /// The longest word that `s` ends with, as characters. The last characters are
    /// compared first: a slice comparison is a `memcmp` call, made 360,000 times on the 1k
    /// text corpus before.
    fn ending(&self, s: &[char]) -> Option<&[char]> {
        let last = s.last();
        self.0
            .iter()
            .find(|w| w.last().is_none_or(|l| Some(l) == last) && s.ends_with(w.as_slice()))
            .map(Vec::as_slice)
    }
}

static FILLERS: LazyLock<Words> = LazyLock::new(|| Words::of(lx::CHANGE_FILLERS));
static CHANGES: LazyLock<Words> = LazyLock::new(|| Words::of(lx::CHANGE_WORDS));
static DESTINATIONS: LazyLock<Words> = LazyLock::new(|| Words::of(lx::CHANGE_DESTINATIONS));

static LAST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut v: Vec<char> = lx::CHANGE_WORDS
        .iter()
        .chain(lx::CHANGE_FILLERS)
        .chain(std::iter::once(&lx::CHANGE_COPULA))
        .filter_map(|w| w.chars().last())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// The relation of the fact found at `f`; `prev` is the previous fact of the same sentence
/// (its end and relation), if any.
pub(super) fn relation_of(text: &Text, f: &Found, prev: Option<(usize, Relation)>) -> Relation {
    let chars = &text.chars;
    // `下降17.7%、12.5%`: an item of a list that follows a change is one too.
    if let Some((prev_end, Relation::Change)) = prev {
        if prev_end <= f.start
            && chars[prev_end..f.start]
                .iter()
                .all(|&c| is_space(c) || lx::LIST_WORD_CHARS.contains(&c))
        {
            return Relation::Change;
        }
    }
    let floor = f
        .start
        .saturating_sub(REACH)
        .max(f.clause_start.min(f.start));
    // Most numbers follow no change word: one look at the last character before them.
    let last = chars[floor..f.start]
        .iter()
        .rev()
        .find(|&&c| !is_space(c))
        .copied();
    let may_change = last.is_some_and(|c| LAST_CHARS.binary_search(&c).is_ok());
    if !may_change && f.kind != QuantityKind::PercentagePoint {
        return Relation::Level;
    }
    let mut end = f.start;
    // Skip spaces and fillers (`分别`, `了`, `约`) back from the number.
    loop {
        while end > floor && is_space(chars[end - 1]) {
            end -= 1;
        }
        let Some(filler) = FILLERS.ending(&chars[floor..end]) else {
            break;
        };
        end -= filler.len();
    }
    // `下降为5%`: where the amount went, unless a change noun says what the figure is.
    let copula = lx::CHANGE_COPULA.chars().count();
    let after_copula = end - floor > copula && ends_with_at(chars, end, lx::CHANGE_COPULA);
    if after_copula {
        end -= copula;
        while end > floor && is_space(chars[end - 1]) {
            end -= 1;
        }
    }
    let Some(word) = CHANGES.ending(&chars[floor..end]) else {
        // `个百分点` is a difference by nature, unless it is where a rate went (`提高至`).
        let went_to = DESTINATIONS.ending(&chars[floor..end]).is_some();
        return if f.kind == QuantityKind::PercentagePoint && !went_to {
            Relation::Change
        } else {
            Relation::Level
        };
    };
    let word: String = word.iter().collect();
    let word = word.as_str();
    if after_copula && !lx::CHANGE_NOUNS.contains(&word) {
        return Relation::Level;
    }
    let word_start = end - word.chars().count();
    if word_start > 0 && lx::CHANGE_WORD_BLOCKERS.contains(&chars[word_start - 1]) {
        return Relation::Level;
    }
    if lx::CHANGE_NEEDS_COMPARISON.contains(&word) {
        let from = word_start
            .saturating_sub(lx::CHANGE_COMPARISON_REACH)
            .max(floor);
        if !compares_with_earlier(&chars[from..word_start]) {
            return Relation::Level;
        }
    }
    Relation::Change
}

/// Whether a stretch names an earlier period to compare with: `同比`, `较上年`, or `比`/`较`
/// followed by a year (`比2015年`).
fn compares_with_earlier(s: &[char]) -> bool {
    let has = |w: &str| (0..s.len()).any(|k| starts_with_at(s, k, w));
    if lx::CHANGE_COMPARISONS.iter().any(|w| has(w)) {
        return true;
    }
    s.iter().enumerate().any(|(k, &c)| {
        matches!(c, '比' | '较')
            && s.get(k + 1).is_some_and(|d| is_digit(*d))
            && s[k + 1..].contains(&'年')
    })
}
