//! Testing a frame on one value of an article.
//!
//! The constraints are order-free and scoped: the unit right after the value,
//! words within a few words of it, word groups in its sentence, paragraph or
//! article, and exclusions at each scope. Every test says why it failed, in
//! words an editor can act on: `recoupe rules test` prints it for an example
//! that should have matched.

use super::text::Analysis;
use super::values::Mention;
use crate::rules::frame::{ChangeEnd, Frame, Near, Signature, Word, WordSet};
use crate::rules::model::Side;
use crate::value::Kind;

/// Why a frame does not read a value (or an article): said in words an
/// editor can act on when shown, and built without formatting anything when
/// it is not (most values of an article are left out).
#[derive(Debug, Clone, Copy)]
pub enum Miss<'f> {
    NoWords,
    /// A count with no figure: `plusieurs`, `several`, `dozens`.
    Vague,
    /// English "one" standing for a noun: `the first one`, `that one`.
    PronounOne,
    /// A duration that says how often, not how long: `every two weeks`,
    /// « tous les quinze jours ».
    Frequency,
    /// A duration that says when, not how long: `two weeks later`, « il y a
    /// dix jours », « Deux jours avant ce round, … ».
    Offset,
    /// A change told as one range after a verb of change: « le bilan est
    /// passé d'un à deux morts », "rose from one to two": two figures in
    /// turn, not a range of uncertainty.
    ChangeAsRange,
    /// A smaller figure stands right before the value, parted by a comma
    /// alone (« 10, 12 jours », "ten, twelve days"): alternatives said as
    /// a list, of which the value is only the last.
    CommaAlternative,
    /// The second of two values told with two nouns in turn, which is the
    /// second noun's: « 2 et 16 : les morts et les blessés ».
    Respectively,
    NotPaired,
    Paired,
    NoUnit {
        unit: &'f WordSet,
        within: usize,
    },
    /// `which`: the entry's index when the frame has several.
    NoNear {
        which: Option<usize>,
        near: &'f Near,
    },
    /// `scope`: `sentence`, `passage`, `paragraph` or `document`.
    NoGroup {
        scope: &'static str,
        index: usize,
        group: &'f WordSet,
    },
    /// A date in the possessive qualifies the noun after it (`Thursday's
    /// papers`), which is none of the frame's words.
    Possessive,
    /// A day followed by a length in words (`Preview Thursday, 450
    /// words`): when a news agency files a story, not when the event is.
    Filing,
    /// The value is the end of a change (`de 50 jours à 12 jours`) that the
    /// frame leaves out (see `Frame::refuses`).
    ChangeEnd(ChangeEnd),
    /// Every word of a `sentence` group in the sentence belongs to another
    /// value of the same unit, which stands between it and this one.
    GroupTaken {
        index: usize,
        group: &'f WordSet,
    },
    /// A guard word of the article ([`Guard`]), and no day of the event's
    /// period beside the value.
    Unplaced {
        scope: &'static str,
        word: &'f Word,
    },
    /// The value's sentence names no place of `place`, and no place is named
    /// before it within reach, or the nearest place named before it is
    /// another (`other`: a word of `not.sentence`).
    NoPlace {
        place: &'f WordSet,
        other: Option<&'f Word>,
    },
    /// `scope`: `near`, `sentence`, `paragraph` or `document`.
    Excluded {
        scope: &'static str,
        word: &'f Word,
    },
    /// The sentence tells what an earlier version wrongly said (a
    /// correction notice): its figures are retracted, not claimed.
    Retracted(&'static str),
    /// The only words of the event are a verb of taking place whose
    /// subject is another noun (`The solidarity evening takes place on
    /// Saturday`): that event's day.
    OtherSubject(&'static str),
    /// The value is in a reporter's question of a briefing's transcript
    /// (`Q: You said 500 drones…`): the reporter's words, which the answer
    /// may correct.
    QuestionTurn,
    /// The sentence is a claim a fact-check rates (`Claim: "…"`, or the
    /// next sentence opens with a verdict, `FALSE.`, `FAUX.`): the outlet
    /// quotes it, it does not state it.
    Rated(&'static str),
    /// The value is in a draft an e-mail thread quotes for checking ("Draft
    /// top, please check:"): the draft's words, which a reply may correct.
    Draft,
    /// The sentence asks with a doubt (`Was it really 50 days?`, « Trump
    /// aurait-il pu accorder 14 jours ? »): a figure put, not stated. A
    /// plain question (`How did Wednesday's meeting go?`) presupposes its
    /// facts, and keeps them.
    Question(&'static str),
    /// The sentence supposes what did not happen (`Had Russia fired 1,000
    /// drones…`, « Si Trump avait donné 100 jours… »).
    Hypothetical(&'static str),
    /// A denial or an unconfirmed report stands before the value (`Moscow
    /// denied that 500 drones…`, « il n'y a pas eu trois morts », `some
    /// reports said…`).
    Denied(&'static str),
    /// The sentence reports, before the value, what a post on social media
    /// or a rumour says (`a screenshot shared thousands of times says…`,
    /// « une publication virale affirme… »): hearsay a fact-check takes up,
    /// not stated.
    Hearsay(&'static str),
    /// The date is of something before or after the `near` word that
    /// follows it (`shelled on Sunday night before the announcement`, « le
    /// dimanche, avant d'annoncer »): the day of another event, not the
    /// word's own.
    RelativeTo(&'static str),
    /// A date of a sentence that tells the event's day from it (« la
    /// rencontre de la veille », "the talks the day before").
    DayOffset(&'static str),
    /// The sentence sets the value in a bygone time (« Il fut un temps où
    /// une centaine de drones… », `at the start of the war`): not this
    /// event's.
    Bygone(&'static str),
    /// The value's paragraph is a link to another article (« Lire aussi :
    /// Record : 728 drones… », `Read more: …`): the other article's
    /// headline, not a claim of this one.
    CrossLink(&'static str),
    /// The value tells how many more or fewer, not how many: « 300 drones
    /// de moins que… », `two more people died`, `300 drones fewer than`.
    Difference(&'static str),
    /// The speaker takes the value back right after saying it (« soixante
    /// jours ? Non, pardon, cinquante », "sixty days, sorry, fifty"): a
    /// slip corrected, not a claim.
    SelfCorrected(&'static str),
    /// A later sentence, within two paragraphs, denies the figure: "…
    /// 60 jours." / « Non, c'était 50 jours, pas 60 », "… "100 days"." /
    /// "It was 100 per cent, not 100 days" ([`denied_later`]).
    DeniedLater(&'static str),
}

impl std::fmt::Display for Miss<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Miss::NoWords => f.write_str("the value has no words"),
            Miss::Vague => f.write_str("a vague count with no figure (`plusieurs`, `several`, `a few days`): no claim"),
            Miss::PronounOne => f.write_str("`one` stands for a noun said before (`the first one`, `that one`): no count"),
            Miss::Frequency => {
                f.write_str("a frequency (`every two weeks`, `tous les quinze jours`), not a length: no claim")
            }
            Miss::Offset => {
                f.write_str("a point in time (`two weeks later`, `il y a dix jours`), not a length: no claim")
            }
            Miss::ChangeAsRange => f.write_str(
                "a change told as a range after a verb of change (`passé d'un à deux morts`, `rose from one to \
                 two`): two figures in turn, not one value",
            ),
            Miss::CommaAlternative => f.write_str(
                "a smaller figure stands right before the value, parted by a comma (`10, 12 jours`): alternatives \
                 said as a list, of which the value is only the last",
            ),
            Miss::Respectively => f.write_str(
                "the second of two values told with two nouns in turn (`2 et 16 : les morts et les blessés`): the \
                 second noun's",
            ),
            Miss::NotPaired => f.write_str("the value is not given per side (`1000 contre 1000`)"),
            Miss::Paired => f.write_str("the value is given per side (`1000 contre 1000`)"),
            Miss::NoUnit { unit, within } => {
                write!(f, "no unit {} within {within} words after the value", unit.shown())
            }
            Miss::NoNear { which, near } => {
                let which = which.map(|i| format!(" {}", i + 1)).unwrap_or_default();
                write!(
                    f,
                    "no word of `near`{which} {} within {} words {}{}",
                    near.words.shown(),
                    near.within,
                    side_name(near.side),
                    if near.same_clause {
                        ", in its clause (no comma or semicolon between)"
                    } else {
                        ""
                    }
                )
            }
            Miss::NoGroup { scope, index, group } => {
                let place = match *scope {
                    "passage" => "in the sentence or the one before",
                    "paragraph" => "in the paragraph",
                    "document" => "in the article",
                    _ => "in the sentence",
                };
                write!(f, "no word of `{scope}` group {} {} {place}", index + 1, group.shown())
            }
            Miss::NoPlace { place, other: None } => write!(
                f,
                "no word of `place` {} in the sentence, nor in the nearest sentence before it that names \
                 a place (at most {PLACE_SENTENCES} sentences up)",
                place.shown()
            ),
            Miss::NoPlace {
                place,
                other: Some(word),
            } => write!(
                f,
                "the sentence names no place of `place` {}, and the nearest place named before it is `{}` \
                 (`not.sentence`): another place's",
                place.shown(),
                word.written
            ),
            Miss::Filing => f.write_str(
                "the day is followed by a length in words (`Preview Thursday, 450 words`): when a story is filed, \
                 not when the event is",
            ),
            Miss::Possessive => f.write_str(
                "the date is in the possessive (`Thursday's papers`): it dates the noun after it, \
                 which is none of the frame's words",
            ),
            Miss::ChangeEnd(ChangeEnd::From) => f.write_str(
                "the value is the earlier end of a change (`from 50 to 12 days`), and the rule revises a fact: \
                 it reads the later one",
            ),
            Miss::ChangeEnd(ChangeEnd::To) => f.write_str(
                "the value is the later end of a change (`from 50 to 12 days`), and another rule revises this fact: \
                 it reads that one",
            ),
            Miss::GroupTaken { index, group } => write!(
                f,
                "each word of `sentence` group {} {} in the sentence is another value's: \
                 one of the same unit stands between",
                index + 1,
                group.shown()
            ),
            Miss::Excluded {
                scope: "document",
                word,
            } => {
                write!(f, "the article has `{}` (`not.document`)", word.written)
            }
            Miss::Unplaced {
                scope: "undated_document",
                word,
            } => write!(
                f,
                "the article has no day of its own and has `{}` (`not.undated_document`), and no day of \
                 the event stands beside the value",
                word.written
            ),
            Miss::Unplaced { scope, word } => write!(
                f,
                "the article has `{}` (`not.{scope}`), and no day of the event stands beside the value",
                word.written
            ),
            Miss::Excluded { scope: "near", word } => {
                write!(f, "excluded by `{}` near the value (`not.near`)", word.written)
            }
            Miss::Excluded { scope, word } => {
                write!(f, "excluded by `{}` in the {scope} (`not.{scope}`)", word.written)
            }
            Miss::Question(word) => write!(f, "the sentence asks with a doubt (`{word}`, `?`): put, not stated"),
            Miss::Hypothetical(word) => write!(
                f,
                "the sentence supposes what did not happen (`{word}`): a hypothesis, not a fact"
            ),
            Miss::Denied(word) => write!(
                f,
                "a denial or an unconfirmed report (`{word}`) stands before the value: not stated"
            ),
            Miss::Hearsay(phrase) => write!(
                f,
                "the sentence reports what a post or a rumour says (`{phrase}`) before the value: hearsay, not stated"
            ),
            Miss::RelativeTo(word) => write!(
                f,
                "the date is of something `{word}` the near word after it: another event's day"
            ),
            Miss::DayOffset(phrase) => write!(
                f,
                "the event is told as `{phrase}` of the sentence's date: the date is the day it is counted from"
            ),
            Miss::Bygone(phrase) => write!(
                f,
                "the sentence sets the value in a bygone time (`{phrase}`): not this event's"
            ),
            Miss::CrossLink(label) => write!(
                f,
                "the paragraph links to another article (`{label}`): its headline is not this article's claim"
            ),
            Miss::Difference(word) => write!(
                f,
                "the value is a difference (`{word}` after it): how many more or fewer, not how many"
            ),
            Miss::SelfCorrected(words) => write!(
                f,
                "the speaker takes the value back right after it (`{words}`): a slip corrected, not a claim"
            ),
            Miss::DeniedLater(words) => write!(
                f,
                "a later sentence denies the figure (`{words}` and the same figure): an error the article corrects, not a claim"
            ),
            Miss::Rated(word) => write!(
                f,
                "the sentence is a claim a fact-check rates (`{word}`): quoted, not stated"
            ),
            Miss::Draft => f.write_str(
                "the value is in a draft that an e-mail thread quotes for checking, a post quoted under readers' context, \
                 or a translation's target a reviewer flags as wrong: its words, which a reply, a note or a fix may correct",
            ),
            Miss::Retracted(phrase) => write!(
                f,
                "the sentence tells what an earlier version wrongly said (`{phrase}`): a correction's retracted words"
            ),
            Miss::OtherSubject(verb) => write!(
                f,
                "the event's only words are `{verb}`, whose subject is another noun: that event's day"
            ),
            Miss::QuestionTurn => f.write_str(
                "the value is in a reporter's question of a transcript (`Q:`): the reporter's words, which the answer \
                 may correct",
            ),
        }
    }
}

/// Where a claim read by a frame stands: its value and its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
}

/// Whether the article as a whole can hold the frame's fact: its `document`
/// groups are met and its `not.document` words are absent. Tested once per
/// article, before any value is looked at.
///
/// `dateline` is the article's publication date in words
/// ([`super::Dateline`]): an article dated 21 July need not write "21
/// juillet" for a `document` group of dates to be met. Exclusions look at
/// the text only.
pub fn test_document<'f>(
    frame: &'f Frame,
    a: &Analysis,
    dateline: &super::Dateline,
    lang: &str,
) -> Result<(), Miss<'f>> {
    test_document_with(frame, a, dateline, None, lang)
}

/// [`test_document`], where a `document` group may also be met by the
/// words of `signed`: the day a figure of the frame's signature names
/// (`search::document_holds`).
pub fn test_document_with<'f>(
    frame: &'f Frame,
    a: &Analysis,
    dateline: &super::Dateline,
    signed: Option<&super::Dateline>,
    lang: &str,
) -> Result<(), Miss<'f>> {
    let all = 0..a.tokens.len();
    for (i, group) in frame.document.iter().enumerate() {
        // The article's day in words, then its days written as numbers.
        let dated = || {
            [dateline.words(), dateline.numbered(), signed.and_then(|s| s.words())]
                .into_iter()
                .flatten()
                .any(|d| find(group, lang, d, 0..d.tokens.len()).is_some())
        };
        if find(group, lang, a, all.clone()).is_none() && !dated() {
            return Err(Miss::NoGroup {
                scope: "document",
                index: i,
                group,
            });
        }
    }
    // A count's or a duration's rule with an event period leaves its
    // `not.document` words to the guard below: a value beside a day of the
    // period is still that event's.
    if let Some(not) = frame.not_document.as_ref().filter(|_| !guards_document(frame)) {
        if let Some(w) = find(not, lang, a, all) {
            return Err(Miss::Excluded {
                scope: "document",
                word: w,
            });
        }
    }
    Ok(())
}

/// Whether the frame's `not.document` words are a guard rather than an
/// exclusion: a count's or a duration's frame with an event period
/// (`when`), whose values can be placed by a day of that period.
fn guards_document(frame: &Frame) -> bool {
    !frame.when.is_open() && frame.placeholder != crate::french::Placeholder::Date
}

/// A word that says the article may tell of another event than the
/// frame's, so that only a value beside a day of the event's period is
/// read ([`Found::needs_event_day`](super::Found)), and the scope it was
/// found in.
#[derive(Debug, Clone, Copy)]
pub struct Guard<'f> {
    pub word: &'f Word,
    pub scope: &'static str,
}

impl<'f> Guard<'f> {
    /// Why a value it guards was left out.
    pub fn miss(self) -> Miss<'f> {
        Miss::Unplaced {
            scope: self.scope,
            word: self.word,
        }
    }
}

/// The guard an article holds for the frame, if one:
/// - a word of `not.document` (another night, another month), for a count's
///   or a duration's frame with an event period: « la nuit du 20 au 21
///   juillet — 426 drones » in a piece on another night says which night
///   it is;
/// - a word of `not.undated_document` in an undated article: an article
///   with a day of its own (`published`, or its URL's) has its dateline and
///   is placed by its day, so these words are only an undated article's
///   guard.
///
/// Either way a value whose own sentence names a day of the event's period
/// (`when`) beside it is read: « dans la nuit du 20 au 21 juillet, 426
/// drones… » says which night it is, whatever else the article names.
/// Extraction checks that sentence ([`Found::needs_event_day`](super::Found)).
pub fn event_day_guard<'f>(frame: &'f Frame, a: &Analysis, dated: bool, lang: &str) -> Option<Guard<'f>> {
    let all = 0..a.tokens.len();
    let document = frame
        .not_document
        .as_ref()
        .filter(|_| guards_document(frame))
        .and_then(|not| find(not, lang, a, all.clone()))
        .map(|word| Guard {
            word,
            scope: "document",
        });
    document.or_else(|| match (&frame.not_undated_document, dated) {
        (Some(not), false) => find(not, lang, a, all).map(|word| Guard {
            word,
            scope: "undated_document",
        }),
        _ => None,
    })
}

/// Whether a value in sentence `s` could pass the frame: the words its
/// sentence-wide constraints need are there (its `near` words, its
/// `sentence` and `passage` groups, its unit when a pair cannot stand in for
/// it). A necessary condition, cheap on the article's word hits: the value
/// finders run only on the sentences that meet it.
pub fn may_hold(frame: &Frame, a: &Analysis, lang: &str, s: usize) -> bool {
    let Some(&(s0, s1)) = a.sentences.get(s) else {
        return false;
    };
    let (s0, s1) = (s0 as usize, s1 as usize);
    if s0 >= s1 {
        return false;
    }
    // A short fragment restated by the sentence after it takes its words.
    let s1 = restating_sentence(a, s1)
        .filter(|_| s1 - s0 <= FRAGMENT_WORDS)
        .map_or(s1, |(end, _)| end);
    let here = |set: &WordSet| find_at(set, lang, a, s0..s1).is_some();
    if let Some(unit) = frame.needed_unit() {
        // A count may leave it out beside an adjective of order, named
        // before in the sentence or the one before, in the plural or the
        // singular ([`elided_unit`]). Most sentences have no such adjective:
        // asked first.
        let elided = || {
            frame.orders.as_ref().is_some_and(here) && {
                let (q0, _) = a.passage_of(s0);
                let named = |set: &WordSet| find_at(set, lang, a, q0..s1).is_some();
                named(unit) || frame.antecedent.as_ref().is_some_and(named)
            }
        };
        // Or it may be told as the total of a list before it, without a
        // unit of its own ([`total_of_list`]): asked last, a scan of the
        // sentence for a word of total.
        let total = || {
            (s0..s1).any(|j| matches!(a.word(j), "total" | "tot" | "all" | "altogether" | "tout" | "soit"))
                && unit
                    .words
                    .iter()
                    .any(|(_, w)| w.tokens.iter().any(|t| JOINING.contains(&t.as_str())))
        };
        if !here(unit) && !elided() && !total() {
            return false;
        }
    }
    if !frame.near.iter().all(|n| here(&n.words))
        || !frame.sentence.iter().all(|g| here(g) || inherited(g, lang, a, s0, s1))
    {
        return false;
    }
    if frame.passage.is_empty() {
        return true;
    }
    // The restating sentence is in the passage too (`s1`, see above).
    let (q0, q1) = a.passage_of(s0);
    frame
        .passage
        .iter()
        .all(|g| find_at(g, lang, a, q0..q1.max(s1)).is_some())
}

/// Tests the frame on one value (its document test passed). `lang` chooses
/// the words given per language; empty: the words of every language.
/// `others`: the values of its kind in the article, in order (`m` among
/// them): its unit and `near` words are not looked for past another one.
pub fn test<'f>(
    frame: &'f Frame,
    kind: Kind,
    a: &Analysis,
    lang: &str,
    m: &Mention,
    others: &[Mention],
) -> Result<Hit, Miss<'f>> {
    let first = a.token_at(m.start);
    let last = a.tokens.partition_point(|t| (t.start as usize) < m.end);
    if first >= last {
        return Err(Miss::NoWords);
    }
    // A vague length is no claim either: "a few days", « quelques semaines ».
    if matches!(
        m.placeholder,
        crate::french::Placeholder::Count | crate::french::Placeholder::Duration
    ) && vague_count(a, m, first)
    {
        return Err(Miss::Vague);
    }
    if m.placeholder == crate::french::Placeholder::Count && pronoun_one(a, first, last) {
        return Err(Miss::PronounOne);
    }
    if m.placeholder == crate::french::Placeholder::Duration && frequency(a, first) {
        return Err(Miss::Frequency);
    }
    if m.placeholder == crate::french::Placeholder::Duration && offset(a, first, last) {
        return Err(Miss::Offset);
    }
    if kind != Kind::Date && change_as_range(a, first, last) {
        return Err(Miss::ChangeAsRange);
    }
    if kind != Kind::Date && comma_alternative(a, lang, m, first) {
        return Err(Miss::CommaAlternative);
    }
    let (s0, s1) = a.sentence_of(first);
    // A figure alone, restated by the sentence after it (« Cinquante
    // jours. C'est le délai que… »): that sentence is its context.
    let restated = restated(a, s0, first, last, s1);
    let s1 = restated.map_or(s1, |(end, _)| end);
    // A date in a list of days and what each saw, its items parted by
    // semicolons (« samedi, la proposition ; lundi soir, l'annonce ;
    // aujourd'hui, la réunion »), is its own item's: the other items'
    // words tell of their own days.
    let item = match kind == Kind::Date {
        true => list_item(a, first, s0, s1),
        false => (s0, s1),
    };
    let in_list = item != (s0, s1);
    let (s0, s1) = item;
    // The restating words stand for the figure: words after it are
    // counted from their end ("450. C'est le nombre de drones et de
    // missiles": `et de missiles` right after the drones).
    let last = restated.map_or(last, |(_, at)| at);
    let unit_reach = reach(a, others, m, s1);
    let (p0, p1) = a.paragraph_of(first);
    match frame.paired {
        Some(true) if !m.paired => return Err(Miss::NotPaired),
        Some(false) if m.paired => return Err(Miss::Paired),
        _ => {}
    }
    if kind == Kind::Date
        && (possessive_of_another_noun(frame, lang, a, m, first, last) || of_another_noun(frame, lang, a, first))
    {
        return Err(Miss::Possessive);
    }
    if kind == Kind::Date && filing(a, last) {
        return Err(Miss::Filing);
    }
    if let Some(end) = frame
        .refuses
        .filter(|&end| change_end(a, m, others, first, last) == Some(end))
    {
        return Err(Miss::ChangeEnd(end));
    }
    let mut end = m.end;
    // Where the claim's words start, when a list before the value is its own.
    let mut list_start = m.start;
    // A count given per side after a total takes the total's unit: the
    // words of the sentence are both's.
    let mut shares_words = false;
    // Where the value's words and its unit end: a difference is told there.
    let mut unit_end = last;
    if let Some(unit) = frame.needed_unit() {
        // A length's unit is in its own words (`fifty-day`), and so may a
        // count's be ("met twice", for a unit that names `twice`).
        let own = (kind != Kind::Date).then(|| find(unit, lang, a, first..last)).flatten();
        // A list of days counts only what its own words name (the months
        // of the events it counts), never a unit after it, and each of its
        // months must be one of them: « 2 juin et 23 juillet » lists a day
        // of another event. A frame of months reads nothing else ("that
        // first one", after "one in May").
        let other_month = || {
            (first..last)
                .any(|j| super::values::is_month_name(a.words_of(j..j + 1)) && find(unit, lang, a, j..j + 1).is_none())
        };
        if (m.listed.is_some() && (own.is_none() || other_month())) || (m.listed.is_none() && frame.lists_days) {
            return Err(Miss::NoUnit {
                unit,
                within: frame.unit_within,
            });
        }
        // A length said without its unit takes the one of the length it
        // changes ("50 days … cut to ten"): that word must be the frame's.
        if let Some((from, to)) = m.borrowed_unit {
            let (j0, j1) = (a.token_at(from), a.tokens.partition_point(|t| (t.start as usize) < to));
            if find(unit, lang, a, j0..j1).is_none() {
                return Err(Miss::NoUnit {
                    unit,
                    within: frame.unit_within,
                });
            }
        } else if own.is_none() {
            // A key figure's gloss between the value and its unit: « 2 : le
            // nombre de séances… », "1,000: the number of prisoners…".
            let from = match restated {
                // "Four hundred and twenty-six. That is how many drones…"
                // (a unit of the fragment itself is `own`, found above).
                Some((_, at)) => at,
                None => last + key_figure_gloss(a, last, s1),
            };
            let reach = (from + frame.unit_within).min(unit_reach.max(from));
            match find_at(unit, lang, a, from..reach) {
                Some((j, w)) if respective(a, m, others, first, j + w.tokens.len()) => return Err(Miss::Respectively),
                // "dead are two, wounded 16": a noun after a comma with a
                // figure right after it is that figure's, told noun first.
                Some((j, w)) if a.tokens[j].after_comma && figure_at(a, others, j + w.tokens.len()) => {
                    return Err(Miss::NoUnit {
                        unit,
                        within: frame.unit_within,
                    })
                }
                // A month after a figure ("one in May") is when, not what:
                // only a list of days has its months for a unit.
                Some((j, _)) if super::values::is_month_name(a.words_of(j..j + 1)) => {
                    return Err(Miss::NoUnit {
                        unit,
                        within: frame.unit_within,
                    })
                }
                Some((j, w)) => {
                    unit_end = j + w.tokens.len();
                    end = end.max(a.tokens[unit_end - 1].end as usize);
                }
                None if elided_unit(frame, lang, a, first, last, s1) => {}
                // It shares the noun, and so the words, of the value before.
                None if distributed(frame, lang, a, others, first, last, s0, s1) => shares_words = true,
                None if kind != Kind::Date && labelled(frame, lang, a, others, first, last, s0, s1) => {}
                None => match total_of_list(frame, lang, a, m, others, first, last, s0, s1) {
                    // The quote holds the list it adds up.
                    Some(at) => list_start = at,
                    None => {
                        return Err(Miss::NoUnit {
                            unit,
                            within: frame.unit_within,
                        })
                    }
                },
            }
        }
    }
    if kind != Kind::Date {
        if let Some(word) = difference(a, last, unit_end, s1) {
            return Err(Miss::Difference(word));
        }
    }
    if kind == Kind::Date {
        if let Some(phrase) = day_offset_after(a, last, s1) {
            return Err(Miss::DayOffset(phrase));
        }
    }
    if let Some(words) = self_corrected(lang, a, unit_end) {
        return Err(Miss::SelfCorrected(words));
    }
    if kind != Kind::Date {
        if let Some(words) = denied_later(a, first, last, unit_end) {
            return Err(Miss::DeniedLater(words));
        }
    }
    let mut start = list_start;
    // The later end of a change said in one phrase (« réduire son
    // ultimatum de 50 jours à 10 ou 12 jours », "cut his deadline from 50
    // days to 10"): the words before its earlier end govern the whole
    // change, and are this end's too.
    let earlier = std::cell::OnceCell::new();
    let earlier = || *earlier.get_or_init(|| earlier_end(a, m, others, first, last));
    for (i, near) in frame.near.iter().enumerate() {
        let found = near_word(near, lang, a, first, last, s0, s1, Some((m, others))).or_else(|| {
            let (e, e_first, e_last) = earlier().filter(|_| near.side != Side::After)?;
            near_word(near, lang, a, e_first, e_last, s0, s1, Some((e, others)))
        });
        // The claim's words reach to the near word: `délai de 50 jours`.
        if let Some((j, w)) = found {
            if kind == Kind::Date && j >= last {
                if let Some(word) = time_relation_before(a, s0.max(last), j) {
                    return Err(Miss::RelativeTo(word));
                }
            }
            start = start.min(a.tokens[j].start as usize);
            end = end.max(a.tokens[j + w.tokens.len() - 1].end as usize);
        } else if let Some(j) = pronoun_for_name(near, lang, a, first, last, s0, s1) {
            start = start.min(a.tokens[j].start as usize);
            end = end.max(a.tokens[j].end as usize);
        } else {
            let which = (frame.near.len() > 1).then_some(i);
            return Err(Miss::NoNear { which, near });
        }
    }
    // A total that restates the counts right before it shares their words
    // ("the largest swap followed the first meeting: 1,000 prisoners per
    // side, 2,000 people in all", « mille de chaque côté, soit 2 000 au
    // total »): one fact told twice, not two.
    if restated_total(a, lang, m, others, first, last, s0, s1) {
        shares_words = true;
    }
    // A part named of a broader whole shares the whole's words (« la
    // Russie a lancé 450 drones et missiles, dont 426 drones »).
    if partitive_before(a, first, s0).is_some_and(|j| broader_whole(frame, lang, a, others, j, s0)) {
        shares_words = true;
    }
    // The values of the same unit in the sentence: a word of a sentence
    // group belongs to the value nearest it on its side (`Russia fired 426
    // drones; a week earlier, 728 drones`: `fired` is the 426's).
    let mut rivals: Option<Vec<Mention>> = None;
    for (i, group) in frame.sentence.iter().enumerate() {
        if find(group, lang, a, s0..s1).is_none() {
            if inherited(group, lang, a, s0, s1) {
                continue;
            }
            return Err(Miss::NoGroup {
                scope: "sentence",
                index: i,
                group,
            });
        }
        let Some(unit) = frame.needed_unit().filter(|_| !shares_words) else {
            continue;
        };
        let rivals = rivals.get_or_insert_with(|| same_unit(unit, frame.unit_within, lang, a, others, m, s0, s1));
        if !rivals.is_empty() && !free_word(group, lang, a, s0..s1, m, rivals) {
            return Err(Miss::GroupTaken { index: i, group });
        }
    }
    // The claim's words reach to the sentence's context words when they
    // stand close to the value (`pourparlers, mercredi`): an editor reads
    // the quote without opening the article.
    for group in frame.sentence.iter().chain(&frame.passage) {
        let lo = first.saturating_sub(CONTEXT_REACH).max(s0);
        let hi = (last + CONTEXT_REACH).min(s1);
        if let Some((j, w)) = nearest(group, lang, a, lo..hi, first) {
            start = start.min(a.tokens[j].start as usize);
            end = end.max(a.tokens[j + w.tokens.len() - 1].end as usize);
        }
    }
    // A list's item is its own passage.
    // A figure alone restated by the sentence after it (« Cinquante jours.
    // C'est le délai que… ») has that sentence in its passage too.
    let (q0, q1) = match in_list {
        true => (s0, s1),
        false => {
            let (q0, q1) = a.passage_of(first);
            (q0, q1.max(s1))
        }
    };
    for (i, group) in frame.passage.iter().enumerate() {
        if find(group, lang, a, q0..q1).is_none() {
            return Err(Miss::NoGroup {
                scope: "passage",
                index: i,
                group,
            });
        }
    }
    if let Some(place) = &frame.place {
        // « évacue un blessé », "carried a wounded man": an article more
        // often than a count, read only with its place close by.
        let reach = match article_one(a, first, last, s1) {
            true => 0,
            false => PLACE_SENTENCES,
        };
        place_named(frame, place, lang, a, s0, s1, reach)?;
    }
    for (i, group) in frame.paragraph.iter().enumerate() {
        if find(group, lang, a, p0..p1).is_none() {
            return Err(Miss::NoGroup {
                scope: "paragraph",
                index: i,
                group,
            });
        }
    }
    // Exclusions look over the whole sentence: a word that may belong to
    // another value still keeps this one out (precision first).
    // The later end of a change said in one phrase: its `from`/`de` and
    // what stands before are the change's (« de 50 jours à 10 jours »), so
    // its exclusions are looked for after them.
    let n0 = earlier().map_or(s0, |(_, e_first, _)| s0.max(e_first));
    // A change told by its verb (`cut the 50-day deadline he set on 14 July
    // to 10 or 12 days`): exclusions are looked for from its `to` on, and
    // in its object only a name (`cut the EU's 50-day…`, `he gave Iran`).
    // The later of two states told in sequence (`gave Iran 60 days, then
    // 10`): a name before the earlier one is the sequence's.
    let object = changed_object(a, others, m, first);
    let sequence = follows_in_sequence(a, others, m, first);
    for near in &frame.not_near {
        let found = match (object, sequence) {
            (Some((e_first, _)), _) => near_word(near, lang, a, first, last, first - 1, s1, None)
                .or_else(|| named_in_object(near, lang, a, e_first.saturating_sub(CHANGE_VERB_REACH)..first - 1)),
            (None, Some((e_first, _))) => near_word(near, lang, a, first, last, n0, s1, None).or_else(|| {
                named_in_object(
                    near,
                    lang,
                    a,
                    e_first.saturating_sub(CHANGE_VERB_REACH).max(s0)..e_first,
                )
            }),
            (None, None) => near_word(near, lang, a, first, last, n0, s1, None),
        };
        // A part named of a broader whole is that whole's share of the
        // frame's own kind, not a subset of it: « 450 drones et missiles,
        // dont 426 drones », "450 air attack weapons, including 426
        // drones". The exclusion is looked for past the partitive word.
        let found = match found {
            Some((j, w)) if j < first && partitive(w) && broader_whole(frame, lang, a, others, j, s0) => {
                near_word(near, lang, a, first, last, j + w.tokens.len(), s1, None)
            }
            found => found,
        };
        if let Some((_, w)) = found {
            return Err(Miss::Excluded { scope: "near", word: w });
        }
        // A list item's label before a colon names whose value follows
        // (a chart's legend: "- Iran, Trump's earlier ultimatum: 60 days"):
        // its words stand near the value, however many.
        // Only exclusions said of words before the value ("earlier" after
        // it, « en » within three words, keep their own reach).
        let before = !matches!(near.side, crate::rules::model::Side::After) && near.within >= ITEM_LABEL_REACH;
        if let Some(w) = item_label(a, first, s0)
            .filter(|_| before)
            .and_then(|label| find(&near.words, lang, a, label))
        {
            return Err(Miss::Excluded { scope: "near", word: w });
        }
    }
    if let Some(not) = &frame.not_sentence {
        // Not past a semicolon after the value: the clause after it has
        // its own subject (« Kiev exige trente jours ; Moscou n'offre que
        // des pauses humanitaires »). Nor before one that opens a clause
        // naming the frame's own place: "Russia fired 400 drones across
        // Ukraine; in Kyiv, two people died" gives Kyiv's toll.
        let from = match &frame.place {
            Some(place) => {
                // A clause of its own: after a semicolon, or after a comma
                // and a conjunction ("…at Ukrainian cities, and two people
                // were killed in Kyiv").
                // Not a list's last item ("hit Lviv, Odesa, and Kyiv,
                // leaving 31 dead"): the conjunction's clause has its own
                // subject before the place, and no comma before the value.
                let joined = |k: usize| {
                    a.tokens[k].after_comma
                        && CLAUSE_JOINS.contains(&a.word(k))
                        && find(place, lang, a, k + 1..k + 2).is_none()
                        && !(k + 1..=first).any(|j| a.tokens[j].after_comma)
                };
                let opens = (s0..first).rev().find(|&k| a.tokens[k].after_semicolon || joined(k));
                opens
                    .filter(|&k| find(place, lang, a, k..a.clause_end(last, s1)).is_some())
                    .unwrap_or(s0)
            }
            None => s0,
        };
        // "The first face-to-face talks since early June" is this round
        // again after a while, not the first round: such a word is passed
        // over.
        let excluding = a
            .hits_in(from..a.clause_end(last, s1))
            .iter()
            .filter_map(|&(token, id)| not.word_for(id, lang).map(|w| (token as usize, w)))
            .find(|&(j, w)| !first_in_a_while(a, j, j + w.tokens.len(), s1));
        if let Some((_, w)) = excluding {
            return Err(Miss::Excluded {
                scope: "sentence",
                word: w,
            });
        }
        // A sentence that opens with a subject pronoun whose verb is the
        // event the frame needs tells of what the sentence before named:
        // that sentence's exclusions hold too (« … le concert de
        // l'ensemble. Il aura lieu le samedi 26 juillet »). Not when the
        // verb is another ("They agree to swap 1,000 each", after a
        // sentence that names 2022).
        let (q0, _) = a.passage_of(s0);
        let pronoun_event = || {
            a.subject_pronoun_at(s0, s1)
                && frame
                    .passage
                    .iter()
                    .any(|g| find_at(g, lang, a, s0 + 1..(s0 + 4).min(s1)).is_some())
        };
        if q0 < s0 && pronoun_event() {
            if let Some(w) = find(not, lang, a, q0..s0) {
                return Err(Miss::Excluded {
                    scope: "sentence",
                    word: w,
                });
            }
        }
    }
    if let Some(not) = &frame.not_paragraph {
        if let Some(w) = find(not, lang, a, p0..p1) {
            return Err(Miss::Excluded {
                scope: "paragraph",
                word: w,
            });
        }
    }
    if let Some(phrase) = retraction(lang, a, s0..s1) {
        return Err(Miss::Retracted(phrase));
    }
    if question_turn(a, p0, first) {
        return Err(Miss::QuestionTurn);
    }
    if kind == Kind::Date {
        if let Some(verb) = other_subject(frame, lang, a, first, last) {
            return Err(Miss::OtherSubject(verb));
        }
    }
    if let Some(label) = cross_link(lang, a, p0..p1) {
        return Err(Miss::CrossLink(label));
    }
    if let Some(word) = rated_claim(lang, a, first) {
        return Err(Miss::Rated(word));
    }
    if a.draft
        .get(a.tokens[first].paragraph as usize)
        .copied()
        .unwrap_or(false)
    {
        return Err(Miss::Draft);
    }
    if let Some(word) = doubting_question(lang, a, s0..s1)
        .or_else(|| forecast_question(lang, a, s0..s1))
        .or_else(|| yes_no_question(lang, a, s0..s1, first))
    {
        return Err(Miss::Question(word));
    }
    if let Some(word) = asked_between(a, first, last, s1) {
        return Err(Miss::Question(word));
    }
    if let Some(word) = hypothetical(lang, a, s0..s1) {
        return Err(Miss::Hypothetical(word));
    }
    if let Some(phrase) = denial(lang, a, first.saturating_sub(DENIAL_REACH).max(s0)..first)
        .or_else(|| denied_after(lang, a, last..(last + DENIED_AFTER_REACH).min(a.clause_end(last, s1))))
    {
        return Err(Miss::Denied(phrase));
    }
    if let Some(word) = negated_alternative(a, first, s0) {
        return Err(Miss::Denied(word));
    }
    if let Some(part) = document_part_says(a, s0, first) {
        return Err(Miss::Hearsay(part));
    }
    if let Some(miss) = told_apart(lang, a, s0..first) {
        return Err(miss);
    }
    Ok(Hit { start, end })
}

