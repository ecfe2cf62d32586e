//! The schema as compact JSON, written by hand for the CLI and the WASM binding (which hands
//! the text to `JSON.parse`): the same bytes as
//! `serde_json::to_writer` of an [`Output`] (a test holds the two equal), for a fraction of the
//! instructions. Most of serde_json's time on a result goes to looking up every byte of every
//! `text` in its escape table; here a string is tested for the three kinds of byte JSON escapes
//! (`"`, `\` and controls) a block at a time (natively 64 bytes in vector compares) and, as
//! nearly always, copied whole when it has none. Numbers are made eight digits at once in a
//! word (tested equal to itoa's, which serde_json uses); escapes and big numbers go through
//! serde_json's own formatter. The CLI's path, [`write_json_to`], writes the same pieces into
//! room made ahead in its vector ([`Room`]), with no `Write` between.

use crate::checkworthy::signals::{signal::ATTRIBUTION, SIGNAL_NAMES};
use crate::offsets::Utf16Offsets;
use crate::schema::{round3, ClaimOut, EntityOut, Id, Output, QuoteOut, Shape, SpanOut, SpeakerOut, VERSION};
use crate::swar::{splat, HIGH};
use crate::{Annotations, Claim, ClaimKind, Entity, EntityKind, Quote, QuoteKind, Signals, Span, Speaker};
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};
use std::io::{self, Write};

impl Output<'_> {
    /// Writes `self` as `serde_json::to_writer` would, byte for byte.
    pub fn write_json<W: Write + ?Sized>(&self, w: &mut W) -> io::Result<()> {
        let w = &mut Writer(w);
        w.write_all(b"{\"version\":")?;
        number(w, self.version as usize)?;
        w.write_all(b",\"quotes\":")?;
        list(w, &self.quotes, quote)?;
        w.write_all(b",\"claims\":")?;
        list(w, &self.claims, claim)?;
        w.write_all(b",\"entities\":")?;
        list(w, &self.entities, entity)?;
        w.write_all(b"}")
    }
}

/// `to_output(text, ann).write_json(w)`, byte for byte, without the [`Output`]: each item is
/// shaped as [`crate::schema::to_output`] shapes it and written at once, so the CLI allocates none of the
/// result's lists (nor the shared list of mentions) and does not copy every item into one
/// only to read it back.
pub fn write_json<W: Write + ?Sized>(text: &str, ann: &Annotations, w: &mut W) -> io::Result<()> {
    shaped(text, ann, &mut Writer(w))
}

/// [`write_json`] appended to `out`: the CLI's path, written for a vector alone (see `Room`):
/// each item into room made ahead at the end of the vector, its pieces stored at a cursor that
/// stays in registers, with a bounds check each, where a write into a `Vec` was a capacity test,
/// a length loaded and stored again, and a call (for the shared pieces) between them.
pub fn write_json_to(text: &str, ann: &Annotations, out: &mut Vec<u8>) {
    let d = Doc {
        text,
        ann,
        table: Utf16Offsets::new(text),
    };
    let mut w = Filler::new(out);
    w.item(|r| {
        r.put(b"{\"version\":")?;
        r.number(VERSION as usize)?;
        r.put(b",\"quotes\":[")
    });
    w.list(&ann.quotes, |r, i, q| room_quote(r, &d, i, q));
    w.item(|r| r.put(b"],\"claims\":["));
    w.list(&ann.claims, |r, i, c| room_claim(r, &d, i, c));
    w.item(|r| r.put(b"],\"entities\":["));
    w.list(&ann.entities, |r, i, e| room_entity(r, &d, i, e));
    w.item(|r| r.put(b"]}"));
    w.finish();
}

/// [`write_json`] into any writer, or a vector (see [`Out`]). ([`write_json_to`] has its own
/// code, for a vector alone: [`Room`].)
fn shaped<W: Out + ?Sized>(text: &str, ann: &Annotations, w: &mut W) -> io::Result<()> {
    let shape = Shape::new(text, ann);
    w.write_all(b"{\"version\":")?;
    number(w, VERSION as usize)?;
    w.write_all(b",\"quotes\":")?;
    list(w, ann.quotes.iter().enumerate(), |w, (i, q)| {
        quote(w, &shape.quote(i, q))
    })?;
    w.write_all(b",\"claims\":")?;
    list(w, ann.claims.iter().enumerate(), |w, (i, c)| {
        claim(w, &shape.claim(i, c))
    })?;
    w.write_all(b",\"entities\":")?;
    list(w, ann.entities.iter().enumerate(), |w, (i, e)| {
        let mentions = e.mentions.iter().map(|&m| shape.span(m));
        entity_of(w, Id::new('e', i), &e.name, e.kind.as_str(), mentions)
    })?;
    w.write_all(b"}")
}

/// Where the JSON goes: any writer (through [`Writer`]), or a vector, which takes short
/// pieces faster.
trait Out: Write {
    /// Whether pieces of a fixed size are the cheap ones (a vector: a copy of known length is
    /// a few moves and one length update, so a key is joined to the number after it, and an
    /// id's closing `"` written on its own rather than placed by a variable shift), or fewer
    /// calls are (a writer: each piece is one).
    const FIXED_IS_CHEAP: bool = false;

    /// The first `len` bytes of `chunk`.
    #[inline(always)]
    fn short<const N: usize>(&mut self, chunk: &[u8; N], len: usize) -> io::Result<()> {
        self.write_all(&chunk[..len])
    }
}

impl Out for Vec<u8> {
    const FIXED_IS_CHEAP: bool = true;

    /// All of `chunk` (a copy of known size, a few moves), then the vector cut back.
    #[inline(always)]
    fn short<const N: usize>(&mut self, chunk: &[u8; N], len: usize) -> io::Result<()> {
        self.extend_from_slice(chunk);
        self.truncate(self.len() - (N - len));
        Ok(())
    }
}

/// Any writer as an [`Out`].
struct Writer<'w, W: ?Sized>(&'w mut W);

impl<W: Write + ?Sized> Write for Writer<'_, W> {
    #[inline(always)]
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    #[inline(always)]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }
    #[inline(always)]
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl<W: Write + ?Sized> Out for Writer<'_, W> {}

fn quote<W: Out + ?Sized>(w: &mut W, q: &QuoteOut) -> io::Result<()> {
    keyed_id(w, b"{\"id\":", q.id, b"\",")?;
    start_end_text(w, q.start, q.end, q.text)?;
    keyed_plain(w, b",\"kind\":", q.kind)?;
    w.write_all(b",\"parts\":")?;
    list(w, &q.parts, |w, &[start, end]| {
        w.write_all(b"[")?;
        number(w, start)?;
        w.write_all(b",")?;
        number(w, end)?;
        w.write_all(b"]")
    })?;
    speaker_and_cue(w, &q.speaker, &q.cue)?;
    w.write_all(b",\"confidence\":")?;
    float(w, q.confidence)?;
    w.write_all(b"}")
}

/// The attribution fields a quote and a claim share. (Here and below, a key is written with
/// the constant bytes around it, an object's brace or `null`: into a vector, each piece is a
/// capacity test and a length update.)
fn speaker_and_cue<W: Out + ?Sized>(w: &mut W, who: &Option<SpeakerOut>, cue: &Option<SpanOut>) -> io::Result<()> {
    match who {
        Some(s) => {
            w.write_all(b",\"speaker\":{")?;
            speaker_after_brace(w, s)?;
        }
        None => w.write_all(b",\"speaker\":null")?,
    }
    match cue {
        Some(s) => {
            w.write_all(b",\"cue\":{")?;
            start_end_text(w, s.start, s.end, s.text)?;
            w.write_all(b"}")
        }
        None => w.write_all(b",\"cue\":null"),
    }
}

fn claim<W: Out + ?Sized>(w: &mut W, c: &ClaimOut) -> io::Result<()> {
    keyed_id(w, b"{\"id\":", c.id, b"\",")?;
    start_end_text(w, c.start, c.end, c.text)?;
    keyed_plain(w, b",\"kind\":", c.kind)?;
    speaker_and_cue(w, &c.speaker, &c.cue)?;
    w.write_all(b",\"score\":")?;
    float(w, c.score)?;
    w.write_all(b",\"signals\":")?;
    signals(w, c.signals)?;
    w.write_all(b"}")
}

