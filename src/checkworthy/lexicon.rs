//! The claim lexicons (`data/lexicons/claims-*.txt`): words and short phrases by category.
//!
//! Every file is compiled in with `include_str!` and parsed once into one open-addressing table
//! from the hash of a word or phrase to the categories it belongs to (a bit set). A phrase of
//! two or three words is keyed by [`pair`]-ing its word hashes, exactly as the scanner combines
//! consecutive tokens, so a look-up is a hash probe whatever the phrase length.

use super::tokens::{hash_lower, pair};
use crate::lexicon;
use std::sync::OnceLock;

/// Lexicon categories, one bit each. The categories that stand for a signal on their own
/// share its bit in [`super::signals::signal`] (see [`cat::SIGNALS`]), so the scanner turns them
/// into signals with one mask.
pub mod cat {
    pub const NUMBER: u32 = 1 << 0;
    pub const PERCENT: u32 = 1 << 1;
    pub const MONEY: u32 = 1 << 2;
    pub const TIME: u32 = 1 << 3;
    pub const COMPARISON: u32 = 1 << 4;
    pub const SUPERLATIVE: u32 = 1 << 5;
    pub const CAUSE: u32 = 1 << 6;
    pub const TREND: u32 = 1 << 7;
    // Bit 8 is the signal `named-entity`, which no lexicon gives.
    pub const ATTRIBUTION: u32 = 1 << 9;
    pub const EVENT: u32 = 1 << 10;
    pub const CALENDAR: u32 = 1 << 11;
    pub const NOT_SUPERLATIVE: u32 = 1 << 12;
    pub const FIRST_PERSON: u32 = 1 << 13;
    pub const WE: u32 = 1 << 14;
    pub const YOU: u32 = 1 << 15;
    pub const THEY: u32 = 1 << 16;
    pub const MODAL: u32 = 1 << 17;
    pub const OPINION: u32 = 1 << 18;
    pub const COURTESY: u32 = 1 << 19;
    pub const BOILERPLATE: u32 = 1 << 20;
    pub const CREDIT: u32 = 1 << 21;
    pub const PAST: u32 = 1 << 22;
    // Bits 23 to 25 are the shipped scanner's own (`scanner::after`).
    /// A word of a time stamp besides dates and numbers ("Updated", "p.m.", "EST").
    pub const STAMP: u32 = 1 << 27;
    /// The categories that are signals by themselves, each at its signal's bit: a number word
    /// is a `figure`, a time phrase a `date`, and so on.
    pub const SIGNALS: u32 =
        NUMBER | PERCENT | MONEY | TIME | COMPARISON | SUPERLATIVE | CAUSE | TREND | ATTRIBUTION | EVENT;
    /// Some phrase of two or three words starts with this word: only then does the scanner
    /// look the next pair up (most words start none, which saves the probe).
    pub const STARTS_PHRASE: u32 = 1 << 30;
    /// Some three-word phrase starts with this pair.
    pub const STARTS_TRIPLE: u32 = 1 << 31;
    /// The two bits above: not categories, only hints to the scanner.
    pub const STARTS: u32 = STARTS_PHRASE | STARTS_TRIPLE;
}

