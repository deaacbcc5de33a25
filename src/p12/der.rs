//! A small reader of DER, and of the BER that PKCS#12 producers still write (NSS and some
//! Java versions: indefinite lengths, OCTET STRINGs in segments). It only splits bytes into
//! elements: every length is checked against what is left, nesting is bounded, and nothing
//! indexes without `get`, so no input can make it panic or recurse without end.

/// Deepest nesting an element may have. A certificate inside a PKCS#12 file is about 12
/// levels down; 32 leaves room and bounds the recursion of indefinite lengths.
pub const MAX_DEPTH: usize = 32;

/// Universal tags read here.
pub const BOOLEAN: u8 = 0x01;
/// INTEGER.
pub const INTEGER: u8 = 0x02;
/// BIT STRING.
pub const BIT_STRING: u8 = 0x03;
/// OCTET STRING (primitive).
pub const OCTET_STRING: u8 = 0x04;
/// OBJECT IDENTIFIER.
pub const OID: u8 = 0x06;
/// SEQUENCE (constructed).
pub const SEQUENCE: u8 = 0x30;
/// SET (constructed).
pub const SET: u8 = 0x31;

/// Why bytes are not the element expected. Callers turn it into their own error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed;

/// One element: its identifier octet, its contents, and all of its bytes (header included).
#[derive(Clone, Copy, Debug)]
pub struct Tlv<'a> {
    /// The identifier octet (class, constructed bit, tag number < 31).
    pub tag: u8,
    /// The contents octets (for an indefinite length: up to, not including, the end mark).
    pub content: &'a [u8],
    /// The whole element, header and contents (and end mark).
    pub raw: &'a [u8],
    /// How deep this element sits (0 for a top-level one).
    depth: usize,
}

impl<'a> Tlv<'a> {
    /// A reader of this element's children.
    pub fn children(&self) -> Reader<'a> {
        Reader {
            rest: self.content,
            depth: self.depth + 1,
        }
    }

    /// Whether the constructed bit is set.
    pub fn constructed(&self) -> bool {
        self.tag & 0x20 != 0
    }
}

/// Reads elements one after another from a slice.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    rest: &'a [u8],
    depth: usize,
}

impl<'a> Reader<'a> {
    /// A reader of top-level elements.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            rest: bytes,
            depth: 0,
        }
    }

    /// Whether every element has been read.
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The next element, whatever its tag.
    pub fn any(&mut self) -> Result<Tlv<'a>, Malformed> {
        if self.depth > MAX_DEPTH {
            return Err(Malformed);
        }
        let (tlv, used) = parse(self.rest, self.depth)?;
        self.rest = self.rest.get(used..).ok_or(Malformed)?;
        Ok(tlv)
    }

    /// The next element, which must have identifier `tag`.
    pub fn expect(&mut self, tag: u8) -> Result<Tlv<'a>, Malformed> {
        let t = self.any()?;
        if t.tag == tag {
            Ok(t)
        } else {
            Err(Malformed)
        }
    }

    /// The next element if it has identifier `tag` (an OPTIONAL or DEFAULT field).
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Malformed> {
        if self.rest.first() == Some(&tag) {
            self.any().map(Some)
        } else {
            Ok(None)
        }
    }

    /// A SEQUENCE's children.
    pub fn sequence(&mut self) -> Result<Reader<'a>, Malformed> {
        Ok(self.expect(SEQUENCE)?.children())
    }

    /// An OBJECT IDENTIFIER's contents octets (compared with the constants of `oid`).
    pub fn oid(&mut self) -> Result<&'a [u8], Malformed> {
        Ok(self.expect(OID)?.content)
    }

    /// An INTEGER as a u64 (iteration counts, versions). Negative or longer than 8 bytes
    /// is malformed for every use here.
    pub fn small_uint(&mut self) -> Result<u64, Malformed> {
        uint(self.expect(INTEGER)?.content)
    }

    /// An OCTET STRING's value: primitive, or constructed of segments (BER), joined.
    pub fn octets(&mut self) -> Result<Vec<u8>, Malformed> {
        let t = self.any()?;
        match t.tag {
            OCTET_STRING => Ok(t.content.to_vec()),
            0x24 => joined(&t, OCTET_STRING),
            _ => Err(Malformed),
        }
    }
}

