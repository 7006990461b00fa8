//! Settings kept in the encrypted database (the agency endpoint and token, the practice agency's
//! key): a credential is protected at rest like the cases it sends, and never sits in the plain
//! settings file.

use zeroize::Zeroizing;

use crate::error::Result;
use crate::keys::{random_key, Key};
use crate::secret::Locked;
use crate::store::Store;

impl Store {
    pub async fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar!("SELECT value FROM settings WHERE key = ?", key).fetch_optional(&self.pool).await?)
    }

    /// A key kept under `name`: made at random the first time, the same one afterwards (training
    /// mode's practice agency encrypts its database with it).
    pub async fn key_setting(&self, name: &str) -> Result<Key> {
        let saved = self.setting(name).await?.map(Zeroizing::new);
        let mut key = Locked::new([0u8; 32]);
        if saved.is_some_and(|hex| hex::decode_to_slice(hex.as_str(), &mut *key).is_ok()) {
            return Ok(key);
        }
        let key = random_key();
        self.set_setting(name, Some(Zeroizing::new(hex::encode(*key)).as_str())).await?;
        Ok(key)
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
        // A key setting is made once and kept.
        let key = store.key_setting("agency.training_key").await.unwrap();
        assert_ne!(*key, [0u8; 32]);
        assert_eq!(*store.key_setting("agency.training_key").await.unwrap(), *key);
    }
}
