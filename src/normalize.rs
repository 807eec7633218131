//! Number parsing and unit normalization: pure functions over strings and char slices.
//!
//! Numbers are kept as exact decimals ([`Decimal`]: an integer mantissa and a count of decimal
//! places) until the very end, so `337.1857万` gives exactly 3371857 and `3.35亿` exactly
//! 335000000, without float noise.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon::units::{
    UnitDef, ARABIC_MULTIPLIERS, CN_BIG_UNITS, CN_DIGITS, CN_POINT, CN_SMALL_UNITS, MAX_UNIT_CHARS,
    PERCENT_WORD_PREFIX, TRAD_TO_SIMP, UNITS,
};
use crate::model::QuantityKind;

/// An exact decimal: `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: u128,
    pub scale: u32,
}

/// Largest number of decimal places kept (more would only be noise in a report).
const MAX_SCALE: u32 = 18;

impl Decimal {
    pub const fn integer(n: u128) -> Self {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// The nearest `f64`: a single correctly rounded division (or a decimal-string parse when
    /// the mantissa is too large for an exact `f64`).
    pub fn to_f64(self) -> f64 {
        const EXACT_LIMIT: u128 = 1 << 53;
        if self.mantissa < EXACT_LIMIT && self.scale <= 22 {
            self.mantissa as f64 / 10f64.powi(self.scale as i32)
        } else {
            format!("{}e-{}", self.mantissa, self.scale)
                .parse()
                .unwrap_or(f64::INFINITY)
        }
    }

    /// Multiplies by an integer, `None` on overflow.
    pub fn checked_mul(self, factor: u128) -> Option<Self> {
        Some(Decimal {
            mantissa: self.mantissa.checked_mul(factor)?,
            scale: self.scale,
        })
    }

    /// `self × factor` as `f64`. Exact (one rounding) when the factor is an integer or a power
    /// of ten below one; otherwise one float multiplication rounded to 6 decimal places, so
    /// `116.1亩 × 666.6667` gives 77400.00387.
    pub fn times(self, factor: f64) -> f64 {
        if factor >= 1.0 && factor.fract() == 0.0 && factor <= 1e18 {
            if let Some(d) = self.checked_mul(factor as u128) {
                return d.to_f64();
            }
        } else if factor > 0.0 && factor < 1.0 {
            let inverse = (1.0 / factor).round();
            let places = inverse.log10().round();
            if (10f64.powf(places) - inverse).abs() < 0.5 && (1.0 / inverse - factor).abs() < 1e-15
            {
                let scale = self.scale + places as u32;
                if scale <= MAX_SCALE + 6 {
                    return Decimal {
                        mantissa: self.mantissa,
                        scale,
                    }
                    .to_f64();
                }
            }
        }
        round6(self.to_f64() * factor)
    }
}

/// Rounds to 6 decimal places where that is representable without loss of the integer part.
fn round6(x: f64) -> f64 {
    if x.is_finite() && x.abs() < 1e9 {
        (x * 1e6).round() / 1e6
    } else {
        x
    }
}

/// How a printed unit is normalized.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitInfo {
    /// Normalized unit, simplified characters (`元`, `平方米`, `件`).
    pub normalized: &'static str,
    /// `value_normalized = value × factor` (includes a leading 万/亿/千 of the printed unit).
    pub factor: f64,
    pub kind: QuantityKind,
}

/// FNV-1a: the unit keys are a few bytes long, where SipHash's setup cost dominates.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Hash-map builder using [`Fnv`].
pub type FnvBuild = BuildHasherDefault<Fnv>;

static UNIT_INDEX: LazyLock<HashMap<&'static str, &'static UnitDef, FnvBuild>> =
    LazyLock::new(|| UNITS.iter().map(|u| (u.printed, u)).collect());

/// Traditional → simplified pairs sorted by the traditional character, for binary search.
static TRAD_SORTED: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let mut v = TRAD_TO_SIMP.to_vec();
    v.sort_unstable();
    v.dedup_by_key(|p| p.0);
    v
});

/// One bit per BMP character: set when the character has a simplified form.
static TRAD_BITS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    for &(t, _) in TRAD_TO_SIMP {
        if let Some(word) = bits.get_mut(t as usize / 64) {
            *word |= 1 << (t as usize % 64);
        }
    }
    bits
});

