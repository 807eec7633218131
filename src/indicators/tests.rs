//! Tests of the taxonomy: its file, the codes of each family, breakdowns.

use super::*;
use crate::model::{Qualifier, QuantityKind};

const TAXONOMY: &str = include_str!("../../pipelines/indicators.toml");

fn taxonomy() -> Taxonomy {
    match Taxonomy::parse(TAXONOMY) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

fn kind_of(unit: &str) -> QuantityKind {
    match unit {
        "元" => QuantityKind::Money,
        "平方米" => QuantityKind::Area,
        "%" => QuantityKind::Percent,
        "个百分点" => QuantityKind::PercentagePoint,
        "天" => QuantityKind::Duration,
        "" => QuantityKind::Other,
        _ => QuantityKind::Count,
    }
}

/// Facts of one sentence starting at body offset `base`: each `(raw, value, unit,
/// metric)` is located in the sentence after the previous one.
fn sentence_facts(base: usize, sentence: &str, specs: &[(&str, f64, &str, &str)]) -> Vec<Fact> {
    let mut from = 0;
    specs
        .iter()
        .enumerate()
        .map(|(i, &(raw, value, unit, metric))| {
            let byte = sentence[from..].find(raw).expect("raw in sentence") + from;
            from = byte + raw.len();
            let start = base + sentence[..byte].chars().count();
            Fact {
                fact_id: i as i32 + 1,
                section_id: None,
                raw: raw.to_string(),
                value,
                unit: Some(unit.to_string()),
                value_normalized: value,
                unit_normalized: unit.to_string().into(),
                quantity_kind: kind_of(unit),
                qualifier: Qualifier::Exact,
                value_high: None,
                metric: (!metric.is_empty()).then(|| metric.to_string()),
                indicator: None,
                relation: crate::model::Relation::Level,
                breakdown_of: None,
                as_of_date: None,
                sentence: sentence.into(),
                char_start: start,
                char_end: start + raw.chars().count(),
            }
        })
        .collect()
}

fn one(unit: &str, metric: &str, sentence: &str) -> Fact {
    let mut f = sentence_facts(0, "1", &[("1", 1.0, unit, metric)]).remove(0);
    f.sentence = sentence.into();
    f
}

fn code(t: &Taxonomy, unit: &str, metric: &str, sentence: &str) -> Option<String> {
    t.classify(&one(unit, metric, sentence)).map(str::to_owned)
}

#[test]
fn facts_sharing_a_sentence_are_classified_as_each_alone() {
    let t = taxonomy();
    let cases = "全年立案查处案件120件，案件办结率98%，群众满意成功率95%。";
    let disputes = "全年排查化解矛盾纠纷300件，成功率99%。";
    let mut facts = sentence_facts(
        0,
        cases,
        &[
            ("120件", 120.0, "件", "立案查处案件"),
            ("98%", 98.0, "%", "案件办结率"),
            ("95%", 95.0, "%", "群众满意成功率"),
        ],
    );
    facts.extend(sentence_facts(
        40,
        disputes,
        &[("99%", 99.0, "%", "成功率")],
    ));
    let alone: Vec<Option<String>> = facts
        .iter()
        .map(|f| t.classify(f).map(str::to_owned))
        .collect();
    t.assign(&mut facts);
    let assigned: Vec<Option<String>> = facts.iter().map(|f| f.indicator.clone()).collect();
    assert_eq!(assigned, alone);
    assert_eq!(assigned[1].as_deref(), Some("enforcement.closure_rate"));
    // 成功率 needs 调解/纠纷 in its sentence: not in the first, present in the second.
    assert_eq!(assigned[2], None);
    assert_eq!(assigned[3].as_deref(), Some("mediation.success_rate"));
}

#[test]
fn real_file_has_every_code_of_indicators_md() {
    let t = taxonomy();
    let wanted = [
        "enforcement.cases_filed",
        "enforcement.cases_simple",
        "enforcement.cases_ordinary",
        "enforcement.fines",
        "enforcement.compulsory_measures",
        "enforcement.inspections",
        "enforcement.closure_rate",
        "enforcement.disclosure_rate",
        "enforcement.certified_officers",
        "enforcement.demolished_illegal_buildings",
        "legality_review.contracts",
        "legality_review.documents",
        "legality_review.major_decisions",
        "legality_review.legal_opinions",
        "reconsideration.cases",
        "litigation.cases",
        "litigation.head_appearance_rate",
        "litigation.loss_rate",
        "mediation.disputes",
        "mediation.success_rate",
        "mediation.amount",
        "petitions.cases",
        "petitions.closure_rate",
        "hotline.tickets",
        "hotline.dissatisfaction_rate",
        "wage_arrears.recovered",
        "wage_arrears.workers",
        "legal_study.sessions",
        "legal_training.sessions",
        "legal_publicity.events",
        "legal_publicity.materials",
        "legal_aid.consultations",
        "legal_advisor.cases",
        "disclosure.items",
        "gov_service.visitors",
        "gov_service.on_time_rate",
        "fire_safety.hazards_fixed",
        "grid.units",
        "discipline.cases",
    ];
    for c in wanted {
        assert!(t.get(c).is_some(), "{c} missing from indicators.toml");
    }
    assert_eq!(t.codes().count(), wanted.len());
    assert_eq!(t.codes().next(), Some("enforcement.cases_filed"));
    assert_eq!(t.panel_unit("enforcement.fines"), Some("元"));
    assert_eq!(t.panel_unit("enforcement.cases_filed"), Some("件"));
    assert_eq!(t.aggregate("enforcement.fines"), Some(Aggregate::Sum));
    assert_eq!(
        t.aggregate("enforcement.closure_rate"),
        Some(Aggregate::First)
    );
    assert_eq!(t.label("discipline.cases"), Some("违纪立案数"));
    assert_eq!(t.panel_unit("no.such"), None);
    // Rates are never summed.
    for ind in t.indicators() {
        if ind.units().iter().any(|u| u == "%") {
            assert_eq!(ind.aggregate(), Aggregate::First, "{}", ind.code());
        }
    }
}

#[test]
fn each_family_gets_its_code() {
    let t = taxonomy();
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "件",
            "立案查处",
            "共计立案查处390件",
            "enforcement.cases_filed",
        ),
        (
            "元",
            "处罚款金额",
            "共处罚款金额136161元",
            "enforcement.fines",
        ),
        (
            "件",
            "实施行政强制措施",
            "实施行政强制措施8件",
            "enforcement.compulsory_measures",
        ),
        (
            "间次",
            "检查各类场所",
            "检查各类场所47083间次",
            "enforcement.inspections",
        ),
        ("%", "执结率", "执结率87.5%", "enforcement.closure_rate"),
        ("%", "公示率", "公示率98.3%", "enforcement.disclosure_rate"),
        (
            "名",
            "持有执法证人员",
            "持有执法证人员56名",
            "enforcement.certified_officers",
        ),
        (
            "宗",
            "拆除违法建设",
            "累计拆除违法建设105宗",
            "enforcement.demolished_illegal_buildings",
        ),
        (
            "份",
            "审查合同",
            "共审查合同247份",
            "legality_review.contracts",
        ),
        (
            "件",
            "重大行政决策事项",
            "重大行政决策事项1件",
            "legality_review.major_decisions",
        ),
        (
            "份",
            "区委报备规范性文件",
            "向区委报备规范性文件4份",
            "legality_review.documents",
        ),
        (
            "条",
            "提供法律意见",
            "提供法律意见98条",
            "legality_review.legal_opinions",
        ),
        (
            "件",
            "办理行政复议案件",
            "办理行政复议案件12件",
            "reconsideration.cases",
        ),
        (
            "起",
            "小白楼街道涉及行政诉讼案件",
            "涉及行政诉讼案件3起",
            "litigation.cases",
        ),
        (
            "%",
            "行政机关负责人出庭应诉率",
            "负责人出庭应诉率100%",
            "litigation.head_appearance_rate",
        ),
        ("%", "败诉率", "败诉率为0%", "litigation.loss_rate"),
        (
            "起",
            "排查化解矛盾纠纷",
            "排查化解矛盾纠纷 100 余起",
            "mediation.disputes",
        ),
        ("%", "调解成功率", "调解成功率98%", "mediation.success_rate"),
        (
            "宗",
            "受理各类信访案件",
            "受理各类信访案件271宗",
            "petitions.cases",
        ),
        (
            "%",
            "信访案件受理办结率",
            "信访案件受理办结率保持100%",
            "petitions.closure_rate",
        ),
        (
            "条",
            "办结12345平台工单",
            "办结12345平台工单5571条",
            "hotline.tickets",
        ),
        (
            "%",
            "不满意率",
            "不满意率为8.7%",
            "hotline.dissatisfaction_rate",
        ),
        (
            "元",
            "员工追回欠薪",
            "为223名员工追回欠薪231.2045万元",
            "wage_arrears.recovered",
        ),
        (
            "名",
            "员工追回欠薪",
            "为223名员工追回欠薪231.2045万元",
            "wage_arrears.workers",
        ),
        (
            "次",
            "开展集中学法",
            "开展集中学法 4 次",
            "legal_study.sessions",
        ),
        (
            "期",
            "开展社区干部法治教育培训",
            "开展社区干部法治教育培训 2 期",
            "legal_training.sessions",
        ),
        (
            "次",
            "进校园普法",
            "进校园普法2次",
            "legal_publicity.events",
        ),
        (
            "份",
            "发放各种宣传资料",
            "发放各种宣传资料4000份",
            "legal_publicity.materials",
        ),
        (
            "人次",
            "解答法律咨询",
            "解答法律咨询158人次",
            "legal_aid.consultations",
        ),
        (
            "件",
            "法律顾问参与处理涉法事务",
            "法律顾问参与处理涉法事务30件",
            "legal_advisor.cases",
        ),
        (
            "条",
            "主动公开党务政务信息",
            "主动公开党务政务信息180多条",
            "disclosure.items",
        ),
        (
            "人次",
            "接待群众",
            "海幢街综合服务中心接待群众超14000人次",
            "gov_service.visitors",
        ),
        (
            "%",
            "事项按时办结率",
            "事项按时办结率为100%",
            "gov_service.on_time_rate",
        ),
        (
            "条",
            "发现并整改隐患",
            "发现并整改隐患29887条",
            "fire_safety.hazards_fixed",
        ),
        ("个", "设立网格", "设立87个网格", "grid.units"),
        ("宗", "违纪立案", "违纪立案3宗", "discipline.cases"),
    ];
    for &(unit, metric, sentence, want) in cases {
        assert_eq!(
            code(&t, unit, metric, sentence).as_deref(),
            Some(want),
            "{metric} {unit}"
        );
    }
}

