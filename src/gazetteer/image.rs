//! The gazetteer's lookup tables laid out once as bytes, the *image*, which the binary embeds
//! beside the rows it indexes. A run reads the tables in place instead of building 45,000
//! divisions and four hash maps at every start: that building was a fifth of a small run's
//! CPU and a third of its page faults. The build script and the crate's tests (on their own
//! small gazetteers) make images with this same code, so the two cannot disagree.
//!
//! This file is also compiled into the build script: it uses nothing from the crate.
//!
//! Every number is a little-endian u32 *word*; positions are word indices. Names and codes are
//! not copied: they are (byte offset, byte length) into the rows text.
//! - header: [`MAGIC`], [`VERSION`], length of the rows text, number of divisions, then the
//!   word position of the code table and of each of the four name tables;
//! - divisions, [`DIVISION_WORDS`] words each: code start, name start, code length | name
//!   length << 8 | level << 16 | placeholder << 24, then the province, city and county
//!   indices ([`NONE`] when absent);
//! - code table: capacity (a power of two), then that many slots, each a division + 1
//!   (0 = empty), placed by the hash of the code with linear probing;
//! - name table: capacity, entry count, longest name in characters, capacity and position
//!   of the last-character table; slots (hash tag, entry + 1); entries (name start, name length,
//!   first id, id count); ids (division indices, ascending); last-character slots
//!   (character + 1, then a 64-bit mask of the name lengths that end in it).

/// First word of an image.
pub const MAGIC: u32 = u32::from_le_bytes(*b"GZIM");
/// Bumped whenever the layout changes.
pub const VERSION: u32 = 1;
/// A missing enclosing division.
pub const NONE: u32 = u32::MAX;
/// Words per division record.
pub const DIVISION_WORDS: usize = 6;
/// Words of the header.
pub const HEADER_WORDS: usize = 10;
/// Words of a name table's own header.
pub const TABLE_HEADER_WORDS: usize = 5;
/// The four name indexes, in header order.
pub const FULL: usize = 0;
pub const SHORT: usize = 1;
pub const TEXT_FULL: usize = 2;
pub const TEXT_SHORT: usize = 3;

/// Level codes of the rows (`P`, `C`, `A`, `S`): 0 province … 3 township.
pub fn level_of_tag(tag: &str) -> Option<u32> {
    match tag {
        "P" => Some(0),
        "C" => Some(1),
        "A" => Some(2),
        "S" => Some(3),
        _ => None,
    }
}

/// The word lists that decide what is indexed (they live in the crate's lexicon).
pub struct Words<'w> {
    /// Suffixes stripped to index short names, longest first.
    pub name_suffixes: &'w [&'w str],
    /// Names that are also common words: not evidence from running text.
    pub place_stoplist: &'w [&'w str],
    /// Rows that stand for a level, not a place: never indexed by name.
    pub placeholder_names: &'w [&'w str],
    /// Words that name a kind of zone, not one: a township-level row named by them alone
    /// (`综合保税区`, `县开发区`) is not indexed by name either.
    pub generic_words: &'w [&'w str],
}

/// Whether `name` is made of `words` only (`县经济开发区` of 县 + 经济开发区), longest first.
fn only_words(name: &str, words: &[&str]) -> bool {
    if name.is_empty() {
        return true;
    }
    words
        .iter()
        .filter_map(|w| name.strip_prefix(w))
        .any(|rest| only_words(rest, words))
}

/// The hash of a name or code, the same at build time and at run time (std's hashers are
/// not promised to be stable). Multiply-rotate over 8-byte words, then a final fold so the
/// low bits (the slot) and the high bits (the tag) both depend on every byte.
pub fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
    }
    h ^ (h >> 31)
}

/// The slot a character's lengths start probing at.
pub fn char_hash(c: char) -> u64 {
    (c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20
}

/// The name without its administrative suffix (海珠区 → 海珠), when at least two characters
/// remain and the stem is not an ethnic group's name.
pub fn short_name<'a>(name: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    for suffix in suffixes {
        if let Some(stem) = name.strip_suffix(suffix) {
            if stem.chars().count() >= 2 && !stem.ends_with('族') {
                return Some(stem);
            }
            return None;
        }
    }
    None
}

