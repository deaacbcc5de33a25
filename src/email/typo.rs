//! Typo suggestions for email domains that can never rewrite a real domain.
//!
//! Two kinds, both conservative on purpose (a "fixer" that turns `empresa.com.co` into
//! `empresa.com` is worse than none):
//! * a top-level domain that does not exist and is a known slip of `com`, `net` or `org`
//!   (`gmail.con`): an error, since no mail can arrive there;
//! * a misspelt mailbox provider (`hotmial.com`): a warning, and only when the corrected
//!   domain is a known provider with the *same* suffix. A country suffix (`.co`, `.com.co`,
//!   `.gov.co`, `.cl`, `.gob.ec`, `.es`…) is never changed, so `hotmail.co` stays as typed.

use crate::codes::Code;

/// Top-level domains that do not exist, and what was meant. No two-letter TLD appears here:
/// every two-letter code is, or may become, a country.
fn tld_typo(tld: &str) -> Option<&'static str> {
    Some(match tld {
        "con" | "cmo" | "ocm" | "vom" | "xom" | "cpm" | "cim" | "coom" | "comm" | "ccom"
        | "conm" | "comn" | "cokm" => "com",
        "nte" | "ner" | "nett" => "net",
        "ogr" | "orgg" | "prg" => "org",
        _ => return None,
    })
}

/// Mailbox providers people in Colombia, Chile and Ecuador use, one string (smaller in wasm
/// than a table of slices). Some are listed only because they are one edit away from a
/// bigger one and must never be "fixed" (`mail.com`, `email.com`, `ymail.com`, `gmx.com`,
/// `me.com`). Published with the package as `email-domains.json` (`providers`), which
/// `scripts/gen-email-domains.mjs` reads from this constant at build time: one source.
pub const PROVIDERS: &str = "gmail.com hotmail.com outlook.com yahoo.com live.com icloud.com msn.com aol.com protonmail.com zoho.com mail.com email.com ymail.com gmx.com me.com hotmail.es outlook.es yahoo.es gmx.es proton.me une.net.co etb.net.co";

/// A provider whose every mailbox is under `.com`, under an ending typed for `.com`
/// (`gmail.co`, `hotmail.com.co`): a slip, offered as a warning. The endings are real
/// (a country's), so only these providers are corrected.
fn com_slip(name: &str, rest: &str) -> bool {
    matches!(name, "gmail" | "hotmail" | "outlook" | "yahoo")
        && matches!(
            rest,
            "co" | "om" | "cm" | "co.co" | "com.co" | "com.ec" | "com.cl"
        )
}

/// [`PROVIDERS`] split once into (domain, name, rest): this runs on every address.
fn table() -> &'static [(&'static str, &'static str, &'static str)] {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, &'static str, &'static str)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        PROVIDERS
            .split(' ')
            .filter_map(|d| first_dot(d).map(|(n, r)| (d, n, r)))
            .collect()
    })
}

/// The endings of [`PROVIDERS`] (a test holds the two together): any other ending is
/// answered without a look at the table.
fn known_rest(rest: &str) -> bool {
    matches!(rest, "com" | "es" | "me" | "net.co")
}

/// The names of the providers under `rest` (the domain after its first label).
fn providers(rest: &str) -> impl Iterator<Item = &'static str> + '_ {
    let table = if known_rest(rest) { table() } else { &[] };
    table.iter().filter(move |p| p.2 == rest).map(|p| p.1)
}

/// The provider a domain without ending names (`gmail` → `gmail.com`).
pub(super) fn provider_named(name: &str) -> Option<&'static str> {
    table().iter().find(|p| p.1 == name).map(|p| p.0)
}

/// A suggestion: the finding code, the corrected domain, and the replaced TLD for messages.
pub(super) struct Suggestion {
    pub code: Code,
    pub domain: String,
    pub tld: String,
}

/// Suggests a correction for a syntactically valid, lower-cased ASCII domain.
/// `s` split at its first dot (by byte search: `str::split_once` costs ~200 instructions
/// of searcher set-up, and this runs on every address).
fn first_dot(s: &str) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == b'.')?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

fn last_dot(s: &str) -> Option<(&str, &str)> {
    let i = s.bytes().rposition(|b| b == b'.')?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

fn is_provider(domain: &str) -> bool {
    first_dot(domain).is_some_and(|(name, rest)| providers(rest).any(|n| n == name))
}

pub(super) fn suggest(domain: &str) -> Option<Suggestion> {
    if is_provider(domain) {
        return None;
    }
    let (head, tld) = last_dot(domain)?;
    // 1. A TLD that does not exist.
    if let Some(good) = tld_typo(tld) {
        let fixed = crate::text::cat(&[head, ".", good]);
        let fixed = provider_fix(&fixed).unwrap_or(fixed);
        return Some(Suggestion {
            code: Code::EmailTldTypo,
            domain: fixed,
            tld: tld.to_owned(),
        });
    }
    // 2. A misspelt provider, same suffix; 3. a `.com`-only provider under another ending.
    let (name, rest) = first_dot(domain)?;
    let wrong = com_slip(name, rest).then(|| crate::text::cat(&[name, ".com"]));
    wrong
        .or_else(|| provider_misspelt(domain))
        .map(|d| Suggestion {
            code: Code::EmailDomainTypo,
            domain: d,
            tld: tld.to_owned(),
        })
}

/// The provider `domain` misspells, if its first label is within a small edit distance of
/// the provider's and everything after the first label is identical.
fn provider_fix(domain: &str) -> Option<String> {
    if is_provider(domain) {
        return None;
    }
    provider_misspelt(domain)
}

/// [`provider_fix`] for a domain already known not to be a provider.
fn provider_misspelt(domain: &str) -> Option<String> {
    let (name, rest) = first_dot(domain)?;
    if name.len() > 24 {
        return None;
    }
    let name_set = byte_set(name);
    let mut best: Option<(usize, &str)> = None;
    for pname in providers(rest) {
        let max = if pname.len() <= 5 { 1 } else { 2 };
        if name.len().abs_diff(pname.len()) > max {
            continue;
        }
        if set_bound(name_set, byte_set(pname)) > max {
            continue;
        }
        let d = osa_distance(name, pname);
        if d > 0 && d <= max && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, pname));
        }
    }
    best.map(|(_, n)| crate::text::cat(&[n, ".", rest]))
}

