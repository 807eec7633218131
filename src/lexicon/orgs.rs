//! Word lists for document metadata: issuers, administrative levels, title and kind cues.

/// Words after a place name that make the unit the government (or party committee) of that
/// place itself, so it takes the place's level. Longest first.
pub const GOVERNMENT_WORDS: &[&str] = &[
    "街道工作委员会",
    "人民政府办事处",
    "管理委员会",
    "工作委员会",
    "人民政府",
    "街道办事处",
    "办事处",
    "党工委",
    "管委会",
    "政府",
    "党委",
];

/// Short forms of a government that end like a department word (街道办 = 街道办事处, not a 办).
pub const GOVERNMENT_ABBREVIATIONS: &[&str] = &[
    "街道办",
    "镇政府",
    "乡政府",
    "党工委",
    "省委",
    "市委",
    "区委",
    "县委",
    "旗委",
    "镇委",
    "乡委",
];

/// Endings that make an issuer a department of a government (部门), e.g. 温岭市司法局.
/// Checked after GOVERNMENT_WORDS, so 街道工作委员会 is not a department.
pub const DEPARTMENT_ENDINGS: &[&str] = &[
    "市场监督管理局",
    "市场监管局",
    "司法局",
    "司法厅",
    "公安局",
    "公安厅",
    "委员会",
    "办公室",
    "管理局",
    "局",
    "厅",
    "委",
    "办",
    "中心",
    "署",
    "司法所",
    "支队",
    "大队",
    "部",
    "系统",
];

/// Common department names, used to cut a department off its government in a name such as
/// 温岭市司法局 (place 温岭市 + department 司法局). A place's short name spelled inside one
/// (`市场` of 市场街道, `民政` of 民政镇, `资源` of 资源县) is no place.
pub const DEPARTMENT_WORDS: &[&str] = &[
    "安全生产监督管理局",
    "国土资源局",
    "数据资源管理局",
    "公共资源交易中心",
    "司法局",
    "司法厅",
    "市场监督管理局",
    "市场监管局",
    "公安局",
    "公安厅",
    "生态环境局",
    "自然资源局",
    "自然资源和规划局",
    "住房和城乡建设局",
    "应急管理局",
    "交通运输局",
    "农业农村局",
    "教育局",
    "卫生健康委员会",
    "卫生健康局",
    "人力资源和社会保障局",
    "财政局",
    "民政局",
    "文化和旅游局",
    "城市管理局",
    "综合行政执法局",
    "审计局",
    "统计局",
    "商务局",
    "发展和改革委员会",
    "发展改革委",
    "水利局",
    "林业局",
    "退役军人事务局",
    "医疗保障局",
    "税务局",
    "人民政府办公室",
    "政府办公室",
    "市场监督管理委员会",
    "市场监管委",
    "教育委员会",
    "住房和城乡建设委员会",
    "交通委员会",
    "经济和信息化委员会",
    "规划和自然资源委员会",
    "民族宗教事务委员会",
    "司法行政系统",
];

/// Place-name suffixes and the admin level (documents.admin_level) they give when the
/// gazetteer does not know the place. Longest first.
pub const PLACE_SUFFIX_LEVELS: &[(&str, &str)] = &[
    ("街道办事处", "街道"),
    ("特别行政区", "省"),
    ("自治区", "省"),
    ("自治州", "市"),
    ("自治县", "区县"),
    ("自治旗", "区县"),
    ("街道", "街道"),
    ("地区", "市"),
    ("苏木", "乡镇"),
    ("省", "省"),
    ("盟", "市"),
    ("市", "市"),
    ("区", "区县"),
    ("县", "区县"),
    ("旗", "区县"),
    ("镇", "乡镇"),
    ("乡", "乡镇"),
];

