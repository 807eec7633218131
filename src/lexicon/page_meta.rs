//! Page-metadata field labels, as data: the one table the page-metadata reader
//! (`crate::clean::page_meta`) matches, in every layout a government site prints them
//! (`[索引号]…`, `- [发布日期] …`, `|发文机关:|…|`, `来源:… 发布时间:…`, a label line then a
//! `•value` line). Labels are written without spaces; the reader allows spaces between
//! their characters (`索 引 号:`). Traditional pages are read through their simplified reading,
//! so only simplified labels are listed.

/// What a page-metadata field carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    /// The date the page was published (发布日期 and the like).
    Publish,
    /// The date the document was written or signed (成文日期).
    Written,
    /// 来源: the unit the site credits.
    Source,
    /// 发布机构 / 发文机关: the issuing or publishing body.
    Publisher,
    /// 索引号
    IndexNo,
    /// 文号
    DocNumber,
    /// 名称 / 标题: the document's title, printed again.
    Title,
    /// 体裁分类: the site's genre of the document (工作报告 …).
    DocType,
    /// Anything else a metadata block carries (主题分类, 有效性, counters, widgets, bylines):
    /// chrome, with no value worth keeping.
    Other,
}

/// Field labels, longest first within a family so that the longer label wins where one
/// contains another (信息来源 before 来源). The number is the label's trust for dates: a
/// smaller one wins when a page prints several (发布日期 over 生成日期 over a bare 时间).
pub const META_LABELS: &[(&str, MetaField, u8)] = &[
    ("信息提供日期", MetaField::Publish, 1),
    ("发布日期", MetaField::Publish, 0),
    ("发布时间", MetaField::Publish, 0),
    ("发表时间", MetaField::Publish, 0),
    ("公开日期", MetaField::Publish, 1),
    ("公开时间", MetaField::Publish, 1),
    ("生成日期", MetaField::Publish, 1),
    ("更新时间", MetaField::Publish, 2),
    ("更新日期", MetaField::Publish, 2),
    ("发文日期", MetaField::Publish, 2),
    ("发文时间", MetaField::Publish, 2),
    ("印发日期", MetaField::Publish, 2),
    ("成文日期", MetaField::Written, 3),
    ("成文时间", MetaField::Written, 3),
    ("时间", MetaField::Publish, 4),
    ("日期", MetaField::Publish, 4),
    ("信息来源", MetaField::Source, 0),
    ("文章来源", MetaField::Source, 0),
    ("稿件来源", MetaField::Source, 0),
    ("来源单位", MetaField::Source, 0),
    ("来源", MetaField::Source, 1),
    ("发布机构", MetaField::Publisher, 0),
    ("发布单位", MetaField::Publisher, 0),
    ("发布部门", MetaField::Publisher, 0),
    ("发文机关", MetaField::Publisher, 0),
    ("发文单位", MetaField::Publisher, 0),
    ("发布机关", MetaField::Publisher, 0),
    ("所属机构", MetaField::Publisher, 1),
    ("发布者", MetaField::Publisher, 1),
    ("索引号", MetaField::IndexNo, 0),
    ("发文字号", MetaField::DocNumber, 0),
    ("文件编号", MetaField::DocNumber, 0),
    ("文号", MetaField::DocNumber, 1),
    ("标题", MetaField::Title, 0),
    ("名称", MetaField::Title, 1),
    ("体裁分类", MetaField::DocType, 0),
    ("主题分类", MetaField::Other, 0),
    ("主题词", MetaField::Other, 0),
    ("组配分类", MetaField::Other, 0),
    ("文件分类", MetaField::Other, 0),
    ("服务对象分类", MetaField::Other, 0),
    ("分类", MetaField::Other, 0),
    ("有效性", MetaField::Other, 0),
    ("效力状态", MetaField::Other, 0),
    ("时效", MetaField::Other, 0),
    ("公开方式", MetaField::Other, 0),
    ("公开范围", MetaField::Other, 0),
    ("公开时限", MetaField::Other, 0),
    ("公开形式", MetaField::Other, 0),
    ("浏览量", MetaField::Other, 0),
    ("浏览次数", MetaField::Other, 0),
    ("阅读次数", MetaField::Other, 0),
    ("阅读量", MetaField::Other, 0),
    ("阅读数", MetaField::Other, 0),
    ("阅读", MetaField::Other, 0),
    ("点击数", MetaField::Other, 0),
    ("点击量", MetaField::Other, 0),
    ("点击率", MetaField::Other, 0),
    ("访问量", MetaField::Other, 0),
    ("访问总数", MetaField::Other, 0),
    ("访问次数", MetaField::Other, 0),
    ("字体大小", MetaField::Other, 0),
    ("字体", MetaField::Other, 0),
    ("字号", MetaField::Other, 0),
    ("视力保护色", MetaField::Other, 0),
    ("分享到", MetaField::Other, 0),
    ("分享", MetaField::Other, 0),
    ("作者", MetaField::Other, 0),
    ("责任编辑", MetaField::Other, 0),
    ("编辑", MetaField::Other, 0),
    ("审核", MetaField::Other, 0),
    ("校对", MetaField::Other, 0),
];

/// Labels of an English database record that copies a Chinese document (`Published`,
/// `Summary` …), each on its own line; the flag says whether its value is on the next line
/// (`Summary` opens the text itself).
pub const ENGLISH_LABELS: &[(&str, MetaField, bool)] = &[
    ("English title (machine-translated)", MetaField::Other, true),
    ("English title", MetaField::Other, true),
    ("Published", MetaField::Publish, true),
    ("Publication date", MetaField::Publish, true),
    ("Type", MetaField::Other, true),
    ("Subtype", MetaField::Other, true),
    ("Level", MetaField::Other, true),
    ("Length", MetaField::Other, true),
    ("Source", MetaField::Other, true),
    ("Issuer", MetaField::Other, true),
    ("Summary", MetaField::Other, false),
    ("Abstract", MetaField::Other, false),
];

/// Labels too common in prose to be taken without a colon or brackets, or in mid-line
/// without another label on the line.
pub const WEAK_LABELS: &[&str] = &[
    "时间", "日期", "名称", "标题", "文号", "分类", "阅读", "分享", "来源", "作者", "编辑", "审核",
    "校对", "时效",
];

/// Characters that open a metadata line or cell before its label: list bullets, table
/// pipes, brackets.
pub const META_LEADERS: &[char] = &[
    '-', '•', '·', '*', '|', '丨', '[', '【', '［', '(', '（', ' ', '\u{3000}', '\u{a0}', '\t',
];

/// Words a site prints after a metadata value on the same line (`来源: 市司法局 打印`): not
/// part of the value.
pub const VALUE_TRAILERS: &[&str] = &[
    "打印本页",
    "打印",
    "关闭窗口",
    "关闭",
    "收藏",
    "分享",
    "【",
    "[",
];
