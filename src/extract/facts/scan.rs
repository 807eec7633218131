//! The scan: every number of the body with its qualifier, multiplier and unit, kept when it
//! reports a quantity (the traps it must pass are in `traps`).

use super::*;

/// What opened the clause a number stands in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Opener {
    Start,
    Punct(char),
    PreviousFact,
}

/// A number accepted as a fact, before the metric, sentence and section are attached.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) unit: Option<String>,
    pub(super) value_normalized: f64,
    pub(super) unit_normalized: &'static str,
    pub(super) kind: QuantityKind,
    pub(super) qualifier: Qualifier,
    pub(super) value_high: Option<f64>,
    pub(super) clause_start: usize,
    pub(super) opener: Opener,
    pub(super) sentence_start: usize,
}

/// Where the clause and the sentence of the current position begin.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    pub(super) clause_start: usize,
    pub(super) opener: Opener,
    pub(super) sentence_start: usize,
}

/// A unit found after a number.
pub(super) struct UnitHit {
    pub(super) info: UnitInfo,
    /// The unit as printed when it is not the text from `start` to `end` (`百分之…`).
    pub(super) printed: Option<&'static str>,
    /// The unit in simplified characters, for the checks.
    pub(super) simplified: &'static str,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) struct Scanner<'a> {
    pub(super) t: &'a Text<'a>,
}

/// The number after the prefix qualifier: where its span and value come from.
pub(super) struct Amount {
    pub(super) value: Decimal,
    pub(super) multiplier: u128,
    pub(super) multiplier_text: String,
    pub(super) infix: Option<Qualifier>,
}

impl Scanner<'_> {
    pub(super) fn chars(&self) -> &[char] {
        &self.t.chars
    }

    // Called once per document, so a call costs nothing; inlined into
    // `extract_facts_bounded` (as changes in other modules can make the compiler do) it and
    // `Text::new` measured 18 M instructions dearer on the 1k text corpus.
    #[inline(never)]
    pub(super) fn run(&self) -> Vec<Found> {
        let chars = self.chars();
        let n = chars.len();
        let mut out: Vec<Found> = Vec::new();
        let mut clause_start = 0;
        let mut opener = Opener::Start;
        let mut sentence_start = 0;
        let classes: &[u8] = &CLASSES;
        let mut i = 0;
        while i < n {
            let c = chars[i];
            let cl = class_in(classes, c);
            if cl == 0 || self.t.protected[i] {
                i += 1;
                continue;
            }
            if cl & (CLASS_SENTENCE | CLASS_CLAUSE) != 0 {
                clause_start = i + 1;
                opener = Opener::Punct(c);
                if cl & CLASS_SENTENCE != 0 {
                    sentence_start = i + 1;
                }
                i += 1;
                continue;
            }
            let is_number_start = cl & CLASS_DIGIT != 0
                || (cl & CLASS_CN_NUMERAL != 0
                    && (i == 0 || class_in(classes, chars[i - 1]) & CLASS_CN_NUMERAL == 0));
            if !is_number_start {
                i += 1;
                continue;
            }
            let ctx = match out.last() {
                Some(prev) if prev.end > clause_start => Context {
                    clause_start: prev.end,
                    opener: Opener::PreviousFact,
                    sentence_start,
                },
                _ => Context {
                    clause_start,
                    opener,
                    sentence_start,
                },
            };
            let result = if cl & CLASS_DIGIT != 0 {
                self.arabic(i, ctx)
            } else {
                self.chinese(i, ctx)
            };
            match result {
                Ok(found) => {
                    i = found.end;
                    out.push(found);
                }
                Err(resume) => i = resume.max(i + 1),
            }
        }
        out
    }

    pub(super) fn skip_spaces(&self, mut k: usize) -> usize {
        let chars = self.chars();
        let mut skipped = 0;
        while k < chars.len() && is_space(chars[k]) && skipped < 3 {
            k += 1;
            skipped += 1;
        }
        k
    }

    /// Index of the last non-space character before `pos`, not before `floor`.
    pub(super) fn prev_non_space(&self, pos: usize, floor: usize) -> Option<usize> {
        let chars = self.chars();
        let mut k = pos;
        while k > floor {
            k -= 1;
            if !is_space(chars[k]) {
                return Some(k);
            }
        }
        None
    }

