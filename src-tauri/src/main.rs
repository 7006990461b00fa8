// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    banka_cases::harden::process();
    banka_app::prepare_webview_env();
    banka_app::run();
}
