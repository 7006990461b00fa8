//! A case's documents: a picture is checked (banka-photos) and stored with its findings in one
//! call; the one-click fix stores the fixed picture with the report the fix already made (it is
//! not checked twice); the default cartoon photo where the flow offers it; use-anyway; remove.

use banka_cases::{Actor, DocumentInfo, Store};
use banka_flows::vocabulary::DocumentKind;
use banka_photos::{Change, FixOptions, PhotoCheck, Report};
use banka_rules::Localized;
use serde::Serialize;

use crate::{case, CaseView, Code, Error};

/// A stored upload and its check; after a fix, what was done (in both languages); and the case as
/// it now is, so the window redraws from one round trip.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Upload {
    pub document: DocumentInfo,
    pub check: PhotoCheck,
    pub changes: Vec<Localized>,
    pub view: CaseView,
}

/// What storing a picture did: the document, its check, and what a fix changed.
#[derive(Debug, Clone)]
pub struct Attached {
    pub document: DocumentInfo,
    pub check: PhotoCheck,
    pub changes: Vec<Change>,
}

impl Attached {
    /// What the window shows: the upload and the case `id` as it now is.
    pub async fn shown(self, store: &Store, id: &str) -> Result<Upload, Error> {
        let view = case::open(store, id).await?;
        Ok(Upload {
            document: self.document,
            check: self.check,
            changes: self.changes.iter().map(Change::message).collect(),
            view,
        })
    }
}

/// Stores the picture as it is or, with `Fix::Yes`, fixed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    No,
    Yes,
}

/// Checks `bytes` (or fixes them) and stores them as the case's document of `kind`, with the
/// check, in one call. A picture the fix cannot read is refused and nothing is stored.
pub async fn attach(
    store: &Store,
    id: &str,
    kind: DocumentKind,
    file_name: &str,
    bytes: &[u8],
    fix: Fix,
    actor: &Actor,
) -> Result<Attached, Error> {
    if fix == Fix::No {
        let report = banka_photos::check(kind, bytes);
        let document = stored(store, id, kind, file_name, bytes, &report, actor).await?;
        return Ok(Attached { document, check: PhotoCheck::from(&report), changes: Vec::new() });
    }
    // Decoding, the face search and encoding take a core for a moment: off the async threads.
    let original = bytes.to_vec();
    let fixed = tokio::task::spawn_blocking(move || banka_photos::fix(kind, &original, FixOptions::default()))
        .await
        .map_err(|_| Error::new(Code::Internal, "修正失败。", "The fix failed."))?
        .map_err(|report| unreadable(kind, &report))?;
    let document = stored(store, id, kind, &fixed_name(file_name, kind), &fixed.bytes, &fixed.report, actor).await?;
    Ok(Attached { document, check: PhotoCheck::from(&fixed.report), changes: fixed.changes })
}

/// Replaces the case's document of `kind` with its fixed picture (upright, cropped, sized,
/// brightened, JPEG, no metadata).
pub async fn fix(store: &Store, id: &str, kind: DocumentKind, actor: &Actor) -> Result<Attached, Error> {
    let bytes = store.document_bytes(id, kind.name()).await?;
    let name = store.documents(id).await?.into_iter().find(|d| d.kind == kind.name());
    let name = name.map_or_else(|| kind.name().to_owned(), |d| d.file_name);
    attach(store, id, kind, &name, &bytes, Fix::Yes, actor).await
}

/// The default cartoon card photo, where the case's flow offers it (a child under 7, SPEC §3).
pub async fn default_child_photo(store: &Store, id: &str, actor: &Actor) -> Result<Attached, Error> {
    let offered = case::open(store, id).await?.evaluation.fields.iter().any(|f| {
        f.default_document == Some(DocumentKind::CardPhoto) && f.status != banka_flows::engine::Status::Hidden
    });
    if !offered {
        return Err(Error::new(
            Code::NotOffered,
            "此案件不能使用默认卡通照片（仅限7周岁以下儿童），请上传制卡照片。",
            "This case cannot use the default cartoon photo (only for children under 7): upload a card photo.",
        ));
    }
    let bytes = banka_photos::DEFAULT_CHILD_PHOTO;
    attach(store, id, DocumentKind::CardPhoto, "default-child.jpg", bytes, Fix::No, actor).await
}

/// The fixed picture's name: the original's, marked, as a JPEG.
fn fixed_name(file_name: &str, kind: DocumentKind) -> String {
    let stem = std::path::Path::new(file_name).file_stem().map(|s| s.to_string_lossy().into_owned());
    let stem = stem.filter(|s| !s.is_empty()).unwrap_or_else(|| kind.name().to_owned());
    format!("{stem}-fixed.jpg")
}

/// Not a picture Banka can read: nothing to fix, nothing stored.
fn unreadable(kind: DocumentKind, report: &Report) -> Error {
    let problem = report.problems.first().unwrap_or(&banka_photos::Problem::Unreadable);
    Error::worded(Code::Unreadable, problem.message()).on(&format!("documents.{}", kind.name()))
}

/// Stores the picture with its check (what the engine reads: what the agency would refuse, and
/// advice until accepted).
async fn stored(
    store: &Store,
    id: &str,
    kind: DocumentKind,
    file_name: &str,
    bytes: &[u8],
    report: &Report,
    actor: &Actor,
) -> Result<DocumentInfo, Error> {
    let checks = PhotoCheck::kept(report);
    Ok(store.attach_document(id, kind.name(), file_name, bytes, Some(checks), actor).await?)
}
