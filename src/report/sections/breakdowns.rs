//! Breakdowns of the documents and facts: report years (empty years drawn as zero), the
//! mandated sections, the top indicators and the facts per kind of quantity.

use super::{close_section, open_section, MANDATED_SECTIONS};
use crate::report::charts::{Bar, BarChart, Direction, MAX_BARS};
use crate::report::format::{empty_note, esc, fmt_count, fmt_percent, fmt_quantity};
use crate::report::ReportData;

/// Documents per year with every year between the first and the last known one (zero for a
/// year without documents), then the unknown year; the latest [`MAX_BARS`] at most, and how
/// many earlier years and documents were left out.
fn year_rows(data: &ReportData) -> (Vec<(Option<i32>, u64)>, u64, u64) {
    let known: Vec<(i32, u64)> = data
        .docs_per_year
        .iter()
        .filter_map(|(y, n)| y.map(|y| (y, *n)))
        .collect();
    let unknown: u64 = data
        .docs_per_year
        .iter()
        .filter(|(y, _)| y.is_none())
        .map(|(_, n)| *n)
        .sum();
    let mut rows: Vec<(Option<i32>, u64)> = Vec::new();
    let (mut cut_years, mut cut_docs) = (0u64, 0u64);
    if let (Some(first), Some(last)) = (
        known.iter().map(|(y, _)| *y).min(),
        known.iter().map(|(y, _)| *y).max(),
    ) {
        let room = MAX_BARS - usize::from(unknown > 0);
        // Years are i32, so the span fits in i64 whatever the data says.
        let span = i64::from(last) - i64::from(first) + 1;
        let shown_from = if span > room as i64 {
            last - (room as i32 - 1)
        } else {
            first
        };
        let count_of = |y: i32| {
            known
                .iter()
                .filter(|(k, _)| *k == y)
                .map(|(_, n)| *n)
                .sum::<u64>()
        };
        for (y, n) in &known {
            if *y < shown_from {
                cut_docs += n;
            }
        }
        cut_years = (i64::from(shown_from) - i64::from(first)).max(0) as u64;
        rows.extend((shown_from..=last).map(|y| (Some(y), count_of(y))));
    }
    if unknown > 0 {
        rows.push((None, unknown));
    }
    (rows, cut_years, cut_docs)
}

pub(super) fn render_years(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "years",
        "Documents per report year (the year a report covers, not the year it was published); \
         a year between the first and the last without documents shows as zero.",
    );
    let total: u64 = data.docs_per_year.iter().map(|(_, n)| *n).sum();
    let (rows, cut_years, cut_docs) = year_rows(data);
    let label = |year: &Option<i32>| year.map_or_else(|| "unknown".to_string(), |y| y.to_string());
    let bars = rows
        .iter()
        .map(|(year, n)| Bar::count(label(year), *n))
        .collect();
    let chart = BarChart {
        title: "Documents per report year",
        axis_label: "Documents",
        direction: Direction::Vertical,
        bars,
        fixed_max: None,
        empty_text: "No report years were found — nothing to show.",
    };
    if rows.is_empty() {
        out.push_str(&chart.render());
        close_section(out);
        return;
    }
    // Chart and numbers side by side: the table gives exact counts the bars only suggest.
    out.push_str("<div class=\"side-by-side\">\n");
    out.push_str(&chart.render());
    out.push_str(
        "<table class=\"data compact\"><thead><tr><th>Year</th><th class=\"num\">Documents</th><th class=\"num\">Share</th></tr></thead><tbody>\n",
    );
    if cut_years > 0 {
        out.push_str(&format!(
            "<tr class=\"others\"><td>{} earlier years</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            fmt_count(cut_years),
            fmt_count(cut_docs),
            fmt_percent(cut_docs, total)
        ));
    }
    for (year, n) in &rows {
        let class = if *n == 0 { " class=\"zero\"" } else { "" };
        out.push_str(&format!(
            "<tr{class}><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            esc(&label(year)),
            fmt_count(*n),
            fmt_percent(*n, total)
        ));
    }
    out.push_str(&format!(
        "</tbody><tfoot><tr><th>Total</th><td class=\"num\">{}</td><td class=\"num\"></td></tr></tfoot></table>\n</div>\n",
        fmt_count(total)
    ));
    if cut_years > 0 {
        out.push_str(&format!(
            "<p class=\"note\">The chart shows the latest {} years; {} earlier years with {} documents are counted in the table's first row.</p>\n",
            fmt_count((rows.len() - usize::from(rows.last().is_some_and(|(y, _)| y.is_none()))) as u64),
            fmt_count(cut_years),
            fmt_count(cut_docs)
        ));
    }
    close_section(out);
}

