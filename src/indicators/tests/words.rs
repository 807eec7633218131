//! The word indexes: `FirstChars` finds what an overlapping Aho-Corasick search finds, `Hits`
//! is the set of words found, `SectionHits` follows section ids.

use super::super::words::FirstChars;
use aho_corasick::AhoCorasick;
use proptest::prelude::*;

/// Characters that share table slots (code modulo 4096: `a`, U+1061, U+11061), CJK of three
/// bytes, a NUL and a space, so words collide in slots, share first characters and
/// prefixes of eight bytes.
const ALPHABET: [char; 9] = [
    'a',
    '\u{1061}',
    '\u{11061}',
    '法',
    '治',
    '案',
    '件',
    '\0',
    ' ',
];

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(0..ALPHABET.len(), 0..max)
        .prop_map(|v| v.into_iter().map(|k| ALPHABET[k]).collect())
}

proptest! {
    #[test]
    fn first_chars_finds_what_aho_corasick_finds(
        words in proptest::collection::vec(text(5).prop_filter("non-empty", |w| !w.is_empty()), 1..12),
        hay in text(40),
    ) {
        let index = FirstChars::new(&words);
        let mut got = Vec::new();
        index.each_in(&hay, |id, at| got.push((at, id)));
        got.sort_unstable();
        let ac = AhoCorasick::new(&words).unwrap();
        let mut want: Vec<(usize, usize)> = ac
            .find_overlapping_iter(&hay)
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        want.sort_unstable();
        prop_assert_eq!(&got, &want);
        for (at, c) in hay.char_indices() {
            prop_assert_eq!(index.any_at(&hay, at, c), want.iter().any(|&(s, _)| s == at));
        }
    }
}

#[test]
fn any_in_is_whether_a_word_occurs() {
    let index = FirstChars::new(&["总数", "累计总"]);
    assert!(index.any_in("受理案件总数"));
    assert!(index.any_in("累计总计"));
    assert!(!index.any_in("累计受理"));
    assert!(!index.any_in(""));
}

proptest! {
    /// `Hits` answers `has` like a set of the ids found, listed inline or spilled to bits,
    /// and merged.
    #[test]
    fn hits_are_the_set_of_words_found(
        a in proptest::collection::vec(0usize..40, 0..30),
        b in proptest::collection::vec(0usize..40, 0..30),
    ) {
        use super::super::context::Hits;
        // Word k is the k-th CJK ideograph, so a text of ideographs holds exactly its own.
        let words: Vec<String> = (0..40).map(|k| char::from_u32(0x4e00 + k).unwrap().to_string()).collect();
        let index = FirstChars::new(&words);
        let text = |ids: &[usize]| ids.iter().map(|&k| words[k].as_str()).collect::<String>();
        let mut ha = Hits::scan(&index, &text(&a));
        let hb = Hits::scan(&index, &text(&b));
        for k in 0..40 {
            prop_assert_eq!(ha.has(k), a.contains(&k));
            prop_assert_eq!(hb.has(k), b.contains(&k));
        }
        prop_assert_eq!(ha.is_empty(), a.is_empty());
        ha.merge(&hb);
        for k in 0..40 {
            prop_assert_eq!(ha.has(k), a.contains(&k) || b.contains(&k));
        }
    }
}

/// `SectionHits` finds a section and its parents by id whether the ids are positions + 1
/// (as `build_sections` numbers them) or anything else.
#[test]
fn section_hits_follow_ids_however_numbered() {
    use super::super::context::SectionHits;
    use crate::model::{Section, SectionKind};
    let section = |id: i32, parent: Option<i32>, level: i16, heading: &str| Section {
        section_id: id,
        parent_id: parent,
        level,
        kind: SectionKind::Heading,
        marker: String::new(),
        ordinal: 1,
        heading: heading.to_string(),
        section_type: None,
        char_start: 0,
        char_end: 0,
        text_bytes: 0..0,
    };
    let words = FirstChars::new(&["复议", "应诉", "普法"]);
    for ids in [[1, 2, 3], [7, 3, 11]] {
        let sections = [
            section(ids[0], None, 1, "普法工作"),
            section(ids[1], Some(ids[0]), 2, "行政复议"),
            section(ids[2], Some(ids[1]), 3, "应诉"),
        ];
        let mut hits = SectionHits::new(&sections);
        let inner = hits.of(&words, Some(ids[2])).expect("level 3 has words");
        // Its own heading and its level-2 parent's, not the level-1 heading's.
        assert!(inner.has(0) && inner.has(1) && !inner.has(2), "{ids:?}");
        assert!(hits.of(&words, Some(ids[0])).is_none(), "{ids:?}");
        assert!(hits.of(&words, Some(99)).is_none(), "{ids:?}");
        assert!(hits.of(&words, None).is_none(), "{ids:?}");
    }
}
