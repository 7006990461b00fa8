//! Commands over `banka-rules`: checking a value the user is typing.

use banka_rules::{validate, Context, ValidationReport, ValueKind};

use banka_service::Code;

use crate::IpcError;

/// Checks `value` as a `kind` (e.g. `id-number`) on today's local date.
#[tauri::command]
pub fn validate_value(kind: &str, value: &str, beijing_address: Option<bool>) -> Result<ValidationReport, IpcError> {
    let kind = ValueKind::from_name(kind).ok_or_else(|| {
        IpcError::new(Code::UnknownKind, format!("未知的号码类型：{kind}"), format!("unknown kind of value: {kind}"))
    })?;
    let ctx = Context { today: chrono::Local::now().date_naive(), beijing_address: beijing_address.unwrap_or(false) };
    Ok(validate(kind, value, &ctx))
}
