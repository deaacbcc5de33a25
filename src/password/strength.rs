//! An offline estimate of how many guesses a password takes, in the manner of zxcvbn
//! (Wheeler, USENIX Security 2016) but small and local: it knows the common passwords and
//! the Spanish words and names people here build passwords from, years and dates, digit and
//! letter sequences, repeats and keyboard walks, and finds the cheapest way to cover the
//! password with them. Only the first [`ANALYZED`] characters are matched; each character
//! beyond adds one order of magnitude, so the time is bounded for any length.

use crate::text::fold;
use ::strength::{Dictionary, Kind, Node, NONE};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Characters matched against patterns; the rest count as random.
pub const ANALYZED: usize = 100;

/// A pattern found in a password.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// One of the most used passwords.
    CommonPassword,
    /// A common password with the changes people make to pass a policy: capitals, l33t,
    /// digits or a year and a symbol added.
    CommonVariant,
    /// A word or name from the Spanish list.
    Word,
    /// A word written backwards.
    Reversed,
    /// The user's own data (name, email, NIT).
    Personal,
    /// A year such as 2024.
    Year,
    /// A date such as 15/11/1990 or 19901115.
    Date,
    /// `abcd`, `1234`, `9876`.
    Sequence,
    /// `aaaa`, `abab`.
    Repeat,
    /// A walk on the keyboard (`qwerty`, `asdf`, `1qaz`).
    Keyboard,
}

impl Pattern {
    /// Every pattern, in declaration order.
    pub const ALL: &'static [Pattern] = &[
        Pattern::CommonPassword,
        Pattern::CommonVariant,
        Pattern::Word,
        Pattern::Reversed,
        Pattern::Personal,
        Pattern::Year,
        Pattern::Date,
        Pattern::Sequence,
        Pattern::Repeat,
        Pattern::Keyboard,
    ];

    /// The pattern the matcher calls `kind`.
    fn of(kind: Kind) -> Pattern {
        match kind {
            Kind::CommonPassword => Pattern::CommonPassword,
            Kind::CommonVariant => Pattern::CommonVariant,
            Kind::Word => Pattern::Word,
            Kind::Reversed => Pattern::Reversed,
            Kind::Personal => Pattern::Personal,
            Kind::Year => Pattern::Year,
            Kind::Date => Pattern::Date,
            Kind::Sequence => Pattern::Sequence,
            Kind::Repeat => Pattern::Repeat,
            Kind::Keyboard => Pattern::Keyboard,
        }
    }

    /// A short description for messages.
    pub fn describe(self, lang: crate::codes::Lang) -> &'static str {
        use crate::codes::Lang::*;
        match (self, lang) {
            (Pattern::CommonPassword, Es) => "es una contraseña muy usada",
            (Pattern::CommonPassword, En) => "it is a very common password",
            (Pattern::CommonVariant, Es) => {
                "es una contraseña muy usada con mayúsculas, números o un símbolo añadidos: lo primero que se prueba"
            }
            (Pattern::CommonVariant, En) => {
                "it is a very common password with capitals, digits or a symbol added: the first thing tried"
            }
            (Pattern::Reversed, Es) => "lleva una palabra al revés",
            (Pattern::Reversed, En) => "it contains a word written backwards",
            (Pattern::Word, Es) => "se basa en una palabra o un nombre común",
            (Pattern::Word, En) => "it is built on a common word or name",
            (Pattern::Personal, Es) => "contiene tus datos",
            (Pattern::Personal, En) => "it contains your personal data",
            (Pattern::Year, Es) => "lleva un año",
            (Pattern::Year, En) => "it contains a year",
            (Pattern::Date, Es) => "lleva una fecha",
            (Pattern::Date, En) => "it contains a date",
            (Pattern::Sequence, Es) => "lleva una secuencia como 1234 o abcd",
            (Pattern::Sequence, En) => "it contains a sequence such as 1234 or abcd",
            (Pattern::Repeat, Es) => "repite caracteres",
            (Pattern::Repeat, En) => "it repeats characters",
            (Pattern::Keyboard, Es) => "sigue las teclas del teclado",
            (Pattern::Keyboard, En) => "it follows a keyboard pattern",
        }
    }
}

/// The estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Strength {
    /// 0 (guessed in under 10³ tries) to 4 (over 10¹⁰), zxcvbn's thresholds.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "0 | 1 | 2 | 3 | 4"))]
    pub score: u8,
    /// log10 of the estimated number of guesses.
    pub guesses_log10: f64,
    /// The patterns of the cheapest explanation, most guessable first.
    pub patterns: Vec<Pattern>,
    /// True until the password data (the big ranked lists) has loaded: the estimate then
    /// knows only a few hundred common passwords and words.
    pub provisional: bool,
}

