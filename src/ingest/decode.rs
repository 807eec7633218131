//! Decoding: the encoding is decided on the evidence of the whole file.
//!
//! In order: a byte-order mark; valid UTF-8 (the common case: one SIMD pass and a search
//! for NUL); UTF-16 without a mark (NUL bytes every other byte, or text that reads as
//! Chinese prose in one byte order); a few NUL bytes are stripped with a warning (many mean
//! binary data); UTF-8 with a few invalid sequences stays UTF-8 (U+FFFD and a warning); a
//! file whose lines are partly UTF-8 and partly GBK is decoded line by line (warning);
//! otherwise the legacy Chinese encodings (GB18030/GBK, Big5). A legacy reading must look
//! like text: random high bytes decode "cleanly" as GB18030 into rare characters, and are
//! rejected as not text instead of becoming a document.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// The decoded text and what was met on the way.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// U+FFFD characters that stand for invalid byte sequences.
    pub replacements: usize,
    /// Problems that did not stop the document (invalid sequences, NUL bytes, mixed
    /// encodings, a missing byte-order mark).
    pub warnings: Vec<String>,
}

impl Decoded {
    fn new(text: String, encoding: &'static str) -> Decoded {
        Decoded {
            text,
            encoding,
            replacements: 0,
            warnings: Vec::new(),
        }
    }
}

/// More than one byte in a hundred is NUL: binary data, not text with stray NULs.
pub fn too_many_nuls(bytes: &[u8]) -> bool {
    let nuls = memchr::memchr_iter(0, bytes).count();
    nuls > 0 && nuls * 100 > bytes.len()
}

/// Share of valid UTF-8 among a file's non-ASCII sequences above which the invalid ones are
/// taken for damage in a UTF-8 file (U+FFFD) rather than another encoding.
const UTF8_MOSTLY_VALID: f64 = 0.95;
/// Share of the non-ASCII bytes on lines that are valid UTF-8 from which a file is read as a
/// mix of UTF-8 and a legacy encoding, line by line.
const UTF8_LINES_FOR_MIX: f64 = 0.10;
/// A legacy reading is text when at least this share of its non-ASCII characters are frequent
/// in Chinese prose or CJK punctuation (prose: about half; random bytes: under a tenth).
const MIN_PROSE_SHARE: f64 = 0.2;
/// UTF-16 without a mark is believed from a higher share.
const MIN_PROSE_SHARE_UTF16: f64 = 0.3;
/// The non-ASCII characters a reading is judged on (prose: about half frequent ones, random
/// bytes: under a tenth; a thousand tell them apart).
const PROSE_SAMPLE_CHARS: usize = 1024;
/// Fewer non-ASCII characters than this are too few to judge.
const MIN_CHARS_TO_JUDGE: usize = 64;

/// Decodes `bytes` (see the module documentation). `declared` is the charset an HTML page
/// names, believed only when the bytes agree.
pub fn decode_text(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, String> {
    decode(Cow::Borrowed(bytes), declared)
}

/// `decode_text` for bytes the caller no longer needs: UTF-8 without a byte-order mark (most
/// files) becomes the text without a copy.
pub fn decode_text_owned(
    bytes: Vec<u8>,
    declared: Option<&'static Encoding>,
) -> Result<Decoded, String> {
    decode(Cow::Owned(bytes), declared)
}

fn decode(input: Cow<[u8]>, declared: Option<&'static Encoding>) -> Result<Decoded, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(&input) {
        let mut d = finish(enc, &input[bom_len..], bom_name(enc))?;
        strip_nul_chars(&mut d)?;
        return Ok(d);
    }
    if simdutf8::basic::from_utf8(&input).is_ok() {
        // SAFETY: simdutf8 has just validated these bytes as UTF-8.
        let text = match input {
            Cow::Owned(bytes) => unsafe { String::from_utf8_unchecked(bytes) },
            Cow::Borrowed(bytes) => unsafe { std::str::from_utf8_unchecked(bytes) }.to_string(),
        };
        let mut d = Decoded::new(text, "UTF-8");
        strip_nul_chars(&mut d)?;
        return Ok(d);
    }
    let bytes: &[u8] = &input;
    if let Some(d) = bomless_utf16(bytes)? {
        return Ok(d);
    }
    let nuls = memchr::memchr_iter(0, bytes).count();
    let stripped: Cow<[u8]> = if nuls == 0 {
        Cow::Borrowed(bytes)
    } else if nuls * 100 > bytes.len() {
        return Err(format!(
            "file is binary (contains NUL bytes: {nuls} of {}), not a text document",
            bytes.len()
        ));
    } else {
        Cow::Owned(bytes.iter().copied().filter(|&b| b != 0).collect())
    };
    match decode_8bit(&stripped, declared) {
        Ok(mut d) => {
            if nuls > 0 {
                d.warnings.push(nul_warning(nuls));
            }
            Ok(d)
        }
        Err(e) if nuls > 0 => Err(format!(
            "file is binary (contains NUL bytes), not a text document: {e}"
        )),
        Err(e) => Err(e),
    }
}

