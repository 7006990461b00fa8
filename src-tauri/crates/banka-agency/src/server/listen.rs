//! How the reference agency takes connections, so that idle, slow or too many clients cannot
//! starve it: at most `connections` at once (the rest wait in the kernel's queue, holding no
//! descriptor of ours), each closed when its request headers are slow or it sits idle between
//! requests (`header_read`, hyper's timer), and each request, body included, answered within
//! `request` (408 otherwise).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, Semaphore};

use super::failure::Failure;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Connections served at once; well under the usual 1,024 descriptors, with room for the
    /// database and the documents.
    pub connections: usize,
    /// For a request's headers to arrive, and for a kept-alive connection's next request.
    pub header_read: Duration,
    /// For a whole request: reading its body (a document of up to 8.75 MB) and answering.
    pub request: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { connections: 512, header_read: Duration::from_secs(10), request: Duration::from_secs(120) }
    }
}

/// Serves `app` on `listener` until `stop`, then lets requests in progress finish.
pub(super) async fn serve(listener: TcpListener, app: Router, limits: Limits, mut stop: oneshot::Receiver<()>) {
    let permits = Arc::new(Semaphore::new(limits.connections));
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_read);
    loop {
        let permit = tokio::select! {
            _ = &mut stop => break,
            permit = permits.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
        };
        let stream = tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of descriptors, or a client gone before it was accepted: keep serving.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let connection =
            graceful.watch(http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone())));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    graceful.shutdown().await;
}

/// The `request` limit, as middleware: a request still running after it gets 408.
pub(super) async fn within(limit: Duration, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => Failure::new(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            "请求用时过长，已中止。请检查网络后重试。",
            "The request took too long and was stopped. Check the network and try again.",
        )
        .into_response(),
    }
}