/// How many words before a value a denial reaches.
const DENIAL_REACH: usize = 12;

/// How many words after a value a participle that denies it reaches: a
/// figure and its noun, then « aussitôt démenti par la mairie ».
const DENIED_AFTER_REACH: usize = 8;

/// A list of folded phrases, for each language, searched as whole words in
/// one pass of one Aho-Corasick automaton per language.
struct Phrases([(Vec<&'static str>, aho_corasick::AhoCorasick); 2]);

impl Phrases {
    /// French, then English.
    fn new(fr: &[&'static str], en: &[&'static str]) -> Phrases {
        Phrases([fr, en].map(|phrases| {
            (
                phrases.to_vec(),
                aho_corasick::AhoCorasick::new(phrases).expect("a list of literal phrases builds"),
            )
        }))
    }

    /// The first phrase of the list (in its order) that `words` (folded
    /// words, one space between) holds as whole words.
    fn first_in(&self, lang: &str, words: &str) -> Option<&'static str> {
        let (phrases, automaton) = &self.0[usize::from(lang == "en")];
        let bytes = words.as_bytes();
        automaton
            .find_overlapping_iter(words)
            .filter(|m| m.start() == 0 || bytes[m.start() - 1] == b' ')
            .filter(|m| m.end() == bytes.len() || bytes[m.end()] == b' ')
            .map(|m| m.pattern().as_usize())
            .min()
            .map(|i| phrases[i])
    }
}

/// The denial before a value, if one (tokens `range`).
fn denial(lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<&'static str> {
    static DENIALS: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(crate::french::vocab::DENIALS, crate::english::vocab::DENIALS));
    DENIALS.first_in(lang, a.words_of(range))
}

/// The participle after a value that denies it, in its clause (tokens
/// `range`), if one: « un bilan de trois morts, aussitôt démenti par la
/// mairie », "a figure of 600 drones, later denied by the air force". A
/// figure its own sentence calls denied is not stated.
fn denied_after(lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<&'static str> {
    static DENIED_AFTER: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
        Phrases::new(crate::french::vocab::DENIED_AFTER, crate::english::vocab::DENIED_AFTER)
    });
    // Up to a clause of its own ("two killed in Kyiv, and Russia later
    // denied targeting civilians"); a negation takes the denial back ("a
    // toll never denied by Moscow").
    let end = (range.start + 1..range.end)
        .find(|&k| a.tokens[k].after_comma && CLAUSE_JOINS.contains(&a.word(k)))
        .unwrap_or(range.end);
    let negated = (range.start..end).any(|k| matches!(a.word(k), "not" | "never" | "pas" | "jamais" | "non"));
    (range.start < end && !negated)
        .then(|| DENIED_AFTER.first_in(lang, a.words_of(range.start..end)))
        .flatten()
}

