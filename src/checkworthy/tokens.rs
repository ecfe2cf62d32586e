//! Word tokens for the check-worthiness model: the segmenter's tokens ([`crate::segment`]),
//! with what the model asks of each, and no allocation.
//!
//! A token is a word ("don't", "U.S", "record-breaking", "4.1", "1,000") or one of the few
//! symbols that carry meaning for claims (`%`, `$`, `£`, `€`, `¥`, `©`, `?`, `!`, `:`, `/`);
//! other punctuation is skipped. Each token carries a hash of its lowercased bytes, so lexicon
//! look-ups and n-gram features never build a `String`. The hash is fixed (see [`hash_lower`]): the same on every
//! platform, native and wasm32, unlike std's randomly seeded hasher.
//!
//! What a word's bytes alone decide is its [`Word`]. This is the generic path (the trainer's,
//! tests' and tools'); the shipped model's scanner (`super::scanner`) finds what it needs of a
//! word once per distinct word, with these functions, and keeps it in a memo.

use super::features::bucket;
use super::lexicon::{self, cat, Lexicon};
use super::model::{self, Model};
use crate::segment::{self, TokenKind};
use crate::swar;

/// Lowercases eight bytes at once: OR-ing 0x20 maps `A`..`Z` to `a`..`z` and leaves what else
/// a word holds (digits and the joiners `'`, `-`, `.`, `,`) unchanged, as they have that bit.
/// (Bytes of non-ASCII letters change too, the same way on both sides, so hashes still match.)
const CASE_BITS: u64 = 0x2020_2020_2020_2020;
const SEED: u64 = 0x243f_6a88_85a3_08d3;

/// A 64-bit mixer (two multiply-xorshift rounds, splitmix64's finaliser).
#[inline]
const fn mix(x: u64) -> u64 {
    let x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hash of a word: its bytes lowercased (OR 0x20), packed little-endian into 64-bit chunks,
/// each chunk mixed in, then the length. Chunking keeps the multiplications off the per-byte
/// path (a byte-at-a-time hash such as FNV-1a waits on one multiply per byte). `const`, so
/// fixed words hash at compile time; the scanner computes the same value from 8-byte loads.
pub const fn hash_lower(bytes: &[u8]) -> u64 {
    let mut h = SEED;
    let mut chunk = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        chunk |= ((bytes[i] | 0x20) as u64) << (8 * (i % 8));
        i += 1;
        if i % 8 == 0 {
            h = mix(h ^ chunk);
            chunk = 0;
        }
    }
    mix(h ^ chunk ^ ((bytes.len() as u64) << 56))
}

/// The bytes of `x` below byte `n` (`n` < 8), lowercased as [`hash_lower`] does: a word's last,
/// partial chunk.
#[inline(always)]
fn last_chunk(x: u64, n: usize) -> u64 {
    (x | CASE_BITS) & (1u64 << (8 * n)).wrapping_sub(1)
}

/// [`hash_lower`] of `bytes[start..end]`, reading eight bytes at a time.
#[inline(always)]
pub(super) fn hash_span(bytes: &[u8], start: usize, end: usize) -> u64 {
    let mut h = SEED;
    let mut at = start;
    while end - at >= 8 {
        h = mix(h ^ (swar::load8(bytes, at) | CASE_BITS));
        at += 8;
    }
    let last = if end == at {
        0
    } else {
        last_chunk(swar::load8(bytes, at), end - at)
    };
    mix(h ^ last ^ (((end - start) as u64) << 56))
}

/// [`hash_lower`] of a word with non-ASCII bytes, any `’` (an apostrophe) hashed as `'`:
/// "Trump’s" and "Trump's" are one word. (Words longer than 64 bytes are hashed by their start.)
fn hash_with_rsquo(word: &[u8]) -> u64 {
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut i = 0;
    while i < word.len() && n < buf.len() {
        if word[i] == RSQUO[0] && word[i..].starts_with(RSQUO) {
            buf[n] = b'\'';
            i += RSQUO.len();
        } else {
            buf[n] = word[i];
            i += 1;
        }
        n += 1;
    }
    hash_span(&buf, 0, n)
}

