//! Quote pairing: which marks open and close a quotation, and what they enclose.
//!
//! Marks are paired per line with a stack, so single quotes nest inside double ones and a
//! stray mark only loses itself. Every style is known: “ ” ‘ ’ " ' « » ‹ › „ ‚ 「 」 『 』,
//! including German „…“ and Danish »…«, and two straight apostrophes standing for one double
//! mark (''…'', as some newspaper copy has it). Apostrophes are told apart from closing single quotes
//! by their neighbours ("Biden’s", "rock ’n’ roll", "’90s", "players’ union").
//!
//! The news convention for a quotation over several paragraphs — no closing mark at the end of
//! a paragraph, an opening mark at the start of the next — gives one quotation with a part per
//! paragraph. A mark that never closes is skipped; the rest of the text is still paired.

use std::cell::Cell;

use crate::segment::{reuse, worth_keeping, Document, Mark, TokenKind};
use crate::Span;

thread_local! {
    /// The last document's quotation list, emptied, for the next [`find`] on the thread
    /// ([`give_back`]): grown past its first 16 slots, it was reallocated and freed per
    /// document otherwise (~1,200 regrowths over the PolNeAR train corpus).
    static SPARE: Cell<Vec<Quoted>> = const { Cell::new(Vec::new()) };
    /// The last [`find`]'s per-line buffers (open marks, nested pairs), emptied: a document
    /// with a quotation otherwise allocated and regrew them.
    static SPARE_LINE: Cell<(Vec<Opener>, Vec<NestedPair>)> = const { Cell::new((Vec::new(), Vec::new())) };
}

/// A pair closed just inside an outer opener: its marks' tokens and its quoted words.
type NestedPair = (usize, usize, Span);

/// Keeps `found` (from [`find`]), emptied, for the next document's quotations on the thread,
/// once the quotations are no longer needed (after attribution).
pub fn give_back(mut found: Vec<Quoted>) {
    if worth_keeping(&found) {
        found.clear();
        SPARE.with(|cell| cell.set(found));
    }
}

/// A quotation found by its marks: the quoted words of each line it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The quoted words of each piece, marks and surrounding spaces excluded.
    pub parts: Parts,
    /// Token index of the opening mark of the first part.
    pub open: usize,
    /// Token index of the closing mark of the last part.
    pub close: usize,
}

impl Quoted {
    pub fn span(&self) -> Span {
        self.parts.span()
    }
}

/// A quotation's parts, used as a slice: one or two (nearly every quotation) held in place,
/// more (a quotation over several paragraphs) in a vector. Each quotation allocated a vector
/// of its own, and attribution a copy of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parts(PartsIn);

#[derive(Clone, Debug, PartialEq, Eq)]
enum PartsIn {
    Place([Span; 2], usize),
    Heap(Vec<Span>),
}

impl Parts {
    pub const fn new() -> Self {
        Parts(PartsIn::Place([Span::new(0, 0); 2], 0))
    }

    pub fn push(&mut self, part: Span) {
        match &mut self.0 {
            PartsIn::Place(place, n) if *n < place.len() => {
                place[*n] = part;
                *n += 1;
            }
            PartsIn::Place(place, _) => self.0 = PartsIn::Heap(vec![place[0], place[1], part]),
            PartsIn::Heap(parts) => parts.push(part),
        }
    }

    /// The first part (every quotation has one). (Out of line in the browser build, as
    /// [`Parts::span`]: inlined at each of their sixteen uses, the two layouts' cases and the
    /// vector's bounds test came to 1.3 KB of wasm.)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn first(&self) -> Span {
        match &self.0 {
            PartsIn::Place(place, _) => place[0],
            PartsIn::Heap(parts) => parts[0],
        }
    }

    /// From the first part's start to the last part's end. (These two are asked most, in
    /// searches over the quotations: without the slice's bounds test.) (Out of line in the
    /// browser build: see [`Parts::first`].)
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn span(&self) -> Span {
        match &self.0 {
            PartsIn::Place(place, n) => Span::new(place[0].start, place[usize::from(*n > 1)].end),
            PartsIn::Heap(parts) => Span::new(parts[0].start, parts[parts.len() - 1].end),
        }
    }

    pub fn extend(&mut self, parts: &[Span]) {
        for &part in parts {
            self.push(part);
        }
    }
}

impl Default for Parts {
    fn default() -> Self {
        Parts::new()
    }
}

