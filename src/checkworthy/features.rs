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

use super::lexicon::cat;
use super::signals::{self, Profile};
use super::tokens::{hash_lower, pair, shape, Word};

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

/// The dense features of a scanned sentence (what the trainer sees; see [`dense_set`]).
#[inline]
pub fn dense(p: &Profile) -> [f32; DENSE] {
    let mut x = [0.0f32; DENSE];
    let (set, signal_count) = dense_set(p);
    for (i, slot) in x.iter_mut().enumerate() {
        if set >> i & 1 != 0 {
            *slot = dense_value(i, signal_count);
        }
    }
    x
}

/// The value of dense feature `i` where it is set: 1, except the signal count (over 4).
#[inline(always)]
pub fn dense_value(i: usize, signal_count: u32) -> f32 {
    if i == 11 {
        signal_count as f32 / 4.0
    } else {
        1.0
    }
}

/// The dense features of a scanned sentence as a bit set (bit `i` = feature `i` is not 0), and
/// the number of signals. The scorer adds only the weights of the set features, in index order:
/// the others are 0, and adding `w * 0.0` leaves a sum unchanged, so the score is the same to
/// the bit as the full dot product the trainer's [`dense`] implies.
#[inline]
pub fn dense_set(p: &Profile) -> (u64, u32) {
    let n_signals = count_ones(p.signals);
    let nz = |count: u16| (count != 0) as u64;
    // The lists' seven bits, taken as a group: from the lowest, first person, we, you, they,
    // modal, opinion, courtesy. A feature of a list is a bit of it moved, and those of
    // consecutive lists in consecutive features move together.
    let lists = (p.lists >> LISTS_SHIFT) as u64;
    let bit = |i: u32| lists >> i & 1;
    let (first_person, we, you, they, modal, opinion) = (bit(0), bit(1), bit(2), bit(3), bit(4), bit(5));
    let past = nz(p.past);
    let none = (p.signals == 0) as u64;
    let personal = first_person | you;
    // Neither "I" nor "you" nor "we".
    let impersonal = 1 ^ (personal | we);
    // All ones without a signal.
    let without_signal = 0u64.wrapping_sub(none);
    // From a table, not a chain of comparisons: the sentence's length was a branch missed
    // per sentence.
    let bin = LENGTH_BINS[(p.words as usize).min(LENGTH_BINS.len() - 1)];
    // Features 0..11 are the signals themselves, and 20..27 the sentence's length bin.
    let at = |on: u64, i: u32| on << i;
    let set = (p.signals as u64)
        | at(1, 20 + bin as u32)
        | at(none ^ 1, 11)
        // First person, we, you: 12, 13, 14; modal, opinion, courtesy: 15, 16, 17.
        | at(lists & 0b111, 12)
        | at(lists >> 4 & 0b111, 15)
        | at(p.question as u64, 18)
        | at(p.exclamation as u64, 19)
        | at((p.figures >= 2) as u64, 27)
        | at((p.entities >= 2) as u64, 28)
        | at((p.entities >= 4) as u64, 29)
        | at(none, 30)
        | at(nz(p.figures) & personal, 31)
        | ((at(modal, 32) | at(we, 33) | at(opinion, 34) | at(past, 41)) & without_signal)
        | at(first_person & (1 ^ (we | you)), 35)
        | ((at(none ^ 1, 36) | at(they, 38)) * impersonal)
        | at(they, 37)
        | at(past, 39)
        | at((p.past >= 2) as u64, 40);
    (set, n_signals)
}

/// `x.count_ones()`: by two look-ups where the target has no popcount instruction (x86-64's
/// baseline emulates it in a dozen, once a sentence).
#[inline(always)]
fn count_ones(x: u16) -> u32 {
    if cfg!(any(target_feature = "popcnt", target_arch = "wasm32")) {
        x.count_ones()
    } else {
        (BIT_COUNTS[x as usize & 0xff] + BIT_COUNTS[(x >> 8) as usize]) as u32
    }
}

