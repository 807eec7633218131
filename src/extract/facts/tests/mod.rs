//! Tests of the facts extractor: number forms and traps in `numbers`, metrics, sentences and
//! the gold bodies in `metric`.

use super::*;

mod metric;
mod numbers;
mod relation;

#[test]
fn decode_chars_reads_every_utf8_width() {
    let mut out = vec!['x'];
    let mut byte_at = vec![7];
    for body in [
        "",
        "abc",
        "罚款12.5万元",
        "é±€𠀀𝟘",
        "一是\n二是,100%。",
        "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
    ] {
        decode_chars(body, &mut out, &mut byte_at);
        assert_eq!(out, body.chars().collect::<Vec<_>>(), "{body}");
        let mut offsets: Vec<usize> = body.char_indices().map(|(b, _)| b).collect();
        offsets.push(body.len());
        assert_eq!(byte_at, offsets, "{body}");
    }
}
/// The protection pass as it was before the decoder listed the openers: every character
/// looked at in turn.
fn protect_each(chars: &[char]) -> Vec<bool> {
    let n = chars.len();
    let mut p = vec![false; n];
    let mut i = 0;
    while i < n {
        let cl = class(chars[i]);
        if cl & (CLASS_PROTECT_OPEN | CLASS_ASCII_ALNUM) == 0 {
            i += 1;
            continue;
        }
        if cl & CLASS_PROTECT_OPEN != 0 {
            if let Some(end) = protected_span_end(chars, i) {
                p[i..=end].iter_mut().for_each(|x| *x = true);
                i = end + 1;
                continue;
            }
        } else {
            let mut j = i;
            while j < n && class(chars[j]) & (CLASS_ASCII_ALNUM | CLASS_URL_PUNCT) != 0 {
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

proptest::proptest! {
    #[test]
    fn protected_spans_found_from_the_decoders_openers(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "《", "》", "“", "”", "〔2023〕", "5号", "http://", "www.", "a@b.cn", ".", "罚款",
                "12", "万元", " ", "。", "HTTPS://x.gov.cn/", "（", "）", "abc",
            ]),
            0..12,
        )
    ) {
        let body: String = parts.concat();
        let (mut chars, mut byte_at, mut openers) = (Vec::new(), Vec::new(), Vec::new());
        decode_marking(&body, &mut chars, &mut byte_at, &mut openers);
        let fused = protect_from(&chars, &openers, Vec::new());
        proptest::prop_assert_eq!(fused, protect_each(&chars));
    }

    #[test]
    fn decode_chars_matches_char_indices_on_any_text(body in proptest::prelude::any::<String>()) {
        let (mut chars, mut byte_at) = (Vec::new(), Vec::new());
        decode_chars(&body, &mut chars, &mut byte_at);
        let want: Vec<(usize, char)> = body.char_indices().collect();
        proptest::prop_assert_eq!(chars.len(), want.len());
        for (k, &(b, c)) in want.iter().enumerate() {
            proptest::prop_assert_eq!((byte_at[k], chars[k]), (b, c));
        }
        proptest::prop_assert_eq!(byte_at.last().copied(), Some(body.len()));
    }
}

use crate::model::{DatePrecision, SectionKind};

fn extract(body: &str) -> Vec<Fact> {
    extract_facts(body, &[], &[])
}

fn raws(body: &str) -> Vec<String> {
    extract(body).into_iter().map(|f| f.raw).collect()
}

fn one(body: &str) -> Fact {
    let facts = extract(body);
    assert_eq!(
        facts.len(),
        1,
        "{body}: {:?}",
        facts.iter().map(|f| &f.raw).collect::<Vec<_>>()
    );
    facts.into_iter().next().unwrap()
}

#[test]
fn word_index_matches_like_a_scan_of_the_list() {
    let chars = |s: &str| s.chars().collect::<Vec<char>>();
    let index = WordIndex::new(["截至目前", "目前", "至今", "事项"]);
    let text = chars("截至目前至今");
    assert_eq!(index.longest_at(&text, 0), Some(4));
    assert_eq!(index.longest_at(&text, 2), Some(2));
    assert_eq!(index.longest_at(&text, 1), None);
    assert!(index.any_ending_at(&text, 6));
    assert!(index.any_ending_at(&text, 4));
    assert!(!index.any_ending_at(&text, 5));
    assert!(!index.any_starting_at(&text, 6));
    // traditional characters of the text match the simplified words, first and last
    let text = chars("項事項");
    assert!(index.any_ending_at(&text, 3));
    assert!(!index.any_ending_at(&text, 1));
    let index = WordIndex::new(["项目"]);
    assert!(index.any_starting_at(&chars("項目"), 0));
    // for every list word, the index agrees with `starts_with_at` / `ends_with_at`
    for list in [
        lx::METRIC_LEADING_FILLERS,
        lx::METRIC_TRAILING_GUARDS,
        lx::CN_SET_PHRASES,
    ] {
        let index = WordIndex::new(list.iter().copied());
        for w in list {
            let text = chars(&format!("x{w}y"));
            let end = text.len() - 1;
            assert!(index.any_starting_at(&text, 1) && starts_with_at(&text, 1, w));
            assert!(index.any_ending_at(&text, end) && ends_with_at(&text, end, w));
        }
    }
}

#[test]
fn facts_and_their_sentences_stay_bounded_on_a_run_of_numbers() {
    // 40,000 characters of `1%` in one "sentence": before, 20,000 facts each carrying
    // the whole sentence (800 MB of CSV).
    let body = format!("全年执结率达到{}。", "1%".repeat(20_000));
    let (facts, warnings) = extract_facts_bounded(&body, &[], &[]);
    assert!(!facts.is_empty() && facts.len() <= limits::MAX_FACTS_PER_SENTENCE);
    let copied: usize = facts.iter().map(|f| f.sentence.chars().count()).sum();
    assert!(
        copied <= facts.len() * (2 * limits::SENTENCE_CONTEXT_CHARS + 8),
        "{copied}"
    );
    assert!(facts.iter().all(|f| f.sentence.contains(&*f.raw)));
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    // Many short sentences: the document cap.
    let body = "立案查处3件。".repeat(limits::MAX_FACTS_PER_DOCUMENT + 5);
    let (facts, warnings) = extract_facts_bounded(&body, &[], &[]);
    assert_eq!(facts.len(), limits::MAX_FACTS_PER_DOCUMENT);
    assert!(warnings[0].contains("in the document"), "{warnings:?}");
}

#[test]
fn a_long_sentence_gives_each_fact_the_clauses_around_it() {
    let clause = "其中调解矛盾纠纷的工作持续推进并取得实效，";
    let body = format!(
        "{}共计立案查处390件，罚款金额136161元{}。",
        clause.repeat(30),
        clause.repeat(30)
    );
    let (facts, warnings) = extract_facts_bounded(&body, &[], &[]);
    assert_eq!(facts.len(), 2);
    assert!(facts[0].sentence.starts_with("其中") || facts[0].sentence.starts_with("共计"));
    assert!(
        facts[0].sentence.contains("共计立案查处390件"),
        "{}",
        facts[0].sentence
    );
    assert!(facts[0].sentence.chars().count() < limits::MAX_SENTENCE_CHARS);
    assert!(warnings[0].contains("clauses around"), "{warnings:?}");
}
