//! The second pass: each fact's metric (what it counts), sentence, section and as-of date.

use super::*;

/// What a fact may borrow from the previous one in its sentence (parallel clauses
/// `解决8家…、5家…`).
#[derive(Clone, Copy)]
pub(super) struct Previous<'a> {
    pub(super) metric: Option<&'a str>,
    /// The words before a number that precedes its noun (`解决` in `解决8家医疗机构`).
    pub(super) lead: Option<&'a str>,
    /// The noun after that number (`医疗机构的医患纠纷`), empty when it has none.
    pub(super) noun: &'a str,
}

pub(super) fn assemble(
    text: &Text,
    mut found: Vec<Found>,
    sections: &[Section],
    dates: &[DateMention],
) -> (Vec<Fact>, usize) {
    let chars = &text.chars;
    let mut as_of: Vec<(usize, NaiveDate)> = dates
        .iter()
        .filter(|d| d.role == DateRole::AsOf)
        .filter_map(|d| Some((d.char_start?, d.date)))
        .collect();
    as_of.sort();
    let mut section_order: Vec<usize> = (0..sections.len()).collect();
    section_order.sort_by_key(|&k| (sections[k].char_start, sections[k].level));
    let mut next_section = 0;
    let mut active: Vec<usize> = Vec::new();
    // The last sentence read: its start, its end and the fact that holds its text.
    let mut sentence_cache: Option<(usize, usize, usize)> = None;
    // The previous fact's sentence start, lead words and noun (see `Previous`).
    let mut prev_sentence_start: Option<usize> = None;
    let mut prev_lead: Option<String> = None;
    let mut prev_noun = String::new();
    // Reused by the metric cleaning, which edits a copy of the text.
    let mut scratch: Vec<char> = Vec::new();
    let mut facts: Vec<Fact> = Vec::with_capacity(found.len());
    // The last long sentence met (start, end), and how many facts were in long sentences.
    let mut long_sentence: Option<(usize, usize)> = None;
    let mut cut = 0;

    for idx in 0..found.len() {
        let f = &found[idx];
        // sentence
        let (s_start, s_end, sentence) = match sentence_cache {
            Some((s, e, holder)) if s == f.sentence_start && f.end <= e => {
                let holder: &Fact = &facts[holder];
                (s, e, holder.sentence.clone())
            }
            _ => {
                let e = match long_sentence {
                    Some((s, e)) if s == f.sentence_start && f.end <= e => e,
                    _ => sentence_end(text, f.end),
                };
                if e - f.sentence_start > limits::MAX_SENTENCE_CHARS {
                    long_sentence = Some((f.sentence_start, e));
                    sentence_cache = None;
                    cut += 1;
                    let (from, to) = sentence_window(text, (f.sentence_start, e), f.start, f.end);
                    (f.sentence_start, e, text.str(from, to).trim().into())
                } else {
                    let sentence: std::sync::Arc<str> = text.str(f.sentence_start, e).trim().into();
                    sentence_cache = Some((f.sentence_start, e, idx));
                    (f.sentence_start, e, sentence)
                }
            }
        };
        // metric
        let next_start = found.get(idx + 1).map_or(chars.len(), |g| g.start);
        let same_sentence_prev =
            (prev_sentence_start == Some(f.sentence_start)).then(|| Previous {
                metric: facts.last().and_then(|g| g.metric.as_deref()),
                lead: prev_lead.as_deref(),
                noun: &prev_noun,
            });
        let prev_end = idx.checked_sub(1).map_or(0, |k| found[k].end);
        let (metric, lead, noun) = metric_of(
            text,
            f,
            prev_end,
            next_start,
            same_sentence_prev,
            &mut scratch,
        );
        // section: the deepest open one
        while next_section < section_order.len()
            && sections[section_order[next_section]].char_start <= f.start
        {
            active.push(section_order[next_section]);
            next_section += 1;
        }
        active.retain(|&k| sections[k].char_end > f.start);
        let section_id = active
            .iter()
            .max_by_key(|&&k| (sections[k].level, sections[k].char_start))
            .map(|&k| sections[k].section_id);
        // as-of date in the same sentence
        let first = as_of.partition_point(|(pos, _)| *pos < s_start);
        let as_of_date = as_of
            .get(first)
            .filter(|(pos, _)| *pos < s_end)
            .map(|(_, d)| *d);

        let prev_in_sentence = (prev_sentence_start == Some(f.sentence_start))
            .then(|| facts.last().map(|g: &Fact| (prev_end, g.relation)))
            .flatten();
        let relation = relation_of(text, f, prev_in_sentence);
        facts.push(Fact {
            fact_id: idx as i32 + 1,
            section_id,
            raw: text.str(f.start, f.end).to_string(),
            value: f.value,
            unit: None, // moved from `found` below, once `f` is no longer read
            value_normalized: f.value_normalized,
            unit_normalized: f.unit_normalized.into(),
            quantity_kind: f.kind,
            qualifier: f.qualifier,
            value_high: f.value_high,
            metric,
            indicator: None,
            relation,
            breakdown_of: None,
            as_of_date,
            sentence,
            char_start: f.start,
            char_end: f.end,
        });
        prev_sentence_start = Some(f.sentence_start);
        prev_lead = lead;
        prev_noun = noun;
        facts[idx].unit = found[idx].unit.take();
    }
    distribute_respectively(text, &found, &mut facts);
    (facts, cut)
}

