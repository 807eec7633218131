//! Words that make a fact the document's explicit total for its indicator
//! (`成功调解案件总数为263宗`): the other facts of that indicator are then covered by it.
pub const EXPLICIT_TOTAL_CUES: &[&str] = &["总数", "总计", "合计", "总量", "总共", "累计总"];

/// Measure words that count the same things (`立案118宗` and `立案41件` are both cases):
/// the first of each group stands for the group.
pub const COUNT_UNIT_SYNONYMS: &[&[&str]] =
    &[&["件", "宗", "起"], &["人", "名"], &["次", "场", "场次"]];

/// The ascii name of a unit in panel column names (`legal_training_sessions_chang`): the
/// pinyin, with a tone number where two units would read alike (起 qi, 期 qi1; 件次 jianci,
/// 间次 jian1ci). A unit not listed here or in the taxonomy's `[panel.unit_names]` is named
/// by its code points (`u4ef6`).
pub const UNIT_COLUMN_NAMES: &[(&str, &str)] = &[
    ("件", "jian"),
    ("宗", "zong"),
    ("起", "qi"),
    ("次", "ci"),
    ("份", "fen"),
    ("项", "xiang"),
    ("人次", "renci"),
    ("人", "ren"),
    ("名", "ming"),
    ("条", "tiao"),
    ("批次", "pici"),
    ("场", "chang"),
    ("场次", "changci"),
    ("元", "yuan"),
    ("部", "bu"),
    ("户次", "huci"),
    ("家", "jia"),
    ("家次", "jiaci"),
    ("处", "chu"),
    ("件次", "jianci"),
    ("间次", "jian1ci"),
    ("本", "ben"),
    ("期", "qi1"),
    ("张", "zhang"),
    ("卷", "juan"),
    ("册", "ce"),
    ("个", "ge"),
    ("平方米", "m2"),
    ("米", "m"),
    ("千克", "kg"),
    ("天", "tian"),
    ("小时", "xiaoshi"),
    ("%", "pct"),
    ("个百分点", "pp"),
];
