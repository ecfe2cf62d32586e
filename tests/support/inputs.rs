//! Inputs of any size for the super-linear benchmark (`examples/superlinear.rs`), the work-counting
//! test (`tests/linear.rs`) and the CLI's large-file test (`tests/cli.rs`): ordinary news-like
//! text, and the degenerate shapes that make naive quote pairing, sentence splitting or name
//! matching quadratic. Everything is generated (deterministically), nothing is copied from real
//! articles. Included by `#[path]`, so each user compiles only what it calls.
#![allow(dead_code)]

/// A small deterministic generator (xorshift64*), so runs are comparable.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const GIVEN: &[&str] = &[
    "Maria", "John", "Kirill", "Ana", "Olusegun", "Mei", "Pierre", "Sarah", "Ahmed", "Ingrid", "José", "Zoë",
];
const FAMILY: &[&str] = &[
    "Lopez",
    "Smith",
    "Dmitriev",
    "Okafor",
    "Chen",
    "Dubois",
    "Nguyen",
    "Haddad",
    "Larsen",
    "Müller",
    "O’Brien",
];
const TITLES: &[&str] = &[
    "President",
    "Sen.",
    "Dr.",
    "Treasury Secretary",
    "former U.S. ambassador",
    "Prime Minister",
    "Gov.",
];
const DESCRIPTIONS: &[&str] = &[
    "the official",
    "a senior advisor",
    "the spokeswoman",
    "a government source",
    "the company",
    "analysts",
];
const PRONOUNS: &[&str] = &["he", "she", "they"];
const CUES: &[&str] = &["said", "told reporters", "warned", "added", "stated", "argued", "wrote"];
const ORGS: &[&str] = &[
    "the Department of Defense",
    "Acme Corp.",
    "the European Union",
    "the Congressional Budget Office",
    "Reuters",
];
const WORDS: &[&str] = &[
    "the",
    "economy",
    "grew",
    "plan",
    "would",
    "deficit",
    "by",
    "percent",
    "in",
    "Sept.",
    "after",
    "storm",
    "talks",
    "between",
    "and",
    "city",
    "council",
    "voted",
    "against",
    "budget",
    "it’s",
    "players’",
    "record",
    "since",
    "1945",
    "more",
    "than",
    "because",
    "of",
    "a",
    "new",
    "law",
    "on",
    "Tuesday",
    "U.S.",
    "officials",
    "expected",
    "rise",
];

fn name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))
}

fn words(rng: &mut Rng, out: &mut String, n: u64) {
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        match rng.below(12) {
            0 => out.push_str(&format!("{}", rng.below(100_000))),
            1 => out.push_str(&format!("{}.{}%", rng.below(100), rng.below(10))),
            2 => out.push_str(&format!("${} million", rng.below(900) + 1)),
            _ => out.push_str(rng.pick(WORDS)),
        }
    }
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 4 + rng.below(14);
    let mut body = String::new();
    words(rng, &mut body, n);
    let mut chars = body.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
    out.push('.');
}

/// One paragraph of news: reporting, direct quotes (whole, partial, interrupted), reported speech,
/// "according to", captions.
fn paragraph(rng: &mut Rng, out: &mut String) {
    match rng.below(9) {
        0 => {
            out.push('“');
            sentence(rng, out);
            out.pop();
            out.push_str(&format!(",” {} {}. “", rng.pick(PRONOUNS), rng.pick(CUES)));
            sentence(rng, out);
            out.push('”');
        }
        1 => {
            out.push_str(&format!(
                "{} {}, {}, {} that ",
                rng.pick(TITLES),
                name(rng),
                rng.pick(DESCRIPTIONS),
                rng.pick(CUES)
            ));
            words(rng, out, 10);
            out.push_str(". ");
            sentence(rng, out);
        }
        2 => {
            out.push_str(&format!("According to {}, ", rng.pick(ORGS)));
            words(rng, out, 12);
            out.push_str(". ");
            sentence(rng, out);
        }
        3 => {
            out.push_str(&format!("{} described the plan as a “", name(rng)));
            words(rng, out, 3);
            out.push_str("” and ");
            words(rng, out, 6);
            out.push('.');
        }
        4 => {
            out.push_str(&format!("Photo: {} © Getty Images\n", name(rng)));
            sentence(rng, out);
        }
        5 => {
            out.push_str(&format!(
                "\"{}\" {} {}. '",
                rng.pick(WORDS),
                rng.pick(DESCRIPTIONS),
                rng.pick(CUES)
            ));
            words(rng, out, 5);
            out.push('\'');
        }
        _ => {
            for _ in 0..1 + rng.below(4) {
                sentence(rng, out);
                out.push(' ');
            }
            out.push_str(&format!("{} {}: “", name(rng), rng.pick(CUES)));
            sentence(rng, out);
            out.push('”');
        }
    }
}

