//! Text to cue codes: one byte per character, traditional characters folded, pinyin glosses and
//! ignored characters dropped, so that one automaton pass finds every cue.

use super::*;

/// What a pattern of the automaton is, beside the cues that share its text.
pub(super) const TOPIC: u8 = 1;
pub(super) const BROAD_TOPIC: u8 = 2;
pub(super) const REPORT_WORD: u8 = 4;
pub(super) const PREAMBLE_END: u8 = 8;

/// The code of a character the automaton does not know.
pub(super) const OTHER: u8 = 0;
/// The code of a character that is not read (white space, quotation marks).
pub(super) const DROP: u8 = 255;
/// Characters with a table entry: CJK punctuation to the end of the ideographs, and the
/// full-width forms.
pub(super) const CODED_FIRST: u32 = 0x3000;
pub(super) const CODED_LAST: u32 = CJK_LAST as u32;
pub(super) const FULLWIDTH_FIRST: u32 = 0xff00;
pub(super) const FULLWIDTH_LAST: u32 = 0xffef;

/// Every cue text, topic word, report word and preamble ending in one automaton (overlapping
/// matches); for each pattern its text, the cues that share it and what else it is.
///
/// The automaton runs over one byte per character: each character of the patterns has a code
/// (1..=254), a traditional character has its simplified form's code, every other character
/// is OTHER and white space and quotation marks are dropped. So a page is read once, folded
/// as it is read, and the automaton takes a third of the steps it would over UTF-8.
pub(super) struct CueIndex {
    pub(super) automaton: DFA,
    pub(super) texts: Vec<&'static str>,
    pub(super) cues_of: Vec<Vec<usize>>,
    pub(super) flags: Vec<u8>,
    /// Per cue: its not_after words, coded.
    pub(super) not_after: Vec<Vec<Vec<u8>>>,
    pub(super) ascii: [u8; 128],
    pub(super) cjk: Vec<u8>,
    pub(super) fullwidth: Vec<u8>,
}

impl CueIndex {
    pub(super) fn code(&self, c: char) -> u8 {
        let u = c as u32;
        if u < 128 {
            self.ascii[u as usize]
        } else if (CODED_FIRST..=CODED_LAST).contains(&u) {
            self.cjk[(u - CODED_FIRST) as usize]
        } else if (FULLWIDTH_FIRST..=FULLWIDTH_LAST).contains(&u) {
            self.fullwidth[(u - FULLWIDTH_FIRST) as usize]
        } else if is_ignored(c) {
            DROP
        } else {
            OTHER
        }
    }

    pub(super) fn set(&mut self, c: char, code: u8) {
        let u = c as u32;
        if u < 128 {
            self.ascii[u as usize] = code;
        } else if (CODED_FIRST..=CODED_LAST).contains(&u) {
            self.cjk[(u - CODED_FIRST) as usize] = code;
        } else if (FULLWIDTH_FIRST..=FULLWIDTH_LAST).contains(&u) {
            self.fullwidth[(u - FULLWIDTH_FIRST) as usize] = code;
        }
    }

    /// The codes of a pattern (every character has one).
    pub(super) fn coded(&self, text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| self.code(c))
            .filter(|&k| k != DROP)
            .collect()
    }
}