/// Each lexicon file and the category its entries get.
const FILES: &[(u32, &str)] = &[
    (cat::NUMBER, lexicon_file!("../../data/lexicons/claims-numbers.txt")),
    (cat::PERCENT, lexicon_file!("../../data/lexicons/claims-percent.txt")),
    (cat::MONEY, lexicon_file!("../../data/lexicons/claims-money.txt")),
    (cat::CALENDAR, lexicon_file!("../../data/lexicons/claims-dates.txt")),
    (cat::TIME, lexicon_file!("../../data/lexicons/claims-time.txt")),
    (
        cat::COMPARISON,
        lexicon_file!("../../data/lexicons/claims-comparison.txt"),
    ),
    (
        cat::SUPERLATIVE,
        lexicon_file!("../../data/lexicons/claims-superlative.txt"),
    ),
    (
        cat::NOT_SUPERLATIVE,
        lexicon_file!("../../data/lexicons/claims-not-superlative.txt"),
    ),
    (cat::CAUSE, lexicon_file!("../../data/lexicons/claims-cause.txt")),
    (cat::TREND, lexicon_file!("../../data/lexicons/claims-trend.txt")),
    (
        cat::ATTRIBUTION,
        lexicon_file!("../../data/lexicons/claims-attribution.txt"),
    ),
    (cat::EVENT, lexicon_file!("../../data/lexicons/claims-events.txt")),
    (
        cat::FIRST_PERSON,
        lexicon_file!("../../data/lexicons/claims-first-person.txt"),
    ),
    (cat::WE, lexicon_file!("../../data/lexicons/claims-we.txt")),
    (cat::YOU, lexicon_file!("../../data/lexicons/claims-you.txt")),
    (cat::THEY, lexicon_file!("../../data/lexicons/claims-they.txt")),
    (cat::PAST, lexicon_file!("../../data/lexicons/claims-past.txt")),
    (cat::MODAL, lexicon_file!("../../data/lexicons/claims-modal.txt")),
    (cat::OPINION, lexicon_file!("../../data/lexicons/claims-opinion.txt")),
    (cat::COURTESY, lexicon_file!("../../data/lexicons/claims-courtesy.txt")),
    (
        cat::BOILERPLATE,
        lexicon_file!("../../data/lexicons/claims-boilerplate.txt"),
    ),
    (cat::CREDIT, lexicon_file!("../../data/lexicons/claims-credit.txt")),
    (cat::STAMP, lexicon_file!("../../data/lexicons/claims-stamps.txt")),
];

/// Open-addressing hash table from key to categories, behind a one-bit-per-slot filter that
/// answers most misses (most words are in no lexicon) from 4 KB that stay in cache.
pub struct Lexicon {
    /// Key 0 marks an empty slot (no real hash is 0 in practice; if one were, that entry would
    /// simply never match).
    slots: Vec<(u64, u32)>,
    mask: usize,
    /// Fixed-size, so the probe's index (always in range) needs no bounds check.
    filter: Box<[u64; FILTER_WORDS]>,
}

const FILTER_BITS: u32 = 15;
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

