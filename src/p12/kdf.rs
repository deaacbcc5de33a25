//! The PKCS#12 key derivation (RFC 7292 appendix B.2) and the password encodings it takes.
//! Legacy bags (RC2, 3DES) and every MAC use it; PBES2 bags use PBKDF2 instead, with the
//! password's UTF-8 bytes. Short enough to write here rather than pull a crate for it.

use sha1::Digest;

/// What the derived bytes are for (RFC 7292 B.3): the `ID` byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A cipher key.
    Key = 1,
    /// A CBC initialization vector.
    Iv = 2,
    /// An HMAC key for the MAC.
    Mac = 3,
}

/// The block size `v` of SHA-1 and SHA-256, the only digests used with this KDF here.
const V: usize = 64;

/// `n` bytes derived from `password` (already encoded, see [`bmp`]) and `salt` with digest
/// `D` run `iterations` times per output block. The caller has bounded `iterations`.
pub fn derive<D: Rehash>(
    password: &[u8],
    salt: &[u8],
    purpose: Purpose,
    iterations: u32,
    n: usize,
) -> Vec<u8> {
    let d = [purpose as u8; V];
    let mut i = fill(salt);
    let mut filled = fill(password);
    i.extend_from_slice(&filled);
    crate::wipe::bytes(&mut filled);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let mut h = D::new();
        h.update(d);
        h.update(&i);
        let mut a = h.finalize();
        D::rehash(&mut a, iterations.saturating_sub(1));
        let take = (n - out.len()).min(a.len());
        out.extend_from_slice(a.get(..take).unwrap_or_default());
        if out.len() >= n || a.is_empty() {
            break;
        }
        // I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes.
        let b: Vec<u8> = a.iter().copied().cycle().take(V).collect();
        for block in i.chunks_mut(V) {
            let mut carry = 1u16;
            for (x, y) in block.iter_mut().zip(b.iter()).rev() {
                let s = u16::from(*x) + u16::from(*y) + carry;
                *x = s as u8;
                carry = s >> 8;
            }
        }
    }
    // `i` holds the password's blocks.
    crate::wipe::bytes(&mut i);
    out
}

/// `x` repeated up to the next multiple of `V` bytes; empty stays empty.
fn fill(x: &[u8]) -> Vec<u8> {
    let n = x.len().div_ceil(V) * V;
    x.iter().copied().cycle().take(n).collect()
}

/// The password as the KDF takes it: a BMPString (UTF-16BE) with a two-byte zero
/// terminator, so an empty password is `00 00`; no password at all is zero bytes (RFC 7292
/// B.1). Characters outside the BMP are written as surrogate pairs, as Windows and OpenSSL 3 do.
pub fn bmp(password: Option<&str>) -> Vec<u8> {
    let Some(p) = password else {
        return Vec::new();
    };
    let mut out: Vec<u8> = p.encode_utf16().flat_map(u16::to_be_bytes).collect();
    out.extend_from_slice(&[0, 0]);
    out
}

/// The encoding OpenSSL 1.x used for a non-ASCII password: each UTF-8 byte widened to 16
/// bits. Files it made still verify only this way (OpenSSL 3's own `pkcs12` tries it too).
pub fn bytewise(password: &str) -> Vec<u8> {
    let mut out: Vec<u8> = password.bytes().flat_map(|b| [0, b]).collect();
    out.extend_from_slice(&[0, 0]);
    out
}

/// A digest whose compression function the KDF's inner loop calls directly. The loop hashes
/// its own 20- or 32-byte output thousands of times, one padded block each; through the
/// streaming `Digest` API that cost 40 times the compression itself in debug builds (the
/// mutation tests) and a good share in wasm.
pub trait Rehash: Digest {
    /// Replaces `a` (a whole digest output) with its digest, `times` times.
    fn rehash(a: &mut [u8], times: u32);
}

/// Hashes `a` (a whole SHA-1 or SHA-256 output: `4 * N` bytes, under one block) `times`
/// times with `compress` from the initial state `iv`. The padding of a fixed-length message
/// does not change, so the block is padded once and only its first `4 * N` bytes rewritten.
fn rehash_with<const N: usize>(
    a: &mut [u8],
    times: u32,
    iv: [u32; N],
    compress: fn(&mut [u32; N], &[[u8; 64]]),
) {
    let n = a.len();
    if times == 0 || n != 4 * N || n >= 56 {
        return;
    }
    let mut block = [0u8; 64];
    if let Some(msg) = block.get_mut(..n) {
        msg.copy_from_slice(a);
    }
    if let Some(b) = block.get_mut(n) {
        *b = 0x80;
    }
    if let Some(dst) = block.get_mut(56..) {
        dst.copy_from_slice(&(n as u64 * 8).to_be_bytes());
    }
    for _ in 0..times {
        let mut state = iv;
        compress(&mut state, core::slice::from_ref(&block));
        if let Some(dst) = block.get_mut(..n) {
            dst.copy_from_slice(state.map(u32::to_be_bytes).as_flattened());
        }
    }
    if let Some(src) = block.get(..n) {
        a.copy_from_slice(src);
    }
}

impl Rehash for sha1::Sha1 {
    fn rehash(a: &mut [u8], times: u32) {
        let iv = [
            0x6745_2301,
            0xefcd_ab89,
            0x98ba_dcfe,
            0x1032_5476,
            0xc3d2_e1f0,
        ];
        if times == 0 || a.len() != 20 {
            return rehash_with(a, times, iv, sha1::block_api::compress);
        }
        let mut h = [0u32; 5];
        for (w, b) in h.iter_mut().zip(a.chunks_exact(4)) {
            *w = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        }
        h = hash_chain::sha1_repeat(h, times);
        for (b, w) in a.chunks_exact_mut(4).zip(h) {
            b.copy_from_slice(&w.to_be_bytes());
        }
    }
}

impl Rehash for sha2::Sha256 {
    fn rehash(a: &mut [u8], times: u32) {
        let iv = [
            0x6a09_e667,
            0xbb67_ae85,
            0x3c6e_f372,
            0xa54f_f53a,
            0x510e_527f,
            0x9b05_688c,
            0x1f83_d9ab,
            0x5be0_cd19,
        ];
        rehash_with(a, times, iv, sha2::block_api::compress256);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-level SHA-1 and the block one agree with the streaming digest, for every
    /// repeat count the KDF uses (0, 1, many), on outputs of every kind.
    #[test]
    fn rehash_is_repeated_hashing() {
        for seed in 0u8..40 {
            let start: Vec<u8> = (0..20u8)
                .map(|i| i.wrapping_mul(37).wrapping_add(seed))
                .collect();
            for times in [0u32, 1, 2, 7, 300] {
                let mut expected = start.clone();
                for _ in 0..times {
                    expected = sha1::Sha1::digest(&expected).to_vec();
                }
                let mut a = start.clone();
                <sha1::Sha1 as Rehash>::rehash(&mut a, times);
                assert_eq!(a, expected, "SHA-1, seed {seed}, {times} times");

                let start256: Vec<u8> = start.iter().chain(&start[..12]).copied().collect();
                let mut expected = start256.clone();
                for _ in 0..times {
                    expected = sha2::Sha256::digest(&expected).to_vec();
                }
                let mut a = start256.clone();
                <sha2::Sha256 as Rehash>::rehash(&mut a, times);
                assert_eq!(a, expected, "SHA-256, seed {seed}, {times} times");
            }
        }
    }
}
