//! Arbitrary bytes → text → `annotate` + `schema::to_output`: no panic, every span in bounds
//! and on a char boundary, lists sorted, parts inside their quote, UTF-16 offsets exact, and the
//! same input gives the same output. Run (see docs/RELIABILITY.md):
//!
//! ```text
//! cargo +nightly fuzz run annotate fuzz/corpus/annotate -- -dict=fuzz/annotate.dict
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    quotelens_fuzz::check_annotate_bytes(data);
});
