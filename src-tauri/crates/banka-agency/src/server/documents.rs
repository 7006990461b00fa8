//! Resumable, content-addressed uploads (`GET`/`PATCH /v1/documents/{sha256}`): chunks are
//! appended to the document's row in the database (committed with `synchronous=FULL`, so an
//! acknowledged chunk is on disk, and encrypted with the database in training mode); the whole
//! document is hashed and checked (JPEG or PNG; the card photo's format), then marked complete.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use banka_flows::vocabulary::DocumentKind;
use banka_photos::MAX_DOCUMENT_BYTES;
use sha2::{Digest, Sha256};
use sqlx::{Row, SqlitePool};
use tokio::sync::OwnedMutexGuard;

use super::content;
use super::failure::{Api, Failure};
use super::AppState;
use crate::api::{UploadState, DOCUMENT_KIND, UPLOAD_LENGTH, UPLOAD_OFFSET};

/// A chunk may be the whole document.
const MAX_CHUNK: usize = MAX_DOCUMENT_BYTES as usize;

/// One upload at a time per document; other documents go on meanwhile.
#[derive(Default)]
pub struct Locks(Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

/// Holds a document's lock; forgets the lock when nobody else waits for it.
struct Held<'a> {
    locks: &'a Locks,
    sha: String,
    guard: Option<OwnedMutexGuard<()>>,
}

impl Locks {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<tokio::sync::Mutex<()>>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn hold(&self, sha: &str) -> Held<'_> {
        let lock = self.map().entry(sha.to_owned()).or_default().clone();
        let guard = lock.lock_owned().await;
        Held { locks: self, sha: sha.to_owned(), guard: Some(guard) }
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        drop(self.guard.take());
        let mut map = self.locks.map();
        if map.get(&self.sha).is_some_and(|l| Arc::strong_count(l) == 1) {
            map.remove(&self.sha);
        }
    }
}

/// The bytes received of a document: all of them once it is complete.
pub async fn received_bytes(pool: &SqlitePool, sha: &str) -> Result<Vec<u8>, sqlx::Error> {
    let whole: Option<Option<Vec<u8>>> =
        sqlx::query_scalar("SELECT bytes FROM documents WHERE sha256 = ?").bind(sha).fetch_optional(pool).await?;
    if let Some(Some(bytes)) = whole {
        return Ok(bytes);
    }
    let chunks: Vec<Vec<u8>> = sqlx::query_scalar("SELECT bytes FROM document_chunks WHERE sha256 = ? ORDER BY offset")
        .bind(sha)
        .fetch_all(pool)
        .await?;
    Ok(chunks.concat())
}

/// A document as the database knows it.
pub struct Stored {
    pub length: u64,
    pub complete: bool,
    pub kinds: Vec<String>,
}

pub async fn stored(pool: &SqlitePool, sha: &str) -> Result<Option<Stored>, sqlx::Error> {
    let Some(row) =
        sqlx::query("SELECT length, complete FROM documents WHERE sha256 = ?").bind(sha).fetch_optional(pool).await?
    else {
        return Ok(None);
    };
    let kinds = sqlx::query_scalar("SELECT kind FROM document_kinds WHERE sha256 = ? ORDER BY rowid")
        .bind(sha)
        .fetch_all(pool)
        .await?;
    Ok(Some(Stored { length: row.get::<i64, _>("length") as u64, complete: row.get("complete"), kinds }))
}

/// How many bytes of an incomplete upload have arrived.
async fn received(pool: &SqlitePool, sha: &str) -> Result<u64, sqlx::Error> {
    let n: i64 = sqlx::query_scalar("SELECT coalesce(sum(length(bytes)), 0) FROM document_chunks WHERE sha256 = ?")
        .bind(sha)
        .fetch_one(pool)
        .await?;
    Ok(n.unsigned_abs())
}

fn checked_sha(sha: &str) -> Result<String, Failure> {
    let sha = sha.to_ascii_lowercase();
    if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Failure::bad_request(
            "文件标识应为 64 位十六进制的 SHA-256。",
            "A document is named by its SHA-256: 64 hexadecimal characters.",
        )
        .field("sha256"));
    }
    Ok(sha)
}