#[test]
fn precedence_prefers_the_specific_code() {
    let t = taxonomy();
    let s = "共计立案查处390件(其中简易程序110件,普通程序280件)";
    // 简易程序 (precedence 30) beats the generic 立案 family (10).
    assert_eq!(
        code(&t, "件", "立案简易程序", s).as_deref(),
        Some("enforcement.cases_simple")
    );
    assert_eq!(
        code(&t, "件", "普通程序", s).as_deref(),
        Some("enforcement.cases_ordinary")
    );
    // 审查合同 is a contract review, not the generic 审查.
    assert_eq!(
        code(&t, "份", "审查合同", "共审查合同247份").as_deref(),
        Some("legality_review.contracts")
    );
}

#[test]
fn exclude_words_block_a_code() {
    let t = taxonomy();
    let s = "坚持抓早抓小,开展提醒谈话164人次,违纪立案3宗。";
    assert_eq!(
        code(&t, "宗", "违纪立案", s).as_deref(),
        Some("discipline.cases")
    );
    // 立案撤销 is not a filed case; 不满意工单 is not the ticket count.
    assert_eq!(code(&t, "件", "立案撤销", "立案撤销8件"), None);
    assert_eq!(code(&t, "条", "不满意工单数", "不满意工单数为486条"), None);
    // Exam takers do not hold the certificate yet.
    assert_eq!(
        code(
            &t,
            "名",
            "发动街道年轻事业编人员参加执法证考试",
            "参加执法证考试16名"
        ),
        None
    );
}

