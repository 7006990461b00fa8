//! What a case is: its status (SPEC §5), who acts on it, and the views the store returns.

use banka_rules::Localized;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};

/// A case's place in its life (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    /// Finalized: every check passes; waiting to be queued.
    Ready,
    Queued,
    Sending,
    /// The agency acknowledged it, with its reference number.
    Submitted,
    Accepted,
    InProduction,
    ReadyForPickup,
    Mailed,
    Rejected,
    /// Sending failed; it retries or waits for the user.
    Failed,
}

impl Status {
    pub const ALL: [Status; 11] = [
        Status::Draft,
        Status::Ready,
        Status::Queued,
        Status::Sending,
        Status::Submitted,
        Status::Accepted,
        Status::InProduction,
        Status::ReadyForPickup,
        Status::Mailed,
        Status::Rejected,
        Status::Failed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Ready => "ready",
            Status::Queued => "queued",
            Status::Sending => "sending",
            Status::Submitted => "submitted",
            Status::Accepted => "accepted",
            Status::InProduction => "in_production",
            Status::ReadyForPickup => "ready_for_pickup",
            Status::Mailed => "mailed",
            Status::Rejected => "rejected",
            Status::Failed => "failed",
        }
    }

    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether the case may go from this status to `to`. Answers change only in drafts; a
    /// finalized case goes back to a draft only by reopening it (with a reason), and only
    /// while the agency does not have it.
    pub fn can_become(self, to: Status) -> bool {
        use Status::*;
        match (self, to) {
            (Draft, Ready) => true,
            (Ready | Queued | Failed | Rejected, Draft) => true,
            (Ready | Failed, Queued) => true,
            (Queued | Failed, Sending) => true,
            (Sending, Submitted | Failed | Rejected) => true,
            (Submitted | Accepted | InProduction, Accepted | InProduction | ReadyForPickup | Mailed | Rejected) => {
                self != to
            }
            _ => false,
        }
    }
}

/// Where a case is: still on this computer, in the outbox (waiting, being sent, failed and to be
/// tried again), or with the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CasePlace {
    Here,
    Outbox,
    Agency,
}

/// What a status means for what can be done with the case: the window draws these, it keeps no
/// status table of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusFacts {
    /// Its answers and documents can change (a draft).
    pub editable: bool,
    /// It can go back to a draft, with a reason (`Status::can_become(Draft)`).
    pub reopenable: bool,
    /// It can be deleted (not while it is being sent).
    pub deletable: bool,
    pub place: CasePlace,
    /// It waits for the person: refused by the agency, or sending failed.
    pub attention: bool,
    /// The card is made and on its way to the person: ready to collect, or posted.
    pub finished: bool,
}

impl Status {
    pub fn facts(self) -> StatusFacts {
        use Status::*;
        StatusFacts {
            editable: self == Draft,
            reopenable: self.can_become(Draft),
            deletable: self != Sending,
            place: match self {
                Draft | Ready => CasePlace::Here,
                Queued | Sending | Failed => CasePlace::Outbox,
                Submitted | Accepted | InProduction | ReadyForPickup | Mailed | Rejected => CasePlace::Agency,
            },
            attention: matches!(self, Rejected | Failed),
            finished: matches!(self, ReadyForPickup | Mailed),
        }
    }
}

pub(crate) fn parse_status(name: &str) -> Result<Status> {
    Status::from_name(name)
        .ok_or_else(|| Error::BadBundle(Localized::new(format!("未知的状态 {name}"), format!("unknown status {name}"))))
}

/// Who made a change: the resident themself, or a service-center operator (by name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Actor {
    Resident,
    Operator(String),
    /// Banka itself: the outbox sending a case, the agency's status news.
    System,
}

impl Actor {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Actor::Resident => "resident",
            Actor::Operator(_) => "operator",
            Actor::System => "system",
        }
    }

    pub(crate) fn name(&self) -> Option<&str> {
        match self {
            Actor::Resident | Actor::System => None,
            Actor::Operator(name) => Some(name),
        }
    }

    pub(crate) fn from_parts(kind: &str, name: Option<String>) -> Result<Actor> {
        match (kind, name) {
            ("resident", None) => Ok(Actor::Resident),
            ("system", None) => Ok(Actor::System),
            ("operator", Some(name)) if !name.trim().is_empty() => Ok(Actor::Operator(name)),
            _ => Err(Error::BadBundle(Localized::new(format!("未知的操作人 {kind}"), format!("unknown actor {kind}")))),
        }
    }
}

/// A case as the list shows it: personal numbers masked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseSummary {
    pub id: String,
    pub flow_id: String,
    pub flow_version: u32,
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub operator: Option<String>,
    pub agency_reference: Option<String>,
    pub status_reason: Option<Localized>,
    /// The application date: the day it was finalized (judged on), while it is not a draft.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub applied_on: Option<NaiveDate>,
    pub applicant_name: String,
    /// e.g. 1101**********123X
    pub applicant_id_number_masked: String,
    pub applicant_mobile_masked: String,
    /// What its status allows and where it is.
    pub facts: StatusFacts,
}

