//! Byte offsets (Rust) to UTF-16 code units (JavaScript string indices).
//!
//! The core works in bytes; the browser counts UTF-16 code units. A byte offset's UTF-16 offset
//! is the offset minus its *lag*, which grows by one at each continuation byte and drops by one
//! at the byte after a four-byte character (two units); an offset inside a character so maps to
//! that character's start. [`Utf16Offsets`] keeps, for each eight-byte word, the lag before it
//! and the lag at each of its bytes in one byte each, made in one forward pass a word at a time;
//! converting an offset is then a lookup and a shift: O(text + offsets), no sort, no rescan per
//! span, and no branch on the kind of byte (a table of one bit per byte needed a popcount and a
//! path for four-byte characters: about twice the instructions a conversion).

use crate::swar::{load8, HIGH, ONES};

/// The block size of the pass: most blocks of news text are ASCII, tested at once.
const BLOCK: usize = 64;

/// The eight-byte words of a block.
const WORDS: usize = BLOCK / 8;

/// UTF-16 offsets for any byte offset of one text.
pub struct Utf16Offsets<'t> {
    text: &'t str,
    /// One entry per block (and one for the end of a text that fills its last block); empty
    /// for an ASCII text, where the two offsets are the same.
    blocks: Vec<Block>,
}

/// The lag of one block's bytes.
#[derive(Clone, Copy)]
struct Block {
    /// The lag before the block.
    before: usize,
    /// Word `w`, byte `i`: one more than how much the lag grew from `before` up to byte `i` of
    /// word `w` (at least one less: the block's first byte may follow a four-byte character;
    /// at most 64 more), so that no byte is negative. (A `before` per word, not per block, was
    /// twice the bytes to fill for the ASCII blocks, for one fewer instruction a conversion.)
    steps: [u64; WORDS],
}

impl<'t> Utf16Offsets<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut table = Table {
            // Allocated at the first block with another character: an ASCII text gets none
            // (and this one pass is also the test for ASCII).
            blocks: Vec::new(),
            lag: 0,
            leads: 0,
            len: bytes.len(),
        };
        // Most blocks of news text are ASCII: one test for the whole block, and no entries yet
        // (the entries of a run of them are filled in at the next other block, or at the end,
        // all the same). The test ORs the block's bytes as bytes, which the compiler does
        // sixteen at a time (eight-byte words were twice the instructions), over whole blocks
        // without a bounds check.
        // (`chunks_exact`, not `as_chunks`: the crate supports Rust 1.85.)
        let whole = bytes.chunks_exact(BLOCK);
        let last = whole.len();
        for (b, block) in whole.enumerate() {
            let block: &[u8; BLOCK] = block.try_into().unwrap_or(&[0; BLOCK]);
            if is_ascii(block) {
                continue;
            }
            // Most such blocks hold no four-byte lead (nor follow one): the lag grows at the
            // continuation bytes only.
            if four_byte(block) | table.pending() == 0 {
                table.add(b, std::array::from_fn(|i| steps(load8(block, i * 8), 0)));
                continue;
            }
            table.add_leads(b, &std::array::from_fn(|i| load8(block, i * 8)));
        }
        // The last block, when the text does not fill it.
        if !bytes.get(last * BLOCK..).unwrap_or_default().is_ascii() {
            table.add_leads(last, &std::array::from_fn(|i| load8(bytes, last * BLOCK + i * 8)));
        }
        let ascii = table.ascii();
        let mut blocks = table.blocks;
        if !blocks.is_empty() {
            // Every word has an entry, and a text that fills its last word one for its end.
            resize(&mut blocks, bytes.len() / BLOCK + 1, ascii);
        }
        Utf16Offsets { text, blocks }
    }

    /// The UTF-16 offset of byte offset `byte`. Offsets past the end are clamped to the end;
    /// offsets inside a character map to that character's start.
    #[inline]
    pub fn get(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        // (Only an ASCII text has no entry for an offset up to its end.)
        match self.blocks.get(byte / BLOCK) {
            Some(block) => {
                let steps = block.steps[byte / 8 % WORDS] >> (8 * (byte % 8));
                byte + 1 - block.before - usize::from(steps as u8)
            }
            None => byte,
        }
    }
}

/// `blocks.resize(len, ascii)`: out of line in the browser build, where the fill, unrolled
/// at both uses, came to ~3 KB of wasm (277 B here); natively inlined.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn resize(blocks: &mut Vec<Block>, len: usize, ascii: Block) {
    blocks.resize(len, ascii);
}

/// Whether `block` is all ASCII: its bytes ORed as bytes, which the compiler does sixteen at a
/// time natively.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn is_ascii(block: &[u8; BLOCK]) -> bool {
    block.iter().fold(0, |any, &x| any | x) < 0x80
}

