//! PKCS#12 (.p12/.pfx) certificate files: whether the password opens the file, and what
//! the certificates in it say, before an applicant uploads it to a portal. Built only with
//! the `files` feature.
//!
//! Real files come from OpenSSL 3 (PBES2, AES-256, SHA-256 MAC), OpenSSL 1.x, Windows, Java
//! and Go (RC2-40 certificates, 3DES keys, SHA-1 MAC): both kinds are read here, in pure
//! Rust because browsers' WebCrypto has neither RC2 nor 3DES nor the PKCS#12 KDF. The DER
//! reader and the bag structure are our own and small; the primitives are RustCrypto's. The
//! one thing WebCrypto does have, PBKDF2, the package runs there when it can: the PBES2
//! derivations are listed by [`pbkdf2_params`] and their keys given to [`open_derived`],
//! which checks each and derives any missing or wrong one itself.
//!
//! Work is bounded before it starts: files over [`MAX_FILE_BYTES`] and iteration counts
//! over [`MAX_ITERATIONS`] are refused before any key derivation runs.
//!
//! ```no_run
//! let bytes = std::fs::read("certificado.p12").unwrap();
//! match prevalida::p12::open(&bytes, Some("Prueba#2024")) {
//!     Ok(o) => println!("{} certificates", o.certificates.len()),
//!     Err(e) => println!("{e:?}"),
//! }
//! ```

pub(crate) mod cert;
pub mod check;
mod decrypt;
mod der;
mod kdf;
mod oid;
#[cfg(test)]
mod tests;

pub use cert::{Attribute, Certificate, DateTime, PrivateKey};

pub use decrypt::{Derived, Pbkdf2};
use decrypt::{Password, Scheme};
use der::{Reader, Tlv};
use hmac::{Hmac, KeyInit, Mac};
use kdf::Purpose;

/// The most iterations a key derivation may ask for. Real files use 1 to 100,000 (Java's
/// old MAC); OpenSSL 3 writes 2,048. A million PBKDF2-SHA256 rounds is about half a second
/// natively and several in a phone's browser; a file asking for more is refused unread.
pub const MAX_ITERATIONS: u32 = 1_000_000;

/// The largest file read: a certificate file with its chain is a few KB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// How deep safeContentsBags may nest (one level is all any producer writes).
const MAX_NESTED_SAFES: usize = 4;

/// What an opened file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// Every certificate, in file order (the holder's and its chain's).
    pub certificates: Vec<Certificate>,
    /// Every private key's public half.
    pub keys: Vec<PrivateKey>,
    /// The integrity MAC, if the file has one.
    pub mac: Option<MacInfo>,
    /// How the bags are encrypted.
    pub encryption: Encryption,
    /// The largest iteration count in the file (MAC and encryption); 0 without either.
    pub max_iterations: u32,
}

/// The file's integrity MAC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MacInfo {
    /// `"SHA-1"` or `"SHA-256"`.
    pub digest: &'static str,
    /// Its iteration count.
    pub iterations: u32,
}

/// How a file's bags are encrypted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encryption {
    /// Nothing is encrypted.
    None,
    /// PBES2 with AES only (OpenSSL 3, newer Java, Windows' AES-256 option).
    Modern,
    /// At least one bag with RC2 or 3DES (OpenSSL 1.x, older Java, Windows' default): some
    /// tools and portals no longer open these.
    Legacy,
}

/// Why a file does not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// Not a PKCS#12 file at all (a PEM or .cer, a renamed document).
    NotPkcs12,
    /// The password does not open the file.
    WrongPassword,
    /// The file is protected and no password was given.
    PasswordRequired,
    /// A key derivation asks for more than [`MAX_ITERATIONS`]: refused before it runs.
    TooManyIterations(u32),
    /// An algorithm or content type this reader does not implement (its dotted OID).
    Unsupported(String),
    /// A PKCS#12 file that is cut short or corrupt; what was being read.
    Damaged(&'static str),
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
}

/// Opens a PKCS#12 file. `password` is used exactly as given, never trimmed or normalized
/// (an NFD-typed "Ñandú" does not open a file protected with the NFC one); `None` means
/// none was given, which opens files without a MAC or encryption, and those protected with
/// an absent or empty password.
pub fn open(data: &[u8], password: Option<&str>) -> Result<Opened, OpenError> {
    open_derived(data, password, &[])
}

/// At most this many derivations are listed by [`pbkdf2_params`] (real files have two).
const MAX_LISTED: usize = 8;

