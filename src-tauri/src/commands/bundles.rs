//! Moving cases between machines from the window: the file is chosen in the system's dialog
//! (rfd); the bundle's passphrase is typed in the window and never kept. `banka_service::bundles`
//! does the rest.

use banka_cases::{ImportReport, Passphrase};
use banka_service::bundles::{self, EXTENSION};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::commands::cases::{actor, CaseStore};
use crate::IpcError;

/// The system dialogs' titles say what the file is for (in both languages: the dialog is the
/// system's, drawn before the page's language could reach it).
pub const EXPORT_TITLE: &str = "导出案件包 Export cases";
pub const IMPORT_TITLE: &str = "导入案件包 Import cases";

/// What an export wrote.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Exported {
    pub count: u32,
    pub file_name: String,
}

/// Seals the cases `ids` into a bundle where the person chooses (`None`: they cancelled).
#[tauri::command]
pub async fn cases_export<R: Runtime>(
    ids: Vec<String>,
    passphrase: String,
    window: tauri::Window<R>,
    cases: State<'_, CaseStore>,
) -> Result<Option<Exported>, IpcError> {
    let passphrase = Passphrase::new(passphrase);
    // Refused before the dialog, so a weak passphrase does not cost a trip to the file system.
    bundles::check_passphrase(&passphrase)?;
    let store = cases.unlocked().await?;
    let default_name = format!("banka-{}.{EXTENSION}", chrono::Local::now().format("%Y%m%d-%H%M"));
    let Some(file) = rfd::AsyncFileDialog::new()
        .set_parent(&window)
        .set_title(EXPORT_TITLE)
        .set_file_name(default_name)
        .add_filter("Banka", &[EXTENSION])
        .save_file()
        .await
    else {
        return Ok(None);
    };
    let path = file.path().to_path_buf();
    bundles::export(&store, &ids, &path, &passphrase).await?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Some(Exported { count: u32::try_from(ids.len()).unwrap_or(u32::MAX), file_name }))
}

/// Imports a bundle the person chooses (`None`: they cancelled); checks everything first.
#[tauri::command]
pub async fn cases_import<R: Runtime>(
    passphrase: String,
    window: tauri::Window<R>,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<Option<ImportReport>, IpcError> {
    let store = cases.unlocked().await?;
    let Some(file) = rfd::AsyncFileDialog::new()
        .set_parent(&window)
        .set_title(IMPORT_TITLE)
        .add_filter("Banka", &[EXTENSION])
        .pick_file()
        .await
    else {
        return Ok(None);
    };
    let report = bundles::import(&store, file.path(), &Passphrase::new(passphrase), &actor(&app)).await?;
    Ok(Some(report))
}
