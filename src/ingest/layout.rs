//! Text of fixed-layout pages (PDF, OFD) in reading order: positioned runs of text become
//! lines (by baseline, then left to right), page furniture is dropped (running headers and
//! footers, page numbers), and lines broken at the page's width are joined back into the
//! paragraphs they were set from.

use regex::Regex;

use crate::clean::html::CELL_SEPARATOR;
use crate::lexicon::attachments::{FURNITURE_ZONE, PAGE_NUMBER, RUNNING_SHARE};
use crate::lexicon::PerThread;

pub(super) static PAGE_NUMBER_LINE: PerThread<Regex> =
    PerThread::new(|| Regex::new(PAGE_NUMBER).unwrap());

/// A piece of text drawn at one place: `x` and `x_end` from the page's left edge, `y` (its
/// baseline) from the page's top, all in the same unit; `size` is the font's height.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    pub x_end: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

/// One page's runs, in the order they were drawn, and the page's height.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub height: f32,
    pub runs: Vec<Run>,
}

/// A printed line: its runs joined left to right.
#[derive(Debug, Clone)]
struct Line {
    x: f32,
    x_end: f32,
    y: f32,
    size: f32,
    text: String,
}

/// The text of the pages: one paragraph a line, furniture dropped. Also returns how many
/// furniture lines were dropped.
pub fn pages_to_text(pages: &[Page]) -> (String, usize) {
    let mut lines: Vec<Vec<Line>> = pages.iter().map(page_lines).collect();
    let dropped = drop_furniture(pages, &mut lines);
    (unify_radicals(paragraphs(&lines)), dropped)
}

/// Ideographs some fonts map to look-alike code points: Kangxi radicals (`⾏` U+2F8F for
/// `行`), CJK radicals and compatibility ideographs. Each becomes the unified ideograph its
/// compatibility decomposition names, so that words match (`⾏政` is `行政`).
fn unify_radicals(text: String) -> String {
    use unicode_normalization::UnicodeNormalization;
    let look_alike = |c: char| matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}');
    if !text.chars().any(look_alike) {
        return text;
    }
    text.chars()
        .map(|c| {
            if !look_alike(c) {
                return c;
            }
            let mut d = std::iter::once(c).nfkc();
            match (d.next(), d.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        })
        .collect()
}

/// Runs grouped into lines by baseline (within a third of the font's height), each line's
/// runs left to right (drawing order among runs at the same place).
fn page_lines(page: &Page) -> Vec<Line> {
    let mut runs: Vec<&Run> = page
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    runs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut groups: Vec<Vec<&Run>> = Vec::new();
    for run in runs {
        match groups.last_mut() {
            Some(g) if (run.y - g[0].y).abs() <= 0.35 * run.size.max(g[0].size) => g.push(run),
            _ => groups.push(vec![run]),
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            g.sort_by(|a, b| a.x.total_cmp(&b.x));
            join_runs(&g)
        })
        .collect()
}

fn join_runs(runs: &[&Run]) -> Line {
    let mut text = String::new();
    let mut prev: Option<&Run> = None;
    for run in runs {
        if let Some(p) = prev {
            let gap = run.x - p.x_end;
            let size = run.size.max(p.size);
            if gap > 2.0 * size {
                // Far apart on one line: table cells or a tab stop.
                text.push_str(CELL_SEPARATOR);
            } else if gap > 0.2 * size && needs_space(&text, &run.text) {
                text.push(' ');
            }
        }
        text.push_str(&run.text);
        prev = Some(run);
    }
    let first = runs[0];
    Line {
        x: first.x,
        x_end: runs.iter().map(|r| r.x_end).fold(first.x_end, f32::max),
        y: first.y,
        size: runs.iter().map(|r| r.size).fold(0.0, f32::max),
        text: text.trim().to_string(),
    }
}

/// Latin words keep the space between them; Chinese text has none, and a number broken
/// over two lines (or spread by justification) is one number.
pub(crate) fn needs_space(before: &str, after: &str) -> bool {
    let a = before
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphabetic());
    let b = after
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic());
    a && b
}

