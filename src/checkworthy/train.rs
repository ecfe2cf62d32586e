//! Training: logistic regression by AdaGrad, deterministic, and the measures used to judge it.
//!
//! Used by `examples/train_claims.rs`, and by the tests on a tiny dataset; the scorer
//! ([`super::assess`]) never calls it. Everything is seeded: the same examples and the same
//! [`Config`] give bit-identical weights.

use super::features::{self, BUCKETS, DENSE};
use super::model::Model;

/// A sentence as the learner sees it: sparse (feature, value) pairs. Features `0..DENSE` are the
/// dense ones, `DENSE + bucket` the hashed ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub x: Vec<(u32, f32)>,
    pub y: bool,
}

/// Number of weights: dense then hashed.
pub const N_WEIGHTS: usize = DENSE + BUCKETS;

impl Example {
    /// Featurises a sentence exactly as the scorer does.
    pub fn new(sentence: &str, y: bool) -> Example {
        let mut buckets = Vec::with_capacity(64);
        let (profile, n) = features::extract(sentence, |b| buckets.push(b));
        let norm = features::hash_norm(n);
        let mut x: Vec<(u32, f32)> = features::dense(&profile)
            .iter()
            .enumerate()
            .filter(|(_, v)| **v != 0.0)
            .map(|(i, v)| (i as u32, *v))
            .collect();
        x.extend(buckets.into_iter().map(|b| (DENSE as u32 + b, norm)));
        Example { x, y }
    }
}

/// Learning settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Config {
    pub epochs: usize,
    pub learning_rate: f64,
    /// L2 penalty on the hashed weights (per update, on the features present).
    pub l2_hashed: f64,
    /// L2 penalty on the dense weights: smaller, since they are few and meant to carry weight.
    pub l2_dense: f64,
    /// Weight of a positive example relative to a negative one.
    pub positive_weight: f64,
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            epochs: 8,
            learning_rate: 0.1,
            l2_hashed: 1e-4,
            l2_dense: 1e-5,
            positive_weight: 1.0,
            seed: 0x5eed_c1a1,
        }
    }
}

/// Learned weights, in full precision.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    pub bias: f64,
    pub w: Vec<f64>,
}

impl Weights {
    pub fn logit(&self, x: &[(u32, f32)]) -> f64 {
        self.bias + x.iter().map(|&(i, v)| self.w[i as usize] * v as f64).sum::<f64>()
    }
}

/// SplitMix64: a tiny, fixed pseudo-random generator, so shuffles are the same everywhere.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0); the tiny modulo bias does not matter for shuffling.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Fits logistic regression by AdaGrad over shuffled epochs.
pub fn train(examples: &[Example], cfg: &Config) -> Weights {
    let mut wts = Weights {
        bias: 0.0,
        w: vec![0.0; N_WEIGHTS],
    };
    let mut g2 = vec![0.0f64; N_WEIGHTS];
    let mut g2_bias = 0.0f64;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix64(cfg.seed);
    const EPS: f64 = 1e-8;
    for _ in 0..cfg.epochs {
        // Fisher-Yates.
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &k in &order {
            let e = &examples[k];
            let p = 1.0 / (1.0 + (-wts.logit(&e.x)).exp());
            let y = e.y as u8 as f64;
            let weight = if e.y { cfg.positive_weight } else { 1.0 };
            let g = (p - y) * weight;
            g2_bias += g * g;
            wts.bias -= cfg.learning_rate * g / (g2_bias.sqrt() + EPS);
            for &(i, v) in &e.x {
                let i = i as usize;
                let l2 = if i < DENSE { cfg.l2_dense } else { cfg.l2_hashed };
                let gi = g * v as f64 + l2 * wts.w[i];
                g2[i] += gi * gi;
                wts.w[i] -= cfg.learning_rate * gi / (g2[i].sqrt() + EPS);
            }
        }
    }
    wts
}

/// Quantises weights into a model file: dense weights as f32, hashed ones as i8 times one
/// scale (the largest magnitude maps to 127). `threshold` is the probability that should
/// become the score 0.5: the bias is shifted by its logit.
pub fn quantise(wts: &Weights, threshold: f64) -> Vec<u8> {
    let mut dense = [0.0f32; DENSE];
    for (d, w) in dense.iter_mut().zip(&wts.w[..DENSE]) {
        *d = *w as f32;
    }
    let hashed = &wts.w[DENSE..];
    let max = hashed.iter().fold(0.0f64, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    let q: Vec<i8> = hashed
        .iter()
        .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8)
        .collect();
    let t = threshold.clamp(1e-6, 1.0 - 1e-6);
    let bias = wts.bias - (t / (1.0 - t)).ln();
    Model::to_bytes(bias as f32, &dense, scale as f32, &q)
}

