use super::*;

// ---- number forms -------------------------------------------------------------------

#[test]
fn arabic_counts_with_spaces_and_separators() {
    let f = one("开展治安巡逻 26 次、");
    assert_eq!(
        (f.raw.as_str(), f.value_normalized, &*f.unit_normalized),
        ("26 次", 26.0, "次")
    );
    assert_eq!(f.metric.as_deref(), Some("开展治安巡逻"));
    let f = one("全年累计清理占路经营10,339次,");
    assert_eq!(
        (f.value_normalized, f.metric.as_deref()),
        (10339.0, Some("清理占路经营"))
    );
    let f = one("持续推动同福路、南华路片区改造等4 个专项债项目立项");
    assert_eq!(
        (f.raw.as_str(), f.metric.as_deref()),
        ("4 个", Some("专项债项目立项"))
    );
    let f = one("检查各类场所４７０８３间次");
    assert_eq!((f.value_normalized, &*f.unit_normalized), (47083.0, "间次"));
}

#[test]
fn decimals_and_money_multipliers() {
    let facts = extract("处理案件总数137宗,涉及金额337.1857万元,为223名员工追回欠薪231.2045万元。");
    let got: Vec<(f64, &str)> = facts
        .iter()
        .map(|f| (f.value_normalized, &*f.unit_normalized))
        .collect();
    assert_eq!(
        got,
        vec![
            (137.0, "宗"),
            (3371857.0, "元"),
            (223.0, "名"),
            (2312045.0, "元")
        ]
    );
    assert_eq!(facts[1].value, 337.1857);
    assert_eq!(facts[1].unit.as_deref(), Some("万元"));
    assert_eq!(facts[1].quantity_kind, QuantityKind::Money);
    assert_eq!(facts[2].metric.as_deref(), Some("员工追回欠薪"));
    let f = one("前三季度,五大行业GDP实绩40.39亿元,");
    assert_eq!(
        (f.value_normalized, f.metric.as_deref()),
        (4039000000.0, Some("五大行业GDP实绩"))
    );
    let f = one("总投资额近7000万元。");
    assert_eq!(
        (f.value_normalized, f.qualifier),
        (70_000_000.0, Qualifier::Approx)
    );
    assert_eq!(f.raw, "近7000万元");
    let f = one("派发、张贴宣传单张近5万份,");
    assert_eq!(
        (f.raw.as_str(), f.value_normalized, f.unit.as_deref()),
        ("近5万份", 50000.0, Some("万份"))
    );
    assert_eq!(f.value, 5.0);
    // bare 万 in a money clause
    let f = one("投入资金5万,用于");
    assert_eq!((f.value_normalized, &*f.unit_normalized), (50000.0, "元"));
    // a bare 万 elsewhere is not a fact
    assert!(extract("覆盖群众5万,").is_empty());
    // Text from a PDF: a space between the digits and their 万.
    let f = one("开展普法活动9.5 万余场,");
    assert_eq!(
        (f.value_normalized, f.qualifier, &*f.unit_normalized),
        (95000.0, Qualifier::MoreThan, "场")
    );
    assert_eq!(f.raw, "9.5 万余场");
    let f = one("总投资额 7000 万元。");
    assert_eq!(f.value_normalized, 70_000_000.0);
}

#[test]
fn chinese_numerals_in_counting_use() {
    let f = one("全镇仅司法所一名干部取得法律职业资格;");
    assert_eq!(
        (f.raw.as_str(), f.value_normalized, &*f.unit_normalized),
        ("一名", 1.0, "名")
    );
    assert_eq!(f.metric.as_deref(), Some("司法所干部取得法律职业资格"));
    let f = one("组织两千余人参加");
    assert_eq!(
        (f.value_normalized, f.qualifier, &*f.unit_normalized),
        (2000.0, Qualifier::MoreThan, "人")
    );
    let f = one("举办培训十二场。");
    assert_eq!(f.value_normalized, 12.0);
    let f = one("投入一百零五万元,");
    assert_eq!(
        (f.value_normalized, &*f.unit_normalized),
        (1_050_000.0, "元")
    );
    let f = one("满意率达百分之八十七点五。");
    assert_eq!(
        (f.value_normalized, &*f.unit_normalized, f.quantity_kind),
        (87.5, "%", QuantityKind::Percent)
    );
    assert_eq!(f.raw, "百分之八十七点五");
    let f = one("建成两个调解室,");
    assert_eq!(f.value_normalized, 2.0);
    let f = one("开展普法活动百余场,");
    assert_eq!(
        (f.value_normalized, f.qualifier),
        (100.0, Qualifier::MoreThan)
    );
    let f = one("覆盖近千人。");
    assert_eq!(
        (f.value_normalized, f.qualifier),
        (1000.0, Qualifier::Approx)
    );
}

