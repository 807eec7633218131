//! Chrome that only the lines around it reveal, in the page header: everything from the top of
//! the page to the report's first paragraph of prose.
//! - short lines above a breadcrumb (the site's banner and column names);
//! - bylines: a line that is only a date or timestamp, or an organization and a timestamp
//!   (`某市人民政府 2020-05-12 09:01:00`), and organization lines right under such a date;
//! - a label line whose value is on the next line (`发布机构:` / `•某区司法局`), English
//!   database labels (`Published` / `2022-03-29`);
//! - a run of bullet lines carrying metadata values without their labels (index number,
//!   dates printed twice).
//!
//! The signature at the end of a report (organization, then date) is never in the header.

use regex::Regex;

use crate::lexicon::boilerplate::BYLINE_ORG_ENDINGS;
use crate::lexicon::dates::{numeric_date_pattern, YEAR_DIGITS};
use crate::lexicon::page_meta::{MetaField, ENGLISH_LABELS, META_LEADERS};
use crate::lexicon::PerThread;

use super::has_at_most_chars;
use super::page_meta::{bare_label, english_label, MetaReader, MetaValue};

/// How many non-empty lines from the top may belong to the page header.
const HEADER_MAX_LINES: usize = 30;
/// Longest line (characters) above a breadcrumb that is taken as site banner.
const BANNER_MAX_CHARS: usize = 30;
/// Longest value line under a label line.
const VALUE_MAX_CHARS: usize = 60;
/// Longest organization line of a byline.
const BYLINE_ORG_MAX_CHARS: usize = 30;
/// Shortest line with clause punctuation that reads as prose (characters).
const PROSE_MIN_CHARS: usize = 20;
/// Fewest bullet lines that make an unlabeled metadata block.
const BULLET_BLOCK_MIN_LINES: usize = 3;

/// A byline: an optional organization, then a date with an optional time.
static BYLINE_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"^(?:(\S{{2,30}}?)[\s\u{{a0}}\u{{3000}}]*)?({}(?:[\s\u{{a0}}\u{{3000}}]*[0-9０-９]{{1,2}}\s*[:：时]\s*[0-9０-９]{{1,2}}(?:\s*[:：分]\s*[0-9０-９]{{1,2}})?\s*[秒分]?)?)$",
        numeric_date_pattern()
    ))
        .expect("byline regex compiles")
});

/// An index number (索引号) printed without its label: `11500224009351624E/2020-00573`,
/// `000014349/2025-17645`, `c365109--2022-0018`.
static INDEX_NO_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"^[0-9０-９A-Za-z]{{5,24}}[-/]{{1,2}}{YEAR_DIGITS}-[0-9０-９]{{2,6}}$"
    ))
    .expect("index number regex compiles")
});

/// A line of prose: it ends a sentence, or is long and has clause punctuation.
pub(super) fn is_prose(line: &str) -> bool {
    line.ends_with('。')
        || (!has_at_most_chars(line, PROSE_MIN_CHARS)
            && line.contains(['，', ',', '。', '；'])
            && line.chars().any(crate::text::is_han))
}

fn strip_leaders(line: &str) -> &str {
    line.trim_matches(META_LEADERS)
}

fn is_byline_org(line: &str) -> bool {
    let line = &*super::reading::strip_glosses(line);
    has_at_most_chars(line, BYLINE_ORG_MAX_CHARS)
        && line.chars().count() >= 3
        && !line.contains(['，', ',', '。', '：', ':', '；', '《', '》', '“', '”', '、'])
        && !line.chars().any(crate::normalize::is_digit)
        && BYLINE_ORG_ENDINGS.iter().any(|t| line.ends_with(t))
}

/// The date of a byline line (`2023-02-15 14:49`, `某市司法局 2023年02月17日`).
pub fn byline_date(line: &str) -> Option<String> {
    let t = strip_leaders(line);
    // The date ends the line (BYLINE_RE is anchored there): a line ending otherwise (most
    // headings and titles) needs no regex.
    let ends_like_a_date = t.ends_with(|c: char| {
        crate::normalize::is_digit(c) || c.is_whitespace() || matches!(c, '日' | '秒' | '分')
    });
    if !ends_like_a_date || !has_at_most_chars(t, 50) {
        return None;
    }
    let c = BYLINE_RE.captures(t)?;
    if let Some(org) = c.get(1) {
        if !is_byline_org(org.as_str().trim()) {
            return None;
        }
    }
    Some(c.get(2)?.as_str().trim().to_string())
}

/// A metadata value printed without its label: an index number or a date.
fn unlabeled_value(line: &str) -> Option<MetaValue> {
    let t = strip_leaders(line);
    if INDEX_NO_RE.is_match(t) {
        return Some(MetaValue {
            field: MetaField::IndexNo,
            rank: 5,
            value: t.to_string(),
        });
    }
    byline_date(t).map(|d| MetaValue {
        field: MetaField::Publish,
        rank: 5,
        value: d,
    })
}

