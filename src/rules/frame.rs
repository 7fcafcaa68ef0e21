//! Frames: rules that describe a fact rather than a sentence.
//!
//! A frame says what kind of value the claim has, the nouns it counts
//! (`unit`), and order-free constraints around it: words near the value, word
//! groups in its sentence, paragraph or article, and exclusions at each of
//! those scopes. This module checks a rule's frame keys and compiles them into
//! a [`Frame`]; `search::frame` tests a frame on the values of an article.
//!
//! Words are compiled into folded token sequences ([`Word`]): lower case,
//! accents removed, split at anything that is not a letter or a digit, so
//! that `d'ici` is `d` `ici` and matches `d’ici`, `D'ici` and `d' ici`. A word
//! that ends with `*` is a prefix of its last token (`libér*`: `libérés`,
//! `libération`). Number words are read by the value finder before any word
//! matching, so `cinquante` is never a stem.

use super::model::{Groups, NearSpec, RuleSpec, Side, Words};
use super::yaml_spans::Step;
use super::{FileChecker, Window};
use crate::french::{fold, Placeholder};
use crate::language::Lang;
use crate::value::Kind;

/// A compiled frame.
#[derive(Debug, Clone)]
pub struct Frame {
    /// The values the frame reads: `{count}` for numbers, `{duration}`,
    /// `{date}`.
    pub placeholder: Placeholder,
    pub unit: Option<WordSet>,
    /// The unit's nouns in the singular (`round` for `rounds`, « round »
    /// for « rounds »): what a count that leaves its noun out may stand for
    /// (« au troisième round, comme lors des deux précédents », see
    /// `search::frame`). Written from `unit`, not by the rule.
    pub antecedent: Option<WordSet>,
    /// The adjectives of order a count that leaves its unit out stands
    /// beside (`first`, « précédents »: `english::vocab::ORDER_ADJECTIVES`),
    /// looked up among the article's words like the rule's own, so that the
    /// sentence filter asks for them without reading the sentence again.
    pub orders: Option<WordSet>,
    pub unit_within: usize,
    /// Its unit names only months (`[mai, juin]`): it counts lists of days
    /// ("on 16 May and 2 June") and nothing else.
    pub lists_days: bool,
    /// `Some(true)`: only `N contre N`; `Some(false)`: never.
    pub paired: Option<bool>,
    /// The rule's claims count one side of an exchange (`role: per_side`):
    /// a count given "each", « de chaque côté » may leave its unit before
    /// it (`search::frame`'s distributed count).
    pub per_side: bool,
    pub near: Vec<Near>,
    pub sentence: Vec<WordSet>,
    /// The sentence and the one before it.
    pub passage: Vec<WordSet>,
    /// The place the value's sentence names, or the nearest one named
    /// before it (`search::frame::place_named`).
    pub place: Option<WordSet>,
    pub paragraph: Vec<WordSet>,
    pub document: Vec<WordSet>,
    pub not_near: Vec<Near>,
    pub not_sentence: Option<WordSet>,
    pub not_paragraph: Option<WordSet>,
    pub not_document: Option<WordSet>,
    /// `not.undated_document`: only in an article with no `published` date.
    pub not_undated_document: Option<WordSet>,
    /// The event's period: bounds a date value, or the days a count's or a
    /// duration's sentence may name.
    pub when: Window,
    /// `range`: the values a number's or a duration's fact can take, both
    /// ends included.
    pub range: Option<(f64, f64)>,
    /// `signature`: the event's own figures, and the day they name.
    pub signature: Option<Signature>,
    /// The rule set's lexicon, which gave this frame's word sets their ids.
    pub lexicon: Option<std::sync::Arc<Lexicon>>,
    /// The languages the frame reads: those for which each word set it
    /// requires has a word (a word given for no language serves all).
    pub langs: Vec<Lang>,
    /// Which end of a change said in one phrase (`de 50 jours à 12 jours`,
    /// `from 50 to 12 days`) the frame leaves out: the earlier value for a
    /// rule that `revises` a fact, the later one for a rule whose fact
    /// another revises. Set from the whole rule set ([`RuleSet::new`](super::RuleSet::new)).
    pub refuses: Option<ChangeEnd>,
}

