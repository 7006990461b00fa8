//! Tauri commands, one module per domain of the core.

pub mod cases;
pub mod flows;
pub mod rules;
pub mod settings;
