//! Options given as JSON text: the package passes a check's options as
//! `JSON.stringify(options)`, one string crossing into wasm, instead of one `Reflect.get` per
//! key (≈ 0.45 µs each, more than most checks; ARCHITECTURE.md). The text is validated once,
//! without allocating, then each option is found by scanning it: nothing is built but the
//! values a check reads. Bounded in depth and size; numbers are read as whole numbers (one
//! with a fraction or an exponent is "not whole"), so no float parser enters the module.

use crate::checks::{Misuse, OptionSource, Prop};
use std::borrow::Cow;

/// Deeper than this is not an options object.
const MAX_DEPTH: usize = 16;
/// Longer than this is not an options object (1 MB: a long `personal` list fits).
const MAX_LEN: usize = 1 << 20;

/// An options object read from JSON text: the core module's [`OptionSource`].
pub struct JsonOptions<'a> {
    /// The object's members: each key's literal (`"…"`) and its value's text, validated; in
    /// order, so that the last of a repeated key wins, as in `JSON.parse`.
    members: Vec<(&'a str, &'a str)>,
    path: Cow<'a, str>,
}

impl<'a> JsonOptions<'a> {
    /// The options in `text` (empty or `null`: none), called `path` in errors; misuse when
    /// the text is not JSON or not an object.
    pub fn new(text: &'a str, path: &'a str) -> Result<JsonOptions<'a>, Misuse> {
        let bad = || Misuse(crate::text::cat(&[path, " must be an object"]));
        if text.len() > MAX_LEN {
            return Err(Misuse("options must be plain data".into()));
        }
        let b = text.as_bytes();
        let start = ws(b, 0);
        if start == b.len() {
            return Ok(JsonOptions::object("", path.into()));
        }
        let Some(end) = skip(b, start, 0) else {
            return Err(Misuse("options must be plain data".into()));
        };
        if ws(b, end) != b.len() {
            return Err(Misuse("options must be plain data".into()));
        }
        let value = &text[start..end];
        match b.get(start) {
            Some(b'n') => Ok(JsonOptions::object("", path.into())),
            Some(b'{') => Ok(JsonOptions::object(value, path.into())),
            _ => Err(bad()),
        }
    }

    /// The members of the validated object `text` (empty: none).
    fn object(text: &'a str, path: Cow<'a, str>) -> JsonOptions<'a> {
        let b = text.as_bytes();
        let mut members = Vec::new();
        // The text was validated: every step below succeeds; `?`-free indexing stays in bounds
        // because each position comes from `skip`, which only returns positions it checked.
        let mut i = ws(b, 1);
        while b.get(i) == Some(&b'"') {
            let Some(key_end) = skip_string(b, i) else {
                break;
            };
            let start = ws(b, ws(b, key_end) + 1);
            let Some(end) = skip(b, start, 0) else {
                break;
            };
            members.push((&text[i..key_end], &text[start..end]));
            i = ws(b, end);
            if b.get(i) == Some(&b',') {
                i = ws(b, i + 1);
            }
        }
        JsonOptions { members, path }
    }

    /// Every member, when each holds a string (`{ nit, dv }`); `None` otherwise.
    pub fn string_members(&self) -> Option<Vec<(String, String)>> {
        self.members
            .iter()
            .map(|(k, v)| {
                let value = v.starts_with('"').then(|| decode(v))??;
                Some((decode(k)?.into_owned(), value.into_owned()))
            })
            .collect()
    }

    /// The text of the value of the member for the Rust field `field` (its key in camelCase,
    /// `checks::is_key_of`); the last one when repeated; `null` is absent.
    fn get(&self, field: &str) -> Option<&'a str> {
        self.members
            .iter()
            .rev()
            .find(|(key, _)| match decode(key) {
                Some(key) => crate::checks::is_key_of(&key, field),
                None => false,
            })
            .map(|(_, v)| *v)
            .filter(|v| *v != "null")
    }
}

impl OptionSource for JsonOptions<'_> {
    fn path(&self) -> &str {
        &self.path
    }
    fn string(&self, key: &str) -> Result<Option<String>, Misuse> {
        match self.get(key) {
            None => Ok(None),
            Some(v) if v.starts_with('"') => Ok(decode(v).map(Cow::into_owned)),
            Some(_) => Err(Misuse::bad(&self.path, key, "a string")),
        }
    }
    fn strings(&self, key: &str) -> Result<Vec<String>, Misuse> {
        let bad = || Misuse::bad(&self.path, key, "an array of strings");
        let Some(v) = self.get(key) else {
            return Ok(Vec::new());
        };
        if !v.starts_with('[') {
            return Err(bad());
        }
        let b = v.as_bytes();
        let mut out = Vec::new();
        let mut i = ws(b, 1);
        while i < b.len() && b[i] != b']' {
            let end = skip(b, i, 0).ok_or_else(bad)?;
            if b[i] != b'"' {
                return Err(bad());
            }
            out.push(decode(&v[i..end]).ok_or_else(bad)?.into_owned());
            i = ws(b, end);
            if b.get(i) == Some(&b',') {
                i = ws(b, i + 1);
            }
        }
        Ok(out)
    }
    fn boolean(&self, key: &str) -> Result<bool, Misuse> {
        match self.get(key) {
            None => Ok(false),
            Some("true") => Ok(true),
            Some("false") => Ok(false),
            Some(_) => Err(Misuse::bad(&self.path, key, "a boolean")),
        }
    }
    fn number(&self, key: &str) -> Result<Option<f64>, Misuse> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => number(v)
                .map(Some)
                .ok_or_else(|| Misuse::bad(&self.path, key, "a number")),
        }
    }
    fn prop(&self, key: &str) -> Result<Prop<'_>, Misuse> {
        Ok(match self.get(key) {
            None => Prop::Absent,
            Some(v) if v.starts_with('"') => Prop::Text(decode(v).unwrap_or_default().into_owned()),
            Some(v) if v.starts_with('{') => Prop::Object(Box::new(JsonOptions::object(
                v,
                crate::text::cat(&[&self.path, ".", &crate::checks::camel(key)]).into(),
            ))),
            Some(_) => Prop::Other,
        })
    }
}

