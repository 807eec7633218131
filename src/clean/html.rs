//! The main content of a government web page, found from DOM evidence.
//!
//! Every element gets its text length, its link-text length and its class/id hints in one
//! bottom-up pass; the element with the best score (much text, few links, a content-like
//! class such as `TRS_Editor` or `zoom`, no navigation-like class) is the article. Its text is
//! rendered one block per line, table rows as `cell | cell` lines, and then goes through the
//! same text-level rules as a `.txt` page.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet as HashSet;

use super::dom::{Dom, Edge, Element, NodeData, NodeIx, TagRole, DOCUMENT};
use crate::lexicon::html::{CONTENT_HINTS, META_NAMES, NEGATIVE_HINTS, STRONG_CONTENT_HINTS};
use crate::model::PageMeta;
use crate::text::split_lines;

/// An element needs at least this much text to be the article.
const MIN_CONTENT_CHARS: usize = 40;
/// When one child holds this share of its parent's text, the child is the tighter container.
const DESCEND_SHARE: f64 = 0.85;
/// Separator between table cells on a rendered row.
pub const CELL_SEPARATOR: &str = " | ";

/// What the page gives: the article text (title first) and the metadata of the page.
#[derive(Debug, Clone, Default)]
pub struct HtmlContent {
    pub text: String,
    pub meta: PageMeta,
    /// Non-empty lines of the rendered page that are not in the article (site chrome).
    pub outside_lines: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    text_chars: usize,
    link_chars: usize,
}

/// Extracts the article of an HTML page. Never fails: a page with no recognisable article
/// gives its whole visible text.
pub fn extract_content(html: &str) -> HtmlContent {
    let dom = Dom::parse(&with_nbsp_decoded(html));
    let mut meta = read_meta_tags(&dom);
    let stats = element_stats(&dom);

    let root_id = dom.root_element();
    let content_id = best_container(&dom, &stats).unwrap_or(root_id);
    let text_chars = |id: NodeIx| stats[id as usize].text_chars;
    let content_text = render_text(&dom, content_id, text_chars(content_id));
    let page_text = render_text(&dom, root_id, text_chars(root_id));

    // Lines outside the article: chrome, and the visible metadata line (发布日期: … 来源: …).
    // (Lines found with memchr: `str::lines` looks for breaks a word at a time. Trimming
    // takes the `\r` that `lines` would, and empty lines never count as outside.)
    let inside: HashSet<&str> = split_lines(&content_text).map(str::trim).collect();
    let outside_lines: Vec<String> = split_lines(&page_text)
        .map(str::trim)
        .filter(|l| !l.is_empty() && !inside.contains(l))
        .map(String::from)
        .collect();
    for line in &outside_lines {
        super::read_page_metadata(line, &mut meta);
    }

    // The title is usually outside the article container: put it first.
    let mut text = String::with_capacity(content_text.len() + 128);
    if let Some(title) = page_title(&dom, &meta) {
        if memchr::memmem::find(content_text.as_bytes(), title.as_bytes()).is_none() {
            text.push_str(&title);
            text.push('\n');
        }
        meta.title.get_or_insert(title);
    }
    text.push_str(&content_text);
    HtmlContent {
        text,
        meta,
        outside_lines,
    }
}