#[test]
fn sentence_cues_disambiguate_the_metric() {
    let t = taxonomy();
    let mediation = "今年,共成功调解案件总数为263宗,涉及金额316.38万元。";
    let labour = "处理案件总数137宗,涉及金额337.1857万元,为223名员工追回欠薪231.2045万元。";
    assert_eq!(
        code(&t, "元", "涉及金额", mediation).as_deref(),
        Some("mediation.amount")
    );
    assert_eq!(code(&t, "元", "涉及金额", labour), None);
    // 学习 is legal study only in a sentence about law.
    assert_eq!(
        code(
            &t,
            "次",
            "中心组集中研讨",
            "开展习近平法治思想学习,中心组集中研讨9次"
        )
        .as_deref(),
        Some("legal_study.sessions")
    );
    assert_eq!(
        code(
            &t,
            "次",
            "“第一议题”学习",
            "“第一议题”学习22次,中心组集中研讨9次"
        ),
        None
    );
    // 办结率 of 12345 tickets is not a case closure rate.
    assert_eq!(
        code(&t, "%", "办结率", "办结12345平台工单5571条,办结率100%"),
        None
    );
    assert_eq!(
        code(&t, "%", "办结率", "受理各类信访案件271宗,办结率100%").as_deref(),
        Some("petitions.closure_rate")
    );
}

