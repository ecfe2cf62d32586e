//! Lowercasing for matching words and names case-insensitively ("the official" and "The
//! official", "Ministry" in "the ministry"), without std's Unicode case tables.
//!
//! `str::to_lowercase` brings a table of some 1,400 mappings and its code into the browser
//! build (~6 KB gzip of the 150 KB budget), for names that are ASCII nearly always. Here the
//! capitals of the alphabets news is written in are lowered by rule: ASCII, Latin-1, Latin
//! Extended-A, Greek and Cyrillic. Any other character is kept as it is, so two spellings of
//! a name in another script match only as written (a missed match, never a false one).

use std::borrow::Cow;

/// `text` with every capital [`lower`] knows lowered, borrowed when it has none.
pub fn lowercase(text: &str) -> Cow<'_, str> {
    if text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(lower).collect())
}

/// The lowercase letter of a capital of ASCII, Latin-1, Latin Extended-A, Greek or Cyrillic;
/// any other character unchanged. (Where std's mapping is one to one, the same.)
pub fn lower(c: char) -> char {
    let code = c as u32;
    let lowered = match code {
        0x41..=0x5A => code + 0x20,
        // À..Þ but ×.
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Latin Extended-A: capital and small side by side, the capital first (even) in
        // Ā..ķ and Ŋ..ŷ, second (odd) in Ĺ..ň and Ź..ž; İ (0x130), ĸ (0x138), ŉ (0x149) and Ÿ
        // (0x178) apart.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        // Greek Α..Ω (no capital at 0x3A2), and the accented Ά, Έ..Ί, Ό, Ύ, Ώ.
        0x391..=0x3AB if code != 0x3A2 => code + 0x20,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 0x3F,
        // Cyrillic Ѐ..Џ, А..Я.
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// Whether `a` and `b` are the same bytes but for ASCII case: std's `eq_ignore_ascii_case`.
#[inline(always)]
pub fn eq_ignore_case(a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> bool {
    bytes_eq_ignore_case(a.as_ref(), b.as_ref())
}

/// [`eq_ignore_case`] on bytes: one function in the browser build, where std's compare,
/// inlined at each of some ninety uses, came to 13 KB of wasm; inlined natively, as std's is.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn bytes_eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// `text.is_ascii()`: out of line in the browser build, where std's word-at-a-time test
/// inlined at each of the mentions' uses (~180 bytes each); natively inlined as before.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn is_ascii(text: &str) -> bool {
    text.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where std lowers a character to one character and the rule knows it, both agree; the
    /// rule changes no character std leaves alone.
    #[test]
    fn agrees_with_std_where_it_lowers() {
        let mut known = 0;
        for code in 0..0x500u32 {
            let Some(c) = char::from_u32(code) else { continue };
            let mut std_lower = c.to_lowercase();
            let (first, second) = (std_lower.next(), std_lower.next());
            let ours = lower(c);
            if ours != c {
                known += 1;
                assert_eq!((Some(ours), None), (first, second), "{c:?} U+{code:04X}");
            }
            if first == Some(c) {
                assert_eq!(ours, c, "{c:?} U+{code:04X}");
            }
        }
        assert!(known > 190, "{known}");
    }

    #[test]
    fn lowers_the_names_of_news() {
        for (text, expected) in [
            ("The Official", "the official"),
            ("ÉLYSÉE Palace", "élysée palace"),
            ("ŁÓDŹ", "łódź"),
            ("ΑΘΗΝΑ", "αθηνα"),
            ("МОСКВА Ёлка", "москва ёлка"),
            ("東京 Tokyo", "東京 tokyo"),
        ] {
            assert_eq!(lowercase(text), expected);
        }
        assert!(matches!(lowercase("already lower"), Cow::Borrowed(_)));
    }
}
