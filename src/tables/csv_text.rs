//! CSV text: RFC 4180 records written into one buffer, floats with a decimal point, lists
//! joined by their separator, and (under `--excel`) text cells that a spreadsheet would run as
//! formulas neutralised. Used by the table writers (`sink`) and nothing else writes CSV.
// Only the timestamp text (`document_json`) serves the core library; the CSV writer is the
// run's (`cli`).
#![cfg_attr(not(feature = "cli"), allow(dead_code))]

use std::io::Write;

use super::schema::Value;

/// Buffer of each CSV writer (its only one).
const CSV_BUFFER_BYTES: usize = 256 * 1024;

/// The most rows an Excel worksheet holds (header included).
pub const EXCEL_MAX_ROWS: u64 = 1_048_576;

/// Whether a text cell would be read by a spreadsheet as a formula (OWASP's CSV injection
/// rule: a leading `=`, `+`, `-`, `@`, tab or carriage return). Under `--excel` such a cell
/// is written with a leading `'`, which Excel shows as text and does not display. Only text
/// cells: a negative number is a number, not a formula.
pub fn formula_like(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// A timestamp as the CSV files write it: RFC 3339 in UTC, fractions only when there are.
pub fn rfc3339_micros(micros: i64) -> String {
    chrono::DateTime::from_timestamp_micros(micros).map_or_else(String::new, |t| {
        let format = if micros % 1_000_000 == 0 {
            "%Y-%m-%dT%H:%M:%SZ"
        } else {
            "%Y-%m-%dT%H:%M:%S%.6fZ"
        };
        t.format(format).to_string()
    })
}

/// CSV text of one value (before quoting): empty for null, ISO dates, floats with a decimal
/// point, list items joined by `separator`.
pub fn csv_field(v: &Value, separator: &str) -> String {
    let mut out = Vec::new();
    write_csv_text(&mut out, v, separator);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the CSV text of `v` (unquoted) to `out`.
#[inline(always)]
fn write_csv_text(out: &mut Vec<u8>, v: &Value, separator: &str) {
    use std::io::Write as _;
    match v {
        Value::Null => {}
        Value::Str(s) => out.extend_from_slice(s.as_bytes()),
        Value::Int(i) => out.extend_from_slice(itoa::Buffer::new().format(*i).as_bytes()),
        Value::Float(f) => write_float(out, *f),
        Value::Date(d) => {
            use chrono::Datelike;
            let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        }
        Value::Timestamp(t) => out.extend_from_slice(rfc3339_micros(*t).as_bytes()),
        Value::List(items) => {
            for k in 0..items.len() {
                if k > 0 {
                    out.extend_from_slice(separator.as_bytes());
                }
                match (items.text(k), items.int(k)) {
                    (Some(text), _) => out.extend_from_slice(text.as_bytes()),
                    (None, Some(i)) => {
                        out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes())
                    }
                    (None, None) => {}
                }
            }
        }
    }
}

/// Appends `field` as RFC 4180 writes it: in double quotes, inner quotes doubled, when it
/// holds a comma, a quote or a line break; as is otherwise. The csv crate would do the same,
/// but it looks for those bytes one at a time; memchr looks 32 at a time, and report text is
/// long.
#[inline(always)]
fn push_rfc4180_field(out: &mut Vec<u8>, field: &[u8]) {
    let special = |b: &u8| matches!(b, b',' | b'"' | b'\n' | b'\r');
    // Short fields (ids, codes, numbers as text) are checked directly: memchr's set-up
    // costs more than it saves on them.
    let needs_quotes = if field.len() < 32 {
        field.iter().any(special)
    } else {
        memchr::memchr3(b',', b'"', b'\n', field).is_some()
            || memchr::memchr(b'\r', field).is_some()
    };
    if !needs_quotes {
        out.extend_from_slice(field);
        return;
    }
    out.reserve(field.len() + 2);
    out.push(b'"');
    let mut rest = field;
    while let Some(i) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=i]);
        out.push(b'"');
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// A CSV file written record by record into one buffer: `,` between fields, `\n` after each
/// record, text quoted only where RFC 4180 requires it (as the csv crate writes with its
/// default settings; the tests compare the two). One buffer and no per-field state machine:
/// a run writes millions of fields.
pub(super) struct CsvWriter<W: Write> {
    out: W,
    buf: Vec<u8>,
    /// Fields written to the current record.
    fields: usize,
    /// Text cells that look like formulas get a leading `'` (`--excel`).
    pub(super) excel_safe: bool,
    /// A list cell's text before quoting.
    scratch: Vec<u8>,
}