/// One division while the image is built.
struct Row<'r> {
    code: &'r str,
    name: &'r str,
    level: u32,
    parents: [u32; 3],
    placeholder: bool,
}

/// The image of `rows` (`level TAB code TAB name TAB parent codes…`, outer levels first).
pub fn build(rows: &str, words: &Words) -> Result<Vec<u8>, String> {
    let divisions = parse_rows(rows, words)?;
    let offset = |s: &str| -> u32 { (s.as_ptr() as usize - rows.as_ptr() as usize) as u32 };
    let mut out: Vec<u32> = vec![0; HEADER_WORDS];
    out[0] = MAGIC;
    out[1] = VERSION;
    out[2] = u32::try_from(rows.len()).map_err(|_| "gazetteer rows are over 4 GB".to_string())?;
    out[3] = divisions.len() as u32;
    for d in &divisions {
        let lens = d.code.len() | d.name.len() << 8;
        if d.code.len() > 255 || d.name.len() > 255 {
            return Err(format!(
                "division {} {}: code or name too long",
                d.code, d.name
            ));
        }
        out.extend([
            offset(d.code),
            offset(d.name),
            lens as u32 | d.level << 16 | u32::from(d.placeholder) << 24,
        ]);
        out.extend(d.parents);
    }
    debug_assert_eq!(out.len(), HEADER_WORDS + DIVISION_WORDS * divisions.len());
    out[4] = out.len() as u32;
    let cap = capacity(divisions.len());
    out.push(cap as u32);
    let slots_at = out.len();
    out.resize(slots_at + cap, 0);
    for (idx, d) in divisions.iter().enumerate() {
        let mut slot = hash(d.code.as_bytes()) as usize & (cap - 1);
        while out[slots_at + slot] != 0 {
            slot = (slot + 1) & (cap - 1);
        }
        out[slots_at + slot] = idx as u32 + 1;
    }
    let mut tables: [NameTable; 4] = Default::default();
    for (idx, d) in divisions.iter().enumerate() {
        if d.placeholder {
            continue;
        }
        let idx = idx as u32;
        let name = d.name;
        let n_chars = name.chars().count();
        tables[FULL].insert(name, n_chars, idx);
        let common_word = words.place_stoplist.contains(&name);
        if !common_word && (n_chars >= 3 || name.ends_with('县') || name.ends_with('市')) {
            tables[TEXT_FULL].insert(name, n_chars, idx);
        }
        if let Some(stem) = short_name(name, words.name_suffixes) {
            let stem_chars = stem.chars().count();
            tables[SHORT].insert(stem, stem_chars, idx);
            if d.level <= 1 && !words.place_stoplist.contains(&stem) {
                tables[TEXT_SHORT].insert(stem, stem_chars, idx);
            }
        }
    }
    for (i, table) in tables.iter().enumerate() {
        out[5 + i] = out.len() as u32;
        table.lay_out(&offset, &mut out)?;
    }
    Ok(out.iter().flat_map(|w| w.to_le_bytes()).collect())
}

/// Slots for `n` keys: a power of two, at most half full.
fn capacity(n: usize) -> usize {
    (n * 2).max(16).next_power_of_two()
}