    /// The unit printed at `k`, unless the character belongs to a longer word (`座谈`,
    /// `项目`) or lies in a protected span.
    pub(super) fn unit_at(&self, k: usize) -> Option<UnitHit> {
        let chars = self.chars();
        if k >= chars.len() || self.t.protected[k] {
            return None;
        }
        let (def, len) = match_unit_def(chars, k)?;
        let end = k + len;
        if let Some(&next) = chars.get(end) {
            if UNIT_BLOCKER_PAIRS.contains(&(to_simplified(chars[end - 1]), to_simplified(next))) {
                return None;
            }
        }
        Some(UnitHit {
            info: UnitInfo {
                normalized: def.normalized,
                factor: def.factor,
                kind: def.kind,
            },
            printed: None,
            simplified: def.printed,
            start: k,
            end,
        })
    }

    /// Reads the infix qualifier (`余`/`多`), the multipliers (`万`, `千万`) and again an infix
    /// qualifier (`5万余人`) after a number ending at `k`; returns the position after them.
    pub(super) fn read_amount_tail(
        &self,
        value: Decimal,
        mut k: usize,
        allow_multipliers: bool,
    ) -> (Amount, usize) {
        let chars = self.chars();
        let mut amount = Amount {
            value,
            multiplier: 1,
            multiplier_text: String::new(),
            infix: None,
        };
        let infix_at = |k: usize| {
            chars
                .get(k)
                .and_then(|c| lx::INFIX_QUALIFIERS.iter().find(|(q, _)| q == c))
                .map(|(_, q)| *q)
        };
        let after_space = self.skip_spaces(k);
        if let Some(q) = infix_at(after_space) {
            amount.infix = Some(q);
            k = after_space + 1;
        }
        if allow_multipliers {
            // `9.5 万余场`: text from a PDF sets a space between the digits and their 万.
            let spaced = self.skip_spaces(k);
            if spaced > k
                && chars
                    .get(spaced)
                    .is_some_and(|&c| arabic_multiplier(c).is_some())
            {
                k = spaced;
            }
            for _ in 0..3 {
                let Some(&c) = chars.get(k) else { break };
                let Some(m) = arabic_multiplier(c) else { break };
                // `千米`, `万元`, `亿元` are units that start with a multiplier.
                if self.unit_at(k).is_some_and(|u| u.end - u.start > 1) {
                    break;
                }
                amount.multiplier = amount.multiplier.saturating_mul(m as u128);
                amount.multiplier_text.push(c);
                k += 1;
            }
            if amount.infix.is_none() && amount.multiplier > 1 {
                if let Some(q) = infix_at(k) {
                    amount.infix = Some(q);
                    k += 1;
                }
            }
        }
        (amount, k)
    }

    /// Qualifier printed before the number (`约`, `近`, `超`): its start and kind.
    pub(super) fn prefix_qualifier(
        &self,
        num_start: usize,
        floor: usize,
    ) -> (usize, Option<Qualifier>) {
        let chars = self.chars();
        let k = if num_start > floor && is_space(chars[num_start - 1]) {
            num_start - 1
        } else {
            num_start
        };
        if PREFIX_QUALIFIER_BLOCKERS.any_ending_at(chars, k) {
            return (num_start, None);
        }
        // The longest word, of equally long ones the first listed (`不超过` before `超过`).
        let word = PREFIX_QUALIFIERS
            .ending_at(chars, k)
            .filter(|w| k >= floor + w.len() && !self.t.protected[k - w.len()])
            .max_by_key(|w| (w.len(), std::cmp::Reverse(w.index)));
        match word {
            Some(w) => (k - w.len(), Some(lx::PREFIX_QUALIFIERS[w.index].1)),
            None => (num_start, None),
        }
    }

    /// Qualifier printed after the unit (`以上`, `左右`): its end and kind.
    pub(super) fn postfix_qualifier(&self, end: usize) -> (usize, Option<Qualifier>) {
        let chars = self.chars();
        if POSTFIX_QUALIFIER_BLOCKERS.any_starting_at(chars, end) {
            return (end, None);
        }
        // The first listed word that matches.
        match POSTFIX_QUALIFIERS
            .starting_at(chars, end)
            .min_by_key(|w| w.index)
        {
            Some(w) => (end + w.len(), Some(lx::POSTFIX_QUALIFIERS[w.index].1)),
            None => (end, None),
        }
    }

