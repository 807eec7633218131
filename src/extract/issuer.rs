//! The issuer named as the subject of the opening sentences, for pages without a title line:
//! `2021年,自然资源部坚持…`, `今年以来,东城街道…`, `…正确领导下,市应急管理局在…`. A subject
//! is a chain of places (gazetteer names, or a name with a place suffix), then a government
//! word or a department (`前进区教育局`, `市市场监管局`), or a ministry alone. Self-references
//! (`我镇`, `我局`, `市政府`) are read through to the name the body prints elsewhere.

use std::borrow::Cow;
use std::collections::HashMap;

use regex::Regex;

use crate::clean::reading::strip_glosses;
use crate::gazetteer::{DivisionLevel, Gazetteer};
use crate::lexicon::dates::YEAR_DIGITS;
use crate::lexicon::orgs::{
    BARE_SELF_SUBJECTS, CLAUSE_OPENING_CHARS, DEPARTMENT_NAME_STOPS, DEPARTMENT_SELF_WORDS,
    DEPARTMENT_SUBJECT_ENDINGS, GOVERNMENT_OFFICE, GOVERNMENT_SELF_WORDS, GOVERNMENT_WORDS,
    LEVEL_CHARS, LEVEL_GOVERNMENTS, NOT_AFTER_BARE_SUBJECT, NOT_PLACE_FIRST_CHARS, NOT_PLACE_NAMES,
    NOT_SUBJECT_OPENERS, PLACE_STOPLIST, SELF_REFERENCE_LEVELS, SELF_REFERENCE_MIN_COUNT,
    SELF_WORDS, SHORT_FORM_SELF_WORDS, SPEAKER_LEADS, SUBJECT_FOLLOWERS, SUBJECT_LEADS,
    UNKNOWN_PLACE_STOP_CHARS, UNLISTED_PLACE_SELF_WORDS,
};
use crate::lexicon::PerThread;
use crate::text::head_chars;

/// How much of the body's opening is searched for the subject (characters).
const OPENING_CHARS: usize = 900;
/// Longest department name read as a subject (characters).
const DEPARTMENT_MAX_CHARS: usize = 14;
/// How many lines from the top may open with the subject itself.
const SUBJECT_LINES: usize = 8;

/// A place name the gazetteer may not know (a town, a redacted `x镇`): a short name and its
/// place suffix.
static PLACE_FALLBACK_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^[\p{Han}xX*＊]{1,6}?(?:自治区|自治州|自治县|街道|镇|乡|县|区|市|省|旗)")
        .expect("place fallback regex compiles")
});

/// A government's term between its place and its government word (`南宁市第十四届人民政府`).
static TERM_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^第[一二三四五六七八九十]{1,3}届").expect("term regex compiles")
});

/// A year opening a line, with or without its comma.
static LEADING_YEAR_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(r"^{YEAR_DIGITS}\s*年(?:度|以来|来)?[，,]?"))
        .expect("leading year regex compiles")
});

/// Endings that look like a department but are common words (`干部`, `全部`, `部门`).
const FALSE_DEPARTMENTS: &[&str] = &[
    "干部", "全部", "内部", "局部", "支部", "本部", "总部", "中部", "西部", "东部", "北部", "南部",
    "基层", "大局",
];

/// What an opening sentence says about its subject.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    /// A name as printed (`东城街道`, `自然资源部`, `市市场监管局`).
    Name(String),
    /// `我镇`, `我局`, `市政府`: a body of this kind, named elsewhere.
    SelfRef(&'static str),
}

/// Length in bytes of the chain of place names `s` opens with.
fn place_chain(s: &str, gaz: &Gazetteer) -> usize {
    let known = known_place_chain(s, gaz);
    if known > 0 {
        return known;
    }
    // A place the gazetteer does not know, when what follows confirms it is a name.
    let head = head_chars(s, 24);
    let Some(m) = PLACE_FALLBACK_RE.find(head) else {
        return 0;
    };
    let rest = &head[m.end()..];
    let confirmed = GOVERNMENT_WORDS.iter().any(|w| rest.starts_with(w))
        || SUBJECT_FOLLOWERS.iter().any(|w| rest.starts_with(w))
        || department(rest).is_some();
    let name = m.as_str();
    let clause = name.contains(UNKNOWN_PLACE_STOP_CHARS)
        || DEPARTMENT_NAME_STOPS.iter().any(|w| name.contains(w));
    if confirmed && !clause && !starts_with_function_word(head) {
        m.end()
    } else {
        0
    }
}

