//! The gazetteer's name tables, read in place from the image the build script laid out: the
//! divisions each name stands for, and the scan of a text for the names it holds.

use super::image::{self, TABLE_HEADER_WORDS};
use super::PlaceMention;

/// The image's words, read where they lie.
#[derive(Clone, Copy)]
pub(super) struct Image(pub(super) &'static [u8]);

impl Image {
    #[inline]
    pub(super) fn at(self, word: usize) -> u32 {
        let b = &self.0[4 * word..4 * word + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    pub(super) fn words(self) -> usize {
        self.0.len() / 4
    }
}

/// The divisions (indices into the gazetteer) a name stands for, ascending.
#[derive(Clone)]
pub(super) struct DivisionIds {
    pub(super) image: Image,
    pub(super) next: usize,
    pub(super) end: usize,
}

impl DivisionIds {
    pub(super) fn empty(image: Image) -> Self {
        DivisionIds {
            image,
            next: 0,
            end: 0,
        }
    }
}

impl Iterator for DivisionIds {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        (self.next < self.end).then(|| {
            self.next += 1;
            self.image.at(self.next - 1) as usize
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.end - self.next, Some(self.end - self.next))
    }
}

impl ExactSizeIterator for DivisionIds {}

/// One name table of the image: names indexed for lookup, plus for each final character the
/// name lengths that end in it, so a text can be scanned with a handful of lookups per
/// character.
#[derive(Clone, Copy)]
pub(super) struct NameIndex {
    pub(super) image: Image,
    pub(super) rows: &'static str,
    pub(super) slot_mask: usize,
    pub(super) names: usize,
    /// Length in characters of the longest name.
    pub(super) max_chars: usize,
    pub(super) char_slot_mask: usize,
    pub(super) slots_at: usize,
    pub(super) entries_at: usize,
    pub(super) chars_at: usize,
}

impl NameIndex {
    pub(super) fn read(image: Image, rows: &'static str, at: usize) -> Result<Self, String> {
        if at + TABLE_HEADER_WORDS > image.words() {
            return Err("the gazetteer image is truncated".to_string());
        }
        let cap = image.at(at) as usize;
        let names = image.at(at + 1) as usize;
        let chars_cap = image.at(at + 3) as usize;
        let chars_at = image.at(at + 4) as usize;
        let slots_at = at + TABLE_HEADER_WORDS;
        if !cap.is_power_of_two()
            || !chars_cap.is_power_of_two()
            || chars_at + 3 * chars_cap > image.words()
        {
            return Err("the gazetteer image has a malformed name table".to_string());
        }
        Ok(NameIndex {
            image,
            rows,
            slot_mask: cap - 1,
            names,
            max_chars: image.at(at + 2) as usize,
            char_slot_mask: chars_cap - 1,
            slots_at,
            entries_at: slots_at + 2 * cap,
            chars_at,
        })
    }

    pub(super) fn name_of(&self, entry: usize) -> &'static str {
        let at = self.entries_at + 4 * entry;
        let start = self.image.at(at) as usize;
        &self.rows[start..start + self.image.at(at + 1) as usize]
    }

    /// The entry of `name`, if indexed.
    pub(super) fn entry(&self, name: &str) -> Option<usize> {
        let h = image::hash(name.as_bytes());
        let tag = (h >> 32) as u32;
        let mut slot = h as usize & self.slot_mask;
        loop {
            let at = self.slots_at + 2 * slot;
            let entry = self.image.at(at + 1) as usize;
            if entry == 0 {
                return None;
            }
            if self.image.at(at) == tag && self.name_of(entry - 1) == name {
                return Some(entry - 1);
            }
            slot = (slot + 1) & self.slot_mask;
        }
    }

    pub(super) fn ids(&self, name: &str) -> DivisionIds {
        match self.entry(name) {
            Some(entry) => {
                let at = self.entries_at + 4 * entry;
                let next = self.image.at(at + 2) as usize;
                DivisionIds {
                    image: self.image,
                    next,
                    end: next + self.image.at(at + 3) as usize,
                }
            }
            None => DivisionIds::empty(self.image),
        }
    }

    /// Bit `n` is set when some name of `n` characters ends in `c`.
    pub(super) fn lengths_ending_in(&self, c: char) -> u64 {
        let mut slot = image::char_hash(c) as usize & self.char_slot_mask;
        loop {
            let at = self.chars_at + 3 * slot;
            match self.image.at(at) {
                0 => return 0,
                k if k == c as u32 + 1 => {
                    return u64::from(self.image.at(at + 1))
                        | u64::from(self.image.at(at + 2)) << 32
                }
                _ => slot = (slot + 1) & self.char_slot_mask,
            }
        }
    }

    /// The longest indexed name that `chars[..end]` ends with.
    pub(super) fn longest_ending_at(
        &self,
        text: &str,
        offsets: &[usize],
        end: usize,
    ) -> Option<(&'static str, usize)> {
        let last = text[offsets[end - 1]..offsets[end]].chars().next()?;
        // Longest first: the longest name ending at a position wins.
        let mut lengths = self.lengths_ending_in(last);
        while lengths != 0 {
            let len = 63 - lengths.leading_zeros() as usize;
            lengths &= !(1u64 << len);
            if len > end {
                continue;
            }
            let candidate = &text[offsets[end - len]..offsets[end]];
            if let Some(entry) = self.entry(candidate) {
                return Some((self.name_of(entry), len));
            }
        }
        None
    }

    /// Every indexed name in `text`, longest first when they overlap.
    pub(super) fn scan(&self, text: &str, short: bool) -> Vec<PlaceMention> {
        let offsets = char_offsets(text);
        let n_chars = offsets.len() - 1;
        let mut found: Vec<PlaceMention> = Vec::new();
        for end in 1..=n_chars {
            if let Some((name, len)) = self.longest_ending_at(text, &offsets, end) {
                found.push(PlaceMention {
                    name: name.to_string(),
                    char_start: end - len,
                    char_end: end,
                    short,
                });
            }
        }
        remove_overlaps(found)
    }
}

/// Keep the longest of overlapping mentions; the result is in text order.
pub(super) fn remove_overlaps(mut found: Vec<PlaceMention>) -> Vec<PlaceMention> {
    found.sort_by(|a, b| {
        (b.char_end - b.char_start)
            .cmp(&(a.char_end - a.char_start))
            .then(a.char_start.cmp(&b.char_start))
    });
    let mut kept: Vec<PlaceMention> = Vec::with_capacity(found.len());
    for m in found {
        if kept
            .iter()
            .all(|k| m.char_end <= k.char_start || m.char_start >= k.char_end)
        {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.char_start);
    kept
}

/// Byte offset of every character of `text`, plus `text.len()` at the end.
pub(super) fn char_offsets(text: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    offsets.push(text.len());
    offsets
}
