//! Native throughput benchmark of the core (one thread, so one core).
//!
//! ```sh
//! cargo run --release --example bench                      # PolNeAR train texts from ../shared
//! cargo run --release --example bench -- --corpus DIR      # or QUOTELENS_BENCH_CORPUS=DIR
//! cargo run --release --example bench -- --runs 9 --json   # more repeats; one JSON object out
//! cargo run --release --example bench -- --quick           # no 10 MB document
//! cargo run --release --example bench -- --only 1mb --runs 1   # one workload, for a profiler
//!                                                  (corpus | 1mb | scaling; + JSON only:
//!                                                  the `annotate` columns read –)
//! ```
//!
//! Measures, each the median of `--runs` repeats (default 5):
//!
//! - `corpus`: every `*.txt` of the corpus, one document each, through `annotate` alone and
//!   through `annotate_into` + `schema::write_json_to` (the CLI's JSON: `schema::to_output`'s
//!   items written as they are shaped, the same bytes as `serde_json::to_writer` of the
//!   `Output`) into a reused `Vec`, as the CLI writes each result before handing it to the
//!   terminal (until round 14 into a counting sink, where a write costs nothing: ~2.2 ms a pass
//!   less than the CLI spends), the result refilled from document to document as the CLI's is
//!   (since round 17; before, a new result per document);
//! - `1 MB`: the articles concatenated (blank line between) into one ~1 MB document;
//! - `scaling`: one document of ~100 KB, ~1 MB and ~10 MB (articles repeated in turn), so that
//!   time per byte can be compared across 1×, 10× and 100× the input.
//!
//! If the corpus is missing it says so and uses generated news-like text instead.
//! Not a test: nothing here asserts; `scripts/bench.mjs` (`npm run bench`) prints it with the rest.

#[path = "support/concatenated.rs"]
mod concatenated;
#[path = "support/cpu_time.rs"]
mod cpu_time;
use concatenated::concatenated;
use cpu_time::cpu_time;
use quotelens::schema::write_json_to;
use quotelens::{annotate, annotate_into, Annotations, Options};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Args {
    corpus: PathBuf,
    runs: usize,
    json: bool,
    quick: bool,
    /// `corpus`, `1mb` or `scaling`: measure only that (for profilers).
    only: Option<String>,
}

fn parse_args() -> Args {
    let default = std::env::var_os("QUOTELENS_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear/train/text"));
    let mut args = Args {
        corpus: default,
        runs: 5,
        json: false,
        quick: false,
        only: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => args.corpus = it.next().expect("--corpus needs a directory").into(),
            "--runs" => args.runs = it.next().and_then(|n| n.parse().ok()).expect("--runs needs a number"),
            "--json" => args.json = true,
            "--quick" => args.quick = true,
            "--only" => args.only = it.next(),
            "--bench" => {} // cargo passes this to `cargo bench` targets; harmless here
            other => panic!("unknown argument {other} (see the comment at the top of examples/bench.rs)"),
        }
    }
    args.runs = args.runs.max(1);
    args
}

/// The corpus's documents in file-name order, or `None` if the directory has no `.txt`.
fn read_corpus(dir: &Path) -> Option<Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    (!docs.is_empty()).then_some(docs)
}

/// Deterministic news-like articles (headline, quotes, reported speech, numbers) for when the
/// corpus is absent. Not as varied as real news, so its figures are only indicative.
fn generated_corpus() -> Vec<String> {
    const NAMES: [&str; 6] = [
        "Maria Lopez",
        "John Smith",
        "Angela Merkel",
        "Kirill Dmitriev",
        "Ana Silva",
        "Tom Baker",
    ];
    const ORGS: [&str; 4] = ["the Treasury", "Reuters", "the World Bank", "the city council"];
    let mut docs = Vec::new();
    let mut seed: u32 = 12345;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) as usize % n
    };
    while docs.iter().map(String::len).sum::<usize>() < 4_000_000 {
        let mut doc = format!("{} warns on budget as costs rise\n\n", NAMES[next(6)]);
        for p in 0..12 {
            let (who, org) = (NAMES[next(6)], ORGS[next(4)]);
            let para = match (p + next(3)) % 4 {
                0 => format!("\u{201c}We will not accept a deal that costs {} jobs,\u{201d} {who} said on Tuesday. \u{201c}It is simply wrong.\u{201d}", next(9000) + 100),
                1 => format!("{who}, a spokesperson for {org}, said that inflation rose {}.{} percent in March, the highest rate since 2008.", next(9), next(9)),
                2 => format!("Unemployment fell to {} percent last year, according to {org}. Officials argued the figures were \u{201c}encouraging but fragile.\u{201d}", next(12) + 2),
                _ => format!("\"The market has been very volatile,\" said {who}. \"Nobody knows what comes next.\" The shares closed {} cents lower.", next(90) + 1),
            };
            doc.push_str(&para);
            doc.push_str("\n\n");
        }
        docs.push(doc);
    }
    docs
}

