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
    fn mark_name_like(&mut self) {
        let text = self.text;
        let shouted = |t: &Token| {
            let word = t.span.of(text);
            word.chars().filter(|c| c.is_alphabetic()).count() > 4 && !word.chars().any(char::is_lowercase)
        };
        let mut initial = vec![false; self.tokens.len()];
        for sentence in &self.sentences {
            initial[sentence.tokens.start] = true;
        }
        let mut elsewhere: crate::lexicon::FxSet<&str> = Default::default();
        for (i, t) in self.tokens.iter().enumerate() {
            if t.cap && t.kind == TokenKind::Word && !initial[i] {
                elsewhere.insert(crate::mentions::strip_possessive(t.span.of(text)));
            }
        }
        let decisions: Vec<bool> = (0..self.tokens.len())
            .map(|i| {
                let t = &self.tokens[i];
                if !t.cap || t.kind != TokenKind::Word || shouted(t) {
                    return false;
                }
                let next_cap = self
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| n.cap && n.kind == TokenKind::Word && n.line == t.line);
                !initial[i]
                    || t.info.has(crate::lexicon::GIVEN_NAME)
                    || (next_cap && !t.info.has(crate::lexicon::FUNCTION))
                    || elsewhere.contains(crate::mentions::strip_possessive(t.span.of(text)))
            })
            .collect();
        for (token, name_like) in self.tokens.iter_mut().zip(decisions) {
            token.name_like = name_like;
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

/// Appends the tokens of `line` (a span of `text`) to `out`.
fn tokenize(text: &str, line: Span, line_no: u32, out: &mut Vec<Token>) {
    let s = &text[line.start..line.end];
    let bytes = s.as_bytes();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                span: Span::new(line.start + i, line.start + i + c.len_utf8()),
                kind: TokenKind::Punct,
                info: WordInfo::default(),
                cap: false,
                in_quote: false,
                name_like: false,
                mark: Mark::None,
                line: line_no,
            });
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut end = i + c.len_utf8();
        let mut piece_len = 1; // characters since the last inner full stop
        let mut has_inner_stop = false;
        let mut prev = c;
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                piece_len += 1;
            } else {
                // A joiner continues the word only between two word characters.
                let after = s[j + d.len_utf8()..].chars().next();
                let joins = match d {
                    '-' | '\'' | '’' | '‑' => after.is_some_and(is_word_char) && is_word_char(prev),
                    ',' => numeric && prev.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()),
                    '.' => {
                        (numeric && prev.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()))
                            || (!numeric && piece_len <= 2 && after.is_some_and(|a| a.is_alphabetic()) && {
                                // "U.S", "a.m": a short piece followed by another short piece.
                                let rest = &s[j + 1..];
                                let next_piece = rest.find(|x: char| !x.is_alphabetic()).unwrap_or(rest.len());
                                next_piece <= 2
                            })
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                if d == '.' {
                    has_inner_stop = true;
                    piece_len = 0;
                }
            }
            prev = d;
            end = j + d.len_utf8();
            chars.next();
        }
        // An abbreviation keeps its full stop: "Dr.", "Sept.", "D." in "Franklin D. Roosevelt".
        let word = &s[i..end];
        let info = if numeric {
            WordInfo::default()
        } else {
            lexicon::lookup(word)
        };
        if bytes.get(end) == Some(&b'.') && !numeric {
            let single_capital = word.chars().count() == 1 && c.is_uppercase();
            if single_capital || has_inner_stop || info.has(ABBREVIATION) {
                end += 1;
                chars.next();
            }
        }
        out.push(Token {
            span: Span::new(line.start + i, line.start + end),
            kind: if numeric { TokenKind::Number } else { TokenKind::Word },
            info,
            cap: c.is_uppercase(),
            in_quote: false,
            name_like: false,
            mark: Mark::None,
            line: line_no,
        });
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