/// Figures only one event had, which name its day wherever they stand
/// (a rule's `signature`, see `search::frame::figures_in`).
#[derive(Debug, Clone)]
pub struct Signature {
    pub day: jiff::civil::Date,
    pub figures: Vec<Figure>,
}

/// Two rules of one event share their signature (written once, under a
/// YAML anchor): equal when their day and figures are, so that the days of
/// a sentence are read once for both (`extract`).
impl PartialEq for Signature {
    fn eq(&self, other: &Signature) -> bool {
        self.day == other.day
            && self.figures.len() == other.figures.len()
            && self
                .figures
                .iter()
                .zip(&other.figures)
                .all(|(a, b)| a.value == b.value && a.unit.words == b.unit.words)
    }
}

/// One figure of a [`Signature`]: its exact value and the nouns it counts.
#[derive(Debug, Clone)]
pub struct Figure {
    pub value: f64,
    pub unit: WordSet,
}

/// How many words may stand between a signature's figure and its noun
/// (`426 kamikaze drones`, `426 Shahed-type drones`).
pub const FIGURE_UNIT_WITHIN: usize = 2;

/// An end of a change said in one phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeEnd {
    /// `de 50 jours` in `de 50 jours à 12 jours`.
    From,
    /// `12 jours` in `de 50 jours à 12 jours`.
    To,
}

impl Frame {
    /// The word sets a value must meet (exclusions left out).
    fn required(&self) -> impl Iterator<Item = &WordSet> {
        self.unit
            .iter()
            .chain(self.near.iter().map(|n| &n.words))
            .chain(self.sentence.iter())
            .chain(self.passage.iter())
            .chain(self.place.iter())
            .chain(self.paragraph.iter())
            .chain(self.document.iter())
    }

    /// The unit a value must have: none for a frame that reads only pairs
    /// (`paired: true`: `un échange de 1000 contre 1000` says no unit). Any
    /// other frame needs it, after a pair too. Extraction, the sentence
    /// filter and the frame gate all ask here.
    pub fn needed_unit(&self) -> Option<&WordSet> {
        self.unit.as_ref().filter(|_| self.paired != Some(true))
    }

    /// Whether the frame reads articles in `lang`.
    pub fn reads(&self, lang: Lang) -> bool {
        self.langs.contains(&lang)
    }

    /// Every word set of the frame.
    pub fn sets_mut(&mut self) -> impl Iterator<Item = &mut WordSet> {
        self.unit
            .iter_mut()
            .chain(self.antecedent.iter_mut())
            .chain(self.orders.iter_mut())
            .chain(self.near.iter_mut().map(|n| &mut n.words))
            .chain(self.sentence.iter_mut())
            .chain(self.passage.iter_mut())
            .chain(self.place.iter_mut())
            .chain(self.paragraph.iter_mut())
            .chain(self.document.iter_mut())
            .chain(self.not_near.iter_mut().map(|n| &mut n.words))
            .chain(self.not_sentence.iter_mut())
            .chain(self.not_paragraph.iter_mut())
            .chain(self.not_document.iter_mut())
            .chain(self.not_undated_document.iter_mut())
            .chain(
                self.signature
                    .iter_mut()
                    .flat_map(|s| s.figures.iter_mut().map(|f| &mut f.unit)),
            )
    }
}

/// The singular of each plural noun of a unit (one word, not a prefix,
/// ending in `s` or `x`: `rounds`, « réunions », « jeux »), if any.
fn singulars(unit: &WordSet) -> Option<WordSet> {
    let mut set = WordSet::default();
    for (lang, word) in &unit.words {
        let [plural] = word.tokens.as_slice() else { continue };
        if word.prefix || plural.chars().count() < 4 {
            continue;
        }
        let Some(singular) = plural.strip_suffix(['s', 'x']) else {
            continue;
        };
        set.push(
            lang.clone(),
            Word {
                written: singular.to_string(),
                tokens: vec![singular.to_string()],
                prefix: false,
            },
        );
    }
    (!set.words.is_empty()).then_some(set)
}

