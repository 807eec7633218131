//! The v2 families, each with sentences written for these tests in the style of the
//! reports: what a number measures decides its code, not a cue word somewhere near it.

use super::*;
use crate::model::Relation;

/// `(unit, metric, sentence, expected code)`: asserts each.
fn expect(t: &Taxonomy, cases: &[(&str, &str, &str, Option<&str>)]) {
    for &(unit, metric, sentence, want) in cases {
        assert_eq!(
            code(t, unit, metric, sentence).as_deref(),
            want,
            "{metric} {unit} in {sentence}"
        );
    }
}

#[test]
fn enforcement_family() {
    let t = taxonomy();
    expect(
        &t,
        &[
            (
                "件",
                "立案查处违法案件",
                "全年立案查处违法案件215件。",
                Some("enforcement.cases_filed"),
            ),
            (
                "件",
                "适用简易程序",
                "其中适用简易程序42件。",
                Some("enforcement.cases_simple"),
            ),
            (
                "户次",
                "开展“双随机、一公开”抽查",
                "开展“双随机、一公开”抽查318户次。",
                Some("enforcement.random_inspections"),
            ),
            (
                "份",
                "评查行政执法案卷",
                "评查行政执法案卷120份,发现问题18个。",
                Some("enforcement.case_file_reviews"),
            ),
            (
                "%",
                "执法人员持证率",
                "执法人员持证率达98.6%。",
                Some("enforcement.certified_rate"),
            ),
            (
                "名",
                "取得行政执法证人员",
                "取得行政执法证人员46名。",
                Some("enforcement.certified_officers"),
            ),
            // reviewing penalty cases is legality review, not filing them
            (
                "件",
                "法制审核行政处罚案件",
                "法制审核行政处罚案件36件。",
                Some("legality_review.documents"),
            ),
            // a list of measures not to be taken counts no measure taken
            (
                "件",
                "不予实施行政强制措施案件",
                "作出不予实施行政强制措施案件12件。",
                None,
            ),
        ],
    );
}

#[test]
fn legality_review_and_normative_documents() {
    let t = taxonomy();
    expect(
        &t,
        &[
            (
                "件",
                "合法性审核规范性文件",
                "合法性审核规范性文件14件。",
                Some("legality_review.documents"),
            ),
            (
                "份",
                "出具法律意见书",
                "出具法律意见书57份。",
                Some("legality_review.legal_opinions"),
            ),
            (
                "份",
                "审核市政府合同",
                "审核市政府合同218份。",
                Some("legality_review.contracts"),
            ),
            ("份", "签订劳动合同", "指导企业签订劳动合同900份。", None),
            (
                "件",
                "制定行政规范性文件",
                "制定行政规范性文件3件,均按时报送备案。",
                Some("normative_docs.issued"),
            ),
            (
                "件",
                "报送备案规范性文件",
                "向市政府报送备案规范性文件6件。",
                Some("normative_docs.filed"),
            ),
            (
                "%",
                "规范性文件报备率",
                "规范性文件报备率100%。",
                Some("normative_docs.filing_rate"),
            ),
            (
                "件",
                "废止",
                "开展规章和规范性文件清理,废止9件。",
                Some("normative_docs.cleaned"),
            ),
            (
                "件",
                "市政府规章",
                "制定《某市养犬管理办法》等2件市政府规章。",
                Some("rules.enacted"),
            ),
            // a library of the laws in force is no law-making
            (
                "部",
                "收录法律法规规章",
                "更新执法依据库,收录法律法规规章310部。",
                None,
            ),
            // a fair-competition review is no legality review of documents
            (
                "件",
                "公平竞争审查政策措施文件",
                "公平竞争审查政策措施文件88件。",
                None,
            ),
        ],
    );
}

