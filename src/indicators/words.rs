//! Words found by their first character: the taxonomy's metric and sentence words, the
//! other bodies' subjects and the explicit-total cues. Most characters of a text start no
//! word, so one table look per character finds the words; full DFAs over the same words cost
//! more to build (about 30 M instructions at every start-up) than all the searches, which
//! are also a little faster this way (an overlapping DFA search costs some 25 instructions
//! per byte).

/// Table slots: a character's code modulo this picks its slot (several characters may share
/// one; the words are compared in full).
const SLOTS: usize = 4096;

/// A word of the list, with its first eight bytes (zero-padded) as a number, so most
/// candidates are told apart by one comparison instead of a `memcmp` call.
#[derive(Debug, Clone)]
struct Entry {
    head: u64,
    /// Ones over the bytes of `head` that belong to the word.
    mask: u64,
    bytes: Box<[u8]>,
    id: usize,
}

/// Up to the first eight bytes of `b`, zero-padded, as one number.
#[inline]
fn head_of(b: &[u8]) -> u64 {
    match b.get(..8) {
        Some(h) => u64::from_le_bytes(h.try_into().unwrap_or_default()),
        None => {
            let mut h = [0u8; 8];
            h[..b.len()].copy_from_slice(b);
            u64::from_le_bytes(h)
        }
    }
}

impl Entry {
    /// Whether `rest` (the text from a character boundary on, `head` its `head_of`) starts
    /// with this word.
    #[inline]
    fn starts(&self, rest: &[u8], head: u64) -> bool {
        head & self.mask == self.head
            && self.bytes.len() <= rest.len()
            && (self.bytes.len() <= 8 || rest.starts_with(&self.bytes))
    }
}

/// A list of words, each with its id (its position in the list), grouped by first character.
#[derive(Debug, Clone)]
pub(super) struct FirstChars {
    /// For each slot, 1 + the index of its group in `groups`; 0 when no word starts there.
    slot: Box<[u16]>,
    /// The words whose first character falls in one slot, in list order.
    groups: Vec<Vec<Entry>>,
}

impl FirstChars {
    pub(super) fn new<S: AsRef<str>>(words: &[S]) -> FirstChars {
        let mut slot = vec![0u16; SLOTS].into_boxed_slice();
        let mut groups: Vec<Vec<Entry>> = Vec::new();
        for (id, w) in words.iter().enumerate() {
            let w = w.as_ref();
            let Some(first) = w.chars().next() else {
                continue;
            };
            let k = first as usize % SLOTS;
            if slot[k] == 0 {
                groups.push(Vec::new());
                // At most SLOTS groups, so the index fits.
                slot[k] = groups.len() as u16;
            }
            let bytes: Box<[u8]> = w.as_bytes().into();
            let n = bytes.len().min(8);
            groups[slot[k] as usize - 1].push(Entry {
                head: head_of(&bytes[..n]),
                mask: if n == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * n)) - 1
                },
                bytes,
                id,
            });
        }
        FirstChars { slot, groups }
    }

    /// The words whose first character shares `c`'s slot.
    #[inline]
    fn group(&self, c: char) -> &[Entry] {
        match self.slot[c as usize % SLOTS] {
            0 => &[],
            g => &self.groups[g as usize - 1],
        }
    }

    /// Calls `found(id, at)` for every occurrence of a word in `text`, `at` the byte where it
    /// starts (as an overlapping Aho-Corasick search reports them, in order of start).
    #[inline]
    pub(super) fn each_in(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        for (at, c) in text.char_indices() {
            let group = self.group(c);
            if group.is_empty() {
                continue;
            }
            let rest = &text.as_bytes()[at..];
            let head = head_of(rest);
            for e in group {
                if e.starts(rest, head) {
                    found(e.id, at);
                }
            }
        }
    }

    /// Whether some word occurs in `text`.
    pub(super) fn any_in(&self, text: &str) -> bool {
        text.char_indices().any(|(at, c)| self.any_at(text, at, c))
    }

    /// Whether some word starts at byte `at` of `text` (`c` is the character there).
    #[inline]
    pub(super) fn any_at(&self, text: &str, at: usize, c: char) -> bool {
        let group = self.group(c);
        if group.is_empty() {
            return false;
        }
        let rest = &text.as_bytes()[at..];
        let head = head_of(rest);
        group.iter().any(|e| e.starts(rest, head))
    }
}