/// Precision, recall and F1 of flagging `score >= threshold`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub flagged: usize,
}

pub fn prf(scored: &[(f32, bool)], threshold: f32) -> Prf {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for &(s, y) in scored {
        match (s >= threshold, y) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            _ => {}
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
        flagged: tp + fp,
    }
}

/// Average precision of the ranking by score (as `score_claims.py` computes it; ties keep
/// input order, since the sort is stable).
pub fn average_precision(scored: &[(f32, bool)]) -> f64 {
    let mut s: Vec<(f32, bool)> = scored.to_vec();
    s.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total = s.iter().filter(|x| x.1).count();
    let (mut hits, mut ap) = (0usize, 0.0);
    for (i, &(_, y)) in s.iter().enumerate() {
        if y {
            hits += 1;
            ap += hits as f64 / (i + 1) as f64;
        }
    }
    if total == 0 {
        0.0
    } else {
        ap / total as f64
    }
}

/// The threshold to ship, precision first: among the scores where precision reaches
/// `min_precision`, the one with the best F1; if none reaches it, the one with the best
/// precision.
pub fn pick_threshold(scored: &[(f32, bool)], min_precision: f64) -> f32 {
    let mut candidates: Vec<f32> = scored.iter().map(|s| s.0).collect();
    candidates.sort_by(f32::total_cmp);
    candidates.dedup();
    let mut best: Option<(f64, f32)> = None;
    let mut fallback = (0.0, 0.5f32);
    for &t in &candidates {
        let m = prf(scored, t);
        if m.flagged < 10 {
            continue;
        }
        let better = match best {
            Some((f, _)) => m.f1 > f,
            None => true,
        };
        if m.precision >= min_precision && better {
            best = Some((m.f1, t));
        }
        if m.precision > fallback.0 {
            fallback = (m.precision, t);
        }
    }
    best.map_or(fallback.1, |b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny dataset in the shapes of debate speech: figures and records vs. thanks and plans.
    fn tiny() -> Vec<Example> {
        let rows = [
            ("Unemployment fell to 5 percent last year.", true),
            ("We cut taxes by $300 billion in 2003.", true),
            ("Crime doubled in the 1990s.", true),
            ("The deficit is the highest in history.", true),
            ("He voted against the bill 20 times.", true),
            ("Thank you very much.", false),
            ("I think we can do better.", false),
            ("We need to work together.", false),
            ("Let me say something.", false),
            ("You know, I love this country.", false),
        ];
        rows.iter().map(|&(s, y)| Example::new(s, y)).collect()
    }

    #[test]
    fn training_is_deterministic() {
        let data = tiny();
        let cfg = Config {
            epochs: 20,
            ..Config::default()
        };
        let a = train(&data, &cfg);
        let b = train(&data, &cfg);
        assert_eq!(a, b);
        assert_eq!(quantise(&a, 0.5), quantise(&b, 0.5));
        // And it learns: every training sentence on its side of 0.5.
        for e in &data {
            let p = 1.0 / (1.0 + (-a.logit(&e.x)).exp());
            assert_eq!(p >= 0.5, e.y, "{e:?}");
        }
    }

    #[test]
    fn quantised_model_scores_like_the_weights() {
        let data = tiny();
        let w = train(&data, &Config::default());
        let bytes = quantise(&w, 0.5);
        let m = Model::from_bytes(&bytes).unwrap();
        let s = "Unemployment fell to 5 percent last year.";
        let exact = 1.0 / (1.0 + (-w.logit(&Example::new(s, true).x)).exp());
        assert!((m.score(s).0 as f64 - exact).abs() < 0.02);
    }

    #[test]
    fn measures() {
        let scored = [(0.9, true), (0.8, false), (0.7, true), (0.1, false)];
        let m = prf(&scored, 0.5);
        assert_eq!((m.precision, m.recall, m.flagged), (2.0 / 3.0, 1.0, 3));
        assert!((average_precision(&scored) - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
    }

    #[test]
    fn seeded_generator_is_fixed() {
        let mut r = SplitMix64(1);
        assert_eq!(r.next_u64(), 0x910a_2dec_8902_5cc1);
    }
}