/// Conjunctions that open a clause of its own after a comma (", and two
/// people were killed in Kyiv", « , et deux personnes »).
const CLAUSE_JOINS: &[&str] = &["and", "but", "while", "et", "mais", "tandis", "alors"];

/// The word of a time relation that opens the phrase of the near word at
/// token `j` (`before the announcement`, « avant l'annonce », « après
/// avoir annoncé »), a determiner or an auxiliary between, if one: what
/// makes a date before it another event's (`from`: the first token the
/// phrase may start at).
fn time_relation_before(a: &Analysis, from: usize, j: usize) -> Option<&'static str> {
    const RELATIONS: &[&str] = &["before", "after", "following", "avant", "apres"];
    const BETWEEN: &[&str] = &[
        "the", "his", "its", "their", "l", "la", "le", "les", "d", "de", "du", "son", "sa", "avoir",
    ];
    let at = |k: usize| RELATIONS.iter().copied().find(|r| k >= from && a.word(k) == *r);
    let k = j.checked_sub(1)?;
    at(k).or_else(|| {
        let k2 = k.checked_sub(1)?;
        BETWEEN.contains(&a.word(k)).then(|| at(k2)).flatten()
    })
}

/// A day told from another one, as a noun's complement after the date
/// (tokens `from..s1`): « la rencontre d'Istanbul de la veille », "the
/// previous day's talks", "the talks of the day before". The sentence's
/// date is the day it is told from (an edition's, another event's), not
/// the event's. An adverb (« la veille, les délégations… ») tells of
/// another clause and is left alone.
fn day_offset_after(a: &Analysis, from: usize, s1: usize) -> Option<&'static str> {
    let word = |k: usize| if k < s1 { a.word(k) } else { "" };
    for k in from..s1 {
        let w = a.word(k);
        // « de la veille », « du lendemain »: not « la veille de la visite »,
        // a day told from the visit.
        if let Some(&(_, phrase)) = crate::french::vocab::DAY_OFFSETS.iter().find(|(o, _)| *o == w) {
            let complement =
                k >= 2 && (a.word(k - 1) == "du" || (a.word(k - 2) == "de" && matches!(a.word(k - 1), "la" | "l")));
            if complement && !matches!(word(k + 1), "de" | "du" | "d" | "des") {
                return Some(phrase);
            }
        }
        if let Some(&(_, phrase)) = crate::english::vocab::DAY_OFFSETS
            .iter()
            .find(|(words, _)| words.iter().enumerate().all(|(i, x)| word(k + i) == *x))
        {
            return Some(phrase);
        }
    }
    None
}

/// The label of a link to another article that opens the paragraph
/// `range`, if one: « Lire aussi », `Read more`. The names of the HTML tags
/// an export leaves before it (`<p><strong>Lire aussi</strong>`) are
/// passed over. A paragraph that is one line of a block of short lines
/// ([`Analysis::line_item`]) is under the label that heads its block, when
/// that label stands alone on its line: « LIRE AUSSI » over a list of
/// headlines, "Up next" over a video page's list, a comments heading.
fn cross_link(lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<&'static str> {
    let (links, headings) = match lang {
        "en" => (
            crate::english::vocab::CROSS_LINKS,
            crate::english::vocab::SECTION_HEADINGS,
        ),
        _ => (
            crate::french::vocab::CROSS_LINKS,
            crate::french::vocab::SECTION_HEADINGS,
        ),
    };
    if let Some((label, _)) = label_at(a, range.clone(), links) {
        return Some(label);
    }
    let mut k = a.tokens.get(range.start)?.paragraph as usize;
    while k > 0 && a.line_item.get(k).copied().unwrap_or(false) {
        k -= 1;
        let (p0, p1) = a.paragraphs[k];
        let (p0, p1) = (p0 as usize, p1 as usize);
        let alone = |(label, end): (&'static str, usize)| {
            // A count may follow a heading: "Comments (143)".
            (end == p1 || (end + 1 == p1 && a.word(end).bytes().all(|b| b.is_ascii_digit()))).then_some(label)
        };
        if let Some(label) = label_at(a, p0..p1, links)
            .or_else(|| label_at(a, p0..p1, headings))
            .and_then(alone)
        {
            return Some(label);
        }
    }
    None
}

/// The label of `labels` that opens the paragraph `range`, and the token
/// after it (see [`cross_link`]).
fn label_at(a: &Analysis, range: std::ops::Range<usize>, labels: &[&'static str]) -> Option<(&'static str, usize)> {
    const TAGS: &[&str] = &[
        "p", "strong", "b", "em", "i", "span", "div", "li", "h2", "h3", "h4", "br",
    ];
    let start = (range.start..range.end).find(|&j| !TAGS.contains(&a.word(j)))?;
    // Most paragraphs open with no label's first word: one comparison each.
    let first = a.word(start);
    labels
        .iter()
        .copied()
        .filter(|l| l.split(' ').next() == Some(first))
        .find(|l| a.phrase_at(start, range.end, l))
        .map(|l| {
            let end = start + l.split(' ').count();
            // Closing tags after the label (`</strong>`).
            let end = (end..range.end)
                .find(|&j| !TAGS.contains(&a.word(j)))
                .unwrap_or(range.end);
            (l, end)
        })
}

/// The negation right before a value, a preposition or an article at most
/// between (« le 21 juillet, et non le 22 », "on 21 July, not on Tuesday
/// night", "not 60"): the value is the one set aside.
fn negated_alternative(a: &Analysis, first: usize, s0: usize) -> Option<&'static str> {
    const LINKS: &[&str] = &["on", "the", "le", "la", "l", "de", "du", "a", "in", "en"];
    let negation = |k: usize| match a.word(k) {
        "not" => Some("not"),
        "non" => Some("non"),
        _ => None,
    };
    // « Non, 12 personnes sont mortes »: a reply's no, past its comma.
    let k = first.checked_sub(1).filter(|&k| k >= s0)?;
    let apart = |next: usize| a.tokens[next].after_comma;
    negation(k).filter(|_| !apart(first)).or_else(|| {
        let k2 = k.checked_sub(1).filter(|&k2| k2 >= s0)?;
        (LINKS.contains(&a.word(k)) && !apart(k))
            .then(|| negation(k2))
            .flatten()
    })
}

/// The part of a reviewed text that a sentence opens by quoting, when it
/// does: "Section 2 states that … 60 days", « le tableau 2 donne 1 200 par
/// camp », "p. 7: the session is dated 24 July". A referee's report tells
/// what the manuscript says, to correct it: not the facts.
fn document_part_says(a: &Analysis, s0: usize, first: usize) -> Option<&'static str> {
    const PARTS: &[&str] = &[
        "section",
        "chapter",
        "chapitre",
        "table",
        "tableau",
        "page",
        "p",
        "figure",
        "paragraph",
        "paragraphe",
        "annex",
        "annexe",
        "appendix",
        "footnote",
        "note",
    ];
    const SAYS: &[&str] = &[
        "states",
        "says",
        "gives",
        "claims",
        "puts",
        "reports",
        "writes",
        "lists",
        "indique",
        "dit",
        "affirme",
        "donne",
        "ecrit",
        "avance",
        "mentionne",
        "situe",
    ];
    let mut k = s0;
    // A list's number first (« 2. p. 7 : … »).
    if k + 1 < first && a.word(k).bytes().all(|b| b.is_ascii_digit()) && PARTS.contains(&a.word(k + 1)) {
        k += 1;
    }
    if matches!(a.word(k), "the" | "la" | "le" | "l" | "in" | "dans") {
        k += 1;
    }
    let part = PARTS.iter().copied().find(|p| k < first && a.word(k) == *p)?;
    let number = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    if !(k + 1 < first && number(a.word(k + 1))) {
        return None;
    }
    // The verb right after, or the colon of "p. 7: …".
    let says = k + 2 < first && (SAYS.contains(&a.word(k + 2)) || a.tokens[k + 2].after_colon);
    says.then_some(part)
}

/// What the words before a value say that sets its sentence apart from
/// the facts it states, if anything (tokens `range`: the sentence up to the
/// value): hearsay, a post or a rumour it reports (`a screenshot shared
/// thousands of times says…`), or a bygone time (« il fut un temps où… »).
/// Both lists in one automaton: one pass over the words per claim.
fn told_apart(lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<Miss<'static>> {
    use crate::{english::vocab as en, french::vocab as fr};
    static APART: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
        Phrases::new(&[fr::HEARSAY, fr::BYGONE].concat(), &[en::HEARSAY, en::BYGONE].concat())
    });
    let phrase = APART.first_in(lang, a.words_of(range))?;
    Some(match fr::HEARSAY.contains(&phrase) || en::HEARSAY.contains(&phrase) {
        true => Miss::Hearsay(phrase),
        false => Miss::Bygone(phrase),
    })
}

/// Whether the sentence `range` (tokens) asks: it ends with `?`.
fn asks(a: &Analysis, range: std::ops::Range<usize>) -> bool {
    range.start < range.end
        && a.asks
            .get(a.tokens[range.start].sentence as usize)
            .copied()
            .unwrap_or(false)
}

/// The word of doubt in the sentence `range` when it asks (`would`,
/// `really`, « aurait », « vraiment »).
fn doubting_question(lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<&'static str> {
    if !asks(a, range.clone()) {
        return None;
    }
    let doubts = match lang {
        "en" => crate::english::vocab::QUESTION_DOUBTS,
        _ => crate::french::vocab::QUESTION_DOUBTS,
    };
    range
        .clone()
        .find_map(|j| doubts.iter().copied().find(|d| a.word(j) == *d))
}

/// The word that makes the sentence `range`, when it asks, a question on
/// what is to come: "Will…" at its start, or a time limit with a month
/// ("… by July 31?", « Cessez-le-feu de 30 jours avant le 1er octobre ? »,
/// « d'ici fin août ? »). A forecast's or a market's question puts its
/// figures as possibilities; it states none.
fn forecast_question(lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<&'static str> {
    use super::values::is_month_name;
    if !asks(a, range.clone()) {
        return None;
    }
    if lang == "en" && a.word(range.start) == "will" {
        return Some("will");
    }
    // A question on the past asks what was: "Did Russia launch 426 drones
    // before 21 July?", « La Russie a-t-elle tiré… avant le 21 ? ».
    let past = matches!(a.word(range.start), "did" | "was" | "were" | "had" | "has" | "have")
        || (range.start + 2..range.end).any(|k| {
            a.word(k - 2) == "a" && a.word(k - 1) == "t" && matches!(a.word(k), "il" | "elle" | "ils" | "elles")
        });
    if past {
        return None;
    }
    const LIMITS: &[&str] = &["avant", "ici", "by", "before"];
    // Between the limit and its month: articles, "the end of", « fin »,
    // a day number.
    const FILLERS: &[&str] = &["le", "la", "l", "de", "du", "fin", "debut", "the", "end", "of", "start"];
    range.clone().find_map(|j| {
        let limit = LIMITS.iter().copied().find(|w| a.word(j) == *w)?;
        // « d'ici », folded `d ici`: not « ici » alone.
        if limit == "ici" && (j == range.start || a.word(j - 1) != "d") {
            return None;
        }
        let month = (j + 1..range.end.min(j + 5))
            .take_while(|&k| {
                let w = a.word(k);
                FILLERS.contains(&w) || w.bytes().all(|b| b.is_ascii_digit()) || w == "1er" || is_month_name(w)
            })
            .any(|k| is_month_name(a.word(k)));
        month.then_some(limit)
    })
}

/// The word that makes the sentence `range`, when it asks, a yes-or-no
/// question about the value at token `first`: an auxiliary that opens it,
/// ("Did Trump give Russia 12 days?", "Is the deadline 100 days?"), « est-ce que », or a verb and its pronoun inverted (« Trump
/// a-t-il donné 100 jours ? »). It asks whether the figure holds; it states
/// none. A question on a word (« Pourquoi 50 jours ? », "Why did he pick 50
/// days?"), or a figure inside a noun phrase after its determiner ("Did
/// the July 23 talks change anything?"), is taken as given, and kept.
fn yes_no_question(lang: &str, a: &Analysis, range: std::ops::Range<usize>, first: usize) -> Option<&'static str> {
    const AUXILIARIES: &[&str] = &[
        "did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "can", "could", "should", "shall",
        "may", "might", "must",
    ];
    const PRONOUNS: &[&str] = &["il", "elle", "ils", "elles", "on"];
    if !asks(a, range.clone()) || first >= range.end {
        return None;
    }
    let opening = range.start;
    // A figure inside a noun phrase the question takes as given ("Did the
    // July 23 talks change anything?", "Trump's 50-day deadline") is kept.
    const DETERMINERS: &[&str] = &[
        "the", "s", "this", "its", "his", "their", "le", "la", "les", "l", "ce", "cet", "cette", "ces", "son", "sa",
        "ses", "leur",
    ];
    if first > opening && DETERMINERS.contains(&a.word(first - 1)) {
        return None;
    }
    match lang {
        "en" => AUXILIARIES.iter().copied().find(|w| a.word(opening) == *w),
        _ => {
            if opening + 2 < first && a.word(opening) == "est" && a.word(opening + 1) == "ce" {
                return Some("est-ce que");
            }
            // An inverted pronoun before the value, the question not on a
            // word (« Pourquoi… », « Combien… »).
            let asks_a_word = crate::french::vocab::QUESTION_WORDS.contains(&a.word(opening));
            let inverted = (opening + 2..first).any(|k| a.word(k - 1) == "t" && PRONOUNS.contains(&a.word(k)));
            (inverted && !asks_a_word).then_some("-t-il")
        }
    }
}

/// The label of a list item whose value follows a colon: the item's tokens
/// from `s0` (its sentence's start) up to the colon right before token
/// `first`, at most [`ITEM_LABEL_TOKENS`] words.
fn item_label(a: &Analysis, first: usize, s0: usize) -> Option<std::ops::Range<usize>> {
    let paragraph = a.tokens.get(first)?.paragraph as usize;
    let listed = a.list_item.get(paragraph).copied().unwrap_or(false);
    (listed && first > s0 && a.tokens[first].after_colon && first - s0 <= ITEM_LABEL_TOKENS).then_some(s0..first)
}

/// The longest list item label [`item_label`] reads, in words.
const ITEM_LABEL_TOKENS: usize = 10;

/// The least reach (`within`) of a `not.near` exclusion that a list item's
/// label extends to the whole label: a closer one stays a neighbour's.
const ITEM_LABEL_REACH: usize = 4;

/// The `ou`/`or` of a value that offers two figures and closes a question
/// (« Ultimatum américain : 50 ou 60 jours ? »): the question asks which,
/// it states neither.
fn asked_between(a: &Analysis, first: usize, last: usize, s1: usize) -> Option<&'static str> {
    let asks = a
        .asks
        .get(a.tokens.get(first)?.sentence as usize)
        .copied()
        .unwrap_or(false);
    if !asks || last != s1 {
        return None;
    }
    (first + 1..last).find_map(|j| match a.word(j) {
        "ou" => Some("ou"),
        "or" => Some("or"),
        _ => None,
    })
}

/// What makes the sentence `range` a hypothesis, if anything: an inverted
/// condition at its start (`Had Russia fired…`, `Were Kyiv to accept…`), or
/// a condition followed closely by a past perfect (`if Moscow had…`, « si
/// Trump avait… », « s'il avait… »).
fn hypothetical(lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<&'static str> {
    use crate::{english::vocab as en, french::vocab as fr};
    let (openers, conditions, perfects) = match lang {
        "en" => (en::INVERTED_CONDITIONS, en::CONDITIONS, en::PAST_PERFECT),
        _ => (&[][..], fr::CONDITIONS, fr::PAST_PERFECT),
    };
    if range.start < range.end {
        if let Some(w) = openers.iter().copied().find(|w| a.word(range.start) == *w) {
            return Some(w);
        }
    }
    static SUPPOSITIONS: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(fr::SUPPOSITIONS, en::SUPPOSITIONS));
    let words = a.words_of(range.clone());
    // "We ask what, if anything, changed": an aside, no supposition.
    let aside = |w: &str| w == "what if" && (words.contains("what if anything") || words.contains("what if any "));
    if let Some(w) = SUPPOSITIONS.first_in(lang, words).filter(|w| !aside(w)) {
        return Some(w);
    }
    range.clone().find_map(|j| {
        // Every condition opens with a word of at most two letters (`if`,
        // `si`, `s`): most words are left at once.
        if a.word(j).len() > 2 {
            return None;
        }
        let condition = conditions.iter().copied().find(|c| a.phrase_at(j, range.end, c))?;
        // `as if`, « comme si »: a comparison, not a condition; nor is the
        // aside "if anything", "if any".
        if j > range.start && matches!(a.word(j - 1), "as" | "comme") {
            return None;
        }
        if condition == "if" && j + 1 < range.end && matches!(a.word(j + 1), "anything" | "any") {
            return None;
        }
        let after = j + condition.split(' ').count();
        (after..(after + 4).min(range.end))
            .any(|k| perfects.contains(&a.word(k)))
            .then_some(condition)
    })
}

/// Whether the sentence of token `i` is a claim a fact-check rates: it
/// opens with `Claim`, « Affirmation », or the sentence after it opens with
/// a verdict (`Verdict: FALSE.`, « FAUX. », `MISLEADING.`). The word that
/// says so.
fn rated_claim(lang: &str, a: &Analysis, i: usize) -> Option<&'static str> {
    let (opening, verdicts) = match lang {
        "en" => (crate::english::vocab::RATED_CLAIM, crate::english::vocab::VERDICTS),
        _ => (crate::french::vocab::RATED_CLAIM, crate::french::vocab::VERDICTS),
    };
    let sentence = a.tokens[i].sentence as usize;
    let (s0, s1) = a.sentences[sentence];
    if let Some(w) = opening
        .iter()
        .copied()
        .find(|w| a.phrase_at(s0 as usize, s1 as usize, w))
    {
        return Some(w);
    }
    if let Some(w) = quiz_prompt(lang, a, sentence) {
        return Some(w);
    }
    if let Some(w) = wrong_wording(lang, a, sentence) {
        return Some(w);
    }
    // The verdict closing the claim's own sentence, after a dash or a
    // colon: `« 600 drones » — FAUX.`
    let last = s1 as usize - 1;
    if last > s0 as usize && a.tokens[last].after_comma {
        if let Some(w) = verdicts.iter().copied().find(|w| *w != "verdict" && a.word(last) == *w) {
            return Some(w);
        }
    }
    static REFUTATIONS: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
        Phrases::new(crate::french::vocab::REFUTATIONS, crate::english::vocab::REFUTATIONS)
    });
    static CONFUSIONS: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(crate::french::vocab::CONFUSIONS, crate::english::vocab::CONFUSIONS));
    // A refutation or a mix-up told after the claim in its own sentence
    // (« On a écrit « 60 jours » : c'est une confusion avec… »).
    let rest = a.words_of(i..s1 as usize);
    if let Some(w) = REFUTATIONS
        .first_in(lang, rest)
        .or_else(|| CONFUSIONS.first_in(lang, rest))
    {
        return Some(w);
    }
    // The verdict opening the next sentence (`Verdict: FALSE.`, `No
    // evidence.`): its first words; or a refutation anywhere in it ("The
    // air force's numbers do not support that.").
    let (n0, n1) = *a.sentences.get(sentence + 1)?;
    verdicts
        .iter()
        .copied()
        .find(|w| a.phrase_at(n0 as usize, n1 as usize, w))
        .or_else(|| REFUTATIONS.first_in(lang, a.words_of(n0 as usize..n1 as usize)))
}

/// The style guide's label that shows sentence `sentence` as a wording to
/// avoid, if one: at its head ("Wrong: Russia launched 450 drones"), or in
/// the line leading in to the list it is an item of ("Do not write:").
fn wrong_wording(lang: &str, a: &Analysis, sentence: usize) -> Option<&'static str> {
    use crate::{english::vocab as en, french::vocab as fr};
    let labels = match lang {
        "en" => en::WRONG_WORDINGS,
        _ => fr::WRONG_WORDINGS,
    };
    let (s0, s1) = a.sentences[sentence];
    let (s0, s1) = (s0 as usize, s1 as usize);
    // A label followed by its colon: "Wrong: …", not "Avoid central Kyiv…".
    let labelled = |at: usize, end: usize, w: &str| {
        let n = w.split(' ').count();
        a.phrase_at(at, end, w) && a.tokens.get(at + n).is_some_and(|t| t.after_colon)
    };
    if let Some(w) = labels.iter().copied().find(|w| labelled(s0, s1, w)) {
        return Some(w);
    }
    // The line leading in to a list is the label alone ("Do not write:").
    let (l0, l1) = list_lead_in(a, s0)?;
    labels
        .iter()
        .copied()
        .find(|w| a.phrase_at(l0, l1, w) && w.split(' ').count() == l1 - l0)
}

