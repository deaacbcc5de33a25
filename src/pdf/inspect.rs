//! `inspectPdf`: the structure of a PDF and a census of what its pages paint, without
//! decoding fonts or pixels (that is what makes it fast). Parsing is lopdf 0.47's, which
//! repairs damaged cross-reference tables by scanning for objects and bounds what object
//! streams may inflate to; everything this module reads on top of it is bounded too
//! ([`Limits`]), and exceeding a bound ends in `pdf.too_complex`, never in a hang.

use super::font::Font;
use super::pixels::{self, Sampled};
use super::scan::{strings, Scanner};
use super::sniff::{pdf_header, sniff, FileKind};
use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Bounds on the work done for one file.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Pages whose content is examined (the page count is always exact).
    pub pages: usize,
    /// Bytes one content stream may inflate to.
    pub stream_bytes: usize,
    /// Bytes all content streams together may inflate to.
    pub total_bytes: usize,
    /// Content-stream operations examined in all.
    pub operations: usize,
    /// Form XObjects followed inside one another.
    pub form_depth: usize,
    /// Inflate RGB images to sample their pixels (`checkPdf` with `color: true`); JPEG
    /// headers and palettes are always read.
    pub sample_pixels: bool,
    /// Bytes all sampled images together may inflate to.
    pub pixel_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            pages: 2_000,
            stream_bytes: 16 << 20,
            total_bytes: 128 << 20,
            operations: 1_000_000,
            form_depth: 8,
            sample_pixels: false,
            pixel_bytes: 96 << 20,
        }
    }
}

/// How a PDF is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Encryption {
    /// Not encrypted.
    None,
    /// Encrypted, but opens without a password (an owner password restricts printing,
    /// copying or editing): portals that ask for a file "sin claves" may still refuse it.
    Owner,
    /// A password is needed to open it.
    User,
}

/// What a page paints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// Nothing: no visible text, no image.
    #[default]
    Empty,
    /// Visible text and no image.
    Text,
    /// Images only: a scan or a photo.
    Image,
    /// Visible text and images.
    Mixed,
    /// Images with invisible text over them (text rendering mode 3): an OCR'd scan.
    Ocr,
}

/// Images by color.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ImageCensus {
    /// Images painted (each painting counts).
    pub count: u32,
    /// In a color space with color (DeviceRGB, DeviceCMYK, ICCBased with 3 or 4
    /// components, Lab, CalRGB, Indexed over one of these).
    pub color: u32,
    /// In a gray color space (DeviceGray, CalGray, ICCBased with 1 component) with more
    /// than one bit per pixel.
    pub gray: u32,
    /// One bit per pixel, or an image mask: black and white.
    pub bilevel: u32,
    /// Of the images counted as color or gray, those judged by their pixels, palette or
    /// JPEG header rather than by color space alone (see `pixels`): a gray page saved as
    /// RGB counts as gray when it was sampled.
    pub sampled: u32,
}

/// One page's census.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PageCensus {
    /// Text-showing operations (`Tj`, `TJ`, `'`, `"`) that show at least one character
    /// other than white space.
    pub text_ops: u32,
    /// Characters other than white space shown visibly: bytes of a simple font other than
    /// spaces, tabs, line ends and NUL; codes of a composite (Type0) font whose Unicode text
    /// is not white space (a code without Unicode text counts: it paints a glyph).
    pub glyph_bytes: u32,
    /// The same, shown with rendering mode 3 (invisible: an OCR layer).
    pub invisible_bytes: u32,
    /// Images painted on the page.
    pub images: ImageCensus,
    /// What the page is.
    pub kind: PageKind,
}

