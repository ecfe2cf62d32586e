//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) through the same checks the fuzz
//! targets run, on stable, in `cargo test`: CI has no time to fuzz, but every input the fuzzer
//! found interesting (and every crash it ever found, once fixed) stays a regression test.
//! See docs/RELIABILITY.md for how the corpus is made.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, bytes)
        })
        .collect()
}

/// Runs `check` on every file, and names the file that fails.
fn replay(target: &str, check: fn(&[u8])) {
    for (path, bytes) in corpus(target) {
        let result = std::panic::catch_unwind(|| check(&bytes));
        if let Err(panic) = result {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            panic!("{}: {message}", path.display());
        }
    }
}

#[test]
fn annotate_corpus() {
    replay("annotate", checks::check_annotate_bytes);
}

#[test]
fn utf16_corpus() {
    replay("utf16", checks::check_utf16_bytes);
}

/// The conversions on a few hand-picked texts, so the checks themselves are known to bite.
#[test]
fn utf16_hand_picked() {
    for text in ["", "abc", "😀 “Да,” he said.", "é\u{FFFD}\r\n𝄞x"] {
        let offsets: Vec<usize> = (0..text.len() + 3).collect();
        checks::check_utf16(text, &offsets);
    }
}

/// Found by the `annotate` fuzzer (docs/RELIABILITY.md): `mentions::Mentions::salient` computed
/// `s - name.sentence` for a name whose sentence comes *after* the quote's sentence `s`, which
/// overflowed (a panic in debug builds, a silent wrap in release). Fixed: later names are
/// skipped. The 19-byte input is a stray `|` between a name and the cue, after an unbalanced
/// pair of opening marks; overflow checks are on in debug builds, so run it without `--release`
/// to see the original panic come back if the fix regresses.
#[test]
fn salient_sentence_distance_overflow() {
    checks::check_annotate("““.”A”A|said Office");
}

/// Found by the `annotate` fuzzer: `Mentions::salient` asked whether a name followed its
/// sentence's opener as `opener == Some(name.tokens.start - 1)`, which overflowed (debug builds)
/// for a name that is the text's first token. Fixed: asked from the opener's side. As above,
/// run it without `--release` to see the original panic come back.
#[test]
fn salient_name_at_text_start() {
    checks::check_annotate("Smith Jones “Yes,” he said.");
}