/// The value of a string element `t` that may be primitive or constructed of `segment`
/// pieces (BER): the encrypted content of an EncryptedData is `[0] IMPLICIT OCTET STRING`.
pub fn joined(t: &Tlv<'_>, segment: u8) -> Result<Vec<u8>, Malformed> {
    if !t.constructed() {
        return Ok(t.content.to_vec());
    }
    let mut out = Vec::new();
    let mut r = t.children();
    while !r.is_empty() {
        let s = r.any()?;
        if s.tag == segment {
            out.extend_from_slice(s.content);
        } else if s.tag == segment | 0x20 {
            out.extend_from_slice(&joined(&s, segment)?);
        } else {
            return Err(Malformed);
        }
    }
    Ok(out)
}

/// An unsigned INTEGER's value, if it fits in 64 bits.
pub fn uint(content: &[u8]) -> Result<u64, Malformed> {
    match content.first() {
        None => return Err(Malformed),
        Some(b) if b & 0x80 != 0 => return Err(Malformed),
        _ => {}
    }
    let digits = match content {
        [0, rest @ ..] => rest,
        all => all,
    };
    if digits.len() > 8 {
        return Err(Malformed);
    }
    Ok(digits.iter().fold(0u64, |n, &b| (n << 8) | u64::from(b)))
}

/// Parses the element at the start of `bytes`: it and how many bytes it took.
fn parse(bytes: &[u8], depth: usize) -> Result<(Tlv<'_>, usize), Malformed> {
    let tag = *bytes.first().ok_or(Malformed)?;
    if tag & 0x1f == 0x1f {
        return Err(Malformed); // high tag numbers: never used by PKCS#12 or X.509
    }
    let first = *bytes.get(1).ok_or(Malformed)?;
    let (len, header) = match first {
        n if n < 0x80 => (Some(usize::from(n)), 2),
        0x80 => (None, 2),
        n => {
            let k = usize::from(n & 0x7f);
            if k > 4 {
                return Err(Malformed); // over 4 GB: never in a file we accept
            }
            let b = bytes.get(2..2 + k).ok_or(Malformed)?;
            let v = b.iter().fold(0usize, |v, &x| (v << 8) | usize::from(x));
            (Some(v), 2 + k)
        }
    };
    let after = bytes.get(header..).ok_or(Malformed)?;
    match len {
        Some(n) => {
            let content = after.get(..n).ok_or(Malformed)?;
            let raw = bytes.get(..header + n).ok_or(Malformed)?;
            Ok((
                Tlv {
                    tag,
                    content,
                    raw,
                    depth,
                },
                header + n,
            ))
        }
        None => {
            // Indefinite length (BER): constructed only; children up to the 00 00 end mark.
            if tag & 0x20 == 0 || depth >= MAX_DEPTH {
                return Err(Malformed);
            }
            let mut used = 0;
            loop {
                let rest = after.get(used..).ok_or(Malformed)?;
                if rest.starts_with(&[0, 0]) {
                    break;
                }
                let (_, n) = parse(rest, depth + 1)?;
                used += n;
            }
            let content = after.get(..used).ok_or(Malformed)?;
            let raw = bytes.get(..header + used + 2).ok_or(Malformed)?;
            Ok((
                Tlv {
                    tag,
                    content,
                    raw,
                    depth,
                },
                header + used + 2,
            ))
        }
    }
}

/// Dotted text of an OBJECT IDENTIFIER's contents (`2.5.4.3`); `?` for a malformed one.
pub fn oid_text(content: &[u8]) -> String {
    let mut out = String::new();
    let mut value: u64 = 0;
    let mut first = true;
    for &b in content {
        if value > (u64::MAX >> 8) {
            return "?".into();
        }
        value = (value << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if first {
                let (a, rest) = match value {
                    0..=39 => (0, value),
                    40..=79 => (1, value - 40),
                    _ => (2, value - 80),
                };
                out.push_str(&format!("{a}.{rest}"));
                first = false;
            } else {
                out.push_str(&format!(".{value}"));
            }
            value = 0;
        }
    }
    if first || content.last().is_some_and(|b| b & 0x80 != 0) {
        return "?".into();
    }
    out
}
