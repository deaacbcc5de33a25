//! The numbering plans, as digit patterns over the national significant number.
//!
//! Transcribed from libphonenumber's metadata (PyPI `phonenumbers` 9.0.43,
//! `data/region_CO.py`, `region_CL.py`, `region_EC.py`; RULES.md §1.4, §2.2, §3.3): each
//! regular expression is expanded into its alternatives, written as one character per
//! digit: a digit is itself, `x` is any digit, `[0-24-9]` a class. A number matches a
//! pattern when it has exactly as many digits and each one fits. `tests/phone_plan.py`
//! (run by `make test`) checks these lists against the library on sampled numbers.
//! This keeps the data to a few hundred bytes instead of libphonenumber's megabytes.

/// Colombia, mobile (10 digits).
pub const CO_MOBILE: &[&str] = &[
    "333301[0-5]xxx",
    "333300xxxx",
    "33332[5-9]xxxx",
    "3333[3-9]xxxxx",
    "324[1-9]xxxxxx",
    "3300xxxxxx",
    "333[0-24-9]xxxxxx",
    "9408xxxxxx",
    "30[0-5]xxxxxxx",
    "31xxxxxxxx",
    "32[0-3]xxxxxxx",
    "35[01]xxxxxxx",
    "370xxxxxxx",
];
/// Colombia, fixed (10 digits: 60 + region + 7). libphonenumber also lists 8-digit
/// `46xxxxxx`; prevalida reads 8 digits as the pre-2021 format (see `phone.old_area_code`).
pub const CO_FIXED: &[&str] = &[
    "601055[0-4]xxx",
    "60105550xx",
    "6010[0-4]xxxxx",
    "60105[0-4]xxxx",
    "60[18][1-9]xxxxxx",
    "60[24-7][2-9]xxxxxx",
];
/// Colombia, toll-free and premium rate.
pub const CO_SERVICE: &[&str] = &[
    "1800xxxxxxx",
    "190[01]xxxxxxx",
    "194[78]xxxxxxx",
    "901xxxxxxx",
];

/// Chile, mobile: libphonenumber lists the same ranges as fixed-or-mobile; those starting
/// with 9 are mobiles (all mobiles have started with 9 since 2012).
pub const CL_MOBILE: &[&str] = &[
    "910[0-2]xxxxx",
    "97[1-9]xxxxxx",
    "93[0-57-9]xxxxxx",
    "9360[02-9]xxxx",
    "936[1-9]xxxxx",
    "96[0-8]xxxxxx",
    "969[02-79]xxxxx",
    "9691[05-9]xxxx",
    "99[03-9]xxxxxx",
    "991[0235-9]xxxxx",
    "9914[0-24-9]xxxx",
    "992[0-79]xxxxx",
    "9928[0-46-9]xxxx",
    "9[2458]xxxxxxx",
];
/// Chile, fixed (and VoIP `44`, a contact number too).
pub const CL_FIXED: &[&str] = &[
    "21982[0-6]xxx",
    "23314[05-9]xxx",
    "21160xxxx",
    "21962xxxx",
    "23[24]xxxxxx",
    "2350xxxxx",
    "233[0346-9]xxxxx",
    "2331[0-35-9]xxxx",
    "2332[1-9]xxxx",
    "2335[0-24-9]xxxx",
    "23600xxxx",
    "2646[59]xxxx",
    "600xxxxxx",
    "80[1-9]xxxxxx",
    "22xxxxxxx",
    "3[2-5]xxxxxxx",
    "[47][1-35]xxxxxxx",
    "5[1-3578]xxxxxxx",
    "6[13-57]xxxxxxx",
    "8[1-9]xxxxxxx",
    "44xxxxxxx",
];
/// Chile, toll-free and shared cost.
pub const CL_SERVICE: &[&str] = &["800xxxxxx", "12300xxxxxx", "600xxxxxxx", "600xxxxxxxx"];

/// Ecuador, mobile (9 digits: 9 + 8).
pub const EC_MOBILE: &[&str] = &[
    "964[0-2]xxxxx",
    "93[0-29]xxxxxx",
    "9[57][89]xxxxxx",
    "96[0-36-9]xxxxxx",
    "9[89]xxxxxxx",
];
/// Ecuador, fixed (8 digits: province code + 7), and VoIP.
pub const EC_FIXED: &[&str] = &["[2-7][2-7]xxxxxx", "[2-7]890xxxx"];
/// Ecuador, toll-free.
pub const EC_SERVICE: &[&str] = &["1800xxxxxxx", "1[78]00xxxxxx"];

/// Whether the digits of `n` fit `pattern` exactly.
pub fn matches(pattern: &str, n: &[u8]) -> bool {
    let p = pattern.as_bytes();
    let (mut i, mut k) = (0, 0);
    while i < p.len() {
        let Some(&d) = n.get(k) else { return false };
        match p[i] {
            b'x' => i += 1,
            b'[' => {
                let mut hit = false;
                i += 1;
                while i < p.len() && p[i] != b']' {
                    let (lo, hi) = if p.get(i + 1) == Some(&b'-') {
                        (p[i], p[i + 2])
                    } else {
                        (p[i], p[i])
                    };
                    hit |= (lo..=hi).contains(&d);
                    i += if lo == hi && p.get(i + 1) != Some(&b'-') {
                        1
                    } else {
                        3
                    };
                }
                if !hit {
                    return false;
                }
                i += 1;
            }
            c if c == d => i += 1,
            _ => return false,
        }
        k += 1;
    }
    k == n.len()
}

/// Whether `n` fits any of `patterns`.
pub fn any(patterns: &[&str], n: &[u8]) -> bool {
    patterns.iter().any(|p| matches(p, n))
}
