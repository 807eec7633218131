//! Indicator taxonomy: maps numeric facts to canonical indicator codes
//! (`enforcement.cases_filed`, `hotline.tickets` …) and marks the parts of a breakdown
//! (`共立案390件(其中简易程序110件…)`) so that indicator sums do not count them twice.
//!
//! The rules live as data in `indicators.toml` so that analysts can extend them without
//! touching code; this module parses and validates that file once, precomputes a unit index,
//! and then classifies facts without allocating.

use std::sync::LazyLock;
// Keys are short codes and units looked up for every fact: a fast hash, not a DoS-resistant one.
use rustc_hash::FxHashMap as HashMap;

use crate::model::{Fact, QuantityKind, Relation, Section};

mod breakdowns;
mod context;
mod file;
pub mod panel;
#[cfg(test)]
mod tests;
mod words;

pub use breakdowns::{count_unit_family, mark_breakdowns};
use context::{signature, Hits, OtherBodies, SectionHits, SentenceHits, MAX_WORDS};
use file::{line_of, valid_code, Errors, RawFile};
use words::FirstChars;

/// File name used in error messages by [`Taxonomy::parse`].
pub const DEFAULT_FILE_NAME: &str = "indicators.toml";

/// The only file format version this code understands.
const SUPPORTED_VERSION: i64 = 2;

/// How the facts of one document that share an indicator combine into one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Aggregate {
    /// Counts, money, areas: add up (parts of a breakdown excluded).
    Sum,
    /// Rates and percents: keep the first mention.
    First,
}

impl Aggregate {
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregate::Sum => "sum",
            Aggregate::First => "first",
        }
    }

    fn from_name(name: &str) -> Option<Aggregate> {
        match name {
            "sum" => Some(Aggregate::Sum),
            "first" => Some(Aggregate::First),
            _ => None,
        }
    }
}

/// A cue with its length in characters, precomputed for the "longer cue wins" tie-break.
#[derive(Debug, Clone)]
struct Cue {
    text: String,
    chars: usize,
}

impl Cue {
    fn new(text: String) -> Cue {
        let chars = text.chars().count();
        Cue { text, chars }
    }
}

/// One validated entry of the taxonomy.
#[derive(Debug, Clone)]
pub struct Indicator {
    code: String,
    label: String,
    units: Vec<String>,
    cues: Vec<Cue>,
    context_cues: Vec<Cue>,
    sentence_cues: Vec<String>,
    /// Words that confirm a context cue when they are in the heading of the fact's section
    /// (below level 1).
    section_cues: Vec<String>,
    exclude: Vec<String>,
    precedence: i32,
    aggregate: Aggregate,
    line: usize,
    /// The code's place in the file, for error messages.
    span: std::ops::Range<usize>,
    /// The panel column's name when not the code with `.` as `_`.
    panel_column: Option<String>,
    /// Ids of the words above in the taxonomy's `WordIndex`, filled after parsing.
    ids: WordIds,
}

/// Word ids of one indicator: `cues[i]` has id `cues[i]`, and so on.
#[derive(Debug, Clone, Default)]
struct WordIds {
    cues: Vec<usize>,
    context_cues: Vec<usize>,
    sentence_cues: Vec<usize>,
    section_cues: Vec<usize>,
    exclude: Vec<usize>,
    /// `signature` of `cues` and `context_cues`: a metric whose hits share no bit with it
    /// holds none of them, and the entry cannot match.
    cue_sig: u64,
}

/// Every word of the taxonomy in two indexes (metric words: cues, context cues,
/// excludes; sentence words), so a fact's metric and sentence are each scanned once,
/// however many indicators there are.
#[derive(Debug, Clone)]
struct WordIndex {
    metric: FirstChars,
    sentence: FirstChars,
}