// ---- unit families ------------------------------------------------------------------

#[test]
fn unit_families() {
    let f = one("安置区约500亩,");
    assert_eq!(
        (&*f.unit_normalized, f.quantity_kind, f.qualifier),
        ("平方米", QuantityKind::Area, Qualifier::Approx)
    );
    assert!((f.value_normalized - 333333.35).abs() < 1e-6);
    let f = one("一期116.1亩,");
    assert!((f.value_normalized - 77400.00387).abs() < 1e-6);
    assert_eq!(f.metric.as_deref(), Some("一期"));
    let f = one("拆除面积18953.64平方米。");
    assert_eq!(
        (f.value_normalized, f.quantity_kind),
        (18953.64, QuantityKind::Area)
    );
    assert_eq!(one("整治河道3.5公里,").value_normalized, 3500.0);
    assert_eq!(one("面积2平方公里,").value_normalized, 2e6);
    assert_eq!(one("清运垃圾12吨,").unit_normalized, "千克");
    assert_eq!(one("清运垃圾12吨,").value_normalized, 12000.0);
    let f = one("办理时限压缩至5个工作日。");
    assert_eq!(
        (&*f.unit_normalized, f.quantity_kind),
        ("天", QuantityKind::Duration)
    );
    let f = one("同比增速7.8%。");
    assert_eq!(
        (f.value_normalized, f.quantity_kind),
        (7.8, QuantityKind::Percent)
    );
    let f = one("满意度提高2.5个百分点。");
    assert_eq!(
        (&*f.unit_normalized, f.quantity_kind),
        ("个百分点", QuantityKind::PercentagePoint)
    );
    assert_eq!(one("群众满意率 97％,").unit_normalized, "%");
    assert_eq!(one("受理事項12項,").unit_normalized, "项");
    assert_eq!(one("投入資金3萬元,").value_normalized, 30000.0);
    let f = one("社区宣传栏刊播各类宣传内容1500余幅次,");
    assert_eq!(
        (&*f.unit_normalized, f.qualifier),
        ("幅次", Qualifier::MoreThan)
    );
    assert_eq!(one("开具现场执法文书2842份、").unit_normalized, "份");
    assert_eq!(one("出动执法队员182人次,").unit_normalized, "人次");
}

// ---- qualifiers ---------------------------------------------------------------------

#[test]
fn qualifiers() {
    let q = |s: &str| one(s).qualifier;
    assert_eq!(q("排查化解矛盾纠纷 100 余起。"), Qualifier::MoreThan);
    assert_eq!(one("排查化解矛盾纠纷 100 余起。").raw, "100 余起");
    assert_eq!(q("参课镇村干部3500多人次。"), Qualifier::MoreThan);
    assert_eq!(q("接待群众超14000人次,"), Qualifier::MoreThan);
    assert_eq!(one("接待群众超14000人次,").raw, "超14000人次");
    assert_eq!(q("累计接待来电来访事项107余件,"), Qualifier::MoreThan);
    assert_eq!(q("约200人次,"), Qualifier::Approx);
    assert_eq!(q("培训200人左右。"), Qualifier::Approx);
    assert_eq!(one("培训200人左右。").raw, "200人左右");
    assert_eq!(q("开展检查3次以上。"), Qualifier::MoreThan);
    assert_eq!(q("覆盖逾300户。"), Qualifier::MoreThan);
    assert_eq!(q("用时不足3小时。"), Qualifier::LessThan);
    assert_eq!(q("案件不到10件。"), Qualifier::LessThan);
    assert_eq!(q("将近50家企业参与,"), Qualifier::Approx);
    // 节约 is not 约; 仅 is not a qualifier
    assert_eq!(q("节约3万元。"), Qualifier::Exact);
    let f = one("每期培训3至5天。");
    assert_eq!(
        (f.qualifier, f.value_normalized, f.value_high),
        (Qualifier::Range, 3.0, Some(5.0))
    );
    assert_eq!(f.raw, "3至5天");
    let f = one("每组10-20人,");
    assert_eq!((f.qualifier, f.value_high), (Qualifier::Range, Some(20.0)));
    assert_eq!(one("每组3~5人,").value_high, Some(5.0));
    // 以上率下 is an idiom, not "more than"
    assert_eq!(q("开展学习4次,以上率下"), Qualifier::Exact);
    assert_eq!(q("学习4次以上率下"), Qualifier::Exact);
}