/// The set of bytes of `s`, folded into 64 bits (`b & 63`).
fn byte_set(s: &str) -> u64 {
    s.bytes().fold(0u64, |m, c| m | 1 << (c & 63))
}

/// A lower bound of the edit distance from the byte sets of two strings: each byte value
/// present in one and absent from the other needs at least one edit. Folding into 64 bits
/// can only make the bound smaller, so it stays a lower bound.
fn set_bound(a: u64, b: u64) -> usize {
    (a & !b).count_ones().max((b & !a).count_ones()) as usize
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions), on bytes,
/// with three rolling rows on the stack, capped: any distance above 2 is reported as 3,
/// since callers only act on 1 or 2. Names longer than 24 bytes are never compared.
fn osa_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > 24 || b.len() > 24 {
        return 3;
    }
    let w = b.len() + 1;
    let mut prev2 = [0u8; 25];
    let mut prev = [0u8; 25];
    for (j, cell) in prev.iter_mut().enumerate().take(w) {
        *cell = j as u8;
    }
    let mut cur = [0u8; 25];
    for i in 1..a.len() + 1 {
        cur[0] = i as u8;
        let mut row_min = cur[0];
        for j in 1..w {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        // Later rows build on this row (+1) or, by a transposition, on the previous one (+1):
        // once both exceed 2, so does the distance.
        let prev_min = prev[..w].iter().copied().min().unwrap_or(0);
        if row_min > 2 && prev_min > 2 {
            return 3;
        }
        prev2 = prev;
        prev = cur;
    }
    usize::from(prev[b.len()].min(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(d: &str) -> Option<String> {
        suggest(d).map(|s| s.domain)
    }

    #[test]
    fn fixes_providers_and_impossible_tlds() {
        assert_eq!(fixed("gmail.con").as_deref(), Some("gmail.com"));
        assert_eq!(fixed("gmial.con").as_deref(), Some("gmail.com"));
        assert_eq!(fixed("hotmial.com").as_deref(), Some("hotmail.com"));
        assert_eq!(fixed("hotmal.es").as_deref(), Some("hotmail.es"));
        assert_eq!(fixed("outlok.com").as_deref(), Some("outlook.com"));
        assert_eq!(fixed("yaho.com").as_deref(), Some("yahoo.com"));
        assert_eq!(fixed("empresa.con").as_deref(), Some("empresa.com"));
        assert_eq!(suggest("gmail.con").unwrap().code, Code::EmailTldTypo);
        assert_eq!(suggest("hotmial.com").unwrap().code, Code::EmailDomainTypo);
        // A `.com`-only provider under a country's ending: a warning (issue 10).
        for d in [
            "gmail.co",
            "gmail.om",
            "hotmail.com.co",
            "gmail.cm",
            "yahoo.co",
        ] {
            let s = suggest(d).unwrap();
            assert_eq!(s.code, Code::EmailDomainTypo, "{d}");
            assert!(
                s.domain.ends_with(".com") && !s.domain.contains(".com."),
                "{d}"
            );
        }
    }

    #[test]
    fn never_rewrites_real_or_country_domains() {
        for d in [
            "gmail.com",
            "empresa.com.co",
            "dian.gov.co",
            "unal.edu.co",
            "sii.cl",
            "sri.gob.ec",
            "empresa.com.ec",
            "hotmail.es",
            "oman.om",
            "mail.com",
            "email.com",
            "gmx.com",
            "live.cl",
        ] {
            assert_eq!(fixed(d), None, "{d} must not be rewritten");
        }
    }

    #[test]
    fn every_provider_ending_is_known() {
        for (d, _, rest) in table() {
            assert!(known_rest(rest), "{d}: add its ending to known_rest");
        }
        assert_eq!(table().len(), PROVIDERS.split(' ').count());
    }

    #[test]
    fn distance() {
        assert_eq!(osa_distance("gmial", "gmail"), 1);
        assert_eq!(osa_distance("hotmial", "hotmail"), 1);
        assert_eq!(osa_distance("", "ab"), 2);
        assert_eq!(osa_distance("", "abcd"), 3);
        assert_eq!(osa_distance("hotmial", "gmail"), 3);
        assert_eq!(osa_distance("outlok", "outlook"), 1);
        for (a, b) in [
            ("hotmial", "hotmail"),
            ("gmial", "gmail"),
            ("yaho", "yahoo"),
            ("outlok", "outlook"),
            ("abc", "xyz"),
        ] {
            assert!(
                set_bound(byte_set(a), byte_set(b)) <= osa_distance(a, b),
                "{a} {b}"
            );
        }
    }
}