/// The PBKDF2 derivations of `data`'s PBES2 schemes that can be seen without a password (the
/// encrypted certificates' and the shrouded keys' of OpenSSL 3 and Windows' AES files),
/// without duplicates, at most eight and 2 × [`MAX_ITERATIONS`] iterations in all; empty for
/// a file without a MAC (keys from outside are used only behind a verified MAC) and for one
/// this reader refuses unread (too large, damaged, an iteration count over [`MAX_ITERATIONS`]). The package derives these with the
/// platform's native PBKDF2 and passes them to [`open_derived`]: the same keys, several times
/// faster than in wasm (docs/figures.md).
pub fn pbkdf2_params(data: &[u8]) -> Vec<Pbkdf2> {
    let mut out: Vec<Pbkdf2> = Vec::new();
    let Ok((list, true)) = visible_schemes(data) else {
        return out;
    };
    // Keys are used only behind a MAC (see `open_with`): a file without one derives in wasm.
    let mut total = 0u64;
    for p in list.iter().filter_map(Scheme::pbkdf2) {
        total += u64::from(p.iterations);
        if !out.contains(&p) && out.len() < MAX_LISTED && total <= u64::from(MAX_ITERATIONS) * 2 {
            out.push(p);
        }
    }
    out
}

/// Every encryption scheme readable before decryption, all within the bounds, and whether
/// the file has a MAC.
fn visible_schemes(data: &[u8]) -> Result<(Vec<Scheme>, bool), OpenError> {
    if data.len() > MAX_FILE_BYTES {
        return Err(OpenError::TooLarge);
    }
    let (auth_safe, mac) = pfx(data)?;
    // A MAC within the bounds, read now: it is what lets keys from outside be used.
    let has_mac = match mac {
        Some(m) => mac_params(m).map(|_| true)?,
        None => false,
    };
    let (bags, pending) = read_safes(&auth_safe)?;
    let mut out: Vec<Scheme> = pending.into_iter().map(|(s, _)| s).collect();
    out.extend(bags.into_iter().filter_map(|b| match b {
        Bag::Shrouded(s, _) => Some(s),
        _ => None,
    }));
    Ok((out, has_mac))
}

/// [`open`], with PBES2 keys already derived from the password (see [`pbkdf2_params`]);
/// any derivation not among them runs here.
pub fn open_derived(
    data: &[u8],
    password: Option<&str>,
    derived: &[Derived],
) -> Result<Opened, OpenError> {
    // The password's encodings are made once, borrowed by everything that derives keys, and
    // overwritten here whatever the outcome.
    let mut candidates = kdf_encodings(password);
    let result = open_with(data, password, &candidates, derived);
    for c in &mut candidates {
        crate::wipe::bytes(c);
    }
    result
}

