//! `PUT /v1/cases/{case_id}`: one submission at a time; the same case and revision again is a
//! replay; a new one is re-validated, stored with a reference number and its effects (an opened
//! collective, confirmed or submitted employees, cleaned cards) in one transaction.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde_json::Value;
use sqlx::SqliteConnection;

use super::entities;
use super::failure::{Api, Failure};
use super::revalidate::{self, Accepted};
use super::{cards, demo, status, store, AppState};
use crate::answers::list;
use crate::api::{AgencyStatus, Receipt, Submission};

fn checked_case_id(id: &str) -> Result<(), Failure> {
    let ok = (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        return Err(Failure::bad_request(
            "申请编号应为 1 至 64 位字母、数字、- 或 _（通常是 UUID）。",
            "A case id is 1 to 64 letters, digits, - or _ (usually a UUID).",
        )
        .field("case_id"));
    }
    Ok(())
}

pub async fn submit(
    State(state): State<AppState>,
    Api(Path(case_id)): Api<Path<String>>,
    Api(Json(sub)): Api<Json<Submission>>,
) -> Result<(StatusCode, Json<Receipt>), Failure> {
    checked_case_id(&case_id)?;
    if sub.revision == 0 {
        return Err(Failure::bad_request("revision 从 1 开始。", "The revision starts at 1.").field("revision"));
    }
    // One at a time: two identical requests cannot both find nothing stored and both create it.
    let _one = state.submitting.lock().await;
    if let Some(latest) = status::latest(&state.pool, &case_id).await? {
        let now = latest.status(state.status_step, chrono::Utc::now());
        // Only a rejected case is submitted again, and only under a higher revision.
        if sub.revision <= latest.revision || now.status != AgencyStatus::Rejected {
            let receipt = Receipt {
                case_id,
                revision: latest.revision,
                reference: latest.reference,
                status: now.status,
                received_at: latest.received_at,
                replayed: true,
            };
            return Ok((StatusCode::OK, Json(receipt)));
        }
    }
    let accepted = revalidate::check(&state, &case_id, &sub).await?;
    let received_at = store::now();
    // Writing from the start: a read snapshot that another writer overtakes could not commit.
    let mut tx = state.pool.begin_with("BEGIN IMMEDIATE").await?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM submissions").fetch_one(&mut *tx).await?;
    let reference = format!("BK{}{:06}", received_at.format("%Y%m%d"), count + 1);
    let method = accepted.answers.get("collection.method").and_then(Value::as_str);
    let rejected = sub.revision == 1
        && accepted.answers.get("applicant.name").and_then(Value::as_str) == Some(demo::REJECTED_NAME);
    sqlx::query(
        "INSERT INTO submissions (case_id, revision, flow_id, flow_version, reference, applicant, answers, documents,
         operator, mailed, rejected, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&case_id)
    .bind(sub.revision)
    .bind(&sub.flow_id)
    .bind(sub.flow_version)
    .bind(&reference)
    .bind(&accepted.applicant)
    .bind(serde_json::to_string(&accepted.answers).unwrap_or_default())
    .bind(serde_json::to_string(&sub.documents).unwrap_or_default())
    .bind(&sub.operator)
    .bind(matches!(method, Some("mail" | "mail_cod")))
    .bind(rejected)
    .bind(store::timestamp(received_at))
    .execute(&mut *tx)
    .await?;
    apply(&mut tx, &sub.flow_id, &case_id, &accepted).await?;
    tx.commit().await?;
    let receipt = Receipt {
        case_id,
        revision: sub.revision,
        reference,
        status: AgencyStatus::Submitted,
        received_at,
        replayed: false,
    };
    Ok((StatusCode::CREATED, Json(receipt)))
}

/// What an accepted case changes at the agency.
async fn apply(conn: &mut SqliteConnection, flow_id: &str, case_id: &str, case: &Accepted) -> Result<(), sqlx::Error> {
    match (flow_id, &case.entity, &case.applicant) {
        ("bj-employer-open", _, _) => entities::open(conn, &case.answers).await,
        ("bj-employee-confirm", Some(uscc), Some(number)) => entities::confirm(conn, uscc, number).await,
        ("bj-employer-submit", Some(uscc), _) => {
            entities::submit(conn, uscc, &list(&case.answers, "submit.employees")).await
        }
        ("gd-card-cleanup", _, _) => cards::clean(conn, &list(&case.answers, "cleanup.cards"), case_id).await,
        _ => Ok(()),
    }
}