/// Length in bytes of the chain of gazetteer place names (full names) `s` opens with.
fn known_place_chain(s: &str, gaz: &Gazetteer) -> usize {
    let head = head_chars(s, 24);
    let mut places = gaz.issuer_places(head);
    // Full names only, and never a common word the gazetteer also lists (街道, 城区).
    places.retain(|m| !m.short && !PLACE_STOPLIST.contains(&m.name.as_str()));
    places.sort_by_key(|m| (m.char_start, std::cmp::Reverse(m.char_end)));
    let mut cursor = 0usize; // characters
    for m in &places {
        if m.char_start == cursor {
            cursor = m.char_end;
        }
    }
    head.char_indices()
        .nth(cursor)
        .map_or(head.len(), |(b, _)| b)
}

fn starts_with_function_word(s: &str) -> bool {
    const FUNCTION_CHARS: &str = "在对按根为经由从于向与和及把将让使被就通";
    s.chars().next().is_some_and(|c| FUNCTION_CHARS.contains(c))
}

/// The department name `s` opens with (`教育局`, `人力资源和社会保障局`, `应急管理厅`).
fn department(s: &str) -> Option<&str> {
    let head = head_chars(s, DEPARTMENT_MAX_CHARS);
    let mut best: Option<&str> = None;
    for (at, _) in head.char_indices().skip(1) {
        let candidate_end = head[at..]
            .char_indices()
            .nth(1)
            .map_or(head.len(), |(b, _)| at + b);
        let cand = &head[..candidate_end];
        if DEPARTMENT_SUBJECT_ENDINGS.iter().any(|e| cand.ends_with(e)) {
            best = Some(cand);
            break;
        }
    }
    let mut cand = best?;
    // The ending found first may open a longer one (`委` of `卫生健康委员会`, `办` of `办公室`).
    let last = cand.chars().next_back().map_or(0, char::len_utf8);
    let from = cand.len() - last;
    if let Some(e) = DEPARTMENT_SUBJECT_ENDINGS
        .iter()
        .filter(|e| e.len() > last && s[from..].starts_with(*e))
        .max_by_key(|e| e.len())
    {
        cand = &s[..from + e.len()];
    }
    let rest = &s[cand.len()..];
    if !cand.chars().all(crate::text::is_han) {
        return None;
    }
    if DEPARTMENT_NAME_STOPS.iter().any(|w| cand.contains(w))
        || FALSE_DEPARTMENTS.iter().any(|w| cand.ends_with(w))
        || rest.starts_with('门')
        || cand.chars().count() < 2
    {
        return None;
    }
    Some(cand)
}