/// `html` with every `&nbsp;` written as the character it stands for (U+00A0). Government
/// pages indent each paragraph with a run of them, and the HTML parser decodes each reference
/// through its general character-reference machinery, one of its costliest paths. Text,
/// attribute values and titles read the same either way; only raw-text elements would have
/// kept the reference as printed: script and style, which `SKIP_TAGS` leave out, and the
/// obsolete xmp, noembed and noframes, which now read U+00A0 where a browser shows `&nbsp;`
/// (report pages do not use them).
fn with_nbsp_decoded(html: &str) -> Cow<'_, str> {
    static NBSP: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("&nbsp;"));
    let mut found = NBSP.find_iter(html.as_bytes()).peekable();
    if found.peek().is_none() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for at in found {
        out.push_str(&html[copied..at]);
        out.push('\u{a0}');
        copied = at + "&nbsp;".len();
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// `<meta name=…>` tags many Chinese government sites fill (ArticleTitle, PubDate,
/// ContentSource), and the page's own address (`<link rel=canonical>`, `og:url`).
fn read_meta_tags(dom: &Dom) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut og_url = None;
    for node in &dom.nodes {
        let Some(e) = node.element().filter(|e| e.role.has(TagRole::META)) else {
            continue;
        };
        if &*e.name.local == "link" {
            let canonical = e.attr("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            });
            if canonical && meta.canonical_url.is_none() {
                meta.canonical_url = e.attr("href").and_then(absolute_url);
            }
            continue;
        }
        if e.attr("property")
            .is_some_and(|p| p.eq_ignore_ascii_case("og:url"))
            && og_url.is_none()
        {
            og_url = e.attr("content").and_then(absolute_url);
        }
        let (Some(name), Some(content)) = (e.attr("name"), e.attr("content")) else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        let Some((_, field)) = META_NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        else {
            continue;
        };
        let slot = match *field {
            "title" => &mut meta.title,
            "publish" => &mut meta.publish_raw,
            "source" => &mut meta.source,
            "site" => &mut meta.publisher,
            _ => continue,
        };
        slot.get_or_insert_with(|| content.to_string());
    }
    meta.canonical_url = meta.canonical_url.or(og_url);
    meta
}

/// An absolute http(s) address as a page declares it (a relative one has no base here).
fn absolute_url(href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    let absolute = lower.starts_with("http://") || lower.starts_with("https://");
    (absolute && !href.contains(char::is_whitespace)).then(|| href.to_string())
}

/// Text and link-text lengths of every node, indexed by node, summed bottom-up as a walk of
/// the tree leaves each node. Script and style text (`SKIP_TAGS`) counts for nothing, and a
/// skipped element passes nothing up. Nodes outside the tree count nothing.
fn element_stats(dom: &Dom) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); dom.nodes.len()];
    for edge in dom.edges(DOCUMENT) {
        let Edge::Close(ix) = edge else {
            continue;
        };
        let node = dom.node(ix);
        let own = match &node.data {
            NodeData::Text(t) => {
                if node
                    .parent()
                    .is_some_and(|p| dom.node(p).role().has(TagRole::SKIP))
                {
                    continue;
                }
                Stats {
                    text_chars: non_space_chars(t),
                    link_chars: 0,
                }
            }
            NodeData::Element(e) => {
                if e.role.has(TagRole::SKIP) {
                    continue;
                }
                let mut s = stats[ix as usize];
                if e.role.has(TagRole::LINK) {
                    s.link_chars = s.text_chars;
                }
                s
            }
            _ => continue,
        };
        stats[ix as usize] = own;
        if let Some(parent) = node.parent() {
            let p = &mut stats[parent as usize];
            p.text_chars += own.text_chars;
            p.link_chars += own.link_chars;
        }
    }
    stats
}

/// Characters of `text` that are not white space (`char::is_whitespace`), counted on its
/// bytes without decoding. Characters are the bytes that are not UTF-8 continuation bytes,
/// and ASCII white space is one byte each: both are counted in one branch-free pass, in
/// chunks short enough for byte-wide counters, which the compiler turns into vector code.
/// White space beyond ASCII (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000) is then found by its first byte, which in valid UTF-8 only ever starts a
/// character: U+3000 (common in Chinese text) by a substring search, the others by a search
/// for their three possible first bytes.
fn non_space_chars(text: &str) -> usize {
    static IDEOGRAPHIC_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("\u{3000}"));
    let bytes = text.as_bytes();
    let (mut chars, mut spaces) = (0usize, 0usize);
    for chunk in bytes.chunks(u8::MAX as usize) {
        let (mut chunk_chars, mut chunk_spaces) = (0u8, 0u8);
        for &b in chunk {
            chunk_chars += u8::from(crate::text::is_char_start(b));
            chunk_spaces += u8::from(matches!(b, b'\t'..=b'\r' | b' '));
        }
        chars += usize::from(chunk_chars);
        spaces += usize::from(chunk_spaces);
    }
    let tail = |i: usize| (bytes.get(i + 1).copied(), bytes.get(i + 2).copied());
    for i in memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes) {
        let space = match bytes[i] {
            0xC2 => matches!(bytes.get(i + 1), Some(0x85 | 0xA0)),
            0xE1 => tail(i) == (Some(0x9A), Some(0x80)),
            _ => matches!(
                tail(i),
                (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F))
            ),
        };
        spaces += usize::from(space);
    }
    spaces += IDEOGRAPHIC_SPACE.find_iter(bytes).count();
    chars - spaces
}