/// A claim's signals as a JSON list of names (as [`Signals::names`]), made in a buffer with no
/// branch per name (see [`signals_into`]). Walking the names present was a loop of
/// data-dependent length, about three mispredicted branches a claim.
fn signals<W: Out + ?Sized>(w: &mut W, signals: Signals) -> io::Result<()> {
    let mut out = [0u8; SIGNALS_ROOM];
    let end = signals_into(&mut out, signals);
    w.short(&out, end + 1)
}

/// The bytes [`signals_into`] may store: the bracket, "attribution" first, then a piece of
/// each of the two [`GROUPS`] tables.
const SIGNALS_ROOM: usize = 1 + QUOTED + 2 * GROUP_ROOM;

/// [`signals`] made in `out`; the index of its closing bracket. The names present are three
/// pieces made ahead: "attribution" first (kept only for a reported claim), then the names of
/// the low [`LOW_SIGNALS`] bits and those of the others, each looked up by its bits in a table
/// of every combination ([`GROUPS`]) and stored whole, kept to its length: three stores of
/// fixed size, where a store per name (each kept or not) was about 75 instructions a claim.
#[inline(always)]
fn signals_into(out: &mut [u8; SIGNALS_ROOM], signals: Signals) -> usize {
    out[0] = b'[';
    out[1..1 + QUOTED].copy_from_slice(&ATTRIBUTION_QUOTED.0);
    let mut len = 1 + ATTRIBUTION_QUOTED.1 * usize::from(signals.attribution_first);
    // "attribution" not again in order after going first.
    let rest = usize::from(signals.bits & !(ATTRIBUTION * u16::from(signals.attribution_first)));
    for (i, (pieces, lens)) in GROUPS.iter().enumerate() {
        let bits = rest >> (i * LOW_SIGNALS) & ((1 << LOW_SIGNALS) - 1);
        if let (Some(to), Some(piece)) = (out.get_mut(len..len + GROUP_ROOM), pieces.get(bits)) {
            to.copy_from_slice(piece);
        }
        len += usize::from(lens.get(bits).copied().unwrap_or_default());
    }
    // The last comma becomes the closing bracket (of an empty list, one after the opening).
    let end = len - usize::from(len > 1);
    out[end] = b']';
    end
}

/// The room for one quoted signal name and its comma.
const QUOTED: usize = 16;

/// "attribution" quoted and followed by a comma, in [`QUOTED`] bytes, and its length.
const ATTRIBUTION_QUOTED: ([u8; QUOTED], usize) = {
    let name = b"attribution";
    let mut quoted = [0u8; QUOTED];
    quoted[0] = b'"';
    let mut j = 0;
    while j < name.len() {
        quoted[1 + j] = name[j];
        j += 1;
    }
    quoted[1 + j] = b'"';
    quoted[2 + j] = b',';
    (quoted, name.len() + 3)
};

/// How many signals each table of [`GROUPS`] covers (the second the rest, fewer).
const LOW_SIGNALS: usize = 6;

/// The room for the names of one group's signals, each quoted and followed by a comma.
const GROUP_ROOM: usize = 64;

/// For the signals `LOW_SIGNALS * i ..` of group `i`: the names of each combination of them
/// (its bits the index), quoted, each followed by a comma, in [`SIGNAL_NAMES`] order; and
/// their lengths.
const GROUPS: [([[u8; GROUP_ROOM]; 1 << LOW_SIGNALS], [u8; 1 << LOW_SIGNALS]); 2] = {
    assert!(SIGNAL_NAMES.len() <= 2 * LOW_SIGNALS);
    let mut groups = [([[0u8; GROUP_ROOM]; 1 << LOW_SIGNALS], [0u8; 1 << LOW_SIGNALS]); 2];
    let mut g = 0;
    while g < groups.len() {
        let mut bits = 0;
        while bits < 1 << LOW_SIGNALS {
            let (pieces, lens) = &mut groups[g];
            let piece = &mut pieces[bits];
            let mut len = 0;
            let mut k = 0;
            while k < LOW_SIGNALS {
                let i = g * LOW_SIGNALS + k;
                if bits >> k & 1 == 1 && i < SIGNAL_NAMES.len() {
                    let name = SIGNAL_NAMES[i].as_bytes();
                    piece[len] = b'"';
                    let mut j = 0;
                    while j < name.len() {
                        piece[len + 1 + j] = name[j];
                        j += 1;
                    }
                    piece[len + 1 + j] = b'"';
                    piece[len + 2 + j] = b',';
                    len += name.len() + 3;
                }
                k += 1;
            }
            lens[bits] = len as u8;
            bits += 1;
        }
        g += 1;
    }
    groups
};

fn entity<W: Out + ?Sized>(w: &mut W, e: &EntityOut) -> io::Result<()> {
    entity_of(w, e.id, e.name, e.kind, &e.mentions)
}

/// An entity from its fields, its mentions as they come (from an [`EntityOut`]'s list, or
/// shaped one at a time).
fn entity_of<'a, W: Out + ?Sized, S: std::borrow::Borrow<SpanOut<'a>>>(
    w: &mut W,
    e: Id,
    name: &str,
    kind: &str,
    mentions: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    keyed_id(w, b"{\"id\":", e, b"\",\"name\":\"")?;
    string_after_quote(w, name)?;
    keyed_plain(w, b",\"kind\":", kind)?;
    w.write_all(b",\"mentions\":")?;
    list(w, mentions, |w, s| span(w, s.borrow()))?;
    w.write_all(b"}")
}

fn span<W: Out + ?Sized>(w: &mut W, s: &SpanOut) -> io::Result<()> {
    w.write_all(b"{")?;
    start_end_text(w, s.start, s.end, s.text)?;
    w.write_all(b"}")
}

/// A speaker's fields and closing brace, after its opening one.
fn speaker_after_brace<W: Out + ?Sized>(w: &mut W, s: &SpeakerOut) -> io::Result<()> {
    start_end_text(w, s.start, s.end, s.text)?;
    match s.name {
        Some(name) => {
            w.write_all(b",\"name\":\"")?;
            string_after_quote(w, name)?;
        }
        None => w.write_all(b",\"name\":null")?,
    }
    match s.entity {
        Some(e) => {
            w.write_all(b",\"entity\":")?;
            keyed_id(w, b"", e, b"\"}")
        }
        None => w.write_all(b",\"entity\":null}"),
    }
}

fn start_end_text<W: Out + ?Sized>(w: &mut W, start: usize, end: usize, text: &str) -> io::Result<()> {
    keyed_number(w, b"\"start\":", start)?;
    keyed_number(w, b",\"end\":", end)?;
    w.write_all(b",\"text\":\"")?;
    string_after_quote(w, text)
}

/// `key` and the number `n` after it: into a vector ([`Out::FIXED_IS_CHEAP`]) one piece made
/// in a register, for a key of at most eight bytes.
#[inline(always)]
fn keyed_number<W: Out + ?Sized>(w: &mut W, key: &[u8], n: usize) -> io::Result<()> {
    let Some((digits, len)) = eight_digits(n).filter(|_| W::FIXED_IS_CHEAP && key.len() <= 8) else {
        w.write_all(key)?;
        return number(w, n);
    };
    let mut head = [0u8; 8];
    head[..key.len()].copy_from_slice(key);
    let out = u128::from(u64::from_le_bytes(head)) | u128::from(u64::from_le_bytes(digits)) << (8 * key.len());
    w.short(&out.to_le_bytes(), key.len() + len)
}

fn list<W: Out + ?Sized, T>(
    w: &mut W,
    items: impl IntoIterator<Item = T>,
    mut item: impl FnMut(&mut W, T) -> io::Result<()>,
) -> io::Result<()> {
    w.write_all(b"[")?;
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        item(w, x)?;
    }
    w.write_all(b"]")
}