/// Whether a frame's `range` holds only counts up to five.
fn small_counts(range: Option<(f64, f64)>) -> bool {
    range.is_some_and(|(from, to)| from >= 0.0 && to <= 5.0)
}

/// The adjectives of order of both languages (see [`Frame::orders`]).
fn order_adjectives() -> WordSet {
    let mut set = WordSet::default();
    let langs = [
        ("fr", crate::french::vocab::ORDER_ADJECTIVES),
        ("en", crate::english::vocab::ORDER_ADJECTIVES),
    ];
    for (lang, words) in langs {
        for word in words {
            set.push(
                Some(lang.into()),
                Word {
                    written: word.to_string(),
                    tokens: vec![word.to_string()],
                    prefix: false,
                },
            );
        }
    }
    set
}

/// Words within a few words of the value.
#[derive(Debug, Clone)]
pub struct Near {
    pub within: usize,
    pub side: Side,
    pub words: WordSet,
    /// No comma, semicolon, em dash or parenthesis between the word and the value.
    pub same_clause: bool,
}

/// Every word of every frame of a rule set, folded, in one Aho-Corasick
/// automaton: an article's words are matched against all frames in one pass
/// (`search::text::Analysis::find_words`), and a frame's word set is then a
/// set of lexicon ids.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub automaton: aho_corasick::AhoCorasick,
    pub words: Vec<LexiconWord>,
    /// This lexicon's number, never given to another in the process: what
    /// keys the text found with it (`search::Dateline`), where an address
    /// could be a dropped lexicon's.
    pub id: u64,
}

/// The next [`Lexicon::id`].
static NEXT_LEXICON: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A lexicon entry: a word's tokens joined by one space, and whether its
/// last token is a prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LexiconWord {
    pub text: String,
    pub prefix: bool,
}

impl Lexicon {
    /// The lexicon of `frames`, each word set given its ids. Fails only when
    /// the automaton would be too large.
    pub fn build<'a>(
        frames: impl Iterator<Item = &'a mut Frame>,
    ) -> Result<std::sync::Arc<Lexicon>, aho_corasick::BuildError> {
        let mut frames: Vec<&mut Frame> = frames.collect();
        let mut words: Vec<LexiconWord> = Vec::new();
        let mut index: std::collections::HashMap<LexiconWord, u32> = std::collections::HashMap::new();
        for frame in frames.iter_mut() {
            for set in frame.sets_mut() {
                set.ids.clear();
                for (_, word) in &set.words {
                    let entry = LexiconWord {
                        text: word.tokens.join(" "),
                        prefix: word.prefix,
                    };
                    let id = *index.entry(entry.clone()).or_insert_with(|| {
                        words.push(entry);
                        (words.len() - 1) as u32
                    });
                    set.ids.push(id);
                }
                let mut by_id: Vec<(u32, usize)> = set.ids.iter().copied().zip(0..).collect();
                by_id.sort_unstable();
                set.by_id = by_id;
                let mut members = vec![0u64; set.ids.iter().max().map_or(0, |m| *m as usize / 64 + 1)];
                for id in &set.ids {
                    members[*id as usize / 64] |= 1 << (id % 64);
                }
                set.members = members;
            }
        }
        // A full DFA: it runs over every article's folded words, and a few
        // hundred short words make a small one (the default would pick an
        // NFA above a size, slower per byte).
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(words.iter().map(|w| w.text.as_str()))?;
        let id = NEXT_LEXICON.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let lexicon = std::sync::Arc::new(Lexicon { automaton, words, id });
        for frame in frames {
            frame.lexicon = Some(lexicon.clone());
        }
        Ok(lexicon)
    }
}

/// A list of words, some of them for one language only.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    /// `None`: any language.
    pub words: Vec<(Option<Box<str>>, Word)>,
    /// Each word's id in the rule set's [`Lexicon`], in `words` order.
    pub ids: Vec<u32>,
    /// `(lexicon id, index in words)`, sorted: the words a lexicon hit is.
    pub by_id: Vec<(u32, usize)>,
    /// The lexicon ids of the set, as bits: most hits of an article belong
    /// to other sets, and are turned away here without a search.
    pub members: Vec<u64>,
}

