//! Iterated SHA-1 of a SHA-1 output: `h = SHA-1(h)` repeated, the inner loop of the PKCS#12
//! key derivation (RFC 7292 B.2) that legacy certificate files and SHA-1 MACs run thousands
//! of times. The message is always one block whose last eleven words are the padding
//! (`0x80000000`, zeros, the length 160 bits), and it is the previous state's five words
//! as they are: working on words skips the conversions to and from bytes that a general
//! block compression needs on each side (a quarter of the KDF's time in wasm).
//!
//! A legacy file needs five or six such chains (its MAC key, each bag's key and IV), all
//! independent: [`sha1_repeat4`] runs four at once in the lanes of a wasm SIMD vector when
//! the module is built with `simd128` (the files module is), and lane by lane otherwise. The
//! SHA-1 rounds are written once, generic over [`Word`]: a `u32`, four `u32` lanes, or a
//! `v128`.
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

/// [`sha1_repeat`] on four independent chains at once (a lane each; an unused lane costs
/// nothing extra).
pub fn sha1_repeat4(h: [[u32; 5]; 4], times: u32) -> [[u32; 5]; 4] {
    let mut v: [Lanes; 5] =
        core::array::from_fn(|i| Lanes::from([h[0][i], h[1][i], h[2][i], h[3][i]]));
    for _ in 0..times {
        v = sha1_of_digest(v);
    }
    let out: [[u32; 4]; 5] = v.map(Lanes::into);
    core::array::from_fn(|lane| core::array::from_fn(|i| out[i][lane]))
}

/// What the rounds need of a word: `u32`, or several `u32` lanes side by side.
pub trait Word: Copy {
    /// Every lane `x`.
    fn splat(x: u32) -> Self;
    /// Lane-wise wrapping addition.
    fn add(self, o: Self) -> Self;
    /// Lane-wise exclusive or.
    fn xor(self, o: Self) -> Self;
    /// Lane-wise rotation left by `N` bits.
    fn rotl<const N: u32>(self) -> Self;
    /// SHA-1's choose: `c` where `b` has ones, `d` where it has zeros.
    fn ch(b: Self, c: Self, d: Self) -> Self;
    /// SHA-1's majority of three.
    fn maj(b: Self, c: Self, d: Self) -> Self;
}

impl Word for u32 {
    #[inline(always)]
    fn splat(x: u32) -> Self {
        x
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        self.wrapping_add(o)
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        self ^ o
    }
    #[inline(always)]
    fn rotl<const N: u32>(self) -> Self {
        self.rotate_left(N)
    }
    #[inline(always)]
    fn ch(b: Self, c: Self, d: Self) -> Self {
        d ^ (b & (c ^ d))
    }
    #[inline(always)]
    fn maj(b: Self, c: Self, d: Self) -> Self {
        (b & c) | (d & (b | c))
    }
}

/// Four lanes: a wasm `v128` when the module is built with `simd128`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[derive(Clone, Copy)]
pub struct Lanes(core::arch::wasm32::v128);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::{Lanes, Word};
    use core::arch::wasm32::*;

    impl From<[u32; 4]> for Lanes {
        #[inline(always)]
        fn from(x: [u32; 4]) -> Self {
            Lanes(u32x4(x[0], x[1], x[2], x[3]))
        }
    }
    impl From<Lanes> for [u32; 4] {
        #[inline(always)]
        fn from(x: Lanes) -> Self {
            [
                u32x4_extract_lane::<0>(x.0),
                u32x4_extract_lane::<1>(x.0),
                u32x4_extract_lane::<2>(x.0),
                u32x4_extract_lane::<3>(x.0),
            ]
        }
    }
    impl Word for Lanes {
        #[inline(always)]
        fn splat(x: u32) -> Self {
            Lanes(u32x4_splat(x))
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            Lanes(i32x4_add(self.0, o.0))
        }
        #[inline(always)]
        fn xor(self, o: Self) -> Self {
            Lanes(v128_xor(self.0, o.0))
        }
        #[inline(always)]
        fn rotl<const N: u32>(self) -> Self {
            Lanes(v128_or(i32x4_shl(self.0, N), u32x4_shr(self.0, 32 - N)))
        }
        #[inline(always)]
        fn ch(b: Self, c: Self, d: Self) -> Self {
            Lanes(v128_bitselect(c.0, d.0, b.0))
        }
        #[inline(always)]
        fn maj(b: Self, c: Self, d: Self) -> Self {
            // Where b and d agree, the majority is b; where they differ, c decides.
            Lanes(v128_bitselect(c.0, b.0, v128_xor(b.0, d.0)))
        }
    }
}