impl<W: Write> CsvWriter<W> {
    pub(super) fn new(out: W) -> Self {
        CsvWriter {
            out,
            buf: Vec::with_capacity(CSV_BUFFER_BYTES * 2),
            fields: 0,
            excel_safe: false,
            scratch: Vec::new(),
        }
    }

    /// Starts the next field: the separator unless it is the record's first.
    fn next_field(&mut self) -> &mut Vec<u8> {
        if self.fields > 0 {
            self.buf.push(b',');
        }
        self.fields += 1;
        &mut self.buf
    }

    pub(super) fn text(&mut self, field: &str) {
        push_rfc4180_field(self.next_field(), field.as_bytes());
    }

    /// Appends one cell; `separator` joins a list's items.
    #[inline(always)]
    pub(super) fn value(&mut self, v: &Value, separator: &str) {
        let excel_safe = self.excel_safe;
        match v {
            Value::Str(s) => {
                let buf = self.next_field();
                if excel_safe && formula_like(s) {
                    let mut text = Vec::with_capacity(s.len() + 1);
                    text.push(b'\'');
                    text.extend_from_slice(s.as_bytes());
                    push_rfc4180_field(buf, &text);
                } else {
                    push_rfc4180_field(buf, s.as_bytes());
                }
            }
            Value::List(items) => {
                let mut text = std::mem::take(&mut self.scratch);
                text.clear();
                if excel_safe && items.text(0).is_some_and(formula_like) {
                    text.push(b'\'');
                }
                write_csv_text(&mut text, v, separator);
                push_rfc4180_field(self.next_field(), &text);
                self.scratch = text;
            }
            // Numbers, dates and times: never quoted, never a formula.
            other => write_csv_text(self.next_field(), other, separator),
        }
    }

