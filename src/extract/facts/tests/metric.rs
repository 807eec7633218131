use super::*;

// ---- breakdowns and metrics ---------------------------------------------------------

#[test]
fn breakdown_in_parentheses() {
    let facts = extract(
        "今年以来,共计立案查处390件(其中简易程序110件,普通程序280件、立案撤销8件),实施行政强制措施8件,共处罚款金额136161元,执结率87.5%,按期办结率100%,公示率98.3%。",
    );
    let got: Vec<(&str, Option<&str>)> = facts
        .iter()
        .map(|f| (f.raw.as_str(), f.metric.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("390件", Some("立案查处")),
            ("110件", Some("简易程序")),
            ("280件", Some("普通程序")),
            ("8件", Some("立案撤销")),
            ("8件", Some("实施行政强制措施")),
            ("136161元", Some("处罚款金额")),
            ("87.5%", Some("执结率")),
            ("100%", Some("按期办结率")),
            ("98.3%", Some("公示率")),
        ]
    );
}

#[test]
fn metric_falls_back_to_the_shared_verb_object() {
    let facts = extract("截至目前共依法拆除违法建设101处,167间,5136.5平方米,完成进度100%,完成五年违法建设专项治理的全部任务。");
    let got: Vec<(&str, Option<&str>)> = facts
        .iter()
        .map(|f| (f.raw.as_str(), f.metric.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("101处", Some("依法拆除违法建设")),
            ("167间", Some("依法拆除违法建设")),
            ("5136.5平方米", Some("依法拆除违法建设")),
            ("100%", Some("完成进度")),
        ]
    );
    let facts = extract("设立87个网格、 216个微网格,");
    let got: Vec<Option<&str>> = facts.iter().map(|f| f.metric.as_deref()).collect();
    assert_eq!(got, vec![Some("设立网格"), Some("设立微网格")]);
    assert_eq!(facts[1].raw, "216个");
    let facts = extract("出版宣传栏4期60栏。");
    assert_eq!(facts[1].metric.as_deref(), Some("出版宣传栏"));
    let facts = extract("解决8家医疗机构的医患纠纷、5家养老机构的养老服务纠纷。");
    assert_eq!(facts[0].metric.as_deref(), Some("解决医疗机构的医患纠纷"));
    assert!(facts[1]
        .metric
        .as_deref()
        .unwrap()
        .starts_with("解决养老机构的养老服务纠纷"));
    let f = one("街道举办社区调解员系列培训专题讲座11场,");
    assert_eq!(
        f.metric.as_deref(),
        Some("街道举办社区调解员系列培训专题讲座")
    );
    let f = one("党工委理论学习中心组开展3次学法活动,");
    assert_eq!(
        f.metric.as_deref(),
        Some("党工委理论学习中心组开展学法活动")
    );
    let f = one("海幢街综合服务中心2023年接待群众超14000人次,");
    assert_eq!(f.metric.as_deref(), Some("接待群众"));
    let f = one("新增“四上”企业4间,");
    assert_eq!(f.metric.as_deref(), Some("新增“四上”企业"));
    let facts = extract("各科室、社区共计组织学法160余次。");
    assert_eq!(facts[0].metric.as_deref(), Some("各科室、社区组织学法"));
}

fn metrics(body: &str) -> Vec<String> {
    extract(body)
        .into_iter()
        .map(|f| f.metric.unwrap_or_default())
        .collect()
}

#[test]
fn metric_drops_totals_and_self_references_inside() {
    assert_eq!(
        metrics("全年,司法所共参与镇党委会议12次。"),
        vec!["司法所参与镇党委会议"]
    );
    assert_eq!(
        metrics("公共法律服务站共接待来访群众120人次。"),
        vec!["公共法律服务站接待来访群众"]
    );
    assert_eq!(metrics("共同推进重点项目8个。"), vec!["共同推进重点项目"]);
    assert_eq!(
        metrics("梳理确认我区各类事项清单31个。"),
        vec!["梳理确认各类事项清单"]
    );
    assert_eq!(metrics("全区已有45名执业律师,"), vec!["全区执业律师"]);
}