fn id<W: Out + ?Sized>(w: &mut W, id: Id) -> io::Result<()> {
    // The prefix is an ASCII letter: nothing to escape.
    let (Ok(prefix), Some((digits, len))) = (u8::try_from(id.prefix), eight_digits(id.number)) else {
        let mut prefix = [0u8; 4];
        w.write_all(b"\"")?;
        w.write_all(id.prefix.encode_utf8(&mut prefix).as_bytes())?;
        number(w, id.number)?;
        return w.write_all(b"\"");
    };
    // `"`, the letter and the digits in one write, made in a register (bytes stored one by
    // one and read back as a block stall the load); the closing `"` with them, but for a vector
    // (see `Out::FIXED_IS_CHEAP`).
    let out = u128::from(b'"') | u128::from(prefix) << 8 | u128::from(u64::from_le_bytes(digits)) << 16;
    if W::FIXED_IS_CHEAP {
        return w.short(&out.to_le_bytes(), 2 + len).and_then(|()| w.write_all(b"\""));
    }
    let out = out | u128::from(b'"') << (8 * (2 + len));
    w.short(&out.to_le_bytes(), 3 + len)
}

/// `key` (six bytes at most, or it is written apart), an id, then `after`, which starts with
/// the id's closing `"`: into a vector, the key and the id in one piece made in a register,
/// and the closing `"` with what follows it. (Inlined, so that the key's length is known.)
#[inline(always)]
fn keyed_id<W: Out + ?Sized>(w: &mut W, key: &[u8], id: Id, after: &[u8]) -> io::Result<()> {
    if let (true, Ok(prefix), Some((digits, len))) = (
        W::FIXED_IS_CHEAP && key.len() <= 6,
        u8::try_from(id.prefix),
        eight_digits(id.number),
    ) {
        let mut head = [0u8; 8];
        head[..key.len()].copy_from_slice(key);
        head[key.len()] = b'"';
        head[key.len() + 1] = prefix;
        let used = key.len() + 2;
        let out = u128::from(u64::from_le_bytes(head)) | u128::from(u64::from_le_bytes(digits)) << (8 * used);
        w.short(&out.to_le_bytes(), used + len)?;
        return w.write_all(after);
    }
    w.write_all(key)?;
    self::id(w, id)?;
    w.write_all(after.get(1..).unwrap_or_default())
}

fn number<W: Out + ?Sized>(w: &mut W, n: usize) -> io::Result<()> {
    match eight_digits(n) {
        Some((digits, len)) => w.short(&digits, len),
        None => CompactFormatter.write_u64(w, n as u64),
    }
}

/// `n` in decimal, its digits first in eight bytes, and how many there are (0 is "0"), for
/// `n` below 10^8 (every offset and id of a text under 100 MB). The digits are
/// split out in the lanes of one word, halves, quarters, then single digits, each step a
/// multiply for all lanes at once: no branch per digit count, which itoa's loop and tests
/// were (mispredicted on about one number in four).
/// Numbers below 10^4 (ids, and the offsets of most texts) take [`four_digits`]: a branch
/// that follows the text (its offsets grow), for half the instructions.
#[inline(always)]
fn eight_digits(n: usize) -> Option<([u8; 8], usize)> {
    if n < 10_000 {
        return Some(four_digits(n as u32));
    }
    let n = u32::try_from(n).ok().filter(|&n| n < 100_000_000)?;
    // Four digits in each 32-bit lane, the first four in the low lane (bytes come out in
    // reading order).
    let x = digit_lanes(u64::from(n / 10_000) | u64::from(n % 10_000) << 32);
    // The leading zeros (at most seven) shifted out.
    let zeros = (x | 1 << 56).trailing_zeros() as usize / 8;
    Some((((x + splat(b'0')) >> (8 * zeros)).to_le_bytes(), 8 - zeros))
}

/// The digits (as values 0 to 9, a byte each, in reading order) of the numbers below 10^4 in
/// the two 32-bit lanes of `x`.
#[inline(always)]
fn digit_lanes(x: u64) -> u64 {
    // Two in each 16-bit lane: v / 100 is v * 5243 >> 19 for v < 10^4 (no lane overflows).
    let hundreds = ((x * 5243) >> 19) & 0x0000_007f_0000_007f;
    let x = hundreds | (x - hundreds * 100) << 16;
    // One in each byte: v / 10 is v * 103 >> 10 for v < 100.
    let tens = ((x * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | (x - tens * 10) << 8
}

/// [`four_digits`] of `a` and of `b`, both below 10^4, made together in the two lanes of one
/// word ([`digit_lanes`]): a span's start and end for the multiplies of one number, where each
/// alone was two table look-ups and the divisions that index them.
#[inline(always)]
fn four_digits_two(a: u32, b: u32) -> (([u8; 8], usize), ([u8; 8], usize)) {
    let x = digit_lanes(u64::from(a) | u64::from(b) << 32);
    let one = |lane: u32| {
        // (At most three leading zeros: the last digit is kept.)
        let zeros = (lane | 1 << 24).trailing_zeros() as usize / 8;
        (u64::from((lane + 0x3030_3030) >> (8 * zeros)).to_le_bytes(), 4 - zeros)
    };
    (one(x as u32), one((x >> 32) as u32))
}

/// [`eight_digits`] of `n` below 10^4: its two pairs of digits from a table, the leading
/// zeros shifted out.
#[inline(always)]
fn four_digits(n: u32) -> ([u8; 8], usize) {
    let (high, low) = (n / 100 % 100, n % 100);
    let x = u32::from(DIGIT_PAIRS[high as usize]) | u32::from(DIGIT_PAIRS[low as usize]) << 16;
    // (At most three leading zeros: the last digit is kept.)
    let zeros = ((x - 0x3030_3030) | 1 << 24).trailing_zeros() as usize / 8;
    (u64::from(x >> (8 * zeros)).to_le_bytes(), 4 - zeros)
}

/// The two digits of each number below 100, the first in the low byte.
const DIGIT_PAIRS: [u16; 100] = {
    let mut pairs = [0u16; 100];
    let mut i = 0;
    while i < 100 {
        pairs[i] = (b'0' + (i / 10) as u8) as u16 | ((b'0' + (i % 10) as u8) as u16) << 8;
        i += 1;
    }
    pairs
};

/// As serde_json's `serialize_f64`: `null` for NaN and the infinities.
fn float<W: Out + ?Sized>(w: &mut W, x: f64) -> io::Result<()> {
    if let Some(thousandths) = three_decimals(x) {
        return fraction(w, thousandths);
    }
    if !x.is_finite() {
        return w.write_all(b"null");
    }
    #[cfg(not(target_arch = "wasm32"))]
    return CompactFormatter.write_f64(w, x);
    // The binding hands the JSON to `JSON.parse`, which needs the value, not serde_json's exact
    // digits: Rust's own shortest form keeps serde_json's float tables (~15 KB gzip) out of
    // the wasm. Scores never get here (they have three decimals).
    #[cfg(target_arch = "wasm32")]
    return write!(w, "{x:?}");
}

/// `x` as a whole number of thousandths, where `x` is one of 0.000, 0.001, … 1.000: every score
/// (the schema rounds them to three decimals).
/// The nearest whole number is `x * 1000 + 0.5` truncated, not `f64::round` (a libm call on
/// baseline x86-64): the two differ only where `x * 1000` is within an ulp of a half, which
/// no `k / 1000` is, so the test that follows fails either way. That test reads `k / 1000`
/// from a table rather than dividing (a division's latency, on every score).
fn three_decimals(x: f64) -> Option<u32> {
    if !(0.0..=1.0).contains(&x) {
        return None;
    }
    let k = (x * 1000.0 + 0.5) as u32;
    (THOUSANDTHS.get(k as usize) == Some(&x)).then_some(k)
}

/// `k / 1000` for `k` of 0 to 1000, as the division rounds it.
const THOUSANDTHS: [f64; 1001] = {
    let mut table = [0.0; 1001];
    let mut k = 0;
    while k < table.len() {
        table[k] = k as f64 / 1000.0;
        k += 1;
    }
    table
};

/// `thousandths / 1000` as serde_json writes it (see [`FRACTIONS`]): one look-up, where making
/// the digits was five divisions by constants, about 40 instructions a score.
fn fraction<W: Out + ?Sized>(w: &mut W, thousandths: u32) -> io::Result<()> {
    let (out, len) = FRACTIONS.get(thousandths as usize).copied().unwrap_or_default();
    w.short(&out, usize::from(len))
}

/// Each `k / 1000` of 0 to 1000 as serde_json writes it, and its length: the shortest decimal
/// that reads back as the same f64, which for these values is the three decimals without
/// trailing zeros ("0.5", "0.123"), and "0.0" / "1.0" for the ends.
const FRACTIONS: [([u8; 8], u8); 1001] = {
    let mut table = [([0u8; 8], 0u8); 1001];
    let mut k = 0;
    while k < table.len() {
        let frac = k % 1000;
        let digits = [
            (k / 1000) as u8,
            0,
            (frac / 100) as u8,
            (frac / 10 % 10) as u8,
            (frac % 10) as u8,
        ];
        let (out, len) = &mut table[k];
        let mut i = 0;
        while i < digits.len() {
            out[i] = b'0' + digits[i];
            i += 1;
        }
        out[1] = b'.';
        // Trailing zeros dropped, but for the first decimal.
        *len = if digits[4] != 0 {
            5
        } else if digits[3] != 0 {
            4
        } else {
            3
        };
        k += 1;
    }
    table
};

/// A JSON string: copied whole when it has nothing to escape, as nearly every one. (Its
/// opening `"` is joined to the key before it where one is written.)
#[cfg(test)]
fn string<W: Out + ?Sized>(w: &mut W, s: &str) -> io::Result<()> {
    w.write_all(b"\"")?;
    string_after_quote(w, s)
}

/// [`string`] after its opening quotation mark (written with the key before it).
#[inline(always)]
fn string_after_quote<W: Out + ?Sized>(w: &mut W, s: &str) -> io::Result<()> {
    let bytes = s.as_bytes();
    // Most strings are short (mentions, names): into a vector with the closing `"` as one
    // piece of fixed size, not a call to `memcpy` and a push.
    if W::FIXED_IS_CHEAP && bytes.len() <= SHORT {
        return match short_quoted(bytes) {
            Some(out) => w.short(&out, bytes.len() + 1),
            None => escaped_after_quote(w, bytes),
        };
    }
    if any_escape(bytes) {
        return escaped_after_quote(w, bytes);
    }
    w.write_all(bytes)?;
    w.write_all(b"\"")
}

/// A string of at most [`SHORT`] bytes followed by its closing `"`, in a buffer of fixed
/// size, unless it has a byte to escape: see [`store_short`].
#[inline(always)]
fn short_quoted(bytes: &[u8]) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    (store_short(bytes, &mut out) == 0).then_some(out)
}

/// Stores a string of at most [`SHORT`] bytes and its closing `"` at the start of `out`, and
/// returns its escape hits (non-zero if a byte needs escaping, as [`any_escape`] tests them):
/// the bytes loaded once, as two overlapping words (or halves), each tested and stored as it
/// is. Shared by the generic writer ([`short_quoted`]) and the room's ([`Room::short_text`]).
#[inline(always)]
fn store_short(bytes: &[u8], out: &mut [u8; 32]) -> u64 {
    let n = bytes.len();
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
    let half = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default());
    let hits = if n >= 8 {
        let (head, tail) = (word(0), word(n - 8));
        out[..8].copy_from_slice(&head.to_le_bytes());
        out[n - 8..n].copy_from_slice(&tail.to_le_bytes());
        escapes(head) | escapes(tail)
    } else if n >= 4 {
        let (head, tail) = (half(0), half(n - 4));
        out[..4].copy_from_slice(&head.to_le_bytes());
        out[n - 4..n].copy_from_slice(&tail.to_le_bytes());
        escapes(u64::from(head) | u64::from(tail) << 32)
    } else if n > 0 {
        let (first, middle, last) = (bytes[0], bytes[n / 2], bytes[n - 1]);
        (out[0], out[n / 2], out[n - 1]) = (first, middle, last);
        // (The other bytes of the word a letter.)
        escapes(u64::from(first) | u64::from(middle) << 8 | u64::from(last) << 16 | splat(b'a') << 24)
    } else {
        0
    };
    out[n] = b'"';
    hits
}

