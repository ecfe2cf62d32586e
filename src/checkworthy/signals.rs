//! Signals: small detectors that say *why* a sentence may be check-worthy, plus the cues that
//! say it is not (first person, modals, opinion, courtesy, captions and credits).
//!
//! [`scan`] walks the tokens once. At each token it looks the word, and the two- and three-word
//! phrases ending there, up in the claim lexicons and hands a [`Window`] to every detector.
//! Each detector is a plain function of the window, so each can be read, and tested, alone.
//! The model uses the signals as features; [`Profile::signal_names`] reports them to readers.

use super::lexicon::{self, cat};
use super::tokens::{self, hash_lower, pair, shape, spelling, Word};
use crate::segment;

/// The signals reported to readers, in this order. Stable names: they appear in the JSON.
pub const SIGNAL_NAMES: [&str; 11] = [
    "figure",
    "percent",
    "money",
    "date",
    "comparison",
    "superlative",
    "cause",
    "trend",
    "named-entity",
    "attribution",
    "event",
];

/// Signal bits, indices into [`SIGNAL_NAMES`].
pub mod signal {
    pub const FIGURE: u16 = 1 << 0;
    pub const PERCENT: u16 = 1 << 1;
    pub const MONEY: u16 = 1 << 2;
    pub const DATE: u16 = 1 << 3;
    pub const COMPARISON: u16 = 1 << 4;
    pub const SUPERLATIVE: u16 = 1 << 5;
    pub const CAUSE: u16 = 1 << 6;
    pub const TREND: u16 = 1 << 7;
    pub const NAMED_ENTITY: u16 = 1 << 8;
    pub const ATTRIBUTION: u16 = 1 << 9;
    pub const EVENT: u16 = 1 << 10;
}

// The lexicon categories that are signals by themselves sit at their signal's bit.
const _: () = {
    use signal::*;
    assert!(cat::NUMBER == FIGURE as u32 && cat::PERCENT == PERCENT as u32 && cat::MONEY == MONEY as u32);
    assert!(cat::TIME == DATE as u32 && cat::COMPARISON == COMPARISON as u32);
    assert!(cat::SUPERLATIVE == SUPERLATIVE as u32 && cat::CAUSE == CAUSE as u32 && cat::TREND == TREND as u32);
    assert!(cat::ATTRIBUTION == ATTRIBUTION as u32 && cat::EVENT == EVENT as u32);
    assert!(cat::SIGNALS & NAMED_ENTITY as u32 == 0);
};

/// One token in context: the word, the word before it, and the lexicon categories of the
/// phrases of two and three words ending at it. Plain values, no `Option`s.
#[derive(Clone, Copy, Debug, Default)]
pub struct Window {
    /// 0 for the first token of the sentence.
    pub index: usize,
    pub cur: Word,
    /// The previous token's word; before the first, all zeros (no real hash, no shape, no
    /// category) but for its n-gram hash, the sentence start's ([`super::features::START`]).
    pub prev: Word,
    /// Categories of the two- or three-word phrase ending here.
    pub phrase: u32,
}

impl Window {
    fn any(&self, cats: u32) -> bool {
        (self.cur.cats | self.phrase) & cats != 0
    }
    fn prev_is(&self, hash: u64) -> bool {
        self.prev.hash == hash
    }
}

// ---- The detectors: each answers for one token in context. ----

/// A quantity: a number that is not a year ("4.1", "1,000") or a number word ("two million").
pub fn figure(w: &Window) -> bool {
    (w.cur.is(shape::NUMBER) && !w.cur.is(shape::YEAR)) || w.any(cat::NUMBER)
}

/// "%", "percent", "per cent", "percentage points".
pub fn percent(w: &Window) -> bool {
    w.cur.hash == hash_lower(b"%") || w.any(cat::PERCENT)
}