/// Four lanes, one `u32` each (no SIMD in this build).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[derive(Clone, Copy)]
pub struct Lanes([u32; 4]);

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod portable {
    use super::{Lanes, Word};

    impl From<[u32; 4]> for Lanes {
        #[inline(always)]
        fn from(x: [u32; 4]) -> Self {
            Lanes(x)
        }
    }
    impl From<Lanes> for [u32; 4] {
        #[inline(always)]
        fn from(x: Lanes) -> Self {
            x.0
        }
    }
    impl Word for Lanes {
        #[inline(always)]
        fn splat(x: u32) -> Self {
            Lanes([x; 4])
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            Lanes(core::array::from_fn(|i| self.0[i].wrapping_add(o.0[i])))
        }
        #[inline(always)]
        fn xor(self, o: Self) -> Self {
            Lanes(core::array::from_fn(|i| self.0[i] ^ o.0[i]))
        }
        #[inline(always)]
        fn rotl<const N: u32>(self) -> Self {
            Lanes(self.0.map(|x| x.rotate_left(N)))
        }
        #[inline(always)]
        fn ch(b: Self, c: Self, d: Self) -> Self {
            Lanes(core::array::from_fn(|i| u32::ch(b.0[i], c.0[i], d.0[i])))
        }
        #[inline(always)]
        fn maj(b: Self, c: Self, d: Self) -> Self {
            Lanes(core::array::from_fn(|i| u32::maj(b.0[i], c.0[i], d.0[i])))
        }
    }
}

/// Word `t` of the message schedule, computed in place in the 16-word window for `t ≥ 16`.
/// Always called with a constant `t`, so that every index and branch folds away.
#[inline(always)]
fn wt<W: Word>(w: &mut [W; 16], t: usize) -> W {
    if t >= 16 {
        w[t % 16] = w[(t + 13) % 16]
            .xor(w[(t + 8) % 16])
            .xor(w[(t + 2) % 16])
            .xor(w[t % 16])
            .rotl::<1>();
    }
    w[t % 16]
}

/// SHA-1 of one message: the five words of a SHA-1 output, padded. Fully unrolled (five
/// rounds per macro call, the variables renamed instead of moved).
#[inline(always)]
fn sha1_of_digest<W: Word>(m: [W; 5]) -> [W; 5] {
    let z = W::splat(0);
    let mut w = [
        m[0],
        m[1],
        m[2],
        m[3],
        m[4],
        W::splat(0x8000_0000),
        z,
        z,
        z,
        z,
        z,
        z,
        z,
        z,
        z,
        W::splat(160),
    ];
    let [mut a, mut b, mut c, mut d, mut e] = SHA1_IV.map(W::splat);
    let parity = |b: W, c: W, d: W| b.xor(c).xor(d);
    macro_rules! round {
        ($f:expr, $k:expr, $t:expr, $a:ident, $b:ident, $c:ident, $d:ident, $e:ident) => {
            $e = $e
                .add($a.rotl::<5>())
                .add($f($b, $c, $d))
                .add(W::splat($k))
                .add(wt(&mut w, $t));
            $b = $b.rotl::<30>();
        };
    }
    macro_rules! five {
        ($f:expr, $k:expr, $t:expr) => {
            round!($f, $k, $t, a, b, c, d, e);
            round!($f, $k, $t + 1, e, a, b, c, d);
            round!($f, $k, $t + 2, d, e, a, b, c);
            round!($f, $k, $t + 3, c, d, e, a, b);
            round!($f, $k, $t + 4, b, c, d, e, a);
        };
    }
    five!(W::ch, 0x5a82_7999, 0);
    five!(W::ch, 0x5a82_7999, 5);
    five!(W::ch, 0x5a82_7999, 10);
    five!(W::ch, 0x5a82_7999, 15);
    five!(parity, 0x6ed9_eba1, 20);
    five!(parity, 0x6ed9_eba1, 25);
    five!(parity, 0x6ed9_eba1, 30);
    five!(parity, 0x6ed9_eba1, 35);
    five!(W::maj, 0x8f1b_bcdc, 40);
    five!(W::maj, 0x8f1b_bcdc, 45);
    five!(W::maj, 0x8f1b_bcdc, 50);
    five!(W::maj, 0x8f1b_bcdc, 55);
    five!(parity, 0xca62_c1d6, 60);
    five!(parity, 0xca62_c1d6, 65);
    five!(parity, 0xca62_c1d6, 70);
    five!(parity, 0xca62_c1d6, 75);
    [
        W::splat(SHA1_IV[0]).add(a),
        W::splat(SHA1_IV[1]).add(b),
        W::splat(SHA1_IV[2]).add(c),
        W::splat(SHA1_IV[3]).add(d),
        W::splat(SHA1_IV[4]).add(e),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The four-lane run gives each lane what the one-lane run gives it.
    #[test]
    fn four_lanes_are_four_chains() {
        let h: [[u32; 5]; 4] = core::array::from_fn(|l| {
            core::array::from_fn(|i| (l as u32 + 1).wrapping_mul(0x9e37_79b9) ^ i as u32)
        });
        for times in [0, 1, 5, 64] {
            let four = sha1_repeat4(h, times);
            for l in 0..4 {
                assert_eq!(four[l], sha1_repeat(h[l], times));
            }
        }
    }
}
