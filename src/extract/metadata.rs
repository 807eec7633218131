//! TEMPORARY stub, replaced by the metadata extractor.
use crate::gazetteer::Gazetteer;
use crate::model::{CleanDoc, DateMention, DocMeta, Section};

pub fn extract_metadata(
    _clean: &CleanDoc,
    _sections: &[Section],
    _gazetteer: &Gazetteer,
) -> (DocMeta, Vec<DateMention>) {
    (
        DocMeta {
            doc_kind: "rol_annual".into(),
            ..Default::default()
        },
        Vec::new(),
    )
}