fn nul_warning(n: usize) -> String {
    format!("{n} NUL bytes were removed from the text")
}

/// NUL characters in text that decoded cleanly: removed with a warning, or a reject when
/// they are more than one character in a hundred.
fn strip_nul_chars(d: &mut Decoded) -> Result<(), String> {
    if memchr::memchr(0, d.text.as_bytes()).is_none() {
        return Ok(());
    }
    if too_many_nuls(d.text.as_bytes()) {
        return Err("file is binary (contains NUL bytes), not a text document".to_string());
    }
    let n = memchr::memchr_iter(0, d.text.as_bytes()).count();
    d.text.retain(|c| c != '\0');
    d.warnings.push(nul_warning(n));
    Ok(())
}

/// UTF-8 evidence over the whole file: valid multi-byte sequences and invalid ones. The count
/// stops once the file cannot be `UTF8_MOSTLY_VALID` any more, even if every byte left began
/// a valid sequence (a GBK file: after a few hundred bytes), and says so (`false`).
fn utf8_evidence(bytes: &[u8]) -> (usize, usize, bool) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.bytes().filter(|&b| b >= 0xC0).count();
                return (valid, invalid, true);
            }
            Err(e) => {
                let good = e.valid_up_to();
                valid += rest[..good].iter().filter(|&&b| b >= 0xC0).count();
                invalid += 1;
                let skip = e.error_len().unwrap_or(rest.len() - good).max(1);
                rest = &rest[(good + skip).min(rest.len())..];
                let best = (valid + rest.len() / 2) as f64;
                if best < UTF8_MOSTLY_VALID * (best + invalid as f64) {
                    return (valid, invalid, false);
                }
            }
        }
    }
}

/// Text without a byte-order mark that is not valid UTF-8 and has few NUL bytes.
fn decode_8bit(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, String> {
    let (valid, invalid, complete) = utf8_evidence(bytes);
    if complete && valid > 0 && valid as f64 >= UTF8_MOSTLY_VALID * (valid + invalid) as f64 {
        let mut d = checked(String::from_utf8_lossy(bytes), "UTF-8")?;
        d.warnings.push(replacement_warning(&d));
        return Ok(d);
    }
    if let Some(enc) = declared.filter(|&e| e != UTF_8 && e != UTF_16LE && e != UTF_16BE) {
        let enc = if enc.name() == "GBK" { GB18030 } else { enc };
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return plausible(checked(text, label_of(enc))?);
        }
    }
    if valid > 0 {
        if let Some(d) = mixed_lines(bytes)? {
            return Ok(d);
        }
    }
    plausible(decode_legacy(bytes)?)
}

