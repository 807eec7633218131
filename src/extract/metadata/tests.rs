use super::*;
use crate::gazetteer::test_gazetteer;
use crate::model::PageMeta;
use chrono::NaiveDate;
use std::path::PathBuf;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn doc(body: &str, meta: PageMeta) -> CleanDoc {
    CleanDoc {
        body: body.to_string(),
        reading: None,
        removed: Vec::new(),
        meta,
    }
}

fn meta_of(body: &str, page: PageMeta) -> (DocMeta, Vec<DateMention>) {
    extract_metadata(&doc(body, page), &[], test_gazetteer())
}

#[test]
fn departments_and_ministries_are_departments_at_every_level() {
    for (body, org) in [
        (
            "2023年,市应急管理局在市委、市政府的正确领导下,坚持依法行政。",
            "市应急管理局",
        ),
        (
            "2021年,自然资源部坚持以习近平新时代中国特色社会主义思想为指导。",
            "自然资源部",
        ),
        ("2024年,省应急管理厅始终坚持依法行政。", "省应急管理厅"),
        (
            "天津市市场监督管理委员会\n2023年法治政府建设情况报告\n2023年,我委坚持依法行政。",
            "天津市市场监督管理委员会",
        ),
        (
            "2024年,龙华区司法行政系统坚持依法行政。",
            "龙华区司法行政系统",
        ),
    ] {
        let (m, _) = meta_of(body, PageMeta::default());
        assert_eq!(m.organization.as_deref(), Some(org), "{body}");
        assert_eq!(m.admin_level.as_deref(), Some("部门"), "{body}");
    }
    // A government is not a department.
    let (m, _) = meta_of(
        "2022年,东城街道深入学习贯彻习近平法治思想。",
        PageMeta::default(),
    );
    assert_eq!(m.admin_level.as_deref(), Some("街道"));
    // A level's government no place names: the issuer of a report, not of a guideline.
    let report = "全省各级政府坚持依法行政。省政府主要负责人履行职责,全省共办理行政复议案件12件。现将2023年法治政府建设情况报告如下:\n一、主要举措";
    let (m, _) = meta_of(report, PageMeta::default());
    assert_eq!(m.organization.as_deref(), Some("省政府"));
    let guideline = "为全面规范法治政府建设年度报告工作,进一步压实全省各级政府主体责任,制定本工作指引。\n一、指导思想。全省各级政府和省政府部门按时报告,省政府统筹推进。";
    let (m, _) = meta_of(guideline, PageMeta::default());
    assert_eq!(m.genre, "other");
    assert_eq!(
        (m.organization, m.admin_level.as_deref()),
        (None, Some("省"))
    );
    // A short form in the preamble, the full one opening the body (呼中 is also a town).
    let (m, _) = meta_of(
        "呼中区教育局在区政府的正确领导下,积极推进法治政府建设工作。现将呼中教育局2025年度法治政府建设工作情况报告如下:",
        PageMeta::default(),
    );
    assert_eq!(m.organization.as_deref(), Some("呼中区教育局"));
    assert_eq!(m.county.as_deref(), Some("呼中区"));
    // A street office printed `X街`, sharing its short name with a county (双塔区).
    let (m, _) = meta_of(
        "双塔街2020年法治政府建设情况报告\n2020年,双塔街严格依法行政,街道各部门协同推进。",
        PageMeta::default(),
    );
    assert_eq!(m.organization.as_deref(), Some("双塔街"));
    assert_eq!(m.admin_level.as_deref(), Some("街道"));
}

#[test]
fn titles_wrapped_under_an_issuer_or_behind_a_doc_number() {
    let (m, _) = meta_of(
        "某市市场监督管理局\n2023年法治政府建设工作报告\n2023年,我局坚持依法行政。",
        PageMeta::default(),
    );
    assert_eq!(
        m.title.as_deref(),
        Some("某市市场监督管理局2023年法治政府建设工作报告")
    );
    let (m, _) = meta_of(
        "某市人民政府\n关于2019年度全市法治政府\n建设(依法行政)考核结果的通报\n各县(市)区人民政府:",
        PageMeta::default(),
    );
    assert_eq!(
        m.title.as_deref(),
        Some("某市人民政府关于2019年度全市法治政府建设(依法行政)考核结果的通报")
    );
    let (m, _) = meta_of(
        "[某政发〔2026〕7号]某市人民政府关于2025年法治政府建设情况的报告\n市委:",
        PageMeta::default(),
    );
    assert_eq!(
        m.title.as_deref(),
        Some("某市人民政府关于2025年法治政府建设情况的报告")
    );
}

