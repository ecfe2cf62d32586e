//! The issues' bars, measured with the official scorers in `../shared/eval/` on the built CLI,
//! so that a change that trades one figure for another (more reported speech found in news,
//! but debate sentences flagged as claims) fails here and not only in a closing note.
//!
//! Skipped, with a note, where `../shared` or `python3` is absent (a checkout without the
//! evaluation data); CI has both.

use std::path::Path;
use std::process::Command;

fn shared_eval() -> Option<&'static str> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval");
    if !Path::new(dir).is_dir() {
        eprintln!("note: {dir} absent, evaluation bars skipped");
        return None;
    }
    Some(dir)
}

/// Runs a scorer with `--json`-style output parsed as `key value` pairs.
fn run_scorer(args: &[&str]) -> Option<String> {
    let out = Command::new("python3").args(args).output();
    let Ok(out) = out else {
        eprintln!("note: python3 absent, evaluation bars skipped");
        return None;
    };
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The number after `label` in a scorer's report ("P 0.856" → 0.856).
fn figure(report: &str, label: &str) -> f64 {
    let at = report.find(label).unwrap_or_else(|| panic!("no {label:?} in {report}"));
    report[at + label.len()..]
        .split_whitespace()
        .next()
        .and_then(|n| n.trim_end_matches(',').parse().ok())
        .unwrap_or_else(|| panic!("no number after {label:?} in {report}"))
}

#[test]
fn checkworthy_claims_meet_the_dev_bar_through_the_cli() {
    let Some(eval) = shared_eval() else { return };
    let scorer = format!("{eval}/score_claims.py");
    let data = format!("{eval}/claims/ct24_dev.tsv");
    let cli = env!("CARGO_BIN_EXE_quotelens");
    let Some(report) = run_scorer(&[&scorer, "--data", &data, "--", cli, "--jsonl"]) else {
        return;
    };
    let (p, f1) = (figure(&report, "P "), figure(&report, "F1 "));
    // Issue #4: precision first. Every claim counts here, reported ones included.
    assert!(p >= 0.85 && f1 >= 0.83, "ct24 dev: {report}");
}

#[test]
fn attributions_hold_their_dev_figures() {
    let Some(eval) = shared_eval() else { return };
    let scorer = format!("{eval}/score.py");
    let cli = env!("CARGO_BIN_EXE_quotelens");
    let Some(report) = run_scorer(&[&scorer, "--split", "dev", "--", cli]) else {
        return;
    };
    // Issue #2's speaker bar (met), and floors a little under today's other figures so a
    // regression shows; raise them as the figures rise.
    assert!(figure(&report, "speaker ") >= 0.85, "{report}");
    assert!(figure(&report, "F1 ") >= 0.60, "{report}");
    assert!(figure(&report, "direct       recall ") >= 0.87, "{report}");
    assert!(figure(&report, "end-to-end   F1 ") >= 0.52, "{report}");
    assert!(figure(&report, "P ") >= 0.78, "{report}");
}