/// What [`inspect_pdf`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PdfInfo {
    /// A PDF that opens (possibly after repair).
    pub is_pdf: bool,
    /// What the file really is, by its first bytes.
    pub kind: FileKind,
    /// The header version (`"1.7"`), when there is a header.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub version: Option<String>,
    /// Size in bytes.
    pub bytes: u64,
    /// How it is protected.
    pub encryption: Encryption,
    /// Pages in the page tree (0 when it cannot be read, or when a password is needed).
    pub pages: u32,
    /// Whether any examined page shows characters other than white space (visible or OCR).
    pub has_text: bool,
    /// Characters other than white space shown visibly on the examined pages (see
    /// `PageCensus.glyphBytes`).
    pub text_chars: u32,
    /// Images on the examined pages.
    pub images: ImageCensus,
    /// Whether the file carries JavaScript.
    pub javascript: bool,
    /// Files embedded in it.
    pub embedded_files: u32,
    /// The census of each examined page.
    pub page_census: Vec<PageCensus>,
    /// Whether the cross-reference data was damaged and the file was read by scanning for
    /// objects.
    pub repaired: bool,
    /// Whether the file is cut short or points past its end (an interrupted download or
    /// copy: `pdf.incomplete`): no `%%EOF` near the end, a `startxref`, a cross-reference
    /// entry or the linearization's length past the end, or a stream with no end.
    pub incomplete: bool,
    /// Whether a work limit stopped the census early (`pdf.too_complex`); says nothing about
    /// the file being complete (that is `incomplete`).
    pub truncated: bool,
}

impl PdfInfo {
    fn empty(bytes: &[u8]) -> Self {
        PdfInfo {
            is_pdf: false,
            kind: sniff(bytes),
            version: None,
            bytes: bytes.len() as u64,
            encryption: Encryption::None,
            pages: 0,
            has_text: false,
            text_chars: 0,
            images: ImageCensus::default(),
            javascript: false,
            embedded_files: 0,
            page_census: Vec::new(),
            repaired: false,
            incomplete: false,
            truncated: false,
        }
    }
}

/// Inspects `bytes` with the default [`Limits`].
pub fn inspect_pdf(bytes: &[u8]) -> PdfInfo {
    inspect_pdf_with(bytes, Limits::default())
}

/// Inspects `bytes`. Never panics on any input that lopdf does not panic on (fuzzed in
/// `tests/pdf.rs`); bounded by `limits`.
pub fn inspect_pdf_with(bytes: &[u8], limits: Limits) -> PdfInfo {
    let Opened { mut info, doc } = open(bytes, limits);
    if let Some(doc) = doc {
        census(&doc, &mut info, limits);
    }
    info
}

/// A file read as far as it opens: what is known of it, and the document when it opens
/// without a password.
pub(super) struct Opened {
    pub info: PdfInfo,
    pub doc: Option<Document>,
}

/// Reads the header, the objects (repairing what lopdf can) and the encryption state.
pub(super) fn open(bytes: &[u8], limits: Limits) -> Opened {
    let mut info = PdfInfo::empty(bytes);
    let Some(start) = pdf_header(bytes) else {
        return Opened { info, doc: None };
    };
    info.incomplete = cut_short(bytes);
    info.version = bytes
        .get(start + 5..)
        .map(|v| {
            v.iter()
                .take_while(|b| b.is_ascii_digit() || **b == b'.')
                .take(4)
                .map(|b| *b as char)
                .collect()
        })
        .filter(|v: &String| !v.is_empty());
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.stream_bytes),
        ..Default::default()
    };
    let Ok(mut doc) = Document::load_mem_with_options(bytes, options) else {
        return Opened { info, doc: None };
    };
    let endless = repair_streams(&mut doc, bytes, limits.stream_bytes);
    info.is_pdf = true;
    info.repaired = doc.xref_recovery.is_some();
    info.incomplete |= endless || points_past_end(&doc, bytes.len());
    if doc.is_encrypted() {
        // lopdf opens files whose user password is empty and decrypts them; what is still
        // encrypted after loading needs a password.
        info.encryption = Encryption::User;
        return Opened { info, doc: None };
    }
    // What lopdf decrypted while loading (empty user password) still has its state.
    if doc.encryption_state.is_some() {
        info.encryption = Encryption::Owner;
    }
    info.pages = doc.page_iter().count() as u32;
    Opened {
        info,
        doc: Some(doc),
    }
}