fn hints(e: &Element) -> String {
    let mut h = String::new();
    if let Some(id) = e.attr("id") {
        h.push_str(id);
    }
    h.push(' ');
    if let Some(c) = e.attr("class") {
        h.push_str(c);
    }
    h.to_ascii_lowercase()
}

/// How much an element's class/id (`hint`, lower case) says "article": strong content hints
/// anywhere ×3, else a navigation-like word start ×0.2, else a generic content hint ×1.5.
fn hint_factor(hint: &str) -> f64 {
    static STRONG: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(STRONG_CONTENT_HINTS).expect("hints compile"));
    static CONTENT: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(CONTENT_HINTS).expect("hints compile"));
    if STRONG.is_match(hint) {
        return 3.0;
    }
    if hint
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| NEGATIVE_HINTS.iter().any(|h| w.starts_with(h)))
    {
        return 0.2;
    }
    if CONTENT.is_match(hint) {
        return 1.5;
    }
    1.0
}

/// The element most likely to be the article, then tightened to a child that holds nearly
/// all of its text. Ties go to the element the parser created first.
fn best_container(dom: &Dom, stats: &[Stats]) -> Option<NodeIx> {
    let mut best: Option<(f64, NodeIx)> = None;
    for (ix, node) in dom.nodes.iter().enumerate() {
        let Some(e) = node.element() else {
            continue;
        };
        if e.role.has(TagRole::SKIP) || e.role.has(TagRole::NOT_ARTICLE) {
            continue;
        }
        let s = stats[ix];
        if s.text_chars < MIN_CONTENT_CHARS {
            continue;
        }
        let non_link = (s.text_chars - s.link_chars.min(s.text_chars)) as f64;
        let density = non_link / s.text_chars as f64;
        let score = non_link * density * density * hint_factor(&hints(e));
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, ix as NodeIx));
        }
    }
    let (_, mut id) = best?;
    // Descend while a single child carries nearly all the text.
    loop {
        let total = stats[id as usize].text_chars as f64;
        // Never into a script or style: its text is not shown, whatever its length (an
        // inline script opening the article would otherwise take the article's place). Only
        // into a container of blocks, never into one paragraph (a `<p>`, a `<div>` of text):
        // a report glued into one long paragraph has its title and opening beside it.
        let is_container = |c: NodeIx| {
            dom.children(c).any(|g| {
                dom.node(g)
                    .element()
                    .is_some_and(|e| e.role.has(TagRole::BLOCK))
            })
        };
        let next = dom.children(id).find(|&c| {
            dom.node(c).element().is_some_and(|e| {
                !e.role.has(TagRole::SKIP) && !e.role.has(TagRole::NOT_ARTICLE) && is_container(c)
            }) && stats[c as usize].text_chars as f64 >= DESCEND_SHARE * total
        });
        match next {
            Some(c) if total > 0.0 => id = c,
            _ => return Some(id),
        }
    }
}

