//! Tests of the section tree: marker forms, glued headings, section types.

use super::*;

/// The cue lists read in order, as the lexicon documents them.
fn classify_by_scanning(heading: &str) -> SectionType {
    SECTION_TYPE_CUES
        .iter()
        .find(|(_, cues)| cues.iter().any(|c| heading.contains(c)))
        .map_or(SectionType::Other, |(t, _)| *t)
}

#[test]
fn one_automaton_classifies_as_the_ordered_cue_lists() {
    // Every cue alone, every pair of cues in both orders, and some real headings.
    let cues: Vec<&str> = SECTION_TYPE_CUES
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .collect();
    let mut headings: Vec<String> = vec![
        "改进措施及工作计划".into(),
        "2023年法治政府建设主要举措和成效".into(),
        "党政主要负责人履行推进法治建设第一责任人职责情况".into(),
        "存在的不足和原因".into(),
        "其他".into(),
        String::new(),
    ];
    for a in &cues {
        headings.push(a.to_string());
        for b in &cues {
            headings.push(format!("{a}和{b}"));
        }
    }
    for h in &headings {
        assert_eq!(classify_section(h), classify_by_scanning(h), "{h}");
    }
}

fn headings(body: &str) -> Vec<(i16, String, String)> {
    build_sections(body)
        .into_iter()
        .map(|s| (s.level, s.marker, s.heading))
        .collect()
}

#[test]
fn heading_sharing_its_paragraph_with_body_text() {
    let body = "一、2024年主要举措和突出成效\n(一)夯实基础,强化法治建设统筹。一是进一步压实领导责任。坚持将法治政府工作与街道中心工作同谋划。二是进一步健全组织保障。成立了委员会。";
    let got = headings(body);
    assert_eq!(
        got,
        vec![
            (1, "一、".into(), "2024年主要举措和突出成效".into()),
            (2, "(一)".into(), "夯实基础,强化法治建设统筹".into()),
            (5, "一是".into(), "进一步压实领导责任".into()),
            (5, "二是".into(), "进一步健全组织保障".into()),
        ]
    );
    let s = build_sections(body);
    assert_eq!(s[1].parent_id, Some(1));
    assert_eq!(s[2].parent_id, Some(2));
    assert_eq!(s[3].parent_id, Some(2));
    assert_eq!(s[0].section_type, Some(SectionType::MeasuresAndResults));
    assert_eq!(s[2].ordinal, 1);
    assert_eq!(s[3].ordinal, 2);
}

#[test]
fn spans_are_character_offsets_into_the_body() {
    let body = "标题\n一、主要举措和成效\n正文。\n二、存在的不足\n不足。";
    let s = build_sections(body);
    let chars: Vec<char> = body.chars().collect();
    let span = |x: &Section| chars[x.char_start..x.char_end].iter().collect::<String>();
    assert_eq!(span(&s[0]), "一、主要举措和成效\n正文。\n");
    assert_eq!(span(&s[1]), "二、存在的不足\n不足。");
    assert_eq!(s[1].text(body), "二、存在的不足\n不足。");
}

#[test]
fn all_marker_forms_and_levels() {
    let body = "一、总体情况\n（一）全角小节\n(二) 半角小节。正文\n1、加强法治队伍建设。加强人才培养。\n2.深化普法宣传\n3．强化行政执法监督\n（1）第四级\n(2)又一个";
    let got: Vec<(i16, String, i32)> = build_sections(body)
        .into_iter()
        .map(|s| (s.level, s.marker, s.ordinal))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "一、".into(), 1),
            (2, "（一）".into(), 1),
            (2, "(二)".into(), 2),
            (3, "1、".into(), 1),
            (3, "2.".into(), 2),
            (3, "3．".into(), 3),
            (4, "（1）".into(), 1),
            (4, "(2)".into(), 2),
        ]
    );
    assert_eq!(build_sections(body)[2].heading, "半角小节");
}

