//! Website chrome: the words that mark a line as page furniture rather than report text.
//! Every list here is matched against a *trimmed* line; the cleaner decides with these plus
//! the line's length, so that a report sentence that happens to mention 举报电话 survives.

/// Breadcrumb openers (`您当前所在的位置: 首页 > …`).
pub const BREADCRUMB_PREFIXES: &[&str] = &[
    "您当前所在的位置",
    "您当前所在位置",
    "您当前的位置",
    "您所在的位置",
    "您所在位置",
    "您现在的位置",
    "您的位置",
    "当前位置",
    "当前所在位置",
    "所在位置",
    "首页>",
    "首页 >",
    "首页»",
    "首页 »",
    "首页→",
    "首页 →",
    "首页->",
    "首页 ->",
    "首页>>",
    "首页 >>",
    "首页＞",
];

/// Separators of a breadcrumb trail (`首页 > 政务公开`, `首页 -> …`, `首页→ …`): a short line
/// with `首页` followed by one of these is a breadcrumb wherever it starts.
pub const BREADCRUMB_SEPARATORS: &[&str] = &[">", "»", "→", "->", "＞", "›", " - ", "/"];

/// The home-page word every breadcrumb trail starts from.
pub const BREADCRUMB_HOME: &str = "首页";

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
    // A font-size widget printed one button per line.
    "大",
    "中",
    "小",
    "分享按钮",
    "打印文本",
    "【打印文本】",
    "收藏本站",
    "设为首页",
    "加入收藏",
    "搜索",
    "高级搜索",
    "站内搜索",
    "登录",
    "注册",
    "用户登录",
    "手机版",
    "English",
    "简体",
    "繁体",
    "无障碍",
    "关闭本页",
];

/// Labels of a site's links to other articles (`上一篇：…`, `相关链接：…`): a short line that opens
/// with one of these and a colon is chrome, whatever title follows.
pub const ARTICLE_LINK_LABELS: &[&str] = &[
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "上一页",
    "下一页",
    "相关链接",
    "相关文章",
    "相关阅读",
    "相关新闻",
    "相关稿件",
    "相关信息",
    "推荐阅读",
];

/// Labels of a site footer's contact block (`联系电话：…  地址：…`): a short line with two of
/// these is the footer, not report text.
pub const FOOTER_CONTACT_LABELS: &[&str] = &[
    "联系电话",
    "电话：",
    "电话:",
    "地址：",
    "地址:",
    "邮编",
    "邮政编码",
    "传真",
    "电子邮箱",
    "邮箱：",
    "邮箱:",
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
    "设为首页",
    "加入收藏",
    "收藏本站",
    "无障碍阅读",
    "无障碍辅助",
    "长者版",
    "适老化",
    "分享按钮",
    "视力保护色",
    "位访问者",
    "访问量:",
    "访问量：",
    "网站找错",
    "扫码关注",
];

/// What a site's own name line ends with (`某某县人民政府门户网站`): a short line ending so,
/// not a heading, is the site's header.
pub const SITE_NAME_ENDINGS: &[&str] = &["门户网站", "政府网站", "政务网"];

/// The bars sites print between menu items and table cells (and the HTML renderer between
/// cells). A short row of three or more short items between them, without digits or
/// punctuation, is the site's navigation (`首页 | 政务公开 | 政务服务`), unless a table row
/// (with numbers or sentences) stands beside it.
pub const BARS: &[char] = &['|', '丨', '｜'];
/// Brackets around widget buttons (`【打印】 【关闭】`).
pub const WIDGET_BRACKETS: &[char] = &['【', '】', '[', ']', '［', '］'];
/// Items of a menu row: at least this many, each of at most `MENU_ITEM_MAX_CHARS`.
pub const MENU_MIN_ITEMS: usize = 3;
pub const MENU_ITEM_MAX_CHARS: usize = 12;

/// Banners of aggregator, document-sharing and 范文 sites that copy a report
/// (`下面是小编为大家整理的…,供大家参考。`, `仅展示628字,全文共2002字`): chrome even when
/// they end like a sentence.
pub const AGGREGATOR_MARKERS: &[&str] = &[
    "小编为大家",
    "小编整理",
    "供大家参考",
    "供您参考",
    "网友投稿",
    "由会员分享",
    "可在线阅读",
    "珍藏版",
    "开头部分已省略",
    "部分已省略",
    "仅展示",
    "全文共",
    "全网资源",
    "每日更新",
    "免费下载",
    "下载文档",
    "本文来源于网络",
    "版权归原作者",
];

/// Longest line (characters) an aggregator banner can be: a longer line is a paragraph.
pub const AGGREGATOR_MAX_CHARS: usize = 160;

/// Extensions of a file-name line that a document-sharing site prints above the text
/// (`…情况报告.docx`).
pub const FILE_EXTENSIONS: &[&str] = &[
    ".docx", ".doc", ".pdf", ".wps", ".ofd", ".txt", ".xlsx", ".xls", ".DOCX", ".DOC", ".PDF",
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

/// Words the organization of a byline ends with (`某市司法局 2023年02月17日`, a unit such as
/// 某某处 under the title): wider than an issuer's endings, since any unit may sign a page.
pub const BYLINE_ORG_ENDINGS: &[&str] = &[
    "政府",
    "办事处",
    "委员会",
    "局",
    "厅",
    "委",
    "办",
    "部",
    "中心",
    "街道",
    "镇",
    "乡",
    "区",
    "县",
    "市",
    "省",
    "院",
    "所",
    "站",
    "会",
    "处",
    "科",
];
