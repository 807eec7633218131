use super::*;

#[test]
fn loads_all_levels_and_skips_placeholders() {
    let g = test_gazetteer();
    assert!(g.len() > 44_000);
    assert_eq!(g.by_code("440105007").unwrap().name, "海幢街道");
    assert!(g.lookup("市辖区").is_empty());
    // County-level city 温岭市 lives in areas.csv, found by full and short name.
    assert_eq!(g.lookup("温岭市")[0].code, "331081");
    assert_eq!(g.lookup("温岭")[0].code, "331081");
    assert!(g.lookup("小营").iter().any(|d| d.code == "330102004"));
    assert!(g.name_count() > 30_000);
}

#[test]
fn short_names() {
    assert_eq!(short_name("海珠区"), Some("海珠"));
    assert_eq!(short_name("小营街道"), Some("小营"));
    assert_eq!(short_name("广西壮族自治区"), Some("广西"));
    assert_eq!(short_name("新县"), None);
}

#[test]
fn embedded_rows_are_the_shipped_csv_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer");
    let texts = rows::FILES.map(|(file, _, _)| {
        std::fs::read_to_string(dir.join(file)).expect("shipped gazetteer file")
    });
    let rows = rows::rows_from_csv(texts.each_ref().map(String::as_str)).unwrap();
    let embedded = include_str!(concat!(env!("OUT_DIR"), "/gazetteer_rows.tsv"));
    assert!(
        rows == embedded,
        "build.rs embedded other rows than data/gazetteer holds"
    );
    assert_eq!(test_gazetteer().len(), rows.lines().count());
    let tables = image::build(embedded, &INDEX_WORDS).unwrap();
    let embedded_tables: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.image"));
    assert!(
        tables == embedded_tables,
        "build.rs laid out other tables than the crate's word lists make"
    );
}

#[test]
fn an_image_of_other_rows_or_layout_is_refused() {
    let rows = "P\t11\t北京市\nC\t1101\t市辖区\t11\n";
    let tables: &'static [u8] = image::build(rows, &INDEX_WORDS).unwrap().leak();
    assert!(Gazetteer::from_image(rows, tables).is_ok());
    let err = Gazetteer::from_image("P\t12\t天津市\n", tables).unwrap_err();
    assert!(err.contains("other rows"), "{err}");
    let mut old = tables.to_vec();
    old[4] ^= 0xff;
    let err = Gazetteer::from_image(rows, old.leak()).unwrap_err();
    assert!(err.contains("not one this build reads"), "{err}");
    let err = Gazetteer::from_image(rows, &tables[..tables.len() / 8 * 4]).unwrap_err();
    assert!(
        err.contains("truncated") || err.contains("malformed"),
        "{err}"
    );
}

#[test]
fn lookups_agree_with_a_scan_of_the_rows() {
    // Every division is found by its code, and by its name unless it is a placeholder.
    let g = test_gazetteer();
    for idx in (0..g.len()).step_by(97) {
        let d = g.division(idx);
        assert_eq!(g.by_code(d.code).map(|b| b.name), Some(d.name));
        let named = g.lookup(d.name);
        assert_eq!(
            named.iter().any(|n| n.code == d.code),
            !d.placeholder,
            "{d:?}"
        );
        for parent in [d.province, d.city, d.county].into_iter().flatten() {
            assert!(g.division(parent).level < d.level, "{d:?}");
        }
    }
    assert!(g.by_code("99").is_none() && g.by_code("").is_none());
}

#[test]
fn rejects_malformed_rows() {
    let err = Gazetteer::from_rows("X\t11\t北京市\n").unwrap_err();
    assert!(err.contains("row 1"), "{err}");
    assert!(Gazetteer::from_rows("P\t11\n").is_err());
    let four_parents = "P\t11\t北京市\nS\t110101001\t东华门街道\t11\t11\t11\t11\n";
    assert!(Gazetteer::from_rows(four_parents).is_err());
    let err = Gazetteer::from_csv_strs(
        "code,name\n11,\"北京\t市\"\n",
        "code,name,provinceCode\n",
        "code,name,cityCode,provinceCode\n",
        "code,name,areaCode,provinceCode,cityCode\n",
    )
    .unwrap_err();
    assert_eq!(
        err,
        "provinces.csv: row 2 has a tab or line break in a field"
    );
}

#[test]
fn rejects_bad_csv() {
    assert!(Gazetteer::from_csv_strs("code\n11\n", "", "", "").is_err());
    let err = Gazetteer::from_csv_strs(
        "code,name\n11,\"北京市\"\n",
        "code,name,provinceCode\n1101,\"市辖区\",99\n",
        "code,name,cityCode,provinceCode\n",
        "code,name,areaCode,provinceCode,cityCode\n",
    )
    .unwrap_err();
    assert!(err.contains("parent code 99"), "{err}");
    let err = Gazetteer::from_csv_strs("code\n11\n", "", "", "").unwrap_err();
    assert_eq!(err, "provinces.csv: column name is missing");
    // Rows are numbered as a spreadsheet shows them: the header is row 1.
    let err = Gazetteer::from_csv_strs(
        "code,name\n11,\"北京市\"\n12, \n",
        "code,name,provinceCode\n",
        "code,name,cityCode,provinceCode\n",
        "code,name,areaCode,provinceCode,cityCode\n",
    )
    .unwrap_err();
    assert_eq!(err, "provinces.csv: row 3 has an empty field");
}

