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
    let mut i = start(password, salt);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let mut a = first_hash::<D>(purpose, &i);
        D::rehash(&mut a, iterations.saturating_sub(1));
        if !take(&mut out, n, &a, &mut i) {
            break;
        }
    }
    // `i` holds the password's blocks.
    crate::wipe::bytes(&mut i);
    out
}

/// The KDF's `I`: the salt and then the password, each repeated to a multiple of `V` bytes.
fn start(password: &[u8], salt: &[u8]) -> Vec<u8> {
    let mut i = fill(salt);
    let mut filled = fill(password);
    i.extend_from_slice(&filled);
    crate::wipe::bytes(&mut filled);
    i
}

/// The first hash of an output block: `D(ID repeated to V bytes || I)`.
fn first_hash<D: Digest>(purpose: Purpose, i: &[u8]) -> sha1::digest::Output<D> {
    let mut h = D::new();
    h.update([purpose as u8; V]);
    h.update(i);
    h.finalize()
}

/// Appends the block `a` to `out` (up to `n` bytes); when more is needed, moves `i` on to the
/// next block (`I_j = (I_j + B + 1) mod 2^(8v)`, `B` = `a` repeated to `V` bytes) and says so.
fn take(out: &mut Vec<u8>, n: usize, a: &[u8], i: &mut [u8]) -> bool {
    let k = n.saturating_sub(out.len()).min(a.len());
    out.extend_from_slice(a.get(..k).unwrap_or_default());
    if out.len() >= n || a.is_empty() {
        return false;
    }
    let b: Vec<u8> = a.iter().copied().cycle().take(V).collect();
    for block in i.chunks_mut(V) {
        let mut carry = 1u16;
        for (x, y) in block.iter_mut().zip(b.iter()).rev() {
            let s = u16::from(*x) + u16::from(*y) + carry;
            *x = s as u8;
            carry = s >> 8;
        }
    }
    true
}

/// A SHA-1 derivation to make ahead of need (see [`Prefetched`]).
pub struct Sha1Job<'a> {
    /// The encoded password.
    pub password: &'a [u8],
    /// The salt.
    pub salt: &'a [u8],
    /// What the bytes are for.
    pub purpose: Purpose,
    /// Iterations per output block (bounded by the caller).
    pub iterations: u32,
    /// How many bytes.
    pub n: usize,
}

/// A prefetched derivation: the job, its `I`, and what it has made so far.
struct Entry {
    password: Vec<u8>,
    salt: Vec<u8>,
    purpose: Purpose,
    iterations: u32,
    n: usize,
    i: Vec<u8>,
    out: Vec<u8>,
    done: bool,
}

impl Entry {
    /// Output blocks still to make.
    fn left(&self) -> usize {
        (self.n - self.out.len()).div_ceil(20)
    }
}

