//! The fuzz targets' bodies and invariants (`fuzz/src/lib.rs`) run natively over their seeds
//! and over every input a fuzzer ever found failing (`fuzz/regressions/<target>/`, kept as
//! regression tests once fixed). Deterministic: no fuzzer, fixed inputs. With
//! `FUZZ_SEEDS_OUT=<dir>` it also writes the seeds out as the fuzzer's starting corpus
//! (`scripts/fuzz.sh`).
#![cfg(feature = "files")]

#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::path::Path;

#[test]
fn seeds_and_regressions_keep_the_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::var_os("FUZZ_SEEDS_OUT");
    targets::seed_options_are_valid();
    for (name, _) in targets::TARGETS {
        let seeds = targets::seeds(name, root);
        assert!(seeds.len() >= 5, "{name}: too few seeds ({})", seeds.len());
        let mut regressions: Vec<_> = std::fs::read_dir(root.join("fuzz/regressions").join(name))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        regressions.sort();
        for path in &regressions {
            let data = std::fs::read(path).unwrap();
            println!("{name}: regression {}", path.display());
            targets::run(name, &data);
        }
        for (i, seed) in seeds.iter().enumerate() {
            targets::run(name, seed);
            if let Some(dir) = &out {
                let dir = Path::new(dir).join(name);
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join(format!("seed-{i:04}")), seed).unwrap();
            }
        }
        println!(
            "{name}: {} seeds, {} regressions",
            seeds.len(),
            regressions.len()
        );
    }
}

/// fuzz/ is a workspace of its own, so the main crate's `[patch.crates-io]` does not reach
/// it: it repeats the section, which must stay the same (paths relative to fuzz/).
#[test]
fn the_fuzzer_builds_the_patched_dependencies() {
    let section = |text: &str| -> Vec<String> {
        let start = text
            .find("[patch.crates-io]")
            .expect("a [patch.crates-io] section");
        text[start..]
            .lines()
            .skip(1)
            .take_while(|l| !l.starts_with('['))
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.replace("path = \"../", "path = \""))
            .collect()
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let main = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let fuzz = std::fs::read_to_string(root.join("fuzz/Cargo.toml")).unwrap();
    assert_eq!(section(&fuzz), section(&main));
}

/// fuzz/Cargo.lock is its own (fuzz/ is a workspace), seeded from the main lock: every crate
/// both build has the same versions in both, so the fuzzer runs the code that ships.
#[test]
fn the_fuzzer_locks_the_same_versions() {
    let versions = |path: &str| -> std::collections::BTreeMap<String, Vec<String>> {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
        let mut map = std::collections::BTreeMap::<String, Vec<String>>::new();
        for block in text.split("[[package]]").skip(1) {
            let field = |key: &str| {
                block
                    .lines()
                    .find_map(|l| l.strip_prefix(key))
                    .map(|v| {
                        v.trim_matches(|c| c == ' ' || c == '=' || c == '"')
                            .to_owned()
                    })
                    .unwrap()
            };
            map.entry(field("name")).or_default().push(field("version"));
        }
        map
    };
    let (main, fuzz) = (versions("Cargo.lock"), versions("fuzz/Cargo.lock"));
    let mut shared = 0;
    for (name, v) in &fuzz {
        if let Some(m) = main.get(name) {
            assert_eq!(v, m, "{name}: fuzz/Cargo.lock differs from Cargo.lock");
            shared += 1;
        }
    }
    assert!(shared > 20, "only {shared} crates in common");
}
