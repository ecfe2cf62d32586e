//! Word tokens for the check-worthiness model, scanned in place with no allocation.
//!
//! A token is a word ("don't", "U.S", "record-breaking", "4.1", "1,000") or one of the few
//! symbols that carry meaning for claims (`%`, `$`, `£`, `€`, `¥`, `©`, `?`, `!`, `:`, `/`).
//! Each token carries a hash of its lowercased bytes, so lexicon look-ups and n-gram features
//! never build a `String`. The hash is fixed (see [`hash_lower`]): the same on every
//! platform, native and wasm32, unlike std's randomly seeded hasher.

use super::lexicon::{self, Lexicon};
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
fn hash_span(bytes: &[u8], start: usize, end: usize) -> u64 {
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

/// [`hash_lower`] of a word spelled with `’` as its apostrophe, hashed as `'` (rare: slow path).
fn hash_with_rsquo(word: &[u8]) -> u64 {
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut i = 0;
    while i < word.len() && n < buf.len() {
        if word[i..].starts_with(RSQUO) {
            buf[n] = b'\'';
            i += RSQUO.len();
        } else {
            buf[n] = word[i];
            i += 1;
        }
        n += 1;
    }
    hash_lower(&buf[..n])
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
}

/// One token: its byte range in the sentence, the hash of its lowercased text, its shape, and
/// its first two and last four bytes as written (what the detectors and affix features look
/// at), so that they need not slice the sentence again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
    pub shape: u16,
    /// The first byte in the low byte, then the second (when the token has one).
    pub head: u16,
    /// The last four bytes, the last in the high byte; zero before the start of a shorter token.
    pub tail: u32,
    /// The lexicon categories of the word ([`super::lexicon::cat`]): 0 from [`tokens`], filled
    /// by [`words`].
    pub cats: u32,
    /// The hashes of the word's first two and last two bytes (see [`affixes`]), filled by
    /// [`words`]; 0 for symbols and numbers, which have no affix features.
    pub prefix: u64,
    pub suffix: u64,
    /// What the detectors ask of the word's spelling, as bits from [`spelling`].
    pub spelling: u8,
}

/// Facts about how a token is spelled, as bit flags (in [`Token::spelling`]): decided once per
/// word (and kept in the memo), not by each detector on each token.
pub mod spelling {
    /// Starts with a lowercase ASCII letter.
    pub const LOWERCASE: u8 = 1 << 0;
    /// Five bytes or more, ending in "ed" but not "eed" ("voted", not "need").
    pub const ED: u8 = 1 << 1;
    /// Five bytes or more, ending in "est" ("highest", "interest").
    pub const EST: u8 = 1 << 2;
}

impl Token {
    pub fn is(&self, flag: u16) -> bool {
        self.shape & flag != 0
    }

    /// Length in bytes (never 0).
    pub(crate) fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the token's last bytes are `suffix` (at most four bytes, no longer than the
    /// token), as written.
    #[inline(always)]
    pub fn ends_with(&self, suffix: &[u8]) -> bool {
        let n = suffix.len();
        debug_assert!(n <= 4 && n <= self.len());
        let want = suffix.iter().rev().fold(0u32, |x, &b| x << 8 | b as u32);
        (self.tail >> (32 - 8 * n)) == want
    }

    /// The hash used for n-gram features: numbers collapse to their shape (`<year>`, `<num>`)
    /// so that "5 percent" and "12 percent" share a feature.
    pub fn ngram_hash(&self) -> u64 {
        const YEAR: u64 = hash_lower(b"<year>");
        const NUM: u64 = hash_lower(b"<num>");
        if self.is(shape::YEAR) {
            YEAR
        } else if self.is(shape::NUMBER) {
            NUM
        } else {
            self.hash
        }
    }

    /// The token's bytes (no char-boundary check, unlike [`Token::text`]).
    pub fn bytes<'t>(&self, sentence: &'t str) -> &'t [u8] {
        sentence.as_bytes().get(self.start..self.end).unwrap_or(b"")
    }

    pub fn text<'t>(&self, sentence: &'t str) -> &'t str {
        sentence.get(self.start..self.end).unwrap_or("")
    }
}

/// Iterates over the tokens of `sentence`, without their lexicon categories and affixes (the
/// lexicon's own build reads its phrases with this).
pub fn tokens(sentence: &str) -> Tokens<'_> {
    Tokens {
        text: sentence,
        pos: 0,
        lexicon: None,
    }
}

