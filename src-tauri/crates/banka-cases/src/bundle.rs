//! Case bundles: cases (answers, documents, audit trail) sealed into one file with a passphrase,
//! to move them between machines (draft at home, submit at the center).
//!
//! Inside the seal is a plain tar: `manifest.json`, `cases/<id>.json`, `blobs/<sha256>`. Import
//! reads and checks all of it before writing anything, then writes it in one transaction: a
//! bundle is imported whole or not at all. Nothing from a bundle is ever written as a file, and
//! its word is not taken for a case's state: each status is derived again from the case's flow
//! and trail (`rederive`).

use banka_rules::Localized;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;

use banka_flows::catalog;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::SqliteConnection;

use crate::audit::{self, Change};
use crate::case::{millis, Action, Actor, AuditEntry, DocumentInfo, Status};
use crate::documents::{self, sha256_hex, MAX_DOCUMENT_BYTES};
use crate::error::{Error, Result};
use crate::keys::{KdfParams, Passphrase};
use crate::seal::{OpenError, OpenReader, SealWriter};
use crate::store::Store;

const FORMAT: u32 = 1;
/// The most a bundle may unpack to: far above a center's day of work, far below a bomb.
const MAX_PLAINTEXT: u64 = 2 << 30;
const MAX_ENTRIES: usize = 200_000;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: u32,
    exported_at: DateTime<Utc>,
    cases: Vec<String>,
}

/// One case as a bundle carries it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseRecord {
    id: String,
    flow_id: String,
    flow_version: u32,
    status: Status,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    operator: Option<String>,
    agency_reference: Option<String>,
    /// The status reason in Chinese, and in English (absent from bundles made before it was kept).
    status_reason: Option<String>,
    #[serde(default)]
    status_reason_en: Option<String>,
    #[serde(default)]
    applied_on: Option<NaiveDate>,
    answers: BTreeMap<String, Value>,
    documents: Vec<DocumentInfo>,
    audit: Vec<AuditEntry>,
}

/// What an import did, case by case.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// New on this machine.
    pub added: Vec<String>,
    /// Replaced by the bundle's newer copy (which already held every change made here).
    pub updated: Vec<String>,
    pub skipped: Vec<Skipped>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    pub id: String,
    pub reason: Localized,
}

