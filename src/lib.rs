//! quotelens finds *who said what* in news text.
//!
//! [`annotate`] reads plain text (paragraphs separated by blank lines, headline first) and
//! returns direct quotes with their speakers and cues, reported and check-worthy claims, and the
//! entities that speak. All ranges are byte ranges into the input; [`schema`] turns them into
//! the JSON shape (UTF-16 offsets) that the CLI prints and the WASM binding's JavaScript builds
//! (from the numbers of `wire`).
//!
//! The pipeline runs one way, one module a stage:
//! [`segment`] → [`quotes`] → [`mentions`] → [`attribution`] → [`claims`].

// A `&text[a..b]` of a `str` (and `str::split_at`) panics through core's message for a cut
// inside a character, which formats that character with `{:?}`: the browser build then carries
// core's Debug escaping and its Unicode tables (printable, grapheme extend), ~7 KB raw and
// 3.8 KB gzip of wasm for a panic the core never reaches. Cut strings with `text.get(a..b)` or
// slice the bytes instead; clippy (`-D warnings`) holds this outside the tests.
#![cfg_attr(not(test), warn(clippy::string_slice))]

/// A lexicon file (`data/lexicons/*.txt`, path relative to the file that names it), compiled
/// in without its comment and blank lines: the comments are for the data's readers, and were
/// about a quarter of the lexicons' bytes in the browser build. Stripped at compile time
/// ([`lexicon::uncommented`]), so the binary holds only the entries.
macro_rules! lexicon_file {
    ($path:literal) => {{
        const SOURCE: &[u8] = include_bytes!($path);
        const LEN: usize = $crate::lexicon::uncommented_len(SOURCE);
        const BYTES: [u8; LEN] = $crate::lexicon::uncommented::<LEN>(SOURCE);
        const TEXT: &str = match core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("a lexicon file is not UTF-8"),
        };
        TEXT
    }};
}

pub mod attribution;
mod case;
pub mod checkworthy;
pub mod claims;
#[cfg(target_arch = "wasm32")]
mod heap;
mod json;
mod lexicon;
pub mod mentions;
pub mod offsets;
pub mod quotes;
pub mod schema;
pub mod segment;
mod sort;
mod swar;
#[cfg(target_arch = "wasm32")]
mod wasm;
mod wire;

/// A half-open byte range `start..end` into the annotated text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers. Spans made by this crate always fall on char boundaries.
    // (Out of line in the browser build: its two char-boundary tests, inlined at each of some
    // seventy uses, came to 8 KB of wasm.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The words of a name or wording after its last space ("Smith" of "John Smith"), all of it
/// if it has none: `rsplit(' ').next()` without std's splitter and reverse byte search, which
/// only these few per-name tests used in the browser build (~1.3 KB raw of wasm).
pub(crate) fn last_word(text: &str) -> &str {
    let at = text.bytes().rposition(|b| b == b' ').map_or(0, |space| space + 1);
    text.get(at..).unwrap_or(text)
}

/// The word before the first space ("John" of "John Smith"), `None` if there is no space:
/// `split_once(' ')`'s first part, without its splitter.
pub(crate) fn first_word(text: &str) -> Option<&str> {
    text.get(..text.bytes().position(|b| b == b' ')?)
}

/// How much of a sentence a quotation covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// A whole sentence or more in quote marks.
    Direct,
    /// A fragment inside a sentence of the reporter's own words.
    Partial,
    /// A quotation running over two or more paragraphs.
    Block,
}

/// The mention a cue attaches to, and the entity it resolves to (index into
/// [`Annotations::entities`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub mention: Span,
    pub entity: Option<usize>,
}

/// A direct quotation. `span` runs from the first quoted word to the last; `parts` lists the
/// pieces when the attribution interrupts the quote (“A,” she said, “B.”).
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
    pub confidence: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// An assertion attributed to a source in reported speech ("X argued that …").
    Reported,
    /// An unattributed sentence that asserts something checkable.
    Factual,
}