thread_local! {
    /// The lists loaded with [`load_data`] (the package's password-data.js), for good.
    static LOADED: std::cell::Cell<Option<&'static Dictionary>> = const { std::cell::Cell::new(None) };
}

/// Loads the ranked lists (the text of the package's `password-data.js`); until then the
/// estimate uses a small in-core list and says it is provisional. Loaded once: later calls
/// do nothing.
pub fn load_data(text: &str) {
    if !data_loaded() {
        let dict: &'static Dictionary = Box::leak(Box::new(parse(text)));
        LOADED.with(|l| l.set(Some(dict)));
    }
}

/// Whether [`load_data`] has run (on this thread).
pub fn data_loaded() -> bool {
    LOADED.with(|l| l.get().is_some())
}

fn dictionary() -> &'static Dictionary {
    static FALLBACK: OnceLock<Dictionary> = OnceLock::new();
    LOADED
        .with(|l| l.get())
        .unwrap_or_else(|| FALLBACK.get_or_init(|| parse(include_str!("data/fallback.txt"))))
}

/// Reads the lists' text (scripts/gen-password-data.mjs says the format): `#p` common
/// passwords, `#w` words; an empty line starts the next rank band, counted as 2·4^band;
/// each line's first character is '0' + the characters it shares with the previous word.
/// Built here, once, at opt-level "z"; matched in the strength crate, built for speed.
fn parse(text: &str) -> Dictionary {
    let mut dict = Dictionary {
        nodes: vec![Node {
            ch: '\0',
            first_child: NONE,
            next: NONE,
            word: None,
        }],
        root: [NONE; 128],
    };
    let (mut pattern, mut weight, mut band) = (Kind::Word, 10u32, 0u32);
    let mut word: Vec<char> = Vec::new();
    for line in text.lines() {
        if let Some(kind) = line.strip_prefix('#') {
            // A word list stands for a far larger corpus than its lines: weigh its ranks.
            (pattern, weight) = if kind == "p" {
                (Kind::CommonPassword, 1)
            } else {
                (Kind::Word, 10)
            };
            band = 0;
            continue;
        }
        let mut cs = line.chars();
        let Some(shared) = cs.next() else {
            band += 1;
            continue;
        };
        word.truncate((shared as usize).saturating_sub(48));
        word.extend(cs);
        insert(
            &mut dict,
            &word,
            ((2u32 << (2 * band).min(26)) * weight, pattern),
        );
    }
    freeze(&mut dict);
    dict
}

/// While building: adds `word` with its rank (children as linked lists through `next`).
fn insert(dict: &mut Dictionary, word: &[char], value: (u32, Kind)) {
    let nodes = &mut dict.nodes;
    let mut node = 0usize;
    for &ch in word {
        let mut c = nodes[node].first_child;
        while c != NONE && nodes[c as usize].ch != ch {
            c = nodes[c as usize].next;
        }
        node = if c != NONE {
            c as usize
        } else {
            let id = nodes.len();
            let sibling = std::mem::replace(&mut nodes[node].first_child, id as u32);
            nodes.push(Node {
                ch,
                first_child: NONE,
                next: sibling,
                word: None,
            });
            id
        };
    }
    // A word on several lists keeps its best rank.
    let slot = &mut nodes[node].word;
    if slot.map_or(true, |(rank, _)| value.0 < rank) {
        *slot = Some(value);
    }
}

/// Lays the built trie out breadth first, each node's children contiguous and sorted.
/// A copied node keeps its old `first_child` until its turn in the queue (the new list
/// itself) comes, when its children are copied after the end.
fn freeze(dict: &mut Dictionary) {
    let old = std::mem::replace(&mut dict.nodes, Vec::with_capacity(0));
    let nodes = &mut dict.nodes;
    nodes.reserve_exact(old.len());
    nodes.push(old[0]);
    let mut head = 0;
    while head < nodes.len() {
        let start = nodes.len();
        let mut c = nodes[head].first_child;
        while c != NONE {
            nodes.push(old[c as usize]);
            c = old[c as usize].next;
        }
        // Insertion sort: a node has at most a few dozen children, and the library's
        // sorts cost kilobytes of wasm in the core.
        let kids = &mut nodes[start..];
        for i in 1..kids.len() {
            let mut j = i;
            while j > 0 && kids[j - 1].ch > kids[j].ch {
                kids.swap(j - 1, j);
                j -= 1;
            }
        }
        let count = (nodes.len() - start) as u32;
        let n = &mut nodes[head];
        n.first_child = start as u32;
        n.next = count;
        head += 1;
    }
    dict.root = [NONE; 128];
    let root = dict.nodes[0];
    for i in root.first_child..root.first_child + root.next {
        let ch = dict.nodes[i as usize].ch;
        if ch.is_ascii() {
            dict.root[ch as usize] = i;
        }
    }
}

