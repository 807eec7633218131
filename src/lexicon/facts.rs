//! Word lists of the numeric-facts extractor, as data: qualifiers, metric fillers and the
//! traps that make a number not a fact. `crate::extract::facts` reads these tables.

use crate::model::Qualifier;
use Qualifier::{Approx, LessThan, MoreThan};

/// Qualifier words printed just before the number (`约500亩`, `近5万份`, `超14000人次`).
/// Matched longest first, so `不少于` wins over `少于`.
pub static PREFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("大约", Approx),
    ("约", Approx),
    ("将近", Approx),
    ("接近", Approx),
    ("近", Approx),
    ("超过", MoreThan),
    ("超", MoreThan),
    ("逾", MoreThan),
    ("多于", MoreThan),
    ("高于", MoreThan),
    ("不少于", MoreThan),
    ("至少", MoreThan),
    ("不足", LessThan),
    ("不到", LessThan),
    ("低于", LessThan),
    ("少于", LessThan),
    ("不超过", LessThan),
    ("最多", LessThan),
];

/// Words that end like a prefix qualifier but are not one (`节约3万元` is exact; `最近3个月`).
pub static PREFIX_QUALIFIER_BLOCKERS: &[&str] = &[
    "节约", "预约", "签约", "履约", "违约", "制约", "契约", "合约", "特约", "简约", "最近", "附近",
    "就近", "临近", "靠近", "邻近", "贴近", "走近", "赶超", "高超",
];

/// Qualifier characters between the number and its unit (`100余起`, `3500多人次`, `5万余人`).
pub static INFIX_QUALIFIERS: &[(char, Qualifier)] =
    &[('余', MoreThan), ('多', MoreThan), ('餘', MoreThan)];

/// Qualifier words printed after the unit (`3次以上`, `200人左右`).
pub static POSTFIX_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("左右", Approx),
    ("上下", Approx),
    ("以上", MoreThan),
    ("之多", MoreThan),
    ("以下", LessThan),
    ("以内", LessThan),
];

/// Phrases that start with a postfix qualifier but are something else (`以上率下` = lead by example).
pub static POSTFIX_QUALIFIER_BLOCKERS: &[&str] = &[
    "以上率下",
    "上下联动",
    "上下结合",
    "上下贯通",
    "上下一心",
    "以下几",
];

/// Separators of a range `3至5天`, `10-20人`, `3~5`.
pub static RANGE_SEPARATORS: &[char] = &['至', '到', '-', '~', '～', '—', '－', '–', '〜'];

/// Spaces tolerated between a number, its qualifier and its unit (`开展治安巡逻 26 次`).
pub static INNER_SPACES: &[char] = &[
    ' ', '\u{3000}', '\u{a0}', '\u{2002}', '\u{2003}', '\u{2009}', '\t',
];

/// Characters that end a clause: the metric of a number is looked for after the last of them.
pub static CLAUSE_BREAKS: &[char] = &[
    '，', ',', '、', '：', ':', '（', '(', '）', ')', '【', '】', '[', ']', '\u{ff5e}',
];

/// Characters that end a sentence (they also end the clause).
pub static SENTENCE_BREAKS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '\n', '\r'];

/// Opening → closing marks of spans whose numbers are never facts (titles, quoted slogans
/// and names), with the longest span searched for the closing mark, in characters.
pub static PROTECTED_PAIRS: &[(char, char, usize)] = &[
    ('《', '》', 200),
    ('〈', '〉', 100),
    ('“', '”', 60),
    ('‘', '’', 60),
    ('「', '」', 60),
    ('『', '』', 60),
    ('"', '"', 60),
];

/// Opening marks of the year in a document number (`金文〔2023〕5号`, `国发[2010]33号`): the
/// span is protected up to the following `号`.
pub static DOC_NUMBER_OPENERS: &[char] = &['〔', '［', '['];
/// The character closing a document number.
pub const DOC_NUMBER_CLOSE: char = '号';
/// How far after the opener the `号` of a document number may be.
pub const DOC_NUMBER_MAX_CHARS: usize = 16;

