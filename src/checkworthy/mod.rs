//! Check-worthiness: how much a sentence asserts something a fact-checker could verify.
//!
//! A small linear model, trained on debate sentences labelled by ClaimBuster annotators
//! (CheckThat! 2024), small enough to ship in the browser. Reading order:
//! - [`tokens`]: words scanned in place, each with a fixed hash of its lowercased bytes, and
//!   all that a word's bytes alone decide (its [`tokens::Word`]: hash, shape, categories,
//!   affixes, the shipped model's weights of its own features);
//! - [`lexicon`]: the `data/lexicons/claims-*.txt` word lists, one hash table;
//! - [`signals`]: small detectors (figure, percent, money, date, comparison, superlative, cause,
//!   trend, named-entity, attribution, event) and the cues against a claim; most words are
//!   "quiet" or plain names (decided per word), only counted;
//! - [`features`]: what the model sees: the signals and cues, plus hashed word n-grams (a
//!   word's own, [`features::own_buckets`], and the bigram ending at it);
//! - [`model`]: the quantised weights compiled in from `data/claims-model.bin`, and scoring
//!   (any model but the shipped one sees every feature, as the trainer does);
//! - `scanner`: the shipped model's scanner, one loop for the signals and the features: what
//!   it needs of a word (n-gram hash, categories, shape, its own features' weights summed) is
//!   found once per distinct word and kept in a memo, so most tokens cost one look-up, and a
//!   token adds that and one bigram weight; its tests hold it to the generic path's bits;
//! - [`train`]: the learner behind `examples/train_claims.rs`.
//!
//! How it was trained and how well it does: docs/CLAIMS.md.

pub mod features;
pub(crate) mod lexicon;
pub mod model;
mod scanner;
pub mod signals;
pub mod tokens;
pub mod train;

/// A sentence's check-worthiness and the signals behind it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assessment {
    /// 0..1, higher is more check-worthy; [`THRESHOLD`] and up is a claim by default.
    pub score: f32,
    /// Why, e.g. `figure`, `comparison`, `cause` (an open list of stable names, see
    /// [`signals::SIGNAL_NAMES`]).
    pub signals: Vec<&'static str>,
}

/// Scores at or above this are emitted as factual claims by default. The trainer picks the
/// operating point on dev, precision first, and shifts the model's bias so that it falls at 0.5.
pub const THRESHOLD: f32 = 0.5;

/// The score of a caption, credit, byline, dateline or navigation line: 0, which `claims`
/// treats as "not a candidate", so even `--min-score 0` does not list it.
const BOILERPLATE_SCORE: f32 = 0.0;

/// Assesses one sentence (plain text, no surrounding context). It is segmented first
/// ([`crate::segment::Document`]), so its features are those the pipeline sees.
pub fn assess(sentence: &str) -> Assessment {
    assess_with(model::shipped(), sentence)
}

/// [`assess`] with a given model (the trainer measures a model before shipping it).
pub fn assess_with(model: &model::Model, sentence: &str) -> Assessment {
    let (score, signals) = score_with(model, sentence);
    Assessment {
        score,
        signals: signals::names(signals).collect(),
    }
}

/// [`assess`] with the signals as bits ([`signals::signal`], names by [`signals::names`]):
/// no allocation, for callers that keep only some sentences.
pub fn score(sentence: &str) -> (f32, u16) {
    score_with(model::shipped(), sentence)
}

/// [`score`] of the segmenter's `tokens` of `text` (a sentence of a document, or a reported
/// claim's content): the pipeline's path, with no second tokenization and no allocation.
pub fn score_tokens(text: &str, tokens: &[crate::segment::Token]) -> (f32, u16) {
    let (logit, signals) = logit_tokens(text, tokens);
    (score_of(logit), signals)
}

/// [`score_tokens`] before the logistic ([`score_of`]): the sentence's logit, minus infinity
/// for boilerplate (the logit of [`BOILERPLATE_SCORE`]), and its signals. For a caller that
/// keeps only the sentences that reach a threshold: most of the others need no logistic
/// ([`logit_floor`]), and the decision waits on no `exp`.
#[inline(never)] // one copy of the scanner for both callers
pub fn logit_tokens(text: &str, tokens: &[crate::segment::Token]) -> (f32, u16) {
    let (logit, profile) = model::shipped().logit_tokens(text, tokens);
    if profile.is_boilerplate() {
        return (f32::NEG_INFINITY, 0);
    }
    (logit, profile.signals)
}

/// The score of a logit from [`logit_tokens`].
pub fn score_of(logit: f32) -> f32 {
    model::sigmoid(logit)
}

/// A logit below which no score reaches `threshold` (as `score >= threshold`), so that a
/// sentence below it may be passed over unscored. Not the threshold's logit, which needs a
/// logarithm (not otherwise in the wasm), but a bound below it: ln x >= 1 - 1/x, so the logit
/// ln(t / (1 - t)) is at least (2t - 1) / t, exactly 0 at the default 0.5. Less a margin
/// that dwarfs the rounding of [`score_of`]. Minus infinity (score every sentence) where no
/// logit is too low, for thresholds of 0 or less.
pub fn logit_floor(threshold: f32) -> f32 {
    if threshold > 0.0 {
        (2.0 * threshold - 1.0) / threshold - 1.0 / 64.0
    } else {
        f32::NEG_INFINITY
    }
}