/// The cleaned bodies of the five seed reports (GOVREPORT_BODIES, else ../bodies or
/// tests/data/bodies beside the crate).
fn bodies_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("GOVREPORT_BODIES").map(PathBuf::from),
        Some(root.join("../bodies")),
        Some(root.join("tests/data/bodies")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|d| d.join("000_77c915a9cc41d1b4.txt").exists())
        .expect("seed bodies: set GOVREPORT_BODIES or put them in ../bodies")
}

struct Expected {
    stem: &'static str,
    page: PageMeta,
    title: Option<&'static str>,
    organization: &'static str,
    admin_level: &'static str,
    report_year: i32,
    publish: Option<NaiveDate>,
    signed: Option<NaiveDate>,
    dates: Vec<(NaiveDate, DatePrecisionName)>,
    division_code: &'static str,
}

type DatePrecisionName = &'static str;

/// Organization match as the scorer does it: either contains the other once white space
/// is removed and 人民政府 is read as 政府.
fn org_matches(got: &str, gold: &str) -> bool {
    let norm = |s: &str| squeeze(s).replace("人民政府", "政府");
    let (g, w) = (norm(got), norm(gold));
    g.contains(&w) || w.contains(&g)
}

fn seeds() -> Vec<Expected> {
    vec![
        Expected {
            stem: "000_77c915a9cc41d1b4",
            page: PageMeta::default(),
            title: None,
            organization: "小营街道办事处",
            admin_level: "街道",
            report_year: 2024,
            publish: None,
            signed: None,
            dates: vec![(ymd(2024, 12, 3), "day"), (ymd(2024, 7, 1), "month")],
            division_code: "330102004",
        },
        Expected {
            stem: "001_9e571f58bb1199a2",
            page: PageMeta::default(),
            title: Some("滨海镇2022年法治政府建设年度报告"),
            organization: "温岭市滨海镇",
            admin_level: "乡镇",
            report_year: 2022,
            publish: None,
            signed: None,
            dates: vec![],
            division_code: "331081106",
        },
        Expected {
            stem: "002_40cb9ad96189bd44",
            page: PageMeta {
                publish_raw: Some("2023-12-14 17:16:02".into()),
                source: Some("海幢街".into()),
                ..Default::default()
            },
            title: Some("广州市海珠区人民政府海幢街道办事处关于2023年度法治政府建设情况的报告"),
            organization: "广州市海珠区人民政府海幢街道办事处",
            admin_level: "街道",
            report_year: 2023,
            publish: Some(ymd(2023, 12, 14)),
            signed: Some(ymd(2023, 11, 30)),
            dates: vec![
                (ymd(2023, 12, 14), "day"),
                (ymd(2023, 3, 1), "month"),
                (ymd(2023, 11, 19), "day"),
                (ymd(2023, 11, 28), "day"),
                (ymd(2023, 11, 30), "day"),
                (ymd(2023, 11, 30), "day"),
            ],
            division_code: "440105007",
        },
        Expected {
            stem: "003_acaf490cc139cbb4",
            page: PageMeta::default(),
            title: Some("中共新县金兰山街道工作委员会 新县金兰山街道办事处 关于2022年度法治政府建设工作情况的报告"),
            organization: "中共新县金兰山街道工作委员会 新县金兰山街道办事处",
            admin_level: "街道",
            report_year: 2022,
            publish: None,
            signed: None,
            dates: vec![],
            division_code: "411523001",
        },
        Expected {
            stem: "004_4ef7c2eab01ad059",
            page: PageMeta {
                publish_raw: Some("2021-01-13".into()),
                publisher: Some("和平区人民政府".into()),
                ..Default::default()
            },
            title: Some("小白楼街道办事处2020年法治政府建设情况报告"),
            organization: "天津市和平区人民政府小白楼街道办事处",
            admin_level: "街道",
            report_year: 2020,
            publish: Some(ymd(2021, 1, 13)),
            signed: None,
            dates: vec![(ymd(2021, 1, 13), "day")],
            division_code: "120101002",
        },
    ]
}

