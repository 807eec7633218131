//! Single-line chrome rules: a line is website chrome only on positive evidence (a breadcrumb
//! opener, a page-metadata label, a footer marker on a short line, an aggregator's banner, a
//! file-name line); anything else is report text. Rules that need the lines around a line
//! (the page header, bylines, label-then-value blocks) are in `super::header`.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::lexicon::boilerplate::{
    AGGREGATOR_MARKERS, AGGREGATOR_MAX_CHARS, ARTICLE_LINK_LABELS, BARS, BREADCRUMB_HOME,
    BREADCRUMB_PREFIXES, BREADCRUMB_SEPARATORS, CHROME_EXACT, CHROME_MARKERS, CHROME_MAX_CHARS,
    FILE_EXTENSIONS, FOOTER_CONTACT_LABELS, MENU_ITEM_MAX_CHARS, MENU_MIN_ITEMS, SEPARATOR_CHARS,
    SITE_NAME_ENDINGS, WEEKDAY_WORDS, WIDGET_BRACKETS,
};
use crate::lexicon::page_meta::META_LEADERS;

use super::has_at_most_chars;
use super::page_meta::{read_meta_line, MetaValue};

/// `，` searched as its bytes.
static COMMA: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("，"));
/// Breadcrumb openers without their spaces, computed once.
static BREADCRUMBS_COMPACT: LazyLock<Vec<String>> = LazyLock::new(|| {
    BREADCRUMB_PREFIXES
        .iter()
        .map(|p| p.replace(' ', ""))
        .collect()
});
/// Which word lists a line has a word of (see `markers_in`).
#[derive(Clone, Copy, Default)]
struct Markers {
    chrome: bool,
    aggregator: bool,
    weekday: bool,
}

/// The chrome markers, the aggregators' banner words and the weekday words in one automaton,
/// each pattern with the list it is in: a short line is searched once for all three.
static LINE_MARKERS: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let (words, lists): (Vec<&str>, Vec<usize>) =
        [CHROME_MARKERS, AGGREGATOR_MARKERS, WEEKDAY_WORDS]
            .iter()
            .enumerate()
            .flat_map(|(k, list)| list.iter().map(move |w| (*w, k)))
            .unzip();
    let automaton = AhoCorasick::new(words).expect("line markers compile");
    (automaton, lists)
});

/// The marker lists `line` has a word of. Most lines have none: one search says so; a line
/// with a marker is read again for every match, overlapping ones too (`由会员分享到`).
fn markers_in(line: &str) -> Markers {
    let (automaton, lists) = &*LINE_MARKERS;
    let mut found = Markers::default();
    if !automaton.is_match(line) {
        return found;
    }
    for m in automaton.find_overlapping_iter(line) {
        match lists[m.pattern().as_usize()] {
            0 => found.chrome = true,
            1 => found.aggregator = true,
            _ => found.weekday = true,
        }
    }
    found
}
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

/// Longest breadcrumb line that is recognised by `首页 >` inside it (characters).
const BREADCRUMB_MAX_CHARS: usize = 80;
/// Longest line (characters) searched for an aggregator's banner wherever it stands; longer
/// lines are searched only at the top and bottom of a page (`super::clean_with_reading`).
const AGGREGATOR_LINE_MAX_CHARS: usize = 60;
/// Longest file-name line (characters).
const FILE_NAME_MAX_CHARS: usize = 80;
/// Longest site-name line (characters).
const SITE_NAME_MAX_CHARS: usize = 30;
/// Longest menu row (characters).
const MENU_MAX_CHARS: usize = 120;

/// Which chrome rule, if any, removes this (trimmed) line. Rules read the simplified reading
/// of a traditional page.
pub fn chrome_rule(line: &str) -> Option<&'static str> {
    chrome_verdict(line, &mut None)
}

