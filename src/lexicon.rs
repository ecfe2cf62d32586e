//! Word lists compiled in from `data/lexicons/*.txt` and merged into one table.
//!
//! Every word token is looked up once, at tokenisation, and carries its [`WordInfo`] from then
//! on: later stages test flags instead of hashing the word again.

use crate::case::eq_ignore_case;
use crate::swar::{self, lower8, HIGH};
use std::hash::Hasher;
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
    /// A noun that reports a clause after "that" ("his assertion that …"): no verb, so no
    /// cue of a quotation or a verb's statement (see `nominal_statement` in attribution.rs).
    Noun,
    /// An adverb that marks its clause as hearsay ("the FBI is reportedly preparing …"): the
    /// clause is the content, nobody named (see `hearsay_clause` in attribution.rs).
    Adverb,
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

/// Everything the lexicons say about one lowercase word, packed in one `u32` (see
/// [`WordInfo::cue`] and below for the fields' bits; zero is "nothing"), so that a table slot
/// holds it beside its key: the look-up loads it with the key and keeps it or zeroes it by a
/// mask, with no second load that waits on the match. Four bytes also keep [`Token`] at 32.
///
/// [`Token`]: crate::segment::Token
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo(u32);

/// Where each field sits: the claims index in the low byte (compared whole, with no shift),
/// then the flags (16 bits), the cue class (3 bits, 0 for none), gender (2) and descriptive
/// kind (3, 0 for none).
const FLAGS_SHIFT: u32 = 8;
const CUE_SHIFT: u32 = 24;
const GENDER_SHIFT: u32 = 27;
const DESC_SHIFT: u32 = 29;

impl WordInfo {
    pub const fn has(&self, flag: u16) -> bool {
        self.0 & (flag as u32) << FLAGS_SHIFT != 0
    }

    fn field(&self, shift: u32, bits: u32) -> u32 {
        (self.0 >> shift) & ((1 << bits) - 1)
    }

    fn set_field(&mut self, shift: u32, bits: u32, value: u32) {
        let mask = ((1 << bits) - 1) << shift;
        assert!(value << shift & !mask == 0, "a lexicon field overflows its bits");
        self.0 = self.0 & !mask | value << shift;
    }

    pub fn cue(&self) -> Option<CueClass> {
        match self.field(CUE_SHIFT, 3) {
            1 => Some(CueClass::Speech),
            2 => Some(CueClass::Tell),
            3 => Some(CueClass::Think),
            4 => Some(CueClass::Belief),
            5 => Some(CueClass::Quote),
            6 => Some(CueClass::Noun),
            7 => Some(CueClass::Adverb),
            _ => None,
        }
    }

    /// Whether the word is a cue (`cue().is_some()` in one bit test).
    pub const fn is_cue(&self) -> bool {
        self.0 & 7 << CUE_SHIFT != 0
    }

    pub fn gender(&self) -> Gender {
        match self.field(GENDER_SHIFT, 2) {
            1 => Gender::Male,
            2 => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    pub fn desc(&self) -> Option<DescKind> {
        match self.field(DESC_SHIFT, 3) {
            1 => Some(DescKind::Person),
            2 => Some(DescKind::Organisation),
            3 => Some(DescKind::Group),
            4 => Some(DescKind::Message),
            _ => None,
        }
    }

    /// Whether the word is a descriptive noun (`desc().is_some()` in one bit test).
    pub const fn is_desc(&self) -> bool {
        self.0 & 7 << DESC_SHIFT != 0
    }

    /// The word's categories in the check-worthiness lexicons (`data/lexicons/claims-*.txt`),
    /// as an index into [`Table::claim_sets`] (0: none). One byte, not the categories' `u32`:
    /// the words hold a few dozen distinct sets, and tokens stay small. The indices the sets
    /// leave free go to the most frequent words, one each ([`Table::frequent_words`]), so that
    /// a word test can know them by this byte alone (attribution's, see `attribution::WordBytes`).
    pub fn claims(&self) -> u8 {
        self.0 as u8
    }

    fn add_flags(&mut self, flags: u16) {
        self.0 |= u32::from(flags) << FLAGS_SHIFT;
    }

    fn set_cue(&mut self, class: CueClass) {
        self.set_field(CUE_SHIFT, 3, class as u32 + 1);
    }

    fn set_gender(&mut self, gender: Gender) {
        self.set_field(GENDER_SHIFT, 2, gender as u32);
    }

    fn set_desc(&mut self, kind: DescKind) {
        self.set_field(DESC_SHIFT, 3, kind as u32 + 1);
    }

    fn set_claims(&mut self, index: u8) {
        self.set_field(0, 8, u32::from(index));
    }
}

/// FxHash's multiply, fed eight bytes per load (and the last one to seven bytes in at most two
/// overlapping loads) rather than a copy per chunk, which compiled to a `memcpy` call per chunk.
/// The core's tables are keyed by short words and names, where SipHash's DoS resistance buys
/// nothing and costs most of a lookup. (Mentions keys its names by their ends instead, with no
/// loop over their bytes: see `mentions::Ends`.)
#[derive(Default)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl FxHasher {
    /// [`Hasher::write`] of `bytes` with every word ORed with `fold` first: 0 for the bytes as
    /// they are, 0x20 in each byte to hash ASCII capitals as lowercase letters (see
    /// [`PlaceNames`]).
    #[inline(always)]
    fn write_folded(&mut self, bytes: &[u8], fold: u64) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()) | fold);
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
        self.add((word | fold) ^ (n as u64) << 59);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.write_folded(bytes, 0);
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

