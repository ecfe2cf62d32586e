//! Mentions and entities: who the text talks about, and which mentions are the same someone.
//!
//! Names are found from capitalisation (outside quotations, outside the headline), titles are
//! stripped ("Russian President Vladimir Putin" → "Vladimir Putin"), and a shorter name joins
//! the entity whose name ends the same way ("Dmitriev" → "Kirill Dmitriev"), never to one
//! named in a photo caption or credit line. Pronouns and descriptions ("he", "the official",
//! "the ministry") are resolved only where they speak, by salience: the nearest sentence
//! first, and in a sentence its first compatible name (captions and credits passed over).

use crate::case::{eq_ignore_case, is_ascii};
use crate::checkworthy::lexicon::cat::CALENDAR;
use crate::lexicon::{
    is_business_word, is_name_modifier, not_a_person, DescKind, FxHasher, Gender, NotAPerson, WordInfo, DETERMINER,
    FUNCTION, GIVEN_NAME, LABEL, ORG_WORD, PLURAL, PRONOUN, QUANTIFIER, TIME, TITLE,
};
use crate::segment::{reuse, Document, Token, TokenKind};
use crate::swar;
use crate::{EntityKind, Span};
use std::borrow::Cow;
use std::cell::Cell;
use std::hash::{BuildHasher, BuildHasherDefault};

/// The descriptions' entities by the hash of their lowercase wording ([`Mentions::described`];
/// names have a table of their own, [`NameTable`]): open addressing with linear probing, at
/// most half full. (It was a `HashMap`, the browser build's only one: its code was ~1.5 KB of
/// the wasm.)
#[derive(Default)]
struct DescriptionTable {
    /// (hash, entity + 1), zero for a free slot (so that clearing is a `memset`); a power of
    /// two long.
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl DescriptionTable {
    /// Empties the table, keeping its slots for the next text.
    fn clear(&mut self) {
        if self.len > 0 {
            self.slots.fill((0, 0));
            self.len = 0;
        }
    }

    /// The slot where `hash` is, or the free slot where it would go. (The table is never full.)
    fn slot(&self, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (hash ^ hash >> 32) as usize & mask;
        while self.slots[i].1 != 0 && self.slots[i].0 != hash {
            i = (i + 1) & mask;
        }
        i
    }

    fn get(&self, hash: u64) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let (_, e) = self.slots[self.slot(hash)];
        (e as usize).checked_sub(1)
    }

    /// Adds `hash` (not in the table) for entity `e`.
    fn insert(&mut self, hash: u64, e: usize) {
        if 2 * (self.len + 1) > self.slots.len() {
            let size = (2 * self.slots.len()).max(16);
            let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
            for (h, e) in old.into_iter().filter(|&(_, e)| e != 0) {
                let i = self.slot(h);
                self.slots[i] = (h, e);
            }
        }
        let i = self.slot(hash);
        self.slots[i] = (hash, e as u32 + 1);
        self.len += 1;
    }
}

/// A capitalised name in the text.
#[derive(Clone, Debug)]
pub struct Name {
    /// The name without titles ("Vladimir Putin").
    pub span: Span,
    /// Token range of the whole run, titles included.
    pub tokens: std::ops::Range<usize>,
    pub sentence: usize,
    pub entity: usize,
}

/// Someone the text talks about, while it is being built.
#[derive(Clone, Debug)]
pub struct EntityDraft<'t> {
    /// Borrowed from the text when the name is written there as it is joined (most names).
    pub name: Cow<'t, str>,
    pub kind: EntityKind,
    pub gender: Gender,
    /// Whether the gender is sure: a title's ("Mrs. Clinton") or the given name of a name of
    /// two words or more, not a lone word that is also a given name ("Kelly", "Russell",
    /// most often a surname). Only sure genders tell two people of one name apart.
    pub sure_gender: bool,
    /// What [`lexicon::not_a_person`](crate::lexicon::not_a_person) says of its name, once
    /// asked (`None` until then): see [`EntityDraft::not_a_person`].
    not_a_person: Cell<Option<Option<NotAPerson>>>,
    /// How many quotes and claims it speaks.
    pub speaks: u32,
    /// Its latest role word in [`Mentions::roles`], which links to the one before.
    pub last_role: Option<usize>,
}

/// A role word seen with a name ("minister", "advisor"), as written, and its entity's previous
/// role word: each entity's roles are a chain through one vector for all entities, so a
/// description tests a candidate's own roles (see [`Mentions::has_role`]) without a vector per
/// entity, and without a scan of every role in the document (which made long texts quadratic).
#[derive(Clone, Copy, Debug)]
pub struct Role<'t> {
    pub entity: usize,
    pub word: &'t str,
    pub previous: Option<usize>,
}

pub struct Mentions<'t> {
    pub names: Vec<Name>,
    pub entities: Vec<EntityDraft<'t>>,
    /// The mentions attribution credits to an entity as its speaker, besides its names: (entity,
    /// mention), gathered per entity for the roster. One vector for all entities, not one each:
    /// a few mentions per speaker made as many small allocations.
    pub spoken: Vec<(usize, Span)>,
    /// Role words seen with a name, chained per entity: how descriptions find whom they
    /// describe (compared with [`role_is`], not stored lowercase).
    pub roles: Vec<Role<'t>>,
    /// A bit for each role word's [`role_bucket`]: a description whose head has no bit here
    /// is no role word of the text, and [`Mentions::resolve`] spares it the walk back over
    /// the names (where it has one, a test of the text's few role words decides).
    role_buckets: u64,
    /// The full names and the last words of names: how a name finds its entity.
    table: NameTable,
    /// How many words each entity's name has so far, by entity (while names are found, only
    /// `add_name` makes entities).
    entity_words: Vec<usize>,
    /// Entities made from descriptions, by a hash of their lowercase wording (a wording
    /// whose hash is taken, by another, takes the next number): the entity's name is the
    /// wording, so no lowercase copy of it is kept (see [`Mentions::described`]).
    by_description: DescriptionTable,
    /// The line index of the headline, when the document starts with one.
    pub headline: Option<usize>,
    /// Who an interview's "A:" stands for, once asked (`attribution::interviewee`).
    pub interviewee: Option<Option<usize>>,
    /// While a pronoun speaker is resolved, what it said ([`Mentions::speaking`]): no one
    /// named there is the pronoun ("He said Trump would lose" is not Trump's).
    said: Span,
}

/// "No entity" in [`NameEntry`]'s fields.
const NONE: usize = usize::MAX;
/// [`NameEntry::first_of`] for a word that starts the names of two people.
const AMBIGUOUS: usize = usize::MAX - 1;

/// Every full name ("Kirill Dmitriev") and every last word of a name ("Dmitriev") of a text,
/// one entry each, in a table of its own rather than two `HashMap`s: a name is hashed once
/// (a one-word name, most of them, is its own last word: one entry serves as both), and the
/// table holds offsets, not borrowed strings, so its memory serves the next text too (see
/// [`Spare`]).
#[derive(Default)]
struct NameTable {
    /// Open addressing with linear probing, indexed by the hash's top bits: an entry's index
    /// plus one, 0 for an empty slot. Its first `slot_count` are the table's (a power of two,
    /// at most half full); the rest, left by a longer text's table, are empty. Emptied from
    /// text to text slot by slot, where the entries are ([`NameEntry::slot`]): the whole
    /// table's `memset` was ~2 bytes a token (and a `rep stosb` of each), for a text's
    /// entries in a few of its slots.
    slots: Vec<u32>,
    slot_count: usize,
    /// `64 - log2(slot_count)`.
    shift: u32,
    entries: Vec<NameEntry>,
    /// The keys not written in the text as they are joined ("Biden’s aide Smith" has none, but
    /// "Vladimir\nPutin" is keyed "Vladimir Putin"), one after another. (Bytes, not a
    /// `String`: the keys are `str`s' bytes already, and a `String` took a UTF-8 check of each,
    /// with [`all_capitals`]' the browser build's only use of `str::from_utf8`, 695 B of wasm.)
    joined: Vec<u8>,
}

#[derive(Clone, Copy)]
struct NameEntry {
    /// The key's first and last eight bytes ([`Ends`]).
    ends: Ends,
    /// The key's bytes: `start..start + len` of the text, or of [`NameTable::joined`].
    start: usize,
    len: usize,
    in_joined: bool,
    /// Its slot ([`NameTable::slots`]).
    slot: u32,
    /// The entity of the name written so ([`NONE`] while it is only a last word).
    entity: usize,
    /// With `entity`: the entry of the name's last word.
    last_word: usize,
    /// The most recent entity of a name ending in this word ([`NONE`] if it ends none yet).
    latest: usize,
    /// The person or body whose full name starts with this word ("Hillary" of "Hillary Clinton"),
    /// [`NONE`] if none does, [`AMBIGUOUS`] if two do: who the word alone names.
    first_of: usize,
}

impl NameTable {
    /// Empties the table, with room for about `keys` keys before it grows.
    fn reset(&mut self, keys: usize) {
        let len = (keys * 2).next_power_of_two().max(16);
        self.empty_slots();
        self.use_slots(len);
        self.entries.clear();
        self.joined.clear();
    }

    // (Out of line in the browser build, where its slicing inlined at each use cost more than
    // the call.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn key<'a>(&'a self, text: &'a str, entry: &NameEntry) -> &'a [u8] {
        let from = if entry.in_joined {
            &self.joined[..]
        } else {
            text.as_bytes()
        };
        from.get(entry.start..entry.start + entry.len).unwrap_or_default()
    }

    /// The entry of `key`, added if missing. `key` is `text[at..]` (`Some(at)`), or a string of
    /// its own (`None`), then copied into [`NameTable::joined`] if added. (Out of line in the
    /// browser build: inlined at its four callers, it was four copies of the probe there.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn entry(&mut self, text: &str, key: &[u8], at: Option<usize>) -> usize {
        let ends = match at {
            Some(at) => Ends::of(text.as_bytes(), at, key.len()),
            None => Ends::of(key, 0, key.len()),
        };
        let mask = self.slot_count - 1;
        let mut s = (ends.hash() >> self.shift) as usize;
        loop {
            match self.slots[s] {
                0 => break,
                i => {
                    let entry = &self.entries[i as usize - 1];
                    // (Keys of up to 16 bytes are their two ends: no bytes compared.)
                    if entry.ends == ends && (key.len() <= 16 || self.key(text, entry) == key) {
                        return i as usize - 1;
                    }
                }
            }
            s = (s + 1) & mask;
        }
        let (start, in_joined) = match at {
            Some(at) => (at, false),
            None => {
                self.joined.extend_from_slice(key);
                (self.joined.len() - key.len(), true)
            }
        };
        self.entries.push(NameEntry {
            ends,
            start,
            len: key.len(),
            in_joined,
            slot: s as u32,
            entity: NONE,
            last_word: NONE,
            latest: NONE,
            first_of: NONE,
        });
        let i = self.entries.len() - 1;
        self.slots[s] = u32::try_from(i + 1).unwrap_or(u32::MAX);
        if self.entries.len() * 2 > self.slot_count {
            self.grow();
        }
        i
    }

    /// The entry of `key`, a string of its own, if the table has one (nothing added).
    fn get(&self, text: &str, key: &[u8]) -> Option<&NameEntry> {
        if key.is_empty() || self.slot_count == 0 {
            return None;
        }
        let ends = Ends::of(key, 0, key.len());
        let mask = self.slot_count - 1;
        let mut s = (ends.hash() >> self.shift) as usize;
        loop {
            let entry = self.entries.get(self.slots[s].checked_sub(1)? as usize)?;
            if entry.ends == ends && self.key(text, entry) == key {
                return Some(entry);
            }
            s = (s + 1) & mask;
        }
    }

    /// Doubles the slots and places every entry again (by its key's hash).
    fn grow(&mut self) {
        self.empty_slots();
        self.use_slots(self.slot_count * 2);
        let mask = self.slot_count - 1;
        for (i, entry) in self.entries.iter_mut().enumerate() {
            let mut s = (entry.ends.hash() >> self.shift) as usize;
            while self.slots[s] != 0 {
                s = (s + 1) & mask;
            }
            self.slots[s] = u32::try_from(i + 1).unwrap_or(u32::MAX);
            entry.slot = s as u32;
        }
    }

    /// Empties the slots the entries take: all of them are empty then.
    fn empty_slots(&mut self) {
        for entry in &self.entries {
            if let Some(slot) = self.slots.get_mut(entry.slot as usize) {
                *slot = 0;
            }
        }
    }

    /// The first `len` slots (a power of two, and empty) made the table's; grown if need be.
    fn use_slots(&mut self, len: usize) {
        if self.slots.len() < len {
            self.slots.resize(len, 0);
        }
        self.slot_count = len;
        self.shift = 64 - len.trailing_zeros();
    }
}

/// A name key's first eight bytes, its last eight (the same bytes again when it has fewer, zero
/// padded) and its length: two loads and no loop, where hashing the key eight bytes at a time
/// took a branch on its length (the number of loads, then the remainder's size) that the
/// predictor missed name after name. Names of up to 16 bytes (most) are told apart by these
/// alone, with no bytes compared.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Ends {
    head: u64,
    tail: u64,
    len: usize,
}

impl Ends {
    /// The ends of the `len` bytes (one at least) of `bytes` from `at`.
    #[inline(always)]
    fn of(bytes: &[u8], at: usize, len: usize) -> Ends {
        let short = len.min(8);
        let mask = swar::low_bytes(short.max(1));
        Ends {
            head: swar::load8(bytes, at) & mask,
            tail: swar::load8(bytes, at + len - short) & mask,
            len,
        }
    }

