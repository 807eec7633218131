//! What kind of document a page is: documents.genre, and doc_kind from it.
//!
//! A crawler that collects rule-of-law annual reports (法治政府建设年度报告) also picks up the
//! documents around them: interpretations of the report, half-year reports, information-
//! disclosure reports, government work reports, assessment notices, self-inspections, 述法
//! reports, plans, general work summaries, news and database records. The classifier reads
//! only the title and the opening (about 600 characters), in three zones — the title, the
//! opening sentences and the headings near the top — and adds up the weights of the cues
//! of `lexicon/genres.rs` it finds there. A genre other than `rol_annual` must reach
//! `GENRE_MIN_SCORE` and beat the evidence for a rule-of-law report; otherwise a document
//! whose title or opening names the rule-of-law topic (法治政府建设, 依法行政 …) is a
//! `rol_annual` report, and any other document is `other`.
//!
//! The text is read through a small simplified folding of its own (traditional characters of
//! the cue words, no spaces, no quotation marks, no pinyin glosses such as `區(qū)`), so the
//! rules hold on machine-converted mirrors as on the original pages.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::lexicon::genres::{
    GenreCue, Zone, BREADCRUMB_MARKS, DATELINE_WEIGHT, DATELINE_WORDS, FIRST_PERSON_NOT_BEFORE,
    FIRST_PERSON_WEIGHT, FIRST_PERSON_WORDS, GENRE_CUES, GENRE_MIN_SCORE, GENRE_PRIORITY,
    GLUED_TITLE_ENDINGS, HEADING_MAX_CHARS, HEAD_CHARS, IGNORED_CHARS, KIND_TITLE_WEIGHT,
    LEAD_LINE_MAX_CHARS, LEAD_MAX_CHARS, LEAD_MAX_LINES, METADATA_LABEL_MAX_CHARS,
    NAV_ITEM_MAX_CHARS, NAV_MIN_ITEMS, NOT_PLAN_TITLE_WORDS, OPENING_CHARS, PLAN_TITLE_ENDINGS,
    PLAN_TITLE_WEIGHT, ROL_OPENING_WEIGHT, ROL_TITLE_WEIGHT, SENTENCE_PUNCTUATION, SENTENCE_STARTS,
    TITLE_LINE_MIN_CHARS, TITLE_NEEDLE_CHARS, TRADITIONAL_FOLD, TRANSMIT_WORD, WO_BODY_NEXT,
    WO_WORD_BEFORE, YEAR_SPAN_WEIGHT,
};
use crate::lexicon::orgs::{ROL_CUES, TITLE_REPORT_CUES};
use crate::model::Genre;

/// The genre of a document and the evidence for it (`title has 解读`).
#[derive(Debug, Clone, PartialEq)]
pub struct GenreCall {
    pub genre: Genre,
    pub evidence: Vec<String>,
}

impl GenreCall {
    /// The warning that says why a document is not a rule-of-law annual report (None for one).
    pub fn warning(&self) -> Option<String> {
        (self.genre != Genre::RolAnnual).then(|| {
            format!(
                "document kind is other: genre {} ({})",
                self.genre.as_str(),
                self.evidence.join("; ")
            )
        })
    }
}

/// Every cue text in one automaton (overlapping matches), and for each pattern the cues
/// that share its text.
struct CueIndex {
    automaton: AhoCorasick,
    cues_of: Vec<Vec<usize>>,
}

static CUE_INDEX: LazyLock<CueIndex> = LazyLock::new(|| {
    let mut texts: Vec<&str> = Vec::new();
    let mut cues_of: Vec<Vec<usize>> = Vec::new();
    for (i, cue) in GENRE_CUES.iter().enumerate() {
        match texts.iter().position(|t| *t == cue.text) {
            Some(p) => cues_of[p].push(i),
            None => {
                texts.push(cue.text);
                cues_of.push(vec![i]);
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&texts)
        .expect("genre cues are plain strings");
    CueIndex { automaton, cues_of }
});

fn genre_index(genre: Genre) -> usize {
    Genre::ALL
        .iter()
        .position(|g| *g == genre)
        .expect("every genre is in Genre::ALL")
}

/// The simplified form of a character for matching: traditional cue characters folded,
/// ASCII letters in lower case.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c < '\u{4e00}' {
        return c;
    }
    TRADITIONAL_FOLD
        .binary_search_by_key(&c, |&(t, _)| t)
        .map_or(c, |i| TRADITIONAL_FOLD[i].1)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ".contains(c)
}

