//! The outbox: finalized cases waiting to go to the agency, and the record of each step of
//! sending them. Each step's outcome commits before the next step starts, so a sender that
//! crashes anywhere leaves a state the next one resumes from; the agency's idempotency (case id
//! and revision) makes the resumed submission a replay, never a second case.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;

use crate::case::{from_millis, millis, parse_status, Action, Actor, CaseSummary, Status};
use crate::error::{Error, Result};
use crate::lifecycle::{change_status_in, head};
use crate::store::Store;
use banka_rules::Localized;

/// A case a sender has claimed: it alone sends it until `claimed_until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub case_id: String,
    pub revision: u32,
    /// Failed attempts so far (the backoff grows with them).
    pub attempts: u32,
}

/// One queued case, as `banka outbox status` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxItem {
    pub case_id: String,
    pub flow_id: String,
    pub status: Status,
    pub revision: u32,
    pub attempts: u32,
    pub queued_at: DateTime<Utc>,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
}

/// A case the agency has, whose status may still change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtAgency {
    pub case_id: String,
    pub status: Status,
}

impl Store {
    /// Puts a finalized case in the outbox (ready → queued), as the next revision of its
    /// submission. A failed case is already there: this makes it due now and starts its
    /// backoff again (a person asked for it, so the next failure waits seconds, not minutes).
    pub async fn enqueue(&self, id: &str, actor: &Actor) -> Result<CaseSummary> {
        let mut tx = self.write().await?;
        let status = head(&mut tx, id).await?.status;
        let now = millis(Utc::now());
        match status {
            Status::Ready => {
                let revision = sqlx::query_scalar!(
                    "UPDATE cases SET submission_revision = submission_revision + 1 WHERE id = ? RETURNING submission_revision",
                    id
                )
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query!(
                    "INSERT INTO outbox (case_id, revision, queued_at, next_attempt_at) VALUES (?, ?, ?, ?)",
                    id,
                    revision,
                    now,
                    now
                )
                .execute(&mut *tx)
                .await?;
                change_status_in(&mut tx, id, Status::Queued, actor, None, Action::Status).await?;
            }
            Status::Failed => {
                sqlx::query!("UPDATE outbox SET next_attempt_at = ?, attempts = 0 WHERE case_id = ?", now, id)
                    .execute(&mut *tx)
                    .await?;
            }
            other => return Err(Error::BadTransition { from: other.name().into(), to: Status::Queued.name().into() }),
        }
        tx.commit().await?;
        self.summary(id).await
    }

