//! Place resolution: the division an issuer belongs to, its enclosing places and the body
//! choosing among same-named candidates.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use super::*;

/// What a street office's name may end with in a gazetteer row (`新华街道办事处`).
const OFFICE_SUFFIX: &str = "办事处";

impl Gazetteer {
    /// Resolve the division of an issuer (e.g. 广州市海珠区人民政府海幢街道办事处, 小营街道办事处,
    /// 温岭市司法局) with the whole body as context.
    ///
    /// The issuer's most specific place is the target; its other places (广州市, 海珠区) and
    /// the places named in the body (浙江省, 杭州市 inside 《…》 too) choose among same-named
    /// candidates. A department takes the code of its government (温岭市司法局 → 温岭市).
    pub fn resolve(&self, issuer: &str, body: &str) -> PlaceResolution {
        self.resolve_in(issuer, &[body])
    }

    /// `resolve` with the context in parts (the body, then the page's publisher and source
    /// lines), read as if joined by line breaks. Most issuers resolve before the context is
    /// needed, so the parts are joined only then, not for every document.
    pub fn resolve_in(&self, issuer: &str, context: &[&str]) -> PlaceResolution {
        let mentions = self.issuer_places(issuer);
        // The target is the deepest-level mention; on a tie the last one (the unit itself).
        let target = mentions.iter().enumerate().max_by_key(|(i, m)| {
            let depth = self
                .lookup_ids(&m.name)
                .map(|d| self.division(d).level)
                .max();
            (depth, *i)
        });
        let Some((_, target)) = target else {
            return PlaceResolution {
                division_match: "none".to_string(),
                warning: Some(format!(
                    "no place name of the gazetteer found in the issuer '{issuer}'"
                )),
                ..Default::default()
            };
        };
        let mut candidates: Vec<usize> = self.lookup_ids(&target.name).collect();
        // A few rows are named as the office (`新华街道办事处`): the same name as every
        // `新华街道`, whose rows are candidates too.
        if let Some(stem) = target.name.strip_suffix(OFFICE_SUFFIX) {
            let namesakes: Vec<usize> = self
                .lookup_ids(stem)
                .filter(|c| !candidates.contains(c))
                .collect();
            candidates.extend(namesakes);
        }
        // A city without counties is listed again as its own county (东莞市 4419 and 441900):
        // the name is the city's.
        if candidates.len() > 1 {
            let twins: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&c| {
                    let d = self.division(c);
                    d.level == DivisionLevel::County
                        && d.city.is_some_and(|p| {
                            candidates.contains(&p) && self.division(p).name == d.name
                        })
                })
                .collect();
            candidates.retain(|c| !twins.contains(c));
        }
        let total = candidates.len();
        if total == 1 {
            return self.resolved(candidates[0], &target.name, "exact");
        }

        // Evidence 1: the other places of the issuer's own name (广州市海珠区… → 海幢街道).
        let own = self.support(
            mentions
                .iter()
                .filter(|m| m.name != target.name)
                .map(|m| (m, 1)),
        );
        candidates = self.best_supported(&candidates, &own);
        if candidates.len() == 1 {
            return self.resolved(candidates[0], &target.name, "context");
        }

        // Evidence 2: places named anywhere in the body; full names weigh more than short ones.
        let body: Cow<str> = match context {
            [one] => Cow::Borrowed(one),
            parts => Cow::Owned(parts.join("\n")),
        };
        let in_body = self.text_places(&body);
        let from_body = self.support(in_body.iter().map(|m| (m, if m.short { 1 } else { 3 })));
        candidates = self.best_supported(&candidates, &from_body);
        if candidates.len() == 1 {
            return self.resolved(candidates[0], &target.name, "context");
        }

        let listed = candidates
            .iter()
            .map(|&c| {
                let (p, ci, co) = self.enclosing_names(c);
                let path: Vec<&str> = [p, ci, co].into_iter().flatten().collect();
                format!("{} {}", self.division(c).code, path.join(""))
            })
            .collect::<Vec<_>>();
        // Fields all remaining candidates agree on are still worth reporting.
        let named: Vec<_> = candidates
            .iter()
            .map(|&c| self.enclosing_names(c))
            .collect();
        let common = |f: fn(&Enclosing) -> Option<&'static str>| {
            let first = f(&named[0]);
            named
                .iter()
                .all(|n| f(n) == first)
                .then_some(first)
                .flatten()
                .map(str::to_string)
        };
        PlaceResolution {
            province: common(|n| n.0),
            city: common(|n| n.1),
            county: common(|n| n.2),
            division_code: None,
            division_match: "none".to_string(),
            level: Some(self.division(candidates[0]).level),
            place_name: Some(target.name.clone()),
            warning: Some(format!(
                "place '{}' is ambiguous and the text does not say which: candidates left {}",
                target.name,
                listed.join(", ")
            )),
        }
    }

    /// Weight of evidence per division id: each mention supports every division it may name.
    fn support<'m>(
        &self,
        mentions: impl Iterator<Item = (&'m PlaceMention, usize)>,
    ) -> HashMap<usize, usize> {
        let mut weights = HashMap::default();
        for (m, w) in mentions {
            let index = if m.short { &self.short } else { &self.full };
            for id in index.ids(&m.name) {
                *weights.entry(id).or_insert(0) += w;
            }
        }
        weights
    }

    /// The candidates whose enclosing divisions have the highest total support
    /// (all of them when nothing supports any candidate).
    fn best_supported(&self, candidates: &[usize], support: &HashMap<usize, usize>) -> Vec<usize> {
        let scores: Vec<usize> = candidates
            .iter()
            .map(|&c| {
                let d = self.division(c);
                [d.province, d.city, d.county]
                    .into_iter()
                    .flatten()
                    .filter_map(|a| support.get(&a))
                    .sum()
            })
            .collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best == 0 {
            return candidates.to_vec();
        }
        candidates
            .iter()
            .zip(&scores)
            .filter(|(_, &s)| s == best)
            .map(|(&c, _)| c)
            .collect()
    }

    fn resolved(&self, idx: usize, place: &str, how: &str) -> PlaceResolution {
        let (province, city, county) = self.enclosing_names(idx);
        let d = self.division(idx);
        PlaceResolution {
            province: province.map(str::to_string),
            city: city.map(str::to_string),
            county: county.map(str::to_string),
            division_code: Some(d.code.to_string()),
            division_match: how.to_string(),
            level: Some(d.level),
            place_name: Some(place.to_string()),
            warning: None,
        }
    }
}
