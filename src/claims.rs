//! Claims: reported statements with their sources, and check-worthy statements nobody is
//! credited with, each scored by [`crate::checkworthy`]; and the final shaping of everything
//! into [`Annotations`].

use crate::attribution::Found;
use crate::case::eq_ignore_case;
use crate::checkworthy;
use crate::mentions::{role_is, Mentions};
use crate::segment::{worth_keeping, worth_keeping_string, Document, Sentence, TokenKind};
use crate::swar;
use crate::{Annotations, Claim, ClaimKind, Entity, EntityKind, Options, Quote, Signals, Span, Speaker};
use std::cell::Cell;

/// Lines that are furniture, not journalism: photo captions and credits, bylines. They are
/// never claims.
fn is_furniture_line(doc: &Document, line: usize) -> bool {
    let line = doc.lines[line].span.of(doc.text);
    // A label before a colon, of at most 20 bytes, with letters and no lowercase ("PHOTO:",
    // "AP:"): the colon is looked for in the first 21 bytes only.
    let label = colon_within(line.as_bytes(), 21).and_then(|colon| line.get(..colon));
    // The prefixes that may open the line besides a caption's, by its first byte (lowercased
    // as `b | 0x20`): one branch instead of a test of each prefix.
    let prefixes: &[&str] = match line.as_bytes().first().map(|&b| b | 0x20) {
        Some(b'b') => &["by "],
        Some(b'v') => &["video"],
        Some(b'w') => &["watch:"],
        Some(b'r') => &["read more", "related"],
        Some(b'a') => &["advertisement"],
        Some(b's') => &["source:"],
        _ => &[],
    };
    starts_with_any(line, prefixes)
        || opens_caption(line.as_bytes())
        || label
            .is_some_and(|label| label.chars().any(|c| c.is_alphabetic()) && label.chars().all(|c| !c.is_lowercase()))
        || has_copyright_sign(line)
}

/// Whether line `line` is a time stamp that dates the page ("Updated 6:05 PM GMT, Wed November
/// 4, 2026", "Thursday, April 2, 2026"): at most twelve words, each a number, a month, a
/// weekday or a stamp word (claims-stamps.txt), and a word among them. Asked, as
/// [`is_furniture_line`] is, only of lines with a claim to keep.
fn is_time_stamp(doc: &Document, line: usize) -> bool {
    use checkworthy::lexicon::cat;
    let sets = crate::lexicon::table().claim_sets();
    let (mut words, mut dated) = (0, false);
    // (A limit the compiler cannot see in the browser build: it copied the loop once for each
    // of the twelve words it may count, ~2 KB of wasm.)
    let most = if cfg!(target_arch = "wasm32") {
        std::hint::black_box(12)
    } else {
        12
    };
    for token in &doc.tokens[doc.lines[line].tokens.clone()] {
        match token.kind {
            TokenKind::Punct => continue,
            TokenKind::Number => {}
            TokenKind::Word => {
                if sets[usize::from(token.info.claims())] & (cat::STAMP | cat::CALENDAR) == 0 {
                    return false;
                }
                dated = true;
            }
        }
        words += 1;
        if words > most {
            return false;
        }
    }
    dated
}

/// Whether sentence `s` is a photo caption's or a credit's: its line opens as one ("FILE
/// PHOTO: …", "Photo: Jens Holm / Nordic Press"), or it opens with a "©" ("… May 2, 2023. ©
/// Nordic Press / Jens Holm"). Its names are pictured people and photographers, not the
/// story's (see `mentions::find`). Narrower than [`is_furniture_line`] on purpose: a
/// transcript's "Q:" or "BOULDUAN:" and a sentence opening "By July 2013, …" are journalism
/// whose names count. Only the openings are read, no line is searched: this is asked of names.
pub(crate) fn is_caption_sentence(doc: &Document, s: usize) -> bool {
    let sentence = &doc.sentences[s];
    let line = doc.lines[sentence.line].span;
    let text = doc.text.as_bytes();
    opens_caption(&text[line.start..line.end]) || text[sentence.span.start..].starts_with("©".as_bytes())
}

/// Whether `line` opens as a caption or credit does ("Photo", "FILE PHOTO", "Credit"), by its
/// first byte (lowercased as `b | 0x20`) then one prefix.
fn opens_caption(line: &[u8]) -> bool {
    let Some(&first) = line.first() else {
        return false;
    };
    let prefix: &[u8] = match first | 0x20 {
        b'p' => b"photo",
        b'f' => b"file photo",
        b'i' => b"image",
        b'c' if line.get(1).is_some_and(|&b| b | 0x20 == b'r') => b"credit",
        b'c' => b"caption",
        b'g' => b"getty",
        _ => return false,
    };
    line.get(..prefix.len())
        .is_some_and(|head| eq_ignore_case(head, prefix))
}

/// Whether `line` starts with one of `prefixes`, ignoring ASCII case.
fn starts_with_any(line: &str, prefixes: &[&str]) -> bool {
    prefixes
        .iter()
        .any(|p| line.get(..p.len()).is_some_and(|head| eq_ignore_case(head, p)))
}