    /// Ends the record; the buffer goes to the file once it is full.
    pub(super) fn end_record(&mut self) -> std::io::Result<()> {
        self.buf.push(b'\n');
        self.fields = 0;
        if self.buf.len() >= CSV_BUFFER_BYTES {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    pub(super) fn finish(mut self) -> std::io::Result<W> {
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Shortest representation that reads back to the same f64, always with a decimal point
/// (`100.0`, `87.5`, `77400.00387`): CSV readers that guess types from the first rows then
/// guess a float, never an integer that a later `0.166667` breaks.
pub fn format_float(f: f64) -> String {
    let mut out = Vec::new();
    write_float(&mut out, f);
    String::from_utf8(out).unwrap_or_default()
}

#[inline(always)]
fn write_float(out: &mut Vec<u8>, f: f64) {
    use std::io::Write as _;
    match whole_number(f) {
        Some(whole) => {
            out.extend_from_slice(itoa::Buffer::new().format(whole).as_bytes());
            out.extend_from_slice(b".0");
        }
        // Rust prints finite floats without an exponent: a fraction has its point, a whole
        // number too big for `whole_number` gets one.
        None => {
            let start = out.len();
            let _ = write!(out, "{f}");
            if f.is_finite() && !out[start..].contains(&b'.') {
                out.extend_from_slice(b".0");
            }
        }
    }
}

/// `f` as an integer when it is one (most values are counts and yuan): itoa skips the float
/// formatting machinery and prints the same digits.
fn whole_number(f: f64) -> Option<i64> {
    (f.is_finite() && f == f.trunc() && f.abs() < 1e15).then_some(f as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The csv crate's own writer with its default settings, which `CsvWriter` replaces.
    fn csv_crate_record(fields: &[&str]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record(fields).unwrap();
        w.into_inner().unwrap()
    }

    fn own_quoting_record(fields: &[&str]) -> Vec<u8> {
        own_record(fields, false)
    }

    fn own_record(fields: &[&str], excel_safe: bool) -> Vec<u8> {
        let mut w = CsvWriter::new(Vec::new());
        w.excel_safe = excel_safe;
        for f in fields {
            w.value(&Value::s(f), ";");
        }
        w.end_record().unwrap();
        w.finish().unwrap()
    }

    #[test]
    fn text_fields_are_quoted_as_the_csv_crate_quotes_them() {
        let cases: &[&[&str]] = &[
            &["a", ""],
            &["共立案390件，罚款12.5万元", "法治\n政府"],
            &["他说\"好\"", "a,b", "x\r\ny", "\"", "\"\"", ""],
            &["", ""],
            &["一是加强领导；二是完善制度。", "12345热线"],
        ];
        for fields in cases {
            assert_eq!(
                String::from_utf8(own_quoting_record(fields)).unwrap(),
                String::from_utf8(csv_crate_record(fields)).unwrap(),
                "{fields:?}"
            );
        }
    }

    #[test]
    fn random_text_fields_are_quoted_as_the_csv_crate_quotes_them() {
        // Fields drawn from the bytes that matter to quoting, plus CJK text.
        let alphabet = ["a", ",", "\"", "\n", "\r", "法", " ", "，"];
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..2000 {
            let fields: Vec<String> = (0..rng.usize(2..5))
                .map(|_| {
                    (0..rng.usize(0..12))
                        .map(|_| alphabet[rng.usize(..alphabet.len())])
                        .collect()
                })
                .collect();
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            assert_eq!(
                own_quoting_record(&fields),
                csv_crate_record(&fields),
                "{fields:?}"
            );
        }
    }

    #[test]
    fn floats_always_have_a_decimal_point() {
        for (f, text) in [
            (100.0, "100.0"),
            (0.0, "0.0"),
            (-3.0, "-3.0"),
            (87.5, "87.5"),
            (0.166667, "0.166667"),
            (77400.00387, "77400.00387"),
            (1e16, "10000000000000000.0"),
            (1e-7, "0.0000001"),
        ] {
            assert_eq!(format_float(f), text);
            assert_eq!(text.parse::<f64>().unwrap(), f);
        }
    }

    #[test]
    fn lists_are_joined_and_empty_lists_are_null() {
        use crate::tables::schema::Items;
        let list = Value::list(Items::Words(&["shortcomings", "next_year_plan"]));
        assert_eq!(csv_field(&list, ";"), "shortcomings;next_year_plan");
        assert_eq!(Value::list(Items::Words(&[])), Value::Null);
        assert_eq!(
            csv_field(&Value::list(Items::Ints(&[1, 4, 9])), ";"),
            "1;4;9"
        );
        assert_eq!(Value::list(Items::Ints(&[])), Value::Null);
    }

    #[test]
    fn formula_like_text_is_neutralised_only_under_excel() {
        let cells = [
            "=1+2",
            "+86 电话",
            "-5件",
            "@SUM(A1)",
            "\tx",
            "\ry",
            "普通文字",
            "3-5天",
        ];
        let safe = String::from_utf8(own_record(&cells, true)).unwrap();
        assert_eq!(
            safe,
            "'=1+2,'+86 电话,'-5件,'@SUM(A1),'\tx,\"'\ry\",普通文字,3-5天\n"
        );
        let plain = String::from_utf8(own_record(&cells, false)).unwrap();
        assert_eq!(
            plain,
            "=1+2,+86 电话,-5件,@SUM(A1),\tx,\"\ry\",普通文字,3-5天\n"
        );
        // Numbers are never text: a negative number stays a number.
        let mut w = CsvWriter::new(Vec::new());
        w.excel_safe = true;
        w.value(&Value::Float(-2.5), ";");
        w.value(&Value::Int(-3), ";");
        w.value(
            &Value::list(crate::tables::schema::Items::Words(&["-a", "b"])),
            ";",
        );
        w.end_record().unwrap();
        assert_eq!(
            String::from_utf8(w.finish().unwrap()).unwrap(),
            "-2.5,-3,'-a;b\n"
        );
    }
}
