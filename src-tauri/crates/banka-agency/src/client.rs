//! The agency client: one method per endpoint of the API (`api.rs`, `docs/agency-api.yaml`),
//! written against the API, not the reference server, so it can be pointed at a real endpoint.
//! Errors say whether to try again later (network, 5xx, 429, an answer that makes no sense) or
//! whether a person must act (the agency refused the case or the token).

use std::time::Duration;

use reqwest::{header, Method, RequestBuilder, Response, StatusCode, Url};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::api::*;
use banka_rules::Localized;

/// Documents go up in pieces this big; an interrupted upload resumes from the last piece the
/// agency has.
pub const CHUNK_BYTES: usize = 1 << 20;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The agency cannot be reached, is busy or failed: try again later.
    #[error("{message}")]
    Unavailable { message: Localized, retry_after: Option<Duration> },
    /// The token was refused: someone must fix the settings.
    #[error("{}", .0.message_en)]
    Unauthorized(ApiError),
    /// The agency refused the request; its reason says what to change.
    #[error("{}", .error.message_en)]
    Refused { status: u16, error: ApiError },
    /// The endpoint in the settings cannot be used.
    #[error("{0}")]
    BadEndpoint(Localized),
}

impl Error {
    /// Whether waiting and trying again may succeed without anyone doing anything.
    pub fn retry_later(&self) -> bool {
        matches!(self, Error::Unavailable { .. })
    }

    /// The reason as a person reads it, with every field's problem: what a case's status
    /// reason and the app's error say.
    pub fn message(&self) -> Localized {
        match self {
            Error::Unavailable { message, .. } | Error::BadEndpoint(message) => message.clone(),
            Error::Unauthorized(e) | Error::Refused { error: e, .. } => {
                let mut zh = e.message_zh.clone();
                let mut en = e.message_en.clone();
                for p in &e.problems {
                    zh.push_str(&format!("；{}", p.message_zh));
                    en.push_str(&format!("; {}", p.message_en));
                }
                Localized::new(zh, en)
            }
        }
    }

    fn unavailable(zh: &str, en: &str, retry_after: Option<Duration>) -> Error {
        Error::Unavailable { message: Localized::new(zh, en), retry_after }
    }
}

#[derive(Clone, Debug)]
pub struct Client {
    http: reqwest::Client,
    base: Url,
    token: String,
}

/// Longer than any real address or token: a pasted page is refused, not saved.
pub const MAX_ENDPOINT_CHARS: usize = 2000;
pub const MAX_TOKEN_CHARS: usize = 4096;