// ---- traps --------------------------------------------------------------------------

#[test]
fn dates_and_years_are_not_facts() {
    for s in [
        "2024年,小营街道深入学习",
        "于2023年3月获“广州市第二批法治镇街”称号",
        "截止12月3日,",
        "小营街道办事处2024年度重大行政决策事项",
        "回顾2024年以来的工作",
        "7月份,召开半年度法治政府建设工作汇报会",
        "发布日期:2023-12-14 17:16:02",
        "2023.11.30",
        "二〇二三年十一月三十日",
        "《法治浙江建设规划(2021-2025)》",
        "2021-2025年",
        "11月19日,对全街",
    ] {
        assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
    }
}

#[test]
fn document_numbers_titles_and_quotes_are_not_facts() {
    for s in [
        "金文〔2023〕5号",
        "《国务院关于加强法治政府建设的意见》(国发〔2010〕33号)",
        "(国发〔201033号)、国务院《法治政府建设实施纲要(20152020年)》",
        "粤ICP备05083207号-1",
        "44010502000066号",
        "参照《杭州市老旧小区住宅加装电梯马市街社区大王庙巷1-2单元》决策事项",
        "持续建强“1个矛调中心、12个社区调解委员会、N个特色解纷站点”,",
        "紧密围绕省委“1310”具体部署和市委“1312”思路举措",
        "统筹“1+3+N”网格团队力量",
        "结合“3.15”消费者权益保护日、“12.4”宪法日等",
        "严格落实\"三项制度\"要求",
        "联系电话:022-23196661",
        "邮箱 hpxbl@tj.gov.cn 网址 http://www.tjhp.gov.cn/2020/1.html",
        "邮编300040",
    ] {
        assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
    }
}

#[test]
fn set_phrases_ordinals_and_names_are_not_facts() {
    for s in [
        "党的二十大和二十届三中全会",
        "十四五规划",
        "“七五”普法",
        "推动5G无人机执法场景应用",
        "一是进一步压实领导责任。二是进一步健全组织保障。七是推进重点场所整治",
        "履行推进法治建设第一责任人职责",
        "获“广州市第二批法治镇街”称号",
        "每月推出一期社区律师的以案说法",
        "(一)夯实基础",
        "一方面,进一步整合;另一方面,进一步探索",
        "一核多点全覆盖,三桥四路统发展",
        "实行普法工作组织绩效和个人绩效双考核",
        "完善安商暖企三级工作机制",
        "发挥街道、社区两级议事协商平台作用",
        "五大行业GDP",
        "电动自行车综合整治百日攻坚行动",
        "前三季度,",
        "每周一交办,下周一分管领导组织会商",
        "重大时间节点 24 小时值班制度",
        "完成五年违法建设专项治理的全部任务",
        "2020年十三届全国人大三次会议表决通过",
        "践行四个全面,加强依法治国",
        "通过网民留言、舆情跟进、12345热线平台等筛选出社会热点问题",
        "对8890市民热线反映的问题及时处理",
        "取得了一定成效,还存在一些薄弱环节",
        "提供快捷、透明、便民、高效的一站式综合服务",
        "加强党对法治建设的统一领导",
        "打造一支政治强、作风硬、业务精的政府法治工作队伍",
        "一批重复信访投诉案件得到推进解决",
        "作为全市试点街道之一",
        "让每一位领导干部",
        "是社会治理的重要一环",
        "组织开展一系列活动",
        "中央八项规定精神",
        "第三方驻点律师",
        "千家万户",
        "七台河市",
        "在三元里街道",
        "近些年来,街道先后经历了几次大规模的土地征收",
        "在辖区主要道路两侧",
        "一岗双责",
        "以下几点",
        "坚持两个“毫不动摇”",
        "实现五个一批",
        "近三年来",
        "5年来",
        "7×24小时服务不打烊",
        "十四届全国人大一次会议",
        "PM2.5浓度",
        "(2023)粤0105民初1234号",
        "2023年1-11月",
        "数十次",
    ] {
        assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
    }
}

#[test]
fn frequencies_are_not_counts() {
    for s in [
        "镇政府每年开展1次规范性文件清理工作",
        "以每两月1次的频次开展集中学法",
        "领导班子每年集中学法不少于 3次。",
        "每季度召开2次联席会议",
        "每个月组织1-2次法律咨询",
        "每半年开展一次执法检查",
    ] {
        assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
    }
    // `每` without a period, or in another clause, does not make a frequency
    assert_eq!(raws("走访每个社区,开展宣传12次"), vec!["12次"]);
    assert_eq!(raws("为每户发放手册,全年发放3000份"), vec!["3000份"]);
}

