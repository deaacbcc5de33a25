//! `checkEmail`: is this an address the portal will accept, and if not, what exactly to fix.
//!
//! Syntax is the WHATWG HTML rule for `<input type=email>` (the grammar the portals' own
//! forms use) plus the RFC 5321 limits the grammar leaves out: local part ≤ 64 octets,
//! address ≤ 254, domain ≤ 253, labels ≤ 63. On top of that prevalida refuses what the
//! grammar lets through but no mailbox can have (a domain without a TLD, `a..b@x.co`, a
//! numeric TLD) and accepts what the grammar refuses but mail servers take (international
//! domains, sent in their ASCII form). README.md lists every case where this differs from
//! the bare grammar, with the count from the shared test corpus.

mod typo;

use crate::codes::{Code, Lang};
use crate::finding::{no_errors, Finding, Param};
use crate::idn;
use serde::{Deserialize, Serialize};

/// Options of [`check_email`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct EmailOptions {
    /// Language of the messages (default `"es"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Lang,
    /// Field path copied into every finding (`"representante.email"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub field: Option<String>,
    /// More official domains to protect from look-alikes, besides the built-in ones.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub official_domains: Vec<String>,
    /// Leave every `Finding::message` empty: for callers that render messages themselves
    /// from the code list (the npm package does, in JavaScript). Not part of the JS options.
    #[serde(skip)]
    pub skip_messages: bool,
}

/// What [`check_email`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EmailResult {
    /// True when no finding is an error.
    pub ok: bool,
    /// The address as it should be sent: trimmed, domain lower-cased and in ASCII
    /// (Punycode) form. When the address is not ok, the trimmed input.
    pub normalized: String,
    /// A corrected address to offer ("¿Quisiste decir …?"), when prevalida can tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub suggestion: Option<String>,
    /// Everything found, errors first in the order the user should fix them.
    pub findings: Vec<Finding>,
}

/// Domains of the institutions in the source documents, of the region's internet
/// providers, and the four biggest mailbox providers, one string. A domain that looks like
/// one of these (same confusable skeleton) but is not it is reported as
/// `email.lookalike_domain`, and the real one offered. Published with the package as
/// `email-domains.json` (`official`; `scripts/gen-email-domains.mjs` reads this constant).
pub const OFFICIAL_DOMAINS: &str = "dian.gov.co gse.com.co siigo.com sii.cl sri.gob.ec icert.fje.gob.ec registrocivil.gob.ec registraduria.gov.co rues.org.co cnt.gob.ec une.net.co etb.net.co emcali.net.co vtr.net entelchile.net netlife.ec gmail.com hotmail.com outlook.com yahoo.com";

/// The skeletons of [`OFFICIAL_DOMAINS`], computed once.
fn official_skeletons() -> &'static [(&'static str, String)] {
    static SKELETONS: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    SKELETONS.get_or_init(|| {
        OFFICIAL_DOMAINS
            .split(' ')
            .map(|d| (d, idn::skeleton(d)))
            .collect()
    })
}

/// The official domain (built in or the caller's) that the lower-cased `domain` imitates.
fn imitated(domain: &str, opts: &EmailOptions) -> Option<String> {
    let is_ascii = domain.is_ascii();
    let skel = if is_ascii {
        String::new()
    } else {
        idn::skeleton(domain)
    };
    // An ASCII domain's skeleton is compared only with skeletons of its length (as in
    // `clean_at`): most of the twenty officials are passed over by one comparison.
    let len = if is_ascii {
        idn::ascii_skeleton_len(domain)
    } else {
        skel.len()
    };
    let same = |official_skel: &str| {
        official_skel.len() == len
            && if is_ascii {
                idn::ascii_skeleton_is(domain, official_skel)
            } else {
                official_skel == skel
            }
    };
    let builtin = official_skeletons()
        .iter()
        .find(|(d, s)| same(s) && *d != domain)
        .map(|(d, _)| (*d).to_owned());
    builtin.or_else(|| {
        opts.official_domains.iter().find_map(|d| {
            let d = idn::lowercase(d);
            (same(&idn::skeleton(&d)) && d != domain).then_some(d)
        })
    })
}

/// Addresses longer than this are not parsed at all: the finding is `email.too_long`.
/// Keeps a pasted megabyte from costing more than one length count.
const PARSE_LIMIT: usize = 1024;

struct Ctx<'a> {
    findings: Vec<Finding>,
    opts: &'a EmailOptions,
}

