//! Gazetteer of Chinese administrative divisions (NBS statistical division codes) and place
//! resolution: which division a report's issuer belongs to.
//!
//! The build script turns the shipped CSV files into rows (see [`rows`]) and the rows into
//! lookup tables laid out as bytes (see [`image`]); both are compiled into the binary and read
//! in place, so a run starts without building anything. Every lookup is a hash lookup. Text
//! is scanned for place names by testing, at each character that can end a name, the few
//! name lengths that end in that character — no scan of the 45k rows per document.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

pub mod image;
pub mod rows;

use crate::lexicon::orgs::{
    MUNICIPALITY_PLACEHOLDERS, NAME_SUFFIXES, PLACEHOLDER_NAMES, PLACE_STOPLIST,
};
use image::{DIVISION_WORDS, HEADER_WORDS, NONE, TABLE_HEADER_WORDS};

/// The four levels of the statistical division tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DivisionLevel {
    Province,
    City,
    County,
    Township,
}

impl DivisionLevel {
    /// `documents.admin_level` for a government at this level. Townships are 街道 or 乡镇
    /// depending on the name, so they need the name.
    pub fn admin_level(self, name: &str) -> &'static str {
        match self {
            DivisionLevel::Province => "省",
            DivisionLevel::City => "市",
            DivisionLevel::County => "区县",
            DivisionLevel::Township if name.ends_with("街道") => "街道",
            DivisionLevel::Township => "乡镇",
        }
    }
}

/// One row of the gazetteer. Code and name borrow from the gazetteer's rows, which live as
/// long as the program (they are compiled into it).
#[derive(Debug, Clone, Copy)]
pub struct Division {
    pub code: &'static str,
    pub name: &'static str,
    pub level: DivisionLevel,
    /// Indices (into the gazetteer) of the enclosing province, city and county.
    pub province: Option<usize>,
    pub city: Option<usize>,
    pub county: Option<usize>,
    /// `市辖区`-style rows: structural only, never matched by name.
    pub placeholder: bool,
}

/// A place name found in a text. Offsets are in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub name: String,
    pub char_start: usize,
    pub char_end: usize,
    /// Short form (浙江, 杭州) rather than the full name: weaker evidence.
    pub short: bool,
}

/// How a report's place was resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceResolution {
    pub province: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    /// Division code at the issuer's level (2/4/6/9 digits); None when unresolved.
    pub division_code: Option<String>,
    /// `exact` (one candidate), `context` (several, disambiguated by the text) or `none`.
    pub division_match: String,
    /// Level of the resolved (or, when unresolved, of the candidate) division.
    pub level: Option<DivisionLevel>,
    /// The place name the resolution is about (the issuer's own place, e.g. 海幢街道).
    pub place_name: Option<String>,
    pub warning: Option<String>,
}