/// 1 if `block` holds a four-byte character's lead (0xf0 or above), else 0.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn four_byte(block: &[u8; BLOCK]) -> u8 {
    block.iter().fold(0, |any, &x| any | u8::from(x >= 0xf0))
}

/// [`is_ascii`] in the browser build: its eight-byte words ORed, as the wasm target has no
/// vector compares (the bytes one by one were 64 loads and ORs, ~1 KB with [`four_byte`]'s).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn is_ascii(block: &[u8; BLOCK]) -> bool {
    words(block).fold(0, |any, w| any | w) & HIGH == 0
}

/// [`four_byte`] in the browser build: a word's bytes of 0xf0 or above are those whose top
/// four bits are set, each tested at its high bit.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn four_byte(block: &[u8; BLOCK]) -> u8 {
    u8::from(words(block).fold(0, |any, w| any | w & w << 1 & w << 2 & w << 3) & HIGH != 0)
}

/// The eight-byte words of `block`.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn words(block: &[u8; BLOCK]) -> impl Iterator<Item = u64> + '_ {
    (0..WORDS).map(|i| load8(block, i * 8))
}

/// How the lag moves at each byte of word `w`, whose first bytes follow a four-byte character
/// where `after` has their high bit (the lead's top-half position in the word before, moved
/// down): up one at a continuation byte, down one after a four-byte character, plus one in the
/// first byte. [`Table::add`] sums them into every byte above by a multiply. (The sums never
/// leave a byte, and none is negative, so the wrapping within cancels out.)
#[inline(always)]
fn steps(w: u64, after: u64) -> u64 {
    let continuation = (w & !(w << 1)) >> 7 & ONES;
    (continuation + 1).wrapping_sub(after >> 7 & ONES)
}

/// [`Utf16Offsets::blocks`] as they are made.
struct Table {
    blocks: Vec<Block>,
    /// The lag before the next block.
    lag: usize,
    /// The four-byte leads in the last word's top half, as the high bits of the bytes four
    /// lower: the bytes after those characters are in the next word.
    leads: u64,
    /// The text's length.
    len: usize,
}

impl Table {
    /// 0x80 if the next word's first bytes follow a four-byte character, else 0.
    #[inline(always)]
    fn pending(&self) -> u8 {
        u8::from(self.leads != 0) << 7
    }

    /// The entry of an ASCII block from here.
    #[inline(always)]
    fn ascii(&self) -> Block {
        Block {
            before: self.lag,
            steps: [ONES; WORDS],
        }
    }

    /// Adds block `b`, not all ASCII, as the steps of its words (and the entries of the ASCII
    /// blocks before it, unless no block before had another character either). (The steps as
    /// an array, not a function of the word: one copy of this in the browser build, not one
    /// per caller.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn add(&mut self, b: usize, steps: [u64; WORDS]) {
        if self.blocks.is_empty() {
            self.blocks = Vec::with_capacity(self.len / BLOCK + 1);
        }
        let ascii = self.ascii();
        resize(&mut self.blocks, b, ascii);
        // (How much the lag grew before each word, added to its first byte.)
        let mut grown = 0;
        let steps = std::array::from_fn(|i| {
            let sums = steps[i].wrapping_add(grown).wrapping_mul(ONES);
            grown = (sums >> 56) - 1;
            sums
        });
        self.blocks.push(Block {
            before: self.lag,
            steps,
        });
        self.lag += grown as usize;
    }

    /// [`Table::add`] of block `b` as its `words` (zero past the text's end), which may hold
    /// four-byte characters or follow one.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn add_leads(&mut self, b: usize, words: &[u64; WORDS]) {
        let steps: [u64; WORDS] = std::array::from_fn(|i| {
            let w = words[i];
            let leads = w & w << 1 & w << 2 & w << 3 & HIGH;
            let s = steps(w, leads << 32 | self.leads);
            self.leads = leads >> 32;
            s
        });
        self.add(b, steps);
        // A character that ends the block moves the lag down at the next word's first byte,
        // as if before it: an ASCII block after it needs no entries of its own. (One that
        // does not end it leaves continuation bytes in the next block, which is not ASCII.)
        if self.leads == 0x80 {
            self.lag -= 1;
            self.leads = 0;
        }
    }
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
    fn four_byte_characters_at_every_alignment() {
        // Each character straddles a word and a block boundary at some shift.
        for shift in 0..BLOCK + 8 {
            let text = format!("{}😀a\u{10FFFF}é😀😀中{}", "x".repeat(shift), "😀".repeat(20));
            // And a four-byte character followed by ASCII blocks, or ending the text.
            let alone = format!("{}😀{}", "x".repeat(shift), "y".repeat(2 * BLOCK));
            let end = format!("{}😀", "x".repeat(shift));
            for text in [text, alone, end] {
                let t = Utf16Offsets::new(&text);
                for byte in 0..=text.len() + 1 {
                    assert_eq!(t.get(byte), utf16_offset(&text, byte), "byte {byte}, shift {shift}");
                }
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
