//! Byte offsets (Rust) to UTF-16 code units (JavaScript string indices).
//!
//! The core works in bytes; the browser counts UTF-16 code units. A byte offset's UTF-16 offset
//! is the offset minus the bytes before it that add no code unit (continuation bytes, but one
//! per four-byte character, which takes two units). [`Utf16Offsets`] marks those bytes in one
//! bit per byte, a `u64` per 64-byte block with the count before the block, in one forward pass
//! eight bytes at a time; converting an offset is then a lookup and a popcount: O(text +
//! offsets), no sort, no rescan per span.

use crate::swar::{load8, HIGH};

/// The block size of the table: one bit per byte of a block fills a `u64`.
const BLOCK: usize = 64;

/// UTF-16 offsets for any byte offset of one text.
pub struct Utf16Offsets<'t> {
    text: &'t str,
    /// One entry per 64-byte block (and one for the end of a text that fills its last block);
    /// empty for an ASCII text, where the two offsets are the same.
    blocks: Vec<Block>,
}

/// The bytes of one block that add no UTF-16 code unit.
#[derive(Clone, Copy)]
struct Block {
    /// How many there are before the block.
    before: usize,
    /// Bit `i` for byte `i` of the block, or [`DECODE`].
    bits: u64,
    /// Byte `w`: how many of `bits` lie in the block's words before word `w` (eight bytes
    /// each), so converting an offset adds one of these to [`POPCOUNT`] of at most seven bits
    /// instead of counting up to 63 (x86-64's baseline has no popcount instruction: about
    /// fifteen instructions a count).
    words_before: u64,
}

impl Block {
    fn new(before: usize, bits: u64) -> Self {
        Block {
            before,
            bits,
            words_before: words_before(bits),
        }
    }
}

/// How many bits each byte of `w` has, a byte each.
#[inline(always)]
const fn byte_counts(w: u64) -> u64 {
    let w = w - ((w >> 1) & 0x5555_5555_5555_5555);
    let w = (w & 0x3333_3333_3333_3333) + ((w >> 2) & 0x3333_3333_3333_3333);
    (w + (w >> 4)) & 0x0f0f_0f0f_0f0f_0f0f
}

/// [`Block::words_before`] of `bits`: the sums of the bytes' counts before each byte (a
/// multiply by 0x0101… sums every byte with those below it; no sum exceeds 64).
#[inline(always)]
const fn words_before(bits: u64) -> u64 {
    (byte_counts(bits) << 8).wrapping_mul(0x0101_0101_0101_0101)
}

/// How many bits each byte value has.
const POPCOUNT: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = (i as u8).count_ones() as u8;
        i += 1;
    }
    table
};

/// [`Block::bits`] of a block holding the first continuation byte of a four-byte character,
/// which adds a unit where the other continuation bytes add none: its bits are worked out again
/// from the text when asked. Every other block's bits are exactly its continuation bytes, so a
/// byte whose bit is clear starts a character, and converting it reads no text (a big text's
/// bytes are long out of cache when its results are converted). No block has all 64 bits set:
/// any 64 bytes hold a character's first byte.
const DECODE: u64 = u64::MAX;

