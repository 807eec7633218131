//! Clean: remove website chrome from the decoded text, strip markdown markers, rejoin lines
//! that a converter broke mid-sentence, and keep what the chrome said (publish date, source).
//!
//! Works line by line. A line is chrome only on positive evidence (a breadcrumb opener, a
//! page-metadata key, a footer marker on a short line); anything else is report text and is
//! kept, so that no sentence of the report is ever lost.

pub mod chrome;
pub mod dom;
mod header;
pub mod html;
pub mod page_meta;
pub mod reading;

use crate::lexicon::PerThread;
use std::borrow::Cow;

use regex::Regex;

pub use chrome::chrome_rule;
use page_meta::{read_meta_line, MetaReader};

use crate::model::{CleanDoc, PageMeta, RemovedLine, SourceDoc, SourceFormat};

/// How many lines at the top and at the bottom of a page may hold a long aggregator banner.
const BANNER_TOP_LINES: usize = 4;
const BANNER_BOTTOM_LINES: usize = 3;

/// Shortest line (in characters) that may be the first half of a sentence broken in two.
const BROKEN_LINE_MIN_CHARS: usize = 30;

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
/// article (DOM evidence), then every format goes through the same line rules. A page in
/// traditional characters is judged on its simplified reading and keeps its own characters.
pub fn clean_document(source: &SourceDoc) -> CleanDoc {
    match source.format {
        SourceFormat::Html => {
            let page = html::extract_content(&source.text);
            let reading = reading::simplified_reading(&page.text);
            let mut c = clean_with_reading(&page.text, reading.as_deref());
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
            let reading = reading::simplified_reading(&source.text);
            let mut c = clean_with_reading(&source.text, reading.as_deref());
            c.meta = merge_meta(source.meta.clone(), c.meta);
            c
        }
    }
}

/// Fields of `primary` win; `secondary` fills the gaps.
fn merge_meta(primary: PageMeta, secondary: PageMeta) -> PageMeta {
    let mut dates_raw = primary.dates_raw;
    for d in secondary.dates_raw {
        if !dates_raw.contains(&d) {
            dates_raw.push(d);
        }
    }
    PageMeta {
        publish_raw: primary.publish_raw.or(secondary.publish_raw),
        written_raw: primary.written_raw.or(secondary.written_raw),
        source: primary.source.or(secondary.source),
        publisher: primary.publisher.or(secondary.publisher),
        index_no: primary.index_no.or(secondary.index_no),
        title: primary.title.or(secondary.title),
        created_raw: primary.created_raw.or(secondary.created_raw),
        doc_number: primary.doc_number.or(secondary.doc_number),
        labeled_title: primary.labeled_title.or(secondary.labeled_title),
        doc_type: primary.doc_type.or(secondary.doc_type),
        dates_raw,
        canonical_url: primary.canonical_url.or(secondary.canonical_url),
    }
}

/// Cleans one document's text (already simplified, or with no traditional characters).
pub fn clean_text(text: &str) -> CleanDoc {
    clean_with_reading(text, None)
}

