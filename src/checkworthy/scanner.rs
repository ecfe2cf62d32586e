//! The shipped model's scanner: [`signals::scan_tokens`] and [`features::extract_tokens`] in
//! one loop, for the one model whose weights are known when a word is first seen.
//!
//! The generic path (the trainer's, any model's) describes every token as a whole
//! [`Word`] and hands each [`signals::Window`] to a callback. Here what a word's bytes decide,
//! and all the shipped model adds for it alone, is found once per distinct word and kept in
//! the [`Memo`] in the form the loop reads: its n-gram hash, its lexicon categories, its own
//! features' weights summed, its shape and spelling. A memo hit is copied, not rebuilt, and
//! the loop carries of the word before only what the detectors ask of it (its n-gram hash,
//! categories and shape), not a whole `Word`. The tests hold the two paths to the same bits.

use super::lexicon::{self, cat};
use super::model::Model;
use super::signals::{signal, Profile, Window, LISTS};
use super::tokens::{self, hash_lower, pair, shape, spelling, Word};
use crate::segment::{self, TokenKind};
use crate::swar;

/// What the loop needs of a word, from its bytes alone: a memo entry's value.
#[derive(Clone, Copy, Default)]
struct Seen {
    /// [`Word::ngram`]. For every word but a number (`shape::NUMBER` or `shape::YEAR`) this is
    /// also its hash ([`Word::hash`]); a number's own hash is found again from its bytes, only
    /// for a phrase look-up (see [`real_hash`]). The detectors' tests of a word against fixed
    /// words ("than", "%", "by", ":", …) read it as the hash: a number is none of those words
    /// either way (`mix` is a bijection, so no two words of up to seven bytes share a hash, and
    /// those words are shorter; a longer number could match one only by a 64-bit accident).
    ngram: u64,
    /// [`Word::cats`], and in the bits no category uses, the [`after`] bits of the word.
    cats: u32,
    /// [`Word::weight`]: at most three `i8` weights summed.
    weight: i16,
    shape: u8,
    spelling: u8,
}

/// What the next word asks of a word, in the bits of [`Seen::cats`] that no category uses:
/// with the word's categories and the hint that a three-word phrase may go on
/// (`cat::STARTS_TRIPLE`), all the loop carries of the word before but its n-gram hash.
mod after {
    /// The word is capitalised (`shape::CAPITALISED`).
    pub const CAPITALISED: u32 = 1 << 23;
    /// The sentence start or a colon: a name after it is no named entity ("Photo: Jane").
    pub const NO_ENTITY: u32 = 1 << 24;
    /// "By" or "BY", as bylines open.
    pub const BY: u32 = 1 << 25;
    /// The bits above.
    pub const ALL: u32 = CAPITALISED | NO_ENTITY | BY;
}

/// The lexicon categories, all of them, and the phrase hints.
const CATS: u32 = ((1 << 23) - 1) | cat::STARTS;

const _: () = {
    assert!(after::NO_ENTITY >> 18 == 64 && FAST_SPELLING < 64);
    assert!(after::ALL & CATS == 0 && cat::PAST < 1 << 23 && shape::ALL < 256);
    assert!(3 * 128 <= i16::MAX as i32);
};

impl Seen {
    /// The entry of a word as the generic path describes it.
    #[inline(always)]
    fn of(word: &Word) -> Seen {
        let is = |hash: u64, bit: u32| if word.hash == hash { bit } else { 0 };
        let capitalised = word.is(shape::CAPITALISED) as u32 * after::CAPITALISED;
        let by = is(hash_lower(b"by"), after::BY) * word.is(shape::CAPITALISED) as u32;
        Seen {
            ngram: word.ngram,
            cats: word.cats | capitalised | is(hash_lower(b":"), after::NO_ENTITY) | by,
            weight: word.weight as i16,
            shape: word.shape as u8,
            spelling: word.spelling,
        }
    }

