//! An offline estimate of how many guesses a password takes, in the manner of zxcvbn
//! (Wheeler, USENIX Security 2016) but small and local: it knows the common passwords and
//! the Spanish words and names people here build passwords from, years and dates, digit and
//! letter sequences, repeats and keyboard walks, and finds the cheapest way to cover the
//! password with them. Only the first [`ANALYZED`] characters are matched; each character
//! beyond adds one order of magnitude, so the time is bounded for any length.

use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Characters matched against patterns; the rest count as random.
pub const ANALYZED: usize = 100;
const MAX_WORD: usize = 24;
/// The year "now" for year and date guesses (zxcvbn uses the current year).
const REFERENCE_YEAR: i32 = 2026;
const MIN_YEAR_SPACE: i32 = 20;

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

/// The word lists as a trie, so that matching extends a candidate one character at a time
/// and stops as soon as no word continues it. Built as linked lists ([`Self::insert`]), then laid
/// out breadth first with each node's children contiguous and sorted by character: a step
/// is a binary search in one short slice instead of a walk along a sibling chain (the chains
/// near the root are dozens long, and stepping was a fifth of a `checkPassword` call).
struct Dictionary {
    nodes: Vec<Node>,
    /// The root's children by ASCII character: the one wide node, looked up directly.
    root: [u32; 128],
}

#[derive(Clone, Copy)]
struct Node {
    ch: char,
    /// While building: the first child, then its siblings through `next`. Once frozen: the
    /// children are `nodes[first_child..first_child + next]`, sorted by `ch`.
    first_child: u32,
    next: u32,
    /// Rank and list when a word ends here.
    word: Option<(u32, Pattern)>,
}

const NONE: u32 = u32::MAX;

impl Dictionary {
    fn new() -> Self {
        Dictionary {
            nodes: vec![Node {
                ch: '\0',
                first_child: NONE,
                next: NONE,
                word: None,
            }],
            root: [NONE; 128],
        }
    }
    /// The child of `node` for `ch`, if any (once frozen).
    fn step(&self, node: u32, ch: char) -> Option<u32> {
        if node == 0 && ch.is_ascii() {
            let c = self.root[ch as usize];
            return (c != NONE).then_some(c);
        }
        let n = self.nodes.get(node as usize)?;
        let first = n.first_child as usize;
        let kids = self.nodes.get(first..first + n.next as usize)?;
        let i = kids.binary_search_by_key(&ch, |k| k.ch).ok()?;
        Some((first + i) as u32)
    }
    fn get(&self, key: &str) -> Option<(u32, Pattern)> {
        let mut node = 0u32;
        for ch in key.chars() {
            node = self.step(node, ch)?;
        }
        self.nodes[node as usize].word
    }
    /// While building: adds `word` with its rank.
    fn insert(&mut self, word: &[char], value: (u32, Pattern)) {
        let mut node = 0usize;
        for &ch in word {
            let mut c = self.nodes[node].first_child;
            while c != NONE && self.nodes[c as usize].ch != ch {
                c = self.nodes[c as usize].next;
            }
            node = if c != NONE {
                c as usize
            } else {
                let id = self.nodes.len();
                let sibling = std::mem::replace(&mut self.nodes[node].first_child, id as u32);
                self.nodes.push(Node {
                    ch,
                    first_child: NONE,
                    next: sibling,
                    word: None,
                });
                id
            };
        }
        // A word on several lists keeps its best rank.
        let slot = &mut self.nodes[node].word;
        if slot.map_or(true, |(rank, _)| value.0 < rank) {
            *slot = Some(value);
        }
    }
    /// Lays the built trie out breadth first, each node's children contiguous and sorted.
    /// A copied node keeps its old `first_child` until its turn in the queue (the new list
    /// itself) comes, when its children are copied after the end.
    fn freeze(&mut self) {
        let old = std::mem::replace(&mut self.nodes, Vec::with_capacity(0));
        self.nodes.reserve_exact(old.len());
        self.nodes.push(old[0]);
        let mut head = 0;
        while head < self.nodes.len() {
            let start = self.nodes.len();
            let mut c = self.nodes[head].first_child;
            while c != NONE {
                self.nodes.push(old[c as usize]);
                c = old[c as usize].next;
            }
            // Insertion sort: a node has at most a few dozen children, and the library's
            // sorts cost kilobytes of wasm in the core.
            let kids = &mut self.nodes[start..];
            for i in 1..kids.len() {
                let mut j = i;
                while j > 0 && kids[j - 1].ch > kids[j].ch {
                    kids.swap(j - 1, j);
                    j -= 1;
                }
            }
            let count = (self.nodes.len() - start) as u32;
            let n = &mut self.nodes[head];
            n.first_child = start as u32;
            n.next = count;
            head += 1;
        }
        self.root = [NONE; 128];
        for i in self.nodes[0].first_child..self.nodes[0].first_child + self.nodes[0].next {
            let ch = self.nodes[i as usize].ch;
            if ch.is_ascii() {
                self.root[ch as usize] = i;
            }
        }
    }