/// The merged lexicons: a table keyed by the lowercase word packed into two little-endian
/// `u64`s ([`Key`]), hashed without collisions ("hash and displace"): a word's hash picks a
/// group of words and that group's displacement moves it to a slot of its own. A lookup reads
/// one displacement and one slot and compares the slot's key with the word's; where they
/// differ (the word is in no lexicon) a mask zeroes the slot's information. So a lookup takes
/// no branch: testing "is this the word?" then "is this slot empty?" along a probe sequence
/// was mispredicted about once in two words, as a text's words come in and out of the
/// lexicons in no pattern a predictor can follow. No string is built.
pub struct Table {
    /// Fixed size, so a masked index needs no bounds check.
    slots: Box<[Slot; SLOTS]>,
    /// Each group's displacement, XORed into its words' slot.
    displacements: Box<[u16; GROUPS]>,
    /// The multiplier of every hash (see [`hash_key`]).
    seed: u64,
    /// The distinct sets of check-worthiness categories, indexed by [`WordInfo::claims`].
    claim_sets: Box<[u32; 256]>,
    /// The words with a [`WordInfo::claims`] index of their own, with it.
    frequent: Vec<(u8, &'static str)>,
}

/// One word of the table: its key and information (20 bytes) in 32, two to a cache line.
#[derive(Clone, Copy, Default)]
#[repr(align(32))]
struct Slot {
    /// The word's key; all zeros in an empty slot (no word is empty).
    key: Key,
    info: WordInfo,
}

/// The table's slots: at least 16/11 of the merged lexicons' words (2,816 at most; a test
/// checks), so that each group finds a displacement that puts its words in empty slots soon
/// (the search runs once, when the table is built, and a look-up reads one slot however full
/// the table is). 128 KB, as the slots of the open-addressing table before it. (Raised from 5/8
/// in round 44: 250 more words made the native build 0.71 → 0.76 ms, most of it the merging of
/// the files, not the search; doubling the slots instead would double the 128 KB each word's
/// look-up may miss in.)
const SLOT_BITS: u32 = 12;
const SLOTS: usize = 1 << SLOT_BITS;

/// log2 of [`GROUPS`]: about three words to a group.
const GROUP_BITS: u32 = 9;
const GROUPS: usize = 1 << GROUP_BITS;

/// The longest word any lexicon may hold; longer tokens are in none and cost nothing.
const LONGEST: usize = 16;

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
        key[1] = load_word(text, start + 8, len - 8);
        if (key[0] | key[1]) & HIGH != 0 {
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

/// The group and the undisplaced slot of a key: the word's eight-byte pieces folded into
/// one and multiplied; a product's top bits depend on every byte, so the top bits give the
/// group and the bits below them the slot. One 64-bit multiply (a 128-bit one is several in
/// wasm32). `seed`, the table's multiplier, chosen when it is built ([`multiplier`]), moves
/// both. (Multiplied by it, not mixed into the key before a constant multiplier: the look-up
/// takes the multiplier from memory in the multiply, instead of a load of the constant and a
/// mix of the seed.)
#[inline(always)]
fn hash_key(key: &Key, seed: u64) -> (usize, usize) {
    let x = key[0] ^ key[1].rotate_left(23);
    let hash = x.wrapping_mul(seed);
    let group = (hash >> (64 - GROUP_BITS)) as usize;
    (group, (hash >> (64 - GROUP_BITS - SLOT_BITS)) as usize % SLOTS)
}

/// The `n`th multiplier a table's build tries for [`hash_key`]: odd, so that no two keys
/// folded apart have the same product.
fn multiplier(n: u64) -> u64 {
    0x9e37_79b9_7f4a_7c15 ^ (n << 1)
}

/// The slot of a word whose undisplaced slot is `slot` in a group displaced by
/// `displacement`.
#[inline(always)]
fn slot_of(slot: usize, displacement: u16) -> usize {
    (slot ^ displacement as usize) % SLOTS
}

impl Table {
    fn with_entries(
        words: Vec<(&'static str, WordInfo)>,
        claim_sets: Box<[u32; 256]>,
        frequent: Vec<(u8, &'static str)>,
    ) -> Table {
        let mut table = Table {
            slots: boxed(Slot::default()),
            displacements: boxed(0),
            seed: 0,
            claim_sets,
            frequent,
        };
        // Entries too long, not ASCII or not lowercase could never be found (the files hold
        // none).
        let keyed: Vec<(Key, WordInfo)> = words
            .into_iter()
            .filter(|(word, _)| !word.is_empty() && !word.bytes().any(|b| b.is_ascii_uppercase()))
            .filter_map(|(word, info)| Some((key_at(word.as_bytes(), 0, word.len())?, info)))
            .collect();
        // Two words of a group with the same slot could never be placed: another seed then.
        (table.seed, table.displacements) = (0..)
            .map(multiplier)
            .find_map(|seed| Some((seed, displace(&keyed, seed)?)))
            .unwrap_or_else(|| unreachable!("some seed places every group"));
        for &(key, info) in &keyed {
            let (group, slot) = hash_key(&key, table.seed);
            table.slots[slot_of(slot, table.displacements[group])] = Slot { key, info };
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

    /// What the lexicons say about the word packed in `key`: its slot's information if the
    /// slot holds it, nothing otherwise (the information, loaded with the key, zeroed by a
    /// mask: no branch, and no second load that waits on the comparison).
    #[inline(always)]
    pub fn get(&self, key: &Key) -> WordInfo {
        let (group, slot) = hash_key(key, self.seed);
        let i = slot_of(slot, self.displacements[group]);
        let slot = &self.slots[i];
        let diff = (slot.key[0] ^ key[0]) | (slot.key[1] ^ key[1]);
        // (The mask is the borrow of `diff - 1` in 128 bits, all ones only where the keys are
        // the same: no comparison for the compiler to make a branch of, as it did of any
        // select it could recognise, `select_unpredictable` too. A `black_box` around the
        // select cost a store and a load of the mask instead.)
        let keep = (u128::from(diff).wrapping_sub(1) >> 64) as u32;
        WordInfo(slot.info.0 & keep)
    }
}

/// The displacement of each group of `keyed` words hashed with `seed` ("hash and displace"),
/// or `None` if two words of a group fall in the same slot. The groups go largest first (the
/// hardest to place while the table is emptiest), each at the first displacement that puts
/// all its words in slots still empty.
fn displace(keyed: &[(Key, WordInfo)], seed: u64) -> Option<Box<[u16; GROUPS]>> {
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); GROUPS];
    for (key, _) in keyed {
        let (group, slot) = hash_key(key, seed);
        groups[group].push(slot);
    }
    // (Largest first by counting down the sizes, not by sorting: a sort of another element
    // type is another copy of std's sort code in the wasm.)
    let largest = groups.iter().map(Vec::len).max().unwrap_or(0);
    let groups = &groups;
    let order = (1..=largest)
        .rev()
        .flat_map(|size| (0..GROUPS).filter(move |&g| groups[g].len() == size));
    let mut displacements: Box<[u16; GROUPS]> = boxed(0);
    let mut taken = vec![false; SLOTS];
    for g in order {
        let slots = &groups[g];
        if (1..slots.len()).any(|i| slots[..i].contains(&slots[i])) {
            return None;
        }
        // Found soon: the table is at most 11/16 full (a test checks).
        let d = (0..SLOTS as u16).find(|&d| slots.iter().all(|&s| !taken[slot_of(s, d)]))?;
        displacements[g] = d;
        for &s in slots {
            taken[slot_of(s, d)] = true;
        }
    }
    Some(displacements)
}

/// `N` copies of `value` in a heap array, built on the heap (the slots are 128 KB).
fn boxed<T: Clone, const N: usize>(value: T) -> Box<[T; N]> {
    match vec![value; N].into_boxed_slice().try_into() {
        Ok(array) => array,
        Err(_) => unreachable!("a vec of N elements is an array of N"),
    }
}

/// A lexicon file's entry: its word and up to two fields.
type Entry = (&'static str, Option<&'static str>, Option<&'static str>);

/// Lines of a lexicon file: comments (`#`) and blank lines skipped, fields split on spaces.
/// (Collected by one function out of line, read once per file: an iterator inlined into each
/// file's loop cost the browser build several copies of the parser.)
#[inline(never)]
pub(crate) fn entries(source: &'static str) -> Vec<Entry> {
    lines(source)
        .into_iter()
        .map(|line| {
            let mut fields = line.split_whitespace();
            (fields.next().unwrap_or(""), fields.next(), fields.next())
        })
        .collect()
}

/// Whether the line of `source` from byte `start` to `end` (its newline excluded) is a
/// comment (`#` first, after spaces) or blank: what [`lexicon_file!`] leaves out.
const fn is_comment_or_blank(source: &[u8], start: usize, end: usize) -> bool {
    let mut i = start;
    while i < end && matches!(source[i], b' ' | b'\t' | b'\r') {
        i += 1;
    }
    i == end || source[i] == b'#'
}

/// Where the line starting at byte `start` of `source` ends: its newline, or the end.
const fn line_end(source: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < source.len() && source[end] != b'\n' {
        end += 1;
    }
    end
}

/// The length of `source` without its comment and blank lines (see [`lexicon_file!`]).
pub(crate) const fn uncommented_len(source: &[u8]) -> usize {
    let (mut start, mut len) = (0, 0);
    while start < source.len() {
        let end = line_end(source, start);
        let next = if end < source.len() { end + 1 } else { end };
        if !is_comment_or_blank(source, start, end) {
            len += next - start;
        }
        start = next;
    }
    len
}

/// `source` without its comment and blank lines, `N` ([`uncommented_len`]) bytes.
pub(crate) const fn uncommented<const N: usize>(source: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut start, mut at) = (0, 0);
    while start < source.len() {
        let end = line_end(source, start);
        let next = if end < source.len() { end + 1 } else { end };
        if !is_comment_or_blank(source, start, end) {
            let mut i = start;
            while i < next {
                out[at] = source[i];
                at += 1;
                i += 1;
            }
        }
        start = next;
    }
    out
}

/// The lines of a lexicon file, trimmed, but for comments (`#`) and blank lines. (Split at
/// each newline byte by hand: `str::lines` brought std's character searcher, ~1.3 KB, into the
/// browser build for this start-up step alone.)
#[inline(never)]
pub(crate) fn lines(source: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut rest = source;
    while !rest.is_empty() {
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let (line, tail) = rest.split_at_checked(end).unwrap_or((rest, ""));
        rest = tail.get(1..).unwrap_or_default();
        // (`str::trim` as its two halves, which `quotes::trim` uses: one copy of each in the
        // browser build, not a third of its own.)
        let line = line.trim_start().trim_end();
        if !line.is_empty() && !line.starts_with('#') {
            out.push(line);
        }
    }
    out
}

fn build() -> Table {
    let Merged {
        words,
        claim_sets,
        frequent,
    } = merged();
    Table::with_entries(words, claim_sets, frequent)
}

/// What [`Table`] is built from.
struct Merged {
    /// Every lexicon file's words, with what they say.
    words: Vec<(&'static str, WordInfo)>,
    /// The distinct sets of check-worthiness categories.
    claim_sets: Box<[u32; 256]>,
    /// The frequent words, with their indices.
    frequent: Vec<(u8, &'static str)>,
}

fn merged() -> Merged {
    let mut table: Vec<(&'static str, WordInfo)> = vec![("", WordInfo::default()); SLOTS];
    let mut add = |word: &'static str, f: &mut dyn FnMut(&mut WordInfo)| f(entry(&mut table, word));
    for (word, class, _) in entries(lexicon_file!("../data/lexicons/cue-verbs.txt")) {
        let class = match class {
            Some("tell") => CueClass::Tell,
            Some("think") => CueClass::Think,
            Some("belief") => CueClass::Belief,
            Some("quote") => CueClass::Quote,
            Some("noun") => CueClass::Noun,
            Some("adverb") => CueClass::Adverb,
            _ => CueClass::Speech,
        };
        add(word, &mut |w| w.set_cue(class));
    }
    for (word, gender, number) in entries(lexicon_file!("../data/lexicons/pronouns.txt")) {
        add(word, &mut |w| {
            w.add_flags(PRONOUN);
            if number == Some("p") {
                w.add_flags(PLURAL);
            }
            w.set_gender(gender_of(gender));
        });
    }
    for (word, gender, _) in entries(lexicon_file!("../data/lexicons/given-names.txt")) {
        add(word, &mut |w| {
            w.add_flags(GIVEN_NAME);
            w.set_gender(gender_of(gender));
        });
    }
    for (word, kind, gender) in entries(lexicon_file!("../data/lexicons/descriptions.txt")) {
        let kind = match kind {
            Some("organisation") => DescKind::Organisation,
            Some("group") => DescKind::Group,
            Some("message") => DescKind::Message,
            _ => DescKind::Person,
        };
        add(word, &mut |w| {
            w.set_desc(kind);
            w.set_gender(gender_of(gender));
        });
    }
    let flagged: [(&'static str, u16); 14] = [
        (lexicon_file!("../data/lexicons/cue-object.txt"), OBJECT),
        (lexicon_file!("../data/lexicons/cue-infinitive.txt"), INFINITIVE),
        (lexicon_file!("../data/lexicons/cue-raising.txt"), RAISING),
        (lexicon_file!("../data/lexicons/quantifiers.txt"), QUANTIFIER),
        (lexicon_file!("../data/lexicons/labels.txt"), LABEL),
        (
            lexicon_file!("../data/lexicons/not-clause-starts.txt"),
            NOT_CLAUSE_START,
        ),
        (lexicon_file!("../data/lexicons/time-words.txt"), TIME),
        (lexicon_file!("../data/lexicons/cue-modifiers.txt"), CUE_MODIFIER),
        (lexicon_file!("../data/lexicons/determiners.txt"), DETERMINER),
        (lexicon_file!("../data/lexicons/titles.txt"), TITLE),
        (lexicon_file!("../data/lexicons/org-words.txt"), ORG_WORD),
        (lexicon_file!("../data/lexicons/business-words.txt"), ORG_WORD),
        (lexicon_file!("../data/lexicons/abbreviations.txt"), ABBREVIATION),
        (lexicon_file!("../data/lexicons/function-words.txt"), FUNCTION),
    ];
    for (source, flag) in flagged {
        for (word, _, _) in entries(source) {
            add(word, &mut |w| w.add_flags(flag));
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
        add(word, &mut |w| w.set_claims(index as u8));
    }
    // The bytes left go to the most frequent words, in the list's order, each with its
    // categories (in a lexicon or not: such words join the table, with no other information).
    let mut frequent = Vec::new();
    for (word, _, _) in entries(lexicon_file!("../data/lexicons/frequent-words.txt")) {
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
        add(word, &mut |w| w.set_claims(distinct as u8));
        distinct += 1;
    }
    table.retain(|&(word, _)| !word.is_empty());
    Merged {
        words: table,
        claim_sets,
        frequent,
    }
}

/// `word`'s information in `table`, a default one added if it has none. The table is an
/// open-addressing one of [`SLOTS`] words ("" where empty), at most 11/16 full as the merged
/// table is (a test checks): a `HashMap` here was the browser build's only one with these
/// types, ~2 KB of its insertion and growth code for a start-up step. (Out of line: inlined
/// where each lexicon file is added, it was copied into the browser build once a file.)
#[inline(never)]
fn entry<'m>(table: &'m mut [(&'static str, WordInfo)], word: &'static str) -> &'m mut WordInfo {
    let hash = word.bytes().fold(0u64, |h, b| {
        (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    });
    let mut i = (hash >> (64 - SLOT_BITS)) as usize;
    loop {
        i %= table.len();
        if table[i].0.is_empty() {
            table[i].0 = word;
        }
        if table[i].0 == word {
            return &mut table[i].1;
        }
        i += 1;
    }
}

/// Whether `word` may have a [`WordInfo::claims`] index of its own: whether every token found
/// as `word` that starts with a lowercase letter is described by the check-worthiness scanner
/// as `word` itself is (`crate::checkworthy::tokens`; a test there holds it). So: a lowercase
/// ASCII letter first and last, letters, `'` and `-` between, and no ending the scanner reads
/// case-sensitively ("-ed", "-est": a token "agrEed" is shaped unlike "agreed"). The rule was
/// made for the scanner, which once took such a word's description from this byte alone; it
/// now looks every word up in its memo, and only attribution's word tests read the byte
/// ("according", "and", "but", "that", "to", "while", "who"), which the rule admits too.
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

/// Whether `word` ends a business's name or describes one ("Semiconductor", "Corp", "company"):
/// read from business-words.txt (also org words in the table), and asked only when "the
/// company" or "the firm" looks for whom it stands for.
pub fn is_business_word(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    in_word_list(&WORDS, lexicon_file!("../data/lexicons/business-words.txt"), word)
}

/// Whether `word` stands before a name without being part of it or a title ("Republican
/// Donald Trump"): read from name-modifiers.txt, not the table (whose flag bits are all
/// taken), and only for the few names where a given name follows such a word (see
/// `mentions::name_proper`). Kept in [`place_names`]' table, beside the places and peoples
/// that are asked of the same words (see [`word_names_no_one`]).
pub fn is_name_modifier(word: &str) -> bool {
    word.len() <= 48 && place_names().get(word.as_bytes()) & NAME_MODIFIER != 0
}

/// The roles a description headed by `head` (lowercase) may also stand for, read from
/// role-synonyms.txt ("lawyer" → "attorney counsel"), as the rest of the head's line (roles
/// separated by single spaces): empty for most heads. Found with no scan of the file: the
/// head's bucket in [`ROLE_SYNONYM_LINES`] holds the one line it can be on. Asked only where
/// no one was given the head's own word.
pub fn role_synonyms(head: &str) -> &'static [u8] {
    let head = head.as_bytes();
    let start = ROLE_SYNONYM_LINES[role_synonym_bucket(head.len(), head.last().copied().unwrap_or(0))];
    if start == 0 {
        return b"";
    }
    let rest = ROLE_SYNONYMS
        .as_bytes()
        .get(usize::from(start) - 1..)
        .unwrap_or_default();
    let line = rest.split(|&b| b == b'\n').next().unwrap_or_default();
    line.strip_prefix(head)
        .and_then(|r| r.strip_prefix(b" "))
        .unwrap_or_default()
}

const ROLE_SYNONYMS: &str = lexicon_file!("../data/lexicons/role-synonyms.txt");

/// Where each head's line of role-synonyms.txt starts, plus one, in the bucket of the head's
/// length and last byte (0: no head there), computed at build time. No two heads share a
/// bucket (the build fails if they would: a head then needs another spelling of its bucket).
const ROLE_SYNONYM_LINES: [u16; 64] = {
    let bytes = ROLE_SYNONYMS.as_bytes();
    let mut table = [0u16; 64];
    let (mut i, mut start) = (0, 0);
    let mut in_head = true;
    while i <= bytes.len() {
        let end = i == bytes.len() || bytes[i] == b' ' || bytes[i] == b'\n';
        if end && in_head && i > start {
            let bucket = role_synonym_bucket(i - start, bytes[i - 1]);
            assert!(table[bucket] == 0, "two heads of role-synonyms.txt share a bucket");
            table[bucket] = start as u16 + 1;
            in_head = false;
        }
        if i == bytes.len() || bytes[i] == b'\n' {
            (in_head, start) = (true, i + 1);
        }
        i += 1;
    }
    table
};

/// The bucket of a head `len` bytes long whose last byte is `last`.
const fn role_synonym_bucket(len: usize, last: u8) -> usize {
    ((len * 31) ^ last as usize) % 64
}

/// Whether `word` is, in any case, one of the words of the lexicon file `file`, read into
/// `words` at the first question.
fn in_word_list(words: &'static OnceLock<Vec<&'static str>>, file: &'static str, word: &str) -> bool {
    words
        .get_or_init(|| entries(file).into_iter().map(|(w, _, _)| w).collect())
        .iter()
        .any(|w| eq_ignore_case(word, w))
}

/// What a capitalised name is when it is no one's (see [`not_a_person`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAPerson {
    /// A country, state, city or region (places.txt): a government when it speaks.
    Place,
    /// An adjective of a nation, people, faith or party (peoples.txt): "the Democratic debate".
    People,
}

/// Whether the name `name` ("Vermont", "New Hampshire", "Democratic"), compared without case,
/// is a place's or a people's adjective. Read from places.txt, peoples.txt and place-words.txt,
/// not the table (whose flag bits are all taken, and which holds single words), and asked only
/// of a name that a pronoun or description might stand for (see `mentions::may_be_someone`).
#[inline(never)]
pub fn not_a_person(name: &[u8]) -> Option<NotAPerson> {
    if name.len() > 48 {
        return None;
    }
    let names = place_names();
    let whole = names.get(name);
    if whole & PEOPLE != 0 {
        return Some(NotAPerson::People);
    }
    if whole & PLACE != 0 {
        return Some(NotAPerson::Place);
    }
    // Two words or more: a direction before a place, or a word that opens or ends one.
    let first_space = name.iter().position(|&b| b == b' ')?;
    let last_space = name.iter().rposition(|&b| b == b' ')?;
    let (first, last) = (names.get(&name[..first_space]), names.get(&name[last_space + 1..]));
    let place = first & OPENS_PLACE != 0
        || last & ENDS_PLACE != 0
        || (first & BEFORE_PLACE != 0 && names.get(&name[first_space + 1..]) & PLACE != 0);
    place.then_some(NotAPerson::Place)
}

/// Whether one word token is a place's or a people's ([`not_a_person`] of the word: no space,
/// so its own entry alone decides) or [`is_name_modifier`] ("Vermont", "Democratic",
/// "Republican"): a name's first word that may not name its bearer alone. One look-up (see
/// `mentions::may_name_alone`, which asked the two apart, one a list scanned word by word).
pub fn word_names_no_one(word: &[u8]) -> bool {
    word.len() <= 48 && place_names().get(word) & (PEOPLE | PLACE | NAME_MODIFIER) != 0
}

// What [`place_names`] says of a name or word: bits, as a word may be both a place and a
// place's word ("lake").
const PLACE: u8 = 1;
const PEOPLE: u8 = 1 << 1;
const BEFORE_PLACE: u8 = 1 << 2;
const ENDS_PLACE: u8 = 1 << 3;
const OPENS_PLACE: u8 = 1 << 4;
/// A word of name-modifiers.txt (see [`is_name_modifier`]).
const NAME_MODIFIER: u8 = 1 << 5;

/// places.txt, peoples.txt, place-words.txt and name-modifiers.txt: each name with its bits, in an open-addressing
/// table keyed by a hash of the name folded to lowercase as it is read from the text (no copy,
/// no byte loop but the name's eight-byte chunks), the name compared on a hit. A general hash
/// map cost ~400 instructions a look-up, most names asked being no place at all.
struct PlaceNames {
    /// Folded hash (0: empty), bits, the name as listed.
    slots: Vec<(u64, u8, &'static str)>,
}

/// log2 of [`PlaceNames`]'s slots: about three for each of the ~650 names.
const PLACE_BITS: u32 = 11;

impl PlaceNames {
    /// A hash of `bytes` with every byte ORed with 0x20 ([`FxHasher::write_folded`]): capitals
    /// become lowercase letters, and the lists' other bytes (lowercase letters, space, '.',
    /// '-', digits) are unchanged. Never 0.
    fn hash(bytes: &[u8]) -> u64 {
        let mut hasher = FxHasher(bytes.len() as u64);
        hasher.write_folded(bytes, 0x2020_2020_2020_2020);
        hasher.finish() | 1
    }

    fn insert(&mut self, name: &'static str, bit: u8) {
        let hash = PlaceNames::hash(name.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = (hash >> (64 - PLACE_BITS)) as usize;
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == 0 {
                *slot = (hash, bit, name);
                return;
            }
            if slot.0 == hash && slot.2 == name {
                slot.1 |= bit;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The bits of `words` (0: in no list).
    fn get(&self, words: &[u8]) -> u8 {
        let hash = PlaceNames::hash(words);
        let mask = self.slots.len() - 1;
        let mut i = (hash >> (64 - PLACE_BITS)) as usize;
        loop {
            let (key, bits, name) = self.slots[i];
            if key == 0 {
                return 0;
            }
            if key == hash && eq_ignore_case(name.as_bytes(), words) {
                return bits;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The [`PlaceNames`], built on first use.
fn place_names() -> &'static PlaceNames {
    static NAMES: OnceLock<PlaceNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = PlaceNames {
            slots: vec![(0, 0, ""); 1 << PLACE_BITS],
        };
        for line in lines(lexicon_file!("../data/lexicons/places.txt")) {
            names.insert(line, PLACE);
        }
        for line in lines(lexicon_file!("../data/lexicons/peoples.txt")) {
            names.insert(line, PEOPLE);
        }
        for (word, role, _) in entries(lexicon_file!("../data/lexicons/place-words.txt")) {
            let bit = match role {
                Some("before") => BEFORE_PLACE,
                Some("last") => ENDS_PLACE,
                _ => OPENS_PLACE,
            };
            names.insert(word, bit);
        }
        for (word, _, _) in entries(lexicon_file!("../data/lexicons/name-modifiers.txt")) {
            names.insert(word, NAME_MODIFIER);
        }
        names
    })
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
    lookup_in_bytes(text.as_bytes(), span)
}

/// [`lookup_in`] on the text's bytes.
#[inline]
pub fn lookup_in_bytes(text: &[u8], span: std::ops::Range<usize>) -> WordInfo {
    match key_at(text, span.start, span.len()) {
        Some(key) => table().get(&key),
        None => WordInfo::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`lines`] reads what `str::lines`, trimmed and without comments, reads: on the files'
    /// raw text (comments, blank lines and all) and on line ends it might miss.
    #[test]
    fn lines_are_those_of_str_lines() {
        let by_std = |source: &str| -> Vec<String> {
            let kept = source.lines().map(str::trim);
            kept.filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from)
                .collect()
        };
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons");
        for file in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
            let text: &'static str = Box::leak(text.into_boxed_str());
            assert_eq!(lines(text), by_std(text));
        }
        for text in [
            "",
            "\n",
            "a",
            "a\r\n\n  # c\n b \r\n\tc d\t",
            "x\n\n",
            "é\u{a0}\n#\n\u{2028}",
        ] {
            assert_eq!(lines(text), by_std(text), "{text:?}");
        }
    }

    #[test]
    fn lookups_are_case_insensitive_and_merge_lists() {
        assert_eq!(lookup("Said").cue(), Some(CueClass::Speech));
        assert_eq!(lookup("told").cue(), Some(CueClass::Tell));
        assert!(lookup("President").has(TITLE));
        assert_eq!(lookup("she").gender(), Gender::Female);
        assert!(lookup("they").has(PLURAL));
        assert_eq!(lookup("official").desc(), Some(DescKind::Person));
        assert_eq!(lookup("Ministry").desc(), Some(DescKind::Organisation));
        assert!(lookup("Sept").has(ABBREVIATION));
        assert_eq!(lookup("Кремль"), WordInfo::default());
    }

    /// A word listed twice in a lexicon whose lines give it a class or kind would silently take
    /// the last line's: each is listed once.
    #[test]
    fn classed_lexicons_list_each_word_once() {
        for source in [
            lexicon_file!("../data/lexicons/cue-verbs.txt"),
            lexicon_file!("../data/lexicons/pronouns.txt"),
            lexicon_file!("../data/lexicons/given-names.txt"),
            lexicon_file!("../data/lexicons/descriptions.txt"),
        ] {
            let mut seen = std::collections::HashSet::new();
            for (word, _, _) in entries(source) {
                assert!(seen.insert(word.to_lowercase()), "{word:?} listed twice");
            }
        }
    }

    #[test]
    fn the_table_stays_at_most_eleven_sixteenths_full() {
        let words = table().slots.iter().filter(|slot| slot.key[0] != 0).count();
        assert!(
            words > 1000 && words * 16 <= SLOTS * 11,
            "{words} words in {SLOTS} slots"
        );
    }

    /// The tokenizer keeps an abbreviation's full stop on the token ("Sen.") but looks the word
    /// up without it: an entry written with its final stop would never be found (titles.txt's
    /// "sen.", "dr.", "mr." were, silently, and "Sen. Ted Cruz" kept its title).
    #[test]
    fn no_lexicon_word_ends_in_a_full_stop() {
        for (word, _) in merged().words {
            assert!(!word.ends_with('.'), "{word:?}: list it without its final stop");
        }
    }

    /// The tokenizer looks numbers up as it looks words up, with no branch on which it holds,
    /// and counts on finding nothing for them: no lexicon word may start with a digit.
    #[test]
    fn no_lexicon_word_starts_with_a_digit() {
        for (word, _) in merged().words {
            assert!(!word.starts_with(|c: char| c.is_ascii_digit()), "{word:?}");
        }
    }

    /// A word the table cannot key (longer than [`LONGEST`], not ASCII, capitalised) would be
    /// left out of it, silently: none of the files may hold one.
    #[test]
    fn every_lexicon_word_is_in_the_table() {
        for (word, info) in merged().words {
            let key = key_at(word.as_bytes(), 0, word.len());
            assert!(
                key.is_some() && !word.bytes().any(|b| b.is_ascii_uppercase()),
                "{word:?}"
            );
            assert!(key.is_some_and(|key| table().get(&key) == info), "{word:?}");
        }
    }

    #[test]
    fn every_word_is_found_in_its_slot_and_no_other_word_is() {
        let table = table();
        for slot in table.slots.iter().filter(|slot| slot.key[0] != 0) {
            assert!(table.get(&slot.key) == slot.info);
            // The word with a "q" after it, where that is in no lexicon, is found in none.
            let mut longer = slot.key;
            if longer[1] == 0 && longer[0] >> 56 == 0 {
                let at = 8 - longer[0].leading_zeros() as usize / 8;
                longer[0] |= u64::from(b'q') << (8 * at);
                if table.slots.iter().all(|other| other.key != longer) {
                    assert!(table.get(&longer) == WordInfo::default());
                }
            }
        }
    }

    /// Every place and people's adjective is found in Title Case (an entry not lowercase, or
    /// with two spaces, would never be), and words that are no place are not.
    #[test]
    fn places_and_peoples_are_found_in_any_case() {
        for (source, class) in [
            (lexicon_file!("../data/lexicons/places.txt"), NotAPerson::Place),
            (lexicon_file!("../data/lexicons/peoples.txt"), NotAPerson::People),
        ] {
            for line in lines(source) {
                assert!(
                    !line.contains("  ") && !line.bytes().any(|b| b.is_ascii_uppercase()),
                    "{line:?}"
                );
                let title: String = line
                    .split(' ')
                    .map(|w| w[..1].to_uppercase() + &w[1..])
                    .collect::<Vec<_>>()
                    .join(" ");
                assert_eq!(not_a_person(title.as_bytes()), Some(class), "{title:?}");
            }
        }
        for (name, class) in [
            ("Northern California", Some(NotAPerson::Place)),
            ("South China Sea", Some(NotAPerson::Place)),
            ("Lake Placid", Some(NotAPerson::Place)),
            ("Northern Trust", None),
            ("Paul Varga", None),
            ("Sea", None),
            ("", None),
        ] {
            assert_eq!(not_a_person(name.as_bytes()), class, "{name:?}");
        }
    }
}