#[test]
fn title_line_forms() {
    // Seed 002: the title is line 1.
    let lines = [
        "广州市海珠区人民政府海幢街道办事处关于2023年度法治政府建设情况的报告",
        "2023年,海幢街道深入学习贯彻习近平法治思想。",
    ];
    assert_eq!(find_title(&lines).unwrap().1, 0);
    // Seed 003: red header, 文号 and 签发人 lines come first.
    let lines = [
        "中共新县金兰山街道工作委员会文件",
        "金文〔2023〕5号",
        "签发人：张健平 余志强",
        "中共新县金兰山街道工作委员会 新县金兰山街道办事处 关于2022年度法治政府建设工作情况的报告",
        "县委、县政府：",
    ];
    let (t, i) = find_title(&lines).unwrap();
    assert!(t.starts_with("中共新县金兰山街道工作委员会 新县") && i == 3);
    // Seed 000: a preamble paragraph is not a title.
    let lines = ["2024年,小营街道深入学习贯彻习近平总书记重要讲话重要指示精神,扎实推进法治政府各项工作,现将小营街道办事处2024年法治政府建设年度报告如下:", "一、2024年主要举措和突出成效"];
    assert_eq!(find_title(&lines), None);
    // A title wrapped over two lines, and an issuer line above a 关于 line.
    let lines = [
        "温岭市滨海镇人民政府关于2022年度法治政府建设",
        "情况的报告",
        "正文。",
    ];
    assert_eq!(
        find_title(&lines).unwrap().0,
        "温岭市滨海镇人民政府关于2022年度法治政府建设情况的报告"
    );
    let lines = ["温岭市司法局", "关于2022年度法治政府建设情况的报告"];
    assert_eq!(
        find_title(&lines).unwrap().0,
        "温岭市司法局关于2022年度法治政府建设情况的报告"
    );
    // HTML title with the site name after a separator.
    assert_eq!(
        title_from_page("小白楼街道办事处2020年法治政府建设情况报告_天津市和平区人民政府")
            .as_deref(),
        Some("小白楼街道办事处2020年法治政府建设情况报告")
    );
}

#[test]
fn doc_number_variants() {
    for (line, want) in [
        ("金文〔2023〕5号", "金文〔2023〕5号"),
        ("海珠府[2023]12号", "海珠府[2023]12号"),
        ("温政办(2022)3号", "温政办(2022)3号"),
        ("文号：津和政发〔2021〕1号", "津和政发〔2021〕1号"),
        ("金文〔2023〕5号  签发人：张健平", "金文〔2023〕5号"),
        ("四政函〔２０２０〕１０３号", "四政函〔２０２０〕１０３号"),
    ] {
        assert_eq!(find_doc_number(&[line]).as_deref(), Some(want), "{line}");
    }
    // A citation inside a sentence is not the document's number.
    assert_eq!(
        find_doc_number(&["依据《国务院关于加强法治政府建设的意见》(国发〔2010〕33号)"]),
        None
    );
}

