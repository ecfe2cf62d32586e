//! Work stays linear in the input (DESIGN.md, "Budgets"), checked by counting, not timing: for
//! every input shape of the super-linear benchmark (`examples/superlinear.rs`), 10× the input
//! gives at most about 10× the output, and the text that spans cover adds up to a bounded
//! multiple of the input. An output that grows faster (say, every unclosed mark opening a quote
//! to the end of the text) costs quadratic time to build, to serialise and to paint, whatever the
//! core's own loops do. Time itself is measured by the benchmark, by hand, on a quiet machine.

#[path = "support/inputs.rs"]
mod inputs;

use quotelens::schema::to_output;
use quotelens::segment::Document;
use quotelens::{annotate, Annotations, Options, Span};

const N: usize = 20_000;

/// Bytes of JSON, and bytes of input covered by all spans together (counted with multiplicity).
fn work(text: &str) -> (usize, usize) {
    let every = Options {
        min_claim_score: Some(0.0),
        ..Options::default()
    };
    let ann = annotate(text, &every);
    let json = serde_json::to_string(&to_output(text, &ann)).expect("serialises").len();
    (json, covered(&ann))
}

fn covered(ann: &Annotations) -> usize {
    let len = |s: Span| s.len();
    let mut total = 0;
    for q in &ann.quotes {
        total += len(q.span) + q.parts.iter().map(|&p| len(p)).sum::<usize>();
        total += q.speaker.map_or(0, |s| len(s.mention)) + q.cue.map_or(0, len);
    }
    for c in &ann.claims {
        total += len(c.span) + c.speaker.map_or(0, |s| len(s.mention)) + c.cue.map_or(0, len);
    }
    for e in &ann.entities {
        total += e.mentions.iter().map(|&m| len(m)).sum::<usize>() + e.name.len();
    }
    total
}

#[test]
fn output_grows_linearly_with_input() {
    let mut report = Vec::new();
    for (name, make) in inputs::shapes() {
        let (small, large) = (make(N), make(10 * N));
        let (json1, cover1) = work(&small);
        let (json10, cover10) = work(&large);
        report.push(format!(
            "{name:<26} json {json1:>8} → {json10:>9}   covered {cover1:>8} → {cover10:>9} (input {} → {})",
            small.len(),
            large.len()
        ));
        // Linear with a constant: the empty result is ~50 bytes, and shapes may produce nothing.
        assert!(
            json10 <= 13 * json1 + 4096,
            "{name}: JSON output grows super-linearly: {json1} → {json10} bytes\n{}",
            report.join("\n")
        );
        // Spans overlap (a quote, its parts, its claim, the speaker's mention), but only a
        // bounded number of times: never one span per mark reaching to the end of the text.
        for (input, cover) in [(&small, cover1), (&large, cover10)] {
            assert!(
                cover <= 8 * input.len() + 4096,
                "{name}: spans cover {cover} bytes of a {}-byte input\n{}",
                input.len(),
                report.join("\n")
            );
        }
    }
    println!("{}", report.join("\n"));
}

/// Segmentation makes at most one token per character and one sentence per token, for every
/// shape: nothing is split into more pieces than the input has characters.
#[test]
fn segmentation_is_bounded_by_the_input() {
    for (name, make) in inputs::shapes() {
        let text = make(10 * N);
        let chars = text.chars().count();
        let mut doc = Document::new(&text);
        assert!(doc.tokens.len() <= chars, "{name}: {} tokens", doc.tokens.len());
        assert!(doc.lines.len() <= chars + 1, "{name}: {} lines", doc.lines.len());
        doc.split_sentences();
        assert!(
            doc.sentences.len() <= doc.tokens.len() + 1,
            "{name}: {} sentences",
            doc.sentences.len()
        );
    }
}