/// `key`, then a string known to need no escape (as the kinds, tested below) quoted: into a
/// vector one piece of fixed size.
fn keyed_plain<W: Out + ?Sized>(w: &mut W, key: &[u8], s: &str) -> io::Result<()> {
    let bytes = s.as_bytes();
    if !(W::FIXED_IS_CHEAP && key.len() <= 10 && bytes.len() <= SHORT) {
        w.write_all(key)?;
        w.write_all(b"\"")?;
        w.write_all(bytes)?;
        return w.write_all(b"\"");
    }
    let mut out = [0u8; 32];
    out[..key.len()].copy_from_slice(key);
    out[key.len()] = b'"';
    put_short(&mut out, key.len() + 1, bytes);
    let end = key.len() + 1 + bytes.len();
    out[end] = b'"';
    w.short(&out, end + 1)
}

/// The longest string [`put_short`] copies.
const SHORT: usize = 16;

/// `bytes` (at most [`SHORT`]) copied into `out` from `at` (where they fit) by two
/// overlapping copies of fixed size: a few moves, where a copy of variable length is a call
/// to `memcpy`.
#[inline(always)]
fn put_short(out: &mut [u8; 32], at: usize, bytes: &[u8]) {
    let n = bytes.len();
    let Some(out) = out.get_mut(at..at + n) else {
        return;
    };
    if n >= 8 {
        out[..8].copy_from_slice(&bytes[..8]);
        out[n - 8..].copy_from_slice(&bytes[n - 8..]);
    } else if n >= 4 {
        out[..4].copy_from_slice(&bytes[..4]);
        out[n - 4..].copy_from_slice(&bytes[n - 4..]);
    } else if n > 0 {
        out[0] = bytes[0];
        out[n / 2] = bytes[n / 2];
        out[n - 1] = bytes[n - 1];
    }
}

/// Whether any byte of `bytes` is one JSON escapes. Up to 16 bytes without a branch on the
/// exact length: four loads of four bytes from the start to the end at most four apart, so
/// they overlap (a byte tested twice does no harm); longer strings in [`longer_has_escape`].
/// Most strings are mentions and names of 4 to 16 bytes, and a loop's exit or a byte loop for
/// the tail cost about one mispredicted branch a string.
fn any_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let half = |at: usize| u64::from(u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default()));
    let hits = match n {
        0 => 0,
        // The first, the middle and the last byte; the other bytes of the word a letter.
        1..=3 => escapes(
            u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16 | splat(b'a') << 24,
        ),
        4..=16 => {
            let step = step(n, 4);
            escapes(half(0) | half(step) << 32) | escapes(half(n - 4 - step) | half(n - 4) << 32)
        }
        _ => return longer_has_escape(bytes),
    };
    // (A byte may be flagged only above a real hit, so any flag means one.)
    hits != 0
}

/// The step between four loads of `width` bytes at 0, `step`, `n - width - step` and
/// `n - width` that leaves no gap: a third of `n - width`, rounded up (at most `width` for
/// `n` up to four widths).
fn step(n: usize, width: usize) -> usize {
    (n - width).div_ceil(3)
}

/// The block [`longer_has_escape`] and [`Room::long_text`] test at once.
const ESCAPE_BLOCK: usize = 64;

/// Does `block` hold a byte JSON escapes? Its tests OR-ed with no early exit, which the
/// compiler makes vector compares natively, one mask for the block. A control byte and `"`
/// (0x22) are one test: flipping bit 1 moves `"` to 0x20 and keeps the controls below it.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn block_has_escape(block: &[u8; ESCAPE_BLOCK]) -> bool {
    block
        .iter()
        .fold(0u8, |any, &x| any | u8::from(((x ^ 2) <= 0x20) | (x == b'\\')))
        != 0
}

