// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // The page is a small form: JavaScriptCore's JIT costs more memory than it saves time, and
    // without it the web process has no writable-executable memory (less to attack). The web
    // process inherits this before it starts.
    std::env::set_var("JSC_useJIT", "0");
    banka_app::run();
}
