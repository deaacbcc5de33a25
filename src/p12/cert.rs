//! What a portal checks in an X.509 certificate (subject, serial, validity, the holder's
//! identifiers in the SubjectAltName, CA or not, its public key) and the public half of a
//! private key, read with the DER reader: a full X.509 crate would triple the module.

use super::der::{self, oid_text, Malformed, Reader, Tlv};
use super::oid;

/// A moment in UTC, as a certificate states it (to the second). Ordered: earlier < later.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// Year (four digits; UTCTime's two are read as 1950–2049, RFC 5280 4.1.2.5.1).
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59 (60 for a leap second, as written).
    pub second: u8,
}

/// An attribute of a distinguished name: its type as a dotted OID (`2.5.4.3` is the common
/// name, `2.5.4.5` serialNumber, `2.5.4.97` organizationIdentifier) and its decoded text.
pub type Attribute = (String, String);

/// The fields of a certificate that a pre-check needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    /// The subject's attributes in the order written (RDNs flattened).
    pub subject: Vec<Attribute>,
    /// The issuer's attributes in the order written.
    pub issuer: Vec<Attribute>,
    /// The serial number in upper-case hex, without a sign byte (`1A2B3C4D5E6F`).
    pub serial_hex: String,
    /// Start of validity.
    pub not_before: DateTime,
    /// End of validity.
    pub not_after: DateTime,
    /// SubjectAltName otherNames: type-id (dotted OID) and the value's text. Chile's RUT of
    /// the holder is type-id `1.3.6.1.4.1.8321.1`. A value that is not a string is `#` + hex.
    pub san_other_names: Vec<(String, String)>,
    /// SubjectAltName e-mail addresses (rfc822Name).
    pub san_emails: Vec<String>,
    /// Whether basicConstraints says this is a CA certificate (one of the chain, not the
    /// holder's).
    pub is_ca: bool,
    /// The subjectPublicKey BIT STRING's bytes (for RSA, the DER of RSAPublicKey).
    pub spki_public_key: Vec<u8>,
    /// The public key's algorithm (dotted OID: `1.2.840.113549.1.1.1` RSA,
    /// `1.2.840.10045.2.1` EC).
    pub key_algorithm_oid: String,
}

/// The public half of a private key in the file, to pair it with a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivateKey {
    /// The key's algorithm (dotted OID), as in a certificate's key_algorithm_oid.
    pub algorithm_oid: String,
    /// The public key, comparable to a certificate's `spki_public_key`: for RSA the DER of
    /// RSAPublicKey (modulus, publicExponent) built from the private key; for EC the
    /// ECPrivateKey's publicKey if present; otherwise PKCS#8 v2's publicKey if present.
    pub public_key: Option<Vec<u8>>,
}

/// Reads a DER certificate.
pub fn certificate(bytes: &[u8]) -> Result<Certificate, Malformed> {
    let mut outer = Reader::new(bytes);
    let mut cert = outer.sequence()?;
    let mut tbs = cert.sequence()?;
    tbs.optional(0xa0)?; // version
    let serial = tbs.expect(der::INTEGER)?.content;
    tbs.sequence()?; // signature algorithm
    let issuer = name(tbs.expect(der::SEQUENCE)?)?;
    let mut validity = tbs.sequence()?;
    let not_before = time(validity.any()?)?;
    let not_after = time(validity.any()?)?;
    let subject = name(tbs.expect(der::SEQUENCE)?)?;
    let mut spki = tbs.sequence()?;
    let key_algorithm_oid = oid_text(spki.sequence()?.oid()?);
    let spki_public_key = bit_string(spki.expect(der::BIT_STRING)?.content)?;
    let mut c = Certificate {
        subject,
        issuer,
        serial_hex: serial_hex(serial),
        not_before,
        not_after,
        san_other_names: Vec::new(),
        san_emails: Vec::new(),
        is_ca: false,
        spki_public_key,
        key_algorithm_oid,
    };
    while !tbs.is_empty() {
        let t = tbs.any()?;
        if t.tag == 0xa3 {
            extensions(t.children().sequence()?, &mut c)?;
        }
    }
    Ok(c)
}

