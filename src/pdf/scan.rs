//! A content-stream scanner for the census: operators and just enough of their operands
//! (how many bytes of text a string operand holds, the last name, the last number) without
//! building lopdf objects. Building an `Object` for every operand of every operation is what
//! made the census cost as much as a text extraction; this reads the bytes once and
//! allocates only for inline images. ISO 32000-1 7.2 (lexical conventions) and 8.9.7
//! (inline images).

use lopdf::{Dictionary, Object};

/// One operation, as the census needs it.
pub struct Op<'a> {
    /// The operator (`Tj`, `Do`, `q`…).
    pub operator: &'a [u8],
    /// Bytes of text in the string operands, arrays included (`TJ`).
    pub text_bytes: usize,
    /// Of those, the bytes that are not blank in a simple font ([`is_blank`]): what a
    /// one-byte font paints.
    pub ink_bytes: usize,
    /// The operands as written (for the census to decode the strings of a composite font:
    /// [`strings`]).
    pub operands: &'a [u8],
    /// The last name operand (`/Im1 Do`, `/F1 12 Tf`).
    pub name: Option<&'a [u8]>,
    /// The first number operand, as an integer (`3 Tr`).
    pub number: Option<i64>,
    /// For `BI … ID … EI`: the image dictionary and its data.
    pub inline: Option<(Dictionary, &'a [u8])>,
}

/// Operations of a content stream, in order; a malformed stream ends early, never panics.
pub struct Scanner<'a> {
    data: &'a [u8],
    i: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | 0)
}

/// A byte that paints nothing in a simple font's standard encodings: space, no-break space,
/// tab, line ends, form feed and NUL.
pub fn is_blank(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | 0 | 0xA0)
}

/// What a string operand holds: its bytes, the non-blank ones, and (when asked) the bytes.
#[derive(Default)]
struct Sink<'b> {
    bytes: usize,
    ink: usize,
    out: Option<&'b mut Vec<u8>>,
}

impl Sink<'_> {
    /// A run of plain bytes of a string, `ink` of them not blank.
    fn run(&mut self, run: &[u8], ink: usize) {
        self.bytes += run.len();
        self.ink += ink;
        if let Some(out) = self.out.as_mut() {
            out.extend_from_slice(run);
        }
    }

    fn push(&mut self, c: u8) {
        self.bytes += 1;
        self.ink += usize::from(!is_blank(c));
        if let Some(out) = self.out.as_mut() {
            out.push(c);
        }
    }
}

/// Appends the bytes of every string in `operands` (as [`Op::operands`] gives them) to `out`.
pub fn strings(operands: &[u8], out: &mut Vec<u8>) {
    let mut s = Scanner::new(operands);
    let mut sink = Sink {
        bytes: 0,
        ink: 0,
        out: Some(out),
    };
    while s.i < operands.len() {
        match operands[s.i] {
            b'(' => {
                s.i += 1;
                s.literal(&mut sink);
            }
            b'<' if operands.get(s.i + 1) == Some(&b'<') => s.i += 2,
            b'<' => {
                s.i += 1;
                s.hex(&mut sink);
            }
            _ => s.i += 1,
        }
    }
}