/// Reads the subject `s` opens with.
fn subject(s: &str, gaz: &Gazetteer) -> Option<Subject> {
    let s = s.trim_start_matches([' ', '\u{3000}', '“', '"']);
    // A place the gazetteer knows may start like a self-reference or an opener (本溪, 全椒).
    let self_word = s.starts_with(['我', '本']);
    let opener = NOT_SUBJECT_OPENERS.iter().any(|w| s.starts_with(w));
    let known = if self_word || opener {
        known_place_chain(s, gaz)
    } else {
        0
    };
    if known == 0 && self_word {
        let rest = &s[3..];
        let rest = strip_glosses(rest);
        return SELF_WORDS
            .iter()
            .find(|w| rest.starts_with(*w))
            .map(|w| Subject::SelfRef(w));
    }
    if let Some((_, level)) = LEVEL_GOVERNMENTS.iter().find(|(g, _)| s.starts_with(g)) {
        return Some(Subject::SelfRef(level));
    }
    if known == 0 && opener {
        return None;
    }
    let place = if known > 0 {
        known
    } else {
        place_chain(s, gaz)
    };
    let rest = &s[place..];
    if place > 0 {
        // The government of one term (`…市第十四届人民政府`) is printed with its term.
        let term = TERM_RE.find(rest).map_or(0, |m| m.end());
        if let Some(w) = GOVERNMENT_WORDS
            .iter()
            .find(|w| rest[term..].starts_with(*w))
        {
            // The government's own office (`某县人民政府办公室`) is a department of it.
            let mut end = place + term + w.len();
            if s[end..].starts_with(GOVERNMENT_OFFICE) {
                end += GOVERNMENT_OFFICE.len();
            }
            return Some(Subject::Name(s[..end].to_string()));
        }
        if let Some(d) = department(rest) {
            return Some(Subject::Name(s[..place + d.len()].to_string()));
        }
        if SUBJECT_FOLLOWERS.iter().any(|w| rest.starts_with(w)) || rest.starts_with(['，', ',']) {
            return Some(Subject::Name(s[..place].to_string()));
        }
        return None;
    }
    // `市市场监管局`, `省应急管理厅`: this level's department; or a ministry alone.
    let (lead, rest) = match s.chars().next() {
        Some(c) if LEVEL_CHARS.contains(c) => (c.len_utf8(), &s[c.len_utf8()..]),
        _ => (0, s),
    };
    let d = department(rest)?;
    let after = &rest[d.len()..];
    let ministry = lead > 0 || d.chars().count() >= 3;
    let followed = SUBJECT_FOLLOWERS.iter().any(|w| after.starts_with(w))
        || after.starts_with(['，', ',', '党', '机']);
    (ministry && followed && !starts_with_function_word(d))
        .then(|| Subject::Name(s[..lead + d.len()].to_string()))
}

/// Byte offsets in `head` where a sentence's subject may start: after a time phrase or a
/// `领导下` and its comma, and at the start of the first lines.
fn subject_starts(head: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut line_start = 0;
    for (i, line) in crate::text::split_lines(head).enumerate() {
        // An addressee line (`市委、市政府:`) names the recipients, not the issuer.
        let addressee = line.trim_end().ends_with([':', '：']) && line.chars().count() <= 30;
        if i < SUBJECT_LINES && !addressee {
            starts.push(line_start);
            // `2020年小白楼街道办事处继续…`: a year without its comma.
            if let Some(m) = LEADING_YEAR_RE.find(line) {
                starts.push(line_start + m.end());
            }
        }
        line_start += line.len() + 1;
    }
    for lead in SPEAKER_LEADS {
        starts.extend(memchr::memmem::find_iter(head.as_bytes(), lead).map(|at| at + lead.len()));
    }
    for (at, c) in head.char_indices() {
        if c != '，' && c != ',' {
            continue;
        }
        let before = &head[..at];
        if SUBJECT_LEADS.iter().any(|l| before.ends_with(l)) {
            starts.push(at + c.len_utf8());
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// The issuer the opening sentences name, read through self-references.
pub fn org_from_opening(body: &str, gaz: &Gazetteer) -> Option<String> {
    for (printed, _, found) in opening_subjects(body, gaz) {
        match found {
            Subject::Name(n) => return Some(printed_prefix(printed, n.chars().count())),
            Subject::SelfRef(word) => {
                if let Some(n) = named_elsewhere(body, word, gaz) {
                    return Some(n);
                }
            }
        }
    }
    None
}

/// What each sentence of the opening starts with as its subject, in order: the text from
/// there as printed (glosses included), the same without glosses (borrowed when it has
/// none), and the subject.
fn opening_subjects<'a>(
    body: &'a str,
    gaz: &'a Gazetteer,
) -> impl Iterator<Item = (&'a str, Cow<'a, str>, Subject)> + 'a {
    let head = head_chars(body, OPENING_CHARS);
    subject_starts(head).into_iter().filter_map(move |at| {
        // A quote or an indent before the subject is not part of it.
        let printed = head[at..].trim_start_matches([' ', '\u{3000}', '“', '"']);
        let plain = strip_glosses(head_chars(printed, 60));
        let found = subject(&plain, gaz)?;
        Some((printed, plain, found))
    })
}

/// The first `n` characters of `printed` not counting pinyin glosses, glosses included.
fn printed_prefix(printed: &str, n: usize) -> String {
    let mut end = 0;
    let mut taken = 0;
    while taken < n && end < printed.len() {
        let rest = &printed[end..];
        // A gloss at this point is skipped whole (a gloss is at most 7 letters and 2 brackets).
        let is_gloss = rest.starts_with(['(', '（'])
            && !strip_glosses(head_chars(rest, 10)).starts_with(['(', '（']);
        if is_gloss {
            let close = rest.find([')', '）']).map_or(rest.len(), |c| {
                c + rest[c..].chars().next().map_or(1, char::len_utf8)
            });
            end += close;
            continue;
        }
        let c = rest.chars().next().map_or(1, char::len_utf8);
        end += c;
        taken += 1;
    }
    printed[..end].to_string()
}

/// Whether `org` is a level's government without a place (`省政府`, `县人民政府`).
pub fn is_bare_government(org: &str) -> bool {
    LEVEL_GOVERNMENTS.iter().any(|(g, _)| *g == org)
}

/// `省政府`, `市人民政府` as the issuer: the government of the body's most frequent place of
/// that level (`湖南省`), when the body names one.
pub fn resolve_bare_government(org: &str, body: &str, gaz: &Gazetteer) -> Option<String> {
    let (_, level) = LEVEL_GOVERNMENTS.iter().find(|(g, _)| *g == org)?;
    named_elsewhere(body, level, gaz)
}

/// The admin level a page gives itself by its self-references (`我镇`, `全县`), when one
/// kind is said at least twice and more often than any other.
pub fn level_from_self_references(body: &str) -> Option<&'static str> {
    dominant_self_reference(body).map(|(_, level)| level)
}

