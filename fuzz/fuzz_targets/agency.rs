#![no_main]
//! Any bytes as the body of the reference agency's requests (each JSON endpoint, a case's
//! submission, a document chunk), sent over loopback to the real server: every answer is the
//! agency's (a success, or an error it explains in both languages), never a 500 or a dropped
//! connection. The first byte picks the request.

use std::sync::OnceLock;

use banka_agency::server::{self, Config};
use libfuzzer_sys::fuzz_target;

const TOKEN: &str = "fuzz-token";
const POSTS: [&str; 8] = [
    "/v1/eligibility",
    "/v1/sms",
    "/v1/sms/verify",
    "/v1/photos/receipt",
    "/v1/photos/on-file",
    "/v1/photos/on-file/image",
    "/v1/cards",
    "/v1/cases/status",
];

struct Agency {
    runtime: tokio::runtime::Runtime,
    http: reqwest::Client,
    url: String,
    _running: server::Running,
    _dir: tempfile::TempDir,
}

fn agency() -> &'static Agency {
    static AGENCY: OnceLock<Agency> = OnceLock::new();
    AGENCY.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let running = runtime
            .block_on(server::start(Config::new(dir.path(), TOKEN), "127.0.0.1:0".parse().unwrap()))
            .expect("the reference agency starts");
        let url = running.url();
        Agency { runtime, http: reqwest::Client::new(), url, _running: running, _dir: dir }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, body)) = data.split_first() else { return };
    let a = agency();
    let request = match usize::from(which) % (POSTS.len() + 2) {
        i if i < POSTS.len() => a.http.post(format!("{}{}", a.url, POSTS[i])),
        i if i == POSTS.len() => a.http.put(format!("{}/v1/cases/0f8fad5b-d9cb-469f-a165-70867728950e", a.url)),
        _ => a
            .http
            .patch(format!("{}/v1/documents/{}", a.url, "ab".repeat(32)))
            .header("Upload-Offset", "0")
            .header("Upload-Length", body.len().max(1).to_string())
            .header("Document-Kind", "card_photo"),
    };
    let request = request.bearer_auth(TOKEN).header("Content-Type", "application/json").body(body.to_vec());
    let (status, answer) = a.runtime.block_on(async {
        let response = request.send().await.expect("the agency answers; the connection is not dropped");
        let status = response.status();
        (status, response.bytes().await.expect("the whole answer arrives"))
    });
    assert_ne!(status.as_u16(), 500, "an internal error: {}", String::from_utf8_lossy(&answer));
    if !status.is_success() {
        let error: serde_json::Value = serde_json::from_slice(&answer).expect("an error is JSON");
        for key in ["code", "message_zh", "message_en"] {
            assert!(error[key].as_str().is_some_and(|s| !s.is_empty()), "{status}: {error}");
        }
    }
});
