//! What kind of document a page is: documents.genre, and doc_kind from it.
//!
//! A crawler that collects rule-of-law annual reports (法治政府建设年度报告) also picks up the
//! documents around them: interpretations of the report, half-year reports, information-
//! disclosure reports, government work reports, assessment notices, self-inspections, 述法
//! reports, plans, general work summaries, news and database records. The classifier reads
//! only the title and the opening (about 600 characters), in three zones — the title (with
//! the first lines of a page that has no title line), the opening sentences and the headings
//! near the top — and adds up the weights of the cues of `lexicon/genres.rs` it finds there.
//! A kind word in the title (解读, 自查, 上半年 …) decides; without one, a genre other than
//! `rol_annual` must reach `GENRE_MIN_SCORE` and beat the evidence for a rule-of-law report.
//! Otherwise a document whose title or opening names the rule-of-law topic (法治政府建设,
//! 依法行政 …) is a `rol_annual` report, and any other document is `other`.
//!
//! The text is read through a small simplified folding of its own (traditional characters of
//! the cue words, no spaces, no quotation marks, no pinyin glosses such as `區(qū)`), so the
//! rules hold on machine-converted mirrors as on the original pages. Every cue, topic word and
//! report word is found in one pass of one automaton per zone, over one byte per character.
//! The classifier runs on every document; it reads at most OPENING_BYTES of it.

use std::sync::LazyLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};
use memchr::memmem;

use crate::lexicon::genres::{
    GenreCue, Zone, BREADCRUMB_CHARS, BREADCRUMB_WORDS, BROAD_TOPIC_WORDS, CHROME_SIGNS,
    DATELINE_WEIGHT, DATELINE_WORDS, FIRST_PERSON_NOT_BEFORE, FIRST_PERSON_WEIGHT,
    FIRST_PERSON_WORDS, GENRE_CUES, GENRE_MIN_SCORE, GENRE_PRIORITY, GLUED_TITLE_ENDINGS,
    HEADING_MAX_CHARS, HEAD_CHARS, IGNORED_CHARS, KIND_TITLE_WEIGHT, LEAD_LINE_MAX_CHARS,
    LEAD_MAX_CHARS, LEAD_MAX_LINES, METADATA_LABELS, METADATA_LABEL_MAX_CHARS, NAV_ITEM_MAX_CHARS,
    NAV_MIN_ITEMS, NOT_PLAN_TITLE_WORDS, OPENING_CHARS, PLAN_TITLE_ENDINGS, PLAN_TITLE_WEIGHT,
    ROL_OPENING_WEIGHT, ROL_PREAMBLE_ENDINGS, ROL_PREAMBLE_SPAN, ROL_PREAMBLE_WEIGHT,
    ROL_TITLE_WEIGHT, SENTENCE_PUNCTUATION, SENTENCE_STARTS, TITLE_LINE_MIN_CHARS,
    TITLE_NEEDLE_CHARS, TITLE_SEARCH_BYTES, TRADITIONAL_FOLD, TRANSMIT_WORD, WO_BODY_NEXT,
    WO_WORD_BEFORE, YEAR_SPAN_WEIGHT,
};
use crate::lexicon::orgs::{ROL_CUES, TITLE_REPORT_CUES};
use crate::model::Genre;

mod encode;
mod reading;
use encode::*;
use reading::*;

/// How far into the body (bytes) the line-by-line readers look: the opening's characters
/// are at most 4 bytes each.
const OPENING_BYTES: usize = OPENING_CHARS * 4;

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