#[test]
fn organization_sources() {
    assert_eq!(
        org_from_title("滨海镇2022年法治政府建设年度报告").as_deref(),
        Some("滨海镇")
    );
    assert_eq!(
        org_from_title("小白楼街道办事处2020年法治政府建设情况报告").as_deref(),
        Some("小白楼街道办事处")
    );
    assert_eq!(
        org_from_title("广州市海珠区人民政府海幢街道办事处关于2023年度法治政府建设情况的报告")
            .as_deref(),
        Some("广州市海珠区人民政府海幢街道办事处")
    );
    assert_eq!(
        org_from_title("2023年温岭市司法局法治政府建设年度报告").as_deref(),
        Some("温岭市司法局")
    );
    assert_eq!(org_from_title("关于2023年度法治政府建设情况的报告"), None);
    // A name that starts with 关 or 于 keeps it (only a leading 关于 is dropped).
    assert_eq!(
        org_from_title("关口街道2024年法治政府建设情况报告").as_deref(),
        Some("关口街道")
    );
    assert_eq!(
        org_from_title("于都县2023年法治政府建设年度报告").as_deref(),
        Some("于都县")
    );
    // Signature block (seed 002), also with the date on the same line.
    let lines = [
        "（五）完善化解社会矛盾机制。做好新形势下信访工作。",
        "广州市海珠区人民政府海幢街道办事处",
        "2023年11月30日",
    ];
    assert_eq!(
        org_from_signature(&lines, true).as_deref(),
        Some("广州市海珠区人民政府海幢街道办事处")
    );
    let lines = ["正文。", "温岭市滨海镇人民政府 2023年1月10日"];
    assert_eq!(
        org_from_signature(&lines, true).as_deref(),
        Some("温岭市滨海镇人民政府")
    );
    // A last plan item is not a signature (seed 001).
    let lines = ["3、强化行政执法监督。严格按照行政执法“三项制度”要求开展工作。"];
    assert_eq!(org_from_signature(&lines, false), None);
    // Red header (seed 003) and preamble (seed 000).
    assert_eq!(
        org_from_header(&["中共新县金兰山街道工作委员会文件", "金文〔2023〕5号"]).as_deref(),
        Some("中共新县金兰山街道工作委员会")
    );
    assert_eq!(
        org_from_preamble(
            "扎实推进法治政府各项工作,现将小营街道办事处2024年法治政府建设年度报告如下:"
        )
        .as_deref(),
        Some("小营街道办事处")
    );
    assert_eq!(
        org_from_preamble("现将我镇2022年法治政府建设情况报告如下"),
        None
    );
    assert_eq!(
        crate::extract::issuer::org_from_opening(
            "2020年小白楼街道办事处继续规范和加强基层法治建设",
            test_gazetteer()
        )
        .as_deref(),
        Some("小白楼街道办事处")
    );
}

#[test]
fn fullest_organization_from_body_titles() {
    let g = test_gazetteer();
    // Seed 004: the full form is only inside a 《》 document name.
    let body = "小白楼街道办事处2020年法治政府建设情况报告\n通过了《天津市和平区人民政府小白楼街道办事处贯彻落实〈法治政府建设实施纲要〉实施方案》。";
    let (m, _) = meta_of(body, PageMeta::default());
    assert_eq!(
        m.organization.as_deref(),
        Some("天津市和平区人民政府小白楼街道办事处")
    );
    assert_eq!(m.org_short.as_deref(), Some("小白楼街道"));
    assert_eq!(m.division_match.as_deref(), Some("exact"));
    // Seed 001: 温岭市滨海镇 inside 《》 gives both the full name and the context.
    let body = "滨海镇2022年法治政府建设年度报告\n滨海镇坚持把法治建设作为主线。对《温岭市滨海镇全域整治自愿搬迁聚集试行办法》进行合法性审查。";
    let (m, _) = meta_of(body, PageMeta::default());
    assert_eq!(m.organization.as_deref(), Some("温岭市滨海镇"));
    assert_eq!(
        (m.division_code.as_deref(), m.division_match.as_deref()),
        (Some("331081106"), Some("context"))
    );
    assert_eq!(m.county.as_deref(), Some("温岭市"));
    // An unrelated place before the name is not part of it.
    assert_eq!(
        body_extensions("在上海市滨海镇考察", "滨海镇", "", g),
        Vec::<String>::new()
    );
}

#[test]
fn ambiguous_town_without_context_warns() {
    let body =
        "滨海镇2022年法治政府建设年度报告\n2022年,滨海镇坚持把法治建设作为贯穿党委政府工作的主线。";
    let (m, _) = meta_of(body, PageMeta::default());
    assert_eq!(m.division_match.as_deref(), Some("none"));
    assert_eq!(m.division_code, None);
    assert_eq!(m.admin_level.as_deref(), Some("乡镇"));
    assert!(
        m.warnings
            .iter()
            .any(|w| w.contains("滨海镇") && w.contains("331081106")),
        "{:?}",
        m.warnings
    );
    // 小营街道: Zhejiang and Shandong; a 《浙江省…》 title decides.
    let body = "2024年,小营街道深入学习。现将小营街道办事处2024年法治政府建设年度报告如下:\n集体学习《浙江省行政合法性审查工作规定》。";
    let (m, _) = meta_of(body, PageMeta::default());
    assert_eq!(
        (m.division_code.as_deref(), m.division_match.as_deref()),
        (Some("330102004"), Some("context"))
    );
}