    /// The [`Word`] the detectors of [`Profile::observe_fully`] read: all but the weight and
    /// affixes, which they do not.
    #[inline(always)]
    fn word(&self) -> Word {
        Word {
            hash: self.ngram,
            ngram: self.ngram,
            cats: self.cats & CATS,
            shape: self.shape as u16,
            spelling: self.spelling,
            ..Word::default()
        }
    }
}

/// The logit of the shipped `model` for the segmenter's `tokens` of `text`, before the dense
/// features: its profile, the number of hashed features the trainer's path would see (four a
/// token, two for symbols and numbers, counted from the profile) and the sum of their weights,
/// unscaled.
#[inline(always)]
pub(super) fn scan(model: &Model, text: &str, tokens: &[segment::Token]) -> (Profile, u32, i32) {
    with_memo(|memo| scan_with(model, text, tokens, memo))
}

#[inline(always)]
fn scan_with(model: &Model, text: &str, tokens: &[segment::Token], memo: &mut Memo) -> (Profile, u32, i32) {
    let mut p = Profile::default();
    let lexicon = lexicon::get();
    let mut sum = 0i32;
    // The word before: its n-gram hash (the sentence start's before the first), and its
    // categories with its `after` bits and, where a triple may go on from the pair ending
    // at it, `cat::STARTS_TRIPLE`.
    let mut prev_ngram = super::features::START;
    let mut prev = after::NO_ENTITY;
    // The key of the pair ending at the word before, where a triple may go on from it.
    let mut pair_before = 0u64;
    let mut index = 0usize;
    // What the fast path counts and finds, added to the profile after the loop (the
    // detectors of the full path read none of it): its counts, a lane each of one `u64` (see
    // `FAST_COUNTS`), and its words' categories, ORed. Its words are counted as the tokens
    // the full path did not take (`full`).
    let mut counts = 0u64;
    let mut full = 0usize;
    let mut quiet_cats = 0u32;
    // In parts too short for a lane of `counts` to carry into the next (a sentence is one).
    for part in tokens.chunks((1 << LANE_BITS) - 1) {
        for t in part {
            let cur = if t.kind == TokenKind::Punct {
                match tokens::symbol(text, t.span.start, t.span.end) {
                    Some(word) => Seen::of(&tokens::described(model, word, 0)),
                    None => continue,
                }
            } else {
                find(model, memo, text, t)
            };
            // Phrases are looked up only where the lexicon says one may go on (`cat::STARTS_*`).
            // No phrase holds a digit, so the word before one is no number: its n-gram hash is
            // its hash.
            let mut phrase = 0;
            let mut triple_next = 0;
            if prev & cat::STARTS != 0 {
                let hash = real_hash(text, t, &cur);
                let triple_cats = if prev & cat::STARTS_TRIPLE != 0 {
                    lexicon.lookup(pair(pair_before, hash))
                } else {
                    0
                };
                let mut pair_cats = 0;
                if prev & cat::STARTS_PHRASE != 0 {
                    let key = pair(prev_ngram, hash);
                    pair_cats = lexicon.lookup(key);
                    // The pair's key is kept only when looked up: only then can a triple go on.
                    pair_before = key;
                }
                phrase = pair_cats | triple_cats;
                triple_next = pair_cats & cat::STARTS_TRIPLE;
            }
            sum = sum
                .wrapping_add(cur.weight as i32)
                .wrapping_add(model.hashed(super::features::bigram(prev_ngram, cur.ngram) as usize) as i32);
            // `Profile::observe`'s fast path, but for a word after a "By" (where a name may open
            // a byline): those take the full path. After a sentence start or a colon, where a
            // name is no entity, the counts are a row of the table's upper half (`NO_ENTITY`
            // moved to bit 6).
            let plain = phrase | prev & after::BY;
            if cur.spelling & (spelling::QUIET | spelling::NAME) != 0 && plain == 0 {
                counts += FAST_COUNTS[(cur.spelling & FAST_SPELLING) as usize | (prev >> 18) as usize & 64];
                quiet_cats |= cur.cats;
            } else {
                full += 1;
                let before = Word {
                    hash: prev_ngram,
                    ngram: prev_ngram,
                    cats: prev & CATS & !cat::STARTS_TRIPLE,
                    shape: (prev & after::CAPITALISED != 0) as u16 * shape::CAPITALISED,
                    ..Word::default()
                };
                let w = Window {
                    index,
                    cur: cur.word(),
                    prev: before,
                    phrase,
                };
                p.observe_fully(&w);
            }
            prev_ngram = cur.ngram;
            prev = cur.cats | triple_next;
            index += 1;
        }
        let lane = |i: u32| (counts >> (i * LANE_BITS)) as u16;
        p.lowercase_words = p.lowercase_words.wrapping_add(lane(0));
        p.past = p.past.wrapping_add(lane(1));
        p.entities = p.entities.wrapping_add(lane(2));
        p.signals |= signal::NAMED_ENTITY * (counts >> (2 * LANE_BITS) != 0) as u16;
        counts = 0;
    }
    p.words = p.words.wrapping_add((index - full) as u16);
    p.lists |= quiet_cats & LISTS;
    p.signals |= (quiet_cats & cat::SIGNALS) as u16;
    p.tokens = index as u32;
    let n = p.tokens.wrapping_mul(4).wrapping_sub(p.bare.wrapping_mul(2));
    (p, n, sum)
}