    /// Its hash, whose top bits index the slots.
    #[inline(always)]
    fn hash(&self) -> u64 {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let h = (self.head ^ (self.len as u64).rotate_right(8)).wrapping_mul(K);
        (h.rotate_left(26) ^ self.tail).wrapping_mul(K)
    }
}

/// A dropped [`Mentions`]' memory, for the next text on the same thread: each text otherwise
/// allocated and freed its vectors and tables, too large for the allocator's caches (the slow
/// path, about 400 instructions a call). The vectors of borrowed strings are kept empty, their
/// lifetime forgotten (see [`recycle`]).
#[derive(Default)]
struct Spare {
    names: Vec<Name>,
    entities: Vec<EntityDraft<'static>>,
    spoken: Vec<(usize, Span)>,
    roles: Vec<Role<'static>>,
    table: NameTable,
    entity_words: Vec<usize>,
    by_description: DescriptionTable,
}

thread_local! {
    /// One set at most: mentions made while others are alive allocate their own.
    static SPARE: Cell<Option<Spare>> = const { Cell::new(None) };
}

/// Texts with more tokens than this leave no spare memory behind, so that one huge input does
/// not keep its memory for the rest of the run.
const SPARE_TOKEN_LIMIT: usize = 1 << 16;

/// `items` emptied, as a vector of another type of the same size: its allocation is kept (an
/// in-place `collect`), so a vector of borrowed strings can outlive the text it borrowed from.
/// `into` is never called: there is nothing left to convert.
fn recycle<T, U>(mut items: Vec<T>, into: fn(T) -> U) -> Vec<U> {
    items.clear();
    items.into_iter().map(into).collect()
}

impl Drop for Mentions<'_> {
    fn drop(&mut self) {
        if self.names.capacity() > SPARE_TOKEN_LIMIT / 8 {
            return;
        }
        let spare = Spare {
            names: std::mem::take(&mut self.names),
            entities: recycle(std::mem::take(&mut self.entities), |e| EntityDraft {
                name: Cow::Borrowed(""),
                kind: e.kind,
                gender: e.gender,
                sure_gender: e.sure_gender,
                not_a_person: Cell::new(None),
                speaks: e.speaks,
                last_role: e.last_role,
            }),
            spoken: std::mem::take(&mut self.spoken),
            roles: recycle(std::mem::take(&mut self.roles), |r| Role {
                entity: r.entity,
                word: "",
                previous: r.previous,
            }),
            table: std::mem::take(&mut self.table),
            entity_words: std::mem::take(&mut self.entity_words),
            by_description: std::mem::take(&mut self.by_description),
        };
        SPARE.with(|cell| cell.set(Some(spare)));
    }
}

/// Is the first line a headline: a paragraph of its own, short, and not shaped like a
/// sentence (no final full stop, or Title Case)?
pub fn headline(doc: &Document) -> Option<usize> {
    let first = doc.lines.first()?;
    let own_paragraph = doc
        .lines
        .get(1)
        .is_some_and(|second| second.paragraph != first.paragraph);
    if !own_paragraph || first.tokens.len() > 40 {
        return None;
    }
    let last = doc.tokens.get(first.tokens.end.checked_sub(1)?)?;
    let ends_sentence = matches!(last.punct(doc.text), Some('.' | '!')) && !last.span.of(doc.text).ends_with("..");
    let words = || {
        doc.tokens[first.tokens.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Word && !t.info.has(FUNCTION))
    };
    // Title Case capitalises every word but the short function words; a sentence that names
    // several people ("Mark Ellison met Sara Whitfield in Geneva.") still has a lowercase verb.
    let capitalised = words().filter(|t| t.cap).count();
    let title_case = words().count() >= 3 && capitalised == words().count();
    (!ends_sentence || title_case).then_some(0)
}

/// Whether a capitalised word token, told whether it starts a sentence, can be a word of a
/// name if it is `name_like`: not quoted, not a pronoun, and at a sentence's start not a
/// function word, cue or description ("The", "Asked", "Officials"). The tests at once, with no
/// short-circuit: the sentence splitter lists the capitals this accepts without a branch
/// ([`Document::name_words`]), and `find` visits only those.
#[inline(always)]
pub(crate) fn may_be_name_word(token: &Token, starts_sentence: bool) -> bool {
    let info = &token.info;
    let opener = info.has(FUNCTION) | info.is_cue() | info.is_desc();
    !token.in_quote & !info.has(PRONOUN) & !(starts_sentence & opener)
}

/// Is `token` a day's name ("Monday", "today"), which no one has as a name, unlike some months'
/// ("Theresa May")? (Asked of time words only.)
pub(crate) fn names_a_day(doc: &Document, token: &Token) -> bool {
    let word = doc.text.as_bytes().get(token.span.start..token.span.end).unwrap_or(&[]);
    word.len() >= 3 && eq_ignore_case(&word[word.len() - 3..], b"day")
}

/// Strips a possessive ending ("Biden’s" → "Biden").
pub fn strip_possessive(word: &str) -> &str {
    word.get(..word.len() - possessive_len(word.as_bytes())).unwrap_or(word)
}

/// The length in bytes of `word`'s possessive ending ("’s" or "'s"), 0 if it has none: the one
/// definition behind [`strip_possessive`] and the sentence splitter's word set (the tokenizer's
/// [`Token::possessive`] is the same test without a branch, held equal by a test).
#[inline(always)]
pub fn possessive_len(word: &[u8]) -> usize {
    // Most words do not end in "s": one byte answers for them.
    if word.last() != Some(&b's') {
        0
    } else if word.ends_with("’s".as_bytes()) {
        "’s".len()
    } else if word.ends_with(b"'s") {
        2
    } else {
        0
    }
}

/// The length of token `t`'s possessive ending "’s" or "'s" (as [`strip_possessive`] strips
/// it), 0 if it has none: the tokenizer's [`Token::possessive`].
#[inline(always)]
pub(crate) fn possessive_at(doc: &Document, t: usize) -> usize {
    usize::from(doc.tokens[t].possessive)
}

/// Finds the names of the document and groups them into entities.
#[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
pub fn find<'t>(doc: &Document<'t>) -> Mentions<'t> {
    let headline = headline(doc);
    // Sized so that the tables of nearly every PolNeAR text (98%) never grow: a name per 8
    // tokens, an entity (and a distinct name) per 11; the median text has half as many. Each
    // growth is a copy, or for a table a rehash of every key.
    let names = doc.tokens.len() / 8;
    let entities = doc.tokens.len() / 11;
    let spare = SPARE.with(Cell::take).unwrap_or_default();
    let mut table = spare.table;
    table.reset(entities * 2);
    let mut by_description = spare.by_description;
    by_description.clear();
    let mut mentions = Mentions {
        names: reuse(spare.names, names),
        entities: reuse(spare.entities, entities),
        table,
        entity_words: reuse(spare.entity_words, entities),
        spoken: reuse(spare.spoken, 0),
        roles: reuse(spare.roles, 0),
        role_buckets: 0,
        by_description,
        headline,
        interviewee: None,
        said: Span::new(0, 0),
    };
    // Reused for every name not written as it is joined.
    let mut scratch = String::new();
    // Only the words that can be a name's are visited (the capitals `split_sentences` kept,
    // about one token in nine), not every token or every sentence: a name's sentence comes
    // from a cursor that moves forward with the names.
    let words = doc.name_words();
    // The headline's words passed: its names are found apart (see `claims`). (A headline is
    // the text's first line, so the words before its end are its own.)
    let headline_end = headline
        .and_then(|line| doc.lines.get(line))
        .map_or(0, |line| line.tokens.end);
    let mut k = words.partition_point(|&t| t < headline_end);
    let mut s = 0;
    let claim_sets = crate::lexicon::table().claim_sets();
    while let Some(&start) = words.get(k) {
        k += 1;
        let first = &doc.tokens[start];
        // (A sentence's first word left undecided, not capitalised elsewhere, or a shouted
        // label: "FILE PHOTO", "UPDATE", all-capital words longer than an acronym.)
        if !first.name_like {
            continue;
        }
        let mut end = start + 1;
        let mut facts = RunFacts::of(first);
        // The run grows by the next name word when it is the next token, or the one after a
        // connector ("of"), on the same line and `name_like` (not shouted): two words on one
        // line with no full stop between them are in one sentence (a sentence ends at a stop
        // or the line's end). A possessive ends the run: only its last word can have one (its
        // length).
        let possessive = loop {
            let possessive = possessive_at(doc, end - 1);
            let next = words.get(k).copied().unwrap_or(usize::MAX);
            let gap = next.wrapping_sub(end);
            if possessive != 0 || gap > 1 {
                // "Ursula von der Leyen", "Oscar de la Renta": two particles between names.
                // (The first particle's length, inline, turns away most gaps of two.)
                if possessive == 0
                    && gap == 2
                    && matches!(doc.tokens[end].span.len(), 2 | 3)
                    && two_particles(doc, first, end, next)
                {
                    for t in end..end + 3 {
                        facts.add(doc, t - start, t);
                    }
                    end += 3;
                    k += 1;
                    continue;
                }
                break possessive;
            }
            let word = &doc.tokens[next];
            if word.line != first.line || !word.name_like {
                break possessive;
            }
            if gap == 0 {
                facts.add(doc, end - start, end);
                end += 1;
            } else if (is_connector(doc, end) && !employer_after_person(doc, start, end))
                || (facts.org_word && joins_institution(doc, start, end))
                || (!facts.org_word && doc.word(end) == "and" && and_in_institution(doc, start, end))
            {
                facts.add(doc, end - start, end);
                facts.add(doc, end + 1 - start, end + 1);
                end += 2;
            } else if doc.is_ampersand(end) {
                join_ampersand(doc, &mut facts, start, end);
                end += 2;
            } else if facts.org_word && comma_in_institution(doc, start, end) {
                join_separator(doc, &mut facts, start, end, 1);
                end += 2;
            } else {
                break possessive;
            }
            k += 1;
        };
        // "SAN FRANCISCO —", "NEW YORK, N.Y. —": a dateline's place, no one "it" stands for.
        // (Whether the name's second letter is a capital and the name opens its line first:
        // a load and a compare each, where the capitals' test decodes.)
        let shouted = doc
            .text
            .as_bytes()
            .get(first.span.start + 1)
            .is_some_and(u8::is_ascii_uppercase);
        if shouted && doc.lines[first.line as usize].tokens.start == start && in_dateline(doc, start, end) {
            continue;
        }
        // (Three steps without a branch, then a loop for the rare name further on: a name is
        // most often in the sentence of the name before or one of the next two, and a loop's
        // exit here was missed name after name.)
        for _ in 0..3 {
            s += usize::from(doc.sentences[s].tokens.end <= start);
        }
        while doc.sentences[s].tokens.end <= start {
            s += 1;
        }
        debug_assert!(doc.sentences[s].tokens.contains(&start) && end <= doc.sentences[s].tokens.end);
        // "Soviet leader Joseph Stalin", "Russian officials": a capitalised word before a
        // role is an adjective, not a name.
        // (The tests at once, through `black_box`: whether the token after a name is a
        // word was a branch missed name after name. The run's last token stands in for
        // the one after at the text's end; a token on the same line is in the same sentence.)
        let next = &doc.tokens[end.min(doc.tokens.len() - 1)];
        let before_role = std::hint::black_box(
            (possessive == 0) & (end < doc.tokens.len()) & (next.line == first.line) & is_role_word(next),
        );
        // A run that ends with a month or weekday is a date ("Tuesday", "Super Tuesday", "Ohio
        // Tuesday" as in "won Ohio Tuesday"), not someone "he" could stand for: but for a
        // given name's ("Theresa May", "Prime Minister Theresa May"; see `add_name` for "…
        // May said").
        let last = &doc.tokens[end - 1];
        let calendar = claim_sets[usize::from(last.info.claims())] & CALENDAR != 0;
        // (A day is no one's surname: "MSNBC’s Morning Joe Monday".)
        let date = (calendar || (possessive != 0 && weekday_possessive(doc, last, possessive, claim_sets)))
            && !first.info.has(GIVEN_NAME)
            && !(end - start >= 2 && doc.tokens[end - 2].info.has(GIVEN_NAME) && !names_a_day(doc, last));
        // "McDonald's said", "Moody's says": a firm's name before a verb (see `verb_use`), its
        // "'s" its own.
        // (Four letters each: the length turns most words away inline.)
        let firm = possessive != 0
            && doc.tokens.get(end).is_some_and(|next| next.span.len() == 4)
            && firm_before_verb(doc, end);
        let possessive = if firm { 0 } else { possessive };
        let facts = RunFacts {
            date,
            org_word: facts.org_word | firm,
            ..facts
        };
        // A capitalised title just before the run on its line, which is no name word: most
        // often a sentence's first word ("Mr. Clinton said", "President Obama said": words at a
        // sentence's start are taken for names only when written so elsewhere, and a
        // description never is). It says who the name is ("Mr.", "Mrs.") and which role it has.
        // Titled names, and long ones, are taken apart out of line (rare, and asked in full
        // only then): a run of two words with a title has it first.
        let prev = &doc.tokens[start.saturating_sub(1)];
        // (In the browser build every run takes that way, which handles a plain run as the
        // plain way does: one copy of `add_name` instead of two, ~5 KB. The node tests hold
        // the package's results to the CLI's on PolNeAR texts.)
        let shaped = cfg!(target_family = "wasm")
            | (prev.cap & prev.info.has(TITLE))
            | first.info.has(TITLE)
            | (end - start >= 3);
        // A function word alone is no name, though capitalised where no sentence is known to
        // start ("Editor’s Note: The following …", "(But …").
        let function_word = (end - start == 1) & first.info.has(FUNCTION);
        if before_role | function_word {
            // (An adjective before a role, or a function word alone: no name.)
        } else if shaped {
            let title_before =
                (start > 0) & prev.cap & prev.info.has(TITLE) & (prev.line == first.line) & !prev.in_quote;
            add_shaped_name(
                doc,
                &mut mentions,
                start..end,
                facts,
                possessive,
                s,
                title_before,
                &mut scratch,
            );
        } else {
            add_name::<false>(
                doc,
                &mut mentions,
                start..end,
                &facts,
                possessive,
                s,
                false,
                &mut scratch,
            );
        }
    }
    mentions
}

