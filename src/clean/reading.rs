//! The simplified reading of a page in traditional characters (a machine-converted mirror, a
//! Big5 copy): the same text character for character, with every traditional character
//! replaced by its simplified form, so that every rule (chrome, headings, facts, dates,
//! metadata) matches one script. Both forms have the same length in bytes, so an offset into
//! one is an offset into the other; printed columns are taken back from the page's own
//! characters with [`Restorer`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::charset::{READING_OVERRIDES, TRADITIONAL_CUES};

/// The traditional cue characters as a bit set over the Basic Multilingual Plane.
static TRADITIONAL_BITS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    for c in TRADITIONAL_CUES.chars() {
        let cp = c as usize;
        bits[cp / 64] |= 1 << (cp % 64);
    }
    bits
});

/// How much of a text is looked at for traditional characters: a machine-converted mirror
/// is converted throughout, so its opening says it.
const TRADITIONAL_PROBE_BYTES: usize = 1536;

/// Whether the opening of `text` has any of the common traditional-only characters: a
/// simplified page (most pages) is answered with one look at its first few kilobytes.
pub fn has_traditional(text: &str) -> bool {
    let mut end = text.len().min(TRADITIONAL_PROBE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let bits = &*TRADITIONAL_BITS;
    // Every cue is a three-byte character: read those straight from their bytes.
    let bytes = &text.as_bytes()[..end];
    let mut i = 0;
    while i + 2 < bytes.len() {
        let b = bytes[i];
        if b & 0xF0 == 0xE0 {
            let cp = (usize::from(b & 0x0F) << 12)
                | (usize::from(bytes[i + 1] & 0x3F) << 6)
                | usize::from(bytes[i + 2] & 0x3F);
            if bits[cp / 64] & (1 << (cp % 64)) != 0 {
                return true;
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    false
}

/// The simplified reading of `text`, byte for byte as long as `text`; `None` when the text is
/// already simplified.
pub fn simplified_reading(text: &str) -> Option<String> {
    if !has_traditional(text) {
        return None;
    }
    let converted = fast2s::convert(text);
    let same_shape =
        converted.len() == text.len() && converted.chars().count() == text.chars().count();
    let overridden = |c: char| READING_OVERRIDES.iter().find(|(t, _)| *t == c).map(|p| p.1);
    if same_shape && !text.chars().any(|c| overridden(c).is_some()) {
        return (converted != text).then_some(converted);
    }
    // A character whose other form is longer in UTF-8 keeps its page form, so offsets hold.
    let mut out = String::with_capacity(text.len());
    for (c, s) in text.chars().zip(converted.chars()) {
        let s = overridden(c).unwrap_or(s);
        out.push(if c.len_utf8() == s.len_utf8() { s } else { c });
    }
    (out != text).then_some(out)
}

/// Pinyin glosses spliced into words on some mirrors (`區(qū)`, `報(bào)告`): removed from a short
/// string before it is matched against names (the body keeps them, as printed).
pub fn strip_glosses(s: &str) -> Cow<'_, str> {
    if !s.contains(['(', '（']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find(['(', '（']) {
        let open_len = rest[open..].chars().next().map_or(1, char::len_utf8);
        let after = &rest[open + open_len..];
        let close = after.find([')', '）']);
        let gloss = close.map(|c| &after[..c]).filter(|g| {
            !g.is_empty()
                && g.chars().count() <= 7
                && g.chars()
                    .all(|c| c.is_ascii_lowercase() || is_pinyin_vowel(c))
        });
        out.push_str(&rest[..open]);
        match (gloss, close) {
            (Some(_), Some(c)) => {
                let close_len = after[c..].chars().next().map_or(1, char::len_utf8);
                rest = &after[c + close_len..];
            }
            _ => {
                out.push_str(&rest[open..open + open_len]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn is_pinyin_vowel(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c)
}

/// Takes strings found on the simplified reading back to the page's own characters.
pub struct Restorer<'a> {
    body: &'a str,
    body_reading: &'a str,
    /// Simplified → the page's character, for strings that are not a span of the body
    /// (metadata values from removed lines, metrics with fillers cut out).
    chars: HashMap<char, char>,
}

impl<'a> Restorer<'a> {
    /// `text`/`text_reading` give the character map, `body`/`body_reading` the spans.
    pub fn new(text: &str, text_reading: &str, body: &'a str, body_reading: &'a str) -> Self {
        let mut chars = HashMap::new();
        for (page, simple) in text.chars().zip(text_reading.chars()) {
            if page != simple {
                chars.entry(simple).or_insert(page);
            }
        }
        Restorer {
            body,
            body_reading,
            chars,
        }
    }

    /// `s` in the page's characters: the same span of the body when `s` is one, else mapped
    /// character by character.
    pub fn restore(&self, s: &str) -> String {
        if s.is_empty() || !s.chars().any(|c| self.chars.contains_key(&c)) {
            return s.to_string();
        }
        if let Some(at) = memchr::memmem::find(self.body_reading.as_bytes(), s.as_bytes()) {
            if let Some(page) = self.body.get(at..at + s.len()) {
                return page.to_string();
            }
        }
        s.chars()
            .map(|c| self.chars.get(&c).copied().unwrap_or(c))
            .collect()
    }

    /// [`Restorer::restore`] on an optional string.
    pub fn restore_opt(&self, s: &mut Option<String>) {
        if let Some(v) = s.as_mut() {
            *v = self.restore(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_text_gets_a_same_length_simplified_reading() {
        let page = "龍湖區教育局2022年法治政府建設年度報告\n一、主要做法";
        let r = simplified_reading(page).expect("has a reading");
        assert_eq!(r, "龙湖区教育局2022年法治政府建设年度报告\n一、主要做法");
        assert_eq!(r.len(), page.len());
    }

    #[test]
    fn variants_the_converter_keeps_or_misreads_are_read_in_their_standard_form() {
        let page =
            "瀋陽市民政局關於2023年度法治政府建設情況的報告,解答羣眾諮詢100餘人次,建立臺帳。";
        let r = simplified_reading(page).unwrap();
        assert_eq!(
            r,
            "沈阳市民政局关于2023年度法治政府建设情况的报告,解答群众咨询100余人次,建立台账。"
        );
        assert_eq!(r.len(), page.len());
        let r = simplified_reading("乾安縣、磐石市、疊彩區、赤峯市").unwrap();
        assert_eq!(r, "乾安县、磐石市、叠彩区、赤峰市");
        for (page, read) in READING_OVERRIDES {
            assert_eq!(page.len_utf8(), read.len_utf8(), "{page} {read}");
        }
    }

    #[test]
    fn simplified_text_has_no_reading() {
        assert_eq!(
            simplified_reading("海幢街道2023年法治政府建设年度报告"),
            None
        );
        assert_eq!(simplified_reading(""), None);
    }

    #[test]
    fn every_cue_is_a_traditional_character() {
        for c in TRADITIONAL_CUES.chars() {
            let s = fast2s::convert(&c.to_string());
            assert_ne!(s, c.to_string(), "{c} is written the same in both scripts");
        }
    }

    #[test]
    fn glosses_are_dropped_for_matching_only() {
        assert_eq!(strip_glosses("龍湖區(qū)教育局"), "龍湖區教育局");
        assert_eq!(strip_glosses("建設(shè)年度報(bào)告"), "建設年度報告");
        // Real brackets stay.
        assert_eq!(
            strip_glosses("法治政府建设(依法行政)"),
            "法治政府建设(依法行政)"
        );
        assert_eq!(strip_glosses("优秀单位(17个)"), "优秀单位(17个)");
    }

    #[test]
    fn restorer_gives_back_the_page_characters() {
        let text = "來源:辰溪縣\n辰溪縣小龍門鄉2024年法治政府建設情況報告\n全鄉開展普法活動12場。";
        let reading = simplified_reading(text).unwrap();
        let body = "辰溪縣小龍門鄉2024年法治政府建設情況報告\n全鄉開展普法活動12場。";
        let body_reading = simplified_reading(body).unwrap();
        let r = Restorer::new(text, &reading, body, &body_reading);
        assert_eq!(r.restore("开展普法活动"), "開展普法活動");
        assert_eq!(r.restore("辰溪县小龙门乡"), "辰溪縣小龍門鄉");
        // Not a span of the body: character by character.
        assert_eq!(r.restore("普法活动场"), "普法活動場");
        assert_eq!(r.restore("2024"), "2024");
    }
}