/// `A、B同比分别下降17.7%、12.5%`: a metric with `分别` and a list of as many subjects as the
/// facts listed after it gives each fact its own subject, with the comparison word that ends
/// the last subject and the verb after `分别` (`A同比下降`, `B同比下降`).
pub(super) fn distribute_respectively(text: &Text, found: &[Found], facts: &mut [Fact]) {
    let chars = &text.chars;
    let mut i = 0;
    while i < facts.len() {
        let split = facts[i].metric.as_deref().and_then(|m| {
            // (a char test first: a `str` pattern sets up a searcher for every metric)
            let first = lx::METRIC_RESPECTIVELY.chars().next()?;
            if !m.contains(first) {
                return None;
            }
            let at = m.find(lx::METRIC_RESPECTIVELY)?;
            Some((
                m[..at].to_string(),
                m[at + lx::METRIC_RESPECTIVELY.len()..].to_string(),
            ))
        });
        let Some((subjects, verb)) = split else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < facts.len()
            && found[j].sentence_start == found[i].sentence_start
            && chars[found[j - 1].end..found[j].start]
                .iter()
                .all(|&c| is_space(c) || lx::LIST_WORD_CHARS.contains(&c))
        {
            j += 1;
        }
        let items: Vec<&str> = subjects.split(lx::LIST_SEPARATOR).collect();
        if j - i >= 2 && items.len() == j - i && items.iter().all(|s| !s.is_empty()) {
            let last = items[items.len() - 1];
            let comparative = lx::METRIC_COMPARATIVES
                .iter()
                .find(|c| last.len() > c.len() && last.ends_with(*c))
                .copied()
                .unwrap_or("");
            for (n, item) in items.iter().enumerate() {
                let item = item.strip_suffix(comparative).unwrap_or(item);
                facts[i + n].metric = Some(format!("{item}{comparative}{verb}"));
            }
        }
        i = j;
    }
}

/// End of the sentence holding position `from`: after its closing mark (a line break is not
/// included).
pub(super) fn sentence_end(text: &Text, from: usize) -> usize {
    let chars = &text.chars;
    let mut k = from;
    while k < chars.len() {
        let c = chars[k];
        if class(c) & CLASS_SENTENCE != 0 && !text.protected[k] {
            return if c == '\n' || c == '\r' { k } else { k + 1 };
        }
        k += 1;
    }
    chars.len()
}

