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
    /// Directory (or single file) to read, relative to the working directory.
    #[serde(default = "default_input")]
    pub root: PathBuf,
    /// Glob patterns, relative to `root`, of paths not to read (`out/**`).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Files larger than this are rejected unread.
    #[serde(default = "default_max_file_bytes")]
    pub max_file_bytes: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputSection {
    #[serde(default = "default_output")]
    pub dir: PathBuf,
    /// Write a UTF-8 BOM at the start of CSV files, for Excel.
    #[serde(default)]
    pub csv_bom: bool,
    /// `"report_year"`: write the per-document tables Hive-partitioned by report year.
    #[serde(default)]
    pub partition_by: Option<String>,
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
}

fn default_input() -> PathBuf {
    PathBuf::from("data")
}
fn default_output() -> PathBuf {
    PathBuf::from("data/out")
}
fn default_max_file_bytes() -> u64 {
    50 * 1024 * 1024
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
        }
    }
}
impl Default for OutputSection {
    fn default() -> Self {
        OutputSection {
            dir: default_output(),
            csv_bom: false,
            partition_by: None,
        }
    }
}
impl Default for RunSection {
    fn default() -> Self {
        RunSection {
            threads: 0,
            batch_size: default_batch_size(),
        }
    }
}

impl PipelineFile {
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Reads a pipeline file; the error names the file and what is wrong in it.
    pub fn load(path: &Path) -> Result<(Self, String), String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read pipeline file {}: {e}", path.display()))?;
        let parsed = Self::parse(&text)
            .map_err(|e| format!("pipeline file {} is not valid: {e}", path.display()))?;
        Ok((parsed, text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
