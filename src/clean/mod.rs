//! Clean: remove website chrome from the decoded text, strip markdown markers, rejoin lines
//! that a converter broke mid-sentence, and keep what the chrome said (publish date, source).
//!
//! Works line by line. A line is chrome only on positive evidence (a breadcrumb opener, a
//! page-metadata key, a footer marker on a short line); anything else is report text and is
//! kept, so that no sentence of the report is ever lost.

pub mod dom;
pub mod html;

use crate::lexicon::PerThread;
use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::lexicon::boilerplate::{
    BREADCRUMB_PREFIXES, CHROME_EXACT, CHROME_MARKERS, CHROME_MAX_CHARS, META_KEYS,
    SEPARATOR_CHARS, WEEKDAY_WORDS,
};
use crate::model::{CleanDoc, PageMeta, RemovedLine, SourceDoc, SourceFormat};

/// Shortest line (in characters) that may be the first half of a sentence broken in two.
const BROKEN_LINE_MIN_CHARS: usize = 30;

static MD_HEADING: PerThread<Regex> = PerThread::new(|| Regex::new(r"^#{1,6}\s*").unwrap());
/// A page-metadata key followed by a colon, anywhere in a line.
static META_KEY_COLON: PerThread<Regex> = PerThread::new(|| {
    let keys: Vec<String> = META_KEYS.iter().map(|k| regex::escape(k)).collect();
    Regex::new(&format!(r"({})\s*[:：]", keys.join("|"))).unwrap()
});
/// `。` searched as its three bytes with SIMD; `str::contains` checks for it more slowly.
static FULL_STOP: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("。"));
/// Breadcrumb openers without their spaces, computed once.
static BREADCRUMBS_COMPACT: LazyLock<Vec<String>> = LazyLock::new(|| {
    BREADCRUMB_PREFIXES
        .iter()
        .map(|p| p.replace(' ', ""))
        .collect()
});
/// All chrome markers in one automaton: a short line is searched once, not once per marker.
static CHROME_MARKER_SEARCH: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(CHROME_MARKERS).expect("chrome markers compile"));
/// Bytes of the longest `CHROME_EXACT` line: a longer line (all prose) is not compared.
static CHROME_EXACT_MAX_BYTES: LazyLock<usize> =
    LazyLock::new(|| CHROME_EXACT.iter().map(|l| l.len()).max().unwrap_or(0));
/// The characters breadcrumbs open with: a line starting otherwise is no breadcrumb.
static BREADCRUMB_FIRST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut firsts: Vec<char> = BREADCRUMBS_COMPACT
        .iter()
        .filter_map(|p| p.chars().next())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    firsts
});
/// The weekday words in one automaton (one search of a header line, not one per word).
static WEEKDAY_SEARCH: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(WEEKDAY_WORDS).expect("weekday words compile"));
/// Line starts that open a new section or item: never glued to the previous line.
static STARTS_STRUCTURE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(
        r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十0-9０-９]+[)）]|[0-9０-９]+[、.．]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[章节条部分])",
    )
    .unwrap()
});
/// A line that is only a date (signature date): never glued either.
static DATE_ONLY: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^[0-9０-９〇零一二三四五六七八九十○Ｏ]{2,4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日$").unwrap()
});

/// Cleans one document whatever its format: HTML pages first lose everything outside their
/// article (DOM evidence), then every format goes through the same line rules.
pub fn clean_document(source: &SourceDoc) -> CleanDoc {
    match source.format {
        SourceFormat::Html => {
            let page = html::extract_content(&source.text);
            let mut c = clean_text(&page.text);
            // Lines outside the article count as removed chrome too.
            let outside = page.outside_lines.into_iter().map(|text| RemovedLine {
                line_no: 0,
                text,
                rule: "html_outside_article",
            });
            c.removed.splice(0..0, outside);
            c.meta = merge_meta(page.meta, c.meta);
            c
        }
        _ => {
            let mut c = clean_text(&source.text);
            c.meta = merge_meta(source.meta.clone(), c.meta);
            c
        }
    }
}

