//! The password-based encryption schemes of certificate and key bags: PBES2 (PBKDF2 with
//! HMAC-SHA1/SHA-256 and AES-CBC: OpenSSL 3, newer Java and Windows' AES option) and the
//! PKCS#12 PBEs with SHA-1 (RC2-40 and 3DES: OpenSSL 1.x, older Java, Windows' default, Go).
//! A scheme is read whole, its iteration count checked against the bound, before any work.

use super::der::{Malformed, Reader, Tlv};
use super::kdf::{self, Purpose};
use super::{oid, OpenError, MAX_ITERATIONS};
use cbc::cipher::{Array, BlockCipherDecrypt, BlockModeDecrypt, InnerIvInit, KeyInit};

/// The cipher of a PKCS#12 PBE (RFC 7292 appendix C).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Legacy {
    Rc2_40,
    Rc2_128,
    TripleDes,
}

/// HMAC digest of PBKDF2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prf {
    Sha1,
    Sha256,
}

/// An encryption scheme read from an AlgorithmIdentifier, ready to run.
#[derive(Clone, Debug)]
pub enum Scheme {
    /// PBES2 with PBKDF2 and AES-CBC (RFC 8018).
    Pbes2 {
        /// PBKDF2 salt.
        salt: Vec<u8>,
        /// PBKDF2 iteration count.
        iterations: u32,
        /// PBKDF2's HMAC digest.
        prf: PrfKind,
        /// AES key length in bytes (16, 24, 32).
        key_len: usize,
        /// The CBC initialization vector.
        iv: Vec<u8>,
    },
    /// A PKCS#12 PBE with SHA-1.
    Legacy {
        /// The cipher.
        cipher: LegacyKind,
        /// KDF salt.
        salt: Vec<u8>,
        /// KDF iteration count.
        iterations: u32,
    },
}

/// PBKDF2's HMAC digest (opaque outside this module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrfKind(Prf);

/// A legacy cipher (opaque outside this module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegacyKind(Legacy);

/// The password in the two forms the schemes take.
#[derive(Clone, Copy)]
pub struct Password<'p> {
    /// The UTF-8 bytes as typed (PBES2; absent and empty are both zero bytes).
    pub utf8: &'p [u8],
    /// The encoding for the PKCS#12 KDF (the one that verified the MAC, when there is one);
    /// borrowed from the list `open` wipes when it is done.
    pub kdf: &'p [u8],
    /// PBES2 keys already derived from `utf8` outside the module (see [`Pbkdf2`]).
    pub derived: &'p [Derived],
}

/// A PBKDF2 derivation a PBES2 scheme runs: what the package can hand to the platform's
/// native PBKDF2 (WebCrypto `deriveBits`), several times faster than the same rounds in
/// wasm, before the file is opened (`super::pbkdf2_params`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pbkdf2 {
    /// `"SHA-1"` or `"SHA-256"` (WebCrypto's names).
    pub hash: &'static str,
    /// The salt.
    pub salt: Vec<u8>,
    /// The iteration count (within [`MAX_ITERATIONS`]).
    pub iterations: u32,
    /// The key length in bytes.
    pub key_len: usize,
}

/// A key derived outside the module for a [`Pbkdf2`] (from the password's UTF-8 bytes).
/// Used only when its length is the scheme's and a MAC has proved the password; a key that
/// does not decrypt is derived again inside, so the caller can only slow a check down, never
/// make a file open or change an answer.
#[derive(Clone)]
pub struct Derived {
    /// What was derived.
    pub params: Pbkdf2,
    /// The key.
    pub key: Vec<u8>,
}