/// Whether every word of a unit is a month's name (`[mai, juin]`): the
/// unit of a count told by listing its days (`search::values::listed_days`).
fn months_only(unit: &WordSet) -> bool {
    !unit.words.is_empty()
        && unit
            .words
            .iter()
            .all(|(_, w)| !w.prefix && w.tokens.len() == 1 && crate::language::month_number(&w.tokens[0]).is_some())
}

impl WordSet {
    /// Adds a word; its lexicon id is given when the rule set is built.
    pub fn push(&mut self, lang: Option<Box<str>>, word: Word) {
        self.words.push((lang, word));
    }

    /// The word of this set that lexicon entry `id` is, for an article in
    /// `lang`.
    pub fn word_for(&self, id: u32, lang: &str) -> Option<&Word> {
        let bits = self.members.get(id as usize / 64).copied().unwrap_or(0);
        if bits & (1 << (id % 64)) == 0 {
            return None;
        }
        let from = self.by_id.partition_point(|(i, _)| *i < id);
        self.by_id[from..]
            .iter()
            .take_while(|(i, _)| *i == id)
            .map(|(_, at)| &self.words[*at])
            .find(|(l, _)| WordSet::applies(l.as_deref(), lang))
            .map(|(_, w)| w)
    }

    /// Whether a word given for `lang` (`None`: any language) applies to an
    /// article in `article` (every word when it is empty).
    pub fn applies(lang: Option<&str>, article: &str) -> bool {
        lang.is_none_or(|l| article.is_empty() || l.eq_ignore_ascii_case(article))
    }

    /// The words that apply to an article in `lang`: those of any language,
    /// and those given for `lang` (every word when `lang` is empty).
    pub fn for_lang<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = &'a Word> + 'a {
        self.words
            .iter()
            .filter(move |(l, _)| {
                l.as_deref()
                    .is_none_or(|l| lang.is_empty() || l.eq_ignore_ascii_case(lang))
            })
            .map(|(_, w)| w)
    }

    /// The words as written, for messages: `[délai, ultimatum, …]`.
    pub fn shown(&self) -> String {
        let mut written: Vec<&str> = Vec::new();
        for (_, w) in &self.words {
            if !written.contains(&w.written.as_str()) {
                written.push(&w.written);
            }
        }
        let more = written.len() > 6;
        written.truncate(6);
        format!("[{}{}]", written.join(", "), if more { ", …" } else { "" })
    }
}

/// One word or phrase, folded into tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub written: String,
    pub tokens: Vec<String>,
    /// The last token is a prefix (`libér*`).
    pub prefix: bool,
}

impl Word {
    /// Whether the folded `tokens` start with this word.
    pub fn matches_at<'a>(&self, mut tokens: impl Iterator<Item = &'a str>) -> bool {
        let last = self.tokens.len() - 1;
        self.tokens.iter().enumerate().all(|(i, want)| match tokens.next() {
            None => false,
            Some(got) if i == last && self.prefix => got.starts_with(want.as_str()),
            Some(got) => got == want,
        })
    }
}

/// Splits folded text into tokens the way articles are split: runs of
/// letters and digits.
pub fn tokens_of(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !crate::search::text::is_word_char(c))
        .filter(|t| !t.is_empty())
}

/// The placeholder a frame of `kind` reads.
pub fn placeholder_for(kind: Kind) -> Option<Placeholder> {
    match kind {
        Kind::Number => Some(Placeholder::Count),
        Kind::Duration => Some(Placeholder::Duration),
        Kind::Date => Some(Placeholder::Date),
        Kind::Text => None,
    }
}

