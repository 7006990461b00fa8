//! The store: one SQLCipher database (`banka.db`) and its wrapped key (`key.json`) in the data
//! folder. Opening it unlocks the key, applies the embedded migrations and sets the pragmas that
//! make every acknowledged write durable.

use banka_rules::Localized;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use std::sync::Arc;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqlitePool, SqlitePoolOptions};
use sqlx::{ConnectOptions, Executor};

use crate::error::{Error, Result};
use crate::keys::{self, KdfParams, Key, Passphrase};
use crate::secret::Locked;

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
    /// Whether `dir` holds a store (its key file or its database: a database without its key
    /// is a store whose key is lost, not an empty folder).
    pub fn exists(dir: &Path) -> bool {
        keys::key_file_exists(dir) || dir.join(DATABASE_FILE).exists()
    }

    /// Creates a store in `dir` protected by `passphrase` (or opens the one already there).
    pub async fn create(dir: &Path, passphrase: &Passphrase, params: KdfParams) -> Result<Store> {
        if Store::exists(dir) {
            return Store::open(dir, passphrase).await;
        }
        std::fs::create_dir_all(dir)?;
        restrict_permissions(dir)?;
        match keys::create(dir, passphrase, params)? {
            Some(key) => Store::connect(dir, &key).await,
            // Another start (the CLI, a second window) made the store a moment ago.
            None => Store::open(dir, passphrase).await,
        }
    }

    /// Opens the store in `dir`: a wrong passphrase is `Error::WrongPassphrase`.
    pub async fn open(dir: &Path, passphrase: &Passphrase) -> Result<Store> {
        if !keys::key_file_exists(dir) && dir.join(DATABASE_FILE).exists() {
            return Err(Error::KeyFile(Localized::new("缺少 key.json", "key.json is missing")));
        }
        let key = keys::unlock(dir, passphrase)?;
        Store::connect(dir, &key).await
    }

    async fn connect(dir: &Path, key: &Key) -> Result<Store> {
        let pool = open_pool(&dir.join(DATABASE_FILE), key, 4).await?;
        // Two starts on a new database migrate it at the same moment: SQLite lets one writer
        // through and the other's migration fails. Run again: what the winner applied is skipped.
        let mut tries = 0;
        while let Err(e) = MIGRATOR.run(&pool).await {
            tries += 1;
            if tries == 5 {
                return Err(e.into());
            }
            tokio::time::sleep(std::time::Duration::from_millis(50 * tries)).await;
        }
        Ok(Store { pool, dir: dir.to_owned() })
    }

    /// A write transaction, holding the write lock from its start: a transaction that read first
    /// and wrote later could not wait for another writer (SQLite gives up at once), and the
    /// app, the CLI and the outbox sender write side by side.
    pub(crate) async fn write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
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

/// A pool on an SQLCipher database under `key`, as Banka opens every database that holds
/// personal data (the case store, and training mode's practice agency). Each connection is keyed
/// by `keyed` before anything reads the file, from a copy of the key in locked memory that lives
/// as long as the pool: the key is never text in a `String` or in SQL.
pub async fn open_pool(file: &Path, key: &Key, max_connections: u32) -> std::result::Result<SqlitePool, sqlx::Error> {
    crate::harden::crypto();
    let spec = Arc::new(key_spec(key));
    let options = SqliteConnectOptions::from_str("sqlite:")
        .expect("a valid base URL")
        .filename(file)
        .create_if_missing(true)
        // sqlx's own pragmas run before the key: only those that do not read the file.
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        // Statements name personal fields: never hand them to a logger.
        .disable_statement_logging();
    SqlitePoolOptions::new()
        .max_connections(max_connections)
        .after_connect(move |conn, _| {
            let spec = Arc::clone(&spec);
            Box::pin(async move { keyed(conn, &spec).await })
        })
        .connect_with(options)
        .await
}

/// SQLCipher's raw-key form, `x'…'` with 64 hex digits: SQLCipher then skips its own PBKDF2
/// (ours is Argon2id).
type KeySpec = Locked<[u8; 67]>;

fn key_spec(key: &Key) -> KeySpec {
    let mut spec = Locked::new([0u8; 67]);
    spec[..2].copy_from_slice(b"x'");
    spec[66] = b'\'';
    hex::encode_to_slice(**key, &mut spec[2..66]).expect("32 bytes are 64 hex digits");
    spec
}

