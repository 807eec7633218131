//! The run report: a self-contained `report.html` written beside the tables after each run.
//!
//! The page is plain XHTML-style HTML5 (every tag closed, only the five XML entities) with
//! inline CSS and hand-drawn inline SVG charts, so it opens offline in any browser and can be
//! checked by an XML parser. Rendering is a pure function of [`ReportData`]: no clock, no
//! randomness, no hash-map iteration order, so the same run data always gives the same bytes.

// The data the run report shows. This definition is fixed by the integrator: copy it into
// the top of src/report.rs unchanged (you may add derives and helper methods).

/// One indicator's summary over the run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorSummary {
    pub code: String,
    pub label: String,
    pub unit: String,
    /// Documents reporting it.
    pub n_docs: u64,
    /// Sum over documents (for counts and money) — may be meaningless for rates.
    pub total: f64,
    pub median: f64,
}

/// Everything `report.html` shows about one run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportData {
    pub run_id: String,
    pub started_at: String,
    pub finished_at: String,
    pub tool_version: String,
    pub schema_version: String,
    pub input_root: String,
    pub elapsed_seconds: f64,
    pub mb_per_second: f64,
    pub docs_per_second: f64,
    pub peak_rss_bytes: Option<u64>,
    pub files_found: u64,
    pub documents: u64,
    pub rejected: u64,
    pub duplicates: u64,
    /// (table name, rows)
    pub table_rows: Vec<(String, u64)>,
    /// (source_path, stage, error) — at most the first 200; `rejected` is the total.
    pub rejects: Vec<(String, String, String)>,
    /// (warning sentence, count), most frequent first; `warnings_other` counts the rest.
    pub warnings: Vec<(String, u64)>,
    pub warnings_other: u64,
    /// Documents per report_year (None = unknown), ascending years, None last.
    pub docs_per_year: Vec<(Option<i32>, u64)>,
    /// Documents per admin_level (None = unknown).
    pub docs_per_admin_level: Vec<(Option<String>, u64)>,
    /// Documents per doc_kind (rol_annual / other).
    pub docs_per_kind: Vec<(String, u64)>,
    /// Per mandated section type (measures_and_results, shortcomings, leadership_duty,
    /// next_year_plan): how many documents have it.
    pub section_coverage: Vec<(String, u64)>,
    /// Facts per quantity_kind.
    pub facts_by_kind: Vec<(String, u64)>,
    /// The indicators reported by the most documents, most first (at most 20).
    pub top_indicators: Vec<IndicatorSummary>,
}

/// Section ids and headings, in page order; the table of contents is built from this list.
const SECTIONS: [(&str, &str); 8] = [
    ("summary", "Summary"),
    ("rejects", "Rejected inputs"),
    ("warnings", "Warnings"),
    ("years", "Report years"),
    ("levels", "Levels and kinds"),
    ("coverage", "Mandated sections"),
    ("indicators", "Top indicators"),
    ("facts", "Facts"),
];

/// The four sections every annual report is expected to contain: (section type, 中文, English).
const MANDATED_SECTIONS: [(&str, &str, &str); 4] = [
    (
        "measures_and_results",
        "主要举措和成效",
        "measures and results",
    ),
    ("shortcomings", "存在的不足", "shortcomings"),
    ("leadership_duty", "第一责任人职责", "leadership duty"),
    ("next_year_plan", "下一年度安排", "next year's plan"),
];

/// Administrative levels from the top down, with an English gloss for non-Chinese readers.
const ADMIN_LEVELS: [(&str, &str); 6] = [
    ("省", "province"),
    ("市", "city"),
    ("区县", "county / district"),
    ("乡镇", "township"),
    ("街道", "subdistrict"),
    ("部门", "department"),
];

/// More bars than this make a chart unreadable; the rest are counted in a note.
const MAX_BARS: usize = 40;

/// Renders the complete `report.html` document for one run.
pub fn render_report(data: &ReportData) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"govreport\"/>\n",
    );
    let title = if data.run_id.is_empty() {
        "govreport run report".to_string()
    } else {
        format!("govreport run report · {}", data.run_id)
    };
    out.push_str(&format!("<title>{}</title>\n", esc(&title)));
    out.push_str("<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");

    render_header(&mut out, data);
    out.push_str("<main class=\"wrap\">\n");
    render_toc(&mut out);
    render_summary(&mut out, data);
    render_rejects(&mut out, data);
    render_warnings(&mut out, data);
    render_years(&mut out, data);
    render_levels(&mut out, data);
    render_coverage(&mut out, data);
    render_indicators(&mut out, data);
    render_facts(&mut out, data);
    out.push_str("</main>\n");

    out.push_str("<footer class=\"wrap page-footer\"><p>Written by govreport");
    if !data.tool_version.is_empty() {
        out.push_str(&format!(" {}", esc(&data.tool_version)));
    }
    out.push_str(
        " beside the output tables. This page is self-contained and works offline; \
         hover over a bar to see its full label.</p></footer>\n</body>\n</html>\n",
    );
    out
}

// ---------------------------------------------------------------------------------------------
// Page parts
// ---------------------------------------------------------------------------------------------

fn render_header(out: &mut String, data: &ReportData) {
    out.push_str("<header class=\"page-header\"><div class=\"wrap\">\n");
    out.push_str("<p class=\"eyebrow\">govreport · 法治政府建设年度报告</p>\n");
    out.push_str("<h1>Run report</h1>\n<p class=\"meta\">");
    let mut parts = Vec::new();
    if !data.run_id.is_empty() {
        parts.push(format!("Run <code>{}</code>", esc(&data.run_id)));
    }
    if !data.finished_at.is_empty() {
        parts.push(format!("finished {}", esc(&data.finished_at)));
    }
    if !data.input_root.is_empty() {
        parts.push(format!("input <code>{}</code>", esc(&data.input_root)));
    }
    if parts.is_empty() {
        parts.push("No run details were recorded.".to_string());
    }
    out.push_str(&parts.join(" · "));
    out.push_str("</p>\n</div></header>\n");
}

fn render_toc(out: &mut String) {
    out.push_str(
        "<nav class=\"toc\" aria-label=\"Contents\"><span class=\"toc-title\">Contents</span><ol>",
    );
    for (id, heading) in SECTIONS {
        out.push_str(&format!("<li><a href=\"#{id}\">{}</a></li>", esc(heading)));
    }
    out.push_str("</ol></nav>\n");
}