/// The simplified form of a unit or numeral character (other characters are returned as is).
pub fn to_simplified(c: char) -> char {
    let cp = c as usize;
    let has_mapping = TRAD_BITS
        .get(cp / 64)
        .is_some_and(|w| w & (1 << (cp % 64)) != 0);
    if !has_mapping {
        return c;
    }
    let sorted = &*TRAD_SORTED;
    sorted
        .binary_search_by_key(&c, |p| p.0)
        .map_or(c, |k| sorted[k].1)
}

/// Value of an ASCII or full-width digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of a run of ASCII or full-width digits (`２０２３`, `11`); `None` for anything
/// else or an empty run.
pub fn parse_digits(s: &str) -> Option<u32> {
    let mut value: u32 = 0;
    for c in s.chars() {
        value = value.checked_mul(10)?.checked_add(digit_value(c)?)?;
    }
    (!s.is_empty()).then_some(value)
}

pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Value of a Chinese digit (一 二 两 三 … 〇 零, financial forms 壹 贰 …).
#[inline]
pub fn cn_digit_value(c: char) -> Option<u32> {
    CN_DIGITS.iter().find(|(d, _)| *d == c).map(|(_, v)| *v)
}

fn cn_small_unit(c: char) -> Option<u128> {
    CN_SMALL_UNITS
        .iter()
        .find(|(d, _)| *d == c)
        .map(|(_, v)| *v as u128)
}

fn cn_big_unit(c: char) -> Option<u128> {
    CN_BIG_UNITS
        .iter()
        .find(|(d, _)| *d == c)
        .map(|(_, v)| *v as u128)
}

/// A multiplier that may follow Arabic digits (百 千 万 亿).
pub fn arabic_multiplier(c: char) -> Option<u64> {
    ARABIC_MULTIPLIERS
        .iter()
        .find(|(d, _)| *d == c)
        .map(|(_, v)| *v)
}

/// Whether `c` can be part of a Chinese numeral (digits and place values; not the point).
#[inline]
pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit_value(c).is_some() || cn_small_unit(c).is_some() || cn_big_unit(c).is_some()
}

pub fn is_cn_point(c: char) -> bool {
    CN_POINT.contains(&c)
}

/// Result of reading Arabic digits at a position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArabicScan {
    pub value: Decimal,
    /// Index just past the number.
    pub end: usize,
    /// Digits before the decimal point.
    pub int_digits: usize,
    /// Printed with a leading zero (`022`, `05083207`): a code, not a quantity.
    pub leading_zero: bool,
    /// Printed with thousands separators (`10,339`).
    pub grouped: bool,
    pub has_fraction: bool,
}

/// Reads an Arabic number (ASCII or full-width digits, `,` thousands separators, `.`/`．`
/// decimal point) starting at `start`. `None` when there is no digit there or the number
/// overflows.
pub fn scan_arabic(chars: &[char], start: usize) -> Option<ArabicScan> {
    let n = chars.len();
    let mut i = start;
    let mut mantissa: u128 = 0;
    let mut int_digits = 0usize;
    let mut group_len = 0usize;
    let mut grouped = false;
    while i < n {
        if let Some(d) = chars.get(i).and_then(|&c| digit_value(c)) {
            mantissa = mantissa.checked_mul(10)?.checked_add(d as u128)?;
            int_digits += 1;
            group_len += 1;
            i += 1;
            continue;
        }
        // `10,339`: a comma followed by exactly three digits, after a group of 1-3 digits
        // (or of 3 digits once grouping started).
        let group_ok = if grouped {
            group_len == 3
        } else {
            (1..=3).contains(&group_len)
        };
        if chars[i] == ',' && group_ok && i + 3 < n + 1 {
            let three = (1..=3).all(|k| chars.get(i + k).is_some_and(|&c| c.is_ascii_digit()));
            let fourth_is_digit = chars.get(i + 4).is_some_and(|&c| is_digit(c));
            if three && !fourth_is_digit {
                grouped = true;
                group_len = 0;
                i += 1;
                continue;
            }
        }
        break;
    }
    if int_digits == 0 {
        return None;
    }
    let leading_zero = int_digits > 1 && chars.get(start).and_then(|&c| digit_value(c)) == Some(0);
    let mut scale = 0u32;
    let mut has_fraction = false;
    if i + 1 < n && matches!(chars[i], '.' | '．') && is_digit(chars[i + 1]) {
        i += 1;
        while let Some(d) = chars.get(i).and_then(|&c| digit_value(c)) {
            if scale < MAX_SCALE {
                mantissa = mantissa.checked_mul(10)?.checked_add(d as u128)?;
                scale += 1;
            }
            i += 1;
        }
        has_fraction = true;
    }
    Some(ArabicScan {
        value: Decimal { mantissa, scale },
        end: i,
        int_digits,
        leading_zero,
        grouped,
        has_fraction,
    })
}