/// The index after white space from `i`.
fn ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        i += 1;
    }
    i
}

/// The end of the JSON value starting at `i`, validating it; `None` when it is not one (or
/// is nested deeper than options are).
fn skip(b: &[u8], i: usize, depth: usize) -> Option<usize> {
    if depth > MAX_DEPTH {
        return None;
    }
    let lit = |s: &[u8]| (b.get(i..i + s.len()) == Some(s)).then_some(i + s.len());
    match *b.get(i)? {
        b'{' | b'[' => {
            let close = if b[i] == b'{' { b'}' } else { b']' };
            let mut j = ws(b, i + 1);
            if b.get(j) == Some(&close) {
                return Some(j + 1);
            }
            loop {
                if close == b'}' {
                    if b.get(j) != Some(&b'"') {
                        return None;
                    }
                    j = ws(b, skip_string(b, j)?);
                    if b.get(j) != Some(&b':') {
                        return None;
                    }
                    j = ws(b, j + 1);
                }
                j = ws(b, skip(b, j, depth + 1)?);
                match b.get(j) {
                    Some(&c) if c == close => return Some(j + 1),
                    Some(b',') => j = ws(b, j + 1),
                    _ => return None,
                }
            }
        }
        b'"' => skip_string(b, i),
        b't' => lit(b"true"),
        b'f' => lit(b"false"),
        b'n' => lit(b"null"),
        _ => {
            let mut j = i;
            if b.get(j) == Some(&b'-') {
                j += 1;
            }
            let digits = |mut j: usize| {
                let s = j;
                while matches!(b.get(j), Some(b'0'..=b'9')) {
                    j += 1;
                }
                (j > s).then_some(j)
            };
            j = digits(j)?;
            if b.get(j) == Some(&b'.') {
                j = digits(j + 1)?;
            }
            if matches!(b.get(j), Some(b'e' | b'E')) {
                j += 1;
                if matches!(b.get(j), Some(b'+' | b'-')) {
                    j += 1;
                }
                j = digits(j)?;
            }
            Some(j)
        }
    }
}

/// The end of the string starting at `i` (after its closing quote), validating its escapes.
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        match *b.get(j)? {
            b'"' => return Some(j + 1),
            b'\\' => match *b.get(j + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => j += 2,
                b'u' => {
                    let hex = b.get(j + 2..j + 6)?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    j += 6;
                }
                _ => return None,
            },
            0..=0x1F => return None,
            _ => j += 1,
        }
    }
}

/// The text of the string literal `lit` (`"…"`, validated): borrowed when it has no escape.
fn decode(lit: &str) -> Option<Cow<'_, str>> {
    let inner = lit.get(1..lit.len().checked_sub(1)?)?;
    if !crate::text::has_byte(inner, b'\\') {
        return Some(Cow::Borrowed(inner));
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let hex = |chars: &mut std::str::Chars| -> Option<u32> {
                    (0..4).try_fold(0, |v, _| Some(v * 16 + chars.next()?.to_digit(16)?))
                };
                let hi = hex(&mut chars)?;
                let mut code = hi;
                if (0xD800..0xDC00).contains(&hi) {
                    let rest = chars.as_str();
                    if let Some(lo) = rest
                        .strip_prefix("\\u")
                        .and_then(|r| u32::from_str_radix(r.get(..4)?, 16).ok())
                        .filter(|lo| (0xDC00..0xE000).contains(lo))
                    {
                        code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        chars = rest[6..].chars();
                    }
                }
                // A lone surrogate becomes U+FFFD, as JS strings allow one.
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            other => other, // `"`, `\`, `/`
        });
    }
    Some(Cow::Owned(out))
}