/// Removes page numbers and running headers/footers: lines in the top or bottom
/// `FURNITURE_ZONE` of their page that are a page number, or whose text (digits aside)
/// is in that zone on at least `RUNNING_SHARE` of the pages (two pages at least).
fn drop_furniture(pages: &[Page], lines: &mut [Vec<Line>]) -> usize {
    let in_zone = |page: &Page, line: &Line| {
        page.height > 0.0
            && (line.y < page.height * FURNITURE_ZONE
                || line.y > page.height * (1.0 - FURNITURE_ZONE))
    };
    let key = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect()
    };
    let mut seen: rustc_hash::FxHashMap<String, usize> = Default::default();
    for (page, page_lines) in pages.iter().zip(lines.iter()) {
        let mut keys: Vec<String> = page_lines
            .iter()
            .filter(|l| in_zone(page, l))
            .map(|l| key(&l.text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let running = |text: &str| {
        pages.len() >= 2
            && seen
                .get(&key(text))
                .is_some_and(|&n| n >= 2 && n as f32 >= RUNNING_SHARE * pages.len() as f32)
    };
    let mut dropped = 0;
    for (page, page_lines) in pages.iter().zip(lines.iter_mut()) {
        let before = page_lines.len();
        page_lines.retain(|l| {
            !(in_zone(page, l) && (PAGE_NUMBER_LINE.is_match(&l.text) || running(&l.text)))
        });
        dropped += before - page_lines.len();
    }
    dropped
}

/// Joins lines into paragraphs: a line continues the one before when that one reaches the
/// right margin and this one starts at the left margin (a first-line indent, a centred or
/// short line starts a new paragraph). Margins are the document's usual line start and end.
fn paragraphs(pages: &[Vec<Line>]) -> String {
    let all: Vec<&Line> = pages.iter().flatten().collect();
    let Some(left) = usual_left(&all) else {
        return String::new();
    };
    let mut ends: Vec<f32> = all.iter().map(|l| l.x_end).collect();
    ends.sort_by(f32::total_cmp);
    // The right margin: what most full lines reach (the 90th percentile of line ends),
    // confirmed by two lines at least; a page of short lines that never wrap has none.
    let mut right = ends[(ends.len() * 9 / 10).min(ends.len() - 1)];
    let mut sizes: Vec<f32> = all.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let size = sizes[sizes.len() / 2];
    if ends.iter().filter(|&&e| e >= right - 1.5 * size).count() < 2 {
        right = f32::INFINITY;
    }
    let mut out = String::new();
    let mut prev: Option<&Line> = None;
    for line in all {
        let continues = prev.is_some_and(|p| {
            let size = p.size.max(line.size).max(1e-3);
            p.x_end >= right - 1.5 * size
                && (line.x - left).abs() <= 0.5 * size
                && (p.size - line.size).abs() <= 0.25 * size
        });
        if continues {
            if needs_space(&out, &line.text) {
                out.push(' ');
            }
        } else if prev.is_some() {
            out.push('\n');
        }
        out.push_str(&line.text);
        prev = Some(line);
    }
    out.push('\n');
    out
}

/// The left margin: the smallest x (to half a unit) at which a good share of the lines
/// start (a tenth, two at least); first-line indents and centred lines start further right.
fn usual_left(lines: &[&Line]) -> Option<f32> {
    let mut counts: rustc_hash::FxHashMap<i32, usize> = Default::default();
    for l in lines {
        *counts.entry((l.x * 2.0).round() as i32).or_default() += 1;
    }
    let enough = (lines.len() / 10).max(2);
    counts
        .iter()
        .filter(|&(_, &n)| n >= enough)
        .map(|(&x, _)| x)
        .min()
        .or_else(|| {
            counts
                .iter()
                .max_by_key(|&(&x, &n)| (n, -x))
                .map(|(&x, _)| x)
        })
        .map(|x| x as f32 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f32, y: f32, text: &str) -> Run {
        let chars = text.chars().count() as f32;
        Run {
            x,
            x_end: x + chars * 10.0,
            y,
            size: 10.0,
            text: text.to_string(),
        }
    }

    #[test]
    fn lines_broken_at_the_width_are_joined_and_furniture_dropped() {
        // A 10-character measure from x = 0 to 100, a page 300 high.
        let page = |n: usize, body: Vec<Run>| {
            let mut runs = vec![run(30.0, 10.0, "某县人民政府文件")];
            runs.extend(body);
            runs.push(run(40.0, 290.0, &format!("- {n} -")));
            Page {
                height: 300.0,
                runs,
            }
        };
        let pages = vec![
            page(
                1,
                vec![
                    // Drawn out of order: the second half of line one first.
                    run(50.0, 50.0, "报告如下：一"),
                    run(20.0, 50.0, "现将年"),
                    run(0.0, 62.0, "、主要举措和成效。"),
                    run(20.0, 74.0, "立案查处390件"),
                ],
            ),
            page(
                2,
                vec![run(0.0, 50.0, "，办结380件。"), run(20.0, 62.0, "二、不足")],
            ),
        ];
        let (text, dropped) = pages_to_text(&pages);
        assert_eq!(dropped, 4);
        assert_eq!(
            text,
            "现将年报告如下：一、主要举措和成效。\n立案查处390件，办结380件。\n二、不足\n"
        );
    }

    #[test]
    fn page_numbers_are_recognised() {
        for s in [
            "- 3 -",
            "—12—",
            "第3页 共8页",
            "第 3 页",
            "共8页 第3页",
            "3/8",
            "7",
            "Page 2 of 9",
        ] {
            assert!(PAGE_NUMBER_LINE.is_match(s), "{s}");
        }
        for s in ["2023年", "一、主要举措", "390件"] {
            assert!(!PAGE_NUMBER_LINE.is_match(s), "{s}");
        }
    }

    #[test]
    fn kangxi_radicals_become_ideographs() {
        assert_eq!(
            unify_radicals("依法⾏政，⽂件".to_string()),
            "依法行政，文件"
        );
        assert_eq!(unify_radicals("行政".to_string()), "行政");
    }

    #[test]
    fn far_apart_runs_are_cells() {
        let pages = vec![Page {
            height: 300.0,
            runs: vec![run(0.0, 100.0, "受理案件"), run(200.0, 100.0, "285宗")],
        }];
        assert_eq!(pages_to_text(&pages).0, "受理案件 | 285宗\n");
    }
}
