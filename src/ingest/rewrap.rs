//! Plain text hard-wrapped at a fixed width (pdftotext output, a fixed-width editor, an
//! e-mail) has its paragraphs cut into lines of one length, so titles, sentences and
//! numbers are split where the width fell. Such text is recognised by its line widths and
//! its lines joined back into paragraphs, as `layout` does for positioned PDF text.
//!
//! A width is counted two ways, since tools wrap either by characters (`fold`) or by
//! columns (a CJK character is two columns, a digit one); the one under which more lines
//! reach the same margin is the text's.

use super::layout::{needs_space, PAGE_NUMBER_LINE};

/// The narrowest wrap recognised, in characters (or columns / 2): shorter lines are lists,
/// tables or headings, whose breaks are meant.
const MIN_WRAP_CHARS: usize = 16;

/// Lines that must reach the margin before a text counts as wrapped.
const MIN_FULL_LINES: usize = 4;

/// Share (in percent) of the lines longer than half the margin that reach it: in wrapped
/// text every line of a paragraph but its last does; in text with one paragraph a line,
/// lines of one length are a coincidence.
const MIN_FULL_SHARE_PERCENT: usize = 40;

/// Share (in percent) of those lines allowed past the margin and its overhang (a long URL
/// or number that could not be broken): in text that is not wrapped, paragraphs run past
/// any common length.
const MAX_OVERLONG_SHARE_PERCENT: usize = 10;

/// How a line's width is counted.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Measure {
    Chars,
    Columns,
}

impl Measure {
    /// The width of a line measured by `line_widths`.
    fn of(self, (chars, columns): (usize, usize)) -> usize {
        match self {
            Measure::Chars => chars,
            Measure::Columns => columns,
        }
    }

    /// Widths below the margin that still reach it: with columns a line ends one column
    /// short when the next character is a wide one.
    fn shortfall(self) -> usize {
        match self {
            Measure::Chars => 0,
            Measure::Columns => 1,
        }
    }

    /// Widths past the margin that still are one line of the wrap: closing punctuation is
    /// kept on the line it closes (the Chinese line-breaking rule), up to three marks.
    fn overhang(self) -> usize {
        match self {
            Measure::Chars => 3,
            Measure::Columns => 6,
        }
    }

    fn min_wrap(self) -> usize {
        match self {
            Measure::Chars => MIN_WRAP_CHARS,
            Measure::Columns => 2 * MIN_WRAP_CHARS,
        }
    }
}

/// The widest margin looked for, in columns (100 CJK characters, twice a printed page's
/// line): wider lines are paragraphs, not a wrap.
const MAX_WRAP: usize = 200;

/// Bytes past which a line is past any margin under both measures: at least a quarter of its
/// bytes are characters, at least half of them columns.
const PAST_ANY_MARGIN_BYTES: usize = 4 * (MAX_WRAP + 3);

/// A line's width in characters and in display columns. Every character of two or more
/// bytes (CJK, full-width forms, and the quotes and dashes a Chinese font sets full width)
/// counts two columns, which for the usual one- and three-byte mix is (bytes + chars) / 2: no
/// character is decoded (every input text passes here).
fn line_widths(line: &str) -> (usize, usize) {
    let chars = line.chars().count();
    (chars, (line.len() + chars).div_ceil(2))
}

/// The margin a text is wrapped at under one measure, and the share of long lines that
/// reach it (percent); `None` when the text is not wrapped under it.
fn margin(widths: &[(usize, usize)], measure: Measure) -> Option<(usize, usize)> {
    let mut counts = [0u32; MAX_WRAP + 1];
    for &w in widths {
        let w = measure.of(w);
        if (measure.min_wrap()..=MAX_WRAP).contains(&w) {
            counts[w] += 1;
        }
    }
    // The most common width (the wider on a tie): in wrapped text, the margin.
    let wrap = (measure.min_wrap()..=MAX_WRAP).max_by_key(|&w| (counts[w], w))?;
    if counts[wrap] == 0 {
        return None;
    }
    let (mut long, mut full_lines, mut overlong) = (0, 0, 0);
    for &w in widths {
        let w = measure.of(w);
        if 2 * w <= wrap {
            continue;
        }
        long += 1;
        if w > wrap + measure.overhang() {
            overlong += 1;
        } else if w + measure.shortfall() >= wrap {
            full_lines += 1;
        }
    }
    let share = 100 * full_lines / long.max(1);
    (full_lines >= MIN_FULL_LINES
        && share >= MIN_FULL_SHARE_PERCENT
        && 100 * overlong <= MAX_OVERLONG_SHARE_PERCENT * long)
        .then_some((wrap, share))
}

/// The spaces every line of a paragraph is set in by (`pdftotext -layout` keeps the page's
/// left margin): the most common indent of the lines that reach the wrap.
fn base_indent(lines: &[&str], widths: &[(usize, usize)], measure: Measure, wrap: usize) -> usize {
    let mut counts = [0u32; MAX_WRAP + 1];
    for (line, &w) in lines.iter().zip(widths) {
        if measure.of(w) + measure.shortfall() >= wrap {
            let indent = line.len() - line.trim_start_matches(' ').len();
            counts[indent.min(MAX_WRAP)] += 1;
        }
    }
    (0..=MAX_WRAP)
        .max_by_key(|&n| (counts[n], std::cmp::Reverse(n)))
        .unwrap_or(0)
}