#[test]
fn site_publisher_is_context() {
    let body = "小营街道2023年法治政府建设年度报告\n正文。";
    let (m, _) = meta_of(body, PageMeta::default());
    assert_eq!(m.division_match.as_deref(), Some("none"));
    let page = PageMeta {
        publisher: Some("杭州市上城区人民政府".into()),
        ..Default::default()
    };
    let (m, _) = meta_of(body, page);
    assert_eq!(m.division_code.as_deref(), Some("330102004"));
}

#[test]
fn admin_levels_and_departments() {
    for (title, level, short) in [
        (
            "温岭市司法局2022年法治政府建设年度报告",
            "部门",
            "温岭市司法局",
        ),
        (
            "温岭市人民政府关于2022年度法治政府建设情况的报告",
            "区县",
            "温岭市",
        ),
        (
            "台州市人民政府关于2022年度法治政府建设情况的报告",
            "市",
            "台州市",
        ),
        (
            "浙江省人民政府关于2022年法治政府建设情况的报告",
            "省",
            "浙江省",
        ),
        (
            "杭州市上城区市场监督管理局2022年法治政府建设年度报告",
            "部门",
            "上城区市场监督管理局",
        ),
    ] {
        let (m, _) = meta_of(&format!("{title}\n正文。"), PageMeta::default());
        assert_eq!(m.admin_level.as_deref(), Some(level), "{title}");
        assert_eq!(m.org_short.as_deref(), Some(short), "{title}");
    }
    let (m, _) = meta_of(
        "温岭市司法局2022年法治政府建设年度报告\n2022年，在温岭市人民政府的领导下，温岭市司法局坚持依法行政。",
        PageMeta::default(),
    );
    assert_eq!(m.division_code.as_deref(), Some("331081"));
    assert_eq!(m.organization.as_deref(), Some("温岭市司法局"));
    let (m, _) = meta_of(
        "杭州市上城区市场监督管理局2022年法治政府建设年度报告\n正文。",
        PageMeta::default(),
    );
    assert_eq!(m.division_code.as_deref(), Some("330102"));
    assert_eq!(level_from_suffix("某某经济开发区管委会"), Some("区县"));
    assert!(!is_department("小营街道办"));
    assert!(!is_department("中共温岭市委"));
    assert!(is_department("温岭市人民政府办公室"));
    assert!(!is_department(
        "中共新县金兰山街道工作委员会 新县金兰山街道办事处"
    ));
}

#[test]
fn issuers_that_name_no_one() {
    // A redacted place gives a level but no issuer.
    let (m, _) = meta_of(
        "五年来，*区严格落实第一责任人职责，全面推进依法行政。",
        PageMeta::default(),
    );
    assert_eq!(
        (m.organization.as_deref(), m.admin_level.as_deref()),
        (None, Some("区县"))
    );
    assert!(is_redacted_place("＊＊镇人民政府"));
    assert!(!is_redacted_place("x镇") && !is_redacted_place("区") && !is_redacted_place("*"));
}

