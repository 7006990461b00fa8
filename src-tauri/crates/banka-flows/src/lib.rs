//! Banka's wizards: every flow of the seeds as a declarative definition (`flows/*.toml`), and
//! the engine that turns a flow plus the answers so far into what the UI shows and what is wrong.
//!
//! Tauri-free; the app, the CLI and the agency server share it.

pub mod catalog;
pub mod condition;
pub mod definition;
pub mod engine;
pub mod jurisdiction;
pub mod reference;
pub mod summary;
pub mod traditional;
pub mod vocabulary;
pub mod wellformed;

pub use definition::Flow;
pub use engine::{evaluate, Answers, Evaluation, Situation};
pub use jurisdiction::Jurisdiction;
