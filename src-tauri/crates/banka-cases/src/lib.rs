//! Banka's case store: every case a user drafts lives here until it is submitted, in one
//! SQLCipher-encrypted SQLite database in the data folder, with its documents and audit trail.
//! Cases move between machines as passphrase-sealed bundles. Tauri-free: the app and the CLI
//! share it.
//!
//! Durability: each change is one transaction (answer + audit entry), committed with
//! `synchronous=FULL` in WAL mode before it is acknowledged.

mod answers;
pub mod audit;
mod bundle;
pub mod case;
mod checks;
mod documents;
pub mod error;
pub mod files;
pub mod harden;
mod integrity;
pub mod keys;
mod lifecycle;
pub mod mask;
mod outbox;
mod seal;
pub mod search;
pub mod secret;
mod settings;
mod store;
#[cfg(feature = "testing")]
#[doc(hidden)]
pub mod testing;

pub use answers::{Autosaved, Saved};
pub use bundle::{ImportReport, Skipped};
pub use case::{Action, Actor, AuditEntry, Case, CasePlace, CaseSummary, CaseView, DocumentInfo, Status, StatusFacts};
pub use documents::{parse_kind, sha256_hex, MAX_DOCUMENT_BYTES};
pub use error::{Code, Error, Explained, Result};
pub use integrity::{Damaged, Integrity};
pub use keys::{random_key, KdfParams, Key, Passphrase};
pub use lifecycle::{Usage, MAX_REASON_CHARS};
pub use outbox::{AtAgency, Claim, OutboxItem};
pub use search::{Page, Query, Salvaged};
pub use store::{default_data_dir, open_pool, Store};
