//! Autosave: one answer per call, written with its audit entry in one transaction, and
//! acknowledged only once that transaction has committed (synchronous=FULL: on disk).

use banka_flows::definition::{Flow, Input};
use banka_flows::engine::{FieldError, Status as FieldStatus};
use banka_flows::{catalog, Answers};
use banka_rules::Localized;
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use serde_json::Value;
use sqlx::SqliteConnection;

use crate::audit::{self, Change};
use crate::case::{Action, Actor, CaseView, Status};
use crate::error::{Error, Result};
use crate::lifecycle::{evaluate_in, head, touch, view_in};
use crate::store::Store;

/// The longest answer accepted: far above any real address, far below abuse.
const MAX_ANSWER_CHARS: usize = 2000;

/// What an autosave reports: the answer is on disk; here is what the flow says about it.
#[derive(Debug, Clone, Serialize)]
pub struct Saved {
    pub field: String,
    pub changed: bool,
    /// Problems with this answer (the draft keeps it; the wizard shows them on Continue).
    pub errors: Vec<FieldError>,
    pub warnings: Vec<FieldError>,
}

/// What `autosave` did: a report per answer, and the case as it now is.
#[derive(Debug, Clone)]
pub struct Autosaved {
    pub saved: Vec<Saved>,
    pub view: CaseView,
}

impl Store {
    /// Saves (or, with `None`, clears) one answer of a draft.
    pub async fn set_answer(
        &self,
        id: &str,
        path: &str,
        value: Option<Value>,
        actor: &Actor,
        today: NaiveDate,
    ) -> Result<Saved> {
        let mut answers = Answers::new();
        answers.insert(path.to_owned(), value.unwrap_or(Value::Null));
        let mut saved = self.set_answers(id, answers, actor, today).await?;
        Ok(saved.pop().expect("one answer in, one report out"))
    }

    /// Saves several answers at once (a file of answers): all or none.
    pub async fn set_answers(&self, id: &str, answers: Answers, actor: &Actor, today: NaiveDate) -> Result<Vec<Saved>> {
        Ok(self.autosave(id, answers, actor, today).await?.saved)
    }

    /// Saves answers (all or none) and returns the case as the wizard then shows it, read and
    /// evaluated in the same transaction: one round trip per keystroke.
    pub async fn autosave(&self, id: &str, answers: Answers, actor: &Actor, today: NaiveDate) -> Result<Autosaved> {
        let mut tx = self.write().await?;
        let head = head(&mut tx, id).await?;
        if head.status != Status::Draft {
            return Err(Error::NotEditable { status: head.status.name().into() });
        }
        let flow = catalog::get(&head.flow_id).ok_or_else(|| Error::UnknownFlow(head.flow_id.clone()))?;
        // A locked answer (the agency's data, a confirmed relationship) stays as it is. Only a
        // field whose definition has a lock can be locked, so a keystroke anywhere else costs one
        // evaluation (the view's), not two.
        if answers.keys().any(|path| flow.field(path).is_some_and(|f| f.locked.is_some())) {
            let before = evaluate_in(&mut tx, id, today).await?;
            for (path, value) in &answers {
                let locked = before.fields.iter().find(|f| &f.path == path && f.status == FieldStatus::Locked);
                if let Some(f) = locked.filter(|f| f.value.as_ref() != Some(value)) {
                    return Err(Error::Locked {
                        field: path.clone(),
                        reason: f.reason.clone().unwrap_or_else(|| Localized::same("")),
                    });
                }
            }
        }
        let now = Utc::now();
        let mut changed = Vec::new();
        for (path, value) in &answers {
            check_shape(flow, path, value)?;
            changed.push(write(&mut tx, id, path, value, actor, now).await?);
        }
        if changed.iter().any(|c| *c) {
            touch(&mut tx, id, now).await?;
        }
        let view = view_in(&mut tx, id, today).await?;
        tx.commit().await?;

        let about = |list: &[FieldError], path: &str| list.iter().filter(|e| e.field == path).cloned().collect();
        let saved = answers
            .keys()
            .zip(changed)
            .map(|(path, changed)| Saved {
                field: path.clone(),
                changed,
                errors: about(&view.evaluation.errors, path),
                warnings: about(&view.evaluation.warnings, path),
            })
            .collect();
        Ok(Autosaved { saved, view })
    }
}

