//! The taxonomy file's validation: every error names the file and the line.

use super::*;

const GOOD_ENTRY: &str = "[[indicator]]\ncode = \"a.b\"\nlabel = \"L\"\nunits = [\"件\"]\n\
                          cues = [\"立案\"]\naggregate = \"sum\"\n";

fn parse_err(text: &str) -> String {
    match Taxonomy::parse(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

/// Asserts the error names `indicators.toml line N` and contains `needle`.
fn assert_err(text: &str, line: usize, needle: &str) {
    let e = parse_err(text);
    assert!(
        e.starts_with(&format!("indicators.toml line {line}: ")),
        "wrong line in {e:?} (want {line})"
    );
    assert!(e.contains(needle), "{e:?} lacks {needle:?}");
}

#[test]
fn good_minimal_file_parses() {
    let t = Taxonomy::parse(&format!("version = 2\n\n{GOOD_ENTRY}")).expect("parses");
    assert_eq!(t.codes().collect::<Vec<_>>(), ["a.b"]);
    assert_eq!(t.get("a.b").map(Indicator::line), Some(4));
    assert_eq!(t.version(), 2);
}

#[test]
fn validation_errors_name_the_line() {
    let v = "version = 2\n\n";
    // Lines 1-2: version, 3-8: good entry, 9: blank; the bad entry's header is line 10,
    // its code line 11, label 12, units 13, cues 14, aggregate 15, an extra key 16.
    let with = |bad: &str| format!("{v}{GOOD_ENTRY}\n{bad}");
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\ncolour = \"red\"\n"),
        16,
        "unknown field `colour`",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        11,
        "empty code",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.b\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        11,
        "indicator \"a.b\": duplicate code (first defined on line 4)",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"enforcement.fines\"\nlabel = \"L\"\nunits = []\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        13,
        "indicator \"enforcement.fines\": units is empty",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = []\naggregate = \"sum\"\n"),
        14,
        "cues is empty",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\", \"\"]\naggregate = \"sum\"\n"),
        14,
        "cues contains an empty string",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"mean\"\n"),
        15,
        "unknown aggregate \"mean\"",
    );
    for bad in [
        "Enforcement.fines",
        "enforcement",
        "a.b.c",
        "a-b.c",
        "a.",
        "费.x",
        "1a.b",
    ] {
        assert_err(
            &with(&format!("[[indicator]]\ncode = \"{bad}\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\n")),
            11,
            "code must look like family.name",
        );
    }
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \" \"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        12,
        "label is empty",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"%\"]\ncues = [\"x\"]\ncontext_cues = [\"y\"]\naggregate = \"first\"\n"),
        15,
        "context_cues needs sentence_cues",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"%\"]\ncues = [\"x\"]\nsentence_cues = [\"y\"]\naggregate = \"first\"\n"),
        15,
        "sentence_cues needs context_cues",
    );
    // Missing required key: toml points at the entry's header.
    assert_err(
        &with(
            "[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\naggregate = \"sum\"\n",
        ),
        10,
        "missing field `cues`",
    );
    // Syntax errors and wrong types carry toml's own position.
    assert_err(
        &with("[[indicator]\ncode = \"a.c\"\n"),
        10,
        "unclosed array table",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = \"件\"\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        13,
        "expected a sequence",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\nprecedence = \"high\"\n"),
        16,
        "expected i32",
    );
    assert_err("version = 1\n", 1, "version 1 is not supported");
    assert_err("\n\nversion = 2\n", 1, "no [[indicator]] entries");
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"%\"]\ncues = [\"x\"]\nsection_cues = [\"y\"]\naggregate = \"first\"\n"),
        15,
        "section_cues needs context_cues",
    );
    // [other_bodies]: a table of its own, checked like the entries.
    assert_err(
        &format!("{v}{GOOD_ENTRY}\n[other_bodies]\nwords = []\nreach = 4\n"),
        10,
        "[other_bodies]: words must be a non-empty list",
    );
    assert_err(
        &format!(
            "{v}{GOOD_ENTRY}\n[other_bodies]\nwords = [\"法院\"]\nreach = 4\nnot_after = [\"\"]\n"
        ),
        10,
        "[other_bodies]: words must be a non-empty list of non-empty words",
    );
    assert_err(
        &format!("{v}{GOOD_ENTRY}\n[other_bodies]\nwords = [\"法院\"]\n"),
        10,
        "missing field `reach`",
    );
    assert_err("", 1, "missing field `version`");
    assert_err(
        &format!("{v}wrong = 1\n{GOOD_ENTRY}"),
        3,
        "unknown field `wrong`",
    );
    let named = Taxonomy::parse_named("version = 3\n", "pipelines/indicators.toml");
    assert!(named.is_err_and(|e| e.starts_with("pipelines/indicators.toml line 1: ")));
}

/// Panel columns: the code with `.` as `_`, a suffix per unit that is not the same thing as
/// the first (`[panel] same_units`), the entry's `panel_column` instead of the code; a name
/// that is too long or taken is an error naming the entry's line.
#[test]
fn panel_columns_are_short_unique_identifiers_one_unit_each() {
    let entry = |code: &str, units: &str, extra: &str| {
        format!(
            "[[indicator]]\ncode = \"{code}\"\nlabel = \"L\"\nunits = [{units}]\n\
             cues = [\"立案\"]\naggregate = \"sum\"\n{extra}"
        )
    };
    let text = format!(
        "version = 2\n[panel]\nsame_units = [[\"件\", \"宗\"]]\n[panel.unit_names]\n\"\u{5428}\" = \"dun\"\n\n{}{}",
        entry("legal_publicity.events", "\"次\", \"场\", \"件\", \"宗\", \"吨\"", ""),
        entry("a.very_long_indicator_code_indeed", "\"件\"", "panel_column = \"a_short\"\n"),
    );
    let t = Taxonomy::parse(&text).expect("parses");
    let cols: Vec<(&str, Vec<&str>)> = t
        .panel_columns()
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.units.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        cols,
        [
            ("legal_publicity_events", vec!["次"]),
            ("legal_publicity_events_chang", vec!["场"]),
            ("legal_publicity_events_jian", vec!["件", "宗"]),
            ("legal_publicity_events_dun", vec!["吨"]),
            ("a_short", vec!["件"]),
        ]
    );
    assert_eq!(t.panel_slot("legal_publicity.events", "宗"), Some(2));
    assert_eq!(t.panel_slot("legal_publicity.events", "场"), Some(1));
    assert_eq!(t.panel_slot("legal_publicity.events", "个"), None);
    assert_eq!(
        t.main_panel_column("a.very_long_indicator_code_indeed"),
        Some("a_short")
    );

    let long = format!(
        "version = 2\n\n{}",
        entry("a.very_long_indicator_code_indeed_x", "\"件\"", "")
    );
    assert_err(&long, 4, "at most 32 characters");
    let taken = format!(
        "version = 2\n\n{}{}",
        entry("a.b_c", "\"件\"", ""),
        entry("a_b.c", "\"件\"", "")
    );
    assert_err(&taken, 10, "also the column of a.b_c");
    let reserved = format!(
        "version = 2\n\n{}",
        entry("a.b", "\"件\"", "panel_column = \"doc_id\"\n")
    );
    assert_err(&reserved, 4, "a panel id column");
}
