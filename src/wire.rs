//! The result as the WASM binding hands it to JavaScript: the schema
//! ([`crate::schema::Output`]) flattened into one list of `u32`s, which crosses the boundary as
//! a single `Uint32Array` copy. `finish` in www/lib/core.js reads it back into the schema's
//! objects, slicing every `text` from the caller's own string by its UTF-16 offsets.
//!
//! Why not JSON: on the PolNeAR texts the result's JSON was 2.4 times the size of the input,
//! and writing it, decoding it from UTF-8 and `JSON.parse` took a third of the package's time
//! in Node; building the same objects from numbers takes a sixth of what `JSON.parse` did.
//!
//! The layout, in order; a *span* is `start end` (UTF-16 offsets), an *option* is `0` or `1`
//! followed by its value, and *kind* and *signal* are indices into [`KINDS`] and
//! [`crate::checkworthy::signals::SIGNAL_NAMES`] (core.js holds the same lists):
//!
//! ```text
//! version:  the schema's version
//! entities: count, then each: name (length, UTF-16 units…), kind, mentions (count, span…)
//! quotes:   count, then each: span, kind, parts (count, span…), option speaker, option cue,
//!           confidence × 1000
//! claims:   count, then each: span, kind, option speaker, option cue, score × 1000,
//!           signals (count, signal…)
//! speaker:  span, entity number (1-based as in "e1"; 0 for none, and then no name)
//! ```
//!
//! Entities come first so that a speaker's `name` can be taken from its entity. Ids ("q1",
//! "c1", "e1") are the items' positions and are not sent. Scores and confidences are already
//! rounded to three decimals ([`crate::schema`]), so `k / 1000` in JavaScript is the very
//! number `JSON.parse` reads from the CLI's "0.k".

use crate::offsets::Utf16Offsets;
use crate::schema;
use crate::{Annotations, Span, Speaker};

/// Every kind name of the schema, quotes', claims' and entities' alike, in wire order: the
/// list core.js holds; the wire sends indices into it, which the tests check against it.
#[cfg_attr(not(test), allow(dead_code))]
pub const KINDS: [&str; 8] = [
    "direct",
    "partial",
    "block",
    "reported",
    "factual",
    "person",
    "organisation",
    "group",
];

/// Where the claims' kinds start in [`KINDS`] (the quotes' start at 0): a kind's index is its
/// enum's discriminant from there, which a test holds.
const CLAIM_KINDS: usize = 3;
/// Where the entities' kinds start in [`KINDS`].
const ENTITY_KINDS: usize = 5;

/// The schema of `ann` (`crate::schema::to_output(text, ann)`) in the wire format of the
/// module docs, written straight from the annotations: no [`crate::schema::Output`] is built
/// first (its strings, ids and lists were 10 KB of the browser build, and allocations on every
/// call). The tests read it back against the schema.
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
pub fn annotations_to_wire(text: &str, ann: &Annotations) -> Vec<u32> {
    let table = Utf16Offsets::new(text);
    let spans = ann.quotes.len() * 12 + ann.claims.len() * 14;
    let mentions: usize = ann
        .entities
        .iter()
        .map(|e| 8 + e.name.len() + 2 * e.mentions.len())
        .sum();
    let mut w = Wire(Vec::with_capacity(4 + spans + mentions));
    w.push(schema::VERSION as usize);
    w.push(ann.entities.len());
    for e in &ann.entities {
        // The length goes first; it is known once the units are written.
        let length_at = w.0.len();
        w.push(0);
        w.0.extend(e.name.encode_utf16().map(u32::from));
        w.0[length_at] = (w.0.len() - length_at - 1) as u32;
        w.push(ENTITY_KINDS + e.kind as usize);
        w.push(e.mentions.len());
        for &m in &e.mentions {
            w.span(&table, m);
        }
    }
    // A speaker: its mention, and its entity's number where the entity exists (the schema
    // names a speaker exactly then).
    let speaker = |w: &mut Wire, sp: &Option<Speaker>| match sp {
        None => w.push(0),
        Some(sp) => {
            w.push(1);
            w.span(&table, sp.mention);
            w.push(sp.entity.filter(|&e| e < ann.entities.len()).map_or(0, |e| e + 1));
        }
    };
    let cue = |w: &mut Wire, cue: Option<Span>| match cue {
        None => w.push(0),
        Some(s) => {
            w.push(1);
            w.span(&table, s);
        }
    };
    w.push(ann.quotes.len());
    for q in &ann.quotes {
        w.span(&table, q.span);
        w.push(q.kind as usize);
        w.push(q.parts.len());
        for &p in q.parts.iter() {
            w.span(&table, p);
        }
        speaker(&mut w, &q.speaker);
        cue(&mut w, q.cue);
        w.thousandths(schema::round3(q.confidence));
    }
    w.push(ann.claims.len());
    for c in &ann.claims {
        w.span(&table, c.span);
        w.push(CLAIM_KINDS + c.kind as usize);
        speaker(&mut w, &c.speaker);
        cue(&mut w, c.cue);
        w.thousandths(schema::round3(c.score));
        w.push(c.signals.len());
        for i in c.signals.indices() {
            w.push(i);
        }
    }
    w.0
}

/// The list being written.
struct Wire(Vec<u32>);

