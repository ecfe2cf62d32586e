//! `quotelens`: annotate news text from files, standard input, or JSON Lines.
//!
//! One JSON object per document, one per line, in input order. A document that cannot be read
//! gives an `{"error": …}` line instead; the others are still processed and the exit status
//! is 1.

use quotelens::schema::{to_output, ErrorOut};
use quotelens::{annotate_into, Annotations, Options};
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
quotelens — who said what in news text

USAGE:
    quotelens [OPTIONS] [FILE...]
    quotelens --jsonl [OPTIONS] < documents.jsonl

Prints one JSON object per document, one per line (schema: README.md, offsets in UTF-16 code
units). With no FILE, standard input is one document.

OPTIONS:
    --jsonl            read JSON Lines {\"text\": \"...\"} on standard input, one output line each
    --pretty           indent the JSON (then one object spans several lines)
    --min-score X      emit factual claims scoring at least X (0 emits every candidate)
    --no-quotes        do not report quotes
    --no-claims        do not report claims
    -h, --help         print this help
    -V, --version      print the version
";

struct Args {
    jsonl: bool,
    pretty: bool,
    options: Options,
    files: Vec<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        jsonl: false,
        pretty: false,
        options: Options::default(),
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("quotelens {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--jsonl" => args.jsonl = true,
            "--pretty" => args.pretty = true,
            "--no-quotes" => args.options.quotes = false,
            "--no-claims" => args.options.claims = false,
            "--min-score" => {
                let value = it.next().ok_or("--min-score needs a number")?;
                let score: f32 = value
                    .parse()
                    .map_err(|_| format!("--min-score: not a number: {value}"))?;
                args.options.min_claim_score = Some(score);
            }
            "--" => args.files.extend(it.by_ref()),
            flag if flag.starts_with('-') && flag != "-" => return Err(format!("unknown option {flag} (see --help)")),
            _ => args.files.push(arg),
        }
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("quotelens: {message}");
            return ExitCode::from(2);
        }
    };
    let mut out = Lines {
        buf: Vec::with_capacity(2 * Lines::BATCH),
        stdout: io::stdout().lock(),
        annotations: Annotations::default(),
    };
    let result = if args.jsonl {
        run_jsonl(&args, &mut out)
    } else {
        run_documents(&args, &mut out)
    };
    match result.and_then(|ok| out.flush().map(|_| ok)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // A closed pipe (`quotelens big.txt | head`) is the reader's choice, not our error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quotelens: {e}");
            ExitCode::from(1)
        }
    }
}

/// Output lines made in one buffer and handed to standard output in batches of whole lines.
/// A result is written into the buffer as a `Vec` (`schema::write_json_to`: short pieces
/// without a call each, which a `BufWriter` takes one `write_all` at a time), and standard
/// output, which is line-buffered, finds its last newline at the batch's end rather than
/// searching 8 KB chunks that hold none.
struct Lines {
    buf: Vec<u8>,
    stdout: io::StdoutLock<'static>,
    /// The last document's result, refilled with the next one's (`annotate_into`: most of
    /// what a document allocated was its result, freed once written).
    annotations: Annotations,
}

impl Lines {
    /// About how many bytes to gather before writing them out.
    const BATCH: usize = 64 * 1024;

    /// Ends a line, and writes the batch out once it is big enough.
    fn end_line(&mut self) -> io::Result<()> {
        self.buf.push(b'\n');
        if self.buf.len() >= Self::BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stdout.write_all(&self.buf)?;
        self.buf.clear();
        self.stdout.flush()
    }
}

/// Annotates each file (or standard input); returns whether every document could be read.
fn run_documents(args: &Args, out: &mut Lines) -> io::Result<bool> {
    let mut all_ok = true;
    if args.files.is_empty() {
        let mut bytes = Vec::new();
        let read = io::stdin().lock().read_to_end(&mut bytes);
        all_ok &= emit(args, out, "standard input", read.map(|_| bytes))?;
    }
    for path in &args.files {
        let read = if path == "-" {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
        } else {
            std::fs::read(path)
        };
        all_ok &= emit(args, out, path, read)?;
    }
    Ok(all_ok)
}

fn emit(args: &Args, out: &mut Lines, name: &str, read: io::Result<Vec<u8>>) -> io::Result<bool> {
    let text = match read {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            format!(
                "{name}: not UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        }),
        Err(e) => Err(format!("{name}: {e}")),
    };
    match text {
        Ok(text) => {
            write_annotations(args, out, &text)?;
            Ok(true)
        }
        Err(message) => {
            eprintln!("quotelens: {message}");
            write_json(args, out, &ErrorOut { error: message })?;
            Ok(false)
        }
    }
}

/// One `{"text": …}` per line in, one result per line out (blank lines are skipped).
fn run_jsonl(args: &Args, out: &mut Lines) -> io::Result<bool> {
    #[derive(serde::Deserialize)]
    struct Doc {
        text: String,
    }
    let mut all_ok = true;
    for (number, line) in io::stdin().lock().split(b'\n').enumerate() {
        let line = line?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Doc>(&line) {
            Ok(doc) => write_annotations(args, out, &doc.text)?,
            Err(e) => {
                all_ok = false;
                let error = format!("line {}: {e}", number + 1);
                eprintln!("quotelens: {error}");
                write_json(args, out, &ErrorOut { error })?;
            }
        }
    }
    Ok(all_ok)
}

fn write_annotations(args: &Args, out: &mut Lines, text: &str) -> io::Result<()> {
    // (Taken while it is written, and given back.)
    let mut annotations = std::mem::take(&mut out.annotations);
    annotate_into(text, &args.options, &mut annotations);
    let written = if args.pretty {
        write_json(args, out, &to_output(text, &annotations))
    } else {
        // The same bytes as serde_json's of `to_output`, written faster (src/json.rs).
        quotelens::schema::write_json_to(text, &annotations, &mut out.buf);
        out.end_line()
    };
    out.annotations = annotations;
    written
}

fn write_json(args: &Args, out: &mut Lines, value: &impl serde::Serialize) -> io::Result<()> {
    if args.pretty {
        serde_json::to_writer_pretty(&mut out.buf, value)?;
    } else {
        serde_json::to_writer(&mut out.buf, value)?;
    }
    out.end_line()
}