/// Length in bytes of a pinyin gloss at the start of `s` (`(qū)`, `(nian)`), if there is one.
fn pinyin_gloss_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, open) = chars.next()?;
    if open != '(' && open != '（' {
        return None;
    }
    let mut letters = 0;
    for (at, c) in chars {
        match c {
            ')' | '）' if letters > 0 => return Some(at + c.len_utf8()),
            c if is_pinyin_letter(c) && letters < 8 => letters += 1,
            _ => return None,
        }
    }
    None
}

/// Appends the matching form of `text` to `out`: folded characters, without white space,
/// quotation marks and pinyin glosses. Stops after `max_chars` characters of `text`.
fn fold_into(out: &mut String, text: &str, max_chars: usize) {
    let mut rest = text;
    let mut n = 0;
    while let Some(c) = rest.chars().next() {
        if n >= max_chars {
            break;
        }
        if let Some(len) = pinyin_gloss_len(rest) {
            n += rest[..len].chars().count();
            rest = &rest[len..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        n += 1;
        if c.is_whitespace() || IGNORED_CHARS.contains(&c) {
            continue;
        }
        out.push(fold_char(c));
    }
}

fn folded(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 3));
    fold_into(&mut out, text, max_chars);
    out
}

/// `text` without the spans between 《 and 》 (names of other documents).
fn without_quoted_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '《' | '〈' => depth += 1,
            '》' | '〉' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn has_topic(text: &str) -> bool {
    ROL_CUES.iter().any(|c| text.contains(c))
}

/// Byte index of the first sentence punctuation in a line (a colon between two digits, as in
/// a time, does not count).
fn sentence_end(line: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut iter = line.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if SENTENCE_PUNCTUATION.contains(&c) {
            let time_colon = matches!(c, ':' | '：')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && iter.peek().is_some_and(|(_, n)| n.is_ascii_digit());
            if !time_colon {
                return Some(at);
            }
        }
        prev = Some(c);
    }
    None
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' || c == '\u{feff}'
}