/// Characters that may not touch an Arabic number on its left when they are themselves preceded
/// by a digit: dates `2023-12-14`, `2023.11.30`, times `17:16`, `3·15`, `1+3`, ranges that were
/// rejected as a whole.
pub static DIGIT_JOINERS: &[char] = &[
    '.', '-', '/', ':', '_', '·', '•', '+', '－', '．', '~', '～', '—', '至',
];

/// Prefix that makes an Arabic number an ordinal (`第3次`).
pub static ARABIC_ORDINAL_PREFIXES: &[char] = &['第', '#', '№'];

/// `前10名` is a rank, not a count of 10 names.
pub static RANK_PREFIX: char = '前';
/// Units that make `前N` a rank.
pub static RANK_UNITS: &[&str] = &["名", "位", "强"];

/// Characters before a Chinese numeral that make it an ordinal, a periodicity, a deixis or a
/// vague amount, not a count: 第一, 每一位, 这三项, 前三季度, 数十次, 几次, 统一, 之一, 周一.
pub static CN_NUMERAL_PREFIX_TRAPS: &[char] = &[
    '第', '每', '这', '那', '此', '该', '其', '前', '后', '上', '下', '各', '数', '几', '逐', '届',
    '周', '期', '初', '统', '唯', '之', '某', '哪', '同', '单', '专', '星', '礼', '拜', '号', '级',
    '次', '划', '归', '合', '排',
];

/// A lone `一` is a count only with these measure words (`一名干部`); `一期`, `一批`, `一支队伍`,
/// `一种`, `一次性` are indefinite or ordinal.
pub static CN_ONE_COUNT_UNITS: &[&str] = &["名"];

/// Units after which a Chinese numeral is usually an ordinal or a phase (`二期工程`, `十三届`,
/// `三级`): a count only when the clause ends right after the unit.
pub static CN_ORDINAL_PRONE_UNITS: &[&str] =
    &["期", "批", "届", "轮", "级", "号", "代", "版", "节"];

/// Set phrases that start with a Chinese numeral and a measure word.
pub static CN_SET_PHRASES: &[&str] = &[
    "四个全面",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "两个大局",
    "三个代表",
    "五个现代化",
    "两个一百年",
    "三个务必",
    "两个务必",
    "四个伟大",
    "四个服务",
    "两个结合",
    "三个区分",
    "四个最严",
    "两个毫不动摇",
    "两个健康",
    "八项规定",
    "三项制度",
    "三个规定",
    "六个一",
    "三个一",
    "四个一",
    "五个一",
    "两个责任",
    "两个覆盖",
    "三个轮子",
    "两个至上",
    "三个没有变",
    "三个有利于",
    "两个先行",
    "四个不摘",
    "六个严禁",
    "五个坚持",
    "十个坚持",
    "十一个坚持",
    "三个转变",
    "两个作用",
];

/// Words right after the measure word that make a Chinese numeral + measure word an abstract
/// enumeration rather than a count (`三个方面`, `两个维护`).
/// (`三个方面` is a count: reports number the areas of their work, `从7个方面提出25项措施`.)
pub static CN_ABSTRACT_AFTER: &[&str] = &[
    "层面", "意识", "自信", "维护", "全面", "确立", "代表", "务必", "结合", "原则", "规定", "不",
    "统一", "到位", "同步", "并重", "同时", "联动", "融合", "为", "是",
];

/// Characters after a Chinese numeral + measure word that make the whole a place name
/// (`七台河`, `五台山`, `九台区`, `五家渠`, `八所镇`).
pub static CN_PLACE_AFTER: &[char] = &[
    '山', '河', '县', '市', '区', '镇', '乡', '村', '街', '路', '渠', '湖', '江', '桥', '里', '岛',
    '港', '屯', '庄', '寺', '塔', '园', '门', '口', '洞', '坡', '峰', '湾', '堡', '关', '营', '城',
    '州',
];

/// An opening quote right after a Chinese numeral + measure word marks a slogan
/// (`两个“毫不动摇”`, `三个‘务必’`).
pub static CN_SLOGAN_OPENERS: &[char] = &['“', '‘', '"', '「', '『'];

/// Below this value a Chinese-numeral amount of money is rather a name (`三元里`).
pub const CN_MONEY_MIN: f64 = 100.0;