/// Writes one answer and its audit entry; false when the value was already there.
async fn write(
    conn: &mut SqliteConnection,
    id: &str,
    path: &str,
    value: &Value,
    actor: &Actor,
    now: chrono::DateTime<Utc>,
) -> Result<bool> {
    let old = sqlx::query_scalar!("SELECT value FROM answers WHERE case_id = ? AND path = ?", id, path)
        .fetch_optional(&mut *conn)
        .await?
        .map(|v| serde_json::from_str::<Value>(&v).unwrap_or(Value::Null));
    let clearing = is_empty(value);
    if old.as_ref() == Some(value) || (clearing && old.is_none()) {
        return Ok(false);
    }
    if clearing {
        sqlx::query!("DELETE FROM answers WHERE case_id = ? AND path = ?", id, path).execute(&mut *conn).await?;
    } else {
        let text = value.to_string();
        sqlx::query!(
            "INSERT INTO answers (case_id, path, value) VALUES (?, ?, ?)
             ON CONFLICT (case_id, path) DO UPDATE SET value = excluded.value",
            id,
            path,
            text
        )
        .execute(&mut *conn)
        .await?;
    }
    let change = Change {
        field: Some(path),
        old_value: old.as_ref(),
        new_value: (!clearing).then_some(value),
        ..Change::of(if clearing { Action::Cleared } else { Action::Answered })
    };
    audit::record(conn, id, now, actor, change).await?;
    Ok(true)
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The answer fits the field: a known path, the right JSON type, a sane length. Whether the
/// value is *right* (a valid ID number…) is the flow's judgement, reported but not refused, so a
/// half-typed draft is never lost.
pub(crate) fn check_shape(flow: &Flow, path: &str, value: &Value) -> Result<()> {
    let bad = |zh: &str, en: &str| {
        let label = flow.field(path).map(|f| (f.label_zh.as_str(), f.label_en.as_str())).unwrap_or((path, path));
        Error::BadValue {
            field: path.to_owned(),
            message: Localized::new(format!("{}：{zh}", label.0), format!("{}: {en}", label.1)),
        }
    };
    let too_long = |s: &str| s.chars().count() > MAX_ANSWER_CHARS;
    if let Value::String(s) = value {
        if too_long(s) {
            return Err(bad(
                &format!("内容过长，请不超过 {MAX_ANSWER_CHARS} 个字符。"),
                &format!("too long; keep it under {MAX_ANSWER_CHARS} characters."),
            ));
        }
    }
    // The agency's answers are taken only under the names the flow reads.
    let agency = path.starts_with("agency.") && flow.agency_inputs().contains(path);
    if is_empty(value) {
        return if flow.field(path).is_some() || agency {
            Ok(())
        } else {
            Err(Error::UnknownField { flow: flow.id.clone(), path: path.to_owned() })
        };
    }
    if agency {
        // The agency's own data (banks, eligibility): any JSON, bounded in size.
        return if value.to_string().len() <= 256 * 1024 {
            Ok(())
        } else {
            Err(bad("机构数据过大。", "the agency's data is too large."))
        };
    }
    let field = flow.field(path).ok_or_else(|| Error::UnknownField { flow: flow.id.clone(), path: path.to_owned() })?;
    let ok = match field.input {
        Input::YesNo | Input::Consent => value.is_boolean(),
        Input::MultiChoice => value
            .as_array()
            .is_some_and(|a| a.len() <= 100 && a.iter().all(|v| v.is_string() || v.is_number() || v.is_boolean())),
        Input::Choice => value.is_string() || value.is_number() || value.is_boolean(),
        _ => value.is_string(),
    };
    if ok {
        return Ok(());
    }
    Err(match field.input {
        Input::YesNo | Input::Consent => {
            bad("请回答“是”或“否”（true 或 false）。", "answer yes or no (true or false).")
        }
        Input::MultiChoice => bad("请从选项中选择，可多选（JSON 数组）。", "choose from the options (a JSON array)."),
        Input::Choice => bad("请从选项中选择一项。", "choose one of the options."),
        _ => bad("请填写文字。", "type it as text."),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn answers_of_the_wrong_shape_are_refused_naming_the_field() {
        let flow = catalog::get("bj-individual").unwrap();
        assert!(check_shape(flow, "applicant.name", &json!("王小明")).is_ok());
        assert!(check_shape(flow, "applicant.id_number", &json!("not yet valid")).is_ok(), "drafts keep bad values");
        let Err(Error::BadValue { field, message }) = check_shape(flow, "applicant.name", &json!(42)) else {
            panic!("a number for a name is refused")
        };
        assert_eq!(field, "applicant.name");
        assert!(message.zh.contains("姓名") && message.en.to_lowercase().contains("name"), "{message:?}");
        assert!(matches!(check_shape(flow, "applicant.shoe_size", &json!("42")), Err(Error::UnknownField { .. })));
        let retiree = catalog::get("bj-retiree").unwrap();
        assert!(check_shape(retiree, "agency.pension_bank", &json!("中国工商银行")).is_ok());
        assert!(
            matches!(check_shape(flow, "agency.pension_bank", &json!("x")), Err(Error::UnknownField { .. })),
            "an agency answer the flow does not read is refused"
        );
        assert!(check_shape(flow, "applicant.name", &json!("长".repeat(MAX_ANSWER_CHARS + 1))).is_err());
    }
}
