//! The outbox against the real reference server on loopback: every case reaches the agency
//! exactly once with every document byte-identical, whatever the network does.

mod common;

use std::time::{Duration, Instant};

use banka_agency::api::Submission;
use banka_agency::client::Client;
use banka_agency::sender::{self, Sender};
use banka_agency::server::Faults;
use banka_cases::{Status, Store};
use common::*;

fn quick() -> sender::Config {
    sender::Config {
        lease: Duration::from_secs(30),
        backoff_base: Duration::from_millis(5),
        backoff_cap: Duration::from_millis(100),
        workers: 2,
        retry_soon: Duration::from_millis(5),
    }
}

/// Sends until the outbox is empty (or `limit` passes); returns the passes it took.
async fn drain(sender: &Sender, store: &Store, limit: Duration) -> u32 {
    let start = Instant::now();
    let mut passes = 0;
    while !store.outbox().await.unwrap().is_empty() {
        assert!(start.elapsed() < limit, "the outbox did not drain: {:?}", store.outbox().await.unwrap());
        sender.send_due().await.unwrap();
        passes += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    passes
}

/// Every case submitted, with a reference, once on the server, documents identical there.
async fn assert_all_submitted_once(store: &Store, server: &banka_agency::server::Running, ids: &[String]) {
    for id in ids {
        let case = store.case(id).await.unwrap();
        assert_eq!(case.summary.status, Status::Submitted, "{id}: {:?}", case.summary.status_reason);
        assert!(case.summary.agency_reference.as_deref().is_some_and(|r| !r.is_empty()));
        for doc in &case.documents {
            let local = store.document_bytes(id, &doc.kind).await.unwrap();
            let there = server.document_bytes(&doc.sha256).await.expect("the agency has the document");
            assert!(there == local, "{id} {}: the agency's copy differs", doc.kind);
        }
    }
    assert_eq!(server.submissions_created().await, ids.len() as u64, "one submission per case");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queued_case_is_submitted_and_follows_the_agencys_status() {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = server(agency_dir.path(), Faults::default(), Duration::from_millis(300)).await;
    let store = store(data.path()).await;
    let id = queued_case(&store, 1, 50_000).await;
    assert_eq!(store.outbox().await.unwrap()[0].revision, 1);

    let sender = Sender::new(store.clone(), client(&server.url()), quick());
    let report = sender.send_due().await.unwrap();
    assert_eq!((report.submitted, report.rejected, report.retrying), (1, 0, 0));
    assert!(store.outbox().await.unwrap().is_empty(), "a submitted case leaves the outbox");
    assert_eq!(sender.send_due().await.unwrap(), sender::Report::default(), "nothing is sent twice");
    assert_all_submitted_once(&store, &server, std::slice::from_ref(&id)).await;

    // The agency's status moves on; the refresh follows it to the end (branch pickup).
    let mut seen = vec![];
    let start = Instant::now();
    while store.summary(&id).await.unwrap().status != Status::ReadyForPickup {
        assert!(start.elapsed() < Duration::from_secs(10), "status stuck: {seen:?}");
        sender.refresh_statuses().await.unwrap();
        let status = store.summary(&id).await.unwrap().status;
        if seen.last() != Some(&status) {
            seen.push(status);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(seen.contains(&Status::InProduction), "{seen:?}");
    let trail = store.case(&id).await.unwrap().audit;
    assert!(trail.iter().any(|e| e.actor == banka_cases::Actor::System), "the sender's steps are in the trail");
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_case_sent_twice_or_at_once_is_one_case_at_the_agency() {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = server(agency_dir.path(), Faults::default(), Duration::from_secs(60)).await;
    let store = store(data.path()).await;
    let id = queued_case(&store, 2, 20_000).await;
    let client = client(&server.url());

    // What the sender would send, sent by hand: twice in a row, then ten at once.
    let evaluation = store.evaluate(&id, today()).await.unwrap();
    let mut documents = std::collections::BTreeMap::new();
    for kind in &evaluation.required_documents {
        let bytes = store.document_bytes(&id, kind.name()).await.unwrap();
        documents.insert(kind.name().to_owned(), client.upload(kind.name(), &bytes, &|_, _| {}).await.unwrap().sha256);
    }
    let submission = Submission {
        flow_id: "bj-individual".into(),
        flow_version: evaluation.version,
        revision: 1,
        answers: evaluation.answers_to_submit.clone(),
        documents,
        operator: None,
        applied_on: today(),
    };
    let first = client.submit(&id, &submission).await.unwrap();
    let again = client.submit(&id, &submission).await.unwrap();
    assert!(!first.replayed && again.replayed);
    assert_eq!(first.reference, again.reference);
    let at_once = submitted_at_once(&client, &id, &submission, 10).await;
    assert!(at_once.iter().all(|r| r.reference == first.reference && r.replayed));
    assert_eq!(server.submissions_created().await, 1);

    // The sender then finds the agency has it already: submitted, same reference, nothing new.
    let sender = Sender::new(store.clone(), client.clone(), quick());
    assert_eq!(sender.send_due().await.unwrap().submitted, 1);
    assert_eq!(store.summary(&id).await.unwrap().agency_reference.as_deref(), Some(first.reference.as_str()));
    assert_eq!(server.submissions_created().await, 1);

    // Two senders on one store, side by side: each case goes once.
    let mut ids = Vec::new();
    for n in 10..30 {
        ids.push(queued_case(&store, n, 20_000).await);
    }
    let other = Sender::new(store.clone(), client, quick());
    let (a, b) = tokio::join!(sender.send_due(), other.send_due());
    assert_eq!(a.unwrap().submitted + b.unwrap().submitted, 20);
    let mut all = ids;
    all.push(id);
    assert_all_submitted_once(&store, &server, &all).await;
    server.shutdown().await;
}

async fn submitted_at_once(
    client: &Client,
    id: &str,
    submission: &Submission,
    n: usize,
) -> Vec<banka_agency::api::Receipt> {
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..n {
        let (client, id, submission) = (client.clone(), id.to_owned(), submission.clone());
        set.spawn(async move { client.submit(&id, &submission).await.unwrap() });
    }
    set.join_all().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_cases_through_a_hostile_network_each_arrive_exactly_once() {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // The agency fails 15% of requests (500), throttles 10% (429) and is slow for 10%; the
    // network cuts 15% of connections mid-request and delays 10%.
    let faults =
        Faults { seed: 7, error_rate: 0.15, throttle_rate: 0.10, slow_rate: 0.10, slow: Duration::from_millis(150) };
    let server = server(agency_dir.path(), faults, Duration::from_secs(60)).await;
    let proxy = FaultyProxy::start(server.addr(), 0.15, 0.10, 11).await;
    let store = store(data.path()).await;
    let mut ids = Vec::new();
    for n in 0..100 {
        ids.push(queued_case(&store, 100 + n, 300_000).await);
    }
    let sender = Sender::new(store.clone(), client(&proxy.url()), quick());
    let passes = drain(&sender, &store, Duration::from_secs(240)).await;
    assert!(passes > 1, "the faults made some sends fail and retry");
    assert!(proxy.cut.load(std::sync::atomic::Ordering::Relaxed) > 0, "connections were cut");
    let mut failed_first = 0;
    for id in &ids {
        let trail = store.case(id).await.unwrap().audit;
        failed_first += trail.iter().any(|e| e.new_value == Some(serde_json::json!("failed"))) as u32;
    }
    assert!(failed_first > 0, "some cases went through a failure first");
    assert_all_submitted_once(&store, &server, &ids).await;
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_upload_continues_from_the_last_byte_the_agency_has() {
    let agency_dir = tempfile::tempdir().unwrap();
    let server = server(agency_dir.path(), Faults::default(), Duration::from_secs(60)).await;
    let client = client(&server.url());
    let bytes = unique_jpeg(PORTRAIT, "resume", 2_500_000);
    let sha = banka_cases::sha256_hex(&bytes);
    // A first attempt delivered the first chunk only, then the connection went.
    let proxy = FaultyProxy::start(server.addr(), 1.0, 0.0, 3).await;
    let broken = common::client(&proxy.url());
    assert!(broken.upload("id_card_front", &bytes, &|_, _| {}).await.unwrap_err().retry_later());
    let partial = client.upload_state(&sha).await.unwrap();
    // Resuming asks where the agency is and sends only the rest.
    let sent_from = std::sync::Mutex::new(Vec::new());
    let state = client.upload("id_card_front", &bytes, &|sent, _| sent_from.lock().unwrap().push(sent)).await.unwrap();
    assert!(state.complete);
    let first = sent_from.lock().unwrap()[0];
    assert_eq!(first, partial.map_or(0, |p| p.offset), "resumed where the agency's copy ends");
    assert_eq!(server.document_bytes(&sha).await.unwrap(), bytes);
    server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_say_whether_to_wait_or_to_act() {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let server = server(agency_dir.path(), Faults::default(), Duration::from_secs(60)).await;
    let store = store(data.path()).await;
    let id = queued_case(&store, 3, 20_000).await;

    // A wrong token: the case waits, the reason says to check the settings, the run stops.
    let wrong = Sender::new(store.clone(), Client::new(&server.url(), "not-the-token").unwrap(), quick());
    let err = wrong.send_due().await.unwrap_err();
    assert!(matches!(err, sender::Error::Unauthorized(_)), "{err}");
    let case = store.summary(&id).await.unwrap();
    assert_eq!(case.status, Status::Failed);
    assert_eq!(store.outbox().await.unwrap().len(), 1, "still queued");

    // Garbage answers and no server at all: retry later, with the reason on the case.
    for answer in [&b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello"[..], b"\x00\x01garbage\r\n\r\n"] {
        let addr = garbage_server(answer).await;
        store.enqueue(&id, &banka_cases::Actor::Resident).await.unwrap();
        let report = Sender::new(store.clone(), client(&format!("http://{addr}")), quick()).send_due().await.unwrap();
        assert_eq!(report.retrying, 1);
        let case = store.summary(&id).await.unwrap();
        assert_eq!(case.status, Status::Failed);
        assert!(case.status_reason.unwrap().zh.contains("稍后自动重试"));
    }
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap();
    store.enqueue(&id, &banka_cases::Actor::Resident).await.unwrap();
    let report = Sender::new(store.clone(), client(&format!("http://{closed}")), quick()).send_due().await.unwrap();
    assert_eq!(report.retrying, 1);
    assert!(store.summary(&id).await.unwrap().status_reason.unwrap().zh.contains("无法连接机构"));

    // Back to the real agency with the right token: through.
    store.enqueue(&id, &banka_cases::Actor::Resident).await.unwrap();
    let sender = Sender::new(store.clone(), client(&server.url()), quick());
    assert_eq!(sender.send_due().await.unwrap().submitted, 1);

    // A case the agency refuses (an ID number already applied for) needs the person: rejected
    // with the agency's reason, out of the outbox; fixed and sent again as revision 2.
    let twin = queued_case(&store, 3, 20_000).await;
    assert_eq!(sender.send_due().await.unwrap().rejected, 1);
    let case = store.summary(&twin).await.unwrap();
    assert_eq!(case.status, Status::Rejected);
    assert!(
        case.status_reason.as_ref().is_some_and(|r| !r.zh.is_empty() && !r.en.is_empty() && r.zh != r.en),
        "the agency's reason is kept"
    );
    assert!(store.outbox().await.unwrap().is_empty());
    let actor = banka_cases::Actor::Operator("李娟".into());
    store.reopen(&twin, &actor, "机构驳回：证件号码已申领").await.unwrap();
    store.set_answer(&twin, "applicant.id_number", Some(id_number(4).into()), &actor, today()).await.unwrap();
    store.finalize(&twin, &actor, today()).await.unwrap();
    store.enqueue(&twin, &actor).await.unwrap();
    assert_eq!(store.outbox().await.unwrap()[0].revision, 2);
    assert_eq!(sender.send_due().await.unwrap().submitted, 1);
    assert_eq!(server.submissions_created().await, 2);
    server.shutdown().await;
}

#[test]
fn plain_http_is_only_for_this_machine() {
    assert!(Client::new("http://127.0.0.1:8787", "t").is_ok());
    assert!(Client::new("http://localhost:8787", "t").is_ok());
    assert!(Client::new("https://agency.example.cn", "t").is_ok());
    for bad in ["http://agency.example.cn", "ftp://x", "not a url"] {
        let err = Client::new(bad, "t").unwrap_err();
        assert!(!err.retry_later(), "{bad}");
        let message = err.message();
        assert!(message.en.contains("https://") || message.zh.contains("网址"), "{bad}: {message}");
    }
    assert!(Client::new("https://agency.example.cn", " ").is_err(), "a token is needed");
}

/// Training mode's practice agency: what it is sent is encrypted on disk (and is in the clear
/// without a key, so the check can fail), and a deleted case is forgotten with its documents.
#[tokio::test]
async fn the_practice_agency_keeps_cases_encrypted_and_forgets_a_deleted_one() {
    for key in [Some(banka_cases::random_key()), None] {
        let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut config = banka_agency::server::Config::new(agency_dir.path(), TOKEN);
        config.key = key.clone();
        let server = banka_agency::server::start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
        let store = store(data.path()).await;
        let (id, other) = (queued_case(&store, 910, 30_000).await, queued_case(&store, 911, 30_000).await);
        let sender = Sender::new(store.clone(), client(&server.url()), quick());
        assert_eq!(sender.send_due().await.unwrap().submitted, 2);
        let photo = store.document_bytes(&id, "card_photo").await.unwrap();
        let sha = banka_cases::sha256_hex(&photo);
        assert_eq!(server.document_bytes(&sha).await.as_deref(), Some(&photo[..]));

        let on_disk = || -> Vec<Vec<u8>> {
            std::fs::read_dir(agency_dir.path()).unwrap().filter_map(|e| std::fs::read(e.ok()?.path()).ok()).collect()
        };
        let number = id_number(910);
        let found =
            |files: &[Vec<u8>], needle: &[u8]| files.iter().any(|f| f.windows(needle.len()).any(|w| w == needle));
        let files = on_disk();
        let plain = found(&files, number.as_bytes()) || found(&files, &photo[600..664]);
        assert_eq!(plain, key.is_none(), "encrypted exactly when a key is given");
        assert!(!agency_dir.path().join("documents").exists(), "no document files");

        server.forget_case(&id).await.unwrap();
        assert_eq!(server.document_bytes(&sha).await, None, "its documents go with it");
        assert_eq!(server.submissions_created().await, 1, "the other case stays");
        let kept = banka_cases::sha256_hex(&store.document_bytes(&other, "card_photo").await.unwrap());
        assert!(server.document_bytes(&kept).await.is_some());
        server.shutdown().await;
    }
}

/// A claim is renewed while its sender works (a slow upload), so no one takes the case over;
/// and a killed sender's case is free again once the short lease runs out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_working_sender_keeps_its_claim_and_a_dead_one_lets_go_soon() {
    let (agency_dir, data) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Every request takes 400 ms: a case's uploads and submission take about 2 s.
    let faults = Faults { seed: 3, slow_rate: 1.0, slow: Duration::from_millis(400), ..Faults::default() };
    let server = server(agency_dir.path(), faults, Duration::from_secs(60)).await;
    let store = store(data.path()).await;
    let id = queued_case(&store, 920, 20_000).await;
    let lease = Duration::from_millis(900);
    let config = sender::Config { lease, workers: 1, ..quick() };
    let sender = Sender::new(store.clone(), client(&server.url()), config);
    let working = tokio::spawn({
        let sender = sender.clone();
        async move { sender.send_due().await }
    });
    // Past the first lease, the case is still held.
    tokio::time::sleep(lease + Duration::from_millis(400)).await;
    assert!(store.claim_next(lease, chrono::Utc::now()).await.unwrap().is_none(), "renewed while working");
    // Killed mid-send: within a lease the case can be claimed again.
    working.abort();
    let _ = working.await;
    let start = Instant::now();
    let claim = loop {
        if let Some(claim) = store.claim_next(lease, chrono::Utc::now()).await.unwrap() {
            break claim;
        }
        assert!(start.elapsed() < lease * 3, "a dead sender's claim ran out");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(claim.case_id, id);
    server.shutdown().await;
}
