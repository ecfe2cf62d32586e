//! Word lists compiled in from `data/lexicons/*.txt` and merged into one table.
//!
//! Every word token is looked up once, at tokenisation, and carries its [`WordInfo`] from then
//! on: later stages test flags instead of hashing the word again.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// What a reporting verb allows after it (see `data/lexicons/cue-verbs.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    Speech,
    Tell,
    Think,
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
pub type FxSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

type Table = FxMap<&'static str, WordInfo>;

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
    let mut table = Table::default();
    let mut add = |word: &'static str, f: &mut dyn FnMut(&mut WordInfo)| f(table.entry(word).or_default());
    for (word, class, _) in entries(include_str!("../data/lexicons/cue-verbs.txt")) {
        let class = match class {
            Some("tell") => CueClass::Tell,
            Some("think") => CueClass::Think,
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
    let flagged: [(&'static str, u16); 9] = [
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
    table
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
/// in no lexicon and cost nothing.
pub fn lookup(word: &str) -> WordInfo {
    const LONGEST: usize = 24;
    let bytes = word.as_bytes();
    if bytes.len() > LONGEST || !word.is_ascii() {
        return WordInfo::default();
    }
    let mut buf = [0u8; LONGEST];
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    // ASCII in, ASCII out: always valid UTF-8.
    let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("");
    table().get(lower).copied().unwrap_or_default()
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
