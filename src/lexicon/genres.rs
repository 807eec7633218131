//! Word lists for what a document is (documents.genre): the cues of each genre, where on the
//! page they count (title, the first lines, the opening, a heading) and how much they weigh.
//!
//! The classifier (`extract/genre.rs`) adds up the weights of the cues it finds, once per
//! cue. A kind word in the title (解读, 自查, 上半年, a plan's ending, a span of years) says
//! what this particular document is: a genre with one wins over a title that only names
//! 法治政府建设 and a report. Without one, a genre other than `rol_annual` wins when it
//! reaches [`GENRE_MIN_SCORE`] and beats the evidence for a rule-of-law annual report;
//! otherwise a document about 法治政府建设 is a `rol_annual` report and anything else is
//! `other`.
//!
//! All cues are written in simplified characters, without spaces or quotation marks; the text
//! is read the same way (traditional characters folded, spaces, quotes and pinyin glosses
//! dropped) before matching.

use crate::model::Genre;

/// Where on the page a cue counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The title: the title line the metadata stage found, the page's own title, and the
    /// first lines of the text up to its first sentence (pages without a title line start
    /// with their title glued to the text, or with a banner). Text between 《》 is another
    /// document's name and does not count here.
    Title,
    /// The first [`HEAD_CHARS`] characters of the text (bylines).
    Head,
    /// The first [`OPENING_CHARS`] characters of the text.
    Opening,
    /// A level-1 or level-2 heading (`一、` `（一）`) within the opening.
    Heading,
}

/// One cue: a phrase that says the document is of `genre` when it occurs in `zone`.
#[derive(Debug, Clone, Copy)]
pub struct GenreCue {
    pub genre: Genre,
    pub zone: Zone,
    pub weight: u8,
    pub text: &'static str,
    /// The cue does not count right after one of these (政府工作报告 in 法治政府工作报告).
    pub not_after: &'static [&'static str],
    /// The cue counts only when its zone (the title, that heading) does not name the
    /// rule-of-law topic: 工作总结 is a general summary, 法治政府建设工作总结 is the report.
    pub off_topic: bool,
}

const fn cue(genre: Genre, zone: Zone, weight: u8, text: &'static str) -> GenreCue {
    GenreCue {
        genre,
        zone,
        weight,
        text,
        not_after: &[],
        off_topic: false,
    }
}

const fn off_topic(genre: Genre, zone: Zone, weight: u8, text: &'static str) -> GenreCue {
    GenreCue {
        off_topic: true,
        ..cue(genre, zone, weight, text)
    }
}

/// The least score that makes a document a genre other than `rol_annual`.
pub const GENRE_MIN_SCORE: u8 = 3;
/// A kind word in the title (解读, 自查, 述法, 上半年 …). A title cue weighing at least this
/// much decides the genre over the rule-of-law evidence.
pub const KIND_TITLE_WEIGHT: u8 = 4;
/// A title naming the rule-of-law topic and a report (法治政府建设…情况的报告, …工作总结).
pub const ROL_TITLE_WEIGHT: u8 = 3;
/// The opening names the rule-of-law topic (counted only when the title does not).
pub const ROL_OPENING_WEIGHT: u8 = 1;
/// The opening presents the document as the rule-of-law report: a topic word at most
/// ROL_PREAMBLE_SPAN characters before one of ROL_PREAMBLE_ENDINGS
/// (`现将我镇2023年法治政府建设情况报告如下`).
pub const ROL_PREAMBLE_WEIGHT: u8 = 2;
pub const ROL_PREAMBLE_SPAN: usize = 30;
pub const ROL_PREAMBLE_ENDINGS: &[&str] = &["报告如下", "总结如下", "报告予以公开", "报告如后"];
/// The opening speaks in the first person singular (我认真…, 本人), as a 述法报告 does.
pub const FIRST_PERSON_WEIGHT: u8 = 2;
/// A line of the opening starts with a dateline (`2月29日,` `近日,`), as news does.
pub const DATELINE_WEIGHT: u8 = 2;
/// The title spans several years (`2016-2020年`).
pub const YEAR_SPAN_WEIGHT: u8 = KIND_TITLE_WEIGHT;
/// The title ends with a plan word (工作要点, 实施方案, 规划 …), or transmits a plan
/// (关于印发《…实施方案》的通知).
pub const PLAN_TITLE_WEIGHT: u8 = KIND_TITLE_WEIGHT;

