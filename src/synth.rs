//! `govreport synth`: a realistic, varied corpus made from the sample reports, for benchmarks
//! and load tests. Paragraphs are shuffled and recombined within their kind of section,
//! issuers are drawn from the gazetteer, years and numbers vary, formats mix txt/md/html/docx
//! (and pdf/doc/ofd when asked for), some files are GB18030, some are duplicates and a few are bad. Deterministic for a seed:
//! document `i` depends only on (seed, i), so generation runs in parallel.

use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use crate::fixtures::{self, DocxParagraph, PageCharset, PageParts};
use crate::gazetteer::{DivisionLevel, Gazetteer};
use crate::model::{DocResult, SectionType};
use crate::printed;

/// Website chrome put around some plain-text documents, as scrapers save it.
const TXT_CHROME_TOP: &[&str] = &[
    "您当前所在的位置: 首页 > 政务公开 > 法治政府建设 > 年度报告",
    "网站无障碍 丨 关怀版",
    "当前位置：首页 > 信息公开 > 法定主动公开内容",
];
const TXT_CHROME_BOTTOM: &[&str] = &[
    "相关文章",
    "联系我们 | 友情链接 | 站点地图",
    "法律声明 | 关于我们 | 网站地图 | 使用帮助",
    "主办单位:{SITE} 版权所有:{SITE}",
    "网站标识码:1201010001",
    "微博",
    "微信",
];

static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+(?:\.\d+)?").unwrap());
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"20[12]\d").unwrap());

/// Paragraph pools built from the sample reports.
#[derive(Debug, Default)]
pub struct Pools {
    preamble: Vec<String>,
    by_type: Vec<(SectionType, Vec<String>)>,
}

impl Pools {
    /// Splits each processed sample report into its preamble and the paragraphs of each
    /// level-1 part.
    pub fn from_docs(docs: &[DocResult]) -> Self {
        let mut pools = Pools::default();
        for t in SectionType::MANDATED {
            pools.by_type.push((t, Vec::new()));
        }
        for doc in docs {
            let lines: Vec<&str> = doc.clean.body.lines().collect();
            let mut offset = 0usize;
            let mut current: Option<SectionType> = None;
            let starts: Vec<(usize, SectionType)> = doc
                .sections
                .iter()
                .filter(|s| s.level == 1)
                .map(|s| (s.char_start, s.section_type.unwrap_or(SectionType::Other)))
                .collect();
            for (i, line) in lines.iter().enumerate() {
                let len = line.chars().count();
                if let Some((_, t)) = starts.iter().find(|(s, _)| *s == offset) {
                    current = Some(*t);
                } else if i > 0 || doc.meta.title.is_none() {
                    match current {
                        None => pools.preamble.push(line.to_string()),
                        Some(t) => {
                            if let Some((_, pool)) =
                                pools.by_type.iter_mut().find(|(pt, _)| *pt == t)
                            {
                                if len > 20 {
                                    pool.push(line.to_string());
                                }
                            }
                        }
                    }
                }
                offset += len + 1;
            }
        }
        pools.preamble.retain(|p| p.chars().count() > 30);
        pools
    }

    fn is_usable(&self) -> bool {
        !self.preamble.is_empty() && self.by_type.iter().any(|(_, p)| !p.is_empty())
    }
}

/// What a generated corpus holds.
#[derive(Debug, Default, Clone, Copy)]
pub struct SynthSummary {
    pub files: usize,
    pub bytes: u64,
    pub duplicates: usize,
    pub bad: usize,
}

/// Kinds of generated file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Txt,
    Md,
    Html,
    Docx,
    Pdf,
    Doc,
    Ofd,
    Duplicate,
    Bad,
}

/// Share of each format in a corpus (per cent of the default four; the attachments, asked
/// for by name, come on top).
const FORMAT_WEIGHTS: [(Kind, u32); 7] = [
    (Kind::Txt, 45),
    (Kind::Md, 20),
    (Kind::Html, 25),
    (Kind::Docx, 10),
    (Kind::Pdf, 10),
    (Kind::Doc, 5),
    (Kind::Ofd, 5),
];

