//! The matching half of prevalida's password strength estimate (src/password/strength.rs):
//! the ranked word lists as a trie, the patterns people build passwords from, and the
//! cheapest cover of a password by them. Its own crate only so that the release profile can
//! build it for speed (`[profile.release.package.strength]` in the root Cargo.toml) inside
//! the size-optimized core module: at opt-level "z" these loops were most of a
//! `checkPassword` call.
//!
//! It knows nothing of the package: patterns are [`Kind`]s, the caller names them; the
//! password arrives as characters, already folded by the caller.

/// Longest word of the lists matched.
pub const MAX_WORD: usize = 24;
/// The year "now" for year and date guesses (zxcvbn uses the current year).
const REFERENCE_YEAR: i32 = 2026;
const MIN_YEAR_SPACE: i32 = 20;

/// A pattern found in a password (the caller's `Pattern`, in the same order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    CommonPassword,
    CommonVariant,
    Word,
    Reversed,
    Personal,
    Year,
    Date,
    Sequence,
    Repeat,
    Keyboard,
}

impl Kind {
    /// Every kind, in declaration order: the core's test holds its `Pattern::ALL` to it.
    pub const ALL: [Kind; 10] = [
        Kind::CommonPassword,
        Kind::CommonVariant,
        Kind::Word,
        Kind::Reversed,
        Kind::Personal,
        Kind::Year,
        Kind::Date,
        Kind::Sequence,
        Kind::Repeat,
        Kind::Keyboard,
    ];
}

/// Overwrites copies of a password before their memory is freed (the core's `wipe` is
/// these).
pub mod wipe {
    /// Zeroes and empties a string.
    pub fn string(s: &mut String) {
        let mut bytes = std::mem::take(s).into_bytes();
        bytes.fill(0);
        std::hint::black_box(&bytes);
    }

    /// Zeroes and empties a vector of characters.
    pub fn chars(v: &mut Vec<char>) {
        v.fill('\0');
        std::hint::black_box(&v);
        v.clear();
    }
}

/// The estimate: log10 of the guesses (before rounding) and the patterns of the cheapest
/// cover, most guessable first.
pub struct Estimate {
    pub log10: f64,
    pub patterns: Vec<Kind>,
}

/// The word lists as a trie, so that matching extends a candidate one character at a time
/// and stops as soon as no word continues it. Built by the core (src/password/strength.rs
/// `parse`: cold code, kept at opt-level "z" there), laid out breadth first with each
/// node's children contiguous and sorted by character: a step is a binary search in one
/// short slice.
pub struct Dictionary {
    pub nodes: Vec<Node>,
    /// The root's children by ASCII character: the one wide node, looked up directly.
    pub root: [u32; 128],
}

/// A node of the trie.
#[derive(Clone, Copy)]
pub struct Node {
    pub ch: char,
    /// While building: the first child, then its siblings through `next`. Once laid out: the
    /// children are `nodes[first_child..first_child + next]`, sorted by `ch`.
    pub first_child: u32,
    pub next: u32,
    /// Rank and list when a word ends here.
    pub word: Option<(u32, Kind)>,
}

/// No node.
pub const NONE: u32 = u32::MAX;

impl Dictionary {
    /// The child of `node` for `ch`, if any (once laid out).
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

    /// The rank and list of `key` when it is a word of the lists.
    pub fn lookup(&self, key: &[char]) -> Option<(u32, Kind)> {
        let mut node = 0u32;
        for &ch in key {
            node = self.step(node, ch)?;
        }
        self.nodes[node as usize].word
    }
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
    pattern: Kind,
}

