//! Words that make a fact the document's explicit total for its indicator
//! (`成功调解案件总数为263宗`): the other facts of that indicator are then covered by it.
pub const EXPLICIT_TOTAL_CUES: &[&str] = &["总数", "总计", "合计", "总量", "总共", "累计总"];

/// Measure words that count the same things (`立案118宗` and `立案41件` are both cases):
/// the first of each group stands for the group.
pub const COUNT_UNIT_SYNONYMS: &[&[&str]] =
    &[&["件", "宗", "起"], &["人", "名"], &["次", "场", "场次"]];
