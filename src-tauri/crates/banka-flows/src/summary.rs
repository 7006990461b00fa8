//! The check-answers model: the sections of a case, each with its answers in plain words and
//! the step its Change (修改) link returns to.

use banka_rules::{codes, regions};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use crate::definition::{Flow, Input, StepKind};
use crate::engine::{FieldState, Status, StepState};
use crate::vocabulary::DocumentKind;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The step the Change link returns to.
    pub step: String,
    pub title_zh: String,
    pub title_en: String,
    pub rows: Vec<Row>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// A field path, or `documents.<kind>` for an upload.
    pub path: String,
    pub label_zh: String,
    pub label_en: String,
    pub answer_zh: String,
    pub answer_en: String,
    /// Whether a Change (修改) link goes back to it: not for a locked or derived answer, nor for
    /// one the agency has checked (004 §1.3.7: the identity and eligibility answers).
    pub change: bool,
}

/// One section per visible step that has something to show; consents (the notice, the
/// commitment) are agreements, not answers, so they are left out.
pub fn sections(
    flow: &Flow,
    steps: &[StepState],
    fields: &[FieldState],
    required_documents: &[DocumentKind],
    uploaded: impl Fn(DocumentKind) -> bool,
    checked_by_agency: impl Fn(&str) -> bool,
) -> Vec<Section> {
    steps
        .iter()
        .filter(|s| s.visible)
        .filter_map(|step| {
            let rows: Vec<Row> = match step.kind {
                StepKind::Documents => flow
                    .documents
                    .iter()
                    .filter(|d| d.step == step.id && required_documents.contains(&d.kind))
                    .map(|d| {
                        let (zh, en) = d.kind.label();
                        let done = uploaded(d.kind);
                        Row {
                            path: crate::engine::document_path(d.kind),
                            label_zh: zh.into(),
                            label_en: en.into(),
                            answer_zh: if done { "已上传" } else { "未上传" }.into(),
                            answer_en: if done { "Uploaded" } else { "Not uploaded" }.into(),
                            change: true,
                        }
                    })
                    .collect(),
                _ => fields
                    .iter()
                    .filter(|f| f.step == step.id && f.status != Status::Hidden && f.input != Input::Consent)
                    .filter_map(|f| {
                        let (answer_zh, answer_en) = words(flow, f)?;
                        Some(Row {
                            path: f.path.clone(),
                            label_zh: f.label_zh.clone(),
                            label_en: f.label_en.clone(),
                            answer_zh,
                            answer_en,
                            change: !matches!(f.status, Status::Locked | Status::Derived)
                                && !checked_by_agency(&f.path),
                        })
                    })
                    .collect(),
            };
            (!rows.is_empty()).then(|| Section {
                step: step.id.clone(),
                title_zh: step.title_zh.clone(),
                title_en: step.title_en.clone(),
                rows,
            })
        })
        .collect()
}

/// An answer as a person reads it, in Chinese and English; `None` when unanswered.
fn words(flow: &Flow, f: &FieldState) -> Option<(String, String)> {
    let value = f.value.as_ref()?;
    let option = |v: &Value| f.options.iter().find(|o| &o.value == v).map(|o| (o.zh.clone(), o.en.clone()));
    let text = value.as_str().map(str::to_owned).unwrap_or_else(|| value.to_string());
    Some(match f.input {
        Input::Choice => option(value).unwrap_or((text.clone(), text)),
        Input::MultiChoice => {
            let chosen: Vec<(String, String)> = value.as_array()?.iter().filter_map(option).collect();
            (
                chosen.iter().map(|c| c.0.as_str()).collect::<Vec<_>>().join("、"),
                chosen.iter().map(|c| c.1.as_str()).collect::<Vec<_>>().join(", "),
            )
        }
        Input::YesNo => {
            let yes = value == &Value::Bool(true);
            ((if yes { "是" } else { "否" }).into(), (if yes { "Yes" } else { "No" }).into())
        }
        Input::CodeList => {
            let list = flow.field(&f.path).and_then(|d| d.list).map(crate::engine::code_list)?;
            let code = codes::find(list, value.as_str()?)?;
            (code.zh.to_owned(), code.en.to_owned())
        }
        Input::Region => {
            let name = regions::full_name(value.as_str()?.parse().ok()?)?;
            (name.clone(), name)
        }
        Input::Date => {
            let d = NaiveDate::parse_from_str(value.as_str()?, "%Y-%m-%d").ok()?;
            (format!("{}年{}月{}日", d.year(), d.month(), d.day()), d.format("%-d %B %Y").to_string())
        }
        _ => (text.clone(), text),
    })
}
