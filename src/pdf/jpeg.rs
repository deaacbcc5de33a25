//! The chroma of a JPEG without decoding its pixels: the DC coefficient of every Cb and Cr
//! block is that block's average color difference from gray (ISO/IEC 10918-1: after the
//! level shift, DC = 8 × mean / quantizer). Reading them needs the Huffman decoding of the
//! scan, but no inverse DCT, no upsampling and no color conversion, so a gray page that a
//! phone or a scanner saved as a color JPEG is told from a color scan for a fraction of the
//! cost of decoding it. Baseline and extended sequential (SOF0, SOF1) and progressive
//! (SOF2, its DC-first scans) Huffman JPEGs; anything else answers "unknown".
//!
//! Every loop is bounded by the bytes of the stream and the block count of its frame
//! header; a damaged stream ends the reading early with what was read so far.

/// A block is colorful when its average Cb or Cr differs from gray by more than this
/// (0–255 scale): a blue stamp is 50–80, a gray page's tint 0–3.
const CHROMA_MEAN: i32 = 8;

/// A JPEG's marker segments in order, as `(marker, body, rest)`: `rest` is what follows the
/// body (after a scan header, its entropy-coded data, which the next step skips). Ends at
/// EOI or at the end of the data; a body the data cuts short is given as far as it goes.
struct Segments<'a> {
    data: &'a [u8],
    i: usize,
}

/// The segments of `jpeg`, when it starts like a JPEG (SOI).
fn segments(jpeg: &[u8]) -> Option<Segments<'_>> {
    (jpeg.get(..2)? == [0xFF, 0xD8]).then_some(Segments { data: jpeg, i: 2 })
}

impl<'a> Iterator for Segments<'a> {
    type Item = (u8, &'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let d = self.data;
        loop {
            // Find the next marker (fill bytes 0xFF are allowed before it).
            while *d.get(self.i)? != 0xFF {
                self.i += 1;
            }
            while *d.get(self.i + 1)? == 0xFF {
                self.i += 1;
            }
            let marker = d[self.i + 1];
            self.i += 2;
            match marker {
                0xD0..=0xD7 | 0x01 => continue,
                0xD9 => return None,
                _ => {}
            }
            let len = u16::from_be_bytes([*d.get(self.i)?, *d.get(self.i + 1)?]) as usize;
            let end = (self.i + len.max(2)).min(d.len());
            let body = &d[(self.i + 2).min(end)..end];
            let rest = &d[end..];
            self.i = end
                + if marker == 0xDA {
                    skip_entropy(rest)
                } else {
                    0
                };
            return Some((marker, body, rest));
        }
    }
}

/// The number of components in a JPEG's frame header (SOF0–SOF15 but DHT, JPG and DAC).
pub fn components(jpeg: &[u8]) -> Option<u8> {
    segments(jpeg)?
        .find(|(m, _, _)| (0xC0..=0xCF).contains(m) && !matches!(m, 0xC4 | 0xC8 | 0xCC))
        .and_then(|(_, body, _)| body.get(5).copied())
}

/// What the chroma blocks say: `(blocks read, colorful blocks)`, or `None` when the JPEG is
/// not one this reads (not YCbCr, arithmetic coding, lossless, damaged headers).
pub fn chroma_blocks(jpeg: &[u8]) -> Option<(usize, usize)> {
    let mut j = Jpeg::default();
    let (mut seen, mut colorful) = (0usize, 0usize);
    for (marker, seg, rest) in segments(jpeg)? {
        match marker {
            0xDB => j.quant(seg)?,
            0xC4 => j.huffman(seg)?,
            0xC0 | 0xC1 => j.frame(seg, false)?,
            0xC2 => j.frame(seg, true)?,
            // Other frames: lossless, hierarchical, arithmetic coding.
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => return None,
            0xDD => j.restart = u16::from_be_bytes([*seg.first()?, *seg.get(1)?]) as usize,
            // Adobe APP14 with transform 0: the three components are R, G, B, not YCbCr.
            0xEE if seg.starts_with(b"Adobe") && seg.get(11) == Some(&0) => return None,
            0xDA => {
                j.scan(seg, rest, &mut seen, &mut colorful)?;
                if j.done() {
                    break;
                }
            }
            _ => {}
        }
    }
    (seen > 0).then_some((seen, colorful))
}

