//! Calendar dates mentioned in a report: the publish date from page metadata, then every date
//! in the body with its role (signed, as_of, event).
//!
//! Bare years (`2024年`) are not dates; neither is anything inside 《》 (document titles such as
//! `《法治政府建设实施纲要(2015-2020年)》`). Impossible dates (`2月30日`) are dropped.

use crate::lexicon::PerThread;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use crate::lexicon::dates::{
    AS_OF_AFTER, AS_OF_BEFORE, AS_OF_CUES, AS_OF_MAX_GAP, CLAUSE_ENDS, CN_DIGITS, MAX_YEAR,
    MIN_YEAR, MONTH_SUFFIXES, SENTENCE_ENDS, SIGNATURE_TAIL_LINES, SPAN_JOINERS,
};
use crate::model::{DateMention, DatePrecision, DateRole, PageMeta};
use crate::normalize::parse_digits;

/// One alternation per printed form; leftmost-first, so a full date wins over its month-day tail.
static DATE_RE: PerThread<Regex> = PerThread::new(|| {
    let months = MONTH_SUFFIXES.join("|");
    Regex::new(&format!(
        r"(?x)
        # 2023-12-14 17:16:02 / 2023-12-14 — digits of either width throughout
        (?P<iso>(?P<iy>[0-9０-９]{{4}})-(?P<im>[0-9０-９]{{1,2}})-(?P<id>[0-9０-９]{{1,2}})
            (?:[\x20\u{{3000}}T]+[0-9０-９]{{1,2}}:[0-9０-９]{{2}}(?::[0-9０-９]{{2}})?)?)
        # 2023.11.30 / 2023/11/30
        |(?P<dot>(?P<dy>[0-9０-９]{{4}})(?P<sep>[./])(?P<dm>[0-9０-９]{{1,2}})[./](?P<dd>[0-9０-９]{{1,2}}))
        # 2023年11月30日 / 2023年3月 (month) — also full-width digits
        |(?P<ymd>(?P<cy>[0-9０-９]{{4}})[\x20\u{{3000}}]*年[\x20\u{{3000}}]*(?P<cm>[0-9０-９]{{1,2}})[\x20\u{{3000}}]*月
            (?:[\x20\u{{3000}}]*(?P<cd>[0-9０-９]{{1,2}})[\x20\u{{3000}}]*[日号])?)
        # 二〇二三年十一月三十日 / 二〇二三年十一月
        |(?P<han>(?P<hy>[〇○零Ｏ一二三四五六七八九]{{4}})年(?P<hm>[一二三四五六七八九十]{{1,2}})月
            (?:(?P<hd>[一二三四五六七八九十]{{1,3}})[日号])?)
        # 11月19日 (report year)
        |(?P<md>(?P<mm>[0-9０-９]{{1,2}})[\x20\u{{3000}}]*月[\x20\u{{3000}}]*(?P<mdd>[0-9０-９]{{1,2}})[\x20\u{{3000}}]*[日号])
        # 十一月三十日 (report year)
        |(?P<hmd>(?P<hmm>[一二三四五六七八九十]{{1,2}})月(?P<hmdd>[一二三四五六七八九十]{{1,3}})[日号])
        # 7月份 / 11月底 (month, report year)
        |(?P<mo>(?P<mom>[0-9０-９]{{1,2}})[\x20\u{{3000}}]*月(?:{months}))
        # 截至10月 / 其中5月 (month, report year): tried last, so every longer form wins
        |(?P<bm>(?P<bmm>[0-9０-９]{{1,2}})[\x20\u{{3000}}]*月)
        "
    ))
    .expect("date regex compiles")
});

/// Whether `c` may stand inside a date: every character `DATE_RE` can match (keep the two in
/// step; `searching_runs_finds_what_a_whole_body_search_finds` checks them).
fn in_date_alphabet(c: char) -> bool {
    matches!(
        c,
        '0'..='9'
            | '０'..='９'
            | '\x20'
            | '\u{3000}'
            | 'T'
            | ':'
            | '-'
            | '.'
            | '/'
            | '年'
            | '月'
            | '日'
            | '号'
            | '十'
    ) || cn_digit(c).is_some()
        || MONTH_SUFFIXES.iter().any(|s| s.contains(c))
}

