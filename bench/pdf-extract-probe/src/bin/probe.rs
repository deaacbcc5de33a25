//! Native measurements of `pdf_extract::extract_text_from_mem` (README.md says how to run).
//!
//! `probe corpus|mutated|operators|speed|all` drives; each extraction of the corpus and of
//! the mutated files runs in a child process (`probe one`, the PDF on stdin) so that a stack
//! overflow, an abort or a hang is counted instead of ending the run. The child catches
//! panics with `catch_unwind` (panic hook silenced) and reports `ok|err|panic <µs> <detail>`
//! on its first stdout line, then the text.
// The same corrupted files as prevalida's tests/pdf.rs (one recipe, one source file).
#[path = "../../../../tests/common/mutate.rs"]
mod mutate;

use std::io::{Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A child still running after this is killed and counted as a hang.
const CHILD_TIMEOUT: Duration = Duration::from_secs(30);

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    match arg.as_str() {
        "one" => one(),
        "corpus" => corpus(),
        "mutated" => mutated(),
        "operators" => operators(),
        "speed" => speed(),
        "all" => {
            corpus();
            mutated();
            operators();
            speed();
        }
        _ => eprintln!("usage: probe [one|corpus|mutated|operators|speed|all]"),
    }
}

/// /work/main (this crate is /work/main/bench/pdf-extract-probe).
fn main_dir() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    p.canonicalize().unwrap_or(p)
}

/// The child: extract the PDF on stdin, report the outcome.
fn one() {
    std::panic::set_hook(Box::new(|_| {})); // silence panic messages
    let mut b = Vec::new();
    std::io::stdin().read_to_end(&mut b).unwrap();
    let t = Instant::now();
    let r = catch_unwind(AssertUnwindSafe(|| pdf_extract::extract_text_from_mem(&b)));
    let us = t.elapsed().as_micros();
    let mut out = std::io::stdout().lock();
    let line = |s: String| s.replace('\n', " ").chars().take(160).collect::<String>();
    match r {
        Ok(Ok(text)) => write!(out, "ok {us}\n{text}"),
        Ok(Err(e)) => writeln!(out, "err {us} {}", line(format!("{e:?}"))),
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            writeln!(out, "panic {us} {}", line(msg))
        }
    }
    .unwrap();
}

/// Outcome of one child run: kind (ok/err/panic/crash/hang), µs in the child, detail, text.
struct Outcome {
    kind: String,
    micros: u128,
    detail: String,
    text: String,
}

