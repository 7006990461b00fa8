//! Banka's rules: every check on a number a user types (citizen ID, permits, social security
//! number, USCC, mobile, postal code) and the code lists, each speaking through bilingual findings.
//!
//! Tauri-free and I/O-free so the app, the CLI, the agency server and the tests share one copy.

pub mod codes;
pub mod contact;
pub mod dates;
pub mod finding;
pub mod hant;
pub mod id_number;
pub mod localized;
pub mod normalize;
pub mod permits;
pub mod regions;
pub mod report;
pub mod search;
pub mod text;
pub mod uscc;

pub use finding::{Field, Finding, Problem, Severity};
pub use localized::Localized;
pub use report::{validate, validate_field, Context, ValidationReport, ValueKind};