/// The spelling bits that say what the fast path counts of a word.
const FAST_SPELLING: u8 = spelling::LOWERCASE | spelling::PAST | spelling::NAME;

/// The width of a lane of the fast path's counts.
const LANE_BITS: u32 = 21;

/// What the fast path counts of a word, by its spelling bits ([`FAST_SPELLING`]) and, in bit
/// 6, whether a name there is no entity: one lowercase word, past tense or named entity where
/// it is one, each in a lane of its own of one `u64` (the loop's parts are too short for a
/// lane to carry into the next; the words themselves are counted as the tokens the full path
/// did not take). One add a word.
static FAST_COUNTS: [u64; 128] = {
    let mut table = [0u64; 128];
    let mut bits = 0;
    while bits < 128 {
        let b = bits as u8;
        table[bits] = (b & spelling::LOWERCASE != 0) as u64
            | ((b & spelling::PAST != 0) as u64) << LANE_BITS
            | ((b & spelling::NAME != 0 && b & 64 == 0) as u64) << (2 * LANE_BITS);
        bits += 1;
    }
    table
};

/// The hash of the word `cur` of token `t` ([`Word::hash`]), for a phrase look-up: its n-gram
/// hash but for a number (all ASCII), whose hash is found again from its bytes.
#[inline(always)]
fn real_hash(text: &str, t: &segment::Token, cur: &Seen) -> u64 {
    if cur.shape as u16 & (shape::NUMBER | shape::YEAR) == 0 {
        return cur.ngram;
    }
    number_hash(text, t)
}

#[cold]
#[inline(never)]
fn number_hash(text: &str, t: &segment::Token) -> u64 {
    tokens::hash_span(text.as_bytes(), t.span.start, tokens::word_end(text.as_bytes(), t))
}

/// The [`Seen`] of a word token `t` (not punctuation): from the memo, or, the first time,
/// described by the generic path and kept.
#[inline(always)]
fn find(model: &Model, memo: &mut Memo, text: &str, t: &segment::Token) -> Seen {
    let (key, kept, _, _) = key_of(text.as_bytes(), t);
    if kept {
        if let Some(seen) = memo.find(key) {
            return seen;
        }
    }
    describe(model, memo, text, t)
}

/// The memo's key of a word token `t` of `bytes`: the token's bytes as the segmenter cut them,
/// a full stop included ("Dr."), which alone decide the word (see `tokens::word_end`); whether
/// the word is kept (sixteen bytes at most), the high bits of its bytes that are not ASCII,
/// and its first eight bytes.
#[inline(always)]
fn key_of(bytes: &[u8], t: &segment::Token) -> ([u64; 2], bool, u64, u64) {
    let start = t.span.start;
    let len = t.span.end - start;
    let x = head8(bytes, start);
    // Words of up to sixteen bytes are their own key to the memo, ASCII or not ("don’t",
    // "Zürich"): their categories come from their bytes either way. Longer ones are not kept.
    let (key, high) = if len <= 8 {
        let key = x & swar::low_bytes(len);
        ([key, 0], key & swar::HIGH)
    } else if len <= 16 {
        let second = head8(bytes, start + 8) & swar::low_bytes(len - 8);
        ([x, second], (x | second) & swar::HIGH)
    } else {
        ([0, 0], swar::HIGH)
    };
    (key, len <= 16, high, x)
}

