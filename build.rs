//! Derives the two Unicode tables the email check needs from well-kept crates, at build
//! time, and keeps only what a domain check reads. Linking `unicode-security` and
//! `unicode-script` themselves (with `idna`) costs ≈ 200 KB gzip (RULES.md §5.3); these
//! reduced tables cost a few KB.
//!
//! * `CONF_*`: every letter, digit or mark whose UTS #39 skeleton is pure ASCII and differs from
//!   itself (Cyrillic `а` → `a`, Arabic alef → `l`, `m` → `rn`). Official domains are
//!   ASCII, so a skeleton that keeps any non-ASCII character can never collide with one.
//! * `SCRIPTS`: the Unicode Script property as sorted range starts, with Common, Inherited
//!   and Unknown folded into one neutral value.
use std::fmt::Write as _;
use unicode_script::{Script, UnicodeScript};

/// Compatibility blocks (mathematical alphanumerics, enclosed and squared letters, letterlike
/// symbols, presentation forms). IDNA maps them to plain letters, so a domain typed with them
/// is a disguise; keep in sync with `idn::is_compat`.
fn is_compat(cp: u32) -> bool {
    include!("src/compat_ranges.in")
        .iter()
        .any(|&(a, b)| (a..=b).contains(&cp))
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/compat_ranges.in");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut src = String::new();

    // Confusables.
    // Only characters a domain label can hold (letters, digits, marks) and that are not
    // compatibility forms, which the email check refuses outright (see `idn::is_compat`).
    let mut cps = Vec::new();
    let mut offsets = vec![0u16];
    let mut blob = String::new();
    for cp in 0u32..=0x10FFFF {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if !(c.is_alphanumeric() || c.script() == Script::Inherited) || is_compat(cp) {
            continue;
        }
        let one = c.to_string();
        let sk: String = unicode_security::skeleton(&one).collect();
        if sk != one && sk.is_ascii() && !sk.is_empty() {
            cps.push(cp);
            blob.push_str(&sk);
            offsets.push(u16::try_from(blob.len()).expect("blob fits u16"));
        }
    }
    // ASCII gets a direct table: domains are mostly ASCII and checked on every call.
    let ascii: Vec<String> = (0u8..128)
        .map(|b| {
            let one = (b as char).to_string();
            let sk: String = unicode_security::skeleton(&one).collect();
            if sk == one {
                String::new()
            } else {
                sk
            }
        })
        .collect();
    src.push_str("/// Skeleton of each ASCII character; empty when it is the character itself.\n");
    writeln!(
        src,
        "pub(crate) static ASCII_SKELETON: [&str; 128] = {ascii:?};"
    )
    .unwrap();
    src.push_str("/// Code points whose skeleton is ASCII, sorted; their skeleton is\n");
    src.push_str("/// `CONF_BLOB[CONF_OFFSETS[i]..CONF_OFFSETS[i + 1]]`.\n");
    writeln!(
        src,
        "pub(crate) static CONF_CPS: [u32; {}] = {cps:?};",
        cps.len()
    )
    .unwrap();
    writeln!(
        src,
        "pub(crate) static CONF_OFFSETS: [u16; {}] = {offsets:?};",
        offsets.len()
    )
    .unwrap();
    writeln!(src, "pub(crate) static CONF_BLOB: &str = {blob:?};").unwrap();

    // Scripts.
    let mut names: Vec<&'static str> = vec!["Common"];
    let mut ranges: Vec<(u32, u8)> = Vec::new();
    for cp in 0u32..=0x10FFFF {
        let id = match char::from_u32(cp) {
            None => 0,
            Some(c) => match c.script() {
                Script::Common | Script::Inherited | Script::Unknown => 0,
                s => {
                    // Plane 1 holds ~90 historic and minority scripts: one class for all of
                    // them keeps the table small (≈ 3 KB of wasm) and still flags any of
                    // them mixed with Latin, the case that matters for a domain.
                    let n = if (0x10000..0x20000).contains(&cp) {
                        "Other"
                    } else {
                        s.full_name()
                    };
                    match names.iter().position(|x| *x == n) {
                        Some(i) => i as u8,
                        None => {
                            names.push(n);
                            (names.len() - 1) as u8
                        }
                    }
                }
            },
        };
        if ranges.last().map(|r| r.1) != Some(id) {
            ranges.push((cp, id));
        }
    }
    src.push_str("/// Script names; index 0 is the neutral class (Common, Inherited, Unknown).\n");
    writeln!(src, "pub(crate) static SCRIPT_NAMES: &[&str] = &{names:?};").unwrap();
    src.push_str("/// Runs of one script: `first code point << 8 | script index`, sorted.\n");
    let packed: Vec<u32> = ranges
        .iter()
        .map(|(cp, id)| cp << 8 | u32::from(*id))
        .collect();
    writeln!(
        src,
        "pub(crate) static SCRIPT_RUNS: [u32; {}] = {packed:?};",
        packed.len()
    )
    .unwrap();

    // Inherited (combining marks) is neutral above, but a label may contain marks: keep
    // their ranges separately so the domain check can allow them.
    src.push_str("/// Runs of Script=Inherited (combining marks), as (start, end) inclusive.\n");
    src.push_str("pub(crate) static INHERITED: &[(u32, u32)] = &[\n");
    let mut start: Option<u32> = None;
    for cp in 0u32..=0x110000 {
        let inh = char::from_u32(cp)
            .map(|c| c.script() == Script::Inherited)
            .unwrap_or(false);
        match (inh, start) {
            (true, None) => start = Some(cp),
            (false, Some(s)) => {
                writeln!(src, "({s:#x},{:#x}),", cp - 1).unwrap();
                start = None;
            }
            _ => {}
        }
    }
    src.push_str("];\n");
    std::fs::write(format!("{out}/unicode_tables.rs"), src).expect("write tables");
}