impl std::ops::Deref for Parts {
    type Target = [Span];
    fn deref(&self) -> &[Span] {
        match &self.0 {
            PartsIn::Place(place, n) => &place[..*n],
            PartsIn::Heap(parts) => parts,
        }
    }
}

/// How deep the stack may grow before openers are treated as stray: bounded work per mark.
const MAX_DEPTH: usize = 8;

#[derive(Clone, Copy)]
struct Opener {
    ch: char,
    /// The opening mark's token: the first of the two for a doubled mark.
    token: usize,
    /// Two straight apostrophes used as one double mark (''…'', in some wire copy).
    double: bool,
}

/// Pairs the marks of every line, marks the tokens inside quotations, and returns the
/// outermost quotations in text order. Once per document.
#[inline(never)] // a stage of its own in profiles (see examples/stages.rs)
pub fn find(doc: &mut Document) -> Vec<Quoted> {
    let text = doc.text;
    // The last document's list if it was given back ([`give_back`]), else room for the
    // quotations of most texts (PolNeAR: 11 on average), in a block small enough for the
    // allocator's cache: grown from empty, it was reallocated two or three times. A big text
    // gets room for a quotation per six stops and marks (the train articles joined have one
    // per eight), so that its list is not copied as it grows (not a mid-sized one: a block
    // past the allocator's cache costs more than the two or three copies).
    let mut found = reuse(SPARE.with(Cell::take), 16);
    let pivots = doc.pivots.len() + doc.marks.len();
    if pivots > 6 * 1024 {
        found.reserve_exact(pivots / 6);
    }
    // A quotation left open at the end of a line, waiting for the next line (its index) to
    // reopen it.
    let mut pending: Option<(Carried, usize)> = None;
    // Per-line buffers, kept across lines and documents (`SPARE_LINE`) so that seldom more
    // than the first text's first lines allocate: the open marks, and the pairs closed just
    // inside an outer opener that may never close (if it does not, they are quotations of
    // their own: “a stray mark. “Real quote,” he said).
    let (mut stack, mut nested) = SPARE_LINE.with(Cell::take);
    // Only quotation marks and `<`, `>` open or close anything here (a quotation, a tag), and
    // the tokenizer lists them apart from the sentence stops, in order: they are visited line
    // by line, and a line with none is not visited at all (whether a line had one more pivot,
    // and whether a pivot was a stop, were branches missed line after line when stops and
    // marks shared a list). (Taken out while the tokens are written.)
    let marks = std::mem::take(&mut doc.marks);
    let mut m = 0;
    while let Some(&first_mark) = marks.get(m) {
        let line_index = doc.tokens[first_mark].line as usize;
        let line = doc.lines[line_index].clone();
        stack.clear();
        nested.clear();
        // (A quotation left open reopens on the next line only.)
        let mut carried = pending.take().filter(|&(_, next)| next == line_index).map(|(c, _)| c);
        let mut in_tag = false;
        // The second apostrophe of a doubled closing mark, already taken.
        let mut taken = usize::MAX;
        while let Some(&t) = marks.get(m).filter(|&&t| t < line.tokens.end) {
            m += 1;
            if t == taken {
                continue;
            }
            let token = doc.tokens[t];
            let punct = first_char(text, token.span);
            // Markup left in the text (<tweet author="…">) holds attribute quotes, not quotations.
            match punct {
                Some('<')
                    if text
                        .get(token.span.end..)
                        .unwrap_or_default()
                        .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') =>
                {
                    in_tag = true
                }
                Some('>') => in_tag = false,
                _ => {}
            }
            if in_tag {
                continue;
            }
            let Some(c) = punct.filter(|&c| is_mark(c)) else {
                continue;
            };
            let before = (text.get(..token.span.start).unwrap_or_default().chars())
                .next_back()
                .filter(|_| token.span.start > line.span.start);
            let after = crate::segment::decode_first(text.get(token.span.end..).unwrap_or_default())
                .filter(|_| token.span.end < line.span.end);
            let mut role = role_of(c, before, after, &stack);
            // "players’ union", "rock ’n’ roll" inside a ‘…’ quotation: a ’ after a letter with
            // the sentence going on is an apostrophe when a later ’ can still close the quote.
            if c == '’' && matches!(role, Role::Close(_)) && before.is_some_and(char::is_alphabetic) {
                let rest = text.get(token.span.end..line.span.end).unwrap_or_default();
                let goes_on = rest
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(|x: char| x.is_lowercase()));
                let mut cut = rest.len().min(300);
                while !rest.is_char_boundary(cut) {
                    cut -= 1;
                }
                let window = rest.get(..cut).unwrap_or_default();
                let later_close = window.char_indices().filter(|&(_, x)| x == '’').any(|(i, _)| {
                    !window
                        .get(i + '’'.len_utf8()..)
                        .unwrap_or_default()
                        .starts_with(char::is_alphanumeric)
                });
                if goes_on && later_close {
                    role = Role::Neither;
                }
            }
            match role {
                Role::Open if stack.len() < MAX_DEPTH => {
                    // ''…'': the apostrophe just before (touching, on this line) is half the mark.
                    let double = c == '\'' && t > line.tokens.start && doubled(doc, t - 1, t);
                    let token = if double { t - 1 } else { t };
                    stack.push(Opener { ch: c, token, double })
                }
                Role::Close(depth) => {
                    let opener = stack[depth];
                    stack.truncate(depth);
                    let mut t = t;
                    doc.tokens[t].mark = Mark::Close;
                    if opener.double {
                        doc.tokens[opener.token + 1].mark = Mark::Open;
                        if t + 1 < line.tokens.end && doubled(doc, t, t + 1) {
                            t += 1;
                            taken = t;
                            doc.tokens[t].mark = Mark::Close;
                        }
                    }
                    doc.tokens[opener.token].mark = Mark::Open;
                    if depth == 0 {
                        nested.clear();
                        let inner = trim(text, opener_end(doc, &opener), token.span.start);
                        // A reopened quotation continues the one left open on the line before.
                        let (mut parts, open) = continue_or_start(&mut carried, opener.token, line.tokens.start);
                        if !inner.is_empty() {
                            parts.push(inner);
                        }
                        if !parts.is_empty() {
                            push_marked(doc, &mut found, Quoted { parts, open, close: t });
                        }
                    } else if depth == 1 {
                        nested.push((opener.token, t, trim(text, opener_end(doc, &opener), token.span.start)));
                    }
                }
                _ => {}
            }
        }
        // The outermost opener still open at the end of the line may continue on the next one.
        if let Some(opener) = stack.first().copied() {
            let inner = trim(text, opener_end(doc, &opener), line.span.end);
            let next_opens = doc
                .lines
                .get(line_index + 1)
                .and_then(|next| doc.tokens.get(next.tokens.start))
                .is_some_and(|first| first.punct(text) == Some(opener.ch));
            let continues = next_opens && !inner.is_empty();
            if !continues {
                for &(open, close, inner) in &nested {
                    if !inner.is_empty() {
                        let mut parts = Parts::new();
                        parts.push(inner);
                        let quoted = Quoted { parts, open, close };
                        push_marked(doc, &mut found, quoted);
                    }
                }
            }
            if continues {
                doc.tokens[opener.token].mark = Mark::Open;
                if opener.double {
                    doc.tokens[opener.token + 1].mark = Mark::Open;
                }
                let (mut parts, open) = continue_or_start(&mut carried, opener.token, line.tokens.start);
                parts.push(inner);
                pending = Some((Carried { parts, open }, line_index + 1));
            }
        }
    }
    doc.marks = marks;
    if worth_keeping(&stack) && worth_keeping(&nested) {
        SPARE_LINE.with(|cell| cell.set((stack, nested)));
    }
    found
}