/// Fields of `primary` win; `secondary` fills the gaps.
fn merge_meta(primary: PageMeta, secondary: PageMeta) -> PageMeta {
    PageMeta {
        publish_raw: primary.publish_raw.or(secondary.publish_raw),
        written_raw: primary.written_raw.or(secondary.written_raw),
        source: primary.source.or(secondary.source),
        publisher: primary.publisher.or(secondary.publisher),
        index_no: primary.index_no.or(secondary.index_no),
        title: primary.title.or(secondary.title),
        created_raw: primary.created_raw.or(secondary.created_raw),
    }
}

/// Cleans one document's text. `is_markdown` enables markdown-only rules; the generic
/// markers (`#` headings, `**bold**`) are stripped from any format since scraped text often
/// carries them too.
pub fn clean_text(text: &str) -> CleanDoc {
    let mut removed = Vec::new();
    let mut meta = PageMeta::default();
    // (line text, whether it may be glued to the next line)
    let mut kept: Vec<(Cow<str>, bool)> = Vec::new();

    for (idx, raw_line) in crate::text::split_lines(text).enumerate() {
        let line = raw_line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rule) = chrome_rule(line) {
            if rule == "page_metadata" {
                read_page_metadata(line, &mut meta);
            }
            removed.push(RemovedLine {
                line_no: idx + 1,
                text: raw_line.to_string(),
                rule,
            });
            continue;
        }
        let was_md_heading = line.starts_with('#'); // what MD_HEADING matches
        let stripped = strip_markdown(line);
        if stripped.is_empty() {
            removed.push(RemovedLine {
                line_no: idx + 1,
                text: raw_line.to_string(),
                rule: "markup",
            });
            continue;
        }
        kept.push((stripped, !was_md_heading));
    }

    CleanDoc {
        body: join_broken_lines(kept),
        removed,
        meta,
    }
}

/// Which chrome rule, if any, removes this (trimmed) line.
pub fn chrome_rule(line: &str) -> Option<&'static str> {
    if line.chars().all(|c| SEPARATOR_CHARS.contains(&c)) {
        return Some("separator");
    }
    if line.len() <= *CHROME_EXACT_MAX_BYTES && CHROME_EXACT.contains(&line) {
        return Some("site_chrome");
    }
    // Breadcrumbs are recognised from the line's first 16 characters, spaces ignored.
    let head_starts_with = |prefix: &str| {
        let mut head = line.chars().filter(|c| !c.is_whitespace()).take(16);
        prefix.chars().all(|p| head.next() == Some(p))
    };
    let first = line.chars().find(|c| !c.is_whitespace());
    if first.is_some_and(|f| BREADCRUMB_FIRST_CHARS.binary_search(&f).is_ok())
        && BREADCRUMBS_COMPACT
            .iter()
            .any(|p| p.chars().next() == first && head_starts_with(p))
    {
        return Some("breadcrumb");
    }
    // Paragraphs end with their last sentence: most lines answer at their last character,
    // before a search through Chinese text (where `。`'s bytes are common) is needed.
    let has_sentence_end = line.ends_with('。') || FULL_STOP.find(line.as_bytes()).is_some();
    if !has_sentence_end && has_at_most_chars(line, CHROME_MAX_CHARS) {
        let chars = line.chars().count();
        // Keys need their colon: most short lines (headings) have none, and skip the regex.
        let has_colon = line.as_bytes().contains(&b':') || line.contains('：');
        if let Some(m) = has_colon.then(|| META_KEY_COLON.find(line)).flatten() {
            // `来源:海幢街` at the start, or several keys on one line, is page metadata; a
            // single key in mid-line (`…的来源：`) is prose.
            if m.start() == 0 || META_KEY_COLON.find_iter(line).count() >= 2 {
                return Some("page_metadata");
            }
        }
        // Spaces ignored, as in the compact line below.
        let mut visible = line.chars().filter(|c| !c.is_whitespace());
        if chars <= 20 && visible.next() == Some('字') && visible.next() == Some('号') {
            return Some("page_metadata");
        }
        // Markers are searched in the line, then (only when it has spaces, which can split
        // a marker: `版 权 所 有`) in the line without them.
        let compact = || -> String { line.chars().filter(|c| !c.is_whitespace()).collect() };
        if CHROME_MARKER_SEARCH.is_match(line)
            || (line.contains(char::is_whitespace) && CHROME_MARKER_SEARCH.is_match(&compact()))
        {
            return Some("site_chrome");
        }
        // `天津市静海区人民政府 2019年12月3日星期二`: the server's "today" in the site header.
        let has_digit = || line.chars().any(|c| matches!(c, '0'..='9' | '０'..='９'));
        if chars <= 40 && WEEKDAY_SEARCH.is_match(line) && has_digit() {
            return Some("site_header_date");
        }
    }
    None
}