fn open_section(out: &mut String, id: &str, lead: &str) {
    let heading = SECTIONS
        .iter()
        .find(|(sid, _)| *sid == id)
        .map_or(id, |(_, h)| h);
    out.push_str(&format!(
        "<section id=\"{id}\" class=\"panel\">\n<h2>{}</h2>\n",
        esc(heading)
    ));
    if !lead.is_empty() {
        out.push_str(&format!("<p class=\"lead\">{lead}</p>\n"));
    }
}

fn close_section(out: &mut String) {
    out.push_str("</section>\n");
}

/// A sentence standing in for a table or chart that has no rows.
fn empty_note(text: &str) -> String {
    format!("<p class=\"empty\">{}</p>\n", esc(text))
}

fn render_summary(out: &mut String, data: &ReportData) {
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

    // Key numbers as cards: what a reader wants at a glance.
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
        "Rejected",
        &fmt_count(data.rejected),
        "files that could not be read",
        if data.rejected > 0 { "warn" } else { "" },
    );
    card(
        out,
        "Duplicates",
        &fmt_count(data.duplicates),
        "identical files skipped",
        "",
    );
    let (elapsed, elapsed_long) = fmt_duration(data.elapsed_seconds);
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

    out.push_str("<div class=\"columns\">\n<div>\n<h3>Run</h3>\n<table class=\"kv\"><tbody>\n");
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
    let rows: [(&str, String); 12] = [
        ("Run id", code_or_dash(&data.run_id, "")),
        ("Started", or_dash(&data.started_at)),
        ("Finished", or_dash(&data.finished_at)),
        ("Tool version", or_dash(&data.tool_version)),
        ("Schema version", or_dash(&data.schema_version)),
        (
            "Input root",
            code_or_dash(&data.input_root, " class=\"path\""),
        ),
        ("Elapsed", format!("{elapsed} {elapsed_long}")),
        (
            "Throughput",
            format!(
                "{} MB/s · {} documents/s",
                fmt_decimal(data.mb_per_second, 1),
                fmt_decimal(data.docs_per_second, 1)
            ),
        ),
        ("Files found", fmt_count(data.files_found)),
        ("Documents read", fmt_count(data.documents)),
        ("Rejected", fmt_count(data.rejected)),
        ("Duplicates", fmt_count(data.duplicates)),
    ];
    for (key, value) in rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{key}</th><td>{value}</td></tr>\n"
        ));
    }
    out.push_str("</tbody></table>\n</div>\n<div>\n<h3>Rows written per table</h3>\n");
    if data.table_rows.is_empty() {
        out.push_str(&empty_note("No tables were written."));
    } else {
        out.push_str(
            "<table class=\"data\"><thead><tr><th>Table</th><th class=\"num\">Rows</th></tr></thead><tbody>\n",
        );
        for (table, rows) in &data.table_rows {
            out.push_str(&format!(
                "<tr><td><code>{}</code></td><td class=\"num\">{}</td></tr>\n",
                esc(table),
                fmt_count(*rows)
            ));
        }
        let total: u64 = data.table_rows.iter().map(|(_, n)| *n).sum();
        out.push_str(&format!(
            "</tbody><tfoot><tr><th>Total</th><td class=\"num\">{}</td></tr></tfoot></table>\n",
            fmt_count(total)
        ));
    }
    out.push_str("</div>\n</div>\n");
    close_section(out);
}

fn card(out: &mut String, label: &str, value: &str, sub: &str, class: &str) {
    let class = if class.is_empty() {
        "card".to_string()
    } else {
        format!("card {class}")
    };
    out.push_str(&format!(
        "<div class=\"{class}\"><div class=\"card-label\">{}</div><div class=\"card-value\">{}</div><div class=\"card-sub\">{}</div></div>\n",
        esc(label),
        esc(value),
        esc(sub)
    ));
}

fn render_rejects(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "rejects",
        "Inputs that could not be turned into a document, with the stage that failed.",
    );
    let listed = data.rejects.len() as u64;
    // `rejected` is the total; the list may be cut short (at most the first 200).
    let total = data.rejected.max(listed);
    if total == 0 {
        out.push_str(&empty_note("No inputs were rejected — nothing to show."));
        close_section(out);
        return;
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
    out.push_str("</tbody></table></div>\n");
    close_section(out);
}

fn render_warnings(out: &mut String, data: &ReportData) {
    open_section(out, "warnings", "Problems met while reading documents that did not stop them being read, most frequent first.");
    if data.warnings.is_empty() && data.warnings_other == 0 {
        out.push_str(&empty_note("No warnings were raised — nothing to show."));
        close_section(out);
        return;
    }
    out.push_str(
        "<table class=\"data\"><thead><tr><th>Warning</th><th class=\"num\">Count</th></tr></thead><tbody>\n",
    );
    for (warning, count) in &data.warnings {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"num\">{}</td></tr>\n",
            esc(warning),
            fmt_count(*count)
        ));
    }
    if data.warnings_other > 0 {
        out.push_str(&format!(
            "<tr class=\"others\"><td>… and {} others not listed</td><td class=\"num\">{}</td></tr>\n",
            fmt_count(data.warnings_other),
            fmt_count(data.warnings_other)
        ));
    }
    out.push_str("</tbody></table>\n");
    close_section(out);
}

fn render_years(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "years",
        "Documents per report year (the year a report covers, not the year it was published).",
    );
    let total: u64 = data.docs_per_year.iter().map(|(_, n)| *n).sum();
    let label = |year: &Option<i32>| year.map_or_else(|| "unknown".to_string(), |y| y.to_string());
    let bars = data
        .docs_per_year
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
    if data.docs_per_year.is_empty() {
        out.push_str(&chart.render());
    } else {
        // Chart and numbers side by side: the table gives exact counts the bars only suggest.
        out.push_str("<div class=\"side-by-side\">\n");
        out.push_str(&chart.render());
        out.push_str(
            "<table class=\"data compact\"><thead><tr><th>Year</th><th class=\"num\">Documents</th><th class=\"num\">Share</th></tr></thead><tbody>\n",
        );
        // The table is capped like the chart so a garbled year column cannot flood the page.
        for (year, n) in data.docs_per_year.iter().take(MAX_BARS) {
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                esc(&label(year)),
                fmt_count(*n),
                fmt_percent(*n, total)
            ));
        }
        if data.docs_per_year.len() > MAX_BARS {
            let rest = &data.docs_per_year[MAX_BARS..];
            let rest_docs: u64 = rest.iter().map(|(_, n)| *n).sum();
            out.push_str(&format!(
                "<tr class=\"others\"><td>… {} more years</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                fmt_count(rest.len() as u64),
                fmt_count(rest_docs),
                fmt_percent(rest_docs, total)
            ));
        }
        out.push_str(&format!(
            "</tbody><tfoot><tr><th>Total</th><td class=\"num\">{}</td><td class=\"num\"></td></tr></tfoot></table>\n</div>\n",
            fmt_count(total)
        ));
    }
    close_section(out);
}