/// How much of the text is read (characters): the title and the opening are enough, and the
/// classifier runs on every document.
pub const OPENING_CHARS: usize = 500;
/// The part of the opening where bylines count (characters).
pub const HEAD_CHARS: usize = 200;
/// The title zone's first lines: at most this many lines and characters.
pub const LEAD_MAX_LINES: usize = 12;
pub const LEAD_MAX_CHARS: usize = 150;
/// A line longer than this without sentence punctuation is text, not a title line.
pub const LEAD_LINE_MAX_CHARS: usize = 60;
/// A heading's text is read up to its first full stop or this many characters.
pub const HEADING_MAX_CHARS: usize = 40;
/// A line starting with a label of at most this many characters and a colon is a page
/// metadata line (`发布时间:`), not the title.
pub const METADATA_LABEL_MAX_CHARS: usize = 8;

/// Which genre wins a tie between two genres other than `rol_annual` (earlier wins).
/// A rule-of-law report ties with nothing: a genre must beat it.
pub const GENRE_PRIORITY: &[Genre] = &[
    Genre::Interpretation,
    Genre::InfoDisclosureAnnual,
    Genre::GovernmentWorkReport,
    Genre::AssessmentNotice,
    Genre::DutyReport,
    Genre::SelfInspection,
    Genre::HalfYearReport,
    Genre::Publication,
    Genre::WorkPlan,
    Genre::RolMultiYear,
    Genre::WorkSummary,
    Genre::News,
    Genre::Other,
];

/// Words a title ends with when the document is a plan (after a trailing bracket such as
/// `（2021-2025年）` or `（征求意见稿）`). A title that also names a 报告 or 总结 is not a plan.
pub const PLAN_TITLE_ENDINGS: &[&str] = &[
    "工作要点",
    "要点",
    "实施方案",
    "工作方案",
    "方案",
    "规划",
    "工作计划",
    "计划",
    "工作安排",
    "安排",
    "实施意见",
];
/// Words that make a title a report or summary rather than a plan.
pub const NOT_PLAN_TITLE_WORDS: &[&str] = &["报告", "总结", "情况"];
/// `关于印发《…》的通知`: a notice that publishes the document named in 《》.
pub const TRANSMIT_WORD: &str = "印发";

/// After 我, these make it a body (我局, 我镇, 我们), not a person speaking.
pub const WO_BODY_NEXT: &str =
    "们局镇区县市省委办厅部街乡院单国司处所中校村旗州盟会站队科室组园馆台";
/// Before 我, these make it part of a word (自我革命), not a person speaking.
pub const WO_WORD_BEFORE: &str = "自忘你敌";
/// First-person words that need no check (本人, not 本人民政府).
pub const FIRST_PERSON_WORDS: &[&str] = &["本人"];
pub const FIRST_PERSON_NOT_BEFORE: &[&str] = &["民"];

/// Words that open a news item's first sentence when a date has none: `近日,` `日前,`.
pub const DATELINE_WORDS: &[&str] = &["近日", "日前", "昨日", "今日"];

/// Field labels of page-metadata lines (`[ 索引号 ] …`, `【发布机构】…`, `名 称：…`), matched
/// without spaces at the start of a line: such a line is chrome, not the title.
pub const METADATA_LABELS: &[&str] = &[
    "索引号",
    "发文字号",
    "文号",
    "主题分类",
    "体裁分类",
    "文件分类",
    "信息分类",
    "主题词",
    "发布机构",
    "发布者",
    "所属机构",
    "发文机关",
    "有效性",
    "效力状态",
    "成文日期",
    "成文时间",
    "发布日期",
    "发布时间",
    "发文日期",
    "生成日期",
    "更新时间",
    "信息来源",
    "文章来源",
    "来源",
    "名称",
    "标题",
    "阅读",
    "浏览",
    "访问量",
    "字体",
    "字号",
    "公开方式",
    "公开范围",
];