/// A currency sign or word: "$", "£", "€", "¥", "dollars", "euros".
pub fn money(w: &Window) -> bool {
    const SIGNS: [u64; 4] = [
        hash_lower("$".as_bytes()),
        hash_lower("£".as_bytes()),
        hash_lower("€".as_bytes()),
        hash_lower("¥".as_bytes()),
    ];
    (w.cur.is(shape::SYMBOL) && SIGNS.contains(&w.cur.hash)) || w.any(cat::MONEY)
}

/// A year or decade ("1998", "the 1990s"), a capitalised month or weekday not opening the
/// sentence ("in March"; "May" the modal opens questions), a month before a number ("May 5"),
/// or a time phrase ("last year", "ago").
pub fn date(w: &Window) -> bool {
    let calendar =
        w.cur.cats & cat::CALENDAR != 0 && w.cur.is(shape::CAPITALISED) && !w.cur.is(shape::ALL_CAPS) && w.index > 0;
    let month_then_number =
        w.cur.is(shape::NUMBER) && w.prev.cats & cat::CALENDAR != 0 && w.prev.is(shape::CAPITALISED);
    w.cur.is(shape::YEAR) || calendar || month_then_number || w.any(cat::TIME)
}

/// A comparison: "more than", "compared", "twice as", or any "<word> than" except "rather than"
/// and "other than".
pub fn comparison(w: &Window) -> bool {
    let than = w.cur.hash == hash_lower(b"than")
        && w.index > 0
        && !w.prev_is(hash_lower(b"rather"))
        && !w.prev_is(hash_lower(b"other"));
    than || w.any(cat::COMPARISON)
}

/// A superlative or record: "the highest", "the most", "record", "all-time", or
/// "the <word>est" unless the word only looks like one ("the interest").
pub fn superlative(w: &Window) -> bool {
    let est =
        w.prev_is(hash_lower(b"the")) && w.cur.spelling & spelling::EST != 0 && w.cur.cats & cat::NOT_SUPERLATIVE == 0;
    est || w.any(cat::SUPERLATIVE)
}

/// A causal link: "because", "due to", "led to", "as a result".
pub fn cause(w: &Window) -> bool {
    w.any(cat::CAUSE)
}

/// A change over time: "rose", "fell", "doubled", "went up".
pub fn trend(w: &Window) -> bool {
    w.any(cat::TREND)
}

/// A name: a capitalised word that does not open the sentence ("the Senate", "Obama"), or an
/// acronym anywhere ("NATO", "U.S"). "I" and month names do not count.
pub fn named_entity(w: &Window) -> bool {
    let acronym = w.cur.is(shape::ALL_CAPS) && w.cur.hash != hash_lower(b"i");
    let name = w.cur.is(shape::CAPITALISED)
        && w.index > 0
        && w.cur.cats & (cat::FIRST_PERSON | cat::CALENDAR) == 0
        && !w.prev_is(hash_lower(b":"));
    acronym || name
}

/// A cited source: "according to", "a study", "the census", "reported".
pub fn attribution(w: &Window) -> bool {
    w.any(cat::ATTRIBUTION)
}

/// A public act a record would show: "voted", "signed", "vetoed", "invaded".
pub fn event(w: &Window) -> bool {
    w.any(cat::EVENT)
}

/// A regular past tense or participle: "voted", "increased" (not "red", "need", "indeed").
fn ends_in_ed(t: &Word) -> bool {
    t.spelling & spelling::ED != 0
}

/// The lists of [`Profile::lists`].
pub const LISTS: u32 = cat::FIRST_PERSON | cat::WE | cat::YOU | cat::THEY | cat::MODAL | cat::OPINION | cat::COURTESY;

/// The lexicon categories [`Profile::observe`] counts.
const COUNTED: u32 = LISTS | cat::BOILERPLATE | cat::CREDIT;