fn render_levels(out: &mut String, data: &ReportData) {
    open_section(
        out,
        "levels",
        "Documents per administrative level of the issuing body, and per document kind.",
    );

    // Show levels top-down (省 before 市 …) whatever order they arrive in; unknown last.
    let mut levels: Vec<&(Option<String>, u64)> = data.docs_per_admin_level.iter().collect();
    levels.sort_by_key(|(level, _)| match level {
        Some(l) => ADMIN_LEVELS
            .iter()
            .position(|(zh, _)| zh == l)
            .unwrap_or(ADMIN_LEVELS.len()),
        None => ADMIN_LEVELS.len() + 1,
    });
    let level_total: u64 = levels.iter().map(|(_, n)| *n).sum();
    let bars = levels
        .iter()
        .map(|(level, n)| {
            let label = match level {
                Some(l) => match ADMIN_LEVELS.iter().find(|(zh, _)| zh == l) {
                    Some((zh, en)) => format!("{zh} · {en}"),
                    None => l.clone(),
                },
                None => "unknown".to_string(),
            };
            Bar::count_with_share(label, *n, level_total)
        })
        .collect();
    out.push_str("<h3>Administrative level</h3>\n");
    out.push_str(
        &BarChart {
            title: "Documents per administrative level",
            axis_label: "Documents",
            direction: Direction::Horizontal,
            bars,
            fixed_max: None,
            empty_text: "No administrative levels were recorded — nothing to show.",
        }
        .render(),
    );

    let kind_total: u64 = data.docs_per_kind.iter().map(|(_, n)| *n).sum();
    let bars = data
        .docs_per_kind
        .iter()
        .map(|(kind, n)| {
            let label = match kind.as_str() {
                "rol_annual" => "rol_annual · 法治政府建设年度报告".to_string(),
                "other" => "other · 其他".to_string(),
                _ => kind.clone(),
            };
            Bar::count_with_share(label, *n, kind_total)
        })
        .collect();
    out.push_str("<h3>Document kind</h3>\n");
    out.push_str(
        &BarChart {
            title: "Documents per document kind",
            axis_label: "Documents",
            direction: Direction::Horizontal,
            bars,
            fixed_max: None,
            empty_text: "No document kinds were recorded — nothing to show.",
        }
        .render(),
    );
    close_section(out);
}

