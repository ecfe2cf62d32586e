//! What the profiling examples (`stages`, `scorer`) read, so that their figures are of the same
//! texts in the same order.

/// Every `*.txt` of the directory given as the first argument (by default the PolNeAR train
/// texts in ../shared), sorted by content: an order that does not depend on the file system.
pub fn texts() -> Vec<String> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/polnear/train/text").into());
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    texts.sort();
    texts
}

/// The passes to take the best of: `STAGES_RUNS`, or `default`.
pub fn runs(default: usize) -> usize {
    std::env::var("STAGES_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(default)
}