/// A `cases` row as queries return it (search and single reads share it).
pub(crate) struct SummaryRow {
    pub id: String,
    pub flow_id: String,
    pub flow_version: i64,
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub operator: Option<String>,
    pub agency_reference: Option<String>,
    pub status_reason: Option<String>,
    pub status_reason_en: Option<String>,
    pub applied_on: Option<String>,
    pub applicant_name: String,
    pub applicant_id_number: String,
    pub applicant_mobile: String,
}

impl TryFrom<SummaryRow> for CaseSummary {
    type Error = Error;

    fn try_from(r: SummaryRow) -> Result<Self> {
        let status = parse_status(&r.status)?;
        Ok(CaseSummary {
            id: r.id,
            flow_id: r.flow_id,
            flow_version: r.flow_version as u32,
            status,
            facts: status.facts(),
            created_at: from_millis(r.created_at),
            updated_at: from_millis(r.updated_at),
            operator: r.operator,
            agency_reference: r.agency_reference,
            // One text for every language is what a person typed: shown as typed, never converted.
            status_reason: r.status_reason.map(|zh| match r.status_reason_en {
                Some(en) if en != zh => Localized::new(zh, en),
                _ => Localized::same(zh),
            }),
            applied_on: r.applied_on.as_deref().and_then(|d| d.parse().ok()),
            applicant_name: r.applicant_name,
            applicant_id_number_masked: crate::mask::id_number(&r.applicant_id_number),
            applicant_mobile_masked: crate::mask::mobile(&r.applicant_mobile),
        })
    }
}

/// A case as a wizard shows it: its answers as saved and what the flow engine says about them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseView {
    pub summary: CaseSummary,
    pub answers: BTreeMap<String, Value>,
    pub documents: Vec<DocumentInfo>,
    pub evaluation: banka_flows::Evaluation,
}

/// A whole case: answers, documents and the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    #[serde(flatten)]
    pub summary: CaseSummary,
    pub answers: BTreeMap<String, Value>,
    pub documents: Vec<DocumentInfo>,
    pub audit: Vec<AuditEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocumentInfo {
    pub kind: String,
    pub sha256: String,
    pub file_name: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size: u64,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// The photo checks' findings, once they have run.
    pub checks: Option<Value>,
    pub added_at: DateTime<Utc>,
}

/// One change in the trail. Values are stored whole (the database is encrypted) and masked
/// when shown (`audit::masked`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub action: Action,
    pub field: Option<String>,
    pub old_value: Option<Value>,
    pub new_value: Option<Value>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Created,
    Answered,
    Cleared,
    DocumentAdded,
    DocumentRemoved,
    /// The person chose to use a picture despite the check's advisory findings.
    DocumentAccepted,
    Status,
    Reopened,
    Imported,
}

impl Action {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Answered => "answered",
            Action::Cleared => "cleared",
            Action::DocumentAdded => "document_added",
            Action::DocumentRemoved => "document_removed",
            Action::DocumentAccepted => "document_accepted",
            Action::Status => "status",
            Action::Reopened => "reopened",
            Action::Imported => "imported",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Action> {
        use Action::*;
        [Created, Answered, Cleared, DocumentAdded, DocumentRemoved, DocumentAccepted, Status, Reopened, Imported]
            .into_iter()
            .find(|a| a.name() == name)
    }
}

pub(crate) fn millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn from_millis(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_says_what_it_allows_and_where_the_case_is() {
        let facts = |s: Status| {
            let f = s.facts();
            (f.editable, f.reopenable, f.deletable, f.place, f.attention)
        };
        use CasePlace::*;
        assert_eq!(facts(Status::Draft), (true, false, true, Here, false));
        // A finalized case is not editable: it goes back to a draft first (with a reason).
        assert_eq!(facts(Status::Ready), (false, true, true, Here, false));
        assert_eq!(facts(Status::Queued), (false, true, true, Outbox, false));
        assert_eq!(facts(Status::Sending), (false, false, false, Outbox, false));
        assert_eq!(facts(Status::Failed), (false, true, true, Outbox, true));
        assert_eq!(facts(Status::Submitted), (false, false, true, Agency, false));
        assert_eq!(facts(Status::Mailed), (false, false, true, Agency, false));
        assert_eq!(facts(Status::Rejected), (false, true, true, Agency, true));
    }

    #[test]
    fn status_names_round_trip_and_match_serde() {
        for s in Status::ALL {
            assert_eq!(Status::from_name(s.name()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
        }
    }

    #[test]
    fn a_case_at_the_agency_cannot_be_reopened_or_sent_again() {
        use Status::*;
        for s in [Sending, Submitted, Accepted, InProduction, ReadyForPickup, Mailed] {
            assert!(!s.can_become(Status::Draft), "{s:?} → draft");
            assert!(!s.can_become(Status::Queued), "{s:?} → queued");
        }
        assert!(Status::Draft.can_become(Status::Ready));
        assert!(!Status::Draft.can_become(Status::Submitted));
        assert!(Status::Rejected.can_become(Status::Draft));
    }
}
