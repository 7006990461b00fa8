//! GB/T 2260 administrative division codes of every year from 1980 to 2022, so that an ID
//! number's birthplace code can be named and addresses can be picked province → city → district.

use serde::Serialize;
use std::sync::LazyLock;

/// The newest year in `data/regions.tsv`; a code present in that year is still in use.
pub const LATEST_YEAR: u16 = 2022;

/// Names of GB/T 2260 grouping rows, which stand for "the rest of this province/city" rather than
/// a place a person could live in. The data file may contain such rows, but they are never shown
/// as a name: [`lookup`] returns `None` for them, [`full_name`] skips them and the picker lists
/// leave them out.
const PLACEHOLDER_NAMES: &[&str] = &[
    "市辖区",
    "县",
    "市",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "省直辖县级行政单位",
    "自治区直辖县级行政单位",
];

/// One division code and the years it appears in the Ministry of Civil Affairs lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Region {
    pub code: u32,
    /// The name in the latest year the code appears.
    pub name: &'static str,
    pub first_year: u16,
    /// A few codes were retired and later reused, so the code may be missing from some years
    /// between `first_year` and `last_year`.
    pub last_year: u16,
}

impl Region {
    /// Whether the code still exists in [`LATEST_YEAR`].
    pub fn is_current(&self) -> bool {
        self.last_year == LATEST_YEAR
    }

    fn is_placeholder(&self) -> bool {
        PLACEHOLDER_NAMES.contains(&self.name)
    }
}

/// An entry of the address picker.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    pub code: u32,
    pub name: &'static str,
}

impl From<&Region> for Place {
    fn from(r: &Region) -> Self {
        Place { code: r.code, name: r.name }
    }
}

/// `data/regions.tsv` (see `data/README.md`). Codes are 6-digit numbers: `PP0000` is a
/// province-level unit, `PPCC00` a prefecture-level unit and anything else a county-level unit.
static REGIONS: LazyLock<Vec<Region>> = LazyLock::new(|| parse(include_str!("../data/regions.tsv")));

/// The division with this exact 6-digit code in any year from 1980 on, or `None` if the code never
/// existed or is a placeholder row (市辖区 and the like).
pub fn lookup(code: u32) -> Option<&'static Region> {
    lookup_in(&REGIONS, code)
}

/// The full name of a code as written on an address: province, prefecture and county names
/// joined, e.g. "广东省广州市天河区", "北京市崇文区" (abolished 2010) or "湖北省仙桃市" (directly under
/// the province). Each part is the part's latest name. `None` if the code never existed.
pub fn full_name(code: u32) -> Option<String> {
    full_name_in(&REGIONS, code)
}

/// The name of a province-level unit from its 2-digit prefix, e.g. 11 → "北京市"; foreign permanent
/// residence ID numbers carry only this prefix.
pub fn province_name(code2: u32) -> Option<&'static str> {
    if !(10..100).contains(&code2) {
        return None;
    }
    lookup(code2 * 10_000).map(|r| r.name)
}

/// The current province-level units (including 台湾省, 香港 and 澳门), sorted by code.
pub fn provinces() -> Vec<Place> {
    provinces_in(&REGIONS)
}

/// The second level of the picker under a current province, sorted by code.
///
/// These are the prefecture-level units, followed (by code order) by county-level units that
/// belong to no prefecture, such as 仙桃市 (429004) or 石河子市 (659001): people name those cities
/// at the same level as 武汉市, not under a "省直辖" heading. A province with no prefecture-level
/// units at all (北京, 天津, 上海, 重庆, 香港, 澳门, 台湾) gets a single entry with its own code and
/// name, so the picker always has three levels. Unknown or abolished codes give an empty list.
pub fn cities(province: u32) -> Vec<Place> {
    cities_in(&REGIONS, province)
}

/// The third level of the picker under an entry of [`cities`], sorted by code: the current
/// county-level units directly under it. A unit with none of its own (东莞市, 仙桃市, 香港特别行政区,
/// …) gets a single entry with its own code and name. Unknown or abolished codes give an empty
/// list.
pub fn districts(city: u32) -> Vec<Place> {
    districts_in(&REGIONS, city)
}

fn parse(text: &'static str) -> Vec<Region> {
    let rows: Vec<Region> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(i, line)| parse_line(line).unwrap_or_else(|| panic!("regions.tsv line {}: malformed {line:?}", i + 1)))
        .collect();
    // Every lookup is a binary search, so an unsorted file would silently lose codes.
    assert!(rows.windows(2).all(|w| w[0].code < w[1].code), "regions.tsv must be sorted by code without duplicates");
    rows
}

