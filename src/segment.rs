//! Segmentation: lines, paragraphs, word tokens and sentences, all as byte spans.
//!
//! - A *paragraph* is a run of non-blank lines; blank lines separate paragraphs.
//! - A *line* always ends a sentence, so captions, credits and headlines stand alone.
//! - *Tokens* are words (with internal hyphens, apostrophes and abbreviation stops: "U.S.",
//!   "Biden’s", "Trump-Putin"), numbers ("100,000", "4.1") and single punctuation characters.
//! - *Sentences* end at `.`, `!`, `?` or `…` followed by a capital, a digit or an opening mark,
//!   never after an abbreviation ("Dr.", "Sept.") and never inside a quotation, so
//!   “A. B,” she said is one sentence. They are split after quote pairing ([`Document::split_sentences`]).

use crate::lexicon::{self, WordInfo, ABBREVIATION};
use crate::swar;
use crate::Span;
use std::cell::Cell;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// Whether a punctuation token is a quotation mark, and which way it faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mark {
    #[default]
    None,
    Open,
    Close,
}

/// 32 bytes, aligned to 32 so that no token straddles two cache lines: the later stages visit
/// tokens sparsely (capitals, stops, cue words), and in a big document each visit to a token
/// that straddles costs two misses instead of one. (In this order, so that the four fields a
/// new token always starts empty are side by side: the tokenizer stores them as one word.)
#[derive(Clone, Copy, Debug)]
#[repr(C, align(32))]
pub struct Token {
    pub span: Span,
    pub line: u32,
    /// What the lexicons say about this word (empty for numbers and punctuation).
    pub info: WordInfo,
    pub kind: TokenKind,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Inside a quotation's words (set by [`crate::quotes`]).
    pub in_quote: bool,
    /// Capitalised like a name: not only because it starts a sentence, and not a shouted
    /// all-capital label or dateline ("FILE PHOTO", "WASHINGTON"). Set with the sentences.
    pub name_like: bool,
    pub mark: Mark,
    /// The length in bytes of a word's possessive ending, "’s" or "'s" (0 if none: see
    /// [`crate::mentions::possessive_len`]). Only a word the common paths leave can have one
    /// (an apostrophe ends their words), so it is found there, once, and `mentions::find`
    /// reads it from the token it holds instead of testing the word's last bytes (a final
    /// "s" was a branch missed in one name word in five).
    pub possessive: u8,
}

const _: () = assert!(std::mem::size_of::<Token>() == 32);

impl Token {
    /// A token as the tokenizer makes it: whether it is quoted or part of a name, and which
    /// quotation mark it is, are decided later.
    #[inline(always)]
    fn fresh(span: Span, kind: TokenKind, info: WordInfo, cap: bool, line: u32) -> Token {
        Token {
            span,
            kind,
            info,
            cap,
            in_quote: false,
            name_like: false,
            mark: Mark::None,
            possessive: 0,
            line,
        }
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// The token's single character, for punctuation. (Out of line in the browser build:
    /// inlined at each of its fourteen uses, its kind and byte tests came to 1.1 KB of wasm.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn punct(&self, text: &str) -> Option<char> {
        if self.kind != TokenKind::Punct {
            return None;
        }
        match text.as_bytes().get(self.span.start) {
            Some(&b) if b < 0x80 => Some(b as char),
            _ => first_char(self.span.of(text)),
        }
    }
}

/// The first character of `s`: out of line, so [`Token::punct`], inlined wherever tokens are
/// read (natively), stays a byte test.
#[inline(never)]
fn first_char(s: &str) -> Option<char> {
    decode_first(s)
}

/// `s.chars().next()`, for the crate's "first character" tests: out of line in the browser
/// build, where each inlined its own UTF-8 decoder (~130 bytes); natively inlined as before.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn decode_first(s: &str) -> Option<char> {
    s.chars().next()
}

#[derive(Clone, Debug)]
pub struct Line {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub line: usize,
}

pub struct Document<'t> {
    pub text: &'t str,
    pub lines: Vec<Line>,
    pub paragraphs: Vec<Span>,
    pub tokens: Tokens,
    pub sentences: Vec<Sentence>,
    /// The tokens that may end a sentence, in order: the punctuation (`.`, `!`, `?`, `…`) and
    /// the abbreviations that kept their full stop, but for titles ("p.m.", "U.S."). The
    /// sentence splitter visits these instead of every token.
    pub(crate) pivots: Vec<usize>,
    /// The punctuation tokens that may open or close a quotation or a tag (quotation marks,
    /// `<`, `>`), in order: [`crate::quotes::find`] visits these instead of every token (kept
    /// apart from the stops as they are made, so that neither stage tests which is which).
    pub(crate) marks: Vec<usize>,
    /// The capitalised word tokens, in order: [`Document::mark_name_like`] visits these
    /// instead of every token.
    capitals: Capitals,
    /// The capitals that can be a word of a name, in order (set with the sentences: see
    /// [`Document::name_words`]).
    name_words: Vec<usize>,
    /// The `:` tokens, in order: the attribution's statement search asks whether a few tokens
    /// hold one (colons are rare, one in 2,000 bytes of PolNeAR), answered from these.
    pub(crate) colons: Vec<usize>,
}

/// A document's tokens: a vector, but `tokens[t]` goes through one function of its own
/// ([`Tokens::index`]), so that its bounds check (~600 uses, nearly all inlined) calls one
/// out-of-line panic with no arguments, from one place. Through `Vec`'s own indexing, each use
/// carried the panic's arguments and a location record of its own: the browser build's bytes
/// for a panic the core never reaches. Natively the checked load is the same.
#[derive(Default)]
pub struct Tokens(Vec<Token>);

impl std::ops::Deref for Tokens {
    type Target = Vec<Token>;
    #[inline(always)]
    fn deref(&self) -> &Vec<Token> {
        &self.0
    }
}

impl std::ops::DerefMut for Tokens {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Vec<Token> {
        &mut self.0
    }
}

impl<'a> IntoIterator for &'a Tokens {
    type Item = &'a Token;
    type IntoIter = std::slice::Iter<'a, Token>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// `tokens[i]` and `tokens[a..b]` (and the other ranges), checked as `Vec`'s indexing is.
macro_rules! index_tokens {
    ($($index:ty => $output:ty),*) => {$(
        impl std::ops::Index<$index> for Tokens {
            type Output = $output;
            #[inline(always)]
            fn index(&self, at: $index) -> &$output {
                match self.0.get(at) {
                    Some(tokens) => tokens,
                    None => no_token(),
                }
            }
        }

        impl std::ops::IndexMut<$index> for Tokens {
            #[inline(always)]
            fn index_mut(&mut self, at: $index) -> &mut $output {
                match self.0.get_mut(at) {
                    Some(tokens) => tokens,
                    None => no_token(),
                }
            }
        }
    )*};
}

index_tokens!(
    usize => Token,
    Range<usize> => [Token],
    std::ops::RangeFrom<usize> => [Token],
    std::ops::RangeTo<usize> => [Token],
    std::ops::RangeInclusive<usize> => [Token]
);

/// The panic of a token index past the end (a bug: the core only asks for tokens it has).
#[cold]
#[inline(never)]
fn no_token() -> ! {
    panic!("token index out of range")
}

/// A dropped document's vectors, for the next document on the same thread: each document
/// would otherwise allocate and free six vectors sized from its text, too large for the
/// allocator's caches, so each allocation and free took the slow path.
#[derive(Default)]
struct Spare {
    lines: Vec<Line>,
    paragraphs: Vec<Span>,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    pivots: Vec<usize>,
    marks: Vec<usize>,
    capitals: Vec<usize>,
    name_words: Vec<usize>,
    colons: Vec<usize>,
}

thread_local! {
    /// One set at most: a document made while another is alive allocates its own.
    static SPARE: Cell<Option<Spare>> = const { Cell::new(None) };
    /// The last text's [`word_ends`], for the next one.
    static WORD_ENDS: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// Texts longer than this leave no spare vectors behind, so that one huge input does not
/// keep its memory for the rest of the run.
const SPARE_TEXT_LIMIT: usize = 1 << 18;

/// `spare`, emptied, if it holds `capacity` items; a new vector otherwise (for the spare
/// vectors a dropped document, or its mentions, leave to the next text on the thread).
// (Out of line in the browser build, where each use inlined the vector's allocation.)
#[cfg_attr(target_arch = "wasm32", inline(never))]
pub(crate) fn reuse<T>(mut spare: Vec<T>, capacity: usize) -> Vec<T> {
    if spare.capacity() < capacity {
        return Vec::with_capacity(capacity);
    }
    spare.clear();
    spare
}

/// Working vectors of more items than this are not kept for the next text on the thread (a
/// huge text's), whichever stage keeps them ([`worth_keeping`]).
const SPARE_ITEMS_LIMIT: usize = 1 << 14;

/// Whether a stage's working vector may be kept for the next text on the thread: all but a
/// huge text's, so that one huge input does not keep its memory for the rest of the run.
pub(crate) fn worth_keeping<T>(spare: &Vec<T>) -> bool {
    spare.capacity() <= SPARE_ITEMS_LIMIT
}

/// [`worth_keeping`] for a string (its bytes counted as items): one huge text's speaker name
/// is not kept either.
pub(crate) fn worth_keeping_string(spare: &String) -> bool {
    spare.capacity() <= SPARE_ITEMS_LIMIT
}

impl Drop for Document<'_> {
    fn drop(&mut self) {
        if self.text.len() > SPARE_TEXT_LIMIT {
            return;
        }
        let spare = Spare {
            lines: std::mem::take(&mut self.lines),
            paragraphs: std::mem::take(&mut self.paragraphs),
            tokens: std::mem::take(&mut self.tokens.0),
            sentences: std::mem::take(&mut self.sentences),
            pivots: std::mem::take(&mut self.pivots),
            marks: std::mem::take(&mut self.marks),
            capitals: std::mem::take(&mut self.capitals.list),
            name_words: std::mem::take(&mut self.name_words),
            colons: std::mem::take(&mut self.colons),
        };
        SPARE.with(|cell| cell.set(Some(spare)));
    }
}

impl<'t> Document<'t> {
    /// Splits `text` into lines, paragraphs and tokens. Sentences come later, once quotation
    /// marks are known.
    #[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
    pub fn new(text: &'t str) -> Self {
        let spare = SPARE.with(Cell::take).unwrap_or_default();
        let mut doc = Document {
            text,
            // News text averages a line per 200 bytes or so, a token per 5, a capitalised word
            // per 33 and a stop per 96: room for the denser texts too, so few vectors regrow.
            lines: reuse(spare.lines, text.len() / 128),
            paragraphs: reuse(spare.paragraphs, text.len() / 128),
            tokens: Tokens(reuse(spare.tokens, text.len() / 4)),
            // (Sized in `split_sentences`.)
            sentences: reuse(spare.sentences, 0),
            pivots: reuse(spare.pivots, text.len() / 64),
            marks: reuse(spare.marks, text.len() / 64),
            capitals: Capitals::new(spare.capitals, text.len() / 16),
            // (Filled in `split_sentences`.)
            name_words: reuse(spare.name_words, 0),
            colons: reuse(spare.colons, 0),
        };
        tokenize(&mut doc);
        doc
    }

