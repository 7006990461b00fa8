//! The agency from Banka: where it is (endpoint and token, kept in the encrypted store),
//! training mode (the reference agency in-process on loopback), the outbox sender running in
//! the background while the store is open, and the outbox's state.

use std::sync::Arc;
use std::time::Duration;

use banka_agency::api::{SmsSent, SmsVerified};
use banka_agency::client::Client;
use banka_agency::sender::{self, Sender};
use banka_agency::server;
use banka_cases::{Status, Store};
use banka_rules::Localized;
use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, oneshot, Mutex, Notify};
use tokio::task::JoinHandle;

use crate::{Code, Error};

const ENDPOINT: &str = "agency.endpoint";
const TOKEN: &str = "agency.token";
const TRAINING: &str = "agency.training";
/// The practice agency's database key: random, made the first time training mode starts, kept
/// (hex) in the encrypted case store, so the practice data is exactly as protected as the cases.
const TRAINING_KEY: &str = "agency.training_key";
/// Queued cases go at once (the sender is woken); this is the longest wait otherwise.
const POLL: Duration = Duration::from_secs(30);

/// What the settings page shows. The token itself never goes back to the webview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgencySettings {
    pub endpoint: Option<String>,
    pub has_token: bool,
    /// Cases go to the reference agency running on this machine (SMS codes shown on screen).
    pub training: bool,
    /// The training agency's address while it runs.
    pub training_url: Option<String>,
}

/// A change from the settings page; `token: None` keeps the saved token, `""` removes it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgencyChange {
    pub endpoint: Option<String>,
    pub token: Option<String>,
    pub training: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SenderState {
    /// No endpoint and no training mode: cases wait in the outbox.
    NotConfigured,
    Running,
    Stopped,
    /// The agency refused the token: nothing is sent until the settings are fixed.
    Unauthorized,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutboxState {
    pub queued: u32,
    pub sending: u32,
    pub failed: u32,
    pub sender: SenderState,
    /// Why the sender stopped.
    pub problem: Option<Localized>,
}

/// What changed behind the window's back, pushed to it instead of it asking on a timer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AgencyEvent {
    /// The sender moved the case on (sending, sent, failed, the agency's news): read it again.
    CaseChanged { id: String },
    /// The sender started, stopped or was refused: read the outbox's state again.
    SenderChanged,
    /// Events were missed (a slow reader): read again whatever is shown.
    Missed,
}

/// The running parts: the training agency, the client in use, the sender task; and where their
/// news goes.
pub struct Agency {
    inner: Mutex<Inner>,
    wake: Arc<Notify>,
    events: broadcast::Sender<AgencyEvent>,
}

impl Default for Agency {
    fn default() -> Self {
        // Far more than a window reads between two redraws; a slower reader is told `Missed`.
        let (events, _) = broadcast::channel(256);
        Agency { inner: Mutex::default(), wake: Arc::default(), events }
    }
}

#[derive(Default)]
struct Inner {
    training: Option<server::Running>,
    client: Option<Client>,
    sender: Option<(oneshot::Sender<()>, JoinHandle<()>)>,
    /// Set by the sender task when it stops on its own (a refused token, a store failure).
    stopped: Arc<std::sync::Mutex<Option<Halt>>>,
}

struct Halt {
    state: SenderState,
    why: Localized,
}

/// Saves the agency settings, checked first: an address that is not https, except on this
/// machine, is refused, and nothing is saved. What runs is left as it is.
pub async fn save(store: &Store, change: AgencyChange) -> Result<(), Error> {
    let endpoint = change.endpoint.as_deref().map(str::trim).filter(|e| !e.is_empty());
    let token = match change.token.as_deref().map(str::trim) {
        None => store.setting(TOKEN).await?,
        Some("") => None,
        Some(t) => Some(t.to_owned()),
    };
    if let Some(endpoint) = endpoint {
        // A stand-in token when none is given yet: only the address is being checked.
        Client::new(endpoint, token.as_deref().unwrap_or("-")).map_err(|e| Error::from(e).on("endpoint"))?;
    }
    store.set_setting(ENDPOINT, endpoint).await?;
    store.set_setting(TOKEN, token.as_deref()).await?;
    store.set_setting(TRAINING, change.training.then_some("on")).await?;
    Ok(())
}

fn not_configured() -> Error {
    Error::new(
        Code::AgencyNotConfigured,
        "尚未设置机构接口：请在“设置”中填写机构地址和令牌，或开启培训模式。",
        "No agency is set up: enter its address and token in Settings, or turn on training mode.",
    )
}

/// Whether the background sender runs: the window sends while it is open; a one-off command
/// line asks the agency and leaves sending to `banka outbox send`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sending {
    InBackground,
    No,
}

impl Agency {
    /// (Re)starts everything from the saved settings: after unlocking and after each change.
    pub async fn start(&self, store: &Store, sending: Sending) -> Result<(), Error> {
        let mut inner = self.inner.lock().await;
        inner.stop().await;
        let training = store.setting(TRAINING).await?.is_some();
        let client = if training {
            let token = uuid::Uuid::new_v4().simple().to_string();
            let mut config = server::Config::new(store.dir().join("training-agency"), token.clone());
            config.key = Some(store.key_setting(TRAINING_KEY).await?);
            let running = server::start(config, ([127, 0, 0, 1], 0).into()).await.map_err(|e| {
                Error::new(
                    Code::Training,
                    "培训用参考机构未能启动，请重试；如仍出错，请联系技术支持。",
                    format!("The training agency did not start ({e}). Try again; if it persists, contact support."),
                )
            })?;
            let client = Client::new(&running.url(), &token)?;
            inner.training = Some(running);
            Some(client)
        } else {
            match (store.setting(ENDPOINT).await?, store.setting(TOKEN).await?) {
                (Some(endpoint), Some(token)) => Client::new(&endpoint, &token).ok(),
                _ => None,
            }
        };
        if let (Some(client), Sending::InBackground) = (&client, sending) {
            inner.sender = Some(self.spawn_sender(store, client, inner.stopped.clone()));
        }
        inner.client = client;
        let _ = self.events.send(AgencyEvent::SenderChanged);
        Ok(())
    }