thread_local! {
    static MEMO: core::cell::RefCell<Vec<Entry>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// The SHA-1 derivations one opening of a file will need (the MAC key, each legacy bag's
/// key and IV: five to seven chains of thousands of hashes), made four at a time in the
/// lanes of `hash_chain::sha1_repeat4` (one SIMD vector in the files module), which costs
/// little more than one. [`sha1`] answers from them while this guard lives: asked for one not
/// yet made, it makes it beside up to three others, so the MAC (asked first) costs one pass
/// and a wrong password stops there. Dropping the guard overwrites and forgets them all.
pub struct Prefetched(());

impl Prefetched {
    /// Registers `jobs` (nothing is derived yet).
    pub fn new(jobs: &[Sha1Job<'_>]) -> Self {
        MEMO.with(|m| {
            m.borrow_mut().extend(jobs.iter().map(|j| Entry {
                password: j.password.to_vec(),
                salt: j.salt.to_vec(),
                purpose: j.purpose,
                iterations: j.iterations,
                n: j.n,
                i: start(j.password, j.salt),
                out: Vec::with_capacity(j.n),
                done: j.n == 0,
            }))
        });
        Prefetched(())
    }
}

impl Drop for Prefetched {
    fn drop(&mut self) {
        MEMO.with(|m| {
            for mut e in m.borrow_mut().drain(..) {
                crate::wipe::bytes(&mut e.password);
                crate::wipe::bytes(&mut e.i);
                crate::wipe::bytes(&mut e.out);
            }
        });
    }
}

/// [`derive`] with SHA-1, from the prefetched derivations when it is one of them.
pub fn sha1(password: &[u8], salt: &[u8], purpose: Purpose, iterations: u32, n: usize) -> Vec<u8> {
    let found = MEMO.with(|m| {
        let mut m = m.borrow_mut();
        let k = m.iter().position(|e| {
            e.purpose == purpose
                && e.iterations == iterations
                && e.n == n
                && e.salt == salt
                && e.password == password
        })?;
        while !m.get(k)?.done {
            pass(&mut m, k);
        }
        m.get(k).map(|e| e.out.clone())
    });
    found.unwrap_or_else(|| derive::<sha1::Sha1>(password, salt, purpose, iterations, n))
}

/// One output block of entry `first` and of up to three other unfinished entries with the
/// same iteration count (those with the most blocks left first, so that a 3DES key's second
/// block does not end up alone), in one run of four lanes.
fn pass(entries: &mut [Entry], first: usize) {
    let Some(iterations) = entries.get(first).map(|e| e.iterations) else {
        return;
    };
    let mut others: Vec<usize> = (0..entries.len())
        .filter(|&k| k != first && !entries[k].done && entries[k].iterations == iterations)
        .collect();
    others.sort_by_key(|&k| core::cmp::Reverse(entries[k].left()));
    let pick: Vec<usize> = core::iter::once(first).chain(others).take(4).collect();
    let mut lanes = [[0u32; 5]; 4];
    for (lane, &k) in lanes.iter_mut().zip(&pick) {
        let a = first_hash::<sha1::Sha1>(entries[k].purpose, &entries[k].i);
        for (w, b) in lane.iter_mut().zip(a.chunks_exact(4)) {
            *w = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        }
    }
    let times = iterations.saturating_sub(1);
    if pick.len() == 1 {
        lanes[0] = hash_chain::sha1_repeat(lanes[0], times);
    } else {
        lanes = hash_chain::sha1_repeat4(lanes, times);
    }
    for (lane, &k) in lanes.iter().zip(&pick) {
        let mut a = [0u8; 20];
        for (b, w) in a.chunks_exact_mut(4).zip(lane) {
            b.copy_from_slice(&w.to_be_bytes());
        }
        let e = &mut entries[k];
        e.done = !take(&mut e.out, e.n, &a, &mut e.i);
        crate::wipe::bytes(&mut a);
    }
    lanes = [[0; 5]; 4];
    std::hint::black_box(&lanes);
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

    /// Prefetched derivations, made four at a time in any order of asking, give exactly
    /// what `derive` gives, and are forgotten with the guard.
    #[test]
    fn prefetched_is_derive() {
        let pw = bmp(Some("Prueba#2024"));
        let other = bmp(Some("otra"));
        let salts: Vec<Vec<u8>> = (0..6u8).map(|k| vec![k; 8 + usize::from(k)]).collect();
        let jobs: Vec<Sha1Job<'_>> = vec![
            Sha1Job {
                password: &pw,
                salt: &salts[0],
                purpose: Purpose::Mac,
                iterations: 50,
                n: 20,
            },
            Sha1Job {
                password: &pw,
                salt: &salts[1],
                purpose: Purpose::Key,
                iterations: 50,
                n: 5,
            },
            Sha1Job {
                password: &pw,
                salt: &salts[1],
                purpose: Purpose::Iv,
                iterations: 50,
                n: 8,
            },
            Sha1Job {
                password: &pw,
                salt: &salts[2],
                purpose: Purpose::Key,
                iterations: 50,
                n: 24,
            },
            Sha1Job {
                password: &pw,
                salt: &salts[2],
                purpose: Purpose::Iv,
                iterations: 50,
                n: 8,
            },
            Sha1Job {
                password: &pw,
                salt: &salts[3],
                purpose: Purpose::Key,
                iterations: 7,
                n: 40,
            },
            Sha1Job {
                password: &other,
                salt: &salts[4],
                purpose: Purpose::Key,
                iterations: 1,
                n: 24,
            },
        ];
        for order in [
            [0, 1, 2, 3, 4, 5, 6],
            [6, 5, 4, 3, 2, 1, 0],
            [3, 0, 5, 1, 6, 2, 4],
        ] {
            let guard = Prefetched::new(&jobs);
            for k in order {
                let j = &jobs[k];
                let expected =
                    derive::<sha1::Sha1>(j.password, j.salt, j.purpose, j.iterations, j.n);
                assert_eq!(
                    sha1(j.password, j.salt, j.purpose, j.iterations, j.n),
                    expected,
                    "job {k}"
                );
            }
            // Not prefetched: derived as asked.
            let expected = derive::<sha1::Sha1>(&pw, &salts[5], Purpose::Iv, 3, 8);
            assert_eq!(sha1(&pw, &salts[5], Purpose::Iv, 3, 8), expected);
            drop(guard);
            assert!(MEMO.with(|m| m.borrow().is_empty()));
        }
    }

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
