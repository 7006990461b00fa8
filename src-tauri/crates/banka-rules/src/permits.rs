//! Mainland travel permits: for Hong Kong and Macau residents (`H`/`M` + 8 digits, plus an
//! optional 2-digit issue count) and for Taiwan residents (8 digits, plus an optional issue count).

use crate::finding::{shape_problem, Allowed, Checked};
use crate::id_number::IdDocument;
use crate::normalize::canonical;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelPermit {
    pub number: String,
    pub kind: IdDocument,
    /// 香港 / 澳门 / 台湾: whose residents the permit is for.
    pub holder_region: &'static str,
}

/// 港澳居民来往内地通行证.
pub fn check_hk_macau(input: &str) -> Checked<TravelPermit> {
    check(input, &[9, 11], Allowed::HkMacauPermit, IdDocument::HkMacauTravelPermit)
}

/// 台湾居民来往大陆通行证.
pub fn check_taiwan(input: &str) -> Checked<TravelPermit> {
    check(input, &[8, 10], Allowed::Digits, IdDocument::TaiwanTravelPermit)
}

fn check(input: &str, lengths: &'static [usize], allowed: Allowed, kind: IdDocument) -> Checked<TravelPermit> {
    let number = canonical(input, &['-']);
    if let Some(p) = shape_problem(&number, allowed, lengths) {
        return Checked::failed(number, vec![p]);
    }
    let holder_region = match number.as_bytes()[0] {
        _ if kind == IdDocument::TaiwanTravelPermit => "台湾",
        b'H' => "香港",
        _ => "澳门",
    };
    Checked { normalized: number.clone(), value: Some(TravelPermit { number, kind, holder_region }), problems: vec![] }
}

/// Whether a document of `kind` (for a travel permit, its `holder_region` 香港 / 澳门 / 台湾)
/// belongs to a resident of `resident_type` (`mainland`, `hong_kong`, `macau`, `taiwan`): a
/// residence permit's number starts 810000 / 820000 / 830000 by the holder's region, a Hong
/// Kong resident's travel permit with H and a Macau resident's with M. Other types are not
/// judged here.
pub fn held_by(resident_type: &str, kind: IdDocument, holder_region: &str) -> bool {
    use IdDocument::*;
    match resident_type {
        "mainland" => kind == CitizenId,
        "hong_kong" => kind == HkResidencePermit || (kind == HkMacauTravelPermit && holder_region == "香港"),
        "macau" => kind == MacauResidencePermit || (kind == HkMacauTravelPermit && holder_region == "澳门"),
        "taiwan" => matches!(kind, TaiwanResidencePermit | TaiwanTravelPermit),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn documents_belong_to_the_residents_they_are_issued_to() {
        use super::held_by;
        use crate::id_number::IdDocument::*;
        assert!(held_by("hong_kong", HkResidencePermit, ""));
        assert!(!held_by("hong_kong", CitizenId, "北京市朝阳区"), "a mainland ID number is no residence permit");
        assert!(!held_by("hong_kong", MacauResidencePermit, ""));
        assert!(held_by("hong_kong", HkMacauTravelPermit, "香港"));
        assert!(!held_by("hong_kong", HkMacauTravelPermit, "澳门"), "M is for Macau");
        assert!(held_by("macau", HkMacauTravelPermit, "澳门"));
        assert!(held_by("taiwan", TaiwanTravelPermit, "台湾") && held_by("taiwan", TaiwanResidencePermit, ""));
        assert!(!held_by("taiwan", HkResidencePermit, ""));
        assert!(held_by("mainland", CitizenId, "") && !held_by("mainland", HkResidencePermit, ""));
    }

    use super::*;
    use crate::finding::Problem;

    fn codes<T>(c: &Checked<T>) -> Vec<&'static str> {
        c.problems.iter().map(Problem::code).collect()
    }

    #[test]
    fn hk_macau_permits() {
        assert_eq!(check_hk_macau("H12345678").value.unwrap().holder_region, "香港");
        assert_eq!(check_hk_macau("m1234567801").value.unwrap().holder_region, "澳门");
        assert_eq!(check_hk_macau("Ｈ１２３４５６７８").normalized, "H12345678");
        assert_eq!(codes(&check_hk_macau("X12345678")), ["character"]);
        assert_eq!(codes(&check_hk_macau("H1234567A")), ["character"]);
        assert_eq!(codes(&check_hk_macau("H1234567")), ["length"]);
        assert_eq!(codes(&check_hk_macau("H123456789")), ["length"]);
        assert_eq!(codes(&check_hk_macau(" ")), ["required"]);
    }

    #[test]
    fn taiwan_permits() {
        let p = check_taiwan("12345678").value.unwrap();
        assert_eq!((p.kind, p.holder_region), (IdDocument::TaiwanTravelPermit, "台湾"));
        assert!(check_taiwan("1234567801").is_valid());
        assert_eq!(codes(&check_taiwan("123456789")), ["length"]);
        assert_eq!(codes(&check_taiwan("T1234567")), ["character"]);
    }
}