fn is_delim(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl<'a> Scanner<'a> {
    /// Scans `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Scanner { data, i: 0 }
    }

    fn skip_space(&mut self) {
        let d = self.data;
        while self.i < d.len() {
            match d[self.i] {
                c if is_space(c) => self.i += 1,
                b'%' => {
                    while self.i < d.len() && d[self.i] != b'\n' && d[self.i] != b'\r' {
                        self.i += 1;
                    }
                }
                _ => break,
            }
        }
    }

    /// A regular token (operator, number, keyword) starting at `self.i`.
    fn word(&mut self) -> &'a [u8] {
        let d = self.data;
        let start = self.i;
        while self.i < d.len() && !is_space(d[self.i]) && !is_delim(d[self.i]) {
            self.i += 1;
        }
        &d[start..self.i]
    }

    /// A literal string after its `(`, decoded into `sink`.
    fn literal(&mut self, sink: &mut Sink) {
        let d = self.data;
        let mut depth = 1usize;
        while self.i < d.len() {
            // A run of plain bytes, counted in one loop (the census's hot loop).
            let (start, mut ink) = (self.i, 0usize);
            while let Some(&c) = d.get(self.i) {
                if matches!(c, b'\\' | b'(' | b')') {
                    break;
                }
                ink += usize::from(if c > b' ' { c != 0xA0 } else { !is_blank(c) });
                self.i += 1;
            }
            sink.run(&d[start..self.i], ink);
            let Some(&c) = d.get(self.i) else { break };
            self.i += 1;
            match c {
                b'\\' => {
                    let Some(&e) = d.get(self.i) else { break };
                    self.i += 1;
                    match e {
                        b'0'..=b'7' => {
                            // Up to three octal digits are one byte.
                            let mut v = u32::from(e - b'0');
                            let mut k = 1;
                            while k < 3 {
                                let Some(&o @ b'0'..=b'7') = d.get(self.i) else {
                                    break;
                                };
                                v = v * 8 + u32::from(o - b'0');
                                self.i += 1;
                                k += 1;
                            }
                            sink.push(v as u8);
                        }
                        b'\r' => {
                            if d.get(self.i) == Some(&b'\n') {
                                self.i += 1;
                            }
                        }
                        b'\n' => {}
                        b'n' => sink.push(b'\n'),
                        b'r' => sink.push(b'\r'),
                        b't' => sink.push(b'\t'),
                        b'b' => sink.push(8),
                        b'f' => sink.push(0x0C),
                        _ => sink.push(e),
                    }
                }
                b'(' => {
                    depth += 1;
                    sink.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    sink.push(c);
                }
                _ => sink.push(c),
            }
        }
    }

    /// A hex string after its `<`, decoded into `sink` (an odd last digit is followed by 0).
    fn hex(&mut self, sink: &mut Sink) {
        let d = self.data;
        let mut high: Option<u8> = None;
        while self.i < d.len() && d[self.i] != b'>' {
            let c = d[self.i];
            self.i += 1;
            let Some(v) = (c as char).to_digit(16) else {
                continue;
            };
            match high.take() {
                Some(h) => sink.push(h << 4 | v as u8),
                None => high = Some(v as u8),
            }
        }
        if let Some(h) = high {
            sink.push(h << 4);
        }
        self.i += 1;
    }

    /// A value of an inline image dictionary (names, numbers, booleans, arrays of those;
    /// nested dictionaries are skipped).
    fn value(&mut self, depth: usize) -> Option<Object> {
        self.skip_space();
        let d = self.data;
        let c = *d.get(self.i)?;
        match c {
            b'/' => {
                self.i += 1;
                Some(Object::Name(self.word().to_vec()))
            }
            b'[' if depth < 4 => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match d.get(self.i) {
                        None => return None,
                        Some(b']') => {
                            self.i += 1;
                            return Some(Object::Array(items));
                        }
                        _ => items.push(self.value(depth + 1)?),
                    }
                    if items.len() > 64 {
                        return None;
                    }
                }
            }
            b'<' if d.get(self.i + 1) == Some(&b'<') => {
                // Skip a nested dictionary (DecodeParms), nesting counted.
                let mut level = 0usize;
                while self.i + 1 < d.len() {
                    if d[self.i] == b'<' && d[self.i + 1] == b'<' {
                        level += 1;
                        self.i += 2;
                    } else if d[self.i] == b'>' && d[self.i + 1] == b'>' {
                        level -= 1;
                        self.i += 2;
                        if level == 0 {
                            break;
                        }
                    } else {
                        self.i += 1;
                    }
                }
                Some(Object::Null)
            }
            b'(' => {
                self.i += 1;
                self.literal(&mut Sink::default());
                Some(Object::Null)
            }
            b'<' => {
                self.i += 1;
                self.hex(&mut Sink::default());
                Some(Object::Null)
            }
            _ if is_delim(c) => {
                self.i += 1;
                Some(Object::Null)
            }
            _ => {
                let w = self.word();
                Some(match w {
                    b"true" => Object::Boolean(true),
                    b"false" => Object::Boolean(false),
                    _ => match std::str::from_utf8(w)
                        .ok()
                        .and_then(|s| s.parse::<i64>().ok())
                    {
                        Some(v) => Object::Integer(v),
                        None => Object::Null,
                    },
                })
            }
        }
    }

    /// `BI` was read: the dictionary up to `ID`, then the data up to `EI`.
    fn inline_image(&mut self) -> Option<(Dictionary, &'a [u8])> {
        let mut dict = Dictionary::new();
        loop {
            self.skip_space();
            let d = self.data;
            match d.get(self.i)? {
                b'/' => {
                    self.i += 1;
                    let key = self.word().to_vec();
                    let v = self.value(0)?;
                    if dict.len() < 32 {
                        dict.set(key, v);
                    }
                }
                _ => {
                    if self.word() != b"ID" {
                        return None;
                    }
                    break;
                }
            }
        }
        // One white-space byte after ID, then data until white space + "EI" + a delimiter.
        self.i += 1;
        let d = self.data;
        let start = self.i.min(d.len());
        let mut k = start;
        while k + 2 <= d.len() {
            if d[k] == b'E'
                && d[k + 1] == b'I'
                && (k == start || is_space(d[k - 1]))
                && d.get(k + 2).is_none_or(|c| is_space(*c) || is_delim(*c))
            {
                self.i = k + 2;
                let end = if k > start { k - 1 } else { k };
                return Some((dict, &d[start..end]));
            }
            k += 1;
        }
        self.i = d.len();
        Some((dict, &d[start..]))
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Op<'a>;

    fn next(&mut self) -> Option<Op<'a>> {
        let (mut name, mut number) = (None, None);
        let mut sink = Sink::default();
        let start = self.i;
        loop {
            self.skip_space();
            let d = self.data;
            let c = *d.get(self.i)?;
            match c {
                b'(' => {
                    self.i += 1;
                    self.literal(&mut sink);
                }
                b'<' if d.get(self.i + 1) == Some(&b'<') => self.i += 2,
                b'>' if d.get(self.i + 1) == Some(&b'>') => self.i += 2,
                b'<' => {
                    self.i += 1;
                    self.hex(&mut sink);
                }
                b'/' => {
                    self.i += 1;
                    name = Some(self.word());
                }
                b'[' | b']' | b'{' | b'}' | b'>' | b')' => self.i += 1,
                b'0'..=b'9' | b'+' | b'-' | b'.' => {
                    let w = self.word();
                    if number.is_none() {
                        number = std::str::from_utf8(w).ok().and_then(|s| {
                            s.parse::<i64>()
                                .ok()
                                .or_else(|| s.parse::<f64>().ok().map(|f| f as i64))
                        });
                    }
                }
                _ => {
                    let at = self.i;
                    let operator = self.word();
                    if operator.is_empty() {
                        self.i += 1;
                        continue;
                    }
                    let inline = if operator == b"BI" {
                        self.inline_image()
                    } else {
                        None
                    };
                    return Some(Op {
                        operator,
                        text_bytes: sink.bytes,
                        ink_bytes: sink.ink,
                        operands: &d[start.min(at)..at],
                        name,
                        number,
                        inline,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(s: &[u8]) -> Vec<(String, usize, Option<String>, Option<i64>)> {
        Scanner::new(s)
            .map(|o| {
                (
                    String::from_utf8_lossy(o.operator).into_owned(),
                    o.text_bytes,
                    o.name.map(|n| String::from_utf8_lossy(n).into_owned()),
                    o.number,
                )
            })
            .collect()
    }

    #[test]
    fn operators_and_operands() {
        let got = ops(b"q 1 0 0 1 72 700 cm BT /F1 12 Tf 3 Tr (NIT \\(900\\) \\101\\n) Tj [(a) -250 <0041>] TJ (x) ' 1 2 (yz) \" ET /Im1 Do Q % comment\n");
        let want: Vec<(&str, usize, Option<&str>, Option<i64>)> = vec![
            ("q", 0, None, None),
            ("cm", 0, None, Some(1)),
            ("BT", 0, None, None),
            ("Tf", 0, Some("F1"), Some(12)),
            ("Tr", 0, None, Some(3)),
            ("Tj", 12, None, None),
            ("TJ", 3, None, Some(-250)),
            ("'", 1, None, None),
            ("\"", 2, None, Some(1)),
            ("ET", 0, None, None),
            ("Do", 0, Some("Im1"), None),
            ("Q", 0, None, None),
        ];
        let want: Vec<_> = want
            .into_iter()
            .map(|(a, b, c, d)| (a.to_owned(), b, c.map(str::to_owned), d))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn ink_and_strings() {
        let s = b"( a\\040\t\n) Tj [<20 41 a0 4>] TJ (\\101\\0) Tj";
        let ops: Vec<_> = Scanner::new(s)
            .map(|o| (o.text_bytes, o.ink_bytes))
            .collect();
        // "( a\040\t\n)": space, a, space, tab, LF: one inked; <20 41 a0 4>: 20 41 a0 40.
        assert_eq!(ops, [(5, 1), (4, 2), (2, 1)]);
        let op = Scanner::new(b"/F0 12 Tf [(a) -20 <0041>] TJ")
            .nth(1)
            .unwrap();
        let mut out = Vec::new();
        strings(op.operands, &mut out);
        assert_eq!(out, b"a\x00A");
    }

    #[test]
    fn inline_images() {
        let s = b"q BI /W 2 /H 1 /CS /RGB /BPC 8 /F [/AHx] /DP << /K -1 >> ID \x00EI\xffEIx\nEI Q";
        let mut it = Scanner::new(s);
        assert_eq!(it.next().unwrap().operator, b"q");
        let bi = it.next().unwrap();
        let (dict, data) = bi.inline.unwrap();
        assert_eq!(dict.get(b"CS").unwrap().as_name().unwrap(), b"RGB");
        assert_eq!(dict.get(b"BPC").unwrap().as_i64().unwrap(), 8);
        assert_eq!(data, b"\x00EI\xffEIx");
        assert_eq!(it.next().unwrap().operator, b"Q");
        assert!(it.next().is_none());
    }

    #[test]
    fn hostile_streams_end() {
        for s in [
            &b"((((((((("[..],
            b"<<<<<<",
            b"BI /W",
            b"BI /W 1 ID",
            b"BI /A [[[[[[[[[[[[",
            b"(\\",
            b"<4",
            b"\xff\xfe\x00 ) ] > }",
        ] {
            let _ = ops(s);
        }
        let deep = vec![b'['; 100_000];
        assert!(ops(&deep).is_empty());
    }
}