/// Whether `line` is a page-metadata line (`chrome_rule` says `page_metadata`). Such a line
/// has a key's colon or opens with 字号, so a line with neither (most lines of site chrome)
/// is answered without going through the other rules first.
pub(crate) fn is_page_metadata(line: &str) -> bool {
    let may_be = line.as_bytes().contains(&b':') || line.contains('：') || line.contains('字');
    may_be && chrome_rule(line) == Some("page_metadata")
}

/// Whether `s` has at most `n` characters, without counting long strings (no character is
/// longer than 4 bytes, or shorter than 1).
fn has_at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= 4 * n && s.chars().count() <= n)
}

/// Splits a metadata line into `key: value` pairs and keeps the ones a report needs.
pub(crate) fn read_page_metadata(line: &str, meta: &mut PageMeta) {
    let keys: Vec<regex::Match> = META_KEY_COLON.find_iter(line).collect();
    for (i, m) in keys.iter().enumerate() {
        let key = META_KEY_COLON
            .captures(m.as_str())
            .and_then(|c| c.get(1))
            .map(|k| k.as_str());
        let end = keys.get(i + 1).map_or(line.len(), |n| n.start());
        // In a rendered table row the value is the next cell only.
        let value = line[m.end()..end]
            .trim()
            .trim_start_matches(['|', '丨'])
            .trim();
        let value = value.split(['|', '丨']).next().unwrap_or("").trim();
        if value.is_empty() || value == "-" {
            continue;
        }
        let slot = match key.unwrap_or("") {
            "发布日期" | "发布时间" | "发文日期" => &mut meta.publish_raw,
            "成文日期" => &mut meta.written_raw,
            "来源" | "信息来源" => &mut meta.source,
            "发布者" | "发布机构" | "发文机关" => &mut meta.publisher,
            "索引号" => &mut meta.index_no,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value.to_string());
        }
    }
}

/// Removes markdown markers: heading hashes, bold/underline markers and stray backticks.
pub fn strip_markdown(line: &str) -> Cow<'_, str> {
    // Most lines carry no markup at all (the markers are ASCII: memchr looks for their bytes)
    // and are kept as they are, borrowed until the body is joined.
    let bytes = line.as_bytes();
    let has_markup = memchr::memchr3(b'#', b'*', b'_', bytes).is_some()
        || memchr::memchr2(b'`', b'>', bytes).is_some();
    if !has_markup {
        return Cow::Borrowed(line);
    }
    let no_heading = MD_HEADING.replace(line, "");
    let mut out = no_heading
        .replace("**", "")
        .replace("__", "")
        .replace('`', "");
    if out.starts_with("> ") {
        out.drain(..2);
    }
    Cow::Owned(out.trim().to_string())
}

/// Word and PDF conversions break paragraphs at page ends (`…由党委书记任组` / `长，…`).
/// A long prose line that stops without closing punctuation is glued to the next line
/// unless that line opens a section, an item or a signature date.
fn join_broken_lines(lines: Vec<(Cow<str>, bool)>) -> String {
    let mut body = String::with_capacity(lines.iter().map(|(l, _)| l.len() + 1).sum());
    let mut glue_next = false;
    for (i, (line, may_glue)) in lines.iter().enumerate() {
        if i > 0 {
            // A short line without sentence punctuation is a signature, a title or a heading.
            let starts_new = (may_start_structure(line) && STARTS_STRUCTURE.is_match(line))
                || (line.ends_with('日') && DATE_ONLY.is_match(line))
                || (has_at_most_chars(line, BROKEN_LINE_MIN_CHARS - 1) && !has_clause_punct(line));
            if !glue_next || starts_new {
                body.push('\n');
            }
        }
        body.push_str(line);
        glue_next = *may_glue && is_broken_prose(line);
    }
    body
}

