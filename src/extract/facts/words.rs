//! Word lists of `lexicon::facts` compiled for matching at a position of the text.

use super::*;

/// One word of a compiled list.
#[derive(Clone)]
pub(super) struct Word {
    pub(super) text: &'static str,
    pub(super) chars: Box<[char]>,
    /// Position in the source list: breaks ties between equally long words the way the order
    /// of the list does.
    pub(super) index: usize,
}

impl Word {
    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }
}

/// A word list of `lx`, compiled once: its words grouped by first character (does a word
/// start at `pos`?) and by last character (does one end at `end`?), so a test is one map
/// lookup instead of a scan of the whole list. A text character `c` matches a word character
/// `w` when `c == w || to_simplified(c) == w`, as in `starts_with_at`.
pub(super) struct WordIndex {
    pub(super) by_first: WordGroups,
    pub(super) by_last: WordGroups,
}

/// Words grouped by a key character.
#[derive(Default)]
pub(super) struct WordGroups {
    pub(super) groups: FxHashMap<char, Vec<Word>>,
    pub(super) keys: CharFilter,
}

impl WordGroups {
    pub(super) fn insert(&mut self, key: char, word: Word) {
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
    pub(super) fn candidates(&self, c: char) -> [&[Word]; 2] {
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
pub(super) struct CharFilter(pub(super) [u64; 64]);

impl Default for CharFilter {
    fn default() -> Self {
        CharFilter([0; 64])
    }
}

impl CharFilter {
    pub(super) fn insert(&mut self, c: char) {
        let k = c as usize % 4096;
        self.0[k / 64] |= 1 << (k % 64);
    }

    #[inline]
    pub(super) fn may_contain(&self, c: char) -> bool {
        let k = c as usize % 4096;
        (self.0[k / 64] >> (k % 64)) & 1 != 0
    }
}

impl WordIndex {
    pub(super) fn new(list: impl IntoIterator<Item = &'static str>) -> Self {
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
    pub(super) fn starting_at<'a>(
        &'a self,
        chars: &'a [char],
        pos: usize,
    ) -> impl Iterator<Item = &'a Word> {
        let groups = chars
            .get(pos)
            .map_or([&[][..]; 2], |&c| self.by_first.candidates(c));
        groups
            .into_iter()
            .flatten()
            .filter(move |w| matches_at(chars, pos, &w.chars))
    }

    /// The words that end just before `end`.
    pub(super) fn ending_at<'a>(
        &'a self,
        chars: &'a [char],
        end: usize,
    ) -> impl Iterator<Item = &'a Word> {
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
    #[inline]
    pub(super) fn may_start_at(&self, chars: &[char], pos: usize) -> bool {
        chars
            .get(pos)
            .is_some_and(|&c| self.by_first.keys.may_contain(c))
    }

    /// False when no word can end just before `end`.
    pub(super) fn may_end_at(&self, chars: &[char], end: usize) -> bool {
        end.checked_sub(1)
            .and_then(|k| chars.get(k))
            .is_some_and(|&c| self.by_last.keys.may_contain(c))
    }

    pub(super) fn any_starting_at(&self, chars: &[char], pos: usize) -> bool {
        self.may_start_at(chars, pos) && self.starting_at(chars, pos).next().is_some()
    }

    pub(super) fn any_ending_at(&self, chars: &[char], end: usize) -> bool {
        self.may_end_at(chars, end) && self.ending_at(chars, end).next().is_some()
    }

    /// Length of the longest word that starts at `pos`. Inlined for its bit test: it is
    /// asked at every character of every metric's clause (`cut_position`), and most start
    /// no word; the call it saved was some 20 instructions each, 660,000 times on the 1k
    /// text corpus.
    #[inline]
    pub(super) fn longest_at(&self, chars: &[char], pos: usize) -> Option<usize> {
        if !self.may_start_at(chars, pos) {
            return None;
        }
        self.longest_starting_at(chars, pos)
    }

    #[inline(never)]
    fn longest_starting_at(&self, chars: &[char], pos: usize) -> Option<usize> {
        self.starting_at(chars, pos).map(Word::len).max()
    }
}

pub(super) fn matches_at(chars: &[char], pos: usize, word: &[char]) -> bool {
    chars.get(pos..pos + word.len()).is_some_and(|text| {
        text.iter()
            .zip(word)
            .all(|(&c, &w)| c == w || to_simplified(c) == w)
    })
}

pub(super) static PREFIX_QUALIFIERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::PREFIX_QUALIFIERS.iter().map(|(w, _)| *w)));
pub(super) static PREFIX_QUALIFIER_BLOCKERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::PREFIX_QUALIFIER_BLOCKERS.iter().copied()));
pub(super) static POSTFIX_QUALIFIERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::POSTFIX_QUALIFIERS.iter().map(|(w, _)| *w)));
pub(super) static POSTFIX_QUALIFIER_BLOCKERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::POSTFIX_QUALIFIER_BLOCKERS.iter().copied()));
pub(super) static DURATION_OK_NEXT: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::DURATION_OK_NEXT.iter().copied()));
pub(super) static DURATION_YEAR_PREFIXES: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::DURATION_YEAR_PREFIXES.iter().copied()));
pub(super) static FREQUENCY_PERIODS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::FREQUENCY_PERIODS.iter().copied()));
pub(super) static RANK_CLAUSE_WORDS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::RANK_CLAUSE_WORDS.iter().copied()));
pub(super) static BARE_NUMBER_NEXT_VERBS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::BARE_NUMBER_NEXT_VERBS.iter().copied()));
pub(super) static CN_SET_PHRASES: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::CN_SET_PHRASES.iter().copied()));
pub(super) static CN_ABSTRACT_AFTER: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::CN_ABSTRACT_AFTER.iter().copied()));
pub(super) static SESSION_AFTER: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::SESSION_AFTER.iter().copied()));
pub(super) static METRIC_TIME_WORDS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_TIME_WORDS.iter().copied()));
pub(super) static METRIC_CUT_AFTER: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_CUT_AFTER.iter().copied()));
pub(super) static METRIC_LEADING_FILLERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_LEADING_FILLERS.iter().copied()));
pub(super) static METRIC_LEADING_GUARDS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_LEADING_GUARDS.iter().copied()));
pub(super) static METRIC_TRAILING_FILLERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_TRAILING_FILLERS.iter().copied()));
pub(super) static METRIC_TRAILING_GUARDS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_TRAILING_GUARDS.iter().copied()));
pub(super) static METRIC_TIME_OPENERS: LazyLock<WordIndex> =
    LazyLock::new(|| WordIndex::new(lx::METRIC_TIME_OPENERS.iter().copied()));
