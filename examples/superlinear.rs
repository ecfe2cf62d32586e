//! Super-linear behaviour benchmark: times `annotate` on inputs of N and 10·N bytes for ordinary
//! news and for the degenerate shapes that make naive pairing or scanning quadratic, and prints
//! the ratio, which should be about 10 (≤ ~13). A benchmark, not a test: timings belong on a
//! quiet machine, not in CI (`tests/linear.rs` counts work instead).
//!
//! ```text
//! cargo run --release --example superlinear            # N = 100 KB, 10·N = 1 MB
//! cargo run --release --example superlinear -- 20000   # N = 20 KB
//! cargo run --release --example superlinear -- 100000 Yes   # only shapes whose name contains "Yes"
//! ```

#[path = "../tests/support/inputs.rs"]
mod inputs;

use quotelens::{annotate, Options};
use std::time::{Duration, Instant};

/// The fastest of several runs (at least `min_runs`, and until `budget` is spent): the minimum is
/// the least noisy estimate on a shared machine.
fn time(text: &str, min_runs: u32, budget: Duration) -> (Duration, usize) {
    let options = Options::default();
    let mut best = Duration::MAX;
    let mut found = 0;
    let started = Instant::now();
    let mut runs = 0;
    while runs < min_runs || started.elapsed() < budget {
        let t = Instant::now();
        let ann = annotate(std::hint::black_box(text), &options);
        best = best.min(t.elapsed());
        found = ann.quotes.len() + ann.claims.len() + ann.entities.len();
        std::hint::black_box(ann);
        runs += 1;
    }
    (best, found)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("N: a number of bytes"))
        .unwrap_or(100_000);
    println!(
        "annotate: N = {} bytes, 10·N = {} bytes (best of several runs)\n",
        n,
        10 * n
    );
    println!(
        "| {:<26} | {:>9} | {:>9} | {:>9} | {:>10} | {:>6} | {:>9} |",
        "input", "N ms", "10·N ms", "ratio", "MB/s @10N", "found", "found 10N"
    );
    println!(
        "|{:-<28}|{:->11}|{:->11}|{:->11}|{:->12}|{:->8}|{:->11}|",
        "", "", "", "", "", "", ""
    );
    let mut worst = 0.0f64;
    let only = std::env::args().nth(2);
    for (name, make) in inputs::shapes() {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let small = make(n);
        let large = make(10 * n);
        let (t1, f1) = time(&small, 5, Duration::from_millis(300));
        let (t10, f10) = time(&large, 3, Duration::from_millis(300));
        let ratio = t10.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        worst = worst.max(ratio);
        let mbps = large.len() as f64 / 1e6 / t10.as_secs_f64().max(1e-9);
        println!(
            "| {:<26} | {:>9.2} | {:>9.2} | {:>9.1} | {:>10.0} | {:>6} | {:>9} |{}",
            name,
            ms(t1),
            ms(t10),
            ratio,
            mbps,
            f1,
            f10,
            if ratio > 13.0 { " ← super-linear?" } else { "" }
        );
    }
    println!("\nworst ratio {worst:.1} (linear ≈ 10; ≤ ~13 passes)");
}
