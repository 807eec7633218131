use clap::Parser;

// Extraction allocates many small strings from several threads; mimalloc is much faster
// than the system allocator at that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its `mi_option_e` value in v2 and v3; the Rust
/// bindings name no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // A run's working set is steady (a few batches of documents), so freed memory is kept
    // for the next batch instead of being handed back to the OS and faulted in, zeroed,
    // again: that cost 5-10% of a run's CPU. Peak memory is unchanged.
    // SAFETY: sets an integer option; called before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    // No transparent huge pages unless the environment asks for them (MIMALLOC_ALLOW_THP):
    // the kernel zeroes each 2 MiB page whole on first touch, which made most of a small
    // run's memory and kernel time (docs/BENCHMARKS.md). mimalloc reads its own option before
    // `main`, so the process asks the kernel directly; later page faults see it.
    #[cfg(target_os = "linux")]
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // SAFETY: prctl with integer arguments only; it sets a flag of this process.
        unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    }
    std::process::exit(govreport::cli::main_with(govreport::cli::Cli::parse()));
}