fn score_with(model: &model::Model, sentence: &str) -> (f32, u16) {
    checked(model.score(sentence))
}

/// The score and signals, unless the boilerplate rule says the sentence is no candidate.
fn checked((score, profile): (f32, signals::Profile)) -> (f32, u16) {
    if profile.is_boilerplate() {
        return (BOILERPLATE_SCORE, 0);
    }
    (score, profile.signals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_separates_the_obvious() {
        let claim = assess("Unemployment fell to 4.1 percent in March, the lowest rate since 2001.");
        assert!(claim.score >= THRESHOLD, "{claim:?}");
        for s in ["figure", "percent", "date", "superlative", "trend"] {
            assert!(claim.signals.contains(&s), "{s} missing from {claim:?}");
        }
        let thanks = assess("Thank you all for being here tonight.");
        assert!(thanks.score < THRESHOLD, "{thanks:?}");
    }

    #[test]
    fn captions_credits_and_bylines_score_low() {
        for s in [
            "Photo: Jane Smith/Getty Images",
            "President Biden speaks in Washington on Tuesday. (AP Photo/Evan Vucci)",
            "© 2024 Reuters. All rights reserved.",
            "By Maria Lopez and Tom Chen",
            "WASHINGTON (AP) —",
            "ADVERTISEMENT",
            "Reporting by Jens Holm; additional reporting by Ana Ruiz; editing by Tom Reyes",
        ] {
            let a = assess(s);
            assert!(a.score == BOILERPLATE_SCORE && a.signals.is_empty(), "{s}: {a:?}");
        }
    }

    #[test]
    fn boilerplate_logit_scores_as_boilerplate() {
        assert_eq!(score_of(f32::NEG_INFINITY).to_bits(), BOILERPLATE_SCORE.to_bits());
    }

    /// No logit below the floor scores at the threshold: checked at the floor, at the floats
    /// just below it and at logits further below, for thresholds across the range.
    #[test]
    fn logits_below_the_floor_miss_the_threshold() {
        let mut thresholds = vec![THRESHOLD, 1.0, 2.0, f32::MIN_POSITIVE, 1e-30, 1.0 - f32::EPSILON / 2.0];
        thresholds.extend((1..1000).map(|i| i as f32 / 1000.0));
        for t in thresholds {
            let floor = logit_floor(t);
            let below = (0..64).map(|k| floor - k as f32 / 256.0);
            // (`f32::next_down` is newer than the crate's Rust 1.85.)
            let next_down = |z: f32| {
                if z > 0.0 {
                    f32::from_bits(z.to_bits() - 1)
                } else if z == 0.0 {
                    -f32::from_bits(1)
                } else {
                    f32::from_bits(z.to_bits() + 1)
                }
            };
            let next_below = (0..64).scan(floor, |z, _| {
                *z = next_down(*z);
                Some(*z)
            });
            for z in std::iter::once(floor).chain(below).chain(next_below) {
                let score = score_of(z);
                assert!(score < t, "{t}: {z} (floor {floor}) scores {score}");
            }
        }
        for t in [0.0, -1.0, f32::NAN] {
            assert_eq!(logit_floor(t), f32::NEG_INFINITY, "{t}");
        }
    }

    #[test]
    fn any_input_scores_in_range() {
        for s in ["", " ", "?", "\u{2019}\u{2019}", "1", &"word ".repeat(10_000)] {
            let a = assess(s);
            assert!((0.0..=1.0).contains(&a.score), "{a:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 512,
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Any text: no panic (the wasm build aborts on one), a score in 0..1, and tokens that
        /// lie in order on char boundaries. The alphabet favours what the scanner treats
        /// specially: joiners, digits, symbols, `’`, non-ASCII letters.
        #[test]
        fn any_text_is_safe(s in "[a-zA-Z0-9 ,.'’\\-%$£€©?!:/éÉ\u{1F600}\n\t]{0,80}") {
            let a = assess(&s);
            proptest::prop_assert!((0.0..=1.0).contains(&a.score));
            let mut end = 0;
            for t in tokens::tokens(&s) {
                proptest::prop_assert!(end <= t.start && t.start < t.end && t.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
                end = t.end;
            }
        }
    }

    /// The bar on the CheckThat! dev split, through `assess` alone (the CLI adds the
    /// sentence filters of `claims.rs`). Skipped, with a note, where ../shared is absent.
    #[test]
    fn dev_split_meets_the_bar() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/claims/ct24_dev.tsv");
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("note: {path} absent, dev check skipped");
            return;
        };
        let scored: Vec<(f32, bool)> = text
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split('\t');
                let (_, sentence, label) = (f.next()?, f.next()?, f.next()?);
                let sentence = match sentence.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
                    Some(inner) => inner.replace("\"\"", "\""),
                    None => sentence.to_string(),
                };
                Some((assess(&sentence).score, label.trim() == "Yes"))
            })
            .collect();
        assert_eq!(scored.len(), 1032);
        let m = train::prf(&scored, THRESHOLD);
        assert!(m.precision >= 0.85 && m.f1 >= 0.83, "{m:?}");
    }
}