impl Wire {
    /// A count or an offset: UTF-16 offsets of a text `wasm-bindgen` could pass fit in `u32`.
    /// (Out of line: the vector's growth check, inlined at every push, was ~3 KB of the browser
    /// build, the only one that writes the wire.)
    #[inline(never)]
    fn push(&mut self, n: usize) {
        self.0.push(n as u32);
    }

    /// A span's UTF-16 offsets. (Out of line: the offset look-ups, inlined at every span, were
    /// ~1 KB of the browser build.)
    #[inline(never)]
    fn span(&mut self, table: &Utf16Offsets, s: Span) {
        self.push(table.get(s.start));
        self.push(table.get(s.end));
    }

    /// A score or confidence in 0..=1, already rounded to three decimals, as thousandths.
    fn thousandths(&mut self, x: f64) {
        self.push((x * 1000.0).round().clamp(0.0, 1000.0) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkworthy::signals::SIGNAL_NAMES;
    use crate::{annotate, schema, Options};

    /// Every kind the schema writes is sent as its index in [`KINDS`].
    #[test]
    fn every_kind_has_a_wire_index() {
        use crate::{ClaimKind, EntityKind, QuoteKind};
        for kind in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Block] {
            assert_eq!(KINDS[kind as usize], kind.as_str());
        }
        for kind in [ClaimKind::Reported, ClaimKind::Factual] {
            assert_eq!(KINDS[CLAIM_KINDS + kind as usize], kind.as_str());
        }
        for kind in [EntityKind::Person, EntityKind::Organisation, EntityKind::Group] {
            assert_eq!(KINDS[ENTITY_KINDS + kind as usize], kind.as_str());
        }
    }

    /// A reader of the wire, written from the module docs, gives back the schema's numbers, on
    /// texts with emoji and non-Latin script, with every claim candidate or the default ones,
    /// and on none.
    #[test]
    fn the_wire_reads_back_as_the_schema() {
        let full = "“We will win,” said Ana Ruiz 🚀, the mayor. \u{201c}And soon.\u{201d}\n\n\
                    Ruiz argued that the city’s budget fell 4% in 2024, the lowest since 2001.";
        let ann = annotate(full, &Options::default());
        let out = schema::to_output(full, &ann);
        assert!(!out.quotes.is_empty() && !out.claims.is_empty() && !out.entities.is_empty());
        let texts = [
            full,
            "«Мы победим», — сказал мэр. 市長は「勝つ」と述べた。 Officials said turnout fell 12%.",
            "",
        ];
        for text in texts {
            for options in [
                Options::default(),
                Options {
                    min_claim_score: Some(0.0),
                    ..Options::default()
                },
            ] {
                reads_back(text, &options);
            }
        }
    }

    fn reads_back(text: &str, options: &Options) {
        let ann = annotate(text, options);
        let out = schema::to_output(text, &ann);
        let wire = annotations_to_wire(text, &ann);
        let mut at = wire.iter().map(|&n| n as usize);
        let mut next = || at.next().expect("the wire ends early");
        assert_eq!(next(), schema::VERSION as usize);
        let entities = next();
        assert_eq!(entities, out.entities.len());
        for e in &out.entities {
            let units: Vec<u16> = (0..next()).map(|_| next() as u16).collect();
            assert_eq!(String::from_utf16(&units).unwrap(), e.name);
            assert_eq!(KINDS[next()], e.kind);
            assert_eq!(next(), e.mentions.len());
            for m in &e.mentions {
                assert_eq!((next(), next()), (m.start, m.end));
            }
        }
        assert_eq!(next(), out.quotes.len());
        for q in &out.quotes {
            assert_eq!((next(), next(), KINDS[next()]), (q.start, q.end, q.kind));
            assert_eq!(next(), q.parts.len());
            for &[start, end] in &q.parts {
                assert_eq!((next(), next()), (start, end));
            }
            let speaker = (next() == 1).then(|| (next(), next(), next()));
            let want = q
                .speaker
                .as_ref()
                .map(|s| (s.start, s.end, s.entity.map_or(0, |id| id.number)));
            assert_eq!(speaker, want);
            let cue = (next() == 1).then(|| (next(), next()));
            assert_eq!(cue, q.cue.as_ref().map(|c| (c.start, c.end)));
            assert_eq!(next() as f64 / 1000.0, q.confidence);
        }
        assert_eq!(next(), out.claims.len());
        for c in &out.claims {
            assert_eq!((next(), next(), KINDS[next()]), (c.start, c.end, c.kind));
            let speaker = (next() == 1).then(|| (next(), next(), next()));
            let want = c
                .speaker
                .as_ref()
                .map(|s| (s.start, s.end, s.entity.map_or(0, |id| id.number)));
            assert_eq!(speaker, want);
            let cue = (next() == 1).then(|| (next(), next()));
            assert_eq!(cue, c.cue.as_ref().map(|c| (c.start, c.end)));
            assert_eq!(next() as f64 / 1000.0, c.score);
            let signals: Vec<&str> = (0..next()).map(|_| SIGNAL_NAMES[next()]).collect();
            assert_eq!(signals, c.signals.names().collect::<Vec<_>>());
        }
        assert!(at.next().is_none(), "nothing after the claims");
    }
}
