//! The SVG bar charts and the number formatting, alone.

use super::bars_per_chart;
use crate::report::charts::{nice_scale, px, Bar, BarChart, Direction};
use crate::report::format::{
    fmt_count, fmt_decimal, fmt_duration, fmt_mib, fmt_percent, fmt_quantity, url_path,
};

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

#[test]
fn paths_become_url_paths() {
    assert_eq!(
        url_path("a b/报告#1.html"),
        "a%20b/%E6%8A%A5%E5%91%8A%231.html"
    );
    assert_eq!(url_path("dir\\x?.txt"), "dir/x%3F.txt");
    assert_eq!(
        crate::report::dir_file_url(std::path::Path::new("/data/in put/")),
        "file:///data/in%20put/"
    );
}
