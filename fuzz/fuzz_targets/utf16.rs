//! `offsets::Utf16Offsets` and `offsets::utf16_offset` against a naive count of the prefix's
//! UTF-16 code units, for arbitrary text and arbitrary (also mid-character and past-the-end)
//! byte offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    quotelens_fuzz::check_utf16_bytes(data);
});