/// The paragraph that leads in to the list whose item holds token `s0`:
/// the nearest one before it that is no item. `None` when `s0` is in no
/// list.
fn list_lead_in(a: &Analysis, s0: usize) -> Option<(usize, usize)> {
    let paragraph = a.tokens[s0].paragraph as usize;
    if !a.list_item.get(paragraph).copied().unwrap_or(false) {
        return None;
    }
    let lead_in = (0..paragraph).rev().find(|&p| !a.list_item[p])?;
    let (l0, l1) = a.paragraphs[lead_in];
    Some((l0 as usize, l1 as usize))
}

/// The quiz prompt that puts sentence `sentence` to the reader, if one:
/// at its head (« Vrai ou faux : … »), alone in the sentence before it in
/// its paragraph ("True or false? Russia has accepted…"), or in the quiz's
/// line that leads in to the list it is an item of.
fn quiz_prompt(lang: &str, a: &Analysis, sentence: usize) -> Option<&'static str> {
    use crate::{english::vocab as en, french::vocab as fr};
    let (prompts, quiz_words) = match lang {
        "en" => (en::QUIZ_PROMPTS, en::QUIZ_WORDS),
        _ => (fr::QUIZ_PROMPTS, fr::QUIZ_WORDS),
    };
    let (s0, s1) = a.sentences[sentence];
    let (s0, s1) = (s0 as usize, s1 as usize);
    if let Some(w) = prompts.iter().copied().find(|w| a.phrase_at(s0, s1, w)) {
        return Some(w);
    }
    // The sentence before is the prompt alone, or an item's number and it
    // (« 5. Vrai ou faux ? »): "Was the figure true or false?" asks of a
    // figure, and the sentence after it answers.
    let before = sentence
        .checked_sub(1)
        .and_then(|k| a.sentences.get(k))
        .map(|&(p0, p1)| (p0 as usize, p1 as usize));
    if let Some((p0, p1)) = before.filter(|&(p0, p1)| p1 > p0 && a.tokens[p0].paragraph == a.tokens[s0].paragraph) {
        let numbered = |j: usize| a.word(j).bytes().all(|b| b.is_ascii_digit());
        let found = prompts.iter().copied().find(|w| {
            let n = w.split(' ').count();
            p1 >= p0 + n && a.phrase_at(p1 - n, p1, w) && (p1 - n == p0 || (p1 - n == p0 + 1 && numbered(p0)))
        });
        if found.is_some() {
            return found;
        }
    }
    // An item of a list that a quiz's lead-in puts to the reader ("Eight
    // statements: decide whether each is true or false. 1. … 2. …"); the
    // answers' list has its own heading.
    let (l0, l1) = list_lead_in(a, s0)?;
    static PROMPTS: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(fr::QUIZ_PROMPTS, en::QUIZ_PROMPTS));
    let quiz = (l0..l1).any(|j| quiz_words.contains(&a.word(j)));
    PROMPTS.first_in(lang, a.words_of(l0..l1)).filter(|_| quiz)
}

/// The phrase of a correction notice in the sentence, if one: "an earlier
/// version of this article stated…", « nous indiquions par erreur… », "the
/// article also said…". Every rule leaves such a sentence out (its figures
/// are the ones withdrawn), whatever its frame's words.
fn retraction(lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<&'static str> {
    // Every phrase of a language in one automaton: one pass over the
    // sentence's folded words per claim.
    static NOTICES: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
        Phrases::new(crate::french::vocab::RETRACTIONS, crate::english::vocab::RETRACTIONS)
    });
    NOTICES.first_in(lang, a.words_of(range))
}

/// The verb of taking place (« aura lieu », "takes place") that alone
/// meets a `passage` group of the date's sentence (and the one before),
/// when its subject is another noun: "The solidarity evening takes place
/// on Saturday 26 July" is the evening's day, not the talks'. The subject
/// is the words from the clause's start to the verb, the value's aside; it
/// is the frame's when it holds a word of the frame's groups or a pronoun
/// (`It takes place`, « qui aura lieu »).
fn other_subject(frame: &Frame, lang: &str, a: &Analysis, first: usize, last: usize) -> Option<&'static str> {
    use crate::{english::vocab as en, french::vocab as fr};
    let (verbs, pronouns) = match lang {
        "en" => (en::EVENT_VERBS, en::SUBJECT_PRONOUNS),
        _ => (fr::EVENT_VERBS, fr::SUBJECT_PRONOUNS),
    };
    let (s0, s1) = a.sentence_of(first);
    let (q0, _) = a.passage_of(s0);
    let (at, verb) = (s0..s1).find_map(|j| verbs.iter().find(|v| a.phrase_at(j, s1, v)).map(|v| (j, *v)))?;
    let verb_end = at + verb.split(' ').count();
    // Another word of the event stands in the passage: the verb is not alone.
    let alone = frame
        .passage
        .iter()
        .any(|g| find_at(g, lang, a, q0..at).is_none() && find_at(g, lang, a, verb_end..s1).is_none());
    if !alone {
        return None;
    }
    let clause = (s0..at).rev().find(|&j| a.tokens[j].after_comma).unwrap_or(s0);
    let subject: Vec<usize> = (clause..at).filter(|&j| j < first || j >= last).collect();
    // No subject before the verb (« Samedi aura lieu la séance »): not
    // known to be another's.
    if subject.is_empty() {
        return None;
    }
    let frames = frame.sentence.iter().chain(&frame.passage);
    for j in subject {
        if pronouns.contains(&a.word(j)) || frames.clone().any(|g| find_at(g, lang, a, j..j + 1).is_some()) {
            return None;
        }
    }
    Some(verb)
}

/// Whether token `first` stands in a reporter's turn of a transcript: its
/// paragraph opens with a questioner's label and a colon (`Q:`, `Q
/// (radio) :`, « QUESTION : »), and no other speaker's label
/// (`A:`, « Le porte-parole : ») opens a sentence between it and the value.
/// A reporter's
/// question often carries a figure the answer corrects ("You said 500
/// drones—"), and the facts it states are the reporter's, not the
/// briefer's.
fn question_turn(a: &Analysis, p0: usize, first: usize) -> bool {
    // Not "Reporter:" nor « Journaliste : », which in a broadcast's
    // transcript is the outlet's own correspondent.
    const ASKERS: &[&str] = &["q", "question"];
    const ANSWERS: &[&str] = &["a", "r", "reponse", "answer"];
    // The label, then a colon within a few words (an outlet or a name in
    // parentheses between): the token after it follows the colon.
    let labelled = |j: usize, labels: &[&str]| {
        labels.contains(&a.word(j)) && (j + 1..(j + 5).min(a.tokens.len())).any(|k| a.tokens[k].after_colon)
    };
    if first <= p0 || !labelled(p0, ASKERS) {
        return false;
    }
    // A briefing's reporter, not an interview's own questions (whose
    // statements are the outlet's: "Q: This came after two earlier rounds.
    // Is there any momentum?"): the label names the reporter's outlet (`Q
    // (radio) :`), or the turn opens with a greeting or a name, a sentence
    // of a few words (« Q : Bonjour. », "Q: Giulia, RadioTre Europa.").
    let Some(after) = (p0 + 1..(p0 + 5).min(a.tokens.len())).find(|&k| a.tokens[k].after_colon) else {
        return false;
    };
    let (_, opening_end) = a.sentence_of(after);
    // (`Q&A:`, « Q/R : » name a page's format, not a reporter.)
    let outlet_named = after > p0 + 1 && !matches!(a.word(p0 + 1), "a" | "r");
    let briefing = outlet_named || (opening_end <= first && opening_end - after <= 4);
    if !briefing {
        return false;
    }
    // The turn ends where a sentence opens with another speaker's label, a
    // few words and a colon (« **Le porte-parole :** », `A:`, `MS.
    // LEAVITT:`): from there on, the briefer's words.
    !(p0 + 1..=first).any(|j| {
        a.tokens[j - 1].sentence != a.tokens[j].sentence
            && (labelled(j, ANSWERS) || (j + 1..(j + 5).min(first + 1)).any(|k| a.tokens[k].after_colon))
    })
}

/// Whether a length in words follows the date whose words end before
/// token `last`, only punctuation between: a news agency's advisory tells
/// when it files a story (`Preview Thursday, 450 words`, « papier
/// mercredi, 600 mots »).
fn filing(a: &Analysis, last: usize) -> bool {
    let (_, end) = a.sentence_of(last.saturating_sub(1));
    let figure = |j: usize| j < end && a.word(j).bytes().all(|b| b.is_ascii_digit()) && !a.word(j).is_empty();
    let words = |j: usize| j < end && matches!(a.word(j), "words" | "mots");
    // `450 words`, `800-900 words`.
    (figure(last) && words(last + 1)) || (figure(last) && figure(last + 1) && words(last + 2))
}

/// Whether the date `m` (tokens `first..last`) is in the English
/// possessive, `Thursday's papers`, or a weekday set before a noun after a
/// determiner, `Zelensky's Saturday proposal`, `the Monday briefing`, and
/// the noun it dates is none of the frame's words (`Wednesday's talks`,
/// `the Wednesday talks` are the talks' date).
fn possessive_of_another_noun(frame: &Frame, lang: &str, a: &Analysis, m: &Mention, first: usize, last: usize) -> bool {
    // `'s` (or `’s`): the token `s` right after the value, an apostrophe
    // between.
    // Only the apostrophe itself between: `'` or `’` (not the comma and
    // space of « 23 juillet 2025, s'est tenu »).
    let apostrophe = |j: usize| {
        a.tokens.get(j).is_some_and(|t| {
            a.word(j) == crate::english::vocab::POSSESSIVE
                && matches!((t.start as usize).checked_sub(m.end), Some(1) | Some(3))
        })
    };
    if lang == "fr" || last >= a.tokens.len() {
        return false;
    }
    let noun = match apostrophe(last) {
        true if last + 1 < a.tokens.len() => last + 1,
        true => return false,
        false if attributive_weekday(a, first, last) => last,
        false => return false,
    };
    // The noun, or the word after it when the first is a modifier
    // ("Wednesday's Istanbul talks", "Wednesday's planned talks"), or the
    // one after that when the second is an ordinal ("Wednesday's brief
    // third round"), unless a mark of punctuation ends the phrase first.
    let same_phrase = |t: &crate::search::text::Token| !t.after_comma && t.sentence == a.tokens[noun].sentence;
    let ordinal = |j: usize| {
        crate::english::vocab::ORDINAL_WORDS
            .iter()
            .any(|(w, _)| *w == a.word(j))
    };
    let mut end = noun + 1;
    while end < noun + 3 && a.tokens.get(end).is_some_and(same_phrase) {
        end += 1;
        if !ordinal(end - 1) {
            break;
        }
    }
    let sets = frame
        .near
        .iter()
        .map(|n| &n.words)
        .chain(&frame.sentence)
        .chain(&frame.passage);
    !sets.into_iter().any(|set| {
        a.hits_in(noun..end)
            .iter()
            .any(|&(_, id)| set.word_for(id, lang).is_some())
    })
}

/// Whether the weekday alone at tokens `first..last` stands before a word
/// of its phrase, after a possessive or a determiner (`Zelensky's Saturday
/// proposal`, `his Monday address`): it qualifies that word as an
/// adjective would. (`this Saturday`, `that Monday` are dates of their
/// own, and `on Saturday, Zelensky` ends the phrase at its comma.)
fn attributive_weekday(a: &Analysis, first: usize, last: usize) -> bool {
    const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our", "s"];
    last == first + 1
        && first > 0
        && crate::english::vocab::WEEKDAYS.contains(&a.word(first))
        && DETERMINERS.contains(&a.word(first - 1))
        && !a.tokens[last].after_comma
        && a.tokens[last].sentence == a.tokens[first].sentence
        && a.word(last).chars().all(|c| c.is_alphabetic())
        && {
            // A noun, not a word of the clause (`the Wednesday after the
            // summit`, `a Saturday when…`).
            use crate::english::vocab as en;
            let w = a.word(last);
            !en::FUNCTION_WORDS.contains(&w)
                && !en::OTHER_EVENT_MARKERS.contains(&w)
                && !matches!(
                    w,
                    "when" | "while" | "as" | "we" | "he" | "she" | "they" | "it" | "i" | "you"
                )
        }
}

/// Whether the date whose first token is `first` qualifies a noun that is
/// none of the frame's words, with `de`: « votre dossier de jeudi »,
/// « l'annonce de lundi » (a paper's or a statement's day), not « la
/// réunion de mercredi ». The noun must follow a determiner, so that « à
/// partir de mercredi » is not one.
fn of_another_noun(frame: &Frame, lang: &str, a: &Analysis, first: usize) -> bool {
    use crate::french::vocab::NOUN_DETERMINERS;
    // The preposition: before the date, or its first word (« du 24
    // juillet » may be read whole).
    let of = match a.word(first) {
        "du" | "de" | "of" => first,
        _ => first.saturating_sub(1),
    };
    if of < 2 {
        return false;
    }
    let noun = of - 1;
    // « l'édition du 22 juillet » too; and in English a possessive's
    // "of": "our story of 24 July" (not "the evening of 21 July", whose
    // noun may be the fact's own time).
    let english =
        lang == "en" && a.word(of) == "of" && matches!(a.word(noun - 1), "our" | "your" | "their" | "this" | "that");
    let french =
        lang == "fr" && matches!(a.word(of), "de" | "d" | "du") && NOUN_DETERMINERS.contains(&a.word(noun - 1));
    let same_phrase = (noun..=of).all(|j| !a.tokens[j].after_comma || j == noun);
    if !(english || french) || !same_phrase {
        return false;
    }
    let mut sets = frame
        .near
        .iter()
        .map(|n| &n.words)
        .chain(&frame.sentence)
        .chain(&frame.passage);
    !sets.any(|set| {
        a.hits_in(noun..noun + 1)
            .iter()
            .any(|&(_, id)| set.word_for(id, lang).is_some())
    })
}

/// Where the value `m` (tokens `first..last`) stands in a change said in
/// one phrase: `de`/`from` right before it, `à`/`to` right after it and
/// another value right after that (`de 50 jours à 12 jours`, `from 50 days
/// to 10-12 days`): its earlier end; after `à`/`to` that follows such an
/// earlier end: its later end. (`de 10 à 12 jours` is one value, a range.)
/// The same in the mirrored order, the new value first (`ramené à 12 jours
/// le délai de 50 jours`, `extended to 60 days from 50 days`): the value
/// after `à`/`to` is the later end when a value after `de`/`from` follows
/// within [`MIRRORED_GAP`] words, and that one the earlier end.
fn change_end(a: &Analysis, m: &Mention, others: &[Mention], first: usize, last: usize) -> Option<ChangeEnd> {
    use crate::{english::vocab as en, french::vocab as fr};
    let is = |j: usize, words: [&[&str]; 2]| word_in(a, j, words);
    let (from, to) = ([fr::CHANGE_FROM, en::CHANGE_FROM], [fr::CHANGE_TO, en::CHANGE_TO]);
    let tokens_of = |o: &Mention| {
        (
            a.token_at(o.start),
            a.tokens.partition_point(|t| (t.start as usize) < o.end),
        )
    };
    let at = others.partition_point(|o| o.start < m.start);
    let next = others[at..].iter().find(|o| o.start >= m.end);
    let previous = others[..at].iter().rev().find(|o| o.end <= m.start);
    let after_from = first > 0 && is(first - 1, from);
    let after_to = first > 0 && is(first - 1, to);
    // The earlier end: the next value starts right after `à`/`to`.
    if after_from && is(last, to) && next.is_some_and(|o| a.token_at(o.start) == last + 1) {
        return Some(ChangeEnd::From);
    }
    // Mirrored: a value after `à`/`to` ends a few words before `de`/`from`.
    if after_from
        && previous.map(tokens_of).is_some_and(|(p_first, p_last)| {
            p_first > 0 && is(p_first - 1, to) && (p_last..first).len() <= MIRRORED_GAP + 1
        })
    {
        return Some(ChangeEnd::From);
    }
    if after_to
        && next.map(tokens_of).is_some_and(|(n_first, _)| {
            n_first > last && is(n_first - 1, from) && (last..n_first).len() <= MIRRORED_GAP + 1
        })
    {
        return Some(ChangeEnd::To);
    }
    if changed_object(a, others, m, first).is_some() || follows_in_sequence(a, others, m, first).is_some() {
        return Some(ChangeEnd::To);
    }
    // The later end: the value before ends right before `à`/`to`, and is
    // an earlier end.
    let (p_first, p_last) = tokens_of(previous?);
    (after_to && p_last + 1 == first && p_first > 0 && is(p_first - 1, from)).then_some(ChangeEnd::To)
}

/// The value of the kind just before `m` in its sentence (`others`, in
/// order), with its first token and the token after it.
fn value_before<'m>(a: &Analysis, others: &'m [Mention], m: &Mention) -> Option<(&'m Mention, usize, usize)> {
    let at = others.partition_point(|o| o.start < m.start);
    let previous = others[..at].iter().rev().find(|o| o.end <= m.start)?;
    let p_first = a.token_at(previous.start);
    let p_last = a.tokens.partition_point(|t| (t.start as usize) < previous.end);
    Some((previous, p_first, p_last))
}

/// How many words may stand between a change's verb and the earlier value
/// in its object (`cut the 50-day deadline`, `cut the EU's 50-day…`, «
/// ramener les cinquante jours »).
const CHANGE_VERB_REACH: usize = 4;

/// How many words the object of a change may hold after its earlier value,
/// up to `to`/`à` (`the 50-day window he had announced on 14 July`).
const CHANGED_OBJECT_WORDS: usize = 10;

/// The tokens of the earlier value when the value `m` (first token
/// `first`) ends a change told by its verb and its object: a change verb,
/// the object that holds the earlier value and what it was (`cut the
/// 50-day deadline he set on 14 July to 10 or 12 days`, « a ramené les
/// cinquante jours accordés le 14 juillet à dix ou douze jours »), then
/// `to`/`à` right before the value, in one clause. What the object says of
/// the earlier value (its day, who set it) is not said of this one.
fn changed_object(a: &Analysis, others: &[Mention], m: &Mention, first: usize) -> Option<(usize, usize)> {
    use crate::{english::vocab as en, french::vocab as fr};
    if first == 0 || !word_in(a, first - 1, [fr::CHANGE_TO, en::CHANGE_TO]) {
        return None;
    }
    let (_, p_first, p_last) = value_before(a, others, m)?;
    let verb = (p_first.saturating_sub(CHANGE_VERB_REACH)..p_first)
        .any(|j| word_in(a, j, [fr::CHANGE_VERBS, en::CHANGE_VERBS]));
    let one_clause = p_last < first
        && first - p_last <= CHANGED_OBJECT_WORDS + 1
        && (p_last..first).all(|k| !a.tokens[k].after_semicolon && !a.tokens[k].after_colon);
    (verb && one_clause).then_some((p_first, p_last))
}

/// The tokens of the value before `m` (first token `first`) when `m`
/// follows it in a sequence of two states: `50 days, then 10 or 12 days`,
/// « 50 jours, puis dix à douze jours », « puis à dix jours »: a value of
/// the same kind, then only `then`/`puis`/`ensuite` (and `à`/`to`, `and`).
/// The later state is told with the earlier one's words.
fn follows_in_sequence(a: &Analysis, others: &[Mention], m: &Mention, first: usize) -> Option<(usize, usize)> {
    const THEN: &[&str] = &["then", "puis", "ensuite"];
    const GLUE: &[&str] = &["and", "et", "to", "a"];
    let (_, p_first, p_last) = value_before(a, others, m)?;
    let between = p_last..first;
    let told_then = !between.is_empty()
        && between.len() <= 3
        && between.clone().any(|k| THEN.contains(&a.word(k)))
        && between
            .clone()
            .all(|k| THEN.contains(&a.word(k)) || GLUE.contains(&a.word(k)))
        && between
            .clone()
            .all(|k| !a.tokens[k].after_semicolon && !a.tokens[k].after_colon);
    told_then.then_some((p_first, p_last))
}

/// A word of `near` in the object of a change (tokens `range`, see
/// [`changed_object`]) that is a name: another party whose deadline is
/// changed (`cut the EU's 50-day deadline to 10 days`, `the 50-day deadline
/// he gave Iran`). What the object says of the earlier value in common
/// words (`his original`, `he set`, `on 14 July`) is not the change's.
fn named_in_object<'w>(
    near: &'w Near,
    lang: &str,
    a: &Analysis,
    range: std::ops::Range<usize>,
) -> Option<(usize, &'w Word)> {
    a.hits_in(range).iter().find_map(|&(token, id)| {
        let word = near.words.word_for(id, lang)?;
        let named = (token as usize..token as usize + word.tokens.len()).any(|k| {
            let w = a.word(k);
            a.tokens[k].capitalised && !w.bytes().any(|b| b.is_ascii_digit()) && !super::values::is_month_name(w)
        });
        // A sentence's first word is capitalised too.
        let opens = a.sentence_of(token as usize).0 == token as usize;
        (named && !opens).then_some((token as usize, word))
    })
}