/// Combines two hashes into the hash of the pair (order matters): used for two- and three-word
/// lexicon phrases and for word bigram features.
pub const fn pair(a: u64, b: u64) -> u64 {
    // Multiply-xorshift mixing (from splitmix64's finaliser); cheap and well spread.
    let mut x = a.rotate_left(29) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 27)
}

/// What a token looks like, as bit flags.
pub mod shape {
    /// First character is an uppercase ASCII letter ("Senate", "U.S").
    pub const CAPITALISED: u16 = 1 << 0;
    /// Capitals and no lowercase letter, two bytes or more ("NATO", "GDP", "U.S", "F-35").
    pub const ALL_CAPS: u16 = 1 << 1;
    /// Contains a digit ("4.1", "1990s", "F-35").
    pub const HAS_DIGIT: u16 = 1 << 2;
    /// Only digits and inner `,` or `.` ("1,000", "4.1").
    pub const NUMBER: u16 = 1 << 3;
    /// A number from 1900 to 2099, or a decade such as "1990s".
    pub const YEAR: u16 = 1 << 4;
    /// A single symbol: `%`, `$`, `?`, …
    pub const SYMBOL: u16 = 1 << 5;
    /// All the flags.
    pub const ALL: u16 = (1 << 6) - 1;
}

/// What the scanner knows of a word (or symbol) from its bytes alone (the shipped model's
/// scanner keeps what it needs of it once per distinct word, in its memo).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// The hash of the lowercased text ([`hash_lower`]): the lexicons' key.
    pub hash: u64,
    /// The hash used for n-gram features: numbers collapse to their shape (`<year>`, `<num>`)
    /// so that "5 percent" and "12 percent" share a feature.
    pub ngram: u64,
    /// The lexicon categories of the word ([`super::lexicon::cat`]).
    pub cats: u32,
    /// The shipped model's weights of the word's own features ([`features::own_buckets`]),
    /// summed: what the shipped model's scorer adds for it, bigram aside (the sum of integers
    /// is the same in any order, so this is exact).
    pub weight: i32,
    /// The feature buckets of the word's first two and last two bytes (see `affixes`); 0 for
    /// symbols and numbers, which have no affix features.
    pub prefix: u16,
    pub suffix: u16,
    pub shape: u16,
    /// What the detectors ask of the word's spelling, as bits from [`spelling`].
    pub spelling: u8,
}

impl Word {
    pub fn is(&self, flag: u16) -> bool {
        self.shape & flag != 0
    }
}

/// One token: its byte range in the sentence and its [`Word`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: Word,
}

/// Facts about how a token is spelled, as bit flags (in [`Word::spelling`]): decided once per
/// word, not by each detector on each token.
pub mod spelling {
    /// Starts with a lowercase ASCII letter.
    pub const LOWERCASE: u8 = 1 << 0;
    /// Five bytes or more, ending in "ed" but not "eed" ("voted", not "need").
    pub const ED: u8 = 1 << 1;
    /// Five bytes or more, ending in "est" ("highest", "interest").
    pub const EST: u8 = 1 << 2;
    /// Two facts not of spelling alone, but of the word alone too, so decided with the rest:
    /// a past tense, from the lexicon or by "-ed" (see [`crate::checkworthy::signals::Profile::past`]);
    pub const PAST: u8 = 1 << 3;
    /// and a word the scanner may count in passing (`signals::is_quiet`),
    pub const QUIET: u8 = 1 << 4;
    /// or count in passing as a name (`signals::is_plain_name`).
    pub const NAME: u8 = 1 << 5;
}

