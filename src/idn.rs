//! The small part of IDNA and UTS #39 that an email check needs, without the ≈ 200 KB gzip
//! of `idna` + `unicode-security` (RULES.md §5.3): Punycode (RFC 3492), the Script property
//! and the confusable skeleton, from tables that `build.rs` derives from `unicode-script`
//! and `unicode-security` and reduces.
//!
//! What is deliberately not done: full UTS #46 mapping and NFC normalization. Labels are
//! lower-cased with Rust's Unicode case tables, and any character that is not a letter, a
//! digit or a combining mark is refused. Text typed on a keyboard is already NFC; a label in
//! decomposed form is encoded as typed.

include!(concat!(env!("OUT_DIR"), "/unicode_tables.rs"));

/// The script of `c` as an index into [`SCRIPT_NAMES`]; 0 means Common/Inherited/Unknown.
pub fn script_of(c: char) -> u8 {
    let key = (c as u32) << 8 | 0xFF;
    match SCRIPT_RUNS.binary_search(&key) {
        Ok(i) => SCRIPT_RUNS[i] as u8,
        Err(0) => 0,
        Err(i) => SCRIPT_RUNS[i - 1] as u8,
    }
}

/// True for compatibility forms (mathematical bold letters, circled letters, ligatures…)
/// that IDNA would silently map to plain letters: in an address they are a disguise.
pub fn is_compat(c: char) -> bool {
    let cp = c as u32;
    include!("compat_ranges.in")
        .iter()
        .any(|&(a, b)| (a..=b).contains(&cp))
}

/// Lower-cases the letters that have case in the scripts of domains seen here (Latin,
/// Greek, Cyrillic), by arithmetic instead of Unicode's full case table (≈ 11 KB of
/// wasm); letters of other scripts have no case or pass through unchanged.
pub fn lower(c: char) -> char {
    let cp = c as u32;
    let to = match cp {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            cp + 0x20
        }
        0x400..=0x40F => cp + 0x50,
        0x178 => 0xFF,
        0x130 => 0x69,
        // Latin Extended-A pairs: upper case even up to U+0137, odd from U+0139 to U+0148
        // and from U+0179 to U+017E, even again from U+014A to U+0177.
        0x100..=0x137 | 0x14A..=0x177 if cp % 2 == 0 => cp + 1,
        0x139..=0x148 | 0x179..=0x17E if cp % 2 == 1 => cp + 1,
        // Greek with tonos, Cyrillic extensions with pairs.
        0x386 => 0x3AC,
        0x388..=0x38A => cp + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => cp + 0x3F,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if cp % 2 == 0 => cp + 1,
        _ => cp,
    };
    char::from_u32(to).unwrap_or(c)
}

/// [`lower`] over a string.
pub fn lowercase(s: &str) -> String {
    // Most domains are ASCII: one copy lowered in place, not a push per character.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(lower).collect()
}

/// The English name of a script index.
pub fn script_name(id: u8) -> &'static str {
    SCRIPT_NAMES.get(id as usize).copied().unwrap_or("Unknown")
}

/// True for combining marks (Script=Inherited), which may follow a letter in a label.
pub fn is_combining(c: char) -> bool {
    let cp = c as u32;
    match INHERITED.binary_search_by(|r| r.0.cmp(&cp)) {
        Ok(_) => true,
        Err(0) => false,
        Err(i) => cp <= INHERITED[i - 1].1,
    }
}

/// The distinct scripts of the letters of `label`, in order of appearance, when they are
/// more than one and not a combination that a real language writes (Japanese mixes Han,
/// Hiragana and Katakana; Korean Han and Hangul; Chinese Han and Bopomofo). An empty
/// vector means the label is single-script.
pub fn mixed_scripts(label: &str) -> Vec<u8> {
    if label.is_ascii() {
        return Vec::new(); // Latin letters, digits and hyphens only
    }
    let mut seen: Vec<u8> = Vec::new();
    for c in label.chars() {
        let s = script_of(c);
        if s != 0 && !seen.contains(&s) {
            seen.push(s);
        }
    }
    if seen.len() <= 1 {
        return Vec::new();
    }
    let names: Vec<&str> = seen.iter().map(|s| script_name(*s)).collect();
    let allowed_sets: [&[&str]; 3] = [
        &["Han", "Hiragana", "Katakana"],
        &["Han", "Hangul"],
        &["Han", "Bopomofo"],
    ];
    if allowed_sets
        .iter()
        .any(|set| names.iter().all(|n| set.contains(n)))
    {
        return Vec::new();
    }
    seen
}

