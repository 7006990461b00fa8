//! Uploaded documents: each file stored once by its SHA-256 (two slots may share a photo), with
//! its kind, original name, dimensions and check results. The last reference gone, the bytes go
//! too (a trigger in the schema).

use banka_flows::catalog;
use banka_flows::vocabulary::DocumentKind;
use banka_rules::Localized;
use chrono::Utc;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use crate::audit::{self, Change};
use crate::case::{from_millis, millis, Action, Actor, DocumentInfo, Status};
use crate::error::{Error, Result};
use crate::lifecycle::{head, touch};
use crate::store::Store;

/// Larger than any phone photo or scan; the card photo's own limit (8.75 MB) is the checks' job.
pub const MAX_DOCUMENT_BYTES: usize = 30 * 1024 * 1024;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The document kind named `kind` (`card_photo`, …), or the store's refusal naming it.
pub fn parse_kind(kind: &str) -> Result<DocumentKind> {
    DocumentKind::from_name(kind).ok_or_else(|| {
        Error::BadDocument(Localized::new(format!("未知的材料类型 {kind}"), format!("unknown document kind {kind}")))
    })
}

/// The case has no document of `kind`, worded with the kind's name.
fn no_document(kind: &str) -> Error {
    let (zh, en) = match DocumentKind::from_name(kind) {
        Some(known) => known.label(),
        None => (kind, kind),
    };
    Error::BadDocument(Localized::new(format!("案件没有{zh}"), format!("the case has no {en}")))
}

/// The picture's width and height, read from its header; only pictures are accepted.
pub(crate) fn dimensions(bytes: &[u8]) -> Result<(u32, u32)> {
    if bytes.is_empty() || bytes.len() > MAX_DOCUMENT_BYTES {
        let mb = MAX_DOCUMENT_BYTES >> 20;
        return Err(Error::BadDocument(Localized::new(
            format!("文件大小须在 1 字节到 {mb} MB 之间"),
            format!("the file must be between 1 byte and {mb} MB"),
        )));
    }
    let size = imagesize::blob_size(bytes).map_err(|_| {
        Error::BadDocument(Localized::new("不是可识别的图片（请用 JPEG 或 PNG）", "not a picture (use JPEG or PNG)"))
    })?;
    Ok((size.width as u32, size.height as u32))
}

/// The case's documents, each check as shown: worded now (`banka_photos::shown`).
pub(crate) async fn list(conn: &mut SqliteConnection, id: &str) -> Result<Vec<DocumentInfo>> {
    read(conn, id, banka_photos::shown).await
}

/// The case's documents, each check as the store keeps it (codes and data): what a bundle carries.
pub(crate) async fn kept(conn: &mut SqliteConnection, id: &str) -> Result<Vec<DocumentInfo>> {
    read(conn, id, Value::clone).await
}

async fn read(conn: &mut SqliteConnection, id: &str, checks: fn(&Value) -> Value) -> Result<Vec<DocumentInfo>> {
    let rows = sqlx::query!(
        "SELECT kind, sha256, file_name, size, width, height, checks, added_at
         FROM documents WHERE case_id = ? ORDER BY kind",
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| DocumentInfo {
            kind: r.kind,
            sha256: r.sha256,
            file_name: r.file_name,
            size: r.size as u64,
            width: r.width.map(|w| w as u32),
            height: r.height.map(|h| h as u32),
            checks: r.checks.as_deref().and_then(kept_check).as_ref().map(checks),
            added_at: from_millis(r.added_at),
        })
        .collect())
}

/// A document's check column: JSON, whichever version kept it.
fn kept_check(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}

impl Store {
    /// The case's documents with their checks as kept (codes and data), as a bundle carries them.
    pub(crate) async fn kept_documents(&self, id: &str) -> Result<Vec<DocumentInfo>> {
        let mut conn = self.pool.acquire().await?;
        kept(&mut conn, id).await
    }