/// GB18030 or Big5, from the bytes; unreadable text is refused.
fn decode_legacy(bytes: &[u8]) -> Result<Decoded, String> {
    // Chinese text in a legacy encoding is GBK/GB18030 or Big5. Decoding both is fast; when
    // only one is clean, or one reads as far more natural prose, that decides. The slower
    // statistical detector is for what remains.
    if let Some(choice) = gbk_or_big5(bytes) {
        return Ok(choice);
    }
    const DETECT_BYTES: usize = 16 * 1024;
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(
        &bytes[..bytes.len().min(DETECT_BYTES)],
        bytes.len() <= DETECT_BYTES,
    );
    let guess = detector.guess(None, false);
    // chardetng names GBK; GB18030 is its superset. Other legacy encodings are unusual for
    // Chinese government text: try GB18030 and let the replacement-count check decide.
    let enc = if guess == BIG5 || guess == UTF_8 {
        guess
    } else {
        GB18030
    };
    let mut d = finish(enc, bytes, label_of(enc))?;
    if d.replacements > 0 {
        d.warnings.push(replacement_warning(&d));
    }
    Ok(d)
}

/// A file whose lines are partly valid UTF-8 (with non-ASCII text) and partly not, when
/// enough of it is on UTF-8 lines: each line decoded in its own encoding, the legacy one
/// chosen from the other lines. `None` when the UTF-8 lines are too few to be more than
/// chance.
fn mixed_lines(bytes: &[u8]) -> Result<Option<Decoded>, String> {
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let non_ascii = |l: &[u8]| l.iter().filter(|&&b| b >= 0x80).count();
    let (mut utf8_bytes, mut other_bytes) = (0usize, 0usize);
    let mut is_utf8 = Vec::with_capacity(lines.len());
    for l in &lines {
        let ok = simdutf8::basic::from_utf8(l).is_ok();
        is_utf8.push(ok);
        if ok {
            utf8_bytes += non_ascii(l);
        } else {
            other_bytes += non_ascii(l);
        }
    }
    if (utf8_bytes as f64) < UTF8_LINES_FOR_MIX * (utf8_bytes + other_bytes) as f64 {
        return Ok(None);
    }
    let other: Vec<u8> = lines
        .iter()
        .zip(&is_utf8)
        .filter(|(_, &ok)| !ok)
        .flat_map(|(l, _)| l.iter().copied())
        .collect();
    // The other lines' encoding; when they do not read as text in any, they are UTF-8 with
    // invalid bytes (U+FFFD, and too many of them refuse the file below).
    let (enc, other_name) = match decode_legacy(&other).and_then(plausible) {
        Ok(d) => (
            Encoding::for_label(d.encoding.as_bytes()).unwrap_or(GB18030),
            d.encoding,
        ),
        Err(_) => (UTF_8, "UTF-8 with invalid bytes"),
    };
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let (mut n_utf8, mut n_other) = (0usize, 0usize);
    for (l, ok) in lines.iter().zip(is_utf8) {
        if ok {
            text.push_str(std::str::from_utf8(l).unwrap_or_default());
            n_utf8 += 1;
        } else {
            text.push_str(&enc.decode_without_bom_handling(l).0);
            n_other += 1;
        }
    }
    let majority = if utf8_bytes >= other_bytes || enc == UTF_8 {
        "UTF-8"
    } else {
        label_of(enc)
    };
    let mut d = checked(Cow::Owned(text), majority)?;
    d.warnings.push(format!(
        "the file mixes encodings: {n_utf8} lines read as UTF-8 and {n_other} as {other_name}"
    ));
    Ok(Some(d))
}

/// UTF-16 without a byte-order mark: NUL in every other byte (ASCII-heavy text), or text
/// that reads as Chinese prose in one byte order. `None` when it is neither.
fn bomless_utf16(bytes: &[u8]) -> Result<Option<Decoded>, String> {
    let head = &bytes[..bytes.len().min(8192)];
    let enc = if looks_like_bomless_utf16(head) {
        let odd_nuls = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        Some(if odd_nuls > head.len() / 4 {
            UTF_16LE
        } else {
            UTF_16BE
        })
    } else if bytes.len().is_multiple_of(2)
        && bytes.len() >= 2 * MIN_CHARS_TO_JUDGE
        && utf16_high_bytes_look_cjk(head)
    {
        let head = &head[..head.len() & !1];
        [UTF_16LE, UTF_16BE].into_iter().find(|enc| {
            let (text, had_errors) = enc.decode_without_bom_handling(head);
            !had_errors && prose_share(&text).is_some_and(|s| s >= MIN_PROSE_SHARE_UTF16)
        })
    } else {
        None
    };
    let Some(enc) = enc else { return Ok(None) };
    let name = bom_name(enc);
    let mut d = finish(enc, bytes, name)?;
    d.warnings.push(format!(
        "the file has no byte-order mark; its bytes read as {name}"
    ));
    Ok(Some(d))
}