pub(super) static CUE_INDEX: LazyLock<CueIndex> = LazyLock::new(|| {
    let mut index = CueIndex {
        automaton: DFA::new(["-"]).expect("a plain string"),
        texts: Vec::new(),
        cues_of: Vec::new(),
        flags: Vec::new(),
        not_after: Vec::new(),
        ascii: [OTHER; 128],
        cjk: vec![OTHER; (CODED_LAST - CODED_FIRST + 1) as usize],
        fullwidth: vec![OTHER; (FULLWIDTH_LAST - FULLWIDTH_FIRST + 1) as usize],
    };
    let mut pattern = |text: &'static str| -> usize {
        match index.texts.iter().position(|t| *t == text) {
            Some(p) => p,
            None => {
                index.texts.push(text);
                index.cues_of.push(Vec::new());
                index.flags.push(0);
                index.texts.len() - 1
            }
        }
    };
    let mut marks: Vec<(usize, u8)> = Vec::new();
    let mut cues: Vec<(usize, usize)> = Vec::new();
    for (i, cue) in GENRE_CUES.iter().enumerate() {
        cues.push((pattern(cue.text), i));
    }
    for (words, flag) in [
        (ROL_CUES, TOPIC | BROAD_TOPIC),
        (BROAD_TOPIC_WORDS, BROAD_TOPIC),
        (TITLE_REPORT_CUES, REPORT_WORD),
        (ROL_PREAMBLE_ENDINGS, PREAMBLE_END),
    ] {
        for w in words {
            marks.push((pattern(w), flag));
        }
    }
    for (p, i) in cues {
        index.cues_of[p].push(i);
    }
    for (p, flag) in marks {
        index.flags[p] |= flag;
    }
    // Codes: white space and quotation marks dropped, then one code per pattern character.
    for c in (0u8..128)
        .map(char::from)
        .chain(IGNORED_CHARS.iter().copied())
    {
        if is_ignored(c) {
            index.set(c, DROP);
        }
    }
    index.set('\u{3000}', DROP);
    let words = index
        .texts
        .iter()
        .copied()
        .chain(GENRE_CUES.iter().flat_map(|c| c.not_after.iter().copied()))
        .collect::<Vec<_>>();
    let mut next: u8 = 1;
    for c in words.iter().flat_map(|w| w.chars()) {
        if index.code(c) == OTHER {
            assert!(next < DROP, "more than 254 characters in the genre cues");
            index.set(c, next);
            if c.is_ascii_lowercase() {
                index.set(c.to_ascii_uppercase(), next);
            }
            next += 1;
        }
    }
    for &(t, simple) in TRADITIONAL_FOLD {
        let k = index.code(simple);
        index.set(t, k);
    }
    index.not_after = GENRE_CUES
        .iter()
        .map(|c| c.not_after.iter().map(|w| index.coded(w)).collect())
        .collect();
    let coded: Vec<Vec<u8>> = index.texts.iter().map(|t| index.coded(t)).collect();
    // No prefilter: in Chinese text nearly every position starts a candidate.
    index.automaton = aho_corasick::dfa::Builder::new()
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .build(&coded)
        .expect("genre cues are plain strings");
    index
});

/// Appends the codes of `text` to `out` (see CueIndex), skipping pinyin glosses, up to
/// `max_chars` characters of `text`. Returns the bytes of `text` read.
pub(super) fn encode_into(out: &mut Vec<u8>, text: &str, max_chars: usize) -> usize {
    let index = &*CUE_INDEX;
    let bytes = text.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() && n < max_chars {
        n += 1;
        let b = bytes[i];
        // The common case first: a three-byte character (CJK) that is not a bracket.
        if (0xe0..0xf0).contains(&b) && i + 2 < bytes.len() {
            let u = (u32::from(b & 0x0f) << 12)
                | (u32::from(bytes[i + 1] & 0x3f) << 6)
                | u32::from(bytes[i + 2] & 0x3f);
            if (CODED_FIRST..=CODED_LAST).contains(&u) {
                let k = index.cjk[(u - CODED_FIRST) as usize];
                if k != DROP {
                    out.push(k);
                }
                i += 3;
                continue;
            }
        }
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let len = c.len_utf8();
        if matches!(c, '(' | '（') {
            if let Some(glen) = pinyin_gloss_len(&text[i..]) {
                n += text[i + len..i + glen].chars().count();
                i += glen;
                continue;
            }
        }
        i += len;
        let k = index.code(c);
        if k != DROP {
            out.push(k);
        }
    }
    i
}

pub(super) fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 2);
    encode_into(&mut out, text, usize::MAX);
    out
}

pub(super) fn genre_index(genre: Genre) -> usize {
    Genre::ALL
        .iter()
        .position(|g| *g == genre)
        .expect("every genre is in Genre::ALL")
}

/// The simplified form of a character for matching: traditional cue characters folded,
/// ASCII letters in lower case.
pub(super) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let Some(bit) = (c as usize).checked_sub(CJK_FIRST as usize) else {
        return c;
    };
    // Most characters are not in the table: one bit says so.
    if bit >= CJK_WORDS * 64 || !is_traditional(c as u32) {
        return c;
    }
    TRADITIONAL_FOLD
        .binary_search_by_key(&c, |&(t, _)| t)
        .map_or(c, |i| TRADITIONAL_FOLD[i].1)
}

/// First character of the CJK Unified Ideographs block, where every folded character is.
pub(super) const CJK_FIRST: char = '\u{4e00}';
pub(super) const CJK_LAST: char = '\u{9fff}';

