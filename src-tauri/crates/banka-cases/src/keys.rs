//! Keys: the database key is 32 random bytes, kept in `key.json` only wrapped (XChaCha20-Poly1305)
//! under a key derived from the passphrase with Argon2id. Changing the passphrase rewraps it; the
//! database is never re-encrypted. Bundles derive their own key from their own passphrase.

use banka_rules::Localized;
use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::XChaCha20Poly1305;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use crate::secret::Locked;

use crate::error::{Error, Result};

pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// Far more than anyone types, and what fits the passphrase's locked page.
pub const MAX_PASSPHRASE_CHARS: usize = 1024;
const KEY_FILE: &str = "key.json";

/// A passphrase, in locked memory (`Locked`), wiped when dropped and never printed.
#[derive(Clone)]
pub struct Passphrase(Locked<Text>);

#[derive(Clone)]
struct Text {
    len: usize,
    /// Longer than `MAX_PASSPHRASE_CHARS`: kept empty, and refused wherever it is used.
    too_long: bool,
    bytes: [u8; 4 * MAX_PASSPHRASE_CHARS],
}

impl Zeroize for Text {
    fn zeroize(&mut self) {
        self.bytes.zeroize();
        self.len = 0;
    }
}

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Self {
        let text = Zeroizing::new(text.into());
        let mut locked = Locked::new(Text { len: 0, too_long: false, bytes: [0; 4 * MAX_PASSPHRASE_CHARS] });
        if text.chars().count() > MAX_PASSPHRASE_CHARS {
            locked.too_long = true;
        } else {
            locked.bytes[..text.len()].copy_from_slice(text.as_bytes());
            locked.len = text.len();
        }
        Passphrase(locked)
    }

    /// From `BANKA_PASSPHRASE`, for scripts and tests.
    pub fn from_env() -> Option<Self> {
        std::env::var("BANKA_PASSPHRASE").ok().filter(|p| !p.is_empty()).map(Passphrase::new)
    }

    /// The passphrase's bytes; one longer than the limit is refused.
    fn bytes(&self) -> Result<&[u8]> {
        if self.0.too_long {
            return Err(Error::LongPassphrase);
        }
        Ok(&self.0.bytes[..self.0.len])
    }

    /// A new passphrase must be long enough to resist guessing on a stolen copy.
    pub fn check_strength(&self) -> Result<()> {
        let text = std::str::from_utf8(self.bytes()?).expect("made from a str");
        if text.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Error::WeakPassphrase);
        }
        Ok(())
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// Argon2id cost. Stored beside what it protects, so it can be raised later; bounded on read so
/// a hostile file cannot demand gigabytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// OWASP's Argon2id recommendation range; about 0.3 s on a 2-core laptop.
    fn default() -> Self {
        KdfParams { memory_kib: 64 * 1024, iterations: 3, parallelism: 1 }
    }
}

impl KdfParams {
    /// The cheapest cost accepted: for tests that derive keys hundreds of times.
    pub const MINIMUM: KdfParams = KdfParams { memory_kib: 8 * 1024, iterations: 1, parallelism: 1 };
    /// The dearest cost a file may ask for: four times the default's work (memory × passes, about
    /// a second here), in at most 256 MiB. A bundle's header names its own cost, so without this
    /// a hostile one could demand 1 GiB × 16 passes (37 s) before its passphrase is found wrong.
    const MAXIMUM_MEMORY_KIB: u32 = 256 * 1024;
    const MAXIMUM_WORK_KIB: u64 = 4 * 64 * 1024 * 3;

    pub fn check(&self) -> std::result::Result<(), Localized> {
        let m = KdfParams::MINIMUM;
        if self.memory_kib < m.memory_kib || self.memory_kib > Self::MAXIMUM_MEMORY_KIB {
            return Err(Localized::new(
                format!("Argon2 内存 {} KiB 超出范围", self.memory_kib),
                format!("Argon2 memory {} KiB out of range", self.memory_kib),
            ));
        }
        if !(1..=16).contains(&self.iterations) || !(1..=4).contains(&self.parallelism) {
            return Err(Localized::new("Argon2 参数超出范围", "Argon2 cost out of range"));
        }
        let (memory, passes, most) = (self.memory_kib, self.iterations, Self::MAXIMUM_WORK_KIB);
        if u64::from(memory) * u64::from(passes) > most {
            return Err(Localized::new(
                format!("Argon2 参数 {memory} KiB × {passes} 轮超过 Banka 所用（最多 {most} KiB·轮）"),
                format!("Argon2 cost {memory} KiB × {passes} passes is more than Banka asks for (at most {most} KiB·passes)"),
            ));
        }
        Ok(())
    }
}