/// Iterates over the tokens of `sentence` with their lexicon categories and affixes,
/// remembering short words in `memo`.
pub fn words<'t>(sentence: &'t str, memo: &'t mut Memo) -> Tokens<'t> {
    Tokens {
        text: sentence,
        pos: 0,
        lexicon: Some((lexicon::get(), memo)),
    }
}

/// The token iterator (see [`tokens`] and [`words`]).
pub struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    lexicon: Option<(&'static Lexicon, &'t mut Memo)>,
}

/// log2 of the number of [`Memo`] slots.
const MEMO_BITS: u32 = 11;

/// Short words (one to seven ASCII letters and digits) already seen, with everything their bytes
/// alone decide: hash, shape, lexicon categories, affix hashes. News repeats its words ("the",
/// "said", "percent"): most tokens are found here, which saves hashing them, shaping them and
/// looking them up again. Direct-mapped, keyed by the word's exact bytes (so a hit is the same
/// word, never a likeness), and kept between sentences (see [`with_memo`]).
pub struct Memo {
    slots: Box<[MemoSlot; 1 << MEMO_BITS]>,
}

#[derive(Clone, Copy, Default)]
struct MemoSlot {
    /// The word's bytes, little-endian; 0 for an empty slot (no word is all zero bytes).
    key: u64,
    hash: u64,
    prefix: u64,
    suffix: u64,
    cats: u32,
    shape: u16,
    spelling: u8,
}

impl Memo {
    fn new() -> Memo {
        Memo {
            slots: Box::new([MemoSlot::default(); 1 << MEMO_BITS]),
        }
    }

    /// [`Memo::new`] for the rare nested scan, out of the scanner's way.
    #[cold]
    #[inline(never)]
    fn fresh() -> Memo {
        Memo::new()
    }

    fn slot(&mut self, key: u64) -> &mut MemoSlot {
        &mut self.slots[(key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - MEMO_BITS)) as usize]
    }
}

/// Runs `f` with this thread's [`Memo`], or with a fresh one where that is in use (a scan
/// started from within a scan's callback). One call of `f`, so that it is inlined once.
pub fn with_memo<R>(f: impl FnOnce(&mut Memo) -> R) -> R {
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

/// The right single quotation mark, used as an apostrophe ("don’t"); hashed as `'`.
const RSQUO: &[u8] = "\u{2019}".as_bytes();

/// Byte classes, looked up in [`CLASS`] so the scanner's inner loop is one load per byte.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const ALNUM: u8 = LOWER | UPPER | DIGIT;
/// `'`, `-`, `.`: part of a word when a letter or digit follows.
const JOINER: u8 = 8;
/// `%`, `$`, `?`, `!`, `:`, `/`: a token of their own.
const SYMBOL: u8 = 16;
/// The first byte of a multi-byte UTF-8 character (a letter, or `’`, `£`, `€`, `©`, …).
const HIGH: u8 = 32;
/// `,`: part of a number between digits.
const COMMA: u8 = 64;
/// What may continue a word after a run of ASCII letters and digits.
const MAY_JOIN: u8 = JOINER | COMMA | HIGH;

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
        } else if c == b'\'' || c == b'-' || c == b'.' {
            JOINER
        } else if matches!(c, b'%' | b'$' | b'?' | b'!' | b':' | b'/') {
            SYMBOL
        } else if c >= 0xc0 {
            HIGH
        } else if c == b',' {
            COMMA
        } else {
            0
        };
        b += 1;
    }
    t
};

/// `char::is_alphanumeric`, answering at once for the General Punctuation block (dashes, curly
/// quotes, ellipsis: common in news, and none of them letters or digits) instead of through
/// std's slow table search.
#[inline(always)]
fn is_letter_or_digit(c: char) -> bool {
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// Multi-byte symbols that are tokens of their own.
fn is_symbol(c: char) -> bool {
    matches!(c, '£' | '€' | '¥' | '©')
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    #[inline(always)]
    fn next(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if b == b' ' {
                self.pos += 1;
                continue;
            }
            let class = CLASS[b as usize];
            let start = self.pos;
            if class & ALNUM != 0 {
                return Some(self.word(start));
            }
            if class & SYMBOL != 0 {
                self.pos += 1;
                return Some(self.categorised(symbol(start, &bytes[start..start + 1])));
            }
            if class & HIGH != 0 {
                let c = self.text[start..].chars().next().unwrap_or(' ');
                if is_letter_or_digit(c) {
                    return Some(self.word(start));
                }
                self.pos += c.len_utf8();
                if is_symbol(c) {
                    return Some(self.categorised(symbol(start, &bytes[start..self.pos])));
                }
                continue;
            }
            self.pos += 1;
        }
        None
    }
}

