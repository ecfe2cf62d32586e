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

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// What the lexicons say about this word (empty for numbers and punctuation).
    pub info: WordInfo,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Inside a quotation's words (set by [`crate::quotes`]).
    pub in_quote: bool,
    /// Capitalised like a name: not only because it starts a sentence, and not a shouted
    /// all-capital label or dateline ("FILE PHOTO", "WASHINGTON"). Set with the sentences.
    pub name_like: bool,
    pub mark: Mark,
    pub line: u32,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// The token's single character, for punctuation.
    pub fn punct(&self, text: &str) -> Option<char> {
        if self.kind != TokenKind::Punct {
            return None;
        }
        self.span.of(text).chars().next()
    }
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
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl<'t> Document<'t> {
    /// Splits `text` into lines, paragraphs and tokens. Sentences come later, once quotations
    /// are known.
    #[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
    pub fn new(text: &'t str) -> Self {
        let mut doc = Document {
            text,
            lines: Vec::new(),
            paragraphs: Vec::new(),
            tokens: Vec::with_capacity(text.len() / 5),
            sentences: Vec::new(),
        };
        let mut paragraph_open = false;
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            let trimmed_start = start + (content.len() - content.trim_start().len());
            let trimmed_end = start + content.trim_end().len();
            if trimmed_start >= trimmed_end {
                paragraph_open = false;
            } else {
                if !paragraph_open {
                    doc.paragraphs.push(Span::new(trimmed_start, trimmed_end));
                    paragraph_open = true;
                }
                let paragraph = doc.paragraphs.len() - 1;
                doc.paragraphs[paragraph].end = trimmed_end;
                let first = doc.tokens.len();
                let line_no = doc.lines.len() as u32;
                tokenize(text, Span::new(trimmed_start, trimmed_end), line_no, &mut doc.tokens);
                doc.lines.push(Line {
                    span: Span::new(trimmed_start, trimmed_end),
                    paragraph,
                    tokens: first..doc.tokens.len(),
                });
            }
            start = end;
        }
        doc
    }

    pub fn word(&self, token: usize) -> &'t str {
        self.tokens[token].span.of(self.text)
    }

    /// Splits every line into sentences. Call after quotation marks are known.
    #[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
    pub fn split_sentences(&mut self) {
        let mut sentences = Vec::with_capacity(self.lines.len() * 2);
        for (line_index, line) in self.lines.iter().enumerate() {
            let mut first = line.tokens.start;
            let mut i = line.tokens.start;
            while i < line.tokens.end {
                let end_of_sentence = self.ends_sentence(i, line.tokens.end);
                if let Some(last) = end_of_sentence {
                    sentences.push(self.sentence(first..last + 1, line_index));
                    first = last + 1;
                    i = last + 1;
                } else {
                    i += 1;
                }
            }
            if first < line.tokens.end {
                sentences.push(self.sentence(first..line.tokens.end, line_index));
            }
        }
        self.sentences = sentences;
        self.mark_name_like();
    }

    /// A capitalised word starting a sentence ("Years later", "Reached by phone") is a name
    /// only if the text also capitalises it elsewhere, it is a known given name, or another
    /// capitalised word follows.
    #[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
    fn mark_name_like(&mut self) {
        let text = self.text;
        // More than four letters and none lowercase (checked first: it fails on the second
        // letter of most capitalised words).
        let shouted = |t: &Token| {
            let word = t.span.of(text);
            word.len() > 4
                && !word.chars().any(char::is_lowercase)
                && word.chars().filter(|c| c.is_alphabetic()).count() > 4
        };
        let capital_word = |t: &Token| t.cap && t.kind == TokenKind::Word;
        let mut initial = vec![false; self.tokens.len()];
        for sentence in &self.sentences {
            initial[sentence.tokens.start] = true;
        }
        // Sentence-initial words only "capitalised elsewhere" can decide, decided below.
        let mut undecided = Vec::new();
        // Capitalised words not starting a sentence: the evidence for the undecided ones.
        let mut capitalised_elsewhere = Vec::new();
        for (i, &is_initial) in initial.iter().enumerate() {
            let t = &self.tokens[i];
            if !capital_word(t) {
                continue;
            }
            if !is_initial {
                capitalised_elsewhere.push(i);
            }
            if shouted(t) {
                continue;
            }
            let next_cap = self
                .tokens
                .get(i + 1)
                .is_some_and(|n| capital_word(n) && n.line == t.line);
            let name_like = !is_initial
                || t.info.has(crate::lexicon::GIVEN_NAME)
                || (next_cap && !t.info.has(crate::lexicon::FUNCTION));
            if name_like {
                self.tokens[i].name_like = true;
            } else {
                undecided.push(i);
            }
        }
        if undecided.is_empty() {
            return;
        }
        // Which undecided words the text capitalises elsewhere. A filter on (length, first
        // byte) spares hashing most capitalised words, which are names, not "The" or "But".
        let stripped = |i: usize| crate::mentions::strip_possessive(self.tokens[i].span.of(text));
        let bloom_bit = |w: &str| (w.len() % 64, 1u64 << (w.as_bytes().first().copied().unwrap_or(0) % 64));
        let mut bloom = [0u64; 64];
        let mut wanted: crate::lexicon::FxMap<&str, bool> = Default::default();
        for &i in &undecided {
            let word = stripped(i);
            let (slot, bit) = bloom_bit(word);
            bloom[slot] |= bit;
            wanted.insert(word, false);
        }
        for &i in &capitalised_elsewhere {
            let word = stripped(i);
            let (slot, bit) = bloom_bit(word);
            if bloom[slot] & bit != 0 {
                if let Some(seen) = wanted.get_mut(word) {
                    *seen = true;
                }
            }
        }
        let decided: Vec<bool> = undecided
            .iter()
            .map(|&i| wanted.get(stripped(i)) == Some(&true))
            .collect();
        for (i, name_like) in undecided.into_iter().zip(decided) {
            self.tokens[i].name_like = name_like;
        }
    }

    fn sentence(&self, tokens: Range<usize>, line: usize) -> Sentence {
        let span = Span::new(
            self.tokens[tokens.start].span.start,
            self.tokens[tokens.end - 1].span.end,
        );
        Sentence { span, tokens, line }
    }

    /// If a sentence ends at token `i`, the index of its last token (after closing marks).
    fn ends_sentence(&self, i: usize, line_end: usize) -> Option<usize> {
        let token = &self.tokens[i];
        if !matches!(token.punct(self.text), Some('.' | '!' | '?' | '…')) {
            return None;
        }
        // Closing marks and brackets right after the stop belong to this sentence.
        let mut last = i;
        while last + 1 < line_end {
            let next = &self.tokens[last + 1];
            let closer = next.mark == Mark::Close || matches!(next.punct(self.text), Some(')' | ']' | '.' | '!' | '?'));
            if !closer || next.span.start != self.tokens[last].span.end {
                break;
            }
            last += 1;
        }
        // Never end inside a quotation: "“A. B,” she said" is one sentence.
        if self.tokens[last].in_quote && self.tokens[last].mark != Mark::Close {
            return None;
        }
        // “We will win.” Obama told the crowd: a name and a reporting verb after a closed
        // quotation attribute it, so the sentence goes on.
        if self.tokens[last].mark == Mark::Close && self.attribution_follows(last + 1, line_end) {
            return None;
        }
        match self.tokens.get(last + 1) {
            None => Some(last),
            Some(_) if last + 1 >= line_end => Some(last),
            Some(next) => {
                let starts_new = next.cap
                    || next.kind == TokenKind::Number
                    || next.mark == Mark::Open
                    || matches!(next.punct(self.text), Some('(' | '[' | '—' | '-' | '•' | '*'));
                starts_new.then_some(last)
            }
        }
    }

    /// A short attribution tail next: a reporting verb within a few words, itself followed by
    /// the end of the sentence or a comma ("… .” Obama told reporters." but not "… .” He says
    /// referees cheat.").
    fn attribution_follows(&self, from: usize, line_end: usize) -> bool {
        let cue = (from..line_end.min(from + 6))
            .take_while(|&t| self.tokens[t].kind == TokenKind::Word)
            .find(|&t| {
                let token = &self.tokens[t];
                !token.cap
                    && matches!(
                        token.info.cue,
                        Some(crate::lexicon::CueClass::Speech | crate::lexicon::CueClass::Tell)
                    )
            });
        let Some(cue) = cue else {
            return false;
        };
        (cue + 1..line_end.min(cue + 5)).any(|t| matches!(self.tokens[t].punct(self.text), Some('.' | ',' | ';')))
            || cue + 1 >= line_end
    }

    /// The sentence holding token `t` (binary search).
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= t)
    }
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
    if c.is_alphanumeric() {
        class |= WORD;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    class
}

