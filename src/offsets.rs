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
        let mut table = Vec::with_capacity(offsets.len());
        let mut wanted = offsets.into_iter().peekable();
        let mut utf16 = 0usize;
        for (byte, ch) in text.char_indices() {
            while let Some(&want) = wanted.peek() {
                if want >= byte + ch.len_utf8() {
                    break;
                }
                table.push((want, utf16));
                wanted.next();
            }
            utf16 += ch.len_utf16();
        }
        for want in wanted {
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