    /// "Send now": every case waiting in the outbox (queued, or failed and waiting to retry; not
    /// one being sent) is due at once, its backoff started again, as a person asked. Returns how
    /// many.
    pub async fn send_now(&self) -> Result<u64> {
        let now = millis(Utc::now());
        let mut tx = self.write().await?;
        let done = sqlx::query!(
            "UPDATE outbox SET next_attempt_at = ?, attempts = 0
             WHERE case_id IN (SELECT id FROM cases WHERE status IN ('queued', 'failed'))",
            now
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    /// Claims the case due soonest, at `due_by` at the latest (none: `None`), for `lease`, and
    /// marks it sending. A claim whose sender died runs out, and the case is claimed again still
    /// `sending`.
    pub async fn claim_next(&self, lease: Duration, due_by: DateTime<Utc>) -> Result<Option<Claim>> {
        let now = Utc::now();
        let (at, until, due) = (millis(now), millis(now) + lease.as_millis() as i64, millis(due_by));
        let mut tx = self.write().await?;
        // One UPDATE picks and claims, so it takes the write lock before it reads: two senders
        // never claim the same case.
        let Some(row) = sqlx::query!(
            r#"UPDATE outbox SET claimed_until = ?1
               WHERE case_id = (SELECT case_id FROM outbox
                                WHERE next_attempt_at <= ?3 AND (claimed_until IS NULL OR claimed_until <= ?2)
                                ORDER BY next_attempt_at, queued_at LIMIT 1)
               RETURNING case_id AS "case_id!", revision, attempts"#,
            until,
            at,
            due
        )
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(None);
        };
        if head(&mut tx, &row.case_id).await?.status != Status::Sending {
            change_status_in(&mut tx, &row.case_id, Status::Sending, &Actor::System, None, Action::Status).await?;
        }
        tx.commit().await?;
        Ok(Some(Claim { case_id: row.case_id, revision: row.revision as u32, attempts: row.attempts as u32 }))
    }

    /// Keeps a claim while its sender works on it (a slow upload): `lease` more from now, unless
    /// the claim has already run out. Returns whether it was still held.
    pub async fn renew_claim(&self, id: &str, lease: Duration) -> Result<bool> {
        let now = millis(Utc::now());
        let until = now + lease.as_millis() as i64;
        let mut tx = self.write().await?;
        let renewed =
            sqlx::query!("UPDATE outbox SET claimed_until = ? WHERE case_id = ? AND claimed_until > ?", until, id, now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        tx.commit().await?;
        Ok(renewed == 1)
    }

    /// The agency has the case: its reference number, and the case leaves the outbox.
    ///
    /// Each `record_…` applies only while the case is `sending`.
    pub async fn record_submitted(&self, id: &str, reference: &str, note: Option<&Localized>) -> Result<()> {
        let mut tx = self.write().await?;
        if !still_sending(&mut tx, id).await? {
            return Ok(());
        }
        crate::lifecycle::set_reference_in(&mut tx, id, reference, &Actor::System).await?;
        change_status_in(&mut tx, id, Status::Submitted, &Actor::System, note, Action::Status).await?;
        leave(&mut tx, id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The agency refused the case: it needs the person (reopen, correct, queue again).
    pub async fn record_rejected(&self, id: &str, reason: &Localized) -> Result<()> {
        let mut tx = self.write().await?;
        if !still_sending(&mut tx, id).await? {
            return Ok(());
        }
        change_status_in(&mut tx, id, Status::Rejected, &Actor::System, Some(reason), Action::Status).await?;
        leave(&mut tx, id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sending failed for a reason that passes (network, the agency busy): try again at `retry_at`.
    pub async fn record_retry(&self, id: &str, reason: &Localized, retry_at: DateTime<Utc>) -> Result<()> {
        let mut tx = self.write().await?;
        if !still_sending(&mut tx, id).await? {
            return Ok(());
        }
        let (at, line) = (millis(retry_at), reason.to_string());
        sqlx::query!(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, last_error = ?
             WHERE case_id = ?",
            at,
            line,
            id
        )
        .execute(&mut *tx)
        .await?;
        change_status_in(&mut tx, id, Status::Failed, &Actor::System, Some(reason), Action::Status).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Everything in the outbox, due soonest first.
    pub async fn outbox(&self) -> Result<Vec<OutboxItem>> {
        let rows = sqlx::query!(
            "SELECT o.case_id, c.flow_id, c.status, o.revision, o.attempts, o.queued_at, o.next_attempt_at, o.last_error
             FROM outbox o JOIN cases c ON c.id = o.case_id ORDER BY o.next_attempt_at, o.queued_at"
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(OutboxItem {
                    case_id: r.case_id,
                    flow_id: r.flow_id,
                    status: parse_status(&r.status)?,
                    revision: r.revision as u32,
                    attempts: r.attempts as u32,
                    queued_at: from_millis(r.queued_at),
                    next_attempt_at: from_millis(r.next_attempt_at),
                    last_error: r.last_error,
                })
            })
            .collect()
    }

    /// When the next queued case falls due (`None`: the outbox is empty).
    pub async fn next_due(&self) -> Result<Option<DateTime<Utc>>> {
        let at = sqlx::query_scalar!(
            r#"SELECT min(max(next_attempt_at, coalesce(claimed_until, 0))) AS "at: i64" FROM outbox"#
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(at.map(from_millis))
    }

    /// Submitted cases whose agency status may still change (for the status refresh).
    pub async fn at_agency(&self) -> Result<Vec<AtAgency>> {
        let rows = sqlx::query!(
            "SELECT id, status FROM cases
             WHERE status IN ('submitted', 'accepted', 'in_production') AND agency_reference IS NOT NULL"
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| Ok(AtAgency { case_id: r.id, status: parse_status(&r.status)? })).collect()
    }

    /// The agency's news about a submitted case (accepted, in production, rejected with a reason…).
    pub async fn record_agency_status(&self, id: &str, to: Status, reason: Option<&Localized>) -> Result<()> {
        let mut tx = self.write().await?;
        change_status_in(&mut tx, id, to, &Actor::System, reason, Action::Status).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Whether the case is still being sent. A sender whose claim ran out (it stalled) may find
/// another sender has finished the case meanwhile: its own outcome is then old news.
async fn still_sending(conn: &mut SqliteConnection, id: &str) -> Result<bool> {
    Ok(head(conn, id).await?.status == Status::Sending)
}

async fn leave(conn: &mut SqliteConnection, id: &str) -> Result<()> {
    sqlx::query!("DELETE FROM outbox WHERE case_id = ?", id).execute(conn).await?;
    Ok(())
}
