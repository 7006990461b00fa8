//! The agency from the app: where it is (endpoint and token, kept in the encrypted store),
//! training mode (the reference agency in-process on loopback), the outbox sender running in
//! the background while the store is open, and the calls a wizard makes (the agency's answers
//! for a case, SMS codes).

use std::sync::Arc;
use std::time::Duration;

use banka_agency::api::{SmsSent, SmsVerified};
use banka_agency::client::{Client, Error as ClientError};
use banka_agency::sender::{self, Sender};
use banka_agency::server;
use banka_cases::{Status, Store};
use serde::{Deserialize, Serialize};
use tauri::async_runtime::JoinHandle;
use tauri::State;
use tokio::sync::{oneshot, Mutex, Notify};

use crate::commands::cases::CaseStore;
use crate::IpcError;

const ENDPOINT: &str = "agency.endpoint";
const TOKEN: &str = "agency.token";
const TRAINING: &str = "agency.training";
/// The practice agency's database key: random, made the first time training mode starts, kept
/// (hex) in the encrypted case store, so the practice data is exactly as protected as the cases.
const TRAINING_KEY: &str = "agency.training_key";
/// Queued cases go at once (the sender is woken); this is the longest wait otherwise.
const POLL: Duration = Duration::from_secs(30);

/// What the settings page shows. The token itself never goes back to the webview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AgencySettings {
    pub endpoint: Option<String>,
    pub has_token: bool,
    /// Cases go to the reference agency running on this machine (SMS codes shown on screen).
    pub training: bool,
    /// The training agency's address while it runs.
    pub training_url: Option<String>,
}

