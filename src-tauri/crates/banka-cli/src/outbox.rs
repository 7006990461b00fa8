//! `banka outbox …`: queue finalized cases and send them to the agency without the app (a
//! center's server, a cron job). The same store, outbox and sender the app uses.

use std::path::PathBuf;
use std::time::Duration;

use banka_agency::client::Client;
use banka_agency::sender::{self, Sender};
use banka_cases::{Explained, Store};
use clap::{Args, Subcommand};
use serde_json::json;

use crate::case::{actor, finish, report, unlock, Failure, Outcome};

#[derive(Args)]
pub struct OutboxArgs {
    #[command(subcommand)]
    command: OutboxCommand,
    /// The data folder holding the store [default: $BANKA_DATA_DIR, else the app's data folder].
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
}

/// Where the agency is and how Banka proves who it is.
#[derive(Args)]
struct Agency {
    /// The agency endpoint, e.g. https://agency.example.cn (http:// only on this machine).
    #[arg(long, env = "BANKA_AGENCY_URL", value_name = "URL")]
    endpoint: String,
    /// The center's or user's access token.
    #[arg(long, env = "BANKA_AGENCY_TOKEN", value_name = "TOKEN", hide_env_values = true)]
    token: String,
}

#[derive(Subcommand)]
enum OutboxCommand {
    /// Queue finalized cases for sending (ready → queued); a failed case is retried at once.
    Add {
        #[arg(required = true)]
        ids: Vec<String>,
        /// The operator queuing them, recorded in the audit trail.
        #[arg(long, env = "BANKA_OPERATOR", value_name = "NAME")]
        operator: Option<String>,
    },
    /// Send queued cases and refresh the agency's status of submitted ones. Keeps running,
    /// sending cases as they fall due, until interrupted; with --once, one pass and exit (0 when
    /// nothing was refused or left to retry).
    Send {
        #[command(flatten)]
        agency: Agency,
        #[arg(long)]
        once: bool,
        /// Send every waiting case now, failed ones included, their backoff started again (the
        /// window's 立即发送).
        #[arg(long)]
        now: bool,
        /// How long a case being sent is this sender's alone (renewed while it works on it): if
        /// the sender dies, another takes the case over after this long.
        #[arg(long, default_value = "30", value_name = "SECONDS")]
        lease_secs: u64,
    },
    /// What waits in the outbox: status, attempts, next try and the last failure's reason.
    Status,
}

pub fn run(args: OutboxArgs) -> std::process::ExitCode {
    finish(dispatch(args))
}

async fn dispatch(args: OutboxArgs) -> Outcome {
    let data = args.data.unwrap_or_else(banka_cases::default_data_dir);
    if !Store::exists(&data) {
        return report(json!({ "queued": [], "message": "no store in the data folder" }), true);
    }
    let client = match &args.command {
        OutboxCommand::Send { agency, .. } => Some(Client::new(&agency.endpoint, &agency.token).map_err(refused)?),
        _ => None,
    };
    let (store, _) = unlock(&data).await?;
    let outcome = execute(&store, client, args.command).await;
    store.close().await;
    outcome
}

async fn execute(store: &Store, client: Option<Client>, command: OutboxCommand) -> Outcome {
    match command {
        OutboxCommand::Add { ids, operator } => {
            let actor = actor(operator);
            let mut queued = Vec::new();
            for id in ids {
                queued.push(store.enqueue(&id, &actor).await?);
            }
            report(json!({ "queued": queued }), true)
        }
        OutboxCommand::Status => report(json!({ "queued": store.outbox().await? }), true),
        OutboxCommand::Send { once, now, lease_secs, .. } => {
            if now {
                store.send_now().await?;
            }
            let config = sender::Config { lease: Duration::from_secs(lease_secs.max(1)), ..Default::default() };
            let sender = Sender::new(store.clone(), client.expect("send has a client"), config);
            if !once {
                let stop = async {
                    let _ = tokio::signal::ctrl_c().await;
                };
                sender.run(Duration::from_secs(30), &tokio::sync::Notify::new(), stop).await.map_err(send_failed)?;
            }
            let sent = sender.send_due().await.map_err(send_failed)?;
            let changed = sender.refresh_statuses().await.map_err(send_failed)?;
            let fine = sent.rejected == 0 && sent.retrying == 0;
            report(json!({ "sent": sent, "statuses_changed": changed, "queued": store.outbox().await? }), fine)
        }
    }
}

fn refused(e: banka_agency::client::Error) -> Failure {
    let (message_zh, message_en) = e.messages();
    Failure::Refused(Explained { code: "agency", message_zh, message_en, field: None })
}

fn send_failed(e: sender::Error) -> Failure {
    match e {
        sender::Error::Store(e) => e.into(),
        sender::Error::Unauthorized(e) => refused(e),
    }
}