/// What one pass over a sentence found: signals, and the counts the model and the boilerplate
/// rule use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    /// Bits from [`signal`].
    pub signals: u16,
    /// Word tokens (symbols not counted).
    pub words: u16,
    /// Words starting with a lowercase letter.
    pub lowercase_words: u16,
    /// Words of two or more letters, all capitals.
    pub all_caps_words: u16,
    pub figures: u16,
    pub entities: u16,
    /// The lists ([`LISTS`]: first person, we, you, third-person pronouns such as "she", "his",
    /// "they", modals, opinion, courtesy) the words and phrases seen are in, as their
    /// categories' bits: the model asks only whether a sentence has one of each (counts were
    /// only ever tested for 0), so a word of a list is counted in passing like a quiet one,
    /// its categories or-ed in.
    pub lists: u32,
    /// Past-tense verbs: irregular ones from the lexicon, and words of five or more letters
    /// ending in "-ed".
    pub past: u16,
    pub boilerplate_words: u16,
    pub question: bool,
    pub exclamation: bool,
    pub copyright: bool,
    /// A credit phrase ("Getty Images", "AP Photo") or a credit word before a slash
    /// ("Photo/", "Reuters/").
    pub credit: bool,
    /// "By" then a capitalised word, as bylines open.
    pub opens_with_by_name: bool,
    /// A colon right after the first word, as in "Photo: …", "Credit: …".
    pub label_colon: bool,
    /// Tokens scanned (words and symbols).
    pub tokens: u32,
    /// Symbols and numbers: the tokens with no affix features ([`super::features::own_count`]).
    /// The others are words that the fast path of [`Profile::observe`] may count, and this
    /// count, kept on the slow path, gives the number of hashed features with no sum per token.
    pub bare: u32,
}

/// Whether a word, with no phrase ending at it, is one [`Profile::observe`] only counts: a word
/// with no capital, digit or symbol, no number word, in no boilerplate or credit list, and
/// neither the "than" of a comparison nor the "-est" of a superlative. Of the detectors, only
/// the lexicon's categories fire on it; of the counts, only the words, the lowercase ones, the
/// past tenses and the [`LISTS`] change. Most words are such: decided once per word, in the
/// memo ([`spelling::QUIET`]).
pub(crate) fn is_quiet(word: &Word) -> bool {
    let est = word.spelling & spelling::EST != 0 && word.cats & cat::NOT_SUPERLATIVE == 0;
    word.shape == 0
        && word.hash != hash_lower(b"than")
        && !est
        && word.cats & (cat::NUMBER | cat::BOILERPLATE | cat::CREDIT) == 0
}

/// Whether a word, with no phrase ending at it, is one [`Profile::observe`] counts in passing
/// as a name: a capitalised word ("Senate", "Obama", a sentence's first word) in no list, and
/// neither "Than" nor an "-est" word. Of the detectors, only the name's fires on it, by its
/// place (not first, not after a colon); of the counts, the words, the past tenses ("-ed"),
/// the names, and a byline's "By" before it change ([`spelling::NAME`]).
pub(crate) fn is_plain_name(word: &Word) -> bool {
    word.shape == shape::CAPITALISED
        && word.cats & !cat::STARTS == 0
        && word.hash != hash_lower(b"than")
        && word.spelling & spelling::EST == 0
}

impl Profile {
    /// Records one token.
    #[inline(always)]
    pub fn observe(&mut self, w: &Window) {
        let t = &w.cur;
        // Quiet words and plain names in one path: which of the two a word is, was a branch
        // the predictor often missed (a quarter of the words are names or others).
        if t.spelling & (spelling::QUIET | spelling::NAME) != 0 && w.phrase == 0 {
            self.words += 1;
            self.lowercase_words += (t.spelling & spelling::LOWERCASE != 0) as u16;
            self.past += (t.spelling & spelling::PAST != 0) as u16;
            self.lists |= t.cats & LISTS;
            let name = t.spelling & spelling::NAME != 0;
            let entity = name & (w.index > 0) & !w.prev_is(hash_lower(b":"));
            self.entities += entity as u16;
            self.signals |= (t.cats & cat::SIGNALS) as u16 | (signal::NAMED_ENTITY * entity as u16);
            if name && w.index == 1 && w.prev_is(hash_lower(b"by")) && w.prev.is(shape::CAPITALISED) {
                self.opens_with_by_name = true;
            }
            return;
        }
        self.observe_fully(w);
    }

