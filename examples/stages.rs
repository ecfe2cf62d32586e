//! Where `annotate`'s time goes, stage by stage, on the PolNeAR train texts (a profiling aid;
//! fat LTO inlines the stages into one symbol, so `perf` alone cannot split them).
//!
//! ```sh
//! cargo run --release --example stages [-- DIR]
//! STAGES_JSON=1 cargo run --release --example stages   # and `Output::write_json` of the schema
//! STAGES_JSON=direct cargo run --release --example stages   # or the CLI's `schema::write_json_to`
//!                                                 into a reused `Vec` (to_output's items written as shaped: its
//!                                                 time all in the json stage)
//! STAGES_CONCAT=10000000 cargo run --release --example stages   # one ~10 MB document instead
//! STAGES_CLOCK=cpu cargo run --release --example stages   # thread CPU time, not wall time
//! ```
#[path = "support/concatenated.rs"]
mod concatenated;
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/cpu_time.rs"]
mod cpu_time;
use concatenated::concatenated;
use cpu_time::cpu_time;
use quotelens::{attribution, claims, mentions, quotes, schema, segment, Options};
use std::time::{Duration, Instant};

fn main() {
    let mut texts = corpus::texts();
    if let Some(size) = std::env::var("STAGES_CONCAT")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        // One big document of about `size` bytes, as `bench`'s scaling rows: where a big
        // document's extra cost per byte goes.
        texts = vec![concatenated(&texts, size)];
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let runs = corpus::runs(7);
    if std::env::var("STAGES_ONLY").is_ok_and(|v| v == "segment") {
        // Segmentation alone, thread CPU time: for comparing tokenizer changes on a busy machine.
        let best = (0..runs * 2)
            .map(|_| {
                let start = cpu_time();
                for text in &texts {
                    std::hint::black_box(segment::Document::new(text));
                }
                cpu_time() - start
            })
            .min()
            .unwrap_or_default();
        println!(
            "segment only: {:.2} ms, {:.2} ns/byte",
            best.as_secs_f64() * 1e3,
            best.as_secs_f64() * 1e9 / bytes as f64
        );
        return;
    }
    let names = [
        "segment",
        "quotes",
        "sentences",
        "mentions",
        "attribution",
        "claims",
        "to_output",
        "json",
    ];
    // The CLI's serialisation as an eighth stage, on request only (so that the default
    // profile's total stays comparable with earlier ones).
    let json = std::env::var_os("STAGES_JSON").is_some();
    let direct = std::env::var("STAGES_JSON").is_ok_and(|v| v == "direct");
    let stages = if json { 8 } else { 7 };
    let mut best = [Duration::MAX; 8];
    let options = Options::default();
    // The CLI's JSON buffer (`STAGES_JSON=direct`), kept from document to document.
    let mut out = Vec::new();
    // The result, refilled from document to document as the CLI's is (`annotate_into`).
    let mut annotations = quotelens::Annotations::default();
    // Thread CPU time on request: on a shared machine other processes' turns inflate wall
    // time (each reading costs a system call, so the figures are a little higher).
    let cpu = std::env::var("STAGES_CLOCK").is_ok_and(|v| v == "cpu");
    let epoch = Instant::now();
    let now = || if cpu { cpu_time() } else { epoch.elapsed() };
    for _ in 0..runs {
        let mut spent = [Duration::ZERO; 8];
        for text in &texts {
            let mut clock = now();
            let mut lap = |i: usize| {
                let at = now();
                spent[i] += at - clock;
                clock = at;
            };
            let mut doc = segment::Document::new(text);
            lap(0);
            let found_quotes = quotes::find(&mut doc);
            lap(1);
            doc.split_sentences();
            lap(2);
            let mut found_mentions = mentions::find(&doc);
            lap(3);
            let found = attribution::attribute(&doc, &found_quotes, &mut found_mentions);
            quotes::give_back(found_quotes);
            lap(4);
            claims::assemble(&doc, found, found_mentions, &options, &mut annotations);
            lap(5);
            if direct {
                lap(6);
                // Into a reused vector, as the CLI writes (a sink's writes cost nothing).
                out.clear();
                schema::write_json_to(text, &annotations, &mut out);
                std::hint::black_box(&out);
                lap(7);
                continue;
            }
            let output = std::hint::black_box(schema::to_output(text, &annotations));
            lap(6);
            if json {
                output
                    .write_json(&mut std::io::sink())
                    .expect("writing to a sink cannot fail");
                lap(7);
            }
        }
        for i in 0..stages {
            best[i] = best[i].min(spent[i]);
        }
    }
    let best = &best[..stages];
    let total: Duration = best.iter().sum();
    println!("{bytes} bytes; best of {runs} per stage");
    for (name, &d) in names.iter().zip(best) {
        println!(
            "{name:12} {:8.1} ms {:5.1}%  {:6.2} ns/byte",
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / total.as_secs_f64(),
            d.as_secs_f64() * 1e9 / bytes as f64
        );
    }
    println!(
        "{:12} {:8.1} ms  {:.1} MB/s",
        "total",
        total.as_secs_f64() * 1e3,
        bytes as f64 / total.as_secs_f64() / 1e6
    );
}