/// A speaker's correction of the words just said, if one starts within
/// [`SELF_CORRECTION_REACH`] words after token `end` (the value's and its
/// unit's end), in its sentence or the next: « quatre cent cinquante
/// drones — non, pardon, … », "sixty days? Sorry, fifty". A transcript
/// keeps what a speaker takes back; the outlet does not claim it.
fn self_corrected(lang: &str, a: &Analysis, end: usize) -> Option<&'static str> {
    let markers = match lang {
        "en" => crate::english::vocab::SELF_CORRECTIONS,
        _ => crate::french::vocab::SELF_CORRECTIONS,
    };
    let words: Vec<&str> = (end..(end + SELF_CORRECTION_REACH + 3).min(a.tokens.len()))
        .map(|i| a.word(i))
        .collect();
    (0..SELF_CORRECTION_REACH.min(words.len())).find_map(|at| {
        markers.iter().copied().find(|m| {
            let tokens: Vec<&str> = m.split(' ').collect();
            words.get(at..at + tokens.len()) == Some(tokens.as_slice())
        })
    })
}

/// Whether a value of `others` starts at token `at`.
fn figure_at(a: &Analysis, others: &[Mention], at: usize) -> bool {
    at < a.tokens.len() && {
        let start = a.tokens[at].start as usize;
        others.iter().any(|o| o.start == start)
    }
}

/// Where a later sentence denies the figure of the value on tokens
/// `first..last` (its unit ending at `unit_end`): a negation and the same
/// figure ("not 60", « pas 60 », « et non 60 »), then the end of the
/// clause or the value's own unit ("not 100 days"), in the sentences that
/// follow, up to the end of the second paragraph after the value's. An
/// error corrected further on ("@a: le délai était de 60 jours" / "@b:
/// non, 50 jours, pas 60") is no claim. Another unit ("not 50 weeks")
/// denies something else.
fn denied_later(a: &Analysis, first: usize, last: usize, unit_end: usize) -> Option<&'static str> {
    const NEGATIONS: &[&str] = &["not", "pas", "non", "never", "jamais"];
    // One figure, with its unit after it in its words (a length's, `60
    // jours`) or not (a count's).
    let unit = match last - first {
        1 => (unit_end > last).then(|| a.word(unit_end - 1)),
        2 => Some(a.word(first + 1)),
        _ => return None,
    };
    let figure = a.word(first);
    let (_, s1) = a.sentence_of(first);
    let p = a.tokens[first].paragraph as usize;
    let end = a.paragraphs[(p + 2).min(a.paragraphs.len() - 1)].1 as usize;
    (s1..end.saturating_sub(1)).find_map(|j| {
        let negation = NEGATIONS.iter().copied().find(|n| *n == a.word(j))?;
        if a.word(j + 1) != figure || a.tokens[j + 1].after_comma {
            return None;
        }
        let after = j + 2;
        let closes = after >= end
            || a.tokens[after].sentence != a.tokens[j + 1].sentence
            || a.tokens[after].after_comma
            || a.tokens[after].after_colon;
        (closes || unit == Some(a.word(after))).then_some(negation)
    })
}

/// How many words after a value a speaker's correction may start.
const SELF_CORRECTION_REACH: usize = 3;

/// The earlier end of the change whose later end is `m` (tokens
/// `first..last`), said in that order (`de 50 jours à 12 jours`, `from 50
/// days to 10`), or the length whose unit `m` takes ("gave Moscow 50
/// days, then cut that to ten"): the value and its tokens.
fn earlier_end<'m>(
    a: &Analysis,
    m: &Mention,
    others: &'m [Mention],
    first: usize,
    last: usize,
) -> Option<(&'m Mention, usize, usize)> {
    if let Some((unit, _)) = m.borrowed_unit {
        let previous = others
            .iter()
            .find(|o| o.start <= unit && unit < o.end && o.end <= m.start)?;
        let p_first = a.token_at(previous.start);
        let p_last = a.tokens.partition_point(|t| (t.start as usize) < previous.end);
        return Some((previous, p_first, p_last));
    }
    if change_end(a, m, others, first, last) != Some(ChangeEnd::To) {
        return None;
    }
    let (previous, p_first, p_last) = value_before(a, others, m)?;
    // Not the mirrored order (`ramené à 12 jours le délai de 50 jours`),
    // where the earlier end comes after.
    (p_last < first).then_some((previous, p_first, p_last))
}

/// Whether the count `m` (from token `first`), or the count of the length
/// `m`, is only vague words, with no figure: `plusieurs`, `quelques`, `a
/// few`, `dozens` (but `une dizaine`, `a dozen`, `several hundred` name a
/// figure).
fn vague_count(a: &Analysis, m: &Mention, first: usize) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    // Articles and `of` join vague words; by themselves they are no count.
    const JOINING: &[&str] = &["a", "of", "des", "de", "d"];
    let mut end = a.tokens.partition_point(|t| (t.start as usize) < m.value_end);
    // A length's last word is its unit (`a few days`): the rest is its count.
    if m.placeholder == crate::french::Placeholder::Duration {
        end = end.saturating_sub(1).max(first);
    }
    let words = || (first..end).map(|j| a.word(j));
    words().all(|w| fr::VAGUE_COUNT_WORDS.contains(&w) || en::VAGUE_COUNT_WORDS.contains(&w))
        && words().any(|w| !JOINING.contains(&w))
}

/// Whether the count on tokens `first..last` is English "one" standing for
/// a noun said before: after an adjective of order ("the first one, on May
/// 16", "the other one"), or after a determiner that picks one thing out
/// with no noun after it ("that one.", "each one of them"). "Only one
/// round", "one round" and "officials said that one person died" are
/// counts.
fn pronoun_one(a: &Analysis, first: usize, last: usize) -> bool {
    // An adjective of order or sameness makes it a pronoun whatever follows
    // ("the first one produced a swap").
    const ORDERING: &[&str] = &[
        "first", "second", "third", "fourth", "last", "next", "previous", "latest", "another", "other", "same",
    ];
    // A determiner does only when no noun follows: "that one." is a
    // pronoun, "said that one person was killed" a count.
    const PICKING: &[&str] = &["this", "that", "each", "every", "which", "any"];
    if last != first + 1 || a.word(first) != "one" || first == 0 {
        return false;
    }
    if a.tokens[first - 1].sentence != a.tokens[first].sentence {
        return false;
    }
    let before = a.word(first - 1);
    let ends = last >= a.tokens.len()
        || a.tokens[last].sentence != a.tokens[first].sentence
        || a.tokens[last].after_comma
        || a.tokens[last].after_colon
        || a.tokens[last].after_semicolon
        || a.word(last) == "of";
    ORDERING.contains(&before) || (PICKING.contains(&before) && ends)
}

/// Whether the duration that starts at token `first` says how often
/// (`every two weeks`, « tous les quinze jours », « toutes les 48 heures »):
/// the words right before it, in its sentence.
fn frequency(a: &Analysis, first: usize) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    let sentence = a.tokens[first].sentence;
    [fr::FREQUENCY, en::FREQUENCY]
        .iter()
        .flat_map(|l| l.iter())
        .any(|phrase| {
            let n = phrase.split(' ').count();
            first >= n && a.tokens[first - n].sentence == sentence && a.phrase_at(first - n, first, phrase)
        })
}

/// Whether the value `m` (from token `first`) is the second of two values
/// joined by `et` / `and`, and the unit found for it (ending before token
/// `unit_end`) the first of two nouns joined the same way: « 2 et 16 : les
/// morts et les blessés », `426 and 24: drones and missiles`. The values go
/// with the nouns in turn, so this one is the second noun's.
fn respective(a: &Analysis, m: &Mention, others: &[Mention], first: usize, unit_end: usize) -> bool {
    let and = |j: usize| j < a.tokens.len() && matches!(a.word(j), "et" | "and");
    if first < 2 || !and(first - 1) || !and(unit_end) {
        return false;
    }
    // The value before `et`: one that ends on the token before it.
    let before = a.tokens[first - 2];
    others
        .iter()
        .any(|o| o.start != m.start && o.end > before.start as usize && o.end <= a.tokens[first - 1].start as usize)
}

/// Whether token `j` is one of `words` (a list per language).
fn word_in(a: &Analysis, j: usize, words: [&[&str]; 2]) -> bool {
    j < a.tokens.len() && words.iter().any(|w| w.contains(&a.word(j)))
}

/// Whether the value `m` (from token `first`) is the last of alternatives
/// said as a list: a figure right before it, a comma alone between, that
/// is smaller and at least half of it (« une nouvelle date butoir : 10, 12
/// jours »). Not a day before it (« le 14, 50 jours plus tôt », "until
/// August 8, ten days from today"), nor a figure of another size ("in
/// 2022, 12 days").
fn comma_alternative(a: &Analysis, lang: &str, m: &Mention, first: usize) -> bool {
    let Some(before) = first.checked_sub(1) else {
        return false;
    };
    if !a.tokens[first].after_comma_alone || a.tokens[before].sentence != a.tokens[first].sentence {
        return false;
    }
    // A total after a per-side count ("each side freed 500, 1,000 in
    // all"): `restated_total` reads it.
    let (_, s1) = a.sentence_of(first);
    if (first..(first + 5).min(s1)).any(|j| TOTAL_AFTER.iter().any(|t| a.phrase_at(j, s1, t))) {
        return false;
    }
    // The figure is a day: after an article (« le 14 »), or a month a few
    // words before it ("August 8, ten days", "July 20 to 21, 24 missiles").
    let same = |k: usize| a.tokens[k].sentence == a.tokens[first].sentence;
    let dated = before
        .checked_sub(1)
        .is_some_and(|k| same(k) && matches!(a.word(k), "le" | "du" | "au" | "on" | "the"))
        || (before.saturating_sub(3)..before).any(|k| same(k) && crate::language::month_number(a.word(k)).is_some());
    if dated {
        return false;
    }
    let word = a.word(before);
    // Most words before a comma are no figure: asked before any reading.
    if !(word.bytes().all(|b| b.is_ascii_digit()) || super::values::is_number_word(word)) {
        return false;
    }
    let figure = exact_words(lang, crate::french::Placeholder::Count, word);
    match (figure, exact_value(a, lang, m)) {
        (Some(n), Some(v)) => n < v && v <= 2.0 * n,
        _ => false,
    }
}

/// Whether the range on tokens `first..last` (`d'un à deux`, `from one to
/// two`) follows a verb of change: « le bilan est passé d'un à deux morts ».
fn change_as_range(a: &Analysis, first: usize, last: usize) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    let is = |j: usize, words: [&[&str]; 2]| word_in(a, j, words);
    first > 0
        // (« d'un » folds to `d un`.)
        && (is(first, [fr::CHANGE_FROM, en::CHANGE_FROM]) || a.word(first) == "d")
        && (first + 1..last).any(|j| is(j, [fr::CHANGE_TO, en::CHANGE_TO]))
        && is(first - 1, [fr::CHANGE_VERBS, en::CHANGE_VERBS])
}

/// The item of token `first` in sentence `s0..s1` when the sentence is a
/// list whose items semicolons part (two at least); else the sentence.
fn list_item(a: &Analysis, first: usize, s0: usize, s1: usize) -> (usize, usize) {
    let parted = |k: usize| a.tokens[k].after_semicolon;
    if (s0 + 1..s1).filter(|&k| parted(k)).count() < 2 {
        return (s0, s1);
    }
    let start = (s0 + 1..=first).rev().find(|&k| parted(k)).unwrap_or(s0);
    let end = (first + 1..s1).find(|&k| parted(k)).unwrap_or(s1);
    (start, end)
}

/// How many words a figure's fragment may hold: a label, the figure and
/// its unit (« Le chiffre de la semaine : 450. », "Fifty days.").
const FRAGMENT_WORDS: usize = 10;

/// Where the sentence that starts at token `at` ends, and where its words
/// start past its opener, when it opens by restating the sentence before
/// it: « C'est… », « Ce sont… », "That is…", "It was…". `None` otherwise,
/// or at the end of a paragraph.
fn restating_sentence(a: &Analysis, at: usize) -> Option<(usize, usize)> {
    const OPENERS: &[&str] = &[
        "c est",
        "ce sont",
        "c etait",
        "c etaient",
        "ce fut",
        "ce sera",
        "that is",
        "that s",
        "that was",
        "this is",
        "this was",
        "it is",
        "it was",
        "those are",
        "these are",
    ];
    if at == 0 || at >= a.tokens.len() || a.tokens[at].paragraph != a.tokens[at - 1].paragraph {
        return None;
    }
    let (n0, n1) = a.sentence_of(at);
    let opener = OPENERS.iter().find(|o| n0 == at && a.phrase_at(n0, n1, o))?;
    Some((n1, n0 + opener.split(' ').count()))
}

/// A figure that stands alone in its sentence, but for its unit and a
/// label before a colon, and that the next sentence restates: « Cinquante
/// jours. C'est le délai que Donald Trump a accordé… », "Le chiffre : 450.
/// C'est le nombre de drones et de missiles…", "Four hundred and
/// twenty-six. That is how many drones…". The sentence after it is its
/// context: where that one ends, and where a unit told in it may start
/// (past « le nombre de », "how many").
fn restated(a: &Analysis, s0: usize, first: usize, last: usize, s1: usize) -> Option<(usize, usize)> {
    const GLOSSES: &[&str] = &[
        "le nombre de",
        "le nombre d",
        "le nombre des",
        "les",
        "how many",
        "the number of",
    ];
    if s1 > last + 2 || s1 - s0 > FRAGMENT_WORDS || (first != s0 && !a.tokens[first].after_colon) {
        return None;
    }
    let (end, opener) = restating_sentence(a, s1)?;
    let at = GLOSSES
        .iter()
        .find(|g| a.phrase_at(opener, end, g))
        .map_or(opener, |g| opener + g.split(' ').count());
    Some((end, at))
}

/// How many words of a key figure's gloss stand at token `at`, right after
/// a value and a colon: « le nombre de », "the number of" (a fact box's
/// « 2 : le nombre de séances tenues »).
fn key_figure_gloss(a: &Analysis, at: usize, end: usize) -> usize {
    const GLOSSES: &[&str] = &[
        "le nombre de",
        "le nombre d",
        "le nombre des",
        "nombre de",
        "the number of",
        "number of",
        "the total of",
    ];
    if at >= end || !a.tokens[at].after_colon {
        return 0;
    }
    GLOSSES
        .iter()
        .find(|g| a.phrase_at(at, end, g))
        .map_or(0, |g| g.split(' ').count())
}

/// Whether the small count on tokens `first..last` stands for its unit
/// named just before (the noun left out): « au troisième round, comme lors
/// des deux précédents », "This will be the third round. The first two,
/// on May 16 and June 2, …", "following the two earlier ones". An
/// adjective of order stands beside the count (`first`, `previous`,
/// « précédents », « premiers »), then `ones` or nothing that could be the
/// noun: the sentence or its clause ends, or a function word follows. The
/// unit must be named in the sentence before the count or in the sentence
/// before it. Only one to five, and only for a frame whose `range` is
/// such counts (`Frame::orders`): "the first 200" of a count of drones
/// leaves out a noun too often told of another thing.
fn elided_unit(frame: &Frame, lang: &str, a: &Analysis, first: usize, last: usize, s1: usize) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    const SMALL: &[&str] = &[
        "1", "2", "3", "4", "5", "one", "two", "three", "four", "five", "un", "une", "deux", "trois", "quatre", "cinq",
    ];
    if last != first + 1 || !SMALL.contains(&a.word(first)) {
        return false;
    }
    let order = |j: usize| word_in(a, j, [fr::ORDER_ADJECTIVES, en::ORDER_ADJECTIVES]);
    let before = first > 0 && order(first - 1) && !a.tokens[first].after_comma;
    let after = last < s1 && order(last) && !a.tokens[last].after_comma;
    if !before && !after {
        return false;
    }
    let mut next = if after { last + 1 } else { last };
    if next < s1 && !a.tokens[next].after_comma && matches!(a.word(next), "ones" | "one") {
        next += 1;
    }
    let noun_left_out =
        next >= s1 || a.tokens[next].after_comma || word_in(a, next, [fr::FUNCTION_WORDS, en::FUNCTION_WORDS]);
    if !noun_left_out {
        return false;
    }
    // The noun named before, in the plural or the singular: « au
    // troisième round ».
    let (q0, _) = a.passage_of(first);
    frame
        .unit
        .iter()
        .chain(&frame.antecedent)
        .any(|set| find_at(set, lang, a, q0..first).is_some())
}

/// Words (folded) that name a part of the count before them: « dont »,
/// "including".
const PARTITIVES: &[&str] = &[
    "dont",
    "parmi lesquels",
    "parmi lesquelles",
    "parmi eux",
    "parmi elles",
    "including",
    "of which",
    "among them",
    "among which",
];

/// Where a partitive word stands right before the value at token `first`
/// (at most two words before it, in its sentence), if one.
fn partitive_before(a: &Analysis, first: usize, s0: usize) -> Option<usize> {
    (first.saturating_sub(3).max(s0)..first).find(|&j| PARTITIVES.iter().any(|p| a.phrase_at(j, first, p)))
}

fn partitive(w: &Word) -> bool {
    let folded = w.tokens.join(" ");
    PARTITIVES.contains(&folded.as_str())
}

/// How many words before a partitive the whole's value may stand.
const WHOLE_REACH: usize = 20;

/// Whether the count right before the partitive word at token `j` (within
/// [`WHOLE_REACH`] words, in its sentence) is of a broader kind than the
/// frame's unit: no word of the unit after it, or one joined to another
/// noun ("450 drones and missiles", « 450 armes d'attaque aérienne »). A
/// whole of the unit's own kind ("426 drones, including 200 Shahed") makes
/// the part a subset, and the exclusion stands.
fn broader_whole(frame: &Frame, lang: &str, a: &Analysis, others: &[Mention], j: usize, s0: usize) -> bool {
    let Some(unit) = frame.needed_unit() else {
        return false;
    };
    let from = j.saturating_sub(WHOLE_REACH).max(s0);
    let Some(whole) = others.iter().rev().find(|o| {
        let k = a.token_at(o.start);
        k >= from && k < j && a.tokens.partition_point(|t| (t.start as usize) < o.end) <= j
    }) else {
        return false;
    };
    let end = a.tokens.partition_point(|t| (t.start as usize) < whole.end);
    match find_at(unit, lang, a, end..j) {
        None => true,
        Some((u, w)) => {
            let after = u + w.tokens.len();
            after < j && JOINING.contains(&a.word(after))
        }
    }
}

/// How many words a label before a colon may hold, its unit among them.
const LABEL_WORDS: usize = 10;

/// Whether the count on tokens `first..last` is a label's value, the unit
/// in the label: "Shahed-type drones: 426. Missiles: 24", "Aerial weapons
/// launched that night (air force figures): 450", « Missiles tirés : 24 ».
/// The value follows the colon at once and ends its item (the sentence, a
/// clause or an aside ends after it); the label runs back from the colon
/// to the previous colon or semicolon, at most [`LABEL_WORDS`] words, with
/// no other value in it after its unit.
#[allow(clippy::too_many_arguments)]
fn labelled(
    frame: &Frame,
    lang: &str,
    a: &Analysis,
    others: &[Mention],
    first: usize,
    last: usize,
    s0: usize,
    s1: usize,
) -> bool {
    let Some(unit) = frame.needed_unit() else {
        return false;
    };
    if first <= s0 || !a.tokens[first].after_colon {
        return false;
    }
    let ends = last >= s1 || a.tokens[last].after_comma || a.tokens[last].after_colon || a.tokens[last].after_semicolon;
    if !ends {
        return false;
    }
    let mut from = first - 1;
    while from > s0 && first - from < LABEL_WORDS && !a.tokens[from].after_colon && !a.tokens[from].after_semicolon {
        from -= 1;
    }
    unit_before(unit, lang, a, others, from..first)
}

/// Whether a word of `unit` stands in `range`, which ends at a value's
/// first token, with no other value between the nearest one and the value:
/// the unit a count told after it takes (a label's, a whole's).
fn unit_before(unit: &WordSet, lang: &str, a: &Analysis, others: &[Mention], range: std::ops::Range<usize>) -> bool {
    let first = range.end;
    let Some((j, _)) = nearest(unit, lang, a, range, first) else {
        return false;
    };
    let (unit_start, value_start) = (a.tokens[j].start as usize, a.tokens[first].start as usize);
    !others.iter().any(|o| o.start > unit_start && o.start < value_start)
}

/// Phrases (folded) that give a count for each side, right after it.
const DISTRIBUTIVE: &[&str] = &[
    "de chaque cote",
    "de chaque camp",
    "par camp",
    "par cote",
    "de part et d autre",
    "des deux cotes",
    "chacun",
    "chacune",
    "each",
    "apiece",
    "per side",
    "a side",
    "on each side",
    "on both sides",
    "from each side",
    "for each side",
];

