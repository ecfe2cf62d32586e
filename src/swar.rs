//! Eight bytes at a time ("SIMD within a register"): the byte tests the tokenizer, the lexicon,
//! the check-worthiness scanner and the UTF-16 count share. A byte-at-a-time loop pays a
//! mispredicted branch at the end of nearly every word; these pay one per eight bytes at most.
//!
//! Each test sets the high bit (0x80) of every byte that passes. A range test adds a constant
//! to bytes whose high bit was cleared first, so no sum carries into the next byte.

/// 0x01 in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` from `at`, little-endian, zero past the end: scanners read whole
/// chunks up to a text's last byte without a byte loop.
#[inline(always)]
pub fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(|b| b.first_chunk::<8>()) {
        Some(&b) => u64::from_le_bytes(b),
        None => load8_end(bytes, at),
    }
}

/// The low `n` bytes of a `u64` (`n` from 1 to 8): a word of `n` bytes of a [`load8`].
#[inline(always)]
pub fn low_bytes(n: usize) -> u64 {
    u64::MAX >> (64 - 8 * n)
}

/// [`load8`] within the last eight bytes (once per text or word at most, so out of line).
#[inline(never)]
fn load8_end(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..)
        .unwrap_or(b"")
        .iter()
        .rev()
        .fold(0, |x, &b| x << 8 | b as u64)
}

/// `b` in every byte.
pub const fn splat(b: u8) -> u64 {
    b as u64 * ONES
}

/// The high bit of every byte of `w` that is ASCII and within `lo..=hi`.
#[inline(always)]
pub const fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    let low7 = w & !HIGH;
    low7.wrapping_add(splat(0x80 - lo)) & !low7.wrapping_add(splat(0x7f - hi)) & !w & HIGH
}

/// The high bit of every ASCII letter of `w`, either case (`| 0x20` folds `A`..`Z` onto
/// `a`..`z` and moves no other byte into that range).
#[inline(always)]
pub const fn letters(w: u64) -> u64 {
    in_range(w | splat(0x20), b'a', b'z')
}

/// The high bit of every ASCII digit of `w`.
#[inline(always)]
pub const fn digits(w: u64) -> u64 {
    in_range(w, b'0', b'9')
}

/// The high bit of every byte of `w` that is not an ASCII letter or digit: [`letters`] and
/// [`digits`] in fewer operations (they share the masked bytes, and a range's two sums differ in
/// their high bit exactly for the bytes inside it, so one `xor` stands for `& !`), for the
/// tokenizer, which runs it on every word.
#[inline(always)]
pub const fn not_alnum(w: u64) -> u64 {
    let low7 = w & !HIGH;
    let folded = low7 | splat(0x20);
    let letter = folded.wrapping_add(splat(0x80 - b'a')) ^ folded.wrapping_add(splat(0x7f - b'z'));
    let digit = low7.wrapping_add(splat(0x80 - b'0')) ^ low7.wrapping_add(splat(0x7f - b'9'));
    (!(letter | digit) | w) & HIGH
}

/// Lowercases the ASCII capitals among eight bytes (bytes known to be ASCII).
#[inline(always)]
pub const fn lower8(w: u64) -> u64 {
    w | (in_range(w, b'A', b'Z') >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_tests_match_the_std_predicates() {
        for b in 0..=255u8 {
            let w = splat(b);
            assert_eq!(letters(w) != 0, b.is_ascii_alphabetic(), "letter {b:#x}");
            assert_eq!(digits(w) != 0, b.is_ascii_digit(), "digit {b:#x}");
            assert_eq!(not_alnum(w) == 0, b.is_ascii_alphanumeric(), "alnum {b:#x}");
            if b.is_ascii() {
                assert_eq!(lower8(w), splat(b.to_ascii_lowercase()), "lower {b:#x}");
            }
        }
        // Neighbours do not leak into each other: the byte at index i owns bit 8 * i + 7.
        let w = u64::from_le_bytes(*b"a\xffZ9 \x7f0z");
        let at = |i: u32| 0x80u64 << (8 * i);
        assert_eq!(letters(w), at(0) | at(2) | at(7));
        assert_eq!(digits(w), at(3) | at(6));
        assert_eq!(not_alnum(w), at(1) | at(4) | at(5));
    }
}
