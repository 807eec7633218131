//! The taxonomy file's format and the messages that name its lines.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    pub(super) version: Spanned<i64>,
    #[serde(default)]
    pub(super) indicator: Vec<RawIndicator>,
    #[serde(default)]
    pub(super) other_bodies: Option<Spanned<RawOtherBodies>>,
    #[serde(default)]
    pub(super) panel: Option<RawPanel>,
}

/// `[panel]`: which units of an indicator count the same thing (one panel column), and the
/// ascii names of units in column names.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPanel {
    #[serde(default)]
    pub(super) same_units: Vec<Vec<String>>,
    #[serde(default)]
    pub(super) unit_names: std::collections::BTreeMap<String, String>,
}

/// `[other_bodies]`: subjects that make a fact another body's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOtherBodies {
    pub(super) words: Vec<String>,
    pub(super) reach: usize,
    #[serde(default)]
    pub(super) not_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIndicator {
    pub(super) code: Spanned<String>,
    pub(super) label: Spanned<String>,
    pub(super) units: Spanned<Vec<String>>,
    pub(super) cues: Spanned<Vec<String>>,
    #[serde(default)]
    pub(super) context_cues: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(super) sentence_cues: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(super) section_cues: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(super) exclude: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(super) precedence: i32,
    pub(super) aggregate: Spanned<String>,
    /// The panel column's name when the code with `.` as `_` is too long.
    #[serde(default)]
    pub(super) panel_column: Option<String>,
}

/// 1-based line of a byte offset in `text`.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// `family.name`, each part lowercase ascii letters, digits or `_`, starting with a letter.
pub(super) fn valid_code(code: &str) -> bool {
    let mut parts = code.split('.');
    let (Some(family), Some(name), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    [family, name].iter().all(|p| {
        p.starts_with(|c: char| c.is_ascii_lowercase())
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    })
}

/// Builds the error messages of one file, all naming the file and a line.
pub(super) struct Errors<'a> {
    pub(super) name: &'a str,
    pub(super) text: &'a str,
}

impl Errors<'_> {
    pub(super) fn at(&self, span: Range<usize>, msg: impl std::fmt::Display) -> String {
        format!(
            "{} line {}: {}",
            self.name,
            line_of(self.text, span.start),
            msg
        )
    }

    pub(super) fn entry(
        &self,
        span: Range<usize>,
        code: &str,
        msg: impl std::fmt::Display,
    ) -> String {
        self.at(span, format_args!("indicator \"{code}\": {msg}"))
    }

    /// A list of words that must be non-empty (when `required`) and hold no empty word.
    pub(super) fn words(
        &self,
        list: Option<Spanned<Vec<String>>>,
        key: &str,
        code: &str,
        required: bool,
    ) -> Result<Vec<String>, String> {
        let Some(list) = list else {
            return Ok(Vec::new());
        };
        let span = list.span();
        let words = list.into_inner();
        if required && words.is_empty() {
            return Err(self.entry(span, code, format_args!("{key} is empty")));
        }
        if words.iter().any(|w| w.trim().is_empty()) {
            // An empty cue would match every metric.
            return Err(self.entry(span, code, format_args!("{key} contains an empty string")));
        }
        Ok(words)
    }
}