impl Ctx<'_> {
    fn push(&mut self, code: Code, params: Vec<(&'static str, Param)>) {
        // Rendered in `done`, once the suggestion is known.
        let mut f = Finding::build(code, None, params);
        f.field = self.opts.field.clone();
        self.findings.push(f);
    }
    fn has(&self, code: Code) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }
    fn has_error(&self) -> bool {
        !no_errors(&self.findings)
    }
    /// The result: every `suggestion` parameter is the final suggestion when there is one.
    fn done(mut self, normalized: &str, suggestion: Option<String>) -> EmailResult {
        for f in &mut self.findings {
            for (k, v) in &mut f.params.0 {
                if let ("suggestion", Some(s)) = (*k, &suggestion) {
                    *v = s.as_str().into();
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            if !self.opts.skip_messages {
                f.message = crate::finding::render(f.code.template(self.opts.lang), &f.params);
            }
        }
        let findings = crate::finding::sort_by_severity(self.findings);
        EmailResult {
            ok: no_errors(&findings),
            normalized: normalized.to_owned(),
            suggestion,
            findings,
        }
    }
}

/// Checks one email address. Never panics; linear in the input, and bounded: input longer
/// than 1 KB is answered by its length alone.
pub fn check_email(value: &str, opts: &EmailOptions) -> EmailResult {
    match fast_path(value, opts) {
        Some(r) => r,
        None => check_email_full(value, opts),
    }
}

/// [`check_email`] without the fast path, for callers that already know the address is not
/// clean (the JS boundary asks [`is_clean`] first).
pub fn check_email_full(value: &str, opts: &EmailOptions) -> EmailResult {
    check(value, opts, true)
}

/// Spaces, and the characters nobody sees: zero-width ones, the byte order mark, the soft
/// hyphen. Trimmed around the address; inside it, an error with the fix.
fn is_invisible(c: char) -> bool {
    c.is_whitespace() || is_format(c)
}

fn is_format(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// What a copy from a page or a mail program puts around an address: `mailto:`, a display
/// name with angle brackets, quotes, brackets, and a list's `;` or `,` after it.
/// (`'`, `{` and `}` may begin or end a real local part: removed only by a repair.)
fn is_wrapper(c: char) -> bool {
    crate::text::has_char("\"«»“”‘’()[]<>;,:", c)
}

/// `s` starts with `mailto:`, in any case.
fn is_mailto(s: &str) -> bool {
    s.len() > 7 && s.bytes().zip("mailto:".bytes()).all(|(a, b)| a | 0x20 == b)
}

fn decorated(s: &str) -> bool {
    let (first, last) = (s.chars().next(), s.chars().next_back());
    is_mailto(s)
        || crate::text::has_byte(s, b'<')
        || first.is_some_and(is_wrapper)
        || last.is_some_and(is_wrapper)
}

/// The address the user meant, every certain repair applied at once: decorations
/// removed, full-width forms and commas made ASCII dots, invisible characters dropped, a
/// doubled `@` and stray dots removed, a provider given its ending (`@gmail`), a look-alike
/// domain replaced by the real one. The caller checks the result before offering it.
fn repair(s: &str, opts: &EmailOptions) -> String {
    let b = s.as_bytes();
    let mut s = match (
        b.iter().rposition(|&c| c == b'<'),
        b.iter().rposition(|&c| c == b'>'),
    ) {
        (Some(a), Some(z)) if a < z => s.get(a + 1..z).unwrap_or(s),
        _ => s,
    };
    let strip: fn(char) -> bool =
        |c| is_invisible(c) || is_wrapper(c) || crate::text::has_char("'{}", c);
    loop {
        let t = s.trim_matches(strip);
        let t = if is_mailto(t) {
            t.get(7..).unwrap_or(t)
        } else {
            t
        };
        if t.len() == s.len() {
            break;
        }
        s = t;
    }
    // One pass: commas made dots, invisible characters dropped, one `@` of a run, no dot
    // at either end of a side.
    let mut out = String::with_capacity(s.len());
    let mut at = None;
    for c in s.chars().map(from_fullwidth) {
        let c = if c == ',' { '.' } else { c };
        let last = out.bytes().next_back();
        if is_invisible(c) || (c == '@' && last == Some(b'@')) {
            continue;
        }
        if c == '.' && matches!(last, None | Some(b'.' | b'@')) {
            continue;
        }
        if c == '@' {
            if last == Some(b'.') {
                out.truncate(out.len() - 1);
            }
            at = Some(out.len());
        }
        out.push(c);
    }
    if out.ends_with('.') {
        out.truncate(out.len() - 1);
    }
    let Some(at) = at else { return out };
    let local = out.get(..at).unwrap_or_default();
    let mut domain = idn::lowercase(out.get(at + 1..).unwrap_or_default());
    if !crate::text::has_byte(&domain, b'.') {
        if let Some(d) = typo::provider_named(&domain) {
            domain = d.to_owned();
        }
    }
    let unicode = idn::decoded(&domain);
    if let Some(d) = imitated(unicode.as_deref().unwrap_or(&domain), opts) {
        domain = d;
    }
    join_address(local, &domain)
}

fn check(value: &str, opts: &EmailOptions, suggest: bool) -> EmailResult {
    let mut cx = Ctx {
        findings: Vec::new(),
        opts,
    };
    let trimmed = value.trim_matches(is_invisible as fn(char) -> bool);
    if trimmed.len() > PARSE_LIMIT {
        cx.push(
            Code::EmailTooLong,
            vec![("length", crate::text::char_len(trimmed).into())],
        );
        return cx.done("", None);
    }
    if trimmed.is_empty() {
        cx.push(Code::EmailEmpty, vec![]);
        return cx.done("", None);
    }
    if trimmed.len() != value.len() {
        cx.push(Code::EmailSurroundingSpaces, vec![]);
    }
    let (normalized, mut suggestion) = if decorated(trimmed) {
        cx.push(Code::EmailDecoration, vec![]);
        (trimmed.to_owned(), None)
    } else {
        parse(&mut cx, trimmed)
    };
    // Anything wrong: offer the address with every repair at once, if it then passes.
    if suggest && cx.has_error() {
        let fixed = repair(trimmed, opts);
        let (ok, fix) = if fixed == trimmed {
            (false, suggestion)
        } else {
            let r = check_quiet(&fixed, opts);
            (
                r.ok,
                if r.ok {
                    r.suggestion.or(Some(r.normalized))
                } else {
                    r.suggestion
                },
            )
        };
        // A typo's fix on an address with other errors is offered only if it passes.
        suggestion = if ok {
            fix
        } else {
            fix.filter(|s| check_quiet(s, opts).ok)
        };
    }
    cx.done(&normalized, suggestion)
}

/// The check of a repaired address, without a suggestion of its own: most repairs give a
/// clean address, answered by the one-pass [`fast_path`] (the same answer:
/// `tests::clean_agrees_with_the_full_check`).
fn check_quiet(value: &str, opts: &EmailOptions) -> EmailResult {
    fast_path(value, opts).unwrap_or_else(|| check(value, opts, false))
}

/// The checks of an address without decorations: the normalized form, and a typo's fix.
fn parse(cx: &mut Ctx, trimmed: &str) -> (String, Option<String>) {
    // Repairs that are certain are applied to `s` so the remaining checks speak about the
    // address the user meant; each repair is reported.
    // Borrowed unless a repair rewrites it: most addresses are checked without copying.
    let mut s = std::borrow::Cow::Borrowed(trimmed);
    if !s.is_ascii() && s.chars().any(is_fullwidth) {
        let converted: String = s.chars().map(from_fullwidth).collect();
        s = std::borrow::Cow::Owned(converted.trim().to_owned());
        cx.push(
            Code::EmailFullwidth,
            vec![("suggestion", s.to_string().into())],
        );
    }
    if !s.is_ascii() && s.chars().any(is_format) {
        cx.push(Code::EmailInvisibleChar, vec![]);
        s.to_mut().retain(|c| !is_format(c));
    }
    let has_space = if s.is_ascii() {
        // The ASCII characters `char::is_whitespace` accepts (note: includes U+000B).
        s.bytes()
            .any(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'))
    } else {
        s.chars().any(char::is_whitespace)
    };
    if has_space {
        cx.push(Code::EmailSpaceInside, vec![]);
        s.to_mut().retain(|c| !c.is_whitespace());
    }

    let ats = s.bytes().filter(|&b| b == b'@').count();
    if ats == 0 {
        cx.push(Code::EmailMissingAt, vec![]);
        return (trimmed.to_owned(), None);
    }
    if ats > 1 {
        cx.push(Code::EmailMultipleAt, vec![("count", ats.into())]);
        return (trimmed.to_owned(), None);
    }
    let (local, domain) = s.split_once('@').unwrap_or((&s, ""));
    let mut domain = std::borrow::Cow::Borrowed(domain);

    check_local(cx, local);

    if domain.is_empty() {
        cx.push(Code::EmailDomainEmpty, vec![]);
        return (trimmed.to_owned(), None);
    }
    if crate::text::has_byte(&domain, b',') {
        domain = std::borrow::Cow::Owned(domain.replace(',', "."));
        cx.push(
            Code::EmailCommaInDomain,
            vec![("suggestion", join_address(local, &domain).into())],
        );
    }
    let domain = if domain.is_ascii() {
        domain.to_ascii_lowercase()
    } else {
        idn::lowercase(&domain)
    };
    let ascii = check_domain(cx, &domain);

    let mut suggestion = None;
    if let Some(ascii) = &ascii {
        if local.len() + 1 + ascii.len() > 254 && !cx.has(Code::EmailDomainTooLong) {
            cx.push(
                Code::EmailTooLong,
                vec![("length", (local.len() + 1 + ascii.len()).into())],
            );
        }
        // An international domain is looked up by its ASCII form (`gmaíl.comm` as
        // `xn--gmal-xpa.comm`; TLD slips only), so that checking the normalized address
        // never changes the verdict.
        let plain = domain.is_ascii();
        let looked = if plain {
            domain.as_str()
        } else {
            ascii.as_str()
        };
        if let Some(t) = typo::suggest(looked).filter(|t| plain || t.code == Code::EmailTldTypo) {
            let full = join_address(local, &t.domain);
            cx.push(
                t.code,
                vec![("suggestion", full.clone().into()), ("tld", t.tld.into())],
            );
            suggestion = Some(full);
        }
    }
    let normalized = match (&ascii, cx.has_error()) {
        (Some(a), false) => join_address(local, a),
        _ => trimmed.to_owned(),
    };
    (normalized, suggestion)
}

/// The common case, answered in one pass and without allocating: a clean ASCII address with
/// nothing to report (no typo, no look-alike of a built-in official domain). Then the result
/// is `ok` with no findings and the address, with its domain lower-cased, as `normalized`.
/// `tests::clean_agrees_with_the_full_check` holds this to the full check on the corpus.
pub fn is_clean(value: &str) -> bool {
    clean_at(value).is_some()
}

fn fast_path(value: &str, opts: &EmailOptions) -> Option<EmailResult> {
    if !opts.official_domains.is_empty() {
        return None;
    }
    let at = clean_at(value)?;
    let mut normalized = String::with_capacity(value.len());
    normalized.push_str(&value[..=at]);
    normalized.extend(value[at + 1..].chars().map(|c| c.to_ascii_lowercase()));
    Some(EmailResult {
        ok: true,
        normalized,
        suggestion: None,
        findings: Vec::new(),
    })
}

/// The position of the `@` of a clean address (see [`is_clean`]).
fn clean_at(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    if b.len() > 254 {
        return None;
    }
    let at = b.iter().position(|&c| c == b'@')?;
    let (local, domain) = (&b[..at], &b[at + 1..]);
    if local.is_empty() || local.len() > 64 || local[0] == b'.' || local[local.len() - 1] == b'.' {
        return None;
    }
    let mut prev = 0u8;
    for &c in local {
        if !is_local_byte(c) || (c == b'.' && prev == b'.') {
            return None;
        }
        prev = c;
    }
    let (mut labels, mut label_len, mut label_start, mut digits_only) = (0, 0usize, 0u8, true);
    prev = b'.';
    for &c in domain.iter().chain(std::iter::once(&b'.')) {
        if c == b'.' {
            if label_len == 0 || label_len > 63 || label_start == b'-' || prev == b'-' {
                return None;
            }
            labels += 1;
            label_len = 0;
        } else if c.is_ascii_alphanumeric() || c == b'-' {
            if label_len == 0 {
                label_start = c;
                digits_only = true;
            }
            digits_only &= c.is_ascii_digit();
            label_len += 1;
        } else {
            return None;
        }
        prev = c;
    }
    // `label_len` was reset by the final '.'; the TLD's own length is checked below.
    let tld_len = domain.iter().rev().take_while(|&&c| c != b'.').count();
    if labels < 2 || tld_len < 2 || digits_only {
        return None;
    }
    // Plausibility: leave typos and look-alikes to the full check. The lower-cased domain
    // is built on the stack (at most 253 bytes here).
    let mut buf: [u8; 254];
    let domain = if domain.iter().any(u8::is_ascii_uppercase) {
        buf = [0; 254];
        let lower = &mut buf[..domain.len()];
        for (d, s) in lower.iter_mut().zip(domain) {
            *d = s.to_ascii_lowercase();
        }
        std::str::from_utf8(lower).ok()?
    } else {
        value.get(at + 1..)?
    };
    // Punycode labels are decoded and checked by the full check.
    if typo::suggest(domain).is_some() || crate::text::has_sub(domain, "xn--") {
        return None;
    }
    // Compare skeletons only with officials of the same skeleton length.
    let len = idn::ascii_skeleton_len(domain);
    if official_skeletons()
        .iter()
        .any(|(d, s)| s.len() == len && idn::ascii_skeleton_is(domain, s) && *d != domain)
    {
        return None;
    }
    Some(at)
}

/// `local@domain` in one allocation.
fn join_address(local: &str, domain: &str) -> String {
    let mut out = String::with_capacity(local.len() + 1 + domain.len());
    out.push_str(local);
    out.push('@');
    out.push_str(domain);
    out
}

/// `atext` of RFC 5322 §3.2.3 (as the WHATWG grammar uses it) or `.`, as a bit set over ASCII (the fast path tests every byte of the local part).
fn is_local_byte(c: u8) -> bool {
    const fn set() -> u128 {
        let mut bits = 0u128;
        let mut c = 0u8;
        while c < 128 {
            let ok = c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    b'.' | b'!'
                        | b'#'
                        | b'$'
                        | b'%'
                        | b'&'
                        | b'\''
                        | b'*'
                        | b'+'
                        | b'/'
                        | b'='
                        | b'?'
                        | b'^'
                        | b'_'
                        | b'`'
                        | b'{'
                        | b'|'
                        | b'}'
                        | b'~'
                        | b'-'
                );
            if ok {
                bits |= 1 << c;
            }
            c += 1;
        }
        bits
    }
    const LOCAL: u128 = set();
    const LOW: u64 = LOCAL as u64;
    const HIGH: u64 = (LOCAL >> 64) as u64;
    match c {
        0..=63 => LOW & (1 << c) != 0,
        64..=127 => HIGH & (1 << (c - 64)) != 0,
        _ => false,
    }
}

fn check_local(cx: &mut Ctx, local: &str) {
    if local.is_empty() {
        cx.push(Code::EmailLocalEmpty, vec![]);
        return;
    }
    if local.starts_with('.') {
        cx.push(Code::EmailLocalLeadingDot, vec![]);
    }
    if local.ends_with('.') {
        cx.push(Code::EmailLocalTrailingDot, vec![]);
    }
    if crate::text::has_sub(local, "..") {
        cx.push(Code::EmailDoubleDot, vec![]);
    }
    if !local.is_ascii() {
        if let Some(c) = local.chars().find(|c| !c.is_ascii()) {
            cx.push(Code::EmailLocalNonAscii, vec![("char", c.into())]);
        }
    } else if let Some(&b) = local.as_bytes().iter().find(|&&b| !is_local_byte(b)) {
        cx.push(
            Code::EmailLocalInvalidChar,
            vec![("char", char::from(b).into())],
        );
    }
    if local.len() > 64 {
        cx.push(
            Code::EmailLocalTooLong,
            vec![("length", local.len().into())],
        );
    }
}

/// Checks a lower-cased domain; returns its ASCII form when every label could be encoded.
fn check_domain(cx: &mut Ctx, domain: &str) -> Option<String> {
    if domain.starts_with('.') {
        cx.push(Code::EmailDomainLeadingDot, vec![]);
    }
    if domain.ends_with('.') {
        cx.push(Code::EmailDomainTrailingDot, vec![]);
    }
    if crate::text::has_sub(&domain, "..") && !cx.has(Code::EmailDoubleDot) {
        cx.push(Code::EmailDoubleDot, vec![]);
    }
    let ascii_bad = |c: u8| !(c.is_ascii_alphanumeric() || c == b'-' || c == b'.');
    let bad = if domain.is_ascii() {
        domain.bytes().find(|&b| ascii_bad(b)).map(char::from)
    } else {
        domain.chars().find(|&c| {
            if c.is_ascii() {
                ascii_bad(c as u8)
            } else {
                !(c.is_alphanumeric() || idn::is_combining(c)) || idn::is_compat(c)
            }
        })
    };
    if let Some(c) = bad {
        cx.push(Code::EmailDomainInvalidChar, vec![("char", c.into())]);
        return None;
    }
    let labels = || domain.split('.').filter(|l| !l.is_empty());
    let count = labels().count();
    if count == 1 && !domain.starts_with('.') && !domain.ends_with('.') {
        cx.push(Code::EmailMissingTld, vec![("domain", domain.into())]);
    }
    let is_ascii = domain.is_ascii();
    // An ASCII domain is its own ASCII form: only international labels are encoded.
    let mut ascii = String::new();
    let mut encodable = true;
    for label in labels() {
        let chars = crate::text::char_len(label);
        if label.starts_with("xn--") && label.len() <= 63 && idn::xn_label(label).is_none() {
            cx.push(Code::EmailPunycodeInvalid, vec![("label", (*label).into())]);
        }
        if label.starts_with('-') || label.ends_with('-') {
            cx.push(Code::EmailLabelHyphen, vec![("label", (*label).into())]);
        }
        if is_ascii {
            if label.len() > 63 {
                cx.push(
                    Code::EmailLabelTooLong,
                    vec![("length", label.len().into())],
                );
                encodable = false;
            }
            continue;
        }
        let mixed = idn::mixed_scripts(label);
        if !mixed.is_empty() {
            let names: Vec<&str> = mixed.iter().map(|s| idn::script_name(*s)).collect();
            cx.push(
                Code::EmailMixedScript,
                vec![
                    ("label", (*label).into()),
                    ("scripts", crate::text::join(&names, " + ").into()),
                ],
            );
        }
        // A label over 63 characters is over 63 octets in any encoding: skip Punycode.
        let idn_label = if chars > 63 {
            None
        } else {
            idn::label_to_ascii(label)
        };
        match idn_label {
            Some(a) if a.len() <= 63 => {
                if !ascii.is_empty() {
                    ascii.push('.');
                }
                ascii.push_str(&a);
            }
            other => {
                let len = other.map(|a| a.len()).unwrap_or(label.len());
                cx.push(Code::EmailLabelTooLong, vec![("length", len.into())]);
                encodable = false;
            }
        }
    }
    if count >= 2 {
        let tld = labels().next_back().unwrap_or_default();
        if crate::text::char_len(tld) < 2 || tld.chars().all(|c| c.is_ascii_digit()) {
            cx.push(Code::EmailTldInvalid, vec![("tld", tld.into())]);
        }
    }
    if !encodable {
        return None;
    }
    if is_ascii {
        ascii = domain.trim_matches('.').to_owned();
    }
    if ascii.len() > 253 {
        cx.push(
            Code::EmailDomainTooLong,
            vec![("length", ascii.len().into())],
        );
    }
    if !domain.is_ascii() {
        cx.push(Code::EmailIdn, vec![("ascii", ascii.clone().into())]);
    }
    let unicode = idn::decoded(domain);
    if let Some(official) = imitated(unicode.as_deref().unwrap_or(domain), cx.opts) {
        cx.push(
            Code::EmailLookalikeDomain,
            vec![("domain", domain.into()), ("official", official.into())],
        );
    }
    Some(ascii)
}

/// Full-width forms (U+FF01–U+FF5E), the ideographic space and full stops, the small
/// commercial at.
fn is_fullwidth(c: char) -> bool {
    matches!(
        c as u32,
        0xFF01..=0xFF5E | 0x3000 | 0x3002 | 0xFF61 | 0xFE6B
    )
}

fn from_fullwidth(c: char) -> char {
    match c as u32 {
        cp @ 0xFF01..=0xFF5E => char::from_u32(cp - 0xFF01 + 0x21).unwrap_or(c),
        0x3000 => ' ',
        0x3002 | 0xFF61 => '.',
        0xFE6B => '@',
        _ => c,
    }
}

#[cfg(test)]
mod tests;

/// `checkEmail(value, options?)` in the package (the registry in `lib.rs`).
pub struct Email;

impl crate::checks::Check for Email {
    type Options = EmailOptions;
    type Output = EmailResult;
    fn run(
        value: crate::checks::Value,
        options: EmailOptions,
    ) -> Result<EmailResult, crate::checks::Misuse> {
        Ok(check_email_full(&value.text()?, &options))
    }
    fn fallback() -> EmailResult {
        check_email_full("", &EmailOptions::default())
    }
}

// The package renders messages itself (pkg-config/messages.js).
crate::read_options!(EmailOptions {
    lang: choice,
    field: string,
    official_domains: strings,
}; skip_messages: true);
