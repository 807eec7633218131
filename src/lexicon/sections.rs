//! Words that classify level-1 sections into the four mandated parts of a report.
//! Checked in the order of `SECTION_TYPE_CUES`: the first cue list with a hit wins, so the
//! specific 第一责任人 beats the generic 情况, and 计划 beats 措施 in 改进措施及工作计划.

use crate::model::SectionType;

pub const SECTION_TYPE_CUES: &[(SectionType, &[&str])] = &[
    (
        SectionType::LeadershipDuty,
        &["第一责任人", "主要负责人履行", "履行推进法治建设"],
    ),
    (
        SectionType::Shortcomings,
        &["不足", "问题", "短板", "差距", "薄弱"],
    ),
    (
        SectionType::NextYearPlan,
        &[
            "安排",
            "计划",
            "打算",
            "思路",
            "下一步",
            "工作要点",
            "努力方向",
            "展望",
        ],
    ),
    (
        SectionType::MeasuresAndResults,
        &[
            "举措",
            "成效",
            "主要工作",
            "工作情况",
            "做法",
            "成绩",
            "开展情况",
            "推进情况",
            "进展",
            // `2023年法治政府建设情况`, `推进法治政府建设情况`: the report's own account
            "建设情况",
            "工作总体情况",
            "总结",
            "回顾",
            "措施",
        ],
    ),
];

/// An unnumbered short line naming one of these parts is still a level-1 heading when it
/// appears after the first numbered level-1 heading (a page that lost its `三、`).
pub const UNNUMBERED_HEADING_MAX_CHARS: usize = 40;

/// Only the first characters of a heading are read for its type: a heading glued to its
/// paragraph (no `。` after it) must not be typed by the body's words (`…局发展计划法规处`).
pub const SECTION_TYPE_MAX_CHARS: usize = 48;

/// Lines at least this long (in bytes) are searched for headings glued after a sentence
/// (`…保障。一、坚持党的领导…`): pages copied with no line breaks, WeChat-style copies.
pub const INLINE_HEADING_MIN_LINE_BYTES: usize = 600;

/// A heading text longer than this (in characters) with no sentence end ran on into its
/// paragraph: it is cut at its first space after [`RUN_ON_HEADING_MIN_CHARS`]
/// (`以“六进”为载体,加强普法宣传教育 年初,我镇…`).
pub const RUN_ON_HEADING_CHARS: usize = 40;
pub const RUN_ON_HEADING_MIN_CHARS: usize = 4;

/// A numbered heading that ends the body with fewer characters than this was cut off by the
/// end of an excerpt (`二、规范`): it is no heading.
pub const CUT_OFF_HEADING_CHARS: usize = 6;

/// Characters before a line's marker that stand for lost indentation (`??一、…`).
pub const LEADING_JUNK: &[char] = &['?', '？', '\u{fffd}', ' ', '\u{3000}', '\u{a0}', '\t'];