    /// The text of token `token`. (Out of line in the browser build: inlined at each of its
    /// ~30 uses, the token's bounds check and its span's look-up came to 0.9 KB of wasm.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn word(&self, token: usize) -> &'t str {
        self.tokens[token].span.of(self.text)
    }

    /// Is token `token` exactly `word`? (Out of line in the browser build: a call is smaller
    /// than the slice and compare at each of the rules' tests.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn is(&self, token: usize, word: &str) -> bool {
        self.word(token) == word
    }

    /// Splits every line into sentences. Call once, after quotation marks are known
    /// ([`crate::quotes::find`]).
    #[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
    pub fn split_sentences(&mut self) {
        // Each sentence ends at a stop or a line's end.
        let mut sentences = reuse(
            std::mem::take(&mut self.sentences),
            self.pivots.len() + self.lines.len(),
        );
        // The sentences' first words, judged as each sentence is made, while their tokens are
        // in cache (see `mark_name_like`).
        let mut scratch = SCRATCH.with(Cell::take).unwrap_or_default();
        scratch.undecided.clear();
        // Only a stop can end a sentence early, so only the stops (`pivots`, an abbreviation's
        // among them) are visited.
        // (Taken out while the tokens are written.)
        let pivots = std::mem::take(&mut self.pivots);
        // The next stop to visit (an index, not a `Peekable`, whose state was a test of its own).
        let mut stop = 0;
        for line_index in 0..self.lines.len() {
            let line = self.lines[line_index].tokens.clone();
            let mut first = line.start;
            while let Some(&i) = pivots.get(stop).filter(|&&i| i < line.end) {
                stop += 1;
                if i < first {
                    continue; // taken in as a closer by the sentence before
                }
                if let Some(last) = self.ends_sentence(i, line.end) {
                    sentences.push(self.sentence(first..last + 1, line_index));
                    self.judge_start(first, &mut scratch.undecided);
                    first = last + 1;
                    // A sentence that ends the line leaves no stop to test on it (one taken
                    // in as a closer is skipped on the next line): whether the next stop is on
                    // this line was missed as often as a line ends with a stop or not.
                    if first == line.end {
                        break;
                    }
                }
            }
            if first < line.end {
                sentences.push(self.sentence(first..line.end, line_index));
                self.judge_start(first, &mut scratch.undecided);
            }
        }
        self.pivots = pivots;
        self.sentences = sentences;
        self.mark_name_like(&mut scratch);
        if worth_keeping(&scratch.undecided) && worth_keeping(&scratch.slots) && worth_keeping(&scratch.found) {
            SCRATCH.with(|cell| cell.set(Some(scratch)));
        }
    }

    /// Notes the first word of a sentence, token `i`, if capitalised: a capitalised word
    /// starting a sentence ("Years later", "Reached by phone") is a name only if it is not
    /// shouted and it is a known given name, another capitalised word follows, or the text
    /// also capitalises it elsewhere; the last is left `undecided` (token and span) until every
    /// capital is seen. Until then, `name_like` flags the token as a sentence's first word for
    /// [`Document::mark_name_like`] (no later stage reads it before that sets it). Whether it
    /// is shouted is left to that pass too, which tests every capital for it anyway (a shouted
    /// word left undecided stays no name there).
    #[inline(always)]
    fn judge_start(&mut self, i: usize, undecided: &mut Vec<(usize, Span)>) {
        let Some(t) = self.tokens.get_mut(i).filter(|t| t.cap) else {
            return;
        };
        t.name_like = true;
        let t = *t;
        let next_cap = self
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.cap && n.kind == TokenKind::Word && n.line == t.line);
        if !(t.info.has(crate::lexicon::GIVEN_NAME) || (next_cap && !t.info.has(crate::lexicon::FUNCTION))) {
            undecided.push((i, stem(&t)));
        }
    }

    /// Sets `name_like` on every capitalised word: taken for a name unless shouted, except
    /// that the sentence-initial ones left `undecided` are names only if the text capitalises
    /// them elsewhere (possessives stripped), i.e. as a capital that starts no sentence (one
    /// `judge_start` did not flag).
    ///
    /// One pass over the capitals does both (each capital's token and text read once; a big
    /// document's tokens do not stay in cache between passes), then the undecided are set.
    /// Every capitalised token is among the capitals, so every flag is overwritten.
    ///
    /// The same pass lists the capitals that can be a word of a name ([`Document::name_words`],
    /// [`crate::mentions::may_be_name_word`], asked while `name_like` still flags the
    /// sentences' first words), each kept without a branch: `mentions::find` visits these, and
    /// no longer tests every capital (quoted, a pronoun, a sentence's "The") with branches
    /// missed capital after capital. (A shouted one, or a sentence's first word whose
    /// `name_like` is decided below, is kept: `mentions::find` tests those by their
    /// `name_like`. In a pass of its own, the list cost a second read of every capital's token,
    /// which a big document does not keep in cache.)
    #[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
    fn mark_name_like(&mut self, scratch: &mut Scratch) {
        let text = self.text;
        let undecided = &scratch.undecided;
        let mut words = std::mem::take(&mut self.name_words);
        words.clear();
        if undecided.is_empty() {
            for &i in self.capitals.listed() {
                if let Some(t) = self.tokens.get_mut(i) {
                    let starts_sentence = t.name_like;
                    t.name_like = !shouted(text, t);
                    keep_if(&mut words, i, crate::mentions::may_be_name_word(t, starts_sentence));
                }
            }
            self.name_words = words;
            return;
        }
        let mut wanted = WordSet::new(
            text,
            undecided.len(),
            std::mem::take(&mut scratch.slots),
            std::mem::take(&mut scratch.left),
        );
        let slots = &mut scratch.found;
        slots.clear();
        slots.extend(undecided.iter().map(|&(_, span)| wanted.insert(span)));
        for &i in self.capitals.listed() {
            let Some(t) = self.tokens.get_mut(i) else {
                continue;
            };
            let starts_sentence = t.name_like;
            // (One load of the word's first bytes for both tests.)
            let head = swar::load8(text.as_bytes(), t.span.start);
            t.name_like = !shouted_from(text, t, (head >> 8) as u8);
            keep_if(&mut words, i, crate::mentions::may_be_name_word(t, starts_sentence));
            wanted.mark_if(!starts_sentence, stem(t), head);
        }
        self.name_words = words;
        for (&(i, _), &slot) in undecided.iter().zip(slots.iter()) {
            let named = wanted.marked(slot) | (self.is_ampersand(i + 1) && self.joined_by_ampersand(i));
            if let Some(t) = self.tokens.get_mut(i) {
                // (`name_like` is `!shouted` here: a shouted word stays no name.)
                t.name_like &= named;
            }
            wanted.forget(slot);
        }
        scratch.slots = wanted.slots;
        scratch.left = wanted.left;
    }

    /// Is token `t` an ampersand, which joins a firm's name ("Barnes & Noble", "AT&T")?
    /// (Inline: asked of every undecided sentence-first word, nearly always no.)
    #[inline(always)]
    pub(crate) fn is_ampersand(&self, t: usize) -> bool {
        self.tokens
            .get(t)
            .is_some_and(|amp| amp.span.len() == 1 && self.text.as_bytes().get(amp.span.start) == Some(&b'&'))
    }

    /// Does the ampersand after the word at `i` join it to a capitalised word after it, on its
    /// line ("Barnes & Noble said …", "AT&T said …")? Then a sentence's first word is a firm's
    /// name, though written nowhere else. (Rare: out of line.)
    #[cold]
    #[inline(never)]
    fn joined_by_ampersand(&self, i: usize) -> bool {
        self.tokens
            .get(i + 2)
            .is_some_and(|next| next.cap && next.line == self.tokens[i].line)
    }

    fn sentence(&self, tokens: Range<usize>, line: usize) -> Sentence {
        let span = Span::new(
            self.tokens[tokens.start].span.start,
            self.tokens[tokens.end - 1].span.end,
        );
        Sentence { span, tokens, line }
    }

    /// If a sentence ends at token `i`, a stop (one of [`Document::pivots`]), the index of its
    /// last token (after closing marks). (The tokenizer lists only stops there, so the stop is
    /// not tested again: that was a read of the text's byte, waited on at every stop.)
    fn ends_sentence(&self, i: usize, line_end: usize) -> Option<usize> {
        if self.tokens[i].kind == TokenKind::Word {
            return self.abbreviation_ends(i, line_end);
        }
        debug_assert!(matches!(self.tokens[i].punct(self.text), Some('.' | '!' | '?' | '…')));
        // Closing marks and brackets right after the stop belong to this sentence.
        let mut last = i;
        let mut closed = false;
        while last + 1 < line_end {
            let next = &self.tokens[last + 1];
            // (Whether it touches the stop first: most stops have a space after them.)
            if next.span.start != self.tokens[last].span.end {
                break;
            }
            // The second apostrophe of a doubled one (''…'') pairs with nothing: it goes with
            // the first, which closed the quotation.
            let doubled = closed && self.is_apostrophe(last + 1) && self.is_apostrophe(last);
            let closer = next.mark == Mark::Close
                || doubled
                || matches!(next.punct(self.text), Some(')' | ']' | '.' | '!' | '?'));
            if !closer {
                break;
            }
            closed |= next.mark == Mark::Close;
            last += 1;
        }
        let close = if closed && self.tokens[last].mark != Mark::Close {
            last - 1
        } else {
            last
        };
        // Never end inside a quotation: "“A. B,” she said" is one sentence.
        if self.tokens[close].in_quote && self.tokens[close].mark != Mark::Close {
            return None;
        }
        // “We will win.” Obama told the crowd: a name and a reporting verb after a closed
        // quotation attribute it, so the sentence goes on (unless it was attributed before).
        if self.tokens[close].mark == Mark::Close
            && self.attribution_follows(last + 1, line_end)
            && !self.introduces_next_quote(close, last + 1, line_end)
            && !self.introduced(close)
        {
            return None;
        }
        match self.tokens.get(last + 1) {
            None => Some(last),
            Some(_) if last + 1 >= line_end => Some(last),
            Some(next) => {
                // (''Quoted: the first apostrophe pairs with nothing, the second opens.)
                let doubled_open = self.is_apostrophe(last + 1)
                    && self
                        .tokens
                        .get(last + 2)
                        .is_some_and(|t| t.mark == Mark::Open && t.span.start == next.span.end);
                let starts_new = next.cap
                    || next.kind == TokenKind::Number
                    || next.mark == Mark::Open
                    || doubled_open
                    || matches!(next.punct(self.text), Some('(' | '[' | '—' | '-' | '•' | '*'));
                starts_new.then_some(last)
            }
        }
    }

    /// Whether an abbreviation's full stop (token `i`, "p.m.", "U.S.", "Inc.") also ends its
    /// sentence: only before a capitalised word that never starts a name ("He", "The", "But"),
    /// outside quotations. Before a name or a number it may not ("7 p.m. Eastern", "U.S. Rep.
    /// Smith"), so it does not.
    #[inline(never)]
    fn abbreviation_ends(&self, i: usize, line_end: usize) -> Option<usize> {
        let next = self.tokens.get(i + 1).filter(|_| i + 1 < line_end)?;
        let word = &self.tokens[i];
        let opens = next.kind == TokenKind::Word
            && next.cap
            && next.info.has(lexicon::FUNCTION)
            && !next.info.has(lexicon::TITLE)
            && next.span.start > word.span.end
            && !word.in_quote;
        opens.then_some(i)
    }

    /// Whether the attribution after the quotation closing at `close` introduces the next
    /// quotation instead ("… the “same rigged system ….” She adds, “What …?”"): it ends in a
    /// comma or colon before an opening mark, and the closed quotation was a fragment of the
    /// reporter's sentence (a word right before its opening mark), which has ended.
    #[inline(never)]
    fn introduces_next_quote(&self, close: usize, from: usize, line_end: usize) -> bool {
        let opens_next = (from..line_end.min(from + 8))
            .take_while(|&t| !matches!(self.tokens[t].punct(self.text), Some('.' | '!' | '?')))
            .any(|t| {
                matches!(self.tokens[t].punct(self.text), Some(',' | ':'))
                    && self
                        .tokens
                        .get(t + 1)
                        .is_some_and(|n| t + 1 < line_end && n.mark == Mark::Open)
            });
        if !opens_next {
            return false;
        }
        let line_start = self.lines[self.tokens[close].line as usize].tokens.start;
        self.opening_mark(close)
            .is_some_and(|o| o > line_start && self.tokens[o - 1].kind == TokenKind::Word)
    }

    /// Whether the quotation closing at `close` was introduced by its attribution already: a
    /// colon or a verb of speech right before its opening mark ("The spokesman said: “No
    /// comment.” Officials confirmed …"). A reporting verb after it starts a new sentence.
    #[inline(never)]
    fn introduced(&self, close: usize) -> bool {
        self.opening_mark(close)
            .and_then(|o| o.checked_sub(1))
            .is_some_and(|before| {
                let token = &self.tokens[before];
                token.punct(self.text) == Some(':')
                    || matches!(
                        token.info.cue(),
                        Some(crate::lexicon::CueClass::Speech | crate::lexicon::CueClass::Tell)
                    )
            })
    }

    /// The opening mark, on the same line, of the quotation closing at `close`: back past any
    /// quotation nested in it.
    fn opening_mark(&self, close: usize) -> Option<usize> {
        let line_start = self.lines[self.tokens[close].line as usize].tokens.start;
        let mut depth = 0;
        (line_start..close).rev().find(|&t| match self.tokens[t].mark {
            Mark::Close => {
                depth += 1;
                false
            }
            Mark::Open if depth > 0 => {
                depth -= 1;
                false
            }
            Mark::Open => true,
            Mark::None => false,
        })
    }

    fn is_apostrophe(&self, t: usize) -> bool {
        let token = &self.tokens[t];
        token.kind == TokenKind::Punct && self.text.as_bytes().get(token.span.start) == Some(&b'\'')
    }

    /// A short attribution tail next: a reporting verb within a few words, itself followed by
    /// the end of the sentence, a comma or a phrase that opens no statement ("… .” Obama told
    /// reporters.", "… ?” Trump said to a crowd of 500." but not "… .” He says referees cheat.").
    fn attribution_follows(&self, from: usize, line_end: usize) -> bool {
        let cue = (from..line_end.min(from + 6))
            .take_while(|&t| self.tokens[t].kind == TokenKind::Word)
            .find(|&t| {
                let token = &self.tokens[t];
                // (A verb that reports only quotations, where the sentence ends right after
                // it: "… ?” Scarborough continued.")
                let ends_after = || {
                    self.tokens
                        .get(t + 1)
                        .is_none_or(|n| t + 1 >= line_end || matches!(n.punct(self.text), Some('.' | ',')))
                };
                !token.cap
                    && match token.info.cue() {
                        Some(crate::lexicon::CueClass::Speech | crate::lexicon::CueClass::Tell) => true,
                        Some(crate::lexicon::CueClass::Quote) => ends_after(),
                        _ => false,
                    }
            });
        let Some(cue) = cue else {
            return false;
        };
        // (Or a phrase that is no statement: "… ?” Trump said to a crowd of about 500.")
        let no_statement = || {
            self.tokens
                .get(cue + 1)
                .is_some_and(|t| t.info.has(crate::lexicon::NOT_CLAUSE_START) || t.info.has(crate::lexicon::TIME))
        };
        // (After "told", its listener first: "… ?” Trump told Britain’s ITV television station
        // in an interview." A pronoun there opens a statement instead: "told CNN he …".)
        let told = self.tokens[cue].info.cue() == Some(crate::lexicon::CueClass::Tell);
        // (So after "asked", whose listener is as often named: "… ?” Ruiz asked a crowd in
        // Fresno.")
        let asked = self
            .text
            .as_bytes()
            .get(self.tokens[cue].span.start..self.tokens[cue].span.start + 3)
            == Some(b"ask");
        let reach = if told || asked { 10 } else { 5 };
        let stop = (cue + 1..line_end.min(cue + reach))
            .find(|&t| matches!(self.tokens[t].punct(self.text), Some('.' | ',' | ';')));
        let listener_only = |stop: usize| {
            !told
                || (cue + 1..stop).all(|t| {
                    let token = &self.tokens[t];
                    !token.info.has(crate::lexicon::PRONOUN) || token.info.has(crate::lexicon::DETERMINER)
                })
        };
        stop.is_some_and(listener_only) || cue + 1 >= line_end || no_statement()
    }

    /// The sentence holding token `t` (binary search).
    // (Out of line in the browser build: the binary search, inlined at each use, cost more
    // than the call.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= t)
    }
}

