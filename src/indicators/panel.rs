//! The panel's columns: one per indicator and unit, named as identifiers every analysis tool
//! accepts. The taxonomy keeps its codes (`enforcement.cases_filed`); the panel maps each to
//! a column (`enforcement_cases_filed`, or the entry's `panel_column`), and gives every unit
//! the taxonomy does not declare the same thing as the first a column of its own
//! (`legal_publicity_events_chang` beside `legal_publicity_events` in 次), so that a column
//! never adds 2场 to 2次.

use rustc_hash::FxHashMap as HashMap;

use super::file::{Errors, RawPanel};
use super::Indicator;
use crate::lexicon::indicators::UNIT_COLUMN_NAMES;

/// Stata's limit on variable names; the others allow more.
pub const MAX_COLUMN_CHARS: usize = 32;

/// One indicator column of the panel.
#[derive(Debug, Clone)]
pub struct PanelColumn {
    pub name: String,
    pub code: String,
    /// The units whose facts this column holds (the same thing, as the taxonomy says); the
    /// first is the one the column is in.
    pub units: Vec<String>,
    /// The indicator's label and the column's unit, for the dictionary.
    pub doc: String,
}

/// Which units count the same thing, per the taxonomy's `[panel] same_units`.
#[derive(Debug, Default)]
pub(super) struct PanelRules {
    same_units: Vec<Vec<String>>,
    unit_names: HashMap<String, String>,
}

impl PanelRules {
    pub(super) fn new(raw: Option<RawPanel>, errs: &Errors) -> Result<Self, String> {
        let Some(raw) = raw else {
            return Ok(PanelRules::default());
        };
        let mut seen: HashMap<&str, usize> = HashMap::default();
        for (k, group) in raw.same_units.iter().enumerate() {
            for unit in group {
                if seen.insert(unit, k).is_some_and(|other| other != k) {
                    return Err(errs.at(
                        0..0,
                        format_args!("[panel] same_units: {unit} is in two groups"),
                    ));
                }
            }
        }
        for (unit, name) in &raw.unit_names {
            if !is_identifier_part(name) {
                return Err(errs.at(
                    0..0,
                    format_args!(
                        "[panel.unit_names] {unit} = \"{name}\": use lowercase ascii letters, \
                         digits and _"
                    ),
                ));
            }
        }
        Ok(PanelRules {
            same_units: raw.same_units,
            unit_names: raw.unit_names.into_iter().collect(),
        })
    }

    /// The group of units `unit` counts the same thing as (itself alone when none is
    /// declared), among `units`, in their order.
    fn group_of<'u>(&self, unit: &str, units: &'u [String]) -> Vec<&'u String> {
        match self.same_units.iter().find(|g| g.iter().any(|u| u == unit)) {
            Some(group) => units.iter().filter(|u| group.contains(u)).collect(),
            None => units.iter().filter(|u| *u == unit).collect(),
        }
    }

    fn unit_name(&self, unit: &str) -> String {
        if let Some(name) = self.unit_names.get(unit) {
            return name.clone();
        }
        if let Some((_, name)) = UNIT_COLUMN_NAMES.iter().find(|(u, _)| *u == unit) {
            return name.to_string();
        }
        unit.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase().to_string()
                } else {
                    format!("u{:x}", c as u32)
                }
            })
            .collect()
    }
}

/// Lowercase ascii letters, digits and `_`, not empty.
fn is_identifier_part(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A valid column name: starts with a letter, then letters, digits and `_`, at most 32.
pub fn is_column_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && is_identifier_part(s)
        && s.len() <= MAX_COLUMN_CHARS
}

/// The panel columns of the indicators, in file order (each indicator's main unit first),
/// checked: valid, at most 32 characters, and unique (also against `reserved`, the panel's
/// other columns).
pub(super) fn panel_columns(
    indicators: &[Indicator],
    rules: &PanelRules,
    reserved: &[&str],
    errs: &Errors,
) -> Result<Vec<PanelColumn>, String> {
    let mut columns: Vec<PanelColumn> = Vec::new();
    let mut taken: HashMap<String, String> = reserved
        .iter()
        .map(|c| (c.to_string(), "a panel id column".to_string()))
        .collect();
    for ind in indicators {
        let base = ind
            .panel_column
            .clone()
            .unwrap_or_else(|| ind.code.replace('.', "_"));
        let mut placed: Vec<&String> = Vec::new();
        for unit in &ind.units {
            if placed.contains(&unit) {
                continue;
            }
            let group = rules.group_of(unit, &ind.units);
            placed.extend(group.iter().copied());
            let name = if columns.last().is_some_and(|c| c.code == ind.code) {
                format!("{base}_{}", rules.unit_name(unit))
            } else {
                base.clone()
            };
            let fix = "give the entry a shorter `panel_column`";
            let at = ind.line_span();
            if !is_column_name(&name) {
                return Err(errs.entry(
                    at,
                    &ind.code,
                    format_args!(
                        "panel column {name:?} is not a valid column name (a lowercase letter, \
                         then letters, digits or _, at most {MAX_COLUMN_CHARS} characters): {fix}"
                    ),
                ));
            }
            if let Some(other) = taken.insert(name.clone(), ind.code.clone()) {
                return Err(errs.entry(
                    at,
                    &ind.code,
                    format_args!("panel column {name:?} is also the column of {other}: {fix}"),
                ));
            }
            let units: Vec<String> = group.into_iter().cloned().collect();
            columns.push(PanelColumn {
                doc: format!(
                    "{} ({}; {}), from indicator {}.",
                    ind.label,
                    units[0],
                    if units.len() > 1 {
                        format!("also {} counted as the same", units[1..].join("/"))
                    } else {
                        "this unit only".to_string()
                    },
                    ind.code
                ),
                name,
                code: ind.code.clone(),
                units,
            });
        }
    }
    Ok(columns)
}