#[test]
fn unit_must_fit() {
    let t = taxonomy();
    assert_eq!(code(&t, "元", "立案查处", "立案查处390元"), None);
    assert_eq!(
        code(&t, "个", "挖掘社区的调解志愿者", "挖掘12个社区的调解志愿者"),
        None
    );
    assert_eq!(code(&t, "", "立案", "立案"), None);
    let mut no_metric = one("件", "", "立案390件");
    no_metric.metric = None;
    assert_eq!(t.classify(&no_metric), None);
}

#[test]
fn breakdown_in_brackets_after_qizhong() {
    let t = taxonomy();
    let s = "今年以来,共计立案查处390件(其中简易程序110件,普通程序280件、立案撤销8件),\
             实施行政强制措施8件,共处罚款金额136161元,执结率87.5%。";
    let mut facts = sentence_facts(
        505,
        s,
        &[
            ("390件", 390.0, "件", "立案查处"),
            ("110件", 110.0, "件", "简易程序"),
            ("280件", 280.0, "件", "普通程序"),
            ("8件", 8.0, "件", "立案撤销"),
            ("8件", 8.0, "件", "实施行政强制措施"),
            ("136161元", 136161.0, "元", "处罚款金额"),
            ("87.5%", 87.5, "%", "执结率"),
        ],
    );
    t.assign(&mut facts);
    let parts: Vec<Option<i32>> = facts.iter().map(|f| f.breakdown_of).collect();
    assert_eq!(parts, [None, Some(1), Some(1), Some(1), None, None, None]);
    assert_eq!(
        facts[1].indicator.as_deref(),
        Some("enforcement.cases_simple")
    );
    assert_eq!(
        facts[0].indicator.as_deref(),
        Some("enforcement.cases_filed")
    );
    assert_eq!(facts[3].indicator, None);
    assert_eq!(
        facts[4].indicator.as_deref(),
        Some("enforcement.compulsory_measures")
    );
}

#[test]
fn breakdown_after_comma_until_clause_end() {
    let t = taxonomy();
    let s = "街道综合行政执法部门立案118宗,其中城管类111宗,住建4宗;检查场所50次。";
    let mut facts = sentence_facts(
        10,
        s,
        &[
            ("118宗", 118.0, "宗", "街道综合行政执法部门立案"),
            ("111宗", 111.0, "宗", "城管类"),
            ("4宗", 4.0, "宗", "住建"),
            ("50次", 50.0, "次", "检查场所"),
        ],
    );
    t.assign(&mut facts);
    let parts: Vec<Option<i32>> = facts.iter().map(|f| f.breakdown_of).collect();
    assert_eq!(parts, [None, Some(1), Some(1), None]);
}

