//! The JSON shape that the CLI prints and the WASM binding returns (DESIGN.md, "Schema").
//!
//! This is the boundary: ranges leave the core as byte offsets and leave here as UTF-16 code
//! units, converted for the whole result in one pass. Fields may be added; renaming or removing
//! one means bumping [`VERSION`].

use crate::offsets::Utf16Offsets;
use crate::{Annotations, Claim, ClaimKind, EntityKind, Quote, QuoteKind, Signals, Span, Speaker};
use serde::Serialize;
use std::ops::Range;
use std::rc::Rc;

pub const VERSION: u32 = 1;

pub use crate::json::{write_json, write_json_to};

/// An id like "q3" or "e12": a letter for the list and the 1-based position in it. Written
/// straight into the output, so a result with thousands of items allocates no id strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id {
    pub prefix: char,
    pub number: usize,
}

impl Id {
    pub(crate) const fn new(prefix: char, index: usize) -> Self {
        Id {
            prefix,
            number: index + 1,
        }
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.prefix, self.number)
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A char and at most 20 digits: formatted on the stack.
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let mut n = self.number;
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let mut prefix = [0u8; 4];
        let prefix = self.prefix.encode_utf8(&mut prefix).as_bytes();
        at -= prefix.len();
        buf[at..at + prefix.len()].copy_from_slice(prefix);
        serializer.serialize_str(std::str::from_utf8(&buf[at..]).unwrap_or_default())
    }
}

/// A list of names, as the claims' `signals` always were.
impl Serialize for Signals {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for name in self.names() {
            seq.serialize_element(name)?;
        }
        seq.end()
    }
}

#[derive(Serialize, Debug)]
pub struct Output<'t> {
    pub version: u32,
    pub quotes: Vec<QuoteOut<'t>>,
    pub claims: Vec<ClaimOut<'t>>,
    pub entities: Vec<EntityOut<'t>>,
}

#[derive(Serialize, Debug)]
pub struct SpanOut<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
}

#[derive(Serialize, Debug)]
pub struct SpeakerOut<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub name: Option<&'t str>,
    pub entity: Option<Id>,
}

#[derive(Serialize, Debug)]
pub struct QuoteOut<'t> {
    pub id: Id,
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub kind: &'static str,
    pub parts: Parts,
    pub speaker: Option<SpeakerOut<'t>>,
    pub cue: Option<SpanOut<'t>>,
    pub confidence: f64,
}

/// A quote's parts as UTF-16 `[start, end]` pairs, used as a slice. One or two parts (nearly
/// every quote) are held in place, more in a vector: most quotes allocate nothing.
#[derive(Clone)]
pub struct Parts(PartsIn);

#[derive(Clone)]
enum PartsIn {
    Place([[usize; 2]; 2], usize),
    Heap(Vec<[usize; 2]>),
}

impl Parts {
    fn new(pairs: impl ExactSizeIterator<Item = [usize; 2]>) -> Self {
        let n = pairs.len();
        if n > 2 {
            return Parts(PartsIn::Heap(pairs.collect()));
        }
        let mut place = [[0; 2]; 2];
        for (slot, pair) in place.iter_mut().zip(pairs) {
            *slot = pair;
        }
        Parts(PartsIn::Place(place, n))
    }
}

impl std::ops::Deref for Parts {
    type Target = [[usize; 2]];
    fn deref(&self) -> &[[usize; 2]] {
        match &self.0 {
            PartsIn::Place(place, n) => &place[..*n],
            PartsIn::Heap(pairs) => pairs,
        }
    }
}

impl<'a> IntoIterator for &'a Parts {
    type Item = &'a [usize; 2];
    type IntoIter = std::slice::Iter<'a, [usize; 2]>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq<Vec<[usize; 2]>> for Parts {
    fn eq(&self, other: &Vec<[usize; 2]>) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Parts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// A list of pairs, as a `Vec` of them would be.
impl Serialize for Parts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

#[derive(Serialize, Debug)]
pub struct ClaimOut<'t> {
    pub id: Id,
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    pub kind: &'static str,
    pub speaker: Option<SpeakerOut<'t>>,
    pub cue: Option<SpanOut<'t>>,
    pub score: f64,
    pub signals: Signals,
}

#[derive(Serialize, Debug)]
pub struct EntityOut<'t> {
    pub id: Id,
    pub name: &'t str,
    pub kind: &'static str,
    pub mentions: MentionsOut<'t>,
}

/// An entity's mentions, used as a slice: its range of one list that all the entities of a
/// result share, so a result allocates that list once rather than a vector per entity (most
/// of `to_output`'s allocations were these).
#[derive(Clone)]
pub struct MentionsOut<'t> {
    /// (An `Rc<Vec>`, not an `Rc<[_]>`: the list is not copied into a new allocation.)
    all: Rc<Vec<SpanOut<'t>>>,
    range: Range<usize>,
}

impl<'t> std::ops::Deref for MentionsOut<'t> {
    type Target = [SpanOut<'t>];
    fn deref(&self) -> &[SpanOut<'t>] {
        self.all.get(self.range.clone()).unwrap_or_default()
    }
}

impl<'a, 't> IntoIterator for &'a MentionsOut<'t> {
    type Item = &'a SpanOut<'t>;
    type IntoIter = std::slice::Iter<'a, SpanOut<'t>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for MentionsOut<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// A list of spans, as a `Vec` of them would be.
impl Serialize for MentionsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

/// An error line, for input that could not be annotated (the CLI's unreadable files).
#[derive(Serialize, Debug)]
pub struct ErrorOut {
    pub error: String,
}

impl QuoteKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Block => "block",
        }
    }
}

