//! govreport: Chinese rule-of-law government annual reports → typed tables.
//!
//! Stages, one module each: `ingest` (find, sniff, decode) → `clean` (website chrome,
//! markdown) → `structure` (section tree) → `extract` (facts, dates, metadata, with
//! `normalize` for numerals and units and `gazetteer` for places) → `tables` (one schema,
//! Parquet and CSV writers). `pipeline` runs them in parallel batches; `cli` is the command line.
//! `text` holds the byte-level scanning helpers the stages share.
//!
//! Without the `cli` feature (on by default) the crate is the extraction core alone: every
//! stage and `batch` (many documents in, one Arrow record batch per table out), but not the
//! run (`pipeline`'s writers, `analysis`, `report`, `cli`), nor Parquet, polars or clap.

#[cfg(feature = "cli")]
pub mod analysis;
pub mod batch;
pub mod budget;
pub mod clean;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod extract;
pub mod fixtures;
pub mod gazetteer;
pub mod indicators;
pub mod ingest;
pub mod lexicon;
pub mod limits;
pub mod log;
pub mod model;
pub mod normalize;
pub mod outdir;
pub mod pipeline;
pub mod printed;
#[cfg(feature = "cli")]
pub mod report;
pub mod structure;
pub mod synth;
pub mod tables;
pub mod text;