/// Whether the rule has any frame key.
pub fn has_frame(spec: &RuleSpec) -> bool {
    spec.unit.is_some()
        || spec.paired.is_some()
        || !spec.near.items().is_empty()
        || spec.sentence.is_some()
        || spec.passage.is_some()
        || spec.place.is_some()
        || spec.paragraph.is_some()
        || spec.document.is_some()
        || spec.exclude.is_some()
        || spec.when.is_some()
        || spec.range.is_some()
        || spec.signature.is_some()
}

/// Checks and compiles the frame of a rule; `None` when the rule has none or
/// when a problem was reported.
pub(super) fn compile(checker: &mut FileChecker, path: &[Step], spec: &RuleSpec) -> Option<Frame> {
    let at = |more: &[Step]| [path, more].concat();
    let key = |k: &str| Step::Key(k.to_string());
    let before = checker.problems.len();
    let Some(placeholder) = placeholder_for(spec.kind) else {
        checker.report_at(
            "frame-kind",
            &at(&[key("kind")]),
            "a text rule cannot have a frame: frames read numbers, durations and dates".into(),
            "text rule",
            "give the rule `kind: number`, `duration` or `date`, or use `patterns` with `(?P<value>...)`".into(),
        );
        return None;
    };
    let words = |checker: &mut FileChecker, path: Vec<Step>, w: &Words| compile_words(checker, &path, w);
    let unit = spec.unit.as_ref().map(|w| words(checker, at(&[key("unit")]), w));
    let near = compile_near(checker, &at(&[key("near")]), spec.near.items());
    let groups = |checker: &mut FileChecker, name: &str, g: &Option<Groups>| -> Vec<WordSet> {
        let Some(g) = g else { return Vec::new() };
        match g {
            Groups::One(w) => vec![compile_words(checker, &at(&[key(name)]), w)],
            Groups::Several(ws) => ws
                .iter()
                .enumerate()
                .map(|(i, w)| compile_words(checker, &at(&[key(name), Step::Index(i)]), w))
                .collect(),
        }
    };
    let sentence = groups(checker, "sentence", &spec.sentence);
    let passage = groups(checker, "passage", &spec.passage);
    let place = spec.place.as_ref().map(|w| words(checker, at(&[key("place")]), w));
    let paragraph = groups(checker, "paragraph", &spec.paragraph);
    let document = groups(checker, "document", &spec.document);
    let exclude = spec.exclude.clone().unwrap_or_default();
    let not = key("not");
    let not_near = compile_near(checker, &at(&[not.clone(), key("near")]), exclude.near.items());
    let mut scope = |name: &str, w: &Option<Words>| {
        w.as_ref()
            .map(|w| compile_words(checker, &at(&[not.clone(), key(name)]), w))
    };
    let not_sentence = scope("sentence", &exclude.sentence);
    let not_paragraph = scope("paragraph", &exclude.paragraph);
    let not_document = scope("document", &exclude.document);
    let not_undated_document = scope("undated_document", &exclude.undated_document);
    let mut when = Window::default();
    let before_when = checker.problems.len();
    if let Some(w) = &spec.when {
        when = super::compile_window(checker, &at(&[key("when")]), w);
    }
    let when_read = checker.problems.len() == before_when;
    let range = spec.range.as_ref().map(|r| {
        let (from, to) = (r.from.unwrap_or(f64::NEG_INFINITY), r.to.unwrap_or(f64::INFINITY));
        if spec.kind == crate::value::Kind::Date {
            checker.report_at(
                "rules::range-on-date",
                &at(&[key("range")]),
                "a date rule has no `range`: its `when` period bounds its dates".into(),
                "date rule",
                "give the event's days as `when: { from: \"YYYY-MM-DD\", to: \"YYYY-MM-DD\" }`".into(),
            );
        } else if from > to || from.is_nan() || to.is_nan() {
            checker.report_at(
                "rules::empty-range",
                &at(&[key("range")]),
                format!("the range from {from} to {to} holds no value"),
                "here",
                "give `from` no larger than `to`".to_string(),
            );
        }
        (from, to)
    });
    // A `when` that could not be read is reported where it stands: the
    // signature says nothing more of it.
    let signature = spec
        .signature
        .as_ref()
        .filter(|_| when_read)
        .and_then(|s| compile_signature(checker, &at(&[key("signature")]), s, spec.kind, when));
    if checker.problems.len() > before {
        return None;
    }
    let lists_days = unit.as_ref().is_some_and(months_only);
    let mut frame = Frame {
        placeholder,
        // Only a count of one to five leaves its unit out (`search::frame`):
        // only a frame whose `range` is such counts asks (the earlier
        // rounds), and the other frames' words stay as few as they were.
        // A unit of months counts only lists of days ("on 16 May and 2
        // June"): "the first one" stands for no month.
        antecedent: unit
            .as_ref()
            .filter(|_| small_counts(range) && !lists_days)
            .and_then(singulars),
        orders: unit
            .as_ref()
            .filter(|_| small_counts(range) && !lists_days)
            .map(|_| order_adjectives()),
        lists_days,
        unit,
        unit_within: spec.unit_within.unwrap_or(3).clamp(1, 12),
        paired: spec.paired,
        per_side: spec.role == Some(super::model::RoleSpec::PerSide),
        near,
        sentence,
        passage,
        place,
        paragraph,
        document,
        not_near,
        not_sentence,
        not_paragraph,
        not_document,
        not_undated_document,
        when,
        range,
        signature,
        lexicon: None,
        langs: Vec::new(),
        refuses: None,
    };
    frame.langs = Lang::ALL
        .into_iter()
        .filter(|l| frame.required().all(|set| set.for_lang(l.code()).next().is_some()))
        .collect();
    Some(frame)
}

