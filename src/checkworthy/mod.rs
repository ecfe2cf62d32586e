//! Check-worthiness: how much a sentence asserts something a fact-checker could verify.
//!
//! STUB — being replaced by the model (issue 4). The interface below is what `claims` calls.

/// A sentence's check-worthiness and the signals behind it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assessment {
    /// 0..1, higher is more check-worthy.
    pub score: f32,
    /// Why, e.g. `figure`, `comparison`, `cause` (an open list of stable names).
    pub signals: Vec<&'static str>,
}

/// Scores at or above this are emitted as factual claims by default (chosen on dev for precision).
pub const THRESHOLD: f32 = 0.5;

/// Assesses one sentence (plain text, no surrounding context).
pub fn assess(_sentence: &str) -> Assessment {
    Assessment::default()
}
