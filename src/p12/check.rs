//! `checkCertificate`: a certificate file (.p12/.pfx) judged as a portal needs it: it opens
//! with the password typed, its certificate is valid at the date of the check (and not about
//! to expire), its private key belongs to the certificate, and its holder is the person or
//! company in the form (RULES.md §6.3: Chile's RUT in the SAN otherName 1.3.6.1.4.1.8321.1,
//! then the subject's serialNumber, OU and CN; Colombia's NIT or cédula in Certicámara's
//! 1.3.6.1.4.1.23267.2.3, the serialNumber, GSE's 1.3.6.1.4.1.31136.1.1.20.2 and the
//! organizationIdentifier).

use super::{open_derived, Certificate, DateTime, Derived, Encryption, OpenError, Opened};
use crate::checks::{Misuse, OptionSource, Prop, ReadOptions};
use crate::codes::{Code, Lang};
use crate::finding::{sort_by_severity, Finding, Param};
use crate::pdf::dates::Date;
use serde::Serialize;

/// The identifier the holder must have (`options.expect`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Expect {
    /// `"cl.rut"`, `"co.nit"`, `"co.cc"` or a DIAN document code: how to read `value`.
    pub kind: String,
    /// As typed in the form (dots, hyphens, with or without the DV).
    pub value: String,
}

/// Options of `checkCertificate` (the password travels apart, and is wiped).
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CertOptions {
    /// The date to judge validity at (`"YYYY-MM-DD"` or a `Date`; the package sends today's).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Date | string"))]
    pub at: Option<Date>,
    /// When `at` is a `Date` (or absent: now), that instant, as seconds since 1970 UTC, and
    /// the device's offset from UTC in minutes: validity is then judged to the second, as
    /// the certificate states it (in UTC), and `daysLeft` counted in the device's days. Set
    /// by the package's boundary, never read from options.
    #[serde(skip)]
    pub instant: Option<(i64, i64)>,
    /// The holder the form names.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub expect: Option<Expect>,
    /// Warn when fewer days than this are left (default 30).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub expires_soon_days: Option<u32>,
    /// The portal's size limit, in bytes.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_bytes: Option<u64>,
    /// Language of the messages (default `"es"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lang: Lang,
    /// The form field the findings belong to.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub field: Option<String>,
}

impl ReadOptions for CertOptions {
    fn read(src: &dyn OptionSource) -> Result<Self, Misuse> {
        let expect = match src.prop("expect")? {
            Prop::Absent => None,
            Prop::Object(o) => Some(Expect {
                kind: o.string("kind")?.unwrap_or_default(),
                value: o.string("value")?.unwrap_or_default(),
            }),
            _ => return Err(Misuse::bad(src.path(), "expect", "{ kind, value }")),
        };
        Ok(CertOptions {
            at: None,
            instant: None,
            expect,
            expires_soon_days: crate::checks::read::count(src, "expires_soon_days")?,
            max_bytes: crate::checks::read::bytes(src, "max_bytes")?,
            lang: crate::checks::read::choice(src, "lang")?,
            field: src.string("field")?,
        })
    }
}

/// A holder identifier found in the certificate.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct HolderId {
    /// `"cl.rut"` or `"co.nit"` (a Colombian number: a NIT with or without its DV, or a cédula).
    pub kind: String,
    /// As the certificate writes it, digits (and the RUT's DV) only.
    pub value: String,
    /// Where: `"san:<oid>"` or `"subject:<oid>"`.
    pub source: String,
}

