//! The run itself, last: when, which version, how fast and how much memory.

use super::{card, close_section, open_section};
use crate::report::format::{esc, fmt_count, fmt_decimal, fmt_duration, fmt_mib};
use crate::report::ReportData;

pub(super) fn render(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "run",
        "How the run went: its time, speed and memory, and the versions that wrote the tables.",
    );
    let (elapsed, elapsed_long) = fmt_duration(data.elapsed_seconds);
    out.push_str("<div class=\"cards\">\n");
    card(out, "Elapsed", &elapsed, &elapsed_long, "");
    card(
        out,
        "Throughput",
        &format!("{} MB/s", fmt_decimal(data.mb_per_second, 1)),
        &format!("{} documents/s", fmt_decimal(data.docs_per_second, 1)),
        "",
    );
    match data.peak_rss_bytes {
        Some(bytes) => card(out, "Peak memory", &fmt_mib(bytes), "resident set size", ""),
        None => card(out, "Peak memory", "—", "not measured", ""),
    }
    out.push_str("</div>\n");

    let or_dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            esc(s)
        }
    };
    let code_or_dash = |s: &str, class: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            format!("<code{class}>{}</code>", esc(s))
        }
    };
    let rows: [(&str, String); 10] = [
        ("Run id", code_or_dash(&data.run_id, "")),
        ("Started", or_dash(&data.started_at)),
        ("Finished", or_dash(&data.finished_at)),
        ("Tool version", or_dash(&data.tool_version)),
        ("Schema version", or_dash(&data.schema_version)),
        (
            "Input root",
            code_or_dash(&data.input_root, " class=\"path\""),
        ),
        ("Files found", fmt_count(data.files_found)),
        ("Documents read", fmt_count(data.documents)),
        ("Rejected", fmt_count(data.rejected)),
        ("Duplicates", fmt_count(data.duplicates)),
    ];
    out.push_str("<table class=\"kv\"><tbody>\n");
    for (key, value) in rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{key}</th><td>{value}</td></tr>\n"
        ));
    }
    out.push_str("</tbody></table>\n");
    close_section(out);
}
