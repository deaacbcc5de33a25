//! Is an image that claims color really in color? A scanner or a phone app often saves a
//! black-and-white page as RGB, and a portal that asks for a color scan (ICERT) refuses it.
//! Where that is cheap to answer, the answer comes from the pixels, not the color space:
//!
//! * `DeviceRGB`/`ICCBased` 8-bit images, uncompressed or `FlateDecode` (with or without PNG
//!   predictors), when asked (`checkPdf` with `color: true`: it inflates the whole image):
//!   some 200 rows spread over the whole image, some 200 pixels of each, is a pixel colorful
//!   (channels differ by more than [`CHROMA`])? Inflating stops at the budget the caller gives (the file's sampling budget).
//! * `Indexed` images: the palette itself, every entry.
//! * `DCTDecode` (JPEG): the frame header's component count (a 1-component JPEG is gray
//!   whatever the PDF says), and, when asked, the average color of every chroma block from
//!   its DC coefficient (`jpeg.rs`: Huffman decoding only, no inverse DCT).
//!
//! Nothing here holds more than two rows of an image or reads past the stream.

use lopdf::{Object, Stream};
use std::io::Read;

/// Rows, and pixels per row, compared (about).
const SAMPLES: usize = 200;
/// Channels of a gray pixel differ by at most this (scanner noise, JPEG-like tints).
const CHROMA: u8 = 40;
/// Share of colorful pixels or JPEG blocks (per mille) above which an image is in color: a
/// stamp or a signature in blue ink on a white page is a few per cent of it; erring to the
/// side of "color" never refuses a color scan.
const COLOR_PER_MILLE: usize = 1;

/// What the pixels say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sampled {
    /// Colorful pixels found.
    Color,
    /// Every sampled pixel is gray.
    Gray,
    /// Not sampled (a filter or layout not read here).
    Unknown,
}

/// Whether an Indexed palette (`lookup`: `n` entries of `comps` bytes) has any color.
pub fn palette(lookup: &[u8], comps: usize) -> Sampled {
    if comps != 3 || lookup.len() < 3 {
        return Sampled::Unknown;
    }
    if lookup.chunks_exact(3).any(colorful) {
        Sampled::Color
    } else {
        Sampled::Gray
    }
}

fn colorful(p: &[u8]) -> bool {
    let (hi, lo) = p
        .iter()
        .fold((0u8, 255u8), |(h, l), &v| (h.max(v), l.min(v)));
    hi - lo > CHROMA
}

/// Samples an image XObject or inline image whose color space has `comps` components:
/// its JPEG header always, its pixels only when `decode`, inflating no more than `budget`
/// bytes (what it inflates is taken off `budget`, shared by all the images of a file).
pub fn sample(stream: &Stream, comps: u32, decode: bool, budget: &mut usize) -> Sampled {
    let d = &stream.dict;
    let get = |k1: &[u8], k2: &[u8]| d.get(k1).or_else(|_| d.get(k2)).ok();
    let filters: Vec<&[u8]> = match get(b"Filter", b"F") {
        None => Vec::new(),
        Some(Object::Name(n)) => vec![n.as_slice()],
        Some(Object::Array(a)) => a.iter().filter_map(|o| o.as_name().ok()).collect(),
        Some(_) => return Sampled::Unknown,
    };
    match filters.as_slice() {
        [b"DCTDecode" | b"DCT"] => match super::jpeg::components(&stream.content) {
            Some(1) => Sampled::Gray,
            Some(3) if decode && *budget > 0 => {
                // The chroma blocks' DC coefficients (`jpeg`); the work is about one pass
                // over the compressed bytes, charged to the budget as such.
                *budget = budget.saturating_sub(stream.content.len());
                match super::jpeg::chroma_blocks(&stream.content) {
                    Some((seen, color)) if color * 1000 > seen * COLOR_PER_MILLE => Sampled::Color,
                    Some(_) => Sampled::Gray,
                    None => Sampled::Unknown,
                }
            }
            _ => Sampled::Unknown,
        },
        [] | [b"FlateDecode" | b"Fl"] if comps == 3 && decode && *budget > 0 => {
            let num = |k1: &[u8], k2: &[u8]| get(k1, k2).and_then(|o| o.as_i64().ok());
            let (bits, width, height) = (
                num(b"BitsPerComponent", b"BPC"),
                num(b"Width", b"W"),
                num(b"Height", b"H"),
            );
            let (Some(8), Some(width), Some(height)) = (
                bits,
                width.filter(|w| (1..=100_000).contains(w)),
                height.filter(|h| (1..=100_000).contains(h)),
            ) else {
                return Sampled::Unknown;
            };
            let params = get(b"DecodeParms", b"DP").and_then(|p| match p {
                Object::Dictionary(p) => Some(p),
                Object::Array(a) => a.first().and_then(|p| p.as_dict().ok()),
                _ => None,
            });
            let predictor = params
                .and_then(|p| p.get(b"Predictor").ok())
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(1);
            let predicted = match predictor {
                1 => false,
                10..=15 => true,
                _ => return Sampled::Unknown,
            };
            let content = &stream.content[..];
            let reader: Box<dyn Read + '_> = if filters.is_empty() {
                Box::new(content)
            } else {
                Box::new(flate2::read::ZlibDecoder::new(content))
            };
            let (sampled, read) = rgb_rows(
                reader.take(*budget as u64),
                width as usize,
                height as usize,
                predicted,
            );
            *budget = budget.saturating_sub(read);
            sampled
        }
        _ => Sampled::Unknown,
    }
}