/// Visible text of the subtree at `id`: blocks on their own lines, table cells separated by
/// `CELL_SEPARATOR`, scripts and styles skipped. `text_chars`, the subtree's characters that
/// are not white space, sizes the result up front (three bytes each, as most are CJK, plus
/// room for line breaks): growing it by doubling copied the text again and again.
fn render_text(dom: &Dom, id: NodeIx, text_chars: usize) -> String {
    let mut out = String::with_capacity(text_chars * 3 + text_chars / 8 + 64);
    let mut skip_depth = 0usize;
    // Where the current line starts in `out` (only `newline` adds line breaks): finding it
    // by searching back from the end made a row of many cells quadratic.
    let mut line_start = 0;
    for edge in dom.edges(id) {
        match edge {
            Edge::Open(n) => match &dom.node(n).data {
                NodeData::Element(e) => {
                    let role = e.role;
                    if role.has(TagRole::SKIP) {
                        skip_depth += 1;
                    } else if skip_depth == 0 {
                        if role.has(TagRole::LINE_BREAK) || role.has(TagRole::BLOCK) {
                            newline(&mut out);
                            line_start = out.len();
                        } else if role.has(TagRole::CELL) && !out[line_start..].trim().is_empty() {
                            out.push_str(CELL_SEPARATOR);
                        }
                    }
                }
                NodeData::Text(t) if skip_depth == 0 => push_text(&mut out, t),
                _ => {}
            },
            Edge::Close(n) => {
                let role = dom.node(n).role();
                if role.has(TagRole::SKIP) {
                    skip_depth = skip_depth.saturating_sub(1);
                } else if skip_depth == 0 && (role.has(TagRole::BLOCK) || role.has(TagRole::ROW)) {
                    newline(&mut out);
                    line_start = out.len();
                }
            }
        }
    }
    out
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Appends a text node with each run of ASCII white space (source formatting) as one space.
/// The text between runs is copied whole. Runs are found with memchr on bytes (ASCII white
/// space never occurs inside a multi-byte character): space and line breaks with one search,
/// the rare tab and form feed with another whose hit is kept until passed.
fn push_text(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut last_space = out.ends_with(' ') || out.ends_with('\n') || out.is_empty();
    let mut rare = memchr::memchr2(b'\t', b'\x0C', bytes);
    let mut i = 0;
    while i < bytes.len() {
        if rare.is_some_and(|r| r < i) {
            rare = memchr::memchr2(b'\t', b'\x0C', &bytes[i..]).map(|k| k + i);
        }
        let common = memchr::memchr3(b' ', b'\n', b'\r', &bytes[i..]).map(|k| k + i);
        let run_start = match (common, rare) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(bytes.len()),
        };
        if run_start > i {
            out.push_str(&text[i..run_start]);
            last_space = false;
        }
        let run_end = bytes[run_start..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(bytes.len(), |k| k + run_start);
        if run_end > run_start && !last_space {
            out.push(' ');
            last_space = true;
        }
        i = run_end;
    }
}

/// The report's title: ArticleTitle, else the first `<h1>`/`<h2>` with real text, else
/// `<title>` without its `_站点名` / `-站点名` suffix.
fn page_title(dom: &Dom, meta: &PageMeta) -> Option<String> {
    if let Some(t) = meta
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return Some(t.to_string());
    }
    let mut title_tag = None;
    for (ix, node) in dom.nodes.iter().enumerate() {
        let role = node.role();
        if !role.has(TagRole::TITLE) && !role.has(TagRole::TITLE_HEADING) {
            continue;
        }
        let text = dom.text_of(ix as NodeIx);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if role.has(TagRole::TITLE) {
            title_tag.get_or_insert(text);
        } else if text.chars().count() >= 6 {
            return Some(text);
        }
    }
    let t = title_tag?;
    // `报告标题_站点名`, `报告标题 - 栏目 - 站点名`: the site's name is not the title.
    let cut = t.split(['_', '|']).next().unwrap_or(&t);
    let cut = cut.split(" - ").next().unwrap_or(cut).trim();
    (!cut.is_empty()).then(|| cut.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>某街道2023年法治政府建设年度报告_某区人民政府</title>
<meta name="ArticleTitle" content="某街道2023年法治政府建设年度报告"><meta name="PubDate" content="2024-01-15 09:30">
<meta name="ContentSource" content="某街道办事处"><script>var x = "一、不是正文";</script><style>.a{}</style></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<div class="nav"><ul><li><a href="/1">机构概况</a></li><li><a href="/2">政务公开</a></li><li><a href="/3">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="main"><div class="left"><h3>相关文章</h3><ul><li><a href="/x">某街道2022年法治政府建设年度报告</a></li><li><a href="/y">关于印发某方案的通知</a></li></ul></div>
<div class="article"><h1>某街道2023年法治政府建设年度报告</h1><div class="info">发布日期：2024-01-15 来源：某街道办事处 浏览次数：</div>
<div class="TRS_Editor"><p>&nbsp;&nbsp;一、主要举措和成效</p><p>（一）强化法治建设统筹。共计立案查处390件，罚款金额136161元。</p>
<table><tr><th>指标</th><th>数量</th></tr><tr><td>受理案件</td><td>285宗</td></tr></table><p>二、存在的不足</p><p>宣传形式单一。</p></div></div></div>
<div class="footer"><p>主办：某区人民政府办公室 版权所有</p><p>粤ICP备05083207号-1</p></div></body></html>"#;

    #[test]
    fn non_space_chars_counts_as_char_is_whitespace_does() {
        let mut samples: Vec<String> = [
            "",
            " ",
            "正文",
            "a\u{3000}b\u{a0} c\u{85}",
            "。、《》\u{2003}x\u{205f}\u{1680}\u{2028}\u{202f}",
            "\u{b}\u{c}\t\r\n",
            "\u{ff}\u{1000}\u{3001}𠀀",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every character from U+0000 to U+3100, each between two letters.
        samples.extend(
            (0..0x3100u32)
                .filter_map(char::from_u32)
                .map(|c| format!("a{c}b")),
        );
        for s in &samples {
            let want = s.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(non_space_chars(s), want, "{s:?}");
        }
    }

    proptest::proptest! {
        /// Long text nodes too: the byte counters run in chunks, and a white space character
        /// can straddle two chunks.
        #[test]
        fn non_space_chars_counts_long_text_as_char_is_whitespace_does(
            s in "([ \t\n\u{a0}\u{85}\u{3000}\u{2000}-\u{200b}\u{2028}\u{202f}\u{205f}\u{1680}。、“”…—a-z0-9]|[\u{4e00}-\u{4e20}]|\\PC){0,700}"
        ) {
            let want = s.chars().filter(|c| !c.is_whitespace()).count();
            proptest::prop_assert_eq!(non_space_chars(&s), want);
        }
    }

    #[test]
    fn nbsp_references_read_as_the_parser_reads_them() {
        let page = |nbsp: &str| {
            format!(
                "<html><head><title>报告{nbsp}标题</title><meta name=\"ContentSource\" content=\"某{nbsp}街道\"></head>\
                 <body><div class=\"TRS_Editor\"><p>{nbsp}{nbsp}一、主要举措和成效。全年办理行政复议案件12件，\
                 罚款金额136161元，&amp;nbsp;照印。</p><p>{nbsp}二、存在的不足。宣传形式单一，覆盖面不广。</p></div></body></html>"
            )
        };
        let by_reference = extract_content(&page("&nbsp;"));
        let by_character = extract_content(&page("\u{a0}"));
        assert_eq!(by_reference.text, by_character.text);
        assert_eq!(by_reference.meta.source, by_character.meta.source);
        assert_eq!(by_reference.meta.title, by_character.meta.title);
        assert!(by_reference.text.contains("\u{a0}\u{a0}一、主要举措和成效"));
        // An escaped reference stays text, as printed.
        assert!(
            by_reference.text.contains("&nbsp;照印"),
            "{}",
            by_reference.text
        );
        assert!(matches!(with_nbsp_decoded("<p>正文</p>"), Cow::Borrowed(_)));
        assert_eq!(
            with_nbsp_decoded("a&nbsp;&nbsp;b&nbsp"),
            "a\u{a0}\u{a0}b&nbsp"
        );
    }

    #[test]
    fn a_long_script_inside_the_article_is_not_taken_for_it() {
        let script = "var x = 1;".repeat(300);
        let page = format!(
            "<html><body><div class=\"nav\"><a href=\"/\">首页</a></div><div class=\"article\">\
             <script>{script}</script>\
             <p>一、主要举措和成效。全年办理行政复议案件12件，罚款金额136161元，\
             调解矛盾纠纷85宗，开展法治宣传活动36场。</p></div></body></html>"
        );
        let c = extract_content(&page);
        assert!(c.text.contains("全年办理行政复议案件12件"), "{:?}", c.text);
    }

    #[test]
    fn a_report_glued_into_one_paragraph_keeps_the_paragraphs_beside_it() {
        let glued = "全年办理行政复议案件12件，调解矛盾纠纷85宗，开展法治宣传活动36场。".repeat(20);
        let page = format!(
            "<html><head><title></title></head><body><div class=\"content\">\
             <p>关于某某区2025年度法治政府</p><p>建设情况的报告</p><p>{glued}</p></div></body></html>"
        );
        let c = extract_content(&page);
        assert!(
            c.text
                .starts_with("关于某某区2025年度法治政府\n建设情况的报告\n"),
            "{:?}",
            c.text
        );
        assert!(c.outside_lines.is_empty(), "{:?}", c.outside_lines);
        // The same in `<div>`s of text, and still tightened to a wrapper holding it all.
        let page = format!(
            "<html><body><div class=\"nav\"><a href=\"/\">首页</a></div><div><div>\
             <div>关于某某区2025年度法治政府</div><div>建设情况的报告</div><div>{glued}</div>\
             </div></div></body></html>"
        );
        let c = extract_content(&page);
        assert!(
            c.text
                .starts_with("关于某某区2025年度法治政府\n建设情况的报告\n"),
            "{:?}",
            c.text
        );
        assert_eq!(c.outside_lines, ["首页"]);
    }

    #[test]
    fn push_text_collapses_white_space_like_a_walk_over_the_characters() {
        let by_walking = |out: &str, text: &str| {
            let mut out = out.to_string();
            let mut last_space = out.ends_with(' ') || out.ends_with('\n') || out.is_empty();
            for c in text.chars() {
                if c.is_ascii_whitespace() {
                    if !last_space {
                        out.push(' ');
                        last_space = true;
                    }
                } else {
                    out.push(c);
                    last_space = false;
                }
            }
            out
        };
        for out in ["", "前文", "前文 ", "前文\n"] {
            for text in [
                "",
                " ",
                "\n\t  ",
                "正文",
                "  正\r\n 文 ",
                "a\u{3000}b\u{a0} c",
                "尾 ",
            ] {
                let mut got = out.to_string();
                push_text(&mut got, text);
                assert_eq!(got, by_walking(out, text), "{out:?} + {text:?}");
            }
        }
        let alphabet = [
            " ", "\n", "\t", "\r", "\u{c}", "正", "a", "\u{3000}", "\u{a0}", "\u{b}",
        ];
        let mut rng = fastrand::Rng::with_seed(3);
        for _ in 0..2000 {
            let out: String = (0..rng.usize(0..3))
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect();
            let text: String = (0..rng.usize(0..10))
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect();
            let mut got = out.clone();
            push_text(&mut got, &text);
            assert_eq!(got, by_walking(&out, &text), "{out:?} + {text:?}");
        }
    }

    #[test]
    fn finds_the_article_and_its_metadata() {
        let c = extract_content(PAGE);
        let lines: Vec<&str> = c.text.lines().map(str::trim).collect();
        assert_eq!(lines[0], "某街道2023年法治政府建设年度报告");
        assert!(lines.contains(&"一、主要举措和成效"));
        assert!(lines.contains(&"（一）强化法治建设统筹。共计立案查处390件，罚款金额136161元。"));
        assert!(lines.contains(&"受理案件 | 285宗"), "{lines:?}");
        for chrome in [
            "机构概况",
            "当前位置",
            "ICP备",
            "相关文章",
            "不是正文",
            "版权所有",
        ] {
            assert!(!c.text.contains(chrome), "{chrome} kept in {}", c.text);
        }
        assert_eq!(
            c.meta.title.as_deref(),
            Some("某街道2023年法治政府建设年度报告")
        );
        assert_eq!(c.meta.publish_raw.as_deref(), Some("2024-01-15 09:30"));
        assert_eq!(c.meta.source.as_deref(), Some("某街道办事处"));
        assert!(c.outside_lines.iter().any(|l| l.contains("ICP备")));
    }

    #[test]
    fn visible_metadata_line_fills_missing_meta_tags() {
        let page = r#"<html><head><title>报告</title></head><body><div class="xxgk-info"><table><tr><td>索引号：</td><td>11440105MB2C92341K/2023-00123</td><td>发布机构：</td><td>海珠区海幢街道办事处</td></tr><tr><td>发布日期：</td><td>2023-12-14</td><td>文号：</td><td>无</td></tr></table></div>
<div id="zoom"><p>2023年，海幢街道深入学习贯彻习近平法治思想，扎实推进法治政府建设各项工作，现将年度情况汇报如下：</p><p>一、2023年主要工作</p></div></body></html>"#;
        let c = extract_content(page);
        assert_eq!(c.meta.publish_raw.as_deref(), Some("2023-12-14"));
        assert_eq!(c.meta.publisher.as_deref(), Some("海珠区海幢街道办事处"));
        assert_eq!(
            c.meta.index_no.as_deref(),
            Some("11440105MB2C92341K/2023-00123")
        );
        assert!(c.text.contains("一、2023年主要工作"));
        assert!(!c.text.contains("索引号"));
    }

    #[test]
    fn truncated_and_empty_pages_do_not_panic() {
        for page in [
            "",
            "<html><body><div class=\"TRS_Editor\"><p>一、主要举措",
            "<<<>>>",
            "<p>只有一句话。</p>",
        ] {
            let c = extract_content(page);
            assert!(c.text.len() <= page.len() + 64);
        }
        let c = extract_content("<html><body><div class=\"TRS_Editor\"><p>一、主要举措和成效。全年共计立案查处390件，罚款金额136161元，执结率87.5%。");
        assert!(c.text.contains("立案查处390件"));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let page = format!("<html><body>{}<p>一、主要举措和成效。共计立案查处390件，罚款金额136161元。</p>{}</body></html>", "<div>".repeat(5000), "</div>".repeat(5000));
        let c = extract_content(&page);
        assert!(c.text.contains("立案查处390件"));
    }
}
