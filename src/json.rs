//! A minimal serde serializer to JSON text, for the results the checks return.
//!
//! Why not serde-wasm-bindgen: it builds the JS object one property at a time, one
//! JS↔wasm call per field and one UTF-8 decode per string (≈ 20 µs for an email result in
//! Node). One JSON string and one `JSON.parse` cost ≈ 1 µs. Why not serde_json: its float
//! formatting alone costs more wasm than this whole module; our numbers are counts and a
//! log10 with two decimals.

use serde::ser::{self, Serialize};
use std::fmt;

/// Whether structs are written positionally (the core module: see [`to_json`]).
const POSITIONAL: bool = cfg!(all(target_arch = "wasm32", not(feature = "files")));

/// Serializes `value` as compact JSON.
///
/// In the core module (wasm32 without `files`) the JSON is positional: a struct is written
/// as the array of its present fields' values followed by its shape (the list of its present
/// keys) — the list itself the first time this instance writes that shape, its number
/// (1, 2, … in order of first use) after that; a sequence is the array of its elements
/// followed by `0`; maps stay objects. The package rebuilds the same objects
/// (`pkg-config/instance.js` `decode`): keys are not written, crossed or parsed on each
/// call, and the only list of them is serde's. Native builds and the files module write
/// plain JSON.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut json = Json::new();
    // Our types only contain strings, numbers, booleans, options, sequences, maps and
    // structs, which never fail: an error can only come from a future type, and then the
    // partial text is still returned rather than panicking.
    let _ = value.serialize(&mut json);
    json.out
}

thread_local! {
    /// The shapes this instance has written (positional JSON): shape `n` is `SHAPES[n - 1]`.
    static SHAPES: std::cell::RefCell<Vec<Vec<&'static str>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Writes the shape of a struct with these keys: its number, or its keys the first time.
/// Keys are serde's `&'static str`s, compared by address: the same key of one type is the
/// same string, and equal keys at two addresses would only make two numbers for one list.
fn write_shape(out: &mut String, keys: &[&'static str]) {
    SHAPES.with(|s| {
        let mut s = s.borrow_mut();
        let same = |k: &Vec<&'static str>| {
            k.len() == keys.len() && k.iter().zip(keys).all(|(a, b)| std::ptr::eq(*a, *b))
        };
        match s.iter().position(same) {
            Some(i) => write_int(out, i as i64 + 1),
            None => {
                s.push(keys.to_vec());
                out.push_str("[");
                for (i, k) in keys.iter().enumerate() {
                    if i > 0 {
                        out.push_str(",");
                    }
                    write_str(out, k);
                }
                out.push_str("]");
            }
        }
    })
}

/// The (never expected) serialization error.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

struct Json {
    out: String,
    /// Positional JSON: the present keys of the structs being written, innermost last.
    keys: Vec<&'static str>,
}

impl Json {
    #[inline(never)]
    fn new() -> Json {
        Json {
            out: String::with_capacity(256),
            keys: Vec::new(),
        }
    }
}

// Single characters are written with `push_str`: `String::push` encodes the char as UTF-8
// first, which at opt-level "z" is a call per character (it was a quarter of a `checkId`
// call's time in wasm).
pub(crate) fn write_str(out: &mut String, s: &str) {
    out.push_str("\"");
    // Most strings need no escape: one copy.
    if !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        out.push_str(s);
        out.push_str("\"");
        return;
    }
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1F => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            let hex = [HEX[(b >> 4) as usize], HEX[(b & 15) as usize]];
            out.push_str(std::str::from_utf8(&hex).unwrap_or("00"));
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push_str("\"");
}

pub(crate) fn write_int(out: &mut String, n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut v = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if n < 0 {
        out.push_str("-");
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// Writes `x` with at most two decimals (trailing zeros dropped); non-finite as `null`.
pub(crate) fn write_f64(out: &mut String, x: f64) {
    if !x.is_finite() || x.abs() > 9.0e15 {
        out.push_str("null");
        return;
    }
    let hundredths = (x * 100.0).round() as i64;
    let (int, frac) = (hundredths / 100, (hundredths % 100).unsigned_abs());
    if hundredths < 0 && int == 0 {
        out.push_str("-");
    }
    write_int(out, int);
    if frac != 0 {
        let digits = [b'.', b'0' + (frac / 10) as u8, b'0' + (frac % 10) as u8];
        let n = if frac % 10 != 0 { 3 } else { 2 };
        out.push_str(std::str::from_utf8(&digits[..n]).unwrap_or(""));
    }
}

/// A sequence, map or struct being written: remembers whether a comma is due.
struct Compound<'b> {
    ser: &'b mut Json,
    first: bool,
    close: &'static str,
    /// Positional JSON: where this struct's keys start in `ser.keys`.
    start: usize,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.ser.out.push_str(",");
        }
        self.first = false;
    }
    /// Before a struct's field: its key, or in positional JSON only a note of it.
    #[inline(never)]
    fn key(&mut self, key: &'static str) {
        self.comma();
        if POSITIONAL {
            self.ser.keys.push(key);
            return;
        }
        // Keys are the fields' serde names: identifiers, nothing to escape.
        self.ser.out.push_str("\"");
        self.ser.out.push_str(key);
        self.ser.out.push_str("\":");
    }
}

