//! SMS verification codes: six digits, valid 5 minutes, another after 60 seconds; this is the
//! training server, so the code comes back in the answer instead of being sent. Kept in memory.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use banka_rules::{validate, Context, ValueKind};

use super::failure::{Api, Failure};
use super::AppState;
use crate::api::{SmsRequest, SmsSent, SmsVerified, SmsVerifyRequest};

const EXPIRES: Duration = Duration::from_secs(5 * 60);
const RESEND: Duration = Duration::from_secs(60);

struct Issued {
    code: String,
    at: Instant,
    verified: bool,
}

/// Codes by normalised mobile number, oldest first.
#[derive(Default)]
pub struct Codes(Mutex<HashMap<String, Vec<Issued>>>);

impl Codes {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<Issued>>> {
        // A panic elsewhere cannot leave a half-changed list: every change is one push or flag.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `code` was sent to `mobile` and is still valid, or was verified (a verified code
    /// stays good for the case it was typed into, which may be sent much later).
    pub fn accepts(&self, mobile: &str, code: &str) -> bool {
        self.lock()
            .get(mobile)
            .is_some_and(|list| list.iter().any(|i| i.code == code.trim() && (i.verified || i.at.elapsed() < EXPIRES)))
    }
}

fn mobile(value: &str) -> Result<String, Failure> {
    let ctx = Context { today: chrono::Utc::now().date_naive(), beijing_address: false };
    let report = validate(ValueKind::Mobile, value, &ctx);
    match report.errors.first() {
        Some(finding) => Err(Failure::invalid("mobile", finding)),
        None => Ok(report.normalized),
    }
}

/// `POST /v1/sms`.
pub async fn send(
    State(state): State<AppState>,
    Api(Json(req)): Api<Json<SmsRequest>>,
) -> Result<Json<SmsSent>, Failure> {
    let mobile = mobile(&req.mobile)?;
    let mut codes = state.sms.lock();
    let list = codes.entry(mobile).or_default();
    if let Some(last) = list.last().filter(|i| i.at.elapsed() < RESEND) {
        let wait = (RESEND - last.at.elapsed()).as_secs() + 1;
        return Err(Failure::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_soon",
            format!("验证码已发送，请{wait}秒后再重新获取。"),
            format!("A code was just sent. Ask for another in {wait} seconds."),
        )
        .retry_after(wait));
    }
    // Expired codes nobody verified are of no use any more.
    list.retain(|i| i.verified || i.at.elapsed() < EXPIRES);
    let code = format!("{:06}", fastrand::u32(0..1_000_000));
    list.push(Issued { code: code.clone(), at: Instant::now(), verified: false });
    Ok(Json(SmsSent {
        expires_in_secs: EXPIRES.as_secs(),
        resend_after_secs: RESEND.as_secs(),
        training_code: Some(code),
    }))
}

/// `POST /v1/sms/verify`.
pub async fn verify(
    State(state): State<AppState>,
    Api(Json(req)): Api<Json<SmsVerifyRequest>>,
) -> Result<Json<SmsVerified>, Failure> {
    let mobile = mobile(&req.mobile)?;
    let mut codes = state.sms.lock();
    let live = codes
        .get_mut(&mobile)
        .and_then(|list| list.iter_mut().rev().find(|i| i.code == req.code.trim() && i.at.elapsed() < EXPIRES));
    match live {
        Some(issued) => {
            issued.verified = true;
            Ok(Json(SmsVerified { verified: true }))
        }
        None => Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "sms_code_wrong",
            "短信验证码不正确或已过期，请核对，或重新获取验证码。",
            "The SMS code is wrong or has expired. Check it, or ask for a new code.",
        )
        .field("code")),
    }
}