/// How many words before a count given per side its unit may stand.
const DISTRIBUTED_REACH: usize = 12;

/// Whether the count on tokens `first..last`, with no unit after it, is
/// given per side right after it and has its unit before it in its
/// sentence, with no other value between: "2,000 prisoners were freed,
/// 1,000 on each side", « l'échange de prisonniers de mai (1 000 de chaque
/// côté) ». Only for a frame whose claims count one side (`role:
/// per_side`): elsewhere "each" shares a count out ("200 each at Kyiv and
/// Lviv" after "426 drones").
#[allow(clippy::too_many_arguments)]
fn distributed(
    frame: &Frame,
    lang: &str,
    a: &Analysis,
    others: &[Mention],
    first: usize,
    last: usize,
    s0: usize,
    s1: usize,
) -> bool {
    let Some(unit) = frame.needed_unit().filter(|_| frame.per_side) else {
        return false;
    };
    if !DISTRIBUTIVE.iter().any(|p| a.phrase_at(last, s1, p)) {
        return false;
    }
    unit_before(
        unit,
        lang,
        a,
        others,
        first.saturating_sub(DISTRIBUTED_REACH).max(s0)..first,
    )
}

/// Words that tell a count as the total of the figures before it, after it
/// ("450 in total", « 450 au total ») or before it ("a total of 450",
/// « soit 450 », "tot. 450"), folded.
const TOTAL_AFTER: &[&str] = &["in total", "in all", "all told", "altogether", "au total", "en tout"];
const TOTAL_BEFORE: &[&str] = &[
    "a total of",
    "in total",
    "in all",
    "total",
    "tot",
    "au total",
    "en tout",
    "soit",
    "un total de",
    "soit au total",
];

/// The words that join the two nouns of a unit told as a pair ("drones and
/// missiles", « drones et missiles »): the unit of a total.
pub const JOINING: &[&str] = &["and", "et"];

/// The words of such a unit that are no noun (« drones et de missiles »).
pub const LINKING: &[&str] = &["and", "et", "plus", "de", "d", "of"];

/// The most tokens between two figures of a list, or between the list and
/// its total: a unit with its adjective, a joining word, a verb
/// ("426 kamikaze drones and 24 missiles launched, tot. 450").
const TOTAL_GAP: usize = 5;

/// Whether the count on tokens `first..last`, with no unit of its own, is
/// told as the total of two counts just before it in its sentence: "426
/// drones and 24 missiles, 450 in total", « 426 drones et 24 missiles, soit
/// 450 ». Its unit is then the two counts' units joined, which the frame's
/// unit must name as a phrase ("drones and missiles": a word of it right
/// after each count, in order), and it must be their sum: a figure beside a
/// list that is not its sum tells of something else ("426 drones and 24
/// missiles; in total 2,000 this week"). Where the list starts, if so.
#[allow(clippy::too_many_arguments)]
fn total_of_list(
    frame: &Frame,
    lang: &str,
    a: &Analysis,
    m: &Mention,
    others: &[Mention],
    first: usize,
    last: usize,
    s0: usize,
    s1: usize,
) -> Option<usize> {
    let unit = frame.needed_unit()?;
    let after = TOTAL_AFTER.iter().any(|p| a.phrase_at(last, s1, p));
    let before = TOTAL_BEFORE.iter().find(|p| {
        let n = p.split(' ').count();
        first >= s0 + n && a.phrase_at(first - n, first, p)
    });
    if !after && before.is_none() {
        return None;
    }
    let gap_end = first - before.map_or(0, |p| p.split(' ').count());
    // The two counts before it, each with its tokens.
    let list: Vec<(&Mention, usize, usize)> = others
        .iter()
        .filter(|o| o.end <= m.start && o.placeholder == m.placeholder)
        .map(|o| {
            (
                o,
                a.token_at(o.start),
                a.tokens.partition_point(|t| (t.start as usize) < o.end),
            )
        })
        .filter(|&(_, j0, _)| j0 >= s0)
        .collect();
    let [.., (m1, _, a1), (m2, b0, b1)] = list[..] else {
        return None;
    };
    if b0 < a1 || b0 - a1 > TOTAL_GAP || gap_end < b1 || gap_end - b1 > TOTAL_GAP {
        return None;
    }
    // The frame's unit as a phrase of two nouns and a joining word: a noun
    // right after each count (before the next figure).
    let joined = unit.words.iter().any(|(l, w)| {
        WordSet::applies(l.as_deref(), lang) && {
            let nouns: Vec<&str> = w
                .tokens
                .iter()
                .map(String::as_str)
                .filter(|t| !LINKING.contains(t))
                .collect();
            nouns.len() == 2 && nouns.len() < w.tokens.len() && {
                let named = |noun: &str, from: usize, to: usize| (from..to.min(from + 3)).any(|j| a.word(j) == noun);
                named(nouns[0], a1, b0) && named(nouns[1], b1, gap_end)
            }
        }
    });
    if !joined {
        return None;
    }
    // The sum, read as the normaliser reads each figure.
    let value = |x: &Mention| exact_value(a, lang, x);
    matches!((value(m1), value(m2), value(m)), (Some(x), Some(y), Some(t)) if x + y == t).then_some(m1.start)
}

/// The exact figure of mention `x`, read as the normaliser reads it (in
/// the frame's language `lang`, or either when it reads both); none for a
/// hedged or a vague one.
fn exact_value(a: &Analysis, lang: &str, x: &Mention) -> Option<f64> {
    let words = a.words_of(a.token_at(x.start)..a.tokens.partition_point(|t| (t.start as usize) < x.value_end));
    exact_words(lang, x.placeholder, words)
}

/// The exact figure `words` say as a `placeholder`'s value, in language
/// `lang` (either when it is empty); none for a hedged or a vague one.
fn exact_words(lang: &str, placeholder: crate::french::Placeholder, words: &str) -> Option<f64> {
    [crate::language::Lang::En, crate::language::Lang::Fr]
        .into_iter()
        .filter(|l| lang.is_empty() || l.code() == lang)
        .find_map(|l| {
            let ctx = crate::normalize::Context {
                published: None,
                around: "",
                lang: l,
            };
            let v = crate::normalize::normalize(placeholder, words, &ctx).ok()?;
            let r = v.range()?;
            (r.lo == r.hi).then_some(r.lo)
        })
}

/// The words that make the count on tokens `..last` (its unit ending at
/// token `unit_end`) a difference, if any: « 300 drones de moins que la
/// veille », « deux morts de plus », `300 fewer drones`, `two more people`,
/// `300 drones more than`. A comma before them makes them a comparison
/// beside the count (`426 drones, more than the night before`), and `more
/// or less`, « de plus en plus » are no difference.
fn difference(a: &Analysis, last: usize, unit_end: usize, end: usize) -> Option<&'static str> {
    let joined = |j: usize| j < end && !a.tokens[j].after_comma;
    let word = |j: usize| if j < end { a.word(j) } else { "" };
    // English: right after the number, or after its unit before `than`.
    if joined(last) && !matches!(word(last + 1), "or" | "and") {
        if let Some(w) = ["fewer", "more", "less"].into_iter().find(|w| word(last) == *w) {
            return Some(w);
        }
    }
    if unit_end > last && joined(unit_end) && word(unit_end + 1) == "than" {
        if let Some(w) = ["fewer", "more", "less"].into_iter().find(|w| word(unit_end) == *w) {
            return Some(w);
        }
    }
    // French: « de moins », « de plus » after the number or its unit, when
    // no figure or « en » follows (« de plus de 60 ans », « de plus en
    // plus »).
    [last, unit_end].into_iter().find_map(|j| {
        let phrase = ["de moins", "de plus"]
            .into_iter()
            .find(|p| joined(j) && a.phrase_at(j, end, p))?;
        (!matches!(word(j + 2), "de" | "d" | "en")).then_some(phrase)
    })
}

/// Whether the duration on tokens `first..last` says when, not how long:
/// `two weeks later`, « il y a dix jours », « à dix jours du sommet », and,
/// when it opens its clause,
/// `Two days before the talks, …` (elsewhere, « 50 jours avant des
/// sanctions » is a deadline's length).
fn offset(a: &Analysis, first: usize, last: usize) -> bool {
    use crate::{english::vocab as en, french::vocab as fr};
    let (start, end) = a.sentence_of(first);
    let after = |list: &[&str]| list.iter().any(|p| a.phrase_at(last, end, p));
    // Not past a comma: "10 or 12 days, later fixed at 8 August" is a length.
    let joined = last < end && !a.tokens[last].after_comma;
    if joined && (after(fr::OFFSET_AFTER) || after(en::OFFSET_AFTER)) {
        return true;
    }
    let before = fr::OFFSET_BEFORE.iter().chain(en::OFFSET_BEFORE).any(|p| {
        let n = p.split(' ').count();
        first >= start + n && a.phrase_at(first - n, first, p)
    });
    let opens_clause = first == start || a.tokens[first].after_comma;
    // « À dix jours de l'échéance, … »: how far off, when « à » opens the
    // clause and « de » follows (« ramené à dix jours de délai » is a length).
    let distance = first > start
        && a.word(first - 1) == "a"
        && (first - 1 == start || a.tokens[first - 1].after_comma)
        && last < end
        && matches!(a.word(last), "de" | "du" | "des" | "d");
    before || distance || (opens_clause && (after(fr::OFFSET_FRONTED) || after(en::OFFSET_FRONTED)))
}

/// How many words may stand between a change's later end and its earlier
/// end in the mirrored order: the unit and the noun (`à 12 jours le délai
/// de`, `to 60 days from`).
const MIRRORED_GAP: usize = 4;

/// How many words a per-side count may end before the total that
/// restates it, plus one (nine words between at most): its unit, its
/// "per side", and a short phrase of time (« 1000 prisonniers par camp à
/// la fin mai, soit 2000 au total »).
const RESTATED_TOTAL_GAP: usize = 10;

/// Whether the value `m` (tokens `first..last` of sentence `s0..s1`) is a
/// total told right after a per-side count of its sentence, as its sum:
/// a [`TOTAL_AFTER`] word ("in all", « au total ») within three words after it, the
/// value before it ending at most [`RESTATED_TOTAL_GAP`] words before it in its clause, and twice that
/// value ("1,000 prisoners per side, 2,000 people in all"). A total of
/// another count ("84 soldiers; since 2022, 2,000 in all") is not.
#[allow(clippy::too_many_arguments)]
fn restated_total(
    a: &Analysis,
    lang: &str,
    m: &Mention,
    others: &[Mention],
    first: usize,
    last: usize,
    s0: usize,
    s1: usize,
) -> bool {
    let totalled = (last..(last + 4).min(s1)).any(|j| TOTAL_AFTER.iter().any(|t| a.phrase_at(j, s1, t)));
    if !totalled {
        return false;
    }
    let Some(before) = others
        .iter()
        .filter(|o| o.end <= m.start && o.start >= a.tokens[s0].start as usize)
        .max_by_key(|o| o.end)
    else {
        return false;
    };
    let side_end = a.token_at(before.end.saturating_sub(1));
    side_end + RESTATED_TOTAL_GAP >= first
        // In one clause: "500 freed by each side in May; 1,000 in all in
        // June" are two swaps.
        && a.clause_end(side_end, s1) >= first
        && matches!(
            (exact_value(a, lang, before), exact_value(a, lang, m)),
            (Some(side), Some(total)) if total == 2.0 * side
        )
}

/// The values of `others` in the sentence `s0..s1`, other than `m`, that
/// have `unit` after them as `m` does (within `within` words, before the
/// next value).
#[allow(clippy::too_many_arguments)]
fn same_unit(
    unit: &WordSet,
    within: usize,
    lang: &str,
    a: &Analysis,
    others: &[Mention],
    m: &Mention,
    s0: usize,
    s1: usize,
) -> Vec<Mention> {
    let (b0, b1) = (a.tokens[s0].start as usize, a.tokens[s1 - 1].end as usize);
    // A value's words, folded: the same figure said again (`1000 prisoners
    // each, that is 1000 soldiers a side`) restates it, and takes nothing.
    let words = |v: &Mention| {
        let (first, last) = (
            a.token_at(v.start),
            a.tokens.partition_point(|t| (t.start as usize) < v.value_end),
        );
        (first..last).map(|j| a.word(j)).collect::<Vec<&str>>()
    };
    let own = words(m);
    others
        .iter()
        .filter(|o| o.start >= b0 && o.end <= b1 && (o.start, o.end) != (m.start, m.end))
        .filter(|o| words(o) != own)
        .filter(|o| {
            let last = a.tokens.partition_point(|t| (t.start as usize) < o.end);
            let reach = (last + within).min(reach(a, others, o, s1));
            !o.paired && find_at(unit, lang, a, last..reach).is_some()
        })
        .copied()
        .collect()
}

/// Whether a word of `set` stands in `range` with no value of `rivals`
/// between it and `m`.
fn free_word(
    set: &WordSet,
    lang: &str,
    a: &Analysis,
    range: std::ops::Range<usize>,
    m: &Mention,
    rivals: &[Mention],
) -> bool {
    let mut from = range.start;
    while let Some((j, w)) = find_at(set, lang, a, from..range.end) {
        let bytes = a.tokens[j].start as usize..a.tokens[j + w.tokens.len() - 1].end as usize;
        if !another_value_between(rivals, m, bytes, |_| false) {
            return true;
        }
        from = j + 1;
    }
    false
}

/// Where the value's unit may stand: up to the next value of its kind in
/// its sentence (which ends at `s1`). In `deux morts et quinze blessés`,
/// `blessés` is the fifteen's, not the two's.
fn reach(a: &Analysis, others: &[Mention], m: &Mention, s1: usize) -> usize {
    let at = others.partition_point(|o| o.start < m.start);
    others[at..]
        .iter()
        .find(|o| o.start >= m.end)
        .map_or(s1, |o| a.token_at(o.start).min(s1))
}

/// Whether another value of the kind stands between the value `m` and a
/// word (bytes `word`): then the word is that value's. `passant de 50 jours
/// à 12 jours`: `passant de` marks the 50, not the 12; `two dead and 15
/// wounded`: `wounded` is the 15's. A value inside the word itself (`each of
/// the two sides`) is part of it; a word that holds the start of another
/// value is that value's.
fn another_value_between(
    others: &[Mention],
    m: &Mention,
    word: std::ops::Range<usize>,
    passed_over: impl Fn(&Mention) -> bool,
) -> bool {
    // A word that holds the start of another value is that value's: in
    // `from 50 days to 10-12 days`, `from 50` marks the 50 days as the
    // earlier figure, not the 12. (A value wholly inside the word is the
    // word's own: `des deux côtés`.)
    let at = others.partition_point(|o| o.end <= word.start);
    if others[at..].iter().take_while(|o| o.start < word.end).any(|o| {
        let other = (o.start, o.end) != (m.start, m.end) && !(o.start < m.end && m.start < o.end);
        other && (o.start < word.start || o.end > word.end) && !passed_over(o)
    }) {
        return true;
    }
    let (lo, hi) = if word.start >= m.end {
        (m.end, word.start)
    } else {
        (word.end, m.start)
    };
    let at = others.partition_point(|o| o.start < lo);
    others[at..]
        .iter()
        .take_while(|o| o.start < hi)
        .any(|o| o.end <= hi && !passed_over(o))
}

/// Whether the length `o` tells a point in time, counted back from the
/// article's day (« il y a une semaine », "a week ago"): no value of the
/// rule's kind, so it stands between a word and its value as any words do
/// (« Trump a donné il y a une semaine cinquante jours »).
fn counted_back(a: &Analysis, o: &Mention) -> bool {
    let k = a.token_at(o.start);
    let before = |n: usize| k.checked_sub(n).map(|j| a.word(j));
    let last = a.token_at(o.end.saturating_sub(1));
    matches!((before(3), before(2), before(1)), (Some("il"), Some("y"), Some("a")))
        || matches!(before(1), Some("voici" | "voila"))
        || (last + 1 < a.tokens.len() && a.word(last + 1) == "ago")
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Before => "before the value",
        Side::After => "after the value",
        Side::Either => "of the value",
    }
}

/// A word of `near` within its distance of the value (tokens `first..last`),
/// inside the sentence `s0..s1`; with `own` (the value and the values of
/// its kind), not one that another value stands between.
#[allow(clippy::too_many_arguments)]
fn near_word<'w>(
    near: &'w Near,
    lang: &str,
    a: &Analysis,
    first: usize,
    last: usize,
    s0: usize,
    s1: usize,
    own: Option<(&Mention, &[Mention])>,
) -> Option<(usize, &'w Word)> {
    let bytes = |(j, w): (usize, &Word)| a.tokens[j].start as usize..a.tokens[j + w.tokens.len() - 1].end as usize;
    // `same_clause`: no comma, colon, semicolon, dash or parenthesis opens a token between the word
    // and the value (a nearer word of the set would have been found first,
    // so a farther one cannot do better), but for a relative clause's
    // comma, which ties what follows to the noun before it (« l'Iran, à qui
    // Washington avait fixé un délai de 60 jours »), and the comma after a
    // phrase fronted before its clause (« À l'Iran, il avait accordé… »).
    let clause = |(j, w): (usize, &Word)| {
        let between = match j < first {
            true => j + w.tokens.len()..first + 1,
            false => last..j + 1,
        };
        // Nor a comma that opens a clause saying whose the value is (« 60
        // jours, c'était l'Iran », "60 days, that was Iran").
        let restates = |k: usize| {
            k + 1 < s1
                && matches!(
                    (a.word(k), a.word(k + 1)),
                    ("c", "etait" | "est") | ("ce", "fut") | ("that" | "it" | "which", "was" | "is")
                )
        };
        // A colon parts clauses after the value ("426 drones: Kyiv counts
        // the damage"); one right before it introduces it ("Iran's
        // ultimatum: 60 days"), and one between figures is a clock's.
        let colon_parts = |k: usize| {
            let digits = |j: usize| a.word(j).bytes().all(|b| b.is_ascii_digit());
            a.tokens[k].after_colon && k != first && !(k > 0 && digits(k) && digits(k - 1))
        };
        !near.same_clause
            || !between.into_iter().any(|k| {
                (a.tokens[k].after_comma || colon_parts(k))
                    && !a.opens_relative(k)
                    && !a.closes_fronted_phrase(k, s0)
                    && !restates(k)
            })
    };
    let free = |found: (usize, &'w Word)| match own {
        Some((m, others)) if another_value_between(others, m, bytes(found), |o| counted_back(a, o)) => None,
        _ => Some(found).filter(|f| clause(*f)),
    };
    let before = first.saturating_sub(near.within).max(s0)..first;
    let after = last..(last + near.within).min(s1);
    // The word nearest the value: what the quote reaches to. An aside right
    // after the value is stepped over when the sentence goes on with the
    // word just after it: "one person, a man in his sixties, was killed"
    // (not any word further on: "a 30-day truce, which Kyiv accepted, but
    // …" is read only as far as the value's own window).
    // (A value inside the aside stands apart from the sentence: "two
    // residents, a couple in their eighties, were killed".)
    let after_word = |range: std::ops::Range<usize>| {
        find_at(&near.words, lang, a, range.clone()).and_then(free).or_else(|| {
            let (_, close) = a.aside_after(last - 1, s1)?;
            let resumed = close.max(range.end)..(close + ASIDE_RESUME).min(s1);
            find_at(&near.words, lang, a, resumed).filter(|f| clause(*f))
        })
    };
    let before_word = |range: std::ops::Range<usize>| nearest(&near.words, lang, a, range, first).and_then(free);
    match near.side {
        Side::Before => before_word(before),
        Side::After => after_word(after),
        Side::Either => match (before_word(before), after_word(after)) {
            (Some(b), Some(f)) if first - b.0 <= f.0 + 1 - last => Some(b),
            (_, Some(f)) => Some(f),
            (b, None) => b,
        },
    }
}

/// A subject pronoun within `near`'s reach of the value (tokens
/// `first..last`) that stands for a name of its words in the sentence
/// before, in the same paragraph: "Zelensky proposed talks on Saturday. On
/// Monday evening he told Ukrainians they would be held on Wednesday." The
/// name must be a proper name (capitalised in the text), and the pronoun
/// personal (not « il y a », "it is"). Where the pronoun is, if so.
#[allow(clippy::too_many_arguments)]
fn pronoun_for_name(
    near: &Near,
    lang: &str,
    a: &Analysis,
    first: usize,
    last: usize,
    s0: usize,
    s1: usize,
) -> Option<usize> {
    let (q0, _) = a.passage_of(s0);
    if q0 >= s0 {
        return None;
    }
    let named = {
        let mut at = q0;
        let mut found = false;
        while let Some((j, w)) = find_at(&near.words, lang, a, at..s0) {
            if a.tokens[j].capitalised && !w.prefix {
                found = true;
                break;
            }
            at = j + 1;
        }
        found
    };
    if !named {
        return None;
    }
    // A person's pronoun, in the singular.
    let pronoun = |j: usize| matches!(a.word(j), "he" | "she" | "il" | "elle") && a.subject_pronoun_at(j, s1);
    let before = first.saturating_sub(near.within).max(s0)..first;
    let after = last..(last + near.within).min(s1);
    match near.side {
        Side::Before => before.rev().find(|&j| pronoun(j)),
        Side::After => after.into_iter().find(|&j| pronoun(j)),
        Side::Either => before
            .rev()
            .find(|&j| pronoun(j))
            .or_else(|| after.into_iter().find(|&j| pronoun(j))),
    }
}