    /// Stores `bytes` as the case's document of `kind`, replacing any earlier one, with its check
    /// as kept (`banka_photos::PhotoCheck::kept`: codes and data).
    pub async fn attach_document(
        &self,
        id: &str,
        kind: &str,
        file_name: &str,
        bytes: &[u8],
        checks: Option<Value>,
        actor: &Actor,
    ) -> Result<DocumentInfo> {
        let document_kind = parse_kind(kind)?;
        let (width, height) = dimensions(bytes)?;
        let sha = sha256_hex(bytes);
        let file_name: String = file_name.chars().take(255).collect();
        let mut tx = self.write().await?;
        let head = head(&mut tx, id).await?;
        if head.status != Status::Draft {
            return Err(Error::NotEditable { status: head.status.name().into() });
        }
        let flow = catalog::get(&head.flow_id).ok_or_else(|| Error::UnknownFlow(head.flow_id.clone()))?;
        if !flow.documents.iter().any(|d| d.kind == document_kind) {
            return Err(Error::BadDocument(Localized::new(
                format!("流程 {} 不需要{}", flow.id, document_kind.label().0),
                format!("the flow {} takes no {}", flow.id, document_kind.label().1),
            )));
        }
        let now = Utc::now();
        let (size, at, checks_text) = (bytes.len() as i64, millis(now), checks.as_ref().map(Value::to_string));
        let twin = sqlx::query_scalar!(
            "SELECT kind FROM documents WHERE case_id = ? AND sha256 = ? AND kind != ?",
            id,
            sha,
            kind
        )
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(other) = twin.as_deref().and_then(DocumentKind::from_name) {
            return Err(Error::SamePicture { other });
        }
        sqlx::query!("INSERT INTO blobs (sha256, bytes) VALUES (?, ?) ON CONFLICT DO NOTHING", sha, bytes)
            .execute(&mut *tx)
            .await?;
        let old = sqlx::query!("SELECT sha256, file_name FROM documents WHERE case_id = ? AND kind = ?", id, kind)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| json!({"sha256": r.sha256, "file_name": r.file_name}));
        sqlx::query!(
            "INSERT INTO documents (case_id, kind, sha256, file_name, size, width, height, checks, added_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (case_id, kind) DO UPDATE SET sha256 = excluded.sha256, file_name = excluded.file_name,
                 size = excluded.size, width = excluded.width, height = excluded.height,
                 checks = excluded.checks, added_at = excluded.added_at",
            id,
            kind,
            sha,
            file_name,
            size,
            width,
            height,
            checks_text,
            at
        )
        .execute(&mut *tx)
        .await?;
        let new = json!({"sha256": sha, "file_name": file_name});
        let change = Change {
            field: Some(kind),
            old_value: old.as_ref(),
            new_value: Some(&new),
            ..Change::of(Action::DocumentAdded)
        };
        audit::record(&mut tx, id, now, actor, change).await?;
        touch(&mut tx, id, now).await?;
        tx.commit().await?;
        Ok(DocumentInfo {
            kind: kind.to_owned(),
            sha256: sha,
            file_name,
            size: bytes.len() as u64,
            width: Some(width),
            height: Some(height),
            checks: checks.as_ref().map(banka_photos::shown),
            added_at: from_millis(at),
        })
    }

    /// Removes the case's document of `kind`; its bytes go when no other slot uses them.
    pub async fn detach_document(&self, id: &str, kind: &str, actor: &Actor) -> Result<()> {
        let mut tx = self.write().await?;
        let head = head(&mut tx, id).await?;
        if head.status != Status::Draft {
            return Err(Error::NotEditable { status: head.status.name().into() });
        }
        let Some(old) =
            sqlx::query!("SELECT sha256, file_name FROM documents WHERE case_id = ? AND kind = ?", id, kind)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(());
        };
        sqlx::query!("DELETE FROM documents WHERE case_id = ? AND kind = ?", id, kind).execute(&mut *tx).await?;
        let old = json!({"sha256": old.sha256, "file_name": old.file_name});
        let change = Change { field: Some(kind), old_value: Some(&old), ..Change::of(Action::DocumentRemoved) };
        let now = Utc::now();
        audit::record(&mut tx, id, now, actor, change).await?;
        touch(&mut tx, id, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that the person uses the case's document of `kind` as it is, despite the check's
    /// advisory findings (a little dark, a little blur); what the agency would refuse cannot be
    /// accepted. The findings stay with the document and the choice goes into the trail.
    pub async fn accept_document(&self, id: &str, kind: &str, actor: &Actor) -> Result<DocumentInfo> {
        let mut tx = self.write().await?;
        let head = head(&mut tx, id).await?;
        if head.status != Status::Draft {
            return Err(Error::NotEditable { status: head.status.name().into() });
        }
        let checks = sqlx::query_scalar!("SELECT checks FROM documents WHERE case_id = ? AND kind = ?", id, kind)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| no_document(kind))?;
        let mut checks = checks.as_deref().and_then(kept_check).unwrap_or_else(|| json!({}));
        let findings = crate::checks::Findings::of(&banka_photos::shown(&checks));
        if !findings.refused.is_empty() {
            return Err(Error::BadDocument(Localized::new(
                "经办机构不会受理这张图片，请修正或重新上传",
                "the agency would refuse this picture: fix it or upload another",
            )));
        }
        checks["accepted"] = Value::Bool(true);
        let text = checks.to_string();
        sqlx::query!("UPDATE documents SET checks = ? WHERE case_id = ? AND kind = ?", text, id, kind)
            .execute(&mut *tx)
            .await?;
        let codes: Vec<&str> = findings.advisory.iter().map(|f| f.code.as_str()).collect();
        let change = Change {
            field: Some(kind),
            new_value: Some(&json!({"accepted": codes})),
            ..Change::of(Action::DocumentAccepted)
        };
        let now = Utc::now();
        audit::record(&mut tx, id, now, actor, change).await?;
        touch(&mut tx, id, now).await?;
        tx.commit().await?;
        let mut conn = self.pool.acquire().await?;
        list(&mut conn, id).await?.into_iter().find(|d| d.kind == kind).ok_or_else(|| Error::NoCase(id.to_owned()))
    }

    /// The case's documents, without their bytes (an empty list for a case that has none).
    pub async fn documents(&self, id: &str) -> Result<Vec<DocumentInfo>> {
        let mut conn = self.pool.acquire().await?;
        list(&mut conn, id).await
    }

    /// The bytes of the case's document of `kind`.
    pub async fn document_bytes(&self, id: &str, kind: &str) -> Result<Vec<u8>> {
        sqlx::query_scalar!(
            "SELECT b.bytes FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.case_id = ? AND d.kind = ?",
            id,
            kind
        )
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| no_document(kind))
    }
}
