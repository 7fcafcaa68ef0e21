//! The English vocabulary, in one place: number words, hedges, vague
//! quantities, fractions, scales, duration units, weekdays, months, holidays,
//! seasons, verb-tense markers.
//!
//! Entries are written in lower case, with `'` as the apostrophe and single
//! spaces between words, as the French tables are. The placeholder regexes
//! (`super::grammar`) are generated from these tables with the same helpers
//! as the French ones ([`lenient`]: `'` also matches `’`, a space any run of
//! whitespace, a hyphen a hyphen or a space); the normaliser reads the
//! matched words after [`fold`]ing them (lower case, typographic dashes and
//! apostrophes made plain) and compares them with these entries. A word is
//! added here once and both stages see it.

pub use crate::french::vocab::{alternation, eq_folded, fold, lenient, Hedge};

/// Words right before a duration that make it a frequency (folded):
/// "every two weeks" says how often, not how long.
pub const FREQUENCY: &[&str] = &["every", "once every", "each"];

/// Words that say a sentence tells of another event than the one before
/// it (folded): "another strike", "a week later".
pub const OTHER_EVENT_MARKERS: &[&str] = &[
    "another",
    "other",
    "new",
    "next",
    "following",
    "later",
    "earlier",
    "since",
    "then",
    "previous",
    "before",
    "after",
];

/// Relative pronouns (folded): after a comma they tie the clause to the
/// noun before it ("Iran, to which Washington gave 60 days").
pub const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "whose", "which"];

/// Prepositions that may stand before a relative pronoun (folded): "to whom".
pub const RELATIVE_PREPOSITIONS: &[&str] = &["to", "of", "for", "with", "against", "on"];

/// A plan told in the past, a future seen from then (a regex over
/// lowercase text): "would be held", "was due to", "expected… to take
/// place" (see `normalize::tense::tells_a_plan`).
pub const PLAN: &str = r"(?:^|\W)(?:would|could|might|may|should|was to|were to|expect(?:s|ed)?|to\s+(?:take\s+place|be\s+held|meet|resume|convene)|(?:was|were)\s+(?:due|set|scheduled|slated|expected|planned|going|supposed))(?:\W|$)";

/// Days told from another, as a noun's complement (folded words, as
/// shown): "the previous day's talks" were the day before the date the
/// sentence gives. ("the day before" alone may be an adverb of another
/// clause.)
pub const DAY_OFFSETS: &[(&[&str], &str)] = &[
    (&["previous", "day", "s"], "the previous day's"),
    (&["day", "before", "s"], "the day before's"),
    (&["of", "the", "day", "before"], "of the day before"),
    (&["of", "the", "previous", "day"], "of the previous day"),
    (&["next", "day", "s"], "the next day's"),
    (&["following", "day", "s"], "the following day's"),
];

/// Prepositions that open a phrase fronted before the clause it belongs to
/// (folded): "To Iran, he had given 60 days".
pub const FRONTED_PREPOSITIONS: &[&str] = &["to", "for", "towards", "toward", "with", "regarding"];

/// Words right after a length that make it a point in time (folded): "two
/// weeks later" says when, not how long; "eleven days since the night"
/// says how long ago.
pub const OFFSET_AFTER: &[&str] = &["later", "earlier", "ago", "after that", "before that", "since"];

/// The same, when the length opens its clause: "Two days before the talks,
/// …". Elsewhere "50 days before sanctions" is a deadline's length.
pub const OFFSET_FRONTED: &[&str] = &["before", "after"];

/// Words right before a length that make it a point in time (folded): "it
/// has been eleven days", time gone by.
pub const OFFSET_BEFORE: &[&str] = &["it has been", "it had been", "it s been"];

/// Hedge phrases that stand before a number, longest first (a phrase must
/// come before any phrase it starts with: `no more than` before `no`).
/// The intervals are those of the French kinds (`normalize::hedge`):
/// `over` is [`Hedge::AtLeast`] rather than `MoreThan` because it also means
/// "during" (`over three days`, which is three days); `as many as N` is
/// [`Hedge::AtMost`]: the writer says the figure may reach N, not that it
/// does.
/// The words of a change said in one phrase, folded: `from` 50 days `to`
/// 12 days (`search::frame` reads which end a value is).
/// The words of a vague count with no figure in it (`several`, `a few`,
/// `dozens`, `hundreds of thousands`), folded: a frame reads no claim from
/// one (a reader marks no figure there).
pub const VAGUE_COUNT_WORDS: &[&str] = &[
    "several",
    "a",
    "few",
    "couple",
    "handful",
    "of",
    "dozens",
    "scores",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "many",
    "numerous",
];

