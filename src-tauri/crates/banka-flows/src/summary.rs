//! The check-answers model: the sections of a case, each with its answers in plain words and
//! the step its Change (修改) link returns to.

use banka_rules::{codes, regions, Localized};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use crate::definition::{Flow, Input, StepKind};
use crate::engine::{FieldState, Status, StepState};
use crate::vocabulary::DocumentKind;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The flow's section id, or the step's id when the flow lays out no sections.
    pub id: String,
    pub title: Localized,
    pub rows: Vec<Row>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// A field path, or `documents.<kind>` for an upload.
    pub path: String,
    /// The step that asks it: where its Change (修改) link returns to.
    pub step: String,
    pub label: Localized,
    pub answer: Localized,
    /// Whether a Change (修改) link goes back to it: not for a locked or derived answer, nor for
    /// one the agency has checked (004 §1.3.7: the identity and eligibility answers).
    pub change: bool,
}

/// The check-answers page: the flow's own sections where it lays them out (`check_answers`),
/// otherwise one per visible step that has something to show.
pub fn sections(
    flow: &Flow,
    steps: &[StepState],
    fields: &[FieldState],
    required_documents: &[DocumentKind],
    uploaded: impl Fn(DocumentKind) -> bool,
    checked_by_agency: impl Fn(&str) -> bool,
) -> Vec<Section> {
    let visible = |step: &str| steps.iter().any(|s| s.id == step && s.visible);
    let field_row = |f: &FieldState| -> Option<Row> {
        if f.status == Status::Hidden || !answer_to_check(f.input, f.sms_to.is_some()) || !visible(&f.step) {
            return None;
        }
        Some(Row {
            path: f.path.clone(),
            step: f.step.clone(),
            label: f.label.clone(),
            answer: words(flow, f)?,
            change: !matches!(f.status, Status::Locked | Status::Derived) && !checked_by_agency(&f.path),
        })
    };
    let document_rows = |only_step: Option<&str>| -> Vec<Row> {
        flow.documents
            .iter()
            .filter(|d| {
                only_step.is_none_or(|s| d.step == s) && required_documents.contains(&d.kind) && visible(&d.step)
            })
            .map(|d| {
                let (zh, en) = d.kind.label();
                let done = uploaded(d.kind);
                Row {
                    path: crate::engine::document_path(d.kind),
                    step: d.step.clone(),
                    label: Localized::new(zh, en),
                    answer: if done {
                        Localized::new("已上传", "Uploaded")
                    } else {
                        Localized::new("未上传", "Not uploaded")
                    },
                    change: true,
                }
            })
            .collect()
    };
    let section = |id: &str, title: Localized, rows: Vec<Row>| {
        (!rows.is_empty()).then(|| Section { id: id.to_owned(), title, rows })
    };
    if !flow.check_answers.is_empty() {
        return flow
            .check_answers
            .iter()
            .filter_map(|s| {
                let mut rows: Vec<Row> = s
                    .fields
                    .iter()
                    .filter_map(|path| fields.iter().find(|f| &f.path == path))
                    .filter_map(field_row)
                    .collect();
                if s.documents {
                    rows.extend(document_rows(None));
                }
                section(&s.id, crate::traditional::words(&s.title_zh, &s.title_en), rows)
            })
            .collect();
    }
    steps
        .iter()
        .filter(|s| s.visible)
        .filter_map(|step| {
            let rows = match step.kind {
                StepKind::Documents => document_rows(Some(&step.id)),
                _ => fields.iter().filter(|f| f.step == step.id).filter_map(field_row).collect(),
            };
            section(&step.id, step.title.clone(), rows)
        })
        .collect()
}

/// Whether a field's answer is one a person checks: not a consent (the notice, the commitment:
/// agreements) nor an SMS code (used once, when it was typed).
pub(crate) fn answer_to_check(input: Input, sms_code: bool) -> bool {
    input != Input::Consent && !sms_code
}

/// An answer as a person reads it, in Chinese and English; `None` when unanswered.
fn words(flow: &Flow, f: &FieldState) -> Option<Localized> {
    let value = f.value.as_ref()?;
    let option = |v: &Value| f.options.iter().find(|o| &o.value == v).map(|o| o.label.clone());
    let text = value.as_str().map(str::to_owned).unwrap_or_else(|| value.to_string());
    Some(match f.input {
        Input::Choice => option(value).unwrap_or(Localized::same(text)),
        Input::MultiChoice => {
            let chosen: Vec<Localized> = value.as_array()?.iter().filter_map(option).collect();
            Localized::new(
                chosen.iter().map(|c| c.zh.as_str()).collect::<Vec<_>>().join("、"),
                chosen.iter().map(|c| c.en.as_str()).collect::<Vec<_>>().join(", "),
            )
        }
        Input::YesNo if value == &Value::Bool(true) => Localized::new("是", "Yes"),
        Input::YesNo => Localized::new("否", "No"),
        Input::CodeList => {
            let list = flow.field(&f.path).and_then(|d| d.list).map(crate::engine::code_list)?;
            let code = codes::find(list, value.as_str()?)?;
            Localized::new(code.zh, code.en)
        }
        Input::Region => Localized::chinese(regions::full_name(value.as_str()?.parse().ok()?)?),
        Input::Date => {
            let d = NaiveDate::parse_from_str(value.as_str()?, "%Y-%m-%d").ok()?;
            Localized::new(format!("{}年{}月{}日", d.year(), d.month(), d.day()), d.format("%-d %B %Y").to_string())
        }
        _ => Localized::same(text),
    })
}