impl WordIndex {
    /// Numbers the distinct words and gives every indicator its word ids.
    fn build(indicators: &mut [Indicator]) -> Result<WordIndex, String> {
        fn id_of(words: &mut Vec<String>, ids: &mut HashMap<String, usize>, w: &str) -> usize {
            *ids.entry(w.to_string()).or_insert_with(|| {
                words.push(w.to_string());
                words.len() - 1
            })
        }
        let (mut metric_words, mut metric_ids) = (Vec::new(), HashMap::default());
        let (mut sentence_words, mut sentence_ids) = (Vec::new(), HashMap::default());
        for ind in indicators.iter_mut() {
            let mut m = |w: &str| id_of(&mut metric_words, &mut metric_ids, w);
            ind.ids.cues = ind.cues.iter().map(|c| m(&c.text)).collect();
            ind.ids.context_cues = ind.context_cues.iter().map(|c| m(&c.text)).collect();
            ind.ids.exclude = ind.exclude.iter().map(|w| m(w)).collect();
            let mut st = |w: &str| id_of(&mut sentence_words, &mut sentence_ids, w);
            ind.ids.sentence_cues = ind.sentence_cues.iter().map(|w| st(w)).collect();
            ind.ids.section_cues = ind.section_cues.iter().map(|w| st(w)).collect();
            ind.ids.cue_sig = signature(ind.ids.cues.iter().chain(&ind.ids.context_cues).copied());
        }
        if metric_words.len() > MAX_WORDS || sentence_words.len() > MAX_WORDS {
            return Err(format!("more than {MAX_WORDS} distinct cue words"));
        }
        Ok(WordIndex {
            metric: FirstChars::new(&metric_words),
            sentence: FirstChars::new(&sentence_words),
        })
    }
}

impl Indicator {
    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    /// The unit the panel reports this indicator in (the first of `units`).
    pub fn panel_unit(&self) -> &str {
        // Validation guarantees at least one unit.
        self.units.first().map(String::as_str).unwrap_or("")
    }

    /// Every `unit_normalized` value this indicator accepts, panel unit first.
    pub fn units(&self) -> &[String] {
        &self.units
    }

    pub fn aggregate(&self) -> Aggregate {
        self.aggregate
    }

    pub fn precedence(&self) -> i32 {
        self.precedence
    }

    /// Line of the entry's `code` key in the taxonomy file (for messages to analysts).
    fn line_span(&self) -> std::ops::Range<usize> {
        self.span.clone()
    }

    pub fn line(&self) -> usize {
        self.line
    }

    /// Length in characters of the cue that makes this indicator match, if it matches.
    /// A plain cue in the metric is enough; a context cue needs a sentence cue too
    /// (`sentence` says whether one occurs; it is only asked when needed).
    fn match_len(
        &self,
        metric: &Hits,
        sentence: &mut dyn FnMut() -> bool,
    ) -> Option<(bool, usize)> {
        if self.ids.exclude.iter().any(|&id| metric.has(id)) {
            return None;
        }
        let longest = |cues: &[Cue], ids: &[usize]| {
            cues.iter()
                .zip(ids)
                .filter(|(_, &id)| metric.has(id))
                .map(|(c, _)| c.chars)
                .max()
        };
        if let Some(len) = longest(&self.cues, &self.ids.cues) {
            return Some((true, len));
        }
        let weak = longest(&self.context_cues, &self.ids.context_cues)?;
        sentence().then_some((false, weak))
    }
}

/// The parsed, validated taxonomy with its lookup indexes.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    version: i64,
    indicators: Vec<Indicator>,
    by_code: HashMap<String, usize>,
    /// unit_normalized → indicators accepting it, in file order (so `classify` only looks at
    /// the few entries whose unit fits).
    by_unit: HashMap<String, Vec<usize>>,
    /// Every entry, in file order: the candidates of a change, whatever its unit.
    all: Vec<usize>,
    words: WordIndex,
    other_bodies: OtherBodies,
    /// The panel's indicator columns, in file order.
    panel: Vec<panel::PanelColumn>,
    /// (code, unit) → its column in `panel`.
    panel_slot: HashMap<(String, String), usize>,
}

impl Taxonomy {
    /// The panel's indicator columns (one per indicator and unit), in file order.
    pub fn panel_columns(&self) -> &[panel::PanelColumn] {
        &self.panel
    }

    /// The panel column (index into `panel_columns`) that holds `code`'s facts in `unit`.
    pub fn panel_slot(&self, code: &str, unit: &str) -> Option<usize> {
        self.panel_slot
            .get(&(code.to_string(), unit.to_string()))
            .copied()
    }

