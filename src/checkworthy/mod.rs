//! Check-worthiness: how much a sentence asserts something a fact-checker could verify.
//!
//! A small linear model, trained on debate sentences labelled by ClaimBuster annotators
//! (CheckThat! 2024), small enough to ship in the browser. Reading order:
//! - [`tokens`]: words scanned in place, each with a fixed hash of its lowercased bytes; all
//!   that a word's bytes alone decide (its [`tokens::Word`]: hash, shape, categories, affixes,
//!   the shipped model's weights of its own features) is found once per distinct word and kept
//!   in a memo, so most tokens cost one look-up;
//! - [`lexicon`]: the `data/lexicons/claims-*.txt` word lists, one hash table;
//! - [`signals`]: small detectors (figure, percent, money, date, comparison, superlative, cause,
//!   trend, named-entity, attribution, event) and the cues against a claim; most words are
//!   "quiet" or plain names (decided per word), only counted;
//! - [`features`]: what the model sees: the signals and cues, plus hashed word n-grams (a
//!   word's own, [`features::own_buckets`], and the bigram ending at it);
//! - [`model`]: the quantised weights compiled in from `data/claims-model.bin`, and scoring
//!   (the shipped model adds each word's summed weights and one bigram weight per token; any
//!   other model sees every feature, as the trainer does);
//! - [`train`]: the learner behind `examples/train_claims.rs`.
//!
//! How it was trained and how well it does: docs/CLAIMS.md.

pub mod features;
pub(crate) mod lexicon;
pub mod model;
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
    checked(model::shipped().score_tokens(text, tokens))
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