#[test]
fn metric_before_a_closing_time_phrase() {
    assert_eq!(metrics("办理群众诉求截至9月共120条,"), vec!["办理群众诉求"]);
    assert_eq!(
        metrics("执法覆盖率由2019年的60%提升至90%。")[0],
        "执法覆盖率"
    );
}

#[test]
fn metric_of_a_number_before_its_noun() {
    // the link to the noun stays
    assert_eq!(
        metrics("整改督察发现的15个问题。"),
        vec!["整改督察发现的问题"]
    );
    // quoted names the number counts go; one quoted name is the object itself
    assert_eq!(
        metrics("开展“一网通办”“跨省通办”两项改革。"),
        vec!["开展改革"]
    );
    assert!(metrics("聚焦“防、控、救”三件事,")[0].starts_with("聚焦“防、控、救”"));
    // a closing enumeration is no noun
    assert_eq!(metrics("邀请专家宣讲3次等多种形式,"), vec!["邀请专家宣讲"]);
}

#[test]
fn metric_of_a_count_alone_in_brackets() {
    assert_eq!(
        metrics("梳理法律(12部)、党内法规(30部)。"),
        vec!["梳理法律", "党内法规"]
    );
}

#[test]
fn metric_of_lists_and_chains_of_counts() {
    // a verb between two counts: the second is no item of a list
    assert_eq!(
        metrics("将辖区30座楼宇分配给18位楼长负责。")[1],
        "楼宇分配给楼长负责"
    );
    // a short noun between two counts: a chain
    assert_eq!(
        metrics("对全区8个街道25个部门进行考核。")[1],
        "全区部门进行考核"
    );
}

#[test]
fn metric_respectively_for_each_listed_subject() {
    assert_eq!(
        metrics("全区刑事案件、治安案件同比分别下降12.3%、8.1%。"),
        vec!["全区刑事案件同比下降", "治安案件同比下降"]
    );
    // a list that does not match the facts in number is left as it is
    assert_eq!(
        metrics("甲、乙、丙分别下降12.3%、8.1%。"),
        vec!["甲、乙、丙分别下降", "甲、乙、丙分别下降"]
    );
}

#[test]
fn metric_keeps_words_that_only_look_like_fillers() {
    let f = one("全年共查处道路交通违法行为400余件次,");
    assert_eq!(f.metric.as_deref(), Some("查处道路交通违法行为"));
    let f = one("协助法庭有效化解疑难复杂案件2件。");
    assert_eq!(f.metric.as_deref(), Some("协助法庭有效化解疑难复杂案件"));
    let f = one("群众参与2000人次。");
    assert_eq!(f.metric.as_deref(), Some("群众参与"));
    let f = one("2023年共完成5家单位的审查。");
    assert_eq!(f.metric.as_deref(), Some("完成单位的审查"));
}

#[test]
fn metric_of_lists() {
    let f = one("设置宣传广告牌、标语、墙字等20余处,");
    assert_eq!(f.metric.as_deref(), Some("设置宣传广告牌、标语、墙字"));
    let f = one("主持召开专题会议、班子会、推进会4次,");
    assert_eq!(
        f.metric.as_deref(),
        Some("主持召开专题会议、班子会、推进会")
    );
    let facts = extract("开具现场执法文书2842份、责令整改通知书1334份,");
    assert_eq!(facts[1].metric.as_deref(), Some("责令整改通知书"));
    let facts = extract("明确47项重点工作和156条具体清单任务。");
    assert_eq!(facts[1].metric.as_deref(), Some("明确具体清单任务"));
    let f = one("依托全镇22个村(社区)网格,");
    assert_eq!(f.metric.as_deref(), Some("依托全镇村(社区)网格"));
}

// ---- sentence, as-of date, section --------------------------------------------------

