//! Where a submitted case is, computed from when it arrived: one `status_step` per stage
//! (submitted → accepted → in production → ready for pickup or mailed), or rejected for the demo
//! name; and `POST /v1/cases/status`.

use std::time::Duration;

use axum::extract::State;
use axum::Json;
use banka_flows::catalog;
use banka_flows::definition::Question;
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqlitePool};

use super::failure::{Api, Failure};
use super::{demo, store, AppState};
use crate::api::{AgencyStatus, CaseStatus, StatusRequest, Statuses};

const MAX_IDS: usize = 1000;

/// The latest revision of each case, with the columns `Stored` reads.
const LATEST: &str = "SELECT s.case_id, s.revision, s.reference, s.received_at, s.rejected, s.mailed, s.flow_id
    FROM submissions s WHERE s.revision = (SELECT MAX(revision) FROM submissions WHERE case_id = s.case_id)";

/// A stored submission, as far as its status goes.
pub struct Stored {
    pub case_id: String,
    pub revision: u32,
    pub reference: String,
    pub received_at: DateTime<Utc>,
    rejected: bool,
    mailed: bool,
}

impl Stored {
    fn from_row(r: &SqliteRow) -> Stored {
        Stored {
            case_id: r.get("case_id"),
            revision: r.get("revision"),
            reference: r.get("reference"),
            received_at: store::parse_time(r.get("received_at")),
            rejected: r.get("rejected"),
            mailed: r.get("mailed"),
        }
    }

    /// The status now, and since when.
    pub fn status(&self, step: Duration, now: DateTime<Utc>) -> CaseStatus {
        let step = chrono::Duration::from_std(step).unwrap_or(chrono::Duration::MAX);
        let elapsed = now - self.received_at;
        let stage = match (elapsed.num_microseconds(), step.num_microseconds()) {
            (Some(e), Some(s)) if s > 0 => (e / s).clamp(0, 3),
            _ => 3,
        };
        let (status, stage) = match stage {
            0 => (AgencyStatus::Submitted, 0),
            _ if self.rejected => (AgencyStatus::Rejected, 1),
            1 => (AgencyStatus::Accepted, 1),
            2 => (AgencyStatus::InProduction, 2),
            _ if self.mailed => (AgencyStatus::Mailed, 3),
            _ => (AgencyStatus::ReadyForPickup, 3),
        };
        let rejected = status == AgencyStatus::Rejected;
        CaseStatus {
            case_id: self.case_id.clone(),
            revision: self.revision,
            reference: self.reference.clone(),
            status,
            reason_zh: rejected.then(|| demo::REJECTION_ZH.to_owned()),
            reason_en: rejected.then(|| demo::REJECTION_EN.to_owned()),
            updated_at: self.received_at + step * stage,
        }
    }
}

/// The latest revision of a case, if it was submitted.
pub async fn latest(pool: &SqlitePool, case_id: &str) -> Result<Option<Stored>, sqlx::Error> {
    let row = sqlx::query(&format!("{LATEST} AND s.case_id = ?")).bind(case_id).fetch_optional(pool).await?;
    Ok(row.as_ref().map(Stored::from_row))
}

/// Whether the person has an application here that was not rejected (other than `exclude`).
pub async fn has_applied(state: &AppState, id_number: &str, exclude: Option<&str>) -> Result<bool, sqlx::Error> {
    let rows = sqlx::query(&format!("{LATEST} AND s.applicant = ?")).bind(id_number).fetch_all(&state.pool).await?;
    let now = Utc::now();
    Ok(rows.iter().any(|r| {
        let flow: String = r.get("flow_id");
        let case = Stored::from_row(r);
        // An application: a case of a flow that checks the person's eligibility.
        catalog::get(&flow).is_some_and(|f| f.asks(Question::Eligibility).is_some())
            && Some(case.case_id.as_str()) != exclude
            && case.status(state.status_step, now).status != AgencyStatus::Rejected
    }))
}

/// `POST /v1/cases/status`: the known cases among `case_ids`.
pub async fn statuses(
    State(state): State<AppState>,
    Api(Json(req)): Api<Json<StatusRequest>>,
) -> Result<Json<Statuses>, Failure> {
    if req.case_ids.len() > MAX_IDS {
        return Err(Failure::bad_request(
            format!("一次最多查询 {MAX_IDS} 个申请，请分批查询。"),
            format!("Ask about at most {MAX_IDS} cases at a time; split the list."),
        )
        .field("case_ids"));
    }
    let ids = serde_json::to_string(&req.case_ids).unwrap_or_default();
    let rows = sqlx::query(&format!("{LATEST} AND s.case_id IN (SELECT value FROM json_each(?)) ORDER BY s.case_id"))
        .bind(ids)
        .fetch_all(&state.pool)
        .await?;
    let now = Utc::now();
    let statuses = rows.iter().map(|r| Stored::from_row(r).status(state.status_step, now)).collect();
    Ok(Json(Statuses { statuses }))
}