impl Client {
    /// A client for `endpoint` (e.g. `https://agency.example.cn`). Plain `http://` is allowed
    /// only on this machine (the training server): personal data never crosses a network
    /// unencrypted.
    pub fn new(endpoint: &str, token: &str) -> Result<Client, Error> {
        let bad = |zh: &str, en: &str| Error::BadEndpoint(Localized::new(zh, en));
        if endpoint.chars().count() > MAX_ENDPOINT_CHARS {
            return Err(bad(
                &format!("机构地址过长：请不超过 {MAX_ENDPOINT_CHARS} 个字符"),
                &format!("the agency address is too long: keep it under {MAX_ENDPOINT_CHARS} characters"),
            ));
        }
        if token.chars().count() > MAX_TOKEN_CHARS {
            return Err(bad(
                &format!("机构访问令牌过长：请不超过 {MAX_TOKEN_CHARS} 个字符"),
                &format!("the agency access token is too long: keep it under {MAX_TOKEN_CHARS} characters"),
            ));
        }
        let base = Url::parse(endpoint.trim()).map_err(|_| {
            bad(
                "机构地址无效，请填写如 https://example.cn 的网址",
                "the agency address is not a URL like https://example.cn",
            )
        })?;
        let host = base.host_str().unwrap_or_default().trim_matches(['[', ']']);
        let loopback = host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
        match base.scheme() {
            "https" => {}
            "http" if loopback => {}
            _ => return Err(bad(
                "机构地址须以 https:// 开头（仅本机培训服务器可用 http://）",
                "the agency address must start with https:// (http:// only for the training server on this machine)",
            )),
        }
        if token.trim().is_empty() {
            return Err(bad("请填写机构访问令牌", "enter the agency access token"));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(Duration::from_secs(30))
            .timeout(Duration::from_secs(120))
            .user_agent(concat!("banka/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|_| bad("无法建立安全连接", "cannot set up a secure connection"))?;
        Ok(Client { http, base, token: token.trim().to_owned() })
    }

    pub fn endpoint(&self) -> &str {
        self.base.as_str()
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let url = format!("{}{PREFIX}{path}", self.base.as_str().trim_end_matches('/'));
        self.http.request(method, url).bearer_auth(&self.token)
    }

    pub async fn health(&self) -> Result<Health, Error> {
        json(self.request(Method::GET, "/health")).await
    }

    pub async fn eligibility(&self, request: &EligibilityRequest) -> Result<EligibilityAnswer, Error> {
        json(self.request(Method::POST, "/eligibility").json(request)).await
    }

    pub async fn send_sms(&self, mobile: &str) -> Result<SmsSent, Error> {
        json(self.request(Method::POST, "/sms").json(&SmsRequest { mobile: mobile.into() })).await
    }

    pub async fn verify_sms(&self, mobile: &str, code: &str) -> Result<SmsVerified, Error> {
        let body = SmsVerifyRequest { mobile: mobile.into(), code: code.into() };
        json(self.request(Method::POST, "/sms/verify").json(&body)).await
    }

    /// The JPEG registered under a photo receipt number (相片回执号).
    pub async fn photo_by_receipt(&self, receipt_number: &str) -> Result<Vec<u8>, Error> {
        let body = PhotoReceiptRequest { receipt_number: receipt_number.into() };
        jpeg(self.request(Method::POST, "/photos/receipt").json(&body)).await
    }

    pub async fn photo_on_file(&self, person: &PersonRequest) -> Result<PhotoOnFile, Error> {
        json(self.request(Method::POST, "/photos/on-file").json(person)).await
    }

    /// The person's photo in the social security system (使用本人社保相片).
    pub async fn photo_on_file_image(&self, person: &PersonRequest) -> Result<Vec<u8>, Error> {
        jpeg(self.request(Method::POST, "/photos/on-file/image").json(person)).await
    }

    /// Banks and branches of a region (a Beijing district or Guangdong city code), branches
    /// matching `q` in name or address.
    pub async fn banks(&self, region: &str, q: Option<&str>) -> Result<Directory, Error> {
        let mut query = vec![("region", region)];
        query.extend(q.map(|q| ("q", q)));
        json(self.request(Method::GET, "/banks").query(&query)).await
    }

    pub async fn collective(&self, uscc: &str) -> Result<Collective, Error> {
        json(self.request(Method::GET, &format!("/entities/{}/collective", segment(uscc)))).await
    }

    pub async fn employees(&self, uscc: &str) -> Result<Employees, Error> {
        json(self.request(Method::GET, &format!("/entities/{}/employees", segment(uscc)))).await
    }

    pub async fn cards(&self, person: &PersonRequest) -> Result<Cards, Error> {
        json(self.request(Method::POST, "/cards").json(person)).await
    }

    /// What the agency has of a document (`None`: nothing yet).
    pub async fn upload_state(&self, sha256: &str) -> Result<Option<UploadState>, Error> {
        match json(self.request(Method::GET, &format!("/documents/{}", segment(sha256)))).await {
            Err(Error::Refused { status: 404, .. }) => Ok(None),
            other => other.map(Some),
        }
    }

    /// Uploads `bytes` as a document of `kind`, continuing from what the agency already has;
    /// `progress(sent, total)` after each piece.
    pub async fn upload(
        &self,
        kind: &str,
        bytes: &[u8],
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<UploadState, Error> {
        let sha = hex::encode(Sha256::digest(bytes));
        let total = bytes.len() as u64;
        let mut offset = match self.upload_state(&sha).await? {
            Some(state) if state.complete => return Ok(state),
            Some(state) => state.offset,
            None => 0,
        };
        loop {
            progress(offset, total);
            let start = offset.min(total) as usize;
            let end = (start + CHUNK_BYTES).min(bytes.len());
            let chunk = bytes[start..end].to_vec();
            let request = self
                .request(Method::PATCH, &format!("/documents/{sha}"))
                .header(UPLOAD_OFFSET, start)
                .header(UPLOAD_LENGTH, total)
                .header(DOCUMENT_KIND, kind)
                .header(header::CONTENT_TYPE, "application/octet-stream")
                .body(chunk);
            match json::<UploadState>(request).await {
                Ok(state) if state.complete => {
                    progress(total, total);
                    return Ok(state);
                }
                // The agency must move forward, or something is wrong with it.
                Ok(state) if state.offset > offset && state.offset <= total => offset = state.offset,
                Ok(_) => return Err(garbage()),
                // Our idea of the offset was stale (an earlier piece did arrive): ask again.
                Err(Error::Refused { status: 409, .. }) => {
                    offset = self.upload_state(&sha).await?.map_or(0, |s| s.offset);
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Submits a case (`case_id` is the idempotency key): the first result, however often it is
    /// sent.
    pub async fn submit(&self, case_id: &str, submission: &Submission) -> Result<Receipt, Error> {
        json(self.request(Method::PUT, &format!("/cases/{}", segment(case_id))).json(submission)).await
    }

    /// The agency's status of many submitted cases.
    pub async fn statuses(&self, case_ids: &[String]) -> Result<Vec<CaseStatus>, Error> {
        let body = StatusRequest { case_ids: case_ids.to_vec() };
        Ok(json::<Statuses>(self.request(Method::POST, "/cases/status").json(&body)).await?.statuses)
    }
}

/// One path segment: nothing in it can reach another endpoint.
fn segment(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

async fn send(request: RequestBuilder) -> Result<Response, Error> {
    let response = request.send().await.map_err(network)?;
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let retry_after = response
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let body: Option<ApiError> = response.json().await.ok();
    if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::REQUEST_TIMEOUT {
        return Err(match (status, body) {
            (StatusCode::TOO_MANY_REQUESTS, _) => Error::unavailable(
                "机构系统繁忙，稍后自动重试",
                "the agency is busy; Banka will try again",
                retry_after,
            ),
            (_, Some(e)) => Error::Unavailable { message: Localized::new(e.message_zh, e.message_en), retry_after },
            _ => Error::unavailable(
                &format!("机构系统出错（{}），稍后自动重试", status.as_u16()),
                &format!("the agency's system failed ({}); Banka will try again", status.as_u16()),
                retry_after,
            ),
        });
    }
    let error = body.unwrap_or_else(|| ApiError {
        code: format!("http_{}", status.as_u16()),
        message_zh: format!("机构拒绝了请求（{}）", status.as_u16()),
        message_en: format!("the agency refused the request ({})", status.as_u16()),
        field: None,
        problems: Vec::new(),
    });
    if matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) {
        return Err(Error::Unauthorized(error));
    }
    Err(Error::Refused { status: status.as_u16(), error })
}

/// A card photo from the agency: a JPEG no larger than a card photo may be (8.75 MB).
async fn jpeg(request: RequestBuilder) -> Result<Vec<u8>, Error> {
    let mut response = send(request).await?;
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(network)? {
        if (bytes.len() + chunk.len()) as u64 > banka_photos::spec::MAX_BYTES {
            return Err(garbage());
        }
        bytes.extend_from_slice(&chunk);
    }
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(garbage());
    }
    Ok(bytes)
}

async fn json<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, Error> {
    let bytes = send(request).await?.bytes().await.map_err(network)?;
    serde_json::from_slice(&bytes).map_err(|_| garbage())
}

fn network(e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::unavailable(
            "连接机构超时，稍后自动重试",
            "the agency did not answer in time; Banka will try again",
            None,
        )
    } else {
        Error::unavailable(
            "无法连接机构（网络不通或机构系统未开放），稍后自动重试",
            "cannot reach the agency (no network, or its system is down); Banka will try again",
            None,
        )
    }
}

/// The answer is not what the API says it would be (a captive portal, a broken proxy…).
fn garbage() -> Error {
    Error::unavailable(
        "机构返回了无法识别的答复，稍后自动重试",
        "the agency's answer could not be understood; Banka will try again",
        None,
    )
}