fn symbol(start: usize, bytes: &[u8]) -> Token {
    let mut padded = [0u8; 8];
    padded[..bytes.len()].copy_from_slice(bytes);
    let x = u64::from_le_bytes(padded);
    Token {
        start,
        end: start + bytes.len(),
        hash: hash_lower(bytes),
        shape: shape::SYMBOL,
        head: x as u16,
        tail: tail_of(x, bytes.len()),
        ..Token::default()
    }
}

/// The last four of the first `n` bytes of `x` (`n` from 1 to 8), the last in the high byte.
#[inline(always)]
fn tail_of(x: u64, n: usize) -> u32 {
    ((x << (64 - 8 * n)) >> 32) as u32
}

impl Tokens<'_> {
    /// Scans a word starting at `start`: letters and digits, joined by an apostrophe, a hyphen
    /// or a dot when a letter or digit follows ("don't", "all-time", "U.S", "4.1"), and by a
    /// comma between digits ("1,000").
    ///
    /// Most words are ASCII letters and digits up to a byte that ends any word (a space,
    /// punctuation, the end): those are scanned and hashed in the same eight-byte chunks, in one
    /// pass. A word that meets a joiner, a comma or a non-ASCII byte is scanned again from its
    /// start by [`Tokens::joined_word`].
    #[inline(always)]
    fn word(&mut self, start: usize) -> Token {
        let bytes = self.text.as_bytes();
        let first = swar::load8(bytes, start);
        let len = alnum_run(first).0;
        if len < 8 {
            let end = start + len;
            if joins(bytes, first, len, end) {
                return self.joined_word(start);
            }
            // A short word: its bytes are the key to the memo, and its classes are needed only
            // when it is not there.
            self.pos = end;
            return self.short_word(start, end, first & (1u64 << (8 * len)).wrapping_sub(1), first);
        }
        let mut h = SEED;
        let mut at = start;
        let mut seen = 0u8;
        let mut x = first;
        loop {
            let (len, classes) = alnum_run(x);
            seen |= classes;
            if len == 8 {
                h = mix(h ^ (x | CASE_BITS));
                at += 8;
                x = swar::load8(bytes, at);
                continue;
            }
            let end = at + len;
            if joins(bytes, x, len, end) {
                return self.joined_word(start);
            }
            self.pos = end;
            let hash = mix(h ^ last_chunk(x, len) ^ (((end - start) as u64) << 56));
            let tail = if len >= 4 {
                tail_of(x, len)
            } else {
                (swar::load8(bytes, end - 4) & 0xffff_ffff) as u32
            };
            return self.categorised(finish(bytes, start, end, seen, hash, first as u16, tail));
        }
    }

    /// A word of one to seven ASCII letters and digits, `key` its bytes: from the memo if it
    /// was seen before.
    #[inline(always)]
    fn short_word(&mut self, start: usize, end: usize, key: u64, chunk: u64) -> Token {
        let len = end - start;
        let seen = || alnum_run(chunk).1;
        let (head, tail) = (key as u16, tail_of(key, len));
        let hash = || mix(SEED ^ last_chunk(key, len) ^ ((len as u64) << 56));
        let Some((lexicon, memo)) = &mut self.lexicon else {
            return finish(self.text.as_bytes(), start, end, seen(), hash(), head, tail);
        };
        let slot = memo.slot(key);
        if slot.key == key {
            return Token {
                start,
                end,
                hash: slot.hash,
                shape: slot.shape,
                head,
                tail,
                cats: slot.cats,
                prefix: slot.prefix,
                suffix: slot.suffix,
                spelling: slot.spelling,
            };
        }
        let t = with_facts(
            lexicon,
            finish(self.text.as_bytes(), start, end, seen(), hash(), head, tail),
        );
        *slot = MemoSlot {
            key,
            hash: t.hash,
            prefix: t.prefix,
            suffix: t.suffix,
            cats: t.cats,
            shape: t.shape,
            spelling: t.spelling,
        };
        t
    }

    /// `t` with its lexicon categories and affixes, when reading [`words`].
    #[inline(always)]
    fn categorised(&self, t: Token) -> Token {
        match &self.lexicon {
            Some((lexicon, _)) => with_facts(lexicon, t),
            None => t,
        }
    }

    /// [`Tokens::word`] for words with joiners, commas between digits, or non-ASCII bytes.
    #[inline(never)]
    fn joined_word(&mut self, start: usize) -> Token {
        let bytes = self.text.as_bytes();
        let mut rsquo = false;
        // The classes seen, OR-ed: enough for the shape, and cheaper than counting.
        let mut seen = 0u8;
        let mut i = start;
        loop {
            // The common case: a run of ASCII letters and digits, eight bytes at a time where
            // eight remain (see `alnum_run`), else byte by byte.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let (len, classes) = alnum_run(u64::from_le_bytes([
                    chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
                ]));
                seen |= classes;
                i += len;
                if len == 8 {
                    continue;
                }
            } else {
                while let Some(&b) = bytes.get(i) {
                    let class = CLASS[b as usize];
                    if class & ALNUM == 0 {
                        break;
                    }
                    seen |= class;
                    i += 1;
                }
            }
            // What ends the run: usually a space; else a joiner, a digit comma, or a non-ASCII
            // character (an apostrophe `’`, or a letter such as "é").
            let Some(&b) = bytes.get(i) else { break };
            if b == b' ' {
                break;
            }
            let next_alnum = |at: usize| bytes.get(at).is_some_and(|&n| CLASS[n as usize] & ALNUM != 0);
            if CLASS[b as usize] == JOINER {
                if !next_alnum(i + 1) {
                    break;
                }
                i += 1;
            } else if b == b',' {
                let between_digits =
                    i > start && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !between_digits {
                    break;
                }
                i += 1;
            } else if b >= 0xc0 {
                if bytes[i..].starts_with(RSQUO) {
                    if !next_alnum(i + RSQUO.len()) {
                        break;
                    }
                    rsquo = true;
                    i += RSQUO.len();
                    continue;
                }
                let c = self.text[i..].chars().next().unwrap_or(' ');
                if !is_letter_or_digit(c) {
                    break;
                }
                seen |= HIGH;
                i += c.len_utf8();
            } else {
                break;
            }
        }
        self.pos = i;
        let hash = if rsquo {
            hash_with_rsquo(&bytes[start..i])
        } else {
            hash_span(bytes, start, i)
        };
        let first = swar::load8(bytes, start);
        let tail = if i - start >= 4 {
            (swar::load8(bytes, i - 4) & 0xffff_ffff) as u32
        } else {
            tail_of(first, i - start)
        };
        self.categorised(finish(bytes, start, i, seen, hash, first as u16, tail))
    }
}