/// The image's words, read where they lie.
#[derive(Clone, Copy)]
struct Image(&'static [u8]);

impl Image {
    #[inline]
    fn at(self, word: usize) -> u32 {
        let b = &self.0[4 * word..4 * word + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    fn words(self) -> usize {
        self.0.len() / 4
    }
}

/// The divisions (indices into the gazetteer) a name stands for, ascending.
#[derive(Clone)]
struct DivisionIds {
    image: Image,
    next: usize,
    end: usize,
}

impl DivisionIds {
    fn empty(image: Image) -> Self {
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
struct NameIndex {
    image: Image,
    rows: &'static str,
    slot_mask: usize,
    names: usize,
    /// Length in characters of the longest name.
    max_chars: usize,
    char_slot_mask: usize,
    slots_at: usize,
    entries_at: usize,
    chars_at: usize,
}

impl NameIndex {
    fn read(image: Image, rows: &'static str, at: usize) -> Result<Self, String> {
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

    fn name_of(&self, entry: usize) -> &'static str {
        let at = self.entries_at + 4 * entry;
        let start = self.image.at(at) as usize;
        &self.rows[start..start + self.image.at(at + 1) as usize]
    }

    /// The entry of `name`, if indexed.
    fn entry(&self, name: &str) -> Option<usize> {
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

    fn ids(&self, name: &str) -> DivisionIds {
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
    fn lengths_ending_in(&self, c: char) -> u64 {
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
    fn longest_ending_at(
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
    fn scan(&self, text: &str, short: bool) -> Vec<PlaceMention> {
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
fn remove_overlaps(mut found: Vec<PlaceMention>) -> Vec<PlaceMention> {
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
fn char_offsets(text: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    offsets.push(text.len());
    offsets
}

/// The word lists that decide what the name tables hold.
const INDEX_WORDS: image::Words = image::Words {
    name_suffixes: NAME_SUFFIXES,
    place_stoplist: PLACE_STOPLIST,
    placeholder_names: PLACEHOLDER_NAMES,
};

/// The name without its administrative suffix (海珠区 → 海珠), when at least two characters remain.
pub fn short_name(name: &str) -> Option<&str> {
    image::short_name(name, NAME_SUFFIXES)
}

/// Province, city and county names enclosing a division.
type Enclosing = (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

/// The NBS division codes (see [`rows`]) and their name tables (see [`image`]).
pub struct Gazetteer {
    rows: &'static str,
    image: Image,
    len: usize,
    divisions_at: usize,
    code_slot_mask: usize,
    code_slots_at: usize,
    /// Full names (海珠区, 小营街道) of every level.
    full: NameIndex,
    /// Short names (海珠, 小营) of every level: used for issuer names only.
    short: NameIndex,
    /// Full names that may be taken as evidence from running text (≥3 characters, or 2 ending
    /// in 县/市, and not a common word).
    text_full: NameIndex,
    /// Short names of provinces and cities (浙江, 杭州): weak evidence from running text.
    text_short: NameIndex,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} divisions)", self.len)
    }
}

impl Gazetteer {
    /// The gazetteer shipped in `data/gazetteer/`, as the build script laid it out.
    pub fn embedded() -> Result<Self, String> {
        Self::from_image(
            include_str!(concat!(env!("OUT_DIR"), "/gazetteer_rows.tsv")),
            include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.image")),
        )
    }

    /// Build from rows made by [`rows::rows_from_csv`], outer levels first. The tables are
    /// built now and kept for the rest of the process (for tests and one-off tools: a run
    /// uses the embedded image).
    pub fn from_rows(rows: &'static str) -> Result<Self, String> {
        let bytes = image::build(rows, &INDEX_WORDS)?;
        Self::from_image(rows, Box::leak(bytes.into_boxed_slice()))
    }

    /// Build from the contents of provinces.csv, cities.csv, areas.csv and streets.csv (for
    /// tests: the rows made of them are kept for the rest of the process).
    #[cfg(test)]
    pub(crate) fn from_csv_strs(
        provinces: &str,
        cities: &str,
        areas: &str,
        streets: &str,
    ) -> Result<Self, String> {
        let rows = rows::rows_from_csv([provinces, cities, areas, streets])?;
        Self::from_rows(Box::leak(rows.into_boxed_str()))
    }

    fn from_image(rows: &'static str, bytes: &'static [u8]) -> Result<Self, String> {
        let image = Image(bytes);
        let header_ok = bytes.len().is_multiple_of(4)
            && image.words() >= HEADER_WORDS
            && image.at(0) == image::MAGIC
            && image.at(1) == image::VERSION;
        if !header_ok {
            return Err("the gazetteer image is not one this build reads".to_string());
        }
        if image.at(2) as usize != rows.len() {
            return Err("the gazetteer image was made from other rows".to_string());
        }
        let len = image.at(3) as usize;
        let code_table_at = image.at(4) as usize;
        let cap = image.at(code_table_at.min(image.words() - 1)) as usize;
        if HEADER_WORDS + DIVISION_WORDS * len > code_table_at
            || !cap.is_power_of_two()
            || code_table_at + 1 + cap > image.words()
        {
            return Err("the gazetteer image is truncated".to_string());
        }
        let table = |i: usize| NameIndex::read(image, rows, image.at(5 + i) as usize);
        Ok(Gazetteer {
            rows,
            image,
            len,
            divisions_at: HEADER_WORDS,
            code_slot_mask: cap - 1,
            code_slots_at: code_table_at + 1,
            full: table(image::FULL)?,
            short: table(image::SHORT)?,
            text_full: table(image::TEXT_FULL)?,
            text_short: table(image::TEXT_SHORT)?,
        })
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Division `idx` (an index the gazetteer gave out).
    pub fn division(&self, idx: usize) -> Division {
        assert!(idx < self.len, "division {idx} of {}", self.len);
        let at = self.divisions_at + DIVISION_WORDS * idx;
        let word = |k: usize| self.image.at(at + k);
        let packed = word(2);
        let text = |start: u32, len: u32| &self.rows[start as usize..(start + len) as usize];
        let parent = |k: usize| Some(word(k)).filter(|&p| p != NONE).map(|p| p as usize);
        Division {
            code: text(word(0), packed & 0xff),
            name: text(word(1), packed >> 8 & 0xff),
            level: match packed >> 16 & 0xff {
                0 => DivisionLevel::Province,
                1 => DivisionLevel::City,
                2 => DivisionLevel::County,
                _ => DivisionLevel::Township,
            },
            province: parent(3),
            city: parent(4),
            county: parent(5),
            placeholder: packed >> 24 != 0,
        }
    }

    pub fn by_code(&self, code: &str) -> Option<Division> {
        let mut slot = image::hash(code.as_bytes()) as usize & self.code_slot_mask;
        loop {
            let idx = self.image.at(self.code_slots_at + slot) as usize;
            if idx == 0 {
                return None;
            }
            let d = self.division(idx - 1);
            if d.code == code {
                return Some(d);
            }
            slot = (slot + 1) & self.code_slot_mask;
        }
    }

    /// Divisions whose full name is `name` (海珠区), else whose short name is (海珠).
    pub fn lookup(&self, name: &str) -> Vec<Division> {
        self.lookup_ids(name).map(|i| self.division(i)).collect()
    }

    fn lookup_ids(&self, name: &str) -> DivisionIds {
        let full = self.full.ids(name);
        if full.len() > 0 {
            full
        } else {
            self.short.ids(name)
        }
    }

    /// The longest full place name that `text` ends with (`…天津市和平区` → 和平区).
    pub fn name_ending(&self, text: &str) -> Option<&str> {
        // Only the last few characters can be part of a name: never index the whole prefix.
        let from = text
            .char_indices()
            .rev()
            .nth(self.full.max_chars)
            .map_or(0, |(b, _)| b);
        let text = &text[from..];
        let offsets = char_offsets(text);
        let end = offsets.len() - 1;
        if end == 0 {
            return None;
        }
        self.full
            .longest_ending_at(text, &offsets, end)
            .map(|(n, _)| n)
    }

    /// Full place names in an issuer's name (every level, longest match first); when there
    /// is none, short names (海幢街 → 海幢).
    pub fn issuer_places(&self, issuer: &str) -> Vec<PlaceMention> {
        let found = self.full.scan(issuer, false);
        if found.is_empty() {
            self.short.scan(issuer, true)
        } else {
            found
        }
    }

    /// Short names of every level in a text (鱼复 for 鱼复街道): weak evidence, for a page
    /// that names itself only so.
    pub fn short_places(&self, text: &str) -> Vec<PlaceMention> {
        self.short.scan(text, true)
    }

    /// Place names usable as evidence in running text: full names and province/city short names.
    pub fn text_places(&self, text: &str) -> Vec<PlaceMention> {
        let mut found = self.text_full.scan(text, false);
        found.extend(self.text_short.scan(text, true));
        remove_overlaps(found)
    }

    /// Whether `ancestor` encloses `idx` (or is it).
    fn encloses(&self, ancestor: usize, idx: usize) -> bool {
        let d = self.division(idx);
        ancestor == idx || [d.province, d.city, d.county].contains(&Some(ancestor))
    }

    /// Whether a division named `name` encloses `idx` (strictly).
    fn name_encloses(&self, name: &str, idx: usize) -> bool {
        self.lookup_ids(name)
            .any(|a| a != idx && self.encloses(a, idx))
    }

    /// Province, city and county names of a division (the city of a direct-controlled
    /// municipality is the municipality itself; 省直辖 counties have no city).
    fn enclosing_names(&self, idx: usize) -> Enclosing {
        let d = self.division(idx);
        let name_of = |i: Option<usize>| i.map(|i| self.division(i));
        let province = match d.level {
            DivisionLevel::Province => Some(d.name),
            _ => name_of(d.province).map(|p| p.name),
        };
        let city_div = match d.level {
            DivisionLevel::Province => None,
            DivisionLevel::City => Some(d),
            _ => name_of(d.city),
        };
        let city = city_div.and_then(|c| {
            if !c.placeholder {
                Some(c.name)
            } else if MUNICIPALITY_PLACEHOLDERS.contains(&c.name) {
                province
            } else {
                None
            }
        });
        let county = match d.level {
            DivisionLevel::County => Some(d.name),
            DivisionLevel::Township => name_of(d.county).map(|c| c.name),
            _ => None,
        };
        (province, city, county)
    }

    /// Resolve the division of an issuer (e.g. 广州市海珠区人民政府海幢街道办事处, 小营街道办事处,
    /// 温岭市司法局) with the whole body as context.
    ///
    /// The issuer's most specific place is the target; its other places (广州市, 海珠区) and
    /// the places named in the body (浙江省, 杭州市 inside 《…》 too) choose among same-named
    /// candidates. A department takes the code of its government (温岭市司法局 → 温岭市).
    pub fn resolve(&self, issuer: &str, body: &str) -> PlaceResolution {
        self.resolve_in(issuer, &[body])
    }

    /// `resolve` with the context in parts (the body, then the page's publisher and source
    /// lines), read as if joined by line breaks. Most issuers resolve before the context is
    /// needed, so the parts are joined only then, not for every document.
    pub fn resolve_in(&self, issuer: &str, context: &[&str]) -> PlaceResolution {
        let mentions = self.issuer_places(issuer);
        // The target is the deepest-level mention; on a tie the last one (the unit itself).
        let target = mentions.iter().enumerate().max_by_key(|(i, m)| {
            let depth = self
                .lookup_ids(&m.name)
                .map(|d| self.division(d).level)
                .max();
            (depth, *i)
        });
        let Some((_, target)) = target else {
            return PlaceResolution {
                division_match: "none".to_string(),
                warning: Some(format!(
                    "no place name of the gazetteer found in the issuer '{issuer}'"
                )),
                ..Default::default()
            };
        };
        let mut candidates: Vec<usize> = self.lookup_ids(&target.name).collect();
        let total = candidates.len();
        if total == 1 {
            return self.resolved(candidates[0], &target.name, "exact");
        }

        // Evidence 1: the other places of the issuer's own name (广州市海珠区… → 海幢街道).
        let own = self.support(
            mentions
                .iter()
                .filter(|m| m.name != target.name)
                .map(|m| (m, 1)),
        );
        candidates = self.best_supported(&candidates, &own);
        if candidates.len() == 1 {
            return self.resolved(candidates[0], &target.name, "context");
        }

        // Evidence 2: places named anywhere in the body; full names weigh more than short ones.
        let body: Cow<str> = match context {
            [one] => Cow::Borrowed(one),
            parts => Cow::Owned(parts.join("\n")),
        };
        let in_body = self.text_places(&body);
        let from_body = self.support(in_body.iter().map(|m| (m, if m.short { 1 } else { 3 })));
        candidates = self.best_supported(&candidates, &from_body);
        if candidates.len() == 1 {
            return self.resolved(candidates[0], &target.name, "context");
        }

        let listed = candidates
            .iter()
            .map(|&c| {
                let (p, ci, co) = self.enclosing_names(c);
                let path: Vec<&str> = [p, ci, co].into_iter().flatten().collect();
                format!("{} {}", self.division(c).code, path.join(""))
            })
            .collect::<Vec<_>>();
        // Fields all remaining candidates agree on are still worth reporting.
        let named: Vec<_> = candidates
            .iter()
            .map(|&c| self.enclosing_names(c))
            .collect();
        let common = |f: fn(&Enclosing) -> Option<&'static str>| {
            let first = f(&named[0]);
            named
                .iter()
                .all(|n| f(n) == first)
                .then_some(first)
                .flatten()
                .map(str::to_string)
        };
        PlaceResolution {
            province: common(|n| n.0),
            city: common(|n| n.1),
            county: common(|n| n.2),
            division_code: None,
            division_match: "none".to_string(),
            level: Some(self.division(candidates[0]).level),
            place_name: Some(target.name.clone()),
            warning: Some(format!(
                "place '{}' is ambiguous and the text does not say which: candidates left {}",
                target.name,
                listed.join(", ")
            )),
        }
    }

    /// Weight of evidence per division id: each mention supports every division it may name.
    fn support<'m>(
        &self,
        mentions: impl Iterator<Item = (&'m PlaceMention, usize)>,
    ) -> HashMap<usize, usize> {
        let mut weights = HashMap::default();
        for (m, w) in mentions {
            let index = if m.short { &self.short } else { &self.full };
            for id in index.ids(&m.name) {
                *weights.entry(id).or_insert(0) += w;
            }
        }
        weights
    }

    /// The candidates whose enclosing divisions have the highest total support
    /// (all of them when nothing supports any candidate).
    fn best_supported(&self, candidates: &[usize], support: &HashMap<usize, usize>) -> Vec<usize> {
        let scores: Vec<usize> = candidates
            .iter()
            .map(|&c| {
                let d = self.division(c);
                [d.province, d.city, d.county]
                    .into_iter()
                    .flatten()
                    .filter_map(|a| support.get(&a))
                    .sum()
            })
            .collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best == 0 {
            return candidates.to_vec();
        }
        candidates
            .iter()
            .zip(&scores)
            .filter(|(_, &s)| s == best)
            .map(|(&c, _)| c)
            .collect()
    }

    fn resolved(&self, idx: usize, place: &str, how: &str) -> PlaceResolution {
        let (province, city, county) = self.enclosing_names(idx);
        let d = self.division(idx);
        PlaceResolution {
            province: province.map(str::to_string),
            city: city.map(str::to_string),
            county: county.map(str::to_string),
            division_code: Some(d.code.to_string()),
            division_match: how.to_string(),
            level: Some(d.level),
            place_name: Some(place.to_string()),
            warning: None,
        }
    }

    /// Whether some division named `outer` encloses some division named `inner`
    /// (天津市 encloses 和平区; 温岭市 encloses 滨海镇).
    pub fn names_nest(&self, outer: &str, inner: &str) -> bool {
        self.lookup_ids(inner).any(|i| self.name_encloses(outer, i))
    }

    /// Every distinct full name in the gazetteer (for tests and diagnostics).
    pub fn name_count(&self) -> usize {
        self.full.names
    }
}

/// The gazetteer shipped with the crate, for tests (the one a run uses).
#[cfg(test)]
pub(crate) fn test_gazetteer() -> &'static Gazetteer {
    &crate::pipeline::GAZETTEER
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_all_levels_and_skips_placeholders() {
        let g = test_gazetteer();
        assert!(g.len() > 44_000);
        assert_eq!(g.by_code("440105007").unwrap().name, "海幢街道");
        assert!(g.lookup("市辖区").is_empty());
        // County-level city 温岭市 lives in areas.csv, found by full and short name.
        assert_eq!(g.lookup("温岭市")[0].code, "331081");
        assert_eq!(g.lookup("温岭")[0].code, "331081");
        assert!(g.lookup("小营").iter().any(|d| d.code == "330102004"));
        assert!(g.name_count() > 30_000);
    }

    #[test]
    fn short_names() {
        assert_eq!(short_name("海珠区"), Some("海珠"));
        assert_eq!(short_name("小营街道"), Some("小营"));
        assert_eq!(short_name("广西壮族自治区"), Some("广西"));
        assert_eq!(short_name("新县"), None);
    }

    #[test]
    fn embedded_rows_are_the_shipped_csv_files() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer");
        let texts = rows::FILES.map(|(file, _, _)| {
            std::fs::read_to_string(dir.join(file)).expect("shipped gazetteer file")
        });
        let rows = rows::rows_from_csv(texts.each_ref().map(String::as_str)).unwrap();
        let embedded = include_str!(concat!(env!("OUT_DIR"), "/gazetteer_rows.tsv"));
        assert!(
            rows == embedded,
            "build.rs embedded other rows than data/gazetteer holds"
        );
        assert_eq!(test_gazetteer().len(), rows.lines().count());
        let tables = image::build(embedded, &INDEX_WORDS).unwrap();
        let embedded_tables: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.image"));
        assert!(
            tables == embedded_tables,
            "build.rs laid out other tables than the crate's word lists make"
        );
    }

    #[test]
    fn an_image_of_other_rows_or_layout_is_refused() {
        let rows = "P\t11\t北京市\nC\t1101\t市辖区\t11\n";
        let tables: &'static [u8] = image::build(rows, &INDEX_WORDS).unwrap().leak();
        assert!(Gazetteer::from_image(rows, tables).is_ok());
        let err = Gazetteer::from_image("P\t12\t天津市\n", tables).unwrap_err();
        assert!(err.contains("other rows"), "{err}");
        let mut old = tables.to_vec();
        old[4] ^= 0xff;
        let err = Gazetteer::from_image(rows, old.leak()).unwrap_err();
        assert!(err.contains("not one this build reads"), "{err}");
        let err = Gazetteer::from_image(rows, &tables[..tables.len() / 8 * 4]).unwrap_err();
        assert!(
            err.contains("truncated") || err.contains("malformed"),
            "{err}"
        );
    }

    #[test]
    fn lookups_agree_with_a_scan_of_the_rows() {
        // Every division is found by its code, and by its name unless it is a placeholder.
        let g = test_gazetteer();
        for idx in (0..g.len()).step_by(97) {
            let d = g.division(idx);
            assert_eq!(g.by_code(d.code).map(|b| b.name), Some(d.name));
            let named = g.lookup(d.name);
            assert_eq!(
                named.iter().any(|n| n.code == d.code),
                !d.placeholder,
                "{d:?}"
            );
            for parent in [d.province, d.city, d.county].into_iter().flatten() {
                assert!(g.division(parent).level < d.level, "{d:?}");
            }
        }
        assert!(g.by_code("99").is_none() && g.by_code("").is_none());
    }

    #[test]
    fn rejects_malformed_rows() {
        let err = Gazetteer::from_rows("X\t11\t北京市\n").unwrap_err();
        assert!(err.contains("row 1"), "{err}");
        assert!(Gazetteer::from_rows("P\t11\n").is_err());
        let four_parents = "P\t11\t北京市\nS\t110101001\t东华门街道\t11\t11\t11\t11\n";
        assert!(Gazetteer::from_rows(four_parents).is_err());
        let err = Gazetteer::from_csv_strs(
            "code,name\n11,\"北京\t市\"\n",
            "code,name,provinceCode\n",
            "code,name,cityCode,provinceCode\n",
            "code,name,areaCode,provinceCode,cityCode\n",
        )
        .unwrap_err();
        assert_eq!(
            err,
            "provinces.csv: row 2 has a tab or line break in a field"
        );
    }

    #[test]
    fn rejects_bad_csv() {
        assert!(Gazetteer::from_csv_strs("code\n11\n", "", "", "").is_err());
        let err = Gazetteer::from_csv_strs(
            "code,name\n11,\"北京市\"\n",
            "code,name,provinceCode\n1101,\"市辖区\",99\n",
            "code,name,cityCode,provinceCode\n",
            "code,name,areaCode,provinceCode,cityCode\n",
        )
        .unwrap_err();
        assert!(err.contains("parent code 99"), "{err}");
        let err = Gazetteer::from_csv_strs("code\n11\n", "", "", "").unwrap_err();
        assert_eq!(err, "provinces.csv: column name is missing");
        // Rows are numbered as a spreadsheet shows them: the header is row 1.
        let err = Gazetteer::from_csv_strs(
            "code,name\n11,\"北京市\"\n12, \n",
            "code,name,provinceCode\n",
            "code,name,cityCode,provinceCode\n",
            "code,name,areaCode,provinceCode,cityCode\n",
        )
        .unwrap_err();
        assert_eq!(err, "provinces.csv: row 3 has an empty field");
    }

    #[test]
    fn quoted_names_and_a_bom_are_read() {
        let g = Gazetteer::from_csv_strs(
            "\u{feff}code,name\n44,\"广东省\"\n",
            "code,name,provinceCode\n4401,\"广州市\",44\n",
            "code,name,cityCode,provinceCode\n440105,\"海珠区\",4401,44\n",
            "code,name,areaCode,provinceCode,cityCode\n440105001,\"海幢街道\",440105,44,4401\n",
        )
        .unwrap();
        assert_eq!(g.len(), 4);
        let street = g.by_code("440105001").expect("street");
        assert_eq!(street.name, "海幢街道");
        assert_eq!(g.division(street.county.expect("county")).name, "海珠区");
    }

    #[test]
    fn unique_street_is_exact() {
        let r = test_gazetteer().resolve("广州市海珠区人民政府海幢街道办事处", "");
        assert_eq!(r.division_code.as_deref(), Some("440105007"));
        assert_eq!(r.division_match, "exact");
        assert_eq!(r.province.as_deref(), Some("广东省"));
        assert_eq!(r.city.as_deref(), Some("广州市"));
        assert_eq!(r.county.as_deref(), Some("海珠区"));
    }

    #[test]
    fn municipality_city_is_the_municipality() {
        let r = test_gazetteer().resolve("天津市和平区人民政府小白楼街道办事处", "");
        assert_eq!(r.division_code.as_deref(), Some("120101002"));
        assert_eq!(r.province.as_deref(), Some("天津市"));
        assert_eq!(r.city.as_deref(), Some("天津市"));
        assert_eq!(r.county.as_deref(), Some("和平区"));
    }

    #[test]
    fn binhai_town_without_context_is_none() {
        let r =
            test_gazetteer().resolve("滨海镇", "滨海镇坚持把法治建设作为贯穿党委政府工作的主线");
        assert_eq!(r.division_match, "none");
        assert_eq!(r.division_code, None);
        let w = r.warning.unwrap();
        assert!(
            w.contains("130209112") && w.contains("331081106") && w.contains("371603107"),
            "{w}"
        );
    }

    #[test]
    fn binhai_town_with_context() {
        let g = test_gazetteer();
        // The issuer's own name carries the county-level city.
        let r = g.resolve("温岭市滨海镇", "");
        assert_eq!(r.division_code.as_deref(), Some("331081106"));
        assert_eq!(r.division_match, "context");
        // The body names it inside a document title.
        let body = "对《温岭市滨海镇全域整治自愿搬迁聚集试行办法》进行合法性审查";
        let r = g.resolve("滨海镇", body);
        assert_eq!(r.division_code.as_deref(), Some("331081106"));
        assert_eq!(r.city.as_deref(), Some("台州市"));
        // Shandong: 滨州市 and its 沾化区.
        let r = g.resolve("滨海镇", "在滨州市委、沾化区委的领导下");
        assert_eq!(r.division_code.as_deref(), Some("371603107"));
    }

    #[test]
    fn context_in_parts_reads_as_the_parts_joined_by_line_breaks() {
        let g = test_gazetteer();
        // The body alone does not decide; the page's source line (a later part) does.
        let body = "滨海镇坚持把法治建设作为贯穿党委政府工作的主线";
        let source = "温岭市人民政府";
        let in_parts = g.resolve_in("滨海镇", &[body, source]);
        assert_eq!(in_parts.division_code.as_deref(), Some("331081106"));
        assert_eq!(in_parts, g.resolve("滨海镇", &format!("{body}\n{source}")));
        // A place name is never read across two parts.
        let split = g.resolve_in("小营街道", &["浙", "江省"]);
        assert_eq!(split, g.resolve("小营街道", "浙\n江省"));
        assert_ne!(split, g.resolve("小营街道", "浙江省"));
    }

    #[test]
    fn xiaoying_street_by_province_and_city() {
        let g = test_gazetteer();
        let body = "党工委理论学习中心组会议集体学习《浙江省行政合法性审查工作规定》。将《杭州市老旧小区住宅加装电梯马市街社区大王庙巷1-2单元》决策事项纳入";
        let r = g.resolve("小营街道办事处", body);
        assert_eq!(r.division_code.as_deref(), Some("330102004"));
        assert_eq!(r.division_match, "context");
        assert_eq!(r.county.as_deref(), Some("上城区"));
        // Short province name alone (法治浙江) is weak but enough when nothing contradicts it.
        let r = g.resolve("小营街道", "深入推进法治浙江建设");
        assert_eq!(r.division_code.as_deref(), Some("330102004"));
        let r = g.resolve("小营街道", "滨州市滨城区委依法治区办");
        assert_eq!(r.division_code.as_deref(), Some("371602007"));
        let r = g.resolve("小营街道", "");
        assert_eq!(r.division_match, "none");
    }

    #[test]
    fn department_takes_its_government_code() {
        let g = test_gazetteer();
        let r = g.resolve("温岭市司法局", "");
        assert_eq!(r.division_code.as_deref(), Some("331081"));
        assert_eq!(r.level, Some(DivisionLevel::County));
        let r = g.resolve("浙江省司法厅", "");
        assert_eq!(r.division_code.as_deref(), Some("33"));
    }

    #[test]
    fn joint_issuer_and_short_issuer() {
        let g = test_gazetteer();
        let r = g.resolve("中共新县金兰山街道工作委员会 新县金兰山街道办事处", "");
        assert_eq!(r.division_code.as_deref(), Some("411523001"));
        assert_eq!(r.city.as_deref(), Some("信阳市"));
        // A site's 来源 line gives only a short form.
        let r = g.resolve("海幢街", "");
        assert_eq!(r.division_code.as_deref(), Some("440105007"));
    }

    #[test]
    fn no_place_and_odd_input_do_not_panic() {
        let g = test_gazetteer();
        for s in ["", "市", "\u{0}\u{feff}🙂区", "办公室", "𠀀𠀁街道"] {
            let r = g.resolve(s, s);
            assert_eq!(r.division_match, "none");
        }
        assert_eq!(g.name_ending("天津市和平区"), Some("和平区"));
        assert_eq!(g.name_ending(""), None);
        assert!(g.names_nest("天津市", "和平区"));
        assert!(!g.names_nest("浙江省", "和平区"));
    }

    #[test]
    fn text_scan_prefers_longest_and_skips_common_words() {
        let g = test_gazetteer();
        let found = g.text_places("中共新县金兰山街道工作委员会，持续做好城区环境品质提升");
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert!(
            names.contains(&"新县") && names.contains(&"金兰山街道"),
            "{names:?}"
        );
        assert!(
            !names.contains(&"兰山街道") && !names.contains(&"城区"),
            "{names:?}"
        );
    }
}
