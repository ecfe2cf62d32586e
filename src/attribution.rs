//! Attribution: for each quotation and each reported statement, the cue that introduces it
//! and the mention of who said it.
//!
//! Quotations are attributed from their own sentence: a cue right after the closing mark
//! (“…,” she said / “…,” said the minister / “…,” Smith told reporters) or before the opening
//! one (Smith said: “…” / Smith: “…” / what he called a “…”). A quotation split by its
//! attribution (“A,” she said, “B.”) becomes one quotation with two parts. A quotation with
//! no cue of its own that follows an attributed one inherits its speaker.
//!
//! Reported speech is found per sentence from the cues no quotation used: "X argued (that) …",
//! "X told reporters …", "…, X said.", "according to X, …", "…, according to X." and the
//! headline shapes "…, Says Official" and "Source: …".
//!
//! Rules that run less than once a document are `#[cold]` in the native build
//! (`cfg_attr(not(target_arch = "wasm32"), cold)`): out of the hot functions' way, so that the
//! per-sentence code stays in the instruction cache (round 37: simulated first-level misses
//! −2%, instructions −0.17M). Native only, so that the browser build's code and size stay as
//! measured for it. Likewise the rare branches of rules that run per cue (round 38:
//! `statement_before_comma`, `parenthetical_statement`, `colon_before_quote`,
//! `credit_after_quote`, `partitive_source`, …), split into functions of their own that the
//! browser build inlines back: simulated first-level misses −4.2% at 32 KB (64-way, where
//! code placement alone moves the count least; −1.8% 8-way), instructions −1.43M.

use crate::case::eq_ignore_case;
use crate::lexicon::{
    CueClass, DescKind, CUE_MODIFIER, DETERMINER, FUNCTION, INFINITIVE, LABEL, NOT_CLAUSE_START, OBJECT, ORG_WORD,
    PRONOUN, QUANTIFIER, RAISING, TIME, TITLE,
};
use crate::mentions::{possessive_at, MentionKind, Mentions};
use crate::quotes::{Parts, Quoted};
use crate::segment::{Document, Mark, Token, TokenKind};
use crate::swar::{self, in_range, HIGH};
use crate::{QuoteKind, Span, Speaker};
use std::cell::Cell;

/// A quotation with what attribution found for it.
#[derive(Clone, Debug)]
pub struct AttributedQuote {
    pub parts: Parts,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
    pub confidence: f32,
}

/// A reported statement: content in the reporter's words, with its source and cue.
#[derive(Clone, Debug)]
pub struct Reported {
    pub content: Span,
    /// The tokens within `content`, for its score in [`crate::claims`]: found here, where the
    /// statement's tokens are at hand, not searched for among all the document's there.
    pub tokens: std::ops::Range<usize>,
    pub speaker: Option<Speaker>,
    pub cue: Span,
}

pub struct Found {
    pub quotes: Vec<AttributedQuote>,
    pub reported: Vec<Reported>,
}

thread_local! {
    /// A dropped [`Found`]'s quotation vector, emptied, for the next document's [`attribute`]
    /// on the thread: a block too large for the allocator's cache, allocated and freed per
    /// document otherwise.
    static SPARE_QUOTES: Cell<Vec<AttributedQuote>> = const { Cell::new(Vec::new()) };
    /// Its reported statements' vector likewise, for the next [`reported_speech`]: a block
    /// sized for half the document's sentences, whose allocation took the allocator's slow
    /// path (~900 instructions and 17 mispredicted branches a document under callgrind).
    static SPARE_REPORTED: Cell<Vec<Reported>> = const { Cell::new(Vec::new()) };
    /// The last [`attribute`]'s used cues, quoted ranges ([`QuotedWords`]) and quotations'
    /// reach ([`covered_by_quote`]), emptied: vectors a document otherwise allocated, the
    /// first regrown as cues were pushed.
    static SPARE_WORK: Cell<Work> = const { Cell::new((Vec::new(), Vec::new(), Vec::new())) };
}

impl Drop for Found {
    fn drop(&mut self) {
        if crate::segment::worth_keeping(&self.quotes) {
            let mut quotes = std::mem::take(&mut self.quotes);
            quotes.clear();
            SPARE_QUOTES.with(|cell| cell.set(quotes));
        }
        if crate::segment::worth_keeping(&self.reported) {
            let mut reported = std::mem::take(&mut self.reported);
            reported.clear();
            SPARE_REPORTED.with(|cell| cell.set(reported));
        }
    }
}

/// [`attribute`]'s working vectors, kept for the next document: the used cues, the quoted
/// ranges and the quotations' reach.
type Work = (Vec<usize>, Vec<std::ops::Range<usize>>, Vec<usize>);

/// A speaker mention found next to a cue, before resolution.
#[derive(Clone, Copy, Debug)]
struct Source {
    span: Span,
    /// The token that decides what the mention is (the pronoun, the noun, the name's last word).
    head: usize,
    kind: MentionKind,
    /// The words that name the speaker where a description becomes an entity of its own: the
    /// span itself, but for a relative "who" the phrase it stands for ("voters who say":
    /// the mention is "who", as PolNeAR marks it, the speaker "voters").
    named: Span,
}

impl Source {
    fn new(span: Span, head: usize, kind: MentionKind) -> Source {
        Source {
            span,
            head,
            kind,
            named: span,
        }
    }
}

/// How far (in tokens) a cue may stand from the quotation it introduces.
const CUE_WINDOW: usize = 12;
/// How far a cue may stand after the quotation it closes: far enough for a speaker with a
/// title and an aside (“…,” Bill Hart, refugee program director at the council, said), or a
/// long relative clause (“…,” Ann Holt, who served as chief of staff to the first lady during
/// the Bush years, told CBS News).
const AFTER_WINDOW: usize = 26;
/// How long an aside between a speaker and the verb may be (", who served as …,"), in tokens.
const ASIDE_WINDOW: usize = 20;
/// How far before a cue, in tokens, a relative clause's "who" is looked for ("officials who
/// met him on Thursday said"): a short clause, as most are between a subject and its verb.
const RELATIVE_WINDOW: usize = 10;
/// How long an attribution between two sentences of one quotation may be, speaker's
/// description included: “A,” said Jo Hart, who ran the party's Senate campaigns in 2012 and
/// 2014 and now advises the governor. “B.”
const LONG_ATTRIBUTION: usize = 48;

#[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
pub fn attribute(doc: &Document, quotes: &[Quoted], mentions: &mut Mentions) -> Found {
    let (mut used_cues, spare_ranges, mut reach) = SPARE_WORK.with(Cell::take);
    used_cues.clear();
    let mut last_speaker: Option<usize> = None;
    let mut out = SPARE_QUOTES.with(Cell::take);
    out.reserve(quotes.len());
    let mut previous: Option<(usize, Option<Speaker>)> = None; // (paragraph, speaker) of the last quote
                                                               // The sentence of the last quotation's opening mark: quotations are in text order.
    let mut sentence = 0;
    let mut i = 0;
    while i < quotes.len() {
        let quote = &quotes[i];
        let mut parts = quote.parts.clone();
        let mut close = quote.close;
        sentence = sentence_from(doc, quote.open, sentence);
        let close_sentence = sentence_from(doc, quote.close, sentence);
        // "the reality show “Cake Boss.”", "an interview with “The View,”": a title is nobody's
        // words, and its neighbours' cues are not its own.
        let title = quote.close - quote.open <= TITLE_TOKENS && is_title(doc, quote);
        let found = if title {
            None
        } else {
            cue_after(doc, quote.close, close_sentence)
                .map(|found| participle_after(doc, quote, found, close_sentence))
                .or_else(|| any_verb_after(doc, quote, close_sentence))
                .or_else(|| cue_before(doc, quote.open, sentence))
                .or_else(|| dash_credit(doc, quote))
        };
        // "Nurses Warn of ‘Crisis’", "Trump Calls Cruz ‘Liar’": a headline's fragment after its
        // capitalised cue (kept below only for a fragment: a longer quotation there is the
        // content of the headline's statement, which keeps the cue).
        let headline_cue = (found.is_none() && !title && is_headline(doc, quote.open, mentions))
            .then(|| headline_cue_before(doc, quote.open, sentence))
            .flatten();
        let found = found.or(headline_cue);
        // “A,” she said, “B.” — the second piece joins the first.
        if let (Some((cue_t, _)), Some(next)) = (found, quotes.get(i + 1)) {
            if cue_t > quote.close && cue_t < next.open && joins(doc, quote, next, cue_t) {
                parts.extend(&next.parts);
                close = next.close;
                i += 1;
            }
        }
        let paragraph = doc.lines[doc.tokens[quote.open].line as usize].paragraph;
        let kind = if title {
            QuoteKind::Partial
        } else {
            // (Opening its sentence and attributed after its closing mark: “Not yet,” Lopez
            // replied.)
            let answered = doc
                .sentences
                .get(sentence)
                .is_some_and(|s| s.tokens.start == quote.open)
                && found.is_some_and(|(cue_t, source)| cue_t > quote.close && source.is_some());
            quote_kind(doc, quote, close, &parts, answered)
        };
        let found = found.filter(|_| headline_cue.is_none() || kind == QuoteKind::Partial);
        let (speaker, cue, confidence) = match found {
            Some((cue_t, source)) => {
                let source = unless_passive(doc, cue_t, source, || close + 1);
                // A fragment leaves its cue to the reported statement around it (mixed quote).
                if kind != QuoteKind::Partial {
                    insert_in_order(&mut used_cues, cue_t);
                }
                let speaker = source.map(|src| speaker_of(doc, mentions, src, sentence, last_speaker));
                if let Some(e) = speaker.and_then(|s| s.entity) {
                    last_speaker = Some(e);
                }
                let confidence = match source.map(|s| s.kind) {
                    Some(MentionKind::Name) => 0.9,
                    Some(_) => 0.8,
                    None => 0.5,
                };
                (speaker, Some(cue_span(doc, cue_t)), confidence)
            }
            // A quotation standing alone right after an attributed one continues it.
            None => match previous {
                Some((p, Some(sp))) if kind != QuoteKind::Partial && p + 1 >= paragraph && p <= paragraph => {
                    (Some(sp), None, 0.6)
                }
                // A fragment of several words inside the reporter's sentence ("Huckabee is
                // labeling the order “a blatant abuse of power”") is, in PolNeAR train, within
                // an attribution four times in five: its speaker is the sentence's subject.
                _ if kind == QuoteKind::Partial && is_quoted_phrase(doc, quote.open, close) => {
                    match subject_of(doc, quote.open, sentence) {
                        Some(src) => (
                            Some(speaker_of(doc, mentions, src, sentence, last_speaker)),
                            None,
                            SUBJECT_GUESS,
                        ),
                        None => (None, None, 0.3),
                    }
                }
                _ if title => (None, None, TITLE_CONFIDENCE),
                _ => (None, None, 0.3),
            },
        };
        // (A title in between leaves the last speaker to the quotations after it.)
        if !title {
            previous = Some((paragraph, speaker));
        }
        out.push(AttributedQuote {
            parts,
            kind,
            speaker,
            cue,
            confidence,
        });
        i += 1;
    }
    let mut quoted = QuotedWords::of(doc, quotes, spare_ranges);
    // How far the text quoted so far reaches: the greatest end of the quotations up to each
    // (quotations nest, so their ends are not in order).
    reach.clear();
    reach.extend(out.iter().scan(0, |far, q| {
        *far = q.parts.span().end.max(*far);
        Some(*far)
    }));
    let mut reported = reported_speech(
        doc,
        mentions,
        &used_cues,
        &mut quoted,
        quotes,
        (&mut out, &reach),
        &mut last_speaker,
    );
    continue_reported(doc, &mut out, &reported);
    fragments_of_statements(doc, &mut out, &reported);
    poll_statements(doc, mentions, &mut reported);
    statements_around_fragments(doc, &out, &mut reported);
    descriptions_described_before(doc, mentions, &mut out);
    if crate::segment::worth_keeping(&used_cues)
        && crate::segment::worth_keeping(&quoted.ranges)
        && crate::segment::worth_keeping(&reach)
    {
        SPARE_WORK.with(|cell| cell.set((used_cues, quoted.ranges, reach)));
    }
    Found { quotes: out, reported }
}

/// "She also said, without evidence, that “they are going to people …”", "Zimmerman wrote in
/// both listings he was “honored and humbled” to announce …": a fragment credited through a
/// verb before it in its sentence was quoted from what that verb reports (a mixed quote).
/// Where the search for reported speech found no statement around it (an aside, an adverbial
/// or a subject it could not step over), the statement is taken from the verb: from its
/// "that", else from the word after it, to where statements end, and only
/// if that holds the fragment. `reported` is in text order; the statements found here are
/// added at its end (the claims are sorted by span in `claims::assemble`), so this runs last.
/// Statements do not overlap.
#[inline(never)]
fn statements_around_fragments(doc: &Document, quotes: &[AttributedQuote], reported: &mut Vec<Reported>) {
    let mut found = Vec::new();
    // The first statement that ends past the last cue looked at (cues come in text order).
    let mut r = 0;
    for q in quotes {
        let (Some(speaker), Some(cue)) = (q.speaker, q.cue) else {
            continue;
        };
        let fragment = q.parts.span();
        if q.kind != QuoteKind::Partial || cue.end > fragment.start {
            continue;
        }
        while reported.get(r).is_some_and(|x| x.content.end <= cue.start) {
            r += 1;
        }
        // (Nor where the verb has its statement past the fragment, which was then in an
        // adverbial: "said in an interview with the “Times” that …".)
        if reported
            .get(r)
            .is_some_and(|x| x.content.start < fragment.end || x.cue == cue)
        {
            continue;
        }
        let cue_t = doc.tokens.partition_point(|t| t.span.start < cue.start);
        let s = doc.sentence_of(cue_t);
        let Some(sentence) = doc.sentences.get(s) else {
            continue;
        };
        let Some(class) = doc.tokens.get(cue_t).and_then(|t| t.info.cue()) else {
            continue;
        };
        let first_quoted = token_from(doc, fragment.start, &sentence.tokens);
        let end = sentence.tokens.end;
        if first_quoted >= end {
            continue;
        }
        let mut c = cue_t + 1;
        let that = (class != CueClass::Quote)
            .then(|| (c..first_quoted.min(c + 8)).find(|&i| is_that(doc, i)))
            .flatten();
        match that {
            Some(that) => c = that,
            // (After "told", the words before the fragment are the listener's.)
            None if class == CueClass::Tell => continue,
            None => c = past_cue_modifiers(doc, c, first_quoted),
        }
        // (A statement that opens with the fragment, "tweeted “Thank you Indiana!”", is the
        // quotation itself.)
        if c + 1 >= first_quoted {
            continue;
        }
        let stop = clause_end(doc, sentence.tokens.start, cue_t, c, class, sentence, false);
        if stop < fragment.end {
            continue;
        }
        let stop = past_closing_marks(doc, stop, &sentence.tokens);
        let content = Span::new(doc.tokens[c].span.start, stop);
        let past = token_from(doc, content.end, &sentence.tokens);
        found.push(Reported {
            content,
            tokens: c..past.max(c),
            speaker: Some(speaker),
            cue,
        });
    }
    reported.extend(found);
}

/// "“…,” the envoy told reporters" after "…, a senior envoy involved in the talks said.": the
/// quotations are attributed before the statements, so a bare "the envoy" found no one and
/// became an entity of its own. It is the one a statement described with that noun (an
/// entity made after it, so by the statements).
fn descriptions_described_before(doc: &Document, mentions: &mut Mentions, quotes: &mut [AttributedQuote]) {
    for q in quotes.iter_mut() {
        let Some(Speaker {
            mention,
            entity: Some(own),
        }) = q.speaker
        else {
            continue;
        };
        let wording = mention.of(doc.text);
        let bare = wording.strip_prefix("the ").or_else(|| wording.strip_prefix("The "));
        let Some(head) = bare.filter(|_| eq_ignore_case(&*mentions.entities[own].name, wording)) else {
            continue;
        };
        let Some(e) = mentions.described_with_head(head, crate::EntityKind::Person, own + 1) else {
            continue;
        };
        q.speaker = Some(Speaker {
            mention,
            entity: Some(e),
        });
        // (And the roster lists the mention with the entity it now stands for. Looked for among
        // the latest only, so that a long text's many do not make this quadratic.)
        let mut latest = mentions.spoken.iter_mut().rev().take(256);
        if let Some(spoken) = latest.find(|&&mut (x, m)| x == own && m == mention) {
            spoken.0 = e;
        }
    }
}

/// "Kerry said that 100,000 would be accepted. “That adds up to 185,000.”": a quotation with
/// no attribution of its own, whole sentences right after a reported statement on its line
/// (its paragraph), with no quotation between them, continues the statement's speaker, as it
/// would a quotation's. (In the next paragraph, or inside a sentence of the reporter's, it
/// was someone else's too often: 19 of 51 right on PolNeAR train.) Both lists are in text
/// order.
fn continue_reported(doc: &Document, quotes: &mut [AttributedQuote], reported: &[Reported]) {
    let mut r = 0;
    // How far the quotations before reach.
    let mut reach = 0;
    for q in quotes.iter_mut() {
        let start = q.parts.first().start;
        if q.speaker.is_none() && q.cue.is_none() && q.kind == QuoteKind::Direct {
            while reported.get(r).is_some_and(|x| x.content.end <= start) {
                r += 1;
            }
            let statement = r
                .checked_sub(1)
                .map(|i| &reported[i])
                .filter(|x| x.speaker.is_some() && x.content.end > reach && x.tokens.start < x.tokens.end);
            if let Some(statement) = statement {
                let said_in = doc.sentence_of(statement.tokens.end - 1);
                let first_word = doc.tokens.partition_point(|t| t.span.start < start);
                let quoted_in = doc.sentence_of(first_word);
                // (The quotation is its sentences, whole: none said by "T…" after it, or
                // quoted in the reporter's sentence.)
                let past = doc.tokens.partition_point(|t| t.span.start < q.parts.span().end);
                let last = doc.sentences.get(doc.sentence_of(past.saturating_sub(1)));
                let whole = doc.sentences[quoted_in].tokens.start + 1 >= first_word
                    && last.is_some_and(|l| (past..l.tokens.end).all(|t| doc.tokens[t].kind == TokenKind::Punct));
                let same_line = doc.tokens[first_word].line == doc.tokens[statement.tokens.end - 1].line;
                if whole && same_line && quoted_in == said_in + 1 {
                    q.speaker = statement.speaker;
                    q.confidence = 0.5;
                }
            }
        }
        reach = reach.max(q.parts.span().end);
    }
}

/// "Schumer said the vote showed that “bipartisanship is still possible”": a fragment whose
/// own cue lies inside a reported statement that holds it was quoted by whoever made the
/// statement, through the statement's cue ("said"), not the verb inside it ("showed"). Both
/// lists are in text order.
/// So is a fragment whose cue is a verb of thinking or feeling inside the statement, whoever
/// its subject: "Aldous said that residents felt “abandoned”" quotes Aldous, not the residents,
/// who said nothing. And so is a fragment whose cue was found past its statement, inside the
/// next one: "Quinn called the plan “reckless” and said it showed …" is Quinn's calling.
fn fragments_of_statements(doc: &Document, quotes: &mut [AttributedQuote], reported: &[Reported]) {
    let mut r = 0;
    for q in quotes.iter_mut().filter(|q| q.kind == QuoteKind::Partial) {
        let (Some(cue), Some(speaker)) = (q.cue, q.speaker) else {
            continue;
        };
        let fragment = q.parts.span();
        while reported.get(r).is_some_and(|x| x.content.end <= fragment.start) {
            r += 1;
        }
        let Some(statement) = reported.get(r) else {
            break;
        };
        let Some(speaker_of_statement) = statement.speaker.filter(|s| s.entity.is_some()) else {
            continue;
        };
        let cue_inside = statement.content.contains(cue)
            && (speaker_of_statement.entity == speaker.entity
                || matches!(
                    crate::lexicon::lookup_in(doc.text, cue.start..cue.end).cue(),
                    Some(CueClass::Think | CueClass::Belief)
                ));
        let cue_in_next = reported.get(r + 1).is_some_and(|next| next.content.contains(cue));
        if statement.content.contains(fragment) && (cue_inside || cue_in_next) {
            q.cue = Some(statement.cue);
            q.speaker = statement.speaker;
        }
    }
}

/// Adds token `t` to `cues`, kept in text order for [`reported_speech`]'s cursor. The
/// quotations come in text order, and so do their cues nearly always (then `t` is pushed), but
/// nothing makes a cue found after one quotation come before every cue of the next.
fn insert_in_order(cues: &mut Vec<usize>, t: usize) {
    let at = cues.iter().rposition(|&c| c <= t).map_or(0, |i| i + 1);
    cues.insert(at, t);
}

/// A statement that ends on a quotation ends where the quotation does: "Cruz said the state
/// “has suffered for a long time.”" holds the quoted words up to their own full stop, which
/// the statement's end (before the sentence's stop and closing marks) would otherwise cut off,
/// and their closing mark, so that it reads balanced. `last` is the last quotation that starts
/// before the content ends (no later statement changes its kind: statements do not overlap);
/// `found` are the quotations as found, whose marks bound the search for the closing mark,
/// searched from `near_found` (the statements come in text order).
fn cover_final_quote(
    doc: &Document,
    found: &[Quoted],
    near_found: &mut usize,
    last: Option<&AttributedQuote>,
    content: &mut Span,
) {
    let Some(q) = last else {
        return;
    };
    let end = q.parts.span().end;
    if q.kind == QuoteKind::Partial
        && q.parts.first().start >= content.start
        && end >= content.end
        && doc
            .text
            .as_bytes()
            .get(content.end..end)
            .unwrap_or_default()
            .iter()
            .all(u8::is_ascii_punctuation)
    {
        // The quotation found last before `end` is the one it ends (or one inside it,
        // whose marks then hold no closing mark at `end`: the search is of all tokens).
        *near_found = partition_point_near(found, *near_found, |f| f.parts.first().start < end);
        let marks = found
            .get(near_found.wrapping_sub(1))
            .map_or(0..0, |f| f.open..f.close + 1);
        content.end = past_closing_marks(doc, end, &marks);
    }
}

/// `end` moved over the closing marks that touch it (” or both apostrophes of ''): the first
/// token at or after it is searched for among tokens `near` first (see [`token_from`]).
fn past_closing_marks(doc: &Document, mut end: usize, near: &std::ops::Range<usize>) -> usize {
    let mut t = token_from(doc, end, near);
    while let Some(token) = doc
        .tokens
        .get(t)
        .filter(|t| t.mark == Mark::Close && t.span.start == end)
    {
        end = token.span.end;
        t += 1;
    }
    end
}

/// Two quotations are one when only their attribution (with cue `cue`) stands between them:
/// “A,” she said, “B.” — or, across a full stop, “A,” she said. “B.” (or “A?” she asked. “B.”)
/// when B has no cue of its own.
fn joins(doc: &Document, first: &Quoted, second: &Quoted, cue: usize) -> bool {
    let between = second.open - first.close;
    if between > LONG_ATTRIBUTION {
        return false;
    }
    let full_stop = punct_of(doc.text, &doc.tokens[second.open - 1]) == Some('.');
    // Across a full stop, a cue after the attribution's own and in its sentence belongs to an
    // aside about the speaker or the occasion (“A,” she said, noting that … / recalling … /
    // when asked …. “B.”); before a comma or colon it may introduce B (“A,” she said, adding, “B”).
    // (The cue's sentence is searched for only where it is asked.)
    let cue_sentence = if full_stop { doc.sentence_of(cue) } else { usize::MAX };
    let aside = |t: usize| full_stop && t > cue && doc.sentence_of(t) == cue_sentence;
    let another_cue =
        (first.close + 1..second.open).any(|t| t != cue && cue_class(doc, t, false).is_some() && !aside(t));
    if another_cue {
        return false;
    }
    let same_paragraph = doc.lines[doc.tokens[first.close].line as usize].paragraph
        == doc.lines[doc.tokens[second.open].line as usize].paragraph;
    // (The first part's own last mark, inside a quotation it ends with: “She said, ‘Go,’” …)
    let last_words = first.parts[first.parts.len() - 1]
        .of(doc.text)
        .trim_end_matches(['\'', '’', '"', '”']);
    match punct_of(doc.text, &doc.tokens[second.open - 1]) {
        Some(',' | ':' | ';' | '—' | '–') => {
            // A long attribution (a speaker's title and post) only after a first part that ends
            // on a comma: “A,” said Jo Hart, director of …, “b.” And not before a second part
            // with a cue of its own: “A,” she said, but …, “B,” said Kunin.
            (between <= CUE_WINDOW || last_words.ends_with(','))
                && doc.sentence_of(first.close) == doc.sentence_of(second.open)
                && cue_after(doc, second.close, doc.sentence_of(second.close)).is_none()
        }
        Some('.') => {
            same_paragraph
                && cue_after(doc, second.close, doc.sentence_of(second.close)).is_none()
                && last_words.ends_with([',', '!', '?'])
        }
        _ => false,
    }
}

/// Is the quotation a title ("Meet the Press", "Cake Boss."): two to six words, each
/// capitalised but for the short words titles leave lowercase, all on one line, ending on no
/// "!" or "?" ("Hi Americans!" is said), right after a word of the reporter's sentence?
/// (Asked only of quotations short enough, [`TITLE_TOKENS`]: out of line.)
#[cold]
#[inline(never)]
fn is_title(doc: &Document, quote: &Quoted) -> bool {
    let inside = &doc.tokens[quote.open + 1..quote.close];
    let words = inside.iter().filter(|t| t.kind != TokenKind::Punct).count();
    let first_word = inside.iter().find(|t| t.kind != TokenKind::Punct);
    if !(1..=6).contains(&words) || first_word.is_none_or(|t| !t.cap) {
        return false;
    }
    let capitalised = (quote.open + 1..quote.close).all(|t| {
        let token = &doc.tokens[t];
        match token.kind {
            TokenKind::Punct => !matches!(punct_of(doc.text, token), Some('!' | '?')),
            _ => token.cap || word_in(doc, t, &TITLE_SMALL_WORDS),
        }
    });
    // Named in the reporter's sentence, after a word that is no cue but "told": "the show
    // “Cake Boss.”", "told “Morning Edition”", not "“Good Morning,” Ruiz said" or "said
    // “Thank You”". (The word before both apostrophes of a '' mark.)
    let mut open = quote.open;
    while open > 0
        && doc.tokens[open - 1].kind == TokenKind::Punct
        && doc.tokens[open - 1].span.end == doc.tokens[open].span.start
    {
        open -= 1;
    }
    let named = open > 0 && {
        let before = &doc.tokens[open - 1];
        before.kind == TokenKind::Word && before.info.cue().is_none_or(|class| class == CueClass::Tell)
    };
    // A kind of work or a network's possessive just before ("the TV show “Hannity”", "NBC’s
    // “Today”"), or a kind of work and a comma ("his new book, ''Doomed to Succeed,''"): the
    // name of a work, even of one word.
    let work_before = |t: usize| doc.tokens[t].kind == TokenKind::Word && word_in(doc, t, &WORKS);
    let named_work = open > 0
        && (work_before(open - 1)
            || (doc.tokens[open - 1].possessive != 0 && doc.tokens[open - 1].cap)
            || (open > 1 && is_punct(doc, open - 1, b',') && work_before(open - 2)));
    (named_work || (named && words >= 2)) && capitalised && doc.tokens[quote.open].line == doc.tokens[quote.close].line
}

/// The kinds of work whose names news quotes: "the reality show “The Apprentice,”".
/// ("documentary" and "programme" are longer than a key.)
const WORKS: KeySet<14> = keys([
    "show", "program", "series", "sitcom", "book", "novel", "memoir", "movie", "film", "album", "song", "podcast",
    "column", "blog",
]);

/// The most tokens from a title's opening mark to its closing one (six words and their
/// punctuation): most quotations are longer, and are told no title with no call.
const TITLE_TOKENS: usize = 16;

/// The confidence of a quotation that [`is_title`]: nobody's words, never given a speaker
/// (and, a fragment with neither speaker nor cue, left out of the result).
const TITLE_CONFIDENCE: f32 = 0.0;

/// The confidence of a fragment credited to its sentence's subject for want of a cue: a
/// statement found around it later gives it that statement's speaker and cue instead.
const SUBJECT_GUESS: f32 = 0.4;

/// The words a title in Title Case leaves lowercase.
const TITLE_SMALL_WORDS: KeySet<16> = keys([
    "a", "an", "the", "of", "and", "or", "nor", "but", "for", "to", "in", "on", "at", "by", "with", "from",
]);

/// Three words or more with a lowercase word that is not a function word: words someone said
/// rather than a title ("Water in a Warming World"), a slogan or a scare-quoted term.
fn is_quoted_phrase(doc: &Document, open: usize, close: usize) -> bool {
    let mut words = 0;
    let mut lowercase = false;
    for token in &doc.tokens[open + 1..close] {
        if token.kind == TokenKind::Word && token.in_quote {
            words += 1;
            lowercase |= !token.cap && !token.info.has(FUNCTION);
        }
    }
    words >= 3 && lowercase
}

/// Whether a quotation is someone's whole sentence (`Direct`), runs over paragraphs (`Block`),
/// or is a fragment of the reporter's sentence (`Partial`). `attributed_after`: it opens its
/// sentence and a speaker and a verb follow its closing mark, so that even one or two words
/// that end with a stop are the speaker's whole reply (“Not yet,” Lopez replied; ‘Never’, he
/// said).
fn quote_kind(doc: &Document, quote: &Quoted, close: usize, parts: &[Span], attributed_after: bool) -> QuoteKind {
    let first_line = doc.tokens[quote.open].line;
    if doc.tokens[close].line != first_line {
        let first_paragraph = doc.lines[first_line as usize].paragraph;
        let last_paragraph = doc.lines[doc.tokens[close].line as usize].paragraph;
        if last_paragraph != first_paragraph || parts.len() > 1 {
            return QuoteKind::Block;
        }
    }
    let words = parts[0].of(doc.text);
    let first = crate::segment::decode_first(words);
    let starts_sentence = first.is_some_and(|c| c.is_uppercase() || c.is_numeric());
    // A script without capitals (Chinese, Arabic, Hebrew…): its sentences are told by their end.
    let caseless = !starts_sentence && first.is_some_and(is_caseless_letter);
    // Words that do not open like a sentence are a fragment, however many: they go uncounted.
    if !starts_sentence && !caseless {
        return QuoteKind::Partial;
    }
    // The text right after the closing mark, past spaces.
    let after_marks = || {
        doc.text
            .get(doc.tokens[close].span.end..)
            .unwrap_or_default()
            .trim_start_matches(' ')
    };
    let ends_sentence = || {
        parts[parts.len() - 1]
            .of(doc.text)
            .trim_end_matches(['’', '\'', '"', '”'])
            .ends_with(['.', ',', '!', '?', '…', ';', ':', '—', '。', '！', '？', '，', '؟'])
    };
    // As British and European papers print it, the comma or full stop right after the marks
    // (‘We will win’, she said; „Wir gewinnen“, sagte er): words someone said, if they read
    // like a sentence, not a title (“Water in a Warming World”, on Thursday). (Not a dash or
    // colon there: “Saturday Night Live” — and …)
    let stop_after_marks = || after_marks().starts_with(['.', ',']) && is_quoted_phrase(doc, quote.open, close);
    if caseless {
        // (Words there are not always spaced: none are counted.)
        return if ends_sentence() {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
    }
    // Only whether there are three words, and six, is asked: counting stops there.
    let word_count = parts.iter().fold(0, |n, p| {
        if n >= 6 {
            n
        } else {
            n + word_count(p.of(doc.text), 6 - n)
        }
    });
    // Two words make a sentence when the first is its subject: “We won,” “I agree.”
    // (Others are most often a title or a slogan: “Fake News,”.)
    let subject_first = || {
        doc.tokens
            .get(quote.open + 1)
            .is_some_and(|t| t.info.has(crate::lexicon::PRONOUN) && t.span.start == parts[0].start)
    };
    // "an impassioned defense of “New York values,” saying …", "the slogan “Make America Great
    // Again,”": after a preposition or a determiner, short words in capitals are a phrase of
    // the reporter's sentence, whatever follows them.
    // (An exclamation or a question there is still someone's: "the chant of “Lock her up!”".)
    let embedded = || {
        quote.open > 0 && !parts[parts.len() - 1].of(doc.text).ends_with(['!', '?']) && {
            let before = &doc.tokens[quote.open - 1];
            before.kind == TokenKind::Word
                && !before.in_quote
                && (before.info.has(DETERMINER) || word_in(doc, quote.open - 1, &PREPOSITIONS))
        }
    };
    // "Trump: ‘I Will Not Concede’", "She delivered a retort: “Enough Is Enough”": after a
    // colon and to the end of its line, a quotation is all the speaker says, in whatever case;
    // one word too when it ends as a sentence does ("Asked whether he would resign, he
    // replied: “No.”").
    let colon_to_line_end = || {
        let line_end = doc.lines[doc.tokens[close].line as usize].tokens.end;
        quote.open > 0
            && is_punct(doc, quote.open - 1, b':')
            && (close + 1 == line_end || close + 2 == line_end && doc.tokens[close + 1].kind == TokenKind::Punct)
    };
    let stop_after_reply = || attributed_after && after_marks().starts_with(',');
    // (A headline's or a quote box's credit after a colon or dash: "“We were robbed”: Rovers
    // boss fumes", "“…” — Leona Marsh".)
    let credit_after = || attributed_after && after_marks().starts_with([':', '—', '–', '-']);
    if word_count >= 6
        || (word_count >= 3 || (word_count == 2 && subject_first()))
            && (ends_sentence() || stop_after_marks())
            && !embedded()
        || attributed_after && word_count >= 1 && (ends_sentence() || stop_after_reply()) && !embedded()
        || (word_count >= 2 || ends_sentence()) && colon_to_line_end()
        || word_count >= 2 && credit_after() && !embedded()
    {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Is `c` a letter of a script without capitals: Hebrew, Arabic, the Indic scripts, Thai, Hangul,
/// kana and CJK ideographs? (By blocks, not `char::is_lowercase`, whose table would add
/// kilobytes to the browser build.)
fn is_caseless_letter(c: char) -> bool {
    matches!(c, '\u{05d0}'..='\u{05ff}' | '\u{0620}'..='\u{064a}' | '\u{0671}'..='\u{06ff}' | '\u{0900}'..='\u{0e7f}' | '\u{1100}'..='\u{11ff}' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// `text.split_whitespace().count()`, or any number from `limit` up when there are at least
/// that many, without decoding the text: eight ASCII bytes at a time, and byte by byte where a
/// chunk holds other characters, of which only the lead bytes of the few non-ASCII spaces
/// (U+0085, U+00A0, U+1680, U+2000–U+3000) are decoded. Quotations are a good part of news
/// text, and counting all their words was a tenth of attribution.
fn word_count(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() && count < limit {
        if let Some(eight) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            if w & HIGH == 0 {
                // The high bit of every byte that is no space; a word starts where the byte
                // before it (or the last chunk's last byte) was a space.
                let word = !(in_range(w, b'\t', b'\r') | in_range(w, b' ', b' ')) & HIGH;
                let before = (word << 8) | if in_word { 0x80 } else { 0 };
                count += (word & !before).count_ones() as usize;
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        // (By index: `at` also cuts `text` where a multi-byte space may start.)
        #[allow(clippy::needless_range_loop)]
        for at in i..bytes.len().min(i + 8) {
            let space = match bytes[at] {
                b'\t'..=b'\r' | b' ' => true,
                // A continuation byte belongs to the character its lead byte classified.
                0x80..=0xBF => continue,
                0xC2 | 0xE1 | 0xE2 | 0xE3 => text
                    .get(at..)
                    .and_then(crate::segment::decode_first)
                    .is_some_and(char::is_whitespace),
                _ => false,
            };
            count += usize::from(!space && !in_word);
            in_word = !space;
        }
        i += 8;
    }
    count
}

fn cue_span(doc: &Document, cue_t: usize) -> Span {
    let token = doc.tokens[cue_t];
    // "according to" is one cue.
    if eq_ignore_case(bytes_of(doc, cue_t), b"according") {
        if let Some(to) = doc.tokens.get(cue_t + 1) {
            return Span::new(token.span.start, to.span.end);
        }
    }
    token.span
}

fn speaker_of(
    doc: &Document,
    mentions: &mut Mentions,
    source: Source,
    s: usize,
    last_speaker: Option<usize>,
) -> Speaker {
    let mut source = with_partitive(doc, source, s);
    if let Some((head, desc)) = title_described(doc, mentions, &source) {
        (source.head, source.kind) = (head, MentionKind::Description(desc));
    }
    // (An interviewer's "Q" and an interviewee's "A" name no one by themselves.)
    let letter = source.span.len() == 1;
    // "according to the Department of Health": an institution's description whose capitalised
    // head opens a name ("Department", "Ministry", "Post") is that name's, not a new one. (Not
    // a person's or a group's: "Leading Democrats" is no name, only a sentence's first words.)
    let institution = matches!(
        source.kind,
        MentionKind::Description(DescKind::Organisation | DescKind::Message)
    ) && doc.tokens[source.head].cap;
    // The name the head is part of, looked up once, for a name or such a description: its
    // entity, and the extent of the mention (below). (Entity, span, first token.)
    let name = (source.kind == MentionKind::Name || institution)
        .then(|| {
            mentions
                .name_at(source.head)
                .map(|n| (n.entity, n.span, n.tokens.start))
        })
        .flatten();
    let headed = name.filter(|&(_, _, first)| institution && first == source.head);
    let entity = apposed_name(doc, mentions, source)
        .or_else(|| headed.map(|(e, _, _)| e))
        .or_else(|| {
            (source.kind == MentionKind::Pronoun).then(|| {
                described_antecedent(doc, mentions, source, s)
                    .or_else(|| definite_antecedent(doc, mentions, source, s, last_speaker))
                    .or_else(|| {
                        // (Its length asked first, inline: most pronouns are no "they".)
                        (doc.tokens[source.head].span.len() == 4)
                            .then(|| group_antecedent(doc, mentions, source, s))
                            .flatten()
                    })
            })?
        })
        .or_else(|| {
            (source.kind == MentionKind::Description(DescKind::Person))
                .then(|| introduced_before(doc, mentions, source, s))?
        })
        .or_else(|| match source.kind {
            MentionKind::Name => name.map(|(e, _, _)| e),
            kind => mentions.resolve(doc, source.head, s, kind, last_speaker),
        })
        .or_else(|| description_entity(doc, mentions, source))
        .or_else(|| shouted_name(doc, mentions, source))
        .or_else(|| letter.then(|| interviewee(doc, mentions, source)).flatten())
        .or_else(|| unkept_name(doc, mentions, source).filter(|_| !letter));
    if let Some(e) = entity {
        // "according to the Centers for Disease Control and Prevention", "the Bank of England
        // said": the phrase found stops at a lowercase word ("the Centers") or starts after it
        // ("Prevention"); the name its head is part of does not.
        // (Not a relative "who" that stands for the name.)
        if let Some((_, span, first)) = name.filter(|&(n, span, _)| n == e && span.overlaps(source.span)) {
            // (Nor back to a function word the name finder left on the name: "As Vulture".)
            let start = if doc.tokens[first].info.has(FUNCTION) {
                source.span.start
            } else {
                span.start
            };
            source.span = Span::new(source.span.start.min(start), source.span.end.max(span.end));
        }
        let speaker = &mut mentions.entities[e];
        if speaker.kind == crate::EntityKind::Person
            && speaker.gender == crate::lexicon::Gender::Unknown
            && source.kind == MentionKind::Name
        {
            government_if_place(speaker);
        }
        speaker.speaks += 1;
        mentions.spoken.push((e, source.span)); // sorted and deduplicated for the roster
    }
    Speaker {
        mention: source.span,
        entity,
    }
}

/// "The Secretary of State said": a title and its complement after "of", where the mention
/// finder kept no name, is a description headed by the title, as "the secretary" is: the
/// title's token and kind, for a name's `source`. (In line natively: a call of its own cost
/// more than its test of the kind; out of line in the browser build, where that is smaller.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn title_described(doc: &Document, mentions: &Mentions, source: &Source) -> Option<(usize, DescKind)> {
    if source.kind != MentionKind::Name {
        return None;
    }
    // (The title before the first "of": "former CEO of Hewlett-Packard".)
    let of = (first_token_of(doc, source) + 1..source.head)
        .find(|&t| doc.tokens[t].span.len() == 2 && is_word(doc, t, None, b"of"))?;
    let desc = doc.tokens[of - 1].info.desc()?;
    mentions.name_at(source.head).is_none().then_some((of - 1, desc))
}

/// "A police spokeswoman said … . “…,” she said": a description of the pronoun's gender that
/// speaks (a cue soon after it) in the sentence before, with no person named after it, is
/// the latest antecedent a reader has (the mention finder lists names, not descriptions).
/// (For a pronoun's `source` only.)
#[inline(never)]
fn described_antecedent(doc: &Document, mentions: &mut Mentions, source: Source, s: usize) -> Option<usize> {
    let gender = doc.tokens[source.head].info.gender();
    if gender == crate::lexicon::Gender::Unknown {
        return None;
    }
    let window = doc.sentences[s.checked_sub(1)?]
        .tokens
        .start
        .max(source.head.saturating_sub(64));
    // Only past the latest person named in that window before the pronoun, who is the
    // antecedent otherwise (so no person is named between the description and the pronoun):
    // mostly that leaves few words to look at, or none.
    let person = |n: &&crate::mentions::Name| mentions.entities[n.entity].kind == crate::EntityKind::Person;
    let i = mentions.names.partition_point(|n| n.tokens.start < source.head);
    let named_before = mentions.names[..i]
        .iter()
        .rev()
        .take_while(|n| n.tokens.end > window)
        .find(person);
    let from = window.max(named_before.map_or(0, |n| n.tokens.end));
    let described = |t: usize| {
        let x = &doc.tokens[t];
        x.info.is_desc() && x.info.gender() == gender && x.info.desc() == Some(DescKind::Person) && !x.in_quote
    };
    // ("A spokeswoman for Goldman Sachs said": the person named last may be only the
    // description's employer, a body the name finder took for someone.)
    let head = (from..doc.sentences[s].tokens.start)
        .rev()
        .find(|&t| described(t))
        .or_else(|| {
            let start = named_before?.tokens.start.checked_sub(1)?;
            let head = start.checked_sub(1 + usize::from(is_word(doc, start, None, b"the")))?;
            (head >= window && described(head) && employer_after(doc, mentions, head).is_some()).then_some(head)
        })?;
    let from = if head < from { window } else { from };
    let article = introduction(doc, head, from)?;
    introduced_entity(doc, mentions, article, head)
}

/// The article ("a", "an") of the description at `head` (not before token `from`) that
/// introduces someone new who speaks (a cue soon after it): "a police spokeswoman said". Not
/// a name's apposition ("Brian Fallon, a spokesman for the campaign, said"); and not "the
/// billionaire", someone named, as "my mother" most often is.
fn introduction(doc: &Document, head: usize, from: usize) -> Option<usize> {
    if !speaks(doc, head) {
        return None;
    }
    let article = (head.saturating_sub(3).max(from)..head)
        .rev()
        .find(|&t| word_in(doc, t, &const { keys(["a", "an"]) }))?;
    let apposition = article
        .checked_sub(1)
        .is_some_and(|b| doc.tokens[b].punct(doc.text) == Some(','));
    (!apposition).then_some(article)
}

/// Whether the description at `head` speaks: a cue soon after it, in its sentence ("A
/// spokesman for the ministry said": past its complement). (Out of line: three callers.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn speaks(doc: &Document, head: usize) -> bool {
    let end = doc.sentences[doc.sentence_of(head)].tokens.end.min(head + 7);
    doc.tokens[head + 1..end]
        .iter()
        .any(|n| n.info.is_cue() && !n.cap && !n.in_quote)
}

/// The entity of the description from `article` to `head` that [`introduction`] found, worded
/// as `source_left` words it, with its employer: one entity for both. (Out of line: two
/// callers.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn introduced_entity(doc: &Document, mentions: &mut Mentions, article: usize, head: usize) -> Option<usize> {
    let end = employer_after(doc, mentions, head).map_or(doc.tokens[head].span.end, |n| n.span.end);
    let span = Span::new(doc.tokens[article].span.start, end);
    description_entity(
        doc,
        mentions,
        Source::new(span, head, MentionKind::Description(DescKind::Person)),
    )
}

/// "The chief executive said … . “…,” she said": a definite description of a person that
/// opens the sentence before and speaks (a cue soon after it), with no person named after it,
/// is the pronoun's antecedent, and the pronoun stands for whom the description does (when that one
/// may be a "he" or a "she" as the pronoun is), not for the person named before it. (For a
/// "he" or "she" only, whose antecedent [`described_antecedent`] did not find: out of line.)
#[inline(never)]
fn definite_antecedent(
    doc: &Document,
    mentions: &mut Mentions,
    source: Source,
    s: usize,
    last_speaker: Option<usize>,
) -> Option<usize> {
    let gender = doc.tokens[source.head].info.gender();
    if gender == crate::lexicon::Gender::Unknown {
        return None;
    }
    // The sentence before opens with "the" and its description ("The chief executive", "The
    // defense lawyer"): its subject, as a reader takes it; only the words there are looked
    // at (not "urged voters to back the woman he hopes will succeed him").
    let before = doc.sentences[s.checked_sub(1)?].tokens.clone();
    let the = before.start;
    if the >= before.end || !is_word(doc, the, None, b"the") {
        return None;
    }
    let mut head = None;
    for t in the + 1..before.end.min(the + 4) {
        let x = &doc.tokens[t];
        if x.kind != TokenKind::Word || x.in_quote || x.info.is_cue() {
            break;
        }
        if x.info.desc() == Some(DescKind::Person) && !x.cap {
            head = Some(t);
        }
    }
    let head = head?;
    let x = &doc.tokens[head];
    if x.info.gender() != crate::lexicon::Gender::Unknown && x.info.gender() != gender {
        return None;
    }
    // A cue soon after it, and no person named between it and the pronoun.
    if !speaks(doc, head) {
        return None;
    }
    let mut i = mentions.names.partition_point(|n| n.tokens.start < source.head);
    while let Some(n) = i
        .checked_sub(1)
        .map(|b| &mentions.names[b])
        .filter(|n| n.tokens.start > head)
    {
        if mentions.entities[n.entity].kind == crate::EntityKind::Person {
            return None;
        }
        i -= 1;
    }
    let e = mentions.resolve(
        doc,
        head,
        s - 1,
        MentionKind::Description(DescKind::Person),
        last_speaker,
    )?;
    let entity = &mentions.entities[e];
    (entity.kind == crate::EntityKind::Person
        && (entity.gender == crate::lexicon::Gender::Unknown || entity.gender == gender))
        .then_some(e)
}

/// "The researchers, led by Dr. Solberg of the University of Bergen, followed 48,000 nurses.
/// They found …": a "they" after a sentence whose subject is a group's description, opening
/// it with "the", stands for that group, as a reader takes it; not for a body named inside
/// that sentence, nor for the last group quoted. (For a pronoun's `source`; rare: out of
/// line.)
#[cold]
#[inline(never)]
fn group_antecedent(doc: &Document, mentions: &mut Mentions, source: Source, s: usize) -> Option<usize> {
    if !is_word(doc, source.head, None, b"they") {
        return None;
    }
    let before = doc.sentences[s.checked_sub(1)?].tokens.clone();
    let the = before.start;
    if the >= before.end || !is_word(doc, the, None, b"the") {
        return None;
    }
    // The group's noun within three words, after plain modifiers ("The two Chinese
    // researchers"), ending the subject: a comma or a verb after it, not "of" or a possessive.
    let head = (the + 1..before.end.min(the + 4)).find(|&t| {
        let x = &doc.tokens[t];
        x.kind == TokenKind::Word && !x.cap && !x.in_quote && x.info.desc() == Some(DescKind::Group)
    })?;
    let modifiers_plain = doc.tokens[the + 1..head]
        .iter()
        .all(|x| x.kind == TokenKind::Word && !x.info.is_cue() && !x.info.has(FUNCTION));
    let ends_subject = doc.tokens[head].possessive == 0 && head + 1 < before.end && !doc.is(head + 1, "of");
    if !(modifiers_plain && ends_subject) {
        return None;
    }
    let phrase = Span::new(doc.tokens[the].span.start, doc.tokens[head].span.end);
    description_entity(
        doc,
        mentions,
        Source::new(phrase, head, MentionKind::Description(DescKind::Group)),
    )
}

/// "A spokesperson for the transit authority said … . “…,” the spokesperson said": a definite
/// description is the same someone as the latest indefinite one of its head word that speaks
/// (a cue soon after it) a few sentences before, a reader's "the" for someone met with "a";
/// not the person named last, whom the description would otherwise go to. Not when that "a"
/// is a name's apposition ("Jim Tull, a spokesman for the firm, said": that is Tull, as the
/// role look-up has it). (For a person's
/// description, whose head is rarely a word seen with "a" before: out of line.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn introduced_before(doc: &Document, mentions: &mut Mentions, source: Source, s: usize) -> Option<usize> {
    const WINDOW: usize = 3;
    let head = source.head;
    let the = head.checked_sub(1)?;
    if !is_word(doc, the, None, b"the") {
        return None;
    }
    let floor = doc.sentences[s.saturating_sub(WINDOW)]
        .tokens
        .start
        .max(head.saturating_sub(80));
    let word = doc.word(head);
    let before = doc.sentences[s].tokens.start;
    // The latest word the same as the head before this sentence, introduced by "a" within
    // three words ("a police spokeswoman").
    let found = (floor..before).rev().find(|&t| {
        let x = &doc.tokens[t];
        x.info.desc() == Some(DescKind::Person) && !x.in_quote && !x.cap && eq_ignore_case(doc.word(t), word)
    })?;
    let article = introduction(doc, found, floor)?;
    introduced_entity(doc, mentions, article, found)
}

/// Where the name of the employer after the description at `head` ends ("a spokeswoman for
/// Goldman Sachs"; `source_left` names the speaker so), if one is named right after its
/// preposition.
/// (Also [`Mentions::resolve`]'s, for "a spokesman for Brightline" after "Jim Tull, a spokesman
/// for Brightline".)
pub(crate) fn employer_after<'m>(
    doc: &Document,
    mentions: &'m Mentions,
    head: usize,
) -> Option<&'m crate::mentions::Name> {
    let prep = head + 1;
    if prep + 1 >= doc.tokens.len() || !word_in(doc, prep, &EMPLOYER_PREPOSITIONS) {
        return None;
    }
    let first = prep + 1 + usize::from(is_word(doc, prep + 1, None, b"the"));
    mentions
        .name_at(first)
        .filter(|n| n.tokens.start == first || n.tokens.start == prep + 1)
}

/// "46 percent of voters said", "most of the workers said": the speaker is the share the
/// quantity before "of" counts out of the phrase ([`partitive_start`]), not the whole group,
/// in sentence `s`. (Told first by the bytes before the phrase, "of ": most sources have
/// none.)
fn with_partitive(doc: &Document, source: Source, s: usize) -> Source {
    // (In any case: "17 Of The Most Powerful Things Latinos Said", a headline's.)
    let start = source.span.start;
    if start < 3 || !eq_ignore_case(&doc.text.as_bytes()[start - 3..start], b"of ") {
        return source;
    }
    partitive_source(doc, source, s)
}

/// [`with_partitive`] for a source after "of ". (Rare: out of the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn partitive_source(doc: &Document, source: Source, s: usize) -> Source {
    // (Within sentence `s`.)
    let floor = doc.sentences.get(s).map_or(0, |x| x.tokens.start);
    share_of(doc, source, floor)
}

/// The share ([`partitive_start`]) of the group `source` names, or the role that share
/// completes ("the family of one of the victims"); `source` itself where no share counts it
/// out. (Rare: out of line.)
#[cold]
#[inline(never)]
fn share_of(doc: &Document, source: Source, floor: usize) -> Source {
    let Some(share) = partitive_start(doc, first_token_of(doc, &source).saturating_sub(1), floor) else {
        return source;
    };
    role_completed_by(doc, share, source.head, floor).unwrap_or(Source {
        span: Span::new(doc.tokens[share].span.start, source.span.end),
        ..source
    })
}

/// The first token of the quantity before "of" at token `of` (not before `floor`), if it
/// counts a share of what follows: "46 percent", "most", "a majority", "nearly half", "more
/// than a third", "two". (Rare: out of line.)
#[cold]
#[inline(never)]
fn partitive_start(doc: &Document, of: usize, floor: usize) -> Option<usize> {
    if of <= floor || key_of(doc, of) != key("of") {
        return None;
    }
    let mut q = of - 1;
    let token = &doc.tokens[q];
    if token.in_quote {
        return None;
    }
    if key_of(doc, q) == key("percent") && q > floor && doc.tokens[q - 1].kind == TokenKind::Number {
        q -= 1;
    } else if token.kind == TokenKind::Word && (word_in(doc, q, &SHARES) || word_in(doc, q, &NUMBERS)) {
        // ("a majority", "the rest": the share's own determiner.)
        if q > floor && word_in(doc, q - 1, &const { keys(["a", "the"]) }) {
            q -= 1;
        }
    } else if token.kind != TokenKind::Number {
        return None;
    }
    Some(with_approximation(doc, q, floor))
}

/// Words for a share of a group, before "of" ([`partitive_start`]).
const SHARES: KeySet<16> = keys([
    "most", "many", "some", "all", "none", "half", "majority", "third", "quarter", "fifth", "both", "each", "several",
    "few", "one", "minority",
]);

/// A name the mention finder did not keep ("Ruiz" opening a one-line text), as an entity of
/// its own: an organisation's by its last word ("Washington Post", "Fox News") or its "The"
/// ("The Hill"), a place's being its government's ("China said"). (Rare: out of line.)
#[cold]
#[inline(never)]
fn unkept_name(doc: &Document, mentions: &mut Mentions, source: Source) -> Option<usize> {
    if source.kind != MentionKind::Name {
        return None;
    }
    let wording = source.named.of(doc.text);
    // One word ("Priya said" opening a sentence, "Kasich: …"): whoever the story's names give
    // it to. (A longer name is someone new: a headline's "Hillary Clinton" whose surname
    // belongs to the last Clinton named.)
    if let Some(known) = mentions
        .entity_named(doc.text, wording)
        .filter(|_| !wording.contains(' '))
    {
        return Some(known);
    }
    let place = || crate::lexicon::not_a_person(wording.as_bytes()) == Some(crate::lexicon::NotAPerson::Place);
    // (A name that keeps its "'s" before a verb is a firm's: "McDonald's said".)
    let head = &doc.tokens[source.head];
    let kind = if head.info.has(ORG_WORD) || head.possessive != 0 || wording.starts_with("The ") || place() {
        crate::EntityKind::Organisation
    } else {
        crate::EntityKind::Person
    };
    Some(mentions.described(wording, kind))
}

/// The person a transcript's label in capitals stands for ("TAPPER:", "JAKE TAPPER:"): the
/// person entity whose name ends with its last word. Only for a label before a colon (an
/// acronym speaking elsewhere, "NATO said", is no one's surname, and each look is a walk over
/// all the text's entities). (Rare: out of line.)
#[cold]
#[inline(never)]
fn shouted_name(doc: &Document, mentions: &Mentions, source: Source) -> Option<usize> {
    let wording = source.named.of(doc.text);
    let before_colon = doc
        .tokens
        .get(source.head + 1)
        .is_some_and(|t| punct_of(doc.text, t) == Some(':'));
    if source.kind != MentionKind::Name
        || !before_colon
        || wording.len() < 2
        || wording.bytes().any(|b| b.is_ascii_lowercase())
    {
        return None;
    }
    let last = crate::last_word(wording).as_bytes();
    // (The name's last bytes compared in place: no split of every entity's name.)
    mentions.entities.iter().position(|e| {
        let name = e.name.as_bytes();
        e.kind == crate::EntityKind::Person
            && name.len() > wording.len()
            && name[name.len() - last.len() - 1] == b' '
            && eq_ignore_case(&name[name.len() - last.len()..], last)
    })
}

/// The person an interview's "A:" stands for: the person named most often, as an interview's
/// introduction and turns name who answers ("Marguerite Delacroix has spent three decades …",
/// "Delacroix: …"), not its byline's author. Asked only of a one-letter label. (Rare: out
/// of line; found once a document, as an interview has an "A:" a turn.)
#[cold]
#[inline(never)]
fn interviewee(doc: &Document, mentions: &mut Mentions, source: Source) -> Option<usize> {
    if source.span.of(doc.text) != "A" {
        return None;
    }
    if let Some(known) = mentions.interviewee {
        return known;
    }
    let found = most_named_person(mentions);
    mentions.interviewee = Some(found);
    found
}

/// The person with a full name named most often, at least twice (the first of equals); or,
/// when no one is named twice, the only person with a full name (a short interview names
/// its guest once: "Laura Kim … warned a year ago … We asked her what comes next").
fn most_named_person(mentions: &Mentions) -> Option<usize> {
    let mut counts = vec![0u32; mentions.entities.len()];
    for name in &mentions.names {
        counts[name.entity] += 1;
    }
    // (A full name: a lone capitalised word taken for a name, "It", is no one's.)
    let people = (0..counts.len()).filter(|&e| {
        let e = &mentions.entities[e];
        e.kind == crate::EntityKind::Person && e.name.contains(' ')
    });
    let only_one = people.clone().count() == 1;
    // (The first of equals: `max_by_key` keeps the last, so the order is reversed.)
    people
        .rev()
        .max_by_key(|&e| counts[e])
        .filter(|&e| counts[e] >= 2 || only_one)
}

/// The label of a transcript's turn ending at the colon `colon`, opening its line at `start`:
/// one to three words in capitals ("TAPPER", "JAKE TAPPER") or an interview's "Q" or "A", in a
/// text whose lines open with at least two different such labels, three or more times in all
/// (a dialogue: a lone "CORRECTION:", or a column's one label, is none). `dialogue` keeps the
/// answer for the text.
#[cold]
#[inline(never)]
fn transcript_label(doc: &Document, colon: usize, start: usize, dialogue: &mut Option<bool>) -> Option<Source> {
    let label = line_label(doc, start, colon)?;
    if !*dialogue.get_or_insert_with(|| is_dialogue(doc)) {
        return None;
    }
    Some(Source::new(label, colon - 1, MentionKind::Name))
}

/// The span of the words `start..colon` if they are a speaker's label: one to three words in
/// capitals (letters, a period or an apostrophe; no label of the lexicon's), or "Q" or "A".
fn line_label(doc: &Document, start: usize, colon: usize) -> Option<Span> {
    let words = doc.tokens.get(start..colon)?;
    let capitals = |t: &Token| {
        let word = t.span.of(doc.text).as_bytes();
        t.kind == TokenKind::Word
            && !t.info.has(LABEL)
            && word.first().is_some_and(u8::is_ascii_uppercase)
            && word.iter().all(|&b| b.is_ascii_uppercase() || b == b'.' || b == b'\'')
    };
    let one_letter = words.len() == 1 && matches!(words[0].span.of(doc.text), "Q" | "A");
    let shouted =
        (1..=3).contains(&words.len()) && words.iter().all(capitals) && words.iter().any(|t| t.span.len() > 1);
    (one_letter || shouted).then(|| Span::new(words[0].span.start, words[words.len() - 1].span.end))
}

/// Do the text's lines open with two or more different speaker labels, three or more times?
fn is_dialogue(doc: &Document) -> bool {
    let mut first: Option<&str> = None;
    let (mut turns, mut other) = (0, false);
    for line in &doc.lines {
        let start = line.tokens.start;
        let Some(colon) = (start..line.tokens.end.min(start + 4)).find(|&i| is_punct(doc, i, b':')) else {
            continue;
        };
        let Some(label) = line_label(doc, start, colon) else {
            continue;
        };
        let label = label.of(doc.text);
        turns += 1;
        match first {
            None => first = Some(label),
            Some(f) => other |= f != label,
        }
    }
    other && turns >= 3
}

/// A place that speaks is its government ("Iran said"; see `lexicon::not_a_person`): a person
/// entity named as a place becomes an organisation. (Out of line: asked of unknown genders.)
#[inline(never)]
fn government_if_place(speaker: &mut crate::mentions::EntityDraft) {
    if speaker.not_a_person() == Some(crate::lexicon::NotAPerson::Place) {
        speaker.kind = crate::EntityKind::Organisation;
    }
}

/// The person a description is in apposition with: "the F.B.I. director, James B. Comey,
/// said" is Comey, whoever spoke last. The name right after the description, between
/// commas (its run may hold a title: "One supporter, Representative Lee Zeldin, said").
/// So too a body's: "Its main supplier, Holbeck Steel, said" (whatever the name finder took
/// the name for: a firm's name is often two capitalised words, as a person's is).
fn apposed_name(doc: &Document, mentions: &mut Mentions, source: Source) -> Option<usize> {
    let organisation = match source.kind {
        MentionKind::Description(DescKind::Person) => false,
        MentionKind::Description(DescKind::Organisation) => true,
        _ => return None,
    };
    let comma = |t: usize| doc.tokens.get(t).is_some_and(|t| t.punct(doc.text) == Some(','));
    let mut after = source.head + 1;
    if doc.tokens.get(after)?.span.start < source.span.end {
        return None;
    }
    // ("A lawyer for the news outlets, David Schulz, said": past the phrase's preposition.)
    if !comma(after) && word_in(doc, after, &PREPOSITIONS) {
        after = (after + 1..doc.tokens.len().min(after + 7)).find(|&t| doc.tokens[t].kind != TokenKind::Word)?;
    }
    if !comma(after) {
        return None;
    }
    // ("The mayor's spokesman, the veteran aide Tom Ruiz, said": past what the aside says the
    // name is, in words of no name.)
    let mut first = after + 1;
    if doc.tokens.get(first).is_some_and(|_| is_word(doc, first, None, b"the")) {
        let plain = |t: usize| {
            doc.tokens
                .get(t)
                .is_some_and(|x| x.kind == TokenKind::Word && !x.cap && !x.info.is_cue())
        };
        let mut t = first + 1;
        while t < first + 5 && plain(t) {
            t += 1;
        }
        if t > first + 1 && mentions.name_at(t).is_some() {
            first = t;
        }
    }
    let name = mentions.name_at(first)?;
    let (entity, first) = (name.entity, name.tokens.start);
    let person = mentions.entities[entity].kind == crate::EntityKind::Person;
    // (Or ends the sentence: "…, according to the town clerk, Ruth Ellery.")
    let closes = |t: usize| {
        doc.tokens.get(t).is_some_and(|x| x.punct(doc.text) == Some('.'))
            && doc
                .tokens
                .get(t + 1)
                .is_none_or(|x| x.line != doc.tokens[t].line || x.span.start > doc.tokens[t].span.end)
    };
    if name.tokens.start != first || !(comma(name.tokens.end) || closes(name.tokens.end)) || !(person || organisation) {
        return None;
    }
    // (A business's description tells what the name is: "Holbeck Steel" is no one's name.
    // Not any body's: "One of the authors of the report, Ari Fleischer," is someone's.)
    let business = || crate::lexicon::is_business_word(&crate::case::lowercase(doc.word(source.head)));
    let given = doc.tokens[first].info.has(crate::lexicon::GIVEN_NAME);
    let named = &mut mentions.entities[entity];
    if organisation
        && !given
        && named.kind == crate::EntityKind::Person
        && named.gender == crate::lexicon::Gender::Unknown
        && business()
    {
        named.kind = crate::EntityKind::Organisation;
    }
    Some(entity)
}

/// An unresolved description still names a speaker the reader can follow ("Democrats",
/// "a spokesman for the ministry"): it becomes an entity of its own, merged with others
/// worded the same way.
fn description_entity(doc: &Document, mentions: &mut Mentions, source: Source) -> Option<usize> {
    let kind = match source.kind {
        MentionKind::Description(DescKind::Organisation) => crate::EntityKind::Organisation,
        MentionKind::Description(DescKind::Group) => crate::EntityKind::Group,
        // (A message no author was found for, "A video of the episode shows", is a text, no
        // one: listed as an organisation's, as a report or a study is.)
        MentionKind::Description(DescKind::Message) => crate::EntityKind::Organisation,
        MentionKind::Description(_) => crate::EntityKind::Person,
        _ => return None,
    };
    // (A "who" that stands for nothing names no one: see `relative_who`.)
    let wording = source.named.of(doc.text);
    if eq_ignore_case(wording, "who") {
        return None;
    }
    // "the envoy" after "a senior envoy involved in the negotiations": the same one, named
    // by its head noun alone.
    let bare_definite = source.head > 0
        && is_word(doc, source.head - 1, None, b"the")
        && source.named == Span::new(doc.tokens[source.head - 1].span.start, doc.tokens[source.head].span.end);
    if bare_definite {
        if let Some(e) = mentions.described_with_head(doc.word(source.head), kind, 0) {
            return Some(e);
        }
    }
    Some(mentions.described(wording, kind))
}

/// The cue class of token `t` where it is used as a reporting verb. The lexicon's answer
/// first, inline: most words are no cue (and the capitalised ones would otherwise each search
/// for their sentence). (Out of line in the browser build: inlined at each of its nine uses,
/// the lexicon's test and the calls after it came to 1 KB of wasm.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn cue_class(doc: &Document, t: usize, headline: bool) -> Option<CueClass> {
    let class = doc.tokens[t]
        .info
        .cue()
        .filter(|&class| !matches!(class, CueClass::Noun | CueClass::Adverb))?;
    let class = verb_use(doc, t, headline, class)?;
    if matches!(class, CueClass::Think | CueClass::Belief) {
        return finding_or(doc, t, class);
    }
    Some(class)
}

/// `CueClass::Speech` for a verb of finding ([`reports_finding`]), else `class`; none for an
/// adjective of the mind after a bare "be" ("he can be convinced that …" is persuaded, not
/// convinced: a passive with nobody's statement). (Out of line: asked of beliefs only, it
/// spares the callers of [`cue_class`] its code.)
#[inline(never)]
fn finding_or(doc: &Document, t: usize, class: CueClass) -> Option<CueClass> {
    if reports_finding(doc, t) {
        return Some(CueClass::Speech);
    }
    if t > 0 && is_word(doc, t - 1, None, b"be") && state_of_mind(doc, t) {
        return None;
    }
    // "clear" reports only in "made (it) clear".
    if key_of(doc, t) == key("clear") && made_clear(doc, t).is_none() {
        return None;
    }
    Some(class)
}

/// "She made it clear that …", "he has made clear that …": the verb "make" before the cue
/// "clear" at `t` (past "it"), whose subject is the speaker; none in the passive ("as was
/// made clear last week"), after "to" ("asked her to make it clear": whoever asked is the
/// one reported) or where "clear" is anything else ("it is clear that …" is the reporter's).
/// (Out of line: asked of "clear" only.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn made_clear(doc: &Document, t: usize) -> Option<usize> {
    let make = t.checked_sub(1 + usize::from(t > 0 && is_word(doc, t - 1, None, b"it")))?;
    let made = word_in(doc, make, &const { keys(["made", "make", "makes", "making"]) });
    (made && !(make > 0 && (word_in(doc, make - 1, &BE) || is_to(doc, make - 1)))).then_some(make)
}

/// Is the cue at `t` a verb of finding ("found", "shows", "suggest") whose subject is what a
/// finding rests on: "the poll found Clinton ahead", "records show he paid …", "…, the survey
/// found."? Such a subject reports what it found as a speaker reports speech: with or without
/// "that", before or after the statement. (Of a person, "found" and "show" are mostly plain
/// verbs: "he found the area welcoming", "the candidates showed restraint".)
fn reports_finding(doc: &Document, t: usize) -> bool {
    if !word_in(doc, t, &FINDING_VERBS) {
        return false;
    }
    // The subject's head, past a time that dates it: "a Quinnipiac poll this month found".
    let mut head = t;
    while head > 0 && {
        let info = doc.tokens[head - 1].info;
        info.has(TIME) || info.has(CUE_MODIFIER) || (info.has(DETERMINER) && doc.tokens[head].info.has(TIME))
    } {
        head -= 1;
    }
    head > 0 && (is_evidence(doc, head - 1) || evidence_postmodified(doc, head - 1))
}

/// Is token `t` a word of [`EVIDENCE`], or "investigation"?
fn is_evidence(doc: &Document, t: usize) -> bool {
    doc.tokens[t].kind == TokenKind::Word && {
        let key = key_of(doc, t);
        is_one_of(key, &EVIDENCE) || (key == LONG && eq_ignore_case(bytes_of(doc, t), b"investigation"))
    }
}

/// Does the phrase ending at token `last` open with a word of evidence that a modifier
/// follows: "a study by the watchdog group Media Matters", "a poll from Marquette Law School
/// released Wednesday"? Looked for over the last dozen words of the sentence, none of them a
/// cue nor a mark: set off by commas, the phrase is an aside, and the cue after it may be the
/// rest of an inverted attribution ("…, conducted by X, finds Y"). (Rare: out of line.)
#[cold]
#[inline(never)]
fn evidence_postmodified(doc: &Document, last: usize) -> bool {
    let floor = sentence_start(doc, last).max(last.saturating_sub(12));
    let mut t = last;
    while t > floor {
        t -= 1;
        let token = &doc.tokens[t];
        let punct = token.kind == TokenKind::Punct;
        if punct || token.in_quote || (token.info.is_cue() && !is_participle_modifier(doc, t)) {
            return false;
        }
        if is_evidence(doc, t) {
            let next = t + 1;
            return is_participle_modifier(doc, next)
                || word_in(doc, next, &const { keys(["by", "from", "of", "for", "in"]) });
        }
    }
    false
}

/// "conducted", "released", "taken", "published": a participle that modifies a finding's
/// source ("a poll released Wednesday"). (Its last letter, "d" or "n", first: one byte's test
/// before the key is made, for the many words a source's search asks about.)
fn is_participle_modifier(doc: &Document, t: usize) -> bool {
    let token = &doc.tokens[t];
    if token.kind != TokenKind::Word || !matches!(doc.text.as_bytes()[token.span.end - 1], b'd' | b'n') {
        return false;
    }
    let key = key_of(doc, t);
    is_one_of(key, &const { keys(["released", "taken", "carried"]) })
        || (key == LONG
            && [b"conducted".as_slice(), b"published", b"commissioned"]
                .iter()
                .any(|word| eq_ignore_case(bytes_of(doc, t), word)))
}

/// The verbs of [`reports_finding`].
const FINDING_VERBS: KeySet<7> = keys(["found", "finds", "show", "shows", "showed", "suggest", "indicate"]);

/// What a finding rests on (see [`reports_finding`]).
const EVIDENCE: KeySet<24> = keys([
    "poll", "polls", "polling", "survey", "surveys", "study", "studies", "report", "reports", "records", "analysis",
    "review", "findings", "results", "data", "paper", "research", "figures", "tallies", "audit", "probe", "inquiry",
    "census", "numbers",
]);

/// `c` moved past the cue's modifiers and the commas and colons after it ("said, however,
/// that …", "added: …"), up to `end`. (Not past "further", which may open the statement as
/// well: "said further tests are needed".)
fn past_cue_modifiers(doc: &Document, mut c: usize, end: usize) -> usize {
    while c < end
        && ((doc.tokens[c].info.has(CUE_MODIFIER) && !is_word(doc, c, None, b"further"))
            || matches!(punct_of(doc.text, &doc.tokens[c]), Some(',' | ':')))
    {
        c += 1;
    }
    c
}

/// Whether the cue at `t` is a passive: "is said to be “furious”", "were told that …", "was
/// described as …" (a form of "be" before a participle not in -ing: "was telling" is active;
/// "is expected to" has its own reading, see [`raised_clause`]). What it reports is still a
/// statement, but its subject is not who made it, and nobody else is named unless by "by"
/// ([`passive_agent`]). ("The government is worried that …", "she was adamant that …" are a
/// state of the subject's mind, not a passive.)
fn is_passive(doc: &Document, t: usize) -> bool {
    // (Past an adverb between them: "have barely been mentioned", "were mistakenly charged",
    // "was not accused".)
    let adverb = t > 1
        && doc.tokens[t - 1].kind == TokenKind::Word
        && (word_ends_with(doc, t - 1, b"ly") || word_in(doc, t - 1, &const { keys(["not", "never"]) }));
    let be = t - usize::from(adverb);
    // (The forms of "be" open with b, i, a or w and have at most five letters: most words
    // before a cue are turned away by those, before their key is made.)
    let may_be = |i: usize| {
        let token = &doc.tokens[i];
        let first = doc.text.as_bytes()[token.span.start] | 0x20;
        token.kind == TokenKind::Word && token.span.len() <= 5 && matches!(first, b'b' | b'i' | b'a' | b'w')
    };
    be > 0
        && may_be(be - 1)
        && word_in(doc, be - 1, &BE)
        && !word_ends_with(doc, t, b"ing")
        && !doc.tokens[t].info.has(RAISING)
        && !state_of_mind(doc, t)
}

/// Is the cue at `t` an adjective of the subject's mind after "be" ("worried", "adamant",
/// "confident"), not a passive ([`is_passive`])? (Asked only after a form of "be".)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn state_of_mind(doc: &Document, t: usize) -> bool {
    // (A list of its own: "convinced", "confident" and "optimistic" are longer than a key.)
    const WORDS: [&[u8]; 6] = [
        b"worried",
        b"convinced",
        b"adamant",
        b"hopeful",
        b"confident",
        b"optimistic",
    ];
    let word = bytes_of(doc, t);
    WORDS.iter().any(|w| eq_ignore_case(word, w))
}

/// The source of the statement or quotation of cue `cue`: `source`, the one found for it,
/// unless the cue is a passive ([`is_passive`]); then its agent, named after "by" right after
/// the cue or at the token `after` gives (past the statement or quotation), or no one.
fn unless_passive(doc: &Document, cue: usize, source: Option<Source>, after: impl FnOnce() -> usize) -> Option<Source> {
    if !is_passive(doc, cue) {
        return source;
    }
    // (Past the marks that close a quoted object: "was called “a liar” by the senator".)
    passive_agent(doc, cue + 1).or_else(|| {
        let mut at = after();
        while doc.tokens.get(at).is_some_and(|x| x.mark == Mark::Close) {
            at += 1;
        }
        passive_agent(doc, at)
    })
}

/// The agent of a passive cue, named after "by" at token `t`: "was described as “reckless”
/// by critics", "was told by aides that …".
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn passive_agent(doc: &Document, t: usize) -> Option<Source> {
    let by = doc.tokens.get(t)?;
    if by.kind != TokenKind::Word || by.in_quote || !eq_ignore_case(bytes_of(doc, t), b"by") {
        return None;
    }
    source_right(doc, t)
}

/// [`cue_class`] for a word the lexicon knows as a cue of `class`: is it used as a verb here?
#[inline(never)]
fn verb_use(doc: &Document, t: usize, headline: bool, class: CueClass) -> Option<CueClass> {
    let token = &doc.tokens[t];
    if token.kind != TokenKind::Word || token.in_quote || (token.cap && !headline && t != sentence_start(doc, t)) {
        return None;
    }
    if t == 0 {
        return Some(class);
    }
    // "his claims", "the reported figure": a determiner before makes it a noun or adjective.
    // ("Some said", "most believe": a quantity standing alone is the subject; so is a count,
    // "two in three said", before a verb that is no plural: see below.)
    let determined = {
        let info = &doc.tokens[t - 1].info;
        info.has(DETERMINER) && !info.has(PRONOUN) && !info.has(QUANTIFIER) && !word_in(doc, t - 1, &NUMBERS)
    };
    // ("people close to her say": there "her" is an object.)
    if determined && !(is_word(doc, t - 1, None, b"her") && postmodifier_of(doc, t - 1, 0).is_some()) {
        return None;
    }
    let (prev_token, word) = (&doc.tokens[t - 1], bytes_of(doc, t));
    // "40 states", "two reports": after a count above one, an -s form is a plural noun.
    let plural = word.ends_with(b"s") && !word.ends_with(b"ss");
    if prev_token.kind == TokenKind::Number && plural {
        return None;
    }
    // "475 pledged delegates", "more pledged delegates": after a count that is no year, or
    // "more" or "fewer", a participle in -ed modifies the noun after it.
    // (The call only after a number or a word in m or f, as "more" and "fewer" are: most
    // cues follow neither.)
    let may_count = prev_token.kind == TokenKind::Number
        || (prev_token.kind == TokenKind::Word
            && matches!(doc.text.as_bytes()[prev_token.span.start] | 0x20, b'm' | b'f'));
    if may_count && word.ends_with(b"ed") && counted_participle(doc, t) {
        return None;
    }
    // "four Super Tuesday states": so it is after a count and the capitals that name the kind.
    if plural && prev_token.cap && counted_before_capitals(doc, t) {
        return None;
    }
    // "Massachusetts and Vermont, states that vote", "Western states this week": news seldom
    // writes "states" as a verb, and then before what opens a statement ("It states that",
    // "the memo states, …"), never after a comma.
    if eq_ignore_case(word, b"states") && !states_as_verb(doc, t) {
        return None;
    }
    if prev_token.kind == TokenKind::Word {
        let prev = key_of(doc, t - 1);
        // "in states where …", "a lead in pledged delegates": right after a preposition a
        // finite verb has no subject, so the word is a noun or an adjective ("by saying" and
        // "as reported" remain).
        if is_one_of(prev, &PREPOSITIONS) && !word.ends_with(b"ing") {
            return None;
        }
        if plural && is_one_of(prev, &NUMBERS) {
            return None;
        }
        // "in many states", "in the 10 remaining primary states": "states" is still the
        // preposition's noun past its modifiers. (Only that word: as a verb, news writes it
        // seldom, and the other cues in -s are mostly verbs there: "a video of the episode
        // shows".)
        if eq_ignore_case(word, b"states") && after_preposition(doc, t) {
            return None;
        }
        // "the TV show “Cake Boss”", "the HBO show “Last Week Tonight”": before a title, a
        // "show" after a singular noun is that noun's show (a verb "show" needs a plural
        // subject, "polls show", "the data show", or an auxiliary before it).
        let title_after = doc.tokens.get(t + 1).is_some_and(|n| n.mark == Mark::Open);
        // "called the cost estimate “a wish, not a budget”": so is a verb of belief in its
        // base form after a determiner and a singular noun (the verb would need a plural
        // subject: "the officials estimate").
        // (Not "found", a past tense: "the inquiry found “…”".)
        let base_belief_after_determiner = || {
            matches!(class, CueClass::Think | CueClass::Belief)
                && !word.ends_with(b"s")
                && !word.ends_with(b"ed")
                && !eq_ignore_case(word, b"found")
                && !word.ends_with(b"ing")
                && t >= 2
                && doc.tokens[t - 2].info.has(DETERMINER)
        };
        if title_after
            && (eq_ignore_case(word, b"show") || base_belief_after_determiner())
            && singular_noun_before_verb(doc, t - 1)
        {
            return None;
        }
        // "Hannity's show", "the party's claims": so does a possessive (not "he's said"; nor
        // a firm's name before a verb no noun is spelt as: "McDonald's said", "Moody's says").
        let prev_len = bytes_of(doc, t - 1).len();
        let stem = prev_len - possessive_at(doc, t - 1);
        if stem != prev_len
            && !is_one_of(key_at(doc, t - 1, stem), &CONTRACTED)
            && !(prev_token.cap && crate::mentions::follows_firm_name(word))
        {
            return None;
        }
    }
    // "a company called Cambridge Analytica", "a worker named Antonio Arroyo": a participle
    // naming what an indefinite phrase before it introduces, no one's words.
    if class == CueClass::Quote && prev_token.kind == TokenKind::Word && !prev_token.cap && names_what_before(doc, t) {
        return None;
    }
    // "Cost estimates, he added, were …": before a parenthetical attribution the word is the
    // statement's noun.
    if doc.tokens.get(t + 1).is_some_and(|n| n.kind == TokenKind::Punct) && parenthetical_after(doc, t) {
        return None;
    }
    Some(class)
}

/// Is the word "states" at token `t` (not the first) a verb: before "that", a comma, a colon
/// or an opening mark, after a subject ("It states", "the document states", "the memo
/// states") or a dash, not an adjective ("Republican states, including …", "the early
/// nominating states: …", "Rust Belt states that …")? (Rare: out of line.)
#[cold]
#[inline(never)]
fn states_as_verb(doc: &Document, t: usize) -> bool {
    let opens_statement = doc.tokens.get(t + 1).is_some_and(|next| {
        next.mark == Mark::Open
            || (next.kind == TokenKind::Punct && matches!(punct_of(doc.text, next), Some(',' | ':')))
    }) || (t + 1 < doc.tokens.len() && is_that(doc, t + 1));
    let before = &doc.tokens[t - 1];
    let subject = before.info.has(PRONOUN)
        || before.info.desc() == Some(DescKind::Message)
        || (before.kind == TokenKind::Word
            && !before.cap
            && t >= 2
            && (doc.tokens[t - 2].info.has(DETERMINER) || doc.tokens[t - 2].possessive != 0));
    let dash = before.kind == TokenKind::Punct && !is_punct(doc, t - 1, b',');
    opens_statement && (subject || dash)
}

/// Is the cue at `t` a participle that names ("called", "named", "dubbed", "titled") a name or
/// title right after it, with before it an indefinite phrase of up to four words ("a blog",
/// "a newly formed super PAC", "A German news organization"), whose noun it follows? (Rare:
/// out of line.)
#[cold]
#[inline(never)]
fn names_what_before(doc: &Document, t: usize) -> bool {
    let naming = word_in(doc, t, &const { keys(["called", "named", "dubbed", "titled"]) });
    let name_after = doc
        .tokens
        .get(t + 1)
        .is_some_and(|n| n.mark == Mark::Open || (n.cap && !n.in_quote));
    let Some(noun) = t.checked_sub(1).map(|b| &doc.tokens[b]) else {
        return false;
    };
    if !naming || !name_after || noun.info.has(FUNCTION) || noun.info.is_cue() || noun.info.has(CUE_MODIFIER) {
        return false;
    }
    let start = t.saturating_sub(5);
    (start..t - 1)
        .rev()
        .take_while(|&i| doc.tokens[i].kind == TokenKind::Word && !doc.tokens[i].info.has(PRONOUN))
        .any(|i| word_in(doc, i, &const { keys(["a", "an"]) }))
}

/// Does the quotation closing at `close` hold a name introduced by a naming participle ("a
/// news organization called “The Local” cited …"), up to six words long? Then it is the
/// subject's name, not words the verb after it attributes. (Rare: out of line.)
#[cold]
#[inline(never)]
fn named_title_before(doc: &Document, first: usize, close: usize) -> bool {
    let Some(open) = (close.saturating_sub(8).max(first)..close)
        .rev()
        .find(|&i| doc.tokens[i].mark == Mark::Open)
    else {
        return false;
    };
    open > first && names_what_before(doc, open - 1)
}

/// Is token `t`, before a "show" or a verb of belief, a word that makes it a noun: no plural,
/// pronoun, function word or auxiliary ("TV", "radio", "HBO", "cost"), nor "data" or
/// "people"? (Rare: out of line.)
#[cold]
#[inline(never)]
fn singular_noun_before_verb(doc: &Document, t: usize) -> bool {
    let token = &doc.tokens[t];
    let word = bytes_of(doc, t);
    token.kind == TokenKind::Word
        && !word.ends_with(b"s")
        && !token.info.has(PRONOUN)
        && !token.info.has(FUNCTION)
        && !word_in(doc, t, &AUXILIARIES)
        && !word_in(doc, t, &const { keys(["data", "people", "media"]) })
}

/// Is token `t` the noun of a prepositional phrase: a preposition up to three words before
/// it, with only lowercase words or numbers between, none a cue? (Rare: out of line.)
#[cold]
#[inline(never)]
fn after_preposition(doc: &Document, t: usize) -> bool {
    let mut i = t;
    while i > 0 && t - i < 4 {
        i -= 1;
        let token = &doc.tokens[i];
        if token.kind == TokenKind::Word && word_in(doc, i, &PREPOSITIONS) {
            return i + 1 < t;
        }
        let modifier =
            token.kind == TokenKind::Number || (token.kind == TokenKind::Word && !token.cap && !token.info.is_cue());
        if !modifier || token.info.has(PRONOUN) || word_in(doc, i, &BE) || word_in(doc, i, &AUXILIARIES) {
            return false;
        }
    }
    false
}

/// Do a comma, a pronoun or a capitalised name, and a cue follow token `t`, which has no
/// speaker of its own before it ("Ms. Ripert said, she found …" is her attribution)?
#[cold]
fn parenthetical_after(doc: &Document, t: usize) -> bool {
    let Some([comma, who, cue]) = doc.tokens.get(t + 1..t + 4) else {
        return false;
    };
    let spoken = t > 0 && (doc.tokens[t - 1].info.has(PRONOUN) || doc.tokens[t - 1].name_like);
    !spoken
        && punct_of(doc.text, comma) == Some(',')
        && who.kind == TokenKind::Word
        && (who.info.has(PRONOUN) || who.name_like)
        && cue.info.is_cue()
        && !cue.cap
}

/// Is there a count ("four", "40") before the one to three capitalised words before `t`?
#[cold]
fn counted_before_capitals(doc: &Document, t: usize) -> bool {
    let mut i = t - 1;
    while i > 0 && t - i <= 3 && doc.tokens[i].cap && doc.tokens[i].kind == TokenKind::Word {
        i -= 1;
    }
    let count = &doc.tokens[i];
    i + 1 < t && (count.kind == TokenKind::Number || count.kind == TokenKind::Word && word_in(doc, i, &NUMBERS))
}

// (Out of line in the browser build, as `is_that` is: 0.4 KB.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn sentence_start(doc: &Document, t: usize) -> usize {
    doc.sentences.get(doc.sentence_of(t)).map_or(0, |s| s.tokens.start)
}

/// [`Document::sentence_of`] for a token at or after sentence `from`'s start: a walk on from
/// there, where the sentences of the quotations in text order are one or two apart, rather
/// than a binary search of all the document's sentences for each (the search still answers
/// a `from` that lies past `t`).
fn sentence_from(doc: &Document, t: usize, from: usize) -> usize {
    let sentences = &doc.sentences;
    if from > sentences.len() || (from > 0 && sentences[from - 1].tokens.end > t) {
        return doc.sentence_of(t);
    }
    let mut s = from;
    while s < sentences.len() && sentences[s].tokens.end <= t {
        s += 1;
    }
    s
}

fn is_headline(doc: &Document, t: usize, mentions: &Mentions) -> bool {
    mentions.headline == Some(doc.tokens[t].line as usize)
}

/// Do the words after `cue` open a clause: a short phrase and its verb ("said the bridge
/// could …", "said the candidate was …")?
fn opens_clause_after(doc: &Document, cue: usize, end: usize) -> bool {
    (cue + 2..end.min(cue + 5))
        .take_while(|&t| doc.tokens[t - 1].kind == TokenKind::Word)
        .any(|t| auxiliary_at(doc, t, end))
}

/// Is token `t` (before `end`) a form of "be" or an auxiliary, the verb that shows a clause
/// ("the candidate could …", "the plan was …")? (Out of line in the browser build, where it
/// was inlined at sixteen places.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn auxiliary_at(doc: &Document, t: usize, end: usize) -> bool {
    t < end && (word_in(doc, t, &BE) || word_in(doc, t, &AUXILIARIES))
}

/// Is token `t` a list's bullet: a dash, a star or a bullet sign?
fn is_bullet(doc: &Document, t: usize) -> bool {
    matches!(punct_of(doc.text, &doc.tokens[t]), Some('-' | '*' | '•' | '–' | '—'))
}

/// A quote box or a bulleted list of reactions: “…” — Martin Cole, Federation of Small
/// Businesses. A quotation that opens its line (after a bullet at most) and is followed by a
/// dash and a mention, with at most a short affiliation after it to the line's end, is that
/// mention's; the dash is the cue. (Asked last, of quotations nothing else attributed.)
fn dash_credit(doc: &Document, quote: &Quoted) -> Option<(usize, Option<Source>)> {
    let line = &doc.lines[doc.tokens[quote.open].line as usize];
    let opens_line =
        quote.open == line.tokens.start || (quote.open == line.tokens.start + 1 && is_bullet(doc, line.tokens.start));
    if !opens_line || quote.close + 1 >= line.tokens.end {
        return None;
    }
    credit_after_quote(doc, quote, line)
}

/// [`dash_credit`] for a quotation that opens its line, `line`, and ends before its end.
/// (Less than once a document: the quotation loop's other searches come first, and for a
/// quotation that opens its line `cue_before` has asked the line before. Out of the hot path,
/// natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn credit_after_quote(doc: &Document, quote: &Quoted, line: &crate::segment::Line) -> Option<(usize, Option<Source>)> {
    let mut dash = quote.close + 1;
    // (A comma or stop may sit outside the closing mark: “…”. — Cole)
    if matches!(punct_of(doc.text, &doc.tokens[dash]), Some(',' | '.')) {
        dash += 1;
    }
    let end = line.tokens.end;
    if dash >= end {
        return None;
    }
    // A headline's colon credits the phrase after it, which its verb may follow: "“We were
    // robbed”: Rovers boss fumes at referee" (a line that ends with no full stop).
    if quote.open == line.tokens.start && is_punct(doc, dash, b':') {
        let headline = end - dash <= 13 && !is_punct(doc, end - 1, b'.');
        let mut source = headline.then(|| source_right(doc, dash)).flatten()?;
        // (A description ends at its first noun, before the headline's verb: "embattled
        // mayor defies critics".)
        let first = doc.tokens.partition_point(|x| x.span.start < source.span.start);
        if let MentionKind::Description(_) = source.kind {
            if let Some(noun) = (first..source.head).find(|&t| doc.tokens[t].info.desc().is_some()) {
                source.span.end = doc.tokens[noun].span.end;
                source.named.end = source.named.end.min(source.span.end);
                source.head = noun;
            }
        }
        // ("“…”: Mother's tribute to …": the possessor, without its ending.)
        let last = doc.tokens.partition_point(|x| x.span.start < source.span.end) - 1;
        if doc.tokens[last].possessive != 0 && doc.tokens[last].span.end == source.span.end {
            source.span.end -= possessive_at(doc, last);
            source.named.end = source.named.end.min(source.span.end);
        }
        return Some((dash, Some(source)));
    }
    if !is_dash(doc, dash) {
        return None;
    }
    let source = source_right(doc, dash)?;
    // (The rest of the line is the credit alone: a few words, no quotation, no verb; not
    // "“…” — the union, which has 40,000 members, is defiant.")
    let credit_only = end - dash <= 13
        && (dash + 1..end)
            .all(|t| doc.tokens[t].mark == Mark::None && !doc.tokens[t].info.is_cue() && !auxiliary_at(doc, t, end));
    credit_only.then_some((dash, Some(source)))
}

/// “…,” she said / “…,” said Smith / “…,” Smith told reporters: a cue just after the close,
/// which is in sentence `s`.
fn cue_after(doc: &Document, close: usize, s: usize) -> Option<(usize, Option<Source>)> {
    let end = doc.sentences.get(s)?.tokens.end.min(close + 1 + AFTER_WINDOW);
    let mut t = close + 1;
    // Skip the comma and closing punctuation that sit between mark and attribution.
    while t < end && matches!(punct_of(doc.text, &doc.tokens[t]), Some(',' | '—' | '–')) {
        t += 1;
    }
    // ("called the bill “a giveaway,” while his colleague … praised it": a clause of its own
    // after the quotation, with its own subject, whose verb with a source before it is not
    // the quotation's; an inverted attribution after the clause still is, "“…,” since …,
    // said Lee Epstein", and so is one after a phrase with no subject, "“…” before discussing
    // specifics, he said".)
    let joined = t < end && word_in(doc, t, &CLAUSE_OPENERS_AFTER_QUOTE) && starts_with_subject(doc, t + 1, end);
    // Where a relative clause that describes the speaker ends (see below).
    let mut past_relative = t;
    for cue in t..end {
        let token = &doc.tokens[cue];
        if token.mark == Mark::Open || matches!(punct_of(doc.text, token), Some('.' | ';' | '!' | '?')) {
            // (Not an abbreviation's stop before a comma or bracket: "Sen. Claire McCaskill
            // (D-Mo.) said", "Mitch McConnell, R-Ky., said".)
            let abbreviation = is_punct(doc, cue, b'.')
                && cue + 1 < end
                && (is_punct(doc, cue + 1, b')') || is_punct(doc, cue + 1, b','));
            if !abbreviation {
                break;
            }
        }
        // “…,” according to CNN.
        if cue == t && is_according(doc, cue) {
            return Some((cue, according_source(doc, cue, end)));
        }
        let Some(class) = cue_class(doc, cue, false) else {
            continue;
        };
        // ("“…,” one resident, who asked not to be named, told …": the verbs of a relative
        // clause set off by commas describe the speaker; the attribution's verb follows it.)
        if cue < past_relative {
            continue;
        }
        if let Some(close) = relative_clause_before(doc, t, cue, end) {
            past_relative = close;
            continue;
        }
        if matches!(class, CueClass::Think | CueClass::Belief) && cue == t {
            continue;
        }
        // Right after the quotation, any noun phrase before the verb is its speaker: “…,”
        // the editorial said / “…,” the suit reads.
        let left = source_left(doc, cue, t)
            .or_else(|| generic_left(doc, cue, t).filter(|g| g.span.start == doc.tokens[t].span.start));
        // (Right of a verb that takes an object, past words of the reporter's own, is that
        // object: "the phrase “Islamic terrorism” often, and criticized Obama".)
        if joined && left.is_some() {
            continue;
        }
        let inverts = class != CueClass::Tell && (cue == t || !token.info.has(OBJECT));
        let right = || inverts.then(|| source_right(doc, cue)).flatten();
        let source = left.or_else(right);
        // ("Manafort, citing “the magic of Trump,” said the candidate could win": a phrase
        // after the verb followed by a verb of its own is the statement's subject, and the
        // verb is not the quotation's.)
        if left.is_none() && source.is_some_and(|s| auxiliary_at(doc, s.head + 1, end)) {
            return None;
        }
        // A quotation that hands over with a comma (“…,” / “…”,) leaves the rest of its
        // sentence to its attribution, and so does a speaker named after the verb (“…” said
        // a source involved in the talks): whatever follows them is still the attribution's
        // ("he told cheering supporters in Nashua on Monday", "Smith said, adding …").
        // (Only an attribution that starts right at the quotation: not "“…,” when Clinton
        // blasted him".)
        // (The speaker may start after an honorific the mention leaves out: “…,” Mr. Lou told.)
        let starts_at_t = |l: &Source| {
            let first = first_token_of(doc, l);
            first == t || (t..first).all(|i| doc.tokens[i].info.has(TITLE))
        };
        let handed_over = match left {
            Some(l) => starts_at_t(&l) && ends_with_comma(doc, close),
            None => source.is_some() && cue == t,
        };
        if (source.is_some() || cue == t) && (handed_over || ends_attribution(doc, cue, end)) {
            return Some((cue, source));
        }
    }
    None
}

/// Does the sentence from `first` open with the cue's subject and an aside that ends at the
/// comma before it ("Marta Kowalczyk, an economist at Baltic Capital, warned …")? The words
/// before that comma are then no statement that the words after the cue attribute. (Rare:
/// out of line.)
#[cold]
#[inline(never)]
fn subject_set_off(doc: &Document, cue: usize, first: usize) -> bool {
    // (Past a title the source leaves out: "Mr. Reddick, who lives in Ohio, denied …".)
    source_left_of(doc, cue, first)
        .is_some_and(|source| (first..first_token_of(doc, &source)).all(|t| doc.tokens[t].info.has(TITLE)))
}

/// Is the cue at `cue` in a relative clause set off by commas ("…, who asked not to be named,
/// …") that opens after token `from`? Then where it ends: its closing comma. (Asked only of
/// cues: out of line.)
#[inline(never)]
fn relative_clause_before(doc: &Document, from: usize, cue: usize, end: usize) -> Option<usize> {
    let opener = (from + 1..cue)
        .rev()
        .take(6)
        .find(|&i| is_punct(doc, i - 1, b',') && word_in(doc, i, &WHO_WHICH) && !doc.tokens[i].cap)?;
    // (No comma between the opener and the cue: the clause is still open there.)
    if (opener..cue).any(|i| is_punct(doc, i, b',')) {
        return None;
    }
    (cue + 1..end).find(|&i| is_punct(doc, i, b','))
}

/// “…,” he surmised / “…,” Oliver barked: after a quotation that hands over with a comma, a
/// pronoun or a name and then a verb of any kind (past "-ed" or present "-s") is its
/// attribution, though the verb is in no lexicon of reporting verbs.
/// Only for a quotation that opens like a sentence: a fragment ("a “crazy election,” Johnson
/// says") is the reporter's sentence going on.
/// (`s` is the sentence of the quotation's closing mark.)
fn any_verb_after(doc: &Document, quote: &Quoted, s: usize) -> Option<(usize, Option<Source>)> {
    let close = quote.close;
    if !opens_like_sentence(doc, quote) || !ends_with_comma(doc, close) {
        return None;
    }
    let end = doc.sentences.get(s)?.tokens.end;
    let mut t = close + 1;
    while t < end && is_punct(doc, t, b',') {
        t += 1;
    }
    if t >= end {
        return None;
    }
    let first = &doc.tokens[t];
    let mut verb = t + 1;
    if first.kind != TokenKind::Word || first.in_quote {
        return None;
    }
    if !first.info.has(PRONOUN) {
        if !first.cap || !first.name_like || first.info.has(FUNCTION) {
            return None;
        }
        while verb < end && doc.tokens[verb].kind == TokenKind::Word && doc.tokens[verb].cap && verb - t < 4 {
            verb += 1;
        }
    }
    let token = doc.tokens.get(verb).filter(|_| verb < end)?;
    let word = doc.word(verb);
    let verb_like = token.kind == TokenKind::Word
        && !token.cap
        && !token.in_quote
        && word.len() > 3
        && !token.info.has(FUNCTION)
        && !token.info.has(TIME)
        && !token.info.has(NOT_CLAUSE_START)
        && !token.info.has(CUE_MODIFIER)
        && (word.ends_with("ed") || (word.ends_with('s') && !word.ends_with("ss")));
    if !verb_like {
        return None;
    }
    let source = phrase_ending_at(doc, verb - 1, t)?;
    Some((verb, Some(source)))
}

/// Does the quotation's first word start with a capital, as a sentence does (not a fragment
/// of the reporter's sentence: "a “crazy election,” Johnson says")?
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn opens_like_sentence(doc: &Document, quote: &Quoted) -> bool {
    doc.tokens[quote.open + 1..quote.close]
        .iter()
        .find(|t| t.kind != TokenKind::Punct)
        .is_some_and(|t| t.cap)
}

/// "She stated, “…,” adding, “…”": a participle right after a quotation that opens like a
/// sentence, with no speaker of its own, shares the subject of the clause before it.
/// (`found` is [`cue_after`]'s; `s` the sentence of the closing mark.) (Out of line in the
/// browser build: size.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn participle_after(
    doc: &Document,
    quote: &Quoted,
    found: (usize, Option<Source>),
    s: usize,
) -> (usize, Option<Source>) {
    match found {
        (cue, None) if word_ends_with(doc, cue, b"ing") && opens_like_sentence(doc, quote) => {
            (cue, subject_of(doc, cue, s))
        }
        found => found,
    }
}

/// Does the quotation closing at token `close` end on a comma, inside its marks or just after?
fn ends_with_comma(doc: &Document, close: usize) -> bool {
    let mut last = close;
    // Step back over the closing marks ('' is two).
    while last > 0 && doc.tokens[last].mark == Mark::Close {
        last -= 1;
    }
    is_punct(doc, last, b',')
        || doc
            .tokens
            .get(close + 1)
            .is_some_and(|_| is_punct(doc, close + 1, b','))
}

/// After a quotation, its attribution is a tail: it ends the sentence or hands over to the
/// next quotation, instead of going on to a statement of its own (“X,” Smith said the plan …).
fn ends_attribution(doc: &Document, cue: usize, sentence_end: usize) -> bool {
    let mut t = cue + 1;
    // Step over a speaker or listener after the verb: "said Smith", "told CNN", "said the aide",
    // "told Britain’s ITV television station" (after "told", up to two plain nouns after a
    // name).
    let told = doc.tokens[cue].info.cue() == Some(CueClass::Tell);
    let mut plain = 0;
    while t < sentence_end && doc.tokens[t].kind == TokenKind::Word && !doc.tokens[t].info.has(TIME) && {
        let token = &doc.tokens[t];
        let named = token.cap || token.info.has(DETERMINER) || token.info.is_desc() || token.info.has(PRONOUN);
        let noun = told
            && t > cue + 1
            && plain < 2
            && (doc.tokens[t - 1].cap || plain > 0)
            && !token.info.has(FUNCTION)
            && !token.info.is_cue()
            && !token.info.has(NOT_CLAUSE_START);
        plain += usize::from(!named && noun);
        named || noun
    } {
        t += 1;
    }
    let Some(next) = doc.tokens.get(t).filter(|_| t < sentence_end) else {
        return true;
    };
    if next.kind == TokenKind::Punct
        || next.info.has(NOT_CLAUSE_START)
        || next.info.has(TIME)
        || next.info.has(CUE_MODIFIER)
    {
        return !is_that(doc, t);
    }
    // Otherwise only a short tail ("he said proudly") is still an attribution.
    (t..sentence_end)
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .take(4)
        .count()
        <= 3
}

/// "As one aide put it, “…”": the verb of "put it" at `verb` and its subject. (Rare: out of
/// the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
/// The "put" of "put it" right before the punctuation at `t`, or before up to two lowercase
/// words between ("put it bluntly", "put it this way"), from `start` on.
fn put_it_before(doc: &Document, start: usize, t: usize) -> Option<usize> {
    (t.saturating_sub(4).max(start)..t - 1).rev().find(|&put| {
        is_put_it(doc, put)
            && (put + 2..t)
                .all(|w| doc.tokens[w].kind == TokenKind::Word && !doc.tokens[w].cap && !doc.tokens[w].in_quote)
    })
}

fn put_it_cue(doc: &Document, verb: usize, sentence_first: usize) -> (usize, Option<Source>) {
    let source = source_left(doc, verb, sentence_first).or_else(|| generic_left(doc, verb, sentence_first));
    (verb, source)
}

/// A colon at `t` right before a quotation's opening mark, in sentence `s` (first token
/// `sentence_first`, searched from `start`): the cue and speaker it gives, if any. (Less than once a document: out of the hot
/// path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn colon_before_quote(
    doc: &Document,
    t: usize,
    start: usize,
    sentence_first: usize,
    s: usize,
) -> Option<(usize, Option<Source>)> {
    // ("Ruiz put it simply: “…”": a pronoun after a verb is its object, no speaker.)
    if let Some(source) = source_left(doc, t, sentence_first).filter(|s| !is_object_pronoun(doc, s)) {
        let source = message_author(doc, &source, sentence_first, s).unwrap_or(source);
        return Some(told_before_colon(doc, &source, sentence_first, s).unwrap_or((t, Some(source))));
    }
    // "Sanders delivered a snappy retort: “…”": a colon that hands a clause over to a
    // quotation gives it to the clause's subject, if no cue is closer. (A verb opening
    // the sentence before a comma is an adverbial's, not a cue of its own: "Asked about
    // his future, Doyle was defiant: “…”".)
    let adverbial = |i: usize| i == sentence_first && (i + 1..t).any(|c| is_punct(doc, c, b','));
    let subject = (start..t)
        .all(|i| cue_class(doc, i, false).is_none() || adverbial(i))
        .then(|| subject_of(doc, t, s))
        .flatten()?;
    let subject = message_author(doc, &subject, sentence_first, s).unwrap_or(subject);
    Some((t, Some(subject)))
}

/// "Nurses Warn of ‘Crisis’", "Trump Calls Cruz ‘Liar’": in the headline, a quotation up to
/// four words after a capitalised cue, which [`cue_before`] does not take for one, is quoted
/// by the cue's subject: a name or a description, not a relative "Who" nor a run of
/// capitalised words that holds a cue ("Clinton Says Russians Hacked DNC, Calls …"). (Rare:
/// out of line.)
#[cold]
#[inline(never)]
fn headline_cue_before(doc: &Document, open: usize, s: usize) -> Option<(usize, Option<Source>)> {
    let first = doc.sentences.get(s)?.tokens.start;
    let cue = (first.max(open.saturating_sub(5))..open)
        .rev()
        .find(|&t| cue_class(doc, t, true).is_some())?;
    let source = source_left(doc, cue, first)?;
    let source_first = first_token_of(doc, &source);
    let plain = !is_word(doc, source_first, word_bytes().who, b"who")
        && (source_first..=source.head).all(|t| doc.tokens[t].info.cue().is_none());
    plain.then_some((cue, Some(source)))
}

/// Smith said: “…” / Smith said, “…” / Smith: “…” / what he called a “…”: a cue before the open,
/// which is in sentence `s`.
fn cue_before(doc: &Document, open: usize, s: usize) -> Option<(usize, Option<Source>)> {
    let line = &doc.lines[doc.tokens[open].line as usize];
    // (Or after a list's bullet: "Key lines from her speech:" over "• “…”" lines.)
    if open == line.tokens.start || (open == line.tokens.start + 1 && is_bullet(doc, line.tokens.start)) {
        return introduced_by_previous_line(doc, open);
    }
    // Every token looked at below is in the sentence of `open`, whose start is its floor.
    let sentence_first = doc.sentences.get(s)?.tokens.start;
    if open == sentence_first {
        return introduced_by_previous_sentence(doc, open, s);
    }
    let start = sentence_first.max(open.saturating_sub(CUE_WINDOW));
    let mut t = open;
    while t > start {
        t -= 1;
        let token = &doc.tokens[t];
        if token.mark == Mark::Close {
            break;
        }
        // "As one aide put it, “…”" (or "put it: “…”", "put it bluntly: “…”", "put it this
        // way: “…”"): the verb of "put it" is the cue.
        if t + 1 == open && t >= start + 2 && (is_punct(doc, t, b',') || is_punct(doc, t, b':')) {
            if let Some(put) = put_it_before(doc, start, t) {
                return Some(put_it_cue(doc, put, sentence_first));
            }
        }
        if punct_of(doc.text, token) == Some(':') && t + 1 == open {
            if let Some(found) = colon_before_quote(doc, t, start, sentence_first, s) {
                return Some(found);
            }
            continue;
        }
        // "Bill Clinton: Hillary ‘Better Qualified …’": a label at the start of a line, then
        // up to four words of the speaker's sentence before the quotation.
        if punct_of(doc.text, token) == Some(':')
            && t + 1 < open
            && colon_label_before(doc, t, open, line.tokens.start, line.tokens.end)
        {
            if let Some(source) = source_left(doc, t, sentence_first).filter(|s| !is_object_pronoun(doc, s)) {
                return Some((t, Some(source)));
            }
        }
        // "According to the newspaper, “…”": its source ends at the comma before the mark.
        if is_according(doc, t) {
            let source = according_source(doc, t, open).filter(|s| {
                (is_punct(doc, open - 1, b',') || is_punct(doc, open - 1, b':'))
                    && doc.tokens[open - 2].span.end == s.span.end
            });
            if source.is_some() {
                return Some((t, source));
            }
            continue;
        }
        let Some(class) = cue_class(doc, t, false) else {
            continue;
        };
        // "appeared on “Meet the Press”": an inference verb introduces no quotation.
        if token.info.has(RAISING) {
            continue;
        }
        let gap = open - t - 1;
        let allowed = match class {
            CueClass::Quote => gap <= 4,
            CueClass::Think | CueClass::Belief => gap <= 2,
            _ => true,
        };
        if !allowed {
            continue;
        }
        // ("Said Comey, “…”": a sentence that opens with the verb names its speaker after it;
        // so does a verb whose phrase after it runs to the comma before the quotation: "But,
        // said Solovey, “…”".)
        let inverted = || {
            (class == CueClass::Speech)
                .then(|| source_right(doc, t))
                .flatten()
                .filter(|source| {
                    t == sentence_first
                        || (open >= 2
                            && doc.tokens[open - 2].span.end == source.span.end
                            && (is_punct(doc, open - 1, b',') || is_punct(doc, open - 1, b':')))
                })
        };
        // ("One employee told the Weekly, “…”", "As one aide put it, “…”": a plain phrase that
        // opens the sentence, after at most a function word, is the verb's subject.)
        let opening_phrase = || {
            generic_left(doc, t, sentence_first).filter(|g| {
                let first = first_token_of(doc, g);
                first == sentence_first
                    || (first == sentence_first + 1 && doc.tokens[sentence_first].info.has(FUNCTION))
                    // ("In the excerpt, the author wrote, “…”": or after an opening adverbial,
                    // before a finite verb; not "…, having referred to him as a “…”".)
                    || (first > sentence_first
                        && is_punct(doc, first - 1, b',')
                        && !word_ends_with(doc, t, b"ing")
                        && key_of(doc, first) != key("having"))
            })
        };
        let source = source_left(doc, t, sentence_first)
            .or_else(opening_phrase)
            .or_else(|| subject_of(doc, t, s))
            .or_else(inverted);
        return Some((t, source));
    }
    None
}

/// "The message from the coach was blunt: “…”", "Okafor's statement was short: “…”": a
/// message before a colon speaks for its author, named after "from" or "by" or as its
/// possessor; that author is the speaker a reader sees. `None` where the phrase is no message
/// or names no author.
fn message_author(doc: &Document, message: &Source, floor: usize, s: usize) -> Option<Source> {
    if doc.tokens[message.head].info.desc() != Some(DescKind::Message) {
        return None;
    }
    let by = message.head + 1;
    if by < doc.tokens.len() && matches!(doc.word(by), "from" | "by") {
        return source_right(doc, by);
    }
    let first = first_token_of(doc, message);
    let Some(owner) = (first..message.head).find(|&i| doc.tokens[i].possessive != 0) else {
        // "Trump had a blunt message: “…”": a message that is a verb's object is its
        // subject's.
        let verb = word_before_phrase(doc, message, floor)
            .filter(|&v| !doc.tokens[v].cap && !doc.tokens[v].info.has(DETERMINER) && !doc.tokens[v].info.is_cue())?;
        return source_left(doc, verb, floor)
            .or_else(|| subject_of(doc, verb, s))
            .filter(|x| {
                x.span.end <= doc.tokens[verb].span.start && doc.tokens[x.head].info.desc() != Some(DescKind::Message)
            });
    };
    // (The possessor's name ends at the possessive, whose ending it leaves out; a capitalised
    // word alone opening the sentence is a name too: "Trump's message was …".)
    let token = &doc.tokens[owner];
    let described = || {
        let stem = token.span.start..token.span.end - possessive_at(doc, owner);
        let kind = crate::lexicon::lookup_in(doc.text, stem)
            .desc()
            .filter(|&d| d != DescKind::Message)?;
        let start = if owner > floor && doc.tokens[owner - 1].info.has(DETERMINER) {
            owner - 1
        } else {
            owner
        };
        Some(Source::new(
            Span::new(doc.tokens[start].span.start, token.span.end),
            owner,
            MentionKind::Description(kind),
        ))
    };
    let mut author = source_left(doc, owner + 1, floor)
        .or_else(|| (token.cap && !token.info.has(FUNCTION)).then(|| Source::new(token.span, owner, MentionKind::Name)))
        .or_else(described)?;
    let end = token.span.end - possessive_at(doc, owner);
    author.span.end = end;
    author.named.end = author.named.end.min(end);
    let person = matches!(
        author.kind,
        MentionKind::Name | MentionKind::Description(DescKind::Person | DescKind::Organisation | DescKind::Group)
    );
    (author.span.start < end && person).then_some(author)
}

/// "Marsh told the BBC: “…”", "Kane reminded voters in Ohio: “…”": the phrase before the
/// colon is the object of a verb of telling (or of a verb of speech with a subject before it:
/// "Ruiz asked the crowd: “…”"), so that verb is the cue and its subject the speaker. (Not
/// "Said the mayor: “…”", where the phrase after the verb is its subject.)
fn told_before_colon(doc: &Document, object: &Source, floor: usize, s: usize) -> Option<(usize, Option<Source>)> {
    let verb = word_before_phrase(doc, object, floor)?;
    let class = doc.tokens[verb].info.cue()?;
    if !matches!(class, CueClass::Speech | CueClass::Tell) || cue_class(doc, verb, false).is_none() {
        return None;
    }
    let subject = source_left(doc, verb, floor).filter(|x| !is_object_pronoun(doc, x));
    if class == CueClass::Tell {
        return Some((verb, subject.or_else(|| subject_of(doc, verb, s))));
    }
    subject.map(|x| (verb, Some(x)))
}

/// “Q” opening a sentence after one that is only its attribution, in the same paragraph:
/// "Professor Ruiz agreed. “…”", "Lau said in a statement. “…”", "Smith told reporters. “…”"
/// (a verb of speech with no statement of its own, at most an adverbial after it).
/// (`s` is the sentence that `open` starts.)
#[cold]
#[inline(never)]
fn introduced_by_previous_sentence(doc: &Document, open: usize, s: usize) -> Option<(usize, Option<Source>)> {
    let previous = doc.sentences.get(s.checked_sub(1)?)?;
    if doc.lines[previous.line].paragraph != doc.lines[doc.tokens[open].line as usize].paragraph {
        return None;
    }
    let stop = previous.tokens.end.checked_sub(1)?;
    if stop <= previous.tokens.start || !is_punct(doc, stop, b'.') {
        return None;
    }
    // (No quotation in it: a cue there is that quotation's.)
    if doc.tokens[previous.tokens.start..stop]
        .iter()
        .any(|t| t.mark != Mark::None)
    {
        return None;
    }
    let floor = previous.tokens.start.max(stop.saturating_sub(6));
    let (cue, class) = (floor..stop)
        .rev()
        .find_map(|t| cue_class(doc, t, false).map(|class| (t, class)))?;
    if !matches!(class, CueClass::Speech | CueClass::Tell) {
        return None;
    }
    let tail = match doc.tokens.get(cue + 1).filter(|_| cue + 1 < stop) {
        None => true,
        // "said in a statement", "agreed on Tuesday", "added later".
        Some(next) if class == CueClass::Speech => {
            next.info.has(NOT_CLAUSE_START) || next.info.has(TIME) || next.info.has(CUE_MODIFIER)
        }
        // "told reporters", "told The Times on Monday".
        Some(_) => ends_attribution(doc, cue, stop),
    };
    if !tail {
        return None;
    }
    // (Not "Also, Trump isn't a conservative, he said.": a statement before the source, set
    // off by a comma, is the verb's own.)
    let source = source_left(doc, cue, previous.tokens.start)?;
    let first = first_token_of(doc, &source);
    if (previous.tokens.start..first).any(|t| is_punct(doc, t, b',')) {
        return None;
    }
    Some((cue, Some(source)))
}

/// “Q” opening a paragraph after one that ends "Smith said:" or "Smith told reporters:".
/// (Less than once a document: out of the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
fn introduced_by_previous_line(doc: &Document, open: usize) -> Option<(usize, Option<Source>)> {
    let line_index = doc.tokens[open].line as usize;
    let previous = doc.lines.get(line_index.checked_sub(1)?)?;
    let colon = previous.tokens.end.checked_sub(1)?;
    if punct_of(doc.text, &doc.tokens[colon]) != Some(':') || colon == previous.tokens.start {
        return None;
    }
    let floor = sentence_start(doc, colon).max(colon.saturating_sub(CUE_WINDOW));
    for t in (floor..colon).rev() {
        if cue_class(doc, t, false).is_some() {
            let source = source_left(doc, t, sentence_start(doc, t))
                .or_else(|| source_right(doc, t))
                .or_else(|| subject_of(doc, t, doc.sentence_of(t)));
            return Some((t, source));
        }
    }
    source_left(doc, colon, sentence_start(doc, colon)).map(|source| (colon, Some(source)))
}

/// The mention just left of a cue: "he said", "Smith, the chairman, said", "the official
/// said", "Russian President Vladimir Putin also said".
fn source_left(doc: &Document, cue: usize, floor: usize) -> Option<Source> {
    let Some(mut source) = source_left_of(doc, cue, floor) else {
        // "a source close to him said": no object pronoun is a source, but the phrase before
        // its adjective may be.
        let object = cue
            .checked_sub(1)
            .filter(|&o| o > floor && (word_in(doc, o, &OBJECT_PRONOUNS) || is_word(doc, o, None, b"her")));
        let Some(adjective) = object.and_then(|o| postmodifier_of(doc, o, floor)) else {
            return subject_before_relative(doc, cue, floor).map(|(subject, _)| subject);
        };
        let pronoun_end = doc.tokens[cue - 1].span.end;
        return source_left_of(doc, adjective, floor)
            .or_else(|| generic_left(doc, adjective, floor))
            .map(|modified| with_postmodifier(modified, pronoun_end))
            .or_else(|| subject_before_relative(doc, cue, floor).map(|(subject, _)| subject));
    };
    // "a source close to the senator said": the speaker is the phrase the adjective follows.
    // (Both tests read the word before the phrase, found once for them.)
    let mut before = word_before_phrase(doc, &source, floor);
    if let Some(adjective) = before.and_then(|p| postmodifier_after(doc, p, floor)) {
        let modified = source_left_of(doc, adjective, floor).or_else(|| generic_left(doc, adjective, floor))?;
        source = with_postmodifier(modified, source.span.end);
        before = word_before_phrase(doc, &source, floor);
    }
    // "polling in Florida shows", "my editor at the time at Politico argued": a phrase under a
    // preposition modifies the subject before it, which is the speaker (before a participle
    // it is more often the object of another verb: "a pitch to voters saying").
    let mut hops = 0;
    // (The named institution the first hop stepped over, for the speaker's words below.)
    let mut employer = None;
    // (Asked only where a preposition or a message is found: most sources have neither.)
    let participle = || word_ends_with(doc, cue, b"ing");
    while let Some(prep) = before.filter(|&p| governs(doc, p)) {
        let participle = participle();
        // ("…, with 22 percent saying they would …": after "with", the phrase is the
        // participle's own subject.)
        if participle && hops == 0 && key_of(doc, prep) == key("with") {
            break;
        }
        if hops == 2 || participle {
            return None;
        }
        // (A name, an institution's capitalised description, "the Defense Department", or an
        // organisation's description: "a spokesman for the ministry".)
        let named = source.kind == MentionKind::Name
            || doc.tokens[source.head].cap
            || source.kind == MentionKind::Description(DescKind::Organisation);
        employer = (hops == 0 && named && word_in(doc, prep, &EMPLOYER_PREPOSITIONS)).then_some(source.span.end);
        source = source_left_of(doc, prep, floor).or_else(|| generic_left(doc, prep, floor))?;
        before = word_before_phrase(doc, &source, floor);
        hops += 1;
    }
    // "Analysts at Goldman Sachs said", "a spokesman for the Pentagon said": a description or
    // group whose employer is named after it speaks in those words, as a reader names them.
    // (Named so too: "a spokesman" alone would merge the Pentagon's with Boeing's.)
    if let Some(end) = employer.filter(|_| hops == 1 && matches!(source.kind, MentionKind::Description(_))) {
        source.span.end = end;
        source.named.end = end;
    }
    // "Trump issued a statement saying …", "the campaign released an ad telling …", "the
    // council issued a statement calling …": before a participle of speech or quoting, a
    // message is the object of the clause's verb; the clause's subject, a name or pronoun
    // before it, is the speaker.
    if source.kind == MentionKind::Description(DescKind::Message)
        && matches!(
            doc.tokens[cue].info.cue(),
            Some(CueClass::Speech | CueClass::Tell | CueClass::Quote)
        )
        && participle()
    {
        if let Some(subject) = subject_of(doc, cue, doc.sentence_of(cue)).filter(|s| {
            (matches!(s.kind, MentionKind::Name | MentionKind::Pronoun)
                || matches!(s.kind, MentionKind::Description(kind) if kind != DescKind::Message))
                && s.span.end < source.span.start
                && doc.tokens.partition_point(|x| x.span.start < s.span.start) >= floor
        }) {
            return Some(subject);
        }
    }
    // "Officials who met Smith said": the phrase before the cue is the relative clause's
    // object; the subject is before "who".
    // (Only where a word comes before the phrase, as the clause's verb does: most phrases
    // open their sentence or follow a comma.)
    // (Told from the bytes before it: a space after a letter.)
    let before = doc
        .text
        .as_bytes()
        .get(source.span.start.saturating_sub(2)..source.span.start);
    let after_word = matches!(before, Some(&[letter, b' ']) if letter.is_ascii_alphabetic());
    if source.kind != MentionKind::Pronoun && after_word {
        if let Some((subject, who)) = subject_before_relative(doc, cue, floor) {
            if doc.tokens[who].span.end < source.span.start {
                return Some(subject);
            }
        }
    }
    Some(source)
}

fn source_left_of(doc: &Document, cue: usize, floor: usize) -> Option<Source> {
    let mut t = cue;
    // Skip "also", "has", "later", and a stray comma-free adverb.
    while t > floor
        && doc.tokens[t - 1].info.has(CUE_MODIFIER)
        && !doc.tokens[t - 1].info.has(PRONOUN)
        && !(doc.tokens[t - 1].info.has(TIME) && surname_not_time(doc, t - 1, floor))
    {
        t -= 1;
    }
    // "Clinton emphatically proclaimed", "he quickly added": an adverb in -ly the lists do
    // not hold, between a name or pronoun and the cue.
    // (Its ending asked first, inline: few words end in "ly".)
    if t > floor + 1 && word_ends_with(doc, t - 1, b"ly") && is_manner_adverb(doc, t - 1) {
        t -= 1;
    }
    // "The head of the trust on Tuesday said", "… yesterday said": past a time, to a role's
    // phrase (any other phrase there is as often an object as the subject: "voters going to
    // the polls on Super Tuesday said").
    if t > floor + 1 && doc.tokens[t - 1].info.has(TIME) {
        t = before_time(doc, t - 1, floor);
    }
    if t == floor {
        return None;
    }
    let mut head = t - 1;
    // "…, a report released Monday found": a finding's source, before its participle (past
    // its time, above), is "a report", as "the report" later in the story is.
    if head > floor && is_participle_modifier(doc, head) && is_evidence(doc, head - 1) {
        return phrase_ending_at(doc, head - 1, floor);
    }
    // "Sen. Ann Ruiz (D-N.M.) said": step over a bracketed party and state.
    head = before_brackets(doc, head, floor)?;
    // "Ortiz — who has denied the charges — said": step over a relative clause set off by
    // dashes.
    if is_dash(doc, head) {
        head = dashed_relative_before(doc, head, floor)? - 1;
    }
    // "Smith, the party's chairman, said" / "Smith, who leads it, said": step over the aside.
    let aside = punct_of(doc.text, &doc.tokens[head]) == Some(',');
    // (Before a participle, what the commas set off may be the sentence's main clause, with
    // its own subject: "Once he was president, Mr. Obama made peace a priority, announcing
    // …"; not "Le Pen, voiced support …, saying".)
    let participle = word_ends_with(doc, cue, b"ing");
    if aside && participle {
        let opening = (head.saturating_sub(ASIDE_WINDOW).max(floor)..head)
            .rev()
            .find(|&j| is_punct(doc, j, b','))
            .map(|comma| &doc.tokens[comma + 1]);
        if opening.is_some_and(|w| {
            w.kind == TokenKind::Word && (w.name_like || w.info.has(PRONOUN)) && !w.info.has(DETERMINER)
        }) {
            return None;
        }
    }
    // (Where the aside opens and closes, for a name in it: see below.)
    let mut aside_words = head..head;
    if aside {
        let mut j = head;
        let limit = head.saturating_sub(ASIDE_WINDOW).max(floor);
        while j > limit {
            j -= 1;
            if punct_of(doc.text, &doc.tokens[j]) == Some(',') {
                break;
            }
        }
        if j == head || j <= floor || punct_of(doc.text, &doc.tokens[j]) != Some(',') {
            return None;
        }
        aside_words = j + 1..head;
        head = j - 1;
        // ("Rep. Jim Jordan (R-Ohio), an oversight panel member, said": a bracketed party and
        // state before the aside too.)
        head = before_brackets(doc, head, floor)?;
        // "Grassley, facing a challenge in Iowa, a swing state, said": that was the second of
        // two asides when a participle or "who" opens the one before it.
        if let Some(opening) = aside_before(doc, j, floor) {
            head = opening - 1;
        }
    }
    // "voters who say …", "Smith, who said …": the cue attaches to "who", which stands for
    // the phrase before it; so does "which" for a text or a body: "the AP report, which
    // notes …", "the Board of Elections, which ruled …".
    if head > floor && may_be_relative(doc, head) && (is_who_stem(doc, head) || is_which(doc, head)) {
        let who = doc.tokens[head].span;
        let mut antecedent = head - 1;
        // (Set off by a comma or a dash: "Keane, who", "Keane — who".)
        if (punct_of(doc.text, &doc.tokens[antecedent]) == Some(',') || is_dash(doc, antecedent)) && antecedent > floor
        {
            antecedent -= 1;
        }
        // (A capitalised "Who" names no one: see `relative_who`.)
        let named = |source: &Source| {
            if doc.tokens[head].cap {
                who
            } else {
                Span::new(naming_start(doc, source, floor), source.span.end)
            }
        };
        return phrase_ending_at(doc, antecedent, floor).map(|source| Source {
            span: who,
            named: named(&source),
            ..source
        });
    }
    // (Before an aside, a capitalised word no name finder kept, as a sentence's first word
    // is, is still a name: "Ruiz, a nurse, said …".)
    // (Not for a participle, whose aside is more often its clause's adverbial: "…, in June,
    // telling reporters".)
    // "The chairman of the Federal Reserve, Jerome Powell, said": the name in the aside holds
    // the role the phrase before it names, and speaks (not the body the role is of).
    if aside && !participle && role_of_phrase(doc, head, floor) {
        if let Some(name) = name_in_aside(doc, floor, aside_words.clone()) {
            return Some(name);
        }
    }
    phrase_ending_at(doc, head, floor)
        .or_else(|| {
            (aside && !participle)
                .then(|| name_before_aside(doc, head, floor))
                .flatten()
        })
        .or_else(|| (!participle).then(|| name_in_aside(doc, floor, aside_words)).flatten())
}

/// Does the phrase ending at `head` follow a role and "of", "at" or "for", a few words back:
/// "the chairman of the Federal Reserve", "the head of the agency", "a lawyer for the
/// family", "the chairman of the Joint Chiefs of Staff"? (Asked before an aside or a time
/// only: rare, out of line.)
#[cold]
#[inline(never)]
fn role_of_phrase(doc: &Document, head: usize, floor: usize) -> bool {
    let mut j = head;
    while j > floor + 1 && head - j < 5 {
        j -= 1;
        let token = &doc.tokens[j];
        if token.kind != TokenKind::Word || token.in_quote {
            return false;
        }
        // (Past an "of" within a name: "the chairman of the Joint Chiefs of Staff".)
        if matches!(doc.word(j), "of" | "at" | "for") {
            let role = &doc.tokens[j - 1];
            if role.kind == TokenKind::Word && !role.cap && (role.info.is_desc() || role.info.has(TITLE)) {
                return true;
            }
        }
    }
    false
}

/// For [`source_left_of`]: where the phrase before the time at `time` ends ("Tuesday", "on
/// Tuesday", "last week"), where that phrase completes a role ("the head of the trust") or
/// an aside's comma ends it; else
/// `time + 1`, as where `time` is a surname ("Theresa May said"). (Rare: out of line.)
#[cold]
#[inline(never)]
fn before_time(doc: &Document, time: usize, floor: usize) -> usize {
    if surname_not_time(doc, time, floor) {
        return time + 1;
    }
    let start = if time > floor + 1 && (doc.is(time - 1, "on") || doc.is(time - 1, "last")) {
        time - 1
    } else {
        time
    };
    let role_before =
        start > floor + 1 && doc.tokens[start - 1].kind == TokenKind::Word && role_of_phrase(doc, start - 1, floor);
    // ("The chief executive, Paolo Ricci, on Wednesday defended": an aside ends before it.)
    let aside_before = start > floor + 2 && is_punct(doc, start - 1, b',');
    // ("a report released Monday found": a finding's source and its participle.)
    let released = || start > floor + 2 && is_participle_modifier(doc, start - 1) && is_evidence(doc, start - 2);
    if role_before || aside_before || released() {
        start
    } else {
        time + 1
    }
}

/// The token before a bracket that closes at `head` ("Sen. Ann Ruiz (D-N.M.)"), or `head`
/// itself where no bracket closes there; none where the bracket opens too far back (eight
/// tokens) or at `floor`.
#[inline]
fn before_brackets(doc: &Document, head: usize, floor: usize) -> Option<usize> {
    if !is_punct(doc, head, b')') {
        return Some(head);
    }
    bracket_opening(doc, head, floor)
}

/// [`before_brackets`] where a bracket closes at `head`. (Rare: out of line.)
#[cold]
#[inline(never)]
fn bracket_opening(doc: &Document, head: usize, floor: usize) -> Option<usize> {
    let open = (head.saturating_sub(8).max(floor)..head)
        .rev()
        .find(|&j| is_punct(doc, j, b'('))?;
    (open > floor).then(|| open - 1)
}

/// "“…,” the manager, Jeff Weaver, said": where the phrase before an aside is none a source
/// search knows (a plain noun), the name the aside gives is the speaker; only for the first
/// aside from `floor` (not "Vian, the editor of the paper, L'Osservatore Romano, said").
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn name_in_aside(doc: &Document, floor: usize, words: std::ops::Range<usize>) -> Option<Source> {
    if words.is_empty()
        || ((floor..words.start - 1).any(|t| is_punct(doc, t, b','))
            && !possessed_role_before(doc, words.start - 1, floor)
            && !after_opening_phrase(doc, floor, words.start - 1))
    {
        return None;
    }
    // ("…, the Swedish pension fund Alecta, said": a name after what the aside says it is.)
    let described = |first: usize| {
        is_word(doc, words.start, None, b"the")
            && doc.tokens[words.start + 1..first]
                .iter()
                .all(|x| x.kind == TokenKind::Word && !x.info.is_cue())
    };
    phrase_ending_at(doc, words.end - 1, words.start)
        .filter(|name| {
            let first = first_token_of(doc, name);
            name.kind == MentionKind::Name && (first == words.start || described(first))
        })
        // "Its largest shareholder, the Norwegian state, said": a plain phrase with "the" is
        // what the aside names (not its capitalised word alone, which the subject search took).
        .or_else(|| {
            is_word(doc, words.start, None, b"the")
                .then(|| plain_phrase_ending_at(doc, words.end - 1, words.start, false))?
                .filter(|phrase| first_token_of(doc, phrase) == words.start)
        })
}

/// Is the one comma before the comma at `comma`, from `floor`, the end of a phrase that opens
/// the sentence, of place or time ("In a letter last month, the chief executive, Gordon Fisk,
/// wrote")? The aside after the subject is then still the sentence's first. (Rare: out of
/// line.)
#[cold]
#[inline(never)]
fn after_opening_phrase(doc: &Document, floor: usize, comma: usize) -> bool {
    let mut commas = (floor..comma).filter(|&t| is_punct(doc, t, b','));
    let (Some(first), None) = (commas.next(), commas.next()) else {
        return false;
    };
    let opener = word_in(doc, floor, &PREPOSITIONS)
        || word_in(doc, floor, &OPENING_SUBORDINATORS)
        || doc.tokens[floor].info.has(TIME)
        || is_word(doc, floor, None, b"last");
    opener && first - floor <= 8
}

/// Whether a clause opens with a possessed noun before the comma at `comma`: "…, and its
/// chair, Jerome Powell, said", "…, but the company's founder, …": whoever the aside names is
/// the one who holds that role, the clause's subject, however many commas come before. (The
/// phrase: up to four lowercase words after "its", "their" or a possessive, itself after a
/// comma or a conjunction.)
fn possessed_role_before(doc: &Document, comma: usize, floor: usize) -> bool {
    let plain = |t: usize| {
        let token = &doc.tokens[t];
        token.kind == TokenKind::Word && !token.cap && !token.in_quote && !token.info.is_cue()
    };
    let is_owner =
        |t: usize| doc.tokens[t].possessive > 0 || is_word(doc, t, None, b"its") || is_word(doc, t, None, b"their");
    // The role's words back to their owner.
    let mut owner = comma;
    while owner > floor + 1 && comma - owner < 5 {
        owner -= 1;
        if is_owner(owner) && owner + 1 < comma {
            break;
        }
        if !plain(owner) {
            return false;
        }
    }
    if !is_owner(owner) {
        return false;
    }
    // The owner's own phrase ("its", "the central bank's", "Microsoft's"), up to four words
    // after a comma, "and" or "but".
    let opens_clause =
        |t: usize| is_punct(doc, t, b',') || is_word(doc, t, None, b"and") || is_word(doc, t, None, b"but");
    (owner.saturating_sub(4).max(floor + 1)..owner)
        .rev()
        .take_while(|&t| doc.tokens[t + 1].kind == TokenKind::Word)
        .any(opens_clause)
}

/// The capitalised words ending at `head`, before an aside and its cue ("Ruiz, 54, said"), as
/// a name: not a function word, a label or a time. (Rare: out of line.)
#[cold]
#[inline(never)]
fn name_before_aside(doc: &Document, head: usize, floor: usize) -> Option<Source> {
    let capital = |t: &Token| {
        t.kind == TokenKind::Word
            && t.cap
            && !t.in_quote
            && !t.info.has(FUNCTION)
            && !t.info.has(LABEL)
            && !t.info.has(TIME)
            && !t.info.is_cue()
    };
    if !capital(&doc.tokens[head]) {
        return None;
    }
    let mut start = head;
    while start > floor && head - start < 3 && capital(&doc.tokens[start - 1]) {
        start -= 1;
    }
    Some(Source::new(
        Span::new(doc.tokens[start].span.start, doc.tokens[head].span.end),
        head,
        MentionKind::Name,
    ))
}

/// The dash that opens a relative clause on "who" ending at the dash `close` ("— who has
/// denied the charges —"), with no other punctuation between. (Rare: out of line.)
#[cold]
#[inline(never)]
fn dashed_relative_before(doc: &Document, close: usize, floor: usize) -> Option<usize> {
    let open = (close.saturating_sub(ASIDE_WINDOW).max(floor)..close)
        .rev()
        .find(|&i| doc.tokens[i].kind == TokenKind::Punct)?;
    (open > floor && open + 1 < close && is_dash(doc, open) && is_who_stem(doc, open + 1)).then_some(open)
}

/// The comma that opens an aside ending at the comma `close`, where a participle or "who"
/// opens it: ", facing a challenge in Iowa,"; past the commas inside it that a capital follows
/// (", who lost her daughter in Aurora, Colorado, in July 2012,"), and no other punctuation.
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn aside_before(doc: &Document, close: usize, floor: usize) -> Option<usize> {
    let limit = close.saturating_sub(ASIDE_WINDOW).max(floor);
    for open in (limit..close).rev().filter(|&i| doc.tokens[i].kind == TokenKind::Punct) {
        if open <= floor || !is_punct(doc, open, b',') {
            return None;
        }
        let first = doc
            .tokens
            .get(open + 1)
            .filter(|t| open + 1 < close && t.kind == TokenKind::Word)?;
        // (A comma before a capital goes on a place or a name, "Aurora, Colorado": look further.)
        if first.cap {
            continue;
        }
        let word = first.span.of(doc.text).as_bytes();
        return (word.ends_with(b"ing") && word.len() > 4 || is_who_stem(doc, open + 1)).then_some(open);
    }
    None
}

/// "a pitch to New York voters saying …", "wrote on Twitter: …", "at Mar-a-Lago, his club,
/// calling …": a phrase governed by a preposition is no subject ("of" aside: "most of the
/// senators said" names its speakers).
/// Returns the preposition's token.
fn governed_by_preposition(doc: &Document, source: &Source, floor: usize) -> Option<usize> {
    word_before_phrase(doc, source, floor).filter(|&p| governs(doc, p))
}

/// The word just before a phrase that is no pronoun, past a determiner of its own (not
/// before `floor`): where [`governed_by_preposition`] and [`postmodifier_before`] look for
/// their preposition.
fn word_before_phrase(doc: &Document, source: &Source, floor: usize) -> Option<usize> {
    if source.kind == MentionKind::Pronoun {
        return None;
    }
    let mut j = first_token_of(doc, source);
    // (Past an "and" inside an institution's name: "a spokesman for the Food and Drug
    // Administration", whose phrase the name's capitals left at "Drug".)
    if j > floor + 1 && doc.tokens[j - 1].span.len() == 3 && doc.tokens[j - 2].cap && doc.word(j - 1) == "and" {
        j = institution_start(doc, j, floor);
    }
    if j > floor && doc.tokens[j - 1].info.has(DETERMINER) && !doc.tokens[j - 1].info.has(PRONOUN) {
        j -= 1;
    }
    (j > floor && doc.tokens[j - 1].kind == TokenKind::Word).then(|| j - 1)
}

/// For [`word_before_phrase`]: where the capitalised words (and "of") before the "and" at
/// `j - 1` start, up to four of them, if the phrase from `j` ends an institution's name ("Food
/// and Drug Administration"); else `j`. (Rare: out of line.)
#[cold]
#[inline(never)]
fn institution_start(doc: &Document, j: usize, floor: usize) -> usize {
    let ends_institution = (j..doc.tokens.len().min(j + 3))
        .take_while(|&i| doc.tokens[i].cap)
        .any(|i| doc.tokens[i].info.has(ORG_WORD));
    // (Over "of" too: "the Department of Health and Human Services".)
    let mut start = j - 1;
    while ends_institution
        && start > floor + 1
        && j - start <= 5
        && (doc.tokens[start - 1].cap || (doc.is(start - 1, "of") && doc.tokens[start - 2].cap))
    {
        start -= 1;
    }
    if start == j - 1 {
        j
    } else {
        start
    }
}

/// Is the word at `p` a preposition that governs the phrase after it ([`governed_by_preposition`])?
fn governs(doc: &Document, p: usize) -> bool {
    let prev = key_of(doc, p);
    prev == key("to") || (is_one_of(prev, &PREPOSITIONS) && prev != key("of"))
}

/// The first token that starts at or after the source's start (what a binary search of all
/// the document's tokens answers): a walk back from its head, a word or a few away, where the
/// head starts no earlier than the span (a "who" stands for a head before it). (Out of line in
/// the browser build: eleven callers.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn first_token_of(doc: &Document, source: &Source) -> usize {
    let start = source.span.start;
    if doc.tokens.get(source.head).is_none_or(|h| h.span.start < start) {
        return doc.tokens.partition_point(|x| x.span.start < start);
    }
    let mut j = source.head;
    while j > 0 && doc.tokens[j - 1].span.start >= start {
        j -= 1;
    }
    j
}

/// Any plain phrase just left of a reporting verb: "those surveyed say", "most said", "other
/// voters said", "investigators believe", "42% say", "conservatives who say". Only tried after
/// [`source_left`] found no name, pronoun or known description, and only for a verb with a
/// statement after it: there the verb vouches for the phrase being its subject, which a word
/// list of speaker nouns could never cover (PolNeAR sources are any noun phrase).
// (Out of line in the browser build, where each use inlined a copy of
// generic_or_known_left.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn generic_left(doc: &Document, cue: usize, floor: usize) -> Option<Source> {
    generic_or_known_left(doc, cue, floor).map(|(source, _)| source)
}

/// [`generic_left`], and whether the source is one [`source_left_of`] knows after all: the
/// phrase a plain one modifies ("Party leaders on the ground told": "Party leaders").
fn generic_or_known_left(doc: &Document, cue: usize, floor: usize) -> Option<(Source, bool)> {
    let source = plain_left(doc, cue, floor)?;
    let before = |at: usize| {
        source_left_of(doc, at, floor)
            .map(|known| (known, true))
            .or_else(|| generic_left(doc, at, floor).map(|generic| (generic, false)))
    };
    // "people familiar with the talks say": not "the talks" but the phrase before the adjective,
    // which names the speaker with it ("people familiar with the talks").
    if let Some(adjective) = postmodifier_before(doc, &source, floor) {
        return before(adjective).map(|(modified, known)| (with_postmodifier(modified, source.span.end), known));
    }
    // "GOP leaders on the ground told": the phrase before the preposition.
    if let Some(modified) = modifying_preposition(doc, &source, cue, floor).and_then(before) {
        return Some(modified);
    }
    // "Trump at the time said": a name or pronoun that opens the clause, before an adverbial.
    if let Some(subject) = subject_before_adverbial(doc, &source, floor) {
        return Some((subject, true));
    }
    Some((source, false))
}

/// For a plain phrase `source` under a preposition, the name or pronoun before that
/// preposition, where it opens the clause (at `floor` or after a comma): "Trump at the time
/// said", "She in turn argued". (Rare: out of line.)
#[cold]
#[inline(never)]
fn subject_before_adverbial(doc: &Document, source: &Source, floor: usize) -> Option<Source> {
    let prep = governed_by_preposition(doc, source, floor)?;
    let subject = source_left_of(doc, prep, floor)
        .filter(|s| matches!(s.kind, MentionKind::Name | MentionKind::Pronoun) && s.head + 1 == prep)?;
    let first = first_token_of(doc, &subject);
    (first == floor || (first > floor && is_punct(doc, first - 1, b','))).then_some(subject)
}

/// A source `modified` by a phrase after it that describes it ("people familiar with the
/// talks", "a source close to him"), named with that phrase, which ends at byte `end`.
fn with_postmodifier(mut modified: Source, end: usize) -> Source {
    modified.span.end = end;
    modified.named.end = end;
    modified
}

/// The plain phrase of [`generic_left`], as it ends left of the cue.
fn plain_left(doc: &Document, cue: usize, floor: usize) -> Option<Source> {
    let mut t = cue;
    while t > floor && doc.tokens[t - 1].info.has(CUE_MODIFIER) && !doc.tokens[t - 1].info.has(PRONOUN) {
        // "no agreement was announced": before a passive, the phrase is no speaker.
        if word_in(doc, t - 1, &BE) {
            return None;
        }
        t -= 1;
    }
    if t == floor {
        return None;
    }
    let mut head = t - 1;
    let token = &doc.tokens[head];
    if token.in_quote || token.mark != Mark::None {
        return None;
    }
    let group = MentionKind::Description(DescKind::Group);
    // "42% say", "4 in 10 say".
    if punct_of(doc.text, token) == Some('%') && head > floor && doc.tokens[head - 1].kind == TokenKind::Number {
        head -= 1;
    }
    let mut ratio = ratio_start(doc, head, floor);
    // ("the 43-year-old asked": a count or age after a determiner is the phrase's head.)
    if ratio == head
        && head > floor
        && doc.tokens[head - 1].info.has(DETERMINER)
        && doc.tokens[head].kind == TokenKind::Number
    {
        ratio -= 1;
    }
    if doc.tokens[head].kind == TokenKind::Number || ratio < head {
        return Some(Source::new(
            Span::new(doc.tokens[ratio].span.start, token.span.end),
            head,
            group,
        ));
    }
    if token.kind != TokenKind::Word {
        return None;
    }
    // "voters who say": the relative pronoun is the mention the verb attaches to.
    if is_word(doc, head, word_bytes().who, b"who") {
        return Some(relative_who(doc, head, floor));
    }
    // (A "which" that stands for no phrase found is no source.)
    if is_which(doc, head) {
        return Some(relative_who(doc, head, floor)).filter(|s| s.named != s.span);
    }
    plain_phrase_ending_at(doc, head, floor, word_ends_with(doc, cue, b"ing"))
}

/// "GOP leaders on the ground told": for a phrase left of a cue that a preposition puts
/// under the noun before it (a description or a plural), that preposition; the noun, not the
/// phrase, is the speaker. Not where no noun for people is there ("In Iowa voters say", "his
/// bid for the presidency", "eight in 10 voters"). (Rare: out of line.)
#[cold]
#[inline(never)]
fn modifying_preposition(doc: &Document, source: &Source, cue: usize, floor: usize) -> Option<usize> {
    // (Not a name: "to block Donald Trump from the nomination say" has it as an object.)
    let noun_before = |prep: usize| {
        let t = &doc.tokens[prep - 1];
        let plural = looks_plural(bytes_of(doc, prep - 1));
        t.kind == TokenKind::Word
            && !t.info.has(FUNCTION)
            && !t.info.is_cue()
            && !word_in(doc, prep - 1, &NUMBERS)
            && (t.info.is_desc() || (plural && !t.cap))
    };
    // (Left of a cue itself, not of a preposition already stepped over.)
    if !doc.tokens[cue].info.is_cue() {
        return None;
    }
    // (Nor "with" before a participle, which it gives a subject: "liberals, with about three
    // in 10 saying …".)
    let absolute = |p: usize| is_word(doc, p, None, b"with") && word_ends_with(doc, cue, b"ing");
    governed_by_preposition(doc, source, floor).filter(|&p| p > floor && noun_before(p) && !absolute(p))
}

/// For a phrase found left of a cue that is the object of an adjective's preposition ("a
/// source close to *the senator* said", "people familiar with *the talks* say", "officials
/// with knowledge of *the plan*"): the token where the words that modify the speaker start
/// (the adjective, or "with" before "knowledge"), so that the speaker is sought before it.
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn postmodifier_before(doc: &Document, source: &Source, floor: usize) -> Option<usize> {
    // (Its preposition is a word: a phrase after punctuation has none.)
    postmodifier_after(doc, word_before_phrase(doc, source, floor)?, floor)
}

/// [`postmodifier_before`] of the object whose first word is token `j`.
fn postmodifier_of(doc: &Document, mut j: usize, floor: usize) -> Option<usize> {
    if j > floor && doc.tokens[j - 1].info.has(DETERMINER) && !doc.tokens[j - 1].info.has(PRONOUN) {
        j -= 1;
    }
    postmodifier_after(doc, j.checked_sub(1)?, floor)
}

/// [`postmodifier_before`] of the object whose word before (past its determiner) is token
/// `preposition`.
fn postmodifier_after(doc: &Document, preposition: usize, floor: usize) -> Option<usize> {
    if !(preposition > floor && word_in(doc, preposition, &POSTMODIFIER_PREPOSITIONS)) {
        return None;
    }
    let adjective = preposition - 1;
    if !is_postmodifier(doc, adjective) {
        return None;
    }
    // "with knowledge of", "with direct knowledge of": from "with".
    if is_word(doc, adjective, None, b"knowledge") {
        return (adjective.saturating_sub(2).max(floor + 1)..adjective)
            .rev()
            .find(|&w| is_word(doc, w, None, b"with"));
    }
    Some(adjective)
}

/// Is token `t` an adverb of manner ("emphatically", "quickly") right after a name or a
/// pronoun (not a possessive: "Britain's emotionally charged uprising"): a lowercase word of
/// six letters or more in -ly, not one of the nouns so spelled ("the Clinton family said")?
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn is_manner_adverb(doc: &Document, t: usize) -> bool {
    let token = &doc.tokens[t];
    let word = bytes_of(doc, t);
    let before = &doc.tokens[t - 1];
    token.kind == TokenKind::Word
        && !token.cap
        && word.len() >= 6
        && word.ends_with(b"ly")
        && !token.info.is_desc()
        && !is_one_of(
            key_of(doc, t),
            &const { keys(["family", "assembly", "supply", "monthly", "weekly"]) },
        )
        && before.kind == TokenKind::Word
        && before.possessive == 0
        && (before.info.has(PRONOUN) || (before.cap && before.name_like))
}

/// Does `word` look like a plural noun ("leaders", "followers"; not "press", nor a word of
/// three letters)? Only a guess from its spelling, for words already known to be nouns by
/// their place.
fn looks_plural(word: &[u8]) -> bool {
    word.len() > 3 && word.ends_with(b"s") && !word.ends_with(b"ss")
}

/// The end of the tokens from `from` to `end` less a final punctuation mark (the sentence's
/// stop).
// (Out of line in the browser build, where its bounds check inlined at each use cost more
// than the call.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn before_final_stop(doc: &Document, from: usize, end: usize) -> usize {
    if end > from && doc.tokens[end - 1].kind == TokenKind::Punct {
        end - 1
    } else {
        end
    }
}

/// "…, said a person familiar with the talks.": do the words from `from` to the sentence's end
/// (less its stop) modify the phrase before them, an adjective and its preposition opening
/// them, with no punctuation, cue or clause among them? (Rare: out of line.)
#[cold]
#[inline(never)]
fn postmodifier_tail(doc: &Document, from: usize, end: usize) -> bool {
    let last = before_final_stop(doc, from, end);
    from + 2 < last
        && last - from <= 8
        && is_postmodifier(doc, from)
        && word_in(doc, from + 1, &POSTMODIFIER_PREPOSITIONS)
        && (from..last).all(|i| {
            let token = &doc.tokens[i];
            token.kind == TokenKind::Word && !token.info.is_cue() && !word_in(doc, i, &BE)
        })
}

/// The mention "who" at token `who`, standing for the phrase just before it ("business
/// leaders who say", "Barkley, who said"): the entity is that phrase's. Where nothing before
/// it can be named ("those who said", "anyone who"), the mention names no entity (a speaker
/// called "who" would tell the reader nothing).
///
/// Only a lowercase "who": a capitalised one opens a question or stands in a Title Case
/// headline ("General Who Called For …"), where the words before it are no phrase.
fn relative_who(doc: &Document, who: usize, floor: usize) -> Source {
    let span = doc.tokens[who].span;
    let phrase_before = |t: usize| {
        let mut antecedent = t - 1;
        // (Set off by a comma or a dash: "Keane, who", "Keane — who".)
        if (punct_of(doc.text, &doc.tokens[antecedent]) == Some(',') || is_dash(doc, antecedent)) && antecedent > floor
        {
            antecedent -= 1;
        }
        phrase_ending_at(doc, antecedent, floor)
            .filter(|p| p.kind != MentionKind::Pronoun)
            .or_else(|| plain_phrase_ending_at(doc, antecedent, floor, false))
    };
    // (The phrase just before, even governed by a preposition: "bribes from developers who
    // sought", "bets on fund managers who think" are the common case, "one of the Republicans
    // in the country who" the rarer.)
    let phrase = (who > floor && !doc.tokens[who].cap)
        .then(|| phrase_before(who))
        .flatten();
    match phrase {
        Some(phrase) => {
            let named = Span::new(naming_start(doc, &phrase, floor), phrase.span.end);
            Source { span, named, ..phrase }
        }
        None => Source::new(span, who, MentionKind::Description(DescKind::Group)),
    }
}

/// "The groups who wrote to her on Thursday say …", "officials who met him said …": the
/// subject before a relative clause that runs unbroken up to the cue, where the words just
/// before the cue (the clause's object or adverbial) are no source; and where its "who" is.
/// (Out of line: most calls find no "who" near and return.)
#[cold]
#[inline(never)]
fn subject_before_relative(doc: &Document, cue: usize, floor: usize) -> Option<(Source, usize)> {
    // (Not before a participle, whose subject is the phrase before it: "hosts who doubted the
    // polls showing".)
    if word_ends_with(doc, cue, b"ing") {
        return None;
    }
    let from = cue.saturating_sub(RELATIVE_WINDOW).max(floor + 1);
    // The nearest "who", in words unbroken by punctuation or quotation marks (a byte test a
    // word: asked of most sources, so the dearer tests wait until it is found).
    let who = (from..cue.saturating_sub(1))
        .rev()
        .take_while(|&t| doc.tokens[t].kind != TokenKind::Punct && !doc.tokens[t].in_quote)
        .find(|&t| may_be_who_stem(doc, t) && is_who_stem(doc, t))?;
    // (A "who" right before the cue, but for its modifiers and adverbs, is the cue's own
    // subject: see `source_left_of`. "Cruz, who has successfully argued".)
    let mut verb = cue;
    while verb > from && {
        let token = &doc.tokens[verb - 1];
        token.info.has(CUE_MODIFIER) || (!token.cap && word_ends_with(doc, verb - 1, b"ly"))
    } {
        verb -= 1;
    }
    // (The clause runs unbroken by a conjunction or comparison, whose words after it are a
    // clause of their own: "who flirt … and let them think", "who has gotten less credit
    // than aides say".)
    let joined = |t: usize| word_in(doc, t, &CLAUSE_JOINERS);
    if who + 1 >= verb || (who + 1..verb - 1).any(joined) {
        return None;
    }
    // ("Bannon, who Beck on Wednesday called": "who" is the clause's object, and a name, a
    // pronoun or a determiner after it opens the clause's subject.)
    // (And after a comma, a clause that no comma closes before the cue is not one the
    // subject carries: "If we had acted sooner in the Balkans, who among us would say …".)
    let next = &doc.tokens[who + 1];
    if next.cap || next.info.has(PRONOUN) || next.info.has(DETERMINER) || doc.tokens[who - 1].kind == TokenKind::Punct {
        return None;
    }
    let relative = relative_who(doc, who, floor);
    // (With no phrase before it, `relative_who` names "who" itself: no subject here.)
    let subject = Source {
        span: relative.named,
        ..relative
    };
    (relative.named != relative.span).then_some((subject, who))
}

/// Where the words naming a plain phrase start, past a verb that its walk left took for a
/// modifier ("echoing security experts who", "the targets are centrist leaders who", "the
/// plan angered shop owners, who"). A word in "-ed" is a verb there unless it opens the
/// phrase or follows a determiner or quantity ("the registered voters", "many undecided
/// voters").
fn naming_start(doc: &Document, phrase: &Source, floor: usize) -> usize {
    let first = first_token_of(doc, phrase).max(floor);
    let mut start = phrase.head.max(first);
    while start > first {
        let prev = start - 1;
        let word = bytes_of(doc, prev);
        let verb = word.ends_with(b"ing")
            || word_in(doc, prev, &BE)
            || key_of(doc, prev) == key("that")
            || (word.ends_with(b"ed") && prev > first && {
                let info = &doc.tokens[prev - 1].info;
                !info.has(DETERMINER) && !info.has(QUANTIFIER)
            });
        if verb {
            break;
        }
        start = prev;
    }
    doc.tokens[start].span.start
}

/// Where a count by ratio ending at the count `head` starts: "4 in 10 say", "two in three
/// said", "more than one out of five", "nearly 3 in 4"; `head` itself if it ends none.
fn ratio_start(doc: &Document, head: usize, floor: usize) -> usize {
    let count = |t: usize| {
        doc.tokens[t].kind == TokenKind::Number || word_in(doc, t, &NUMBERS) || is_word(doc, t, None, b"one")
    };
    // (The preposition first: it rules out most phrases in a byte test or two.)
    let start = if head >= floor + 2 && is_word(doc, head - 1, None, b"in") && count(head) && count(head - 2) {
        head - 2
    } else if head >= floor + 3
        && is_word(doc, head - 1, None, b"of")
        && is_word(doc, head - 2, None, b"out")
        && count(head)
        && count(head - 3)
    {
        head - 3
    } else {
        return head;
    };
    with_approximation(doc, start, floor)
}

/// `start`, a count's first token (not before `floor`), moved back over the words that qualify
/// it: "more than" / "fewer than" / "less than", or one of [`APPROXIMATIONS`] ("nearly half",
/// "about 4 in 10").
fn with_approximation(doc: &Document, start: usize, floor: usize) -> usize {
    if start >= floor + 2
        && key_of(doc, start - 1) == key("than")
        && word_in(doc, start - 2, &const { keys(["more", "fewer", "less"]) })
    {
        start - 2
    } else if start > floor && word_in(doc, start - 1, &APPROXIMATIONS) {
        start - 1
    } else {
        start
    }
}

/// Words that make a count approximate, before it ([`with_approximation`]).
const APPROXIMATIONS: KeySet<7> = keys(["nearly", "about", "almost", "roughly", "only", "just", "over"]);

/// A plain noun phrase ending at token `head` ("the other Republican voters", "58 percent",
/// "most"), for [`generic_left`]; none before a participle (`participle`), where the word is
/// more often a verb of the clause than a subject.
// (Inlined natively, where both callers are hot; the browser build keeps one copy.)
#[cfg_attr(not(target_family = "wasm"), inline(always))]
fn plain_phrase_ending_at(doc: &Document, head: usize, floor: usize, participle: bool) -> Option<Source> {
    let token = &doc.tokens[head];
    if token.kind != TokenKind::Word || token.in_quote || token.mark != Mark::None {
        return None;
    }
    let word = doc.word(head);
    let group = MentionKind::Description(DescKind::Group);
    // "Most of them said": a share of those the pronoun stands for.
    if word_in(doc, head, &const { keys(["them", "us"]) }) {
        let share = partitive_start(doc, head.checked_sub(1)?, floor)?;
        return Some(Source::new(
            Span::new(doc.tokens[share].span.start, token.span.end),
            head,
            group,
        ));
    }
    // "the two wrote", "the three said": a numeral after "the" stands for those it counts.
    if head > floor && word_in(doc, head, &const { keys(["two", "three"]) }) && key_of(doc, head - 1) == key("the") {
        return Some(Source::new(
            Span::new(doc.tokens[head - 1].span.start, token.span.end),
            head,
            group,
        ));
    }
    let quantity = token.info.has(QUANTIFIER);
    // Not a contraction ("I don't think") or an object pronoun ("let me say").
    let plain_noun = !word.contains(['\'', '’'])
        && !word_in(doc, head, &OBJECT_PRONOUNS)
        && !token.cap
        && !token.info.has(FUNCTION)
        && !token.info.has(TIME)
        && !token.info.has(NOT_CLAUSE_START)
        && !token.info.is_cue()
        && !word.ends_with("ly");
    if !quantity && !plain_noun {
        return None;
    }
    // "the Democrats start saying", "voters keep asking": before a participle, the word is
    // more often a verb of the clause than a subject (but see below).
    let verb_like = !quantity && participle;
    // Walk left over modifiers to a determiner or quantity: "the other Republican voters".
    let mut start = head;
    while start > floor && head - start < 4 && !doc.tokens[start].info.has(DETERMINER) && !quantity {
        let prev = &doc.tokens[start - 1];
        // "58 percent said", "12 senators said": a count opens the phrase.
        if prev.kind == TokenKind::Number && !prev.in_quote {
            start -= 1;
            break;
        }
        let modifier = !prev.info.has(FUNCTION) || prev.info.has(DETERMINER) || prev.info.has(QUANTIFIER);
        if prev.kind != TokenKind::Word || prev.in_quote || prev.info.is_cue() || prev.info.has(PRONOUN) || !modifier {
            break;
        }
        start -= 1;
    }
    // ("…, with 22 percent saying they would …": after "with", the phrase is the participle's
    // subject.)
    if verb_like && !(start > floor && key_of(doc, start - 1) == key("with")) {
        return None;
    }
    if let Some(role) = role_completed_by(doc, start, head, floor) {
        return Some(role);
    }
    Some(Source::new(
        Span::new(doc.tokens[start].span.start, token.span.end),
        head,
        group,
    ))
}

/// "The former secretary of state said", "the head of the agency said": a phrase (tokens
/// `start..=head`) after "of" completes a title or role, which heads the whole (the speaker
/// is the secretary, not the state).
#[inline(never)]
fn role_completed_by(doc: &Document, start: usize, head: usize, floor: usize) -> Option<Source> {
    if start < floor + 2 || !doc.is(start - 1, "of") {
        return None;
    }
    let role = &doc.tokens[start - 2].info;
    if !role.is_desc() && !role.has(crate::lexicon::TITLE) {
        return None;
    }
    let source = phrase_ending_at(doc, start - 2, floor)?;
    Some(Source::new(
        Span::new(source.span.start, doc.tokens[head].span.end),
        source.head,
        source.kind,
    ))
}

/// For a subject, `role` and the phrase after its "of" that opens at `complement`, before
/// `cue`: "the head of the hospital trust", the longest phrase within six words that runs on
/// from the role (not "the trust that runs the hospital", nor "the trust on Tuesday");
/// else `role` alone. (Rare: out of line.)
#[cold]
#[inline(never)]
fn role_with_complement(doc: &Document, role: Source, complement: usize, cue: usize, floor: usize) -> Source {
    // (A phrase ends on no function word or possessive, and before no name's next word: not
    // "the attorney general of the", "of China's", "of presumptive nominee Hillary".)
    let may_end = |end: usize| {
        let (last, next) = (&doc.tokens[end], &doc.tokens[end + 1]);
        !last.info.has(FUNCTION) && last.possessive == 0 && !(next.cap && next.kind == TokenKind::Word)
    };
    (complement..cue.min(complement + 6))
        .rev()
        .filter(|&end| may_end(end))
        .find_map(|end| {
            // ("The family of one of the victims": the share's role.)
            // (A plain noun, "Supporters of abortion rights", only right before a verb of
            // speech or an aside: a word further from it is as often a verb of the clause, as
            // is one before a participle. An aside that opens with a name is the role's
            // holder, who speaks: "The minister of the economy, Mr. Guajardo, argues".)
            let plain = || {
                let aside = is_punct(doc, end + 1, b',') && doc.tokens.get(end + 2).is_some_and(|x| !x.cap);
                let before_verb = (end + 1 == cue || aside) && !doc.tokens[end].info.has(CUE_MODIFIER);
                (before_verb && !word_ends_with(doc, cue, b"ing"))
                    .then(|| plain_phrase_ending_at(doc, end, floor, false))
            };
            let phrase = phrase_ending_at(doc, end, floor)
                .or_else(|| plain().flatten())
                .map(|phrase| share_of(doc, phrase, floor));
            phrase.filter(|whole| whole.span.start == role.span.start)
        })
        .unwrap_or(role)
}

/// "the secretary of state said": the title that the word at `head`, after "of", completes;
/// not "her tenure as secretary of state", a preposition's object. (Rare: out of line.)
#[cold]
#[inline(never)]
fn title_completed_by(doc: &Document, head: usize, floor: usize) -> Option<Source> {
    if !doc.tokens[head.saturating_sub(2)].info.has(TITLE) {
        return None;
    }
    let role = role_completed_by(doc, head, head, floor)?;
    let before = first_token_of(doc, &role).checked_sub(1).filter(|&b| b >= floor);
    before
        .is_none_or(|b| !word_in(doc, b, &PREPOSITIONS) && !is_word(doc, b, None, b"as"))
        .then_some(role)
}

/// Is token `t`, a time word, a surname: a month capitalised right after a given name
/// ("Theresa May", "Brian May"), or alone before a verb of speech ("“…,” May told reporters")?
/// (A day is a time: "Morning Joe Monday", "Wednesday added …"; so is a month after a word of
/// the clause: "a report released in May said".) (Rare: out of line.)
#[cold]
#[inline(never)]
fn surname_not_time(doc: &Document, t: usize, floor: usize) -> bool {
    let before = t.checked_sub(1).filter(|&b| b >= floor).map(|b| &doc.tokens[b]);
    let after_given = before.is_some_and(|b| b.cap && b.info.has(crate::lexicon::GIVEN_NAME));
    let alone_before_cue = before.is_none_or(|b| b.kind == TokenKind::Punct)
        && doc.tokens.get(t + 1).is_some_and(|n| n.info.is_cue() && !n.cap);
    doc.tokens[t].cap && (after_given || alone_before_cue) && !crate::mentions::names_a_day(doc, &doc.tokens[t])
}

/// A mention ending at token `head`: a pronoun, a name, or a description.
fn phrase_ending_at(doc: &Document, mut head: usize, floor: usize) -> Option<Source> {
    let mut token = &doc.tokens[head];
    // A label word is no speaker where it labels ("Source: Reuters", "Photo"), but "sources"
    // that say something are.
    // (Not the last word of a name, "Judicial Watch: …", but "Photo Credit", "Editor's Note",
    // "The Latest: …"; nor before a verb of speech: "The AP reported …".)
    let named = || {
        (head > floor && {
            let before = &doc.tokens[head - 1];
            before.kind == TokenKind::Word
                && before.cap
                && before.name_like
                && before.possessive == 0
                && !before.info.has(LABEL)
                && !before.info.has(FUNCTION)
        }) || doc.tokens.get(head + 1).is_some_and(|n| n.info.is_cue() && !n.cap)
    };
    let label = token.info.has(LABEL)
        && !named()
        && (!token.info.is_desc()
            || doc
                .tokens
                .get(head + 1)
                .is_some_and(|n| punct_of(doc.text, n) == Some(':')));
    if token.in_quote
        || token.kind != TokenKind::Word
        || (token.info.has(TIME) && !surname_not_time(doc, head, floor))
        || label
    {
        return None;
    }
    if token.info.has(PRONOUN) {
        return Some(Source::new(token.span, head, MentionKind::Pronoun));
    }
    // "He’s claiming that …", "she’s said": the pronoun of a contraction ("’s" is "is" or
    // "has"), not a name "He’s".
    if token.possessive != 0 {
        if let Some(pronoun) = contracted_pronoun(doc, head) {
            return Some(pronoun);
        }
    }
    let is_desc = token.info.is_desc();
    // A capitalised word that is no name ("Years later, …") and no role is not a speaker,
    // unless a reporting verb follows it directly ("Ruiz said …" opening a sentence), or a
    // colon that opens a quotation ("Hollis: “…”", a transcript's or a quote box's speaker).
    // (Past an adverb or auxiliary: "Obama also said …", "Ruiz has warned …".)
    let verb_follows = || {
        let mut next = head + 1;
        while next < head + 3 && doc.tokens.get(next).is_some_and(|n| n.info.has(CUE_MODIFIER) && !n.cap) {
            next += 1;
        }
        doc.tokens.get(next).is_some_and(|n| n.info.is_cue() && !n.cap)
    };
    if token.cap
        && !token.name_like
        && !is_desc
        && ((!verb_follows() && !opens_quote_box(doc, head)) || token.info.has(FUNCTION))
    {
        return None;
    }
    if token.cap && !(is_desc && doc.tokens[head].info.has(TITLE) && head == floor) {
        let mut start = head;
        // (Where the phrase ends: past its head where a person's name heads it, "Ruth Adler of
        // Keystone Bank", below.)
        let mut end = token.span.end;
        let name_word = |t: usize| {
            let token = &doc.tokens[t];
            (token.name_like || token.info.has(TITLE)) && token.kind == TokenKind::Word && !token.in_quote
        };
        loop {
            while start > floor && name_word(start - 1) {
                start -= 1;
            }
            // "Secretary of State John Kerry", "Sen. Ted Cruz of Texas": a name or title goes
            // on before "of" (not "most of Senate Republicans"), a firm's before an ampersand
            // ("Marks & Spencer", "AT&T").
            // (So does an institution's before "for" or "on": "Department for Transport",
            // "Council on Foreign Relations".)
            let of = start >= floor + 2 && (doc.is(start - 1, "of") || doc.is_ampersand(start - 1)) && {
                let before = &doc.tokens[start - 2];
                before.cap && name_word(start - 2)
            } || start >= floor + 2
                && doc.tokens[start - 2].info.has(ORG_WORD)
                && institution_before(doc, start - 1);
            if !of {
                // "Jo Hart of the University of Sydney said": the person, not her employer
                // (an organisation's word first or last; not "Speaker of the House …").
                // (Or within: "the James Martin Center for Nonproliferation Studies".)
                let employer = || (start..=head).any(|i| doc.tokens[i].info.has(ORG_WORD));
                if start >= floor + 3
                    && doc.tokens[start - 1].info.has(DETERMINER)
                    && employer()
                    && doc.is(start - 1, "the")
                    && doc.is(start - 2, "of")
                    && doc.tokens[start - 3].name_like
                    && !doc.tokens[start - 3].info.has(TITLE)
                {
                    (head, token) = (start - 3, &doc.tokens[start - 3]);
                    (start, end) = (head, token.span.end);
                    continue;
                }
                break;
            }
            // "Ruth Adler of Keystone Bank", "Sen. Ted Cruz of Texas": a person's full name
            // before "of" heads the phrase (the name finder names the person on their own).
            if doc.is(start - 1, "of") && surname_before_of(doc, start - 2, floor) {
                (head, token) = (start - 2, &doc.tokens[start - 2]);
            }
            start -= 2;
        }
        if start >= floor + 2 && matches!(doc.word(start - 1), "of" | "the") {
            if let Some(role) = role_of_name(doc, start, head, floor) {
                return Some(role);
            }
        }
        // "Union leader Ana Ruiz said" opening a sentence: the capital before a title is the
        // title's, though no name finder calls a sentence's first word a name.
        if start > floor && doc.tokens[start].info.has(TITLE) && opens_sentence_before_title(doc, start - 1) {
            start -= 1;
        }
        // "press secretary Alan Pierce", "White House press secretary Josh Earnest": a
        // lowercase title's modifier, and the name words before it, are the title's.
        if start > floor
            && doc.tokens[start].info.has(TITLE)
            && !doc.tokens[start].cap
            && modifies_title(doc, start - 1)
        {
            start -= 1;
            while start > floor && name_word(start - 1) {
                start -= 1;
            }
        }
        // "The" at the start of a sentence is not part of a name (but "AT" of "AT&T" is).
        if start < head && doc.tokens[start].info.has(FUNCTION) && !doc.is_ampersand(start + 1) {
            start += 1;
        }
        if doc.tokens[start].info.has(FUNCTION) && start == head {
            return None;
        }
        // ("The Washington Post said": a message word capitalised after a name's word ends a
        // newspaper's name, not a description of a post.)
        let kind = match token.info.desc() {
            Some(DescKind::Message) if start < head => MentionKind::Name,
            Some(desc) if !is_proper_name(doc, start, head) => MentionKind::Description(desc),
            _ => MentionKind::Name,
        };
        return Some(Source::new(Span::new(doc.tokens[start].span.start, end), head, kind));
    }
    let Some(desc) = token.info.desc() else {
        return title_completed_by(doc, head, floor);
    };
    // Walk left over modifiers to the determiner: "a senior Russian government advisor".
    let mut start = head;
    while start > floor && head - start < 6 {
        let prev = &doc.tokens[start - 1];
        if prev.kind != TokenKind::Word || prev.in_quote || prev.info.is_cue() {
            // (A plural's possessive with its determiner: "the pilots' union".)
            if prev.kind == TokenKind::Punct {
                start = plural_possessive_start(doc, start - 1, floor).unwrap_or(start);
            }
            break;
        }
        // ("Packer, who is chairman of the PAC said": a form of "be" is no modifier.)
        if prev.info.has(CUE_MODIFIER) && word_in(doc, start - 1, &BE) {
            break;
        }
        start -= 1;
        if prev.info.has(DETERMINER) {
            break;
        }
        // (A possessive with its determiner: "the mayor's spokeswoman", and with up to two
        // words that modify it: "the prime minister's spokesman".)
        if prev.possessive != 0 {
            let determiner =
                |i: usize| i > floor && doc.tokens[i - 1].info.has(DETERMINER) && !doc.tokens[i - 1].in_quote;
            let mut k = start;
            // (Not before a name's possessive: "the ones Trump's campaign hopes to …".)
            while k > floor && start - k < 2 && !prev.cap && modifies_title(doc, k - 1) {
                k -= 1;
            }
            if determiner(k) {
                start = k - 1;
            } else if determiner(start) {
                start -= 1;
            }
            break;
        }
        if prev.info.has(FUNCTION) {
            start += 1;
            break;
        }
    }
    if let Some(role) = role_completed_by(doc, start, head, floor) {
        return Some(role);
    }
    Some(Source::new(
        Span::new(doc.tokens[start].span.start, token.span.end),
        head,
        MentionKind::Description(desc),
    ))
}

/// Is token `t` the "for" or "on" of an institution's name, after its capitalised word
/// ("Department for Transport", "Council on Foreign Relations")? (Rare: out of line.)
#[cold]
#[inline(never)]
fn institution_before(doc: &Document, t: usize) -> bool {
    let before = &doc.tokens[t - 1];
    (doc.is(t, "for") || doc.is(t, "on")) && before.cap && before.info.has(ORG_WORD) && !before.in_quote
}

/// Is token `t`, before "of", the surname of a person's full name: no given name, title or
/// organisation's word itself, after a given name within two words (not before `floor`)?
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn surname_before_of(doc: &Document, t: usize, floor: usize) -> bool {
    let surname = &doc.tokens[t];
    !surname.info.has(crate::lexicon::GIVEN_NAME)
        && !surname.info.has(TITLE)
        && !surname.info.has(ORG_WORD)
        && (t.saturating_sub(2).max(floor)..t).any(|i| doc.tokens[i].info.has(crate::lexicon::GIVEN_NAME))
}

/// "The governor of Texas said", "critics of Obama say", "the director of the Food Bank
/// said": the role or group of the name at `start..=head` speaks, not the name. Not a title's,
/// capitalised where no sentence starts ("Speaker of the House Rep. Paul Ryan"), nor a
/// preposition's object ("in a meeting with the editorial board of the Washington Post Trump
/// said"). (Rare: out of line.)
#[cold]
#[inline(never)]
fn role_of_name(doc: &Document, start: usize, head: usize, floor: usize) -> Option<Source> {
    let the = usize::from(doc.is(start - 1, "the"));
    let of = (start - 1 - the).max(floor);
    if of <= floor || !doc.is(of, "of") || (doc.tokens[of - 1].cap && of - 1 != floor) {
        return None;
    }
    let role = role_completed_by(doc, of + 1, head, floor)?;
    let before = first_token_of(doc, &role).checked_sub(1).filter(|&b| b >= floor);
    before.is_none_or(|b| !word_in(doc, b, &PREPOSITIONS)).then_some(role)
}

/// Where the plural's possessive that ends with the apostrophe at `mark` starts, with its
/// determiner: "the pilots' union", "teachers’ unions". An apostrophe right after a word in
/// "s" and before a space, which no quotation closes there. (Rare: out of line.)
#[cold]
#[inline(never)]
fn plural_possessive_start(doc: &Document, mark: usize, floor: usize) -> Option<usize> {
    let apostrophe =
        matches!(punct_of(doc.text, &doc.tokens[mark]), Some('\'' | '’')) && doc.tokens[mark].mark == Mark::None;
    let plural = mark.checked_sub(1).filter(|&w| w >= floor && apostrophe)?;
    let word = &doc.tokens[plural];
    if word.kind != TokenKind::Word
        || word.span.end != doc.tokens[mark].span.start
        || !word_ends_with(doc, plural, b"s")
    {
        return None;
    }
    let determined = plural > floor && doc.tokens[plural - 1].info.has(DETERMINER);
    Some(plural - usize::from(determined))
}

/// Is token `t` a lowercase noun before a lowercase title, that the title's phrase holds
/// ("press" of "press secretary", "foreign" of "foreign minister")? No function word, verb of
/// speech, time, past form or participle ("thanked", "backing" stand before an object).
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn modifies_title(doc: &Document, t: usize) -> bool {
    let token = &doc.tokens[t];
    token.kind == TokenKind::Word
        && !token.cap
        && !token.in_quote
        && token.possessive == 0
        && !token.info.has(FUNCTION)
        && !token.info.has(DETERMINER)
        && !token.info.has(PRONOUN)
        && !token.info.has(TIME)
        && !token.info.is_cue()
        && !word_ends_with(doc, t, b"ed")
        && !word_ends_with(doc, t, b"ing")
        && !word_ends_with(doc, t, b"ly")
}

/// Is token `t` a capitalised word that opens its sentence, no function word or cue, before a
/// title ("Union leader …", "Campaign manager …")? (Rare: out of line.)
#[cold]
#[inline(never)]
fn opens_sentence_before_title(doc: &Document, t: usize) -> bool {
    let token = &doc.tokens[t];
    token.kind == TokenKind::Word
        && token.cap
        && !token.in_quote
        && !token.info.has(FUNCTION)
        && !token.info.is_cue()
        && !token.info.has(LABEL)
        && sentence_start(doc, t) == t
}

/// Is `source` a pronoun that stands as a verb's object ("put it", "told them"): "it" or an
/// object pronoun right after a lowercase word that is no function word?
fn is_object_pronoun(doc: &Document, source: &Source) -> bool {
    let head = source.head;
    source.kind == MentionKind::Pronoun
        && head > 0
        && (word_in(doc, head, &OBJECT_PRONOUNS) || eq_ignore_case(bytes_of(doc, head), b"it"))
        && {
            let before = &doc.tokens[head - 1];
            before.kind == TokenKind::Word && !before.cap && !before.info.has(FUNCTION)
        }
}

/// "Hollis: “…”": the word at `head` is followed by a colon that opens a quotation, and is
/// written as a name is (a capital, then lowercase: not a shouted "BREAKING"); or it is a
/// headline's speaker, opening the first line ("Insiders: Trump will rebound", "AP: …"),
/// written as a name or as an acronym of up to four capitals. Labels ("Photo:", "Update:",
/// "Exclusive:") are turned away before, by the lexicon (data/lexicons/labels.txt).
/// (Asked only of a capitalised word not known as a name, mostly a sentence's first.)
fn opens_quote_box(doc: &Document, head: usize) -> bool {
    let colon = head + 1;
    if colon + 1 >= doc.tokens.len() || punct_of(doc.text, &doc.tokens[colon]) != Some(':') {
        return false;
    }
    let word = bytes_of(doc, head);
    let as_name = word.get(1).is_some_and(u8::is_ascii_lowercase);
    if doc.tokens[colon + 1].mark == Mark::Open {
        return as_name;
    }
    let acronym = word.len() <= 4 && word.iter().all(u8::is_ascii_uppercase);
    (as_name || acronym) && doc.tokens[colon + 1].kind == TokenKind::Word && opens_headline(doc, head)
}

/// Is token `t` among the first four of a first line that is a paragraph of its own?
fn opens_headline(doc: &Document, t: usize) -> bool {
    let (Some(first), Some(second)) = (doc.lines.first(), doc.lines.get(1)) else {
        return false;
    };
    first.tokens.contains(&t) && t - first.tokens.start < 4 && second.paragraph != first.paragraph
}

/// "Russian Official" in a title-case headline is a description; "Kirill Dmitriev" a name.
fn is_proper_name(doc: &Document, start: usize, head: usize) -> bool {
    (start..head).any(|t| doc.tokens[t].info.has(crate::lexicon::GIVEN_NAME))
}

/// The mention just right of a cue: “…,” said Smith / said the official / Says Russian Official.
fn source_right(doc: &Document, cue: usize) -> Option<Source> {
    let line_end = doc.lines[doc.tokens[cue].line as usize].tokens.end;
    let first = cue + 1;
    if first >= line_end {
        return None;
    }
    let token = &doc.tokens[first];
    // (A number may modify what follows it: "a 2015 Gallup survey", "the 10-page report",
    // "said 2012 nominee Mitt Romney".)
    let modifying_number = |i: usize| {
        doc.tokens[i].kind == TokenKind::Number
            && doc
                .tokens
                .get(i + 1)
                .is_some_and(|w| i + 1 < line_end && w.kind == TokenKind::Word)
    };
    // (Unless a number opens the phrase, the first word decides whether one may start here.)
    if !modifying_number(first) || token.in_quote {
        if token.in_quote || token.kind != TokenKind::Word || token.info.has(TIME) {
            return None;
        }
        if token.info.has(PRONOUN) {
            return Some(Source::new(token.span, first, MentionKind::Pronoun));
        }
        // ("asked in the video": a preposition opens no speaker.)
        if !token.cap && token.info.has(FUNCTION) && !token.info.has(DETERMINER) && !token.info.has(QUANTIFIER) {
            return None;
        }
    }
    // The phrase runs to the next punctuation, bounded.
    let mut end = first;
    while end + 1 < line_end && end - first < 7 {
        let next = &doc.tokens[end + 1];
        if modifying_number(end + 1) && !next.in_quote {
            end += 1;
            continue;
        }
        // (Nor past a verb: "insists the GOP must be a party" names no speaker.)
        if next.kind != TokenKind::Word
            || next.in_quote
            || (!next.cap && next.info.has(FUNCTION) && !next.info.has(DETERMINER))
            || (!next.cap && auxiliary_at(doc, end + 1, line_end))
        {
            break;
        }
        // (In a headline, where the cue is capitalised too, a capitalised verb after the
        // phrase makes the words after the cue a clause, no speaker: "…, Says Board Ignored
        // Warnings", "…, Says Port Will Reopen"; not "Says Retired General", whose participle
        // opens the phrase.)
        if next.cap && doc.tokens[cue].cap && end + 1 < line_end && title_case_verb(doc, end + 1) {
            return None;
        }
        // ("says Smith today" ends at the name; "says Kremlin envoy", "said RNC spokesman Sean
        // Spicer" go on to the description the name opening the phrase modifies.)
        let modified = next.info.is_desc() && (doc.tokens[first].cap || (end == first + 1 && doc.tokens[end].cap));
        if !next.cap && doc.tokens[end].cap && !doc.tokens[first].info.has(DETERMINER) && !modified {
            break;
        }
        end += 1;
    }
    // "said one of the advisers", "said some of his aides": a part of the phrase after "of".
    if end == first && first + 1 < line_end && is_word(doc, first + 1, None, b"of") && is_part_word(doc, first) {
        let whole = source_right(doc, first + 1)?;
        return Some(Source::new(
            Span::new(token.span.start, whole.span.end),
            whole.head,
            whole.kind,
        ));
    }
    // "a senior official involved in the talks": the phrase ends at its last noun.
    while end > first
        && (!doc.tokens[end].cap && !doc.tokens[end].info.is_desc() || doc.tokens[end].kind == TokenKind::Number)
    {
        end -= 1;
    }
    // "said the designer,": a determiner and a noun the lexicon does not know, where the
    // phrase ends, is a description too.
    if end == first && plain_noun_closes(doc, first, line_end) {
        let span = Span::new(token.span.start, doc.tokens[first + 1].span.end);
        return Some(Source::new(span, first + 1, MentionKind::Description(DescKind::Person)));
    }
    // The head is the last word; a possessive or a determiner alone is no speaker.
    let head_token = &doc.tokens[end];
    let kind = if head_token.cap && head_token.info.desc().is_none_or(|_| is_proper_name(doc, first, end)) {
        MentionKind::Name
    } else {
        MentionKind::Description(head_token.info.desc()?)
    };
    // (But for a word before a title or name: "said former Rep. George Miller", "said former
    // Obama adviser David Axelrod".)
    // (Or lowercase words with a description among them before the name: "said conservative
    // activist Bob Klaus", "said former tech executive Carly Fiorina".)
    let before_title = || {
        let info = &doc.tokens[first].info;
        let name_at = |t: &Token| t.cap && (t.info.has(TITLE) || t.name_like);
        let described = || {
            let lowercase =
                |t: &Token| t.kind == TokenKind::Word && !t.cap && !t.info.has(FUNCTION) && !t.info.is_cue();
            let words = doc.tokens[first..end.min(first + 4)]
                .iter()
                .take_while(|t| lowercase(t))
                .count();
            (2..=3).contains(&words)
                && doc.tokens[first..first + words].iter().any(|t| t.info.is_desc())
                && doc.tokens.get(first + words).is_some_and(name_at)
        };
        !info.has(FUNCTION) && !info.is_cue() && (doc.tokens.get(first + 1).is_some_and(name_at) || described())
    };
    let opener = doc.tokens[first].cap || doc.tokens[first].info.has(DETERMINER) || modifying_number(first);
    if kind == MentionKind::Name && !opener && !before_title() {
        return None;
    }
    Some(Source::new(Span::new(token.span.start, head_token.span.end), end, kind))
}

/// Is token `t`, capitalised as a headline writes every word, a verb: an auxiliary ("Will",
/// "Is", "Has") or a past tense in -ed after a word that is no adverb in -ly ("Board Ignored",
/// not "Newly Elected")? (Rare: out of line.)
#[cold]
#[inline(never)]
fn title_case_verb(doc: &Document, t: usize) -> bool {
    let word = bytes_of(doc, t);
    let past = word.len() > 4 && word.ends_with(b"ed") && !word_ends_with(doc, t - 1, b"ly");
    past || word_in(doc, t, &AUXILIARIES) || word_in(doc, t, &BE)
}

/// Is token `t` a word that names a part: a quantifier ("some", "most") or a count ("one",
/// "two", "dozens", "3")? (Rare: out of line.)
#[cold]
#[inline(never)]
fn is_part_word(doc: &Document, t: usize) -> bool {
    let token = &doc.tokens[t];
    token.kind == TokenKind::Number
        || token.info.has(QUANTIFIER)
        || word_in(doc, t, &NUMBERS)
        || is_word(doc, t, None, b"one")
}

/// Is token `det` an article ("the", "a", "an"; not a possessive: "read her sign") followed
/// by a plain lowercase word, no function word, cue or time, that ends the phrase:
/// punctuation, "who" or the line's end after it? (Rare: out of line.)
#[cold]
#[inline(never)]
fn plain_noun_closes(doc: &Document, det: usize, line_end: usize) -> bool {
    let noun = det + 1;
    word_in(doc, det, &const { keys(["the", "a", "an"]) })
        && noun < line_end
        && doc.tokens.get(noun).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !t.cap
                && !t.in_quote
                && !t.info.has(FUNCTION)
                && !t.info.is_cue()
                && !t.info.has(TIME)
        })
        && (noun + 1 >= line_end || doc.tokens[noun + 1].kind == TokenKind::Punct || is_who_stem(doc, noun + 1))
}

/// The subject of the sentence holding `cue` (sentence `s`, which callers mostly know), for
/// cues that share it: "Putin expressed hope, stating, “…”" / "… but warned that …".
fn subject_of(doc: &Document, cue: usize, s: usize) -> Option<Source> {
    let sentence = doc.sentences.get(s)?;
    // (", which adds …": a relative clause's subject is its "which", never the sentence's.)
    if cue > sentence.tokens.start && is_which(doc, cue - 1) {
        return Some(relative_who(doc, cue - 1, sentence.tokens.start));
    }
    let t = sentence.tokens.start.max(cue.saturating_sub(STATEMENT_WINDOW));
    // "Lazar said he welcomed it and added, “…”": a verb joined by "and" shares the subject
    // of the cue before it, which an opening phrase ("In an interview with journalist Matei
    // Rosca, …") no longer hides.
    if let Some(source) = joined_subject(doc, cue, sentence.tokens.start, t) {
        return Some(source);
    }
    // A participle's subject is its clause's, where that clause has one: past an opening
    // clause ("After Trump called …, Clinton's aide rallied supporters, saying"), or from the
    // last one joined by a comma and a conjunction ("…, as Mrs. Clinton echoed the criticism,
    // saying"; not "…, before insisting", whose subject is the sentence's).
    if word_ends_with(doc, cue, b"ing") {
        // "…, Mr. Manafort said, adding that …": the participle goes on from the attribution
        // just before it, whatever the sentence's subject.
        if let Some(source) = attribution_before_comma(doc, cue, sentence.tokens.start) {
            return Some(source);
        }
        let clause = clause_start(doc, t, cue);
        if clause != t {
            if let Some(subject) = subject_from(doc, sentence, clause, cue) {
                return Some(subject);
            }
        }
    }
    subject_from(doc, sentence, t, cue)
}

/// For a cue right after "and" ("and added", "and also warned"), the source of the first cue
/// of its sentence (from `first`, the source from `floor`), outside quotations. (Out of line:
/// asked of every subject looked for, it seldom finds one.)
#[inline(never)]
fn joined_subject(doc: &Document, cue: usize, first: usize, floor: usize) -> Option<Source> {
    let mut before = cue.checked_sub(1)?;
    while before > first && doc.tokens[before].info.has(CUE_MODIFIER) {
        before -= 1;
    }
    if before <= first || !is_word(doc, before, None, b"and") {
        return None;
    }
    let earlier = (first..before).find(|&t| doc.tokens[t].info.is_cue() && !doc.tokens[t].in_quote)?;
    source_left(doc, earlier, floor)
}

/// For a participle at `cue` right after a comma: the source of the attribution the comma
/// closes, "X said," (past a time word: "X said Tuesday,") or "said X,". (Rare: out of line.)
#[cold]
#[inline(never)]
fn attribution_before_comma(doc: &Document, cue: usize, floor: usize) -> Option<Source> {
    let comma = cue.checked_sub(1).filter(|&c| c > floor && is_punct(doc, c, b','))?;
    let mut k = comma - 1;
    while k > floor && comma - k <= 2 && doc.tokens[k].info.has(TIME) {
        k -= 1;
    }
    let token = &doc.tokens[k];
    if token.kind == TokenKind::Word && !token.in_quote && token.info.is_cue() && !token.cap {
        return source_left(doc, k, floor);
    }
    // "said Jane Doe, adding": a verb of speech up to four words before the comma, its speaker
    // after it (not an object's verb or a listener's: "attacked Trump, saying", "told AIPAC,").
    let said = (comma.saturating_sub(5).max(floor)..comma).rev().find(|&i| {
        let t = &doc.tokens[i];
        t.kind == TokenKind::Word
            && !t.in_quote
            && !t.cap
            && t.info.cue() == Some(CueClass::Speech)
            && !t.info.has(OBJECT)
    })?;
    source_right(doc, said).filter(|source| source.head + 1 == comma)
}

/// [`subject_of`] from token `t` of `sentence`: past the whole object of a preposition ("In
/// an interview with The Wall Street Journal, Trump said"), else, where no subject is found
/// that way, past its first word only.
fn subject_from(doc: &Document, sentence: &crate::segment::Sentence, t: usize, cue: usize) -> Option<Source> {
    subject_past(doc, sentence, t, cue, true).or_else(|| subject_past(doc, sentence, t, cue, false))
}

/// [`subject_from`], past the whole of each object of a preposition (`whole_objects`) or
/// past its first word.
fn subject_past(
    doc: &Document,
    sentence: &crate::segment::Sentence,
    mut t: usize,
    cue: usize,
    whole_objects: bool,
) -> Option<Source> {
    // A word that may head the subject: a pronoun, a name or a description. A tight scan steps
    // from one to the next; only they get the look around below.
    // (Its parts are tested with no branch between them: which of them decides is the
    // text's choice.)
    let may_head = |x: &Token| {
        (x.kind == TokenKind::Word)
            & !x.in_quote
            & (x.info.has(PRONOUN) | ((x.name_like | x.info.is_desc()) & !x.info.has(FUNCTION)))
    };
    // "New York (AFP) – …": past a dateline with its agency, whose words (the place, unknown
    // as a name at the sentence's start, and the agency) head nothing.
    // (Only where a line starts, as datelines do.)
    if t == sentence.tokens.start && doc.lines[sentence.line].tokens.start == t {
        t = past_agency_dateline(doc, t, cue).unwrap_or(t);
    }
    // "Berg praised the plan, adding …": a name seen first here, where a sentence's first
    // capital is no sign of one, is the subject of the participle's clause.
    if t == sentence.tokens.start && word_ends_with(doc, cue, b"ing") {
        if let Some(source) = unknown_name_before_verb(doc, t, cue) {
            return Some(source);
        }
    }
    while let Some(i) = doc.tokens.get(t..cue).and_then(|rest| rest.iter().position(may_head)) {
        t += i;
        // "in the Holocaust, who would say …": the object of a preposition is no subject,
        // a determiner between them or not.
        // ("Then Trump went on the attack, saying": an adverb of time before a name is no
        // preposition; but "Earlier Wednesday, …", "the last GOP debate".)
        let adverb = || {
            doc.tokens[t - 1].info.has(CUE_MODIFIER)
                && !doc.tokens[t].info.has(TIME)
                && key_of(doc, t - 1) != key("last")
        };
        let after_preposition = t > sentence.tokens.start
            && ((doc.tokens[t - 1].info.has(NOT_CLAUSE_START) && !adverb())
                || object_of_preposition(doc, t, sentence.tokens.start));
        // "It is worth noting …", "It was then that they started saying …": a placeholder
        // "it" before a form of "be" (not "it is saying") speaks for nobody.
        let placeholder = || eq_ignore_case(bytes_of(doc, t), b"it") && t + 2 < cue && word_in(doc, t + 1, &BE);
        if !(after_preposition || placeholder()) {
            // Extend to the end of the phrase.
            let mut end = t;
            while end + 1 < cue
                && doc.tokens[end + 1].kind == TokenKind::Word
                && (doc.tokens[end + 1].cap || doc.tokens[end + 1].info.is_desc())
            {
                end += 1;
            }
            let possessive = doc.tokens[end].possessive != 0;
            // "Joe, I want to tell you …": a name set off by a comma before a pronoun that
            // opens the clause is addressed, not speaking.
            let vocative = end + 2 < cue
                && is_punct(doc, end + 1, b',')
                && (doc.tokens[end + 2].info.has(PRONOUN) || eq_ignore_case(bytes_of(doc, end + 2), b"you"))
                && !doc.tokens[end + 2].info.has(DETERMINER)
                && !is_who_stem(doc, end + 2);
            let dateline = t - sentence.tokens.start <= 5 && ends_dateline(doc, sentence.tokens.start, end, cue);
            // "in Salem, New Hampshire, Trump …": a state or country set off by commas after
            // a capitalised name is that place's, not the clause's subject.
            let place_of_place = t >= sentence.tokens.start + 2
                && end + 1 < cue
                && is_punct(doc, t - 1, b',')
                && doc.tokens[t - 2].cap
                && is_punct(doc, end + 1, b',')
                && is_place(doc, t, end);
            if possessive || vocative || dateline || place_of_place {
                // (A dateline's agency in brackets goes with it: "New York (AFP) – …".)
                t = if dateline && is_punct(doc, end + 1, b'(') {
                    end + 5
                } else {
                    end + 1
                };
                continue;
            }
            let mut phrase = phrase_ending_at(doc, end, sentence.tokens.start);
            // "The head of the trust defended …, saying": a role with what it is the role of.
            if let Some(role) = phrase.filter(|p| matches!(p.kind, MentionKind::Description(_))) {
                if end + 2 < cue && doc.is(end + 1, "of") {
                    phrase = Some(role_with_complement(doc, role, end + 2, cue, sentence.tokens.start));
                }
            }
            // "In a statement released Thursday, Rep. Jeffries …": a time that is no speaker
            // ends an adverbial, and the subject is still ahead.
            if phrase.is_none() && doc.tokens[end].info.has(TIME) {
                t = end + 1;
                continue;
            }
            return phrase;
        }
        // (An opening phrase, "On Tuesday, …", is passed over like any word that is not it.)
        if after_preposition && whole_objects {
            while t + 1 < cue && doc.tokens[t + 1].kind == TokenKind::Word && doc.tokens[t + 1].cap {
                t += 1;
            }
        }
        t += 1;
    }
    None
}

/// Is the word at `t` the head of a preposition's object, after its determiner and perhaps
/// one plain word that modifies it ("in the crowd", "At a school board meeting": not "a
/// school board", a speaker, but part of the meeting's place)? (Not two: "of the debate led
/// Republicans to say" has a verb between.)
fn object_of_preposition(doc: &Document, t: usize, first: usize) -> bool {
    let mut k = t - 1;
    if k > first
        && doc.tokens[k].kind == TokenKind::Word
        && !doc.tokens[k].cap
        && !doc.tokens[k].info.has(DETERMINER | FUNCTION)
        && !doc.tokens[k].info.is_cue()
    {
        k -= 1;
    }
    k > first && doc.tokens[k].info.has(DETERMINER) && word_in(doc, k - 1, &PREPOSITIONS)
}

/// The source at `first`, a sentence's first word, a capitalised word not known as a name
/// (nor a function word) right before a cue of its own in the past or present tense (before
/// the participle at `cue`): the cue's own subject, as [`source_left_of`] finds it. (Not a
/// bare form: "Talk show host Glenn Beck".)
fn unknown_name_before_verb(doc: &Document, first: usize, cue: usize) -> Option<Source> {
    let word = &doc.tokens[first];
    let verb = first + 1;
    let tensed = || word_ends_with(doc, verb, b"s") || word_ends_with(doc, verb, b"d") || doc.is(verb, "wrote");
    (verb < cue
        && word.kind == TokenKind::Word
        && word.cap
        && !word.name_like
        && !word.in_quote
        && !word.info.has(FUNCTION | DETERMINER | PRONOUN)
        && doc.tokens[verb].info.is_cue()
        && !doc.tokens[verb].in_quote
        && tensed())
    .then(|| source_left_of(doc, verb, first))
    .flatten()
}

/// Where the sentence after a dateline with its agency starts: the sentence opening at
/// `first` with up to six capitalised words (commas and stops between them), "(AFP)" and a
/// dash, all before `cue`. (Rare: out of line.)
#[cold]
#[inline(never)]
fn past_agency_dateline(doc: &Document, first: usize, cue: usize) -> Option<usize> {
    let open = (first..cue.min(first + 8)).find(|&i| is_punct(doc, i, b'('))?;
    let placelike = open > first && is_place_words(doc, first..open);
    let dash = |i: usize| i < cue && is_dash(doc, i);
    (placelike && open + 3 < cue && is_punct(doc, open + 2, b')') && dash(open + 3)).then(|| past_dash(doc, open + 3))
}

/// Are the tokens `place` a dateline's place: capitalised words, commas and stops ("SAN JOSE,
/// Calif.")?
fn is_place_words(doc: &Document, place: std::ops::Range<usize>) -> bool {
    doc.tokens[place]
        .iter()
        .all(|x| x.cap || (x.kind == TokenKind::Punct && matches!(doc.text.as_bytes()[x.span.start], b',' | b'.')))
}

/// Is token `t` a word of two letters or more in capitals ("WASHINGTON", "AP")?
fn is_shouted(doc: &Document, t: usize) -> bool {
    let word = bytes_of(doc, t);
    word.len() >= 2 && word.iter().all(|b| !b.is_ascii_lowercase())
}

/// Where a statement that opens `sentence` and ends before `cue` starts: the byte after the
/// dateline that opens its line, if any ([`past_dateline`]). (Out of line, and asked only once
/// such a statement is found: at the top of its caller, for every cue, it cost 0.4% of all
/// instructions, the caller being too big to inline then.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn statement_start(doc: &Document, sentence: &crate::segment::Sentence, cue: usize) -> usize {
    doc.tokens[past_dateline(doc, sentence, cue)].span.start
}

/// Where a sentence's own words start after the dateline that opens its line, if any:
/// "BERLIN (Reuters) - Germany's minister resigned, …", "WASHINGTON — …", "LONDON, Dec. 8
/// (UPI) — …": a place in capitals (or any capitalised place before an agency in brackets),
/// perhaps a date, then a dash, all before `cue`. The dateline is no part of a statement.
pub(crate) fn past_dateline(doc: &Document, sentence: &crate::segment::Sentence, cue: usize) -> usize {
    let first = sentence.tokens.start;
    // (Most sentences open with a word in lowercase or Title Case: one test of the first
    // word's second byte passes them by.)
    let shouted = |t: usize| is_shouted(doc, t);
    let line_start = doc.lines[sentence.line].tokens.start;
    if line_start != first {
        // (A state's abbreviation ends a sentence the tokenizer cannot tell from one: "SAN
        // JOSE, Calif. (AP) — …" leaves the agency and its dash to open the next.)
        if is_punct(doc, first, b'(') || is_dash(doc, first) {
            return past_split_dateline(doc, line_start, first, cue);
        }
        return first;
    }
    // (A live blog's entry opens with its time: "9:42 p.m. — Holloway has conceded …".)
    if doc.tokens[first].kind == TokenKind::Number {
        return clock_time_end(doc, first, cue).unwrap_or(first);
    }
    if doc.tokens[first].kind != TokenKind::Word
        || !(shouted(first) || doc.tokens[first].cap && (first + 1..cue.min(first + 4)).any(|t| is_punct(doc, t, b'(')))
    {
        return first;
    }
    dateline_end(doc, first, cue).unwrap_or(first)
}

/// Is `sentence` the place of a dateline whose agency a state's abbreviation split off into
/// the next sentence ("FRESNO, Calif." before "(AP) — …")? No statement, then.
pub(crate) fn is_split_dateline_place(doc: &Document, sentence: &crate::segment::Sentence) -> bool {
    let (first, next) = (sentence.tokens.start, sentence.tokens.end);
    next < doc.tokens.len()
        && (is_punct(doc, next, b'(') || is_dash(doc, next))
        && split_dateline_place(doc, sentence.line, first, next)
}

/// For [`is_split_dateline_place`], once the next sentence opens with a bracket. (Rare: out
/// of line.)
#[cold]
#[inline(never)]
fn split_dateline_place(doc: &Document, line: usize, first: usize, next: usize) -> bool {
    doc.lines[line].tokens.start == first && past_split_dateline(doc, first, next, doc.tokens.len()) > next
}

/// For [`past_dateline`]: where the sentence `first` that opens with a dateline's "(AP) —"
/// (or its bare dash, "HARTFORD, Conn. — …") starts its own words, when the words before it
/// on its line, from `line_start`, are the dateline's place. (Rare: out of line.)
#[cold]
#[inline(never)]
fn past_split_dateline(doc: &Document, line_start: usize, first: usize, cue: usize) -> usize {
    // (The agency's bracket or dash found from the line's start must be the sentence's own;
    // without an agency, the place must be in capitals, as a dateline's is.)
    let after = if is_dash(doc, first) {
        is_shouted(doc, line_start)
            .then(|| dateline_end(doc, line_start, cue))
            .flatten()
    } else {
        past_agency_dateline(doc, line_start, cue)
    };
    match after {
        Some(after) if after > first => after,
        _ => first,
    }
}

/// For [`past_dateline`]: the token after the dash of a clock time that opens a line ("9:42
/// p.m. —", "10:05 ET –"): a number with a colon, at most two words after it, then the dash.
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn clock_time_end(doc: &Document, first: usize, cue: usize) -> Option<usize> {
    let dash = (first + 1..cue.min(first + 6)).find(|&i| is_dash(doc, i))?;
    let time = Span::new(doc.tokens[first].span.start, doc.tokens[dash].span.start).of(doc.text);
    // (The hour and minutes, then "a.m.", "p.m." or a zone in capitals: no word of a sentence.)
    let words = doc.tokens[first..dash].iter().filter(|x| x.kind == TokenKind::Word);
    let clock = time.contains(':') && words.clone().count() <= 2;
    (clock && words.clone().all(|x| x.span.len() <= 4) && dash + 1 < cue).then(|| past_dash(doc, dash))
}

/// For [`past_dateline`]: the token after a dateline's dash. (Rare: out of line.)
#[cold]
#[inline(never)]
fn dateline_end(doc: &Document, first: usize, cue: usize) -> Option<usize> {
    if let Some(after) = past_agency_dateline(doc, first, cue) {
        return Some(after);
    }
    let dash = (first + 1..cue.min(first + 12)).find(|&i| is_dash(doc, i))?;
    // The place in capitals, then commas, stops, a date's words and numbers, an agency in
    // brackets: nothing in lowercase but a date's abbreviation ("Dec.").
    let dateline = doc.tokens[first..dash].iter().all(|x| match x.kind {
        TokenKind::Word => x.cap,
        TokenKind::Number => true,
        TokenKind::Punct => matches!(doc.text.as_bytes()[x.span.start], b',' | b'.' | b'(' | b')'),
    });
    (dateline && dash + 1 < cue).then(|| past_dash(doc, dash))
}

/// The token after the dash `dash`, or after the second hyphen of a typed dash ("--").
fn past_dash(doc: &Document, dash: usize) -> usize {
    // (A hyphen right after the dash is the next token.)
    dash + 1 + usize::from(doc.text.as_bytes().get(doc.tokens[dash].span.end) == Some(&b'-'))
}

/// Do the words `first..=end` name a place ([`crate::lexicon::not_a_person`])? (Rare: out of
/// line.)
#[cold]
#[inline(never)]
fn is_place(doc: &Document, first: usize, end: usize) -> bool {
    let name = Span::new(doc.tokens[first].span.start, doc.tokens[end].span.end).of(doc.text);
    crate::lexicon::not_a_person(name.as_bytes()) == Some(crate::lexicon::NotAPerson::Place)
}

/// "MYRTLE BEACH, S.C. - Sen. Ted Cruz …", "COLUMBIA, S.C. (AP) — …", "New York (AFP) – …":
/// do the words `first..=end` open the sentence as a dateline (capitals only, then a dash
/// after a shouted first word, or "(AP)" and a dash, before `cue`)? A dateline's place is no
/// subject. (Rare: out of line.)
#[cold]
#[inline(never)]
fn ends_dateline(doc: &Document, first: usize, end: usize, cue: usize) -> bool {
    let dash = |i: usize| i < cue && is_dash(doc, i);
    let shouted = bytes_of(doc, first).len() >= 2 && bytes_of(doc, first).iter().all(|b| !b.is_ascii_lowercase());
    // (With an agency in brackets the place may be in Title Case: "New York (AFP) – …".)
    let agency = is_punct(doc, end + 1, b'(') && end + 4 < cue && is_punct(doc, end + 3, b')') && dash(end + 4);
    doc.tokens[first..=end]
        .iter()
        .all(|x| x.kind == TokenKind::Punct || x.cap)
        && ((shouted && dash(end + 1)) || agency)
}

/// Where the clause holding `cue` starts, from `first` (a sentence's first token): after
/// the last comma and conjunction that open a clause before the cue, else, in a sentence
/// opened by a subordinate or participle clause ("After …,", "Standing beside …,"), after
/// that clause's comma; else `first`. (Asked only for a participle's subject.)
#[inline(never)]
fn clause_start(doc: &Document, first: usize, cue: usize) -> usize {
    // (A clause of time or cause set off by commas before the participle is an aside in the
    // sentence's own: "…, after her statement was shown to be false, stating …".)
    let set_off = |i: usize| (i..cue).any(|j| is_punct(doc, j, b','));
    let joined = (first + 1..cue).rev().find(|&i| {
        is_punct(doc, i - 1, b',')
            && word_in(doc, i, &SUBJECT_CLAUSE_OPENERS)
            && (word_in(doc, i, &const { keys(["as", "while", "when", "but"]) }) || !set_off(i))
    });
    if let Some(j) = joined {
        return j + 1;
    }
    let opener = &doc.tokens[first];
    let opens_clause = word_in(doc, first, &SUBJECT_CLAUSE_OPENERS)
        || (opener.cap && !opener.name_like && opener.kind == TokenKind::Word && word_ends_with(doc, first, b"ing"));
    if !opens_clause {
        return first;
    }
    (first + 1..cue)
        .find(|&i| is_punct(doc, i, b','))
        .map_or(first, |comma| comma + 1)
}

/// Words that open a clause subordinate or joined to another: its subject is its own.
const SUBJECT_CLAUSE_OPENERS: KeySet<12> = keys([
    "as", "while", "because", "when", "although", "though", "since", "after", "before", "until", "once", "but",
]);

/// Reported speech from the cues no quotation used (`used`, in text order).
fn reported_speech(
    doc: &Document,
    mentions: &mut Mentions,
    used: &[usize],
    quoted: &mut QuotedWords,
    found_quotes: &[Quoted],
    (quotes, reach): (&mut [AttributedQuote], &[usize]),
    last_speaker: &mut Option<usize>,
) -> Vec<Reported> {
    // Roughly one statement per four sentences in PolNeAR: room for twice that, so the vector
    // seldom regrows (each regrowth was a copy). The last document's, when it had room.
    let mut out = SPARE_REPORTED.with(Cell::take);
    out.reserve(doc.sentences.len() / 2 + 4);
    // Where the last searches of `quotes` and `found_quotes` ended: statements come in text order.
    let (mut until, mut near_found) = (0, 0);
    // The first of the `used` cues (in text order) not before `t`, which only moves forward:
    // a flag per token, allocated and cleared per document, answered the same.
    let mut next_used = 0;
    // Whether the text is a dialogue transcript (asked once, at its first label).
    let mut dialogue = None;
    let mut s = 0;
    while let Some(next) = next_sentence_with_opener(doc, s, quoted) {
        s = next;
        let whole = doc.sentences[s].clone();
        let headline = is_headline(doc, whole.tokens.start, mentions);
        let mut t = whole.tokens.start;
        // Statements do not overlap: the next one starts after the last cue or content.
        let mut floor = whole.tokens.start;
        // After a relative clause's statement inside another's content (at the first token),
        // where to go on (the second).
        let mut resume = (0, 0);
        // After a statement of a relative clause set off by commas ("Hale, who has denied the
        // charges, said …"): where that statement's search began, and the token after it (the
        // clause's closing comma, `usize::MAX` where there is none), for the main verb right
        // after it, whose subject is before the clause.
        let mut after_relative = (0, usize::MAX);
        // A colon opens a statement only in the headline or in a sentence that starts its
        // line (the test below; the sentence it is given never starts before `whole`).
        let colons = headline
            || doc
                .lines
                .get(whole.line)
                .is_some_and(|l| l.tokens.start >= whole.tokens.start);
        while t < whole.tokens.end {
            // Straight to the next token that can open a statement (a cue a quotation used is
            // one of them). A colon opens one only among the first five tokens after the floor
            // (the test on `t - sentence.tokens.start` below), so past those only words are
            // tested.
            let colons_end = if colons { floor + 5 } else { t };
            if t > resume.0 {
                t = t.max(resume.1);
                // (The content resumed past may run on past the sentence: a label's line.)
                if t >= whole.tokens.end {
                    break;
                }
            }
            t = next_opener(doc, t, colons_end, whole.tokens.end, quoted);
            if t == whole.tokens.end {
                break;
            }
            // (Mostly each used cue is met here, as an opener, and passed then: the catch-up
            // loop seldom runs, and its exit seldom mispredicts.)
            while used.get(next_used).is_some_and(|&u| u < t) {
                next_used += 1;
            }
            if used.get(next_used) == Some(&t) {
                next_used += 1;
                t += 1;
                continue;
            }
            // Every look around a cue stays within a bounded window of its sentence, so a
            // sentence of a million words costs no more per cue than an ordinary one.
            let mut sentence = clip(doc, &whole, t);
            if floor > sentence.tokens.start && !closing_attribution(doc, floor, t, &whole.tokens) {
                // (Past the punctuation the last statement left: `…,” suggesting …`.)
                let mut start = floor.min(t);
                while start < t && doc.tokens[start].kind == TokenKind::Punct && doc.tokens[start].mark != Mark::Open {
                    start += 1;
                }
                sentence.tokens.start = start;
                sentence.span.start = doc.tokens[sentence.tokens.start].span.start;
            }
            // (The main verb after a relative clause set off by commas: its subject is searched
            // for from before the clause, its statement kept only after it.)
            let relative =
                (t > after_relative.1 && main_verb_after_relative(doc, after_relative.1, t)).then_some(after_relative);
            after_relative.1 = usize::MAX;
            if let Some((start, _)) = relative {
                sentence.tokens.start = start.min(sentence.tokens.start);
                sentence.span.start = doc.tokens[sentence.tokens.start].span.start;
            }
            let found = if is_according(doc, t) {
                according_to(doc, t, &sentence).map(|(src, content)| (Some(src), content))
            } else if punct_of(doc.text, &doc.tokens[t]) == Some(':')
                && t - sentence.tokens.start <= 4
                && (headline || sentence.tokens.start == doc.lines[sentence.line].tokens.start)
                && t + 1 < sentence.tokens.end
                && (doc.tokens[t + 1].mark == Mark::None
                    || (headline && fragment_then_words(doc, t + 1, sentence.tokens.end)))
            {
                // ("Ted Cruz: Conservative or Career Politician?": a headline that asks about
                // its label is the writer's question, not the label's words.)
                colon_statement(doc, t, &sentence, &mut dialogue).filter(|_| !(headline && asks(doc, &sentence)))
            } else if let Some(class) = cue_class(doc, t, headline) {
                reported_from_verb(doc, t, class, &sentence, s)
            } else if doc.tokens[t].info.cue() == Some(CueClass::Noun) {
                nominal_statement(doc, t, &sentence)
            } else if doc.tokens[t].info.cue() == Some(CueClass::Adverb) {
                hearsay_clause(doc, t, &sentence).map(|content| (None, content))
            } else {
                None
            };
            let found = found.filter(|(_, content)| {
                content.start < content.end
                    && relative.is_none_or(|(_, comma)| content.start >= doc.tokens[comma].span.end)
            });
            if let Some((source, content)) = found {
                let source = unless_passive(doc, t, source, || token_from(doc, content.end, &whole.tokens));
                // Quotations are in text order: only those starting before the content ends
                // matter, back to 2,000 bytes before it starts.
                until = partition_point_near(quotes, until, |q| q.parts.first().start < content.end);
                let quotes = &mut quotes[..until];
                // (Shorter ones are mostly a stray word; "said so" is its answer.)
                let long_enough = content.len() >= 8 || (content.len() <= 3 && answer_at(doc, t + 1, t + 2));
                if long_enough && !covered_by_quote(quotes, &reach[..until], content) {
                    // (The one who asked, named after the cue, "asked by a reporter", is not
                    // the last speaker, to whom the question went, nor the next one.)
                    let asker = source.is_some_and(|x| x.span.start > doc.tokens[t].span.end)
                        && key_at(doc, t, 3) == key("ask");
                    let last = if asker { None } else { *last_speaker };
                    // (What a pronoun or a person's description goes on to say names someone
                    // else: "He said Rubio had lost" is not Rubio's. Not so what comes before
                    // it: "Butz read widely, he said" is Butz's.)
                    let said = match source.map(|x| x.kind) {
                        Some(MentionKind::Pronoun | MentionKind::Description(DescKind::Person))
                            if source.is_some_and(|x| x.span.end <= content.start) =>
                        {
                            content
                        }
                        _ => Span::new(0, 0),
                    };
                    let speaker = source
                        .map(|source| mentions.speaking(said, |mentions| speaker_of(doc, mentions, source, s, last)));
                    // (The headline's speaker is no one the story's first "he" or "the
                    // official" continues from: the headline is read before the story.)
                    if let Some(e) = speaker.and_then(|sp| sp.entity).filter(|_| !headline && !asker) {
                        *last_speaker = Some(e);
                    }
                    let cue = cue_span(doc, t);
                    // A quoted fragment inside reported speech is a partial quote of the same speaker.
                    // (Only the last quotations searched can start inside the content: they are
                    // in text order, and most of them lie before it.)
                    let inside = quotes
                        .iter_mut()
                        .rev()
                        .take_while(|q| q.parts.first().start >= content.start);
                    for q in inside.filter(|_| speaker.is_some()) {
                        // (Starting inside it: a fragment that ends the sentence, with the stop
                        // inside the marks, ends past the content, which stops before the stop.)
                        // (Or it has this speaker, who was unresolved then: "He says “…”" read
                        // before the statement that made its antecedent, "Bush says he …", a name.)
                        let unresolved = || {
                            q.speaker.zip(speaker).is_some_and(|(had, now)| {
                                had.entity.is_none() && now.entity.is_some() && had.mention == now.mention
                            })
                        };
                        if q.parts.first().start < content.end
                            && (q.speaker.is_none()
                                || (q.cue.is_none() && q.confidence == SUBJECT_GUESS)
                                || unresolved())
                            && q.confidence != TITLE_CONFIDENCE
                        {
                            q.speaker = speaker;
                            q.cue = Some(cue);
                            q.kind = QuoteKind::Partial;
                            q.confidence = 0.7;
                        }
                    }
                    let after_content = token_from(doc, content.end, &whole.tokens);
                    let mut content = content;
                    let end = content.end;
                    cover_final_quote(doc, found_quotes, &mut near_found, quotes.last(), &mut content);
                    // Mostly the content starts on the token after the cue (7 in 10 on PolNeAR
                    // train), else often where the sentence does.
                    let starts_at = |i: usize| doc.tokens.get(i).is_some_and(|x| x.span.start == content.start);
                    let first = if starts_at(t + 1) {
                        t + 1
                    } else if starts_at(sentence.tokens.start) {
                        sentence.tokens.start
                    } else {
                        token_from(doc, content.start, &sentence.tokens)
                    };
                    let past = if content.end == end {
                        after_content
                    } else {
                        token_from(doc, content.end, &whole.tokens)
                    };
                    // (Less the one token that may run past the end, should it not end on one.)
                    let straddles = past > 0 && doc.tokens[past - 1].span.end > content.end;
                    let tokens = first..(past - straddles as usize).max(first);
                    out.push(Reported {
                        content,
                        tokens,
                        speaker,
                        cue,
                    });
                    floor = floor.max(after_content).max(t + 2);
                    // (So too after an aside that asks with no asker: "Smith, asked about the
                    // plan, said no".)
                    let asked_aside = || {
                        source.is_none()
                            && t > sentence.tokens.start
                            && is_punct(doc, t - 1, b',')
                            && key_at(doc, t, 3) == key("ask")
                    };
                    if source.is_some_and(|x| x.span.len() == 3 && is_word(doc, x.head, word_bytes().who, b"who"))
                        || asked_aside()
                    {
                        after_relative = (sentence.tokens.start, after_content);
                    }
                    // One statement per cue; skip past the content when it follows the cue
                    // or runs on past it ("X, records show, does Y, Mr. Trump has cited …":
                    // a cue inside a statement is no statement of its own).
                    if content.start > doc.tokens[t].span.start || content.end > doc.tokens[t].span.end {
                        let next = after_content.max(t + 1);
                        // (But for a relative clause's own speaker and cue inside it: "…
                        // mocked the story, an event that Carson says led him to …".)
                        if let Some((inner, relative)) = relative_cue_within(doc, t + 1, next, &whole) {
                            (floor, resume, t) = (relative, (inner, next), inner);
                            continue;
                        }
                        t = next;
                        continue;
                    }
                }
            }
            t += 1;
        }
        s += 1;
    }
    out
}

/// Is everything from `first` to the comma at `comma` a phrase that opens the sentence, a
/// preposition and its object with no verb or comma ("In a filing, the company said revenue
/// fell"), no statement that the words after it attribute? (Rare: out of line.)
#[cold]
#[inline(never)]
fn opening_phrase(doc: &Document, first: usize, comma: usize) -> bool {
    comma - first <= 6
        && word_in(doc, first, &PREPOSITIONS)
        && (first + 1..comma).all(|i| {
            let token = &doc.tokens[i];
            token.kind == TokenKind::Word && !token.info.is_cue() && !auxiliary_at(doc, i, comma)
        })
}

/// Is the cue at `t` the main verb right after a relative clause whose statement ended
/// before `comma`: "Hale, who has denied the charges, said …" (the comma, then the verb or
/// an adverb of it)?
fn main_verb_after_relative(doc: &Document, comma: usize, t: usize) -> bool {
    (is_punct(doc, comma, b',') || is_dash(doc, comma))
        && t > comma
        && (comma + 1..t).all(|i| doc.tokens[i].info.has(CUE_MODIFIER))
}

/// "Holloway conceded the race, her campaign said.": is the cue at `t` a sentence's closing
/// attribution, a comma at `floor` (where the last statement ended) and a short source
/// before it, at most three words after it? Its statement is the whole sentence before the
/// comma, the last statement inside it. (Rare: out of line.)
#[cold]
#[inline(never)]
fn closing_attribution(doc: &Document, floor: usize, t: usize, sentence: &std::ops::Range<usize>) -> bool {
    // (Or a clause about how the source spoke goes on after it: "…, the people said, speaking
    // on condition of anonymity …".)
    let speaking = t + 2 < sentence.end && is_punct(doc, t + 1, b',') && is_word(doc, t + 2, None, b"speaking");
    let end = if speaking { t + 1 } else { sentence.end };
    // (The comma before the cue first: where the last statement ended may be past the text's
    // last token, "“““Yes,” he said:".)
    t > floor + 1
        && t <= floor + 4
        && is_punct(doc, floor, b',')
        // (Not after a participle's clause: "Asked on Fox News who leads, he said Ryan.")
        && !doc.tokens[sentence.start].info.is_cue()
        && end.saturating_sub(t) <= 5
        && (floor + 1..t).all(|i| doc.tokens[i].kind == TokenKind::Word)
        && (t + 1..end).filter(|&i| doc.tokens[i].kind == TokenKind::Word).count() <= 3
        // (Not a clause of its own: "…, but multiple reports reveal …", "…, which first
        // reported the story.")
        && !word_in(doc, floor + 1, &SUBORDINATORS)
        && !word_in(doc, floor + 1, &const { keys(["which", "who", "whom", "where"]) })
}

/// The first cue from token `from` to `to` with a subject of its own after a relative pronoun
/// ([`verb_after_relative`]), and that pronoun's token. (Out of line: asked only past a
/// statement that runs on past its cue.)
#[inline(never)]
fn relative_cue_within(
    doc: &Document,
    from: usize,
    to: usize,
    sentence: &crate::segment::Sentence,
) -> Option<(usize, usize)> {
    let (first, end) = (sentence.tokens.start, sentence.tokens.end);
    let lo = from.max(first + 2);
    // (The cues found by a scan of the tokens' slice: no bounds check a token, where the
    // content is mostly scanned whole for none.)
    let tokens = doc.tokens.get(lo..to.min(end))?;
    let mut i = 0;
    while let Some(k) = tokens.get(i..)?.iter().position(|x| x.info.is_cue()) {
        let u = lo + i + k;
        i += k + 1;
        let Some((relative, _)) = verb_after_relative(doc, u, from, end) else {
            continue;
        };
        // (Not a "that" right after a verb, which opens its statement: "saying that he feels …".)
        if !doc.tokens[relative - 1].info.is_cue() {
            return Some((u, relative));
        }
    }
    None
}

/// Is the colon at `colon` a speaker's label near the start of its line (at most its fifth
/// token, from `line_start`) with at most four plain words between it and the quotation
/// opening at `open`, and the quotation the rest of the line (to `line_end`)? Where more
/// follows ("X: Trump Is ‘…,’ ‘…’"), the line is one statement, the colon its cue. (Rare: out
/// of line.)
#[cold]
#[inline(never)]
fn colon_label_before(doc: &Document, colon: usize, open: usize, line_start: usize, line_end: usize) -> bool {
    let plain_words = (colon + 1..open).all(|i| {
        let token = &doc.tokens[i];
        token.kind == TokenKind::Word && !token.in_quote && !token.info.is_cue()
    });
    let close = (open + 1..line_end).find(|&i| doc.tokens[i].mark == Mark::Close);
    let rest_of_line = close.is_some_and(|close| {
        doc.tokens[close + 1..line_end]
            .iter()
            .all(|x| x.kind == TokenKind::Punct && x.mark == Mark::None)
    });
    colon - line_start <= 4 && open - colon <= 5 && plain_words && rest_of_line
}

/// Is the participle at `t` (not the first token) after a count that is no year ("475",
/// "nearly 400", not "in 2012") or after "more" or "fewer", with a plain word after it: an
/// adjective of the noun that follows? (Rare: out of line.)
#[cold]
#[inline(never)]
fn counted_participle(doc: &Document, t: usize) -> bool {
    let prev = &doc.tokens[t - 1];
    let counted = if prev.kind == TokenKind::Number {
        let digits = bytes_of(doc, t - 1);
        !(digits.len() == 4 && (digits.starts_with(b"19") || digits.starts_with(b"20")))
    } else {
        word_in(doc, t - 1, &const { keys(["more", "fewer"]) })
    };
    counted
        && doc
            .tokens
            .get(t + 1)
            .is_some_and(|next| next.kind == TokenKind::Word && !next.cap && !next.info.has(FUNCTION))
}

/// Does the sentence end with a question mark of its own (not one inside a quotation)?
fn asks(doc: &Document, sentence: &crate::segment::Sentence) -> bool {
    let last = sentence.tokens.end - 1;
    punct_of(doc.text, &doc.tokens[last]) == Some('?') && !doc.tokens[last].in_quote
}

/// Is token `t` the word "as", in any ASCII case?
fn is_as(doc: &Document, t: usize) -> bool {
    doc.tokens.get(t).is_some_and(|x| x.kind == TokenKind::Word) && key_of(doc, t) == key("as")
}

/// "As reported by The Ledger, the council …", "As first reported by X, …", "As The Times
/// reported on Saturday, …": a sentence that opens with "as", the cue of speech `cue` and
/// its source (after "by", or between "as" and the cue), then, past an adverbial, a comma:
/// the main clause after the comma is the statement. (Rare: out of line.)
#[cold]
#[inline(never)]
fn as_reported(doc: &Document, cue: usize, sentence: &crate::segment::Sentence) -> Option<(Option<Source>, Span)> {
    let (first, end) = (sentence.tokens.start, sentence.tokens.end);
    if cue <= first
        || cue > first + 6
        || doc.tokens[cue].info.has(RAISING)
        || (first + 1..cue).any(|t| doc.tokens[t].kind == TokenKind::Punct)
    {
        return None;
    }
    // The comma that ends the opening, after a short adverbial with no other verb of speech.
    let comma = (cue + 1..end.min(cue + 10)).find(|&t| doc.tokens[t].kind == TokenKind::Punct)?;
    if !is_punct(doc, comma, b',') || (cue + 1..comma).any(|t| doc.tokens[t].info.is_cue()) {
        return None;
    }
    // "as reported by X", "as first reported by X": the agent; else the words between.
    let modifiers_only = (first + 1..cue).all(|t| {
        doc.tokens[t].info.has(CUE_MODIFIER)
            || word_ends_with(doc, t, b"ly")
            || eq_ignore_case(bytes_of(doc, t), b"first")
    });
    let source = if modifiers_only {
        passive_agent(doc, cue + 1)?
    } else {
        source_left(doc, cue, first + 1)?
    };
    // (A clause after it: three words or more, the first no quotation's.)
    let words_after = (comma + 1..end)
        .filter(|&t| doc.tokens[t].kind == TokenKind::Word)
        .count();
    if words_after < 3 || doc.tokens[comma + 1].kind == TokenKind::Punct || doc.tokens[comma + 1].in_quote {
        return None;
    }
    Some((
        Some(source),
        Span::new(doc.tokens[comma + 1].span.start, content_end(doc, sentence)),
    ))
}

/// Is token `t` "poll", "polls", "survey" or "surveys", in any ASCII case?
fn is_poll(doc: &Document, t: usize) -> bool {
    word_in(doc, t, &const { keys(["poll", "polls", "survey", "surveys"]) })
}

/// "In the latest CNN poll, Clinton led Trump by 5 points.": statements a poll is the source of
/// (see [`poll_statement`]), each put in its place among the `reported` ones (in text order),
/// where none of those is in its sentence. Only sentences that open with "In" are looked at.
#[inline(never)]
fn poll_statements(doc: &Document, mentions: &mut Mentions, reported: &mut Vec<Reported>) {
    let in_ = word_bytes().in_;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let first = sentence.tokens.start;
        if !is_word(doc, first, in_, b"in") {
            continue;
        }
        let end = sentence.tokens.end;
        let Some((in_t, source, content)) = (first + 1..end.min(first + 11))
            .find(|&t| is_poll(doc, t))
            .and_then(|t| poll_statement(doc, t, sentence))
        else {
            continue;
        };
        let at = reported.partition_point(|x| x.content.start < sentence.span.start);
        if reported.get(at).is_some_and(|x| x.content.start < sentence.span.end)
            || (at > 0 && reported[at - 1].content.end > sentence.span.start)
        {
            continue;
        }
        // (No one "it", "he" or "she" after it stands for: the last speaker is left as it was.)
        let speaker = speaker_of(doc, mentions, source, s, None);
        let tokens = token_from(doc, content.start, &sentence.tokens)..token_from(doc, content.end, &sentence.tokens);
        let cue = doc.tokens[in_t].span;
        reported.insert(
            at,
            Reported {
                content,
                tokens,
                speaker: Some(speaker),
                cue,
            },
        );
    }
}

/// A poll as the source of what it found, the poll word at `t`, in a sentence that opens with
/// "in" (as the caller knows): "In the latest CNN poll, Clinton led Trump by 5 points." The
/// token of "in" (the cue), the poll's phrase (the source) and the clause after its comma (the
/// statement). The phrase holds only its determiner, its modifiers and the pollsters' names
/// ("an NBC News/Wall Street Journal/Marist poll"). ("Clinton led in a new poll." is left
/// alone: PolNeAR train marks the clause before "in a poll" as the poll's 20 times and leaves
/// it 33 times, mostly where the poll is a clause's circumstance, "while he is running third
/// in the polls".)
#[cold]
#[inline(never)]
fn poll_statement(doc: &Document, t: usize, sentence: &crate::segment::Sentence) -> Option<(usize, Source, Span)> {
    let (first, end) = (sentence.tokens.start, sentence.tokens.end);
    // Back to "in", the sentence's first word, over the phrase's words and the slashes and
    // hyphens between pollsters.
    let in_t = (first.max(t.saturating_sub(10))..t)
        .rev()
        .find(|&i| !in_poll_phrase(doc, i))?;
    if in_t != first {
        return None;
    }
    // The clause after the phrase's comma, past a participle that dates the poll ("…,
    // conducted in May, Clinton led …").
    let mut comma = (t + 1..end.min(t + 8)).find(|&k| is_punct(doc, k, b','))?;
    let participle = |word: &[u8]| word.ends_with(b"ed") || word.ends_with(b"ing");
    if comma + 1 < end && !doc.tokens[comma + 1].cap && participle(bytes_of(doc, comma + 1)) {
        comma = (comma + 2..end.min(comma + 12)).find(|&k| is_punct(doc, k, b','))?;
    }
    // (Not where the clause has a verb of its own: "In a survey of …, Democracy Corps found
    // that …", "In the poll, 58 percent said …" are the subjects' statements.)
    let words = (comma + 1..end)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .count();
    if words < 3 || (t + 1..end).any(|k| doc.tokens[k].info.is_cue() && !doc.tokens[k].in_quote) {
        return None;
    }
    let source = Source::new(
        Span::new(doc.tokens[in_t + 1].span.start, doc.tokens[t].span.end),
        t,
        MentionKind::Description(DescKind::Organisation),
    );
    Some((
        in_t,
        source,
        Span::new(doc.tokens[comma + 1].span.start, content_end(doc, sentence)),
    ))
}

/// Can token `i` stand in a poll's phrase before the poll word: a determiner, a modifier, a
/// pollster's name or a number, or the slash or hyphen between pollsters ("an NBC News/Wall
/// Street Journal/Marist poll")?
fn in_poll_phrase(doc: &Document, i: usize) -> bool {
    let token = &doc.tokens[i];
    match token.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(doc.text.as_bytes().get(token.span.start), Some(b'/' | b'-')),
        _ => {
            !token.in_quote
                && !token.info.is_cue()
                && !token.info.has(PRONOUN)
                && (!token.info.has(FUNCTION) || token.info.has(DETERMINER))
        }
    }
}

/// Does a quoted fragment open at `open` and words follow it before `end`: "Sanders: ‘Of
/// Course’ Clinton Is Qualified"? In a headline, the statement after the colon is then the
/// whole rest, the fragment within it. (Rare: out of line.)
#[cold]
#[inline(never)]
fn fragment_then_words(doc: &Document, open: usize, end: usize) -> bool {
    let Some(close) = (open + 1..end).find(|&i| doc.tokens[i].mark == Mark::Close) else {
        return false;
    };
    (close + 1..end).any(|i| doc.tokens[i].kind == TokenKind::Word)
}

/// "Smith: …" (the colon at `t` among a line's first words): the source before the colon and
/// the rest of the sentence; or, in a transcript, the speaker's label and all of the line
/// after it. (Rare: out of line.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn colon_statement(
    doc: &Document,
    t: usize,
    sentence: &crate::segment::Sentence,
    dialogue: &mut Option<bool>,
) -> Option<(Option<Source>, Span)> {
    let content_start = doc.tokens[t + 1].span.start;
    if let Some(src) = source_left(doc, t, sentence.tokens.start) {
        // "Iowa: Tim Albrecht, Brad Anderson, …": a roster under its heading says nothing;
        // nor does "Q&A: …", a label (whose letters, one by one, are an interview's).
        if is_name_list(doc, t + 1, sentence.tokens.end) || src.span.of(doc.text).eq_ignore_ascii_case("q&a") {
            return None;
        }
        return Some((Some(src), Span::new(content_start, content_end(doc, sentence))));
    }
    let src = transcript_label(doc, t, sentence.tokens.start, dialogue)?;
    let line = &doc.lines[sentence.line];
    let last = &doc.tokens[line.tokens.end - 1];
    let end = if matches!(punct_of(doc.text, last), Some('.' | ',' | ';')) {
        doc.tokens[line.tokens.end - 2].span.end
    } else {
        last.span.end
    };
    Some((Some(src), Span::new(content_start, end.max(content_start))))
}

/// Are the tokens `from..end` a list of names: three commas or more, and no lowercase word
/// but a function word ("and", "of")?
fn is_name_list(doc: &Document, from: usize, end: usize) -> bool {
    let tokens = &doc.tokens[from..end];
    tokens.iter().filter(|t| punct_of(doc.text, t) == Some(',')).count() >= 3
        && tokens
            .iter()
            .all(|t| t.kind != TokenKind::Word || t.cap || t.info.has(FUNCTION))
}

/// The first sentence from `s` that may hold a token that opens a statement (see
/// [`next_opener`]): that of the next word that may, or of the next colon before it. The
/// sentences before it hold none, and are passed over with no look at each (half the
/// sentences of PolNeAR have none; their look for one mispredicted its end about once in two).
fn next_sentence_with_opener(doc: &Document, mut s: usize, quoted: &mut QuotedWords) -> Option<usize> {
    let from = doc.sentences.get(s)?.tokens.start;
    if quoted.word < from {
        quoted.word = next_word(doc, from, quoted);
    }
    while doc.colons.get(quoted.colon).is_some_and(|&c| c < from) {
        quoted.colon += 1;
    }
    let next = doc
        .colons
        .get(quoted.colon)
        .map_or(quoted.word, |&c| c.min(quoted.word));
    // (Two sentences stepped over without a branch, then a loop for the rare opener further
    // on: the next opener is most often in this sentence or one of the next two, and the
    // loop's exit was missed call after call. The sentences end in order: the second ends
    // before `next` only if the first does.)
    if let Some([a, b]) = doc.sentences.get(s..s + 2) {
        s += usize::from(a.tokens.end <= next) + usize::from(b.tokens.end <= next);
    }
    while doc.sentences.get(s).is_some_and(|x| x.tokens.end <= next) {
        s += 1;
    }
    (s < doc.sentences.len()).then_some(s)
}

/// How many items a slice needs for [`partition_point_near`] to search it from its hint.
const NEAR_SEARCH_FROM: usize = 1024;

/// `items.partition_point(pred)` for items that `pred` partitions (all that hold it first),
/// searched outwards from `near` in steps that double, then by halves: a search that lands
/// close to the last one reads a few items there, where one over the whole slice touched a
/// cache line per probe (in a long document nearly every probe was a miss). A short slice,
/// an article's quotations, is searched whole (its branch-free halving costs fewer
/// instructions than a gallop, and it is in cache), unless the point is where the last
/// search left it or one past: the statements and quotations come in text order, so two
/// or three probes there mostly answer.
#[inline(always)]
fn partition_point_near<T>(items: &[T], near: usize, pred: impl Fn(&T) -> bool) -> usize {
    let len = items.len();
    if len < NEAR_SEARCH_FROM {
        if near <= len && (near == 0 || pred(&items[near - 1])) {
            if near == len || !pred(&items[near]) {
                return near;
            }
            if near + 1 == len || !pred(&items[near + 1]) {
                return near + 1;
            }
        }
        return items.partition_point(pred);
    }
    gallop(len, near, &|i| pred(&items[i]))
}

/// [`partition_point_near`] for a long slice, out of line: the callers' loops stay as small
/// as they were for the short slices of most texts. `holds(i)` is `pred(&items[i])` for the
/// `len` items. (By index, not generic over the items: one copy for every item type, in the
/// browser build too.)
#[inline(never)]
fn gallop(len: usize, near: usize, holds: &dyn Fn(usize) -> bool) -> usize {
    let near = near.min(len);
    // Every item before `lo` holds `pred`; none from `hi` on does.
    let (mut lo, mut hi) = (near, near);
    let mut step = 1;
    if near < len && holds(near) {
        lo = near + 1;
        loop {
            hi = lo.saturating_add(step).min(len);
            if hi == len || !holds(hi) {
                break;
            }
            lo = hi + 1;
            step *= 2;
        }
    } else {
        while hi > 0 {
            let probe = hi.saturating_sub(step);
            if holds(probe) {
                lo = probe + 1;
                break;
            }
            hi = probe;
            lo = probe;
            step *= 2;
        }
    }
    // Then by halves, as `partition_point` does.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The first token that starts at or after byte `at` (what a binary search of all the
/// document's tokens answers), searched for within `near`, tokens that should hold it (its
/// sentence's, its quotation's), and in all of them only where it lies outside.
fn token_from(doc: &Document, at: usize, near: &std::ops::Range<usize>) -> usize {
    let before = |x: &Token| x.span.start < at;
    let (lo, hi) = (near.start, near.end.min(doc.tokens.len()));
    if lo < hi && (lo == 0 || before(&doc.tokens[lo - 1])) && doc.tokens.get(hi).is_none_or(|x| !before(x)) {
        // Most statements run to their sentence's end: the token sought is then one of the
        // last few (its stop, a closing mark), found by a walk back from the end.
        let mut i = hi;
        while i > lo && hi - i < 3 && !before(&doc.tokens[i - 1]) {
            i -= 1;
        }
        if i == lo || before(&doc.tokens[i - 1]) {
            return i;
        }
        return lo + doc.tokens[lo..i].partition_point(before);
    }
    doc.tokens.partition_point(before)
}

/// The first token from `t` (else `end`) that may open a statement in [`reported_speech`]:
/// only three can, "according" (to), a colon and a word the lexicon knows as a cue. Testing
/// that first spares every other token the look around it (a few percent of tokens pass).
/// Words are looked for by a light word test, a tight loop over the tokens, which steps over
/// the words of quotations (`quoted`), a fifth of the PolNeAR text, and runs on past `end`,
/// the sentence's, to the next word found anywhere, which serves every sentence up to it.
/// Colons are looked for only before `colons_end`, a few tokens, among the document's colon
/// tokens (the tokenizer lists them), from a cursor that only moves forward: `t` never moves
/// back from one call to the next, the statements being found in text order. (Scanning those
/// tokens mispredicted its exit once a sentence; testing their bytes first cost ~0.5 ms a pass.)
fn next_opener(doc: &Document, t: usize, colons_end: usize, end: usize, quoted: &mut QuotedWords) -> usize {
    if quoted.word < t {
        quoted.word = next_word(doc, t, quoted);
    }
    let word = quoted.word.min(end);
    let stop = colons_end.clamp(t, word);
    // (The cursor moves on at every call, as `t` does: a colon before `stop`, when `stop` is
    // `t`, is none. Asking first whether one may open here, a branch on the sentence's start
    // and the last statement's end, cost more than it spared.)
    while doc.colons.get(quoted.colon).is_some_and(|&c| c < t) {
        quoted.colon += 1;
    }
    match doc.colons.get(quoted.colon) {
        Some(&c) if c < stop => c,
        _ => word,
    }
}

/// The first word from `t` (else the end of the text) that may open a statement, outside the
/// quotations' words.
fn next_word(doc: &Document, t: usize, quoted: &mut QuotedWords) -> usize {
    let text = doc.text.as_bytes();
    match quoted.according {
        // The token's word information (one load, two tests), and no look at its span or text.
        Some(according) => scan_words(doc, t, quoted, |tokens: &[Token]| first_opener(tokens, according)),
        None => scan_words(doc, t, quoted, |tokens: &[Token]| {
            tokens.iter().position(|token| opens_as_word(text, token))
        }),
    }
}

/// The first of `tokens` that is a cue or has the [`WordInfo::claims`] byte `according`: four
/// at a time, their cue bits ORed and tested once (the loop's own count, test and branch a
/// token made a third of the scan's cost).
#[inline(always)]
fn first_opener(tokens: &[Token], according: u8) -> Option<usize> {
    let opens = |x: &Token| x.info.is_cue() || x.info.claims() == according;
    let mut chunks = tokens.chunks_exact(4);
    let mut at = 0;
    for chunk in &mut chunks {
        let [a, b, c, d] = [&chunk[0].info, &chunk[1].info, &chunk[2].info, &chunk[3].info];
        let cue = a.is_cue() | b.is_cue() | c.is_cue() | d.is_cue();
        let byte = a.claims() == according;
        let byte = byte | (b.claims() == according) | (c.claims() == according) | (d.claims() == according);
        if cue | byte {
            return chunk.iter().position(opens).map(|i| at + i);
        }
        at += 4;
    }
    chunks.remainder().iter().position(opens).map(|i| at + i)
}

/// [`next_word`] with `find` the search of a run of tokens for the first that opens.
#[inline(always)]
fn scan_words(doc: &Document, t: usize, quoted: &mut QuotedWords, find: impl Fn(&[Token]) -> Option<usize>) -> usize {
    let end = doc.tokens.len();
    let mut from = t.min(end);
    loop {
        let ranges = &quoted.ranges;
        while quoted.next < ranges.len() && ranges[quoted.next].end <= from {
            quoted.next += 1;
        }
        // Up to the next quotation's words, or the end.
        let stop = ranges.get(quoted.next).map_or(end, |r| r.start.clamp(from, end));
        if let Some(i) = find(&doc.tokens[from..stop]) {
            return from + i;
        }
        if stop == end {
            return end;
        }
        from = ranges[quoted.next].end.min(end);
    }
}

/// The tokens of quotations that [`next_word`] steps over, the first range that may still lie
/// ahead of it, and where its last scan stopped.
struct QuotedWords {
    ranges: Vec<std::ops::Range<usize>>,
    next: usize,
    /// The first word that may open a statement from where the last scan started, which
    /// answers for every `t` up to it (see [`next_opener`]).
    word: usize,
    /// The [`WordInfo::claims`] byte of "according", which the lexicon gives that word alone
    /// (a frequent word's byte of its own): [`next_word`]'s word test reads it with the cue,
    /// where testing each token for nine bytes of "according" read its span too.
    according: Option<u8>,
    /// The first of the document's colon tokens not before the last `t` that looked for one
    /// (an index into [`Document::colons`]; see [`next_opener`]).
    colon: usize,
}

impl QuotedWords {
    /// The tokens strictly between the marks of each one-part quotation whose first and last
    /// lie within its words: every one of them is quoted ([`crate::quotes::find`] flags the
    /// tokens of each part `in_quote`), and a quoted word opens no statement (it is no verb of
    /// the reporter's, and no "according to"). In text order, apart; not a quotation of a
    /// few tokens, which costs less to scan than to step over.
    /// (`ranges` is a vector to fill, emptied here.)
    fn of(doc: &Document, quotes: &[Quoted], mut ranges: Vec<std::ops::Range<usize>>) -> QuotedWords {
        ranges.clear();
        ranges.reserve(quotes.len());
        let mut last = 0;
        for q in quotes {
            let (&[part], first) = (&q.parts[..], q.open + 1) else {
                continue;
            };
            if q.close < first + 4 || first < last {
                continue;
            }
            let (a, b) = (&doc.tokens[first], &doc.tokens[q.close - 1]);
            if a.span.start >= part.start && b.span.end <= part.end {
                ranges.push(first..q.close);
                last = q.close;
            }
        }
        let mut quoted = QuotedWords {
            ranges,
            next: 0,
            word: 0,
            according: word_bytes().according,
            colon: 0,
        };
        quoted.word = next_word(doc, 0, &mut quoted);
        quoted
    }
}

/// Is token `t` `word` (lowercase), in any ASCII case? By the [`WordInfo::claims`] byte that
/// the lexicon gives the word alone, `byte` (one of [`word_bytes`]), where it has one:
/// comparing the bytes mispredicted where a word shares the length and first letters ("than",
/// "this", "then" for "that"; "was", "why" for "who").
// (Out of line in the browser build, whose copies at each use, each with the byte compare the
// lexicon's byte stands in for, came to a kilobyte.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn is_word(doc: &Document, t: usize, byte: Option<u8>, word: &[u8]) -> bool {
    match byte {
        Some(byte) => doc.tokens[t].info.claims() == byte,
        None => eq_ignore_case(bytes_of(doc, t), word),
    }
}

/// The [`WordInfo::claims`] bytes that attribution's word tests read: each word's own (see
/// [`crate::lexicon::Table::frequent_words`]), if the frequent words still got one for it. Every
/// token with such a byte is that word in some ASCII case, and every such token has it: the
/// tokenizer looks each word up by exactly its bytes, lowercased.
struct WordBytes {
    /// "according", for the opener scan ([`QuotedWords`]).
    according: Option<u8>,
    /// "in", for [`poll_statements`].
    in_: Option<u8>,
    /// For [`statement_end`]'s scan: 1 at a token's first byte that is a comma's or a
    /// semicolon's, and at [`JOINERS`] on from a [`WordInfo::claims`] byte that is "and"'s,
    /// "but"'s or "while"'s (all three, or none: then no table). One table, no masks: the two
    /// look-ups of a token are ORed as they are.
    breaks: Option<[u8; 512]>,
    /// "that", "who", "to", "which" and "what", for [`is_word`].
    that: Option<u8>,
    who: Option<u8>,
    to: Option<u8>,
    which: Option<u8>,
    what: Option<u8>,
}

/// Where [`WordBytes::breaks`]' entries for the [`WordInfo::claims`] bytes start.
const JOINERS: usize = 256;

fn word_bytes() -> &'static WordBytes {
    static BYTES: std::sync::OnceLock<WordBytes> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| {
        let [and, but, while_] = ["and", "but", "while"].map(frequent_byte);
        WordBytes {
            according: frequent_byte("according"),
            in_: frequent_byte("in"),
            breaks: and.zip(but).zip(while_).map(|((and, but), while_)| {
                let mut table = [0; 512];
                for b in [b',', b';'] {
                    table[usize::from(b)] = 1;
                }
                for c in [and, but, while_] {
                    table[JOINERS + usize::from(c)] = 1;
                }
                table
            }),
            that: frequent_byte("that"),
            who: frequent_byte("who"),
            to: frequent_byte("to"),
            which: frequent_byte("which"),
            what: frequent_byte("what"),
        }
    })
}

// (Out of line in the browser build: inlined at each of its many uses, it was 1.4 KB.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn is_that(doc: &Document, t: usize) -> bool {
    is_word(doc, t, word_bytes().that, b"that")
}

fn is_to(doc: &Document, t: usize) -> bool {
    is_word(doc, t, word_bytes().to, b"to")
}

/// Is token `t` "who", or "who's" ("who’s"): is its [`stem_of`] "who", in any ASCII case?
/// Only a word with a possessive ending (which the tokenizer records) has a stem of its own
/// to compare: asking first whether the word ends in "s", as a third of the words a source
/// search ends on do, was a branch missed.
fn is_who_stem(doc: &Document, t: usize) -> bool {
    is_word(doc, t, word_bytes().who, b"who")
        || (doc.tokens[t].possessive != 0 && eq_ignore_case(stem_of(doc, t), b"who"))
}

/// Can token `t` be "who", "who's" or "which" ([`is_who_stem`], [`is_which`])? Told by its
/// lexicon byte alone, inline, where the lexicon gives both words one: most words are neither.
fn may_be_relative(doc: &Document, t: usize) -> bool {
    let bytes = word_bytes();
    let token = &doc.tokens[t];
    match (bytes.who, bytes.which) {
        (Some(who), Some(which)) => {
            let c = token.info.claims();
            (c == who) | (c == which) | (token.possessive != 0)
        }
        _ => true,
    }
}

/// Can token `t` be "who" or "who's" ([`is_who_stem`])? By its lexicon byte, inline, as
/// [`may_be_relative`].
fn may_be_who_stem(doc: &Document, t: usize) -> bool {
    let token = &doc.tokens[t];
    word_bytes()
        .who
        .is_none_or(|who| (token.info.claims() == who) | (token.possessive != 0))
}

/// Is token `t` the relative "which" (lowercase: a capitalised one asks a question)?
fn is_which(doc: &Document, t: usize) -> bool {
    // (Both tests made, no branch between them: whether a word is capitalised is the text's
    // choice.)
    is_word(doc, t, word_bytes().which, b"which") & !doc.tokens[t].cap
}

/// Is `token` a word that may open a statement: a cue, or "according"? (The lexicon gives
/// no other token a cue, and no number or punctuation is nine bytes of "according".)
#[inline(always)]
fn opens_as_word(text: &[u8], token: &Token) -> bool {
    token.info.is_cue()
        || (token.span.end.wrapping_sub(token.span.start) == 9
            && text
                .get(token.span.start..token.span.end)
                .is_some_and(|w| eq_ignore_case(w, b"according")))
}

/// The word whose [`Key`] is `key` is one of `set`, ignoring ASCII case (what comparing it
/// with each entry by `eq_ignore_ascii_case` answers). Most words asked about are in no list:
/// the set's filter turns nearly all of those away at one bit test, before any compare.
#[inline]
fn is_one_of<const N: usize>(key: Key, set: &KeySet<N>) -> bool {
    in_set(key, set.filter, &set.keys)
}

/// Is token `t`'s word one of `set`'s ([`is_one_of`] of its key)? Its first byte is asked
/// first: a word whose first letter opens none of the set's is turned away before its key is
/// made. (A byte in either case, or no letter, that shares a letter's low five bits is
/// passed on to the full test.) Natively only: in the browser build, tuned for size, the
/// byte test at every use cost more bytes than it saved time.
#[inline(always)]
fn word_in<const N: usize>(doc: &Document, t: usize, set: &KeySet<N>) -> bool {
    let may = cfg!(target_arch = "wasm32") || {
        let first = doc.text.as_bytes()[doc.tokens[t].span.start];
        set.firsts >> (first & 31) & 1 != 0
    };
    may && is_one_of(key_of(doc, t), set)
}

/// [`is_one_of`] of a set's filter and keys: inline natively, where each list becomes a
/// filter test and a few compares; one function in the browser build, where the compares
/// unrolled for every list (64-bit constants, ten bytes each) and the 128-bit filter's
/// shift at every call cost kilobytes.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn in_set(key: Key, filter: u128, keys: &[Key]) -> bool {
    filter >> bucket(key) & 1 != 0 && keys.contains(&key)
}

/// A list of words as keys, with a filter of 128 bits that has the bucket of each set.
struct KeySet<const N: usize> {
    keys: [Key; N],
    filter: u128,
    /// A bit for the first letter of each word (its byte's low five bits).
    firsts: u32,
}

/// Which of the filter's 128 bits stands for `key`: the top bits of a multiply that mixes
/// every byte of it.
const fn bucket(key: Key) -> u32 {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 57) as u32
}

/// A word of up to eight bytes as one number: its bytes ASCII-lowercased, little-endian, and
/// padded with 0xFF, a byte no UTF-8 text holds (so words of different lengths never share a
/// key). Every longer word has [`LONG`], which no list holds: the lists' words are short.
type Key = u64;

/// The key of every word longer than eight bytes.
const LONG: Key = 0;

/// The key of `word` (lists are built from these at compile time).
const fn key(word: &str) -> Key {
    let bytes = word.as_bytes();
    if bytes.len() > 8 {
        return LONG;
    }
    let mut key = Key::MAX;
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        key = (key << 8) | bytes[i].to_ascii_lowercase() as Key;
    }
    key
}

/// The keys of a list of words, and their filter.
const fn keys<const N: usize>(words: [&str; N]) -> KeySet<N> {
    let mut set = KeySet {
        keys: [LONG; N],
        filter: 0,
        firsts: 0,
    };
    let mut i = 0;
    while i < N {
        // (A longer word would get `LONG`, which every long word has.)
        assert!(words[i].len() <= 8, "a word list's words have at most eight bytes");
        set.keys[i] = key(words[i]);
        set.filter |= 1 << bucket(set.keys[i]);
        set.firsts |= 1 << (words[i].as_bytes()[0] & 31);
        i += 1;
    }
    set
}

/// The key of the first `len` bytes of token `t` (the whole word, or its stem before a
/// possessive): one load of eight bytes from the text, not a byte loop.
#[inline]
fn key_at(doc: &Document, t: usize, len: usize) -> Key {
    if len > 8 {
        return LONG;
    }
    let word = swar::load8(doc.text.as_bytes(), doc.tokens[t].span.start);
    let kept = if len == 8 { u64::MAX } else { (1 << (8 * len)) - 1 };
    swar::lower8((word & kept) | !kept)
}

/// The key of token `t`'s word. (Out of line in the browser build, where its load and
/// lowering inlined at every test of a word against a list cost kilobytes.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn key_of(doc: &Document, t: usize) -> Key {
    let span = doc.tokens[t].span;
    key_at(doc, t, span.end.wrapping_sub(span.start))
}

/// `token.punct(text)`, with an ASCII mark read from its byte instead of decoded.
// (Out of line in the browser build: its decoding of other marks, inlined at each of some
// thirty uses, came to 10 KB of wasm.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn punct_of(text: &str, token: &Token) -> Option<char> {
    if token.kind != TokenKind::Punct {
        return None;
    }
    let span = token.span;
    match text.as_bytes().get(span.start) {
        Some(&b) if b < 0x80 && span.start < span.end && span.end <= text.len() => Some(b as char),
        _ => span.of(text).chars().next(),
    }
}

/// The bytes of token `t`: comparing them with a word needs no char-boundary checks.
#[inline(always)]
fn bytes_of<'t>(doc: &Document<'t>, t: usize) -> &'t [u8] {
    let span = doc.tokens[t].span;
    doc.text.as_bytes().get(span.start..span.end).unwrap_or(&[])
}

/// Does token `t`'s word end with `suffix` (`bytes_of(doc, t).ends_with(suffix)`)? (Out of
/// line in the browser build: the token's bounds test, its slice and the compare, inlined at
/// each of some 25 uses, came to 2.2 KB of wasm; natively inlined, the same code as before.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn word_ends_with(doc: &Document, t: usize, suffix: &[u8]) -> bool {
    bytes_of(doc, t).ends_with(suffix)
}

/// The bytes of token `t` without a possessive ending ("Biden’s" → "Biden"): what
/// `strip_possessive(doc.word(t))` gives, with no check of character boundaries.
fn stem_of<'t>(doc: &Document<'t>, t: usize) -> &'t [u8] {
    let word = bytes_of(doc, t);
    &word[..word.len() - possessive_at(doc, t)]
}

/// Is token `t` the ASCII punctuation `p` (what `punct() == Some(p)` asks, without decoding)?
// (Out of line in the browser build, where its ~50 inlined copies came to 3 KB.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn is_punct(doc: &Document, t: usize, p: u8) -> bool {
    doc.tokens[t].kind == TokenKind::Punct && bytes_of(doc, t).first() == Some(&p)
}

/// How many tokens on each side of a cue its statement and source may reach.
const STATEMENT_WINDOW: usize = 80;

fn clip(doc: &Document, sentence: &crate::segment::Sentence, cue: usize) -> crate::segment::Sentence {
    let first = sentence.tokens.start.max(cue.saturating_sub(STATEMENT_WINDOW));
    let end = sentence.tokens.end.min(cue + STATEMENT_WINDOW);
    crate::segment::Sentence {
        span: Span::new(doc.tokens[first].span.start, doc.tokens[end - 1].span.end),
        tokens: first..end,
        line: sentence.line,
    }
}

/// Is `content` just a direct quotation that is already reported as one? (`quotes` are those
/// that start before it ends; only those that start at most 2,000 bytes before it are asked,
/// the last first, and only while some quotation up to them (`reach`, the greatest end of
/// each's predecessors and itself) ends inside the content or past it: once none does, no
/// earlier one overlaps it. In a text dense with quotations, several of those before the
/// content were each asked, and the walk's end was a branch missed.)
fn covered_by_quote(quotes: &[AttributedQuote], reach: &[usize], content: Span) -> bool {
    let window = content.start.saturating_sub(2000);
    quotes
        .iter()
        .zip(reach)
        .rev()
        .take_while(|&(q, &reach)| q.parts.first().start >= window && reach > content.start)
        .any(|(q, _)| {
            let span = q.parts.span();
            // The attribution between two parts is not quoted: an aside in it is reported anew.
            // (Most quotations searched lie wholly before the content: the span of all their
            // parts, which holds each part, turns those away first.)
            span.overlaps(content)
                && q.kind != QuoteKind::Partial
                && q.parts.iter().any(|p| p.overlaps(content))
                && span.len() * 2 >= content.len()
        })
}

/// Where a statement that follows its cue ends: at the sentence's end, or earlier where the
/// sentence goes on to another attribution (", adding that …", "and warned …", ", according
/// to …"); for a verb that only reports quoted words ("called it “a disgrace”"), at the end
/// of the first quotation.
fn statement_end(doc: &Document, from: usize, class: CueClass, sentence: &crate::segment::Sentence) -> usize {
    let end = sentence.tokens.end;
    if class == CueClass::Quote {
        if let Some(close) = (from..end).find(|&t| doc.tokens[t].mark == Mark::Close) {
            return doc.tokens[close - 1].span.end.max(doc.tokens[from].span.end);
        }
    }
    // "… the armed occupants - noting that he saw …": a dash before a participle of speech
    // hands the sentence to another attribution.
    let (end, dashed) = match dash_before_participle(doc, from, end) {
        Some(dash) => (dash, true),
        None => (end, false),
    };
    let mut next = from + 2;
    // Only a comma, a semicolon and the joiners "and", "but" and "while" can end the
    // statement: a tight scan steps to the next of them, and only those get the tests below.
    let breaks = word_bytes().breaks.as_ref();
    while let Some(t) = next_statement_break(doc, next, end, breaks) {
        next = t + 1;
        let first = (doc.tokens[t].kind == TokenKind::Punct)
            .then(|| bytes_of(doc, t).first())
            .flatten();
        let (comma, semicolon) = (first == Some(&b','), first == Some(&b';'));
        // ", but …" and ";" start another thought.
        // So does ", which …" (", both of which …"): in PolNeAR train a statement ends before
        // such a clause more often than it holds one (132 to 76).
        let turn =
            semicolon || (comma && t + 1 < end && (bytes_of(doc, t + 1) == b"but" || relative_which(doc, t + 1, end)));
        // A comma or a joining word.
        let joiner = !semicolon;
        // The next attribution may bring its own subject: ", and he said …", "but Smith argued",
        // "while 22 percent said …", "and one in five say …", "and more than 4 in 10 said",
        // "and many voters said"; or share this one's: "and calls her …", ", calling them …".
        // (Only where the window holds such a verb, or "according" opens it: most breaks are
        // followed by none, and the walk's tests of each word were the dearer part.)
        let window = t + 1..end.min(t + 8);
        let verb_near = || {
            doc.tokens[window.clone()]
                .iter()
                .any(|n| n.info.is_cue() || n.info.has(OBJECT))
                || (t + 1 < end && is_word(doc, t + 1, word_bytes().according, b"according"))
        };
        let next_is_cue = || {
            window
                .clone()
                .take_while(|&i| {
                    let n = &doc.tokens[i];
                    !n.in_quote
                        && (n.kind == TokenKind::Number
                            || is_punct(doc, i, b'%')
                            || (n.kind == TokenKind::Word
                                && (i == t + 1
                                    || n.info.is_cue()
                                    || n.info.has(PRONOUN)
                                    || n.info.has(QUANTIFIER)
                                    || n.name_like
                                    || n.info.is_desc()
                                    || word_in(doc, i, &COUNTED)
                                    || word_in(doc, i, &NUMBERS)
                                    || (!n.cap && !n.info.has(FUNCTION) && looks_plural(bytes_of(doc, i))))))
                })
                .any(|i| {
                    let n = &doc.tokens[i];
                    ((matches!(n.info.cue(), Some(CueClass::Speech | CueClass::Tell)) || n.info.has(OBJECT)) && !n.cap)
                        || (i == t + 1
                            && (eq_ignore_case(bytes_of(doc, i), b"according") || (n.info.is_cue() && !n.cap)))
                })
        };
        // (A name opens the apposition's attribution, right after the break or after "and":
        // most breaks have none.)
        let name_near = || doc.tokens[window.clone()].iter().take(2).any(|n| n.name_like);
        // (Not the "and" of "both … and" a few words after "both", which joins two parts of
        // one phrase: "said both he and Rubio promised …".)
        if turn
            || (joiner
                && ((verb_near() && next_is_cue()) || (name_near() && apposed_name_then_cue(doc, t, end)))
                && (comma || !correlative_and(doc, from, t)))
        {
            let mut last = t;
            while last > from + 1 && matches!(punct_of(doc.text, &doc.tokens[last - 1]), Some(',' | ';')) {
                last -= 1;
            }
            return doc.tokens[last - 1].span.end;
        }
    }
    if dashed {
        return doc.tokens[end - 1].span.end;
    }
    content_end(doc, sentence)
}

/// Is the joiner at token `t` the "and" of "both … and", "both" among the four words before
/// it (from `from` on, with no comma between)? (Rare: out of line.)
#[cold]
#[inline(never)]
fn correlative_and(doc: &Document, from: usize, t: usize) -> bool {
    (t.saturating_sub(4).max(from)..t)
        .rev()
        .take_while(|&i| doc.tokens[i].kind == TokenKind::Word)
        .any(|i| is_word(doc, i, None, b"both"))
}

/// After the break at token `t`: a name set off by an apposition and then a verb of speech
/// (", and Brian Deese, the White House climate adviser, said …"), which opens an attribution
/// of its own. (Only a name right after the break, or after "and" or "but", gets the full
/// look: out of line.)
#[inline(never)]
fn apposed_name_then_cue(doc: &Document, t: usize, end: usize) -> bool {
    let mut i = t + 1;
    if i < end && word_in(doc, i, &const { keys(["and", "but"]) }) {
        i += 1;
    }
    let name_start = i;
    while i < end && i - name_start < 4 && doc.tokens[i].kind == TokenKind::Word && doc.tokens[i].name_like {
        i += 1;
    }
    if i == name_start || i >= end || !is_punct(doc, i, b',') {
        return false;
    }
    let aside = i + 1;
    let Some(close) = (aside..end.min(aside + 8)).find(|&k| doc.tokens[k].kind == TokenKind::Punct) else {
        return false;
    };
    let plain = (aside..close).all(|k| !doc.tokens[k].info.is_cue() && !doc.tokens[k].in_quote);
    close > aside
        && plain
        && is_punct(doc, close, b',')
        && doc.tokens.get(close + 1).is_some_and(|c| {
            close + 1 < end && !c.cap && matches!(c.info.cue(), Some(CueClass::Speech | CueClass::Tell))
        })
}

/// The first dash from token `from` to `end`, outside quotations, that a participle of
/// speech follows ("- noting that", "— adding"). (A scan of the statement's tokens, asked
/// only of statements: out of line.)
#[inline(never)]
fn dash_before_participle(doc: &Document, from: usize, end: usize) -> Option<usize> {
    let text = doc.text.as_bytes();
    // (Each token with the one after it, over a slice: no bounds check a token, in what is
    // mostly a scan of the whole statement.)
    let pairs = doc.tokens.get(from + 1..end)?.windows(2);
    let at = pairs.into_iter().position(|pair| {
        let [token, next] = pair else {
            return false;
        };
        // (A hyphen or en dash only spaced; an em dash or bar either way. Compared as bytes:
        // "–" is E2 80 93, "—" E2 80 94, "―" E2 80 95.)
        let spaced = || text.get(token.span.start.wrapping_sub(1)) == Some(&b' ');
        let bytes = |x: &Token| text.get(x.span.start..x.span.end).unwrap_or(&[]);
        // (The cue after first: as cheap a test as the dash's kind, and rarely passed, where
        // whether a token was punctuation was a branch missed.)
        let dash = || {
            token.kind == TokenKind::Punct
                && !token.in_quote
                && match bytes(token) {
                    b"-" | [0xE2, 0x80, 0x93] => spaced(),
                    [0xE2, 0x80, 0x94 | 0x95] => true,
                    _ => false,
                }
        };
        next.info.is_cue() && dash() && next.kind == TokenKind::Word && bytes(next).ends_with(b"ing")
    })?;
    Some(from + 1 + at)
}

/// Does a relative clause on "which" open at token `t`: "which", or "which" after a
/// quantifier and "of" ("both of which", "most of which")? (Rare: out of line.)
#[cold]
#[inline(never)]
fn relative_which(doc: &Document, t: usize, end: usize) -> bool {
    let which = |i: usize| i < end && bytes_of(doc, i) == b"which";
    // (Only a clause that runs to the sentence's end: one set off by a second comma sits
    // inside the statement, "the pipeline, which Republicans support, would …".)
    (which(t) || (t + 2 < end && bytes_of(doc, t + 1) == b"of" && which(t + 2)))
        && !(t + 1..end).any(|i| is_punct(doc, i, b','))
}

/// The first token from `from` (before `end`) that may end a statement
/// ([`may_end_statement`]). With the [`WordInfo::claims`] bytes that the lexicon gives "and",
/// "but" and "while" alone, a word is turned away by that byte, with no look at its length
/// and text (a test of its length, three or five, was a branch that mispredicted); the few
/// it lets through in another case ("And", "BUT") are turned away by the full test.
#[inline]
fn next_statement_break(doc: &Document, from: usize, end: usize, breaks: Option<&[u8; 512]>) -> Option<usize> {
    let text = doc.text.as_bytes();
    let tokens = doc.tokens.get(from..end)?;
    let Some(breaks) = breaks else {
        return tokens.iter().position(|x| may_end_statement(text, x)).map(|i| from + i);
    };
    // A filter with no branch (whether a token was punctuation was a branch the text
    // decided): a token that starts with a comma or semicolon byte, or has the byte of a
    // joiner; the full test below turns away what else it lets through. (Both bytes looked
    // up in one table: five compares a token cost twice as many instructions.)
    let may_end = |x: &Token| {
        let (first, c) = (text.get(x.span.start).copied().unwrap_or(0), x.info.claims());
        let hit = breaks[usize::from(first)] | breaks[JOINERS + usize::from(c)];
        !x.in_quote & ((hit != 0) | (x.mark == Mark::Close))
    };
    let mut i = 0;
    loop {
        i += tokens[i..].iter().position(may_end)?;
        if may_end_statement(text, &tokens[i]) {
            return Some(from + i);
        }
        i += 1;
    }
}

/// The [`WordInfo::claims`] byte of a frequent word that has one of its own. (Out of line:
/// inlined for each word of [`word_bytes`], it was 2 KB of the browser build.)
#[inline(never)]
fn frequent_byte(word: &str) -> Option<u8> {
    crate::lexicon::table()
        .frequent_words()
        .iter()
        .find(|&&(_, w)| w == word)
        .map(|&(byte, _)| byte)
}

/// Can `token` end a statement that goes on after its cue ([`statement_end`])? A comma or a
/// semicolon, or "and", "but" or "while" (three or five bytes), outside quotations.
#[inline(always)]
fn may_end_statement(text: &[u8], token: &Token) -> bool {
    if token.in_quote {
        return false;
    }
    let span = token.span;
    // (A closing mark with a comma inside: `was “corrupt,” noting that …`.)
    if token.mark == Mark::Close {
        return span.start > 0 && text.get(span.start - 1) == Some(&b',');
    }
    if token.kind == TokenKind::Punct {
        return matches!(text.get(span.start), Some(b',' | b';')) && span.start < span.end && span.end <= text.len();
    }
    let len = span.end.wrapping_sub(span.start);
    (len == 3 || len == 5) && matches!(text.get(span.start..span.end), Some(b"and" | b"but" | b"while"))
}

/// Where a clause that starts at token `from` ends: before the first of `breaks` outside a
/// quotation, else at the sentence's content end.
fn end_before_break(doc: &Document, from: usize, sentence: &crate::segment::Sentence, breaks: &[char]) -> usize {
    (from..sentence.tokens.end)
        .find(|&i| !doc.tokens[i].in_quote && punct_of(doc.text, &doc.tokens[i]).is_some_and(|c| breaks.contains(&c)))
        .map_or_else(|| content_end(doc, sentence), |i| doc.tokens[i - 1].span.end)
}

/// Where the content of a sentence ends: before its final stop and closing marks.
fn content_end(doc: &Document, sentence: &crate::segment::Sentence) -> usize {
    let mut last = sentence.tokens.end;
    while last > sentence.tokens.start + 1 {
        let token = &doc.tokens[last - 1];
        let trailing = matches!(punct_of(doc.text, token), Some('.' | '!' | '?' | ',' | ';' | ':' | '…'))
            || (token.mark == Mark::Close && !token.in_quote);
        if !trailing {
            break;
        }
        last -= 1;
    }
    doc.tokens[last - 1].span.end
}

/// The source after "according to" at token `t`, within the sentence ending at token `end`.
/// (Out of line: three callers, all rare.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn according_source(doc: &Document, t: usize, end: usize) -> Option<Source> {
    source_right(doc, t + 1)
        .map(|source| with_trailing_nouns(doc, source, end))
        .map(|source| {
            if source.head + 1 < end && is_postmodifier(doc, source.head + 1) {
                with_postmodifier_phrase(doc, source, end)
            } else {
                source
            }
        })
        .or_else(|| any_phrase_after(doc, t + 1, end))
}

/// After "according to", `source` with what describes it after its head: "two people familiar
/// with the matter", "a person close to the talks", up to a comma, a relative clause or the
/// sentence's end, six words at most, none a cue or a form of "be". (Rare: out of line.)
#[cold]
#[inline(never)]
fn with_postmodifier_phrase(doc: &Document, source: Source, end: usize) -> Source {
    let from = source.head + 1;
    // (Up to a relative clause's word: "officials briefed on the talks who asked …".)
    let words = (from..end.min(from + 7))
        .take_while(|&i| {
            let x = &doc.tokens[i];
            x.kind == TokenKind::Word && !x.info.is_cue() && !x.in_quote && !is_who_stem(doc, i) && !is_that(doc, i)
        })
        .count();
    let last = from + words - 1;
    let tied = (3..=6).contains(&words) && word_in(doc, from + 1, &POSTMODIFIER_PREPOSITIONS);
    if tied && !(from..=last).any(|i| word_in(doc, i, &BE)) && source.named == source.span {
        with_postmodifier(source, doc.tokens[last].span.end)
    } else {
        source
    }
}

/// Is token `t` the verb of "put it" ("as he put it", "as one aide puts it")?
fn is_put_it(doc: &Document, t: usize) -> bool {
    word_in(doc, t, &const { keys(["put", "puts"]) }) && t + 1 < doc.tokens.len() && key_of(doc, t + 1) == key("it")
}

/// Is token `t` the "according" of "according to" (outside quotation marks)?
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn is_according(doc: &Document, t: usize) -> bool {
    // (The length first: this is asked of every word before a quotation.)
    doc.tokens[t].span.len() == 9
        && key_at(doc, t, 8) == key("accordin")
        && !doc.tokens[t].in_quote
        && t + 1 < doc.tokens.len()
        && key_of(doc, t + 1) == key("to")
}

fn according_to(doc: &Document, t: usize, sentence: &crate::segment::Sentence) -> Option<(Source, Span)> {
    let source = according_source(doc, t, sentence.tokens.end)?;
    let sentence_first = sentence.tokens.start;
    // "According to X, …", "But, according to X, …", "Now, according to X, …". (Not where the
    // sentence was cut at the comma before it, past the last statement's content: "…
    // called for attacks, according to X, which monitors …" has no statement after X.)
    let cut = t == sentence_first && t > 0 && is_punct(doc, t - 1, b',');
    let initial = t - sentence_first <= 3
        && !cut
        && (sentence_first..t).all(|i| {
            let token = &doc.tokens[i];
            token.kind == TokenKind::Punct && token.mark == Mark::None
                || token.info.has(FUNCTION)
                || token.info.has(TIME)
                || token.info.has(CUE_MODIFIER)
        });
    // "Fundraising, according to the campaign, has surged": the attribution stands inside
    // the statement, which is the whole sentence.
    // So is "About 10 p.m., according to a timeline, the contractors left": the sentence goes
    // on after the source with a clause of its own.
    let end = sentence.tokens.end;
    let inside = || {
        let Some(comma) = (source.head + 1..end).find(|&i| punct_of(doc.text, &doc.tokens[i]) == Some(',')) else {
            return false;
        };
        let Some(next) = doc.tokens.get(comma + 1).filter(|_| comma + 1 < end) else {
            return false;
        };
        // Not a description of the source: ", a union official", ", Mayor of …", ", who …",
        // and a phrase that opens with a determiner only after words that cannot stand as
        // the statement: an adverbial ("About 10 p.m.", "While most were …") or a
        // conjunction ("…, because, according to X, the media would …"). Else it is
        // mostly the source's description (", the policy-making arm of …", ", a tool that …").
        let describes = || {
            next.info.has(TITLE)
                || apposition_end(doc, comma, end).is_some()
                || next.info.has(DETERMINER) && !leads_in(doc, sentence_first, t)
                || name_to_end(doc, comma + 1, end)
        };
        // ("G4S receives, according to one report, $234 million …": a sum goes on too.)
        let sum = matches!(punct_of(doc.text, next), Some('$' | '£' | '€'));
        (next.kind == TokenKind::Word || next.kind == TokenKind::Number || sum)
            && !["who", "which", "where", "whose"]
                .iter()
                .any(|w| next.span.of(doc.text) == *w)
            && !describes()
    };
    // ("He repeated it (the actual number is 15 percent, according to X).": the statement
    // starts inside the bracket that holds the attribution.)
    let sentence_first = (sentence_first..t)
        .rev()
        .take_while(|&i| punct_of(doc.text, &doc.tokens[i]) != Some(')'))
        .find(|&i| punct_of(doc.text, &doc.tokens[i]) == Some('('))
        .map_or(sentence_first, |open| open + 1);
    // (Nor is a dateline part of it: "SEATTLE (Reuters) - …, according to X.")
    let sentence_first = if sentence_first == sentence.tokens.start {
        past_dateline(doc, sentence, t)
    } else {
        sentence_first
    };
    // (Set off by commas: "Clinton leads by 271 delegates according to a count by the AP, but
    // …" has its statement before the attribution.)
    let set_off = t > sentence_first && matches!(punct_of(doc.text, &doc.tokens[t - 1]), Some(',' | ':' | '—' | '–'));
    if !initial && t > sentence_first && set_off && inside() {
        // ("While most were …, according to X, two were upgraded": after an opening
        // subordinate clause, the statement is the main clause, after the source.)
        // (Only where its comma is the one before "according", not "While …, not all
        // campaigns …, according to X, a strategist.")
        let first_comma = (sentence_first..t).find(|&i| is_punct(doc, i, b','));
        if first_comma == Some(t - 1) && word_in(doc, sentence_first, &OPENING_SUBORDINATORS) {
            if let Some(comma) = (source.head + 1..end).find(|&i| is_punct(doc, i, b',')) {
                return Some((
                    source,
                    Span::new(doc.tokens[comma + 1].span.start, content_end(doc, sentence)),
                ));
            }
        }
        return Some((
            source,
            Span::new(doc.tokens[sentence_first].span.start, content_end(doc, sentence)),
        ));
    }
    if initial {
        // According to X, content.
        let comma = comma_before_content(doc, &source, sentence.tokens.end)?;
        let first = doc.tokens.get(comma + 1).filter(|_| comma + 1 < sentence.tokens.end)?;
        Some((source, Span::new(first.span.start, content_end(doc, sentence))))
    } else {
        // Content, according to X.
        let mut end = t;
        while end > sentence_first && matches!(punct_of(doc.text, &doc.tokens[end - 1]), Some(',' | '—')) {
            end -= 1;
        }
        if end == sentence_first {
            return None;
        }
        Some((
            source,
            Span::new(doc.tokens[sentence_first].span.start, doc.tokens[end - 1].span.end),
        ))
    }
}

/// Are the words of a sentence from `first` up to "according" at `t` a lead-in to a
/// statement rather than one: opened by a preposition or a subordinator ("Over the long
/// term, …", "While most were …"), or ended by a conjunction ("…, because, according to")?
fn leads_in(doc: &Document, first: usize, t: usize) -> bool {
    let before_comma = t.checked_sub(2).filter(|&b| b >= first && is_punct(doc, b + 1, b','));
    word_in(doc, first, &PREPOSITIONS)
        || word_in(doc, first, &SUBORDINATORS)
        || before_comma.is_some_and(|b| word_in(doc, b, &SUBORDINATORS))
}

/// Words that open a clause or phrase that cannot stand alone, or join one.
/// Words that open a clause of its own after a quotation: its verb is no attribution of it.
const CLAUSE_OPENERS_AFTER_QUOTE: KeySet<11> = keys([
    "while", "whereas", "but", "although", "though", "because", "when", "after", "before", "since", "until",
]);
const SUBORDINATORS: KeySet<16> = keys([
    "while", "because", "if", "when", "although", "though", "since", "and", "but", "that", "so", "unless", "after",
    "before", "about", "until",
]);

/// After "according to", `source` with the nouns that go on from its last word: "a police
/// log", "FEC filings", "a CNN tally" (a description's phrase otherwise ends at its last
/// noun the lexicon knows, or a name). Up to three lowercase words, none a function word, a
/// time or a participle, and not the head of what describes the source ("familiar with …").
fn with_trailing_nouns(doc: &Document, mut source: Source, end: usize) -> Source {
    let goes_on = |i: usize| {
        doc.tokens.get(i).is_some_and(|next| {
            i < end
                && next.kind == TokenKind::Word
                && !next.cap
                && !next.in_quote
                && !next.info.has(FUNCTION)
                && !next.info.has(TIME)
                && !next.info.is_cue()
                && !word_ends_with(doc, i, b"ed")
                && !is_postmodifier(doc, i)
                && !word_in(doc, i, &const { keys(["aware", "former", "taken"]) })
        })
    };
    let mut last = source.head;
    while last - source.head < 3 && goes_on(last + 1) {
        last += 1;
    }
    // (The head stays the word that decides who it is: "FEC filings" are the FEC's.)
    if last != source.head && source.named == source.span {
        source.span.end = doc.tokens[last].span.end;
        source.named = source.span;
    }
    source
}

/// The comma after the source of "According to X, content" (before `end`), past a description
/// of a named source, which is the source's, not the content's: "According to Daniel Moss, a
/// union official, the plant will close".
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)] // a rare path: kept out of `reported_speech`
fn comma_before_content(doc: &Document, source: &Source, end: usize) -> Option<usize> {
    let comma = (source.head + 1..end).find(|&i| punct_of(doc.text, &doc.tokens[i]) == Some(','))?;
    if source.kind != MentionKind::Name {
        return Some(comma);
    }
    Some(apposition_end(doc, comma, end).unwrap_or(comma))
}

/// The comma that closes an apposition opening after the comma `comma` (before `end`): ", a
/// union official,", ", Clinton's Latino vote director,", ", director of the survey center,",
/// ", who runs the union,". An apposition describes a person: a person noun among its first
/// four words, reached past nothing but a determiner, a possessive or other capitals and
/// nouns, and followed by nothing but more of its noun phrase ("executive director") or a
/// preposition's ("of the survey center"); a phrase that opens a clause ("the plant, which
/// employs 300, will close", "the president will veto it, …", "an email was sent from the
/// club's director, …") is none.
fn apposition_end(doc: &Document, comma: usize, end: usize) -> Option<usize> {
    let first = comma + 1;
    let second = (first..end.min(first + 12)).find(|&i| punct_of(doc.text, &doc.tokens[i]) == Some(','))?;
    apposes(doc, first..second).then_some(second)
}

/// Do the tokens from `first` to `end` name someone and end the sentence: capitalised words,
/// then at most its final stop ("…, according to the town clerk, Ruth Ellery.")? (Rare: out
/// of line.)
#[cold]
#[inline(never)]
fn name_to_end(doc: &Document, first: usize, end: usize) -> bool {
    let last = if end > first && punct_of(doc.text, &doc.tokens[end - 1]) == Some('.') {
        end - 1
    } else {
        end
    };
    (2..=4).contains(&(last - first))
        && doc.tokens[first..last]
            .iter()
            .all(|t| t.kind == TokenKind::Word && t.cap && t.name_like && !t.in_quote)
}

/// Are the words `words` an apposition that describes a person (see [`apposition_end`])?
fn apposes(doc: &Document, words: std::ops::Range<usize>) -> bool {
    let (first, second) = (words.start, words.end);
    if words.is_empty()
        || doc.tokens[words.clone()]
            .iter()
            .any(|t| t.in_quote || t.kind == TokenKind::Punct)
    {
        return false;
    }
    if word_in(doc, first, &const { keys(["who", "whose"]) }) {
        return true;
    }
    let Some(person) = words.clone().take(4).find(|&i| {
        let token = &doc.tokens[i];
        token.info.has(TITLE) || token.info.desc() == Some(DescKind::Person)
    }) else {
        return false;
    };
    // Before the person noun: a determiner, a possessive, capitals or other nouns of the
    // phrase ("the party's", "Latino vote"), nothing that starts a clause.
    let plain = (first..person).all(|i| {
        let token = &doc.tokens[i];
        token.kind == TokenKind::Word
            && !token.info.is_cue()
            && (token.info.has(DETERMINER) || !token.info.has(FUNCTION) || token.possessive != 0)
    });
    let mut after = person + 1;
    while after < second && {
        let token = &doc.tokens[after];
        token.cap || token.info.has(TITLE) || token.info.desc() == Some(DescKind::Person)
    } {
        after += 1;
    }
    let ends = after == second || word_in(doc, after, &PREPOSITIONS);
    plain && ends
}

/// Without "that", what follows a reporting verb is a statement unless it starts like an
/// adverbial or an object ("said on Tuesday", "said goodbye"). Requiring a verb form as well
/// was measured on PolNeAR train and lost more statements than it saved (F1 0.545 → 0.541).
fn looks_like_clause(doc: &Document, c: usize, end: usize) -> bool {
    let Some(token) = doc.tokens.get(c).filter(|_| c < end) else {
        return false;
    };
    if token.info.has(NOT_CLAUSE_START)
        || token.kind == TokenKind::Punct && token.mark != Mark::Open && !sum_subject(doc, c, end)
    {
        return false;
    }
    // "what the president has said and …": a coordinator joins another verb, not a statement.
    if word_in(doc, c, &const { keys(["and", "but", "or"]) }) {
        return false;
    }
    // "posted a short message after the vote", "released a video": the message itself is the
    // object, what it says is not there.
    let indefinite = word_in(doc, c, &const { keys(["a", "an"]) });
    !(indefinite && (c + 1..end.min(c + 4)).any(|t| doc.tokens[t].info.desc() == Some(DescKind::Message)))
}

/// After "according to", any phrase is the source: "the 2009 paper", "exit polls", "the FBI".
fn any_phrase_after(doc: &Document, to: usize, end: usize) -> Option<Source> {
    let first = to + 1;
    let mut last = first;
    // (Numbers too, before a word they modify: "the recent 50-state poll".)
    let word_at = |i: usize| i < end && doc.tokens[i].kind == TokenKind::Word;
    while last + 1 < end
        && last - first < 8
        && (word_at(last + 1) || (doc.tokens[last + 1].kind == TokenKind::Number && word_at(last + 2)))
        && !doc.tokens[last + 1].in_quote
    {
        last += 1;
    }
    let token = doc
        .tokens
        .get(first)
        .filter(|t| first < end && t.kind == TokenKind::Word && !t.in_quote)?;
    let head = &doc.tokens[last];
    let kind = match head.info.desc() {
        Some(desc) => MentionKind::Description(desc),
        None if head.name_like => MentionKind::Name,
        None => MentionKind::Description(DescKind::Organisation),
    };
    Some(Source::new(Span::new(token.span.start, head.span.end), last, kind))
}

/// "X argued (that) …", "X told reporters …" or "…, X said." around a verb cue.
/// Does the quotation that closes at token `close` open after words of the sentence (from
/// `first`), and is it a fragment (its first word lowercase)? Looks back a bounded window.
fn mixed_before(doc: &Document, first: usize, close: usize) -> bool {
    let from = first.max(close.saturating_sub(LONG_ATTRIBUTION));
    let Some(open) = (from..close).rev().find(|&t| doc.tokens[t].mark == Mark::Open) else {
        return false;
    };
    let words_before = (first..open).filter(|&t| doc.tokens[t].kind == TokenKind::Word).count();
    words_before >= 2
        && doc
            .tokens
            .get(open + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.cap)
}

/// A verb right after a quotation that closes at `before - 1`: `Some` the answer of
/// [`reported_from_verb`], `None` where the statement follows the verb. (Rare: out of the hot
/// path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn statement_before_quote(
    doc: &Document,
    cue: usize,
    class: CueClass,
    sentence: &crate::segment::Sentence,
    before: usize,
) -> Option<Option<(Option<Source>, Span)>> {
    let (first, end) = (sentence.tokens.start, sentence.tokens.end);
    if class == CueClass::Quote || !mixed_before(doc, first, before - 1) {
        return Some(None);
    }
    let left = source_left(doc, cue, before);
    // (Right of "told" is its listener, and a participle has no speaker after it: "…,”
    // telling Fox 35 …".)
    let participle = word_ends_with(doc, cue, b"ing");
    let inverts = class != CueClass::Tell && !participle;
    let source = left.or_else(|| inverts.then(|| source_right(doc, cue)).flatten());
    // (Not where the words after the verb open the statement, "… ,” said the bridge
    // could …": see `opens_clause_after`.)
    let statement_after = left.is_none() && opens_clause_after(doc, cue, end);
    match source {
        _ if statement_after => None,
        Some(source) => Some(Some((
            Some(source),
            Span::new(statement_start(doc, sentence, cue), doc.tokens[before - 1].span.end),
        ))),
        // (A participle after the quotation reports what follows it.)
        None if participle => None,
        None => Some(None),
    }
}

/// Who asked the question after the cue: the one named after "by", else the source left of
/// the cue, else a participle's subject. (Rare: out of the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn asker_of_question(doc: &Document, cue: usize, first: usize, s: usize, asker: Option<Source>) -> Option<Source> {
    asker.or_else(|| source_left(doc, cue, first)).or_else(|| {
        bytes_of(doc, cue)
            .ends_with(b"ing")
            .then(|| subject_of(doc, cue, s))
            .flatten()
    })
}

/// "what he calls corruption": the free relative from `what` on. (Rare: out of the hot path,
/// natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn free_relative_statement(
    doc: &Document,
    cue: usize,
    class: CueClass,
    sentence: &crate::segment::Sentence,
    what: usize,
) -> Option<(Option<Source>, Span)> {
    let source = source_left(doc, cue, what + 1).or_else(|| generic_left(doc, cue, what + 1))?;
    let stop = statement_end(doc, cue + 1, class, sentence);
    (stop > doc.tokens[cue].span.end).then(|| (Some(source), Span::new(doc.tokens[what].span.start, stop)))
}

/// "moves that he said improved the economy": the relative clause's verb phrase from `verb`.
/// (Rare: out of the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn relative_clause_statement(
    doc: &Document,
    cue: usize,
    class: CueClass,
    sentence: &crate::segment::Sentence,
    relative: usize,
    verb: usize,
) -> Option<(Option<Source>, Span)> {
    let source = source_left(doc, cue, relative + 1).or_else(|| generic_left(doc, cue, relative + 1))?;
    // (Set off by commas, the relative clause ends at the next: "The plan, which he said
    // would fail, passed.")
    let set_off = relative > 0 && is_punct(doc, relative - 1, b',');
    let stop = clause_end(doc, sentence.tokens.start, cue, verb, class, sentence, set_off);
    Some((Some(source), Span::new(doc.tokens[verb].span.start, stop)))
}

/// "55 percent said so": the one-word answer at `answer` is the statement. (Rare: out of the
/// hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn answer_statement(
    doc: &Document,
    cue: usize,
    first: usize,
    s: usize,
    answer: usize,
) -> Option<(Option<Source>, Span)> {
    let (source, _) = source_before_verb(doc, cue, first, s)?;
    // (Less the full stop the tokenizer gave "no." at a sentence's end.)
    let span = doc.tokens[answer].span;
    let stop = doc.text.as_bytes()[span.end - 1] == b'.';
    Some((Some(source), Span::new(span.start, span.end - stop as usize)))
}

/// "…, X said.": the content before the comma at `comma`, which ends a short tail. `Some` the
/// answer of [`reported_from_verb`], `None` where the statement may follow the cue. (Less than
/// once a document: out of the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn statement_before_comma(
    doc: &Document,
    cue: usize,
    class: CueClass,
    sentence: &crate::segment::Sentence,
    comma: usize,
    before: usize,
) -> Option<Option<(Option<Source>, Span)>> {
    let (first, end) = (sentence.tokens.start, sentence.tokens.end);
    // (Right of "told" is the listener, no source: "…, the treasurer told reporters.")
    // (A speaker after the verb only where the verb follows the comma: not "…, but Ruiz
    // levelled and added a second", whose clause has its own subject.)
    let inverted = class != CueClass::Tell
        && (comma + 1..cue).all(|i| doc.tokens[i].kind == TokenKind::Punct || doc.tokens[i].info.has(CUE_MODIFIER));
    let source = source_left(doc, cue, comma + 1)
        .or_else(|| inverted.then(|| source_right(doc, cue)).flatten())
        .or_else(|| generic_left(doc, cue, comma + 1));
    if let Some(source) = source {
        let content = Span::new(statement_start(doc, sentence, cue), doc.tokens[comma - 1].span.end);
        return Some(Some((Some(source), content)));
    }
    // "…, Tad Devine, his top aide, said.": the comma before the cue closes a source with
    // its apposition, and the comma before those ends the content.
    if let Some((source, last)) = apposed_source_before(doc, first, comma).filter(|_| before <= comma) {
        let content = Span::new(statement_start(doc, sentence, cue), doc.tokens[last].span.end);
        return Some(Some((Some(source), content)));
    }
    // Else the comma closed an aside of the subject's ("Lena Berg, speaking in Oslo, said
    // prices would rise"): the statement follows the cue, where a verb shows it is one
    // (not "…, she wrote a children's book").
    (!verb_soon(doc, cue + 1, end)).then_some(None)
}

/// "These rules, the lawyers said, apply to everyone.": the whole sentence around the
/// attribution, set off by the commas at `comma` and `after`. (Less than once a document: out
/// of the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn parenthetical_statement(
    doc: &Document,
    cue: usize,
    sentence: &crate::segment::Sentence,
    comma: usize,
    after: usize,
) -> Option<(Option<Source>, Span)> {
    let end = sentence.tokens.end;
    // ("…, a spokeswoman, Anna White, said on Saturday, and …": the comma before the cue
    // closes the source's apposition; the phrase before it opens the source.)
    let source = source_left(doc, cue, comma + 1)
        .or_else(|| generic_left(doc, cue, comma + 1))
        .or_else(|| apposed_source_before(doc, sentence.tokens.start, comma).map(|(source, _)| source))?;
    // (Unless a coordinator after it opens a clause of its own: "…, records show, and
    // experts say it is worth less" ends at the attribution, and the rest is the experts'.)
    let coordinated = after + 1 < end
        && word_in(doc, after + 1, &const { keys(["and", "but"]) })
        && (after + 2..end).any(|t| doc.tokens[t].info.is_cue());
    let stop = if coordinated {
        doc.tokens[comma - 1].span.end
    } else {
        content_end(doc, sentence)
    };
    Some((Some(source), Span::new(statement_start(doc, sentence, cue), stop)))
}

/// An adverb of degree before a word that shows no statement: "said almost nothing", "said
/// very little". (Asked about once a document: out of the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
#[cfg_attr(target_arch = "wasm32", inline(always))]
fn is_degree_word(doc: &Document, c: usize) -> bool {
    word_in(doc, c, &const { keys(["almost", "very", "next", "little"]) })
}

/// (`sentence` is the cue's sentence clipped to the window around it and to the floor of
/// [`reported_speech`]; `s` its index.)
#[inline(always)] // (one caller; left to itself the compiler stopped inlining it, +0.3%)
fn reported_from_verb(
    doc: &Document,
    cue: usize,
    class: CueClass,
    sentence: &crate::segment::Sentence,
    s: usize,
) -> Option<(Option<Source>, Span)> {
    let first = sentence.tokens.start;
    let end = sentence.tokens.end;
    if class == CueClass::Speech && is_as(doc, first) {
        if let Some(found) = as_reported(doc, cue, sentence) {
            return Some(found);
        }
    }
    // “…,” said the man who …: a verb right after a quotation attributes that quotation.
    let mut before = cue;
    while before > first
        && (doc.tokens[before - 1].info.has(CUE_MODIFIER) || punct_of(doc.text, &doc.tokens[before - 1]) == Some(','))
    {
        before -= 1;
    }
    // (Unless the reporter's words lead into it: "The plan may be “strategic,” said X" is a
    // statement with a fragment quoted, and the fragment leaves its cue to the statement.)
    if before > first && doc.tokens[before - 1].mark == Mark::Close && !named_title_before(doc, first, before - 1) {
        if let Some(found) = statement_before_quote(doc, cue, class, sentence, before) {
            return found;
        }
    }
    // "The deal is expected to pass": an inference about the clause's own subject, by nobody named.
    if doc.tokens[cue].info.has(RAISING) {
        return raised_clause(doc, cue, sentence).map(|content| (None, content));
    }
    // "Asked whether he would run, Smith said …" / "she asked about the plan": the question.
    if let Some((content, asker)) = question_after(doc, cue, sentence) {
        // ("Mitchell raised the issue, asking Sanders why …", "followed up by asking if …": a
        // participle's asker is its clause's subject.)
        // ("Asked by a reporter whether …": the asker is named after "by".)
        return Some((asker_of_question(doc, cue, first, s, asker), content));
    }
    // "called the plan “a disaster”", "described the talks as “productive”": these verbs
    // report only words that carry a quotation.
    // "endorsed her", "called for a special prosecutor": the object is the content.
    let next_word = if cue + 1 < end { key_of(doc, cue + 1) } else { LONG };
    let particle = cue + 1 < end && is_one_of(next_word, &PARTICLES);
    // ("described the spillway as sound" keeps to the path of "as", below.)
    let object = (doc.tokens[cue].info.has(OBJECT) && !described_as(doc, cue, end))
        || (class == CueClass::Quote && particle && is_one_of(next_word, &const { keys(["for", "on"]) }));
    // ("A resident who asked not to be named said …": a passive's object is no cue.)
    if object
        && class == CueClass::Quote
        && doc
            .tokens
            .get(cue + 1)
            .is_some_and(|t| cue + 1 < end && t.info.is_cue())
        && is_passive(doc, cue)
    {
        return None;
    }
    if class == CueClass::Quote
        && !object
        && !(cue + 1..end).any(|t| doc.tokens[t].mark == Mark::Open)
        && !described_as(doc, cue, end)
        && !labels_object(doc, cue, end)
        && what_before(doc, cue, first).is_none()
    {
        return None;
    }
    // "what he calls corruption in politics", "what the senators said was gerrymandering": a
    // free relative with its own subject is the statement, "what" and all.
    if let Some(what) = what_before(doc, cue, first) {
        return free_relative_statement(doc, cue, class, sentence, what);
    }
    // "moves that he said improved the economy": in a relative clause, what was said is its
    // verb phrase, whose subject the relative pronoun stands for.
    if let Some((relative, verb)) = verb_after_relative(doc, cue, first, end) {
        return relative_clause_statement(doc, cue, class, sentence, relative, verb);
    }
    // "the allegations, which Mr. Ailes denies, …": the relative pronoun is the verb's object,
    // and what follows the verb's comma is the main clause, nobody's statement.
    if object_of_relative(doc, cue, first, end) {
        return None;
    }
    // "55 percent said so", "most said yes": a one-word answer is the whole statement.
    let answer = cue + 1;
    // (Its length and first letter rule out most words before any look-up: "yes", "no" and
    // "so" are short and open with y, n or s.)
    let short = doc.tokens.get(answer).is_some_and(|a| {
        let first = doc.text.as_bytes()[a.span.start] | 0x20;
        (a.span.len() <= 3) & ((first == b'y') | (first == b'n') | (first == b's'))
    });
    if short && class != CueClass::Quote && class != CueClass::Tell && answer_at(doc, answer, end) {
        return answer_statement(doc, cue, first, s, answer);
    }
    // Content before: "…, X said." / "…, said X." with the cue in the sentence's tail.
    // (Both of its uses below are for verbs other than beliefs: before those, none is looked for.)
    let belief = matches!(class, CueClass::Think | CueClass::Belief);
    let comma_before = if belief {
        None
    } else {
        (first..cue).rev().take(8).find(|&i| is_punct(doc, i, b','))
    };
    // After the cue (after "told", past its listener: "The solution, the partner told them, was
    // simple"), a comma; and after it, another attribution: "…, officials said, adding that …".
    let listener_end =
        (class == CueClass::Tell && names_listener(doc, cue + 1, end)).then(|| past_listener(doc, cue + 1, end));
    let after = listener_end.unwrap_or(cue + 1);
    let mut comma_after = after < end && is_punct(doc, after, b',');
    // (Or past a short adverbial: "…, Hollande said Tuesday in Paris, noting …".)
    // (Not "called for a vote, declaring …" nor "accused of spying, but …", where the
    // preposition opens the object.)
    // ("…, the office said last week, …": a time word after "last", "this" or "next".)
    let adverbial = !comma_after
        && after < end
        && (doc.tokens[after].info.has(TIME)
            || (after + 1 < end
                && doc.tokens[after + 1].info.has(TIME)
                && word_in(doc, after, &const { keys(["last", "this", "next"]) }))
            || (word_in(doc, after, &PREPOSITIONS)
                && !is_word(doc, after, None, b"of")
                && (!particle || doc.tokens.get(after + 1).is_some_and(|t| t.info.has(TIME)))));
    // (Or "speaking", as in "…, the people said, speaking on condition of anonymity".)
    let participle_at = |t: usize| t < end && (is_speech_participle(doc, t) || is_word(doc, t, None, b"speaking"));
    // ("said on its website, as …": after "said", "on" is no particle but a place.)
    let said_on = || particle && is_word(doc, cue, None, b"said") && is_word(doc, after, None, b"on");
    let after = match (after + 1..end.min(after + 7)).find(|&t| doc.tokens[t].kind != TokenKind::Word) {
        Some(comma)
            if is_punct(doc, comma, b',')
                && ((adverbial && comma < after + 5)
                    || (!comma_after && said_on() && reporter_goes_on(doc, comma + 1, end))) =>
        {
            comma_after = true;
            comma
        }
        _ => after,
    };
    // (Or to a clause of the reporter's: "…, the company said on Friday, as rivals cut prices.")
    let hands_on = comma_after && (participle_at(after + 1) || reporter_goes_on(doc, after + 1, end));
    // (Asked only where a comma allows it: it scans the rest of the sentence, up to an
    // attribution that follows. After "told", past the listener: "…, a spokesman told The
    // Wall Street Journal.")
    let end_of_tail = if hands_on { after } else { end };
    let tail_is_short = || {
        let end = end_of_tail;
        // (Not before an infinitive: "urged them to vote Tuesday" has its content there.)
        // After "said X," the rest is X's description: "…, said Jane Doe, a professor at Yale."
        let tail = if let Some(past) = listener_end {
            Some(past).filter(|&t| !(t < end && is_to(doc, t)))
        } else if comma_before.is_some_and(|c| {
            (c + 1..cue).all(|i| doc.tokens[i].kind == TokenKind::Punct || doc.tokens[i].info.has(CUE_MODIFIER))
        }) && (described_source_after(doc, cue, end)
            || postmodified_source_after(doc, cue, end)
            || source_to_end_after(doc, cue, end))
        {
            Some(end)
        } else {
            Some(cue + 1)
        };
        let Some(tail) = tail else {
            return false;
        };
        // (Up to a semicolon, after which another sentence of the reporter's goes on: "…,
        // analysts say; in 2012, …".)
        let few_words = || {
            (tail..end)
                .take_while(|&i| !is_punct(doc, i, b';'))
                .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
                .take(4)
                .count()
                <= 3
        };
        // (Never after a participle: in "…, saying he was biased" the words after it are
        // the statement.)
        // (Nor before an infinitive: "…, but Sanders has vowed to stay" reports that.)
        let infinitive = doc.tokens[cue].info.has(INFINITIVE) && cue + 1 < end && is_to(doc, cue + 1);
        // (Nor is "add" with an object after its subject, which reports nothing: "…, the
        // operator added a second boat", as after the verb below; not "…, added the engineer",
        // "…, she added a day later".)
        let adds_object = || {
            is_add(doc, cue)
                && doc.tokens[cue - 1].kind == TokenKind::Word
                && doc.tokens.get(cue + 1).is_some_and(|next| {
                    cue + 1 < end
                        && (next.kind == TokenKind::Number || next.info.has(DETERMINER) || next.info.has(QUANTIFIER))
                })
                && !(cue + 1..end)
                    .any(|i| doc.tokens[i].info.has(TIME) || word_in(doc, i, &const { keys(["later", "ago"]) }))
        };
        class != CueClass::Quote
            && !word_ends_with(doc, cue, b"ing")
            && !infinitive
            && !adds_object()
            && (few_words() || adverbials_only(doc, tail, end))
            // (A "that" past the comma after a described speaker is the description's or the
            // next attribution's: "…, said Jane Doe, adding that …".)
            && !(cue + 1..end)
                .take_while(|&i| tail != end || !is_punct(doc, i, b','))
                .any(|i| is_that(doc, i))
    };
    // ("…, a lawyer, said he agreed", "As for Trump, he said he’s not worried": a pronoun,
    // or its contraction, followed by more words after the cue is the statement's subject,
    // not an inverted speaker as in "…, said he.")
    let clause_after = || {
        doc.tokens[cue + 1..end.min(cue + 3)]
            .iter()
            .all(|t| t.kind == TokenKind::Word)
            && cue + 2 < end
            && (doc.tokens[cue + 1].info.has(PRONOUN) || contracted_subject(doc, cue + 1))
    };
    if let Some(comma) =
        comma_before.filter(|&c| c > first + 2 && tail_is_short() && !clause_after() && !opening_phrase(doc, first, c))
    {
        if let Some(found) = statement_before_comma(doc, cue, class, sentence, comma, before) {
            // (Not where the words before the comma are the subject and its aside: "Marta
            // Kowalczyk, an economist, warned the board"; the statement is after the cue.)
            // (Nor where nothing was found before the comma: "Lena Berg, 54, denied
            // wrongdoing" reads as "Lena Berg denied wrongdoing".)
            if !subject_set_off(doc, cue, first) {
                return found;
            }
        }
    }
    // A parenthetical attribution: "These rules, the lawyers said, apply to everyone." The
    // statement is the whole sentence around it.
    // (Not a verb that reports only what is quoted: "One resident, who asked not to be named,
    // said …".)
    // (Nor a relative clause's verb: "Mr. Reddick, who has been charged, denied …".)
    let parenthetical = comma_before.is_some_and(|c| c > first + 1 && !word_in(doc, c + 1, &WHO_WHICH))
        && comma_after
        && !hands_on
        && class != CueClass::Quote;
    if parenthetical {
        return parenthetical_statement(doc, cue, sentence, comma_before?, after);
    }
    // ("Mr. Reddick, who was not accused, said …": a passive followed by a comma, past no
    // parenthetical, reports nothing; what follows the comma is the main clause.)
    if cue + 1 < end && is_punct(doc, cue + 1, b',') && is_passive(doc, cue) {
        return None;
    }
    // Content after the cue. Where it starts, and every test that needs no source, come
    // first: the source is the dearer half (up to three searches to the left of the cue), and
    // a fifth of the cues that get this far (PolNeAR train) are turned down by a test of the
    // content alone.
    let mut c = cue + 1;
    if class == CueClass::Tell {
        // Step over the listener: "told reporters", "told The Washington Post on Sunday".
        // A "that" further on only past words that can all be the listener's and the
        // adverbial's ("told The Post and Courier newspaper of Charleston on Saturday that"),
        // not a clause's ("told reporters he hoped that"), nor another verb's joined by "and"
        // ("tell stories and share ideas in a manner that").
        let that = that_within_words(doc, c, end, 8).or_else(|| that_past_long_phrase(doc, c, end));
        c = match that {
            Some(that) => that,
            // Without "that", only after someone told: "assured of winning" tells nobody.
            None => listener_end?,
        };
        // ("urged a strong stand, saying that …": what follows is the participle's.)
        let after_comma = c + usize::from(c < end && is_punct(doc, c, b','));
        if after_comma < end && is_speech_participle(doc, after_comma) {
            return None;
        }
    }
    c = past_cue_modifiers(doc, c, end);
    // "reported that night the …": "that" before a time is its determiner, and the two an
    // adverbial, not the statement's start.
    // (Not "said that day was …", where the two are the subject.)
    if c + 2 < end
        && is_that(doc, c)
        && doc.tokens[c + 1].info.has(TIME)
        && !doc.tokens[c + 1].cap
        && starts_with_subject(doc, c + 2, end)
    {
        c += 2;
    }
    // "said almost nothing", "said very little": a word that shows no statement, after an
    // adverb of degree.
    if c + 1 < end && doc.tokens[c + 1].info.has(NOT_CLAUSE_START) && is_degree_word(doc, c) {
        return None;
    }
    // "said on Tuesday that …", "said in a statement that …": step over the adverbial.
    // Without "that", only over a short one before a clause that shows its subject ("said
    // Monday the race was close", "said in a statement the plan …").
    // ("said this was …", "said about 40 percent of voters were …": words that mostly show no
    // statement, opening one.)
    let listed_subject = doc
        .tokens
        .get(c)
        .is_some_and(|t| c < end && t.info.has(NOT_CLAUSE_START))
        && opens_subject_anyway(doc, c, end);
    if !listed_subject
        && doc
            .tokens
            .get(c)
            .is_some_and(|t| c < end && (t.info.has(NOT_CLAUSE_START) || t.info.has(TIME)))
    {
        if let Some(that) = that_within_words(doc, c, end, 8) {
            c = that;
        } else if let Some(after) = after_adverbial(doc, c, end) {
            c = after;
        } else if let Some(after) = pronoun_after_phrase(doc, cue, c, end) {
            c = after;
        } else if let Some(that) = that_after_long_adverbial(doc, c, end) {
            c = that;
        } else if let Some(that) = long_adverbial_that(doc, c, end) {
            c = that;
        }
    }
    // "pointed out that …": the particle before "that" is no part of the statement.
    if c + 1 < end && bytes_of(doc, c) == b"out" && is_that(doc, c + 1) {
        c += 1;
    }
    if object {
        if c == cue + 1 && particle {
            c += 1;
        }
        // "was supported by 42 percent": a passive's agent is no object.
        if c < end && eq_ignore_case(bytes_of(doc, c), b"by") {
            return None;
        }
        if c >= end || doc.tokens[c].kind != TokenKind::Word || doc.tokens[c].info.has(TIME) {
            return None;
        }
        // Any noun phrase may be a source only where a statement vouches for it (below); an
        // object is no statement ("the situation called for calm").
        let (source, generic) = source_before_verb(doc, cue, first, s)?;
        if generic {
            return None;
        }
        let end = statement_end(doc, c, CueClass::Speech, sentence);
        let content = Span::new(doc.tokens[c].span.start, object_end(doc, c, end));
        return (content.end > content.start).then_some((Some(source), content));
    }
    // "refused to join the debate", "vowed to repeal it": the infinitive is the content.
    let info = doc.tokens[cue].info;
    // (So is it after a listener told: "told advisers to find a way".)
    let told_to = class == CueClass::Tell && listener_end == Some(c);
    if (info.has(INFINITIVE) || told_to) && c < end && is_to(doc, c) {
        let (source, _) = source_before_verb(doc, cue, first, s)?;
        // ("Smith, who has vowed to repeal the law, arrived …": as a clause, below.)
        let content = Span::new(
            doc.tokens[c].span.start,
            intention_end(doc, first, cue, c, class, sentence, &source),
        );
        return (content.end > content.start).then_some((Some(source), content));
    }
    let explicit_that = doc.tokens.get(c).is_some_and(|_| c < end && is_that(doc, c));
    // A belief without "that" needs a clause that shows itself by its subject: "they think
    // she has the discipline", "many fear Trump will …" (not "think about", "know how").
    // (Unless the words after it show a clause: see `bare_clause_after`.)
    if class == CueClass::Think && !explicit_that && !bare_clause_after(doc, cue, c, end) {
        return None;
    }
    if class == CueClass::Belief && !explicit_that && !listed_subject && !starts_with_subject(doc, c, end) {
        return None;
    }
    if !explicit_that && class != CueClass::Quote && !listed_subject && !looks_like_clause(doc, c, end) {
        return None;
    }
    // "added a second goal", "the company added 300 jobs": "add" reports only a clause (never
    // an object on PolNeAR train), so without "that" its words must show one: a pronoun
    // subject, or an auxiliary or "be" soon after ("added the vote would be close").
    if !explicit_that
        && is_add(doc, cue)
        && !doc.tokens[c].info.has(PRONOUN)
        && !contracted_subject(doc, c)
        && !(c + 1..end.min(c + 6)).any(|i| auxiliary_at(doc, i, end) && !doc.tokens[i].cap)
    {
        return None;
    }
    // "Velora Motors recalled 40,000 cars": a recall of a count is of products, no memory.
    if !explicit_that && c < end && doc.tokens[c].kind == TokenKind::Number && is_recall(doc, cue) {
        return None;
    }
    if c >= end {
        return None;
    }
    // (The subject of "made it clear" is before "made".)
    let verb = if class == CueClass::Think {
        made_clear(doc, cue).unwrap_or(cue)
    } else {
        cue
    };
    // ("Ferry Line Suspended, Says Port Will Reopen": a headline's capitalised cue after a
    // comma, whose subject the headline leaves out, has none to its left.)
    if doc.tokens[cue].cap && cue > first && is_punct(doc, cue - 1, b',') {
        return None;
    }
    let (source, generic) = source_before_verb(doc, verb, first, s)?;
    // A phrase found only by its place before the verb needs the verb to have a statement
    // that shows itself: a subject, or "that" and a subject ("the four states that cast
    // votes", "delegate-rich states like Florida" are no statements).
    let shows_statement = if explicit_that {
        starts_with_subject(doc, c + 1, end) || subject_after_fronted(doc, c + 1, end)
    } else {
        starts_with_subject(doc, c, end) || (generic && bare_subject(doc, c, end))
    };
    let adjacent = doc.tokens.get(cue + 1).is_some_and(|n| n.kind == TokenKind::Word);
    if generic && !(shows_statement && adjacent) {
        return None;
    }
    // ("ISIS, which claimed responsibility for the attacks, is …": a relative clause set off
    // by a comma ends at the next one.)
    let relative = set_off_relative(doc, &source);
    let content = Span::new(
        doc.tokens[c].span.start,
        clause_end(doc, first, cue, c, class, sentence, relative),
    );
    (content.end > content.start).then_some((Some(source), content))
}

/// "Trump's assertion that more strikes are needed", "complaints that the count was slow": a
/// noun of claiming (class `noun` in cue-verbs.txt) before "that" (past a time: "assertion
/// Monday that") and a clause that shows its subject (not the relative "claims that were
/// made"). The statement is the clause, to where a relative clause would end (the noun's
/// phrase is mostly a subject: "… drew rebukes"); its source the possessor before the noun
/// ("Trump's", "his"), else nobody named. (Out of line: the nouns are rare.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn nominal_statement(
    doc: &Document,
    cue: usize,
    sentence: &crate::segment::Sentence,
) -> Option<(Option<Source>, Span)> {
    let (first, end) = (sentence.tokens.start, sentence.tokens.end);
    let token = &doc.tokens[cue];
    if token.kind != TokenKind::Word || token.in_quote || cue + 2 >= end {
        return None;
    }
    let mut c = cue + 1;
    if doc.tokens[c].info.has(TIME) {
        c += 1;
    }
    if c + 1 >= end || !is_that(doc, c) || !starts_with_subject(doc, c + 1, end) {
        return None;
    }
    // The possessor: "Clinton's" (the name, less its "'s") or "his", "her", "their".
    let source = cue.checked_sub(1).filter(|&p| p >= first).and_then(|p| {
        let before = &doc.tokens[p];
        if before.possessive != 0 && before.kind == TokenKind::Word {
            let span = Span::new(before.span.start, before.span.end - usize::from(before.possessive));
            // (Not a sentence's first word that starts no name: "Despite Trump's claim …".)
            let start = (first..p)
                .rev()
                .take_while(|&i| {
                    let token = &doc.tokens[i];
                    token.cap
                        && token.kind == TokenKind::Word
                        && !token.info.has(FUNCTION)
                        && !token.info.has(NOT_CLAUSE_START)
                })
                .last();
            let span = Span::new(start.map_or(span.start, |i| doc.tokens[i].span.start), span.end);
            let kind = if before.cap {
                MentionKind::Name
            } else {
                MentionKind::Description(DescKind::Person)
            };
            Some(Source::new(span, p, kind))
        } else if word_in(doc, p, &const { keys(["his", "her", "their"]) }) {
            Some(Source::new(before.span, p, MentionKind::Pronoun))
        } else {
            None
        }
    });
    let stop = clause_end(doc, first, cue, c, CueClass::Think, sentence, true);
    let content = Span::new(doc.tokens[c].span.start, stop);
    (content.end > content.start).then_some((source, content))
}

/// The first "that" from token `c` among the next `words` tokens, a title's quotation marks
/// counting as none: "said in an interview on “Meet the Press” that …" is as long as "said in
/// an interview on Meet the Press that …".
fn that_within_words(doc: &Document, c: usize, end: usize, words: usize) -> Option<usize> {
    let mut left = words;
    let mut t = c;
    while t < end && left > 0 {
        if is_that(doc, t) {
            return Some(t);
        }
        // ("urged caution, warning that …": a "that" past a participle of speech after a
        // comma is the participle's.)
        if is_speech_participle(doc, t) && t > c && is_punct(doc, t - 1, b',') {
            return None;
        }
        left -= (doc.tokens[t].mark == Mark::None) as usize;
        t += 1;
    }
    None
}

/// A "that" eight to thirteen words after token `c`, past words that can all be a listener's
/// or an adverbial's: "told The Post and Courier newspaper of Charleston on Saturday that",
/// "said in an interview with The Associated Press last week that". Not past a clause's
/// words ("told reporters he hoped that"), nor another verb's joined by "and" ("tell stories
/// and share ideas in a manner that"). (Rare: out of line.)
#[cold]
#[inline(never)]
fn that_past_long_phrase(doc: &Document, c: usize, end: usize) -> Option<usize> {
    let that = (c + 8..end.min(c + 14)).find(|&i| is_that(doc, i))?;
    (c + 1..that)
        .all(|i| {
            let token = &doc.tokens[i];
            let joins_verb = word_in(doc, i, &const { keys(["and", "or"]) }) && !doc.tokens[i + 1].cap;
            token.kind == TokenKind::Word && !token.info.has(PRONOUN) && token.info.cue().is_none() && !joins_verb
        })
        .then_some(that)
}

/// "said in an interview with The Associated Press last week that …", "noted in a guest
/// column in Saturday's New York Times that …": after an adverbial that opens with a
/// preposition of occasion, a "that" too far for [`that_within_words`], which opens a clause
/// (not the relative "that" of "… the plan that was passed").
fn long_adverbial_that(doc: &Document, c: usize, end: usize) -> Option<usize> {
    const OCCASION: KeySet<6> = keys(["in", "on", "at", "during", "after", "before"]);
    if !word_in(doc, c, &OCCASION) {
        return None;
    }
    that_past_long_phrase(doc, c, end).filter(|&that| !auxiliary_at(doc, that + 1, end))
}

/// "said Thursday during a taping of a town hall in Buffalo, New York, that …", "said on
/// CNN, where he is a paid contributor, that …": past an adverbial too long for a plain
/// search, a "that" after a comma, with no other verb's cue before it. (Rare: out of line.)
#[cold]
#[inline(never)]
fn that_after_long_adverbial(doc: &Document, c: usize, end: usize) -> Option<usize> {
    // (Commas found by their byte: "that" is asked after a comma only.)
    let text = doc.text.as_bytes();
    for t in c + 1..end.min(c + 24) - 1 {
        let token = &doc.tokens[t];
        if token.info.is_cue() {
            return None;
        }
        match text[token.span.start] {
            b',' if is_that(doc, t + 1) => return Some(t + 1),
            b';' => return None,
            _ => {}
        }
    }
    None
}

/// Is `cue` the verb of a relative clause whose object is "which", one or two words before
/// it, with nothing after the verb but a comma or the sentence's end: "the allegations, which
/// Mr. Ailes denies, …"?
#[inline(always)]
fn object_of_relative(doc: &Document, cue: usize, first: usize, end: usize) -> bool {
    if cue < first + 3 {
        return false;
    }
    // (Asked first: is there a word in "w" where "which" would be? Seldom, where the words
    // after the verb, a comma or a stop half the time, were a branch missed.)
    let text = doc.text.as_bytes();
    let opens_w = |t: usize| text[doc.tokens[t].span.start] == b'w';
    if !(opens_w(cue - 2) | opens_w(cue - 3)) {
        return false;
    }
    let bare = cue + 1 >= end || matches!(text[doc.tokens[cue + 1].span.start], b',' | b'.' | b')');
    // ("which he denies", "which the mayor denies": not "which, he said, …".)
    let which = is_which(doc, cue - 2) || (is_which(doc, cue - 3) && doc.tokens[cue - 2].kind == TokenKind::Word);
    // (Or an adverbial after the verb, up to the comma: "which Hale proposed in May, …".)
    which && (bare || adverbial_to_comma(doc, cue + 1, end))
}

/// Is there, from token `from`, a short adverbial (a time, or a preposition and at most three
/// words) and then a comma: "in May,", "last year,"?
fn adverbial_to_comma(doc: &Document, from: usize, end: usize) -> bool {
    let opens = doc.tokens[from].info.has(TIME) || word_in(doc, from, &PREPOSITIONS);
    opens
        && (from + 1..end.min(from + 5))
            .find(|&t| doc.tokens[t].kind != TokenKind::Word && doc.tokens[t].kind != TokenKind::Number)
            .is_some_and(|t| is_punct(doc, t, b','))
}

/// Where the statement that starts at token `c` after `cue` ends: at [`statement_end`], or
/// earlier where the cue is in a subordinate clause that opens the sentence, or the rest of it
/// after another statement, at `first` ("While Ramos said that journalists …, he appears …",
/// "…, while other voters said they …, who …"), or in a relative clause set off by a comma
/// or a dash (`relative`): at the comma or dash that closes that clause.
fn clause_end(
    doc: &Document,
    first: usize,
    cue: usize,
    c: usize,
    class: CueClass,
    sentence: &crate::segment::Sentence,
    relative: bool,
) -> usize {
    let stop = statement_end(doc, c, class, sentence);
    // (Whatever the clause: "After Trump's assertion that …, officials …".)
    let subordinate = word_in(doc, first, &OPENING_SUBORDINATORS) && !(first..cue).any(|t| is_punct(doc, t, b','));
    if !relative && !subordinate {
        return stop;
    }
    // (A relative clause's comma only where the main clause's verb follows it, an auxiliary,
    // a cue or a past tense, regular or not: "ISIS, which claimed …, is", "Broaddrick, who
    // said …, recounted", "Smith, who has argued that …, met voters"; not "who suggested that
    // Mr. Jäger, under fire, would …".)
    let closes = |comma: usize| {
        subordinate
            || doc.tokens.get(comma + 1).is_some_and(|next| {
                comma + 1 < sentence.tokens.end
                    && !next.cap
                    && (auxiliary_at(doc, comma + 1, sentence.tokens.end)
                        || next.info.is_cue()
                        || (next.kind == TokenKind::Word && word_ends_with(doc, comma + 1, b"ed"))
                        || is_irregular_past(next))
            })
    };
    // (A comma inside a closing mark closes the clause too, "has the “best experience,” Trump
    // …", but for one of a list of quotations: "says he “loves China,” and “…”".)
    let text = doc.text.as_bytes();
    let end = sentence.tokens.end;
    (c + 1..end)
        .take_while(|&t| doc.tokens[t].span.start < stop)
        .find(|&t| {
            let token = &doc.tokens[t];
            let listed = || t + 1 < end && word_in(doc, t + 1, &const { keys(["and", "or"]) });
            !token.in_quote
                && (is_punct(doc, t, b',')
                    || (relative && is_dash(doc, t))
                    || (token.mark == Mark::Close
                        && text.get(token.span.start.wrapping_sub(1)) == Some(&b',')
                        && !listed()))
        })
        .filter(|&comma| closes(comma))
        .map_or(stop, |comma| stop.min(doc.tokens[comma - 1].span.end))
}

/// Is the cue at `cue` a form of "add" (its first letter asked before its key is made)?
#[inline(always)]
fn is_add(doc: &Document, cue: usize) -> bool {
    doc.text.as_bytes()[doc.tokens[cue].span.start] | 0x20 == b'a' && key_at(doc, cue, 3) == key("add")
}

/// Is the cue at `cue` a form of "recall"? (Rare: out of line.)
#[cold]
#[inline(never)]
fn is_recall(doc: &Document, cue: usize) -> bool {
    key_at(doc, cue, 6) == key("recall")
}

/// Is `source` the "who" or "which" of a relative clause set off by a comma or a dash ("Smith,
/// who said …", "Smith — who said …")? Its statement then ends at the comma or dash that
/// closes the clause ([`clause_end`]).
fn set_off_relative(doc: &Document, source: &Source) -> bool {
    // (The byte before the space before it: a comma, or a dash's last, "Ortiz — who has
    // denied the charges — said …"; a dash's bytes are E2 80 93 or 94.)
    let before = source
        .span
        .start
        .checked_sub(4)
        .and_then(|at| doc.text.as_bytes().get(at..source.span.start));
    let set_off = matches!(
        before,
        Some([_, _, b',' | b'-', b' '] | [0xE2, 0x80, 0x93 | 0x94, b' '])
    );
    set_off && matches!(source.span.of(doc.text), "who" | "which")
}

/// Is token `t` a dash that sets off a phrase: an en or em dash, or a hyphen standing alone
/// (or a run of hyphens, "--")?
/// (From its first bytes, as [`punct_of`]'s first character: "–" is E2 80 93, "—" E2 80 94.)
// (Out of line in the browser build: inlined at each of its eleven uses, its slice of the
// text and the byte compares came to 1.3 KB of wasm.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn is_dash(doc: &Document, t: usize) -> bool {
    let token = &doc.tokens[t];
    token.kind == TokenKind::Punct
        && matches!(
            doc.text.as_bytes().get(token.span.start..token.span.end),
            Some([b'-', ..] | [0xE2, 0x80, 0x93 | 0x94, ..])
        )
}

/// Is `token` an irregular past tense ("met", "took", "won"): the check-worthiness lexicon's
/// list, which holds them for its past-tense cue (regular ones end in "-ed").
fn is_irregular_past(token: &crate::segment::Token) -> bool {
    crate::lexicon::table().claim_sets()[usize::from(token.info.claims())] & crate::checkworthy::lexicon::cat::PAST != 0
}

/// Where an intention's infinitive from token `c` ends: as a clause's statement
/// ([`clause_end`]), in a relative clause set off by commas if `source` opens one ("Smith, who
/// has vowed to repeal it, arrived …"). (Out of line: the infinitive path is the rarer.)
#[inline(never)]
fn intention_end(
    doc: &Document,
    first: usize,
    cue: usize,
    c: usize,
    class: CueClass,
    sentence: &crate::segment::Sentence,
    source: &Source,
) -> usize {
    clause_end(doc, first, cue, c, class, sentence, set_off_relative(doc, source))
}

/// Words that open a subordinate clause before the main one ([`clause_end`]). Not "as": "As
/// Smith said, the plan …" reports the main clause.
const OPENING_SUBORDINATORS: KeySet<15> = keys([
    "while", "although", "though", "whereas", "because", "since", "if", "unless", "once", "when", "after", "before",
    "until", "despite", "amid",
]);

/// "described the talks as productive": "describe" in any form, then "as" within the next
/// ten words, none a break. What the verb reports is a description, quoted or not. (Rare:
/// out of line.)
#[cold]
#[inline(never)]
fn described_as(doc: &Document, cue: usize, end: usize) -> bool {
    doc.tokens[cue].span.len() >= 8
        && key_at(doc, cue, 7) == key("describ")
        && (cue + 2..end.min(cue + 12))
            .take_while(|&t| doc.tokens[t].kind != TokenKind::Punct || is_punct(doc, t, b','))
            .any(|t| key_of(doc, t) == key("as"))
}

/// "called him divisive", "calling Trump a fascist", "calls the deal a disaster": a verb of
/// calling with an object and then a label puts the label on the object, the speaker's
/// verdict whether quoted or not. The object is a pronoun, then a word that opens a phrase
/// (no function word but a determiner, no name, time, particle or adverb: not "called him
/// back", "called her Tuesday", "calling himself Paul", "called them shortly after"); or a
/// short phrase ("Trump", "the incident") up to a determiner such as "a" or "his". After the
/// determiner no span of time ("called Obama a day later", "called him this morning").
fn labels_object(doc: &Document, cue: usize, end: usize) -> bool {
    if cue + 3 >= end || !word_in(doc, cue, &const { keys(["called", "calls", "calling"]) }) {
        return false;
    }
    let object = cue + 1;
    let word = bytes_of(doc, object);
    let pronoun = word_in(
        doc,
        object,
        &const { keys(["him", "her", "it", "this", "himself", "herself", "itself"]) },
    ) || word.starts_with(b"them");
    let label = if pronoun {
        object + 1
    } else {
        // (Past an opening determiner other than "a", whose phrase is what was called: "a
        // news conference". Without one, the phrase is a name, in capitals: not "a PAC called
        // Our Principles is ramping up its …", nor "called half a dozen directors".)
        let determined = doc.tokens[object].info.has(DETERMINER)
            && !doc.tokens[object].cap
            && !(word.len() <= 2 && word[0] | 0x20 == b'a');
        let head = object + usize::from(determined);
        let label = (head..end.min(head + 5)).find(|&t| {
            let token = &doc.tokens[t];
            token.kind != TokenKind::Word
                || token.info.has(FUNCTION)
                || token.info.is_cue()
                || !(determined || token.cap)
        });
        match label {
            Some(label) if label > head && doc.tokens[label].info.has(DETERMINER) => label,
            _ => return false,
        }
    };
    // The word that opens the label, or the one after its determiner.
    let determiner = doc.tokens[label].info.has(DETERMINER);
    let probe = label + usize::from(determiner);
    let token = &doc.tokens[probe.min(end - 1)];
    probe < end
        && token.kind == TokenKind::Word
        && !token.info.has(TIME)
        && !word_in(
            doc,
            probe,
            &const {
                keys([
                    "back", "up", "out", "off", "again", "quits", "home", "day", "days", "hour", "few", "next",
                ])
            },
        )
        && (determiner || !(token.cap || token.info.has(FUNCTION) || word_ends_with(doc, probe, b"ly")))
}

/// The "what" one to three words before `cue` (not before `first`) that opens a free
/// relative whose subject those words are: "what he calls", "what the senators said".
fn what_before(doc: &Document, cue: usize, first: usize) -> Option<usize> {
    // (By the lexicon's byte for "what", three compares and no branch between them; most cues
    // have none.)
    let what = word_bytes().what;
    let is_what = |back: usize| {
        let t = cue.saturating_sub(back);
        (cue >= back) & (t >= first) & is_word(doc, t, what, b"what")
    };
    let (two, three, four) = (is_what(2), is_what(3), is_what(4));
    if !(two | three | four) {
        return None;
    }
    let what = if two {
        cue - 2
    } else if three {
        cue - 3
    } else {
        cue - 4
    };
    what_at(doc, what, cue).then_some(what)
}

/// [`what_before`] past its byte test. (Rare: out of line.)
#[cold]
#[inline(never)]
fn what_at(doc: &Document, what: usize, cue: usize) -> bool {
    // (Not "what I learned …", a speaker's own words.)
    key_of(doc, what) == key("what")
        && doc.tokens[what + 1..cue]
            .iter()
            .all(|t| t.kind == TokenKind::Word && !t.in_quote && !t.info.is_cue())
        && !word_in(doc, what + 1, &const { keys(["i", "we", "you"]) })
        && (doc.tokens[what + 1].info.has(PRONOUN)
            || doc.tokens[what + 1].info.has(DETERMINER)
            || doc.tokens[what + 1].name_like
            || doc.tokens[cue - 1].info.is_desc())
}

/// For a cue between a subject and a verb, right after a relative "that" or "which" ("moves
/// that he said improved …", "applicants, which he said were …", "a bill that critics said
/// discriminated …", "which an FBI inquiry said was …"): the relative pronoun's token and the
/// verb's.
fn verb_after_relative(doc: &Document, cue: usize, first: usize, end: usize) -> Option<(usize, usize)> {
    if cue < first + 2 || cue + 1 >= end {
        return None;
    }
    // (By the lexicon's bytes for "that" and "which", with no branch between them; the
    // subject is one to four words.)
    let bytes = word_bytes();
    let relative_at = |t: usize| is_word(doc, t, bytes.that, b"that") | is_word(doc, t, bytes.which, b"which");
    let lowest = cue.saturating_sub(5).max(first);
    let relative = (lowest..=cue - 2).rev().find(|&t| relative_at(t))?;
    verb_after_relative_at(doc, relative, cue, end).map(|verb| (relative, verb))
}

/// [`verb_after_relative`] past its byte test. (Rare: out of line.)
#[cold]
#[inline(never)]
fn verb_after_relative_at(doc: &Document, relative: usize, cue: usize, end: usize) -> Option<usize> {
    // (The subject ends before the cue's perfect and adverbs: "which she has repeatedly said
    // was …", "which officials have said were …"; not before a modal, "in which he could tell
    // stories", whose verb has an object. The modals, "do" and "was" open with c, d, m, s or
    // w; the perfect's "has", "have", "had" and most adverbs do not.)
    let mut said = cue;
    while said > relative + 2 && {
        let word = &doc.tokens[said - 1];
        word.info.has(CUE_MODIFIER)
            && !matches!(
                doc.text.as_bytes()[word.span.start] | 0x20,
                b'c' | b'd' | b'm' | b's' | b'w'
            )
    } {
        said -= 1;
    }
    let verb = &doc.tokens[cue + 1];
    let is_relative = is_that(doc, relative) || is_which(doc, relative);
    let word = bytes_of(doc, cue + 1);
    let finite = verb.kind == TokenKind::Word
        && !verb.cap
        && !verb.in_quote
        && !verb.info.has(PRONOUN)
        && !verb.info.has(DETERMINER)
        && (auxiliary_at(doc, cue + 1, end)
            || word.ends_with(b"ed")
            || (word.len() > 2 && word.ends_with(b"s") && !word.ends_with(b"ss")));
    (is_relative && finite && !doc.tokens[relative].cap && relative_subject(doc, relative + 1, said)).then_some(cue + 1)
}

/// Are the words from `start` to `cue` the subject of a relative clause: a subject pronoun, a
/// name, a plural noun ("critics"), or a phrase opened by a determiner or a name ("the
/// probe", "company executives", "a state audit"), with no past tense, auxiliary, preposition
/// or punctuation among them?
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn relative_subject(doc: &Document, start: usize, cue: usize) -> bool {
    let head = &doc.tokens[cue - 1];
    if start + 1 == cue {
        let plural = !head.cap && head.kind == TokenKind::Word && looks_plural(bytes_of(doc, cue - 1));
        return word_in(doc, start, &SUBJECT_PRONOUNS)
            || (head.name_like && head.kind == TokenKind::Word)
            || (plural && !head.info.has(PRONOUN) && !head.info.has(DETERMINER) && !head.info.has(NOT_CLAUSE_START));
    }
    let opener = &doc.tokens[start];
    // (A past tense is a verb, not a noun like "report" or "probe" that is also a cue.)
    let past_verb = |t: usize| doc.tokens[t].info.is_cue() && word_ends_with(doc, t, b"ed");
    let words = (start..cue).all(|t| {
        let token = &doc.tokens[t];
        token.kind == TokenKind::Word
            && !token.in_quote
            && !past_verb(t)
            && !auxiliary_at(doc, t, cue)
            && !word_in(doc, t, &PREPOSITIONS)
    });
    words
        && head.kind == TokenKind::Word
        && !head.info.has(DETERMINER)
        && !head.info.has(PRONOUN)
        && (opener.info.has(DETERMINER) || opener.name_like || (!opener.cap && looks_plural(bytes_of(doc, cue - 1))))
}

/// Is token `c` (before `end`) an answer a cue reports whole, "yes", "no" or "so", with the
/// clause ending after it ("said so in December", "said yes, but …"), not a word opening a
/// statement ("said no one", "said so far")?
fn answer_at(doc: &Document, c: usize, end: usize) -> bool {
    c < end
        && (2..=3).contains(&doc.tokens[c].span.len())
        && doc.tokens[c].kind == TokenKind::Word
        && word_in(doc, c, &ANSWERS)
        && doc.tokens.get(c + 1).is_none_or(|next| {
            // (Punctuation but a mark or a bracket that opens more words: "said “no” …".)
            let ends = next.kind == TokenKind::Punct && next.mark == Mark::None && !is_punct(doc, c + 1, b'(');
            c + 1 >= end || ends || word_in(doc, c + 1, &ANSWER_FOLLOWERS)
        })
}

/// Words after which an answer's clause has ended ([`answer_at`]): prepositions of an
/// adverbial ("said so in December") and joiners ("said yes, but …", "thinks so too").
const ANSWER_FOLLOWERS: KeySet<10> = keys([
    "in", "on", "at", "during", "after", "before", "but", "while", "and", "too",
]);

/// The answers of [`answer_at`].
/// ("no." is "no" at a sentence's end, where the tokenizer took it for the abbreviation.)
const ANSWERS: KeySet<4> = keys(["yes", "no", "so", "no."]);

/// Does a subject open at `c`, a word of the list of those that mostly show no statement
/// after a cue ("said this on Tuesday", "said about the plan")? "this" or "this" and a noun
/// before a verb ("said this was …", "say this plan will …"), and so "no" ("said no one
/// was …"); "about", "more than" or "at least" and a number ("said about 40 percent of voters
/// were …", "about half … backed", "at least 12 people were"), a verb soon after. (Rare: out
/// of line.)
#[cold]
#[inline(never)]
fn opens_subject_anyway(doc: &Document, c: usize, end: usize) -> bool {
    let verb = |t: usize| auxiliary_at(doc, t, end);
    let plain_word = |t: usize| {
        t < end && doc.tokens[t].kind == TokenKind::Word && !doc.tokens[t].info.has(FUNCTION) && !doc.tokens[t].cap
    };
    // ("said more work was needed", "said further tests will …": a quantity of the subject's.)
    if word_in(
        doc,
        c,
        &const { keys(["this", "more", "less", "much", "little", "further"]) },
    ) && (verb(c + 1) || (plain_word(c + 1) && verb(c + 2)))
    {
        return true;
    }
    // "said no decision had been made", "say no one was hurt" (not "said no to the plan",
    // nor after a comma: "after it was announced, no one had come").
    if is_word(doc, c, None, b"no") {
        let noun = plain_word(c + 1) || (c + 1 < end && is_word(doc, c + 1, None, b"one"));
        let after_word = c > 0 && doc.tokens[c - 1].kind == TokenKind::Word;
        let noun = noun && after_word;
        return noun && (verb(c + 2) || (plain_word(c + 2) && verb(c + 3)));
    }
    // "said about half of …", "said more than 1 million donors made …".
    let comparison = word_in(doc, c, &const { keys(["more", "less", "fewer"]) })
        && c + 1 < end
        && is_word(doc, c + 1, None, b"than");
    // (And "said at least 12 people were killed".)
    let bound = is_word(doc, c, None, b"at") && c + 1 < end && word_in(doc, c + 1, &const { keys(["least", "most"]) });
    if comparison || bound || is_word(doc, c, None, b"about") {
        let count = c + 1 + usize::from(comparison || bound);
        let counted = doc.tokens.get(count).is_some_and(|t| {
            count < end
                && (t.kind == TokenKind::Number || is_word(doc, count, None, b"half") || word_in(doc, count, &NUMBERS))
        });
        // (Here a past tense shows the verb too: "about half of them backed him".)
        let past = |t: usize| t < end && plain_word(t) && word_ends_with(doc, t, b"ed");
        // (After "more than" and a count, any plain word after the counted noun: "said more
        // than 1 million donors made …".)
        let plain = |t: usize| comparison && t > count + 1 && plain_word(t);
        return counted && (count + 1..end.min(count + 11)).any(|t| verb(t) || past(t) || plain(t));
    }
    // "said if he were elected, …", "believe if turnout holds, …": a condition opening the
    // statement (not "said if asked").
    if is_word(doc, c, None, b"if") {
        return doc
            .tokens
            .get(c + 1)
            .is_some_and(|t| c + 1 < end && t.kind == TokenKind::Word && !t.info.is_cue());
    }
    // "said much of his discussion was about Israel", "said little of it had changed": a
    // quantity of something, and a verb within a few words.
    if word_in(doc, c, &const { keys(["much", "little", "most"]) }) && c + 1 < end && is_word(doc, c + 1, None, b"of") {
        return (c + 2..end.min(c + 9)).any(verb);
    }
    false
}

/// "said that, given the damage, the president should …", "said that if elected, he would
/// …": after "that", an opening adverbial set off by a comma and then a subject. (Rare: out
/// of line.)
#[cold]
#[inline(never)]
fn subject_after_fronted(doc: &Document, c: usize, end: usize) -> bool {
    let mut t = c;
    if t < end && is_punct(doc, t, b',') {
        t += 1;
    }
    let opener = doc.tokens.get(t).is_some_and(|x| {
        t < end
            && x.kind == TokenKind::Word
            && (word_in(doc, t, &SUBORDINATORS)
                || word_in(doc, t, &PREPOSITIONS)
                || word_in(doc, t, &const { keys(["given", "despite", "once", "as"]) }))
    });
    opener
        && (t + 1..end.min(t + 12))
            .find(|&i| doc.tokens[i].kind == TokenKind::Punct)
            .is_some_and(|i| is_punct(doc, i, b',') && starts_with_subject(doc, i + 1, end))
}

/// "said at the rally he would …", "said in politics it takes …": after "said" or "told" (whose
/// prepositional phrases are adverbials, where other verbs' are their complements:
/// "complained of the imbalance he sees"), a preposition at `c`, one to five words, then a
/// subject pronoun and a verb (a word that is no function word, or an auxiliary): where the
/// pronoun is. (Rare: out of line.)
#[cold]
#[inline(never)]
fn pronoun_after_phrase(doc: &Document, cue: usize, c: usize, end: usize) -> Option<usize> {
    let says = is_one_of(
        key_of(doc, cue),
        &const { keys(["said", "says", "say", "told", "tells", "tell"]) },
    );
    if !says || !word_in(doc, c, &PREPOSITIONS) {
        return None;
    }
    // (No clause of its own among the words: "as he live-tweeted", "until they start".)
    let plain = |t: usize| {
        let token = &doc.tokens[t];
        token.kind == TokenKind::Word
            && !token.in_quote
            && !token.info.is_cue()
            && !token.info.has(PRONOUN)
            && !word_in(doc, t, &SUBORDINATORS)
            && !contracted_subject(doc, t)
    };
    let pronoun = (c + 2..end.min(c + 7)).find(|&t| !plain(t))?;
    if !(c + 1..pronoun).all(plain) {
        return None;
    }
    // ("he’s" holds its verb.)
    if contracted_subject(doc, pronoun) {
        return Some(pronoun);
    }
    if !word_in(doc, pronoun, &SUBJECT_PRONOUNS) {
        return None;
    }
    let verb = pronoun + 1;
    let shows_verb = verb < end && {
        let token = &doc.tokens[verb];
        token.kind == TokenKind::Word
            && !token.cap
            && (!token.info.has(FUNCTION) || word_in(doc, verb, &AUXILIARIES) || word_in(doc, verb, &BE))
    };
    shows_verb.then_some(pronoun)
}

/// Personal pronouns that stand as a clause's subject.
const SUBJECT_PRONOUNS: KeySet<6> = keys(["he", "she", "it", "they", "we", "i"]);

/// Where an object that starts at token `c` ends, up to byte `end` (the statement's end): at
/// the first comma after which the sentence goes on with something else than the object's
/// list: a participle, a pronoun, a clause's joiner, a relative clause or a name that no
/// "and" closes ("announced his return to the team, Cleveland felt …", "mentioned the
/// secretary, and at one point the crowd …"); not in a list ("cuts to schools, roads and
/// parks"). (Objects are rare: out of line.)
#[cold]
#[inline(never)]
fn object_end(doc: &Document, c: usize, end: usize) -> usize {
    let mut t = c + 1;
    while let Some(token) = doc.tokens.get(t).filter(|x| x.span.end <= end) {
        if token.in_quote || !is_punct(doc, t, b',') {
            t += 1;
            continue;
        }
        let Some(next) = doc.tokens.get(t + 1).filter(|x| x.span.end <= end) else {
            break;
        };
        let key = key_of(doc, t + 1);
        let and_soon = (t + 2..(t + 5).min(doc.tokens.len()))
            .take_while(|&i| doc.tokens[i].span.end <= end)
            .any(|i| word_in(doc, i, &const { keys(["and", "or"]) }));
        let joiner = is_one_of(key, &const { keys(["and", "but"]) })
            && doc
                .tokens
                .get(t + 2)
                .is_some_and(|x| x.info.has(PRONOUN) || word_in(doc, t + 2, &PREPOSITIONS));
        let other = next.kind == TokenKind::Word
            && (word_ends_with(doc, t + 1, b"ing")
                || next.info.has(PRONOUN)
                || joiner
                || is_one_of(key, &const { keys(["but", "while", "as", "when", "which", "who"]) })
                || (next.cap && !and_soon));
        if other {
            return doc.tokens[t - 1].span.end;
        }
        t += 1;
    }
    end
}

/// Is there an auxiliary or a modal among the six tokens from `c` ("prices would rise", "the
/// plan is dead"), as a clause after a cue has? (Rare: out of line.)
#[cold]
#[inline(never)]
fn verb_soon(doc: &Document, c: usize, end: usize) -> bool {
    (c..end.min(c + 6)).any(|i| auxiliary_at(doc, i, end))
}

/// Prepositions that name whom a speaker works for: "analysts at", "officials with", "a
/// spokesman for", "researchers from".
const EMPLOYER_PREPOSITIONS: KeySet<4> = keys(["at", "with", "for", "from"]);

/// Auxiliaries and modals, with the forms of "be" ([`BE`]) the verbs a clause shows first.
const AUXILIARIES: KeySet<14> = keys([
    "would", "will", "could", "should", "may", "might", "can", "must", "has", "have", "had", "does", "do", "did",
]);

/// "…, Doe said on Tuesday in an interview.": are the words from `tail` to the sentence's end
/// adverbials, opened by a preposition or a time, with no punctuation, pronoun or cue among
/// them and no clause after a short one ("said on Tuesday the plan was dead")? (Rare: out of
/// line.)
#[cold]
#[inline(never)]
fn adverbials_only(doc: &Document, tail: usize, end: usize) -> bool {
    // (The words up to the final stop: no comma that opens another clause, no infinitive.)
    let last = before_final_stop(doc, tail, end);
    doc.tokens
        .get(tail)
        .is_some_and(|t| tail < last && (t.info.has(TIME) || word_in(doc, tail, &PREPOSITIONS)))
        // (At most eight words, and four more in capitals: a name is one thing however long,
        // "in a filing with the Securities and Exchange Commission".)
        && last - tail <= 12
        && (tail..last).filter(|&i| !doc.tokens[i].cap).count() <= 8
        && (tail..last).all(|i| {
            let token = &doc.tokens[i];
            // (A programme's title in quotation marks is one of its words, the stop before
            // its closing mark too: "said Sunday on CBS’s “Face the Nation.”")
            // (At the text's end, with no stop, there is no token after the last.)
            let titled = token.mark != Mark::None || doc.tokens.get(i + 1).is_some_and(|n| n.mark == Mark::Close);
            (token.kind == TokenKind::Word && !token.info.is_cue() && !token.info.has(PRONOUN)) || titled
        })
        && after_adverbial(doc, tail, end).is_none()
}

/// "…, said Jane Doe, a professor at Yale.": does a source follow the cue (which follows the
/// content's comma), and a comma after it? (What follows the comma describes the source.)
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn described_source_after(doc: &Document, cue: usize, end: usize) -> bool {
    source_right(doc, cue).is_some_and(|source| source.head + 2 < end && is_punct(doc, source.head + 1, b','))
}

/// "…, said RNC spokesman Sean Spicer.", "…, said former Gov. Mike Huckabee.": does a source
/// follow the cue and run to the sentence's final stop? (Rare: out of line.)
#[cold]
#[inline(never)]
fn source_to_end_after(doc: &Document, cue: usize, end: usize) -> bool {
    source_right(doc, cue).is_some_and(|source| {
        source.kind != MentionKind::Pronoun && source.head + 1 == before_final_stop(doc, source.head + 1, end)
    })
}

/// "…, said a person familiar with the talks.": does a source follow the cue, and after it
/// only words that modify it? (Rare: out of line.)
#[cold]
#[inline(never)]
fn postmodified_source_after(doc: &Document, cue: usize, end: usize) -> bool {
    source_right(doc, cue).is_some_and(|source| {
        postmodifier_tail(doc, source.head + 1, end)
            || (source.kind != MentionKind::Pronoun && prepositional_tail(doc, source.head + 1, end))
    })
}

/// "…, said a spokesman for the ministry.", "…, said a fellow at the Brookings Institution,
/// who …": do the words from `from` open with a preposition that ties them to the phrase
/// before, and run to the sentence's end or a comma (after which the speaker is described)
/// with no cue or verb "be" among them, at most seven words? (Rare: out of line.)
#[cold]
#[inline(never)]
fn prepositional_tail(doc: &Document, from: usize, end: usize) -> bool {
    let last = before_final_stop(doc, from, end);
    if from + 1 >= last || !word_in(doc, from, &SOURCE_PREPOSITIONS) {
        return false;
    }
    let stop = (from + 1..last).find(|&i| is_punct(doc, i, b',')).unwrap_or(last);
    stop - from <= 7
        && stop > from + 1
        && (from + 1..stop).all(|i| {
            let token = &doc.tokens[i];
            token.kind != TokenKind::Punct && !token.info.is_cue() && !word_in(doc, i, &BE)
        })
}

/// The token after the listener that starts at `c`, after "told": its first word and the
/// capitals and determiners that follow ("reporters", "The Wall Street Journal", "a Senate").
/// (Less than once a document: out of the hot path, natively.)
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
fn past_listener(doc: &Document, c: usize, end: usize) -> usize {
    if c >= end || doc.tokens[c].kind != TokenKind::Word {
        return c;
    }
    // After a determiner the listener's words go on ("a Senate panel", "his staff"); after a
    // name, its capitals ("The Wall Street Journal"). A determiner or a pronoun opens the
    // statement ("told reporters the plan was dead", "told him it was over").
    let first = &doc.tokens[c];
    let determined = first.info.has(DETERMINER) || first.possessive != 0;
    let mut i = c + 1;
    while i < end && {
        let token = &doc.tokens[i];
        // (Nor a contraction: "told the Post he’s …".)
        token.kind == TokenKind::Word
            && !token.info.has(DETERMINER)
            && !token.info.has(PRONOUN)
            && token.possessive == 0
            && ((token.cap && (first.cap || determined))
                || (determined && !token.info.has(FUNCTION) && !token.info.is_cue() && i - c <= 3))
    } {
        i += 1;
    }
    i
}

/// For "content, X, his top aide, said" with `close` the comma before the cue: the source (the
/// phrase after the content's comma, a name or a description the name follows) and the last
/// token of the content. Each phrase at most six words, with no other punctuation.
#[cold]
#[inline(never)]
fn apposed_source_before(doc: &Document, first: usize, close: usize) -> Option<(Source, usize)> {
    let comma_left = |from: usize| {
        (from.saturating_sub(7).max(first)..from)
            .rev()
            .find(|&i| doc.tokens[i].kind == TokenKind::Punct)
    };
    let middle = comma_left(close).filter(|&i| is_punct(doc, i, b','))?;
    let open = comma_left(middle).filter(|&i| is_punct(doc, i, b',') && i > first + 2)?;
    if middle == open + 1 || close == middle + 1 {
        return None;
    }
    // The first phrase whole, else the second ("its chief strategist, Tad Devine": a role
    // the lexicon does not know, then the name).
    let first_phrase = source_left_of(doc, middle, open + 1).filter(|source| first_token_of(doc, source) == open + 1);
    let source = first_phrase.or_else(|| {
        source_left_of(doc, close, middle + 1).filter(|source| first_token_of(doc, source) == middle + 1)
    })?;
    Some((source, open - 1))
}

/// Does a listener start at `c`, after "told": a name ("The Wall Street Journal", "CNN"), a
/// noun for people or a body ("reporters", "committee members"), a phrase with a determiner
/// ("a county panel", "his staff") or a pronoun ("him")? Not what another verb of the class
/// takes ("assured of winning", "urged to").
fn names_listener(doc: &Document, c: usize, end: usize) -> bool {
    let named = |t: usize| {
        doc.tokens.get(t).is_some_and(|x| {
            t < end && x.kind == TokenKind::Word && (x.cap || x.info.desc().is_some_and(|d| d != DescKind::Message))
        })
    };
    let determined = c < end && (doc.tokens[c].info.has(DETERMINER) || doc.tokens[c].possessive != 0);
    // ("urged followers to", "tells audiences she …": a plural noun is people too.)
    let plural = |t: &Token| {
        t.kind == TokenKind::Word
            && !t.cap
            && looks_plural(t.span.of(doc.text).as_bytes())
            && !t.info.has(FUNCTION)
            && !t.info.has(TIME)
            && !t.info.is_cue()
    };
    let unnamed = || c < end && (word_in(doc, c, &LISTENERS) || plural(&doc.tokens[c]));
    named(c) || determined || unnamed()
}

/// The people told, when not named and no plural noun: "told him".
const LISTENERS: KeySet<6> = keys(["him", "her", "them", "us", "me", "you"]);

/// The token after a short adverbial at `c` that a clause with its subject follows: a time
/// ("Monday", "on Tuesday", "last week") or a message ("in a statement", "in an email").
/// None if the words there are not one of those.
fn after_adverbial(doc: &Document, c: usize, end: usize) -> Option<usize> {
    let word = |t: usize| {
        doc.tokens
            .get(t)
            .filter(|x| t < end && x.kind == TokenKind::Word && !x.in_quote)
    };
    let mut t = c;
    // A preposition or "last"/"this" first, then up to two words (a determiner among them),
    // the last a time or a message word.
    if !word(t)?.info.has(TIME) {
        t += 1;
        let mut words = 0;
        while !word(t)?.info.has(TIME) && word(t)?.info.desc() != Some(DescKind::Message) {
            words += 1;
            if words == 2 {
                return None;
            }
            t += 1;
        }
    }
    let after = t + 1;
    // ("in a September 16 email": a date's number is no subject.)
    let dated = doc.tokens.get(after).is_some_and(|x| x.kind == TokenKind::Number);
    (!dated && starts_with_subject(doc, after, end) && looks_like_clause(doc, after, end)).then_some(after)
}

/// The source of a statement that follows its cue: a mention just left of it, else any plain
/// phrase there (`true`: found only by its place), else the sentence's subject.
/// (`s` is the cue's sentence, `first` the floor of the search.)
// (Out of line in the browser build: five callers, each inlining a copy.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn source_before_verb(doc: &Document, cue: usize, first: usize, s: usize) -> Option<(Source, bool)> {
    match source_left(doc, cue, first) {
        Some(source) => Some((source, false)),
        None => match generic_or_known_left(doc, cue, first) {
            Some((source, known)) => Some((source, !known)),
            None => Some((
                subject_of(doc, cue, s).or_else(|| subject_after_having(doc, cue, s))?,
                false,
            )),
        },
    }
}

/// "Having announced the ruling, Judge Berman said …": a cue right after the "Having" that
/// opens its sentence `s` is the main clause's, whose subject follows the comma that closes
/// the opening clause. (Rare: out of line.)
#[cold]
#[inline(never)]
fn subject_after_having(doc: &Document, cue: usize, s: usize) -> Option<Source> {
    let sentence = doc.sentences.get(s)?;
    // (Not the aside "Having said that, …": one word before the comma is no statement.)
    let end = sentence.tokens.end.min(cue + STATEMENT_WINDOW);
    if cue != sentence.tokens.start + 1
        || !is_word(doc, cue - 1, None, b"having")
        || cue + 2 >= end
        || is_punct(doc, cue + 2, b',')
    {
        return None;
    }
    let comma = (cue + 1..end).find(|&i| is_punct(doc, i, b',') && !doc.tokens[i].in_quote)?;
    subject_past(doc, sentence, comma + 1, end.min(comma + 8), true)
}

/// Does a clause open at token `c`, right after a verb of the `think` class that otherwise
/// needs "that" ("feel", "know", "acknowledge"), shown by its own words: a pronoun that is
/// never an object ("they feel they have enough", "knows he cannot win"; not "it" or "you",
/// which may be the verb's object), or a subject and a form of "be" or an auxiliary within a
/// few words ("feel the country is on the wrong path"; not "knew the area well"). Not after
/// the first or second person ("I know we can", "I am convinced we need"): that is the
/// speaker's own assertion, as a debate's sentences are. (Rare: out of line.)
#[cold]
#[inline(never)]
fn bare_clause_after(doc: &Document, cue: usize, c: usize, end: usize) -> bool {
    if c + 1 >= end || doc.tokens[c].in_quote || doc.tokens[c + 1].kind != TokenKind::Word {
        return false;
    }
    // (The verb's subject, past a form of "be" or an adverb in -ly: "I am convinced", "we
    // really feel".)
    let mut s = cue;
    while s > 0 && s + 3 > cue && (word_in(doc, s - 1, &BE) || word_ends_with(doc, s - 1, b"ly")) {
        s -= 1;
    }
    let first_person = const { keys(["i", "we", "you", "i'm", "i’m", "we're", "we’re", "you're", "you’re"]) };
    if s > 0 && (is_one_of(key_of(doc, s - 1), &first_person) || is_word(doc, s - 1, None, b"am")) {
        return false;
    }
    let subject_only = is_one_of(key_of(doc, c), &const { keys(["he", "she", "we", "they", "i"]) })
        || (contracted_subject(doc, c) && !is_one_of(key_at(doc, c, 2), &const { keys(["it"]) }));
    subject_only || (c == cue + 1 && starts_with_subject(doc, c, end) && opens_clause_after(doc, cue, end))
}

/// Does a subject open the clause at token `c`: a pronoun, a determiner or quantity, a name
/// or a number?
// (Out of line in the browser build: inlined at each of its nine uses, its tests of the
// token came to 0.7 KB of wasm.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn starts_with_subject(doc: &Document, c: usize, end: usize) -> bool {
    doc.tokens.get(c).filter(|_| c < end).is_some_and(|t| {
        !t.in_quote
            && (t.kind == TokenKind::Number
                || (t.kind == TokenKind::Punct && sum_subject(doc, c, end))
                || (t.kind == TokenKind::Word
                    && (t.info.has(PRONOUN)
                        || t.info.has(DETERMINER)
                        || t.info.has(QUANTIFIER)
                        || (t.cap && t.name_like)
                        // (Not a capitalised word, as "Trump's" is, but for "I'm".)
                        || ((!t.cap || doc.text.as_bytes()[t.span.start] == b'I') && contracted_subject(doc, c)))))
    })
}

/// Does a clause open at token `t` (before `end`) with a sum for its subject: a currency's
/// sign right before a number, and an auxiliary or a form of "be" soon after ("£2.4 billion
/// had been committed")? Not a sum that is a verb's object ("reported $2.17 billion in
/// revenue"). (Rare: out of line.)
#[cold]
#[inline(never)]
fn sum_subject(doc: &Document, t: usize, end: usize) -> bool {
    let sum = matches!(punct_of(doc.text, &doc.tokens[t]), Some('$' | '£' | '€' | '¥'))
        && doc
            .tokens
            .get(t + 1)
            .is_some_and(|n| n.kind == TokenKind::Number && n.span.start == doc.tokens[t].span.end);
    sum && (t + 2..end.min(t + 7)).any(|i| auxiliary_at(doc, i, end))
}

/// Does a clause open at `c` with a bare noun phrase for its subject, shown by a form of
/// "be" or an auxiliary among the next three words: "health spending will …", "turnout was
/// …"? (Rare: out of line.)
#[cold]
#[inline(never)]
fn bare_subject(doc: &Document, c: usize, end: usize) -> bool {
    let plain = |t: usize| {
        let token = &doc.tokens[t];
        token.kind == TokenKind::Word
            && !token.in_quote
            && !token.cap
            && !token.info.has(FUNCTION)
            && !token.info.is_cue()
    };
    // (A gerund's phrase may hold a determiner: "using a private server was …".)
    let gerund = word_ends_with(doc, c, b"ing");
    let reach = if gerund { 6 } else { 4 };
    c < end
        && plain(c)
        && (c + 1..end.min(c + reach))
            .take_while(|&t| auxiliary_at(doc, t, end) || plain(t) || (gerund && doc.tokens[t].info.has(DETERMINER)))
            .any(|t| auxiliary_at(doc, t, end))
}

/// Is token `t` a subject pronoun contracted with its verb: "he’s", "they'll", "it's",
/// "there’s"? (The lexicon knows the pronoun, not the contraction.)
#[cold]
#[inline(never)]
fn contracted_subject(doc: &Document, t: usize) -> bool {
    let span = doc.tokens[t].span;
    if !(3..=12).contains(&span.len()) {
        return false;
    }
    // The first byte that is no ASCII letter or digit, among the first eight, at once.
    let bytes = doc.text.as_bytes();
    let within = swar::low_bytes(span.len().min(8));
    let stops = swar::not_alnum(swar::load8(bytes, span.start) & within) & within;
    let stem = stops.trailing_zeros() as usize / 8;
    (1..=5).contains(&stem)
        && matches!(bytes[span.start + stem], b'\'' | 0xE2)
        && is_one_of(key_at(doc, t, stem), &CONTRACTED_SUBJECTS)
}

/// The pronoun of "he’s", "she’s" or "it’s" at `t` as a speaker (its span without the
/// "’s"), if it is one. (Rare: out of line.)
#[cold]
#[inline(never)]
fn contracted_pronoun(doc: &Document, t: usize) -> Option<Source> {
    let token = &doc.tokens[t];
    let stem = token.span.len() - usize::from(token.possessive);
    let pronoun = is_one_of(key_at(doc, t, stem), &keys::<3>(["he", "she", "it"]));
    pronoun.then(|| {
        Source::new(
            Span::new(token.span.start, token.span.start + stem),
            t,
            MentionKind::Pronoun,
        )
    })
}

/// The subjects of [`contracted_subject`].
const CONTRACTED_SUBJECTS: KeySet<9> = keys(["he", "she", "it", "they", "we", "i", "you", "there", "that"]);

/// The clause an inference verb is about, subject included: "[the convention is expected to
/// bring $200 million into the city] - a key reason …". It starts after the punctuation or
/// conjunction that opens the clause and ends at the next break.
fn raised_clause(doc: &Document, cue: usize, sentence: &crate::segment::Sentence) -> Option<Span> {
    let (first, end) = (sentence.tokens.start, sentence.tokens.end);
    if cue + 1 >= end || !is_to(doc, cue + 1) {
        return None;
    }
    // "It seems to me that …", "appeared to the crowd": "to" before an object is no infinitive.
    if doc
        .tokens
        .get(cue + 2)
        .is_some_and(|n| cue + 2 < end && (n.info.has(DETERMINER) || word_in(doc, cue + 2, &OBJECT_PRONOUNS)))
    {
        return None;
    }
    // "expected" reports an inference only in the passive ("is widely expected to").
    if eq_ignore_case(bytes_of(doc, cue), b"expected")
        && !(cue.saturating_sub(3).max(first)..cue).any(|i| word_in(doc, i, &BE))
    {
        return None;
    }
    Some(clause_around(doc, cue, cue + 2, sentence))
}

/// "The FBI is reportedly making arrangements to interview her": an adverb of hearsay (class
/// `adverb` in cue-verbs.txt) reports its clause, by nobody named, as [`raised_clause`] does
/// (not in a quotation, nor opening a participle's aside: "…, reportedly winning over …").
/// (Out of line: the adverbs are rare.)
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn hearsay_clause(doc: &Document, cue: usize, sentence: &crate::segment::Sentence) -> Option<Span> {
    let token = &doc.tokens[cue];
    if token.in_quote || cue + 1 >= sentence.tokens.end || (cue > 0 && is_punct(doc, cue - 1, b',')) {
        return None;
    }
    // ("Hale reportedly told aides the talks had stalled": before a verb of speech the hearsay
    // is of that attribution, which the verb itself reports, with its subject.)
    if matches!(doc.tokens[cue + 1].info.cue(), Some(CueClass::Speech | CueClass::Tell)) && !doc.tokens[cue + 1].cap {
        return None;
    }
    Some(clause_around(doc, cue, cue + 1, sentence))
}

/// The clause around the cue at `cue`: back to what opens it (a comma, a quotation mark or a
/// clause opener, at most 40 tokens), on from token `from` to the next break.
#[cfg_attr(not(target_arch = "wasm32"), cold)]
#[inline(never)]
fn clause_around(doc: &Document, cue: usize, from: usize, sentence: &crate::segment::Sentence) -> Span {
    let first = sentence.tokens.start;
    let mut start = cue;
    while start > first && cue - start < 40 {
        let prev = &doc.tokens[start - 1];
        let opens = matches!(punct_of(doc.text, prev), Some(',' | ';' | ':' | '—' | '–' | '(' | '-'))
            || prev.mark != Mark::None
            || word_in(doc, start - 1, &CLAUSE_OPENERS);
        if opens {
            break;
        }
        start -= 1;
    }
    let stop = end_before_break(doc, from, sentence, &[',', ';', '—', '–', '-', '(']);
    Span::new(doc.tokens[start].span.start, stop)
}

/// Words whose "'s" is "has" or "is" rather than a possessive.
/// Prepositions that cannot stand right before a finite verb (not "to", "as", "than").
const PREPOSITIONS: KeySet<24> = keys([
    "in", "on", "at", "of", "for", "with", "from", "into", "onto", "within", "via", "over", "under", "against",
    "toward", "towards", "upon", "amid", "among", "across", "behind", "beside", "during", "through",
]);
/// Adjectives and participles that follow the noun they modify, with a preposition, in the
/// way news describes unnamed sources: "a source close to", "people familiar with", "officials
/// briefed on", "aides involved in" (and "with knowledge of": see [`postmodifier_before`]).
const POSTMODIFIERS: KeySet<11> = keys([
    "close", "closest", "familiar", "briefed", "involved", "loyal", "allied", "aligned", "linked", "tied", "privy",
]);
/// [`POSTMODIFIERS`] longer than a key.
/// Each by its first eight letters and its length, which no other English word shares: one
/// key compare, where comparing the whole words was 1.8 KB of the browser build.
const LONG_POSTMODIFIERS: [(Key, usize); 4] = [
    (key("knowledg"), "knowledgeable".len()),
    (key("sympathe"), "sympathetic".len()),
    (key("connecte"), "connected".len()),
    (key("knowledg"), "knowledge".len()),
];

/// Is token `t` one of the [`POSTMODIFIERS`] or [`LONG_POSTMODIFIERS`]?
fn is_postmodifier(doc: &Document, t: usize) -> bool {
    let key = key_of(doc, t);
    if key == LONG {
        let (head, len) = (key_at(doc, t, 8), doc.tokens[t].span.len());
        return LONG_POSTMODIFIERS.iter().any(|&(k, n)| k == head && n == len);
    }
    is_one_of(key, &POSTMODIFIERS)
}
/// Is the word at `t` a participle of speech ("saying", "warning", "adding")? (The cue first:
/// most words are none, and their ending is not asked.)
fn is_speech_participle(doc: &Document, t: usize) -> bool {
    doc.tokens[t].info.is_cue() && word_ends_with(doc, t, b"ing")
}

/// The relative pronouns that open a clause set off by commas: "…, who asked not to be
/// named, …", "…, which first reported the story, …".
const WHO_WHICH: KeySet<2> = keys(["who", "which"]);

/// The prepositions that tie an inverted speaker to what it speaks for: "a spokesman for",
/// "a professor at", "an analyst with", "a member of", "an adviser to".
const SOURCE_PREPOSITIONS: KeySet<7> = keys(["for", "of", "at", "with", "from", "in", "to"]);
/// The prepositions after [`POSTMODIFIERS`].
const POSTMODIFIER_PREPOSITIONS: KeySet<6> = keys(["to", "with", "on", "about", "in", "of"]);
/// Counts above one, spelled out.
const NUMBERS: KeySet<12> = keys([
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "hundreds",
]);
const CONTRACTED: KeySet<8> = keys(["he", "she", "it", "who", "that", "there", "what", "here"]);
const OBJECT_PRONOUNS: KeySet<5> = keys(["me", "him", "us", "them", "you"]);
/// Particles that join a verb to its object: "referring to", "called for", "spoke about".
/// Words after which a relative clause's words are a clause of their own (see
/// `subject_before_relative`).
const CLAUSE_JOINERS: KeySet<8> = keys(["and", "or", "but", "than", "that", "as", "because", "while"]);
const PARTICLES: KeySet<5> = keys(["to", "for", "on", "about", "against"]);
/// Words of a counted group before its verb: "22 percent said", "one in five say".
const COUNTED: KeySet<10> = keys([
    "percent", "in", "of", "who", "out", "than", "one", "nearly", "about", "almost",
]);
const BE: KeySet<7> = keys(["is", "are", "was", "were", "be", "been", "being"]);
/// After "…, X said," a word that opens a clause or phrase of the reporter's: "…, the company
/// said, as rivals cut prices", "…, officials said, amid protests". (Not "while" nor "but":
/// "…, Bob said, while others “didn't want to help”" goes on with Bob's statement.)
fn reporter_goes_on(doc: &Document, at: usize, end: usize) -> bool {
    at + 2 < end && (word_in(doc, at, &REPORTER_CLAUSE_OPENERS) || appositive_to_end(doc, at, end))
}

/// Is what runs from `at` to the sentence's `end` a noun phrase in apposition to the clause
/// before it, with no verb: "…, the statistics office said last week, the lowest reading in
/// three years." (A determiner opens it; no verb of speech, form of "be", auxiliary or word
/// in "-ed" follows, which would make it a clause: "…, officials said, the plan would …".)
/// (Rare: out of line.)
#[cold]
#[inline(never)]
fn appositive_to_end(doc: &Document, at: usize, end: usize) -> bool {
    word_in(doc, at, &const { keys(["the", "a", "an"]) })
        && (at + 1..end).all(|i| {
            let token = &doc.tokens[i];
            token.kind != TokenKind::Word
                || !(token.info.is_cue() || auxiliary_at(doc, i, end) || word_ends_with(doc, i, b"ed"))
        })
}

const REPORTER_CLAUSE_OPENERS: KeySet<3> = keys(["as", "amid", "even"]);
const CLAUSE_OPENERS: KeySet<12> = keys([
    "and", "but", "while", "because", "although", "though", "if", "as", "that", "since", "whether", "when",
]);
const QUESTION_WORDS: KeySet<11> = keys([
    "if", "whether", "about", "what", "how", "why", "who", "whom", "where", "when", "which",
]);

/// "asked whether he would run", "Asked about the plan, …", "asked him if …": a question put
/// in the reporter's words runs from its question word to the next break.
fn question_after(doc: &Document, cue: usize, sentence: &crate::segment::Sentence) -> Option<(Span, Option<Source>)> {
    let end = sentence.tokens.end;
    // (The key of its first three bytes, not the word's text: a word whose first three bytes
    // are "ask" starts with it, and one compare of the key spares every other cue a
    // char-boundary check, and the cues in "a" a byte compare that mispredicted.)
    if bytes_of(doc, cue).len() < 3 || key_at(doc, cue, 3) != key("ask") {
        return None;
    }
    // "Asked by a reporter whether …", "was asked by host Jane Doe to explain …": the asker
    // after "by", then the question or the request.
    if let Some(asker) = passive_agent(doc, cue + 1) {
        return asked_by(doc, asker, sentence).map(|content| (content, Some(asker)));
    }
    // At most two words (the person asked) before the question word, or an adverbial of up
    // to seven: "Asked during a January debate why …", "asked at a briefing Monday in
    // Washington about …" (words none of which is a verb of speech, "to" or "that", which
    // would open another construction: "asked them to explain why …").
    let q = (cue + 1..end.min(cue + 8))
        .take_while(|&i| {
            let token = &doc.tokens[i];
            token.kind == TokenKind::Word
                && !token.in_quote
                && (i < cue + 3 || !(token.info.is_cue() || is_to(doc, i) || is_that(doc, i)))
        })
        .find(|&i| word_in(doc, i, &QUESTION_WORDS))?;
    // (Past the first two words only after a preposition that opens the adverbial.)
    if q > cue + 3 && !word_in(doc, cue + 1, &PREPOSITIONS) {
        return None;
    }
    question_from(doc, q, sentence).map(|content| (content, None))
}

/// The question or request right after the asker `asker` named after "by" (past an adverbial
/// of up to four words opened by a preposition: "by Ingraham on Thursday about …"): from its
/// question word, or from "to" ("to explain the delay"). (Rare: out of line.)
#[cold]
#[inline(never)]
fn asked_by(doc: &Document, asker: Source, sentence: &crate::segment::Sentence) -> Option<Span> {
    let end = sentence.tokens.end;
    let after = asker.head + 1;
    let opens = |i: usize| word_in(doc, i, &QUESTION_WORDS) || is_to(doc, i);
    let reach = if after < end && word_in(doc, after, &PREPOSITIONS) {
        5
    } else {
        1
    };
    let q = (after..end.min(after + reach))
        .take_while(|&i| doc.tokens[i].kind == TokenKind::Word && !doc.tokens[i].in_quote)
        .find(|&i| opens(i))?;
    question_from(doc, q, sentence)
}

/// The question that opens at token `q`, to the next break.
fn question_from(doc: &Document, q: usize, sentence: &crate::segment::Sentence) -> Option<Span> {
    let stop = end_before_break(doc, q + 1, sentence, &[',', ';', ':', '?', '—', '–']);
    (stop > doc.tokens[q].span.end).then(|| Span::new(doc.tokens[q].span.start, stop))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message no author is found for speaks as a text, not as a person; a person described
    /// is still a person.
    #[test]
    fn an_unattributed_message_is_no_person() {
        let kinds = |text: &str| {
            let out = crate::annotate(text, &crate::Options::default());
            out.entities
                .iter()
                .map(|e| (e.name.clone(), e.kind))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("A video of the hearing shows that the judge was joking."),
            [("A video of the hearing".to_string(), crate::EntityKind::Organisation)]
        );
        assert_eq!(
            kinds("A senior official said that the judge was joking."),
            [("A senior official".to_string(), crate::EntityKind::Person)]
        );
    }

    /// A text that ends on a word that may open a statement's subject ("no", "much"), right
    /// after a cue, is annotated: the word after it was read without a bounds check (a fuzz
    /// find; the minimal input is in fuzz/corpus/annotate/regress-said-no-at-the-end).
    #[test]
    fn a_text_ending_right_after_said_no_or_much_is_annotated() {
        for text in [
            "Smith Jone? Bros sa,,  says had no",
            "The mayor says had much",
            "He said no",
            "She says most",
        ] {
            let out = crate::annotate(text, &crate::Options::default());
            assert!(
                out.claims.iter().all(|c| c.span.end <= text.len()),
                "{text}: {:?}",
                out.claims
            );
        }
    }

    /// A token's key matches a list word's key exactly when the words are equal ignoring ASCII
    /// case, whatever the lengths, cases and characters; a stem's key likewise.
    #[test]
    fn keys_compare_like_eq_ignore_ascii_case() {
        let text = "in IN In i inn in's IN’s it’s Who whos through THROUGH througH. hundreds Hundredss \
                    abcdefgh abcdefghi ABCDEFG été ÉTÉ x X that's THAT those to TO of: 7 in-depth";
        let doc = Document::new(text);
        let list = [
            "in", "i", "it", "who", "through", "hundreds", "abcdefgh", "abcdefg", "that", "to", "of", "x", "été",
        ];
        for t in 0..doc.tokens.len() {
            let word = doc.word(t);
            let stem = crate::mentions::strip_possessive(word);
            for w in list {
                assert_eq!(
                    key_of(&doc, t) == key(w),
                    word.eq_ignore_ascii_case(w),
                    "{word:?} {w:?}"
                );
                assert_eq!(
                    key_at(&doc, t, stem.len()) == key(w),
                    stem.eq_ignore_ascii_case(w),
                    "{stem:?} {w:?}"
                );
            }
        }
    }

    /// A word known by its word-information byte is the word compared ignoring ASCII case, in
    /// every case and for every other word (the words after a possessive by their stem).
    #[test]
    fn word_bytes_compare_like_eq_ignore_ascii_case() {
        let text = "that THAT That thAt than this that's who WHO Who's who’s whose whom to TO To too t: \
                    “that” (who) to-do";
        let doc = Document::new(text);
        for t in 0..doc.tokens.len() {
            let word = doc.word(t);
            let stem = crate::mentions::strip_possessive(word);
            assert_eq!(is_that(&doc, t), word.eq_ignore_ascii_case("that"), "{word:?}");
            assert_eq!(is_to(&doc, t), word.eq_ignore_ascii_case("to"), "{word:?}");
            assert_eq!(
                is_word(&doc, t, word_bytes().who, b"who"),
                word.eq_ignore_ascii_case("who"),
                "{word:?}"
            );
            assert_eq!(is_who_stem(&doc, t), stem.eq_ignore_ascii_case("who"), "{word:?}");
        }
        assert!(word_bytes().that.is_some() && word_bytes().who.is_some() && word_bytes().to.is_some());
    }

    /// The search from a hint answers what `partition_point` does, for every slice, split
    /// and hint (past the end too).
    #[test]
    fn partition_point_near_is_partition_point() {
        for len in (0..40usize).chain(super::NEAR_SEARCH_FROM..super::NEAR_SEARCH_FROM + 40) {
            let items: Vec<usize> = (0..len).collect();
            for point in 0..=len {
                for near in 0..len + 3 {
                    assert_eq!(
                        partition_point_near(&items, near, |&x| x < point),
                        point,
                        "{len} {point} {near}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_count_is_split_whitespace_count() {
        for text in [
            "",
            " ",
            "a",
            " a  b\tc\n",
            "Biden’s «plan» — “now”",
            "a\u{a0}b\u{2009}c\u{3000}d\u{85}e\u{1680}f\u{202f}g\u{205f}h\u{2028}i",
            "\u{b}x\u{c}y\rz",
            "é ü 中文 😀x\u{200b}y",
        ] {
            assert_eq!(
                word_count(text, usize::MAX),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
        // Chunks of eight that start and end anywhere in a mix of ASCII and other characters.
        let pieces = [
            "a", " ", "bc", "\u{a0}", "’", "de\tf", "\u{3000}", "中", "  ", "xyz12345", "\n",
        ];
        for seed in 0..400usize {
            let text: String = (0..seed % 37)
                .map(|k| pieces[(seed * 7 + k * k * 3 + k) % pieces.len()])
                .collect();
            let all = text.split_whitespace().count();
            assert_eq!(word_count(&text, usize::MAX), all, "{text:?}");
            // With a limit: exact below it, at least the limit from there on.
            for limit in 0..8 {
                let n = word_count(&text, limit);
                assert!(if all < limit { n == all } else { n >= limit }, "{text:?} {limit}");
            }
        }
        // Every character, one between two words.
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                word_count(&text, usize::MAX),
                text.split_whitespace().count(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// The tokenizer lists exactly the colon tokens, in order.
    #[test]
    fn colons_are_the_colon_tokens() {
        let text = "Source: the talks: \u{201c}A:B\u{201d} at 10:30 — Jo Smith, a spokesperson: x:\n:y ::";
        let doc = Document::new(text);
        let colons: Vec<usize> = (0..doc.tokens.len())
            .filter(|&t| {
                doc.tokens[t].kind == TokenKind::Punct && doc.text[doc.tokens[t].span.start..].starts_with(':')
            })
            .collect();
        assert!(colons.len() >= 5);
        assert_eq!(doc.colons, colons);
    }

    /// "according" has a word-information byte of its own, so that the opener scan finds it
    /// by that byte, in any ASCII case (without it, the scan falls back to reading the text).
    #[test]
    fn according_has_a_byte_of_its_own() {
        let byte = super::word_bytes()
            .according
            .expect("a byte of its own for \"according\"");
        for word in ["according", "According", "ACCORDING", "aCcOrDiNg"] {
            assert_eq!(crate::lexicon::lookup(word).claims(), byte, "{word}");
        }
        for word in ["accord", "accordingly", "to", "the", "said"] {
            assert_ne!(crate::lexicon::lookup(word).claims(), byte, "{word}");
        }
    }

    /// So do "and", "but" and "while", for `statement_end`'s scan; a word in another case
    /// shares the byte, and the full test after the scan turns it away.
    #[test]
    fn joiners_have_bytes_of_their_own() {
        let breaks = super::word_bytes().breaks.expect("bytes of their own for the joiners");
        let joiner = |word: &str| breaks[super::JOINERS + usize::from(crate::lexicon::lookup(word).claims())] != 0;
        for word in ["and", "but", "while"] {
            assert!(joiner(word) && joiner(&word.to_uppercase()), "{word}");
        }
        for word in ["an", "band", "butter", "whilst", "or", ","] {
            assert!(!joiner(word), "{word}");
        }
        let first_bytes = (0..=255u8).filter(|&b| breaks[usize::from(b)] != 0);
        assert_eq!(first_bytes.collect::<Vec<_>>(), b",;");
    }
}
