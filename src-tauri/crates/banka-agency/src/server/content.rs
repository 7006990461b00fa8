//! What an upload must be to be kept: a JPEG or PNG picture, and a card photo readable in the
//! card photo's format. Other card photo findings are only recorded: the app checked it already.

use axum::http::StatusCode;
use banka_flows::vocabulary::DocumentKind;
use banka_photos::{Format, Problem};
use banka_rules::Localized;

use super::failure::Failure;
use crate::api::FieldProblem;

pub fn rejected(problems: Vec<FieldProblem>) -> Failure {
    Failure::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "document_rejected",
        "文件不是可用的 JPEG 或 PNG 图片，未被接收。请按提示处理后重新上传。",
        "The file is not a usable JPEG or PNG picture and was not accepted. Deal with the problems listed, then upload it again.",
    )
    .problems(problems)
}

/// The content checks off the async threads (decoding a photo takes a while).
pub async fn inspect(kinds: Vec<DocumentKind>, bytes: Vec<u8>) -> Result<(Vec<FieldProblem>, Vec<String>), Failure> {
    tokio::task::spawn_blocking(move || judge(&kinds, &bytes)).await.map_err(|e| Failure::internal(&e))
}

/// What stops the document (wrong format) and, for the card photo, the other findings: the app
/// checked the photo already, so a good-enough one is kept and the findings only recorded.
fn judge(kinds: &[DocumentKind], bytes: &[u8]) -> (Vec<FieldProblem>, Vec<String>) {
    let mut fatal = Vec::new();
    let mut findings = Vec::new();
    let problem = |kind: DocumentKind, code: &str, message: Localized| FieldProblem {
        field: format!("documents.{}", kind.name()),
        code: code.to_owned(),
        message_zh: message.zh,
        message_en: message.en,
    };
    for &kind in kinds {
        // A card photo that is not a JPEG is refused from its first bytes, never decoded.
        let not_jpeg = match Format::sniff(bytes) {
            Format::Jpeg => None,
            Format::Unknown => Some(Problem::Unreadable),
            other => Some(Problem::WrongFormat { format: other }),
        };
        if let (DocumentKind::CardPhoto, Some(p)) = (kind, &not_jpeg) {
            fatal.push(problem(kind, p.code(), p.message()));
        } else if kind == DocumentKind::CardPhoto {
            for p in banka_photos::check(kind, bytes).problems {
                let stops = matches!(
                    p,
                    Problem::Unreadable
                        | Problem::UnsupportedFormat { .. }
                        | Problem::WrongFormat { .. }
                        | Problem::TooManyPixels
                );
                if stops {
                    fatal.push(problem(kind, p.code(), p.message()));
                } else {
                    findings.push(p.code().to_owned());
                }
            }
        } else {
            let format = Format::sniff(bytes);
            if !matches!(format, Format::Jpeg | Format::Png) {
                let name = format.name();
                fatal.push(problem(
                    kind,
                    "wrong_format",
                    Localized::new(
                        format!("材料须为 JPEG 或 PNG 图片，这个文件是 {name}。请拍照或导出为 JPEG 后重新上传。"),
                        format!("Documents must be JPEG or PNG pictures; this file is {name}. Take a photo or export it as JPEG, then upload it again."),
                    ),
                ));
            }
        }
    }
    (fatal, findings)
}