pub(super) fn render_coverage(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "coverage",
        &format!(
            "Share of the {} documents read that contain each of the four sections an annual report is expected to have.",
            fmt_count(data.documents)
        ),
    );
    if data.documents == 0 {
        out.push_str(&empty_note(
            "No documents were read, so there is no coverage to show.",
        ));
        close_section(out);
        return;
    }
    let count_of = |section: &str| {
        data.section_coverage
            .iter()
            .find(|(s, _)| s == section)
            .map_or(0, |(_, n)| *n)
    };
    let mut bars: Vec<Bar> = MANDATED_SECTIONS
        .iter()
        .map(|(code, zh, en, _)| Bar::share(format!("{zh} · {en}"), count_of(code), data.documents))
        .collect();
    // Any further section types the pipeline reports are shown after the mandated four.
    for (section, n) in &data.section_coverage {
        if !MANDATED_SECTIONS.iter().any(|(code, ..)| code == section) {
            bars.push(Bar::share(section.clone(), *n, data.documents));
        }
    }
    out.push_str(
        &BarChart {
            title: "Share of documents containing each mandated section",
            axis_label: "Share of documents (%)",
            direction: Direction::Horizontal,
            bars,
            fixed_max: Some(100.0),
            empty_text: "No section coverage was recorded — nothing to show.",
        }
        .render(),
    );
    close_section(out);
}

pub(super) fn render_indicators(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "indicators",
        "The indicators reported by the most documents.",
    );
    if data.top_indicators.is_empty() {
        out.push_str(&empty_note(
            "No indicators were extracted — nothing to show.",
        ));
        close_section(out);
        return;
    }
    let bars = data
        .top_indicators
        .iter()
        .map(|ind| {
            let label = if ind.label.is_empty() {
                ind.code.clone()
            } else {
                ind.label.clone()
            };
            Bar::count(label, ind.n_docs)
        })
        .collect();
    out.push_str(
        &BarChart {
            title: "Documents reporting each indicator",
            axis_label: "Documents reporting the indicator",
            direction: Direction::Horizontal,
            bars,
            fixed_max: None,
            empty_text: "No indicators were extracted — nothing to show.",
        }
        .render(),
    );
    out.push_str(
        "<div class=\"scroll\"><table class=\"data\"><thead><tr><th class=\"num\">#</th><th>Code</th><th>Indicator</th><th>Unit</th>\
         <th class=\"num\">Documents</th><th class=\"num\">Total</th><th class=\"num\">Median</th></tr></thead><tbody>\n",
    );
    for (i, ind) in data.top_indicators.iter().enumerate() {
        out.push_str(&format!(
            "<tr><td class=\"num muted\">{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            i + 1,
            esc(&ind.code),
            esc(&ind.label),
            esc(&ind.unit),
            fmt_count(ind.n_docs),
            fmt_quantity(ind.total),
            fmt_quantity(ind.median)
        ));
    }
    out.push_str("</tbody></table></div>\n<p class=\"note\">Total is the sum over documents; it is not meaningful for rates and percentages.</p>\n");
    close_section(out);
}

pub(super) fn render_facts(out: &mut String, data: &ReportData) {
    let total: u64 = data.facts_by_kind.iter().map(|(_, n)| *n).sum();
    open_section(
        out,
        "facts",
        &format!(
            "{} quantitative facts extracted, per kind of quantity.",
            fmt_count(total)
        ),
    );
    let bars = data
        .facts_by_kind
        .iter()
        .map(|(kind, n)| Bar::count_with_share(kind.clone(), *n, total))
        .collect();
    out.push_str(
        &BarChart {
            title: "Facts per quantity kind",
            axis_label: "Facts",
            direction: Direction::Horizontal,
            bars,
            fixed_max: None,
            empty_text: "No facts were extracted — nothing to show.",
        }
        .render(),
    );
    close_section(out);
}
