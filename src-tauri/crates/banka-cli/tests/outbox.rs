//! `banka outbox` and `banka agency serve` as processes: a sender killed mid-send and started
//! again leaves every case submitted exactly once.

#[path = "../../banka-agency/tests/common/mod.rs"]
mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use banka_agency::server::Faults;
use banka_cases::Status;
use common::*;

const PASSPHRASE: &str = "center machine 7";

fn banka() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_banka"));
    command.env("BANKA_PASSPHRASE", PASSPHRASE).env_remove("BANKA_DATA_DIR");
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sender_killed_mid_send_resumes_and_nothing_is_sent_twice() {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Every request takes a while, so the kill lands in the middle of sending.
    let faults = Faults { seed: 1, slow_rate: 1.0, slow: Duration::from_millis(60), ..Faults::default() };
    let server = server(agency_dir.path(), faults, Duration::from_secs(60)).await;
    let store = store(data.path()).await;
    let mut ids = Vec::new();
    for n in 0..12 {
        ids.push(queued_case(&store, 500 + n, 200_000).await);
    }
    let send = |once: bool| {
        let mut c = banka();
        c.args(["outbox", "send", "--lease-secs", "2", "--endpoint", &server.url(), "--token", TOKEN, "--data"])
            .arg(data.path());
        if once {
            c.arg("--once");
        }
        c.stdout(Stdio::piped()).stderr(Stdio::piped());
        c
    };

    let mut child = send(false).spawn().unwrap();
    let start = Instant::now();
    while server.submissions_created().await < 3 {
        assert!(start.elapsed() < Duration::from_secs(60), "the sender does not send");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().unwrap(); // SIGKILL: no chance to tidy up
    child.wait().unwrap();
    let sent_before = server.submissions_created().await;
    assert!(sent_before < ids.len() as u64, "killed before the end");
    let sending = store.outbox().await.unwrap().iter().filter(|i| i.status == Status::Sending).count();
    assert!(sending > 0, "the kill left cases mid-send");

    // Started again (after the dead sender's claims ran out), it finishes the job.
    let start = Instant::now();
    while !store.outbox().await.unwrap().is_empty() {
        assert!(start.elapsed() < Duration::from_secs(120), "not drained: {:?}", store.outbox().await.unwrap());
        tokio::time::sleep(Duration::from_millis(2100)).await;
        let out = send(true).output().unwrap();
        assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(server.submissions_created().await, ids.len() as u64, "each case once");
    for id in &ids {
        let case = store.case(id).await.unwrap();
        assert_eq!(case.summary.status, Status::Submitted);
        for doc in &case.documents {
            let there = server.document_bytes(&doc.sha256).await.unwrap();
            assert!(there == store.document_bytes(id, &doc.kind).await.unwrap());
        }
    }

    // `status` lists nothing left; the JSON names no ID number.
    let out = banka().args(["outbox", "status", "--data"]).arg(data.path()).output().unwrap();
    assert!(out.status.success());
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["queued"], serde_json::json!([]));
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outbox_add_and_status_show_what_waits_and_why() {
    let data = tempfile::tempdir().unwrap();
    let store = store(data.path()).await;
    let id = queued_case(&store, 600, 20_000).await;
    // Nothing listens here: the pass fails, the case waits with the reason, exit 1.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap();
    let out = banka()
        .args(["outbox", "send", "--once", "--endpoint", &format!("http://{closed}"), "--token", TOKEN, "--data"])
        .arg(data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["sent"]["retrying"], 1);
    let out = banka().args(["outbox", "status", "--data"]).arg(data.path()).output().unwrap();
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = &status["queued"][0];
    assert_eq!(item["case_id"], id.as_str());
    assert_eq!(item["status"], "failed");
    assert_eq!(item["attempts"], 1);
    assert!(item["last_error"].as_str().unwrap().contains("无法连接机构"));
    // Queued again by a person: due now, its backoff from the start.
    let out = banka().args(["outbox", "add", &id, "--data"]).arg(data.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = banka().args(["outbox", "status", "--data"]).arg(data.path()).output().unwrap();
    let item = &serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["queued"][0];
    assert_eq!(item["attempts"], 0, "{item}");
    let due = chrono::DateTime::parse_from_rfc3339(item["next_attempt_at"].as_str().unwrap()).unwrap();
    assert!(due <= chrono::Utc::now(), "{item}");

    // Failed again, it waits out its backoff; `send --now` (the window's 立即发送) sends it at
    // once and starts the backoff again: one attempt, not a second one added to the first.
    let send = |extra: &[&str]| {
        let out = banka()
            .args(["outbox", "send", "--once"])
            .args(extra)
            .args(["--endpoint", &format!("http://{closed}"), "--token", TOKEN, "--data"])
            .arg(data.path())
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert_eq!(send(&[])["queued"][0]["attempts"], 1);
    let now = send(&["--now"]);
    assert_eq!(now["sent"]["retrying"], 1, "sent at once: {now}");
    assert_eq!(now["queued"][0]["attempts"], 1, "its backoff started again: {now}");

    // An endpoint that would send personal data in the clear is refused before anything is sent.
    let out = banka()
        .args(["outbox", "send", "--once", "--endpoint", "http://agency.example.cn", "--token", TOKEN, "--data"])
        .arg(data.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("https://"));

    // A draft cannot be queued.
    let draft = store.new_case("bj-individual", &banka_cases::Actor::Resident).await.unwrap().id;
    let out = banka().args(["outbox", "add", &draft, "--data"]).arg(data.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agency_serve_prints_where_it_listens_and_its_token() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = banka()
        .args(["agency", "serve", "--addr", "127.0.0.1:0", "--data"])
        .arg(dir.path())
        .env_remove("BANKA_AGENCY_TOKEN")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = lines.next().unwrap().unwrap().strip_prefix("listening on ").unwrap().to_owned();
    let token = lines.next().unwrap().unwrap().strip_prefix("token ").unwrap().to_owned();
    let health = banka_agency::client::Client::new(&url, &token).unwrap().health().await.unwrap();
    assert!(health.training);
    let refused = banka_agency::client::Client::new(&url, "wrong").unwrap().banks("110105", None).await.unwrap_err();
    assert!(matches!(refused, banka_agency::client::Error::Unauthorized(_)));
    child.kill().unwrap();
    child.wait().unwrap();
}
