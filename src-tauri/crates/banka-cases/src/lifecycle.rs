//! A case from creation to deletion: new, read, finalize, reopen, status changes, delete.

use banka_rules::Localized;
use std::collections::BTreeMap;

use banka_flows::{catalog, evaluate, Evaluation, Flow, Situation};
use chrono::{NaiveDate, Utc};
use serde_json::Value;
use sqlx::SqliteConnection;

use crate::audit::{self, Change};
use crate::case::{millis, parse_status, Action, Actor, Case, CaseSummary, CaseView, DocumentInfo, Status, SummaryRow};
use crate::error::{Error, Result};
use crate::store::Store;

/// What the store holds: cases, and distinct document files (a photo used twice counts once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Usage {
    pub cases: u64,
    pub files: u64,
    pub file_bytes: u64,
}

/// The case row's facts every change needs.
pub(crate) struct Head {
    pub flow_id: String,
    pub flow_version: u32,
    pub status: Status,
}

pub(crate) async fn head(conn: &mut SqliteConnection, id: &str) -> Result<Head> {
    let row = sqlx::query!("SELECT flow_id, flow_version, status FROM cases WHERE id = ?", id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NoCase(id.to_owned()))?;
    Ok(Head { flow_id: row.flow_id, flow_version: row.flow_version as u32, status: parse_status(&row.status)? })
}

pub(crate) async fn touch(conn: &mut SqliteConnection, id: &str, at: chrono::DateTime<Utc>) -> Result<()> {
    let at = millis(at);
    sqlx::query!("UPDATE cases SET updated_at = max(updated_at, ?) WHERE id = ?", at, id).execute(conn).await?;
    Ok(())
}

pub(crate) async fn answers(conn: &mut SqliteConnection, id: &str) -> Result<BTreeMap<String, Value>> {
    let rows = sqlx::query!("SELECT path, value FROM answers WHERE case_id = ?", id).fetch_all(conn).await?;
    rows.into_iter()
        .map(|r| {
            let v = serde_json::from_str(&r.value)
                .map_err(|_| Error::BadBundle(Localized::new("保存的回答不是 JSON", "a stored answer is not JSON")))?;
            Ok((r.path, v))
        })
        .collect()
}

/// A reason typed when a case goes back to a draft: a few sentences, kept in the audit trail.
pub const MAX_REASON_CHARS: usize = 500;

impl Store {
    /// A new draft of `flow_id` at the flow's current version.
    pub async fn new_case(&self, flow_id: &str, actor: &Actor) -> Result<CaseSummary> {
        let flow = catalog::get(flow_id).ok_or_else(|| Error::UnknownFlow(flow_id.to_owned()))?;
        let id = uuid::Uuid::new_v4().to_string();
        let now = Utc::now();
        let (at, version, status, operator) = (millis(now), flow.version, Status::Draft.name(), actor.name());
        let mut tx = self.write().await?;
        sqlx::query!(
            "INSERT INTO cases (id, flow_id, flow_version, status, created_at, updated_at, operator)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
            id,
            flow_id,
            version,
            status,
            at,
            at,
            operator
        )
        .execute(&mut *tx)
        .await?;
        audit::record(&mut tx, &id, now, actor, Change::of(Action::Created)).await?;
        tx.commit().await?;
        self.summary(&id).await
    }

    pub async fn summary(&self, id: &str) -> Result<CaseSummary> {
        summary_in(&mut *self.pool.acquire().await?, id).await
    }

    /// How much the store holds (the settings page shows it).
    pub async fn usage(&self) -> Result<Usage> {
        let r = sqlx::query!(
            r#"SELECT (SELECT count(*) FROM cases) AS "cases!: i64",
                      (SELECT count(*) FROM blobs) AS "files!: i64",
                      (SELECT coalesce(sum(length(bytes)), 0) FROM blobs) AS "file_bytes!: i64""#
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Usage { cases: r.cases as u64, files: r.files as u64, file_bytes: r.file_bytes as u64 })
    }

    /// The whole case. The audit trail's values are whole too: mask them (`audit::masked`)
    /// before showing them.
    pub async fn case(&self, id: &str) -> Result<Case> {
        let summary = self.summary(id).await?;
        let mut conn = self.pool.acquire().await?;
        Ok(Case {
            answers: answers(&mut conn, id).await?,
            documents: crate::documents::list(&mut conn, id).await?,
            audit: audit::read(&mut conn, id).await?,
            summary,
        })
    }

    /// The case as a wizard shows it (`view_in`).
    pub async fn view(&self, id: &str, today: NaiveDate) -> Result<CaseView> {
        view_in(&mut *self.pool.acquire().await?, id, today).await
    }

