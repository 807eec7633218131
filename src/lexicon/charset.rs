//! Characters for telling GBK from Big5 bytes quickly: frequent in Chinese government prose
//! and written the same in simplified and traditional script. Text decoded with the wrong
//! one of the two encodings turns into rare characters, so the right decoding is the one
//! where these are frequent.
pub const SCRIPT_NEUTRAL_FREQUENT: &str = "的一是在不了有人中大上年法政府治民主工作行公和以要时生到地于出就分成可同也能下子方后多定学所得十三之等部度家力里如水化高自二理起小物加制本去性好合因由其然前外天四日社事平形相全表各重新内正心明原又利比或但第向道此只意月立想已通并提直程展五果位入常文次品式活及特件求基路少山接知别手期根指九强放决西被做必先回任取即保北造百七海口器志世金增思交受收改清美再采更切打白教速安身例真具每目至走完八名才科信米元今集温土步石需段研界林律且究低持音布容非深近千周委素技半青省列支般史便往市何除太精值率族存候快效院查江型格易置片始育京包火住满局引";

/// Frequent characters of government prose that exist only in traditional script: a page
/// with any of them gets a simplified reading (`crate::clean::reading`).
pub const TRADITIONAL_CUES: &str = "們個這來為與會時區縣鎮鄉國發設對動關開學務機實體點報經濟進過議還從當後說題資產業員導級環護營組織執權規範據統計劃單書萬億項場黨華歷傳專條協調應審驗決績總結辦廳處線網監測獎懲聯絡創嚴謹義論認識證訴訟請願複質費貿購賣買車軍農糧歸選擇際觀覺風養強裡遠邊運達遺適醫陳隊陽隨險雙電頁順須領頻顯類響頭齊龍";

/// Characters the simplified reading of a traditional page takes from this table instead of
/// the converter (page form, reading form; the same length in UTF-8). The converter keeps a
/// variant (`峯`, `羣`), gives a rarer form (`諮` → `谘`, `瀋` → `渖`, `疊` → `迭`), or simplifies
/// a character that place names keep (`乾安县`, `磐石市`): names in the gazetteer and words in
/// the rules are written with the standard form.
pub const READING_OVERRIDES: &[(char, char)] = &[
    ('瀋', '沈'),
    ('峯', '峰'),
    ('羣', '群'),
    ('諮', '咨'),
    ('疊', '叠'),
    ('磐', '磐'),
    ('乾', '乾'),
    ('壠', '垅'),
    ('垻', '坝'),
    ('枴', '拐'),
    ('帳', '账'),
];