/// Checks and compiles a `signature`: its day is a real day inside the
/// `when` period of a number or duration rule, and each figure has a noun.
fn compile_signature(
    checker: &mut FileChecker,
    path: &[Step],
    spec: &super::model::SignatureSpec,
    kind: Kind,
    when: Window,
) -> Option<Signature> {
    let at = |more: &[Step]| [path, more].concat();
    let key = |k: &str| Step::Key(k.to_string());
    if !matches!(kind, Kind::Number | Kind::Duration) || when.is_open() {
        checker.report_at(
            "rules::signature-without-period",
            path,
            "a `signature` names a day of the event's period: only a number or duration rule with `when` has one"
                .into(),
            "here",
            "give the rule `when: { from: \"YYYY-MM-DD\", to: \"YYYY-MM-DD\" }`, or remove `signature`".into(),
        );
        return None;
    }
    let day = super::compile::read_day(checker, &at(&[key("day")]), &spec.day)?;
    if !when.contains(day) {
        checker.report_at(
            "rules::signature-day-outside",
            &at(&[key("day")]),
            format!("{day} is outside the rule's `when` period: the figures would name another event's day"),
            "here",
            "give the day of the event the figures are from, inside `when`".into(),
        );
        return None;
    }
    if spec.figures.is_empty() {
        checker.report_at(
            "rules::signature-without-figures",
            &at(&[key("figures")]),
            "a `signature` without figures names nothing".into(),
            "here",
            "give at least one figure: `figures: [{ value: 426, unit: [drones] }]`".into(),
        );
        return None;
    }
    let mut figures = Vec::with_capacity(spec.figures.len());
    for (i, f) in spec.figures.iter().enumerate() {
        // A count is a whole number: any other figure would match nothing.
        if !(f.value.is_finite() && f.value >= 0.0 && f.value.fract() == 0.0) {
            checker.report_at(
                "rules::signature-figure",
                &at(&[key("figures"), Step::Index(i), key("value")]),
                format!("{} is no count: a figure would never be read as it", f.value),
                "here",
                "give the figure as a whole number, as the articles count it: `value: 426`".into(),
            );
            continue;
        }
        figures.push(Figure {
            value: f.value,
            unit: compile_words(checker, &at(&[key("figures"), Step::Index(i), key("unit")]), &f.unit),
        });
    }
    Some(Signature { day, figures })
}

