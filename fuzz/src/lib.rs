//! The bodies of the fuzz targets (issue 14): each entry point of both modules, with the
//! invariants every answer must keep checked inside the target, not only "no crash".
//!
//! The same functions run three ways: under libFuzzer (`fuzz_targets/*.rs`, `make fuzz`, and a
//! bounded smoke run in `make test`), and replayed over the seeds and every regression input
//! by `tests/fuzz_replay.rs` in the main crate's native tests (deterministic: no fuzzer
//! needed). An invariant that breaks panics, which is what libFuzzer reports as a crash.
//!
//! Invariants, for every input:
//! - the answer is deterministic: the same input twice gives the same answer;
//! - every finding's code is in the published table (`Code::ALL`), its severity is the one
//!   the table fixes, and its message renders in Spanish and English (every `{name}` of
//!   both templates has its parameter);
//! - `ok` is false exactly when a finding is an error;
//! - normalizing twice changes nothing: an accepted value's `normalized` form, checked again
//!   with the same options, is accepted and normalizes to itself;
//! - time and memory stay within the budgets of docs/budgets.md: libFuzzer's `-timeout` and
//!   `-rss_limit_mb` (scripts/fuzz.sh) turn a slow or greedy input into a failure.

use prevalida::checks::Value;
use prevalida::options_json::JsonOptions;
use prevalida::{Code, Lang};
use serde_json::Value as Json;

/// Splits a field target's input: the options (JSON text) before the first NUL byte, the
/// value after it; no NUL: no options and the whole input is the value. Bytes that are not
/// UTF-8 are replaced, as a JS string would have them.
pub fn split(data: &[u8]) -> (String, String) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (
            String::from_utf8_lossy(&data[..i]).into_owned(),
            String::from_utf8_lossy(&data[i + 1..]).into_owned(),
        ),
        None => (String::new(), String::from_utf8_lossy(data).into_owned()),
    }
}

fn run_field(name: &str, value: &str, options: &str) -> Result<String, String> {
    let src = JsonOptions::new(options, "options").map_err(|m| m.0)?;
    prevalida::registry::run(name, Value::Text(value.to_owned()), &src)
        .expect("every name in FIELDS is in the registry")
        .map_err(|m| m.0)
}

/// One typed-field check (`name`: the package's, `checkEmail`) on a fuzz input ([`split`]).
pub fn field(name: &str, data: &[u8]) {
    let (options, value) = split(data);
    let first = run_field(name, &value, &options);
    assert_eq!(
        first,
        run_field(name, &value, &options),
        "not deterministic"
    );
    let Ok(text) = first else {
        return; // misuse (bad options): a coded exception, deterministic as checked above
    };
    let result: Json = serde_json::from_str(&text).expect("a result is JSON");
    findings(&result);
    // Normalizing twice changes nothing.
    if result["ok"] == Json::Bool(true) {
        if let Some(normalized) = result["normalized"].as_str() {
            let again = run_field(name, normalized, &options).expect("options were valid");
            let again: Json = serde_json::from_str(&again).unwrap();
            assert_eq!(
                again["ok"],
                Json::Bool(true),
                "{name}({normalized:?}) rejected"
            );
            assert_eq!(
                again["normalized"].as_str(),
                Some(normalized),
                "{name}: normalizing {normalized:?} again changed it"
            );
        }
    }
}

/// The invariants of a result's findings (see the crate's documentation).
pub fn findings(result: &Json) {
    let list = result["findings"].as_array().expect("findings is a list");
    let mut errors = false;
    for f in list {
        let name = f["code"].as_str().expect("a code is a string");
        let code = *Code::ALL
            .iter()
            .find(|c| c.as_str() == name)
            .unwrap_or_else(|| panic!("{name} is not in the code table"));
        let severity = serde_json::to_value(code.severity()).unwrap();
        assert_eq!(
            f["severity"], severity,
            "{name}: severity is not the table's"
        );
        errors |= severity == "error";
        // The message renders in both languages: every `{name}` of the templates has its
        // parameter (the package renders core findings from the same templates).
        for lang in [Lang::Es, Lang::En] {
            let template = code.template(lang);
            assert!(!template.is_empty(), "{name}: no {lang:?} template");
            for piece in template.split('{').skip(1) {
                let param = piece.split('}').next().unwrap_or_default();
                assert!(
                    f["params"].get(param).is_some(),
                    "{name}: parameter {param:?} of its {lang:?} message missing in {f}"
                );
            }
        }
    }
    if let Some(ok) = result["ok"].as_bool() {
        assert_eq!(
            ok, !errors,
            "ok must be false exactly when a finding is an error"
        );
    }
}