impl ClaimKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Reported => "reported",
            ClaimKind::Factual => "factual",
        }
    }
}

impl EntityKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Group => "group",
        }
    }
}

/// Scores travel as three decimals: enough to rank, and free of f32 noise like 0.699999988.
pub(crate) fn round3(x: f32) -> f64 {
    round_f32_thousandths(f64::from(x) * 1000.0) / 1000.0
}

/// `y.round()` for `y`, an `f32` times 1000 (at most 31 significant bits), without
/// `f64::round`, a libm call on baseline x86-64 (no SSE4.1 `roundsd`): half away from zero as
/// `|y| + 0.5` truncated. For such a `y` that equals `f64::round` (checked on every f32 bit
/// pattern; a test samples them): the known failure of `+ 0.5`, a `y` just under a half whose
/// sum rounds up to 1, needs more than 31 significant bits. `y` of 2^52 or more (or not
/// finite) is already whole.
fn round_f32_thousandths(y: f64) -> f64 {
    if y.abs() < 4_503_599_627_370_496.0 {
        ((y.abs() + 0.5) as i64 as f64).copysign(y)
    } else {
        y
    }
}

/// Shapes `ann` (byte ranges into `text`) as the public schema with UTF-16 offsets.
#[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
pub fn to_output<'t>(text: &'t str, ann: &'t Annotations) -> Output<'t> {
    let shape = Shape::new(text, ann);
    // Every entity's mentions in one list, each entity's a range of it.
    let mut all = Vec::with_capacity(ann.entities.iter().map(|e| e.mentions.len()).sum());
    for e in &ann.entities {
        all.extend(e.mentions.iter().map(|&m| shape.span(m)));
    }
    let all = Rc::new(all);
    let mut next = 0;
    Output {
        version: VERSION,
        quotes: ann.quotes.iter().enumerate().map(|(i, q)| shape.quote(i, q)).collect(),
        claims: ann.claims.iter().enumerate().map(|(i, c)| shape.claim(i, c)).collect(),
        entities: ann
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let range = next..next + e.mentions.len();
                next = range.end;
                EntityOut {
                    id: Id::new('e', i),
                    name: e.name.as_str(),
                    kind: e.kind.as_str(),
                    mentions: MentionsOut {
                        all: Rc::clone(&all),
                        range,
                    },
                }
            })
            .collect(),
    }
}

/// Each item of `ann` as the schema's: what [`to_output`] collects, and what the CLI's JSON
/// writes one at a time ([`write_json`]) without collecting.
pub(crate) struct Shape<'t> {
    text: &'t str,
    ann: &'t Annotations,
    table: Utf16Offsets<'t>,
}

impl<'t> Shape<'t> {
    pub(crate) fn new(text: &'t str, ann: &'t Annotations) -> Self {
        Shape {
            text,
            ann,
            table: Utf16Offsets::new(text),
        }
    }

    pub(crate) fn span(&self, s: Span) -> SpanOut<'t> {
        SpanOut {
            start: self.table.get(s.start),
            end: self.table.get(s.end),
            text: s.of(self.text),
        }
    }

    #[inline(always)]
    fn speaker(&self, sp: &Option<Speaker>) -> Option<SpeakerOut<'t>> {
        sp.map(|sp| SpeakerOut {
            start: self.table.get(sp.mention.start),
            end: self.table.get(sp.mention.end),
            text: sp.mention.of(self.text),
            name: sp
                .entity
                .and_then(|e| self.ann.entities.get(e))
                .map(|e| e.name.as_str()),
            entity: sp.entity.map(|e| Id::new('e', e)),
        })
    }

    #[inline(always)]
    pub(crate) fn quote(&self, i: usize, q: &Quote) -> QuoteOut<'t> {
        QuoteOut {
            id: Id::new('q', i),
            start: self.table.get(q.span.start),
            end: self.table.get(q.span.end),
            text: q.span.of(self.text),
            kind: q.kind.as_str(),
            parts: Parts::new(q.parts.iter().map(|p| [self.table.get(p.start), self.table.get(p.end)])),
            speaker: self.speaker(&q.speaker),
            cue: q.cue.map(|s| self.span(s)),
            confidence: round3(q.confidence),
        }
    }

    // (Inlined, as `quote` and `speaker`: the CLI's JSON writer takes the fields as they are
    // made, rather than from a struct stored whole and read back, about 40 instructions an
    // item.)
    #[inline(always)]
    pub(crate) fn claim(&self, i: usize, c: &Claim) -> ClaimOut<'t> {
        ClaimOut {
            id: Id::new('c', i),
            start: self.table.get(c.span.start),
            end: self.table.get(c.span.end),
            text: c.span.of(self.text),
            kind: c.kind.as_str(),
            speaker: self.speaker(&c.speaker),
            cue: c.cue.map(|s| self.span(s)),
            score: round3(c.score),
            signals: c.signals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::round_f32_thousandths;

    #[test]
    fn thousandths_rounded_as_f64_round() {
        // Every 1,009th f32 bit pattern (both signs, every exponent), and the halves.
        let halves = (0..4000).map(|k| k as f32 / 1000.0 + 0.0005);
        for x in (0..=u32::MAX).step_by(1009).map(f32::from_bits).chain(halves) {
            let y = f64::from(x) * 1000.0;
            let (ours, std) = (round_f32_thousandths(y), y.round());
            assert!(
                ours.to_bits() == std.to_bits() || (ours.is_nan() && std.is_nan()),
                "{x:?}"
            );
        }
    }
}
