//! Uploads: a picture for one of the case's documents is checked (banka-photos) and stored with
//! its findings; the one-click fix replaces it with the fixed picture; previews go back as raw
//! bytes. A picture arrives as the raw body of `document_add` (the page reads a dropped or
//! chosen file), so megabytes do not travel as JSON.

use banka_cases::{DocumentInfo, Store};
use banka_flows::vocabulary::DocumentKind;
use banka_photos::{Change, FixOptions, PhotoCheck, Report};
use serde::Serialize;
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::{AppHandle, Runtime, State};

use crate::commands::cases::{actor, CaseStore};
use crate::IpcError;

/// A stored upload and its check; after a fix, what was done (in both languages).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Upload {
    pub document: DocumentInfo,
    pub check: PhotoCheck,
    pub changes_zh: Vec<String>,
    pub changes_en: Vec<String>,
}

fn kind_of(kind: &str) -> Result<DocumentKind, IpcError> {
    DocumentKind::from_name(kind).ok_or_else(|| {
        IpcError::new("bad_document", format!("未知的材料类型：{kind}"), format!("Unknown kind of document: {kind}"))
    })
}

fn header<'a>(request: &'a Request<'_>, name: &str) -> Result<&'a str, IpcError> {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| IpcError::new("bad_request", format!("上传缺少 {name}。"), format!("The upload has no {name}.")))
}

async fn store_checked(
    store: &Store,
    id: &str,
    kind: DocumentKind,
    file_name: &str,
    bytes: &[u8],
    actor: &banka_cases::Actor,
) -> Result<(DocumentInfo, Report), IpcError> {
    let report = banka_photos::check(kind, bytes);
    let checks = serde_json::to_value(PhotoCheck::from(&report)).ok();
    let document = store.attach_document(id, kind.name(), file_name, bytes, checks, actor).await?;
    Ok((document, report))
}

/// Stores the raw body as the case's document of the `kind` header (`case-id`, `kind` and a
/// percent-encoded `file-name` headers), checked first; the check goes back with it.
#[tauri::command]
pub async fn document_add<R: Runtime>(
    request: Request<'_>,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<Upload, IpcError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::new("bad_request", "上传的内容不是文件。", "The upload is not a file."));
    };
    let id = header(&request, "case-id")?;
    let kind = kind_of(header(&request, "kind")?)?;
    let file_name = percent_encoding::percent_decode_str(header(&request, "file-name")?).decode_utf8_lossy();
    let store = cases.unlocked().await?;
    let (document, report) = store_checked(&store, id, kind, &file_name, bytes, &actor(&app)).await?;
    Ok(Upload { document, check: PhotoCheck::from(&report), changes_zh: Vec::new(), changes_en: Vec::new() })
}

/// The file dialog's title (both languages: the dialog is the system's, not the page's).
pub const PICK_TITLE: &str = "选择图片 Choose a picture";

/// Opens the system's "choose a file" dialog over the window and stores the chosen picture as
/// `document_add` does; `None` when the person cancels.
#[tauri::command]
pub async fn document_pick<R: Runtime>(
    id: String,
    kind: String,
    window: tauri::Window<R>,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<Option<Upload>, IpcError> {
    let kind = kind_of(&kind)?;
    let store = cases.unlocked().await?;
    let Some(file) = rfd::AsyncFileDialog::new()
        .set_parent(&window)
        .set_title(PICK_TITLE)
        .add_filter("图片 Pictures", &["jpg", "jpeg", "png", "webp", "bmp", "tif", "tiff", "heic"])
        .pick_file()
        .await
    else {
        return Ok(None);
    };
    let bytes = file.read().await;
    let (document, report) = store_checked(&store, &id, kind, &file.file_name(), &bytes, &actor(&app)).await?;
    Ok(Some(Upload { document, check: PhotoCheck::from(&report), changes_zh: Vec::new(), changes_en: Vec::new() }))
}

/// Replaces the document with its fixed picture (upright, cropped, sized, brightened, JPEG).
#[tauri::command]
pub async fn document_fix<R: Runtime>(
    id: String,
    kind: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<Upload, IpcError> {
    let kind = kind_of(&kind)?;
    let store = cases.unlocked().await?;
    let bytes = store.document_bytes(&id, kind.name()).await?;
    let name = store.case(&id).await?.documents.into_iter().find(|d| d.kind == kind.name()).map(|d| d.file_name);
    let fixed = tauri::async_runtime::spawn_blocking(move || banka_photos::fix(kind, &bytes, FixOptions::default()))
        .await
        .map_err(|_| IpcError::new("internal", "修正失败。", "The fix failed."))?
        .map_err(|_| {
            IpcError::new(
                "unreadable",
                "无法读取这张图片，请换一张重新上传。",
                "This picture cannot be read: upload another one.",
            )
        })?;
    let file_name = format!("{}-fixed.jpg", name.as_deref().unwrap_or(kind.name()).trim_end_matches(".jpg"));
    let (document, report) = store_checked(&store, &id, kind, &file_name, &fixed.bytes, &actor(&app)).await?;
    let (changes_zh, changes_en) = fixed.changes.iter().map(Change::message).unzip();
    Ok(Upload { document, check: PhotoCheck::from(&report), changes_zh, changes_en })
}

#[tauri::command]
pub async fn document_remove<R: Runtime>(
    id: String,
    kind: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<(), IpcError> {
    Ok(cases.unlocked().await?.detach_document(&id, kind_of(&kind)?.name(), &actor(&app)).await?)
}

/// Uses the document as it is despite the check's advisory findings ("use it anyway"),
/// recorded in the trail; what the agency would refuse cannot be accepted.
#[tauri::command]
pub async fn document_accept<R: Runtime>(
    id: String,
    kind: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<DocumentInfo, IpcError> {
    Ok(cases.unlocked().await?.accept_document(&id, kind_of(&kind)?.name(), &actor(&app)).await?)
}

/// The stored picture's bytes, for the preview (raw, not JSON).
#[tauri::command]
pub async fn document_preview(id: String, kind: String, cases: State<'_, CaseStore>) -> Result<Response, IpcError> {
    let bytes = cases.unlocked().await?.document_bytes(&id, kind_of(&kind)?.name()).await?;
    Ok(Response::new(bytes))
}

/// The default cartoon card photo, where the case's flow offers it (a child under 7, SPEC §3).
#[tauri::command]
pub async fn document_default_child_photo<R: Runtime>(
    id: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<Upload, IpcError> {
    let store = cases.unlocked().await?;
    let offered = crate::commands::wizard::view(&store, &id).await?.evaluation.fields.iter().any(|f| {
        f.default_document == Some(DocumentKind::CardPhoto) && f.status != banka_flows::engine::Status::Hidden
    });
    if !offered {
        return Err(IpcError::new(
            "not_offered",
            "此案件不能使用默认卡通照片（仅限7周岁以下儿童），请上传制卡照片。",
            "This case cannot use the default cartoon photo (only for children under 7): upload a card photo.",
        ));
    }
    let bytes = banka_photos::DEFAULT_CHILD_PHOTO;
    let (document, report) =
        store_checked(&store, &id, DocumentKind::CardPhoto, "default-child.jpg", bytes, &actor(&app)).await?;
    Ok(Upload { document, check: PhotoCheck::from(&report), changes_zh: Vec::new(), changes_en: Vec::new() })
}