impl Store {
    /// Seals the cases `ids` into a bundle at `out` (written whole or not at all).
    pub async fn export(&self, ids: &[String], out: &Path, passphrase: &Passphrase, params: KdfParams) -> Result<()> {
        passphrase.check_strength()?;
        let mut records = Vec::new();
        let mut blobs: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        for id in ids.iter().collect::<BTreeSet<_>>() {
            let case = self.case(id).await?;
            // The checks as kept (codes and data): the importing machine words them in its own time.
            let documents = self.kept_documents(id).await?;
            for doc in &documents {
                if !blobs.contains_key(&doc.sha256) {
                    blobs.insert(doc.sha256.clone(), self.document_bytes(id, &doc.kind).await?);
                }
            }
            let s = case.summary;
            records.push(CaseRecord {
                id: s.id,
                flow_id: s.flow_id,
                flow_version: s.flow_version,
                status: s.status,
                created_at: s.created_at,
                updated_at: s.updated_at,
                operator: s.operator,
                agency_reference: s.agency_reference,
                status_reason: s.status_reason.as_ref().map(|r| r.zh.clone()),
                status_reason_en: s.status_reason.map(|r| r.en),
                applied_on: s.applied_on,
                answers: case.answers,
                documents,
                audit: case.audit,
            });
        }
        let manifest =
            Manifest { format: FORMAT, exported_at: Utc::now(), cases: records.iter().map(|r| r.id.clone()).collect() };

        let tmp = out.with_extension("partial");
        let file = std::fs::File::create(&tmp)?;
        let mut tar = tar::Builder::new(SealWriter::new(std::io::BufWriter::new(file), passphrase, params)?);
        let mut add = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
            let mut header = tar::Header::new_gnu();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o600);
            header.set_entry_type(tar::EntryType::Regular);
            tar.append_data(&mut header, name, bytes)
        };
        add("manifest.json", &serde_json::to_vec(&manifest).expect("serializes"))?;
        for r in &records {
            add(&format!("cases/{}.json", r.id), &serde_json::to_vec(r).expect("serializes"))?;
        }
        for (sha, bytes) in &blobs {
            add(&format!("blobs/{sha}"), bytes)?;
        }
        let file = tar.into_inner()?.finish()?.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, out)?;
        Ok(())
    }

    /// Imports a bundle: checks everything, then adds or updates its cases in one transaction.
    /// A case already here is replaced only by a strictly newer copy: one whose trail holds
    /// every change made here, and more.
    pub async fn import(&self, bundle: &Path, passphrase: &Passphrase, actor: &Actor) -> Result<ImportReport> {
        let file = std::fs::File::open(bundle)
            .map_err(|_| Error::BadBundle(Localized::new("无法打开这个文件", "the file cannot be opened")))?;
        // Key derivation and decryption take a while: off the async workers.
        let passphrase = passphrase.clone();
        let parsed = tokio::task::spawn_blocking(move || read_bundle(file, &passphrase))
            .await
            .map_err(|_| Error::BadBundle(Localized::new("读取时出错", "reading it failed")))??;
        let mut report = ImportReport::default();
        let mut tx = self.write().await?;
        let now = Utc::now();
        for record in &parsed.cases {
            match decide(&mut tx, record).await? {
                Decision::Skip(zh, en) => {
                    report.skipped.push(Skipped { id: record.id.clone(), reason: Localized::new(zh, en) });
                    continue;
                }
                Decision::Add => report.added.push(record.id.clone()),
                Decision::Replace => {
                    sqlx::query!("DELETE FROM cases WHERE id = ?", record.id).execute(&mut *tx).await?;
                    report.updated.push(record.id.clone());
                }
            }
            insert(&mut tx, record, &parsed.blobs).await?;
            rederive(&mut tx, record, actor).await?;
            audit::record(&mut tx, &record.id, now, actor, Change::of(Action::Imported)).await?;
        }
        tx.commit().await?;
        Ok(report)
    }
}

enum Decision {
    Add,
    Replace,
    Skip(&'static str, &'static str),
}

/// An audit entry's identity across machines.
fn entry_key(e: &AuditEntry) -> (i64, Action, Option<String>) {
    (millis(e.at), e.action, e.field.clone())
}

async fn decide(conn: &mut SqliteConnection, record: &CaseRecord) -> Result<Decision> {
    match crate::lifecycle::head(conn, &record.id).await {
        Err(Error::NoCase(_)) => return Ok(Decision::Add),
        Err(e) => return Err(e),
        Ok(_) => {}
    }
    let here: BTreeSet<_> = audit::read(conn, &record.id).await?.iter().map(entry_key).collect();
    let there: BTreeSet<_> = record.audit.iter().map(entry_key).collect();
    Ok(if there.is_subset(&here) {
        Decision::Skip("本机已有此案件的相同或更新版本。", "this machine already has the same or a newer copy.")
    } else if !here.is_subset(&there) {
        Decision::Skip(
            "此案件在两台电脑上都有修改，为免丢失，保留了本机的版本。请在一台电脑上核对后重新导出。",
            "the case was changed on both machines; this machine's copy was kept so nothing is lost. Reconcile on one machine and export again.",
        )
    } else {
        Decision::Replace
    })
}