#[test]
fn report_year_rules() {
    let page = |raw: &str| PageMeta {
        publish_raw: Some(raw.to_string()),
        ..Default::default()
    };
    // Title year, even when published in December of the covered year (seed 002).
    let (m, _) = meta_of(
        "广州市海珠区人民政府海幢街道办事处关于2023年度法治政府建设情况的报告\n正文。\n广州市海珠区人民政府海幢街道办事处\n2023年11月30日",
        page("2023-12-14 17:16:02"),
    );
    assert_eq!(
        (m.report_year, m.report_year_source.as_deref()),
        (Some(2023), Some("title"))
    );
    assert_eq!(m.publish_date, Some(ymd(2023, 12, 14)));
    assert_eq!(m.signed_date, Some(ymd(2023, 11, 30)));
    // Spaces from a PDF: the preamble's issuer before a spaced year, a spaced head note.
    let (m, _) = meta_of(
        "根据有关规定要求,现将省政府 2022 年度法治政府建设情况报告如下。\n一、主要工作\n湖南省深入推进依法行政。",
        PageMeta::default(),
    );
    assert_eq!(m.report_year, Some(2022));
    assert!(m.organization.is_some());
    let (m, _) = meta_of(
        "政府工作报告\n某市市长某某(2021 年10 月25 日)\n各位代表:\n现在,我代表市人民政府,向大会报告政府工作。",
        PageMeta::default(),
    );
    assert_eq!(m.report_year, Some(2021));
    // Digits set full width: the opening's year, the signature's date.
    let (m, _) = meta_of(
        "乡镇法治政府建设工作总结\n２０１９ 年以来,我镇始终坚持依法行政。\n某某镇人民政府\n２０１９年１２月２０日",
        PageMeta::default(),
    );
    assert_eq!(
        (m.report_year, m.report_year_source.as_deref()),
        (Some(2019), Some("body"))
    );
    assert_eq!(m.signed_date, Some(ymd(2019, 12, 20)));
    // Body: the preamble names the report (seed 000), or the first 一、 heading does.
    let (m, _) = meta_of("今年以来,小营街道扎实推进法治政府各项工作,现将小营街道办事处2024年法治政府建设年度报告如下:\n一、主要举措", PageMeta::default());
    assert_eq!(
        (m.report_year, m.report_year_source.as_deref()),
        (Some(2024), Some("body"))
    );
    let (m, _) = meta_of(
        "关于法治政府建设情况的报告\n一、2024年主要举措和突出成效\n二、2025年主要安排",
        page("2025-06-01"),
    );
    assert_eq!(
        (m.report_year, m.report_year_source.as_deref()),
        (Some(2024), Some("body"))
    );
    // A plan heading's year is not the report year; a March publish date is.
    let (m, _) = meta_of(
        "关于法治政府建设情况的报告\n一、主要举措\n二、2025年工作安排",
        page("2025-03-05"),
    );
    assert_eq!(
        (m.report_year, m.report_year_source.as_deref()),
        (Some(2024), Some("publish_date"))
    );
    // No year of its own: the year of the work plan the opening implements; a plan cited
    // further down (next year's) does not count.
    let (m, _) = meta_of(
        "为贯彻落实县委、县政府《2024年全县法治政府建设工作要点》精神，我镇坚持依法行政，现将有关情况报告如下：\n一、主要举措",
        PageMeta::default(),
    );
    assert_eq!(
        (m.report_year, m.report_year_source.as_deref()),
        (Some(2024), Some("body"))
    );
    let far = format!(
        "我镇坚持依法行政。\n一、主要举措\n{}\n二、下一步按照《2026年法治政府建设工作要点》推进",
        "开展普法宣传。".repeat(100)
    );
    assert_eq!(meta_of(&far, PageMeta::default()).0.report_year, None);
    // The year whose work the opening reviews, not the year it deploys; glosses aside.
    let (m, _) = meta_of(
        "3月2日,某县司法局召开全县司法行政工作会议,回顾总结(jié)2023年工作,部署2024年工作。",
        PageMeta::default(),
    );
    assert_eq!(
        (m.report_year, m.report_year_source.as_deref()),
        (Some(2023), Some("body"))
    );
    // A speech dated in its head note: the year delivered, or the one before in January–April
    // (a work report to the spring congress covers the year before).
    for (note, year) in [("(2021年10月25日)", 2021), ("（2024年1月15日）", 2023)] {
        let text = format!(
            "政府工作报告\n在某市第十五届人民代表大会第一次会议上\n某市市长某某{note}\n各位代表:\n现在,我代表市人民政府,向大会报告政府工作,请予审议。"
        );
        assert_eq!(
            meta_of(&text, PageMeta::default()).0.report_year,
            Some(year),
            "{note}"
        );
    }
    // A date in the text is no head note.
    let (m, _) = meta_of(
        "政府工作报告\n各位代表:过去一年,我们扎实推进各项工作,全面完成年度目标任务,经济社会持续健康发展(2021年10月25日)",
        PageMeta::default(),
    );
    assert_eq!(m.report_year, None);
    // Published in December with no year in the text: unknown, with a warning.
    let (m, _) = meta_of("关于法治政府建设情况的报告\n正文。", page("2023-12-14"));
    assert_eq!(m.report_year, None);
    assert!(!m.warnings.is_empty());
}