/// The eight bytes of `bytes` from `at` ([`swar::load8`]), by one range test where they all
/// lie in the text (not, as `load8`'s, by the room left after `at`).
#[inline(always)]
fn head8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at.wrapping_add(8)).and_then(|b| b.first_chunk::<8>()) {
        Some(&b) => u64::from_le_bytes(b),
        None => swar::load8(bytes, at),
    }
}

/// A word [`find`] did not find: described by the generic path, and kept if short (its key
/// found again here).
#[inline(never)]
fn describe(model: &Model, memo: &mut Memo, text: &str, t: &segment::Token) -> Seen {
    let bytes = text.as_bytes();
    let (key, kept, high, x) = key_of(bytes, t);
    let claim_sets = crate::lexicon::table().claim_sets();
    let word = if high == 0 {
        tokens::describe_ascii(model, claim_sets, bytes, t, x)
    } else {
        tokens::describe_other(model, claim_sets, lexicon::get(), bytes, t)
    };
    let seen = Seen::of(&word);
    if kept {
        memo.insert(key, seen);
    }
    seen
}

/// log2 of the number of [`Memo`] entries. Natively 16,384 (512 KB, L2's size on the Zen 3
/// this is tuned on: the old 768 KB memo of 48-byte slots did not fit; with L2 simulated,
/// callgrind counts 15% fewer of the scanner's misses there). In wasm 8,192 (256 KB): with
/// two ways per set a bigger memo than 4,096 entries made the whole package 6-7% slower in
/// Node (both builds alternated, 20 passes each, twice in each order); direct-mapped (round
/// 17), 4,096 entries lost ~4% on the 1 MB document in Node and 8,192 gain on both rows
/// against the two-way 4,096 (6 alternated pairs: corpus median ~53.5 → ~56.1 MB/s, faster in
/// 6 of 6; 1 MB ~45.3 → ~46.0, 4 of 6). The memo is an exact cache: its size never changes a
/// score.
#[cfg(not(target_arch = "wasm32"))]
const MEMO_BITS: u32 = 14;
#[cfg(target_arch = "wasm32")]
const MEMO_BITS: u32 = 13;

/// Short words (one to sixteen bytes) already seen, each with its [`Seen`]. News repeats
/// its words ("the", "said", "percent"): most tokens are found here, which saves hashing,
/// shaping and weighing them again. Keyed by the word's exact bytes (so a hit is the same
/// word, never a likeness), and kept between sentences (see [`with_memo`]).
///
/// Direct-mapped: each word has one entry, and a new word takes it. Two ways (the word last
/// found first in its set) cut the misses on PolNeAR train by a quarter, at ~200 instructions
/// a miss, and were kept until round 17; measured by time on this project's Intel Xeon VM,
/// one way is faster (claims stage 13.75 → 13.40 ms a pass, faster in 9 of 10 alternated
/// pairs; the 1 MB document and WASM in Node too), for ~11M more instructions but ~120k fewer
/// simulated mispredictions over the bench's two passes: the second way's test was a branch
/// the predictor missed, and a hit on it rewrote the line (the swap).
pub struct Memo {
    entries: Box<[Entry; 1 << MEMO_BITS]>,
}

/// One word of the memo in 32 bytes, aligned so that no entry straddles two cache lines (the
/// allocator aligns a block this large to 16 bytes only). The price: the allocator no longer
/// gets zeroed pages from the system for it but clears 512 KB once per thread.
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Entry {
    /// The word's bytes, zero above; 0 (no word) marks an empty entry.
    key: [u64; 2],
    seen: Seen,
}