/// How many bits each byte value has.
static BIT_COUNTS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = (i as u8).count_ones() as u8;
        i += 1;
    }
    table
};

/// Where the lists' bits sit in [`Profile::lists`]: the first of them, seven in a row, in the
/// order [`dense_set`] reads them.
const LISTS_SHIFT: u32 = cat::FIRST_PERSON.trailing_zeros();
const _: () = {
    assert!(signals::LISTS >> LISTS_SHIFT == 0x7f);
    assert!(cat::WE >> LISTS_SHIFT == 2 && cat::YOU >> LISTS_SHIFT == 4 && cat::THEY >> LISTS_SHIFT == 8);
    assert!(cat::MODAL >> LISTS_SHIFT == 16 && cat::OPINION >> LISTS_SHIFT == 32);
    assert!(cat::COURTESY >> LISTS_SHIFT == 64);
};

/// The length bin of a sentence of `words` words (the last entry: all longer ones): 0..=3,
/// 4..=6, 7..=10, 11..=15, 16..=22, 23..=32, more.
const LENGTH_BINS: [u8; 34] = {
    let mut bins = [0u8; 34];
    let mut words = 0;
    while words < bins.len() {
        bins[words] = match words {
            0..=3 => 0,
            4..=6 => 1,
            7..=10 => 2,
            11..=15 => 3,
            16..=22 => 4,
            23..=32 => 5,
            _ => 6,
        };
        words += 1;
    }
    bins
};

/// The bucket of a hash: its top bits (the hashes are well mixed).
#[inline(always)]
pub fn bucket(h: u64) -> u32 {
    (h >> (64 - HASH_BITS)) as u32
}

// Tokens keep their affixes' buckets in a `u16`.
const _: () = assert!(HASH_BITS <= 16);

/// [`extract_tokens`] of a sentence on its own, segmented first: the trainer's path, which
/// sees the very tokens and features the pipeline does.
pub fn extract(sentence: &str, on_bucket: impl FnMut(u32)) -> (Profile, u32) {
    let doc = crate::segment::Document::new(sentence);
    extract_tokens(sentence, &doc.tokens, on_bucket)
}

/// The buckets of a word's own hashed features, and how many there are: its unigram, then,
/// unless it is a symbol or a number, its two affixes. (The fourth feature of a token, the
/// bigram ending at it, depends on the word before: [`bigram`].) One definition for the
/// trainer's [`extract_tokens`] and the shipped model's [`crate::checkworthy::tokens::Word::weight`]
/// (which its scanner adds for a word).
#[inline(always)]
pub fn own_buckets(word: &Word) -> ([u32; 3], usize) {
    (
        [bucket(word.ngram), word.prefix as u32, word.suffix as u32],
        own_count(word.shape),
    )
}

/// How many own features ([`own_buckets`]) a word of `shape` has: symbols and numbers have
/// no affixes.
#[inline(always)]
pub fn own_count(shape: u16) -> usize {
    if shape & (shape::SYMBOL | shape::NUMBER) != 0 {
        1
    } else {
        3
    }
}

/// The bucket of the bigram of two words' n-gram hashes ([`Word::ngram`]; `<s>`, [`START`],
/// before the first word).
#[inline(always)]
pub fn bigram(prev: u64, cur: u64) -> u32 {
    bucket(pair(prev, cur))
}

/// The n-gram hash before a sentence's first word.
pub const START: u64 = hash_lower(b"<s>");

