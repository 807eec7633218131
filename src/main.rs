use clap::Parser;

fn main() {
    std::process::exit(govreport::cli::main_with(govreport::cli::Cli::parse()));
}
