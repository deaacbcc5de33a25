//! Chile: RUT / RUN, modulo 11 with `K` (RULES.md §2.1).

use super::{group, Ctx, Holder, IdDetails};
use crate::codes::Code;

/// The check digit of a RUT body of 1–8 ASCII digits (`'0'`–`'9'` or `'K'`); `None` for
/// anything else.
///
/// ```
/// assert_eq!(prevalida::id::rut_check_digit("60803000"), Some('K')); // SII
/// assert_eq!(prevalida::id::rut_check_digit("76086428"), Some('5'));
/// ```
pub fn rut_check_digit(body: &str) -> Option<char> {
    crate::check_digit::rut(body)
}

/// Companies are given RUTs from 50,000,000 up; people (RUN) are below.
const COMPANY_FROM: u32 = 50_000_000;

pub(super) fn rut(cx: &mut Ctx, details: &mut IdDetails, c: &str) -> (String, String) {
    let (body, dv) = c.split_at(c.len() - 1);
    // Leading zeros are not part of the number (`07880442-4` is `7880442-4`).
    let body = body.trim_start_matches('0');
    let n = body.len() + 1;
    if body.is_empty() {
        cx.push(
            Code::IdTooShort,
            &[("length", n.into()), ("min", 2usize.into())],
        );
        return (c.to_owned(), String::new());
    }
    if body.len() > 8 {
        cx.push(
            Code::IdTooLong,
            &[("length", n.into()), ("max", 9usize.into())],
        );
        return (c.to_owned(), String::new());
    }
    let compact = crate::text::cat(&[body, "-", dv]);
    let expected = rut_check_digit(body).unwrap_or('0');
    if dv.chars().next() != Some(expected) {
        cx.push(
            Code::IdCheckDigit,
            &[("expected", expected.into()), ("given", dv.into())],
        );
        return (compact, String::new());
    }
    let value: u32 = body.parse().unwrap_or(0);
    if value < 1_000_000 {
        cx.push(Code::IdRutSmall, &[]);
    }
    details.holder = Some(if value >= COMPANY_FROM {
        Holder::Company
    } else {
        Holder::Person
    });
    let formatted = crate::text::cat(&[&group(body), "-", dv]);
    (compact, formatted)
}