pub const CHANGE_FROM: &[&str] = &["from"];
pub const CHANGE_TO: &[&str] = &["to"];
/// Verbs after which `from X to Y` tells a change, not a range: "the toll
/// rose from one to two".
pub const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "rising",
    "went",
    "gone",
    "goes",
    "climbed",
    "climbs",
    "jumped",
    "increased",
    "grew",
    "grown",
    "fell",
    "fallen",
    "dropped",
    "moved",
    "revised",
    "raised",
    "cut",
    "cuts",
    "cutting",
    "lowered",
    "reduced",
    "reduce",
    "reducing",
    "shortened",
    "shorten",
    "shortening",
    "shrink",
    "shrank",
    "shrunk",
    "shrinking",
    "compressed",
    "compress",
    "trimmed",
    "trim",
    "slashed",
    "slash",
    "changed",
    "shifted",
];

/// The possessive `'s` as a folded word: a date in the possessive
/// (`Thursday's papers`) dates the noun after it.
pub const POSSESSIVE: &str = "s";

pub const HEDGES: &[(&str, Hedge)] = &[
    ("slightly more than", Hedge::SlightlyMore),
    ("slightly fewer than", Hedge::SlightlyLess),
    ("slightly less than", Hedge::SlightlyLess),
    ("a little more than", Hedge::SlightlyMore),
    ("a little less than", Hedge::SlightlyLess),
    ("a little fewer than", Hedge::SlightlyLess),
    ("a little over", Hedge::SlightlyMore),
    ("a little under", Hedge::SlightlyLess),
    ("slightly over", Hedge::SlightlyMore),
    ("slightly under", Hedge::SlightlyLess),
    ("just over", Hedge::SlightlyMore),
    ("just above", Hedge::SlightlyMore),
    ("just under", Hedge::SlightlyLess),
    ("just below", Hedge::SlightlyLess),
    ("just shy of", Hedge::Nearly),
    ("somewhere around", Hedge::About),
    ("in the region of", Hedge::About),
    ("in the order of", Hedge::About),
    ("on the order of", Hedge::About),
    ("of the order of", Hedge::About),
    ("no fewer than", Hedge::AtLeast),
    ("not fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("not less than", Hedge::AtLeast),
    ("no more than", Hedge::AtMost),
    ("not more than", Hedge::AtMost),
    ("a minimum of", Hedge::AtLeast),
    ("a maximum of", Hedge::AtMost),
    ("at the very least", Hedge::AtLeast),
    ("at the least", Hedge::AtLeast),
    ("at the most", Hedge::AtMost),
    ("in excess of", Hedge::MoreThan),
    ("upwards of", Hedge::MoreThan),
    ("as many as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("as few as", Hedge::AtLeast),
    ("as little as", Hedge::AtLeast),
    ("an estimated", Hedge::About),
    ("approximately", Hedge::About),
    ("more than", Hedge::MoreThan),
    ("fewer than", Hedge::LessThan),
    ("less than", Hedge::LessThan),
    ("well over", Hedge::MoreThan),
    ("well above", Hedge::MoreThan),
    ("well under", Hedge::LessThan),
    ("well below", Hedge::LessThan),
    ("at least", Hedge::AtLeast),
    ("at most", Hedge::AtMost),
    ("close to", Hedge::Nearly),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("roughly", Hedge::About),
    ("around", Hedge::About),
    ("about", Hedge::About),
    ("approx.", Hedge::About),
    ("circa", Hedge::About),
    ("some", Hedge::About),
    ("up to", Hedge::AtMost),
    ("above", Hedge::MoreThan),
    ("below", Hedge::LessThan),
    ("under", Hedge::LessThan),
    ("over", Hedge::AtLeast),
];

/// Hedges written after the number: `500 or more`, `20 or so`.
pub const SUFFIX_HEDGES: &[(&str, Hedge)] = &[
    ("or more", Hedge::AtLeast),
    ("or over", Hedge::AtLeast),
    ("or fewer", Hedge::AtMost),
    ("or less", Hedge::AtMost),
    ("or so", Hedge::About),
    // "450-odd", "twenty-odd": the figure and a few more (only with its
    // hyphen: "two odd incidents" are two strange ones).
    ("-odd", Hedge::AtLeast),
    ("at least", Hedge::AtLeast),
    ("at most", Hedge::AtMost),
];

/// Words for zero.
pub const ZERO_WORDS: &[&str] = &["zero", "nought", "naught", "nil"];

/// One to nine.
pub const UNIT_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
];

/// Ten to nineteen.
pub const TEEN_WORDS: &[(&str, f64)] = &[
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

/// Twenty to ninety.
pub const TENS_WORDS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words after a count (`three million`, `two lakh`), plurals
/// included (`three billions`); `hundred` is read apart, inside a group of
/// three digits. `lakh` and `crore` are the Indian English scales
/// (100 000 and 10 000 000).
pub const SCALE_WORDS: &[(&str, f64)] = &[
    ("thousands", 1e3),
    ("thousand", 1e3),
    ("millions", 1e6),
    ("million", 1e6),
    ("billions", 1e9),
    ("billion", 1e9),
    ("trillions", 1e12),
    ("trillion", 1e12),
    ("lakhs", 1e5),
    ("lakh", 1e5),
    ("lacs", 1e5),
    ("lac", 1e5),
    ("crores", 1e7),
    ("crore", 1e7),
    // `Rs 500 cr`, `three cr`: Indian English writes crores so.
    ("cr", 1e7),
];

/// Scale abbreviations after digits, with or without a space: `2.3bn`,
/// `£4.5 mn`, `Rs 30 cr`. Only unambiguous ones take a space: `3 m` is three
/// metres, so the one-letter ones are glued only ([`GLUED_SCALES`]).
pub const SPACED_SCALES: &[(&str, f64)] = &[
    ("bln", 1e9),
    ("bn", 1e9),
    ("mln", 1e6),
    ("mn", 1e6),
    ("mil", 1e6),
    ("tln", 1e12),
    ("trn", 1e12),
    ("tn", 1e12),
    ("lkhs", 1e5),
    ("lkh", 1e5),
];

/// One-letter scales glued to digits: `100k`, `£3m`, `$1.2b`. British and
/// business press write millions as `m` (`£3m`); a length in metres (`a 3m
/// wall`) reads the same, which the rule's words around the value tell apart.
pub const GLUED_SCALES: &[(&str, f64)] = &[("k", 1e3), ("m", 1e6), ("b", 1e9)];

/// Fractions by their denominator word, singular and plural: `two thirds`,
/// `a quarter`, `three fifths`. `second` is left out (`a second` is a length
/// of time), and so are the larger ordinals (`a twenty-first` is a rank).
pub const FRACTIONS: &[(&str, f64)] = &[
    ("halves", 2.0),
    ("half", 2.0),
    ("thirds", 3.0),
    ("third", 3.0),
    ("quarters", 4.0),
    ("quarter", 4.0),
    ("fourths", 4.0),
    ("fourth", 4.0),
    ("fifths", 5.0),
    ("fifth", 5.0),
    ("sixths", 6.0),
    ("sixth", 6.0),
    ("sevenths", 7.0),
    ("seventh", 7.0),
    ("eighths", 8.0),
    ("eighth", 8.0),
    ("ninths", 9.0),
    ("ninth", 9.0),
    ("tenths", 10.0),
    ("tenth", 10.0),
    ("hundredths", 100.0),
    ("hundredth", 100.0),
    ("thousandths", 1000.0),
    ("thousandth", 1000.0),
];

/// Unicode vulgar fractions: `2½ years`, `¾ of voters`.
pub const VULGAR_FRACTIONS: &[(char, f64)] = &[
    ('½', 0.5),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

/// `a dozen`: vague, as the French `une douzaine` ([10, 14]); `two dozen` is
/// exactly 24, `half a dozen` [5, 7].
pub const DOZEN: (f64, f64) = (10.0, 14.0);
pub const HALF_DOZEN: (f64, f64) = (5.0, 7.0);

/// Vague plurals (`dozens`, `hundreds of thousands`): (word, base). As in
/// French (`des centaines`), the interval is `[2 base, 10 base]`, times the
/// multiplier after `of` (`tens of thousands` → [20 000, 100 000]).
pub const VAGUE_PLURALS: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 100.0),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("tens", 10.0),
];

/// Multipliers after `of` in a vague plural: `hundreds of thousands`.
pub const VAGUE_MULTIPLIERS: &[(&str, f64)] = &[("thousands", 1e3), ("millions", 1e6), ("billions", 1e9)];

/// Vague counts standing alone or before a scale (`a few`, `several
/// hundred`): (phrase, lo, hi). `a few` is the French `quelques` [2, 10];
/// `several`, like `plusieurs`, more than one with no stated upper bound;
/// `a couple` two, or three when loosely said. `few` alone ("not many") and
/// `a number of` say nothing a figure could contradict, and are not read.
pub const VAGUE_COUNTS: &[(&str, f64, f64)] = &[
    ("a couple of", 2.0, 3.0),
    ("a couple", 2.0, 3.0),
    ("a handful of", 2.0, 10.0),
    ("a handful", 2.0, 10.0),
    ("a few", 2.0, 10.0),
    ("several", 2.0, f64::INFINITY),
];

/// Words that read as one in a duration: `an hour`, `another week`.
pub const ONE_WORDS: &[&str] = &["a", "an", "one", "another"];

/// Ordinal words and their rank. The larger ones stand after a cardinal
/// (`two hundredth`, `three trillionth`). `nineth` is a frequent misspelling.
pub const ORDINAL_WORDS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("nineth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 100.0),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// Duration units and their length in days, as an interval: a month is 28
/// to 31 days, a year 365 or 366, a quarter 89 to 92. Longer spellings first.
pub const DURATION_UNITS: &[(&str, f64, f64)] = &[
    ("centuries", 36524.0, 36525.0),
    ("century", 36524.0, 36525.0),
    ("decades", 3652.0, 3653.0),
    ("decade", 3652.0, 3653.0),
    ("years", 365.0, 366.0),
    ("year", 365.0, 366.0),
    ("yrs", 365.0, 366.0),
    ("yr", 365.0, 366.0),
    ("quarters", 89.0, 92.0),
    ("quarter", 89.0, 92.0),
    ("months", 28.0, 31.0),
    ("month", 28.0, 31.0),
    ("fortnights", 14.0, 14.0),
    ("fortnight", 14.0, 14.0),
    ("weeks", 7.0, 7.0),
    ("week", 7.0, 7.0),
    ("wks", 7.0, 7.0),
    ("wk", 7.0, 7.0),
    ("days", 1.0, 1.0),
    ("day", 1.0, 1.0),
    ("hours", 1.0 / 24.0, 1.0 / 24.0),
    ("hour", 1.0 / 24.0, 1.0 / 24.0),
    ("hrs", 1.0 / 24.0, 1.0 / 24.0),
    ("hr", 1.0 / 24.0, 1.0 / 24.0),
    ("h", 1.0 / 24.0, 1.0 / 24.0),
    ("minutes", 1.0 / 1440.0, 1.0 / 1440.0),
    ("minute", 1.0 / 1440.0, 1.0 / 1440.0),
    ("mins", 1.0 / 1440.0, 1.0 / 1440.0),
    ("min", 1.0 / 1440.0, 1.0 / 1440.0),
    ("seconds", 1.0 / 86400.0, 1.0 / 86400.0),
    ("second", 1.0 / 86400.0, 1.0 / 86400.0),
    ("secs", 1.0 / 86400.0, 1.0 / 86400.0),
    ("sec", 1.0 / 86400.0, 1.0 / 86400.0),
];

/// Words between a count and its unit that leave the length as it is:
/// `two more days`, `three additional weeks`, `30 full days`, `ten straight
/// days`.
pub const DURATION_FILLERS: &[&str] = &[
    "more",
    "additional",
    "extra",
    "further",
    "full",
    "whole",
    "entire",
    "straight",
    "consecutive",
    "clear",
];

/// One whole unit: `all day`, `the whole week`, `a full year`, `all-day`.
pub const WHOLE_UNIT_LEADS: &[&str] = &[
    "all",
    "the whole",
    "a whole",
    "whole",
    "the full",
    "a full",
    "full",
    "the entire",
    "an entire",
    "entire",
];
/// The units [`WHOLE_UNIT_LEADS`] apply to.
pub const WHOLE_UNITS: &[&str] = &["day", "week", "month", "year", "night"];

/// Weekdays, Monday first (index 0 = Monday).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Abbreviated weekdays and their index; read only with a dot or a comma
/// after them, or before a date (`sun`, `sat`, `wed` are words).
pub const WEEKDAY_ABBREVIATIONS: &[(&str, i32)] = &[
    ("mon", 0),
    ("tues", 1),
    ("tue", 1),
    ("wed", 2),
    ("thurs", 3),
    ("thur", 3),
    ("thu", 3),
    ("fri", 4),
    ("sat", 5),
    ("sun", 6),
];

/// Month names and abbreviations with their number, longer first. A month
/// name alone is read only after a word that makes it one (`in May`, `last
/// March`): `may`, `march` and `august` are also verbs and adjectives.
pub const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The full name of month `m` (1 to 12): the table's first name for it.
pub fn month_name(m: i8) -> &'static str {
    MONTHS.iter().find(|(_, n)| *n == m).map_or("", |(name, _)| name)
}

/// Holidays on a fixed day: (words, month, first day, last day). Without a
/// year, the one nearest to the publication, as for `December 25`.
/// Holidays whose day moves (Easter, Thanksgiving, Labor Day) are not read,
/// nor `Independence Day` (every country has its own). Longer first.
pub const HOLIDAYS: &[(&str, i8, i8, i8)] = &[
    ("new year's eve", 12, 31, 31),
    ("new year's day", 1, 1, 1),
    ("christmas eve", 12, 24, 24),
    ("christmas day", 12, 25, 25),
    ("boxing day", 12, 26, 26),
    ("valentine's day", 2, 14, 14),
    ("st valentine's day", 2, 14, 14),
    ("st. patrick's day", 3, 17, 17),
    ("st patrick's day", 3, 17, 17),
    ("saint patrick's day", 3, 17, 17),
    ("all saints' day", 11, 1, 1),
    ("all saints day", 11, 1, 1),
    ("armistice day", 11, 11, 11),
    ("remembrance day", 11, 11, 11),
    ("veterans day", 11, 11, 11),
    ("veterans' day", 11, 11, 11),
    ("bastille day", 7, 14, 14),
    ("the fourth of july", 7, 4, 4),
    ("halloween", 10, 31, 31),
    ("christmas", 12, 25, 25),
    ("new year", 1, 1, 1),
];

/// Words after a holiday that make it another calendar's (`Chinese New
/// Year`, `Orthodox Christmas`): matched whole, read as no date.
pub const HOLIDAY_QUALIFIERS: &[&str] = &["chinese", "lunar", "jewish", "persian", "islamic", "orthodox"];
/// The same, before the holiday.
pub const HOLIDAY_PREFIXES: &[&str] = &[
    "chinese",
    "lunar",
    "jewish",
    "persian",
    "islamic",
    "orthodox",
    "vietnamese",
    "tibetan",
    "iranian",
];

/// Seasons, each the widest of its meteorological and astronomical meanings
/// (as the French ones): (name, first month, first day, last month, last
/// day). `fall` is the American autumn. Winter runs into the next year.
pub const SEASONS: &[(&str, i8, i8, i8, i8)] = &[
    ("spring", 3, 1, 6, 21),
    ("summer", 6, 1, 9, 23),
    ("autumn", 9, 1, 12, 22),
    ("fall", 9, 1, 12, 22),
    ("winter", 12, 1, 3, 21),
];

/// Marks of the past in the sentence around a bare weekday, as a regex over
/// the lower-cased sentence: `was`, `were`, `had`, `did`, the present
/// perfect (`has announced`, `have been`), and the simple past of common
/// news verbs. A generic `-ed` is not a mark: news text is full of
/// participles used as adjectives (`the United Nations`, `UN-backed talks`).
pub const PAST_TENSE: &str = r"\b(?:was|were|had|did|wasn't|weren't|didn't|(?:has|have)\s+(?:(?:already|also|now|just|not|never|since|recently)\s+)?(?:been|\p{Ll}{2,}ed|said|told|met|taken|left|given|made|won|lost|fallen|risen|spoken|struck|fled|sent|led|brought|kept|paid|sold|shot|broken|written|become|got|gotten|known|fought|seen|come|gone)|said|told|met|went|came|took|held|left|began|saw|found|gave|made|won|lost|fell|rose|spoke|struck|fled|sent|led|brought|thought|kept|felt|paid|sold|shot|stood|ran|drove|broke|wrote|became|got|knew|fought|announced|reported|confirmed|killed|died|arrived|attacked|launched|signed|agreed|rejected|accused|claimed|warned|stated|called|added|explained|insisted|denied|voted|happened|occurred|started|ended|opened|closed|visited|returned|arrested|released|resigned|decided|approved|passed|published|revealed|criticised|criticized|demanded|urged|promised|vowed|pledged|declared|raided|fired|shelled|bombed|injured|wounded|protested|marched|gathered|collapsed|crashed|exploded|erupted|unveiled|presented|introduced|admitted|acknowledged|described|noted|suggested|responded|replied|appeared|emerged|failed|managed|tried|asked|answered|discussed|talked)\b";

/// Marks of the future: `will`, `'ll`, `shall`, `won't`, `is due`, `is
/// scheduled`, `is set to`, `is expected to`, `is going to`, `plans to`,
/// `upcoming`. Taken out of the sentence before the past is looked for, so
/// that `is scheduled` is not also read as a past.
pub const FUTURE_TENSE: &str = r"(?:\b(?:will|shall|won't)\b|'ll\b|\b(?:is|are|am)\s+(?:(?:also|now|still|not)\s+)?(?:due|scheduled|slated|set\s+to|expected\s+to|planned|going\s+to|poised\s+to|to\s+be)\b|'(?:s|re)\s+(?:due|scheduled|set\s+to|going\s+to)\b|\b(?:plans?|planning|intends?)\s+to\b|\bupcoming\b)";

/// Hedges before a number, folded as the text they are compared with.
pub fn folded_hedges() -> &'static [(String, Hedge)] {
    static FOLDED: std::sync::LazyLock<Vec<(String, Hedge)>> =
        std::sync::LazyLock::new(|| HEDGES.iter().map(|(p, h)| (fold(p), *h)).collect());
    &FOLDED
}

