use clap::Parser;

// Extraction allocates many small strings from several threads; mimalloc is much faster
// than the system allocator at that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(govreport::cli::main_with(govreport::cli::Cli::parse()));
}
