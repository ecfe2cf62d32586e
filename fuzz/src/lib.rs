//! The invariants the fuzz targets check, in one place so that `tests/fuzz_replay.rs` (stable,
//! `cargo test`) replays the committed corpus through exactly the same checks as the fuzzer
//! (nightly, `cargo +nightly fuzz run …`). That test includes this file with `#[path]`, so it
//! depends only on `quotelens` and `serde_json`.
//!
//! Every check panics with a message naming what broke; libFuzzer records a panic as a crash.

use quotelens::offsets::{utf16_offset, Utf16Offsets};
use quotelens::schema::to_output;
use quotelens::{annotate, Annotations, Options, Span, Speaker};

/// Fuzz input for the `annotate` target: the bytes as text (invalid UTF-8 replaced by U+FFFD,
/// as a page's text never holds invalid UTF-8 by the time it reaches the core).
pub fn check_annotate_bytes(data: &[u8]) {
    check_annotate(&String::from_utf8_lossy(data));
}

/// `annotate` on `text` with the default options (twice: the results must be equal) and with
/// every claim candidate emitted (`min_claim_score: Some(0.0)`), each result checked, and the
/// schema output checked against it.
pub fn check_annotate(text: &str) {
    let utf16 = Utf16Prefix::new(text);
    let options = Options::default();
    let first = annotate(text, &options);
    check_annotations(text, &first, &utf16);
    let second = annotate(text, &options);
    assert!(first == second, "annotate is not deterministic");

    let every = Options {
        min_claim_score: Some(0.0),
        ..Options::default()
    };
    let all = annotate(text, &every);
    check_annotations(text, &all, &utf16);
}

/// UTF-16 offsets of every char boundary, computed the slow obvious way once per text, so the
/// checks stay linear even on the 100 KB inputs of the super-linear run.
struct Utf16Prefix {
    /// `units[b]` = UTF-16 code units before byte `b`, for each char boundary `b`.
    units: Vec<usize>,
}

