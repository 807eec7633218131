//! The year a report covers, and where it was read: the title's year, else the year the body
//! says it reports on (its preamble, a level-1 heading, its opening line, the work plan it
//! implements, the year whose work it reviews, a head-note date), else the publish year minus
//! one for a report published January–April.

use chrono::Datelike;
use regex::Regex;

use super::{first_year, is_blank, parse_year, preamble_cue_within};
use crate::lexicon::dates::YEAR_DIGITS;
use crate::lexicon::orgs::{
    HEAD_NOTE_LINES, HEAD_NOTE_MAX_CHARS, OPENING_YEAR_LINES, PLAN_WORDS, PREAMBLE_YEAR_CUES,
    PUBLISH_PREVIOUS_YEAR_LAST_MONTH, WORK_PLAN_ENDINGS, WORK_PLAN_OPENING_CHARS,
    YEAR_REVIEW_VERBS,
};
use crate::lexicon::PerThread;
use crate::model::Section;
use crate::text::head_chars;

/// The year the preamble says the report is about (`现将…2024年法治政府建设年度报告如下`).
static PREAMBLE_YEAR_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"(?:{})[^。\n]{{0,60}}?({YEAR_DIGITS})[\x20]*年度?[^。\n]{{0,40}}?(?:报告|情况|总结)",
        PREAMBLE_YEAR_CUES.join("|")
    ))
    .expect("preamble year regex compiles")
});

/// The year of a work plan cited in the opening (`根据《2025年全县法治政府建设工作要点》`).
static WORK_PLAN_YEAR_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"《[^《》\n]{{0,10}}?({YEAR_DIGITS})[\x20]*年度?[^《》\n]{{0,40}}?(?:{})》",
        WORK_PLAN_ENDINGS.join("|")
    ))
    .expect("work plan regex compiles")
});

/// A year whose work the opening reviews (`回顾总结2023年工作`, `总结了2022年度全年工作`).
static REVIEWED_YEAR_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"(?:{})了?[\x20]*({YEAR_DIGITS})[\x20]*年度?(?:的|全年)*工作",
        YEAR_REVIEW_VERBS.join("|")
    ))
    .expect("reviewed year regex compiles")
});

/// A head note that is a full date, bracketed or not (`(2021年10月25日)`,
/// `南宁市市长某某(2021年10月25日)`): group 1 the year, group 2 the month.
static HEAD_NOTE_DATE_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"[(（]\s*({YEAR_DIGITS})\s*年\s*([0-9０-９]{{1,2}})\s*月\s*[0-9０-９]{{1,2}}\s*日\s*[)）]\s*$"
    ))
    .expect("head note date regex compiles")
});

/// A level-1 heading marker at the start of a line (`一、`).
static LEVEL1_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^[一二三四五六七八九十]{1,3}、").expect("level-1 regex compiles")
});

/// Which stage gave the report year.
const SOURCE_TITLE: &str = "title";
const SOURCE_BODY: &str = "body";
const SOURCE_PUBLISH: &str = "publish_date";

/// Report year and its source: title year, else the year the body reports on, else the
/// publish year minus one for reports published January–April.
pub(super) fn find_report_year(
    title: Option<&str>,
    lines: &[&str],
    title_line: Option<usize>,
    body: &str,
    sections: &[Section],
    publish: Option<chrono::NaiveDate>,
) -> Option<(i32, &'static str)> {
    if let Some((year, _)) = title.and_then(first_year) {
        return Some((year, SOURCE_TITLE));
    }
    let not_plan = |h: &str| !PLAN_WORDS.iter().any(|w| h.contains(w));
    let preamble = (preamble_cue_within(body, 2000) || head_chars(body, 2000).contains("现"))
        .then(|| PREAMBLE_YEAR_RE.captures(head_chars(body, 2000)))
        .flatten()
        .and_then(|c| parse_year(c.get(1)?.as_str()));
    let heading = if sections.iter().any(|s| s.level == 1) {
        sections
            .iter()
            .filter(|s| s.level == 1)
            .find_map(|s| first_year(&s.heading).map(|(y, _)| (y, s)))
            .filter(|(_, s)| {
                not_plan(&s.heading)
                    && s.section_type != Some(crate::model::SectionType::NextYearPlan)
            })
            .map(|(y, _)| y)
    } else {
        lines
            .iter()
            .filter(|l| LEVEL1_RE.is_match(l))
            .find_map(|l| first_year(l).map(|(y, _)| (y, *l)))
            .filter(|(_, l)| not_plan(l))
            .map(|(y, _)| y)
    };
    // `2024年,小营街道深入学习…`: the opening paragraph starts with the year it reports on,
    // on the title's own line when the title runs into it.
    let run_in = title_line.zip(title).and_then(|(i, t)| {
        let line = lines[i];
        let rest = line[line.find(t)? + t.len()..].trim_start_matches(is_blank);
        (!rest.is_empty()).then_some(rest)
    });
    let opening = run_in
        .iter()
        .chain(lines.iter().skip(title_line.map_or(0, |i| i + 1)))
        // An addressee line (`市委、市政府:`) is not the opening.
        .filter(|l| !(l.ends_with([':', '：']) && l.chars().count() <= 30))
        .take(OPENING_YEAR_LINES)
        .find_map(|l| {
            let junk = l.len()
                - l.trim_start_matches(|c: char| {
                    !crate::text::is_han(c) && !crate::normalize::is_digit(c)
                })
                .len();
            first_year(&l[junk..])
                .filter(|(_, at)| *at == 0)
                .map(|(y, _)| y)
        });
    // Last of the body's cues: the year of the work plan the opening implements.
    let work_plan = || {
        WORK_PLAN_YEAR_RE
            .captures(head_chars(body, WORK_PLAN_OPENING_CHARS))
            .and_then(|c| parse_year(c.get(1)?.as_str()))
    };
    // Then the year whose work the opening reviews (a meeting's news, a summary).
    let reviewed = || {
        // Pinyin glosses of a mirror (`总结(jié)`) would split the verb from its year.
        let opening =
            crate::clean::reading::strip_glosses(head_chars(body, WORK_PLAN_OPENING_CHARS));
        REVIEWED_YEAR_RE
            .captures(&opening)
            .and_then(|c| parse_year(c.get(1)?.as_str()))
    };
    if let Some(year) = preamble
        .or(heading)
        .or(opening)
        .or_else(work_plan)
        .or_else(reviewed)
    {
        return Some((year, SOURCE_BODY));
    }
    // A report or speech dated in its head note, like one dated by its page.
    let head_note = || {
        let first = title_line? + 1;
        lines
            .iter()
            .skip(first)
            .take(HEAD_NOTE_LINES)
            .take_while(|l| l.chars().count() <= HEAD_NOTE_MAX_CHARS)
            .find_map(|l| {
                let c = HEAD_NOTE_DATE_RE.captures(l)?;
                let (year, month) = (parse_year(c.get(1)?.as_str())?, c.get(2)?.as_str());
                let month = crate::normalize::parse_digits(month)?;
                Some(if month <= PUBLISH_PREVIOUS_YEAR_LAST_MONTH {
                    year - 1
                } else {
                    year
                })
            })
    };
    if let Some(year) = head_note() {
        return Some((year, SOURCE_BODY));
    }
    let publish = publish?;
    (publish.month() <= PUBLISH_PREVIOUS_YEAR_LAST_MONTH)
        .then_some((publish.year() - 1, SOURCE_PUBLISH))
}