    /// The column of `code` in its first unit.
    pub fn main_panel_column(&self, code: &str) -> Option<&str> {
        self.panel
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.name.as_str())
    }

    /// Parses and validates a taxonomy; errors name `indicators.toml` and the line.
    pub fn parse(text: &str) -> Result<Taxonomy, String> {
        Taxonomy::parse_named(text, DEFAULT_FILE_NAME)
    }

    /// Like [`Taxonomy::parse`], with the file name to use in error messages.
    pub fn parse_named(text: &str, file_name: &str) -> Result<Taxonomy, String> {
        let errs = Errors {
            name: file_name,
            text,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
            format!("{file_name} line {line}: {}", e.message().trim_end())
        })?;

        if *raw.version.get_ref() != SUPPORTED_VERSION {
            return Err(errs.at(
                raw.version.span(),
                format_args!(
                    "version {} is not supported (expected {SUPPORTED_VERSION})",
                    raw.version.get_ref()
                ),
            ));
        }
        if raw.indicator.is_empty() {
            return Err(errs.at(0..0, "no [[indicator]] entries"));
        }

        let mut indicators = Vec::with_capacity(raw.indicator.len());
        let mut by_code: HashMap<String, usize> = HashMap::default();
        for ri in raw.indicator {
            let code_span = ri.code.span();
            let code = ri.code.into_inner();
            if code.trim().is_empty() {
                return Err(errs.at(code_span, "indicator with an empty code"));
            }
            if !valid_code(&code) {
                return Err(errs.entry(
                    code_span,
                    &code,
                    "code must look like family.name (lowercase ascii letters, digits, _)",
                ));
            }
            if let Some(&first) = by_code.get(&code) {
                let first_line: usize = indicators
                    .get(first)
                    .map(|i: &Indicator| i.line)
                    .unwrap_or(0);
                return Err(errs.entry(
                    code_span,
                    &code,
                    format_args!("duplicate code (first defined on line {first_line})"),
                ));
            }
            if ri.label.get_ref().trim().is_empty() {
                return Err(errs.entry(ri.label.span(), &code, "label is empty"));
            }
            let units = errs.words(Some(ri.units), "units", &code, true)?;
            let cues = errs.words(Some(ri.cues), "cues", &code, true)?;
            let ctx_span = ri.context_cues.as_ref().map(|l| l.span());
            let sent_span = ri.sentence_cues.as_ref().map(|l| l.span());
            let context_cues = errs.words(ri.context_cues, "context_cues", &code, false)?;
            let sentence_cues = errs.words(ri.sentence_cues, "sentence_cues", &code, false)?;
            let section_span = ri.section_cues.as_ref().map(|l| l.span());
            let section_cues = errs.words(ri.section_cues, "section_cues", &code, false)?;
            if !section_cues.is_empty() && context_cues.is_empty() {
                let span = section_span.unwrap_or_else(|| code_span.clone());
                return Err(errs.entry(
                    span,
                    &code,
                    "section_cues needs context_cues (the metric words they confirm)",
                ));
            }
            // The two lists only mean something together: say so rather than ignore one.
            if !context_cues.is_empty() && sentence_cues.is_empty() && section_cues.is_empty() {
                let span = ctx_span.unwrap_or_else(|| code_span.clone());
                return Err(errs.entry(
                    span,
                    &code,
                    "context_cues needs sentence_cues or section_cues (the words that confirm them)",
                ));
            }
            if !sentence_cues.is_empty() && context_cues.is_empty() {
                let span = sent_span.unwrap_or_else(|| code_span.clone());
                return Err(errs.entry(
                    span,
                    &code,
                    "sentence_cues needs context_cues (the metric words they confirm)",
                ));
            }
            let exclude = errs.words(ri.exclude, "exclude", &code, false)?;
            let aggregate = Aggregate::from_name(ri.aggregate.get_ref()).ok_or_else(|| {
                errs.entry(
                    ri.aggregate.span(),
                    &code,
                    format_args!(
                        "unknown aggregate \"{}\" (expected \"sum\" or \"first\")",
                        ri.aggregate.get_ref()
                    ),
                )
            })?;

            by_code.insert(code.clone(), indicators.len());
            indicators.push(Indicator {
                code,
                label: ri.label.into_inner(),
                units,
                cues: cues.into_iter().map(Cue::new).collect(),
                context_cues: context_cues.into_iter().map(Cue::new).collect(),
                sentence_cues,
                section_cues,
                exclude,
                precedence: ri.precedence,
                aggregate,
                line: line_of(text, code_span.start),
                span: code_span.clone(),
                panel_column: ri.panel_column,
                ids: WordIds::default(),
            });
        }

        let mut by_unit: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, ind) in indicators.iter().enumerate() {
            for unit in &ind.units {
                let list = by_unit.entry(unit.clone()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }

        let n_indicators = indicators.len();
        let other_bodies = match raw.other_bodies {
            None => OtherBodies::default(),
            Some(ob) => {
                let span = ob.span();
                let ob = ob.into_inner();
                let bad = |w: &Vec<String>| w.iter().any(|x| x.trim().is_empty());
                if ob.words.is_empty() || bad(&ob.words) || bad(&ob.not_after) {
                    return Err(errs.at(
                        span,
                        "[other_bodies]: words must be a non-empty list of non-empty words",
                    ));
                }
                OtherBodies::new(ob.words, ob.reach, ob.not_after)
            }
        };
        let words = WordIndex::build(&mut indicators).map_err(|e| format!("{file_name}: {e}"))?;
        let rules = panel::PanelRules::new(raw.panel, &errs)?;
        // Panel columns may not take the panel's id columns' names. The panel is the run's
        // (polars) table: the core library, which writes none, has no names to reserve.
        #[cfg(feature = "cli")]
        let reserved: Vec<&str> = crate::analysis::PANEL_ID_COLUMNS
            .iter()
            .map(|c| c.0)
            .collect();
        #[cfg(not(feature = "cli"))]
        let reserved: Vec<&str> = Vec::new();
        let panel = panel::panel_columns(&indicators, &rules, &reserved, &errs)?;
        let mut panel_slot = HashMap::default();
        for (k, c) in panel.iter().enumerate() {
            for unit in &c.units {
                panel_slot.insert((c.code.clone(), unit.clone()), k);
            }
        }
        Ok(Taxonomy {
            panel,
            panel_slot,
            version: *raw.version.get_ref(),
            indicators,
            by_code,
            by_unit,
            all: (0..n_indicators).collect(),
            words,
            other_bodies,
        })
    }

    pub fn version(&self) -> i64 {
        self.version
    }

    /// All codes, in file order.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.indicators.iter().map(|i| i.code.as_str())
    }

    /// All entries, in file order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    pub fn get(&self, code: &str) -> Option<&Indicator> {
        self.by_code.get(code).map(|&i| &self.indicators[i])
    }

    pub fn label(&self, code: &str) -> Option<&str> {
        self.get(code).map(Indicator::label)
    }

    /// The unit the panel reports `code` in.
    pub fn panel_unit(&self, code: &str) -> Option<&str> {
        self.get(code).map(Indicator::panel_unit)
    }

    pub fn aggregate(&self, code: &str) -> Option<Aggregate> {
        self.get(code).map(Indicator::aggregate)
    }

    /// The best code for a fact: its unit fits (a change takes the code of what it changes,
    /// whatever its unit), a cue is in the metric (or a context cue in the metric and a
    /// sentence cue in the sentence or in the enclosing section's heading), no exclude word
    /// is in the metric, and the metric's subject is not another body. Highest precedence
    /// wins; ties go to a cue over a context cue, then to the longer cue, then to the
    /// earlier entry. A fact without a metric gets no code. Does not allocate.
    pub fn classify(&self, fact: &Fact) -> Option<&str> {
        self.classify_in(fact, &mut SentenceHits::new(), None)
    }

    /// `classify`, reusing the sentence's words found for the previous fact when it shares
    /// its sentence (facts of one sentence are neighbours and share it by reference), and
    /// reading the enclosing section's words when `section` has them.
    fn classify_in<'t>(
        &'t self,
        fact: &Fact,
        sentence: &mut SentenceHits,
        section: Option<&Hits>,
    ) -> Option<&'t str> {
        let metric = fact.metric.as_deref()?;
        let metric_hits = Hits::scan(&self.words.metric, metric);
        // Every way to match needs a cue or a context cue in the metric.
        if metric_hits.is_empty() {
            return None;
        }
        if self.other_bodies.subject_of(metric) {
            return None;
        }
        match fact.relation {
            Relation::Level => {
                let candidates = self.by_unit.get(&*fact.unit_normalized)?;
                self.best_of(candidates, fact, &metric_hits, sentence, section)
            }
            // A change takes the code of what it changes, whatever its unit: the entries
            // whose unit fits first (a change in 个百分点 changes a rate), then any.
            Relation::Change => {
                let unit = match fact.quantity_kind {
                    QuantityKind::PercentagePoint => "%",
                    _ => &*fact.unit_normalized,
                };
                self.by_unit
                    .get(unit)
                    .and_then(|c| self.best_of(c, fact, &metric_hits, sentence, section))
                    .or_else(|| self.best_of(&self.all, fact, &metric_hits, sentence, section))
            }
        }
    }

    /// The best of `candidates` for a fact whose metric words are `metric_hits`.
    fn best_of<'t>(
        &'t self,
        candidates: &[usize],
        fact: &Fact,
        metric_hits: &Hits,
        sentence: &mut SentenceHits,
        section: Option<&Hits>,
    ) -> Option<&'t str> {
        let mut best: Option<((i32, bool, usize), usize)> = None;
        for &i in candidates {
            let ind = &self.indicators[i];
            // Most candidates have no cue in the metric: passed over on one bit test.
            if !metric_hits.may_have_any(ind.ids.cue_sig) {
                continue;
            }
            // The sentence is scanned only if some candidate needs its context words.
            let mut sentence_confirms = || {
                let in_section =
                    section.is_some_and(|h| ind.ids.section_cues.iter().any(|&id| h.has(id)));
                in_section || {
                    let hits = sentence.of(&self.words.sentence, &fact.sentence);
                    ind.ids.sentence_cues.iter().any(|&id| hits.has(id))
                }
            };
            let Some((direct, len)) = ind.match_len(metric_hits, &mut sentence_confirms) else {
                continue;
            };
            // At equal precedence a cue beats a context cue, then the longer cue wins.
            let key = (ind.precedence, direct, len);
            let better = match best {
                None => true,
                // Candidates come in file order, so an equal key keeps the earlier entry.
                Some((best_key, _)) => key > best_key,
            };
            if better {
                best = Some((key, i));
            }
        }
        best.map(|(_, i)| self.indicators[i].code.as_str())
    }

    /// `assign_in` without sections.
    pub fn assign(&self, facts: &mut [Fact]) {
        self.assign_in(facts, &[]);
    }

    /// Sets `indicator` on every fact and `breakdown_of` on the parts of a breakdown
    /// (see [`mark_breakdowns`]). A part keeps its own code unless it is the code of its
    /// total (`立案118宗,其中城管类111宗`: the part is a slice of the indicator, not a value
    /// of it). `sections` are the document's, for the headings that confirm context cues.
    pub fn assign_in(&self, facts: &mut [Fact], sections: &[Section]) {
        let mut sentence = SentenceHits::new();
        // Headings are read only when some entry has section cues.
        let uses_sections = self.indicators.iter().any(|i| !i.section_cues.is_empty());
        let mut headings = SectionHits::new(if uses_sections { sections } else { &[] });
        for fact in facts.iter_mut() {
            let section = headings.of(&self.words.sentence, fact.section_id);
            sentence.locate(&fact.sentence, &fact.raw);
            fact.indicator = self
                .classify_in(fact, &mut sentence, section)
                .map(str::to_owned);
        }
        self.code_changes(facts);
        mark_breakdowns(facts);
        drop_codes_of_parts(facts);
        self.mark_covered_by_explicit_totals(facts);
    }

    /// Codes for the changes whose metric names only the change (`提高`, `同比增长`): from
    /// the clause before the number (`出庭应诉率较上年提高4.4个百分点`), else from the level
    /// the change follows in its sentence (`受理行政复议案件45件,同比增长18.4%`).
    fn code_changes(&self, facts: &mut [Fact]) {
        let mut sentence = SentenceHits::new();
        for k in 0..facts.len() {
            let f = &facts[k];
            if f.relation != Relation::Change || f.indicator.is_some() {
                continue;
            }
            let mut code = clause_before(f).and_then(|clause| {
                let mut probe = f.clone();
                probe.metric = Some(clause);
                self.classify_in(&probe, &mut sentence, None)
                    .map(str::to_owned)
            });
            if code.is_none() {
                // `受理98件,较上年增加21件,增幅27.3%`: the level or the change before it.
                code = k
                    .checked_sub(1)
                    .map(|p| &facts[p])
                    .filter(|p| {
                        std::sync::Arc::ptr_eq(&p.sentence, &f.sentence) || p.sentence == f.sentence
                    })
                    .and_then(|p| p.indicator.clone());
            }
            facts[k].indicator = code;
        }
    }

    /// A fact whose metric names itself a total (`成功调解案件总数263宗`) covers the other
    /// facts of the same indicator and unit in the document (`调委会成功调解的1宗`): they
    /// become parts of it, so indicator sums take the total instead of adding to it.
    fn mark_covered_by_explicit_totals(&self, facts: &mut [Fact]) {
        // The cues by first character (see `FirstChars`): a substring search per cue and
        // metric set up a searcher each time, 6 per summed fact, and an automaton's search
        // cost some 300 instructions per metric.
        static EXPLICIT_TOTAL: LazyLock<FirstChars> =
            LazyLock::new(|| FirstChars::new(crate::lexicon::indicators::EXPLICIT_TOTAL_CUES));
        let totals: Vec<(i32, String, std::borrow::Cow<'static, str>)> = facts
            .iter()
            .filter(|f| f.breakdown_of.is_none())
            .filter(|f| {
                f.indicator
                    .as_deref()
                    .is_some_and(|c| self.aggregate(c) == Some(Aggregate::Sum))
            })
            .filter(|f| {
                f.metric
                    .as_deref()
                    .is_some_and(|m| EXPLICIT_TOTAL.any_in(m))
            })
            .map(|f| {
                (
                    f.fact_id,
                    f.indicator.clone().unwrap_or_default(),
                    f.unit_normalized.clone(),
                )
            })
            .collect();
        for (total_id, code, unit) in totals {
            for f in facts.iter_mut() {
                if f.fact_id != total_id
                    && f.breakdown_of.is_none()
                    && f.unit_normalized == unit
                    && f.indicator.as_deref() == Some(code.as_str())
                {
                    f.breakdown_of = Some(total_id);
                }
            }
        }
    }
}

