//! Word lists and patterns as data, in one place. Stage code reads these tables; it does
//! not carry literals of its own.

pub mod attachments;
pub mod boilerplate;
pub mod charset;
pub mod dates;
pub mod facts;
pub mod genres;
pub mod html;
pub mod indicators;
pub mod orgs;
pub mod page_meta;
pub mod sections;
pub mod units;

use std::ops::Deref;
use std::sync::LazyLock;

/// A pattern compiled once per process and used through one clone per thread. A regex
/// serves the thread that first used it from a lock-free cache and every other thread from
/// a locked pool; with every core extracting, each thread owning its clone (which shares
/// the compiled program) keeps them from contending.
pub struct PerThread<R: Send> {
    compiled: LazyLock<R>,
    clones: thread_local::ThreadLocal<R>,
}

impl<R: Clone + Send + Sync> PerThread<R> {
    pub const fn new(compile: fn() -> R) -> Self {
        PerThread {
            compiled: LazyLock::new(compile),
            clones: thread_local::ThreadLocal::new(),
        }
    }
}

impl<R: Clone + Send + Sync> Deref for PerThread<R> {
    type Target = R;

    fn deref(&self) -> &R {
        self.clones.get_or(|| self.compiled.clone())
    }
}