#[test]
fn reconsideration_litigation_and_another_bodys_cases() {
    let t = taxonomy();
    expect(
        &t,
        &[
            (
                "件",
                "收到行政复议申请",
                "全年收到行政复议申请64件。",
                Some("reconsideration.cases"),
            ),
            (
                "件",
                "审结",
                "全年受理行政复议案件64件,审结58件。",
                Some("reconsideration.cases_decided"),
            ),
            (
                "%",
                "直接纠错率",
                "行政复议直接纠错率11.2%。",
                Some("reconsideration.correction_rate"),
            ),
            (
                "件",
                "办理一审行政诉讼案件",
                "办理一审行政诉讼案件31件。",
                Some("litigation.cases"),
            ),
            (
                "次",
                "行政机关负责人出庭应诉",
                "行政机关负责人出庭应诉9次。",
                Some("litigation.head_appearances"),
            ),
            (
                "%",
                "生效判决执行率",
                "生效判决执行率100%。",
                Some("litigation.judgment_execution_rate"),
            ),
            // a lawyer acting for the body in a suit is its legal adviser's work
            (
                "件",
                "代理政府诉讼案件",
                "法律顾问代理政府诉讼案件6件。",
                Some("legal_advisor.cases"),
            ),
            // the subject is another body: the court's or a higher level's figures
            (
                "件",
                "区人民法院审结一审行政案件",
                "区人民法院审结一审行政案件120件。",
                None,
            ),
            (
                "项",
                "上级部门收回事项清单",
                "上级部门收回事项清单36项。",
                None,
            ),
            // ... but not when the other body is the object
            (
                "件",
                "向法院提起行政诉讼案件",
                "群众向法院提起行政诉讼案件8件。",
                Some("litigation.cases"),
            ),
        ],
    );
}

#[test]
fn disputes_hotline_and_legal_services() {
    let t = taxonomy();
    expect(
        &t,
        &[
            (
                "件",
                "排查调处矛盾纠纷",
                "排查调处矛盾纠纷326件。",
                Some("mediation.disputes"),
            ),
            (
                "件",
                "各级人民调解组织调解矛盾纠纷",
                "各级人民调解组织调解矛盾纠纷2300件。",
                Some("mediation.disputes"),
            ),
            // a court's mediation is the court's; administrative disputes are not civil ones
            ("件", "司法调解", "司法调解案件27件。", None),
            ("件", "化解行政争议", "化解行政争议5件。", None),
            (
                "%",
                "办结率",
                "受理12345热线工单2310件,办结率99.2%。",
                Some("hotline.closure_rate"),
            ),
            (
                "%",
                "满意率",
                "受理12345热线工单2310件,满意率96%。",
                Some("hotline.satisfaction_rate"),
            ),
            (
                "%",
                "群众满意率",
                "群众对法治政府建设的满意率达93%。",
                Some("satisfaction.rate"),
            ),
            (
                "件",
                "办理法律援助案件",
                "办理法律援助案件75件。",
                Some("legal_aid.cases"),
            ),
            (
                "人次",
                "接待群众咨询",
                "村居法律顾问接待群众咨询420人次。",
                Some("legal_aid.consultations"),
            ),
            // questions to the labour office are no legal consultations
            (
                "人次",
                "接待群众来电咨询",
                "劳动监察中队接待群众来电咨询150人次。",
                None,
            ),
            (
                "名",
                "配备公职律师",
                "配备公职律师12名。",
                Some("legal_advisor.public_lawyers"),
            ),
            (
                "%",
                "覆盖率",
                "村(社区)法律顾问覆盖率100%。",
                Some("legal_advisor.coverage_rate"),
            ),
        ],
    );
}

