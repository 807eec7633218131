//! Escaping and number formatting for the run report: every string from the run goes
//! through [`esc`] before it reaches the page.

/// Escapes text for element content and quoted attribute values (the five XML entities), and
/// replaces control characters that XML 1.0 forbids, since paths and messages come from the wild.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// 1234567 → "1,234,567".
pub(crate) fn fmt_count(n: u64) -> String {
    group_thousands(&n.to_string())
}

/// A number with `decimals` decimals and thousands separators; "—" when not a number.
pub(crate) fn fmt_decimal(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let is_zero = s.chars().all(|c| c == '0' || c == '.');
    let mut out = String::new();
    if x < 0.0 && !is_zero {
        out.push('−');
    }
    out.push_str(&group_thousands(int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

pub(crate) fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Totals and medians: whole numbers as such, otherwise up to two decimals.
pub(crate) fn fmt_quantity(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        return fmt_decimal(x, 0);
    }
    let s = fmt_decimal(x, 2);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `part` as a percentage of `whole` with one decimal; "—" when `whole` is zero.
pub(crate) fn fmt_percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".to_string();
    }
    format!("{}%", fmt_decimal(100.0 * part as f64 / whole as f64, 1))
}

pub(crate) fn fmt_mib(bytes: u64) -> String {
    format!("{} MiB", fmt_decimal(bytes as f64 / (1024.0 * 1024.0), 1))
}

/// Seconds with one decimal, plus a minutes/hours reading for long runs.
pub(crate) fn fmt_duration(seconds: f64) -> (String, String) {
    let short = format!("{} s", fmt_decimal(seconds, 1));
    if !seconds.is_finite() || seconds < 60.0 {
        return (short, String::new());
    }
    let total = seconds.round() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let long = if h > 0 {
        format!("({h} h {m} min)")
    } else {
        format!("({m} min {s} s)")
    };
    (short, long)
}

/// A path relative to the input root as a relative URL path: each segment percent-encoded
/// (RFC 3986 unreserved characters kept), `/` and `\` both separating segments.
pub(crate) fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len() * 2);
    for b in path.bytes() {
        match b {
            b'/' | b'\\' => out.push('/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A sentence standing in for a table or chart that has no rows.
pub(crate) fn empty_note(text: &str) -> String {
    format!("<p class=\"empty\">{}</p>\n", esc(text))
}

/// The `file://` URL of a directory, ending in `/` (document paths are joined to it).
pub(crate) fn dir_file_url(dir: &std::path::Path) -> String {
    let path = url_path(&dir.to_string_lossy());
    let path = path.trim_end_matches('/');
    let slash = if path.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{path}/")
}