impl Token {
    /// The token's bytes (no char-boundary check, unlike [`Token::text`]).
    pub fn bytes<'t>(&self, sentence: &'t str) -> &'t [u8] {
        sentence.as_bytes().get(self.start..self.end).unwrap_or(b"")
    }

    pub fn text<'t>(&self, sentence: &'t str) -> &'t str {
        sentence.get(self.start..self.end).unwrap_or("")
    }
}

/// The check-worthiness tokens of a run of the segmenter's tokens (a sentence, a reported
/// claim's content), each with its [`Word`]. The text is tokenized once, by [`crate::segment`]:
/// this only reads each of its tokens' bytes again, eight at a time, to hash and shape the
/// word, and skips the punctuation that says nothing about claims. (The generic path, for the
/// trainer, tests and tools: the shipped model's scanner keeps what it needs of each word in a
/// memo, see `super::scanner`.)
pub fn words<'t>(text: &'t str, tokens: &'t [segment::Token]) -> Words<'t> {
    Words {
        text,
        tokens: tokens.iter(),
        lookup: lookup(),
    }
}

/// The [`Lookup`] of words.
pub fn lookup() -> Lookup {
    Lookup {
        lexicon: lexicon::get(),
        claim_sets: crate::lexicon::table().claim_sets(),
        shipped: model::shipped(),
    }
}

/// The tokens of a sentence on its own: it is segmented first, so that its tokens are those
/// the pipeline scores (tests and tools).
pub fn tokens(sentence: &str) -> Vec<Token> {
    let doc = segment::Document::new(sentence);
    words(sentence, &doc.tokens).collect()
}

/// The iterator of [`words`].
pub struct Words<'t> {
    text: &'t str,
    tokens: std::slice::Iter<'t, segment::Token>,
    lookup: Lookup,
}

impl Iterator for Words<'_> {
    type Item = Token;

    #[inline(always)]
    fn next(&mut self) -> Option<Token> {
        for t in self.tokens.by_ref() {
            if let Some(token) = word(self.text, &self.lookup, t) {
                return Some(token);
            }
        }
        None
    }
}

/// What finds the [`Word`] of a token.
pub struct Lookup {
    /// For the rare words the segmenter's table cannot hold (not ASCII).
    lexicon: &'static Lexicon,
    /// The categories of [`crate::lexicon::WordInfo::claims`].
    claim_sets: &'static [u32; 256],
    /// For [`Word::weight`].
    shipped: &'static Model<'static>,
}

/// The [`Token`] of the segmenter's token `t` of `text`, or `None` for punctuation that says
/// nothing about claims (what [`words`] yields, for a scanner that walks the tokens itself).
#[inline(always)]
pub fn word(text: &str, lookup: &Lookup, t: &segment::Token) -> Option<Token> {
    let bytes = text.as_bytes();
    let start = t.span.start;
    if t.kind == TokenKind::Punct {
        let word = described(lookup.shipped, symbol(text, start, t.span.end)?, 0);
        return Some(Token {
            start,
            end: t.span.end,
            word,
        });
    }
    let x = swar::load8(bytes, start);
    let word = if is_short_ascii(bytes, t, x) {
        describe_ascii(lookup.shipped, lookup.claim_sets, bytes, t, x)
    } else {
        describe_other(lookup.shipped, lookup.claim_sets, lookup.lexicon, bytes, t)
    };
    Some(Token {
        start,
        end: word_end(bytes, t),
        word,
    })
}

/// Whether the word token `t` is of one to sixteen ASCII bytes (as the segmenter cut it, a
/// full stop included), `x` its first eight.
#[inline(always)]
fn is_short_ascii(bytes: &[u8], t: &segment::Token, x: u64) -> bool {
    let len = t.span.end - t.span.start;
    if len <= 8 {
        x & swar::low_bytes(len) & swar::HIGH == 0
    } else if len <= 16 {
        (x | swar::load8(bytes, t.span.start + 8) & swar::low_bytes(len - 8)) & swar::HIGH == 0
    } else {
        false
    }
}