/// Byte offsets of the characters one of which every date contains, in text order: 月 (every
/// Chinese form), `-` (ISO) or `.`/`/` (dotted). They are rare, and memchr finds them fast.
fn date_anchors(body: &str) -> Vec<usize> {
    let bytes = body.as_bytes();
    let mut anchors: Vec<usize> = memchr::memmem::find_iter(bytes, "月".as_bytes())
        .chain(memchr::memchr3_iter(b'-', b'.', b'/', bytes))
        .collect();
    anchors.sort_unstable();
    anchors
}

/// Byte ranges of the body that may hold dates, in text order: the maximal runs of date
/// characters around each anchor. A date never crosses a character outside the alphabet and
/// `DATE_RE` has no anchors or look-around, so searching only these runs finds exactly the
/// matches a search of the whole body finds, without running the capture regex over all of it.
fn date_runs(body: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut searched_to = 0;
    date_anchors(body).into_iter().filter_map(move |at| {
        if at < searched_to {
            return None;
        }
        let start = body[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| in_date_alphabet(c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = body[at..]
            .char_indices()
            .find(|&(_, c)| !in_date_alphabet(c))
            .map_or(body.len(), |(i, _)| at + i);
        searched_to = end;
        Some((start, end))
    })
}

fn cn_digit(c: char) -> Option<u32> {
    CN_DIGITS.iter().find(|(d, _)| *d == c).map(|(_, v)| *v)
}

/// 二〇二三 → 2023 (digit by digit).
fn parse_cn_year(s: &str) -> Option<u32> {
    s.chars()
        .try_fold(0u32, |acc, c| Some(acc * 10 + cn_digit(c)?))
}

/// 十一 → 11, 三十 → 30, 三十一 → 31, 九 → 9 (numbers below 100).
fn parse_cn_small(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] if *d != '十' => cn_digit(*d),
        ['十'] => Some(10),
        ['十', u] => Some(10 + cn_digit(*u)?),
        [t, '十'] => Some(cn_digit(*t)? * 10),
        [t, '十', u] => Some(cn_digit(*t)? * 10 + cn_digit(*u)?),
        _ => None,
    }
}

fn make_date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A parsed match: the date, its precision, and whether the year came from the text.
struct Parsed {
    date: NaiveDate,
    precision: DatePrecision,
}

/// Turn one regex match into a date; `year_ctx` fills dates printed without a year.
fn parse_match(c: &Captures, year_ctx: Option<i32>) -> Option<Parsed> {
    let num = |name: &str| c.name(name).and_then(|m| parse_digits(m.as_str()));
    let cn = |name: &str| c.name(name).and_then(|m| parse_cn_small(m.as_str()));
    let day = |y: u32, m: u32, d: u32| {
        make_date(y as i32, m, d).map(|date| Parsed {
            date,
            precision: DatePrecision::Day,
        })
    };
    let month = |y: i32, m: u32| {
        make_date(y, m, 1).map(|date| Parsed {
            date,
            precision: DatePrecision::Month,
        })
    };
    if c.name("iso").is_some() {
        day(num("iy")?, num("im")?, num("id")?)
    } else if c.name("dot").is_some() {
        day(num("dy")?, num("dm")?, num("dd")?)
    } else if c.name("ymd").is_some() {
        match num("cd") {
            Some(d) => day(num("cy")?, num("cm")?, d),
            None => month(num("cy")? as i32, num("cm")?),
        }
    } else if c.name("han").is_some() {
        let y = c.name("hy").and_then(|m| parse_cn_year(m.as_str()))?;
        match c.name("hd") {
            Some(_) => day(y, cn("hm")?, cn("hd")?),
            None => month(y as i32, cn("hm")?),
        }
    } else if c.name("md").is_some() {
        day(year_ctx? as u32, num("mm")?, num("mdd")?)
    } else if c.name("hmd").is_some() {
        day(year_ctx? as u32, cn("hmm")?, cn("hmdd")?)
    } else if c.name("mo").is_some() {
        month(year_ctx?, num("mom")?)
    } else if c.name("bm").is_some() {
        month(year_ctx?, num("bmm")?)
    } else {
        None
    }
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A match glued to other digits (`201033号`, `1-12月`, `3.15.2`) is part of something else.
fn glued_to_digits(body: &str, start: usize, end: usize) -> bool {
    let after = body[end..].chars().next();
    let starts_han = body[start..].starts_with(|c: char| c == '十' || cn_digit(c).is_some());
    let mut back = body[..start].chars().rev();
    let (before, before2) = (back.next(), back.next());
    let glue_before = before.is_some_and(|c| {
        is_digit_like(c)
            // `1-12月份`, `2015-2020年`: a separator right after digits joins a span…
            || matches!(c, '.' | '-' | '/' | '－' | '~' | '～') && before2.is_some_and(is_digit_like)
            // …and `三十二月一日` is not `十二月一日`.
            || starts_han && (c == '十' || cn_digit(c).is_some())
    });
    let glue_after = after.is_some_and(|c| {
        is_digit_like(c) || c == '.' && body[end + 1..].starts_with(is_digit_like)
    });
    glue_before || glue_after
}

/// Whether a bare month (`10月`) ends a span whose start is a bare number (`1至10月`,
/// `1—10月`): the months of a period, not a date.
fn ends_month_span(body: &str, start: usize) -> bool {
    let mut back = body[..start].chars().rev();
    back.next().is_some_and(|c| SPAN_JOINERS.contains(&c)) && back.next().is_some_and(is_digit_like)
}

/// Byte spans of 《…》 titles (closed on the same line): dates inside are part of a name.
/// Each 》 closes the last 《 since the previous 》, unless a newline lies between them; only
/// the brackets are searched for, the text between them is not decoded.
fn title_spans(body: &str) -> Vec<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut spans = Vec::new();
    let mut previous_close = 0;
    for close in memchr::memmem::find_iter(bytes, "》".as_bytes()) {
        let open = memchr::memmem::rfind(&bytes[previous_close..close], "《".as_bytes());
        if let Some(open) = open.map(|at| previous_close + at) {
            if memchr::memchr(b'\n', &bytes[open..close]).is_none() {
                spans.push((open, close));
            }
        }
        previous_close = close;
    }
    spans
}

