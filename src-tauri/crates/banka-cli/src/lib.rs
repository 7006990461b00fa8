//! The library behind the `banka` command: everything but argument parsing, so benchmarks
//! and tests call the same code the command runs.

pub mod batch;
pub mod input;
