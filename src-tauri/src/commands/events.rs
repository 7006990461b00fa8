//! Changes pushed to the window instead of it asking on a timer: the sender's news about the
//! cases it moves on and about itself, through a channel the page opens once.

use banka_service::{Agency, AgencyEvent};
use tauri::async_runtime::JoinHandle;
use tauri::ipc::Channel;
use tauri::State;
use tokio::sync::broadcast::error::RecvError;

/// The task forwarding events to the page's channel.
#[derive(Default)]
pub struct Watcher(std::sync::Mutex<Option<JoinHandle<()>>>);

/// Sends every `AgencyEvent` to `on_event` from now on; a reloaded page watches afresh (the old
/// channel has no one reading it).
#[tauri::command]
pub fn events_watch(on_event: Channel<AgencyEvent>, agency: State<'_, Agency>, watcher: State<'_, Watcher>) {
    let mut events = agency.events();
    let task = tauri::async_runtime::spawn(async move {
        loop {
            let event = match events.recv().await {
                Ok(event) => event,
                Err(RecvError::Lagged(_)) => AgencyEvent::Missed,
                Err(RecvError::Closed) => return,
            };
            if on_event.send(event).is_err() {
                return;
            }
        }
    });
    if let Some(old) = watcher.0.lock().expect("not poisoned").replace(task) {
        old.abort();
    }
}
