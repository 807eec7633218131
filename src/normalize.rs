//! TEMPORARY stub, replaced by the numeral and unit normalizer.

/// Parses Arabic digits and Chinese numerals up to 九十九.
pub fn parse_number(s: &str) -> Option<f64> {
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10.0),
        [a] => digit(*a).map(|d| d as f64),
        ['十', b] => digit(*b).map(|d| 10.0 + d as f64),
        [a, '十'] => digit(*a).map(|d| d as f64 * 10.0),
        [a, '十', b] => Some(digit(*a)? as f64 * 10.0 + digit(*b)? as f64),
        _ => None,
    }
}
