//! Words and patterns of fixed-layout attachments (PDF, OFD): the page furniture a printed
//! report repeats on every page.

/// A line that is only a page number, as reports print them: `- 3 -`, `—3—`, `第3页 共8页`,
/// `第 3 页`, `3/8`, `3`, `Page 3 of 8`.
pub const PAGE_NUMBER: &str = r"^(?:[-－—–‒ ]*\s*[0-9０-９]{1,4}\s*[-－—–‒ ]*|第\s*[0-9０-９]{1,4}\s*页\s*[,，、/／ ]*\s*(?:共\s*[0-9０-９]{1,4}\s*页)?|(?:共\s*[0-9０-９]{1,4}\s*页)\s*[,，、/／ ]*\s*第\s*[0-9０-９]{1,4}\s*页|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|(?i:page)\s*[0-9]{1,4}(?:\s*(?i:of)\s*[0-9]{1,4})?)$";

/// The share of a page's height, at its top and at its bottom, where running headers,
/// footers and page numbers are looked for (body text of a 公文 starts 37 mm down an A4
/// page of 297 mm, and ends 35 mm above its foot).
pub const FURNITURE_ZONE: f32 = 0.15;

/// A line repeated (digits aside) in the furniture zone of at least this share of the pages
/// is a running header or footer.
pub const RUNNING_SHARE: f32 = 0.5;
