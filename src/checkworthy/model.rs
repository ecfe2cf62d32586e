//! The quantised linear model: its file format, the shipped copy, and scoring.
//!
//! `data/claims-model.bin` is written by `cargo run --release --example train_claims` and
//! compiled in with `include_bytes!`. Layout, little-endian:
//!
//! | bytes            | content                                                   |
//! |------------------|-----------------------------------------------------------|
//! | 4                | magic `QLCW`                                              |
//! | 1                | format version (1)                                        |
//! | 1                | `HASH_BITS` the weights were trained with                 |
//! | 2                | `DENSE`, the number of dense weights                      |
//! | 4                | bias (f32)                                                |
//! | 4 × `DENSE`      | dense weights (f32: few, and they matter most)            |
//! | 4                | scale of the hashed weights (f32)                         |
//! | 2^`HASH_BITS`    | hashed weights, i8, each times the scale                  |
//!
//! The trainer shifts the bias so that the threshold it chose on dev maps to a score of 0.5:
//! [`super::THRESHOLD`] stays 0.5 whatever the retraining.

use super::features::{self, BUCKETS, DENSE, HASH_BITS};
use super::signals::Profile;
use super::tokens::Word;
use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"QLCW";
const VERSION: u8 = 1;

/// A model whose hashed weights borrow from the bytes it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Model<'a> {
    pub bias: f32,
    pub dense: [f32; DENSE],
    pub hash_scale: f32,
    /// The weights, stored as bytes; each is an `i8`. A fixed-size array, so indexing by a
    /// bucket (always below `BUCKETS`) needs no bounds check.
    hashed: &'a [u8; BUCKETS],
    /// `dense` times each feature's value where it is set, one row per signal count (the
    /// one feature whose value is not 1), each padded with zeros: made with the model, from
    /// the `dense` it was read with, so that scoring a sentence copies and multiplies nothing.
    weighted: [[f32; WEIGHTED]; SIGNAL_COUNTS],
}

/// The signal counts a sentence can have: 0 to the number of signals.
const SIGNAL_COUNTS: usize = super::signals::SIGNAL_NAMES.len() + 1;
/// The dense weights padded with zeros; the last slot is no feature's.
const WEIGHTED: usize = 64;
/// The set dense features added in fixed steps (see [`Model::score_tokens`]): all of them
/// in all but one scored text in 120 on PolNeAR train (sentences and reported contents: 2 to
/// 22 features, 95% of them 12 or fewer). 16 steps (all but one in 500) cost 0.71M more
/// instructions a bench pass than 13, for ~2.7k fewer missed exits of the loop after.
const DENSE_STEPS: usize = 13;
const _: () = assert!(DENSE < WEIGHTED);

/// [`Model::weighted`] of the dense weights `dense`.
fn weighted(dense: &[f32; DENSE]) -> [[f32; WEIGHTED]; SIGNAL_COUNTS] {
    let mut rows = [[0.0; WEIGHTED]; SIGNAL_COUNTS];
    for (count, row) in rows.iter_mut().enumerate() {
        for (i, w) in dense.iter().enumerate() {
            // `w * 1.0` is `w`: the products the full dot product makes.
            row[i] = w * features::dense_value(i, count as u32);
        }
    }
    rows
}

/// Why a model file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