    /// Reads the lists' text (scripts/gen-password-data.mjs says the format): `#p` common
    /// passwords, `#w` words; an empty line starts the next rank band, counted as 2·4^band;
    /// each line's first character is '0' + the characters it shares with the previous word.
    fn parse(text: &str) -> Self {
        let mut dict = Dictionary::new();
        let (mut pattern, mut weight, mut band) = (Pattern::Word, 10u32, 0u32);
        let mut word: Vec<char> = Vec::new();
        for line in text.lines() {
            if let Some(kind) = line.strip_prefix('#') {
                // A word list stands for a far larger corpus than its lines: weigh its ranks.
                (pattern, weight) = if kind == "p" {
                    (Pattern::CommonPassword, 1)
                } else {
                    (Pattern::Word, 10)
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
            dict.insert(&word, ((2u32 << (2 * band).min(26)) * weight, pattern));
        }
        dict.freeze();
        dict
    }
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
        let dict: &'static Dictionary = Box::leak(Box::new(Dictionary::parse(text)));
        LOADED.with(|l| l.set(Some(dict)));
    }
}

/// Whether [`load_data`] has run (on this thread).
pub fn data_loaded() -> bool {
    LOADED.with(|l| l.get().is_some())
}

fn dictionary() -> &'static Dictionary {
    static FALLBACK: OnceLock<Dictionary> = OnceLock::new();
    LOADED.with(|l| l.get()).unwrap_or_else(|| {
        FALLBACK.get_or_init(|| Dictionary::parse(include_str!("data/fallback.txt")))
    })
}

/// True when the whole password (case-insensitively, accents folded) is a common password or
/// a word of the lists (NIST SP 800-63B: breached passwords, dictionary and context words).
pub fn is_common(password: &str) -> bool {
    if crate::text::char_len(password) > MAX_WORD {
        return false;
    }
    let mut key: String = password.chars().map(fold).collect();
    let common = dictionary().get(&key).is_some();
    crate::wipe::string(&mut key);
    common
}

fn unleet(c: char) -> char {
    match c {
        '4' | '@' => 'a',
        '3' => 'e',
        '1' | '!' => 'i',
        '0' => 'o',
        '5' | '$' => 's',
        '7' => 't',
        c => c,
    }
}

struct Match {
    start: usize,
    end: usize,
    log10: f64,
    pattern: Pattern,
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
    let n = chars.len();
    if n == 0 {
        return Strength {
            score: 0,
            guesses_log10: 0.0,
            patterns: Vec::new(),
            provisional: !data_loaded(),
        };
    }
    let personal: Vec<String> = tokens
        .iter()
        .filter(|t| crate::text::char_len(t) >= 3)
        .cloned()
        .collect();

    let mut matches = Vec::new();
    dictionary_matches(chars, folded, &personal, &mut matches);
    sequence_matches(chars, &mut matches);
    repeat_matches(chars, folded, &mut matches);
    keyboard_matches(folded, &mut matches);
    date_matches(chars, &mut matches);

