//! `docs/budgets.md` held to the code: every row that names a constant gives the value that
//! constant's definition evaluates to, and every bound-like constant in `src/` (a name with
//! `MAX`, `LIMIT` or `BUDGET`) has a row. The definitions are read from the source text, so
//! private constants and struct defaults are checked too.

use std::collections::BTreeSet;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Constants whose names look like bounds but are not budgets of ours.
const NOT_BUDGETS: &[(&str, &str)] = &[
    // Punycode's `tmax` parameter (RFC 3492), not a bound on input.
    ("TMAX", "src/idn.rs"),
];

struct Row {
    line: usize,
    name: String,
    file: String,
    value: u64,
}

/// The rows of every table in the page whose fourth column is a value and third names a
/// constant as `` `NAME` in `path` ``.
fn rows() -> Vec<Row> {
    let page = std::fs::read_to_string(Path::new(ROOT).join("docs/budgets.md")).unwrap();
    let mut out = Vec::new();
    for (i, line) in page.lines().enumerate() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // "| check | bound | constant | value | past it |" splits into 7 cells.
        if cells.len() != 7 || !cells[3].contains("` in `") {
            continue;
        }
        let parts: Vec<&str> = cells[3].split('`').collect();
        assert!(
            parts.len() >= 4 && parts[2].trim() == "in",
            "line {}: {}",
            i + 1,
            cells[3]
        );
        let digits: String = cells[4].chars().filter(|c| *c != ',').collect();
        let value = digits
            .parse()
            .unwrap_or_else(|_| panic!("line {}: value {:?} is not a number", i + 1, cells[4]));
        out.push(Row {
            line: i + 1,
            name: parts[1].to_owned(),
            file: parts[3].to_owned(),
            value,
        });
    }
    out
}

/// Evaluates what constant definitions here are written with: integers (with `_`),
/// `1e6`-style numbers, `a << b` and `a * b * …`.
fn eval(expr: &str) -> Option<u64> {
    let atom = |s: &str| -> Option<u64> {
        let s = s.trim().replace('_', "");
        if let Some((m, e)) = s.split_once('e') {
            return Some(m.parse::<u64>().ok()? * 10u64.checked_pow(e.parse().ok()?)?);
        }
        s.parse().ok()
    };
    let term = |s: &str| -> Option<u64> {
        match s.split_once("<<") {
            Some((a, b)) => atom(a)?.checked_shl(u32::try_from(atom(b)?).ok()?),
            None => atom(s),
        }
    };
    expr.split('*')
        .try_fold(1u64, |acc, t| acc.checked_mul(term(t)?))
}

/// The value of `name` in `file`: a `const NAME: T = expr;` (Rust), `const NAME = expr;`
/// (JavaScript), or the first `name: expr,` field initializer that evaluates (a default).
fn definition(file: &str, name: &str) -> Option<u64> {
    let src = std::fs::read_to_string(Path::new(ROOT).join(file)).ok()?;
    for line in src.lines() {
        let t = line.trim();
        let t = t.strip_prefix("pub ").unwrap_or(t);
        if let Some(rest) = t.strip_prefix("const ") {
            let Some(rest) = rest.strip_prefix(name) else {
                continue;
            };
            if !rest.starts_with([':', ' ']) {
                continue;
            }
            let expr = rest.split_once('=')?.1.trim().trim_end_matches(';');
            return eval(expr);
        }
        if let Some(rest) = t.strip_prefix(name).and_then(|r| r.strip_prefix(':')) {
            if let Some(v) = eval(rest.trim().trim_end_matches(',')) {
                return Some(v);
            }
        }
    }
    None
}

#[test]
fn every_row_matches_its_constant() {
    let rows = rows();
    assert!(rows.len() >= 30, "only {} rows read", rows.len());
    let mut wrong = Vec::new();
    for r in &rows {
        match definition(&r.file, &r.name) {
            Some(v) if v == r.value => {}
            got => wrong.push(format!(
                "docs/budgets.md:{}: `{}` in `{}` is {:?} in the code, {} in the table",
                r.line, r.name, r.file, got, r.value
            )),
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// Every `const` in `src/` (not in tests) whose name says it is a bound.
fn bound_constants(dir: &Path, out: &mut BTreeSet<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            bound_constants(&path, out);
            continue;
        }
        let rel = path
            .strip_prefix(ROOT)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if path.extension().is_none_or(|e| e != "rs") || rel.ends_with("tests.rs") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        for line in src.lines() {
            let t = line.trim();
            let t = t
                .strip_prefix("pub(crate) ")
                .or_else(|| t.strip_prefix("pub "))
                .unwrap_or(t);
            let Some(rest) = t.strip_prefix("const ") else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if ["MAX", "LIMIT", "BUDGET"].iter().any(|k| name.contains(k)) {
                out.insert((name, rel.clone()));
            }
        }
    }
}

#[test]
fn every_bound_constant_is_in_the_table() {
    let listed: BTreeSet<(String, String)> = rows().into_iter().map(|r| (r.name, r.file)).collect();
    let mut found = BTreeSet::new();
    // The core crate and our own crates (crates/strength holds the strength estimate's
    // bounds).
    bound_constants(&Path::new(ROOT).join("src"), &mut found);
    bound_constants(&Path::new(ROOT).join("crates"), &mut found);
    assert!(found.len() >= 15, "only {} constants found", found.len());
    let missing: Vec<String> = found
        .iter()
        .filter(|(n, f)| !listed.contains(&(n.clone(), f.clone())))
        .filter(|(n, f)| !NOT_BUDGETS.contains(&(n.as_str(), f.as_str())))
        .map(|(n, f)| format!("`{n}` in `{f}`"))
        .collect();
    assert!(
        missing.is_empty(),
        "bounds missing from docs/budgets.md: {}",
        missing.join(", ")
    );
}

#[test]
fn the_evaluator_reads_what_the_code_writes() {
    assert_eq!(eval("10 * 1024 * 1024"), Some(10_485_760));
    assert_eq!(eval("16 << 20"), Some(16_777_216));
    assert_eq!(eval("2_000_000"), Some(2_000_000));
    assert_eq!(eval("64e6"), Some(64_000_000));
    assert_eq!(eval("usize"), None);
}
