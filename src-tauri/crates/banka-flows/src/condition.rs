//! Conditions in flow definitions: when a step, field, option or document applies. A small,
//! closed language (is / in / answered / below, all / any / not) so definitions stay data.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Written in TOML as an inline table, e.g. `{ field = "applicant.id_type", is = "hukou" }`,
/// `{ all = [..] }`, `{ not = {..} }`, `{ field = "applicant.age", below = 7 }`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(try_from = "RawCondition", into = "RawCondition")]
pub enum Condition {
    Is { field: String, value: Value },
    In { field: String, values: Vec<Value> },
    Answered { field: String },
    Below { field: String, limit: f64 },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// What a condition reads: answers and the facts derived from them, by field path.
pub trait Lookup {
    fn get(&self, path: &str) -> Option<&Value>;
}

/// A case's answers as saved: what a caller without an evaluation (the agency lookups) reads.
impl Lookup for std::collections::BTreeMap<String, Value> {
    fn get(&self, path: &str) -> Option<&Value> {
        std::collections::BTreeMap::get(self, path)
    }
}

impl Condition {
    pub fn holds(&self, values: &impl Lookup) -> bool {
        match self {
            Condition::Is { field, value } => values.get(field) == Some(value),
            Condition::In { field, values: allowed } => values.get(field).is_some_and(|v| allowed.contains(v)),
            Condition::Answered { field } => values.get(field).is_some_and(is_answered),
            Condition::Below { field, limit } => values.get(field).and_then(Value::as_f64).is_some_and(|v| v < *limit),
            Condition::All(cs) => cs.iter().all(|c| c.holds(values)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(values)),
            Condition::Not(c) => !c.holds(values),
        }
    }

    /// Every field path the condition reads, for the well-formedness checks.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            Condition::Is { field, .. }
            | Condition::In { field, .. }
            | Condition::Answered { field }
            | Condition::Below { field, .. } => vec![field],
            Condition::All(cs) | Condition::Any(cs) => cs.iter().flat_map(Condition::fields).collect(),
            Condition::Not(c) => c.fields(),
        }
    }

    /// Every (field, value) pair the condition compares against, for checking values exist.
    pub fn compared_values(&self) -> Vec<(&str, &Value)> {
        match self {
            Condition::Is { field, value } => vec![(field, value)],
            Condition::In { field, values } => values.iter().map(|v| (field.as_str(), v)).collect(),
            Condition::Answered { .. } | Condition::Below { .. } => vec![],
            Condition::All(cs) | Condition::Any(cs) => cs.iter().flat_map(Condition::compared_values).collect(),
            Condition::Not(c) => c.compared_values(),
        }
    }
}

/// Plain notation for references and messages: `applicant.id_type = "hukou" and not (…)`.
impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let join = |cs: &[Condition], op: &str| cs.iter().map(|c| format!("({c})")).collect::<Vec<_>>().join(op);
        match self {
            Condition::Is { field, value } => write!(f, "{field} = {value}"),
            Condition::In { field, values } => {
                write!(f, "{field} in [{}]", values.iter().map(Value::to_string).collect::<Vec<_>>().join(", "))
            }
            Condition::Answered { field } => write!(f, "{field} answered"),
            Condition::Below { field, limit } => write!(f, "{field} < {limit}"),
            Condition::All(cs) => write!(f, "{}", join(cs, " and ")),
            Condition::Any(cs) => write!(f, "{}", join(cs, " or ")),
            Condition::Not(c) => write!(f, "not ({c})"),
        }
    }
}

/// An answer counts once it says something: not null, not blank text, not an empty list.
pub fn is_answered(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        _ => true,
    }
}

/// The written form: exactly one shape's keys are present.
#[derive(Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is: Option<Value>,
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    among: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answered: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    below: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    all: Option<Vec<Condition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    any: Option<Vec<Condition>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not: Option<Box<Condition>>,
}

impl From<Condition> for RawCondition {
    fn from(c: Condition) -> Self {
        match c {
            Condition::Is { field, value } => {
                RawCondition { field: Some(field), is: Some(value), ..Default::default() }
            }
            Condition::In { field, values } => {
                RawCondition { field: Some(field), among: Some(values), ..Default::default() }
            }
            Condition::Answered { field } => {
                RawCondition { field: Some(field), answered: Some(true), ..Default::default() }
            }
            Condition::Below { field, limit } => {
                RawCondition { field: Some(field), below: Some(limit), ..Default::default() }
            }
            Condition::All(cs) => RawCondition { all: Some(cs), ..Default::default() },
            Condition::Any(cs) => RawCondition { any: Some(cs), ..Default::default() },
            Condition::Not(c) => RawCondition { not: Some(c), ..Default::default() },
        }
    }
}