#[test]
fn as_of_date_applies_to_the_whole_sentence() {
    let body = "合法性审查。截止12月3日,共审查合同247份,重大行政决策事项1件,涉企帮扶类备忘录5件,其它涉法事务19件次,线上审查闭环率达100%。二是强化管理,完成3件。";
    let start = body.chars().position(|c| c == '截').unwrap();
    let date = NaiveDate::from_ymd_opt(2024, 12, 3).unwrap();
    let dates = vec![DateMention {
        date_id: 1,
        raw: "截止12月3日".into(),
        date,
        precision: DatePrecision::Day,
        role: DateRole::AsOf,
        char_start: Some(start + 2),
        char_end: Some(start + 7),
    }];
    let facts = extract_facts(body, &[], &dates);
    assert_eq!(facts.len(), 6);
    assert!(facts[..5].iter().all(|f| f.as_of_date == Some(date)));
    assert_eq!(facts[5].as_of_date, None);
    assert!(facts[0].sentence.starts_with("截止12月3日"));
    assert!(facts[0].sentence.ends_with("100%。"));
    assert_eq!(&*facts[5].sentence, "二是强化管理,完成3件。");
    // offsets are characters
    let chars: Vec<char> = body.chars().collect();
    for f in &facts {
        assert_eq!(
            chars[f.char_start..f.char_end].iter().collect::<String>(),
            f.raw
        );
    }
    let ids: Vec<i32> = facts.iter().map(|f| f.fact_id).collect();
    assert_eq!(ids, vec![1, 2, 3, 4, 5, 6]);
}

#[test]
fn innermost_section_is_assigned() {
    let body = "一、成效\n(一)执法。立案5件。\n二、不足\n问题3个。";
    let len = body.chars().count();
    let section = |id: i32, parent: Option<i32>, level: i16, start: usize, end: usize| Section {
        section_id: id,
        parent_id: parent,
        level,
        kind: SectionKind::Heading,
        marker: String::new(),
        ordinal: id,
        heading: String::new(),
        section_type: None,
        char_start: start,
        char_end: end,
        text_bytes: 0..0,
    };
    let second = body.chars().position(|c| c == '二').unwrap();
    let sub = body.chars().position(|c| c == '(').unwrap();
    let sections = vec![
        section(1, None, 1, 0, second),
        section(2, Some(1), 2, sub, second),
        section(3, None, 1, second, len),
    ];
    let facts = extract_facts(body, &sections, &[]);
    let got: Vec<Option<i32>> = facts.iter().map(|f| f.section_id).collect();
    assert_eq!(got, vec![Some(2), Some(3)]);
    assert!(extract_facts(body, &[], &[])
        .iter()
        .all(|f| f.section_id.is_none()));
}

// ---- robustness ---------------------------------------------------------------------

#[test]
fn odd_inputs_do_not_panic() {
    let long_digits = "9".repeat(5000);
    let many_quotes = "“".repeat(3000);
    let many_brackets = "《〔".repeat(2000);
    let odd = [
        "",
        " ",
        "\n\n",
        "5",
        "一",
        "百分之",
        "百分之点",
        "3至",
        "3-",
        "-3",
        "约",
        "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０件",
        "99999999999999999999999999999999999999999999999999.5万亿元",
        "一万万万万万万万万万万万亿亿亿亿亿亿个",
        "\u{feff}\u{200b}3\u{0301}件",
        "𠀀𠀁3件𠀂",
        "〔〔〔号号号",
        "12,",
        "12,34",
        "1.",
        "．５件",
        long_digits.as_str(),
        many_quotes.as_str(),
        many_brackets.as_str(),
    ];
    for s in odd {
        let facts = extract_facts(s, &[], &[]);
        let chars: Vec<char> = s.chars().collect();
        for f in facts {
            assert!(f.char_start <= f.char_end && f.char_end <= chars.len());
            assert!(f.value_normalized.is_finite() || f.value_normalized.is_infinite());
        }
    }
    assert!(extract_facts("", &[], &[]).is_empty());
}

proptest::proptest! {
    #[test]
    fn random_text_never_panics(s in "[0-9０-９一二两三十百千万亿余多约近超%％年月日件个次人元,，、。“”《》〔〕号 .\\-至a-z\\n]{0,60}") {
        let facts = extract_facts(&s, &[], &[]);
        let n = s.chars().count();
        for (k, f) in facts.iter().enumerate() {
            proptest::prop_assert!(f.char_start < f.char_end && f.char_end <= n);
            proptest::prop_assert_eq!(f.fact_id as usize, k + 1);
        }
    }
}

// ---- gold comparison on the five bodies ---------------------------------------------

const BODIES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bodies");
const GOLD_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/gold");

/// Same normalization as the scorer's `norm_heading`: no spaces, no punctuation.
fn strip_punct(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !"\u{3000}#*`、，,。．.:：;；!！?？（）()【】[]“”\"'‘’《》<>—-–_/|丨"
                    .contains(*c)
        })
        .collect()
}

