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
];

/// Common department names, used to cut a department off its government in a name such as
/// 温岭市司法局 (place 温岭市 + department 司法局).
pub const DEPARTMENT_WORDS: &[&str] = &[
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
    "街道", "城区", "东区", "西区", "南区", "北区", "中区", "矿区", "郊区", "新区", "市区", "农场",
    "林场", "盐场", "牛场", "苗圃", "新镇", "城南", "永乐", "永兴",
];

/// Gazetteer rows that are placeholders for a level, not places (cities.csv 市辖区 …).
pub const PLACEHOLDER_NAMES: &[&str] = &[
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
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
];

/// Self-references that are not an issuer name (`现将我镇…`).
pub const SELF_REFERENCES: &[&str] = &["我", "本", "有关", "全"];

/// Words that make a line a title of a report.
pub const TITLE_REPORT_CUES: &[&str] = &["报告", "总结", "情况"];
/// Topic words of a rule-of-law report.
pub const ROL_CUES: &[&str] = &[
    "法治政府建设",
    "法治政府",
    "依法行政",
    "法治建设",
    "法治工作",
];
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

/// Cue that introduces the report's own name in the preamble (`现将…2024年法治政府建设年度报告如下`).
pub const BODY_YEAR_CUE: &str = "现将";
/// Publish months (1..=N) in which a report covers the previous year.
pub const PUBLISH_PREVIOUS_YEAR_LAST_MONTH: u32 = 4;