/// A Chinese numeral + `次` followed by one of these, with `届` shortly before, is a session
/// (`十三届全国人大三次会议`).
pub static SESSION_AFTER: &[&str] = &["会议", "全会", "全体会议"];
/// The word that marks the numbering of a body's sessions.
pub const SESSION_TERM: char = '届';
/// How far before the numeral `届` is looked for.
pub const SESSION_LOOKBACK: usize = 12;

/// Two-character words starting with a measure word: when the unit's last character and the
/// next one form one of them, the character belongs to the word, not to the number.
pub static UNIT_WORD_BLOCKERS: &[&str] = &[
    "座谈", "组织", "支持", "支部", "支队", "台账", "处理", "处置", "处罚", "处室", "场所", "条例",
    "条件", "项目", "起草", "起诉", "家庭", "本年", "本级", "期间", "期限", "名单", "名称", "批准",
    "批复", "人民", "人大", "种类", "类别", "类型", "节约", "节点", "只有", "只要", "则是", "块状",
    "单位", "单元", "部署", "间隔", "户籍", "天然", "日常", "日益", "年度", "年以", "年来", "年初",
    "年底", "年末", "年内", "年中", "年份", "年级", "月份", "个体", "所属", "所在", "所有", "所得",
    "场景", "幅度", "次日", "次年", "位置", "位于", "笔录", "头部", "米粮", "元旦", "份额", "篇章",
    "封闭", "封存", "例会", "例行", "套餐", "张贴", "册封", "台风",
];

/// Next characters after a duration that keep it a measured length of time (`3天内`,
/// `5个工作日办结`); anything else makes it an attribute or a name (`24小时值班制度`,
/// `五年违法建设专项治理`, `百日攻坚`).
pub static DURATION_OK_NEXT: &[&str] = &[
    "内", "以内", "之内", "左右", "以上", "以下", "后", "的", "即", "多", "余", "办结", "完成",
    "结案", "答复", "办理", "审结", "缩短", "压缩", "提速", "提前", "不等", "时间", "时限", "为限",
    "期限", "最短", "最长", "最快", "降至", "减至", "缩至",
];

/// Words before a number + 年 that make it a length of time (`连续3年`, `提前一年`); otherwise
/// `近3年`, `3年行动` are periods or names. After one of them any duration is measured, whatever
/// follows (`连续14年在全省考核中获评优秀`).
pub static DURATION_YEAR_PREFIXES: &[&str] = &[
    "连续", "历时", "用时", "长达", "为期", "期限", "满", "时长", "达", "超过", "超", "提前",
];

/// Count units of repeated events: after `每` + a period in the same clause (`每年开展1次`,
/// `每两月1次`, `每年集中学习不少于2次`) the number is a frequency, not a count.
pub static FREQUENCY_UNITS: &[&str] = &["次", "回", "期", "场", "轮", "遍"];
/// The word that opens a frequency, and the periods it takes (after an optional numeral
/// and `个`: `每两个月`).
pub const FREQUENCY_EACH: char = '每';
pub static FREQUENCY_PERIODS: &[&str] = &[
    "年",
    "季度",
    "季",
    "月",
    "周",
    "星期",
    "天",
    "日",
    "半年",
    "学期",
    "工作日",
];
/// How far before the number `每` is looked for, in characters (within the clause).
pub const FREQUENCY_LOOKBACK: usize = 20;

/// Words before a `位`/`名` count in its clause that make it a rank (`排位由第53位升至47位`,
/// `排名前列`, `位次`).
pub static RANK_CLAUSE_WORDS: &[&str] = &["排名", "排位", "位次", "排序", "名次", "排在", "位列"];

/// A Chinese numeral followed by a unit and then `、` + another numeral + the same unit is a
/// list of sessions when the last one is followed by `SESSION_AFTER` (`五次、六次全会`).
pub const SESSION_LIST_MAX: usize = 3;

/// Measure words a place name never follows a numeral with: `十个村`, `九个社区` are counts
/// (`七台河`, `五家渠` are places).
pub static CN_PLACE_SAFE_UNITS: &[&str] = &["个"];
/// Characters before a Chinese numeral + ordinal-prone unit that make it a count
/// (`分七期培训`, `共三批`).
pub static CN_ORDINAL_COUNT_PREFIXES: &[char] = &['分', '共'];
/// The cardinal-only numeral: `两期`, `两轮` are never ordinals or places.
pub const CN_CARDINAL_TWO: char = '两';