/// [`any_escape`] of a string longer than 16 bytes (quotes and claims are two thirds of the
/// strings' bytes), natively 64 bytes at a time, each block's tests OR-ed with no early exit,
/// which the compiler makes SSE2 compares, one mask for the block (as `claims::has_byte`):
/// about a third of the instructions of eight bytes at a time. Up to 64 bytes, the block is four
/// overlapping loads of 16; longer, the bytes past the last whole block are tested as the
/// string's last 64, again. (Blocks of 32 bytes came out as two masks and byte shuffles.)
#[cfg(not(target_arch = "wasm32"))]
fn longer_has_escape(bytes: &[u8]) -> bool {
    const BLOCK: usize = ESCAPE_BLOCK;
    let has_escape = |block: &[u8]| block_has_escape(block.try_into().unwrap_or(&[0; BLOCK]));
    let n = bytes.len();
    if n <= BLOCK {
        let step = step(n, 16);
        let mut block = [0; BLOCK];
        for (i, at) in [0, step, n - 16 - step, n - 16].into_iter().enumerate() {
            block[i * 16..i * 16 + 16].copy_from_slice(&bytes[at..at + 16]);
        }
        return has_escape(&block);
    }
    bytes.chunks_exact(BLOCK).any(has_escape) || has_escape(&bytes[n - BLOCK..])
}

/// [`longer_has_escape`] in wasm, whose default target has no vector compares: up to 32 bytes
/// four overlapping loads of eight, longer strings eight bytes at a time, the last eight
/// overlapping. (Natively only tested.)
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn longer_has_escape_by_words(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
    if n <= 32 {
        let step = step(n, 8);
        return escapes(word(0)) | escapes(word(step)) | escapes(word(n - 8 - step)) | escapes(word(n - 8)) != 0;
    }
    for eight in bytes.chunks_exact(8) {
        // (A test per word, never taken, also keeps the loop from being vectorised: its
        // set-up and remainder branches were mispredicted on most strings.)
        if escapes(u64::from_le_bytes(eight.try_into().unwrap_or_default())) != 0 {
            return true;
        }
    }
    escapes(word(n - 8)) != 0
}

#[cfg(target_arch = "wasm32")]
use longer_has_escape_by_words as longer_has_escape;

/// A string with something to escape, after its opening quotation mark: runs without
/// escapes copied whole.
#[cold]
fn escaped_after_quote<W: Out + ?Sized>(w: &mut W, bytes: &[u8]) -> io::Result<()> {
    let mut run = 0;
    while let Some(i) = next_escape(bytes, run) {
        w.write_all(&bytes[run..i])?;
        CompactFormatter.write_char_escape(w, escape(bytes[i]))?;
        run = i + 1;
    }
    w.write_all(&bytes[run..])?;
    w.write_all(b"\"")
}

/// The first byte at or after `from` that JSON escapes, found eight bytes at a time.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(eight) = bytes.get(at..).and_then(|b| b.first_chunk::<8>()) {
        let hits = escapes(u64::from_le_bytes(*eight));
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .map(|i| at + i)
}

/// The escape test of [`Room::long_text`], sixteen lanes at a time: each lane's lowest key,
/// the byte with bit 1 flipped (the controls and `"` are the bytes below 0x21 so, as in
/// [`block_has_escape`]), or 0 for `\`; a byte JSON escapes leaves a key below 0x21. Natively
/// a vector minimum, five instructions for sixteen bytes, where the tests OR-ed and a mask
/// per block were about nine.
struct Escapes([u8; 16]);

impl Escapes {
    fn new() -> Self {
        Escapes([u8::MAX; 16])
    }

    #[inline(always)]
    fn add(&mut self, piece: &[u8; 16]) {
        for (low, &x) in self.0.iter_mut().zip(piece) {
            let key = if x == b'\\' { 0 } else { x ^ 2 };
            *low = (*low).min(key);
        }
    }

    #[inline(always)]
    fn add_four(&mut self, [a, b, c, d]: &[[u8; 16]; 4]) {
        self.add(a);
        self.add(b);
        self.add(c);
        self.add(d);
    }

    /// Adds the pieces of a block of [`ESCAPE_BLOCK`] bytes.
    #[inline(always)]
    fn add_block(&mut self, block: &[u8]) {
        let piece = |at: usize| -> [u8; 16] {
            block
                .get(at..at + 16)
                .and_then(|p| p.try_into().ok())
                .unwrap_or_default()
        };
        self.add_four(&[piece(0), piece(16), piece(32), piece(48)]);
    }

    /// Whether any byte added is one JSON escapes.
    #[inline(always)]
    fn any(&self) -> bool {
        self.0.iter().fold(0u8, |any, &low| any | u8::from(low <= 0x20)) != 0
    }
}

/// The high bit of the bytes of `w` below 0x20 or equal to `"` or `\`, exact for the lowest one:
/// each test subtracts per byte, and a byte that borrows may flag the byte above it too, but
/// never one below. Only the lowest hit is used. The controls and `"` are one test, as in
/// [`block_has_escape`]: with bit 1 flipped, they are the bytes below 0x21.
#[inline(always)]
fn escapes(w: u64) -> u64 {
    let below = |x: u64, n: u8| x.wrapping_sub(splat(n)) & !x;
    (below(w ^ splat(2), 0x21) | below(w ^ splat(b'\\'), 1)) & HIGH
}

/// serde_json's escape for a byte its table escapes: short forms where JSON has one.
fn escape(byte: u8) -> CharEscape {
    match byte {
        b'"' => CharEscape::Quote,
        b'\\' => CharEscape::ReverseSolidus,
        0x08 => CharEscape::Backspace,
        b'\t' => CharEscape::Tab,
        b'\n' => CharEscape::LineFeed,
        0x0c => CharEscape::FormFeed,
        b'\r' => CharEscape::CarriageReturn,
        _ => CharEscape::AsciiControl(byte),
    }
}

/// One document as [`write_json_to`] reads it: the items and where their offsets go.
struct Doc<'t> {
    text: &'t str,
    ann: &'t Annotations,
    table: Utf16Offsets<'t>,
}

/// How much room [`write_json_to`] keeps ahead of each item: more than nearly any item takes
/// (an item that needs more fails and is written again after [`Filler::grow`]). The room is
/// zeroed as it is made, in steps of this size, a few vector stores per 128 bytes (one
/// `resize` of the whole document's room was a `rep stosb`, about as costly as writing the
/// bytes one at a time).
const ROOM: usize = 1536;

/// The vector that [`write_json_to`] fills, and how far: room (zero bytes) is made ahead
/// at its end, each item written into it by a [`Room`], and the vector cut back after the last.
struct Filler<'v> {
    out: &'v mut Vec<u8>,
    at: usize,
}

impl<'v> Filler<'v> {
    fn new(out: &'v mut Vec<u8>) -> Self {
        let at = out.len();
        Filler { out, at }
    }

    /// The items of a JSON array, comma-separated, each written by `write` (given its index)
    /// as one [`Filler::item`].
    #[inline(always)]
    fn list<T>(&mut self, items: &[T], write: impl Fn(&mut Room<'_>, usize, &T) -> Option<()>) {
        for (i, x) in items.iter().enumerate() {
            self.item(|r| {
                if i > 0 {
                    r.put(b",")?;
                }
                write(r, i, x)
            });
        }
    }

    /// Writes one item with `f`, which says `None` only when the room ran out: the room is then
    /// doubled and the item written again from its start.
    #[inline(always)]
    fn item(&mut self, mut f: impl FnMut(&mut Room<'_>) -> Option<()>) {
        if self.out.len() - self.at < ROOM {
            self.grow(ROOM);
        }
        loop {
            let mut room = Room {
                rest: self.out.get_mut(self.at..).unwrap_or_default(),
            };
            if f(&mut room).is_some() {
                let left = room.rest.len();
                self.at = self.out.len() - left;
                return;
            }
            self.grow(self.out.len() - self.at);
        }
    }

    /// `more` bytes of room added.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, more: usize) {
        self.out.resize(self.out.len() + more, 0);
    }

    fn finish(self) {
        self.out.truncate(self.at);
    }
}

/// The room left at the end of the vector, where the next byte goes. Every piece is stored
/// with one bounds check, a piece of fixed size whole (then the room moved on by its real
/// length), and `None` said when it does not fit. Kept in registers over an item's inlined
/// writers.
struct Room<'b> {
    rest: &'b mut [u8],
}

