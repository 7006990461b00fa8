//! Outbox throughput: 100 queued cases, each with three documents of about 1 MB (3 MB a case),
//! sent to the reference server over loopback by the real sender. A bench script rather than
//! Criterion: one run moves 300 MB through an encrypted store and HTTP, so it is timed a few
//! times and the median printed. `cargo bench -p banka-agency`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use banka_agency::sender::{self, Sender};
use banka_agency::server::Faults;
use common::*;

const CASES: u32 = 100;
const DOCUMENT_BYTES: usize = 1_000_000;
const RUNS: usize = 3;

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing and wants a quick run.
    let full = std::env::args().any(|a| a == "--bench");
    let (cases, runs) = if full { (CASES, RUNS) } else { (3, 1) };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let mut times: Vec<Duration> = (0..runs).map(|_| runtime.block_on(run(cases))).collect();
    times.sort();
    let median = times[times.len() / 2];
    let megabytes = (cases as usize * 3 * DOCUMENT_BYTES) as f64 / 1e6;
    println!(
        "outbox: {cases} cases x 3 documents x {:.1} MB over loopback: median {:.2} s ({:.1} cases/s, {:.0} MB/s) of {runs} runs",
        DOCUMENT_BYTES as f64 / 1e6,
        median.as_secs_f64(),
        cases as f64 / median.as_secs_f64(),
        megabytes / median.as_secs_f64(),
    );
}

async fn run(cases: u32) -> Duration {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = server(agency_dir.path(), Faults::default(), Duration::from_secs(60)).await;
    let store = store(data.path()).await;
    for n in 0..cases {
        queued_case(&store, 700 + n, DOCUMENT_BYTES).await;
    }
    let sender = Sender::new(store.clone(), client(&server.url()), sender::Config::default());
    let start = Instant::now();
    let report = sender.send_due().await.unwrap();
    let elapsed = start.elapsed();
    assert_eq!(report.submitted, cases, "{report:?}");
    server.shutdown().await;
    elapsed
}
