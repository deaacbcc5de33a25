//! What the package's JavaScript needs once, at start-up, to render results: every code with
//! its severity and both templates (`listCodes()` and the messages of both modules), the
//! password checklist's rule lines, and the DIAN document types (`dianDocumentTypes()`).
//! Sent as one JSON text by the core module's `tables()`:
//!
//! `{"codes": [[code, severity, es, en]…], "rules": [[id, es, en]…], "dian": [[code, name, kind]…]}`

use crate::checks::name_of;
use crate::codes::{Code, Lang, RuleId};
use crate::id::DIAN_DOCUMENT_TYPES;
use crate::json::write_str;

fn list<T>(out: &mut String, items: &[T], mut each: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(out, item);
    }
    out.push(']');
}

fn row(out: &mut String, cells: &[&str]) {
    list(out, cells, |out, c| write_str(out, c));
}

/// The tables, as JSON.
pub fn tables() -> String {
    let mut out = String::from("{\"codes\":");
    list(&mut out, Code::ALL, |out, c| {
        let sev = name_of(&c.severity());
        row(
            out,
            &[c.as_str(), &sev, c.template(Lang::Es), c.template(Lang::En)],
        );
    });
    out.push_str(",\"rules\":");
    list(&mut out, RuleId::ALL, |out, r| {
        row(
            out,
            &[&name_of(r), r.template(Lang::Es), r.template(Lang::En)],
        );
    });
    out.push_str(",\"dian\":");
    list(&mut out, DIAN_DOCUMENT_TYPES, |out, t| {
        row(out, &[t.code, t.name, t.kind.as_str()]);
    });
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_json_in_table_order() {
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
        assert_eq!(t["dian"][0].as_array().unwrap().len(), 3);
    }
}
