//! The summary: what the run read and wrote, as an analyst counts it.

use super::{card, close_section, open_section};
use crate::report::format::{empty_note, esc, fmt_count, fmt_percent};
use crate::report::{ReportData, ROL_ANNUAL};

pub(super) fn render(out: &mut String, data: &ReportData) {
    open_section(out, "summary", "");
    if data.documents == 0 && data.files_found == 0 {
        out.push_str(
            "<p class=\"notice\">This run found no input files and read no documents, \
             so there is nothing to show.</p>\n",
        );
    } else if data.documents == 0 {
        out.push_str(
            "<p class=\"notice\">No documents were read in this run, so the sections below \
             have nothing to show.</p>\n",
        );
    }

    let rol = data
        .docs_per_kind
        .iter()
        .find(|(k, _)| k == ROL_ANNUAL)
        .map_or(0, |(_, n)| *n);
    let facts = data.field_coverage.facts;
    let warnings: u64 =
        data.warning_kinds.iter().map(|k| k.count).sum::<u64>() + data.warning_kinds_other;
    out.push_str("<div class=\"cards\">\n");
    card(
        out,
        "Documents read",
        &fmt_count(data.documents),
        &format!("of {} files found", fmt_count(data.files_found)),
        "",
    );
    card(
        out,
        "Annual reports",
        &fmt_count(rol),
        &format!(
            "{} of the documents (rol_annual)",
            fmt_percent(rol, data.documents)
        ),
        "",
    );
    card(
        out,
        "Facts",
        &fmt_count(facts),
        &format!(
            "{} with an indicator",
            fmt_percent(data.field_coverage.facts_with_indicator, facts)
        ),
        "",
    );
    card(
        out,
        "Rejected",
        &fmt_count(data.rejected),
        "files that could not be read",
        if data.rejected > 0 { "warn" } else { "" },
    );
    card(
        out,
        "Duplicates",
        &fmt_count(data.duplicates),
        "same body as an earlier file",
        "",
    );
    card(
        out,
        "Warnings",
        &fmt_count(warnings),
        &format!("of {} kinds", fmt_count(data.warning_kinds.len() as u64)),
        if warnings > 0 { "warn" } else { "" },
    );
    out.push_str("</div>\n");

    out.push_str("<div class=\"columns\">\n<div>\n");
    render_findings(out, data);
    out.push_str("</div>\n<div>\n<h3>Rows written per table</h3>\n");
    if data.table_rows.is_empty() {
        out.push_str(&empty_note("No tables were written."));
    } else {
        out.push_str(
            "<table class=\"data compact\"><thead><tr><th>Table</th><th class=\"num\">Rows</th></tr></thead><tbody>\n",
        );
        for (table, rows) in &data.table_rows {
            out.push_str(&format!(
                "<tr><td><code>{}</code></td><td class=\"num\">{}</td></tr>\n",
                esc(table),
                fmt_count(*rows)
            ));
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</div>\n</div>\n");
    close_section(out);
}

/// Where an analyst should look first: each line says how many documents and links to the
/// view of the document table that lists them.
fn render_findings(out: &mut String, data: &ReportData) {
    out.push_str("<h3>Where to look</h3>\n");
    let c = &data.field_coverage;
    let listed = !data.document_rows.is_empty();
    let mut items = Vec::new();
    let mut finding = |n: u64, what: &str, view: &str| {
        if n == 0 {
            return;
        }
        let count = format!(
            "{} {}",
            fmt_count(n),
            if n == 1 { "document" } else { "documents" }
        );
        let count = if listed {
            format!("<a href=\"#documents?problem={view}\">{count}</a>")
        } else {
            count
        };
        items.push(format!(
            "<li>{count} ({}) {what}</li>",
            fmt_percent(n, data.documents)
        ));
    };
    let missing = data.documents.saturating_sub(c.with_all_parts);
    finding(missing, "miss at least one mandated part.", "missing");
    finding(c.without_facts, "have no fact.", "nofacts");
    finding(c.with_warnings, "have warnings.", "warned");
    finding(
        data.duplicates,
        "repeat an earlier document's body.",
        "duplicate",
    );
    if let Some(top) = data.warning_kinds.first() {
        items.push(format!(
            "<li>The most frequent warning: <q>{}</q> ({} files; see <a href=\"#warnings\">Warnings</a>).</li>",
            esc(&top.kind),
            fmt_count(top.files)
        ));
    }
    if data.rejected > 0 {
        items.push(format!(
            "<li>{} {} could not be read (see <a href=\"#rejects\">Rejected inputs</a>).</li>",
            fmt_count(data.rejected),
            if data.rejected == 1 { "file" } else { "files" }
        ));
    }
    if items.is_empty() {
        out.push_str(&empty_note("Nothing stands out."));
    } else {
        out.push_str(&format!("<ul class=\"findings\">{}</ul>\n", items.concat()));
    }
}