    /// [`Profile::observe`] of any token.
    #[inline(always)]
    pub(super) fn observe_fully(&mut self, w: &Window) {
        let t = &w.cur;
        // Fast path for most tokens: a word with no capital, digit or symbol. Of the
        // detectors only the lexicon's categories, the "than" of a comparison and the "-est"
        // of a superlative can fire (the others need a capital, a number or a symbol); of the
        // counts, the figures and past tenses the lexicon gives, and the counted lists.
        let cats = w.cur.cats | w.phrase;
        let in_no_list = cats & !cat::STARTS == 0;
        self.bare += (t.shape & (shape::SYMBOL | shape::NUMBER) != 0) as u32;
        if t.shape == 0 {
            self.words += 1;
            self.lowercase_words += (t.spelling & spelling::LOWERCASE != 0) as u16;
            self.past += (t.spelling & spelling::PAST != 0) as u16;
            self.signals |= (cats & cat::SIGNALS) as u16
                | (signal::COMPARISON * comparison(w) as u16)
                | (signal::SUPERLATIVE * superlative(w) as u16);
            if in_no_list {
                return;
            }
            // A number word ("two", "million") is a figure.
            self.figures += (cats & cat::NUMBER != 0) as u16;
            self.count(cats);
            return;
        }
        // Next most common: a capitalised word in no lexicon ("Senate", a sentence's first
        // word). It is no symbol, no number, not all capitals and in no list: of the detectors
        // below only these four can fire, and of the counts only these change.
        if t.shape == shape::CAPITALISED && in_no_list {
            self.words += 1;
            if w.index == 1 && w.prev_is(hash_lower(b"by")) && w.prev.is(shape::CAPITALISED) {
                self.opens_with_by_name = true;
            }
            let entity = named_entity(w);
            self.signals |= (signal::PERCENT * percent(w) as u16)
                | (signal::COMPARISON * comparison(w) as u16)
                | (signal::SUPERLATIVE * superlative(w) as u16)
                | (signal::NAMED_ENTITY * entity as u16);
            self.entities += entity as u16;
            self.past += ends_in_ed(t) as u16;
            return;
        }
        if t.is(shape::SYMBOL) {
            // Symbols are told apart by their hashes (distinct, see the tests).
            const QUESTION: u64 = hash_lower(b"?");
            const EXCLAMATION: u64 = hash_lower(b"!");
            const COPYRIGHT: u64 = hash_lower("©".as_bytes());
            const SLASH: u64 = hash_lower(b"/");
            const COLON: u64 = hash_lower(b":");
            match t.hash {
                QUESTION => self.question = true,
                EXCLAMATION => self.exclamation = true,
                COPYRIGHT => self.copyright = true,
                SLASH if w.prev.cats & cat::BOILERPLATE != 0 => self.credit = true,
                COLON if w.index == 1 => self.label_colon = true,
                _ => {}
            }
        } else {
            self.words += 1;
            self.lowercase_words += (t.spelling & spelling::LOWERCASE != 0) as u16;
            self.all_caps_words += t.is(shape::ALL_CAPS) as u16;
            if w.index == 1 && t.is(shape::CAPITALISED) && w.prev_is(hash_lower(b"by")) && w.prev.is(shape::CAPITALISED)
            {
                self.opens_with_by_name = true;
            }
        }
        // The detectors, with the lexicon's part of ten of them in one mask (`cat::SIGNALS`):
        // the same answers as calling each in turn, without testing each category again.
        let mut found = (cats & cat::SIGNALS) as u16;
        let figure = figure(w);
        let entity = named_entity(w);
        let pairs = [
            (signal::FIGURE, figure),
            (signal::PERCENT, percent(w)),
            (signal::MONEY, money(w)),
            (signal::DATE, date(w)),
            (signal::COMPARISON, comparison(w)),
            (signal::SUPERLATIVE, superlative(w)),
            (signal::NAMED_ENTITY, entity),
        ];
        for (bit, fires) in pairs {
            found |= bit * fires as u16;
        }
        self.signals |= found;
        self.figures += figure as u16;
        self.entities += entity as u16;
        self.past += (t.spelling & spelling::PAST != 0) as u16;
        self.count(cats);
    }

