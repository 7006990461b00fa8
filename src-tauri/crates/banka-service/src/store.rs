//! The encrypted store's door: open it with the passphrase (creating it the first time) and
//! change the passphrase. Errors name the field to fix.

use std::path::Path;

use banka_cases::{Passphrase, Store};

use crate::{Code, Error};

/// Opens the store in `dir` with `passphrase`, or creates it with that passphrase the first time.
pub async fn unlock(dir: &Path, passphrase: &Passphrase) -> Result<Store, Error> {
    let store = if Store::exists(dir) {
        Store::open(dir, passphrase).await
    } else {
        Store::create(dir, passphrase, Default::default()).await
    };
    Ok(store?)
}

/// Changes the passphrase of the store in `dir`: the database key is rewrapped, nothing else is
/// rewritten. A wrong current passphrase is about `current`, a weak or long new one about `new`.
pub async fn change_passphrase(dir: &Path, current: Passphrase, new: Passphrase) -> Result<(), Error> {
    let dir = dir.to_owned();
    // Argon2 takes a second of CPU: off the async threads.
    let changed = tokio::task::spawn_blocking(move || banka_cases::keys::change_passphrase(&dir, &current, &new))
        .await
        .map_err(|_| Error::new(Code::Internal, "更改口令失败。", "The passphrase could not be changed."))?;
    changed.map_err(|e| match e {
        banka_cases::Error::WrongPassphrase => Error::from(e).on("current"),
        banka_cases::Error::WeakPassphrase | banka_cases::Error::LongPassphrase => Error::from(e).on("new"),
        e => e.into(),
    })
}
