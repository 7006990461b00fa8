//! The one error type that crosses IPC: `{code, message, field?}`. It never carries paths or
//! personal data, only a stable code and a message fit to show.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_pinned() {
        let e = IpcError { code: "bad_kind", message: "unknown kind".into(), field: None };
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"code": "bad_kind", "message": "unknown kind"})
        );
        let e = IpcError { field: Some("applicant.id_number".into()), ..e };
        assert_eq!(serde_json::to_value(&e).unwrap()["field"], "applicant.id_number");
    }
}