/// True when the whole password (case-insensitively, accents folded) is a common password or
/// a word of the lists (NIST SP 800-63B: breached passwords, dictionary and context words).
pub fn is_common(password: &str) -> bool {
    if crate::text::char_len(password) > ::strength::MAX_WORD {
        return false;
    }
    let mut key: Vec<char> = password.chars().map(fold).collect();
    let common = dictionary().lookup(&key).is_some();
    crate::wipe::chars(&mut key);
    common
}

/// Estimates the guesses for `password`; `personal` are the user's own data (each counted
/// as a one-guess word).
pub fn estimate(password: &str, personal: &[String]) -> Strength {
    let tokens: Vec<String> = personal.iter().flat_map(|p| personal_tokens(p)).collect();
    estimate_with_tokens(password, &tokens)
}

/// [`estimate`] with the user's data already split by [`personal_tokens`] (the password
/// check splits them once for its own rule and for this).
pub fn estimate_with_tokens(password: &str, tokens: &[String]) -> Strength {
    let mut chars: Vec<char> = password.chars().take(ANALYZED).collect();
    let extra = if chars.len() < ANALYZED {
        0.0
    } else {
        password.chars().skip(ANALYZED).count() as f64
    };
    let mut folded: Vec<char> = chars.iter().map(|&c| crate::text::fold(c)).collect();
    let strength = estimate_chars(&chars, &folded, extra, tokens);
    // These are copies of the password: overwrite them before they are freed.
    crate::wipe::chars(&mut chars);
    crate::wipe::chars(&mut folded);
    strength
}

fn estimate_chars(chars: &[char], folded: &[char], extra: f64, tokens: &[String]) -> Strength {
    let personal: Vec<&str> = tokens
        .iter()
        .map(String::as_str)
        .filter(|t| crate::text::char_len(t) >= 3)
        .collect();
    let e = ::strength::estimate(dictionary(), chars, folded, extra, &personal);
    let score = match e.log10 {
        g if g < 3.0 => 0,
        g if g < 6.0 => 1,
        g if g < 8.0 => 2,
        g if g < 10.0 => 3,
        _ => 4,
    };
    Strength {
        score,
        guesses_log10: (e.log10 * 100.0).round() / 100.0,
        patterns: e.patterns.into_iter().map(Pattern::of).collect(),
        provisional: !data_loaded(),
    }
}

/// Splits a personal datum into what a password might contain: the whole value folded,
/// its words, an email's user part, and the digits of an identifier without separators.
pub fn personal_tokens(p: &str) -> Vec<String> {
    let folded: String = p.chars().map(fold).collect();
    let mut out = vec![folded.clone()];
    let head = folded.split('@').next().unwrap_or("");
    out.extend(
        head.split(|c: char| !c.is_alphanumeric())
            .map(str::to_owned),
    );
    let digits: String = folded.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 4 {
        out.push(digits);
    }
    // Unique, in first-seen order (no sort: it costs ≈ 5 KB of wasm for a few tokens).
    let mut unique: Vec<String> = Vec::with_capacity(out.len());
    for t in out {
        if !t.is_empty() && !unique.contains(&t) {
            unique.push(t);
        }
    }
    unique
}