/// `一半` is half: 50 %, with the qualifier after it (`压缩一半以上`).
pub const HALF_WORD: &str = "一半";
pub const HALF_PERCENT: u128 = 50;

/// Years printed as four digits in this span are calendar years, not durations.
pub const YEAR_MIN: u64 = 1000;
pub const YEAR_MAX: u64 = 2999;

/// An Arabic number with no unit is kept as a unit-less count only when followed by one of
/// these verbs: the measure word was lost (`发布宣传信息200加强…`).
pub static BARE_NUMBER_NEXT_VERBS: &[&str] = &[
    "加强",
    "开展",
    "推进",
    "落实",
    "完善",
    "建立",
    "提升",
    "提高",
    "组织",
    "举办",
    "做好",
    "实现",
    "深入",
    "持续",
    "全面",
    "切实",
    "积极",
    "强化",
    "营造",
    "扩大",
    "进一步",
    "不断",
    "努力",
    "形成",
    "发挥",
    "推动",
    "健全",
    "坚持",
    "确保",
    "注重",
    "围绕",
    "聚焦",
    "认真",
    "严格",
];
/// Smallest value of a unit-less count (smaller bare numbers are list markers and the like).
pub const BARE_NUMBER_MIN: f64 = 10.0;

/// Words in the clause that make a bare `万`/`亿` an amount of money (`投入资金5万`).
pub static MONEY_CONTEXT_WORDS: &[&str] = &[
    "资金",
    "金额",
    "经费",
    "投资",
    "投入",
    "罚款",
    "罚没",
    "收入",
    "税收",
    "产值",
    "营收",
    "支出",
    "补贴",
    "补助",
    "奖励",
    "欠薪",
    "工资",
    "费用",
    "成本",
    "预算",
    "赔偿",
    "补偿",
    "价值",
    "标的",
    "营业额",
    "GDP",
    "追缴",
    "挽回",
    "损失",
    "款",
];

/// Longest metric kept from the text before / after the number, in characters.
pub const METRIC_BEFORE_MAX: usize = 40;
pub const METRIC_AFTER_MAX: usize = 24;

/// Removed wherever they occur in a metric (`各科室、社区共计组织学法` → `…社区组织学法`).
/// Self-references (`梳理确认我区各类事项清单`) go too: the issuer is the subject of every metric.
pub static METRIC_INNER_FILLERS: &[&str] = &[
    "共计", "累计", "合计", "总计", "一共", "我区", "我市", "我县", "我镇", "我乡", "我局", "我省",
];

/// A one-character total removed inside a metric (`司法所共参与领导班子会议` → `司法所参与…`),
/// unless it belongs to a word of `METRIC_LEADING_GUARDS` (`共同`) or `METRIC_TRAILING_GUARDS`
/// (`公共`).
pub const METRIC_INNER_TOTAL: char = '共';

/// Links kept at the end of the words before a number that precedes its noun: the metric
/// reads on through them (`成立了包括…在内的五个专项小组` → `成立了包括…在内的专项小组`).
/// (`了` is not kept: `印发了15家单位的…` reads `印发单位的…`.)
pub static METRIC_KEPT_LINKS: &[char] = &['的'];

/// Words that open a time phrase (`截至10月`, `由2015年的`): when the time phrase ends the
/// clause text before a number, the metric is what precedes them.
pub static METRIC_TIME_OPENERS: &[&str] = &["截至", "截止", "由", "从", "至", "到", "在", "于"];

