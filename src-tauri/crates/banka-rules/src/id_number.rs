//! GB 11643-1999 numbers: citizen ID numbers (and so social security numbers, Social Insurance
//! Law art. 58), HK/Macau/Taiwan residence permits, and the 2023 foreign permanent resident ID.
//!
//! All share the layout region(6) + birth date(8) + sequence(3, odd = male) + MOD 11-2 check.

use chrono::NaiveDate;
use serde::Serialize;

use crate::dates::{age_on, parse_yyyymmdd};
use crate::finding::{shape_problem, Allowed, Checked, Problem, RegionSpan};
use crate::normalize::canonical;
use crate::regions;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// Which document a GB 11643-shaped number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IdDocument {
    /// 居民身份证
    CitizenId,
    /// 港澳台居民居住证, region code 810000 / 820000 / 830000
    HkResidencePermit,
    MacauResidencePermit,
    TaiwanResidencePermit,
    /// 外国人永久居留身份证 (2023 format, starts with 9)
    ForeignPermanentResidenceId,
    /// 港澳居民来往内地通行证
    HkMacauTravelPermit,
    /// 台湾居民来往大陆通行证
    TaiwanTravelPermit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

/// A valid 18-character number and what it says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdNumber {
    pub number: String,
    pub kind: IdDocument,
    pub birth_date: NaiveDate,
    pub gender: Gender,
    /// Where it was issued, e.g. 北京市东城区, 香港特别行政区, or the issuing province of a
    /// foreign permanent resident ID. Historical divisions keep their historical name.
    pub region: String,
    pub upgraded_from_15: bool,
}

impl IdNumber {
    pub fn age_on(&self, day: NaiveDate) -> u32 {
        age_on(self.birth_date, day)
    }
}

/// The MOD 11-2 check character (ISO 7064) over the first 17 digits.
pub fn check_character(first17: &[u8]) -> char {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    CHECK[(sum % 11) as usize] as char
}

/// Checks any GB 11643-shaped number as of `today` (birth dates after it are refused).
/// 15-digit numbers issued before 1999 are upgraded to 18 characters, with a warning.
pub fn check(input: &str, today: NaiveDate) -> Checked<IdNumber> {
    let mut number = canonical(input, &[]);
    if let Some(p) = shape_problem(&number, Allowed::DigitsOrFinalX, &[18, 15]) {
        return Checked::failed(number, vec![p]);
    }
    let mut problems = Vec::new();
    let legacy = number.len() == 15;
    if legacy {
        // 15-digit numbers had no check character, so no X either.
        if let Some(p) = Allowed::Digits.first_violation(&number) {
            return Checked::failed(number, vec![p]);
        }
        number = upgrade_15(&number);
        problems.push(Problem::UpgradedFrom15);
    }

    // From here the number is 18 ASCII characters, so byte slicing is safe.
    let kind_region = region_of(&number);
    if kind_region.is_none() {
        let span = if number.starts_with('9') { RegionSpan::Chars2To3 } else { RegionSpan::First6 };
        problems.push(Problem::RegionUnknown { span });
    }
    let birth_date = parse_yyyymmdd(&number[6..14]);
    match birth_date {
        None => problems.push(Problem::BirthDateInvalid),
        Some(d) if d > today => problems.push(Problem::BirthDateInFuture),
        Some(d) if d < NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date") => {
            problems.push(Problem::BirthDateBefore1900)
        }
        Some(_) => {}
    }
    if check_character(&number.as_bytes()[..17]) != number.as_bytes()[17] as char {
        problems.push(Problem::CheckCharacter);
    }

    let value = match (kind_region, birth_date) {
        (Some((kind, region)), Some(birth_date))
            if !problems.iter().any(|p| p.severity() == crate::Severity::Error) =>
        {
            let gender = if (number.as_bytes()[16] - b'0') % 2 == 1 { Gender::Male } else { Gender::Female };
            Some(IdNumber { number: number.clone(), kind, birth_date, gender, region, upgraded_from_15: legacy })
        }
        _ => None,
    };
    Checked { normalized: number, value, problems }
}

