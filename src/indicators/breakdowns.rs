//! Breakdowns: the parts of a total (`共立案390件(其中简易程序110件…)`), so that indicator
//! sums do not count them twice.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::model::{Fact, QuantityKind, Relation};

/// Units whose values can be parts of a total of the same family. Rates are not additive,
/// so they never form breakdowns. Counts must use the same measure word (up to a few
/// synonyms): `检查企业120家,其中发现隐患30处` is no breakdown.
#[derive(Debug, PartialEq, Eq)]
enum Family<'a> {
    Kind(QuantityKind),
    Count(&'a str),
    Unit(&'a str),
}

/// The representative of a measure word's synonym group (`宗` → `件`); other units map to
/// themselves.
pub fn count_unit_family(unit: &str) -> &str {
    crate::lexicon::indicators::COUNT_UNIT_SYNONYMS
        .iter()
        .find(|group| group.contains(&unit))
        .map_or(unit, |group| group[0])
}

fn family(fact: &Fact) -> Option<Family<'_>> {
    let unit = &*fact.unit_normalized;
    match fact.quantity_kind {
        QuantityKind::Percent | QuantityKind::PercentagePoint => None,
        QuantityKind::Count => Some(Family::Count(count_unit_family(unit))),
        QuantityKind::Other => Some(Family::Unit(unit)),
        kind => Some(Family::Kind(kind)),
    }
}

fn is_opener(c: char) -> bool {
    matches!(c, '(' | '（' | '[' | '【' | '〔')
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | '）' | ']' | '】' | '〕')
}

/// Clause ends: a breakdown opened outside brackets stops there.
fn is_terminator(c: char) -> bool {
    matches!(c, '；' | ';' | '。' | '！' | '!' | '？' | '?')
}

/// A `其中`/`包括`/`含` in a sentence and the character range its list of parts covers.
struct Marker {
    start: usize,
    /// Parts must start in `body`.
    body: Range<usize>,
}

/// Words of which every breakdown marker starts with one (see `markers`).
const MARKER_WORDS: [&str; 3] = ["其中", "包括", "含"];
/// Words that open a list of parts wherever they stand (`含` only does at a clause start).
pub(super) const PART_OPENERS: [&str; 2] = ["其中", "包括"];

/// `MARKER_WORDS` and `PART_OPENERS` as searchers built once: `str::contains` with a word set
/// one up for every sentence and word (some 170 instructions per search on the 1k corpus).
static MARKER_FINDERS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| MARKER_WORDS.iter().map(Finder::new).collect());
pub(super) static PART_OPENER_FINDERS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| PART_OPENERS.iter().map(Finder::new).collect());

/// Finds breakdown markers. `含` counts only at the start of a bracket or clause
/// (`(含…`, `,含…`), since the character is common inside words (含量, 包含, 含义).
fn markers(chars: &[char]) -> Vec<Marker> {
    let mut depth = Vec::with_capacity(chars.len() + 1);
    let mut d: usize = 0;
    for &c in chars {
        depth.push(d);
        if is_opener(c) {
            d += 1;
        } else if is_closer(c) {
            d = d.saturating_sub(1);
        }
    }
    depth.push(d);

    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let len = if chars[i..].starts_with(&['其', '中']) || chars[i..].starts_with(&['包', '括'])
        {
            2
        } else if chars[i] == '含'
            && (i == 0
                || matches!(
                    chars[i - 1],
                    ',' | '，' | '、' | '：' | ':' | '；' | ';' | '(' | '（' | '[' | '【' | '〔'
                ))
        {
            1
        } else {
            0
        };
        if len == 0 {
            i += 1;
            continue;
        }
        // In brackets opened right after the total the list ends with the bracket;
        // otherwise at the end of the clause (or of an enclosing bracket).
        let prev = chars[..i]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace())
            .copied();
        let bracketed = prev.is_some_and(is_opener);
        let level = depth[i];
        let mut end = chars.len();
        for (j, &c) in chars.iter().enumerate().skip(i + len) {
            if depth[j + 1] < level || (!bracketed && is_terminator(c)) {
                end = j;
                break;
            }
        }
        out.push(Marker {
            start: i,
            body: i + len..end,
        });
        i += len;
    }
    out
}

