//! A bare Tauri window (the same runtime, window size and WebKit, an empty page): what the
//! window benchmark compares Banka's memory with (`make bench-window`).

fn main() {
    let mut context = tauri::generate_context!();
    for window in &mut context.config_mut().app.windows {
        window.url = tauri::WebviewUrl::External("about:blank".parse().expect("a URL"));
    }
    tauri::Builder::default().run(context).expect("the bare window runs");
}
