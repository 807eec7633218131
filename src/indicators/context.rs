//! What confirms a cue around the metric: the words found in a text (`Hits`), in the
//! fact's sentence (`SentenceHits`) and in its section's headings (`SectionHits`), and the
//! subjects that make a fact another body's (`OtherBodies`).

use rustc_hash::FxHashMap as HashMap;

use super::breakdowns;
use super::words::FirstChars;
use crate::model::Section;

/// Most distinct cue words a taxonomy may have (one bit each in a fact's hit set).
pub(super) const MAX_WORDS: usize = 64 * 64;

/// Which words of a `FirstChars` list occur in a text.
///
/// Small, since one is made for every fact: the ids found are listed inline (a metric holds
/// one or two words), and only a text with more distinct words than that gets a bit per
/// word. A bit set of every word in each `Hits` cost a 512-byte clear and two 512-byte
/// copies per fact.
pub(super) struct Hits {
    /// Bit `id % 64` of every word found: a word set that shares no bit with it holds none
    /// of the words found (see [`signature`]).
    sig: u64,
    /// The first `len` distinct ids found (all of them while `spill` is `None`).
    ids: [u16; INLINE_IDS],
    len: usize,
    /// One bit per word id, once more than `INLINE_IDS` distinct words were found.
    spill: Option<Box<[u64; MAX_WORDS / 64]>>,
}

/// Distinct word ids a `Hits` lists before it switches to a bit set.
const INLINE_IDS: usize = 12;

/// The bits a set of word ids sets in [`Hits`]'s signature.
pub(super) fn signature(ids: impl IntoIterator<Item = usize>) -> u64 {
    ids.into_iter().fold(0, |s, id| s | 1 << (id % 64))
}

impl Hits {
    fn none() -> Hits {
        Hits {
            sig: 0,
            ids: [0; INLINE_IDS],
            len: 0,
            spill: None,
        }
    }

    fn add(&mut self, id: usize) {
        if self.has(id) {
            return;
        }
        self.sig |= 1 << (id % 64);
        if let Some(bits) = &mut self.spill {
            bits[id / 64] |= 1 << (id % 64);
        } else if self.len < INLINE_IDS {
            // Ids are below MAX_WORDS (checked when the taxonomy is built), so they fit.
            self.ids[self.len] = id as u16;
            self.len += 1;
        } else {
            let mut bits = Box::new([0u64; MAX_WORDS / 64]);
            for &k in self.ids.iter().chain(std::iter::once(&(id as u16))) {
                bits[k as usize / 64] |= 1 << (k % 64);
            }
            self.spill = Some(bits);
        }
    }

    /// The words of `list` in `text`.
    pub(super) fn scan(list: &FirstChars, text: &str) -> Hits {
        let mut h = Hits::none();
        list.each_in(text, |id, _| h.add(id));
        h
    }

    pub(super) fn merge(&mut self, other: &Hits) {
        match &other.spill {
            None => {
                for &id in &other.ids[..other.len] {
                    self.add(id as usize);
                }
            }
            Some(bits) => {
                for (w, &word) in bits.iter().enumerate() {
                    for b in 0..64 {
                        if word >> b & 1 != 0 {
                            self.add(w * 64 + b);
                        }
                    }
                }
            }
        }
    }

    pub(super) fn has(&self, id: usize) -> bool {
        if self.sig & 1 << (id % 64) == 0 {
            return false;
        }
        match &self.spill {
            Some(bits) => bits[id / 64] & (1 << (id % 64)) != 0,
            None => self.ids[..self.len].contains(&(id as u16)),
        }
    }

    /// Whether some word of a set with signature `sig` may occur (false: none does).
    pub(super) fn may_have_any(&self, sig: u64) -> bool {
        self.sig & sig != 0
    }