/// The rows as divisions, parents resolved to indices (same errors as ever for bad rows).
fn parse_rows<'r>(rows: &'r str, words: &Words) -> Result<Vec<Row<'r>>, String> {
    let mut divisions: Vec<Row> = Vec::with_capacity(rows.len() / 32);
    let mut by_code: std::collections::HashMap<&str, u32> = Default::default();
    for (i, row) in rows.split('\n').filter(|r| !r.is_empty()).enumerate() {
        let bad = || {
            format!(
                "gazetteer row {}: '{row}' is not level, code, name, parents",
                i + 1
            )
        };
        let mut fields = row.split('\t');
        let (Some(tag), Some(code), Some(name)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(bad());
        };
        let level = level_of_tag(tag).ok_or_else(bad)?;
        let mut parents = [NONE; 3];
        for (n, parent) in fields.enumerate() {
            let slot = parents.get_mut(n).ok_or_else(bad)?;
            *slot = *by_code.get(parent).ok_or_else(|| {
                format!("division {code} {name}: parent code {parent} is unknown")
            })?;
        }
        by_code.insert(code, divisions.len() as u32);
        divisions.push(Row {
            code,
            name,
            level,
            parents,
            placeholder: words.placeholder_names.contains(&name)
                || (level == 3 && only_words(name, words.generic_words)),
        });
    }
    Ok(divisions)
}

/// One name index while the image is built: names in first-seen order with their ids, and
/// the lengths that end in each character.
#[derive(Default)]
struct NameTable<'r> {
    names: Vec<(&'r str, Vec<u32>)>,
    position: std::collections::HashMap<&'r str, usize>,
    max_chars: usize,
    lengths_by_last_char: std::collections::BTreeMap<char, u64>,
}

impl<'r> NameTable<'r> {
    /// Divisions come in ascending order: a repeat of the same pair is the last id.
    fn insert(&mut self, name: &'r str, n_chars: usize, idx: u32) {
        let at = *self.position.entry(name).or_insert_with(|| {
            self.names.push((name, Vec::new()));
            self.names.len() - 1
        });
        let ids = &mut self.names[at].1;
        if ids.last() != Some(&idx) {
            ids.push(idx);
        }
        if let Some(last) = name.chars().next_back() {
            self.max_chars = self.max_chars.max(n_chars);
            *self.lengths_by_last_char.entry(last).or_default() |= 1u64 << n_chars.min(63);
        }
    }

    fn lay_out(&self, offset: &dyn Fn(&str) -> u32, out: &mut Vec<u32>) -> Result<(), String> {
        if self.max_chars >= 64 {
            return Err(format!(
                "a gazetteer name has {} characters (at most 63)",
                self.max_chars
            ));
        }
        let cap = capacity(self.names.len());
        let chars_cap = capacity(self.lengths_by_last_char.len());
        let header_at = out.len();
        out.extend([
            cap as u32,
            self.names.len() as u32,
            self.max_chars as u32,
            chars_cap as u32,
            0,
        ]);
        let slots_at = out.len();
        debug_assert_eq!(slots_at, header_at + TABLE_HEADER_WORDS);
        out.resize(slots_at + 2 * cap, 0);
        for (entry, (name, _)) in self.names.iter().enumerate() {
            let h = hash(name.as_bytes());
            let mut slot = h as usize & (cap - 1);
            while out[slots_at + 2 * slot + 1] != 0 {
                slot = (slot + 1) & (cap - 1);
            }
            out[slots_at + 2 * slot] = (h >> 32) as u32;
            out[slots_at + 2 * slot + 1] = entry as u32 + 1;
        }
        let entries_at = out.len();
        let ids_at = entries_at + 4 * self.names.len();
        let mut next_id = ids_at;
        for (name, ids) in &self.names {
            out.extend([
                offset(name),
                name.len() as u32,
                next_id as u32,
                ids.len() as u32,
            ]);
            next_id += ids.len();
        }
        for (_, ids) in &self.names {
            out.extend(ids);
        }
        let chars_at = out.len();
        out[header_at + 4] = chars_at as u32;
        out.resize(chars_at + 3 * chars_cap, 0);
        for (&c, &mask) in &self.lengths_by_last_char {
            let mut slot = char_hash(c) as usize & (chars_cap - 1);
            while out[chars_at + 3 * slot] != 0 {
                slot = (slot + 1) & (chars_cap - 1);
            }
            out[chars_at + 3 * slot] = c as u32 + 1;
            out[chars_at + 3 * slot + 1] = mask as u32;
            out[chars_at + 3 * slot + 2] = (mask >> 32) as u32;
        }
        Ok(())
    }
}