    pub(super) fn clause_mentions_money(&self, ctx: &Context, pos: usize) -> bool {
        let from = ctx
            .clause_start
            .max(pos.saturating_sub(lx::METRIC_BEFORE_MAX));
        MONEY_CONTEXT.is_match(self.t.str(from, pos))
    }

    /// An Arabic number at `i`. `Err(resume)` when it is not a fact.
    pub(super) fn arabic(&self, i: usize, ctx: Context) -> Result<Found, usize> {
        let chars = self.chars();
        let n = chars.len();
        let scan = scan_arabic(chars, i).ok_or(i + 1)?;
        let skip = scan.end;
        // Left context: 5G-like tokens, date and version parts, ordinals.
        if i > 0 {
            let prev = chars[i - 1];
            if prev.is_ascii_alphabetic() {
                return Err(skip);
            }
            if lx::DIGIT_JOINERS.contains(&prev) && i >= 2 && is_digit(chars[i - 2]) {
                return Err(skip);
            }
        }
        let prev_ns = self
            .prev_non_space(i, ctx.clause_start.min(i))
            .map(|k| chars[k]);
        if prev_ns.is_some_and(|c| lx::ARABIC_ORDINAL_PREFIXES.contains(&c)) {
            return Err(skip);
        }
        // Codes: a leading zero, or more digits than any count (phones, ids, ICP numbers).
        if scan.leading_zero || (scan.int_digits >= 11 && !scan.grouped) {
            return Err(skip);
        }
        // Dates, times and versions: 2023.11.30, 2023/12/14, 17:16:02.
        if let (Some(&c), Some(&d)) = (chars.get(skip), chars.get(skip + 1)) {
            if matches!(c, '.' | '．' | ':' | '：' | '/') && is_digit(d) {
                let mut k = skip;
                while k < n
                    && (is_digit(chars[k]) || matches!(chars[k], '.' | '．' | ':' | '：' | '/'))
                {
                    k += 1;
                }
                return Err(k);
            }
        }
        // A range `10-20人`, `3至5天`.
        if let Some(&sep) = chars.get(skip) {
            if lx::RANGE_SEPARATORS.contains(&sep) {
                return self.arabic_range(i, &scan, ctx);
            }
        }
        let (amount, k) = self.read_amount_tail(scan.value, skip, true);
        let unit_pos = self.skip_spaces(k);
        let Some(unit) = self.unit_at(unit_pos) else {
            return self.arabic_without_unit(i, &scan, amount, k, ctx);
        };
        let year_like = amount.multiplier == 1
            && !scan.has_fraction
            && scan.int_digits == 4
            && (lx::YEAR_MIN as f64..=lx::YEAR_MAX as f64).contains(&scan.value.to_f64());
        match unit.simplified {
            u if u == lx::YEAR_UNIT => {
                if year_like {
                    return Err(unit.end);
                }
                let (qual_start, _) = self.prefix_qualifier(i, ctx.clause_start);
                let prefix_ok = DURATION_YEAR_PREFIXES.any_ending_at(chars, qual_start)
                    || DURATION_YEAR_PREFIXES.any_ending_at(chars, i);
                if !prefix_ok {
                    return Err(unit.end);
                }
            }
            u if lx::DAY_UNITS.contains(&u) && prev_ns == Some(lx::MONTH_CHAR) => {
                return Err(unit.end)
            }
            _ => {}
        }
        if unit.info.kind == QuantityKind::Duration
            && !self.duration_is_measured(unit.end)
            && !self.duration_prefixed(i, ctx.clause_start)
        {
            return Err(unit.end);
        }
        if prev_ns == Some(lx::RANK_PREFIX) && lx::RANK_UNITS.contains(&unit.simplified) {
            return Err(unit.end);
        }
        if self.is_frequency_or_rank(i, ctx.clause_start, unit.simplified) {
            return Err(unit.end);
        }
        Ok(self.finish(i, amount, Some(unit), unit_pos, None, ctx))
    }

