//! Moving cases between machines: export chosen cases to a sealed bundle file, import one. The
//! bundle's passphrase is never kept; refusals of it are about the `passphrase` field.

use std::path::Path;

use banka_cases::{Actor, ImportReport, KdfParams, Passphrase, Store};

use crate::Error;

/// Bundles are files people recognise by their ending.
pub const EXTENSION: &str = "banka";

/// Refuses a passphrase too weak to seal a bundle with (before anyone chooses where to save).
pub fn check_passphrase(passphrase: &Passphrase) -> Result<(), Error> {
    passphrase.check_strength().map_err(|e| Error::from(e).on("passphrase"))
}

/// Seals the cases `ids` into a bundle at `path`.
pub async fn export(store: &Store, ids: &[String], path: &Path, passphrase: &Passphrase) -> Result<(), Error> {
    check_passphrase(passphrase)?;
    Ok(store.export(ids, path, passphrase, KdfParams::default()).await?)
}

/// Imports the bundle at `path`; everything is checked before anything is stored.
pub async fn import(store: &Store, path: &Path, passphrase: &Passphrase, actor: &Actor) -> Result<ImportReport, Error> {
    store.import(path, passphrase, actor).await.map_err(|e| match e {
        banka_cases::Error::WrongPassphrase => Error::from(e).on("passphrase"),
        e => e.into(),
    })
}
