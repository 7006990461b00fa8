//! `banka`: Banka's headless command line. Prints JSON on stdout; exit status 0 when every
//! value is valid, 1 when one is not, 2 on usage errors (clap's convention).

use std::process::ExitCode;

use banka_cli::batch::{self, Column};
use banka_rules::{validate, Context, ValueKind};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "banka",
    version,
    about = "办卡 Banka: social security card applications, from the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check one value, or a column of a CSV file with --batch.
    Validate {
        /// What the value is.
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(ValueKind::ALL.map(ValueKind::name)))]
        kind: String,
        /// The value to check (omit with --batch).
        #[arg(required_unless_present = "batch", conflicts_with = "batch")]
        value: Option<String>,
        /// A CSV file (UTF-8 or GBK, header row first); prints one report for every row.
        #[arg(long, value_name = "FILE.csv")]
        batch: Option<std::path::PathBuf>,
        /// The column to check in --batch: a header name or a 1-based number.
        #[arg(long, default_value = "1", requires = "batch")]
        column: String,
        /// The application date (YYYY-MM-DD): birth dates after it are refused, ages counted on it.
        #[arg(long, value_name = "DATE")]
        on: Option<NaiveDate>,
        /// Postal codes belong to Beijing addresses (a non-Beijing code is a warning).
        #[arg(long)]
        beijing_address: bool,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Validate {
            kind,
            value,
            batch,
            column,
            on,
            beijing_address,
        } => {
            let kind = ValueKind::from_name(&kind).expect("clap checked the kind");
            let ctx = Context {
                today: on.unwrap_or_else(|| chrono::Local::now().date_naive()),
                beijing_address,
            };
            match (value, batch) {
                (Some(value), _) => {
                    let report = validate(kind, &value, &ctx);
                    print_json(&report);
                    exit(report.valid)
                }
                (None, Some(path)) => {
                    let bytes = match std::fs::read(&path) {
                        Ok(b) => b,
                        Err(e) => {
                            return usage_error(&format!(
                                "无法读取文件 / cannot read {}: {e}",
                                path.display()
                            ))
                        }
                    };
                    match batch::validate_csv(
                        &batch::decode(&bytes),
                        kind,
                        &Column::parse(&column),
                        &ctx,
                    ) {
                        Ok(report) => {
                            print_json(&report);
                            exit(report.invalid == 0)
                        }
                        Err(e) => usage_error(&e.to_string()),
                    }
                }
                (None, None) => unreachable!("clap requires a value or --batch"),
            }
        }
    }
}

fn print_json(value: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("reports always serialise")
    );
}

fn exit(valid: bool) -> ExitCode {
    ExitCode::from(if valid { 0 } else { 1 })
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("banka: {message}");
    ExitCode::from(2)
}