#[test]
fn one_heading_regex_prefers_patterns_in_their_order() {
    // Trying the patterns one by one, the first that matches decides.
    let one_by_one = |line: &str| {
        HEADING_PATTERNS.iter().find_map(|(level, p)| {
            let c = Regex::new(p).unwrap().captures(line)?;
            Some((*level, c[0].to_string(), c[1].to_string(), c[2].to_string()))
        })
    };
    let combined = |line: &str| {
        let c = HEADING_RE.captures(line)?;
        let k = (0..HEADING_PATTERNS.len()).find(|k| c.get(2 * k + 1).is_some())?;
        let group = |g: usize| c[g].to_string();
        Some((
            HEADING_PATTERNS[k].0,
            group(0),
            group(2 * k + 1),
            group(2 * k + 2),
        ))
    };
    for line in [
        "第一部分、总体情况",
        "第十二部分",
        "一、主要举措",
        "十一 . 其他",
        "（一）全角小节",
        "( 二 )、半角",
        "（1）第四级",
        "(12)。",
        "1、加强法治",
        "２．深化普法",
        "1.2万人参加",
        "12345热线",
        "3.",
        "第一是",
        "（一",
        "",
    ] {
        assert_eq!(combined(line), one_by_one(line), "{line}");
    }
}

#[test]
fn numbers_at_line_start_are_not_headings() {
    assert!(headings("2023年,海幢街道深入学习。\n1.2万人参加。\n12345热线").is_empty());
}

#[test]
fn section_types_from_real_headings() {
    let cases = [
        (
            "2022年度党政主要负责人履行推进法治政府建设第一责任人职责，加强法治政府建设的有关情况",
            SectionType::LeadershipDuty,
        ),
        ("推进法治建设存在的不足和原因", SectionType::Shortcomings),
        ("2023年工作存在问题", SectionType::Shortcomings),
        ("2024年法治政府建设工作计划", SectionType::NextYearPlan),
        ("2023年度改进措施及工作计划", SectionType::NextYearPlan),
        (
            "2025年推进法治政府建设的主要安排",
            SectionType::NextYearPlan,
        ),
        (
            "2022年推进法治政府建设的主要举措和成效",
            SectionType::MeasuresAndResults,
        ),
        ("2023年主要工作", SectionType::MeasuresAndResults),
        ("其他需要报告的事项", SectionType::Other),
    ];
    for (h, t) in cases {
        assert_eq!(classify_section(h), t, "{h}");
    }
}

#[test]
fn unnumbered_part_heading_after_numbered_parts() {
    let body = "一、主要举措和成效\n正文。\n二、存在问题和不足\n一是决策评估有待改善。\n2021年法治政府建设的计划安排\n2021年针对工作中存在的问题,街道将改进。";
    let s = build_sections(body);
    let last_l1 = s.iter().rfind(|x| x.level == 1).unwrap();
    assert_eq!(last_l1.marker, "");
    assert_eq!(last_l1.heading, "2021年法治政府建设的计划安排");
    assert_eq!(last_l1.section_type, Some(SectionType::NextYearPlan));
    assert!(missing_mandated(&s).contains(&SectionType::LeadershipDuty));
    assert_eq!(missing_mandated(&s).len(), 1);
}

#[test]
fn items_need_a_boundary_before_them() {
    let got = headings(
        "坚持统一是原则。存在不足之处: 一是法治宣传形式化。二是矛调体系不成熟，有待完善。",
    );
    assert_eq!(
        got,
        vec![
            (5, "一是".into(), "法治宣传形式化".into()),
            (5, "二是".into(), "矛调体系不成熟".into())
        ]
    );
}

/// A body line of `n` filler sentences, long enough to be searched for glued headings.
fn filler(n: usize) -> String {
    "街道持续深化法治宣传教育,推动法治文化阵地建设提质增效。".repeat(n)
}

#[test]
fn marker_that_lost_its_bracket_or_has_spaces() {
    let body = "一 、主要举措和成效\n一)深化依法行政。正文。\n二 )推进严格执法\n( 三 )强化监督\n二、2021 年工作计划";
    let got: Vec<(i16, String, String)> = headings(body);
    assert_eq!(
        got,
        vec![
            (1, "一、".into(), "主要举措和成效".into()),
            (2, "一)".into(), "深化依法行政".into()),
            (2, "二)".into(), "推进严格执法".into()),
            (2, "(三)".into(), "强化监督".into()),
            (1, "二、".into(), "2021 年工作计划".into()),
        ]
    );
}