/// A cheap look before decoding as UTF-16: in Chinese UTF-16 text nearly every code unit's
/// high byte is 0x4E–0x9F (ideographs), 0x30 (CJK punctuation), 0xFF (full-width forms) or 0
/// (ASCII); in GBK or other bytes, about half are.
fn utf16_high_bytes_look_cjk(head: &[u8]) -> bool {
    let head = &head[..head.len().min(1024) & !1];
    let cjk = |b: u8| matches!(b, 0x4E..=0x9F | 0x30 | 0xFF | 0x00);
    let units = head.len() / 2;
    let le = head.chunks_exact(2).filter(|u| cjk(u[1])).count();
    let be = head.chunks_exact(2).filter(|u| cjk(u[0])).count();
    units > 0 && le.max(be) * 10 >= units * 9
}

/// UTF-16 without BOM shows NUL in every other byte for ASCII.
pub fn looks_like_bomless_utf16(head: &[u8]) -> bool {
    if head.len() < 8 {
        return false;
    }
    let even_nuls = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = head.len() / 2;
    even_nuls * 3 > half * 2 || odd_nuls * 3 > half * 2
}

/// Share of the first non-ASCII characters that are frequent in Chinese prose or CJK
/// punctuation; `None` when there are too few to judge.
fn prose_share(text: &str) -> Option<f64> {
    let (mut n, mut hits) = (0usize, 0usize);
    for c in text
        .chars()
        .filter(|c| !c.is_ascii())
        .take(PROSE_SAMPLE_CHARS)
    {
        n += 1;
        let punct = matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2018}'..='\u{201D}' | '\u{2026}' | '\u{2014}');
        hits += usize::from(punct || frequent(c));
    }
    (n >= MIN_CHARS_TO_JUDGE).then(|| hits as f64 / n as f64)
}

/// Whether `c` is one of `SCRIPT_NEUTRAL_FREQUENT`: a bit per BMP character (8 KB), one
/// load per test.
fn frequent(c: char) -> bool {
    static FREQUENT: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        for c in crate::lexicon::charset::SCRIPT_NEUTRAL_FREQUENT.chars() {
            if let Some(w) = bits.get_mut(c as usize / 64) {
                *w |= 1 << (c as usize % 64);
            }
        }
        bits
    });
    FREQUENT
        .get(c as usize / 64)
        .is_some_and(|w| w & (1 << (c as usize % 64)) != 0)
}

/// A legacy reading, unless it does not look like text.
fn plausible(d: Decoded) -> Result<Decoded, String> {
    match prose_share(&d.text) {
        Some(share) if share < MIN_PROSE_SHARE => Err(format!(
            "not text: read as {} the bytes give rare characters ({:.0}% common ones), not \
             prose; not UTF-8, GB18030/GBK, Big5 or UTF-16 text (random or binary data?)",
            d.encoding,
            share * 100.0
        )),
        _ => Ok(d),
    }
}

fn replacement_warning(d: &Decoded) -> String {
    format!(
        "{} byte sequences were not valid {} and became U+FFFD",
        d.replacements, d.encoding
    )
}

/// The name this module reports for an encoding (GBK and GB2312 decode as GB18030).
pub fn label_of(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8"
    } else if enc == BIG5 {
        "Big5"
    } else if enc == GB18030 || enc.name() == "GBK" {
        "GB18030"
    } else {
        enc.name()
    }
}