/// Is the possessive word `token` (its ending `possessive` bytes long) a weekday's, as in
/// "Tuesday’s contests"? Its own information is the whole word's, so its stem is looked up,
/// only for a stem ending in "day" (a possessive name is common, a look-up is not cheap).
#[cold]
#[inline(never)]
fn weekday_possessive(doc: &Document, token: &Token, possessive: usize, claim_sets: &[u32; 256]) -> bool {
    let stem = token.span.start..token.span.end - possessive;
    doc.text.as_bytes()[stem.clone()].ends_with(b"day")
        && claim_sets[usize::from(crate::lexicon::lookup_in_bytes(doc.text.as_bytes(), stem).claims())] & CALENDAR != 0
}

/// The ampersand at `t` and the word after it join the run from `start`: "Johnson & Johnson",
/// "AT&T", a firm's name, written as it is joined when the "&" is spaced on both sides or on
/// neither. (Rare: out of line.)
#[cold]
#[inline(never)]
fn join_ampersand(doc: &Document, facts: &mut RunFacts, start: usize, t: usize) {
    join_separator(doc, facts, start, t, 0);
    facts.org_word = true;
}

/// The separator at `t` (an ampersand, a comma of a list) and the word after it join the run
/// from `start`: written as it is joined where the separator touches the word before it and
/// `gap_after` bytes part it from the word after ("AT&T": none; "Environment, Food": one), as
/// well as where spaces surround it. (Rare: out of line.)
#[cold]
#[inline(never)]
fn join_separator(doc: &Document, facts: &mut RunFacts, start: usize, t: usize, gap_after: usize) {
    let odd_gap = facts.odd_gap;
    facts.add(doc, t - start, t);
    facts.add(doc, t + 1 - start, t + 1);
    let (before, separator, after) = (&doc.tokens[t - 1], &doc.tokens[t], &doc.tokens[t + 1]);
    if separator.span.start == before.span.end && after.span.start == separator.span.end + gap_after {
        facts.odd_gap = odd_gap;
    }
}

/// Is `word` a verb no noun is spelt as, so that a capitalised word in "'s" before it is a
/// firm's name, not a possessive ("McDonald's said", "Moody's says", "Sotheby's told")?
pub(crate) fn follows_firm_name(word: &[u8]) -> bool {
    matches!(word, b"said" | b"says" | b"told")
}

/// Is the token at `t`, after a name ending in "'s", "said", "says" or "told" on the same
/// line? Then the "'s" is part of a firm's name ("McDonald's said"): a possessive is never
/// followed by those. (Rare: out of line.)
#[cold]
#[inline(never)]
fn firm_before_verb(doc: &Document, t: usize) -> bool {
    doc.tokens
        .get(t)
        .is_some_and(|token| token.line == doc.tokens[t - 1].line && follows_firm_name(doc.word(t).as_bytes()))
}

/// The lexicon's information of a contraction's pronoun ("she’s"), which the contraction's
/// own lacks. (Rare: out of line.)
#[cold]
#[inline(never)]
fn contraction_info(doc: &Document, token: &Token) -> crate::lexicon::WordInfo {
    let stem = token.span.start..token.span.end - usize::from(token.possessive);
    crate::lexicon::lookup_in_bytes(doc.text.as_bytes(), stem)
}

/// Are the two tokens from `t` particles between a name's words, the name word `next` after
/// them on `first`'s line: "von der", "de la", "van den"? (Rare: out of line.)
#[cold]
#[inline(never)]
fn two_particles(doc: &Document, first: &Token, t: usize, next: usize) -> bool {
    let word = &doc.tokens[next];
    word.line == first.line
        && word.name_like
        && is_connector(doc, t)
        && matches!(doc.word(t + 1), "der" | "den" | "la" | "las" | "los" | "de" | "del")
}

/// Lowercase words inside names: "Bank of America", "Ludwig van Beethoven".
#[inline(always)]
fn is_connector(doc: &Document, t: usize) -> bool {
    // Each is two or three bytes long: the span's length turns away most tokens (a comma, a
    // verb) without comparing any text.
    matches!(doc.tokens[t].span.len(), 2 | 3) && is_connector_word(doc.word(t))
}

/// The words of [`is_connector`]: out of line in the browser build, where their compares were
/// copied at its three uses; natively inlined.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn is_connector_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "de" | "van" | "von" | "der" | "bin" | "al" | "la" | "le" | "del" | "da" | "di" | "du"
    )
}

/// Is the "of" at `t` the start of an employer after a person's full name, the run from
/// `start` ("Ruth Adler of Keystone Bank"): a given name, then a surname just before it, and
/// no place after it? The person is named on their own (not "Ruth Adler of Keystone Bank",
/// an organisation for its last word). (Rare: out of line.)
#[cold]
#[inline(never)]
fn employer_after_person(doc: &Document, start: usize, t: usize) -> bool {
    let surname = &doc.tokens[t - 1];
    // (A place after "of" stays with the name, as a senator's state does: "Elizabeth Warren
    // of Massachusetts" is hers, not a body "they" could stand for.)
    let place = |words: usize| {
        let last = (t + words).min(doc.tokens.len() - 1);
        let name = Span::new(doc.tokens[t + 1].span.start, doc.tokens[last].span.end).of(doc.text);
        not_a_person(name.as_bytes()) == Some(NotAPerson::Place)
    };
    doc.is(t, "of")
        && t - start >= 2
        && (start..t - 1).any(|i| doc.tokens[i].info.has(GIVEN_NAME))
        && !surname.info.has(GIVEN_NAME)
        && !surname.info.has(TITLE)
        && !surname.info.has(ORG_WORD)
        && !place(1)
        && !place(2)
}

/// Does the lowercase word at `t` join an institution's name, after a word that makes it one
/// (in the run from `start`): "Centers for Disease Control and Prevention", "Council on
/// Foreign Relations", "Department of Health and Human Services"? ("and" only past another
/// connector: "the Senate and Obama" are two.)
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn joins_institution(doc: &Document, start: usize, t: usize) -> bool {
    // (Not before a day or month: "the Security Council on Friday".)
    if doc.tokens[t + 1].info.has(TIME) {
        return false;
    }
    let joined = |word: &str| (start + 1..t).any(|i| doc.word(i) == word);
    match doc.word(t) {
        "for" | "on" => true,
        // (Once: "… of Obstetricians and Gynecologists and Easter Seals" are two.)
        "and" => !joined("and") && (start + 1..t).any(|i| is_connector(doc, i) || matches!(doc.word(i), "for" | "on")),
        _ => false,
    }
}

/// Does the comma at `t` list the remits of one institution's name, after its "for" (in the
/// run from `start`), up to an "and" that ends the list: "Department for Environment, Food and
/// Rural Affairs", "Department for Digital, Culture, Media and Sport"? (Rare: out of line.)
#[cold]
#[inline(never)]
fn comma_in_institution(doc: &Document, start: usize, t: usize) -> bool {
    let capital = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|x| x.cap && x.kind == crate::segment::TokenKind::Word)
    };
    doc.tokens[t].punct(doc.text) == Some(',')
        && (start + 1..t).any(|i| doc.is(i, "for"))
        && capital(t + 1)
        && (t + 2..doc.tokens.len().min(t + 6)).any(|i| doc.is(i, "and") && capital(i + 1))
}

/// Does the "and" at `t` join two halves of one institution's name, the word that makes it
/// one still to come: "the Food and Drug Administration", "the Securities and Exchange
/// Commission", "U.S. Immigration and Customs Enforcement"? One or two words before it, no
/// given name or title among them, after "the", a possessive or "U.S." ("Obama and Justice
/// Department officials" are two); at most three words in capitals after it, the last of
/// them an institution's word. (Rare: out of line.)
#[cold]
#[inline(never)]
fn and_in_institution(doc: &Document, start: usize, t: usize) -> bool {
    let opened = start > 0 && (doc.word(start - 1).eq_ignore_ascii_case("the") || possessive_at(doc, start - 1) != 0)
        || doc.word(start) == "U.S.";
    let plain = |i: usize| !doc.tokens[i].info.has(GIVEN_NAME) && !doc.tokens[i].info.has(TITLE);
    let words_after = (t + 1..doc.tokens.len().min(t + 4))
        .take_while(|&i| doc.tokens[i].cap && doc.tokens[i].kind == crate::segment::TokenKind::Word)
        .last();
    opened
        && t - start <= 2
        && (start..t).all(plain)
        && words_after.is_some_and(|last| doc.tokens[last].info.has(ORG_WORD))
}

/// What `add_name` asks of a run's tokens, gathered while `find` grows the run: a loop of its
/// own over the run's tokens made one more loop exit for the branch predictor to miss, one
/// word or two, name after name. The name proper starts after the last title ("Russian
/// President | Vladimir Putin"); a word like "Ministry" makes an organisation; the last gap
/// between two tokens that is not one space (its token's place in the run) tells whether the
/// name is written as it is joined. (Passed by value out of line: a reference would keep the
/// facts of every run in memory rather than in registers.)
#[derive(Clone, Copy)]
struct RunFacts {
    /// The place after the last title that is not the run's last token (0 if none).
    after_title: usize,
    /// Whether the run's last token so far is a title (it counts once a token follows it).
    last_title: bool,
    /// Whether a word of the run is an organisation's (of the name proper, after the last
    /// title, once `shape_run` has asked: "Senate Majority Leader Mitch McConnell" is a person).
    org_word: bool,
    odd_gap: usize,
    /// The run ends with a month or weekday and opens with no given name (set once the run
    /// is whole).
    date: bool,
}

impl RunFacts {
    /// The facts of a run of one token.
    #[inline(always)]
    fn of(token: &Token) -> RunFacts {
        RunFacts {
            after_title: 0,
            last_title: token.info.has(TITLE),
            org_word: token.info.has(ORG_WORD),
            odd_gap: 0,
            date: false,
        }
    }

    /// Token `t`, the run's `k`th (from 0; `k` > 0), joins the run after token `t - 1`.
    // (Out of line in the browser build, where its tests inlined at each use cost more than
    // the call.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn add(&mut self, doc: &Document, k: usize, t: usize) {
        let (prev, token) = (&doc.tokens[t - 1], &doc.tokens[t]);
        if self.last_title {
            self.after_title = k;
        }
        self.last_title = token.info.has(TITLE);
        self.org_word |= token.info.has(ORG_WORD);
        let spaced = (token.span.start == prev.span.end + 1) & (doc.text.as_bytes().get(prev.span.end) == Some(&b' '));
        if !spaced {
            self.odd_gap = k;
        }
    }
}