/// A part of a breakdown whose total has the same code is a slice of that indicator, not a
/// value of it: it loses the code (and stays a part, for the record).
fn drop_codes_of_parts(facts: &mut [Fact]) {
    // Most documents list no parts; the others index their coded facts (by position, not by
    // a copy of the code: a String per coded fact before) and decide on the codes as they
    // were before any is dropped.
    if facts.iter().all(|f| f.breakdown_of.is_none()) {
        return;
    }
    let coded: HashMap<i32, usize> = facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.indicator.is_some())
        .map(|(k, f)| (f.fact_id, k))
        .collect();
    let slices: Vec<usize> = (0..facts.len())
        .filter(|&k| {
            let f = &facts[k];
            f.breakdown_of.is_some_and(|total| {
                f.indicator.is_some()
                    && coded
                        .get(&total)
                        .is_some_and(|&t| facts[t].indicator == f.indicator)
            })
        })
        .collect();
    for k in slices {
        facts[k].indicator = None;
    }
}

/// The clause of a fact's sentence before its number (from the last clause or sentence
/// mark; a list mark `、` does not end it), when the number is found in the sentence.
fn clause_before(f: &Fact) -> Option<String> {
    use crate::lexicon::facts::{CLAUSE_BREAKS, SENTENCE_BREAKS};
    let at = f.sentence.find(f.raw.as_str())?;
    let before = &f.sentence[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c != '、' && (CLAUSE_BREAKS.contains(&c) || SENTENCE_BREAKS.contains(&c)))
        .map_or(0, |(b, c)| b + c.len_utf8());
    let clause = before[start..].trim();
    (!clause.is_empty()).then(|| clause.to_string())
}