/// Gives a new connection its key (`sqlite3_key`, which copies it into memory SQLCipher locks),
/// then sets what needs the key.
async fn keyed(conn: &mut SqliteConnection, spec: &KeySpec) -> std::result::Result<(), sqlx::Error> {
    {
        let mut handle = conn.lock_handle().await?;
        // SAFETY: the connection's open handle, ours alone while the lock is held; SQLCipher
        // reads the 67 bytes and keeps its own copy.
        let rc = unsafe { libsqlite3_sys::sqlite3_key(handle.as_raw_handle().as_ptr(), spec.as_ptr().cast(), 67) };
        if rc != libsqlite3_sys::SQLITE_OK {
            return Err(sqlx::Error::Configuration(format!("SQLCipher refused the key (code {rc})").into()));
        }
    }
    conn.execute(concat!(
        "PRAGMA journal_mode = WAL;",
        // FULL: a commit survives a power cut, not only a crash of the app.
        "PRAGMA synchronous = FULL;",
        // Deleted rows are overwritten, not left in free pages.
        "PRAGMA secure_delete = ON;",
        "PRAGMA temp_store = MEMORY;",
        "PRAGMA cache_size = -32768;",
    ))
    .await?;
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::migrate::Migrator;

    const PASS: &str = "migration test";

    #[tokio::test]
    async fn a_fresh_install_has_every_migration() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(dir.path(), &Passphrase::new(PASS), KdfParams::MINIMUM).await.unwrap();
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(&store.pool)
                .await
                .unwrap();
        assert_eq!(applied, MIGRATOR.iter().map(|m| m.version).collect::<Vec<_>>());
        assert!(applied.len() >= 2);
    }

    /// A full disk, as SQLite meets it (SQLITE_FULL: here a page limit stands in for the disk):
    /// the change is refused with a clear message and nothing saved before is lost.
    #[tokio::test]
    async fn a_full_disk_refuses_the_change_and_loses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(dir.path(), &Passphrase::new(PASS), KdfParams::MINIMUM).await.unwrap();
        let (actor, today) = (crate::Actor::Resident, chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        let id = store.new_case("bj-individual", &actor).await.unwrap().id;
        store.set_answer(&id, "applicant.name", Some("王小明".into()), &actor, today).await.unwrap();
        let pages: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(&store.pool).await.unwrap();
        store.close().await;

        let key = keys::unlock(dir.path(), &Passphrase::new(PASS)).unwrap();
        // One connection, so the page limit set on it holds for every statement.
        let pool = open_pool(&dir.path().join(DATABASE_FILE), &key, 1).await.unwrap();
        pool.execute(format!("PRAGMA max_page_count = {}", pages + 2).as_str()).await.unwrap();
        let cramped = Store { pool, dir: dir.path().to_owned() };
        let photo: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\x66\0\0\x01\xb9\x08\x02\0\0\0"
            .iter()
            .copied()
            .chain((0..200_000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8))
            .collect();
        let err = cramped.attach_document(&id, "card_photo", "photo.png", &photo, None, &actor).await.unwrap_err();
        assert_eq!(err.code(), crate::Code::DiskFull, "{err:?}");
        let explained = err.explain();
        assert!(explained.message.zh.contains("磁盘已满") && explained.message.en.contains("disk is full"));
        // The answer saved before is intact, and the refused document left nothing behind.
        let case = cramped.case(&id).await.unwrap();
        assert_eq!(case.answers["applicant.name"], "王小明");
        assert!(case.documents.is_empty());
        cramped.close().await;

        // Space again: the same change goes through.
        let store = Store::open(dir.path(), &Passphrase::new(PASS)).await.unwrap();
        store.attach_document(&id, "card_photo", "photo.png", &photo, None, &actor).await.unwrap();
        assert_eq!(store.document_bytes(&id, "card_photo").await.unwrap(), photo);
    }

    #[tokio::test]
    async fn a_store_from_the_first_schema_upgrades_and_its_cases_become_searchable() {
        let dir = tempfile::tempdir().unwrap();
        let key =
            keys::create(dir.path(), &Passphrase::new(PASS), KdfParams::MINIMUM).unwrap().expect("a new key file");
        let first = Migrator { migrations: MIGRATOR.migrations[..1].to_vec().into(), ..Migrator::DEFAULT };
        let pool = open_pool(&dir.path().join(DATABASE_FILE), &key, 4).await.unwrap();
        first.run(&pool).await.unwrap();
        let id = uuid::Uuid::new_v4().to_string();
        sqlx::query("INSERT INTO cases (id, flow_id, flow_version, status, created_at, updated_at) VALUES (?, 'bj-individual', 1, 'draft', 1, 2)")
            .bind(&id)
            .execute(&pool)
            .await
            .unwrap();
        for (path, value) in [("applicant.name", "\"赵老师\""), ("applicant.id_number", "\"11010519491231002x\"")] {
            sqlx::query("INSERT INTO answers (case_id, path, value) VALUES (?, ?, ?)")
                .bind(&id)
                .bind(path)
                .bind(value)
                .execute(&pool)
                .await
                .unwrap();
        }
        pool.close().await;

        let store = Store::open(dir.path(), &Passphrase::new(PASS)).await.unwrap();
        for text in ["赵老师", "002X"] {
            let page = store.search(&crate::Query { text: Some(text.into()), ..Default::default() }).await.unwrap();
            assert_eq!(page.cases.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), [id.as_str()], "{text}");
        }
        assert_eq!(store.summary(&id).await.unwrap().applicant_id_number_masked, "1101**********002X");
        // And the triggers keep it true from now on.
        let actor = crate::Actor::Resident;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        store.set_answer(&id, "applicant.name", Some("赵明".into()), &actor, today).await.unwrap();
        assert_eq!(store.summary(&id).await.unwrap().applicant_name, "赵明");
    }
}