/// A 32-byte key, in locked memory, wiped when dropped.
pub type Key = Locked<[u8; 32]>;

/// A new random key (the OS's generator), made in its locked page.
pub fn random_key() -> Key {
    use chacha20poly1305::aead::rand_core::RngCore;
    let mut key = Locked::new([0u8; 32]);
    OsRng.fill_bytes(&mut *key);
    key
}

pub fn derive(passphrase: &Passphrase, salt: &[u8], params: KdfParams) -> Result<Key> {
    params.check().map_err(Error::KeyFile)?;
    let p = Params::new(params.memory_kib, params.iterations, params.parallelism, Some(32))
        .map_err(|_| Error::KeyFile(Localized::new("密钥参数无效", "its key parameters are invalid")))?;
    let mut key = Locked::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, p)
        .hash_password_into(passphrase.bytes()?, salt, &mut *key)
        .map_err(|_| Error::KeyFile(Localized::new("无法由口令生成密钥", "no key can be made from the passphrase")))?;
    Ok(key)
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    use chacha20poly1305::aead::rand_core::RngCore;
    let mut b = [0u8; N];
    OsRng.fill_bytes(&mut b);
    b
}

/// `key.json`: the database key, wrapped.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    version: u32,
    kdf: KdfParams,
    #[serde(with = "hex")]
    salt: Vec<u8>,
    #[serde(with = "hex")]
    nonce: Vec<u8>,
    #[serde(with = "hex")]
    wrapped_key: Vec<u8>,
}

pub fn key_file_exists(dir: &Path) -> bool {
    dir.join(KEY_FILE).exists()
}

/// Makes a new database key and writes it wrapped under the passphrase (atomically: a crash
/// leaves either no key file or a whole one).
/// A new database key, wrapped under `passphrase` in a new key file; `None` when another start
/// made the key file first (its key is the store's: unlock it instead).
pub fn create(dir: &Path, passphrase: &Passphrase, params: KdfParams) -> Result<Option<Key>> {
    passphrase.check_strength()?;
    let key = random_key();
    let made = crate::files::write_new(&dir.join(KEY_FILE), &wrapped(&key, passphrase, params)?)?;
    Ok(made.then_some(key))
}

/// Rewraps the database key under a new passphrase.
pub fn change_passphrase(dir: &Path, old: &Passphrase, new: &Passphrase) -> Result<()> {
    new.check_strength()?;
    let key = unlock(dir, old)?;
    crate::files::write_atomically(&dir.join(KEY_FILE), &wrapped(&key, new, KdfParams::default())?)?;
    Ok(())
}

/// The key file's contents: the key sealed under a key derived from the passphrase.
fn wrapped(key: &Key, passphrase: &Passphrase, params: KdfParams) -> Result<Vec<u8>> {
    let salt: [u8; 16] = random_bytes();
    let kek = derive(passphrase, &salt, params)?;
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let wrapped = XChaCha20Poly1305::new((&*kek).into())
        .encrypt(&nonce, key.as_ref())
        .map_err(|_| Error::KeyFile(Localized::new("加密失败", "encryption failed")))?;
    let file = KeyFile { version: 1, kdf: params, salt: salt.to_vec(), nonce: nonce.to_vec(), wrapped_key: wrapped };
    Ok(serde_json::to_vec_pretty(&file).expect("a key file serializes"))
}

