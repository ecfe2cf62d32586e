//! The `quotelens` command on hostile and awkward input: invalid UTF-8, unreadable files, empty
//! input, bad JSON Lines, large files, non-ASCII offsets, a closed pipe. Every case ends in a
//! result or a clear `{"error": …}` line, never a panic; the exit status says which.

#[path = "support/inputs.rs"]
mod inputs;

use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_quotelens");

/// A fresh directory under the target directory, removed again when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("quotelens-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temp dir");
        TempDir(dir)
    }
    fn file(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write a temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run quotelens");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("wait for quotelens");
    writer.join().expect("stdin writer");
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "quotelens panicked: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

/// Every stdout line, parsed as JSON.
fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

fn is_result(v: &Value) -> bool {
    v["version"] == 1 && v["quotes"].is_array() && v["claims"].is_array() && v["entities"].is_array()
}

fn error_of(v: &Value) -> &str {
    v["error"].as_str().unwrap_or_else(|| panic!("not an error line: {v}"))
}

const NEWS: &str = "“We have no choice,” Treasury Secretary Maria Lopez said. “The numbers are clear.”\n";

#[test]
fn invalid_utf8_is_an_error_line_and_the_other_files_still_run() {
    let dir = TempDir::new("utf8");
    let good = dir.file("good.txt", NEWS.as_bytes());
    let bad = dir.file("bad.txt", b"\xe2\x80\x9cYes,\xe2\x80\x9d he said. \xff\xfe bytes");
    let output = run(&[path_str(&good), path_str(&bad), path_str(&good)], b"");
    assert_eq!(output.status.code(), Some(1));
    let out = lines(&output);
    assert_eq!(out.len(), 3, "one line per document");
    assert!(is_result(&out[0]) && is_result(&out[2]));
    assert!(!out[0]["quotes"].as_array().unwrap().is_empty());
    let error = error_of(&out[1]);
    assert!(error.contains("bad.txt") && error.contains("UTF-8"), "{error}");
    assert!(error.contains("offset 20"), "names the first bad byte: {error}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad.txt"));
}

#[test]
fn missing_and_unreadable_files_are_error_lines() {
    let dir = TempDir::new("missing");
    let good = dir.file("good.txt", NEWS.as_bytes());
    let missing = dir.0.join("no-such-file.txt");
    let directory = dir.0.join("a-directory");
    std::fs::create_dir(&directory).unwrap();
    let output = run(&[path_str(&missing), path_str(&good), path_str(&directory)], b"");
    assert_eq!(output.status.code(), Some(1));
    let out = lines(&output);
    assert_eq!(out.len(), 3);
    assert!(error_of(&out[0]).contains("no-such-file.txt"), "{}", out[0]);
    assert!(is_result(&out[1]));
    assert!(error_of(&out[2]).contains("a-directory"), "{}", out[2]);
}

#[test]
fn empty_input_is_an_empty_result() {
    let expected = serde_json::json!({"version": 1, "quotes": [], "claims": [], "entities": []});
    let output = run(&[], b"");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(lines(&output), vec![expected.clone()]);

    let dir = TempDir::new("empty");
    let empty = dir.file("empty.txt", b"");
    let blank = dir.file("blank.txt", b"\n\n \r\n\t\n");
    let output = run(&[path_str(&empty), path_str(&blank)], b"");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(lines(&output), vec![expected.clone(), expected]);
}