fn render_coverage(out: &mut String, data: &ReportData) {
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
        .map(|(code, zh, en)| coverage_bar(format!("{zh} · {en}"), count_of(code), data.documents))
        .collect();
    // Any further section types the pipeline reports are shown after the mandated four.
    for (section, n) in &data.section_coverage {
        if !MANDATED_SECTIONS.iter().any(|(code, _, _)| code == section) {
            bars.push(coverage_bar(section.clone(), *n, data.documents));
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

fn coverage_bar(label: String, n: u64, documents: u64) -> Bar {
    let share = 100.0 * n as f64 / documents as f64;
    Bar {
        value_label: format!(
            "{}% · {} of {}",
            fmt_decimal(share, 1),
            fmt_count(n),
            fmt_count(documents)
        ),
        label,
        value: share,
    }
}

fn render_indicators(out: &mut String, data: &ReportData) {
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

fn render_facts(out: &mut String, data: &ReportData) {
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

// ---------------------------------------------------------------------------------------------
// Bar charts (hand-written inline SVG)
// ---------------------------------------------------------------------------------------------

/// Which way the bars grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Bars grow upwards from a horizontal axis; for ordered categories such as years.
    Vertical,
    /// Bars grow rightwards; for categories with long (Chinese) labels.
    Horizontal,
}

/// One category of a bar chart.
#[derive(Debug, Clone, PartialEq)]
struct Bar {
    label: String,
    /// Bar length in axis units; negative or non-finite values draw as zero.
    value: f64,
    /// Text printed at the end of the bar.
    value_label: String,
}

impl Bar {
    fn count(label: String, n: u64) -> Self {
        Bar {
            label,
            value: n as f64,
            value_label: fmt_count(n),
        }
    }

    fn count_with_share(label: String, n: u64, total: u64) -> Self {
        Bar {
            label,
            value: n as f64,
            // With nothing counted a share means nothing; show the bare count.
            value_label: if total == 0 {
                fmt_count(n)
            } else {
                format!("{} ({})", fmt_count(n), fmt_percent(n, total))
            },
        }
    }

    fn length(&self) -> f64 {
        if self.value.is_finite() && self.value > 0.0 {
            self.value
        } else {
            0.0
        }
    }
}

/// A bar chart; [`BarChart::render`] gives inline SVG, or a sentence when there is no bar.
struct BarChart<'a> {
    /// Accessible name of the chart.
    title: &'a str,
    /// What the value axis measures.
    axis_label: &'a str,
    direction: Direction,
    bars: Vec<Bar>,
    /// Fixed axis maximum (100 for percentages); otherwise scaled to the largest bar.
    fixed_max: Option<f64>,
    empty_text: &'a str,
}

const FONT_PX: f64 = 12.0;
const TICK_FONT_PX: f64 = 11.0;
/// Longest label drawn, in pixels; longer ones are cut with "…" (full text in the tooltip).
const MAX_LABEL_PX: f64 = 240.0;

impl BarChart<'_> {
    fn render(&self) -> String {
        if self.bars.is_empty() {
            return empty_note(self.empty_text);
        }
        let shown = &self.bars[..self.bars.len().min(MAX_BARS)];
        let hidden = self.bars.len() - shown.len();
        let svg = match self.direction {
            Direction::Vertical => self.vertical(shown),
            Direction::Horizontal => self.horizontal(shown),
        };
        let mut out = format!("<figure class=\"chart\">\n{svg}");
        if hidden > 0 {
            out.push_str(&format!(
                "<figcaption class=\"more\">… {} more not shown ({} categories in all).</figcaption>\n",
                fmt_count(hidden as u64),
                fmt_count(self.bars.len() as u64)
            ));
        }
        out.push_str("</figure>\n");
        out
    }

    /// Axis maximum and tick step for the bars shown.
    fn scale(&self, bars: &[Bar]) -> (f64, f64) {
        let data_max = bars.iter().map(Bar::length).fold(0.0, f64::max);
        let integer = self.fixed_max.is_none() && bars.iter().all(|b| b.length().fract() == 0.0);
        nice_scale(self.fixed_max.unwrap_or(data_max), integer)
    }

    fn svg_open(&self, width: f64, height: f64) -> String {
        format!(
            "<svg class=\"bars\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{t}\">\n<title>{t}</title>\n",
            w = px(width),
            h = px(height),
            t = esc(self.title)
        )
    }

    fn vertical(&self, bars: &[Bar]) -> String {
        let n = bars.len() as f64;
        let (axis_max, step) = self.scale(bars);
        let ticks = tick_values(axis_max, step);
        let tick_w = ticks
            .iter()
            .map(|t| text_width(&fmt_tick(*t, step), TICK_FONT_PX))
            .fold(0.0, f64::max);
        // Wide slots for a few bars, narrower ones (down to 16 px) for many.
        let slot = if bars.len() <= 10 {
            64.0
        } else {
            (720.0 / n).clamp(16.0, 64.0)
        };
        let bar_w = slot * 0.7;
        let plot_h = 200.0;

        let labels: Vec<String> = bars
            .iter()
            .map(|b| truncate_to_width(&b.label, 120.0, FONT_PX))
            .collect();
        let label_w = labels
            .iter()
            .map(|l| text_width(l, FONT_PX))
            .fold(0.0, f64::max);
        // Category labels are slanted when they do not fit under their bar, steeply enough that
        // neighbouring labels (slot × sin angle apart) do not overlap.
        let slanted = label_w > slot - 4.0;
        let angle: f64 = [40.0f64, 60.0, 90.0]
            .into_iter()
            .find(|a| slot * a.to_radians().sin() >= 15.0)
            .unwrap_or(90.0);
        let (sin, cos) = (angle.to_radians().sin(), angle.to_radians().cos());
        let value_w = bars
            .iter()
            .map(|b| text_width(&b.value_label, FONT_PX))
            .fold(0.0, f64::max);
        // Value labels run upwards when they are wider than a bar slot.
        let upright_values = value_w > slot - 2.0;

        let top = 22.0 + if upright_values { value_w + 8.0 } else { 18.0 };
        let bottom = if slanted { label_w * sin + 24.0 } else { 26.0 };
        let left_for_slant = if slanted {
            label_w * cos - slot / 2.0 + 6.0
        } else {
            0.0
        };
        let left = (tick_w + 14.0).max(left_for_slant);
        let plot_w = slot * n;
        let width = left + plot_w + 16.0;
        let height = top + plot_h + bottom;
        let base = top + plot_h;

        let mut s = self.svg_open(width, height);
        s.push_str(&format!(
            "<text class=\"axis-label\" x=\"{}\" y=\"14\">{}</text>\n",
            px(2.0),
            esc(self.axis_label)
        ));
        for t in &ticks {
            let y = base - plot_h * t / axis_max;
            s.push_str(&format!(
                "<line class=\"grid\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                px(left),
                px(left + plot_w),
                px(left - 6.0),
                px(y + 4.0),
                fmt_tick(*t, step),
                y = px(y)
            ));
        }
        for (i, (bar, label)) in bars.iter().zip(&labels).enumerate() {
            let cx = left + slot * (i as f64 + 0.5);
            let h = plot_h * bar.length().min(axis_max) / axis_max;
            let y = base - h;
            s.push_str(&format!(
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect>\n",
                px(cx - bar_w / 2.0),
                px(y),
                px(bar_w),
                px(h),
                esc(&bar.label),
                esc(&bar.value_label)
            ));
            if upright_values {
                s.push_str(&format!(
                    "<text class=\"value\" x=\"{x}\" y=\"{y}\" transform=\"rotate(-90 {x} {y})\" dominant-baseline=\"central\">{}</text>\n",
                    esc(&bar.value_label),
                    x = px(cx),
                    y = px(y - 5.0)
                ));
            } else {
                s.push_str(&format!(
                    "<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                    px(cx),
                    px(y - 5.0),
                    esc(&bar.value_label)
                ));
            }
            if slanted {
                let ly = base + 14.0;
                s.push_str(&format!(
                    "<text class=\"label\" x=\"{x}\" y=\"{y}\" transform=\"rotate(-{a} {x} {y})\" text-anchor=\"end\">{}</text>\n",
                    esc(label),
                    a = angle,
                    x = px(cx + 4.0),
                    y = px(ly)
                ));
            } else {
                s.push_str(&format!(
                    "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                    px(cx),
                    px(base + 17.0),
                    esc(label)
                ));
            }
        }
        s.push_str(&format!(
            "<line class=\"axis\" x1=\"{}\" y1=\"{b}\" x2=\"{}\" y2=\"{b}\"/>\n</svg>\n",
            px(left),
            px(left + plot_w),
            b = px(base)
        ));
        s
    }

    fn horizontal(&self, bars: &[Bar]) -> String {
        let n = bars.len() as f64;
        let (axis_max, step) = self.scale(bars);
        let ticks = tick_values(axis_max, step);
        let labels: Vec<String> = bars
            .iter()
            .map(|b| truncate_to_width(&b.label, MAX_LABEL_PX, FONT_PX))
            .collect();
        let label_w = labels
            .iter()
            .map(|l| text_width(l, FONT_PX))
            .fold(0.0, f64::max);
        let value_w = bars
            .iter()
            .map(|b| text_width(&b.value_label, FONT_PX))
            .fold(0.0, f64::max);
        let row_h = 26.0;
        let bar_h = 16.0;
        let top = 6.0;
        let left = label_w + 14.0;
        let plot_w = 560.0;
        let plot_h = row_h * n;
        let width = left + plot_w + value_w + 18.0;
        let height = top + plot_h + 44.0;
        let base = top + plot_h;

        let mut s = self.svg_open(width, height);
        for t in &ticks {
            let x = left + plot_w * t / axis_max;
            s.push_str(&format!(
                "<line class=\"grid\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\n<text class=\"tick\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                px(top),
                px(base),
                px(base + 15.0),
                fmt_tick(*t, step),
                x = px(x)
            ));
        }
        for (i, (bar, label)) in bars.iter().zip(&labels).enumerate() {
            let row_y = top + row_h * i as f64;
            let bar_y = row_y + (row_h - bar_h) / 2.0;
            let w = plot_w * bar.length().min(axis_max) / axis_max;
            let mid = row_y + row_h / 2.0 + 4.0;
            s.push_str(&format!(
                "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                px(left - 8.0),
                px(mid),
                esc(label)
            ));
            if self.fixed_max.is_some() {
                // A pale track shows the whole scale, so "share of 100%" reads at a glance.
                s.push_str(&format!(
                    "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                    px(left),
                    px(bar_y),
                    px(plot_w),
                    px(bar_h)
                ));
            }
            s.push_str(&format!(
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {}</title></rect>\n",
                px(left),
                px(bar_y),
                px(w),
                px(bar_h),
                esc(&bar.label),
                esc(&bar.value_label)
            ));
            // Percentage bars have a full-width track, so their value goes after the track.
            let value_x = if self.fixed_max.is_some() {
                left + plot_w + 6.0
            } else {
                left + w + 6.0
            };
            s.push_str(&format!(
                "<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
                px(value_x),
                px(mid),
                esc(&bar.value_label)
            ));
        }
        s.push_str(&format!(
            "<line class=\"axis\" x1=\"{l}\" y1=\"{}\" x2=\"{l}\" y2=\"{}\"/>\n<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n</svg>\n",
            px(top),
            px(base),
            px(left + plot_w / 2.0),
            px(base + 34.0),
            esc(self.axis_label),
            l = px(left)
        ));
        s
    }
}

/// A "nice" axis maximum and tick step (1, 2 or 5 × 10ⁿ) covering `max` in about five ticks.
fn nice_scale(max: f64, integer: bool) -> (f64, f64) {
    if !max.is_finite() || max <= 0.0 {
        // All bars are zero: keep a unit axis so nothing divides by zero.
        return (1.0, 1.0);
    }
    let raw = max / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    let mut step = nice * magnitude;
    if integer && step < 1.0 {
        step = 1.0;
    }
    let axis_max = (max / step).ceil() * step;
    (axis_max, step)
}

fn tick_values(axis_max: f64, step: f64) -> Vec<f64> {
    let count = (axis_max / step).round() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

fn fmt_tick(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10()).ceil().clamp(0.0, 6.0) as usize
    };
    fmt_decimal(value, decimals)
}

/// A pixel coordinate with at most one decimal, without a trailing ".0".
fn px(v: f64) -> String {
    let s = format!("{:.1}", if v.is_finite() { v } else { 0.0 });
    match s.strip_suffix(".0") {
        Some("-0") => "0".to_string(),
        Some(whole) => whole.to_string(),
        None => s,
    }
}

/// Rough rendered width of `text`: CJK and full-width characters take a full em, others ~0.6.
/// Good enough to size margins; nothing depends on it being exact.
fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn char_em(c: char) -> f64 {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 1.0,
        _ if c.is_ascii_uppercase() || c == 'm' || c == 'w' => 0.72,
        _ if c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' => 0.32,
        _ => 0.58,
    }
}