/// Words that name some rule-of-law subject, beside ROL_CUES: a title with one is not a
/// report on another subject (依法治县工作报告, 法治乡村建设, the 法制政府 misprint).
pub const BROAD_TOPIC_WORDS: &[&str] = &["法治", "依法治", "法制政府", "法制建设"];

/// A line of at least this many items, each at most NAV_ITEM_MAX_CHARS long, separated by
/// spaces or `|`, is a navigation bar (`首页 | 政务公开 | 政策解读 | 互动交流`), not a title.
pub const NAV_MIN_ITEMS: usize = 4;
pub const NAV_ITEM_MAX_CHARS: usize = 6;
/// A top line shorter than this is a menu item, a section name or a widget (`政策解读`,
/// `部门工作报告`, `大`): not read as the title (a title that short is found by the metadata
/// stage, or not at all).
pub const TITLE_LINE_MIN_CHARS: usize = 8;
/// The first characters of the metadata stage's title, looked up in the body to start the
/// title zone there (chrome above the title is not read).
pub const TITLE_NEEDLE_CHARS: usize = 8;
/// How far into the body (bytes) the title is looked for.
pub const TITLE_SEARCH_BYTES: usize = 4096;

/// Words a title ends with, to find a title glued to the first sentence of a page without
/// line breaks (`…自查报告依据…`).
pub const GLUED_TITLE_ENDINGS: &[&str] = &[
    "报告", "总结", "情况", "通报", "通知", "解读", "方案", "要点", "规划", "计划", "安排",
];
/// How a report's first sentence starts (after a glued title); a digit (a year) also does.
pub const SENTENCE_STARTS: &[&str] = &[
    "为",
    "根据",
    "依据",
    "按照",
    "今年",
    "近年",
    "一年来",
    "去年",
    "过去",
    "在",
    "自",
    "近日",
    "日前",
    "我",
    "本",
];

/// Lines at the top that are site chrome, not the title: breadcrumbs (a separator, or the
/// words that introduce one).
pub const BREADCRUMB_CHARS: &[char] = &['>', '»', '›', '→'];
pub const BREADCRUMB_WORDS: &[&str] = &["当前位置", "您的位置", "所在位置"];
/// A chrome line (breadcrumb, page metadata, navigation bar) has one of these: a separator,
/// a colon, a bracket around a label, a space between items.
pub const CHROME_SIGNS: &[char] = &[
    '>', '»', '›', '→', ':', '：', '[', '【', '〔', '|', '｜', ' ', '\u{3000}', '\u{a0}', '\t',
];

/// Sentence punctuation: the title zone ends at the first one (a colon only when it is not
/// between two digits, as in a time 09:01).
pub const SENTENCE_PUNCTUATION: &[char] =
    &['。', '，', ',', '；', ';', '！', '!', '？', '?', '：', ':'];

/// Characters dropped before matching: quotation marks and brackets around terms
/// (“十三五”), and white space.
pub const IGNORED_CHARS: &[char] = &[
    '“', '”', '"', '‘', '’', '\'', '「', '」', '『', '』', '\u{a0}', '\u{3000}', '\u{feff}',
];

