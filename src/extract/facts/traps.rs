//! Traps of the scan: numbers that look like amounts and are not (frequencies, ranks,
//! sessions) and durations that are names rather than lengths of time.

use super::*;

impl Scanner<'_> {
    /// A duration is a measured length of time only when the clause ends after it or it is
    /// followed by `内`, `以内`, `办结` …; otherwise it names something (`24小时值班制度`).
    pub(super) fn duration_is_measured(&self, after: usize) -> bool {
        let chars = self.chars();
        let k = self.skip_spaces(after);
        match chars.get(k) {
            None => true,
            Some(&c) if is_break(c) => true,
            Some(_) => DURATION_OK_NEXT.any_starting_at(chars, k),
        }
    }

    /// Whether a duration word (`连续`, `历时`, `提前`) stands right before the number at `i`
    /// or before its prefix qualifier: the duration is then a measured length of time.
    pub(super) fn duration_prefixed(&self, i: usize, floor: usize) -> bool {
        let chars = self.chars();
        let (qual_start, _) = self.prefix_qualifier(i, floor);
        DURATION_YEAR_PREFIXES.any_ending_at(chars, qual_start)
            || DURATION_YEAR_PREFIXES.any_ending_at(chars, i)
    }

    /// A count of repeated events after `每` + a period in its clause is a frequency
    /// (`每年开展1次`, `以每两月1次频次`, `每年集中学习不少于2次`), and a `位`/`名` after a
    /// ranking word is a rank (`排位由53位升至47位`): neither is a fact.
    pub(super) fn is_frequency_or_rank(&self, i: usize, floor: usize, unit: &str) -> bool {
        let chars = self.chars();
        let frequency = lx::FREQUENCY_UNITS.contains(&unit);
        let rank = lx::RANK_UNITS.contains(&unit);
        if !(frequency || rank) {
            return false;
        }
        let from = floor.max(i.saturating_sub(lx::FREQUENCY_LOOKBACK)).min(i);
        if rank {
            return (from..i).any(|k| RANK_CLAUSE_WORDS.any_starting_at(chars, k));
        }
        (from..i).any(|k| {
            if chars[k] != lx::FREQUENCY_EACH {
                return false;
            }
            let mut j = k + 1;
            while j < i && (is_cn_numeral_char(chars[j]) || is_digit(chars[j])) {
                j += 1;
            }
            if j < i && to_simplified(chars[j]) == '个' {
                j += 1;
            }
            j < i && FREQUENCY_PERIODS.any_starting_at(chars, j)
        })
    }

    /// After `五次` in `五次、六次全会`: the position after the listed sessions that follow.
    pub(super) fn after_session_list(&self, mut after: usize) -> usize {
        let chars = self.chars();
        for _ in 0..lx::SESSION_LIST_MAX {
            if chars.get(after) != Some(&lx::LIST_SEPARATOR) {
                break;
            }
            let mut k = after + 1;
            while k < chars.len() && is_cn_numeral_char(chars[k]) {
                k += 1;
            }
            let session = k > after + 1
                && chars
                    .get(k)
                    .is_some_and(|&c| lx::SESSION_UNIT.starts_with(to_simplified(c)));
            if !session {
                break;
            }
            after = k + 1;
        }
        after
    }
}
