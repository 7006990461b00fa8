//! Settings that are not case data (language, elderly mode, the operator's name), kept by
//! tauri-plugin-store in `settings.json` in the data folder. Only these commands touch the file:
//! the webview gets no store-plugin permission.

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime};
use tauri_plugin_store::StoreExt;

use banka_service::Code;

use crate::IpcError;

const KEY: &str = "settings";
const MAX_OPERATOR_CHARS: usize = 40;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 简体中文.
    #[default]
    Zh,
    /// 繁體中文, keyed like `Localized`'s field.
    #[serde(rename = "zh-Hant")]
    ZhHant,
    En,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    /// 长者版: large text, large targets, one question per page.
    pub elderly: bool,
    /// The service-center operator using this machine; none for a resident at home. Every
    /// change is recorded in the audit trail under this name.
    pub operator: Option<String>,
}

fn file(app: &AppHandle<impl Runtime>) -> Result<std::sync::Arc<tauri_plugin_store::Store<impl Runtime>>, IpcError> {
    let path = banka_cases::default_data_dir().join("settings.json");
    app.store(path).map_err(|e| {
        IpcError::new(
            Code::Settings,
            "无法读取本机设置，请重试。",
            format!("The settings cannot be read ({e}). Try again."),
        )
    })
}

/// The saved settings; defaults for anything missing or unreadable.
pub fn current(app: &AppHandle<impl Runtime>) -> Settings {
    file(app).ok().and_then(|s| s.get(KEY)).and_then(|v| serde_json::from_value(v).ok()).unwrap_or_default()
}

#[tauri::command]
pub fn settings_get<R: Runtime>(app: AppHandle<R>) -> Settings {
    current(&app)
}

/// Saves the settings (written to disk before this returns).
#[tauri::command]
pub fn settings_set<R: Runtime>(app: AppHandle<R>, settings: Settings) -> Result<Settings, IpcError> {
    let operator = settings.operator.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    if operator.as_ref().is_some_and(|o| o.chars().count() > MAX_OPERATOR_CHARS) {
        return Err(IpcError {
            field: Some("operator".into()),
            ..IpcError::new(
                Code::Store(banka_cases::Code::BadValue),
                format!("经办人姓名：请不超过 {MAX_OPERATOR_CHARS} 个字。"),
                format!("Operator's name: keep it under {MAX_OPERATOR_CHARS} characters."),
            )
        });
    }
    let settings = Settings { operator, ..settings };
    let store = file(&app)?;
    store.set(KEY, serde_json::to_value(&settings).expect("settings serialize"));
    store.save().map_err(|e| {
        IpcError::new(
            Code::Settings,
            "设置未能保存，请重试。",
            format!("The settings could not be saved ({e}). Try again."),
        )
    })?;
    Ok(settings)
}