/// Loads the package's password data into this thread, generated as the build generates it
/// (`node scripts/gen-password-data.mjs --text`).
#[cfg(test)]
pub(crate) fn load_test_data() {
    static TEXT: OnceLock<String> = OnceLock::new();
    let text = TEXT.get_or_init(|| {
        let file =
            std::env::temp_dir().join(format!("prevalida-pwdata-unit-{}", std::process::id()));
        let ok = std::process::Command::new("node")
            .args(["scripts/gen-password-data.mjs", "--text"])
            .arg(&file)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "node scripts/gen-password-data.mjs --text");
        std::fs::read_to_string(&file).unwrap_or_default()
    });
    load_data(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(p: &str) -> Strength {
        estimate(p, &[])
    }

    /// The matcher's `Kind` and the API's `Pattern` are two lists of the same ten patterns
    /// (the crate has no serde or TypeScript types): same length, same order, each kind its
    /// namesake. `Pattern::of` is exhaustive over `Kind`; `Kind::ALL` is kept by hand beside
    /// the enum, so a kind added to the enum alone is caught only through `Pattern`.
    #[test]
    fn patterns_are_the_matchers_kinds_in_order() {
        assert_eq!(Pattern::ALL.len(), Kind::ALL.len());
        for (kind, pattern) in Kind::ALL.iter().zip(Pattern::ALL) {
            assert_eq!(Pattern::of(*kind), *pattern);
            assert_eq!(format!("{kind:?}"), format!("{pattern:?}"));
        }
    }

    #[test]
    fn local_patterns_score_low() {
        load_test_data();
        for p in [
            "123456",
            "Contraseña1",
            "contrasena123",
            "Colombia2024",
            "qwerty",
            "Millonarios10",
            "aaaaaaaa",
            "12345678",
        ] {
            let r = s(p);
            assert!(r.score <= 1, "{p}: {r:?}");
        }
        assert_eq!(s("Colombia2024").patterns, [Pattern::Word]);
        assert!(s("Kq2024Wz").patterns.contains(&Pattern::Year));
        assert!(s("Poiuyt*2024").patterns.contains(&Pattern::Keyboard));
        assert!(s("15/11/1990").patterns.contains(&Pattern::Date));
        assert!(s("Maria19901115").patterns.contains(&Pattern::Date));
        assert!(s("abcdefgh").patterns.contains(&Pattern::Sequence));
        assert_eq!(s("C0l0mb!a").patterns, [Pattern::Word]);
    }

    #[test]
    fn random_and_long_passphrases_score_high() {
        for p in [
            "x7#Qm!pz9@Lw2$",
            "caballo bateria grapa correcta",
            "Tr3s-tigres-tragan-trigo-2019!",
        ] {
            assert!(s(p).score >= 3, "{p}: {:?}", s(p));
        }
        assert!(s("x7#Qm!pz9@Lw2$").guesses_log10 > s("Colombia2024").guesses_log10);
    }

    #[test]
    fn personal_data_counts_as_known() {
        load_test_data();
        let with = estimate("Rodrigo.Pardo77", &["Rodrigo Pardo Gómez".into()]);
        let without = estimate("Rodrigo.Pardo77", &[]);
        assert!(with.guesses_log10 < without.guesses_log10);
        assert!(with.patterns.contains(&Pattern::Personal));
    }

    #[test]
    fn length_beyond_the_analyzed_window_adds_one_order_each() {
        let a = s(&"k".repeat(ANALYZED));
        let b = s(&"k".repeat(ANALYZED + 10));
        assert!((b.guesses_log10 - a.guesses_log10 - 10.0).abs() < 0.01);
    }

    #[test]
    fn the_frozen_trie_holds_every_word_with_its_best_rank() {
        // Built with words sharing prefixes, inserted out of order, one on two lists.
        let text = "#p\n0maria\n4o\n0zzz\n\n0mar\n3ia\n#w\n0maría\n0ñandú\n0a\n";
        let d = parse(text);
        let rank = |w: &str| d.lookup(&w.chars().collect::<Vec<_>>()).map(|(r, _)| r);
        assert_eq!(rank("maria"), Some(2));
        assert_eq!(rank("mario"), Some(2));
        assert_eq!(rank("zzz"), Some(2));
        // Second band: 2·4. Then "3ia" shares 3 characters with "mar": "maria" again, in a
        // worse band, so its best rank is kept (and neither "ia" nor "mia" is a word).
        assert_eq!(rank("mar"), Some(8));
        assert_eq!(rank("ia"), None);
        assert_eq!(rank("mia"), None);
        assert_eq!(rank("a"), Some(20));
        assert_eq!(rank("maría"), Some(20));
        assert_eq!(rank("ñandú"), Some(20));
        assert_eq!(rank("ma"), None);
        assert_eq!(rank("marias"), None);
        // Children contiguous and sorted, so that a step is a binary search.
        for n in &d.nodes {
            let kids = &d.nodes[n.first_child as usize..(n.first_child + n.next) as usize];
            assert!(kids.windows(2).all(|w| w[0].ch < w[1].ch));
        }
    }

    #[test]
    fn keyboard_adjacency() {
        use ::strength::adjacent;
        assert!(adjacent('q', 'w').is_some());
        assert!(adjacent('q', 'a').is_some());
        assert!(adjacent('a', 'z').is_some());
        assert!(adjacent('q', 'p').is_none());
        assert!(adjacent('1', 'q').is_some());
        // The keys around ñ, which the compile-time table of ASCII keys counts by character.
        assert_eq!(adjacent('l', 'ñ'), Some((0, 1)));
        assert_eq!(adjacent('ñ', '{'), Some((0, 1)));
        assert_eq!(adjacent('p', '´'), Some((0, 1)));
        assert_eq!(adjacent('´', '+'), Some((0, 1)));
        assert_eq!(adjacent('0', '\''), Some((0, 1)));
        assert!(adjacent('\'', '¿').is_some());
    }
}
