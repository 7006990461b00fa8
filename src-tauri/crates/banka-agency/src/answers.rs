//! Reading a case's answers: a text value, or the strings of a list (a multi-choice
//! holds values, or the `{value, label}` options of the agency's lists).

use banka_flows::Answers;
use serde_json::Value;

pub(crate) fn text<'a>(answers: &'a Answers, path: &str) -> Option<&'a str> {
    answers.get(path).and_then(Value::as_str)
}

pub(crate) fn list(answers: &Answers, path: &str) -> Vec<String> {
    let items = answers.get(path).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    items.iter().filter_map(|v| v.as_str().or_else(|| v.get("value")?.as_str())).map(str::to_owned).collect()
}