/// The [`Word`] of a word token `t` of one to sixteen ASCII bytes, `x` its first eight. The
/// segmenter looked every ASCII word up already; its table holds the claim lexicons' words
/// too ([`crate::lexicon::WordInfo::claims`]).
#[inline(always)]
pub(super) fn describe_ascii(
    shipped: &Model,
    claim_sets: &[u32; 256],
    bytes: &[u8],
    t: &segment::Token,
    x: u64,
) -> Word {
    let start = t.span.start;
    let end = word_end(bytes, t);
    let word = if end - start <= 8 {
        ascii_word(bytes, start, end, x & swar::low_bytes(end - start))
    } else {
        other_word(bytes, start, end).0
    };
    described(shipped, word, claim_sets[t.info.claims() as usize])
}

/// The [`Word`] of any other word token `t`: longer, or with non-ASCII bytes.
#[inline(always)]
pub(super) fn describe_other(
    shipped: &Model,
    claim_sets: &[u32; 256],
    lexicon: &Lexicon,
    bytes: &[u8],
    t: &segment::Token,
) -> Word {
    let end = word_end(bytes, t);
    let (word, ascii) = other_word(bytes, t.span.start, end);
    // Words with other bytes ("don’t") are looked up here.
    let cats = if ascii {
        claim_sets[t.info.claims() as usize]
    } else {
        lexicon.lookup(word.hash)
    };
    described(shipped, word, cats)
}

/// The end of the word of a segmenter's token `t` (not punctuation): an abbreviation keeps its
/// full stop in the segmenter ("U.S.", "Dr."); the word is what comes before it (and what the
/// segmenter looked up).
#[inline(always)]
pub(super) fn word_end(bytes: &[u8], t: &segment::Token) -> usize {
    let (start, end) = (t.span.start, t.span.end);
    if t.kind == TokenKind::Word && end - start > 1 && bytes.get(end - 1) == Some(&b'.') {
        end - 1
    } else {
        end
    }
}

/// The hash of a word with `shape` and `hash` for n-gram features ([`Word::ngram`]).
#[inline(always)]
fn ngram(shape: u16, hash: u64) -> u64 {
    const YEAR: u64 = hash_lower(b"<year>");
    const NUM: u64 = hash_lower(b"<num>");
    if shape & shape::YEAR != 0 {
        YEAR
    } else if shape & shape::NUMBER != 0 {
        NUM
    } else {
        hash
    }
}

/// `word` with what its spelling does not give: its categories, n-gram hash and weight in
/// the `shipped` model.
#[inline(always)]
pub(super) fn described(shipped: &Model, mut word: Word, cats: u32) -> Word {
    word.cats = cats;
    word.ngram = ngram(word.shape, word.hash);
    word.weight = shipped.own_weight(&word);
    if cats & cat::PAST != 0 || word.spelling & spelling::ED != 0 {
        word.spelling |= spelling::PAST;
    }
    if super::signals::is_quiet(&word) {
        word.spelling |= spelling::QUIET;
    }
    if super::signals::is_plain_name(&word) {
        word.spelling |= spelling::NAME;
    }
    word
}

/// A word of one to eight ASCII bytes, `w` its bytes (zero above): hashed and classified in
/// one register, as [`hash_lower`] would.
#[inline(always)]
fn ascii_word(bytes: &[u8], start: usize, end: usize, w: u64) -> Word {
    let len = end - start;
    let lower = (w | CASE_BITS) & swar::low_bytes(len);
    let hash = if len < 8 {
        mix(SEED ^ lower ^ ((len as u64) << 56))
    } else {
        mix(mix(SEED ^ lower) ^ (8 << 56))
    };
    finish(&bytes[start..end], classes(w), hash, w as u16, tail_of(w, len))
}