impl<'t> Utf16Offsets<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut table = Table {
            // Allocated at the first block with another character: an ASCII text gets none
            // (and this one pass is also the test for ASCII).
            blocks: Vec::new(),
            before: 0,
            four_byte_lead: 0,
            len: bytes.len(),
        };
        // Most blocks of news text are ASCII: one test for the whole block, and no entry yet
        // (the entries of a run of them are filled in at the next other block, or at the end,
        // all with the same count). The test ORs the block's bytes as bytes, which the
        // compiler does sixteen at a time (eight-byte words were twice the instructions), over
        // whole blocks without a bounds check.
        // (`chunks_exact`, not `as_chunks`: the crate supports Rust 1.85.)
        let whole = bytes.chunks_exact(BLOCK);
        let last = whole.len();
        for (b, block) in whole.enumerate() {
            let block: &[u8; BLOCK] = block.try_into().unwrap_or(&[0; BLOCK]);
            if block.iter().fold(0, |any, &x| any | x) < 0x80 {
                table.four_byte_lead = 0;
                continue;
            }
            // Most such blocks hold no four-byte lead (nor follow one): their bits are just the
            // continuation bytes, with none of `block_bits`'s tracking of leads (one vector
            // test for a lead, then about two fifths of its instructions a block:
            // `JP=offsets examples/jsonpath` 0.456 -> 0.390 ms).
            let four_byte = block.iter().fold(0, |any, &x| any | u8::from(x >= 0xf0));
            if four_byte | table.four_byte_lead as u8 == 0 {
                table.add_bits(b, continuation_bits(block));
                continue;
            }
            table.add(b, &std::array::from_fn(|i| load8(block, i * 8)));
        }
        // The last block, when the text does not fill it.
        if !bytes.get(last * BLOCK..).unwrap_or_default().is_ascii() {
            table.add(last, &block_words(bytes, last));
        }
        let mut blocks = table.blocks;
        if !blocks.is_empty() {
            // Every block has an entry, and a text that fills its last block one for its end.
            blocks.resize(bytes.len() / BLOCK + 1, Block::new(table.before, 0));
        }
        Utf16Offsets { text, blocks }
    }

    /// The UTF-16 offset of byte offset `byte`. Offsets past the end are clamped to the end;
    /// offsets inside a character map to that character's start.
    #[inline]
    pub fn get(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.blocks.is_empty() {
            return byte;
        }
        let block = self.blocks[byte / BLOCK];
        let at = 1u64 << (byte % BLOCK);
        // A character's start (or the text's end), in a block without four-byte characters.
        if block.bits & at == 0 {
            // (The bits below `at` in its word, and the counts of the words before.)
            let shift = (byte % BLOCK) & !7;
            let in_word = ((block.bits & (at - 1)) >> shift) as u8;
            let below = (block.words_before >> shift) as u8 + POPCOUNT[usize::from(in_word)];
            return byte - block.before - usize::from(below);
        }
        self.get_from_text(byte)
    }

    /// [`Utf16Offsets::get`] for a byte inside a character or in a [`DECODE`] block: the
    /// first asks the text where its character starts, the second the text for its bits.
    #[cold]
    #[inline(never)]
    fn get_from_text(&self, byte: usize) -> usize {
        let mut byte = byte;
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let b = byte / BLOCK;
        let block = self.blocks[b];
        let bits = if block.bits == DECODE {
            let bytes = self.text.as_bytes();
            // Whether the byte before the block is a four-byte character's lead (`11110xxx`),
            // as `no_unit` flags it.
            let lead = match b.checked_sub(1).and_then(|_| bytes.get(b * BLOCK - 1)) {
                Some(&x) if x >= 0xf0 => 0x80,
                _ => 0,
            };
            block_bits(&block_words(bytes, b), lead).0
        } else {
            block.bits
        };
        byte - block.before - skipped_below(bits, 1u64 << (byte % BLOCK))
    }
}

/// How many of `bits` lie below the bit `at`.
#[inline(always)]
fn skipped_below(bits: u64, at: u64) -> usize {
    // (Most blocks hold no such byte, and a popcount is a dozen instructions on x86-64.)
    match bits & (at - 1) {
        0 => 0,
        bits => bits.count_ones() as usize,
    }
}

/// [`Utf16Offsets::blocks`] as they are made.
struct Table {
    blocks: Vec<Block>,
    /// How many bytes that add no unit the blocks so far hold.
    before: usize,
    /// Whether the last byte of the previous word was a four-byte character's lead.
    four_byte_lead: u64,
    /// The text's length.
    len: usize,
}

impl Table {
    /// Adds block `b`, not all ASCII, as `words` (and the entries of the ASCII blocks before
    /// it, unless no block before had another character either). (This and [`Table::push`] out
    /// of line in the browser build, where each was copied at every use, `block_bits` with
    /// them: ~3 KB for the blocks that are not ASCII.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn add(&mut self, b: usize, words: &[u64; BLOCK / 8]) {
        let (bits, four_byte, lead) = block_bits(words, self.four_byte_lead);
        self.four_byte_lead = lead;
        self.push(b, bits, four_byte);
    }

    /// [`Table::add`] of a block known to hold no four-byte character nor to follow one's
    /// lead, as its continuation bytes.
    #[inline(always)]
    fn add_bits(&mut self, b: usize, bits: u64) {
        self.four_byte_lead = 0;
        self.push(b, bits, false);
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn push(&mut self, b: usize, bits: u64, four_byte: bool) {
        if bits == 0 && !four_byte && self.blocks.is_empty() {
            return;
        }
        if self.blocks.is_empty() {
            self.blocks = Vec::with_capacity(self.len / BLOCK + 1);
        }
        self.blocks.resize(b, Block::new(self.before, 0));
        let stored = if four_byte { DECODE } else { bits };
        self.blocks.push(Block::new(self.before, stored));
        self.before += bits.count_ones() as usize;
    }
}

/// Bit `i` for each continuation byte `i` (`10xxxxxx`) of `block`.
#[inline(always)]
fn continuation_bits(block: &[u8; BLOCK]) -> u64 {
    let words: [u64; BLOCK / 8] = std::array::from_fn(|i| load8(block, i * 8));
    words.iter().enumerate().fold(0, |bits, (i, &w)| {
        bits | gather_high_bits(w & !(w << 1) & HIGH) << (8 * i)
    })
}