/// Adds a quotation to `found`, flagging its tokens as quoted now, while its line's tokens
/// are still in cache (no pairing decision reads the flags).
fn push_marked(doc: &mut Document, found: &mut Vec<Quoted>, quote: Quoted) {
    // Its parts follow its opening mark, in order: each search starts where the last ended.
    let mut from = quote.open;
    for &part in quote.parts.iter() {
        from = mark_inside(doc, part, from);
    }
    found.push(quote);
}

/// Are tokens `a` and `b` two straight apostrophes that touch ('')?
fn doubled(doc: &Document, a: usize, b: usize) -> bool {
    let (x, y) = (&doc.tokens[a], &doc.tokens[b]);
    x.span.end == y.span.start
        && x.kind == TokenKind::Punct
        && doc.text.as_bytes().get(x.span.start) == Some(&b'\'')
        && doc.text.as_bytes().get(y.span.start) == Some(&b'\'')
}

/// Where the quoted words after an opener may start: after both apostrophes of a doubled mark.
fn opener_end(doc: &Document, opener: &Opener) -> usize {
    doc.tokens[opener.token + usize::from(opener.double)].span.end
}

/// A quotation left open at the end of a line: its parts so far and its first opening mark.
struct Carried {
    parts: Parts,
    open: usize,
}