/// The value of a cardinal word: `zero`…`ninety` (not the scales).
pub fn small_word(word: &str) -> Option<f64> {
    if ZERO_WORDS.contains(&word) {
        return Some(0.0);
    }
    UNIT_WORDS
        .iter()
        .chain(TEEN_WORDS)
        .chain(TENS_WORDS)
        .find(|(w, _)| *w == word)
        .map(|(_, v)| *v)
}

/// Phrases of a correction notice, folded: a sentence that holds one tells
/// what an earlier version wrongly said (see `search::frame`).
pub const RETRACTIONS: &[&str] = &[
    "earlier version",
    "previous version",
    "incorrectly stated",
    "incorrectly said",
    "incorrectly reported",
    "wrongly stated",
    "wrongly said",
    "wrongly reported",
    "mistakenly",
    "erroneously",
    "in error",
    "misstated",
    "misreported",
    "article also said",
    "article also stated",
    "article also reported",
    // A correction notice's account of its own article: "The article said
    // Russia had launched 426 missiles" (the figures it then withdraws).
    "the article said",
    "the article stated",
    "the article reported",
    "the article claimed",
    "the article gave",
    "the story said",
    "the story stated",
    "the story reported",
    "we wrongly",
    "we incorrectly",
    // A reader's account of the paper's words (a letter to the editor):
    // "your front page told me that Russia had fired 450 drones". Not
    // "your report on the talks of 23 July": a topic, which the reader
    // may go on to state in their own voice.
    "your front page",
    "your headline",
    "you wrote",
    "you reported",
    "you printed",
    // An exercise's sentence given to be put right ("The sentence below
    // contains an error; correct it: …"): its figure is the wrong one.
    "contains an error",
    "contains a mistake",
    "spot the error",
    "spot the mistake",
    "find the error",
    "find the mistake",
];

