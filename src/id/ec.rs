//! Ecuador: cédula (province, third digit, modulo 10) and RUC in its three layouts
//! (RULES.md §3.1–3.2). A company or public-entity RUC that fails its checksum is a
//! warning: the SRI issues such numbers and says they "are not generated with any
//! algorithm".

use super::{Ctx, Holder, IdDetails, RucType};
use crate::codes::Code;

/// Province codes 01–24, and 30 (registered abroad) and 50 (foreigners), as python-stdnum.
const PROVINCES: [&str; 24] = [
    "Azuay",
    "Bolívar",
    "Cañar",
    "Carchi",
    "Cotopaxi",
    "Chimborazo",
    "El Oro",
    "Esmeraldas",
    "Guayas",
    "Imbabura",
    "Loja",
    "Los Ríos",
    "Manabí",
    "Morona Santiago",
    "Napo",
    "Pastaza",
    "Pichincha",
    "Tungurahua",
    "Zamora Chinchipe",
    "Galápagos",
    "Sucumbíos",
    "Orellana",
    "Santo Domingo de los Tsáchilas",
    "Santa Elena",
];

fn province(d: &[u8]) -> Option<&'static str> {
    match (d[0] - b'0') * 10 + (d[1] - b'0') {
        p @ 1..=24 => Some(PROVINCES[usize::from(p) - 1]),
        30 => Some("Exterior"),
        50 => Some("Extranjeros"),
        _ => None,
    }
}

/// The 10th digit of a cédula from its first nine: coefficients 2,1,2,1…, products over 9
/// minus 9, then `(10 − Σ mod 10) mod 10`.
fn ci_digit(d: &[u8]) -> u8 {
    let s: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let p = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            if p > 9 {
                p - 9
            } else {
                p
            }
        })
        .sum();
    ((10 - s % 10) % 10) as u8
}

/// Σ wᵢ·dᵢ mod 11 over the first `weights.len()` digits (the check digit has weight 1).
fn mod11(d: &[u8], weights: &[u32]) -> u32 {
    d.iter()
        .zip(weights)
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum::<u32>()
        % 11
}
const PUBLIC: [u32; 9] = [3, 2, 7, 6, 5, 4, 3, 2, 1];
const PRIVATE: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/// Exact length, all digits already guaranteed by `compact`.
fn length(cx: &mut Ctx, c: &str, want: usize) -> bool {
    if c.len() < want {
        cx.push(
            Code::IdTooShort,
            &[("length", c.len().into()), ("min", want.into())],
        );
    } else if c.len() > want {
        cx.push(
            Code::IdTooLong,
            &[("length", c.len().into()), ("max", want.into())],
        );
    }
    c.len() == want
}

fn province_ok(cx: &mut Ctx, details: &mut IdDetails, d: &[u8]) -> bool {
    details.province = province(d);
    if details.province.is_none() {
        let p = std::str::from_utf8(&d[..2]).unwrap_or_default();
        cx.push(Code::IdProvince, &[("province", p.into())]);
    }
    details.province.is_some()
}

pub(super) fn ci(cx: &mut Ctx, details: &mut IdDetails, c: &str) -> (String, String) {
    let d = c.as_bytes();
    if !length(cx, c, 10) || !province_ok(cx, details, d) {
        return (c.to_owned(), String::new());
    }
    if d[2] > b'6' {
        cx.push(
            Code::IdThirdDigit,
            &[
                ("digit", char::from(d[2]).into()),
                ("allowed", "0–6".into()),
            ],
        );
        return (c.to_owned(), String::new());
    }
    let expected = ci_digit(d);
    if d[9] - b'0' != expected {
        cx.push(
            Code::IdCheckDigit,
            &[
                ("expected", char::from(b'0' + expected).into()),
                ("given", char::from(d[9]).into()),
            ],
        );
        return (c.to_owned(), String::new());
    }
    details.holder = Some(Holder::Person);
    (c.to_owned(), c.to_owned())
}

pub(super) fn ruc(cx: &mut Ctx, details: &mut IdDetails, c: &str) -> (String, String) {
    let d = c.as_bytes();
    if !length(cx, c, 13) || !province_ok(cx, details, d) {
        return (c.to_owned(), String::new());
    }
    let est3 = &c[10..];
    let natural_ok = d[2] <= b'6' && ci_digit(d) == d[9] - b'0';
    let public_ok = c[9..] != *"0000" && mod11(d, &PUBLIC) == 0;
    let (ty, ok) = match d[2] {
        b'0'..=b'5' => {
            if est3 == "000" {
                cx.push(Code::IdEstablishment, &[("establishment", est3.into())]);
                return (c.to_owned(), String::new());
            }
            if !natural_ok {
                let expected = ci_digit(d);
                cx.push(
                    Code::IdCheckDigit,
                    &[
                        ("expected", char::from(b'0' + expected).into()),
                        ("given", char::from(d[9]).into()),
                    ],
                );
                return (c.to_owned(), String::new());
            }
            (RucType::Natural, true)
        }
        b'6' if public_ok => (RucType::Public, true),
        b'6' if natural_ok && est3 != "000" => (RucType::Natural, true),
        b'6' => {
            if &c[9..] == "0000" {
                cx.push(Code::IdEstablishment, &[("establishment", c[9..].into())]);
                return (c.to_owned(), String::new());
            }
            (RucType::Public, false)
        }
        b'9' if public_ok => (RucType::Public, true),
        b'9' => {
            if est3 == "000" {
                cx.push(Code::IdEstablishment, &[("establishment", est3.into())]);
                return (c.to_owned(), String::new());
            }
            (RucType::Private, mod11(d, &PRIVATE) == 0)
        }
        _ => {
            cx.push(
                Code::IdThirdDigit,
                &[
                    ("digit", char::from(d[2]).into()),
                    ("allowed", "0–6, 9".into()),
                ],
            );
            return (c.to_owned(), String::new());
        }
    };
    if !ok {
        cx.push(Code::IdRucChecksum, &[]);
    }
    details.ruc_type = Some(ty);
    details.holder = Some(if ty == RucType::Natural {
        Holder::Person
    } else {
        Holder::Company
    });
    (c.to_owned(), c.to_owned())
}