/// Whether the byte that ends a run of `len` ASCII letters and digits in chunk `x` (the word
/// ending at `end` so far) goes on to join more: a joiner before a letter or digit, a comma
/// between digits, or a non-ASCII byte. Usually it is a space, or a full stop or comma that
/// ends the word.
#[inline(always)]
fn joins(bytes: &[u8], x: u64, len: usize, end: usize) -> bool {
    let stop = CLASS[(x >> (8 * len)) as u8 as usize];
    if stop & MAY_JOIN == 0 {
        return false;
    }
    let next = CLASS[bytes.get(end + 1).copied().unwrap_or(0) as usize];
    match stop {
        JOINER => next & ALNUM != 0,
        COMMA => next & DIGIT != 0 && bytes[end - 1].is_ascii_digit(),
        _ => true,
    }
}

/// `t` with its lexicon categories and (for words, not numbers) its affix hashes.
#[inline(always)]
fn with_facts(lexicon: &Lexicon, mut t: Token) -> Token {
    t.cats = lexicon.lookup(t.hash);
    if !t.is(shape::SYMBOL | shape::NUMBER) {
        (t.prefix, t.suffix) = affixes(&t);
    }
    t
}

/// The hashes of a word's first two and last two bytes, framed: "raised" gives "<ra" and
/// "ed>"; "a" gives "<a>" twice (features of their own, see [`super::features`]). The bytes,
/// kept in the token, are packed into an integer and spread by one multiply: no string, no byte
/// loop.
pub fn affixes(t: &Token) -> (u64, u64) {
    const SALT: u64 = 0x7f4a_7c15_9e37_79b9;
    let spread = |gram: u64| (gram ^ SALT).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // `| 0x20` lowercases a letter and leaves digits and joiners alone, as in the word hash.
    let low = |b: u32| (b as u8 | 0x20) as u64;
    let a = low(t.head as u32);
    match t.len() {
        0 => (0, 0),
        1 => {
            let g = (b'<' as u64) << 16 | a << 8 | b'>' as u64;
            (spread(g), spread(g))
        }
        _ => (
            spread((b'<' as u64) << 16 | a << 8 | low(t.head as u32 >> 8)),
            spread(low(t.tail >> 16) << 16 | low(t.tail >> 24) << 8 | b'>' as u64),
        ),
    }
}