#[test]
fn study_exams_training_and_publicity() {
    let t = taxonomy();
    expect(
        &t,
        &[
            // legal study is study of law; political study is not
            (
                "次",
                "中心组开展学法活动",
                "党委理论学习中心组开展学法活动3次。",
                Some("legal_study.sessions"),
            ),
            (
                "次",
                "组织召开主题教育读书班",
                "组织召开主题教育读书班5次。",
                None,
            ),
            (
                "次",
                "开展专题学习",
                "围绕习近平法治思想开展专题学习6次。",
                Some("legal_study.sessions"),
            ),
            (
                "次",
                "开展专题学习",
                "围绕党的二十大精神开展专题学习6次。",
                None,
            ),
            (
                "%",
                "参考率",
                "组织干部参加学法考试,参考率100%。",
                Some("legal_exam.participation_rate"),
            ),
            (
                "%",
                "参考率和合格率",
                "学法考试参考率和合格率均达100%。",
                Some("legal_exam.pass_rate"),
            ),
            ("%", "执法资格考试通过率", "执法资格考试通过率98%。", None),
            (
                "期",
                "举办依法行政培训班",
                "举办依法行政培训班4期。",
                Some("legal_training.sessions"),
            ),
            (
                "期",
                "举办干部脱产培训班",
                "举办干部脱产培训班4期,提升履职本领。",
                None,
            ),
            (
                "人次",
                "覆盖执法人员",
                "开展行政执法专题培训3场,覆盖执法人员260人次。",
                Some("legal_training.participants"),
            ),
            (
                "场",
                "开展民法典宣传活动",
                "开展民法典宣传活动12场。",
                Some("legal_publicity.events"),
            ),
            (
                "册",
                "发放普法手册",
                "发放普法手册3000册。",
                Some("legal_publicity.materials"),
            ),
            (
                "人次",
                "受教育群众",
                "开展普法宣传进村居活动,受教育群众1.2万人次。",
                Some("legal_publicity.participants"),
            ),
            // a cue beats a context cue of the same precedence (讲座 is also training's)
            (
                "场",
                "开展普法讲座",
                "全区开展普法讲座46场。",
                Some("legal_publicity.events"),
            ),
            // one count of several kinds of activity is none of them
            (
                "次",
                "组织各类学习、培训、宣讲",
                "全年组织各类学习、培训、宣讲300余次。",
                None,
            ),
        ],
    );
}

#[test]
fn disclosure_services_and_lists() {
    let t = taxonomy();
    expect(
        &t,
        &[
            (
                "条",
                "主动公开政府信息",
                "主动公开政府信息1260条。",
                Some("disclosure.items"),
            ),
            (
                "件",
                "办理依申请公开",
                "办理依申请公开32件。",
                Some("disclosure.requests"),
            ),
            (
                "项",
                "进驻政务服务中心政务服务事项",
                "进驻政务服务中心政务服务事项865项。",
                Some("gov_service.items"),
            ),
            // a subset singled out is not the catalogue
            ("项", "取消政务服务事项", "取消政务服务事项11项。", None),
            (
                "%",
                "全程网办率",
                "政务服务事项全程网办率92%。",
                Some("gov_service.online_rate"),
            ),
            (
                "项",
                "公布权责清单事项",
                "公布权责清单事项2860项。",
                Some("power_list.items"),
            ),
            ("项", "下放行政权力", "向乡镇下放行政权力45项。", None),
        ],
    );
}

#[test]
fn a_change_keeps_the_code_of_what_it_changes_whatever_its_unit() {
    let t = taxonomy();
    let mut f = one(
        "%",
        "行政复议案件同比增长",
        "受理行政复议案件120件,同比增长18.4%。",
    );
    assert_eq!(t.classify(&f), None, "a level in % is no case count");
    f.relation = Relation::Change;
    assert_eq!(t.classify(&f), Some("reconsideration.cases"));
    let mut f = one(
        "个百分点",
        "行政机关负责人出庭应诉率较上年提高",
        "行政机关负责人出庭应诉率较上年提高4.4个百分点。",
    );
    f.relation = Relation::Change;
    assert_eq!(t.classify(&f), Some("litigation.head_appearance_rate"));
    // a change named by its noun alone takes the code of the change or level before it
    let s = "受理行政复议案件98件,较上年增加21件,增幅27.3%。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("98件", 98.0, "件", "受理行政复议案件"),
            ("21件", 21.0, "件", "增加"),
            ("27.3%", 27.3, "%", "增幅"),
        ],
    );
    facts[1].relation = Relation::Change;
    facts[2].relation = Relation::Change;
    t.assign(&mut facts);
    assert!(facts
        .iter()
        .all(|f| f.indicator.as_deref() == Some("reconsideration.cases")));
    // a change of something no indicator measures has no code
    let mut f = one("%", "地区生产总值同比增长", "地区生产总值同比增长6.1%。");
    f.relation = Relation::Change;
    assert_eq!(t.classify(&f), None);
}

