//! Colombia: the NIT and its DIAN check digit (RULES.md §1.1), and the personal documents,
//! which carry no check digit (§1.2): only their characters and lengths can be checked.

use super::{compact, group, Chars, Ctx, Holder, IdDetails, Kind, PARSE_LIMIT};
use crate::codes::Code;

/// The DIAN check digit (DV) of a NIT body of 1–15 ASCII digits; `None` for anything else.
///
/// ```
/// assert_eq!(prevalida::id::nit_check_digit("800197268"), Some(4)); // DIAN
/// assert_eq!(prevalida::id::nit_check_digit("900204272"), Some(8)); // GSE
/// ```
pub fn nit_check_digit(body: &str) -> Option<u8> {
    crate::check_digit::nit(body)
}

/// Body lengths: below 5 no NIT exists; above 15 the algorithm has no weights. The usual
/// range is 6–10 (a person's NIT is the cédula; companies have 9 digits).
const NIT_BODY: (usize, usize) = (5, 15);
const NIT_USUAL: (usize, usize) = (6, 10);

fn nit_holder(body: &str) -> Option<Holder> {
    match (body.len(), body.as_bytes()[0]) {
        (9, b'8' | b'9') => Some(Holder::Company),
        (n, _) if n <= 10 => Some(Holder::Person),
        _ => None,
    }
}

/// The display form of a NIT: `900.373.115-3`.
fn nit_format(body: &str, dv: u8) -> String {
    let mut s = group(body);
    s.push('-');
    s.push(char::from(b'0' + dv));
    s
}

/// Length checks shared by the one-field and two-field forms; true when the body can be
/// checked further.
fn nit_body_ok(cx: &mut Ctx, body: &str, with_dv: usize) -> bool {
    let n = body.len();
    if n < NIT_BODY.0 {
        cx.push(
            Code::IdTooShort,
            &[
                ("length", (n + with_dv).into()),
                ("min", (NIT_BODY.0 + with_dv).into()),
            ],
        );
        return false;
    }
    if n > NIT_BODY.1 {
        cx.push(
            Code::IdTooLong,
            &[
                ("length", (n + with_dv).into()),
                ("max", (NIT_BODY.1 + with_dv).into()),
            ],
        );
        return false;
    }
    if n < NIT_USUAL.0 || n > NIT_USUAL.1 {
        cx.push(
            Code::IdUnusualLength,
            &[("usual", "6–10 + DV".into()), ("length", n.into())],
        );
    }
    true
}

/// `co.nit` in one field: the last digit is the DV.
pub(super) fn nit(cx: &mut Ctx, details: &mut IdDetails, c: &str) -> (String, String) {
    let (body, dv) = c.split_at(c.len() - 1);
    if !nit_body_ok(cx, body, 1) {
        return (c.to_owned(), String::new());
    }
    let given = dv.as_bytes()[0] - b'0';
    let expected = nit_check_digit(body).unwrap_or(0);
    if given != expected {
        cx.push(
            Code::IdCheckDigit,
            &[
                ("expected", char::from(b'0' + expected).into()),
                ("given", dv.into()),
            ],
        );
        return (c.to_owned(), String::new());
    }
    details.holder = nit_holder(body);
    (c.to_owned(), nit_format(body, given))
}

