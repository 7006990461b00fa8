//! Contact details: mainland mobile numbers (1[3-9] + 9 digits) and postal codes (6 digits;
//! Beijing's start with 10).

use crate::finding::{shape_problem, Allowed, Checked, Problem};
use crate::normalize::canonical;

/// Accepts the ways people write a number: spaces, dashes, brackets, +86 / 0086 in front.
pub fn check_mobile(input: &str) -> Checked<String> {
    let mut number = canonical(input, &['-', '(', ')']);
    for prefix in ["+86", "0086"] {
        if let Some(rest) = number.strip_prefix(prefix) {
            number = rest.to_owned();
        }
    }
    if number.len() == 13 && number.starts_with("861") {
        number.drain(..2);
    }
    let problem = shape_problem(&number, Allowed::Digits, &[11])
        .or_else(|| (!matches!(number.as_bytes()[..2], [b'1', b'3'..=b'9'])).then_some(Problem::MobilePrefix));
    Checked::code(number, problem.into_iter().collect())
}

/// `beijing_address`: the code belongs to an address in Beijing, whose codes start with 10;
/// another code is only a warning because people do use a workplace or old code by mistake.
pub fn check_postal_code(input: &str, beijing_address: bool) -> Checked<String> {
    let code = canonical(input, &['-']);
    let mut problems: Vec<Problem> = shape_problem(&code, Allowed::Digits, &[6]).into_iter().collect();
    if problems.is_empty() && beijing_address && !code.starts_with("10") {
        problems.push(Problem::PostalCodeNotBeijing);
    }
    Checked::code(code, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(c: &Checked<String>) -> Vec<&'static str> {
        c.problems.iter().map(Problem::code).collect()
    }

    #[test]
    fn mobiles() {
        for ok in [
            "13800138000",
            "138 0013 8000",
            "+86 138-0013-8000",
            "0086 13800138000",
            "8613800138000",
            "１９９１２３４５６７８",
        ] {
            assert!(check_mobile(ok).is_valid(), "{ok}");
        }
        assert_eq!(check_mobile("+86 138-0013-8000").normalized, "13800138000");
        assert_eq!(codes(&check_mobile("12800138000")), ["mobile_prefix"]);
        assert_eq!(codes(&check_mobile("23800138000")), ["mobile_prefix"]);
        assert_eq!(codes(&check_mobile("1380013800")), ["length"]);
        assert_eq!(codes(&check_mobile("1380013800a")), ["character"]);
        assert_eq!(codes(&check_mobile("")), ["required"]);
    }

    #[test]
    fn postal_codes() {
        assert!(check_postal_code("100010", true).problems.is_empty());
        let shanghai = check_postal_code("200000", true);
        assert!(shanghai.is_valid(), "a warning does not invalidate");
        assert_eq!(codes(&shanghai), ["postal_code_not_beijing"]);
        assert!(check_postal_code("200000", false).problems.is_empty());
        assert_eq!(codes(&check_postal_code("10001", false)), ["length"]);
        assert_eq!(codes(&check_postal_code("1000I0", false)), ["character"]);
    }
}