/// Parses a whole Chinese numeral: `十二`, `两千`, `一百零五`, `三万五`, `二〇二三` (digit by
/// digit), `八十七点五`, financial forms `壹佰贰拾`. `None` when any character does not fit.
pub fn parse_chinese_numeral(chars: &[char]) -> Option<Decimal> {
    let point = chars.iter().position(|&c| is_cn_point(c));
    let (int_part, frac_part) = match point {
        Some(p) => (&chars[..p], &chars[p + 1..]),
        None => (chars, &chars[chars.len()..]),
    };
    if int_part.is_empty() || (point.is_some() && frac_part.is_empty()) {
        return None;
    }
    let mut mantissa = parse_cn_integer(int_part)?;
    let mut scale = 0u32;
    for &c in frac_part {
        let d = cn_digit_value(c).or_else(|| digit_value(c))?;
        if scale < MAX_SCALE {
            mantissa = mantissa.checked_mul(10)?.checked_add(d as u128)?;
            scale += 1;
        }
    }
    Some(Decimal { mantissa, scale })
}

/// Whether a Chinese numeral is written digit by digit (`二〇二三`, `三五`): such runs are
/// years or set phrases in running text.
pub fn is_digit_by_digit(chars: &[char]) -> bool {
    chars.len() > 1 && chars.iter().all(|&c| cn_digit_value(c).is_some())
}

fn parse_cn_integer(chars: &[char]) -> Option<u128> {
    if chars.is_empty() {
        return None;
    }
    if is_digit_by_digit(chars) {
        let mut v: u128 = 0;
        for &c in chars {
            v = v.checked_mul(10)?.checked_add(cn_digit_value(c)? as u128)?;
        }
        return Some(v);
    }
    let mut total: u128 = 0; // sum of the 亿/万 sections already closed
    let mut section: u128 = 0; // value below 万 being built
    let mut section_last_small: u128 = 0; // last 十/百/千 of the section, to reject 百百
    let mut current: Option<u128> = None; // a digit waiting for its place value
    let mut last_unit: u128 = 0;
    let mut prev_was_unit = false;
    let mut after_zero = false;
    let mut tail_abbreviated = false; // 一百五 = 150, 三万五 = 35000
    for &c in chars {
        if let Some(d) = cn_digit_value(c) {
            if current.is_some() {
                return None;
            }
            if d == 0 {
                after_zero = true;
                prev_was_unit = false;
                continue;
            }
            tail_abbreviated = prev_was_unit && !after_zero;
            current = Some(d as u128);
            prev_was_unit = false;
        } else if let Some(u) = cn_small_unit(c) {
            if section_last_small != 0 && u >= section_last_small {
                return None;
            }
            let n = current.take().unwrap_or(1);
            section = section.checked_add(n.checked_mul(u)?)?;
            section_last_small = u;
            last_unit = u;
            prev_was_unit = true;
            after_zero = false;
        } else if let Some(big) = cn_big_unit(c) {
            let cur = current.take().unwrap_or(0);
            if big == 10_000 {
                // 万 closes a section; it may follow 亿 (一亿五千万) but not another 万.
                if !total.is_multiple_of(100_000_000) {
                    return None;
                }
                let mut s = section + cur;
                if s == 0 {
                    if total != 0 {
                        return None;
                    }
                    s = 1;
                }
                total = total.checked_add(s.checked_mul(big)?)?;
            } else {
                // 亿 scales everything before it (一万亿 = 10^12).
                let mut s = total.checked_add(section + cur)?;
                if s == 0 {
                    s = 1;
                }
                total = s.checked_mul(big)?;
            }
            section = 0;
            section_last_small = 0;
            last_unit = big;
            prev_was_unit = true;
            after_zero = false;
        } else {
            return None;
        }
    }
    let tail = match current {
        Some(d) if tail_abbreviated && last_unit >= 100 => d.checked_mul(last_unit / 10)?,
        Some(d) => d,
        None => 0,
    };
    total.checked_add(section)?.checked_add(tail)
}