impl<'a> Model<'a> {
    /// Reads a model file, checking that it was made for this code's feature layout.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Model<'a>, FormatError> {
        let mut r = Reader(bytes);
        if r.take(4)? != MAGIC {
            return Err(FormatError("not a quotelens claims model"));
        }
        if r.take(1)?[0] != VERSION {
            return Err(FormatError("unknown model version"));
        }
        if r.take(1)?[0] as u32 != HASH_BITS {
            return Err(FormatError("model trained with another HASH_BITS"));
        }
        if u16::from_le_bytes([r.take(1)?[0], r.take(1)?[0]]) as usize != DENSE {
            return Err(FormatError("model trained with another DENSE"));
        }
        let bias = r.f32()?;
        let mut dense = [0.0; DENSE];
        for w in &mut dense {
            *w = r.f32()?;
        }
        let hash_scale = r.f32()?;
        let hashed: &[u8; BUCKETS] = r
            .take(BUCKETS)?
            .try_into()
            .map_err(|_| FormatError("truncated model"))?;
        if !r.0.is_empty() {
            return Err(FormatError("trailing bytes"));
        }
        Ok(Model {
            bias,
            dense,
            hash_scale,
            hashed,
            weighted: weighted(&dense),
        })
    }

    /// Writes a model file (the trainer's side of [`Model::from_bytes`]).
    pub fn to_bytes(bias: f32, dense: &[f32; DENSE], hash_scale: f32, hashed: &[i8]) -> Vec<u8> {
        assert_eq!(hashed.len(), BUCKETS);
        let mut out = Vec::with_capacity(16 + 4 * DENSE + BUCKETS);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(HASH_BITS as u8);
        out.extend_from_slice(&(DENSE as u16).to_le_bytes());
        out.extend_from_slice(&bias.to_le_bytes());
        for w in dense {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&hash_scale.to_le_bytes());
        out.extend(hashed.iter().map(|&w| w as u8));
        out
    }

    /// The hashed weight of a bucket, unscaled.
    pub fn hashed(&self, bucket: usize) -> i8 {
        self.hashed[bucket] as i8
    }

    /// Scores a sentence: the logistic of the weighted features, in 0..1. Returns the profile
    /// too, for the signals. No allocation: the hashed weights are summed as integers and
    /// scaled once.
    pub fn score(&self, sentence: &str) -> (f32, Profile) {
        let doc = crate::segment::Document::new(sentence);
        self.score_tokens(sentence, &doc.tokens)
    }

    /// The weights of a word's own features ([`features::own_buckets`]), summed, unscaled.
    #[inline(always)]
    pub fn own_weight(&self, word: &Word) -> i32 {
        let (buckets, count) = features::own_buckets(word);
        // Unrolled: a loop of at most three costs more in the scanner it is inlined into.
        let weight = |i: usize| {
            if i < count {
                self.hashed(buckets[i] as usize) as i32
            } else {
                0
            }
        };
        weight(0) + weight(1) + weight(2)
    }

    /// [`Model::score`] of the segmenter's `tokens` of `text` (a sentence in a document).
    pub fn score_tokens(&self, text: &str, tokens: &[crate::segment::Token]) -> (f32, Profile) {
        let (z, profile) = self.logit_tokens(text, tokens);
        (sigmoid(z), profile)
    }

    /// [`Model::score_tokens`] before the logistic: the weighted sum of the features.
    #[inline(always)]
    pub fn logit_tokens(&self, text: &str, tokens: &[crate::segment::Token]) -> (f32, Profile) {
        let mut sum: i32 = 0;
        let weight = |b: u32| self.hashed[b as usize] as i8 as i32;
        // The shipped model (not a copy: its weights are the ones in every `Word`) has a
        // scanner of its own, which takes the words' own features summed; any other model
        // sees each feature.
        let (profile, n) = if std::ptr::eq(self, shipped()) {
            let (profile, n, all) = super::scanner::scan(self, text, tokens);
            sum = all;
            (profile, n)
        } else {
            features::extract_tokens(text, tokens, |b| sum += weight(b))
        };
        let mut z = self.bias + sum as f32 * self.hash_scale * features::hash_norm(n);
        // Only the set dense features, in index order (see `features::dense_set`).
        let (mut set, signal_count) = features::dense_set(&profile);
        // The weights times the features' values (all 1 but the signal count's), made with
        // the model: the loop adds weights with no test of the feature.
        let weighted = &self.weighted[(signal_count as usize).min(SIGNAL_COUNTS - 1)];
        // A fixed number of steps, not one per set feature: their number (2 to 23, 8 or 9 in
        // most news sentences) made the loop's exit a branch missed about once a sentence.
        // Where no feature is left, the last slot's 0.0 is added, which leaves `z` as it is
        // (a -0.0 would become 0.0, the same to `sigmoid`). The few sentences with more
        // features take the loop after.
        for _ in 0..DENSE_STEPS {
            let i = (set | 1 << (WEIGHTED - 1)).trailing_zeros() as usize;
            set &= set.wrapping_sub(1);
            z += weighted[i & (WEIGHTED - 1)];
        }
        while set != 0 {
            let i = set.trailing_zeros() as usize;
            set &= set - 1;
            z += weighted[i & (WEIGHTED - 1)];
        }
        (z, profile)
    }
}

/// The logistic function.
pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The model compiled into the crate.
pub fn shipped() -> &'static Model<'static> {
    static BYTES: &[u8] = include_bytes!("../../data/claims-model.bin");
    static MODEL: OnceLock<Model<'static>> = OnceLock::new();
    MODEL.get_or_init(|| {
        // A file that does not fit the code is a build mistake caught by the tests; in the
        // browser a zero model (every score 0.5 - bias 0) must never take the page down, so
        // fall back to all zeros, which flags nothing.
        Model::from_bytes(BYTES).unwrap_or(Model {
            bias: -10.0,
            dense: [0.0; DENSE],
            hash_scale: 0.0,
            hashed: &[0; BUCKETS],
            weighted: [[0.0; WEIGHTED]; SIGNAL_COUNTS],
        })
    })
}

/// A cursor over the model bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        if self.0.len() < n {
            return Err(FormatError("truncated model"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_bad_files() {
        let mut dense = [0.0; DENSE];
        dense[3] = 1.5;
        let hashed: Vec<i8> = (0..BUCKETS).map(|i| (i % 255) as i8).collect();
        let bytes = Model::to_bytes(-0.25, &dense, 0.01, &hashed);
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!((m.bias, m.dense[3], m.hash_scale), (-0.25, 1.5, 0.01));
        assert_eq!(m.hashed(300), hashed[300]);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"QLCX").is_err());
    }

    #[test]
    fn shipped_model_fits_the_code() {
        let bytes = include_bytes!("../../data/claims-model.bin");
        assert!(
            Model::from_bytes(bytes).is_ok(),
            "retrain: cargo run --release --example train_claims"
        );
    }
}