/// Parses `txt,md,html,docx,pdf,doc,ofd` (any subset).
pub fn parse_formats(list: &str) -> Result<Vec<Kind>, String> {
    list.split(',')
        .map(|f| match f.trim() {
            "txt" => Ok(Kind::Txt),
            "md" => Ok(Kind::Md),
            "html" => Ok(Kind::Html),
            "docx" => Ok(Kind::Docx),
            "pdf" => Ok(Kind::Pdf),
            "doc" => Ok(Kind::Doc),
            "ofd" => Ok(Kind::Ofd),
            other => Err(format!(
                "unknown format {other:?}: use txt, md, html, docx, pdf, doc, ofd"
            )),
        })
        .collect()
}

/// Writes `docs` files under `out` (1,000 per sub-directory) in the given formats.
pub fn generate(
    pools: &Pools,
    gazetteer: &Gazetteer,
    docs: usize,
    seed: u64,
    formats: &[Kind],
    out: &Path,
) -> Result<SynthSummary, String> {
    let weights: Vec<(Kind, u32)> = FORMAT_WEIGHTS
        .into_iter()
        .filter(|(k, _)| formats.contains(k))
        .collect();
    if weights.is_empty() {
        return Err("no format to write".into());
    }
    if !pools.is_usable() {
        return Err("the sample reports give no paragraphs to recombine".into());
    }
    let townships: Vec<usize> = (0..gazetteer.len())
        .filter(|&i| gazetteer.division(i).level == DivisionLevel::Township)
        .collect();
    if townships.is_empty() {
        return Err("the gazetteer has no townships".into());
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let results: Vec<Result<(u64, Kind), String>> = (0..docs)
        .into_par_iter()
        .map(|i| {
            let (name, bytes, kind) = make_file(pools, gazetteer, &townships, &weights, seed, i);
            let dir = out.join(format!("{:04}", i / 1000));
            fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            fs::write(dir.join(&name), &bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
            Ok((bytes.len() as u64, kind))
        })
        .collect();
    let mut s = SynthSummary::default();
    for r in results {
        let (bytes, kind) = r?;
        s.files += 1;
        s.bytes += bytes;
        s.duplicates += usize::from(kind == Kind::Duplicate);
        s.bad += usize::from(kind == Kind::Bad);
    }
    Ok(s)
}

fn rng_for(seed: u64, i: usize) -> fastrand::Rng {
    fastrand::Rng::with_seed(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// File name, bytes and kind of document `i`.
fn make_file(
    pools: &Pools,
    gaz: &Gazetteer,
    townships: &[usize],
    weights: &[(Kind, u32)],
    seed: u64,
    i: usize,
) -> (String, Vec<u8>, Kind) {
    let mut rng = rng_for(seed, i);
    let roll = rng.u32(0..1000);
    if roll < 10 {
        return bad_file(&mut rng, i);
    }
    if roll < 30 && i > 0 {
        // An exact copy of the previous document under another name (a mirror).
        let (name, bytes, kind) = make_file(pools, gaz, townships, weights, seed, i - 1);
        if kind != Kind::Bad {
            let ext = name.rsplit('.').next().unwrap_or("txt");
            return (format!("{i:07}_dup.{ext}"), bytes, Kind::Duplicate);
        }
    }
    let report = compose(pools, gaz, townships, &mut rng);
    let total: u32 = weights.iter().map(|(_, w)| w).sum();
    let mut pick = rng.u32(0..total);
    let mut kind = weights[0].0;
    for (k, w) in weights {
        if pick < *w {
            kind = *k;
            break;
        }
        pick -= w;
    }
    let gbk = rng.u32(0..100) < 15;
    match kind {
        Kind::Txt => {
            let text = report.as_txt(&mut rng);
            let bytes = if gbk {
                encoding_rs::GB18030.encode(&text).0.into_owned()
            } else {
                text.into_bytes()
            };
            (format!("{i:07}.txt"), bytes, kind)
        }
        Kind::Md => (
            format!("{i:07}.md"),
            report.as_markdown().into_bytes(),
            kind,
        ),
        Kind::Html => {
            let template = [
                fixtures::DISTRICT_TEMPLATE,
                fixtures::XXGK_TEMPLATE,
                fixtures::MIRROR_TEMPLATE,
            ][rng.usize(0..3)];
            let charset = if !gbk {
                PageCharset::Utf8
            } else if rng.bool() {
                PageCharset::Gbk
            } else {
                PageCharset::GbkDeclaredUtf8
            };
            (
                format!("{i:07}.html"),
                fixtures::render_page(template, &report.parts(), charset),
                kind,
            )
        }
        Kind::Pdf | Kind::Doc | Kind::Ofd => {
            let paragraphs: Vec<&str> = std::iter::once(report.title.as_str())
                .chain(report.lines.iter().map(String::as_str))
                .collect();
            let (ext, bytes) = match kind {
                Kind::Pdf => ("pdf", printed::pdf_from_paragraphs(&paragraphs)),
                Kind::Doc => ("doc", printed::doc_from_paragraphs(&paragraphs)),
                _ => (
                    "ofd",
                    printed::ofd_from_paragraphs(&paragraphs, &report.publish),
                ),
            };
            (format!("{i:07}.{ext}"), bytes, kind)
        }
        _ => {
            let paragraphs: Vec<DocxParagraph> = std::iter::once(report.title.as_str())
                .chain(report.lines.iter().map(String::as_str))
                .map(|l| ("", None, l))
                .collect();
            (
                format!("{i:07}.docx"),
                fixtures::build_docx(&paragraphs, &[], &report.title),
                kind,
            )
        }
    }
}

fn bad_file(rng: &mut fastrand::Rng, i: usize) -> (String, Vec<u8>, Kind) {
    let (name, bytes) = match rng.u32(0..5) {
        0 => (format!("{i:07}_empty.txt"), Vec::new()),
        1 => (format!("{i:07}_binary.txt"), (0..4096).map(|_| rng.u8(..)).chain([0, 0, 0]).collect()),
        2 => (format!("{i:07}_scan.pdf"), b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec()),
        3 => (format!("{i:07}_truncated.html"), "<html><head><meta charset=\"utf-8\"><title>法治政府建设年度报告</title></head><body><div class=\"TRS_Editor\"><p>一、主要举措和成效</p><p>全年共办理行政复议案件12件，".as_bytes().to_vec()),
        _ => (format!("{i:07}_broken.docx"), b"PK\x03\x04 not really a zip".to_vec()),
    };
    (name, bytes, Kind::Bad)
}

/// A composed report before it is written in some format.
struct Report {
    title: String,
    org: String,
    site: String,
    publish: String,
    lines: Vec<String>,
}

impl Report {
    fn parts(&self) -> PageParts {
        PageParts {
            title: self.title.clone(),
            publish: self.publish.clone(),
            source: self.org.clone(),
            site: self.site.clone(),
            paragraphs: self.lines.clone(),
        }
    }

    fn as_txt(&self, rng: &mut fastrand::Rng) -> String {
        let mut out = String::new();
        let chrome = rng.u32(0..100) < 50;
        if chrome {
            out.push_str(TXT_CHROME_TOP[rng.usize(0..TXT_CHROME_TOP.len())]);
            out.push_str("\n\n");
        }
        out.push_str(&self.title);
        out.push('\n');
        if chrome {
            out.push_str(&format!(
                "发布日期:{} 来源:{}\n分享到:\n",
                self.publish, self.org
            ));
        }
        for l in &self.lines {
            out.push_str("  ");
            out.push_str(l);
            out.push('\n');
        }
        if chrome {
            for l in TXT_CHROME_BOTTOM {
                out.push_str(&l.replace("{SITE}", &self.site));
                out.push('\n');
            }
        }
        out
    }

    fn as_markdown(&self) -> String {
        let mut out = format!("## {}\n\n", self.title);
        for l in &self.lines {
            let level1 =
                l.chars().next().is_some_and(|c| "一二三四五".contains(c)) && l.contains('、');
            if level1 && l.chars().count() < 40 {
                out.push_str(&format!("**{l}**\n\n"));
            } else {
                out.push_str(l);
                out.push_str("\n\n");
            }
        }
        out
    }
}

/// Varies the numbers of a paragraph (not years), keeping their order of magnitude.
fn vary_numbers(text: &str, rng: &mut fastrand::Rng, year: i32) -> String {
    let with_year = YEAR.replace_all(text, |_: &regex::Captures| year.to_string());
    NUMBER
        .replace_all(&with_year, |c: &regex::Captures| {
            let s = &c[0];
            if s.len() == 4 && s.starts_with("20") {
                return s.to_string();
            }
            match s.parse::<f64>() {
                Ok(v) if !s.contains('.') => {
                    let scaled = (v * (0.5 + rng.f64() * 1.5)).round().max(1.0) as u64;
                    scaled.to_string()
                }
                Ok(v) => format!("{:.2}", v * (0.5 + rng.f64() * 1.5)),
                Err(_) => s.to_string(),
            }
        })
        .into_owned()
}

fn compose(pools: &Pools, gaz: &Gazetteer, townships: &[usize], rng: &mut fastrand::Rng) -> Report {
    let year = 2019 + rng.i32(0..6);
    let d = gaz.division(townships[rng.usize(0..townships.len())]);
    // `市辖区` rows are structure only: a municipality's districts sit under the province.
    let name_of = |o: Option<usize>| {
        o.map(|c| gaz.division(c))
            .filter(|x| !x.placeholder)
            .map(|x| x.name)
    };
    let county = name_of(d.county).unwrap_or_default();
    let city = name_of(d.city)
        .or_else(|| name_of(d.province))
        .unwrap_or_default();
    let org = if d.name.ends_with("街道") {
        format!("{city}{county}人民政府{}办事处", d.name)
    } else {
        format!("{county}{}人民政府", d.name)
    };
    let title = match rng.u32(0..3) {
        0 => format!("{}{year}年法治政府建设年度报告", d.name),
        1 => format!("{org}关于{year}年度法治政府建设情况的报告"),
        _ => format!("{}{year}年法治政府建设情况报告", d.name),
    };
    let mut lines = Vec::new();
    lines.push(vary_numbers(
        &pools.preamble[rng.usize(0..pools.preamble.len())],
        rng,
        year,
    ));
    let headings = [
        (
            SectionType::MeasuresAndResults,
            format!("{year}年推进法治政府建设的主要举措和成效"),
        ),
        (
            SectionType::Shortcomings,
            format!("{year}年推进法治政府建设存在的不足和原因"),
        ),
        (
            SectionType::LeadershipDuty,
            "党政主要负责人履行推进法治建设第一责任人职责情况".to_string(),
        ),
        (
            SectionType::NextYearPlan,
            format!("{}年推进法治政府建设的主要安排", year + 1),
        ),
    ];
    const NUMERALS: [&str; 5] = ["一", "二", "三", "四", "五"];
    let mut n = 0;
    for (t, heading) in headings {
        // Some reports leave out a mandated part.
        if rng.u32(0..100) < 8 {
            continue;
        }
        let Some((_, pool)) = pools
            .by_type
            .iter()
            .find(|(pt, _)| *pt == t)
            .filter(|(_, p)| !p.is_empty())
        else {
            continue;
        };
        lines.push(format!("{}、{heading}", NUMERALS[n]));
        n += 1;
        for _ in 0..rng.usize(2..8) {
            lines.push(vary_numbers(&pool[rng.usize(0..pool.len())], rng, year));
        }
    }
    let (month, day) = (rng.u32(1..13), rng.u32(1..29));
    let signed_year = if month <= 3 { year + 1 } else { year };
    lines.push(org.clone());
    lines.push(format!("{signed_year}年{month}月{day}日"));
    Report {
        title,
        site: format!("{county}人民政府"),
        publish: format!("{signed_year}-{month:02}-{:02}", (day + 3).min(28)),
        org,
        lines,
    }
}