/// `chrome_rule`, also putting into `fields` the fields of a page-metadata line when the rule
/// read them (the clean stage keeps them rather than reading the line again).
pub fn chrome_verdict(line: &str, fields: &mut Option<Vec<MetaValue>>) -> Option<&'static str> {
    if line.chars().all(|c| SEPARATOR_CHARS.contains(&c)) {
        return Some("separator");
    }
    // List bullets and brackets around a short chrome word (`- 设为首页`, `【打印】`).
    let bare = line.trim_matches(META_LEADERS);
    if line.len() <= *CHROME_EXACT_MAX_BYTES + 8
        && (CHROME_EXACT.contains(&line) || CHROME_EXACT.contains(&bare))
    {
        return Some("site_chrome");
    }
    // Paragraphs end with their last sentence: most lines answer at their last character,
    // before a search through Chinese text (where `。`'s bytes are common) is needed.
    let has_sentence_end =
        line.ends_with('。') || crate::text::FULL_STOP.find(line.as_bytes()).is_some();
    // A trail has no sentence in it; its opener is checked on every line all the same.
    if breadcrumb_opener(bare) || (!has_sentence_end && breadcrumb_trail(bare)) {
        return Some("breadcrumb");
    }
    // Lines short enough for a marker rule are searched for the three lists once.
    let up_to_aggregator_length = has_at_most_chars(line, AGGREGATOR_LINE_MAX_CHARS);
    let short = !has_sentence_end && has_at_most_chars(line, CHROME_MAX_CHARS);
    let markers = if up_to_aggregator_length || short {
        markers_in(line)
    } else {
        Markers::default()
    };
    if up_to_aggregator_length && markers.aggregator {
        return Some("aggregator_banner");
    }
    if !short {
        return None;
    }
    if let Some(values) = read_meta_line(line) {
        *fields = Some(values);
        return Some("page_metadata");
    }
    let chars = line.chars().count();
    // A font-size widget without its colon (`字号 大 中 小`, `字体【 】`).
    let mut visible = bare.chars().filter(|c| !c.is_whitespace());
    if chars <= 20 && visible.next() == Some('字') && matches!(visible.next(), Some('号' | '体'))
    {
        return Some("page_metadata");
    }
    if chars <= FILE_NAME_MAX_CHARS && ends_with_file_extension(line) && !line.contains(['，', ','])
    {
        return Some("file_name");
    }
    if links_to_other_articles(bare) || footer_contact(line) {
        return Some("site_chrome");
    }
    if chars >= 4 && is_widget_row(bare) {
        return Some("site_chrome");
    }
    if chars <= SITE_NAME_MAX_CHARS
        && SITE_NAME_ENDINGS.iter().any(|e| bare.ends_with(e))
        && !crate::structure::starts_with_heading_marker(bare)
        && !bare.contains(['，', ',', '、'])
    {
        return Some("site_header");
    }
    // Markers are searched in the line, then (only when it has spaces, which can split
    // a marker: `版 权 所 有`) in the line without them.
    let compact = || -> String { line.chars().filter(|c| !c.is_whitespace()).collect() };
    if markers.chrome || (line.contains(char::is_whitespace) && markers_in(&compact()).chrome) {
        return Some("site_chrome");
    }
    // `天津市静海区人民政府 2019年12月3日星期二`: the server's "today" in the site header.
    let has_digit = || line.chars().any(|c| matches!(c, '0'..='9' | '０'..='９'));
    if chars <= 40 && markers.weekday && has_digit() {
        return Some("site_header_date");
    }
    None
}

/// A row of two or more widget buttons (`打印本页 关闭窗口`, `【打印】 【关闭】`, `搜索 高级搜索`):
/// every word between spaces, brackets and bars is a whole-line chrome word.
fn is_widget_row(line: &str) -> bool {
    // Two words need a space, a bracket or a bar between them (most lines have none).
    let bytes = line.as_bytes();
    if memchr::memchr2(b' ', b'[', bytes).is_none()
        && LENTICULAR.find(bytes).is_none()
        && !line.contains('\u{3000}')
        && !has_bar(line)
    {
        return false;
    }
    let mut n = 0;
    for w in line
        .split(|c: char| c.is_whitespace() || BARS.contains(&c) || WIDGET_BRACKETS.contains(&c))
        .filter(|w| !w.is_empty())
    {
        if !CHROME_EXACT.contains(&w) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// A site's menu (`首页 | 政务公开 | 政务服务 | 互动交流`): three or more short items between
/// bars, no digit and no punctuation. A row beside a table row (bars, and numbers or
/// sentences) is the table's header, not a menu (`super::clean_with_reading` looks).
pub fn is_menu_row(line: &str) -> bool {
    // A paragraph is longer than any menu: most lines are answered by their length.
    if line.len() > 4 * MENU_MAX_CHARS || !has_bar(line) || line.starts_with(BARS) {
        return false;
    }
    if !has_at_most_chars(line, MENU_MAX_CHARS)
        || line.chars().any(|c| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || "，。；：、,.;:！？!?".contains(c)
        })
    {
        return false;
    }
    let items: Vec<&str> = line
        .split(BARS)
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    items.len() >= MENU_MIN_ITEMS
        && items
            .iter()
            .all(|i| (2..=MENU_ITEM_MAX_CHARS).contains(&i.chars().count()))
}

/// `【`, searched as its bytes.
static LENTICULAR: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("【"));
/// The bars of `BARS` that are not ASCII, searched as their bytes.
static WIDE_BARS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    BARS.iter()
        .filter(|c| !c.is_ascii())
        .map(|c| memchr::memmem::Finder::new(c.to_string().as_bytes()).into_owned())
        .collect()
});

