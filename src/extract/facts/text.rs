//! The body as characters, with the spans whose numbers are never facts (titles, quotes,
//! document numbers, URLs and e-mail addresses).

use super::*;

pub(super) struct Text<'a> {
    pub(super) body: &'a str,
    pub(super) chars: Vec<char>,
    /// Byte offset in `body` of each character, and of the end: spans become `&str`
    /// slices (copied, not re-encoded char by char).
    pub(super) byte_at: Vec<usize>,
    /// Characters inside 《》, quotes, document numbers, URLs and e-mail addresses.
    pub(super) protected: Vec<bool>,
    /// Where a protected span may open (`PROTECT_OPENERS`), kept for the buffers' reuse.
    openers: Vec<u32>,
}

/// Buffers of a thread's previous `Text`, reused for the next document: each report needs
/// several times its size in `char`s, and fresh memory for each one costs page faults.
/// Buffers grown by a huge document are not kept.
pub(super) type TextBuffers = (Vec<char>, Vec<usize>, Vec<bool>, Vec<u32>);
pub(super) const KEEP_BUFFER_CHARS: usize = 1 << 20;
thread_local! {
    static TEXT_BUFFERS: std::cell::Cell<TextBuffers> = const { std::cell::Cell::new((Vec::new(), Vec::new(), Vec::new(), Vec::new())) };
}

impl<'a> Text<'a> {
    // Once per document; kept out of line like `Scanner::run` (see there), and so are its
    // two loops, whose code otherwise varied by 11 M instructions from build to build.
    #[inline(never)]
    pub(super) fn new(body: &'a str) -> Self {
        let (mut chars, mut byte_at, protected, mut openers) = TEXT_BUFFERS.take();
        decode_marking(body, &mut chars, &mut byte_at, &mut openers);
        let protected = protect_from(&chars, &openers, protected);
        Text {
            body,
            chars,
            byte_at,
            protected,
            openers,
        }
    }

    /// The characters `from..to` as the body spells them.
    pub(super) fn str(&self, from: usize, to: usize) -> &'a str {
        &self.body[self.byte_at[from]..self.byte_at[to]]
    }
}

impl Drop for Text<'_> {
    fn drop(&mut self) {
        if self.chars.capacity() <= KEEP_BUFFER_CHARS {
            let chars = std::mem::take(&mut self.chars);
            let byte_at = std::mem::take(&mut self.byte_at);
            let protected = std::mem::take(&mut self.protected);
            let openers = std::mem::take(&mut self.openers);
            TEXT_BUFFERS.set((chars, byte_at, protected, openers));
        }
    }
}

/// The characters of `body` into `chars` and their byte offsets (then the body's length)
/// into `byte_at`, both cleared first. A body has at most as many chars as bytes: room for
/// that is reserved once and the values written into it directly, with no capacity check per
/// char and no zeroing first (zeroing a buffer sized by bytes cost four bytes per body byte,
/// twelve per Chinese character).
#[cfg(test)]
pub(super) fn decode_chars(body: &str, chars: &mut Vec<char>, byte_at: &mut Vec<usize>) {
    decode_marking(body, chars, byte_at, &mut Vec::new());
}

/// The classes a protected span or a URL token can start with: `protect_from` looks only there.
const PROTECT_OPENERS: u8 = CLASS_PROTECT_OPEN | CLASS_ASCII_ALNUM;