/// Adds the name of the run of tokens `run` (its `facts`), whose last word ends in a
/// possessive of `possessive` bytes (0 for none).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn add_name<'t, const SHAPED: bool>(
    doc: &Document<'t>,
    mentions: &mut Mentions<'t>,
    run: std::ops::Range<usize>,
    facts: &RunFacts,
    possessive: usize,
    sentence: usize,
    title_before: bool,
    scratch: &mut String,
) {
    let text = doc.text.as_bytes();
    let shape = if SHAPED {
        shape_run(doc, run, facts, possessive, title_before)
    } else {
        // (Untitled: see `find`.)
        debug_assert_eq!(facts.after_title, 0);
        RunShape {
            name: run.clone(),
            run,
            after_title: 0,
            org_word: facts.org_word,
            odd_gap: facts.odd_gap,
            possessive,
        }
    };
    let RunShape {
        run,
        after_title,
        name: name_tokens,
        org_word,
        odd_gap,
        possessive,
    } = shape;
    let date = facts.date;
    // "The Secretary of State said": a title and its complement, and no one's name.
    if SHAPED && doc.tokens[name_tokens.start].span.len() == 2 && doc.is(name_tokens.start, "of") {
        return;
    }
    // "the New York Democrat", "the Texas Republican": capitalised words after a determiner
    // that end in a word for a person are a description of someone named elsewhere, not a
    // name. (Rare: asked only of names after a determiner.)
    if run.start > 0
        && doc.tokens[run.start - 1].info.has(DETERMINER)
        && doc.tokens[name_tokens.end - 1].info.desc() == Some(DescKind::Person)
    {
        return;
    }
    let role_before = preceded_by_role(doc, run.start);
    let titled = after_title > 0 || role_before.is_some();
    let first = &doc.tokens[name_tokens.start];
    let last = &doc.tokens[name_tokens.end - 1];
    // The name's words, possessive stripped, as bytes (a `str` slice tests both ends for a
    // character boundary; spans fall on them): only the first, the last and how many are asked.
    let word_count = name_tokens.len();
    let last_word = &text[last.span.start..last.span.end - possessive];
    let span = Span::new(first.span.start, last.span.start + last_word.len());
    // The first word, whether it is an organisation, and which gender: asked of a name seen
    // before only when its entity does not know yet. (Only the last word can be possessive.)
    let first_word = &text[first.span.start..first.span.end - possessive * usize::from(word_count == 1)];
    // The name's words joined by single spaces: most often the text itself, which then needs
    // no copy. (Only its last word can be possessive: a possessive ends a run.)
    let written = &text[span.start..span.end];
    let as_written = odd_gap <= name_tokens.start - run.start;
    let table = &mut mentions.table;
    let i = if as_written {
        table.entry(doc.text, written, Some(span.start))
    } else {
        scratch.clear();
        for t in name_tokens.clone() {
            if !scratch.is_empty() {
                scratch.push(' ');
            }
            scratch.push_str(strip_possessive(doc.word(t)));
        }
        table.entry(doc.text, scratch.as_bytes(), None)
    };
    let found = table.entries[i];
    // A date is no name, unless that word alone is one seen before, or ends one ("Theresa
    // May … May said").
    if date && (word_count > 1 || (found.entity == NONE && found.latest == NONE)) {
        return;
    }
    let (gender, by_title) = name_gender(doc, run.start, name_tokens.start - run.start);
    // "Mr. Clinton" after "Mrs. Clinton": the same name, stripped of its titles, for someone
    // else. (Only a title's gender can tell, on a name seen before: a full name seen before is
    // the same person.)
    let other_gender = by_title && found.entity != NONE && other_sure_gender(&mentions.entities[found.entity], gender);
    if found.entity != NONE && !other_gender {
        // A name seen before: its entity keeps its name (see below), and its last word's
        // entry is known.
        let e = found.entity;
        let entity = &mut mentions.entities[e];
        // (Asked of every name, then chosen by an index: whether its entity knew its gender
        // was a branch the predictor missed.)
        entity.gender = [entity.gender, gender][usize::from(entity.gender == Gender::Unknown)];
        if by_title {
            learn_gender(entity, gender, true);
        }
        if titled && entity.kind != EntityKind::Person && !is_org(org_word, word_count, first_word) {
            entity.kind = EntityKind::Person;
        }
        table.entries[found.last_word].latest = e;
        if titled && has_role_words(doc, run.start, after_title, role_before) {
            push_roles(doc, mentions, run.start, after_title, role_before, e);
        }
        add_appositive_role(doc, mentions, run.start, run.end, e);
        push_name(mentions, span, run, sentence, e);
        return;
    }
    // A group ("Democrats"): one plural-looking word, untitled, no given name and no
    // description. (Its tests at once, through `black_box`: one by one, the word count and
    // the final "s" were branches missed name after name. Untitled, `first` is the run's
    // first token.)
    let group = !titled
        & !first.info.has(GIVEN_NAME)
        & (word_count == 1)
        & (first_word.last() == Some(&b's'))
        & !first.info.is_desc();
    let kind = if is_org(org_word, word_count, first_word) {
        EntityKind::Organisation
    } else if std::hint::black_box(group) {
        EntityKind::Group
    } else {
        EntityKind::Person
    };
    let key = || -> Cow<'t, str> {
        if as_written {
            Cow::Borrowed(span.of(doc.text))
        } else {
            Cow::Owned(scratch.clone())
        }
    };
    // A one-word name is its own last word.
    let slot = if word_count == 1 {
        i
    } else {
        table.entry(doc.text, last_word, Some(last.span.start))
    };
    let mut same = same_last_word(
        &mentions.entities,
        &mentions.entity_words,
        table.entries[slot].latest,
        first_word,
        word_count,
        kind,
    );
    // Sure of a gender: a title's, or a given name's before a surname ("Kelly" alone is most
    // often a surname).
    let sure = || by_title || (word_count > 1 && first.info.has(GIVEN_NAME) && gender != Gender::Unknown);
    if other_gender || same.is_some_and(|e| other_sure_gender(&mentions.entities[e], gender) && sure()) {
        same = same_name_and_gender(mentions, last_word, first_word, word_count, gender);
    }
    // A given name alone, as papers write the famous and the knighted ("Hillary", "Sir
    // Keir"), or a company's first word ("Peabody" of "Peabody Energy"): the one person or
    // body whose full name starts with it, when no name ends with it.
    if same.is_none() && word_count == 1 && kind == EntityKind::Person && !other_gender {
        same = match mentions.table.entries[i].first_of {
            NONE | AMBIGUOUS => None,
            e => Some(e),
        };
    }
    let entity = match same {
        Some(e) => {
            let entity = &mut mentions.entities[e];
            if word_count > mentions.entity_words[e] && kind != EntityKind::Organisation {
                entity.name = key();
                entity.not_a_person.set(None);
                mentions.entity_words[e] = word_count;
                // "Sanders" first (a plural's shape, taken for a group), then "Bernie
                // Sanders": a person after all.
                if entity.kind == EntityKind::Group && first.info.has(GIVEN_NAME) {
                    entity.kind = EntityKind::Person;
                }
            }
            learn_gender(entity, gender, sure());
            if kind == EntityKind::Person && entity.kind != EntityKind::Person && titled {
                entity.kind = EntityKind::Person;
            }
            e
        }
        None => {
            // "a meeting in Las Cruces": a name first seen right after "in" or "near", with no
            // title or given name, is a place the lexicons do not list, not someone "she"
            // stands for; nor is one after "a" ("build a Great Wall").
            let place = kind == EntityKind::Person
                && !titled
                && !first.info.has(GIVEN_NAME)
                && possessive == 0
                && run.start > 0
                && ["in", "near", "a", "an"].iter().any(|w| doc.is(run.start - 1, w));
            mentions.entities.push(EntityDraft {
                name: key(),
                kind,
                gender,
                sure_gender: sure(),
                not_a_person: Cell::new(place.then_some(Some(NotAPerson::Place))),
                speaks: 0,
                last_role: None,
            });
            mentions.entity_words.push(word_count);
            mentions.entities.len() - 1
        }
    };
    // An entity's name is only ever set here, to a name that had no entity, which then has
    // this one: every entity's name is a key with an entity.
    let table = &mut mentions.table;
    table.entries[i].entity = entity;
    table.entries[i].last_word = slot;
    if same.is_none()
        && word_count > 1
        && kind != EntityKind::Group
        && may_name_alone(doc, run.start, name_tokens.start)
    {
        note_first_word(table, doc.text, first_word, first.span.start, entity);
    }
    // A second entity for a last word becomes the one the word joins, unless it is named in a
    // caption or credit (the photographer "Jens Holm" after the story's "Karin Holm").
    let latest = &mut table.entries[slot].latest;
    if *latest == entity || *latest == NONE || !in_caption(doc, sentence) {
        *latest = entity;
    }
    if titled && has_role_words(doc, run.start, after_title, role_before) {
        push_roles(doc, mentions, run.start, after_title, role_before, entity);
    }
    add_appositive_role(doc, mentions, run.start, run.end, entity);
    push_name(mentions, span, run, sentence, entity);
}

/// Whether the first word of a name (token `t`, of the run from `run_start`) may name
/// them alone. Not when the name follows a determiner, as a thing's does ("the Trump Train",
/// "the Drudge Report"), nor when the lexicon knows the word as anything but a given name, or
/// as a party's or a place's ("Republican National Convention", "South Carolina", read as
/// people's names when nothing says otherwise).
fn may_name_alone(doc: &Document, run_start: usize, t: usize) -> bool {
    const OTHER_WORDS: u16 = TITLE | ORG_WORD | FUNCTION | PRONOUN | DETERMINER | TIME | LABEL | QUANTIFIER;
    let after_determiner = run_start
        .checked_sub(1)
        .is_some_and(|before| doc.tokens[before].info.has(DETERMINER));
    let info = doc.tokens[t].info;
    let word = doc.word(t);
    !after_determiner
        && !info.has(OTHER_WORDS)
        && !info.is_cue()
        && !info.is_desc()
        && !crate::lexicon::word_names_no_one(word.as_bytes())
}

/// Notes that a new person's or body's full name starts with `word` (at `at` in `text`), for the word
/// alone to name them later ([`NameEntry::first_of`]).
#[inline(never)]
fn note_first_word(table: &mut NameTable, text: &str, word: &[u8], at: usize, entity: usize) {
    let first = table.entry(text, word, Some(at));
    let first_of = &mut table.entries[first].first_of;
    *first_of = if *first_of == NONE || *first_of == entity {
        entity
    } else {
        AMBIGUOUS
    };
}

/// Whether sentence `s` is a photo caption's or a credit's ("FILE PHOTO: …", "© Nordic Press /
/// Jens Holm"), whose names are pictured people and photographers, not the story's: such a name
/// takes no surname from the story's entity ("Holm said" stays Karin Holm's) and is no
/// pronoun's antecedent. Asked only where it would decide that (a second entity for a last
/// word, an antecedent found), never of every name.
fn in_caption(doc: &Document, s: usize) -> bool {
    crate::claims::is_caption_sentence(doc, s)
}

/// [`add_name`] for a run that [`shape_run`] takes apart (rare).
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn add_shaped_name<'t>(
    doc: &Document<'t>,
    mentions: &mut Mentions<'t>,
    run: std::ops::Range<usize>,
    facts: RunFacts,
    possessive: usize,
    sentence: usize,
    title_before: bool,
    scratch: &mut String,
) {
    add_name::<true>(doc, mentions, run, &facts, possessive, sentence, title_before, scratch);
}

/// A run of name words as `add_name` takes it apart: the run with its titles, how many titles
/// open it, the name proper's tokens, whether those have an organisation's word, the last
/// odd gap's place ([`RunFacts`]) and the possessive ending's length.
struct RunShape {
    run: std::ops::Range<usize>,
    after_title: usize,
    name: std::ops::Range<usize>,
    org_word: bool,
    odd_gap: usize,
    possessive: usize,
}

/// [`RunShape`] of a run of `facts` that has a title just before it (`title_before`), two
/// titles or more, or three words or more after its titles (rare):
/// - the title before joins the run;
/// - "Representative Peter T. King": a title word after a given name or an initial is a
///   surname;
/// - the name proper of a person's long name ([`name_proper`]), when it has a given name after
///   its first word or a connector: most long names have neither ("Donald J. Trump").
#[inline(always)]
fn shape_run(
    doc: &Document,
    run: std::ops::Range<usize>,
    facts: &RunFacts,
    possessive: usize,
    title_before: bool,
) -> RunShape {
    let (mut after_title, mut org_word, mut odd_gap) = (facts.after_title, facts.org_word, facts.odd_gap);
    let run = if title_before {
        after_title += 1;
        odd_gap += usize::from(odd_gap > 0);
        run.start - 1..run.end
    } else if let Some(title) = title_of_before(doc, run.start) {
        // (The name proper starts at "of", which `name_proper` passes with the complement.)
        let back = run.start - title;
        after_title = if after_title == 0 { 1 } else { after_title + back };
        odd_gap += back * usize::from(odd_gap > 0);
        title..run.end
    } else {
        run
    };
    let org_words = |tokens: std::ops::Range<usize>| doc.tokens[tokens].iter().any(|t| t.info.has(ORG_WORD));
    if after_title > 1 && is_surname_at(doc, run.start + after_title - 1) {
        after_title = titles_before_surname(doc, run.start, after_title);
    }
    let mut name = run.start + after_title..run.end;
    if org_word && after_title > 0 {
        org_word = org_words(name.clone());
    }
    // A connector is the only lowercase word a run has.
    let hint = |t: usize| (t > name.start && doc.tokens[t].info.has(GIVEN_NAME)) || !doc.tokens[t].cap;
    // (A title's complement may be an organisation's, before a name: "Director of Government
    // Affairs Phil Smith", not "CEO of Washington Restaurant Association".)
    let named = || doc.is(name.start, "of") && !doc.tokens[name.end - 1].info.has(ORG_WORD);
    if name.len() >= 3 && (!org_word || named()) && (name.start..name.end).any(hint) {
        let titled = after_title > 0 || preceded_by_role(doc, run.start).is_some();
        name = name_proper(doc, name, titled);
        org_word = org_words(name.clone());
    }
    let possessive = possessive * usize::from(name.end == run.end);
    RunShape {
        run,
        after_title,
        name,
        org_word,
        odd_gap,
        possessive,
    }
}

/// "Secretary of State Antony Blinken", "Chancellor of the Exchequer Rachel Reeves": where the
/// capitalised title is whose complement after "of" (and "the") opens a run. (A title opening
/// a sentence is no name word, nor is "of the" a connector: the run starts past them.)
/// (In line natively, where its call cost more than its tests; not in the browser build.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn title_of_before(doc: &Document, start: usize) -> Option<usize> {
    // (Told first by the lengths of "the" and "of", and the title's flags: most runs have none.)
    let mut of = start.checked_sub(1)?;
    if doc.tokens[of].span.len() == 3 && doc.is(of, "the") {
        of = of.checked_sub(1)?;
    }
    let title = &doc.tokens[of.checked_sub(1)?];
    (title.cap
        && title.info.has(TITLE)
        && doc.tokens[of].span.len() == 2
        && doc.is(of, "of")
        && title.line == doc.tokens[start].line)
        .then_some(of - 1)
}