/// Samples 8-bit RGB rows read from `data`, undoing PNG predictors when `predicted`; also
/// says how many bytes it read.
fn rgb_rows(mut data: impl Read, width: usize, height: usize, predicted: bool) -> (Sampled, usize) {
    let row = width * 3;
    let mut line = vec![0u8; row + usize::from(predicted)];
    let (mut prev, mut cur) = (vec![0u8; row], vec![0u8; row]);
    let (row_step, px_step) = (
        height.div_ceil(SAMPLES).max(1),
        width.div_ceil(SAMPLES).max(1),
    );
    let (mut seen, mut color, mut read) = (0usize, 0usize, 0usize);
    for y in 0..height {
        if data.read_exact(&mut line).is_err() {
            break;
        }
        read += line.len();
        if predicted {
            unpredict_row(line[0], &line[1..], &prev, &mut cur);
            std::mem::swap(&mut prev, &mut cur);
        } else {
            prev.copy_from_slice(&line);
        }
        if y % row_step == 0 {
            for p in prev.chunks_exact(3).step_by(px_step) {
                seen += 1;
                color += usize::from(colorful(p));
            }
        }
    }
    let sampled = if seen == 0 {
        Sampled::Unknown
    } else if color * 1000 > seen * COLOR_PER_MILLE {
        Sampled::Color
    } else {
        Sampled::Gray
    };
    (sampled, read)
}

/// One PNG-predicted row (filter `kind`, 3 bytes per pixel) over the row above, into `out`.
fn unpredict_row(kind: u8, line: &[u8], prev: &[u8], out: &mut [u8]) {
    for i in 0..line.len() {
        let a = if i >= 3 { out[i - 3] } else { 0 };
        let b = prev[i];
        let c = if i >= 3 { prev[i - 3] } else { 0 };
        out[i] = line[i].wrapping_add(match kind {
            1 => a,
            2 => b,
            3 => ((a as u16 + b as u16) / 2) as u8,
            4 => paeth(a, b, c),
            _ => 0,
        });
    }
}

