//! The reference agency server: the whole API of `api.rs` over HTTP with sample data, for
//! tests, demos and training mode (`banka agency serve`). Its database, documents included, lives
//! in `data_dir`, encrypted when the configuration gives a key (training mode's practice data).

mod banks;
mod cards;
mod cases;
mod content;
pub mod demo;
mod documents;
mod eligibility;
mod entities;
mod failure;
mod faults;
mod listen;
mod photos;
mod revalidate;
mod sms;
mod status;
mod store;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use sqlx::SqlitePool;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::api::Health;
use failure::Failure;
pub use listen::Limits;

/// JSON bodies are small: answers and ids, never documents.
const JSON_LIMIT: usize = 1 << 20;

pub struct Config {
    /// The server's own SQLite file (received documents included) lives here.
    pub data_dir: PathBuf,
    /// The database's SQLCipher key: training mode's practice data holds people's answers and
    /// photos, so it is encrypted like the cases (the app keeps this key in the case store).
    /// `None` for `banka agency serve`'s sample data.
    pub key: Option<banka_cases::Key>,
    /// Accepted bearer tokens; must be non-empty.
    pub tokens: Vec<String>,
    /// How long each agency status stage takes.
    pub status_step: Duration,
    pub faults: Faults,
    /// Connections at once and how long they and their requests may take.
    pub limits: Limits,
}

/// Shares of requests (0–1) answered with a 500, a 429 (`Retry-After: 1`), or after `slow`.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    pub seed: u64,
    pub error_rate: f64,
    pub throttle_rate: f64,
    pub slow_rate: f64,
    pub slow: Duration,
}