    /// Counts the cues of the lists a word or phrase with categories `cats` is in.
    #[inline(always)]
    fn count(&mut self, cats: u32) {
        // Most tokens (names, numbers, most words) are in none of the counted lists.
        if cats & COUNTED != 0 {
            self.lists |= cats & LISTS;
            self.boilerplate_words += (cats & cat::BOILERPLATE != 0) as u16;
            self.credit |= cats & cat::CREDIT != 0;
        }
    }

    /// Captions, photo credits, bylines, datelines and navigation: never claims, whatever the
    /// model says (its training data, debate transcripts, has none of them).
    pub fn is_boilerplate(&self) -> bool {
        let short = self.words <= 4;
        let shouting = self.all_caps_words >= 3 && self.all_caps_words * 4 >= self.words * 3;
        let all_caps_label = self.words >= 1 && self.all_caps_words == self.words;
        let byline = self.opens_with_by_name && self.words <= 10 && self.lowercase_words <= 2;
        // Every test made, no short-circuit: once a sentence, where the order of the
        // tests (the compiler's) made one of them a branch often missed.
        self.copyright
            | self.credit
            | (self.boilerplate_words >= 2 && self.words <= 15)
            | (self.boilerplate_words >= 1 && (short || self.label_colon))
            | shouting
            | all_caps_label
            | byline
    }

    /// The names of the signals found, in [`SIGNAL_NAMES`] order.
    pub fn signal_names(&self) -> Vec<&'static str> {
        names(self.signals).collect()
    }
}

/// The names of the signal bits in `signals`, in [`SIGNAL_NAMES`] order. Exact-sized, so
/// collecting it allocates once.
pub fn names(signals: u16) -> impl ExactSizeIterator<Item = &'static str> {
    let mut left = signals & ((1 << SIGNAL_NAMES.len()) - 1);
    (0..left.count_ones()).map(move |_| {
        let i = left.trailing_zeros() as usize;
        left &= left - 1;
        SIGNAL_NAMES[i]
    })
}

/// Scans a sentence on its own: segments it, then [`scan_tokens`] (tests and tools; the
/// trainer and [`super::assess`] go the same way).
pub fn scan(sentence: &str, on_token: impl FnMut(&Window)) -> Profile {
    let doc = segment::Document::new(sentence);
    scan_tokens(sentence, &doc.tokens, on_token)
}