/// `inspectPdf` and `checkPdf` on a file: the first byte picks the rules (content, color,
/// encryption, a text to look for), the rest is the file.
pub fn pdf(data: &[u8]) {
    use prevalida::pdf::{check_bytes, inspect_pdf, sniff};
    let (rules, bytes) = pdf_rules(data);
    let _ = sniff(bytes);
    let info = inspect_pdf(bytes);
    assert_eq!(info, inspect_pdf(bytes), "inspectPdf not deterministic");
    let size = bytes.len() as u64;
    let result = check_bytes(bytes, size, &rules);
    assert_eq!(
        result,
        check_bytes(bytes, size, &rules),
        "checkPdf not deterministic"
    );
    findings(&serde_json::to_value(&result).unwrap());
}

fn pdf_rules(data: &[u8]) -> (prevalida::pdf::PdfRules, &[u8]) {
    use prevalida::pdf::check::{Content, EncryptionRule};
    use prevalida::pdf::dates::Date;
    let Some((&pick, bytes)) = data.split_first() else {
        return (Default::default(), data);
    };
    let rules = prevalida::pdf::PdfRules {
        max_bytes: (pick & 1 != 0).then_some(1 << 20),
        min_pages: (pick & 2 != 0).then_some(1),
        max_pages: (pick & 2 != 0).then_some(3),
        encryption: if pick & 4 != 0 {
            EncryptionRule::Allow
        } else {
            EncryptionRule::Forbid
        },
        content: [Content::Any, Content::Text, Content::Scan][(pick >> 3) as usize % 3],
        color: pick & 32 != 0,
        must_contain: if pick & 64 != 0 {
            vec!["RUT".into(), "Cámara".into()]
        } else {
            vec![]
        },
        issued_within_days: (pick & 128 != 0).then_some(30),
        today: Some(Date {
            year: 2026,
            month: 6,
            day: 1,
        }),
        // Not from `pick` (every bit is taken): from the file's length.
        lang: if bytes.len() % 2 == 1 {
            Lang::En
        } else {
            Lang::Es
        },
        field: Some("documento".into()),
    };
    (rules, bytes)
}

/// `extractPdfText` on a file: the first byte picks the pages and the character limit.
pub fn pdf_text(data: &[u8]) {
    use prevalida::pdf::{extract_text, TextOptions};
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let options = TextOptions {
        pages: (pick & 1 != 0).then(|| vec![1, (pick as u32 >> 1) % 5 + 1]),
        max_chars: if pick & 2 != 0 { 64 } else { 10_000_000 },
    };
    let text = extract_text(bytes, &options);
    assert_eq!(
        text,
        extract_text(bytes, &options),
        "extractPdfText not deterministic"
    );
    let json = serde_json::to_value(&text).unwrap();
    let pages = json["pages"]
        .as_array()
        .expect("extractPdfText answers its pages");
    let chars: usize = pages
        .iter()
        .map(|p| p.as_str().expect("a page's text").chars().count())
        .sum();
    assert!(
        chars <= options.max_chars,
        "{chars} characters, more than asked"
    );
}

