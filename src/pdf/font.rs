//! Fonts as far as text extraction needs them: how the bytes of a shown string split into
//! character codes, what Unicode text each code stands for, and how wide it is (to tell a
//! word gap from a kerning step). No glyph program is ever read: the mapping comes from the
//! font's `/ToUnicode` CMap, else from its simple encoding (`/Encoding` with
//! `/Differences`, ISO 32000-1 9.6.6), else from a UCS-2/UTF-16 predefined CMap name.
//!
//! Every loop here is bounded by the size of what it reads, and a CMap by [`MAX_ENTRIES`].

use super::encodings::{MAC_ROMAN, NAMES, NAME_CODES, STANDARD, WIN_ANSI};
use lopdf::{Dictionary, Document, Object};

/// Entries read from one CMap (a real ToUnicode CMap of a CJK font has some 20,000).
const MAX_ENTRIES: usize = 100_000;
/// Bytes a CMap stream may inflate to.
const MAX_CMAP_BYTES: usize = 4 << 20;

/// Inflates a CMap stream within `budget` (the bytes all fonts of a file may still inflate),
/// and takes what it inflated off the budget.
fn cmap_data(s: &lopdf::Stream, budget: &mut usize) -> Option<Vec<u8>> {
    let cap = MAX_CMAP_BYTES.min(*budget);
    if cap == 0 {
        return None;
    }
    let data = s.decompressed_content_with_limit(cap).ok()?;
    *budget -= data.len().min(*budget);
    Some(data)
}

/// One font of a page's resources, ready to decode strings.
#[derive(Debug, Default)]
pub struct Font {
    /// Codes of two bytes (a composite font) unless `codespace` says otherwise.
    two_byte: bool,
    /// Code lengths by range: `(low, high, bytes)`.
    codespace: Vec<(u32, u32, u8)>,
    /// `/ToUnicode`, sorted by code: single codes and ranges.
    chars: Vec<(u32, Box<str>)>,
    ranges: Vec<(u32, u32, Vec<u16>)>,
    /// The simple encoding (UTF-16 code units by byte), for one-byte fonts.
    simple: Option<Box<[u16; 256]>>,
    /// Bytes are UTF-16BE (a `Uni…-UCS2-H` / `-UTF16-H` predefined CMap without ToUnicode).
    utf16: bool,
    /// Widths in thousandths of an em: simple fonts by `first_char`, composite by range.
    first_char: u32,
    widths: Vec<f32>,
    cid_widths: Vec<(u32, u32, f32)>,
    default_width: f32,
}

impl Font {
    /// Reads a font dictionary. Anything missing or malformed leaves a font that decodes
    /// what it can (never an error: text extraction is best effort). Its CMaps inflate
    /// within `budget` bytes, shared by the fonts of a file.
    pub fn load(doc: &Document, dict: &Dictionary, budget: &mut usize) -> Font {
        Font::load_with(doc, dict, budget, true)
    }

