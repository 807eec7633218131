//! Every per-document limit in one place: what keeps one hostile file from stalling a run,
//! filling a disk or exhausting memory. The limits a pipeline file can change are the
//! defaults of `ingest::ReadLimits` (keys under `[input]`, see the README's "Safety"
//! section); the others are fixed here, chosen far above what real reports need.

/// Files larger than this are rejected unread (`max_file_bytes`).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// A .docx whose parts read decompress to more than this in all is rejected
/// (`max_docx_inflated_bytes`); it bounds a worker's memory for one .docx. A long report's
/// `word/document.xml` is a few MB.
pub const MAX_DOCX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;
/// A .docx part that decompresses to more than this many times its compressed size (and to
/// more than `DOCX_RATIO_FLOOR_BYTES`) is rejected (`max_docx_ratio`). Word's XML compresses
/// about 5–20 times; a bomb, a thousand times and more.
pub const MAX_DOCX_RATIO: u64 = 200;
/// Parts smaller than this are never rejected for their ratio (a few KB of repetitive XML
/// compress very well).
pub const DOCX_RATIO_FLOOR_BYTES: u64 = 1024 * 1024;
/// Seconds a document may take before it becomes a reject (`max_seconds_per_file`).
pub const MAX_SECONDS_PER_FILE: f64 = 30.0;

/// HTML elements nested deeper than this: the page is rejected (browsers stop nesting at
/// 512; real report pages nest 10–40 deep). The tree builder's work grows with the square
/// of the depth: this deep costs it well under a second; 100,000 deep, a minute.
pub const MAX_HTML_DEPTH: usize = 8192;
/// Attributes of one HTML tag beyond this are dropped before the tree builder sees them (it
/// checks each new attribute against the tag's others: the square of their number).
pub const MAX_HTML_ATTRIBUTES: usize = 256;

/// A sentence longer than this (characters) is not copied whole into each of its facts'
/// `sentence`: the clauses around the fact are, about `SENTENCE_CONTEXT_CHARS` each side.
pub const MAX_SENTENCE_CHARS: usize = 600;
pub const SENTENCE_CONTEXT_CHARS: usize = 150;
/// Facts kept per sentence and per document (real reports: a few hundred facts in all).
pub const MAX_FACTS_PER_SENTENCE: usize = 256;
pub const MAX_FACTS_PER_DOCUMENT: usize = 10_000;

/// Attachments (PDF, .doc/.wps, OFD). Their streams and parts decompress within
/// `max_docx_inflated_bytes` in all, as a .docx's parts do.
/// A PDF or OFD with more pages than this is rejected (the longest real reports have a few
/// dozen).
pub const MAX_PDF_PAGES: usize = 2000;
/// Drawing operations run over a whole PDF (a long report draws a few hundred thousand).
pub const MAX_PDF_OPERATIONS: u64 = 20_000_000;
/// A PDF whose readable characters average fewer than this per page has no text layer to
/// speak of (a scan, or pages of pictures).
pub const MIN_TEXT_CHARS_PER_PAGE: usize = 20;
/// A PDF with a larger share of characters its fonts do not map to Unicode (or map to
/// private-use code points) is rejected rather than read as garbage.
pub const MAX_UNMAPPED_SHARE: f64 = 0.1;
/// Text objects read from one OFD, in all.
pub const MAX_OFD_TEXT_OBJECTS: usize = 2_000_000;
