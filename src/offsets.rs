//! Byte offsets (Rust) to UTF-16 code units (JavaScript string indices).
//!
//! The core works in bytes; the browser counts UTF-16 code units. [`Utf16Offsets`] converts a
//! batch of byte offsets in one forward pass over the text, so converting every span of a result
//! costs O(text + spans·log spans), never a rescan per span.

/// A sorted table from byte offsets to UTF-16 offsets for one text.
pub struct Utf16Offsets {
    /// `(byte, utf16)` pairs, sorted by byte, for every offset that was asked for.
    table: Vec<(usize, usize)>,
    ascii: bool,
}

impl Utf16Offsets {
    /// Builds the table for `offsets` (any order, duplicates allowed). Offsets past the end are
    /// clamped to the end; offsets inside a character map to that character's start.
    pub fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        if text.is_ascii() && offsets.iter().all(|&o| o <= text.len()) {
            return Utf16Offsets {
                table: Vec::new(),
                ascii: true,
            };
        }
        offsets.sort_unstable();
        offsets.dedup();
        let bytes = text.as_bytes();
        let mut table = Vec::with_capacity(offsets.len());
        let (mut byte, mut utf16) = (0usize, 0usize);
        for want in offsets {
            // An offset inside a character counts up to that character's start.
            let mut boundary = want.min(text.len());
            while !text.is_char_boundary(boundary) {
                boundary -= 1;
            }
            utf16 += utf16_units(&bytes[byte..boundary]);
            byte = boundary;
            table.push((want, utf16));
        }
        Utf16Offsets { table, ascii: false }
    }

    /// The UTF-16 offset of byte offset `byte` (which must have been passed to [`new`]).
    ///
    /// [`new`]: Utf16Offsets::new
    pub fn get(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        match self.table.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.table[i].1,
            // Not asked for: the nearest offset before it is the best safe answer.
            Err(0) => 0,
            Err(i) => self.table[i - 1].1,
        }
    }
}

/// UTF-16 code units in `bytes` (whole characters of UTF-8): one per character, two for a
/// four-byte one. Counting lead bytes needs no decoding: eight bytes at a time, a
/// continuation byte is `10xxxxxx` and a four-byte lead `11110xxx`.
fn utf16_units(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
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
    fn ascii_is_identity() {
        let t = Utf16Offsets::new("hello", vec![0, 3, 5]);
        assert_eq!(t.get(3), 3);
    }

    #[test]
    fn emoji_and_cyrillic_count_code_units() {
        let text = "😀 “Да,” he said.";
        let quote = text.find('Д').unwrap();
        let t = Utf16Offsets::new(text, vec![quote, text.len()]);
        // 😀 is two UTF-16 units, then a space and “ one each.
        assert_eq!(t.get(quote), 4);
        assert_eq!(t.get(text.len()), text.encode_utf16().count());
        assert_eq!(utf16_offset(text, quote), 4);
    }
}