/// Whether `line` has one of `BARS` (memchr: every line is asked).
pub fn has_bar(line: &str) -> bool {
    let bytes = line.as_bytes();
    BARS.iter()
        .filter(|c| c.is_ascii())
        .any(|&c| memchr::memchr(c as u8, bytes).is_some())
        || WIDE_BARS.iter().any(|f| f.find(bytes).is_some())
}

/// `上一篇：…`, `【相关链接】`: the site's links to its other articles.
fn links_to_other_articles(line: &str) -> bool {
    ARTICLE_LINK_LABELS.iter().any(|label| {
        line.strip_prefix(label).is_some_and(|rest| {
            // `【下一篇】关于…`: the bracket closing the label is as good as a colon.
            let unbracketed = rest.trim_start_matches(['】', ']']);
            unbracketed.len() < rest.len() || rest.trim_start().starts_with([':', '：'])
        })
    })
}

/// `联系电话：…  地址：…`: a footer's contact block (two of its labels on one short line).
fn footer_contact(line: &str) -> bool {
    FOOTER_CONTACT_LABELS
        .iter()
        .filter(|label| line.contains(*label))
        .take(2)
        .count()
        == 2
}

/// Whether `line` ends with a file extension. Every extension starts with a dot: a line with no
/// dot among its last bytes (nearly all) is not compared with each of them.
fn ends_with_file_extension(line: &str) -> bool {
    static LONGEST: LazyLock<usize> =
        LazyLock::new(|| FILE_EXTENSIONS.iter().map(|e| e.len()).max().unwrap_or(0));
    let tail = &line.as_bytes()[line.len().saturating_sub(*LONGEST)..];
    tail.contains(&b'.') && FILE_EXTENSIONS.iter().any(|e| line.ends_with(e))
}

/// An aggregator's banner (`下面是小编为大家整理的…`, `由会员分享`): searched in short lines
/// anywhere and, up to `AGGREGATOR_MAX_CHARS`, in the first and last lines of a page.
pub fn is_aggregator_banner(line: &str) -> bool {
    has_at_most_chars(line, AGGREGATOR_MAX_CHARS) && markers_in(line).aggregator
}

/// A line that opens with a breadcrumb opener (`您当前所在的位置`, `首页 >`).
fn breadcrumb_opener(line: &str) -> bool {
    // Recognised from the line's first 16 characters, spaces ignored.
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
        return true;
    }
    false
}