    /// `10-20人`: both ends share the unit (and a multiplier printed after the second).
    pub(super) fn arabic_range(
        &self,
        i: usize,
        first: &crate::normalize::ArabicScan,
        ctx: Context,
    ) -> Result<Found, usize> {
        let chars = self.chars();
        let skip = first.end;
        let second_start = self.skip_spaces(skip + 1);
        let Some(second) = scan_arabic(chars, second_start) else {
            return Err(skip);
        };
        if second.leading_zero {
            return Err(skip);
        }
        let (amount, k) = self.read_amount_tail(second.value, second.end, true);
        let unit_pos = self.skip_spaces(k);
        let Some(unit) = self.unit_at(unit_pos) else {
            return Err(skip);
        };
        // Year ranges (2021-2025年) and anything that is not an amount.
        if lx::CALENDAR_UNITS.contains(&unit.simplified)
            || unit.info.kind == QuantityKind::Duration && !self.duration_is_measured(unit.end)
        {
            return Err(unit.end);
        }
        let low = first.value.to_f64();
        let high = second.value.to_f64();
        if high < low {
            return Err(skip);
        }
        if self.is_frequency_or_rank(i, ctx.clause_start, unit.simplified) {
            return Err(unit.end);
        }
        let high_norm = second
            .value
            .checked_mul(amount.multiplier)
            .map(|d| d.times(unit.info.factor));
        let low_amount = Amount {
            value: first.value,
            ..amount
        };
        let mut found = self.finish(i, low_amount, Some(unit), unit_pos, high_norm, ctx);
        found.qualifier = Qualifier::Range;
        Ok(found)
    }

    /// A number with no unit: money when a bare 万/亿 follows in a money clause, a unit-less
    /// count when the measure word was plainly lost (`发布宣传信息200加强…`), else not a fact.
    pub(super) fn arabic_without_unit(
        &self,
        i: usize,
        scan: &crate::normalize::ArabicScan,
        amount: Amount,
        k: usize,
        ctx: Context,
    ) -> Result<Found, usize> {
        let chars = self.chars();
        if amount.multiplier > 1 && self.clause_mentions_money(&ctx, i) {
            return Ok(self.finish(i, amount, None, k, None, ctx));
        }
        let bare = amount.multiplier == 1
            && amount.infix.is_none()
            && !scan.has_fraction
            && scan.int_digits <= 6
            && scan.value.to_f64() >= lx::BARE_NUMBER_MIN
            && !(scan.int_digits == 4
                && (lx::YEAR_MIN as f64..=lx::YEAR_MAX as f64).contains(&scan.value.to_f64()))
            && i > 0
            && is_cjk(chars[i - 1])
            && chars.get(scan.end).is_some_and(|&c| is_cjk(c))
            && BARE_NUMBER_NEXT_VERBS.any_starting_at(chars, scan.end);
        if bare {
            return Ok(self.finish(i, amount, None, scan.end, None, ctx));
        }
        Err(scan.end)
    }