#[test]
fn ranks_are_not_counts() {
    for s in [
        "全区在全市的排名由上年的12位上升至5位",
        "综合位次前移至第8位",
        "考核排位列全省35位",
    ] {
        assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
    }
    assert_eq!(raws("现有执业律师53位"), vec!["53位"]);
}

#[test]
fn listed_sessions_are_not_counts() {
    assert!(raws("认真落实十一届区委四次、五次全会部署").is_empty());
    assert!(raws("贯彻十届县委三次、四次、五次全体会议精神").is_empty());
}

#[test]
fn chinese_counts_before_places_and_phases() {
    let got: Vec<(String, f64)> = extract(
        "在辖区八个村和两个社区设置法治宣传栏,分五期开展培训,经过两轮区级会议审定,明确了四个方面重点任务,细分为六方面工作。",
    )
    .into_iter()
    .map(|f| (f.raw, f.value_normalized))
    .collect();
    let want = [
        ("八个", 8.0),
        ("两个", 2.0),
        ("五期", 5.0),
        ("两轮", 2.0),
        ("四个", 4.0),
        ("六方面", 6.0),
    ];
    let want: Vec<(String, f64)> = want.iter().map(|(r, v)| (r.to_string(), *v)).collect();
    assert_eq!(got, want);
    // ordinals and place names stay out
    for s in ["二期工程顺利完工", "七台河市", "五家渠市", "一方面加强学习"] {
        assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
    }
}

#[test]
fn durations_after_a_duration_word() {
    let f = one("该区连续12年在全市依法行政考核中获评优秀等次");
    assert_eq!((f.value_normalized, &*f.unit_normalized), (4380.0, "天"));
    let f = one("提前一年实现主要目标");
    assert_eq!((f.raw.as_str(), f.value_normalized), ("一年", 365.0));
    let f = one("连续三年获评先进单位");
    assert_eq!(f.value_normalized, 1095.0);
    // periods and names stay out
    for s in ["近三年来", "实施三年行动计划", "一年来,全镇上下", "5年来"] {
        assert!(raws(s).is_empty(), "{s}: {:?}", raws(s));
    }
}

#[test]
fn durations_before_a_shortest_or_reduced_time() {
    let facts = extract("办理时限由原来的3-5天最短压缩至30分钟,");
    let got: Vec<(&str, f64, &str)> = facts
        .iter()
        .map(|f| (f.raw.as_str(), f.value_normalized, &*f.unit_normalized))
        .collect();
    assert_eq!(got, vec![("3-5天", 3.0, "天"), ("30分钟", 0.5, "小时")]);
    assert_eq!(facts[0].qualifier, Qualifier::Range);
}

#[test]
fn half_is_fifty_percent() {
    let f = one("审批时间均压缩一半以上。");
    assert_eq!(
        (
            f.raw.as_str(),
            f.value_normalized,
            &*f.unit_normalized,
            f.qualifier
        ),
        ("一半以上", 50.0, "%", Qualifier::MoreThan)
    );
    let f = one("结案数占近一半,");
    assert_eq!((f.value_normalized, f.qualifier), (50.0, Qualifier::Approx));
    assert!(raws("一半时间用于学习").is_empty());
}

#[test]
fn hotline_names_inside_a_fact() {
    let facts = extract(
        "2023年以来,办结12345平台工单5571条,办结率100%,不满意工单数为486条,不满意率为8.7%。",
    );
    let got: Vec<&str> = facts.iter().map(|f| f.raw.as_str()).collect();
    assert_eq!(got, vec!["5571条", "100%", "486条", "8.7%"]);
    assert_eq!(facts[0].metric.as_deref(), Some("办结12345平台工单"));
    assert_eq!(facts[2].metric.as_deref(), Some("不满意工单数"));
    let f = one("共办结“12345”市长热线 45 件、");
    assert_eq!(f.metric.as_deref(), Some("办结“12345”市长热线"));
}

#[test]
fn unit_less_count_when_the_measure_word_was_lost() {
    let f = one("媒体和平台发布宣传信息200加强街道中心工作");
    assert_eq!(
        (f.raw.as_str(), &*f.unit_normalized, f.unit.as_deref()),
        ("200", "", None)
    );
    assert_eq!(f.quantity_kind, QuantityKind::Count);
    assert!(f.metric.as_deref().unwrap().ends_with("发布宣传信息"));
    // other bare numbers stay out
    assert!(raws("完成200项目建设").iter().all(|r| r != "200"));
    assert!(raws("设立87个网格、216微网格").iter().all(|r| r != "216"));
}
