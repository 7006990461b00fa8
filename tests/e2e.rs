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

async fn wait_for(client: &Client, selector: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(selector))
        .await
        .unwrap_or_else(|_| panic!("{selector} never shown"))
}

async fn click(client: &Client, selector: &str) {
    wait_for(client, selector).await.click().await.unwrap_or_else(|e| panic!("click {selector}: {e}"));
}

async fn fill(client: &Client, selector: &str, value: &str) {
    let input = wait_for(client, selector).await;
    input.clear().await.unwrap();
    input.send_keys(value).await.unwrap();
}

/// How many cases the list shows.
async fn rows(client: &Client) -> usize {
    client.find_all(Locator::Css("#case-table tbody tr[data-case-id]")).await.unwrap().len()
}

async fn text(client: &Client, selector: &str) -> String {
    client.find(Locator::Css(selector)).await.unwrap_or_else(|_| panic!("{selector} shown")).text().await.unwrap()
}

#[tokio::test]
async fn id_number_check_in_the_real_window() {
    let driver = start_driver();
    let client = open_app(&driver).await;
    // The number check needs no unlocked data: it is one click from the start screen.
    click(&client, "#nav-check").await;
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

#[tokio::test]
async fn cases_in_the_real_window_survive_a_restart_and_stay_locked_without_the_passphrase() {
    const PASSPHRASE: &str = "center machine 7";
    let driver = start_driver();
    let client = open_app(&driver).await;

    // First start: the store is created with a passphrase typed twice.
    wait_for(&client, "#unlock-confirm").await;
    screenshot(&client, "10-set-passphrase").await;
    fill(&client, "#unlock-passphrase", PASSPHRASE).await;
    fill(&client, "#unlock-confirm", "center machine 8").await;
    click(&client, "#unlock-submit").await;
    // The error summary links to the field to fix, and the field says what is wrong.
    wait_for(&client, "#error-summary a[href='#unlock-confirm']").await;
    let confirm = client.find(Locator::Css("#unlock-confirm")).await.unwrap();
    assert_eq!(confirm.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    screenshot(&client, "11-passphrases-differ").await;
    fill(&client, "#unlock-confirm", PASSPHRASE).await;
    click(&client, "#unlock-submit").await;
    wait_for(&client, "#case-search").await;
    screenshot(&client, "12-empty-case-list").await;

    // A new draft opens in the wizard. Continue without an answer: the error summary links to
    // the field and the field says what is wrong. Each answer is saved as it is given.
    click(&client, "#new-case").await;
    click(&client, "input[name='new-flow'][value='bj-individual']").await;
    click(&client, "#new-case-start").await;
    wait_for(&client, "#wizard-continue").await;
    screenshot(&client, "20-wizard-first-step").await;
    click(&client, "#wizard-continue").await;
    wait_for(&client, "#error-summary a[href='#f-notice-agreed']").await;
    let notice = client.find(Locator::Css("#f-notice-agreed")).await.unwrap();
    assert_eq!(notice.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    screenshot(&client, "21-wizard-error-summary").await;
    notice.click().await.unwrap();
    wait_for(&client, "#save-status[data-state='saved']").await;
    click(&client, "#wizard-continue").await;
    fill(&client, "#f-applicant-name", "Wang Xiaoming").await;
    wait_for(&client, "#save-status[data-state='saved']").await;
    screenshot(&client, "22-wizard-saved").await;
    click(&client, "#back-to-list").await;
    wait_for(&client, "#case-table").await;

    // A second draft: both are listed, newest first.
    click(&client, "#new-case").await;
    click(&client, "input[name='new-flow'][value='bj-retiree']").await;
    click(&client, "#new-case-start").await;
    wait_for(&client, "#back-to-list").await;
    click(&client, "#back-to-list").await;
    client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css("#case-table")).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while rows(&client).await < 2 {
        assert!(Instant::now() < deadline, "two drafts listed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(&client, "13-two-drafts").await;

    // Deleting asks first; cancelling keeps the case.
    client
        .find(Locator::Css("#case-table tbody tr[data-case-id] button.delete-case"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "#confirm-delete").await;
    screenshot(&client, "14-confirm-delete").await;
    click(&client, "#cancel-delete").await;
    assert_eq!(rows(&client).await, 2);
    client
        .find(Locator::Css("#case-table tbody tr[data-case-id] button.delete-case"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click(&client, "#confirm-delete").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while rows(&client).await != 1 {
        assert!(Instant::now() < deadline, "one case left after deleting");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // English is a setting that outlives the window.
    click(&client, "#lang-toggle").await;
    client.wait().for_element(Locator::XPath("//h1[contains(., 'Applications')]")).await.expect("the list in English");
    screenshot(&client, "15-one-case-english").await;
    client.close().await.unwrap();

    // Restart: locked until the passphrase is given; the wrong one is refused.
    let client = open_app(&driver).await;
    wait_for(&client, "#unlock-passphrase").await;
    assert!(client.find(Locator::Css("#unlock-confirm")).await.is_err(), "unlocking asks once");
    client.wait().for_element(Locator::XPath("//h1[contains(., 'passphrase')]")).await.expect("still in English");
    fill(&client, "#unlock-passphrase", "not the passphrase").await;
    click(&client, "#unlock-submit").await;
    let summary = wait_for(&client, "#error-summary").await.text().await.unwrap();
    assert!(summary.contains("passphrase is wrong"), "{summary}");
    screenshot(&client, "16-wrong-passphrase").await;
    fill(&client, "#unlock-passphrase", PASSPHRASE).await;
    click(&client, "#unlock-submit").await;
    wait_for(&client, "#case-table").await;
    assert_eq!(rows(&client).await, 1, "the remaining draft is still there");
    screenshot(&client, "17-unlocked-again").await;
    // The draft kept its answers across the restart.
    click(&client, "#case-table tbody tr[data-case-id] button.open-case").await;
    let name = wait_for(&client, "#f-applicant-name").await;
    assert_eq!(name.prop("value").await.unwrap().as_deref(), Some("Wang Xiaoming"));
    screenshot(&client, "18-draft-after-restart").await;
    client.close().await.unwrap();
}