impl Config {
    /// One token, a status stage a minute, no faults.
    pub fn new(data_dir: impl Into<PathBuf>, token: impl Into<String>) -> Config {
        Config {
            data_dir: data_dir.into(),
            key: None,
            tokens: vec![token.into()],
            status_step: Duration::from_secs(60),
            faults: Faults::default(),
            limits: Limits::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no bearer token is configured: clients could not be told apart from strangers")]
    NoToken,
    #[error("cannot prepare the data folder {path}: {source}")]
    DataDir { path: PathBuf, source: std::io::Error },
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("the server's database: {0}")]
    Database(#[from] sqlx::Error),
}

/// What every handler shares.
struct Shared {
    pool: SqlitePool,
    tokens: Vec<String>,
    status_step: Duration,
    sms: sms::Codes,
    uploads: documents::Locks,
    submitting: tokio::sync::Mutex<()>,
}

type AppState = Arc<Shared>;

/// A server that is listening; `shutdown` stops it.
pub struct Running {
    addr: SocketAddr,
    state: AppState,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

/// Binds `addr` (port 0 picks a free one) and serves in a tokio task; returns once listening.
pub async fn start(config: Config, addr: SocketAddr) -> Result<Running, Error> {
    if config.tokens.is_empty() || config.tokens.iter().any(|t| t.trim().is_empty()) {
        return Err(Error::NoToken);
    }
    let dir = &config.data_dir;
    tokio::fs::create_dir_all(dir).await.map_err(|source| Error::DataDir { path: dir.clone(), source })?;
    store::remove_old_folders(dir);
    let pool = store::open(dir, config.key.as_ref()).await?;
    let listener = TcpListener::bind(addr).await.map_err(|source| Error::Bind { addr, source })?;
    let addr = listener.local_addr().map_err(|source| Error::Bind { addr, source })?;
    let state = Arc::new(Shared {
        pool,
        tokens: config.tokens,
        status_step: config.status_step,
        sms: sms::Codes::default(),
        uploads: documents::Locks::default(),
        submitting: tokio::sync::Mutex::new(()),
    });
    let limits = config.limits;
    let app = router(state.clone(), config.faults)
        .layer(middleware::from_fn(move |req: Request, next: Next| listen::within(limits.request, req, next)));
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(listen::serve(listener, app, limits, stopped));
    Ok(Running { addr, state, stop, task })
}

impl Running {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT` (the loopback address when listening on all of them).
    pub fn url(&self) -> String {
        let ip = if self.addr.ip().is_unspecified() { Ipv4Addr::LOCALHOST.into() } else { self.addr.ip() };
        format!("http://{}", SocketAddr::new(ip, self.addr.port()))
    }

    /// Stops accepting, lets requests in progress finish, and closes the database.
    pub async fn shutdown(self) {
        let _ = self.stop.send(());
        let _ = self.task.await;
        self.state.pool.close().await;
    }

    /// Submissions stored in the data folder (every revision of every case), for tests that
    /// check nothing was submitted twice.
    pub async fn submissions_created(&self) -> u64 {
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM submissions").fetch_one(&self.state.pool).await.unwrap_or(0);
        n.unsigned_abs()
    }

    /// Forgets a case: every revision submitted, the cards its clean-up recorded, and the
    /// documents no other case was sent with. Training mode calls it when a practice case is
    /// deleted in the app, so no copy of it stays here.
    pub async fn forget_case(&self, case_id: &str) -> Result<(), sqlx::Error> {
        let shas = |lists: Vec<String>| -> std::collections::BTreeSet<String> {
            lists
                .iter()
                .filter_map(|l| serde_json::from_str::<std::collections::BTreeMap<String, String>>(l).ok())
                .flat_map(|m| m.into_values())
                .collect()
        };
        let mut tx = self.state.pool.begin().await?;
        let sent: Vec<String> = sqlx::query_scalar("SELECT documents FROM submissions WHERE case_id = ?")
            .bind(case_id)
            .fetch_all(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM submissions WHERE case_id = ?").bind(case_id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM cleaned_cards WHERE case_id = ?").bind(case_id).execute(&mut *tx).await?;
        let kept = shas(sqlx::query_scalar("SELECT documents FROM submissions").fetch_all(&mut *tx).await?);
        for sha in shas(sent).difference(&kept) {
            sqlx::query("DELETE FROM documents WHERE sha256 = ?").bind(sha).execute(&mut *tx).await?;
        }
        tx.commit().await
    }

    /// The bytes of a complete document, as received.
    pub async fn document_bytes(&self, sha256: &str) -> Option<Vec<u8>> {
        let sha = sha256.to_ascii_lowercase();
        if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let doc = documents::stored(&self.state.pool, &sha).await.ok()??;
        if !doc.complete {
            return None;
        }
        documents::received_bytes(&self.state.pool, &sha).await.ok()
    }
}

fn router(state: AppState, faults: Faults) -> Router {
    Router::new()
        .route("/v1/eligibility", post(eligibility::check))
        .route("/v1/sms", post(sms::send))
        .route("/v1/sms/verify", post(sms::verify))
        .route("/v1/photos/receipt", post(photos::receipt))
        .route("/v1/photos/on-file", post(photos::on_file))
        .route("/v1/photos/on-file/image", post(photos::on_file_image))
        .route("/v1/banks", get(banks::list))
        .route("/v1/entities/{uscc}/collective", get(entities::get_collective))
        .route("/v1/entities/{uscc}/employees", get(entities::get_employees))
        .route("/v1/cards", post(cards::list))
        .route("/v1/documents/{sha256}", get(documents::get_state).patch(documents::patch))
        .route("/v1/cases/status", post(status::statuses))
        .route("/v1/cases/{case_id}", put(cases::submit))
        .route_layer(middleware::from_fn_with_state(state.clone(), require_token))
        .route("/v1/health", get(health))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(JSON_LIMIT))
        .layer(middleware::from_fn_with_state(faults::Injector::new(faults), faults::inject))
        .with_state(state)
}

async fn health() -> Json<Health> {
    Json(Health {
        name: "Banka reference agency (示例机构)".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        training: true,
    })
}

/// Compares without stopping at the first difference, so timing tells nothing about a token.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn require_token(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    if given.is_some_and(|t| state.tokens.iter().any(|k| same(k, t))) {
        return next.run(req).await;
    }
    let mut response = Failure::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "未提供或不认可访问令牌，请在设置中填写机构发放的令牌。",
        "No access token, or one the agency does not know. Enter the token the agency issued in the settings.",
    )
    .into_response();
    response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
    response
}

async fn not_found() -> Failure {
    Failure::not_found(
        "没有这个接口，请核对地址（接口均以 /v1 开头）。",
        "There is no such endpoint. Check the address (every endpoint starts with /v1).",
    )
}

async fn method_not_allowed() -> Failure {
    Failure::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "此接口不支持这种请求方法，请按接口文档调用。",
        "This endpoint does not take that method. Call it as the API document describes.",
    )
}
