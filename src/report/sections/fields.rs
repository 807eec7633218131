//! Field coverage: how many documents have each metadata field and how many facts a metric
//! and an indicator, over all documents and over the annual reports alone.

use super::{close_section, open_section};
use crate::report::charts::{Bar, BarChart, Direction};
use crate::report::format::{empty_note, esc, fmt_count, fmt_percent};
use crate::report::{ReportData, DOCUMENT_FIELDS};

pub(super) fn render(out: &mut String, data: &ReportData) {
    let c = &data.field_coverage;
    open_section(
        out,
        "fields",
        "Share of documents in which each field was found (the rest are null in the \
         <code>documents</code> table), and share of facts tied to a metric and to an indicator \
         code (only those reach <code>indicators</code> and <code>panel</code>).",
    );
    if data.documents == 0 {
        out.push_str(&empty_note(
            "No documents were read, so there is no coverage to show.",
        ));
        close_section(out);
        return;
    }
    let bars = DOCUMENT_FIELDS
        .iter()
        .zip(c.with_field)
        .map(|((_, label), n)| Bar::share(label.to_string(), n, data.documents))
        .collect();
    out.push_str(
        &BarChart {
            title: "Share of documents with each field",
            axis_label: "Share of documents (%)",
            direction: Direction::Horizontal,
            bars,
            fixed_max: Some(100.0),
            empty_text: "",
        }
        .render(),
    );
    out.push_str(&format!(
        "<div class=\"scroll\"><table class=\"data\"><thead><tr><th>Field</th><th>Column</th>\
         <th class=\"num\">All documents ({})</th><th class=\"num\">Annual reports ({})</th></tr></thead><tbody>\n",
        fmt_count(data.documents),
        fmt_count(c.rol_annual)
    ));
    for (((column, label), n), rol_n) in DOCUMENT_FIELDS
        .iter()
        .zip(c.with_field)
        .zip(c.rol_with_field)
    {
        out.push_str(&format!(
            "<tr><td>{}</td><td><code>documents.{}</code></td><td class=\"num\">{} <span class=\"muted\">({})</span></td><td class=\"num\">{} <span class=\"muted\">({})</span></td></tr>\n",
            esc(label),
            esc(column),
            fmt_percent(n, data.documents),
            fmt_count(n),
            fmt_percent(rol_n, c.rol_annual),
            fmt_count(rol_n)
        ));
    }
    out.push_str("</tbody></table></div>\n");

    out.push_str(&format!("<h3>Facts ({})</h3>\n", fmt_count(c.facts)));
    if c.facts == 0 {
        out.push_str(&empty_note("No facts were extracted — nothing to show."));
    } else {
        out.push_str(
            &BarChart {
                title: "Share of facts with a metric and with an indicator",
                axis_label: "Share of facts (%)",
                direction: Direction::Horizontal,
                bars: vec![
                    Bar::share(
                        "With a metric (facts.metric)".into(),
                        c.facts_with_metric,
                        c.facts,
                    ),
                    Bar::share(
                        "With an indicator (facts.indicator)".into(),
                        c.facts_with_indicator,
                        c.facts,
                    ),
                ],
                fixed_max: Some(100.0),
                empty_text: "",
            }
            .render(),
        );
    }
    close_section(out);
}