fn run_child(bytes: &[u8]) -> Outcome {
    let mut c = Command::new(std::env::current_exe().unwrap())
        .arg("one")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Feed stdin and read stdout on threads so a large text cannot block the pipe.
    let mut stdin = c.stdin.take().unwrap();
    let owned = bytes.to_vec();
    let w = std::thread::spawn(move || {
        let _ = stdin.write_all(&owned);
    });
    let mut stdout = c.stdout.take().unwrap();
    let r = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let mut stderr = c.stderr.take().unwrap();
    let e = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = c.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > CHILD_TIMEOUT {
            let _ = c.kill();
            let _ = c.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let _ = w.join();
    let out = String::from_utf8_lossy(&r.join().unwrap()).into_owned();
    let err = String::from_utf8_lossy(&e.join().unwrap()).into_owned();
    let (head, text) = out.split_once('\n').unwrap_or((&out, ""));
    let mut parts = head.splitn(3, ' ');
    let (kind, micros, detail) = (parts.next(), parts.next(), parts.next());
    match (status, kind) {
        (None, _) => Outcome {
            kind: "hang".into(),
            micros: start.elapsed().as_micros(),
            detail: format!("killed after {CHILD_TIMEOUT:?}"),
            text: String::new(),
        },
        (Some(s), Some(k @ ("ok" | "err" | "panic"))) if s.success() => Outcome {
            kind: k.into(),
            micros: micros.and_then(|m| m.parse().ok()).unwrap_or(0),
            detail: detail.unwrap_or("").into(),
            text: text.into(),
        },
        // No report: the child died (stack overflow, abort, out of memory).
        (Some(s), _) => Outcome {
            kind: "crash".into(),
            micros: start.elapsed().as_micros(),
            detail: format!("{s}: {}", err.lines().last().unwrap_or("").trim()),
            text: String::new(),
        },
    }
}

fn manifest() -> (PathBuf, serde_json::Value) {
    let dir = main_dir().join("tests/corpus/pdf");
    let m = std::fs::read_to_string(dir.join("MANIFEST.json")).expect("MANIFEST.json");
    (dir, serde_json::from_str(&m).unwrap())
}

/// Lowercased alphanumeric runs, as tests/pdf.rs `words`.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn tally(kinds: &[String]) -> String {
    ["ok", "err", "panic", "crash", "hang"]
        .iter()
        .map(|k| format!("{k} {}", kinds.iter().filter(|x| x == k).count()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Outcome per corpus file, and the share of poppler's words found in pdf-extract's text.
fn corpus() {
    let (dir, m) = manifest();
    let (mut kinds, mut pw_kinds, mut files_cmp, mut files_90, mut seen, mut found) =
        (vec![], vec![], 0, 0, 0, 0);
    let mut test_fig = (0, 0, 0, 0); // files, files >= 90 %, words found, words
    println!("== corpus: {}", dir.display());
    for f in m["files"].as_array().unwrap() {
        let name = f["file"].as_str().unwrap();
        let o = run_child(&std::fs::read(dir.join(name)).unwrap());
        let (mut share, mut missed) = (String::new(), false);
        let no_password = f["ground_truth"]["user_password_required"].as_bool() != Some(true);
        if let (true, Some(p)) = (
            no_password,
            f["tools"]["poppler"]["text_first_200"].as_str(),
        ) {
            let wp = words(p);
            let wp = &wp[..wp.len().saturating_sub(1)]; // the 200-char cut: drop the last word
            if !wp.is_empty() {
                // pdf-extract's text, lowercased, whitespace removed.
                let hay: String = o.text.to_lowercase().split_whitespace().collect();
                let n = wp.iter().filter(|w| hay.contains(w.as_str())).count();
                files_cmp += 1;
                files_90 += (n * 10 >= wp.len() * 9) as usize;
                seen += wp.len();
                found += n;
                share = format!("{n}/{} words", wp.len());
                missed = n < wp.len();
                // tests/pdf.rs `shared_corpus_text`'s figure too: poppler words pypdf also
                // has, files with >= 3 of them, searched in the text's words concatenated.
                let wy = words(f["tools"]["pypdf"]["text_first_200"].as_str().unwrap_or(""));
                let common: Vec<_> = wp.iter().filter(|w| wy.contains(w)).collect();
                if common.len() >= 3 {
                    let ours = words(&o.text).concat();
                    let n = common.iter().filter(|w| ours.contains(w.as_str())).count();
                    test_fig.0 += 1;
                    test_fig.1 += (n * 10 >= common.len() * 9) as usize;
                    test_fig.2 += n;
                    test_fig.3 += common.len();
                }
            }
        }
        // What came out, where words were missed.
        let preview = if missed {
            format!("{:?}", o.text.chars().take(50).collect::<String>())
        } else {
            String::new()
        };
        let pw = if no_password { "" } else { "[user password]" };
        println!(
            "{name:48} {:5} {:>7.1} ms {share:12} {pw}{} {preview}",
            o.kind,
            o.micros as f64 / 1e3,
            o.detail
        );
        if !no_password {
            pw_kinds.push(o.kind.clone());
        }
        kinds.push(o.kind);
    }
    println!("corpus outcomes ({} files): {}", kinds.len(), tally(&kinds));
    println!(
        "  of which the {} needing a user password: {}",
        pw_kinds.len(),
        tally(&pw_kinds)
    );
    println!(
        "poppler words found: {found}/{seen} = {:.1} % over {files_cmp} files; \
         {files_90} files with >= 90 %",
        100.0 * found as f64 / seen.max(1) as f64
    );
    println!(
        "as tests/pdf.rs shared_corpus_text counts: {}/{} files with >= 90 %; {}/{} words",
        test_fig.1, test_fig.0, test_fig.2, test_fig.3
    );
}

/// The 3,000 mutated files of tests/pdf.rs `mutated_corpus_files_never_panic` (same seed,
/// same recipe, same file order).
fn mutated() {
    let (dir, m) = manifest();
    let files: Vec<Vec<u8>> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| std::fs::read(dir.join(f["file"].as_str().unwrap())).unwrap())
        .collect();
    #[allow(clippy::unusual_byte_groupings)] // copied as written in tests/pdf.rs
    let mut mutator = mutate::Mutator::new(0x5eed_0f_0d_f00d);
    let (mut kinds, mut slowest, mut bad) = (vec![], (0u128, 0usize), vec![]);
    for i in 0..3_000 {
        let b = mutator.mutant(&files);
        let o = run_child(&b);
        if o.micros > slowest.0 {
            slowest = (o.micros, i);
        }
        if o.kind != "ok" {
            bad.push(format!("{} {}", o.kind, o.detail));
        }
        kinds.push(o.kind);
    }
    println!("== mutated: 3000 files: {}", tally(&kinds));
    println!(
        "slowest: case {} {:.1} ms",
        slowest.1,
        slowest.0 as f64 / 1e3
    );
    // Distinct err/panic/crash messages and how often each came (the 12 commonest).
    bad.sort();
    let mut distinct: Vec<(usize, String)> = vec![];
    for s in bad {
        match distinct.last_mut() {
            Some((n, last)) if *last == s => *n += 1,
            _ => distinct.push((1, s)),
        }
    }
    distinct.sort_by_key(|d| std::cmp::Reverse(d.0));
    for (n, s) in distinct.into_iter().take(12) {
        println!("{n:5} x {s}");
    }
}

/// A one-page PDF whose text uses the `'` and `"` operators, with a valid xref table.
fn operators_pdf() -> Vec<u8> {
    let content =
        "BT /F1 12 Tf 14 TL 72 700 Td (Linea uno) Tj (Linea dos) ' 1 0 (Linea tres) \" ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .into(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

fn operators() {
    let pdf = operators_pdf();
    let path = main_dir().join("target/pdf-extract-probe/quote-operators.pdf");
    let _ = std::fs::write(&path, &pdf);
    println!("== operators: {} ({} bytes)", path.display(), pdf.len());
    println!(
        "extract_text_from_mem: {:?}",
        pdf_extract::extract_text_from_mem(&pdf)
    );
    // lopdf (re-exported by pdf-extract) does parse ' and " as operators.
    let doc = pdf_extract::Document::load_mem(&pdf).unwrap();
    let ops = doc
        .get_and_decode_page_content(doc.page_iter().next().unwrap())
        .unwrap();
    let ops: Vec<&str> = ops.operations.iter().map(|o| o.operator.as_str()).collect();
    println!("operators lopdf hands to pdf-extract: {ops:?}");
}

/// Best of 5 on the bench fixtures (made by bench/fixtures.mjs), if present.
fn speed() {
    println!("== speed (best of 5)");
    for name in ["dense-50p.pdf", "rut-100p-4mb.pdf"] {
        let path = main_dir().join("target/bench-fixtures").join(name);
        let Ok(b) = std::fs::read(&path) else {
            println!("{name}: missing");
            continue;
        };
        // A panic is reported (with the time it took to come) instead of ending the run.
        std::panic::set_hook(Box::new(|_| {}));
        let (mut best, mut len) = (Duration::MAX, String::new());
        for _ in 0..5 {
            let t = Instant::now();
            let r = catch_unwind(|| pdf_extract::extract_text_from_mem(&b));
            best = best.min(t.elapsed());
            len = match r {
                Ok(Ok(s)) => format!("Ok, {} chars of text", s.chars().count()),
                Ok(Err(e)) => format!("Err {e:?}"),
                Err(p) => {
                    let msg = p.downcast_ref::<&str>().map(|s| s.to_string());
                    format!(
                        "PANIC {}",
                        msg.or(p.downcast_ref::<String>().cloned())
                            .unwrap_or_default()
                    )
                }
            };
        }
        let _ = std::panic::take_hook();
        let ms = best.as_secs_f64() * 1e3;
        if len.starts_with("PANIC") {
            println!(
                "{name}: {} bytes, panicked after {ms:.1} ms: {}",
                b.len(),
                &len[6..]
            );
            continue;
        }
        println!(
            "{name}: {} bytes, {ms:.1} ms, {:.2} MB/s (1 MB = 10^6 bytes), {len}",
            b.len(),
            b.len() as f64 / 1e6 / best.as_secs_f64()
        );
    }
}