/// Hedges said after a value and its unit, folded, each with the phrase
/// that says it before the value (see `extract::read::value_words`): "two
/// dead at least", "twelve days at most", "1,000 prisoners or so".
/// Longest first.
pub const POST_HEDGES: &[(&str, &str)] = &[
    ("at the very least", "at least"),
    ("at the very most", "at most"),
    ("at the most", "at most"),
    ("at minimum", "at least"),
    ("at least", "at least"),
    ("at most", "at most"),
    ("or more", "at least"),
    ("or fewer", "at most"),
    ("or so", "about"),
];

/// A speaker's correction of the words just said, folded (see
/// `search::frame`): "sorry", "I mean", "no, wait".
pub const SELF_CORRECTIONS: &[&str] = &[
    "sorry",
    "i mean",
    "no wait",
    "or rather",
    "scratch that",
    "i should say",
    "let me correct",
    "correction",
];

/// The first words of a claim a fact-check rates (`Claim: "…"`, `The
/// claim: …`), folded.
pub const RATED_CLAIM: &[&str] = &[
    "claim",
    "the claim",
    "rumor",
    "the rumor",
    "rumour",
    "the rumour",
    "what is circulating",
    "what s circulating",
];

/// A style guide's label for a wrong wording, shown to be avoided, at the
/// head of its sentence ("Wrong: Russia launched 450 drones") or in the
/// line that leads in to a list of them ("Do not write:").
pub const WRONG_WORDINGS: &[&str] = &[
    "wrong",
    "incorrect",
    "avoid",
    "do not write",
    "don t write",
    "never write",
    // A data page's edits it turned down ("Rejected proposals:").
    "rejected",
    "rejected proposals",
    "rejected edits",
    "rejected changes",
];