    /// The news of the sender and of the cases it moves on, from now.
    pub fn events(&self) -> broadcast::Receiver<AgencyEvent> {
        self.events.subscribe()
    }

    /// Asks this agency rather than the saved one (the command line's --endpoint and --token).
    pub async fn use_client(&self, client: Client) {
        let mut inner = self.inner.lock().await;
        inner.stop().await;
        inner.client = Some(client);
    }

    fn spawn_sender(
        &self,
        store: &Store,
        client: &Client,
        problem: Arc<std::sync::Mutex<Option<Halt>>>,
    ) -> (oneshot::Sender<()>, JoinHandle<()>) {
        let events = self.events.clone();
        let announce = move |id: &str| {
            let _ = events.send(AgencyEvent::CaseChanged { id: id.to_owned() });
        };
        let sender =
            Sender::new(store.clone(), client.clone(), sender::Config::default()).announcing(Arc::new(announce));
        let (stop, stopped) = oneshot::channel::<()>();
        let (wake, events) = (self.wake.clone(), self.events.clone());
        let task = tokio::spawn(async move {
            let stop = async {
                let _ = stopped.await;
            };
            if let Err(e) = sender.run(POLL, &wake, stop).await {
                let halt = match &e {
                    sender::Error::Unauthorized(c) => Halt { state: SenderState::Unauthorized, why: c.message() },
                    sender::Error::Store(s) => Halt { state: SenderState::Stopped, why: s.explain().message },
                };
                *problem.lock().expect("not poisoned") = Some(halt);
                let _ = events.send(AgencyEvent::SenderChanged);
            }
        });
        (stop, task)
    }

    /// Stops the sender and the training agency (the store is closing).
    pub async fn stop(&self) {
        self.inner.lock().await.stop().await;
    }

    /// Sends what was just queued now rather than at the next poll.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// The agency to ask now, as the settings say.
    pub async fn client(&self) -> Result<Client, Error> {
        self.inner.lock().await.client.clone().ok_or_else(not_configured)
    }

    /// A case deleted on this machine is deleted from the practice agency too (a real agency
    /// keeps what it was sent).
    pub async fn forget_case(&self, id: &str) -> Result<(), Error> {
        if let Some(training) = self.inner.lock().await.training.as_ref() {
            training.forget_case(id).await.map_err(|e| {
                Error::new(
                    Code::Training,
                    "培训用参考机构未能删除此案件，请重试。",
                    format!("The training agency could not delete this case ({e}). Try again."),
                )
            })?;
        }
        Ok(())
    }

    /// The saved settings, and the training agency's address while it runs.
    pub async fn settings(&self, store: &Store) -> Result<AgencySettings, Error> {
        Ok(AgencySettings {
            endpoint: store.setting(ENDPOINT).await?,
            has_token: store.setting(TOKEN).await?.is_some(),
            training: store.setting(TRAINING).await?.is_some(),
            training_url: self.inner.lock().await.training.as_ref().map(server::Running::url),
        })
    }

    /// Saves the agency settings (see [`save`]) and restarts with them.
    pub async fn change(&self, store: &Store, change: AgencyChange, sending: Sending) -> Result<AgencySettings, Error> {
        save(store, change).await?;
        self.start(store, sending).await?;
        self.settings(store).await
    }

    /// "Send now" (立即发送): every waiting case is due at once and the sender is woken.
    pub async fn send_now(&self, store: &Store) -> Result<OutboxState, Error> {
        store.send_now().await?;
        self.wake();
        self.outbox_state(store).await
    }

    /// How many cases wait, are being sent or failed, and whether the sender runs.
    pub async fn outbox_state(&self, store: &Store) -> Result<OutboxState, Error> {
        let items = store.outbox().await?;
        let count = |s: Status| items.iter().filter(|i| i.status == s).count() as u32;
        let inner = self.inner.lock().await;
        let stopped = inner.stopped.lock().expect("not poisoned");
        let sender = match (&*stopped, &inner.sender) {
            (Some(s), _) => s.state,
            (None, Some(_)) => SenderState::Running,
            (None, None) => SenderState::NotConfigured,
        };

        Ok(OutboxState {
            queued: count(Status::Queued),
            sending: count(Status::Sending),
            failed: count(Status::Failed),
            sender,
            problem: stopped.as_ref().map(|s| s.why.clone()),
        })
    }

    /// Sends a verification code to `mobile`; a training agency gives the code back to show.
    pub async fn send_sms(&self, mobile: &str) -> Result<SmsSent, Error> {
        Ok(self.client().await?.send_sms(mobile).await?)
    }

    pub async fn verify_sms(&self, mobile: &str, code: &str) -> Result<SmsVerified, Error> {
        Ok(self.client().await?.verify_sms(mobile, code).await?)
    }
}

impl Inner {
    async fn stop(&mut self) {
        if let Some((stop, task)) = self.sender.take() {
            let _ = stop.send(());
            let _ = task.await;
        }
        if let Some(running) = self.training.take() {
            running.shutdown().await;
        }
        self.client = None;
        *self.stopped.lock().expect("not poisoned") = None;
    }
}
