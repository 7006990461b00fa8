//! The app under tauri-driver: starting it with a fresh profile, and what a person does in the
//! window (click, type, wait, look), as the end-to-end tests use it.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// tauri-driver for the length of a test; killed with its process group (its WebKitWebDriver
/// too, which would otherwise outlive it) on drop, and its profile (the app's data and the
/// webview's storage) removed.
pub struct Driver {
    child: Child,
    port: u16,
    pub profile: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A port nothing listens on now, so a leftover driver from another run cannot get in the way.
pub fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0)).and_then(|l| l.local_addr()).expect("a free local port").port()
}

pub fn start_driver() -> Driver {
    let (port, native_port) = (free_port(), free_port());
    // A fresh profile: settings saved by an earlier run (language, elderly mode) must not leak in.
    let profile = std::env::temp_dir().join(format!("banka-e2e-{}-{port}", std::process::id()));
    let child = Command::new("tauri-driver")
        .args(["--port", &port.to_string(), "--native-port", &native_port.to_string(), "--native-host", "127.0.0.1"])
        .env("XDG_DATA_HOME", profile.join("data"))
        .env("XDG_CONFIG_HOME", profile.join("config"))
        .env("XDG_CACHE_HOME", profile.join("cache"))
        .stdout(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("tauri-driver on PATH (cargo install tauri-driver --locked)");
    let driver = Driver { child, port, profile };
    // tauri-driver listens before the WebKitWebDriver it starts does, and a session asked for in
    // between is dropped mid-answer (tauri-apps/tauri#3576, #15935): wait for both.
    let deadline = Instant::now() + Duration::from_secs(30);
    for (who, port) in [("tauri-driver", port), ("WebKitWebDriver", native_port)] {
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "{who} did not listen on port {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    driver
}

pub async fn open_app(driver: &Driver) -> Client {
    open_app_at(driver, std::path::Path::new(env!("CARGO_BIN_EXE_banka-app"))).await
}

/// Launches `application` (a Tauri app) and opens a WebDriver session with its window.
pub async fn open_app_at(driver: &Driver, application: &std::path::Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("tauri:options".into(), serde_json::json!({ "application": application }));
    ClientBuilder::rustls()
        .expect("TLS roots")
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session with the app")
}

/// A picture of the display, as a person would see the window. (WebKitWebDriver's own
/// screenshot command never answers under Xvfb here, so ImageMagick reads the X server.)
pub async fn screenshot(client: &Client, name: &str) {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots").join(format!("{name}.png"));
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    // Show the result (below the fold in a small window), then let the change paint.
    client.execute("document.querySelector('#result')?.scrollIntoView({block: 'center'})", vec![]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let status =
        Command::new("import").args(["-window", "root"]).arg(&file).status().expect("ImageMagick's import on PATH");
    assert!(status.success(), "screenshot {name} failed");
}

/// Replaces the input's text and waits until the app has shown the result for exactly it.
pub async fn type_value(client: &Client, value: &str) -> fantoccini::elements::Element {
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

pub async fn wait_for(client: &Client, selector: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{selector} never shown"))
}

pub async fn click(client: &Client, selector: &str) {
    wait_for(client, selector).await.click().await.unwrap_or_else(|e| panic!("click {selector}: {e}"));
}

/// Clicks `selector` until `shown` is on the page: for a control the page may draw again just
/// as it is clicked (the click then lands on the old copy and does nothing).
pub async fn click_until(client: &Client, selector: &str, shown: &str) {
    for _ in 0..5 {
        let _ = wait_for(client, selector).await.click().await;
        if client.wait().at_most(Duration::from_secs(5)).for_element(Locator::Css(shown)).await.is_ok() {
            return;
        }
    }
    panic!("{shown} never shown after clicking {selector}");
}

pub async fn fill(client: &Client, selector: &str, value: &str) {
    let input = wait_for(client, selector).await;
    input.clear().await.unwrap();
    input.send_keys(value).await.unwrap();
}

/// How many cases the list shows.
pub async fn rows(client: &Client) -> usize {
    client.find_all(Locator::Css("#case-table tbody tr[data-case-id]")).await.unwrap().len()
}

pub async fn text(client: &Client, selector: &str) -> String {
    client.find(Locator::Css(selector)).await.unwrap_or_else(|_| panic!("{selector} shown")).text().await.unwrap()
}