/// Adjectives of order beside a small count that stands for a noun left
/// out (folded): "the first two", "the two previous ones".
pub const ORDER_ADJECTIVES: &[&str] = &["first", "previous", "earlier", "prior", "last"];

/// Words that cannot be a noun after a count (folded): what follows a count
/// whose noun is left out ("the first two were held in Istanbul").
pub const FUNCTION_WORDS: &[&str] = &[
    "on", "in", "at", "of", "for", "with", "by", "from", "to", "both", "and", "or", "but", "which", "that", "who",
    "were", "was", "are", "is", "had", "have", "has", "did", "took", "ended", "produced", "yielded", "brought",
    "failed", "lasted",
];

/// Phrases before a value that set its sentence in a bygone time, folded:
/// "Time was when a hundred drones a night made headlines".
pub const BYGONE: &[&str] = &[
    "time was",
    "there was a time",
    "there was a time when",
    "once upon a time",
    "in the early days of the war",
    "in the first months of the war",
    "at the start of the war",
    "at the beginning of the war",
];

/// The label of a link to another article, folded, as a paragraph's first
/// words: "Read more: …", "Related: …". The headline after it is the other
/// article's, not a claim of this one.
pub const CROSS_LINKS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "related story",
    "related article",
    "more on this story",
    "more on this",
    "recommended",
    "up next",
    "watch next",
    // A reader's comment is not the outlet's claim.
    "top comment",
    "most liked comment",
    "reader comment",
];