/// The admin level of a page whose opening sentence has itself as subject in the first person
/// (`2022年,我镇持续…`), however seldom it says so: the report speaks of itself there.
/// (`市政府` opening a sentence may be a superior government; only 我/本 count.)
pub fn level_from_opening_self_reference(body: &str, gaz: &Gazetteer) -> Option<&'static str> {
    opening_subjects(body, gaz).find_map(|(_, plain, found)| match found {
        Subject::SelfRef(_) if plain.starts_with(['我', '本']) => SELF_REFERENCE_LEVELS
            .iter()
            .find(|(phrase, _)| plain.starts_with(phrase))
            .map(|(_, level)| *level),
        _ => None,
    })
}

/// The self-reference a page uses most (`全市` → the place word 市 and the level 市), when
/// it is said at least twice and more often than any other.
fn dominant_self_reference(body: &str) -> Option<(&'static str, &'static str)> {
    let mut counts: HashMap<(&'static str, &'static str), usize> = HashMap::new();
    for (phrase, level) in SELF_REFERENCE_LEVELS {
        let n = memchr::memmem::find_iter(body.as_bytes(), phrase.as_bytes()).count();
        // The place word after 我/本/全 (one character, three bytes).
        *counts.entry((&phrase[3..], level)).or_default() += n;
    }
    for (word, level) in BARE_SELF_SUBJECTS {
        *counts.entry((word, level)).or_default() += bare_subjects(body, word);
    }
    let mut by_level: HashMap<&'static str, usize> = HashMap::new();
    for ((_, level), n) in &counts {
        *by_level.entry(level).or_default() += n;
    }
    let mut ranked: Vec<(&'static str, usize)> = by_level.into_iter().collect();
    ranked.sort_by_key(|(l, n)| (std::cmp::Reverse(*n), *l));
    let level = match ranked.as_slice() {
        [(level, n), rest @ ..]
            if *n >= SELF_REFERENCE_MIN_COUNT && rest.first().is_none_or(|(_, m)| m < n) =>
        {
            *level
        }
        _ => return None,
    };
    counts
        .into_iter()
        .filter(|((_, l), _)| *l == level)
        .max_by_key(|((w, _), n)| (*n, std::cmp::Reverse(*w)))
        .map(|((word, _), _)| (word, level))
}

/// How often `word` (街道, 镇) opens a clause on its own, as a page's name for itself.
fn bare_subjects(body: &str, word: &str) -> usize {
    memchr::memmem::find_iter(body.as_bytes(), word.as_bytes())
        .filter(|&at| {
            let opens = body[..at]
                .chars()
                .next_back()
                .is_none_or(|c| CLAUSE_OPENING_CHARS.contains(&c));
            let next = body[at + word.len()..].chars().next();
            opens
                && next
                    .is_some_and(|c| crate::text::is_han(c) && !NOT_AFTER_BARE_SUBJECT.contains(&c))
        })
        .count()
}

/// The issuer of a page that never names itself in its title, header, signature or opening:
/// the body's name for its dominant self-reference (`全市` … 《上海市…》 → 上海市人民政府).
pub fn org_from_self_references(body: &str, gaz: &Gazetteer) -> Option<String> {
    let (word, level) = dominant_self_reference(body)?;
    if level == "部门" {
        return None;
    }
    let government = GOVERNMENT_SELF_WORDS.contains(&word);
    let Some(name) = named_elsewhere(body, word, gaz) else {
        // No place named: the government as the page prints it (`省政府主要负责人…`).
        return government
            .then(|| {
                [format!("{word}人民政府"), format!("{word}政府")]
                    .into_iter()
                    .find(|g| body.contains(g.as_str()))
            })
            .flatten();
    };
    Some(if government {
        format!("{name}人民政府")
    } else {
        name
    })
}

/// The body's most frequent name for a self-reference: a place ending with `word` (`我镇` →
/// 下太镇), or a department ending with it right after a place (`我局` → 前进区教育局).
fn named_elsewhere(body: &str, word: &str, gaz: &Gazetteer) -> Option<String> {
    let text = strip_glosses(body);
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let department_word = DEPARTMENT_SELF_WORDS.contains(&word);
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    for m in gaz.issuer_places(&text).iter().filter(|m| !m.short) {
        let Some(&start) = offsets.get(m.char_start) else {
            continue;
        };
        if !text[start..].starts_with(m.name.as_str()) {
            continue;
        }
        let name = if department_word {
            let after = &text[start + m.name.len()..];
            match department(after) {
                Some(d) if d.ends_with(word) => format!("{}{d}", m.name),
                _ => continue,
            }
        } else if m.name.ends_with(word) && !PLACE_STOPLIST.contains(&m.name.as_str()) {
            // Not the bare word (the gazetteer has rows named just 街道).
            m.name.clone()
        } else {
            continue;
        };
        let n = counts.len();
        counts.entry(name).or_insert((0, n)).0 += 1;
    }
    // A province or city named by its short form only (`上海加快建设…`, `本市`).
    if counts.is_empty() && SHORT_FORM_SELF_WORDS.contains(&word) {
        for m in gaz.text_places(&text).iter().filter(|m| m.short) {
            let full = gaz
                .lookup(&m.name)
                .into_iter()
                .map(|d| d.name)
                .find(|n| n.ends_with(word));
            if let Some(full) = full {
                let n = counts.len();
                counts.entry(full.to_string()).or_insert((0, n)).0 += 1;
            }
        }
    }
    // A town or street office named by its short form only (`鱼复法治建设`), when a county
    // or city the body names in full encloses it.
    if counts.is_empty() && UNLISTED_PLACE_SELF_WORDS.contains(&word) {
        let enclosing: Vec<String> = gaz
            .text_places(&text)
            .into_iter()
            .filter(|m| !m.short)
            .map(|m| m.name)
            .collect();
        for m in gaz.short_places(&text) {
            let named = gaz.lookup(&m.name);
            // 河池 is first the city 河池市, whatever towns share the name.
            if named.iter().any(|d| d.level < DivisionLevel::Township) {
                continue;
            }
            let full = named.into_iter().find(|d| {
                d.name != m.name
                    && d.name.ends_with(word)
                    && enclosing.iter().any(|outer| gaz.names_nest(outer, d.name))
            });
            if let Some(d) = full {
                let n = counts.len();
                counts.entry(d.name.to_string()).or_insert((0, n)).0 += 1;
            }
        }
    }
    // Cities and counties are all in the gazetteer; towns and street offices may not be.
    if counts.is_empty() && UNLISTED_PLACE_SELF_WORDS.contains(&word) {
        unknown_places(&text, word, &mut counts);
    }
    counts
        .into_iter()
        .filter(|(_, (count, _))| *count >= 1)
        .max_by_key(|(name, (count, first))| {
            (
                *count,
                std::cmp::Reverse(name.chars().count()),
                std::cmp::Reverse(*first),
            )
        })
        .map(|(name, _)| name)
}

/// Names of places the gazetteer does not know: two or three Chinese characters before the
/// place word, printed at least twice (`下太镇` for `我镇`).
fn unknown_places(text: &str, word: &str, counts: &mut HashMap<String, (usize, usize)>) {
    let mut found: HashMap<String, (usize, usize)> = HashMap::new();
    for (at, _) in text.match_indices(word) {
        let before: Vec<char> = text[..at].chars().rev().take(3).collect();
        for len in 2..=3 {
            if before.len() < len {
                break;
            }
            let name: String = before[..len].iter().rev().collect();
            let first = name.chars().next().unwrap_or('我');
            // A redacted name (`xx镇` on a template) is still the page's name for itself.
            let redacted = |c: char| c == 'x' || c == 'X';
            if !name.chars().all(|c| crate::text::is_han(c) || redacted(c))
                || name.chars().all(redacted) && len > 2
                || NOT_PLACE_FIRST_CHARS.contains(first)
                || NOT_PLACE_NAMES.iter().any(|w| name.ends_with(w))
            {
                continue;
            }
            let n = found.len();
            found.entry(format!("{name}{word}")).or_insert((0, n)).0 += 1;
        }
    }
    counts.extend(found.into_iter().filter(|(_, (count, _))| *count >= 2));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::test_gazetteer;

    fn opening(body: &str) -> Option<String> {
        org_from_opening(body, test_gazetteer())
    }

    #[test]
    fn subject_after_the_year() {
        assert_eq!(
            opening("2024年,小营街道深入学习贯彻习近平法治思想。").as_deref(),
            Some("小营街道")
        );
        assert_eq!(
            opening("2021年,自然资源部坚持以习近平新时代中国特色社会主义思想为指导。").as_deref(),
            Some("自然资源部")
        );
        assert_eq!(
            opening("2023年,市应急管理局在市委、市政府的正确领导下,坚持依法行政。").as_deref(),
            Some("市应急管理局")
        );
    }

    #[test]
    fn subject_after_the_leadership_phrase() {
        assert_eq!(
            opening("2022年,在区委、区政府的坚强领导下,某某街道办事处坚持依法行政。").as_deref(),
            Some("某某街道办事处")
        );
        assert_eq!(
            opening("今年以来,在市委、市政府的正确领导下,市人力资源和社会保障局坚持依法行政。")
                .as_deref(),
            Some("市人力资源和社会保障局")
        );
    }

    #[test]
    fn the_body_a_speaker_speaks_for() {
        // A government work report: the speaker reports on behalf of the government, printed
        // with its term when it has one.
        assert_eq!(
            opening("政府工作报告\n各位代表：\n现在，我代表青岛市第十七届人民政府，向大会报告工作，请予审议。")
                .as_deref(),
            Some("青岛市第十七届人民政府")
        );
        assert_eq!(
            opening("各位代表：\n现在，我代表湖南省人民政府，向大会报告工作。").as_deref(),
            Some("湖南省人民政府")
        );
        // A delegate speaking for something that is not a body is no issuer.
        assert_eq!(opening("各位代表：\n我代表大家，向大会致以问候。"), None);
    }

    #[test]
    fn level_of_a_page_that_opens_with_itself() {
        let level = |body: &str| level_from_opening_self_reference(body, test_gazetteer());
        assert_eq!(
            level("2022年,我镇持续强化组织领导,推进政务公开。"),
            Some("乡镇")
        );
        assert_eq!(level("今年以来,本局坚持依法行政。"), Some("部门"));
        // A superior government as subject, or no self-reference at all, gives nothing.
        assert_eq!(level("2022年,市政府坚持依法行政。"), None);
        assert_eq!(level("2022年,全市各区坚持依法行政。"), None);
    }

    #[test]
    fn places_the_gazetteer_does_not_know() {
        assert_eq!(
            opening("2025年,某村乡法治政府建设工作在市委的领导下取得新进展。").as_deref(),
            Some("某村乡")
        );
        assert_eq!(opening("x镇持续规范行政执法行为。").as_deref(), Some("x镇"));
    }

    #[test]
    fn no_subject_in_prose_without_one() {
        assert_eq!(opening("2022年,全市各区、各部门坚持依法行政。"), None);
        assert_eq!(opening("2021年来,街道按照方案要求开展工作。"), None);
        assert_eq!(opening("2022年,机关干部坚持学法。"), None);
    }

    #[test]
    fn self_references_are_read_through() {
        let body = "2022年,我镇坚持依法行政。\n一、主要举措\n下太镇司法所开展普法活动,下太镇党委研究部署。";
        assert_eq!(opening(body).as_deref(), Some("下太镇"));
        let body = "2022年,我局认真履职。\n前进区教育局制定工作方案,前进区教育局召开会议。";
        assert_eq!(opening(body).as_deref(), Some("前进区教育局"));
        let body = "2022年,市政府坚持依法行政。《青岛市停车场条例》出台,青岛市营商环境持续优化。";
        assert_eq!(opening(body).as_deref(), Some("青岛市"));
        // A town the gazetteer does not know, named twice.
        let body = "2022年,我镇坚持依法行政。\n某太镇司法所开展普法,某太镇党委研究部署。";
        assert_eq!(opening(body).as_deref(), Some("某太镇"));
    }

    #[test]
    fn prefectures_banners_and_leagues_speak_of_themselves_too() {
        let body = "2022年,州政府坚持依法行政。\n一、优化营商环境。印发《湘西土家族苗族自治州营商环境三年行动规划》,全州办理案件12件。";
        let g = test_gazetteer();
        assert_eq!(
            resolve_bare_government("州政府", body, g).as_deref(),
            Some("湘西土家族苗族自治州")
        );
        let body =
            "2022年,我旗认真学习贯彻党的二十大精神。杭锦旗司法局开展普法,杭锦旗人民政府出庭应诉。";
        assert_eq!(opening(body).as_deref(), Some("杭锦旗"));
        assert_eq!(
            level_from_self_references("我旗坚持依法行政,全旗推进法治建设。"),
            Some("区县")
        );
        assert_eq!(
            level_from_self_references("我州坚持依法行政,全州推进法治建设。"),
            Some("市")
        );
    }

    #[test]
    fn places_that_start_like_a_self_reference_are_places() {
        let body = "2023年,本溪满族自治县高官镇人民政府坚持依法行政。";
        assert_eq!(
            opening(body).as_deref(),
            Some("本溪满族自治县高官镇人民政府")
        );
        let body = "2023年,全椒县人民政府坚持依法行政,全县办理案件12件。";
        assert_eq!(opening(body).as_deref(), Some("全椒县人民政府"));
        // The self-references themselves stay what they are.
        let body = "2023年,全市各区坚持依法行政。";
        assert_eq!(opening(body), None);
    }

    #[test]
    fn a_department_ending_is_read_whole() {
        let body = "2023年,巴塘县卫生健康委员会坚持依法行政,全面推进法治政府建设。";
        assert_eq!(opening(body).as_deref(), Some("巴塘县卫生健康委员会"));
        let body = "2023年,某某县人民政府办公室坚持依法行政。";
        assert_eq!(opening(body).as_deref(), Some("某某县人民政府办公室"));
    }

    #[test]
    fn clauses_are_not_issuers() {
        // A verb phrase ending in a department word, a clause ending in a place word.
        let body = "2024年,在市委、市政府的坚强领导下,全市各部门坚持依法行政。\n(二)持续统筹加强法治政府建设\n充分发挥市委依法治市办、市法治政府建设工作领导小组办公室的统筹协调作用。";
        assert_eq!(opening(body), None);
        let body = "2017年是具有划时代意义的一年,也是自治区人民政府贯彻党中央方略的一年。";
        assert_ne!(opening(body).as_deref(), Some("也是自治区人民政府"));
    }

    #[test]
    fn glosses_are_skipped_for_reading_and_kept_in_the_name() {
        let body = "2月29日,龙湖区(qū)司法局召开全区(qū)司法行政工作会议。";
        assert_eq!(opening(body).as_deref(), Some("龙湖区(qū)司法局"));
        // Full-width brackets are three bytes each (this once cut a character in two).
        let body = "2月29日，龙湖区（qū）司法局召开全区（qū）司法行政工作会（huì）议。";
        assert_eq!(opening(body).as_deref(), Some("龙湖区（qū）司法局"));
    }

    #[test]
    fn the_issuer_from_self_references_when_nothing_names_it() {
        let g = test_gazetteer();
        // A municipality named only by its short form.
        let body =
            "全市各区、各部门坚持依法行政。本市深入推进上海加快建设法治政府,全市共办理案件。";
        assert_eq!(
            org_from_self_references(body, g).as_deref(),
            Some("上海市人民政府")
        );
        // No place at all: the government as printed.
        let body = "全省各级政府坚持依法行政。省政府主要负责人履行职责,全省共办理案件。";
        assert_eq!(org_from_self_references(body, g).as_deref(), Some("省政府"));
        // A redacted town on a template page.
        let body = "我镇开展自查。xx镇领导班子学法,xx镇人民政府出庭应诉,全镇无败诉案件。";
        assert_eq!(org_from_self_references(body, g).as_deref(), Some("xx镇"));
        // A set phrase is no town.
        let body = "我镇推进法治镇建设,法治镇创建取得成效,全镇干部学法。";
        assert_eq!(org_from_self_references(body, g), None);
        // A department names itself elsewhere, never by self-reference alone.
        assert_eq!(
            org_from_self_references("我局开展普法。本局制定方案。", g),
            None
        );
    }

    #[test]
    fn a_street_office_that_calls_itself_street_and_names_itself_by_short_form() {
        let g = test_gazetteer();
        let body = "今年以来，街道按照《上城区法治政府建设规划》要求推进依法行政。\n\
                    街道完善合法性审查机制，小营法治品牌持续擦亮，街道平安办开展普法。";
        assert_eq!(level_from_self_references(body), Some("街道"));
        assert_eq!(
            org_from_self_references(body, g).as_deref(),
            Some("小营街道")
        );
        // Without a county or city that encloses it, a short form is not enough.
        let body = "今年以来，街道推进依法行政。\n街道完善合法性审查机制，小营法治品牌持续擦亮。";
        assert_eq!(org_from_self_references(body, g), None);
        // Compounds of the level word are no self-reference.
        let body = "。乡村振兴有序推进，镇村两级联动。街道、社区共建。镇级平台上线。";
        assert_eq!(level_from_self_references(body), None);
    }

    #[test]
    fn the_level_from_self_references() {
        assert_eq!(
            level_from_self_references("我镇开展普法。全镇共调解纠纷。"),
            Some("乡镇")
        );
        assert_eq!(level_from_self_references("我局开展普法。"), None);
        assert_eq!(
            level_from_self_references("我局开展普法。本局制定方案。"),
            Some("部门")
        );
    }
}
