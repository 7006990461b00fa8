//! `banka case …`: the encrypted case store from the command line, the same store, key and
//! checks the app uses. Prints JSON on stdout; a refusal prints `{"error": …}` there and one
//! bilingual line on stderr.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use banka_cases::{audit, Actor, Error, KdfParams, Page, Passphrase, Query, Status, Store};
use banka_flows::definition::Input;
use banka_flows::vocabulary::DocumentKind;
use banka_flows::{catalog, Answers};
use banka_service::documents::{self, Attached, Fix};
use banka_service::{Agency, Code};
use chrono::NaiveDate;
use clap::builder::PossibleValuesParser;
use clap::{Args, Subcommand};
use serde_json::{json, Value};
use zeroize::Zeroizing;

use crate::reach::AgencyArgs;

#[derive(Args)]
pub struct CaseArgs {
    #[command(subcommand)]
    command: CaseCommand,
    /// The data folder holding the store [default: $BANKA_DATA_DIR, else the app's data folder].
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The service-center operator making the change, recorded in the audit trail [default: the
    /// resident themself].
    #[arg(long, global = true, env = "BANKA_OPERATOR", value_name = "NAME")]
    operator: Option<String>,
}

/// The application date the flow's checks use (ages, expiry dates).
#[derive(Args)]
struct On {
    /// The application date (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = crate::input::application_date)]
    on: Option<NaiveDate>,
}

impl On {
    fn date(&self) -> NaiveDate {
        self.on.unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

#[derive(Subcommand)]
enum CaseCommand {
    /// Start a case (creating the store on first use), optionally with answers from a file.
    New {
        /// The flow, e.g. bj-individual (see `banka flow list`).
        #[arg(long)]
        flow: String,
        /// A JSON object keyed by field path, e.g. {"applicant.name": "王小明"}, saved in one go.
        #[arg(long, value_name = "FILE.json", value_parser = read_answers)]
        answers: Option<Answers>,
        #[command(flatten)]
        on: On,
    },
    /// Find cases, newest change first; ID and phone numbers masked.
    List {
        /// Part of the name, the last digits of the ID number, or part of the phone number.
        #[arg(long)]
        query: Option<String>,
        #[arg(long, value_parser = PossibleValuesParser::new(Status::ALL.map(Status::name)))]
        status: Option<String>,
        #[arg(long)]
        flow: Option<String>,
        /// Changed on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<NaiveDate>,
        /// Changed on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        until: Option<NaiveDate>,
        #[arg(long)]
        limit: Option<u32>,
        #[arg(long)]
        offset: Option<u32>,
    },
    /// A whole case: answers, documents, the audit trail (masked) and what is still missing.
    Show {
        id: String,
        #[command(flatten)]
        on: On,
    },
    /// Save one answer of a draft; an empty value clears it.
    ///
    /// Yes/no fields take true/false, yes/no or 是/否; multiple-choice fields a JSON array or a
    /// comma-separated list; other fields the text as given.
    Set {
        id: String,
        /// The field path, e.g. applicant.name.
        field: String,
        /// The answer; "" clears it.
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// Take the value as raw JSON (e.g. true, ["a","b"], null).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        on: On,
    },
    /// Store a picture as the draft's document of a kind, checked as the window checks uploads.
    ///
    /// Prints {document, check, blocked}; exit 0 when stored with no problem the agency would
    /// refuse, 1 when stored with one (blocked: true) or refused.
    Attach {
        id: String,
        /// The document kind (card_photo, id_card_front, …).
        #[arg(value_parser = PossibleValuesParser::new(DocumentKind::ALL.map(DocumentKind::name)))]
        kind: String,
        /// The picture (JPEG or PNG; up to 30 MB).
        file: PathBuf,
        /// Store the fixed picture instead (upright, cropped, sized, brightened, JPEG, no metadata).
        #[arg(long)]
        fix: bool,
    },
    /// Replace the draft's document of a kind with its fixed picture (the window's 一键修正).
    ///
    /// Prints {document, check, blocked, changes}, as attach --fix does.
    Fix {
        id: String,
        #[arg(value_parser = PossibleValuesParser::new(DocumentKind::ALL.map(DocumentKind::name)))]
        kind: String,
    },
    /// Use the draft's document of a kind despite its check's advice (the window's 仍然使用);
    /// what the agency would refuse cannot be accepted.
    Accept {
        id: String,
        #[arg(value_parser = PossibleValuesParser::new(DocumentKind::ALL.map(DocumentKind::name)))]
        kind: String,
    },
    /// Use the default cartoon card photo, where the flow offers it (a child under 7).
    DefaultPhoto { id: String },
    /// Remove the draft's document of a kind.
    Detach {
        id: String,
        #[arg(value_parser = PossibleValuesParser::new(DocumentKind::ALL.map(DocumentKind::name)))]
        kind: String,
    },
    /// Ask the agency what the case's flow needs now (eligibility once the applicant is known,
    /// an employer's banks or employees, a person's cards) and save its answers into the draft.
    ///
    /// Prints the case as `show` does.
    Ask {
        id: String,
        #[command(flatten)]
        agency: AgencyArgs,
    },
    /// Start the application the agency sent this case to (the G3 clean-up of other cards) for
    /// the same applicant, their answers carried over, and ask the agency what it needs.
    ///
    /// Prints the new case as `show` does.
    Follow {
        id: String,
        #[command(flatten)]
        agency: AgencyArgs,
    },
    /// After a clean-up: back to the application the agency refused for the same person (a new
    /// one if there is none), its eligibility asked again (the window's 继续申领).
    ///
    /// Prints that case as `show` does.
    Continue {
        id: String,
        #[command(flatten)]
        agency: AgencyArgs,
    },
    /// Finalize a draft whose every check passes and queue it for the agency (the window's
    /// 提交); a failed case is queued again. `banka outbox send` sends it.
    Submit { id: String },
    /// Finalize a draft whose every check passes (draft → ready); a refusal lists every problem.
    Finalize {
        id: String,
        #[command(flatten)]
        on: On,
    },
    /// Send a finalized case back to draft; the reason goes into the audit trail.
    Reopen {
        id: String,
        #[arg(long)]
        reason: String,
    },
    /// Seal cases into a bundle file, to carry them to another machine.
    ///
    /// The bundle's passphrase is $BANKA_BUNDLE_PASSPHRASE if set, else the store's passphrase.
    Export {
        /// The cases' ids (see `banka case list`).
        #[arg(required = true)]
        ids: Vec<String>,
        /// The bundle file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Import a bundle (creating the store on first use); cases not taken are listed with why.
    ///
    /// The bundle's passphrase is $BANKA_BUNDLE_PASSPHRASE if set, else the store's passphrase.
    Import {
        /// The bundle file.
        file: PathBuf,
    },
    /// Delete a case, its documents and its trail, for good.
    Delete {
        id: String,
        /// Do not ask for confirmation (needed when stdin is not a terminal).
        #[arg(long)]
        yes: bool,
    },
}

/// A `banka case` command gone wrong.
pub(crate) enum Failure {
    /// Refused, not found, not unlocked: exit 1 with the explanation.
    Refused(banka_service::Error),
    /// Refused for these problems (`{field, code, message: {zh, en}}` each): exit 1.
    Problems(Box<banka_service::Error>, Vec<Value>),
    /// The command line is wrong: exit 2, as clap does.
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Refused(e.into())
    }
}

impl From<banka_service::Error> for Failure {
    fn from(e: banka_service::Error) -> Self {
        Failure::Refused(e)
    }
}

/// The JSON report, and whether everything in it is fine (exit 0) or not (exit 1).
pub(crate) type Outcome = Result<(Value, bool), Failure>;

pub(crate) fn report(value: impl serde::Serialize, fine: bool) -> Outcome {
    Ok((serde_json::to_value(value).expect("reports always serialise"), fine))
}

pub fn run(args: CaseArgs) -> ExitCode {
    finish(dispatch(args))
}

/// Runs a store command and prints its report (exit 0 or 1) or its refusal (1, or 2 for usage).
pub(crate) fn finish(command: impl std::future::Future<Output = Outcome>) -> ExitCode {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime starts");
    match runtime.block_on(command) {
        Ok((value, fine)) => {
            crate::print_json(&value);
            crate::exit(fine)
        }
        Err(Failure::Refused(e)) => {
            crate::print_json(&json!({ "error": e }));
            eprintln!("banka: {e}");
            ExitCode::from(1)
        }
        Err(Failure::Problems(e, problems)) => {
            eprintln!("banka: {e}");
            for p in &problems {
                let text = |key: &str, lang: &str| p[key][lang].as_str().unwrap_or_default().to_owned();
                let field = p["field"].as_str().unwrap_or_default();
                eprintln!("  {field}: {} / {}", text("message", "zh"), text("message", "en"));
            }
            let mut error = serde_json::to_value(e).expect("an explanation serialises");
            error["problems"] = Value::Array(problems);
            crate::print_json(&json!({ "error": error }));
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => crate::usage_error(&message),
    }
}

async fn dispatch(args: CaseArgs) -> Outcome {
    let data = args.data.unwrap_or_else(banka_cases::default_data_dir);
    let actor = actor(args.operator);
    let command = args.command;
    // What can be refused without the key is refused before asking for it: a picture is read,
    // an agency address checked.
    let mut picture = None;
    match &command {
        CaseCommand::New { flow, .. } if catalog::get(flow).is_none() => {
            return Err(Error::UnknownFlow(flow.clone()).into())
        }
        CaseCommand::Delete { id, yes } => confirm_delete(id, *yes)?,
        CaseCommand::Attach { kind, file, .. } => picture = Some(read_bounded(file, kind_named(kind))?),
        _ => {}
    }
    let asks = command.asks().map(AgencyArgs::client).transpose()?;
    if !Store::exists(&data) {
        if let Some(outcome) = without_store(&command) {
            return outcome;
        }
    }
    let (store, passphrase) = unlock(&data).await?;
    // Stopping an agency that was never started (no question to ask) does nothing.
    let agency = match asks {
        None => Ok(Agency::default()),
        Some(given) => crate::reach::connect(&store, given).await,
    };
    let outcome = match agency {
        Ok(agency) => {
            let outcome = execute(&store, &agency, &passphrase, &actor, command, picture).await;
            agency.stop().await;
            outcome
        }
        Err(e) => Err(e),
    };
    store.close().await;
    outcome
}

impl CaseCommand {
    /// How the command reaches the agency, when it asks one (the given one, else the saved one).
    fn asks(&self) -> Option<&AgencyArgs> {
        match self {
            CaseCommand::Ask { agency, .. }
            | CaseCommand::Follow { agency, .. }
            | CaseCommand::Continue { agency, .. } => Some(agency),
            _ => None,
        }
    }
}

/// The operator named on the command line, else the resident themself.
pub(crate) fn actor(operator: Option<String>) -> Actor {
    match operator.filter(|name| !name.trim().is_empty()) {
        Some(name) => Actor::Operator(name),
        None => Actor::Resident,
    }
}

/// What a command says when the data folder has no store yet; `None` for those that create one.
fn without_store(command: &CaseCommand) -> Option<Outcome> {
    let no_case = |id: &String| Some(Err(Error::NoCase(id.clone()).into()));
    match command {
        CaseCommand::New { .. } | CaseCommand::Import { .. } => None,
        CaseCommand::List { .. } => Some(report(Page { total: 0, cases: Vec::new(), salvaged: None }, true)),
        CaseCommand::Export { ids, .. } => no_case(&ids[0]),
        CaseCommand::Show { id, .. }
        | CaseCommand::Set { id, .. }
        | CaseCommand::Finalize { id, .. }
        | CaseCommand::Reopen { id, .. }
        | CaseCommand::Attach { id, .. }
        | CaseCommand::Fix { id, .. }
        | CaseCommand::Accept { id, .. }
        | CaseCommand::DefaultPhoto { id }
        | CaseCommand::Detach { id, .. }
        | CaseCommand::Ask { id, .. }
        | CaseCommand::Follow { id, .. }
        | CaseCommand::Continue { id, .. }
        | CaseCommand::Submit { id }
        | CaseCommand::Delete { id, .. } => no_case(id),
    }
}

/// Runs the command on the unlocked store; `picture` is the file `attach` read before the key.
async fn execute(
    store: &Store,
    agency: &Agency,
    passphrase: &Passphrase,
    actor: &Actor,
    command: CaseCommand,
    picture: Option<Vec<u8>>,
) -> Outcome {
    use banka_service::case;
    let today = banka_service::today();
    match command {
        CaseCommand::New { flow, answers, on } => new_case(store, &flow, answers, actor, on.date()).await,
        CaseCommand::List { query, status, flow, from, until, limit, offset } => {
            let status = status.map(|s| Status::from_name(&s).expect("clap checked the status"));
            let query = Query { text: query, status, flow, from, until, limit, offset };
            let page = store.search(&query).await?;
            let whole = page.salvaged.is_none();
            report(page, whole)
        }
        CaseCommand::Show { id, on } => show(store, &id, on.date()).await,
        CaseCommand::Set { id, field, value, json, on } => {
            let value = if json { Some(raw_json(&value)?) } else { typed_answer(store, &id, &field, &value).await? };
            let saved = store.set_answer(&id, &field, value, actor, on.date()).await?;
            let fine = saved.errors.is_empty();
            report(saved, fine)
        }
        CaseCommand::Finalize { id, on } => match store.finalize(&id, actor, on.date()).await {
            Err(Error::NotReady { .. }) => Err(not_ready(store, &id, on.date()).await?),
            finalized => report(finalized?, true),
        },
        CaseCommand::Attach { id, kind, file, fix } => {
            let bytes = picture.expect("dispatch read the picture");
            let fix = if fix { Fix::Yes } else { Fix::No };
            let name = file.file_name().map_or_else(|| kind.clone(), |n| n.to_string_lossy().into_owned());
            stored(documents::attach(store, &id, kind_named(&kind), &name, &bytes, fix, actor).await?)
        }
        CaseCommand::Fix { id, kind } => stored(documents::fix(store, &id, kind_named(&kind), actor).await?),
        CaseCommand::Accept { id, kind } => {
            report(store.accept_document(&id, kind_named(&kind).name(), actor).await?, true)
        }
        CaseCommand::DefaultPhoto { id } => stored(documents::default_child_photo(store, &id, actor).await?),
        CaseCommand::Ask { id, .. } => {
            let asked = case::ask(store, &agency.client().await?, &id).await?;
            show(store, &asked.summary.id, today).await
        }
        CaseCommand::Follow { id, .. } => {
            let created = case::follow(store, agency, &id, actor).await?;
            show(store, &created.summary.id, today).await
        }
        CaseCommand::Continue { id, .. } => {
            let target = case::continue_after(store, agency, &id, actor).await?;
            show(store, &target.summary.id, today).await
        }
        CaseCommand::Submit { id } => match case::submit(store, agency, &id, actor).await {
            Err(e) if e.code == Code::Store(banka_cases::Code::NotReady) => Err(not_ready(store, &id, today).await?),
            submitted => report(submitted?, true),
        },
        CaseCommand::Detach { id, kind } => {
            let kind = kind_named(&kind).name();
            let had = store.documents(&id).await?.iter().any(|d| d.kind == kind);
            store.detach_document(&id, kind, actor).await?;
            report(json!({ "case": id, "detached": kind, "removed": had }), true)
        }
        CaseCommand::Reopen { id, reason } => report(store.reopen(&id, actor, &reason).await?, true),
        CaseCommand::Export { ids, out } => {
            store.export(&ids, &out, &bundle_passphrase(passphrase), KdfParams::default()).await?;
            report(json!({ "exported": ids, "out": out }), true)
        }
        CaseCommand::Import { file } => report(store.import(&file, &bundle_passphrase(passphrase), actor).await?, true),
        CaseCommand::Delete { id, .. } => {
            case::delete(store, agency, &id).await?;
            report(json!({ "deleted": id }), true)
        }
    }
}

async fn new_case(store: &Store, flow: &str, answers: Option<Answers>, actor: &Actor, today: NaiveDate) -> Outcome {
    let case = store.new_case(flow, actor).await?;
    let Some(answers) = answers else {
        return report(json!({ "case": case, "saved": [] }), true);
    };
    let saved = match store.set_answers(&case.id, answers, actor, today).await {
        Ok(saved) => saved,
        Err(e) => {
            // The file was refused whole (an unknown field, a wrong type): leave no empty case.
            store.delete_case(&case.id).await?;
            return Err(e.into());
        }
    };
    let fine = saved.iter().all(|s| s.errors.is_empty());
    report(json!({ "case": store.summary(&case.id).await?, "saved": saved }), fine)
}

async fn show(store: &Store, id: &str, today: NaiveDate) -> Outcome {
    let mut case = store.case(id).await?;
    case.audit = audit::masked(&case.summary.flow_id, &case.audit);
    let evaluation = store.evaluate(id, today).await?;
    let mut shown = serde_json::to_value(case).expect("a case serialises");
    shown["evaluation"] = json!({
        "ready": evaluation.ready,
        "errors": evaluation.errors,
        "waiting": evaluation.waiting,
        "missing_documents": evaluation.missing_documents,
        "next_flow": evaluation.next_flow,
    });
    report(shown, true)
}

/// Why finalizing was refused: every error of the evaluation and every answer still awaited from
/// the agency (资格校验), with its field, in both languages.
async fn not_ready(store: &Store, id: &str, today: NaiveDate) -> Result<Failure, Failure> {
    let evaluation = store.evaluate(id, today).await?;
    let problems: Vec<Value> = evaluation
        .errors
        .iter()
        .chain(&evaluation.waiting)
        .map(|e| {
            let f = &e.finding;
            json!({"field": e.field, "code": f.code, "message": f.message})
        })
        .collect();
    Ok(Failure::Problems(Box::new(Error::NotReady { errors: problems.len().max(1) }.into()), problems))
}

fn kind_named(kind: &str) -> DocumentKind {
    DocumentKind::from_name(kind).expect("clap checked the kind")
}

/// The file's bytes, reading no more than the store takes (and one byte to know it is more):
/// a file that cannot be opened is a usage error, one over the limit a refusal.
fn read_bounded(file: &Path, kind: DocumentKind) -> Result<Vec<u8>, Failure> {
    let limit = banka_cases::MAX_DOCUMENT_BYTES;
    let bytes = banka_cli::input::read(file, limit as u64);
    if let Err(banka_cli::input::ReadError::TooLarge { .. }) = bytes {
        let mb = limit >> 20;
        return Err(Failure::Refused(
            banka_service::Error::new(
                Code::FileTooLarge,
                format!("{} 超过 {mb} MB，未保存。请换一张较小的图片。", file.display()),
                format!("{} is over {mb} MB and was not stored. Choose a smaller picture.", file.display()),
            )
            .on(&format!("documents.{}", kind.name())),
        ));
    }
    bytes.map_err(|e| Failure::Usage(e.message(file)))
}

/// A stored picture as `attach` prints it: exit 1 when the agency would refuse it.
fn stored(attached: Attached) -> Outcome {
    let Attached { document, check, changes } = attached;
    let blocking: Vec<&str> = check.problems.iter().filter(|p| p.blocks).map(|p| p.code.as_str()).collect();
    let mut shown = json!({ "document": document, "check": check, "blocked": !blocking.is_empty() });
    if !changes.is_empty() {
        shown["changes"] = serde_json::to_value(changes).expect("changes serialise");
    }
    if !blocking.is_empty() {
        let codes = blocking.join(", ");
        let zh = format!("已保存，但机构会拒收这张图片（{codes}）：请按提示换一张，或用 --fix 修正。");
        let en = format!(
            "Stored, but the agency would refuse this picture ({codes}): replace it as the check says, or use --fix."
        );
        let message = banka_rules::Localized::new(zh, en);
        eprintln!("banka: {message}");
        shown["message"] = serde_json::to_value(message).expect("words serialise");
    }
    let fine = blocking.is_empty();
    report(shown, fine)
}

/// `--answers FILE.json`, read while parsing the command line so a bad file is a usage error.
fn read_answers(path: &str) -> Result<Answers, String> {
    crate::read_answers(Path::new(path))
}

fn raw_json(value: &str) -> Result<Value, Failure> {
    serde_json::from_str(value).map_err(|e| Failure::Usage(format!("--json: 不是有效的 JSON / not valid JSON: {e}")))
}

/// The value as the case's flow types the field.
async fn typed_answer(store: &Store, id: &str, field: &str, value: &str) -> Result<Option<Value>, Failure> {
    let flow = store.summary(id).await?.flow_id;
    let input = catalog::get(&flow).and_then(|f| f.field(field)).map(|f| f.input);
    Ok(parse_answer(input, value))
}

/// A command-line word as an answer: what the store cannot take as such (a yes/no field given
/// "maybe") is passed on as text, so the store refuses it with its own message.
fn parse_answer(input: Option<Input>, text: &str) -> Option<Value> {
    if text.trim().is_empty() {
        return None;
    }
    let value = match input {
        Some(Input::YesNo | Input::Consent) => yes_no(text).map_or_else(|| Value::from(text), Value::Bool),
        Some(Input::MultiChoice) if text.trim_start().starts_with('[') => {
            serde_json::from_str(text).unwrap_or_else(|_| Value::from(text))
        }
        Some(Input::MultiChoice) => {
            text.split([',', '，']).map(str::trim).filter(|s| !s.is_empty()).map(Value::from).collect()
        }
        _ => Value::from(text),
    };
    Some(value)
}

fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "是" => Some(true),
        "false" | "no" | "否" => Some(false),
        _ => None,
    }
}

/// `banka check`: the store's integrity report; fine only when nothing is damaged.
pub(crate) async fn check(data: Option<std::path::PathBuf>) -> Outcome {
    let data = data.unwrap_or_else(banka_cases::default_data_dir);
    if !Store::exists(&data) {
        return report(serde_json::json!({ "ok": false, "message": "no store in the data folder" }), false);
    }
    let (store, _) = unlock(&data).await?;
    let integrity = store.check_integrity().await?;
    store.close().await;
    let fine = integrity.ok;
    report(integrity, fine)
}

/// Opens the store in `data`, creating it if there is none yet.
pub(crate) async fn unlock(data: &Path) -> Result<(Store, Passphrase), Failure> {
    let new = !Store::exists(data);
    let passphrase = passphrase(new)?;
    let store = if new {
        Store::create(data, &passphrase, KdfParams::default()).await?
    } else {
        Store::open(data, &passphrase).await?
    };
    Ok((store, passphrase))
}

/// The store's passphrase: $BANKA_PASSPHRASE, else typed at the terminal (twice for a new
/// store). Never asked for when stdin is not a terminal: a script fails instead of hanging.
fn passphrase(new: bool) -> Result<Passphrase, Failure> {
    if let Some(passphrase) = Passphrase::from_env() {
        return Ok(passphrase);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::NoKey.into());
    }
    if !new {
        return Ok(Passphrase::new(ask("口令 / Passphrase: ")?.as_str()));
    }
    let first = ask("为新的数据文件夹设置口令 / Passphrase for the new data folder: ")?;
    if *ask("再输入一次 / Once more: ")? != *first {
        return Err(Failure::Refused(banka_service::Error::new(
            Code::PassphraseMismatch,
            "两次输入的口令不一致，未创建数据文件夹。",
            "The two passphrases differ; the data folder was not created.",
        )));
    }
    Ok(Passphrase::new(first.as_str()))
}

fn ask(prompt: &str) -> Result<Zeroizing<String>, Failure> {
    Ok(Zeroizing::new(rpassword::prompt_password(prompt).map_err(Error::Io)?))
}

fn bundle_passphrase(store: &Passphrase) -> Passphrase {
    match std::env::var("BANKA_BUNDLE_PASSPHRASE") {
        Ok(p) if !p.is_empty() => Passphrase::new(p),
        _ => store.clone(),
    }
}

/// Deleting is for good: it takes --yes, or a "y" typed at the terminal.
fn confirm_delete(id: &str, yes: bool) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Usage(format!(
            "删除案件须确认，请加 --yes / deleting a case needs confirmation: banka case delete {id} --yes"
        )));
    }
    eprint!("删除案件 {id}？此操作不可撤销 / Delete case {id}? This cannot be undone [y/N] ");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(Error::Io)?;
    if matches!(line.trim().to_lowercase().as_str(), "y" | "yes" | "是") {
        return Ok(());
    }
    Err(Failure::Refused(banka_service::Error::new(Code::Cancelled, "未删除。", "Nothing was deleted.")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_typed_by_their_field() {
        assert_eq!(parse_answer(Some(Input::Consent), "是"), Some(json!(true)));
        assert_eq!(parse_answer(Some(Input::YesNo), "No"), Some(json!(false)));
        assert_eq!(parse_answer(Some(Input::YesNo), "maybe"), Some(json!("maybe")), "the store refuses it");
        assert_eq!(parse_answer(Some(Input::MultiChoice), "a, b，c"), Some(json!(["a", "b", "c"])));
        assert_eq!(parse_answer(Some(Input::MultiChoice), r#"["a","b"]"#), Some(json!(["a", "b"])));
        assert_eq!(parse_answer(Some(Input::Text), " 王小明"), Some(json!(" 王小明")));
        assert_eq!(parse_answer(None, "true"), Some(json!("true")));
        assert_eq!(parse_answer(Some(Input::Text), ""), None, "empty clears");
    }
}
