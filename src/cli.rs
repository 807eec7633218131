//! Command line: `govreport run | extract | schema`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use serde_json::json;

use crate::config::PipelineFile;
use crate::ingest::{self, InputFile, ReadLimits};
use crate::log::Level;
use crate::pipeline::{self, Resources, RunConfig, GAZETTEER};
use crate::tables::schema;

#[derive(Debug, Parser)]
#[command(
    name = "govreport",
    version,
    about = "Turn Chinese rule-of-law government annual reports (法治政府建设年度报告) into typed Parquet and CSV tables.",
    after_help = "Examples:\n  govreport run                                  # pipelines/default.toml: data/ -> data/out/\n  govreport run pipelines/default.toml --input corpus --output out --threads 2\n  govreport extract data/002_40cb9ad96189bd44.txt | jq .facts\n  govreport schema > docs/DATA_DICTIONARY.md"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a pipeline over a directory of reports and write all tables.
    #[command(
        after_help = "Examples:\n  govreport run\n  govreport run pipelines/default.toml --output /tmp/out\n  govreport run --input reports/ --output tables/ --threads 1 --csv-bom\n  govreport run --incremental --formats parquet --log-format json --max-reject-rate 0.2\n  find crawl/ -name '*.html' | govreport run --input crawl/ --files-from - --crawl-manifest crawl/manifest.jsonl\n\nFlags override the pipeline file. Tables are written to a temporary directory and moved\ninto place only when the run succeeds. Inputs that cannot be read go to rejects.csv.\nExit codes: 0 success, 1 the run failed (previous tables kept), 2 bad usage or\nconfiguration, 3 success with rejects under --strict (README, \"Nightly runs\")."
    )]
    Run {
        /// Pipeline file (TOML); default pipelines/default.toml when it exists.
        pipeline: Option<PathBuf>,
        /// Input directory (or single file).
        #[arg(long)]
        input: Option<PathBuf>,
        /// Output directory for the tables.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Extraction worker threads (0 = one per core); each table also has a writer thread.
        #[arg(long)]
        threads: Option<usize>,
        /// Write a UTF-8 BOM at the start of CSV files (for Excel).
        #[arg(long)]
        csv_bom: bool,
        /// CSV for Excel: a UTF-8 BOM, and text cells starting with = + - @ (or a tab or
        /// carriage return) written with a leading ' so Excel shows them as text, never runs
        /// them as formulas; warns when a table has more rows than a worksheet holds.
        #[arg(long)]
        excel: bool,
        /// Write the per-document tables Hive-partitioned by report year
        /// (`facts/year=2023/part-0.parquet`), for big corpora.
        #[arg(long)]
        partition_by_year: bool,
        /// No progress bar or periodic progress lines on stderr.
        #[arg(long, short)]
        quiet: bool,
        /// Keep the output as a dataset with a catalog: read only new and changed inputs,
        /// remove the rows of changed and removed ones, leave the rest (README, "Nightly runs").
        #[arg(long)]
        incremental: bool,
        /// Fail (exit 1, previous tables kept) when more than this share (0-1) of the files
        /// read are rejected.
        #[arg(long, value_name = "RATE", value_parser = parse_rate)]
        max_reject_rate: Option<f64>,
        /// Exit with 3 instead of 0 when the run rejected any file.
        #[arg(long)]
        strict: bool,
        /// Table formats to write: parquet,csv (default), parquet or csv.
        #[arg(long, value_name = "LIST")]
        formats: Option<String>,
        /// text (default): sentences on stderr; json: one JSON object per line per event
        /// (progress, each reject, the final summary or the error).
        #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = crate::log::LogFormat::parse)]
        log_format: crate::log::LogFormat,
        /// Also log each reject as it happens.
        #[arg(long, short)]
        verbose: bool,
        /// Read the files listed in FILE (one path a line, relative to --input or absolute
        /// inside it; `-` for standard input) instead of walking the input directory.
        #[arg(long, value_name = "FILE")]
        files_from: Option<PathBuf>,
        /// The crawler's record of each file: CSV (path,url,fetched_at) or JSON lines; gives
        /// documents.source_url and fetched_at.
        #[arg(long, value_name = "FILE")]
        crawl_manifest: Option<PathBuf>,
    },
    /// Generate a realistic, varied corpus from the sample reports (for benchmarks).
    #[command(
        after_help = "Examples:\n  govreport synth --docs 1000 --out /tmp/corpus --seed 1\n  govreport synth --docs 100000 --out /tmp/big --seed 7 --input data\n\nThe same --seed gives the same files. About 2% of the files are duplicates and 1% are\nbad (empty, binary, truncated, PDF)."
    )]
    Synth {
        /// Number of files to write.
        #[arg(long)]
        docs: usize,
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Directory of sample reports to recombine.
        #[arg(long, default_value = "data")]
        input: PathBuf,
        /// Formats to write, comma-separated subset of txt,md,html,docx,pdf,doc,ofd.
        #[arg(long, default_value = "txt,md,html,docx")]
        formats: String,
    },
    /// Extract one document and print everything found as JSON (for checking a result by eye).
    #[command(
        after_help = "Examples:\n  govreport extract data/002_40cb9ad96189bd44.txt\n  govreport extract report.md | jq '.facts[] | {raw, metric}'"
    )]
    Extract {
        /// The report file, in any format `run` reads (text, Markdown, HTML, .docx, .doc/.wps, PDF,
        /// OFD, RTF; found by content, not by extension).
        file: PathBuf,
    },
    /// Print the data dictionary (every table and column) as Markdown.
    #[command(after_help = "Example:\n  govreport schema > docs/DATA_DICTIONARY.md")]
    Schema,
}