/// What `checkCertificate` answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CertResult {
    /// True when no finding is an error.
    pub ok: bool,
    /// The holder's certificate's subject (`"CN=JUAN PÉREZ GÓMEZ, O=…, C=CO"`), when it opened.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub subject: Option<String>,
    /// Its issuer.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub issuer: Option<String>,
    /// Its serial number, hexadecimal.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub serial: Option<String>,
    /// Valid from (`"YYYY-MM-DDTHH:MM:SSZ"`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub not_before: Option<String>,
    /// Valid until.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub not_after: Option<String>,
    /// Whole days from the date of the check to the end of validity (negative: expired).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub days_left: Option<i64>,
    /// The holder identifiers found, most authoritative first.
    pub holder_ids: Vec<HolderId>,
    /// Whether the file holds a private key.
    pub has_key: bool,
    /// Whether the key belongs to the certificate.
    pub key_matches_certificate: bool,
    /// `"none"`, `"modern"` (AES) or `"legacy"` (RC2/3DES).
    pub encryption: &'static str,
    /// Everything found, errors first.
    pub findings: Vec<Finding>,
}

/// Checks a certificate file of `size` bytes (`data` empty when it was too large to read).
pub fn check_certificate(
    data: &[u8],
    size: u64,
    password: Option<&str>,
    opts: &CertOptions,
) -> CertResult {
    check_certificate_derived(data, size, password, opts, &[])
}

/// [`check_certificate`] with PBES2 keys already derived from the password
/// ([`super::pbkdf2_params`]; the package derives them with WebCrypto).
pub fn check_certificate_derived(
    data: &[u8],
    size: u64,
    password: Option<&str>,
    opts: &CertOptions,
    derived: &[Derived],
) -> CertResult {
    let mut r = CertResult {
        ok: false,
        subject: None,
        issuer: None,
        serial: None,
        not_before: None,
        not_after: None,
        days_left: None,
        holder_ids: Vec::new(),
        has_key: false,
        key_matches_certificate: false,
        encryption: "none",
        findings: Vec::new(),
    };
    let lang = opts.lang;
    let mut push = |code: Code, params: Vec<(&'static str, Param)>| {
        let mut f = Finding::new(code, lang, params);
        f.field = opts.field.clone();
        f
    };
    let mut findings = Vec::new();
    let limit = opts
        .max_bytes
        .unwrap_or(super::MAX_FILE_BYTES as u64)
        .min(super::MAX_FILE_BYTES as u64);
    if size > limit || (data.len() as u64) < size {
        findings.push(push(
            Code::P12TooLarge,
            vec![
                ("size", format_mb(size, lang).into()),
                ("max", format_mb(limit, lang).into()),
            ],
        ));
        r.findings = findings;
        return r;
    }
    let opened = match open_derived(data, password, derived) {
        Ok(o) => o,
        Err(e) => {
            let f = match e {
                OpenError::NotPkcs12 => push(
                    Code::P12NotPkcs12,
                    vec![("kind", what_it_is(data, lang).into())],
                ),
                OpenError::WrongPassword => push(Code::P12WrongPassword, vec![]),
                OpenError::PasswordRequired => push(Code::P12PasswordMissing, vec![]),
                OpenError::TooManyIterations(n) => push(
                    Code::P12TooComplex,
                    vec![
                        ("iterations", Param::Number(n as f64)),
                        ("max", Param::Number(super::MAX_ITERATIONS as f64)),
                    ],
                ),
                OpenError::Unsupported(oid) => {
                    push(Code::P12Unsupported, vec![("algorithm", oid.into())])
                }
                OpenError::Damaged(_) => push(Code::P12Damaged, vec![]),
                OpenError::TooLarge => push(
                    Code::P12TooLarge,
                    vec![
                        ("size", format_mb(size, lang).into()),
                        ("max", format_mb(limit, lang).into()),
                    ],
                ),
            };
            r.findings = vec![f];
            return r;
        }
    };
    judge(&opened, password, opts, &mut r, &mut findings, &mut push);
    r.findings = sort_by_severity(findings);
    r.ok = crate::finding::no_errors(&r.findings);
    r
}

