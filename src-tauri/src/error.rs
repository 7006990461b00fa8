//! The one error type that crosses IPC: `{code, message_zh, message_en, field?}`. It never
//! carries paths or personal data, only a stable code and messages fit to show.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct IpcError {
    pub code: String,
    pub message_zh: String,
    pub message_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl IpcError {
    pub fn new(code: &str, message_zh: impl Into<String>, message_en: impl Into<String>) -> Self {
        IpcError { code: code.into(), message_zh: message_zh.into(), message_en: message_en.into(), field: None }
    }

    /// The store is locked (or not created yet): the UI asks for the passphrase.
    pub fn locked() -> Self {
        IpcError::new(
            "locked",
            "数据已加密，请先输入口令解锁。",
            "The data is encrypted: enter the passphrase to unlock it.",
        )
    }
}

impl From<banka_cases::Error> for IpcError {
    fn from(e: banka_cases::Error) -> Self {
        let e = e.explain();
        IpcError { code: e.code.into(), message_zh: e.message_zh, message_en: e.message_en, field: e.field }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_pinned() {
        let e = IpcError::new("bad_kind", "未知类型", "unknown kind");
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "bad_kind", "message_zh": "未知类型", "message_en": "unknown kind"})
        );
        let e = IpcError { field: Some("applicant.id_number".into()), ..e };
        assert_eq!(serde_json::to_value(&e).unwrap()["field"], "applicant.id_number");
    }

    #[test]
    fn store_errors_keep_their_code_and_both_languages() {
        let e = IpcError::from(banka_cases::Error::WrongPassphrase);
        assert_eq!(e.code, "wrong_passphrase");
        assert!(e.message_zh.contains("口令") && e.message_en.contains("passphrase"));
    }
}