/// Picks GB18030 or Big5 when the bytes decide it; `None` leaves it to detection.
fn gbk_or_big5(bytes: &[u8]) -> Option<Decoded> {
    let (gb, gb_errors) = GB18030.decode_without_bom_handling(bytes);
    // Only a clean Big5 reading counts, so its decoding stops at the first malformed byte:
    // GBK text usually has one within a few characters.
    let b5 = BIG5.decode_without_bom_handling_and_without_replacement(bytes);
    let pick = match (gb_errors, &b5) {
        (false, None) => Some(true),
        (true, Some(_)) => Some(false),
        (false, Some(b5)) => {
            let (g, b) = (prose_score(&gb), prose_score(b5));
            (g != b).then_some(g > b)
        }
        (true, None) => None,
    }?;
    let (text, encoding) = match b5 {
        Some(b5) if !pick => (b5, "Big5"),
        _ => (gb, "GB18030"),
    };
    Some(Decoded::new(text.into_owned(), encoding))
}

/// How many of the first characters are frequent in Chinese prose in either script.
fn prose_score(text: &str) -> usize {
    text.chars().take(4096).filter(|&c| frequent(c)).count()
}

fn bom_name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8-BOM"
    } else if enc == UTF_16LE {
        "UTF-16LE"
    } else {
        "UTF-16BE"
    }
}

fn finish(enc: &'static Encoding, bytes: &[u8], name: &'static str) -> Result<Decoded, String> {
    checked(enc.decode_without_bom_handling(bytes).0, name)
}

