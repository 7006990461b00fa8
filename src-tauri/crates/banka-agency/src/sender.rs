//! The outbox sender: submits queued cases to the agency, one claimed case at a time per
//! worker, and refreshes the agency's status of submitted cases. Every step is recorded in the
//! store before the next one (see `banka_cases` outbox), and the agency replays a submission it
//! has seen, so a sender killed at any point resumes without losing or doubling a case.

use std::sync::Arc;
use std::time::Duration;

use banka_cases::{Claim, Status, Store};
use banka_rules::Localized;
use chrono::Utc;
use serde::Serialize;

use crate::api::{AgencyStatus, Submission};
use crate::client::{Client, Error as ClientError};

#[derive(Debug, Clone)]
pub struct Config {
    /// How long a claimed case is this sender's alone; renewed every third of it while the
    /// sender works on the case, so a killed sender's case is free again this soon.
    pub lease: Duration,
    /// The first wait after a failure; it doubles with each failure, up to `backoff_cap`, and a
    /// random part of it is used (full jitter) so many centers do not retry in step.
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// Cases sent side by side.
    pub workers: usize,
    /// The first wait before a failed request is tried again within the same attempt (then
    /// twice as long, `QUICK_RETRIES` times at most).
    pub retry_soon: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lease: Duration::from_secs(30),
            backoff_base: Duration::from_secs(5),
            // A few minutes at most: a center waits for the network, not for the backoff.
            backoff_cap: Duration::from_secs(3 * 60),
            workers: 2,
            retry_soon: Duration::from_millis(500),
        }
    }
}

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub submitted: u32,
    /// Refused by the agency: the case needs the person.
    pub rejected: u32,
    /// Failed for now: they will be tried again.
    pub retrying: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] banka_cases::Error),
    /// The agency refused the token: nothing can be sent until the settings are fixed.
    #[error("{}", .0.message())]
    Unauthorized(ClientError),
}

/// Told the id of each case whose status the sender changed (a window redraws it).
pub type OnChange = Arc<dyn Fn(&str) + Send + Sync>;

#[derive(Clone)]
pub struct Sender {
    store: Store,
    client: Client,
    config: Config,
    on_change: Option<OnChange>,
}

impl Sender {
    pub fn new(store: Store, client: Client, config: Config) -> Sender {
        Sender { store, client, config, on_change: None }
    }

    /// The same sender, telling `on_change` of every status it changes.
    pub fn announcing(self, on_change: OnChange) -> Sender {
        Sender { on_change: Some(on_change), ..self }
    }

    fn changed(&self, id: &str) {
        if let Some(on_change) = &self.on_change {
            on_change(id);
        }
    }

