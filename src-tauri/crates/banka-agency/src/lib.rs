//! Banka and the agency: the API's wire types (`api`), the agency's answers as case data
//! (`agency_data`), what each flow asks the agency (`lookup`), the reference agency server (`server`: tests, demos, training mode), the
//! HTTP client (`client`) and the outbox that submits finished cases exactly once (`outbox`).
//! Tauri-free: the app and the CLI share it.

pub mod agency_data;
mod answers;
pub mod api;
pub mod client;
pub mod lookup;
pub mod sender;
pub mod server;
