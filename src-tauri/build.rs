// App commands are declared here so tauri-build generates an `allow-<command>` permission for
// each; a command no capability grants is refused, so the webview gets only what it uses.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(include!("src/commands/names.rs"))),
    )
    .expect("tauri-build failed");
}