/// Runs the command line; returns the process exit code.
pub fn main_with(cli: Cli) -> i32 {
    match cli.command {
        Command::Run {
            pipeline,
            input,
            output,
            threads,
            csv_bom,
            excel,
            partition_by_year,
            quiet,
            incremental,
            max_reject_rate,
            strict,
            formats,
            log_format,
            verbose,
            files_from,
            crawl_manifest,
        } => {
            crate::log::configure(log_format, verbose);
            let default = PathBuf::from("pipelines/default.toml");
            let pipeline_path = pipeline.or_else(|| default.exists().then_some(default));
            let (file, text) = match &pipeline_path {
                Some(p) => match PipelineFile::load(p) {
                    Ok((f, t)) => (f, Some(t)),
                    Err(e) => return fail_usage(&e),
                },
                None => (PipelineFile::default(), None),
            };
            let taxonomy_text = match &file.analysis.taxonomy {
                None => None,
                Some(path) => match std::fs::read_to_string(path) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        return fail_usage(&format!("cannot read taxonomy {}: {e}", path.display()))
                    }
                },
            };
            let resources = match (&file.analysis.taxonomy, &taxonomy_text) {
                (Some(path), Some(text)) => {
                    pipeline::load_taxonomy(text, &path.display().to_string()).map(|taxonomy| {
                        Resources {
                            gazetteer: &GAZETTEER,
                            taxonomy,
                        }
                    })
                }
                _ => Resources::embedded(),
            };
            let resources = match resources {
                Ok(r) => r,
                Err(e) => return fail_usage(&e),
            };
            let max_reject_rate = max_reject_rate.or(file.run.max_reject_rate);
            if max_reject_rate.is_some_and(|r| !(0.0..=1.0).contains(&r)) {
                return fail_usage("max_reject_rate must be between 0 and 1");
            }
            let formats = match formats.or(file.output.formats.clone()) {
                None => pipeline::Formats::default(),
                Some(list) => match pipeline::Formats::parse(&list) {
                    Ok(f) => f,
                    Err(e) => return fail_usage(&e),
                },
            };
            let incremental = incremental || file.run.incremental;
            if incremental && !formats.parquet {
                return fail_usage(
                    "--incremental keeps its dataset in Parquet parts (CSV beside them when \
                     asked): use --formats parquet or parquet,csv",
                );
            }
            let limits = file.input.limits();
            let cfg = RunConfig {
                input: input.unwrap_or(file.input.root),
                output: output.unwrap_or(file.output.dir),
                exclude: file.input.exclude,
                threads: capped_threads(threads.unwrap_or(file.run.threads)),
                batch_size: file.run.batch_size,
                limits,
                csv_bom: csv_bom || excel || file.output.csv_bom || file.output.excel,
                excel: excel || file.output.excel,
                pipeline_file: pipeline_path,
                pipeline_text: text,
                progress: !quiet,
                partition_by_year: partition_by_year
                    || file.output.partition_by.as_deref() == Some("report_year"),
                resources,
                incremental,
                max_reject_rate,
                taxonomy_text,
                formats,
                files_from: None,
                crawl: None,
            };
            let mut cfg = cfg;
            if let Some(list) = &files_from {
                match read_list(list) {
                    Ok(text) => cfg.files_from = Some(text),
                    Err(e) => return fail_usage(&e),
                }
                if !cfg.input.is_dir() {
                    return fail_usage(&format!(
                        "--files-from lists files inside the input directory; {} is not a directory",
                        cfg.input.display()
                    ));
                }
            }
            if let Some(path) = &crawl_manifest {
                let parsed = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read crawl manifest {}: {e}", path.display()))
                    .and_then(|text| {
                        ingest::crawl::parse(&text, &path.display().to_string(), &cfg.input)
                    });
                match parsed {
                    Ok(m) => cfg.crawl = Some(m),
                    Err(e) => return fail_usage(&e),
                }
            }
            if let Err(refused) = crate::outdir::check_output(&cfg.output, &cfg.input) {
                return fail_usage(&refused.0);
            }
            if let Err(e) = pipeline::check_input(&cfg)
                .and_then(|()| ingest::build_excludes(&cfg.exclude).map(drop))
            {
                return fail_usage(&e);
            }
            crate::outdir::install_signal_cleanup();
            if crate::log::is_json() {
                crate::log::event(
                    Level::Info,
                    "run_started",
                    "run started",
                    json!({
                        "input": cfg.input.display().to_string(),
                        "output": cfg.output.display().to_string(),
                        "incremental": cfg.incremental,
                        "threads": cfg.threads,
                    }),
                );
            }
            match pipeline::run(&cfg) {
                Ok(s) => run_finished(&cfg, &s, strict),
                Err(e) => fail(&e),
            }
        }
        Command::Extract { file } => extract(&file),
        Command::Synth {
            docs,
            out,
            seed,
            input,
            formats,
        } => match synth_corpus(docs, &out, seed, &input, &formats) {
            Ok(s) => {
                eprintln!(
                    "govreport: wrote {} files ({:.1} MB; {} duplicates, {} bad) to {}",
                    s.files,
                    s.bytes as f64 / 1e6,
                    s.duplicates,
                    s.bad,
                    out.display()
                );
                0
            }
            Err(e) => fail(&e),
        },
        Command::Schema => match Resources::embedded() {
            Ok(res) => {
                print!("{}", schema::dictionary_markdown(res.taxonomy));
                0
            }
            Err(e) => fail(&e),
        },
    }
}