    // Cheapest cover: best[j] = (cost, segments, back-pointer) over prefixes of length j.
    // A run of k unexplained characters costs 10^k guesses (zxcvbn's brute-force base).
    // The k-th segment of a path adds log10(k), so a path of l segments pays log10(l!) for
    // the order of its parts, as in zxcvbn; keeping it inside the DP lets the cover prefer
    // fewer, larger matches.
    let mut best: Vec<(f64, usize, Option<usize>, usize)> =
        vec![(f64::INFINITY, 0, None, 0); n + 1];
    best[0] = (0.0, 0, None, 0);
    let mut by_end: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (i, m) in matches.iter().enumerate() {
        by_end[m.end].push(i);
    }
    // The ordering term of a segment after prefix i, once best[i] is final (a log10 in wasm
    // is a libm call: once per position, not per pair).
    let mut ord = vec![0f64; n + 1];
    for j in 1..=n {
        ord[j - 1] = ((best[j - 1].1 + 1) as f64).log10();
        for i in 0..j {
            let c = best[i].0 + (j - i) as f64 + ord[i];
            if c < best[j].0 {
                best[j] = (c, best[i].1 + 1, None, i);
            }
        }
        for &mi in &by_end[j] {
            let m = &matches[mi];
            let c = best[m.start].0 + m.log10 + ord[m.start];
            if c < best[j].0 {
                best[j] = (c, best[m.start].1 + 1, Some(mi), m.start);
            }
        }
    }
    let mut log10 = best[n].0 + extra;
    // A single brute-force segment needs no ordering term; never report fewer than 1 guess.
    if log10 < 0.0 {
        log10 = 0.0;
    }
    let mut patterns = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, _, m, start) = best[j];
        if let Some(mi) = m {
            if !patterns.contains(&matches[mi].pattern) {
                patterns.push(matches[mi].pattern);
            }
        }
        j = start;
    }
    // Insertion sort: a handful of patterns, and the standard sort costs ≈ 5 KB of wasm.
    for i in 1..patterns.len() {
        let mut j = i;
        while j > 0 && patterns[j - 1] > patterns[j] {
            patterns.swap(j - 1, j);
            j -= 1;
        }
    }
    let score = match log10 {
        g if g < 3.0 => 0,
        g if g < 6.0 => 1,
        g if g < 8.0 => 2,
        g if g < 10.0 => 3,
        _ => 4,
    };
    Strength {
        score,
        guesses_log10: (log10 * 100.0).round() / 100.0,
        patterns,
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

fn case_variations(word: &[char]) -> f64 {
    let upper = word.iter().filter(|c| c.is_uppercase()).count();
    let lower = word.iter().filter(|c| c.is_lowercase()).count();
    if upper == 0 {
        return 0.0;
    }
    let first_only = upper == 1 && word.first().is_some_and(|c| c.is_uppercase());
    if lower == 0 || first_only || (upper == 1 && word.last().is_some_and(|c| c.is_uppercase())) {
        return 2f64.log10();
    }
    // Choose which of the letters are upper case.
    let total = upper + lower;
    let k = upper.min(lower);
    let mut sum = 0f64;
    let mut c = 1f64;
    for i in 1..=k {
        c = c * (total - i + 1) as f64 / i as f64;
        sum += c;
    }
    sum.max(1.0).log10()
}

fn dictionary_matches(chars: &[char], folded: &[char], personal: &[String], out: &mut Vec<Match>) {
    let n = chars.len();
    let first = out.len();
    word_matches(chars, folded, personal, out);
    // Backwards: the same walk over the password read from its end (`anitnegra`).
    let mut rc: Vec<char> = chars.iter().rev().copied().collect();
    let mut rf: Vec<char> = folded.iter().rev().copied().collect();
    let mut rev = Vec::new();
    word_matches(&rc, &rf, personal, &mut rev);
    crate::wipe::chars(&mut rc);
    crate::wipe::chars(&mut rf);
    for m in rev {
        if m.end - m.start >= 4 {
            out.push(Match {
                start: n - m.end,
                end: n - m.start,
                log10: m.log10 + 2f64.log10(),
                pattern: Pattern::Reversed,
            });
        }
    }
    // What people add to a word to pass a policy, as one match with it: digits or a year
    // after it, one symbol before or after. Crackers' rules try these first, so each adds
    // little (a factor of 2 to 6) to the word's rank.
    for k in first..out.len() {
        let (start, end, log10, pattern) = (out[k].start, out[k].end, out[k].log10, out[k].pattern);
        let pattern = if pattern == Pattern::CommonPassword {
            Pattern::CommonVariant
        } else {
            pattern
        };
        let symbol = |i: usize| chars.get(i).is_some_and(|c| !c.is_alphanumeric());
        let digits = |i: usize| {
            let run = chars[i.min(n)..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let y = chars[i.min(n)..]
                .iter()
                .take(4)
                .fold(0, |a, c| a * 10 + c.to_digit(10).unwrap_or(0));
            let year = run == 4 && (1900..=2049).contains(&y);
            (1..=4)
                .contains(&run)
                .then(|| (i + run, if year { 0.3 } else { 0.15 * (run + 1) as f64 }))
        };
        let mut ends = [
            (end, 0.0),
            (0, f64::NAN),
            (0, f64::NAN),
            (0, f64::NAN),
            (0, f64::NAN),
        ];
        if let Some((e, c)) = digits(end) {
            ends[1] = (e, c);
            if symbol(e) {
                ends[2] = (e + 1, c + 0.3);
            }
        }
        if symbol(end) {
            ends[3] = (end + 1, 0.3);
            if let Some((e, c)) = digits(end + 1) {
                ends[4] = (e, c + 0.3);
            }
        }
        for (s, sc) in [(start, 0.0), (start.wrapping_sub(1), 0.3)] {
            if s != start && !(start > 0 && symbol(s)) {
                continue;
            }
            for (e, ec) in ends {
                if ec.is_nan() || (s == start && e == end) {
                    continue;
                }
                out.push(Match {
                    start: s,
                    end: e,
                    log10: log10 + sc + ec,
                    pattern,
                });
            }
        }
        if pattern == Pattern::CommonVariant
            && case_or_leet(&chars[start..end], &folded[start..end])
        {
            out[k].pattern = pattern;
        }
    }
}

/// Whether a common password was typed with capitals or l33t.
fn case_or_leet(chars: &[char], folded: &[char]) -> bool {
    chars.iter().any(|c| c.is_uppercase()) || folded.iter().any(|&c| unleet(c) != c)
}

fn word_matches(chars: &[char], folded: &[char], personal: &[String], out: &mut Vec<Match>) {
    let dict = dictionary();
    let n = chars.len();
    let mut key = String::with_capacity(MAX_WORD * 4);
    let mut cands: Vec<&str> = Vec::with_capacity(personal.len());
    let mut stack: Vec<(u32, usize, u32)> = Vec::with_capacity(MAX_WORD * 2);
    for i in 0..n {
        let end = (i + MAX_WORD).min(n);
        // `subs`: which l33t characters were read as letters (a bit each, as zxcvbn counts
        // a substitution once however often it is made).
        let mut push = |j: usize, log10: f64, subs: u32, pattern: Pattern| {
            let extra = case_variations(&chars[i..j]) + subs.count_ones() as f64 * 2f64.log10();
            out.push(Match {
                start: i,
                end: j,
                log10: log10 + extra,
                pattern,
            });
        };
        // The lists: depth first over the trie, each l33t character read both as itself
        // and as its letter (`1q2w3e` and `p4ssw0rd` alike), stopping where no word
        // continues; a budget bounds the walk on any input.
        stack.clear();
        stack.push((0, i, 0));
        let mut budget = 256;
        while let Some((node, j, subs)) = stack.pop() {
            if j - i >= 3 {
                if let Some((rank, pattern)) = dict.nodes[node as usize].word {
                    push(j, (rank as f64).log10(), subs, pattern);
                }
            }
            if j >= end || budget == 0 {
                continue;
            }
            budget -= 1;
            let c = folded[j];
            let u = unleet(c);
            if let Some(next) = dict.step(node, c) {
                stack.push((next, j + 1, subs));
            }
            if let Some(next) = (u != c).then(|| dict.step(node, u)).flatten() {
                stack.push((next, j + 1, subs | 1 << (c as u32 % 32)));
            }
        }
        // The user's data, as typed or with every l33t character read as its letter.
        if personal.is_empty() {
            continue;
        }
        let leetable = folded[i..end].iter().any(|&c| unleet(c) != c);
        for leet in [false, true] {
            if leet && !leetable {
                break; // the leet pass would repeat the plain one
            }
            key.clear();
            let mut subs = 0;
            cands.clear();
            cands.extend(personal.iter().map(String::as_str));
            for j in i..end {
                let c = folded[j];
                let d = if leet { unleet(c) } else { c };
                if d != c {
                    subs |= 1 << (c as u32 % 32);
                }
                key.push(d);
                let k = key.as_str();
                cands.retain(|p| p.starts_with(k));
                if cands.is_empty() {
                    break;
                }
                if j + 1 - i >= 3 && cands.contains(&k) {
                    push(j + 1, 0.0, subs, Pattern::Personal);
                }
            }
        }
    }
    crate::wipe::string(&mut key);
}

fn char_class_base(c: char) -> f64 {
    if c.is_ascii_digit() {
        10.0
    } else {
        26.0
    }
}

fn sequence_matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let mut i = 0;
    while i + 2 < n {
        let d = chars[i + 1] as i64 - chars[i] as i64;
        let same_class = |a: char, b: char| {
            (a.is_ascii_digit() && b.is_ascii_digit())
                || (a.is_ascii_lowercase() && b.is_ascii_lowercase())
                || (a.is_ascii_uppercase() && b.is_ascii_uppercase())
        };
        if d.abs() != 1 || !same_class(chars[i], chars[i + 1]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j + 1 < n
            && chars[j + 1] as i64 - chars[j] as i64 == d
            && same_class(chars[j], chars[j + 1])
        {
            j += 1;
        }
        let len = j - i + 1;
        if len >= 3 {
            let first = chars[i];
            let base = if crate::text::has_char("aAzZ019", first) {
                4.0
            } else {
                char_class_base(first)
            };
            let dir = if d < 0 { 2.0 } else { 1.0 };
            let log10 = (base * dir * len as f64).log10();
            out.push(Match {
                start: i,
                end: j + 1,
                log10,
                pattern: Pattern::Sequence,
            });
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Longest repeated unit looked for (`abcabc` has a unit of 3).
const MAX_BLOCK: usize = 12;

fn repeat_matches(chars: &[char], folded: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let dict = dictionary();
    for i in 0..n {
        for block in 1..=((n - i) / 2).min(MAX_BLOCK) {
            let mut count = 1;
            while i + (count + 1) * block <= n
                && folded[i..i + block] == folded[i + count * block..i + (count + 1) * block]
            {
                count += 1;
            }
            if count >= 2 && (block > 1 || count >= 3) {
                let mut unit: String = folded[i..i + block].iter().collect();
                let base = match dict.get(&unit) {
                    Some((rank, _)) => (rank as f64).log10().max(1.0),
                    None => block as f64,
                };
                crate::wipe::string(&mut unit);
                let log10 = base + (count as f64).log10();
                out.push(Match {
                    start: i,
                    end: i + count * block,
                    log10,
                    pattern: Pattern::Repeat,
                });
            }
        }
    }
}

/// Rows of a Latin American Spanish keyboard, with the key offsets of a staggered layout.
const ROWS: [&str; 4] = [
    "1234567890'¿",
    "qwertyuiop´+",
    "asdfghjklñ{}",
    "<zxcvbnm,.-",
];

fn key_pos(c: char) -> Option<(i32, i32)> {
    // ASCII keys through a table built once; the few non-ASCII keys by search.
    static ASCII: OnceLock<[(i8, i8); 128]> = OnceLock::new();
    if c.is_ascii() {
        let (r, x) = ASCII.get_or_init(|| {
            let mut t = [(-1i8, -1i8); 128];
            for (r, row) in ROWS.iter().enumerate() {
                for (x, k) in row.chars().enumerate() {
                    if k.is_ascii() {
                        t[k as usize] = (r as i8, x as i8);
                    }
                }
            }
            t
        })[c as usize];
        return (r >= 0).then_some((r.into(), x.into()));
    }
    ROWS.iter().enumerate().find_map(|(r, row)| {
        row.chars()
            .position(|k| k == c)
            .map(|x| (r as i32, x as i32))
    })
}

fn adjacent(a: char, b: char) -> Option<(i32, i32)> {
    let (ra, xa) = key_pos(a)?;
    let (rb, xb) = key_pos(b)?;
    // Staggered rows: the key below-left of (r, x) is (r+1, x-1) on rows 0-2 (row 3 has
    // the extra `<` key at its start, so its columns are shifted by one).
    let norm = |r: i32, x: i32| if r == 3 { x - 1 } else { x };
    let (dr, dx) = (rb - ra, norm(rb, xb) - norm(ra, xa));
    let ok = match dr {
        0 => dx.abs() == 1,
        1 => dx == 0 || dx == -1,
        -1 => dx == 0 || dx == 1,
        _ => false,
    };
    ok.then_some((dr, dx))
}

fn keyboard_matches(folded: &[char], out: &mut Vec<Match>) {
    let n = folded.len();
    let mut i = 0;
    while i + 2 < n {
        let mut j = i;
        let mut turns = 0;
        let mut last_dir = None;
        while j + 1 < n {
            match adjacent(folded[j], folded[j + 1]) {
                Some(dir) => {
                    if last_dir != Some(dir) {
                        turns += 1;
                        last_dir = Some(dir);
                    }
                    j += 1;
                }
                None => break,
            }
        }
        let len = j - i + 1;
        if len >= 3 {
            // zxcvbn's spatial estimate with ~44 starting keys and average degree ~4.
            let (s, d) = (44f64, 4f64);
            let mut guesses = 0f64;
            for l in 2..=len {
                for t in 1..=turns.min(l - 1) {
                    guesses += binom(l - 2, t - 1) * s * d.powi(t as i32);
                }
            }
            out.push(Match {
                start: i,
                end: j + 1,
                log10: guesses.max(1.0).log10(),
                pattern: Pattern::Keyboard,
            });
            i = j;
        } else {
            i += 1;
        }
    }
}

fn binom(n: usize, k: usize) -> f64 {
    if k > n {
        return 0.0;
    }
    let mut r = 1f64;
    for i in 0..k {
        r = r * (n - i) as f64 / (i + 1) as f64;
    }
    r
}

fn year_space(y: i32) -> f64 {
    ((y - REFERENCE_YEAR).abs().max(MIN_YEAR_SPACE)) as f64
}

fn date_matches(chars: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    let mut s = String::with_capacity(12);
    for i in 0..n {
        if !chars[i].is_ascii_digit() {
            continue;
        }
        s.clear();
        for (j, &c) in chars.iter().enumerate().take((i + 10).min(n)).skip(i) {
            if !(c.is_ascii_digit() || crate::text::has_char("/-._ ", c)) {
                break;
            }
            s.push(c);
            if s.len() < 4 {
                continue;
            }
            let j = j + 1;
            if let Some(y) = as_year(&s) {
                out.push(Match {
                    start: i,
                    end: j,
                    log10: year_space(y).log10(),
                    pattern: Pattern::Year,
                });
            } else if let Some((y, sep)) = as_date(&s) {
                let log10 = (365.0 * year_space(y)).log10() + if sep { 4f64.log10() } else { 0.0 };
                out.push(Match {
                    start: i,
                    end: j,
                    log10,
                    pattern: Pattern::Date,
                });
            }
        }
    }
    crate::wipe::string(&mut s);
}

fn as_year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1900..=2049).contains(&y).then_some(y)
}

/// A day-month-year (any order a person writes) in 4 to 10 characters; returns the year
/// and whether separators were used.
fn as_date(s: &str) -> Option<(i32, bool)> {
    let parts: Vec<&str> = s.split(['/', '-', '.', '_', ' ']).collect();
    let (nums, sep): (Vec<u32>, bool) = if parts.len() == 3 {
        (
            parts
                .iter()
                .map(|p| p.parse().ok())
                .collect::<Option<Vec<u32>>>()?,
            true,
        )
    } else if parts.len() == 1
        && s.bytes().all(|b| b.is_ascii_digit())
        && (6..=8).contains(&s.len())
    {
        // ddmmyy, ddmmyyyy, yyyymmdd
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> u32 {
            b[r].iter().fold(0, |a, d| a * 10 + u32::from(d - b'0'))
        };
        match s.len() {
            6 => (vec![num(0..2), num(2..4), num(4..6)], false),
            8 if (1900..=2049).contains(&num(0..4)) => {
                (vec![num(6..8), num(4..6), num(0..4)], false)
            }
            8 => (vec![num(0..2), num(2..4), num(4..8)], false),
            _ => return None,
        }
    } else {
        return None;
    };
    let [a, b, c] = nums[..] else { return None };
    let year = |y: u32| -> Option<i32> {
        match y {
            0..=99 => Some(if y > 50 {
                1900 + y as i32
            } else {
                2000 + y as i32
            }),
            1900..=2049 => Some(y as i32),
            _ => None,
        }
    };
    let dm = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    if (dm(a, b) || dm(b, a)) && c > 31 || (dm(a, b) || dm(b, a)) && year(c).is_some() && c >= 1900
    {
        return year(c).map(|y| (y, sep));
    }
    if (dm(b, c) || dm(c, b)) && (a >= 1900) {
        return year(a).map(|y| (y, sep));
    }
    if (dm(a, b) || dm(b, a)) && c <= 99 {
        return year(c).map(|y| (y, sep));
    }
    None
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
        let d = Dictionary::parse(text);
        let rank = |w: &str| d.get(w).map(|(r, _)| r);
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
        assert!(adjacent('q', 'w').is_some());
        assert!(adjacent('q', 'a').is_some());
        assert!(adjacent('a', 'z').is_some());
        assert!(adjacent('q', 'p').is_none());
        assert!(adjacent('1', 'q').is_some());
    }
}