/// Cuts `text` to fit `max_px`, ending in "…" when anything was cut.
fn truncate_to_width(text: &str, max_px: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_string();
    }
    let budget = max_px - char_em('…') * font_px;
    let mut width = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        width += char_em(c) * font_px;
        if width > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

// ---------------------------------------------------------------------------------------------
// Escaping and number formatting
// ---------------------------------------------------------------------------------------------

/// Escapes text for element content and quoted attribute values (the five XML entities), and
/// replaces control characters that XML 1.0 forbids, since paths and messages come from the wild.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// 1234567 → "1,234,567".
fn fmt_count(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// A number with `decimals` decimals and thousands separators; "—" when not a number.
fn fmt_decimal(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let is_zero = s.chars().all(|c| c == '0' || c == '.');
    let mut out = String::new();
    if x < 0.0 && !is_zero {
        out.push('−');
    }
    out.push_str(&group_thousands(int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Totals and medians: whole numbers as such, otherwise up to two decimals.
fn fmt_quantity(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        return fmt_decimal(x, 0);
    }
    let s = fmt_decimal(x, 2);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `part` as a percentage of `whole` with one decimal; "—" when `whole` is zero.
fn fmt_percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".to_string();
    }
    format!("{}%", fmt_decimal(100.0 * part as f64 / whole as f64, 1))
}

fn fmt_mib(bytes: u64) -> String {
    format!("{} MiB", fmt_decimal(bytes as f64 / (1024.0 * 1024.0), 1))
}

/// Seconds with one decimal, plus a minutes/hours reading for long runs.
fn fmt_duration(seconds: f64) -> (String, String) {
    let short = format!("{} s", fmt_decimal(seconds, 1));
    if !seconds.is_finite() || seconds < 60.0 {
        return (short, String::new());
    }
    let total = seconds.round() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let long = if h > 0 {
        format!("({h} h {m} min)")
    } else {
        format!("({m} min {s} s)")
    };
    (short, long)
}

// ---------------------------------------------------------------------------------------------
// Style
// ---------------------------------------------------------------------------------------------

/// Inline stylesheet. Must contain no `<` or `&` so it stays valid XML text.
const CSS: &str = r#"
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #e3e7ec; --bg: #f4f6f9; --panel: #ffffff;
  --accent: #2f5d8a; --accent-soft: #e3ecf5; --warn: #b4531c; --warn-soft: #fbeee6; }
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; color: var(--ink); font-size: 15px; line-height: 1.55;
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC",
    "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "WenQuanYi Micro Hei", sans-serif; }
code { font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC",
  monospace; font-size: 0.88em; background: #f0f2f5; border-radius: 4px; padding: 0.05em 0.35em; }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
.page-header { background: #24405f; color: #fff; padding: 28px 0 24px; margin-bottom: 20px; }
.page-header h1 { margin: 2px 0 6px; font-size: 30px; font-weight: 650; letter-spacing: 0.01em; }
.page-header .eyebrow { margin: 0; color: #b9cce0; font-size: 13px; letter-spacing: 0.08em; text-transform: uppercase; }
.page-header .meta { margin: 0; color: #dce6f0; font-size: 14px; }
.page-header code { background: rgba(255, 255, 255, 0.14); color: #fff; }
.toc { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 14px; background: var(--panel);
  border: 1px solid var(--line); border-radius: 10px; padding: 10px 16px; margin-bottom: 18px; }
.toc-title { font-weight: 600; color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; }
.toc ol { display: flex; flex-wrap: wrap; gap: 4px 6px; margin: 0; padding: 0; list-style: none; counter-reset: toc; }
.toc li { counter-increment: toc; }
.toc a { display: inline-block; padding: 3px 10px; border-radius: 999px; color: var(--accent);
  text-decoration: none; font-size: 14px; background: var(--accent-soft); }
.toc a::before { content: counter(toc) ". "; color: var(--muted); }
.toc a:hover { background: #cfdeee; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 24px 22px; margin-bottom: 18px; }
.panel h2 { margin: 0 0 4px; font-size: 21px; font-weight: 650; }
.panel h3 { margin: 18px 0 6px; font-size: 15px; font-weight: 600; color: var(--muted); }
.lead { margin: 0 0 12px; color: var(--muted); }
.note { color: var(--muted); font-size: 14px; margin: 8px 0; }
.empty { color: var(--muted); font-style: italic; margin: 8px 0; }
.notice { background: var(--warn-soft); color: var(--warn); border-radius: 8px; padding: 10px 14px; margin: 8px 0 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 12px 0 4px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: #fbfcfd; }
.card-label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.card-value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; margin: 2px 0; white-space: nowrap; }
.card-sub { font-size: 13px; color: var(--muted); }
.card.warn { border-color: #efcdb8; background: var(--warn-soft); }
.card.warn .card-value { color: var(--warn); }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 8px 32px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
  border-bottom: 2px solid var(--line); font-weight: 600; }
tfoot th, tfoot td { font-weight: 600; border-bottom: none; border-top: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); }
table.kv th { width: 34%; color: var(--muted); font-weight: 500; }
table.compact { width: auto; min-width: 320px; margin-top: 6px; }
.path { word-break: break-all; }
.scroll { overflow-x: auto; }
.rejects td:nth-child(2) { max-width: 460px; }
.tag { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 999px; background: var(--warn-soft); color: var(--warn); white-space: nowrap; }
tr.others td { color: var(--muted); font-style: italic; }
figure.chart { margin: 6px 0 10px; overflow-x: auto; }
figure.chart .more { color: var(--muted); font-size: 13px; margin-top: 2px; }
svg.bars { display: block; max-width: 100%; height: auto; }
svg.bars text { font-size: 12px; fill: var(--ink); font-family: inherit; }
svg.bars .tick { font-size: 11px; fill: var(--muted); }
svg.bars .axis-label { font-size: 12px; fill: var(--muted); }
svg.bars .value { font-weight: 600; fill: #33475b; }
svg.bars .bar { fill: var(--accent); }
svg.bars .bar:hover { fill: #3f78b0; }
svg.bars .track { fill: var(--accent-soft); }
svg.bars .grid { stroke: #edf0f3; stroke-width: 1; }
svg.bars .axis { stroke: #9aa5b1; stroke-width: 1; }
.side-by-side { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px 40px; }
.side-by-side figure.chart { flex: 0 1 auto; min-width: 0; }
.page-footer { color: var(--muted); font-size: 13px; padding-bottom: 32px; }
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;
    use quick_xml::Reader;

    /// A run with several years, levels, awkward paths and a few indicators.
    fn sample() -> ReportData {
        ReportData {
            run_id: "2025-03-01T10-00-00_ab12".into(),
            started_at: "2025-03-01T10:00:00+08:00".into(),
            finished_at: "2025-03-01T10:04:12+08:00".into(),
            tool_version: "0.9.2".into(),
            schema_version: "3".into(),
            input_root: "/data/法治政府/年度报告".into(),
            elapsed_seconds: 252.4,
            mb_per_second: 12.345,
            docs_per_second: 8.76,
            peak_rss_bytes: Some(734_003_200),
            files_found: 2_310,
            documents: 2_204,
            rejected: 57,
            duplicates: 49,
            table_rows: vec![
                ("documents".into(), 2_204),
                ("sections".into(), 18_930),
                ("facts".into(), 1_204_331),
                ("indicators".into(), 96_120),
            ],
            rejects: vec![
                (
                    "/data/法治政府/<bad> & \"odd\" 'name'.pdf".into(),
                    "extract".into(),
                    "PDF has no text layer (scanned image?)".into(),
                ),
                (
                    "/data/法治政府/广东省/广州市海珠区人民政府海幢街道办事处2023年法治政府建设年度报告.docx".into(),
                    "decode".into(),
                    "invalid UTF-16 <surrogate> at byte 1024".into(),
                ),
                ("/data/x\u{1}y.html".into(), "parse".into(), "unexpected end of file".into()),
            ],
            warnings: vec![
                ("report year inferred from publication date".into(), 311),
                ("organization not found in title or opening <p>".into(), 87),
                ("table with merged cells flattened & re-aligned".into(), 12),
            ],
            warnings_other: 9,
            docs_per_year: vec![
                (Some(2019), 120),
                (Some(2020), 260),
                (Some(2021), 388),
                (Some(2022), 455),
                (Some(2023), 501),
                (Some(2024), 436),
                (None, 44),
            ],
            docs_per_admin_level: vec![
                (Some("区县".into()), 802),
                (Some("省".into()), 64),
                (Some("市".into()), 402),
                (Some("乡镇".into()), 311),
                (Some("街道".into()), 287),
                (Some("部门".into()), 250),
                (None, 88),
            ],
            docs_per_kind: vec![("rol_annual".into(), 2_150), ("other".into(), 54)],
            section_coverage: vec![
                ("measures_and_results".into(), 2_101),
                ("shortcomings".into(), 1_880),
                ("leadership_duty".into(), 1_422),
                ("next_year_plan".into(), 1_990),
            ],
            facts_by_kind: vec![
                ("count".into(), 702_113),
                ("money".into(), 180_442),
                ("rate".into(), 96_001),
                ("duration".into(), 20_775),
                ("area".into(), 5_000),
            ],
            top_indicators: vec![
                IndicatorSummary {
                    code: "admin_reconsideration_cases".into(),
                    label: "行政复议案件数".into(),
                    unit: "件".into(),
                    n_docs: 1_210,
                    total: 84_512.0,
                    median: 31.0,
                },
                IndicatorSummary {
                    code: "admin_litigation_cases".into(),
                    label: "行政应诉案件数".into(),
                    unit: "件".into(),
                    n_docs: 1_104,
                    total: 61_220.0,
                    median: 22.5,
                },
                IndicatorSummary {
                    code: "leader_appearance_rate".into(),
                    label: "行政机关负责人出庭应诉率".into(),
                    unit: "%".into(),
                    n_docs: 980,
                    total: 90_112.4,
                    median: 98.6,
                },
                IndicatorSummary {
                    code: "training_sessions".into(),
                    label: "组织开展法治培训和以案释法、旁听庭审等各类学习活动的场次（含线上线下）".into(),
                    unit: "场".into(),
                    n_docs: 612,
                    total: 15_033.0,
                    median: 12.0,
                },
                IndicatorSummary {
                    code: "normative_docs_reviewed".into(),
                    label: "规范性文件合法性审核件数".into(),
                    unit: "件".into(),
                    n_docs: 577,
                    total: 20_118.0,
                    median: 18.0,
                },
            ],
        }
    }

    /// Parses the document as XML from start to end (after the DOCTYPE), checking that tags
    /// balance, there is one root, attributes are well formed and only the five XML entities
    /// are used.
    fn assert_well_formed(html: &str) {
        let body = html
            .strip_prefix("<!DOCTYPE html>")
            .expect("document starts with the doctype");
        let mut reader = Reader::from_str(body);
        let mut depth = 0usize;
        let mut roots = 0;
        loop {
            let pos = reader.buffer_position();
            match reader.read_event() {
                Err(e) => panic!("XML error near byte {pos}: {e}"),
                Ok(Event::Eof) => break,
                Ok(Event::Start(e)) => {
                    check_attributes(&e);
                    if depth == 0 {
                        roots += 1;
                    }
                    depth += 1;
                }
                Ok(Event::Empty(e)) => {
                    check_attributes(&e);
                    if depth == 0 {
                        roots += 1;
                    }
                }
                Ok(Event::End(_)) => depth -= 1,
                Ok(Event::GeneralRef(r)) => {
                    let name = std::str::from_utf8(&r).unwrap();
                    assert!(
                        matches!(name, "amp" | "lt" | "gt" | "quot" | "apos"),
                        "entity &{name}; is not one of the five XML entities"
                    );
                }
                Ok(Event::Text(t)) => {
                    if depth == 0 {
                        assert!(
                            t.iter().all(u8::is_ascii_whitespace),
                            "text outside the root"
                        );
                    }
                }
                Ok(Event::DocType(_)) => panic!("second doctype"),
                Ok(_) => {}
            }
        }
        assert_eq!(depth, 0, "unclosed elements at end of document");
        assert_eq!(roots, 1, "exactly one root element");
    }

    fn check_attributes(e: &quick_xml::events::BytesStart) {
        for attr in e.attributes() {
            let attr = attr.expect("well-formed attribute");
            attr.unescape_value().expect("attribute value unescapes");
        }
    }

    /// The text of `<section id="…">` up to its end tag (sections do not nest).
    fn section<'a>(html: &'a str, id: &str) -> &'a str {
        let start = html
            .find(&format!("<section id=\"{id}\""))
            .unwrap_or_else(|| panic!("section {id} present"));
        let len = html[start..].find("</section>").expect("section closed");
        &html[start..start + len]
    }

    /// Number of bars in each `<svg` of `fragment`, in order.
    fn bars_per_chart(fragment: &str) -> Vec<usize> {
        fragment
            .split("<svg")
            .skip(1)
            .map(|chunk| {
                let svg = &chunk[..chunk.find("</svg>").expect("svg closed")];
                svg.matches("<rect class=\"bar\"").count()
            })
            .collect()
    }

    #[test]
    fn realistic_report_is_well_formed_xml() {
        assert_well_formed(&render_report(&sample()));
    }

    #[test]
    fn every_section_is_present_and_in_the_toc() {
        let html = render_report(&sample());
        for (id, _) in SECTIONS {
            assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
            assert!(html.contains(&format!("href=\"#{id}\"")), "toc link {id}");
        }
    }

    #[test]
    fn charts_have_one_bar_per_category() {
        let data = sample();
        let html = render_report(&data);
        assert_eq!(
            bars_per_chart(section(&html, "years")),
            [data.docs_per_year.len()]
        );
        assert_eq!(
            bars_per_chart(section(&html, "levels")),
            [data.docs_per_admin_level.len(), data.docs_per_kind.len()]
        );
        assert_eq!(bars_per_chart(section(&html, "coverage")), [4]);
        assert_eq!(
            bars_per_chart(section(&html, "indicators")),
            [data.top_indicators.len()]
        );
        assert_eq!(
            bars_per_chart(section(&html, "facts")),
            [data.facts_by_kind.len()]
        );
    }

    #[test]
    fn content_is_shown_and_formatted() {
        let html = render_report(&sample());
        let summary = section(&html, "summary");
        for expected in [
            "2025-03-01T10-00-00_ab12",
            "0.9.2",
            "/data/法治政府/年度报告",
            "252.4 s",
            "(4 min 12 s)",
            "12.3 MB/s",
            "8.8 documents/s",
            "700.0 MiB",
            "2,310",
            "2,204",
            "1,204,331",
        ] {
            assert!(summary.contains(expected), "summary shows {expected}");
        }
        let rejects = section(&html, "rejects");
        assert!(rejects.contains("Showing the first 3 of 57 rejected inputs; 54 are not shown."));
        let warnings = section(&html, "warnings");
        assert!(warnings.contains("9 others"));
        assert!(section(&html, "coverage").contains("95.3% · 2,101 of 2,204"));
        let levels = section(&html, "levels");
        // Levels are ordered top-down whatever order they arrive in; unknown last.
        let pos = |s: &str| levels.find(s).unwrap_or_else(|| panic!("{s}"));
        assert!(pos("省 · province") < pos("市 · city"));
        assert!(pos("市 · city") < pos("区县 · county"));
        assert!(pos("部门 · department") < pos(">unknown<"));
    }

    #[test]
    fn wild_text_is_escaped() {
        let html = render_report(&sample());
        assert!(html.contains("&lt;bad&gt; &amp; &quot;odd&quot; &apos;name&apos;.pdf"));
        assert!(html.contains("opening &lt;p&gt;"));
        assert!(!html.contains("<bad>"));
        // Control characters are not allowed in XML; they are replaced.
        assert!(html.contains("x\u{FFFD}y.html"));
        assert!(!html.contains('\u{1}'));
    }

    #[test]
    fn page_is_self_contained() {
        let html = render_report(&sample());
        for forbidden in ["http://", "https://", "<script", "<link", "<img", "url("] {
            assert!(!html.contains(forbidden), "{forbidden}");
        }
        assert!(html.starts_with("<!DOCTYPE html>\n<html"));
        assert!(html.contains("<meta charset=\"utf-8\"/>"));
        assert!(!CSS.contains('<') && !CSS.contains('&'));
    }

    #[test]
    fn rendering_is_deterministic() {
        assert_eq!(render_report(&sample()), render_report(&sample()));
    }

    #[test]
    fn empty_run_says_there_is_nothing_to_show() {
        let html = render_report(&ReportData::default());
        assert_well_formed(&html);
        assert!(html.contains("there is nothing to show"));
        for (id, _) in SECTIONS {
            assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
        }
        for id in [
            "rejects",
            "warnings",
            "years",
            "levels",
            "coverage",
            "indicators",
            "facts",
        ] {
            let s = section(&html, id);
            assert!(s.contains("class=\"empty\""), "{id} says it is empty");
            assert!(!s.contains("<svg"), "{id} draws no chart");
        }
        assert!(section(&html, "summary").contains("not measured"));
    }

    #[test]
    fn hundreds_of_categories_are_capped() {
        let data = ReportData {
            documents: 1,
            facts_by_kind: (0..500).map(|i| (format!("kind_{i}"), 500 - i)).collect(),
            docs_per_year: (1500..2000).map(|y| (Some(y), 1)).collect(),
            ..ReportData::default()
        };
        let html = render_report(&data);
        assert_well_formed(&html);
        for id in ["facts", "years"] {
            let s = section(&html, id);
            assert_eq!(bars_per_chart(s), [MAX_BARS], "{id}");
            assert!(
                s.contains("… 460 more not shown (500 categories in all)."),
                "{id}"
            );
        }
    }

    #[test]
    fn charts_cope_with_one_bar_zero_max_and_long_labels() {
        let one = BarChart {
            title: "t",
            axis_label: "a",
            direction: Direction::Vertical,
            bars: vec![Bar::count("2024".into(), 7)],
            fixed_max: None,
            empty_text: "none",
        }
        .render();
        assert_eq!(bars_per_chart(&one), [1]);

        for direction in [Direction::Vertical, Direction::Horizontal] {
            let zeros = BarChart {
                title: "t",
                axis_label: "a",
                direction,
                bars: vec![Bar::count("a".into(), 0), Bar::count("b".into(), 0)],
                fixed_max: None,
                empty_text: "none",
            }
            .render();
            assert_eq!(bars_per_chart(&zeros), [2]);
            assert!(!zeros.contains("NaN") && !zeros.contains("inf"));

            let long = "很长的标签".repeat(40);
            let chart = BarChart {
                title: "t",
                axis_label: "a",
                direction,
                bars: vec![Bar::count(long.clone(), 3), Bar::count("x".into(), 1)],
                fixed_max: None,
                empty_text: "none",
            }
            .render();
            // The drawn label is cut; the full one stays in the tooltip.
            assert!(chart.contains('…'));
            assert!(chart.contains(&format!("<title>{long}: 3</title>")));
            let width: f64 = chart
                .split("width=\"")
                .nth(1)
                .and_then(|w| w.split('"').next())
                .and_then(|w| w.parse().ok())
                .unwrap();
            assert!(width < 1000.0, "{direction:?} chart stays narrow: {width}");
        }

        let empty = BarChart {
            title: "t",
            axis_label: "a",
            direction: Direction::Horizontal,
            bars: vec![],
            fixed_max: None,
            empty_text: "Nothing here.",
        }
        .render();
        assert_eq!(empty, "<p class=\"empty\">Nothing here.</p>\n");
    }

    #[test]
    fn numbers_are_formatted_for_people() {
        assert_eq!(fmt_count(0), "0");
        assert_eq!(fmt_count(999), "999");
        assert_eq!(fmt_count(1_000), "1,000");
        assert_eq!(fmt_count(1_234_567), "1,234,567");
        assert_eq!(fmt_decimal(1234.56, 1), "1,234.6");
        assert_eq!(fmt_decimal(-0.01, 1), "0.0");
        assert_eq!(fmt_decimal(-1500.0, 0), "−1,500");
        assert_eq!(fmt_decimal(f64::NAN, 1), "—");
        assert_eq!(fmt_quantity(84_512.0), "84,512");
        assert_eq!(fmt_quantity(22.5), "22.5");
        assert_eq!(fmt_quantity(0.126), "0.13");
        assert_eq!(fmt_mib(1024 * 1024 * 3 / 2), "1.5 MiB");
        assert_eq!(fmt_percent(1, 3), "33.3%");
        assert_eq!(fmt_percent(1, 0), "—");
        assert_eq!(fmt_duration(59.94).0, "59.9 s");
        assert_eq!(fmt_duration(3725.0).1, "(1 h 2 min)");
        assert_eq!(nice_scale(0.0, true), (1.0, 1.0));
        assert_eq!(nice_scale(3.0, true), (3.0, 1.0));
        assert_eq!(nice_scale(7.0, true), (8.0, 2.0));
        assert_eq!(nice_scale(501.0, true), (600.0, 200.0));
        assert_eq!(nice_scale(100.0, false), (100.0, 20.0));
        assert_eq!(px(-0.01), "0");
        assert_eq!(px(12.25), "12.2");
    }

    /// Writes the sample report to the temp directory (/tmp/report_example.html) for a look
    /// in a browser.
    #[test]
    #[ignore = "writes /tmp/report_example.html for a look in a browser"]
    fn writes_example_file() {
        let path = std::env::temp_dir().join("report_example.html");
        std::fs::write(&path, render_report(&sample())).expect("write example report");
    }
}