    /// What the flow says about the case now (on `today`).
    pub async fn evaluate(&self, id: &str, today: NaiveDate) -> Result<Evaluation> {
        evaluate_in(&mut *self.pool.acquire().await?, id, today).await
    }

    /// Finalizes a draft whose every check passes (draft → ready).
    pub async fn finalize(&self, id: &str, actor: &Actor, today: NaiveDate) -> Result<CaseSummary> {
        let evaluation = self.evaluate(id, today).await?;
        if !evaluation.ready {
            return Err(Error::NotReady { errors: evaluation.errors.len().max(1) });
        }
        let mut tx = self.write().await?;
        change_status_in(&mut tx, id, Status::Ready, actor, None, Action::Status).await?;
        let on = today.to_string();
        sqlx::query!("UPDATE cases SET applied_on = ? WHERE id = ?", on, id).execute(&mut *tx).await?;
        tx.commit().await?;
        self.summary(id).await
    }

    /// Back to a draft (ready, queued, failed or rejected), saying why.
    pub async fn reopen(&self, id: &str, actor: &Actor, reason: &str) -> Result<CaseSummary> {
        if reason.trim().is_empty() {
            return Err(Error::ReasonRequired);
        }
        if reason.chars().count() > MAX_REASON_CHARS {
            return Err(Error::BadValue {
                field: "reason".into(),
                message: Localized::new(
                    format!("原因过长：请不超过 {MAX_REASON_CHARS} 个字符。"),
                    format!("The reason is too long: keep it under {MAX_REASON_CHARS} characters."),
                ),
            });
        }
        self.change_status(id, Status::Draft, actor, Some(&Localized::same(reason)), Action::Reopened).await
    }

    /// A status change with its reason (the agency's or the sender's), recorded in the trail.
    pub async fn set_status(
        &self,
        id: &str,
        to: Status,
        actor: &Actor,
        reason: Option<&Localized>,
    ) -> Result<CaseSummary> {
        if to == Status::Draft {
            return self.reopen(id, actor, reason.map(|r| r.zh.as_str()).unwrap_or_default()).await;
        }
        self.change_status(id, to, actor, reason, Action::Status).await
    }