impl Utf16Prefix {
    fn new(text: &str) -> Self {
        let mut units = vec![usize::MAX; text.len() + 1];
        let mut count = 0;
        for (byte, ch) in text.char_indices() {
            units[byte] = count;
            count += ch.len_utf16();
        }
        units[text.len()] = count;
        Utf16Prefix { units }
    }
    fn at(&self, byte: usize) -> usize {
        self.units[byte]
    }
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds (text is {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on a char boundary"
    );
}

fn check_speaker(text: &str, speaker: &Option<Speaker>, entities: usize, what: &str) {
    if let Some(sp) = speaker {
        check_span(text, sp.mention, what);
        if let Some(e) = sp.entity {
            assert!(e < entities, "{what}: entity {e} of {entities}");
        }
    }
}

/// The core's promises about one result (byte spans), then the schema's (UTF-16 offsets).
fn check_annotations(text: &str, ann: &Annotations, utf16: &Utf16Prefix) {
    let entities = ann.entities.len();
    for (i, q) in ann.quotes.iter().enumerate() {
        check_span(text, q.span, &format!("quote {i}"));
        let mut previous_end = q.span.start;
        for (j, &part) in q.parts.iter().enumerate() {
            check_span(text, part, &format!("quote {i} part {j}"));
            assert!(
                q.span.contains(part),
                "quote {i} part {j} {part:?} outside {:?}",
                q.span
            );
            assert!(part.start >= previous_end, "quote {i} part {j} {part:?} out of order");
            previous_end = part.end;
        }
        check_speaker(text, &q.speaker, entities, &format!("quote {i} speaker"));
        if let Some(cue) = q.cue {
            check_span(text, cue, &format!("quote {i} cue"));
        }
        assert!(
            q.confidence.is_finite() && (0.0..=1.0).contains(&q.confidence),
            "quote {i} confidence {}",
            q.confidence
        );
    }
    for (i, w) in ann.quotes.windows(2).enumerate() {
        assert!(
            w[0].span.start <= w[1].span.start,
            "quotes {i} and {} not sorted: {:?} {:?}",
            i + 1,
            w[0].span,
            w[1].span
        );
    }
    for (i, c) in ann.claims.iter().enumerate() {
        check_span(text, c.span, &format!("claim {i}"));
        check_speaker(text, &c.speaker, entities, &format!("claim {i} speaker"));
        if let Some(cue) = c.cue {
            check_span(text, cue, &format!("claim {i} cue"));
        }
        assert!(c.score.is_finite(), "claim {i} score {}", c.score);
    }
    for (i, w) in ann.claims.windows(2).enumerate() {
        assert!(
            w[0].span.start <= w[1].span.start,
            "claims {i} and {} not sorted: {:?} {:?}",
            i + 1,
            w[0].span,
            w[1].span
        );
    }
    for (i, e) in ann.entities.iter().enumerate() {
        for (j, &m) in e.mentions.iter().enumerate() {
            check_span(text, m, &format!("entity {i} mention {j}"));
        }
    }

    // The boundary: same counts, UTF-16 offsets equal to the naive count, texts equal to the
    // slices, and the whole thing serialises to JSON.
    let out = to_output(text, ann);
    let u = |b: usize| utf16.at(b);
    assert_eq!(out.quotes.len(), ann.quotes.len());
    for (o, q) in out.quotes.iter().zip(&ann.quotes) {
        assert_eq!(
            (o.start, o.end),
            (u(q.span.start), u(q.span.end)),
            "quote {} offsets",
            o.id
        );
        assert_eq!(o.text, q.span.of(text));
        let parts: Vec<[usize; 2]> = q.parts.iter().map(|p| [u(p.start), u(p.end)]).collect();
        assert_eq!(o.parts, parts, "quote {} parts", o.id);
        if let (Some(so), Some(s)) = (&o.speaker, &q.speaker) {
            assert_eq!((so.start, so.end), (u(s.mention.start), u(s.mention.end)));
        }
        assert_eq!(o.speaker.is_some(), q.speaker.is_some());
        if let (Some(co), Some(c)) = (&o.cue, &q.cue) {
            assert_eq!((co.start, co.end), (u(c.start), u(c.end)));
        }
    }
    assert_eq!(out.claims.len(), ann.claims.len());
    for (o, c) in out.claims.iter().zip(&ann.claims) {
        assert_eq!(
            (o.start, o.end),
            (u(c.span.start), u(c.span.end)),
            "claim {} offsets",
            o.id
        );
        assert_eq!(o.text, c.span.of(text));
    }
    assert_eq!(out.entities.len(), ann.entities.len());
    for (o, e) in out.entities.iter().zip(&ann.entities) {
        for (mo, m) in o.mentions.iter().zip(&e.mentions) {
            assert_eq!((mo.start, mo.end), (u(m.start), u(m.end)), "entity {} mention", o.id);
        }
    }
    let json = serde_json::to_string(&out).expect("the output serialises");
    // The CLI's own writer gives the same bytes.
    let mut written = Vec::new();
    out.write_json(&mut written).expect("writing to a Vec cannot fail");
    assert!(
        written == json.as_bytes(),
        "write_json differs from serde_json on {text:?}"
    );
    // And so does the CLI's path, which writes the same items without collecting them.
    let mut direct = Vec::new();
    quotelens::schema::write_json(text, ann, &mut direct).expect("writing to a Vec cannot fail");
    assert!(
        direct == json.as_bytes(),
        "schema::write_json differs from serde_json on {text:?}"
    );
    // And into a vector, appended (the CLI's buffer holds the lines before).
    let mut appended = b"before".to_vec();
    quotelens::schema::write_json_to(text, ann, &mut appended);
    assert!(
        appended[6..] == *json.as_bytes() && appended.starts_with(b"before"),
        "schema::write_json_to differs from serde_json on {text:?}"
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("the output is valid JSON");
    assert_eq!(value["version"], 1);
}

/// Fuzz input for the `utf16` target: the first byte says how many offsets follow (0–31, two
/// bytes each, little-endian); the rest is the text (invalid UTF-8 replaced by U+FFFD).
/// Offsets are taken modulo `len + 5`, so some fall past the end and many inside characters.
pub fn check_utf16_bytes(data: &[u8]) {
    let Some((&n, rest)) = data.split_first() else {
        return check_utf16("", &[]);
    };
    let (head, body) = rest.split_at((usize::from(n % 32) * 2).min(rest.len()));
    let text = String::from_utf8_lossy(body);
    let offsets: Vec<usize> = head
        .chunks(2)
        .map(|c| usize::from(c[0]) | usize::from(c.get(1).copied().unwrap_or(0)) << 8)
        .map(|o| o % (text.len() + 5))
        .collect();
    check_utf16(&text, &offsets);
}

/// Both conversions agree with the definition: the UTF-16 length of every character that ends
/// at or before `byte` (so an offset inside a character maps to that character's start, and an
/// offset past the end to the end).
pub fn check_utf16(text: &str, offsets: &[usize]) {
    let naive = |byte: usize| -> usize {
        text.char_indices()
            .take_while(|&(i, c)| i + c.len_utf8() <= byte)
            .map(|(_, c)| c.len_utf16())
            .sum()
    };
    let table = Utf16Offsets::new(text);
    for &byte in offsets {
        let want = naive(byte);
        assert_eq!(table.get(byte), want, "Utf16Offsets::get({byte}) on {text:?}");
        assert_eq!(utf16_offset(text, byte), want, "utf16_offset({byte}) on {text:?}");
    }
    // Every char boundary.
    let mut units = 0;
    for (byte, ch) in text.char_indices() {
        assert_eq!(
            table.get(byte),
            units,
            "Utf16Offsets::get({byte}) among all on {text:?}"
        );
        units += ch.len_utf16();
    }
    assert_eq!(table.get(text.len()), units);
}
