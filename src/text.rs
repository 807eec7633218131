//! Scanning helpers shared by the stages. Cleaned bodies are mostly three-byte CJK
//! characters and are walked line by line several times per document; the standard
//! library's `split('\n')` looks for the break one machine word at a time, the `memchr`
//! crate with SIMD.

/// The lines of `text` split at `'\n'`, exactly as `text.split('\n')` yields them (a trailing
/// empty piece after a final break included).
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    split_at_ascii(text, b'\n')
}

/// The pieces of `text` between occurrences of the ASCII byte `sep`, exactly as
/// `text.split(sep as char)` yields them.
pub fn split_at_ascii(text: &str, sep: u8) -> impl Iterator<Item = &str> + '_ {
    // An ASCII byte is a whole character in UTF-8: the pieces are whole `str`s.
    assert!(sep.is_ascii(), "split_at_ascii needs an ASCII separator");
    let mut breaks = memchr::memchr_iter(sep, text.as_bytes());
    let mut start = Some(0usize);
    std::iter::from_fn(move || {
        let from = start?;
        match breaks.next() {
            Some(at) => {
                start = Some(at + 1);
                Some(&text[from..at])
            }
            None => {
                start = None;
                Some(&text[from..])
            }
        }
    })
}

/// Whether `b` starts a character in UTF-8 text, i.e. is not a continuation byte
/// (0x80..=0xBF, which read as `i8` are -128..=-65). Counting these bytes counts characters;
/// as a comparison without a branch it lets the compiler count a block of bytes at a time.
#[inline(always)]
pub fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The first `n` characters of `s`. Heads of long bodies are taken often: character starts
/// are counted a block of bytes at a time (a loop the compiler vectorises) and only the
/// block where character `n` starts is walked.
pub fn head_chars(s: &str, n: usize) -> &str {
    const BLOCK: usize = 64;
    let is_char_start = |b: &&u8| is_char_start(**b);
    let mut remaining = n;
    for (i, block) in s.as_bytes().chunks(BLOCK).enumerate() {
        // A byte-wide sum without a branch, which the compiler turns into vector code.
        let starts = usize::from(
            block
                .iter()
                .fold(0u8, |n, b| n + u8::from(is_char_start(&b))),
        );
        if starts > remaining {
            let at = block
                .iter()
                .enumerate()
                .filter(|(_, b)| is_char_start(b))
                .nth(remaining)
                .map_or(block.len(), |(j, _)| j);
            return &s[..i * BLOCK + at];
        }
        remaining -= starts;
    }
    s
}

/// `。` searched as its three bytes with SIMD, by a searcher built once: `str::contains` with a
/// non-ASCII character sets up a substring searcher at every call.
pub static FULL_STOP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("。"));

/// Whether `c` is one of the numerals 一 to 十 that number headings and items (`一、`, `（三）`,
/// `二是`). A `match`, not `str::contains`, which runs a substring search for each character.
pub fn is_small_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Whether `c` is a Chinese character (the CJK blocks government text uses).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn splits_a_report_body_like_split() {
        let body = "一、主要举措和成效\n全年办理行政复议案件12件。\r\n\n二、存在的不足\n";
        let got: Vec<&str> = split_lines(body).collect();
        assert_eq!(got, body.split('\n').collect::<Vec<_>>());
        assert_eq!(got.len(), 5);
        assert_eq!(got[4], "");
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(split_lines("").collect::<Vec<_>>(), vec![""]);
    }

    proptest! {
        #[test]
        fn same_pieces_as_split(s in "[a-z一二\n\r 。]{0,80}") {
            prop_assert_eq!(split_lines(&s).collect::<Vec<_>>(), s.split('\n').collect::<Vec<_>>());
        }

        #[test]
        fn head_chars_is_the_first_n_characters(s in "[a-z一二。\n🙂]{0,200}", n in 0usize..220) {
            let expected = s.char_indices().nth(n).map_or(s.as_str(), |(b, _)| &s[..b]);
            prop_assert_eq!(head_chars(&s, n), expected);
        }

        #[test]
        fn same_pieces_as_split_at_a_tab(s in "[a-z一二\t\n 。]{0,80}") {
            prop_assert_eq!(split_at_ascii(&s, b'\t').collect::<Vec<_>>(), s.split('\t').collect::<Vec<_>>());
        }
    }
}
