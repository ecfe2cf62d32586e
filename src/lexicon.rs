//! Word lists compiled in from `data/lexicons/*.txt` and merged into one table.
//!
//! Every word token is looked up once, at tokenisation, and carries its [`WordInfo`] from then
//! on: later stages test flags instead of hashing the word again.

use crate::swar::{lower8, HIGH};
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
}

impl WordInfo {
    pub const fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// FxHash: the lexicon keys are short ASCII words, where SipHash's DoS resistance buys nothing
/// and costs most of the lookup.
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map with the fast hasher, for the short keys of the core's own tables.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The merged lexicons: an open-addressing index over a dense list of entries, keyed by the
/// lowercase word packed into three little-endian `u64`s. A lookup lowercases eight bytes at a
/// time, hashes one multiply per eight bytes, and asks a 4 KB bit filter before probing an
/// index of 32-bit slots (a tag of the hash and the entry's position; 32 KB for today's lists),
/// so most words in no lexicon are answered from one cache-resident line, and no string is built.
struct Table {
    /// One bit per [`filter_bit`] of every entry's hash: 4 KB that stay in the L1 cache and
    /// turn away most words in no lexicon before the index (tens of KB) is touched.
    filter: Vec<u64>,
    /// `tag << 16 | (entry + 1)`; 0 is an empty slot.
    index: Vec<u32>,
    mask: usize,
    entries: Vec<(Key, WordInfo)>,
}

/// The longest word any lexicon may hold; longer tokens are in none and cost nothing.
const LONGEST: usize = 24;

/// A word of at most [`LONGEST`] bytes, zero-padded.
type Key = [u64; LONGEST / 8];

/// Up to eight bytes of `text` from `from` (`take` of them, 1..=8) as a little-endian word,
/// the rest zero: one unaligned load where eight bytes are there to read.
#[inline(always)]
fn load_word(text: &[u8], from: usize, take: usize) -> u64 {
    let w = match text.get(from..from + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => {
            let mut eight = [0u8; 8];
            eight[..take].copy_from_slice(&text[from..from + take]);
            u64::from_le_bytes(eight)
        }
    };
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

#[inline(always)]
fn hash_key(key: &Key, len: usize) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = ((len as u64).rotate_left(5) ^ key[0]).wrapping_mul(K);
    if len > 8 {
        h = (h.rotate_left(5) ^ key[1]).wrapping_mul(K);
        if len > 16 {
            h = (h.rotate_left(5) ^ key[2]).wrapping_mul(K);
        }
    }
    (h ^ (h >> 29)) | 1
}

impl Table {
    fn with_entries(words: FxMap<&'static str, WordInfo>) -> Table {
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut table = Table {
            filter: vec![0; FILTER_BITS / 64],
            index: vec![0; size],
            mask: size - 1,
            entries: Vec::with_capacity(words.len()),
        };
        for (word, info) in words {
            // Entries too long, not ASCII or not lowercase could never be found (the files
            // hold none).
            let Some(key) = key_at(word.as_bytes(), 0, word.len()) else {
                continue;
            };
            if word.bytes().any(|b| b.is_ascii_uppercase()) || word.is_empty() || table.entries.len() >= 0xffff {
                continue;
            }
            let hash = hash_key(&key, word.len());
            let mut i = hash as usize & table.mask;
            while table.index[i] != 0 {
                i = (i + 1) & table.mask;
            }
            table.entries.push((key, info));
            table.index[i] = tag(hash) | table.entries.len() as u32;
            let bit = filter_bit(hash);
            table.filter[bit / 64] |= 1 << (bit % 64);
        }
        table
    }

    #[inline]
    fn get(&self, text: &[u8], start: usize, len: usize) -> WordInfo {
        let Some(key) = key_at(text, start, len) else {
            return WordInfo::default();
        };
        // The length is in the hash; equal padded keys of different lengths cannot both be
        // words (no word ends in a NUL byte).
        let hash = hash_key(&key, len);
        let bit = filter_bit(hash);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return WordInfo::default();
        }
        let tag = tag(hash);
        let mut i = hash as usize & self.mask;
        loop {
            let slot = self.index[i];
            if slot == 0 {
                return WordInfo::default();
            }
            if slot & 0xffff_0000 == tag {
                if let Some((k, info)) = self.entries.get((slot & 0xffff) as usize - 1) {
                    if *k == key {
                        return *info;
                    }
                }
            }
            i = (i + 1) & self.mask;
        }
    }
}

const FILTER_BITS: usize = 1 << 15;

/// The filter's bit for a hash: bits neither the slot position nor the tag use.
fn filter_bit(hash: u64) -> usize {
    (hash >> 24) as usize & (FILTER_BITS - 1)
}

/// The high 16 bits of a slot: hash bits the slot position does not already use.
fn tag(hash: u64) -> u32 {
    ((hash >> 48) as u32) << 16
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
    Table::with_entries(table)
}

fn gender_of(field: Option<&str>) -> Gender {
    match field {
        Some("m") => Gender::Male,
        Some("f") => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Looks a word up case-insensitively. Words longer than any lexicon entry, or not ASCII, are
/// in no lexicon and cost nothing. (The tokenizer uses [`lookup_in`].)
#[cfg(test)]
pub fn lookup(word: &str) -> WordInfo {
    table().get(word.as_bytes(), 0, word.len())
}

/// [`lookup`] for the word at `span` of `text`, reading the text around it in whole 8-byte
/// words (the tokenizer's way: no copy of the word).
#[inline]
pub fn lookup_in(text: &str, span: std::ops::Range<usize>) -> WordInfo {
    table().get(text.as_bytes(), span.start, span.len())
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
}