/// `首页` followed by a trail separator on a short line without clause punctuation, or a
/// trail's continuation (`>栏目 >公示公告`).
fn breadcrumb_trail(line: &str) -> bool {
    if !has_at_most_chars(line, BREADCRUMB_MAX_CHARS)
        || line.as_bytes().contains(&b',')
        || COMMA.find(line.as_bytes()).is_some()
    {
        return false;
    }
    static HOME: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(BREADCRUMB_HOME));
    if let Some(at) = HOME.find(line.as_bytes()) {
        let after = line[at + BREADCRUMB_HOME.len()..].trim_start();
        let before = &line[..at];
        // `首页` opens the trail, or follows a `位置` opener without its colon.
        let opens = before.chars().count() <= 12;
        if opens
            && BREADCRUMB_SEPARATORS
                .iter()
                .any(|s| after.starts_with(s.trim()))
        {
            return true;
        }
        if after.is_empty() && before.contains("位置") {
            return true;
        }
    }
    // `>泉城普法网 >公示公告`: a trail broken over two lines.
    line.starts_with(['>', '»', '＞'])
        && line.matches(['>', '»', '＞']).count() >= 2
        && has_at_most_chars(line, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_search_finds_each_marker_list_even_when_words_overlap() {
        assert!(markers_in("主办单位：某市人民政府").chrome);
        let both = markers_in("2019年12月3日星期二 网站地图");
        assert!(both.weekday && both.chrome && !both.aggregator);
        // An aggregator's word running into a chrome word: both are found.
        let overlapping = markers_in("由会员分享到");
        assert!(overlapping.aggregator && overlapping.chrome);
        assert!(!markers_in("一、主要举措和成效").chrome);
    }

    #[test]
    fn file_extensions_end_a_line_after_a_dot() {
        assert!(FILE_EXTENSIONS.iter().all(|e| e.starts_with('.')));
        assert!(ends_with_file_extension("某局2022年报告.docx"));
        assert!(ends_with_file_extension("报告.PDF"));
        assert!(!ends_with_file_extension("报告docx"));
        assert!(!ends_with_file_extension("一、主要举措"));
    }

    #[test]
    fn breadcrumbs_in_every_form() {
        for line in [
            "当前位置： 首页 > 政务公开",
            "您 当前 的 位置：首页",
            "您现在的位置 首页 > 五公开专栏 > 结果公开",
            "首页 -> 政务公开 -> 其他政府信息 -> 工作报告",
            "首页→ 网站公告",
            "首页> 某某区域> 某区> 正文",
            "首页 >> 信息公开 >> 公示公告 >> 正文",
            "您当前的位置是: 首页",
            ">某某普法网 >公示公告",
            "当前所在位置:首页 - 某省资讯",
        ] {
            assert_eq!(chrome_rule(line), Some("breadcrumb"), "{line}");
        }
        // Prose about the home page is not a trail.
        assert_eq!(
            chrome_rule("在门户网站首页开设法治政府建设专栏，及时发布信息。"),
            None
        );
    }

    #[test]
    fn aggregator_banners_even_with_a_full_stop() {
        for line in [
            "下面是小编为大家整理的2023年某镇法治政府建设工作报告,供大家参考。",
            "……(开头部分已省略600字)",
            "仅展示500字,全文共2100字",
            "《某局2022年法治政府建设情况报告.docx》由会员分享,可在线阅读,更多相关请在某某网下载",
        ] {
            assert_eq!(chrome_rule(line), Some("aggregator_banner"), "{line}");
        }
    }

    #[test]
    fn report_lines_that_mention_links_or_contacts_are_kept() {
        for line in [
            "上一篇章讲述了依法行政的做法",
            "相关链接不畅的问题已整改",
            "开通12345热线，公布联系电话",
            "（一）下一步工作安排：持续推进法治建设",
        ] {
            assert_eq!(chrome_rule(line), None, "{line}");
        }
    }

    #[test]
    fn widgets_nav_and_file_names() {
        for (line, rule) in [
            ("大", "site_chrome"),
            ("- 设为首页", "site_chrome"),
            ("- 长者版", "site_chrome"),
            (
                "设为首页 | 收藏本站 | 网站地图 | 无障碍辅助浏览工具条",
                "site_chrome",
            ),
            ("字体【      】", "page_metadata"),
            ("某某街2020年法治政府建设情况.docx", "file_name"),
            ("阅读:0", "page_metadata"),
            ("上一篇：某区2023年政府信息公开工作年度报告", "site_chrome"),
            ("【下一篇】: 关于公布行政执法主体的公告", "site_chrome"),
            ("相关链接：", "site_chrome"),
            (
                "联系电话：0531-87654321  地址：某市某区经十路1号",
                "site_chrome",
            ),
            // Widget buttons on one line, counters, the site's name.
            ("打印本页 关闭窗口", "site_chrome"),
            ("【打印】 【关闭】", "site_chrome"),
            ("搜索 高级搜索", "site_chrome"),
            ("您是第 1234567 位访问者", "site_chrome"),
            ("扫码关注政务微信", "site_chrome"),
            ("某某县人民政府门户网站", "site_header"),
        ] {
            assert_eq!(chrome_rule(line), Some(rule), "{line}");
        }
        // A heading about the site, a sentence naming it.
        for line in [
            "（三）加强政府门户网站",
            "依托县政府门户网站，公开信息120条",
            "打印本页上的表格",
        ] {
            assert_eq!(chrome_rule(line), None, "{line}");
        }
    }

    #[test]
    fn menu_rows_are_short_items_between_bars() {
        assert!(is_menu_row("首页 | 政务公开 | 政务服务 | 互动交流"));
        assert!(is_menu_row("政务微博丨政务微信丨政务头条号"));
        // Numbers, punctuation, long cells, two items, a Markdown table row.
        assert!(!is_menu_row("行政复议 | 12 | 件"));
        assert!(!is_menu_row("复议 | 诉讼 | 调解，合计"));
        assert!(!is_menu_row(
            "项目 | 全面推进依法行政工作落实情况说明 | 备注"
        ));
        assert!(!is_menu_row("政务公开 | 政务服务"));
        assert!(!is_menu_row("| 项目 | 内容 | 备注 |"));
    }
}
