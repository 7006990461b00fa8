//! Masking personal values for display: lists and the audit trail show enough to recognise a
//! case (1101**********123X, 138****5678, 张*) and no more.

use banka_flows::definition::{Flow, Input};
use serde_json::Value;

/// Keeps the first `head` and last `tail` characters.
fn keep_ends(s: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= head + tail {
        return "*".repeat(chars.len());
    }
    let hidden = chars.len() - head - tail;
    chars[..head].iter().chain(std::iter::repeat_n(&'*', hidden)).chain(&chars[chars.len() - tail..]).collect()
}

/// An ID or document number: region prefix and last four (1101**********123X).
pub fn id_number(s: &str) -> String {
    keep_ends(s, 4, 4)
}

/// A mobile number: operator prefix and last four (138****5678).
pub fn mobile(s: &str) -> String {
    keep_ends(s, 3, 4)
}

/// A name or free text: the first character (张*, 北京市… → 北*****).
pub fn text(s: &str) -> String {
    keep_ends(s, 1, 0)
}

/// A file name keeps only its extension (photo names often carry the person's name).
pub fn file_name(s: &str) -> String {
    match s.rsplit_once('.') {
        Some((stem, ext)) => format!("{}.{ext}", "*".repeat(stem.chars().count().min(8))),
        None => "*".repeat(s.chars().count().min(8)),
    }
}

/// A value of `path` in `flow` as the audit trail shows it.
pub fn answer(flow: Option<&Flow>, path: &str, value: &Value) -> Value {
    let input = flow.and_then(|f| f.field(path)).map(|f| f.input);
    let Some(s) = value.as_str() else {
        // Choices, yes/no and lists are not identifying on their own.
        return value.clone();
    };
    let masked = match input {
        Some(Input::IdNumber | Input::DocumentNumber | Input::SocialSecurityNumber) => id_number(s),
        Some(Input::Mobile) => mobile(s),
        Some(Input::Date) => "****-**-**".into(),
        // What names no one on its own: a code, an option, a region, a bank branch, a postal
        // code, an employer's code.
        Some(
            Input::CodeList
            | Input::Choice
            | Input::MultiChoice
            | Input::YesNo
            | Input::Consent
            | Input::Region
            | Input::Branch
            | Input::PostalCode
            | Input::Uscc,
        ) => s.to_owned(),
        // Names, addresses and other free text, and anything a flow does not describe: masked
        // (a new kind of input is masked until someone decides otherwise).
        Some(Input::Text | Input::PersonName) | None => text(s),
    };
    Value::String(masked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn masks_keep_only_what_recognises_a_case() {
        assert_eq!(id_number("11010519491231002X"), "1101**********002X");
        assert_eq!(mobile("13812345678"), "138****5678");
        assert_eq!(text("张三"), "张*");
        assert_eq!(text(""), "");
        assert_eq!(id_number("123"), "***");
        assert_eq!(file_name("张三身份证.jpg"), "*****.jpg");
    }

    #[test]
    fn answers_are_masked_by_their_field_type() {
        let flow = banka_flows::catalog::get("bj-individual").unwrap();
        assert_eq!(
            answer(Some(flow), "applicant.id_number", &json!("11010519491231002X")),
            json!("1101**********002X")
        );
        assert_eq!(answer(Some(flow), "applicant.name", &json!("王小明")), json!("王**"));
        assert_eq!(answer(Some(flow), "applicant.mobile", &json!("13812345678")), json!("138****5678"));
        assert_eq!(answer(Some(flow), "applicant.id_type", &json!("resident_id")), json!("resident_id"));
        assert_eq!(answer(None, "anything", &json!("秘密")), json!("秘*"));
    }
}