/// A line that starts a paragraph of its own even after a full line: an indented line (a
/// full-width space, a tab or two spaces: one space is where a wrap fell), a Markdown
/// block, or a heading or list marker.
fn starts_paragraph(line: &str) -> bool {
    line.starts_with(['\u{3000}', '\t'])
        || PARAGRAPH_PREFIXES.iter().any(|p| line.starts_with(p))
        || crate::structure::starts_with_heading_marker(line.trim_start())
}

/// Line starts that open a paragraph: an indent, Markdown headings, lists, quotes, tables.
const PARAGRAPH_PREFIXES: &[&str] = &["  ", "#", "- ", "* ", "+ ", "> ", "|"];

/// The text with lines broken at its wrap width joined back into paragraphs, or `None`
/// when it is not hard-wrapped (most text: lines are paragraphs already).
pub fn rejoin_wrapped_lines(text: &str) -> Option<String> {
    // Refused on line lengths alone first (most texts): too few lines long enough to be a
    // wrap, or more lines past any margin than a wrapped text may have.
    let (mut long_enough, mut past_any, mut written) = (0, 0, 0);
    for line in text.split('\n') {
        long_enough += usize::from(line.len() >= MIN_WRAP_CHARS);
        past_any += usize::from(line.len() > PAST_ANY_MARGIN_BYTES);
        written += usize::from(!line.trim().is_empty());
    }
    if long_enough < MIN_FULL_LINES || 100 * past_any > MAX_OVERLONG_SHARE_PERCENT * written {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let widths: Vec<(usize, usize)> = lines.iter().map(|l| line_widths(l)).collect();
    // On a tie the characters win (the last maximum): under them a fold's lines are all of
    // one length, while columns vary with the digits and Latin letters in a line.
    let (measure, wrap) = [Measure::Columns, Measure::Chars]
        .into_iter()
        .filter_map(|m| margin(&widths, m).map(|(wrap, share)| (m, wrap, share)))
        .max_by_key(|&(_, _, share)| share)
        .map(|(m, wrap, _)| (m, wrap))?;
    let base = base_indent(&lines, &widths, measure, wrap);
    let mut out = String::with_capacity(text.len());
    let mut previous_full = false;
    for (i, (line, &width)) in lines.iter().zip(&widths).enumerate() {
        // A page break (pdftotext's form feed, a page number line) inside a paragraph: the
        // page number goes, and the paragraph goes on on the next page.
        let line = line.trim_start_matches('\u{c}');
        // Only an indent past the page's margin starts a paragraph.
        let line = &line[(line.len() - line.trim_start_matches(' ').len()).min(base)..];
        if previous_full && PAGE_NUMBER_LINE.is_match(line.trim()) {
            continue;
        }
        let joins = previous_full && !line.trim().is_empty() && !starts_paragraph(line);
        if joins {
            // A wrap that fell on a space kept it; one that dropped it (word wrap) gets it
            // back between Latin words.
            let spaced = out.ends_with([' ', '\t']) || line.starts_with(' ');
            if !spaced && needs_space(&out, line) {
                out.push(' ');
            }
        } else if i > 0 {
            out.push('\n');
        }
        out.push_str(line);
        previous_full = measure.of(width) + measure.shortfall() >= wrap;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cuts each paragraph into lines of `width` characters, closing marks kept on the line.
    fn fold(text: &str, width: usize) -> String {
        let mut out = Vec::new();
        for para in text.split('\n') {
            let chars: Vec<char> = para.chars().collect();
            let mut start = 0;
            while chars.len() - start > width {
                let mut cut = start + width;
                while cut < chars.len() && "，。、；：）》”".contains(chars[cut]) {
                    cut += 1;
                }
                out.push(chars[start..cut].iter().collect::<String>());
                start = cut;
            }
            out.push(chars[start..].iter().collect::<String>());
        }
        out.join("\n")
    }

    const REPORT: &str = "某某县司法局2024年法治政府建设年度报告\n\
        2024年，县司法局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央关于法治建设的决策部署，扎实推进法治政府建设各项工作。现将有关情况报告如下。\n\
        一、主要举措和成效\n\
        （一）强化执法监督。全年共办理行政复议案件35件，纠正违法或不当行政行为4件，开展行政执法案卷评查两次，评查案卷120卷，发现问题并督促整改到位。\n\
        （二）深化普法宣传。组织开展法治宣传活动46场次，发放宣传资料近5万份，覆盖群众约3.2万人次，群众法治意识明显提升。\n\
        二、存在的不足\n\
        基层执法队伍专业化水平有待提高，部分执法人员对新修订法律法规的学习不够深入，执法规范化程度仍需加强。\n\
        三、下一步工作计划\n\
        继续加强执法监督，完善行政执法三项制度，深入开展法治宣传教育。";

    #[test]
    fn text_folded_at_a_character_width_gets_its_paragraphs_back() {
        for width in [20, 24, 28] {
            let folded = fold(REPORT, width);
            assert_ne!(folded, REPORT);
            assert_eq!(
                rejoin_wrapped_lines(&folded).as_deref(),
                Some(REPORT),
                "width {width}"
            );
        }
    }

    #[test]
    fn text_wrapped_at_a_column_width_gets_its_paragraphs_back() {
        // Wrapped at 40 columns: a line with digits holds more characters.
        let wrapped = "2024年，县司法局坚持以习近平新时代中国特\n\
            色社会主义思想为指导，全面贯彻落实党中央\n\
            关于法治建设的决策部署。全年共办理行政复\n\
            议案件35件，纠正违法或不当行政行为4件，\n\
            开展行政执法案卷评查2次，评查案卷120卷，\n\
            发现问题并督促整改到位，组织开展法治宣传\n\
            活动46场次。\n\
            一、主要举措和成效";
        let joined = rejoin_wrapped_lines(wrapped).expect("wrapped at 40 columns");
        let mut lines = joined.lines();
        let paragraph = lines.next().unwrap();
        assert!(paragraph.contains("行政复议案件35件"), "{joined}");
        assert!(paragraph.contains("评查案卷120卷"), "{joined}");
        assert!(paragraph.ends_with("法治宣传活动46场次。"), "{joined}");
        assert_eq!(lines.next(), Some("一、主要举措和成效"));
    }

    #[test]
    fn text_whose_lines_are_paragraphs_is_left_alone() {
        assert_eq!(rejoin_wrapped_lines(REPORT), None);
        // Short lines of one length (a list) are meant as they are.
        let list = "一是加强组织领导\n二是完善制度建设\n三是强化执法监督\n四是深化普法宣传\n五是化解矛盾纠纷";
        assert_eq!(rejoin_wrapped_lines(list), None);
    }

    #[test]
    fn headings_and_indented_lines_after_a_full_line_start_their_own_paragraph() {
        let folded = fold(REPORT, 24);
        let joined = rejoin_wrapped_lines(&folded).unwrap();
        for heading in ["一、主要举措和成效", "二、存在的不足", "三、下一步工作计划"]
        {
            assert!(joined.lines().any(|l| l == heading), "{heading}: {joined}");
        }
        let indented = format!("{}\n\u{3000}\u{3000}新的一段。", fold(REPORT, 24));
        let joined = rejoin_wrapped_lines(&indented).unwrap();
        assert!(joined.ends_with("\n\u{3000}\u{3000}新的一段。"), "{joined}");
    }

    #[test]
    fn a_wrap_that_fell_on_a_space_keeps_it_on_either_line() {
        let page = format!(
            "[ 索引号 ] 115000000000000A [ 发布日期 ] 2024-03-01 [ 来源 ] 某某县司法局\n{}",
            REPORT
        );
        let folded = fold(&page, 24);
        assert!(folded.contains(" \n") || folded.contains("\n "), "{folded}");
        assert_eq!(
            rejoin_wrapped_lines(&folded).as_deref(),
            Some(page.as_str())
        );
    }

    #[test]
    fn text_set_in_by_a_margin_is_joined_as_if_it_were_not() {
        // pdftotext -layout: every line keeps the page's margin, a title is centred, and a
        // line set in past the margin after a full line opens a paragraph.
        let page = format!("{REPORT}\n另起一段。");
        let folded = fold(&page, 24);
        let mut lines = folded.split('\n');
        let title = lines.next().unwrap();
        let mut layout = format!("     {title}");
        for line in lines {
            let indent = if line == "另起一段。" {
                "        "
            } else {
                "    "
            };
            layout.push('\n');
            layout.push_str(indent);
            layout.push_str(line);
        }
        let joined = rejoin_wrapped_lines(&layout).expect("wrapped at 24 characters");
        let trimmed: Vec<&str> = joined.lines().map(str::trim).collect();
        let want: Vec<&str> = page.lines().collect();
        assert_eq!(trimmed, want, "{joined}");
        assert!(joined.ends_with("\n    另起一段。"), "{joined}");
    }

    #[test]
    fn a_paragraph_goes_on_over_a_page_break() {
        let folded = fold(REPORT, 20);
        let mut lines: Vec<&str> = folded.split('\n').collect();
        // A page number and a form feed after the second line of the long paragraph.
        let at = lines.iter().position(|l| l.starts_with("2024年")).unwrap() + 2;
        lines.insert(at, "- 2 -");
        let next = format!("\u{c}{}", lines[at + 1]);
        lines[at + 1] = &next;
        let joined = rejoin_wrapped_lines(&lines.join("\n")).unwrap();
        assert_eq!(joined, REPORT);
    }

    #[test]
    fn latin_words_broken_at_the_margin_keep_their_space() {
        let mut text = String::new();
        for _ in 0..6 {
            text.push_str("the annual report on building a\ngovernment under the rule of\n");
        }
        let joined = rejoin_wrapped_lines(&text).unwrap();
        assert!(joined.contains("building a government"), "{joined}");
    }
}
