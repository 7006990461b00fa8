//! Card photos the agency already has: a studio's photo by receipt number (相片回执号) and
//! whether a person's photo is on file (使用社保系统相片制卡).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use banka_rules::{Field, ValueKind};
use chrono::NaiveDate;

use super::demo;
use super::eligibility::{checked_number, required};
use super::failure::{Api, Failure};
use crate::api::{PersonRequest, PhotoOnFile, PhotoReceiptRequest};

/// Whether a studio registered a photo under this receipt number (an expired one too).
pub fn receipt_exists(number: &str) -> bool {
    [demo::PHOTO_RECEIPT, demo::EXPIRED_RECEIPT].contains(&number.trim())
}

/// Whether the receipt number's photo is too old to make a card with.
pub fn receipt_expired(number: &str) -> bool {
    number.trim() == demo::EXPIRED_RECEIPT
}

fn expired() -> Failure {
    Failure::new(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        "receipt_expired",
        "该相片回执号对应的相片已过期，不能用于制卡，请重新拍照。",
        "The photo under this receipt number has expired and cannot be used for a card. Have a new photo taken.",
    )
    .field("receipt_number")
}

/// `POST /v1/photos/receipt` → `image/jpeg`.
pub async fn receipt(Api(Json(req)): Api<Json<PhotoReceiptRequest>>) -> Result<Response, Failure> {
    required(&req.receipt_number, "receipt_number", Field::new("相片回执号", "photo receipt number"))?;
    if !receipt_exists(&req.receipt_number) {
        return Err(Failure::not_found(
            "未找到该相片回执号，请核对照相馆提供的社保卡相片回执号。",
            "No photo is registered under this receipt number. Check the number the photo studio gave you.",
        )
        .field("receipt_number"));
    }
    if receipt_expired(&req.receipt_number) {
        return Err(expired());
    }
    Ok(([(header::CONTENT_TYPE, "image/jpeg")], demo::SAMPLE_PHOTO).into_response())
}

/// When the person's photo on file was taken; only for the name registered with the number.
fn on_file_taken(req: &PersonRequest) -> Result<Option<NaiveDate>, Failure> {
    required(&req.name, "name", Field::new("姓名", "name"))?;
    let number = checked_number(ValueKind::IdNumber, &req.id_number, "id_number")?;
    Ok(demo::find(&number)
        .filter(|r| r.person.name == req.name.trim())
        .and_then(|r| r.photo_taken_on)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()))
}

/// `POST /v1/photos/on-file`.
pub async fn on_file(Api(Json(req)): Api<Json<PersonRequest>>) -> Result<Json<PhotoOnFile>, Failure> {
    let taken_on = on_file_taken(&req)?;
    Ok(Json(PhotoOnFile { on_file: taken_on.is_some(), taken_on }))
}

/// `POST /v1/photos/on-file/image` → `image/jpeg`.
pub async fn on_file_image(Api(Json(req)): Api<Json<PersonRequest>>) -> Result<Response, Failure> {
    match on_file_taken(&req)? {
        Some(_) => Ok(([(header::CONTENT_TYPE, "image/jpeg")], demo::SAMPLE_PHOTO).into_response()),
        None => Err(Failure::not_found(
            "社保系统中没有此人的相片。请选择“输入社保卡相片回执号”。",
            "The social security system has no photo of this person. Choose to enter a photo receipt number instead.",
        )
        .field("id_number")),
    }
}
