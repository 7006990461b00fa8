//! `banka agency serve`: the reference agency server, for training, demos and tests. It prints
//! the address it listens on (and the token, when it made one up) and serves until interrupted.
//! `banka agency settings`: the agency the app and `banka` send to, saved in the store.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use banka_agency::server::{self, Config, Faults};
use clap::Subcommand;

#[derive(clap::Args)]
pub struct Serve {
    /// Where to listen; port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:8787")]
    addr: SocketAddr,
    /// The server's own data folder (its database and received documents).
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// The bearer token clients must send [default: a new random one, printed].
    #[arg(long, env = "BANKA_AGENCY_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// How long each status stage takes (submitted → accepted → in production → ready).
    #[arg(long, default_value = "60", value_name = "SECONDS")]
    step_secs: f64,
    /// Training the client's patience: this share of requests gets a 500 …
    #[arg(long, default_value = "0")]
    fault_errors: f64,
    /// … this share a 429 (Retry-After: 1) …
    #[arg(long, default_value = "0")]
    fault_throttles: f64,
    /// … and this share is answered after --fault-delay-ms.
    #[arg(long, default_value = "0")]
    fault_slow: f64,
    #[arg(long, default_value = "2000", value_name = "MS")]
    fault_delay_ms: u64,
}

#[derive(Subcommand)]
pub enum AgencyCommand {
    /// Serve the reference agency API (sample data; SMS codes are returned, never sent).
    Serve(Serve),
    /// The agency the app and `banka` use (saved, encrypted, in the store): shown, or changed
    /// with the options given. The token is never shown.
    ///
    /// The store's passphrase comes from $BANKA_PASSPHRASE, as for `banka case`.
    Settings {
        /// The data folder holding the store [default: $BANKA_DATA_DIR, else the app's data folder].
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// The agency endpoint, https:// (http:// only on this machine); "" removes it.
        #[arg(long, value_name = "URL")]
        endpoint: Option<String>,
        /// The access token; "" removes it.
        #[arg(long, value_name = "TOKEN")]
        token: Option<String>,
        /// Training mode: cases go to the practice agency this machine runs.
        #[arg(long, value_parser = ["on", "off"])]
        training: Option<String>,
    },
}

pub fn run(command: AgencyCommand) -> ExitCode {
    match command {
        AgencyCommand::Serve(args) => serve(args),
        AgencyCommand::Settings { data, endpoint, token, training } => {
            crate::case::finish(settings(data, endpoint, token, training))
        }
    }
}

fn serve(args: Serve) -> ExitCode {
    let Serve { addr, data, token, step_secs, fault_errors, fault_throttles, fault_slow, fault_delay_ms } = args;
    let made_up = token.is_none();
    let token = token.unwrap_or_else(uuid_token);
    let mut config = Config::new(data, token.clone());
    config.status_step = Duration::from_secs_f64(step_secs.max(0.001));
    config.faults = Faults {
        seed: time_seed(),
        error_rate: fault_errors,
        throttle_rate: fault_throttles,
        slow_rate: fault_slow,
        slow: Duration::from_millis(fault_delay_ms),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a tokio runtime starts");
    runtime.block_on(async move {
        let running = match server::start(config, addr).await {
            Ok(r) => r,
            Err(e) => {
                eprintln!("banka: 无法启动机构服务器 / cannot start the agency server: {e}");
                return ExitCode::from(1);
            }
        };
        println!("listening on {}", running.url());
        if made_up {
            println!("token {token}");
        }
        let _ = tokio::signal::ctrl_c().await;
        running.shutdown().await;
        ExitCode::SUCCESS
    })
}

fn uuid_token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

fn time_seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

/// Shows the saved agency settings, or changes the ones given (the rest stay as they are).
async fn settings(
    data: Option<PathBuf>,
    endpoint: Option<String>,
    token: Option<String>,
    training: Option<String>,
) -> crate::case::Outcome {
    let data = data.unwrap_or_else(banka_cases::default_data_dir);
    let (store, _) = crate::case::unlock(&data).await?;
    // The settings are saved, not used: nothing starts (no training agency for a save).
    let agency = banka_service::Agency::default();
    let changed = async {
        let saved = agency.settings(&store).await?;
        if endpoint.is_none() && token.is_none() && training.is_none() {
            return Ok(saved);
        }
        let change = banka_service::AgencyChange {
            endpoint: endpoint.or(saved.endpoint),
            token,
            training: training.map_or(saved.training, |t| t == "on"),
        };
        banka_service::agency::save(&store, change).await?;
        agency.settings(&store).await
    }
    .await;
    store.close().await;
    crate::case::report(changed?, true)
}
