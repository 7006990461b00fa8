//! Kill -9 at random moments during a stream of autosaves and bundle imports, 200 times: after
//! every restart the store opens, every acknowledged write is there, and every bundle is either
//! wholly imported or not at all.
//!
//! The worker is this test binary run again (`crash_worker`, ignored in normal runs), printing
//! `ack <seq>` after each committed autosave and `imported <n>` after each committed import.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use banka_cases::{Actor, KdfParams, Passphrase, Store};
use common::*;
use serde_json::json;

const RUNS: usize = 200;
const CASES: usize = 5;
const BUNDLE_PASS: &str = "crash bundles";

fn value(seq: u64) -> String {
    format!("甲{seq}")
}

/// The worker: autosaves `applicant.name` of case `seq % CASES` with a value unique to `seq`,
/// and imports its bundle after a given number of saves, until it is killed.
#[tokio::test]
#[ignore = "run by killed_at_random_moments_loses_nothing_acknowledged"]
async fn crash_worker() {
    let (Some(dir), Some(start), Some(bundle), Some(import_at)) = (
        std::env::var_os("CRASH_DIR"),
        std::env::var("CRASH_START").ok(),
        std::env::var_os("CRASH_BUNDLE"),
        std::env::var("CRASH_IMPORT_AT").ok(),
    ) else {
        return;
    };
    let (start, import_at): (u64, u64) = (start.parse().unwrap(), import_at.parse().unwrap());
    let store = Store::open(Path::new(&dir), &Passphrase::new(PASSPHRASE)).await.unwrap();
    let ids: Vec<String> =
        std::fs::read_to_string(Path::new(&dir).join("cases.txt")).unwrap().lines().map(String::from).collect();
    let deadline = Instant::now() + Duration::from_secs(20);
    for seq in start.. {
        if seq - start == import_at {
            store.import(Path::new(&bundle), &Passphrase::new(BUNDLE_PASS), &operator()).await.unwrap();
            println!("imported");
        }
        let id = &ids[(seq % CASES as u64) as usize];
        store.set_answer(id, "applicant.name", Some(json!(value(seq))), &Actor::Resident, today()).await.unwrap();
        println!("ack {seq}");
        assert!(Instant::now() < deadline, "the parent should have killed the worker by now");
    }
}

/// A tiny deterministic generator (the seed is printed, so a failure can be replayed).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// What a bundle holds, to check an import was whole.
struct Bundle {
    path: PathBuf,
    cases: BTreeMap<String, banka_cases::Case>,
}

async fn make_bundles(dir: &Path, count: usize) -> Vec<Bundle> {
    let source = store(&dir.join("source")).await;
    let mut bundles = Vec::new();
    for n in 0..count {
        let mut ids = Vec::new();
        for k in 0..2 {
            let id = source.new_case("bj-individual", &operator()).await.unwrap().id;
            let answers = [
                ("applicant.name".to_owned(), json!(format!("乙{n}-{k}"))),
                ("applicant.mobile".to_owned(), json!("13800138000")),
                ("residence.address".to_owned(), json!(format!("建国路{n}号"))),
            ];
            source.set_answers(&id, answers.into(), &operator(), today()).await.unwrap();
            let photo = png(32, 32, (n * 2 + k) as u64);
            source.attach_document(&id, "id_card_front", "front.png", &photo, None, &operator()).await.unwrap();
            ids.push(id);
        }
        let path = dir.join(format!("bundle-{n}.banka"));
        source.export(&ids, &path, &Passphrase::new(BUNDLE_PASS), KdfParams::MINIMUM).await.unwrap();
        let mut cases = BTreeMap::new();
        for id in ids {
            cases.insert(id.clone(), source.case(&id).await.unwrap());
        }
        bundles.push(Bundle { path, cases });
    }
    bundles
}

#[tokio::test]
async fn killed_at_random_moments_loses_nothing_acknowledged() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let bundles = make_bundles(tmp.path(), RUNS).await;
    let store = store(&data).await;
    let mut ids = Vec::new();
    for _ in 0..CASES {
        ids.push(store.new_case("bj-individual", &Actor::Resident).await.unwrap().id);
    }
    std::fs::write(data.join("cases.txt"), ids.join("\n")).unwrap();
    store.close().await;

    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    println!("crash test seed {seed}");
    let mut rng = Lcg(seed);
    // The value each case must hold: the last acknowledged one, or one write newer (in flight).
    let mut acked: BTreeMap<usize, u64> = BTreeMap::new();
    let mut next_seq = 0u64;
    let (mut imports_seen, mut half_way_kills) = (0, 0);
    for (run, bundle) in bundles.iter().enumerate() {
        let import_at = rng.below(8);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_worker", "--ignored", "--nocapture", "--test-threads=1"])
            .env("CRASH_DIR", &data)
            .env("CRASH_START", next_seq.to_string())
            .env("CRASH_BUNDLE", &bundle.path)
            .env("CRASH_IMPORT_AT", import_at.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader =
            std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<_>>());
        std::thread::sleep(Duration::from_millis(5 + rng.below(150)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let lines = reader.join().unwrap();

        let mut imported = false;
        let mut last = None;
        for line in &lines {
            // (The harness's "test crash_worker ... " shares the first line.)
            if let Some((_, seq)) = line.split_once("ack ") {
                let seq: u64 = seq.parse().unwrap();
                acked.insert((seq % CASES as u64) as usize, seq);
                last = Some(seq);
            } else if line.ends_with("imported") {
                imported = true;
            }
        }
        let in_flight = last.map_or(next_seq, |s| s + 1);
        next_seq = in_flight + 1;

        let store = Store::open(&data, &Passphrase::new(PASSPHRASE))
            .await
            .unwrap_or_else(|e| panic!("run {run} (seed {seed}): the store does not open: {e}"));
        for (k, id) in ids.iter().enumerate() {
            let case = store.case(id).await.unwrap();
            let got = case.answers.get("applicant.name").and_then(|v| v.as_str()).map(String::from);
            let want = acked.get(&k).map(|s| value(*s));
            let in_flight_here = (in_flight % CASES as u64) as usize == k;
            assert!(
                got == want || (in_flight_here && got == Some(value(in_flight))),
                "run {run} (seed {seed}): case {k} holds {got:?}, acknowledged {want:?}; worker said {lines:?}"
            );
            if got != want {
                // Committed though never acknowledged: it is on disk now, so it must stay.
                acked.insert(k, in_flight);
            }
        }
        let mut present = 0;
        for (id, there) in &bundle.cases {
            let Ok(here) = store.case(id).await else { continue };
            present += 1;
            assert_eq!(here.answers, there.answers, "run {run} (seed {seed}): answers of an imported case");
            assert_eq!(here.documents, there.documents, "run {run} (seed {seed}): documents of an imported case");
            for doc in &here.documents {
                store.document_bytes(id, &doc.kind).await.unwrap();
            }
            assert_eq!(&here.audit[..there.audit.len()], &there.audit[..]);
        }
        assert!(present == 0 || present == bundle.cases.len(), "run {run} (seed {seed}): a half-imported bundle");
        assert!(!imported || present > 0, "run {run} (seed {seed}): an acknowledged import is missing");
        imports_seen += imported as usize;
        half_way_kills += (!imported && present > 0) as usize;
        store.close().await;
    }
    println!("{RUNS} kills: {} autosaves acknowledged, {imports_seen} imports acknowledged, {half_way_kills} imports committed but killed before acknowledging", next_seq);
    assert!(imports_seen > 0, "some kills should come after an import");
    assert!(acked.len() == CASES, "some autosaves should be acknowledged");
}
