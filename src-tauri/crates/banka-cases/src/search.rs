//! The case list: filter by text (name, the last digits of an ID number, phone), status, flow
//! and date of last change, newest first, a page at a time, personal numbers masked.

use chrono::{Local, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};

use crate::case::{CaseSummary, Status, SummaryRow};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Query {
    /// Part of the name, the last digits of the ID number, or part of the phone number.
    pub text: Option<String>,
    pub status: Option<Status>,
    pub flow: Option<String>,
    /// Changed on or after this day (local time).
    pub from: Option<NaiveDate>,
    /// Changed on or before this day (local time).
    pub until: Option<NaiveDate>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// How many cases match in all.
    pub total: u64,
    pub cases: Vec<CaseSummary>,
}

pub const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 500;

/// The first millisecond of a local day, in UTC.
fn start_of(day: NaiveDate) -> i64 {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    Local.from_local_datetime(&midnight).earliest().map(|t| t.timestamp_millis()).unwrap_or(i64::MIN)
}

/// `text` for LIKE, its wildcards taken literally.
fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

impl Store {
    pub async fn search(&self, q: &Query) -> Result<Page> {
        let text = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(|t| like_escaped(&t.to_uppercase()));
        let status = q.status.map(Status::name);
        let from = q.from.map(start_of);
        let until = q.until.and_then(|d| d.succ_opt()).map(start_of);
        let limit = q.limit.unwrap_or(DEFAULT_PAGE).min(MAX_PAGE);
        let offset = q.offset.unwrap_or(0);
        let total = sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!: i64" FROM cases
               WHERE (?1 IS NULL OR applicant_name LIKE '%' || ?1 || '%' ESCAPE '\'
                      OR applicant_id_number LIKE '%' || ?1 ESCAPE '\'
                      OR applicant_mobile LIKE '%' || ?1 || '%' ESCAPE '\')
                 AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR flow_id = ?3)
                 AND (?4 IS NULL OR updated_at >= ?4) AND (?5 IS NULL OR updated_at < ?5)"#,
            text,
            status,
            q.flow,
            from,
            until
        )
        .fetch_one(&self.pool)
        .await?;
        let rows = sqlx::query_as!(
            SummaryRow,
            r#"SELECT id, flow_id, flow_version, status, created_at, updated_at, operator, agency_reference,
                      status_reason, applicant_name, applicant_id_number, applicant_mobile
               FROM cases
               WHERE (?1 IS NULL OR applicant_name LIKE '%' || ?1 || '%' ESCAPE '\'
                      OR applicant_id_number LIKE '%' || ?1 ESCAPE '\'
                      OR applicant_mobile LIKE '%' || ?1 || '%' ESCAPE '\')
                 AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR flow_id = ?3)
                 AND (?4 IS NULL OR updated_at >= ?4) AND (?5 IS NULL OR updated_at < ?5)
               ORDER BY updated_at DESC, id LIMIT ?6 OFFSET ?7"#,
            text,
            status,
            q.flow,
            from,
            until,
            limit,
            offset
        )
        .fetch_all(&self.pool)
        .await?;
        let cases = rows.into_iter().map(CaseSummary::try_from).collect::<Result<_>>()?;
        Ok(Page { total: total as u64, cases })
    }
}