    /// A Chinese numeral starting at `i` (or `百分之…`). `Err(resume)` when it is not a fact.
    pub(super) fn chinese(&self, i: usize, ctx: Context) -> Result<Found, usize> {
        let chars = self.chars();
        let n = chars.len();
        if starts_with_at(chars, i, crate::lexicon::units::PERCENT_WORD_PREFIX) {
            if let Some(found) = self.chinese_percent(i, ctx) {
                return Ok(found);
            }
        }
        if starts_with_at(chars, i, lx::HALF_WORD) {
            if let Some(found) = self.half(i, ctx) {
                return Ok(found);
            }
        }
        // `连续三年`, `提前一年`: a length of time even after 前 and with a lone 一.
        // (Read only when a check would reject: most numerals are no durations.)
        let duration_prefixed = || self.duration_prefixed(i, ctx.clause_start);
        let mut r = i;
        while r < n
            && (is_cn_numeral_char(chars[r])
                || (is_cn_point(chars[r])
                    && r > i
                    && chars.get(r + 1).is_some_and(|&c| is_cn_numeral_char(c))))
        {
            r += 1;
        }
        let run = &chars[i..r];
        if i > 0 {
            let prev = chars[i - 1];
            if is_digit(prev)
                || prev.is_ascii_alphanumeric()
                || (lx::CN_NUMERAL_PREFIX_TRAPS.contains(&to_simplified(prev))
                    && !duration_prefixed())
            {
                return Err(r);
            }
            // The second end of a range `三至五天` is not a count of its own.
            if lx::RANGE_SEPARATORS.contains(&prev) && i >= 2 && is_cn_numeral_char(chars[i - 2]) {
                return Err(r);
            }
        }
        // 二〇二三 (years), 三五 (set phrases); a lone 百/千/万/亿 is idiomatic (百日, 千家万户).
        let lone_place_value =
            run.len() == 1 && cn_digit_value(run[0]).is_none() && !matches!(run[0], '十' | '拾');
        if is_digit_by_digit(run) {
            return Err(r);
        }
        if CN_SET_PHRASES.any_starting_at(chars, i) {
            return Err(r);
        }
        let value = parse_chinese_numeral(run).ok_or(r)?;
        let (amount, k) = self.read_amount_tail(value, r, false);
        // A lone 百/千/万 counts only as a rough amount (`百余场`, `近千人`); otherwise it is
        // idiomatic (`百日攻坚`, `千家万户`).
        if lone_place_value
            && amount.infix.is_none()
            && self.prefix_qualifier(i, ctx.clause_start).1.is_none()
        {
            return Err(r);
        }
        let unit_pos = self.skip_spaces(k);
        let unit = self.unit_at(unit_pos).ok_or(r)?;
        let after = unit.end;
        let simplified = unit.simplified;
        let measured_duration = unit.info.kind == QuantityKind::Duration && duration_prefixed();
        let lone_one = run.len() == 1 && value == Decimal::integer(1);
        if lone_one && !lx::CN_ONE_COUNT_UNITS.contains(&simplified) && !measured_duration {
            return Err(after);
        }
        if lx::CALENDAR_UNITS.contains(&simplified)
            && !(measured_duration && simplified == lx::YEAR_UNIT)
        {
            return Err(after);
        }
        if unit.info.kind == QuantityKind::Duration
            && !self.duration_is_measured(after)
            && !measured_duration
        {
            return Err(after);
        }
        let next = chars.get(after).copied();
        // `两` is a cardinal only (`两期`, `两轮`); `分七期`, `共三批` count phases.
        let cardinal = run == [lx::CN_CARDINAL_TWO]
            || i.checked_sub(1)
                .is_some_and(|k| lx::CN_ORDINAL_COUNT_PREFIXES.contains(&chars[k]));
        if lx::CN_ORDINAL_PRONE_UNITS.contains(&simplified)
            && next.is_some_and(|c| !is_break(c))
            && !cardinal
        {
            return Err(after);
        }
        // `一村一警`, `三桥四路` (set phrases), `七台河` (places), `两个“一以贯之”` (slogans);
        // but `十个村`, `两轮县级会议` are counts.
        let place_safe = cardinal || lx::CN_PLACE_SAFE_UNITS.contains(&simplified);
        if next.is_some_and(|c| {
            is_cn_numeral_char(c)
                || (lx::CN_PLACE_AFTER.contains(&c) && !place_safe)
                || lx::CN_SLOGAN_OPENERS.contains(&c)
        }) {
            return Err(after);
        }
        if CN_ABSTRACT_AFTER.any_starting_at(chars, after) {
            return Err(after);
        }
        if unit.info.kind == QuantityKind::Money && value.times(unit.info.factor) < lx::CN_MONEY_MIN
        {
            return Err(after);
        }
        if simplified == lx::SESSION_UNIT
            && SESSION_AFTER.any_starting_at(chars, self.after_session_list(after))
            && chars[i.saturating_sub(lx::SESSION_LOOKBACK)..i].contains(&lx::SESSION_TERM)
        {
            return Err(after);
        }
        if self.is_frequency_or_rank(i, ctx.clause_start, simplified) {
            return Err(after);
        }
        Ok(self.finish(i, amount, Some(unit), unit_pos, None, ctx))
    }

    /// `一半` → 50 %, when a qualifier or a clause end marks it as an amount (`压缩一半以上`,
    /// `近一半`).
    pub(super) fn half(&self, i: usize, ctx: Context) -> Option<Found> {
        let chars = self.chars();
        let end = i + lx::HALF_WORD.chars().count();
        let (_, prefix_q) = self.prefix_qualifier(i, ctx.clause_start);
        let (_, post_q) = self.postfix_qualifier(end);
        let at_break = chars.get(end).is_none_or(|&c| is_break(c));
        if prefix_q.is_none() && post_q.is_none() && !at_break {
            return None;
        }
        let unit = UnitHit {
            info: crate::normalize::unit_info("%")?,
            printed: Some(lx::HALF_WORD),
            simplified: "%",
            start: i,
            end,
        };
        let amount = Amount {
            value: Decimal::integer(lx::HALF_PERCENT),
            multiplier: 1,
            multiplier_text: String::new(),
            infix: None,
        };
        Some(self.finish(i, amount, Some(unit), end, None, ctx))
    }