#[test]
fn document_kinds() {
    let (m, _) = meta_of(
        "温岭市司法局2022年政府信息公开工作年度报告\n正文。",
        PageMeta::default(),
    );
    assert_eq!(m.doc_kind, "other");
    assert_eq!(m.genre, "info_disclosure_annual");
    assert!(
        m.warnings
            .iter()
            .any(|w| w.contains("genre info_disclosure_annual") && w.contains("信息公开")),
        "{:?}",
        m.warnings
    );
    let (m, _) = meta_of("2023年温岭市政府工作报告\n各位代表：", PageMeta::default());
    assert_eq!(m.doc_kind, "other");
    assert_eq!(m.genre, "government_work_report");
    let (m, _) = meta_of(
        "本报讯（记者 张三）近日，我区召开法治政府建设工作推进会。",
        PageMeta::default(),
    );
    assert_eq!(m.doc_kind, "other");
    assert!(
        m.warnings.iter().any(|w| w.contains("news")),
        "{:?}",
        m.warnings
    );
    let (m, _) = meta_of(
        "温岭市2022年依法行政暨法治政府工作报告\n正文。",
        PageMeta::default(),
    );
    assert_eq!(m.doc_kind, "rol_annual");
    assert_eq!(m.genre, "rol_annual");
}

#[test]
fn head_chars_counts_characters() {
    let text = "2023年,a🙂𠀀海幢街道\n".repeat(40);
    for s in ["", "a", "海", text.as_str(), &text[..61], &text[..64]] {
        for n in [0, 1, 2, 30, 63, 64, 65, 120, 200, 500, 5000] {
            let want = s.char_indices().nth(n).map_or(s, |(b, _)| &s[..b]);
            assert_eq!(head_chars(s, n), want, "{n} chars of {s}");
        }
    }
}

#[test]
fn odd_input_does_not_panic() {
    let page = PageMeta {
        publish_raw: Some("🙂".into()),
        written_raw: Some("2023-02-30".into()),
        source: Some("\u{a0}".into()),
        title: Some("_|报告".into()),
        ..Default::default()
    };
    for body in [
        "",
        "\n",
        "报告",
        "\u{feff}\u{0}🙂𠀀",
        "关于\n文件\n现将",
        "中共文件\n〔2023〕号\n现将我2023年",
        "人民政府\n2023年11月30日",
        "2023年",
        "年年年月月日日\n\n\n",
    ] {
        let (m, dates) = meta_of(body, page.clone());
        assert!(!m.doc_kind.is_empty());
        assert!(dates.iter().all(|d| d.date_id >= 1));
        let (m, _) = meta_of(body, PageMeta::default());
        assert!(!m.doc_kind.is_empty());
    }
}