/// `A、B同比分别下降17.7%、12.5%`: each number takes its own item of the list before
/// `分别`, with the comparison word that ends the last item and the verb after it.
/// A number right after one of these words (fillers below skipped) is a change against an
/// earlier period, not a level: `同比增长7.8%`, `较上年提高4.4个百分点`, `增加12件`,
/// `增速7.8%`. `新增12件` is a level (`新` before the word), and so is a number after
/// `至`/`到` (`提升至21.3%`, `由40%降低至38%`).
pub static CHANGE_WORDS: &[&str] = &[
    "增长",
    "下降",
    "提高",
    "提升",
    "减少",
    "增加",
    "降低",
    "上升",
    "压缩",
    "缩短",
    "缩减",
    "回落",
    "下滑",
    "增速",
    "增幅",
    "降幅",
    "涨幅",
    "减幅",
    "增长率",
    "同比",
    "环比",
    "较上年",
    "比上年",
    "较去年",
    "比去年",
    "较上一年",
    "比上一年",
    "多",
    "少",
];
/// `多`/`少` are change words only right after a comparison (`比去年多12件`); this many
/// characters back from them must hold one of `CHANGE_COMPARISONS`.
pub static CHANGE_NEEDS_COMPARISON: &[&str] = &["多", "少"];
/// Words that compare with an earlier period (`同比`, `较上年`, `比2015年`: `比` and `较`
/// followed by a year are found by the code).
pub static CHANGE_COMPARISONS: &[&str] = &["同比", "环比", "上年", "去年", "上一年", "年同期"];
/// How far back (characters) a comparison for `多`/`少` is looked for.
pub const CHANGE_COMPARISON_REACH: usize = 8;
/// A change word with one of these characters right before it names a level (`新增`).
pub static CHANGE_WORD_BLOCKERS: &[char] = &['新'];
/// Skipped between a change word and its number: `同比分别下降17.7%`, `增长了12%`,
/// `提高约5个百分点`.
pub static CHANGE_FILLERS: &[&str] = &[
    "分别", "均", "了", "约", "达", "近", "超过", "超", "达到", "逾", "高达", "大约", "将近",
    "接近", "至少", "共", "累计", "总计", "合计", "幅度", "速度",
];
/// `为` after a change names where the amount went (`下降为5%`, a level), except after a
/// change noun (`增速为7.8%`, a change).
pub const CHANGE_COPULA: &str = "为";
/// `提高至96%`, `提高到12个百分点`: where a figure went, a level even in 个百分点.
pub static CHANGE_DESTINATIONS: &[&str] = &["至", "到"];
pub static CHANGE_NOUNS: &[&str] = &["增速", "增幅", "降幅", "涨幅", "减幅", "增长率"];

pub const METRIC_RESPECTIVELY: &str = "分别";
pub static METRIC_COMPARATIVES: &[&str] = &["同比", "环比", "比上年", "较上年", "比去年", "较去年"];

/// Removed from the start of a metric, repeatedly (only when what is left is at least two
/// characters or nothing: `完成率` keeps its 完成).
pub static METRIC_LEADING_FILLERS: &[&str] = &[
    "共计", "共有", "共", "累计", "合计", "总计", "全年", "今年", "其中", "另有", "另", "同时",
    "并", "先后", "此外", "还", "又", "已经", "已", "均", "完成", "实现", "达到", "达", "为", "约",
    "对", "向", "将", "在", "于", "把", "作为", "分别", "有", "是", "和", "及", "与", "且", "并且",
];

/// Fillers that are verbs of their own: stripped from the start only when at least three
/// characters remain (`完成进度`, `完成率` stay whole), from the end only when at least two
/// remain, and never when nothing would be left (`完成` + `5家单位` → `完成单位`).
pub static METRIC_VERB_FILLERS: &[&str] = &["完成", "实现", "达到", "达"];

/// Words that begin with a one-character leading filler: the character is then kept
/// (`有效化解`, `共同推进`, `在线办理`, `及时处置`).
pub static METRIC_LEADING_GUARDS: &[&str] = &[
    "有效", "有力", "有序", "有关", "有机", "有针", "有偿", "有奖", "为民", "为企", "为老", "为基",
    "对接", "对标", "对照", "对外", "对口", "对象", "对应", "向好", "在线", "在建", "在校", "在押",
    "在册", "在岗", "在职", "在编", "在途", "于是", "和谐", "和解", "和美", "及时", "与会", "是否",
    "均衡", "均等", "并联", "并购", "并行", "还原", "还款", "另行", "共享", "共建", "共治", "共同",
    "共商", "共创", "共性", "约谈", "约定", "约束", "达标", "达成", "把关", "把握", "把脉", "将军",
    "共青", "共产", "共有", "共计",
];

