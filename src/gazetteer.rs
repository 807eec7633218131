//! Gazetteer of Chinese administrative divisions (NBS statistical division codes) and place
//! resolution: which division a report's issuer belongs to.
//!
//! Built once per run from rows the build script made of the shipped CSV files (see
//! [`rows`]): names are borrowed from those rows, not copied. Every lookup afterwards is a
//! hash lookup. Text is scanned for place
//! names by testing, at each character that can end a name, the few name lengths that end in
//! that character — no scan of the 41k rows per document. The maps hash with FxHash: the
//! keys are short names and characters, looked up several times per character of text.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

pub mod rows;

use crate::lexicon::orgs::{
    MUNICIPALITY_PLACEHOLDERS, NAME_SUFFIXES, PLACEHOLDER_NAMES, PLACE_STOPLIST,
};

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
#[derive(Debug, Clone)]
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

/// The divisions (indices into the gazetteer) a name stands for. Most names stand for one:
/// it is kept inline, without a vector of its own.
#[derive(Debug)]
enum DivisionIds {
    One(usize),
    Many(Vec<usize>),
}

impl DivisionIds {
    fn as_slice(&self) -> &[usize] {
        match self {
            DivisionIds::One(id) => std::slice::from_ref(id),
            DivisionIds::Many(ids) => ids,
        }
    }

    fn push(&mut self, id: usize) {
        match self {
            DivisionIds::One(first) => *self = DivisionIds::Many(vec![*first, id]),
            DivisionIds::Many(ids) => ids.push(id),
        }
    }
}

/// Names indexed for lookup, plus for each final character the name lengths that end in it,
/// so a text can be scanned with a handful of hash lookups per character.
#[derive(Debug, Default)]
struct NameIndex {
    names: HashMap<&'static str, DivisionIds>,
    /// Length in characters of the longest name.
    max_chars: usize,
    lengths_by_last_char: HashMap<char, Vec<usize>>,
}

impl NameIndex {
    fn with_capacity(names: usize) -> Self {
        NameIndex {
            names: HashMap::with_capacity_and_hasher(names, Default::default()),
            ..Default::default()
        }
    }