fn filter_bit(k: u64) -> (usize, u64) {
    let bit = (k >> 40) as usize & ((1 << FILTER_BITS) - 1);
    (bit >> 6, 1 << (bit & 63))
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut entries: Vec<(u64, u32)> = Vec::new();
        for &(c, text) in FILES {
            for (first, second, third) in lexicon::entries(text) {
                // A phrase's key, word by word; the first word, and the first two of three,
                // are marked as starting one.
                let mut key = hash_lower(first.as_bytes());
                for (hint, word) in [(cat::STARTS_PHRASE, second), (cat::STARTS_TRIPLE, third)] {
                    let Some(word) = word else { break };
                    entries.push((key, hint));
                    key = pair(key, hash_lower(word.as_bytes()));
                }
                entries.push((key, c));
            }
        }
        let size = (entries.len() * 2).next_power_of_two().max(64);
        let mut t = Lexicon {
            slots: vec![(0, 0); size],
            mask: size - 1,
            filter: Box::new([0; FILTER_WORDS]),
        };
        for (k, c) in entries {
            let mut i = k as usize & t.mask;
            while t.slots[i].0 != 0 && t.slots[i].0 != k {
                i = (i + 1) & t.mask;
            }
            t.slots[i].0 = k;
            t.slots[i].1 |= c;
            let (word, bit) = filter_bit(k);
            t.filter[word] |= bit;
        }
        t
    }

    /// The categories of a word hash, or of a phrase key made with [`pair`]; 0 if none.
    #[inline]
    pub fn lookup(&self, k: u64) -> u32 {
        let (word, bit) = filter_bit(k);
        if self.filter[word] & bit == 0 {
            return 0;
        }
        let mut i = k as usize & self.mask;
        loop {
            match self.slots[i] {
                (0, _) => return 0,
                (x, c) if x == k => return c,
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

/// Every single word of the lexicons with its categories, and with [`cat::STARTS_PHRASE`] the
/// first words of phrases: what the segmenter's word table ([`crate::lexicon`]) keeps of these
/// lexicons, so that one probe per word serves both. In a fixed order (sorted by word).
/// (Sorted and merged in a vector, not gathered in a `BTreeMap`, whose insertion was ~3 KB of
/// the browser build for this one use.)
pub(crate) fn word_categories() -> Vec<(&'static str, u32)> {
    let mut words: Vec<(&'static str, u32)> = Vec::new();
    for &(c, text) in FILES {
        for (first, second, _) in lexicon::entries(text) {
            words.push((first, if second.is_some() { cat::STARTS_PHRASE } else { c }));
        }
    }
    crate::sort::sort(&mut words);
    // A word in several files (or starting several phrases) gets all their categories.
    let mut merged: Vec<(&'static str, u32)> = Vec::with_capacity(words.len());
    for (word, cats) in words {
        match merged.last_mut() {
            Some(last) if last.0 == word => last.1 |= cats,
            _ => merged.push((word, cats)),
        }
    }
    merged
}

/// The lexicon, built on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkworthy::tokens::{hash_lower, tokens};

    fn lookup(key: u64) -> u32 {
        get().lookup(key)
    }

    #[test]
    fn words_and_phrases_are_found() {
        assert_eq!(lookup(hash_lower(b"Percent")), cat::PERCENT);
        assert!(lookup(hash_lower(b"because")) & cat::CAUSE != 0);
        let due_to = pair(hash_lower(b"due"), hash_lower(b"to"));
        assert!(lookup(due_to) & cat::CAUSE != 0);
        let as_a_result = pair(pair(hash_lower(b"as"), hash_lower(b"a")), hash_lower(b"result"));
        assert!(lookup(as_a_result) & cat::CAUSE != 0);
        assert_eq!(lookup(hash_lower(b"zebra")), 0);
    }

    /// The categories the pipeline takes from the segmenter's table are the ones this table
    /// holds, for every word, however capitalised, and the few sets fit their byte.
    #[test]
    fn the_segmenter_knows_every_word() {
        let words = word_categories();
        for (word, cats) in &words {
            let capitalised = word[..1].to_uppercase() + &word[1..];
            for form in [word.to_string(), capitalised, format!("{} .", word.to_uppercase())] {
                let t = tokens(&form);
                assert_eq!(t[0].word.cats, *cats, "{form:?}");
                assert_eq!(get().lookup(t[0].word.hash), *cats, "{form:?}");
            }
        }
        let distinct: std::collections::BTreeSet<u32> = words.iter().map(|w| w.1).collect();
        assert!(distinct.len() < 256, "{} sets", distinct.len());
        // Not ASCII: looked up here, by hash.
        let curly = tokens("Didn’t");
        assert!(curly[0].word.cats != 0 && curly[0].word.cats == lookup(hash_lower(b"didn't")));
    }

    #[test]
    fn every_entry_is_a_short_phrase() {
        for &(_, text) in FILES {
            for line in lexicon::lines(text) {
                // Whole-line comments only (no comment after an entry), and at most three
                // words: what `lexicon::entries` reads.
                assert!(!line.contains('#'), "{line:?}");
                // One token per word, as the segmenter reads them.
                let n = tokens(line).len();
                assert!((1..=3).contains(&n), "{line:?} has {n} tokens");
                assert_eq!(n, line.split_whitespace().count(), "{line:?}");
                assert_eq!(line, line.to_lowercase(), "lexicon entries are lowercase");
            }
        }
    }
}
