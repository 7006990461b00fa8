//! The one error a use case returns, and the only one that crosses IPC: a stable code, messages
//! fit to show in each language, and the field to fix when there is one. It never carries paths
//! or personal data.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "IpcError"))]
pub struct Error {
    pub code: String,
    pub message_zh: String,
    pub message_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub field: Option<String>,
}

impl Error {
    pub fn new(code: &str, message_zh: impl Into<String>, message_en: impl Into<String>) -> Self {
        Error { code: code.into(), message_zh: message_zh.into(), message_en: message_en.into(), field: None }
    }

    /// The same error, about `field`.
    pub fn on(self, field: &str) -> Self {
        Error { field: Some(field.into()), ..self }
    }

    /// The store is locked (or not created yet): the UI asks for the passphrase.
    pub fn locked() -> Self {
        Error::new(
            "locked",
            "数据已加密，请先输入口令解锁。",
            "The data is encrypted: enter the passphrase to unlock it.",
        )
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message_zh, self.message_en)
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
        Error { code: e.code.into(), message_zh: e.message_zh, message_en: e.message_en, field: e.field }
    }
}

/// The agency client's error as a person reads it; the agency's refusal keeps its code and field.
impl From<banka_agency::client::Error> for Error {
    fn from(e: banka_agency::client::Error) -> Self {
        use banka_agency::client::Error as Client;
        let (zh, en) = e.messages();
        match &e {
            Client::Refused { error, .. } => Error { field: error.field.clone(), ..Error::new(&error.code, zh, en) },
            Client::Unavailable { .. } => Error::new("agency_unavailable", zh, en),
            Client::Unauthorized(_) => Error::new("agency_unauthorized", zh, en),
            Client::BadEndpoint { .. } => Error::new("bad_endpoint", zh, en),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_pinned() {
        let e = Error::new("bad_kind", "未知类型", "unknown kind");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "bad_kind", "message_zh": "未知类型", "message_en": "unknown kind"})
        );
        let e = e.on("applicant.id_number");
        assert_eq!(serde_json::to_value(&e).unwrap()["field"], "applicant.id_number");
    }

    #[test]
    fn store_errors_keep_their_code_and_both_languages() {
        let e = Error::from(banka_cases::Error::WrongPassphrase);
        assert_eq!(e.code, "wrong_passphrase");
        assert!(e.message_zh.contains("口令") && e.message_en.contains("passphrase"));
    }
}