/// How many words after an aside a `near` word may stand and still be read
/// as the value's (`, was killed`: the verb and its auxiliary).
const ASIDE_RESUME: usize = 2;

/// How many words from the value a context word may stand and still be
/// quoted with it.
const CONTEXT_REACH: usize = 6;

/// The word of `set` in `range` that starts nearest to token `center`.
fn nearest<'w>(
    set: &'w WordSet,
    lang: &str,
    a: &Analysis,
    range: std::ops::Range<usize>,
    center: usize,
) -> Option<(usize, &'w Word)> {
    let mut best: Option<(usize, &Word)> = None;
    let mut from = range.start;
    while let Some((j, w)) = find_at(set, lang, a, from..range.end) {
        if best.is_none_or(|(b, _)| j.abs_diff(center) < b.abs_diff(center)) {
            best = Some((j, w));
        }
        from = j + 1;
    }
    best
}

/// Whether the value on tokens `first..last` is a one told by the
/// indefinite article alone (« un », « une », "a", "an") with no figure
/// joined to it (« un mort et neuf blessés » is a count).
fn article_one(a: &Analysis, first: usize, last: usize, s1: usize) -> bool {
    last == first + 1
        && matches!(a.word(first), "un" | "une" | "a" | "an")
        && !(first + 2..(first + 5).min(s1)).any(|j| matches!(a.word(j), "et" | "and") || a.tokens[j].after_comma)
}

/// How many sentences before a value's the place it tells of may be named.
const PLACE_SENTENCES: usize = 6;

/// Whether the value of sentence `s0..s1` tells of a place of `place`: its
/// sentence or the one before it in its paragraph names one (as a
/// `passage` group), or else the nearest sentence before it that names a
/// place, of `place` or of `not.sentence` (another city, "nationwide",
/// another night), names only places of `place`: a dateline ("KYIV — …"), a
/// city named a paragraph up ("In Kyiv, debris fell near a metro station.
/// … By dawn the city reported one dead"). `reach`: how many sentences up
/// it may be named, across paragraphs. (The value's own sentence's
/// `not.sentence` words are the frame's exclusions, tested apart.)
fn place_named<'f>(
    frame: &'f Frame,
    place: &'f WordSet,
    lang: &str,
    a: &Analysis,
    s0: usize,
    s1: usize,
    reach: usize,
) -> Result<(), Miss<'f>> {
    // Named in the sentence or, as a `passage` group, in the one before it
    // in its paragraph, whatever else that one names (« Le maire de Kyiv a
    // parlé d'un mort dans le district de … Le soir, deux morts. »).
    let (q0, _) = a.passage_of(s0);
    if find(place, lang, a, q0..s1).is_some() {
        return Ok(());
    }
    let sentence = a.tokens[s0].sentence as usize;
    // An item of a list tells of what its lead-in line says, and no
    // further up: the places above a list of districts' tolls are the
    // city's (« Quatre districts touchés : – Podilskyi : trois blessés »).
    let listed = |j: usize| {
        a.list_item
            .get(a.tokens[j].paragraph as usize)
            .copied()
            .unwrap_or(false)
    };
    let in_list = listed(s0);
    for k in (sentence.saturating_sub(reach)..sentence).rev() {
        let (b0, b1) = a.sentences[k];
        let (b0, b1) = (b0 as usize, b1 as usize);
        let lead_in = in_list && !listed(b0);
        let other = frame.not_sentence.as_ref().and_then(|not| find(not, lang, a, b0..b1));
        if let Some(word) = other {
            return Err(Miss::NoPlace {
                place,
                other: Some(word),
            });
        }
        if find(place, lang, a, b0..b1).is_some() {
            return Ok(());
        }
        if lead_in {
            break;
        }
    }
    Err(Miss::NoPlace { place, other: None })
}

/// The first word of `set` that starts at a token of `range`.
/// Whether the sentence `s0..s1` refers back with a subject pronoun to a
/// person of the sentence before it in its paragraph (`Analysis::refers_back`:
/// `he`, `she`, « il », « elle »), and a word of
/// `group` stands in that sentence: « Zelensky s'est exprimé samedi. Il
/// avait proposé à Moscou une nouvelle rencontre… » names its proposer.
fn inherited(group: &WordSet, lang: &str, a: &Analysis, s0: usize, s1: usize) -> bool {
    if s0 >= s1
        || !a
            .refers_back
            .get(a.tokens[s0].sentence as usize)
            .copied()
            .unwrap_or(false)
    {
        return false;
    }
    let (q0, _) = a.passage_of(s0);
    q0 < s0 && find_at(group, lang, a, q0..s0).is_some()
}

/// Where `text` gives a figure of the signature: a value of `numbers`
/// (offsets in `text`, the count finder's) read exactly as the figure's,
/// with a word of its unit at most [`FIGURE_UNIT_WITHIN`] words after it in
/// its clause ("426 drones", "four hundred and twenty-six kamikaze
/// drones"). A hedged figure (« plus de 400 ») names no event, and neither
/// does a figure whose noun is another's ("426 shells"). `lang`: the
/// article's language, whose words are read.
///
/// [`FIGURE_UNIT_WITHIN`]: crate::rules::frame::FIGURE_UNIT_WITHIN
pub fn figures_in(
    signature: &Signature,
    lang: crate::language::Lang,
    text: &str,
    numbers: &[Mention],
) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    for m in numbers {
        let Some(words) = text.get(m.start..m.value_end) else {
            continue;
        };
        let ctx = crate::normalize::Context {
            published: None,
            around: text,
            lang,
        };
        let Some(range) = crate::normalize::normalize(crate::french::Placeholder::Count, words, &ctx)
            .ok()
            .and_then(|v| v.range().copied())
        else {
            continue;
        };
        let exact = |f: &&crate::rules::frame::Figure| {
            range.lo == f.value && range.hi == f.value && !range.lo_open && !range.hi_open
        };
        let figures = signature.figures.iter().filter(exact);
        // The words after it, up to the end of its clause.
        let after = &text[m.end..];
        let mut end = after
            .find(['.', ';', ':', '!', '?', '(', ')', ',', '—', '–'])
            .unwrap_or(after.len())
            .min(120);
        while !after.is_char_boundary(end) {
            end -= 1;
        }
        let clause = &after[..end];
        let folded = crate::french::fold(clause);
        let tokens: Vec<&str> = crate::rules::frame::tokens_of(&folded).collect();
        let named = |unit: &WordSet| {
            (0..=crate::rules::frame::FIGURE_UNIT_WITHIN.min(tokens.len())).any(|k| {
                unit.for_lang(lang.code())
                    .any(|w| w.matches_at(tokens[k..].iter().copied()))
            })
        };
        if figures.into_iter().any(|f| named(&f.unit)) {
            found.push(m.start..m.end);
        }
    }
    found
}

/// Whether `sentence` names a noun of one of the signature's figures: the
/// count finder runs only on such a sentence.
pub fn names_figure_noun(signature: &Signature, lang: crate::language::Lang, sentence: &str) -> bool {
    let folded = crate::french::fold(sentence);
    let tokens: Vec<&str> = crate::rules::frame::tokens_of(&folded).collect();
    signature.figures.iter().any(|f| {
        f.unit
            .for_lang(lang.code())
            .any(|w| (0..tokens.len()).any(|k| w.matches_at(tokens[k..].iter().copied())))
    })
}

/// Whether an article gives a figure of the frame's signature anywhere:
/// then it tells of the signature's day, as an article dated that day
/// would (`search::frames`' document test). `numbers` finds the count
/// values of a sentence; it is asked only for a sentence that names a
/// figure's noun.
pub fn gives_figure(
    frame: &Frame,
    text: &str,
    a: &Analysis,
    lang: crate::language::Lang,
    mut numbers: impl FnMut(&str) -> Vec<Mention>,
) -> bool {
    let Some(signature) = &frame.signature else {
        return false;
    };
    a.sentences.iter().any(|&(s0, s1)| {
        let (s0, s1) = (s0 as usize, s1 as usize);
        if s0 >= s1
            || !signature
                .figures
                .iter()
                .any(|f| find_at(&f.unit, lang.code(), a, s0..s1).is_some())
        {
            return false;
        }
        let sentence = &text[a.tokens[s0].start as usize..a.tokens[s1 - 1].end as usize];
        !figures_in(signature, lang, sentence, &numbers(sentence)).is_empty()
    })
}

/// Whether `sentence` alone meets the frame's `sentence` and `passage`
/// groups, or refers back to the person they name with a pronoun and has
/// the frame's `near` words: it tells of the event itself, not only after a
/// sentence that does. What a weekday that only the rule's period places needs
/// (`extract::read`). Read apart, on the sentence's own words.
pub fn sentence_tells_event(frame: &Frame, sentence: &str, language: crate::language::Lang) -> bool {
    let mut a = Analysis::new(sentence);
    if let Some(lexicon) = &frame.lexicon {
        a.find_words(lexicon);
    }
    let all = 0..a.tokens.len();
    let lang = language.code();
    let met = |group: &WordSet| find(group, lang, &a, all.clone()).is_some();
    // Or its subject is a pronoun for the person named before, and it has
    // the frame's own words (« Lundi, il a annoncé… » after a sentence that
    // names Zelensky).
    let refers_back = a.refers_back.first().copied().unwrap_or(false)
        && !frame.near.is_empty()
        && frame.near.iter().all(|n| met(&n.words));
    refers_back || frame.sentence.iter().chain(&frame.passage).all(met)
}

/// Whether the words on tokens `j..end` open with "first" (« premier »,
/// « première ») and are followed, a few words on, by the time since the
/// last such event: "the first direct talks since early June", "their
/// first face-to-face in seven weeks", « les premiers pourparlers directs
/// depuis juin ». Such a "first" counts the time since the last one: the
/// event is a later one, not the first. A year or the war's start after
/// "since" ("the first direct talks since 2022", « depuis le début de la
/// guerre ») is the first one's own description, and is not passed over.
fn first_in_a_while(a: &Analysis, j: usize, end: usize, s1: usize) -> bool {
    const FIRST: &[&str] = &["first", "premier", "premiere", "premiers", "premieres"];
    const UNITS: &[&str] = &["weeks", "months", "semaines", "mois"];
    // The war's start is the first one's own description.
    const WAR: &[&str] = &["war", "invasion", "guerre", "conflict", "conflit"];
    // A verb between: the time is the clause's ("the first meeting could
    // take place in two weeks"), not the noun's.
    const VERBS: &[&str] = &[
        "could",
        "will",
        "would",
        "should",
        "might",
        "may",
        "must",
        "can",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "take",
        "takes",
        "took",
        "held",
        "pourrait",
        "pourraient",
        "sera",
        "seront",
        "est",
        "sont",
        "aura",
    ];
    if !FIRST.contains(&a.word(j)) {
        return false;
    }
    // Up to the clause's end: a comma or a semicolon closes the phrase.
    let stop = (end..(end + 8).min(s1))
        .find(|&k| a.tokens[k].after_comma || a.tokens[k].after_semicolon || VERBS.contains(&a.word(k)))
        .unwrap_or((end + 8).min(s1));
    let word = |k: usize| if k < stop { a.word(k) } else { "" };
    if (end..stop).any(|k| {
        WAR.contains(&word(k)) || {
            let w = word(k);
            w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
        }
    }) {
        return false;
    }
    let is_month = |k: usize| crate::language::month_number(word(k)).is_some();
    let is_count = |k: usize| {
        (!word(k).is_empty() && word(k).bytes().all(|b| b.is_ascii_digit())) || super::values::is_number_word(word(k))
    };
    (end..stop).any(|k| match word(k) {
        // "since early June", « depuis la mi-juin », « depuis sept
        // semaines »; not "since the opening weeks of the war".
        "since" | "depuis" => {
            (k + 1..(k + 5).min(stop)).any(|m| is_month(m) || (UNITS.contains(&word(m)) && is_count(m - 1)))
        }
        // "in seven weeks", « en sept semaines », "in two months".
        "in" | "en" => is_count(k + 1) && UNITS.contains(&word(k + 2)),
        _ => false,
    })
}

fn find<'w>(set: &'w WordSet, lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<&'w Word> {
    find_at(set, lang, a, range).map(|(_, w)| w)
}

fn find_at<'w>(set: &'w WordSet, lang: &str, a: &Analysis, range: std::ops::Range<usize>) -> Option<(usize, &'w Word)> {
    a.hits_in(range)
        .iter()
        .find_map(|&(token, id)| set.word_for(id, lang).map(|w| (token as usize, w)))
}

#[cfg(test)]
mod tests {
    /// "First" with the time since the last such event is a later one's
    /// ("the first talks since early June", "in seven weeks"), not with a
    /// year or without a time.
    #[test]
    fn a_first_since_a_while_is_no_first() {
        let first = |text: &str| {
            let a = Analysis::new(text);
            let j = (0..a.tokens.len())
                .find(|&j| matches!(a.word(j), "first" | "premiers" | "premiere"))
                .unwrap();
            let (_, s1) = a.sentence_of(j);
            super::first_in_a_while(&a, j, j + 2, s1)
        };
        assert!(first(
            "They meet on Wednesday for their first face-to-face talks since early June."
        ));
        assert!(first(
            "It will be the first direct talks between the sides in seven weeks."
        ));
        assert!(first("Ce seront les premiers pourparlers directs depuis la mi-juin."));
        assert!(!first(
            "The first direct talks since March 2022 took place on a Friday."
        ));
        assert!(!first("The first talks since the invasion were held in May."));
        assert!(!first("The first round was held in Istanbul."));
        assert!(!first("La première rencontre, en mai, a duré deux heures."));
        assert!(!first(
            "The first face-to-face talks since the opening weeks of the war took place in May."
        ));
        assert!(!first("The first meeting could take place in two weeks."));
        assert!(!first("The first round, stalled since early June, was held in May."));
    }

    /// English "one" after an adjective of order, or after a determiner
    /// with no noun after it, is a pronoun; "that one person" is a count.
    #[test]
    fn one_for_a_noun_said_before_is_no_count() {
        let one = |text: &str| {
            let a = Analysis::new(text);
            let at = (0..a.tokens.len()).find(|&j| a.word(j) == "one").unwrap();
            super::pronoun_one(&a, at, at + 1)
        };
        assert!(one("The first one, on May 16, produced a swap."));
        assert!(one("They preferred that one."));
        assert!(!one("Officials said that one person was killed."));
        assert!(!one("A strike in which one civilian died."));
        assert!(!one("Only one round was held."));
    }

    /// A signature's figure is its exact value with one of its nouns at
    /// most two words after it, in digits or in words; a hedged figure, or
    /// one that counts another noun, names nothing.
    #[test]
    fn a_signature_figure_is_its_exact_value_before_its_noun() {
        use crate::language::Lang;
        use crate::rules::frame::{Figure, Signature, Word, WordSet};
        let mut unit = WordSet::default();
        for word in ["drones", "drone"] {
            unit.push(
                None,
                Word {
                    written: word.into(),
                    tokens: vec![word.into()],
                    prefix: false,
                },
            );
        }
        let signature = Signature {
            day: jiff::civil::date(2025, 7, 21),
            figures: vec![Figure { value: 426.0, unit }],
        };
        let given = |text: &'static str, lang: Lang| -> Vec<&'static str> {
            let numbers = crate::search::counts_in(text, lang);
            super::figures_in(&signature, lang, text, &numbers)
                .into_iter()
                .map(|r| &text[r])
                .collect()
        };
        assert_eq!(given("Russia sent 426 drones at Ukraine.", Lang::En), ["426"]);
        assert_eq!(given("It fired 426 kamikaze drones.", Lang::En), ["426"]);
        assert_eq!(
            given("Quatre cent vingt-six drones ont été lancés.", Lang::Fr),
            ["Quatre cent vingt-six"]
        );
        assert!(given("Plus de 426 drones ont été lancés.", Lang::Fr).is_empty());
        assert!(given("It fired 426 shells and 30 drones.", Lang::En).is_empty());
        assert!(given("It fired 426, then drones.", Lang::En).is_empty());
        assert!(given("Russia sent 425 drones.", Lang::En).is_empty());
        // The words after a figure are cut at a character's edge.
        let long = "426 ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé drones";
        assert!(given(long, Lang::Fr).is_empty());
    }

    /// "dead are two, wounded 16": the noun after the comma is the next
    /// figure's, told noun first, not the unit of the one before it.
    #[test]
    fn a_noun_with_its_figure_after_it_is_not_the_unit_of_the_one_before() {
        let rules = crate::rules::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")).unwrap();
        let rule = rules
            .rules
            .iter()
            .find(|r| r.id == "kyiv-strike-2025-07-21-injured")
            .unwrap();
        let read = crate::extract::extract_text(
            rule,
            "In Kyiv, overnight into Monday, the city gave its figures: dead are two, wounded 16.",
            Some(jiff::civil::date(2025, 7, 21)),
            crate::language::Lang::En,
        );
        assert!(
            read.iter()
                .all(|v| v.as_ref().ok().and_then(|v| v.range()).is_none_or(|r| r.lo != 2.0)),
            "{read:?}"
        );
    }

    use super::*;

    #[test]
    fn every_condition_opens_with_a_word_of_two_letters_at_most() {
        // `hypothetical` leaves longer words at once.
        for c in crate::english::vocab::CONDITIONS
            .iter()
            .chain(crate::french::vocab::CONDITIONS)
        {
            assert!(c.split(' ').next().is_some_and(|w| w.len() <= 2), "{c}");
        }
    }

    #[test]
    fn a_length_that_says_when_is_no_length() {
        let is_offset = |text: &str, value: &str| {
            let a = Analysis::new(text);
            let start = text.find(value).unwrap();
            offset(&a, a.token_at(start), a.token_at(start + value.len()))
        };
        assert!(is_offset(
            "Deux jours avant ce troisième round, 426 drones ont frappé.",
            "Deux jours"
        ));
        assert!(is_offset("Two weeks later, he cut it to 10 days.", "Two weeks"));
        assert!(is_offset("Il y a dix jours, Trump parlait de 50 jours.", "dix jours"));
        assert!(is_offset("He set it 14 days earlier.", "14 days"));
        // Past a comma, "later" opens the next clause.
        assert!(!is_offset(
            "He cut his deadline to 10 or 12 days, later fixed at 8 August.",
            "10 or 12 days"
        ));
        assert!(!is_offset("Il y a dix jours, Trump parlait de 50 jours.", "50 jours"));
        assert!(!is_offset("Trump a laissé 50 jours avant des sanctions.", "50 jours"));
        assert!(!is_offset("Trump gave Russia 50 days on Monday.", "50 days"));
        assert!(is_offset(
            "À dix jours de l'échéance, les négociations se poursuivent.",
            "dix jours"
        ));
        assert!(!is_offset(
            "Trump a ramené son délai à dix jours de négociations.",
            "dix jours"
        ));
    }

    /// A difference is read where a count's words end: right after the
    /// number, or after its unit.
    #[test]
    fn a_count_of_how_many_more_or_fewer_is_a_difference() {
        let diff = |text: &str, value: &str, unit: &str| {
            let a = Analysis::new(text);
            let last = a.token_at(text.find(value).unwrap() + value.len());
            let unit_end = a.token_at(text.find(unit).unwrap() + unit.len());
            difference(&a, last, unit_end, a.tokens.len())
        };
        assert_eq!(
            diff(
                "Cela fait environ 300 drones de moins que le chiffre qui circule.",
                "300",
                "drones"
            ),
            Some("de moins")
        );
        assert_eq!(
            diff("Russia fired 300 fewer drones than claimed.", "300", "drones"),
            Some("fewer")
        );
        assert_eq!(
            diff("Russia fired 300 drones more than claimed.", "300", "drones"),
            Some("more")
        );
        assert_eq!(diff("Two more people died in Kyiv.", "Two", "people"), Some("more"));
        assert_eq!(
            diff("Russia fired 426 drones, more than the night before.", "426", "drones"),
            None
        );
        assert_eq!(diff("Some 50 days more or less were left.", "50", "days"), None);
        assert_eq!(
            diff(
                "Un échange de 1 000 prisonniers de plus de 60 ans.",
                "1 000",
                "prisonniers"
            ),
            None
        );
        assert_eq!(
            diff("La Russie a lancé 426 drones de plus en plus loin.", "426", "drones"),
            None
        );
    }

