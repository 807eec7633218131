//! TEMPORARY stub, replaced by the date extractor.
use crate::model::{DateMention, PageMeta};

pub fn extract_dates(_body: &str, _page: &PageMeta, _report_year: Option<i32>) -> Vec<DateMention> {
    Vec::new()
}
