//! Options given as JSON text: the package passes a check's options as
//! `JSON.stringify(options)`, one string crossing into wasm, instead of one `Reflect.get` per
//! key (≈ 0.45 µs each, the larger part of a check's cost; ARCHITECTURE.md). A small reader,
//! bounded in depth and size, for the shapes options have: objects, arrays, strings, whole
//! numbers and booleans (a number with a fraction or an exponent is kept as "not whole", so
//! that no float parser enters the module).

use crate::checks::{Misuse, OptionSource, Prop};

/// A JSON value as options hold them.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number: whole, or `NaN` for one with a fraction or an exponent.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, its members in order.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// Overwrites every string before it is freed: options may hold a secret (a password's
    /// confirmation).
    pub fn wipe(&mut self) {
        match self {
            Json::Str(s) => crate::wipe::string(s),
            Json::Arr(items) => items.iter_mut().for_each(Json::wipe),
            Json::Obj(members) => {
                for (k, v) in members {
                    crate::wipe::string(k);
                    v.wipe();
                }
            }
            Json::Null | Json::Bool(_) | Json::Num(_) => {}
        }
    }
}

/// Deeper than this is not an options object.
const MAX_DEPTH: usize = 16;
/// Longer than this is not an options object (1 MB: a long `personal` list fits).
const MAX_LEN: usize = 1 << 20;

/// Parses `text`; `None` when it is not JSON (or is deeper or longer than options are).
pub fn parse(text: &str) -> Option<Json> {
    if text.len() > MAX_LEN {
        return None;
    }
    let mut p = Parser {
        b: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    (p.i == p.b.len()).then_some(v)
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }
    fn eat(&mut self, s: &[u8]) -> bool {
        let ok = self.b.get(self.i..self.i + s.len()) == Some(s);
        if ok {
            self.i += s.len();
        }
        ok
    }
    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.eat(b"}") {
                    return Some(Json::Obj(members));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    self.ws();
                    if !self.eat(b":") {
                        return None;
                    }
                    members.push((key, self.value(depth + 1)?));
                    self.ws();
                    if self.eat(b"}") {
                        return Some(Json::Obj(members));
                    }
                    if !self.eat(b",") {
                        return None;
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b"]") {
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b"]") {
                        return Some(Json::Arr(items));
                    }
                    if !self.eat(b",") {
                        return None;
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.eat(b"true").then_some(Json::Bool(true)),
            b'f' => self.eat(b"false").then_some(Json::Bool(false)),
            b'n' => self.eat(b"null").then_some(Json::Null),
            _ => self.number(),
        }
    }
    fn number(&mut self) -> Option<Json> {
        let negative = self.eat(b"-");
        let start = self.i;
        let mut n: f64 = 0.0;
        while let Some(d @ b'0'..=b'9') = self.b.get(self.i).copied() {
            n = n * 10.0 + f64::from(d - b'0');
            self.i += 1;
        }
        if self.i == start {
            return None;
        }
        let mut whole = true;
        if self.eat(b".") {
            whole = false;
            let digits = self.i;
            while matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
                self.i += 1;
            }
            if self.i == digits {
                return None;
            }
            // `JSON.stringify(2.0)` is "2": a fraction here is never all zeros.
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            whole = false;
            self.i += 1;
            let _ = self.eat(b"+") || self.eat(b"-");
            let digits = self.i;
            while matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
                self.i += 1;
            }
            if self.i == digits {
                return None;
            }
        }
        Some(Json::Num(match (whole, negative) {
            (false, _) => f64::NAN,
            (true, true) => -n,
            (true, false) => n,
        }))
    }
    fn string(&mut self) -> Option<String> {
        if !self.eat(b"\"") {
            return None;
        }
        let mut out = String::new();
        loop {
            let start = self.i;
            while !matches!(self.b.get(self.i), Some(b'"' | b'\\') | None) {
                self.i += 1;
            }
            // The input is a &str and the stops are ASCII: these are char boundaries.
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).ok()?);
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                _ => {
                    // A backslash: one escape.
                    let e = *self.b.get(self.i + 1)?;
                    self.i += 2;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode()?,
                        _ => return None,
                    };
                    out.push(c);
                }
            }
        }
    }
    /// The character of a `\uXXXX` escape (its digits next), joining a surrogate pair; a
    /// lone surrogate becomes U+FFFD, as JS strings allow one.
    fn unicode(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) && self.b.get(self.i..self.i + 2) == Some(b"\\u") {
            let save = self.i;
            self.i += 2;
            match self.hex4() {
                Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                    return char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
                }
                _ => self.i = save,
            }
        }
        Some(char::from_u32(hi).unwrap_or('\u{FFFD}'))
    }
    /// Four hex digits; leaves `i` after them.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.i..self.i + 4)?;
        let mut v = 0;
        for &d in digits {
            v = v * 16 + (d as char).to_digit(16)?;
        }
        self.i += 4;
        Some(v)
    }
}

/// An options object read from [`Json`]: the package's [`OptionSource`].
pub struct JsonOptions<'a> {
    members: &'a [(String, Json)],
    path: String,
}