/// The per-page census and the document-wide scans of an open document.
pub(super) fn census(doc: &Document, info: &mut PdfInfo, limits: Limits) {
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    let mut budget = Budget::new(&limits);
    for &page in pages.iter().take(limits.pages) {
        let census = page_census(doc, page, &limits, &mut budget);
        info.text_chars = info.text_chars.saturating_add(census.glyph_bytes);
        info.has_text |= census.glyph_bytes > 0 || census.invisible_bytes > 0;
        info.images.count += census.images.count;
        info.images.color += census.images.color;
        info.images.gray += census.images.gray;
        info.images.bilevel += census.images.bilevel;
        info.images.sampled += census.images.sampled;
        info.page_census.push(census);
        if budget.truncated {
            break;
        }
    }
    info.truncated = budget.truncated || pages.len() > limits.pages;
    let (js, files) = scan_objects(doc);
    info.javascript = js;
    info.embedded_files = files;
}

/// What is left of the work [`Limits`] allow for one file.
pub(super) struct Budget {
    pub ops: usize,
    pub bytes: usize,
    pub truncated: bool,
    /// Bytes image sampling may still inflate.
    pub pixel_bytes: usize,
    /// What each image XObject's content said, so that an image painted on many pages
    /// (a logo, a stamp) is sampled once.
    pub sampled: HashMap<ObjectId, Sampled>,
    /// Composite fonts read (to tell white space from characters), by object; `None` for a
    /// simple font.
    fonts: HashMap<ObjectId, Option<Rc<Font>>>,
    /// Bytes the composite fonts' CMaps may still inflate to, for the whole file.
    cmap_bytes: usize,
    /// Fonts that may still be read, and mappings and widths they may still hold (a font
    /// written directly in every page's resources is read each time it is named).
    font_loads: usize,
    font_entries: usize,
    /// One inflater for every Flate content stream of the file, reset between streams:
    /// making one costs an allocation and the zeroing of some 40 KB of state, which was a
    /// third of the census of a long document of short pages.
    inflater: Option<Box<flate2::Decompress>>,
}

impl Budget {
    pub fn new(limits: &Limits) -> Self {
        Budget {
            ops: limits.operations,
            bytes: limits.total_bytes,
            truncated: false,
            pixel_bytes: limits.pixel_bytes,
            sampled: HashMap::new(),
            fonts: HashMap::new(),
            cmap_bytes: 16 << 20,
            font_loads: 4096,
            font_entries: 2_000_000,
            inflater: None,
        }
    }

    /// The decoded bytes of a content stream within `cap`, as [`stream_data`] gives them, with
    /// the file's one inflater for the common case: `/Filter /FlateDecode` alone, no
    /// `/DecodeParms`.
    fn stream_data(&mut self, stream: &lopdf::Stream, cap: usize) -> Option<Vec<u8>> {
        let flate = match stream.dict.get(b"Filter") {
            Ok(Object::Name(n)) => n == b"FlateDecode",
            Ok(Object::Array(a)) => {
                a.len() == 1 && a[0].as_name().ok() == Some(b"FlateDecode".as_slice())
            }
            _ => false,
        };
        if !flate || stream.dict.has(b"DecodeParms") || stream.content.is_empty() {
            return stream_data(stream, cap);
        }
        let z = self
            .inflater
            .get_or_insert_with(|| Box::new(flate2::Decompress::new(true)));
        z.reset(true);
        match inflate(z, &stream.content, cap) {
            Some(out) => out,
            None => stream_data(stream, cap),
        }
    }
}

/// Inflates the zlib data `input` with `z` (fresh or reset) as lopdf does, within `cap`:
/// `Some(None)` past the cap (lopdf refuses the stream), `None` on a corrupt stream (the
/// caller falls back to lopdf, which keeps what it read and tries raw deflate).
fn inflate(z: &mut flate2::Decompress, input: &[u8], cap: usize) -> Option<Option<Vec<u8>>> {
    use flate2::{FlushDecompress, Status};
    let limit = cap.saturating_add(1);
    let mut out = Vec::with_capacity(input.len().saturating_mul(4).max(64).min(limit));
    loop {
        if out.len() == out.capacity() {
            if out.len() >= limit {
                return Some(None);
            }
            let more = out.len().max(64).min(limit - out.len());
            out.reserve_exact(more);
        }
        let (i, o) = (z.total_in(), z.total_out());
        let rest = input.get(i as usize..).unwrap_or_default();
        match z.decompress_vec(rest, &mut out, FlushDecompress::None) {
            Ok(Status::StreamEnd) => break,
            Ok(_) if z.total_in() == i && z.total_out() == o => break,
            Ok(_) => {}
            // A corrupt stream: lopdf's reader decides how much of it to keep (it reads in
            // its own steps) and tries raw deflate.
            Err(_) => return None,
        }
    }
    Some((out.len() <= cap).then_some(out))
}

