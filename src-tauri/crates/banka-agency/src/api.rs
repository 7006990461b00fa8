//! The agency API's wire types: what the client sends and the server answers. The OpenAPI
//! document (`docs/agency-api.yaml`) describes exactly these shapes; `tests/openapi.rs` checks
//! the server's answers against it. Everything is JSON except document bytes and photos.
//!
//! Personal numbers travel in bodies only, never in paths or query strings (which end up in
//! proxies' and servers' logs).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The path prefix of every endpoint.
pub const PREFIX: &str = "/v1";

/// Upload headers (tus-like): where this chunk starts, and the whole file's length and kind.
pub const UPLOAD_OFFSET: &str = "upload-offset";
pub const UPLOAD_LENGTH: &str = "upload-length";
pub const DOCUMENT_KIND: &str = "document-kind";

/// Every answer that is not 2xx carries this body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiError {
    /// Stable, for programs: `unauthorized`, `invalid_case`, `offset_mismatch`, …
    pub code: String,
    pub message_zh: String,
    pub message_en: String,
    /// The field the error is about, when it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Everything wrong with a submitted case, field by field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<FieldProblem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// A field path (`applicant.id_number`) or `documents.<kind>`.
    pub field: String,
    pub code: String,
    pub message_zh: String,
    pub message_en: String,
}

/// `GET /v1/health` (no token needed): who is answering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    pub name: String,
    pub version: String,
    /// The reference (training) server: sample data, SMS codes returned in the answer.
    pub training: bool,
}

// ---- Eligibility (资格校验) ----

/// `POST /v1/eligibility`. For minors the applicant is the child; for `bj-employee-confirm`
/// `entity_uscc` names the employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EligibilityRequest {
    pub flow_id: String,
    pub name: String,
    /// SPEC §5 document type (`resident_id`, `hukou`, …).
    pub id_type: String,
    pub id_number: String,
    /// Guangdong: the intended issuing city (a `guangdong_cities` code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_uscc: Option<String>,
    /// Beijing minors (B2): the proxy's citizen ID number, whose relationship to the child the
    /// agency states from its records ("您与被代办人的关系是XX，请确认").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_id_number: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    Eligible,
    /// An application is in progress or a third-generation card was issued.
    AlreadyApplied,
    /// Cards from other cities of the province must be cleaned up first (Guangdong, G3).
    OnePersonOneCard,
    /// No insurance record that allows an application.
    NotEligible,
    /// The name is not the one registered for the number.
    NameMismatch,
    /// `bj-employee-confirm`: the employer has not opened a collective application.
    EntityNotOpen,
    /// `bj-employee-confirm`: the employer's collective application does not list the person.
    NotOnEntityList,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EligibilityAnswer {
    pub eligibility: Eligibility,
    pub reason_zh: String,
    pub reason_en: String,
    /// Where the person goes instead (e.g. `gd-card-cleanup`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_flow: Option<String>,
    /// A photo in the social security system can be used for the card (使用社保系统相片制卡).
    pub has_system_photo: bool,
    /// Retirees (B4): the pension-disbursing bank, which issues the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pension: Option<PensionBank>,
    /// `bj-employee-confirm`: the employee as the employer registered them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee: Option<RegisteredPerson>,
    /// `bj-employee-confirm`: the employer's collective application (collection, banks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collective: Option<Collective>,
    /// Beijing minors: the proxy's relationship to the child (`father`, `mother`, `guardian`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PensionBank {
    pub bank: String,
    pub branch: String,
    /// The channel allows pickup at the branch (otherwise bank mail only).
    pub pickup_allowed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisteredPerson {
    pub name: String,
    pub id_type: String,
    pub id_number: String,
}

// ---- SMS verification codes ----

/// `POST /v1/sms`: send a code to a mobile number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmsRequest {
    pub mobile: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmsSent {
    pub expires_in_secs: u64,
    /// Another code may be asked for after this long (429 before it).
    pub resend_after_secs: u64,
    /// Training servers only: the code, shown on screen instead of sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub training_code: Option<String>,
}

/// `POST /v1/sms/verify`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmsVerifyRequest {
    pub mobile: String,
    pub code: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmsVerified {
    pub verified: bool,
}

// ---- Card photos ----

/// `POST /v1/photos/receipt` → `image/jpeg`: the photo a studio registered under a receipt
/// number (相片回执号).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhotoReceiptRequest {
    pub receipt_number: String,
}

/// `POST /v1/photos/on-file`: is there a photo of this person in the system? And
/// `POST /v1/photos/on-file/image` → `image/jpeg`: that photo (404 when there is none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRequest {
    pub name: String,
    pub id_number: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhotoOnFile {
    pub on_file: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken_on: Option<NaiveDate>,
}

// ---- Banks and branches ----