#[test]
fn quoted_names_and_a_bom_are_read() {
    let g = Gazetteer::from_csv_strs(
        "\u{feff}code,name\n44,\"广东省\"\n",
        "code,name,provinceCode\n4401,\"广州市\",44\n",
        "code,name,cityCode,provinceCode\n440105,\"海珠区\",4401,44\n",
        "code,name,areaCode,provinceCode,cityCode\n440105001,\"海幢街道\",440105,44,4401\n",
    )
    .unwrap();
    assert_eq!(g.len(), 4);
    let street = g.by_code("440105001").expect("street");
    assert_eq!(street.name, "海幢街道");
    assert_eq!(g.division(street.county.expect("county")).name, "海珠区");
}

#[test]
fn unique_street_is_exact() {
    let r = test_gazetteer().resolve("广州市海珠区人民政府海幢街道办事处", "");
    assert_eq!(r.division_code.as_deref(), Some("440105007"));
    assert_eq!(r.division_match, "exact");
    assert_eq!(r.province.as_deref(), Some("广东省"));
    assert_eq!(r.city.as_deref(), Some("广州市"));
    assert_eq!(r.county.as_deref(), Some("海珠区"));
}

#[test]
fn municipality_city_is_the_municipality() {
    let r = test_gazetteer().resolve("天津市和平区人民政府小白楼街道办事处", "");
    assert_eq!(r.division_code.as_deref(), Some("120101002"));
    assert_eq!(r.province.as_deref(), Some("天津市"));
    assert_eq!(r.city.as_deref(), Some("天津市"));
    assert_eq!(r.county.as_deref(), Some("和平区"));
}

#[test]
fn a_city_without_counties_is_the_city_not_its_county_twin() {
    // 东莞市 is listed as a city (4419) and again as its own county (441900).
    let r = test_gazetteer().resolve("东莞市人民政府", "东莞市坚持依法行政");
    assert_eq!(r.division_code.as_deref(), Some("4419"));
    assert_eq!(r.level, Some(DivisionLevel::City));
}

#[test]
fn a_row_named_as_the_office_is_one_of_its_namesakes() {
    // One 新华街道 of many is listed as 新华街道办事处: the name alone places none of them.
    let g = test_gazetteer();
    let r = g.resolve("新华街道办事处", "新华街道坚持依法行政");
    assert_eq!(r.division_code, None, "{r:?}");
    assert_eq!(r.level, Some(DivisionLevel::Township));
}

#[test]
fn binhai_town_without_context_is_none() {
    let r = test_gazetteer().resolve("滨海镇", "滨海镇坚持把法治建设作为贯穿党委政府工作的主线");
    assert_eq!(r.division_match, "none");
    assert_eq!(r.division_code, None);
    let w = r.warning.unwrap();
    assert!(
        w.contains("130209112") && w.contains("331081106") && w.contains("371603107"),
        "{w}"
    );
}

#[test]
fn binhai_town_with_context() {
    let g = test_gazetteer();
    // The issuer's own name carries the county-level city.
    let r = g.resolve("温岭市滨海镇", "");
    assert_eq!(r.division_code.as_deref(), Some("331081106"));
    assert_eq!(r.division_match, "context");
    // The body names it inside a document title.
    let body = "对《温岭市滨海镇全域整治自愿搬迁聚集试行办法》进行合法性审查";
    let r = g.resolve("滨海镇", body);
    assert_eq!(r.division_code.as_deref(), Some("331081106"));
    assert_eq!(r.city.as_deref(), Some("台州市"));
    // Shandong: 滨州市 and its 沾化区.
    let r = g.resolve("滨海镇", "在滨州市委、沾化区委的领导下");
    assert_eq!(r.division_code.as_deref(), Some("371603107"));
}

#[test]
fn context_in_parts_reads_as_the_parts_joined_by_line_breaks() {
    let g = test_gazetteer();
    // The body alone does not decide; the page's source line (a later part) does.
    let body = "滨海镇坚持把法治建设作为贯穿党委政府工作的主线";
    let source = "温岭市人民政府";
    let in_parts = g.resolve_in("滨海镇", &[body, source]);
    assert_eq!(in_parts.division_code.as_deref(), Some("331081106"));
    assert_eq!(in_parts, g.resolve("滨海镇", &format!("{body}\n{source}")));
    // A place name is never read across two parts.
    let split = g.resolve_in("小营街道", &["浙", "江省"]);
    assert_eq!(split, g.resolve("小营街道", "浙\n江省"));
    assert_ne!(split, g.resolve("小营街道", "浙江省"));
}