    /// Whether no word occurs at all.
    pub(super) fn is_empty(&self) -> bool {
        self.sig == 0
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
            self.has_parts = breakdowns::PART_OPENER_FINDERS
                .iter()
                .any(|w| w.find(sentence.as_bytes()).is_some());
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
        self.reach = breakdowns::PART_OPENER_FINDERS
            .iter()
            .filter_map(|w| w.find(&sentence.as_bytes()[end..]))
            .min()
            .map_or(usize::MAX, |b| end + b);
    }

    /// Scans the sentence (once per sentence) and returns itself for `has`.
    pub(super) fn of(
        &mut self,
        words: &FirstChars,
        sentence: &std::sync::Arc<str>,
    ) -> &SentenceHits {
        let same = matches!(&self.scanned, Some(s) if std::sync::Arc::ptr_eq(s, sentence));
        if !same {
            self.scanned = Some(sentence.clone());
            self.found.clear();
            let found = &mut self.found;
            words.each_in(sentence, |id, at| found.push((id, at)));
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
    /// The subject words by first character (`None`: no `[other_bodies]`).
    pub(super) words: Option<FirstChars>,
    /// The word must start within this many characters of the metric's start.
    pub(super) reach: usize,
    /// A word right after one of these is an object, not the subject (`向区委报备`).
    pub(super) not_after: Vec<String>,
}

impl OtherBodies {
    pub(super) fn new(words: Vec<String>, reach: usize, not_after: Vec<String>) -> OtherBodies {
        OtherBodies {
            words: Some(FirstChars::new(&words)),
            reach,
            not_after,
        }
    }
}

impl OtherBodies {
    /// Whether the metric's subject is another body: a word starts in the metric's first
    /// `reach` characters, not right after a `not_after` word. Reads only those characters
    /// (and the words starting there).
    pub(super) fn subject_of(&self, metric: &str) -> bool {
        let Some(words) = &self.words else {
            return false;
        };
        metric.char_indices().take(self.reach).any(|(at, c)| {
            words.any_at(metric, at, c)
                && !self
                    .not_after
                    .iter()
                    .any(|n| metric[..at].ends_with(n.as_str()))
        })
    }
}

/// Sentence words found in the headings of each section a fact may sit in (its innermost
/// section and the enclosing ones below level 1, whose headings name the whole report's
/// subject), computed once per section.
pub(super) struct SectionHits<'s> {
    sections: &'s [Section],
    /// Position of each section id; `None` when every id is its position + 1 (as
    /// `build_sections` numbers them), which needs no map.
    by_id: Option<HashMap<i32, usize>>,
    /// The words of each section (by position), once computed.
    done: Vec<Option<Option<Hits>>>,
}

impl<'s> SectionHits<'s> {
    pub(super) fn new(sections: &'s [Section]) -> SectionHits<'s> {
        let numbered = (1..).zip(sections).all(|(n, s)| s.section_id == n);
        let by_id = (!numbered).then(|| {
            sections
                .iter()
                .enumerate()
                .map(|(k, s)| (s.section_id, k))
                .collect()
        });
        SectionHits {
            sections,
            by_id,
            done: Vec::new(),
        }
    }

    fn position(&self, id: i32) -> Option<usize> {
        match &self.by_id {
            Some(map) => map.get(&id).copied(),
            None => usize::try_from(id)
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|&k| k < self.sections.len()),
        }
    }

    pub(super) fn of(&mut self, words: &FirstChars, section_id: Option<i32>) -> Option<&Hits> {
        // An id of no section has no heading words.
        let pos = self.position(section_id?)?;
        if self.done.is_empty() {
            self.done.resize_with(self.sections.len(), || None);
        }
        if self.done[pos].is_none() {
            let mut hits: Option<Hits> = None;
            let mut at = Some(pos);
            while let Some(k) = at {
                let sec = &self.sections[k];
                if sec.level < 2 {
                    break;
                }
                let h = Hits::scan(words, &sec.heading);
                match &mut hits {
                    Some(all) => all.merge(&h),
                    None => hits = Some(h),
                }
                at = sec.parent_id.and_then(|p| self.position(p));
            }
            self.done[pos] = Some(hits);
        }
        self.done[pos].as_ref().and_then(Option::as_ref)
    }
}