/// The metric of a fact; when the number precedes its noun, also the lead words before it and
/// the noun.
pub(super) fn metric_of(
    text: &Text,
    f: &Found,
    prev_end: usize,
    next_start: usize,
    prev: Option<Previous>,
    scratch: &mut Vec<char>,
) -> (Option<String>, Option<String>, String) {
    let chars = &text.chars;
    let floor = f.start.saturating_sub(lx::METRIC_BEFORE_MAX).max(prev_end);
    let mut from = f.clause_start.max(floor).min(f.start);
    // `派发、张贴宣传单张近5万份`, `主持召开专题会议、班子会、推进会4次`: a list of subjects or
    // verbs sharing one number (no earlier fact in it) belongs to the metric.
    if f.opener == Opener::Punct(lx::LIST_SEPARATOR) {
        from = list_start(text, from, floor).unwrap_or(from);
    }
    let (mut before, enumeration) = clean_before(&chars[from..f.start], scratch);
    let after = noun_after(text, f, next_start, scratch);
    let number_first = !after.is_empty();
    if number_first && !before.is_empty() {
        before = link_to_noun(&chars[from..f.start], before);
    }
    // `(5部)` alone in brackets counts what precedes the bracket: `汇总习近平法治思想(5部)`.
    if before.is_empty() && !number_first {
        if let Some(words) = bracketed_subject(text, f, scratch) {
            before = words;
        }
    }
    // `实现188项涉企经营事项、13项证明和85项申请材料`: the text between two facts is the
    // previous one's noun, so the number is one more item of the same list (it ends with a
    // list word) or of a chain of counts (`12个盟市46个委办厅局`, a short noun between);
    // `43座商务楼宇分配给29位经济楼长` is neither.
    let follows_counted_noun = f.opener == Opener::PreviousFact
        && prev.is_some_and(|p| !p.noun.is_empty())
        && joins_counts(&chars[f.clause_start.min(f.start)..f.start]);
    if follows_counted_noun {
        before.clear();
    }
    let listed_after = f.opener == Opener::Punct(lx::LIST_SEPARATOR) || follows_counted_noun;
    let (metric, lead) = if number_first {
        let metric = if enumeration || (listed_after && !before.is_empty()) {
            // `A、B等4个专项债项目`, `…、清廉文化5个区块`: the number counts the noun after it.
            after.clone()
        } else if before.is_empty() {
            match prev.and_then(|p| p.lead) {
                Some(lead) if listed_after => format!("{lead}{after}"),
                _ => after.clone(),
            }
        } else {
            format!("{before}{after}")
        };
        let lead = if !before.is_empty() {
            Some(before)
        } else if listed_after {
            prev.and_then(|p| p.lead).map(str::to_string)
        } else {
            None
        };
        (metric, lead)
    } else if before.is_empty() {
        let metric = prev.and_then(|p| p.metric).map(str::to_string);
        (metric.unwrap_or_default(), None)
    } else {
        (before, None)
    };
    ((!metric.is_empty()).then_some(metric), lead, after)
}

/// The cleaned words before a number that precedes its noun, with the link that joined them
/// to it (`在内的`) and without the quoted names the number counts
/// (`开展“A”“B”“C”三项改革` → `开展`).
pub(super) fn link_to_noun(raw: &[char], mut before: String) -> String {
    if before.ends_with('”') {
        let mut trimmed = before.as_str();
        let mut names = 0;
        while let Some(open) = trimmed.strip_suffix('”').and_then(|t| t.rfind('“')) {
            trimmed = &trimmed[..open];
            names += 1;
        }
        // one quoted name is the object itself (`聚焦“防、救、新”三件事`)
        if names >= 2 && !trimmed.is_empty() {
            return trimmed.to_string();
        }
    }
    let link = raw
        .iter()
        .rev()
        .find(|&&c| !is_space(c))
        .filter(|c| lx::METRIC_KEPT_LINKS.contains(c));
    if let Some(&c) = link {
        if !before.ends_with(c) {
            before.push(c);
        }
    }
    before
}

/// Whether the text between two facts joins them as items of one list (it ends with `、`,
/// `和`, `及`, `与`) or as a chain of counts (a noun of at most `METRIC_CHAIN_NOUN_MAX`
/// characters: `7个方面58项措施`).
pub(super) fn joins_counts(between: &[char]) -> bool {
    let last = between.iter().rev().find(|&&c| !is_space(c));
    last.is_some_and(|c| lx::LIST_WORD_CHARS.contains(c))
        || between.iter().filter(|&&c| !is_space(c)).count() <= lx::METRIC_CHAIN_NOUN_MAX
}

/// The words before the bracket that holds a fact alone (`汇总习近平法治思想(5部)`,
/// `优秀单位(17个)`): back to the previous break.
pub(super) fn bracketed_subject(text: &Text, f: &Found, scratch: &mut Vec<char>) -> Option<String> {
    let chars = &text.chars;
    let open = f.clause_start.checked_sub(1)?;
    let closed = chars.get(f.end).is_some_and(|&c| matches!(c, ')' | '）'));
    if !(matches!(chars[open], '(' | '（') && closed) {
        return None;
    }
    let floor = open.saturating_sub(lx::METRIC_BEFORE_MAX);
    let mut k = open;
    while k > floor && (text.protected[k - 1] || !is_break(chars[k - 1])) {
        k -= 1;
    }
    let (words, _) = clean_before(&chars[k..open], scratch);
    (!words.is_empty()).then_some(words)
}