/// A JSON number as options hold them: whole, or NaN ("not whole") with a fraction or an
/// exponent; `None` when the text is not a number.
fn number(v: &str) -> Option<f64> {
    let (negative, digits) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    let whole = digits.bytes().take_while(u8::is_ascii_digit).count();
    if whole == 0 {
        return None;
    }
    if whole < digits.len() {
        // validated: a fraction or an exponent follows
        return Some(f64::NAN);
    }
    let n = digits
        .bytes()
        .fold(0.0, |n: f64, d| n * 10.0 + f64::from(d - b'0'));
    Some(if negative { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(text: &str) -> JsonOptions<'_> {
        JsonOptions::new(text, "options").unwrap()
    }

    #[test]
    fn reads_what_json_stringify_writes() {
        let o = opts(
            r#"{"kind":"co.nit","n":12,"neg":-3,"f":1.5,"e":1e3,"ok":true,"l":["a","\u00f1\n\"x"],"o":{"lang":"en"},"s":"\ud83d\ude00","z":null,"maxRepeat":2}"#,
        );
        assert_eq!(o.string("kind").unwrap().as_deref(), Some("co.nit"));
        assert_eq!(o.number("n").unwrap(), Some(12.0));
        assert_eq!(o.number("neg").unwrap(), Some(-3.0));
        assert!(o.number("f").unwrap().unwrap().is_nan());
        assert!(o.number("e").unwrap().unwrap().is_nan());
        assert!(o.boolean("ok").unwrap());
        assert_eq!(o.strings("l").unwrap(), ["a", "ñ\n\"x"]);
        assert_eq!(o.string("s").unwrap().as_deref(), Some("😀"));
        assert_eq!(o.string("z").unwrap(), None, "null is absent");
        assert_eq!(
            o.number("max_repeat").unwrap(),
            Some(2.0),
            "fields by their Rust names"
        );
        let Prop::Object(nested) = o.prop("o").unwrap() else {
            panic!()
        };
        assert_eq!(nested.string("lang").unwrap().as_deref(), Some("en"));
        assert_eq!(nested.path(), "options.o");
        assert_eq!(o.string("n").unwrap_err().0, "options.n must be a string");
        assert_eq!(
            opts(r#"{"a":"1","a":"2"}"#).string("a").unwrap().as_deref(),
            Some("2")
        );
        assert_eq!(opts("").string("a").unwrap(), None);
        assert_eq!(opts(" null ").string("a").unwrap(), None);
        assert_eq!(opts("{}").string("a").unwrap(), None);
    }

    #[test]
    fn refuses_what_is_not_options_without_panicking() {
        for bad in [
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
            "{\"a\":\"\u{1}\"}",
            "{\"a\":1}x",
        ] {
            assert!(JsonOptions::new(bad, "options").is_err(), "{bad}");
        }
        for not_object in ["3", "\"x\"", "[1]", "true"] {
            assert_eq!(
                JsonOptions::new(not_object, "options").err().unwrap().0,
                "options must be an object"
            );
        }
        assert!(
            JsonOptions::new(&"[".repeat(100_000), "options").is_err(),
            "too deep"
        );
        let long = format!("{{\"a\":\"{}\"}}", "a".repeat(2 << 20));
        assert!(JsonOptions::new(&long, "options").is_err(), "too long");
        // Every prefix of a valid text is answered without panicking.
        let text = r#"{"a":[1,-2,3.5e-1,"x\u00e9\ud83d\ude00"],"b":{"c":true}}"#;
        for end in 0..text.len() {
            if text.is_char_boundary(end) {
                let _ = JsonOptions::new(&text[..end], "options");
            }
        }
        // Wrong types are misuse, never a panic.
        let o = opts(r#"{"l":[1],"b":"yes","n":"3","s":["a"]}"#);
        assert!(o.strings("l").is_err() && o.boolean("b").is_err());
        assert!(o.number("n").is_err() && o.string("s").is_err());
    }

    /// Random texts from JSON's alphabet (fixed seed): never a panic, whatever is read, and
    /// every check of the registry answers (a result or misuse).
    #[test]
    fn random_options_never_panic() {
        const ALPHABET: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "\\",
            "u",
            "00e9",
            "d83d",
            "-",
            "1",
            "0",
            ".",
            "e",
            "true",
            "null",
            " ",
            "lang",
            "\"kind\"",
            "\"policy\"",
            "gse",
            "ñ",
            "😀",
            "\"en\"",
        ];
        let mut seed: u64 = 0x5eed_0f_0b71;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for _ in 0..20_000 {
            let len = next() % 24;
            let text: String = (0..len)
                .map(|_| ALPHABET[next() % ALPHABET.len()])
                .collect();
            if let Ok(o) = JsonOptions::new(&text, "options") {
                for f in ["lang", "kind", "policy", "personal", "max_length", "r#type"] {
                    let _ = (o.string(f), o.strings(f), o.boolean(f), o.number(f));
                    if let Ok(Prop::Object(inner)) = o.prop(f) {
                        let _ = (
                            inner.string("lang"),
                            inner.strings("require"),
                            inner.number("min_length"),
                        );
                    }
                }
                let _ = o.string_members();
                for name in crate::registry::NAMES {
                    let value = crate::checks::Value::Text("a@b.co".into());
                    assert!(crate::registry::run(name, value, &o).is_some());
                }
            }
        }
    }
}
