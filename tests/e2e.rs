//! End to end: the real app (built with `custom-protocol`, assets embedded) in a real window,
//! driven through tauri-driver + WebKitWebDriver. Needs a display (xvfb-run) and tauri-driver
//! on PATH, so it is compiled only with the `custom-protocol` feature (without it the window
//! would load the dev server): `make e2e`, part of `make test`. Screenshots go to tests/screenshots/.

#![cfg(feature = "custom-protocol")]

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// tauri-driver for the length of a test; killed (with its WebKitWebDriver) on drop, and its
/// profile (the app's data and the webview's storage) removed.
struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A port nothing listens on now, so a leftover driver from another run cannot get in the way.
fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()).expect("a free local port").port()
}

fn start_driver() -> Driver {
    let (port, native_port) = (free_port(), free_port());
    // A fresh profile: settings saved by an earlier run (language, elderly mode) must not leak in.
    let profile = std::env::temp_dir().join(format!("banka-e2e-{}-{port}", std::process::id()));
    let child = Command::new("tauri-driver")
        .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
        .env("XDG_DATA_HOME", profile.join("data"))
        .env("XDG_CONFIG_HOME", profile.join("config"))
        .env("XDG_CACHE_HOME", profile.join("cache"))
        .stdout(Stdio::null())
        .spawn()
        .expect("tauri-driver on PATH (cargo install tauri-driver --locked)");
    let driver = Driver { child, port, profile };
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tauri-driver did not listen on port {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
    driver
}

async fn open_app(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("tauri:options".into(), serde_json::json!({ "application": env!("CARGO_BIN_EXE_banka-app") }));
    ClientBuilder::rustls()
        .expect("TLS roots")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session with the app")
}

/// A picture of the display, as a person would see the window. (WebKitWebDriver's own
/// screenshot command never answers under Xvfb here, so ImageMagick reads the X server.)
async fn screenshot(client: &Client, name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    // Show the result (below the fold in a small window), then let the change paint.
    client.execute("document.querySelector('#result')?.scrollIntoView({block: 'center'})", vec![]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(dir.join(format!("{name}.png")))
        .status()
        .expect("ImageMagick's import on PATH");
    assert!(status.success(), "screenshot {name} failed");
}

/// Replaces the input's text and waits until the app has shown the result for exactly it.
async fn type_value(client: &Client, value: &str) -> fantoccini::elements::Element {
    let input = client.find(Locator::Css("#value-input")).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(value).await.unwrap();
    let selector = format!("#result[data-checked-value=\"{value}\"]");
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(&selector))
        .await
        .unwrap_or_else(|_| panic!("no result shown for {value}"))
}

async fn text(client: &Client, selector: &str) -> String {
    client.find(Locator::Css(selector)).await.unwrap_or_else(|_| panic!("{selector} shown")).text().await.unwrap()
}

#[tokio::test]
async fn id_number_check_in_the_real_window() {
    let driver = start_driver();
    let client = open_app(&driver).await;
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#value-input"))
        .await
        .expect("the number check is on screen");
    screenshot(&client, "01-start").await;

    // The ISO/GB 11643 example, typed the way people do: lower-case x.
    let result = type_value(&client, "11010519491231002x").await;
    assert_eq!(result.attr("data-valid").await.unwrap().as_deref(), Some("true"));
    assert_eq!(text(&client, "#result-normalized").await, "11010519491231002X");
    assert!(text(&client, "#result-birth-date").await.contains("1949年12月31日"));
    assert!(text(&client, "#result-gender").await.contains('女'));
    assert!(text(&client, "#result-region").await.contains("北京市朝阳区"));
    screenshot(&client, "02-valid-id").await;

    // One digit off: the check character no longer matches.
    let result = type_value(&client, "110105194912310021").await;
    assert_eq!(result.attr("data-valid").await.unwrap().as_deref(), Some("false"));
    assert!(text(&client, "#result-errors").await.contains("校验码"));
    let input = client.find(Locator::Css("#value-input")).await.unwrap();
    assert_eq!(input.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    screenshot(&client, "03-invalid-id").await;

    // English, without losing what was typed.
    client.find(Locator::Css("#lang-toggle")).await.unwrap().click().await.unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//*[@id='result-errors'][contains(., 'check character')]"))
        .await
        .expect("the error in English");
    assert_eq!(input.prop("value").await.unwrap().as_deref(), Some("110105194912310021"));
    screenshot(&client, "04-english").await;

    // Elderly mode: large text, large targets.
    client.find(Locator::Css("#elderly-toggle")).await.unwrap().click().await.unwrap();
    let size: f64 = client
        .execute("return parseFloat(getComputedStyle(document.body).fontSize)", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(size >= 24.0, "elderly body text is at least 18pt (24px), got {size}px");
    screenshot(&client, "05-elderly").await;

    client.close().await.unwrap();
}