/// `decode_chars`, also listing into `openers` the characters of a `PROTECT_OPENERS` class
/// (one table look per character while it is decoded, instead of a second pass).
#[inline(never)]
pub(super) fn decode_marking(
    body: &str,
    chars: &mut Vec<char>,
    byte_at: &mut Vec<usize>,
    openers: &mut Vec<u32>,
) {
    openers.clear();
    let classes: &[u8] = &CLASSES;
    chars.clear();
    chars.reserve(body.len());
    byte_at.clear();
    byte_at.reserve(body.len() + 1);
    // Every character of every report passes here: decoded straight from the bytes, without
    // the checks `char_indices` makes per character (about half the facts stage's decoding
    // cost), since a `str` is valid UTF-8.
    let bytes = body.as_bytes();
    let (char_out, byte_out) = (chars.as_mut_ptr(), byte_at.as_mut_ptr());
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        // SAFETY: `body` is valid UTF-8, so the lead byte at `i` is followed by its
        // continuation bytes inside `bytes`, and the code point they spell is a `char`. There
        // are at most as many characters as bytes, so `n < bytes.len()`, within the capacity
        // both vectors reserved above.
        unsafe {
            let b = *bytes.get_unchecked(i);
            let cont = |k: usize| u32::from(*bytes.get_unchecked(i + k) & 0x3F);
            let (code, width) = if b < 0x80 {
                (u32::from(b), 1)
            } else if b < 0xE0 {
                ((u32::from(b & 0x1F) << 6) | cont(1), 2)
            } else if b < 0xF0 {
                ((u32::from(b & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
            } else {
                (
                    (u32::from(b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
                    4,
                )
            };
            char_out.add(n).write(char::from_u32_unchecked(code));
            byte_out.add(n).write(i);
            i += width;
            if classes
                .get(code as usize)
                .is_some_and(|&cl| cl & PROTECT_OPENERS != 0)
            {
                openers.push(n as u32);
            }
        }
        n += 1;
    }
    // SAFETY: the loop above wrote the first `n` elements of both vectors.
    unsafe {
        chars.set_len(n);
        byte_at.set_len(n);
    }
    byte_at.push(body.len());
}

/// The protected characters of `chars`, looking only at `openers` (the ascending positions of
/// every character of a `PROTECT_OPENERS` class): every other character is left unprotected
/// as it was passed.
#[inline(never)]
pub(super) fn protect_from(chars: &[char], openers: &[u32], mut p: Vec<bool>) -> Vec<bool> {
    let n = chars.len();
    p.clear();
    p.resize(n, false);
    let classes: &[u8] = &CLASSES;
    let mut next = openers.iter().map(|&k| k as usize).peekable();
    let mut i = 0;
    loop {
        // The next opener at or after `i`: the characters between are skipped.
        while next.next_if(|&k| k < i).is_some() {}
        let Some(k) = next.next() else { break };
        i = k;
        let c = chars[i];
        let cl = class_in(classes, c);
        if cl & CLASS_PROTECT_OPEN != 0 {
            if let Some(end) = protected_span_end(chars, i) {
                p[i..=end].iter_mut().for_each(|x| *x = true);
                i = end + 1;
                continue;
            }
        } else {
            // URLs and e-mail addresses: one token of URL characters.
            let mut j = i;
            while j < n && class_in(classes, chars[j]) & (CLASS_ASCII_ALNUM | CLASS_URL_PUNCT) != 0
            {
                j += 1;
            }
            let token = &chars[i..j];
            let is_email = token
                .iter()
                .position(|&c| c == '@')
                .is_some_and(|at| token[at..].contains(&'.'));
            if is_email || lx::URL_PREFIXES.iter().any(|p| starts_ascii_ci(token, p)) {
                p[i..j].iter_mut().for_each(|x| *x = true);
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    p
}

/// Whether the ASCII `token` starts with the lowercase `prefix`, ignoring ASCII case.
pub(super) fn starts_ascii_ci(token: &[char], prefix: &str) -> bool {
    token.len() >= prefix.chars().count()
        && prefix
            .chars()
            .zip(token)
            .all(|(p, c)| c.to_ascii_lowercase() == p)
}

/// End (inclusive) of the protected span opened at `i`, if its closing mark is near enough.
pub(super) fn protected_span_end(chars: &[char], i: usize) -> Option<usize> {
    let c = chars[i];
    if lx::DOC_NUMBER_OPENERS.contains(&c) {
        // 〔2023〕5号: only digits, brackets and spaces up to 号.
        let limit = (i + 1 + lx::DOC_NUMBER_MAX_CHARS).min(chars.len());
        for (j, &d) in chars.iter().enumerate().take(limit).skip(i + 1) {
            if d == lx::DOC_NUMBER_CLOSE {
                return Some(j);
            }
            if !(is_digit(d) || is_space(d) || matches!(d, '〕' | '］' | ']' | '第' | '-')) {
                return None;
            }
        }
        return None;
    }
    let &(_, close, max) = lx::PROTECTED_PAIRS.iter().find(|(open, _, _)| *open == c)?;
    let limit = (i + max).min(chars.len().saturating_sub(1));
    (i + 1..=limit)
        .take_while(|&j| chars[j] != '\n')
        .find(|&j| chars[j] == close)
}