impl Budget {
    /// The composite font named `name` in `resources` (read once per document), or `None`
    /// for a simple font or one that cannot be read. At most 4,096 fonts and 2,000,000
    /// mappings and widths are read per file (as by the text extraction); past that a font
    /// counts as simple.
    fn composite(
        &mut self,
        doc: &Document,
        resources: Option<&Dictionary>,
        name: &[u8],
    ) -> Option<Rc<Font>> {
        let entry = resources
            .and_then(|r| r.get_deref(b"Font", doc).ok())
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| f.get(name).ok())?;
        let id = entry.as_reference().ok();
        if let Some(known) = id.and_then(|id| self.fonts.get(&id)) {
            return known.clone();
        }
        let dict = doc.dereference(entry).ok()?.1.as_dict().ok()?;
        let font = if dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0")
            && self.font_loads > 0
            && self.font_entries > 0
        {
            self.font_loads -= 1;
            let font = Font::load_with(doc, dict, &mut self.cmap_bytes, false);
            self.font_entries = self.font_entries.saturating_sub(font.entries());
            Some(Rc::new(font))
        } else {
            None
        };
        if let Some(id) = id.filter(|_| self.fonts.len() < 4096) {
            self.fonts.insert(id, font.clone());
        }
        font
    }
}

/// Text state that matters for the census.
#[derive(Clone)]
struct State {
    invisible: bool,
    /// The current font, when it is composite (`Tf`).
    composite: Option<Rc<Font>>,
}

/// Characters other than white space that `op`'s strings show in `font` (a composite font:
/// codes split by its CMap, text by its ToUnicode; a code without text paints a glyph).
fn composite_ink(font: &Font, operands: &[u8], buf: &mut Vec<u8>, text: &mut String) -> usize {
    buf.clear();
    strings(operands, buf);
    let mut ink = 0;
    font.codes(buf, |code, _| {
        text.clear();
        font.push_text(code, text);
        ink += usize::from(text.is_empty() || text.chars().any(|c| !c.is_whitespace()));
    });
    ink
}

/// Streams whose `/Length` is missing or wrong come out of lopdf empty; poppler and qpdf read
/// them up to `endstream`, and so does this, for every stream of the document (content,
/// forms, fonts), so that the census and the text extraction both see them.
///
/// Returns whether a stream runs into the end of the file (no `endstream`, or a direct
/// `/Length` past the end): a file cut short.
fn repair_streams(doc: &mut Document, file: &[u8], cap: usize) -> bool {
    let mut endless = false;
    for obj in doc.objects.values_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        let Some(p) = stream
            .start_position
            .filter(|p| stream.content.is_empty() && *p < file.len())
        else {
            continue;
        };
        let past = stream
            .dict
            .get(b"Length")
            .and_then(Object::as_i64)
            .is_ok_and(|n| n > 0 && (n as u64).saturating_add(p as u64) > file.len() as u64);
        let rest = &file[p..file.len().min(p.saturating_add(cap))];
        let found = rest.windows(9).position(|w| w == b"endstream");
        // Within the cap and no `endstream` up to the end of the file: the stream was cut.
        endless |= past || (found.is_none() && p.saturating_add(cap) >= file.len());
        let end = found.unwrap_or(rest.len());
        let data = rest[..end].strip_suffix(b"\n").unwrap_or(&rest[..end]);
        let data = data.strip_suffix(b"\r").unwrap_or(data);
        if !data.is_empty() {
            stream.content = data.to_vec();
        }
    }
    endless
}

/// The last `len` bytes of `bytes` (all of them when shorter).
fn tail(bytes: &[u8], len: usize) -> &[u8] {
    &bytes[bytes.len().saturating_sub(len)..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The unsigned integer at the start of `b` after white space (at most 19 digits).
fn number_at(b: &[u8]) -> Option<u64> {
    let b = &b[b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len())..];
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).take(19).count();
    std::str::from_utf8(&b[..digits]).ok()?.parse().ok()
}

