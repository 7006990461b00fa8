//! Made-up trouble for testing clients: a seeded share of requests gets a 500, a 429 or a slow
//! answer. Decided before the request is handled, so a failed request changed nothing.

use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::failure::Failure;
use super::Faults;

pub struct Injector {
    faults: Faults,
    rng: Mutex<fastrand::Rng>,
}

impl Injector {
    pub fn new(faults: Faults) -> Arc<Injector> {
        let rng = Mutex::new(fastrand::Rng::with_seed(faults.seed));
        Arc::new(Injector { faults, rng })
    }
}

pub async fn inject(State(injector): State<Arc<Injector>>, req: Request, next: Next) -> Response {
    if req.uri().path() == "/v1/health" {
        return next.run(req).await;
    }
    let f = &injector.faults;
    let (roll, slow) = {
        let mut rng = injector.rng.lock().unwrap_or_else(|e| e.into_inner());
        (rng.f64(), rng.f64())
    };
    if roll < f.error_rate {
        return Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "机构服务暂时出错，请稍后重试。",
            "The agency's server failed. Try again later.",
        )
        .into_response();
    }
    if roll < f.error_rate + f.throttle_rate {
        return Failure::new(
            StatusCode::TOO_MANY_REQUESTS,
            "throttled",
            "请求过于频繁，请稍后再试。",
            "Too many requests. Try again in a moment.",
        )
        .retry_after(1)
        .into_response();
    }
    if slow < f.slow_rate {
        tokio::time::sleep(f.slow).await;
    }
    next.run(req).await
}
