//! What went wrong: warnings grouped by kind, and rejected inputs grouped by reason and
//! listed; each kind with the first files it was raised for.

use std::collections::HashSet;

use super::{close_section, open_section};
use crate::report::format::{empty_note, esc, fmt_count};
use crate::report::{ReportData, WarningKind};

pub(super) fn render_warnings(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "warnings",
        "Problems met while reading documents that did not stop them being read, grouped by \
         kind (the sentence without its names and numbers), most frequent first. A document's \
         warnings in full are in its extraction (Documents) and in <code>documents.warnings</code>.",
    );
    if data.warning_kinds.is_empty() && data.warning_kinds_other == 0 {
        out.push_str(&empty_note("No warnings were raised — nothing to show."));
        close_section(out);
        return;
    }
    let listed: HashSet<&str> = data
        .document_rows
        .iter()
        .map(|r| r.doc_id.as_str())
        .collect();
    kinds_table(out, &data.warning_kinds, &listed, "Files");
    if data.warning_kinds_other > 0 {
        out.push_str(&format!(
            "<p class=\"note\">{} more warnings are of kinds beyond the {} listed.</p>\n",
            fmt_count(data.warning_kinds_other),
            fmt_count(data.warning_kinds.len() as u64)
        ));
    }
    close_section(out);
}

/// A table of kinds: the kind with its first sentence, how often, for how many files, and
/// the first files (linked to their rows when the document table lists them).
fn kinds_table(out: &mut String, kinds: &[WarningKind], listed: &HashSet<&str>, files: &str) {
    out.push_str(&format!(
        "<div class=\"scroll\"><table class=\"data kinds\"><thead><tr><th>Kind</th><th class=\"num\">Count</th>\
         <th class=\"num\">{files}</th><th>Example files</th></tr></thead><tbody>\n"
    ));
    for k in kinds {
        let examples: Vec<String> = k
            .examples
            .iter()
            .map(|(path, doc_id)| {
                let code = format!("<code class=\"path\">{}</code>", esc(path));
                if listed.contains(doc_id.as_str()) {
                    format!(
                        "<div><a href=\"#{}\">{code}</a></div>",
                        esc(&format!("doc-{doc_id}"))
                    )
                } else {
                    format!("<div>{code}</div>")
                }
            })
            .collect();
        let more = k.files.saturating_sub(k.examples.len() as u64);
        let more = if more > 0 {
            format!("<div class=\"muted\">and {} more</div>", fmt_count(more))
        } else {
            String::new()
        };
        let example = if k.example_sentence != k.kind {
            format!(
                "<div class=\"example\">e.g. {}</div>",
                esc(&k.example_sentence)
            )
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<tr><td>{}{example}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"examples\">{}{more}</td></tr>\n",
            esc(&k.kind),
            fmt_count(k.count),
            fmt_count(k.files),
            examples.concat()
        ));
    }
    out.push_str("</tbody></table></div>\n");
}

pub(super) fn render_rejects(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "rejects",
        "Inputs that could not be turned into a document, grouped by reason, then listed with \
         the stage that failed.",
    );
    let listed = data.rejects.len() as u64;
    // `rejected` is the total; the list may be cut short (at most the first 200).
    let total = data.rejected.max(listed);
    if total == 0 {
        out.push_str(&empty_note("No inputs were rejected — nothing to show."));
        close_section(out);
        return;
    }
    if !data.reject_kinds.is_empty() {
        out.push_str("<h3>By reason</h3>\n");
        kinds_table(out, &data.reject_kinds, &HashSet::new(), "Files");
    }
    if listed == 0 {
        out.push_str(&format!(
            "<p>{} {} rejected, but none are listed in the run data.</p>\n",
            fmt_count(total),
            if total == 1 {
                "input was"
            } else {
                "inputs were"
            }
        ));
        close_section(out);
        return;
    }
    // The list is long and the reasons above summarise it: it opens on demand.
    out.push_str(&format!(
        "<details class=\"more-rows\"><summary>Rejected files ({})</summary>\n",
        fmt_count(total)
    ));
    if listed < total {
        out.push_str(&format!(
            "<p class=\"note\">Showing the first {} of {} rejected inputs; {} are not shown.</p>\n",
            fmt_count(listed),
            fmt_count(total),
            fmt_count(total - listed)
        ));
    } else {
        out.push_str(&format!(
            "<p class=\"note\">{} rejected {}.</p>\n",
            fmt_count(total),
            if total == 1 { "input" } else { "inputs" }
        ));
    }
    out.push_str(
        "<div class=\"scroll\"><table class=\"data rejects\"><thead><tr><th class=\"num\">#</th><th>Path</th><th>Stage</th><th>Error</th></tr></thead><tbody>\n",
    );
    for (i, (path, stage, error)) in data.rejects.iter().enumerate() {
        out.push_str(&format!(
            "<tr><td class=\"num muted\">{}</td><td><code class=\"path\">{}</code></td><td><span class=\"tag\">{}</span></td><td>{}</td></tr>\n",
            fmt_count(i as u64 + 1),
            esc(path),
            esc(stage),
            esc(error)
        ));
    }
    out.push_str("</tbody></table></div>\n</details>\n");
    close_section(out);
}
