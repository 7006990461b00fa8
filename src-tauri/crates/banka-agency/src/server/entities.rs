//! Employers' collective applications (B3): the opened collective and its registered employees
//! (`GET /v1/entities/{uscc}/…`), and what the three employer flows change when accepted.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use banka_flows::Answers;
use banka_rules::{validate, Context, ValueKind};
use serde_json::Value;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::banks::{self, Province};
use super::failure::{Api, Failure};
use super::{store, AppState};
use crate::answers::{list, text};
use crate::api::{Branch, Collective, Employee, EmployeeStatus, Employees, RegisteredPerson};

fn parse_status(s: &str) -> EmployeeStatus {
    match s {
        "confirmed" => EmployeeStatus::Confirmed,
        "submitted" => EmployeeStatus::Submitted,
        _ => EmployeeStatus::Registered,
    }
}

pub async fn collective(pool: &SqlitePool, uscc: &str) -> Result<Option<Collective>, sqlx::Error> {
    let row =
        sqlx::query("SELECT entity_name, entity_collects, banks, branches, opened_at FROM collectives WHERE uscc = ?")
            .bind(uscc)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|r| Collective {
        uscc: uscc.to_owned(),
        entity_name: r.get("entity_name"),
        entity_collects: r.get("entity_collects"),
        banks: serde_json::from_str(r.get("banks")).unwrap_or_default(),
        branches: serde_json::from_str(r.get("branches")).unwrap_or_default(),
        opened_at: store::parse_time(r.get("opened_at")),
    }))
}

/// The person as `uscc` registered them, and where their application stands.
pub async fn registration(
    pool: &SqlitePool,
    uscc: &str,
    id_number: &str,
) -> Result<Option<(RegisteredPerson, EmployeeStatus)>, sqlx::Error> {
    let row = sqlx::query("SELECT name, id_type, status FROM employees WHERE uscc = ? AND id_number = ?")
        .bind(uscc)
        .bind(id_number)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| {
        let person =
            RegisteredPerson { name: r.get("name"), id_type: r.get("id_type"), id_number: id_number.to_owned() };
        (person, parse_status(r.get("status")))
    }))
}

/// The employer with an opened collective that registered this person (a confirmation case
/// does not name its employer).
pub async fn employer_of(pool: &SqlitePool, id_number: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT e.uscc FROM employees e JOIN collectives c USING (uscc) WHERE e.id_number = ? ORDER BY e.uscc LIMIT 1",
    )
    .bind(id_number)
    .fetch_optional(pool)
    .await
}

/// The one employer these employee ids belong to (a submission case names employees only).
pub async fn employer_of_employees(pool: &SqlitePool, ids: &[String]) -> Result<Option<String>, sqlx::Error> {
    let ids = serde_json::to_string(ids).unwrap_or_default();
    let usccs: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT uscc FROM employees WHERE id IN (SELECT value FROM json_each(?))")
            .bind(ids)
            .fetch_all(pool)
            .await?;
    Ok(match usccs.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    })
}

pub async fn employees(pool: &SqlitePool, uscc: &str) -> Result<Employees, sqlx::Error> {
    let rows = sqlx::query("SELECT id, name, id_number, status FROM employees WHERE uscc = ? ORDER BY id")
        .bind(uscc)
        .fetch_all(pool)
        .await?;
    let employees = rows
        .iter()
        .map(|r| Employee {
            id: r.get("id"),
            name: r.get("name"),
            id_number_masked: banka_cases::mask::id_number(r.get("id_number")),
            status: parse_status(r.get("status")),
        })
        .collect();
    Ok(Employees { employees })
}

/// `bj-employer-open`: opens the collective, or updates it (opened_at stays the first time).
pub async fn open(conn: &mut SqliteConnection, answers: &Answers) -> Result<(), sqlx::Error> {
    let chosen = list(answers, "entity.branches");
    let branches: Vec<Branch> =
        banks::province(Province::Beijing).branches.into_iter().filter(|b| chosen.contains(&b.name)).collect();
    sqlx::query(
        "INSERT INTO collectives (uscc, entity_name, entity_collects, banks, branches, opened_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (uscc) DO UPDATE SET entity_name = excluded.entity_name, entity_collects = excluded.entity_collects,
         banks = excluded.banks, branches = excluded.branches",
    )
    .bind(text(answers, "entity.uscc").unwrap_or_default())
    .bind(text(answers, "entity.name").unwrap_or_default())
    .bind(answers.get("entity.collects_cards").and_then(Value::as_bool).unwrap_or(false))
    .bind(serde_json::to_string(&list(answers, "entity.banks")).unwrap_or_default())
    .bind(serde_json::to_string(&branches).unwrap_or_default())
    .bind(store::timestamp(store::now()))
    .execute(conn)
    .await?;
    Ok(())
}

/// `bj-employee-confirm`: the employee's information is confirmed (信息已确认).
pub async fn confirm(conn: &mut SqliteConnection, uscc: &str, id_number: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE employees SET status = 'confirmed' WHERE uscc = ? AND id_number = ? AND status = 'registered'")
        .bind(uscc)
        .bind(id_number)
        .execute(conn)
        .await?;
    Ok(())
}

/// `bj-employer-submit`: the chosen confirmed employees' applications are submitted (已提交).
pub async fn submit(conn: &mut SqliteConnection, uscc: &str, ids: &[String]) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE employees SET status = 'submitted'
         WHERE uscc = ? AND status = 'confirmed' AND id IN (SELECT value FROM json_each(?))",
    )
    .bind(uscc)
    .bind(serde_json::to_string(ids).unwrap_or_default())
    .execute(conn)
    .await?;
    Ok(())
}

/// The code normalised, or the rules' finding about it.
pub fn checked_uscc(uscc: &str) -> Result<String, Failure> {
    let report =
        validate(ValueKind::Uscc, uscc, &Context { today: chrono::Utc::now().date_naive(), beijing_address: false });
    match report.errors.first() {
        Some(finding) => Err(Failure::invalid("uscc", finding)),
        None => Ok(report.normalized),
    }
}

fn not_opened() -> Failure {
    Failure::new(
        StatusCode::NOT_FOUND,
        "not_opened",
        "该单位尚未开通集体申请，请先提交“单位开通集体申请”。",
        "This employer has not opened a collective application. Submit the application to open it first.",
    )
}

/// `GET /v1/entities/{uscc}/collective`.
pub async fn get_collective(
    State(state): State<AppState>,
    Api(Path(uscc)): Api<Path<String>>,
) -> Result<Json<Collective>, Failure> {
    let uscc = checked_uscc(&uscc)?;
    collective(&state.pool, &uscc).await?.map(Json).ok_or_else(not_opened)
}

/// `GET /v1/entities/{uscc}/employees`: once the collective is open.
pub async fn get_employees(
    State(state): State<AppState>,
    Api(Path(uscc)): Api<Path<String>>,
) -> Result<Json<Employees>, Failure> {
    let uscc = checked_uscc(&uscc)?;
    if collective(&state.pool, &uscc).await?.is_none() {
        return Err(not_opened());
    }
    Ok(Json(employees(&state.pool, &uscc).await?))
}
