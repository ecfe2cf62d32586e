//! The check-worthiness scorer alone, in thread CPU time: every sentence of the PolNeAR train
//! texts through `checkworthy::logit_tokens`, each text segmented and split first (not timed).
//! A profiling aid for scorer changes: the claims stage of `examples/stages` also holds the
//! roster and the claims' assembly, and wall time on a shared machine is noisy.
//!
//! ```sh
//! cargo run --release --example scorer                    # best of 9 passes
//! STAGES_RUNS=15 cargo run --release --example scorer
//! SCORER_MODE=twice cargo run --release --example scorer  # each text scored twice, the second timed
//! SCORER_MODE=flush SCORER_FLUSH_MB=2 cargo run --release --example scorer  # the same, caches flushed between
//! ```
//!
//! The checksum of the logits and signals must not change with a change that keeps the output.
//! `twice` tells what first sight costs (memo misses, the branch predictor's learning); `flush`
//! with 1, 2, 4 or 8 MB tells how much of that is the caches.
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/cpu_time.rs"]
mod cpu_time;
use cpu_time::cpu_time;
use quotelens::{checkworthy, quotes, segment};
use std::time::Duration;

fn main() {
    let texts = corpus::texts();
    let runs = corpus::runs(9);
    let mode = std::env::var("SCORER_MODE").unwrap_or_default();
    let (twice, flush) = (mode == "twice" || mode == "flush", mode == "flush");
    let flush_mb: usize = std::env::var("SCORER_FLUSH_MB")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(8);
    let mut junk = vec![1u64; if flush { flush_mb << 17 } else { 0 }];
    let score_all = |doc: &segment::Document, check: &mut u64| {
        for s in &doc.sentences {
            let (z, signals) = checkworthy::logit_tokens(doc.text, &doc.tokens[s.tokens.clone()]);
            *check = check.wrapping_mul(31).wrapping_add(z.to_bits() as u64 ^ signals as u64);
        }
    };
    let (mut best, mut check) = (Duration::MAX, 0u64);
    let (mut sentences, mut tokens) = (0, 0);
    for _ in 0..runs {
        let mut spent = Duration::ZERO;
        (check, sentences, tokens) = (0, 0, 0);
        for text in &texts {
            let mut doc = segment::Document::new(text);
            let _quotes = quotes::find(&mut doc);
            doc.split_sentences();
            sentences += doc.sentences.len();
            tokens += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
            if twice {
                score_all(&doc, &mut 0);
            }
            if flush {
                for j in junk.iter_mut().step_by(8) {
                    *j = j.wrapping_add(1);
                }
                std::hint::black_box(&junk);
            }
            let start = cpu_time();
            score_all(&doc, &mut check);
            spent += cpu_time() - start;
        }
        best = best.min(spent);
    }
    println!(
        "scorer {:.2} ms ({sentences} sentences, {tokens} tokens; best of {runs}, thread CPU{}), checksum {check:016x}",
        best.as_secs_f64() * 1e3,
        if mode.is_empty() {
            String::new()
        } else {
            format!(", mode {mode}")
        },
    );
}