/// Byte ranges of the last non-empty lines of the body, where a signature date may stand.
/// Read from the end, so long bodies are not split whole.
fn tail_lines(body: &str, n: usize) -> Vec<(usize, usize)> {
    let mut lines = Vec::with_capacity(n);
    let mut end = body.len();
    for line in body.rsplit('\n') {
        if lines.len() == n {
            break;
        }
        let start = end - line.len();
        if !line.trim().is_empty() {
            lines.push((start, end));
        }
        end = start.saturating_sub(1);
    }
    lines.reverse();
    lines
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

/// Whether the date is the signature date: alone on one of the last lines, or at the end of
/// a short signature line (`广州市海珠区人民政府海幢街道办事处 2023年11月30日`).
fn is_signature(body: &str, start: usize, end: usize, tail: &[(usize, usize)]) -> bool {
    tail.iter().any(|&(ls, le)| {
        if start < ls || end > le {
            return false;
        }
        let before = body[ls..start].trim_matches(is_blank);
        let after = body[end..le].trim_matches(is_blank);
        let after_ok = after.is_empty() || matches!(after, ")" | "）");
        let before_ok = before.is_empty()
            || matches!(before, "(" | "（")
            // (the byte length first: a tail "line" can be the whole body)
            || (before.len() <= 40 * 4
                && before.chars().count() <= 40
                && !before.contains(['。', '，', ',', '；', ';', '：', ':'])
                && crate::lexicon::orgs::ORG_ENDINGS
                    .iter()
                    .any(|e| before.ends_with(e)));
        after_ok && before_ok
    })
}

/// Whether the date is an "as of" date: 截至/截止 earlier in the same clause, close before it,
/// or 到/至 right before and 底/末/为止 right after.
fn is_as_of(body: &str, start: usize, end: usize) -> bool {
    let before = &body[..start];
    // A cue counts only within AS_OF_MAX_GAP characters of the date: the sentence is looked
    // for in the bytes that can hold those (4 bytes a character at most), not back to the
    // start of the body (a body of dates without a full stop made this quadratic).
    let mut window = start.saturating_sub((AS_OF_MAX_GAP + 6) * 4);
    while !before.is_char_boundary(window) {
        window += 1;
    }
    let near = &before[window..];
    let sentence_start = near.rfind(SENTENCE_ENDS).map_or(0, |i| {
        i + near[i..].chars().next().map_or(0, char::len_utf8)
    });
    let sentence = &near[sentence_start..];
    for cue in AS_OF_CUES {
        if let Some(pos) = sentence.rfind(cue) {
            let gap = &sentence[pos + cue.len()..];
            if !gap.contains(CLAUSE_ENDS) && gap.chars().count() <= AS_OF_MAX_GAP {
                return true;
            }
        }
    }
    // `到11月底`: the 底 may be part of the match itself (month form `11月底`).
    let (raw, after) = (&body[start..end], &body[end..]);
    AS_OF_BEFORE.iter().any(|c| before.ends_with(c))
        && AS_OF_AFTER
            .iter()
            .any(|c| after.starts_with(c) || raw.ends_with(c))
}

/// The publish date from page metadata (发布日期, else 成文日期): the first full date in it.
pub fn parse_publish(page: &PageMeta) -> Option<(String, NaiveDate)> {
    [&page.publish_raw, &page.written_raw]
        .into_iter()
        .flatten()
        .find_map(|raw| {
            DATE_RE.captures_iter(raw).find_map(|c| {
                let parsed = parse_match(&c, None)?;
                (parsed.precision == DatePrecision::Day).then(|| {
                    (
                        c.get(0).map_or("", |m| m.as_str()).trim().to_string(),
                        parsed.date,
                    )
                })
            })
        })
}

/// Every calendar date of the document: the publish date from `page` first (no offsets), then
/// the body's dates in text order with character offsets. `report_year` dates the month-days
/// printed without a year (`截至11月28日`); without it the publish year is used, and without
/// either such dates are skipped.
pub fn extract_dates(body: &str, page: &PageMeta, report_year: Option<i32>) -> Vec<DateMention> {
    use chrono::Datelike;
    let mut out = Vec::new();
    let publish = parse_publish(page);
    if let Some((raw, date)) = &publish {
        out.push(DateMention {
            date_id: 0,
            raw: raw.clone(),
            date: *date,
            precision: DatePrecision::Day,
            role: DateRole::Publish,
            char_start: None,
            char_end: None,
        });
    }
    // Every other date of the metadata block (成文日期 beside 发布日期), each date once.
    for raw in &page.dates_raw {
        let Some(parsed) = DATE_RE
            .captures_iter(raw)
            .find_map(|c| Some((c.get(0)?.as_str().trim(), parse_match(&c, None)?)))
        else {
            continue;
        };
        let (raw, parsed) = parsed;
        if parsed.precision != DatePrecision::Day || out.iter().any(|d| d.date == parsed.date) {
            continue;
        }
        out.push(DateMention {
            date_id: 0,
            raw: raw.to_string(),
            date: parsed.date,
            precision: DatePrecision::Day,
            role: DateRole::Publish,
            char_start: None,
            char_end: None,
        });
    }
    let year_ctx = report_year.or(publish.as_ref().map(|(_, d)| d.year()));
    let titles = title_spans(body);
    let tail = tail_lines(body, SIGNATURE_TAIL_LINES);
    // Character offsets are counted incrementally between matches (matches come in order).
    let (mut last_byte, mut last_char) = (0usize, 0usize);
    let body_matches = date_runs(body).flat_map(|(run_start, run_end)| {
        DATE_RE
            .captures_iter(&body[run_start..run_end])
            .map(move |caps| (run_start, caps))
    });
    let mut seen = 0u32;
    for (run_start, caps) in body_matches {
        let Some(m) = caps.get(0) else { continue };
        let (start, end) = (run_start + m.start(), run_start + m.end());
        // Titles come in order and do not overlap: the one that could hold `start` is the
        // last one opening before it.
        let in_title = titles
            .partition_point(|&(s, _)| s < start)
            .checked_sub(1)
            .is_some_and(|k| start < titles[k].1);
        let bare_month_span = caps.name("bm").is_some() && ends_month_span(body, start);
        if glued_to_digits(body, start, end) || in_title || bare_month_span {
            continue;
        }
        seen += 1;
        if seen.is_multiple_of(1024) {
            crate::budget::check();
        }
        let Some(parsed) = parse_match(&caps, year_ctx) else {
            continue;
        };
        let role = if is_signature(body, start, end, &tail) {
            DateRole::Signed
        } else if is_as_of(body, start, end) {
            DateRole::AsOf
        } else {
            DateRole::Event
        };
        let char_start = last_char + body[last_byte..start].chars().count();
        let char_end = char_start + m.as_str().chars().count();
        (last_byte, last_char) = (end, char_end);
        out.push(DateMention {
            date_id: 0,
            raw: m.as_str().to_string(),
            date: parsed.date,
            precision: parsed.precision,
            role,
            char_start: Some(char_start),
            char_end: Some(char_end),
        });
    }
    for (i, d) in out.iter_mut().enumerate() {
        d.date_id = i as i32 + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn body_dates(body: &str, year: Option<i32>) -> Vec<DateMention> {
        extract_dates(body, &PageMeta::default(), year)
    }

    #[test]
    fn publish_datetime_from_page_meta() {
        let page = PageMeta {
            publish_raw: Some("2023-12-14 17:16:02".into()),
            ..Default::default()
        };
        let d = extract_dates("正文", &page, Some(2023));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].raw, "2023-12-14 17:16:02");
        assert_eq!(d[0].date, ymd(2023, 12, 14));
        assert_eq!(d[0].role, DateRole::Publish);
        assert_eq!((d[0].char_start, d[0].date_id), (None, 1));
        // Date-only metadata, and 成文日期 when there is no publish date.
        let page = PageMeta {
            written_raw: Some("2021年01月13日".into()),
            ..Default::default()
        };
        assert_eq!(parse_publish(&page).unwrap().1, ymd(2021, 1, 13));
        let page = PageMeta {
            publish_raw: Some("2021-01-13".into()),
            ..Default::default()
        };
        assert_eq!(
            parse_publish(&page).unwrap(),
            ("2021-01-13".to_string(), ymd(2021, 1, 13))
        );
        // Spaces from a PDF around a month.
        let d = body_dates("截至 10 月底,其中 5 月份开展检查。", Some(2024));
        let got: Vec<NaiveDate> = d.iter().map(|m| m.date).collect();
        assert_eq!(got, [ymd(2024, 10, 1), ymd(2024, 5, 1)]);
        // Digits set full width, in the metadata and in the body.
        let page = PageMeta {
            publish_raw: Some("２０２４-０３-２８ ０９:１８".into()),
            ..Default::default()
        };
        assert_eq!(parse_publish(&page).unwrap().1, ymd(2024, 3, 28));
        let d = body_dates("印发日期:２０２３-１２-０１,２０２３.１１.３０通过。", None);
        let got: Vec<NaiveDate> = d.iter().map(|m| m.date).collect();
        assert_eq!(got, [ymd(2023, 12, 1), ymd(2023, 11, 30)]);
    }

    #[test]
    fn every_printed_form() {
        let body = "于2023年11月30日召开，2023.11.30通过，2023/11/30印发，二〇二三年十一月三十日签发，于2023年3月获“广州市第二批法治镇街”称号，２０２３年１１月３０日。";
        let d = body_dates(body, Some(2023));
        let got: Vec<(&str, NaiveDate, DatePrecision)> = d
            .iter()
            .map(|m| (m.raw.as_str(), m.date, m.precision))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2023年11月30日", ymd(2023, 11, 30), DatePrecision::Day),
                ("2023.11.30", ymd(2023, 11, 30), DatePrecision::Day),
                ("2023/11/30", ymd(2023, 11, 30), DatePrecision::Day),
                (
                    "二〇二三年十一月三十日",
                    ymd(2023, 11, 30),
                    DatePrecision::Day
                ),
                ("2023年3月", ymd(2023, 3, 1), DatePrecision::Month),
                (
                    "２０２３年１１月３０日",
                    ymd(2023, 11, 30),
                    DatePrecision::Day
                ),
            ]
        );
        assert!(d.iter().all(|m| m.role == DateRole::Event));
        // Offsets are characters, not bytes.
        assert_eq!(d[0].char_start, Some(1));
        let chars: Vec<char> = body.chars().collect();
        let span: String = chars[d[4].char_start.unwrap()..d[4].char_end.unwrap()]
            .iter()
            .collect();
        assert_eq!(span, "2023年3月");
    }

    #[test]
    fn month_day_takes_report_year_and_as_of_role() {
        // Seed 002: 截至11月28日 (as_of) and 11月19日 (event), report year 2023.
        let body = "11月19日,对全街14个法律援助点的工作人员开展培训。赢得群众理解和支持。截至11月28日,累计拆除违法建设。截至11月30日,街道综合行政执法部门立案118宗。";
        let d = body_dates(body, Some(2023));
        let got: Vec<(NaiveDate, DateRole)> = d.iter().map(|m| (m.date, m.role)).collect();
        assert_eq!(
            got,
            vec![
                (ymd(2023, 11, 19), DateRole::Event),
                (ymd(2023, 11, 28), DateRole::AsOf),
                (ymd(2023, 11, 30), DateRole::AsOf),
            ]
        );
        // Seed 000: 截止12月3日 and 7月份 (month event), report year 2024.
        let body = "清单编制实现全覆盖。截止12月3日,共审查合同247份。7月份,召开半年度法治政府建设工作汇报会";
        let d = body_dates(body, Some(2024));
        assert_eq!(
            (d[0].raw.as_str(), d[0].date, d[0].role),
            ("12月3日", ymd(2024, 12, 3), DateRole::AsOf)
        );
        assert_eq!(
            (d[1].raw.as_str(), d[1].date, d[1].precision),
            ("7月份", ymd(2024, 7, 1), DatePrecision::Month)
        );
        assert_eq!(d[1].role, DateRole::Event);
        // Without any year, a month-day cannot be dated.
        assert!(body_dates("11月19日开展培训", None).is_empty());
    }

    #[test]
    fn bare_month_takes_report_year() {
        // A month alone, as of (截至) or as an event, dated by the report year.
        let body = "受理企业诉求截至9月共120条，全部办结。其中6月全市排名第3。";
        let d = body_dates(body, Some(2022));
        let got: Vec<(&str, NaiveDate, DatePrecision, DateRole)> = d
            .iter()
            .map(|m| (m.raw.as_str(), m.date, m.precision, m.role))
            .collect();
        assert_eq!(
            got,
            vec![
                ("9月", ymd(2022, 9, 1), DatePrecision::Month, DateRole::AsOf),
                (
                    "6月",
                    ymd(2022, 6, 1),
                    DatePrecision::Month,
                    DateRole::Event
                ),
            ]
        );
        // Durations, spans and impossible months are not dates; a longer form wins.
        let body = "整改期限3个月，1至10月、1—6月共办理，13月，全年12个月";
        assert!(
            body_dates(body, Some(2022)).is_empty(),
            "{:?}",
            body_dates(body, Some(2022))
        );
        let d = body_dates("11月19日召开会议", Some(2022));
        assert_eq!((d.len(), d[0].precision), (1, DatePrecision::Day));
        assert!(body_dates("截至9月共受理", None).is_empty());
    }

    #[test]
    fn as_of_needs_the_same_clause() {
        let d = body_dates("截至目前，共开展活动，11月19日召开会议", Some(2023));
        assert_eq!(d[0].role, DateRole::Event);
        let d = body_dates("到2023年11月底，完成整改", Some(2023));
        assert_eq!(d[0].role, DateRole::AsOf);
        let d = body_dates("截至2023年11月30日，立案118宗", None);
        assert_eq!(d[0].role, DateRole::AsOf);
        let d = body_dates("到11月底，完成整改", Some(2023));
        assert_eq!((d[0].raw.as_str(), d[0].role), ("11月底", DateRole::AsOf));
        assert_eq!(d[0].precision, DatePrecision::Month);
    }

    #[test]
    fn signature_date_on_last_lines() {
        let body = "（五）完善化解社会矛盾机制。做好新形势下信访工作。\n广州市海珠区人民政府海幢街道办事处\n2023年11月30日";
        let d = body_dates(body, Some(2023));
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].date, d[0].role),
            (ymd(2023, 11, 30), DateRole::Signed)
        );
        let body = "正文。\n温岭市滨海镇人民政府 二〇二三年一月十日";
        assert_eq!(body_dates(body, None)[0].role, DateRole::Signed);
        // The same date inside a last sentence is not a signature.
        let body = "正文。\n于2023年11月30日召开会议。";
        assert_eq!(body_dates(body, None)[0].role, DateRole::Event);
    }

    #[test]
    fn ranges_keep_both_ends() {
        let d = body_dates("11月28日-12月3日开展专项整治，2023年3月至5月份", Some(2023));
        let raws: Vec<&str> = d.iter().map(|m| m.raw.as_str()).collect();
        assert_eq!(raws, vec!["11月28日", "12月3日", "2023年3月", "5月份"]);
    }

    #[test]
    fn not_dates() {
        let body = "2024年,小营街道深入学习。依据《国务院关于加强法治政府建设的意见》(国发〔201033号)、国务院《法治政府建设实施纲要(20152020年)》、《法治浙江建设规划(2021-2025)》、《某某办法(2023年3月修订)》、“3.15”消费者权益保护日、“12.4”宪法日、3个月、1-12月份，每月。";
        assert!(
            body_dates(body, Some(2024)).is_empty(),
            "{:?}",
            body_dates(body, Some(2024))
        );
    }

    #[test]
    fn impossible_dates_are_dropped() {
        let body = "2023年2月30日、2023年13月1日、2月30日、三十二月一日、0000-00-00、99999年1月1日、2023.02.29";
        assert!(
            body_dates(body, Some(2023)).is_empty(),
            "{:?}",
            body_dates(body, Some(2023))
        );
        assert_eq!(body_dates("2024年2月29日", None)[0].date, ymd(2024, 2, 29));
    }

    #[test]
    fn searching_runs_finds_what_a_whole_body_search_finds() {
        let whole = |body: &str| -> Vec<(usize, usize)> {
            DATE_RE
                .find_iter(body)
                .map(|m| (m.start(), m.end()))
                .collect()
        };
        let in_runs = |body: &str| -> Vec<(usize, usize)> {
            date_runs(body)
                .flat_map(|(s, e)| {
                    DATE_RE
                        .find_iter(&body[s..e])
                        .map(move |m| (s + m.start(), s + m.end()))
                })
                .collect()
        };
        let mut bodies: Vec<String> = [
            "于2023年11月30日召开，2023.11.30通过，2023/11/30印发，二〇二三年十一月三十日签发",
            "２０２３年　１１月３０ 日，11月28日-12月3日，2023年3月至5月份，7月上旬，十一月三十日",
            "2023-12-14 17:16:02 发布；2023-12-14T08:00 更新；1-12月份；3.15.2；12.4宪法日",
            "三十二月一日、2023年2月30日、99999年1月1日、年月日、月",
        ]
        .map(String::from)
        .to_vec();
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bodies");
        for entry in std::fs::read_dir(seeds).into_iter().flatten().flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                bodies.push(std::fs::read_to_string(entry.path()).unwrap());
            }
        }
        assert!(bodies.len() > 4, "seed bodies not found");
        for body in &bodies {
            assert_eq!(in_runs(body), whole(body), "{body}");
        }
    }

    #[test]
    fn title_spans_pair_brackets_like_a_walk_over_the_text() {
        // The straightforward definition: 《 opens (again), 》 closes, a newline cancels.
        let by_walking = |body: &str| {
            let (mut spans, mut open) = (Vec::new(), None);
            for (i, c) in body.char_indices() {
                match c {
                    '《' => open = Some(i),
                    '》' => spans.extend(open.take().map(|s| (s, i))),
                    '\n' => open = None,
                    _ => {}
                }
            }
            spans
        };
        for body in [
            "",
            "《》",
            "依据《国务院关于加强法治政府建设的意见》和《纲要(2015-2020年)》",
            "《外《内》外》",
            "》《开\n关》《再开》",
            "《开\n《又开》尾》",
            "《未闭合",
            "》》《《》》",
        ] {
            assert_eq!(title_spans(body), by_walking(body), "{body}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let page = PageMeta {
            publish_raw: Some("\u{0}🙂年月日".into()),
            written_raw: Some(String::new()),
            ..Default::default()
        };
        for body in [
            "",
            "\n\n",
            "月日",
            "年月",
            "🙂2023年🙂月",
            "截至",
            "11月",
            "１２月３１日\u{a0}",
            "十月",
            "2023-",
        ] {
            let _ = extract_dates(body, &page, Some(i32::MAX));
            let _ = extract_dates(body, &page, Some(i32::MIN));
            let _ = extract_dates(body, &page, None);
        }
        assert_eq!(parse_cn_small("三十一"), Some(31));
        assert_eq!(parse_cn_small("十"), Some(10));
        assert_eq!(parse_cn_small("十十"), None);
        assert_eq!(parse_digits(""), None);
    }
}