// Two memo entries to a cache line.
const _: () = assert!(std::mem::size_of::<Entry>() == 32);

impl Memo {
    fn new() -> Memo {
        // Built on the heap: 512 KB would not fit every stack (wasm's is 1 MB), and
        // `Box::new` of an array may build it on the stack first.
        let entries = vec![Entry::default(); 1 << MEMO_BITS].into_boxed_slice();
        Memo {
            entries: entries
                .try_into()
                .unwrap_or_else(|_| unreachable!("the length is the array's")),
        }
    }

    /// [`Memo::new`] for the rare nested scan, out of the scanner's way.
    #[cold]
    #[inline(never)]
    fn fresh() -> Memo {
        Memo::new()
    }

    /// The one entry the word with bytes `key` may sit in. The key's two halves are added, not
    /// mixed apart first (they were, by a rotation and an `xor`: two instructions more a
    /// token): the multiply spreads the sum, and words whose halves sum alike only share an
    /// entry (the key is compared whole).
    #[inline(always)]
    fn index(key: [u64; 2]) -> usize {
        let mixed = key[0].wrapping_add(key[1]).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - MEMO_BITS)) as usize
    }

    #[inline(always)]
    fn find(&self, key: [u64; 2]) -> Option<Seen> {
        let entry = &self.entries[Memo::index(key)];
        if entry.key == key {
            return Some(entry.seen);
        }
        None
    }

    /// Keeps `seen`, with bytes `key`, in place of the word that had its entry.
    #[inline(always)]
    fn insert(&mut self, key: [u64; 2], seen: Seen) {
        self.entries[Memo::index(key)] = Entry { key, seen };
    }
}

/// Runs `f` with this thread's [`Memo`], or with a fresh one should that be in use (the loop
/// calls back into nothing that scans, so this never happens; the fallback only means that it
/// could not panic if it did). One call of `f`, so that it is inlined once.
fn with_memo<R>(f: impl FnOnce(&mut Memo) -> R) -> R {
    thread_local! {
        static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::new());
    }
    MEMO.with(|shared| {
        let mut fresh = None;
        let mut borrowed = shared.try_borrow_mut().ok();
        let memo = match &mut borrowed {
            Some(memo) => &mut **memo,
            None => fresh.insert(Memo::fresh()),
        };
        f(memo)
    })
}

#[cfg(test)]
mod tests {
    use super::super::model::{self, Model};
    use crate::segment::{self, Token};

    /// The shipped model's scanner and the generic path (a copy of the model, which is not
    /// the shipped one, sees every feature as the trainer does) give the same logit, to the
    /// bit, and the same profile.
    fn same_as_generic(text: &str, tokens: &[Token]) {
        let shipped = model::shipped();
        let generic: Model = shipped.clone();
        let (z, p) = shipped.logit_tokens(text, tokens);
        let (zg, pg) = generic.logit_tokens(text, tokens);
        assert_eq!(
            (z.to_bits(), p),
            (zg.to_bits(), pg),
            "{:?}",
            tokens.first().map(|t| &text[t.span.start..])
        );
    }

    /// The loop keys a phrase by the n-gram hash of the word before, which is its hash but
    /// for a number: no phrase may start with one.
    #[test]
    fn no_phrase_starts_with_a_number() {
        for (word, cats) in super::super::lexicon::word_categories() {
            if cats & super::cat::STARTS_PHRASE != 0 {
                assert!(!word.bytes().any(|b| b.is_ascii_digit()), "{word}");
            }
        }
    }

    /// Every sentence of `text`, and the whole text as one run, twice (the second time from
    /// the memo).
    fn check_text(text: &str) {
        let mut doc = segment::Document::new(text);
        let _ = crate::quotes::find(&mut doc);
        doc.split_sentences();
        for _ in 0..2 {
            for s in &doc.sentences {
                same_as_generic(doc.text, &doc.tokens[s.tokens.clone()]);
            }
            same_as_generic(doc.text, &doc.tokens);
        }
    }