#[derive(Default, Clone)]
struct Component {
    id: u8,
    h: usize,
    v: usize,
    tq: usize,
    /// Whether its DC coefficients have been read (progressive files spread them).
    done: bool,
}

/// A canonical Huffman table: per code length, the first code, the count and where its
/// symbols start.
#[derive(Default, Clone)]
struct Huffman {
    first: [u16; 17],
    count: [u16; 17],
    offset: [u16; 17],
    symbols: Vec<u8>,
}

#[derive(Default)]
struct Jpeg {
    /// The DC quantizer of each of the four tables.
    q0: [i32; 4],
    /// DC then AC tables, four each.
    tables: [[Huffman; 4]; 2],
    components: Vec<Component>,
    width: usize,
    height: usize,
    progressive: bool,
    restart: usize,
}

impl Jpeg {
    fn quant(&mut self, mut seg: &[u8]) -> Option<()> {
        while let Some(&pq_tq) = seg.first() {
            let (precision16, tq) = (pq_tq >> 4 == 1, (pq_tq & 3) as usize);
            let n = if precision16 { 128 } else { 64 };
            let table = seg.get(1..1 + n)?;
            self.q0[tq] = if precision16 {
                u16::from_be_bytes([table[0], table[1]]) as i32
            } else {
                table[0] as i32
            };
            seg = &seg[1 + n..];
        }
        Some(())
    }

    fn huffman(&mut self, mut seg: &[u8]) -> Option<()> {
        while let Some(&tc_th) = seg.first() {
            let (class, id) = ((tc_th >> 4).min(1) as usize, (tc_th & 3) as usize);
            let counts = seg.get(1..17)?;
            let total: usize = counts.iter().map(|&c| c as usize).sum();
            let symbols = seg.get(17..17 + total)?.to_vec();
            let mut t = Huffman {
                symbols,
                ..Huffman::default()
            };
            let (mut code, mut offset) = (0u16, 0u16);
            for len in 1..=16 {
                let n = counts[len - 1] as u16;
                t.first[len] = code;
                t.count[len] = n;
                t.offset[len] = offset;
                code = code.wrapping_add(n) << 1;
                offset += n;
            }
            self.tables[class][id] = t;
            seg = &seg[17 + total..];
        }
        Some(())
    }

    fn frame(&mut self, seg: &[u8], progressive: bool) -> Option<()> {
        self.progressive = progressive;
        self.height = u16::from_be_bytes([*seg.get(1)?, *seg.get(2)?]) as usize;
        self.width = u16::from_be_bytes([*seg.get(3)?, *seg.get(4)?]) as usize;
        let n = *seg.get(5)? as usize;
        if n != 3 || self.width == 0 || self.height == 0 {
            return None;
        }
        for k in 0..n {
            let c = seg.get(6 + 3 * k..9 + 3 * k)?;
            let (h, v) = ((c[1] >> 4) as usize, (c[1] & 15) as usize);
            if !(1..=4).contains(&h) || !(1..=4).contains(&v) {
                return None;
            }
            self.components.push(Component {
                id: c[0],
                h,
                v,
                tq: (c[2] & 3) as usize,
                done: false,
            });
        }
        Some(())
    }

    /// Whether both chroma components have all their DC coefficients.
    fn done(&self) -> bool {
        self.components.len() == 3 && self.components[1..].iter().all(|c| c.done)
    }

