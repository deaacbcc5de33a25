//! A Brotli "decoder" that decodes nothing: every read fails with `Unsupported`. See
//! Cargo.toml for why prevalida links this instead of the real decoder.
#![forbid(unsafe_code)]
use std::io::{Error, ErrorKind, Read, Result};

/// The one type lopdf 0.47 uses (`Decompressor::new(input, buffer_size)` read to the end).
pub struct Decompressor<R: Read>(std::marker::PhantomData<R>);

impl<R: Read> Decompressor<R> {
    /// Takes the input and drops it: nothing is decoded.
    pub fn new(_input: R, _buffer_size: usize) -> Self {
        Decompressor(std::marker::PhantomData)
    }
}

impl<R: Read> Read for Decompressor<R> {
    fn read(&mut self, _buf: &mut [u8]) -> Result<usize> {
        Err(Error::new(ErrorKind::Unsupported, "BrotliDecode is not supported"))
    }
}