/// Whether the raw bytes show a file cut short: no `%%EOF` in the last 1,024 bytes (ISO
/// 32000-1 7.5.5; white space and NUL padding after it ignored), the last `startxref`
/// pointing at or past the end, or a linearized file shorter than its `/L` says. Bounded: a
/// look at the first and last few kilobytes.
fn cut_short(bytes: &[u8]) -> bool {
    let end = bytes
        .iter()
        .rposition(|c| !c.is_ascii_whitespace() && *c != 0)
        .map_or(0, |i| i + 1);
    let last = tail(&bytes[..end], 1024);
    let Some(eof) = rfind(last, b"%%EOF") else {
        return true;
    };
    // An update begun after the last `%%EOF` and cut before its own: objects, a
    // cross-reference section or a trailer there (junk a writer left after `%%EOF` has none).
    let after = &last[eof + 5..];
    if [&b"obj"[..], b"xref", b"trailer", b"stream", b"%PDF-"]
        .iter()
        .any(|k| find(after, k).is_some())
    {
        return true;
    }
    let len = bytes.len() as u64;
    let near = tail(&bytes[..end], 4096);
    if let Some(i) = rfind(near, b"startxref") {
        if number_at(&near[i + 9..]).is_some_and(|n| n >= len) {
            return true;
        }
    }
    // A linearized file says its own length in its first object (ISO 32000-1 F.2.2).
    let head = &bytes[..bytes.len().min(1024)];
    if let Some(i) = find(head, b"/Linearized") {
        let dict = &head[i..];
        let dict = &dict[..find(dict, b">>").unwrap_or(dict.len())];
        let mut k = 0;
        while let Some(j) = find(&dict[k..], b"/L") {
            let at = k + j + 2;
            if dict.get(at).is_some_and(|c| c.is_ascii_whitespace()) {
                return number_at(&dict[at..]).is_some_and(|n| n > len);
            }
            k = at;
        }
    }
    false
}

/// Whether the cross-reference data as read points an object at or past the end of the file
/// (a rebuilt table has only offsets found in the file).
fn points_past_end(doc: &Document, len: usize) -> bool {
    doc.reference_table.entries.values().any(
        |e| matches!(e, lopdf::xref::XrefEntry::Normal { offset, .. } if *offset as usize >= len),
    )
}

/// The decoded bytes of a content stream, within `cap` (an unfiltered stream as it is).
fn stream_data(stream: &lopdf::Stream, cap: usize) -> Option<Vec<u8>> {
    match stream.decompressed_content_with_limit(cap) {
        Ok(d) => Some(d),
        Err(_) if !stream.is_compressed() => Some(stream.content.clone()),
        Err(_) => None,
    }
}

fn page_census(doc: &Document, page: ObjectId, limits: &Limits, budget: &mut Budget) -> PageCensus {
    let mut c = PageCensus::default();
    let resources = page_resources(doc, page);
    let data = page_content(doc, page, limits, budget);
    let mut seen = HashSet::new();
    run(doc, &data, resources, &mut c, limits, budget, 0, &mut seen);
    let (visible, invisible, images) =
        (c.glyph_bytes > 0, c.invisible_bytes > 0, c.images.count > 0);
    c.kind = match (visible, images) {
        (true, true) => PageKind::Mixed,
        (true, false) => PageKind::Text,
        // Invisible text alone, or over images: an OCR layer.
        (false, _) if invisible => PageKind::Ocr,
        (false, true) => PageKind::Image,
        (false, false) => PageKind::Empty,
    };
    c
}

/// A page's content streams, decoded and joined (one stream, the common case, is not
/// copied), within the budget's bytes.
pub(super) fn page_content(
    doc: &Document,
    page: ObjectId,
    limits: &Limits,
    budget: &mut Budget,
) -> Vec<u8> {
    let mut data = Vec::new();
    for id in doc.get_page_contents(page) {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        if let Some(d) = budget.stream_data(stream, limits.stream_bytes.min(budget.bytes)) {
            budget.bytes -= d.len().min(budget.bytes);
            if data.is_empty() {
                data = d;
            } else {
                data.push(b'\n');
                data.extend_from_slice(&d);
            }
        }
        if budget.bytes == 0 {
            budget.truncated = true;
        }
    }
    data
}

