//! `extractPdfText`: the text of the pages a check needs, in content order, one string per
//! page. Built on lopdf 0.47's parser and our own font decoding ([`super::font`]), not on
//! pdf-extract: the README ("Why not pdf-extract as it comes") has the measurements.
//!
//! Words are separated the way a reader sees them: a new line when the baseline moves, a
//! space when the pen jumps further than a fraction of an em past the end of the previous
//! string (widths from `/Widths` or `/W`), or when a `TJ` adjustment opens a gap. All four
//! text-showing operators are read (`Tj`, `TJ`, `'`, `"`; pdf-extract 0.12 drops the last
//! two). Bounded like the census: operations, inflated bytes, form depth, characters.

use super::font::Font;
use super::inspect::{enter_form, page_content, page_resources, xobject, Budget, Limits};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// What [`extract_text`] returns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PdfText {
    /// The text of each page asked for, in the order asked (all pages when none were
    /// named); a page that does not exist gives an empty string.
    pub pages: Vec<String>,
    /// Whether `maxChars` or a resource limit cut the text short.
    pub truncated: bool,
}

/// Which text `extractPdfText(data, options)` reads.
#[derive(Clone, Debug, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TextOptions {
    /// 1-based page numbers, in the order wanted (default: every page).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub pages: Option<Vec<u32>>,
    /// Characters in all, at most (default 10,000,000); `truncated` tells when it cut.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_chars: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            pages: None,
            max_chars: 10_000_000,
        }
    }
}

/// A 2-D affine matrix `[a b c d e f]` (ISO 32000-1 8.3.4).
#[derive(Clone, Copy, Debug)]
struct M([f32; 6]);