#[test]
fn five_seed_bodies() {
    let dir = bodies_dir();
    let (mut matched, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for e in seeds() {
        let body = std::fs::read_to_string(dir.join(format!("{}.txt", e.stem))).unwrap();
        let (m, dates) = meta_of(&body, e.page.clone());
        eprintln!("{}: {m:?}", e.stem);
        for d in &dates {
            eprintln!(
                "   {} {} {} {}",
                d.raw,
                d.date,
                d.precision.as_str(),
                d.role.as_str()
            );
        }
        assert_eq!(m.title.as_deref(), e.title, "{} title", e.stem);
        let org = m.organization.as_deref().unwrap_or("");
        assert!(
            org_matches(org, e.organization),
            "{} organization {org}",
            e.stem
        );
        assert_eq!(
            m.admin_level.as_deref(),
            Some(e.admin_level),
            "{} admin_level",
            e.stem
        );
        assert_eq!(m.report_year, Some(e.report_year), "{} report_year", e.stem);
        assert_eq!(m.publish_date, e.publish, "{} publish_date", e.stem);
        assert_eq!(m.signed_date, e.signed, "{} signed_date", e.stem);
        assert_eq!(
            m.division_code.as_deref(),
            Some(e.division_code),
            "{} division",
            e.stem
        );
        assert_eq!(m.doc_kind, "rol_annual", "{}", e.stem);
        assert_eq!(m.genre, "rol_annual", "{}", e.stem);
        // Dates: multiset match on (date, precision).
        let mut left: Vec<(NaiveDate, &str)> = e.dates.clone();
        for d in &dates {
            if let Some(i) = left
                .iter()
                .position(|g| *g == (d.date, d.precision.as_str()))
            {
                left.remove(i);
                matched += 1;
            }
        }
        predicted += dates.len();
        gold += e.dates.len();
    }
    let p = matched as f64 / predicted.max(1) as f64;
    let r = matched as f64 / gold.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
    eprintln!("dates P={p:.3} R={r:.3} F1={f1:.3}");
    assert!(f1 >= 0.9, "dates F1 {f1:.3}");
}

#[test]
fn a_title_run_into_the_opening_sentence() {
    let body = "某某文库网页说明，供大家参考。\n\
                镇 法治政府建设 工作总结 2021 年以来，我镇坚持依法行政，全镇干部学法。\n\
                一、主要举措";
    let m = meta_of(body, PageMeta::default()).0;
    assert_eq!(m.title.as_deref(), Some("镇 法治政府建设 工作总结"));
    assert_eq!(m.report_year, Some(2021));
    // A sharing site's chunk number before the title; the title's placeless issuer takes
    // its place from the opening.
    let body =
        "1、县司法局2022年法治政府建设情况报告2022年，某某县司法局在县委领导下推进依法行政。";
    let m = meta_of(body, PageMeta::default()).0;
    assert_eq!(
        m.title.as_deref(),
        Some("县司法局2022年法治政府建设情况报告")
    );
    assert_eq!(m.organization.as_deref(), Some("某某县司法局"));
    // An ending that no year follows is no run-in title.
    let body = "法治政府建设工作总结表彰大会召开，2022年度先进单位名单公布。";
    assert_eq!(meta_of(body, PageMeta::default()).0.title, None);
}

/// Issuers across the whole gazetteer, not only the names of the sample reports: a seeded
/// sample of 1,000 counties, cities and towns, each named in a title or an opening as a
/// government or a department, must come back whole, at its level, and never placed in
/// another division (an ambiguous name may stay unplaced).
#[test]
fn issuers_across_the_gazetteer() {
    let g = test_gazetteer();
    let mut rng = fastrand::Rng::with_seed(18);
    let departments = [
        "司法局",
        "教育局",
        "应急管理局",
        "卫生健康委员会",
        "市场监督管理局",
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    while checked < 1000 {
        let d = g.division(rng.usize(..g.len()));
        if d.placeholder || d.level == DivisionLevel::Province {
            continue;
        }
        let (org, level) = match d.level {
            DivisionLevel::Township if d.name.ends_with("街道") => {
                (format!("{}办事处", d.name), "街道")
            }
            DivisionLevel::Township if d.name.ends_with(['镇', '乡']) => {
                (format!("{}人民政府", d.name), "乡镇")
            }
            DivisionLevel::Township => continue,
            _ if rng.bool() => (
                format!("{}{}", d.name, departments[rng.usize(..departments.len())]),
                "部门",
            ),
            DivisionLevel::City => (format!("{}人民政府", d.name), "市"),
            _ => (format!("{}人民政府", d.name), "区县"),
        };
        let body = if rng.bool() {
            format!("{org}关于2023年度法治政府建设情况的报告\n2023年，{org}坚持依法行政。\n一、主要举措和成效")
        } else {
            format!("2023年，{org}坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政。\n一、主要举措和成效")
        };
        checked += 1;
        let (m, _) = meta_of(&body, PageMeta::default());
        let placed_elsewhere = m
            .division_code
            .as_deref()
            .is_some_and(|c| c != d.code && !d.code.starts_with(c));
        if m.organization.as_deref() != Some(org.as_str())
            || m.admin_level.as_deref() != Some(level)
            || placed_elsewhere
        {
            failures.push(format!(
                "{org} ({}): {:?} {:?} {:?}",
                d.code, m.organization, m.admin_level, m.division_code
            ));
        }
    }
    assert!(
        failures.len() <= 4,
        "{} of 1000: {failures:#?}",
        failures.len()
    );
}
