//! Helpers for the agency tests: the reference server on loopback, a case store, complete B1
//! cases with real JPEG documents, and a proxy that breaks connections.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use banka_agency::client::Client;
use banka_agency::server::{self, Config, Faults, Running};
use banka_cases::{Actor, KdfParams, Passphrase, Store};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const TOKEN: &str = "center-7-token";
pub const PORTRAIT: &[u8] = include_bytes!("../../../banka-photos/tests/images/portrait-ok.jpg");

pub async fn server(dir: &Path, faults: Faults, step: Duration) -> Running {
    let mut config = Config::new(dir, TOKEN);
    config.faults = faults;
    config.status_step = step;
    server::start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap()
}

pub fn client(url: &str) -> Client {
    Client::new(url, TOKEN).unwrap()
}

pub async fn store(dir: &Path) -> Store {
    Store::create(dir, &Passphrase::new("center machine 7"), KdfParams::MINIMUM).await.unwrap()
}

pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A valid citizen ID number, different for every `n` (Chaoyang district, born in the 1980s).
pub fn id_number(n: u32) -> String {
    let first17 = format!("110105198{}{:02}{:02}{:03}", n % 10, 1 + (n / 10) % 12, 1 + (n / 120) % 28, 100 + n % 900);
    let check = banka_rules::id_number::check_character(first17.as_bytes());
    format!("{first17}{check}")
}

/// `base` (a JPEG) with a comment segment naming `tag`, padded with further comment segments to
/// about `size` bytes: a valid JPEG whose bytes are its own.
pub fn unique_jpeg(base: &[u8], tag: &str, size: usize) -> Vec<u8> {
    assert!(base.starts_with(&[0xFF, 0xD8]));
    let mut out = vec![0xFF, 0xD8];
    comment(&mut out, tag.as_bytes());
    let mut filler = fastrand::Rng::with_seed(tag.bytes().map(u64::from).sum());
    while out.len() + base.len() + 65_004 <= size {
        let chunk: Vec<u8> = (0..65_000).map(|_| filler.alphanumeric() as u8).collect();
        comment(&mut out, &chunk);
    }
    out.extend(&base[2..]);
    out
}

/// A JPEG comment segment (COM): ignored by decoders.
fn comment(out: &mut Vec<u8>, payload: &[u8]) {
    out.extend([0xFF, 0xFE]);
    out.extend(((payload.len() + 2) as u16).to_be_bytes());
    out.extend(payload);
}

/// A B1 case for person `n` with every answer and its three documents (about `doc_size` bytes
/// each), finalized and queued. Returns its id.
pub async fn queued_case(store: &Store, n: u32, doc_size: usize) -> String {
    let actor = Actor::Operator("李娟".into());
    let id = store.new_case("bj-individual", &actor).await.unwrap().id;
    for (path, value) in answers(n) {
        store.set_answer(&id, path, Some(value), &actor, today()).await.unwrap();
    }
    for kind in ["id_card_front", "id_card_back", "card_photo"] {
        let bytes = unique_jpeg(PORTRAIT, &format!("{id} {kind}"), doc_size);
        store.attach_document(&id, kind, &format!("{kind}.jpg"), &bytes, None, &actor).await.unwrap();
    }
    let evaluation = store.evaluate(&id, today()).await.unwrap();
    assert!(evaluation.ready, "{:?}", evaluation.errors);
    store.finalize(&id, &actor, today()).await.unwrap();
    store.enqueue(&id, &actor).await.unwrap();
    id
}

pub fn answers(n: u32) -> Vec<(&'static str, Value)> {
    vec![
        ("notice.agreed", json!(true)),
        ("applicant.name", json!("王小明")),
        ("applicant.id_type", json!("resident_id")),
        ("applicant.id_number", json!(id_number(n))),
        ("eligibility.authorized", json!(true)),
        ("applicant.id_valid_from", json!("2016-05-01")),
        ("applicant.mobile", json!("13912345678")),
        ("applicant.ethnicity", json!("01")),
        ("applicant.occupation", json!("2")),
        ("residence.district", json!("110105")),
        ("residence.address", json!("朝阳区建国路88号院3号楼")),
        ("collection.method", json!("branch_pickup")),
        ("bank.name", json!("中国工商银行")),
        ("bank.branch", json!("建国路支行")),
        ("commitment.agreed", json!(true)),
        // What the app saves once the agency has said yes (资格校验 is a gate).
        ("agency.eligibility", json!("eligible")),
    ]
}

/// A TCP proxy in front of `upstream` that misbehaves: of the connections it accepts, a share
/// is cut after a random number of request bytes (mid-upload), and a share waits before
/// passing anything on. The rest pass through untouched.
pub struct FaultyProxy {
    pub addr: SocketAddr,
    pub cut: Arc<AtomicU64>,
}

impl FaultyProxy {
    pub async fn start(upstream: SocketAddr, cut_share: f64, slow_share: f64, seed: u64) -> FaultyProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let cut = Arc::new(AtomicU64::new(0));
        let counter = cut.clone();
        tokio::spawn(async move {
            let mut rng = fastrand::Rng::with_seed(seed);
            while let Ok((client, _)) = listener.accept().await {
                let roll = rng.f64();
                let cut_after = (roll < cut_share).then(|| rng.usize(1..400_000));
                let delay = (roll >= cut_share && roll < cut_share + slow_share).then(|| rng.u64(50..400));
                let counter = counter.clone();
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(upstream).await else { return };
                    if let Some(ms) = delay {
                        tokio::time::sleep(Duration::from_millis(ms)).await;
                    }
                    if pipe(client, server, cut_after).await {
                        counter.fetch_add(1, Ordering::Relaxed);
                    }
                });
            }
        });
        FaultyProxy { addr, cut }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Copies both ways; with `cut_after`, drops both sides once that many request bytes went up.
/// Returns whether it cut.
async fn pipe(client: TcpStream, server: TcpStream, cut_after: Option<usize>) -> bool {
    let (mut client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let down = tokio::spawn(async move {
        let _ = tokio::io::copy(&mut server_read, &mut client_write).await;
    });
    let mut sent = 0;
    let mut buf = vec![0; 16 * 1024];
    let mut cut = false;
    loop {
        let n = match client_read.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if let Some(limit) = cut_after {
            if sent + n >= limit {
                let _ = server_write.write_all(&buf[..limit - sent]).await;
                cut = true;
                break;
            }
        }
        if server_write.write_all(&buf[..n]).await.is_err() {
            break;
        }
        sent += n;
    }
    if cut {
        down.abort();
    } else {
        let _ = server_write.shutdown().await;
        let _ = down.await;
    }
    cut
}

/// A "server" that answers every request with `answer`, whatever was asked.
pub async fn garbage_server(answer: &'static [u8]) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0; 64 * 1024];
                let _ = stream.read(&mut buf).await;
                let _ = stream.write_all(answer).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    addr
}
