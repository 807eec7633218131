//! The time budget of one document: no single file can hold up its batch for long.
//!
//! `process_file` sets a deadline for the thread working on a document; the stages call
//! [`check`] at their boundaries and inside the loops whose work an input can blow up (the
//! HTML tree builder is fed in slices, and checks between them). Past the deadline `check`
//! unwinds with [`Exceeded`] (without the panic hook: nothing is printed), and the caller's
//! `catch_unwind` turns that into a reject saying the file took too long. A check reads the
//! monotonic clock (no system call) and costs a few nanoseconds.

use std::cell::Cell;
use std::time::{Duration, Instant};

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// The unwinding payload of a document past its deadline.
#[derive(Debug, Clone, Copy)]
pub struct Exceeded;

/// Sets the calling thread's deadline to `limit` from now until the guard is dropped
/// (`None`: no deadline).
pub fn start(limit: Option<Duration>) -> Guard {
    let previous = DEADLINE.with(|d| d.replace(limit.map(|l| Instant::now() + l)));
    Guard(previous)
}

/// Restores the deadline that was in force before [`start`].
pub struct Guard(Option<Instant>);

impl Drop for Guard {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.0));
    }
}

/// Unwinds with [`Exceeded`] when the calling thread's deadline has passed.
#[inline]
pub fn check() {
    if let Some(deadline) = DEADLINE.with(Cell::get) {
        if Instant::now() >= deadline {
            std::panic::resume_unwind(Box::new(Exceeded));
        }
    }
}

/// The unwinding payload of a document a stage refuses deep inside its work (an HTML page
/// nested too deeply): it becomes a reject with this stage and sentence.
#[derive(Debug, Clone)]
pub struct Refused {
    pub stage: &'static str,
    pub sentence: String,
}

/// Abandons the current document: the caller's `catch_unwind` makes it a reject.
pub fn refuse(stage: &'static str, sentence: String) -> ! {
    std::panic::resume_unwind(Box::new(Refused { stage, sentence }))
}

/// Whether an unwinding payload is [`Exceeded`].
pub fn is_exceeded(payload: &(dyn std::any::Any + Send)) -> bool {
    payload.is::<Exceeded>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_past_the_deadline_unwinds_and_the_guard_restores_none() {
        let r = std::panic::catch_unwind(|| {
            let _g = start(Some(Duration::ZERO));
            check();
        });
        assert!(is_exceeded(&*r.unwrap_err()));
        check(); // no deadline any more
        let _g = start(Some(Duration::from_secs(3600)));
        check();
    }
}