/// The XObject named `name` in `resources` (`/Im1 Do`): its object number, when it is
/// indirect, and its stream.
pub(super) fn xobject<'a>(
    doc: &'a Document,
    resources: Option<&'a Dictionary>,
    name: &[u8],
) -> Option<(Option<ObjectId>, &'a lopdf::Stream)> {
    let entry = resources?
        .get_deref(b"XObject", doc)
        .ok()?
        .as_dict()
        .ok()?
        .get(name)
        .ok()?;
    let stream = doc.dereference(entry).ok()?.1.as_stream().ok()?;
    Some((entry.as_reference().ok(), stream))
}

/// A form XObject's decoded content and its own resources, if it may be entered: not deeper
/// than `limits.form_depth` and once per page (`seen`: cycles end here), within the budget.
pub(super) fn enter_form<'a>(
    doc: &'a Document,
    id: Option<ObjectId>,
    stream: &'a lopdf::Stream,
    depth: usize,
    limits: &Limits,
    budget: &mut Budget,
    seen: &mut HashSet<ObjectId>,
) -> Option<(Vec<u8>, Option<&'a Dictionary>)> {
    if depth >= limits.form_depth || id.is_some_and(|id| !seen.insert(id)) {
        return None;
    }
    let inner = budget.stream_data(stream, limits.stream_bytes.min(budget.bytes))?;
    budget.bytes -= inner.len().min(budget.bytes);
    let own = stream
        .dict
        .get_deref(b"Resources", doc)
        .and_then(Object::as_dict)
        .ok();
    Some((inner, own))
}

/// The page's resources: the nearest `/Resources` up the page tree (inherited as a whole,
/// ISO 32000-1 7.7.3.4), borrowed from the document.
pub(super) fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let (direct, ids) = doc.get_page_resources(page).ok()?;
    direct.or_else(|| ids.first().and_then(|id| doc.get_dictionary(*id).ok()))
}