/// The cues of every genre. `rol_annual` has a few of its own (the mandated parts, 报告如下);
/// its main evidence is computed (the rule-of-law topic in the title or the opening).
#[rustfmt::skip]
pub const GENRE_CUES: &[GenreCue] = &[
    // A rule-of-law annual report: its preamble and its mandated parts.
    cue(Genre::RolAnnual, Zone::Opening, 1, "报告如下"),
    cue(Genre::RolAnnual, Zone::Opening, 1, "总结如下"),
    cue(Genre::RolAnnual, Zone::Heading, 1, "主要举措"),
    cue(Genre::RolAnnual, Zone::Heading, 1, "第一责任人"),
    cue(Genre::RolAnnual, Zone::Heading, 1, "不足"),
    // A review of several years (a span of years in the title is found apart).
    // Not the end of a year in Chinese numerals (`二〇二五年`), nor fifteen years.
    GenreCue {
        not_after: &["〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"],
        ..cue(Genre::RolMultiYear, Zone::Title, KIND_TITLE_WEIGHT, "五年")
    },
    cue(Genre::RolMultiYear, Zone::Title, KIND_TITLE_WEIGHT, "十二五"),
    cue(Genre::RolMultiYear, Zone::Title, KIND_TITLE_WEIGHT, "十三五"),
    cue(Genre::RolMultiYear, Zone::Title, KIND_TITLE_WEIGHT, "十四五"),
    cue(Genre::RolMultiYear, Zone::Opening, 2, "五年来"),
    cue(Genre::RolMultiYear, Zone::Opening, 2, "五年以来"),
    cue(Genre::RolMultiYear, Zone::Opening, 2, "过去五年"),
    cue(Genre::RolMultiYear, Zone::Opening, 2, "近五年"),
    cue(Genre::RolMultiYear, Zone::Opening, 1, "十三五时期"),
    cue(Genre::RolMultiYear, Zone::Opening, 1, "十三五期间"),
    cue(Genre::RolMultiYear, Zone::Opening, 1, "十四五时期"),
    // An interpretation of a report or a policy.
    cue(Genre::Interpretation, Zone::Title, KIND_TITLE_WEIGHT, "解读"),
    cue(Genre::Interpretation, Zone::Title, KIND_TITLE_WEIGHT, "图解"),
    cue(Genre::Interpretation, Zone::Title, KIND_TITLE_WEIGHT, "图读懂"),
    cue(Genre::Interpretation, Zone::Title, KIND_TITLE_WEIGHT, "图看懂"),
    cue(Genre::Interpretation, Zone::Opening, 3, "解读如下"),
    cue(Genre::Interpretation, Zone::Heading, 2, "起草背景"),
    cue(Genre::Interpretation, Zone::Heading, 2, "起草过程"),
    cue(Genre::Interpretation, Zone::Heading, 2, "制定背景"),
    cue(Genre::Interpretation, Zone::Heading, 2, "背景依据"),
    // A half-year report.
    cue(Genre::HalfYearReport, Zone::Title, KIND_TITLE_WEIGHT, "上半年"),
    cue(Genre::HalfYearReport, Zone::Title, KIND_TITLE_WEIGHT, "半年工作"),
    cue(Genre::HalfYearReport, Zone::Title, KIND_TITLE_WEIGHT, "半年总结"),
    cue(Genre::HalfYearReport, Zone::Title, KIND_TITLE_WEIGHT, "半年度"),
    cue(Genre::HalfYearReport, Zone::Title, KIND_TITLE_WEIGHT, "1-6月"),
    cue(Genre::HalfYearReport, Zone::Opening, 2, "今年上半年"),
    cue(Genre::HalfYearReport, Zone::Opening, 2, "上半年以来"),
    // A government information-disclosure annual report: its title, the 条例 it is made under and
    // its standard parts.
    cue(Genre::InfoDisclosureAnnual, Zone::Title, KIND_TITLE_WEIGHT, "信息公开工作年度报告"),
    cue(Genre::InfoDisclosureAnnual, Zone::Title, KIND_TITLE_WEIGHT, "信息公开年度报告"),
    cue(Genre::InfoDisclosureAnnual, Zone::Title, KIND_TITLE_WEIGHT, "信息公开工作报告"),
    cue(Genre::InfoDisclosureAnnual, Zone::Title, KIND_TITLE_WEIGHT, "政务公开工作年度报告"),
    cue(Genre::InfoDisclosureAnnual, Zone::Title, KIND_TITLE_WEIGHT, "政务公开年度报告"),
    cue(Genre::InfoDisclosureAnnual, Zone::Opening, 2, "政府信息公开条例"),
    cue(Genre::InfoDisclosureAnnual, Zone::Opening, 2, "编制本报告"),
    cue(Genre::InfoDisclosureAnnual, Zone::Opening, 2, "编制并发布本报告"),
    cue(Genre::InfoDisclosureAnnual, Zone::Opening, 1, "主动公开政府信息"),
    cue(Genre::InfoDisclosureAnnual, Zone::Opening, 1, "依申请公开"),
    cue(Genre::InfoDisclosureAnnual, Zone::Heading, 2, "主动公开政府信息"),
    cue(Genre::InfoDisclosureAnnual, Zone::Heading, 2, "政府信息主动公开"),
    cue(Genre::InfoDisclosureAnnual, Zone::Heading, 2, "收到和处理政府信息公开申请"),
    cue(Genre::InfoDisclosureAnnual, Zone::Heading, 1, "总体情况"),
    // A government work report to the people's congress (not 法治政府工作报告).
    GenreCue { not_after: &["法治"], ..cue(Genre::GovernmentWorkReport, Zone::Title, KIND_TITLE_WEIGHT, "政府工作报告") },
    cue(Genre::GovernmentWorkReport, Zone::Opening, 3, "各位代表"),
    cue(Genre::GovernmentWorkReport, Zone::Opening, 3, "报告政府工作"),
    cue(Genre::GovernmentWorkReport, Zone::Opening, 1, "请予审议"),
    // A notice of assessment results, praise or criticism.
    cue(Genre::AssessmentNotice, Zone::Title, KIND_TITLE_WEIGHT, "考核结果"),
    cue(Genre::AssessmentNotice, Zone::Title, KIND_TITLE_WEIGHT, "考评结果"),
    cue(Genre::AssessmentNotice, Zone::Title, KIND_TITLE_WEIGHT, "的通报"),
    cue(Genre::AssessmentNotice, Zone::Title, KIND_TITLE_WEIGHT, "情况通报"),
    cue(Genre::AssessmentNotice, Zone::Title, KIND_TITLE_WEIGHT, "结果通报"),
    cue(Genre::AssessmentNotice, Zone::Title, KIND_TITLE_WEIGHT, "表扬"),
    cue(Genre::AssessmentNotice, Zone::Title, KIND_TITLE_WEIGHT, "表彰"),
    cue(Genre::AssessmentNotice, Zone::Title, 3, "评估结果"),
    cue(Genre::AssessmentNotice, Zone::Opening, 3, "通报如下"),
    cue(Genre::AssessmentNotice, Zone::Opening, 2, "予以通报"),
    cue(Genre::AssessmentNotice, Zone::Opening, 2, "经考核"),
    cue(Genre::AssessmentNotice, Zone::Opening, 2, "考核结果"),
    cue(Genre::AssessmentNotice, Zone::Opening, 1, "优秀单位"),
    // A self-inspection or self-evaluation report.
    cue(Genre::SelfInspection, Zone::Title, KIND_TITLE_WEIGHT, "自查"),
    cue(Genre::SelfInspection, Zone::Title, KIND_TITLE_WEIGHT, "自评"),
    cue(Genre::SelfInspection, Zone::Title, KIND_TITLE_WEIGHT, "自检"),
    cue(Genre::SelfInspection, Zone::Opening, 2, "自查自评"),
    cue(Genre::SelfInspection, Zone::Opening, 2, "进行了自查"),
    cue(Genre::SelfInspection, Zone::Opening, 2, "自查情况"),
    cue(Genre::SelfInspection, Zone::Opening, 2, "自评情况"),
    cue(Genre::SelfInspection, Zone::Opening, 1, "考评指标"),
    cue(Genre::SelfInspection, Zone::Opening, 1, "评分标准"),
    // A person's report on their duties. In the opening 述法 is weak: annual reports tell of their
    // 述法 and 述职述廉 meetings; a person speaking is found apart.
    cue(Genre::DutyReport, Zone::Title, KIND_TITLE_WEIGHT, "述法"),
    cue(Genre::DutyReport, Zone::Title, KIND_TITLE_WEIGHT, "述职"),
    cue(Genre::DutyReport, Zone::Opening, 1, "述法"),
    // The report a leader makes under the 第一责任人 rules names itself so in its preamble
    // (`现将我履行推进法治建设第一责任人职责情况报告如下`); an annual report tells of the duty in a
    // heading. (With a person speaking it outweighs the preamble's rule-of-law evidence; a
    // combined report, `我县…暨第一责任人职责情况报告`, stays an annual report.)
    cue(Genre::DutyReport, Zone::Opening, 4, "第一责任人职责情况报告"),
    cue(Genre::DutyReport, Zone::Opening, 4, "第一责任人职责的情况报告"),
    // A plan (the endings of a plan's title are in PLAN_TITLE_ENDINGS).
    cue(Genre::WorkPlan, Zone::Opening, 3, "制定本方案"),
    cue(Genre::WorkPlan, Zone::Opening, 3, "制定本计划"),
    cue(Genre::WorkPlan, Zone::Opening, 3, "制定本要点"),
    cue(Genre::WorkPlan, Zone::Opening, 3, "制定本规划"),
    cue(Genre::WorkPlan, Zone::Opening, 3, "工作要点如下"),
    cue(Genre::WorkPlan, Zone::Heading, 1, "总体要求"),
    cue(Genre::WorkPlan, Zone::Heading, 1, "工作目标"),
    cue(Genre::WorkPlan, Zone::Heading, 1, "主要任务"),
    cue(Genre::WorkPlan, Zone::Heading, 1, "保障措施"),
    // A body's general work summary or work report, not about the rule-of-law topic.
    off_topic(Genre::WorkSummary, Zone::Title, KIND_TITLE_WEIGHT, "工作总结"),
    off_topic(Genre::WorkSummary, Zone::Title, KIND_TITLE_WEIGHT, "年度总结"),
    off_topic(Genre::WorkSummary, Zone::Title, KIND_TITLE_WEIGHT, "年终总结"),
    off_topic(Genre::WorkSummary, Zone::Title, KIND_TITLE_WEIGHT, "工作报告"),
    off_topic(Genre::WorkSummary, Zone::Heading, 3, "工作总结"),
    // News: a headline's verb, bylines at the top, a meeting reported in the third person (a
    // dateline is found apart).
    cue(Genre::News, Zone::Title, 3, "召开"),
    cue(Genre::News, Zone::Title, 3, "举办"),
    cue(Genre::News, Zone::Title, 3, "举行"),
    cue(Genre::News, Zone::Title, 3, "发布会"),
    cue(Genre::News, Zone::Head, 3, "本报讯"),
    cue(Genre::News, Zone::Head, 3, "记者"),
    cue(Genre::News, Zone::Head, 3, "通讯员"),
    cue(Genre::News, Zone::Head, 3, "新华社"),
    cue(Genre::News, Zone::Head, 3, "讯("),
    cue(Genre::News, Zone::Head, 3, "讯（"),
    cue(Genre::News, Zone::Head, 2, "日电"),
    cue(Genre::News, Zone::Opening, 2, "会议指出"),
    cue(Genre::News, Zone::Opening, 2, "会议强调"),
    cue(Genre::News, Zone::Opening, 2, "会议要求"),
    cue(Genre::News, Zone::Opening, 2, "会议认为"),
    cue(Genre::News, Zone::Opening, 1, "主持会议"),
    cue(Genre::News, Zone::Opening, 1, "并讲话"),
    cue(Genre::News, Zone::Opening, 1, "会上"),
    // A journal article, yearbook entry, blue book or database record (English metadata is
    // matched in lower case, without spaces).
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "蓝皮书"),
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "年鉴"),
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "学报"),
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "研究"),
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "浅析"),
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "探析"),
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "浅谈"),
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "思考"),
    cue(Genre::Publication, Zone::Title, KIND_TITLE_WEIGHT, "评析"),
    cue(Genre::Publication, Zone::Opening, 3, "englishtitle"),
    cue(Genre::Publication, Zone::Opening, 2, "published"),
    cue(Genre::Publication, Zone::Opening, 2, "summary"),
    cue(Genre::Publication, Zone::Opening, 2, "abstract"),
    cue(Genre::Publication, Zone::Opening, 2, "keywords"),
    cue(Genre::Publication, Zone::Opening, 2, "摘要"),
    cue(Genre::Publication, Zone::Opening, 2, "关键词"),
    cue(Genre::Publication, Zone::Opening, 3, "中图分类号"),
    cue(Genre::Publication, Zone::Opening, 3, "文献标识码"),
    cue(Genre::Publication, Zone::Opening, 2, "分类号"),
    cue(Genre::Publication, Zone::Opening, 2, "作者单位"),
    cue(Genre::Publication, Zone::Opening, 2, "作者简介"),
    cue(Genre::Publication, Zone::Opening, 2, "基金项目"),
    cue(Genre::Publication, Zone::Opening, 3, "收稿日期"),
    // Other documents about the topic: a guideline or outline for writing the report, a notice, a
    // regulation, an opinion, a rectification report; and a titled report on another subject.
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "指引"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "编写指南"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "写作指南"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "提纲"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "模板"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "的通知"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "的意见"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "的决定"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "办法"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "规定"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "细则"),
    cue(Genre::Other, Zone::Title, KIND_TITLE_WEIGHT, "整改"),
    off_topic(Genre::Other, Zone::Title, 3, "报告"),
    cue(Genre::Other, Zone::Opening, 3, "本指引"),
    cue(Genre::Other, Zone::Opening, 3, "本工作指引"),
    cue(Genre::Other, Zone::Heading, 1, "报告名称"),
    cue(Genre::Other, Zone::Heading, 1, "报告主体"),
    cue(Genre::Other, Zone::Heading, 1, "报告时间"),
];