/// News-like text of at least `bytes` bytes: a headline, a byline, then paragraphs separated by
/// blank lines.
pub fn news(bytes: usize) -> String {
    news_seeded(bytes, 0x5EED)
}

pub fn news_seeded(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        out.push_str(&format!(
            "Plan Will Fail, Says {} Official\n\nBy {}\n\n",
            rng.pick(FAMILY),
            name(&mut rng)
        ));
        for _ in 0..12 {
            paragraph(&mut rng, &mut out);
            out.push_str("\n\n");
        }
    }
    out
}

/// `unit` repeated to at least `bytes` bytes.
pub fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len().max(1)))
}

/// Random marks of every style, nothing else.
pub fn marks(bytes: usize) -> String {
    const MARKS: &[&str] = &[
        "“", "”", "‘", "’", "\"", "'", "«", "»", "‹", "›", "„", "‚", "「", "」", "『", "』",
    ];
    let mut rng = Rng::new(7);
    let mut out = String::with_capacity(bytes + 4);
    while out.len() < bytes {
        out.push_str(rng.pick(MARKS));
    }
    out
}

/// One line of lowercase words: no punctuation, no line break.
pub fn one_line(bytes: usize) -> String {
    const PLAIN: &[&str] = &[
        "the", "economy", "grew", "plan", "would", "talks", "city", "voted", "against",
    ];
    let mut rng = Rng::new(11);
    let mut out = String::with_capacity(bytes + 16);
    while out.len() < bytes {
        out.push_str(rng.pick(PLAIN));
        out.push(' ');
    }
    out
}

/// Capitalised names and nothing else: "Smith Jones Brown …".
pub fn names(bytes: usize) -> String {
    const CAPS: &[&str] = &[
        "Smith",
        "Jones",
        "Brown",
        "Taylor",
        "Maria",
        "Lopez",
        "President",
        "Kirill",
    ];
    let mut rng = Rng::new(13);
    let mut out = String::with_capacity(bytes + 16);
    while out.len() < bytes {
        out.push_str(rng.pick(CAPS));
        out.push(' ');
    }
    out
}

/// Makes an input of at least the given number of bytes.
/// Many different people with a title, each then called by it: "Foreign Minister Ana Kab met
/// reporters. The minister said …". Every description looks for the entity it describes among
/// those seen with that role word; a look through every role of the document made this quadratic.
pub fn titled_names(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 96);
    let mut i = 0usize;
    while out.len() < bytes {
        // A surname of its own per person: i in base 26, as a capitalised word.
        let mut surname = String::from("K");
        let mut n = i;
        loop {
            surname.push((b'a' + (n % 26) as u8) as char);
            n /= 26;
            if n == 0 {
                break;
            }
        }
        out.push_str(&format!(
            "Foreign Minister Ana {surname} met reporters. The minister said the talks would resume.\n"
        ));
        i += 1;
    }
    out
}

pub type Make = fn(usize) -> String;

/// Every input shape the benchmark and the work-counting test measure, by name.
pub fn shapes() -> Vec<(&'static str, Make)> {
    vec![
        ("news", news),
        ("news, one line", |n| news(n).replace('\n', " ")),
        ("quote marks, mixed", marks),
        ("apostrophes", |n| repeat("’'", n)),
        ("nested “‘“‘", |n| repeat("“‘", n)),
        ("closing marks ”’", |n| repeat("”’", n)),
        ("newlines", |n| repeat("\n", n)),
        ("paragraphs opening “", |n| repeat("“The talks went on.\n\n", n)),
        ("one unclosed “ + news", |n| format!("“{}", news(n))),
        ("capitalised names", names),
        ("titled names, then their role", titled_names),
        ("“Yes,” he said.", |n| repeat("“Yes,” he said. ", n)),
        ("sentences, one line", |n| repeat("The economy grew by 5%. ", n)),
        ("according to", |n| repeat("according to ", n)),
        ("he said", |n| repeat("he said ", n)),
        ("abbreviations", |n| repeat("Dr. Sept. U.S. Gov. ", n)),
        ("colons", |n| repeat("Smith: ", n)),
        // (Each "A:" turn asks who answers, which counts the names once a document.)
        ("interview turns", |n| {
            repeat("Q: Did Ana Ruiz agree with Tom Berg?\n\nA: Yes, she said so.\n\n", n)
        }),
        ("one line, no punctuation", one_line),
    ]
}