/// Whether a CJK character (as a code point) is a traditional one of TRADITIONAL_FOLD.
pub(super) fn is_traditional(code: u32) -> bool {
    let bit = code.wrapping_sub(CJK_FIRST as u32) as usize;
    TRADITIONAL_BITS
        .get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

pub(super) const CJK_WORDS: usize = (CJK_LAST as usize - CJK_FIRST as usize + 1).div_ceil(64);

/// One bit per CJK character: set for the traditional characters of TRADITIONAL_FOLD.
pub(super) static TRADITIONAL_BITS: [u64; CJK_WORDS] = {
    let mut bits = [0u64; CJK_WORDS];
    let mut k = 0;
    while k < TRADITIONAL_FOLD.len() {
        let i = TRADITIONAL_FOLD[k].0 as usize - CJK_FIRST as usize;
        bits[i / 64] |= 1 << (i % 64);
        k += 1;
    }
    bits
};

/// White space and IGNORED_CHARS: dropped before matching.
pub(super) fn is_ignored(c: char) -> bool {
    if (CJK_FIRST..=CJK_LAST).contains(&c) {
        return false;
    }
    c.is_whitespace() || IGNORED_CHARS.contains(&c)
}

pub(super) fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ".contains(c)
}

/// Length in bytes of a pinyin gloss at the start of `s` (`(qū)`, `(nian)`), if there is one.
pub(super) fn pinyin_gloss_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, open) = chars.next()?;
    if open != '(' && open != '（' {
        return None;
    }
    let mut letters = 0;
    for (at, c) in chars {
        match c {
            ')' | '）' if letters > 0 => return Some(at + c.len_utf8()),
            c if is_pinyin_letter(c) && letters < 8 => letters += 1,
            _ => return None,
        }
    }
    None
}

/// Appends the matching form of `text` to `out`: folded characters, without white space,
/// quotation marks and pinyin glosses. Stops after `max_chars` characters of `text`.
/// Characters that stay as they are are copied in runs.
pub(super) fn fold_into(out: &mut String, text: &str, max_chars: usize) {
    let bytes = text.as_bytes();
    let (mut i, mut n, mut run) = (0, 0, 0);
    while i < bytes.len() && n < max_chars {
        n += 1;
        let b = bytes[i];
        let len = match b {
            0..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        if len == 3 {
            // CJK ideographs (U+4E00..U+9FFF have lead bytes E4..E9) stay unless traditional.
            let code = (u32::from(b & 0x0f) << 12)
                | (u32::from(bytes[i + 1] & 0x3f) << 6)
                | u32::from(bytes[i + 2] & 0x3f);
            if (CJK_FIRST as u32..=CJK_LAST as u32).contains(&code) && !is_traditional(code) {
                i += 3;
                continue;
            }
        } else if len == 1 && b != b'(' && !b.is_ascii_uppercase() && !is_ignored(b as char) {
            i += 1;
            continue;
        }
        // Anything else is looked at one character at a time.
        out.push_str(&text[run..i]);
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        if matches!(c, '(' | '（') {
            if let Some(glen) = pinyin_gloss_len(&text[i..]) {
                n += text[i + len..i + glen].chars().count();
                i += glen;
                run = i;
                continue;
            }
        }
        i += len;
        run = i;
        if !is_ignored(c) {
            out.push(fold_char(c));
        }
    }
    out.push_str(&text[run..i]);
}

pub(super) fn folded(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 3));
    fold_into(&mut out, text, max_chars);
    out
}

/// `text` without the spans between 《 and 》 (names of other documents), unless the whole
/// text is one such span (a title printed in 《》).
pub(super) fn without_quoted_names(text: &str) -> String {
    if let Some(inner) = text.strip_prefix('《').and_then(|t| t.strip_suffix('》')) {
        if !inner.contains(['《', '》']) {
            return inner.to_string();
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut rest = text;
    while let Some(at) = rest.find(['《', '〈', '》', '〉']) {
        if depth == 0 {
            out.push_str(&rest[..at]);
        }
        let mark = rest[at..].chars().next().unwrap_or('《');
        if matches!(mark, '《' | '〈') {
            depth += 1;
        } else {
            depth = depth.saturating_sub(1);
        }
        rest = &rest[at + mark.len_utf8()..];
    }
    if depth == 0 {
        out.push_str(rest);
    }
    out
}

/// Byte index of the first sentence punctuation in a line (a colon between two digits, as in
/// a time, does not count).
pub(super) fn sentence_end(line: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut iter = line.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if SENTENCE_PUNCTUATION.contains(&c) {
            let time_colon = matches!(c, ':' | '：')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && iter.peek().is_some_and(|(_, n)| n.is_ascii_digit());
            if !time_colon {
                return Some(at);
            }
        }
        prev = Some(c);
    }
    None
}
