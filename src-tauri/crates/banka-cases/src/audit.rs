//! The audit trail: every change to a case is recorded in the same transaction as the change,
//! so the trail can never miss one. Values are kept whole and masked only when shown.

use banka_rules::Localized;
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::SqliteConnection;

use crate::case::{from_millis, millis, Action, Actor, AuditEntry};
use crate::error::{Error, Result};
use crate::mask;

/// One change, as recorded.
pub(crate) struct Change<'a> {
    pub action: Action,
    pub field: Option<&'a str>,
    pub old_value: Option<&'a Value>,
    pub new_value: Option<&'a Value>,
    pub reason: Option<&'a str>,
}

impl<'a> Change<'a> {
    pub fn of(action: Action) -> Self {
        Change { action, field: None, old_value: None, new_value: None, reason: None }
    }
}

pub(crate) async fn record(
    conn: &mut SqliteConnection,
    case_id: &str,
    at: DateTime<Utc>,
    actor: &Actor,
    change: Change<'_>,
) -> Result<()> {
    let at = millis(at);
    let (kind, name) = (actor.kind(), actor.name());
    let action = change.action.name();
    let old_value = change.old_value.map(Value::to_string);
    let new_value = change.new_value.map(Value::to_string);
    sqlx::query!(
        "INSERT INTO audit (case_id, at, actor_kind, actor_name, action, field, old_value, new_value, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        case_id,
        at,
        kind,
        name,
        action,
        change.field,
        old_value,
        new_value,
        change.reason
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn read(conn: &mut SqliteConnection, case_id: &str) -> Result<Vec<AuditEntry>> {
    let rows = sqlx::query!(
        "SELECT at, actor_kind, actor_name, action, field, old_value, new_value, reason
         FROM audit WHERE case_id = ? ORDER BY seq",
        case_id
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(AuditEntry {
                at: from_millis(r.at),
                actor: Actor::from_parts(&r.actor_kind, r.actor_name)?,
                action: Action::from_name(&r.action).ok_or_else(|| {
                    Error::BadBundle(Localized::new(
                        format!("未知的操作 {}", r.action),
                        format!("unknown action {}", r.action),
                    ))
                })?,
                field: r.field,
                old_value: r.old_value.as_deref().map(parse_json).transpose()?,
                new_value: r.new_value.as_deref().map(parse_json).transpose()?,
                reason: r.reason,
            })
        })
        .collect()
}

fn parse_json(s: &str) -> Result<Value> {
    serde_json::from_str(s)
        .map_err(|_| Error::BadBundle(Localized::new("保存的值不是 JSON", "a stored value is not JSON")))
}

/// The trail as a person may see it: answers masked by their field type, file names hidden.
pub fn masked(flow_id: &str, entries: &[AuditEntry]) -> Vec<AuditEntry> {
    let flow = banka_flows::catalog::get(flow_id);
    let mask_value = |field: Option<&str>, action: Action, v: &Value| match action {
        Action::DocumentAdded | Action::DocumentRemoved => {
            let mut v = v.clone();
            if let Some(name) = v.get("file_name").and_then(Value::as_str) {
                v["file_name"] = Value::String(mask::file_name(name));
            }
            v
        }
        Action::Answered | Action::Cleared => mask::answer(flow, field.unwrap_or_default(), v),
        _ => v.clone(),
    };
    entries
        .iter()
        .map(|e| AuditEntry {
            old_value: e.old_value.as_ref().map(|v| mask_value(e.field.as_deref(), e.action, v)),
            new_value: e.new_value.as_ref().map(|v| mask_value(e.field.as_deref(), e.action, v)),
            ..e.clone()
        })
        .collect()
}
