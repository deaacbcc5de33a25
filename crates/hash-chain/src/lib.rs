//! Iterated SHA-1 of a SHA-1 output: `h = SHA-1(h)` repeated, the inner loop of the PKCS#12
//! key derivation (RFC 7292 B.2) that legacy certificate files and SHA-1 MACs run thousands
//! of times. The message is always one block whose last eleven words are the padding
//! (`0x80000000`, zeros, the length 160 bits), and it is the previous state's five words
//! as they are: working on words skips the conversions to and from bytes that a general
//! block compression needs on each side (a quarter of the KDF's time in wasm).
//!
//! A crate of its own only so that the release profile builds it at opt-level 3 inside the
//! size-optimized files module. Checked against the `sha1` crate by the caller's tests.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// SHA-1's initial state.
pub const SHA1_IV: [u32; 5] = [
    0x6745_2301,
    0xefcd_ab89,
    0x98ba_dcfe,
    0x1032_5476,
    0xc3d2_e1f0,
];

/// `h` (a SHA-1 output as five big-endian words) replaced by its SHA-1, `times` times.
pub fn sha1_repeat(mut h: [u32; 5], times: u32) -> [u32; 5] {
    for _ in 0..times {
        h = sha1_of_digest(h);
    }
    h
}

/// Word `t` of the message schedule, computed in place in the 16-word window for `t ≥ 16`.
/// Always called with a constant `t`, so that every index and branch folds away.
#[inline(always)]
fn wt(w: &mut [u32; 16], t: usize) -> u32 {
    if t >= 16 {
        w[t % 16] =
            (w[(t + 13) % 16] ^ w[(t + 8) % 16] ^ w[(t + 2) % 16] ^ w[t % 16]).rotate_left(1);
    }
    w[t % 16]
}

#[inline(always)]
fn ch(b: u32, c: u32, d: u32) -> u32 {
    d ^ (b & (c ^ d))
}
#[inline(always)]
fn parity(b: u32, c: u32, d: u32) -> u32 {
    b ^ c ^ d
}
#[inline(always)]
fn maj(b: u32, c: u32, d: u32) -> u32 {
    (b & c) | (d & (b | c))
}

/// SHA-1 of one message: the five words of a SHA-1 output, padded. Fully unrolled (five
/// rounds per macro call, the variables renamed instead of moved).
#[inline(always)]
fn sha1_of_digest(m: [u32; 5]) -> [u32; 5] {
    let mut w = [
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        0x8000_0000,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        160,
    ];
    let [mut a, mut b, mut c, mut d, mut e] = SHA1_IV;
    macro_rules! round {
        ($f:ident, $k:expr, $t:expr, $a:ident, $b:ident, $c:ident, $d:ident, $e:ident) => {
            $e = $e
                .wrapping_add($a.rotate_left(5))
                .wrapping_add($f($b, $c, $d))
                .wrapping_add($k)
                .wrapping_add(wt(&mut w, $t));
            $b = $b.rotate_left(30);
        };
    }
    macro_rules! five {
        ($f:ident, $k:expr, $t:expr) => {
            round!($f, $k, $t, a, b, c, d, e);
            round!($f, $k, $t + 1, e, a, b, c, d);
            round!($f, $k, $t + 2, d, e, a, b, c);
            round!($f, $k, $t + 3, c, d, e, a, b);
            round!($f, $k, $t + 4, b, c, d, e, a);
        };
    }
    five!(ch, 0x5a82_7999, 0);
    five!(ch, 0x5a82_7999, 5);
    five!(ch, 0x5a82_7999, 10);
    five!(ch, 0x5a82_7999, 15);
    five!(parity, 0x6ed9_eba1, 20);
    five!(parity, 0x6ed9_eba1, 25);
    five!(parity, 0x6ed9_eba1, 30);
    five!(parity, 0x6ed9_eba1, 35);
    five!(maj, 0x8f1b_bcdc, 40);
    five!(maj, 0x8f1b_bcdc, 45);
    five!(maj, 0x8f1b_bcdc, 50);
    five!(maj, 0x8f1b_bcdc, 55);
    five!(parity, 0xca62_c1d6, 60);
    five!(parity, 0xca62_c1d6, 65);
    five!(parity, 0xca62_c1d6, 70);
    five!(parity, 0xca62_c1d6, 75);
    [
        SHA1_IV[0].wrapping_add(a),
        SHA1_IV[1].wrapping_add(b),
        SHA1_IV[2].wrapping_add(c),
        SHA1_IV[3].wrapping_add(d),
        SHA1_IV[4].wrapping_add(e),
    ]
}
