//! `banka outbox …`: queue finalized cases and send them to the agency without the app (a
//! center's server, a cron job). The same store, outbox, sender and saved agency settings the
//! app uses.

use std::path::PathBuf;
use std::time::Duration;

use banka_agency::client::Client;
use banka_agency::sender::{self, Sender};
use banka_cases::Store;
use clap::{Args, Subcommand};
use serde_json::json;

use crate::case::{actor, finish, report, unlock, Failure, Outcome};
use crate::reach::AgencyArgs;

#[derive(Args)]
pub struct OutboxArgs {
    #[command(subcommand)]
    command: OutboxCommand,
    /// The data folder holding the store [default: $BANKA_DATA_DIR, else the app's data folder].
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
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
        agency: AgencyArgs,
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
    let given = match &args.command {
        OutboxCommand::Send { agency, .. } => agency.client()?,
        _ => None,
    };
    let (store, _) = unlock(&data).await?;
    let outcome = with_agency(&store, given, args.command).await;
    store.close().await;
    outcome
}

/// Sending reaches the agency (the given one, else the saved one); the rest is the store's.
async fn with_agency(store: &Store, given: Option<Client>, command: OutboxCommand) -> Outcome {
    if !matches!(command, OutboxCommand::Send { .. }) {
        return execute(store, None, command).await;
    }
    let agency = crate::reach::connect(store, given).await?;
    let outcome = match agency.client().await {
        Ok(client) => execute(store, Some(client), command).await,
        Err(e) => Err(e.into()),
    };
    agency.stop().await;
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

fn send_failed(e: sender::Error) -> Failure {
    match e {
        sender::Error::Store(e) => e.into(),
        sender::Error::Unauthorized(e) => banka_service::Error::from(e).into(),
    }
}