/// Start of the `、`-separated list that ends at `from`: back to the previous other break.
/// `None` when an earlier fact (or the length limit `floor`) comes first: the `、` then
/// separates facts (`开具现场执法文书2842份、责令整改通知书1334份`).
pub(super) fn list_start(text: &Text, from: usize, floor: usize) -> Option<usize> {
    let chars = &text.chars;
    let mut k = from;
    while k > floor {
        let c = chars[k - 1];
        if is_break(c) && c != lx::LIST_SEPARATOR && !text.protected[k - 1] {
            return Some(k);
        }
        k -= 1;
    }
    (k == 0).then_some(0)
}

/// The noun right after a count (`开展3次学法活动` → `学法活动`), up to the clause end or the
/// next fact; empty when the number does not precede a noun.
pub(super) fn noun_after(
    text: &Text,
    f: &Found,
    next_start: usize,
    scratch: &mut Vec<char>,
) -> String {
    if f.kind != QuantityKind::Count || f.unit.is_none() {
        return String::new();
    }
    let chars = &text.chars;
    let first = chars.get(f.end).copied();
    if !first.is_some_and(|c| is_cjk(c) || c == '“') {
        return String::new();
    }
    let limit = next_start
        .min(f.end + lx::METRIC_AFTER_MAX)
        .min(chars.len());
    let mut e = f.end;
    while e < limit {
        let c = chars[e];
        // a short aside inside the noun: `22个村(社区)网格`
        if matches!(c, '(' | '（') {
            let close = (e + 1..limit.min(e + 8)).find(|&j| matches!(chars[j], ')' | '）'));
            if let Some(j) = close.filter(|&j| chars[e + 1..j].iter().all(|&d| is_cjk(d))) {
                e = j + 1;
                continue;
            }
        }
        if (is_break(c) || is_digit(c)) && !text.protected[e] {
            break;
        }
        e += 1;
    }
    // `宣讲5次等多种形式`: the number closes an enumeration, it precedes no noun.
    if starts_with_at(chars, f.end, lx::METRIC_ENUMERATION_END) {
        return String::new();
    }
    let words = scratch;
    words.clear();
    words.extend_from_slice(&chars[f.end..e]);
    remove_inner_fillers(words);
    strip_trailing(words, &METRIC_TRAILING_FILLERS);
    trim_edges(words);
    collect(words)
}

/// Cleans the clause text before a number into a metric: drops the time phrase and what
/// precedes it, fillers at both ends and inner totals (`共计`); reports a final `等`.
pub(super) fn clean_before(chars: &[char], scratch: &mut Vec<char>) -> (String, bool) {
    let s = scratch;
    s.clear();
    s.extend_from_slice(chars);
    trim_edges(s);
    let (phrase_start, cut) = cut_position(s);
    s.drain(..cut);
    let mut enumeration = clean_words(s);
    // `办理企业诉求截至10月共165条`, `占全区比重由2015年的20.3%`: the time phrase ends the
    // clause text, and the metric is what comes before it.
    if s.is_empty() && phrase_start > 0 {
        s.extend_from_slice(chars);
        trim_edges(s);
        s.truncate(phrase_start);
        while let Some(w) = METRIC_TIME_OPENERS
            .ending_at(s, s.len())
            .map(Word::len)
            .max()
        {
            s.truncate(s.len() - w);
        }
        enumeration = clean_words(s);
    }
    (collect(s), enumeration)
}

/// The fillers and edges of the words before a number; reports (and drops) a final `等`.
pub(super) fn clean_words(s: &mut Vec<char>) -> bool {
    remove_inner_fillers(s);
    trim_edges(s);
    let enumeration = ends_with_at(s, s.len(), lx::METRIC_ENUMERATION_END);
    if enumeration {
        s.truncate(s.len() - lx::METRIC_ENUMERATION_END.chars().count());
    }
    strip_leading(s);
    strip_trailing(s, &METRIC_TRAILING_FILLERS);
    trim_edges(s);
    enumeration
}