/// `GET /v1/documents/{sha256}`.
pub async fn get_state(
    State(state): State<AppState>,
    Api(Path(sha)): Api<Path<String>>,
) -> Result<Json<UploadState>, Failure> {
    let sha = checked_sha(&sha)?;
    let Some(doc) = stored(&state.pool, &sha).await? else {
        return Err(Failure::not_found(
            "服务器上没有这个文件，请从头上传。",
            "The server has none of this document. Upload it from the start.",
        ));
    };
    let offset = if doc.complete { doc.length } else { received(&state.pool, &sha).await? };
    let kind = doc.kinds.first().cloned().unwrap_or_default();
    Ok(Json(UploadState { sha256: sha, kind, length: doc.length, offset, complete: doc.complete }))
}

fn header_number(headers: &HeaderMap, name: &str) -> Result<u64, Failure> {
    headers.get(name).and_then(|v| v.to_str().ok()?.trim().parse().ok()).ok_or_else(|| {
        Failure::bad_request(
            format!("缺少请求头 {name}，或它不是非负整数。"),
            format!("The {name} header is missing or not a whole number."),
        )
        .field(name)
    })
}

/// `PATCH /v1/documents/{sha256}`: the bytes from `Upload-Offset` on.
pub async fn patch(
    State(state): State<AppState>,
    Api(Path(sha)): Api<Path<String>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<UploadState>, Failure> {
    let sha = checked_sha(&sha)?;
    let offset = header_number(&headers, UPLOAD_OFFSET)?;
    let length = header_number(&headers, UPLOAD_LENGTH)?;
    let kind =
        headers.get(DOCUMENT_KIND).and_then(|v| DocumentKind::from_name(v.to_str().ok()?.trim())).ok_or_else(|| {
            Failure::bad_request(
                "缺少请求头 Document-Kind，或它不是已知的材料类型（如 card_photo、id_card_front）。",
                "The Document-Kind header is missing or not a known document kind (e.g. card_photo, id_card_front).",
            )
            .field(DOCUMENT_KIND)
        })?;
    if length == 0 {
        return Err(Failure::bad_request("Upload-Length 不能为 0。", "Upload-Length cannot be 0.").field(UPLOAD_LENGTH));
    }
    let too_large = || {
        Failure::too_large(
            format!("文件过大：每个材料不超过 {} MiB。请压缩后再上传。", MAX_DOCUMENT_BYTES >> 20),
            format!(
                "The document is too large: at most {} MiB each. Make it smaller and upload it again.",
                MAX_DOCUMENT_BYTES >> 20
            ),
        )
    };
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if length > MAX_DOCUMENT_BYTES || declared.is_some_and(|n| n > MAX_DOCUMENT_BYTES) {
        return Err(too_large());
    }
    // A body that stops short of its declared length is a cut connection, not the client's
    // fault: 408, which clients retry.
    let bytes = axum::body::to_bytes(body, MAX_CHUNK).await.map_err(|_| match declared {
        Some(n) if n <= MAX_CHUNK as u64 => Failure::new(
            StatusCode::REQUEST_TIMEOUT,
            "incomplete_body",
            "上传中断，请重试。",
            "The upload was cut off; try again.",
        ),
        _ => too_large(),
    })?;
    // Its own task: a client that hangs up must not cancel a write half-way while the lock is
    // released (a retry would then append beside it and spoil the file).
    tokio::spawn(apply_chunk(state, sha, offset, length, kind, bytes))
        .await
        .map_err(|e| Failure::internal(&e))?
        .map(Json)
}

/// Appends one chunk under the document's lock, and finishes the upload when it is whole.
async fn apply_chunk(
    state: AppState,
    sha: String,
    offset: u64,
    length: u64,
    kind: DocumentKind,
    bytes: axum::body::Bytes,
) -> Result<UploadState, Failure> {
    let _held = state.uploads.hold(&sha).await;
    let (doc, added) = register(&state.pool, &sha, length, kind).await?;
    let state_now = |offset: u64, complete: bool| UploadState {
        sha256: sha.clone(),
        kind: kind.name().into(),
        length,
        offset,
        complete,
    };

    if doc.complete {
        // Sent again (harmless), perhaps as another kind: a new card photo is checked first.
        if added && kind == DocumentKind::CardPhoto {
            let bytes = received_bytes(&state.pool, &sha).await?;
            let (fatal, _) = content::inspect(vec![kind], bytes).await?;
            if !fatal.is_empty() {
                forget_kind(&state.pool, &sha, kind).await?;
                return Err(content::rejected(fatal));
            }
        }
        return Ok(state_now(length, true));
    }

    let have = received(&state.pool, &sha).await?;
    if offset != have {
        return Err(Failure::new(
            StatusCode::CONFLICT,
            "offset_mismatch",
            format!("上传位置（{offset}）与服务器已收到的字节数（{have}）不一致，请查询上传进度后从 {have} 继续。"),
            format!("This chunk starts at {offset} but the server has {have} bytes. Ask for the upload's state and continue from {have}."),
        ));
    }
    if have + bytes.len() as u64 > length {
        return Err(Failure::bad_request(
            "收到的字节超过了 Upload-Length。",
            "More bytes arrived than Upload-Length says the document has.",
        ));
    }
    if bytes.is_empty() {
        // Nothing new (a probe, or an empty body): the state as it is.
        return Ok(state_now(have, false));
    }
    // Acknowledged bytes are committed: a resumed upload never has to resend them.
    sqlx::query("INSERT INTO document_chunks (sha256, offset, bytes) VALUES (?, ?, ?)")
        .bind(&sha)
        .bind(have as i64)
        .bind(bytes.as_ref())
        .execute(&state.pool)
        .await?;
    let now = have + bytes.len() as u64;
    if now < length {
        return Ok(state_now(now, false));
    }
    finish(&state, &sha).await?;
    Ok(state_now(length, true))
}

/// The upload as stored (its row made by the first chunk), and whether `kind` is new for it.
async fn register(pool: &SqlitePool, sha: &str, length: u64, kind: DocumentKind) -> Result<(Stored, bool), Failure> {
    let doc = match stored(pool, sha).await? {
        Some(doc) if doc.length != length => {
            return Err(Failure::bad_request(
                format!("Upload-Length 与此文件开始上传时的长度（{}）不同。", doc.length),
                format!("Upload-Length differs from the length this upload started with ({}).", doc.length),
            )
            .field(UPLOAD_LENGTH))
        }
        Some(doc) => doc,
        None => {
            sqlx::query("INSERT INTO documents (sha256, length) VALUES (?, ?)")
                .bind(sha)
                .bind(length as i64)
                .execute(pool)
                .await?;
            Stored { length, complete: false, kinds: Vec::new() }
        }
    };
    let added = !doc.kinds.iter().any(|k| k == kind.name());
    if added {
        sqlx::query("INSERT INTO document_kinds (sha256, kind) VALUES (?, ?)")
            .bind(sha)
            .bind(kind.name())
            .execute(pool)
            .await?;
    }
    Ok((doc, added))
}

/// Every byte is there: the hash and the content decide whether the document is kept.
async fn finish(state: &AppState, sha: &str) -> Result<(), Failure> {
    let bytes = received_bytes(&state.pool, sha).await?;
    let drop_upload = || async {
        sqlx::query("DELETE FROM documents WHERE sha256 = ?").bind(sha).execute(&state.pool).await?;
        Ok::<_, Failure>(())
    };
    if hex::encode(Sha256::digest(&bytes)) != sha {
        drop_upload().await?;
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "hash_mismatch",
            "收到的文件与其 SHA-256 不符（传输中可能出错），已丢弃，请从头重新上传。",
            "The bytes received do not match the document's SHA-256 (something went wrong on the way). They were dropped; upload the document again from the start.",
        ));
    }
    let kinds = stored(&state.pool, sha).await?.map(|d| d.kinds).unwrap_or_default();
    let kinds = kinds.iter().filter_map(|k| DocumentKind::from_name(k)).collect();
    let (fatal, findings) = content::inspect(kinds, bytes.clone()).await?;
    if !fatal.is_empty() {
        drop_upload().await?;
        return Err(content::rejected(fatal));
    }
    let mut tx = state.pool.begin().await?;
    sqlx::query("UPDATE documents SET complete = 1, findings = ?, bytes = ? WHERE sha256 = ?")
        .bind(serde_json::to_string(&findings).unwrap_or_default())
        .bind(&bytes)
        .bind(sha)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM document_chunks WHERE sha256 = ?").bind(sha).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

async fn forget_kind(pool: &SqlitePool, sha: &str, kind: DocumentKind) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM document_kinds WHERE sha256 = ? AND kind = ?")
        .bind(sha)
        .bind(kind.name())
        .execute(pool)
        .await?;
    Ok(())
}
