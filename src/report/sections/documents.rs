//! The document table: one row per document (the first [`MAX_DOCUMENT_ROWS`] in input
//! order), sortable, filterable and paged by the page's script, each row opening its
//! extraction: the fields found, the mandated parts, the warnings in full, the facts, a link
//! to the source file and the command that prints everything extracted from it.

use std::collections::BTreeSet;

use super::{
    close_section, level_rank, open_section, part_name, part_short_name, MANDATED_SECTIONS,
};
use crate::report::collect::MAX_DOCUMENT_ROWS;
use crate::report::format::{empty_note, esc, fmt_count, url_path};
use crate::report::{DocumentRow, ReportData};

/// The table's columns: (key for sorting and the URL fragment, heading, sorted as numbers,
/// right-aligned).
const COLUMNS: [(&str, &str, bool, bool); 9] = [
    ("path", "Path", false, false),
    ("title", "Title", false, false),
    ("issuer", "Issuer", false, false),
    ("level", "Level", false, false),
    ("year", "Year", true, true),
    ("genre", "Genre", false, false),
    ("missing", "Missing parts", true, false),
    ("warnings", "Warnings", true, true),
    ("facts", "Facts", true, true),
];

/// Row filters of the "Show" menu: (value, label, the row attribute set to 1).
const PROBLEMS: [(&str, &str); 4] = [
    ("missing", "missing a mandated part"),
    ("warned", "with warnings"),
    ("nofacts", "without facts"),
    ("duplicate", "duplicates"),
];

pub(super) fn render(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "documents",
        "Every document read, with what was found in it. Click a path for the document's \
         extraction; sort by a column heading; filter with the controls (the view is kept in \
         the address, so it can be bookmarked).",
    );
    let rows = &data.document_rows;
    if rows.is_empty() {
        let text = if data.documents == 0 {
            "No documents were read — nothing to show."
        } else {
            "The documents of this run are not listed here; see the documents table."
        };
        out.push_str(&empty_note(text));
        close_section(out);
        return;
    }
    let listed = rows.len() as u64;
    if listed < data.documents {
        out.push_str(&format!(
            "<p class=\"note\">The first {} of {} documents (input order) are listed; at most {} \
             are, to keep this page small. The <code>documents</code> table has them all.</p>\n",
            fmt_count(listed),
            fmt_count(data.documents),
            fmt_count(MAX_DOCUMENT_ROWS as u64)
        ));
    } else {
        out.push_str(&format!(
            "<p class=\"note\">All {} documents are listed.</p>\n",
            fmt_count(listed)
        ));
    }
    render_filters(out, rows);
    out.push_str("<div class=\"scroll\"><table id=\"doc-table\" class=\"data docs\"><thead><tr>");
    for (key, heading, numeric, right) in COLUMNS {
        out.push_str(&format!(
            "<th data-key=\"{key}\"{}{}><button type=\"button\" class=\"sort\">{}</button></th>",
            if numeric { " data-type=\"num\"" } else { "" },
            if right { " class=\"num\"" } else { "" },
            esc(heading)
        ));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        render_row(out, row, data);
    }
    out.push_str("</tbody></table></div>\n");
    out.push_str(
        "<div id=\"doc-pager\" class=\"pager\" hidden=\"hidden\"><button type=\"button\" id=\"doc-prev\">‹ Previous</button>\
         <span id=\"doc-status\" role=\"status\"></span><button type=\"button\" id=\"doc-next\">Next ›</button></div>\n",
    );
    close_section(out);
}

/// The filter controls, hidden until the script shows them (they do nothing without it).
fn render_filters(out: &mut String, rows: &[DocumentRow]) {
    let levels: BTreeSet<(usize, String)> = rows
        .iter()
        .map(|r| level_rank(r.admin_level.as_deref()))
        .collect();
    let genres: BTreeSet<&str> = rows.iter().map(|r| r.genre.as_str()).collect();
    let years: BTreeSet<Option<i32>> = rows.iter().map(|r| r.report_year).collect();
    out.push_str(
        "<form id=\"doc-filters\" class=\"controls\" hidden=\"hidden\">\
         <label>Search <input type=\"search\" name=\"q\" placeholder=\"path, title or issuer\"/></label>\n",
    );
    let select = |out: &mut String, name: &str, label: &str, options: Vec<(String, String)>| {
        out.push_str(&format!(
            "<label>{label} <select name=\"{name}\"><option value=\"*\">all</option>"
        ));
        for (value, text) in options {
            out.push_str(&format!(
                "<option value=\"{}\">{}</option>",
                esc(&value),
                esc(&text)
            ));
        }
        out.push_str("</select></label>\n");
    };
    let unknown = || ("unknown".to_string(), "unknown".to_string());
    select(
        out,
        "level",
        "Level",
        levels
            .into_iter()
            .map(|(_, l)| {
                if l.is_empty() {
                    unknown()
                } else {
                    (l.clone(), l)
                }
            })
            .collect(),
    );
    select(
        out,
        "genre",
        "Genre",
        genres
            .into_iter()
            .map(|g| (g.to_string(), g.to_string()))
            .collect(),
    );
    let mut years: Vec<Option<i32>> = years.into_iter().collect();
    years.sort_by_key(|y| (y.is_none(), std::cmp::Reverse(*y)));
    select(
        out,
        "year",
        "Year",
        years
            .into_iter()
            .map(|y| y.map_or_else(unknown, |y| (y.to_string(), y.to_string())))
            .collect(),
    );
    select(
        out,
        "problem",
        "Show",
        PROBLEMS
            .iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect(),
    );
    out.push_str("<button type=\"reset\">Clear</button></form>\n");
}