/// The classes (`LOWER`, `UPPER`, `DIGIT`) of the ASCII bytes of `w`. Bit 5 (0x20), moved up
/// to bit 7, is set in lowercase letters and clear in capitals.
#[inline(always)]
fn classes(w: u64) -> u8 {
    classes2(w, 0)
}

/// [`classes`] of two chunks, `a` and `b`, ORed, with one test a class (a zero byte has none).
#[inline(always)]
fn classes2(a: u64, b: u64) -> u8 {
    let (letter_a, letter_b) = (swar::letters(a), swar::letters(b));
    let (case_a, case_b) = (a << 2, b << 2);
    let has = |bits: u64, class: u8| if bits != 0 { class } else { 0 };
    has(swar::digits(a) | swar::digits(b), DIGIT)
        | has(letter_a & !case_a | letter_b & !case_b, UPPER)
        | has(letter_a & case_a | letter_b & case_b, LOWER)
}

/// A word longer than eight bytes or with non-ASCII bytes (a letter such as "é", or `’` as
/// an apostrophe, hashed as `'`), and whether it is all ASCII.
#[inline(never)]
fn other_word(bytes: &[u8], start: usize, end: usize) -> (Word, bool) {
    let len = end - start;
    let first = swar::load8(bytes, start);
    // Most calls (a third of the scanner's memo misses) are for a word of nine to sixteen
    // ASCII bytes: two chunks, with no loop. (Any other word counts as not ASCII here.)
    let second = if len > 8 && len <= 16 {
        swar::load8(bytes, start + 8) & swar::low_bytes(len - 8)
    } else {
        swar::HIGH
    };
    let (seen, hash, tail) = if (first | second) & swar::HIGH == 0 {
        // As `hash_span`: a whole second chunk is mixed in before the length.
        let h = mix(SEED ^ (first | CASE_BITS));
        let hash = if len < 16 {
            mix(h ^ last_chunk(second, len - 8) ^ ((len as u64) << 56))
        } else {
            mix(mix(h ^ (second | CASE_BITS)) ^ (16 << 56))
        };
        // The last four bytes, the last in the high byte.
        let tail = (swar::load8(bytes, end - 8) >> 32) as u32;
        (classes2(first, second), hash, tail)
    } else {
        any_word(bytes, start, end, first)
    };
    (
        finish(&bytes[start..end], seen, hash, first as u16, tail),
        seen & HIGH == 0,
    )
}

/// The classes (with `HIGH`), hash and last four bytes of any word, `first` its first eight
/// bytes: [`other_word`]'s other words.
#[inline(always)]
fn any_word(bytes: &[u8], start: usize, end: usize, first: u64) -> (u8, u64, u32) {
    // Classes and hash in one pass, eight bytes at a time, read from the text (as
    // `hash_span` does).
    let mut seen = 0;
    let mut h = SEED;
    let mut at = start;
    while end - at >= 8 {
        let x = swar::load8(bytes, at);
        seen |= classes(x) | if x & swar::HIGH != 0 { HIGH } else { 0 };
        h = mix(h ^ (x | CASE_BITS));
        at += 8;
    }
    let mut last = 0;
    if at < end {
        let x = swar::load8(bytes, at) & swar::low_bytes(end - at);
        seen |= classes(x) | if x & swar::HIGH != 0 { HIGH } else { 0 };
        last = last_chunk(x, end - at);
    }
    let hash = if seen & HIGH != 0 {
        hash_with_rsquo(&bytes[start..end])
    } else {
        mix(h ^ last ^ (((end - start) as u64) << 56))
    };
    let tail = if end - start >= 4 {
        (swar::load8(bytes, end - 4) & 0xffff_ffff) as u32
    } else {
        tail_of(first, end - start)
    };
    (seen, hash, tail)
}

