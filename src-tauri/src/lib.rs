//! Banka's Tauri shell: a thin adapter that exposes the core crates to the webview. Commands
//! parse arguments, call the core and map errors; every rule lives in the Tauri-free crates.

mod commands;
mod error;

pub use error::IpcError;

/// The commands the webview may call; build.rs declares the same list to the ACL.
pub const COMMANDS: &[&str] = include!("commands/names.rs");

/// Everything but the context: shared by `run` and the tests, which use tauri's mock runtime.
pub fn build<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![commands::rules::validate_value])
}

pub fn run() {
    build(tauri::Builder::default()).run(tauri::generate_context!()).expect("error while running Banka");
}
