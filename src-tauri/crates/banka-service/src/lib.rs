//! Banka's use cases, one home for what the app does: unlocking the store, autosave, documents
//! (check and store in one call), asking the agency, following to the next flow, submitting,
//! reopening, bundles, the agency settings and the background sender. Tauri-free: the window's
//! commands and the `banka` command line are both thin adapters over it.

pub mod agency;
pub mod bundles;
pub mod case;
pub mod documents;
mod error;
pub mod store;

pub use agency::{Agency, AgencyChange, AgencyEvent, AgencySettings, OutboxState, SenderState};
pub use case::CaseView;
pub use documents::Upload;
pub use error::{Code, Error};

/// A draft's application date: ages and "not in the future" are judged on this machine's today.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