fn judge(
    o: &Opened,
    password: Option<&str>,
    opts: &CertOptions,
    r: &mut CertResult,
    findings: &mut Vec<Finding>,
    push: &mut dyn FnMut(Code, Vec<(&'static str, Param)>) -> Finding,
) {
    r.encryption = match o.encryption {
        Encryption::None => "none",
        Encryption::Modern => "modern",
        Encryption::Legacy => "legacy",
    };
    if o.encryption == Encryption::Legacy {
        findings.push(push(Code::P12LegacyEncryption, vec![]));
    }
    if password.is_some_and(|p| !p.is_empty()) && !super::password_verifiable(o) {
        findings.push(push(Code::P12PasswordUnverifiable, vec![]));
    }
    r.has_key = !o.keys.is_empty();
    // The holder's certificate: the one the key belongs to, else the first that is not a CA.
    let keyed = o
        .certificates
        .iter()
        .find(|c| o.keys.iter().any(|k| super::matches(c, k)));
    let leaf = keyed
        .or_else(|| o.certificates.iter().find(|c| !c.is_ca))
        .or_else(|| o.certificates.first());
    let Some(cert) = leaf else {
        findings.push(push(Code::P12NoCertificate, vec![]));
        return;
    };
    r.key_matches_certificate = keyed.is_some();
    if !r.has_key {
        findings.push(push(Code::P12NoPrivateKey, vec![]));
    } else if keyed.is_none() {
        findings.push(push(Code::P12KeyMismatch, vec![]));
    }
    r.subject = Some(dn(&cert.subject));
    r.issuer = Some(dn(&cert.issuer));
    r.serial = Some(cert.serial_hex.clone());
    r.not_before = Some(iso(&cert.not_before));
    r.not_after = Some(iso(&cert.not_after));
    if let Some(at) = opts.at {
        let (from, until, now) = (day(&cert.not_before), day(&cert.not_after), at.days());
        // Judged to the second when the instant is known (a certificate that ends at 03:00
        // UTC has ended by that evening in Bogotá), else by the day.
        let (early, late, left) = match opts.instant {
            Some((secs, offset)) => {
                let local_day = |s: i64| (s.saturating_add(offset * 60)).div_euclid(86_400);
                let (b, a) = (seconds(&cert.not_before), seconds(&cert.not_after));
                let late = secs > a;
                // The far future counts as the day path counts it; an ended certificate has
                // less than a day left even on the day it ended.
                let left = if until == i64::from(i32::MAX) {
                    until - now
                } else if late {
                    local_day(a).saturating_sub(now).min(-1)
                } else {
                    local_day(a).saturating_sub(now)
                };
                (secs < b, late, left)
            }
            None => (now < from, now > until, until - now),
        };
        r.days_left = Some(left);
        let shown = |d: &DateTime| date_text(d);
        if early {
            findings.push(push(
                Code::P12NotYetValid,
                vec![("date", shown(&cert.not_before).into())],
            ));
        } else if late {
            findings.push(push(
                Code::P12Expired,
                vec![("date", shown(&cert.not_after).into())],
            ));
        } else if left < i64::from(opts.expires_soon_days.unwrap_or(30)) {
            findings.push(push(
                Code::P12ExpiresSoon,
                vec![
                    ("days", Param::Number(left as f64)),
                    ("date", shown(&cert.not_after).into()),
                ],
            ));
        }
    }
    r.holder_ids = holder_ids(cert);
    if let Some(expect) = opts.expect.as_ref().filter(|e| !e.value.trim().is_empty()) {
        let wanted = digits_and_k(&expect.value);
        let chile = expect.kind == "cl.rut";
        let candidates: Vec<&HolderId> = r
            .holder_ids
            .iter()
            .filter(|h| (h.kind == "cl.rut") == chile)
            .collect();
        if candidates.is_empty() {
            findings.push(push(
                Code::P12HolderNotFound,
                vec![("expected", expect.value.trim().into())],
            ));
        } else if !candidates.iter().any(|h| same_id(&h.value, &wanted, chile)) {
            let found = candidates
                .first()
                .map(|h| h.value.clone())
                .unwrap_or_default();
            findings.push(push(
                Code::P12HolderMismatch,
                vec![
                    ("found", found.into()),
                    ("expected", expect.value.trim().into()),
                ],
            ));
        }
    }
}

/// Digits, and a RUT's K, upper-cased: `"12.345.678-k"` → `"12345678K"`.
fn digits_and_k(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_digit() || *c == 'k' || *c == 'K')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether two identifiers are one: a RUT with its DV (leading zeros aside); a Colombian
/// number with or without its DV on either side.
fn same_id(found: &str, wanted: &str, chile: bool) -> bool {
    let trim = |s: &str| s.trim_start_matches('0').to_owned();
    let (f, w) = (trim(found), trim(wanted));
    if f.len() < 6 || w.len() < 6 {
        return false;
    }
    if chile {
        return f == w;
    }
    // One side may carry the NIT's check digit the other lacks: only when it is the right one.
    let without_dv = |s: &str| -> Option<String> {
        let (body, dv) = s.split_at(s.len().checked_sub(1)?);
        (crate::check_digit::nit(body)? == dv.bytes().next()?.wrapping_sub(b'0'))
            .then(|| body.to_owned())
    };
    f == w || without_dv(&f).is_some_and(|b| b == w) || without_dv(&w).is_some_and(|b| b == f)
}

/// The holder identifiers of `cert`, in the order RULES.md §6.3 gives.
fn holder_ids(cert: &Certificate) -> Vec<HolderId> {
    let mut out: Vec<HolderId> = Vec::new();
    let mut add = |kind: &str, value: String, source: String| {
        if value.len() >= 6 && !out.iter().any(|h| h.kind == kind && h.value == value) {
            out.push(HolderId {
                kind: kind.to_owned(),
                value,
                source,
            });
        }
    };
    // Chile: the SAN otherName, then the subject's serialNumber, OU, CN, when they hold a RUT
    // whose check digit is right.
    for (oid, v) in &cert.san_other_names {
        if oid == "1.3.6.1.4.1.8321.1" {
            add("cl.rut", digits_and_k(v), crate::text::cat(&["san:", oid]));
        }
    }
    for oid in ["2.5.4.5", "2.5.4.11", "2.5.4.3"] {
        for (_, v) in cert.subject.iter().filter(|(o, _)| o == oid) {
            let rut = digits_and_k(v);
            if looks_like_rut(v) && rut_ok(&rut) {
                add("cl.rut", rut, crate::text::cat(&["subject:", oid]));
            }
        }
    }
    // Colombia: Certicámara, serialNumber, GSE, organizationIdentifier; digits only (the value
    // may hold the DV and words such as "NIT").
    for oid in [
        "1.3.6.1.4.1.23267.2.3",
        "2.5.4.5",
        "1.3.6.1.4.1.31136.1.1.20.2",
        "2.5.4.97",
    ] {
        for (_, v) in cert.subject.iter().filter(|(o, _)| o == oid) {
            // "900123456-7" reads as a RUT too: a Colombian certificate's number is kept as
            // Colombian whatever its shape.
            let digits: String = v.chars().filter(char::is_ascii_digit).collect();
            add("co.nit", digits, crate::text::cat(&["subject:", oid]));
        }
    }
    out
}

/// A RUT as certificates write it: digits, a hyphen, a digit or K at the end.
fn looks_like_rut(v: &str) -> bool {
    let v = v.trim();
    let Some((body, dv)) = v.rsplit_once('-') else {
        return false;
    };
    dv.len() == 1
        && dv
            .chars()
            .all(|c| c.is_ascii_digit() || c == 'k' || c == 'K')
        && !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
}

fn rut_ok(rut: &str) -> bool {
    let Some(body) = rut.get(..rut.len().saturating_sub(1)) else {
        return false;
    };
    let dv = rut.get(rut.len().saturating_sub(1)..).unwrap_or_default();
    crate::check_digit::rut(body.trim_start_matches('0')).is_some_and(|d| dv.starts_with(d))
}

/// A distinguished name as people read it, most specific first: `"CN=…, O=…, C=CO"`.
fn dn(attrs: &[(String, String)]) -> String {
    fn name(oid: &str) -> &str {
        match oid {
            "2.5.4.3" => "CN",
            "2.5.4.4" => "SN",
            "2.5.4.5" => "serialNumber",
            "2.5.4.6" => "C",
            "2.5.4.7" => "L",
            "2.5.4.8" => "ST",
            "2.5.4.10" => "O",
            "2.5.4.11" => "OU",
            "2.5.4.12" => "title",
            "2.5.4.42" => "GN",
            "2.5.4.97" => "organizationIdentifier",
            "1.2.840.113549.1.9.1" => "emailAddress",
            other => other,
        }
    }
    let parts: Vec<String> = attrs
        .iter()
        .rev()
        .map(|(o, v)| crate::text::cat(&[name(o), "=", v]))
        .collect();
    parts.join(", ")
}

fn two(n: u8) -> String {
    let s = n.to_string();
    if s.len() < 2 {
        crate::text::cat(&["0", &s])
    } else {
        s
    }
}

fn iso(d: &DateTime) -> String {
    crate::text::cat(&[
        &d.year.to_string(),
        "-",
        &two(d.month),
        "-",
        &two(d.day),
        "T",
        &two(d.hour),
        ":",
        &two(d.minute),
        ":",
        &two(d.second),
        "Z",
    ])
}

/// The certificate date as seconds since 1970 UTC; the far future as [`day`] counts it.
fn seconds(d: &DateTime) -> i64 {
    let days = day(d);
    if days == i64::from(i32::MAX) {
        return i64::MAX / 2;
    }
    days * 86_400 + i64::from(d.hour) * 3_600 + i64::from(d.minute) * 60 + i64::from(d.second)
}

/// `"YYYY-MM-DD"`, the date a message shows.
fn date_text(d: &DateTime) -> String {
    crate::text::cat(&[&d.year.to_string(), "-", &two(d.month), "-", &two(d.day)])
}

/// The certificate date's day number, as `Date::days` counts; RFC 5280's 9999-12-31 ("no
/// expiry") and any year past what `Date` holds count as the far future.
fn day(d: &DateTime) -> i64 {
    if d.year > 2199 {
        return i64::from(i32::MAX);
    }
    Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day)).map_or(0, Date::days)
}

