use super::*;

fn genre_of(title: Option<&str>, body: &str) -> Genre {
    classify(title, None, body).genre
}

fn preamble(text: &str) -> bool {
    let mut hit = vec![false; GENRE_CUES.len()];
    let found = scan(&encode(text), &[], 0, &mut hit);
    rol_preamble(&found).is_some()
}

fn body_genre(body: &str) -> Genre {
    genre_of(None, body)
}

#[test]
fn fold_table_is_sorted_and_folds() {
    assert!(TRADITIONAL_FOLD.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(TRADITIONAL_FOLD.iter().all(|(t, s)| t != s));
    assert!(TRADITIONAL_FOLD
        .iter()
        .all(|(t, _)| (CJK_FIRST..=CJK_LAST).contains(t)));
    assert_eq!(fold_char('國'), '国');
    assert_eq!(fold_char('国'), '国');
    assert_eq!(fold_char('\u{20000}'), '\u{20000}');
    assert_eq!(
        folded("法治政府建設(shè)年度報(bào)告", 100),
        "法治政府建设年度报告"
    );
    assert_eq!(folded("“十三五” 时期 English", 100), "十三五时期english");
    // Numbered items are not glosses.
    assert_eq!(folded("(1)In 2021", 100), "(1)in2021");
}

#[test]
fn every_not_after_word_has_codes() {
    // A character without a code reads as any other uncoded character: a not-after word
    // made of one would block its cue after every such character.
    for cue in GENRE_CUES {
        for w in cue.not_after {
            assert!(
                w.chars().all(|c| CUE_INDEX.code(c) != OTHER),
                "{w} (not after {}) has a character outside the cue alphabet",
                cue.text
            );
        }
    }
}

#[test]
fn every_cue_is_in_matching_form() {
    for cue in GENRE_CUES {
        assert_eq!(folded(cue.text, 100), cue.text, "{}", cue.text);
        assert!(cue.weight > 0);
    }
    assert_eq!(GENRE_PRIORITY.len(), Genre::ALL.len() - 1);
    assert!(!GENRE_PRIORITY.contains(&Genre::RolAnnual));
}

#[test]
fn annual_reports_with_and_without_a_title() {
    let titled = "青山镇人民政府关于2023年度法治政府建设情况的报告\n2023年，青山镇坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效";
    let call = classify(None, None, titled);
    assert_eq!(call.genre, Genre::RolAnnual, "{call:?}");
    assert_eq!(call.warning(), None);
    // No title line: the opening sentence names the topic.
    assert_eq!(
        body_genre("2022年，水利部深入推进法治政府建设，各项工作取得新进展。\n一、加强党的领导"),
        Genre::RolAnnual
    );
    // Titled 工作总结 or 情况 (no 报告), it is still the annual report.
    assert_eq!(
        body_genre(
            "河西街道法治政府建设工作总结\n2021年以来，我街道认真落实……现将一年来的工作总结如下："
        ),
        Genre::RolAnnual
    );
    assert_eq!(
        genre_of(
            Some("某省人民政府2022年度法治政府建设工作情况"),
            "某省人民政府2022年度法治政府建设工作情况\n2022年，省政府……"
        ),
        Genre::RolAnnual
    );
    // 法治政府工作报告 is not a government work report.
    assert_eq!(
        body_genre("东城区2022年依法行政暨法治政府工作报告\n2022年，东城区……"),
        Genre::RolAnnual
    );
    // A next-year plan section and the 纲要's span of years do not make it a plan or a review.
    assert_eq!(
        body_genre("2023年，市交通局认真落实《法治政府建设实施纲要（2021—2025年）》，法治政府建设取得新成效。\n一、主要举措\n二、2024年工作计划"),
        Genre::RolAnnual
    );
}

#[test]
fn traditional_pages() {
    assert_eq!(
        body_genre("2021年，自治區法治政府建設工作穩步推進。\n一、統籌規劃"),
        Genre::RolAnnual
    );
    let call = classify(
        None,
        None,
        "南山市人民政府文件\n南政函〔2021〕8號\n關于2020年度全市法治政府\n建設考核結果的通報\n各區人民政府：\n經考核評定，現將考核結果通報如下：",
    );
    assert_eq!(call.genre, Genre::AssessmentNotice, "{call:?}");
}

#[test]
fn multi_year_reviews() {
    assert_eq!(
        body_genre("某区五年来法治政府建设情况报告\n五年来，某区全面推进依法行政。现报告如下："),
        Genre::RolMultiYear
    );
    assert_eq!(
        body_genre("某县2016-2020年法治政府建设工作总结\n2016年以来，某县……"),
        Genre::RolMultiYear
    );
    assert_eq!(
        body_genre("某市“十三五”时期法治政府建设情况报告\n“十三五”时期，我市……"),
        Genre::RolMultiYear
    );
    // A year in Chinese numerals ends in 五年 without being five years.
    assert_eq!(
        body_genre("某乡人民政府二〇二五年法治政府建设情况报告\n二〇二五年，某乡坚持依法行政。现将有关情况报告如下："),
        Genre::RolAnnual
    );
}

#[test]
fn interpretations() {
    let call = classify(
        None,
        None,
        "【政策解读】《某县人民政府关于2022年度法治政府建设情况的报告》解读\n一、起草背景\n按照要求，现解读如下：",
    );
    assert_eq!(call.genre, Genre::Interpretation);
    assert!(
        call.warning().unwrap().contains("title has 解读"),
        "{call:?}"
    );
    assert_eq!(
        body_genre("一图读懂｜某区2023年法治政府建设年度报告\n图片"),
        Genre::Interpretation
    );
}

#[test]
fn half_year_reports() {
    assert_eq!(
        body_genre("2022年上半年法治政府建设工作情况报告\n今年上半年，某镇……"),
        Genre::HalfYearReport
    );
}

#[test]
fn information_disclosure_reports() {
    assert_eq!(
        body_genre("某局2023年政府信息公开工作年度报告\n根据《中华人民共和国政府信息公开条例》，编制本报告。"),
        Genre::InfoDisclosureAnnual
    );
    // Without a title: the preamble and the standard parts.
    assert_eq!(
        body_genre("根据《中华人民共和国政府信息公开条例》要求，编制本报告。\n一、总体情况\n2023年，我乡扎实推进政务公开。\n（一）主动公开政府信息情况。全年公开信息80条。"),
        Genre::InfoDisclosureAnnual
    );
}

#[test]
fn government_work_reports() {
    assert_eq!(
        body_genre("政府工作报告\n在某市第十届人民代表大会第二次会议上\n各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n一、过去五年工作回顾"),
        Genre::GovernmentWorkReport
    );
}

#[test]
fn self_inspections_and_duty_reports() {
    assert_eq!(
        body_genre(
            "法治政府建设年度工作自查报告\n依据考评指标和评分标准，我镇进行了自查，现报告如下："
        ),
        Genre::SelfInspection
    );
    assert_eq!(
        body_genre("2022年度部门整体支出绩效自评报告\n按照要求，我局开展了绩效自评。"),
        Genre::SelfInspection
    );
    assert_eq!(
        body_genre("某镇党委书记2022年度述法报告\n一年来，我始终坚持学法用法，现将履行法治建设第一责任人职责情况报告如下："),
        Genre::DutyReport
    );
    // A first-person report without a kind word in the title.
    assert_eq!(
        body_genre("今年以来，我认真履行推进法治建设第一责任人职责，述法如下："),
        Genre::DutyReport
    );
    // No title, no 述法: the preamble names the duty report.
    assert_eq!(
        body_genre("今年以来，我认真贯彻落实上级关于法治建设的决策部署，现将我履行法治建设第一责任人职责情况报告如下：\n一、强化领导责任"),
        Genre::DutyReport
    );
    // A combined report, said by the body and not by a person, stays an annual report.
    assert_eq!(
        body_genre("现将我县2023年法治政府建设情况暨党政主要负责人履行推进法治建设第一责任人职责情况报告如下：\n一、主要举措"),
        Genre::RolAnnual
    );
    // An annual report that tells of the duty in a heading stays one.
    assert_eq!(
        body_genre("某县2023年法治政府建设年度报告\n现将我县2023年法治政府建设情况报告如下：\n一、党政主要负责人履行推进法治建设第一责任人职责情况"),
        Genre::RolAnnual
    );
}

#[test]
fn plans() {
    assert_eq!(
        body_genre("某县2024年法治政府建设工作要点\n为深入推进依法行政，制定本要点。"),
        Genre::WorkPlan
    );
    assert_eq!(
        body_genre("某市法治政府建设规划（2021—2025年）\n为全面推进法治政府建设……"),
        Genre::WorkPlan
    );
    assert_eq!(
        body_genre("关于印发《某区法治政府建设示范创建实施方案》的通知\n各街道："),
        Genre::WorkPlan
    );
    assert_eq!(
        body_genre("为加快建设法治政府，结合实际，制定本方案。\n一、总体要求\n二、主要任务"),
        Genre::WorkPlan
    );
}

#[test]
fn work_summaries() {
    assert_eq!(
        body_genre("某区司法局2023年工作总结和2024年工作计划\n2023年，区司法局……"),
        Genre::WorkSummary
    );
    assert_eq!(
        body_genre("2023年，区司法行政系统各项工作稳步推进，法治政府建设成效明显。\n一、2023年工作总结\n（一）加强党的建设"),
        Genre::WorkSummary
    );
}

#[test]
fn news() {
    let call = classify(
        None,
        None,
        "本报讯（记者 李明 通讯员 王芳）近日，某区召开法治政府建设推进会。",
    );
    assert_eq!(call.genre, Genre::News, "{call:?}");
    assert_eq!(
        body_genre("3月5日，某县司法局召开全县司法行政工作会议。局长主持会议并讲话。\n会议指出，2023年全县法治建设成效明显。\n会议强调，要……"),
        Genre::News
    );
}

#[test]
fn news_headlines() {
    assert_eq!(
        body_genre("某区召开2024年法治政府建设工作推进会\n3月1日上午，某区法治政府建设推进会在区行政中心举行。"),
        Genre::News
    );
}

#[test]
fn reports_on_other_subjects() {
    // A body's general work report: not the rule-of-law report, though it mentions 依法行政.
    assert_eq!(
        body_genre("某县司法局2023年工作报告\n2023年，县司法局坚持依法行政，各项工作取得新进展。"),
        Genre::WorkSummary
    );
    let call = classify(
        None,
        None,
        "某市人民政府关于2022年度国有资产管理情况的报告\n市人大常委会：\n2022年，市政府坚持依法行政，全面加强国有资产管理，国有资产总量稳步增长，管理制度不断完善。现将有关情况报告如下。",
    );
    assert_eq!(call.genre, Genre::Other, "{call:?}");
    assert_eq!(
        body_genre(
            "某县法治政府建设督察反馈问题整改情况报告\n按照督察反馈意见，现将整改情况报告如下："
        ),
        Genre::Other
    );
    assert_eq!(
        body_genre("某省法治政府建设与责任落实督察工作实施办法\n第一条 为推进依法行政……"),
        Genre::Other
    );
}

#[test]
fn chrome_at_the_top_of_a_page_without_a_title() {
    // Menu items and section names, one per line, are not the title.
    assert_eq!(
        body_genre("首页\n政务公开\n政策解读\n部门工作报告\n2023年，区住建局坚持以法治政府建设为引领，依法行政水平不断提升。现将有关情况报告如下："),
        Genre::RolAnnual
    );
    assert_eq!(
        body_genre(
            "首页 政务公开 政策解读 互动交流 办事服务\n2023年，区住建局扎实推进法治政府建设。"
        ),
        Genre::RolAnnual
    );
}

#[test]
fn publications() {
    assert_eq!(
        body_genre("某省人民政府关于2021年度法治政府建设情况的报告\nEnglish title (machine-translated)\nReport on building a rule-of-law government\nPublished\n2022-03-29\nSummary\n(1) In 2021, the province..."),
        Genre::Publication
    );
    assert_eq!(
        body_genre("中国法治政府发展报告（2022）蓝皮书\n摘要：本书……\n关键词：法治政府"),
        Genre::Publication
    );
    assert_eq!(
        body_genre("县级政府法治政府建设年度报告制度的实证研究\n摘要：法治政府建设年度报告制度……"),
        Genre::Publication
    );
}

#[test]
fn other_documents() {
    // A guideline on how to write the report.
    let call = classify(
        None,
        None,
        "为规范法治政府建设年度报告工作，制定本工作指引。\n一、报告名称。法治政府建设年度报告\n二、报告主体。各级政府及其部门。",
    );
    assert_eq!(call.genre, Genre::Other, "{call:?}");
    // A report on another subject.
    let call = classify(
        None,
        None,
        "某市关于2022年度环境状况和环境保护目标完成情况的报告\n受市政府委托，现报告如下。",
    );
    assert_eq!(call.genre, Genre::Other);
    assert!(call.warning().unwrap().contains("rule-of-law topic"));
    assert_eq!(body_genre(""), Genre::Other);
}

#[test]
fn title_zone_reads_past_chrome() {
    // Breadcrumbs and page-metadata lines are not the title.
    assert_eq!(
        body_genre("首页 > 政务公开 > 政策解读\n发布时间：2024-01-05 10:00\n某县2023年度法治政府建设情况报告\n2023年，某县……"),
        Genre::RolAnnual
    );
    let (lead, _) =
        lead_lines("来源：司法局\n关于2019年度全市法治政府\n建设考核结果的通报\n各区：\n正文");
    assert_eq!(lead, "关于2019年度全市法治政府建设考核结果的通报");
    // A title glued to the first sentence, and a first sentence without one.
    let (lead, _) = lead_lines("某镇法治政府建设自查报告依据考评指标，我镇……");
    assert_eq!(lead, "某镇法治政府建设自查报告");
    let (lead, _) = lead_lines("2020年是十三五规划收官之年，我局……");
    assert_eq!(lead, "");
}

#[test]
fn helpers() {
    assert_eq!(
        year_span("某县2016-2020年法治政府建设"),
        Some("2016-2020".into())
    );
    assert_eq!(year_span("某县2016年至2020年"), Some("2016年至2020".into()));
    assert_eq!(year_span("2023年12月"), None);
    assert_eq!(first_person("我局认真落实，我们坚持"), None);
    assert_eq!(first_person("一年来，我认真学法"), Some("我认".into()));
    assert_eq!(first_person("根据本人民政府"), None);
    assert!(preamble("现将我镇2023年法治政府建设工作情况报告如下"));
    assert!(!preamble("我局法治政府建设成效明显，为推动全市经济社会高质量发展提供了坚实保障，现将有关情况报告如下"));
    assert_eq!(first_person("勇于自我革命"), None);
    assert!(is_nav_line("首页 | 政务公开 | 政策解读 | 互动交流"));
    assert!(!is_nav_line("乡镇 法治政府建设 工作总结"));
    assert_eq!(
        title_start(
            Some("某县2023年报告"),
            "首页\n政策解读\n某县2023年报告\n正文"
        ),
        20
    );
    assert_eq!(dateline_of("2月29日，某局召开会议"), Some("2月29日"));
    assert_eq!(dateline_of("2023年2月29日，某局"), None);
    assert_eq!(dateline_of("近日，某局召开会议"), Some("近日"));
    assert_eq!(
        [
            "前言。",
            "一、主要举措和成效",
            "（二）加强领导。一是……",
            "1.不是"
        ]
        .map(heading_of),
        [None, Some("主要举措和成效"), Some("加强领导"), None]
    );
}

#[test]
fn no_chrome_sign_is_an_ideograph() {
    // `is_chrome_line` answers an ideograph without looking it up among the signs.
    assert!(CHROME_SIGNS
        .iter()
        .all(|c| !(CJK_FIRST..=CJK_LAST).contains(c)));
    assert!(is_chrome_line("首页 > 政务公开"));
    assert!(!is_chrome_line("某区2023年法治政府建设年度报告"));
}