#[test]
fn stdin_and_dash() {
    let output = run(&["-"], NEWS.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let out = lines(&output);
    assert_eq!(out.len(), 1);
    // An interrupted quote is one quote whose span covers both parts.
    let quote = &out[0]["quotes"][0];
    assert!(
        quote["text"].as_str().unwrap().starts_with("We have no choice,"),
        "{quote}"
    );
    assert_eq!(quote["parts"].as_array().map(Vec::len), Some(2), "{quote}");
}

#[test]
fn jsonl_bad_line_is_an_error_line_and_the_rest_still_run() {
    let input = concat!(
        "{\"text\": \"“Yes,” he said.\"}\n",
        "{\"text\": \n",
        "\n",
        "{\"txet\": \"wrong field\"}\n",
        "[1, 2]\n",
        "{\"text\": \"She said: “No.”\"}\n",
        "\"\\ud800\"\n",
    );
    let output = run(&["--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let out = lines(&output);
    assert_eq!(out.len(), 6, "blank lines are skipped: {out:?}");
    assert!(is_result(&out[0]));
    assert!(error_of(&out[1]).starts_with("line 2:"), "{}", out[1]);
    assert!(error_of(&out[2]).starts_with("line 4:"), "{}", out[2]);
    assert!(error_of(&out[3]).starts_with("line 5:"), "{}", out[3]);
    assert!(is_result(&out[4]));
    assert!(error_of(&out[5]).starts_with("line 7:"), "{}", out[5]);
}

#[test]
fn jsonl_invalid_utf8_line_is_an_error_line() {
    let mut input = b"{\"text\": \"\xff\xfe\"}\n".to_vec();
    input.extend_from_slice("{\"text\": \"“Yes,” he said.\"}\n".as_bytes());
    let output = run(&["--jsonl"], &input);
    assert_eq!(output.status.code(), Some(1));
    let out = lines(&output);
    assert_eq!(out.len(), 2);
    assert!(error_of(&out[0]).starts_with("line 1:"), "{}", out[0]);
    assert!(is_result(&out[1]));
}

#[test]
fn help_version_and_bad_flags() {
    let help = run(&["--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("USAGE"));
    assert_eq!(run(&["-h"], b"").status.code(), Some(0));

    let version = run(&["--version"], b"");
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("quotelens {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(run(&["-V"], b"").status.code(), Some(0));

    for args in [
        &["--frobnicate"][..],
        &["-x"],
        &["--min-score"],
        &["--min-score", "lots"],
    ] {
        let output = run(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).starts_with("quotelens: "),
            "{args:?}"
        );
    }
}

/// Offsets are UTF-16 code units: slicing the input's UTF-16 form at them gives each span's text.
#[test]
fn offsets_are_utf16_code_units() {
    let text = "😀😀 Новости.\n\n«Нет», — сказал он. “Это 😀 план,” Kirill Dmitriev said. \
                “We will not stop,” he added.\n";
    let output = run(&[], text.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let out = lines(&output);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |v: &Value| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        String::from_utf16(&utf16[s..e]).expect("offsets on code point boundaries")
    };
    let quotes = out[0]["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 2, "{out:?}");
    let mut checked = 0;
    for q in quotes {
        assert_eq!(slice(q), q["text"].as_str().unwrap());
        for key in ["speaker", "cue"] {
            if !q[key].is_null() {
                assert_eq!(slice(&q[key]), q[key]["text"].as_str().unwrap(), "{key}");
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "some speaker or cue to check: {quotes:?}");
    assert!(quotes.iter().any(|q| q["text"].as_str().unwrap().contains('😀')));
    for claim in out[0]["claims"].as_array().unwrap() {
        assert_eq!(slice(claim), claim["text"].as_str().unwrap());
    }
    for entity in out[0]["entities"].as_array().unwrap() {
        for mention in entity["mentions"].as_array().unwrap() {
            assert_eq!(slice(mention), mention["text"].as_str().unwrap());
        }
    }
}

/// ~20 MB of news in one file: a result (memory is measured by hand, see docs/RELIABILITY.md).
#[test]
fn large_file_gives_a_result() {
    let dir = TempDir::new("large");
    let text = inputs::news(20_000_000);
    let big = dir.file("big.txt", text.as_bytes());
    let output = run(&[path_str(&big)], b"");
    assert_eq!(output.status.code(), Some(0));
    let out = lines(&output);
    assert_eq!(out.len(), 1);
    assert!(is_result(&out[0]));
    assert!(out[0]["quotes"].as_array().unwrap().len() > 10_000);
}

/// `quotelens big.txt | head -c 10`: the reader going away is not an error and not a panic.
#[test]
fn broken_pipe_exits_quietly() {
    let dir = TempDir::new("pipe");
    let big = dir.file("big.txt", inputs::news(2_000_000).as_bytes());
    let mut child = Command::new(BIN)
        .args([path_str(&big), path_str(&big), path_str(&big)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(&first, b"{\"version\"");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(status.code(), Some(0));
}
