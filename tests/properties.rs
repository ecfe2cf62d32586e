//! Property tests: whatever the input, `annotate` returns well-formed results.
//!
//! The spec files say what the core should find; these say what must hold for *any* text,
//! found or not: no panic; every span in bounds, `start <= end`, on char boundaries; quotes
//! and claims sorted by start; a quote's parts inside it and in order; speakers pointing at
//! real entities; the JSON offsets equal to the UTF-16 length of the prefix; and the same
//! input always giving the same output. Inputs are random Unicode, news-shaped fragments full
//! of quote marks and names, unbalanced marks, and huge paragraphs.
//!
//! Case counts are kept modest so the file runs in a few seconds in release mode.

use proptest::prelude::*;
use quotelens::{annotate, annotate_into, schema, Annotations, Options, Span};

/// Every claim candidate is emitted, so the claims' spans are checked too, not only those
/// above the model's threshold.
fn every_claim() -> Options {
    Options {
        min_claim_score: Some(0.0),
        ..Options::default()
    }
}

/// Runs the core on `text` and checks every invariant; `Err` names the first one broken.
fn check(text: &str) -> Result<(), String> {
    for options in [Options::default(), every_claim()] {
        let ann = annotate(text, &options);
        check_spans(text, &ann)?;
        check_utf16(text, &ann)?;
        let again = annotate(text, &options);
        if again != ann {
            return Err("the same input gave a different result the second time".into());
        }
    }
    // (Attribution's, which no option changes.)
    check_reported_tokens(text)
}

/// Each reported statement's tokens, as attribution hands them to the claims' scorer, are
/// those a search of all the document's tokens finds within its content.
fn check_reported_tokens(text: &str) -> Result<(), String> {
    use quotelens::{attribution, mentions, quotes, segment};
    let mut doc = segment::Document::new(text);
    let found_quotes = quotes::find(&mut doc);
    doc.split_sentences();
    let mut mentions = mentions::find(&doc);
    let found = attribution::attribute(&doc, &found_quotes, &mut mentions);
    for r in &found.reported {
        let first = doc.tokens.partition_point(|t| t.span.start < r.content.start);
        let last = first + doc.tokens[first..].partition_point(|t| t.span.end <= r.content.end);
        if r.tokens != (first..last) {
            return Err(format!(
                "content {:?}: tokens {:?}, not {:?}",
                r.content,
                r.tokens,
                first..last
            ));
        }
    }
    Ok(())
}

fn span_ok(text: &str, what: &str, s: Span) -> Result<(), String> {
    if s.start > s.end || s.end > text.len() {
        return Err(format!(
            "{what} {s:?} is out of bounds (text is {} bytes) near {:?}",
            text.len(),
            around(text, s.start)
        ));
    }
    if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        return Err(format!("{what} {s:?} is not on char boundaries"));
    }
    Ok(())
}