impl TryFrom<RawCondition> for Condition {
    type Error = String;

    fn try_from(r: RawCondition) -> Result<Self, String> {
        let shape = (r.field, r.is, r.among, r.answered, r.below, r.all, r.any, r.not);
        Ok(match shape {
            (Some(field), Some(value), None, None, None, None, None, None) => Condition::Is { field, value },
            (Some(field), None, Some(values), None, None, None, None, None) => Condition::In { field, values },
            (Some(field), None, None, Some(true), None, None, None, None) => Condition::Answered { field },
            (Some(field), None, None, Some(false), None, None, None, None) => {
                Condition::Not(Box::new(Condition::Answered { field }))
            }
            (Some(field), None, None, None, Some(limit), None, None, None) => Condition::Below { field, limit },
            (None, None, None, None, None, Some(cs), None, None) => Condition::All(cs),
            (None, None, None, None, None, None, Some(cs), None) => Condition::Any(cs),
            (None, None, None, None, None, None, None, Some(c)) => Condition::Not(c),
            _ => {
                return Err("a condition is one of {field, is}, {field, in}, {field, answered}, {field, below}, \
                            {all}, {any} or {not}"
                    .into())
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn parse(toml_text: &str) -> Result<Condition, toml::de::Error> {
        #[derive(Deserialize)]
        struct W {
            when: Condition,
        }
        toml::from_str::<W>(&format!("when = {toml_text}")).map(|w| w.when)
    }

    fn values(v: Value) -> BTreeMap<String, Value> {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn each_shape_evaluates() {
        let a = values(json!({"t": "hukou", "h": true, "age": 6, "blank": " "}));
        let holds = |s: &str| parse(s).unwrap().holds(&a);
        assert!(holds(r#"{ field = "t", is = "hukou" }"#));
        assert!(!holds(r#"{ field = "t", is = "resident_id" }"#));
        assert!(holds(r#"{ field = "t", in = ["resident_id", "hukou"] }"#));
        assert!(holds(r#"{ field = "h", is = true }"#));
        assert!(holds(r#"{ field = "age", below = 7 }"#));
        assert!(!holds(r#"{ field = "age", below = 6 }"#));
        assert!(!holds(r#"{ field = "blank", answered = true }"#));
        assert!(holds(r#"{ field = "missing", answered = false }"#));
        assert!(holds(r#"{ all = [{ field = "h", is = true }, { not = { field = "t", is = "x" } }] }"#));
        assert!(holds(r#"{ any = [{ field = "h", is = false }, { field = "age", below = 18 }] }"#));
    }

    #[test]
    fn ambiguous_or_unknown_shapes_are_refused() {
        assert!(parse(r#"{ field = "t", is = "a", in = ["b"] }"#).is_err());
        assert!(parse(r#"{ field = "t" }"#).is_err());
        assert!(parse(r#"{ field = "t", equals = "a" }"#).is_err());
    }

    #[test]
    fn serialises_back_to_the_written_form() {
        let text = r#"{ all = [{ field = "a", is = 1 }, { not = { field = "b", in = [2, 3] } }, { field = "c", below = 7.0 }] }"#;
        let c = parse(text).unwrap();
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["all"][1]["not"]["in"], json!([2, 3]));
        assert_eq!(serde_json::from_value::<Condition>(json).unwrap(), c);
    }

    #[test]
    fn displays_in_plain_notation() {
        let c = parse(r#"{ all = [{ field = "t", is = "hukou" }, { not = { field = "h", is = true } }] }"#).unwrap();
        assert_eq!(c.to_string(), r#"(t = "hukou") and (not (h = true))"#);
    }

    #[test]
    fn reports_the_fields_it_reads() {
        let c = parse(r#"{ all = [{ field = "a", is = 1 }, { not = { field = "b", in = [2, 3] } }] }"#).unwrap();
        assert_eq!(c.fields(), ["a", "b"]);
        assert_eq!(c.compared_values().len(), 3);
    }
}