/// `co.nit` in two fields.
pub(super) fn nit_parts(
    cx: &mut Ctx,
    details: &mut IdDetails,
    nit: &str,
    dv: &str,
) -> (String, String) {
    cx.part("nit");
    if nit.len() > PARSE_LIMIT {
        cx.push(
            Code::IdTooLong,
            &[("length", nit.len().into()), ("max", NIT_BODY.1.into())],
        );
        return (String::new(), String::new());
    }
    let body = match compact(nit, Chars::Digits) {
        Err(c) => {
            cx.push(
                Code::IdInvalidChar,
                &[
                    ("char", c.into()),
                    ("allowed", Chars::Digits.shown().into()),
                ],
            );
            return (String::new(), String::new());
        }
        Ok(b) if b.is_empty() => {
            cx.push(Code::IdEmpty, &[]);
            return (b, String::new());
        }
        Ok(b) => b,
    };
    // A NIT field that already ends with its DV: certain enough when the DV field repeats
    // that digit; when the DV field is empty, only for the lengths such a NIT would have
    // (a 9-digit company body or a 10-digit cédula, plus the DV). Reported on the NIT field.
    let includes_dv = |cx: &mut Ctx, dv_given: Option<u8>| {
        let (head, last) = body.split_at(body.len() - 1);
        let digit = last.as_bytes()[0] - b'0';
        let shape = match dv_given {
            Some(d) => d == digit && head.len() >= NIT_BODY.0,
            None => {
                (body.len() == 10 && matches!(body.as_bytes()[0], b'8' | b'9')) || body.len() == 11
            }
        };
        let found = shape && nit_check_digit(head) == Some(digit);
        if found {
            cx.push(
                Code::IdNitIncludesDv,
                &[("body", head.into()), ("dv", last.into())],
            );
        }
        found
    };
    if dv.len() > PARSE_LIMIT {
        cx.part("dv");
        cx.push(
            Code::IdTooLong,
            &[("length", dv.len().into()), ("max", 1usize.into())],
        );
        return (body, String::new());
    }
    match compact(dv, Chars::Digits).as_deref() {
        Ok("") => {
            if includes_dv(cx, None) || !nit_body_ok(cx, &body, 0) {
                return (body, String::new());
            }
            cx.part("dv");
            let expected = nit_check_digit(&body).unwrap_or(0);
            cx.push(
                Code::IdDvMissing,
                &[
                    ("nit", body.as_str().into()),
                    ("expected", char::from(b'0' + expected).into()),
                ],
            );
            (body, String::new())
        }
        Ok(d) if d.len() == 1 => {
            let given = d.as_bytes()[0] - b'0';
            let expected = nit_check_digit(&body);
            if (expected != Some(given) && includes_dv(cx, Some(given)))
                || !nit_body_ok(cx, &body, 0)
            {
                return (body, String::new());
            }
            let expected = expected.unwrap_or(0);
            let compact = crate::text::cat(&[body.as_str(), d]);
            if given != expected {
                cx.part("dv");
                cx.push(
                    Code::IdCheckDigit,
                    &[
                        ("expected", char::from(b'0' + expected).into()),
                        ("given", d.into()),
                    ],
                );
                return (compact, String::new());
            }
            details.holder = nit_holder(&body);
            let formatted = nit_format(&body, given);
            (compact, formatted)
        }
        Ok(d) => {
            cx.part("dv");
            cx.push(
                Code::IdTooLong,
                &[("length", d.len().into()), ("max", 1usize.into())],
            );
            (body, String::new())
        }
        Err(c) => {
            cx.part("dv");
            cx.push(
                Code::IdInvalidChar,
                &[
                    ("char", (*c).into()),
                    ("allowed", Chars::Digits.shown().into()),
                ],
            );
            (body, String::new())
        }
    }
}

/// What can be checked of a document without a check digit.
pub(super) struct Spec {
    pub(super) min: usize,
    pub(super) max: usize,
    /// The range most numbers of this kind have: outside it, `id.unusual_length`.
    usual: Option<(usize, usize, &'static str)>,
    numeric: bool,
}

/// Lengths per RULES.md §1.2 and §3.3. Where the sources are heuristic or unverified
/// (PEP, PPT, CE), the hard range is wide and the usual one only warns.
pub(super) fn spec(kind: Kind) -> Spec {
    let s = |min, max, usual, numeric| Spec {
        min,
        max,
        usual,
        numeric,
    };
    match kind {
        Kind::CoCc => s(5, 10, None, true),
        Kind::CoCe => s(3, 10, Some((6, 7, "6–7")), true),
        Kind::CoTi => s(6, 11, Some((10, 11, "10–11")), true),
        Kind::CoNuip => s(6, 11, Some((10, 11, "10–11")), true),
        Kind::CoPep => s(6, 20, Some((15, 15, "15")), true),
        Kind::CoPpt => s(4, 15, Some((6, 8, "6–8")), true),
        Kind::Passport => s(5, 20, None, false),
        _ => s(2, 30, None, false),
    }
}

/// A document without a check digit: `co.cc`, `co.ce`, `co.ti`, `co.pep`, `co.ppt`,
/// `co.nuip`, `passport`, `foreign`.
pub(super) fn document(
    cx: &mut Ctx,
    details: &mut IdDetails,
    kind: Kind,
    c: &str,
) -> (String, String) {
    let sp = spec(kind);
    let n = c.len();
    if n < sp.min {
        cx.push(
            Code::IdTooShort,
            &[("length", n.into()), ("min", sp.min.into())],
        );
    } else if n > sp.max {
        cx.push(
            Code::IdTooLong,
            &[("length", n.into()), ("max", sp.max.into())],
        );
    } else if kind == Kind::CoCc && c.starts_with('0') {
        cx.push(Code::IdLeadingZero, &[]);
    } else if kind == Kind::CoCc && n < 6 {
        cx.push(Code::IdCcShort, &[("length", n.into())]);
    } else if let Some((_, _, shown)) = sp.usual.filter(|u| n < u.0 || n > u.1) {
        cx.push(
            Code::IdUnusualLength,
            &[("usual", shown.into()), ("length", n.into())],
        );
    }
    if cx.errors() {
        return (c.to_owned(), String::new());
    }
    if kind != Kind::Foreign {
        details.holder = Some(Holder::Person);
    }
    let formatted = if sp.numeric { group(c) } else { c.to_owned() };
    (c.to_owned(), formatted)
}
