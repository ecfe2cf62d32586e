//! Features: what the linear model sees of a sentence.
//!
//! Two families, both produced in the single [`signals::scan`] pass:
//! - **dense** hand-built features ([`dense`]): the signals, the cues against a claim (first
//!   and second person, modals, opinion, courtesy, questions) and the sentence's length. They
//!   carry what generalises from one debate, or one newspaper, to the next.
//! - **hashed** word unigrams and bigrams, and each word's first and last two letters: each
//!   is hashed into one of [`BUCKETS`] buckets (the "hashing trick"), so the model needs no
//!   vocabulary. Numbers collapse to their shape (`<num>`, `<year>`) and the sentence start is
//!   a word of its own (`<s>`), so "<s> we" and "<num> percent" are features. The affixes
//!   ("<ra", "ed>") let the model weigh words it never saw by their shape ("-ed": something
//!   happened). Full character trigrams were measured too: no better on later debates than
//!   the affixes, and 20% slower (docs/CLAIMS.md).

use super::signals::{self, Profile, SIGNAL_NAMES};
use super::tokens::{hash_lower, pair, shape};

/// log2 of the number of hash buckets.
pub const HASH_BITS: u32 = 14;
/// Hash buckets for word n-grams.
pub const BUCKETS: usize = 1 << HASH_BITS;
/// Slots for dense features (some spare, so adding one does not change the file layout).
pub const DENSE: usize = 48;

/// Names of the dense features, for the trainer's report. Index = feature number.
pub const DENSE_NAMES: [&str; 42] = [
    "figure",
    "percent",
    "money",
    "date",
    "comparison",
    "superlative",
    "cause",
    "trend",
    "named-entity",
    "attribution",
    "event",
    "signal count / 4",
    "first person",
    "we",
    "you",
    "modal",
    "opinion",
    "courtesy",
    "question",
    "exclamation",
    "words <= 3",
    "words 4-6",
    "words 7-10",
    "words 11-15",
    "words 16-22",
    "words 23-32",
    "words > 32",
    "figures >= 2",
    "names >= 2",
    "names >= 4",
    "no signal",
    "figure with I/you",
    "modal without signal",
    "we without signal",
    "opinion without signal",
    "first person only",
    "signal without person",
    "they",
    "they without I/we/you",
    "past tense",
    "past tense >= 2",
    "past tense without signal",
];

/// The dense features of a scanned sentence.
#[inline]
pub fn dense(p: &Profile) -> [f32; DENSE] {
    let mut x = [0.0f32; DENSE];
    for (i, slot) in x.iter_mut().enumerate().take(SIGNAL_NAMES.len()) {
        *slot = (p.signals >> i & 1) as f32;
    }
    let b = |v: bool| v as u8 as f32;
    let n_signals = p.signals.count_ones();
    let none = n_signals == 0;
    let personal = p.first_person > 0 || p.you > 0;
    x[11] = n_signals as f32 / 4.0;
    x[12] = b(p.first_person > 0);
    x[13] = b(p.we > 0);
    x[14] = b(p.you > 0);
    x[15] = b(p.modals > 0);
    x[16] = b(p.opinion > 0);
    x[17] = b(p.courtesy > 0);
    x[18] = b(p.question);
    x[19] = b(p.exclamation);
    let bin = match p.words {
        0..=3 => 0,
        4..=6 => 1,
        7..=10 => 2,
        11..=15 => 3,
        16..=22 => 4,
        23..=32 => 5,
        _ => 6,
    };
    x[20 + bin] = 1.0;
    x[27] = b(p.figures >= 2);
    x[28] = b(p.entities >= 2);
    x[29] = b(p.entities >= 4);
    x[30] = b(none);
    x[31] = b(p.figures > 0 && personal);
    x[32] = b(p.modals > 0 && none);
    x[33] = b(p.we > 0 && none);
    x[34] = b(p.opinion > 0 && none);
    x[35] = b(p.first_person > 0 && p.we == 0 && p.you == 0);
    x[36] = b(!none && !personal && p.we == 0);
    x[37] = b(p.they > 0);
    x[38] = b(p.they > 0 && !personal && p.we == 0);
    x[39] = b(p.past > 0);
    x[40] = b(p.past >= 2);
    x[41] = b(p.past > 0 && none);
    x
}

