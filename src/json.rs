//! A minimal serde serializer to JSON text, for the results the checks return.
//!
//! Why not serde-wasm-bindgen: it builds the JS object one property at a time, one
//! JS↔wasm call per field and one UTF-8 decode per string (≈ 20 µs for an email result in
//! Node). One JSON string and one `JSON.parse` cost ≈ 1 µs. Why not serde_json: its float
//! formatting alone costs more wasm than this whole module; our numbers are counts and a
//! log10 with two decimals.

use serde::ser::{self, Serialize};
use std::fmt;

/// Serializes `value` as compact JSON.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = String::with_capacity(1024);
    // Our types only contain strings, numbers, booleans, options, sequences, maps and
    // structs, which never fail: an error can only come from a future type, and then the
    // partial text is still returned rather than panicking.
    let _ = value.serialize(&mut Json { out: &mut out });
    out
}

/// The (never expected) serialization error. Its message is not kept: formatting it would
/// bring `core::fmt` into the writer for an error no type of ours makes.
#[derive(Debug)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value JSON cannot hold")
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Error
    }
}

struct Json<'a> {
    out: &'a mut String,
}

// The primitives of the hot path are crates/json-out's, built for speed (Cargo.toml); the
// escapes and numbers, rarer, stay here at opt-level "z".
pub(crate) fn write_str(out: &mut String, s: &str) {
    // Most strings need no escape: one copy, at json-out's opt-level.
    if json_out::plain_str(out, s) {
        return;
    }
    json_out::push(out, "\"");
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
        json_out::push(out, &s[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            json_out::push(out, "\\u00");
            let hex = [HEX[(b >> 4) as usize], HEX[(b & 15) as usize]];
            json_out::push(out, std::str::from_utf8(&hex).unwrap_or("00"));
        } else {
            json_out::push(out, esc);
        }
        start = i + 1;
    }
    json_out::push(out, &s[start..]);
    json_out::push(out, "\"");
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
        json_out::push(out, "-");
    }
    json_out::push(out, std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

/// Writes `x` with at most two decimals (trailing zeros dropped); non-finite as `null`.
pub(crate) fn write_f64(out: &mut String, x: f64) {
    if !x.is_finite() || x.abs() > 9.0e15 {
        json_out::push(out, "null");
        return;
    }
    let hundredths = (x * 100.0).round() as i64;
    let (int, frac) = (hundredths / 100, (hundredths % 100).unsigned_abs());
    if hundredths < 0 && int == 0 {
        json_out::push(out, "-");
    }
    write_int(out, int);
    if frac != 0 {
        let digits = [b'.', b'0' + (frac / 10) as u8, b'0' + (frac % 10) as u8];
        let n = if frac % 10 != 0 { 3 } else { 2 };
        json_out::push(out, std::str::from_utf8(&digits[..n]).unwrap_or(""));
    }
}

/// A sequence, map or struct being written: remembers whether a comma is due.
struct Compound<'a, 'b> {
    ser: &'b mut Json<'a>,
    first: bool,
    close: &'static str,
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        json_out::comma(self.ser.out, &mut self.first);
    }
    fn key(&mut self, key: &str) {
        json_out::key(self.ser.out, &mut self.first, key);
    }
}

type Res = Result<(), Error>;

impl<'a, 'b> ser::Serializer for &'b mut Json<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Compound<'a, 'b>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Res {
        json_out::push(self.out, if v { "true" } else { "false" });
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
        write_int(self.out, v);
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
        write_f64(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Res {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Res {
        write_str(self.out, v);
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
        json_out::push(self.out, "null");
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
        json_out::push(self.out, "{");
        write_str(self.out, variant);
        json_out::push(self.out, ":");
        v.serialize(&mut *self)?;
        json_out::push(self.out, "}");
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        json_out::push(self.out, "[");
        Ok(Compound {
            ser: self,
            first: true,
            close: "]",
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
        json_out::push(self.out, "{");
        Ok(Compound {
            ser: self,
            first: true,
            close: "}",
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Self::SerializeStruct, Error> {
        self.serialize_map(Some(len))
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

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        self.comma();
        v.serialize(&mut *self.ser)
    }
    fn end(self) -> Res {
        json_out::push(self.ser.out, self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Res {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Res {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Res {
        // Keys are strings in every map we write.
        self.comma();
        key.serialize(&mut *self.ser)?;
        json_out::push(self.ser.out, ":");
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        v.serialize(&mut *self.ser)
    }
    fn end(self) -> Res {
        json_out::push(self.ser.out, "}");
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Res {
        self.key(key);
        v.serialize(&mut *self.ser)
    }
    fn skip_field(&mut self, _: &'static str) -> Res {
        Ok(())
    }
    fn end(self) -> Res {
        json_out::push(self.ser.out, "}");
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
