//! The case list: filter by text (name, the last digits of an ID number, phone), status, flow
//! and date of last change, newest first, a page at a time, personal numbers masked.

use chrono::{Local, NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};

use crate::case::{CaseSummary, Status, SummaryRow};
use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Page {
    /// How many cases match in all.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub total: u64,
    pub cases: Vec<CaseSummary>,
    /// Set when the store is damaged where the list is kept: the cases were read back one by
    /// one, unfiltered, and this says how many records could not be. Absent when whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub salvaged: Option<Salvaged>,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Salvaged {
    /// Records of the case table on damaged pages (a deleted case's old record among them, so
    /// "up to" this many cases are lost).
    pub unreadable: u32,
}

pub const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 500;

/// The first millisecond of a local day, in UTC.
fn start_of(day: NaiveDate) -> i64 {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    Local.from_local_datetime(&midnight).earliest().map(|t| t.timestamp_millis()).unwrap_or(i64::MIN)
}

/// What the typed text can be: digits (and a final X) are an ID-number tail or part of a phone
/// number; anything else is part of a name. Splitting them keeps each row's test to one or two
/// comparisons, which is what a search of 100,000 cases costs.
fn split_text(text: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else { return (None, None) };
    let t = t.to_uppercase();
    let digits = t.trim_end_matches('X');
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && t.len() - digits.len() <= 1 {
        (None, Some(t))
    } else {
        (Some(t), None)
    }
}

impl Store {
    pub async fn search(&self, q: &Query) -> Result<Page> {
        let (name, number) = split_text(q.text.as_deref());
        // LIKE rather than upper()/substr(), which allocate on every row and serialise the two
        // scans on SQLite's allocator; LIKE ignores ASCII case by itself.
        let name_like = name.map(|n| format!("%{}%", n.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")));
        let id_like = number.as_ref().map(|n| format!("%{n}"));
        let status = q.status.map(Status::name);
        let from = q.from.map(start_of);
        let until = q.until.and_then(|d| d.succ_opt()).map(start_of);
        let limit = q.limit.unwrap_or(DEFAULT_PAGE).min(MAX_PAGE);
        let offset = q.offset.unwrap_or(0);
        // The page and the count each take one pass over the covering index: run them side by
        // side on two connections.
        let page = sqlx::query_as!(
            SummaryRow,
            r#"SELECT id, flow_id, flow_version, status, created_at, updated_at, operator, agency_reference,
                      status_reason, status_reason_en, applied_on, applicant_name, applicant_id_number, applicant_mobile
               FROM cases
               WHERE (?1 IS NULL OR applicant_name LIKE ?1 ESCAPE '\')
                 AND (?2 IS NULL OR instr(applicant_mobile, ?2) OR applicant_id_number LIKE ?3)
                 AND (?4 IS NULL OR status = ?4) AND (?5 IS NULL OR flow_id = ?5)
                 AND (?6 IS NULL OR updated_at >= ?6) AND (?7 IS NULL OR updated_at < ?7)
               ORDER BY updated_at DESC, id LIMIT ?8 OFFSET ?9"#,
            name_like,
            number,
            id_like,
            status,
            q.flow,
            from,
            until,
            limit,
            offset
        )
        .fetch_all(&self.pool);
        // The page's WHERE again: sqlx checks only literal queries, so it cannot be shared.
        let count = sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!: i64" FROM cases
               WHERE (?1 IS NULL OR applicant_name LIKE ?1 ESCAPE '\')
                 AND (?2 IS NULL OR instr(applicant_mobile, ?2) OR applicant_id_number LIKE ?3)
                 AND (?4 IS NULL OR status = ?4) AND (?5 IS NULL OR flow_id = ?5)
                 AND (?6 IS NULL OR updated_at >= ?6) AND (?7 IS NULL OR updated_at < ?7)"#,
            name_like,
            number,
            id_like,
            status,
            q.flow,
            from,
            until
        )
        .fetch_one(&self.pool);
        let (rows, total) = match tokio::try_join!(page, count) {
            Ok(found) => found,
            Err(e) if crate::error::is_damaged(&e) => return self.salvage(limit, offset).await,
            Err(e) => return Err(e.into()),
        };
        let cases = rows.into_iter().map(CaseSummary::try_from).collect::<Result<_>>()?;
        Ok(Page { total: total as u64, cases, salvaged: None })
    }

    /// The list when its index or table is damaged: every record read by its row number, so a
    /// damaged page loses only the cases on it and the others can still be opened, exported and
    /// sent. Filters are not applied (this is a way out, not a search); newest first.
    async fn salvage(&self, limit: u32, offset: u32) -> Result<Page> {
        let last: Option<i64> = sqlx::query_scalar!("SELECT max(rowid) FROM cases").fetch_one(&self.pool).await?;
        let mut cases = Vec::new();
        let mut unreadable = 0;
        for rowid in 1..=last.unwrap_or(0) {
            let row = sqlx::query_as!(
                SummaryRow,
                r#"SELECT id, flow_id, flow_version, status, created_at, updated_at, operator,
                          agency_reference, status_reason, status_reason_en, applied_on, applicant_name,
                          applicant_id_number, applicant_mobile
                   FROM cases WHERE rowid = ?"#,
                rowid
            )
            .fetch_optional(&self.pool)
            .await;
            match row {
                Ok(Some(row)) => cases.push(CaseSummary::try_from(row)?),
                Ok(None) => {}
                Err(e) if crate::error::is_damaged(&e) => unreadable += 1,
                Err(e) => return Err(e.into()),
            }
        }
        cases.sort_by(|a: &CaseSummary, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.id.cmp(&b.id)));
        let total = cases.len() as u64;
        let cases = cases.into_iter().skip(offset as usize).take(limit as usize).collect();
        Ok(Page { total, cases, salvaged: Some(Salvaged { unreadable }) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_numbers_and_anything_else_a_name() {
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(split_text(Some(" 002x ")), (None, some("002X")));
        assert_eq!(split_text(Some("5678")), (None, some("5678")));
        assert_eq!(split_text(Some("王小明")), (some("王小明"), None));
        assert_eq!(split_text(Some("smith")), (some("SMITH"), None));
        assert_eq!(split_text(Some("X")), (some("X"), None));
        assert_eq!(split_text(Some("1X2")), (some("1X2"), None));
        assert_eq!(split_text(Some("  ")), (None, None));
    }
}