/// The sentence splitter's working vectors (the undecided first words, the word set's slots and
/// theirs), kept for the next document on the same thread: three allocations and frees a
/// document otherwise, and the undecided regrown in one document in two.
#[derive(Default)]
struct Scratch {
    undecided: Vec<(usize, Span)>,
    slots: Vec<(u64, Span, bool)>,
    found: Vec<usize>,
    left: Vec<u32>,
}

thread_local! {
    static SCRATCH: Cell<Option<Scratch>> = const { Cell::new(None) };
}

/// Adds `i` to `list` if `keep`: pushed, then taken back if not, with no branch. (Cut back to
/// the length before the push plus one if kept, which the compiler sees is never past the
/// length after it: `truncate`'s test and its conditional move are left out.)
#[inline(always)]
fn keep_if(list: &mut Vec<usize>, i: usize, keep: bool) {
    let len = list.len();
    list.push(i);
    list.truncate(len + usize::from(keep));
}

/// The span of word token `t` without its possessive ending ("Biden" of "Biden’s"), which
/// [`WordSet`] holds and looks for: from the ending's length the tokenizer found
/// ([`Token::possessive`]), not by testing the word's last bytes again, undecided word by
/// undecided word and capital by capital. (A word token never starts with an apostrophe, so
/// the stem is never empty.)
#[inline(always)]
fn stem(t: &Token) -> Span {
    Span::new(t.span.start, t.span.end - usize::from(t.possessive))
}

