//! Commands over the case store: unlocking it, the case list, new drafts and deletion. The store
//! is opened once per run with the passphrase and shared by every command (the store slot).

use banka_cases::{Actor, CaseSummary, Page, Passphrase, Query, Store};
use banka_service::agency::Sending;
use banka_service::Agency;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tokio::sync::RwLock;

use crate::commands::settings;
use crate::IpcError;

/// The data folder and, once unlocked, the store in it.
pub struct CaseStore {
    dir: std::path::PathBuf,
    store: RwLock<Option<Store>>,
}

impl CaseStore {
    pub fn new(dir: std::path::PathBuf) -> Self {
        CaseStore { dir, store: RwLock::new(None) }
    }

    pub(crate) async fn unlocked(&self) -> Result<Store, IpcError> {
        self.store.read().await.clone().ok_or_else(IpcError::locked)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum StoreState {
    /// No store yet: the first passphrase creates it.
    New,
    Locked,
    Unlocked,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StoreStatus {
    pub state: StoreState,
    /// Where the cases live (the settings page shows it).
    pub data_dir: String,
    /// The fewest characters a new passphrase may have (the rule is the store's; the UI says it).
    pub min_passphrase_chars: u32,
}

async fn status(cases: &CaseStore) -> StoreStatus {
    let state = if cases.store.read().await.is_some() {
        StoreState::Unlocked
    } else if Store::exists(&cases.dir) {
        StoreState::Locked
    } else {
        StoreState::New
    };
    StoreStatus {
        state,
        data_dir: cases.dir.display().to_string(),
        min_passphrase_chars: banka_cases::keys::MIN_PASSPHRASE_CHARS as u32,
    }
}

/// Who is acting: the operator named in the settings, else the resident.
pub(crate) fn actor(app: &AppHandle<impl Runtime>) -> Actor {
    settings::current(app).operator.map_or(Actor::Resident, Actor::Operator)
}

#[tauri::command]
pub async fn store_status(cases: State<'_, CaseStore>) -> Result<StoreStatus, IpcError> {
    Ok(status(&cases).await)
}

/// Opens the store with `passphrase`, or creates it with that passphrase the first time; the
/// outbox starts sending as soon as the cases can be read.
#[tauri::command]
pub async fn store_unlock(
    passphrase: String,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<StoreStatus, IpcError> {
    let passphrase = Passphrase::new(passphrase);
    let mut slot = cases.store.write().await;
    if slot.is_none() {
        let store = banka_service::store::unlock(&cases.dir, &passphrase).await?;
        agency.start(&store, Sending::InBackground).await?;
        *slot = Some(store);
    }
    drop(slot);
    Ok(status(&cases).await)
}

/// Changes the store's passphrase; errors name the field to fix (`current` or `new`).
#[tauri::command]
pub async fn store_change_passphrase(
    current: String,
    new: String,
    cases: State<'_, CaseStore>,
) -> Result<(), IpcError> {
    // Only an unlocked store: whoever changes it has already shown they may open it.
    cases.unlocked().await?;
    banka_service::store::change_passphrase(&cases.dir, Passphrase::new(current), Passphrase::new(new)).await
}

#[tauri::command]
pub async fn case_list(query: Query, cases: State<'_, CaseStore>) -> Result<Page, IpcError> {
    Ok(cases.unlocked().await?.search(&query).await?)
}

#[tauri::command]
pub async fn case_new<R: Runtime>(
    flow: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<CaseSummary, IpcError> {
    Ok(cases.unlocked().await?.new_case(&flow, &actor(&app)).await?)
}

/// Deletes a case and its personal data for good (the UI confirms first).
#[tauri::command]
pub async fn case_delete(id: String, cases: State<'_, CaseStore>, agency: State<'_, Agency>) -> Result<(), IpcError> {
    banka_service::case::delete(&cases.unlocked().await?, &agency, &id).await
}