/// Scans the segmenter's `tokens` of `text` once: calls `on_token` with every window (the
/// features use it for word n-grams) and returns what the detectors found. (The generic path:
/// the shipped model's scanner, `super::scanner`, is held to the same results by its tests.)
pub fn scan_tokens(text: &str, tokens: &[segment::Token], mut on_token: impl FnMut(&Window)) -> Profile {
    let mut profile = Profile::default();
    let lexicon = lexicon::get();
    let mut w = Window {
        cur: Word {
            ngram: super::features::START,
            ..Word::default()
        },
        ..Window::default()
    };
    // The key and categories of the last two words, for three-word phrases.
    let mut prev_pair = (0u64, 0u32);
    let lookup = tokens::lookup();
    let mut index = 0;
    for t in tokens {
        let Some(token) = tokens::word(text, &lookup, t) else {
            continue;
        };
        let cur = token.word;
        // Before the first token `w.cur` is what `w.prev` must be.
        w.prev = w.cur;
        w.cur = cur;
        w.index = index;
        // Phrases are looked up only where the lexicon says one may go on (`cat::STARTS_*`).
        let mut pair_key = 0;
        let mut pair_cats = 0;
        if w.prev.cats & cat::STARTS_PHRASE != 0 {
            pair_key = pair(w.prev.hash, cur.hash);
            pair_cats = lexicon.lookup(pair_key);
        }
        let triple_cats = if prev_pair.1 & cat::STARTS_TRIPLE != 0 {
            lexicon.lookup(pair(prev_pair.0, cur.hash))
        } else {
            0
        };
        // The pair's key is kept only when looked up: only then can a triple go on from it.
        prev_pair = (pair_key, pair_cats);
        w.phrase = pair_cats | triple_cats;
        profile.observe(&w);
        on_token(&w);
        index += 1;
    }
    profile.tokens = index as u32;
    profile
}