/// Optional text for a cell: the escaped text, or a dash that sorts and filters as empty.
fn text_cell(value: Option<&str>, class: &str) -> String {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    match value {
        Some(v) => format!("<td{class}>{}</td>", esc(v)),
        None => format!("<td{class} data-v=\"\"><span class=\"muted\">—</span></td>"),
    }
}

fn render_row(out: &mut String, row: &DocumentRow, data: &ReportData) {
    let id = esc(&format!("doc-{}", row.doc_id));
    let flag = |name: &str, on: bool| {
        if on {
            format!(" data-{name}=\"1\"")
        } else {
            String::new()
        }
    };
    out.push_str(&format!(
        "<tr class=\"doc-row\"{}{}{}{}>",
        flag("missing", !row.missing_parts.is_empty()),
        flag("warned", !row.warnings.is_empty()),
        flag("nofacts", row.facts == 0),
        flag("duplicate", row.duplicate_of.is_some())
    ));
    out.push_str(&format!(
        "<td><a class=\"doc-link\" href=\"#{id}\"><code class=\"path\">{}</code></a></td>",
        esc(&row.path)
    ));
    out.push_str(&text_cell(row.title.as_deref(), "title"));
    out.push_str(&text_cell(row.issuer.as_deref(), ""));
    out.push_str(&text_cell(row.admin_level.as_deref(), ""));
    out.push_str(&text_cell(
        row.report_year.map(|y| y.to_string()).as_deref(),
        "num",
    ));
    out.push_str(&format!("<td>{}</td>", esc(&row.genre)));
    if row.missing_parts.is_empty() {
        out.push_str("<td class=\"parts\" data-v=\"0\"><span class=\"muted\">none</span></td>");
    } else {
        let tags: String = row
            .missing_parts
            .iter()
            .map(|p| {
                format!(
                    "<span class=\"tag\" title=\"{}\">{}</span> ",
                    esc(part_name(p)),
                    esc(part_short_name(p))
                )
            })
            .collect();
        out.push_str(&format!(
            "<td class=\"parts\" data-v=\"{}\">{}</td>",
            row.missing_parts.len(),
            tags.trim_end()
        ));
    }
    out.push_str(&format!(
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        row.warnings.len(),
        row.facts
    ));

    // The extraction, shown under the row when its path is clicked or its anchor followed.
    out.push_str(&format!(
        "<tr class=\"doc-detail\" id=\"{id}\"><td colspan=\"{}\"><dl class=\"extraction\">",
        COLUMNS.len()
    ));
    let mut item = |term: &str, html: String| {
        out.push_str(&format!("<dt>{term}</dt><dd>{html}</dd>"));
    };
    item("doc_id", format!("<code>{}</code>", esc(&row.doc_id)));
    if !data.source_base_url.is_empty() {
        item(
            "Source",
            format!(
                "<a href=\"{}{}\">{}</a>",
                esc(&data.source_base_url),
                esc(&url_path(&row.path)),
                esc(&row.path)
            ),
        );
    }
    let or_dash = |v: Option<&str>| v.map_or_else(|| "—".to_string(), esc);
    item("Title", or_dash(row.title.as_deref()));
    item("Issuer", or_dash(row.issuer.as_deref()));
    item("Division code", or_dash(row.division_code.as_deref()));
    item("Publish date", or_dash(row.publish_date.as_deref()));
    let present: Vec<&str> = MANDATED_SECTIONS
        .iter()
        .filter(|(code, ..)| !row.missing_parts.iter().any(|m| m == code))
        .map(|(_, _, en, _)| *en)
        .collect();
    let missing: Vec<&str> = row.missing_parts.iter().map(|p| part_name(p)).collect();
    item(
        "Mandated parts",
        format!(
            "found: {}; missing: {}",
            esc(&none_if_empty(&present)),
            esc(&none_if_empty(&missing))
        ),
    );
    item(
        "Facts",
        format!(
            "{}, {} with a metric, {} with an indicator",
            fmt_count(row.facts),
            fmt_count(row.facts_with_metric),
            fmt_count(row.facts_with_indicator)
        ),
    );
    if let Some(first) = &row.duplicate_of {
        item(
            "Duplicate of",
            format!(
                "<a href=\"#{}\"><code>{}</code></a>",
                esc(&format!("doc-{first}")),
                esc(first)
            ),
        );
    }
    if !row.warnings.is_empty() {
        let list: String = row
            .warnings
            .iter()
            .map(|w| format!("<li>{}</li>", esc(w)))
            .collect();
        item("Warnings", format!("<ul>{list}</ul>"));
    }
    item(
        "Everything extracted",
        format!(
            "<code>govreport extract {}</code> prints it as JSON; its rows are those with \
             <code>doc_id = &apos;{}&apos;</code> in every table.",
            esc(&shell_quote(&source_file(&data.input_root, &row.path))),
            esc(&row.doc_id)
        ),
    );
    out.push_str("</dl></td></tr>\n");
}

fn none_if_empty(items: &[&str]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

/// The source file's path as given to the run: the input root joined with the document's
/// path (the path alone when the root is unknown or is the file itself).
fn source_file(input_root: &str, path: &str) -> String {
    let root = input_root.trim_end_matches(['/', '\\']);
    if root.is_empty() || root.ends_with(path) {
        path.to_string()
    } else {
        format!("{root}/{path}")
    }
}

/// `text` as one POSIX shell word.
fn shell_quote(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "/._-+:@%,=".contains(c))
    {
        return text.to_string();
    }
    format!("'{}'", text.replace('\'', "'\\''"))
}