/// The characters a `STARTS_STRUCTURE` match can start with: other lines need no regex.
fn may_start_structure(line: &str) -> bool {
    line.starts_with(|c: char| {
        matches!(c, '第' | '（' | '(' | '0'..='9' | '０'..='９')
            || "一二三四五六七八九十".contains(c)
    })
}

fn is_broken_prose(line: &str) -> bool {
    const CLOSERS: &[char] = &[
        '。', '！', '？', '；', '：', ':', ';', '!', '?', '…', '”', '」', '』', '）', ')', '》',
        '】',
    ];
    let Some(last) = line.chars().last() else {
        return false;
    };
    !has_at_most_chars(line, BROKEN_LINE_MIN_CHARS - 1)
        && !CLOSERS.contains(&last)
        && has_clause_punct(line)
}

fn has_clause_punct(line: &str) -> bool {
    line.contains('，') || line.contains('。') || line.contains(',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_breadcrumb_metadata_and_footer_and_reads_metadata() {
        let text = "您当前所在的位置:\u{a0}首页\u{a0}>\u{a0}政务公开\u{a0}>\u{a0}年度报告\n\n广州市海珠区人民政府海幢街道办事处关于2023年度法治政府建设情况的报告\n\n发布日期:2023-12-14 17:16:02 来源:海幢街\n分享到:\n浏览量:-\n\n  2023年,海幢街道深入学习贯彻习近平法治思想。\n附件:\n相关文章\n访问总数:-人次\n联系我们 | 友情链接 | 站点地图\n主办:广州市海珠区人民政府办公室承办:海珠区政务服务数据管理局\n粤ICP备05083207号-1网站标识码:4401050003\n粤公网安备 44010502000066号";
        let c = clean_text(text);
        assert_eq!(
            c.body,
            "广州市海珠区人民政府海幢街道办事处关于2023年度法治政府建设情况的报告\n2023年,海幢街道深入学习贯彻习近平法治思想。"
        );
        assert_eq!(c.removed.len(), 11);
        assert_eq!(c.meta.publish_raw.as_deref(), Some("2023-12-14 17:16:02"));
        assert_eq!(c.meta.source.as_deref(), Some("海幢街"));
    }

    #[test]
    fn site_chrome_lines_of_a_tianjin_page() {
        for line in [
            "丨\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}网站无障碍\u{a0}丨\u{a0}关怀版",
            "法律声明 | 关于我们 | 网站地图 | 使用帮助",
            "主办单位:天津市和平区人民政府 版权所有:天津市和平区人民政府",
            "津公网安备12010102000334号\u{2002} \u{2002}津ICP备05000681号\u{2002} \u{2002}网站标识码:1201010001",
            "本网站违法和不良信息举报电话:022-23196661,举报邮箱:hpqzfb18@tj.gov.cn",
            "微博",
            "微信",
            "`",
            "天津市静海区人民政府 2019年12月3日星期二",
            "字号 大 中 小",
        ] {
            assert!(chrome_rule(line.trim()).is_some(), "not removed: {line}");
        }
        let c =
            clean_text("发布日期:2021-01-13\u{a0}\u{a0}\u{a0}\u{a0}发布者:和平区人民政府\n正文。");
        assert_eq!(c.meta.publish_raw.as_deref(), Some("2021-01-13"));
        assert_eq!(c.meta.publisher.as_deref(), Some("和平区人民政府"));
        assert_eq!(c.body, "正文。");
    }

    #[test]
    fn each_chrome_rule_names_its_lines() {
        for (line, rule) in [
            ("—— · ——", Some("separator")),
            ("扫一扫在手机打开当前页", Some("site_chrome")),
            ("当前位置： 首页 > 政务公开", Some("breadcrumb")),
            ("您 当前 的 位置：首页", Some("breadcrumb")),
            ("来源：海幢街 发布时间：2023-12-14", Some("page_metadata")),
            ("信息来源:区司法局", Some("page_metadata")),
            ("字 号：大 中 小", Some("page_metadata")),
            ("版 权 所 有：某区人民政府", Some("site_chrome")),
            (
                "天津市静海区人民政府 ２０１９年１２月３日星期二",
                Some("site_header_date"),
            ),
            // A sentence end makes a line prose, wherever it stands.
            ("版权所有。", None),
            ("版权所有。请勿转载", None),
            // A key without its colon, a weekday without a date, a date without a weekday.
            ("信息来源渠道", None),
            ("每星期二下午集中学法", None),
            ("2019年12月3日", None),
        ] {
            assert_eq!(chrome_rule(line), rule, "{line}");
            // The shortcut for HTML pages answers as the full rules do.
            assert_eq!(
                is_page_metadata(line),
                rule == Some("page_metadata"),
                "{line}"
            );
        }
    }

    #[test]
    fn report_prose_mentioning_chrome_words_is_kept() {
        for line in [
            "高度重视社会监督,设立并向社会公布小白楼街道政务服务和投诉举报电话,向辖区内居民提供政务咨询、维权申诉、违法举报和行政监督等一站式综合服务,方便群众投诉举报和反映问题。",
            "县委、县政府：",
            "金文〔2023〕5号",
            "签发人：张健平 余志强",
            "广州市海珠区人民政府海幢街道办事处",
            "2023年11月30日",
            "(一)全面依法履行政府职能",
        ] {
            assert_eq!(chrome_rule(line), None, "wrongly removed: {line}");
        }
    }

    #[test]
    fn markdown_markers_are_stripped() {
        assert_eq!(
            strip_markdown("### **三、2022年度推进法治政府建设存在的不足。**"),
            "三、2022年度推进法治政府建设存在的不足。"
        );
        assert_eq!(strip_markdown("**一、主要举措**"), "一、主要举措");
        assert_eq!(
            strip_markdown("# 中共新县金兰山街道工作委员会文件"),
            "中共新县金兰山街道工作委员会文件"
        );
        let c = clean_text("**二是精准靶向发力**。主持召开专题会议4次。");
        assert_eq!(c.body, "二是精准靶向发力。主持召开专题会议4次。");
    }

    #[test]
    fn lines_broken_mid_sentence_are_rejoined() {
        let text = "一是加强组织领导。履行法治政府建设第一责任人职责，调整街道法治政府建设工作领导小组，由党委书记任组\n\n长，党工委副书记、办事处主任为常务副组长。\n(一)下一节\n";
        let c = clean_text(text);
        assert!(
            c.body.contains("由党委书记任组长，党工委副书记"),
            "{}",
            c.body
        );
        assert!(c.body.contains("\n(一)下一节"));
    }

    #[test]
    fn titles_headings_and_signature_are_not_glued() {
        let text = "## 中共新县金兰山街道工作委员会 新县金兰山街道办事处 关于2022年度法治政府建设工作情况的报告\n县委、县政府：\n五是继续做好信息公开工作，维护政府公信力，打造公开透明、规范有序的法治政府\n广州市海珠区人民政府海幢街道办事处\n2023年11月30日";
        let c = clean_text(text);
        let lines: Vec<&str> = c.body.lines().collect();
        assert_eq!(lines[0], "中共新县金兰山街道工作委员会 新县金兰山街道办事处 关于2022年度法治政府建设工作情况的报告");
        assert_eq!(lines[1], "县委、县政府：");
        assert_eq!(*lines.last().unwrap(), "2023年11月30日");
    }

    #[test]
    fn empty_and_chrome_only_inputs_give_empty_body() {
        assert_eq!(clean_text("").body, "");
        let c = clean_text("微博\n微信\n`\n");
        assert_eq!(c.body, "");
        assert_eq!(c.removed.len(), 3);
    }
}