impl Room<'_> {
    /// `bytes` as they are.
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) -> Option<()> {
        let rest = std::mem::take(&mut self.rest);
        if rest.len() < bytes.len() {
            return None;
        }
        let (head, tail) = rest.split_at_mut(bytes.len());
        head.copy_from_slice(bytes);
        self.rest = tail;
        Some(())
    }

    /// The `N` bytes of `chunk` stored, the first `len` kept.
    #[inline(always)]
    fn short<const N: usize>(&mut self, chunk: [u8; N], len: usize) -> Option<()> {
        let rest = std::mem::take(&mut self.rest);
        *rest.first_chunk_mut::<N>()? = chunk;
        self.rest = rest.get_mut(len..)?;
        Some(())
    }

    /// The next `N` bytes of room, to be kept with [`Room::keep`].
    #[inline(always)]
    fn window<const N: usize>(&mut self) -> Option<&mut [u8; N]> {
        self.rest.first_chunk_mut::<N>()
    }

    /// The first `len` bytes of the room kept.
    #[inline(always)]
    fn keep(&mut self, len: usize) -> Option<()> {
        let rest = std::mem::take(&mut self.rest);
        self.rest = rest.get_mut(len..)?;
        Some(())
    }

    #[inline(always)]
    fn number(&mut self, n: usize) -> Option<()> {
        match eight_digits(n) {
            Some((digits, len)) => self.short(digits, len),
            None => self.long_number(n),
        }
    }

    /// `key` (eight bytes at most) and the number `n` after it, one piece made in a register.
    #[inline(always)]
    fn keyed_number(&mut self, key: &[u8], n: usize) -> Option<()> {
        let Some((digits, len)) = eight_digits(n).filter(|_| key.len() <= 8) else {
            self.put(key)?;
            return self.long_number(n);
        };
        self.keyed_digits(key, digits, len)
    }

    /// `key` (eight bytes at most) and the first `len` of `digits`, one piece.
    #[inline(always)]
    fn keyed_digits(&mut self, key: &[u8], digits: [u8; 8], len: usize) -> Option<()> {
        let mut head = [0u8; 8];
        head[..key.len()].copy_from_slice(key);
        let out = u128::from(u64::from_le_bytes(head)) | u128::from(u64::from_le_bytes(digits)) << (8 * key.len());
        self.short(out.to_le_bytes(), key.len() + len)
    }

    #[cold]
    #[inline(never)]
    fn long_number(&mut self, n: usize) -> Option<()> {
        let mut digits = Vec::new();
        // (Writing into a vector cannot fail.)
        let _ = number(&mut digits, n);
        self.put(&digits)
    }

    /// `key` (six bytes at most), an id, then `after`, which starts with the id's closing `"`.
    /// An id below 10^4 (nearly every one) takes [`four_digits`] alone: with [`eight_digits`]'s
    /// test, the compiler made the digits both ways on every item and picked one after.
    #[inline(always)]
    fn keyed_id(&mut self, key: &[u8], id: Id, after: &[u8]) -> Option<()> {
        if let (true, Ok(prefix), true) = (key.len() <= 6, u8::try_from(id.prefix), id.number < 10_000) {
            let (digits, len) = four_digits(id.number as u32);
            let mut head = [0u8; 8];
            head[..key.len()].copy_from_slice(key);
            head[key.len()] = b'"';
            head[key.len() + 1] = prefix;
            let used = key.len() + 2;
            let out = u128::from(u64::from_le_bytes(head)) | u128::from(u64::from_le_bytes(digits)) << (8 * used);
            self.short(out.to_le_bytes(), used + len)?;
            return self.put(after);
        }
        self.other_id(key, id, after)
    }

    #[cold]
    #[inline(never)]
    fn other_id(&mut self, key: &[u8], id: Id, after: &[u8]) -> Option<()> {
        let mut bytes = key.to_vec();
        // (Writing into a vector cannot fail.)
        let _ = self::id(&mut bytes, id);
        bytes.extend_from_slice(after.get(1..).unwrap_or_default());
        self.put(&bytes)
    }

    /// A piece made ahead, as [`KindPiece`].
    #[inline(always)]
    fn piece(&mut self, &(bytes, len): &KindPiece) -> Option<()> {
        self.short(bytes, usize::from(len))
    }

    /// A string after its opening quotation mark, and the closing one.
    #[inline(always)]
    fn text(&mut self, s: &str) -> Option<()> {
        let bytes = s.as_bytes();
        if bytes.len() <= SHORT {
            return self.short_text(bytes);
        }
        self.long_text(bytes)
    }

    /// [`Room::text`] of more than [`SHORT`] bytes: copied and tested for bytes to escape in
    /// one pass ([`Escapes`], whose lanes are looked at once, at the end). Up to 64 bytes, four
    /// overlapping pieces of 16, each copied to its place; longer, 64 bytes at a time, then
    /// the last 64 again. (The pieces are named one by one: over a loop of them, the compiler
    /// kept the loop, or made the copies a `memcpy` and the test a second pass.)
    #[inline(never)]
    fn long_text(&mut self, bytes: &[u8]) -> Option<()> {
        let n = bytes.len();
        let (out, after) = self.rest.get_mut(..n + 1)?.split_at_mut(n);
        after[0] = b'"';
        let mut escapes = Escapes::new();
        if n <= ESCAPE_BLOCK {
            let step = step(n, 16);
            let mut copy = |at: usize| {
                let piece: [u8; 16] = bytes[at..at + 16].try_into().unwrap_or_default();
                out[at..at + 16].copy_from_slice(&piece);
                piece
            };
            // (Four statements: as a loop, the compiler kept it one.)
            let pieces = [copy(0), copy(step), copy(n - 16 - step), copy(n - 16)];
            escapes.add_four(&pieces);
        } else {
            for (to, from) in out.chunks_exact_mut(ESCAPE_BLOCK).zip(bytes.chunks_exact(ESCAPE_BLOCK)) {
                to.copy_from_slice(from);
                escapes.add_block(from);
            }
            let last = &bytes[n - ESCAPE_BLOCK..];
            out[n - ESCAPE_BLOCK..].copy_from_slice(last);
            escapes.add_block(last);
        }
        if escapes.any() {
            return self.escaped(bytes);
        }
        self.keep(n + 1)
    }

    /// [`Room::text`] of at most [`SHORT`] bytes: stored straight into the room by
    /// [`store_short`], then kept unless a byte needs escaping.
    #[inline(always)]
    fn short_text(&mut self, bytes: &[u8]) -> Option<()> {
        let n = bytes.len();
        let out = self.window::<32>()?;
        if store_short(bytes, out) != 0 {
            return self.escaped(bytes);
        }
        self.keep(n + 1)
    }

    /// A string with something to escape, after its opening quotation mark: runs without
    /// escapes copied whole.
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, bytes: &[u8]) -> Option<()> {
        let mut run = 0;
        while let Some(i) = next_escape(bytes, run) {
            self.put(&bytes[run..i])?;
            // (At most six bytes, `\u001f`: writing them here cannot fail.)
            let mut escaped = [0u8; 8];
            let mut to = &mut escaped[..];
            let _ = CompactFormatter.write_char_escape(&mut to, escape(bytes[i]));
            let len = 8 - to.len();
            self.put(&escaped[..len])?;
            run = i + 1;
        }
        self.put(&bytes[run..])?;
        self.put(b"\"")
    }

    /// `"start":…,"end":…,"text":"…"` of `s`, its offsets in UTF-16.
    #[inline(always)]
    fn span(&mut self, d: &Doc, s: Span) -> Option<()> {
        let (start, end) = (d.table.get(s.start), d.table.get(s.end));
        if start < 10_000 && end < 10_000 {
            let ((start, start_len), (end, end_len)) = four_digits_two(start as u32, end as u32);
            self.keyed_digits(b"\"start\":", start, start_len)?;
            self.keyed_digits(b",\"end\":", end, end_len)?;
        } else {
            self.keyed_number(b"\"start\":", start)?;
            self.keyed_number(b",\"end\":", end)?;
        }
        self.put(b",\"text\":\"")?;
        self.text(s.of(d.text))
    }

    /// A score or confidence, as [`float`] writes its [`round3`]: the thousandths taken from
    /// the `f32` at once (the same whole number `round3` finds, for one from 0 to 1).
    #[inline(always)]
    fn score(&mut self, x: f32) -> Option<()> {
        let y = f64::from(x) * 1000.0;
        if (0.0..=1000.0).contains(&y) {
            let (out, len) = FRACTIONS.get((y + 0.5) as u32 as usize).copied().unwrap_or_default();
            return self.short(out, usize::from(len));
        }
        self.other_score(x)
    }

    #[cold]
    #[inline(never)]
    fn other_score(&mut self, x: f32) -> Option<()> {
        let mut bytes = Vec::new();
        // (Writing into a vector cannot fail.)
        let _ = float(&mut bytes, round3(x));
        self.put(&bytes)
    }

    /// The attribution fields a quote and a claim share.
    #[inline(always)]
    fn speaker_and_cue(&mut self, d: &Doc, who: &Option<Speaker>, cue: &Option<Span>) -> Option<()> {
        match who {
            Some(sp) => {
                self.put(b",\"speaker\":{")?;
                self.span(d, sp.mention)?;
                match sp.entity.and_then(|e| d.ann.entities.get(e)) {
                    Some(e) => {
                        self.put(b",\"name\":\"")?;
                        self.text(&e.name)?;
                    }
                    None => self.put(b",\"name\":null")?,
                }
                match sp.entity {
                    Some(e) => {
                        self.put(b",\"entity\":")?;
                        self.keyed_id(b"", Id::new('e', e), b"\"}")?;
                    }
                    None => self.put(b",\"entity\":null}")?,
                }
            }
            None => self.put(b",\"speaker\":null")?,
        }
        match cue {
            Some(s) => {
                self.put(b",\"cue\":{")?;
                self.span(d, *s)?;
                self.put(b"}")
            }
            None => self.put(b",\"cue\":null"),
        }
    }

    fn signals(&mut self, signals: Signals) -> Option<()> {
        let end = signals_into(self.window::<SIGNALS_ROOM>()?, signals);
        self.keep(end + 1)
    }
}