/// A page-metadata line (`发布时间:2024-01-02`, `来源: 司法局`): a short label of Han
/// characters, then a colon.
fn is_metadata_line(line: &str) -> bool {
    let Some(at) = line.find([':', '：']) else {
        return false;
    };
    let label = &line[..at];
    let n = label.chars().filter(|c| !is_blank(*c)).count();
    (1..=METADATA_LABEL_MAX_CHARS).contains(&n)
        && label
            .chars()
            .all(|c| is_blank(c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A navigation bar: several short items separated by spaces or `|`.
fn is_nav_line(line: &str) -> bool {
    let mut items = 0;
    for item in line
        .split(|c: char| is_blank(c) || c == '|' || c == '｜')
        .filter(|i| !i.is_empty())
    {
        if item.chars().count() > NAV_ITEM_MAX_CHARS {
            return false;
        }
        items += 1;
    }
    items >= NAV_MIN_ITEMS
}

/// Where the title zone starts: the line holding the metadata stage's title, when it is
/// printed in the body (chrome above it is not read); else the top of the body.
fn title_start(title: Option<&str>, body: &str) -> usize {
    let Some(title) = title else { return 0 };
    let needle: String = title
        .chars()
        .filter(|c| !is_blank(*c))
        .take(TITLE_NEEDLE_CHARS)
        .collect();
    if needle.is_empty() {
        return 0;
    }
    body.find(&needle)
        .map_or(0, |at| body[..at].rfind('\n').map_or(0, |nl| nl + 1))
}

/// The title at the start of a sentence it is glued to (`…自查报告依据…`, `…工作总结2019年以来`):
/// the longest prefix that ends with a document word and is followed by the start of a
/// sentence (a year, 为, 根据 …) or by nothing. Empty when there is none.
fn glued_title(fragment: &str) -> &str {
    let mut best = 0;
    for (at, word) in GLUED_TITLE_ENDINGS
        .iter()
        .flat_map(|w| fragment.match_indices(w))
    {
        let end = at + word.len();
        let rest = &fragment[end..];
        let starts_sentence = rest.is_empty()
            || rest.starts_with(|c: char| c.is_ascii_digit())
            || SENTENCE_STARTS.iter().any(|w| rest.starts_with(w));
        if starts_sentence && end > best {
            best = end;
        }
    }
    &fragment[..best]
}

/// The page's first lines up to its first sentence: the title of a page without a title line
/// (`法治政府建设自查报告依据…`, a title split over lines, a notice's red header). Each
/// title-like line is also returned on its own, for checks on how a title ends.
fn lead_lines(body: &str) -> (String, Vec<String>) {
    let mut lead = String::new();
    let mut lines = Vec::new();
    let mut scanned = 0;
    for raw in body
        .lines()
        .map(|l| {
            l.trim_matches(|c: char| is_blank(c) || matches!(c, '•' | '·' | '-' | '*' | '#' | '|'))
        })
        .filter(|l| !l.is_empty())
        .take(LEAD_MAX_LINES)
    {
        scanned += raw.chars().count();
        if BREADCRUMB_MARKS.iter().any(|m| raw.contains(m))
            || is_metadata_line(raw)
            || is_nav_line(raw)
            || raw.chars().count() < TITLE_LINE_MIN_CHARS
        {
            if scanned > OPENING_CHARS {
                break;
            }
            continue;
        }
        let (part, last) = match sentence_end(raw) {
            Some(at) => (&raw[..at], true),
            None if raw.chars().count() > LEAD_LINE_MAX_CHARS => {
                let cut = raw
                    .char_indices()
                    .nth(LEAD_LINE_MAX_CHARS)
                    .map_or(raw.len(), |(at, _)| at);
                (&raw[..cut], true)
            }
            None => (raw, false),
        };
        let mut part = folded(part, LEAD_MAX_CHARS);
        if last {
            // The first sentence: only a title glued to it belongs to the title zone.
            let glued = glued_title(&part).len();
            part.truncate(glued);
        } else {
            lines.push(part.clone());
        }
        lead.push_str(&part);
        if last || lead.chars().count() >= LEAD_MAX_CHARS || scanned > OPENING_CHARS {
            break;
        }
    }
    (lead, lines)
}

/// The text of the level-1 and level-2 headings (`一、…` `（一）…`) among the opening's lines.
fn opening_headings(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut scanned = 0;
    for line in body.lines() {
        if scanned >= OPENING_CHARS {
            break;
        }
        scanned += line.chars().count();
        let line = line.trim_matches(|c: char| is_blank(c) || c == '#' || c == '*');
        let numeral = |c: char| "一二三四五六七八九十".contains(c);
        let rest = if let Some(r) = line.strip_prefix(['(', '（']) {
            let digits = r.chars().take_while(|c| numeral(*c)).count();
            let r = &r[digits * '一'.len_utf8()..];
            (digits > 0).then(|| r.strip_prefix([')', '）'])).flatten()
        } else {
            let digits = line.chars().take_while(|c| numeral(*c)).count();
            let r = &line[digits * '一'.len_utf8()..];
            (digits > 0)
                .then(|| r.strip_prefix(['、', '.', '．']))
                .flatten()
        };
        if let Some(rest) = rest {
            let end = rest.find(['。', '；', ';']).unwrap_or(rest.len());
            out.push(folded(&rest[..end], HEADING_MAX_CHARS));
        }
    }
    out
}

/// What the classifier reads of a document.
struct Reading {
    /// The title zone: the title, the page title and the lead, `|`-separated.
    title: String,
    /// The same without names of other documents (《…》): the document's own title words.
    own_title: String,
    /// Title candidates one by one (for how a title ends).
    title_parts: Vec<String>,
    /// The first OPENING_CHARS characters.
    opening: String,
    /// Byte length of the opening's first HEAD_CHARS characters.
    head_len: usize,
    headings: Vec<String>,
}

fn read(title: Option<&str>, page_title: Option<&str>, body: &str) -> Reading {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = title {
        parts.push(folded(t, LEAD_MAX_CHARS));
    }
    if let Some(t) = page_title {
        // The page's own title, without the site name after a separator.
        let first = t.split(['_', '|', '｜', '—']).next().unwrap_or(t);
        parts.push(folded(first, LEAD_MAX_CHARS));
    }
    let (lead, lead_lines) = lead_lines(&body[title_start(title, body)..]);
    let mut title_parts = parts.clone();
    title_parts.extend(lead_lines);
    if !lead.is_empty() {
        title_parts.push(lead.clone());
        parts.push(lead);
    }
    let title = parts.join("|");
    let own_title = without_quoted_names(&title);
    let head: String = body.chars().take(HEAD_CHARS).collect();
    let head_len = folded(&head, HEAD_CHARS).len();
    Reading {
        own_title,
        title,
        title_parts,
        opening: folded(body, OPENING_CHARS),
        head_len,
        headings: opening_headings(body),
    }
}

/// Scores per genre (indexed like `Genre::ALL`) and the evidence for each.
struct Scores {
    score: [u8; Genre::ALL.len()],
    /// The title carries a kind word of the genre.
    titled: [bool; Genre::ALL.len()],
    evidence: Vec<Vec<String>>,
}

impl Scores {
    fn add(&mut self, genre: Genre, weight: u8, evidence: String) {
        let g = genre_index(genre);
        self.score[g] = self.score[g].saturating_add(weight);
        self.evidence[g].push(evidence);
    }

    fn add_title(&mut self, genre: Genre, weight: u8, evidence: String) {
        self.titled[genre_index(genre)] |= weight >= KIND_TITLE_WEIGHT;
        self.add(genre, weight, evidence);
    }

    /// The best genre other than `rol_annual` among those `eligible`: highest score, ties by
    /// GENRE_PRIORITY.
    fn best(&self, eligible: impl Fn(usize) -> bool) -> Option<(Genre, u8)> {
        GENRE_PRIORITY
            .iter()
            .map(|&g| (g, genre_index(g)))
            .filter(|&(_, i)| eligible(i))
            .map(|(g, i)| (g, self.score[i]))
            .fold(None, |best, (g, score)| match best {
                Some((_, b)) if b >= score => best,
                _ => Some((g, score)),
            })
    }
}

/// Marks the cues of `zone` found in `text` (once each).
fn match_zone(text: &str, zones: &[Zone], head_len: usize, hit: &mut [bool]) {
    let index = &*CUE_INDEX;
    for m in index.automaton.find_overlapping_iter(text) {
        for &i in &index.cues_of[m.pattern().as_usize()] {
            let cue: &GenreCue = &GENRE_CUES[i];
            if hit[i] || !zones.contains(&cue.zone) {
                continue;
            }
            if cue.zone == Zone::Head && m.end() > head_len {
                continue;
            }
            let before = &text[..m.start()];
            if cue.not_after.iter().any(|w| before.ends_with(w)) {
                continue;
            }
            if cue.off_topic && has_topic(text) {
                continue;
            }
            hit[i] = true;
        }
    }
}

fn zone_name(zone: Zone) -> &'static str {
    match zone {
        Zone::Title => "title",
        Zone::Head => "first lines",
        Zone::Opening => "opening",
        Zone::Heading => "a heading",
    }
}

/// A title that ends with a plan word (`…工作要点`, `…规划（2021-2025年）`) and does not name a
/// report, or a notice that publishes a plan (`关于印发《…实施方案》的通知`).
fn plan_title(parts: &[String]) -> Option<String> {
    for part in parts {
        let own = without_quoted_names(part);
        if NOT_PLAN_TITLE_WORDS.iter().any(|w| own.contains(w)) {
            continue;
        }
        let mut end = own.as_str();
        // A trailing bracket: (2021-2025年), （征求意见稿）.
        while let Some(stripped) = end.strip_suffix([')', '）']) {
            match stripped.rfind(['(', '（']) {
                Some(at) => end = &stripped[..at],
                None => break,
            }
        }
        if let Some(w) = PLAN_TITLE_ENDINGS.iter().find(|w| end.ends_with(*w)) {
            return Some(format!("title ends with {w}"));
        }
        if own.contains(TRANSMIT_WORD) {
            let named = part
                .split(['《', '》'])
                .skip(1)
                .step_by(2)
                .find_map(|n| PLAN_TITLE_ENDINGS.iter().find(|w| n.ends_with(*w)));
            if let Some(w) = named {
                return Some(format!("title publishes a {w}"));
            }
        }
    }
    None
}

/// `2016-2020年`, `2016年至2020年` in the title: a review of several years.
fn year_span(title: &str) -> Option<String> {
    let chars: Vec<char> = title.chars().collect();
    let year_at = |i: usize| -> bool {
        i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && (chars[i] == '1' || chars[i] == '2')
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    };
    for i in 0..chars.len() {
        if !year_at(i) {
            continue;
        }
        let mut j = i + 4;
        if chars.get(j) == Some(&'年') {
            j += 1;
        }
        let dash_start = j;
        while chars.get(j).is_some_and(|c| "-—–－~～至到".contains(*c)) {
            j += 1;
        }
        if j > dash_start && j - dash_start <= 2 && year_at(j) {
            let span: String = chars[i..j + 4].iter().collect();
            let (a, b) = (&chars[i..i + 4], &chars[j..j + 4]);
            if b > a {
                return Some(span);
            }
        }
    }
    None
}

/// `…,我认真…` (not 我局, 我镇, 我们) or 本人: a person speaks.
fn first_person(opening: &str) -> Option<String> {
    let mut prev = ' ';
    let mut chars = opening.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '我' && !WO_WORD_BEFORE.contains(prev) {
            if let Some(&next) = chars.peek() {
                if !WO_BODY_NEXT.contains(next) && !next.is_ascii_punctuation() {
                    return Some(format!("我{next}"));
                }
            }
        }
        prev = c;
    }
    FIRST_PERSON_WORDS.iter().find_map(|w| {
        opening
            .match_indices(w)
            .any(|(at, _)| {
                let after = &opening[at + w.len()..];
                !FIRST_PERSON_NOT_BEFORE.iter().any(|n| after.starts_with(n))
            })
            .then(|| w.to_string())
    })
}

/// A line of the opening that starts with a dateline: `2月29日,` `近日,`.
fn dateline(body: &str) -> Option<String> {
    let mut scanned = 0;
    for line in body.lines() {
        if scanned >= OPENING_CHARS {
            break;
        }
        scanned += line.chars().count();
        let line = line.trim_matches(is_blank);
        let Some(end) = line.find(['，', ',']) else {
            continue;
        };
        let lead = &line[..end];
        if DATELINE_WORDS.contains(&lead) {
            return Some(lead.to_string());
        }
        // 2月29日 (no year): a month and a day.
        let mut parts = lead.split(['月', '日']);
        let (m, d, tail) = (parts.next(), parts.next(), parts.next());
        let digits = |s: Option<&str>| {
            s.is_some_and(|s| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        };
        if digits(m) && digits(d) && tail == Some("") && lead.ends_with('日') {
            return Some(lead.to_string());
        }
    }
    None
}

/// The genre of a document from its title (the metadata stage's, if any), the page's own
/// title (HTML `<title>`) and the body.
pub fn classify(title: Option<&str>, page_title: Option<&str>, body: &str) -> GenreCall {
    let r = read(title, page_title, body);
    let mut hit = vec![false; GENRE_CUES.len()];
    match_zone(&r.own_title, &[Zone::Title], 0, &mut hit);
    match_zone(
        &r.opening,
        &[Zone::Head, Zone::Opening],
        r.head_len,
        &mut hit,
    );
    for h in &r.headings {
        match_zone(h, &[Zone::Heading], 0, &mut hit);
    }
    let mut s = Scores {
        score: [0; Genre::ALL.len()],
        titled: [false; Genre::ALL.len()],
        evidence: vec![Vec::new(); Genre::ALL.len()],
    };
    for (cue, _) in GENRE_CUES.iter().zip(&hit).filter(|(_, h)| **h) {
        let evidence = format!("{} has {}", zone_name(cue.zone), cue.text);
        if cue.zone == Zone::Title {
            s.add_title(cue.genre, cue.weight, evidence);
        } else {
            s.add(cue.genre, cue.weight, evidence);
        }
    }
    if let Some(e) = plan_title(&r.title_parts) {
        s.add_title(Genre::WorkPlan, PLAN_TITLE_WEIGHT, e);
    }
    if let Some(span) = year_span(&r.own_title) {
        s.add_title(
            Genre::RolMultiYear,
            YEAR_SPAN_WEIGHT,
            format!("title spans the years {span}"),
        );
    }
    if let Some(w) = first_person(&r.opening) {
        s.add(
            Genre::DutyReport,
            FIRST_PERSON_WEIGHT,
            format!("opening speaks in the first person ({w})"),
        );
    }
    if let Some(d) = dateline(body) {
        s.add(
            Genre::News,
            DATELINE_WEIGHT,
            format!("a line starts with a dateline ({d})"),
        );
    }
    let title_topic = has_topic(&r.title);
    let opening_topic = has_topic(&r.opening);
    if title_topic && TITLE_REPORT_CUES.iter().any(|c| r.title.contains(c)) {
        s.add(
            Genre::RolAnnual,
            ROL_TITLE_WEIGHT,
            "title names a rule-of-law government report".to_string(),
        );
    } else if opening_topic {
        s.add(
            Genre::RolAnnual,
            ROL_OPENING_WEIGHT,
            "opening names the rule-of-law topic".to_string(),
        );
    }

    let rol = s.score[genre_index(Genre::RolAnnual)];
    // A kind word in the title decides; else the best genre must beat the rule-of-law evidence.
    let titled = s.best(|i| s.titled[i]);
    let best = titled.or_else(|| s.best(|_| true).filter(|&(_, score)| score > rol));
    if let Some((genre, score)) = best {
        if score >= GENRE_MIN_SCORE {
            let evidence = std::mem::take(&mut s.evidence[genre_index(genre)]);
            return GenreCall { genre, evidence };
        }
    }
    if title_topic || opening_topic {
        let evidence = std::mem::take(&mut s.evidence[genre_index(Genre::RolAnnual)]);
        return GenreCall {
            genre: Genre::RolAnnual,
            evidence,
        };
    }
    GenreCall {
        genre: Genre::Other,
        evidence: vec![format!(
            "neither the title nor the opening names the rule-of-law topic ({})",
            ROL_CUES.join("/")
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn genre_of(title: Option<&str>, body: &str) -> Genre {
        classify(title, None, body).genre
    }

    fn body_genre(body: &str) -> Genre {
        genre_of(None, body)
    }

    #[test]
    fn fold_table_is_sorted_and_folds() {
        assert!(TRADITIONAL_FOLD.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TRADITIONAL_FOLD.iter().all(|(t, s)| t != s));
        assert_eq!(
            folded("法治政府建設(shè)年度報(bào)告", 100),
            "法治政府建设年度报告"
        );
        assert_eq!(folded("“十三五” 时期 English", 100), "十三五时期english");
        // Numbered items are not glosses.
        assert_eq!(folded("(1)In 2021", 100), "(1)in2021");
    }

    #[test]
    fn every_cue_is_in_matching_form() {
        for cue in GENRE_CUES {
            assert_eq!(folded(cue.text, 100), cue.text, "{}", cue.text);
            assert!(cue.weight > 0);
        }
        assert_eq!(GENRE_PRIORITY.len(), Genre::ALL.len() - 1);
        assert!(!GENRE_PRIORITY.contains(&Genre::RolAnnual));
    }

    #[test]
    fn annual_reports_with_and_without_a_title() {
        let titled = "青山镇人民政府关于2023年度法治政府建设情况的报告\n2023年，青山镇坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效";
        let call = classify(None, None, titled);
        assert_eq!(call.genre, Genre::RolAnnual, "{call:?}");
        assert_eq!(call.warning(), None);
        // No title line: the opening sentence names the topic.
        assert_eq!(
            body_genre(
                "2022年，水利部深入推进法治政府建设，各项工作取得新进展。\n一、加强党的领导"
            ),
            Genre::RolAnnual
        );
        // Titled 工作总结 or 情况 (no 报告), it is still the annual report.
        assert_eq!(
            body_genre("河西街道法治政府建设工作总结\n2021年以来，我街道认真落实……现将一年来的工作总结如下："),
            Genre::RolAnnual
        );
        assert_eq!(
            genre_of(
                Some("某省人民政府2022年度法治政府建设工作情况"),
                "某省人民政府2022年度法治政府建设工作情况\n2022年，省政府……"
            ),
            Genre::RolAnnual
        );
        // 法治政府工作报告 is not a government work report.
        assert_eq!(
            body_genre("东城区2022年依法行政暨法治政府工作报告\n2022年，东城区……"),
            Genre::RolAnnual
        );
        // A next-year plan section and the 纲要's span of years do not make it a plan or a review.
        assert_eq!(
            body_genre("2023年，市交通局认真落实《法治政府建设实施纲要（2021—2025年）》，法治政府建设取得新成效。\n一、主要举措\n二、2024年工作计划"),
            Genre::RolAnnual
        );
    }

    #[test]
    fn traditional_pages() {
        assert_eq!(
            body_genre("2021年，自治區法治政府建設工作穩步推進。\n一、統籌規劃"),
            Genre::RolAnnual
        );
        let call = classify(
            None,
            None,
            "南山市人民政府文件\n南政函〔2021〕8號\n關于2020年度全市法治政府\n建設考核結果的通報\n各區人民政府：\n經考核評定，現將考核結果通報如下：",
        );
        assert_eq!(call.genre, Genre::AssessmentNotice, "{call:?}");
    }

    #[test]
    fn multi_year_reviews() {
        assert_eq!(
            body_genre(
                "某区五年来法治政府建设情况报告\n五年来，某区全面推进依法行政。现报告如下："
            ),
            Genre::RolMultiYear
        );
        assert_eq!(
            body_genre("某县2016-2020年法治政府建设工作总结\n2016年以来，某县……"),
            Genre::RolMultiYear
        );
        assert_eq!(
            body_genre("某市“十三五”时期法治政府建设情况报告\n“十三五”时期，我市……"),
            Genre::RolMultiYear
        );
    }

    #[test]
    fn interpretations() {
        let call = classify(
            None,
            None,
            "【政策解读】《某县人民政府关于2022年度法治政府建设情况的报告》解读\n一、起草背景\n按照要求，现解读如下：",
        );
        assert_eq!(call.genre, Genre::Interpretation);
        assert!(
            call.warning().unwrap().contains("title has 解读"),
            "{call:?}"
        );
        assert_eq!(
            body_genre("一图读懂｜某区2023年法治政府建设年度报告\n图片"),
            Genre::Interpretation
        );
    }

    #[test]
    fn half_year_reports() {
        assert_eq!(
            body_genre("2022年上半年法治政府建设工作情况报告\n今年上半年，某镇……"),
            Genre::HalfYearReport
        );
    }

    #[test]
    fn information_disclosure_reports() {
        assert_eq!(
            body_genre("某局2023年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》，编制本报告。"),
            Genre::InfoDisclosureAnnual
        );
        // Without a title: the preamble and the standard parts.
        assert_eq!(
            body_genre("根据《中华人民共和国政府信息公开条例》要求，编制本报告。\n一、总体情况\n2023年，我乡扎实推进政务公开。\n（一）主动公开政府信息情况。全年公开信息80条。"),
            Genre::InfoDisclosureAnnual
        );
    }

    #[test]
    fn government_work_reports() {
        assert_eq!(
            body_genre("政府工作报告\n在某市第十届人民代表大会第二次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n一、过去五年工作回顾"),
            Genre::GovernmentWorkReport
        );
    }

    #[test]
    fn self_inspections_and_duty_reports() {
        assert_eq!(
            body_genre("法治政府建设年度工作自查报告\n依据考评指标和评分标准，我镇进行了自查，现报告如下："),
            Genre::SelfInspection
        );
        assert_eq!(
            body_genre("2022年度部门整体支出绩效自评报告\n按照要求，我局开展了绩效自评。"),
            Genre::SelfInspection
        );
        assert_eq!(
            body_genre("某镇党委书记2022年度述法报告\n一年来，我始终坚持学法用法，现将履行法治建设第一责任人职责情况报告如下："),
            Genre::DutyReport
        );
        // A first-person report without a kind word in the title.
        assert_eq!(
            body_genre("今年以来，我认真履行推进法治建设第一责任人职责，述法如下："),
            Genre::DutyReport
        );
    }

    #[test]
    fn plans() {
        assert_eq!(
            body_genre("某县2024年法治政府建设工作要点\n为深入推进依法行政，制定本要点。"),
            Genre::WorkPlan
        );
        assert_eq!(
            body_genre("某市法治政府建设规划（2021—2025年）\n为全面推进法治政府建设……"),
            Genre::WorkPlan
        );
        assert_eq!(
            body_genre("关于印发《某区法治政府建设示范创建实施方案》的通知\n各街道："),
            Genre::WorkPlan
        );
        assert_eq!(
            body_genre("为加快建设法治政府，结合实际，制定本方案。\n一、总体要求\n二、主要任务"),
            Genre::WorkPlan
        );
    }

    #[test]
    fn work_summaries() {
        assert_eq!(
            body_genre("某区司法局2023年工作总结和2024年工作计划\n2023年，区司法局……"),
            Genre::WorkSummary
        );
        assert_eq!(
            body_genre("2023年，区司法行政系统各项工作稳步推进，法治政府建设成效明显。\n一、2023年工作总结\n（一）加强党的建设"),
            Genre::WorkSummary
        );
    }

    #[test]
    fn news() {
        let call = classify(
            None,
            None,
            "本报讯（记者 李明 通讯员 王芳）近日，某区召开法治政府建设推进会。",
        );
        assert_eq!(call.genre, Genre::News, "{call:?}");
        assert_eq!(
            body_genre("3月5日，某县司法局召开全县司法行政工作会议。局长主持会议并讲话。\n会议指出，2023年全县法治建设成效明显。\n会议强调，要……"),
            Genre::News
        );
    }

    #[test]
    fn publications() {
        assert_eq!(
            body_genre("某省人民政府关于2021年度法治政府建设情况的报告\nEnglish title (machine-translated)\nReport on building a rule-of-law government\nPublished\n2022-03-29\nSummary\n(1) In 2021, the province..."),
            Genre::Publication
        );
        assert_eq!(
            body_genre("中国法治政府发展报告（2022）蓝皮书\n摘要：本书……\n关键词：法治政府"),
            Genre::Publication
        );
    }

    #[test]
    fn other_documents() {
        // A guideline on how to write the report.
        let call = classify(
            None,
            None,
            "为规范法治政府建设年度报告工作，制定本工作指引。\n一、报告名称。法治政府建设年度报告\n二、报告主体。各级政府及其部门。",
        );
        assert_eq!(call.genre, Genre::Other, "{call:?}");
        // A report on another subject.
        let call = classify(
            None,
            None,
            "某市关于2022年度环境状况和环境保护目标完成情况的报告\n受市政府委托，现报告如下。",
        );
        assert_eq!(call.genre, Genre::Other);
        assert!(call.warning().unwrap().contains("rule-of-law topic"));
        assert_eq!(body_genre(""), Genre::Other);
    }

    #[test]
    fn title_zone_reads_past_chrome() {
        // Breadcrumbs and page-metadata lines are not the title.
        assert_eq!(
            body_genre("首页 > 政务公开 > 政策解读\n发布时间：2024-01-05 10:00\n某县2023年度法治政府建设情况报告\n2023年，某县……"),
            Genre::RolAnnual
        );
        let (lead, _) =
            lead_lines("来源：司法局\n关于2019年度全市法治政府\n建设考核结果的通报\n各区：\n正文");
        assert_eq!(lead, "关于2019年度全市法治政府建设考核结果的通报");
        // A title glued to the first sentence, and a first sentence without one.
        let (lead, _) = lead_lines("某镇法治政府建设自查报告依据考评指标，我镇……");
        assert_eq!(lead, "某镇法治政府建设自查报告");
        let (lead, _) = lead_lines("2020年是十三五规划收官之年，我局……");
        assert_eq!(lead, "");
    }

    #[test]
    fn helpers() {
        assert_eq!(
            year_span("某县2016-2020年法治政府建设"),
            Some("2016-2020".into())
        );
        assert_eq!(year_span("某县2016年至2020年"), Some("2016年至2020".into()));
        assert_eq!(year_span("2023年12月"), None);
        assert_eq!(first_person("我局认真落实，我们坚持"), None);
        assert_eq!(first_person("一年来，我认真学法"), Some("我认".into()));
        assert_eq!(first_person("根据本人民政府"), None);
        assert_eq!(first_person("勇于自我革命"), None);
        assert!(is_nav_line("首页 | 政务公开 | 政策解读 | 互动交流"));
        assert!(!is_nav_line("乡镇 法治政府建设 工作总结"));
        assert_eq!(
            title_start(
                Some("某县2023年报告"),
                "首页\n政策解读\n某县2023年报告\n正文"
            ),
            20
        );
        assert_eq!(dateline("2月29日，某局召开会议"), Some("2月29日".into()));
        assert_eq!(dateline("2023年2月29日，某局"), None);
        assert_eq!(dateline("近日，某局召开会议"), Some("近日".into()));
        assert_eq!(
            opening_headings("前言。\n一、主要举措和成效\n（二）加强领导。一是……\n1.不是"),
            vec!["主要举措和成效".to_string(), "加强领导".to_string()]
        );
    }
}
