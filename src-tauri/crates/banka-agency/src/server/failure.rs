//! Every answer that is not 2xx: an `ApiError` body (zh + en, what is wrong and what to do)
//! with its status, and the `Api` extractor that turns axum's plain-text rejections into one.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use banka_rules::Finding;

use crate::api::{ApiError, FieldProblem};

#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    // Boxed: a `Result<_, Failure>` stays small on the happy path.
    error: Box<ApiError>,
    retry_after: Option<u64>,
}

impl Failure {
    pub fn new(status: StatusCode, code: &str, zh: impl Into<String>, en: impl Into<String>) -> Failure {
        let error = ApiError {
            code: code.to_owned(),
            message_zh: zh.into(),
            message_en: en.into(),
            field: None,
            problems: Vec::new(),
        };
        Failure { status, error: Box::new(error), retry_after: None }
    }

    pub fn field(mut self, field: &str) -> Failure {
        self.error.field = Some(field.to_owned());
        self
    }

    pub fn problems(mut self, problems: Vec<FieldProblem>) -> Failure {
        self.error.problems = problems;
        self
    }

    pub fn retry_after(mut self, secs: u64) -> Failure {
        self.retry_after = Some(secs);
        self
    }

    pub fn bad_request(zh: impl Into<String>, en: impl Into<String>) -> Failure {
        Failure::new(StatusCode::BAD_REQUEST, "bad_request", zh, en)
    }

    pub fn not_found(zh: impl Into<String>, en: impl Into<String>) -> Failure {
        Failure::new(StatusCode::NOT_FOUND, "not_found", zh, en)
    }

    /// A value the rules refuse (an ID number's check character, a mobile's prefix…), worded
    /// by `banka-rules`, about the request's `field`.
    pub fn invalid(field: &str, finding: &Finding) -> Failure {
        Failure::new(StatusCode::UNPROCESSABLE_ENTITY, &finding.code, &finding.message.zh, &finding.message.en)
            .field(field)
    }

    pub fn too_large(zh: impl Into<String>, en: impl Into<String>) -> Failure {
        Failure::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", zh, en)
    }

    /// Something failed inside the server. The cause goes to stderr; it never holds request
    /// data (database and file errors name no values).
    pub fn internal(cause: &dyn std::fmt::Display) -> Failure {
        eprintln!("banka agency server: {cause}");
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "机构服务暂时出错，请稍后重试。",
            "The agency's server failed. Try again later.",
        )
    }

    /// An axum rejection (bad JSON, bad path or query), kept as a 400 unless the body was too big.
    fn rejected(status: StatusCode, detail: String) -> Failure {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            return Failure::too_large(
                "请求内容过大（JSON 不超过 1 MiB），请检查后重试。",
                "The request body is too large (JSON bodies are at most 1 MiB).",
            );
        }
        Failure::bad_request(
            format!("请求格式不正确：{detail}。请按接口文档发送。"),
            format!("The request is malformed: {detail}. Send it as the API document describes."),
        )
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(*self.error)).into_response();
        if let Some(secs) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, secs.into());
        }
        response
    }
}

impl From<JsonRejection> for Failure {
    fn from(r: JsonRejection) -> Failure {
        Failure::rejected(r.status(), r.body_text())
    }
}

impl From<PathRejection> for Failure {
    fn from(r: PathRejection) -> Failure {
        Failure::rejected(r.status(), r.body_text())
    }
}

impl From<QueryRejection> for Failure {
    fn from(r: QueryRejection) -> Failure {
        Failure::rejected(r.status(), r.body_text())
    }
}

impl From<sqlx::Error> for Failure {
    fn from(e: sqlx::Error) -> Failure {
        Failure::internal(&e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::internal(&e)
    }
}

/// Wraps an extractor (`Api<Json<T>>`, `Api<Path<String>>`) so that its rejection is an
/// `ApiError` too.
pub struct Api<E>(pub E);

impl<S, E> FromRequest<S> for Api<E>
where
    S: Send + Sync,
    E: FromRequest<S>,
    E::Rejection: Into<Failure>,
{
    type Rejection = Failure;

    async fn from_request(req: Request, state: &S) -> Result<Self, Failure> {
        E::from_request(req, state).await.map(Api).map_err(Into::into)
    }
}

impl<S, E> FromRequestParts<S> for Api<E>
where
    S: Send + Sync,
    E: FromRequestParts<S>,
    E::Rejection: Into<Failure>,
{
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Failure> {
        E::from_request_parts(parts, state).await.map(Api).map_err(Into::into)
    }
}
