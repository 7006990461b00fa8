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

#[cfg(test)]
mod tests {
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