/// `govreport extract FILE`: refuses what is not a regular file (a FIFO or a device would
/// block or never end), and stops quietly when the reader of its output goes away.
fn extract(file: &std::path::Path) -> i32 {
    match std::fs::metadata(file) {
        Err(e) => {
            return fail_usage(&format!(
                "{}: cannot be read: {}",
                file.display(),
                ingest::discover::io_sentence(&e)
            ))
        }
        Ok(m) if !m.is_file() => {
            return fail_usage(&format!(
                "{}: not a regular file (a folder, FIFO, socket or device); extract reads one \
                 report file",
                file.display()
            ))
        }
        Ok(_) => {}
    }
    let name = file
        .file_name()
        .map_or("input".into(), |n| n.to_string_lossy().into_owned());
    let input = InputFile {
        path: file.to_path_buf(),
        rel_path: name,
        problem: None,
        origin: None,
    };
    let source = match ingest::read_input(&input, ReadLimits::default()) {
        Ok(s) => s,
        Err(r) => return fail(&format!("{}: {}", file.display(), r.error)),
    };
    // The library's function (the Python package's `extract` calls it too).
    let json = match crate::batch::extract_json(source) {
        Ok(json) => json,
        Err(why) => return fail(&format!("{}: {why}", file.display())),
    };
    let text = match serde_json::to_string_pretty(&json) {
        Ok(s) => s,
        Err(e) => return fail(&e.to_string()),
    };
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => 0,
        // The reader went away (`| head`): nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => fail(&format!("cannot write the output: {e}")),
    }
}

/// The text of a `--files-from` list: a file, or standard input for `-`.
fn read_list(path: &std::path::Path) -> Result<String, String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
            .map_err(|e| format!("cannot read the --files-from list from standard input: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the --files-from list {}: {e}", path.display()))
}