/// The parts and first mark for a quotation opened at token `opener`: those of the quotation
/// carried from the line before when the opener reopens it (it stands first on its line),
/// else a new quotation's.
fn continue_or_start(carried: &mut Option<Carried>, opener: usize, line_start: usize) -> (Parts, usize) {
    match carried.take() {
        Some(c) if opener == line_start => (c.parts, c.open),
        _ => (Parts::new(), opener),
    }
}

/// Flags every token inside `span` as quoted, and returns the index of the first token after
/// it. The tokens before `from` all end before `span` (a quotation's opening mark, or its
/// previous part): the first token inside is a step or two on, not a binary search away.
fn mark_inside(doc: &mut Document, span: Span, from: usize) -> usize {
    let from = from.min(doc.tokens.len());
    let tokens = &mut doc.tokens[from..];
    let first = tokens
        .iter()
        .position(|t| t.span.end > span.start)
        .unwrap_or(tokens.len());
    let mut after = first;
    for token in &mut tokens[first..] {
        if token.span.start >= span.end {
            break;
        }
        token.in_quote = true;
        after += 1;
    }
    from + after
}

/// The first character of `span` (what `Token::punct` gives a punctuation token), read
/// without decoding when it is ASCII.
#[inline]
fn first_char(text: &str, span: Span) -> Option<char> {
    match text.as_bytes().get(span.start) {
        Some(&b) if b < 0x80 && span.start < span.end && span.end <= text.len() => Some(b as char),
        _ => crate::segment::decode_first(span.of(text)),
    }
}

fn trim(text: &str, start: usize, end: usize) -> Span {
    if start >= end {
        return Span::new(start, start);
    }
    // Most quotations start and end with an ASCII character that is no space (what
    // `char::is_whitespace` takes for one in ASCII): nothing to trim, and nothing to decode.
    let kept = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r'));
    if kept(text.as_bytes().get(start)) && kept(text.as_bytes().get(end - 1)) {
        return Span::new(start, end);
    }
    let inner = text.get(start..end).unwrap_or_default();
    // (Its start trimmed, then its end: `str::trim` after `trim_start` trimmed the start twice,
    // and its two-ended trim was one more copy of std's trimming in the browser build, 717 B.)
    let rest = inner.trim_start();
    let lead = inner.len() - rest.len();
    Span::new(start + lead, start + lead + rest.trim_end().len())
}

pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '"' | '\'' | '«' | '»' | '‹' | '›' | '„' | '‚' | '「' | '」' | '『' | '』'
    )
}

enum Role {
    Open,
    /// Closes the opener at this stack depth.
    Close(usize),
    Neither,
}

/// The closing marks that end a quotation opened by `open`.
fn closes(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('“', '”')
            // Mixed styles, as hurried copy-editing leaves them: "…”, “…", “…“.
            | ('"', '”')
            | ('“', '"')
            | ('“', '“')
            | ('„', '“')
            | ('„', '”')
            // (A keyboard's straight mark closing a German opening one: „…".)
            | ('„', '"')
            | ('”', '”')
            | ('‘', '’')
            | ('‚', '‘')
            | ('‚', '’')
            | ('"', '"')
            | ('\'', '\'')
            | ('«', '»')
            | ('»', '«')
            | ('‹', '›')
            | ('›', '‹')
            | ('「', '」')
            | ('『', '』')
    )
}