/// The decoded text, unless more than one character in twenty is U+FFFD (the encoding was
/// wrong). U+FFFD is found as its three UTF-8 bytes by memchr, and characters are counted
/// only when there is one: most text has none.
fn checked(text: Cow<'_, str>, name: &'static str) -> Result<Decoded, String> {
    let replacements = memchr::memmem::find_iter(text.as_bytes(), "\u{FFFD}").count();
    if replacements > 0 {
        let total = text.chars().count();
        if replacements * 20 > total {
            return Err(format!(
                "text could not be decoded: {replacements} of {total} characters are invalid as \
                 {name} (not UTF-8, GB18030/GBK, Big5 or UTF-16)"
            ));
        }
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: name,
        replacements,
        warnings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str =
        "滨海镇2022年法治政府建设年度报告\n一、2022年推进法治政府建设的主要举措和成效";

    /// A paragraph of report prose, long enough to judge.
    fn prose() -> String {
        "全年共计立案查处违法案件390件，罚款金额136161元，执结率87.5%。我们坚持以习近平法治思想为指导，\
         深入推进依法行政，加快建设法治政府，各项工作取得了明显成效。二、存在的不足和原因。\n"
            .repeat(4)
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode_text(SNIPPET.as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, SNIPPET);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SNIPPET.as_bytes());
        let d = decode_text(&bom, None).unwrap();
        assert_eq!(d.encoding, "UTF-8-BOM");
        assert_eq!(d.text, SNIPPET, "the BOM is not part of the text");
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode(SNIPPET);
        let d = decode_text(&bytes, None).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, SNIPPET);
    }

    #[test]
    fn declared_charset_is_trusted_when_it_decodes_cleanly() {
        // A page that declares GBK and really is: decoded as GB18030, its superset, and a
        // U+FFFD printed in the source itself is counted.
        let text = format!("{SNIPPET}\u{FFFD}");
        let (bytes, _, _) = GB18030.encode(&text);
        let gbk = Encoding::for_label(b"gbk");
        let d = decode_text(&bytes, gbk).unwrap();
        assert_eq!((d.encoding, d.replacements), ("GB18030", 1));
        assert_eq!(d.text, text);
    }

    #[test]
    fn replacement_characters_are_counted_and_too_many_refuse_the_text() {
        let naive = |s: &str| s.chars().filter(|&c| c == '\u{FFFD}').count();
        for s in [
            "",
            "法治",
            "\u{FFFD}",
            "\u{FFFD}\u{FFFD}a",
            "a\u{FFFD}",
            "政府\u{FFFD}建设\u{FFFD}",
        ] {
            let got = checked(Cow::Borrowed(s), "UTF-8").map(|d| d.replacements);
            // More than one character in twenty is refused.
            if naive(s) * 20 > s.chars().count() {
                assert!(got.unwrap_err().contains("invalid as UTF-8"), "{s:?}");
            } else {
                assert_eq!(got.unwrap(), naive(s), "{s:?}");
            }
        }
        let one_in_thirty = format!("{}\u{FFFD}", "法".repeat(29));
        assert_eq!(
            checked(Cow::Owned(one_in_thirty), "GB18030")
                .unwrap()
                .replacements,
            1
        );
        let one_in_ten = format!("{}\u{FFFD}", "法".repeat(9));
        assert!(checked(Cow::Owned(one_in_ten), "GB18030").is_err());
    }

    #[test]
    fn big5_is_detected() {
        let text = "小白樓街道辦事處二〇二〇年法治政府建設情況報告。全面依法履行政府職能，積極推行執法全過程記錄制度，確保每件行政執法案件有記錄、有案卷。";
        let (bytes, _, _) = BIG5.encode(text);
        let d = decode_text(&bytes, None).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in SNIPPET.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode_text(&le, None).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, SNIPPET);
        let mut be = vec![0xFE, 0xFF];
        for u in SNIPPET.encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode_text(&be, None).unwrap().text, SNIPPET);
    }

    #[test]
    fn a_few_bad_bytes_leave_utf8_text_utf8() {
        let mut bytes = prose().repeat(3).into_bytes();
        bytes.insert(30, 0xFF);
        bytes.insert(200, 0xC3);
        let d = decode_text(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.replacements, 2);
        assert!(d.text.contains("立案查处违法案件390件"));
        assert!(d.warnings[0].contains("U+FFFD"), "{:?}", d.warnings);
    }

    #[test]
    fn random_high_bytes_are_not_text() {
        let mut rng = fastrand::Rng::with_seed(5);
        for _ in 0..20 {
            let bytes: Vec<u8> = (0..4000).map(|_| rng.u8(0x80..=0xFF)).collect();
            let e = decode_text(&bytes, None).expect_err("random bytes are refused");
            assert!(
                e.contains("not text") || e.contains("could not be decoded"),
                "{e}"
            );
        }
    }

    #[test]
    fn half_utf8_half_gbk_is_read_line_by_line() {
        let utf8 = prose();
        let gbk_text =
            "区人民政府二〇二三年法治政府建设情况报告，推进严格规范公正文明执法。\n".repeat(4);
        let mut bytes = utf8.clone().into_bytes();
        bytes.extend_from_slice(&GB18030.encode(&gbk_text).0);
        let d = decode_text(&bytes, None).unwrap();
        assert_eq!(d.text, format!("{utf8}{gbk_text}"));
        assert!(
            d.warnings.iter().any(|w| w.contains("mixes encodings")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn utf16_without_a_mark_is_detected() {
        let text = prose();
        for (enc, le) in [("UTF-16LE", true), ("UTF-16BE", false)] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let d = decode_text(&bytes, None).unwrap();
            assert_eq!((d.encoding, d.text.as_str()), (enc, text.as_str()));
            assert!(d.warnings[0].contains("byte-order mark"));
        }
    }

    #[test]
    fn a_few_nul_bytes_are_stripped_with_a_warning_many_mean_binary() {
        let mut bytes = prose().into_bytes();
        bytes.insert(9, 0);
        bytes.push(0);
        let d = decode_text(&bytes, None).unwrap();
        assert_eq!(d.text, prose());
        assert!(d.warnings[0].contains("2 NUL bytes"));
        // The same in GBK text.
        let mut gbk = GB18030.encode(&prose()).0.into_owned();
        gbk.insert(4, 0);
        let d = decode_text(&gbk, None).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("GB18030", prose().as_str()));
        let binary: Vec<u8> = prose()
            .as_bytes()
            .chunks(7)
            .flat_map(|c| c.iter().copied().chain([0]))
            .collect();
        assert!(decode_text(&binary, None).unwrap_err().contains("NUL"));
    }
}