fn parse_line(line: &'static str) -> Option<Region> {
    let mut fields = line.split('\t');
    let region = Region {
        code: fields.next()?.parse().ok()?,
        name: fields.next().filter(|n| !n.is_empty())?,
        first_year: fields.next()?.parse().ok()?,
        last_year: fields.next()?.parse().ok()?,
    };
    let valid =
        fields.next().is_none() && (100_000..1_000_000).contains(&region.code) && region.first_year <= region.last_year;
    valid.then_some(region)
}

/// Any row with this code, placeholders included.
fn row(table: &[Region], code: u32) -> Option<&Region> {
    let i = table.binary_search_by_key(&code, |r| r.code).ok()?;
    Some(&table[i])
}

fn lookup_in(table: &[Region], code: u32) -> Option<&Region> {
    row(table, code).filter(|r| !r.is_placeholder())
}

fn current_in(table: &[Region], code: u32) -> Option<&Region> {
    lookup_in(table, code).filter(|r| r.is_current())
}

fn full_name_in(table: &[Region], code: u32) -> Option<String> {
    row(table, code)?;
    let mut name = String::new();
    let mut previous = None;
    for part in [code / 10_000 * 10_000, code / 100 * 100, code] {
        // Province- and prefecture-level codes are their own ancestors; name them once.
        if previous == Some(part) {
            continue;
        }
        previous = Some(part);
        if let Some(r) = lookup_in(table, part) {
            name.push_str(r.name);
        }
    }
    // Only a placeholder row of a province missing from the table gets here with nothing to show.
    (!name.is_empty()).then_some(name)
}

/// Current, non-placeholder rows with codes in `start..end`.
fn current_range(table: &[Region], start: u32, end: u32) -> impl Iterator<Item = &Region> {
    let from = table.partition_point(|r| r.code < start);
    let to = table.partition_point(|r| r.code < end);
    table[from..to].iter().filter(|r| r.is_current() && !r.is_placeholder())
}

/// The picker entry a current county-level unit sits under: its prefecture if that is a real,
/// current unit, otherwise its province.
fn picker_parent(table: &[Region], county: u32) -> u32 {
    let prefecture = county / 100 * 100;
    if current_in(table, prefecture).is_some() {
        prefecture
    } else {
        county / 10_000 * 10_000
    }
}

fn provinces_in(table: &[Region]) -> Vec<Place> {
    current_range(table, 0, u32::MAX).filter(|r| r.code % 10_000 == 0).map(Place::from).collect()
}

fn cities_in(table: &[Region], province: u32) -> Vec<Place> {
    let Some(own) = current_in(table, province).filter(|_| province % 10_000 == 0) else {
        return Vec::new();
    };
    let children = || current_range(table, province + 1, province + 10_000);
    if !children().any(|r| r.code % 100 == 0) {
        return vec![own.into()];
    }
    children().filter(|r| r.code % 100 == 0 || picker_parent(table, r.code) == province).map(Place::from).collect()
}