/// Suffixes stripped from gazetteer names to index their short forms (海珠区 → 海珠,
/// 小营街道 → 小营). Longest first.
pub const NAME_SUFFIXES: &[&str] = &[
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "街道",
    "地区",
    "苏木",
    "省",
    "市",
    "盟",
    "区",
    "县",
    "旗",
    "镇",
    "乡",
];

/// Gazetteer names that are also common words: never taken as evidence from running text.
pub const PLACE_STOPLIST: &[&str] = &[
    "街道",
    "城区",
    "东区",
    "西区",
    "南区",
    "北区",
    "中区",
    "矿区",
    "郊区",
    "新区",
    "市区",
    "农场",
    "林场",
    "盐场",
    "牛场",
    "苗圃",
    "新镇",
    "城南",
    "永乐",
    "永兴",
    // Divisions named by a department's name alone (黑龙江's 林业局 units).
    "林业局",
    "社会事务局",
    "社会发展局",
];

/// Words of an issuer's name that are never a place, though a short gazetteer name may spell
/// part of them (`人民` of 人民街道 inside `某县人民政府`).
pub const INSTITUTION_WORDS: &[&str] = &[
    "人民政府",
    "人民法院",
    "人民检察院",
    "人民代表大会",
    "管理委员会",
    "工作委员会",
    "办事处",
];

