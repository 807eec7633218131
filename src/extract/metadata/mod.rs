//! Document metadata: title, issuer (organization, short name, admin level, place and division
//! code), report year, publish and signature dates and 文号; the document kind comes from
//! `extract/genre.rs`.

use crate::lexicon::dates::YEAR_DIGITS;
use crate::lexicon::PerThread;
use crate::text::head_chars;

use chrono::Datelike;
use regex::Regex;

use crate::extract::dates::{extract_dates, parse_publish};
use crate::extract::genre::classify as classify_genre;
use crate::gazetteer::{DivisionLevel, Gazetteer, PlaceResolution};
use crate::lexicon::orgs::{
    BODY_YEAR_CUE, DEPARTMENT_ENDINGS, DEPARTMENT_WORDS, GOVERNMENT_ABBREVIATIONS,
    GOVERNMENT_WORDS, HEADER_SUFFIX, LEVEL_CHARS, NO_BREAKS_MIN_CHARS, ORG_ENDINGS,
    PLACE_SUFFIX_LEVELS, PLACE_WORD_CHARS, PREAMBLE_CUES, REDACTION_MARKS, ROL_CUES,
    SELF_REFERENCES, TITLE_ENDINGS, TITLE_FORBIDDEN, TITLE_MAX_CHARS, TITLE_PIECE_MAX_CHARS,
    TITLE_REPORT_CUES, TITLE_SEARCH_LINES, TITLE_WRAP_LINES,
};
use crate::model::{CleanDoc, DateMention, DateRole, DocMeta, Genre, Section};

mod year;
use year::find_report_year;

/// A year as printed: `2023年`, `２０２３年`, `二〇二三年` (not glued to other digits).
static YEAR_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"(?:^|[^0-9０-９〇○零一二三四五六七八九])([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})[\x20\u{3000}]*年")
        .expect("year regex compiles")
});

/// 文号 on its own line near the top: `金文〔2023〕5号`, `X发[2023]12号`, `(2023)`.
static DOC_NUMBER_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"^(?:文号[：:]\s*)?({})(?:\s|$)",
        doc_number_pattern()
    ))
    .expect("doc number regex compiles")
});

/// A 文号 as a regex (`金文〔2023〕5号`, `X发[2023]12号`): for the patterns that find one on its
/// own line and in brackets before a title.
fn doc_number_pattern() -> String {
    format!(
        r"\p{{Han}}{{1,12}}[〔\[(（【]\s*{YEAR_DIGITS}\s*[〕\])）】]\s*第?[0-9０-９]{{1,5}}\s*号"
    )
}

/// `现将小营街道办事处2024年法治政府建设年度报告如下`: the issuer before the year or 关于.
static PREAMBLE_ORG_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(&format!(
        r"{BODY_YEAR_CUE}([^，,。；;：:\s“”《》]{{2,40}}?)[\x20\u{{3000}}]*(?:关于|[0-9０-９]{{4}}[\x20\u{{3000}}]*年)"
    ))
    .expect("preamble regex compiles")
});

/// Any heading or list marker at the start of a line: such a line is not a title or issuer.
static MARKER_RE: PerThread<Regex> = PerThread::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9０-９]{1,3}[)）]|[0-9０-９]{1,2}[、.．])")
        .expect("marker regex compiles")
});

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !is_blank(*c)).collect()
}

fn parse_year(s: &str) -> Option<i32> {
    let mut year = 0i32;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as i32 - '0' as i32,
            '０'..='９' => c as i32 - '０' as i32,
            '〇' | '○' | '零' => 0,
            _ => "一二三四五六七八九".chars().position(|h| h == c)? as i32 + 1,
        };
        year = year * 10 + d;
    }
    (1990..=2100).contains(&year).then_some(year)
}

/// The first plausible year printed in `text`, with its byte offset.
fn first_year(text: &str) -> Option<(i32, usize)> {
    YEAR_RE.captures_iter(text).find_map(|c| {
        let m = c.get(1)?;
        Some((parse_year(m.as_str())?, m.start()))
    })
}