    /// Reads one scan (`seg` is its header, `data` what follows). Counts the chroma blocks
    /// and the colorful ones.
    fn scan(
        &mut self,
        seg: &[u8],
        data: &[u8],
        seen: &mut usize,
        colorful: &mut usize,
    ) -> Option<()> {
        if self.components.len() != 3 {
            return None;
        }
        let ns = *seg.first()? as usize;
        let mut members = Vec::new();
        for k in 0..ns {
            let id = *seg.get(1 + 2 * k)?;
            let tables = *seg.get(2 + 2 * k)?;
            let c = self.components.iter().position(|c| c.id == id)?;
            members.push((c, (tables >> 4) as usize & 3, (tables & 3) as usize));
        }
        let tail = seg.get(1 + 2 * ns..4 + 2 * ns)?;
        let (ss, se, ah, al) = (tail[0], tail[1], tail[2] >> 4, tail[2] & 15);
        // Progressive scans other than the first DC scan add nothing to the DC averages.
        let reads_dc = ss == 0 && ah == 0;
        let sequential = !self.progressive;
        if !reads_dc {
            return Some(());
        }
        let hmax = self.components.iter().map(|c| c.h).max()?;
        let vmax = self.components.iter().map(|c| c.v).max()?;
        // Interleaved scans go by MCU; a one-component scan by that component's blocks.
        let (mcus_x, mcus_y) = if ns > 1 {
            (
                self.width.div_ceil(8 * hmax),
                self.height.div_ceil(8 * vmax),
            )
        } else {
            let c = &self.components[members[0].0];
            (
                (self.width * c.h).div_ceil(hmax).div_ceil(8),
                (self.height * c.v).div_ceil(vmax).div_ceil(8),
            )
        };
        let mut bits = Bits::new(data);
        let mut pred = [0i32; 3];
        let total = mcus_x.checked_mul(mcus_y)?;
        for mcu in 0..total {
            if self.restart > 0 && mcu > 0 && mcu % self.restart == 0 {
                bits.restart();
                pred = [0; 3];
            }
            for &(c, td, ta) in &members {
                let comp = &self.components[c];
                let blocks = if ns > 1 { comp.h * comp.v } else { 1 };
                for _ in 0..blocks {
                    let t = bits.decode(&self.tables[0][td])?;
                    pred[c] = pred[c].wrapping_add(bits.extend(t)?);
                    if sequential && se > 0 {
                        // Skip the AC coefficients: run/size symbols and their bits.
                        let mut k = 1;
                        while k < 64 {
                            let rs = bits.decode(&self.tables[1][ta])?;
                            let (r, s) = ((rs >> 4) as usize, rs & 15);
                            if s == 0 {
                                if r != 15 {
                                    break;
                                }
                                k += 16;
                                continue;
                            }
                            bits.get(s)?;
                            k += r + 1;
                        }
                    }
                    if c > 0 {
                        // The block's mean difference from gray, in 0–255 units.
                        let mean = (pred[c] << al).saturating_mul(self.q0[comp.tq]) / 8;
                        *seen += 1;
                        *colorful += usize::from(mean.abs() > CHROMA_MEAN);
                    }
                }
            }
        }
        for &(c, _, _) in &members {
            self.components[c].done = true;
        }
        Some(())
    }
}

/// Bytes up to the next marker that is not a restart (the end of a scan's entropy data).
fn skip_entropy(data: &[u8]) -> usize {
    let mut i = 0;
    while i + 1 < data.len() {
        if data[i] == 0xFF && data[i + 1] != 0 && !(0xD0..=0xD7).contains(&data[i + 1]) {
            return i;
        }
        i += 1;
    }
    data.len()
}

/// The entropy-coded bits of a scan: byte stuffing (0xFF 0x00) undone; at a marker the
/// stream ends (a restart marker is passed at [`Bits::restart`]).
struct Bits<'a> {
    data: &'a [u8],
    i: usize,
    acc: u32,
    n: u32,
}

impl<'a> Bits<'a> {
    fn new(data: &'a [u8]) -> Self {
        Bits {
            data,
            i: 0,
            acc: 0,
            n: 0,
        }
    }

    fn bit(&mut self) -> Option<u32> {
        if self.n == 0 {
            let b = *self.data.get(self.i)?;
            if b == 0xFF {
                match self.data.get(self.i + 1)? {
                    0 => self.i += 1,
                    _ => return None,
                }
            }
            self.i += 1;
            self.acc = b as u32;
            self.n = 8;
        }
        self.n -= 1;
        Some((self.acc >> self.n) & 1)
    }