/// Block `b` of `bytes` as eight little-endian words (the last block's zero past the end).
#[inline(always)]
fn block_words(bytes: &[u8], b: usize) -> [u64; BLOCK / 8] {
    match bytes.get(b * BLOCK..).and_then(<[u8]>::first_chunk::<BLOCK>) {
        Some(block) => {
            std::array::from_fn(|i| u64::from_le_bytes(block[i * 8..i * 8 + 8].try_into().unwrap_or_default()))
        }
        None => std::array::from_fn(|i| load8(bytes, b * BLOCK + i * 8)),
    }
}

/// The bits of a block that is not all ASCII (bit `i` for a byte `i` that adds no unit),
/// whether it holds the first continuation byte of a four-byte character, and whether its last
/// byte is a four-byte lead (for the next block). `lead_before` says the same of the byte before.
#[inline(always)]
fn block_bits(words: &[u64; BLOCK / 8], lead_before: u64) -> (u64, bool, u64) {
    let mut bits = 0;
    let mut four_byte = false;
    let mut lead = lead_before;
    // Every word, ASCII ones too (`no_unit` finds nothing in them, and says no lead): skipping
    // them was a branch mispredicted about once a block.
    for (i, &w) in words.iter().enumerate() {
        let (skipped, after_lead, next) = no_unit(w, lead);
        four_byte |= after_lead != 0;
        lead = next;
        bits |= gather_high_bits(skipped) << (8 * i);
    }
    (bits, four_byte, lead)
}

/// The bytes of `w` (as their high bits) that add no UTF-16 unit: continuation bytes
/// (`10xxxxxx`) except the first one after a four-byte lead (`11110xxx`), and whether `w`'s last
/// byte is such a lead. `lead_before` is the previous word's answer (its lead's first
/// continuation byte is this word's first byte). In the middle, those first continuation bytes.
#[inline(always)]
fn no_unit(w: u64, lead_before: u64) -> (u64, u64, u64) {
    // Bits 6, 5 and 4 of each byte moved up to bit 7.
    let (b6, b5, b4) = (w << 1, w << 2, w << 3);
    let continuation = w & !b6 & HIGH;
    let four_byte_lead = w & b6 & b5 & b4 & HIGH;
    let after_lead = four_byte_lead << 8 | lead_before;
    (
        continuation & !after_lead,
        after_lead & continuation,
        four_byte_lead >> 56,
    )
}

/// The high bits of the eight bytes of `w` as an eight-bit number (byte `i`'s at bit `i`): each
/// byte's bit lands at a distinct place of the product, the eight of them in its top byte.
#[inline(always)]
const fn gather_high_bits(w: u64) -> u64 {
    ((w >> 7) & 0x0101_0101_0101_0101).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Converts one byte offset; for many, build a [`Utf16Offsets`].
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    let mut end = byte;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default().encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathered_bits_are_the_bytes_in_order() {
        for bits in 0..=255u64 {
            let w = (0..8)
                .filter(|i| bits >> i & 1 == 1)
                .fold(0, |w, i| w | 0x80 << (8 * i));
            // Low bits set too, which the gather must ignore.
            assert_eq!(gather_high_bits(w | 0x7f7f_7f7f_7f7f_7f7f), bits);
        }
    }

    #[test]
    fn four_byte_characters_at_every_alignment() {
        // Each character straddles a word and a block boundary at some shift.
        for shift in 0..BLOCK + 8 {
            let text = format!("{}😀a\u{10FFFF}é😀😀中{}", "x".repeat(shift), "😀".repeat(20));
            let t = Utf16Offsets::new(&text);
            for byte in 0..=text.len() + 1 {
                assert_eq!(t.get(byte), utf16_offset(&text, byte), "byte {byte}, shift {shift}");
            }
        }
    }

    #[test]
    fn every_offset_of_a_long_mixed_text_converts() {
        // Lengths around whole blocks, where the end offset has a table entry of its own.
        for tail in ["", "a", "ab", "abc"] {
            let mut text = "“Да,” 😀 he said — 中文 and é. ".repeat(20);
            while text.len() % BLOCK != 0 {
                text.push('x');
            }
            text.push_str(tail);
            let t = Utf16Offsets::new(&text);
            for byte in 0..=text.len() + 3 {
                assert_eq!(t.get(byte), utf16_offset(&text, byte), "byte {byte} of {}", text.len());
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let t = Utf16Offsets::new("hello");
        assert_eq!(t.get(3), 3);
    }

    #[test]
    fn emoji_and_cyrillic_count_code_units() {
        let text = "😀 “Да,” he said.";
        let quote = text.find('Д').unwrap();
        let t = Utf16Offsets::new(text);
        // 😀 is two UTF-16 units, then a space and “ one each.
        assert_eq!(t.get(quote), 4);
        assert_eq!(t.get(text.len()), text.encode_utf16().count());
        assert_eq!(utf16_offset(text, quote), 4);
    }
}