/// Decides what a mark does from its neighbours and the marks still open.
fn role_of(c: char, before: Option<char>, after: Option<char>, stack: &[Opener]) -> Role {
    let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
    // (The punctuation as a `match`, not a search of a string of them.)
    let space_or_start = |x: Option<char>| {
        x.is_none_or(|x| x.is_whitespace() || matches!(x, '(' | '[' | '{' | '—' | '–' | '-' | '/') || is_mark(x))
    };
    let space_or_end = |x: Option<char>| {
        x.is_none_or(|x| {
            x.is_whitespace()
                || matches!(
                    x,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
                )
                || is_mark(x)
        })
    };
    // The nearest open mark this one can close (bounded by MAX_DEPTH).
    let closable = stack.iter().rposition(|o| closes(o.ch, c));
    match c {
        // Apostrophes first: inside a word, before a digit, or an elision like ’n’.
        '’' | '\'' if word(before) && word(after) => Role::Neither,
        '’' | '\'' if after.is_some_and(|a| a.is_ascii_digit()) => Role::Neither,
        '’' => match closable {
            Some(depth) if !space_or_start(before) || space_or_end(after) => Role::Close(depth),
            _ => Role::Neither,
        },
        '\'' => match closable {
            Some(depth) if space_or_end(after) && !space_or_start(before) => Role::Close(depth),
            _ if space_or_start(before) && word(after) => Role::Open,
            _ => Role::Neither,
        },
        '"' => match closable {
            // A straight mark closes the open one unless it plainly opens a new quotation.
            Some(depth) if !space_or_start(before) || space_or_end(after) || stack.len() > depth + 1 => {
                Role::Close(depth)
            }
            Some(_) => Role::Neither,
            None if !space_or_end(after) || space_or_start(before) => Role::Open,
            None => Role::Neither,
        },
        '‚' if !(space_or_start(before) && word(after)) => Role::Neither,
        // Marks that can close (German “ after „, Swedish ”…”, Danish »…«) do so when they can.
        _ => match closable {
            Some(depth) if !(c == '“' && space_or_start(before) && !space_or_end(after) && stack[depth].ch != '„') => {
                Role::Close(depth)
            }
            _ if matches!(c, '“' | '‘' | '«' | '‹' | '„' | '‚' | '「' | '『') => Role::Open,
            _ if matches!(c, '»' | '›' | '”') && space_or_start(before) && !space_or_end(after) => Role::Open,
            _ => Role::Neither,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<Vec<&str>> {
        let mut doc = Document::new(text);
        find(&mut doc)
            .iter()
            .map(|q| q.parts.iter().map(|p| p.of(text)).collect())
            .collect()
    }

    #[test]
    fn every_style_pairs() {
        for (text, want) in [
            ("He said “we win.” Then", "we win."),
            ("He said ‘we win’ twice", "we win"),
            ("He said \"we win\" twice", "we win"),
            ("He said 'we win' twice", "we win"),
            ("Er sagte „wir siegen“ heute", "wir siegen"),
            ("Er sagte „wir siegen” heute", "wir siegen"),
            ("Er sagte „wir siegen\" heute", "wir siegen"),
            ("Il a dit « nous gagnons » hier", "nous gagnons"),
            ("Il a dit ‹ nous › hier", "nous"),
            ("Han sa »vi vinner« i går", "vi vinner"),
            ("Han sa ”vi vinner” i går", "vi vinner"),
            ("彼は「勝つ」と言った", "勝つ"),
            ("彼は『勝つ』と言った", "勝つ"),
            ("Er sagte ‚wir‘ heute", "wir"),
        ] {
            assert_eq!(quotes(text), [[want]], "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("“Biden’s players’ union loves rock ’n’ roll from the ’90s,” he said."),
            [["Biden’s players’ union loves rock ’n’ roll from the ’90s,"]]
        );
        assert_eq!(
            quotes("The players’ union and Biden's team met."),
            Vec::<Vec<&str>>::new()
        );
    }

    #[test]
    fn nested_single_inside_double_is_one_quote() {
        assert_eq!(
            quotes("“He told me ‘never again,’ and meant it,” she said."),
            [["He told me ‘never again,’ and meant it,"]]
        );
    }

    #[test]
    fn doubled_apostrophes_are_one_mark() {
        assert_eq!(
            quotes("''We win,'' he said. ''Soon.'' It's 'ours.'"),
            [vec!["We win,"], vec!["Soon."], vec!["ours."]]
        );
        assert_eq!(
            quotes("''First part.\n\n''Last part,'' he said."),
            [["First part.", "Last part,"]]
        );
    }

    #[test]
    fn quote_continues_into_next_paragraph() {
        let text = "“First part of it.\n\n“Second part.\n\n“Last part,” he said.";
        assert_eq!(quotes(text), [["First part of it.", "Second part.", "Last part,"]]);
    }

    #[test]
    fn unmatched_mark_is_skipped_locally() {
        let text = "He said “this never closes.\n\nShe said “fine.”";
        assert_eq!(quotes(text), [["fine."]]);
    }
}