fn format_mb(n: u64, lang: Lang) -> String {
    crate::pdf::check::format_size(n, lang)
}

/// What a file that is not a PKCS#12 really is, for `p12.not_pkcs12`.
fn what_it_is(data: &[u8], lang: Lang) -> String {
    let es = lang == Lang::Es;
    let starts = |p: &[u8]| data.starts_with(p);
    let text = if starts(b"-----BEGIN CERTIFICATE") {
        if es {
            "un certificado PEM (.pem/.crt) sin su clave privada"
        } else {
            "a PEM certificate (.pem/.crt) without its private key"
        }
    } else if starts(b"-----BEGIN") {
        if es {
            "un archivo PEM (texto)"
        } else {
            "a PEM (text) file"
        }
    } else if data.first() == Some(&0x30) && super::cert::certificate(data).is_ok() {
        if es {
            "un certificado .cer/.crt sin su clave privada"
        } else {
            "a .cer/.crt certificate without its private key"
        }
    } else {
        let kind = crate::pdf::sniff::identify(data, data.len() as u64).kind;
        return match kind {
            crate::pdf::sniff::FileKind::Empty => {
                if es {
                    "un archivo vacío"
                } else {
                    "an empty file"
                }
            }
            crate::pdf::sniff::FileKind::Pdf => {
                if es {
                    "un PDF"
                } else {
                    "a PDF"
                }
            }
            k => crate::pdf::check::kind_text(k, lang),
        }
        .to_owned();
    };
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/fixtures/p12/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    fn at(y: i32, m: u32, d: u32) -> CertOptions {
        CertOptions {
            at: Date::new(y, m, d),
            ..CertOptions::default()
        }
    }

    fn check(
        name: &str,
        password: Option<&str>,
        opts: &CertOptions,
    ) -> (CertResult, Vec<&'static str>) {
        let data = fixture(name);
        let r = check_certificate(&data, data.len() as u64, password, opts);
        let codes = r.findings.iter().map(|f| f.code.as_str()).collect();
        (r, codes)
    }

    const PW: Option<&str> = Some("Prueba#2024");

    #[test]
    fn every_fixture_opens_or_is_refused_with_its_code() {
        let o = at(2026, 12, 1);
        for name in ["modern.p12", "des3_sha1.p12", "aes128_sha1mac.p12"] {
            let (r, codes) = check(name, PW, &o);
            assert!(r.ok, "{name}: {codes:?}");
            assert!(r.has_key && r.key_matches_certificate, "{name}");
        }
        let (r, codes) = check("legacy.p12", PW, &o);
        assert_eq!(
            (r.ok, r.encryption, codes),
            (true, "legacy", vec!["p12.legacy_encryption"])
        );
        for name in ["modern_unicode.p12", "legacy_unicode.p12"] {
            assert!(check(name, Some("Ñandú#2024"), &o).0.ok, "{name}");
            // The same letters decomposed (NFD) are other bytes: they do not open it.
            assert_eq!(
                check(name, Some("N\u{303}andu\u{301}#2024"), &o).1,
                ["p12.wrong_password"],
                "{name}"
            );
        }
        for name in [
            "modern.p12",
            "legacy.p12",
            "des3_sha1.p12",
            "aes128_sha1mac.p12",
        ] {
            assert_eq!(
                check(name, Some("prueba#2024"), &o).1,
                ["p12.wrong_password"],
                "{name}"
            );
            assert_eq!(check(name, None, &o).1, ["p12.password_missing"], "{name}");
        }
        let (_, codes) = check("certonly_nomac.p12", Some("cualquiera"), &o);
        assert_eq!(codes, ["p12.no_private_key", "p12.password_unverifiable"]);
        assert_eq!(check("keyonly.p12", PW, &o).1, ["p12.no_certificate"]);
        assert_eq!(check("mismatch.p12", PW, &o).1, ["p12.key_mismatch"]);
        assert_eq!(check("expired.p12", PW, &o).1, ["p12.expired"]);
        assert_eq!(check("notyet.p12", PW, &o).1, ["p12.not_yet_valid"]);
        assert_eq!(check("iter2m.p12", PW, &o).1, ["p12.too_complex"]);
        assert_eq!(check("truncated.p12", PW, &o).1, ["p12.damaged"]);
        let (r, codes) = check("cert.pem", PW, &o);
        assert_eq!(codes, ["p12.not_pkcs12"]);
        assert!(
            matches!(r.findings[0].params.get("kind"), Some(Param::Text(t)) if t.contains("PEM"))
        );
    }

    #[test]
    fn validity_to_the_second_with_an_instant() {
        // modern.p12 ends 2027-12-31T23:59:59Z: 18:59:59 that day in Bogotá (UTC−5).
        let end = Date::new(2027, 12, 31).map_or(0, Date::days) * 86_400 + 86_399;
        let bogota = |secs: i64, y, m, d| CertOptions {
            instant: Some((secs, -300)),
            ..at(y, m, d)
        };
        let (r, codes) = check("modern.p12", PW, &bogota(end - 1, 2027, 12, 31));
        assert_eq!((codes, r.days_left), (vec!["p12.expires_soon"], Some(0)));
        // 20:59:59 in Bogotá, still the 31st there: ended two hours ago.
        let (r, codes) = check("modern.p12", PW, &bogota(end + 7_200, 2027, 12, 31));
        assert_eq!((codes, r.days_left), (vec!["p12.expired"], Some(-1)));
        // East of UTC (Tokyo, UTC+9) the last second is 08:59:59 on 1 January: on the 31st a
        // day is left.
        let tokyo = CertOptions {
            instant: Some((end - 86_400, 540)),
            ..at(2027, 12, 31)
        };
        let (r, codes) = check("modern.p12", PW, &tokyo);
        assert_eq!((codes, r.days_left), (vec!["p12.expires_soon"], Some(1)));
        // Without the instant, the day: valid through the 31st.
        assert_eq!(
            check("modern.p12", PW, &at(2027, 12, 31)).1,
            ["p12.expires_soon"]
        );
    }

    #[test]
    fn names_dates_and_holders() {
        let (r, _) = check("modern.p12", PW, &at(2027, 12, 10));
        let subject = r.subject.clone().unwrap();
        assert!(
            subject.starts_with("organizationIdentifier=NITCO-900123456-7")
                || subject.contains("CN=JUAN PÉREZ GÓMEZ"),
            "{subject}"
        );
        assert!(
            subject.contains("CN=JUAN PÉREZ GÓMEZ")
                && subject.contains("O=EMPRESA DE PRUEBA S.A.S."),
            "{subject}"
        );
        assert_eq!(r.not_after.as_deref().map(|d| &d[..10]), Some("2027-12-31"));
        assert_eq!(r.days_left, Some(21));
        assert_eq!(
            r.findings
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>(),
            ["p12.expires_soon"]
        );
        let kinds: Vec<(&str, &str)> = r
            .holder_ids
            .iter()
            .map(|h| (h.kind.as_str(), h.value.as_str()))
            .collect();
        assert!(kinds.contains(&("cl.rut", "123456785")), "{kinds:?}");
        assert!(kinds.contains(&("co.nit", "900123456")), "{kinds:?}");
        // The holder the form names, as people type it.
        let expect = |kind: &str, value: &str| CertOptions {
            expect: Some(Expect {
                kind: kind.into(),
                value: value.into(),
            }),
            ..at(2026, 12, 1)
        };
        for (kind, value) in [
            ("cl.rut", "12.345.678-5"),
            ("cl.rut", "12345678-5"),
            ("co.nit", "900.123.456-7"),
            ("co.nit", "900123456"),
            ("31", "900123456-7"),
        ] {
            assert!(
                check("modern.p12", PW, &expect(kind, value)).0.ok,
                "{kind} {value}"
            );
        }
        assert_eq!(
            check("modern.p12", PW, &expect("cl.rut", "76.086.428-5")).1,
            ["p12.holder_mismatch"]
        );
        assert_eq!(
            check("modern.p12", PW, &expect("co.nit", "800.197.268-4")).1,
            ["p12.holder_mismatch"]
        );
    }

    #[test]
    fn colombian_numbers_with_and_without_their_dv() {
        assert_eq!(crate::check_digit::nit("900123456"), Some(8));
        assert_eq!(crate::check_digit::nit("800197268"), Some(4));
        assert!(same_id("9001234568", "900123456", false));
        assert!(same_id("900123456", "9001234568", false));
        // A last digit that is not the check digit is another number.
        assert!(!same_id("900123456", "9001234567", false));
        assert!(
            !same_id("52123456", "521234567", false)
                || crate::check_digit::nit("52123456") == Some(7)
        );
        assert!(!same_id("52123456", "5212345", false));
    }

    #[test]
    fn rut_digits() {
        assert_eq!(crate::check_digit::rut("12345678"), Some('5'));
        assert_eq!(crate::check_digit::rut("76086428"), Some('5'));
        assert_eq!(crate::check_digit::rut("60803000"), Some('K'));
    }

    #[test]
    fn sizes_are_refused_unread() {
        let data = fixture("modern.p12");
        let o = CertOptions {
            max_bytes: Some(1_000),
            ..at(2026, 12, 1)
        };
        let r = check_certificate(&data, data.len() as u64, PW, &o);
        assert_eq!(r.findings[0].code, Code::P12TooLarge);
        let r = check_certificate(&[], 50_000_000, PW, &at(2026, 12, 1));
        assert_eq!(r.findings[0].code, Code::P12TooLarge);
    }
}