/// Traditional characters of the cue words and their simplified forms, sorted by the
/// traditional character. Pages in traditional characters (machine-converted mirrors) are
/// read through this table; characters outside it are kept as they are.
pub const TRADITIONAL_FOLD: &[(char, char)] = &[
    ('並', '并'),
    ('佈', '布'),
    ('來', '来'),
    ('係', '系'),
    ('個', '个'),
    ('們', '们'),
    ('備', '备'),
    ('傳', '传'),
    ('億', '亿'),
    ('優', '优'),
    ('兒', '儿'),
    ('內', '内'),
    ('兩', '两'),
    ('則', '则'),
    ('創', '创'),
    ('劃', '划'),
    ('動', '动'),
    ('務', '务'),
    ('勞', '劳'),
    ('勢', '势'),
    ('勵', '励'),
    ('區', '区'),
    ('協', '协'),
    ('參', '参'),
    ('員', '员'),
    ('問', '问'),
    ('啟', '启'),
    ('單', '单'),
    ('嚴', '严'),
    ('國', '国'),
    ('園', '园'),
    ('圖', '图'),
    ('執', '执'),
    ('報', '报'),
    ('場', '场'),
    ('婦', '妇'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('寫', '写'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('屆', '届'),
    ('層', '层'),
    ('屬', '属'),
    ('帶', '带'),
    ('幫', '帮'),
    ('幹', '干'),
    ('廢', '废'),
    ('廣', '广'),
    ('廳', '厅'),
    ('強', '强'),
    ('彙', '汇'),
    ('後', '后'),
    ('從', '从'),
    ('復', '复'),
    ('態', '态'),
    ('慶', '庆'),
    ('應', '应'),
    ('懲', '惩'),
    ('戰', '战'),
    ('揚', '扬'),
    ('擊', '击'),
    ('據', '据'),
    ('數', '数'),
    ('斷', '断'),
    ('於', '于'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('標', '标'),
    ('機', '机'),
    ('檢', '检'),
    ('權', '权'),
    ('歡', '欢'),
    ('歷', '历'),
    ('歸', '归'),
    ('況', '况'),
    ('準', '准'),
    ('滿', '满'),
    ('為', '为'),
    ('無', '无'),
    ('營', '营'),
    ('爭', '争'),
    ('獎', '奖'),
    ('獻', '献'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('發', '发'),
    ('盡', '尽'),
    ('監', '监'),
    ('眾', '众'),
    ('碼', '码'),
    ('稅', '税'),
    ('稱', '称'),
    ('積', '积'),
    ('範', '范'),
    ('簡', '简'),
    ('簽', '签'),
    ('紀', '纪'),
    ('納', '纳'),
    ('級', '级'),
    ('終', '终'),
    ('組', '组'),
    ('結', '结'),
    ('統', '统'),
    ('經', '经'),
    ('綜', '综'),
    ('維', '维'),
    ('網', '网'),
    ('緊', '紧'),
    ('線', '线'),
    ('編', '编'),
    ('縣', '县'),
    ('總', '总'),
    ('織', '织'),
    ('繫', '系'),
    ('續', '续'),
    ('罰', '罚'),
    ('義', '义'),
    ('聞', '闻'),
    ('聯', '联'),
    ('職', '职'),
    ('聽', '听'),
    ('臺', '台'),
    ('與', '与'),
    ('舉', '举'),
    ('華', '华'),
    ('萬', '万'),
    ('藍', '蓝'),
    ('蘭', '兰'),
    ('處', '处'),
    ('號', '号'),
    ('衆', '众'),
    ('衛', '卫'),
    ('製', '制'),
    ('複', '复'),
    ('覈', '核'),
    ('規', '规'),
    ('覽', '览'),
    ('觀', '观'),
    ('計', '计'),
    ('訊', '讯'),
    ('記', '记'),
    ('設', '设'),
    ('評', '评'),
    ('詞', '词'),
    ('試', '试'),
    ('話', '话'),
    ('誌', '志'),
    ('認', '认'),
    ('語', '语'),
    ('說', '说'),
    ('調', '调'),
    ('請', '请'),
    ('講', '讲'),
    ('證', '证'),
    ('識', '识'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('讓', '让'),
    ('負', '负'),
    ('責', '责'),
    ('買', '买'),
    ('費', '费'),
    ('貿', '贸'),
    ('資', '资'),
    ('賣', '卖'),
    ('質', '质'),
    ('軍', '军'),
    ('較', '较'),
    ('輔', '辅'),
    ('轉', '转'),
    ('辦', '办'),
    ('辭', '辞'),
    ('農', '农'),
    ('連', '连'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('違', '违'),
    ('遞', '递'),
    ('遠', '远'),
    ('選', '选'),
    ('邊', '边'),
    ('鄉', '乡'),
    ('醫', '医'),
    ('釋', '释'),
    ('銷', '销'),
    ('錄', '录'),
    ('錢', '钱'),
    ('鍵', '键'),
    ('鎮', '镇'),
    ('鏈', '链'),
    ('鐵', '铁'),
    ('鑑', '鉴'),
    ('鑒', '鉴'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('陣', '阵'),
    ('隊', '队'),
    ('際', '际'),
    ('雙', '双'),
    ('雜', '杂'),
    ('電', '电'),
    ('響', '响'),
    ('頁', '页'),
    ('項', '项'),
    ('頒', '颁'),
    ('領', '领'),
    ('頭', '头'),
    ('題', '题'),
    ('類', '类'),
    ('養', '养'),
    ('餘', '余'),
    ('館', '馆'),
    ('驗', '验'),
    ('體', '体'),
    ('鬥', '斗'),
    ('鳥', '鸟'),
    ('點', '点'),
    ('齊', '齐'),
];