#[allow(clippy::too_many_arguments)]
fn run(
    doc: &Document,
    data: &[u8],
    resources: Option<&Dictionary>,
    c: &mut PageCensus,
    limits: &Limits,
    budget: &mut Budget,
    depth: usize,
    seen: &mut HashSet<ObjectId>,
) {
    let mut state = State {
        invisible: false,
        composite: None,
    };
    let mut stack: Vec<State> = Vec::new();
    let (mut buf, mut text) = (Vec::new(), String::new());
    for op in Scanner::new(data) {
        if budget.ops == 0 {
            budget.truncated = true;
            return;
        }
        budget.ops -= 1;
        match op.operator {
            b"q" => {
                if stack.len() < 1024 {
                    stack.push(state.clone());
                }
            }
            b"Q" => {
                if let Some(s) = stack.pop() {
                    state = s;
                }
            }
            b"Tr" => state.invisible = op.number == Some(3),
            b"Tf" => {
                state.composite = op.name.and_then(|n| budget.composite(doc, resources, n));
            }
            b"Tj" | b"'" | b"\"" | b"TJ" => {
                let ink = match (&state.composite, op.text_bytes) {
                    (_, 0) => 0,
                    (Some(font), _) => composite_ink(font, op.operands, &mut buf, &mut text),
                    (None, _) => op.ink_bytes,
                };
                if ink > 0 {
                    c.text_ops += 1;
                    let n = u32::try_from(ink).unwrap_or(u32::MAX);
                    if state.invisible {
                        c.invisible_bytes = c.invisible_bytes.saturating_add(n);
                    } else {
                        c.glyph_bytes = c.glyph_bytes.saturating_add(n);
                    }
                }
            }
            b"BI" => {
                let (dict, data) = op.inline.unzip();
                let stream = dict
                    .as_ref()
                    .zip(data)
                    .map(|(d, data)| lopdf::Stream::new(d.clone(), data.to_vec()));
                let image = Image {
                    dict: dict.as_ref(),
                    stream: stream.as_ref(),
                    id: None,
                };
                count_image(doc, image, resources, &mut c.images, limits, budget);
            }
            b"Do" => {
                let Some((id, stream)) = op.name.and_then(|n| xobject(doc, resources, n)) else {
                    continue;
                };
                match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                    Ok(b"Image") => {
                        let image = Image {
                            dict: Some(&stream.dict),
                            stream: Some(stream),
                            id,
                        };
                        count_image(doc, image, resources, &mut c.images, limits, budget)
                    }
                    Ok(b"Form") => {
                        let Some((inner, own)) =
                            enter_form(doc, id, stream, depth, limits, budget, seen)
                        else {
                            continue;
                        };
                        run(
                            doc,
                            &inner,
                            own.or(resources),
                            c,
                            limits,
                            budget,
                            depth + 1,
                            seen,
                        );
                        if budget.truncated {
                            return;
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// One image painted: its dictionary, its data, and its object when it is an XObject.
struct Image<'a> {
    dict: Option<&'a Dictionary>,
    stream: Option<&'a lopdf::Stream>,
    id: Option<ObjectId>,
}

/// Counts one image painting by its color: by its color space, then by its pixels,
/// palette or JPEG header where that is cheap (`pixels`).
fn count_image(
    doc: &Document,
    image: Image,
    resources: Option<&Dictionary>,
    images: &mut ImageCensus,
    limits: &Limits,
    budget: &mut Budget,
) {
    images.count += 1;
    let Some(dict) = image.dict else { return };
    let get = |k1: &[u8], k2: &[u8]| dict.get(k1).or_else(|_| dict.get(k2)).ok();
    let mask = get(b"ImageMask", b"IM").and_then(|o| {
        if let Object::Boolean(b) = o {
            Some(*b)
        } else {
            None
        }
    });
    let bits = get(b"BitsPerComponent", b"BPC").and_then(|o| o.as_i64().ok());
    if mask == Some(true) || bits == Some(1) {
        images.bilevel += 1;
        return;
    }
    let cs = get(b"ColorSpace", b"CS");
    match cs.map(|cs| components(doc, cs, resources, 0)) {
        Some(Some(1)) => images.gray += 1,
        Some(Some(n)) => {
            let known = image.id.and_then(|id| budget.sampled.get(&id).copied());
            let sampled = match (known, cs.and_then(|cs| palette_of(doc, cs, resources))) {
                (Some(s), _) => s,
                (None, Some(lookup)) => pixels::palette(&lookup, n as usize),
                (None, None) => image.stream.map_or(Sampled::Unknown, |s| {
                    let mut left = budget.pixel_bytes.min(limits.stream_bytes);
                    let before = left;
                    let r = pixels::sample(s, n, limits.sample_pixels, &mut left);
                    budget.pixel_bytes -= before - left;
                    r
                }),
            };
            if let Some(id) = image.id {
                budget.sampled.insert(id, sampled);
            }
            match sampled {
                Sampled::Gray => images.gray += 1,
                _ => images.color += 1,
            }
            images.sampled += u32::from(sampled != Sampled::Unknown);
        }
        // JPEG 2000 carries its color space inside; without one, count it as color (the
        // common case for scans saved as JPX).
        _ => images.color += 1,
    }
}

/// The palette of an `Indexed` color space (directly or named in the resources).
fn palette_of(doc: &Document, cs: &Object, resources: Option<&Dictionary>) -> Option<Vec<u8>> {
    let (_, mut cs) = doc.dereference(cs).ok()?;
    if let Object::Name(n) = cs {
        let named = resources
            .and_then(|r| r.get_deref(b"ColorSpace", doc).ok())
            .and_then(|d| d.as_dict().ok())
            .and_then(|d| d.get(n).ok())?;
        cs = doc.dereference(named).ok()?.1;
    }
    let a = cs.as_array().ok()?;
    if !matches!(
        a.first().and_then(|o| o.as_name().ok()),
        Some(b"Indexed" | b"I")
    ) {
        return None;
    }
    match doc.dereference(a.get(3)?).ok()?.1 {
        Object::String(s, _) => Some(s.clone()),
        Object::Stream(s) => stream_data(s, 1 << 20),
        _ => None,
    }
}

/// The number of color components of a color space (1 gray, 3 RGB/Lab, 4 CMYK).
fn components(
    doc: &Document,
    cs: &Object,
    resources: Option<&Dictionary>,
    depth: usize,
) -> Option<u32> {
    if depth > 4 {
        return None;
    }
    let (_, cs) = doc.dereference(cs).ok()?;
    match cs {
        Object::Name(n) => match n.as_slice() {
            b"DeviceGray" | b"G" | b"CalGray" => Some(1),
            b"DeviceRGB" | b"RGB" | b"CalRGB" | b"Lab" => Some(3),
            b"DeviceCMYK" | b"CMYK" => Some(4),
            other => {
                // A named color space in the page resources.
                let named = resources
                    .and_then(|r| r.get_deref(b"ColorSpace", doc).ok())
                    .and_then(|d| d.as_dict().ok())
                    .and_then(|d| d.get(other).ok())?;
                components(doc, named, resources, depth + 1)
            }
        },
        Object::Array(a) => {
            let family = a.first().and_then(|o| o.as_name().ok())?;
            match family {
                b"ICCBased" => {
                    let stream = a
                        .get(1)
                        .and_then(|o| doc.dereference(o).ok())
                        .and_then(|(_, o)| o.as_stream().ok())?;
                    stream
                        .dict
                        .get(b"N")
                        .and_then(Object::as_i64)
                        .ok()
                        .map(|n| n as u32)
                }
                b"Indexed" | b"I" => components(doc, a.get(1)?, resources, depth + 1),
                b"CalGray" => Some(1),
                b"CalRGB" | b"Lab" => Some(3),
                b"Separation" | b"DeviceN" => Some(1),
                _ => None,
            }
        }
        _ => None,
    }
}

/// JavaScript anywhere (a `/JS` key or a `/S /JavaScript` action) and embedded files.
fn scan_objects(doc: &Document) -> (bool, u32) {
    let mut js = false;
    let mut files = 0u32;
    for obj in doc.objects.values() {
        let dict = match obj {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if dict.has(b"JS") || dict.get(b"S").and_then(Object::as_name).ok() == Some(b"JavaScript") {
            js = true;
        }
        if dict.has_type(b"EmbeddedFile") {
            files += 1;
        }
    }
    (js, files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    /// The file's one inflater gives what lopdf gives, stream after stream: whole, cut,
    /// corrupt, empty, at and past the cap, raw deflate (lopdf's fallback), with a predictor.
    #[test]
    fn one_inflater_decodes_as_lopdf() {
        let text: Vec<u8> = (0..5000u32)
            .flat_map(|i| format!("{i} Tj ").into_bytes())
            .collect();
        let whole = zlib(&text);
        let mut corrupt = whole.clone();
        corrupt[whole.len() / 2] ^= 0x55;
        let mut raw = vec![0x78, 0x9c];
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        d.write_all(b"BT (raw) Tj ET").unwrap();
        raw.extend(d.finish().unwrap());
        raw[1] = 0; // a bad zlib header: only raw deflate reads it
        let flate = || Object::Name(b"FlateDecode".to_vec());
        let mut params = Dictionary::new();
        params.set("Predictor", 1);
        let cases: Vec<(Vec<u8>, Vec<(&str, Object)>)> = vec![
            (whole.clone(), vec![("Filter", flate())]),
            (whole[..whole.len() / 3].to_vec(), vec![("Filter", flate())]),
            (corrupt, vec![("Filter", flate())]),
            (Vec::new(), vec![("Filter", flate())]),
            (b"not zlib at all".to_vec(), vec![("Filter", flate())]),
            (raw, vec![("Filter", Object::Array(vec![flate()]))]),
            (zlib(b"q Q"), vec![("Filter", flate())]),
            (
                whole.clone(),
                vec![
                    ("Filter", flate()),
                    ("DecodeParms", Object::Dictionary(params)),
                ],
            ),
        ];
        let mut budget = Budget::new(&Limits::default());
        for round in 0..2 {
            for (i, (data, entries)) in cases.iter().enumerate() {
                let mut dict = Dictionary::new();
                for (k, v) in entries {
                    dict.set(*k, v.clone());
                }
                let stream = lopdf::Stream::new(dict, data.clone());
                for cap in [usize::MAX >> 1, text.len(), text.len() - 1, 10, 0] {
                    assert_eq!(
                        budget.stream_data(&stream, cap),
                        stream_data(&stream, cap),
                        "round {round}, case {i}, cap {cap}"
                    );
                }
            }
        }
    }
}
