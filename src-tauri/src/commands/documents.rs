//! Uploads from the window, adapters over `banka_service::documents`: a picture arrives as the
//! raw body of `document_add` (the page reads a dropped or chosen file), so megabytes do not
//! travel as JSON, or from the system's file dialog; each answer carries the case as it now is.
//! Previews go back as raw bytes.

use banka_cases::parse_kind;
use banka_cases::DocumentInfo;
use banka_service::documents::{self, Fix};
use banka_service::{Code, Upload};
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::{AppHandle, Runtime, State};

use crate::commands::cases::{actor, CaseStore};
use crate::IpcError;

fn header<'a>(request: &'a Request<'_>, name: &str) -> Result<&'a str, IpcError> {
    request.headers().get(name).and_then(|v| v.to_str().ok()).ok_or_else(|| {
        IpcError::new(Code::BadRequest, format!("上传缺少 {name}。"), format!("The upload has no {name}."))
    })
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
        return Err(IpcError::new(Code::BadRequest, "上传的内容不是文件。", "The upload is not a file."));
    };
    let id = header(&request, "case-id")?;
    let kind = parse_kind(header(&request, "kind")?)?;
    let file_name = percent_encoding::percent_decode_str(header(&request, "file-name")?).decode_utf8_lossy();
    let store = cases.unlocked().await?;
    documents::attach(&store, id, kind, &file_name, bytes, Fix::No, &actor(&app)).await?.shown(&store, id).await
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
    let kind = parse_kind(&kind)?;
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
    let attached = documents::attach(&store, &id, kind, &file.file_name(), &bytes, Fix::No, &actor(&app)).await?;
    Ok(Some(attached.shown(&store, &id).await?))
}

#[tauri::command]
pub async fn document_fix<R: Runtime>(
    id: String,
    kind: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<Upload, IpcError> {
    let store = cases.unlocked().await?;
    documents::fix(&store, &id, parse_kind(&kind)?, &actor(&app)).await?.shown(&store, &id).await
}

#[tauri::command]
pub async fn document_remove<R: Runtime>(
    id: String,
    kind: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<(), IpcError> {
    Ok(cases.unlocked().await?.detach_document(&id, parse_kind(&kind)?.name(), &actor(&app)).await?)
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
    Ok(cases.unlocked().await?.accept_document(&id, parse_kind(&kind)?.name(), &actor(&app)).await?)
}

/// The stored picture's bytes, for the preview (raw, not JSON).
#[tauri::command]
pub async fn document_preview(id: String, kind: String, cases: State<'_, CaseStore>) -> Result<Response, IpcError> {
    let bytes = cases.unlocked().await?.document_bytes(&id, parse_kind(&kind)?.name()).await?;
    Ok(Response::new(bytes))
}

#[tauri::command]
pub async fn document_default_child_photo<R: Runtime>(
    id: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<Upload, IpcError> {
    let store = cases.unlocked().await?;
    documents::default_child_photo(&store, &id, &actor(&app)).await?.shown(&store, &id).await
}