/// A word of more than four letters and none lowercase: a shouted label or dateline ("FILE
/// PHOTO", "WASHINGTON"). Its length and second byte answer for most capitalised words, so
/// the rest is out of line. (Both tested at once: the length alone was a coin toss for the
/// branch predictor, the two together are rarely both true. Through `black_box`, or the
/// compiler tests them one after the other again.)
#[inline(always)]
fn shouted(text: &str, t: &Token) -> bool {
    shouted_from(text, t, text.as_bytes().get(t.span.start + 1).copied().unwrap_or(0))
}

/// [`shouted`], given the word's second byte (0 past the text's end).
#[inline(always)]
fn shouted_from(text: &str, t: &Token, second: u8) -> bool {
    std::hint::black_box((t.span.end - t.span.start > 4) & !second.is_ascii_lowercase())
        && all_capitals(t.span.of(text))
}

#[inline(never)]
fn all_capitals(word: &str) -> bool {
    !word.chars().any(char::is_lowercase) && word.chars().filter(|c| c.is_alphabetic()).count() > 4
}

/// A few words of a text, without their possessive "’s" or "'s", each with a mark: an
/// open-addressing table keyed by the word's first eight bytes and length, behind a filter on
/// the first two bytes, so testing a word that is not there mostly costs one bit test, and no
/// string is hashed.
struct WordSet<'t> {
    text: &'t str,
    /// One bit per [`filter_bit`] of every word held, then 64 rows that stay empty
    /// (see [`WordSet::mark_if`]).
    filter: [u64; 128],
    /// `(first eight bytes, span)` per slot; an empty span is an empty slot.
    slots: Vec<(u64, Span, bool)>,
    mask: usize,
    /// Per filter bit (row × 64 + bit), how many words held with that bit are not marked
    /// yet: when the last is, the bit is cleared (see [`WordSet::mark_if`]). All zero between
    /// texts ([`WordSet::forget`]).
    left: Vec<u32>,
    /// Whether a bit is cleared once its words are marked: not in a big document, whose filter
    /// is nearly full, so nearly every capital would pay for the counting (one 10 MB
    /// document's sentences +10%) and few bits would ever be cleared.
    clears: bool,
}

impl<'t> WordSet<'t> {
    /// An empty set for `words` words, its slots in `slots`' memory: at most a quarter full
    /// (a big text's half), so that few probes go past their first slot (at half full, one
    /// filter hit in five did, a branch the predictor missed).
    /// (`left`, all zero if not empty, is the last text's.)
    fn new(text: &'t str, words: usize, mut slots: Vec<(u64, Span, bool)>, mut left: Vec<u32>) -> Self {
        let clears = words <= CLEARING_WORDS;
        // (A big text's at most half full: a bigger table there missed the cache more.)
        let size = (words * if clears { 4 } else { 2 }).next_power_of_two();
        slots.clear();
        slots.resize(size, (0, Span::new(0, 0), false));
        left.resize(64 * 64, 0);
        WordSet {
            text,
            filter: [0; 128],
            slots,
            mask: size - 1,
            left,
            clears,
        }
    }