    /// Sends every case that is due now, once each: a case that fails comes due again later,
    /// in a later pass.
    pub async fn send_due(&self) -> Result<Report, Error> {
        let due_by = Utc::now();
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..self.config.workers.max(1) {
            let sender = self.clone();
            workers.spawn(async move {
                let mut report = Report::default();
                while let Some(claim) = sender.store.claim_next(sender.config.lease, due_by).await? {
                    sender.changed(&claim.case_id);
                    let sent = sender.send_one(&claim, &mut report).await;
                    sender.changed(&claim.case_id);
                    sent?;
                }
                Ok::<_, Error>(report)
            });
        }
        let mut total = Report::default();
        let mut first_error = None;
        while let Some(done) = workers.join_next().await {
            match done.expect("a sender worker panicked") {
                Ok(r) => {
                    total.submitted += r.submitted;
                    total.rejected += r.rejected;
                    total.retrying += r.retrying;
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        first_error.map_or(Ok(total), Err)
    }

    /// `submit`, with the claim renewed while it runs.
    async fn submit_held(&self, claim: &Claim) -> Result<Outcome, Failure> {
        let submit = self.submit(claim);
        tokio::pin!(submit);
        loop {
            tokio::select! {
                outcome = &mut submit => return outcome,
                _ = tokio::time::sleep(self.config.lease / 3) => {
                    self.store.renew_claim(&claim.case_id, self.config.lease).await?;
                }
            }
        }
    }

    async fn send_one(&self, claim: &Claim, report: &mut Report) -> Result<(), Error> {
        let id = &claim.case_id;
        let failure = match self.submit_held(claim).await {
            Ok(Outcome { reference, note }) => {
                self.store.record_submitted(id, &reference, note.as_ref()).await?;
                report.submitted += 1;
                return Ok(());
            }
            // The local store failing is not the case's fault: stop; the claim runs out.
            Err(Failure::Store(e)) => return Err(e.into()),
            Err(Failure::Agency(e)) => e,
        };
        match failure {
            e @ ClientError::Unavailable { .. } => {
                let wait = self.backoff(claim.attempts + 1, &e);
                self.store.record_retry(id, &e.message(), Utc::now() + wait).await?;
                report.retrying += 1;
            }
            e @ (ClientError::Unauthorized(_) | ClientError::BadEndpoint { .. }) => {
                // Every case would fail the same way: keep this one queued and stop.
                self.store.record_retry(id, &e.message(), Utc::now() + self.config.backoff_cap).await?;
                return Err(Error::Unauthorized(e));
            }
            e @ ClientError::Refused { .. } => {
                self.store.record_rejected(id, &e.message()).await?;
                report.rejected += 1;
            }
        }
        Ok(())
    }

    /// Uploads what the agency does not have yet, then submits.
    async fn submit(&self, claim: &Claim) -> Result<Outcome, Failure> {
        let id = &claim.case_id;
        let case = self.store.summary(id).await?;
        // The day it was finalized (a case from an older store or bundle: today, as the app judges it).
        let applied_on = case.applied_on.unwrap_or_else(|| chrono::Local::now().date_naive());
        let evaluation = self.store.evaluate(id, applied_on).await?;
        let mut documents = std::collections::BTreeMap::new();
        for kind in &evaluation.required_documents {
            let bytes = self.store.document_bytes(id, kind.name()).await?;
            let state = self.patiently(|| self.client.upload(kind.name(), &bytes, &|_, _| {})).await?;
            documents.insert(kind.name().to_owned(), state.sha256);
        }
        let submission = Submission {
            flow_id: case.flow_id,
            flow_version: case.flow_version,
            revision: claim.revision,
            answers: evaluation.answers_to_submit,
            documents,
            operator: case.operator,
            applied_on,
        };
        let receipt = self.patiently(|| self.client.submit(id, &submission)).await?;
        let note = (receipt.revision < claim.revision).then(|| {
            Localized::new(
                "机构已有此案件此前提交的版本，本次修改未发送",
                "the agency already had an earlier version of this case; the changes were not sent",
            )
        });
        Ok(Outcome { reference: receipt.reference, note })
    }

    /// A request the agency may fail for now (a 500, a 429, a cut connection), tried again a
    /// few times within the attempt (after its Retry-After, up to 5 s, when it gives one): an
    /// upload resumes from the agency's offset and a submission is idempotent, so a retry
    /// repeats nothing. A case then fails its attempt, and waits its backoff, only when the
    /// agency keeps failing: with a quarter of requests failing, nearly every attempt of a
    /// six-request case failed somewhere, and 3 of 60 cases were still waiting after 15 min.
    async fn patiently<T, F, Fut>(&self, mut request: F) -> Result<T, ClientError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, ClientError>>,
    {
        let mut wait = self.config.retry_soon;
        for _ in 0..QUICK_RETRIES {
            match request().await {
                Err(ClientError::Unavailable { retry_after, .. }) => {
                    tokio::time::sleep(retry_after.unwrap_or(wait).min(Duration::from_secs(5))).await;
                    wait *= 2;
                }
                other => return other,
            }
        }
        request().await
    }

    fn backoff(&self, attempts: u32, error: &ClientError) -> Duration {
        let asked = match error {
            ClientError::Unavailable { retry_after, .. } => retry_after.unwrap_or_default(),
            _ => Duration::ZERO,
        };
        retry_wait(&self.config, attempts, asked)
    }

    /// Asks the agency about every submitted case still in progress and records what changed.
    /// Returns how many changed.
    pub async fn refresh_statuses(&self) -> Result<u32, Error> {
        let waiting = self.store.at_agency().await?;
        let mut changed = 0;
        for batch in waiting.chunks(500) {
            let ids: Vec<String> = batch.iter().map(|c| c.case_id.clone()).collect();
            let statuses = match self.client.statuses(&ids).await {
                Ok(s) => s,
                Err(e @ (ClientError::Unauthorized(_) | ClientError::BadEndpoint { .. })) => {
                    return Err(Error::Unauthorized(e))
                }
                // Status news can wait for the next refresh.
                Err(_) => return Ok(changed),
            };
            for news in statuses {
                let Some(here) = batch.iter().find(|c| c.case_id == news.case_id) else { continue };
                let to = local_status(news.status);
                if to == here.status || !here.status.can_become(to) {
                    continue;
                }
                let reason = match (&news.reason_zh, &news.reason_en) {
                    (Some(zh), Some(en)) => Some(Localized::new(zh, en)),
                    (Some(r), None) | (None, Some(r)) => Some(Localized::same(r)),
                    (None, None) => None,
                };
                self.store.record_agency_status(&news.case_id, to, reason.as_ref()).await?;
                self.changed(&news.case_id);
                changed += 1;
            }
        }
        Ok(changed)
    }

    /// Sends and refreshes until `stop` completes: due cases at once, then again when the next
    /// one falls due, when `wake` is notified (a case was just queued), or at most `poll` apart.
    pub async fn run(
        &self,
        poll: Duration,
        wake: &tokio::sync::Notify,
        stop: impl std::future::Future<Output = ()>,
    ) -> Result<(), Error> {
        tokio::pin!(stop);
        loop {
            self.send_due().await?;
            self.refresh_statuses().await?;
            let wait = match self.store.next_due().await? {
                Some(at) => (at - Utc::now()).to_std().unwrap_or_default().min(poll),
                None => poll,
            };
            tokio::select! {
                _ = &mut stop => return Ok(()),
                _ = tokio::time::sleep(wait.max(Duration::from_millis(50))) => {}
                _ = wake.notified() => {}
            }
        }
    }
}

/// Why a submission did not complete: the agency (or the way to it), or this machine's store.
enum Failure {
    Agency(ClientError),
    Store(banka_cases::Error),
}

impl From<ClientError> for Failure {
    fn from(e: ClientError) -> Self {
        Failure::Agency(e)
    }
}

impl From<banka_cases::Error> for Failure {
    fn from(e: banka_cases::Error) -> Self {
        Failure::Store(e)
    }
}

struct Outcome {
    reference: String,
    note: Option<Localized>,
}

fn local_status(s: AgencyStatus) -> Status {
    match s {
        AgencyStatus::Submitted => Status::Submitted,
        AgencyStatus::Accepted => Status::Accepted,
        AgencyStatus::InProduction => Status::InProduction,
        AgencyStatus::ReadyForPickup => Status::ReadyForPickup,
        AgencyStatus::Mailed => Status::Mailed,
        AgencyStatus::Rejected => Status::Rejected,
    }
}

/// How often a request the agency fails for now is tried again within the same attempt.
const QUICK_RETRIES: u32 = 3;

/// How long a case waits after its `attempts`-th failure: full jitter under a doubling ceiling,
/// and the agency's Retry-After (`asked`) honoured up to the cap, so no case waits longer.
fn retry_wait(config: &Config, attempts: u32, asked: Duration) -> Duration {
    let ceiling = config.backoff_base.saturating_mul(1u32 << attempts.min(20)).min(config.backoff_cap);
    let jittered = ceiling.mul_f64(fastrand::f64());
    jittered.max(asked.min(config.backoff_cap)).max(Duration::from_millis(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_wait_is_longer_than_the_cap_whatever_the_agency_asks() {
        let config = Config::default();
        for attempts in 0..40 {
            for asked in [Duration::ZERO, Duration::from_secs(7 * 60)] {
                let wait = retry_wait(&config, attempts, asked);
                assert!(wait <= config.backoff_cap, "{attempts} attempts, {asked:?} asked: {wait:?}");
            }
        }
        assert!(retry_wait(&config, 1, Duration::ZERO) <= config.backoff_base * 2);
        // Retry-After within the cap is waited out whole.
        assert_eq!(retry_wait(&config, 1, Duration::from_secs(30)), Duration::from_secs(30));
    }
}
