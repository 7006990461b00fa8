//! Commands the wizard uses, each an adapter over `banka_service::case`: a case with its
//! evaluation, autosave, the agency's answers and photos for the case, submit, reopen, follow
//! the agency to the next flow and back; and the code lists its pickers offer.

use banka_cases::CaseSummary;
use banka_service::{case, Agency, CaseView};
use serde::Serialize;
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};

use crate::commands::cases::{actor, CaseStore};
use crate::IpcError;

#[tauri::command]
pub async fn case_open(id: String, cases: State<'_, CaseStore>) -> Result<CaseView, IpcError> {
    case::open(&cases.unlocked().await?, &id).await
}

/// Autosaves one answer (`null` clears it); the answer is on disk before this returns.
#[tauri::command]
pub async fn case_answer<R: Runtime>(
    id: String,
    path: String,
    value: Option<Value>,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<CaseView, IpcError> {
    case::answer(&cases.unlocked().await?, &id, &path, value, &actor(&app)).await
}

#[tauri::command]
pub async fn case_ask_agency(
    id: String,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<CaseView, IpcError> {
    let store = cases.unlocked().await?;
    case::ask(&store, &agency.client().await?, &id).await
}

/// The agency's photo for the answer at `path`, as raw bytes (kept in memory only).
#[tauri::command]
pub async fn case_agency_photo(
    id: String,
    path: String,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<tauri::ipc::Response, IpcError> {
    let store = cases.unlocked().await?;
    let bytes = case::agency_photo(&store, &agency.client().await?, &id, &path).await?;
    Ok(tauri::ipc::Response::new(bytes))
}

#[tauri::command]
pub async fn case_submit<R: Runtime>(
    id: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<CaseSummary, IpcError> {
    case::submit(&cases.unlocked().await?, &agency, &id, &actor(&app)).await
}

#[tauri::command]
pub async fn case_reopen<R: Runtime>(
    id: String,
    reason: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<CaseView, IpcError> {
    case::reopen(&cases.unlocked().await?, &id, &actor(&app), &reason).await
}

#[tauri::command]
pub async fn case_follow<R: Runtime>(
    id: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<CaseView, IpcError> {
    case::follow(&cases.unlocked().await?, &agency, &id, &actor(&app)).await
}

#[tauri::command]
pub async fn case_continue<R: Runtime>(
    id: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<CaseView, IpcError> {
    case::continue_after(&cases.unlocked().await?, &agency, &id, &actor(&app)).await
}

/// One entry of a code list (ethnic groups, occupations, districts, cities) for a picker.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CodeItem {
    pub code: String,
    /// Its name, in every language (flat, so the item itself is the words to pick from).
    #[serde(flatten)]
    pub name: banka_rules::Localized,
}

#[tauri::command]
pub fn code_list(list: banka_flows::definition::CodeList) -> Vec<CodeItem> {
    banka_flows::engine::code_list(list)
        .iter()
        .map(|c| CodeItem { code: c.code.into(), name: banka_rules::Localized::new(c.zh, c.en) })
        .collect()
}