/// Whether the title word at `t` follows a given name or an initial, and so is a surname
/// ("Peter T. King", "Billie Jean King"; not "Virginia Gov.").
#[inline(always)]
fn is_surname_at(doc: &Document, t: usize) -> bool {
    let prev = &doc.tokens[t - 1];
    // (An abbreviation is no surname: "Virginia Gov. Terry McAuliffe".)
    !doc.word(t).ends_with('.') && (prev.info.has(GIVEN_NAME) || is_initial(prev.span.of(doc.text)))
}

/// Where the name starts in a run of `after_title` titles' worth whose last title is a surname
/// ("Representative | Peter T. King of New York"): after the last title before it that is none.
#[inline(never)]
fn titles_before_surname(doc: &Document, start: usize, after_title: usize) -> usize {
    (start..start + after_title - 1)
        .rev()
        .find(|&t| doc.tokens[t].info.has(TITLE) && (t == start || !is_surname_at(doc, t)))
        .map_or(0, |t| t + 1 - start)
}

/// The name proper within `tokens`, a person's name of three words or more after its titles:
/// what stands before it or after it that a title does not mark. (Asked only of such names.)
/// - A title's complement: "Secretary | of State | John Kerry". It ends before the first given
///   name; without one, the name is the last two words when three or more follow "of", else
///   the last ("Secretary of State Kerry").
/// - Words before a given name: "Republican | Donald Trump", "Liar of the Year | Barack
///   Obama", "Palm Beach County Supervisor of Elections | Susan Bucher". One word only when
///   it is no name word ("Billie Jean King" keeps "Billie"): a word of the lexicons
///   ("Year", "Celebrities") or of name-modifiers.txt ("Republican").
/// - A place or employer after "of": "Ted Cruz | of Texas", when the name starts with a given
///   name or was titled ("Sen. Ted Cruz of Texas", "Mr. Peck of SunTrust"; "Duke of Edinburgh"
///   stays whole).
#[inline(never)]
fn name_proper(doc: &Document, tokens: std::ops::Range<usize>, titled: bool) -> std::ops::Range<usize> {
    let given = |t: usize| doc.tokens[t].info.has(GIVEN_NAME);
    let of = |t: usize| doc.tokens[t].span.len() == 2 && doc.is(t, "of");
    let (mut start, mut end) = (tokens.start, tokens.end);
    let first_given = (start..end).find(|&t| given(t));
    if of(start) {
        // (Not a surname that is also a given name: "of Defense Lloyd Austin".)
        start = match first_given.filter(|&t| end - t >= 2) {
            Some(t) => t,
            None if end - start > 3 => end - 2,
            None => end - 1,
        };
    } else if let Some(t) = first_given.filter(|&t| t > start && end - t >= 2) {
        let word = &doc.tokens[start];
        let not_a_name = t - start >= 2 || word.info != WordInfo::default() || is_name_modifier(doc.word(start));
        if not_a_name && !is_initial(doc.word(start)) {
            start = t;
        }
    }
    if titled || given(start) {
        if let Some(t) = (start + 1..end).find(|&t| of(t)) {
            end = t;
        }
    }
    start..end
}

/// "J.", "E.": an initial, which opens a name ("J. Gerald Hebert").
fn is_initial(word: &str) -> bool {
    word.len() == 2 && word.ends_with('.')
}

/// Is the run of tokens `start..end`, the first words of its line, a dateline's place: all in
/// capitals (with more such words after it: "SAN" of "SAN FRANCISCO", whose second word is
/// too long for an acronym), then a dash or a comma? (Asked only of names that open a line.)
#[cold]
#[inline(never)]
fn in_dateline(doc: &Document, start: usize, end: usize) -> bool {
    let line = &doc.lines[doc.tokens[start].line as usize];
    let mut t = end;
    while t < line.tokens.end && doc.tokens[t].kind == TokenKind::Word && all_capitals(doc.word(t).as_bytes()) {
        t += 1;
    }
    (start..end).all(|i| all_capitals(doc.word(i).as_bytes()))
        && t < line.tokens.end
        && matches!(doc.word(t), "," | "—" | "–" | "-")
}

/// Is a name (its first word `first_word`) an organisation's: a word like "Ministry" in its
/// run (`org_word`), a single word all in capitals ("NATO"), or a name that opens with "The"
/// ("The Associated Press", "The Hill": a paper's or a body's, never a person's)?
///
/// (A word whose second byte is a lowercase letter is no acronym: that and the word count are
/// tested at once, so the branch is taken for the few acronyms, not for every one-word name,
/// a coin toss for the predictor.)
#[inline(always)]
fn is_org(org_word: bool, word_count: usize, first_word: &[u8]) -> bool {
    let second = first_word.get(1).copied().unwrap_or(b'a');
    let maybe = std::hint::black_box((word_count == 1) & !second.is_ascii_lowercase());
    org_word || (maybe && all_capitals(first_word)) || first_word == b"The"
}

/// Is `word` (two bytes or more) all capitals and full stops ("NATO", "U.S.")? Any letter that
/// is not lowercase counts, as `char::is_uppercase` has it.
fn all_capitals(word: &[u8]) -> bool {
    if word.len() < 2 {
        return false;
    }
    // Byte by byte while ASCII: most words fail at their second letter.
    for (i, &b) in word.iter().enumerate() {
        if !b.is_ascii() {
            // (All before `i` is ASCII: a character starts there.)
            return chars_all_capitals(word.get(i..).unwrap_or_default());
        }
        if !(b.is_ascii_uppercase() || b == b'.') {
            return false;
        }
    }
    true
}

/// Whether every character of `word`, a `str`'s bytes from a character's start, is uppercase
/// or a full stop, as [`all_capitals`] asks past its ASCII bytes. Decoded by hand: the bytes
/// are valid UTF-8 already, and `str::from_utf8`'s check of them was 695 B of the browser
/// build (its only use there).
fn chars_all_capitals(word: &[u8]) -> bool {
    let mut rest = word;
    while let Some(&lead) = rest.first() {
        // The character's length, from its lead byte, and the lead's bits of its code point.
        let len = match lead {
            0..0x80 => 1,
            0x80..0xe0 => 2,
            0xe0..0xf0 => 3,
            _ => 4,
        };
        let Some((bytes, tail)) = rest.split_at_checked(len) else {
            return false;
        };
        let lead_bits = u32::from(lead) & (0xff >> (len + usize::from(len > 1)));
        let code = bytes[1..].iter().fold(lead_bits, |c, &b| c << 6 | u32::from(b & 0x3f));
        if !char::from_u32(code).is_some_and(|c| c.is_uppercase() || c == '.') {
            return false;
        }
        rest = tail;
    }
    true
}

/// The role words of a name's run for its entity: its titles ("Russian President") and the
/// role word before it ("former U.S. leader"), each once per entity. Roles are only ever asked
/// whether one of them is a given word ([`Mentions::has_role`], and the headline's look-up in
/// `claims`, which takes the least entity), so a repeat adds nothing; kept, it made each
/// description's look-up walk every "President" of "President Trump" said so far, which in a
/// long document was a third of attribution.
/// (Called only for a run that has one: most have none.)
#[inline(never)]
fn push_roles<'t>(
    doc: &Document<'t>,
    mentions: &mut Mentions<'t>,
    start: usize,
    after_title: usize,
    role_before: Option<&'t str>,
    entity: usize,
) {
    let titles = (start..start + after_title).map(|t| doc.tokens[t].span.of(doc.text));
    for word in titles.chain(role_before).filter(|word| !word.ends_with('.')) {
        push_role(mentions, entity, word);
    }
}

/// Adds role word `word` to `entity`'s roles, once.
fn push_role<'t>(mentions: &mut Mentions<'t>, entity: usize, word: &'t str) {
    if mentions.knows_role(entity, word) {
        return;
    }
    let previous = mentions.entities[entity].last_role.replace(mentions.roles.len());
    mentions.roles.push(Role { entity, word, previous });
    mentions.role_buckets |= 1 << role_word_bucket(word);
}

/// The role of an apposition after a name ending before token `after`, added to the name's
/// `entity`: "Pavel Orlov, a deputy foreign minister, …", "Tom Ek, 61, a professor at Yale" (the
/// head is the last word before the punctuation or function word that ends the apposition, a
/// lowercase description or title). News introduces most people so, and "the minister"
/// later is that person. Only a role that may describe the entity: a person's ("minister")
/// for a person that is no place ("Cairo, her friend said" is no apposition), an
/// organisation's ("company") for an organisation, a single one ("Obama, officials said"),
/// and none before a cue ("Clinton, a top aide said, …" is an attribution set in the
/// sentence). (Asked only of a name followed by a comma.)
#[inline(always)]
fn add_appositive_role<'t>(doc: &Document<'t>, mentions: &mut Mentions<'t>, start: usize, after: usize, entity: usize) {
    let comma = doc
        .tokens
        .get(after)
        .is_some_and(|t| t.kind == TokenKind::Punct && doc.text.as_bytes()[t.span.start] == b',');
    if comma {
        push_appositive_role(doc, mentions, start, after, entity);
    }
}

/// [`add_appositive_role`] after its comma, out of line (most names have none). The name's
/// run starts at `start`.
#[inline(never)]
fn push_appositive_role<'t>(
    doc: &Document<'t>,
    mentions: &mut Mentions<'t>,
    start: usize,
    after: usize,
    entity: usize,
) {
    let tokens = &doc.tokens;
    // "Her spokesman, Brian Fallon, said", "The company's chief executive, Helen Marr, …": the
    // name is the apposition of a role before it, set off by commas as it is.
    // (", " before the name, told from the bytes first: most names have none.)
    let name_at = tokens[start].span.start;
    let comma_before = name_at >= 2 && doc.text.as_bytes()[name_at - 2] == b',';
    // (Whether the name's entity may be given a person's role: asked last, of the three.)
    let person = |mentions: &Mentions| {
        let e = &mentions.entities[entity];
        e.kind == EntityKind::Person && e.not_a_person().is_none()
    };
    if let Some(role) = start.checked_sub(2).filter(|_| comma_before).map(|b| &tokens[b]) {
        if is_role_word(role)
            && tokens[start - 1].punct(doc.text) == Some(',')
            && !role.info.has(PLURAL)
            && matches!(role.info.desc(), Some(DescKind::Person) | None)
            && role.line == tokens[after].line
            && person(mentions)
        {
            push_role(mentions, entity, role.span.of(doc.text));
        }
    }
    let mut t = after + 1;
    // An age first: "Lena Berg, 52, the party's chairwoman". It is a role of its own, for "the
    // 52-year-old" later to stand for her rather than whoever was named last.
    if tokens.get(t).is_some_and(|x| x.kind == TokenKind::Number) && t + 1 < tokens.len() && doc.word(t + 1) == "," {
        let age = doc.word(t);
        if age.len() <= 3 && person(mentions) {
            push_role(mentions, entity, age);
        }
        t += 2;
    }
    if tokens
        .get(t)
        .is_some_and(|x| x.info.has(DETERMINER) && !x.info.has(PRONOUN))
    {
        t += 1;
    }
    let start = t;
    while t < start + 5
        && tokens.get(t).is_some_and(|x| {
            x.kind == TokenKind::Word && !x.in_quote && !(x.info.has(FUNCTION) && t > start) && x.info.cue().is_none()
        })
    {
        t += 1;
    }
    let Some(head) = tokens.get(t.wrapping_sub(1)).filter(|_| t > start) else {
        return;
    };
    let ends = tokens
        .get(t)
        .is_none_or(|x| x.kind == TokenKind::Punct || (x.info.has(FUNCTION) && x.info.cue().is_none()));
    if !(ends && is_role_word(head) && !head.info.has(PLURAL) && head.line == tokens[after].line) {
        return;
    }
    let fits = match head.info.desc() {
        Some(DescKind::Organisation) => mentions.entities[entity].kind == EntityKind::Organisation,
        Some(DescKind::Person) | None => person(mentions),
        Some(_) => false,
    };
    if fits {
        push_role(mentions, entity, head.span.of(doc.text));
    }
}

/// Whether a titled run has role words to keep: a lowercase role before it, or a last title
/// that is no abbreviation. "Mr.", "Sen." and "Dr." are no description's head ("the senator"
/// is not "sen."), and "Mr. Trump" said again and again would walk its entity's roles for
/// nothing each time.
#[inline(always)]
fn has_role_words(doc: &Document, start: usize, after_title: usize, role_before: Option<&str>) -> bool {
    let last_title = &doc.tokens[(start + after_title).saturating_sub(1)];
    role_before.is_some() || (after_title > 0 && doc.text.as_bytes()[last_title.span.end - 1] != b'.')
}

/// The [`role_bucket`] of role word `word` as written: that of its lowercase bytes, which
/// are those of every head it [`role_is`] (an ASCII word's are lowered in the bucket).
fn role_word_bucket(word: &str) -> u32 {
    if is_ascii(word) {
        role_bucket(word.as_bytes())
    } else {
        role_bucket(crate::case::lowercase(word).as_bytes())
    }
}

/// How many role words a text may have for [`Mentions::resolve`] to test each against a
/// description's head (PolNeAR train's texts have 23 at most, three on average).
const ROLES_TESTED: usize = 32;

/// Which of [`Mentions::role_buckets`]' bits stands for a word: its length and its last byte
/// (ASCII-lowercased), mixed. Any two words with the same lowercase bytes have the same.
fn role_bucket(word: &[u8]) -> u32 {
    let last = word.last().map_or(0, u8::to_ascii_lowercase) as usize;
    ((word.len().wrapping_mul(31) ^ last.wrapping_mul(7)) % 64) as u32
}