    /// `百分之八十七点五` → 87.5 %.
    pub(super) fn chinese_percent(&self, i: usize, ctx: Context) -> Option<Found> {
        let chars = self.chars();
        let prefix_len = crate::lexicon::units::PERCENT_WORD_PREFIX.chars().count();
        let start = i + prefix_len;
        let mut r = start;
        while r < chars.len()
            && (is_cn_numeral_char(chars[r])
                || is_digit(chars[r])
                || (is_cn_point(chars[r])
                    && r > start
                    && chars.get(r + 1).is_some_and(|&c| is_cn_numeral_char(c)))
                || (matches!(chars[r], '.' | '．')
                    && r > start
                    && chars.get(r + 1).is_some_and(|&c| is_digit(c))))
        {
            r += 1;
        }
        let printed = self.t.str(start, r);
        let value = crate::normalize::parse_decimal(printed)?;
        let info = crate::normalize::unit_info("%")?;
        let unit = UnitHit {
            info,
            printed: Some(crate::lexicon::units::PERCENT_WORD_PREFIX),
            simplified: "%",
            start: i,
            end: r,
        };
        let amount = Amount {
            value,
            multiplier: 1,
            multiplier_text: String::new(),
            infix: None,
        };
        let mut found = self.finish(i, amount, Some(unit), r, None, ctx);
        found.end = found.end.max(r);
        Some(found)
    }

    /// Builds the fact: qualifiers, span, normalized value.
    pub(super) fn finish(
        &self,
        num_start: usize,
        amount: Amount,
        unit: Option<UnitHit>,
        unit_pos: usize,
        value_high: Option<f64>,
        ctx: Context,
    ) -> Found {
        let chars = self.chars();
        let (start, prefix_q) = self.prefix_qualifier(num_start, ctx.clause_start);
        let raw_end_before_post = match &unit {
            Some(u) => u.end,
            None => {
                // no unit: the span ends after the number and its multiplier/infix
                let mut e = unit_pos;
                while e > num_start && is_space(chars[e - 1]) {
                    e -= 1;
                }
                e
            }
        };
        let (end, post_q) = if unit.is_some() {
            self.postfix_qualifier(raw_end_before_post)
        } else {
            (raw_end_before_post, None)
        };
        let qualifier = prefix_q
            .or(amount.infix)
            .or(post_q)
            .unwrap_or(Qualifier::Exact);
        let scaled = amount.value.checked_mul(amount.multiplier);
        let (unit_printed, unit_normalized, kind, factor) = match &unit {
            Some(u) => (
                Some(unit_as_printed(&amount.multiplier_text, u, chars)),
                u.info.normalized,
                u.info.kind,
                u.info.factor,
            ),
            None if amount.multiplier > 1 => (
                Some(amount.multiplier_text.clone()),
                "元",
                QuantityKind::Money,
                1.0,
            ),
            None => (None, "", QuantityKind::Count, 1.0),
        };
        let value_normalized = match scaled {
            Some(d) => d.times(factor),
            None => amount.value.to_f64() * amount.multiplier as f64 * factor,
        };
        Found {
            start,
            end,
            value: amount.value.to_f64(),
            unit: unit_printed,
            value_normalized,
            unit_normalized,
            kind,
            qualifier,
            value_high,
            clause_start: ctx.clause_start,
            opener: ctx.opener,
            sentence_start: ctx.sentence_start,
        }
    }
}

/// The unit of a fact as printed: the multipliers, then the unit.
pub(super) fn unit_as_printed(multipliers: &str, unit: &UnitHit, chars: &[char]) -> String {
    let mut s = String::with_capacity(multipliers.len() + 4 * (unit.end - unit.start));
    s.push_str(multipliers);
    match unit.printed {
        Some(printed) => s.push_str(printed),
        None => s.extend(&chars[unit.start..unit.end]),
    }
    s
}