/// `GET /v1/banks?region=<code>&q=<text>`: banks and branches of a region (a Beijing district
/// or Guangdong city code), branches matching `q` in name or address (also by pinyin).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    /// Sample data (the reference server): not real banks' branches.
    pub sample: bool,
    pub banks: Vec<Bank>,
    pub branches: Vec<Branch>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bank {
    pub id: String,
    pub name: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    pub id: String,
    pub name: String,
    /// The bank's name (as `Bank::name`).
    pub bank: String,
    pub region: String,
    pub address: String,
    pub phone: String,
}

// ---- Employers' collective applications (B3) ----

/// `GET /v1/entities/{uscc}/collective`: an opened collective application (404 `not_opened`).
/// It is opened by submitting a `bj-employer-open` case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Collective {
    pub uscc: String,
    pub entity_name: String,
    /// 是否支持单位代领.
    pub entity_collects: bool,
    pub banks: Vec<String>,
    pub branches: Vec<Branch>,
    pub opened_at: DateTime<Utc>,
}

/// `GET /v1/entities/{uscc}/employees`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employees {
    pub employees: Vec<Employee>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Employee {
    /// Stable id, what `bj-employer-submit` selects.
    pub id: String,
    pub name: String,
    /// e.g. 1101**********002X
    pub id_number_masked: String,
    pub status: EmployeeStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployeeStatus {
    /// 待确认: registered by the employer, not yet confirmed by the employee.
    Registered,
    /// 信息已确认.
    Confirmed,
    /// 已提交: the employer submitted the application.
    Submitted,
}

// ---- One person, one card (G3) ----

/// `POST /v1/cards` with a `PersonRequest`: the person's cards that must be cleaned up.
/// Cleaning up is done by submitting a `gd-card-cleanup` case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cards {
    pub cards: Vec<Card>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub card_number_masked: String,
    /// Issuing city (a `guangdong_cities` code) and its name.
    pub city: String,
    pub city_name: String,
    pub bank: String,
    pub status_zh: String,
    pub status_en: String,
}

// ---- Documents: content-addressed, resumable ----

/// `GET /v1/documents/{sha256}` (404 when nothing was received) and the answer to each
/// `PATCH /v1/documents/{sha256}` chunk (headers `Upload-Offset`, `Upload-Length`,
/// `Document-Kind`; body: the bytes from that offset). A chunk that does not start where the
/// server's copy ends gets 409 `offset_mismatch`: ask again and continue from `offset`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadState {
    pub sha256: String,
    pub kind: String,
    pub length: u64,
    /// How many bytes the server has.
    pub offset: u64,
    /// Every byte received and the SHA-256 matches.
    pub complete: bool,
}

// ---- Cases ----

/// `PUT /v1/cases/{case_id}`: submit a case. The case id is the idempotency key: the same id
/// and revision again returns the first result (200, `replayed`) and creates nothing. A case
/// the agency rejected may be submitted again with a higher revision (重新提交).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub flow_id: String,
    pub flow_version: u32,
    /// 1 for the first submission; one more after each rejection and correction.
    pub revision: u32,
    /// The evaluation's `answers_to_submit` (the agency's own `agency.*` data is not sent).
    pub answers: BTreeMap<String, Value>,
    /// Document kind → SHA-256 of a complete upload.
    pub documents: BTreeMap<String, String>,
    /// The service-center operator who assisted, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    /// The application date: the day the case was finalized, on which the app judged it (ages,
    /// "not in the future"). The agency judges the case on the same day, within `APPLIED_WITHIN_DAYS`.
    pub applied_on: NaiveDate,
}

/// How far back an application date the agency takes (a case may wait offline in an outbox),
/// and one day ahead (the app's local date may be ahead of the agency's).
pub const APPLIED_WITHIN_DAYS: i64 = 30;

/// 201 on the first submission, 200 when replayed. A case that fails the agency's checks gets
/// 422 `invalid_case` with `problems`, and nothing is recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub case_id: String,
    pub revision: u32,
    /// The agency's reference number (受理编号).
    pub reference: String,
    pub status: AgencyStatus,
    pub received_at: DateTime<Utc>,
    /// This submission was seen before; nothing new was created.
    pub replayed: bool,
}

/// Where a submitted case is at the agency (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyStatus {
    Submitted,
    /// 受理.
    Accepted,
    /// 制卡中.
    InProduction,
    /// 待领取.
    ReadyForPickup,
    /// 已寄出.
    Mailed,
    /// 驳回, with a reason.
    Rejected,
}

/// `POST /v1/cases/status`: many cases at once (unknown ids are left out of the answer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusRequest {
    pub case_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statuses {
    pub statuses: Vec<CaseStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseStatus {
    pub case_id: String,
    pub revision: u32,
    pub reference: String,
    pub status: AgencyStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_en: Option<String>,
    pub updated_at: DateTime<Utc>,
}
