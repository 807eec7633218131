//! Hostile inputs, built at test time (nothing large is committed): dangerous output
//! directories, odd paths, undecodable bytes, bombs, deep HTML, long lines, and a bounded
//! fuzz run over mutated sample reports. Every case checks that nothing outside the output
//! is touched, that outputs stay bounded and that `documents + rejects = files found`.
//! No case asserts on wall time: a case that stalls is caught by the test harness's own
//! timeout in CI.

#[path = "hostile/support.rs"]
mod support;

#[path = "hostile/output.rs"]
mod output;

#[path = "hostile/discovery.rs"]
mod discovery;

#[path = "hostile/bombs.rs"]
mod bombs;

#[path = "hostile/doc_id.rs"]
mod doc_id;

#[path = "hostile/small.rs"]
mod small;

#[path = "hostile/fuzz.rs"]
mod fuzz;

#[path = "hostile/attachments.rs"]
mod attachments;