fn extensions(mut list: Reader<'_>, c: &mut Certificate) -> Result<(), Malformed> {
    while !list.is_empty() {
        let mut ext = list.sequence()?;
        let id = ext.oid()?;
        ext.optional(der::BOOLEAN)?; // critical
        let value = ext.expect(der::OCTET_STRING)?.content;
        match id {
            oid::SUBJECT_ALT_NAME => {
                let mut names = Reader::new(value).sequence()?;
                while !names.is_empty() {
                    let n = names.any()?;
                    match n.tag {
                        0xa0 => {
                            let mut on = n.children();
                            let type_id = oid_text(on.oid()?);
                            let v = on.expect(0xa0)?.children().any()?;
                            c.san_other_names.push((type_id, text(&v)));
                        }
                        0x81 => c.san_emails.push(latin1(n.content)),
                        _ => {}
                    }
                }
            }
            oid::BASIC_CONSTRAINTS => {
                let mut bc = Reader::new(value).sequence()?;
                if let Some(b) = bc.optional(der::BOOLEAN)? {
                    c.is_ca = b.content.iter().any(|&x| x != 0);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// A Name's attributes, RDNs flattened in order.
fn name(seq: Tlv<'_>) -> Result<Vec<Attribute>, Malformed> {
    let mut out = Vec::new();
    let mut rdns = seq.children();
    while !rdns.is_empty() {
        let mut set = rdns.expect(der::SET)?.children();
        while !set.is_empty() {
            let mut atv = set.sequence()?;
            let id = oid_text(atv.oid()?);
            out.push((id, text(&atv.any()?)));
        }
    }
    Ok(out)
}

/// The text of a string element; `#` + hex of the whole element for anything else (as
/// RFC 4514 writes values it cannot show).
pub fn text(t: &Tlv<'_>) -> String {
    let c = t.content;
    match t.tag {
        // UTF8String; invalid UTF-8 is shown with U+FFFD rather than refused.
        0x0c => String::from_utf8_lossy(c).into_owned(),
        // NumericString, PrintableString, IA5String, VisibleString: ASCII (read as Latin-1
        // so that a stray byte still shows); TeletexString: Latin-1, what CAs put there.
        0x12 | 0x13 | 0x16 | 0x1a | 0x14 => latin1(c),
        // BMPString: UTF-16BE.
        0x1e => {
            let units = c.chunks_exact(2).map(|p| match p {
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0xfffd,
            });
            char::decode_utf16(units)
                .map(|r| r.unwrap_or('\u{fffd}'))
                .collect()
        }
        // UniversalString: UTF-32BE.
        0x1c => c
            .chunks_exact(4)
            .map(|p| match p {
                [a, b, x, y] => {
                    char::from_u32(u32::from_be_bytes([*a, *b, *x, *y])).unwrap_or('\u{fffd}')
                }
                _ => '\u{fffd}',
            })
            .collect(),
        _ => {
            let mut s = String::from("#");
            s.push_str(&hex(t.raw));
            s
        }
    }
}

fn latin1(c: &[u8]) -> String {
    c.iter().map(|&b| char::from(b)).collect()
}

/// Upper-case hex.
pub fn hex(bytes: &[u8]) -> String {
    let digit = |d: u8| char::from_digit(u32::from(d), 16).map_or('?', |c| c.to_ascii_uppercase());
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(digit(b >> 4));
        s.push(digit(b & 0xf));
    }
    s
}

fn serial_hex(content: &[u8]) -> String {
    let digits = match content {
        [0, next, ..] if next & 0x80 != 0 => content.get(1..).unwrap_or_default(),
        _ => content,
    };
    hex(digits)
}

/// A BIT STRING's bytes without the unused-bits octet.
fn bit_string(content: &[u8]) -> Result<Vec<u8>, Malformed> {
    match content.split_first() {
        Some((_, rest)) => Ok(rest.to_vec()),
        None => Err(Malformed),
    }
}

/// UTCTime or GeneralizedTime, in the forms RFC 5280 allows (seconds and `Z`); fractions
/// and offsets, which some old CAs wrote, are read too.
fn time(t: Tlv<'_>) -> Result<DateTime, Malformed> {
    let s = t.content;
    let (year, rest) = match t.tag {
        0x17 => {
            let yy = digits(s, 0, 2)?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, s.get(2..))
        }
        0x18 => (digits(s, 0, 4)?, s.get(4..)),
        _ => return Err(Malformed),
    };
    let r = rest.ok_or(Malformed)?;
    let field = |i: usize, max: u16| -> Result<u8, Malformed> {
        let v = digits(r, i, 2)?;
        if v > max {
            return Err(Malformed);
        }
        u8::try_from(v).map_err(|_| Malformed)
    };
    let seconds = if r.get(8).is_some_and(u8::is_ascii_digit) {
        field(8, 60)?
    } else {
        0
    };
    let d = DateTime {
        year,
        month: field(0, 12)?,
        day: field(2, 31)?,
        hour: field(4, 23)?,
        minute: field(6, 59)?,
        second: seconds,
    };
    if d.month == 0 || d.day == 0 {
        return Err(Malformed);
    }
    Ok(d)
}

fn digits(s: &[u8], at: usize, n: usize) -> Result<u16, Malformed> {
    let d = s.get(at..at + n).ok_or(Malformed)?;
    d.iter().try_fold(0u16, |v, &c| {
        if c.is_ascii_digit() {
            Ok(v * 10 + u16::from(c - b'0'))
        } else {
            Err(Malformed)
        }
    })
}

/// Reads a PKCS#8 PrivateKeyInfo (RFC 5208/5958) and keeps only its public half.
pub fn private_key(bytes: &[u8]) -> Result<PrivateKey, Malformed> {
    let mut pki = Reader::new(bytes).sequence()?;
    pki.small_uint()?; // version
    let alg = pki.sequence()?.oid()?;
    let inner = pki.expect(der::OCTET_STRING)?.content;
    let mut v2_public = None;
    while !pki.is_empty() {
        let t = pki.any()?;
        if t.tag == 0x81 {
            v2_public = Some(bit_string(t.content)?);
        }
    }
    let public_key = match alg {
        oid::RSA | oid::RSA_PSS => {
            let mut k = Reader::new(inner).sequence()?;
            k.small_uint()?; // version
            let n = k.expect(der::INTEGER)?.raw;
            let e = k.expect(der::INTEGER)?.raw;
            let mut body = n.to_vec();
            body.extend_from_slice(e);
            Some(sequence(&body))
        }
        oid::EC => {
            let mut k = Reader::new(inner).sequence()?;
            k.small_uint()?; // version
            k.expect(der::OCTET_STRING)?;
            let mut public = None;
            while !k.is_empty() {
                let t = k.any()?;
                if t.tag == 0xa1 {
                    public = Some(bit_string(t.children().expect(der::BIT_STRING)?.content)?);
                }
            }
            public.or(v2_public)
        }
        _ => v2_public,
    };
    Ok(PrivateKey {
        algorithm_oid: oid_text(alg),
        public_key,
    })
}

/// A DER SEQUENCE around `body`.
fn sequence(body: &[u8]) -> Vec<u8> {
    let mut out = vec![der::SEQUENCE];
    let n = body.len();
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let len = n.to_be_bytes();
        let skip = len.iter().take_while(|&&b| b == 0).count();
        let digits = len.get(skip..).unwrap_or_default();
        out.push(0x80 | digits.len() as u8);
        out.extend_from_slice(digits);
    }
    out.extend_from_slice(body);
    out
}