/// Headings that stand alone on their line over a block of other
/// articles' headlines or of readers' comments, folded (see
/// `search::frame`): "Most read" over a list, "Comments (143)". Only alone:
/// "Comments by the Kremlin…" opens a paragraph of the article.
pub const SECTION_HEADINGS: &[&str] = &[
    "most read",
    "most popular",
    "more videos",
    "more from",
    "latest news",
    "trending",
    "comments",
    "reader comments",
    "you may also like",
    "recommended for you",
];

/// Phrases that say the sentence reports what a post on social media or a
/// rumour says (folded): "a screenshot shared thousands of times says 700
/// drones…". Before the value, anywhere in its sentence.
pub const HEARSAY: &[&str] = &[
    "screenshot",
    "screenshots",
    "shared thousands of times",
    "shared hundreds of times",
    "shared widely",
    "widely shared",
    "viral post",
    "viral video",
    "viral claim",
    "went viral",
    "circulating online",
    "circulating on social media",
    "falsely claims",
    "falsely claimed",
    "falsely said",
    "falsely says",
    "falsely stated",
    "wrongly claims",
    "wrongly claimed",
    "hoax",
    // What the text under discussion says (a wiki talk page's "The infobox
    // currently says 728 drones"): quoted to be checked, not stated.
    "the article says",
    "the article currently says",
    "the article states",
    "the infobox says",
    "the infobox currently says",
    "the infobox states",
    "the lede says",
    "the lead says",
    // What the text a referee's report reviews says ("the authors write
    // that…").
    "the authors write",
    "the authors state",
    "the authors claim",
    "the manuscript says",
    "the manuscript states",
    "the post claims",
    "the post says",
    "the post said",
];

