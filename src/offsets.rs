//! Byte offsets (Rust) to UTF-16 code units (JavaScript string indices).
//!
//! The core works in bytes; the browser counts UTF-16 code units. [`Utf16Offsets`] counts the
//! units before every 64-byte block of the text in one forward pass, so converting any offset
//! costs a lookup and a count within one block: O(text + offsets), no sort, no rescan per span.

/// The block size of the checkpoint table: small enough that finishing a count inside a block is
/// a few word-sized steps, large enough that the table is a small fraction of the text.
const BLOCK: usize = 64;

/// UTF-16 offsets for any byte offset of one text.
pub struct Utf16Offsets<'t> {
    text: &'t str,
    /// UTF-16 units before each block (`units_before[i]` for byte `i * BLOCK`); empty for an
    /// ASCII text, where the two offsets are the same.
    units_before: Vec<usize>,
}

impl<'t> Utf16Offsets<'t> {
    pub fn new(text: &'t str) -> Self {
        if text.is_ascii() {
            return Utf16Offsets {
                text,
                units_before: Vec::new(),
            };
        }
        let mut units_before = Vec::with_capacity(text.len() / BLOCK + 2);
        let mut units = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            units_before.push(units);
            units += utf16_units(block);
        }
        // For the end of a text whose length is a whole number of blocks.
        units_before.push(units);
        Utf16Offsets { text, units_before }
    }

    /// The UTF-16 offset of byte offset `byte`. Offsets past the end are clamped to the end;
    /// offsets inside a character map to that character's start.
    pub fn get(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        if self.units_before.is_empty() {
            return byte;
        }
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let block = byte / BLOCK;
        // A block may start inside a character: counting lead bytes from the block start is
        // still exact, as a character is counted where its lead byte is.
        self.units_before[block] + utf16_units(&self.text.as_bytes()[block * BLOCK..byte])
    }
}

/// UTF-16 code units in `bytes` (whole characters of UTF-8): one per character, two for a
/// four-byte one. Counting lead bytes needs no decoding: eight bytes at a time, a
/// continuation byte is `10xxxxxx` and a four-byte lead `11110xxx`.
fn utf16_units(bytes: &[u8]) -> usize {
    use crate::swar::HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // Bit 7 of each byte, and its bits 6, 5 and 4 moved up to bit 7.
        let (b6, b5, b4) = (w << 1, w << 2, w << 3);
        let continuation = w & !b6 & HIGH;
        let four_byte_lead = w & b6 & b5 & b4 & HIGH;
        units += 8 - continuation.count_ones() as usize + four_byte_lead.count_ones() as usize;
    }
    units
        + chunks
            .remainder()
            .iter()
            .map(|&b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xf0))
            .sum::<usize>()
}

/// Converts one byte offset; for many, build a [`Utf16Offsets`].
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    let mut end = byte;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_counts_match_encode_utf16() {
        let text = "a😀b “Да,” 中文 é\u{10FFFF}x 🇺🇦 ok";
        for start in 0..text.len() {
            for end in start..=text.len() {
                if text.is_char_boundary(start) && text.is_char_boundary(end) {
                    let want = text[start..end].encode_utf16().count();
                    assert_eq!(utf16_units(&text.as_bytes()[start..end]), want, "{start}..{end}");
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