async fn insert(conn: &mut SqliteConnection, r: &CaseRecord, blobs: &HashMap<String, Vec<u8>>) -> Result<()> {
    let (status, created, updated, version) =
        (r.status.name(), millis(r.created_at), millis(r.updated_at), r.flow_version);
    let applied_on = r.applied_on.map(|d| d.to_string());
    sqlx::query!(
        "INSERT INTO cases (id, flow_id, flow_version, status, created_at, updated_at, operator, agency_reference,
                            status_reason, status_reason_en, applied_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id,
        r.flow_id,
        version,
        status,
        created,
        updated,
        r.operator,
        r.agency_reference,
        r.status_reason,
        r.status_reason_en,
        applied_on
    )
    .execute(&mut *conn)
    .await?;
    for (path, value) in &r.answers {
        let text = value.to_string();
        sqlx::query!("INSERT INTO answers (case_id, path, value) VALUES (?, ?, ?)", r.id, path, text)
            .execute(&mut *conn)
            .await?;
    }
    for d in &r.documents {
        let bytes = &blobs[&d.sha256];
        sqlx::query!("INSERT INTO blobs (sha256, bytes) VALUES (?, ?) ON CONFLICT DO NOTHING", d.sha256, bytes)
            .execute(&mut *conn)
            .await?;
        let (size, width, height, at) = (d.size as i64, d.width, d.height, millis(d.added_at));
        let checks = d.checks.as_ref().map(Value::to_string);
        sqlx::query!(
            "INSERT INTO documents (case_id, kind, sha256, file_name, size, width, height, checks, added_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            r.id,
            d.kind,
            d.sha256,
            d.file_name,
            size,
            width,
            height,
            checks,
            at
        )
        .execute(&mut *conn)
        .await?;
    }
    for e in &r.audit {
        let change = Change {
            field: e.field.as_deref(),
            old_value: e.old_value.as_ref(),
            new_value: e.new_value.as_ref(),
            reason: e.reason.as_deref(),
            ..Change::of(e.action)
        };
        audit::record(conn, &r.id, e.at, &e.actor, change).await?;
    }
    Ok(())
}

/// The status an imported case may have, whatever its bundle says: an agency reference only with
/// the trail entry that recorded it (and the agency's statuses only with a reference); a finalized
/// case only if it passes its flow on its application date, else a draft; a queued or sending one
/// is queued again here (the outbox does not travel; the agency's idempotency key stops a second
/// copy). Each correction is in the trail with its reason, and shown as the case's reason.
async fn rederive(conn: &mut SqliteConnection, r: &CaseRecord, actor: &Actor) -> Result<()> {
    let proven = r.agency_reference.as_deref().is_some_and(|reference| {
        r.audit.iter().any(|e| {
            e.field.as_deref() == Some("agency_reference")
                && e.new_value.as_ref().and_then(Value::as_str) == Some(reference)
        })
    });
    if r.agency_reference.is_some() && !proven {
        sqlx::query!("UPDATE cases SET agency_reference = NULL WHERE id = ?", r.id).execute(&mut *conn).await?;
    }
    let at_agency = matches!(
        r.status,
        Status::Submitted | Status::Accepted | Status::InProduction | Status::ReadyForPickup | Status::Mailed
    );
    if matches!(r.status, Status::Draft | Status::Rejected) || (at_agency && proven) {
        return Ok(());
    }
    let on = r.applied_on.unwrap_or_else(|| chrono::Local::now().date_naive());
    let evaluation = crate::lifecycle::evaluate_in(conn, &r.id, on).await?;
    let (to, reason) = if !evaluation.ready {
        let n = evaluation.errors.len().max(1);
        (
            Status::Draft,
            Localized::new(
                format!("导入时按流程重新核对：有 {n} 处问题，已作为草稿导入。请修改后再提交。"),
                format!("Checked again on import: {n} problem(s) with its flow, so it came in as a draft. Correct them and submit again."),
            ),
        )
    } else if at_agency {
        (
            Status::Ready,
            Localized::new(
                "导入的文件中没有经办机构受理此案件的记录，已作为待提交的案件导入。",
                "The bundle holds no record of the agency receiving this case, so it came in as ready to submit.",
            ),
        )
    } else if matches!(r.status, Status::Queued | Status::Sending) {
        (
            Status::Ready,
            Localized::new(
                "导入的案件需在本机重新加入发送队列。",
                "An imported case is queued again on this machine before it is sent.",
            ),
        )
    } else {
        return Ok(());
    };
    crate::lifecycle::write_status_in(conn, &r.id, r.status, to, actor, Some(&reason), Action::Status).await
}