/// A string that reads as the name of an issuing body: short, no sentence punctuation, and
/// ends with a government, department or place word.
fn looks_like_org(s: &str) -> bool {
    // Pinyin glosses (`區(qū)`) are noise for matching; the printed form is kept.
    let s = &*crate::clean::reading::strip_glosses(s);
    let n = s.chars().count();
    (2..=60).contains(&n)
        && !s.contains([
            '。', '，', ',', '；', ';', '：', ':', '！', '？', '“', '”', '《', '》',
        ])
        && !s.chars().any(crate::normalize::is_digit)
        && ORG_ENDINGS.iter().any(|e| s.ends_with(e))
        && !SELF_REFERENCES.iter().any(|r| s.starts_with(r))
}

/// Non-empty, trimmed lines of the body.
fn lines_of(body: &str) -> Vec<&str> {
    crate::text::split_lines(body)
        .map(|l| l.trim_matches(is_blank))
        .filter(|l| !l.is_empty())
        .collect()
}

fn is_header_line(line: &str) -> bool {
    line.ends_with(HEADER_SUFFIX) && line.chars().count() <= 40
}

fn find_doc_number(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .take(TITLE_SEARCH_LINES)
        .filter(|l| l.contains('号')) // every 文号 ends with it
        .find_map(|l| DOC_NUMBER_RE.captures(l))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

/// The issuer printed in the title before 关于 or the year (`滨海镇2022年…`), or right after
/// a leading year (`2023年XX区法治政府建设年度报告`).
fn org_from_title(title: &str) -> Option<String> {
    // `【政策解读】《某县人民政府关于…的报告》解读`: the issuer is the quoted report's.
    let bare = title
        .strip_prefix('【')
        .and_then(|t| t.split_once('】').map(|(_, r)| r))
        .unwrap_or(title)
        .trim_start_matches('《');
    // `关于…` (not `关口街道…`, whose 关 is its name's).
    let bare = bare.strip_prefix("关于").unwrap_or(bare);
    if bare != title {
        if let Some(org) = org_in_title(bare) {
            return Some(org);
        }
    }
    if let Some(inner) = title.split_once('《').and_then(|(_, r)| r.split_once('》')) {
        if let Some(org) = org_in_title(inner.0) {
            return Some(org);
        }
    }
    org_in_title(title)
}

fn org_in_title(title: &str) -> Option<String> {
    let year_at = first_year(title).map(|(_, at)| at);
    let about_at = title.find("关于");
    let cut = [year_at, about_at].into_iter().flatten().min()?;
    let prefix = title[..cut].trim_matches(is_blank);
    if looks_like_org(prefix) {
        return Some(prefix.to_string());
    }
    if prefix.is_empty() {
        let rest = &title[cut..];
        let rest = rest.split_once('年').map_or(rest, |(_, r)| r);
        let rest = rest.strip_prefix('度').unwrap_or(rest);
        let end = ROL_CUES.iter().filter_map(|c| rest.find(c)).min()?;
        let org = rest[..end].trim_matches(is_blank);
        let org = org.strip_suffix("关于").unwrap_or(org);
        return looks_like_org(org).then(|| org.to_string());
    }
    None
}

/// The issuer in the signature block: a short org line just above the signature date, or the
/// very last line when it is plainly an issuing body.
fn org_from_signature(lines: &[&str], has_signed_date: bool) -> Option<String> {
    let n = lines.len();
    let tail_start = n.saturating_sub(4);
    for i in (tail_start..n).rev() {
        let line = lines[i];
        // `广州市海珠区人民政府海幢街道办事处 2023年11月30日` on one line: drop the date.
        let org = line
            .trim_end_matches(|c: char| {
                is_blank(c)
                    || crate::normalize::is_digit(c)
                    || "年月日〇○零一二三四五六七八九十".contains(c)
            })
            .trim_matches(is_blank);
        if org.is_empty()
            || MARKER_RE.is_match(org)
            || !looks_like_org(org)
            || org.chars().count() > 40
        {
            continue;
        }
        let date_follows = org.len() < line.len() || (has_signed_date && i + 1 < n);
        let strong = GOVERNMENT_WORDS.iter().any(|w| org.ends_with(w))
            || DEPARTMENT_ENDINGS.iter().any(|w| org.ends_with(w));
        if date_follows || (i + 1 == n && strong) {
            return Some(org.to_string());
        }
    }
    None
}

/// `中共新县金兰山街道工作委员会文件` → 中共新县金兰山街道工作委员会.
fn org_from_header(lines: &[&str]) -> Option<String> {
    lines.iter().take(3).find_map(|l| {
        let org = l.strip_suffix(HEADER_SUFFIX)?.trim_matches(is_blank);
        (is_header_line(l) && looks_like_org(org)).then(|| org.to_string())
    })
}

fn org_from_preamble(body: &str) -> Option<String> {
    if !preamble_cue_within(body, 1500) {
        return None;
    }
    let head = head_chars(body, 1500);
    PREAMBLE_ORG_RE
        .captures_iter(head)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .find(|s| looks_like_org(s))
        .map(str::to_string)
}

/// Whether the preamble cue (现将) may stand in the first `n` characters of the body: they
/// take at most `4n` bytes. Without it the preamble regexes cannot match, and the head need
/// not be counted out.
fn preamble_cue_within(body: &str, n: usize) -> bool {
    let bytes = &body.as_bytes()[..body.len().min(4 * n)];
    memchr::memmem::find(bytes, BODY_YEAR_CUE.as_bytes()).is_some()
}

/// The issuer's own place: the deepest-level gazetteer place in its name (last on a tie).
fn core_place(org: &str, gaz: &Gazetteer) -> Option<String> {
    gaz.issuer_places(org)
        .into_iter()
        // A short name counts only before a place word (海幢街), not inside a word (自然资源部).
        .filter(|m| {
            !m.short
                || org
                    .chars()
                    .nth(m.char_end)
                    .is_some_and(|c| PLACE_WORD_CHARS.contains(c))
        })
        .enumerate()
        .max_by_key(|(i, m)| (gaz.lookup(&m.name).iter().map(|d| d.level).max(), *i))
        .map(|(_, m)| m.name)
}

/// Fuller forms of the issuer printed in the body: the core place preceded by enclosing places
/// (`《天津市和平区人民政府小白楼街道办事处…》`, `《温岭市滨海镇…》`), with the issuer's own
/// tail (办事处) when it follows.
fn body_extensions(body: &str, core: &str, tail: &str, gaz: &Gazetteer) -> Vec<String> {
    const GOVERNMENT: &str = "人民政府";
    let mut found = Vec::new();
    for pos in memchr::memmem::find_iter(body.as_bytes(), core.as_bytes()).take(64) {
        let mut start = pos;
        loop {
            let before = &body[..start];
            let without_gov = before.strip_suffix(GOVERNMENT).unwrap_or(before);
            match gaz.name_ending(without_gov) {
                Some(name) if name != core && gaz.names_nest(name, core) => {
                    start = without_gov.len() - name.len();
                }
                _ => break,
            }
        }
        if start == pos {
            continue;
        }
        let unit_len = if !tail.is_empty() && body[pos + core.len()..].starts_with(tail) {
            core.len() + tail.len()
        } else {
            core.len()
        };
        found.push(body[start..pos + unit_len].to_string());
    }
    found
}

/// Whether the issuer is a department of a government rather than the government itself.
/// Whether `name` names its place without a place word (`呼中教育局`, `海珠司法局`): a
/// department whose name has no 省/市/区/县/镇/乡/街道 before its department word.
fn is_short_form_name(name: &str) -> bool {
    is_department(name)
        && !name.starts_with(|c| LEVEL_CHARS.contains(c))
        && DEPARTMENT_WORDS
            .iter()
            .filter_map(|w| name.find(w))
            .min()
            .is_some_and(|at| !name[..at].contains(|c| LEVEL_CHARS.contains(c)))
}

/// Whether `full` is `short` with characters added, first and last kept (`呼中区教育局` of
/// `呼中教育局`).
fn is_fuller_form(full: &str, short: &str) -> bool {
    let mut rest = full.chars();
    full.len() > short.len()
        && full.chars().next() == short.chars().next()
        && full.chars().last() == short.chars().last()
        && short.chars().all(|c| rest.any(|f| f == c))
}

fn is_department(org: &str) -> bool {
    let last = org.split_whitespace().last().unwrap_or(org);
    if DEPARTMENT_WORDS.iter().any(|w| last.ends_with(w)) {
        return true;
    }
    if GOVERNMENT_ABBREVIATIONS.iter().any(|w| last.ends_with(w)) {
        return false;
    }
    !GOVERNMENT_WORDS.iter().any(|w| last.ends_with(w))
        && DEPARTMENT_ENDINGS.iter().any(|w| last.ends_with(w))
        && !PLACE_SUFFIX_LEVELS
            .iter()
            .any(|(s, _)| last.ends_with(s) && *s != "局")
}

/// A name without its government word (`某某镇人民政府` → `某某镇`); the name itself when it
/// has none.
fn without_government_word(name: &str) -> &str {
    GOVERNMENT_WORDS
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .unwrap_or(name)
}

/// Admin level from the name alone, when the gazetteer does not know the place.
fn level_from_suffix(name: &str) -> Option<&'static str> {
    let stem = without_government_word(name);
    PLACE_SUFFIX_LEVELS
        .iter()
        .find(|(s, _)| stem.ends_with(s))
        .map(|(_, level)| *level)
}

