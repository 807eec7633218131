//! Progress for people and for logs while a run goes.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use serde_json::json;

use super::RunSummary;

/// Progress for people (a bar on a terminal) and for nightly logs (a line every 10 s).
pub(crate) enum Progress {
    Off,
    Bar(indicatif::ProgressBar),
    Log(Instant),
}

impl Progress {
    pub(crate) fn new(enabled: bool) -> Self {
        if !enabled {
            Progress::Off
        } else if std::io::stderr().is_terminal() && !crate::log::is_json() {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(200));
            Progress::Bar(bar)
        } else {
            Progress::Log(Instant::now())
        }
    }

    pub(crate) fn update(&mut self, s: &RunSummary, started: Instant) {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let msg = format!(
            "{} files, {} documents, {} rejected, {:.1} MB at {:.1} MB/s",
            s.files_found,
            s.documents,
            s.rejected,
            s.input_bytes as f64 / 1e6,
            s.input_bytes as f64 / 1e6 / secs
        );
        match self {
            Progress::Off => {}
            Progress::Bar(b) => b.set_message(msg),
            Progress::Log(last) => {
                if last.elapsed() >= Duration::from_secs(10) {
                    *last = Instant::now();
                    crate::log::event(
                        crate::log::Level::Info,
                        "progress",
                        &format!("{msg} ({secs:.0}s)"),
                        json!({
                            "files": s.files_found,
                            "documents": s.documents,
                            "rejected": s.rejected,
                            "input_bytes": s.input_bytes,
                            "elapsed_seconds": secs,
                        }),
                    );
                }
            }
        }
    }

    pub(crate) fn finish(&self) {
        if let Progress::Bar(b) = self {
            b.finish_and_clear();
        }
    }
}
