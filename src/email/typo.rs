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
const TLD_TYPOS: &[(&str, &str)] = &[
    ("con", "com"),
    ("cmo", "com"),
    ("ocm", "com"),
    ("vom", "com"),
    ("xom", "com"),
    ("cpm", "com"),
    ("cim", "com"),
    ("coom", "com"),
    ("comm", "com"),
    ("ccom", "com"),
    ("conm", "com"),
    ("comn", "com"),
    ("cokm", "com"),
    ("nte", "net"),
    ("ner", "net"),
    ("nett", "net"),
    ("ogr", "org"),
    ("orgg", "org"),
    ("prg", "org"),
];

/// Mailbox providers people in Colombia, Chile and Ecuador use, with their real suffixes,
/// as (first label, rest) so that no lookup has to split a string.
const PROVIDERS: &[(&str, &str)] = &[
    ("gmail", "com"),
    ("hotmail", "com"),
    ("hotmail", "es"),
    ("outlook", "com"),
    ("outlook", "es"),
    ("yahoo", "com"),
    ("yahoo", "es"),
    ("live", "com"),
    ("icloud", "com"),
    ("msn", "com"),
    ("aol", "com"),
    ("protonmail", "com"),
    ("proton", "me"),
    ("une", "net.co"),
    ("etb", "net.co"),
    ("zoho", "com"),
    // Real providers one edit away from a bigger one: listed so they are never "fixed".
    ("mail", "com"),
    ("email", "com"),
    ("ymail", "com"),
    ("gmx", "com"),
    ("gmx", "es"),
    ("me", "com"),
];

/// A suggestion: the finding code, the corrected domain, and the replaced TLD for messages.
pub(super) struct Suggestion {
    pub code: Code,
    pub domain: String,
    pub tld: String,
}

/// Suggests a correction for a syntactically valid, lower-cased ASCII domain.
/// String equality that looks at the length and first byte before calling `memcmp`: these
/// tables are scanned on every address, and almost every comparison fails at once.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

fn is_provider(domain: &str) -> bool {
    PROVIDERS.iter().any(|(n, r)| {
        domain.len() == n.len() + 1 + r.len()
            && domain.as_bytes()[0] == n.as_bytes()[0]
            && domain.as_bytes()[n.len()] == b'.'
            && domain.as_bytes()[..n.len()] == *n.as_bytes()
            && domain.as_bytes()[n.len() + 1..] == *r.as_bytes()
    })
}

pub(super) fn suggest(domain: &str) -> Option<Suggestion> {
    if is_provider(domain) {
        return None;
    }
    let (head, tld) = domain.rsplit_once('.')?;
    // 1. A TLD that does not exist.
    if let Some((_, good)) = TLD_TYPOS.iter().find(|(bad, _)| same(bad, tld)) {
        let fixed = format!("{head}.{good}");
        let fixed = provider_fix(&fixed).unwrap_or(fixed);
        return Some(Suggestion {
            code: Code::EmailTldTypo,
            domain: fixed,
            tld: tld.to_owned(),
        });
    }
    // 2. A misspelt provider, same suffix.
    provider_fix(domain).map(|d| Suggestion {
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
    let (name, rest) = domain.split_once('.')?;
    if name.len() > 24 {
        return None;
    }
    let mut best: Option<(usize, &str, &str)> = None;
    for &(pname, prest) in PROVIDERS {
        if !same(prest, rest) {
            continue;
        }
        let max = if pname.len() <= 5 { 1 } else { 2 };
        if name.len().abs_diff(pname.len()) > max {
            continue;
        }
        let d = osa_distance(name, pname);
        if d > 0 && d <= max && best.is_none_or(|(bd, _, _)| d < bd) {
            best = Some((d, pname, prest));
        }
    }
    best.map(|(_, n, r)| format!("{n}.{r}"))
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
    }

    #[test]
    fn never_rewrites_real_or_country_domains() {
        for d in [
            "gmail.com",
            "empresa.com.co",
            "dian.gov.co",
            "unal.edu.co",
            "hotmail.co",
            "gmail.co",
            "sii.cl",
            "sri.gob.ec",
            "empresa.com.ec",
            "gmail.com.co",
            "hotmail.es",
            "gmail.cm",
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
    fn distance() {
        assert_eq!(osa_distance("gmial", "gmail"), 1);
        assert_eq!(osa_distance("hotmial", "hotmail"), 1);
        assert_eq!(osa_distance("", "ab"), 2);
        assert_eq!(osa_distance("", "abcd"), 3);
        assert_eq!(osa_distance("hotmial", "gmail"), 3);
        assert_eq!(osa_distance("outlok", "outlook"), 1);
    }
}