/// Parses a whole string as a number and returns its value: Arabic (`10,339`, `87.5`,
/// full-width `１２`), Chinese (`一百零五`, `二〇二三`, `八十七点五`), mixed with multipliers
/// (`1.2万`, `5千万`, `3.35亿`) and `百分之…` (returns the percentage, `百分之八十七点五` → 87.5).
/// Surrounding whitespace is ignored; anything else makes it `None`.
pub fn parse_number(s: &str) -> Option<f64> {
    parse_decimal(s).map(Decimal::to_f64)
}

/// [`parse_number`] as an exact [`Decimal`].
pub fn parse_decimal(s: &str) -> Option<Decimal> {
    let t = s.trim();
    let t = t.strip_prefix(PERCENT_WORD_PREFIX).unwrap_or(t);
    let chars: Vec<char> = t.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if is_digit(chars[0]) {
        let scan = scan_arabic(&chars, 0)?;
        let mut value = scan.value;
        for &c in &chars[scan.end..] {
            value = value.checked_mul(arabic_multiplier(c)? as u128)?;
        }
        return Some(value);
    }
    parse_chinese_numeral(&chars)
}

/// Looks up a whole printed unit: `万元` → 元 ×10000, `項` → 项, `平方公裏` → 平方米 ×10^6,
/// `万人次` → 人次 ×10000 (a leading 百/千/万/亿 multiplies any unit).
pub fn unit_info(s: &str) -> Option<UnitInfo> {
    let simplified: String = s.trim().chars().map(to_simplified).collect();
    if let Some(def) = UNIT_INDEX.get(simplified.as_str()) {
        return Some(info_of(def));
    }
    let mut chars = simplified.chars();
    let first = chars.next()?;
    let multiplier = arabic_multiplier(first)?;
    let rest = chars.as_str();
    let inner = unit_info(rest)?;
    Some(UnitInfo {
        factor: inner.factor * multiplier as f64,
        ..inner
    })
}

fn info_of(def: &UnitDef) -> UnitInfo {
    UnitInfo {
        normalized: def.normalized,
        factor: def.factor,
        kind: def.kind,
    }
}

