//! The page's sections, in page order, each drawn by its own module from [`ReportData`].

mod breakdowns;
mod documents;
mod fields;
mod levels;
mod problems;
mod run;
mod summary;

use super::format::esc;
use super::ReportData;

/// Section ids and headings, in page order; the table of contents is built from this list.
/// What an analyst asks first comes first; how fast the run was comes last.
pub(crate) const SECTIONS: [(&str, &str); 11] = [
    ("summary", "Summary"),
    ("fields", "Field coverage"),
    ("documents", "Documents"),
    ("warnings", "Warnings"),
    ("rejects", "Rejected inputs"),
    ("levels", "Annual reports per level"),
    ("years", "Report years"),
    ("coverage", "Mandated sections"),
    ("indicators", "Top indicators"),
    ("facts", "Facts"),
    ("run", "Run: speed and memory"),
];

/// The four sections every annual report is expected to contain: (section type, 中文, English,
/// a short name for a narrow table cell).
pub(crate) const MANDATED_SECTIONS: [(&str, &str, &str, &str); 4] = [
    (
        "measures_and_results",
        "主要举措和成效",
        "measures and results",
        "results",
    ),
    ("shortcomings", "存在的不足", "shortcomings", "shortcomings"),
    (
        "leadership_duty",
        "第一责任人职责",
        "leadership duty",
        "duty",
    ),
    ("next_year_plan", "下一年度安排", "next year's plan", "plan"),
];

/// Administrative levels from the top down, with an English gloss for non-Chinese readers.
pub(crate) const ADMIN_LEVELS: [(&str, &str); 6] = [
    ("省", "province"),
    ("市", "city"),
    ("区县", "county / district"),
    ("乡镇", "township"),
    ("街道", "subdistrict"),
    ("部门", "department"),
];

/// The table of contents and every section.
pub(crate) fn render_all(out: &mut String, data: &ReportData) {
    render_toc(out);
    summary::render(out, data);
    fields::render(out, data);
    documents::render(out, data);
    problems::render_warnings(out, data);
    problems::render_rejects(out, data);
    levels::render(out, data);
    breakdowns::render_years(out, data);
    breakdowns::render_coverage(out, data);
    breakdowns::render_indicators(out, data);
    breakdowns::render_facts(out, data);
    run::render(out, data);
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

/// Opens `<section id>` with its heading from [`SECTIONS`] and a lead sentence (HTML).
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

/// A key number as a card.
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

/// A level's label: `市 · city`, the raw value for a level not in the list, `unknown`.
fn level_label(level: Option<&str>) -> String {
    match level {
        Some(l) => match ADMIN_LEVELS.iter().find(|(zh, _)| *zh == l) {
            Some((zh, en)) => format!("{zh} · {en}"),
            None => l.to_string(),
        },
        None => "unknown".to_string(),
    }
}

/// Sort key putting levels top-down (省 before 市 …), other levels after, unknown last.
fn level_rank(level: Option<&str>) -> (usize, String) {
    match level {
        Some(l) => (
            ADMIN_LEVELS
                .iter()
                .position(|(zh, _)| *zh == l)
                .unwrap_or(ADMIN_LEVELS.len()),
            l.to_string(),
        ),
        None => (ADMIN_LEVELS.len() + 1, String::new()),
    }
}

/// The English name of a mandated section type (the code itself for another).
fn part_name(code: &str) -> &str {
    MANDATED_SECTIONS
        .iter()
        .find(|(c, ..)| *c == code)
        .map_or(code, |(_, _, en, _)| en)
}

/// The short name of a mandated section type (the code itself for another).
fn part_short_name(code: &str) -> &str {
    MANDATED_SECTIONS
        .iter()
        .find(|(c, ..)| *c == code)
        .map_or(code, |(.., short)| short)
}
