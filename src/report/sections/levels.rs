//! The annual rule-of-law reports per administrative level (genre `rol_annual` only: a news
//! item or a work plan says nothing about a level's reporting), and all documents per genre.

use super::{close_section, level_label, level_rank, open_section};
use crate::report::charts::{Bar, BarChart, Direction};
use crate::report::format::{empty_note, esc, fmt_count, fmt_decimal, fmt_percent};
use crate::report::{LevelStats, ReportData, ROL_ANNUAL};

pub(super) fn render(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "levels",
        "Annual rule-of-law reports (genre <code>rol_annual</code>) per administrative level of \
         the issuer: how complete they are and how many facts they give. Other genres are \
         counted below and left out of these figures.",
    );
    let mut levels: Vec<&LevelStats> = data.rol_levels.iter().collect();
    levels.sort_by_key(|s| level_rank(s.level.as_deref()));
    let reports: u64 = levels.iter().map(|s| s.reports).sum();
    if reports == 0 {
        out.push_str(&empty_note(
            "No annual rule-of-law report was read, so there are no per-level figures.",
        ));
    } else {
        let bars = levels
            .iter()
            .map(|s| Bar::count_with_share(level_label(s.level.as_deref()), s.reports, reports))
            .collect();
        out.push_str(
            &BarChart {
                title: "Annual reports per administrative level",
                axis_label: "Annual reports",
                direction: Direction::Horizontal,
                bars,
                fixed_max: None,
                empty_text: "",
            }
            .render(),
        );
        out.push_str(
            "<div class=\"scroll\"><table class=\"data levels\"><thead><tr><th>Level</th>\
             <th class=\"num\">Reports</th><th class=\"num\">All four parts</th>\
             <th class=\"num\">Report year</th><th class=\"num\">Division code</th>\
             <th class=\"num\">With warnings</th><th class=\"num\">Facts</th>\
             <th class=\"num\">Facts per report</th><th class=\"num\">Facts with indicator</th>\
             <th class=\"num\">Years</th></tr></thead><tbody>\n",
        );
        for s in &levels {
            level_row(out, &level_label(s.level.as_deref()), s);
        }
        let mut total = LevelStats::default();
        for s in &levels {
            total.reports += s.reports;
            total.with_all_parts += s.with_all_parts;
            total.with_year += s.with_year;
            total.with_division_code += s.with_division_code;
            total.with_warnings += s.with_warnings;
            total.facts += s.facts;
            total.facts_with_indicator += s.facts_with_indicator;
            total.years = match (total.years, s.years) {
                (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
                (a, b) => a.or(b),
            };
        }
        out.push_str("</tbody><tfoot>");
        level_row(out, "All levels", &total);
        out.push_str("</tfoot></table></div>\n");
        out.push_str(
            "<p class=\"note\">Shares are of the level's reports; facts with indicator is the \
             share of its facts that carry an indicator code.</p>\n",
        );
    }

    let total: u64 = data.docs_per_genre.iter().map(|(_, n)| *n).sum();
    let bars = data
        .docs_per_genre
        .iter()
        .map(|(genre, n)| {
            let label = if genre == ROL_ANNUAL {
                format!("{genre} · 法治政府建设年度报告")
            } else {
                genre.clone()
            };
            Bar::count_with_share(label, *n, total)
        })
        .collect();
    out.push_str("<h3>All documents per genre</h3>\n");
    out.push_str(
        &BarChart {
            title: "Documents per genre",
            axis_label: "Documents",
            direction: Direction::Horizontal,
            bars,
            fixed_max: None,
            empty_text: "No genres were recorded — nothing to show.",
        }
        .render(),
    );
    close_section(out);
}

fn level_row(out: &mut String, label: &str, s: &LevelStats) {
    let share = |n: u64| {
        format!(
            "<span title=\"{} of {}\">{}</span>",
            fmt_count(n),
            fmt_count(s.reports),
            fmt_percent(n, s.reports)
        )
    };
    let per_report = if s.reports == 0 {
        "—".to_string()
    } else {
        fmt_decimal(s.facts as f64 / s.reports as f64, 1)
    };
    let years = match s.years {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
        None => "—".to_string(),
    };
    out.push_str(&format!(
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        esc(label),
        fmt_count(s.reports),
        share(s.with_all_parts),
        share(s.with_year),
        share(s.with_division_code),
        share(s.with_warnings),
        fmt_count(s.facts),
        per_report,
        fmt_percent(s.facts_with_indicator, s.facts),
        years
    ));
}