/// `checkCertificate` on a file: the password before the first NUL byte, the file after it
/// (no NUL: no password). Judged at a fixed date, expecting a Chilean RUT.
pub fn cert(data: &[u8]) {
    use prevalida::p12::check::{check_certificate, CertOptions, Expect};
    use prevalida::pdf::dates::Date;
    let (password, file) = match data.iter().position(|&b| b == 0) {
        Some(i) => (
            Some(String::from_utf8_lossy(&data[..i]).into_owned()),
            &data[i + 1..],
        ),
        None => (None, data),
    };
    let options = CertOptions {
        at: Some(Date {
            year: 2026,
            month: 6,
            day: 1,
        }),
        expect: Some(Expect {
            kind: "cl.rut".into(),
            value: "76.086.428-5".into(),
        }),
        field: Some("certificado".into()),
        ..Default::default()
    };
    let _ = prevalida::p12::pbkdf2_params(file);
    let size = file.len() as u64;
    let first = check_certificate(file, size, password.as_deref(), &options);
    assert_eq!(
        first,
        check_certificate(file, size, password.as_deref(), &options),
        "checkCertificate not deterministic"
    );
    findings(&serde_json::to_value(&first).unwrap());
    // The other of "no password" and "empty password" on the same file: an answer too.
    let other = if password.is_some() { None } else { Some("") };
    findings(&serde_json::to_value(check_certificate(file, size, other, &options)).unwrap());
}