/// Where the last time phrase (`2023年`, `今年以来`, `截至目前`) or cut word (`仅`) starts
/// and the position after it.
pub(super) fn cut_position(s: &[char]) -> (usize, usize) {
    let (time_words, cut_after): (&WordIndex, &WordIndex) = (&METRIC_TIME_WORDS, &METRIC_CUT_AFTER);
    let starts: &CharFilter = &METRIC_CUT_STARTS;
    let mut cut = (0, 0);
    for j in 0..s.len() {
        // Most characters start no time word or cut word and are no calendar character.
        if !starts.may_contain(s[j]) {
            continue;
        }
        if let Some(len) = time_words
            .longest_at(s, j)
            .or_else(|| cut_after.longest_at(s, j))
        {
            if j + len > cut.1 {
                cut = (j, j + len);
            }
        }
        if lx::METRIC_CALENDAR_CHARS.contains(&s[j])
            && j > 0
            && (is_digit(s[j - 1]) || cn_digit_value(s[j - 1]).is_some())
        {
            let mut e = j + 1;
            if s.get(e)
                .is_some_and(|&c| lx::CALENDAR_SUFFIXES.contains(&c))
            {
                e += 1;
            }
            if e > cut.1 {
                let mut start = j - 1;
                while start > 0
                    && (is_digit(s[start - 1]) || cn_digit_value(s[start - 1]).is_some())
                {
                    start -= 1;
                }
                cut = (start, e);
            }
        }
    }
    (cut.0.min(s.len()), cut.1.min(s.len()))
}

pub(super) fn remove_inner_fillers(s: &mut Vec<char>) {
    // Most metrics hold none: one look at each char for a filler's first char says so.
    let starts: &CharFilter = &METRIC_INNER_FILLER_STARTS;
    if !s.iter().any(|&c| starts.may_contain(c)) {
        return;
    }
    // One pass: at each character the fillers that start there (in list order), then a lone
    // `共` (not first: `strip_leading` decides there) outside words (`公共`, `共同`).
    let mut j = 0;
    while j < s.len() {
        if starts.may_contain(s[j]) {
            let filler = METRIC_INNER_FILLERS
                .iter()
                .find(|f| s[j..].starts_with(f))
                .map(|f| f.len());
            if let Some(len) = filler {
                s.drain(j..j + len);
                continue;
            }
            let lone_total = j > 0
                && s[j] == lx::METRIC_INNER_TOTAL
                && !METRIC_LEADING_GUARDS.any_starting_at(s, j)
                && !METRIC_TRAILING_GUARDS.any_ending_at(s, j + 1);
            if lone_total {
                s.remove(j);
                continue;
            }
        }
        j += 1;
    }
}

pub(super) fn strip_leading(s: &mut Vec<char>) {
    loop {
        let before = s.len();
        let fits = |w: &Word| {
            let rest = s.len() - w.len();
            let fits = if lx::METRIC_VERB_FILLERS.contains(&w.text) {
                rest >= 3
            } else {
                rest >= 2 || rest == 0
            };
            let guarded = w.len() == 1 && METRIC_LEADING_GUARDS.any_starting_at(s, 0);
            fits && !guarded
        };
        let best = METRIC_LEADING_FILLERS
            .starting_at(s, 0)
            .filter(|w| fits(w))
            .map(Word::len)
            .max();
        if let Some(len) = best {
            s.drain(..len);
        }
        trim_edges(s);
        if s.len() == before {
            break;
        }
    }
}

pub(super) fn strip_trailing(s: &mut Vec<char>, fillers: &WordIndex) {
    loop {
        let before = s.len();
        let end = s.len();
        let fits = |w: &Word| {
            let rest = end - w.len();
            let guarded = w.len() == 1 && METRIC_TRAILING_GUARDS.any_ending_at(s, end);
            !guarded && (!lx::METRIC_VERB_FILLERS.contains(&w.text) || rest >= 2)
        };
        // The longest, of equally long ones the last listed (as `max_by_key` picks).
        let best = fillers
            .ending_at(s, end)
            .filter(|w| fits(w))
            .max_by_key(|w| (w.len(), w.index))
            .map(Word::len);
        if let Some(len) = best {
            s.truncate(end - len);
        }
        trim_edges(s);
        if s.len() == before {
            break;
        }
    }
}

/// Trims spaces and clause punctuation at both ends (quotes are kept: they belong to names).
#[inline]
pub(super) fn trim_edges(s: &mut Vec<char>) {
    // Spaces, breaks other than an opening bracket, closing brackets: one table look (the
    // four tests cost some 110 instructions per call, 180,000 calls on the 1k text corpus).
    let junk = is_edge_junk;
    while s.last().is_some_and(|&c| junk(c)) {
        s.pop();
    }
    let lead = s
        .iter()
        .take_while(|&&c| junk(c) || matches!(c, '（' | '('))
        .count();
    if lead > 0 {
        s.drain(..lead);
    }
}
