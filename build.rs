//! Derives the two Unicode tables the email check needs from well-kept crates, at build
//! time, and keeps only what a domain check reads. Linking `unicode-security` and
//! `unicode-script` themselves (with `idna`) costs ≈ 200 KB gzip (RULES.md §5.3); these
//! reduced tables cost a few KB.
//!
//! * `CONFUSABLES`: every code point whose UTS #39 skeleton is pure ASCII and differs from
//!   itself (Cyrillic `а` → `a`, Arabic alef → `l`, `m` → `rn`). Official domains are
//!   ASCII, so a skeleton that keeps any non-ASCII character can never collide with one.
//! * `SCRIPTS`: the Unicode Script property as sorted range starts, with Common, Inherited
//!   and Unknown folded into one neutral value.
use std::fmt::Write as _;
use unicode_script::{Script, UnicodeScript};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut src = String::new();

    // Confusables.
    src.push_str("/// (code point, ASCII skeleton), sorted by code point.\n");
    src.push_str("pub(crate) static CONFUSABLES: &[(u32, &str)] = &[\n");
    for cp in 0u32..=0x10FFFF {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let one = c.to_string();
        let sk: String = unicode_security::skeleton(&one).collect();
        if sk != one && sk.is_ascii() && !sk.is_empty() {
            writeln!(src, "({cp:#x},{sk:?}),").unwrap();
        }
    }
    src.push_str("];\n");

    // Scripts.
    let mut names: Vec<&'static str> = vec!["Common"];
    let mut ranges: Vec<(u32, u8)> = Vec::new();
    for cp in 0u32..=0x10FFFF {
        let id = match char::from_u32(cp) {
            None => 0,
            Some(c) => match c.script() {
                Script::Common | Script::Inherited | Script::Unknown => 0,
                s => {
                    let n = s.full_name();
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
    src.push_str("/// (first code point of a run, script index), sorted.\n");
    src.push_str("pub(crate) static SCRIPT_RUNS: &[(u32, u8)] = &[\n");
    for (cp, id) in &ranges {
        writeln!(src, "({cp:#x},{id}),").unwrap();
    }
    src.push_str("];\n");

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