/// The bucket of a hash: its top bits (the hashes are well mixed).
#[inline(always)]
fn bucket(h: u64) -> u32 {
    (h >> (64 - HASH_BITS)) as u32
}

/// Scans `sentence`, calling `on_bucket` with the bucket of every word unigram and bigram and
/// every word's affixes, and returns the profile (for [`dense`]) and the number of buckets
/// emitted (for [`hash_norm`]).
pub fn extract(sentence: &str, mut on_bucket: impl FnMut(u32)) -> (Profile, u32) {
    const START: u64 = hash_lower(b"<s>");
    let mut n = 0;
    let mut prev = START;
    let profile = signals::scan(sentence, |w| {
        let h = w.cur.ngram_hash();
        on_bucket(bucket(h));
        on_bucket(bucket(pair(prev, h)));
        n += 2;
        prev = h;
        if !w.cur.is(shape::SYMBOL | shape::NUMBER) {
            let (prefix, suffix) = affixes(w.cur.bytes(sentence));
            on_bucket(bucket(prefix));
            on_bucket(bucket(suffix));
            n += 2;
        }
    });
    (profile, n)
}

/// The hashes of a word's first two and last two bytes, framed: "raised" gives "<ra" and
/// "ed>"; "a" gives "<a>" twice. The bytes are packed into an integer and spread by one
/// multiply: no string, no byte loop.
fn affixes(word: &[u8]) -> (u64, u64) {
    const SALT: u64 = 0x7f4a_7c15_9e37_79b9;
    let spread = |gram: u64| (gram ^ SALT).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // `| 0x20` lowercases a letter and leaves digits and joiners alone, as in the word hash.
    let at = |i: usize| (word[i] | 0x20) as u64;
    match word.len() {
        0 => (0, 0),
        1 => {
            let g = (b'<' as u64) << 16 | at(0) << 8 | b'>' as u64;
            (spread(g), spread(g))
        }
        n => (
            spread((b'<' as u64) << 16 | at(0) << 8 | at(1)),
            spread(at(n - 2) << 16 | at(n - 1) << 8 | b'>' as u64),
        ),
    }
}

/// The value of each hashed feature in a sentence with `n` of them: 1/sqrt(n), so that long
/// sentences do not win by length alone.
pub fn hash_norm(n: u32) -> f32 {
    if n == 0 {
        0.0
    } else {
        1.0 / (n as f32).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_names_fit() {
        assert!(DENSE_NAMES.len() <= DENSE);
        assert_eq!(&DENSE_NAMES[..SIGNAL_NAMES.len()], &SIGNAL_NAMES[..]);
    }

    #[test]
    fn buckets_are_stable_and_in_range() {
        let mut a = Vec::new();
        let (p, n) = extract("Unemployment fell to 4.1 percent.", |b| a.push(b));
        assert_eq!(n as usize, a.len());
        assert!(a.iter().all(|&b| (b as usize) < BUCKETS));
        // Numbers collapse to their shape: a different figure gives the same features.
        let mut c = Vec::new();
        extract("Unemployment fell to 7 percent.", |b| c.push(b));
        assert_eq!(a, c);
        assert!(dense(&p)[1] == 1.0);
        // Fixed hash, checked against an independent (Python) implementation: it must not
        // change across platforms or runs, since the shipped model depends on it.
        assert_eq!(hash_lower(b"percent"), 0x34a9_ac13_89b9_2013);
        assert_eq!(hash_lower(b"UNEMPLOYMENT"), 0xebd2_70ba_d90f_9214);
    }

    #[test]
    fn affixes_frame_the_word_and_ignore_case() {
        assert_eq!(affixes(b"Raised"), affixes(b"raised"));
        assert_eq!(affixes(b"raised").1, affixes(b"voted").1, "same ending, same feature");
        assert_ne!(affixes(b"raised").0, affixes(b"raised").1);
        let (p, s) = affixes(b"a");
        assert_eq!(p, s);
        assert_ne!(affixes(b"ab").0, affixes(b"ba").0);
    }
}
