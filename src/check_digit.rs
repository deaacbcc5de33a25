//! The check digits of Colombia's NIT and Chile's RUT: the one definition of each, used by the
//! identifier checks (`crate::id`, core module) and by the certificate reader's holder
//! identifiers (`crate::p12`, files module, which does not link the identifier checks).

/// DIAN's weights for a NIT body, from its last digit.
const NIT_WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

/// The DIAN check digit of a NIT body of 1–15 digits (modulo 11); `None` for anything else.
pub fn nit(body: &str) -> Option<u8> {
    if body.is_empty() || body.len() > 15 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let s: u32 = body
        .bytes()
        .rev()
        .zip(NIT_WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let r = (s % 11) as u8;
    Some(if r < 2 { r } else { 11 - r })
}

/// The check digit of a RUT body of 1–8 digits (modulo 11, weights 2…7 from the right;
/// `'K'` for 10); `None` for anything else.
pub fn rut(body: &str) -> Option<char> {
    if body.is_empty() || body.len() > 8 || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let s: u32 = body
        .bytes()
        .rev()
        .zip([2, 3, 4, 5, 6, 7].into_iter().cycle())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(match 11 - s % 11 {
        11 => '0',
        10 => 'K',
        d => char::from(b'0' + d as u8),
    })
}