fn open_with(
    data: &[u8],
    password: Option<&str>,
    candidates: &[Vec<u8>],
    derived: &[Derived],
) -> Result<Opened, OpenError> {
    if data.len() > MAX_FILE_BYTES {
        return Err(OpenError::TooLarge);
    }
    let (auth_safe, mac_data) = pfx(data)?;

    // Read everything visible before decrypting, so that every iteration count is checked
    // before any derivation runs.
    let (mut bags, pending) = read_safes(&auth_safe)?;
    let mac = match mac_data {
        Some(m) => Some(mac_params(m)?),
        None => None,
    };
    let mut max_iterations = mac.as_ref().map_or(0, |m| m.info.iterations);
    for (s, _) in &pending {
        max_iterations = max_iterations.max(s.iterations());
    }
    for b in &bags {
        if let Bag::Shrouded(s, _) = b {
            max_iterations = max_iterations.max(s.iterations());
        }
    }

    let refused = if password.is_none() {
        OpenError::PasswordRequired
    } else {
        OpenError::WrongPassword
    };
    let utf8 = password.unwrap_or("").as_bytes();
    // The SHA-1 derivations the first encoding of the password will need (the MAC's, each
    // legacy bag's key and IV), made together before the MAC is checked: four chains cost
    // about what one does (kdf::Prefetched), so a right password opens a legacy file in
    // about a third of the time, and a wrong one takes about twice as long to refuse.
    let _prefetched = candidates.first().map(|pw| {
        let mut jobs: Vec<kdf::Sha1Job<'_>> = Vec::new();
        if let Some(m) = mac.as_ref().filter(|m| m.info.digest == "SHA-1") {
            jobs.push(kdf::Sha1Job {
                password: pw,
                salt: &m.salt,
                purpose: Purpose::Mac,
                iterations: m.info.iterations,
                n: 20,
            });
        }
        let schemes = pending
            .iter()
            .map(|(s, _)| s)
            .chain(bags.iter().filter_map(|b| match b {
                Bag::Shrouded(s, _) => Some(s),
                _ => None,
            }));
        for s in schemes {
            jobs.extend(s.legacy_jobs(pw).into_iter().flatten());
        }
        // Bounded like the PBKDF2 list: a file of many bags or many iterations derives the
        // rest when (and if) it gets to them, after the MAC.
        let mut total = 0u64;
        jobs.retain(|j| {
            total += u64::from(j.iterations) * j.n.div_ceil(20) as u64;
            total <= u64::from(MAX_ITERATIONS) * 2
        });
        jobs.truncate(MAX_LISTED);
        kdf::Prefetched::new(&jobs)
    });
    let verified = match &mac {
        Some(m) => {
            let found = candidates
                .iter()
                .find(|pw| m.verifies(pw, &auth_safe))
                .ok_or(refused.clone())?;
            Some(found.as_slice())
        }
        None => None,
    };
    // With a verified MAC the password is known right; without one, the first encoding under
    // which the data decrypts is taken.
    // Keys derived outside are used only once the MAC has proved the password: without a MAC,
    // decrypting is what tells the password right, and a key from elsewhere would stand in
    // for it.
    let tries: Vec<Password<'_>> = match verified {
        Some(kdf) => vec![Password { utf8, kdf, derived }],
        None => candidates
            .iter()
            .map(|kdf| Password {
                utf8,
                kdf,
                derived: &[],
            })
            .collect(),
    };
    let failed = if mac.is_some() {
        OpenError::Damaged("a bag does not decrypt with the password the MAC accepts")
    } else {
        refused
    };
    let mut legacy = false;
    let mut encrypted = false;
    for (scheme, data) in &pending {
        encrypted = true;
        legacy |= scheme.is_legacy();
        let plain = decrypt_any(scheme, data, &tries).ok_or(failed.clone())?;
        safe_contents(&plain, 0, &mut bags)?;
    }

    let mut certificates = Vec::new();
    let mut keys = Vec::new();
    for bag in bags {
        match bag {
            Bag::Cert(der) => certificates
                .push(cert::certificate(&der).map_err(|_| OpenError::Damaged("certificate"))?),
            Bag::Key(der) => keys.push(private_key(&der)?),
            Bag::Shrouded(scheme, data) => {
                encrypted = true;
                legacy |= scheme.is_legacy();
                max_iterations = max_iterations.max(scheme.iterations());
                let plain = decrypt_any(&scheme, &data, &tries).ok_or(failed.clone())?;
                keys.push(private_key(&plain)?);
            }
        }
    }
    Ok(Opened {
        certificates,
        keys,
        mac: mac.map(|m| m.info),
        encryption: match (encrypted, legacy) {
            (false, _) => Encryption::None,
            (true, false) => Encryption::Modern,
            (true, true) => Encryption::Legacy,
        },
        max_iterations,
    })
}

/// Whether `key` is the private key of `cert`: same algorithm and same public key. An EC
/// key without its public point (it is optional) never matches: computing it would take
/// elliptic-curve arithmetic this module does not carry.
pub fn matches(cert: &Certificate, key: &PrivateKey) -> bool {
    cert.key_algorithm_oid == key.algorithm_oid
        && key.public_key.as_deref() == Some(cert.spki_public_key.as_slice())
}

/// Whether opening `o` proved the password right: false for a file with neither a MAC nor
/// encryption, which opens with any password at all.
pub fn password_verifiable(o: &Opened) -> bool {
    o.mac.is_some() || o.encryption != Encryption::None
}

/// A bag, read but not yet decrypted or parsed.
enum Bag {
    Cert(Vec<u8>),
    Key(Vec<u8>),
    Shrouded(Scheme, Vec<u8>),
}