/// Words that end with a one-character trailing filler: the character is then kept
/// (`违法行为`, `参与`, `普及`, `公共`).
pub static METRIC_TRAILING_GUARDS: &[&str] = &[
    "行为", "作为", "认为", "成为", "因为", "视为", "称为", "所有", "拥有", "具有", "没有", "享有",
    "持有", "现有", "占有", "固有", "但是", "总是", "还是", "就是", "或是", "凡是", "为了", "除了",
    "存在", "现在", "所在", "实在", "正在", "内在", "潜在", "外在", "直至", "甚至", "乃至", "以至",
    "截至", "涉及", "普及", "以及", "危及", "顾及", "波及", "参与", "给与", "授与", "统计", "设计",
    "共计", "合计", "累计", "估计", "审计", "会计", "节约", "制约", "特约", "违约", "履约", "签约",
    "预约", "到达", "表达", "传达", "下达", "转达", "送达", "抵达", "通达", "高达", "发达", "目的",
    "有的", "公共", "总共", "总和", "温和", "缓和", "平和", "调和", "共和", "而已", "不已", "中共",
];

/// Removed from the end of a metric, repeatedly.
pub static METRIC_TRAILING_FILLERS: &[&str] = &[
    "共计",
    "共有",
    "共",
    "累计",
    "合计",
    "总计",
    "达到",
    "已达",
    "高达",
    "多达",
    "分别为",
    "分别",
    "均为",
    "均",
    "达",
    "为",
    "约",
    "是",
    "有",
    "的",
    "保持",
    "计",
    "了",
    "在",
    "至",
    "和",
    "及",
    "与",
    "以及",
    "或",
    "实现",
    "完成",
    "已有",
    "已经",
    "已",
];

/// Marks an enumeration before the number: `A、B等4个项目` counts the noun after the number.
pub const METRIC_ENUMERATION_END: &str = "等";

/// Time words: the metric starts after the last of them (`海幢街综合服务中心2023年接待群众` →
/// `接待群众`, `截至目前共依法拆除违法建设` → `依法拆除违法建设`).
pub static METRIC_TIME_WORDS: &[&str] = &[
    "截至目前",
    "截止目前",
    "截至当前",
    "目前",
    "至今",
    "以来",
    "今年",
    "去年",
    "全年",
    "当年",
    "本年",
    "上年",
    "年初",
    "年底",
    "年末",
    "上半年",
    "下半年",
    "前三季度",
    "近年来",
    "近年",
    "近期",
    "同期",
];

/// Calendar characters that end a time phrase when a digit precedes them (`2023年`, `7月`).
pub static METRIC_CALENDAR_CHARS: &[char] = &['年', '月', '日', '号'];

/// Words after which the metric starts (`全镇仅司法所一名干部…` → `司法所…`).
pub static METRIC_CUT_AFTER: &[&str] = &["仅", "只有", "其中"];

/// Units that, after a number, make it a calendar expression when printed as a year
/// (`2024年`), after a month (`12月3日`) or in a range (`2021-2025年`).
pub const YEAR_UNIT: &str = "年";
pub static CALENDAR_UNITS: &[&str] = &["年", "日", "号"];
/// Day units that follow a month (`11月19日`).
pub static DAY_UNITS: &[&str] = &["日", "号"];
pub const MONTH_CHAR: char = '月';
/// The measure word of sessions (`三次会议`).
pub const SESSION_UNIT: &str = "次";
/// The enumeration comma: items it separates share a verb or a number.
pub const LIST_SEPARATOR: char = '、';
/// Characters that end the text between two items of one list of facts.
pub static LIST_WORD_CHARS: &[char] = &['、', '和', '及', '与', '暨', '或'];
/// Longest noun between two counts of one chain (`12个盟市46个委办厅局`), in characters.
pub const METRIC_CHAIN_NOUN_MAX: usize = 3;
/// Suffixes that stay with a calendar time phrase (`2023年度`, `7月份`).
pub static CALENDAR_SUFFIXES: &[char] = &['度', '份'];
/// Characters of a URL or e-mail token (besides ASCII letters and digits).
pub const URL_CHARS: &str = "._%+-/:@?=&#~";
/// Tokens starting so are URLs.
pub static URL_PREFIXES: &[&str] = &["http", "www."];
