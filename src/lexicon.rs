//! Word lists compiled in from `data/lexicons/*.txt` and merged into one table.
//!
//! Every word token is looked up once, at tokenisation, and carries its [`WordInfo`] from then
//! on: later stages test flags instead of hashing the word again.

use crate::swar::{self, lower8, HIGH};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// What a reporting verb allows after it (see `data/lexicons/cue-verbs.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    Speech,
    Tell,
    Think,
    /// Like `Think`, and also before a clause that opens with its subject.
    Belief,
    Quote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

/// What a descriptive noun refers to ("the official" → a person, "the ministry" → an
/// organisation, "the message" → the text of someone who spoke).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescKind {
    Person,
    Organisation,
    Group,
    Message,
}

pub const TITLE: u16 = 1;
pub const ORG_WORD: u16 = 1 << 1;
pub const ABBREVIATION: u16 = 1 << 2;
pub const FUNCTION: u16 = 1 << 3;
pub const GIVEN_NAME: u16 = 1 << 4;
pub const PRONOUN: u16 = 1 << 5;
pub const PLURAL: u16 = 1 << 6;
pub const CUE_MODIFIER: u16 = 1 << 7;
pub const DETERMINER: u16 = 1 << 8;
pub const TIME: u16 = 1 << 9;
pub const LABEL: u16 = 1 << 10;
pub const NOT_CLAUSE_START: u16 = 1 << 11;
/// A cue whose "to"-infinitive is its content ("vowed to repeal the law").
pub const INFINITIVE: u16 = 1 << 12;
/// A verb that reports the writer's or others' inference about its own subject ("the deal is
/// expected to pass", "he appeared to concede"): the content is the whole clause.
pub const RAISING: u16 = 1 << 13;
/// A quantity that can speak for a group ("some said", "most say", "half believe").
pub const QUANTIFIER: u16 = 1 << 14;
/// A cue whose object is the content, quoted or not ("endorsed her", "accused him of …").
pub const OBJECT: u16 = 1 << 15;

/// Everything the lexicons say about one lowercase word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub flags: u16,
    pub cue: Option<CueClass>,
    pub gender: Gender,
    pub desc: Option<DescKind>,
    /// The word's categories in the check-worthiness lexicons (`data/lexicons/claims-*.txt`),
    /// as an index into [`Table::claim_sets`] (0: none). One byte, not the categories' `u32`:
    /// the words hold a few dozen distinct sets, and tokens stay small. The indices the sets
    /// leave free go to the most frequent words, one each ([`Table::frequent_words`]), so that
    /// the check-worthiness scanner knows them by this byte alone.
    pub claims: u8,
}