/// Checks a number that must be a 2023 foreign permanent resident ID (18 characters, starts with 9).
pub fn check_foreign_pr(input: &str, today: NaiveDate) -> Checked<IdNumber> {
    let number = canonical(input, &[]);
    match number.chars().count() {
        0 | 18 if number.is_empty() || number.starts_with('9') => check(&number, today),
        18 => Checked::failed(number, vec![Problem::ForeignPrPrefix]),
        length => Checked::failed(number, vec![Problem::Length { expected: &[18], actual: length }]),
    }
}

/// A 15-digit number (region + YYMMDD + sequence) written the 1999 way: "19" before the
/// year and a check character after.
fn upgrade_15(old: &str) -> String {
    let mut new = format!("{}19{}", &old[..6], &old[6..]);
    let check = check_character(new.as_bytes());
    new.push(check);
    new
}

/// The document a number belongs to and the place that issued it, from its leading digits.
fn region_of(number: &str) -> Option<(IdDocument, String)> {
    let permit = |kind, code| Some((kind, regions::full_name(code)?));
    match &number[..6] {
        "810000" => permit(IdDocument::HkResidencePermit, 810000),
        "820000" => permit(IdDocument::MacauResidencePermit, 820000),
        "830000" => permit(IdDocument::TaiwanResidencePermit, 710000),
        _ if number.starts_with('9') => {
            let province: u32 = number[1..3].parse().ok()?;
            Some((IdDocument::ForeignPermanentResidenceId, regions::province_name(province)?.to_owned()))
        }
        code => Some((IdDocument::CitizenId, regions::full_name(code.parse().ok()?)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn codes(c: &Checked<IdNumber>) -> Vec<&'static str> {
        c.problems.iter().map(Problem::code).collect()
    }

    /// Builds a valid number from its parts, computing the check character.
    fn make(region: &str, birth: &str, seq: &str) -> String {
        let mut s = format!("{region}{birth}{seq}");
        let check = check_character(s.as_bytes());
        s.push(check);
        s
    }

    #[test]
    fn the_standards_example_is_a_woman_from_chaoyang() {
        let c = check("11010519491231002X", today());
        let id = c.value.expect("valid");
        assert_eq!(id.kind, IdDocument::CitizenId);
        assert_eq!(id.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31).unwrap());
        assert_eq!(id.gender, Gender::Female);
        assert_eq!(id.region, "北京市朝阳区");
        assert_eq!(id.age_on(today()), 76);
        assert!(c.problems.is_empty());
    }

    #[test]
    fn normalises_spaces_full_width_and_lower_case_x() {
        let c = check(" １１０１０５ 1949 1231 002x", today());
        assert_eq!(c.normalized, "11010519491231002X");
        assert!(c.is_valid());
    }

    #[test]
    fn wrong_check_character() {
        let c = check("110105194912310021", today());
        assert_eq!(codes(&c), ["check_character"]);
        assert!(!c.is_valid());
    }

    #[test]
    fn historical_division_codes_are_known() {
        // 崇文区 (110103) was merged into 东城区 in 2010; its IDs stay valid.
        let c = check(&make("110103", "19800101", "123"), today());
        assert_eq!(c.value.unwrap().region, "北京市崇文区");
    }

    #[test]
    fn unknown_region_is_named() {
        let c = check(&make("990000", "19800101", "123"), today());
        assert!(codes(&c).contains(&"region_unknown"), "{:?}", c.problems);
        let c = check(&make("123456", "19800101", "123"), today());
        assert_eq!(codes(&c), ["region_unknown"]);
    }

    #[test]
    fn birth_date_rules() {
        assert_eq!(codes(&check(&make("110105", "19990230", "123"), today())), ["birth_date_invalid"]);
        assert_eq!(codes(&check(&make("110105", "20261122", "123"), today())), ["birth_date_future"]);
        assert_eq!(codes(&check(&make("110105", "18991231", "123"), today())), ["birth_date_before_1900"]);
        assert!(check(&make("110105", "20261121", "123"), today()).is_valid(), "born today is fine");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut n = make("123456", "19990230", "123").into_bytes();
        n[17] = if n[17] == b'1' { b'2' } else { b'1' };
        let c = check(std::str::from_utf8(&n).unwrap(), today());
        assert_eq!(codes(&c), ["region_unknown", "birth_date_invalid", "check_character"]);
    }

    #[test]
    fn fifteen_digits_are_upgraded_with_a_warning() {
        let c = check("310112850409522", today());
        assert_eq!(c.normalized, "310112198504095227");
        assert_eq!(codes(&c), ["upgraded_from_15"]);
        let id = c.value.unwrap();
        assert!(id.upgraded_from_15);
        assert_eq!(id.gender, Gender::Female);
        assert_eq!(id.region, "上海市闵行区");
    }

    #[test]
    fn length_and_characters() {
        assert_eq!(codes(&check("", today())), ["required"]);
        assert_eq!(codes(&check("1101051949123100", today())), ["length"]);
        assert_eq!(
            check("11010519491X31002X", today()).problems,
            [Problem::Character { position: 12, found: 'X', allowed: Allowed::DigitsOrFinalX }]
        );
        assert_eq!(codes(&check("11010519491231002一", today())), ["character"]);
        assert_eq!(codes(&check("31011285040952X", today())), ["character"]);
    }

    #[test]
    fn residence_permits_of_hk_macau_taiwan() {
        for (region, kind, name) in [
            ("810000", IdDocument::HkResidencePermit, "香港"),
            ("820000", IdDocument::MacauResidencePermit, "澳门"),
            ("830000", IdDocument::TaiwanResidencePermit, "台湾"),
        ] {
            let id = check(&make(region, "19900101", "001"), today()).value.expect(region);
            assert_eq!(id.kind, kind);
            assert!(id.region.contains(name), "{}", id.region);
            assert_eq!(id.gender, Gender::Male);
        }
    }

    #[test]
    fn foreign_permanent_resident_ids() {
        // 9 + province 11 (北京) + nationality 840 + birth date + sequence + check.
        let n = make("911840", "19850315", "012");
        let id = check_foreign_pr(&n, today()).value.expect("valid");
        assert_eq!(id.kind, IdDocument::ForeignPermanentResidenceId);
        assert_eq!(id.region, "北京市");
        assert_eq!(check(&n, today()).value.unwrap().kind, IdDocument::ForeignPermanentResidenceId);
        assert_eq!(codes(&check_foreign_pr(&make("991840", "19850315", "012"), today())), ["region_unknown"]);
        assert_eq!(codes(&check_foreign_pr("11010519491231002X", today())), ["foreign_pr_prefix"]);
        assert_eq!(codes(&check_foreign_pr("9118", today())), ["length"]);
    }

    fn valid_parts() -> impl Strategy<Value = (String, NaiveDate, u32)> {
        let regions: Vec<u32> = regions::provinces()
            .into_iter()
            .flat_map(|p| regions::cities(p.code))
            .flat_map(|c| regions::districts(c.code))
            .map(|d| d.code)
            .filter(|c| !matches!(c / 10000, 71 | 81 | 82))
            .collect();
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        let days = (today() - first).num_days();
        (proptest::sample::select(regions), 0..=days, 0u32..1000)
            .prop_map(move |(r, d, s)| (r.to_string(), first + chrono::Duration::days(d), s))
    }

    proptest! {
        #[test]
        fn every_generated_valid_number_passes((region, birth, seq) in valid_parts()) {
            let n = make(&region, &birth.format("%Y%m%d").to_string(), &format!("{seq:03}"));
            let c = check(&n, today());
            prop_assert!(c.problems.is_empty(), "{n}: {:?}", c.problems);
            let id = c.value.unwrap();
            prop_assert_eq!(id.birth_date, birth);
            prop_assert_eq!(id.gender == Gender::Male, seq % 2 == 1);
        }

        #[test]
        fn every_single_character_change_fails(
            (region, birth, seq) in valid_parts(),
            position in 0usize..18,
            replacement in proptest::sample::select(b"0123456789X".to_vec()),
        ) {
            let n = make(&region, &birth.format("%Y%m%d").to_string(), &format!("{seq:03}"));
            let mut changed = n.clone().into_bytes();
            prop_assume!(changed[position] != replacement);
            changed[position] = replacement;
            let changed = String::from_utf8(changed).unwrap();
            prop_assert!(!check(&changed, today()).is_valid(), "{n} → {changed} passed");
        }

        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,40}") {
            let _ = check(&s, today());
            let _ = check_foreign_pr(&s, today());
        }
    }
}