/// A word's token, its shape from the classes `seen` in it.
#[inline(always)]
fn finish(bytes: &[u8], start: usize, end: usize, seen: u8, hash: u64, head: u16, tail: u32) -> Token {
    let mut shape = 0;
    if (head as u8).is_ascii_uppercase() {
        shape |= shape::CAPITALISED;
    }
    if seen & (LOWER | HIGH) == 0 && seen & UPPER != 0 && end - start >= 2 {
        shape |= shape::ALL_CAPS;
    }
    if seen & DIGIT != 0 {
        shape |= shape::HAS_DIGIT;
        let word = &bytes[start..end];
        if seen & (LOWER | UPPER | HIGH) == 0 && word.iter().all(|b| b.is_ascii_digit() || *b == b',' || *b == b'.') {
            shape |= shape::NUMBER;
            if is_year(word) {
                shape |= shape::YEAR;
            }
        } else if is_decade(word) {
            shape |= shape::YEAR;
        }
    }
    let mut t = Token {
        start,
        end,
        hash,
        shape,
        head,
        tail,
        ..Token::default()
    };
    let long = t.len() >= 5;
    t.spelling = ((head as u8).is_ascii_lowercase() as u8 * spelling::LOWERCASE)
        | ((long && t.ends_with(b"ed") && !t.ends_with(b"eed")) as u8 * spelling::ED)
        | ((long && t.ends_with(b"est")) as u8 * spelling::EST);
    t
}

/// The length of the run of ASCII letters and digits that opens eight bytes (little-endian:
/// the first byte is the lowest), and the classes (`LOWER`, `UPPER`, `DIGIT`) in that run.
/// Branch-free, with the byte tests of [`crate::swar`]; upper and lower case are told apart by
/// bit 5 (0x20).
#[inline(always)]
fn alnum_run(x: u64) -> (usize, u8) {
    let letter = swar::letters(x);
    let digit = swar::digits(x);
    let stop = !(letter | digit) & swar::HIGH;
    let len = (stop.trailing_zeros() / 8) as usize;
    // The bits below the first stop (all of them if none): they cover the run's high bits.
    let run = (stop & stop.wrapping_neg()).wrapping_sub(1);
    // Bit 5 (0x20), moved up to bit 7, is set in lowercase letters and clear in capitals.
    let case = x << 2;
    let has = |bits: u64, class: u8| if bits & run != 0 { class } else { 0 };
    (
        len,
        has(digit, DIGIT) | has(letter & !case, UPPER) | has(letter & case, LOWER),
    )
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
        tokens(s).map(|t| t.text(s)).collect()
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
        assert_eq!(words("café – naïve"), ["café", "naïve"]);
    }

    #[test]
    fn hashes_ignore_case_and_apostrophe_style() {
        let h: Vec<u64> = tokens("Don’t don't DON'T").map(|t| t.hash).collect();
        assert_eq!(h[0], h[1]);
        assert_eq!(h[1], h[2]);
        assert_eq!(h[0], hash_lower(b"don't"));
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
    fn alnum_run_matches_a_byte_loop() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"aB3zZ09q";
                chunk[at] = b;
                let mut len = 0;
                let mut classes = 0;
                while len < 8 && CLASS[chunk[len] as usize] & ALNUM != 0 {
                    classes |= CLASS[chunk[len] as usize];
                    len += 1;
                }
                assert_eq!(alnum_run(u64::from_le_bytes(chunk)), (len, classes), "{chunk:?}");
            }
        }
    }

    #[test]
    fn shapes() {
        let t: Vec<Token> = tokens("In 1998 NATO had 1,200 Jets in the 1990s").collect();
        assert!(t[0].is(shape::CAPITALISED) && !t[0].is(shape::ALL_CAPS));
        assert!(t[1].is(shape::YEAR) && t[1].is(shape::NUMBER));
        assert!(t[2].is(shape::ALL_CAPS));
        assert!(t[4].is(shape::NUMBER) && !t[4].is(shape::YEAR));
        assert!(t[8].is(shape::YEAR) && !t[8].is(shape::NUMBER));
        assert_eq!(t[1].ngram_hash(), t[8].ngram_hash());
    }

    #[test]
    fn a_scan_within_a_scan_has_a_memo_of_its_own() {
        let outer: Vec<u64> = with_memo(|memo| {
            super::words("the cat sat", memo)
                .map(|t| t.hash ^ with_memo(|inner| super::words("the", inner).next().map_or(0, |t| t.hash)))
                .collect()
        });
        assert_eq!(outer[0], 0, "\"the\" hashes the same in both memos");
    }

    #[test]
    fn general_punctuation_is_not_alphanumeric() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["", "'", "-", "1,", "a.", "’", "\u{0}", "é’", "$$", "x\u{2019}"] {
            let _ = tokens(s).count();
        }
    }
}