fn districts_in(table: &[Region], city: u32) -> Vec<Place> {
    let Some(own) = current_in(table, city) else {
        return Vec::new();
    };
    let span = match city {
        c if c % 10_000 == 0 => 10_000,
        c if c % 100 == 0 => 100,
        // A county-level unit listed as a city has no subdivisions in this data set.
        _ => 1,
    };
    let list: Vec<Place> = current_range(table, city + 1, city + span)
        .filter(|r| r.code % 100 != 0 && picker_parent(table, r.code) == city)
        .map(Place::from)
        .collect();
    if list.is_empty() {
        vec![own.into()]
    } else {
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(places: &[Place]) -> Vec<&str> {
        places.iter().map(|p| p.name).collect()
    }

    #[test]
    fn current_district() {
        let r = lookup(110101).unwrap();
        assert_eq!(r.name, "东城区");
        assert!(r.is_current());
        assert_eq!(full_name(110101).as_deref(), Some("北京市东城区"));
    }

    #[test]
    fn abolished_district_still_resolves() {
        let r = lookup(110103).unwrap();
        assert_eq!((r.name, r.first_year, r.last_year), ("崇文区", 1980, 2009));
        assert!(!r.is_current());
        assert_eq!(full_name(110103).as_deref(), Some("北京市崇文区"));
    }

    #[test]
    fn full_names() {
        assert_eq!(full_name(440106).as_deref(), Some("广东省广州市天河区"));
        assert_eq!(full_name(440100).as_deref(), Some("广东省广州市"));
        assert_eq!(full_name(440000).as_deref(), Some("广东省"));
        assert_eq!(full_name(429004).as_deref(), Some("湖北省仙桃市"));
        assert_eq!(full_name(810000).as_deref(), Some("香港特别行政区"));
        assert_eq!(full_name(820000).as_deref(), Some("澳门特别行政区"));
        assert_eq!(full_name(710000).as_deref(), Some("台湾省"));
    }

    #[test]
    fn unknown_codes() {
        for code in [999_999, 0, 11, 1_101_010, u32::MAX] {
            assert_eq!(lookup(code), None, "{code}");
            assert_eq!(full_name(code), None, "{code}");
        }
    }

    #[test]
    fn province_names() {
        assert_eq!(province_name(11), Some("北京市"));
        assert_eq!(province_name(44), Some("广东省"));
        assert_eq!(province_name(65), Some("新疆维吾尔自治区"));
        for code2 in [0, 1, 99, 110_000, u32::MAX] {
            assert_eq!(province_name(code2), None, "{code2}");
        }
    }

    #[test]
    fn latest_year_matches_data() {
        assert_eq!(REGIONS.iter().map(|r| r.last_year).max(), Some(LATEST_YEAR));
        assert_eq!(REGIONS.len(), 6751);
    }

    #[test]
    fn province_list() {
        let list = provinces();
        assert_eq!(list.len(), 34);
        assert_eq!(list[0], Place { code: 110000, name: "北京市" });
        for code in [710000, 810000, 820000] {
            assert!(list.iter().any(|p| p.code == code), "{code}");
        }
    }

    #[test]
    fn municipalities_have_one_synthetic_city() {
        for (code, name) in [(110000, "北京市"), (500000, "重庆市"), (810000, "香港特别行政区")] {
            assert_eq!(cities(code), vec![Place { code, name }]);
        }
        let beijing = districts(110000);
        assert_eq!(beijing.len(), 16);
        assert!(names(&beijing).contains(&"延庆区"));
        assert_eq!(districts(810000), vec![Place { code: 810000, name: "香港特别行政区" }]);
    }

    #[test]
    fn guangdong() {
        let list = cities(440000);
        assert_eq!(list.len(), 21);
        assert_eq!(list[0], Place { code: 440100, name: "广州市" });
        assert!(names(&districts(440100)).contains(&"天河区"));
        assert_eq!(districts(441900), vec![Place { code: 441900, name: "东莞市" }]);
    }

    #[test]
    fn counties_directly_under_a_province_are_cities() {
        let hubei = cities(420000);
        assert_eq!(hubei[0].name, "武汉市");
        assert!(hubei.contains(&Place { code: 429004, name: "仙桃市" }));
        assert!(!names(&districts(420000)).is_empty());
        assert_eq!(districts(429004), vec![Place { code: 429004, name: "仙桃市" }]);
        assert!(cities(650000).iter().any(|p| p.code == 659001));
    }

    #[test]
    fn invalid_picker_codes_give_nothing() {
        for code in [0, 999_999, 110_103, 11_010_100, u32::MAX] {
            assert!(cities(code).is_empty(), "{code}");
        }
        assert!(cities(440100).is_empty());
        assert!(districts(110103).is_empty());
        assert!(districts(u32::MAX).is_empty());
    }

    #[test]
    fn placeholders_are_never_names() {
        let table = parse(
            "# comment\n\
             110000\t北京市\t1980\t2022\n\
             110100\t市辖区\t1980\t2022\n\
             110101\t东城区\t1980\t2022\n\
             110200\t县\t1980\t2015\n\
             110228\t密云县\t1980\t2015\n",
        );
        assert_eq!(lookup_in(&table, 110100), None);
        assert_eq!(full_name_in(&table, 110100).as_deref(), Some("北京市"));
        assert_eq!(full_name_in(&table, 110228).as_deref(), Some("北京市密云县"));
        assert_eq!(cities_in(&table, 110000), vec![Place { code: 110000, name: "北京市" }]);
        assert_eq!(districts_in(&table, 110000), vec![Place { code: 110101, name: "东城区" }]);
        assert_eq!(provinces_in(&table).len(), 1);
    }

    #[test]
    #[should_panic(expected = "line 2")]
    fn malformed_line_panics() {
        parse("110000\t北京市\t1980\t2022\n110101\t东城区\t1980\n");
    }

    #[test]
    #[should_panic(expected = "sorted")]
    fn unsorted_table_panics() {
        parse("110101\t东城区\t1980\t2022\n110000\t北京市\t1980\t2022\n");
    }
}
