//! Commands over `banka-cases`: unlocking the encrypted store, the case list, new drafts and
//! deletion. The store is opened once per run with the passphrase and shared by every command.

use banka_cases::{Actor, CaseSummary, Page, Passphrase, Query, Store};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tokio::sync::RwLock;

use crate::commands::agency::Agency;
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

/// Opens the store with `passphrase`, or creates it with that passphrase the first time.
#[tauri::command]
pub async fn store_unlock(
    passphrase: String,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<StoreStatus, IpcError> {
    let passphrase = Passphrase::new(passphrase);
    let mut slot = cases.store.write().await;
    if slot.is_none() {
        let store = if Store::exists(&cases.dir) {
            Store::open(&cases.dir, &passphrase).await?
        } else {
            Store::create(&cases.dir, &passphrase, Default::default()).await?
        };
        // The outbox starts sending as soon as the cases can be read.
        agency.start(&store).await?;
        *slot = Some(store);
    }
    drop(slot);
    Ok(status(&cases).await)
}

/// Changes the store's passphrase: the database key is rewrapped, nothing else is rewritten.
/// Errors name the field to fix (`current` for a wrong passphrase, `new` for a weak one).
#[tauri::command]
pub async fn store_change_passphrase(
    current: String,
    new: String,
    cases: State<'_, CaseStore>,
) -> Result<(), IpcError> {
    // Only an unlocked store: whoever changes it has already shown they may open it.
    cases.unlocked().await?;
    let (current, new) = (Passphrase::new(current), Passphrase::new(new));
    let dir = cases.dir.clone();
    let changed =
        tauri::async_runtime::spawn_blocking(move || banka_cases::keys::change_passphrase(&dir, &current, &new))
            .await
            .map_err(|_| IpcError::new("internal", "更改口令失败。", "The passphrase could not be changed."))?;
    changed.map_err(|e| {
        let field = match e {
            banka_cases::Error::WrongPassphrase => Some("current"),
            banka_cases::Error::WeakPassphrase | banka_cases::Error::LongPassphrase => Some("new"),
            _ => None,
        };
        IpcError { field: field.map(Into::into), ..e.into() }
    })
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
pub async fn case_delete(
    id: String,
    cases: State<'_, CaseStore>,
    agency: State<'_, crate::commands::agency::Agency>,
) -> Result<(), IpcError> {
    cases.unlocked().await?.delete_case(&id).await?;
    agency.forget_case(&id).await
}