pub(crate) struct Parsed {
    cases: Vec<CaseRecord>,
    blobs: HashMap<String, Vec<u8>>,
}

/// Decrypts and checks a whole bundle, in memory, touching nothing on disk.
fn read_bundle(file: std::fs::File, passphrase: &Passphrase) -> Result<Parsed> {
    let reader = OpenReader::new(file, passphrase).map_err(|e| match e {
        OpenError::NotSealed => {
            Error::BadBundle(Localized::new("这不是 Banka 案件包", "this is not a Banka case bundle"))
        }
        OpenError::Cost(why) => Error::BadBundle(why),
    })?;
    read_opened(reader)
}

/// What the seal holds, read and checked: the tar, the manifest, every case and document. (The
/// fuzz target `bundle` feeds it any bytes: what a sender with the right passphrase could seal.)
pub(crate) fn read_opened(reader: impl Read) -> Result<Parsed> {
    let damaged = |_: std::io::Error| {
        Error::BadBundle(Localized::new(
            "口令不对，或文件已损坏、被改动",
            "wrong passphrase, or the file is damaged or was altered",
        ))
    };
    let bad = |zh: String, en: String| Error::BadBundle(Localized::new(zh, en));
    let mut archive = tar::Archive::new(reader.take(MAX_PLAINTEXT));
    let mut manifest: Option<Manifest> = None;
    let mut cases: BTreeMap<String, CaseRecord> = BTreeMap::new();
    let mut blobs: HashMap<String, Vec<u8>> = HashMap::new();
    let mut count = 0usize;
    for entry in archive.entries().map_err(damaged)? {
        let mut entry = entry.map_err(damaged)?;
        count += 1;
        if count > MAX_ENTRIES {
            return Err(bad("条目太多".into(), "too many entries".into()));
        }
        if entry.header().entry_type() != tar::EntryType::Regular {
            return Err(bad("有条目不是普通文件".into(), "an entry is not a plain file".into()));
        }
        let name = String::from_utf8(entry.path_bytes().into_owned())
            .map_err(|_| bad("有条目名称不是 UTF-8".into(), "an entry name is not UTF-8".into()))?;
        let size = entry.header().size().map_err(damaged)?;
        if size > MAX_DOCUMENT_BYTES as u64 {
            return Err(bad(format!("{name} 太大"), format!("{name} is too large")));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        entry.read_to_end(&mut bytes).map_err(damaged)?;
        match entry_kind(&name) {
            Some(Entry::Manifest) if manifest.is_none() => {
                manifest = Some(
                    serde_json::from_slice(&bytes)
                        .map_err(|_| bad("清单无法读取".into(), "the manifest cannot be read".into()))?,
                );
            }
            Some(Entry::Case(id)) if !cases.contains_key(id) => {
                let record: CaseRecord = serde_json::from_slice(&bytes)
                    .map_err(|_| bad(format!("案件 {id} 无法读取"), format!("case {id} cannot be read")))?;
                if record.id != id {
                    return Err(bad(
                        format!("案件 {id} 的编号是 {}", record.id),
                        format!("case {id} is named {}", record.id),
                    ));
                }
                cases.insert(id.to_owned(), record);
            }
            Some(Entry::Blob(sha)) if !blobs.contains_key(sha) => {
                if sha256_hex(&bytes) != sha {
                    return Err(bad(
                        format!("材料 {sha} 与其哈希不符"),
                        format!("document {sha} does not match its hash"),
                    ));
                }
                blobs.insert(sha.to_owned(), bytes);
            }
            _ => return Err(bad(format!("多余的条目 {name:?}"), format!("unexpected entry {name:?}"))),
        }
    }
    // Everything must have authenticated, up to the last chunk.
    std::io::copy(&mut archive.into_inner(), &mut std::io::sink()).map_err(damaged)?;

    let manifest = manifest.ok_or_else(|| bad("没有清单".into(), "no manifest".into()))?;
    if manifest.format != FORMAT {
        return Err(bad(
            format!("不支持格式 {}，请更新 Banka", manifest.format),
            format!("format {} is not supported; update Banka", manifest.format),
        ));
    }
    if manifest.cases.iter().collect::<BTreeSet<_>>() != cases.keys().collect::<BTreeSet<_>>() {
        return Err(bad("清单与所含案件不符".into(), "the manifest does not list the cases it holds".into()));
    }
    let mut used = BTreeSet::new();
    for record in cases.values() {
        check_record(record, &blobs)?;
        used.extend(record.documents.iter().map(|d| d.sha256.as_str()));
    }
    if blobs.keys().any(|sha| !used.contains(sha.as_str())) {
        return Err(bad("有材料不属于任何案件".into(), "a document belongs to no case".into()));
    }
    Ok(Parsed { cases: cases.into_values().collect(), blobs })
}

enum Entry<'a> {
    Manifest,
    Case(&'a str),
    Blob(&'a str),
}

fn entry_kind(name: &str) -> Option<Entry<'_>> {
    if name == "manifest.json" {
        return Some(Entry::Manifest);
    }
    if let Some(id) = name.strip_prefix("cases/").and_then(|n| n.strip_suffix(".json")) {
        return uuid::Uuid::parse_str(id).ok().filter(|u| u.to_string() == id).map(|_| Entry::Case(id));
    }
    let sha = name.strip_prefix("blobs/")?;
    (sha.len() == 64 && sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))).then_some(Entry::Blob(sha))
}

