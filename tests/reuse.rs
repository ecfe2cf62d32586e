//! `annotate_into` refills the last text's result: whatever that held (more or fewer quotes,
//! entities with longer or shorter names and mention lists, claims or none), the refilled
//! result equals what `annotate` gives for the new text.

use quotelens::{annotate, annotate_into, Annotations, Options};

/// News-like texts of different sizes: many speakers and quotations, a few, none.
const ARTICLES: &[&str] = &[
    "Senate Passes Budget, Says Majority Leader\n\n\
     “This is a historic day for working families,” Senate Majority Leader Chuck Schumer said on \
     Tuesday. “We did what we promised.”\n\n\
     Republicans argued that the bill would add $3 billion to the deficit. Sen. Mitch McConnell \
     told reporters the measure was “reckless and partisan.”\n\n\
     The official said the vote was 51 to 49. According to the Congressional Budget Office, \
     spending rose 40% in 2021.\n\n\
     “We will win,” McConnell said, “and soon.” He added that voters would decide in November.",
    "“Fine,” she said.",
    "Kirill Dmitriev, head of the Russian Direct Investment Fund, said talks were going well. \
     Dmitriev told CNN that sanctions had failed. A spokesman for the ministry of finance and \
     economic development of the region warned that prices would rise. The spokesman declined \
     to comment further. “We are ready,” Dmitriev said.\n\n\
     Democrats said the plan would cost jobs. democrats, party officials added, want a vote.",
    "",
    "The unemployment rate fell to 3.5% in March, the lowest since 1969. Wages grew 4% from a \
     year earlier.",
    "FILE PHOTO: Workers at a plant in Ohio. © Agency\n\nBy Maria Lopez\n\n\
     Maria Lopez, a nurse, said: “I have not been paid in three months.” Lopez said her \
     colleagues agreed. Her employer, the hospital, said it had paid every worker on time.",
    "I think that taxes are too high. We believe the plan works. If he says that, he is wrong.",
];

/// A little generator of junk, seeded, so the test needs no crate.
fn junk(seed: u64, len: usize) -> String {
    let pieces = [
        "a",
        "b",
        " ",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        ".",
        ",",
        "\n",
        "\n\n",
        " Said he. ",
        "É",
        "😀",
        "Lopez",
        " said",
        " the official",
        ": ",
    ];
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            pieces[(state >> 33) as usize % pieces.len()]
        })
        .collect()
}

fn texts() -> Vec<String> {
    let mut texts: Vec<String> = ARTICLES.iter().map(|t| t.to_string()).collect();
    // A long document after the short ones, then short ones again.
    texts.push(ARTICLES.join("\n\n").repeat(5));
    texts.extend(ARTICLES.iter().rev().map(|t| t.to_string()));
    texts.extend((0..20).map(|seed| junk(seed, 50 + 40 * seed as usize)));
    texts.push(String::new());
    texts.push(ARTICLES[0].to_string());
    texts
}

#[test]
fn a_refilled_result_equals_a_fresh_one() {
    let options = [
        Options::default(),
        Options {
            min_claim_score: Some(0.0),
            ..Options::default()
        },
        Options {
            quotes: false,
            ..Options::default()
        },
        Options {
            claims: false,
            ..Options::default()
        },
    ];
    let texts = texts();
    for options in &options {
        let mut out = Annotations::default();
        for text in &texts {
            annotate_into(text, options, &mut out);
            assert_eq!(out, annotate(text, options), "{options:?} {text:?}");
        }
        // And with the options changing from text to text.
        for (text, options_now) in texts.iter().zip(options_cycle()) {
            annotate_into(text, &options_now, &mut out);
            assert_eq!(out, annotate(text, &options_now), "{options_now:?} {text:?}");
        }
    }
}

fn options_cycle() -> impl Iterator<Item = Options> {
    [(true, true), (false, true), (true, false), (true, true)]
        .into_iter()
        .cycle()
        .map(|(quotes, claims)| Options {
            quotes,
            claims,
            min_claim_score: None,
        })
}

/// The sequence exercises what it is meant to: texts with speakers and quotes after texts
/// with fewer and with more.
#[test]
fn the_texts_have_speakers_and_quotes_of_varied_counts() {
    let counts: Vec<(usize, usize)> = texts()
        .iter()
        .map(|t| {
            let a = annotate(t, &Options::default());
            (a.quotes.len(), a.entities.len())
        })
        .collect();
    assert!(counts.windows(2).any(|w| w[0].0 < w[1].0) && counts.windows(2).any(|w| w[0].0 > w[1].0));
    assert!(counts.windows(2).any(|w| w[0].1 < w[1].1) && counts.windows(2).any(|w| w[0].1 > w[1].1));
    assert!(counts.iter().any(|&(q, e)| q >= 3 && e >= 3), "{counts:?}");
}

/// A huge text's result does not lend its room to the texts after it (as no stage keeps a huge
/// text's working vectors): refilled after a text of some 20,000 claims, a short text's claims
/// vector is a short text's.
#[test]
fn a_huge_result_is_not_kept_for_the_next_text() {
    let every_claim = Options {
        min_claim_score: Some(0.0),
        ..Options::default()
    };
    let huge = "Prices rose 5% in 2020 in Ohio. ".repeat(20_000);
    let mut out = Annotations::default();
    annotate_into(&huge, &every_claim, &mut out);
    assert!(out.claims.len() > 16_384, "{} claims", out.claims.len());
    annotate_into(ARTICLES[0], &every_claim, &mut out);
    assert_eq!(out, annotate(ARTICLES[0], &every_claim));
    assert!(out.claims.capacity() <= 16_384, "capacity {}", out.claims.capacity());
}
