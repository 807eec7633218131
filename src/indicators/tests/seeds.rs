//! The seed facts (tests/data/seed_facts.csv) get the expected codes.

use super::*;

/// Minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn kind_from_name(name: &str) -> QuantityKind {
    match name {
        "money" => QuantityKind::Money,
        "area" => QuantityKind::Area,
        "length" => QuantityKind::Length,
        "mass" => QuantityKind::Mass,
        "duration" => QuantityKind::Duration,
        "percent" => QuantityKind::Percent,
        "percentage_point" => QuantityKind::PercentagePoint,
        "count" => QuantityKind::Count,
        _ => QuantityKind::Other,
    }
}

/// The seed facts, one Vec per document, in file order.
fn seed_docs() -> Vec<(String, Vec<Fact>)> {
    let rows = read_csv(include_str!("../../../tests/data/seed_facts.csv"));
    let header = &rows[0];
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let (doc, id, raw, value, unit, vn, un, kind, metric, sentence, cs, ce) = (
        col("doc_id"),
        col("fact_id"),
        col("raw"),
        col("value"),
        col("unit"),
        col("value_normalized"),
        col("unit_normalized"),
        col("quantity_kind"),
        col("metric"),
        col("sentence"),
        col("char_start"),
        col("char_end"),
    );
    let mut docs: Vec<(String, Vec<Fact>)> = Vec::new();
    for r in &rows[1..] {
        let num = |i: usize| r[i].trim().parse::<f64>().unwrap_or(f64::NAN);
        let fact = Fact {
            fact_id: r[id].parse().expect("fact_id"),
            section_id: None,
            raw: r[raw].clone(),
            value: num(value),
            unit: (!r[unit].is_empty()).then(|| r[unit].clone()),
            value_normalized: num(vn),
            unit_normalized: r[un].clone().into(),
            quantity_kind: kind_from_name(&r[kind]),
            qualifier: Qualifier::Exact,
            value_high: None,
            metric: (!r[metric].is_empty()).then(|| r[metric].clone()),
            indicator: None,
            relation: crate::model::Relation::Level,
            breakdown_of: None,
            as_of_date: None,
            sentence: r[sentence].as_str().into(),
            char_start: r[cs].parse().expect("char_start"),
            char_end: r[ce].parse().expect("char_end"),
        };
        match docs.last_mut() {
            Some((d, facts)) if *d == r[doc] => facts.push(fact),
            _ => docs.push((r[doc].clone(), vec![fact])),
        }
    }
    docs
}

#[test]
fn seed_facts_get_the_expected_codes() {
    let t = taxonomy();
    let mut docs = seed_docs();
    let total: usize = docs.iter().map(|(_, f)| f.len()).sum();
    assert_eq!(total, 163);
    for (_, facts) in docs.iter_mut() {
        t.assign(facts);
    }
    let all: Vec<&Fact> = docs.iter().flat_map(|(_, f)| f.iter()).collect();
    let find = |raw: &str, metric: &str| -> &Fact {
        let hits: Vec<&&Fact> = all
            .iter()
            .filter(|f| f.raw == raw && f.metric.as_deref() == Some(metric))
            .collect();
        assert_eq!(hits.len(), 1, "{raw} {metric}");
        hits[0]
    };
    let expect = [
        ("390件", "立案查处", "enforcement.cases_filed"),
        ("136161元", "处罚款金额", "enforcement.fines"),
        ("263宗", "成功调解案件总数", "mediation.disputes"),
        ("271宗", "受理各类信访案件", "petitions.cases"),
        ("5571条", "办结12345平台工单", "hotline.tickets"),
        ("8.7%", "不满意率", "hotline.dissatisfaction_rate"),
        ("3宗", "违纪立案", "discipline.cases"),
        ("110件", "简易程序", "enforcement.cases_simple"),
    ];
    for (raw, metric, want) in expect {
        assert_eq!(
            find(raw, metric).indicator.as_deref(),
            Some(want),
            "{raw} {metric}"
        );
    }
    let total_390 = find("390件", "立案查处");
    assert_eq!(
        find("110件", "简易程序").breakdown_of,
        Some(total_390.fact_id)
    );
    assert_eq!(find("271宗", "受理各类信访案件").breakdown_of, None);
    // 办结266宗 and 正在办理中5宗 add up to the 271 received: parts found by their sum.
    assert_eq!(
        find("266宗", "办结").breakdown_of,
        Some(find("271宗", "受理各类信访案件").fact_id)
    );

    // Coverage, printed for review by eye (`cargo test -- --nocapture`).
    let coded = all.iter().filter(|f| f.indicator.is_some()).count();
    println!("seed coverage: {coded} of {} facts get a code", all.len());
    for (doc, facts) in &docs {
        for f in facts {
            let part = f
                .breakdown_of
                .map(|p| format!("  (part of #{p})"))
                .unwrap_or_default();
            println!(
                "{doc} #{:<3} {:<16} {:<40} {}{part}",
                f.fact_id,
                f.raw,
                f.metric.as_deref().unwrap_or("-"),
                f.indicator.as_deref().unwrap_or("."),
            );
        }
    }
}
