//! Sealed files: a passphrase-derived key (Argon2id) and XChaCha20-Poly1305 in the STREAM
//! construction, 64 KiB per chunk. Any change, reordering or truncation fails authentication;
//! the header (format, cost, salt, nonce) is bound to every chunk as associated data.

use banka_rules::Localized;
use std::io::{self, BufRead, BufReader, Read, Write};

use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, Payload};
use chacha20poly1305::XChaCha20Poly1305;

use crate::keys::{self, KdfParams, Passphrase};

const MAGIC: &[u8; 8] = b"BANKABN\x01";
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const NONCE_PREFIX: usize = 19;
const HEADER_LEN: usize = 8 + 12 + 16 + NONCE_PREFIX;

fn invalid(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, why.to_owned())
}

/// Encrypts everything written to it; `finish` seals the last chunk (without it the file is
/// refused as truncated).
pub struct SealWriter<W: Write> {
    inner: W,
    encryptor: Option<EncryptorBE32<XChaCha20Poly1305>>,
    header: Vec<u8>,
    buffer: Vec<u8>,
}

impl<W: Write> SealWriter<W> {
    pub fn new(mut inner: W, passphrase: &Passphrase, params: KdfParams) -> crate::Result<Self> {
        let salt: [u8; 16] = keys::random_bytes();
        let nonce: [u8; NONCE_PREFIX] = keys::random_bytes();
        let key = keys::derive(passphrase, &salt, params)?;
        let mut header = Vec::with_capacity(HEADER_LEN);
        header.extend_from_slice(MAGIC);
        for n in [params.memory_kib, params.iterations, params.parallelism] {
            header.extend_from_slice(&n.to_le_bytes());
        }
        header.extend_from_slice(&salt);
        header.extend_from_slice(&nonce);
        inner.write_all(&header)?;
        let aead = XChaCha20Poly1305::new((&*key).into());
        let encryptor = EncryptorBE32::from_aead(aead, nonce.as_ref().into());
        Ok(SealWriter { inner, encryptor: Some(encryptor), header, buffer: Vec::with_capacity(CHUNK) })
    }