#[test]
fn lost_indentation_before_a_marker() {
    let got = headings("??一、主要举措和成效\n？？(一)强化组织领导\n??正文。");
    assert_eq!(
        got,
        vec![
            (1, "一、".into(), "主要举措和成效".into()),
            (2, "(一)".into(), "强化组织领导".into()),
        ]
    );
}

#[test]
fn headings_glued_into_a_page_with_no_line_breaks() {
    let body = format!(
        "现将有关情况报告如下:一、主要举措和成效(一)健全工作机制,压实责任{}(二)规范执法行为,提升质效。{} 二、存在的不足 {}",
        filler(4),
        filler(4),
        filler(2)
    );
    let got: Vec<(i16, String, String)> = headings(&body)
        .into_iter()
        .map(|(l, m, h)| (l, m, h.chars().take(12).collect()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "一、".into(), "主要举措和成效".into()),
            (2, "(一)".into(), "健全工作机制,压实责任街".into()),
            (2, "(二)".into(), "规范执法行为,提升质效".into()),
            (1, "二、".into(), "存在的不足 街道持续深化".into()),
        ]
    );
    let s = build_sections(&body);
    assert_eq!(s[0].section_type, Some(SectionType::MeasuresAndResults));
    assert_eq!(s[3].section_type, Some(SectionType::Shortcomings));
    assert_eq!(s[1].parent_id, Some(s[0].section_id));
    let chars: Vec<char> = body.chars().collect();
    assert_eq!(chars[s[1].char_start], '(');
}

#[test]
fn items_ahead_of_a_glued_heading_keep_their_place() {
    // One line: items, then the part they precede; found in that order, not heading first.
    let body = format!(
        "2023年,街道坚持依法行政,一是健全工作制度,二是强化监督检查。现将有关情况报告如下:一、主要举措和成效(一)健全工作机制,压实责任{}(二)规范执法行为,提升质效。{}",
        filler(4),
        filler(2)
    );
    let s = build_sections(&body);
    let chars: Vec<char> = body.chars().collect();
    let markers: Vec<&str> = s.iter().map(|x| x.marker.as_str()).collect();
    assert_eq!(markers[..3], ["一是", "二是", "一、"]);
    for pair in s.windows(2) {
        assert!(pair[0].char_start < pair[1].char_start, "{s:?}");
    }
    for x in &s {
        let at: String = chars[x.char_start..]
            .iter()
            .take(x.marker.chars().count())
            .collect();
        assert_eq!(at, x.marker);
    }
    assert_eq!(s[2].parent_id, None);
    assert_eq!(s[3].parent_id, Some(s[2].section_id));
}

#[test]
fn glued_markers_must_continue_the_numbering() {
    // An enumeration inside a paragraph (`三、` after `一、`) or in a short line is body text.
    let body = format!(
        "一、主要举措和成效\n{}主要有:三、加强学习。{}\n2023年,街道开展学法。二、推进依法决策",
        filler(6),
        filler(2)
    );
    let got: Vec<i16> = headings(&body).into_iter().map(|(l, _, _)| l).collect();
    assert_eq!(got, vec![1]);
}

#[test]
fn page_chunk_numbers_of_a_document_preview_are_not_headings() {
    let body = format!(
        "1、某局2022年法治建设情况报告{}现报告如下:一、主要工作及成效(一)加强组织领导{}\n2、落实。{}(二)坚持学法制度{}",
        filler(5),
        filler(5),
        filler(5),
        filler(5)
    );
    let got: Vec<(i16, String)> = headings(&body)
        .into_iter()
        .map(|(l, m, _)| (l, m))
        .collect();
    assert_eq!(
        got,
        vec![(1, "一、".into()), (2, "(一)".into()), (2, "(二)".into())]
    );
}