#[test]
fn no_breakdown_without_marker_or_family() {
    let t = taxonomy();
    let s = "受理各类信访案件271宗,已办结266宗,正在办理中5宗,信访案件受理办结率保持100%。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("271宗", 271.0, "宗", "受理各类信访案件"),
            ("266宗", 266.0, "宗", "办结"),
            ("5宗", 5.0, "宗", "正在办理中"),
            ("100%", 100.0, "%", "信访案件受理办结率"),
        ],
    );
    t.assign(&mut facts);
    assert!(facts.iter().all(|f| f.breakdown_of.is_none()));

    // Money is no part of a count, a part larger than the total is no part, and
    // 含量 is no marker.
    let s = "检查企业120家,其中罚款30万元、发现问题50处,含量超标企业3家。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("120家", 120.0, "家", "检查企业"),
            ("30万元", 300000.0, "元", "罚款"),
            ("50处", 50.0, "处", "发现问题"),
            ("3家", 3.0, "家", "含量超标企业"),
        ],
    );
    t.assign(&mut facts);
    let parts: Vec<Option<i32>> = facts.iter().map(|f| f.breakdown_of).collect();
    assert_eq!(parts, [None, None, None, Some(1)]);

    let s = "办理案件10件(含简易程序30件)。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("10件", 10.0, "件", "办理案件"),
            ("30件", 30.0, "件", "简易程序"),
        ],
    );
    t.assign(&mut facts);
    assert_eq!(facts[1].breakdown_of, None);
}

#[test]
fn nested_breakdowns_and_han_marker() {
    let s = "共立案390件(其中简易程序110件(含当场处罚50件),普通程序280件)。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("390件", 390.0, "件", "共立案"),
            ("110件", 110.0, "件", "简易程序"),
            ("50件", 50.0, "件", "当场处罚"),
            ("280件", 280.0, "件", "普通程序"),
        ],
    );
    mark_breakdowns(&mut facts);
    let parts: Vec<Option<i32>> = facts.iter().map(|f| f.breakdown_of).collect();
    assert_eq!(parts, [None, Some(1), Some(2), Some(1)]);
}

#[test]
fn breakdowns_survive_odd_input() {
    let t = taxonomy();
    // Offsets that do not fit the sentence, empty raw, unsorted facts: no panic, no part.
    let s = "立案390件,其中简易程序110件。";
    let mut facts = sentence_facts(
        3,
        s,
        &[
            ("390件", 390.0, "件", "立案"),
            ("110件", 110.0, "件", "简易程序"),
        ],
    );
    facts.swap(0, 1);
    t.assign(&mut facts);
    assert_eq!(facts[0].breakdown_of, Some(1));
    facts[0].char_start = 1000;
    facts[0].char_end = 2;
    facts[1].raw.clear();
    t.assign(&mut facts);
    facts[0].sentence = "".into();
    facts[1].sentence = "".into();
    t.assign(&mut facts);
    assert!(facts.iter().all(|f| f.breakdown_of.is_none()));
    t.assign(&mut []);
}

// ---------------------------------------------------------------- validation errors

const GOOD_ENTRY: &str = "[[indicator]]\ncode = \"a.b\"\nlabel = \"L\"\nunits = [\"件\"]\n\
                          cues = [\"立案\"]\naggregate = \"sum\"\n";