/// The PNG Paeth predictor: whichever of left, above and above-left is nearest to
/// left + above − above-left.
fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = a as i16 + b as i16 - c as i16;
    let (pa, pb, pc) = (
        (p - a as i16).abs(),
        (p - b as i16).abs(),
        (p - c as i16).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;
    use std::io::Write;

    fn image(filter: Option<&str>, width: i64, content: Vec<u8>, predictor: Option<i64>) -> Stream {
        let mut d = Dictionary::new();
        d.set("Width", width);
        d.set("Height", width);
        d.set("BitsPerComponent", 8);
        if let Some(f) = filter {
            d.set("Filter", Object::Name(f.as_bytes().to_vec()));
        }
        if let Some(p) = predictor {
            let mut dp = Dictionary::new();
            dp.set("Predictor", p);
            dp.set("Columns", width);
            dp.set("Colors", 3);
            d.set("DecodeParms", dp);
        }
        Stream::new(d, content)
    }

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// A 100×100 page: paper-white with gray "text", optionally a blue stamp in the middle.
    fn page(stamp: bool) -> Vec<u8> {
        let mut px = Vec::new();
        for y in 0..100 {
            for x in 0..100 {
                let ink = (x * 7 + y * 3) % 11 == 0;
                let p = if stamp && (40..60).contains(&x) && (40..60).contains(&y) {
                    [30, 60, 200]
                } else if ink {
                    [40, 42, 38]
                } else {
                    [250, 248, 251]
                };
                px.extend_from_slice(&p);
            }
        }
        px
    }

    #[test]
    fn gray_saved_as_rgb_is_gray() {
        let mut m = 1 << 20;
        assert_eq!(
            sample(&image(None, 100, page(false), None), 3, true, &mut m),
            Sampled::Gray
        );
        let gray = image(Some("FlateDecode"), 100, deflate(&page(false)), None);
        assert_eq!(sample(&gray, 3, true, &mut m), Sampled::Gray);
        let stamped = image(Some("FlateDecode"), 100, deflate(&page(true)), None);
        assert_eq!(sample(&stamped, 3, true, &mut m), Sampled::Color);
        // Not asked to decode: no verdict; stopped before the stamp: gray as far as read.
        assert_eq!(sample(&stamped, 3, false, &mut m), Sampled::Unknown);
        // Three images of 100 × 100 RGB pixels were inflated, and taken off the budget;
        // with none left, nothing is inflated.
        assert_eq!(m, (1 << 20) - 3 * 30_000);
        let mut none = 0;
        assert_eq!(sample(&stamped, 3, true, &mut none), Sampled::Unknown);
        assert_eq!(sample(&stamped, 3, true, &mut (300 * 30)), Sampled::Gray);
    }

    #[test]
    fn png_predictors_are_undone() {
        // Rows with the Up filter (2) and the Paeth filter (4), alternately.
        let plain = page(true);
        let row = 300;
        let mut predicted = Vec::new();
        let mut prev = vec![0u8; row];
        for (k, line) in plain.chunks(row).enumerate() {
            let kind = if k % 2 == 0 { 2u8 } else { 4 };
            predicted.push(kind);
            for i in 0..row {
                let a = if i >= 3 { line[i - 3] } else { 0 };
                let (b, c) = (prev[i], if i >= 3 { prev[i - 3] } else { 0 });
                let pred = if kind == 2 { b } else { paeth(a, b, c) };
                predicted.push(line[i].wrapping_sub(pred));
            }
            prev = line.to_vec();
        }
        let mut prev = vec![0u8; row];
        let mut out = Vec::new();
        for chunk in predicted.chunks(row + 1) {
            let mut cur = vec![0u8; row];
            unpredict_row(chunk[0], &chunk[1..], &prev, &mut cur);
            out.extend_from_slice(&cur);
            prev = cur;
        }
        assert_eq!(out, plain);
        let s = image(Some("FlateDecode"), 100, deflate(&predicted), Some(15));
        assert_eq!(sample(&s, 3, true, &mut (1 << 20)), Sampled::Color);
    }

    #[test]
    fn jpeg_headers_and_palettes() {
        // SOI, APP0 (JFIF, 16 bytes), SOF0 with 1 component, or SOF2 with 3.
        let mut gray = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        gray.extend_from_slice(&[0; 14]);
        let mut color = gray.clone();
        gray.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8, 0, 10, 0, 10, 1, 1, 0x11, 0]);
        color.extend_from_slice(&[0xFF, 0xC2, 0, 17, 8, 0, 10, 0, 10, 3]);
        assert_eq!(crate::pdf::jpeg::components(&gray), Some(1));
        assert_eq!(crate::pdf::jpeg::components(&color), Some(3));
        assert_eq!(crate::pdf::jpeg::components(&[0xFF, 0xD8, 0xFF]), None);
        assert_eq!(crate::pdf::jpeg::components(b"not a jpeg"), None);
        let gray = image(Some("DCTDecode"), 10, gray, None);
        assert_eq!(sample(&gray, 3, false, &mut 0), Sampled::Gray);
        let color = image(Some("DCTDecode"), 10, color, None);
        assert_eq!(sample(&color, 3, true, &mut (1 << 20)), Sampled::Unknown);
        assert_eq!(
            palette(&[0, 0, 0, 128, 128, 130, 255, 255, 255], 3),
            Sampled::Gray
        );
        assert_eq!(palette(&[0, 0, 0, 200, 30, 30], 3), Sampled::Color);
    }

    #[test]
    fn hostile_images_end() {
        for (w, data) in [
            (0, vec![]),
            (100_000, vec![1; 10]),
            (3, b"\x78\x9c garbage".to_vec()),
        ] {
            let flate = image(Some("FlateDecode"), w, data.clone(), Some(12));
            let _ = sample(&flate, 3, true, &mut (1 << 20));
            let _ = sample(&image(None, w, data, None), 3, true, &mut (1 << 20));
        }
        let _ = crate::pdf::jpeg::components(&[0xFF, 0xD8, 0xFF, 0xFF, 0xFF]);
    }
}
