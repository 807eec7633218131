//! Level or change (`relation_of`): sentences written for these tests in the style of the
//! reports.

use super::*;
use crate::model::Relation;

/// (raw, relation) of every fact of `body`.
fn relations(body: &str) -> Vec<(String, Relation)> {
    extract_facts(body, &[], &[])
        .into_iter()
        .map(|f| (f.raw, f.relation))
        .collect()
}

fn relation_of_raw(body: &str, raw: &str) -> Relation {
    relations(body)
        .into_iter()
        .find(|(r, _)| r == raw)
        .unwrap_or_else(|| panic!("no fact {raw} in {body}: {:?}", relations(body)))
        .1
}

#[test]
fn comparisons_with_an_earlier_period_are_changes() {
    let cases = [
        ("全年受理行政复议案件45件，同比增长118.4%。", "118.4%"),
        (
            "行政机关负责人出庭应诉率较上年提高4.4个百分点。",
            "4.4个百分点",
        ),
        ("办理信访事项比去年减少12件。", "12件"),
        ("一审行政案件败诉率同比下降3.1%。", "3.1%"),
        ("新登记市场主体增速为7.8%。", "7.8%"),
        ("罚没收入增幅达15%。", "15%"),
        ("矛盾纠纷调处数量比2019年增加了26件。", "26件"),
        ("受理群众来信来访较去年多9件。", "9件"),
        ("审批时限平均压缩60%以上。", "60%以上"),
        ("行政执法案件数量同比上升约5%。", "约5%"),
    ];
    for (body, raw) in cases {
        assert_eq!(relation_of_raw(body, raw), Relation::Change, "{body}");
    }
}

#[test]
fn amounts_and_where_a_rate_went_are_levels() {
    let cases = [
        ("全年立案查处违法案件390件。", "390件"),
        ("本年度新增法律顾问12名。", "12名"),
        ("群众满意率由92%提升至96.5%。", "92%"),
        ("群众满意率由92%提升至96.5%。", "96.5%"),
        ("办理时限压缩至3个工作日。", "3个工作日"),
        ("全年执结率87.5%，增长点明显。", "87.5%"),
        ("行政诉讼案件多达20件。", "20件"),
        ("复议纠错率提高到12个百分点以上。", "12个百分点以上"),
        ("刑事案件发案率下降为0.8%。", "0.8%"),
        ("审批时限由20个工作日压缩为5个工作日。", "5个工作日"),
    ];
    for (body, raw) in cases {
        assert_eq!(relation_of_raw(body, raw), Relation::Level, "{body}");
    }
}

#[test]
fn a_list_after_a_change_is_all_changes_and_the_level_before_it_stays() {
    let got =
        relations("全年办理行政复议案件63件，案件数量、纠错数量同比分别下降17.7%、12.5%和9%。");
    let want = [
        ("63件", Relation::Level),
        ("17.7%", Relation::Change),
        ("12.5%", Relation::Change),
        ("9%", Relation::Change),
    ];
    let got: Vec<(&str, Relation)> = got.iter().map(|(r, k)| (r.as_str(), *k)).collect();
    assert_eq!(got, want);
}

#[test]
fn a_change_does_not_leak_into_the_next_clause() {
    let got = relations("受理案件同比增长12%，办结案件98件，结案率100%。");
    let levels: Vec<&str> = got
        .iter()
        .filter(|(_, k)| *k == Relation::Level)
        .map(|(r, _)| r.as_str())
        .collect();
    assert_eq!(levels, ["98件", "100%"]);
}
