//! Corrupted copies of corpus files, the same sequence everywhere it is used (tests/pdf.rs
//! natively, tests/wasm_files.rs in wasm, bench/pdf-extract-probe for pdf-extract): a file
//! picked by a xorshift generator, then 1–8 edits: a byte flipped, the file cut, a run of up
//! to 64 bytes deleted or repeated, a PDF delimiter inserted.

/// The generator and the recipe.
pub struct Mutator(u64);

impl Mutator {
    /// Starts the sequence at `seed` (not 0).
    pub fn new(seed: u64) -> Self {
        Mutator(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// The next corrupted copy of one of `files`.
    pub fn mutant<F: AsRef<[u8]>>(&mut self, files: &[F]) -> Vec<u8> {
        let mut b = files[self.next() as usize % files.len()].as_ref().to_vec();
        for _ in 0..1 + self.next() % 8 {
            if b.is_empty() {
                break;
            }
            let at = self.next() as usize % b.len();
            match self.next() % 5 {
                0 => b[at] = self.next() as u8,
                1 => b.truncate(at),
                2 => {
                    let end = (at + (self.next() as usize % 64)).min(b.len());
                    b.drain(at..end);
                }
                3 => {
                    let end = (at + (self.next() as usize % 64)).min(b.len());
                    let run = b[at..end].to_vec();
                    b.splice(at..at, run);
                }
                _ => b.insert(at, b"()<>[]{}/%0 R\n"[self.next() as usize % 14]),
            }
        }
        b
    }
}