fn is_bullet(line: &str) -> bool {
    line.starts_with(['•', '·', '-', '*', '▪', '●'])
}

/// Marks header chrome in `verdicts` (one per line of `lines`, the simplified reading of the
/// page's non-empty trimmed lines) and reads the values it carries into `meta`.
pub fn mark_header(lines: &[&str], verdicts: &mut [Option<&'static str>], meta: &mut MetaReader) {
    let first_prose = lines
        .iter()
        .take(HEADER_MAX_LINES)
        .position(|l| is_prose(strip_leaders(l)));
    // Without prose there is no telling the header from the signature: bylines need prose
    // after them.
    let has_prose = first_prose.is_some();
    let end = first_prose.unwrap_or(lines.len().min(HEADER_MAX_LINES));
    if end == 0 {
        return;
    }

    // Short lines above a breadcrumb: the site's banner and column names.
    if let Some(crumb) = (0..end).rev().find(|&i| verdicts[i] == Some("breadcrumb")) {
        for i in 0..crumb {
            let l = lines[i];
            if verdicts[i].is_none()
                && has_at_most_chars(l, BANNER_MAX_CHARS)
                && !l.contains(['。', '，'])
                && !crate::lexicon::orgs::ROL_CUES.iter().any(|c| l.contains(c))
                && !(l.contains("报告") && l.chars().count() > 6)
            {
                verdicts[i] = Some("site_header");
            }
        }
    }

    let mut i = 0;
    while i < end {
        let line = lines[i];
        // A label alone, its value on the next line.
        let english = english_label(line);
        let label = matches!(verdicts[i], None | Some("page_metadata"))
            .then(|| bare_label(line).or(english.map(|f| (f, 5))))
            .flatten();
        if label.is_none() && verdicts[i].is_some() {
            i += 1;
            continue;
        }
        if let Some((field, rank)) = label {
            verdicts[i] = Some("page_metadata");
            let takes_value = english.is_none_or(|_| english_takes_value(line));
            if let Some(next) = lines.get(i + 1).filter(|_| takes_value) {
                let english_value = english.is_some() && next.is_ascii();
                if verdicts[i + 1].is_none()
                    && bare_label(next).is_none()
                    && english_label(next).is_none()
                    && (english_value
                        || (has_at_most_chars(strip_leaders(next), VALUE_MAX_CHARS)
                            && !next.contains('。')))
                {
                    verdicts[i + 1] = Some("page_metadata");
                    meta.add([MetaValue {
                        field,
                        rank,
                        value: strip_leaders(next).to_string(),
                    }]);
                    i += 2;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        // A byline, and the organization lines printed right under its date.
        if let Some(date) = byline_date(line).filter(|_| has_prose) {
            verdicts[i] = Some("byline");
            meta.add([MetaValue {
                field: MetaField::Publish,
                rank: 3,
                value: date,
            }]);
            let mut j = i + 1;
            while j < end && verdicts[j].is_none() && is_byline_org(strip_leaders(lines[j])) {
                verdicts[j] = Some("byline");
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }

    // Bullet lines carrying values without labels (`• 11500…/2020-00573`, `• 2020-05-07`).
    let mut start = 0;
    while start < end {
        let run = (start..end)
            .take_while(|&k| {
                is_bullet(lines[k])
                    && has_at_most_chars(lines[k], 40)
                    && !is_prose(strip_leaders(lines[k]))
            })
            .count();
        if run >= BULLET_BLOCK_MIN_LINES {
            let values: Vec<MetaValue> = (start..start + run)
                .filter_map(|k| unlabeled_value(lines[k]))
                .collect();
            if values.iter().any(|v| v.field == MetaField::IndexNo) || values.len() >= 2 {
                for v in verdicts.iter_mut().skip(start).take(run) {
                    v.get_or_insert("page_metadata");
                }
                meta.add(values);
            }
        }
        start += run.max(1);
    }
}

/// Whether an English label's value follows on the next line (`Summary` opens the text).
fn english_takes_value(line: &str) -> bool {
    ENGLISH_LABELS
        .iter()
        .find(|(l, _, _)| *l == line)
        .is_some_and(|(_, _, takes)| *takes)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ending check before the regex only skips lines the anchored regex refuses.
        #[test]
        fn byline_dates_as_the_regex_alone_reads_them(
            chars in proptest::collection::vec(
                proptest::sample::select(vec![
                    '2', '0', '1', '9', '-', ':', '年', '月', '日', '时', '分', '秒', ' ', '\u{2002}', '局', '市', '。',
                ]),
                0..24,
            )
        ) {
            let line: String = chars.into_iter().collect();
            let t = strip_leaders(&line);
            let by_regex = BYLINE_RE
                .captures(t)
                .filter(|c| c.get(1).is_none_or(|org| is_byline_org(org.as_str().trim())))
                .filter(|_| has_at_most_chars(t, 50))
                .and_then(|c| Some(c.get(2)?.as_str().trim().to_string()));
            proptest::prop_assert_eq!(byline_date(&line), by_regex);
        }
    }

    fn marks(text: &str) -> (Vec<Option<&'static str>>, crate::model::PageMeta) {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let mut verdicts: Vec<Option<&'static str>> =
            lines.iter().map(|l| super::super::chrome_rule(l)).collect();
        let mut meta = MetaReader::default();
        mark_header(&lines, &mut verdicts, &mut meta);
        (verdicts, meta.into_meta())
    }

    const PROSE: &str =
        "2023年,某某街道深入学习贯彻习近平法治思想,扎实推进法治政府建设各项工作,取得了明显成效。";

    #[test]
    fn banner_lines_above_a_breadcrumb() {
        let (v, _) = marks(&format!(
            "某某协会官网\n工作动态\n您当前的位置:首页>新闻中心\n某区2023年法治政府建设年度报告\n{PROSE}"
        ));
        assert_eq!(
            v,
            vec![
                Some("site_header"),
                Some("site_header"),
                Some("breadcrumb"),
                None,
                None
            ]
        );
    }

    #[test]
    fn bylines_give_the_publish_date() {
        let (v, m) = marks(&format!(
            "某市2022年度法治政府建设工作报告\n2023-02-15 14:49\n{PROSE}"
        ));
        assert_eq!(v, vec![None, Some("byline"), None]);
        assert_eq!(m.publish_raw.as_deref(), Some("2023-02-15 14:49"));
        let (v, m) = marks(&format!(
            "某市人民政府 2020-05-12 09:01:00\n某市人民政府文件\n{PROSE}"
        ));
        assert_eq!(v, vec![Some("byline"), None, None]);
        assert_eq!(m.publish_raw.as_deref(), Some("2020-05-12 09:01:00"));
        let (v, m) = marks(&format!(
            "某省人民政府2022 年度法治政府建设工作情况\n2023 年03 月30 日 09 时24 分\n{PROSE}"
        ));
        assert_eq!(v, vec![None, Some("byline"), None]);
        assert_eq!(
            m.publish_raw.as_deref(),
            Some("2023 年03 月30 日 09 时24 分")
        );
        let (v, m) = marks(&format!(
            "某市人民政府 ２０２０-０５-１２ ０９:０１:００\n某市人民政府文件\n{PROSE}"
        ));
        assert_eq!(v, vec![Some("byline"), None, None]);
        assert_eq!(
            m.publish_raw.as_deref(),
            Some("２０２０-０５-１２ ０９:０１:００")
        );
        let (v, _) = marks(&format!(
            "某区教育局2022年法治政府建设年度报告\n2023-01-03\n某市某区教育局\n某市某区教育局\n{PROSE}"
        ));
        assert_eq!(
            v,
            vec![None, Some("byline"), Some("byline"), Some("byline"), None]
        );
    }

    #[test]
    fn the_signature_at_the_end_is_not_a_byline() {
        let (v, _) = marks(&format!("{PROSE}\n某某街道办事处\n2023年11月30日"));
        assert_eq!(v, vec![None, None, None]);
    }

    #[test]
    fn label_lines_then_values() {
        let (v, m) = marks(&format!(
            "发布机构:\n•某区司法局\n发布日期:\n•2025-02-28\n某区2024年法治政府建设工作报告\n{PROSE}"
        ));
        assert_eq!(&v[..4], &[Some("page_metadata"); 4]);
        assert_eq!(m.publisher.as_deref(), Some("某区司法局"));
        assert_eq!(m.publish_raw.as_deref(), Some("2025-02-28"));
        let (v, m) = marks(&format!(
            "某省人民政府关于2021年度法治政府建设情况的报告\nEnglish title (machine-translated)\nSome Province Report on the Rule of Law Government in 2021.\nPublished\n2022-03-29\nSummary\n(1) In 2021, the province did a lot of work, and made progress.\n{PROSE}"
        ));
        assert_eq!(
            v,
            vec![
                None,
                Some("page_metadata"),
                Some("page_metadata"),
                Some("page_metadata"),
                Some("page_metadata"),
                Some("page_metadata"),
                None,
                None
            ]
        );
        assert_eq!(m.publish_raw.as_deref(), Some("2022-03-29"));
    }

    #[test]
    fn unlabeled_bullet_values() {
        let (v, m) = marks(&format!(
            "• 11500000000000000E/2020-00001\n• 法制\n• 工作报告\n• 某区某某镇\n• 2020-05-07\n• 2020-05-07\n某某镇2019年法治政府建设工作报告\n{PROSE}"
        ));
        assert!(v[..6].iter().all(|x| x.is_some()), "{v:?}");
        assert_eq!(v[6], None);
        assert_eq!(m.index_no.as_deref(), Some("11500000000000000E/2020-00001"));
        assert_eq!(m.publish_raw.as_deref(), Some("2020-05-07"));
    }
}
