//! The crawl manifest (`--crawl-manifest FILE`): what the crawler knows of each file it
//! saved — the address it fetched and when — as CSV with a header (`path,url,fetched_at`) or
//! as JSON lines (`{"path": …, "url": …, "fetched_at": …}`). Paths are relative to the input
//! root (or absolute inside it). A line that cannot be read is an error naming it: the
//! manifest is configuration, and a silently dropped line would lose a page's address.

use std::collections::HashMap;
use std::path::Path;

use crate::model::Origin;

/// Path relative to the input root (`/`-separated) → its crawl record.
pub type CrawlManifest = HashMap<String, Origin>;

/// Parses a crawl manifest's text (`name` for the error sentences).
pub fn parse(text: &str, name: &str, root: &Path) -> Result<CrawlManifest, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json = text.trim_start().starts_with('{');
    let records = if json {
        json_lines(text, name)?
    } else {
        csv_records(text, name)?
    };
    let mut out = CrawlManifest::new();
    for (line, path, url, fetched_at) in records {
        let at = |why: String| format!("crawl manifest {name}, line {line}: {why}");
        let rel = relative(&path, root).ok_or_else(|| {
            at(format!(
                "path {path:?} is not inside the input root {}",
                root.display()
            ))
        })?;
        let url = url
            .filter(|u| !u.trim().is_empty())
            .map(|u| u.trim().to_string());
        if let Some(u) = &url {
            if !(u.starts_with("http://") || u.starts_with("https://")) {
                return Err(at(format!("url {u:?} is not an http(s) address")));
            }
        }
        let fetched_at = match fetched_at.filter(|f| !f.trim().is_empty()) {
            None => None,
            Some(f) => Some(normalize_time(f.trim()).ok_or_else(|| {
                at(format!(
                    "fetched_at {f:?} is not a date-time (RFC 3339, `YYYY-MM-DD HH:MM:SS` in \
                     UTC, or a date)"
                ))
            })?),
        };
        out.insert(rel, Origin { url, fetched_at });
    }
    Ok(out)
}

/// (line number, path, url, fetched_at) of each JSON line.
type Record = (usize, String, Option<String>, Option<String>);

fn json_lines(text: &str, name: &str) -> Result<Vec<Record>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |why: String| format!("crawl manifest {name}, line {}: {why}", i + 1);
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| at(format!("not a JSON object ({e})")))?;
        let field = |k: &str| -> Result<Option<String>, String> {
            match v.get(k) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => Err(at(format!("{k} is not a string: {other}"))),
            }
        };
        let path = field("path")?.ok_or_else(|| at("no \"path\"".into()))?;
        out.push((i + 1, path, field("url")?, field("fetched_at")?));
    }
    Ok(out)
}

fn csv_records(text: &str, name: &str) -> Result<Vec<Record>, String> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = r
        .headers()
        .map_err(|e| format!("crawl manifest {name}: cannot read its header: {e}"))?
        .clone();
    let col = |k: &str| header.iter().position(|h| h.trim() == k);
    let path_col = col("path").ok_or_else(|| {
        format!(
            "crawl manifest {name}: the header has no `path` column (expected path,url,fetched_at)"
        )
    })?;
    let (url_col, time_col) = (col("url"), col("fetched_at"));
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| format!("crawl manifest {name}: {e}"))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(str::to_string);
        let path = get(Some(path_col)).unwrap_or_default();
        if path.trim().is_empty() {
            return Err(format!("crawl manifest {name}, line {line}: empty path"));
        }
        out.push((line, path, get(url_col), get(time_col)));
    }
    Ok(out)
}

/// A path of the manifest as `source_path` writes it, if it is inside the root.
fn relative(path: &str, root: &Path) -> Option<String> {
    let p = Path::new(path.trim());
    let rel = if p.is_absolute() {
        match p.strip_prefix(root) {
            Ok(r) => r.to_path_buf(),
            Err(_) => {
                let canonical = std::fs::canonicalize(root).ok()?;
                p.strip_prefix(&canonical).ok()?.to_path_buf()
            }
        }
    } else {
        p.to_path_buf()
    };
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            std::path::Component::CurDir => {}
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// RFC 3339 (any offset) → UTC `YYYY-MM-DDTHH:MM:SSZ`; `YYYY-MM-DD HH:MM:SS` and
/// `YYYY-MM-DDTHH:MM:SS` are taken as UTC; a bare date is its midnight UTC.
fn normalize_time(s: &str) -> Option<String> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
    const OUT: &str = "%Y-%m-%dT%H:%M:%SZ";
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc).format(OUT).to_string());
    }
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t.and_utc().format(OUT).to_string());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%dT00:00:00Z").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_and_json_lines_give_the_same_records() {
        let root = Path::new("/data/crawl");
        let csv = "path,url,fetched_at\na/1.html,https://www.example.gov.cn/a/1.html,2026-12-01T11:04:05+08:00\n/data/crawl/b.txt,,2026-12-01\nc.html,http://x.gov.cn/c,\n";
        let json = r#"{"path": "a/1.html", "url": "https://www.example.gov.cn/a/1.html", "fetched_at": "2026-12-01 03:04:05"}
{"path": "./b.txt", "fetched_at": "2026-12-01"}

{"path": "c.html", "url": "http://x.gov.cn/c", "fetched_at": null}
"#;
        let a = parse(csv, "m.csv", root).unwrap();
        let b = parse(json, "m.jsonl", root).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            a["a/1.html"],
            Origin {
                url: Some("https://www.example.gov.cn/a/1.html".into()),
                fetched_at: Some("2026-12-01T03:04:05Z".into()),
            }
        );
        assert_eq!(a["b.txt"].url, None);
        assert_eq!(
            a["b.txt"].fetched_at.as_deref(),
            Some("2026-12-01T00:00:00Z")
        );
        assert_eq!(a["c.html"].fetched_at, None);
    }

    #[test]
    fn a_line_that_cannot_be_read_is_an_error_naming_it() {
        let root = Path::new("/data");
        let err = |text: &str| parse(text, "m", root).unwrap_err();
        assert!(err("path,url\n../x.txt,https://a.cn\n").contains("line 2"));
        assert!(err("url\nhttps://a.cn\n").contains("no `path` column"));
        assert!(err("path,url\nx.txt,ftp://a.cn\n").contains("not an http(s) address"));
        assert!(err("path,fetched_at\nx.txt,yesterday\n").contains("not a date-time"));
        let e = err("{\"path\": \"a.txt\"}\n{\"url\": \"https://a.cn\"}\n");
        assert!(e.contains("line 2") && e.contains("no \"path\""), "{e}");
        assert!(err("{\"path\": 3}\n").contains("not a string"));
        assert!(err("{\"path\": \"a\"}\n{oops\n").contains("not a JSON object"));
    }
}
