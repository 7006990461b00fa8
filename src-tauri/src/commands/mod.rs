//! Tauri commands, one module per domain of the core.

pub mod agency;
pub mod bundles;
pub mod cases;
pub mod documents;
pub mod events;
pub mod flows;
pub mod pickers;
pub mod rules;
pub mod settings;
pub mod wizard;
