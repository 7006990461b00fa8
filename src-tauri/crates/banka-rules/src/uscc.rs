//! Unified Social Credit Codes (统一社会信用代码, GB 32100-2015): 18 characters over 31 symbols,
//! a registration authority and type, a 6-digit division code, the organisation code, a check character.

use crate::finding::{shape_problem, Allowed, Checked, Problem};
use crate::normalize::canonical;

/// The code's symbols in value order (0–30): digits and capitals without I, O, Z, S, V.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The check character over the first 17 characters (each already in `ALPHABET`): weights
/// 3^(i-1) mod 31, check = (31 - sum mod 31) mod 31.
pub fn check_character(first17: &str) -> char {
    let mut weight = 1;
    let mut sum = 0;
    for c in first17.chars() {
        sum += ALPHABET.find(c).expect("caller checked the alphabet") * weight;
        weight = weight * 3 % 31;
    }
    ALPHABET.as_bytes()[(31 - sum % 31) % 31] as char
}

pub fn check(input: &str) -> Checked<String> {
    let code = canonical(input, &['-']);
    let problem = shape_problem(&code, Allowed::Uscc, &[18])
        .or_else(|| (check_character(&code[..17]) != code.as_bytes()[17] as char).then_some(Problem::CheckCharacter));
    Checked::code(code, problem.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(c: &Checked<String>) -> Vec<&'static str> {
        c.problems.iter().map(Problem::code).collect()
    }

    #[test]
    fn published_codes_validate() {
        for code in ["91110000600037341L", "91110108551385082Q"] {
            assert!(check(code).is_valid(), "{code}");
        }
        assert_eq!(check(" 9111 0000 6000 3734 1l").normalized, "91110000600037341L");
    }

    #[test]
    fn check_character_zero_and_letter_first() {
        // Some organisation code gives check character 0; a naive check treating 0 as
        // "no check" or demanding a digit first would refuse it.
        let stem = (0..10_000)
            .map(|i| format!("N2110000MA{i:07}"))
            .find(|s| check_character(s) == '0')
            .expect("about one stem in 31 has check character 0");
        assert!(check(&format!("{stem}0")).is_valid(), "{stem}0");
    }

    #[test]
    fn errors() {
        assert_eq!(codes(&check("91110000600037341M")), ["check_character"]);
        assert_eq!(codes(&check("91110000600037341")), ["length"]);
        assert_eq!(codes(&check("9111000060003734IL")), ["character"]);
        assert_eq!(codes(&check("91A10000600037341L")), ["character"], "positions 3-8 are digits");
        assert_eq!(codes(&check("")), ["required"]);
    }

    proptest! {
        #[test]
        fn generated_codes_pass_and_single_changes_fail(
            stem in "[0-9A-HJ-NP-RT-UW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RT-UW-Y]{9}",
            position in 0usize..18,
            replacement in proptest::sample::select(ALPHABET.chars().collect::<Vec<_>>()),
        ) {
            let code = format!("{stem}{}", check_character(&stem));
            prop_assert!(check(&code).is_valid());
            let mut changed: Vec<char> = code.chars().collect();
            prop_assume!(changed[position] != replacement);
            changed[position] = replacement;
            let changed: String = changed.into_iter().collect();
            prop_assert!(!check(&changed).is_valid(), "{code} → {changed}");
        }

        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = check(&s);
        }
    }
}
