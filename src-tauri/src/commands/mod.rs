//! Tauri commands, one module per domain of the core.

pub mod rules;
