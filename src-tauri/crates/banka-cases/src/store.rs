//! The store: one SQLCipher database (`banka.db`) and its wrapped key (`key.json`) in the data
//! folder. Opening it unlocks the key, applies the embedded migrations and sets the pragmas that
//! make every acknowledged write durable.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::Executor;

use crate::error::{Error, Result};
use crate::keys::{self, KdfParams, Key, Passphrase};

pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
const DATABASE_FILE: &str = "banka.db";

/// The data folder: `BANKA_DATA_DIR` if set, else the platform's app data folder (the same one
/// Tauri gives the app, e.g. ~/.local/share/org.banka.desktop).
pub fn default_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BANKA_DATA_DIR").filter(|d| !d.is_empty()) {
        return dir.into();
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("org.banka.desktop")
}

#[derive(Clone)]
pub struct Store {
    pub(crate) pool: SqlitePool,
    dir: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl Store {
    /// Whether `dir` holds a store (its key file).
    pub fn exists(dir: &Path) -> bool {
        keys::key_file_exists(dir)
    }

    /// Creates a store in `dir` protected by `passphrase`.
    pub async fn create(dir: &Path, passphrase: &Passphrase, params: KdfParams) -> Result<Store> {
        if Store::exists(dir) {
            return Store::open(dir, passphrase).await;
        }
        std::fs::create_dir_all(dir)?;
        restrict_permissions(dir)?;
        let key = keys::create(dir, passphrase, params)?;
        Store::connect(dir, &key).await
    }

    /// Opens the store in `dir`: a wrong passphrase is `Error::WrongPassphrase`.
    pub async fn open(dir: &Path, passphrase: &Passphrase) -> Result<Store> {
        if !Store::exists(dir) && dir.join(DATABASE_FILE).exists() {
            return Err(Error::KeyFile("key.json is missing".into()));
        }
        let key = keys::unlock(dir, passphrase)?;
        Store::connect(dir, &key).await
    }

    async fn connect(dir: &Path, key: &Key) -> Result<Store> {
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(connect_options(&dir.join(DATABASE_FILE), key))
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Store { pool, dir: dir.to_owned() })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Checkpoints the WAL into the database and closes every connection.
    pub async fn close(self) {
        let _ = self.pool.execute("PRAGMA wal_checkpoint(TRUNCATE)").await;
        self.pool.close().await;
    }
}

/// SQLCipher wants the key before anything else touches the file; sqlx sends `key` first.
pub(crate) fn connect_options(file: &Path, key: &Key) -> SqliteConnectOptions {
    let hex_key = zeroize::Zeroizing::new(hex::encode(key.as_ref()));
    SqliteConnectOptions::from_str("sqlite:")
        .expect("a valid base URL")
        .filename(file)
        .create_if_missing(true)
        // A raw 256-bit key: SQLCipher skips its own PBKDF2, ours is Argon2id.
        .pragma("key", format!("\"x'{}'\"", hex_key.as_str()))
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a commit survives a power cut, not only a crash of the app.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        // Deleted rows are overwritten, not left in free pages.
        .pragma("secure_delete", "ON")
        .pragma("temp_store", "MEMORY")
        .pragma("cache_size", "-32768")
}

#[cfg(unix)]
fn restrict_permissions(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn restrict_permissions(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}