const ID: M = M([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

impl M {
    /// `self × other`.
    fn mul(self, o: M) -> M {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = o.0;
        M([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }
    fn translate(tx: f32, ty: f32) -> M {
        M([1.0, 0.0, 0.0, 1.0, tx, ty])
    }
    fn of(ops: &[Object]) -> Option<M> {
        let mut m = [0.0; 6];
        for (k, o) in ops.iter().take(6).enumerate() {
            m[k] = o.as_float().ok().filter(|v| v.is_finite())?;
        }
        (ops.len() >= 6).then_some(M(m))
    }
    /// How much the matrix scales a length (the square root of its determinant).
    fn scale(self) -> f32 {
        let [a, b, c, d, ..] = self.0;
        (a * d - b * c).abs().sqrt()
    }
}

/// The graphics and text state that placing words needs.
#[derive(Clone, Copy)]
struct Gs {
    ctm: M,
    font: Option<usize>,
    size: f32,
    char_space: f32,
    word_space: f32,
    h_scale: f32,
    leading: f32,
}

/// Text extraction of one document, with the fonts read once.
pub struct Extractor<'d> {
    doc: &'d Document,
    limits: Limits,
    fonts: Vec<Rc<Font>>,
    by_id: HashMap<ObjectId, usize>,
    /// Characters still allowed.
    chars_left: usize,
    /// Whether text was left out for want of characters.
    cut: bool,
    /// Bytes the fonts' CMaps may still inflate to, for the whole file.
    cmap_bytes: usize,
    /// Mappings and widths the fonts of the file may still hold.
    entries_left: usize,
    budget: Budget,
}

impl<'d> Extractor<'d> {
    pub(super) fn new(doc: &'d Document, limits: Limits, max_chars: usize) -> Self {
        Extractor {
            doc,
            limits,
            fonts: Vec::new(),
            by_id: HashMap::new(),
            chars_left: max_chars,
            cut: false,
            cmap_bytes: 16 << 20,
            entries_left: 2_000_000,
            budget: Budget::new(&limits),
        }
    }

    /// Whether a limit or the character budget cut text short.
    pub(super) fn truncated(&self) -> bool {
        self.budget.truncated || self.cut
    }

    /// The text of one page.
    pub(super) fn page(&mut self, page: ObjectId) -> String {
        let mut out = Walk::default();
        if self.cut || self.budget.truncated {
            return String::new();
        }
        let doc = self.doc;
        let resources = page_resources(doc, page);
        let data = page_content(doc, page, &self.limits, &mut self.budget);
        let mut seen = HashSet::new();
        let gs = Gs {
            ctm: ID,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            h_scale: 1.0,
            leading: 0.0,
        };
        self.run(&data, resources, gs, &mut out, 0, &mut seen);
        finish(out.text)
    }

    /// The font named `name` in `resources`, read once per document.
    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<usize> {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| r.get_deref(b"Font", doc).ok())
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| f.get(name).ok())?;
        let id = entry.as_reference().ok();
        if let Some(i) = id.and_then(|id| self.by_id.get(&id)) {
            return Some(*i);
        }
        let dict = doc.dereference(entry).ok()?.1.as_dict().ok()?;
        // A font with thousands of copies (a generator that writes one per string, or
        // many fonts sharing one huge CMap or width table) would otherwise be read again and
        // again: stop reading new fonts past a count and past a total of entries.
        if self.fonts.len() >= 4096 || self.entries_left == 0 {
            return None;
        }
        let font = Font::load(doc, dict, &mut self.cmap_bytes);
        self.entries_left = self.entries_left.saturating_sub(font.entries());
        self.fonts.push(Rc::new(font));
        let i = self.fonts.len() - 1;
        if let Some(id) = id {
            self.by_id.insert(id, i);
        }
        Some(i)
    }

    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&Dictionary>,
        mut gs: Gs,
        out: &mut Walk,
        depth: usize,
        seen: &mut HashSet<ObjectId>,
    ) {
        let doc = self.doc;
        let mut stack: Vec<Gs> = Vec::new();
        let (mut tm, mut tlm) = (ID, ID);
        for op in Content::decode_iter(data) {
            let Ok(op) = op else { break };
            if self.budget.ops == 0 {
                self.budget.truncated = true;
                return;
            }
            if self.cut {
                return;
            }
            self.budget.ops -= 1;
            let num = |k: usize| {
                op.operands
                    .get(k)
                    .and_then(|o| o.as_float().ok())
                    .filter(|v| v.is_finite())
                    .unwrap_or(0.0)
            };
            match op.operator.as_str() {
                "q" => {
                    if stack.len() < 1024 {
                        stack.push(gs);
                    }
                }
                "Q" => gs = stack.pop().unwrap_or(gs),
                "cm" => {
                    if let Some(m) = M::of(&op.operands) {
                        gs.ctm = m.mul(gs.ctm);
                    }
                }
                "BT" => (tm, tlm) = (ID, ID),
                "Tf" => {
                    gs.size = num(1);
                    gs.font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| self.font(resources, n));
                }
                "Tc" => gs.char_space = num(0),
                "Tw" => gs.word_space = num(0),
                "Tz" => gs.h_scale = num(0) / 100.0,
                "TL" => gs.leading = num(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        gs.leading = -num(1);
                    }
                    tlm = M::translate(num(0), num(1)).mul(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = M::of(&op.operands) {
                        (tm, tlm) = (m, m);
                    }
                }
                "T*" => {
                    tlm = M::translate(0.0, -gs.leading).mul(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator == "\"" {
                        gs.word_space = num(0);
                        gs.char_space = num(1);
                    }
                    if op.operator != "Tj" && op.operator != "TJ" {
                        tlm = M::translate(0.0, -gs.leading).mul(tlm);
                        tm = tlm;
                    }
                    let font = gs.font.map(|i| Rc::clone(&self.fonts[i]));
                    let Some(font) = font else { continue };
                    for o in &op.operands {
                        match o {
                            Object::String(s, _) => {
                                self.show(&font, s, &gs, &mut tm, out);
                            }
                            Object::Array(a) => {
                                for e in a {
                                    match e {
                                        Object::String(s, _) => {
                                            self.show(&font, s, &gs, &mut tm, out)
                                        }
                                        Object::Integer(_) | Object::Real(_) => {
                                            let adj = e.as_float().unwrap_or(0.0);
                                            if !adj.is_finite() {
                                                continue;
                                            }
                                            // A gap of more than a fifth of an em is a word break.
                                            if adj < -200.0 && self.chars_left > 0 {
                                                let n = out.text.len();
                                                out.space();
                                                if out.text.len() > n {
                                                    self.chars_left -= 1;
                                                }
                                            }
                                            let tx = -adj / 1000.0 * gs.size * gs.h_scale;
                                            tm = M::translate(tx, 0.0).mul(tm);
                                            out.moved_to(tm.mul(gs.ctm));
                                        }
                                        _ => {}
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "Do" => {
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    let Some((id, stream)) = name.and_then(|n| xobject(doc, resources, n)) else {
                        continue;
                    };
                    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
                        continue;
                    }
                    let entered =
                        enter_form(doc, id, stream, depth, &self.limits, &mut self.budget, seen);
                    let Some((inner, own)) = entered else {
                        continue;
                    };
                    let mut inner_gs = gs;
                    if let Some(m) = stream
                        .dict
                        .get_deref(b"Matrix", doc)
                        .ok()
                        .and_then(|m| m.as_array().ok())
                        .and_then(|m| M::of(m))
                    {
                        inner_gs.ctm = m.mul(gs.ctm);
                    }
                    self.run(&inner, own.or(resources), inner_gs, out, depth + 1, seen);
                    if self.budget.truncated {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Shows one string: its text into `out`, the pen advanced by its width.
    fn show(&mut self, font: &Font, s: &[u8], gs: &Gs, tm: &mut M, out: &mut Walk) {
        if self.chars_left == 0 {
            self.cut |= !s.is_empty();
            return;
        }
        let start = tm.mul(gs.ctm);
        // What `begin` writes (a space, a new line) counts against maxChars too.
        let before = out.text.len();
        out.begin(start, gs.size * start.scale());
        // `begin` may have trimmed spaces before a new line.
        let before = before.min(out.text.len());
        let mut advance = 0.0f32;
        font.codes(s, |code, one_byte| {
            font.push_text(code, &mut out.text);
            let mut w = font.width(code) / 1000.0 * gs.size + gs.char_space;
            if one_byte && code == 32 {
                w += gs.word_space;
            }
            advance += w * gs.h_scale;
        });
        *tm = M::translate(advance, 0.0).mul(*tm);
        out.end = Some(tm.mul(gs.ctm));
        let added = out.text[before..].chars().count();
        if added > self.chars_left {
            // Cut at the budget, on a character boundary.
            let keep = out.text[before..]
                .char_indices()
                .nth(self.chars_left)
                .map_or(out.text.len(), |(i, _)| before + i);
            out.text.truncate(keep);
            self.chars_left = 0;
            self.cut = true;
        } else {
            self.chars_left -= added;
        }
    }
}

/// Text being written for one page, and where the pen was.
#[derive(Default)]
struct Walk {
    text: String,
    /// Where the last string ended (user space) and the size of its text there.
    end: Option<M>,
    size: f32,
}

impl Walk {
    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.text.push(' ');
        }
    }

    /// A `TJ` step: remember the pen, so the next string is not taken for a jump.
    fn moved_to(&mut self, at: M) {
        if self.end.is_some() {
            self.end = Some(at);
        }
    }

    /// A string starts at `at`: a new line when the baseline moved, a space when the pen
    /// jumped forward (or back) past a word gap.
    fn begin(&mut self, at: M, size: f32) {
        let size = if size.is_finite() && size > 0.0 {
            size
        } else {
            1.0
        };
        if let Some(end) = self.end {
            let (dx, dy) = (at.0[4] - end.0[4], at.0[5] - end.0[5]);
            if dy.abs() > 0.5 * size.max(self.size) {
                if !self.text.is_empty() && !self.text.ends_with('\n') {
                    let trimmed = self.text.trim_end_matches(' ').len();
                    self.text.truncate(trimmed);
                    self.text.push('\n');
                }
            } else if dx > 0.15 * size || dx < -size {
                self.space();
            }
        }
        self.size = size;
    }
}

/// The page text without trailing white space (ligatures and no-break spaces were
/// spelled out as the text was decoded, so that `maxChars` counts what is returned).
fn finish(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    text
}

/// The text of `bytes` with the default [`Limits`].
pub fn extract_text(bytes: &[u8], options: &TextOptions) -> PdfText {
    extract_text_with(bytes, options, Limits::default())
}

/// The text of `bytes`: nothing for a file that is not a PDF or needs a password.
pub fn extract_text_with(bytes: &[u8], options: &TextOptions, limits: Limits) -> PdfText {
    let Some(doc) = super::inspect::open(bytes, limits).doc else {
        return PdfText::default();
    };
    text_of(&doc, options, limits)
}

/// The text of the pages `options` names, from an open document.
fn text_of(doc: &Document, options: &TextOptions, limits: Limits) -> PdfText {
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    let wanted: Vec<u32> = match &options.pages {
        Some(p) => p.iter().copied().take(limits.pages).collect(),
        None => (1..=pages.len().min(limits.pages) as u32).collect(),
    };
    let mut ex = Extractor::new(doc, limits, options.max_chars);
    let mut out = PdfText::default();
    for n in wanted {
        let text = match n.checked_sub(1).and_then(|i| pages.get(i as usize)) {
            Some(&id) => ex.page(id),
            None => String::new(),
        };
        out.pages.push(text);
    }
    out.truncated = ex.truncated() || (options.pages.is_none() && pages.len() > limits.pages);
    out
}
