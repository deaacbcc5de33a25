//! Small string helpers shared by the checks: counting, searching and joining short strings
//! (written out because the standard library's general versions cost more wasm than these
//! inputs need), and the folding of Spanish letters for matching.

/// The number of characters of `s` (smaller in wasm than `chars().count()`, whose
/// optimized counter costs ≈ 800 bytes).
pub(crate) fn char_len(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// Whether `needle` occurs in `hay`. The inputs are short (bounded by each check), and a
/// plain window scan is far smaller in wasm than the standard Two-Way searcher.
pub(crate) fn has_sub(hay: &str, needle: &str) -> bool {
    needle.is_empty()
        || hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// Whether `c` occurs in `s` (`str::contains` of a character that is not ASCII searches for
/// its UTF-8 as a string: the Two-Way searcher, ≈ 1.5 KB of wasm).
pub(crate) fn has_char(s: &str, c: char) -> bool {
    // An ASCII character is one byte that is never part of another character's UTF-8: a byte
    // loop finds it (the char loop is a call per character in wasm at opt-level "z"; the
    // email check's wrapper set took 5 % of a mistaken address's check).
    if c.is_ascii() {
        return has_byte(s, c as u8);
    }
    s.chars().any(|x| x == c)
}

/// Whether the ASCII byte `b` occurs in `s`: a byte loop, where [`has_char`]'s char loop is a
/// call per character in wasm at opt-level "z" (the hot paths: option keys, an address's
/// domain).
pub(crate) fn has_byte(s: &str, b: u8) -> bool {
    s.bytes().any(|x| x == b)
}

/// The parts one after another (smaller in wasm than the generic `concat`).
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// The parts with `sep` between them (the standard `join` costs ≈ 1.2 KB of wasm for each
/// type it is used with).
pub(crate) fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut s = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(p.as_ref());
    }
    s
}

/// Lower-cases and strips the accent of Spanish letters (`Ñ` → `n`), for matching only.
pub(crate) fn fold(c: char) -> char {
    // Most passwords and names are ASCII: one comparison, not the tables below.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
        'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
        'ñ' | 'Ñ' => 'n',
        c => crate::idn::lower(c),
    }
}

/// A character as the message shows it: invisible ones by name.
pub(crate) fn shown_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}') {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}