/// The final summary of a successful run (a sentence, or a JSON line with the counts), and
/// its exit code: 3 under `--strict` when this run rejected a file.
fn run_finished(cfg: &RunConfig, s: &pipeline::RunSummary, strict: bool) -> i32 {
    let rejected_now = s
        .incremental
        .as_ref()
        .and_then(|i| i["rejected"].as_u64())
        .unwrap_or(s.rejected);
    let code = if strict && rejected_now > 0 {
        EXIT_REJECTS
    } else {
        0
    };
    let rows: Vec<String> = s
        .table_rows
        .iter()
        .map(|(n, c)| format!("{n}={c}"))
        .collect();
    let this_run = match &s.incremental {
        Some(i) => format!(
            "; this run: {} added, {} replaced, {} removed, {} read, {} rejected",
            i["added"], i["replaced"], i["removed"], i["documents_read"], i["rejected"]
        ),
        None => String::new(),
    };
    let message = format!(
        "{} files: {} documents ({} duplicates), {} rejected, {} paths skipped (see manifest.json); {} in {:.2}s -> {}{this_run}",
        s.files_found,
        s.documents,
        s.duplicates,
        s.rejected,
        s.skipped.total(),
        rows.join(" "),
        s.elapsed_secs,
        cfg.output.display()
    );
    let tables: serde_json::Map<String, serde_json::Value> = s
        .table_rows
        .iter()
        .map(|(n, c)| (n.to_string(), json!(c)))
        .collect();
    crate::log::event(
        Level::Info,
        "run_finished",
        &message,
        json!({
            "exit_code": code,
            "output": cfg.output.display().to_string(),
            "files_found": s.files_found,
            "documents": s.documents,
            "duplicates": s.duplicates,
            "rejected": s.rejected,
            "skipped": s.skipped.total(),
            "tables": tables,
            "elapsed_seconds": s.elapsed_secs,
            "incremental": s.incremental,
        }),
    );
    code
}

/// Worker threads beyond four per core only cost memory: capped there, with a warning.
fn capped_threads(threads: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cap = 4 * cores;
    if threads > cap {
        crate::log::event(
            Level::Warn,
            "warning",
            &format!("--threads {threads} is more than 4 per core ({cores} cores); using {cap}"),
            json!({}),
        );
        cap
    } else {
        threads
    }
}

/// Processes the sample reports of `input` and writes a corpus recombined from them.
fn synth_corpus(
    docs: usize,
    out: &std::path::Path,
    seed: u64,
    input: &std::path::Path,
    formats: &str,
) -> Result<crate::synth::SynthSummary, String> {
    let formats = crate::synth::parse_formats(formats)?;
    let res = Resources::embedded()?;
    let excludes =
        ingest::build_excludes(&["out/**".into(), "out.*/**".into(), "gazetteer/**".into()])?;
    let samples: Vec<_> = ingest::discover(input, &excludes)
        .filter_map(|f| ingest::read_input(&f, ReadLimits::default()).ok())
        .map(|src| pipeline::process_document(src, res))
        .collect();
    if samples.is_empty() {
        return Err(format!("no readable sample reports in {}", input.display()));
    }
    let pools = crate::synth::Pools::from_docs(&samples);
    crate::synth::generate(&pools, &GAZETTEER, docs, seed, &formats, out)
}

/// Exit codes of `govreport run` (README, "Nightly runs"): 0 success, 1 the run failed (the
/// previous tables are in place), 2 bad usage or configuration (nothing touched), 3 success
/// with rejects under `--strict`.
pub const EXIT_FAILED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_REJECTS: i32 = 3;

/// `--max-reject-rate`: a share between 0 and 1.
fn parse_rate(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if (0.0..=1.0).contains(&r) => Ok(r),
        _ => Err(format!("{s} is not a share between 0 and 1 (e.g. 0.2)")),
    }
}

fn fail(msg: &str) -> i32 {
    crate::log::event(
        Level::Error,
        "run_failed",
        msg,
        json!({"exit_code": EXIT_FAILED}),
    );
    EXIT_FAILED
}

/// A request govreport refuses (a dangerous output directory, a file it cannot read as a
/// document): exit code 2, nothing touched.
fn fail_usage(msg: &str) -> i32 {
    crate::log::event(
        Level::Error,
        "usage_error",
        msg,
        json!({"exit_code": EXIT_USAGE}),
    );
    EXIT_USAGE
}
