//! Units of measure and numeral characters, as data. `crate::normalize` reads these tables.
//!
//! Every `normalized` unit is written in simplified characters; printed units are looked up
//! after mapping each character through [`TRAD_TO_SIMP`], so `項`, `萬元`, `平方公裏` need no
//! entries of their own.

use crate::model::QuantityKind;
use QuantityKind::{Area, Count, Duration, Length, Mass, Money, Other, Percent, PercentagePoint};

/// One printed unit: how it is normalized.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitDef {
    /// The unit as printed (simplified characters).
    pub printed: &'static str,
    /// The unit the value is converted to.
    pub normalized: &'static str,
    /// `value_normalized = value × factor`.
    pub factor: f64,
    pub kind: QuantityKind,
}

const fn u(
    printed: &'static str,
    normalized: &'static str,
    factor: f64,
    kind: QuantityKind,
) -> UnitDef {
    UnitDef {
        printed,
        normalized,
        factor,
        kind,
    }
}

/// Square metres in one 亩 (the value fixed by the contract: 116.1亩 → 77400.00387 平方米).
pub const MU_IN_SQUARE_METRES: f64 = 666.6667;

/// Durations are normalized to days (天), except hours and minutes which go to 小时:
/// 年 = 365 天, 个月 = 30 天, 工作日 = 1 天, 分钟 = 1/60 小时.
pub static UNITS: &[UnitDef] = &[
    // money
    u("元", "元", 1.0, Money),
    u("千元", "元", 1e3, Money),
    u("万元", "元", 1e4, Money),
    u("亿元", "元", 1e8, Money),
    u("万亿元", "元", 1e12, Money),
    u("美元", "美元", 1.0, Money),
    // area
    u("平方米", "平方米", 1.0, Area),
    u("平米", "平方米", 1.0, Area),
    u("平方", "平方米", 1.0, Area),
    u("㎡", "平方米", 1.0, Area),
    u("m²", "平方米", 1.0, Area),
    u("m2", "平方米", 1.0, Area),
    u("平方公里", "平方米", 1e6, Area),
    u("平方千米", "平方米", 1e6, Area),
    u("km²", "平方米", 1e6, Area),
    u("k㎡", "平方米", 1e6, Area),
    u("亩", "平方米", MU_IN_SQUARE_METRES, Area),
    u("公顷", "平方米", 1e4, Area),
    // length
    u("米", "米", 1.0, Length),
    u("延米", "米", 1.0, Length),
    u("公里", "米", 1e3, Length),
    u("千米", "米", 1e3, Length),
    u("厘米", "米", 0.01, Length),
    u("毫米", "米", 0.001, Length),
    // mass
    u("吨", "千克", 1e3, Mass),
    u("公斤", "千克", 1.0, Mass),
    u("千克", "千克", 1.0, Mass),
    u("克", "千克", 0.001, Mass),
    u("斤", "千克", 0.5, Mass),
    // volume (no family of its own in the contract)
    u("立方米", "立方米", 1.0, Other),
    // duration
    u("天", "天", 1.0, Duration),
    u("日", "天", 1.0, Duration),
    u("个工作日", "天", 1.0, Duration),
    u("工作日", "天", 1.0, Duration),
    u("个月", "天", 30.0, Duration),
    u("年", "天", 365.0, Duration),
    u("小时", "小时", 1.0, Duration),
    u("个小时", "小时", 1.0, Duration),
    u("分钟", "小时", 1.0 / 60.0, Duration),
    // percent
    u("%", "%", 1.0, Percent),
    u("％", "%", 1.0, Percent),
    u("个百分点", "个百分点", 1.0, PercentagePoint),
    u("百分点", "个百分点", 1.0, PercentagePoint),
    // counts with a compound measure word (longest match wins over the plain one)
    u("人次", "人次", 1.0, Count),
    u("件次", "件次", 1.0, Count),
    u("间次", "间次", 1.0, Count),
    u("幅次", "幅次", 1.0, Count),
    u("家次", "家次", 1.0, Count),
    u("户次", "户次", 1.0, Count),
    u("场次", "场次", 1.0, Count),
    u("批次", "批次", 1.0, Count),
    u("车次", "车次", 1.0, Count),
    u("架次", "架次", 1.0, Count),
    u("台次", "台次", 1.0, Count),
    u("班次", "班次", 1.0, Count),
    u("期次", "期次", 1.0, Count),
    u("项次", "项次", 1.0, Count),
    u("条次", "条次", 1.0, Count),
    u("处次", "处次", 1.0, Count),
    u("起次", "起次", 1.0, Count),
    u("宗次", "宗次", 1.0, Count),
    u("部门", "部门", 1.0, Count),
    // counts with a plain measure word
    u("件", "件", 1.0, Count),
    u("宗", "宗", 1.0, Count),
    u("起", "起", 1.0, Count),
    u("个", "个", 1.0, Count),
    u("次", "次", 1.0, Count),
    u("场", "场", 1.0, Count),
    u("人", "人", 1.0, Count),
    u("名", "名", 1.0, Count),
    u("位", "位", 1.0, Count),
    u("份", "份", 1.0, Count),
    u("家", "家", 1.0, Count),
    u("户", "户", 1.0, Count),
    u("间", "间", 1.0, Count),
    u("处", "处", 1.0, Count),
    u("条", "条", 1.0, Count),
    u("项", "项", 1.0, Count),
    u("批", "批", 1.0, Count),
    u("期", "期", 1.0, Count),
    u("篇", "篇", 1.0, Count),
    u("套", "套", 1.0, Count),
    u("辆", "辆", 1.0, Count),
    u("座", "座", 1.0, Count),
    u("所", "所", 1.0, Count),
    u("栋", "栋", 1.0, Count),
    u("幢", "幢", 1.0, Count),
    u("幅", "幅", 1.0, Count),
    u("栏", "栏", 1.0, Count),
    u("张", "张", 1.0, Count),
    u("本", "本", 1.0, Count),
    u("册", "册", 1.0, Count),
    u("台", "台", 1.0, Count),
    u("部", "部", 1.0, Count),
    u("支", "支", 1.0, Count),
    u("组", "组", 1.0, Count),
    u("轮", "轮", 1.0, Count),
    u("封", "封", 1.0, Count),
    u("例", "例", 1.0, Count),
    u("类", "类", 1.0, Count),
    u("种", "种", 1.0, Count),
    u("块", "块", 1.0, Count),
    u("艘", "艘", 1.0, Count),
    u("架", "架", 1.0, Count),
    u("盏", "盏", 1.0, Count),
    u("棵", "棵", 1.0, Count),
    u("株", "株", 1.0, Count),
    u("只", "只", 1.0, Count),
    u("卷", "卷", 1.0, Count),
    u("堂", "堂", 1.0, Count),
    u("节", "节", 1.0, Count),
    u("课时", "课时", 1.0, Count),
    u("学时", "学时", 1.0, Count),
    u("届", "届", 1.0, Count),
    u("笔", "笔", 1.0, Count),
    u("单", "单", 1.0, Count),
    u("帖", "帖", 1.0, Count),
    u("则", "则", 1.0, Count),
    u("遍", "遍", 1.0, Count),
    // areas of work (`细分为七方面21个要点`)
    u("方面", "方面", 1.0, Count),
];