/// A change from the settings page; `token: None` keeps the saved token, `""` removes it.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
pub struct AgencyChange {
    pub endpoint: Option<String>,
    pub token: Option<String>,
    pub training: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SenderState {
    /// No endpoint and no training mode: cases wait in the outbox.
    NotConfigured,
    Running,
    Stopped,
    /// The agency refused the token: nothing is sent until the settings are fixed.
    Unauthorized,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OutboxState {
    pub queued: u32,
    pub sending: u32,
    pub failed: u32,
    pub sender: SenderState,
    pub problem_zh: Option<String>,
    pub problem_en: Option<String>,
}

/// The running parts: the training agency, the client in use, the sender task.
#[derive(Default)]
pub struct Agency {
    inner: Mutex<Inner>,
    wake: Arc<Notify>,
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
    zh: String,
    en: String,
}

fn not_configured() -> IpcError {
    IpcError::new(
        "agency_not_configured",
        "尚未设置机构接口：请在“设置”中填写机构地址和令牌，或开启培训模式。",
        "No agency is set up: enter its address and token in Settings, or turn on training mode.",
    )
}

/// The client's error as the window shows it; the agency's refusal keeps its code and field.
pub(crate) fn from_client(e: ClientError) -> IpcError {
    let (zh, en) = e.messages();
    match &e {
        ClientError::Refused { error, .. } => {
            IpcError { field: error.field.clone(), ..IpcError::new(&error.code, zh, en) }
        }
        ClientError::Unavailable { .. } => IpcError::new("agency_unavailable", zh, en),
        ClientError::Unauthorized(_) => IpcError::new("agency_unauthorized", zh, en),
        ClientError::BadEndpoint { .. } => IpcError::new("bad_endpoint", zh, en),
    }
}

impl Agency {
    /// (Re)starts everything from the saved settings: after unlocking and after each change.
    pub async fn start(&self, store: &Store) -> Result<(), IpcError> {
        let mut inner = self.inner.lock().await;
        inner.stop().await;
        let training = store.setting(TRAINING).await?.is_some();
        let client = if training {
            let token = uuid::Uuid::new_v4().simple().to_string();
            let mut config = server::Config::new(store.dir().join("training-agency"), token.clone());
            config.key = Some(store.key_setting(TRAINING_KEY).await?);
            let running = server::start(config, ([127, 0, 0, 1], 0).into()).await.map_err(|e| {
                IpcError::new(
                    "training",
                    format!("培训用参考机构未能启动：{e}"),
                    format!("The training agency did not start: {e}"),
                )
            })?;
            let client = Client::new(&running.url(), &token).map_err(from_client)?;
            inner.training = Some(running);
            Some(client)
        } else {
            match (store.setting(ENDPOINT).await?, store.setting(TOKEN).await?) {
                (Some(endpoint), Some(token)) => Client::new(&endpoint, &token).ok(),
                _ => None,
            }
        };
        if let Some(client) = &client {
            let sender = Sender::new(store.clone(), client.clone(), sender::Config::default());
            let (stop, stopped) = oneshot::channel::<()>();
            let (wake, problem) = (self.wake.clone(), inner.stopped.clone());
            let task = tauri::async_runtime::spawn(async move {
                let stop = async {
                    let _ = stopped.await;
                };
                if let Err(e) = sender.run(POLL, &wake, stop).await {
                    let stopped = match &e {
                        sender::Error::Unauthorized(c) => {
                            let (zh, en) = c.messages();
                            Halt { state: SenderState::Unauthorized, zh, en }
                        }
                        sender::Error::Store(s) => {
                            let s = s.explain();
                            Halt { state: SenderState::Stopped, zh: s.message_zh, en: s.message_en }
                        }
                    };
                    *problem.lock().expect("not poisoned") = Some(stopped);
                }
            });
            inner.sender = Some((stop, task));
        }
        inner.client = client;
        Ok(())
    }

    /// Sends what was just queued now rather than at the next poll.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    pub async fn client(&self) -> Result<Client, IpcError> {
        self.inner.lock().await.client.clone().ok_or_else(not_configured)
    }

    /// A case deleted on this machine is deleted from the practice agency too (a real agency
    /// keeps what it was sent).
    pub async fn forget_case(&self, id: &str) -> Result<(), IpcError> {
        if let Some(training) = self.inner.lock().await.training.as_ref() {
            training.forget_case(id).await.map_err(|e| {
                IpcError::new(
                    "training",
                    format!("培训用参考机构未能删除此案件：{e}"),
                    format!("The training agency could not delete this case: {e}"),
                )
            })?;
        }
        Ok(())
    }

    async fn training_url(&self) -> Option<String> {
        self.inner.lock().await.training.as_ref().map(server::Running::url)
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

async fn settings(store: &Store, agency: &Agency) -> Result<AgencySettings, IpcError> {
    Ok(AgencySettings {
        endpoint: store.setting(ENDPOINT).await?,
        has_token: store.setting(TOKEN).await?.is_some(),
        training: store.setting(TRAINING).await?.is_some(),
        training_url: agency.training_url().await,
    })
}

#[tauri::command]
pub async fn agency_settings_get(
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<AgencySettings, IpcError> {
    settings(&cases.unlocked().await?, &agency).await
}

/// Saves the agency settings (checked first: an address that is not https, except on this
/// machine, is refused) and restarts the sender with them.
#[tauri::command]
pub async fn agency_settings_set(
    change: AgencyChange,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<AgencySettings, IpcError> {
    let store = cases.unlocked().await?;
    let endpoint = change.endpoint.as_deref().map(str::trim).filter(|e| !e.is_empty());
    let token = match change.token.as_deref().map(str::trim) {
        None => store.setting(TOKEN).await?,
        Some("") => None,
        Some(t) => Some(t.to_owned()),
    };
    if let Some(endpoint) = endpoint {
        // A stand-in token when none is given yet: only the address is being checked.
        if let Err(e) = Client::new(endpoint, token.as_deref().unwrap_or("-")) {
            return Err(IpcError { field: Some("endpoint".into()), ..from_client(e) });
        }
    }
    store.set_setting(ENDPOINT, endpoint).await?;
    store.set_setting(TOKEN, token.as_deref()).await?;
    store.set_setting(TRAINING, change.training.then_some("on")).await?;
    agency.start(&store).await?;
    settings(&store, &agency).await
}

/// "Send now" (立即发送): every waiting case is due at once and the sender is woken.
#[tauri::command]
pub async fn outbox_send_now(cases: State<'_, CaseStore>, agency: State<'_, Agency>) -> Result<OutboxState, IpcError> {
    cases.unlocked().await?.send_now().await?;
    agency.wake();
    outbox_state(cases, agency).await
}

#[tauri::command]
pub async fn outbox_state(cases: State<'_, CaseStore>, agency: State<'_, Agency>) -> Result<OutboxState, IpcError> {
    let store = cases.unlocked().await?;
    let items = store.outbox().await?;
    let count = |s: Status| items.iter().filter(|i| i.status == s).count() as u32;
    let inner = agency.inner.lock().await;
    let stopped = inner.stopped.lock().expect("not poisoned");
    let sender = match (&*stopped, &inner.sender) {
        (Some(s), _) => s.state,
        (None, Some(_)) => SenderState::Running,
        (None, None) => SenderState::NotConfigured,
    };
    let (problem_zh, problem_en) = stopped.as_ref().map(|s| (s.zh.clone(), s.en.clone())).unzip();
    Ok(OutboxState {
        queued: count(Status::Queued),
        sending: count(Status::Sending),
        failed: count(Status::Failed),
        sender,
        problem_zh,
        problem_en,
    })
}

/// Sends a verification code to `mobile`; a training agency gives the code back to show.
#[tauri::command]
pub async fn agency_sms_send(mobile: String, agency: State<'_, Agency>) -> Result<SmsSent, IpcError> {
    agency.client().await?.send_sms(&mobile).await.map_err(from_client)
}

#[tauri::command]
pub async fn agency_sms_verify(
    mobile: String,
    code: String,
    agency: State<'_, Agency>,
) -> Result<SmsVerified, IpcError> {
    agency.client().await?.verify_sms(&mobile, &code).await.map_err(from_client)
}
