//! The window benchmark (`make bench-window`, release build, under Xvfb): how fast the real
//! window becomes usable and changes steps, and how much memory it takes with 10,000 cases,
//! next to a bare Tauri window measured the same way in the same run.
//!
//! Targets (issue 7): interactive ≤ 1 s after launch; each step change ≤ 100 ms; proportional
//! set size (PSS) of the app and its WebKit processes within 1.3× of the bare window's.
//! Prints the figures and exits non-zero when a target is missed.

#[path = "../tests/e2e/driver.rs"]
#[allow(dead_code)]
mod driver;

use std::path::Path;
use std::time::{Duration, Instant};

use banka_cases::{KdfParams, Passphrase, Store};
use driver::{click, fill, open_app_at, start_driver, wait_for, Driver};

const CASES: usize = 10_000;
const PASSPHRASE: &str = "bench passphrase 1";
const STEP_CHANGES: usize = 20;

/// The PSS (kB) of a process and each of its descendants (the WebKit web and network
/// processes), by process name.
fn pss_of_tree(root: u32) -> Vec<(String, u64)> {
    let mut found = Vec::new();
    let mut stack = vec![root];
    while let Some(pid) = stack.pop() {
        if let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) {
            let pss = rollup
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .unwrap_or(0);
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            found.push((name.trim().to_owned(), pss));
        }
        stack.extend(children(pid));
    }
    found
}

fn total(tree: &[(String, u64)]) -> u64 {
    tree.iter().map(|(_, pss)| pss).sum()
}

fn children(pid: u32) -> Vec<u32> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return Vec::new() };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|c| c.split_whitespace().filter_map(|p| p.parse().ok()).collect::<Vec<u32>>())
        .collect()
}

/// The pid of the running process whose executable is `exe`.
fn pid_of(exe: &Path) -> u32 {
    let exe = exe.canonicalize().expect("the binary exists");
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .find(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe))
        .unwrap_or_else(|| panic!("{} is running", exe.display()))
}

/// PSS (kB) after the window has settled: the median of five readings a second apart, with
/// that reading's processes.
async fn settled_pss(exe: &Path) -> (u64, Vec<(String, u64)>) {
    tokio::time::sleep(Duration::from_secs(3)).await;
    let pid = pid_of(exe);
    let mut readings = Vec::new();
    for _ in 0..5 {
        readings.push(pss_of_tree(pid));
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    readings.sort_by_key(|r| total(r));
    let median = readings.swap_remove(2);
    (total(&median), median)
}

fn breakdown(tree: &[(String, u64)]) -> String {
    tree.iter().map(|(name, pss)| format!("{name} {} MB", pss / 1024)).collect::<Vec<_>>().join(", ")
}

async fn seed(driver: &Driver) {
    let dir = driver.profile.join("data/org.banka.desktop");
    let store = Store::create(&dir, &Passphrase::new(PASSPHRASE), KdfParams::default()).await.expect("store");
    banka_cases::testing::seed_cases(&store, CASES, 7).await.expect("seeded");
}

/// One step change as the person sees it: from the click to the new heading in the page.
const STEP_CHANGE: &str = "const done = arguments[arguments.length - 1];
    const before = document.getElementById('wizard-heading').textContent;
    const t0 = performance.now();
    document.getElementById(arguments[0]).click();
    const check = () => {
        const h = document.getElementById('wizard-heading');
        if (h && h.textContent !== before) done(performance.now() - t0); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);";

#[tokio::main]
async fn main() {
    let app = Path::new(env!("CARGO_BIN_EXE_banka-app"));
    let bare = app.with_file_name("examples").join("bare_window");
    assert!(
        bare.exists(),
        "build the bare window first: cargo build --release --features custom-protocol --example bare_window"
    );

    // The bare window, measured the same way.
    let driver = start_driver();
    let client = open_app_at(&driver, &bare).await;
    let (bare_pss, bare_tree) = settled_pss(&bare).await;
    client.close().await.unwrap();
    drop(driver);

    // Banka with 10,000 cases.
    let driver = start_driver();
    seed(&driver).await;
    let launched = Instant::now();
    let client = open_app_at(&driver, app).await;
    wait_for(&client, "#unlock-passphrase").await;
    let interactive = launched.elapsed();
    fill(&client, "#unlock-passphrase", PASSPHRASE).await;
    click(&client, "#unlock-submit").await;
    wait_for(&client, "#case-table tbody tr[data-case-id]").await;
    let (app_pss, app_tree) = settled_pss(app).await;

    // Step changes in a new application: Continue and Back over answered steps.
    click(&client, "#new-case").await;
    click(&client, "input[name='new-flow'][value='bj-individual']").await;
    click(&client, "#new-case-start").await;
    click(&client, "#f-notice-agreed").await;
    wait_for(&client, "#save-status[data-state='saved']").await;
    let mut changes = Vec::new();
    for i in 0..STEP_CHANGES {
        let button = if i % 2 == 0 { "wizard-continue" } else { "wizard-back" };
        let ms = client.execute_async(STEP_CHANGE, vec![button.into()]).await.unwrap();
        changes.push(ms.as_f64().unwrap());
    }
    client.close().await.unwrap();
    // Now, not at the end: a missed target exits the process, which runs no destructors, and
    // dropping the driver stops tauri-driver and WebKitWebDriver (left running, they hold the terminal).
    drop(driver);
    changes.sort_by(f64::total_cmp);
    let median = changes[changes.len() / 2];
    let worst = changes[changes.len() - 1];

    let ratio = app_pss as f64 / bare_pss as f64;
    let results = [
        (
            "window interactive after launch",
            format!("{} ms", interactive.as_millis()),
            interactive <= Duration::from_secs(1),
        ),
        ("step change, median", format!("{median:.0} ms"), median <= 100.0),
        ("step change, worst of 20", format!("{worst:.0} ms"), worst <= 100.0),
        ("PSS, bare Tauri window", format!("{} MB", bare_pss / 1024), true),
        ("PSS, Banka with 10,000 cases", format!("{} MB ({ratio:.2}× the bare window)", app_pss / 1024), ratio <= 1.3),
    ];
    let mut missed = false;
    for (what, figure, ok) in &results {
        println!("{:<34} {:<36} {}", what, figure, if *ok { "ok" } else { "MISSED" });
        missed |= !ok;
    }
    println!("  bare window: {}", breakdown(&bare_tree));
    println!("  Banka:       {}", breakdown(&app_tree));
    if missed {
        std::process::exit(1);
    }
}