/// The UTS #39 skeleton of `s`, restricted to characters whose skeleton is ASCII (all that
/// can collide with an ASCII official domain); other characters map to themselves.
pub fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Cyrillic letters that read as Latin ones in a lower-case domain although UTS #39
        // keeps them apart: with them a whole-Cyrillic `уаһоо.сом` reads as yahoo.com.
        let c = match c {
            'м' => 'm',
            'т' => 't',
            'к' => 'k',
            'н' => 'h',
            'г' => 'r',
            'п' => 'n',
            _ => c,
        };
        if c.is_ascii() {
            let sk = ASCII_SKELETON[c as usize];
            if sk.is_empty() {
                out.push(c);
            } else {
                out.push_str(sk);
            }
            continue;
        }
        match CONF_CPS.binary_search(&(c as u32)) {
            Ok(i) => {
                let (a, b) = (CONF_OFFSETS[i] as usize, CONF_OFFSETS[i + 1] as usize);
                out.push_str(CONF_BLOB.get(a..b).unwrap_or_default());
            }
            Err(_) => out.push(c),
        }
    }
    out
}

/// The length in bytes of the skeleton of the ASCII string `s`.
pub fn ascii_skeleton_len(s: &str) -> usize {
    s.bytes()
        .map(|c| match ASCII_SKELETON.get(c as usize) {
            Some(sk) if !sk.is_empty() => sk.len(),
            _ => 1,
        })
        .sum()
}

/// Whether the skeleton of the ASCII string `s` is `skeleton`, without building it.
pub fn ascii_skeleton_is(s: &str, skeleton: &str) -> bool {
    let mut want = skeleton.as_bytes().iter();
    for c in s.bytes() {
        let sk = match ASCII_SKELETON.get(c as usize) {
            Some(sk) if !sk.is_empty() => sk.as_bytes(),
            _ => std::slice::from_ref(&c),
        };
        for b in sk {
            if want.next() != Some(b) {
                return false;
            }
        }
    }
    want.next().is_none()
}

const BASE: u64 = 36;
const TMIN: u64 = 1;
const TMAX: u64 = 26;
const SKEW: u64 = 38;
const DAMP: u64 = 700;

fn adapt(mut delta: u64, numpoints: u64, first: bool) -> u64 {
    delta /= if first { DAMP } else { 2 };
    delta += delta / numpoints;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (BASE - TMIN + 1) * delta / (delta + SKEW)
}

fn digit(d: u64) -> char {
    // d < 36 by construction of the callers.
    if d < 26 {
        (b'a' + d as u8) as char
    } else {
        (b'0' + (d - 26) as u8) as char
    }
}

/// Punycode-encodes one label (RFC 3492 §6.3), without the `xn--` prefix. `None` on
/// arithmetic overflow, which needs labels far longer than any caller passes.
pub fn punycode_encode(label: &str) -> Option<String> {
    let input: Vec<u64> = label.chars().map(|c| c as u64).collect();
    let mut out: String = label.chars().filter(|c| c.is_ascii()).collect();
    let basic = out.len() as u64;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (128u64, 0u64, 72u64);
    while (handled as usize) < input.len() {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n += 1;
    }
    Some(out)
}

/// Decodes the Punycode of one label (RFC 3492 §6.2), without its `xn--` prefix. `None`
/// when it is not Punycode: a digit out of the alphabet, an overflow, a code point that
/// is not a character. Callers pass at most 63 bytes.
pub fn punycode_decode(input: &str) -> Option<String> {
    let (basic, rest) = match input.bytes().rposition(|b| b == b'-') {
        Some(i) => (input.get(..i)?, input.get(i + 1..)?),
        None => ("", input),
    };
    let mut out: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (128u64, 0u64, 72u64);
    let mut digits = rest.bytes();
    while digits.len() > 0 {
        let (old, mut w, mut k) = (i, 1u64, BASE);
        loop {
            let d = match digits.next()? {
                c @ b'a'..=b'z' => c - b'a',
                c @ b'0'..=b'9' => c - b'0' + 26,
                _ => return None,
            } as u64;
            i = i.checked_add(d * w)?;
            let t = k.saturating_sub(bias).clamp(TMIN, TMAX);
            if d < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
            if i > u32::MAX as u64 || w > u32::MAX as u64 {
                return None;
            }
        }
        let len = out.len() as u64 + 1;
        bias = adapt(i - old, len, old == 0);
        n = n.checked_add(i / len)?;
        i %= len;
        out.insert(i as usize, char::from_u32(u32::try_from(n).ok()?)?);
        i += 1;
    }
    Some(out.into_iter().collect())
}

/// Whether an `xn--` label (lower-cased ASCII, with its prefix) is one IDNA would accept:
/// it decodes, to lower-case letters, digits, hyphens and combining marks with at least one
/// non-ASCII character, and encodes back to itself. Returns the decoded label.
pub fn xn_label(label: &str) -> Option<String> {
    let u = punycode_decode(label.get(4..)?)?;
    let fine = |c: char| {
        if c.is_ascii() {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
        } else {
            (c.is_alphanumeric() || is_combining(c)) && !is_compat(c) && lower(c) == c
        }
    };
    (!u.is_ascii() && u.chars().all(fine) && label_to_ascii(&u).as_deref() == Some(label))
        .then_some(u)
}

/// The domain with its `xn--` labels decoded, when it has any and all decode.
pub fn decoded(domain: &str) -> Option<String> {
    if !has_xn(domain) {
        return None;
    }
    let mut out = String::new();
    for l in domain.split('.') {
        if !out.is_empty() {
            out.push('.');
        }
        if l.starts_with("xn--") {
            out.push_str(&xn_label(l)?);
        } else {
            out.push_str(l);
        }
    }
    Some(out)
}

