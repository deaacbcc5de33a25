//! The compact form in which results cross to JavaScript: JSON arrays of indices, numbers
//! and the few strings that vary, with no message text. The package's JS glue
//! (`pkg-config/api.js`, `messages.js`) turns a tape back into the documented result objects and renders
//! messages from the same templates (`tables()`), which cross once, at start-up.
//!
//! Why: `JSON.parse` of a full result with its messages costs ≈ 2 µs per finding in V8,
//! more than the check itself; a tape is a quarter of the bytes and parses in a fraction.
//! The shapes (all positions fixed):
//!
//! * finding: `[code index, field | null, key, value, key, value, …]`
//! * email:   `[ok, normalized, suggestion | null, [finding…]]`, or, for the common case
//!   of a valid address with nothing to report, `"\u{1}"` followed by the normalized
//!   address (no JSON to parse at all)
//! * password: `[ok, allowed, [[rule index, ok, n | null]…], score, guessesLog10,
//!   [pattern index…], [finding…]]`
//! * id:      `[ok, compact, formatted, [finding…], kind index, dianCode | null,
//!   type | null, holder | null, province | null]`
//! * phone:   `[ok, e164 | null, national | null, type | null, [finding…]]`
//! * tables:  `{"codes": [[code, severity, es, en]…], "rules": [[id, es, en]…],
//!   "patterns": [pattern…], "kinds": [kind…], "dian": [[code, name, kind]…]}`

use crate::codes::{Code, Lang, RuleId};
use crate::email::EmailResult;
use crate::finding::Severity;
use crate::finding::{Finding, Param};
use crate::id::{Holder, IdResult, Kind, RucType, DIAN_DOCUMENT_TYPES};
use crate::json::{write_f64, write_int, write_str};
use crate::password::{PasswordResult, Pattern};
use crate::phone::{PhoneResult, PhoneType};

fn write_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => write_str(out, s),
        None => out.push_str("null"),
    }
}

fn write_findings(out: &mut String, findings: &[Finding]) {
    out.push('[');
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        write_int(out, code_index(f.code) as i64);
        out.push(',');
        write_opt_str(out, f.field.as_deref());
        for (k, v) in &f.params.0 {
            out.push(',');
            write_str(out, k);
            out.push(',');
            match v {
                Param::Text(s) => write_str(out, s),
                Param::Number(n) => write_f64(out, *n),
            }
        }
        out.push(']');
    }
    out.push(']');
}

/// The position of `code` in [`Code::ALL`] (declaration order).
fn code_index(code: Code) -> usize {
    code as usize
}

/// The tape of an email result.
pub fn email(r: &EmailResult) -> String {
    if r.ok && r.findings.is_empty() && r.suggestion.is_none() {
        let mut out = String::with_capacity(1 + r.normalized.len());
        out.push('\u{1}');
        out.push_str(&r.normalized);
        return out;
    }
    let mut out = String::with_capacity(64 + r.normalized.len());
    out.push('[');
    out.push_str(if r.ok { "1," } else { "0," });
    write_str(&mut out, &r.normalized);
    out.push(',');
    write_opt_str(&mut out, r.suggestion.as_deref());
    out.push(',');
    write_findings(&mut out, &r.findings);
    out.push(']');
    out
}

/// The tape of a password result; `allowed` is the policy's special characters as shown.
pub fn password(r: &PasswordResult, allowed: &str) -> String {
    let mut out = String::with_capacity(256);
    out.push('[');
    out.push_str(if r.ok { "1," } else { "0," });
    write_str(&mut out, allowed);
    out.push_str(",[");
    for (i, rule) in r.rules.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        write_int(&mut out, rule.id as i64);
        out.push_str(if rule.ok { ",1," } else { ",0," });
        match rule.n {
            Some(n) => write_int(&mut out, n as i64),
            None => out.push_str("null"),
        }
        out.push(']');
    }
    out.push_str("],");
    write_int(&mut out, r.strength.score.into());
    out.push(',');
    write_f64(&mut out, r.strength.guesses_log10);
    out.push_str(",[");
    for (i, p) in r.strength.patterns.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_int(&mut out, *p as i64);
    }
    out.push_str("],");
    write_findings(&mut out, &r.findings);
    out.push(']');
    out
}

/// The tape of an identifier result.
pub fn id(r: &IdResult) -> String {
    let mut out = String::with_capacity(96);
    out.push_str(if r.ok { "[1," } else { "[0," });
    write_str(&mut out, &r.compact);
    out.push(',');
    write_str(&mut out, &r.formatted);
    out.push(',');
    write_findings(&mut out, &r.findings);
    out.push(',');
    let d = &r.details;
    write_int(&mut out, d.kind as i64);
    out.push(',');
    write_opt_str(&mut out, d.dian_code);
    out.push(',');
    write_opt_str(
        &mut out,
        d.ruc_type.map(|t| match t {
            RucType::Natural => "natural",
            RucType::Public => "public",
            RucType::Private => "private",
        }),
    );
    out.push(',');
    write_opt_str(
        &mut out,
        d.holder.map(|h| match h {
            Holder::Person => "person",
            Holder::Company => "company",
        }),
    );
    out.push(',');
    write_opt_str(&mut out, d.province);
    out.push(']');
    out
}

