//! AES-128/192/256 with the `aes` crate's types (`Aes128`, `Aes192`, `Aes256`) and the
//! `cipher` 0.5 traits cbc and ecb need, over softaes's table-based rounds. See Cargo.toml
//! for why prevalida links this in place of the registry crate.
#![forbid(unsafe_code)]
#![no_std]

pub use cipher;

use cipher::{
    array::Array,
    consts::{U1, U16, U24, U32},
    inout::InOut,
    AlgorithmName, BlockCipherDecBackend, BlockCipherDecClosure, BlockCipherDecrypt,
    BlockCipherEncBackend, BlockCipherEncClosure, BlockCipherEncrypt, BlockSizeUser, Key,
    KeyInit, KeySizeUser, ParBlocksSizeUser,
};
use core::fmt;
use softaes::unprotected::{key_schedule as ks, Block as State, SoftAes};

/// A 128-bit AES block.
pub type Block = Array<u8, U16>;

/// Encrypts one block with the round keys `rk` (FIPS-197 5.1: AddRoundKey, then rounds of
/// SubBytes, ShiftRows, MixColumns, AddRoundKey; the last without MixColumns).
fn encrypt(rk: &[State], block: &mut Block) {
    let last = rk.len() - 1;
    let mut s = State::from_slice(block).xor(&rk[0]);
    for k in &rk[1..last] {
        s = SoftAes::block_encrypt(&s, k);
    }
    block.copy_from_slice(&SoftAes::block_encrypt_last(&s, &rk[last]).to_bytes());
}

/// Decrypts one block with the decryption schedule `dk` (the equivalent inverse cipher,
/// FIPS-197 5.3.5).
fn decrypt(dk: &[State], block: &mut Block) {
    let last = dk.len() - 1;
    let mut s = State::from_slice(block).xor(&dk[0]);
    for k in &dk[1..last] {
        s = SoftAes::block_decrypt(&s, k);
    }
    block.copy_from_slice(&SoftAes::block_decrypt_last(&s, &dk[last]).to_bytes());
}

/// The backend cbc and ecb call per block: one block at a time.
struct Enc<'a>(&'a [State]);
struct Dec<'a>(&'a [State]);

impl BlockSizeUser for Enc<'_> {
    type BlockSize = U16;
}
impl ParBlocksSizeUser for Enc<'_> {
    type ParBlocksSize = U1;
}
impl BlockCipherEncBackend for Enc<'_> {
    #[inline]
    fn encrypt_block(&self, mut block: InOut<'_, '_, Block>) {
        let mut b = block.clone_in();
        encrypt(self.0, &mut b);
        *block.get_out() = b;
    }
}
impl BlockSizeUser for Dec<'_> {
    type BlockSize = U16;
}
impl ParBlocksSizeUser for Dec<'_> {
    type ParBlocksSize = U1;
}
impl BlockCipherDecBackend for Dec<'_> {
    #[inline]
    fn decrypt_block(&self, mut block: InOut<'_, '_, Block>) {
        let mut b = block.clone_in();
        decrypt(self.0, &mut b);
        *block.get_out() = b;
    }
}

macro_rules! aes {
    ($name:ident, $doc:literal, $key:ty, $bytes:literal, $n:literal, $expand:path, $invert:path) => {
        #[doc = $doc]
        #[derive(Clone)]
        pub struct $name {
            enc: [State; $n],
            dec: [State; $n],
        }

        impl KeySizeUser for $name {
            type KeySize = $key;
        }
        impl BlockSizeUser for $name {
            type BlockSize = U16;
        }
        impl KeyInit for $name {
            #[inline]
            fn new(key: &Key<Self>) -> Self {
                let mut k = [0u8; $bytes];
                k.copy_from_slice(key);
                let enc = $expand(&k);
                $name {
                    dec: $invert(&enc),
                    enc,
                }
            }
        }
        impl BlockCipherEncrypt for $name {
            #[inline]
            fn encrypt_with_backend(&self, f: impl BlockCipherEncClosure<BlockSize = U16>) {
                f.call(&Enc(&self.enc))
            }
        }
        impl BlockCipherDecrypt for $name {
            #[inline]
            fn decrypt_with_backend(&self, f: impl BlockCipherDecClosure<BlockSize = U16>) {
                f.call(&Dec(&self.dec))
            }
        }
        impl AlgorithmName for $name {
            fn write_alg_name(f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(stringify!($name))
            }
        }
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), " { … }"))
            }
        }
    };
}

aes!(Aes128, "AES-128", U16, 16, 11, ks::key_expansion_128, ks::inverse_key_schedule_128);
aes!(Aes192, "AES-192", U24, 24, 13, ks::key_expansion_192, ks::inverse_key_schedule_192);
aes!(Aes256, "AES-256", U32, 32, 15, ks::key_expansion_256, ks::inverse_key_schedule_256);

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate().take(s.len() / 2) {
            *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
        }
        out
    }

    /// FIPS-197 Appendix C: the example vectors of each key size, both ways.
    #[test]
    fn fips_197_vectors() {
        let plain = hex("00112233445566778899aabbccddeeff");
        let plain = Block::from(<[u8; 16]>::try_from(&plain[..16]).unwrap());
        let check = |enc: Block, dec: Block, want: &str| {
            assert_eq!(&enc[..], &hex(want)[..16]);
            assert_eq!(dec, plain);
        };
        let k = hex("000102030405060708090a0b0c0d0e0f");
        let c = Aes128::new(&Key::<Aes128>::try_from(&k[..16]).unwrap());
        let (mut e, mut d) = (plain, Block::default());
        c.encrypt_block(&mut e);
        d.copy_from_slice(&e);
        c.decrypt_block(&mut d);
        check(e, d, "69c4e0d86a7b0430d8cdb78070b4c55a");
        let k = hex("000102030405060708090a0b0c0d0e0f1011121314151617");
        let c = Aes192::new(&Key::<Aes192>::try_from(&k[..24]).unwrap());
        let (mut e, mut d) = (plain, Block::default());
        c.encrypt_block(&mut e);
        d.copy_from_slice(&e);
        c.decrypt_block(&mut d);
        check(e, d, "dda97ca4864cdfe06eaf70a0ec0d7191");
        let k = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        let c = Aes256::new(&Key::<Aes256>::try_from(&k[..]).unwrap());
        let (mut e, mut d) = (plain, Block::default());
        c.encrypt_block(&mut e);
        d.copy_from_slice(&e);
        c.decrypt_block(&mut d);
        check(e, d, "8ea2b7ca516745bfeafc49904b496089");
    }
}
