//! The CLI's JSON alone, on the PolNeAR train texts: each annotated once, then the best of
//! `STAGES_RUNS` passes of writing them all. `examples/stages` writes into a sink, where every
//! write is free; the CLI writes into a buffer, which costs about twice as much.
//!
//! ```sh
//! JP=to cargo run --release --example jsonpath    # schema::write_json_to, a reused Vec (the CLI)
//! JP=vec cargo run --release --example jsonpath   # schema::write_json into a reused Vec
//! JP=sink cargo run --release --example jsonpath  # schema::write_json into io::sink()
//! JP=offsets cargo run --release --example jsonpath  # the UTF-16 offset table only
//! ```
#[path = "support/corpus.rs"]
mod corpus;
use quotelens::{annotate, offsets::Utf16Offsets, schema, Options};
use std::time::Instant;

fn main() {
    let texts = corpus::texts();
    let options = Options::default();
    let anns: Vec<_> = texts.iter().map(|t| annotate(t, &options)).collect();
    let runs = corpus::runs(200);
    let mode = std::env::var("JP").unwrap_or_else(|_| "sink".into());
    let mut best = f64::MAX;
    let mut buf: Vec<u8> = Vec::new();
    let mut total = 0usize;
    for _ in 0..runs {
        let start = Instant::now();
        total = 0;
        for (text, ann) in texts.iter().zip(&anns) {
            match mode.as_str() {
                "sink" => schema::write_json(text, ann, &mut std::io::sink()).unwrap(),
                "vec" => {
                    buf.clear();
                    schema::write_json(text, ann, &mut buf).unwrap();
                    total += buf.len();
                }
                "to" => {
                    buf.clear();
                    schema::write_json_to(text, ann, &mut buf);
                    total += buf.len();
                }
                "fresh" => {
                    let mut v = Vec::new();
                    schema::write_json(text, ann, &mut v).unwrap();
                    total += v.len();
                }
                "offsets" => {
                    let t = Utf16Offsets::new(std::hint::black_box(text));
                    total += t.get(text.len());
                }
                _ => panic!("mode"),
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!("{mode}: {:.3} ms ({total})", best * 1e3);
}
