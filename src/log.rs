//! What govreport says on standard error: sentences for people (`--log-format text`, the
//! default) or one JSON object per line for schedulers and log collectors (`--log-format
//! json`): `{"ts": …, "level": …, "event": …, "message": …, …fields}`.

use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};

use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!("unknown log format {other:?}: text or json")),
        }
    }
}

/// Format, and whether each reject is logged as it happens (bit 1; always in JSON).
static STATE: AtomicU8 = AtomicU8::new(0);
const JSON: u8 = 1;
const REJECTS: u8 = 2;

/// Sets the process's log format; `verbose` also logs each reject in text.
pub fn configure(format: LogFormat, verbose: bool) {
    let mut bits = 0;
    if format == LogFormat::Json {
        bits |= JSON | REJECTS;
    }
    if verbose {
        bits |= REJECTS;
    }
    STATE.store(bits, Ordering::Relaxed);
}

pub fn is_json() -> bool {
    STATE.load(Ordering::Relaxed) & JSON != 0
}

#[derive(Debug, Clone, Copy)]
pub enum Level {
    Info,
    Warn,
    Error,
}

impl Level {
    fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }
}

/// The line an event is written as.
pub fn line(level: Level, event: &str, message: &str, fields: Value) -> String {
    if !is_json() {
        return match level {
            Level::Info => format!("govreport: {message}"),
            Level::Warn => format!("govreport: warning: {message}"),
            Level::Error => format!("govreport: error: {message}"),
        };
    }
    let mut obj = json!({
        "ts": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "level": level.as_str(),
        "event": event,
        "message": message,
    });
    if let (Some(o), Value::Object(extra)) = (obj.as_object_mut(), fields) {
        o.extend(extra);
    }
    obj.to_string()
}

/// Writes one event to standard error (one line, written at once).
pub fn event(level: Level, event: &str, message: &str, fields: Value) {
    let mut text = line(level, event, message, fields);
    text.push('\n');
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// A file became a reject: logged as it happens in JSON and with `-v`.
pub fn reject(path: &str, stage: &str, error: &str) {
    if STATE.load(Ordering::Relaxed) & REJECTS == 0 {
        return;
    }
    event(
        Level::Warn,
        "reject",
        &format!("{path}: {error}"),
        json!({"path": path, "stage": stage, "error": error}),
    );
}