/// `,"kind":"…"` of one kind, in a piece of fixed size, and its length: an item's kind is
/// written by a look-up and one store, where `as_str`'s match was a branch on the kind
/// (mispredicted on about one claim in three).
type KindPiece = ([u8; 32], u8);

/// [`KindPiece`] of `name`.
const fn kind_piece(name: &str) -> KindPiece {
    let key = b",\"kind\":\"";
    let name = name.as_bytes();
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < key.len() {
        out[i] = key[i];
        i += 1;
    }
    let mut j = 0;
    while j < name.len() {
        out[i + j] = name[j];
        j += 1;
    }
    out[i + j] = b'"';
    (out, (i + j + 1) as u8)
}

/// The [`KindPiece`] of each kind, at its discriminant.
const fn kind_pieces<const K: usize>(kinds: [(usize, &str); K]) -> [KindPiece; K] {
    let mut table = [([0u8; 32], 0u8); K];
    let mut i = 0;
    while i < K {
        table[kinds[i].0] = kind_piece(kinds[i].1);
        i += 1;
    }
    table
}

const QUOTE_KINDS: [KindPiece; 3] = kind_pieces([
    (QuoteKind::Direct as usize, QuoteKind::Direct.as_str()),
    (QuoteKind::Partial as usize, QuoteKind::Partial.as_str()),
    (QuoteKind::Block as usize, QuoteKind::Block.as_str()),
]);

const CLAIM_KINDS: [KindPiece; 2] = kind_pieces([
    (ClaimKind::Reported as usize, ClaimKind::Reported.as_str()),
    (ClaimKind::Factual as usize, ClaimKind::Factual.as_str()),
]);

const ENTITY_KINDS: [KindPiece; 3] = kind_pieces([
    (EntityKind::Person as usize, EntityKind::Person.as_str()),
    (EntityKind::Organisation as usize, EntityKind::Organisation.as_str()),
    (EntityKind::Group as usize, EntityKind::Group.as_str()),
]);

/// A quote as [`crate::schema::Shape::quote`] shapes it.
#[inline(always)]
fn room_quote(r: &mut Room, d: &Doc, i: usize, q: &Quote) -> Option<()> {
    r.keyed_id(b"{\"id\":", Id::new('q', i), b"\",")?;
    r.span(d, q.span)?;
    r.piece(&QUOTE_KINDS[q.kind as usize])?;
    r.put(b",\"parts\":[")?;
    for (k, p) in q.parts.iter().enumerate() {
        if k > 0 {
            r.put(b",")?;
        }
        r.put(b"[")?;
        let (start, end) = (d.table.get(p.start), d.table.get(p.end));
        if start < 10_000 && end < 10_000 {
            let ((start, start_len), (end, end_len)) = four_digits_two(start as u32, end as u32);
            r.short(start, start_len)?;
            r.keyed_digits(b",", end, end_len)?;
        } else {
            r.number(start)?;
            r.put(b",")?;
            r.number(end)?;
        }
        r.put(b"]")?;
    }
    r.put(b"]")?;
    r.speaker_and_cue(d, &q.speaker, &q.cue)?;
    r.put(b",\"confidence\":")?;
    r.score(q.confidence)?;
    r.put(b"}")
}

/// A claim as [`crate::schema::Shape::claim`] shapes it.
#[inline(always)]
fn room_claim(r: &mut Room, d: &Doc, i: usize, c: &Claim) -> Option<()> {
    r.keyed_id(b"{\"id\":", Id::new('c', i), b"\",")?;
    r.span(d, c.span)?;
    r.piece(&CLAIM_KINDS[c.kind as usize])?;
    r.speaker_and_cue(d, &c.speaker, &c.cue)?;
    r.put(b",\"score\":")?;
    r.score(c.score)?;
    r.put(b",\"signals\":")?;
    r.signals(c.signals)?;
    r.put(b"}")
}