fn parse_err(text: &str) -> String {
    match Taxonomy::parse(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

/// Asserts the error names `indicators.toml line N` and contains `needle`.
fn assert_err(text: &str, line: usize, needle: &str) {
    let e = parse_err(text);
    assert!(
        e.starts_with(&format!("indicators.toml line {line}: ")),
        "wrong line in {e:?} (want {line})"
    );
    assert!(e.contains(needle), "{e:?} lacks {needle:?}");
}

#[test]
fn good_minimal_file_parses() {
    let t = Taxonomy::parse(&format!("version = 1\n\n{GOOD_ENTRY}")).expect("parses");
    assert_eq!(t.codes().collect::<Vec<_>>(), ["a.b"]);
    assert_eq!(t.get("a.b").map(Indicator::line), Some(4));
    assert_eq!(t.version(), 1);
}

#[test]
fn validation_errors_name_the_line() {
    let v = "version = 1\n\n";
    // Lines 1-2: version, 3-8: good entry, 9: blank; the bad entry's header is line 10,
    // its code line 11, label 12, units 13, cues 14, aggregate 15, an extra key 16.
    let with = |bad: &str| format!("{v}{GOOD_ENTRY}\n{bad}");
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\ncolour = \"red\"\n"),
        16,
        "unknown field `colour`",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        11,
        "empty code",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.b\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        11,
        "indicator \"a.b\": duplicate code (first defined on line 4)",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"enforcement.fines\"\nlabel = \"L\"\nunits = []\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        13,
        "indicator \"enforcement.fines\": units is empty",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = []\naggregate = \"sum\"\n"),
        14,
        "cues is empty",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\", \"\"]\naggregate = \"sum\"\n"),
        14,
        "cues contains an empty string",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"mean\"\n"),
        15,
        "unknown aggregate \"mean\"",
    );
    for bad in [
        "Enforcement.fines",
        "enforcement",
        "a.b.c",
        "a-b.c",
        "a.",
        "费.x",
        "1a.b",
    ] {
        assert_err(
            &with(&format!("[[indicator]]\ncode = \"{bad}\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\n")),
            11,
            "code must look like family.name",
        );
    }
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \" \"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        12,
        "label is empty",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"%\"]\ncues = [\"x\"]\ncontext_cues = [\"y\"]\naggregate = \"first\"\n"),
        15,
        "context_cues needs sentence_cues",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"%\"]\ncues = [\"x\"]\nsentence_cues = [\"y\"]\naggregate = \"first\"\n"),
        15,
        "sentence_cues needs context_cues",
    );
    // Missing required key: toml points at the entry's header.
    assert_err(
        &with(
            "[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\naggregate = \"sum\"\n",
        ),
        10,
        "missing field `cues`",
    );
    // Syntax errors and wrong types carry toml's own position.
    assert_err(
        &with("[[indicator]\ncode = \"a.c\"\n"),
        10,
        "unclosed array table",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = \"件\"\ncues = [\"x\"]\naggregate = \"sum\"\n"),
        13,
        "expected a sequence",
    );
    assert_err(
        &with("[[indicator]]\ncode = \"a.c\"\nlabel = \"L\"\nunits = [\"件\"]\ncues = [\"x\"]\naggregate = \"sum\"\nprecedence = \"high\"\n"),
        16,
        "expected i32",
    );
    assert_err("version = 2\n", 1, "version 2 is not supported");
    assert_err("\n\nversion = 1\n", 1, "no [[indicator]] entries");
    assert_err("", 1, "missing field `version`");
    assert_err(
        &format!("{v}wrong = 1\n{GOOD_ENTRY}"),
        3,
        "unknown field `wrong`",
    );
    let named = Taxonomy::parse_named("version = 3\n", "pipelines/indicators.toml");
    assert!(named.is_err_and(|e| e.starts_with("pipelines/indicators.toml line 1: ")));
}

// ---------------------------------------------------------------- seed facts

/// Minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn kind_from_name(name: &str) -> QuantityKind {
    match name {
        "money" => QuantityKind::Money,
        "area" => QuantityKind::Area,
        "length" => QuantityKind::Length,
        "mass" => QuantityKind::Mass,
        "duration" => QuantityKind::Duration,
        "percent" => QuantityKind::Percent,
        "percentage_point" => QuantityKind::PercentagePoint,
        "count" => QuantityKind::Count,
        _ => QuantityKind::Other,
    }
}