/// Does the role word `role` (as written) lowercase to `lower` (lowercase already)? An ASCII
/// word is compared in place, without the lowercase copy of each role word this replaced.
pub fn role_is(role: &str, lower: &str) -> bool {
    if is_ascii(role) {
        // (A lowercase string has no ASCII capital, so this is `role.to_lowercase() == lower`.)
        eq_ignore_case(role, lower)
    } else {
        crate::case::lowercase(role) == lower
    }
}

fn push_name(mentions: &mut Mentions<'_>, span: Span, tokens: std::ops::Range<usize>, sentence: usize, entity: usize) {
    mentions.names.push(Name {
        span,
        tokens,
        sentence,
        entity,
    });
}

/// "former U.S. leader Donald Trump": the lowercase role word just before a name. (Its tests
/// at once, through `black_box`, as `find`'s test of the word after a name: taken one by one
/// they were branches missed name after name.)
#[inline(always)]
fn preceded_by_role<'t>(doc: &Document<'t>, t: usize) -> Option<&'t str> {
    let prev = &doc.tokens[t.saturating_sub(1)];
    std::hint::black_box((t > 0) & is_role_word(prev)).then(|| prev.span.of(doc.text))
}

/// A lowercase role word ("leader", "minister"). The tests are combined without
/// short-circuits: one branch where it is asked, not one per test (which the branch
/// predictor missed often, word after word).
#[inline(always)]
fn is_role_word(token: &Token) -> bool {
    (token.kind == TokenKind::Word) & !token.cap & (token.info.is_desc() | token.info.has(TITLE))
}

/// The gender of the name in the run from `start` whose name proper starts `name_start` tokens
/// on (after its titles), and whether its title says it ("Mrs."): its given name's, else its
/// title's.
#[inline(always)]
fn name_gender(doc: &Document, start: usize, name_start: usize) -> (Gender, bool) {
    let first = &doc.tokens[start + name_start];
    let given = first.info.has(GIVEN_NAME);
    // (Untitled, most names, it is a choice, not a branch: whether a name's first word is a
    // given name was a coin toss for the predictor. An index into two, as an `if` the
    // compiler kept as a branch.)
    // A title's gender outranks the given name's: "Ms. Martin" is a woman, though Martin is
    // most often a man's given name (and here a surname).
    if name_start > 0 {
        let by_title = title_gender(doc, start, name_start);
        if by_title != Gender::Unknown || !given {
            return (by_title, by_title != Gender::Unknown);
        }
    }
    ([Gender::Unknown, first.info.gender()][usize::from(given)], false)
}

/// An entity learns a name's gender when it knows none, or only an unsure one ("Kelly" and
/// then "Mark Kelly").
#[inline(always)]
fn learn_gender(entity: &mut EntityDraft<'_>, gender: Gender, sure: bool) {
    // (Chosen by an index, as in `name_gender`.)
    let learn = (entity.gender == Gender::Unknown) | (sure & !entity.sure_gender);
    entity.gender = [entity.gender, gender][usize::from(learn)];
    entity.sure_gender |= sure;
}

fn title_gender(doc: &Document, start: usize, after_title: usize) -> Gender {
    for t in start..start + after_title {
        match doc.word(t) {
            "Mr." | "Mr" | "Sir" | "King" | "Prince" | "Lord" => return Gender::Male,
            "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Queen" | "Princess" | "Lady" | "Dame" => return Gender::Female,
            _ => {}
        }
    }
    Gender::Unknown
}

/// The entity a name belongs to when no entity has the same name: the most recent one ending
/// in the same word, when the first names do not conflict ("Dmitriev" → "Kirill Dmitriev").
/// (`entity_words`: how many words each entity's name has, which says whether it is a single
/// word without a search of it for a space.)
#[inline(always)]
fn same_last_word(
    entities: &[EntityDraft<'_>],
    entity_words: &[usize],
    latest: usize,
    first_word: &[u8],
    word_count: usize,
    kind: EntityKind,
) -> Option<usize> {
    if kind == EntityKind::Organisation || latest == NONE {
        return None;
    }
    let e = latest;
    let entity = &entities[e];
    // Its words are tokens (no spaces) joined by single spaces: its first word is
    // `first_word` when it starts so and a space follows.
    let name = entity.name.as_bytes();
    let same_first = name.starts_with(first_word) && name.get(first_word.len()) == Some(&b' ');
    let compatible = entity.kind != EntityKind::Organisation && (word_count == 1 || entity_words[e] == 1 || same_first);
    compatible.then_some(e)
}

/// Whether `entity` is surely of another gender than `gender` (known and sure): a name of the
/// other gender is someone else ("Mr. Clinton", "Mrs. Clinton").
#[inline(always)]
fn other_sure_gender(entity: &EntityDraft<'_>, gender: Gender) -> bool {
    entity.sure_gender & (entity.gender != gender) & (entity.gender != Gender::Unknown) & (gender != Gender::Unknown)
}

/// The latest person whose name ends in `last_word`, compatible with a name of `word_count`
/// words starting `first_word` (as [`same_last_word`] has it), whose gender is not another than
/// `gender`: the entity a name joins when the one its words point to is of the other gender.
/// (Asked only then, rarely: a walk back over the entities.)
#[inline(never)]
fn same_name_and_gender(
    mentions: &Mentions<'_>,
    last_word: &[u8],
    first_word: &[u8],
    word_count: usize,
    gender: Gender,
) -> Option<usize> {
    (0..mentions.entities.len()).rev().find(|&e| {
        let entity = &mentions.entities[e];
        let name = entity.name.as_bytes();
        let ends = name.ends_with(last_word)
            && (name.len() == last_word.len() || name[name.len() - last_word.len() - 1] == b' ');
        ends && entity.kind == EntityKind::Person
            && !other_sure_gender(entity, gender)
            && same_last_word(
                &mentions.entities,
                &mentions.entity_words,
                e,
                first_word,
                word_count,
                EntityKind::Person,
            )
            .is_some()
    })
}

/// What a speaker mention is, for resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    Name,
    Pronoun,
    Description(DescKind),
}

impl<'t> Mentions<'t> {
    /// The entity for a description nobody it could refer to was found for ("Democrats", "a
    /// spokesman for the ministry"), shared by every description worded the same way.
    /// Nine descriptions in ten are new to their text and half have a capital, so a
    /// lowercase `String` key cost one or two allocations besides the name's: the key is the
    /// hash of the wording lowercased on the stack, checked against the entity's name.
    pub fn described(&mut self, wording: &str, kind: EntityKind) -> usize {
        let mut buffer = [0; 64];
        let owned;
        let lower: &[u8] = match buffer.get_mut(..wording.len()) {
            Some(short) if is_ascii(wording) => {
                short.copy_from_slice(wording.as_bytes());
                short.make_ascii_lowercase();
                short
            }
            _ => {
                owned = crate::case::lowercase(wording);
                owned.as_bytes()
            }
        };
        // `lowercase(name) == lower`, for a name of an entity made here (its first wording).
        let same = |name: &str| {
            if is_ascii(name) {
                eq_ignore_case(name.as_bytes(), lower)
            } else {
                crate::case::lowercase(name).as_bytes() == lower
            }
        };
        let mut key = BuildHasherDefault::<FxHasher>::default().hash_one(lower);
        while let Some(e) = self.by_description.get(key) {
            if same(&self.entities[e].name) {
                return e;
            }
            key = key.wrapping_add(1);
        }
        self.entities.push(EntityDraft {
            name: Cow::Owned(wording.to_string()),
            kind,
            gender: Gender::Unknown,
            sure_gender: false,
            not_a_person: Cell::new(None),
            speaks: 0,
            last_role: None,
        });
        let e = self.entities.len() - 1;
        self.by_description.insert(key, e);
        e
    }

    /// The latest entity of `kind`, from entity `after` on and among the last 64 made, whose
    /// name holds the lowercase noun `head` as a word, as descriptions do ("a senior envoy
    /// involved in the talks" for "envoy"; not a name in capitals, "Democratic Congressional
    /// Campaign Committee" for "campaign"). (A bounded look back: a long text has thousands of
    /// entities, and a scan of them all per description made a 1 MB document 3% slower.)
    pub fn described_with_head(&self, head: &str, kind: EntityKind, after: usize) -> Option<usize> {
        let after = after.max(self.entities.len().saturating_sub(64));
        let later = self.entities.get(after..)?;
        let i = later
            .iter()
            .rposition(|e| e.kind == kind && e.name.split([' ', '\u{a0}']).any(|word| word == head))?;
        Some(after + i)
    }

    /// The entity a name the finder did not keep stands for ("Priya" opening a sentence, when
    /// it is never capitalised anywhere else): the one written so, else the latest whose name
    /// ends with it, else the one whose name starts with it.
    pub fn entity_named(&self, text: &str, wording: &str) -> Option<usize> {
        let entry = self.table.get(text, wording.as_bytes())?;
        [entry.entity, entry.latest, entry.first_of]
            .into_iter()
            .find(|&e| e != NONE && e != AMBIGUOUS)
    }

