//! Gazetteer of Chinese administrative divisions (NBS statistical division codes) and place
//! resolution: which division a report's issuer belongs to.
//!
//! The build script turns the shipped CSV files into rows (see [`rows`]) and the rows into
//! lookup tables laid out as bytes (see [`image`]); both are compiled into the binary and read
//! in place, so a run starts without building anything. Every lookup is a hash lookup. Text
//! is scanned for place names by testing, at each character that can end a name, the few
//! name lengths that end in that character — no scan of the 45k rows per document.

pub mod image;
mod index;
mod resolve;
pub mod rows;

use crate::lexicon::orgs::{
    DEPARTMENT_WORDS, GENERIC_DIVISION_WORDS, INSTITUTION_WORDS, MUNICIPALITY_PLACEHOLDERS,
    NAME_SUFFIXES, PLACEHOLDER_NAMES, PLACE_STOPLIST,
};
use image::{DIVISION_WORDS, HEADER_WORDS, NONE};
use index::{char_offsets, remove_overlaps, DivisionIds, Image, NameIndex};

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
            // A few rows are named as the office itself (`新华街道办事处`, `庆北办事处`).
            DivisionLevel::Township if name.ends_with("街道") || name.ends_with("办事处") => {
                "街道"
            }
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

/// The word lists that decide what the name tables hold.
const INDEX_WORDS: image::Words = image::Words {
    name_suffixes: NAME_SUFFIXES,
    place_stoplist: PLACE_STOPLIST,
    placeholder_names: PLACEHOLDER_NAMES,
    generic_words: GENERIC_DIVISION_WORDS,
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
        let mut found = self.full.scan(issuer, false);
        // A division whose whole name is a common word (`街道`, `农场`) is a place only right
        // after another (`获嘉县农场`), not on its own (`xx街道`, `县林业局`).
        let common = |m: &PlaceMention| PLACE_STOPLIST.contains(&m.name.as_str());
        let place_ends: Vec<usize> = found
            .iter()
            .filter(|m| !common(m))
            .map(|m| m.char_end)
            .collect();
        found.retain(|m| !common(m) || place_ends.contains(&m.char_start));
        if !found.is_empty() {
            return found;
        }
        // Short names are weak: none inside an institution's or a department's word (`人民`
        // in `人民政府`, `市场` in `市场监督管理局`), and only where a name's places stand: at
        // its start, after another place, or after 中共 (a level word alone, `市` of
        // `市人力资源和社会保障局`, follows no place).
        let mut short = self.short.scan(issuer, true);
        if short.is_empty() {
            return short;
        }
        let chars: Vec<char> = issuer.chars().collect();
        let mut word_spans: Vec<(usize, usize)> = Vec::new();
        // Zone words too (`工业` of 工业街道 in `工业园区`), but not the level characters.
        let zone_words = GENERIC_DIVISION_WORDS
            .iter()
            .filter(|w| w.chars().count() > 1);
        for word in INSTITUTION_WORDS
            .iter()
            .chain(DEPARTMENT_WORDS)
            .chain(zone_words)
        {
            for (at, _) in issuer.match_indices(word) {
                let start = issuer[..at].chars().count();
                word_spans.push((start, start + word.chars().count()));
            }
        }
        let ends: Vec<usize> = short.iter().map(|m| m.char_end).collect();
        short.retain(|m| {
            let at_place = m.char_start == 0
                || ends.contains(&m.char_start)
                || chars[..m.char_start].ends_with(&['中', '共']);
            at_place
                && word_spans
                    .iter()
                    .all(|&(s, e)| m.char_end <= s || m.char_start >= e)
        });
        short
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
mod tests;
