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
        ],
    ),
];

/// An unnumbered short line naming one of these parts is still a level-1 heading when it
/// appears after the first numbered level-1 heading (a page that lost its `三、`).
pub const UNNUMBERED_HEADING_MAX_CHARS: usize = 40;