/// Cleans `text`, judging every line on `reading` (the simplified reading of `text`, byte for
/// byte as long) when there is one: the body keeps the page's characters, and the body's own
/// reading comes with it for the later stages.
pub fn clean_with_reading(text: &str, reading: Option<&str>) -> CleanDoc {
    let judged = reading.filter(|r| r.len() == text.len());
    // (line number, the page's line, its reading), trimmed, empty lines left out.
    let lines: Vec<(usize, &str, &str)> = match judged {
        // A simplified page is its own reading: its lines are split once.
        None => crate::text::split_lines(text)
            .enumerate()
            .filter_map(|(idx, page)| {
                let trimmed = page.trim();
                (!trimmed.is_empty()).then_some((idx, page, trimmed))
            })
            .collect(),
        Some(judged) => crate::text::split_lines(text)
            .zip(crate::text::split_lines(judged))
            .enumerate()
            .filter_map(|(idx, (page, read))| {
                let trimmed = page.trim();
                if trimmed.is_empty() {
                    return None;
                }
                // Trimming removes the same whitespace from both forms.
                let lead = page.len() - page.trim_start().len();
                let read = read.get(lead..lead + trimmed.len()).unwrap_or(trimmed);
                Some((idx, page, read))
            })
            .collect(),
    };
    let read_lines: Vec<&str> = lines.iter().map(|(_, _, r)| *r).collect();
    // Each line's verdict, and the fields of the metadata lines the rules read.
    let mut fields: Vec<Option<Vec<page_meta::MetaValue>>> = vec![None; read_lines.len()];
    let mut verdicts: Vec<Option<&'static str>> = read_lines
        .iter()
        .zip(fields.iter_mut())
        .map(|(l, f)| chrome::chrome_verdict(l, f))
        .collect();
    // Long aggregator banners stand at the top or the bottom of a page.
    let n = read_lines.len();
    let edges = (0..n.min(BANNER_TOP_LINES)).chain(n.saturating_sub(BANNER_BOTTOM_LINES)..n);
    for i in edges {
        if verdicts[i].is_none() && chrome::is_aggregator_banner(read_lines[i]) {
            verdicts[i] = Some("aggregator_banner");
        }
    }
    // A menu row, unless a row of a table stands beside it (bars and numbers or sentences):
    // menus may be stacked, tables have rows of data.
    let menus: Vec<bool> = read_lines.iter().map(|l| chrome::is_menu_row(l)).collect();
    let table_row = |k: usize, verdicts: &[Option<&str>]| {
        verdicts[k].is_none() && !menus[k] && chrome::has_bar(read_lines[k])
    };
    for i in 0..n {
        if verdicts[i].is_some() || !menus[i] {
            continue;
        }
        let beside_table =
            (i > 0 && table_row(i - 1, &verdicts)) || (i + 1 < n && table_row(i + 1, &verdicts));
        if !beside_table {
            verdicts[i] = Some("site_menu");
        }
    }
    // A single common label (`名称:`, `来源:`) between two lines of prose is the report's own
    // text (a table row, a list), not the page's metadata.
    let is_prose = |l: &&str| header::is_prose(l);
    if let (Some(first), Some(last)) = (
        read_lines.iter().position(is_prose),
        read_lines.iter().rposition(is_prose),
    ) {
        for i in first + 1..last {
            if verdicts[i] == Some("page_metadata") && page_meta::is_weak_single(read_lines[i]) {
                verdicts[i] = None;
            }
        }
    }
    let mut meta = MetaReader::default();
    for ((line, verdict), read) in read_lines.iter().zip(&verdicts).zip(fields) {
        // A metadata line may also carry a banner's words (`来源:网友投稿`).
        let values = match verdict {
            Some("page_metadata") => read,
            Some("aggregator_banner" | "site_chrome") => read_meta_line(line),
            _ => None,
        };
        if let Some(values) = values {
            meta.add(values);
        }
    }
    header::mark_header(&read_lines, &mut verdicts, &mut meta);

    let mut removed = Vec::new();
    // (the page's line, its reading, whether it may be glued to the next line)
    let mut kept: Vec<(Cow<str>, Cow<str>, bool)> = Vec::new();
    for ((idx, page, read), verdict) in lines.iter().zip(&verdicts) {
        if let Some(rule) = verdict {
            removed.push(RemovedLine {
                line_no: idx + 1,
                text: page.to_string(),
                rule,
            });
            continue;
        }
        let page_line = page.trim();
        let was_md_heading = read.starts_with('#'); // what strip_markdown takes for a heading
                                                    // Markdown markers are ASCII: the same bytes go from both forms.
        let stripped = strip_markdown(page_line);
        if stripped.is_empty() {
            removed.push(RemovedLine {
                line_no: idx + 1,
                text: page.to_string(),
                rule: "markup",
            });
            continue;
        }
        let stripped_read = if std::ptr::eq(page_line, *read) {
            stripped.clone()
        } else {
            strip_markdown(read)
        };
        kept.push((stripped, stripped_read, !was_md_heading));
    }

    let breaks = line_breaks(&kept);
    let body = assemble(kept.iter().map(|(p, _, _)| p.as_ref()), &breaks);
    let body_reading = reading
        .is_some()
        .then(|| assemble(kept.iter().map(|(_, r, _)| r.as_ref()), &breaks))
        .filter(|r| r.len() == body.len() && *r != body);
    CleanDoc {
        body,
        reading: body_reading,
        removed,
        meta: meta.into_meta(),
    }
}

/// Whether `s` has at most `n` characters, without counting long strings (no character is
/// longer than 4 bytes, or shorter than 1).
pub(crate) fn has_at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= 4 * n && s.chars().count() <= n)
}

/// Reads a metadata line's fields into `meta` where it has none yet (HTML pages' lines
/// outside the article).
pub(crate) fn read_page_metadata(line: &str, meta: &mut PageMeta) {
    let Some(values) = read_meta_line(line) else {
        return;
    };
    let mut reader = MetaReader::default();
    reader.add(values);
    let found = reader.into_meta();
    *meta = merge_meta(std::mem::take(meta), found);
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
    // A heading's hashes (`^#{1,6}\s*`), then each marker only where the line has it: most
    // marked lines are headings with nothing else to remove, and keep their text borrowed.
    let hashes = bytes.iter().take(6).take_while(|&&b| b == b'#').count();
    let mut out = Cow::Borrowed(if hashes > 0 {
        line[hashes..].trim_start()
    } else {
        line
    });
    for marker in ["**", "__"] {
        if out.contains(marker) {
            out = Cow::Owned(out.replace(marker, ""));
        }
    }
    if out.contains('`') {
        out = Cow::Owned(out.replace('`', ""));
    }
    match out {
        Cow::Borrowed(s) => Cow::Borrowed(s.strip_prefix("> ").unwrap_or(s).trim()),
        Cow::Owned(s) => Cow::Owned(s.strip_prefix("> ").unwrap_or(&s).trim().to_string()),
    }
}

