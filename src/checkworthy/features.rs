//! Features: what the linear model sees of a sentence.
//!
//! Two families, both produced in the single [`signals::scan`] pass:
//! - **dense** hand-built features ([`dense`]): the signals, the cues against a claim (first
//!   and second person, modals, opinion, courtesy, questions) and the sentence's length. They
//!   carry what generalises from one debate, or one newspaper, to the next.
//! - **hashed** word unigrams and bigrams, and character trigrams inside words: each is hashed
//!   into one of [`BUCKETS`] buckets (the "hashing trick"), so the model needs no vocabulary.
//!   Numbers collapse to their shape (`<num>`, `<year>`) and the sentence start is a word of
//!   its own (`<s>`), so "<s> we" and "<num> percent" are features. Character trigrams
//!   ("<ra", "ise", "sed", "ed>") let the model weigh words it never saw by their endings and
//!   stems; they cost one multiply per byte (measured in docs/CLAIMS.md).

use super::signals::{self, Profile, SIGNAL_NAMES};
use super::tokens::{hash_lower, pair, shape};

/// log2 of the number of hash buckets.
pub const HASH_BITS: u32 = 15;
/// Hash buckets for word n-grams.
pub const BUCKETS: usize = 1 << HASH_BITS;
/// Slots for dense features (some spare, so adding one does not change the file layout).
pub const DENSE: usize = 48;

/// Names of the dense features, for the trainer's report. Index = feature number.
pub const DENSE_NAMES: [&str; 37] = [
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
];

/// The dense features of a scanned sentence.
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
    x
}

/// The bucket of a hash: its top bits (the hashes are well mixed).
fn bucket(h: u64) -> u32 {
    (h >> (64 - HASH_BITS)) as u32
}

/// Scans `sentence`, calling `on_bucket` with the bucket of every word unigram and bigram and
/// every character trigram, and returns the profile (for [`dense`]) and the number of buckets
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
            n += char_trigrams(w.cur.text(sentence).as_bytes(), &mut on_bucket);
        }
    });
    (profile, n)
}

/// Emits the character trigrams of a word framed as `<word>` ("<ra", "rai", …, "ed>"), each
/// packed into an integer (no string, no byte-wise hash) and spread by one multiply. Returns
/// how many.
fn char_trigrams(word: &[u8], on_bucket: &mut impl FnMut(u32)) -> u32 {
    const SALT: u64 = 0x7f4a_7c15_9e37_79b9;
    let mut gram = b'<' as u64;
    let mut n = 0;
    for (i, &b) in word.iter().chain(b">").enumerate() {
        // `| 0x20` lowercases a letter and leaves digits and joiners alone, as in the word hash.
        let b = if i < word.len() { b | 0x20 } else { b };
        gram = (gram << 8 | b as u64) & 0xff_ffff;
        if i >= 1 {
            on_bucket(bucket((gram ^ SALT).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
            n += 1;
        }
    }
    n
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
    fn char_trigrams_frame_the_word() {
        let mut a = Vec::new();
        assert_eq!(char_trigrams(b"Rose", &mut |b| a.push(b)), 4); // <ro ros ose se>
        let mut b = Vec::new();
        char_trigrams(b"rose", &mut |x| b.push(x));
        assert_eq!(a, b, "trigrams ignore case");
        let mut c = Vec::new();
        assert_eq!(char_trigrams(b"a", &mut |x| c.push(x)), 1); // <a>
    }
}
