//! A look at an HTML page's tags before the tree builder sees them: attributes of one tag
//! beyond `limits::MAX_HTML_ATTRIBUTES` are dropped (the tokenizer checks each new attribute
//! against the tag's others, so a tag with a million of them would take hours).
//!
//! Tags are found as the tokenizer finds them, closely enough for counting: `<` and a letter
//! (or `</` and a letter) opens a tag, quoted values are skipped whole, comments are passed
//! over. Text inside `<script>` is scanned as if it held tags: at worst a pseudo-tag there
//! loses words no one reads.

use memchr::{memchr, memmem};

/// `html` with every tag's attributes beyond `max` removed, and how many were, or `None`
/// when no tag has more than `max` (almost every page: nothing is copied).
pub fn cap_attributes(html: &str, max: usize) -> Option<(String, usize)> {
    let b = html.as_bytes();
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C');
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut dropped = 0usize;
    let mut i = 0;
    while let Some(k) = memchr(b'<', &b[i..]) {
        let mut j = i + k + 1;
        if b[j..].starts_with(b"!--") {
            i = memmem::find(&b[j + 3..], b"-->").map_or(b.len(), |e| j + 3 + e + 3);
            continue;
        }
        if b.get(j) == Some(&b'/') {
            j += 1;
        }
        if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
            i = j;
            continue;
        }
        while j < b.len() && !ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
            j += 1;
        }
        let (mut count, mut cut_from) = (0usize, None);
        loop {
            while j < b.len() && (ws(b[j]) || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let start = j;
            j += 1; // a name's first character may be `=`
            while j < b.len() && !ws(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
                j += 1;
            }
            let mut v = j;
            while v < b.len() && ws(b[v]) {
                v += 1;
            }
            if b.get(v) == Some(&b'=') {
                j = v + 1;
                while j < b.len() && ws(b[j]) {
                    j += 1;
                }
                match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        j = memchr(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e + 1);
                    }
                    _ => {
                        while j < b.len() && !ws(b[j]) && b[j] != b'>' {
                            j += 1;
                        }
                    }
                }
            }
            count += 1;
            if count == max + 1 {
                cut_from = Some(start);
            }
        }
        if let Some(from) = cut_from {
            cuts.push((from, j));
            dropped += count - max;
        }
        i = j;
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (from, to) in cuts {
        // Cuts start after white space and end at `>`, a quote or the end: char boundaries.
        out.push_str(html.get(copied..from)?);
        copied = to;
    }
    out.push_str(html.get(copied..)?);
    Some((out, dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tags_over_the_cap_change() {
        let page =
            r#"<div class="a" id=b hidden><p title="x > y">正文</p><!-- <a 1 2 3 4> --></div>"#;
        assert_eq!(cap_attributes(page, 3), None);
        let (out, n) = cap_attributes(page, 2).unwrap();
        assert_eq!(n, 1);
        assert_eq!(out, page.replacen("hidden>", ">", 1));
    }

    #[test]
    fn a_million_attributes_become_the_cap() {
        let attrs: String = (0..100_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let page = format!("<html><body><div{attrs}>立案查处390件</div></body></html>");
        let (out, n) = cap_attributes(&page, 256).unwrap();
        assert_eq!(n, 100_000 - 256);
        assert!(out.contains(" a255=\"255\" >立案查处390件</div>"));
        assert!(!out.contains("a256="));
    }
}