/// The PFX's AuthenticatedSafe bytes (the value the MAC covers) and its MacData.
fn pfx(data: &[u8]) -> Result<(Vec<u8>, Option<Tlv<'_>>), OpenError> {
    let mut top = Reader::new(data);
    let Ok(pfx) = top.expect(der::SEQUENCE) else {
        // A PFX cut short still starts like one: SEQUENCE, INTEGER 3.
        let looks = matches!(data, [0x30, 0x80..=0x84, ..])
            && data.windows(3).take(8).any(|w| w == [2, 1, 3]);
        return Err(if looks {
            OpenError::Damaged("the file is cut short")
        } else {
            OpenError::NotPkcs12
        });
    };
    let mut p = pfx.children();
    if p.small_uint() != Ok(3) {
        return Err(OpenError::NotPkcs12);
    }
    let mut ci = p.sequence().map_err(|_| OpenError::NotPkcs12)?;
    let kind = ci.oid().map_err(|_| OpenError::NotPkcs12)?;
    if kind != oid::DATA {
        // signedData (public-key integrity mode): never seen from real tools.
        return Err(OpenError::Unsupported(der::oid_text(kind)));
    }
    let content = ci
        .expect(0xa0)
        .map_err(|_| OpenError::Damaged("authenticated safe"))?;
    let auth_safe = content
        .children()
        .octets()
        .map_err(|_| OpenError::Damaged("authenticated safe"))?;
    let mac = p
        .optional(der::SEQUENCE)
        .map_err(|_| OpenError::Damaged("MAC"))?;
    Ok((auth_safe, mac))
}

/// The bags of the AuthenticatedSafe that are not encrypted, and the encrypted ones (their
/// schemes read and bounded) for later.
#[allow(clippy::type_complexity)]
fn read_safes(auth_safe: &[u8]) -> Result<(Vec<Bag>, Vec<(Scheme, Vec<u8>)>), OpenError> {
    let mut bags = Vec::new();
    let mut pending = Vec::new();
    let mut safes = Reader::new(&auth_safe)
        .sequence()
        .map_err(|_| OpenError::Damaged("authenticated safe"))?;
    while !safes.is_empty() {
        let ci = safes
            .expect(der::SEQUENCE)
            .map_err(|_| OpenError::Damaged("content info"))?;
        content_info(ci, &mut bags, &mut pending)?;
    }
    Ok((bags, pending))
}

/// One ContentInfo of the AuthenticatedSafe: plain bags now, encrypted ones for later.
fn content_info(
    ci: Tlv<'_>,
    bags: &mut Vec<Bag>,
    pending: &mut Vec<(Scheme, Vec<u8>)>,
) -> Result<(), OpenError> {
    let bad = |_| OpenError::Damaged("content info");
    let mut r = ci.children();
    let kind = r.oid().map_err(bad)?;
    let content = r.expect(0xa0).map_err(bad)?;
    match kind {
        oid::DATA => {
            let safe = content.children().octets().map_err(bad)?;
            safe_contents(&safe, 0, bags)
        }
        oid::ENCRYPTED_DATA => {
            let bad = |_| OpenError::Damaged("encrypted data");
            let mut ed = content.children().sequence().map_err(bad)?;
            ed.small_uint().map_err(bad)?; // version
            let mut eci = ed.sequence().map_err(bad)?;
            eci.oid().map_err(bad)?; // content type: data
            let scheme = decrypt::scheme(eci.expect(der::SEQUENCE).map_err(bad)?)?;
            let data = match eci.any() {
                Ok(t) if t.tag == 0x80 || t.tag == 0xa0 => {
                    der::joined(&t, der::OCTET_STRING).map_err(bad)?
                }
                _ => return Err(OpenError::Damaged("encrypted data")),
            };
            pending.push((scheme, data));
            Ok(())
        }
        // envelopedData (public-key privacy mode) and anything else.
        other => Err(OpenError::Unsupported(der::oid_text(other))),
    }
}

/// The bags of a SafeContents. Certificate types other than X.509, CRLs and secrets are
/// skipped: nothing to check in them.
fn safe_contents(bytes: &[u8], nesting: usize, bags: &mut Vec<Bag>) -> Result<(), OpenError> {
    let bad = |_| OpenError::Damaged("bag");
    let mut list = Reader::new(bytes).sequence().map_err(bad)?;
    while !list.is_empty() {
        let mut bag = list.sequence().map_err(bad)?;
        let id = bag.oid().map_err(bad)?;
        let value = bag.expect(0xa0).map_err(bad)?;
        let mut v = value.children();
        match id {
            oid::CERT_BAG => {
                let mut cb = v.sequence().map_err(bad)?;
                if cb.oid().map_err(bad)? == oid::X509_CERTIFICATE {
                    let mut inner = cb.expect(0xa0).map_err(bad)?.children();
                    bags.push(Bag::Cert(inner.octets().map_err(bad)?));
                }
            }
            oid::KEY_BAG => bags.push(Bag::Key(v.any().map_err(bad)?.raw.to_vec())),
            oid::SHROUDED_KEY_BAG => {
                let mut epki = v.sequence().map_err(bad)?;
                let scheme = decrypt::scheme(epki.expect(der::SEQUENCE).map_err(bad)?)?;
                let data = epki.octets().map_err(bad)?;
                bags.push(Bag::Shrouded(scheme, data));
            }
            oid::SAFE_CONTENTS_BAG if nesting < MAX_NESTED_SAFES => {
                safe_contents(v.any().map_err(bad)?.raw, nesting + 1, bags)?
            }
            oid::SAFE_CONTENTS_BAG => return Err(OpenError::Damaged("bags nested too deep")),
            _ => {}
        }
    }
    Ok(())
}

