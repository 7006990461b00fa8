//! Helpers for the case store's tests: a store in a temporary folder, a complete B1 case, and
//! real (noise) PNG pictures.
#![allow(dead_code)]

use std::path::Path;

use banka_cases::{Actor, KdfParams, Passphrase, Store};
use chrono::NaiveDate;
use serde_json::{json, Value};

pub const PASSPHRASE: &str = "center machine 7";
pub const ID_NUMBER: &str = "11010519491231002X";
pub const NAME: &str = "王小明";
pub const MOBILE: &str = "13912345678";
pub const ADDRESS: &str = "朝阳区建国路88号院3号楼";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

pub fn operator() -> Actor {
    Actor::Operator("李娟".into())
}

pub async fn store(dir: &Path) -> Store {
    Store::create(dir, &Passphrase::new(PASSPHRASE), KdfParams::MINIMUM).await.unwrap()
}

/// Every answer a B1 (bj-individual) case needs, documents aside.
pub fn complete_answers() -> Vec<(&'static str, Value)> {
    vec![
        ("notice.agreed", json!(true)),
        ("applicant.name", json!(NAME)),
        ("applicant.id_type", json!("resident_id")),
        ("applicant.id_number", json!(ID_NUMBER)),
        ("eligibility.authorized", json!(true)),
        ("applicant.id_valid_from", json!("2016-05-01")),
        ("applicant.mobile", json!(MOBILE)),
        ("applicant.ethnicity", json!("01")),
        ("applicant.occupation", json!("2")),
        ("residence.district", json!("110105")),
        ("residence.address", json!(ADDRESS)),
        ("collection.method", json!("branch_pickup")),
        ("bank.name", json!("中国工商银行")),
        ("bank.branch", json!("建国路支行")),
        ("commitment.agreed", json!(true)),
        // What the app saves once the agency has said yes (资格校验 is a gate).
        ("agency.eligibility", json!("eligible")),
    ]
}

/// A B1 draft with every answer and every required document: ready to finalize.
pub async fn complete_case(store: &Store) -> String {
    let id = store.new_case("bj-individual", &operator()).await.unwrap().id;
    for (path, value) in complete_answers() {
        store.set_answer(&id, path, Some(value), &operator(), today()).await.unwrap();
    }
    let evaluation = store.evaluate(&id, today()).await.unwrap();
    // Photos differ from case to case, as real ones do.
    let seed = id.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
    for (n, kind) in evaluation.missing_documents.iter().enumerate() {
        let kind = serde_json::to_value(kind).unwrap().as_str().unwrap().to_owned();
        store
            .attach_document(&id, &kind, &format!("{kind}.png"), &png(64, 48, seed + n as u64), None, &operator())
            .await
            .unwrap();
    }
    id
}

/// A real PNG of random noise (so its bytes are distinctive and do not compress away).
pub fn png(width: u32, height: u32, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let img = image::RgbImage::from_fn(width, height, |_, _| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let b = (state >> 33).to_le_bytes();
        image::Rgb([b[0], b[1], b[2]])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Every file under `dir`, with its bytes.
pub fn files_under(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            // (SQLite may remove its -shm/-wal files as connections close.)
            out.push((path, bytes));
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