impl<'a> JsonOptions<'a> {
    /// `value` as the options object called `path`: `Null` is no options; anything but an
    /// object is misuse.
    pub fn new(value: &'a Json, path: &str) -> Result<JsonOptions<'a>, Misuse> {
        match value {
            Json::Null => Ok(JsonOptions {
                members: &[],
                path: path.into(),
            }),
            Json::Obj(members) => Ok(JsonOptions {
                members,
                path: path.into(),
            }),
            _ => Err(Misuse(crate::text::cat(&[path, " must be an object"]))),
        }
    }
    fn get(&self, key: &str) -> Option<&'a Json> {
        // The last of duplicate keys wins, as in `JSON.parse`; `null` is absent.
        self.members
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null)
    }
}

impl OptionSource for JsonOptions<'_> {
    fn path(&self) -> &str {
        &self.path
    }
    fn string(&self, key: &str) -> Result<Option<String>, Misuse> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Str(s)) => Ok(Some(s.clone())),
            Some(_) => Err(Misuse::bad(&self.path, key, "a string")),
        }
    }
    fn strings(&self, key: &str) -> Result<Vec<String>, Misuse> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Json::Arr(items)) => items
                .iter()
                .map(|v| match v {
                    Json::Str(s) => Ok(s.clone()),
                    _ => Err(Misuse::bad(&self.path, key, "an array of strings")),
                })
                .collect(),
            Some(_) => Err(Misuse::bad(&self.path, key, "an array of strings")),
        }
    }
    fn boolean(&self, key: &str) -> Result<bool, Misuse> {
        match self.get(key) {
            None => Ok(false),
            Some(Json::Bool(b)) => Ok(*b),
            Some(_) => Err(Misuse::bad(&self.path, key, "a boolean")),
        }
    }
    fn number(&self, key: &str) -> Result<Option<f64>, Misuse> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Num(n)) => Ok(Some(*n)),
            Some(_) => Err(Misuse::bad(&self.path, key, "a number")),
        }
    }
    fn prop(&self, key: &str) -> Result<Prop<'_>, Misuse> {
        Ok(match self.get(key) {
            None => Prop::Absent,
            Some(Json::Str(s)) => Prop::Text(s.clone()),
            Some(v @ Json::Obj(_)) => Prop::Object(Box::new(JsonOptions::new(
                v,
                &crate::text::cat(&[&self.path, ".", key]),
            )?)),
            Some(_) => Prop::Other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_json_stringify_writes() {
        let v = parse(r#"{"kind":"co.nit","n":12,"neg":-3,"f":1.5,"e":1e3,"ok":true,"l":["a","\u00f1\n\"x"],"o":{"p":null},"s":"\ud83d\ude00"}"#).unwrap();
        let Json::Obj(m) = &v else { panic!() };
        assert_eq!(m[0], ("kind".into(), Json::Str("co.nit".into())));
        assert_eq!(m[1].1, Json::Num(12.0));
        assert_eq!(m[2].1, Json::Num(-3.0));
        assert!(matches!(m[3].1, Json::Num(n) if n.is_nan()));
        assert!(matches!(m[4].1, Json::Num(n) if n.is_nan()));
        assert_eq!(
            m[6].1,
            Json::Arr(vec![Json::Str("a".into()), Json::Str("ñ\n\"x".into())])
        );
        assert_eq!(m[8].1, Json::Str("😀".into()));
        assert_eq!(parse(" null "), Some(Json::Null));
    }

    #[test]
    fn refuses_what_is_not_options_without_panicking() {
        for bad in [
            "",
            "{",
            "{\"a\"}",
            "[1,]",
            "\"\\u12\"",
            "tru",
            "-",
            "1.",
            "{\"a\":1,}",
            "\"\\",
            "\"\\u",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(parse(&"[".repeat(100_000)), None, "too deep");
        assert!(
            parse(&format!("\"{}\"", "a".repeat(2 << 20))).is_none(),
            "too long"
        );
        // Every prefix of a valid text is answered without panicking.
        let text = r#"{"a":[1,-2,3.5e-1,"x\u00e9\ud83d\ude00"],"b":{"c":true}}"#;
        for end in 0..text.len() {
            if text.is_char_boundary(end) {
                let _ = parse(&text[..end]);
            }
        }
    }

    #[test]
    fn reads_options() {
        let v = parse(
            r#"{"lang":"en","field":"x","list":["a"],"n":3,"b":true,"nested":{"k":"v"},"bad":5}"#,
        )
        .unwrap();
        let o = JsonOptions::new(&v, "options").unwrap();
        assert_eq!(o.string("lang").unwrap().as_deref(), Some("en"));
        assert_eq!(o.strings("list").unwrap(), ["a"]);
        assert_eq!(o.number("n").unwrap(), Some(3.0));
        assert!(o.boolean("b").unwrap());
        assert!(matches!(o.prop("nested").unwrap(), Prop::Object(_)));
        assert_eq!(
            o.string("bad").unwrap_err().0,
            "options.bad must be a string"
        );
        assert!(JsonOptions::new(&Json::Num(3.0), "options").is_err());
    }
}