/// Word and PDF conversions break paragraphs at page ends (`…由党委书记任组` / `长，…`).
/// A long prose line that stops without closing punctuation is glued to the next line
/// unless that line opens a section, an item or a signature date. Returns, for each line,
/// whether a line break goes before it; decided on the lines' reading.
fn line_breaks(lines: &[(Cow<str>, Cow<str>, bool)]) -> Vec<bool> {
    let mut breaks = Vec::with_capacity(lines.len());
    let mut glue_next = false;
    for (i, (_, line, may_glue)) in lines.iter().enumerate() {
        if i == 0 {
            breaks.push(false);
        } else {
            // A short line without sentence punctuation is a signature, a title or a heading.
            let starts_new = (may_start_structure(line) && STARTS_STRUCTURE.is_match(line))
                || (line.ends_with('日') && DATE_ONLY.is_match(line))
                || (has_at_most_chars(line, BROKEN_LINE_MIN_CHARS - 1) && !has_clause_punct(line));
            breaks.push(!glue_next || starts_new);
        }
        glue_next = *may_glue && is_broken_prose(line);
    }
    breaks
}

/// The body: the lines joined, with a line break where `breaks` says.
fn assemble<'a>(lines: impl Iterator<Item = &'a str> + Clone, breaks: &[bool]) -> String {
    let mut body = String::with_capacity(lines.clone().map(|l| l.len() + 1).sum());
    for (line, brk) in lines.zip(breaks) {
        if *brk {
            body.push('\n');
        }
        body.push_str(line);
    }
    body
}

/// The characters a `STARTS_STRUCTURE` match can start with: other lines need no regex.
fn may_start_structure(line: &str) -> bool {
    line.starts_with(|c: char| {
        matches!(c, '第' | '（' | '(' | '0'..='9' | '０'..='９') || crate::text::is_small_numeral(c)
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

    /// What `strip_markdown` did with a regex and three replacements on every marked line.
    fn strip_markdown_by_regex(line: &str) -> String {
        let has_markup = line.contains(['#', '*', '_', '`', '>']);
        if !has_markup {
            return line.to_string();
        }
        let heading = Regex::new(r"^#{1,6}\s*").unwrap();
        let mut out = heading
            .replace(line, "")
            .replace("**", "")
            .replace("__", "")
            .replace('`', "");
        if out.starts_with("> ") {
            out.drain(..2);
        }
        out.trim().to_string()
    }

    proptest::proptest! {
        #[test]
        fn markdown_stripped_as_by_the_regex_and_replacements(
            chars in proptest::collection::vec(
                proptest::sample::select(vec!['#', '*', '_', '`', '>', ' ', '\u{3000}', '一', '、', 'a']),
                0..20,
            )
        ) {
            let line: String = chars.into_iter().collect();
            let stripped = strip_markdown(&line).into_owned();
            proptest::prop_assert_eq!(stripped, strip_markdown_by_regex(&line));
        }
    }

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
        }
    }

    #[test]
    fn a_menu_row_goes_and_a_table_stays() {
        let page = "首页 | 政务公开 | 政务服务 | 互动交流\n政务微博 | 政务微信 | 政务头条号\n某区2023年法治政府建设年度报告\n一、主要举措\n类别 | 数量 | 备注\n行政复议 | 12件 | 已办结\n联系我们 | 网站地图 | 使用帮助";
        let c = clean_text(page);
        assert_eq!(
            c.body,
            "某区2023年法治政府建设年度报告\n一、主要举措\n类别 | 数量 | 备注\n行政复议 | 12件 | 已办结"
        );
        let rules: Vec<&str> = c.removed.iter().map(|r| r.rule).collect();
        assert_eq!(rules, ["site_menu", "site_menu", "site_chrome"]);
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
    fn a_common_label_inside_the_report_is_report_text() {
        let prose = "全年共办理行政复议案件12件,依法纠错2件,行政机关负责人出庭应诉率100%。";
        let c = clean_text(&format!(
            "来源:某某县司法局\n{prose}\n名称:某某县行政执法案例\n{prose}\n来源:某某县人民政府"
        ));
        assert!(c.body.contains("名称:某某县行政执法案例"), "{}", c.body);
        assert!(!c.body.contains("来源"), "{}", c.body);
        assert_eq!(c.meta.source.as_deref(), Some("某某县司法局"));
    }

    #[test]
    fn empty_and_chrome_only_inputs_give_empty_body() {
        assert_eq!(clean_text("").body, "");
        let c = clean_text("微博\n微信\n`\n");
        assert_eq!(c.body, "");
        assert_eq!(c.removed.len(), 3);
    }
}