/// What one pass does with each document.
#[derive(Clone, Copy)]
enum Work {
    Annotate,
    AnnotateAndSerialise,
}

fn process(text: &str, options: &Options, work: Work) -> usize {
    match work {
        Work::Annotate => {
            let ann = annotate(black_box(text), options);
            ann.quotes.len() + ann.claims.len() + ann.entities.len()
        }
        // Into the last document's result, as the CLI annotates.
        Work::AnnotateAndSerialise => ANNOTATIONS.with_borrow_mut(|ann| {
            annotate_into(black_box(text), options, ann);
            OUT.with_borrow_mut(|out| {
                // Emptied per document, as the CLI's buffer is once written out.
                out.clear();
                write_json_to(text, ann, out);
                out.len()
            })
        }),
    }
}

thread_local! {
    /// The result, refilled from document to document as the CLI's is (`annotate_into`).
    static ANNOTATIONS: std::cell::RefCell<Annotations> = std::cell::RefCell::new(Annotations::default());
    /// The JSON's buffer, kept from document to document as the CLI's is.
    static OUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A median of repeated passes: thread CPU time (the figure reported) and wall time.
#[derive(Clone, Copy)]
struct Timing {
    cpu: Duration,
    wall: Duration,
}

impl Timing {
    /// CPU time where the platform gives it, wall time otherwise.
    fn best(&self) -> Duration {
        if self.cpu.is_zero() {
            self.wall
        } else {
            self.cpu
        }
    }
}

/// Medians of `runs` passes over `docs` (after one warm-up pass, which is the only pass when it
/// alone takes longer than `slow`), and the last pass's output size (items or JSON bytes).
fn measure(docs: &[&str], runs: usize, work: Work, slow: Duration) -> (Timing, usize) {
    let options = Options::default();
    let pass = || {
        let (wall0, cpu0) = (Instant::now(), cpu_time());
        let mut total = 0;
        for d in docs {
            total += black_box(process(d, &options, work));
        }
        (
            Timing {
                cpu: cpu_time().saturating_sub(cpu0),
                wall: wall0.elapsed(),
            },
            total,
        )
    };
    let (warm, mut out) = pass();
    let runs = if warm.best() > slow { 0 } else { runs };
    let mut timings = vec![warm];
    if runs > 0 {
        timings.clear();
        for _ in 0..runs {
            let (t, total) = pass();
            timings.push(t);
            out = total;
        }
    }
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let timing = Timing {
        cpu: median(timings.iter().map(|t| t.cpu).collect()),
        wall: median(timings.iter().map(|t| t.wall).collect()),
    };
    (timing, out)
}

struct Row {
    name: String,
    bytes: usize,
    docs: usize,
    /// `annotate` alone (not measured with `--only`, which times one work, for a profiler).
    annotate: Option<Timing>,
    /// `annotate_into` + `schema::write_json_to` into a reused `Vec` (the CLI's JSON).
    full: Timing,
    json_bytes: usize,
}

fn mbps(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64()
}

impl Row {
    fn ns_per_byte(&self) -> f64 {
        self.full.best().as_nanos() as f64 / self.bytes as f64
    }
}

/// A passes slower than this is measured once (the 10 MB document while the core is quadratic).
const SLOW: Duration = Duration::from_secs(20);

fn row(name: &str, docs: &[&str], runs: usize, annotate_alone: bool) -> Row {
    let bytes = docs.iter().map(|d| d.len()).sum();
    let (full, json_bytes) = measure(docs, runs, Work::AnnotateAndSerialise, SLOW);
    let annotate = annotate_alone.then(|| measure(docs, runs, Work::Annotate, SLOW).0);
    Row {
        name: name.to_string(),
        bytes,
        docs: docs.len(),
        annotate,
        full,
        json_bytes,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let args = parse_args();
    let (source, docs) = match read_corpus(&args.corpus) {
        Some(docs) => (args.corpus.display().to_string(), docs),
        None => {
            eprintln!(
                "bench: no corpus at {} (set --corpus or QUOTELENS_BENCH_CORPUS); using generated text",
                args.corpus.display()
            );
            ("generated".to_string(), generated_corpus())
        }
    };
    let all: Vec<&str> = docs.iter().map(String::as_str).collect();
    let mb1 = concatenated(&docs, 1_000_000);
    let sizes: &[(&str, usize)] = if args.quick {
        &[("100 KB (1x)", 100_000), ("1 MB (10x)", 1_000_000)]
    } else {
        &[
            ("100 KB (1x)", 100_000),
            ("1 MB (10x)", 1_000_000),
            ("10 MB (100x)", 10_000_000),
        ]
    };

    let wanted = |what: &str| args.only.as_deref().is_none_or(|o| o == what);
    let mut rows = Vec::new();
    if wanted("corpus") {
        rows.push(row(
            &format!("corpus ({} docs)", all.len()),
            &all,
            args.runs,
            args.only.is_none(),
        ));
    }
    if wanted("1mb") {
        rows.push(row("one 1 MB document", &[&mb1], args.runs, args.only.is_none()));
    }
    let mut scaling: Vec<Row> = Vec::new();
    let mut skipped = Vec::new();
    for &(name, bytes) in sizes.iter().filter(|_| wanted("scaling")) {
        // Predict from the last size (assuming the growth seen so far continues) and skip a size
        // that would take minutes; the table says so rather than hanging `npm run bench`.
        if let [.., a, b] = &scaling[..] {
            let growth = b.full.best().as_secs_f64() / a.full.best().as_secs_f64().max(1e-9);
            let predicted = b.full.best().as_secs_f64() * growth;
            if predicted > 120.0 {
                skipped.push(format!("{name}: skipped, predicted {predicted:.0} s per pass"));
                continue;
            }
        }
        let doc = concatenated(&docs, bytes);
        scaling.push(row(name, &[&doc], args.runs, false));
    }

    if args.json {
        let to_json = |r: &Row| {
            serde_json::json!({
                "name": r.name, "bytes": r.bytes, "docs": r.docs,
                "annotate_ms": r.annotate.map(|t| ms(t.best())),
                "annotate_wall_ms": r.annotate.map(|t| ms(t.wall)),
                "full_ms": ms(r.full.best()),
                "full_wall_ms": ms(r.full.wall),
                "annotate_mbps": r.annotate.map(|t| mbps(r.bytes, t.best())),
                "full_mbps": mbps(r.bytes, r.full.best()),
                "ns_per_byte": r.ns_per_byte(),
                "json_bytes": r.json_bytes,
            })
        };
        let out = serde_json::json!({
            "source": source, "runs": args.runs,
            "clock": if cpu_time().is_zero() { "wall" } else { "thread-cpu" },
            "throughput": rows.iter().map(to_json).collect::<Vec<_>>(),
            "scaling": scaling.iter().map(to_json).collect::<Vec<_>>(),
            "skipped": skipped,
        });
        println!("{out}");
        return;
    }

    println!(
        "quotelens native core, one thread; median of {} runs (thread CPU time; wall in brackets); corpus: {source}",
        args.runs
    );
    println!();
    println!("| input | bytes | annotate ms | annotate MB/s | annotate+CLI JSON ms | MB/s | JSON bytes |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        // (`--only` times one work: the `annotate` columns say it was not measured.)
        let (annotate_ms, annotate_mbps) = match r.annotate {
            Some(t) => (
                format!("{:.1} ({:.1})", ms(t.best()), ms(t.wall)),
                format!("{:.2}", mbps(r.bytes, t.best())),
            ),
            None => ("–".to_string(), "–".to_string()),
        };
        println!(
            "| {} | {} | {annotate_ms} | {annotate_mbps} | {:.1} ({:.1}) | {:.2} | {} |",
            r.name,
            r.bytes,
            ms(r.full.best()),
            ms(r.full.wall),
            mbps(r.bytes, r.full.best()),
            r.json_bytes
        );
    }
    println!();
    println!("Scaling, one document, annotate + the CLI JSON (linear means ns/byte stays flat):");
    println!();
    println!("| size | bytes | ms | ns/byte | ns/byte vs 1x |");
    println!("|---|---:|---:|---:|---:|");
    let base = scaling.first().map(Row::ns_per_byte).unwrap_or(1.0);
    for r in &scaling {
        println!(
            "| {} | {} | {:.1} | {:.1} | {:.2}x |",
            r.name,
            r.bytes,
            ms(r.full.best()),
            r.ns_per_byte(),
            r.ns_per_byte() / base
        );
    }
    for s in &skipped {
        println!("| {s} | | | | |");
    }
}
