//! Warning kinds: a warning sentence without its particulars (quoted names, numbers, the
//! detail after a colon or in brackets), so that sentences of one cause count together
//! however many places, years or files they name.

/// Where a sentence's particulars start: what follows the first of these is dropped.
const DETAIL_STARTS: [&str; 3] = [": ", "; ", " ("];
/// Quotes whose content is a particular: (opening, closing).
const QUOTES: [(char, char); 5] = [
    ('\'', '\''),
    ('"', '"'),
    ('“', '”'),
    ('‘', '’'),
    ('「', '」'),
];
/// What a dropped particular is shown as.
const ELLIPSIS: &str = "…";
/// A kind longer than this (in characters) is cut: it is a label, not the sentence.
const MAX_KIND_CHARS: usize = 160;

/// The kind of a warning or reject sentence, e.g. `no place name of the gazetteer found in
/// the issuer '…'` for every issuer named.
pub fn warning_kind(sentence: &str) -> String {
    let sentence = sentence.trim();
    let cut = DETAIL_STARTS
        .iter()
        .filter_map(|d| sentence.find(d))
        .min()
        .unwrap_or(sentence.len());
    let head = without_quoted(&sentence[..cut]);
    let words: Vec<&str> = head
        .split(' ')
        .map(|w| if is_number_like(w) { ELLIPSIS } else { w })
        .collect();
    let mut kind = words.join(" ");
    if kind.chars().count() > MAX_KIND_CHARS {
        kind = kind.chars().take(MAX_KIND_CHARS).collect::<String>() + ELLIPSIS;
    }
    if kind.is_empty() {
        kind = "(empty warning)".to_string();
    }
    kind
}

/// A word with a digit and no letter: a count, a year, a date, a code.
fn is_number_like(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) && !word.chars().any(char::is_alphabetic)
}

/// `text` with the content of each closed quote replaced by "…". A quote opens only at the
/// start or after a space or bracket, so the apostrophe of "page's" opens nothing.
fn without_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut prev: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([".contains(p));
        if let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| *open == c && opens) {
            if let Some(end) = after.find(close) {
                out.push(c);
                out.push_str(ELLIPSIS);
                out.push(close);
                rest = &after[end + close.len_utf8()..];
                prev = Some(close);
                continue;
            }
        }
        out.push(c);
        prev = Some(c);
        rest = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::warning_kind;

    #[test]
    fn particulars_are_dropped_and_causes_kept() {
        for (sentence, kind) in [
            (
                "no place name of the gazetteer found in the issuer '省政府'",
                "no place name of the gazetteer found in the issuer '…'",
            ),
            (
                "place '资源' is ambiguous and the text does not say which: candidates left 1, 2",
                "place '…' is ambiguous and the text does not say which",
            ),
            (
                "organization read from the page's self-references (某局): the text does not name its issuer",
                "organization read from the page's self-references",
            ),
            (
                "report year 2019 is far from the publish date 2024-03-01",
                "report year … is far from the publish date …",
            ),
            (
                "12 numbers were not kept as facts: more than 5000 in the document",
                "… numbers were not kept as facts",
            ),
            (
                "page declares charset GBK but its bytes are UTF-8; decoded as UTF-8",
                "page declares charset GBK but its bytes are UTF-8",
            ),
            ("", "(empty warning)"),
        ] {
            assert_eq!(warning_kind(sentence), kind, "{sentence}");
        }
        // Two sentences of one cause share a kind; other causes do not.
        assert_eq!(
            warning_kind("document kind is other: genre news (opening has 会议指出)"),
            warning_kind("document kind is other: genre interpretation (title has 解读)")
        );
        assert_ne!(
            warning_kind("no issuer found, so no place to resolve"),
            warning_kind("report year not found in the title")
        );
    }

    #[test]
    fn hostile_sentences_give_short_kinds() {
        let long = "<script>".repeat(100);
        let kind = warning_kind(&long);
        assert!(kind.chars().count() <= 161, "{}", kind.len());
        assert_eq!(warning_kind("an 'unclosed quote"), "an 'unclosed quote");
        assert_eq!(warning_kind("'"), "'");
    }
}