/// The [`Word`] of a punctuation character that matters for claims (`%`, `$`, `£`, `€`, `¥`,
/// `©`, `?`, `!`, `:`, `/`), or `None` for the rest.
#[inline(always)]
pub(super) fn symbol(text: &str, start: usize, end: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    let b = bytes[start];
    let is_symbol = if b < 0x80 {
        CLASS[b as usize] & SYMBOL != 0
    } else {
        text.get(start..end)
            .is_some_and(|s| crate::segment::decode_first(s).is_some_and(is_symbol))
    };
    if !is_symbol {
        return None;
    }
    Some(Word {
        hash: hash_lower(&bytes[start..end]),
        shape: shape::SYMBOL,
        ..Word::default()
    })
}

/// The right single quotation mark, used as an apostrophe ("don’t"); hashed as `'`.
const RSQUO: &[u8] = "\u{2019}".as_bytes();

/// Byte classes, for shapes.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
/// `%`, `$`, `?`, `!`, `:`, `/`: a token of their own.
const SYMBOL: u8 = 16;
/// A byte of a multi-byte UTF-8 character.
const HIGH: u8 = 32;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'%' | b'$' | b'?' | b'!' | b':' | b'/') {
            SYMBOL
        } else if c >= 0x80 {
            HIGH
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Multi-byte symbols that are tokens of their own.
fn is_symbol(c: char) -> bool {
    matches!(c, '£' | '€' | '¥' | '©')
}

/// The last four of the first `n` bytes of `x` (`n` from 1 to 8), the last in the high byte.
#[inline(always)]
fn tail_of(x: u64, n: usize) -> u32 {
    ((x << (64 - 8 * n)) >> 32) as u32
}

/// Whether a word's last bytes are `suffix` (at most four bytes, no longer than the word), as
/// written, from `tail`, its last four bytes (see [`tail_of`]).
#[inline(always)]
fn ends_with(tail: u32, suffix: &[u8]) -> bool {
    let n = suffix.len();
    let want = suffix.iter().rev().fold(0u32, |x, &b| x << 8 | b as u32);
    (tail >> (32 - 8 * n)) == want
}

/// The hashes of a word's first two and last two bytes, framed: "raised" gives "<ra" and
/// "ed>"; "a" gives "<a>" twice (features of their own, see [`super::features`]). The bytes
/// (`head`: the first two, the first in the low byte; `tail`: the last four, the last in the
/// high byte) are packed into an integer and spread by one multiply: no string, no byte loop.
fn affixes(head: u16, tail: u32, len: usize) -> (u64, u64) {
    const SALT: u64 = 0x7f4a_7c15_9e37_79b9;
    let spread = |gram: u64| (gram ^ SALT).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // `| 0x20` lowercases a letter and leaves digits and joiners alone, as in the word hash.
    let low = |b: u32| (b as u8 | 0x20) as u64;
    let a = low(head as u32);
    match len {
        0 => (0, 0),
        1 => {
            let g = (b'<' as u64) << 16 | a << 8 | b'>' as u64;
            (spread(g), spread(g))
        }
        _ => (
            spread((b'<' as u64) << 16 | a << 8 | low(head as u32 >> 8)),
            spread(low(tail >> 16) << 16 | low(tail >> 24) << 8 | b'>' as u64),
        ),
    }
}

/// A word's [`Word`] as far as its bytes `word` decide: its shape from the classes `seen` in
/// it, its spelling and affixes from its first two bytes `head` and last four `tail`.
#[inline(always)]
fn finish(word: &[u8], seen: u8, hash: u64, head: u16, tail: u32) -> Word {
    let len = word.len();
    let mut shape = 0;
    if (head as u8).is_ascii_uppercase() {
        shape |= shape::CAPITALISED;
    }
    if seen & (LOWER | HIGH) == 0 && seen & UPPER != 0 && len >= 2 {
        shape |= shape::ALL_CAPS;
    }
    if seen & DIGIT != 0 {
        shape |= shape::HAS_DIGIT;
        if seen & (LOWER | UPPER | HIGH) == 0 && word.iter().all(|b| b.is_ascii_digit() || *b == b',' || *b == b'.') {
            shape |= shape::NUMBER;
            if is_year(word) {
                shape |= shape::YEAR;
            }
        } else if is_decade(word) {
            shape |= shape::YEAR;
        }
    }
    let long = len >= 5;
    let spelling = ((head as u8).is_ascii_lowercase() as u8 * spelling::LOWERCASE)
        | ((long && ends_with(tail, b"ed") && !ends_with(tail, b"eed")) as u8 * spelling::ED)
        | ((long && ends_with(tail, b"est")) as u8 * spelling::EST);
    // Numbers have no affix features.
    let (prefix, suffix) = if shape & shape::NUMBER == 0 {
        let (prefix, suffix) = affixes(head, tail, len);
        (bucket(prefix) as u16, bucket(suffix) as u16)
    } else {
        (0, 0)
    };
    Word {
        hash,
        shape,
        spelling,
        prefix,
        suffix,
        ..Word::default()
    }
}

/// "1900" to "2099".
fn is_year(word: &[u8]) -> bool {
    word.len() == 4 && (word.starts_with(b"19") || word.starts_with(b"20"))
}

/// "1990s", "80s".
fn is_decade(word: &[u8]) -> bool {
    match word.split_last() {
        Some((b's', digits)) => {
            (digits.len() == 4 || digits.len() == 2)
                && digits.iter().all(u8::is_ascii_digit)
                && digits.last() == Some(&b'0')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits_words_numbers_and_symbols() {
        assert_eq!(
            words("The U.S. spent $1,000.50 (4.1%) — don’t it?"),
            ["The", "U.S", "spent", "$", "1,000.50", "4.1", "%", "don’t", "it", "?"]
        );
        assert_eq!(
            words("an all-time high, \"record\" 'quoted'"),
            ["an", "all-time", "high", "record", "quoted"]
        );
        assert_eq!(words("café – naïve © 5€"), ["café", "naïve", "©", "5", "€"]);
    }

    #[test]
    fn hashes_ignore_case_and_apostrophe_style() {
        let h: Vec<u64> = tokens("Don’t don't DON'T").iter().map(|t| t.word.hash).collect();
        assert_eq!(h[0], h[1]);
        assert_eq!(h[1], h[2]);
        assert_eq!(h[0], hash_lower(b"don't"));
    }

    #[test]
    fn word_hashes_are_the_const_hash() {
        let text = "Unemployment fell 4.1 in the U.S. Department-of-Labor's survey, Dr. Émile said x";
        for t in tokens(text) {
            let want = hash_lower(&t.bytes(text).to_ascii_lowercase());
            assert_eq!(t.word.hash, want, "{:?}", t.text(text));
        }
    }

    #[test]
    fn span_hash_is_the_const_hash() {
        let text = "Unemployment fell 4.1 in the U.S. Department-of-Labor's survey x";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let want = hash_lower(&text.as_bytes()[start..end].to_ascii_lowercase());
                assert_eq!(hash_span(text.as_bytes(), start, end), want, "{start}..{end}");
            }
        }
    }

    #[test]
    fn classes_match_a_byte_loop() {
        for b in 0..=127u8 {
            for at in 0..8 {
                let mut chunk = *b"aB3zZ09q";
                chunk[at] = b;
                let want = chunk
                    .iter()
                    .fold(0, |c, &b| c | (CLASS[b as usize] & (LOWER | UPPER | DIGIT)));
                assert_eq!(classes(u64::from_le_bytes(chunk)), want, "{chunk:?}");
                let other = u64::from_le_bytes(*b"aaaaaaaa");
                assert_eq!(classes2(other, u64::from_le_bytes(chunk)), want | LOWER, "{chunk:?}");
            }
        }
    }

    /// The two-chunk path of `other_word` (nine to sixteen ASCII bytes) describes a word as
    /// a byte loop and [`hash_lower`] would, at every length around it.
    #[test]
    fn long_ascii_words_are_what_their_bytes_describe() {
        let words = [
            "Counterterrorism-related",
            "record-breaking-interested",
            "RECORD-BREAKING-NATIONS",
            "1,000,000,000,000,000",
            "F-35s-and-F-16s-bought",
            "highest-rated-greatest",
            "disinterested-indeed",
        ];
        for word in words {
            for len in 9..=17 {
                let text = format!("x {} y", &word[..len]);
                let bytes = &text.as_bytes()[2..2 + len];
                let seen = bytes
                    .iter()
                    .fold(0, |c, &b| c | (CLASS[b as usize] & (LOWER | UPPER | DIGIT)));
                let tail = u32::from_le_bytes([bytes[len - 4], bytes[len - 3], bytes[len - 2], bytes[len - 1]]);
                let head = u16::from_le_bytes([bytes[0], bytes[1]]);
                let want = finish(bytes, seen, hash_lower(bytes), head, tail);
                assert_eq!(
                    other_word(text.as_bytes(), 2, 2 + len),
                    (want, true),
                    "{:?}",
                    &word[..len]
                );
            }
        }
    }

    #[test]
    fn shapes() {
        let t: Vec<Word> = tokens("In 1998 NATO had 1,200 Jets in the 1990s")
            .iter()
            .map(|t| t.word)
            .collect();
        assert!(t[0].is(shape::CAPITALISED) && !t[0].is(shape::ALL_CAPS));
        assert!(t[1].is(shape::YEAR) && t[1].is(shape::NUMBER));
        assert!(t[2].is(shape::ALL_CAPS));
        assert!(t[4].is(shape::NUMBER) && !t[4].is(shape::YEAR));
        assert!(t[8].is(shape::YEAR) && !t[8].is(shape::NUMBER));
        assert_eq!(t[1].ngram, t[8].ngram);
        assert_ne!(t[1].ngram, t[4].ngram);
        assert_eq!(t[3].ngram, t[3].hash);
    }

    /// A frequent word, whose lexicon byte is its own (not a set of categories), is the word
    /// its bytes describe with the categories the claim lexicons give it, whatever the case of
    /// its later letters, and with a full stop after it.
    #[test]
    fn frequent_words_are_what_their_bytes_describe() {
        let table = crate::lexicon::table();
        assert!(table.frequent_words().len() >= 150, "{}", table.frequent_words().len());
        for &(index, word) in table.frequent_words() {
            let alternating: String = word
                .chars()
                .enumerate()
                .map(|(i, c)| if i % 2 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            let rest_upper = format!("{}{}", &word[..1], word[1..].to_ascii_uppercase());
            let mut known = 0;
            for variant in [word.to_string(), alternating, rest_upper] {
                let text = format!("{variant} ({variant}) x {variant}. {variant}");
                let doc = segment::Document::new(&text);
                known += doc.tokens.iter().filter(|t| t.info.claims() == index && !t.cap).count();
                for t in tokens(&text) {
                    let bytes = t.bytes(&text);
                    if !bytes.eq_ignore_ascii_case(word.as_bytes()) {
                        continue;
                    }
                    let spelled = if bytes.len() <= 8 {
                        ascii_word(bytes, 0, bytes.len(), swar::load8(bytes, 0))
                    } else {
                        other_word(bytes, 0, bytes.len()).0
                    };
                    let cats = lexicon::get().lookup(hash_lower(word.as_bytes()));
                    let spelled = described(model::shipped(), spelled, cats);
                    assert_eq!(t.word, spelled, "{:?} in {text:?}", t.text(&text));
                }
            }
            assert!(known > 0, "{word} never found by its byte");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            "'",
            "-",
            "1,",
            "a.",
            "’",
            "\u{0}",
            "é’",
            "$$",
            "x\u{2019}",
            "A.",
            "...",
        ] {
            let _ = tokens(s).len();
        }
    }
}