    pub fn finish(mut self) -> io::Result<W> {
        let encryptor = self.encryptor.take().expect("finish is called once");
        let sealed = encryptor
            .encrypt_last(Payload { msg: &self.buffer, aad: &self.header })
            .map_err(|_| invalid("encryption failed"))?;
        self.inner.write_all(&sealed)?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for SealWriter<W> {
    fn write(&mut self, mut data: &[u8]) -> io::Result<usize> {
        let written = data.len();
        while !data.is_empty() {
            let take = (CHUNK - self.buffer.len()).min(data.len());
            self.buffer.extend_from_slice(&data[..take]);
            data = &data[take..];
            // A full chunk is sealed only once more data follows: the last chunk is sealed as last.
            if self.buffer.len() == CHUNK && !data.is_empty() {
                let encryptor = self.encryptor.as_mut().expect("not finished");
                let sealed = encryptor
                    .encrypt_next(Payload { msg: &self.buffer, aad: &self.header })
                    .map_err(|_| invalid("encryption failed"))?;
                self.inner.write_all(&sealed)?;
                self.buffer.clear();
            }
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Decrypts a sealed stream, failing on any tampering, wrong passphrase or truncation. Reading
/// to the end proves the whole file authentic.
pub struct OpenReader<R: Read> {
    inner: BufReader<R>,
    decryptor: Option<DecryptorBE32<XChaCha20Poly1305>>,
    header: Vec<u8>,
    plain: Vec<u8>,
    at: usize,
}

/// Why a sealed file will not open.
#[derive(Debug)]
pub enum OpenError {
    NotSealed,
    Cost(Localized),
}

impl<R: Read> OpenReader<R> {
    pub fn new(inner: R, passphrase: &Passphrase) -> Result<Self, OpenError> {
        let mut inner = BufReader::with_capacity(CHUNK + TAG + 1, inner);
        let mut header = vec![0u8; HEADER_LEN];
        inner.read_exact(&mut header).map_err(|_| OpenError::NotSealed)?;
        if &header[..8] != MAGIC {
            return Err(OpenError::NotSealed);
        }
        let word = |i: usize| u32::from_le_bytes(header[8 + 4 * i..12 + 4 * i].try_into().expect("4 bytes"));
        let params = KdfParams { memory_kib: word(0), iterations: word(1), parallelism: word(2) };
        params.check().map_err(OpenError::Cost)?;
        let (salt, nonce) = (&header[20..36], &header[36..]);
        let key = keys::derive(passphrase, salt, params).map_err(|_| {
            OpenError::Cost(Localized::new("无法由口令生成密钥", "no key can be made from the passphrase"))
        })?;
        let aead = XChaCha20Poly1305::new((&*key).into());
        let decryptor = DecryptorBE32::from_aead(aead, nonce.into());
        Ok(OpenReader { inner, decryptor: Some(decryptor), header, plain: Vec::new(), at: 0 })
    }

    fn next_chunk(&mut self) -> io::Result<()> {
        let Some(decryptor) = self.decryptor.as_mut() else { return Ok(()) };
        let mut sealed = Vec::with_capacity(CHUNK + TAG);
        (&mut self.inner).take((CHUNK + TAG) as u64).read_to_end(&mut sealed)?;
        let last = self.inner.fill_buf()?.is_empty();
        if sealed.len() < TAG {
            return Err(invalid("truncated"));
        }
        self.plain = if last {
            let decryptor = self.decryptor.take().expect("present");
            decryptor.decrypt_last(Payload { msg: &sealed, aad: &self.header })
        } else {
            decryptor.decrypt_next(Payload { msg: &sealed, aad: &self.header })
        }
        .map_err(|_| invalid("authentication failed"))?;
        self.at = 0;
        Ok(())
    }
}

impl<R: Read> Read for OpenReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.at == self.plain.len() {
            if self.decryptor.is_none() {
                return Ok(0);
            }
            self.next_chunk()?;
        }
        let n = out.len().min(self.plain.len() - self.at);
        out[..n].copy_from_slice(&self.plain[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seal(data: &[u8], pass: &str) -> Vec<u8> {
        let mut w = SealWriter::new(Vec::new(), &Passphrase::new(pass), KdfParams::MINIMUM).unwrap();
        w.write_all(data).unwrap();
        w.finish().unwrap()
    }

    fn open(sealed: &[u8], pass: &str) -> io::Result<Vec<u8>> {
        let mut r = OpenReader::new(sealed, &Passphrase::new(pass)).map_err(|e| invalid(&format!("{e:?}")))?;
        let mut out = Vec::new();
        r.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn round_trips_at_every_chunk_boundary() {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            assert_eq!(open(&seal(&data, "passphrase!"), "passphrase!").unwrap(), data, "length {len}");
        }
    }

    #[test]
    fn a_header_asking_for_a_dearer_key_derivation_than_banka_uses_is_refused_before_deriving() {
        let mut sealed = seal(b"a case", "passphrase!");
        // The tester's bundle: 1 GiB × 16 passes (37 s and 1 GB before the cap).
        sealed[8..12].copy_from_slice(&(1024u32 * 1024).to_le_bytes());
        sealed[12..16].copy_from_slice(&16u32.to_le_bytes());
        match OpenReader::new(&sealed[..], &Passphrase::new("passphrase!")) {
            Err(OpenError::Cost(why)) => assert!(why.en.contains("out of range"), "{why:?}"),
            other => panic!("{:?}", other.err()),
        }
    }

    #[test]
    fn tampering_truncation_and_a_wrong_passphrase_are_caught() {
        let data = vec![42u8; 2 * CHUNK + 100];
        let sealed = seal(&data, "passphrase!");
        assert!(open(&sealed, "wrong passphrase").is_err());
        for at in [HEADER_LEN - 1, HEADER_LEN + 5, sealed.len() / 2, sealed.len() - 1] {
            let mut bad = sealed.clone();
            bad[at] ^= 1;
            assert!(open(&bad, "passphrase!").is_err(), "a flipped bit at {at}");
        }
        // Cut at a chunk boundary: the remaining chunks authenticate but none is marked last.
        let cut = HEADER_LEN + CHUNK + TAG;
        assert!(open(&sealed[..cut], "passphrase!").is_err());
        assert!(open(&sealed[..sealed.len() - 1], "passphrase!").is_err());
        let mut longer = sealed.clone();
        longer.extend_from_slice(&[0; 17]);
        assert!(open(&longer, "passphrase!").is_err());
        assert!(matches!(
            OpenReader::new(&b"not a bundle at all, just some text......................"[..], &Passphrase::new("x")),
            Err(OpenError::NotSealed)
        ));
    }
}