#[test]
fn totals_and_parts_keep_their_own_codes() {
    let t = taxonomy();
    let s = "共立案查处390件,其中简易程序110件,普通程序280件。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("390件", 390.0, "件", "立案查处"),
            ("110件", 110.0, "件", "简易程序"),
            ("280件", 280.0, "件", "普通程序"),
        ],
    );
    t.assign(&mut facts);
    let codes: Vec<Option<&str>> = facts.iter().map(|f| f.indicator.as_deref()).collect();
    assert_eq!(
        codes,
        [
            Some("enforcement.cases_filed"),
            Some("enforcement.cases_simple"),
            Some("enforcement.cases_ordinary"),
        ]
    );
    assert_eq!(
        facts.iter().map(|f| f.breakdown_of).collect::<Vec<_>>(),
        [None, Some(1), Some(1)]
    );
}

#[test]
fn a_slice_of_its_totals_indicator_gets_no_code() {
    let t = taxonomy();
    // Parts by marker: 城管类 cases are a slice of the cases filed.
    let s = "综合执法队立案86宗,其中市容类立案60宗,环保类立案26宗。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("86宗", 86.0, "宗", "综合执法队立案"),
            ("60宗", 60.0, "宗", "市容类立案"),
            ("26宗", 26.0, "宗", "环保类立案"),
        ],
    );
    t.assign(&mut facts);
    let codes: Vec<Option<&str>> = facts.iter().map(|f| f.indicator.as_deref()).collect();
    assert_eq!(codes, [Some("enforcement.cases_filed"), None, None]);
    // Parts without a marker, found by their sum: 412 = 250 + 162.
    let s = "保留政务服务事项412项,行政许可事项250项,其他事项162项。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("412项", 412.0, "项", "保留政务服务事项"),
            ("250项", 250.0, "项", "行政许可事项"),
            ("162项", 162.0, "项", "其他事项"),
        ],
    );
    t.assign(&mut facts);
    let codes: Vec<Option<&str>> = facts.iter().map(|f| f.indicator.as_deref()).collect();
    assert_eq!(codes, [Some("gov_service.items"), None, None]);
    assert_eq!(facts[1].breakdown_of, Some(1));
    // A list of small counts is no breakdown (2 = 1 + 1 by chance).
    let s = "进社区普法2次,进企业普法1次,进学校普法1次。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("2次", 2.0, "次", "进社区普法"),
            ("1次", 1.0, "次", "进企业普法"),
            ("1次", 1.0, "次", "进学校普法"),
        ],
    );
    t.assign(&mut facts);
    assert!(facts.iter().all(|f| f.breakdown_of.is_none()));
    assert!(facts
        .iter()
        .all(|f| f.indicator.as_deref() == Some("legal_publicity.events")));
}

#[test]
fn the_words_of_a_part_do_not_confirm_its_total() {
    let t = taxonomy();
    let s = "理论学习中心组集中学习18次,其中专题学法4次。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("18次", 18.0, "次", "理论学习中心组集中学习"),
            ("4次", 4.0, "次", "专题学法"),
        ],
    );
    t.assign(&mut facts);
    let codes: Vec<Option<&str>> = facts.iter().map(|f| f.indicator.as_deref()).collect();
    assert_eq!(codes, [None, Some("legal_study.sessions")]);
    // ... while a later clause that is no part still frames the sentence's numbers.
    let s = "班子集体学习5次,穿插学习9次,各科室组织学法60余次。";
    let mut facts = sentence_facts(
        0,
        s,
        &[
            ("5次", 5.0, "次", "班子集体学习"),
            ("9次", 9.0, "次", "穿插学习"),
            ("60余次", 60.0, "次", "各科室组织学法"),
        ],
    );
    t.assign(&mut facts);
    assert!(facts
        .iter()
        .all(|f| f.indicator.as_deref() == Some("legal_study.sessions")));
}

#[test]
fn rates_are_never_summed() {
    let t = taxonomy();
    for ind in t.indicators() {
        if ind.units().iter().any(|u| u == "%") {
            assert_eq!(ind.aggregate(), Aggregate::First, "{}", ind.code());
        }
    }
}