/// Up to 120 bytes of `text` either side of `at`, to show where a broken span is.
fn around(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(120).min(text.len());
    let mut end = at.saturating_add(120).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

/// Byte spans: in bounds, on char boundaries, sorted, parts inside their quote.
fn check_spans(text: &str, ann: &Annotations) -> Result<(), String> {
    let speaker_ok = |what: &str, sp: &Option<quotelens::Speaker>| -> Result<(), String> {
        if let Some(sp) = sp {
            span_ok(text, what, sp.mention)?;
            if sp.entity.is_some_and(|e| e >= ann.entities.len()) {
                return Err(format!(
                    "{what} points at entity {:?} of {}",
                    sp.entity,
                    ann.entities.len()
                ));
            }
        }
        Ok(())
    };
    for q in &ann.quotes {
        span_ok(text, "quote", q.span)?;
        speaker_ok("quote speaker", &q.speaker)?;
        if let Some(cue) = q.cue {
            span_ok(text, "quote cue", cue)?;
        }
        let mut previous_end = q.span.start;
        for &part in &q.parts {
            span_ok(text, "part", part)?;
            if !q.span.contains(part) || part.start < previous_end {
                return Err(format!(
                    "part {part:?} of quote {:?} is outside it or out of order",
                    q.span
                ));
            }
            previous_end = part.end;
        }
    }
    for c in &ann.claims {
        span_ok(text, "claim", c.span)?;
        speaker_ok("claim speaker", &c.speaker)?;
        if let Some(cue) = c.cue {
            span_ok(text, "claim cue", cue)?;
        }
    }
    for e in &ann.entities {
        for &m in &e.mentions {
            span_ok(text, "entity mention", m)?;
        }
    }
    if !ann.quotes.windows(2).all(|w| w[0].span.start <= w[1].span.start) {
        return Err("quotes are not sorted by start".into());
    }
    if !ann.claims.windows(2).all(|w| w[0].span.start <= w[1].span.start) {
        return Err("claims are not sorted by start".into());
    }
    Ok(())
}

/// The schema's offsets are the UTF-16 length of the text before each byte offset.
fn check_utf16(text: &str, ann: &Annotations) -> Result<(), String> {
    // utf16[b] = UTF-16 units before byte b, for every char boundary b.
    let mut utf16 = vec![usize::MAX; text.len() + 1];
    let mut units = 0;
    for (b, c) in text.char_indices() {
        utf16[b] = units;
        units += c.len_utf16();
    }
    utf16[text.len()] = units;
    let out = schema::to_output(text, ann);
    let same = |what: &str, byte: Span, got: (usize, usize)| -> Result<(), String> {
        let want = (utf16[byte.start], utf16[byte.end]);
        if want == got {
            Ok(())
        } else {
            Err(format!("{what} {byte:?}: UTF-16 offsets {got:?}, expected {want:?}"))
        }
    };
    for (q, o) in ann.quotes.iter().zip(&out.quotes) {
        same("quote", q.span, (o.start, o.end))?;
        for (p, op) in q.parts.iter().zip(&o.parts) {
            same("part", *p, (op[0], op[1]))?;
        }
        if let (Some(sp), Some(os)) = (q.speaker, &o.speaker) {
            same("quote speaker", sp.mention, (os.start, os.end))?;
        }
        if let (Some(cue), Some(oc)) = (q.cue, &o.cue) {
            same("quote cue", cue, (oc.start, oc.end))?;
        }
    }
    for (c, o) in ann.claims.iter().zip(&out.claims) {
        same("claim", c.span, (o.start, o.end))?;
        if let (Some(sp), Some(os)) = (c.speaker, &o.speaker) {
            same("claim speaker", sp.mention, (os.start, os.end))?;
        }
        if let (Some(cue), Some(oc)) = (c.cue, &o.cue) {
            same("claim cue", cue, (oc.start, oc.end))?;
        }
    }
    for (e, o) in ann.entities.iter().zip(&out.entities) {
        for (m, om) in e.mentions.iter().zip(&o.mentions) {
            same("entity mention", *m, (om.start, om.end))?;
        }
    }
    let counts = (out.quotes.len(), out.claims.len(), out.entities.len());
    if counts != (ann.quotes.len(), ann.claims.len(), ann.entities.len()) {
        return Err(format!("to_output changed the number of findings: {counts:?}"));
    }
    Ok(())
}

/// Pieces that news text and hostile text are made of: every quote mark and apostrophe, line
/// and paragraph breaks, names, cues, titles, and non-Latin script, emoji, combining marks
/// and bidi controls.
const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "「",
    "」",
    "『",
    "』",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "…",
    "(",
    ")",
    "Yes",
    "we will win",
    "the plan",
    "Kirill Dmitriev",
    "Dmitriev",
    "Maria Lopez",
    "President",
    "Sen.",
    "U.S.",
    "Dr.",
    "he",
    "she",
    "they",
    "the official",
    "the ministry",
    "said",
    "says",
    "Says",
    "told reporters",
    "according to",
    "argued that",
    "warned",
    "called",
    "“Yes,” he said",
    "“We will win,” she said, “and soon.”",
    ", said Lopez.",
    "Lopez said: “",
    "Biden’s",
    "players’",
    "rock ’n’ roll",
    "’90s",
    "O'Brien",
    "FILE PHOTO:",
    "© Agency",
    "2027",
    "40%",
    "$3 billion",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "e\u{301}",
    "\u{308}",
    "\u{200d}",
    "\u{200f}",
    "\u{202e}",
    "مرحبا",
    "שלום",
    "北京",
    "我们不会让步",
    "Привет",
    "\u{feff}",
    "\u{0}",
    "ﬁ",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

/// Only marks, letters and spaces: the worst case for pairing.
fn marks_only() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "“", "”", "‘", "’", "\"", "'", "«", "»", "‹", "›", "„", "‚", "「", "」", "『", "』", "a", "A", " ",
                "\n", "\n\n",
            ][..],
        ),
        0..200,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Arbitrary Unicode, control characters included.
    #[test]
    fn any_unicode(text in any::<String>()) {
        check(&text).map_err(TestCaseError::fail)?;
    }

    /// Text built from news fragments and hostile characters.
    #[test]
    fn news_fragments(text in news_like()) {
        check(&text).map_err(TestCaseError::fail)?;
    }

    /// Unbalanced and interleaved marks of every style.
    #[test]
    fn unbalanced_marks(text in marks_only()) {
        check(&text).map_err(TestCaseError::fail)?;
    }

    /// One result refilled text after text (`annotate_into`) equals each text's own.
    #[test]
    fn refilled_results(texts in prop::collection::vec(news_like(), 1..6)) {
        let mut out = Annotations::default();
        for options in [Options::default(), every_claim()] {
            for text in &texts {
                annotate_into(text, &options, &mut out);
                prop_assert_eq!(&out, &annotate(text, &options), "{:?}", text);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    /// A long article: many paragraphs of fragments, so windows and carried state are exercised.
    #[test]
    fn long_articles(paragraphs in prop::collection::vec(news_like(), 50..200)) {
        check(&paragraphs.join("\n\n")).map_err(TestCaseError::fail)?;
    }
}

/// Builds a text of about `bytes` bytes by repeating `unit`, with no line break unless `unit`
/// has one.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

/// Huge paragraphs (200 KB, no line break): bounded windows keep this linear and panic-free.
#[test]
fn huge_paragraphs() {
    for unit in [
        "“We will win,” said Maria Lopez, the party’s chairman, and she argued that the plan would work. ",
        "“", // 200 KB of opening marks that never close
        "\" ",
        "’",
        "Kirill Dmitriev ",
        "😀🇺🇦 北京 “e\u{301}” ",
    ] {
        let text = repeat_to(unit, 200_000);
        if let Err(e) = check(&text) {
            panic!("on 200 KB of {unit:?}: {e}");
        }
    }
}

/// Edge inputs worth naming: empty, only whitespace, only a mark, a lone combining mark.
#[test]
fn tiny_inputs() {
    for text in [
        "", " ", "\n", "\n\n\n", "“", "”", "'", "\"", "\u{301}", "😀", "“”", "\"\"", "a:", ":“",
    ] {
        if let Err(e) = check(text) {
            panic!("on {text:?}: {e}");
        }
    }
}

/// A "Source:" label followed by nothing but punctuation once gave a reported claim whose span
/// ended before it started (a subtraction overflow in debug builds). Fixed: empty or reversed
/// contents are dropped.
#[test]
fn label_colon_without_content() {
    for text in ["'B:?", "they::", "l D:…", "Lopez said this.\n\nB:?"] {
        if let Err(e) = check(text) {
            panic!("on {text:?}: {e}");
        }
    }
}

/// A naming word ("called", "named") as a text's first token, before a quotation, once read
/// the token before it (an index below zero: a panic natively, a trap in the browser).
#[test]
fn naming_word_first() {
    for text in ["named “Smith” said", "called \"X\" wrote it", "Called “A” told"] {
        if let Err(e) = check(text) {
            panic!("on {text:?}: {e}");
        }
    }
}