/// Gazetteer rows that are placeholders for a level, not places (cities.csv 市辖区 …).
pub const PLACEHOLDER_NAMES: &[&str] = &[
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

/// Words a development zone or farm is called by (`经济技术开发区`, `县开发区`, `工业园区`): a
/// division named by these alone (streets.csv has 综合保税区, 开发区 under many counties) names
/// no place and is never indexed by name; `某某经济开发区` keeps its own name.
pub const GENERIC_DIVISION_WORDS: &[&str] = &[
    "经济技术开发区",
    "高新技术产业开发区",
    "高新技术开发区",
    "经济开发区",
    "综合保税区",
    "产业集聚区",
    "物流园区",
    "工业园区",
    "产业园区",
    "开发区",
    "保税区",
    "高新区",
    "工业区",
    "工业园",
    "产业园",
    "科技园",
    "管理委员会",
    "管委会",
    "街道",
    "县",
    "市",
];

/// Placeholders under which the city is the province itself (direct-controlled municipalities).
pub const MUNICIPALITY_PLACEHOLDERS: &[&str] = &["市辖区", "县"];

/// Words an issuer line must end with (signature, header, title prefix).
pub const ORG_ENDINGS: &[&str] = &[
    "人民政府",
    "政府",
    "办事处",
    "委员会",
    "党工委",
    "管委会",
    "党委",
    "局",
    "厅",
    "办公室",
    "中心",
    "街道",
    "镇",
    "乡",
    "区",
    "县",
    "市",
    "省",
    "旗",
    "办",
    "委",
    "司法所",
    "街",
    "部",
    "国务院",
];

/// Self-references that are not an issuer name (`现将我镇…`).
pub const SELF_REFERENCES: &[&str] = &["我", "本", "有关", "全"];

/// Words that make a line a title of a report.
pub const TITLE_REPORT_CUES: &[&str] = &["报告", "总结", "情况", "通报"];
/// Topic words of a rule-of-law report.
pub const ROL_CUES: &[&str] = &[
    "法治政府建设",
    "法治政府",
    "依法行政",
    "法治建设",
    "法治工作",
];
/// Shortest first line (characters) that makes a page one without line breaks, whose
/// title is the text before its first 报告.
pub const NO_BREAKS_MIN_CHARS: usize = 400;
/// How many lines after the title may open with the year the report covers.
pub const OPENING_YEAR_LINES: usize = 4;
/// How a title ends: a title wrapped over several lines is joined up to one of these.
pub const TITLE_ENDINGS: &[&str] = &["报告", "总结", "通报", "情况", "要点", "方案", "报告书"];
/// Longest line (characters) that may be one piece of a wrapped title.
pub const TITLE_PIECE_MAX_CHARS: usize = 30;
/// How many lines after the first a wrapped title may take.
pub const TITLE_WRAP_LINES: usize = 3;
/// Longest a title line may be (characters).
pub const TITLE_MAX_CHARS: usize = 90;
/// How many non-empty lines at the top may hold header lines and the title.
pub const TITLE_SEARCH_LINES: usize = 8;
/// Sentence punctuation a title never contains.
pub const TITLE_FORBIDDEN: &[char] = &['。', '，', ',', '；', ';', '！', '!', '？', '?', '：', ':'];
/// Phrases that mark a preamble sentence, not a title (`现将…报告如下`).
pub const PREAMBLE_CUES: &[&str] = &["如下", "现将", "现就"];

/// Header line of a red-header document (`中共…文件`): the issuer is the text before it.
pub const HEADER_SUFFIX: &str = "文件";

/// Words in a level-1 heading that make it the next-year plan: its year is not the report year.
pub const PLAN_WORDS: &[&str] = &["安排", "计划", "打算", "思路", "下一步", "下一年", "展望"];

/// How the title of this year's work plan ends (`《2025年全县法治政府建设工作要点》`): a report
/// that opens by implementing such a plan reports on the plan's year.
pub const WORK_PLAN_ENDINGS: &[&str] = &["要点", "计划", "任务", "方案", "安排"];
/// How much of the opening (characters) is searched for that plan.
pub const WORK_PLAN_OPENING_CHARS: usize = 600;

/// Verbs that review a year's work in the opening (`回顾总结2023年工作`, `总结了2022年度工作`):
/// the reviewed year is the one reported on, the year of the next plan (`部署2024年`) not.
pub const YEAR_REVIEW_VERBS: &[&str] = &["回顾总结", "总结回顾", "回顾", "总结"];

/// Lines under a title that may hold its head note (`(2021年10月25日)`, `——在…会议上`): the
/// date a report or speech was delivered.
pub const HEAD_NOTE_LINES: usize = 3;
/// A head note is short: longer lines are the text.
pub const HEAD_NOTE_MAX_CHARS: usize = 40;

/// Cue that introduces the report's own name in the preamble (`现将…2024年法治政府建设年度报告如下`).
pub const BODY_YEAR_CUE: &str = "现将";
/// Publish months (1..=N) in which a report covers the previous year.
pub const PUBLISH_PREVIOUS_YEAR_LAST_MONTH: u32 = 4;

/// What may stand before the subject of an opening sentence (`2022年,东城街道深入…`,
/// `今年以来,…`, `在区委、区政府的正确领导下,…`): the subject starts after one of these and
/// its comma.
pub const SUBJECT_LEADS: &[&str] = &[
    "日",
    "今年以来",
    "年以来",
    "年来",
    "一年来",
    "近年来",
    "年度",
    "年",
    "领导下",
    "指导下",
    "监督下",
    "支持下",
    "部署下",
];

/// What a speaker says just before the body they speak for (`现在，我代表市人民政府，向大会报告
/// 政府工作`): the subject starts right after it, with no comma.
pub const SPEAKER_LEADS: &[&str] = &["我代表"];

/// Words that follow the subject of an opening sentence: a place name followed by one of
/// these is the issuer itself (`东城街道深入学习…`, `中村乡法治政府建设工作…`).
pub const SUBJECT_FOLLOWERS: &[&str] = &[
    "坚持",
    "深入",
    "认真",
    "全面",
    "始终",
    "紧紧",
    "积极",
    "持续",
    "以习近平",
    "在",
    "按照",
    "围绕",
    "聚焦",
    "结合",
    "立足",
    "切实",
    "扎实",
    "大力",
    "不断",
    "进一步",
    "着力",
    "法治政府",
    "高度重视",
    "把",
    "将",
    "紧扣",
    "严格",
    "牢固",
    "贯彻",
    "认真贯彻",
    "狠抓",
    "统筹",
    "强化",
    "坚定",
    "主动",
    "以",
    "推进",
    "推动",
    "党工委",
    "党委",
    "各级",
    "依法",
    "锚定",
    "抓",
];

/// Substrings a department name, or the name of a place the gazetteer does not know, never
/// contains: a candidate that has one ran past the name into the sentence
/// (`法治政府建设工作在市委`, `充分发挥市`).
pub const DEPARTMENT_NAME_STOPS: &[&str] = &[
    "在",
    "的",
    "以",
    "坚持",
    "工作",
    "建设",
    "按照",
    "全面",
    "深入",
    "认真",
    "始终",
    "围绕",
    "和市",
    "和区",
    "和县",
    "领导",
    "推进",
    "贯彻",
    "落实",
    "我",
    "各",
    "全",
    "发挥",
    "充分",
    "加强",
    "持续",
    "积极",
    "强化",
    "切实",
    "完善",
    "健全",
    "扎实",
    "不断",
    "进一步",
];

/// Characters the name of a place the gazetteer does not know never holds: a candidate with
/// one is a clause (`也是自治区`, `就是县`), not a name. (The few real names with one are in
/// the gazetteer.)
pub const UNKNOWN_PLACE_STOP_CHARS: &[char] = &['是', '的', '了', '并', '而'];

/// A government's general office, named after the government (`某县人民政府办公室`): a
/// department of it, not the government.
pub const GOVERNMENT_OFFICE: &str = "办公室";

/// Endings of a department or ministry named as a sentence's subject (`自然资源部`,
/// `市场监管局`, `应急管理厅`). Longest first.
pub const DEPARTMENT_SUBJECT_ENDINGS: &[&str] = &[
    "委员会",
    "办公室",
    "管理局",
    "总局",
    "系统",
    "局",
    "厅",
    "部",
    "署",
    "委",
    "办",
    "中心",
];

/// Self-references in an opening sentence (`我镇`, `我局`, `本市`): the name is printed
/// elsewhere in the body. The word after 我/本 says what to look for.
pub const SELF_WORDS: &[&str] = &[
    "街道", "镇", "乡", "县", "区", "市", "省", "旗", "州", "盟", "局", "厅", "委", "办",
];

/// Marks that stand for a redacted place name (`*区`, `＊＊镇`): a name made of these and a place
/// word identifies no one.
pub const REDACTION_MARKS: &[char] = &['*', '＊'];

/// Level words a sentence can open with for "this place's" government (`市政府`, `区政府`).
pub const LEVEL_GOVERNMENTS: &[(&str, &str)] = &[
    ("省人民政府", "省"),
    ("省政府", "省"),
    ("市人民政府", "市"),
    ("市政府", "市"),
    ("区人民政府", "区"),
    ("区政府", "区"),
    ("县人民政府", "县"),
    ("县政府", "县"),
    ("镇人民政府", "镇"),
    ("镇政府", "镇"),
    ("乡人民政府", "乡"),
    ("乡政府", "乡"),
    // Autonomous prefectures (州), banners (旗) and leagues (盟) of the minority regions.
    ("州人民政府", "州"),
    ("州政府", "州"),
    ("旗人民政府", "旗"),
    ("旗政府", "旗"),
    ("盟行政公署", "盟"),
    ("盟行署", "盟"),
];

/// Sentence openers that are not a subject (`全市各区`, `各部门`).
pub const NOT_SUBJECT_OPENERS: &[&str] = &["全", "各", "该", "这", "此", "其"];

/// Self-references and the admin level they give a page that never names its issuer
/// (`我镇`, `全县`, `本局`).
pub const SELF_REFERENCE_LEVELS: &[(&str, &str)] = &[
    ("我街道", "街道"),
    ("本街道", "街道"),
    ("全街道", "街道"),
    ("我镇", "乡镇"),
    ("本镇", "乡镇"),
    ("全镇", "乡镇"),
    ("我乡", "乡镇"),
    ("本乡", "乡镇"),
    ("全乡", "乡镇"),
    ("我县", "区县"),
    ("本县", "区县"),
    ("全县", "区县"),
    ("我区", "区县"),
    ("本区", "区县"),
    ("全区", "区县"),
    ("我市", "市"),
    ("本市", "市"),
    ("全市", "市"),
    ("我省", "省"),
    ("本省", "省"),
    ("全省", "省"),
    ("我州", "市"),
    ("本州", "市"),
    ("全州", "市"),
    ("我盟", "市"),
    ("全盟", "市"),
    ("我旗", "区县"),
    ("本旗", "区县"),
    ("全旗", "区县"),
    ("我局", "部门"),
    ("本局", "部门"),
    ("我厅", "部门"),
    ("本厅", "部门"),
    ("我委", "部门"),
    ("本委", "部门"),
];

/// Level words a town or street-office page uses bare, as a clause's subject
/// (`…,街道按照《…》的要求`, `。镇建立…`): self-references like `我镇`.
pub const BARE_SELF_SUBJECTS: &[(&str, &str)] = &[("街道", "街道"), ("镇", "乡镇"), ("乡", "乡镇")];

/// What a bare level word must follow to open a clause.
pub const CLAUSE_OPENING_CHARS: &[char] = &[
    '\n', '，', ',', '。', '；', ';', '：', ':', '！', '？', '、', '）', ')', '”',
];

/// What after a bare level word makes it part of a compound, not a subject (`乡村振兴`,
/// `镇街`, `街道社区`, `镇、村`, `镇级`).
pub const NOT_AFTER_BARE_SUBJECT: &[char] = &[
    '、', '村', '镇', '街', '社', '级', '和', '与', '及', '域', '长', '区', '里',
];

/// Fewest mentions of a self-reference that decide the level on their own.
pub const SELF_REFERENCE_MIN_COUNT: usize = 2;

/// First characters of a string before a place suffix that is no place name (`全镇`,
/// `各乡镇`, `我县`).
pub const NOT_PLACE_FIRST_CHARS: &str =
    "我本全各该每乡城村市县区省在对和与及的了是为等、到至向从于";

/// Words that stand before 镇/乡/街道 in set phrases, not as a place name (`法治镇建设`,
/// `平安乡村`): never read as the name of a town the gazetteer lacks.
pub const NOT_PLACE_NAMES: &[&str] = &[
    "法治", "平安", "文明", "美丽", "数字", "智慧", "和谐", "生态", "特色", "重点", "示范", "卫生",
    "园林", "宜居", "森林", "小城", "强", "名", "乡", "城", "村",
];

/// Level characters that open a department's name for "this place's" department
/// (`市市场监管局`, `省应急管理厅`).
pub const LEVEL_CHARS: &str = "省市县区镇乡州旗盟";

/// Self-reference words whose body is a government (`我县` → 某县人民政府).
pub const GOVERNMENT_SELF_WORDS: &[&str] = &["省", "市", "县", "区", "州", "旗"];

/// Self-reference words whose body is a department (`我局` → 某区教育局).
pub const DEPARTMENT_SELF_WORDS: &[&str] = &["局", "厅", "委", "办"];

/// Self-reference words of places a page may name by their short form only (`上海`).
pub const SHORT_FORM_SELF_WORDS: &[&str] = &["省", "市", "区"];

/// Self-reference words of places the gazetteer may lack (towns, street offices).
pub const UNLISTED_PLACE_SELF_WORDS: &[&str] = &["镇", "乡", "街道"];

/// Characters after a short gazetteer name that make it a place (海幢街), not part of a word
/// (自然资源部).
pub const PLACE_WORD_CHARS: &str = "街镇乡区县市省旗州盟村";

/// Preamble cues after which the report names its year (`现将…2024年…报告如下`,
/// `现对2023年所做工作总结如下`).
pub const PREAMBLE_YEAR_CUES: &[&str] = &["现将", "现对", "现就"];