/// `lx::METRIC_INNER_FILLERS` as char slices, in list order.
pub(super) static METRIC_INNER_FILLERS: LazyLock<Vec<Box<[char]>>> = LazyLock::new(|| {
    lx::METRIC_INNER_FILLERS
        .iter()
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().collect())
        .collect()
});

/// The first characters of [`METRIC_INNER_FILLERS`]: one look per character of a metric says
/// whether any filler can start there.
pub(super) static METRIC_INNER_FILLER_STARTS: LazyLock<CharFilter> = LazyLock::new(|| {
    let mut starts = CharFilter::default();
    for f in METRIC_INNER_FILLERS.iter() {
        starts.insert(f[0]);
    }
    starts
});

/// The characters at which `metric::cut_position` may cut: first characters of
/// [`METRIC_TIME_WORDS`] and [`METRIC_CUT_AFTER`] (with their traditional forms) and the
/// calendar characters, so the other characters cost one bit test.
pub(super) static METRIC_CUT_STARTS: LazyLock<CharFilter> = LazyLock::new(|| {
    let mut f = CharFilter::default();
    for index in [&*METRIC_TIME_WORDS, &*METRIC_CUT_AFTER] {
        for (k, bits) in f.0.iter_mut().enumerate() {
            *bits |= index.by_first.keys.0[k];
        }
    }
    for &c in lx::METRIC_CALENDAR_CHARS {
        f.insert(c);
    }
    f
});

/// `lx::MONEY_CONTEXT_WORDS` in one automaton: a clause is read once, not once per word.
pub(super) static MONEY_CONTEXT: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(lx::MONEY_CONTEXT_WORDS)
        .expect("the money context words compile")
});

pub(super) static UNIT_BLOCKER_PAIRS: LazyLock<HashSet<(char, char), FnvBuild>> =
    LazyLock::new(|| {
        lx::UNIT_WORD_BLOCKERS
            .iter()
            .filter_map(|w| {
                let mut it = w.chars();
                Some((it.next()?, it.next()?))
            })
            .collect()
    });
