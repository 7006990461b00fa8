//! `banka`: Banka's headless command line. Prints JSON on stdout; exit status 0 when every
//! value is valid (or the case is ready), 1 when not, 2 on usage errors (clap's convention).

mod agency;
mod case;
mod outbox;
mod photo;
mod reach;

use std::process::ExitCode;

use banka_cli::batch::{self, Column};
use banka_cli::input;
use banka_flows::{catalog, evaluate, Answers, Situation};
use banka_rules::{validate, Context, ValueKind};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "banka", version, about = "办卡 Banka: social security card applications, from the command line")]
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
        #[arg(long, value_name = "DATE", value_parser = crate::input::application_date)]
        on: Option<NaiveDate>,
        /// Postal codes belong to Beijing addresses (a non-Beijing code is a warning).
        #[arg(long)]
        beijing_address: bool,
    },
    /// The application flows (wizards): list, show a definition, evaluate answers.
    #[command(subcommand)]
    Flow(FlowCommand),
    /// Cases in the encrypted store: new, list, show, set, attach, fix, accept, detach, ask,
    /// follow, continue, finalize, submit, reopen, export, import, delete: what the window does.
    ///
    /// The store's passphrase comes from $BANKA_PASSPHRASE, else it is asked for on the terminal.
    /// When stdin is not a terminal nothing is asked: without $BANKA_PASSPHRASE the command
    /// exits 1 (error code no_key).
    Case(case::CaseArgs),
    /// Check a photo or document picture as an upload, or fix it (crop, resize, re-encode).
    #[command(subcommand)]
    Photo(photo::PhotoCommand),
    /// The reference agency server (training, demos, tests), and the agency settings saved in the store.
    #[command(subcommand)]
    Agency(agency::AgencyCommand),
    /// Send finalized cases to the agency: queue, send (retrying until each is through), status.
    ///
    /// The store's passphrase comes from $BANKA_PASSPHRASE, as for `banka case`.
    Outbox(outbox::OutboxArgs),
    /// Check the store is whole (a center's routine): every page, the structure, every case read
    /// back and every document against its SHA-256. Prints what is damaged; exit 0 when nothing.
    ///
    /// The store's passphrase comes from $BANKA_PASSPHRASE, as for `banka case`.
    Check {
        /// The data folder holding the store [default: $BANKA_DATA_DIR, else the app's data folder].
        #[arg(long, value_name = "DIR")]
        data: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum FlowCommand {
    /// Every flow: id, titles and version.
    List,
    /// A flow's definition as JSON.
    Show { id: String },
    /// What a flow says about a set of answers: steps, fields, documents, errors, ready.
    Evaluate {
        /// A shipped flow's id, or the path of a flow file (*.toml) to try a draft: its `use`
        /// entries come from the shared.toml beside it, else from the shipped one.
        flow: String,
        /// A JSON file keyed by field path, e.g. {"applicant.id_type": "hukou"}; `-` reads it
        /// from standard input.
        answers: std::path::PathBuf,
        /// The application date (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE", value_parser = crate::input::application_date)]
        on: Option<NaiveDate>,
        /// The flow version the draft was started with (lists the answers to revisit).
        #[arg(long, value_name = "VERSION")]
        started_version: Option<u32>,
    },
}

fn main() -> ExitCode {
    banka_cases::harden::process();
    match Cli::parse().command {
        Command::Flow(command) => flow(command),
        Command::Case(args) => case::run(args),
        Command::Photo(command) => photo::run(command),
        Command::Agency(command) => agency::run(command),
        Command::Outbox(args) => outbox::run(args),
        Command::Check { data } => case::finish(case::check(data)),
        Command::Validate { kind, value, batch, column, on, beijing_address } => {
            let kind = ValueKind::from_name(&kind).expect("clap checked the kind");
            let ctx = Context { today: on.unwrap_or_else(|| chrono::Local::now().date_naive()), beijing_address };
            match (value, batch) {
                (Some(value), _) => {
                    let report = validate(kind, &value, &ctx);
                    print_json(&report);
                    exit(report.valid)
                }
                (None, Some(path)) => {
                    let bytes = match input::read(&path, input::CSV_LIMIT) {
                        Ok(b) => b,
                        Err(e) => return usage_error(&e.message(&path)),
                    };
                    match batch::decode(&bytes)
                        .and_then(|text| batch::validate_csv(&text, kind, &Column::parse(&column), &ctx))
                    {
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

fn flow(command: FlowCommand) -> ExitCode {
    let known = || catalog::all().iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(", ");
    let find =
        |id: &str| catalog::get(id).ok_or_else(|| format!("未知的流程 / unknown flow \"{id}\"; flows: {}", known()));
    match command {
        FlowCommand::List => {
            let list: Vec<_> = catalog::all()
                .iter()
                .map(|f| serde_json::json!({"id": f.id, "title": banka_flows::traditional::words(&f.title_zh, &f.title_en), "version": f.version}))
                .collect();
            print_json(&list);
            ExitCode::SUCCESS
        }
        FlowCommand::Show { id } => match find(&id) {
            Ok(flow) => {
                print_json(flow);
                ExitCode::SUCCESS
            }
            Err(e) => usage_error(&e),
        },
        FlowCommand::Evaluate { flow, answers, on, started_version } => {
            let draft;
            let flow = if flow.ends_with(".toml") {
                draft = banka_flows::catalog::draft(std::path::Path::new(&flow));
                draft.as_ref().map_err(Clone::clone)
            } else {
                find(&flow)
            };
            let flow = match flow {
                Ok(flow) => flow,
                Err(e) => return usage_error(&e),
            };
            let answers: Answers = match read_answers(&answers) {
                Ok(a) => a,
                Err(e) => return usage_error(&e),
            };
            let today = on.unwrap_or_else(|| chrono::Local::now().date_naive());
            let evaluation = evaluate(flow, &answers, &Situation { today, started_version });
            print_json(&evaluation);
            exit(evaluation.ready)
        }
    }
}

fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(value).expect("reports always serialise"));
}

fn exit(valid: bool) -> ExitCode {
    ExitCode::from(if valid { 0 } else { 1 })
}

/// `--answers FILE.json` (`-`: standard input): a JSON object keyed by field path, within
/// `input::ANSWERS_LIMIT`.
fn read_answers(path: &std::path::Path) -> Result<Answers, String> {
    let read = if path.as_os_str() == "-" {
        input::read_from(std::io::stdin().lock(), input::ANSWERS_LIMIT)
    } else {
        input::read(path, input::ANSWERS_LIMIT)
    };
    let bytes = read.map_err(|e| e.message(path))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        format!("{}: 应为以字段路径为键的 JSON 对象 / expected a JSON object keyed by field path: {e}", path.display())
    })
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("banka: {message}");
    ExitCode::from(2)
}
