//! The whole page: its sections, its numbers, its escaping, its bounds.

use super::*;
use crate::report::charts::MAX_BARS;
use crate::report::collect::{ReportCollector, MAX_DOCUMENT_ROWS};
use crate::report::sections::SECTIONS;

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
    // The analyst's sections come first, the run's speed and memory last.
    let pos = |id: &str| html.find(&format!("<section id=\"{id}\"")).unwrap();
    assert!(pos("fields") < pos("documents"));
    assert!(pos("documents") < pos("warnings"));
    assert!(SECTIONS.last().unwrap().0 == "run");
    assert!(!section(&html, "summary").contains("MB/s"));
    assert!(section(&html, "run").contains("MB/s"));
}

#[test]
fn charts_have_one_bar_per_category() {
    let data = sample();
    let html = render_report(&data);
    // 2019–2024 with 2021 filled in as zero, then the unknown year.
    assert_eq!(bars_per_chart(section(&html, "years")), [7]);
    assert_eq!(
        bars_per_chart(section(&html, "levels")),
        [data.rol_levels.len(), data.docs_per_genre.len()]
    );
    assert_eq!(bars_per_chart(section(&html, "fields")), [6, 2]);
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
fn empty_years_are_drawn_as_zero() {
    let html = render_report(&sample());
    let years = section(&html, "years");
    assert!(
        years.contains("<title>2021: 0</title>"),
        "the year without documents has a zero bar"
    );
    assert!(years.contains("<tr class=\"zero\"><td>2021</td><td class=\"num\">0</td>"));
    // Years far apart: the latest MAX_BARS are drawn, the earlier ones counted.
    let data = ReportData {
        documents: 3,
        docs_per_year: vec![(Some(1990), 1), (Some(2100), 2)],
        ..ReportData::default()
    };
    let html = render_report(&data);
    let years = section(&html, "years");
    assert_eq!(bars_per_chart(years), [MAX_BARS]);
    assert!(years.contains("<title>2100: 2</title>"));
    assert!(years.contains(&format!("{} earlier years", 2100 - 1990 + 1 - MAX_BARS)));
    assert_well_formed(&html);
}

#[test]
fn content_is_shown_and_formatted() {
    let html = render_report(&sample());
    let summary = section(&html, "summary");
    for expected in [
        "2,310",
        "2,204",
        "2,150",
        "1,204,331",
        "50.0% with an indicator",
    ] {
        assert!(summary.contains(expected), "summary shows {expected}");
    }
    let run = section(&html, "run");
    for expected in [
        "2025-03-01T10-00-00_ab12",
        "0.9.2",
        "/data/法治政府/年度报告",
        "252.4 s",
        "(4 min 12 s)",
        "12.3 MB/s",
        "8.8 documents/s",
        "700.0 MiB",
    ] {
        assert!(run.contains(expected), "run shows {expected}");
    }
    let fields = section(&html, "fields");
    assert!(fields.contains("90.7% · 2,000 of 2,204"), "title coverage");
    assert!(fields.contains("documents.division_code"));
    assert!(
        fields.contains("50.0% · 602,165 of 1,204,331"),
        "facts with indicator"
    );
    let rejects = section(&html, "rejects");
    assert!(rejects.contains("Showing the first 3 of 57 rejected inputs; 54 are not shown."));
    assert!(rejects.contains("PDF has no text layer"));
    let warnings = section(&html, "warnings");
    assert!(warnings.contains("9 more warnings"));
    assert!(
        warnings.contains("and 298 more"),
        "files beyond the examples"
    );
    // An example in the document table links to its row; one beyond it does not.
    assert!(warnings.contains("<a href=\"#doc-0000000000000000\">"));
    assert!(!warnings.contains("#doc-abcdefabcdefabcd"));
    assert!(section(&html, "coverage").contains("95.3% · 2,101 of 2,204"));
    let levels = section(&html, "levels");
    // Levels are ordered top-down whatever order they arrive in; unknown last.
    let pos = |s: &str| levels.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(pos("省 · province") < pos("市 · city"));
    assert!(pos("市 · city") < pos("区县 · county"));
    assert!(pos("区县 · county") < pos(">unknown<"));
    assert!(
        levels.contains(">73.6%<"),
        "区县 reports with all parts: 590 of 802"
    );
    assert!(levels.contains("2019–2024"));
    assert!(levels.contains("All levels"));
}

#[test]
fn document_table_lists_rows_with_their_extraction() {
    let data = sample();
    let html = render_report(&data);
    let docs = section(&html, "documents");
    assert_eq!(
        docs.matches("<tr class=\"doc-row\"").count(),
        data.document_rows.len()
    );
    assert_eq!(
        docs.matches("<tr class=\"doc-detail\" id=\"doc-").count(),
        data.document_rows.len()
    );
    assert!(docs.contains("id=\"doc-table\""));
    assert!(docs.contains("The first 7 of 2,204 documents"));
    for key in [
        "path", "title", "issuer", "level", "year", "genre", "missing", "warnings", "facts",
    ] {
        assert!(
            docs.contains(&format!("data-key=\"{key}\"")),
            "column {key}"
        );
    }
    // Each path opens its extraction; the extraction links the source and names the command.
    assert!(docs.contains("<a class=\"doc-link\" href=\"#doc-0000000000000003\">"));
    assert!(docs.contains(
        "<a href=\"file:///data/%E6%B3%95/%E5%B9%BF%E4%B8%9C%E7%9C%81/%E6%8A%A5%E5%91%8A3.html\">"
    ));
    assert!(docs.contains("govreport extract /data/法治政府/年度报告/广东省/报告3.html"));
    assert!(
        docs.contains("<a href=\"#doc-0000000000000001\">"),
        "duplicate_of links"
    );
    assert!(docs.contains("data-missing=\"1\"") && docs.contains("data-nofacts=\"1\""));
    // Filter menus offer what the rows have.
    assert!(docs.contains("<option value=\"2024\">2024</option>"));
    assert!(docs.contains("<option value=\"unknown\">unknown</option>"));
    assert!(docs.contains("<option value=\"news\">news</option>"));
}

#[test]
fn wild_text_is_escaped() {
    let html = render_report(&sample());
    assert!(html.contains("&lt;bad&gt; &amp; &quot;odd&quot; &apos;name&apos;.pdf"));
    assert!(html.contains("opening &lt;p&gt;"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; 标题"));
    assert!(!html.contains("<bad>"));
    assert!(!html.contains("<script>alert"));
    // The shell command quotes a path with quotes in it.
    assert!(html.contains("govreport extract &apos;/data/法治政府/年度报告//data/&lt;bad&gt;"));
    // Control characters are not allowed in XML; they are replaced.
    assert!(html.contains("x\u{FFFD}y.html"));
    assert!(!html.contains('\u{1}'));
}

#[test]
fn page_is_self_contained() {
    let html = render_report(&sample());
    for forbidden in ["http://", "https://", "<link", "<img", "url(", "src="] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert_eq!(html.matches("<script").count(), 1, "one inline script");
    assert!(html.contains("<script>//<![CDATA[\n"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html"));
    assert!(html.contains("<meta charset=\"utf-8\"/>"));
    let css = crate::report::style::CSS;
    assert!(!css.contains('<') && !css.contains('&'));
    // The script's text must neither end its CDATA section nor its element.
    let js = include_str!("../script.js");
    assert!(!js.contains("]]>") && !js.contains("</"));
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
        "fields",
        "documents",
        "warnings",
        "rejects",
        "levels",
        "years",
        "coverage",
        "indicators",
        "facts",
    ] {
        let s = section(&html, id);
        assert!(s.contains("class=\"empty\""), "{id} says it is empty");
        assert!(!s.contains("<svg"), "{id} draws no chart");
    }
    assert!(!html.contains("id=\"doc-table\""));
    assert!(section(&html, "run").contains("not measured"));
}

#[test]
fn a_run_of_rejects_only_is_shown() {
    let mut c = ReportCollector::default();
    for i in 0..300 {
        c.add_reject(
            &format!("bad{i}.pdf"),
            &format!("PDF {i} has no text layer"),
        );
    }
    let mut data = ReportData {
        files_found: 300,
        rejected: 300,
        rejects: (0..200)
            .map(|i| (format!("bad{i}.pdf"), "read".into(), "no text".into()))
            .collect(),
        ..ReportData::default()
    };
    c.fill(&mut data);
    let html = render_report(&data);
    assert_well_formed(&html);
    assert!(html.contains("No documents were read in this run"));
    let rejects = section(&html, "rejects");
    assert!(rejects.contains("PDF … has no text layer"));
    assert!(rejects.contains("and 297 more"));
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
    let facts = section(&html, "facts");
    assert_eq!(bars_per_chart(facts), [MAX_BARS]);
    assert!(facts.contains("… 460 more not shown (500 categories in all)."));
    let years = section(&html, "years");
    assert_eq!(bars_per_chart(years), [MAX_BARS]);
    assert!(years.contains("460 earlier years"));
}

/// A run of 100,000 documents with long, hostile strings: the page lists the first
/// MAX_DOCUMENT_ROWS, says so, stays well-formed and a few megabytes.
#[test]
fn a_huge_run_gives_a_bounded_page() {
    let mut c = ReportCollector::default();
    let long = "很长的标题<b>&".repeat(20);
    for i in 0..100_000usize {
        let mut row = doc(i, Some("乡镇"), Some(2000 + (i % 25) as i32), ROL_ANNUAL);
        row.title = Some(long.clone());
        row.warnings
            .push(format!("warning number {i} of kind {}", i % 700));
        c.add_document(row);
    }
    let mut data = ReportData {
        documents: 100_000,
        files_found: 100_000,
        ..ReportData::default()
    };
    c.fill(&mut data);
    let html = render_report(&data);
    assert_well_formed(&html);
    let docs = section(&html, "documents");
    assert_eq!(
        docs.matches("<tr class=\"doc-row\"").count(),
        MAX_DOCUMENT_ROWS
    );
    assert!(docs.contains("The first 2,000 of 100,000 documents"));
    assert!(
        html.len() < 8 << 20,
        "page of {} bytes for a huge run",
        html.len()
    );
    let levels = section(&html, "levels");
    assert!(levels.contains("100,000"));
}