    #[test]
    fn hearsay_bygone_times_and_links_to_other_articles_are_no_claims() {
        let before = |text: &str, value: &str| {
            let a = Analysis::new(text);
            let first = a.token_at(text.find(value).unwrap());
            let (s0, _) = a.sentence_of(first);
            (a, s0..first)
        };
        let (a, s) = before(
            "A screenshot shared thousands of times says Russia fired 728 drones at Kyiv.",
            "728",
        );
        assert!(matches!(told_apart("en", &a, s), Some(Miss::Hearsay("screenshot"))));
        let (a, s) = before(
            "Une publication partagée des milliers de fois affirme que 728 drones ont visé Kiev.",
            "728",
        );
        assert!(matches!(
            told_apart("fr", &a, s),
            Some(Miss::Hearsay("partagee des milliers de fois"))
        ));
        let (a, s) = before("Russia fired 426 drones, the air force said on Telegram.", "426");
        assert!(told_apart("en", &a, s).is_none());
        let (a, s) = before(
            "Il fut un temps où une centaine de drones par nuit faisait la une.",
            "une centaine",
        );
        assert!(matches!(told_apart("fr", &a, s), Some(Miss::Bygone("il fut un temps"))));
        let (a, s) = before("Overnight, Russia fired 426 drones.", "426");
        assert!(told_apart("en", &a, s).is_none());
        let link = |text: &str, lang: &str| {
            let a = Analysis::new(text);
            let (p0, p1) = a.paragraph_of(0);
            cross_link(lang, &a, p0..p1)
        };
        assert_eq!(
            link(
                "<p><strong>Lire aussi :</strong> <a href=\"x\">Record : 728 drones</a></p>",
                "fr"
            ),
            Some("lire aussi")
        );
        assert_eq!(
            link("**Read more:** Russia fires 728 drones in a night", "en"),
            Some("read more")
        );
        assert_eq!(link("Read the air force's figures: 426 drones.", "en"), None);
        // A label alone on its line heads the block of short lines under it.
        let in_block = |text: &str, lang: &str, at: &str| {
            let a = Analysis::new(text);
            let (p0, p1) = a.paragraph_of(a.token_at(text.find(at).unwrap()));
            cross_link(lang, &a, p0..p1)
        };
        let page = "Kyiv was hit overnight.\n\nLIRE AUSSI\n> Nuit record : 728 drones tirés sur l'Ukraine\n\
                    > Le 4 juillet, près de 550 drones et missiles\n\nLe bilan est de deux morts.";
        assert_eq!(in_block(page, "fr", "728"), Some("lire aussi"));
        assert_eq!(in_block(page, "fr", "550"), Some("lire aussi"));
        assert_eq!(in_block(page, "fr", "deux morts"), None);
        let videos = "Up next\n- Trump gives Russia 50 days to make peace (1:58)\n- Record night: 728 drones (1:12)";
        assert_eq!(in_block(videos, "en", "50 days"), Some("up next"));
        assert_eq!(in_block(videos, "en", "728"), Some("up next"));
        let comments = "Comments (143)\nHe gave them 60 days last time and nothing happened";
        assert_eq!(in_block(comments, "en", "60 days"), Some("comments"));
        // Not alone on its line, the heading opens the article's own paragraph;
        // sentences with full stops under a label are the article's own.
        let own = "Comments by the Kremlin\nRussia fired 426 drones on Monday";
        assert_eq!(in_block(own, "en", "426"), None);
        let prose = "Read also\nRussia fired 426 drones on Monday. The toll rose to two.";
        assert_eq!(in_block(prose, "en", "426"), None);
        // `The claim:` opens a claim a fact-check rates, as `Claim:` does.
        let text = "The claim: a post says Russia fired 728 drones.";
        let a = Analysis::new(text);
        assert_eq!(
            rated_claim("en", &a, a.token_at(text.find("728").unwrap())),
            Some("the claim")
        );
    }

    /// A date followed by `before` or `after` the near word is the day of
    /// another event than the word's.
    #[test]
    fn a_date_before_or_after_the_near_word_is_another_events() {
        let relation = |text: &str, word: &str| {
            let a = Analysis::new(text);
            time_relation_before(&a, 0, a.token_at(text.find(word).unwrap()))
        };
        assert_eq!(
            relation(
                "Russia shelled Ukraine on Sunday night before the announcement came.",
                "announcement"
            ),
            Some("before")
        );
        assert_eq!(
            relation("Dimanche, avant d'annoncer les pourparlers, il a parlé.", "annoncer"),
            Some("avant")
        );
        assert_eq!(
            relation(
                "Zelensky announced on Monday evening that talks would be held.",
                "announced"
            ),
            None
        );
    }

    #[test]
    fn a_reviewed_texts_part_is_quoted_not_stated() {
        let part = |text: &str, value: &str| {
            let a = Analysis::new(text);
            document_part_says(&a, 0, a.token_at(text.find(value).unwrap()))
        };
        assert_eq!(
            part("Section 2 states that Trump gave Moscow 60 days.", "60 days"),
            Some("section")
        );
        assert_eq!(
            part("p. 7 : la troisième session est datée du 24 juillet.", "24 juillet"),
            Some("p")
        );
        assert_eq!(
            part("Le tableau 2 donne 1 200 prisonniers par camp.", "1 200"),
            Some("tableau")
        );
        assert_eq!(part("Section 2 of the law gives Moscow 60 days.", "60 days"), None);
        assert_eq!(part("Table 2: 1,200 prisoners per side.", "1,200"), None);
        assert_eq!(
            part("2. p. 7 : la session est datée du 24 juillet.", "24 juillet"),
            Some("p")
        );
        assert_eq!(part("Trump gave Moscow 50 days on 14 July.", "50 days"), None);
    }

    #[test]
    fn a_value_right_after_a_negation_is_set_aside() {
        let negated = |text: &str, value: &str| {
            let a = Analysis::new(text);
            let first = a.token_at(text.find(value).unwrap());
            negated_alternative(&a, first, 0)
        };
        assert_eq!(
            negated("He spoke on 21 July, not on Tuesday night.", "Tuesday"),
            Some("not")
        );
        assert_eq!(negated("Le 23 juillet, et non le 24, à Istanbul.", "24"), Some("non"));
        assert_eq!(negated("He spoke on 21 July, not on Tuesday night.", "21 July"), None);
        assert_eq!(negated("It did not take 40 minutes to agree.", "40 minutes"), None);
        assert_eq!(negated("Non, 12 personnes sont mortes.", "12 personnes"), None);
    }

    #[test]
    fn hypotheses_denials_and_doubting_questions_are_told_apart_from_facts() {
        let sentence = |text: &str| {
            let a = Analysis::new(text);
            let (s0, s1) = (a.sentences[0].0 as usize, a.sentences[0].1 as usize);
            (a, s0..s1)
        };
        let (a, s) = sentence("Had Russia fired 1,000 drones, the city would have burnt.");
        assert_eq!(hypothetical("en", &a, s), Some("had"));
        let (a, s) = sentence("Si Trump avait donné 100 jours, rien n'aurait changé.");
        assert_eq!(hypothetical("fr", &a, s), Some("si"));
        let (a, s) = sentence("They met as if nothing had happened, 40 minutes in all.");
        assert_eq!(hypothetical("en", &a, s), None);
        let (a, s) = sentence("We ask what, if anything, changed between the two previous rounds.");
        assert_eq!(hypothetical("en", &a, s), None);
        let (a, s) = sentence("We ask what, if anything, had changed since the two rounds.");
        assert_eq!(hypothetical("en", &a, s), None);
        let (a, s) = sentence("What if Russia had sent 1,000 drones?");
        assert_eq!(hypothetical("en", &a, s), Some("what if"));
        let (a, s) = sentence("Elle s'était tenue le 2 juin, si aucun accord n'était trouvé.");
        assert_eq!(hypothetical("fr", &a, s), None);
        let (a, s) = sentence("Moscow denied that 500 drones were launched.");
        assert_eq!(denial("en", &a, s), Some("denied"));
        let (a, s) = sentence("Russia launched 426 drones, the air force said.");
        assert_eq!(denial("en", &a, s), None);
        // What only some reports said, and the article then sets right.
        let (a, s) = sentence("Some early reports put the deadline at 60 days; it was fifty.");
        assert_eq!(denial("en", &a, s), Some("some early reports"));
        let (a, s) = sentence("Certaines informations faisaient état de 60 jours.");
        assert_eq!(denial("fr", &a, s), Some("certaines informations"));
        let (a, s) = sentence("Early reports said one person had died.");
        assert_eq!(denial("en", &a, s), None);
        let (a, s) = sentence("Peskov dismissed reports that the meeting could slip to Thursday.");
        assert_eq!(denial("en", &a, s), Some("dismissed reports"));
        // A participle after the figure denies it; « un démenti » (a noun)
        // and a denial of something else do not.
        let (a, s) = sentence("Un bilan de trois morts circulait, aussitôt démenti par la mairie.");
        assert_eq!(denied_after("fr", &a, s), Some("dementi par"));
        let (a, s) = sentence("A toll of three dead, later denied by the city, went round.");
        assert_eq!(denied_after("en", &a, s), Some("denied by"));
        let (a, s) = sentence("Deux morts à Kiev ; le Kremlin a opposé un démenti à toute frappe civile.");
        assert_eq!(denied_after("fr", &a, s), None);
        let (a, s) = sentence("Russia fired 426 drones; Moscow denied targeting civilians.");
        assert_eq!(denied_after("en", &a, s), None);
        let (a, s) = sentence("Was it really 50 days?");
        assert_eq!(doubting_question("en", &a, s), Some("really"));
        let (a, s) = sentence("How did Wednesday's meeting go?");
        assert_eq!(doubting_question("en", &a, s), None);
        // A refutation anywhere in the next sentence.
        let rated = |text: &str, value: &str| {
            let a = Analysis::new(text);
            rated_claim("en", &a, a.token_at(text.find(value).unwrap()))
        };
        assert_eq!(
            rated(
                "A reply claimed 600 drones were fired. The air force's figures do not support that.",
                "600"
            ),
            Some("do not support that")
        );
        assert_eq!(
            rated("Russia fired 426 drones. The air force's figures support that.", "426"),
            None
        );
    }

    /// A briefing reporter's question is the reporter's words until another
    /// speaker's label; an interview's own questions state the outlet's
    /// facts.
    /// A quiz's statement is put to the reader, after its prompt or with
    /// it; the answer's sentences are told.
    #[test]
    fn a_quiz_statement_is_put_not_told() {
        let prompt = |lang: &str, text: &str, value: &str| {
            let a = Analysis::new(text);
            quiz_prompt(
                lang,
                &a,
                a.tokens[a.token_at(text.find(value).unwrap())].sentence as usize,
            )
        };
        let quiz =
            "**5. Vrai ou faux ? Donald Trump a laissé 100 jours à Moscou.**\n\n**5. Faux.** Le délai est de 50 jours.";
        assert_eq!(prompt("fr", quiz, "100"), Some("vrai ou faux"));
        assert_eq!(prompt("fr", quiz, "50"), None);
        assert_eq!(
            prompt("en", "True or false: Russia accepted the 30-day ceasefire.", "30"),
            Some("true or false")
        );
        // The prompt must close the sentence just before, in the paragraph.
        assert_eq!(
            prompt(
                "en",
                "Is it true or false? Nobody knew.\n\nRussia fired 426 drones.",
                "426"
            ),
            None
        );
        // The items of a list it leads in to; not the answers' list.
        let sheet = "Six statements: decide whether each is true or false.\n\n1. Trump gave Russia 60 days.\n2. Talks were in Geneva.\n\n**Answers**\n\n1. False. He gave Russia 50 days.";
        assert_eq!(prompt("en", sheet, "60"), Some("true or false"));
        assert_eq!(prompt("en", sheet, "50"), None);
        // A question about a figure, or a lead-in that is no quiz's, puts
        // nothing; a list item's own prompt does.
        assert_eq!(
            prompt(
                "en",
                "Was the figure true or false? Kyiv's air force confirmed 426 drones.",
                "426"
            ),
            None
        );
        assert_eq!(
            prompt(
                "en",
                "It is unclear whether the reports are true or false. What we know:\n\n- Russia fired 426 drones.",
                "426"
            ),
            None
        );
        assert_eq!(
            prompt("en", "Quiz\n\n1. True or false? Trump gave Russia 100 days.", "100"),
            Some("true or false")
        );
    }

    /// A style guide's wording to avoid, at a sentence's head or listed
    /// under its label; a list under another line is read.
    #[test]
    fn a_wording_to_avoid_is_put_not_told() {
        let wrong = |text: &str, value: &str| {
            let a = Analysis::new(text);
            wrong_wording(
                "en",
                &a,
                a.tokens[a.token_at(text.find(value).unwrap())].sentence as usize,
            )
        };
        assert_eq!(wrong("Wrong: Russia launched 450 drones.", "450"), Some("wrong"));
        assert_eq!(
            wrong("Do not write:\n\n- Russia launched 450 drones.", "450"),
            Some("do not write")
        );
        assert_eq!(wrong("What we know:\n\n- Russia launched 426 drones.", "426"), None);
        assert_eq!(
            wrong("What Trump got wrong:\n\n- Russia launched 426 drones, not 900.", "426"),
            None
        );
        assert_eq!(wrong("Avoid central Kyiv for 50 days, the embassy said.", "50"), None);
    }

    /// A list item's label before a colon stands beside its value.
    #[test]
    fn a_list_items_label_stands_beside_its_value() {
        let text =
            "By length:\n\n- Iran, an earlier ultimatum from Trump: 60 days\n- Russia wants it: no deal, 50 days";
        let a = Analysis::new(text);
        let at = |v: &str| a.token_at(text.find(v).unwrap());
        let first = at("60");
        let (s0, _) = a.sentence_of(first);
        assert_eq!(
            item_label(&a, first, s0).map(|r| a.words_of(r).to_string()).as_deref(),
            Some("iran an earlier ultimatum from trump")
        );
        let first = at("50");
        let (s0, _) = a.sentence_of(first);
        assert_eq!(item_label(&a, first, s0), None);
    }

    /// A question that offers two figures asks which; one that gives a
    /// range and goes on, or states, is no such question.
    #[test]
    fn a_question_between_two_figures_states_neither() {
        let between = |text: &str, value: &str| {
            let a = Analysis::new(text);
            let first = a.token_at(text.find(value).unwrap());
            let last = a.token_at(text.find(value).unwrap() + value.len() - 1) + 1;
            let (_, s1) = a.sentence_of(first);
            asked_between(&a, first, last, s1)
        };
        assert_eq!(
            between("Ultimatum américain : 50 ou 60 jours ?", "50 ou 60 jours"),
            Some("ou")
        );
        assert_eq!(between("Was it 50 or 60 days?", "50 or 60 days"), Some("or"));
        assert_eq!(between("He cut it to 10 or 12 days, he said.", "10 or 12 days"), None);
        assert_eq!(between("Why 10 or 12 days for Russia, then?", "10 or 12 days"), None);
    }

    /// A market's or a forecast's question puts what may come by a day:
    /// no figure of it is stated. A question on the past, or a statement
    /// with a time limit, is another thing.
    #[test]
    fn a_question_on_what_may_come_by_a_day_states_nothing() {
        let forecast = |text: &str, lang: &str| {
            let a = Analysis::new(text);
            let (s0, s1) = a.sentence_of(0);
            forecast_question(lang, &a, s0..s1)
        };
        assert_eq!(
            forecast("Trêve de 30 jours signée avant le 1er octobre ?", "fr"),
            Some("avant")
        );
        assert_eq!(forecast("Un accord d'ici fin août ?", "fr"), Some("ici"));
        assert_eq!(forecast("Will Moscow accept a 30-day truce?", "en"), Some("will"));
        assert_eq!(forecast("A 30-day truce by September 30?", "en"), Some("by"));
        assert_eq!(
            forecast("A 30-day truce before the end of August?", "en"),
            Some("before")
        );
        // A question on a past night, a figure after `by`, a statement.
        assert_eq!(forecast("Was Kyiv hit by 426 drones on July 21?", "en"), None);
        assert_eq!(forecast("Pourquoi 50 jours, et pas 60 ?", "fr"), None);
        assert_eq!(forecast("Kyiv wants a 30-day truce by September 30.", "en"), None);
        assert_eq!(forecast("Il est ici depuis le 21 juillet ?", "fr"), None);
        assert_eq!(forecast("Did Russia launch 426 drones before 21 July?", "en"), None);
        assert_eq!(
            forecast("La Russie a-t-elle tiré 426 drones avant le 21 juillet ?", "fr"),
            None
        );
    }

    /// A yes-or-no question asks whether its figure holds; a question on a
    /// word, or a figure inside a noun phrase it takes as given, keeps it.
    #[test]
    fn a_yes_or_no_question_states_no_figure() {
        let asked = |text: &str, value: &str, lang: &str| {
            let a = Analysis::new(text);
            let (s0, s1) = a.sentence_of(0);
            yes_no_question(lang, &a, s0..s1, a.token_at(text.find(value).unwrap()))
        };
        assert_eq!(asked("Did Trump give Russia 12 days?", "12", "en"), Some("did"));
        assert_eq!(asked("Is the deadline for Russia 100 days?", "100", "en"), Some("is"));
        assert_eq!(
            asked("Trump a-t-il donné 100 jours à la Russie ?", "100", "fr"),
            Some("-t-il")
        );
        assert_eq!(
            asked("Est-ce que Kyiv demande 30 jours de trêve ?", "30", "fr"),
            Some("est-ce que")
        );
        assert_eq!(asked("Why did Trump give Russia 50 days?", "50", "en"), None);
        assert_eq!(asked("Pourquoi Trump a-t-il choisi 50 jours ?", "50", "fr"), None);
        assert_eq!(asked("Did the July 23 talks change anything?", "July", "en"), None);
        assert_eq!(asked("Did Trump's 50-day deadline work?", "50", "en"), None);
        assert_eq!(asked("Trump gave Russia 50 days.", "50", "en"), None);
    }

    /// A length counted back from the article's day stands between a
    /// word and its value as any words do; another length does not.
    #[test]
    fn a_point_in_time_between_a_word_and_its_value_is_passed_over() {
        let text = "Trump a donné il y a une semaine cinquante jours à la Russie.";
        let a = Analysis::new(text);
        let mention = |words: &str| {
            let start = text.find(words).unwrap();
            Mention::new(crate::french::Placeholder::Duration, start, start + words.len())
        };
        let (week, fifty) = (mention("une semaine"), mention("cinquante jours"));
        assert!(counted_back(&a, &week));
        assert!(!counted_back(&a, &fifty));
        let verb = text.find("donné").unwrap()..text.find("donné").unwrap() + "donné".len();
        let others = [week, fifty];
        assert!(!another_value_between(&others, &fifty, verb.clone(), |o| counted_back(
            &a, o
        )));
        assert!(another_value_between(&others, &fifty, verb, |_| false));
    }

    /// A weekday after a determiner dates the noun after it: kept only when
    /// that noun is one of the frame's words.
    #[test]
    fn a_weekday_before_a_noun_dates_that_noun() {
        let attributive = |text: &str, day: &str| {
            let a = Analysis::new(text);
            let first = a.token_at(text.find(day).unwrap());
            attributive_weekday(&a, first, first + 1)
        };
        assert!(attributive("Zelensky's Saturday proposal came first.", "Saturday"));
        assert!(attributive("In his Monday address he named the day.", "Monday"));
        assert!(!attributive("They met on Saturday in Istanbul.", "Saturday"));
        assert!(!attributive("On the Saturday, Zelensky spoke.", "Saturday"));
        assert!(!attributive("Talks resume this Wednesday.", "Wednesday"));
        assert!(!attributive(
            "They met again on the Wednesday after the summit.",
            "Wednesday"
        ));
    }

    #[test]
    fn a_briefing_reporters_question_is_told_apart() {
        let turn = |text: &str, at: &str| {
            let a = Analysis::new(text);
            let first = a.token_at(text.find(at).unwrap());
            let (p0, _) = a.paragraph_of(first);
            question_turn(&a, p0, first)
        };
        let briefing = "Q: Thank you. Anna, Baltic Wire. You said 500 drones overnight—\n\
                        MS. BRANDT: It was 426 drones and 24 missiles.";
        assert!(turn(briefing, "500"));
        assert!(!turn(briefing, "426"));
        assert!(turn("Q (radio) : Kiev demande une trêve de 60 jours ?", "60"));
        assert!(turn("Q : Bonjour. On parle de 500 drones cette nuit ?", "500"));
        // An interview's question, a broadcast's reporter.
        assert!(!turn("**Q: This came after two earlier rounds. Any momentum?**", "two"));
        assert!(!turn(
            "REPORTER: That's right. The two previous sessions produced swaps.",
            "two"
        ));
        assert!(!turn("Q&A: Ukraine says Russia launched 426 drones.", "426"));
    }
}