/// Why a genre scored: rendered into the warning only for the genre that wins.
#[derive(Debug, Clone, Copy)]
enum Evidence {
    Cue(usize),
    PlanEnding(&'static str),
    PublishesPlan(&'static str),
    YearSpan,
    FirstPerson,
    Dateline,
    RolTitle,
    RolOpening,
    RolPreamble(&'static str, &'static str),
}

/// Scores per genre (indexed like `Genre::ALL`) and the evidence for each.
struct Scores {
    score: [u8; Genre::ALL.len()],
    /// The title carries a kind word of the genre.
    titled: [bool; Genre::ALL.len()],
    evidence: Vec<(usize, Evidence)>,
}

impl Scores {
    fn add(&mut self, genre: Genre, weight: u8, evidence: Evidence) {
        let g = genre_index(genre);
        self.score[g] = self.score[g].saturating_add(weight);
        self.evidence.push((g, evidence));
    }

    fn add_title(&mut self, genre: Genre, weight: u8, evidence: Evidence) {
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

/// What one pass of the automaton over a zone's text found beside the cues.
#[derive(Default)]
struct Found {
    /// A rule-of-law topic word (ROL_CUES).
    topic: bool,
    /// A word of any rule-of-law subject (ROL_CUES or BROAD_TOPIC_WORDS).
    broad_topic: bool,
    report_word: bool,
    /// End (byte) of each topic word and the word.
    topic_ends: Vec<(usize, &'static str)>,
    /// Start (byte) of each word that introduces a report (报告如下 …) and the word.
    preamble_starts: Vec<(usize, &'static str)>,
}

/// Marks the cues of `zones` found in `text` (once each); returns the topic and report words.
fn scan(codes: &[u8], zones: &[Zone], head_len: usize, hit: &mut [bool]) -> Found {
    let index = &*CUE_INDEX;
    let dfa = &index.automaton;
    let mut found = Found::default();
    let mut off_topic: Vec<usize> = Vec::new();
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return found;
    };
    // Every match, overlapping ones too, in one pass.
    for (at, &byte) in codes.iter().enumerate() {
        sid = dfa.next_state(Anchored::No, sid, byte);
        if !dfa.is_special(sid) || !dfa.is_match(sid) {
            continue;
        }
        let end = at + 1;
        for k in 0..dfa.match_len(sid) {
            let p = dfa.match_pattern(sid, k);
            let start = end - dfa.pattern_len(p);
            let p = p.as_usize();
            let flags = index.flags[p];
            if flags != 0 {
                found.topic |= flags & TOPIC != 0;
                found.broad_topic |= flags & BROAD_TOPIC != 0;
                found.report_word |= flags & REPORT_WORD != 0;
                if flags & TOPIC != 0 {
                    found.topic_ends.push((end, index.texts[p]));
                }
                if flags & PREAMBLE_END != 0 {
                    found.preamble_starts.push((start, index.texts[p]));
                }
            }
            for &i in &index.cues_of[p] {
                let cue: &GenreCue = &GENRE_CUES[i];
                if hit[i] || !zones.contains(&cue.zone) {
                    continue;
                }
                if cue.zone == Zone::Head && end > head_len {
                    continue;
                }
                if index.not_after[i]
                    .iter()
                    .any(|w| codes[..start].ends_with(w))
                {
                    continue;
                }
                if cue.off_topic {
                    off_topic.push(i);
                } else {
                    hit[i] = true;
                }
            }
        }
    }
    // Cues such as 工作总结 count only where the zone names no rule-of-law subject.
    if !found.broad_topic {
        for i in off_topic {
            hit[i] = true;
        }
    }
    found
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
fn plan_title(parts: &[String]) -> Option<Evidence> {
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
            return Some(Evidence::PlanEnding(w));
        }
        if own.contains(TRANSMIT_WORD) {
            let named = part
                .split(['《', '》'])
                .skip(1)
                .step_by(2)
                .find_map(|n| PLAN_TITLE_ENDINGS.iter().find(|w| n.ends_with(*w)));
            if let Some(w) = named {
                return Some(Evidence::PublishesPlan(w));
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

/// `现将…法治政府建设情况报告如下`: the opening presents the document as the rule-of-law report
/// (a topic word at most ROL_PREAMBLE_SPAN characters before the words that introduce it).
fn rol_preamble(found: &Found) -> Option<Evidence> {
    found.preamble_starts.iter().find_map(|&(start, end_word)| {
        found.topic_ends.iter().find_map(|&(end, topic)| {
            (end <= start && start - end <= ROL_PREAMBLE_SPAN)
                .then_some(Evidence::RolPreamble(topic, end_word))
        })
    })
}

static WO_FINDER: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("我"));

/// `…,我认真…` (not 我局, 我镇, 我们) or 本人: a person speaks.
fn first_person(opening: &str) -> Option<String> {
    for at in WO_FINDER.find_iter(opening.as_bytes()) {
        let prev = opening[..at].chars().next_back().map(fold_char);
        let next = opening[at + '我'.len_utf8()..]
            .chars()
            .find(|c| !is_blank(*c))
            .map(fold_char);
        if let Some(next) = next {
            if !prev.is_some_and(|p| WO_WORD_BEFORE.contains(p))
                && !WO_BODY_NEXT.contains(next)
                && next.is_alphanumeric()
            {
                return Some(format!("我{next}"));
            }
        }
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

/// The dateline a line starts with: `2月29日,` `近日,`.
fn dateline_of(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if !first.is_ascii_digit() && !DATELINE_WORDS.iter().any(|w| w.starts_with(first)) {
        return None;
    }
    let end = head_chars(line, 8).find(['，', ','])?;
    let lead = &line[..end];
    if DATELINE_WORDS.contains(&lead) {
        return Some(lead);
    }
    // 2月29日 (no year): a month and a day.
    let mut parts = lead.split(['月', '日']);
    let (m, d, tail) = (parts.next(), parts.next(), parts.next());
    let digits = |s: Option<&str>| {
        s.is_some_and(|s| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
    };
    (digits(m) && digits(d) && tail == Some("") && lead.ends_with('日')).then_some(lead)
}

/// The genre of a document from its title (the metadata stage's, if any), the page's own
/// title (HTML `<title>`) and the body.
pub fn classify(title: Option<&str>, page_title: Option<&str>, body: &str) -> GenreCall {
    // Only the top of the body is read: no line reader runs past it.
    let mut top = body.len().min(OPENING_BYTES);
    while !body.is_char_boundary(top) {
        top -= 1;
    }
    let r = read(title, page_title, &body[..top]);
    let mut hit = vec![false; GENRE_CUES.len()];
    let in_title = scan(&r.title, &[Zone::Title], 0, &mut hit);
    let in_opening = scan(
        &r.opening,
        &[Zone::Head, Zone::Opening],
        r.head_len,
        &mut hit,
    );
    for h in &r.headings {
        scan(h, &[Zone::Heading], 0, &mut hit);
    }
    let mut s = Scores {
        score: [0; Genre::ALL.len()],
        titled: [false; Genre::ALL.len()],
        evidence: Vec::new(),
    };
    for (i, cue) in GENRE_CUES.iter().enumerate().filter(|(i, _)| hit[*i]) {
        if cue.zone == Zone::Title {
            s.add_title(cue.genre, cue.weight, Evidence::Cue(i));
        } else {
            s.add(cue.genre, cue.weight, Evidence::Cue(i));
        }
    }
    let mut notes: Vec<String> = Vec::new();
    if let Some(e) = plan_title(&r.title_parts) {
        s.add_title(Genre::WorkPlan, PLAN_TITLE_WEIGHT, e);
    }
    if let Some(span) = r.own_title.iter().find_map(|t| year_span(t)) {
        notes.push(format!("title spans the years {span}"));
        s.add_title(Genre::RolMultiYear, YEAR_SPAN_WEIGHT, Evidence::YearSpan);
    }
    // A person speaking only adds to other evidence of a 述法 report (alone it is below the
    // least score): not looked for otherwise.
    let duty = s.score[genre_index(Genre::DutyReport)] > 0;
    if let Some(w) = duty.then(|| first_person(r.opening_text)).flatten() {
        notes.push(format!("opening speaks in the first person ({w})"));
        s.add(
            Genre::DutyReport,
            FIRST_PERSON_WEIGHT,
            Evidence::FirstPerson,
        );
    }
    if let Some(d) = r.dateline {
        notes.push(format!("a line starts with a dateline ({d})"));
        s.add(Genre::News, DATELINE_WEIGHT, Evidence::Dateline);
    }
    if in_title.topic && in_title.report_word {
        s.add(Genre::RolAnnual, ROL_TITLE_WEIGHT, Evidence::RolTitle);
    } else if in_opening.topic {
        s.add(Genre::RolAnnual, ROL_OPENING_WEIGHT, Evidence::RolOpening);
    }
    if let Some(e) = rol_preamble(&in_opening) {
        s.add(Genre::RolAnnual, ROL_PREAMBLE_WEIGHT, e);
    }

    let rol = s.score[genre_index(Genre::RolAnnual)];
    // A kind word in the title decides; else the best genre must beat the rule-of-law evidence.
    let titled = s.best(|i| s.titled[i]);
    let best = titled
        .or_else(|| s.best(|_| true).filter(|&(_, score)| score > rol))
        .filter(|&(_, score)| score >= GENRE_MIN_SCORE)
        .map(|(g, _)| g);
    let genre = match best {
        Some(g) => g,
        None if in_title.topic || in_opening.topic => Genre::RolAnnual,
        None => {
            return GenreCall {
                genre: Genre::Other,
                evidence: vec![format!(
                    "neither the title nor the opening names the rule-of-law topic ({})",
                    ROL_CUES.join("/")
                )],
            }
        }
    };
    if genre == Genre::RolAnnual {
        // No warning for a rule-of-law report: its evidence is not spelt out.
        return GenreCall {
            genre,
            evidence: Vec::new(),
        };
    }
    let g = genre_index(genre);
    let mut notes = notes.into_iter();
    let evidence = s
        .evidence
        .iter()
        .filter_map(|&(eg, e)| {
            // Computed evidence carries its note, in the order it was added.
            let note = matches!(
                e,
                Evidence::YearSpan | Evidence::FirstPerson | Evidence::Dateline
            )
            .then(|| notes.next())
            .flatten();
            (eg == g).then(|| describe(e, note))
        })
        .collect();
    GenreCall { genre, evidence }
}

/// A sentence of evidence for the warning.
fn describe(e: Evidence, note: Option<String>) -> String {
    match e {
        Evidence::Cue(i) => {
            let cue = &GENRE_CUES[i];
            let mut s = format!("{} has {}", zone_name(cue.zone), cue.text);
            if cue.off_topic {
                s.push_str(" but not the rule-of-law topic");
            }
            s
        }
        Evidence::PlanEnding(w) => format!("title ends with {w}"),
        Evidence::PublishesPlan(w) => format!("title publishes a {w}"),
        Evidence::YearSpan | Evidence::FirstPerson | Evidence::Dateline => note.unwrap_or_default(),
        Evidence::RolTitle => "title names a rule-of-law government report".to_string(),
        Evidence::RolOpening => "opening names the rule-of-law topic".to_string(),
        Evidence::RolPreamble(topic, end) => format!("opening presents the report ({topic}…{end})"),
    }
}

#[cfg(test)]
mod tests;