/// Longest printed unit, in characters (bounds the longest-match search).
pub const MAX_UNIT_CHARS: usize = 4;

/// Traditional → simplified for the characters that occur in units and numerals.
pub static TRAD_TO_SIMP: &[(char, char)] = &[
    ('萬', '万'),
    ('億', '亿'),
    ('項', '项'),
    ('個', '个'),
    ('場', '场'),
    ('條', '条'),
    ('張', '张'),
    ('間', '间'),
    ('處', '处'),
    ('臺', '台'),
    ('檯', '台'),
    ('戶', '户'),
    ('輛', '辆'),
    ('塊', '块'),
    ('筆', '笔'),
    ('組', '组'),
    ('輪', '轮'),
    ('冊', '册'),
    ('種', '种'),
    ('類', '类'),
    ('棟', '栋'),
    ('隻', '只'),
    ('頭', '头'),
    ('節', '节'),
    ('單', '单'),
    ('則', '则'),
    ('隊', '队'),
    ('裏', '里'),
    ('裡', '里'),
    ('噸', '吨'),
    ('畝', '亩'),
    ('頃', '顷'),
    ('時', '时'),
    ('鐘', '钟'),
    ('鍾', '钟'),
    ('週', '周'),
    ('點', '点'),
    ('兩', '两'),
    ('幾', '几'),
    ('數', '数'),
    ('餘', '余'),
    ('約', '约'),
    ('將', '将'),
    ('預', '预'),
    ('級', '级'),
    ('門', '门'),
    ('學', '学'),
    ('課', '课'),
    ('圓', '元'),
    ('員', '员'),
    ('書', '书'),
    ('歲', '岁'),
    ('屆', '届'),
];

/// Chinese digits (including financial forms) and their values.
pub static CN_DIGITS: &[(char, u32)] = &[
    ('〇', 0),
    ('零', 0),
    ('○', 0),
    ('一', 1),
    ('壹', 1),
    ('二', 2),
    ('贰', 2),
    ('貳', 2),
    ('两', 2),
    ('兩', 2),
    ('三', 3),
    ('叁', 3),
    ('參', 3),
    ('四', 4),
    ('肆', 4),
    ('五', 5),
    ('伍', 5),
    ('六', 6),
    ('陆', 6),
    ('陸', 6),
    ('七', 7),
    ('柒', 7),
    ('八', 8),
    ('捌', 8),
    ('九', 9),
    ('玖', 9),
];

/// Chinese place-value characters below 万.
pub static CN_SMALL_UNITS: &[(char, u32)] = &[
    ('十', 10),
    ('拾', 10),
    ('百', 100),
    ('佰', 100),
    ('千', 1000),
    ('仟', 1000),
];

/// Chinese section units.
pub static CN_BIG_UNITS: &[(char, u64)] = &[
    ('万', 10_000),
    ('萬', 10_000),
    ('亿', 100_000_000),
    ('億', 100_000_000),
];

/// The decimal point inside a Chinese numeral (`八十七点五`).
pub static CN_POINT: &[char] = &['点', '點'];

/// Multipliers that may follow Arabic digits (`5万`, `3千`, `1.2亿`, `5千万`).
pub static ARABIC_MULTIPLIERS: &[(char, u64)] = &[
    ('百', 100),
    ('千', 1000),
    ('万', 10_000),
    ('萬', 10_000),
    ('亿', 100_000_000),
    ('億', 100_000_000),
];

/// The printed prefix of a percentage written in words (`百分之八十七点五`).
pub const PERCENT_WORD_PREFIX: &str = "百分之";