type Res = Result<(), Error>;

impl<'b> ser::Serializer for &'b mut Json {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'b>;
    type SerializeTuple = Compound<'b>;
    type SerializeTupleStruct = Compound<'b>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Compound<'b>;
    type SerializeStruct = Compound<'b>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Res {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Res {
        write_int(&mut self.out, v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Res {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Res {
        self.serialize_i64(i64::try_from(v).unwrap_or(i64::MAX))
    }
    fn serialize_f32(self, v: f32) -> Res {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Res {
        write_f64(&mut self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Res {
        write_str(&mut self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Res {
        write_str(&mut self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Res {
        use ser::SerializeSeq;
        let mut s = self.serialize_seq(Some(v.len()))?;
        for b in v {
            s.serialize_element(b)?;
        }
        s.end()
    }
    fn serialize_none(self) -> Res {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Res {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Res {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Res {
        self.out.push_str("{");
        write_str(&mut self.out, variant);
        self.out.push_str(":");
        v.serialize(&mut *self)?;
        self.out.push_str("}");
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        self.out.push_str("[");
        let start = self.keys.len();
        Ok(Compound {
            ser: self,
            first: true,
            close: "]",
            start,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(ser::Error::custom("tuple variants are not used"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        self.out.push_str("{");
        let start = self.keys.len();
        Ok(Compound {
            ser: self,
            first: true,
            close: "}",
            start,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Self::SerializeStruct, Error> {
        if POSITIONAL {
            self.serialize_seq(Some(len))
        } else {
            self.serialize_map(Some(len))
        }
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(ser::Error::custom("struct variants are not used"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        self.comma();
        v.serialize(&mut *self.ser)
    }
    fn end(mut self) -> Res {
        if POSITIONAL {
            // A sequence ends with 0: never a shape.
            self.comma();
            self.ser.out.push_str("0");
        }
        self.ser.out.push_str(self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Res {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Res {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
        // Keys are strings in every map we write.
        self.comma();
        key.serialize(&mut *self.ser)?;
        self.ser.out.push_str(":");
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        v.serialize(&mut *self.ser)
    }
    fn end(self) -> Res {
        self.ser.out.push_str("}");
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Res {
        self.key(key);
        v.serialize(&mut *self.ser)
    }
    fn skip_field(&mut self, _: &'static str) -> Res {
        Ok(())
    }
    fn end(mut self) -> Res {
        if POSITIONAL {
            // The values, then the shape: the keys present, in order.
            self.comma();
            let ser = &mut *self.ser;
            write_shape(&mut ser.out, &ser.keys[self.start..]);
            ser.keys.truncate(self.start);
            ser.out.push_str("]");
        } else {
            self.ser.out.push_str("}");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::{check_email, EmailOptions};
    use crate::password::{check_password, PasswordOptions, Policy, PolicyName};

    #[test]
    fn same_value_as_serde_json() {
        let inputs = [
            "ana@gmail.con",
            "a\"b\\c\n\u{1}@x.co",
            "dguerrero@di\u{627}\u{646}.gov.co",
            "",
            "ok@x.co",
        ];
        for v in inputs {
            let r = check_email(v, &EmailOptions::default());
            let ours: serde_json::Value = serde_json::from_str(&to_json(&r)).expect("valid JSON");
            assert_eq!(ours, serde_json::to_value(&r).unwrap(), "{v:?}");
        }
        let opts = PasswordOptions {
            policy: Policy::Named(PolicyName::Gse),
            confirmation: Some("x".into()),
            personal: vec!["Ana".into()],
            lang: Default::default(),
            field: Some("pw".into()),
            skip_messages: false,
        };
        let r = check_password("Ana#2024colombia", &opts).unwrap();
        let ours: serde_json::Value = serde_json::from_str(&to_json(&r)).unwrap();
        let theirs = serde_json::to_value(&r).unwrap();
        assert_eq!(ours["rules"], theirs["rules"]);
        assert_eq!(ours["findings"], theirs["findings"]);
        let g = ours["strength"]["guessesLog10"].as_f64().unwrap();
        assert!((g - r.strength.guesses_log10).abs() < 0.006);
    }

    #[test]
    fn numbers() {
        let mut s = String::new();
        for x in [0.0, 1.5, -0.25, 12.0, 4.56789, f64::NAN, -3.0] {
            write_f64(&mut s, x);
            s.push(' ');
        }
        assert_eq!(s, "0 1.5 -0.25 12 4.57 null -3 ");
    }
}