/// A case from a bundle must be one this app could have written.
fn check_record(r: &CaseRecord, blobs: &HashMap<String, Vec<u8>>) -> Result<()> {
    let bad = |zh: String, en: String| {
        Error::BadBundle(Localized::new(format!("案件 {}：{zh}", r.id), format!("case {}: {en}", r.id)))
    };
    let flow = catalog::get(&r.flow_id)
        .ok_or_else(|| bad(format!("未知的流程 {}", r.flow_id), format!("unknown flow {}", r.flow_id)))?;
    if r.flow_version == 0 || r.flow_version > flow.version {
        return Err(bad(
            format!("流程版本 {} 比本应用的新，请更新 Banka", r.flow_version),
            format!("flow version {} is newer than this app's; update Banka", r.flow_version),
        ));
    }
    if r.created_at > r.updated_at {
        return Err(bad("修改时间早于创建时间".into(), "changed before it was created".into()));
    }
    for (path, value) in &r.answers {
        crate::answers::check_shape(flow, path, value).map_err(|e| Error::BadBundle(e.explain().message))?;
    }
    let mut kinds = BTreeSet::new();
    for d in &r.documents {
        documents::parse_kind(&d.kind).map_err(|e| Error::BadBundle(e.explain().message))?;
        let bytes = blobs
            .get(&d.sha256)
            .ok_or_else(|| bad(format!("缺少材料 {}", d.kind), format!("document {} is missing", d.kind)))?;
        if bytes.len() as u64 != d.size || !kinds.insert(&d.kind) || d.file_name.chars().count() > 255 {
            return Err(bad(format!("材料 {} 格式不对", d.kind), format!("document {} is malformed", d.kind)));
        }
    }
    if r.audit.is_empty() || r.audit.iter().any(|e| matches!(&e.actor, Actor::Operator(n) if n.trim().is_empty())) {
        return Err(bad("修改记录缺失或格式不对".into(), "its audit trail is missing or malformed".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PASS: &str = "bundle passphrase";

    /// A tar entry: name, bytes, type.
    type Raw<'a> = (&'a str, Vec<u8>, tar::EntryType);

    /// A sealed tar with exactly these entries, names written raw (so hostile ones get through).
    fn sealed(entries: &[Raw]) -> Vec<u8> {
        let writer = SealWriter::new(Vec::new(), &Passphrase::new(PASS), KdfParams::MINIMUM).unwrap();
        let mut tar = tar::Builder::new(writer);
        for (name, bytes, kind) in entries {
            let mut header = tar::Header::new_old();
            header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
            header.set_size(bytes.len() as u64);
            header.set_mode(0o644);
            header.set_entry_type(*kind);
            if *kind == tar::EntryType::Symlink {
                header.set_link_name("/etc/passwd").unwrap();
            }
            header.set_cksum();
            tar.append(&header, bytes.as_slice()).unwrap();
        }
        tar.into_inner().unwrap().finish().unwrap()
    }

    fn record(id: &str) -> CaseRecord {
        let at = Utc::now();
        CaseRecord {
            id: id.into(),
            flow_id: "bj-individual".into(),
            flow_version: 1,
            status: Status::Draft,
            created_at: at,
            updated_at: at,
            operator: None,
            agency_reference: None,
            status_reason: None,
            status_reason_en: None,
            applied_on: None,
            answers: [("applicant.name".to_owned(), json!("王小明"))].into(),
            documents: vec![],
            audit: vec![AuditEntry {
                at,
                actor: Actor::Resident,
                action: Action::Created,
                field: None,
                old_value: None,
                new_value: None,
                reason: None,
            }],
        }
    }

    fn file(name: &str, bytes: Vec<u8>) -> Raw<'_> {
        (name, bytes, tar::EntryType::Regular)
    }

    fn manifest(ids: &[&str]) -> Vec<u8> {
        serde_json::to_vec(&json!({"format": 1, "exported_at": Utc::now(), "cases": ids})).unwrap()
    }

    /// Why the bundle was refused, in English; the Chinese says it in Chinese.
    fn refused(bytes: Vec<u8>) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hostile.banka");
        std::fs::write(&path, bytes).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        match read_bundle(file, &Passphrase::new(PASS)) {
            Err(Error::BadBundle(why)) => {
                assert!(why.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{why:?}");
                why.en
            }
            Err(e) => panic!("refused, but as {e:?}"),
            Ok(_) => panic!("a hostile bundle was accepted"),
        }
    }

    #[test]
    fn a_well_formed_bundle_reads() {
        let id = uuid::Uuid::new_v4().to_string();
        let bytes = sealed(&[
            file("manifest.json", manifest(&[&id])),
            file(&format!("cases/{id}.json"), serde_json::to_vec(&record(&id)).unwrap()),
        ]);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ok.banka"), bytes).unwrap();
        let parsed = read_bundle(std::fs::File::open(dir.path().join("ok.banka")).unwrap(), &Passphrase::new(PASS));
        assert_eq!(parsed.unwrap().cases.len(), 1);
    }

    #[test]
    fn hostile_and_malformed_bundles_are_refused_with_the_reason() {
        let id = uuid::Uuid::new_v4().to_string();
        let case_name = format!("cases/{id}.json");
        let good_case = serde_json::to_vec(&record(&id)).unwrap();
        let photo = b"\x89PNG\r\n\x1a\n not really".to_vec();
        let (right_name, wrong_name) = (format!("blobs/{}", sha256_hex(&photo)), format!("blobs/{}", "0".repeat(64)));
        let with = |f: fn(&mut CaseRecord)| {
            let mut r = record(&id);
            f(&mut r);
            serde_json::to_vec(&r).unwrap()
        };
        let cases: Vec<(&str, Vec<Raw>, &str)> = vec![
            (
                "path traversal",
                vec![file("manifest.json", manifest(&[])), file("../../escape.txt", b"x".to_vec())],
                "unexpected entry",
            ),
            ("absolute path", vec![file("/tmp/escape.txt", b"x".to_vec())], "unexpected entry"),
            ("a symlink", vec![("cases/link", vec![], tar::EntryType::Symlink)], "not a plain file"),
            ("no manifest", vec![file(&case_name, good_case.clone())], "no manifest"),
            ("manifest lists a missing case", vec![file("manifest.json", manifest(&[&id]))], "manifest"),
            (
                "a blob that is not what its name says",
                vec![file("manifest.json", manifest(&[])), file(&wrong_name, photo.clone())],
                "does not match",
            ),
            (
                "a document nobody uses",
                vec![file("manifest.json", manifest(&[])), file(&right_name, photo.clone())],
                "belongs to no case",
            ),
            (
                "an unknown flow",
                vec![
                    file("manifest.json", manifest(&[&id])),
                    file(&case_name, with(|r| r.flow_id = "xx-unknown".into())),
                ],
                "unknown flow",
            ),
            (
                "a field the flow lacks",
                vec![
                    file("manifest.json", manifest(&[&id])),
                    file(
                        &case_name,
                        with(|r| {
                            r.answers.insert("applicant.shoe_size".into(), json!("42"));
                        }),
                    ),
                ],
                "not a field",
            ),
            (
                "a case named as another",
                vec![
                    file("manifest.json", manifest(&[&id])),
                    file(&case_name, with(|r| r.id = uuid::Uuid::new_v4().to_string())),
                ],
                "is named",
            ),
            (
                "no audit trail",
                vec![file("manifest.json", manifest(&[&id])), file(&case_name, with(|r| r.audit.clear()))],
                "audit trail",
            ),
            (
                "a future flow version",
                vec![file("manifest.json", manifest(&[&id])), file(&case_name, with(|r| r.flow_version = 99))],
                "update Banka",
            ),
            ("not JSON", vec![file("manifest.json", manifest(&[&id])), file(&case_name, b"{".to_vec())], "case"),
            (
                "the same case twice",
                vec![
                    file("manifest.json", manifest(&[&id])),
                    file(&case_name, good_case.clone()),
                    file(&case_name, good_case.clone()),
                ],
                "unexpected entry",
            ),
        ];
        for (what, entries, expect) in cases {
            let why = refused(sealed(&entries));
            assert!(why.contains(expect), "{what}: {why}");
        }
        assert!(!std::path::Path::new("/tmp/escape.txt").exists());
    }

    #[tokio::test]
    async fn a_bundle_carries_each_check_as_codes_and_data_and_the_store_shows_it_worded() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("data"), &Passphrase::new(PASS), KdfParams::MINIMUM).await.unwrap();
        let id = store.new_case("bj-individual", &Actor::Resident).await.unwrap().id;
        let mut picture = std::io::Cursor::new(Vec::new());
        image::RgbImage::from_pixel(40, 50, image::Rgb([200, 180, 160]))
            .write_to(&mut picture, image::ImageFormat::Png)
            .unwrap();
        let picture = picture.into_inner();
        let report = banka_photos::check(banka_flows::vocabulary::DocumentKind::CardPhoto, &picture);
        let kept = banka_photos::PhotoCheck::kept(&report);
        assert!(kept["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["code"] == "wrong_dimensions" && p["width"] == 40));
        let attached = store
            .attach_document(&id, "card_photo", "p.png", &picture, Some(kept.clone()), &Actor::Resident)
            .await
            .unwrap();
        let shown = store.case(&id).await.unwrap().documents[0].checks.clone().unwrap();
        assert_eq!(attached.checks.as_ref(), Some(&shown));
        assert_eq!(shown, banka_photos::shown(&kept));
        assert!(shown["problems"][0]["message"]["zh-Hant"].is_string(), "worded when shown: {shown}");

        let file = dir.path().join("out.banka");
        store.export(std::slice::from_ref(&id), &file, &Passphrase::new(PASS), KdfParams::MINIMUM).await.unwrap();
        let parsed = read_bundle(std::fs::File::open(&file).unwrap(), &Passphrase::new(PASS)).unwrap();
        assert_eq!(parsed.cases[0].documents[0].checks, Some(kept), "no words travel");
    }

    #[tokio::test]
    async fn one_bad_case_keeps_the_whole_bundle_out() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("data"), &Passphrase::new(PASS), KdfParams::MINIMUM).await.unwrap();
        let (good, bad) = (uuid::Uuid::new_v4().to_string(), uuid::Uuid::new_v4().to_string());
        let mut broken = record(&bad);
        broken.answers.insert("notice.agreed".into(), json!("not a boolean"));
        let bytes = sealed(&[
            file("manifest.json", manifest(&[&good, &bad])),
            file(&format!("cases/{good}.json"), serde_json::to_vec(&record(&good)).unwrap()),
            file(&format!("cases/{bad}.json"), serde_json::to_vec(&broken).unwrap()),
        ]);
        let path = dir.path().join("half.banka");
        std::fs::write(&path, bytes).unwrap();
        let err = store.import(&path, &Passphrase::new(PASS), &Actor::Resident).await.unwrap_err();
        assert!(err.to_string().contains("notice.agreed") || err.explain().message.en.contains("yes or no"), "{err}");
        assert_eq!(store.usage().await.unwrap().cases, 0);
    }

    #[tokio::test]
    async fn an_imported_case_has_the_status_its_flow_and_trail_allow_not_the_one_it_claims() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("data"), &Passphrase::new(PASS), KdfParams::MINIMUM).await.unwrap();
        let id = || uuid::Uuid::new_v4().to_string();
        let claim = |status: Status, reference: Option<&str>| {
            let mut r = record(&id());
            r.status = status;
            r.agency_reference = reference.map(str::to_owned);
            r
        };
        // The tester's bundles: `ready` with a flow that does not pass, `submitted` with an
        // invented reference; `queued` (no outbox travels); a reference its trail recorded.
        let ready = claim(Status::Ready, None);
        let invented = claim(Status::Submitted, Some("BJ-INVENTED-1"));
        let queued = claim(Status::Queued, None);
        let mut proven = claim(Status::Accepted, Some("BJ-2026-000042"));
        proven.audit.push(AuditEntry {
            at: Utc::now(),
            actor: Actor::System,
            action: Action::Status,
            field: Some("agency_reference".into()),
            old_value: None,
            new_value: Some(json!("BJ-2026-000042")),
            reason: None,
        });
        let records = [&ready, &invented, &queued, &proven];
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        let mut entries = vec![file("manifest.json", manifest(&ids))];
        let names: Vec<String> = ids.iter().map(|i| format!("cases/{i}.json")).collect();
        for (name, r) in names.iter().zip(records) {
            entries.push(file(name, serde_json::to_vec(r).unwrap()));
        }
        let path = dir.path().join("claims.banka");
        std::fs::write(&path, sealed(&entries)).unwrap();
        store.import(&path, &Passphrase::new(PASS), &Actor::Resident).await.unwrap();

        let summary = |id: String| {
            let store = &store;
            async move { store.summary(&id).await.unwrap() }
        };
        let r = summary(ready.id.clone()).await;
        assert_eq!((r.status, r.applied_on), (Status::Draft, None), "a case that fails its flow is a draft");
        let why = r.status_reason.unwrap();
        assert!(why.zh.contains("草稿") && why.en.contains("came in as a draft"), "{why:?}");
        let r = summary(invented.id.clone()).await;
        assert_eq!((r.status, r.agency_reference), (Status::Draft, None), "no invented reference");
        assert_eq!(summary(queued.id.clone()).await.status, Status::Draft);
        let r = summary(proven.id.clone()).await;
        assert_eq!((r.status, r.agency_reference.as_deref()), (Status::Accepted, Some("BJ-2026-000042")));
        // The correction is in the trail, before the import's own entry.
        let trail = store.case(&ready.id).await.unwrap().audit;
        let fixed = &trail[trail.len() - 2];
        assert_eq!((fixed.field.as_deref(), fixed.new_value.as_ref()), (Some("status"), Some(&json!("draft"))));
        assert_eq!(trail.last().unwrap().action, Action::Imported);
    }

    #[test]
    fn the_fuzz_targets_seed_is_a_bundle_the_reader_takes() {
        let seed = include_bytes!("../../../../fuzz/seeds/bundle/one-draft.tar");
        if let Err(e) = read_opened(&seed[..]) {
            panic!("{e}");
        }
    }
}