/// An entity as [`crate::schema::to_output`] shapes it.
#[inline(always)]
fn room_entity(r: &mut Room, d: &Doc, i: usize, e: &Entity) -> Option<()> {
    r.keyed_id(b"{\"id\":", Id::new('e', i), b"\",\"name\":\"")?;
    r.text(&e.name)?;
    r.piece(&ENTITY_KINDS[e.kind as usize])?;
    r.put(b",\"mentions\":[")?;
    for (k, &m) in e.mentions.iter().enumerate() {
        if k > 0 {
            r.put(b",")?;
        }
        r.put(b"{")?;
        r.span(d, m)?;
        r.put(b"}")?;
    }
    r.put(b"]}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_writer_writes_what_serde_json_writes() {
        let texts = [
            "Rising costs\n\n\u{201c}We will not accept a deal that costs 4,000 jobs,\u{201d} Sen. Maria Lopez said on Tuesday. \u{201c}It is simply wrong.\u{201d}\n\nLopez, a senator from Ohio, said that inflation rose 3.2 percent in March, according to the Treasury. \"The market has been very volatile,\" said John Smith. \"Nobody knows\\what comes next.\"\tHe said the \u{1f600} figures were \u{201c}encouraging but fragile.\u{201d}",
            "Unemployment fell to 5 percent last year, the highest rate since 2008, officials said.",
            "",
        ];
        for text in texts {
            for min_score in [None, Some(0.0)] {
                let options = crate::Options {
                    min_claim_score: min_score,
                    ..crate::Options::default()
                };
                let ann = crate::annotate(text, &options);
                let output = crate::schema::to_output(text, &ann);
                let want = serde_json::to_vec(&output).unwrap();
                let mut of_output = Vec::new();
                output.write_json(&mut of_output).unwrap();
                let mut through_writer = Vec::new();
                write_json(text, &ann, &mut through_writer).unwrap();
                let mut into_vec = Vec::new();
                write_json_to(text, &ann, &mut into_vec);
                let want = String::from_utf8(want).unwrap();
                for ours in [of_output, through_writer, into_vec] {
                    assert_eq!(String::from_utf8(ours).unwrap(), want);
                }
            }
        }
    }

    #[test]
    fn items_longer_than_the_room_are_written_again() {
        // A quote of ~5 KB, every clause with bytes to escape, and a speaker, in
        // texts long enough to fill the room several times over.
        let clause = "costs rose 3 percent to a \\ \t record high, ";
        let sentence = format!("\u{201c}We saw {},\u{201d} Smith said.", clause.repeat(120));
        for text in [sentence.clone(), format!("{}\n\n", sentence).repeat(3)] {
            let options = crate::Options {
                min_claim_score: Some(0.0),
                ..crate::Options::default()
            };
            let ann = crate::annotate(&text, &options);
            let longest = ann.quotes.iter().map(|q| q.span.len()).max();
            assert!(longest > Some(2 * ROOM), "{longest:?}");
            let want = serde_json::to_vec(&crate::schema::to_output(&text, &ann)).unwrap();
            let mut appended = b"before".to_vec();
            write_json_to(&text, &ann, &mut appended);
            assert_eq!(appended[6..], want[..]);
        }
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut every_byte: String = (0u8..0x80).map(char::from).collect();
        every_byte.push_str("é“Да,” 😀\u{7f}\u{2028}");
        for s in [
            "",
            "a",
            "\"",
            "plain ascii text longer than eight bytes",
            "tab\there\nand \"quoted\" \\ back\u{1}\u{1f}",
            every_byte.as_str(),
        ] {
            // At every alignment and length.
            let bounds = || (0..=s.len()).filter(|&i| s.is_char_boundary(i));
            for (start, end) in bounds().flat_map(|a| bounds().filter(move |&b| b >= a).map(move |b| (a, b))) {
                let s = &s[start..end];
                let mut ours = Vec::new();
                string(&mut ours, s).unwrap();
                assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(s).unwrap());
                // And as the CLI's room writes it.
                assert_eq!(room_text(s.as_bytes()), serde_json::to_vec(s).unwrap(), "{s:?}");
                // The wasm build's test of long strings, too.
                if s.len() > 16 {
                    let want = s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
                    assert_eq!(longer_has_escape_by_words(s.as_bytes()), want, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn one_escape_anywhere_in_a_long_string_is_found() {
        for n in 17..=200 {
            for at in 0..n {
                for byte in [b'"', b'\\', b'\n', 0x00, 0x1f] {
                    let mut s = vec![b'a'; n];
                    s[at] = byte;
                    assert!(any_escape(&s), "{n} {at} {byte:#x}");
                    assert!(longer_has_escape_by_words(&s), "{n} {at} {byte:#x}");
                    assert_eq!(
                        room_text(&s),
                        serde_json::to_vec(std::str::from_utf8(&s).unwrap()).unwrap()
                    );
                }
            }
            // And none in bytes just beside the escaped ones.
            let s: Vec<u8> = (0..n)
                .map(|i| [b' ', b'!', b'#', b'[', b']', 0x7f, 0xc3][i % 7])
                .collect();
            assert!(!any_escape(&s) && !longer_has_escape_by_words(&s), "{n}");
            assert_eq!(room_text(&s), [&b"\""[..], &s, b"\""].concat(), "{n}");
        }
    }

    /// `bytes` as a JSON string, written as [`Room::text`] writes it.
    fn room_text(bytes: &[u8]) -> Vec<u8> {
        let mut buf = vec![0u8; 1 + bytes.len() * 6 + 64];
        let total = buf.len();
        buf[0] = b'"';
        let mut room = Room { rest: &mut buf[1..] };
        match bytes.len() {
            0..=SHORT => room.short_text(bytes),
            _ => room.long_text(bytes),
        }
        .unwrap();
        let len = total - room.rest.len();
        buf[..len].to_vec()
    }

    #[test]
    fn the_lowest_escape_is_found_among_any_neighbours() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let bytes = [b'x', a, b, b'x', a, b'x', b, b'x'];
                let want = bytes.iter().position(|&c| c < 0x20 || c == b'"' || c == b'\\');
                let hits = escapes(u64::from_le_bytes(bytes));
                let got = (hits != 0).then(|| hits.trailing_zeros() as usize / 8);
                assert_eq!(got, want, "{a:#x} {b:#x}");
            }
        }
    }

    #[test]
    fn numbers_as_serde_json() {
        let powers = (0..20).flat_map(|e| {
            let p = 10u64.pow(e);
            [p - 1, p, p + 1]
        });
        for n in (0..200_000).chain((0..1000).map(|k| 99_999_500 + k)).chain(powers) {
            let n = n as usize;
            let mut ours = Vec::new();
            number(&mut ours, n).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), n.to_string());
            let i = Id { prefix: 'q', number: n };
            let mut ours = Vec::new();
            id(&mut ours, i).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&i).unwrap());
            // Through a writer, as well as into a vector.
            let mut ours = Vec::new();
            number(&mut Writer(&mut ours), n).unwrap();
            id(&mut Writer(&mut ours), i).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), format!("{n}\"q{n}\""));
            // A key joined to its number (in a vector) or not (a writer).
            let mut joined = Vec::new();
            keyed_number(&mut joined, b",\"end\":", n).unwrap();
            let mut apart = Vec::new();
            keyed_number(&mut Writer(&mut apart), b",\"end\":", n).unwrap();
            assert_eq!(
                (joined == apart, String::from_utf8(apart).unwrap()),
                (true, format!(",\"end\":{n}"))
            );
        }
    }

    #[test]
    fn two_numbers_at_once_as_one_at_a_time() {
        for a in 0..10_000 {
            for b in [0, 1, 9, 10, 99, 100, 999, 1000, 9999, a, 9999 - a, (a * 7919) % 10_000] {
                assert_eq!(four_digits_two(a, b), (four_digits(a), four_digits(b)), "{a} {b}");
            }
        }
    }

    #[test]
    fn signals_as_serde_json() {
        for bits in 0..1u16 << (SIGNAL_NAMES.len() + 1) {
            for s in [Signals::factual(bits), Signals::reported(bits)] {
                let mut ours = Vec::new();
                signals(&mut ours, s).unwrap();
                assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&s).unwrap());
            }
        }
    }

    #[test]
    fn the_fixed_names_need_no_escape() {
        use crate::{ClaimKind, EntityKind, QuoteKind};
        let kinds = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Block].map(QuoteKind::as_str);
        let claims = [ClaimKind::Reported, ClaimKind::Factual].map(ClaimKind::as_str);
        let entities = [EntityKind::Person, EntityKind::Organisation, EntityKind::Group].map(EntityKind::as_str);
        let signals = crate::checkworthy::signals::SIGNAL_NAMES;
        for name in kinds
            .iter()
            .chain(&claims)
            .chain(&entities)
            .chain(&signals)
            .chain(&["attribution"])
        {
            assert_eq!(format!("\"{name}\""), serde_json::to_string(name).unwrap());
        }
    }

    #[test]
    fn kind_pieces_are_each_kind_keyed() {
        let piece = |(bytes, len): KindPiece| String::from_utf8(bytes[..usize::from(len)].to_vec()).unwrap();
        let keyed = |name: &str| format!(",\"kind\":{}", serde_json::to_string(name).unwrap());
        for k in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Block] {
            assert_eq!(piece(QUOTE_KINDS[k as usize]), keyed(k.as_str()));
        }
        for k in [ClaimKind::Reported, ClaimKind::Factual] {
            assert_eq!(piece(CLAIM_KINDS[k as usize]), keyed(k.as_str()));
        }
        for k in [EntityKind::Person, EntityKind::Organisation, EntityKind::Group] {
            assert_eq!(piece(ENTITY_KINDS[k as usize]), keyed(k.as_str()));
        }
    }

    #[test]
    fn floats_and_ids_as_serde_json() {
        let thousandths = (0..=1000).map(|k| f64::from(k) / 1000.0);
        for x in [
            0.0,
            1.0,
            0.5,
            0.123,
            0.7,
            0.05,
            1e-7,
            0.0005,
            2.5,
            -0.25,
            0.0005 - 1e-19,
            0.49999999999999994 / 1000.0,
            1.0000000000000002,
            0.9995,
            f64::NAN,
            f64::INFINITY,
        ]
        .into_iter()
        .chain(thousandths)
        {
            let mut ours = Vec::new();
            float(&mut ours, x).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&x).unwrap());
        }
        let e = Id {
            prefix: 'e',
            number: 120,
        };
        let mut ours = Vec::new();
        id(&mut ours, e).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&e).unwrap());
    }
}