    /// The entity of the name that covers token `t`, if any.
    // (Out of line in the browser build: a binary search inlined at each of a dozen uses.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn name_at(&self, t: usize) -> Option<&Name> {
        let i = self.names.partition_point(|n| n.tokens.end <= t);
        self.names.get(i).filter(|n| n.tokens.start <= t)
    }

    /// Resolves a pronoun or description at token `t` (sentence `s`) to an entity.
    pub fn resolve(
        &self,
        doc: &Document,
        t: usize,
        s: usize,
        kind: MentionKind,
        last_speaker: Option<usize>,
    ) -> Option<usize> {
        let token = &doc.tokens[t];
        // The headline is read before the story: its descriptions are resolved once every
        // speaker is known (see `claims`).
        if self.headline == Some(token.line as usize) && kind != MentionKind::Name {
            return None;
        }
        match kind {
            MentionKind::Name => self.name_at(t).map(|n| n.entity),
            MentionKind::Pronoun => {
                // ("she’s": the pronoun's own information, which the contraction's lacks.)
                let (info, word) = if token.possessive != 0 {
                    (contraction_info(doc, token), strip_possessive(doc.word(t)))
                } else {
                    (token.info, doc.word(t))
                };
                let plural = info.has(PLURAL);
                if eq_ignore_case(word, "i") || eq_ignore_case(word, "we") {
                    return None;
                }
                let it = eq_ignore_case(word, "it");
                let gender = info.gender();
                let fits = |e: usize| {
                    let e = &self.entities[e];
                    if plural {
                        e.kind != EntityKind::Person
                    } else if it {
                        e.kind == EntityKind::Organisation
                    } else {
                        may_be_person_of(e, gender)
                    }
                };
                if plural {
                    if let Some(speaker) = self.speaker_just_before(doc, t, s, last_speaker).filter(|&e| fits(e)) {
                        return Some(speaker);
                    }
                }
                self.salient(doc, t, s, &fits, last_speaker)
            }
            MentionKind::Description(desc) => {
                let head = lowercase(doc.word(t));
                // "the 43-year-old": the age is the role asked for ("Ebert, 43, …").
                let role = age_of(&head).unwrap_or(&head);
                // (Asked only of the kinds whose look-up depends on it.)
                let definite = || self.is_definite(doc, t);
                // Few descriptions are a role word some entity was seen with ("the minister"),
                // and a text has a few role words: where none of them is the head, no name's
                // entity can have it, and the walk back over the names is spared (it found
                // one for 80 descriptions of 2,583 in PolNeAR train, and mispredicted its way
                // through up to 64 names for the others).
                // (A long text's many role words are not each tested: the walk, bounded,
                // costs less than a test of them all for every description.)
                let role_known = self.role_buckets >> role_bucket(role.as_bytes()) & 1 != 0
                    && (self.roles.len() > ROLES_TESTED || self.roles.iter().any(|r| role_is(r.word, role)));
                if let Some(e) = role_known
                    .then(|| self.salient(doc, t, s, &|e| self.has_role(e, role), None))
                    .flatten()
                    .filter(|&e| !introduced(doc, t) || self.same_employer(doc, t, s, e))
                {
                    return Some(e);
                }
                // ("the widow said": not someone known to be a man.)
                let gender = token.info.gender();
                // "the lawmaker": someone given a role it stands for ("Sen. …", "congresswoman
                // …"), where no one was given its own word. (Only where the text has role
                // words at all, and only a definite description.)
                if !self.roles.is_empty() && definite() {
                    if let Some(e) = self.synonym_role(doc, t, s, role, gender) {
                        return Some(e);
                    }
                }
                let person = |e: usize| {
                    let e = &self.entities[e];
                    e.kind == EntityKind::Person && may_be_someone(e) && !other_sure_gender(e, gender)
                };
                match desc {
                    // "His son said", "Trump’s lawyer said": someone of the one named, not
                    // them (a role seen with a name was asked above).
                    DescKind::Person if is_possessed(doc, t) => None,
                    // ("the reporter asked": the other side of an interview is nobody quoted
                    // before, unless seen with that role, as asked above.)
                    DescKind::Person if definite() && !is_interlocutor(&head) => {
                        self.salient(doc, t, s, &person, last_speaker)
                    }
                    // (A message that names its author, found or not, is not the last
                    // person's: "A statement from the ministry said".)
                    // (Nor is a document a body or a side speaks through: "the lawsuit", "the
                    // editorial", "the ad" are not the last person quoted.)
                    DescKind::Message => match self.author_after(doc, t, s, last_speaker) {
                        Some(author) => author,
                        None => self.issuer(doc, t, s).or_else(|| {
                            if matches!(&*head, "lawsuit" | "editorial" | "ad") {
                                self.owner_within(doc, t, s, last_speaker)
                            } else {
                                self.salient(doc, t, s, &person, last_speaker)
                            }
                        }),
                    },
                    DescKind::Organisation if definite() => {
                        // "the ministry": a body of that word; "the company", "the firm": also
                        // one whose name ends as a business's does ("Nexora Semiconductor").
                        // "the agency": also a government body named as one ("the Food and
                        // Drug Administration", "the Centers for Disease Control").
                        let business = is_business_word(&head);
                        let agency = &*head == "agency";
                        self.salient(
                            doc,
                            t,
                            s,
                            &|e| {
                                let e = &self.entities[e];
                                e.kind == EntityKind::Organisation
                                    && (contains_lowercase(&e.name, &head)
                                        || business && is_business_word(crate::last_word(&e.name))
                                        || agency && AGENCY_WORDS.iter().any(|w| contains_lowercase(&e.name, w)))
                            },
                            None,
                        )
                    }
                    // (Not "a reporter", the one who asks the next sentence's speaker.)
                    DescKind::Person if !is_interlocutor(&head) && self.named_next(doc, s).is_some() => {
                        // A lede that introduces someone before naming them: "A senior advisor
                        // said … . Kirill Dmitriev, …, made the claim".
                        self.named_next(doc, s)
                    }
                    _ => None,
                }
            }
        }
    }

    /// Whether the indefinite description at `t` (sentence `s`) may stand for `e`, someone
    /// given its role: "a spokesman" is someone new, unless `e` is named in its own sentence
    /// (an apposition: "Jim Tull, a spokesman for Brightline, said"), or it names an employer
    /// that is named in the sentence that last named `e` ("A spokesman for Brightline" after
    /// "Jim Tull, a spokesman for Brightline"; not after "Dana Ruiz, a spokeswoman for the
    /// city"). (Rare: out of line.)
    #[cold]
    #[inline(never)]
    fn same_employer(&self, doc: &Document, t: usize, s: usize, e: usize) -> bool {
        let end = self.names.partition_point(|n| n.tokens.start < t);
        let recent = self.names.get(end.saturating_sub(64)..end).unwrap_or_default();
        let Some(named) = recent.iter().rfind(|n| n.entity == e) else {
            return false;
        };
        let sentence = named.sentence;
        sentence == s
            || crate::attribution::employer_after(doc, self, t).is_some_and(|employer| {
                recent
                    .iter()
                    .any(|n| n.sentence == sentence && n.entity == employer.entity)
            })
    }

    /// The most salient person given a role that description head `head` (lowercase) may
    /// stand for ([`crate::lexicon::role_synonyms`]), not known to be of the other `gender`.
    #[inline(never)]
    fn synonym_role(&self, doc: &Document, t: usize, s: usize, head: &str, gender: Gender) -> Option<usize> {
        let synonyms = crate::lexicon::role_synonyms(head);
        if synonyms.is_empty() {
            return None;
        }
        let is = |role: &str| is_synonym(synonyms, role);
        // (Most texts give no one such a role: then no walk back over the names.)
        if !self.roles.iter().any(|r| is(r.word)) {
            return None;
        }
        let fits = |e: usize| !other_sure_gender(&self.entities[e], gender) && self.any_role(e, is);
        self.salient(doc, t, s, &fits, None)
    }

    /// "A statement from Cruz said", "a letter by the White House reads": the author a message
    /// names after "from" or "by" (a name, or a description resolved as its own), or
    /// `Some(None)` where one is named but not found ("from the ministry", no ministry named
    /// before); `None` where the message names no author. (Rare: out of line.)
    #[cold]
    #[inline(never)]
    fn author_after(&self, doc: &Document, t: usize, s: usize, last_speaker: Option<usize>) -> Option<Option<usize>> {
        let end = doc.sentences.get(s)?.tokens.end;
        let by = t + 1;
        if by >= end || !matches!(doc.word(by), "from" | "by") {
            return None;
        }
        // The author's first word past determiners ("the", "its"), within three words.
        let mut head = (by + 1..end.min(by + 4)).find(|&i| !doc.tokens[i].info.has(DETERMINER))?;
        if let Some(name) = self.name_at(head) {
            // (Not a name that modifies a noun after it: "from the Sanders rapid-response
            // director" is the director's. "From Ryan’s office" is Ryan's.)
            let possessive = doc.tokens[name.tokens.end - 1].possessive > 0;
            let modifies = doc.tokens.get(name.tokens.end).is_some_and(|next| {
                !possessive
                    && name.tokens.end < end
                    && next.kind == TokenKind::Word
                    && !next.cap
                    && !next.info.has(FUNCTION)
                    && !next.info.is_cue()
            });
            if !modifies {
                return Some(Some(name.entity));
            }
            head = name.tokens.end;
        }
        // The head of a description may follow its modifiers ("the foreign ministry").
        let described = (head..end.min(head + 3))
            .take_while(|&i| doc.tokens[i].kind == TokenKind::Word)
            .find_map(|i| match doc.tokens[i].info.desc() {
                Some(kind @ (DescKind::Person | DescKind::Organisation | DescKind::Group)) => Some((i, kind)),
                _ => None,
            });
        Some(described.and_then(|(i, kind)| self.resolve(doc, i, s, MentionKind::Description(kind), last_speaker)))
    }

    /// "her new Iowa ad", "A memorable Hillary Clinton ad": the person or body the words
    /// before the head `t` name as a document's owner, a possessive pronoun's antecedent or a
    /// name that is no place's, back to the determiner. (Rare: out of line.)
    #[cold]
    #[inline(never)]
    fn owner_within(&self, doc: &Document, t: usize, s: usize, last_speaker: Option<usize>) -> Option<usize> {
        let first = doc.sentences[s].tokens.start;
        let mut i = t;
        while i > first && t - i < 5 {
            i -= 1;
            let token = &doc.tokens[i];
            if token.kind != TokenKind::Word || token.in_quote {
                return None;
            }
            if token.info.has(DETERMINER) {
                // ("her new ad": the person "her" stands for, as "she" would.)
                let gender = if eq_ignore_case(doc.word(i), "his") {
                    Gender::Male
                } else if eq_ignore_case(doc.word(i), "her") {
                    Gender::Female
                } else {
                    return None;
                };
                let fits = |e: usize| may_be_person_of(&self.entities[e], gender);
                return self.salient(doc, i, s, &fits, last_speaker);
            }
            // (A name the finder left as a modifier, "Clinton" of "One Clinton ad", by the
            // entity the story's names give the word to.)
            let named = match self.name_at(i) {
                Some(name) => Some(name.entity),
                None if token.cap
                    && token.possessive == 0
                    && not_a_person(doc.word(i).as_bytes()) != Some(NotAPerson::Place) =>
                {
                    self.entity_named(doc.text, doc.word(i))
                }
                None => None,
            };
            if let Some(e) = named.filter(|&e| self.entities[e].not_a_person() != Some(NotAPerson::Place)) {
                return Some(e);
            }
        }
        None
    }

    /// "The union said in a statement … . The statement said": a message spoken of again is
    /// the speaker's who introduced it ("a statement", within a few sentences), not the last
    /// person named. `None` where no speaker of that sentence is known yet. (Rare: out of
    /// line.)
    #[cold]
    #[inline(never)]
    fn issuer(&self, doc: &Document, t: usize, s: usize) -> Option<usize> {
        const WINDOW: usize = 6;
        if !self.is_definite(doc, t) {
            return None;
        }
        let head = doc.word(t);
        let first = doc.sentences[s.saturating_sub(WINDOW)]
            .tokens
            .start
            .max(t.saturating_sub(400));
        // (By length first: the walk back passes up to 400 words, nearly none of them the head,
        // and each word's text cost a check of its character boundaries.)
        let introduced = (first + 1..t).rev().find(|&i| {
            doc.tokens[i].span.len() == head.len()
                && eq_ignore_case(doc.word(i), head)
                && ["a", "an"].iter().any(|a| eq_ignore_case(doc.word(i - 1), a))
        })?;
        let span = doc.sentences[doc.sentence_of(introduced)].span;
        let spoken = self.spoken.iter().rev().take(32);
        spoken
            .filter(|(_, mention)| span.start <= mention.start && mention.end <= span.end)
            .map(|&(e, _)| e)
            .next()
    }

    fn is_definite(&self, doc: &Document, head: usize) -> bool {
        let mut t = head;
        while t > 0 && head - t < 6 {
            t -= 1;
            if doc.tokens[t].info.has(DETERMINER) {
                // ("a", "an", "one", "another": an indefinite introduces someone new.)
                let w = doc.word(t);
                return !["a", "an", "one", "another"].iter().any(|i| eq_ignore_case(w, i));
            }
        }
        true
    }

    /// The person the next sentence opens with, in apposition ("Kirill Dmitriev, a key
    /// figure …"): how a lede names someone it first only described.
    fn named_next(&self, doc: &Document, s: usize) -> Option<usize> {
        let next = doc.sentences.get(s + 1)?;
        let i = self.names.partition_point(|n| n.sentence <= s);
        let name = self.names.get(i).filter(|n| n.tokens.start == next.tokens.start)?;
        let comma_follows = doc
            .tokens
            .get(name.tokens.end)
            .is_some_and(|t| t.punct(doc.text) == Some(','));
        (comma_follows && self.entities[name.entity].kind == EntityKind::Person).then_some(name.entity)
    }

    /// Whether entity `e` has the role word `word`, written the same way (a role written
    /// otherwise, "president" for "President", is kept: its answers are the same, and it is
    /// one more at most per spelling).
    #[inline(never)]
    fn knows_role(&self, e: usize, word: &str) -> bool {
        self.any_role(e, |role| role == word)
    }

    /// Whether entity `e` was seen with the role word `lower` (lowercase), e.g. "minister".
    fn has_role(&self, e: usize, lower: &str) -> bool {
        self.any_role(e, |role| role_is(role, lower))
    }

    /// Whether one of entity `e`'s role words, newest first, is one that `is` accepts.
    #[inline(always)]
    fn any_role(&self, e: usize, is: impl Fn(&str) -> bool) -> bool {
        let mut at = self.entities[e].last_role;
        while let Some(i) = at {
            let role = &self.roles[i];
            if is(role.word) {
                return true;
            }
            at = role.previous;
        }
        false
    }

    /// Runs `f` (a speaker's resolution) with `said`, the statement it made, known to
    /// [`Mentions::salient`]: someone named in it is no pronoun's antecedent.
    pub fn speaking<R>(&mut self, said: Span, f: impl FnOnce(&mut Self) -> R) -> R {
        self.said = said;
        let r = f(self);
        self.said = Span::new(0, 0);
        r
    }

    /// Whether entity `e` is named in the statement being made ([`Mentions::speaking`]).
    fn named_in_said(&self, e: usize) -> bool {
        let said = self.said;
        if said.start == said.end {
            return false;
        }
        let first = self.names.partition_point(|n| n.span.start < said.start);
        self.names[first..]
            .iter()
            .take_while(|n| n.span.start < said.end)
            .any(|n| n.entity == e)
    }

    /// The most salient entity before token `t` that `fits`: the previous speaker when it
    /// fits and is recent, else the first fitting name in this sentence (before `t`), then in
    /// each earlier sentence (a bounded window), captions and credits passed over.
    fn salient(
        &self,
        doc: &Document,
        t: usize,
        s: usize,
        fits: &dyn Fn(usize) -> bool,
        last_speaker: Option<usize>,
    ) -> Option<usize> {
        const WINDOW: usize = 6;
        let fits = &|e: usize| fits(e) && !self.named_in_said(e);
        let end = self.names.partition_point(|n| n.tokens.start < t);
        let mut i = end;
        let mut current_sentence = s;
        let mut first_fit: Option<usize> = None;
        // A fitting name right after a fronted clause, the sentence's subject ("Asked about
        // Mensah, Henderson smiled"): taken before the first name, which is the clause's.
        let mut subject_fit: Option<usize> = None;
        // The sentence's fronted clause's end, found at its first fitting name: only a
        // fitting name asks for it, and most sentences walked back over have none (the walk
        // ends at the sentence after the first fit).
        let mut opener: Option<Option<usize>> = None;
        let mut speaker_seen = false;
        // A caption's sentence, whose names are passed over (tested once per sentence where
        // a name first fits: most calls test one sentence).
        let mut caption = usize::MAX;
        // A bounded look back: salience fades, and a sentence full of names stays linear.
        let floor = end.saturating_sub(64);
        while i > floor {
            let name = &self.names[i - 1];
            if name.sentence != current_sentence {
                if first_fit.is_some() {
                    break;
                }
                // A name past the pronoun's own sentence (its sentence was split around a
                // quotation) is no antecedent; one too far back ends the search.
                if name.sentence > s {
                    i -= 1;
                    continue;
                }
                if s - name.sentence > WINDOW {
                    break;
                }
                current_sentence = name.sentence;
                opener = None;
            }
            if fits(name.entity) && name.sentence != caption {
                if first_fit.is_none() && in_caption(doc, name.sentence) {
                    caption = name.sentence;
                    i -= 1;
                    continue;
                }
                first_fit = Some(name.entity);
                let opener = *opener.get_or_insert_with(|| self.opener_end(doc, current_sentence));
                // (Asked from the opener's side: a name may be the text's first token.)
                if opener.is_some_and(|end| end + 1 == name.tokens.start) {
                    subject_fit = first_fit;
                }
                speaker_seen |= Some(name.entity) == last_speaker;
            }
            i -= 1;
        }
        // The first fitting name of the nearest sentence that has one.
        match (subject_fit.or(first_fit), last_speaker) {
            (Some(e), Some(sp)) if e != sp && speaker_seen => Some(sp),
            (Some(e), _) => Some(e),
            (None, Some(sp)) if fits(sp) => Some(sp),
            _ => None,
        }
    }
}