/// The database key, if the passphrase is right.
pub fn unlock(dir: &Path, passphrase: &Passphrase) -> Result<Key> {
    let text = std::fs::read(dir.join(KEY_FILE))
        .map_err(|_| Error::KeyFile(Localized::new("无法读取 key.json", "key.json cannot be read")))?;
    let file: KeyFile = serde_json::from_slice(&text)
        .map_err(|_| Error::KeyFile(Localized::new("不是 Banka 的密钥文件", "not a Banka key file")))?;
    if file.version != 1 || file.nonce.len() != 24 || file.salt.len() < 16 {
        return Err(Error::KeyFile(Localized::new("未知的密钥文件版本", "unknown key file version")));
    }
    let kek = derive(passphrase, &file.salt, file.kdf)?;
    let key = XChaCha20Poly1305::new((&*kek).into())
        .decrypt(file.nonce.as_slice().into(), file.wrapped_key.as_slice())
        .map_err(|_| Error::WrongPassphrase)?;
    let key = Zeroizing::new(key);
    if key.len() != 32 {
        return Err(Error::KeyFile(Localized::new("密钥长度不对", "the key has the wrong length")));
    }
    let mut locked = Locked::new([0u8; 32]);
    locked.copy_from_slice(&key);
    Ok(locked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_passphrase_unlocks_the_same_key_and_a_wrong_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let key = create(dir.path(), &Passphrase::new("correct horse"), KdfParams::MINIMUM).unwrap().unwrap();
        // A second key file is never written over the first.
        assert!(create(dir.path(), &Passphrase::new("correct horse"), KdfParams::MINIMUM).unwrap().is_none());
        assert_eq!(*unlock(dir.path(), &Passphrase::new("correct horse")).unwrap(), *key);
        assert!(matches!(unlock(dir.path(), &Passphrase::new("correct horsE")), Err(Error::WrongPassphrase)));
        let text = std::fs::read_to_string(dir.path().join(KEY_FILE)).unwrap();
        assert!(!text.contains(&hex::encode(*key)), "the key file holds the key only wrapped");
    }

    #[test]
    fn changing_the_passphrase_keeps_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let key = create(dir.path(), &Passphrase::new("first passphrase"), KdfParams::MINIMUM).unwrap().unwrap();
        change_passphrase(dir.path(), &Passphrase::new("first passphrase"), &Passphrase::new("second one!")).unwrap();
        assert!(matches!(unlock(dir.path(), &Passphrase::new("first passphrase")), Err(Error::WrongPassphrase)));
        assert_eq!(*unlock(dir.path(), &Passphrase::new("second one!")).unwrap(), *key);
    }

    #[test]
    fn short_passphrases_and_hostile_costs_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            create(dir.path(), &Passphrase::new("short"), KdfParams::MINIMUM),
            Err(Error::WeakPassphrase)
        ));
        // Characters count, not bytes: seven Chinese characters are 21 bytes and still too short.
        assert!(matches!(Passphrase::new("春眠不觉晓处处").check_strength(), Err(Error::WeakPassphrase)));
        assert!(Passphrase::new("春眠不觉晓处处闻").check_strength().is_ok());
        // At most 1,024 characters, of any width; a longer one is refused wherever it is used.
        assert!(Passphrase::new("🔑".repeat(MAX_PASSPHRASE_CHARS)).check_strength().is_ok());
        let long = Passphrase::new("长".repeat(MAX_PASSPHRASE_CHARS + 1));
        assert!(matches!(long.check_strength(), Err(Error::LongPassphrase)));
        assert!(matches!(derive(&long, &[0; 16], KdfParams::MINIMUM), Err(Error::LongPassphrase)));
        let huge = KdfParams { memory_kib: u32::MAX, iterations: 1, parallelism: 1 };
        assert!(huge.check().is_err());
        // The tester's bundle header: 1 GiB × 16 passes; and the cap's edges.
        assert!(KdfParams { memory_kib: 1024 * 1024, iterations: 16, parallelism: 1 }.check().is_err());
        assert!(KdfParams { memory_kib: 256 * 1024, iterations: 3, parallelism: 4 }.check().is_ok());
        let dearer = KdfParams { memory_kib: 256 * 1024, iterations: 4, parallelism: 1 }.check().unwrap_err();
        assert!(dearer.en.contains("more than Banka asks for") && dearer.zh.contains("超过"), "{dearer:?}");
        assert!(KdfParams::default().check().is_ok() && KdfParams::MINIMUM.check().is_ok());
    }
}
