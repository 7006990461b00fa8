//! Banka's Tauri shell: a thin adapter that exposes the core crates to the webview. Commands
//! parse arguments, call the core and map errors; every rule lives in the Tauri-free crates.

mod commands;
mod webview_env;

/// The one error that crosses IPC (`banka_service::Error`).
pub use banka_service::Error as IpcError;
pub use banka_service::{AgencyChange, AgencyEvent, AgencySettings, CaseView, OutboxState, SenderState, Upload};
pub use commands::bundles::{Exported, EXPORT_TITLE, IMPORT_TITLE};
pub use commands::cases::{StoreState, StoreStatus};
pub use commands::documents::PICK_TITLE;
pub use commands::flows::FlowTitle;
pub use commands::pickers::RegionChoices;
pub use commands::settings::{Lang, Settings};
pub use commands::wizard::CodeItem;

/// The commands the webview may call; build.rs declares the same list to the ACL.
pub const COMMANDS: &[&str] = include!("commands/names.rs");

/// Everything but the context: shared by `run` and the tests, which use tauri's mock runtime.
pub fn build<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    use commands::{agency, bundles, cases, documents, events, flows, pickers, rules, settings, wizard};
    builder
        .plugin(tauri_plugin_store::Builder::new().build())
        .manage(cases::CaseStore::new(banka_cases::default_data_dir()))
        .manage(banka_service::Agency::default())
        .manage(events::Watcher::default())
        .invoke_handler(tauri::generate_handler![
            rules::validate_value,
            flows::flow_list,
            settings::settings_get,
            settings::settings_set,
            cases::store_status,
            cases::store_unlock,
            cases::store_change_passphrase,
            cases::case_list,
            cases::case_new,
            cases::case_delete,
            bundles::cases_export,
            bundles::cases_import,
            wizard::case_open,
            wizard::case_answer,
            wizard::case_ask_agency,
            wizard::case_submit,
            wizard::case_reopen,
            wizard::case_follow,
            wizard::case_continue,
            wizard::case_agency_photo,
            wizard::code_list,
            pickers::region_choices,
            pickers::bank_branches,
            documents::document_add,
            documents::document_pick,
            documents::document_fix,
            documents::document_remove,
            documents::document_accept,
            documents::document_preview,
            documents::document_default_child_photo,
            agency::agency_settings_get,
            agency::agency_settings_set,
            agency::outbox_state,
            agency::outbox_send_now,
            agency::agency_sms_send,
            agency::agency_sms_verify,
            events::events_watch,
        ])
}

/// Before anything starts: the environment the WebKit processes inherit (see `webview_env`).
pub fn prepare_webview_env() {
    webview_env::prepare(&banka_cases::default_data_dir());
}

pub fn run() {
    build(tauri::Builder::default()).run(tauri::generate_context!()).expect("error while running Banka");
}