impl Mentions<'_> {
    /// The last speaker, where the latest speaker credited was it, in the words of sentence `s`
    /// or the one before, before token `t`: "…, said the people, who asked not to be named. The
    /// talks could still collapse, they cautioned." A speaker described, not named, is in no
    /// name [`Mentions::salient`] walks back over, and "they" went to a company named before.
    fn speaker_just_before(&self, doc: &Document, t: usize, s: usize, last_speaker: Option<usize>) -> Option<usize> {
        let speaker = last_speaker?;
        let &(e, mention) = self.spoken.last()?;
        let from = doc.sentences.get(s.saturating_sub(1))?.span.start;
        (e == speaker && from <= mention.start && mention.end <= doc.tokens[t].span.start).then_some(speaker)
    }

    /// Where sentence `s`'s fronted clause ends, at its comma ("Asked about Mensah, Henderson
    /// smiled", "After meeting Obama, Clinton said"): a name right after it is the sentence's
    /// subject. `None` for a sentence that opens with a name or with no such clause.
    fn opener_end(&self, doc: &Document, s: usize) -> Option<usize> {
        let tokens = doc.sentences.get(s)?.tokens.clone();
        let first = tokens.start;
        if first >= tokens.end || doc.tokens[first].kind != TokenKind::Word || self.name_at(first).is_some() {
            return None;
        }
        let word = doc.word(first);
        let participle = word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing"));
        if !participle && !OPENERS.iter().any(|w| eq_ignore_case(word, w)) {
            return None;
        }
        (first + 1..tokens.end.min(first + 24)).find(|&i| doc.tokens[i].punct(doc.text) == Some(','))
    }
}

/// Words that name a government body an agency ("the agency" after "the Food and Drug
/// Administration"), besides "agency" itself.
const AGENCY_WORDS: [&str; 6] = [
    "administration",
    "bureau",
    "centers",
    "commission",
    "service",
    "authority",
];

/// Words that open a fronted clause or phrase before a sentence's subject.
const OPENERS: [&str; 12] = [
    "after", "when", "while", "before", "since", "although", "though", "despite", "during", "unlike", "like", "as",
];

/// Whether role word `role` (as written) is one of `synonyms` (a line's rest in
/// role-synonyms.txt): a synonym in lowercase is a role given in lowercase, a capitalised one a
/// role given in any case. (Out of line: [`Mentions::synonym_role`] asks it of every role
/// word first, then of the roles of the names it walks back over.)
#[inline(never)]
fn is_synonym(synonyms: &[u8], role: &str) -> bool {
    synonyms
        .split(|&b| b == b' ')
        .any(|w| role.as_bytes() == w || (w.first().is_some_and(u8::is_ascii_uppercase) && eq_ignore_case(role, w)))
}

/// The age of an age's description, "43" of "43-year-old".
fn age_of(head: &str) -> Option<&str> {
    head.strip_suffix("-year-old")
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the description with head `head` is introduced as someone new, by "a", "an", "one"
/// or "another" among its modifiers ("a spokesman", "one former executive"; not "a fourth term
/// as prime minister", whose "a" is another phrase's).
fn introduced(doc: &Document, head: usize) -> bool {
    let mut t = head;
    while t > 0 && head - t < 4 {
        t -= 1;
        let token = &doc.tokens[t];
        if token.info.has(DETERMINER) {
            let w = doc.word(t);
            return ["a", "an", "one", "another"].iter().any(|i| eq_ignore_case(w, i));
        }
        if !matches!(token.kind, TokenKind::Word | TokenKind::Number) || token.info.has(FUNCTION) {
            return false;
        }
    }
    false
}

/// Whether the description with head `head` is someone's: a possessive before it among its
/// modifiers ("his son", "Trump’s campaign lawyer", "the company’s chief").
fn is_possessed(doc: &Document, head: usize) -> bool {
    let mut t = head;
    while t > 0 && head - t < 5 {
        t -= 1;
        let token = &doc.tokens[t];
        if token.kind != TokenKind::Word || token.in_quote {
            return false;
        }
        if token.possessive != 0 {
            return true;
        }
        // The phrase's determiner: a possessive one ("his"), or another ("the", "a").
        if token.info.has(DETERMINER) {
            let word = doc.word(t);
            return ["his", "her", "their", "its", "my", "our", "your"]
                .iter()
                .any(|p| eq_ignore_case(word, p));
        }
    }
    false
}

/// Whether a person entity may be someone a pronoun or description ("he", "the official")
/// stands for: not when its name, with no given name or title to give it a gender, is a
/// place's or a people's adjective ("Vermont", "New Hampshire", "Democratic"), capitalised
/// words the name finder cannot tell from a surname. Asked only of the candidates such a
/// mention passes, not of every name (a look-up for each new name cost 1% of all).
fn may_be_someone(e: &EntityDraft) -> bool {
    e.gender != Gender::Unknown || e.not_a_person().is_none()
}

/// Whether `e` may be the person a pronoun of `gender` stands for ("she", "her new ad"): a
/// person not known to be of the other gender, and someone ([`may_be_someone`]).
#[inline]
fn may_be_person_of(e: &EntityDraft, gender: Gender) -> bool {
    e.kind == EntityKind::Person && (e.gender == Gender::Unknown || e.gender == gender) && may_be_someone(e)
}

impl EntityDraft<'_> {
    /// [`lexicon::not_a_person`](crate::lexicon::not_a_person) of the name, looked up once per
    /// entity: the same speakers and antecedents are asked about again and again.
    pub fn not_a_person(&self) -> Option<NotAPerson> {
        match self.not_a_person.get() {
            Some(known) => known,
            None => self.look_up_not_a_person(),
        }
    }

    #[cold]
    #[inline(never)]
    fn look_up_not_a_person(&self) -> Option<NotAPerson> {
        let answer = not_a_person(self.name.as_bytes());
        self.not_a_person.set(Some(answer));
        answer
    }
}

/// Whether `head` (lowercase) names who asks in an interview, not who answers: "the reporter",
/// "the moderator", "the host".
fn is_interlocutor(head: &str) -> bool {
    ["reporter", "interviewer", "moderator", "host", "anchor", "questioner"].contains(&head)
}

/// `word` lowercased ([`crate::case::lowercase`]), borrowed when the word has no capital to
/// lower (most role words, descriptions and headwords): no copy is made only to be compared
/// and dropped.
fn lowercase(word: &str) -> Cow<'_, str> {
    crate::case::lowercase(word)
}

/// Whether `name`, lowercased, contains `word` (lowercase already): "the ministry" finds "Ministry
/// of Finance". ASCII names are compared in place; the lowercase copy of every candidate's name
/// this replaced showed in the wasm profile (2% of a pass, mostly its substring search).
pub(crate) fn contains_lowercase(name: &str, word: &str) -> bool {
    if !(is_ascii(name) && is_ascii(word)) {
        // (A window search, not `str::contains`: the rare non-ASCII name is not worth the two-way
        // searcher's 2 KB in the browser build, the only use of it.)
        let (name, word) = (crate::case::lowercase(name), word.as_bytes());
        return word.is_empty() || name.as_bytes().windows(word.len()).any(|w| w == word);
    }
    let word = word.as_bytes();
    word.is_empty() || name.as_bytes().windows(word.len()).any(|w| eq_ignore_case(w, word))
}

#[cfg(test)]
mod tests {
    use super::contains_lowercase;
    use crate::segment::Document;

    /// A table reused for text after text, growing in some, finds each text's keys and no
    /// other text's: its slots are emptied by its entries, not cleared whole.
    #[test]
    fn the_name_table_reused_knows_each_text_alone() {
        let mut table = super::NameTable::default();
        for round in 0usize..6 {
            let text: String = (0..40 * (round % 3 + 1)).map(|k| format!("N{round}x{k} ")).collect();
            let words: Vec<(usize, &str)> = text
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
                .collect();
            table.reset(4);
            for (k, &(at, word)) in words.iter().enumerate() {
                assert_eq!(table.entry(&text, word.as_bytes(), Some(at)), k);
            }
            for (k, &(at, word)) in words.iter().enumerate() {
                assert_eq!(table.entry(&text, word.as_bytes(), Some(at)), k, "round {round}");
                assert!(table.get(&text, word.as_bytes()).is_some());
            }
            let before = format!("N{}x0", round.wrapping_sub(1));
            assert!(table.get(&text, before.as_bytes()).is_none());
            assert_eq!(table.entries.len(), words.len());
        }
    }

    /// Descriptions worded alike but for case share an entity (as their lowercase wordings
    /// are equal), whatever the script; others get their own.
    #[test]
    fn described_merges_wordings_equal_in_lowercase() {
        let doc = Document::new("Nothing here.");
        let mut mentions = super::find(&doc);
        let person = crate::EntityKind::Person;
        let democrats = mentions.described("Democrats", person);
        assert_eq!(mentions.described("democrats", person), democrats);
        assert_eq!(mentions.described("DEMOCRATS", person), democrats);
        let elysee = mentions.described("ÉLYSÉE officials", person);
        assert_eq!(mentions.described("élysée officials", person), elysee);
        let kelvin = mentions.described("МИНИСТЕРСТВО", person);
        assert_eq!(mentions.described("министерство", person), kelvin);
        let long = "a spokesman for the ministry of finance and economic development of the region";
        let spokesman = mentions.described(long, person);
        assert_eq!(mentions.described(&long.to_uppercase(), person), spokesman);
        let all = [
            democrats,
            elysee,
            kelvin,
            spokesman,
            mentions.described("Republicans", person),
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|b| b != a), "{all:?}");
        }
    }

    /// The descriptions' table grows past its first slots and still finds every wording, each
    /// its own entity, and none once cleared for the next text.
    #[test]
    fn described_finds_each_of_many_wordings() {
        let doc = Document::new("Nothing here.");
        let mut mentions = super::find(&doc);
        let person = crate::EntityKind::Person;
        let wordings: Vec<String> = (0..1000).map(|i| format!("official number {i}")).collect();
        let entities: Vec<usize> = wordings.iter().map(|w| mentions.described(w, person)).collect();
        for (w, &e) in wordings.iter().zip(&entities) {
            assert_eq!(mentions.described(&w.to_uppercase(), person), e, "{w}");
        }
        let mut distinct = entities.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), wordings.len());
        mentions.by_description.clear();
        assert!(mentions.described(&wordings[0], person) > entities[entities.len() - 1]);
    }

    /// Each role word is kept once per entity however often the title comes back: a chain
    /// that grew with every "President Lopez" made each description's look-up walk them all,
    /// quadratic in a long document.
    #[test]
    fn a_role_is_kept_once_per_entity() {
        let text = "On Monday, President Maria Lopez spoke. The president said the talks would resume. \
            Foreign Minister Ana Kab agreed, the minister said.\n\n"
            .repeat(200);
        let mut doc = Document::new(&text);
        crate::quotes::find(&mut doc);
        doc.split_sentences();
        let mentions = super::find(&doc);
        let mut roles: Vec<(usize, &str)> = mentions.roles.iter().map(|r| (r.entity, r.word)).collect();
        assert!(roles.iter().any(|&(_, w)| w == "President"), "{roles:?}");
        assert!(roles.iter().any(|&(_, w)| w == "Minister"), "{roles:?}");
        let all = roles.len();
        roles.sort_unstable();
        roles.dedup();
        assert_eq!(all, roles.len(), "a role word kept twice for one entity");
        assert!(all <= 6, "{all} roles for two people: {roles:?}");
    }

    /// A role word and a head it is (by `role_is`) have the same bucket, as `push_roles`
    /// computes it for the role and `resolve` for the head, so the filter turns no match away.
    #[test]
    fn a_role_and_its_head_share_a_bucket() {
        for (role, head) in [
            ("President", "president"),
            ("MINISTER", "minister"),
            ("Sen.", "sen."),
            ("Ministre", "ministre"),
            ("Député", "député"),
            ("ÉLU", "élu"),
        ] {
            let head = super::lowercase(head);
            assert!(super::role_is(role, &head), "{role:?} {head:?}");
            assert_eq!(
                super::role_word_bucket(role),
                super::role_bucket(head.as_bytes()),
                "{role:?}"
            );
        }
    }

    /// The in-place comparison agrees with lowercasing the name, ASCII or not.
    #[test]
    fn contains_lowercase_is_lowercase_then_contains() {
        for (name, word) in [
            ("Ministry of Finance", "ministry"),
            ("Ministry of Finance", "finance"),
            ("Ministry of Finance", "ministries"),
            ("MINISTRY", "ministry"),
            ("Ministère des Finances", "finances"),
            ("ÉLYSÉE", "élysée"),
            ("Ab", ""),
            ("", "a"),
        ] {
            assert_eq!(
                contains_lowercase(name, word),
                name.to_lowercase().contains(word),
                "{name:?} {word:?}"
            );
        }
    }
}