/// The first `:` among the first `n` bytes of `bytes`, eight bytes at a time: a few lines
/// are labelled, and a byte loop (or memchr, set up for long texts) cost more than the rest of
/// the furniture test.
fn colon_within(bytes: &[u8], n: usize) -> Option<usize> {
    let n = n.min(bytes.len());
    let mut at = 0;
    while at < n {
        let left = n - at;
        let within = if left >= 8 { u64::MAX } else { (1u64 << (8 * left)) - 1 };
        let colons = swar::in_range(swar::load8(bytes, at), b':', b':') & within;
        if colons != 0 {
            return Some(at + colons.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    None
}

/// Whether `line` has a "©" (UTF-8 C2 A9). Its second byte is looked for first
/// ([`has_byte`]), and most lines have none: `str::contains('©')` searches a non-ASCII char
/// with the two-way algorithm, set up anew per line, which was 1.6% of the package's time in
/// Node. A "©" right after the byte 0x83 is no sign but the second half of "Ã©", an "é" read
/// in the wrong encoding ("rÃ©sumÃ©"), which made whole paragraphs of such texts furniture.
fn has_copyright_sign(line: &str) -> bool {
    let bytes = line.as_bytes();
    let sign = "©".as_bytes();
    has_byte(bytes, 0xA9) && (bytes.starts_with(sign) || bytes.windows(3).any(|w| w[1..] == *sign && w[0] != 0x83))
}

/// Whether `bytes` holds `b`. Natively 64 bytes at a time, each block's compares OR-ed with no
/// early exit, which the compiler makes vector compares (SSE2 on any x86-64): a quarter of the
/// instructions of std's memchr (a word at a time), which took 2.5M of the claims stage's
/// instructions on PolNeAR train (each line with a claim is searched, ~360 a line).
/// The bytes past the last whole block are searched as the text's last 64 bytes, again.
#[cfg(not(target_arch = "wasm32"))]
fn has_byte(bytes: &[u8], b: u8) -> bool {
    let in_block = |block: &[u8]| {
        let block: &[u8; 64] = block.try_into().expect("a block of 64");
        block.iter().fold(0u8, |any, &x| any | (x == b) as u8) != 0
    };
    let Some(last) = bytes.len().checked_sub(64) else {
        return bytes.contains(&b);
    };
    bytes.chunks_exact(64).any(in_block) || in_block(&bytes[last..])
}

/// [`has_byte`] in wasm, whose default target has no vector compares: std's memchr, a word at
/// a time.
#[cfg(target_arch = "wasm32")]
fn has_byte(bytes: &[u8], b: u8) -> bool {
    bytes.contains(&b)
}

/// "I", "we", "you", also contracted ("I'll", "we’ve"): the mention up to its first apostrophe
/// is one of them, tested as "starts with it, then an apostrophe or the end".
fn is_first_or_second_person(mention: &str) -> bool {
    let m = mention.as_bytes();
    ["i", "we", "you"].iter().any(|p| {
        m.get(..p.len()).is_some_and(|head| eq_ignore_case(head, p.as_bytes()))
            && (m.len() == p.len() || m[p.len()] == b'\'' || m[p.len()..].starts_with("’".as_bytes()))
    })
}

/// Whether the speaker mention starting at byte `start` is the subject of a condition: the
/// word just before it is "if" or "unless".
///
/// Tokens cover every character but whitespace, so that word ends where the text before
/// `start` ends once its whitespace is trimmed (or, were `start` inside a token, at a byte
/// that is no whitespace): most mentions are told by that byte alone, with no binary search
/// of the tokens (a few mispredicted steps each).
fn is_hypothetical(doc: &Document, start: usize) -> bool {
    let before = &doc.text.as_bytes()[..start];
    let word_end = before.trim_ascii_end();
    let may_be =
        |word: &[u8]| word_end.len() >= word.len() && eq_ignore_case(&word_end[word_end.len() - word.len()..], word);
    // Searched too when `start` touches the byte before it, and when the last byte kept may be
    // whitespace this trim leaves (a vertical tab, a non-ASCII space).
    let plain = word_end.len() < before.len() && word_end.last().is_none_or(|&b| b.is_ascii() && b != 0x0b);
    if plain && !may_be(b"if") && !may_be(b"unless") {
        return false;
    }
    after_condition(doc, start)
}

/// [`is_hypothetical`] past its test of the bytes: is the token before byte `start` "if" or
/// "unless"? (Rare: out of line.)
#[cold]
#[inline(never)]
fn after_condition(doc: &Document, start: usize) -> bool {
    let first = doc.tokens.partition_point(|t| t.span.start < start);
    first
        .checked_sub(1)
        .and_then(|before| doc.tokens.get(before))
        .is_some_and(|t| {
            let word = t.span.of(doc.text);
            eq_ignore_case(word, "if") || eq_ignore_case(word, "unless")
        })
}

/// The person who speaks most, the first of them on a tie, whose name is capitalised.
/// A name is decoded only for an entity that speaks more than any before it (few do); the
/// test per entity is one compare of a count that is 0 unless it is a person, where a
/// filter of each entity by whether it speaks was a branch mispredicted often.
fn main_speaker(mentions: &Mentions) -> Option<usize> {
    let (mut main, mut most) = (None, 0);
    for (i, e) in mentions.entities.iter().enumerate() {
        // (A mask through `black_box`: the compiler made a product a branch on the kind.)
        let speaks = e.speaks & std::hint::black_box(((e.kind == EntityKind::Person) as u32).wrapping_neg());
        if speaks > most && crate::segment::decode_first(&e.name).is_some_and(char::is_uppercase) {
            (main, most) = (Some(i), speaks);
        }
    }
    main
}

/// Shapes everything found into `out`, replacing what it held: its vectors, and its quotes'
/// parts and entities' names and mentions, are storage for this document's (see
/// [`crate::annotate_into`]).
#[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
pub fn assemble(doc: &Document, mut found: Found, mut mentions: Mentions, options: &Options, out: &mut Annotations) {
    // "I think that …", "We believe …", "You said …": outside quotations, reporting by the
    // first or second person is the writer's or debater's own assertion, scored like any
    // sentence rather than attributed.
    // "If he says that, …", "unless they say so": speech supposed, not reported.
    found.reported.retain(|r| {
        r.speaker.is_none_or(|sp| {
            !is_first_or_second_person(sp.mention.of(doc.text)) && !is_hypothetical(doc, sp.mention.start)
        })
    });
    let headline_span = mentions.headline.map(|l| doc.lines[l].span);
    // A speaker the headline alone names ("…, Says Russian Official", "Cruz Slams …") stands
    // for an entity of the story: see `headline_speaker`.
    let main_speaker = main_speaker(&mentions);
    let fix_headline = |sp: Option<Speaker>, mentions: &mut Mentions| -> Option<Speaker> {
        let mut sp = sp?;
        if headline_span.is_some_and(|h| h.contains(sp.mention)) {
            if let Some(e) = headline_speaker(doc, mentions, sp, main_speaker) {
                sp.entity = Some(e);
                mentions.spoken.push((e, sp.mention));
            }
        }
        Some(sp)
    };

    // The quotation parts, for the claims' overlap sweep below; the quotes themselves are
    // moved into the output, not cloned.
    // (The working vectors, and the roster's, are the last document's: see `Scratch`.)
    let mut scratch = SCRATCH.with(Cell::take).unwrap_or_default();
    let mut parts = std::mem::take(&mut scratch.parts);
    parts.clear();
    if options.claims {
        // Counted first: a flattened iterator's length is unknown, and collecting it grew
        // the vector step by step.
        parts.reserve(found.quotes.iter().map(|q| q.parts.len()).sum());
        parts.extend(found.quotes.iter().flat_map(|q| {
            let whole = q.kind != crate::QuoteKind::Partial;
            let mut speaker = q.speaker.map(|sp| sp.mention).unwrap_or_default();
            let cue = q.cue.unwrap_or_default();
            // (And the aside between a speaker and the cue just after: "Jo Hart, of the
            // university, said"; not "Jo Hart lobbied for it, saying".)
            let aside = doc.text.as_bytes().get(speaker.end) == Some(&b',');
            if aside && !speaker.is_empty() && speaker.end < cue.start && cue.start - speaker.end < 64 {
                speaker.end = cue.start;
            }
            q.parts.iter().map(move |&span| QuotedPart {
                span,
                whole,
                speaker,
                cue,
            })
        }));
    }
    // The lists to fill: the last result's, emptied (its buffers kept in `scratch`).
    let (mut quotes, mut claims, mut entities) = scratch.recycle(out);
    if options.quotes {
        quotes.reserve(found.quotes.len());
        // (Drained, not taken: `found` keeps the vector for the next document.)
        for q in found.quotes.drain(..) {
            // A fragment nobody is credited with is a title or a scare quote, not who-said-what.
            if q.kind == crate::QuoteKind::Partial && q.speaker.is_none() && q.cue.is_none() {
                continue;
            }
            let speaker = fix_headline(q.speaker, &mut mentions);
            quotes.push(Quote {
                span: q.parts.span(),
                // (The one vector of a quotation's parts: until here they are held in place.)
                parts: refilled(&mut scratch.spare_parts, &q.parts),
                kind: q.kind,
                speaker,
                cue: q.cue,
                confidence: q.confidence,
            });
        }
    }

    if options.claims {
        // Room for every reported claim and one factual claim in two sentences, so that pushing
        // seldom reallocates.
        claims.reserve(found.reported.len() + doc.sentences.len() / 2);
        let threshold = options.min_claim_score.unwrap_or(checkworthy::THRESHOLD);
        let floor = checkworthy::logit_floor(threshold);
        // The reported claims first, in their own vector: sorted there (they come nearly in
        // order, and are few), they are merged with the factual ones, which come in text
        // order, instead of sorting all claims at the end.
        let mut reported_claims = std::mem::take(&mut scratch.reported_claims);
        reported_claims.clear();
        reported_claims.reserve(found.reported.len());
        for r in &found.reported {
            // Its tokens as attribution found them: two binary searches of the document's tokens
            // here, each step waiting on a load, were a sixth of `assemble`'s own time.
            let (score, signals) = checkworthy::score_tokens(doc.text, &doc.tokens[r.tokens.clone()]);
            reported_claims.push(Claim {
                span: r.content,
                kind: ClaimKind::Reported,
                speaker: fix_headline(r.speaker, &mut mentions),
                cue: Some(r.cue),
                score,
                signals: Signals::reported(signals),
            });
        }
        // Stable, as the sort of all claims was: equal spans keep their order.
        crate::sort::sort_by_span(&mut reported_claims, &mut scratch.sort_keys, |c| c.span);
        if reported_claims.windows(2).any(|w| w[0].span == w[1].span) {
            drop_unattributed_twins(&mut reported_claims);
        }
        // The speakers are listed and renumbered now, while the claims with a speaker are
        // these alone: not tested again among the factual ones, interleaved with them.
        scratch.roster(&mut mentions, &mut quotes, &mut reported_claims, &mut entities);
        // Sentences, reported contents and quotation parts are all in text order: one sweep
        // finds what each sentence overlaps, instead of a scan of every claim per sentence.
        // (The contents are in order with their claims: a span orders by start, then end.)
        let mut reported = std::mem::take(&mut scratch.reported);
        reported.clear();
        reported.extend(reported_claims.iter().map(|c| c.span));
        let mut reported_claims_left = reported_claims.drain(..);
        // How many reported claims are in `claims` already.
        let mut merged = 0;
        let (mut r, mut p) = (0, 0);
        let (mut furniture_line, mut furniture) = (None, false);
        for sentence in &doc.sentences {
            let span = sentence.span;
            while r < reported.len() && reported[r].end <= span.start {
                r += 1;
            }
            // (One part passed without a branch first: the loop's exit, whether the sentence
            // starts past a part, was missed sentence after sentence.)
            if let Some(a) = parts.get(p) {
                p += usize::from(a.span.end <= span.start);
            }
            while p < parts.len() && parts[p].span.end <= span.start {
                p += 1;
            }
            // `reported[r]` ends past the sentence's start: the sentence overlaps a content
            // exactly when that one starts before its end (a later one, starting no earlier,
            // could only overlap if it did too). One test, where a search per sentence was a
            // loop exit mispredicted.
            if reported.get(r).is_some_and(|c| c.start < span.end) || quoted(doc, sentence, &parts[p..]) {
                continue;
            }
            // A dateline ("WASHINGTON (AP) — …") is no part of the statement: left out of its
            // span and its score.
            let first = crate::attribution::past_dateline(doc, sentence, sentence.tokens.end);
            // (A dateline alone on its line, "WASHINGTON (Reuters) -", is no statement: past it,
            // the next sentence's first token would open a span that ends before it starts.)
            if first >= sentence.tokens.end || crate::attribution::is_split_dateline_place(doc, sentence) {
                continue;
            }
            let span = Span::new(doc.tokens[first].span.start, span.end);
            // Most sentences below the threshold are told by their logit, with no logistic.
            let (logit, signals) = checkworthy::logit_tokens(doc.text, &doc.tokens[first..sentence.tokens.end]);
            if logit < floor {
                continue;
            }
            let score = checkworthy::score_of(logit);
            let kept = score >= threshold && score > 0.0;
            if !kept {
                continue;
            }
            // Decided once per line, and only for lines with a claim to keep: a line of many
            // claims is scanned once, most lines not at all (few sentences are claims, and
            // furniture lines are rare enough that scoring theirs first costs less).
            if furniture_line != Some(sentence.line) {
                furniture_line = Some(sentence.line);
                furniture = is_furniture_line(doc, sentence.line) || is_time_stamp(doc, sentence.line);
            }
            if !furniture {
                // The reported claims up to this sentence go first (none has its span: a
                // sentence that overlaps one is taken), moved in one run, found by their
                // spans (a peeked claim was copied once more).
                // Those before `r` all are (each ends by an earlier sentence's start), so
                // the count starts there and mostly stops at its first test.
                let from = merged.max(r);
                let upto = from
                    + reported[from..]
                        .iter()
                        .take_while(|c| (c.start, c.end) <= (span.start, span.end))
                        .count();
                claims.extend(reported_claims_left.by_ref().take(upto - merged));
                merged = upto;
                claims.push(Claim {
                    span,
                    kind: ClaimKind::Factual,
                    speaker: None,
                    cue: None,
                    score,
                    signals: Signals::factual(signals),
                });
            }
        }
        claims.extend(reported_claims_left);
        scratch.reported_claims = reported_claims;
        scratch.reported = reported;
    } else {
        scratch.roster(&mut mentions, &mut quotes, &mut [], &mut entities);
    }
    scratch.parts = parts;
    // What the last document had more of than this one is kept for a later one.
    if scratch.is_small() {
        SCRATCH.with(|cell| cell.set(Some(scratch)));
    }
    *out = Annotations {
        quotes,
        claims,
        entities,
    };
}

/// The story's entity a speaker in the headline stands for, when the headline alone names it
/// (its entity is none, or one worded as the mention): "…, Says Mayor": the entity known by
/// that role; "Cruz Slams …", "Wash Post Fact-Check: …": the story's entity whose name ends
/// with one of its words (a Title Case headline's names run into its other words); "…,
/// Kremlin Says": the story's organisation of that word; else, for a description, the main
/// speaker. Rare (a headline speaker per text at most), so out of line.
#[cold]
#[inline(never)]
fn headline_speaker(doc: &Document, mentions: &Mentions, sp: Speaker, main_speaker: Option<usize>) -> Option<usize> {
    let wording = sp.mention.of(doc.text);
    if sp.entity.is_some_and(|e| mentions.entities[e].name != wording) {
        return None;
    }
    let head = crate::case::lowercase(crate::last_word(wording));
    let by_role = mentions
        .roles
        .iter()
        .filter(|role| {
            let e = &mentions.entities[role.entity];
            e.speaks > 0 && e.kind == EntityKind::Person && role_is(role.word, &head)
        })
        .map(|role| role.entity)
        .min();
    // The main speaker only for a description ("…, Says Official"): a name the story never
    // gives ("The Ninth Circle: …", a column's) is no one of the story. Nor is a short one of
    // a group ("…, Officials Say", "U.S. Officials"); in a longer mention, a group word is
    // most often the object of the headline's own verb ("Sarah Silverman heckles Sanders
    // supporters: …").
    let described = || {
        let words = doc.tokens.partition_point(|t| t.span.start < sp.mention.start)
            ..doc.tokens.partition_point(|t| t.span.start < sp.mention.end);
        let group = || words.len() <= 3;
        doc.tokens.get(words.end.wrapping_sub(1)).is_some_and(|t| {
            (t.info.is_desc() || t.info.has(crate::lexicon::TITLE))
                && !(t.info.desc() == Some(crate::lexicon::DescKind::Group) && group())
        })
    };
    // "…, Kremlin Says", "…, Ministry Says": the story's organisation of that word, the one
    // that speaks most (not the story's main speaker, who may be someone else's minister).
    let organisation = || {
        let last = doc.tokens.partition_point(|t| t.span.start < sp.mention.end);
        if doc.tokens.get(last.wrapping_sub(1))?.info.desc() != Some(crate::lexicon::DescKind::Organisation) {
            return None;
        }
        (0..mentions.entities.len())
            .filter(|&e| {
                let entity = &mentions.entities[e];
                Some(e) != sp.entity
                    && entity.kind == EntityKind::Organisation
                    && crate::mentions::contains_lowercase(&entity.name, &head)
            })
            .max_by_key(|&e| (mentions.entities[e].speaks, std::cmp::Reverse(e)))
    };
    // "…, Says Envoy" over "a senior envoy involved in the talks said": the story's unnamed
    // one of that word.
    let unnamed = || {
        let e = mentions.described_with_head(&head, EntityKind::Person, 0)?;
        (Some(e) != sp.entity && mentions.entities[e].speaks > 0).then_some(e)
    };
    by_role
        .or_else(|| by_surname(doc, mentions, sp))
        .or_else(organisation)
        .or_else(|| described().then(unnamed).flatten())
        .or_else(|| main_speaker.filter(|_| described()))
}

/// For [`headline_speaker`]: the first word of the mention that ends the name of an entity of
/// the story (or, a given name, opens it), a speaker first, else a person introduced with a
/// role ("Orlov: …" over "Pavel Orlov, a deputy foreign minister, spoke …"), never a place or
/// body that shares the word.
/// None for a description of someone ("Trump’s Son", "Jeb Bush Super PAC Chief").
fn by_surname(doc: &Document, mentions: &Mentions, sp: Speaker) -> Option<usize> {
    let words = doc.tokens.partition_point(|t| t.span.start < sp.mention.start)
        ..doc.tokens.partition_point(|t| t.span.start < sp.mention.end);
    let last = doc.tokens.get(words.end.wrapping_sub(1))?;
    if last.info.is_desc() || last.info.has(crate::lexicon::TITLE) {
        return None;
    }
    doc.tokens[words].iter().find_map(|t| {
        let word = crate::mentions::strip_possessive(t.span.of(doc.text));
        let surname = t.kind == crate::segment::TokenKind::Word
            && t.cap
            && word.len() > 2
            && !t.info.is_desc()
            && !t.info.has(crate::lexicon::FUNCTION)
            && !word.bytes().all(|b| b.is_ascii_uppercase());
        // (A given name names someone by it too: "Hillary Slams …".)
        let given = t.info.has(crate::lexicon::GIVEN_NAME);
        let named = |e: &crate::mentions::EntityDraft| {
            e.kind != EntityKind::Group
                && e.name.starts_with(char::is_uppercase)
                && (eq_ignore_case(crate::last_word(&e.name), word)
                    || (given
                        && e.kind == EntityKind::Person
                        && crate::first_word(&e.name).is_some_and(|f| eq_ignore_case(f, word))))
        };
        let others = || (0..mentions.entities.len()).filter(|&e| Some(e) != sp.entity);
        surname.then(|| {
            others()
                .find(|&e| mentions.entities[e].speaks > 0 && named(&mentions.entities[e]))
                .or_else(|| {
                    others().find(|&e| {
                        let entity = &mentions.entities[e];
                        entity.kind == EntityKind::Person && entity.last_role.is_some() && named(entity)
                    })
                })
        })?
    })
}

/// `v`, emptied, if it may be kept for the next text, else a new vector: the last text's
/// result lends its room to this one's only if that text was not huge ([`worth_keeping`]).
fn small_or_new<T>(v: Vec<T>) -> Vec<T> {
    if worth_keeping(&v) {
        v
    } else {
        Vec::new()
    }
}

/// `items` in a vector of `spare`'s (the last document's output), else a new one.
/// ([`Scratch::roster`] refills the names alike.)
fn refilled(spare: &mut Vec<Vec<Span>>, items: &[Span]) -> Vec<Span> {
    match spare.pop() {
        Some(mut v) => {
            v.clear();
            v.extend_from_slice(items);
            v
        }
        None => items.to_vec(),
    }
}

/// A quotation's part, for the sweep over sentences ([`quoted`]), with its quotation's kind
/// and attribution.
#[derive(Clone, Copy)]
struct QuotedPart {
    span: Span,
    /// Whether the quotation is a whole sentence or more (direct or block).
    whole: bool,
    /// Its speaker's mention (to the cue, when an aside stands between them) and its cue
    /// (empty spans for none).
    speaker: Span,
    cue: Span,
}

/// Whether a sentence is the quotations' rather than the writer's, and so no factual claim:
/// half its bytes or more are quoted ("“…,” he said, in a long quotation), or a whole-sentence
/// quotation is all it holds but for its attribution and a few words (“We are ready,” he
/// added in a statement.), or it is the attribution of the whole-sentence quotation after it
/// and a few words ("Jo Hart agreed. “…”"). `parts` starts at the first part that ends past
/// the sentence's start, and is in text order.
fn quoted(doc: &Document, sentence: &Sentence, parts: &[QuotedPart]) -> bool {
    let span = sentence.span;
    let mut bytes = 0;
    let mut whole = false;
    let mut overlapping = 0;
    for q in parts {
        if q.span.start >= span.end {
            // "Iowa State University's Dianne Bystrom agreed. “…”": a sentence that holds the
            // attribution of the quotation after it is weighed as the quotation's too.
            if q.whole && !q.cue.is_empty() && span.contains(q.cue) && span.contains(q.speaker) {
                whole = true;
                overlapping += 1;
            }
            break;
        }
        let overlaps = q.span.overlaps(span);
        bytes += q.span.len() * overlaps as usize;
        // (A fragment that opens the sentence with its own cue is said whole: “No,” she said.)
        let opens_attributed = !q.cue.is_empty() && q.span.start > span.start && q.span.start - span.start <= 3;
        whole |= (q.whole | opens_attributed) & overlaps;
        overlapping += 1;
    }
    if bytes * 2 >= span.len() {
        return true;
    }
    whole && few_words_outside(doc, sentence, &parts[..overlapping])
}

/// Whether at most three words of `sentence` are in none of the quotation parts `parts` nor
/// their attributions, counted up to a description of the speaker after the attribution.
/// (Rare: only sentences with a whole-sentence quotation that is less than half of them are
/// asked.) The count stops at the fourth word: the rest of a long sentence cannot make it
/// fewer.
#[cold]
#[inline(never)]
fn few_words_outside(doc: &Document, sentence: &Sentence, parts: &[QuotedPart]) -> bool {
    let text = doc.text.as_bytes();
    let tokens = &doc.tokens[sentence.tokens.clone()];
    // What follows an attribution's last word and a comma, to the sentence's end, describes
    // the speaker: “…,” said Jo Hart[, a veteran of three campaigns.] / “…,” the man
    // shouted[, using an expletive.] It opens with a number, a capital, a determiner, "who" or
    // any word but a function word (not "and", "but", "then": a clause of the writer's own).
    let describes = |t: &crate::segment::Token| {
        let word = text.get(t.span.start..t.span.end).unwrap_or_default();
        !t.in_quote
            && (t.kind == TokenKind::Number
                || t.cap
                || !t.info.has(crate::lexicon::FUNCTION)
                || t.info.has(crate::lexicon::DETERMINER)
                || word == b"who")
    };
    let mut count = 0;
    let mut after_attribution = false;
    let mut previous_end = usize::MAX;
    // (Whether the attribution of a whole-sentence quotation has been passed.)
    let mut attributed = false;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Punct {
            if after_attribution && text[t.span.start] == b',' && tokens.get(i + 1).is_some_and(describes) {
                break;
            }
            continue;
        }
        // ("…,” said Jo Hart of the university / from Sydney: the speaker's affiliation; not
        // "he said of the team", its topic.)
        let word = &text[t.span.start..t.span.end];
        if (word == b"of" || word == b"from") && parts.iter().any(|q| q.whole && q.speaker.end == previous_end) {
            break;
        }
        // ("…,” Solberg told reporters outside the port offices / said in a statement on
        // Tuesday: where and how the words were said, after the attribution.)
        if attributed && ATTRIBUTION_SETTINGS.contains(&word) {
            break;
        }
        previous_end = t.span.end;
        after_attribution = parts
            .iter()
            .any(|q| q.whole && (q.speaker.contains(t.span) || q.cue.contains(t.span)));
        attributed |= after_attribution;
        if !after_attribution && !parts.iter().any(|q| q.span.contains(t.span)) {
            count += 1;
            if count > 3 {
                return false;
            }
        }
    }
    true
}

/// Prepositions that open the setting of an attribution after it: where, when and how the
/// words were said ("told reporters outside the port offices", "said in a statement").
const ATTRIBUTION_SETTINGS: [&[u8]; 8] = [b"in", b"at", b"on", b"outside", b"during", b"inside", b"near", b"via"];

/// The working vectors of `assemble` and its roster, kept for the next document on the
/// thread: eight allocations and frees a document otherwise (and one more to shrink the
/// roster), most of them large enough for the allocator's slow path.
#[derive(Default)]
struct Scratch {
    /// The quotation parts, in text order.
    parts: Vec<QuotedPart>,
    /// The reported claims, then their spans.
    reported_claims: Vec<Claim>,
    reported: Vec<Span>,
    /// Working room for sorting the reported claims (the browser build's way: `crate::sort`).
    sort_keys: Vec<(Span, usize)>,
    /// Each entity's group (0 for none, while it is silent), then its new number.
    place: Vec<u32>,
    /// The speakers, by group: room for one per quote and claim, as each mark writes its
    /// entity at the next place, which only a new speaker takes.
    speaking: Vec<usize>,
    /// Entity `e`'s next place in `spans` at `e + 1`: its start, then its end (`u32`: half the
    /// bytes to clear for each document's entities).
    at: Vec<u32>,
    /// Every mention, entity after entity.
    spans: Vec<Span>,
    /// Each speaker's first mention's start and the entity (as a span's two ends, so that they
    /// sort with the sort spans already have: each type sorted is more code in the wasm), in
    /// the order the speakers are numbered.
    order: Vec<Span>,
    /// Each group's mentions in `spans`, once sorted and deduplicated.
    runs: Vec<Span>,
    /// The last document's quotes' parts and entities' names and mentions (taken from the
    /// output being refilled, and those a document did not need): this document's are
    /// written into them.
    spare_parts: Vec<Vec<Span>>,
    spare_names: Vec<String>,
    spare_mentions: Vec<Vec<Span>>,
}

thread_local! {
    static SCRATCH: Cell<Option<Kept>> = const { Cell::new(None) };
}

/// How [`SCRATCH`] holds the vectors: natively in place; boxed in the browser build, where
/// taking them out and putting them back moved the thirteen vectors' 39 words one by one each
/// way (344 B of wasm more than a pointer's move, for one move a document).
#[cfg(not(target_arch = "wasm32"))]
type Kept = Scratch;
#[cfg(target_arch = "wasm32")]
type Kept = Box<Scratch>;

impl Scratch {
    /// Whether its vectors are small enough to keep (a huge text's are not).
    fn is_small(&self) -> bool {
        worth_keeping(&self.parts)
            && worth_keeping(&self.reported_claims)
            && worth_keeping(&self.reported)
            && worth_keeping(&self.sort_keys)
            && worth_keeping(&self.place)
            && worth_keeping(&self.speaking)
            && worth_keeping(&self.at)
            && worth_keeping(&self.spans)
            && worth_keeping(&self.order)
            && worth_keeping(&self.runs)
            && worth_keeping(&self.spare_parts)
            && worth_keeping(&self.spare_names)
            && worth_keeping(&self.spare_mentions)
    }

    /// The last result's lists, emptied, for this document's, and its quotes' parts and
    /// entities' names and mentions kept here as storage for the new ones
    /// ([`crate::annotate_into`]): each only if small, as the working vectors are.
    fn recycle(&mut self, out: &mut Annotations) -> (Vec<Quote>, Vec<Claim>, Vec<Entity>) {
        let Annotations {
            mut quotes,
            mut claims,
            mut entities,
        } = std::mem::take(out);
        self.spare_parts
            .extend(quotes.drain(..).map(|q| q.parts).filter(worth_keeping));
        for e in entities.drain(..) {
            if worth_keeping_string(&e.name) {
                self.spare_names.push(e.name);
            }
            if worth_keeping(&e.mentions) {
                self.spare_mentions.push(e.mentions);
            }
        }
        claims.clear();
        (small_or_new(quotes), small_or_new(claims), small_or_new(entities))
    }

    /// The who-said-what roster: every entity that speaks, with all its mentions, numbered in
    /// order of first mention, into `entities` (empty); speakers are renumbered to match.
    fn roster(
        &mut self,
        mentions: &mut Mentions,
        quotes: &mut [Quote],
        claims: &mut [Claim],
        entities: &mut Vec<Entity>,
    ) {
        // Each entity's group: 0 while it is silent, else one more than its place in
        // `speaking`, which lists the speakers as they are met. Each is numbered as it is
        // marked, with no test of whether it is new (most marks are not), and the many
        // entities that never speak are not visited.
        let place = &mut self.place;
        place.clear();
        // (`speaking` and `spans` are grown, never cleared or filled: every place read is
        // written first, and the fill was a memset a document, its size branches mispredicted.)
        let speaking = &mut self.speaking;
        grow(speaking, quotes.len() + claims.len() + 1, 0);
        let speaking = &mut speaking[..];
        let mut count = 0;
        for sp in quotes.iter().map(|q| q.speaker) {
            mark(sp, mentions, place, speaking, &mut count);
        }
        for sp in claims.iter().map(|c| c.speaker) {
            mark(sp, mentions, place, speaking, &mut count);
        }
        if count == 0 {
            // No speaker to list or renumber: the names need not be read.
            return;
        }
        let speaking = &speaking[..count];
        // Every mention grouped by its entity, the silent ones' too, in one run each of
        // `spans`: counted, then written at its entity's next place. No test per mention of
        // whether its entity speaks (which mispredicted often), and no counter shared by all
        // the silent ones (each mention waited on the last one's).
        // `at[e + 1]` is entity `e`'s next place: its start, then its end, which is where the
        // next entity starts.
        let at = &mut self.at;
        at.clear();
        at.resize(mentions.entities.len() + 2, 0);
        let at = &mut at[..];
        each_mention(mentions, |e, _| at[e + 2] += 1);
        for i in 2..at.len() {
            at[i] += at[i - 1];
        }
        let spans = &mut self.spans;
        let total = at[at.len() - 1] as usize;
        grow(spans, total, Span::default());
        let spans = &mut spans[..total];
        each_mention(mentions, |e, span| {
            spans[at[e + 1] as usize] = span;
            at[e + 1] += 1;
        });
        // Each speaker's mentions sorted and deduplicated where they are, then the speakers
        // ordered by first mention (ties in entity order), so that each entity is built once,
        // in its place.
        let (order, runs) = (&mut self.order, &mut self.runs);
        order.clear();
        runs.clear();
        for &e in speaking.iter() {
            let (start, end) = (at[e] as usize, at[e + 1] as usize);
            let run = &mut spans[start..end];
            crate::sort::sort(run);
            let kept = dedup(run);
            order.push(Span::new(run.first().map_or(usize::MAX, |m| m.start), e));
            runs.push(Span::new(start, start + kept));
        }
        crate::sort::sort(order);
        entities.reserve(count);
        for (new, first) in order.iter().enumerate() {
            let e = first.end;
            let run = runs[place[e] as usize - 1];
            let draft = &mut mentions.entities[e];
            let name = match self.spare_names.pop() {
                Some(mut name) => {
                    name.clear();
                    name.push_str(&draft.name);
                    name
                }
                // Moved out when the draft owns it (a name joined across a line): the drafts
                // are not read again.
                None => std::mem::take(&mut draft.name).into_owned(),
            };
            entities.push(Entity {
                name,
                kind: draft.kind,
                mentions: refilled(&mut self.spare_mentions, &spans[run.start..run.end]),
            });
            // The new number of each speaker, where `place` kept its group.
            place[e] = new as u32;
        }
        let renumber = |sp: &mut Option<Speaker>| {
            if let Some(sp) = sp {
                sp.entity = sp.entity.map(|old| place[old] as usize);
            }
        };
        quotes.iter_mut().for_each(|q| renumber(&mut q.speaker));
        claims.iter_mut().for_each(|c| renumber(&mut c.speaker));
    }
}

/// `v` made at least `len` long: the places it has keep the last document's values.
fn grow<T: Copy>(v: &mut Vec<T>, len: usize, value: T) {
    if v.len() < len {
        v.resize(len, value);
    }
}

/// Marks the speaker's entity for the roster: numbered as the next group if it is new, with
/// no test of whether it is (most marks are not new, as a coin toss for the predictor).
#[inline(always)]
fn mark(sp: Option<Speaker>, mentions: &Mentions, place: &mut Vec<u32>, speaking: &mut [usize], count: &mut usize) {
    if let Some(e) = sp.and_then(|sp| sp.entity) {
        if place.is_empty() {
            place.resize(mentions.entities.len(), 0);
        }
        let group = place[e];
        let new = group == 0;
        speaking[*count] = e;
        *count += new as usize;
        place[e] = group + new as u32 * *count as u32;
    }
}

/// A statement found twice, by a verb of inference that names nobody and by its attribution
/// ("The carrier is expected to announce the cuts, the people said"), is the attributed one:
/// of two sorted claims with one span, the one without a speaker goes. (Rare: out of line.)
#[cold]
#[inline(never)]
fn drop_unattributed_twins(claims: &mut Vec<Claim>) {
    let mut i = 0;
    while i + 1 < claims.len() {
        let (a, b) = (&claims[i], &claims[i + 1]);
        if a.span == b.span && a.speaker.is_none() != b.speaker.is_none() {
            claims.remove(if a.speaker.is_none() { i } else { i + 1 });
        } else {
            i += 1;
        }
    }
}

/// `Vec::dedup` on sorted spans without a branch per span: each is written at the next
/// place, which it keeps only if it differs from the one before (a name is mostly its own
/// mention, sometimes also credited: std's test of each was mispredicted often). The one
/// before is the last kept whether or not it was kept (it equals it if not), so it is not
/// read back from where it was written.
/// Returns how many are kept, at the front.
fn dedup(spans: &mut [Span]) -> usize {
    let Some(&first) = spans.first() else {
        return 0;
    };
    let (mut kept, mut last) = (1, first);
    for i in 1..spans.len() {
        let span = spans[i];
        spans[kept] = span;
        kept += usize::from((span.start != last.start) | (span.end != last.end));
        last = span;
    }
    kept
}

/// Calls `f` with every mention of an entity: its names, then the mentions attribution
/// credits to it. Two plain loops: a chained iterator tested which half it was in at every
/// item, and the roster walks them twice.
#[inline(always)]
fn each_mention(mentions: &Mentions, mut f: impl FnMut(usize, Span)) {
    for name in &mentions.names {
        f(name.entity, name.span);
    }
    for &(e, span) in &mentions.spoken {
        f(e, span);
    }
}

#[cfg(test)]
mod tests {
    use super::{colon_within, dedup, has_byte, has_copyright_sign, is_hypothetical};
    use crate::segment::Document;
    use crate::Span;

    #[test]
    fn hypothetical_as_the_token_search_finds_it_at_any_byte() {
        for text in [
            "If he says so, unless they say so.",
            "IF  he did; Unless\tshe did",
            "if\u{a0}he, unless\u{0b}she, what-if he, gif he, \u{201c}If\u{201d}he",
            "unless",
        ] {
            let doc = Document::new(text);
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let first = doc.tokens.partition_point(|t| t.span.start < start);
                let want = first.checked_sub(1).is_some_and(|t| {
                    let word = doc.tokens[t].span.of(text);
                    word.eq_ignore_ascii_case("if") || word.eq_ignore_ascii_case("unless")
                });
                assert_eq!(is_hypothetical(&doc, start), want, "{text:?} {start}");
            }
        }
        assert!(is_hypothetical(&Document::new("if\u{a0}he"), 4));
        assert!(is_hypothetical(&Document::new("Unless\u{0b}she"), 7));
    }

    /// A dateline alone on its line is no claim, even with every candidate emitted (found by
    /// the fuzzer: it gave a claim whose span ended before it started).
    #[test]
    fn a_dateline_alone_on_its_line_is_no_claim() {
        let text = "Officials Say Plan Works\n\nBy Jane Roe\n\nWASHINGTON (Reuters) - \nMinisters met on Monday.";
        let options = crate::Options {
            min_claim_score: Some(0.0),
            ..crate::Options::default()
        };
        let claims = crate::annotate(text, &options).claims;
        assert!(claims.iter().all(|c| c.span.start <= c.span.end), "{claims:?}");
        assert!(
            !claims.iter().any(|c| c.span.of(text).starts_with("WASHINGTON")),
            "{claims:?}"
        );
        assert!(
            claims.iter().any(|c| c.span.of(text) == "Ministers met on Monday."),
            "{claims:?}"
        );
    }

    #[test]
    fn dedup_keeps_what_std_keeps() {
        let s = |start, end| Span { start, end };
        for spans in [
            vec![],
            vec![s(0, 1)],
            vec![s(0, 1), s(0, 1)],
            vec![s(0, 1), s(0, 2), s(0, 2), s(3, 4), s(3, 4), s(3, 4), s(5, 6)],
        ] {
            let (mut ours, mut std) = (spans.clone(), spans);
            let kept = dedup(&mut ours);
            ours.truncate(kept);
            std.dedup();
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn colon_found_within_the_first_bytes_only() {
        for (text, n) in [
            ("PHOTO: x", 21),
            ("a:", 21),
            ("no colon here at all, none", 21),
            ("", 21),
            (":", 1),
        ] {
            for n in [0, 1, 2, 7, 8, 9, 16, 17, 21, n] {
                let want = text.as_bytes()[..n.min(text.len())].iter().position(|&b| b == b':');
                assert_eq!(colon_within(text.as_bytes(), n), want, "{text:?} {n}");
            }
        }
        let long = format!("{}:{}", "x".repeat(20), "y".repeat(30));
        assert_eq!(colon_within(long.as_bytes(), 21), Some(20));
        assert_eq!(colon_within(long.as_bytes(), 20), None);
        let past = format!("{}:", "x".repeat(21));
        assert_eq!(colon_within(past.as_bytes(), 21), None);
        assert_eq!(colon_within("é:".as_bytes(), 21), Some(2));
    }

    #[test]
    fn byte_found_in_any_block_or_the_rest() {
        for len in [0, 1, 63, 64, 65, 127, 128, 200] {
            let mut bytes = vec![b'x'; len];
            assert!(!has_byte(&bytes, 0xA9), "{len}");
            for at in 0..len {
                bytes[at] = 0xA9;
                assert!(has_byte(&bytes, 0xA9), "{len} {at}");
                bytes[at] = b'x';
            }
        }
    }

    #[test]
    fn copyright_sign_found_and_not_confused_with_other_a9_bytes() {
        assert!(has_copyright_sign("Photo © 2024 Reuters"));
        assert!(has_copyright_sign("©"));
        // "é" is C3 A9 and "驚" ends in A9 too: neither is the sign.
        assert!(!has_copyright_sign("Café Procope, Élysée"));
        assert!(!has_copyright_sign("驚"));
        assert!(!has_copyright_sign(""));
        // "é" decoded in the wrong encoding ("Ã©", C3 83 C2 A9) is no sign either.
        assert!(!has_copyright_sign("her rÃ©sumÃ© and easy command"));
        assert!(has_copyright_sign("rÃ©sumÃ© © Nordic Press"));
    }
}
