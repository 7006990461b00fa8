//! The server's SQLite database (`agency.sqlite` in the data folder), documents included:
//! opened with WAL and `synchronous=FULL` (under SQLCipher with Banka's settings when a key is
//! given: training mode's practice data), migrated from the embedded SQL, and seeded with the
//! demo employees.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::Executor;

use banka_cases::Key;

use super::demo;

/// Each migration once, in order; `PRAGMA user_version` counts those applied.
const MIGRATIONS: &[&str] =
    &[include_str!("migrations/0001_init.sql"), include_str!("migrations/0002_documents_inside.sql")];

const DATABASE: &str = "agency.sqlite";

pub async fn open(dir: &Path, key: Option<&Key>) -> Result<SqlitePool, sqlx::Error> {
    let file = dir.join(DATABASE);
    let pool = match key {
        Some(key) => match banka_cases::open_pool(&file, key, 4).await {
            Ok(pool) => pool,
            // An earlier version's practice agency kept its data in the clear: that copy is
            // exactly what must not stay on disk, and practice data can start afresh.
            Err(e) if not_a_database(&e) => {
                remove_database(dir);
                banka_cases::open_pool(&file, key, 4).await?
            }
            Err(e) => return Err(e),
        },
        None => {
            let options = SqliteConnectOptions::new()
                .filename(&file)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // An answer is sent only after its change is on disk.
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            SqlitePoolOptions::new().max_connections(4).connect_with(options).await?
        }
    };
    migrate(&pool).await?;
    seed(&pool).await?;
    Ok(pool)
}

fn not_a_database(e: &sqlx::Error) -> bool {
    e.as_database_error().and_then(|d| d.code()).is_some_and(|c| c == "26")
}

/// The database and its WAL files.
fn remove_database(dir: &Path) {
    for name in [DATABASE.to_owned(), format!("{DATABASE}-wal"), format!("{DATABASE}-shm")] {
        let _ = std::fs::remove_file(dir.join(name));
    }
}

/// Documents are kept in the database now; the files of an earlier version go (at every start).
pub(super) fn remove_old_folders(dir: &Path) {
    for old in ["uploads", "documents"] {
        let _ = std::fs::remove_dir_all(dir.join(old));
    }
}

async fn migrate(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let applied: i64 = sqlx::query_scalar("PRAGMA user_version").fetch_one(&mut *tx).await?;
    // Through `Executor::execute` (several statements at once): a `raw_sql` future is not
    // provably `Send`, and the app spawns the server on its runtime.
    for (n, sql) in MIGRATIONS.iter().enumerate().skip(usize::try_from(applied).unwrap_or(0)) {
        (&mut *tx).execute(format!("{sql}\nPRAGMA user_version = {};", n + 1).as_str()).await?;
    }
    tx.commit().await
}

/// The demo employer's registered employees; what they have done since is kept.
async fn seed(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    for (id, person) in demo::EMPLOYEES.iter().enumerate() {
        sqlx::query(
            "INSERT OR IGNORE INTO employees (id, uscc, name, id_type, id_number, status)
             VALUES (?, ?, ?, 'resident_id', ?, 'registered')",
        )
        .bind(demo::employee_id(id))
        .bind(demo::ENTITY_USCC)
        .bind(person.name)
        .bind(person.id_number)
        .execute(pool)
        .await?;
    }
    Ok(())
}

/// Times are stored as RFC 3339 to the microsecond, so a replayed answer equals the first.
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn parse_time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).map_or(DateTime::UNIX_EPOCH, |t| t.with_timezone(&Utc))
}

/// Now, to the microsecond (what the database keeps).
pub fn now() -> DateTime<Utc> {
    let now = Utc::now();
    DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now)
}
