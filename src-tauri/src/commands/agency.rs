//! The agency from the window: its settings, the outbox's state and "send now", SMS codes. The
//! service (`banka_service::Agency`) runs the training agency and the background sender.

use banka_agency::api::{SmsSent, SmsVerified};
use banka_service::agency::Sending;
use banka_service::{Agency, AgencyChange, AgencySettings, OutboxState};
use tauri::State;

use crate::commands::cases::CaseStore;
use crate::IpcError;

#[tauri::command]
pub async fn agency_settings_get(
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<AgencySettings, IpcError> {
    agency.settings(&cases.unlocked().await?).await
}

/// Saves the agency settings (checked first) and restarts the sender with them.
#[tauri::command]
pub async fn agency_settings_set(
    change: AgencyChange,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<AgencySettings, IpcError> {
    agency.change(&cases.unlocked().await?, change, Sending::InBackground).await
}

/// "Send now" (立即发送): every waiting case is due at once and the sender is woken.
#[tauri::command]
pub async fn outbox_send_now(cases: State<'_, CaseStore>, agency: State<'_, Agency>) -> Result<OutboxState, IpcError> {
    agency.send_now(&cases.unlocked().await?).await
}

#[tauri::command]
pub async fn outbox_state(cases: State<'_, CaseStore>, agency: State<'_, Agency>) -> Result<OutboxState, IpcError> {
    agency.outbox_state(&cases.unlocked().await?).await
}

/// Sends a verification code to `mobile`; a training agency gives the code back to show.
#[tauri::command]
pub async fn agency_sms_send(mobile: String, agency: State<'_, Agency>) -> Result<SmsSent, IpcError> {
    agency.send_sms(&mobile).await
}

#[tauri::command]
pub async fn agency_sms_verify(
    mobile: String,
    code: String,
    agency: State<'_, Agency>,
) -> Result<SmsVerified, IpcError> {
    agency.verify_sms(&mobile, &code).await
}