/// The seed facts, one Vec per document, in file order.
fn seed_docs() -> Vec<(String, Vec<Fact>)> {
    let rows = read_csv(include_str!("../../tests/data/seed_facts.csv"));
    let header = &rows[0];
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let (doc, id, raw, value, unit, vn, un, kind, metric, sentence, cs, ce) = (
        col("doc_id"),
        col("fact_id"),
        col("raw"),
        col("value"),
        col("unit"),
        col("value_normalized"),
        col("unit_normalized"),
        col("quantity_kind"),
        col("metric"),
        col("sentence"),
        col("char_start"),
        col("char_end"),
    );
    let mut docs: Vec<(String, Vec<Fact>)> = Vec::new();
    for r in &rows[1..] {
        let num = |i: usize| r[i].trim().parse::<f64>().unwrap_or(f64::NAN);
        let fact = Fact {
            fact_id: r[id].parse().expect("fact_id"),
            section_id: None,
            raw: r[raw].clone(),
            value: num(value),
            unit: (!r[unit].is_empty()).then(|| r[unit].clone()),
            value_normalized: num(vn),
            unit_normalized: r[un].clone().into(),
            quantity_kind: kind_from_name(&r[kind]),
            qualifier: Qualifier::Exact,
            value_high: None,
            metric: (!r[metric].is_empty()).then(|| r[metric].clone()),
            indicator: None,
            relation: crate::model::Relation::Level,
            breakdown_of: None,
            as_of_date: None,
            sentence: r[sentence].as_str().into(),
            char_start: r[cs].parse().expect("char_start"),
            char_end: r[ce].parse().expect("char_end"),
        };
        match docs.last_mut() {
            Some((d, facts)) if *d == r[doc] => facts.push(fact),
            _ => docs.push((r[doc].clone(), vec![fact])),
        }
    }
    docs
}

#[test]
fn seed_facts_get_the_expected_codes() {
    let t = taxonomy();
    let mut docs = seed_docs();
    let total: usize = docs.iter().map(|(_, f)| f.len()).sum();
    assert_eq!(total, 163);
    for (_, facts) in docs.iter_mut() {
        t.assign(facts);
    }
    let all: Vec<&Fact> = docs.iter().flat_map(|(_, f)| f.iter()).collect();
    let find = |raw: &str, metric: &str| -> &Fact {
        let hits: Vec<&&Fact> = all
            .iter()
            .filter(|f| f.raw == raw && f.metric.as_deref() == Some(metric))
            .collect();
        assert_eq!(hits.len(), 1, "{raw} {metric}");
        hits[0]
    };
    let expect = [
        ("390件", "立案查处", "enforcement.cases_filed"),
        ("136161元", "处罚款金额", "enforcement.fines"),
        ("263宗", "成功调解案件总数", "mediation.disputes"),
        ("271宗", "受理各类信访案件", "petitions.cases"),
        ("5571条", "办结12345平台工单", "hotline.tickets"),
        ("8.7%", "不满意率", "hotline.dissatisfaction_rate"),
        ("3宗", "违纪立案", "discipline.cases"),
        ("110件", "简易程序", "enforcement.cases_simple"),
    ];
    for (raw, metric, want) in expect {
        assert_eq!(
            find(raw, metric).indicator.as_deref(),
            Some(want),
            "{raw} {metric}"
        );
    }
    let total_390 = find("390件", "立案查处");
    assert_eq!(
        find("110件", "简易程序").breakdown_of,
        Some(total_390.fact_id)
    );
    assert_eq!(find("271宗", "受理各类信访案件").breakdown_of, None);
    assert_eq!(find("266宗", "办结").breakdown_of, None);

    // Coverage, printed for review by eye (`cargo test -- --nocapture`).
    let coded = all.iter().filter(|f| f.indicator.is_some()).count();
    println!("seed coverage: {coded} of {} facts get a code", all.len());
    for (doc, facts) in &docs {
        for f in facts {
            let part = f
                .breakdown_of
                .map(|p| format!("  (part of #{p})"))
                .unwrap_or_default();
            println!(
                "{doc} #{:<3} {:<16} {:<40} {}{part}",
                f.fact_id,
                f.raw,
                f.metric.as_deref().unwrap_or("-"),
                f.indicator.as_deref().unwrap_or("."),
            );
        }
    }
}
