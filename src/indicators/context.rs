//! What confirms a cue around the metric: the words found in a text (`Hits`), in the
//! fact's sentence (`SentenceHits`) and in its section's headings (`SectionHits`), and the
//! subjects that make a fact another body's (`OtherBodies`).

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap as HashMap;

use super::breakdowns;
use crate::model::Section;

/// Most distinct cue words a taxonomy may have (one bit each in a fact's hit set).
pub(super) const MAX_WORDS: usize = 64 * 64;

/// Which words of an automaton occur in a text.
pub(super) struct Hits {
    words: [u64; MAX_WORDS / 64],
    any: bool,
}

impl Hits {
    pub(super) fn scan(ac: &AhoCorasick, text: &str) -> Hits {
        let mut h = Hits {
            words: [0; MAX_WORDS / 64],
            any: false,
        };
        for m in ac.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            h.words[id / 64] |= 1 << (id % 64);
            h.any = true;
        }
        h
    }

    pub(super) fn merge(&mut self, other: &Hits) {
        for (a, b) in self.words.iter_mut().zip(other.words.iter()) {
            *a |= *b;
        }
        self.any |= other.any;
    }

    pub(super) fn has(&self, id: usize) -> bool {
        self.words[id / 64] & (1 << (id % 64)) != 0
    }

    /// Whether no word occurs at all.
    pub(super) fn is_empty(&self) -> bool {
        !self.any
    }
}

/// The sentence words of the last sentence scanned, kept by the sentence's address, and how
/// far into the sentence they confirm the current fact: the whole sentence, but not the
/// parts listed after the fact (`集中学习18次,其中专题学法4次`: the 学法 of the part does
/// not make the total legal study).
#[derive(Default)]
pub(super) struct SentenceHits {
    scanned: Option<std::sync::Arc<str>>,
    /// (word id, byte where the word starts) of every sentence word, in text order.
    found: Vec<(usize, usize)>,
    located: Option<std::sync::Arc<str>>,
    /// Byte where the previous fact's number ends (the next fact's is after it).
    cursor: usize,
    /// Words starting before this byte confirm the current fact (`usize::MAX`: all).
    reach: usize,
    /// Whether the located sentence holds a part opener (`其中`, `包括`).
    has_parts: bool,
}

impl SentenceHits {
    pub(super) fn new() -> SentenceHits {
        SentenceHits {
            reach: usize::MAX,
            ..SentenceHits::default()
        }
    }

    /// Sets `reach` for a fact: the end of the clause holding its number, found after the
    /// previous fact's number in the same sentence (the whole sentence if it is not found).
    pub(super) fn locate(&mut self, sentence: &std::sync::Arc<str>, raw: &str) {
        let same = matches!(&self.located, Some(s) if std::sync::Arc::ptr_eq(s, sentence));
        if !same {
            self.located = Some(sentence.clone());
            self.cursor = 0;
            // Most sentences list no parts: every word of theirs confirms every fact.
            self.has_parts = breakdowns::PART_OPENERS
                .iter()
                .any(|w| sentence.contains(w));
        }
        if !self.has_parts {
            self.reach = usize::MAX;
            return;
        }
        let from = self.cursor.min(sentence.len());
        let Some(at) = sentence.get(from..).and_then(|rest| rest.find(raw)) else {
            self.reach = usize::MAX;
            return;
        };
        let end = from + at + raw.len();
        self.cursor = end;
        self.reach = breakdowns::PART_OPENERS
            .iter()
            .filter_map(|w| sentence[end..].find(w))
            .min()
            .map_or(usize::MAX, |b| end + b);
    }

    /// Scans the sentence (once per sentence) and returns itself for `has`.
    pub(super) fn of(&mut self, ac: &AhoCorasick, sentence: &std::sync::Arc<str>) -> &SentenceHits {
        let same = matches!(&self.scanned, Some(s) if std::sync::Arc::ptr_eq(s, sentence));
        if !same {
            self.scanned = Some(sentence.clone());
            self.found.clear();
            self.found.extend(
                ac.find_overlapping_iter(&**sentence)
                    .map(|m| (m.pattern().as_usize(), m.start())),
            );
        }
        self
    }

    /// Whether word `id` occurs in the sentence before `reach`.
    pub(super) fn has(&self, id: usize) -> bool {
        self.found.iter().any(|&(w, at)| w == id && at < self.reach)
    }
}

/// Subjects that make a fact another body's (`区法院受理…`, `上级部门收回…`): such a fact
/// gets no code of the reporting body.
#[derive(Debug, Clone, Default)]
pub(super) struct OtherBodies {
    pub(super) words: Vec<String>,
    /// The word must start within this many characters of the metric's start.
    pub(super) reach: usize,
    /// A word right after one of these is an object, not the subject (`向区委报备`).
    pub(super) not_after: Vec<String>,
    /// `words` in one automaton (built with them).
    pub(super) automaton: Option<AhoCorasick>,
}

impl OtherBodies {
    pub(super) fn new(words: Vec<String>, reach: usize, not_after: Vec<String>) -> OtherBodies {
        let automaton = AhoCorasick::new(&words).ok();
        OtherBodies {
            words,
            reach,
            not_after,
            automaton,
        }
    }
}

impl OtherBodies {
    /// Whether the metric's subject is another body. Reads only the metric's first
    /// characters.
    pub(super) fn subject_of(&self, metric: &str) -> bool {
        let Some(ac) = &self.automaton else {
            return false;
        };
        // The metric's first `reach` characters plus the longest word.
        let longest = self.words.iter().map(|w| w.len()).max().unwrap_or(0);
        let head_end = metric
            .char_indices()
            .nth(self.reach)
            .map_or(metric.len(), |(b, _)| b);
        let window_end = (head_end + longest).min(metric.len());
        let window_end = (window_end..=metric.len())
            .find(|&b| metric.is_char_boundary(b))
            .unwrap_or(metric.len());
        let window = &metric[..window_end];
        ac.find_overlapping_iter(window).any(|m| {
            let at = m.start();
            at < head_end
                && !self
                    .not_after
                    .iter()
                    .any(|n| window[..at].ends_with(n.as_str()))
        })
    }
}

/// Sentence words found in the headings of each section a fact may sit in (its innermost
/// section and the enclosing ones below level 1, whose headings name the whole report's
/// subject), computed once per section.
pub(super) struct SectionHits<'s> {
    sections: &'s [Section],
    by_id: HashMap<i32, usize>,
    done: HashMap<i32, Option<Hits>>,
}

impl<'s> SectionHits<'s> {
    pub(super) fn new(sections: &'s [Section]) -> SectionHits<'s> {
        let by_id = sections
            .iter()
            .enumerate()
            .map(|(k, s)| (s.section_id, k))
            .collect();
        SectionHits {
            sections,
            by_id,
            done: HashMap::default(),
        }
    }

    pub(super) fn of(&mut self, ac: &AhoCorasick, section_id: Option<i32>) -> Option<&Hits> {
        let id = section_id?;
        if !self.done.contains_key(&id) {
            let mut hits: Option<Hits> = None;
            let mut at = self.by_id.get(&id).copied();
            while let Some(k) = at {
                let sec = &self.sections[k];
                if sec.level < 2 {
                    break;
                }
                let h = Hits::scan(ac, &sec.heading);
                match &mut hits {
                    Some(all) => all.merge(&h),
                    None => hits = Some(h),
                }
                at = sec.parent_id.and_then(|p| self.by_id.get(&p).copied());
            }
            self.done.insert(id, hits);
        }
        self.done.get(&id).and_then(Option::as_ref)
    }
}