/// Scans the segmenter's `tokens` of `text`, calling `on_bucket` with the bucket of every word
/// unigram and bigram and every word's affixes, and returns the profile (for [`dense`]) and
/// the number of buckets emitted (for [`hash_norm`]).
#[inline(always)]
pub fn extract_tokens(text: &str, tokens: &[crate::segment::Token], mut on_bucket: impl FnMut(u32)) -> (Profile, u32) {
    let mut n = 0;
    let profile = signals::scan_tokens(text, tokens, |w| {
        let (own, count) = own_buckets(&w.cur);
        on_bucket(own[0]);
        on_bucket(bigram(w.prev.ngram, w.cur.ngram));
        for &b in &own[1..count] {
            on_bucket(b);
        }
        n += count as u32 + 1;
    });
    (profile, n)
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
    use crate::checkworthy::tokens::tokens;

    /// The scorer's bit set and the trainer's array agree.
    #[test]
    fn dense_set_is_the_array() {
        for s in [
            "Unemployment fell to 4.1 percent in March.",
            "I think we should, you know?",
            "",
        ] {
            let (p, _) = extract(s, |_| {});
            let x = dense(&p);
            let (set, n) = dense_set(&p);
            for (i, v) in x.iter().enumerate() {
                assert_eq!(*v != 0.0, set >> i & 1 != 0, "{s:?} feature {i}");
            }
            assert_eq!(x[11], n as f32 / 4.0);
        }
    }

    /// The bits [`dense_set`] moves into place are those of the features' definitions, for every
    /// combination of the lists, signals, figures and past tenses they read.
    #[test]
    fn dense_set_is_the_definition() {
        let lists = [
            cat::FIRST_PERSON,
            cat::WE,
            cat::YOU,
            cat::THEY,
            cat::MODAL,
            cat::OPINION,
            cat::COURTESY,
        ];
        for l in 0..128u32 {
            for signals in [0u16, 1, 0b101] {
                for figures in 0..3 {
                    for past in 0..3 {
                        let mut p = Profile {
                            signals,
                            figures,
                            past,
                            ..Profile::default()
                        };
                        for (i, list) in lists.iter().enumerate() {
                            if l >> i & 1 != 0 {
                                p.lists |= list;
                            }
                        }
                        let on = |list: u32| (p.lists & list != 0) as u64;
                        let (fp, we, you, modal, opinion, they) = (
                            on(cat::FIRST_PERSON),
                            on(cat::WE),
                            on(cat::YOU),
                            on(cat::MODAL),
                            on(cat::OPINION),
                            on(cat::THEY),
                        );
                        let none = (signals == 0) as u64;
                        let past = (p.past != 0) as u64;
                        let impersonal = 1 ^ (fp | you | we);
                        let want = [
                            (11, none ^ 1),
                            (12, fp),
                            (13, we),
                            (14, you),
                            (15, modal),
                            (16, opinion),
                            (17, on(cat::COURTESY)),
                            (27, (p.figures >= 2) as u64),
                            (30, none),
                            (31, (p.figures != 0) as u64 & (fp | you)),
                            (32, modal & none),
                            (33, we & none),
                            (34, opinion & none),
                            (35, fp & (1 ^ (we | you))),
                            (36, (none ^ 1) & impersonal),
                            (37, they),
                            (38, they & impersonal),
                            (39, past),
                            (40, (p.past >= 2) as u64),
                            (41, past & none),
                        ];
                        let (set, _) = dense_set(&p);
                        for (i, bit) in want {
                            assert_eq!(set >> i & 1, bit, "feature {i}, {p:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn bit_counts_are_count_ones() {
        for x in 0..=u16::MAX {
            assert_eq!(count_ones(x), x.count_ones(), "{x:#x}");
        }
    }

    #[test]
    fn dense_names_fit() {
        assert!(DENSE_NAMES.len() <= DENSE);
        assert_eq!(&DENSE_NAMES[..signals::SIGNAL_NAMES.len()], &signals::SIGNAL_NAMES[..]);
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
        let affixes = |word: &str| {
            let w = tokens(word)[0].word;
            (w.prefix, w.suffix)
        };
        assert_eq!(affixes("Raised"), affixes("raised"));
        assert_eq!(affixes("raised").1, affixes("voted").1, "same ending, same feature");
        assert_ne!(affixes("raised").0, affixes("raised").1);
        let (p, s) = affixes("a");
        assert_eq!(p, s);
        assert_ne!(affixes("ab").0, affixes("ba").0);
    }
}