/// Whether `name` is a redacted place and its place word, with or without a government word
/// (`*区`, `＊＊镇人民政府`).
fn is_redacted_place(name: &str) -> bool {
    let stem = without_government_word(name);
    PLACE_SUFFIX_LEVELS
        .iter()
        .find_map(|(suffix, _)| stem.strip_suffix(suffix))
        .is_some_and(|marks| {
            !marks.is_empty() && marks.chars().all(|c| REDACTION_MARKS.contains(&c))
        })
}

/// Short name: the issuer from its own place on, without the government word
/// (广州市海珠区人民政府海幢街道办事处 → 海幢街道; 浙江省温岭市司法局 → 温岭市司法局).
fn org_short(org: &str, core: Option<&str>, department: bool) -> String {
    let last = org.split_whitespace().last().unwrap_or(org);
    let Some(core) = core.filter(|c| last.contains(c)) else {
        let s = without_government_word(last);
        return if s.is_empty() {
            last.to_string()
        } else {
            s.to_string()
        };
    };
    if department {
        let from_core = &last[last.rfind(core).unwrap_or(0)..];
        from_core.to_string()
    } else {
        core.to_string()
    }
}

/// Document metadata and every date of the document (publish first, then body dates).
pub fn extract_metadata(
    clean: &CleanDoc,
    sections: &[Section],
    gazetteer: &Gazetteer,
) -> (DocMeta, Vec<DateMention>) {
    let body = clean.text();
    let page = &clean.meta;
    let lines = lines_of(body);
    let mut warnings = Vec::new();

    let found_title = find_title(&lines);
    let title_line = found_title.as_ref().map(|(_, i)| *i);
    // The page's own label (标题/名称) is trusted over a line that looks like a title.
    let labeled = page
        .labeled_title
        .as_deref()
        .map(title_text)
        .filter(|t| title_like(t));
    let title = labeled
        .map(str::to_string)
        .or(found_title.map(|(t, _)| t))
        .or_else(|| {
            let t = page.title.as_deref().and_then(title_from_page)?;
            warnings
                .push("title taken from the page metadata: the text has no title line".to_string());
            Some(t)
        });
    // 文号: the page's metadata block, else a 文号 line near the top, else one in brackets in
    // front of the title.
    let doc_number = page
        .doc_number
        .clone()
        .or_else(|| find_doc_number(&lines))
        .or_else(|| {
            let first = lines.iter().take(TITLE_SEARCH_LINES).find_map(|l| {
                BRACKETED_DOC_NUMBER_RE
                    .captures(l.trim_start_matches(['•', '·', '-', '*', ' ']))
                    .and_then(|c| c.get(1))
                    .map(|m| m.as_str().to_string())
            });
            first
        });

    let publish = parse_publish(page).map(|(_, d)| d);
    let year = find_report_year(
        title.as_deref(),
        &lines,
        title_line,
        body,
        sections,
        publish,
    );
    if year.is_none() {
        warnings.push(
            "report year not found in the title, the body or a January–April publish date"
                .to_string(),
        );
    }
    if let (Some((y, _)), Some(p)) = (year, publish) {
        if y > p.year() || p.year() - y > 2 {
            warnings.push(format!("report year {y} is far from the publish date {p}"));
        }
    }
    let dates = extract_dates(body, page, year.map(|(y, _)| y));
    let signed = dates.iter().find(|d| d.role == DateRole::Signed);

    // Issuer: every printed form, then the fullest one that names the same place.
    let mut printed: Vec<String> = [
        title.as_deref().and_then(org_from_title),
        org_from_signature(&lines, signed.is_some()),
        org_from_header(&lines),
        org_from_preamble(body),
    ]
    .into_iter()
    .flatten()
    .collect();
    // The opening sentence's subject is read only when nothing above named the issuer, or
    // when what named it has no place (`区教育局` in the title, `xx区教育局` in the opening).
    let placeless = printed
        .first()
        .is_some_and(|p| p.starts_with(|c| LEVEL_CHARS.contains(c)));
    // Nor when it is a short form (`呼中教育局` in the preamble, `呼中区教育局` opening the
    // body): the fuller form the body prints wins.
    let short_form = printed.first().is_some_and(|p| is_short_form_name(p));
    if printed.is_empty() || placeless || short_form {
        let opening = crate::extract::issuer::org_from_opening(body, gazetteer);
        match opening {
            Some(o) if placeless => {
                if o.len() > printed[0].len() && o.ends_with(printed[0].as_str()) {
                    printed.insert(0, o);
                }
            }
            Some(o) if short_form => {
                if is_fuller_form(&o, &printed[0]) {
                    printed.insert(0, o);
                }
            }
            o => printed.extend(o),
        }
    }
    let printed: Vec<String> = printed.into_iter().collect();
    let base = printed.first().cloned().or_else(|| {
        let source = page.source.as_deref().map(|s| s.trim_matches(is_blank)).filter(|s| !s.is_empty())?;
        warnings.push(format!("organization taken from the page's 来源 line ({source}): the text does not name its issuer"));
        Some(source.to_string())
    });
    // An English database record's labels were removed as chrome; they still say what the
    // page is (a publication), so the classifier reads them above the body.
    let record: Vec<&str> = clean
        .removed
        .iter()
        .filter(|r| r.rule == "page_metadata")
        .map(|r| r.text.trim())
        .filter(|l| crate::clean::page_meta::english_label(l).is_some())
        .collect();
    let genre_text = if record.is_empty() {
        std::borrow::Cow::Borrowed(body)
    } else {
        std::borrow::Cow::Owned(format!("{}\n{body}", record.join("\n")))
    };
    let kind = classify_genre(title.as_deref(), page.title.as_deref(), &genre_text);
    warnings.extend(kind.warning());

    let base = base.or_else(|| {
        let org = crate::extract::issuer::org_from_self_references(body, gazetteer)?;
        // A level's government no place names (`省政府`) is the issuer only of a report,
        // which speaks as its issuer; a guideline or a notice speaks of governments.
        if kind.genre == Genre::Other && crate::extract::issuer::is_bare_government(&org) {
            return None;
        }
        warnings.push(format!(
            "organization read from the page's self-references ({org}): the text does not name its issuer"
        ));
        Some(org)
    });
    // `现将省政府…报告如下`: the government of a level, named elsewhere in the body.
    let base = base
        .map(|b| crate::extract::issuer::resolve_bare_government(&b, body, gazetteer).unwrap_or(b));
    // A redacted place (`*区`) names no one: no issuer, but the level it says. (A level's
    // government the body never places, `省政府`, stays as printed: the report's own name.)
    let redacted_level = base
        .as_deref()
        .filter(|b| is_redacted_place(b))
        .and_then(level_from_suffix);
    if let Some(b) = base.as_deref().filter(|_| redacted_level.is_some()) {
        warnings.push(format!(
            "the issuer's name is redacted ({b}): organization left empty"
        ));
    }
    let base = base.filter(|_| redacted_level.is_none());
    let core = base
        .as_deref()
        .and_then(|b| core_place(&crate::clean::reading::strip_glosses(b), gazetteer));
    let organization = base.as_ref().map(|base| {
        let Some(core) = core.as_deref() else {
            return base.clone();
        };
        let tail = base
            .rfind(core)
            .map_or("", |at| &base[at + core.len()..])
            .trim_matches(is_blank);
        let mut forms = printed.clone();
        forms.extend(body_extensions(body, core, tail, gazetteer));
        // Fuller forms must contain the base itself: 温岭市人民政府 is not a fuller 温岭市司法局.
        let base_squeezed = squeeze(base);
        forms
            .into_iter()
            .filter(|f| squeeze(f).contains(&base_squeezed))
            .max_by_key(|f| squeeze(f).chars().count())
            .unwrap_or_else(|| base.clone())
    });

    let place = match organization.as_deref() {
        Some(org) => {
            // The site's publisher and 来源 (和平区人民政府) name enclosing places too.
            let context: Vec<&str> = std::iter::once(body)
                .chain(
                    [&page.publisher, &page.source]
                        .into_iter()
                        .flatten()
                        .map(String::as_str),
                )
                .collect();
            gazetteer.resolve_in(org, &context)
        }
        None => PlaceResolution {
            division_match: "none".to_string(),
            warning: Some("no issuer found, so no place to resolve".to_string()),
            ..Default::default()
        },
    };
    warnings.extend(place.warning.clone());

    let department = organization.as_deref().is_some_and(is_department);
    let admin_level = organization.as_deref().and_then(|org| {
        if department {
            return Some("部门");
        }
        let stem = core
            .as_deref()
            .unwrap_or(org.split_whitespace().last().unwrap_or(org));
        match (place.level, place.place_name.as_deref()) {
            // 海滨街 is the street office 海滨街道, whatever the gazetteer's namesake (a
            // township, or a county whose short name it shares: 双塔 of 双塔区).
            _ if org.ends_with('街') => Some("街道"),
            (Some(level), Some(name)) => Some(level.admin_level(name)),
            _ => level_from_suffix(stem),
        }
    });
    // A page that never names its issuer still says what it is (`我镇`, `全县`, `我局`).
    // Or its opening sentence does, once (`2022年,我镇持续…`).
    let admin_level = admin_level
        .or(redacted_level)
        .or_else(|| crate::extract::issuer::level_from_self_references(body))
        .or_else(|| crate::extract::issuer::level_from_opening_self_reference(body, gazetteer));
    let org_short = organization
        .as_deref()
        .map(|o| org_short(o, core.as_deref(), department));
    if department && place.level == Some(DivisionLevel::Township) {
        warnings.push(
            "a department of a township government: division code is the township's".to_string(),
        );
    }

    let meta = DocMeta {
        title,
        organization,
        org_short,
        admin_level: admin_level.map(str::to_string),
        province: place.province,
        city: place.city,
        county: place.county,
        division_code: place.division_code,
        division_match: Some(place.division_match),
        report_year: year.map(|(y, _)| y),
        report_year_source: year.map(|(_, s)| s.to_string()),
        publish_date: publish,
        signed_date: signed.map(|d| d.date),
        doc_number,
        doc_kind: kind.genre.doc_kind().to_string(),
        genre: kind.genre.as_str().to_string(),
        warnings,
    };
    (meta, dates)
}

mod title;
use title::*;

#[cfg(test)]
mod tests;
