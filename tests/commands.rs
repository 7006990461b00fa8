//! The app's commands through tauri's mock runtime with the real context, so the ACL from
//! src-tauri/capabilities is enforced exactly as in the shipped app.

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

fn app() -> tauri::App<MockRuntime> {
    banka_app::build(mock_builder()).build(tauri::generate_context!()).expect("the app builds")
}

fn window(app: &tauri::App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    app.get_webview_window(label)
        .unwrap_or_else(|| WebviewWindowBuilder::new(app, label, Default::default()).build().expect("window"))
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: window.url().expect("the window has a URL"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize().expect("JSON response"))
}

#[test]
fn main_window_checks_an_id_number() {
    let app = app();
    let main = window(&app, "main");
    let report = invoke(&main, "validate_value", json!({"kind": "id-number", "value": "11010519491231002x"}))
        .expect("the main window may call validate_value");
    assert_eq!(report["valid"], true);
    assert_eq!(report["normalized"], "11010519491231002X");
    assert_eq!(report["region"], "北京市朝阳区");
    assert_eq!(report["gender"], "female");
}

#[test]
fn beijing_address_flag_reaches_the_rules() {
    let app = app();
    let main = window(&app, "main");
    let args = json!({"kind": "postal-code", "value": "200000", "beijingAddress": true});
    let report = invoke(&main, "validate_value", args).unwrap();
    assert_eq!(report["warnings"][0]["code"], "postal_code_not_beijing");
}

#[test]
fn unknown_kind_is_an_ipc_error_with_a_code() {
    let app = app();
    let main = window(&app, "main");
    let err = invoke(&main, "validate_value", json!({"kind": "passport", "value": "E1"})).unwrap_err();
    assert_eq!(err["code"], "unknown_kind");
    assert!(err["message"].as_str().unwrap().contains("passport"));
}

#[test]
fn other_windows_are_refused() {
    let app = app();
    let other = window(&app, "other");
    let err = invoke(&other, "validate_value", json!({"kind": "mobile", "value": "13800138000"}));
    assert!(err.is_err(), "a window no capability names must not reach app commands: {err:?}");
}

#[test]
fn every_declared_command_is_registered() {
    let app = app();
    let main = window(&app, "main");
    for cmd in banka_app::COMMANDS {
        // Wrong arguments reach the handler (an argument error); an unregistered command would not.
        let err = invoke(&main, cmd, json!({})).unwrap_err().to_string();
        assert!(!err.contains("not found"), "{cmd}: {err}");
    }
}

#[test]
fn plugins_and_core_apis_are_not_granted() {
    let app = app();
    let main = window(&app, "main");
    for cmd in ["plugin:fs|read_file", "plugin:shell|execute", "plugin:webview|internal_toggle_devtools"] {
        assert!(invoke(&main, cmd, json!({})).is_err(), "{cmd} must be refused");
    }
}