    /// Records the agency's reference number for a submitted case.
    pub async fn set_agency_reference(&self, id: &str, reference: &str, actor: &Actor) -> Result<()> {
        let mut tx = self.write().await?;
        set_reference_in(&mut tx, id, reference, actor).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn change_status(
        &self,
        id: &str,
        to: Status,
        actor: &Actor,
        reason: Option<&Localized>,
        action: Action,
    ) -> Result<CaseSummary> {
        let mut tx = self.write().await?;
        change_status_in(&mut tx, id, to, actor, reason, action).await?;
        tx.commit().await?;
        self.summary(id).await
    }

    /// Deletes the case, its answers, its trail, and every document no other case uses. The
    /// rows are overwritten on disk (secure_delete) and the WAL is truncated, so no copy of the
    /// personal data stays behind. A case being sent stays: the agency may be receiving it, and
    /// its reference number must have somewhere to land.
    pub async fn delete_case(&self, id: &str) -> Result<()> {
        let sending = Status::Sending.name();
        let done =
            sqlx::query!("DELETE FROM cases WHERE id = ? AND status <> ?", id, sending).execute(&self.pool).await?;
        if done.rows_affected() == 0 {
            return Err(match self.summary(id).await {
                Ok(_) => Error::BeingSent,
                Err(e) => e,
            });
        }
        // The WAL still holds the pages as they were before the delete: fold it in and empty it.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        Ok(())
    }
}

/// A status change and its audit entry, inside the caller's transaction. A case going back to
/// a draft leaves the outbox.
/// What the flow engine says of a case as stored (in `conn`, so inside a transaction too).
pub(crate) async fn summary_in(conn: &mut SqliteConnection, id: &str) -> Result<CaseSummary> {
    sqlx::query_as!(
        SummaryRow,
        "SELECT id, flow_id, flow_version, status, created_at, updated_at, operator, agency_reference,
                status_reason, status_reason_en, applied_on, applicant_name, applicant_id_number, applicant_mobile
         FROM cases WHERE id = ?",
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| Error::NoCase(id.to_owned()))?
    .try_into()
}

/// The case as a wizard shows it, read once: its answers and documents, and what its flow says
/// about them on its application date (the day it was finalized, which the agency judges it on
/// too), else on `today`.
pub(crate) async fn view_in(conn: &mut SqliteConnection, id: &str, today: NaiveDate) -> Result<CaseView> {
    let summary = summary_in(conn, id).await?;
    let answers = answers(conn, id).await?;
    let documents = crate::documents::list(conn, id).await?;
    let flow = catalog::get(&summary.flow_id).ok_or_else(|| Error::UnknownFlow(summary.flow_id.clone()))?;
    let on = summary.applied_on.unwrap_or(today);
    let evaluation = evaluation_of(flow, summary.flow_version, &answers, &documents, on);
    Ok(CaseView { summary, answers, documents, evaluation })
}

pub(crate) async fn evaluate_in(conn: &mut SqliteConnection, id: &str, today: NaiveDate) -> Result<Evaluation> {
    let head = head(conn, id).await?;
    let flow = catalog::get(&head.flow_id).ok_or_else(|| Error::UnknownFlow(head.flow_id.clone()))?;
    let answers = answers(conn, id).await?;
    let documents = crate::documents::list(conn, id).await?;
    Ok(evaluation_of(flow, head.flow_version, &answers, &documents, today))
}

/// The engine's verdict on a case's answers and documents: it sees uploads as answers under
/// `documents.<kind>`, with their check's findings.
fn evaluation_of(
    flow: &Flow,
    started: u32,
    answers: &BTreeMap<String, Value>,
    documents: &[DocumentInfo],
    today: NaiveDate,
) -> Evaluation {
    let mut answers = answers.clone();
    for doc in documents {
        let path = format!("documents.{}", doc.kind);
        let findings = doc.checks.as_ref().map(crate::checks::Findings::of).unwrap_or_default();
        answers.extend(findings.as_answers(&path));
        answers.insert(path, Value::String(doc.sha256.clone()));
    }
    let started_version = (started != flow.version).then_some(started);
    evaluate(flow, &answers, &Situation { today, started_version })
}

pub(crate) async fn change_status_in(
    conn: &mut SqliteConnection,
    id: &str,
    to: Status,
    actor: &Actor,
    reason: Option<&Localized>,
    action: Action,
) -> Result<()> {
    let from = head(conn, id).await?.status;
    if !from.can_become(to) {
        return Err(Error::BadTransition { from: from.name().into(), to: to.name().into() });
    }
    write_status_in(conn, id, from, to, actor, reason, action).await
}

/// Writes a status change and its trail entry, whatever the transition: for `change_status_in`,
/// and for an import, which corrects what a bundle claims.
pub(crate) async fn write_status_in(
    conn: &mut SqliteConnection,
    id: &str,
    from: Status,
    to: Status,
    actor: &Actor,
    reason: Option<&Localized>,
    action: Action,
) -> Result<()> {
    let now = Utc::now();
    let (to_name, at) = (to.name(), millis(now));
    let (zh, en) = (reason.map(|r| &r.zh), reason.map(|r| &r.en));
    sqlx::query!(
        "UPDATE cases SET status = ?, status_reason = ?, status_reason_en = ?, updated_at = max(updated_at, ?) WHERE id = ?",
        to_name,
        zh,
        en,
        at,
        id
    )
    .execute(&mut *conn)
    .await?;
    if to == Status::Draft {
        sqlx::query!("DELETE FROM outbox WHERE case_id = ?", id).execute(&mut *conn).await?;
        sqlx::query!("UPDATE cases SET applied_on = NULL WHERE id = ?", id).execute(&mut *conn).await?;
    }
    let (old, new) = (Value::from(from.name()), Value::from(to_name));
    let line = reason.map(Localized::to_string);
    let change = Change {
        field: Some("status"),
        old_value: Some(&old),
        new_value: Some(&new),
        reason: line.as_deref(),
        ..Change::of(action)
    };
    audit::record(conn, id, now, actor, change).await
}

pub(crate) async fn set_reference_in(
    conn: &mut SqliteConnection,
    id: &str,
    reference: &str,
    actor: &Actor,
) -> Result<()> {
    let old = sqlx::query_scalar!("SELECT agency_reference FROM cases WHERE id = ?", id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NoCase(id.to_owned()))?;
    sqlx::query!("UPDATE cases SET agency_reference = ? WHERE id = ?", reference, id).execute(&mut *conn).await?;
    let (old, new) = (old.map(Value::String), Value::String(reference.to_owned()));
    let change = Change {
        field: Some("agency_reference"),
        old_value: old.as_ref(),
        new_value: Some(&new),
        ..Change::of(Action::Status)
    };
    let now = Utc::now();
    audit::record(conn, id, now, actor, change).await?;
    touch(conn, id, now).await
}