    fn get(&mut self, count: u8) -> Option<u32> {
        let mut v = 0;
        for _ in 0..count {
            v = (v << 1) | self.bit()?;
        }
        Some(v)
    }

    /// The value of a coefficient of `size` bits (ISO/IEC 10918-1 F.2.2.1, EXTEND).
    fn extend(&mut self, size: u8) -> Option<i32> {
        if size == 0 {
            return Some(0);
        }
        if size > 16 {
            return None;
        }
        let v = self.get(size)? as i32;
        Some(if v < 1 << (size - 1) {
            v - (1 << size) + 1
        } else {
            v
        })
    }

    fn decode(&mut self, t: &Huffman) -> Option<u8> {
        let mut code = 0u16;
        for len in 1..=16 {
            code = (code << 1) | self.bit()? as u16;
            let first = t.first[len];
            if code >= first && code - first < t.count[len] {
                return t
                    .symbols
                    .get(t.offset[len] as usize + (code - first) as usize)
                    .copied();
            }
        }
        None
    }

    /// At a restart interval: drop the bits left of this byte and pass the RSTn marker.
    fn restart(&mut self) {
        self.n = 0;
        if self.data.get(self.i) == Some(&0xFF)
            && self
                .data
                .get(self.i + 1)
                .is_some_and(|m| (0xD0..=0xD7).contains(m))
        {
            self.i += 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(jpeg: &[u8]) -> Option<bool> {
        chroma_blocks(jpeg).map(|(seen, colorful)| colorful * 1000 > seen)
    }

    /// Generated by tests/fixtures/jpeg/make.py (Pillow): a page with text lines, and in
    /// the color ones a blue stamp and a photo.
    #[test]
    fn gray_pages_saved_as_color_jpegs_are_gray() {
        for (name, jpeg, color) in [
            (
                "baseline",
                &include_bytes!("../../tests/fixtures/jpeg/gray-as-rgb-baseline.jpg")[..],
                false,
            ),
            (
                "baseline",
                include_bytes!("../../tests/fixtures/jpeg/color-baseline.jpg"),
                true,
            ),
            (
                "4:4:4, restarts",
                include_bytes!("../../tests/fixtures/jpeg/gray-as-rgb-444-restart.jpg"),
                false,
            ),
            (
                "4:4:4, restarts",
                include_bytes!("../../tests/fixtures/jpeg/color-444-restart.jpg"),
                true,
            ),
            (
                "progressive",
                include_bytes!("../../tests/fixtures/jpeg/gray-as-rgb-progressive.jpg"),
                false,
            ),
            (
                "progressive",
                include_bytes!("../../tests/fixtures/jpeg/color-progressive.jpg"),
                true,
            ),
        ] {
            let (seen, colorful) =
                chroma_blocks(jpeg).unwrap_or_else(|| panic!("{name}: not read"));
            assert!(seen > 0, "{name}");
            assert_eq!(
                colorful * 1000 > seen,
                color,
                "{name}: {colorful}/{seen} colorful blocks"
            );
        }
        // One component: not this function's business (the frame header says gray).
        assert_eq!(
            verdict(include_bytes!(
                "../../tests/fixtures/jpeg/gray-1-component.jpg"
            )),
            None
        );
    }

    #[test]
    fn damaged_jpegs_end() {
        let good = include_bytes!("../../tests/fixtures/jpeg/color-baseline.jpg");
        for cut in [0, 2, 3, 20, 200, good.len() / 3, good.len() - 3] {
            let _ = chroma_blocks(&good[..cut]);
        }
        let mut flipped = good.to_vec();
        for k in (100..flipped.len()).step_by(97) {
            flipped[k] ^= 0x5A;
            let _ = chroma_blocks(&flipped);
        }
        assert_eq!(chroma_blocks(b"\xFF\xD8\xFF\xC0\x00\x02"), None);
        assert_eq!(chroma_blocks(b""), None);
    }
}