fn private_key(der: &[u8]) -> Result<PrivateKey, OpenError> {
    cert::private_key(der).map_err(|_| OpenError::Damaged("private key"))
}

/// The plaintext under the first password encoding that decrypts `data` to one whole DER
/// element (a wrong password passes the padding check once in 256 tries, not this).
fn decrypt_any(scheme: &Scheme, data: &[u8], tries: &[Password<'_>]) -> Option<Vec<u8>> {
    let whole = |plain: &Vec<u8>| {
        let mut r = Reader::new(plain);
        r.sequence().is_ok() && r.is_empty()
    };
    tries
        .iter()
        .find_map(|pw| scheme.decrypt(data, pw).filter(whole))
        .or_else(|| {
            // A key derived outside that does not decrypt is not trusted to mean a wrong
            // password: the derivation is run here again.
            tries
                .iter()
                .filter(|pw| !pw.derived.is_empty())
                .find_map(|pw| {
                    let own = Password {
                        derived: &[],
                        ..*pw
                    };
                    scheme.decrypt(data, &own).filter(whole)
                })
        })
}

/// The encodings of the password the PKCS#12 KDF is tried with, most likely first. An
/// empty password may have been applied as "absent" and the other way round (OpenSSL and
/// Windows differ); a non-ASCII one may come from OpenSSL 1.x, which widened UTF-8 bytes.
fn kdf_encodings(password: Option<&str>) -> Vec<Vec<u8>> {
    match password {
        None | Some("") => vec![kdf::bmp(password), kdf::bmp(password.xor(Some("")))],
        Some(p) if p.is_ascii() => vec![kdf::bmp(Some(p))],
        Some(p) => vec![kdf::bmp(Some(p)), kdf::bytewise(p)],
    }
}

/// A file's MacData, read but not yet run.
struct MacData {
    info: MacInfo,
    salt: Vec<u8>,
    value: Vec<u8>,
}

/// Reads a MacData without running it: an unknown digest or too many iterations is refused
/// here.
fn mac_params(m: Tlv<'_>) -> Result<MacData, OpenError> {
    let bad = |_| OpenError::Damaged("MAC");
    let mut r = m.children();
    let mut digest_info = r.sequence().map_err(bad)?;
    let alg = digest_info.sequence().map_err(bad)?.oid().map_err(bad)?;
    let digest = match alg {
        oid::SHA1 => "SHA-1",
        oid::SHA256 => "SHA-256",
        other => return Err(OpenError::Unsupported(der::oid_text(other))),
    };
    let value = digest_info.octets().map_err(bad)?;
    let salt = r.octets().map_err(bad)?;
    let iterations = match r.optional(der::INTEGER).map_err(bad)? {
        Some(t) => der::uint(t.content).map_err(bad)?,
        None => 1,
    };
    let size = if digest == "SHA-1" { 20 } else { 32 };
    if value.len() != size {
        return Err(OpenError::Damaged("MAC length"));
    }
    Ok(MacData {
        info: MacInfo {
            digest,
            iterations: decrypt::iterations(iterations)?,
        },
        salt,
        value,
    })
}

impl MacData {
    /// Whether the MAC over `content` checks with the password encoded as `pw`.
    fn verifies(&self, pw: &[u8], content: &[u8]) -> bool {
        let n = self.info.iterations;
        match self.info.digest {
            "SHA-1" => {
                let key = kdf::sha1(pw, &self.salt, Purpose::Mac, n, 20);
                hmac_ok::<Hmac<sha1::Sha1>>(&key, content, &self.value)
            }
            _ => {
                let key = kdf::derive::<sha2::Sha256>(pw, &self.salt, Purpose::Mac, n, 32);
                hmac_ok::<Hmac<sha2::Sha256>>(&key, content, &self.value)
            }
        }
    }
}

fn hmac_ok<M: Mac + KeyInit>(key: &[u8], content: &[u8], expected: &[u8]) -> bool {
    match <M as KeyInit>::new_from_slice(key) {
        Ok(mut m) => {
            m.update(content);
            m.verify_slice(expected).is_ok()
        }
        Err(_) => false,
    }
}
