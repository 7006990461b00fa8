//! How a command reaches the agency: the address and token given (flags or environment), else
//! the agency settings the app saved in the store, training mode included (the practice agency
//! then runs in this process while the command does).

use banka_agency::client::Client;
use banka_cases::Store;
use banka_service::agency::Sending;
use banka_service::Agency;
use clap::Args;

use crate::case::Failure;

#[derive(Args)]
pub struct AgencyArgs {
    /// The agency endpoint, e.g. https://agency.example.cn (http:// only on this machine)
    /// [default: the agency saved in Settings, or the training agency in training mode].
    #[arg(long, env = "BANKA_AGENCY_URL", value_name = "URL")]
    endpoint: Option<String>,
    /// The center's or user's access token (with --endpoint).
    #[arg(long, env = "BANKA_AGENCY_TOKEN", value_name = "TOKEN", hide_env_values = true)]
    token: Option<String>,
}

impl AgencyArgs {
    /// The agency given on the command line, checked before the store is unlocked (an address
    /// that would send personal data in the clear is refused); `None` for the saved one.
    pub fn client(&self) -> Result<Option<Client>, Failure> {
        match (&self.endpoint, &self.token) {
            (Some(endpoint), Some(token)) => {
                Ok(Some(Client::new(endpoint, token).map_err(banka_service::Error::from)?))
            }
            (None, None) => Ok(None),
            (Some(_), None) => Err(Failure::Usage("--endpoint 需要 --token / --endpoint needs --token".into())),
            (None, Some(_)) => Err(Failure::Usage("--token 需要 --endpoint / --token needs --endpoint".into())),
        }
    }
}

/// The agency to ask: `given`, else the store's saved settings. Nothing is sent in the
/// background; `banka outbox send` sends.
pub async fn connect(store: &Store, given: Option<Client>) -> Result<Agency, Failure> {
    let agency = Agency::default();
    match given {
        Some(client) => agency.use_client(client).await,
        None => agency.start(store, Sending::No).await?,
    }
    Ok(agency)
}
