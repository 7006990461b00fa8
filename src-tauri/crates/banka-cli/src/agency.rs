//! `banka agency serve`: the reference agency server, for training, demos and tests. It prints
//! the address it listens on (and the token, when it made one up) and serves until interrupted.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use banka_agency::server::{self, Config, Faults};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum AgencyCommand {
    /// Serve the reference agency API (sample data; SMS codes are returned, never sent).
    Serve {
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
    },
}

pub fn run(command: AgencyCommand) -> ExitCode {
    let AgencyCommand::Serve {
        addr,
        data,
        token,
        step_secs,
        fault_errors,
        fault_throttles,
        fault_slow,
        fault_delay_ms,
    } = command;
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