/// The signals of a sentence, by name (for tests and tools).
pub fn detect(sentence: &str) -> Vec<&'static str> {
    scan(sentence, |_| {}).signal_names()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(sentence: &str, name: &str) -> bool {
        detect(sentence).contains(&name)
    }

    /// Each row: a sentence in the shape of news or debate text, and whether the signal fires.
    fn check(name: &str, rows: &[(&str, bool)]) {
        for &(sentence, expected) in rows {
            assert_eq!(
                has(sentence, name),
                expected,
                "{name} on {sentence:?}: {:?}",
                detect(sentence)
            );
        }
    }

    #[test]
    fn figure() {
        check(
            "figure",
            &[
                ("The plant employs 1,200 people.", true),
                ("Inflation was 3.2 in the last reading.", true),
                ("We lost two million jobs.", true),
                ("Dozens of schools closed.", true),
                ("He was elected in 1998.", false),
                ("No one wants that.", false),
                ("That is the one thing I know.", false),
            ],
        );
    }

    #[test]
    fn percent() {
        check(
            "percent",
            &[
                ("Unemployment fell to 4.1% last month.", true),
                ("Turnout rose 12 percent.", true),
                ("Prices rose 3 per cent in Britain.", true),
                ("Rates climbed two percentage points.", true),
                ("I am one hundred and ten per", false),
                ("We gave it everything.", false),
            ],
        );
    }

    #[test]
    fn money() {
        check(
            "money",
            &[
                ("The bill costs $1.5 trillion.", true),
                ("It raised £40m for the NHS.", true),
                ("They spent 300 million dollars on ads.", true),
                ("That is a waste of taxpayer dollars.", true),
                ("He has a lot of money.", false),
            ],
        );
    }

    #[test]
    fn date() {
        check(
            "date",
            &[
                ("The law was signed in 1996.", true),
                ("Crime was higher in the 1990s.", true),
                ("The summit ended on Tuesday.", true),
                ("Sales fell in March.", true),
                ("May 5 is the deadline.", true),
                ("Ten years ago the plant closed.", true),
                ("Exports grew last year.", true),
                ("May I say something?", false),
                ("We may march together.", false),
                ("We have 1,998 members.", false),
            ],
        );
    }

    #[test]
    fn comparison() {
        check(
            "comparison",
            &[
                ("Crime is lower than it was.", true),
                ("We have more than 30 bases.", true),
                ("Wages grew faster than prices.", true),
                ("Costs doubled compared with 2010.", true),
                ("I would rather than argue, listen.", false),
                ("There is no answer other than this.", false),
                ("He said nothing.", false),
            ],
        );
    }

    #[test]
    fn superlative() {
        check(
            "superlative",
            &[
                ("It is the lowest rate since 2001.", true),
                ("The deadliest storm struck in 2005.", true),
                ("Exports hit a record in June.", true),
                ("This is the most expensive war.", true),
                ("It is in the interest of all.", false),
                ("We walked through the forest.", false),
            ],
        );
    }

    #[test]
    fn cause() {
        check(
            "cause",
            &[
                ("Prices rose because of the tariffs.", true),
                ("The strike led to shortages.", true),
                ("Delays were due to the storm.", true),
                ("As a result, 300 workers lost their jobs.", true),
                ("The storm hit the coast.", false),
            ],
        );
    }

    #[test]
    fn trend() {
        check(
            "trend",
            &[
                ("Crime rose in every city.", true),
                ("Enrollment declined for a third year.", true),
                ("The deficit has gone down.", true),
                ("Imports doubled.", true),
                ("We went to the city.", false),
            ],
        );
    }

    #[test]
    fn named_entity() {
        check(
            "named-entity",
            &[
                ("The Senate passed the bill.", true),
                ("My opponent met with Putin.", true),
                ("NATO has 32 members.", true),
                ("The U.S. economy grew.", true),
                ("Thank you all for coming.", false),
                ("I think so.", false),
                ("It happened in March.", false),
            ],
        );
    }

    #[test]
    fn attribution() {
        check(
            "attribution",
            &[
                ("According to the census, the city grew.", true),
                ("A study found that the drug works.", true),
                ("The agency reported 40 cases.", true),
                ("I like it.", false),
            ],
        );
    }

    #[test]
    fn event() {
        check(
            "event",
            &[
                ("He voted against the bill.", true),
                ("The governor vetoed it twice.", true),
                ("Russia invaded Ukraine.", true),
                ("I want to talk about families.", false),
            ],
        );
    }

    #[test]
    fn cues_against_claims() {
        let p = scan("I think we should help you, and I would.", |_| {});
        assert_eq!(
            p.lists,
            cat::FIRST_PERSON | cat::WE | cat::YOU | cat::MODAL | cat::OPINION
        );
        let p = scan("Thank you, thank you very much!", |_| {});
        assert!(p.lists & cat::COURTESY != 0 && p.exclamation);
        assert!(scan("Why did you vote for it?", |_| {}).question);
    }

    /// The shortcut for quiet words counts what the full path would.
    #[test]
    fn quiet_words_are_observed_alike() {
        for s in [
            "Wages grew faster than prices, rather than falling, in the interest of the highest paid.",
            "We voted for it because two million people needed it, due to the storm, I think.",
            "the latest numbers were compared with those of most other countries, they said",
            "As a result, 300 workers lost their jobs last year; you would agree.",
            "By Maria Lopez: Senate Leader Than Greatest Obama Voted in March.",
            "Photo: Jane Smith/Getty Images, By the Highest Court",
        ] {
            let (mut fast, mut full) = (Profile::default(), Profile::default());
            scan(s, |w| {
                fast.observe(w);
                full.observe_fully(w);
                assert_eq!(fast, full, "{s:?} at {}", w.index);
            });
        }
    }

    #[test]
    fn boilerplate() {
        let yes = [
            "Photo: Jane Smith/Getty Images",
            "© 2024 The Daily Herald. All rights reserved.",
            "By Maria Lopez and Tom Chen",
            "WASHINGTON (Reuters) -",
            "BREAKING NEWS: LIVE UPDATES",
            "Sign up for our newsletter",
            "AP Photo/Evan Vucci",
            "Read more",
        ];
        for s in yes {
            assert!(scan(s, |_| {}).is_boilerplate(), "{s}");
        }
        let no = [
            "By 2020, unemployment had fallen to 3.5 percent.",
            "The photographer was arrested in Moscow in March, the agency said.",
            "Unemployment fell to 4.1 percent in March, the lowest rate since 2001.",
            "The U.S. and NATO sent troops.",
            "Satellite photos show 40 ships.",
            "Its market share rose 5 percent.",
            "The child tax credit cut poverty by 30 percent.",
        ];
        for s in no {
            assert!(!scan(s, |_| {}).is_boilerplate(), "{s}");
        }
    }
}