fn compile_near(checker: &mut FileChecker, path: &[Step], specs: &[NearSpec]) -> Vec<Near> {
    let single = specs.len() == 1;
    specs
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let mut here = path.to_vec();
            if !single {
                here.push(Step::Index(i));
            }
            let mut words_path = here.clone();
            words_path.push(Step::Key("words".into()));
            Near {
                within: spec.within.unwrap_or(6).clamp(1, 40),
                side: spec.side.unwrap_or(Side::Either),
                words: compile_words(checker, &words_path, &spec.words),
                same_clause: spec.same_clause,
            }
        })
        .collect()
}

fn compile_words(checker: &mut FileChecker, path: &[Step], words: &Words) -> WordSet {
    let mut set = WordSet::default();
    let lists: Vec<(Option<&str>, &Vec<String>)> = match words {
        Words::Any(list) => vec![(None, list)],
        Words::PerLanguage(map) => map.iter().map(|(l, w)| (Some(l.as_str()), w)).collect(),
    };
    for (lang, _) in &lists {
        if let Some(code) = lang.filter(|c| Lang::from_code(c).is_none()) {
            checker.report_at(
                "unknown-language",
                &[path.to_vec(), vec![Step::Key(code.to_string())]].concat(),
                format!("recoupe does not read `{code}`: no article would meet these words"),
                "this language",
                format!(
                    "give words for {}, or a plain list for every language",
                    Lang::ALL.map(|l| format!("`{}`", l.code())).join(" or ")
                ),
            );
        }
    }
    if lists.iter().all(|(_, l)| l.is_empty()) {
        checker.report_at(
            "empty-words",
            path,
            "this word list is empty: it could never be met".into(),
            "empty",
            "list at least one word, e.g. `[délai, ultimatum]`, or remove the key".into(),
        );
    }
    for (lang, list) in lists {
        for (i, written) in list.iter().enumerate() {
            let mut item = path.to_vec();
            if let Some(l) = lang {
                item.push(Step::Key(l.to_string()));
            }
            item.push(Step::Index(i));
            match compile_word(written) {
                Ok(word) => set.push(
                    lang.and_then(Lang::from_code).map(|l| Box::from(l.code())),
                    word,
                ),
                Err(why) => checker.report_at(
                    "invalid-word",
                    &item,
                    format!("`{written}` is not a word recoupe can look for: {why}"),
                    "here",
                    "write a word or a phrase (`délai`, `d'ici`, `de chaque côté`), with `*` only at its end for a prefix (`libér*`)".into(),
                ),
            }
        }
    }
    set
}

/// Folds a written word into its tokens.
pub fn compile_word(written: &str) -> Result<Word, &'static str> {
    let trimmed = written.trim();
    let (body, prefix) = match trimmed.strip_suffix('*') {
        Some(body) => (body, true),
        None => (trimmed, false),
    };
    if body.contains('*') {
        return Err("`*` may only end a word");
    }
    let folded = fold(body);
    let tokens: Vec<String> = tokens_of(&folded).map(str::to_string).collect();
    if tokens.is_empty() {
        return Err("it has no letter or digit");
    }
    if prefix && tokens.last().is_some_and(|t| t.chars().count() < 3) {
        return Err("a prefix needs at least three letters, or it matches nearly everything");
    }
    Ok(Word {
        written: trimmed.to_string(),
        tokens,
        prefix,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_accents_and_elisions() {
        let w = compile_word("D’ici").unwrap();
        assert_eq!(w.tokens, ["d", "ici"]);
        assert!(w.matches_at(["d", "ici", "50"].into_iter()));
        let stem = compile_word("libér*").unwrap();
        assert!(stem.prefix);
        assert!(stem.matches_at(["liberes"].into_iter()));
        assert!(!stem.matches_at(["libre"].into_iter()));
        // An exact word is not a prefix: `tué` does not match `tuer`.
        let exact = compile_word("tué").unwrap();
        assert!(exact.matches_at(["tue"].into_iter()));
        assert!(!exact.matches_at(["tuer"].into_iter()));
    }

    #[test]
    fn bad_words_are_refused_with_a_reason() {
        assert!(compile_word("*").is_err());
        assert!(compile_word("li*b").is_err());
        assert!(compile_word("d*").is_err());
        assert!(compile_word(" , ").is_err());
    }
}