    /// [`Font::load`], without a composite font's widths (`/W`) unless `widths`: the census
    /// needs only the codes and their text.
    pub fn load_with(doc: &Document, dict: &Dictionary, budget: &mut usize, widths: bool) -> Font {
        let mut f = Font {
            default_width: 500.0,
            ..Font::default()
        };
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let encoding = dict.get_deref(b"Encoding", doc).ok();
        if subtype == b"Type0" {
            f.two_byte = true;
            match encoding {
                Some(Object::Name(n)) => {
                    f.utf16 = contains(n, b"UCS2") || contains(n, b"UTF16");
                }
                Some(Object::Stream(s)) => {
                    if let Some(data) = cmap_data(s, budget) {
                        let mut ignored = Font::default();
                        parse_cmap(&data, &mut f.codespace, &mut ignored);
                    }
                }
                _ => {}
            }
            if let Some(desc) = dict
                .get_deref(b"DescendantFonts", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|d| doc.dereference(d).ok())
                .and_then(|(_, d)| d.as_dict().ok())
            {
                f.default_width = desc.get(b"DW").and_then(Object::as_float).unwrap_or(1000.0);
                let w = desc.get_deref(b"W", doc).and_then(Object::as_array);
                if let Some(w) = w.ok().filter(|_| widths) {
                    f.cid_widths = cid_widths(doc, w);
                }
            }
        } else {
            let base = match subtype {
                b"TrueType" => &WIN_ANSI,
                _ => &STANDARD,
            };
            let mut table = Box::new(*base);
            match encoding {
                Some(Object::Name(n)) => *table = *named_encoding(n).unwrap_or(base),
                Some(Object::Dictionary(d)) => {
                    if let Some(b) = d
                        .get(b"BaseEncoding")
                        .and_then(Object::as_name)
                        .ok()
                        .and_then(named_encoding)
                    {
                        *table = *b;
                    }
                    if let Ok(diff) = d.get_deref(b"Differences", doc).and_then(Object::as_array) {
                        apply_differences(&mut table, diff);
                    }
                }
                _ => {}
            }
            f.simple = Some(table);
            f.first_char = dict
                .get(b"FirstChar")
                .and_then(Object::as_i64)
                .map_or(0, |c| c.clamp(0, 255) as u32);
            if let Ok(w) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
                f.widths = w
                    .iter()
                    .take(256)
                    .map(|o| deref_float(doc, o).unwrap_or(0.0))
                    .collect();
            }
        }
        if let Some(data) = dict
            .get_deref(b"ToUnicode", doc)
            .and_then(Object::as_stream)
            .ok()
            .and_then(|s| cmap_data(s, budget))
        {
            let mut codespace = Vec::new();
            parse_cmap(&data, &mut codespace, &mut f);
            if f.codespace.is_empty() && f.two_byte {
                f.codespace = codespace;
            }
            f.chars.sort_unstable_by_key(|c| c.0);
            f.ranges.sort_unstable_by_key(|r| r.0);
        }
        f
    }

    /// Entries held (mappings and widths): what the font costs in memory, about 24 bytes each.
    pub fn entries(&self) -> usize {
        self.chars.len() + self.ranges.len() + self.cid_widths.len() + self.widths.len()
    }

    /// Splits `bytes` into codes and calls `each(code, one_byte)` for each.
    pub fn codes(&self, bytes: &[u8], mut each: impl FnMut(u32, bool)) {
        if !self.two_byte {
            for &b in bytes {
                each(b as u32, true);
            }
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            let n = self.code_len(&bytes[i..]);
            let code = bytes[i..i + n]
                .iter()
                .fold(0u32, |c, &b| (c << 8) | b as u32);
            each(code, n == 1);
            i += n;
        }
    }

    /// Bytes in the code that starts `rest` (never 0, never past its end).
    fn code_len(&self, rest: &[u8]) -> usize {
        for n in 1..=4.min(rest.len()) {
            let code = rest[..n].iter().fold(0u32, |c, &b| (c << 8) | b as u32);
            if self
                .codespace
                .iter()
                .any(|&(lo, hi, len)| len as usize == n && (lo..=hi).contains(&code))
            {
                return n;
            }
        }
        2.min(rest.len())
    }

    /// Appends the text of `code` to `out`.
    pub fn push_text(&self, code: u32, out: &mut String) {
        if let Ok(i) = self.chars.binary_search_by_key(&code, |c| c.0) {
            out.push_str(&self.chars[i].1);
            return;
        }
        let r = self.ranges.partition_point(|r| r.0 <= code);
        if let Some((lo, hi, base)) = r.checked_sub(1).map(|i| &self.ranges[i]) {
            if code <= *hi {
                let mut units = base.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add((code - lo) as u16);
                }
                push_utf16(&units, out);
                return;
            }
        }
        if self.utf16 {
            push_utf16(&[code as u16], out);
        } else if let Some(table) = self.simple.as_ref().filter(|_| code < 256) {
            push_utf16(&[table[code as usize]], out);
        }
    }

    /// The advance of `code`, in thousandths of an em.
    pub fn width(&self, code: u32) -> f32 {
        if self.two_byte {
            let i = self.cid_widths.partition_point(|w| w.0 <= code);
            return match i.checked_sub(1).map(|i| self.cid_widths[i]) {
                Some((_, hi, w)) if code <= hi => w,
                _ => self.default_width,
            };
        }
        code.checked_sub(self.first_char)
            .and_then(|i| self.widths.get(i as usize))
            .copied()
            .filter(|w| *w > 0.0)
            .unwrap_or(self.default_width)
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn deref_float(doc: &Document, o: &Object) -> Option<f32> {
    doc.dereference(o).ok()?.1.as_float().ok()
}

fn named_encoding(name: &[u8]) -> Option<&'static [u16; 256]> {
    match name {
        b"WinAnsiEncoding" => Some(&WIN_ANSI),
        b"MacRomanEncoding" => Some(&MAC_ROMAN),
        b"StandardEncoding" => Some(&STANDARD),
        _ => None,
    }
}