#[test]
fn xiaoying_street_by_province_and_city() {
    let g = test_gazetteer();
    let body = "党工委理论学习中心组会议集体学习《浙江省行政合法性审查工作规定》。将《杭州市老旧小区住宅加装电梯马市街社区大王庙巷1-2单元》决策事项纳入";
    let r = g.resolve("小营街道办事处", body);
    assert_eq!(r.division_code.as_deref(), Some("330102004"));
    assert_eq!(r.division_match, "context");
    assert_eq!(r.county.as_deref(), Some("上城区"));
    // Short province name alone (法治浙江) is weak but enough when nothing contradicts it.
    let r = g.resolve("小营街道", "深入推进法治浙江建设");
    assert_eq!(r.division_code.as_deref(), Some("330102004"));
    let r = g.resolve("小营街道", "滨州市滨城区委依法治区办");
    assert_eq!(r.division_code.as_deref(), Some("371602007"));
    let r = g.resolve("小营街道", "");
    assert_eq!(r.division_match, "none");
}

#[test]
fn department_takes_its_government_code() {
    let g = test_gazetteer();
    let r = g.resolve("温岭市司法局", "");
    assert_eq!(r.division_code.as_deref(), Some("331081"));
    assert_eq!(r.level, Some(DivisionLevel::County));
    let r = g.resolve("浙江省司法厅", "");
    assert_eq!(r.division_code.as_deref(), Some("33"));
}

#[test]
fn joint_issuer_and_short_issuer() {
    let g = test_gazetteer();
    let r = g.resolve("中共新县金兰山街道工作委员会 新县金兰山街道办事处", "");
    assert_eq!(r.division_code.as_deref(), Some("411523001"));
    assert_eq!(r.city.as_deref(), Some("信阳市"));
    // A site's 来源 line gives only a short form.
    let r = g.resolve("海幢街", "");
    assert_eq!(r.division_code.as_deref(), Some("440105007"));
}

#[test]
fn no_place_and_odd_input_do_not_panic() {
    let g = test_gazetteer();
    for s in ["", "市", "\u{0}\u{feff}🙂区", "办公室", "𠀀𠀁街道"] {
        let r = g.resolve(s, s);
        assert_eq!(r.division_match, "none");
    }
    assert_eq!(g.name_ending("天津市和平区"), Some("和平区"));
    assert_eq!(g.name_ending(""), None);
    assert!(g.names_nest("天津市", "和平区"));
    assert!(!g.names_nest("浙江省", "和平区"));
}

#[test]
fn text_scan_prefers_longest_and_skips_common_words() {
    let g = test_gazetteer();
    let found = g.text_places("中共新县金兰山街道工作委员会，持续做好城区环境品质提升");
    let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
    assert!(
        names.contains(&"新县") && names.contains(&"金兰山街道"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"兰山街道") && !names.contains(&"城区"),
        "{names:?}"
    );
}

#[test]
fn no_place_inside_an_institution_word() {
    let g = test_gazetteer();
    // `人民` is the short name of several 人民街道, never a place inside 人民政府/人民法院.
    assert!(g.issuer_places("某县人民政府").is_empty());
    assert!(g.issuer_places("某县人民法院").is_empty());
    let r = g.resolve("某县人民政府", "某县人民政府坚持依法行政。");
    assert_eq!(r.division_match, "none");
    // A short name outside such a word still counts (海幢 of 海幢街道).
    assert!(!g.issuer_places("海幢街办事处").is_empty());
}

#[test]
fn a_short_name_inside_a_department_word_is_no_place() {
    let g = test_gazetteer();
    // `资源` (资源县) spelled by 人力资源 and 自然资源: a department, no place.
    assert!(g.issuer_places("市人力资源和社会保障局").is_empty());
    assert!(g.issuer_places("自然资源部").is_empty());
    // Where a name's places stand, it is one: first, or after 中共.
    let found = |issuer: &str| -> Vec<String> {
        g.issuer_places(issuer)
            .into_iter()
            .map(|m| m.name)
            .collect()
    };
    assert_eq!(found("资源人社局"), ["资源"]);
    assert_eq!(found("中共海幢街工委"), ["海幢"]);
    // A division named only `街道` or `林业局` names no place; nor does 市场 of 市场街道 in a
    // market regulator's name, wherever it stands.
    assert!(g.issuer_places("xx街道").is_empty());
    assert!(g.issuer_places("县林业局").is_empty());
    assert!(g.issuer_places("市场监督管理局").is_empty());
    assert!(g.issuer_places("民政局").is_empty());
    // Nor does a zone named by zone words alone (streets.csv's 综合保税区, 市经济技术开发区).
    for issuer in ["综合保税区", "市经济技术开发区管委会", "工业园区管理委员会"]
    {
        let r = g.resolve(issuer, "我区坚持依法行政。");
        assert_eq!(r.division_code, None, "{issuer}: {r:?}");
    }
    // A common word right after a place is that place's division (获嘉县's 农场).
    let found: Vec<String> = g
        .issuer_places("获嘉县农场人民政府")
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert!(found.iter().any(|n| n == "农场"), "{found:?}");
    // Nor is a short name inside a zone word (`工业` of 工业街道 in 工业园区).
    assert!(g.issuer_places("工业园区管理委员会").is_empty());
    // A zone with a name of its own keeps it.
    assert!(!g.issuer_places("天津京滨工业园").is_empty());
}