/// Units (simplified characters and definition) by their first character, longest first.
type UnitsByFirst = HashMap<char, Vec<(Box<[char]>, &'static UnitDef)>, FnvBuild>;

/// The units of `UNIT_INDEX` grouped by their first character, so [`match_unit`] tests only
/// the units that can start at a position.
static UNITS_BY_FIRST: LazyLock<UnitsByFirst> = LazyLock::new(|| {
    let mut by_first = UnitsByFirst::default();
    for (&printed, &def) in UNIT_INDEX.iter() {
        let chars: Box<[char]> = printed.chars().collect();
        if let Some(&first) = chars.first() {
            by_first.entry(first).or_default().push((chars, def));
        }
    }
    for units in by_first.values_mut() {
        units.sort_by_key(|(chars, _)| std::cmp::Reverse(chars.len()));
    }
    by_first
});

/// The longest unit printed at `start` (traditional characters accepted): its info and its
/// length in characters.
pub fn match_unit(chars: &[char], start: usize) -> Option<(UnitInfo, usize)> {
    match_unit_def(chars, start).map(|(def, len)| (info_of(def), len))
}

/// [`match_unit`] with the unit's definition, whose `printed` is the unit in simplified
/// characters.
pub fn match_unit_def(chars: &[char], start: usize) -> Option<(&'static UnitDef, usize)> {
    let text = chars.get(start..)?;
    let text = &text[..text.len().min(MAX_UNIT_CHARS)];
    let units = UNITS_BY_FIRST.get(&to_simplified(*text.first()?))?;
    // Characters are simplified as the candidates reach them: most positions hold no unit,
    // and a unit is one or two characters.
    units
        .iter()
        .find(|(unit, _)| {
            unit.len() <= text.len() && unit.iter().zip(text).all(|(&u, &c)| to_simplified(c) == u)
        })
        .map(|(unit, def)| (*def, unit.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(parse_number("390"), Some(390.0));
        assert_eq!(parse_number("10,339"), Some(10339.0));
        assert_eq!(parse_number("5,136.5"), Some(5136.5));
        assert_eq!(parse_number("87.5"), Some(87.5));
        assert_eq!(parse_number("１２"), Some(12.0));
        assert_eq!(parse_number("８７．５"), Some(87.5));
        assert_eq!(parse_number(" 26 "), Some(26.0));
        assert_eq!(parse_number("18953.64"), Some(18953.64));
        assert_eq!(parse_number("12a"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn arabic_with_multipliers() {
        assert_eq!(parse_number("5万"), Some(50000.0));
        assert_eq!(parse_number("1.2万"), Some(12000.0));
        assert_eq!(parse_number("3千"), Some(3000.0));
        assert_eq!(parse_number("337.1857万"), Some(3371857.0));
        assert_eq!(parse_number("231.2045万"), Some(2312045.0));
        assert_eq!(parse_number("40.39亿"), Some(4039000000.0));
        assert_eq!(parse_number("3.35亿"), Some(335000000.0));
        assert_eq!(parse_number("5千万"), Some(50_000_000.0));
        assert_eq!(parse_number("1.2万亿"), Some(1.2e12));
        assert_eq!(parse_number("5萬"), Some(50000.0));
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(parse_number("一"), Some(1.0));
        assert_eq!(parse_number("十"), Some(10.0));
        assert_eq!(parse_number("十二"), Some(12.0));
        assert_eq!(parse_number("一十二"), Some(12.0));
        assert_eq!(parse_number("二十"), Some(20.0));
        assert_eq!(parse_number("两千"), Some(2000.0));
        assert_eq!(parse_number("一百零五"), Some(105.0));
        assert_eq!(parse_number("一百五"), Some(150.0));
        assert_eq!(parse_number("三万五"), Some(35000.0));
        assert_eq!(parse_number("二〇二三"), Some(2023.0));
        assert_eq!(parse_number("一亿五千万"), Some(150_000_000.0));
        assert_eq!(parse_number("一万亿"), Some(1e12));
        assert_eq!(parse_number("一千零一万"), Some(10_010_000.0));
        assert_eq!(parse_number("八十七点五"), Some(87.5));
        assert_eq!(parse_number("壹佰贰拾叁"), Some(123.0));
        assert_eq!(parse_number("兩千"), Some(2000.0));
        assert_eq!(parse_number("百分之八十七点五"), Some(87.5));
        assert_eq!(parse_number("百分之百"), Some(100.0));
        assert_eq!(parse_number("零"), Some(0.0));
        // not numbers
        assert_eq!(parse_number("十四五"), None);
        assert_eq!(parse_number("百百"), None);
        assert_eq!(parse_number("一万万"), None);
        assert_eq!(parse_number("点五"), None);
        assert_eq!(parse_number("是"), None);
    }

    #[test]
    fn scan_reports_codes_and_grouping() {
        let s = scan_arabic(&chars("05083207号"), 0).unwrap();
        assert!(s.leading_zero);
        assert_eq!(s.end, 8);
        let s = scan_arabic(&chars("10,339次"), 0).unwrap();
        assert!(s.grouped);
        assert_eq!(s.value.to_f64(), 10339.0);
        // `101处,167间`: the comma after a unit is a clause break, not a separator
        let s = scan_arabic(&chars("101处,167间"), 0).unwrap();
        assert_eq!(s.end, 3);
        // `1,2345` is not grouped (four digits after the comma)
        let s = scan_arabic(&chars("1,2345"), 0).unwrap();
        assert_eq!(s.end, 1);
        assert!(scan_arabic(&chars("abc"), 0).is_none());
        // overflow gives None, not a panic
        assert!(scan_arabic(&chars(&"9".repeat(60)), 0).is_none());
    }

    #[test]
    fn units_by_family() {
        let money = unit_info("万元").unwrap();
        assert_eq!(
            (money.normalized, money.factor, money.kind),
            ("元", 1e4, QuantityKind::Money)
        );
        assert_eq!(unit_info("亿元").unwrap().factor, 1e8);
        assert_eq!(unit_info("萬元").unwrap().normalized, "元");
        assert_eq!(unit_info("千元").unwrap().factor, 1e3);
        let mu = unit_info("亩").unwrap();
        assert_eq!((mu.normalized, mu.kind), ("平方米", QuantityKind::Area));
        assert_eq!(unit_info("㎡").unwrap().normalized, "平方米");
        assert_eq!(unit_info("平米").unwrap().normalized, "平方米");
        assert_eq!(unit_info("平方公裏").unwrap().factor, 1e6);
        assert_eq!(unit_info("公顷").unwrap().factor, 1e4);
        assert_eq!(unit_info("公里").unwrap().kind, QuantityKind::Length);
        assert_eq!(unit_info("吨").unwrap().factor, 1000.0);
        assert_eq!(unit_info("斤").unwrap().normalized, "千克");
        assert_eq!(unit_info("个月").unwrap().normalized, "天");
        assert_eq!(unit_info("小时").unwrap().normalized, "小时");
        assert_eq!(unit_info("％").unwrap().kind, QuantityKind::Percent);
        assert_eq!(
            unit_info("个百分点").unwrap().kind,
            QuantityKind::PercentagePoint
        );
        assert_eq!(unit_info("項").unwrap().normalized, "项");
        assert_eq!(unit_info("人次").unwrap().normalized, "人次");
        let wan = unit_info("万人次").unwrap();
        assert_eq!((wan.normalized, wan.factor), ("人次", 1e4));
        assert!(unit_info("届全").is_none());
        assert!(unit_info("").is_none());
    }

    #[test]
    fn longest_unit_match() {
        let c = chars("47083间次,发现");
        assert_eq!(
            match_unit(&c, 5).map(|(u, l)| (u.normalized, l)),
            Some(("间次", 2))
        );
        let c = chars("提高2.5个百分点");
        assert_eq!(
            match_unit(&c, 5).map(|(u, l)| (u.normalized, l)),
            Some(("个百分点", 4))
        );
        let c = chars("3千米");
        assert_eq!(
            match_unit(&c, 1).map(|(u, l)| (u.normalized, l)),
            Some(("米", 2))
        );
        let c = chars("19件次");
        assert_eq!(match_unit(&c, 2).map(|(u, _)| u.normalized), Some("件次"));
        assert!(match_unit(&c, 10).is_none());
    }

    #[test]
    fn normalized_amounts_have_no_float_noise() {
        let v = parse_decimal("337.1857").unwrap();
        assert_eq!(v.times(1e4), 3371857.0);
        let v = parse_decimal("116.1").unwrap();
        assert!((v.times(666.6667) - 77400.00387).abs() < 1e-9);
        let v = parse_decimal("500").unwrap();
        assert!((v.times(666.6667) - 333333.35).abs() < 1e-9);
        let v = parse_decimal("250").unwrap();
        assert_eq!(v.times(0.001), 0.25);
        assert_eq!(parse_decimal("3").unwrap().times(0.5), 1.5);
    }

    /// Standard Chinese rendering of an integer below 10^12 (`一亿零五千`, `十五万`).
    fn render_cn(n: u64, use_liang: bool, drop_leading_one: bool) -> String {
        const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        fn section(g: u64, use_liang: bool) -> String {
            let mut s = String::new();
            let mut zero = false;
            let mut started = false;
            for (d, unit) in [
                (g / 1000, "千"),
                (g / 100 % 10, "百"),
                (g / 10 % 10, "十"),
                (g % 10, ""),
            ] {
                if d == 0 {
                    zero |= started;
                    continue;
                }
                if zero {
                    s.push('零');
                    zero = false;
                }
                let digit = if d == 2 && use_liang && (unit == "千" || unit == "百") {
                    "两"
                } else {
                    DIGITS[d as usize]
                };
                s.push_str(digit);
                s.push_str(unit);
                started = true;
            }
            s
        }
        if n == 0 {
            return "零".to_string();
        }
        let mut out = String::new();
        let mut zero_pending = false;
        for (g, unit) in [
            (n / 100_000_000, "亿"),
            (n / 10_000 % 10_000, "万"),
            (n % 10_000, ""),
        ] {
            if g == 0 {
                zero_pending |= !out.is_empty();
                continue;
            }
            if !out.is_empty() && (zero_pending || g < 1000) {
                out.push('零');
            }
            out.push_str(&section(g, use_liang));
            out.push_str(unit);
            zero_pending = false;
        }
        if drop_leading_one && out.starts_with("一十") {
            out = out.replacen("一十", "十", 1);
        }
        out
    }

    #[test]
    fn renderer_examples_parse() {
        assert_eq!(render_cn(100_005_000, false, false), "一亿零五千");
        assert_eq!(render_cn(150_000, false, true), "十五万");
        assert_eq!(render_cn(105, false, true), "一百零五");
        assert_eq!(
            parse_number(&render_cn(100_005_000, false, false)),
            Some(100_005_000.0)
        );
    }

    fn decimal_string(m: u64, places: u32) -> String {
        let s = format!("{:0width$}", m, width = places as usize + 1);
        if places == 0 {
            s
        } else {
            let (a, b) = s.split_at(s.len() - places as usize);
            format!("{a}.{b}")
        }
    }

    /// The longest unit at `start` by the definition: the next `MAX_UNIT_CHARS` characters,
    /// all simplified, starting with the unit's characters.
    fn longest_unit_by_definition(chars: &[char], start: usize) -> Option<(&'static str, usize)> {
        let text: Vec<char> = chars[start.min(chars.len())..]
            .iter()
            .take(MAX_UNIT_CHARS)
            .map(|&c| to_simplified(c))
            .collect();
        UNIT_INDEX
            .iter()
            .map(|(&printed, def)| (printed, def))
            .filter(|(printed, _)| {
                let unit: Vec<char> = printed.chars().collect();
                !unit.is_empty() && text.starts_with(&unit)
            })
            .max_by_key(|(printed, _)| printed.chars().count())
            .map(|(printed, def)| (def.printed, printed.chars().count()))
    }

    proptest! {
        #[test]
        fn chinese_integers_round_trip(n in 0u64..1_000_000_000_000, liang: bool, drop_one: bool) {
            let text = render_cn(n, liang, drop_one);
            prop_assert_eq!(parse_number(&text), Some(n as f64), "{}", text);
        }

        #[test]
        fn units_match_as_defined(text in "[元万亿千平方米公里項萬裏个件次人户起宗%％ 0-9]{0,8}", start in 0usize..8) {
            let chars: Vec<char> = text.chars().collect();
            let got = match_unit_def(&chars, start).map(|(def, len)| (def.printed, len));
            prop_assert_eq!(got, longest_unit_by_definition(&chars, start), "{:?} at {}", text, start);
        }

        #[test]
        fn arabic_integers_round_trip(n in 0u64..1_000_000_000_000) {
            prop_assert_eq!(parse_number(&n.to_string()), Some(n as f64));
        }

        #[test]
        fn grouped_integers_round_trip(n in 1_000u64..1_000_000_000_000) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            prop_assert_eq!(parse_number(&grouped), Some(n as f64), "{}", grouped);
        }

        #[test]
        fn decimals_with_wan_yi_round_trip(m in 0u64..1_000_000_000, places in 0u32..5, yi: bool) {
            let (suffix, factor) = if yi { ("亿", 100_000_000u128) } else { ("万", 10_000u128) };
            let text = format!("{}{}", decimal_string(m, places), suffix);
            let expected = Decimal { mantissa: m as u128 * factor, scale: places }.to_f64();
            // the exact value, computed independently through a decimal string
            let independent: f64 = format!("{}e-{}", m as u128 * factor, places).parse().unwrap();
            prop_assert_eq!(expected, independent);
            prop_assert_eq!(parse_number(&text), Some(expected), "{}", text);
        }

        #[test]
        fn chinese_decimals_round_trip(n in 0u64..100_000, frac in 1u64..1000) {
            let frac_digits: String = frac.to_string().chars().map(|c| {
                ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"][c.to_digit(10).unwrap() as usize]
            }).collect();
            let text = format!("{}点{}", render_cn(n, false, true), frac_digits);
            let expected: f64 = format!("{n}.{frac}").parse().unwrap();
            prop_assert_eq!(parse_number(&text), Some(expected), "{}", text);
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            let _ = parse_number(&s);
            let _ = unit_info(&s);
        }
    }
}