/// The character starting at byte `i` of `s` (a char boundary), if any: ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[i..].chars().next(),
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
        let not_word = !(swar::letters(w) | swar::digits(w)) & swar::HIGH;
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
                    let rest = &s[d_end..];
                    let next_piece = rest.find(|x: char| !x.is_alphabetic()).unwrap_or(rest.len());
                    next_piece <= 2
                })
        }
        _ => false,
    }
}

/// Appends the tokens of `line` (a span of `text`) to `out`.
///
/// Works on bytes and decodes a character only where a byte is not ASCII: news text is mostly
/// ASCII, and this loop sees every byte of the input. A word ends, in the common case, at an
/// ASCII byte that can join nothing (a space, most punctuation), decided by one table lookup.
#[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
fn tokenize(text: &str, line: Span, line_no: u32, out: &mut Vec<Token>) {
    let s = &text[line.start..line.end];
    let bytes = s.as_bytes();
    let token = |start: usize, end: usize, kind: TokenKind, info: WordInfo, cap: bool| Token {
        span: Span::new(line.start + start, line.start + end),
        kind,
        info,
        cap,
        in_quote: false,
        name_like: false,
        mark: Mark::None,
        line: line_no,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, width, class) = if b < 0x80 {
            (b as char, 1, ASCII_CLASS[b as usize])
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            (c, c.len_utf8(), classify(c))
        };
        if class & SPACE != 0 {
            i += width;
            continue;
        }
        if class & WORD == 0 {
            out.push(token(i, i + width, TokenKind::Punct, WordInfo::default(), false));
            i += width;
            continue;
        }
        let numeric = b.is_ascii_digit();
        let mut end = i + width;
        let mut piece_len = 1; // characters since the last inner full stop
        let mut has_inner_stop = false;
        let mut prev = c;
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
            let Some(d) = char_at(s, end) else {
                break;
            };
            let d_end = end + d.len_utf8();
            if classify(d) & WORD != 0 {
                piece_len += 1;
            } else {
                if !joins_word(s, d, d_end, prev, numeric, piece_len) {
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
        // An abbreviation keeps its full stop: "Dr.", "Sept.", "D." in "Franklin D. Roosevelt".
        let info = if numeric {
            WordInfo::default()
        } else {
            lexicon::lookup_in(s, i..end)
        };
        let cap = class & UPPER != 0;
        if bytes.get(end) == Some(&b'.') && !numeric {
            let single_capital = end == i + width && cap;
            if single_capital || has_inner_stop || info.has(ABBREVIATION) {
                end += 1;
            }
        }
        out.push(token(
            i,
            end,
            if numeric { TokenKind::Number } else { TokenKind::Word },
            info,
            cap,
        ));
        i = end;
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
                | (u8::from(c.is_alphanumeric()) * WORD)
                | (u8::from(c.is_uppercase()) * UPPER);
            assert_eq!(classify(c), want, "{c:?} U+{:04X}", c as u32);
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

    #[test]
    fn sentences_break_at_stops_and_lines_but_not_abbreviations() {
        let text = "Dr. Smith arrived in Sept. Then he left. It rained!\nFILE PHOTO: a caption\n\nNew paragraph";
        let mut doc = Document::new(text);
        doc.split_sentences();
        let got: Vec<&str> = doc.sentences.iter().map(|s| s.span.of(text)).collect();
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
}