fn has_xn(domain: &str) -> bool {
    domain.starts_with("xn--") || crate::text::has_sub(domain, ".xn--")
}

/// The ASCII form of one lower-cased label: itself when ASCII, else `xn--` + Punycode.
pub fn label_to_ascii(label: &str) -> Option<String> {
    if label.is_ascii() {
        return Some(label.to_owned());
    }
    punycode_encode(label).map(|p| crate::text::cat(&["xn--", &p]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_rfc3492_and_known_labels() {
        assert_eq!(label_to_ascii("münchen").unwrap(), "xn--mnchen-3ya");
        // Cyrillic а (U+0430) inside "dian", as measured with `idna` in RULES.md §5.3.
        assert_eq!(label_to_ascii("di\u{430}n").unwrap(), "xn--din-7cd");
        assert_eq!(label_to_ascii("españa").unwrap(), "xn--espaa-rta");
        // RFC 3492 §7.1 (B) Chinese (simplified).
        assert_eq!(
            punycode_encode("他们为什么不说中文").unwrap(),
            "ihqwcrb4cv8a8dqg056pqjye"
        );
        // RFC 3492 §7.1 (L) Japanese with ASCII: "3年B組金八先生".
        assert_eq!(
            punycode_encode("3年B組金八先生").unwrap(),
            "3B-ww4c5e180e575a65lsy2b"
        );
    }

    #[test]
    fn punycode_decodes_and_refuses() {
        for l in [
            "mnchen-3ya",
            "din-7cd",
            "espaa-rta",
            "ihqwcrb4cv8a8dqg056pqjye",
        ] {
            let u = punycode_decode(l).unwrap();
            assert_eq!(punycode_encode(&u).unwrap(), l);
        }
        assert_eq!(xn_label("xn--espaa-rta").as_deref(), Some("españa"));
        for bad in [
            "xn--",
            "xn--abc",
            "xn--a-ecp!",
            "xn--0",
            "xn--wca",
            "xn--99999999999a",
            "xn--ESPAA-RTA",
        ] {
            assert_eq!(xn_label(bad), None, "{bad}");
        }
        assert_eq!(
            decoded("x.xn--espaa-rta.com").as_deref(),
            Some("x.españa.com")
        );
        assert_eq!(decoded("gmail.com"), None);
    }

    #[test]
    fn lower_agrees_with_unicode_on_the_cased_scripts() {
        let ranges = [0x0..0x250u32, 0x370..0x400, 0x400..0x530];
        for cp in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut full = c.to_lowercase();
            let (Some(expected), None) = (full.next(), full.next()) else {
                continue;
            };
            let ours = lower(c);
            // Where we differ, we must leave the character unchanged (never mis-map it).
            assert!(
                ours == expected || ours == c,
                "U+{cp:04X}: {ours:?} vs {expected:?}"
            );
            if (0x41..0x17F).contains(&cp)
                || (0x391..0x3AC).contains(&cp)
                || (0x400..0x430).contains(&cp)
            {
                assert_eq!(ours, expected, "U+{cp:04X}");
            }
        }
        assert_eq!(lowercase("ÑANDÚ.COM"), "ñandú.com");
    }

    #[test]
    fn scripts_and_mixing() {
        assert_eq!(script_name(script_of('a')), "Latin");
        assert_eq!(script_name(script_of('\u{627}')), "Arabic");
        assert_eq!(script_name(script_of('а')), "Cyrillic");
        assert_eq!(script_of('5'), 0);
        assert!(mixed_scripts("dian").is_empty());
        assert!(mixed_scripts("münchen").is_empty());
        assert!(mixed_scripts("日本語ひらがなカタカナ").is_empty());
        let m = mixed_scripts("di\u{627}\u{646}");
        assert_eq!(
            m.iter().map(|s| script_name(*s)).collect::<Vec<_>>(),
            ["Latin", "Arabic"]
        );
        assert!(is_combining('\u{301}'));
        assert!(!is_combining('e'));
    }

    #[test]
    fn skeletons_match_uts39_for_the_seed_examples() {
        assert_eq!(skeleton("di\u{430}n.gov.co"), skeleton("dian.gov.co"));
        // RULES.md §5.3: skeleton of diان.gov.co is "dilن.gov.co".
        assert_eq!(
            skeleton("di\u{627}\u{646}.gov.co"),
            format!("dil\u{646}.gov.co")
        );
        assert_ne!(skeleton("dlan.gov.co"), skeleton("dian.gov.co"));
        for (s, t) in [
            ("siigo.corn", "siigo.com"),
            ("gmail.com", "gmail.com"),
            ("dian.gov.co", "dlan.gov.co"),
        ] {
            assert_eq!(
                ascii_skeleton_is(s, &skeleton(t)),
                skeleton(s) == skeleton(t),
                "{s} {t}"
            );
        }
    }
}