/// `/Differences [code /name /name … code /name …]` over `table`.
fn apply_differences(table: &mut [u16; 256], diff: &[Object]) {
    let mut code = 0usize;
    for o in diff {
        match o {
            Object::Integer(c) => code = (*c).clamp(0, 255) as usize,
            Object::Name(n) => {
                if code < 256 {
                    table[code] = glyph_char(n).unwrap_or(0);
                }
                code += 1;
            }
            _ => {}
        }
    }
}

/// The character a glyph name stands for: an AGLFN name, `uniXXXX`, `uXXXX`, or a name
/// with a suffix (`a.sc`, `one.oldstyle`).
pub fn glyph_char(name: &[u8]) -> Option<u16> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().unwrap_or(name);
    let hex = |s: &str| {
        u32::from_str_radix(s, 16)
            .ok()
            .and_then(|v| u16::try_from(v).ok())
    };
    if let Some(h) = base.strip_prefix("uni").filter(|h| h.len() == 4) {
        return hex(h);
    }
    if let Some(h) = base
        .strip_prefix('u')
        .filter(|h| (4..=6).contains(&h.len()))
    {
        if let Some(v) = hex(h) {
            return Some(v);
        }
    }
    NAMES
        .split(' ')
        .position(|n| n == base)
        .and_then(|i| NAME_CODES.get(i).copied())
}

/// UTF-16 code units to text as people type it: unpaired surrogates and controls
/// dropped, Latin ligatures spelled out ("ﬁ" → "fi"), no-break spaces as spaces.
fn push_utf16(units: &[u16], out: &mut String) {
    for c in char::decode_utf16(units.iter().copied()).flatten() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{A0}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// `/W [c [w1 w2 …] c1 c2 w …]` of a CIDFont.
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let mut i = 0;
    let num = |o: &Object| deref_float(doc, o);
    while i < w.len() && out.len() < MAX_ENTRIES {
        let Some(first) = num(&w[i]).filter(|c| *c >= 0.0).map(|c| c as u32) else {
            break;
        };
        match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
            Some(Ok(Object::Array(list))) => {
                for (k, v) in list.iter().enumerate().take(MAX_ENTRIES) {
                    let c = first.saturating_add(k as u32);
                    out.push((c, c, num(v).unwrap_or(1000.0)));
                }
                i += 2;
            }
            Some(Ok(_)) => {
                let (Some(last), Some(width)) =
                    (w.get(i + 1).and_then(num), w.get(i + 2).and_then(num))
                else {
                    break;
                };
                out.push((first, (last.max(0.0) as u32).max(first), width));
                i += 3;
            }
            _ => break,
        }
    }
    out.sort_unstable_by_key(|w| w.0);
    out
}

/// A CMap token.
#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(&'a [u8]),
    Name(&'a [u8]),
    Other,
}

/// Tokens of a CMap (PostScript syntax: hex strings, arrays, names, keywords, numbers).
fn tokens(data: &[u8]) -> impl Iterator<Item = Tok<'_>> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < data.len() && (data[i].is_ascii_whitespace() || data[i] == 0) {
            i += 1;
        }
        let start = i;
        let c = *data.get(i)?;
        i += 1;
        Some(match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
                Tok::Other
            }
            b'<' if data.get(i) == Some(&b'<') => {
                i += 1;
                Tok::Other
            }
            b'>' => {
                if data.get(i) == Some(&b'>') {
                    i += 1;
                }
                Tok::Other
            }
            b'<' => {
                let mut bytes = Vec::new();
                let mut half: Option<u8> = None;
                while i < data.len() && data[i] != b'>' {
                    if let Some(v) = (data[i] as char).to_digit(16) {
                        match half.take() {
                            Some(h) => bytes.push(h << 4 | v as u8),
                            None => half = Some(v as u8),
                        }
                    }
                    i += 1;
                }
                i += 1;
                if let Some(h) = half {
                    bytes.push(h << 4);
                }
                Tok::Hex(bytes)
            }
            b'[' => Tok::Open,
            b']' => Tok::Close,
            b'(' => {
                let mut depth = 1;
                while i < data.len() && depth > 0 {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                Tok::Other
            }
            b'{' | b'}' => Tok::Other,
            _ => {
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"[]<>(){}/%".contains(&data[i])
                {
                    i += 1;
                }
                if c == b'/' {
                    Tok::Name(&data[start + 1..i])
                } else {
                    Tok::Word(&data[start..i])
                }
            }
        })
    })
}

fn code_of(bytes: &[u8]) -> Option<(u32, u8)> {
    (1..=4).contains(&bytes.len()).then(|| {
        (
            bytes.iter().fold(0u32, |c, &b| (c << 8) | b as u32),
            bytes.len() as u8,
        )
    })
}

fn units_of(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
        .collect()
}