/// Words before a value that deny it or report it unconfirmed (folded):
/// "Moscow denied that 500 drones were launched", "some reports said three
/// were killed".
pub const DENIALS: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "dismissed reports",
    "dismissed suggestions",
    "dismissed claims",
    "dismissed speculation",
    "no evidence",
    "refuted",
    "debunked",
    "some reports",
    "some early reports",
    "some initial reports",
    "some news reports",
    "some press reports",
    "some media",
    "unconfirmed",
    "unverified",
    "rumours",
    "rumors",
    "rumoured",
    "rumored",
    "wrongly",
    "mistakenly",
    "erroneously",
    "falsely",
];

/// A participle after a value that denies it (folded): "a figure of
/// three dead, quickly denied by the city".
pub const DENIED_AFTER: &[&str] = &[
    "denied by",
    "refuted by",
    "dismissed by",
    "quickly denied",
    "later denied",
    "since denied",
    "since refuted",
    "later retracted",
    "since retracted",
];

/// Words that make a question a doubt (folded): "Was it really 50 days?",
/// "Would Russia have…?".
pub const QUESTION_DOUBTS: &[&str] = &["would", "could", "might", "really", "supposedly"];

/// A sentence that opens with one of these supposes (folded): "Had Russia
/// fired 1,000 drones…", "Were Kyiv to accept…".
pub const INVERTED_CONDITIONS: &[&str] = &["had", "were"];

/// A condition (folded), which a past perfect after it makes a hypothesis.
pub const CONDITIONS: &[&str] = &["if"];

/// The auxiliary of a past perfect (folded): "if Moscow had accepted"; and
/// the subjunctive "were": "if he were to extend it to 100 days".
pub const PAST_PERFECT: &[&str] = &["had", "were"];

/// Words that set a sentence up as a supposition (folded): "suppose the
/// deadline had been 60 days", "the counterfactual".
pub const SUPPOSITIONS: &[&str] = &[
    "suppose",
    "supposing",
    "imagine",
    "counterfactual",
    "hypothetically",
    "what if",
];

/// A fact-check's verdict, as the first word of the sentence after the
/// claim it rates (`Verdict: FALSE.`, `MISLEADING.`), folded.
pub const VERDICTS: &[&str] = &[
    "verdict",
    "false",
    "misleading",
    "incorrect",
    "inaccurate",
    "fake",
    "unproven",
    "no evidence",
    "unfounded",
    "baseless",
];