/// Estimates the guesses for the password `chars` (`folded`: the same characters folded by
/// the caller: lower case, no accents), plus `extra` orders of magnitude for characters not
/// analyzed; `personal` are the user's own data, each counted as a one-guess word (tokens
/// of 3 characters or more).
pub fn estimate(
    dict: &Dictionary,
    chars: &[char],
    folded: &[char],
    extra: f64,
    personal: &[&str],
) -> Estimate {
    let n = chars.len();
    if n == 0 {
        return Estimate {
            log10: 0.0,
            patterns: Vec::new(),
        };
    }
    let mut matches = Vec::new();
    dictionary_matches(dict, chars, folded, personal, &mut matches);
    sequence_matches(chars, &mut matches);
    repeat_matches(dict, chars, folded, &mut matches);
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
    Estimate { log10, patterns }
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

fn dictionary_matches(
    dict: &Dictionary,
    chars: &[char],
    folded: &[char],
    personal: &[&str],
    out: &mut Vec<Match>,
) {
    let n = chars.len();
    let first = out.len();
    word_matches(dict, chars, folded, personal, 3, out);
    // Backwards: the same walk over the password read from its end (`anitnegra`), for
    // words of 4 characters or more.
    let mut rc: Vec<char> = chars.iter().rev().copied().collect();
    let mut rf: Vec<char> = folded.iter().rev().copied().collect();
    let mut rev = Vec::new();
    word_matches(dict, &rc, &rf, personal, 4, &mut rev);
    wipe::chars(&mut rc);
    wipe::chars(&mut rf);
    for m in rev {
        out.push(Match {
            start: n - m.end,
            end: n - m.start,
            log10: m.log10 + 2f64.log10(),
            pattern: Kind::Reversed,
        });
    }
    // What people add to a word to pass a policy, as one match with it: digits or a year
    // after it, one symbol before or after. Crackers' rules try these first, so each adds
    // little (a factor of 2 to 6) to the word's rank.
    for k in first..out.len() {
        let (start, end, log10, pattern) = (out[k].start, out[k].end, out[k].log10, out[k].pattern);
        let pattern = if pattern == Kind::CommonPassword {
            Kind::CommonVariant
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
        if pattern == Kind::CommonVariant && case_or_leet(&chars[start..end], &folded[start..end]) {
            out[k].pattern = pattern;
        }
    }
}

/// Whether a common password was typed with capitals or l33t.
fn case_or_leet(chars: &[char], folded: &[char]) -> bool {
    chars.iter().any(|c| c.is_uppercase()) || folded.iter().any(|&c| unleet(c) != c)
}

/// The words of the lists and of `personal` in the password, `min` characters or more.
fn word_matches(
    dict: &Dictionary,
    chars: &[char],
    folded: &[char],
    personal: &[&str],
    min: usize,
    out: &mut Vec<Match>,
) {
    let n = chars.len();
    let mut key = String::with_capacity(MAX_WORD * 4);
    let mut cands: Vec<&str> = Vec::with_capacity(personal.len());
    let mut stack: Vec<(u32, usize, u32)> = Vec::with_capacity(MAX_WORD * 2);
    for i in 0..n {
        let end = (i + MAX_WORD).min(n);
        // `subs`: which l33t characters were read as letters (a bit each, as zxcvbn counts
        // a substitution once however often it is made).
        let mut push = |j: usize, log10: f64, subs: u32, pattern: Kind| {
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
            if j - i >= min {
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
            cands.extend(personal.iter().copied());
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
                if j + 1 - i >= min && cands.contains(&k) {
                    push(j + 1, 0.0, subs, Kind::Personal);
                }
            }
        }
    }
    wipe::string(&mut key);
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
            let base = if matches!(first, 'a' | 'A' | 'z' | 'Z' | '0' | '1' | '9') {
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
                pattern: Kind::Sequence,
            });
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Longest repeated unit looked for (`abcabc` has a unit of 3).
const MAX_BLOCK: usize = 12;

fn repeat_matches(dict: &Dictionary, chars: &[char], folded: &[char], out: &mut Vec<Match>) {
    let n = chars.len();
    for i in 0..n {
        for block in 1..=((n - i) / 2).min(MAX_BLOCK) {
            let mut count = 1;
            while i + (count + 1) * block <= n
                && folded[i..i + block] == folded[i + count * block..i + (count + 1) * block]
            {
                count += 1;
            }
            if count >= 2 && (block > 1 || count >= 3) {
                let base = match dict.lookup(&folded[i..i + block]) {
                    Some((rank, _)) => (rank as f64).log10().max(1.0),
                    None => block as f64,
                };
                let log10 = base + (count as f64).log10();
                out.push(Match {
                    start: i,
                    end: i + count * block,
                    log10,
                    pattern: Kind::Repeat,
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

/// The row and column of each ASCII key, computed at compile time (a table built on first
/// use cost a `OnceLock` in wasm).
const ASCII_KEYS: [(i8, i8); 128] = {
    let mut t = [(-1i8, -1i8); 128];
    let mut r = 0;
    while r < ROWS.len() {
        let row = ROWS[r].as_bytes();
        let (mut i, mut x) = (0, 0);
        while i < row.len() {
            let b = row[i];
            if b < 128 {
                t[b as usize] = (r as i8, x as i8);
            }
            // A column per character: UTF-8 continuation bytes do not start one.
            if b & 0xC0 != 0x80 {
                x += 1;
            }
            i += 1;
        }
        r += 1;
    }
    t
};

fn key_pos(c: char) -> Option<(i32, i32)> {
    // ASCII keys through the table; the few non-ASCII keys by search.
    if c.is_ascii() {
        let (r, x) = ASCII_KEYS[c as usize];
        return (r >= 0).then_some((r.into(), x.into()));
    }
    ROWS.iter().enumerate().find_map(|(r, row)| {
        row.chars()
            .position(|k| k == c)
            .map(|x| (r as i32, x as i32))
    })
}

/// Whether `b` is a key next to `a` on a Latin American Spanish keyboard, and in which
/// direction (rows, columns).
pub fn adjacent(a: char, b: char) -> Option<(i32, i32)> {
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
                pattern: Kind::Keyboard,
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
            if !(c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | '_' | ' ')) {
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
                    pattern: Kind::Year,
                });
            } else if let Some((y, sep)) = as_date(&s) {
                let log10 = (365.0 * year_space(y)).log10() + if sep { 4f64.log10() } else { 0.0 };
                out.push(Match {
                    start: i,
                    end: j,
                    log10,
                    pattern: Kind::Date,
                });
            }
        }
    }
    wipe::string(&mut s);
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
        let mut nums = Vec::with_capacity(3);
        for p in &parts {
            nums.push(p.parse().ok()?);
        }
        (nums, true)
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