    /// The word at `span` (a [`stem`]: its possessive ending already left out), its first
    /// eight bytes (zero-padded) and where its probe starts.
    #[inline(always)]
    fn key(&self, span: Span) -> (Span, u64, usize) {
        let bytes = self.text.as_bytes();
        let len = span.end - span.start;
        let head = swar::load8(bytes, span.start) & swar::low_bytes(len.clamp(1, 8));
        let hash = (head ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (span, head, (hash >> 40) as usize & self.mask)
    }

    /// The slot holding the word at `span` (stripped), or the empty slot where it would go.
    ///
    /// An empty slot and a short word's own slot are told in one branch, taken either way
    /// (apart, whether a word was held already was a coin toss for the predictor, once a word
    /// in two); a longer word's bytes are compared after it.
    #[inline(always)]
    fn find(&self, span: Span) -> (usize, Span, u64) {
        let (span, head, mut i) = self.key(span);
        let bytes = self.text.as_bytes();
        let len = span.end - span.start;
        loop {
            let (h, s, _) = self.slots[i];
            let held = s.end - s.start;
            let same_head = (h == head) & (held == len);
            if std::hint::black_box((held == 0) | (same_head & (len <= 8))) {
                return (i, span, head);
            }
            if same_head && bytes.get(s.start..s.end) == bytes.get(span.start..span.end) {
                return (i, span, head);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the word at `span` (once), and returns its slot. (Written over a slot holding the
    /// same word too, with no branch: its bytes are the same, and no word is marked yet.) Its
    /// [`filter_bit`] from the first bytes its probe read.
    fn insert(&mut self, span: Span) -> usize {
        let (i, span, head) = self.find(span);
        let (word, bit) = filter_bit(head, span.end - span.start);
        self.filter[word] |= 1 << bit;
        self.left[word * 64 + bit] += u32::from((self.slots[i].1.start == self.slots[i].1.end) & self.clears);
        self.slots[i] = (head, span, false);
        i
    }

    /// Marks the word at `span` if `wanted` and the set holds it. An unwanted word is looked
    /// for in the filter's empty rows, so one branch serves both tests: whether a capital
    /// starts a sentence was a branch of its own, mispredicted for one capital in five.
    ///
    /// Once every word with a filter bit is marked, the bit is cleared, so the capitals after
    /// ("Trump" again and again) cost one bit test, not a probe each. (No branch on the way:
    /// an empty slot stays unmarked.)
    /// (`head` is the word's first eight bytes, as [`swar::load8`] reads them.)
    #[inline(always)]
    fn mark_if(&mut self, wanted: bool, span: Span, head: u64) {
        let (word, bit) = filter_bit(head, span.end - span.start);
        if self.filter[word | usize::from(!wanted) << 6] & 1 << bit == 0 {
            return;
        }
        let (i, _, _) = self.find(span);
        let slot = &mut self.slots[i];
        let newly = (slot.1.start != slot.1.end) & !slot.2;
        slot.2 |= newly;
        // (The same branch for a whole text.)
        if self.clears {
            let left = &mut self.left[word * 64 + bit];
            *left -= u32::from(newly);
            self.filter[word] &= !(u64::from(*left == 0) << bit);
        }
    }

    /// Sets the count of the filter bit of the word in `slot` back to zero, for the next text
    /// (from the bytes the slot keeps: the text's, in a big document, are no longer in cache).
    fn forget(&mut self, slot: usize) {
        if !self.clears {
            return; // (none counted)
        }
        let (head, span, _) = self.slots[slot];
        let (word, bit) = filter_bit(head, span.end - span.start);
        self.left[word * 64 + bit] = 0;
    }

    fn marked(&self, slot: usize) -> bool {
        self.slots[slot].2
    }
}

/// The most undecided words (sentence starts) for which [`WordSet::mark_if`] clears a filter
/// bit whose words are all marked: a text of ~100 KB (PolNeAR's have 23 on average).
const CLEARING_WORDS: usize = 1024;

/// The [`WordSet`] filter's bit of a word ([`stem`]) of `len` bytes starting with the eight
/// bytes `head`: the low six bits of its first byte and of its second (0 for a word of one byte),
/// which tell capitals apart and letters apart. (The word is a stem, so a word and its
/// possessive have the same bits with no test of which bytes are letters.)
#[inline(always)]
fn filter_bit(head: u64, len: usize) -> (usize, usize) {
    // (Both bytes in one mask: the second zeroed with no branch for a word of one byte.)
    let two = head & (0xff | (u64::from(len > 1) * 0xff00));
    ((two & 63) as usize, ((two >> 8) & 63) as usize)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// What the tokenizer needs to know about a character, as bits.
const SPACE: u8 = 1;
const WORD: u8 = 1 << 1;
const UPPER: u8 = 1 << 2;
/// ASCII characters that may join a word to what follows (see [`joins_word`]).
const JOINER: u8 = 1 << 3;

/// [`SPACE`]/[`WORD`]/[`UPPER`] for every byte below 0x80 (0 from 0x80 up: those start or
/// continue a multi-byte character, classified by [`classify`]).
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            WORD | UPPER
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else if matches!(c, b'-' | b'\'' | b',' | b'.') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The class bits of any character (the table for ASCII, Unicode properties otherwise).
fn classify(c: char) -> u8 {
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    // General Punctuation (curly quotes, dashes, ellipsis): news text is full of them, and
    // none is a letter, digit or capital. Its spaces are the block's first eleven and a few.
    if ('\u{2000}'..='\u{206f}').contains(&c) {
        return if c <= '\u{200a}' || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}') {
            SPACE
        } else {
            0
        };
    }
    let mut class = 0;
    if c.is_whitespace() {
        class |= SPACE;
    }
    if c.is_alphanumeric() || is_combining_mark(c) {
        class |= WORD;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    class
}

/// Is `c` a combining diacritical mark? In decomposed text ("e" + U+0301 for "é") it belongs to
/// the letter before it, so "Zoë Hervé" stays two words however it is encoded.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// The character starting at byte `i` of `s` (a char boundary), if any: ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(decode_first),
        None => None,
    }
}

/// How many bytes from `at` are ASCII letters or digits, eight at a time: a word's end is found
/// without a branch per byte, so it costs no misprediction for most words.
#[inline]
fn ascii_word_run(bytes: &[u8], at: usize) -> usize {
    let mut n = at;
    while let Some(eight) = bytes.get(n..n + 8) {
        let w = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        let not_word = swar::not_alnum(w);
        if not_word != 0 {
            return n - at + (not_word.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n - at
        + bytes[n..]
            .iter()
            .take_while(|&&b| ASCII_CLASS[b as usize] & WORD != 0)
            .count()
}

/// Whether `d`, found right after a word, joins it to what follows: a hyphen or apostrophe
/// between two word characters ("Trump-Putin", "Biden’s"), a thousands comma or decimal point
/// inside a number ("100,000", "4.1"), or the stop of an initialism ("U.S", "a.m": a short
/// piece followed by another short piece).
fn joins_word(s: &str, d: char, d_end: usize, prev: char, numeric: bool, piece_len: usize) -> bool {
    let after = char_at(s, d_end);
    match d {
        '-' | '\'' | '’' | '‑' => after.is_some_and(is_word_char) && is_word_char(prev),
        ',' => numeric && prev.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()),
        '.' => {
            (numeric && prev.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()))
                || (!numeric && piece_len <= 2 && after.is_some_and(|a| a.is_alphabetic()) && {
                    let rest = s.get(d_end..).unwrap_or_default();
                    let next_piece = rest.find(|x: char| !x.is_alphabetic()).unwrap_or(rest.len());
                    next_piece <= 2
                })
        }
        _ => false,
    }
}

/// Tokenizes the whole text in one pass, closing a line at every `\n`, and fills `doc`'s
/// tokens, lines, paragraphs, pivots, capitals and colons.
///
/// Works on bytes and decodes a character only where a byte is not ASCII: news text is mostly
/// ASCII, and this loop sees every byte of the input. Most words are a run of ASCII letters
/// and digits, whose length is read from a bitmap of the text made first ([`word_ends`]): one
/// load and a bit scan, with no branch on the word's length, and no wait on the word's own
/// bytes before the next word's start is known.
#[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
fn tokenize(doc: &mut Document) {
    let text = doc.text;
    let bytes = text.as_bytes();
    let lexicon = lexicon::table();
    // Locals, not `doc`'s fields, so the hot loop keeps them in registers.
    let mut tokens = std::mem::take(&mut doc.tokens);
    let mut pivots = std::mem::take(&mut doc.pivots);
    let mut capitals = std::mem::take(&mut doc.capitals);
    let mut line_first = 0; // the current line's first token
    let mut line_no = 0u32;
    let mut paragraph_open = false;
    let mut i = 0;
    let ends = word_ends(bytes, WORD_ENDS.take());
    'bytes: while let Some(&b) = bytes.get(i) {
        let token = |i: usize, end: usize, kind: TokenKind, info: WordInfo, cap: bool| {
            Token::fresh(Span::new(i, end), kind, info, cap, line_no)
        };
        let class = ASCII_CLASS[b as usize];
        // ASCII letters and digits already seen from `i`, for a word the fast path leaves.
        let mut scanned = 1;
        if class & WORD != 0 {
            // An ASCII letter or digit: most tokens. Words follow one another here, each after
            // one space, for as long as they do.
            scanned = 16;
            while let Some(Run {
                len: run,
                next,
                key,
                first,
                word_after,
            }) = ascii_run(bytes, &ends, i)
            {
                let (numeric, cap) = (first.is_ascii_digit(), first.is_ascii_uppercase());
                // Most words are followed by one space, which joins nothing and is no
                // abbreviation's stop: the word ends at the run, and the space is skipped.
                if next == b' ' {
                    capitals.record(tokens.len(), cap);
                    let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
                    // A number is looked up too, with no branch on it: no lexicon word starts
                    // with a digit (a test in lexicon.rs checks), so it finds nothing. (The
                    // information pushed with the word: written into it after the push, as
                    // below, took two more instructions a word.)
                    tokens.push(token(i, i + run, kind, lexicon.get(&key), cap));
                    i += run + 1;
                    // (Whether another word follows the space, from the flags that ended this
                    // one: no load of its byte, nor its class, to decide.)
                    if word_after {
                        continue;
                    }
                    continue 'bytes;
                }
                scanned = run;
                let follows = if numeric { AFTER_NUMBER } else { AFTER_WORD };
                // (No short-circuit: a full stop after a word, which is common, is tested only
                // together with the word's length, so no branch turns on the full stop alone.)
                let joiner = (FOLLOWER[next as usize] & follows != 0) | ((next == b'.') & (run <= 2) & !numeric);
                let may_join = joiner
                    // An ASCII joiner joins only before a letter or digit: "Mr. Smith", "a - b"
                    // and "in 2016." end at it.
                    && (next >= 0x80
                        || bytes
                            .get(i + run + 1)
                            .is_some_and(|&after| after >= 0x80 || ASCII_CLASS[after as usize] & WORD != 0));
                if may_join {
                    break;
                }
                capitals.record(tokens.len(), cap);
                let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
                // Pushed first and its lexicon information written into it after, where the
                // abbreviation's stop is decided (a number's information is empty, as above).
                // (Copied from the lexicon's slot to the token in two loads and two stores, not
                // as five fields held, and spilled, across the push.)
                tokens.push(token(i, i + run, kind, WordInfo::default(), cap));
                i += run;
                let index = tokens.len() - 1;
                if let Some(word) = tokens.last_mut() {
                    word.info = lexicon.get(&key);
                    // An abbreviation keeps its full stop: "Dr.", "Sept.", "D." in "Franklin D.
                    // Roosevelt" (never a number, which is no capital and no abbreviation).
                    if next == b'.' && ((run == 1 && cap) || word.info.has(ABBREVIATION)) {
                        word.span.end += 1;
                        i += 1;
                        note_abbreviation_stop(&mut pivots, index, word.info);
                    }
                }
                continue 'bytes;
            }
        } else if b < 0x80 {
            if class & SPACE != 0 {
                if b == b'\n' {
                    end_line(
                        &tokens,
                        line_first,
                        &mut doc.lines,
                        &mut doc.paragraphs,
                        &mut paragraph_open,
                    );
                    line_first = tokens.len();
                    line_no = doc.lines.len() as u32;
                }
                i += 1;
                continue;
            }
            // Stops, marks and colons (all below 64, so one bit test): every `:` token is made
            // here, the other paths making words and non-ASCII marks.
            if matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | b'<' | b'>' | b':') {
                if b == b':' {
                    doc.colons.push(tokens.len());
                } else if matches!(b, b'.' | b'!' | b'?') {
                    pivots.push(tokens.len());
                } else {
                    doc.marks.push(tokens.len());
                }
            }
            tokens.push(token(i, i + 1, TokenKind::Punct, WordInfo::default(), false));
            // (And the space after it, most punctuation's, with no branch: a turn of this loop
            // less.)
            i += 1 + usize::from(bytes.get(i + 1) == Some(&b' '));
            continue;
        }
        // Anything else, out of line. (It pushes one token at most, and a capitalised one is a
        // word: listed here, so that the capitals' count stays the loop's own.)
        let lists = Lists {
            stops: &mut pivots,
            marks: &mut doc.marks,
        };
        let index = tokens.len();
        i = other_token(text, i, scanned, line_no, &mut tokens, lists);
        capitals.record(index, tokens.get(index).is_some_and(|t| t.cap));
    }
    end_line(
        &tokens,
        line_first,
        &mut doc.lines,
        &mut doc.paragraphs,
        &mut paragraph_open,
    );
    doc.tokens = tokens;
    doc.pivots = pivots;
    doc.capitals = capitals;
    if text.len() <= SPARE_TEXT_LIMIT {
        WORD_ENDS.set(ends);
    }
}

/// The capitalised words' token indices ([`Document::capitals`]), the first `count` of `list`:
/// the tokenizer writes each word's index at the count and moves the count past it only if the
/// word is capitalised, so that recording takes no branch on the word (whether a word is
/// capitalised was mispredicted about once in six words). Through `Vec::push` and `truncate`,
/// the vector's length was loaded and stored again for every word (for all the compiler knows,
/// the tokens' stores might have changed it); the count is the tokenizer's own.
///
/// The vector's length is its room, filled ahead; the next text on the thread keeps it, and its
/// stale entries past the count (filling it again for each text cost more than the pushes).
#[derive(Default)]
struct Capitals {
    list: Vec<usize>,
    count: usize,
}

impl Capitals {
    /// No capitals yet, in `list` (the last text's) with room for `room` at least.
    fn new(mut list: Vec<usize>, room: usize) -> Capitals {
        if list.len() < room {
            list.resize(room, 0);
        }
        Capitals { list, count: 0 }
    }

    fn listed(&self) -> &[usize] {
        self.list.get(..self.count).unwrap_or_default()
    }

    /// Adds token `index`, a word, if it is capitalised (`cap`).
    #[inline(always)]
    fn record(&mut self, index: usize, cap: bool) {
        match self.list.get_mut(self.count) {
            Some(slot) => *slot = index,
            None => grow_capitals(&mut self.list, index),
        }
        self.count += usize::from(cap);
    }
}

/// [`Capitals::record`] where the vector is full: `index` pushed, and the new room filled.
#[cold]
#[inline(never)]
fn grow_capitals(list: &mut Vec<usize>, index: usize) {
    list.push(index);
    list.resize(list.capacity(), 0);
}

/// The lists [`other_token`] adds to besides the tokens: the sentence stops
/// ([`Document::pivots`]) and the quotation marks and tag brackets ([`Document::marks`]).
struct Lists<'a> {
    stops: &'a mut Vec<usize>,
    marks: &'a mut Vec<usize>,
}

/// Pushes the token at `i` that the main loop's fast paths leave (nothing for a space) and
/// returns where the next token may start: a character that is not ASCII, or a word that is
/// long, joined ("re-election", "U.S.", "4.1") or starts with a letter that is not ASCII, whose
/// first `scanned` bytes are known to be ASCII letters or digits. Out of line, so that the
/// common paths keep their registers.
#[inline(never)]
fn other_token(text: &str, i: usize, scanned: usize, line: u32, tokens: &mut Vec<Token>, lists: Lists) -> usize {
    let Lists { stops: pivots, marks } = lists;
    let bytes = text.as_bytes();
    let token =
        |end: usize, kind: TokenKind, info: WordInfo, cap: bool| Token::fresh(Span::new(i, end), kind, info, cap, line);
    let b = bytes[i];
    let class = ASCII_CLASS[b as usize];
    // A word with joiners where bytes can tell its end ("re-election", "Biden’s"): most calls
    // that start with an ASCII letter or digit, so tested first (no such byte starts a curly
    // quote or dash).
    if scanned < 16 && class & WORD != 0 {
        if let Some(Joined { end, next, possessive }) = joined_word(bytes, i + scanned) {
            let kind = if b.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let mut word = token(end, kind, WordInfo::default(), class & UPPER != 0);
            word.possessive = possessive;
            return push_joined_word(tokens, pivots, text, word, next);
        }
    }
    // Curly quotes, dashes and the ellipsis, told from their bytes: General Punctuation from
    // U+200B to U+203F, less its separators (U+2028, U+2029, U+202F), is punctuation (see
    // `classify`), and some of it quotation marks (`crate::quotes::is_mark`) or the ellipsis.
    if let [0xe2, 0x80, third, ..] = bytes[i..] {
        if third >= 0x8b && !matches!(third, 0xa8 | 0xa9 | 0xaf) {
            // … and ‘ ’ ‚ “ ” „ ‹ ›
            if third == 0xa6 {
                pivots.push(tokens.len());
            } else if matches!(third, 0x98..=0x9a | 0x9c..=0x9e | 0xb9 | 0xba) {
                marks.push(tokens.len());
            }
            tokens.push(token(i + 3, TokenKind::Punct, WordInfo::default(), false));
            return i + 3;
        }
    }
    // The general case, character by character.
    let Some(c) = text.get(i..).and_then(decode_first) else {
        return bytes.len();
    };
    let width = c.len_utf8();
    let class = classify(c);
    if class & SPACE != 0 {
        return i + width;
    }
    if class & WORD == 0 {
        if c == '…' {
            pivots.push(tokens.len());
        } else if crate::quotes::is_mark(c) {
            marks.push(tokens.len());
        }
        tokens.push(token(i + width, TokenKind::Punct, WordInfo::default(), false));
        return i + width;
    }
    let numeric = b.is_ascii_digit();
    let cap = class & UPPER != 0;
    let prev = if scanned > 1 { bytes[i + scanned - 1] as char } else { c };
    let ((mut end, has_inner_stop), info) = word_end(text, i, i + scanned.max(width), scanned, prev, numeric);
    // An abbreviation keeps its full stop: "Dr.", "Sept.", "D." in "Franklin D. Roosevelt".
    if bytes.get(end) == Some(&b'.') && !numeric {
        let single_capital = end == i + width && cap;
        if single_capital || has_inner_stop || info.has(ABBREVIATION) {
            end += 1;
            note_abbreviation_stop(pivots, tokens.len(), info);
        }
    }
    let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
    let mut word = token(end, kind, info, cap);
    word.possessive = possessive_of(bytes, word.span);
    tokens.push(word);
    end
}

/// Lists an abbreviation that kept its full stop among the stops, unless it is a title: "at
/// 7 p.m. He said" and "in the U.S. The" end a sentence there, which
/// [`Document::ends_sentence`] decides by the word after it ("Dr." and "Gov." always precede
/// a name, and "Sept." a number, which none of the words it asks for is).
#[inline(always)]
fn note_abbreviation_stop(pivots: &mut Vec<usize>, token: usize, info: WordInfo) {
    if !info.has(lexicon::TITLE) {
        pivots.push(token);
    }
}

/// [`Token::possessive`] of the word at `span`: [`crate::mentions::possessive_len`] from one
/// load of the text's last eight bytes up to the word's end, with no branch (whether a word
/// the common paths leave ends in "s" is a coin toss for the predictor).
#[inline(always)]
fn possessive_of(bytes: &[u8], span: Span) -> u8 {
    let from = span.end.saturating_sub(8);
    // Those bytes moved to the top, the word's last byte highest (zeros below a text's start).
    let tail = swar::load8(bytes, from) << (8 * (8 - (span.end - from)));
    let len = span.end - span.start;
    let curly = ((tail >> 32) as u32 == u32::from_le_bytes(*b"\xe2\x80\x99s")) & (len >= 4);
    let straight = ((tail >> 48) as u16 == u16::from_le_bytes(*b"'s")) & (len >= 2);
    (4 * u8::from(curly)) | (2 * u8::from(straight))
}

/// Closes the line whose tokens start at `first`: a line with no tokens is blank and ends the
/// paragraph. A line's span runs from its first token to its last, which is the line without
/// its surrounding whitespace (tokens cover every other character).
fn end_line(
    tokens: &[Token],
    first: usize,
    lines: &mut Vec<Line>,
    paragraphs: &mut Vec<Span>,
    paragraph_open: &mut bool,
) {
    let (Some(head), Some(tail)) = (tokens.get(first), tokens.last()) else {
        *paragraph_open = false;
        return;
    };
    let span = Span::new(head.span.start, tail.span.end);
    if !*paragraph_open {
        paragraphs.push(span);
        *paragraph_open = true;
    }
    let paragraph = paragraphs.len() - 1;
    paragraphs[paragraph].end = span.end;
    lines.push(Line {
        span,
        paragraph,
        tokens: first..tokens.len(),
    });
}

/// [`FOLLOWER`] bits: the byte after a word's ASCII run might join the word to what follows
/// (see [`joins_word`]) — a hyphen, an apostrophe or any non-ASCII character; after a number
/// also a comma or a point. (After a word, a full stop joins only a piece of one or two
/// characters, "U.S", "a.m": tested apart.)
const AFTER_WORD: u8 = 1;
const AFTER_NUMBER: u8 = 1 << 1;

static FOLLOWER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'-' | b'\'' | 0x80..=0xff => AFTER_WORD | AFTER_NUMBER,
            b',' | b'.' => AFTER_NUMBER,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// Pushes `word`, a word or number that [`joined_word`] ended ("re-election", "Biden’s"), its
/// [`Token::possessive`] set from [`Joined::possessive`], followed by the byte `next`, looked
/// up here, and returns where the next token may start: part of [`other_token`], out of the
/// main loop so that the common word's path stays short.
/// (Inlined there: called with a `Token` the caller had just stored field by field on its
/// stack, it read the token back as two 16-byte loads, which cannot take their data from those
/// narrower stores and wait for them to reach the cache.)
#[inline(always)]
fn push_joined_word(tokens: &mut Vec<Token>, pivots: &mut Vec<usize>, text: &str, mut word: Token, next: u8) -> usize {
    if word.kind == TokenKind::Word {
        word.info = joined_word_info(text.as_bytes(), word.span);
        // An abbreviation keeps its full stop, as on the common path.
        if next == b'.' && ((word.span.len() == 1 && word.cap) || word.info.has(ABBREVIATION)) {
            word.span.end += 1;
            // (Its last byte is now the stop: no possessive.)
            word.possessive = 0;
            note_abbreviation_stop(pivots, tokens.len(), word.info);
        }
    } else {
        age_as_description(text.as_bytes(), &mut word);
    }
    tokens.push(word);
    word.span.end + usize::from(next == b' ')
}

/// "the 24-year-old said": a number joined to a description ("year-old") is that description,
/// a word, as a reader takes it; other joined numbers ("3-1", "2016-17") stay numbers.
fn age_as_description(bytes: &[u8], word: &mut Token) {
    let Some(hyphen) = bytes[word.span.start..word.span.end].iter().position(|&b| b == b'-') else {
        return;
    };
    let info = lexicon::lookup_in_bytes(bytes, word.span.start + hyphen + 1..word.span.end);
    if info.is_desc() {
        (word.kind, word.info) = (TokenKind::Word, info);
    }
}

/// What the lexicons say about the word at `span`, a word [`joined_word`] ended: its key made
/// as the common word's is, from two loads (its ASCII bytes are letters, digits and joiners,
/// which `| 0x20` lowercases or leaves as they are); a word with a character that is not ASCII
/// is in no lexicon.
#[inline(always)]
fn joined_word_info(bytes: &[u8], span: Span) -> WordInfo {
    let Some(&masks) = KEY_MASKS.get(span.len()) else {
        return lexicon::lookup_in_bytes(bytes, span.start..span.end);
    };
    let (w0, w1) = load16(bytes, span.start);
    let (w0, w1) = (w0 & masks[0], w1 & masks[1]);
    if (w0 | w1) & swar::HIGH != 0 {
        return WordInfo::default();
    }
    let lower = swar::splat(0x20);
    lexicon::table().get(&[w0 | lower & masks[0], w1 | lower & masks[1]])
}

/// Where a word ends whose ASCII run ends at `end`, before a byte that might join it to more
/// ([`FOLLOWER`]), and the byte there, where bytes can tell: across hyphens and apostrophes
/// between ASCII letters or digits ("re-election", "don't", "Biden’s"), and up to a joiner
/// before a space or punctuation ("Mr. Smith", "a - b", "in 2016."), a curly quote or dash, or a
/// no-break space, none of which joins anything ([`joins_word`]). `None` for the rest ("U.S.",
/// "4.1", "café"), which [`word_end`] decides.
fn joined_word(bytes: &[u8], mut end: usize) -> Option<Joined> {
    let mut possessive = 0;
    loop {
        let next = bytes.get(end).copied().unwrap_or(0);
        let found = Joined { end, next, possessive };
        if next < 0x80 && ASCII_CLASS[next as usize] & JOINER == 0 {
            return Some(found);
        }
        // The joiner's width, and the possessive its last piece makes if that piece is "s".
        let (width, mark) = match next {
            b'\'' => (1, 2),
            b'-' | b',' | b'.' => (1, 0),
            // General Punctuation (U+2000..U+203F), which holds no letter: ’ and ‑ join like '
            // and -, the rest (curly quotes, dashes) join nothing.
            0xe2 if bytes.get(end + 1) == Some(&0x80) => match bytes.get(end + 2) {
                Some(0x99) => (3, 4),
                Some(0x91) => (3, 0),
                _ => return Some(found),
            },
            // A no-break space.
            0xc2 if bytes.get(end + 1) == Some(&0xa0) => return Some(found),
            _ => return None,
        };
        // What follows the joiner (a space past the text's end, which joins nothing either).
        let after = bytes.get(end + width).copied().unwrap_or(b' ');
        if after < 0x80 && !after.is_ascii_alphanumeric() {
            return Some(found);
        }
        // Commas and points join by rules of their own.
        if !after.is_ascii_alphanumeric() || matches!(next, b',' | b'.') {
            return None;
        }
        end += width;
        let run = ascii_word_run(bytes, end);
        end += run;
        possessive = if run == 1 && after == b's' { mark } else { 0 };
    }
}

/// A word [`joined_word`] ended.
struct Joined {
    /// Where it ends.
    end: usize,
    /// The byte there (0 past the text's end).
    next: u8,
    /// Its [`Token::possessive`], as [`possessive_of`] finds it, from the last joiner crossed:
    /// "’s" (4) or "'s" (2) at its end; 0 for the rest.
    possessive: u8,
}

/// A run of ASCII letters and digits, as [`ascii_run`] finds it.
struct Run {
    /// Its length in bytes (below 16).
    len: usize,
    /// The byte after it (0 past the text's end).
    next: u8,
    /// Its lowercase lexicon key.
    key: lexicon::Key,
    /// Its first byte.
    first: u8,
    /// Whether the byte after `next` is an ASCII letter or digit (another word after one
    /// space, if `next` is one).
    word_after: bool,
}

/// The ASCII letters and digits from `at` (one of them) when fewer than 16. The count comes
/// from `ends` ([`word_ends`]) whatever it is, so no branch turns on whether the word is
/// longer than eight bytes (a coin toss once in six words).
#[inline(always)]
fn ascii_run(bytes: &[u8], ends: &[u8], at: usize) -> Option<Run> {
    let group = at / 8;
    // (The flags of at least 57 bytes from `at`: a run and the two bytes after it.)
    let flags = ends
        .get(group..group + 8)
        .map_or(0, |eight| u64::from_le_bytes(eight.try_into().unwrap_or_default()))
        >> (at % 8);
    let run = flags.trailing_zeros() as usize;
    if run >= 16 {
        return None;
    }
    // `| 0x20` lowercases a letter and leaves a digit as it is.
    let lower = swar::splat(0x20);
    let masks = KEY_MASKS[run];
    // The byte after the run from the same sixteen bytes where they are there to read: one
    // bounds check for the three loads (the run is below 16, so its index needs none).
    let (w0, w1, next) = match bytes.get(at..).and_then(|rest| rest.first_chunk::<16>()) {
        Some(sixteen) => {
            let (low, high) = sixteen.split_at(8);
            (
                u64::from_le_bytes(low.try_into().unwrap_or_default()),
                u64::from_le_bytes(high.try_into().unwrap_or_default()),
                sixteen[run],
            )
        }
        None => (
            swar::load8(bytes, at),
            swar::load8(bytes, at + 8),
            bytes.get(at + run).copied().unwrap_or(0),
        ),
    };
    Some(Run {
        len: run,
        next,
        key: [(w0 | lower) & masks[0], (w1 | lower) & masks[1]],
        first: w0 as u8,
        word_after: flags >> (run + 1) & 1 == 0,
    })
}

/// The sixteen bytes of `bytes` from `at` as two little-endian words, zero past the end: one
/// bounds check for both loads where sixteen bytes are left.
#[inline(always)]
fn load16(bytes: &[u8], at: usize) -> (u64, u64) {
    match bytes.get(at..).and_then(|rest| rest.first_chunk::<16>()) {
        Some(sixteen) => {
            let (low, high) = sixteen.split_at(8);
            (
                u64::from_le_bytes(low.try_into().unwrap_or_default()),
                u64::from_le_bytes(high.try_into().unwrap_or_default()),
            )
        }
        None => (swar::load8(bytes, at), swar::load8(bytes, at + 8)),
    }
}

/// The masks that keep a word's first `n` bytes (`n` below 16) from its two eight-byte loads.
static KEY_MASKS: [[u64; 2]; 16] = {
    let mut masks = [[0u64; 2]; 16];
    let mut n = 1;
    while n < 16 {
        masks[n] = if n >= 8 {
            [u64::MAX, (1u64 << (8 * (n - 8))) - 1]
        } else {
            [(1u64 << (8 * n)) - 1, 0]
        };
        n += 1;
    }
    masks
};

/// `ends` refilled for `bytes`: a byte for every eight bytes of the text, whose bit `j` is set
/// if byte `j` of the eight is not an ASCII letter or digit (past the text's end none is), then
/// sixteen bytes of set bits, so that the flags of the 64 bytes from any multiple of eight are
/// one load. One pass over the text that the compiler vectorises, with no branch on the text:
/// the tokenizer reads a word's length from here instead of testing the word's own bytes.
fn word_ends(bytes: &[u8], mut ends: Vec<u8>) -> Vec<u8> {
    ends.clear();
    ends.reserve(bytes.len() / 8 + 17);
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        ends.extend(not_alnum_bits(block.try_into().unwrap_or(&[0; 64])));
    }
    // The last bytes eight at a time (zero past the end, which is not a letter or digit).
    let rest = blocks.remainder();
    for at in (0..rest.len()).step_by(8) {
        ends.push(gather_high_bits(swar::not_alnum(swar::load8(rest, at))));
    }
    ends.extend_from_slice(&[0xff; 16]);
    ends
}

