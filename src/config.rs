//! Pipeline files (`pipelines/*.toml`): where to read, where to write, how to run.
//! Command-line flags override what the file says.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PipelineFile {
    #[serde(default)]
    pub input: InputSection,
    #[serde(default)]
    pub output: OutputSection,
    #[serde(default)]
    pub run: RunSection,
    #[serde(default)]
    pub analysis: AnalysisSection,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct AnalysisSection {
    /// Indicator taxonomy (TOML); default: the one built into the binary, which is
    /// `pipelines/indicators.toml` of this repository.
    #[serde(default)]
    pub taxonomy: Option<PathBuf>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputSection {
    /// Directory (or single file) to read; relative to the pipeline file's folder.
    #[serde(default = "default_input")]
    pub root: PathBuf,
    /// Glob patterns, relative to `root`, of paths not to read (`out/**`).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Files larger than this are rejected unread.
    #[serde(default = "default_max_file_bytes")]
    pub max_file_bytes: u64,
    /// A document still being processed after this many seconds becomes a reject (0 = no
    /// limit).
    #[serde(default = "default_max_seconds_per_file")]
    pub max_seconds_per_file: f64,
    /// A .docx whose parts decompress to more than this many bytes (in all, or one part)
    /// is rejected.
    #[serde(default = "default_max_docx_inflated_bytes")]
    pub max_docx_inflated_bytes: u64,
    /// A .docx part that decompresses to more than this many times its compressed size is
    /// rejected.
    #[serde(default = "default_max_docx_ratio")]
    pub max_docx_ratio: u64,
}

impl InputSection {
    /// The per-file limits this section sets.
    pub fn limits(&self) -> crate::ingest::ReadLimits {
        crate::ingest::ReadLimits {
            max_file_bytes: self.max_file_bytes,
            max_docx_inflated_bytes: self.max_docx_inflated_bytes,
            max_docx_ratio: self.max_docx_ratio,
            max_seconds_per_file: self.max_seconds_per_file,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputSection {
    #[serde(default = "default_output")]
    pub dir: PathBuf,
    /// Write a UTF-8 BOM at the start of CSV files, for Excel.
    #[serde(default)]
    pub csv_bom: bool,
    /// CSV for Excel (`--excel`): BOM, formula-like text neutralised, row-limit warnings.
    #[serde(default)]
    pub excel: bool,
    /// `"report_year"`: write the per-document tables Hive-partitioned by report year.
    #[serde(default)]
    pub partition_by: Option<String>,
    /// Table formats, `"parquet,csv"` (the default), `"parquet"` or `"csv"` (`--formats`).
    #[serde(default)]
    pub formats: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSection {
    /// Worker threads; 0 = one per core.
    #[serde(default)]
    pub threads: usize,
    /// Documents processed in parallel before their rows are written.
    #[serde(default = "default_batch_size")]
    pub batch_size: usize,
    /// Keep the output as an incremental dataset (`--incremental`).
    #[serde(default)]
    pub incremental: bool,
    /// Fail (and keep the previous tables) when more than this share of the files read are
    /// rejected (`--max-reject-rate`).
    #[serde(default)]
    pub max_reject_rate: Option<f64>,
}

fn default_input() -> PathBuf {
    PathBuf::from("data")
}
fn default_output() -> PathBuf {
    PathBuf::from("data/out")
}
fn default_max_file_bytes() -> u64 {
    crate::limits::MAX_FILE_BYTES
}
fn default_max_seconds_per_file() -> f64 {
    crate::limits::MAX_SECONDS_PER_FILE
}
fn default_max_docx_inflated_bytes() -> u64 {
    crate::limits::MAX_DOCX_INFLATED_BYTES
}
fn default_max_docx_ratio() -> u64 {
    crate::limits::MAX_DOCX_RATIO
}
fn default_batch_size() -> usize {
    256
}

impl Default for InputSection {
    fn default() -> Self {
        InputSection {
            root: default_input(),
            exclude: Vec::new(),
            max_file_bytes: default_max_file_bytes(),
            max_seconds_per_file: default_max_seconds_per_file(),
            max_docx_inflated_bytes: default_max_docx_inflated_bytes(),
            max_docx_ratio: default_max_docx_ratio(),
        }
    }
}
impl Default for OutputSection {
    fn default() -> Self {
        OutputSection {
            dir: default_output(),
            csv_bom: false,
            excel: false,
            partition_by: None,
            formats: None,
        }
    }
}
impl Default for RunSection {
    fn default() -> Self {
        RunSection {
            threads: 0,
            batch_size: default_batch_size(),
            incremental: false,
            max_reject_rate: None,
        }
    }
}

impl PipelineFile {
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Reads a pipeline file; the error names the file and what is wrong in it. Its relative
    /// paths (and the defaults it leaves) are taken from the file's own folder, so a cron job
    /// or a scheduler runs the same pipeline from any working directory.
    pub fn load(path: &Path) -> Result<(Self, String), String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read pipeline file {}: {e}", path.display()))?;
        let mut parsed = Self::parse(&text)
            .map_err(|e| format!("pipeline file {} is not valid: {e}", path.display()))?;
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        let folder = std::fs::canonicalize(folder.unwrap_or(Path::new("."))).map_err(|e| {
            format!(
                "cannot find the folder of pipeline file {}: {e}",
                path.display()
            )
        })?;
        parsed.resolve_paths(&folder);
        Ok((parsed, text))
    }

    /// Makes every relative path of the file relative to `folder` instead.
    fn resolve_paths(&mut self, folder: &Path) {
        let resolve = |p: &mut PathBuf| *p = beside(folder, p);
        resolve(&mut self.input.root);
        resolve(&mut self.output.dir);
        if let Some(t) = &mut self.analysis.taxonomy {
            resolve(t);
        }
    }
}

/// `path` read from `folder`: absolute paths as they are, relative ones joined to it, with
/// `.` and `name/..` taken out of the join so logs and the manifest show a plain path.
fn beside(folder: &Path, path: &Path) -> PathBuf {
    use std::path::Component;
    if path.is_absolute() {
        return path.to_path_buf();
    }
    let mut out = folder.to_path_buf();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if out.file_name().is_some() {
                    out.pop();
                } else if !out.has_root() {
                    // A relative folder that is already all `..`: one more.
                    out.push("..");
                } // Above the root there is nothing to go back to.
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_read_from_the_pipeline_files_folder() {
        let dir = tempfile::tempdir().unwrap();
        let jobs = dir.path().join("jobs");
        std::fs::create_dir(&jobs).unwrap();
        let file = jobs.join("nightly.toml");
        std::fs::write(
            &file,
            "[input]\nroot = \"../crawl\"\n[output]\ndir = \"/srv/tables\"\n\
             [analysis]\ntaxonomy = \"./indicators.toml\"\n",
        )
        .unwrap();
        let (p, _) = PipelineFile::load(&file).unwrap();
        let base = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(p.input.root, base.join("crawl"));
        assert_eq!(p.output.dir, PathBuf::from("/srv/tables"));
        assert_eq!(p.analysis.taxonomy, Some(base.join("jobs/indicators.toml")));
        // What the file leaves out is also read from its folder.
        std::fs::write(&file, "").unwrap();
        let (p, _) = PipelineFile::load(&file).unwrap();
        assert_eq!(p.input.root, base.join("jobs/data"));
        assert_eq!(p.output.dir, base.join("jobs/data/out"));
    }

    #[test]
    fn beside_takes_dots_out_of_the_join() {
        let f = Path::new("/a/b");
        assert_eq!(beside(f, Path::new("../c/./d")), PathBuf::from("/a/c/d"));
        assert_eq!(beside(f, Path::new("../../../x")), PathBuf::from("/x"));
        assert_eq!(
            beside(Path::new("rel"), Path::new("../../x")),
            PathBuf::from("../x")
        );
        assert_eq!(beside(f, Path::new("/abs")), PathBuf::from("/abs"));
    }

    #[test]
    fn defaults_and_overrides() {
        let p = PipelineFile::parse(
            "[input]\nroot = \"corpus\"\nexclude = [\"out/**\"]\n[run]\nthreads = 2\n",
        )
        .unwrap();
        assert_eq!(p.input.root, PathBuf::from("corpus"));
        assert_eq!(p.input.exclude, vec!["out/**".to_string()]);
        assert_eq!(p.run.threads, 2);
        assert_eq!(p.run.batch_size, 256);
        assert_eq!(p.output.dir, PathBuf::from("data/out"));
    }

    #[test]
    fn unknown_keys_are_an_error_naming_them() {
        let e = PipelineFile::parse("[input]\nrooot = \"x\"\n").unwrap_err();
        assert!(e.contains("rooot"), "{e}");
        let e = PipelineFile::parse("[inptu]\nroot = \"x\"\n").unwrap_err();
        assert!(e.contains("inptu"), "{e}");
        let e = PipelineFile::parse("max_seconds_per_file = 3\n").unwrap_err();
        assert!(e.contains("max_seconds_per_file"), "{e}");
    }

    #[test]
    fn per_file_limits_are_read_from_the_input_section() {
        let p = PipelineFile::parse(
            "[input]\nmax_seconds_per_file = 2.5\nmax_docx_inflated_bytes = 1000\nmax_docx_ratio = 9\n",
        )
        .unwrap();
        let l = p.input.limits();
        assert_eq!(l.max_seconds_per_file, 2.5);
        assert_eq!((l.max_docx_inflated_bytes, l.max_docx_ratio), (1000, 9));
        assert_eq!(l.max_file_bytes, crate::limits::MAX_FILE_BYTES);
    }
}
