//! Tests of the taxonomy: the codes of each family and breakdowns here; the file's
//! validation, the seed facts and the v2 families in their own modules.

use super::*;
use crate::model::{Qualifier, QuantityKind};

mod families;
mod seeds;
mod validation;
mod words;

const TAXONOMY: &str = include_str!("../../../pipelines/indicators.toml");

pub(super) fn taxonomy() -> Taxonomy {
    match Taxonomy::parse(TAXONOMY) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

pub(super) fn kind_of(unit: &str) -> QuantityKind {
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
pub(super) fn sentence_facts(
    base: usize,
    sentence: &str,
    specs: &[(&str, f64, &str, &str)],
) -> Vec<Fact> {
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

pub(super) fn one(unit: &str, metric: &str, sentence: &str) -> Fact {
    let mut f = sentence_facts(0, "1", &[("1", 1.0, unit, metric)]).remove(0);
    f.sentence = sentence.into();
    f
}

pub(super) fn code(t: &Taxonomy, unit: &str, metric: &str, sentence: &str) -> Option<String> {
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
    // Every code of INDICATORS.md v2 (v1 codes keep their names).
    let wanted = [
        "enforcement.cases_filed",
        "enforcement.cases_simple",
        "enforcement.cases_ordinary",
        "enforcement.fines",
        "enforcement.compulsory_measures",
        "enforcement.inspections",
        "enforcement.random_inspections",
        "enforcement.case_file_reviews",
        "enforcement.closure_rate",
        "enforcement.disclosure_rate",
        "enforcement.certified_officers",
        "enforcement.certified_rate",
        "enforcement.demolished_illegal_buildings",
        "legality_review.documents",
        "legality_review.contracts",
        "legality_review.major_decisions",
        "legality_review.legal_opinions",
        "normative_docs.issued",
        "normative_docs.filed",
        "normative_docs.filing_rate",
        "normative_docs.cleaned",
        "rules.enacted",
        "reconsideration.cases",
        "reconsideration.cases_decided",
        "reconsideration.correction_rate",
        "litigation.cases",
        "litigation.loss_rate",
        "litigation.head_appearances",
        "litigation.head_appearance_rate",
        "litigation.judgment_execution_rate",
        "mediation.disputes",
        "mediation.success_rate",
        "mediation.amount",
        "petitions.cases",
        "petitions.closure_rate",
        "hotline.tickets",
        "hotline.closure_rate",
        "hotline.satisfaction_rate",
        "hotline.dissatisfaction_rate",
        "legal_aid.cases",
        "legal_aid.consultations",
        "legal_advisor.cases",
        "legal_advisor.coverage_rate",
        "legal_advisor.public_lawyers",
        "legal_study.sessions",
        "legal_exam.participation_rate",
        "legal_exam.pass_rate",
        "legal_training.sessions",
        "legal_training.participants",
        "legal_publicity.events",
        "legal_publicity.materials",
        "legal_publicity.participants",
        "disclosure.items",
        "disclosure.requests",
        "gov_service.items",
        "gov_service.visitors",
        "gov_service.on_time_rate",
        "gov_service.online_rate",
        "power_list.items",
        "satisfaction.rate",
        "fire_safety.hazards_fixed",
        "grid.units",
        "discipline.cases",
        "wage_arrears.recovered",
        "wage_arrears.workers",
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
    // The spec itself, when ../shared is here: the same codes, no more, no fewer.
    let spec =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/INDICATORS.md");
    match std::fs::read_to_string(&spec) {
        Ok(text) => {
            let mut in_spec: Vec<&str> = text
                .lines()
                .filter_map(|l| l.strip_prefix("| "))
                .filter_map(|l| l.split(" |").next())
                .map(str::trim)
                .filter(|c| {
                    c.contains('.')
                        && c.chars()
                            .all(|ch| ch.is_ascii_lowercase() || ch == '.' || ch == '_')
                })
                .collect();
            in_spec.sort_unstable();
            let mut ours: Vec<&str> = t.codes().collect();
            ours.sort_unstable();
            assert_eq!(ours, in_spec, "indicators.toml and INDICATORS.md differ");
        }
        Err(_) => eprintln!("skipped the spec check: {} is not here", spec.display()),
    }
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
            "normative_docs.filed",
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
    // 办结率 of 12345 tickets is not a case closure rate: it is the hotline's.
    assert_eq!(
        code(&t, "%", "办结率", "办结12345平台工单5571条,办结率100%").as_deref(),
        Some("hotline.closure_rate")
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
fn a_sentence_opening_with_qizhong_lists_the_parts_of_the_last_total() {
    let t = taxonomy();
    let first = "动态调整公开行政权力清单,保留行政权力841项。";
    let second = "其中,行政许可24项、行政处罚765项、其他行政权力13项。";
    let third = "其中,开展专项检查5次。";
    let mut facts = sentence_facts(100, first, &[("841项", 841.0, "项", "保留行政权力")]);
    let base = 100 + first.chars().count();
    let mut rest = sentence_facts(
        base,
        second,
        &[
            ("24项", 24.0, "项", "行政许可"),
            ("765项", 765.0, "项", "行政处罚"),
            ("13项", 13.0, "项", "其他行政权力"),
        ],
    );
    // A sentence after a blank line and of another family has no parts of it.
    let mut last = sentence_facts(
        base + second.chars().count() + 5,
        third,
        &[("5次", 5.0, "次", "开展专项检查")],
    );
    facts.append(&mut rest);
    facts.append(&mut last);
    for (i, f) in facts.iter_mut().enumerate() {
        f.fact_id = i as i32 + 1;
    }
    t.assign(&mut facts);
    let parts: Vec<Option<i32>> = facts.iter().map(|f| f.breakdown_of).collect();
    assert_eq!(parts, [None, Some(1), Some(1), Some(1), None]);
    assert_eq!(facts[0].indicator.as_deref(), Some("power_list.items"));
    // The remainder is a slice of the list, not a value of it.
    assert_eq!(facts[3].indicator, None);
}

#[test]
fn no_breakdown_without_marker_or_family() {
    let t = taxonomy();
    // No marker and no sum: 266 + 4 is not 271.
    let s = "受理各类信访案件271宗,已办结266宗,正在办理中4宗,信访案件受理办结率保持100%。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("271宗", 271.0, "宗", "受理各类信访案件"),
            ("266宗", 266.0, "宗", "办结"),
            ("4宗", 4.0, "宗", "正在办理中"),
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