#[cfg(test)]
thread_local! {
    /// PBKDF2 derivations run here (not given from outside), in this test's thread.
    pub static WASM_PBKDF2: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Never prints the key.
impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Derived")
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

/// Reads an AlgorithmIdentifier of a bag's encryption.
pub fn scheme(alg: Tlv<'_>) -> Result<Scheme, OpenError> {
    let mut r = alg.children();
    let id = r.oid().map_err(dmg)?;
    if id == oid::PBES2 {
        return pbes2(r.sequence().map_err(dmg)?);
    }
    let cipher = match id {
        oid::PBE_SHA1_RC2_40 => Legacy::Rc2_40,
        oid::PBE_SHA1_RC2_128 => Legacy::Rc2_128,
        oid::PBE_SHA1_3DES => Legacy::TripleDes,
        other => return Err(OpenError::Unsupported(super::der::oid_text(other))),
    };
    let mut p = r.sequence().map_err(dmg)?;
    let salt = p.octets().map_err(dmg)?;
    let iterations = iterations(p.small_uint().map_err(dmg)?)?;
    Ok(Scheme::Legacy {
        cipher: LegacyKind(cipher),
        salt,
        iterations,
    })
}

fn pbes2(mut p: Reader<'_>) -> Result<Scheme, OpenError> {
    let mut kdf = p.sequence().map_err(dmg)?;
    let kdf_id = kdf.oid().map_err(dmg)?;
    if kdf_id != oid::PBKDF2 {
        return Err(OpenError::Unsupported(super::der::oid_text(kdf_id)));
    }
    let mut params = kdf.sequence().map_err(dmg)?;
    // The salt may also be an AlgorithmIdentifier ("otherSource"): never seen in PKCS#12.
    let salt = params.octets().map_err(dmg)?;
    let iterations = iterations(params.small_uint().map_err(dmg)?)?;
    let stated_len = match params.optional(super::der::INTEGER).map_err(dmg)? {
        Some(t) => Some(super::der::uint(t.content).map_err(dmg)?),
        None => None,
    };
    let prf = match params.optional(super::der::SEQUENCE).map_err(dmg)? {
        None => Prf::Sha1,
        Some(t) => match t.children().oid().map_err(dmg)? {
            oid::HMAC_SHA1 => Prf::Sha1,
            oid::HMAC_SHA256 => Prf::Sha256,
            other => return Err(OpenError::Unsupported(super::der::oid_text(other))),
        },
    };
    let mut enc = p.sequence().map_err(dmg)?;
    let key_len = match enc.oid().map_err(dmg)? {
        oid::AES128_CBC => 16,
        oid::AES192_CBC => 24,
        oid::AES256_CBC => 32,
        other => return Err(OpenError::Unsupported(super::der::oid_text(other))),
    };
    if stated_len.is_some_and(|n| n != key_len as u64) {
        return Err(OpenError::Damaged("PBKDF2 key length is not the cipher's"));
    }
    let iv = enc.octets().map_err(dmg)?;
    if iv.len() != 16 {
        return Err(OpenError::Damaged("AES-CBC IV is not 16 bytes"));
    }
    Ok(Scheme::Pbes2 {
        salt,
        iterations,
        prf: PrfKind(prf),
        key_len,
        iv,
    })
}

/// An iteration count within the bound, refused before it is run.
pub fn iterations(n: u64) -> Result<u32, OpenError> {
    match u32::try_from(n) {
        Ok(n) if n <= MAX_ITERATIONS => Ok(n),
        Ok(n) => Err(OpenError::TooManyIterations(n)),
        Err(_) => Err(OpenError::TooManyIterations(u32::MAX)),
    }
}

fn dmg(_: Malformed) -> OpenError {
    OpenError::Damaged("encryption parameters")
}

impl Scheme {
    /// The PBKDF2 derivation this scheme runs, if it is PBES2.
    pub fn pbkdf2(&self) -> Option<Pbkdf2> {
        match self {
            Scheme::Pbes2 {
                salt,
                iterations,
                prf,
                key_len,
                ..
            } => Some(Pbkdf2 {
                hash: match prf.0 {
                    Prf::Sha1 => "SHA-1",
                    Prf::Sha256 => "SHA-256",
                },
                salt: salt.clone(),
                iterations: *iterations,
                key_len: *key_len,
            }),
            Scheme::Legacy { .. } => None,
        }
    }

    /// The iteration count the scheme will run.
    pub fn iterations(&self) -> u32 {
        match self {
            Scheme::Pbes2 { iterations, .. } | Scheme::Legacy { iterations, .. } => *iterations,
        }
    }

    /// The two SHA-1 derivations (key, then IV) a legacy scheme runs with the password
    /// encoded as `password`; none for PBES2.
    pub fn legacy_jobs<'a>(&'a self, password: &'a [u8]) -> [Option<kdf::Sha1Job<'a>>; 2] {
        let Scheme::Legacy {
            cipher,
            salt,
            iterations,
        } = self
        else {
            return [None, None];
        };
        let job = |purpose, n| {
            Some(kdf::Sha1Job {
                password,
                salt,
                purpose,
                iterations: *iterations,
                n,
            })
        };
        [
            job(Purpose::Key, legacy_key_len(cipher.0)),
            job(Purpose::Iv, 8),
        ]
    }

    /// Whether this is a PKCS#12 PBE (RC2/3DES) rather than PBES2.
    pub fn is_legacy(&self) -> bool {
        matches!(self, Scheme::Legacy { .. })
    }

    /// The plaintext, or `None` when the padding is wrong (a wrong password, most likely).
    pub fn decrypt(&self, data: &[u8], pw: &Password<'_>) -> Option<Vec<u8>> {
        match self {
            Scheme::Pbes2 {
                salt,
                iterations,
                prf,
                key_len,
                iv,
            } => {
                let mut key = vec![0u8; *key_len];
                let given = self.pbkdf2().and_then(|want| {
                    pw.derived
                        .iter()
                        .find(|d| d.params == want && d.key.len() == *key_len)
                });
                #[cfg(test)]
                if given.is_none() {
                    WASM_PBKDF2.with(|n| n.set(n.get() + 1));
                }
                match (given, prf.0) {
                    (Some(d), _) => key.copy_from_slice(&d.key),
                    (None, Prf::Sha1) => {
                        pbkdf2::pbkdf2_hmac::<sha1::Sha1>(pw.utf8, salt, *iterations, &mut key)
                    }
                    (None, Prf::Sha256) => {
                        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(pw.utf8, salt, *iterations, &mut key)
                    }
                }
                let plain = (|| match key_len {
                    16 => cbc_decrypt(aes::Aes128::new_from_slice(&key).ok()?, iv, data),
                    24 => cbc_decrypt(aes::Aes192::new_from_slice(&key).ok()?, iv, data),
                    _ => cbc_decrypt(aes::Aes256::new_from_slice(&key).ok()?, iv, data),
                })();
                crate::wipe::bytes(&mut key);
                plain
            }
            Scheme::Legacy {
                cipher,
                salt,
                iterations,
            } => {
                let key_len = legacy_key_len(cipher.0);
                let key = kdf::sha1(pw.kdf, salt, Purpose::Key, *iterations, key_len);
                let iv = kdf::sha1(pw.kdf, salt, Purpose::Iv, *iterations, 8);
                match cipher.0 {
                    Legacy::Rc2_40 | Legacy::Rc2_128 => {
                        let c = rc2::Rc2::new_with_eff_key_len(&key, key_len * 8);
                        cbc_decrypt(c, &iv, data)
                    }
                    Legacy::TripleDes => {
                        cbc_decrypt(des::TdesEde3::new_from_slice(&key).ok()?, &iv, data)
                    }
                }
            }
        }
    }
}

/// The key length of a legacy cipher, in bytes.
fn legacy_key_len(cipher: Legacy) -> usize {
    match cipher {
        Legacy::Rc2_40 => 5,
        Legacy::Rc2_128 => 16,
        Legacy::TripleDes => 24,
    }
}

/// CBC decryption with PKCS#7 padding removed; `None` if the length or padding is wrong.
fn cbc_decrypt<C: BlockCipherDecrypt>(cipher: C, iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let mut mode = cbc::Decryptor::<C>::inner_iv_slice_init(cipher, iv).ok()?;
    let mut buf = data.to_vec();
    let (blocks, rest) = Array::slice_as_chunks_mut(&mut buf);
    let count = blocks.len();
    if !rest.is_empty() || count == 0 {
        return None;
    }
    mode.decrypt_blocks(blocks);
    let block = data.len() / count;
    let pad = usize::from(*buf.last()?);
    if pad == 0 || pad > block || pad > buf.len() {
        return None;
    }
    let (plain, padding) = buf.split_at(buf.len() - pad);
    if padding.iter().any(|&b| usize::from(b) != pad) {
        return None;
    }
    let n = plain.len();
    buf.truncate(n);
    Some(buf)
}