/// The tape of a phone result.
pub fn phone(r: &PhoneResult) -> String {
    let mut out = String::with_capacity(96);
    out.push_str(if r.ok { "[1," } else { "[0," });
    write_opt_str(&mut out, r.e164.as_deref());
    out.push(',');
    write_opt_str(&mut out, r.national.as_deref());
    out.push(',');
    write_opt_str(
        &mut out,
        r.kind.map(|k| match k {
            PhoneType::Mobile => "mobile",
            PhoneType::Fixed => "fixed",
        }),
    );
    out.push(',');
    write_findings(&mut out, &r.findings);
    out.push(']');
    out
}

// Names as serde writes them (a test keeps them equal): matching by hand keeps the serde
// serializer out of the .wasm.
fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}
fn rule_name(r: RuleId) -> &'static str {
    use RuleId::*;
    match r {
        MinLength => "min_length",
        MaxLength => "max_length",
        Upper => "upper",
        Lower => "lower",
        Digit => "digit",
        Special => "special",
        NoWhitespace => "no_whitespace",
        MaxRepeat => "max_repeat",
        NotBlocklisted => "not_blocklisted",
        NoPersonal => "no_personal",
        Confirmation => "confirmation",
    }
}
fn pattern_name(p: Pattern) -> &'static str {
    use Pattern::*;
    match p {
        CommonPassword => "common_password",
        Word => "word",
        Personal => "personal",
        Year => "year",
        Date => "date",
        Sequence => "sequence",
        Repeat => "repeat",
        Keyboard => "keyboard",
    }
}

/// Everything the glue needs to turn tapes into results, sent once.
pub fn tables() -> String {
    let mut out = String::from("{\"codes\":[");
    for (i, c) in Code::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        write_str(&mut out, c.as_str());
        out.push(',');
        write_str(&mut out, severity_name(c.severity()));
        out.push(',');
        write_str(&mut out, c.template(Lang::Es));
        out.push(',');
        write_str(&mut out, c.template(Lang::En));
        out.push(']');
    }
    out.push_str("],\"rules\":[");
    for (i, r) in RuleId::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        write_str(&mut out, rule_name(*r));
        out.push(',');
        write_str(&mut out, r.template(Lang::Es));
        out.push(',');
        write_str(&mut out, r.template(Lang::En));
        out.push(']');
    }
    out.push_str("],\"patterns\":[");
    for (i, p) in Pattern::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(&mut out, pattern_name(*p));
    }
    out.push_str("],\"kinds\":[");
    for (i, k) in Kind::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(&mut out, k.as_str());
    }
    out.push_str("],\"dian\":[");
    for (i, t) in DIAN_DOCUMENT_TYPES.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        write_str(&mut out, t.code);
        out.push(',');
        write_str(&mut out, t.name);
        out.push(',');
        write_str(&mut out, t.kind.as_str());
        out.push(']');
    }
    out.push_str("]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::{check_email, EmailOptions};

    #[test]
    fn hand_written_names_are_serde_names() {
        let q = |s: &str| format!("\"{s}\"");
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            assert_eq!(q(severity_name(sev)), crate::json::to_json(&sev));
        }
        for r in RuleId::ALL {
            assert_eq!(q(rule_name(*r)), crate::json::to_json(r));
        }
        for p in Pattern::ALL {
            assert_eq!(q(pattern_name(*p)), crate::json::to_json(p));
        }
        for k in Kind::ALL {
            assert_eq!(q(k.as_str()), crate::json::to_json(k));
        }
        assert_eq!(crate::json::to_json(&RucType::Private), "\"private\"");
        assert_eq!(crate::json::to_json(&Holder::Company), "\"company\"");
        assert_eq!(crate::json::to_json(&PhoneType::Mobile), "\"mobile\"");
    }

    #[test]
    fn indices_follow_declaration_order() {
        for (i, c) in Code::ALL.iter().enumerate() {
            assert_eq!(code_index(*c), i);
        }
        for (i, r) in RuleId::ALL.iter().enumerate() {
            assert_eq!(*r as usize, i);
        }
        for (i, p) in Pattern::ALL.iter().enumerate() {
            assert_eq!(*p as usize, i);
        }
    }

    #[test]
    fn email_tape_and_tables_are_json() {
        let r = check_email("ventas@empresa,com,co", &EmailOptions::default());
        let v: serde_json::Value = serde_json::from_str(&email(&r)).unwrap();
        assert_eq!(
            v,
            serde_json::json!([
                0,
                "ventas@empresa,com,co",
                "ventas@empresa.com.co",
                [[
                    code_index(Code::EmailCommaInDomain),
                    null,
                    "suggestion",
                    "ventas@empresa.com.co"
                ]]
            ])
        );
        let t: serde_json::Value = serde_json::from_str(&tables()).unwrap();
        assert_eq!(t["codes"].as_array().unwrap().len(), Code::ALL.len());
        assert_eq!(
            t["codes"][1],
            serde_json::json!([
                "email.empty",
                "error",
                "Escribe tu correo electrónico.",
                "Enter your email address."
            ])
        );
        assert_eq!(t["rules"][0][0], "min_length");
        assert_eq!(t["patterns"][0], "common_password");
    }
}