/// Phrases that, anywhere in the sentence after a figure, say it is wrong
/// (folded): "One reply claimed 600 drones. The air force's numbers do not
/// support that."
pub const REFUTATIONS: &[&str] = &[
    "do not support that",
    "does not support that",
    "do not support this",
    "does not support this",
    "do not bear that out",
    "does not bear that out",
    "do not bear this out",
    "does not bear this out",
    "that is false",
    "this is false",
    "that is not true",
    "this is not true",
    "that is untrue",
    "this is untrue",
    "that is wrong",
    "this is wrong",
    "has been debunked",
    "was debunked",
    "were debunked",
];

/// Phrases that, after a figure in its own sentence, say it was mistaken
/// for another (folded): "Some wrote 60 days, a mix-up with Iran's
/// deadline." (Not in the next sentence, which tells its own.)
pub const CONFUSIONS: &[&str] = &[
    "a mix up",
    "is a mistake",
    "a confusion with",
    "confused with",
    "confusing it with",
];

/// Verbs of an event taking place, folded, longest first (see
/// `search::frame`'s other subject: "The gala takes place on Saturday" is the gala's day).
pub const EVENT_VERBS: &[&str] = &[
    "will take place",
    "takes place",
    "take place",
    "took place",
    "will be held",
    "is held",
    "was held",
    "are held",
    "were held",
    "be held",
];

/// Subject pronouns, folded, and relative ones: a verb of taking place
/// after one tells of the noun it stands for.
pub const SUBJECT_PRONOUNS: &[&str] = &["it", "they", "which", "that", "this", "these", "those", "who"];

/// A quiz's prompt before a statement the reader is to rate (« Vrai ou
/// faux ? Trump a laissé 100 jours… »): the statement is put, not told,
/// whether the answer below keeps it or not.
pub const QUIZ_PROMPTS: &[&str] = &["true or false", "fact or fiction", "fact or myth", "myth or fact"];

/// Words of a quiz's lead-in (folded): a list after a line that asks
/// whether each item is true or false is a quiz's only when that line says
/// it is one ("Eight statements…", « Testez vos connaissances »).
pub const QUIZ_WORDS: &[&str] = &["quiz", "statements", "questions", "answers", "points", "score"];

/// Connectives that may stand before a sentence's subject pronoun, folded
/// ("Then he announced…"): the pronoun is still the sentence's subject
/// (see `search::text::Analysis::passage_of`).
pub const PRONOUN_CONNECTIVES: &[&str] = &["then", "but", "and", "so", "yet", "later", "finally"];

/// Words of a correction note (folded, whole words): a line that
/// has one may withdraw a figure after one of [`WITHDRAWN_MARKERS`] («
/// Corrige le nombre de drones : 426, et non 246 »), which
/// `extract::drop_corrected` leaves out of the whole article.
pub const CORRECTION_WORDS: &[&str] = &[
    "corrects",
    "corrected",
    "correcting",
    "correction",
    "correct",
    "erratum",
    // A checker's reply on a draft ("it's 426 drones, not 462: you've
    // transposed the digits").
    "in error",
    "by mistake",
    "typo",
    "transposed",
    "fact check",
];

/// What stands right before a figure a correction withdraws, folded.
pub const WITHDRAWN_MARKERS: &[&str] = &["not", "rather than", "instead of"];

/// Verbs of a figure that grows (folded): « le bilan s'est alourdi », "the
/// toll rose". A sentence with one told "then" or « ensuite » tells of the
/// same event a little later, not of another (see
/// `search::dates::another_event_marked`).
pub const GROWTH_WORDS: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "rising",
    "climbed",
    "climbs",
    "grew",
    "grown",
    "increased",
    "revised",
    "updated",
];

/// A draft and a request to check it, folded: an e-mail paragraph holding
/// a word of each leads in to the draft it quotes (see
/// `search::text::drafts`).
pub const DRAFT_WORDS: &[&str] = &["draft", "paragraph", "para"];
pub const CHECK_WORDS: &[&str] = &["check", "verify", "proofread"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_hedges_come_before_the_phrases_they_start_with() {
        for (i, (a, _)) in HEDGES.iter().enumerate() {
            for (b, _) in &HEDGES[i + 1..] {
                assert!(!b.starts_with(&format!("{a} ")), "{b:?} comes after {a:?}");
            }
        }
    }

    #[test]
    fn small_words_have_their_value() {
        assert_eq!(small_word("nought"), Some(0.0));
        assert_eq!(small_word("seven"), Some(7.0));
        assert_eq!(small_word("fifteen"), Some(15.0));
        assert_eq!(small_word("ninety"), Some(90.0));
        assert_eq!(small_word("hundred"), None);
    }

    #[test]
    fn typographic_apostrophes_and_dashes_fold() {
        assert_eq!(fold("New Year’s  Eve"), "new year's eve");
        assert_eq!(fold("twenty—fifth"), "twenty-fifth");
    }
}