/// Every fuzz target: its name (`fuzz_targets/<name>.rs`) and its body.
/// What a target runs: a typed-field check of the registry by its package name, or a
/// files-module body.
#[derive(Clone, Copy)]
pub enum Body {
    Field(&'static str),
    File(fn(&[u8])),
}

/// Every target, by the name of its `fuzz_targets/<name>.rs`: the one list the fuzz targets,
/// the smoke run's seeds and the replay test read.
pub const TARGETS: &[(&str, Body)] = &[
    ("email", Body::Field("checkEmail")),
    ("password", Body::Field("checkPassword")),
    ("id", Body::Field("checkId")),
    ("phone", Body::Field("checkPhone")),
    ("name", Body::Field("checkName")),
    ("address", Body::Field("checkAddress")),
    ("pdf", Body::File(pdf)),
    ("pdf_text", Body::File(pdf_text)),
    ("cert", Body::File(cert)),
];

/// Runs target `name` on one input.
pub fn run(name: &str, data: &[u8]) {
    match TARGETS.iter().find(|t| t.0 == name).map(|t| t.1) {
        Some(Body::Field(check)) => field(check, data),
        Some(Body::File(body)) => body(data),
        None => panic!("no fuzz target {name}"),
    }
}

/// Every options string of the field seeds is accepted by its check, so that no seed tests
/// only the options reader (a seed with bad options returns early in [`field`]).
pub fn seed_options_are_valid() {
    for (target, options, _) in FIELD_SEEDS {
        let Some((_, Body::Field(check))) = TARGETS.iter().find(|t| t.0 == *target) else {
            panic!("field seeds for {target}, which is not a field target");
        };
        for o in *options {
            if let Err(e) = run_field(check, "x", o) {
                panic!("{target} seed options {o} refused: {e}");
            }
        }
    }
}

fn with_options(options: &str, value: &str) -> Vec<u8> {
    let mut v = options.as_bytes().to_vec();
    v.push(0);
    v.extend_from_slice(value.as_bytes());
    v
}

/// What people type, with options as the package passes them (`JSON.stringify`).
const FIELD_SEEDS: &[(&str, &[&str], &[&str])] = &[
    (
        "email",
        &[
            "",
            r#"{"lang":"en","field":"correo"}"#,
            r#"{"officialDomains":["dian.gov.co","sii.cl"]}"#,
        ],
        &[
            "ventas@empresa,com,co",
            "juan.perez@gmail.con",
            " ana@Hotmail.com ",
            "contador@dian.gov.co",
            "josé@correo.co",
            "user@xn--caf-dma.com",
            "a@b",
            "pepe@@mail.com",
            "ñandú@empresa.cl",
        ],
    ),
    (
        "password",
        &[
            r#"{"policy":"gse"}"#,
            r#"{"policy":"dian","confirmation":"Colombia2024*","personal":["Juan","Pérez","1020304050"]}"#,
            r#"{"policy":{"minLength":10,"require":["upper","digit","special"],"maxRepeat":2,"blocklist":true},"lang":"en"}"#,
            r#"{"policy":"nist"}"#,
        ],
        &[
            "Colombia2024*",
            "123456",
            "Ñandú#2024 ",
            "contraseña",
            "Juan1020304050",
            "aaaaaaaaaa",
            "P@ssw0rd",
            "correct horse battery staple",
        ],
    ),
    (
        "id",
        &[
            r#"{"kind":"co.nit"}"#,
            r#"{"kind":"co.cc"}"#,
            r#"{"kind":"cl.rut","field":"rut"}"#,
            r#"{"kind":"ec.ruc"}"#,
            r#"{"kind":"ec.ci"}"#,
            r#"{"kind":"31"}"#,
            r#"{"kind":"13","lang":"en"}"#,
        ],
        &[
            "900.123.456-8",
            "8001972684",
            "1.020.304.050",
            "76.086.428-5",
            "12345678-K",
            "1710034065",
            "1790011674001",
            "0990000000001",
            " 76086428 5 ",
        ],
    ),
    (
        "phone",
        &[
            r#"{"country":"CO"}"#,
            r#"{"country":"CL","type":"mobile"}"#,
            r#"{"country":"EC","type":"fixed"}"#,
        ],
        &[
            "+57 300 123 4567",
            "(601) 234 5678",
            "0057 3001234567",
            "+56 9 8765 4321",
            "22 123 4567",
            "099 123 4567",
            "02-234-5678",
            "57.300.123.4567",
        ],
    ),
    (
        "name",
        &[
            "",
            r#"{"kind":"company","maxLength":80}"#,
            r#"{"kind":"person","lang":"en","field":"nombres"}"#,
        ],
        &[
            "  maría   josé ",
            "O'Brien-Pérez",
            "ACME S.A.S.",
            "Inversiones Ñandú & Cía. Ltda.",
            "1020304050",
            "Jean-Luc d'Artagnan",
        ],
    ),
    (
        "address",
        &["", r#"{"maxLength":100,"lang":"en"}"#],
        &[
            "Cra 14 # 123-45 apto 301",
            "Calle 26 No. 69-76 Torre 2 Of. 501",
            "Av. Boyacá # 12B - 30 sur",
            "Vereda El Carmen, finca La Esperanza",
            "KR 7 BIS 45 12",
        ],
    ),
];

/// The seed inputs of `target`, built from the fixtures and the public suites under `root`
/// (the main crate's directory): the replay test runs them, and `scripts/fuzz.sh` writes
/// them out as the fuzzer's starting corpus.
pub fn seeds(target: &str, root: &std::path::Path) -> Vec<Vec<u8>> {
    let read_dir = |dir: &str, ext: &str| -> Vec<Vec<u8>> {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == ext));
        paths.sort();
        paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
    };
    let mut out = Vec::new();
    for (name, options, values) in FIELD_SEEDS {
        if *name == target {
            for o in *options {
                for v in *values {
                    out.push(with_options(o, v));
                }
            }
        }
    }
    match target {
        "email" => {
            for suite in read_dir("tests/corpus/email", "json") {
                let json: Json = serde_json::from_slice(&suite).unwrap_or(Json::Null);
                for case in json["cases"].as_array().into_iter().flatten() {
                    if let Some(input) = case["input"].as_str() {
                        out.push(input.as_bytes().to_vec());
                    }
                }
            }
        }
        "pdf" | "pdf_text" => {
            for (i, file) in read_dir("tests/corpus/pdf", "pdf").into_iter().enumerate() {
                let mut v = vec![(i * 37) as u8];
                v.extend_from_slice(&file);
                out.push(v);
            }
        }
        "cert" => {
            // Each fixture with the passwords of tests/fixtures/p12/make.sh (one opens it), and
            // with none; a PEM file, which is not PKCS#12.
            for file in read_dir("tests/fixtures/p12", "p12") {
                for password in ["Prueba#2024", "Ñandú#2024"] {
                    out.push(
                        with_options(password, "")
                            .into_iter()
                            .chain(file.iter().copied())
                            .collect(),
                    );
                }
                out.push(file);
            }
            for file in read_dir("tests/fixtures/p12", "pem") {
                out.push(
                    with_options("Prueba#2024", "")
                        .into_iter()
                        .chain(file)
                        .collect(),
                );
            }
        }
        _ => {}
    }
    out
}
