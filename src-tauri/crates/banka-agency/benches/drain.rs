//! The tester's bad day, as a drain time: 60 queued cases (three documents each) through an
//! agency that fails 15% of requests (500), throttles 10% (429) and stalls 10%, with the sender
//! killed 8 times along the way and started again at once. Issue 17's target: drained within 5
//! minutes of the agency being reachable. Checked on the way: each case reaches the agency once,
//! with its documents byte for byte. A bench script (it runs for minutes), not a timed test:
//! `cargo bench -p banka-agency --bench drain`; `cargo test --benches` runs 6 cases, no kills.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use banka_agency::sender::{self, Sender};
use banka_agency::server::Faults;
use common::*;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (cases, kills) = if full { (60, 8) } else { (6, 0) };
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let (drained, slowest_attempts) = runtime.block_on(run(cases, kills));
    println!(
        "drain: {cases} cases, 15% 500 / 10% 429 / 10% stalled 3 s, {kills} sender kills: drained in {:.0} s (target 300 s, ratio {:.2}); most attempts for one case {slowest_attempts}",
        drained.as_secs_f64(),
        drained.as_secs_f64() / 300.0
    );
}

async fn run(cases: u32, kills: u32) -> (Duration, u32) {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let faults =
        Faults { seed: 17, error_rate: 0.15, throttle_rate: 0.10, slow_rate: 0.10, slow: Duration::from_secs(3) };
    let server = server(agency_dir.path(), faults, Duration::from_secs(600)).await;
    let store = store(data.path()).await;
    let mut ids = Vec::new();
    for n in 0..cases {
        ids.push(queued_case(&store, 1000 + n, 60_000).await);
    }
    let start = Instant::now();
    let mut most_attempts = 0;
    let mut kills_left = kills;
    // A sender as the app runs it (default backoff and lease), killed every 10 s while any are left.
    while !store.outbox().await.unwrap().is_empty() {
        most_attempts = most_attempts.max(store.outbox().await.unwrap().iter().map(|i| i.attempts).max().unwrap_or(0));
        let sender = Sender::new(store.clone(), client(&server.url()), sender::Config::default());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let running = tokio::spawn(async move {
            let wake = tokio::sync::Notify::new();
            sender
                .run(Duration::from_secs(1), &wake, async {
                    let _ = stopped.await;
                })
                .await
        });
        let run_for = if kills_left > 0 { Duration::from_secs(10) } else { Duration::from_secs(2) };
        tokio::time::sleep(run_for).await;
        if kills_left > 0 {
            kills_left -= 1;
            running.abort(); // no chance to tidy up, as SIGKILL
            let _ = running.await;
        } else {
            let _ = stop.send(());
            let _ = running.await;
        }
        assert!(
            start.elapsed() < Duration::from_secs(900),
            "not drained in 15 min: {:?}",
            store.outbox().await.unwrap()
        );
    }
    let drained = start.elapsed();
    assert_eq!(server.submissions_created().await, u64::from(cases), "each case once");
    for id in &ids {
        for doc in store.case(id).await.unwrap().documents {
            let there = server.document_bytes(&doc.sha256).await.expect("the agency has it");
            assert!(there == store.document_bytes(id, &doc.kind).await.unwrap(), "byte for byte");
        }
    }
    server.shutdown().await;
    (drained, most_attempts)
}
