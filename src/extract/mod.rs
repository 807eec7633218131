//! Extract: facts, dates and document metadata from a cleaned, structured body.

pub mod dates;
pub mod facts;
pub mod genre;
pub mod issuer;
pub mod metadata;