impl WordInfo {
    pub const fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// FxHash's multiply, fed eight bytes per load (and the last one to seven bytes in at most two
/// overlapping loads) rather than a copy per chunk, which compiled to a `memcpy` call per chunk.
/// The core's tables are keyed by short words and names, where SipHash's DoS resistance buys
/// nothing and costs most of a lookup (mentions hashes a name up to five times).
#[derive(Default)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        let n = rest.len();
        let word = if n >= 4 {
            let low = u32::from_le_bytes(rest[..4].try_into().unwrap_or_default());
            let high = u32::from_le_bytes(rest[n - 4..].try_into().unwrap_or_default());
            u64::from(low) | u64::from(high) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            return;
        };
        self.add(word ^ (n as u64) << 59);
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map with the fast hasher, for the short keys of the core's own tables.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The merged lexicons: an open-addressing table keyed by the lowercase word packed into three
/// little-endian `u64`s ([`Key`]). A lookup hashes the first eight bytes with one multiply and
/// goes straight to that slot, which holds the word's first eight bytes and its [`WordInfo`]:
/// the common word, in a lexicon or not, is answered from one cache line after one or two
/// compares (the table is never more than half full, so a miss meets an empty slot soon). The
/// rest of a key is compared only where a word is longer than eight bytes. No string is built.
pub struct Table {
    /// Fixed size, so a wrapped index needs no bounds check.
    slots: Box<[Slot; SLOTS]>,
    /// The rest of each slot's word (bytes 8..24), read only for words longer than eight bytes.
    tails: Box<[[u64; 2]; SLOTS]>,
    /// The distinct sets of check-worthiness categories, indexed by [`WordInfo::claims`].
    claim_sets: Box<[u32; 256]>,
    /// The words with a [`WordInfo::claims`] index of their own, with it.
    frequent: Vec<(u8, &'static str)>,
}

/// One word of the table: 16 bytes, four to a cache line.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The word's first eight bytes; 0 is an empty slot (no word starts with NUL).
    head: u64,
    info: WordInfo,
    /// Longer than eight bytes: the rest is in [`Table::tails`].
    long: bool,
}

/// The table's slots: at least twice the merged lexicons' words (1,485 today; a test checks);
/// five times, so a word in no lexicon mostly meets an empty slot at once.
const SLOTS: usize = 8192;

/// The longest word any lexicon may hold; longer tokens are in none and cost nothing.
const LONGEST: usize = 24;

/// A word of at most [`LONGEST`] bytes, lowercase and zero-padded, eight bytes to a
/// little-endian `u64`: the tokenizer builds it from the loads that found the word's end.
pub type Key = [u64; LONGEST / 8];

/// Up to eight bytes of `text` from `from` (`take` of them, 1..=8) as a little-endian word,
/// the rest zero: one unaligned load where eight bytes are there to read.
#[inline(always)]
fn load_word(text: &[u8], from: usize, take: usize) -> u64 {
    let w = swar::load8(text, from);
    if take >= 8 {
        w
    } else {
        w & ((1u64 << (take * 8)) - 1)
    }
}

/// The word of `len` bytes at `start` in `text`, lowercased into a [`Key`]; `None` if it is
/// too long or not ASCII (no lexicon entry is either). Reads eight bytes at a time straight
/// from the text, and masks off what lies past the word. Unrolled: most words fit one `u64`.
#[inline(always)]
fn key_at(text: &[u8], start: usize, len: usize) -> Option<Key> {
    if len == 0 || len > LONGEST || start + len > text.len() {
        return (len == 0).then_some(Key::default());
    }
    let mut key = Key::default();
    key[0] = load_word(text, start, len.min(8));
    if len > 8 {
        key[1] = load_word(text, start + 8, (len - 8).min(8));
        if len > 16 {
            key[2] = load_word(text, start + 16, len - 16);
        }
        if (key[0] | key[1] | key[2]) & HIGH != 0 {
            return None;
        }
        return Some(key.map(lower8));
    }
    // Most words: one `u64`.
    if key[0] & HIGH != 0 {
        return None;
    }
    key[0] = lower8(key[0]);
    Some(key)
}

/// The hash of a key's first eight bytes: one multiply, whose top bits (the slot) depend on
/// every byte. Words
/// sharing their first eight bytes share a probe sequence, which is rare and costs one more
/// `u64` compare.
#[inline(always)]
fn hash_head(head: u64) -> u64 {
    head.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Table {
    fn with_entries(
        words: FxMap<&'static str, WordInfo>,
        claim_sets: Box<[u32; 256]>,
        frequent: Vec<(u8, &'static str)>,
    ) -> Table {
        let mut table = Table {
            slots: boxed(Slot::default()),
            tails: boxed([0; 2]),
            claim_sets,
            frequent,
        };
        // Never full, so a probe always meets an empty slot (a test keeps it half empty).
        // Function words and pronouns, the most frequent in any text, go in first, so they sit
        // in their first slot and are found at the first compare.
        let mut words: Vec<_> = words.into_iter().take(SLOTS - 1).collect();
        words.sort_by_key(|&(word, info)| (!info.has(FUNCTION | PRONOUN | DETERMINER), word));
        for (word, info) in words {
            // Entries too long, not ASCII or not lowercase could never be found (the files
            // hold none).
            let Some(key) = key_at(word.as_bytes(), 0, word.len()) else {
                continue;
            };
            if word.bytes().any(|b| b.is_ascii_uppercase()) || word.is_empty() {
                continue;
            }
            let mut i = slot(hash_head(key[0]));
            while table.slots[i].head != 0 {
                i = (i + 1) % SLOTS;
            }
            table.slots[i] = Slot {
                head: key[0],
                info,
                long: key[1] != 0,
            };
            table.tails[i] = [key[1], key[2]];
        }
        table
    }

    /// The check-worthiness categories of each [`WordInfo::claims`] index
    /// (`crate::checkworthy`'s `lexicon::cat` bits).
    pub fn claim_sets(&self) -> &[u32; 256] {
        &self.claim_sets
    }

    /// The frequent words that have a [`WordInfo::claims`] index of their own, with it: every
    /// token with that index and no capital is that word, up to the case of its other letters
    /// (see [`is_frequent_word`]).
    pub fn frequent_words(&self) -> &[(u8, &'static str)] {
        &self.frequent
    }

    /// What the lexicons say about the word packed in `key`.
    #[inline(always)]
    pub fn get(&self, key: &Key) -> WordInfo {
        let mut i = slot(hash_head(key[0]));
        loop {
            let slot = &self.slots[i];
            if slot.head == key[0] {
                // Two words of at most eight bytes are equal here; otherwise compare the rest.
                if (key[1] == 0 && !slot.long) || self.tails[i] == [key[1], key[2]] {
                    return slot.info;
                }
            } else if slot.head == 0 {
                return WordInfo::default();
            }
            i = (i + 1) % SLOTS;
        }
    }
}

/// `N` copies of `value` in a heap array, built on the heap (the slots are 128 KB).
fn boxed<T: Clone, const N: usize>(value: T) -> Box<[T; N]> {
    match vec![value; N].into_boxed_slice().try_into() {
        Ok(array) => array,
        Err(_) => unreachable!("a vec of N elements is an array of N"),
    }
}

/// Where a hash's probe starts: its top bits.
fn slot(hash: u64) -> usize {
    (hash >> 51) as usize % SLOTS
}

/// Lines of a lexicon file: comments (`#`) and blank lines skipped, fields split on spaces.
fn entries(source: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>, Option<&'static str>)> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut fields = line.split_whitespace();
            (fields.next().unwrap_or(""), fields.next(), fields.next())
        })
}

fn build() -> Table {
    let mut table: FxMap<&'static str, WordInfo> = FxMap::default();
    let mut add = |word: &'static str, f: &mut dyn FnMut(&mut WordInfo)| f(table.entry(word).or_default());
    for (word, class, _) in entries(include_str!("../data/lexicons/cue-verbs.txt")) {
        let class = match class {
            Some("tell") => CueClass::Tell,
            Some("think") => CueClass::Think,
            Some("belief") => CueClass::Belief,
            Some("quote") => CueClass::Quote,
            _ => CueClass::Speech,
        };
        add(word, &mut |w| w.cue = Some(class));
    }
    for (word, gender, number) in entries(include_str!("../data/lexicons/pronouns.txt")) {
        add(word, &mut |w| {
            w.flags |= PRONOUN;
            if number == Some("p") {
                w.flags |= PLURAL;
            }
            w.gender = gender_of(gender);
        });
    }
    for (word, gender, _) in entries(include_str!("../data/lexicons/given-names.txt")) {
        add(word, &mut |w| {
            w.flags |= GIVEN_NAME;
            w.gender = gender_of(gender);
        });
    }
    for (word, kind, _) in entries(include_str!("../data/lexicons/descriptions.txt")) {
        let kind = match kind {
            Some("organisation") => DescKind::Organisation,
            Some("group") => DescKind::Group,
            Some("message") => DescKind::Message,
            _ => DescKind::Person,
        };
        add(word, &mut |w| w.desc = Some(kind));
    }
    let flagged: [(&'static str, u16); 13] = [
        (include_str!("../data/lexicons/cue-object.txt"), OBJECT),
        (include_str!("../data/lexicons/cue-infinitive.txt"), INFINITIVE),
        (include_str!("../data/lexicons/cue-raising.txt"), RAISING),
        (include_str!("../data/lexicons/quantifiers.txt"), QUANTIFIER),
        (include_str!("../data/lexicons/labels.txt"), LABEL),
        (include_str!("../data/lexicons/not-clause-starts.txt"), NOT_CLAUSE_START),
        (include_str!("../data/lexicons/time-words.txt"), TIME),
        (include_str!("../data/lexicons/cue-modifiers.txt"), CUE_MODIFIER),
        (include_str!("../data/lexicons/determiners.txt"), DETERMINER),
        (include_str!("../data/lexicons/titles.txt"), TITLE),
        (include_str!("../data/lexicons/org-words.txt"), ORG_WORD),
        (include_str!("../data/lexicons/abbreviations.txt"), ABBREVIATION),
        (include_str!("../data/lexicons/function-words.txt"), FUNCTION),
    ];
    for (source, flag) in flagged {
        for (word, _, _) in entries(source) {
            add(word, &mut |w| w.flags |= flag);
        }
    }
    // The check-worthiness lexicons' single words, so that the tokenizer's one probe per word
    // answers for them too. Each distinct set of categories gets a byte.
    let mut claim_sets: Box<[u32; 256]> = boxed(0);
    let mut distinct = 1;
    let categories = crate::checkworthy::lexicon::word_categories();
    for &(word, cats) in &categories {
        let index = match claim_sets[..distinct].iter().position(|&c| c == cats) {
            Some(i) => i,
            None if distinct < claim_sets.len() => {
                claim_sets[distinct] = cats;
                distinct += 1;
                distinct - 1
            }
            // More distinct sets than a byte holds: a test keeps this from happening.
            None => continue,
        };
        add(word, &mut |w| w.claims = index as u8);
    }
    // The bytes left go to the most frequent words, in the list's order, each with its
    // categories (in a lexicon or not: such words join the table, with no other information).
    let mut frequent = Vec::new();
    for (word, _, _) in entries(include_str!("../data/lexicons/frequent-words.txt")) {
        if distinct == claim_sets.len() {
            break;
        }
        if !is_frequent_word(word) || frequent.iter().any(|&(_, w)| w == word) {
            continue;
        }
        let cats = categories
            .binary_search_by_key(&word, |&(w, _)| w)
            .map_or(0, |i| categories[i].1);
        claim_sets[distinct] = cats;
        frequent.push((distinct as u8, word));
        add(word, &mut |w| w.claims = distinct as u8);
        distinct += 1;
    }
    Table::with_entries(table, claim_sets, frequent)
}

/// Whether `word` may have a [`WordInfo::claims`] index of its own: whether every token found
/// as `word` that starts with a lowercase letter is described by the scanner as `word` itself
/// is (`crate::checkworthy::tokens`). So: a lowercase ASCII letter first and last, letters,
/// `'` and `-` between, and no ending the scanner reads case-sensitively ("-ed", "-est": a
/// token "agrEed" is shaped unlike "agreed"). Other letters' case changes nothing else in a
/// word that opens with a lowercase letter: its hash and affixes are case-blind, and it has
/// no capital first letter nor is it all capitals.
pub fn is_frequent_word(word: &str) -> bool {
    let b = word.as_bytes();
    let letter = |c: &u8| c.is_ascii_lowercase();
    b.first().is_some_and(letter)
        && b.last().is_some_and(letter)
        && b.len() <= LONGEST
        && b.iter().all(|c| letter(c) || *c == b'\'' || *c == b'-')
        && !word.ends_with("ed")
        && !word.ends_with("est")
}

fn gender_of(field: Option<&str>) -> Gender {
    match field {
        Some("m") => Gender::Male,
        Some("f") => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The merged lexicons, built on first use.
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Looks a word up case-insensitively. Words longer than any lexicon entry, or not ASCII, are
/// in no lexicon and cost nothing. (The tokenizer uses [`lookup_in`] and [`Table::get`].)
#[cfg(test)]
pub fn lookup(word: &str) -> WordInfo {
    lookup_in(word, 0..word.len())
}

/// [`lookup`] for the word at `span` of `text`, reading the text around it in whole 8-byte
/// words (no copy of the word).
#[inline]
pub fn lookup_in(text: &str, span: std::ops::Range<usize>) -> WordInfo {
    match key_at(text.as_bytes(), span.start, span.len()) {
        Some(key) => table().get(&key),
        None => WordInfo::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_are_case_insensitive_and_merge_lists() {
        assert_eq!(lookup("Said").cue, Some(CueClass::Speech));
        assert_eq!(lookup("told").cue, Some(CueClass::Tell));
        assert!(lookup("President").has(TITLE));
        assert_eq!(lookup("she").gender, Gender::Female);
        assert!(lookup("they").has(PLURAL));
        assert_eq!(lookup("official").desc, Some(DescKind::Person));
        assert_eq!(lookup("Ministry").desc, Some(DescKind::Organisation));
        assert!(lookup("Sept").has(ABBREVIATION));
        assert_eq!(lookup("Кремль"), WordInfo::default());
    }

    #[test]
    fn the_table_stays_at_most_half_full() {
        let words = table().slots.iter().filter(|slot| slot.head != 0).count();
        assert!(words > 1000 && words * 2 <= SLOTS, "{words} words in {SLOTS} slots");
    }
}