fn no_space(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"\u{3000}#*`".contains(*c))
        .collect()
}

#[derive(Default)]
struct Score {
    gold: usize,
    pred: usize,
    matched: usize,
    qualifier_ok: usize,
    kind_ok: usize,
    metric_ok: usize,
    metric_n: usize,
}

#[test]
fn gold_bodies_meet_quality_targets() {
    let mut names: Vec<String> = std::fs::read_dir(GOLD_DIR)
        .expect("gold directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "expected the five gold files");
    let mut score = Score::default();
    let mut log = Vec::new();
    for name in &names {
        let stem = name.trim_end_matches(".json");
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{GOLD_DIR}/{name}")).unwrap())
                .unwrap();
        let body = std::fs::read_to_string(format!("{BODIES_DIR}/{stem}.txt")).expect("body");
        let pred = extract_facts(&body, &[], &[]);
        let gold_facts = gold["facts"].as_array().cloned().unwrap_or_default();
        score.gold += gold_facts.len();
        score.pred += pred.len();
        let mut used = vec![false; pred.len()];
        for g in &gold_facts {
            let gv = g["value_normalized"].as_f64().unwrap();
            let gu = g["unit_normalized"].as_str().unwrap_or("");
            let graw = no_space(g["raw"].as_str().unwrap_or(""));
            let mut best = None;
            for (i, p) in pred.iter().enumerate() {
                if used[i]
                    || p.unit_normalized != gu
                    || (p.value_normalized - gv).abs() > 1e-6 * gv.abs().max(1.0)
                {
                    continue;
                }
                let same_raw = no_space(&p.raw) == graw;
                if best.is_none() || same_raw {
                    best = Some(i);
                    if same_raw {
                        break;
                    }
                }
            }
            let Some(i) = best else {
                log.push(format!("{stem} missed: {} = {gv} {gu}", g["raw"]));
                continue;
            };
            used[i] = true;
            let p = &pred[i];
            score.matched += 1;
            if g["qualifier"].as_str() == Some(p.qualifier.as_str()) {
                score.qualifier_ok += 1;
            } else {
                log.push(format!(
                    "{stem} qualifier: {} gold={} got={}",
                    g["raw"],
                    g["qualifier"],
                    p.qualifier.as_str()
                ));
            }
            if g["quantity_kind"].as_str() == Some(p.quantity_kind.as_str()) {
                score.kind_ok += 1;
            } else {
                log.push(format!(
                    "{stem} kind: {} gold={} got={}",
                    g["raw"],
                    g["quantity_kind"],
                    p.quantity_kind.as_str()
                ));
            }
            if let Some(gm) = g["metric"].as_str().filter(|m| !m.is_empty()) {
                score.metric_n += 1;
                let gm = strip_punct(gm);
                let pm = strip_punct(p.metric.as_deref().unwrap_or(""));
                if !pm.is_empty() && (gm.contains(&pm) || pm.contains(&gm)) {
                    score.metric_ok += 1;
                } else {
                    log.push(format!("{stem} metric: {} gold={gm} got={pm}", g["raw"]));
                }
            }
        }
        for (i, p) in pred.iter().enumerate() {
            if !used[i] {
                log.push(format!(
                    "{stem} spurious: {} = {} {} | {}",
                    p.raw,
                    p.value_normalized,
                    p.unit_normalized,
                    p.sentence.chars().take(40).collect::<String>()
                ));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(score.matched, score.pred);
    let recall = ratio(score.matched, score.gold);
    let qualifier = ratio(score.qualifier_ok, score.matched);
    let kind = ratio(score.kind_ok, score.matched);
    let metric = ratio(score.metric_ok, score.metric_n);
    for line in &log {
        println!("{line}");
    }
    println!(
        "facts: gold {} pred {} matched {} | precision {:.3} recall {:.3} qualifier {:.3} kind {:.3} metric {:.3}",
        score.gold, score.pred, score.matched, precision, recall, qualifier, kind, metric
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(qualifier >= 0.95, "qualifier {qualifier:.3}");
    assert!(kind >= 0.98, "kind {kind:.3}");
    assert!(metric >= 0.80, "metric {metric:.3}");
}
