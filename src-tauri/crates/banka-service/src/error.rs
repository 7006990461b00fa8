//! The one error a use case returns, and the only one that crosses IPC: a stable code, messages
//! fit to show in each language, and the field to fix when there is one. It never carries paths
//! or personal data.

use banka_rules::Localized;
use serde::Serialize;

/// Every code an error can carry: a closed set, shared with TypeScript (`ErrorCode`), so that a
/// code checked on either side and never made is a compile error. What the store refuses keeps
/// the store's own codes (`StoreCode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ErrorCode"))]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// The store is locked (or not created yet): the UI asks for the passphrase.
    Locked,
    /// No agency is set up and training mode is off.
    AgencyNotConfigured,
    /// The agency could not be reached (offline, timed out, failing): try again later.
    AgencyUnavailable,
    /// The agency refused the access token.
    AgencyUnauthorized,
    /// The agency's address is not one Banka sends to (not https, except on this machine).
    BadEndpoint,
    /// The agency refused what was asked; its own code is in `agency_code`.
    AgencyRefused,
    /// The practice agency on this computer failed.
    Training,
    NoReceipt,
    NoPerson,
    NoPhoto,
    NoApplicant,
    NoNextFlow,
    /// The default cartoon photo is only for a child under 7.
    NotOffered,
    /// Not a kind of number Banka checks.
    UnknownKind,
    /// Not a picture Banka can read (the message says what is wrong with it).
    Unreadable,
    FileTooLarge,
    /// The window sent a request the app cannot have made.
    BadRequest,
    /// This computer's settings file cannot be read or written.
    Settings,
    /// The command line: two passphrases typed differ; a deletion not confirmed.
    PassphraseMismatch,
    Cancelled,
    /// A task Banka ran failed on its own (never a user's mistake).
    Internal,
    #[serde(untagged)]
    #[cfg_attr(feature = "ts", ts(untagged))]
    Store(banka_cases::Code),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "IpcError"))]
pub struct Error {
    pub code: Code,
    /// The agency's own code, when it refused (`agency_refused`): for programs and support.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub agency_code: Option<String>,
    // Boxed: three languages of words would make every `Result` of a use case carry them inline.
    pub message: Box<Localized>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub field: Option<String>,
}

impl Error {
    pub fn new(code: Code, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::worded(code, Localized::new(zh, en))
    }

    pub fn worded(code: Code, message: Localized) -> Self {
        Error { code, agency_code: None, message: Box::new(message), field: None }
    }

    /// The same error, about `field`.
    pub fn on(self, field: &str) -> Self {
        Error { field: Some(field.into()), ..self }
    }

    /// The store is locked (or not created yet): the UI asks for the passphrase.
    pub fn locked() -> Self {
        Error::new(
            Code::Locked,
            "数据已加密，请先输入口令解锁。",
            "The data is encrypted: enter the passphrase to unlock it.",
        )
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message.fmt(f)
    }
}

impl std::error::Error for Error {}

impl From<banka_cases::Error> for Error {
    fn from(e: banka_cases::Error) -> Self {
        e.explain().into()
    }
}

impl From<banka_cases::Explained> for Error {
    fn from(e: banka_cases::Explained) -> Self {
        Error { code: Code::Store(e.code), agency_code: None, message: Box::new(e.message), field: e.field }
    }
}

/// The agency client's error as a person reads it; the agency's refusal keeps its code and field.
impl From<banka_agency::client::Error> for Error {
    fn from(e: banka_agency::client::Error) -> Self {
        use banka_agency::client::Error as Client;
        let message = e.message();
        match &e {
            Client::Refused { error, .. } => Error {
                agency_code: Some(error.code.clone()),
                field: error.field.clone(),
                ..Error::worded(Code::AgencyRefused, message)
            },
            Client::Unavailable { .. } => Error::worded(Code::AgencyUnavailable, message),
            Client::Unauthorized(_) => Error::worded(Code::AgencyUnauthorized, message),
            Client::BadEndpoint(_) => Error::worded(Code::BadEndpoint, message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_pinned() {
        let e = Error::new(Code::UnknownKind, "未知类型", "unknown kind");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "unknown_kind", "message": {"zh": "未知类型", "zh-Hant": "未知類型", "en": "unknown kind"}})
        );
        let stored = Error::from(banka_cases::Error::BeingSent);
        assert_eq!(serde_json::to_value(&stored).unwrap()["code"], "being_sent", "the store's codes as they are");
        let e = e.on("applicant.id_number");
        assert_eq!(serde_json::to_value(&e).unwrap()["field"], "applicant.id_number");
    }

    #[test]
    fn store_errors_keep_their_code_and_both_languages() {
        let e = Error::from(banka_cases::Error::WrongPassphrase);
        assert_eq!(e.code, Code::Store(banka_cases::Code::WrongPassphrase));
        assert!(e.message.zh.contains("口令") && e.message.en.contains("passphrase"));
    }
}