fn text_of(units: &[u16]) -> Box<str> {
    let mut s = String::new();
    push_utf16(units, &mut s);
    s.into_boxed_str()
}

/// Reads the code space ranges of a CMap into `codespace` and its `bfchar`/`bfrange`
/// mappings into `font`.
fn parse_cmap(data: &[u8], codespace: &mut Vec<(u32, u32, u8)>, font: &mut Font) {
    let mut toks = tokens(data).peekable();
    let mut entries = 0usize;
    while let Some(t) = toks.next() {
        if entries >= MAX_ENTRIES {
            return;
        }
        match t {
            Tok::Word(b"begincodespacerange") => loop {
                match (toks.next(), toks.next()) {
                    (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) => {
                        if let (Some((lo, n)), Some((hi, _))) = (code_of(&lo), code_of(&hi)) {
                            codespace.push((lo, hi, n));
                            entries += 1;
                        }
                    }
                    _ => break,
                }
            },
            Tok::Word(b"beginbfchar") => loop {
                let Some(Tok::Hex(src)) = toks.next() else {
                    break;
                };
                let text = match toks.next() {
                    Some(Tok::Hex(dst)) => text_of(&units_of(&dst)),
                    Some(Tok::Name(n)) => text_of(&[glyph_char(n).unwrap_or(0)]),
                    _ => break,
                };
                if let Some((code, _)) = code_of(&src) {
                    font.chars.push((code, text));
                    entries += 1;
                }
                if entries >= MAX_ENTRIES {
                    return;
                }
            },
            Tok::Word(b"beginbfrange") => loop {
                let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) = (toks.next(), toks.next()) else {
                    break;
                };
                let (Some((lo, _)), Some((hi, _))) = (code_of(&lo), code_of(&hi)) else {
                    break;
                };
                match toks.next() {
                    Some(Tok::Hex(dst)) => {
                        if lo <= hi {
                            font.ranges.push((lo, hi, units_of(&dst)));
                            entries += 1;
                        }
                    }
                    Some(Tok::Open) => {
                        let mut code = lo;
                        while let Some(Tok::Hex(dst)) = toks.next_if(|t| matches!(t, Tok::Hex(_))) {
                            if code <= hi && entries < MAX_ENTRIES {
                                font.chars.push((code, text_of(&units_of(&dst))));
                                entries += 1;
                            }
                            code = code.saturating_add(1);
                        }
                        if toks.next() != Some(Tok::Close) {
                            break;
                        }
                    }
                    _ => break,
                }
                if entries >= MAX_ENTRIES {
                    return;
                }
            },
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_char(b"aacute"), Some(0xE1));
        assert_eq!(glyph_char(b"Ntilde"), Some(0xD1));
        assert_eq!(glyph_char(b"uni00F3"), Some(0xF3));
        assert_eq!(glyph_char(b"u00E9"), Some(0xE9));
        assert_eq!(glyph_char(b"a.sc"), Some(b'a' as u16));
        assert_eq!(glyph_char(b"fi"), Some(0xFB01));
        assert_eq!(glyph_char(b"g123"), None);
        assert_eq!(glyph_char(b"\xff"), None);
    }

    #[test]
    fn to_unicode_cmap() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <0020> <0011> <00F3> <0012> /ntilde endbfchar
2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0066006C> <00E9>] endbfrange
endcmap";
        let mut f = Font {
            two_byte: true,
            ..Font::default()
        };
        let mut cs = Vec::new();
        parse_cmap(cmap, &mut cs, &mut f);
        f.codespace = cs;
        f.chars.sort_unstable_by_key(|c| c.0);
        f.ranges.sort_unstable_by_key(|r| r.0);
        let mut out = String::new();
        f.codes(
            &[0, 0x24, 0, 0x26, 0, 3, 0, 0x11, 0, 0x12, 0, 0x30, 0, 0x31],
            |c, _| f.push_text(c, &mut out),
        );
        assert_eq!(out, "AC óñflé");
    }

    #[test]
    fn hostile_cmaps_end() {
        // Unterminated strings, hex and arrays; a range over all codes; garbage.
        for cmap in [
            &b"beginbfrange <00> <FFFFFFFF> <0041> endbfrange"[..],
            b"beginbfchar <0041",
            b"beginbfrange <00> <10> [<41> <42>",
            b"(((((",
            b"begincodespacerange <00",
            b"\xff\xfe<<>>[]{}%",
        ] {
            let mut f = Font::default();
            parse_cmap(cmap, &mut Vec::new(), &mut f);
            let mut out = String::new();
            f.push_text(5, &mut out);
        }
    }
}