    #[test]
    fn edge_texts_score_as_the_generic_path() {
        let texts = [
            "By Maria Lopez and Tom Chen",
            "BY JOHN SMITH. By the way, by Jane. By: Reuters",
            "Photo: Jane Smith/Getty Images. Credit: AP Photo/Evan Vucci. © 2024 Reuters. All rights reserved.",
            "Unemployment fell to 4.1 percent in March, the lowest rate since 2001.",
            "May 5 1998 1990s 80s 1,000.50 4.1% $5 £3 €4 ¥9 per cent percentage points",
            "As a result, more than 5 people, rather than 7, other than 1999, due to 2020; more than 1990s.",
            "the highest, the interest, THE GREATEST, The Forest than Than THAN I i: NATO U.S. Dr. Smith",
            "Zürich’s don’t naïve café Trump’s Don't DON'T: a-very-long-hyphenated-word-indeed the-record-breaking",
            "Why? Because! He said: “No.” She voted/signed/vetoed; you, we, they, I think we should.",
            ": Jane : 12 :: by By by",
            "",
            "?",
            "a",
        ];
        for text in texts {
            check_text(text);
        }
        // Synthetic sentences from words the scanner treats apart, in many orders.
        let words = [
            "By",
            "by",
            ":",
            "the",
            "The",
            "rather",
            "other",
            "than",
            "highest",
            "interest",
            "March",
            "May",
            "5",
            "1998",
            "1990s",
            "4.1",
            "%",
            "$",
            "£",
            "per",
            "cent",
            "as",
            "a",
            "result",
            "all",
            "rights",
            "reserved",
            "I",
            "we",
            "NATO",
            "Obama",
            "voted",
            "need",
            "due",
            "to",
            "Photo",
            "/",
            "Getty",
            "Images",
            "©",
            "?",
            "!",
            "more",
            "less",
            "Zürich",
            "don’t",
            "U.S.",
            "Dr.",
            "record-breaking",
            "two",
            "million",
            ",",
            ".",
            "according",
            "study",
            "you",
            "would",
            "thank",
            "ADVERTISEMENT",
            "superlongwordoverSixteen",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..3000 {
            let len = 1 + next(12);
            let text: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
            check_text(&text.join(" "));
        }
    }

    /// More distinct words than the memo has entries, scanned twice: the second time most
    /// have been pushed out of their entries and are described again, and score the same.
    #[test]
    fn words_pushed_out_score_as_the_generic_path() {
        let words: Vec<String> = (0..3 * (1 << super::MEMO_BITS))
            .map(|i| match i % 4 {
                0 => format!("w{i}ed"),
                1 => format!("Name{i}"),
                2 => format!("{i}"),
                _ => format!("longer-word-{i}"),
            })
            .collect();
        for sentence in words.chunks(24).cycle().take(2 * words.len() / 24) {
            check_text(&sentence.join(" "));
        }
    }

    /// A run longer than one of the loop's parts (more tokens than a lane of the fast path's
    /// counts may count): the counts carried over from part to part, every count past
    /// 2^16 wrapped as the generic path's do.
    #[test]
    fn a_run_of_many_parts_scores_as_the_generic_path() {
        let text = "voted voted voted Obama voted. ".repeat((1 << super::LANE_BITS) / 4 + 3);
        let doc = segment::Document::new(&text);
        assert!(doc.tokens.len() > 1 << super::LANE_BITS);
        same_as_generic(&text, &doc.tokens);
    }

    /// The PolNeAR texts (skipped, with a note, where ../shared is absent).
    #[test]
    fn polnear_texts_score_as_the_generic_path() {
        let mut seen = 0;
        for split in ["train", "dev"] {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/polnear/");
            let Ok(entries) = std::fs::read_dir(format!("{dir}{split}/text")) else {
                eprintln!("note: {dir}{split}/text absent, check skipped");
                continue;
            };
            for entry in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    check_text(&text);
                    seen += 1;
                }
            }
        }
        eprintln!("{seen} PolNeAR texts checked");
    }
}