#[cfg(all(target_family = "wasm", not(target_feature = "simd128")))]
use not_alnum_bits_scalar as not_alnum_bits;

/// [`word_ends`]' bytes for 64 bytes of text: a flag a byte first, which the compiler computes
/// sixteen bytes at a time where it has vectors, then each eight flags gathered into a byte by
/// one multiply.
#[cfg(any(not(target_family = "wasm"), target_feature = "simd128"))]
#[inline(always)]
fn not_alnum_bits(block: &[u8; 64]) -> [u8; 8] {
    let flags = block.map(|b| u8::from(!b.is_ascii_alphanumeric()));
    std::array::from_fn(|k| {
        let eight = u64::from_le_bytes(flags[8 * k..8 * k + 8].try_into().unwrap_or_default());
        (eight.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
    })
}

/// [`not_alnum_bits`] without vectors (WebAssembly without SIMD): eight bytes tested at once
/// ([`swar::not_alnum`]).
#[cfg(any(test, all(target_family = "wasm", not(target_feature = "simd128"))))]
#[inline(always)]
fn not_alnum_bits_scalar(block: &[u8; 64]) -> [u8; 8] {
    std::array::from_fn(|k| gather_high_bits(swar::not_alnum(swar::load8(block, 8 * k))))
}

/// The high bits of the eight bytes of `flags` (nothing else set) as a byte, byte `j`'s as bit
/// `j`.
#[inline(always)]
fn gather_high_bits(flags: u64) -> u8 {
    ((flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// Where the word starting at `start` ends, given its first `end - start` bytes (`piece_len`
/// characters since its last inner full stop, the last being `prev`), and what the lexicons
/// say about it: the general case, character by character past joiners and non-ASCII letters.
/// The returned flag says whether the word has an inner full stop ("U.S").
#[cold]
fn word_end(
    text: &str,
    start: usize,
    end: usize,
    piece_len: usize,
    prev: char,
    numeric: bool,
) -> ((usize, bool), WordInfo) {
    let bytes = text.as_bytes();
    let (mut end, mut piece_len, mut prev) = (end, piece_len, prev);
    let mut has_inner_stop = false;
    loop {
        // The common case first: a run of ASCII letters and digits.
        let run = ascii_word_run(bytes, end);
        if run > 0 {
            end += run;
            piece_len += run;
            prev = bytes[end - 1] as char;
        }
        let Some(&next) = bytes.get(end) else {
            break;
        };
        if next < 0x80 && ASCII_CLASS[next as usize] & JOINER == 0 {
            break;
        }
        let Some(d) = char_at(text, end) else {
            break;
        };
        let d_end = end + d.len_utf8();
        // An ASCII byte here is a joiner, not a word character.
        if !d.is_ascii() && classify(d) & WORD != 0 {
            piece_len += 1;
        } else {
            if !joins_word(text, d, d_end, prev, numeric, piece_len) {
                break;
            }
            if d == '.' {
                has_inner_stop = true;
                piece_len = 0;
            }
        }
        prev = d;
        end = d_end;
    }
    let info = if numeric {
        WordInfo::default()
    } else {
        lexicon::lookup_in(text, start..end)
    };
    ((end, has_inner_stop), info)
}

impl Document<'_> {
    /// The capitalised words that can be a word of a name, in order (listed by
    /// [`Document::split_sentences`]: see [`Document::mark_name_like`]), so
    /// [`crate::mentions::find`] visits these instead of every token.
    pub(crate) fn name_words(&self) -> &[usize] {
        &self.name_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.tokens.iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn classify_agrees_with_unicode_properties() {
        for c in ('\u{80}'..='\u{3000}').chain(['\u{1F600}', 'É', 'ß', 'Д', '中']) {
            let want = (u8::from(c.is_whitespace()) * SPACE)
                | (u8::from(c.is_alphanumeric() || is_combining_mark(c)) * WORD)
                | (u8::from(c.is_uppercase()) * UPPER);
            assert_eq!(classify(c), want, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn general_punctuation_is_told_from_its_bytes_as_from_its_properties() {
        for c in '\u{2000}'..='\u{206f}' {
            let text = format!("x {c} y");
            let doc = Document::new(&text);
            if classify(c) & SPACE != 0 {
                assert_eq!(doc.tokens.len(), 2, "{c:?} U+{:04X}", c as u32);
                continue;
            }
            assert_eq!(doc.tokens.len(), 3, "{c:?} U+{:04X}", c as u32);
            assert_eq!(doc.tokens[1].kind, TokenKind::Punct);
            assert_eq!(doc.tokens[1].span.of(&text), c.to_string());
            assert_eq!(doc.pivots == [1], c == '…', "{c:?} U+{:04X}", c as u32);
            assert_eq!(doc.marks == [1], crate::quotes::is_mark(c), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn word_runs_match_the_byte_table() {
        let text = "Putin’s 2024 re-election: U.S. [Kremlin] `ok` @home_z {Zz} 9/11 élan AZaz09 ~";
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            let expected = bytes[at..]
                .iter()
                .take_while(|&&b| ASCII_CLASS[b as usize] & WORD != 0)
                .count();
            assert_eq!(ascii_word_run(bytes, at), expected, "at {at}");
        }
        for b in 0..=255u8 {
            let w = u64::from_le_bytes([b; 8]);
            assert_eq!(
                swar::letters(w) | swar::digits(w) != 0,
                b.is_ascii_alphanumeric(),
                "byte {b:#x}"
            );
        }
    }

    #[test]
    fn word_ends_flag_every_byte_that_is_not_a_letter_or_digit() {
        let base = "Putin’s 2024 re-election: U.S. [Kremlin] `ok` @home_z {Zz} 9/11 élan AZaz09 ~\n\t\0\x7f";
        for len in [0, 1, 7, 8, 9, 63, 64, 65, 127, 128, 200] {
            let text: String = base.chars().cycle().take(len).collect();
            let bytes = text.as_bytes();
            let ends = word_ends(bytes, vec![1, 2, 3]);
            assert_eq!(ends.len(), bytes.len().div_ceil(8) + 16, "length {len}");
            for at in 0..ends.len() * 8 {
                let flagged = ends[at / 8] >> (at % 8) & 1 != 0;
                let want = bytes.get(at).is_none_or(|b| !b.is_ascii_alphanumeric());
                assert_eq!(flagged, want, "byte {at} of {len}");
            }
        }
    }

    #[test]
    fn both_byte_tests_of_word_ends_agree() {
        for b in 0..=255u8 {
            let mut block = [b'a'; 64];
            for k in (usize::from(b) % 8..64).step_by(9) {
                block[k] = b;
            }
            assert_eq!(not_alnum_bits(&block), not_alnum_bits_scalar(&block), "byte {b:#x}");
        }
    }

    #[test]
    fn joined_words_end_where_the_general_path_ends_them() {
        let text = "re-election don't Biden’s a - b Mr. Smith in 2016. x’ y U.S. café 4.1 100,000 \
                    rock‑solid it’s” “He’s—” ok\u{a0}no I'm.A 1,2 a-é e.g. A.B. x' 9-11 y'all x’é 5,b z… rock'n's x’s’ a-s 1990's";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            if !bytes[start].is_ascii_alphanumeric() || (start > 0 && bytes[start - 1].is_ascii_alphanumeric()) {
                continue;
            }
            let run = ascii_word_run(bytes, start);
            let Some(Joined { end, next, possessive }) = joined_word(bytes, start + run) else {
                continue;
            };
            let numeric = bytes[start].is_ascii_digit();
            let prev = bytes[start + run - 1] as char;
            let ((general, _), _) = word_end(text, start, start + run, run, prev, numeric);
            assert_eq!(end, general, "word at {start}: {:?}", &text[start..]);
            assert_eq!(next, bytes.get(general).copied().unwrap_or(0));
            assert_eq!(
                possessive,
                possessive_of(bytes, Span::new(start, end)),
                "word at {start}"
            );
        }
    }

    #[test]
    fn every_token_knows_its_possessive_ending() {
        let text = "'s A's Biden’s Trump's Jones' s Erdoğan’s Co's. ’s x’s U.S.'s 2016's s's Bush’s\nMacron's";
        let doc = Document::new(text);
        for token in &doc.tokens {
            let word = token.span.of(text).as_bytes();
            assert_eq!(
                usize::from(token.possessive),
                crate::mentions::possessive_len(word),
                "{:?}",
                token.span.of(text)
            );
        }
        assert!(doc.tokens.iter().filter(|t| t.possessive != 0).count() >= 8);
    }

    #[test]
    fn tokens_keep_abbreviations_names_and_numbers_whole() {
        assert_eq!(
            words("Franklin D. Roosevelt, U.S. envoy, said $100,000 (4.1%) wasn’t Trump-Putin’s."),
            [
                "Franklin",
                "D.",
                "Roosevelt",
                ",",
                "U.S.",
                "envoy",
                ",",
                "said",
                "$",
                "100,000",
                "(",
                "4.1",
                "%",
                ")",
                "wasn’t",
                "Trump-Putin’s",
                "."
            ]
        );
    }

    /// The text's sentences, as split by the pipeline, and its document.
    fn sentences_of(text: &str) -> (Vec<&str>, Document<'_>) {
        let mut doc = Document::new(text);
        doc.split_sentences();
        let sentences = doc.sentences.iter().map(|s| s.span.of(text)).collect();
        (sentences, doc)
    }

    #[test]
    fn sentences_break_at_stops_and_lines_but_not_abbreviations() {
        let text = "Dr. Smith arrived in Sept. Then he left. It rained!\nFILE PHOTO: a caption\n\nNew paragraph";
        let (got, doc) = sentences_of(text);
        assert_eq!(
            got,
            [
                "Dr. Smith arrived in Sept. Then he left.",
                "It rained!",
                "FILE PHOTO: a caption",
                "New paragraph"
            ]
        );
        assert_eq!(doc.paragraphs.len(), 2);
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_only_before_a_word_that_opens_one() {
        let text =
            "Polls close at 8 p.m. She voted in the U.S. The count starts at 9 p.m. Eastern time, said Gov. Ruiz.";
        assert_eq!(
            sentences_of(text).0,
            [
                "Polls close at 8 p.m.",
                "She voted in the U.S.",
                "The count starts at 9 p.m. Eastern time, said Gov. Ruiz."
            ]
        );
    }

    #[test]
    fn a_sentence_start_is_a_name_if_capitalised_elsewhere() {
        // "Years" and "Yet" share a filter bit: marking "Years" (twice) must leave the bit for
        // "Yet", and "Yet" is a name only where the text capitalises it elsewhere.
        let name_like = |text: &str| {
            let mut doc = Document::new(text);
            doc.split_sentences();
            let first = |word: &str| doc.tokens.iter().find(|t| t.span.of(text) == word).map(|t| t.name_like);
            (first("Years"), first("Yet"))
        };
        let text = "Years passed. Yet we waited. Then Years came. Then Years went, and Yet came.";
        assert_eq!(name_like(text), (Some(true), Some(true)));
        let text = "Years passed. Yet we waited. Then Years came. Then Years went, and yet came.";
        assert_eq!(name_like(text), (Some(true), Some(false)));
    }
}
