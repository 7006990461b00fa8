//! Settings kept in the encrypted database (the agency endpoint and token): a credential is
//! protected at rest like the cases it sends, and never sits in the plain settings file.

use crate::error::Result;
use crate::store::Store;

impl Store {
    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar!("SELECT value FROM settings WHERE key = ?", key).fetch_optional(&self.pool).await?)
    }

    /// Saves (or, with `None`, removes) a setting.
    pub async fn set_setting(&self, key: &str, value: Option<&str>) -> Result<()> {
        let mut tx = self.write().await?;
        match value {
            Some(value) => {
                sqlx::query!(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    key,
                    value
                )
                .execute(&mut *tx)
                .await?
            }
            None => sqlx::query!("DELETE FROM settings WHERE key = ?", key).execute(&mut *tx).await?,
        };
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::{KdfParams, Passphrase, Store};

    #[tokio::test]
    async fn settings_are_saved_replaced_and_removed_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let pass = Passphrase::new("correct horse battery");
        let store = Store::create(dir.path(), &pass, KdfParams::MINIMUM).await.unwrap();
        assert_eq!(store.setting("agency.token").await.unwrap(), None);
        store.set_setting("agency.token", Some("t1")).await.unwrap();
        store.set_setting("agency.token", Some("t2")).await.unwrap();
        store.close().await;
        let store = Store::open(dir.path(), &pass).await.unwrap();
        assert_eq!(store.setting("agency.token").await.unwrap().as_deref(), Some("t2"));
        store.set_setting("agency.token", None).await.unwrap();
        assert_eq!(store.setting("agency.token").await.unwrap(), None);
    }
}