/// Marks the parts of breakdowns: a fact is a part of an earlier fact of the same sentence
/// (its total) when it comes after a `其中`/`包括`/`含` that follows the total, inside that
/// marker's list, and both have units of the same family; a part larger than its total is
/// no part. Without such a marker nothing is marked (`受理271宗,已办结266宗` has no parts).
/// Resets `breakdown_of` on every other fact.
pub fn mark_breakdowns(facts: &mut [Fact]) {
    let mut order: Vec<usize> = (0..facts.len()).collect();
    order.sort_by_key(|&i| (facts[i].char_start, facts[i].char_end));
    let mut result: Vec<Option<i32>> = vec![None; facts.len()];

    let mut previous: Option<std::ops::Range<usize>> = None;
    let mut g = 0;
    while g < order.len() {
        let first = &facts[order[g]];
        let reach = first
            .char_start
            .saturating_add(first.sentence.chars().count());
        let mut end = g + 1;
        while end < order.len()
            && (std::sync::Arc::ptr_eq(&facts[order[end]].sentence, &first.sentence)
                || facts[order[end]].sentence == first.sentence)
            && facts[order[end]].char_start < reach
        {
            end += 1;
        }
        if end - g > 1 {
            breakdowns_in_sentence(facts, &order[g..end], &mut result);
            parts_that_add_up(facts, &order[g..end], &mut result);
        }
        if let Some(p) = previous {
            parts_in_the_next_sentence(facts, &order[p], &order[g..end], &mut result);
        }
        previous = Some(g..end);
        g = end;
    }
    for (fact, part_of) in facts.iter_mut().zip(result) {
        fact.breakdown_of = part_of;
    }
}

/// A sentence that opens with `其中`/`包括` lists the parts of the last fact of the sentence
/// before it (`保留行政权力841项。其中,行政许可24项、…、其他行政权力13项。`): the facts of its
/// list of the total's family, none larger than the total, become its parts.
fn parts_in_the_next_sentence(
    facts: &[Fact],
    before: &[usize],
    group: &[usize],
    result: &mut [Option<i32>],
) {
    let sentence = &facts[group[0]].sentence;
    let opened = sentence.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if !PART_OPENERS.iter().any(|w| opened.starts_with(w)) {
        return;
    }
    let chars: Vec<char> = sentence.chars().collect();
    let Some(origin) = sentence_origin(facts, group, &chars) else {
        return;
    };
    // The total ends the sentence right before this one: nothing but its closing marks
    // and spaces between them.
    let Some(&total) = before.iter().max_by_key(|&&k| facts[k].char_end) else {
        return;
    };
    let t = &facts[total];
    let Some(t_family) = family(t) else {
        return;
    };
    let previous = &t.sentence;
    let gap_ok = previous.rfind(t.raw.as_str()).is_some_and(|at| {
        let tail = previous[at + t.raw.len()..].chars().count();
        origin >= t.char_end && origin - t.char_end <= tail + 2
    });
    if !gap_ok || t.relation != Relation::Level {
        return;
    }
    let Some(list) = markers(&chars).into_iter().next().map(|m| m.body) else {
        return;
    };
    for &k in group {
        let f = &facts[k];
        let Some(start) = f.char_start.checked_sub(origin) else {
            continue;
        };
        let fits = f.value_normalized.is_finite()
            && t.value_normalized.is_finite()
            && f.value_normalized <= t.value_normalized;
        if result[k].is_none()
            && list.contains(&start)
            && fits
            && family(f).as_ref() == Some(&t_family)
        {
            result[k] = Some(t.fact_id);
        }
    }
}

/// Parts without a marker: two or more facts right after a total, of its family and
/// exactly adding up to it (`政务服务事项515项,行政许可事项218项,其他事项297项`, `主动公开
/// 信息171条:A124条,B34条,…`), become its parts. Facts already parts are left alone;
/// rates never add up.
/// Smallest total whose parts are found by adding up (see `parts_that_add_up`).
const SUM_TOTAL_MIN: f64 = 10.0;