#[test]
fn english_paragraphs_are_not_headings() {
    let body = "一、主要举措\n(1)  In 2022, the district government took steps to improve.\n(2)APP上线运行";
    let got: Vec<(i16, String)> = headings(body).into_iter().map(|(l, _, h)| (l, h)).collect();
    assert_eq!(got, vec![(1, "主要举措".into()), (4, "APP上线运行".into())]);
}

#[test]
fn run_on_heading_is_cut_at_its_first_space() {
    let got = headings(
        "二、以“法律七进”为抓手,深化普法宣传教育 年初,镇里制定普法工作计划并明确各项任务分工",
    );
    assert_eq!(got[0].2, "以“法律七进”为抓手,深化普法宣传教育");
    // a short heading keeps its spaces
    let got = headings("一、强化组织领导  构建工作格局\n正文。");
    assert_eq!(got[0].2, "强化组织领导  构建工作格局");
    // and its type is read from its first characters only
    let s = build_sections(&format!(
        "一、领导重视,机构健全,责任明确,为做好普法和依法治理工作打下了良好的基础{}",
        "局领导一直以来高度重视此项工作,成立了专门的领导小组,由局发展计划科负责具体工作"
    ));
    assert_eq!(s[0].section_type, Some(SectionType::Other));
}

#[test]
fn a_heading_cut_off_by_the_end_of_an_excerpt_is_dropped() {
    assert_eq!(headings("一、主要举措和成效\n正文。\n二、规范").len(), 1);
    assert_eq!(
        headings("一、主要举措和成效\n正文。\n二、存在的不足和原因").len(),
        2
    );
}

#[test]
fn unnumbered_line_of_the_current_part_type_is_no_new_part() {
    let body = "一、主要举措和成效\n正文。\n二、存在的不足和原因\n(一)队伍建设有待加强。\n不足产生的原因\n原因分析。";
    let got: Vec<i16> = headings(body).into_iter().map(|(l, _, _)| l).collect();
    assert_eq!(got, vec![1, 1, 2]);
}

#[test]
fn a_repeated_report_title_is_no_part_heading() {
    let body = "一、主要举措和成效\n正文。\n某镇2023年法治政府建设情况报告\n二、存在的不足和原因";
    let got: Vec<String> = headings(body).into_iter().map(|(_, _, h)| h).collect();
    assert_eq!(got, vec!["主要举措和成效", "存在的不足和原因"]);
}

#[test]
fn section_types_of_accounts_and_reviews() {
    for h in [
        "2019年推进法治政府建设情况",
        "全市法治政府建设情况",
        "2024年度工作总体情况",
        "2023年工作总结",
        "过去一年工作回顾",
        "主要措施和成效",
    ] {
        assert_eq!(classify_section(h), SectionType::MeasuresAndResults, "{h}");
    }
    assert_eq!(classify_section("总体情况"), SectionType::Other);
    assert_eq!(classify_section("依法全面履行政府职能"), SectionType::Other);
}

#[test]
fn empty_body_has_no_sections_and_all_parts_missing() {
    assert!(build_sections("").is_empty());
    assert_eq!(missing_mandated(&[]).len(), 4);
}

/// The item rule as one regex (what `inline_items` replaces with a scan from each `是`).
fn items_by_regex(text: &str) -> Vec<(String, String)> {
    let re = Regex::new(r"(?:^|[。；;：:！？!?，,\s])(([一二三四五六七八九十]{1,2})是)").unwrap();
    re.captures_iter(text)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

proptest::proptest! {
    #[test]
    fn inline_items_find_what_the_item_regex_finds(
        chars in proptest::collection::vec(
            proptest::sample::select(vec!['一', '二', '十', '是', '。', '，', ',', ' ', '\u{3000}', '：', '年', 'a', '；']),
            0..24,
        )
    ) {
        let text: String = chars.into_iter().collect();
        let scanned: Vec<(String, String)> = inline_items(&text)
            .into_iter()
            .map(|(m, n)| (text[m].to_string(), text[n].to_string()))
            .collect();
        proptest::prop_assert_eq!(scanned, items_by_regex(&text));
    }
}
