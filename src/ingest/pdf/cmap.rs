//! `/ToUnicode` CMaps: character codes to Unicode text (`bfchar`, `bfrange`), and the
//! code space that says how many bytes each code of a string takes.

use rustc_hash::FxHashMap;

/// A parsed ToUnicode CMap.
#[derive(Debug, Default, Clone)]
pub struct ToUnicode {
    /// (bytes, low, high) of each `codespacerange`.
    codespace: Vec<(u8, u32, u32)>,
    /// (bytes, code) → text.
    chars: FxHashMap<(u8, u32), String>,
    /// (bytes, low, high, first target or one target per code).
    ranges: Vec<(u8, u32, u32, RangeTarget)>,
}

#[derive(Debug, Clone)]
enum RangeTarget {
    /// The last UTF-16 unit counts up from the low code's.
    Start(Vec<u16>),
    Each(Vec<String>),
}

enum Token<'a> {
    Hex(Vec<u8>),
    Word(&'a [u8]),
    Open,
    Close,
}

fn tokens(bytes: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) != Some(&b'<') => {
                let end = memchr::memchr(b'>', &bytes[i..]).map_or(bytes.len(), |e| i + e);
                out.push(Token::Hex(hex(&bytes[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && !matches!(bytes[i], b'<' | b'[' | b']' | b'%')
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
                out.push(Token::Word(&bytes[start..i]));
            }
        }
    }
    out
}

fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|c| (*c as char).to_digit(16).map(|d| d as u8))
        .collect();
    nibbles
        .chunks(2)
        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        .collect()
}

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    (1..=4).contains(&bytes.len()).then(|| {
        (
            bytes.len() as u8,
            bytes.iter().fold(0u32, |a, b| a << 8 | *b as u32),
        )
    })
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| (p[0] as u16) << 8 | p.get(1).copied().unwrap_or(0) as u16)
        .collect()
}

fn utf16_text(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

impl ToUnicode {
    /// Parses a CMap stream; what it cannot understand is skipped.
    pub fn parse(bytes: &[u8]) -> ToUnicode {
        let mut map = ToUnicode::default();
        let toks = tokens(bytes);
        let mut section: &[u8] = b"";
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                Token::Word(w) if w.starts_with(b"begin") => {
                    section = w;
                    i += 1;
                    continue;
                }
                Token::Word(w) if w.starts_with(b"end") => {
                    section = b"";
                    i += 1;
                    continue;
                }
                _ => {}
            }
            match (section, &toks[i..]) {
                (b"begincodespacerange", [Token::Hex(lo), Token::Hex(hi), ..]) => {
                    if let (Some((n, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) {
                        map.codespace.push((n, lo, hi));
                    }
                    i += 2;
                }
                (b"beginbfchar", [Token::Hex(src), Token::Hex(dst), ..]) => {
                    if let Some(code) = code_of(src) {
                        map.chars.insert(code, utf16_text(dst));
                    }
                    i += 2;
                }
                (b"beginbfrange", [Token::Hex(lo), Token::Hex(hi), Token::Hex(dst), ..]) => {
                    if let (Some((n, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) {
                        map.ranges
                            .push((n, lo, hi, RangeTarget::Start(utf16_units(dst))));
                    }
                    i += 3;
                }
                (b"beginbfrange", [Token::Hex(lo), Token::Hex(hi), Token::Open, rest @ ..]) => {
                    let each: Vec<String> = rest
                        .iter()
                        .map_while(|t| match t {
                            Token::Hex(h) => Some(utf16_text(h)),
                            _ => None,
                        })
                        .collect();
                    let used = each.len();
                    if let (Some((n, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) {
                        map.ranges.push((n, lo, hi, RangeTarget::Each(each)));
                    }
                    i += 3 + used + 1;
                }
                _ => i += 1,
            }
        }
        map
    }

    /// The byte length of the code `bytes` starts with, by the code space (None: the CMap
    /// declares none that fits).
    pub fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        (1..=4usize).find(|&n| {
            bytes.len() >= n
                && self.codespace.iter().any(|&(len, lo, hi)| {
                    len as usize == n && {
                        let code = bytes[..n].iter().fold(0u32, |a, b| a << 8 | *b as u32);
                        // Each byte within the range's bytes (the spec's per-byte rule).
                        (0..n).all(|k| {
                            let shift = 8 * (n - 1 - k);
                            let (c, l, h) =
                                (code >> shift & 0xFF, lo >> shift & 0xFF, hi >> shift & 0xFF);
                            l <= c && c <= h
                        })
                    }
                })
        })
    }

    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// The text of one code, if the map has it.
    pub fn get(&self, len: usize, code: u32) -> Option<String> {
        let len = len as u8;
        if let Some(s) = self.chars.get(&(len, code)) {
            return Some(s.clone());
        }
        self.ranges
            .iter()
            .find(|(n, lo, hi, _)| *n == len && *lo <= code && code <= *hi)
            .and_then(|(_, lo, _, target)| match target {
                RangeTarget::Start(units) => {
                    let mut units = units.clone();
                    let last = units.last_mut()?;
                    *last = last.wrapping_add((code - lo) as u16);
                    Some(String::from_utf16_lossy(&units))
                }
                RangeTarget::Each(each) => each.get((code - lo) as usize).cloned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_ranges_and_codespace() {
        let cmap = ToUnicode::parse(
            b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <6CD5> <0004> <D840DC00> endbfchar\n\
              2 beginbfrange <0010> <0012> <4E00> <0020> <0021> [<653F> <5E9C>] endbfrange\nendcmap",
        );
        assert_eq!(cmap.code_len(&[0, 3]), Some(2));
        assert_eq!(cmap.get(2, 3).as_deref(), Some("法"));
        assert_eq!(cmap.get(2, 4).as_deref(), Some("\u{20000}"));
        assert_eq!(cmap.get(2, 0x11).as_deref(), Some("丁"));
        assert_eq!(cmap.get(2, 0x21).as_deref(), Some("府"));
        assert_eq!(cmap.get(2, 0x30), None);
        assert_eq!(cmap.get(1, 3), None);
    }
}