/// A claim: reported speech with its source, or a check-worthy statement with its score and
/// the signals that made it one.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub span: Span,
    pub kind: ClaimKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
    pub score: f32,
    pub signals: Signals,
}

/// The signals behind a claim, as bits ([`checkworthy::signals::signal`]): a claim's list of
/// names is made when it is written out, so a claim allocates none. Named in
/// [`checkworthy::signals::SIGNAL_NAMES`] order, except that a reported claim names
/// "attribution" first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Signals {
    pub bits: u16,
    pub attribution_first: bool,
}

impl Signals {
    /// A reported claim's signals: "attribution", then whatever else its content shows.
    pub const fn reported(bits: u16) -> Self {
        Signals {
            bits: bits | checkworthy::signals::signal::ATTRIBUTION,
            attribution_first: true,
        }
    }

    /// An unattributed sentence's signals, in their usual order.
    pub const fn factual(bits: u16) -> Self {
        Signals {
            bits,
            attribution_first: false,
        }
    }

    /// The names, in output order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        let first = self.attribution_first.then_some("attribution");
        let rest = match first {
            Some(_) => self.bits & !checkworthy::signals::signal::ATTRIBUTION,
            None => self.bits,
        };
        first.into_iter().chain(checkworthy::signals::names(rest))
    }

    /// The names' indices in [`checkworthy::signals::SIGNAL_NAMES`], in output order: what
    /// the browser build sends (looking each name up again by string was ~0.5 KB of it).
    pub fn indices(self) -> impl Iterator<Item = usize> {
        const ATTRIBUTION: u16 = checkworthy::signals::signal::ATTRIBUTION;
        let first = self.attribution_first.then_some(ATTRIBUTION.trailing_zeros() as usize);
        let mut rest = self.bits & ((1 << checkworthy::signals::SIGNAL_NAMES.len()) - 1);
        if first.is_some() {
            rest &= !ATTRIBUTION;
        }
        let next = move || {
            let i = rest.trailing_zeros() as usize;
            rest &= rest.wrapping_sub(1);
            (i < 16).then_some(i)
        };
        first.into_iter().chain(std::iter::from_fn(next))
    }

    /// How many names there are.
    pub fn len(self) -> usize {
        let known = (1u16 << checkworthy::signals::SIGNAL_NAMES.len()) - 1;
        (self.bits & known).count_ones() as usize
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organisation,
    Group,
}

/// Someone who speaks (or is spoken of), with every mention that refers to them.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The fullest name the text gives ("Kirill Dmitriev" for "Dmitriev", "he", "the official").
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<Span>,
}

/// Everything [`annotate`] found, each list sorted by start offset.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotations {
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    pub entities: Vec<Entity>,
}

/// What to look for.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub quotes: bool,
    pub claims: bool,
    /// Emit factual claims scoring at least this; `None` uses the model's own threshold,
    /// chosen for precision. `Some(0.0)` emits every candidate with its score.
    pub min_claim_score: Option<f32>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            quotes: true,
            claims: true,
            min_claim_score: None,
        }
    }
}

/// Finds quotes, claims and speakers in `text`. Never panics; any input gives a result.
pub fn annotate(text: &str, options: &Options) -> Annotations {
    let mut annotations = Annotations::default();
    annotate_into(text, options, &mut annotations);
    annotations
}

/// [`annotate`] into `out`, replacing what it held, for a caller that annotates many texts in
/// turn (the CLI): `out`'s vectors, and its quotes' parts and entities' names and mentions,
/// are refilled rather than allocated anew and freed after each text, which were most of
/// the allocations a document made.
pub fn annotate_into(text: &str, options: &Options, out: &mut Annotations) {
    let mut doc = segment::Document::new(text);
    let quotes = quotes::find(&mut doc);
    doc.split_sentences();
    let mut mentions = mentions::find(&doc);
    let found = attribution::attribute(&doc, &quotes, &mut mentions);
    quotes::give_back(quotes);
    claims::assemble(&doc, found, mentions, options, out);
}
