//! Website chrome: the words that mark a line as page furniture rather than report text.
//! Every list here is matched against a *trimmed* line; the cleaner decides with these plus
//! the line's length, so that a report sentence that happens to mention 举报电话 survives.

/// Breadcrumb openers (`您当前所在的位置: 首页 > …`).
pub const BREADCRUMB_PREFIXES: &[&str] = &[
    "您当前所在的位置",
    "您当前的位置",
    "您现在的位置",
    "您的位置",
    "当前位置",
    "当前所在位置",
    "所在位置",
    "首页>",
    "首页 >",
    "首页»",
    "首页 »",
];

/// Page-metadata keys followed by a colon (`发布日期:2023-12-14 来源:海幢街`).
pub const META_KEYS: &[&str] = &[
    "发布日期",
    "发布时间",
    "发文日期",
    "成文日期",
    "来源",
    "信息来源",
    "发布者",
    "发布机构",
    "发文机关",
    "作者",
    "编辑",
    "责任编辑",
    "索引号",
    "主题分类",
    "公开方式",
    "公开范围",
    "公开时限",
    "浏览量",
    "浏览次数",
    "阅读次数",
    "点击数",
    "访问量",
    "访问总数",
    "字号",
    "分享到",
    "有效性",
];

/// Whole-line chrome: a line that consists of exactly one of these (after trimming) is removed.
pub const CHROME_EXACT: &[&str] = &[
    "微博",
    "微信",
    "打印",
    "关闭",
    "关闭窗口",
    "打印本页",
    "收藏",
    "返回顶部",
    "相关文章",
    "相关链接",
    "相关阅读",
    "相关新闻",
    "附件:",
    "附件：",
    "附件",
    "【我要纠错】",
    "我要纠错",
    "扫一扫",
    "扫一扫在手机打开当前页",
    "分享",
    "【打印】",
    "【关闭】",
    "【字体：大 中 小】",
    "上一篇",
    "下一篇",
    "TOP",
];

/// Site chrome that may share a line with other chrome (`法律声明 | 关于我们 | 网站地图`).
/// Matched as substrings of short lines only (see `CHROME_MAX_CHARS`).
pub const CHROME_MARKERS: &[&str] = &[
    "网站无障碍",
    "无障碍浏览",
    "关怀版",
    "长者模式",
    "简体|繁体",
    "简体 | 繁体",
    "繁體",
    "法律声明",
    "关于我们",
    "网站地图",
    "使用帮助",
    "联系我们",
    "友情链接",
    "站点地图",
    "主办:",
    "主办：",
    "承办:",
    "承办：",
    "主办单位",
    "承办单位",
    "技术支持",
    "版权所有",
    "ICP备",
    "icp备",
    "公网安备",
    "网站标识码",
    "举报电话",
    "举报邮箱",
    "我要纠错",
    "分享到",
    "字号：",
    "字号:",
    "【字体",
    "浏览次数",
    "访问总数",
    "建议使用",
    "分辨率",
];

/// Lines at most this long (in characters) can be judged chrome by `CHROME_MARKERS`;
/// longer lines are report prose that mentions the word.
pub const CHROME_MAX_CHARS: usize = 120;

/// Characters that make up separator lines and stray markup (a line of only these is chrome).
pub const SEPARATOR_CHARS: &[char] = &[
    '`', '-', '—', '_', '=', '*', '|', '丨', '·', '•', '~', '#', '>', '»', ' ', '\u{3000}',
];

/// Weekday words: a short line with a date and one of these is the site header's "today".
pub const WEEKDAY_WORDS: &[&str] = &[
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
    "星期天",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
];
