//! `duplicate_of`: the first document (in path order) with each body, shared by a run and by
//! `extract_batch`.

/// Body hash → the document with that body that comes first in path order (its position in
/// the walk and its doc_id), for `duplicate_of`. Ids are 16 hex digits of a 64-bit hash, kept
/// as numbers: about 30 bytes a document, the only state of a run that grows with the corpus.
#[derive(Default)]
pub(crate) struct FirstByBody(pub(super) rustc_hash::FxHashMap<u64, (u64, u64)>);

impl FirstByBody {
    /// The doc_id of the first document (in walk order) with this body when it comes before
    /// `index`, else `None`; the document is remembered when it is the first so far. A full
    /// run sees documents in walk order; an incremental one also remembers the documents it
    /// keeps, so a new file can come before them.
    pub(crate) fn first(&mut self, body_sha: &str, doc_id: &str, index: u64) -> Option<String> {
        let (Ok(body), Ok(doc)) = (
            u64::from_str_radix(body_sha, 16),
            u64::from_str_radix(doc_id, 16),
        ) else {
            return None; // not ids made by `ingest::doc_id`
        };
        match self.0.entry(body) {
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let (first_index, first_doc) = *e.get();
                if first_index < index {
                    Some(format!("{first_doc:016x}"))
                } else {
                    e.insert((index, doc));
                    None
                }
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((index, doc));
                None
            }
        }
    }
}