    /// Indexes `name` (of `n_chars` characters) for division `idx`. Divisions are indexed in
    /// ascending order, so a repeat of the same pair can only be the last id of the name.
    fn insert(&mut self, name: &'static str, n_chars: usize, idx: usize) {
        match self.names.entry(name) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(DivisionIds::One(idx));
            }
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let last = e.get().as_slice().last().copied();
                debug_assert!(last.is_none_or(|last| last <= idx));
                if last != Some(idx) {
                    e.get_mut().push(idx);
                }
            }
        }
        if let Some(last) = name.chars().next_back() {
            self.max_chars = self.max_chars.max(n_chars);
            let lens = self.lengths_by_last_char.entry(last).or_default();
            if !lens.contains(&n_chars) {
                lens.push(n_chars);
                // Longest first: the longest name ending at a position wins.
                lens.sort_unstable_by(|a, b| b.cmp(a));
            }
        }
    }

    /// The longest indexed name that `chars[..end]` ends with.
    fn longest_ending_at<'a>(
        &'a self,
        text: &str,
        offsets: &[usize],
        end: usize,
    ) -> Option<(&'a str, usize)> {
        let last = text[offsets[end - 1]..offsets[end]].chars().next()?;
        let lens = self.lengths_by_last_char.get(&last)?;
        for &len in lens {
            if len > end {
                continue;
            }
            let candidate = &text[offsets[end - len]..offsets[end]];
            if let Some((&key, _)) = self.names.get_key_value(candidate) {
                return Some((key, len));
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

/// The name without its administrative suffix (海珠区 → 海珠), when at least two characters remain.
pub fn short_name(name: &str) -> Option<&str> {
    for suffix in NAME_SUFFIXES {
        if let Some(stem) = name.strip_suffix(suffix) {
            if stem.chars().count() >= 2 && !stem.ends_with('族') {
                return Some(stem);
            }
            return None;
        }
    }
    None
}

/// Province, city and county names enclosing a division.
type Enclosing = (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

/// Built once per run from the rows of the four CSV files of the NBS division codes (see
/// [`rows`]).
#[derive(Debug)]
pub struct Gazetteer {
    divisions: Vec<Division>,
    by_code: HashMap<&'static str, usize>,
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

impl Gazetteer {
    /// The gazetteer shipped in `data/gazetteer/`, as the build script converted it into
    /// rows (no CSV to parse at start-up).
    pub fn embedded() -> Result<Self, String> {
        Self::from_rows(include_str!(concat!(
            env!("OUT_DIR"),
            "/gazetteer_rows.tsv"
        )))
    }

    /// Build from rows made by [`rows::rows_from_csv`], outer levels first.
    pub fn from_rows(rows: &'static str) -> Result<Self, String> {
        let mut g = Gazetteer {
            divisions: Vec::with_capacity(45_000),
            by_code: HashMap::with_capacity_and_hasher(45_000, Default::default()),
            full: NameIndex::default(),
            short: NameIndex::default(),
            text_full: NameIndex::default(),
            text_short: NameIndex::default(),
        };
        // Rows come grouped under their parents: the last parents seen answer most lookups.
        let mut parent_cache: [Option<(&str, usize)>; 3] = [None; 3];
        let rows = crate::text::split_lines(rows).filter(|r| !r.is_empty());
        for (i, row) in rows.enumerate() {
            let bad = || {
                format!(
                    "gazetteer row {}: '{row}' is not level, code, name, parents",
                    i + 1
                )
            };
            let mut fields = crate::text::split_at_ascii(row, b'\t');
            let (Some(tag), Some(code), Some(name)) = (fields.next(), fields.next(), fields.next())
            else {
                return Err(bad());
            };
            let level = match tag {
                "P" => DivisionLevel::Province,
                "C" => DivisionLevel::City,
                "A" => DivisionLevel::County,
                "S" => DivisionLevel::Township,
                _ => return Err(bad()),
            };
            // At most three enclosing levels: their codes fit an array.
            let mut parents = [""; 3];
            let mut n = 0;
            for parent in fields {
                *parents.get_mut(n).ok_or_else(bad)? = parent;
                n += 1;
            }
            g.add(code, name, level, &parents[..n], &mut parent_cache)?;
        }
        g.build_indexes();
        Ok(g)
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

    /// `parents` are the codes of the enclosing levels, outermost first; `cache` holds the
    /// code and index last looked up at each level.
    fn add(
        &mut self,
        code: &'static str,
        name: &'static str,
        level: DivisionLevel,
        parents: &[&'static str],
        cache: &mut [Option<(&'static str, usize)>; 3],
    ) -> Result<(), String> {
        let mut division = Division {
            code,
            name,
            level,
            province: None,
            city: None,
            county: None,
            placeholder: PLACEHOLDER_NAMES.contains(&name),
        };
        let slots = [
            &mut division.province,
            &mut division.city,
            &mut division.county,
        ];
        for ((slot, parent), cached) in slots.into_iter().zip(parents).zip(cache.iter_mut()) {
            let idx = match *cached {
                Some((last, idx)) if last == *parent => idx,
                _ => {
                    let idx = *self.by_code.get(*parent).ok_or_else(|| {
                        format!("division {code} {name}: parent code {parent} is unknown")
                    })?;
                    *cached = Some((parent, idx));
                    idx
                }
            };
            *slot = Some(idx);
        }
        self.by_code.insert(code, self.divisions.len());
        self.divisions.push(division);
        Ok(())
    }

    fn build_indexes(&mut self) {
        let n = self.divisions.len();
        self.full = NameIndex::with_capacity(n);
        self.short = NameIndex::with_capacity(n);
        self.text_full = NameIndex::with_capacity(n);
        for (idx, d) in self.divisions.iter().enumerate() {
            if d.placeholder {
                continue;
            }
            let name = d.name;
            let n_chars = name.chars().count();
            self.full.insert(name, n_chars, idx);
            let common_word = PLACE_STOPLIST.contains(&name);
            if !common_word && (n_chars >= 3 || name.ends_with('县') || name.ends_with('市')) {
                self.text_full.insert(name, n_chars, idx);
            }
            if let Some(stem) = short_name(name) {
                let stem_chars = stem.chars().count();
                self.short.insert(stem, stem_chars, idx);
                if d.level <= DivisionLevel::City && !PLACE_STOPLIST.contains(&stem) {
                    self.text_short.insert(stem, stem_chars, idx);
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.divisions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.divisions.is_empty()
    }

    pub fn division(&self, idx: usize) -> &Division {
        &self.divisions[idx]
    }

    pub fn by_code(&self, code: &str) -> Option<&Division> {
        self.by_code.get(code).map(|&i| &self.divisions[i])
    }

    /// Divisions whose full name is `name` (海珠区), else whose short name is (海珠).
    pub fn lookup(&self, name: &str) -> Vec<&Division> {
        self.lookup_ids(name)
            .iter()
            .map(|&i| &self.divisions[i])
            .collect()
    }

    fn lookup_ids(&self, name: &str) -> &[usize] {
        self.full
            .names
            .get(name)
            .or_else(|| self.short.names.get(name))
            .map(DivisionIds::as_slice)
            .unwrap_or(&[])
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

    /// Place names usable as evidence in running text: full names and province/city short names.
    pub fn text_places(&self, text: &str) -> Vec<PlaceMention> {
        let mut found = self.text_full.scan(text, false);
        found.extend(self.text_short.scan(text, true));
        remove_overlaps(found)
    }

    /// Whether `ancestor` encloses `idx` (or is it).
    fn encloses(&self, ancestor: usize, idx: usize) -> bool {
        let d = &self.divisions[idx];
        ancestor == idx || [d.province, d.city, d.county].contains(&Some(ancestor))
    }

    /// Whether a division named `name` encloses `idx` (strictly).
    fn name_encloses(&self, name: &str, idx: usize) -> bool {
        self.lookup_ids(name)
            .iter()
            .any(|&a| a != idx && self.encloses(a, idx))
    }

    /// Province, city and county names of a division (the city of a direct-controlled
    /// municipality is the municipality itself; 省直辖 counties have no city).
    fn enclosing_names(&self, idx: usize) -> Enclosing {
        let d = &self.divisions[idx];
        let name_of = |i: Option<usize>| i.map(|i| &self.divisions[i]);
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
                .iter()
                .map(|&d| self.divisions[d].level)
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
        let mut candidates: Vec<usize> = self.lookup_ids(&target.name).to_vec();
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
                format!("{} {}", self.divisions[c].code, path.join(""))
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
            level: Some(self.divisions[candidates[0]].level),
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
            for &id in index
                .names
                .get(m.name.as_str())
                .map(DivisionIds::as_slice)
                .unwrap_or(&[])
            {
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
                let d = &self.divisions[c];
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
        let d = &self.divisions[idx];
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
        self.lookup_ids(inner)
            .iter()
            .any(|&i| self.name_encloses(outer, i))
    }

    /// Every distinct full name in the gazetteer (for tests and diagnostics).
    pub fn name_count(&self) -> usize {
        self.full.names.len()
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