fn parts_that_add_up(facts: &[Fact], group: &[usize], result: &mut [Option<i32>]) {
    for (n, &total) in group.iter().enumerate() {
        let t = &facts[total];
        let Some(t_family) = family(t) else {
            continue;
        };
        if result[total].is_some()
            || t.value_normalized < SUM_TOTAL_MIN
            || t.value_normalized.is_nan()
            || t.relation != Relation::Level
        {
            continue;
        }
        let mut sum = 0.0;
        let mut parts = Vec::new();
        for &k in &group[n + 1..] {
            let f = &facts[k];
            if result[k].is_some()
                || f.relation != Relation::Level
                || family(f).as_ref() != Some(&t_family)
            {
                break;
            }
            sum += f.value_normalized;
            parts.push(k);
            // The sum must end the run of facts of the family (`进社区2次,进企业1次,进机关1次`
            // is a list, not 2 = 1 + 1), and small totals add up by chance too often.
            let run_ends = group
                .get(n + 1 + parts.len())
                .is_none_or(|&m| family(&facts[m]).as_ref() != Some(&t_family));
            if parts.len() >= 2
                && run_ends
                && t.value_normalized >= SUM_TOTAL_MIN
                && (sum - t.value_normalized).abs() <= 1e-9 * t.value_normalized
            {
                for &p in &parts {
                    result[p] = Some(t.fact_id);
                }
                break;
            }
            if sum > t.value_normalized {
                break;
            }
        }
    }
}

/// Body offset of the sentence's first character: the offset at which most of the group's
/// `raw` texts are found in the sentence (the same raw, e.g. `8件`, may occur twice).
fn sentence_origin(facts: &[Fact], group: &[usize], chars: &[char]) -> Option<usize> {
    let raws: Vec<Vec<char>> = group
        .iter()
        .map(|&k| facts[k].raw.chars().collect())
        .collect();
    let raw_at = |n: usize, origin: usize| -> bool {
        let raw = &raws[n];
        let Some(pos) = facts[group[n]].char_start.checked_sub(origin) else {
            return false;
        };
        !raw.is_empty() && chars.get(pos..).is_some_and(|rest| rest.starts_with(raw))
    };
    for (n, raw) in raws.iter().enumerate() {
        if raw.is_empty() || raw.len() > chars.len() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for p in 0..=chars.len() - raw.len() {
            if !chars[p..].starts_with(raw) {
                continue;
            }
            let Some(origin) = facts[group[n]].char_start.checked_sub(p) else {
                continue;
            };
            let score = (0..group.len()).filter(|&m| raw_at(m, origin)).count();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, origin));
            }
        }
        if let Some((_, origin)) = best {
            return Some(origin);
        }
    }
    None
}

fn breakdowns_in_sentence(facts: &[Fact], group: &[usize], result: &mut [Option<i32>]) {
    // Most sentences hold no marker word: they are passed over before being decoded.
    let sentence = &facts[group[0]].sentence;
    if !MARKER_FINDERS
        .iter()
        .any(|w| w.find(sentence.as_bytes()).is_some())
    {
        return;
    }
    let chars: Vec<char> = sentence.chars().collect();
    let marks = markers(&chars);
    if marks.is_empty() {
        return;
    }
    let Some(origin) = sentence_origin(facts, group, &chars) else {
        return;
    };
    // (fact index, start, end) in sentence characters, for facts located in the sentence.
    let located: Vec<(usize, usize, usize)> = group
        .iter()
        .filter_map(|&k| {
            let f = &facts[k];
            let start = f.char_start.checked_sub(origin)?;
            let end = f.char_end.checked_sub(origin)?;
            (start <= end && end <= chars.len()).then_some((k, start, end))
        })
        .collect();

    for &(part, start, _) in &located {
        let Some(part_family) = family(&facts[part]) else {
            continue;
        };
        // The innermost (latest) marker whose list contains the part.
        let Some(mark) = marks
            .iter()
            .rev()
            .find(|m| m.body.start <= start && start < m.body.end)
        else {
            continue;
        };
        // The total: the nearest fact of the same family before the marker, in the same
        // clause as the marker.
        let total = located
            .iter()
            .filter(|&&(_, _, e)| e <= mark.start)
            .filter(|&&(_, _, e)| !chars[e..mark.start].iter().any(|&c| is_terminator(c)))
            .filter(|&&(k, _, _)| k != part && family(&facts[k]).as_ref() == Some(&part_family))
            .max_by_key(|&&(_, s, _)| s);
        let Some(&(total, _, _)) = total else {
            continue;
        };
        let (pv, tv) = (facts[part].value_normalized, facts[total].value_normalized);
        if pv.is_finite() && tv.is_finite() && pv > tv {
            continue;
        }
        result[part] = Some(facts[total].fact_id);
    }
}
